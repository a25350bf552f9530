#define G_LOG_DOMAIN "rd-learning-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-csv.h"
#include "rd-export-file.h"
#include "rd-learning-csv.h"
#include "rd-learning-export.h"
#include "rd-xlsx-workbook.h"

gboolean
rd_learning_export_write_csv (GPtrArray     *staff,
                              GPtrArray     *activities,
                              const char    *path,
                              GCancellable  *cancellable,
                              GError       **error)
{
  gsize length;
  char *text = rd_learning_csv_format (staff, activities, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

  return rd_export_file_write_bytes (path, bytes, cancellable, error);
}

/* The CSV's rows, cell for cell, so that both read alike: numbers as
 * numbers, the rest as text. */
gboolean
rd_learning_export_write_xlsx (GPtrArray     *staff,
                               GPtrArray     *activities,
                               const char    *path,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(RdXlsxWorkbook) book = NULL;
  g_autofree char *csv = rd_learning_csv_format (staff, activities, NULL);
  g_autoptr(RdCsvTable) table = NULL;

  book = rd_xlsx_workbook_begin (path, cancellable, error);
  if (book == NULL || !rd_xlsx_workbook_begin_sheet (book, _("Learning log"), "Learning log", error))
    return FALSE;

  /* The CSV is the one place that lays the rows out: read it back. */
  table = rd_csv_parse (csv, strlen (csv), path, NULL);
  for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
    {
      rd_xlsx_workbook_put_text (book, 0, (lxw_col_t) c, rd_learning_csv_column_id (c), book->header);
      rd_xlsx_workbook_set_column (book, (lxw_col_t) c, (lxw_col_t) c, c == RD_LEARNING_COLUMN_TITLE ? 40 : 18);
    }
  for (guint r = 0; table != NULL && r < rd_csv_table_get_n_rows (table); r++)
    for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
      {
        const char *cell = rd_csv_table_get_cell (table, r, c);
        char *end = NULL;
        double value;

        if (*cell == '\0')
          continue;
        value = g_ascii_strtod (cell, &end);
        if ((c == RD_LEARNING_COLUMN_WORKLOAD_ECTS || c == RD_LEARNING_COLUMN_WORKLOAD_HOURS ||
             c == RD_LEARNING_COLUMN_EQF_LEVEL) && end != cell && *end == '\0')
          rd_xlsx_workbook_put_number (book, r + 1, (lxw_col_t) c, value, NULL);
        else
          /* A spreadsheet cell holds text as text: no apostrophe needed. */
          rd_xlsx_workbook_put_text (book, r + 1, (lxw_col_t) c,
                                     cell[0] == '\'' && cell[1] != '\0' ? cell + 1 : cell, NULL);
      }
  if (!rd_xlsx_workbook_end_sheet (book, cancellable, error))
    return FALSE;
  rd_xlsx_workbook_set_title (book, _("Learning log"), NULL);
  rd_xlsx_workbook_set_number_property (book, "readiness-format", RD_LEARNING_CSV_VERSION);
  rd_xlsx_workbook_set_property (book, "readiness-document", "learning-log");
  return rd_xlsx_workbook_finish (book, cancellable, error);
}
