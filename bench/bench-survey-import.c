/* Times a survey CSV import as the "Import Answers…" flow does it: a
 * seeded survey export for the built-in framework (--rows respondents,
 * every item a column, a group column, a timestamp, Dutch labels and
 * decimal commas, one row in 200 of nothing but separators as Excel leaves
 * them) written to a file, then
 *   1. reading it: the file into a parsed, matched and checked
 *      RdSurveyImport (the app does this in a worker thread);
 *   2. --changes mapping changes as the mapping dialog makes them (leave a
 *      column out, put it back, move the group column), each with the
 *      dialog's summary;
 *   3. storing it into a fresh database in one transaction, as the app
 *      does: in a worker thread with a connection of its own while the main
 *      loop runs. Once cancelled half-way (nothing may stay), then whole.
 *      The longest the main loop waited between two turns is what a user
 *      would feel.
 * After each step it prints the time and the peak RSS so far.
 * It prints figures; it never passes or fails on time.
 *   build/bench/bench-survey-import [--rows N] [--changes N] [--dir DIR] [--seed N] */
#include "config.h"

#include "rd-bench.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "rd-store.h"
#include "rd-survey-import.h"
#include "rd-test-fixtures.h"

/* CPU time of every thread of the process, in seconds: on a shared
 * machine, steadier than the time on the clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static const char * const statement_labels[] = {
  "Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens",
};
static const char * const groups[] = { "leraar", "directie", "leerling", "ouder", "ondersteunend personeel", "" };

static void
append_cell (GString *row,
             RdItem  *item,
             GRand   *rand)
{
  /* One in twenty unanswered, one in fifty "n.v.t.". */
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 5)
    return;
  if (roll < 7)
    {
      g_string_append (row, "n.v.t.");
      return;
    }

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_STATEMENT:
      if (roll < 40)
        g_string_append (row, statement_labels[g_rand_int_range (rand, 0, 5)]);
      else
        g_string_append_printf (row, "%d", g_rand_int_range (rand, 1, 6));
      break;
    case RD_ITEM_KIND_YES_NO:
      g_string_append (row, g_rand_boolean (rand) ? "Ja" : "Nee");
      break;
    case RD_ITEM_KIND_DATE:
      g_string_append_printf (row, "%02d-%02d-%d", g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 2015, 2025));
      break;
    case RD_ITEM_KIND_PERCENT:
      g_string_append_printf (row, "%d%%", g_rand_int_range (rand, 0, 101));
      break;
    case RD_ITEM_KIND_NUMBER:
    default:
      {
        double min = rd_item_get_min (item), max = rd_item_get_max (item);
        double value = g_rand_double_range (rand, min, MIN (max, min + 1000));
        g_autofree char *text = g_strdup_printf ("%.1f", value);

        /* A Dutch export: a decimal comma. */
        g_strdelimit (text, ".", ',');
        g_string_append (row, text);
      }
      break;
    }
}

static char *
write_survey (RdFramework *framework,
              const char  *dir,
              guint        n_rows,
              guint32      seed,
              gsize       *n_bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBFTijdstempel;Groep");
  guint n_items = rd_framework_get_n_items (framework);
  char *path = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, ";%s", rd_item_get_id (rd_framework_get_item (framework, i)));
  g_string_append (text, "\r\n");

  for (guint r = 0; r < n_rows; r++)
    {
      /* Excel keeps the separators of rows it emptied. */
      if (g_rand_int_range (rand, 0, 200) == 0)
        {
          for (guint i = 0; i < n_items + 1; i++)
            g_string_append_c (text, ';');
          g_string_append (text, "\r\n");
          continue;
        }
      g_string_append_printf (text, "2026-03-%02d 10:%02d:%02d;%s", g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60),
                              groups[g_rand_int_range (rand, 0, G_N_ELEMENTS (groups))]);
      for (guint i = 0; i < n_items; i++)
        {
          g_string_append_c (text, ';');
          append_cell (text, rd_framework_get_item (framework, i), rand);
        }
      g_string_append (text, "\r\n");
    }

  g_file_set_contents (path, text->str, text->len, &error);
  check (error);
  *n_bytes = text->len;
  return path;
}

