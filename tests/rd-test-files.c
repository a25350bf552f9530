#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rd-test-files.h"

/* A new folder in the temporary folder, which must be made. */
char *
rd_test_make_folder (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return folder;
}

/* @folder and everything in it, even when a test made it read-only. */
void
rd_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (folder, 0700);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        rd_test_remove_folder (path);
      else
        g_remove (path);
    }
  g_rmdir (folder);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted and joined by spaces: shows leftovers. */
char *
rd_test_list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* @expected is what rd_test_list_folder() gives: "" for an empty folder. */
void
rd_test_assert_listing (const char *folder,
                        const char *expected)
{
  g_autofree char *listing = rd_test_list_folder (folder);

  g_assert_cmpstr (listing, ==, expected);
}

/* The permission bits of @path, as in 0600. */
void
rd_test_assert_mode (const char *path,
                     guint       mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, mode);
}

/* A file an export must replace whole or leave alone; 0644, so that a
 * replacement can be seen to keep the permissions. */
void
rd_test_write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

void
rd_test_assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
}

/* A Dutch locale made with localedef (Debian's "locales" package has the
 * sources) and loaded through LOCPATH; once loaded, its files may go. */
static locale_t
make_dutch_locale (void)
{
  g_autofree char *folder = rd_test_make_folder ("locale-XXXXXX");
  g_autofree char *output = g_build_filename (folder, "nl_NL.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "nl_NL", "-f", "UTF-8", output, NULL };
  locale_t locale = (locale_t) 0;
  int status;

  if (g_file_test ("/usr/share/i18n/locales/nl_NL", G_FILE_TEST_EXISTS) &&
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    {
      g_setenv ("LOCPATH", folder, TRUE);
      locale = newlocale (LC_NUMERIC_MASK, "nl_NL.UTF-8", (locale_t) 0);
      g_unsetenv ("LOCPATH");
    }
  rd_test_remove_folder (folder);
  return locale;
}

/* Switches this thread to a numeric locale whose printf writes a decimal
 * comma, made once when none is installed and kept. Returns the locale to
 * switch back to, or (locale_t) 0 with the test skipped. */
static locale_t
use_comma_locale (void)
{
  static const char * const names[] = { "nl_NL.UTF-8", "nl_BE.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  static locale_t comma = (locale_t) 0;
  locale_t previous;
  char number[16];

  for (guint i = 0; i < G_N_ELEMENTS (names) && comma == (locale_t) 0; i++)
    comma = newlocale (LC_NUMERIC_MASK, names[i], (locale_t) 0);
  if (comma == (locale_t) 0)
    comma = make_dutch_locale ();
  if (comma == (locale_t) 0)
    {
      g_test_skip ("no locale with a decimal comma is installed, and localedef cannot make one");
      return (locale_t) 0;
    }

  previous = uselocale (comma);
  /* The tests mean something only where printf writes a comma. */
  g_snprintf (number, sizeof number, "%.1f", 62.5);
  g_assert_cmpstr (number, ==, "62,5");
  return previous;
}

/* libxlsxwriter prints numbers with printf: @write, which must succeed,
 * runs where printf writes a decimal comma. FALSE, with the test skipped,
 * where no such locale can be had. Call it while no other thread runs: it
 * may set LOCPATH. */
gboolean
rd_test_write_in_comma_locale (const char      *path,
                               RdTestWriteFunc  write,
                               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  locale_t previous = use_comma_locale ();
  gboolean ok;

  if (previous == (locale_t) 0)
    return FALSE;
  ok = write (path, data, NULL, &error);
  uselocale (previous);
  g_assert_no_error (error);
  g_assert_true (ok);
  return TRUE;
}

/* A write cancelled before it begins fails, and leaves an existing
 * @name as it was and nothing beside it. */
void
rd_test_assert_cancel_keeps_file (const char      *name,
                                  RdTestWriteFunc  write,
                                  gconstpointer    data)
{
  g_autofree char *folder = rd_test_make_folder ("cancel-XXXXXX");
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  rd_test_write_old_file (path);
  g_cancellable_cancel (cancellable);
  g_assert_false (write (path, data, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  rd_test_assert_old_file (path);
  rd_test_assert_listing (folder, name);

  rd_test_remove_folder (folder);
}

/* Group 1 of @pattern in @text, or NULL. */
char *
rd_test_match (const char *text,
               const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_assert_nonnull (regex);
  if (!g_regex_match (regex, text, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

void
rd_test_assert_matches (const char *text,
                        const char *pattern)
{
  g_autofree char *found = rd_test_match (text, pattern);

  if (found == NULL)
    g_test_message ("not found: %s", pattern);
  g_assert_nonnull (found);
}

/* What @argv writes on its standard output; it must succeed. */
static char *
spawn_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv);

      g_error ("%s failed: %s\n%s", command, error->message, err);
    }
  return out;
}

/* The names of the parts of the zip, one a line. */
char *
rd_test_xlsx_list_parts (const char *path)
{
  const char *argv[] = { "unzip", "-Z1", path, NULL };

  return spawn_output (argv);
}

/* One part of the zip, as text. */
char *
rd_test_xlsx_read_part (const char *path,
                        const char *part)
{
  const char *argv[] = { "unzip", "-p", path, part, NULL };

  return spawn_output (argv);
}

/* The shared strings in order, unescaped: t="s" cells hold an index. */
GPtrArray *
rd_test_xlsx_shared_strings (const char *path)
{
  g_autofree char *xml = rd_test_xlsx_read_part (path, "xl/sharedStrings.xml");
  g_autoptr(GRegex) regex = g_regex_new ("<si><t(?: [^>]*)?>([^<]*)</t></si>", G_REGEX_DEFAULT,
                                         G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, xml, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *escaped = g_match_info_fetch (info, 1);
      g_autoptr(GString) text = g_string_new (escaped);

      g_string_replace (text, "&lt;", "<", 0);
      g_string_replace (text, "&gt;", ">", 0);
      g_string_replace (text, "&quot;", "\"", 0);
      g_string_replace (text, "&amp;", "&", 0);
      g_ptr_array_add (strings, g_string_free (g_steal_pointer (&text), FALSE));
      g_match_info_next (info, NULL);
    }
  return strings;
}

/* The text of cell @ref: a shared string, or NULL when the cell is absent
 * or not text. */
const char *
rd_test_xlsx_cell_text (const char *sheet_xml,
                        GPtrArray  *strings,
                        const char *ref)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"(?: s=\"\\d+\")? t=\"s\"><v>(\\d+)</v></c>", ref);
  g_autofree char *index = rd_test_match (sheet_xml, pattern);

  if (index == NULL)
    return NULL;
  g_assert_cmpuint (atoi (index), <, strings->len);
  return g_ptr_array_index (strings, atoi (index));
}

/* A numeric cell's value (no t="s", no formula); NAN when there is none. */
double
rd_test_xlsx_cell_number (const char *sheet_xml,
                          const char *ref)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"(?: s=\"\\d+\")?><v>([-0-9.E+]+)</v></c>", ref);
  g_autofree char *value = rd_test_match (sheet_xml, pattern);

  if (value == NULL)
    return NAN;
  return g_ascii_strtod (value, NULL);
}

gboolean
rd_test_xlsx_has_cell (const char *sheet_xml,
                       const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);

  return strstr (sheet_xml, start) != NULL;
}

