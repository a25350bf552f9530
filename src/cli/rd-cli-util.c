#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-cli.h"
#include "rd-errors.h"
#include "rd-json-check.h"

static gboolean
set_database (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  RdCli *cli = data;

  g_free (cli->database_path);
  cli->database_path = g_strdup (value);
  return TRUE;
}

static gboolean
set_framework (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  RdCli *cli = data;

  g_free (cli->framework_path);
  cli->framework_path = g_strdup (value);
  return TRUE;
}

static gboolean
set_version (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  ((RdCli *) data)->show_version = TRUE;
  return TRUE;
}

/* Callbacks rather than pointers: the same option may be given before and
 * after the command, and the later one wins without leaking the first. */
static const GOptionEntry global_entries[] = {
  { "database", 'd', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, set_database,
    N_("Use the database in FILE instead of the app’s default one"), N_("FILE") },
  { "framework", 'f', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, set_framework,
    N_("Use the framework in FILE instead of the built-in one"), N_("FILE") },
  { NULL }
};

static const GOptionEntry version_entries[] = {
  { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, set_version,
    N_("Show the version and quit"), NULL },
  { NULL }
};

const char *
rd_cli_describe_exit_codes (void)
{
  return _("Exit status:\n"
           "  0  success\n"
           "  1  bad usage: unknown command or option, missing or wrong argument\n"
           "  2  invalid input file (framework or exchange file), or nothing to import\n"
           "  3  database problem: cannot be opened, damaged, in use, or of a newer version\n"
           "  4  an output file could not be written\n"
           "  5  partial import: some files were rejected, the others imported\n"
           "  6  not found: no such school, assessment or school year");
}

/* GOption prints summaries and descriptions as they are; long paragraphs
 * are wrapped here at spaces. Short lines (the exit codes) keep their
 * indentation. */
char *
rd_cli_wrap (const char *text,
             guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint column = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (g_utf8_strlen (lines[i], -1) <= width)
        {
          g_string_append (out, lines[i]);
          continue;
        }

      words = g_strsplit (lines[i], " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          guint length = g_utf8_strlen (words[w], -1);

          if (column > 0 && column + 1 + length > width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[w]);
          column += length;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * rd_cli_option_context_new:
 * @entries: (nullable): the command's own options
 *
 * Without @entries it is the context of the program itself, which alone
 * takes --version.
 */
GOptionContext *
rd_cli_option_context_new (RdCli              *cli,
                           const char         *parameter_string,
                           const char         *summary,
                           const char         *description,
                           const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);
  GOptionGroup *group = g_option_group_new ("readiness-cli", NULL, NULL, cli, NULL);
  g_autofree char *full_description = NULL;
  g_autofree char *wrapped_summary = NULL;
  g_autofree char *wrapped_description = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, global_entries);
  if (entries == NULL)
    g_option_group_add_entries (group, version_entries);
  g_option_context_set_main_group (context, group);

  wrapped_summary = rd_cli_wrap (summary, RD_CLI_LINE_WIDTH);
  g_option_context_set_summary (context, wrapped_summary);
  if (entries != NULL)
    description = full_description = g_strconcat (description != NULL ? description : "",
                                                  description != NULL ? "\n\n" : "",
                                                  rd_cli_describe_exit_codes (), NULL);
  wrapped_description = rd_cli_wrap (description, RD_CLI_LINE_WIDTH);
  g_option_context_set_description (context, wrapped_description);
  return context;
}

gboolean
rd_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      int              *status)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  *status = rd_cli_usage_error (context, "%s", error->message);
  return FALSE;
}

/* The problem, then the whole usage, both on stderr: stdout may be a file
 * the caller meant for data. */
int
rd_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = g_option_context_get_help (context, TRUE, NULL);
  g_printerr ("readiness-cli: %s\n\n%s", message, help);
  return RD_CLI_EXIT_USAGE;
}

int
rd_cli_fail (int         status,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("readiness-cli: %s\n", message);
  return status;
}

gboolean
rd_cli_parse_format (const char  *name,
                     RdCliFormat *format)
{
  if (name == NULL || g_str_equal (name, "text"))
    *format = RD_CLI_FORMAT_TEXT;
  else if (g_str_equal (name, "csv"))
    *format = RD_CLI_FORMAT_CSV;
  else if (g_str_equal (name, "json"))
    *format = RD_CLI_FORMAT_JSON;
  else
    return FALSE;
  return TRUE;
}

gboolean
rd_cli_stderr_is_terminal (void)
{
  return isatty (STDERR_FILENO);
}

