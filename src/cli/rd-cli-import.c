#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rd-cli.h"
#include "rd-errors.h"

/* Files per transaction: one commit for many schools is what makes a
 * region fast, and a bounded batch keeps memory bounded. */
#define BATCH_SIZE 50

typedef struct
{
  RdCli *cli;
  RdStore *store;
  RdFramework *framework;
  gboolean progress;
  guint n_files;
  guint n_done;
  guint n_imported;
  guint n_rejected;
  guint n_assessments;
  guint n_respondents;
  GHashTable *school_ids;   /* the uuids of the schools imported */
  GPtrArray *notices;       /* what the imported files lacked and was assumed */
} Import;

typedef struct
{
  char *path;
  RdExchangeSchool *school;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_free (parsed->path);
  rd_exchange_school_free (parsed->school);
  g_free (parsed);
}

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

static Parsed *
parse_file (Import     *import,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rd_cli_read_file (path, RD_JSON_KIND_EXCHANGE, &error);
  g_autofree char *display = g_filename_display_name (path);
  RdExchangeSchool *school = NULL;
  Parsed *parsed;

  if (bytes != NULL)
    school = rd_exchange_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), display,
                                import->framework, &error);
  if (school == NULL)
    {
      reject (import, error->message);
      return NULL;
    }

  parsed = g_new0 (Parsed, 1);
  parsed->path = g_strdup (path);
  parsed->school = school;
  return parsed;
}

static void
count_imported (Import *import,
                Parsed *parsed)
{
  GPtrArray *assessments = parsed->school->assessments;

  import->n_imported++;
  g_hash_table_add (import->school_ids, g_strdup (parsed->school->uuid));
  for (guint n = 0; n < parsed->school->notices->len; n++)
    g_ptr_array_add (import->notices, g_strdup (g_ptr_array_index (parsed->school->notices, n)));
  import->n_assessments += assessments->len;
  for (guint a = 0; a < assessments->len; a++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (assessments, a);

      if (assessment->content == RD_EXCHANGE_SUMMARY)
        import->n_respondents += assessment->scores != NULL ? assessment->scores->n_respondents : 0;
      else
        import->n_respondents += assessment->respondents->len;
    }
}

/* A school that clashes with the database (RD_IMPORT_ERROR_CONFLICT: an
 * id that belongs to another school) is the file's fault; anything else
 * is the database's. */
static gboolean
is_file_problem (const GError *error)
{
  return error->domain == RD_IMPORT_ERROR;
}

static gboolean
import_schools (Import     *import,
                GPtrArray  *batch,
                GError    **error)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();

  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (schools, ((Parsed *) g_ptr_array_index (batch, i))->school);
  return rd_store_import_schools (import->store, import->framework, schools, error);
}

/* One transaction for the batch; when one of its files clashes, the
 * batch is rolled back whole and its files go in one by one, so that only
 * the file at fault is left out. */
static gboolean
import_batch (Import     *import,
              GPtrArray  *batch,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (batch->len == 0)
    return TRUE;

  if (import_schools (import, batch, &local_error))
    {
      for (guint i = 0; i < batch->len; i++)
        count_imported (import, g_ptr_array_index (batch, i));
      return TRUE;
    }
  if (!is_file_problem (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < batch->len; i++)
    {
      Parsed *parsed = g_ptr_array_index (batch, i);
      g_autoptr(GPtrArray) single = g_ptr_array_new ();

      g_clear_error (&local_error);
      g_ptr_array_add (single, parsed);
      if (import_schools (import, single, &local_error))
        {
          count_imported (import, parsed);
        }
      else if (is_file_problem (local_error))
        {
          g_autofree char *display = g_filename_display_name (parsed->path);
          g_autofree char *message = g_strdup_printf ("%s: %s", display, local_error->message);

          reject (import, message);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

static guint
count_schools (Import  *import,
               GError **error)
{
  g_autoptr(GPtrArray) schools = rd_store_list_schools (import->store, error);

  return schools != NULL ? schools->len : G_MAXUINT;
}

static void
print_summary (Import *import,
               guint   n_new)
{
  guint n_schools = g_hash_table_size (import->school_ids);
  guint n_updated = n_schools > n_new ? n_schools - n_new : 0;

  /* Label and number, one a line: easy to read and to grep. */
  g_print (_("Files imported: %u\n"), import->n_imported);
  g_print (_("Schools: %u (%u new, %u updated)\n"), n_schools, MIN (n_new, n_schools), n_updated);
  g_print (_("Assessments: %u\n"), import->n_assessments);
  g_print (_("Respondents: %u\n"), import->n_respondents);
  g_print (_("Files rejected: %u\n"), import->n_rejected);
  for (guint i = 0; i < import->notices->len; i++)
    g_printerr (_("Note: %s\n"), (const char *) g_ptr_array_index (import->notices, i));
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
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GHashTable) school_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  Import import = { .cli = cli, .school_ids = school_ids, .notices = notices };
  guint n_before = 0, n_after = 0, batch_answers = 0;
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

  import.framework = rd_cli_get_framework (cli, &status);
  if (import.framework == NULL)
    return status;

  import.n_files = files->len;
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
  for (guint i = 0; i < files->len; i++)
    {
      Parsed *parsed = parse_file (&import, g_ptr_array_index (files, i));

      if (parsed != NULL)
        {
          g_ptr_array_add (batch, parsed);
          batch_answers += rd_exchange_school_count_answers (parsed->school);
        }
      import.n_done++;
      show_progress (&import);
      /* A bounded batch: many large files cost no more memory than a few. */
      if (batch->len < BATCH_SIZE && batch_answers < RD_EXCHANGE_BATCH_ANSWERS && i + 1 < files->len)
        continue;
      batch_answers = 0;

      /* Opened at the first good file: rejected files alone leave no
       * empty database behind. */
      if (batch->len > 0 && import.store == NULL)
        {
          clear_progress (&import);
          import.store = rd_cli_get_store (cli, TRUE, &status);
          if (import.store == NULL)
            return status;
          n_before = count_schools (&import, &error);
          if (n_before == G_MAXUINT)
            return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
        }
      if (!import_batch (&import, batch, &error))
        {
          clear_progress (&import);
          g_print (_("Files imported before the problem: %u\n"), import.n_imported);
          return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
        }
      g_ptr_array_set_size (batch, 0);
    }
  clear_progress (&import);

  if (import.store != NULL)
    {
      n_after = count_schools (&import, &error);
      if (n_after == G_MAXUINT)
        return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
    }
  print_summary (&import, n_after > n_before ? n_after - n_before : 0);

  if (import.n_rejected == 0)
    return RD_CLI_EXIT_OK;
  return import.n_imported > 0 ? RD_CLI_EXIT_PARTIAL : RD_CLI_EXIT_INVALID_INPUT;
}
