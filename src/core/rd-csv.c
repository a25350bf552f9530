#define G_LOG_DOMAIN "rd-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rd-csv.h"

G_DEFINE_QUARK (rd-csv-error-quark, rd_csv_error)

/* Eight bytes a cell: a file of nothing but separators makes one cell per
 * byte, so this is what bounds memory on a hostile file. */
typedef struct
{
  guint32 text;    /* offset into RdCsvTable.text */
  guint32 column;  /* where the field starts, in characters from 1 */
} Cell;

struct _RdCsvTable
{
  char separator;   /* '\0' for a table of one column */
  guint n_columns;
  guint n_rows;     /* without the header */
  char *text;       /* every cell, NUL-terminated; offset 0 is "" for all empty cells */
  Cell *cells;      /* the header, then each row, n_columns cells each */
  /* lines[i] is the index of the first cell that starts on line i + 1 or
   * later: nondecreasing, so a cell's line is a binary search away, and a
   * row needs no line of its own. */
  guint32 *lines;
  guint n_lines;
};

typedef struct
{
  const char *name;
  const char *p;
  const char *end;
  char separator;
  guint line;
  guint column;
  RdCsvTable *table;
  gsize text_length;
  gsize n_cells;
  GError **error;
} Parser;

/* The last line whose first cell is @index or earlier; lines[0] is 0. */
static guint
cell_line (const RdCsvTable *table,
           gsize             index)
{
  guint low = 0, high = table->n_lines;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (table->lines[middle] <= index)
        low = middle;
      else
        high = middle;
    }
  return low + 1;
}

static gboolean
fail_at (Parser     *parser,
         RdCsvError  code,
         guint       line,
         guint       column,
         const char *problem)
{
  /* Translators: a problem in a CSV file: the file name, a line and a
   * column number, and the problem */
  g_set_error (parser->error, RD_CSV_ERROR, code, _("%s: line %u, column %u: %s"),
               parser->name, line, column, problem);
  return FALSE;
}

static inline gboolean
is_line_break (char c)
{
  return c == '\n' || c == '\r';
}

/* UTF-8 continuation bytes do not start a character, so they do not move
 * the column. */
static inline gboolean
starts_character (char c)
{
  return ((guchar) c & 0xC0) != 0x80;
}

/* Steps over one line break at p: LF, CR or CRLF. */
static inline void
next_line (Parser *parser)
{
  if (parser->p[0] == '\r' && parser->p + 1 < parser->end && parser->p[1] == '\n')
    parser->p++;
  parser->p++;
  parser->line++;
  parser->column = 1;
  parser->table->lines[parser->table->n_lines++] = (guint32) parser->n_cells;
}

/* Line and column of @stop, counting from @p at line 1, column 1. */
static void
find_position (const char *p,
               const char *stop,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  while (p < stop)
    {
      if (is_line_break (*p))
        {
          if (*p == '\r' && p + 1 < stop && p[1] == '\n')
            p++;
          (*line)++;
          *column = 1;
        }
      else if (starts_character (*p))
        {
          (*column)++;
        }
      p++;
    }
}

/* The separator found most often outside quotes in the header line; ties
 * go to ';' (Dutch Excel), then ',', then tab. @n_separators is how often
 * the chosen one appears, so the header has one field more. */
static char
detect_separator (const char *p,
                  const char *end,
                  guint      *n_separators)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;
  char separator;

  /* "" inside a quoted field toggles twice, so a plain toggle is enough. */
  for (; p < end && (quoted || !is_line_break (*p)); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
    }

  separator = ';';
  *n_separators = semicolons;
  if (commas > *n_separators)
    {
      separator = ',';
      *n_separators = commas;
    }
  if (tabs > *n_separators)
    {
      separator = '\t';
      *n_separators = tabs;
    }

  return *n_separators > 0 ? separator : '\0';
}

/* Reserved when a field starts: a line break inside a quoted field must
 * already count this cell as begun on the line before. */
static Cell *
start_cell (Parser *parser)
{
  Cell *cell = &parser->table->cells[parser->n_cells++];

  cell->column = parser->column;
  return cell;
}

static void
end_cell (Parser *parser,
          Cell   *cell,
          gsize   text_start)
{
  if (parser->text_length == text_start)
    {
      cell->text = 0;
    }
  else
    {
      parser->table->text[parser->text_length++] = '\0';
      cell->text = (guint32) text_start;
    }
}

