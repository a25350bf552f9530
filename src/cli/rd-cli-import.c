#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rd-cli.h"
#include "rd-errors.h"
#include "rd-exchange-import.h"

typedef struct
{
  RdCli *cli;
  gboolean progress;
  guint n_files;
  guint n_done;
  guint n_rejected;         /* before the import: folders that could not be read */
  int status;               /* of opening the database, when that failed */
} Import;

static void
clear_progress (Import *import)
{
  if (import->progress)
    rd_cli_show_progress (NULL);
}

static void
show_progress (Import *import)
{
  g_autofree char *text = NULL;

  if (!import->progress)
    return;
  /* Translators: progress of an import, "Importing: 12 of 200 files" */
  text = g_strdup_printf (_("Importing: %u of %u files"), import->n_done, import->n_files);
  rd_cli_show_progress (text);
}

static void
reject (Import     *import,
        const char *message)
{
  clear_progress (import);
  g_printerr ("%s\n", message);
  import->n_rejected++;
  show_progress (import);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every *.readiness file under @dir. Links to folders are not followed, so
 * that a loop of links cannot make the walk endless. */
static void
find_files (const char *dir,
            GPtrArray  *files,
            Import     *import)
{
  g_autoptr(GError) error = NULL;
  GDir *handle = g_dir_open (dir, 0, &error);
  const char *name;

  if (handle == NULL)
    {
      g_autofree char *display = g_filename_display_name (dir);
      g_autofree char *message = g_strdup_printf ("%s: %s", display, error->message);

      reject (import, message);
      return;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        find_files (path, files, import);
      else if (g_str_has_suffix (name, RD_EXCHANGE_SUFFIX) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_dir_close (handle);
}

/* The files of the arguments: named files whatever their name, and the
 * exchange files in named folders, each folder's sorted, none twice. */
static GPtrArray *
collect_files (Import  *import,
               int      argc,
               char   **argv)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          find_files (argv[i], found, import);
          g_ptr_array_sort (found, compare_paths);
        }
      else
        {
          g_ptr_array_add (found, g_strdup (argv[i]));
        }

      for (guint f = 0; f < found->len; f++)
        {
          char *path = g_ptr_array_index (found, f);
          char *real = realpath (path, NULL);

          /* A missing file is kept, to be reported when it is read. */
          if (real != NULL && !g_hash_table_add (seen, real))
            continue;
          g_ptr_array_add (files, g_strdup (path));
        }
    }

  return files;
}

/* On the importer's reading thread: the file as given, named by its path. */
static RdExchangeSchool *
load_file (gpointer      file,
           RdFramework  *framework,
           char        **name,
           GError      **error)
{
  const char *path = file;
  g_autoptr(GBytes) bytes = rd_cli_read_file (path, RD_JSON_KIND_EXCHANGE, error);

  *name = g_filename_display_name (path);
  if (bytes == NULL)
    return NULL;
  return rd_exchange_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), *name, framework, error);
}

static void
on_rejected (const GError *error,
             gpointer      user_data)
{
  Import *import = user_data;

  clear_progress (import);
  g_printerr ("%s\n", error->message);
  show_progress (import);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Import *import = user_data;

  import->n_done = done;
  show_progress (import);
}

/* Opened at the first good file: rejected files alone leave no empty
 * database behind. */
static RdStore *
open_store (gpointer   user_data,
            GError   **error)
{
  Import *import = user_data;
  RdStore *store;

  clear_progress (import);
  store = rd_cli_get_store (import->cli, TRUE, &import->status);
  if (store == NULL)
    g_set_error_literal (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, "no database");
  return store;
}

static void
print_summary (const RdExchangeImportResult *result,
               guint                         n_rejected)
{
  guint n_updated = result->n_schools - result->n_schools_new;

  /* Label and number, one a line: easy to read and to grep. */
  g_print (_("Files imported: %u\n"), result->n_imported);
  g_print (_("Schools: %u (%u new, %u updated)\n"), result->n_schools, result->n_schools_new, n_updated);
  g_print (_("Assessments: %u\n"), result->n_assessments);
  g_print (_("Respondents: %u\n"), result->n_respondents);
  g_print (_("Files rejected: %u\n"), n_rejected);
  for (guint i = 0; i < result->notices->len; i++)
    g_printerr (_("Note: %s\n"), (const char *) g_ptr_array_index (result->notices, i));
}

/* No options of its own, but the global ones and the exit codes. */
static const GOptionEntry no_entries[] = { { NULL } };

int
rd_cli_import (RdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RdExchangeImportResult) result = { 0 };
  Import import = { .cli = cli, .status = RD_CLI_EXIT_OK };
  RdExchangeImportHooks hooks = {
    .load = load_file, .open_store = open_store, .rejected = on_rejected, .progress = on_progress,
    .user_data = &import,
  };
  RdFramework *framework;
  guint n_rejected;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("import FILE|FOLDER…"),
                                       _("Import schools’ exchange files (.readiness) into the database, which is "
                                         "made when missing."),
                                       _("Folders are searched for *.readiness files, in their subfolders too. "
                                         "Every file is checked before anything is imported; a file that fails "
                                         "is reported as “FILE: PLACE: PROBLEM” and left out, the others are "
                                         "imported. Importing a newer file of a school replaces what an earlier "
                                         "file of the same school brought: nothing is imported twice."),
                                       no_entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return rd_cli_usage_error (context, _("No file or folder given"));

  import.progress = rd_cli_stderr_is_terminal ();
  files = collect_files (&import, argc, argv);
  if (files->len == 0)
    return rd_cli_fail (RD_CLI_EXIT_INVALID_INPUT, _("No exchange files (*%s) found"), RD_EXCHANGE_SUFFIX);

  framework = rd_cli_get_framework (cli, &status);
  if (framework == NULL)
    return status;

  import.n_files = files->len;
  if (!rd_exchange_import_full (cli->store, framework, files, &hooks, NULL, &result, &error))
    {
      clear_progress (&import);
      if (import.status != RD_CLI_EXIT_OK)
        return import.status;
      g_print (_("Files imported before the problem: %u\n"), result.n_imported);
      return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
    }
  clear_progress (&import);

  n_rejected = import.n_rejected + result.rejected->len;
  print_summary (&result, n_rejected);
  if (n_rejected == 0)
    return RD_CLI_EXIT_OK;
  return result.n_imported > 0 ? RD_CLI_EXIT_PARTIAL : RD_CLI_EXIT_INVALID_INPUT;
}
