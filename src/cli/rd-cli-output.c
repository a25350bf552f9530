#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rd-cli.h"
#include "rd-exchange.h"
#include "rd-limits.h"
#include "rd-number.h"

/* Keeps file names well under NAME_MAX in bytes, with the id and suffix. */
#define MAX_NAME_CHARS 40

/* rd_number_format_shortest(): nothing for NAN or infinity. */
void
rd_cli_append_number (GString *out,
                      double   value)
{
  char buffer[RD_NUMBER_BUF_SIZE];

  if (rd_number_format_shortest (value, buffer))
    g_string_append (out, buffer);
}

/**
 * rd_cli_neutralize:
 *
 * @text as a terminal may show it: a database written before names were
 * cleaned, or a message quoting a file, may hold escape sequences that
 * recolour, retitle or rewrite the terminal, or bidirectional controls
 * that reorder a line. C0 controls become their visible pictures (ESC is
 * "␛"), DEL "␡", C1 and bidirectional controls U+FFFD. With
 * @keep_line_breaks, "\n", "\t" and "\r\n" stay. Bytes that are not
 * UTF-8 become U+FFFD too.
 */
char *
rd_cli_neutralize (const char *text,
                   gssize      length,
                   gboolean    keep_line_breaks)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  g_autofree char *valid = NULL;
  const char *p, *end, *kept;
  GString *out;

  if (!g_utf8_validate_len (text, n, NULL))
    {
      valid = g_utf8_make_valid (text, n);
      text = valid;
      n = strlen (valid);
    }

  /* Printable ASCII, nearly all of any output, is copied in runs. */
  out = g_string_sized_new (n);
  end = text + n;
  for (p = kept = text; p < end;)
    {
      const char *next;
      gunichar c, replacement = 0;

      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7f)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (keep_line_breaks && (c == '\n' || c == '\t' || (c == '\r' && next < end && *next == '\n')))
        ;
      else if (c < 0x20)
        replacement = 0x2400 + c;
      else if (c == 0x7f)
        replacement = 0x2421;
      else if (rd_unichar_is_unsafe (c))
        replacement = 0xfffd;
      if (replacement != 0)
        {
          g_string_append_len (out, kept, p - kept);
          g_string_append_unichar (out, replacement);
          kept = next;
        }
      p = next;
    }
  g_string_append_len (out, kept, p - kept);
  return g_string_free (out, FALSE);
}

/* What g_print() does with a UTF-8 text: into the console's charset. */
static void
write_console (FILE       *stream,
               const char *text)
{
  const char *charset;

  if (!g_get_console_charset (&charset))
    {
      g_autofree char *converted = g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

      if (converted != NULL)
        {
          fputs (converted, stream);
          return;
        }
    }
  fputs (text, stream);
}

static void
print_neutralized (const char *text)
{
  g_autofree char *safe = rd_cli_neutralize (text, -1, TRUE);

  write_console (stdout, safe);
  fflush (stdout);
}

static void
printerr_neutralized (const char *text)
{
  g_autofree char *safe = rd_cli_neutralize (text, -1, TRUE);

  write_console (stderr, safe);
  fflush (stderr);
}

/* Everything the commands print passes through rd_cli_neutralize(). */
void
rd_cli_install_print_handlers (void)
{
  g_set_print_handler (print_neutralized);
  g_set_printerr_handler (printerr_neutralized);
}

/* The line of progress on a terminal, rewritten in place: the one place
 * that writes escape sequences of its own. NULL clears it. */
void
rd_cli_show_progress (const char *text)
{
  g_autofree char *safe = text != NULL ? rd_cli_neutralize (text, -1, FALSE) : NULL;

  fputs ("\r\033[K", stderr);
  if (safe != NULL)
    write_console (stderr, safe);
  fflush (stderr);
}

/* Data goes out as UTF-8 bytes; g_print() would convert to the locale. */
void
rd_cli_write_stdout (const char *data,
                     gsize       length)
{
  g_autofree char *safe = rd_cli_neutralize (data, length, TRUE);

  fputs (safe, stdout);
}

/**
 * rd_cli_safe_file_name:
 *
 * A name for a school's exchange file that any file system and any mail
 * program takes: the school's name in lower case, accents of Latin letters
 * dropped, every run of other characters one '-', then the first eight
 * @id_length characters of its id so that two schools of the same name
 * never share a file, e.g. "sint-jozef-2f1c6a52.readiness".
 */
char *
rd_cli_safe_file_name (const char *school_name,
                       const char *uuid,
                       guint       id_length)
{
  g_autofree char *decomposed = g_utf8_normalize (school_name != NULL ? school_name : "", -1, G_NORMALIZE_NFKD);
  g_autofree char *composed = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean dash = FALSE, after_ascii = FALSE;
  guint n_chars = 0, n_id = 0;

  for (const char *p = decomposed; p != NULL && *p != '\0' && n_chars < MAX_NAME_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        {
          /* "É" is "E" and an accent; other scripts keep their marks. */
          if (!after_ascii && name->len > 0 && !dash)
            g_string_append_unichar (name, c);
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          dash = TRUE;
          continue;
        }
      if (dash && name->len > 0)
        {
          g_string_append_c (name, '-');
          n_chars++;
        }
      dash = FALSE;
      after_ascii = c < 0x80;
      g_string_append_unichar (name, g_unichar_tolower (c));
      n_chars++;
    }
  if (name->len == 0)
    g_string_append (name, "school");

  g_string_append_c (name, '-');
  for (const char *p = uuid; p != NULL && *p != '\0' && n_id < id_length; p++)
    if (g_ascii_isalnum (*p))
      {
        g_string_append_c (name, g_ascii_tolower (*p));
        n_id++;
      }
  g_string_append (name, RD_EXCHANGE_SUFFIX);

  composed = g_utf8_normalize (name->str, -1, G_NORMALIZE_NFC);
  return g_steal_pointer (&composed);
}

