#define G_LOG_DOMAIN "rd-xlsx-workbook"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rd-export-file.h"
#include "rd-xlsx-workbook.h"

/* Excel's limit on the text of one cell, in bytes here: clipping to it
 * also keeps within the limit in characters. */
#define MAX_CELL_TEXT 32767

/* Excel's limit on a document property, likewise. */
#define MAX_PROPERTY_TEXT 255

/* What the writers do not see. */
typedef struct
{
  RdXlsxWorkbook book;
  char *path;                   /* the target, named in errors */
  RdExportFile *file;
  lxw_error property_status;    /* the first failure on a property */
  locale_t numeric;
  locale_t previous;            /* this thread's locale before */
} Workbook;

static void
restore_locale (Workbook *self)
{
  if (self->numeric == (locale_t) 0)
    return;
  uselocale (self->previous);
  freelocale (self->numeric);
  self->numeric = (locale_t) 0;
}

/* Frees without writing anything: the target stays as it was. */
void
rd_xlsx_workbook_free (RdXlsxWorkbook *book)
{
  Workbook *self = (Workbook *) book;

  if (book == NULL)
    return;
  if (book->workbook != NULL)
    lxw_workbook_free (book->workbook);
  restore_locale (self);
  g_clear_pointer (&self->file, rd_export_file_free);
  g_free (self->path);
  g_free (self);
}

/* A new workbook for @path with its header format, or NULL and an error
 * naming @path. Until it is finished or freed this thread's numbers are
 * printed with a decimal point: libxlsxwriter prints them with printf,
 * and "62,5" in the XML is refused by Excel. Translations stay. */
RdXlsxWorkbook *
rd_xlsx_workbook_begin (const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(RdXlsxWorkbook) book = NULL;
  Workbook *self;
  lxw_workbook_options options = { 0 };
  locale_t base;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_new0 (Workbook, 1);
  book = &self->book;
  self->path = g_strdup (path);
  self->file = rd_export_file_begin (path, error);
  if (self->file == NULL)
    return NULL;

  base = duplocale (uselocale ((locale_t) 0));
  self->numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (self->numeric == (locale_t) 0)
    {
      int saved_errno = errno;

      if (base != (locale_t) 0)
        freelocale (base);
      rd_export_file_set_error (error, path, G_IO_ERROR_FAILED, g_strerror (saved_errno));
      return NULL;
    }
  self->previous = uselocale (self->numeric);

  /* libxlsxwriter keeps each part in a temporary file until it zips
   * them; TMPDIR is honoured that way (and the sandbox's in Flatpak). */
  options.tmpdir = (char *) g_get_tmp_dir ();
  book->workbook = workbook_new_opt (rd_export_file_get_temp_path (self->file), &options);
  if (book->workbook == NULL)
    {
      rd_export_file_set_error (error, path, G_IO_ERROR_FAILED, _("the workbook could not be started"));
      return NULL;
    }

  book->header = workbook_add_format (book->workbook);
  format_set_bold (book->header);

  return g_steal_pointer (&book);
}

/* Whether errno says more than libxlsxwriter's message: only after the
 * failures that come from a file operation. */
static gboolean
status_has_errno (lxw_error status)
{
  return status == LXW_ERROR_CREATING_XLSX_FILE || status == LXW_ERROR_CREATING_TMPFILE ||
         status == LXW_ERROR_READING_TMPFILE || status == LXW_ERROR_ZIP_FILE_OPERATION ||
         status == LXW_ERROR_ZIP_FILE_ADD || status == LXW_ERROR_ZIP_CLOSE;
}

/* Saves the workbook and renames it over the target; free @book after,
 * whatever this returns. */
gboolean
rd_xlsx_workbook_finish (RdXlsxWorkbook  *book,
                         GCancellable    *cancellable,
                         GError         **error)
{
  Workbook *self = (Workbook *) book;
  lxw_error status;
  int saved_errno;

  g_return_val_if_fail (book != NULL && book->workbook != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->property_status != LXW_NO_ERROR)
    {
      g_autofree char *reason = g_strdup_printf ("%s (%s)", _("the document properties could not be set"),
                                                 lxw_strerror (self->property_status));

      rd_export_file_set_error (error, self->path, G_IO_ERROR_FAILED, reason);
      return FALSE;
    }

  errno = 0;
  status = workbook_close (book->workbook);
  saved_errno = errno;
  book->workbook = NULL;
  restore_locale (self);
  if (status != LXW_NO_ERROR)
    {
      gboolean has_errno = status_has_errno (status) && saved_errno != 0;
      g_autofree char *reason = NULL;

      /* Translators: why an export failed; %s is the system's or the
       * spreadsheet library's (English) explanation */
      reason = g_strdup_printf (_("the workbook could not be saved (%s)"),
                                has_errno ? g_strerror (saved_errno) : lxw_strerror (status));
      rd_export_file_set_error (error, self->path,
                                has_errno ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED, reason);
      return FALSE;
    }

  return rd_export_file_commit (self->file, cancellable, error);
}

static void
set_sheet_error (RdXlsxWorkbook  *book,
                 GError         **error)
{
  Workbook *self = (Workbook *) book;
  /* Translators: why an export failed; %s is a sheet name, the library's
   * own (English) explanation follows in brackets */
  g_autofree char *what = g_strdup_printf (_("the sheet “%s” could not be filled"), book->sheet_name);
  g_autofree char *reason = g_strdup_printf ("%s (%s)", what, lxw_strerror (book->status));

  rd_export_file_set_error (error, self->path, G_IO_ERROR_FAILED, reason);
}