/* The n-th element named @tag inside the first @list element. */
static char *
nth_element (const char *xml,
             const char *list,
             const char *tag,
             guint       n)
{
  g_autofree char *open = g_strdup_printf ("<%s", list);
  g_autofree char *start_tag = g_strdup_printf ("<%s", tag);
  const char *p = strstr (xml, open);
  const char *end;

  g_assert_nonnull (p);
  p = strchr (p, '>');
  for (guint i = 0; i <= n; i++)
    {
      /* Skips "<fonts" when looking for "<font". */
      do
        p = strstr (p + 1, start_tag);
      while (p != NULL && g_ascii_isalpha (p[strlen (start_tag)]));
      g_assert_nonnull (p);
    }
  end = strchr (p, '>');
  if (end[-1] != '/')
    {
      g_autofree char *close = g_strdup_printf ("</%s>", tag);

      end = strstr (p, close) + strlen (close) - 1;
    }
  return g_strndup (p, end - p + 1);
}

/* An attribute of the cellXfs entry of cell @ref's style, or NULL when
 * the cell has no style. */
static char *
cell_xf_attribute (const char *sheet_xml,
                   const char *styles,
                   const char *ref,
                   const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\" s=\"(\\d+)\"", ref);
  g_autofree char *style = rd_test_match (sheet_xml, pattern);
  g_autofree char *xf = NULL;
  g_autofree char *attribute = NULL;
  char *value;

  if (style == NULL)
    return NULL;
  xf = nth_element (styles, "cellXfs", "xf", atoi (style));
  attribute = g_strdup_printf ("%s=\"(\\d+)\"", name);
  value = rd_test_match (xf, attribute);
  g_assert_nonnull (value);
  return value;
}

/* The number format of a cell, following its style to numFmts. */
char *
rd_test_xlsx_cell_number_format (const char *sheet_xml,
                                 const char *styles,
                                 const char *ref)
{
  g_autofree char *id = cell_xf_attribute (sheet_xml, styles, ref, "numFmtId");
  g_autofree char *pattern = NULL;

  g_assert_nonnull (id);
  pattern = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"([^\"]*)\"", id);
  return rd_test_match (styles, pattern);
}

gboolean
rd_test_xlsx_cell_is_bold (const char *sheet_xml,
                           const char *styles,
                           const char *ref)
{
  g_autofree char *id = cell_xf_attribute (sheet_xml, styles, ref, "fontId");
  g_autofree char *font = NULL;

  if (id == NULL)
    return FALSE;
  font = nth_element (styles, "fonts", "font", atoi (id));
  return strstr (font, "<b/>") != NULL;
}