/* Tables */

struct _RdCliTable
{
  guint n_columns;
  gboolean *right;
  GPtrArray *rows;   /* of GStrv-like arrays of n_columns strings */
};

static void
free_row (gpointer data)
{
  char **cells = data;

  g_strfreev (cells);
}

RdCliTable *
rd_cli_table_new (guint n_columns)
{
  RdCliTable *self = g_new0 (RdCliTable, 1);

  self->n_columns = n_columns;
  self->right = g_new0 (gboolean, n_columns);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  return self;
}

void
rd_cli_table_free (RdCliTable *table)
{
  if (table == NULL)
    return;
  g_free (table->right);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
rd_cli_table_align_right (RdCliTable *table,
                          guint       column)
{
  g_return_if_fail (column < table->n_columns);
  table->right[column] = TRUE;
}

void
rd_cli_table_add_row (RdCliTable  *table,
                      char       **cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint c = 0; c < table->n_columns; c++)
    row[c] = cells[c] != NULL ? cells[c] : g_strdup ("");
  g_free (cells);
  g_ptr_array_add (table->rows, row);
}

/* Terminal cells: wide (East Asian) characters take two, marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          width++;
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_spaces (GString *out,
               guint    n)
{
  gsize at = out->len;

  g_string_set_size (out, at + n);
  memset (out->str + at, ' ', n);
}

void
rd_cli_table_append (RdCliTable *table,
                     GString    *out)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      gsize line_start = out->len;

      for (guint c = 0; c < table->n_columns; c++)
        {
          guint padding = widths[c] - display_width (row[c]);

          if (c > 0)
            g_string_append (out, "  ");
          if (table->right[c])
            append_spaces (out, padding);
          g_string_append (out, row[c]);
          if (!table->right[c])
            append_spaces (out, padding);
        }
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

/* JSON */

struct _RdJsonWriter
{
  GString *out;
  GArray *counts;      /* values written so far in each open container */
  gboolean after_key;
};

RdJsonWriter *
rd_json_writer_new (void)
{
  RdJsonWriter *self = g_new0 (RdJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
rd_json_writer_free (RdJsonWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

static void
new_line (RdJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

/* The comma and indentation before a value or a key. */
static void
begin_value (RdJsonWriter *self)
{
  guint *count;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;

  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if (*count > 0)
    g_string_append_c (self->out, ',');
  (*count)++;
  new_line (self);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else if (c < 0x80)
            g_string_append_c (out, (char) c);
          else
            {
              /* C1 and bidirectional controls as escapes: the same text
               * to a reader, nothing a terminal acts on. */
              gunichar u = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);

              if (rd_unichar_is_unsafe (u))
                g_string_append_printf (out, "\\u%04x", u);
              else
                g_string_append_len (out, p, next - p);
              p = next - 1;
            }
        }
    }
  g_string_append_c (out, '"');
}

static void
begin_container (RdJsonWriter *self,
                 char          bracket)
{
  guint zero = 0;

  begin_value (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->counts, zero);
}

static void
end_container (RdJsonWriter *self,
               char          bracket)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);

  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    new_line (self);
  g_string_append_c (self->out, bracket);
}

void
rd_json_writer_begin_object (RdJsonWriter *self)
{
  begin_container (self, '{');
}

void
rd_json_writer_end_object (RdJsonWriter *self)
{
  end_container (self, '}');
}

void
rd_json_writer_begin_array (RdJsonWriter *self)
{
  begin_container (self, '[');
}

void
rd_json_writer_end_array (RdJsonWriter *self)
{
  end_container (self, ']');
}

void
rd_json_writer_key (RdJsonWriter *self,
                    const char   *key)
{
  begin_value (self);
  append_string (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

void
rd_json_writer_string (RdJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      rd_json_writer_null (self);
      return;
    }
  begin_value (self);
  append_string (self->out, value);
}

void
rd_json_writer_number (RdJsonWriter *self,
                       double        value)
{
  if (!isfinite (value))
    {
      rd_json_writer_null (self);
      return;
    }
  begin_value (self);
  rd_cli_append_number (self->out, value);
}

void
rd_json_writer_int (RdJsonWriter *self,
                    gint64        value)
{
  begin_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
rd_json_writer_boolean (RdJsonWriter *self,
                        gboolean      value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
rd_json_writer_null (RdJsonWriter *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
}

GString *
rd_json_writer_get_text (RdJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  return self->out;
}
