#include "config.h"

#include <string.h>

#include "rd-csv.h"

/* A fixture of tests/data/csv/, parsed under its own name. */
static RdCsvTable *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return rd_csv_parse (data, length, name, error);
}

static RdCsvTable *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  RdCsvTable *table = parse_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static RdCsvTable *
parse_string (const char  *text,
              GError     **error)
{
  return rd_csv_parse (text, strlen (text), "test.csv", error);
}

static void
assert_header (RdCsvTable         *table,
               char                separator,
               const char * const *header)
{
  guint n = g_strv_length ((GStrv) header);

  g_assert_cmpint (rd_csv_table_get_separator (table), ==, separator);
  g_assert_cmpuint (rd_csv_table_get_n_columns (table), ==, n);
  for (guint c = 0; c < n; c++)
    g_assert_cmpstr (rd_csv_table_get_header (table, c), ==, header[c]);
}

/* The cells of @row, and the line every one of them starts on. */
static void
assert_row (RdCsvTable         *table,
            guint               row,
            guint               line,
            const char * const *cells)
{
  g_assert_cmpuint (g_strv_length ((GStrv) cells), ==, rd_csv_table_get_n_columns (table));
  for (guint c = 0; cells[c] != NULL; c++)
    {
      g_assert_cmpstr (rd_csv_table_get_cell (table, row, c), ==, cells[c]);
      g_assert_cmpuint (rd_csv_table_get_line (table, row, c), ==, line);
    }
}

static void
assert_place (RdCsvTable *table,
              guint       row,
              guint       column,
              guint       line,
              guint       position)
{
  g_assert_cmpuint (rd_csv_table_get_line (table, row, column), ==, line);
  g_assert_cmpuint (rd_csv_table_get_column_position (table, row, column), ==, position);
}

#define ROW(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Good fixtures */