RdFramework *
rd_cli_get_framework (RdCli *cli,
                      int   *status)
{
  g_autoptr(GError) error = NULL;

  if (cli->framework != NULL)
    return cli->framework;

  if (cli->framework_path == NULL)
    {
      cli->framework = rd_framework_load_builtin (&error);
    }
  else
    {
      g_autoptr(GBytes) bytes = rd_cli_read_file (cli->framework_path, RD_JSON_KIND_FRAMEWORK, &error);
      g_autofree char *name = g_filename_display_name (cli->framework_path);

      if (bytes != NULL)
        cli->framework = rd_framework_new_from_bytes (bytes, name, &error);
    }

  if (cli->framework == NULL)
    *status = rd_cli_fail (RD_CLI_EXIT_INVALID_INPUT, "%s", error->message);
  return cli->framework;
}

/* Only import may make a new database: a mistyped --database for reading
 * should fail, not leave an empty file behind. */
RdStore *
rd_cli_get_store (RdCli    *cli,
                  gboolean  create,
                  int      *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = cli->database_path != NULL ? g_strdup (cli->database_path) : rd_store_get_default_path ();
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      *status = rd_cli_fail (RD_CLI_EXIT_DATABASE, _("There is no database at %s"), display);
      return NULL;
    }

  cli->store = rd_store_open (path, &error);
  if (cli->store == NULL)
    *status = rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
  return cli->store;
}

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/**
 * rd_cli_find_school:
 * @name_or_id: the school's number (as `schools` lists it) or its name,
 *   case and accents as typed or not
 *
 * Returns: the school's id, or 0 with the problem printed and @status set
 */
gint64
rd_cli_find_school (RdStore    *store,
                    const char *name_or_id,
                    int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = rd_store_list_schools (store, &error);
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *key = NULL;
  GString *ids;

  if (schools == NULL)
    {
      *status = rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
      return 0;
    }

  if (is_number (name_or_id))
    {
      gint64 id = g_ascii_strtoll (name_or_id, NULL, 10);

      for (guint i = 0; i < schools->len; i++)
        if (rd_school_get_id (g_ptr_array_index (schools, i)) == id)
          return id;
    }

  key = name_key (name_or_id);
  for (guint i = 0; i < schools->len; i++)
    {
      RdSchool *school = g_ptr_array_index (schools, i);
      g_autofree char *school_key = name_key (rd_school_get_name (school));

      if (g_str_equal (key, school_key))
        g_ptr_array_add (matches, school);
    }

  if (matches->len == 1)
    return rd_school_get_id (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    {
      *status = rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("There is no school “%s” in the database"), name_or_id);
      return 0;
    }

  ids = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            rd_school_get_id (g_ptr_array_index (matches, i)));
  *status = rd_cli_fail (RD_CLI_EXIT_USAGE, _("Several schools are called “%s”; give one of their numbers: %s"),
                         name_or_id, ids->str);
  g_string_free (ids, TRUE);
  return 0;
}

/* Errors read "FILE: PROBLEM", the way the readers name a place in a file.
 * A file larger than its kind may be is refused by its size, unread. */
GBytes *
rd_cli_read_file (const char  *path,
                  RdJsonKind   kind,
                  GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  guint64 max = rd_json_max_bytes (kind);
  GQuark domain = kind == RD_JSON_KIND_FRAMEWORK ? RD_FRAMEWORK_ERROR : RD_IMPORT_ERROR;
  int too_large = kind == RD_JSON_KIND_FRAMEWORK ? RD_FRAMEWORK_ERROR_TOO_LARGE : RD_IMPORT_ERROR_TOO_LARGE;
  struct stat info;
  guint8 buffer[65536];
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    goto failed;
  if (fstat (fd, &info) != 0)
    goto failed_open;
  if (S_ISDIR (info.st_mode))
    {
      errno = EISDIR;
      goto failed_open;
    }
  if (!rd_json_check_size (display, kind, (guint64) MAX (info.st_size, 0), domain, too_large, error))
    {
      close (fd);
      return NULL;
    }

  /* Sized once: growing by doubling would need up to twice the file. */
  contents = g_byte_array_sized_new ((guint) MIN ((guint64) info.st_size + 1, max + 1));
  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed_open;
      if (n == 0)
        break;
      g_byte_array_append (contents, buffer, (guint) n);
      /* A file that grew since, or a pipe, is counted as it is read. */
      if (!rd_json_check_size (display, kind, contents->len, domain, too_large, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));

failed_open:
  saved_errno = errno;
  close (fd);
  errno = saved_errno;
failed:
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", display,
               g_strerror (saved_errno));
  return NULL;
}