/* The API of the import under test, kept apart from the timing. */
typedef struct
{
  RdSurveyImport *survey;
} Import;

static Import
import_read (RdFramework *framework,
             const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Import import = { 0 };

  import.survey = rd_survey_import_new_for_file (framework, file, NULL, &error);
  check (error);
  return import;
}

/* What the dialog does on a change: the summary of the mapping as it stands. */
static gboolean
import_summary (Import *import)
{
  RdSurveySummary summary;

  return rd_survey_import_check (import->survey, &summary, NULL);
}

/* Storing as the app does it: in a worker thread on a connection of its
 * own, while the main loop runs; the longest the main loop waited is
 * what a user would feel. */
typedef struct
{
  Import *import;
  char *database;
  gint64 assessment_id;
  guint cancel_at;          /* cancel when this many are stored; 0: never */
  GCancellable *cancellable;
  gint done;                /* atomic: respondents stored so far */
  gint progress_calls;      /* atomic */
} StoreJob;

static void
on_store_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  StoreJob *job = user_data;

  g_atomic_int_set (&job->done, (gint) done);
  g_atomic_int_inc (&job->progress_calls);
}

static void
store_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  StoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (job->database, &error);

  if (store != NULL &&
      rd_survey_import_store (job->import->survey, store, job->assessment_id, cancellable, on_store_progress, job,
                              &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

typedef struct
{
  StoreJob *job;
  gint64 last;
  gint64 longest;
  gboolean finished;
  GError *error;
} Watch;

static gboolean
on_tick (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  if (watch->job->cancel_at > 0 && (guint) g_atomic_int_get (&watch->job->done) >= watch->job->cancel_at)
    g_cancellable_cancel (watch->job->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Watch *watch = user_data;

  g_task_propagate_boolean (G_TASK (result), &watch->error);
  watch->finished = TRUE;
}

/* Returns the longest main-loop stall in ms. */
static double
import_store (Import      *import,
              RdStore     *store,
              RdFramework *framework,
              gint64       assessment_id,
              guint        cancel_at,
              GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  StoreJob job = { import, g_strdup (rd_store_get_path (store)), assessment_id, cancel_at, cancellable };
  Watch watch = { &job, g_get_monotonic_time (), 0, FALSE, NULL };
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_stored, &watch);
  guint tick = g_timeout_add (5, on_tick, &watch);

  g_task_set_task_data (task, &job, NULL);
  g_task_run_in_thread (task, store_in_thread);
  g_clear_object (&task);
  while (!watch.finished)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_free (job.database);

  if (watch.error != NULL)
    g_propagate_error (error, watch.error);
  else
    rd_store_notify_answers_changed (store, assessment_id);
  printf ("        progress reported %d times\n", g_atomic_int_get (&job.progress_calls));
  return watch.longest / 1000.0;
}

static guint
count_respondents (RdStore *store,
                   gint64   assessment_id)
{
  g_autoptr(GPtrArray) respondents = rd_store_list_respondents (store, assessment_id, NULL);

  return respondents->len;
}

static void
import_clear (Import *import)
{
  g_clear_object (&import->survey);
}

int
main (int   argc,
      char *argv[])
{
  int n_rows = 100000, n_changes = 10, seed = 13;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Respondents in the survey export (100000)", "N" },
    { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes, "Mapping changes to time (10)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the CSV file and the database (a new one)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generated answers (13)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time a survey CSV import");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *csv = NULL;
  g_autofree char *database = NULL;
  Import import;
  gint64 start, school_id, assessment_id;
  gsize n_bytes;
  guint n_stored, group_column = 1, moved_column = 2;
  double stall;
  double cpu;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_rows < 1 || n_changes < 0)
    {
      g_printerr ("%s\n", error ? error->message : "--rows must be 1 or more, --changes 0 or more");
      return 1;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-survey-XXXXXX", &error);
  check (error);

  framework = rd_framework_load_builtin (&error);
  check (error);
  csv = write_survey (framework, dir, n_rows, seed, &n_bytes);
  printf ("survey export: %d rows × %u items, %.1f MB (%s)\n", n_rows, rd_framework_get_n_items (framework),
          n_bytes / 1e6, csv);
  printf ("peak RSS after writing it: %.0f MB\n", rd_bench_peak_rss_mb ());

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  import = import_read (framework, csv);
  printf ("read:   %8.0f ms   CPU %5.1f s   peak RSS %4.0f MB\n", rd_bench_elapsed_ms (start), cpu_seconds () - cpu,
          rd_bench_peak_rss_mb ());

  start = g_get_monotonic_time ();
  import_summary (&import);
  printf ("first summary: %8.3f ms   peak RSS %4.0f MB   (%u respondents, %u blank rows skipped)\n",
          rd_bench_elapsed_ms (start), rd_bench_peak_rss_mb (), rd_survey_import_get_n_respondents (import.survey),
          rd_survey_import_get_n_blank_rows (import.survey));

  for (int c = 0; c < n_changes; c++)
    {
      RdItem *item = rd_framework_get_item (framework, 0);

      start = g_get_monotonic_time ();
      switch (c % 4)
        {
        case 0:   /* leave out the first item's column */
          rd_survey_import_set_item (import.survey, moved_column, NULL);
          break;
        case 1:   /* and put it back */
          rd_survey_import_set_item (import.survey, moved_column, item);
          break;
        case 2:   /* the timestamp as the group column: every row wrong */
          rd_survey_import_set_group_column (import.survey, 0);
          break;
        case 3:
        default:
          rd_survey_import_set_item (import.survey, 0, NULL);
          rd_survey_import_set_group_column (import.survey, group_column);
          break;
        }
      if (import_summary (&import) != (c % 4 != 2))
        g_error ("mapping change %d: unexpected summary", c);
      g_array_append_val (samples, (double) { rd_bench_elapsed_ms (start) });
    }
  if (n_changes > 0)
    {
      rd_bench_report ("mapping change", samples);
      printf ("peak RSS after the mapping changes: %.0f MB\n", rd_bench_peak_rss_mb ());
    }
  if (n_changes % 4 != 0)
    {
      rd_survey_import_set_item (import.survey, moved_column, rd_framework_get_item (framework, 0));
      rd_survey_import_set_group_column (import.survey, group_column);
      import_summary (&import);
    }

  database = g_build_filename (dir, "survey.db", NULL);
  store = rd_store_open (database, &error);
  check (error);
  school_id = rd_store_add_school (store, "Bench School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  check (error);

  /* Cancelled half-way: nothing may stay. */
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  stall = import_store (&import, store, framework, assessment_id, rd_survey_import_get_n_respondents (import.survey) / 2,
                        &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  printf ("store cancelled half-way: %8.0f ms   CPU %5.1f s   longest main-loop stall %.1f ms   "
          "%u respondents left stored\n",
          rd_bench_elapsed_ms (start), cpu_seconds () - cpu, stall, count_respondents (store, assessment_id));

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  stall = import_store (&import, store, framework, assessment_id, 0, &error);
  check (error);
  n_stored = count_respondents (store, assessment_id);
  printf ("store:  %8.0f ms   CPU %5.1f s   peak RSS %4.0f MB   longest main-loop stall %.1f ms   (%u respondents)\n",
          rd_bench_elapsed_ms (start), cpu_seconds () - cpu, rd_bench_peak_rss_mb (), stall, n_stored);

  import_clear (&import);
  g_clear_object (&store);
  rd_test_remove_database (database);
  g_remove (csv);
  g_rmdir (dir);
  return 0;
}