static void
test_comma (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("comma.csv");

  assert_header (table, ',', ROW ("ID", "Start time", "Name", "How often do you use digital tools?"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, ROW ("1", "2024-03-04 09:12:01", "Anna de Vries", "Weekly"));
  assert_row (table, 1, 3, ROW ("2", "2024-03-04 09:15:44", "Bram Jansen", "Daily"));
  assert_row (table, 2, 4, ROW ("3", "2024-03-04 10:02:10", "Chris Bakker", "Never"));
  assert_place (table, 0, 0, 2, 1);
  assert_place (table, 0, 1, 2, 3);
  assert_place (table, 0, 2, 2, 23);
  assert_place (table, 0, 3, 2, 37);
}

static void
test_semicolon (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("semicolon.csv");

  assert_header (table, ';', ROW ("id", "submitdate", "lastpage", "G01Q01"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("1", "2024-03-04 09:12:01", "3", "A2"));
  assert_row (table, 1, 3, ROW ("2", "2024-03-04 09:15:44", "3", "A4"));
  assert_place (table, 1, 3, 3, 25);
}

static void
test_tab (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("tab.csv");

  /* Two tabs beat the one comma of the header. */
  assert_header (table, '\t', ROW ("Timestamp", "School, location", "Score"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("2024/03/04 9:12:01", "De Regenboog, Zwolle", "3"));
  assert_row (table, 1, 3, ROW ("2024/03/04 9:15:44", "Het Kompas, Delft", "4"));
  assert_place (table, 0, 1, 2, 20);
  assert_place (table, 0, 2, 2, 41);
}

static void
test_bom (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("bom.csv");

  assert_header (table, ',', ROW ("Naam", "Klas"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("Anna", "7b"));
  assert_row (table, 1, 3, ROW ("Bram", "8a"));
  assert_place (table, 0, 1, 2, 6);
}

static void
test_crlf (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("crlf.csv");

  assert_header (table, ',', ROW ("Timestamp", "Name", "Answer"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("3/4/2024 9:12:01", "Anna", "Yes"));
  assert_row (table, 1, 3, ROW ("3/4/2024 9:15:44", "Bram", "No"));
  assert_place (table, 1, 2, 3, 23);
}

static void
test_cr_only (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("cr-only.csv");

  assert_header (table, ',', ROW ("a", "b"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("c", "d"));
  assert_row (table, 1, 3, ROW ("e", "f"));
  assert_place (table, 1, 1, 3, 3);
}

static void
test_quoted_separators (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("quoted-separators.csv");

  assert_header (table, ',', ROW ("Name", "Comment", "Score"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("Jansen, Bram", "We use Teams; sometimes Zoom", "4"));
  assert_row (table, 1, 3, ROW ("De Vries; Anna", "plain", "3,5"));
  /* A quoted cell starts at its opening quote. */
  assert_place (table, 0, 0, 2, 1);
  assert_place (table, 0, 1, 2, 16);
  assert_place (table, 0, 2, 2, 47);
  assert_place (table, 1, 2, 3, 24);
}

static void
test_quoted_newlines (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("quoted-newlines.csv");

  assert_header (table, ',', ROW ("Name", "Comment", "Score"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 1), ==, "First line\nsecond line");
  g_assert_cmpstr (rd_csv_table_get_cell (table, 1, 1), ==, "One\ntwo\nthree");
  /* A row spans lines; each cell has the line it starts on. */
  assert_place (table, 0, 0, 2, 1);
  assert_place (table, 0, 1, 2, 6);
  assert_place (table, 0, 2, 3, 14);
  assert_place (table, 1, 0, 4, 1);
  assert_place (table, 1, 1, 4, 6);
  assert_place (table, 1, 2, 6, 8);
  assert_row (table, 2, 7, ROW ("Chris", "short", "3"));
}

static void
test_doubled_quotes (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("doubled-quotes.csv");

  assert_header (table, ',', ROW ("Question", "Answer"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, ROW ("She said \"yes\"", "\"quoted\""));
  assert_row (table, 1, 3, ROW ("\"", "x"));
  assert_row (table, 2, 4, ROW ("", ""));
  assert_place (table, 0, 1, 2, 20);
  assert_place (table, 1, 1, 3, 6);
}

static void
test_dutch_excel (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("dutch-excel.csv");

  assert_header (table, ';', ROW ("School", "Aantal leerlingen", "Percentage devices",
                                  "Gemiddeld cijfer", "Opmerking"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("De Regenboog", "250", "87,5", "7,2", "Wifi; soms traag"));
  assert_row (table, 1, 3, ROW ("Het Kompas", "1.204", "92", "6,8", ""));
  assert_place (table, 0, 2, 2, 18);
  assert_place (table, 1, 4, 3, 25);
}

static void
test_trailing_blank_lines (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("trailing-blank-lines.csv");

  assert_header (table, ',', ROW ("a", "b"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("1", "2"));
  assert_row (table, 1, 3, ROW ("3", "4"));
}

static void
test_one_column (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("one-column.csv");

  /* No separator in the header: commas and semicolons below are text, and
   * an empty line is an empty answer. */
  assert_header (table, '\0', ROW ("Naam"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, 2, ROW ("Anna de Vries"));
  assert_row (table, 1, 3, ROW ("Jansen, Bram; 7b"));
  assert_row (table, 2, 4, ROW (""));
  assert_row (table, 3, 5, ROW ("Chris"));
}

static void
test_unicode (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("unicode.csv");

  assert_header (table, ',', ROW ("Naam", "Reactie", "Stemming"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, ROW ("Zoë", "Café open 🎉", "😀"));
  assert_row (table, 1, 3, ROW ("Noël", "Één \"idee\"", "ë"));
  /* Columns count characters, not bytes. */
  assert_place (table, 0, 1, 2, 5);
  assert_place (table, 0, 2, 2, 17);
  assert_place (table, 1, 1, 3, 6);
  assert_place (table, 1, 2, 3, 21);
}

static void
test_empty_cells (void)
{
  g_autoptr(RdCsvTable) table = load_fixture ("empty-cells.csv");

  assert_header (table, ',', ROW ("a", "b", "c"));
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, 2, ROW ("", "", ""));
  assert_row (table, 1, 3, ROW ("1", "", "3"));
  assert_row (table, 2, 4, ROW ("", "2", ""));
  assert_row (table, 3, 5, ROW ("", "", ""));
  assert_place (table, 0, 2, 2, 3);
  assert_place (table, 3, 1, 5, 4);
  assert_place (table, 3, 2, 5, 5);
}

/* Broken fixtures */

typedef struct
{
  const char *name;
  RdCsvError code;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "empty.csv", RD_CSV_ERROR_EMPTY, "empty.csv: the file is empty" },
  { "whitespace-only.csv", RD_CSV_ERROR_EMPTY, "whitespace-only.csv: the file is empty" },
  { "header-only.csv", RD_CSV_ERROR_NO_ROWS, "header-only.csv: the file has a header but no rows" },
  { "unclosed-quote.csv", RD_CSV_ERROR_UNCLOSED_QUOTE,
    "unclosed-quote.csv: line 3, column 6: a quoted field is not closed" },
  { "stray-quote.csv", RD_CSV_ERROR_STRAY_QUOTE,
    "stray-quote.csv: line 2, column 15: a quote appears inside a field that does not start with one" },
  { "text-after-quote.csv", RD_CSV_ERROR_STRAY_QUOTE,
    "text-after-quote.csv: line 2, column 14: text follows the closing quote of a field" },
  { "too-many-fields.csv", RD_CSV_ERROR_COLUMN_COUNT,
    "too-many-fields.csv: line 3, column 17: the row has 4 fields, the header has 3" },
  { "too-few-fields.csv", RD_CSV_ERROR_COLUMN_COUNT,
    "too-few-fields.csv: line 3, column 8: the row has 2 fields, the header has 3" },
  { "invalid-utf8.csv", RD_CSV_ERROR_ENCODING,
    "invalid-utf8.csv: line 3, column 3: the file is not valid UTF-8" },
  { "blank-line-in-middle.csv", RD_CSV_ERROR_COLUMN_COUNT,
    "blank-line-in-middle.csv: line 3, column 1: the row has 1 field, the header has 2" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_fixture (c->name, &error);

  g_assert_null (table);
  g_assert_error (error, RD_CSV_ERROR, (gint) c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

/* Built from strings */

typedef struct
{
  const char *text;
  RdCsvError code;
  const char *message;
} StringCase;

static const StringCase string_errors[] = {
  /* Columns in characters: é and ë are two bytes, 🎉 four. */
  { "a,b\néë,\"x\"🎉\n", RD_CSV_ERROR_STRAY_QUOTE,
    "test.csv: line 2, column 7: text follows the closing quote of a field" },
  { "a,b\n🎉é,ab\"c\n", RD_CSV_ERROR_STRAY_QUOTE,
    "test.csv: line 2, column 6: a quote appears inside a field that does not start with one" },
  { "a,b\nzoë,🎉\"\xff\n", RD_CSV_ERROR_ENCODING,
    "test.csv: line 2, column 7: the file is not valid UTF-8" },
  /* The BOM is no character of line 1. */
  { "\xEF\xBB\xBF" "ab\"c,d\n1,2\n", RD_CSV_ERROR_STRAY_QUOTE,
    "test.csv: line 1, column 3: a quote appears inside a field that does not start with one" },
  { "\xEF\xBB\xBF" "a,\"b\n1,2\n", RD_CSV_ERROR_UNCLOSED_QUOTE,
    "test.csv: line 1, column 3: a quoted field is not closed" },
  { "\xEF\xBB\xBF" "a,\xc3\n", RD_CSV_ERROR_ENCODING,
    "test.csv: line 1, column 3: the file is not valid UTF-8" },
  { "\xEF\xBB\xBF", RD_CSV_ERROR_EMPTY, "test.csv: the file is empty" },
  { "\xEF\xBB\xBF \r\n\t", RD_CSV_ERROR_EMPTY, "test.csv: the file is empty" },
  { "\n\n", RD_CSV_ERROR_EMPTY, "test.csv: the file is empty" },
  { "a,b\r\n1,\xff\r\n", RD_CSV_ERROR_ENCODING, "test.csv: line 2, column 3: the file is not valid UTF-8" },
  { "a,b\r\r\n\n1,x\xe2\x82", RD_CSV_ERROR_ENCODING, "test.csv: line 4, column 4: the file is not valid UTF-8" },
  /* Excel's "Unicode text" is UTF-16: its BOM is no UTF-8. */
  { "\xff\xfe" "a", RD_CSV_ERROR_ENCODING, "test.csv: line 1, column 1: the file is not valid UTF-8" },
  /* Lines: CR, LF and CRLF each end one, also inside quotes. */
  { "a,b\r\n\"x\r\ny\",1\r\n1,2,3\r\n", RD_CSV_ERROR_COLUMN_COUNT,
    "test.csv: line 4, column 5: the row has 3 fields, the header has 2" },
  { "a,b\r\"x\ry\",1\r\"\n", RD_CSV_ERROR_UNCLOSED_QUOTE,
    "test.csv: line 4, column 1: a quoted field is not closed" },
  { "a,b\n\"x\r\n\ny\"z,1\n", RD_CSV_ERROR_STRAY_QUOTE,
    "test.csv: line 4, column 3: text follows the closing quote of a field" },
  /* In a row spanning lines, the extra field is found on its own line. */
  { "a,b\n\"x\ny\",1,2\n", RD_CSV_ERROR_COLUMN_COUNT,
    "test.csv: line 3, column 6: the row has 3 fields, the header has 2" },
  { "a;b;c\nx\n", RD_CSV_ERROR_COLUMN_COUNT, "test.csv: line 2, column 2: the row has 1 field, the header has 3" },
  /* A line of spaces is not blank: it is a row of one field. */
  { "a,b\n1,2\n  \n", RD_CSV_ERROR_COLUMN_COUNT, "test.csv: line 3, column 3: the row has 1 field, the header has 2" },
  { "a,\"b\"\"\n1,2\n", RD_CSV_ERROR_UNCLOSED_QUOTE, "test.csv: line 1, column 3: a quoted field is not closed" },
  { "\"a\"\"\"b\",c\n", RD_CSV_ERROR_STRAY_QUOTE,
    "test.csv: line 1, column 6: text follows the closing quote of a field" },
  { "a,b\n\n", RD_CSV_ERROR_NO_ROWS, "test.csv: the file has a header but no rows" },
  { "\n\na,b", RD_CSV_ERROR_NO_ROWS, "test.csv: the file has a header but no rows" },
  { "\"a\nb\"\r\n", RD_CSV_ERROR_NO_ROWS, "test.csv: the file has a header but no rows" },
};

static void
test_string_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (string_errors); i++)
    {
      const StringCase *c = &string_errors[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(RdCsvTable) table = parse_string (c->text, &error);

      g_test_message ("case %u", i);
      g_assert_null (table);
      g_assert_error (error, RD_CSV_ERROR, (gint) c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

static void
test_nul_byte (void)
{
  static const char data[] = "a,b\n1,x\0y\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = rd_csv_parse (data, sizeof data - 1, "test.csv", &error);

  /* Cells are C strings; a NUL would cut one short without a word. */
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "test.csv: line 2, column 4: the file is not valid UTF-8");
}

static void
test_no_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = rd_csv_parse (NULL, 0, NULL, &error);

  /* A name is best given; without one, messages say "CSV". */
  g_assert_null (table);
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "CSV: the file is empty");
  rd_csv_table_free (NULL);
}

static void
test_multibyte_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("a;b;c;d\né;ëë;🎉x;\"ü\"\"\"\n", &error);

  g_assert_no_error (error);
  assert_row (table, 0, 2, ROW ("é", "ëë", "🎉x", "ü\""));
  assert_place (table, 0, 0, 2, 1);
  assert_place (table, 0, 1, 2, 3);
  assert_place (table, 0, 2, 2, 6);
  assert_place (table, 0, 3, 2, 9);
}

static void
test_bom_not_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("\xEF\xBB\xBF" "Naam;Klas\nAnna;7b\n", &error);

  g_assert_no_error (error);
  assert_header (table, ';', ROW ("Naam", "Klas"));
  assert_place (table, 0, 1, 2, 6);
}

static void
test_bom_only_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("\xEF\xBB\xBF\xEF\xBB\xBF" "a,b\n1,2", &error);

  /* A second BOM is a character of the first header. */
  g_assert_no_error (error);
  assert_header (table, ',', ROW ("\xEF\xBB\xBF" "a", "b"));
}

static void
test_long_field (void)
{
  g_autoptr(GString) text = g_string_new ("Naam,Toelichting,Score\n");
  g_autoptr(GString) quoted = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = NULL;
  g_autofree char *plain = g_strnfill (10000, 'x');

  /* 10,000 characters plain, then 10,000 quoted (2,500 of them quotes). */
  g_string_append_printf (text, "a,%s,1\n", plain);
  g_string_append (text, "b,\"");
  for (guint i = 0; i < 2500; i++)
    {
      g_string_append (text, "ab\"\"é");
      g_string_append (quoted, "ab\"é");
    }
  g_string_append (text, "\",2\n");

  table = rd_csv_parse (text->str, text->len, "long.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (strlen (rd_csv_table_get_cell (table, 0, 1)), ==, 10000);
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 1), ==, plain);
  g_assert_cmpstr (rd_csv_table_get_cell (table, 1, 1), ==, quoted->str);
  g_assert_cmpuint (g_utf8_strlen (rd_csv_table_get_cell (table, 1, 1), -1), ==, 10000);
  assert_place (table, 0, 2, 2, 10004);
  /* Opening quote, 12,500 characters, closing quote, comma. */
  assert_place (table, 1, 2, 3, 3 + 1 + 12500 + 1 + 1);
}

static char *
make_wide (guint n_columns)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (text, "%sq%u", c > 0 ? "," : "", c + 1);
  g_string_append_c (text, '\n');
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (text, "%s%u", c > 0 ? "," : "", c % 5);
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static void
test_max_columns (void)
{
  g_autofree char *ok_text = make_wide (RD_CSV_MAX_COLUMNS);
  g_autofree char *over_text = make_wide (RD_CSV_MAX_COLUMNS + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = NULL;
  g_autoptr(RdCsvTable) refused = NULL;

  table = parse_string (ok_text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_csv_table_get_n_columns (table), ==, 4096);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (rd_csv_table_get_header (table, 4095), ==, "q4096");
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 4095), ==, "0");
  g_assert_cmpuint (rd_csv_table_get_column_position (table, 0, 4095), ==, 2 * 4095 + 1);

  refused = parse_string (over_text, &error);
  g_assert_null (refused);
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.csv: the header has more than 4096 columns");
}

static void
test_max_bytes (void)
{
  gsize length = RD_CSV_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = NULL;

  /* Refused before a byte is read. */
  table = rd_csv_parse (data, length, "big.csv", &error);
  g_assert_null (table);
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "big.csv: the file is larger than 64 MB");
  g_clear_error (&error);

  /* Exactly the limit is read: a header and one cell of the rest. */
  memset (data, 'x', RD_CSV_MAX_BYTES);
  memcpy (data, "h\n", 2);
  table = rd_csv_parse (data, RD_CSV_MAX_BYTES, "big.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (strlen (rd_csv_table_get_cell (table, 0, 0)), ==, RD_CSV_MAX_BYTES - 2);
}

typedef struct
{
  const char *text;
  char separator;
  guint n_columns;
} SeparatorCase;

static const SeparatorCase separator_cases[] = {
  { "a;b,c\n1;2,3\n", ';', 2 },             /* a tie goes to ';' */
  { "a,b\tc\n1,2\t3\n", ',', 2 },           /* then to ',' */
  { "a\tb\tc,d\n1\t2\t3,4\n", '\t', 3 },
  { "a,b;c;d\n1,2;3;4\n", ';', 3 },
  { "\"a;b;c\",d\n1,2\n", ',', 2 },         /* quoted separators do not count */
  { "\"a\nb;c;d\",e\n1,2\n", ',', 2 },      /* nor do those on a quoted line break */
  { "a\n1,2;3\n", '\0', 1 },                /* the rows do not vote */
};

static void
test_separator_choice (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (separator_cases); i++)
    {
      const SeparatorCase *c = &separator_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(RdCsvTable) table = parse_string (c->text, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpint (rd_csv_table_get_separator (table), ==, c->separator);
      g_assert_cmpuint (rd_csv_table_get_n_columns (table), ==, c->n_columns);
    }
}

static void
test_leading_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("\n\r\n\ra;b\n1;2", &error);

  /* Skipped, but counted as lines. */
  g_assert_no_error (error);
  assert_header (table, ';', ROW ("a", "b"));
  assert_row (table, 0, 5, ROW ("1", "2"));
}

static void
test_line_breaks_in_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("a,b\r\n\"x\r\ny\",\"1\r2\n3\"\r\nz,\r\n", &error);

  /* Kept as written. */
  g_assert_no_error (error);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 0), ==, "x\r\ny");
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 1), ==, "1\r2\n3");
  assert_place (table, 0, 1, 3, 4);
  assert_row (table, 1, 6, ROW ("z", ""));
}

static void
test_rows_kept_as_written (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = parse_string ("a;b;c\n 1 ; 2;\t\n;;\n;;", &error);

  /* No trimming; a row of separators is a row of empty answers. */
  g_assert_no_error (error);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, ROW (" 1 ", " 2", "\t"));
  assert_row (table, 1, 3, ROW ("", "", ""));
  assert_row (table, 2, 4, ROW ("", "", ""));
}