/* A translated sheet name that breaks Excel's rules (over 31 characters,
 * one of []:*?/\) must not break the export: @english_name is used
 * instead. */
gboolean
rd_xlsx_workbook_begin_sheet (RdXlsxWorkbook  *book,
                              const char      *name,
                              const char      *english_name,
                              GError         **error)
{
  if (workbook_validate_sheet_name (book->workbook, name) != LXW_NO_ERROR)
    {
      g_debug ("Sheet name “%s” is not valid in Excel, using “%s”", name, english_name);
      name = english_name;
    }

  book->sheet_name = name;
  book->status = LXW_NO_ERROR;
  book->sheet = workbook_add_worksheet (book->workbook, name);
  if (book->sheet == NULL)
    {
      book->status = LXW_ERROR_MEMORY_MALLOC_FAILED;
      set_sheet_error (book, error);
      return FALSE;
    }

  return TRUE;
}

/* Reports the sheet's first failure, or a cancel. */
gboolean
rd_xlsx_workbook_end_sheet (RdXlsxWorkbook  *book,
                            GCancellable    *cancellable,
                            GError         **error)
{
  if (book->status != LXW_NO_ERROR)
    {
      set_sheet_error (book, error);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

void
rd_xlsx_workbook_remember (RdXlsxWorkbook *book,
                           lxw_error       status)
{
  if (book->status == LXW_NO_ERROR)
    book->status = status;
}

/* The width of columns @first to @last, in characters. */
void
rd_xlsx_workbook_set_column (RdXlsxWorkbook *book,
                             lxw_col_t       first,
                             lxw_col_t       last,
                             double          width)
{
  rd_xlsx_workbook_remember (book, worksheet_set_column (book->sheet, first, last, width, NULL));
}

static gboolean
is_escape_at (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

/* OOXML reads "_xHHHH_" in a cell's text as the character U+HHHH, so a
 * cell that really says "_x0041_" would show "A": the underscore that
 * starts such a sequence is itself written as one, "_x005F_". Sequences
 * that share an underscore ("_x005F_x0041_") are each escaped. The
 * library's own escapes of control characters come after this. Cut at
 * whole characters and escapes to at most @max_bytes. */
static char *
escape_sequences (const char *text,
                  gsize       max_bytes)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean escape = is_escape_at (p);
      gsize n = escape ? 7 : (gsize) (g_utf8_next_char (p) - p);

      if (out->len + n > max_bytes)
        break;
      if (escape)
        g_string_append (out, "_x005F_");
      else
        g_string_append_len (out, p, n);
    }
  return g_string_free (out, FALSE);
}

/* Empty text is no cell at all. The XML must stay well-formed whatever a
 * user typed or a framework holds, and an over-long text is cut rather
 * than failing the export. Returns the length written, in characters. */
glong
rd_xlsx_workbook_put_text (RdXlsxWorkbook *book,
                           lxw_row_t       row,
                           lxw_col_t       col,
                           const char     *text,
                           lxw_format     *format)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return 0;

  valid = g_utf8_make_valid (text, -1);
  escaped = escape_sequences (valid, MAX_CELL_TEXT);

  rd_xlsx_workbook_remember (book, worksheet_write_string (book->sheet, row, col, escaped, format));
  return g_utf8_strlen (escaped, -1);
}

/* An unknown value is an empty cell, never 0. */
void
rd_xlsx_workbook_put_number (RdXlsxWorkbook *book,
                             lxw_row_t       row,
                             lxw_col_t       col,
                             double          value,
                             lxw_format     *format)
{
  if (!isfinite (value))
    return;
  rd_xlsx_workbook_remember (book, worksheet_write_number (book->sheet, row, col, value, format));
}

static char *
property_text (const char *text)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  if (strlen (valid) > MAX_PROPERTY_TEXT)
    *g_utf8_find_prev_char (valid, valid + MAX_PROPERTY_TEXT + 1) = '\0';
  return valid;
}

static void
remember_property (RdXlsxWorkbook *book,
                   lxw_error       status)
{
  Workbook *self = (Workbook *) book;

  if (self->property_status == LXW_NO_ERROR)
    self->property_status = status;
}

/* The document's title and comments (File ▸ Properties). */
void
rd_xlsx_workbook_set_title (RdXlsxWorkbook *book,
                            const char     *title,
                            const char     *comments)
{
  g_autofree char *title_text = property_text (title);
  g_autofree char *comments_text = property_text (comments);
  lxw_doc_properties properties = { 0 };

  properties.title = title_text;
  properties.comments = comments_text;
  remember_property (book, workbook_set_properties (book->workbook, &properties));
}

/* A custom property, for programs that read the file (File ▸ Properties ▸
 * Custom in a spreadsheet); a failure is reported when it is finished. */
void
rd_xlsx_workbook_set_property (RdXlsxWorkbook *book,
                               const char     *name,
                               const char     *value)
{
  g_autofree char *text = property_text (value);

  remember_property (book, workbook_set_custom_property_string (book->workbook, name, text));
}

void
rd_xlsx_workbook_set_number_property (RdXlsxWorkbook *book,
                                      const char     *name,
                                      double          value)
{
  remember_property (book, workbook_set_custom_property_number (book->workbook, name, value));
}