static gboolean
parse_quoted_field (Parser *parser)
{
  guint open_line = parser->line;
  guint open_column = parser->column;
  Cell *cell = start_cell (parser);
  char *text = parser->table->text;
  gsize start = parser->text_length;
  gsize length = start;

  parser->p++;
  parser->column++;

  for (;;)
    {
      char c;

      if (parser->p == parser->end)
        return fail_at (parser, RD_CSV_ERROR_UNCLOSED_QUOTE, open_line, open_column,
                        _("a quoted field is not closed"));

      c = *parser->p;
      if (c == '"')
        {
          parser->p++;
          parser->column++;
          if (parser->p == parser->end || *parser->p != '"')
            break;
          text[length++] = '"';
          parser->p++;
          parser->column++;
        }
      else if (is_line_break (c))
        {
          const char *line_start = parser->p;

          next_line (parser);
          /* Kept as written, CRLF included: cells come back unmodified. */
          memcpy (text + length, line_start, parser->p - line_start);
          length += parser->p - line_start;
        }
      else
        {
          if (starts_character (c))
            parser->column++;
          text[length++] = c;
          parser->p++;
        }
    }

  parser->text_length = length;
  end_cell (parser, cell, start);

  if (parser->p < parser->end && *parser->p != parser->separator && !is_line_break (*parser->p))
    return fail_at (parser, RD_CSV_ERROR_STRAY_QUOTE, parser->line, parser->column,
                    _("text follows the closing quote of a field"));

  return TRUE;
}

static gboolean
parse_plain_field (Parser *parser)
{
  const char *start = parser->p;
  const char *p = parser->p;
  const char *end = parser->end;
  char separator = parser->separator;
  guint column = parser->column;
  gsize text_start = parser->text_length;
  Cell *cell = start_cell (parser);

  /* The hot loop of a typical export: locals, one pass, no copying yet. */
  for (; p < end; p++)
    {
      char c = *p;

      if (c == separator || is_line_break (c))
        break;
      if (c == '"')
        return fail_at (parser, RD_CSV_ERROR_STRAY_QUOTE, parser->line, column,
                        _("a quote appears inside a field that does not start with one"));
      if (starts_character (c))
        column++;
    }

  memcpy (parser->table->text + parser->text_length, start, p - start);
  parser->text_length += p - start;
  end_cell (parser, cell, text_start);
  parser->p = p;
  parser->column = column;

  return TRUE;
}