static void
test_end_of_data (void)
{
  g_autoptr(RdCsvTable) a = parse_string ("a,b\n1,", NULL);
  g_autoptr(RdCsvTable) b = parse_string ("a,b\n1,\"2\"", NULL);
  g_autoptr(RdCsvTable) c = parse_string ("a,b\n1,\"\"", NULL);
  g_autoptr(RdCsvTable) d = parse_string ("x\n\"\"\n\"\"\n\n", NULL);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  g_assert_nonnull (d);
  assert_row (a, 0, 2, ROW ("1", ""));
  assert_row (b, 0, 2, ROW ("1", "2"));
  assert_row (c, 0, 2, ROW ("1", ""));
  /* Quoted empty cells are rows, not blank lines. */
  g_assert_cmpuint (rd_csv_table_get_n_rows (d), ==, 2);
  assert_row (d, 1, 3, ROW (""));
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Writes a random table as a survey tool might, reads it back, and checks
 * every cell and every place against the writer's own count. */
static void
test_round_trip (void)
{
  static const char *const pieces[] = {
    "a", "Zoë", "🎉", " ", "1,5", "x;y", "\t", "\"", "\n", "\r\n", "\r", "é\"é", "",
  };
  static const char separators[] = { ',', ';', '\t' };
  static const char *const breaks[] = { "\n", "\r\n", "\r" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240304);

  for (guint round = 0; round < 500; round++)
    {
      guint n_columns = g_rand_int_range (rand, 1, 7);
      guint n_rows = g_rand_int_range (rand, 1, 6);
      char separator = n_columns > 1 ? separators[g_rand_int_range (rand, 0, 3)] : '\0';
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RdCsvTable) table = NULL;
      gsize body = 0;

      if (g_rand_boolean (rand))
        {
          g_string_append (text, "\xEF\xBB\xBF");
          body = 3;
        }

      for (guint r = 0; r <= n_rows; r++)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              GString *cell = g_string_new (NULL);
              guint n_pieces = g_rand_int_range (rand, 0, 4);
              gboolean quote;
              gsize start = text->len;

              for (guint i = 0; i < n_pieces; i++)
                g_string_append (cell, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

              /* Quoted when it must be: special characters, or a blank
               * cell that would otherwise vanish as a blank line. */
              quote = strpbrk (cell->str, ",;\t\"\r\n") != NULL
                      || ((n_columns == 1 || r == 0) && is_blank (cell->str))
                      || g_rand_int_range (rand, 0, 4) == 0;
              if (c > 0)
                {
                  g_string_append_c (text, separator);
                  start = text->len;
                }
              if (quote)
                {
                  g_string_append_c (text, '"');
                  for (const char *p = cell->str; *p; p++)
                    {
                      if (*p == '"')
                        g_string_append_c (text, '"');
                      g_string_append_c (text, *p);
                    }
                  g_string_append_c (text, '"');
                }
              else
                {
                  g_string_append (text, cell->str);
                }
              g_ptr_array_add (cells, g_string_free (cell, FALSE));
              g_array_append_val (starts, start);
            }
          if (r < n_rows || g_rand_boolean (rand))
            g_string_append (text, breaks[g_rand_int_range (rand, 0, 3)]);
        }
      for (guint i = g_rand_int_range (rand, 0, 3); i > 0; i--)
        g_string_append (text, breaks[g_rand_int_range (rand, 0, 3)]);

      table = rd_csv_parse (text->str, text->len, "random.csv", &error);
      g_assert_no_error (error);
      g_assert_cmpint (rd_csv_table_get_separator (table), ==, separator);
      g_assert_cmpuint (rd_csv_table_get_n_columns (table), ==, n_columns);
      g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, n_rows);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (rd_csv_table_get_header (table, c), ==, cells->pdata[c]);
      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c < n_columns; c++)
          {
            guint i = (r + 1) * n_columns + c;
            gsize start = g_array_index (starts, gsize, i);
            guint line = 1, column = 1;

            /* Counted the slow way, from the start of the text. */
            for (gsize b = body; b < start; b++)
              {
                char ch = text->str[b];

                if (ch == '\n' || (ch == '\r' && text->str[b + 1] != '\n'))
                  {
                    line++;
                    column = 1;
                  }
                else if (ch != '\r' && ((guchar) ch & 0xC0) != 0x80)
                  {
                    column++;
                  }
              }
            g_assert_cmpstr (rd_csv_table_get_cell (table, r, c), ==, cells->pdata[i]);
            assert_place (table, r, c, line, column);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/fixture/comma", test_comma);
  g_test_add_func ("/csv/fixture/semicolon", test_semicolon);
  g_test_add_func ("/csv/fixture/tab", test_tab);
  g_test_add_func ("/csv/fixture/bom", test_bom);
  g_test_add_func ("/csv/fixture/crlf", test_crlf);
  g_test_add_func ("/csv/fixture/cr-only", test_cr_only);
  g_test_add_func ("/csv/fixture/quoted-separators", test_quoted_separators);
  g_test_add_func ("/csv/fixture/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/csv/fixture/doubled-quotes", test_doubled_quotes);
  g_test_add_func ("/csv/fixture/dutch-excel", test_dutch_excel);
  g_test_add_func ("/csv/fixture/trailing-blank-lines", test_trailing_blank_lines);
  g_test_add_func ("/csv/fixture/one-column", test_one_column);
  g_test_add_func ("/csv/fixture/unicode", test_unicode);
  g_test_add_func ("/csv/fixture/empty-cells", test_empty_cells);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/broken/%s", broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/csv/string/errors", test_string_errors);
  g_test_add_func ("/csv/string/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/string/no-data", test_no_data);
  g_test_add_func ("/csv/string/multibyte-positions", test_multibyte_positions);
  g_test_add_func ("/csv/string/bom-not-counted", test_bom_not_counted);
  g_test_add_func ("/csv/string/bom-only-once", test_bom_only_once);
  g_test_add_func ("/csv/string/long-field", test_long_field);
  g_test_add_func ("/csv/string/max-columns", test_max_columns);
  g_test_add_func ("/csv/string/max-bytes", test_max_bytes);
  g_test_add_func ("/csv/string/separator-choice", test_separator_choice);
  g_test_add_func ("/csv/string/leading-blank-lines", test_leading_blank_lines);
  g_test_add_func ("/csv/string/line-breaks-in-cells", test_line_breaks_in_cells);
  g_test_add_func ("/csv/string/rows-kept-as-written", test_rows_kept_as_written);
  g_test_add_func ("/csv/string/end-of-data", test_end_of_data);
  g_test_add_func ("/csv/string/round-trip", test_round_trip);

  return g_test_run ();
}
