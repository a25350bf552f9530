/* libFuzzer target for rd_csv_parse; tests/fuzz/README.md says how to run it.
 *
 * Beyond what the sanitizers catch, it checks what the contract promises:
 * an error names the file and its code is one of RdCsvError; a table has
 * valid UTF-8 cells, places that only move forward, and comes back the
 * same when written out again with every cell quoted. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rd-csv.h"

#define NAME "fuzz.csv"

#define CHECK(condition)                                                \
  G_STMT_START {                                                        \
    if (!(condition))                                                   \
      {                                                                 \
        fprintf (stderr, "%s:%d: check failed: %s\n",                   \
                 __FILE__, __LINE__, #condition);                       \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
append_quoted (GString    *out,
               const char *cell)
{
  g_string_append_c (out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Every cell quoted: then no cell can pass for a blank line, a BOM or a
 * separator, and the same table must come back. */
static void
check_round_trip (const RdCsvTable *table)
{
  guint n_columns = rd_csv_table_get_n_columns (table);
  guint n_rows = rd_csv_table_get_n_rows (table);
  char separator = rd_csv_table_get_separator (table);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) again = NULL;

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      append_quoted (out, rd_csv_table_get_header (table, c));
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (out, "\r\n");
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, separator);
          append_quoted (out, rd_csv_table_get_cell (table, r, c));
        }
    }

  if (out->len > RD_CSV_MAX_BYTES)
    return;

  again = rd_csv_parse (out->str, out->len, NAME, &error);
  if (again == NULL)
    fprintf (stderr, "round trip failed: %s\n", error->message);
  CHECK (again != NULL);
  CHECK (rd_csv_table_get_separator (again) == separator);
  CHECK (rd_csv_table_get_n_columns (again) == n_columns);
  CHECK (rd_csv_table_get_n_rows (again) == n_rows);
  for (guint c = 0; c < n_columns; c++)
    CHECK (strcmp (rd_csv_table_get_header (again, c), rd_csv_table_get_header (table, c)) == 0);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      CHECK (strcmp (rd_csv_table_get_cell (again, r, c), rd_csv_table_get_cell (table, r, c)) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = NULL;
  guint n_columns, n_rows, last_line = 0, last_column = 0;
  char separator;

  table = rd_csv_parse ((const char *) data, size, NAME, &error);
  if (table == NULL)
    {
      CHECK (error != NULL);
      CHECK (error->domain == RD_CSV_ERROR);
      CHECK (error->code >= RD_CSV_ERROR_EMPTY && error->code <= RD_CSV_ERROR_TOO_LARGE);
      CHECK (g_str_has_prefix (error->message, NAME ": "));
      CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  CHECK (error == NULL);

  separator = rd_csv_table_get_separator (table);
  n_columns = rd_csv_table_get_n_columns (table);
  n_rows = rd_csv_table_get_n_rows (table);
  CHECK (separator == ',' || separator == ';' || separator == '\t' || separator == '\0');
  CHECK ((separator == '\0') == (n_columns == 1));
  CHECK (n_columns >= 1 && n_columns <= RD_CSV_MAX_COLUMNS);
  CHECK (n_rows >= 1);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = rd_csv_table_get_header (table, c);

      CHECK (header != NULL);
      CHECK (g_utf8_validate (header, -1, NULL));
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *cell = rd_csv_table_get_cell (table, r, c);
        guint line = rd_csv_table_get_line (table, r, c);
        guint column = rd_csv_table_get_column_position (table, r, c);

        CHECK (cell != NULL);
        CHECK (g_utf8_validate (cell, -1, NULL));
        CHECK (strlen (cell) < size);
        CHECK (line >= 1 && column >= 1);
        /* Each cell starts after the one before it. */
        CHECK (line > last_line || (line == last_line && column > last_column));
        last_line = line;
        last_column = column;
      }

  check_round_trip (table);
  return 0;
}