/* One record, which may span lines; leaves p at its line break or the end. */
static gboolean
parse_row (Parser *parser)
{
  for (;;)
    {
      gboolean ok;

      if (parser->p < parser->end && *parser->p == '"')
        ok = parse_quoted_field (parser);
      else
        ok = parse_plain_field (parser);
      if (!ok)
        return FALSE;

      /* A separator always opens one more field, empty at the end of the data. */
      if (parser->p == parser->end || *parser->p != parser->separator)
        return TRUE;
      parser->p++;
      parser->column++;
    }
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

RdCsvTable *
rd_csv_parse (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  g_autoptr(RdCsvTable) table = NULL;
  Parser parser = { 0 };
  const char *body, *end, *header, *invalid;
  guint n_separators;
  gsize n_breaks = 0, n_cell_separators = 0;
  char separator;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "CSV";
  if (data == NULL)
    data = "";

  if (length > RD_CSV_MAX_BYTES)
    {
      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MB"), name,
                   (guint) (RD_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  body = data;
  end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    body += 3;

  /* Refuses NUL too: cells are C strings, and a NUL usually means UTF-16. */
  if (!g_utf8_validate_len (body, end - body, &invalid))
    {
      guint line, column;

      find_position (body, invalid, &line, &column);
      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_ENCODING, _("%s: line %u, column %u: %s"),
                   name, line, column, _("the file is not valid UTF-8"));
      return NULL;
    }

  if (is_blank (body, end))
    {
      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }

  /* Blank lines at the end are no rows; the data ends with the last field
   * (or inside an unclosed quote, whose error names where it opened). */
  while (is_line_break (end[-1]))
    end--;

  /* Nor are blank lines before the header, though they count as lines. */
  for (header = body; is_line_break (*header); header++)
    ;

  separator = detect_separator (header, end, &n_separators);
  if (n_separators >= RD_CSV_MAX_COLUMNS)
    {
      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the header has more than %u column",
                                "%s: the header has more than %u columns", RD_CSV_MAX_COLUMNS),
                   name, (guint) RD_CSV_MAX_COLUMNS);
      return NULL;
    }

  /* Every field but the first follows a separator or a line break, and no
   * cell's text outgrows its bytes in the file: sized once, never grown. */
  for (const char *p = body; p < end; p++)
    {
      if (is_line_break (*p))
        n_breaks++;
      else if (*p == separator)
        n_cell_separators++;
    }

  table = g_new0 (RdCsvTable, 1);
  table->separator = separator;
  table->text = g_new (char, (end - body) + 2);
  table->cells = g_new (Cell, n_cell_separators + n_breaks + 1);
  table->lines = g_new (guint32, n_breaks + 1);
  table->text[0] = '\0';
  table->lines[0] = 0;
  table->n_lines = 1;

  parser.name = name;
  parser.p = body;
  parser.end = end;
  parser.separator = separator;
  parser.line = 1;
  parser.column = 1;
  parser.table = table;
  parser.text_length = 1;
  parser.error = error;

  while (parser.p < header)
    next_line (&parser);

  if (!parse_row (&parser))
    return NULL;
  table->n_columns = (guint) parser.n_cells;

  if (parser.p == parser.end)
    {
      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_NO_ROWS,
                   _("%s: the file has a header but no rows"), name);
      return NULL;
    }

  while (parser.p < parser.end)
    {
      gsize first_cell, n_fields;

      /* The end was trimmed of line breaks, so one always leads to a row. */
      next_line (&parser);
      first_cell = parser.n_cells;

      if (!parse_row (&parser))
        return NULL;

      n_fields = parser.n_cells - first_cell;
      if (n_fields != table->n_columns)
        {
          g_autofree char *problem = NULL;

          /* Translators: the fields of one row, then the columns of the
           * header, which are always 2 or more */
          problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "the row has %u field, the header has %u",
                                                  "the row has %u fields, the header has %u",
                                                  n_fields),
                                     (guint) n_fields, table->n_columns);
          /* Where the first extra field starts, or where a short row ends. */
          if (n_fields > table->n_columns)
            {
              gsize extra = first_cell + table->n_columns;

              fail_at (&parser, RD_CSV_ERROR_COLUMN_COUNT, cell_line (table, extra),
                       table->cells[extra].column, problem);
            }
          else
            {
              fail_at (&parser, RD_CSV_ERROR_COLUMN_COUNT, parser.line, parser.column, problem);
            }
          return NULL;
        }
    }

  table->n_rows = (guint) (parser.n_cells / table->n_columns - 1);

  /* Give back what the upper bounds overestimated. */
  table->text = g_renew (char, table->text, parser.text_length);
  table->cells = g_renew (Cell, table->cells, parser.n_cells);
  table->lines = g_renew (guint32, table->lines, table->n_lines);

  return g_steal_pointer (&table);
}

void
rd_csv_table_free (RdCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->text);
  g_free (table->cells);
  g_free (table->lines);
  g_free (table);
}

char
rd_csv_table_get_separator (const RdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, '\0');

  return table->separator;
}

guint
rd_csv_table_get_n_columns (const RdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_columns;
}

guint
rd_csv_table_get_n_rows (const RdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_rows;
}

const char *
rd_csv_table_get_header (const RdCsvTable *table,
                         guint             column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return table->text + table->cells[column].text;
}

static const Cell *
get_cell (const RdCsvTable *table,
          guint             row,
          guint             column)
{
  /* Row 0 of the cells is the header. */
  return &table->cells[(gsize) (row + 1) * table->n_columns + column];
}

const char *
rd_csv_table_get_cell (const RdCsvTable *table,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->n_rows, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return table->text + get_cell (table, row, column)->text;
}

guint
rd_csv_table_get_line (const RdCsvTable *table,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->n_rows, 0);
  g_return_val_if_fail (column < table->n_columns, 0);

  return cell_line (table, get_cell (table, row, column) - table->cells);
}

guint
rd_csv_table_get_column_position (const RdCsvTable *table,
                                  guint             row,
                                  guint             column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->n_rows, 0);
  g_return_val_if_fail (column < table->n_columns, 0);

  return get_cell (table, row, column)->column;
}
