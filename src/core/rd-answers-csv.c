#define G_LOG_DOMAIN "rd-answers-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-answer.h"
#include "rd-answers-csv.h"

void
rd_answers_csv_append_cell (GString    *line,
                            const char *cell)
{
  gboolean formula = cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
  gboolean quote = strpbrk (cell, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static char *
format_answer (RdItem         *item,
               const RdAnswer *answer)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (answer->not_applicable)
    return g_strdup ("N/A");

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_DATE:
      {
        GDate date;

        if (answer->julian_day == 0)
          return g_strdup ("");
        rd_answer_get_date (answer, &date);
        return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date));
      }
    case RD_ITEM_KIND_YES_NO:
      if (isnan (answer->value))
        return g_strdup ("");
      return g_strdup (answer->value != 0 ? "yes" : "no");
    default:
      if (isnan (answer->value))
        return g_strdup ("");
      return g_strdup (g_ascii_formatd (number, sizeof number, "%.15g", answer->value));
    }
}

typedef struct
{
  RdGroup group;
  char **cells;  /* one per exported item */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

char *
rd_answers_csv_format (RdFramework      *framework,
                       RdAssessmentMode  mode,
                       GPtrArray        *answers,
                       gsize            *length)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rows_by_respondent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      if (!rd_framework_item_in_mode (framework, item, mode))
        continue;
      g_hash_table_insert (columns, (char *) rd_item_get_id (item), GUINT_TO_POINTER (items->len + 1));
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, answer->item_id));
      Row *row;

      if (column == 0)
        continue;
      row = g_hash_table_lookup (rows_by_respondent, &answer->respondent_id);
      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->group = answer->group;
          row->cells = g_new0 (char *, items->len + 1);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (rows_by_respondent, g_memdup2 (&answer->respondent_id, sizeof (gint64)), row);
        }
      g_free (row->cells[column - 1]);
      row->cells[column - 1] = format_answer (g_ptr_array_index (items, column - 1), answer);
    }

  g_string_append (csv, "respondent,group");
  for (guint c = 0; c < items->len; c++)
    {
      g_string_append_c (csv, ',');
      rd_answers_csv_append_cell (csv, rd_item_get_id (g_ptr_array_index (items, c)));
    }
  g_string_append (csv, "\r\n");

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);

      g_string_append_printf (csv, "%u,", r + 1);
      rd_answers_csv_append_cell (csv, rd_group_to_id (row->group));
      for (guint c = 0; c < items->len; c++)
        {
          g_string_append_c (csv, ',');
          if (row->cells[c] != NULL)
            rd_answers_csv_append_cell (csv, row->cells[c]);
        }
      g_string_append (csv, "\r\n");
    }

  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}
