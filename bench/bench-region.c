/* Times what a regional advisor does with a whole region: a seeded
 * synthetic region of schools, each with three school years of 25
 * respondents answering every item of the built-in framework, written as
 * one exchange file per school; then, in the same run,
 *   1. importing every file into a fresh database (read, rd_exchange_parse,
 *      rd_store_import_schools in batches), once on one thread and once
 *      with the files parsed on a second thread while the first imports;
 *   2. the sqlite3 shell's .import of the same answers as one CSV file into
 *      a bare table: the practical limit of loading rows into SQLite;
 *   3. comparing the schools of one school year: the kept scores
 *      (rd_store_list_school_scores), rd_comparison_new, every distribution
 *      and one sort, cold after the import and warm;
 *   4. peak memory after the import and after comparing.
 * It prints figures; it never passes or fails on time.
 * The exchange files, the CSV file and both databases are on the same
 * disk, in a new folder of the temporary directory or in --dir.
 *   build/bench/bench-region [--schools N] [--dir DIR] [--seed N] [--batch N] */
#include "config.h"

#include "rd-bench.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include "rd-comparison.h"
#include "rd-exchange.h"
#include "rd-exchange-import.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

#define N_YEARS 3
#define N_RESPONDENTS 25
#define N_REGIONS 12
#define FIRST_YEAR 2023
#define COMPARE_ROUNDS 20

static const RdSchoolType school_types[] = { RD_SCHOOL_TYPE_PRIMARY, RD_SCHOOL_TYPE_SECONDARY, RD_SCHOOL_TYPE_SPECIAL };

typedef struct
{
  RdFramework *framework;
  GPtrArray *files;       /* paths of the exchange files, in school order */
  guint64 n_answers;
  guint64 n_bytes;
} Region;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* ru_maxrss is in kilobytes on Linux. */
/* A version 4 UUID drawn from @rand, so that a seed gives the same region. */
static char *
seeded_uuid (GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand), c = g_rand_int (rand), d = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, 0x8000 | (c >> 16 & 0x3fff), c & 0xffff, d);
}

static gint64
unix_time (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, 9, 0, 0);

  return g_date_time_to_unix (time);
}

static RdGroup
group_of (guint respondent)
{
  if (respondent == 0)
    return RD_GROUP_LEADER;
  if (respondent < 15)
    return RD_GROUP_TEACHER;
  if (respondent < 18)
    return RD_GROUP_SUPPORT_STAFF;
  return RD_GROUP_LEARNER;
}

static RdExchangeAction *
make_action (RdFramework *framework,
             GRand       *rand,
             const char  *school_year)
{
  guint n_items = rd_framework_get_n_items (framework);
  RdItem *item = rd_framework_get_item (framework, (guint) g_rand_int_range (rand, 0, (int) n_items));
  const char * const items[] = { rd_item_get_id (item), NULL };
  g_autofree char *uuid = seeded_uuid (rand);
  g_autofree char *due = g_strdup_printf ("%.4s-06-30", school_year + 5);
  RdActionInfo info = {
    .title = "Raise the lowest score of the area",
    .factor = (RdFactor) g_rand_int_range (rand, 0, RD_N_FACTORS),
    .item_ids = items,
    .owner = "ICT coordinator",
    .due = due,
    .status = (RdActionStatus) g_rand_int_range (rand, RD_ACTION_STATUS_PLANNED, RD_ACTION_STATUS_DONE + 1),
    .criterion = "Every teacher uses it in a lesson each week.",
  };

  return rd_exchange_action_new (uuid, NULL, rd_action_new (&info));
}

/* The random answers floor numbers, which falls below a minimum such as
 * 0.1 learners per device: an importer rightly refuses those. */
static void
keep_in_range (RdFramework *framework,
               RdResponse  *response)
{
  for (guint a = 0; a < response->answers->len; a++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, a);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (rd_item_get_kind (item) == RD_ITEM_KIND_NUMBER && !answer->not_applicable && !isnan (answer->value))
        answer->value = CLAMP (answer->value, rd_item_get_min (item), rd_item_get_max (item));
    }
}

/* School @index: its region and type as tags, a readiness of its own that
 * grows a little every year, and plausible answers around it. */
static RdExchangeSchool *
make_school (RdFramework *framework,
             GRand       *rand,
             guint        index)
{
  RdExchangeSchool *school = rd_exchange_school_new ();
  double lean = g_rand_double_range (rand, 0.0, 0.5);

  school->uuid = seeded_uuid (rand);
  school->name = g_strdup_printf ("School %04u", index + 1);
  school->region = g_strdup_printf ("Region %02u", index % N_REGIONS + 1);
  school->school_type = school_types[index % G_N_ELEMENTS (school_types)];
  school->framework_id = g_strdup (rd_framework_get_id (framework));

  for (int y = 0; y < N_YEARS; y++)
    {
      RdExchangeAssessment *assessment = rd_exchange_assessment_new ();
      int year = FIRST_YEAR + y;

      assessment->uuid = seeded_uuid (rand);
      assessment->school_year = g_strdup_printf ("%d-%d", year, year + 1);
      assessment->framework_version = g_strdup (rd_framework_get_version (framework));
      assessment->mode = RD_ASSESSMENT_MODE_FULL;
      assessment->status = RD_ASSESSMENT_STATUS_COMPLETE;
      assessment->created = unix_time (year, 9, 1);
      assessment->completed = unix_time (year, 11, 15);
      /* The generated dates run up to the present. */
      assessment->reference_day = rd_day_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
      assessment->content = RD_EXCHANGE_ANSWERS;
      for (guint f = 0; f < RD_N_FACTORS; f++)
        assessment->targets[f] = rd_framework_get_default_target (framework, (RdFactor) f);

      for (guint r = 0; r < N_RESPONDENTS; r++)
        {
          g_autofree char *uuid = seeded_uuid (rand);
          RdResponse *response = rd_test_random_response (framework, RD_ASSESSMENT_MODE_FULL, group_of (r), rand,
                                                          MIN (1.0, lean + 0.05 * y));

          keep_in_range (framework, response);

          g_ptr_array_add (assessment->respondents, rd_exchange_respondent_new (uuid, response));
        }
      for (guint a = 0; a < 2; a++)
        g_ptr_array_add (assessment->actions, make_action (framework, rand, assessment->school_year));

      g_ptr_array_add (school->assessments, assessment);
    }

  return school;
}

/* The same answers as rows of the CSV file for the sqlite3 shell:
 * respondent, item, version, value, date, not applicable. */
static guint64
append_csv (FILE                   *csv,
            RdFramework            *framework,
            const RdExchangeSchool *school)
{
  guint64 n = 0;

  for (guint i = 0; i < school->assessments->len; i++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);

      for (guint r = 0; r < assessment->respondents->len; r++)
        {
          RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

          for (guint a = 0; a < respondent->response->answers->len; a++)
            {
              RdAnswer *answer = g_ptr_array_index (respondent->response->answers, a);
              RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

              if (answer->not_applicable)
                fprintf (csv, "%s,%s,%u,,,1\n", respondent->uuid, answer->item_id, answer->item_version);
              else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
                {
                  GDate date;
                  char iso[16];

                  rd_answer_get_date (answer, &date);
                  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
                  fprintf (csv, "%s,%s,%u,,%s,0\n", respondent->uuid, answer->item_id, answer->item_version, iso);
                }
              else
                {
                  char value[G_ASCII_DTOSTR_BUF_SIZE];

                  /* Whatever the locale, a point. */
                  g_ascii_formatd (value, sizeof value, "%.15g", answer->value);
                  fprintf (csv, "%s,%s,%u,%s,,0\n", respondent->uuid, answer->item_id, answer->item_version, value);
                }
            }
          n += respondent->response->answers->len;
        }
    }

  return n;
}

/* One school at a time, so that making the region costs little memory. */
static void
generate (Region     *region,
          const char *dir,
          const char *csv_path,
          guint       n_schools,
          guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  FILE *csv = fopen (csv_path, "w");

  if (csv == NULL)
    g_error ("%s: %s", csv_path, g_strerror (errno));

  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdExchangeSchool) school = make_school (region->framework, rand, i);
      g_autoptr(GBytes) bytes = rd_exchange_write (school, region->framework, RD_EXCHANGE_ANSWERS, &error);
      g_autofree char *name = g_strdup_printf ("school-%04u" RD_EXCHANGE_SUFFIX, i + 1);
      char *path = g_build_filename (dir, name, NULL);
      gsize length;
      const char *data;

      check (error);
      data = g_bytes_get_data (bytes, &length);
      g_file_set_contents (path, data, (gssize) length, &error);
      check (error);
      region->n_bytes += length;
      region->n_answers += append_csv (csv, region->framework, school);
      g_ptr_array_add (region->files, path);
    }

  if (fclose (csv) != 0)
    g_error ("%s: %s", csv_path, g_strerror (errno));
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
}

static RdExchangeSchool *
read_school (RdFramework *framework,
             const char  *path,
             double      *read_seconds,
             double      *parse_seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  RdExchangeSchool *school;
  gint64 start = g_get_monotonic_time ();
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  check (error);
  *read_seconds += seconds_since (start);

  start = g_get_monotonic_time ();
  school = rd_exchange_parse (contents, length, name, framework, &error);
  check (error);
  *parse_seconds += seconds_since (start);
  return school;
}

typedef struct
{
  double total;
  double cpu;             /* of the whole process: both threads when pipelined */
  double read;            /* in the parsing thread when pipelined */
  double parse;
  double import;          /* in rd_store_import_schools */
  double wait;            /* the importing thread waiting for parsed files */
} ImportTimes;

/* User and system time so far of this process, or of its children that
 * have ended. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Read, parse and import on one thread, @batch schools per transaction,
 * as a simple importer does. */
static void
import_sequential (RdStore     *store,
                   Region      *region,
                   guint        batch,
                   ImportTimes *times)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds (RUSAGE_SELF);

  for (guint i = 0; i < region->files->len; i += batch)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
      gint64 import_start;

      for (guint j = i; j < MIN (i + batch, region->files->len); j++)
        g_ptr_array_add (schools, read_school (region->framework, g_ptr_array_index (region->files, j),
                                               &times->read, &times->parse));
      import_start = g_get_monotonic_time ();
      rd_store_import_schools (store, region->framework, schools, &error);
      check (error);
      times->import += seconds_since (import_start);
    }

  times->total = seconds_since (start);
  times->cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
}

/* The parsing thread of the pipelined import. Batches of parsed schools
 * go to @parsed; imported batches come back on @spent, and each one back
 * lets the next be parsed. So at most three batches are in memory, and
 * they are freed on this thread, not the importing one. */
typedef struct
{
  Region *region;
  guint batch;
  GAsyncQueue *parsed;    /* of GPtrArray of RdExchangeSchool; an empty one ends */
  GAsyncQueue *spent;     /* the same arrays back, imported */
  double read;
  double parse;
} Producer;

static gpointer
produce (gpointer data)
{
  Producer *producer = data;
  GPtrArray *files = producer->region->files;

  for (guint i = 0; i < files->len; i += producer->batch)
    {
      GPtrArray *schools = g_async_queue_pop (producer->spent);

      g_ptr_array_set_size (schools, 0);
      for (guint j = i; j < MIN (i + producer->batch, files->len); j++)
        g_ptr_array_add (schools, read_school (producer->region->framework, g_ptr_array_index (files, j),
                                               &producer->read, &producer->parse));
      g_async_queue_push (producer->parsed, schools);
    }
  g_async_queue_push (producer->parsed, g_ptr_array_new ());
  return NULL;
}

/* The same with the files read and parsed on a second thread while the
 * first imports: the store stays on one thread. */
static void
import_pipelined (RdStore     *store,
                  Region      *region,
                  guint        batch,
                  ImportTimes *times)
{
  Producer producer = {
    region, batch,
    g_async_queue_new (),
    g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref),
    0, 0
  };
  GThread *thread;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds (RUSAGE_SELF);

  /* Two batches parsed ahead of the one being imported. */
  for (guint i = 0; i < 2; i++)
    g_async_queue_push (producer.spent, g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free));
  thread = g_thread_new ("parse", produce, &producer);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *schools;
      gint64 step = g_get_monotonic_time ();

      schools = g_async_queue_pop (producer.parsed);
      times->wait += seconds_since (step);
      if (schools->len == 0)
        {
          g_ptr_array_unref (schools);
          break;
        }

      step = g_get_monotonic_time ();
      rd_store_import_schools (store, region->framework, schools, &error);
      check (error);
      times->import += seconds_since (step);
      g_async_queue_push (producer.spent, schools);
    }

  g_thread_join (thread);
  times->total = seconds_since (start);
  times->cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
  times->read = producer.read;
  times->parse = producer.parse;
  g_async_queue_unref (producer.parsed);
  g_async_queue_unref (producer.spent);
}

/* As the app and the command line import: rd_exchange_import_files. */
static void
import_as_the_app (RdStore     *store,
                   Region      *region,
                   ImportTimes *times)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RdExchangeImportResult result = { 0 };
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds (RUSAGE_SELF);

  for (guint i = 0; i < region->files->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (region->files, i)));
  rd_exchange_import_files (store, region->framework, files, NULL, NULL, NULL, &result, &error);
  check (error);
  g_assert (result.n_imported == region->files->len);
  rd_exchange_import_result_clear (&result);
  times->total = seconds_since (start);
  times->cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
}

/* The real `readiness-cli import DIR`, as an advisor runs it: a process
 * of its own, the exchange files of @dir, a new database. */
static gboolean
import_with_the_cli (const char  *cli_path,
                     const char  *dir,
                     const char  *db_path,
                     ImportTimes *times)
{
  const char *argv[] = { cli_path, "import", "--database", db_path, dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  double cpu_start = cpu_seconds (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  int status;

  remove_database (db_path);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_print ("readiness-cli import: %s %s\n", error->message, err != NULL ? err : "");
      return FALSE;
    }
  times->total = seconds_since (start);
  times->cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_start;
  return TRUE;
}

static gint
compare_seconds (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);

  g_array_sort (sorted, compare_seconds);
  return g_array_index (sorted, double, sorted->len / 2);
}

static void
print_median (const char *what,
              GArray     *seconds,
              GArray     *cpu,
              guint64     n_answers)
{
  double wall = median (seconds);

  g_print ("%-52s %8.2f s   %9.0f answers/s   (CPU %.2f s)\n", what, wall, n_answers / wall, median (cpu));
}

static void
print_import (const char        *what,
              const ImportTimes *times,
              guint64            n_answers,
              gboolean           pipelined)
{
  g_print ("%-52s %8.2f s   %9.0f answers/s   (CPU %.2f s)\n", what, times->total, n_answers / times->total,
           times->cpu);
  g_print ("  read files %.2f s, rd_exchange_parse %.2f s%s, rd_store_import_schools %.2f s",
           times->read, times->parse, pipelined ? " (second thread)" : "", times->import);
  if (pipelined)
    g_print (", waiting for parsed files %.2f s", times->wait);
  g_print ("\n");
}

/* Returns the seconds the shell took, or a negative number. */
static double
shell_import (const char *dir,
              const char *csv_path,
              guint64    *n_rows,
              double     *cpu)
{
  g_autofree char *db = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' answer", csv_path);
  const char *create[] = {
    "sqlite3", db,
    "CREATE TABLE answer (respondent TEXT NOT NULL, item_id TEXT NOT NULL, item_version INTEGER NOT NULL, "
    "value REAL, date TEXT, not_applicable INTEGER NOT NULL)",
    NULL
  };
  const char *load[] = { "sqlite3", db, ".mode csv", import, NULL };
  const char *count[] = { "sqlite3", db, "SELECT count(*) FROM answer", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  double seconds, cpu_start;
  gint64 start;
  int status;

  remove_database (db);
  if (!g_spawn_sync (NULL, (char **) create, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_print ("sqlite3 shell: %s\n", error->message);
      return -1;
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds (RUSAGE_CHILDREN);
  if (!g_spawn_sync (NULL, (char **) load, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_print ("sqlite3 shell: %s %s\n", error->message, err ? err : "");
      return -1;
    }
  seconds = seconds_since (start);
  *cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_start;

  if (g_spawn_sync (NULL, (char **) count, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL) &&
      out != NULL)
    *n_rows = g_ascii_strtoull (out, NULL, 10);
  remove_database (db);
  return seconds;
}

typedef struct
{
  double list;        /* rd_store_list_school_scores */
  double compare;     /* rd_comparison_new */
  double describe;    /* every distribution and target count */
  double sort;
  double total;
  guint n_schools;
} CompareTimes;

static void
compare_year (RdStore      *store,
              RdFramework  *framework,
              const char   *school_year,
              CompareTimes *times)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(RdComparison) comparison = NULL;
  g_autoptr(GArray) order = NULL;
  guint n_areas = rd_framework_get_n_areas (framework);
  gint64 start = g_get_monotonic_time (), step = start;
  double sum = 0;

  schools = rd_store_list_school_scores (store, framework, school_year, &error);
  check (error);
  times->list = rd_bench_elapsed_ms (step);

  step = g_get_monotonic_time ();
  comparison = rd_comparison_new (schools, n_areas);
  times->compare = rd_bench_elapsed_ms (step);

  step = g_get_monotonic_time ();
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdDistribution distribution;
      RdTargetCount count;

      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, f, &distribution);
      sum += distribution.median;
      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_GAP, f, &distribution);
      sum += distribution.median;
      rd_comparison_count_below_target (comparison, (RdFactor) f, &count);
      sum += count.below;
    }
  for (guint a = 0; a < n_areas; a++)
    {
      RdDistribution distribution;

      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_AREA, a, &distribution);
      sum += distribution.median;
    }
  times->describe = rd_bench_elapsed_ms (step);

  step = g_get_monotonic_time ();
  order = rd_comparison_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, TRUE);
  times->sort = rd_bench_elapsed_ms (step);
  times->total = rd_bench_elapsed_ms (start);
  times->n_schools = rd_comparison_get_n_schools (comparison);

  /* Keeps the statistics from being optimised away. */
  if (isnan (sum) && order->len == G_MAXUINT)
    g_print ("\n");
}

static void
print_compare (const char         *what,
               const CompareTimes *times)
{
  g_print ("%-52s %8.1f ms   (list %.1f, new %.1f, distributions %.2f, sort %.2f)\n",
           what, times->total, times->list, times->compare, times->describe, times->sort);
}

static void
remove_files (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_remove (g_ptr_array_index (files, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) warm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *keep_dir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *compared_year = g_strdup_printf ("%d-%d", FIRST_YEAR + N_YEARS - 1, FIRST_YEAR + N_YEARS);
  int n_schools = 1000, seed = 2023, batch = 25;
  gboolean import_only = FALSE;
  g_autofree char *cli_path = NULL;
  g_autofree char *cli_before = NULL;
  g_autofree char *cli_db_path = NULL;
  int rounds = 1;
  g_autoptr(GArray) app_seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cli_seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cli_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) before_seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) before_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  GOptionEntry entries[] = {
    { "schools", 's', 0, G_OPTION_ARG_INT, &n_schools, "Schools in the region (default 1000)", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &keep_dir, "Write the files to DIR and keep them", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the region (default 2023)", "N" },
    { "batch", 'b', 0, G_OPTION_ARG_INT, &batch, "Schools per rd_store_import_schools call (default 25)", "N" },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "The readiness-cli to run (default: the one built)", "PATH" },
    { "cli-before", 0, 0, G_OPTION_ARG_FILENAME, &cli_before, "Another readiness-cli to run side by side", "PATH" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Rounds of the side-by-side import (default 1)", "N" },
    { "import-only", 0, 0, G_OPTION_ARG_NONE, &import_only,
      "Only the app's importer, readiness-cli import and the sqlite3 shell", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time importing and comparing a region of schools");
  Region region = { NULL, files, 0, 0 };
  ImportTimes sequential = { 0 }, pipelined = { 0 }, as_the_app = { 0 };
  CompareTimes cold = { 0 }, reopened = { 0 }, warm = { 0 };
  double generate_seconds, shell_seconds, shell_cpu = 0, open_ms, rss_sequential = 0, rss_pipelined = 0, rss_compare;
  guint64 shell_rows = 0;
  gint64 start;
  GStatBuf info;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_schools < 1 || batch < 1 || rounds < 1)
    {
      g_printerr ("--schools and --batch take a number above 0\n");
      return 2;
    }

  framework = rd_framework_load_builtin (&error);
  if (framework == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  region.framework = framework;

  if (keep_dir != NULL)
    {
      if (g_mkdir_with_parents (keep_dir, 0700) != 0)
        {
          g_printerr ("%s: %s\n", keep_dir, g_strerror (errno));
          return 1;
        }
      dir = g_strdup (keep_dir);
    }
  else
    dir = g_dir_make_tmp ("readiness-bench-region-XXXXXX", &error);
  check (error);
  csv_path = g_build_filename (dir, "answers.csv", NULL);
  db_path = g_build_filename (dir, "region.db", NULL);
  cli_db_path = g_build_filename (dir, "cli.db", NULL);

  start = g_get_monotonic_time ();
  generate (&region, dir, csv_path, (guint) n_schools, (guint32) seed);
  generate_seconds = seconds_since (start);

  g_print ("Readiness region benchmark (seed %d): %d schools × %d school years × %d respondents × %u items "
           "(every item of the built-in framework) = %" G_GUINT64_FORMAT " answers\n",
           seed, n_schools, N_YEARS, N_RESPONDENTS, rd_framework_get_n_items (framework), region.n_answers);
  g_print ("  %d regions, %u school types; %.0f MB of exchange files in %s, made in %.1f s; peak RSS %.0f MB\n",
           MIN (n_schools, N_REGIONS), (guint) G_N_ELEMENTS (school_types), region.n_bytes / 1e6, dir,
           generate_seconds, rd_bench_peak_rss_mb ());

  /* 1. The import, into a fresh database each time. */
  if (!import_only)
    {
      remove_database (db_path);
      store = rd_store_open (db_path, &error);
      check (error);
      import_sequential (store, &region, (guint) batch, &sequential);
      rss_sequential = rd_bench_peak_rss_mb ();
      g_clear_object (&store);
      print_import ("import, one thread", &sequential, region.n_answers, FALSE);

      remove_database (db_path);
      store = rd_store_open (db_path, &error);
      check (error);
      import_pipelined (store, &region, (guint) batch, &pipelined);
      rss_pipelined = rd_bench_peak_rss_mb ();
      print_import ("import, files parsed on a second thread", &pipelined, region.n_answers, TRUE);
      g_clear_object (&store);
    }

  /* 2. Side by side with the practical limit, the sqlite3 shell: the
   * app's importer, the real command line (and another build of it, to
   * compare), the shell, in turn, each round; medians. */
  for (int round = 0; round < rounds; round++)
    {
      ImportTimes times = { 0 };
      guint64 rows = 0;

      g_clear_object (&store);
      remove_database (db_path);
      store = rd_store_open (db_path, &error);
      check (error);
      import_as_the_app (store, &region, &as_the_app);
      g_array_append_val (app_seconds, as_the_app.total);
      g_array_append_val (app_cpu, as_the_app.cpu);

      if (!import_with_the_cli (cli_path != NULL ? cli_path : RD_CLI_PATH, dir, cli_db_path, &times))
        return 1;
      g_array_append_val (cli_seconds, times.total);
      g_array_append_val (cli_cpu, times.cpu);

      if (cli_before != NULL)
        {
          if (!import_with_the_cli (cli_before, dir, cli_db_path, &times))
            return 1;
          g_array_append_val (before_seconds, times.total);
          g_array_append_val (before_cpu, times.cpu);
        }

      shell_seconds = shell_import (dir, csv_path, &rows, &shell_cpu);
      if (shell_seconds <= 0)
        return 1;
      shell_rows = rows;
      g_array_append_val (shell_times, shell_seconds);
      g_array_append_val (shell_cpus, shell_cpu);
    }
  remove_database (cli_db_path);

  g_print ("import side by side, %d rounds in turn, medians (wall, answers/s, CPU):\n", rounds);
  print_median ("  rd_exchange_import_files (the app)", app_seconds, app_cpu, region.n_answers);
  print_median ("  readiness-cli import DIR (its own process)", cli_seconds, cli_cpu, region.n_answers);
  if (cli_before != NULL)
    print_median ("  readiness-cli import DIR, --cli-before", before_seconds, before_cpu, region.n_answers);
  print_median ("  sqlite3 shell .import of one CSV, bare table", shell_times, shell_cpus, shell_rows);
  g_stat (db_path, &info);
  g_print ("  %" G_GUINT64_FORMAT " rows; shell defaults: journal_mode=DELETE, synchronous=FULL, one transaction, "
           "no keys or triggers; Readiness: database %.0f MB, journal_mode=WAL, synchronous=FULL\n",
           shell_rows, info.st_size / 1e6);
  {
    double shell = shell_rows / median (shell_times);

    if (!import_only)
      {
        g_print ("%-52s %8.2f      (goal ≥ 0.5)\n", "ratio of throughputs, one thread / shell",
                 region.n_answers / sequential.total / shell);
        g_print ("%-52s %8.2f      (goal ≥ 0.5)\n", "ratio of throughputs, second thread / shell",
                 region.n_answers / pipelined.total / shell);
      }
    g_print ("%-52s %8.2f      (goal ≥ 0.9)\n", "ratio of throughputs, the app's importer / shell",
             region.n_answers / median (app_seconds) / shell);
    g_print ("%-52s %8.2f      (goal ≥ 0.9)\n", "ratio of throughputs, readiness-cli import / shell",
             region.n_answers / median (cli_seconds) / shell);
    if (cli_before != NULL)
      g_print ("%-52s %8.2f\n", "ratio of throughputs, --cli-before / shell",
               region.n_answers / median (before_seconds) / shell);
  }
  if (import_only)
    {
      g_clear_object (&store);
      goto done;
    }

  /* 3. Comparing one school year: on the importing connection, again
   * after opening the database anew, then warm. */
  compare_year (store, framework, compared_year, &cold);
  g_clear_object (&store);

  start = g_get_monotonic_time ();
  store = rd_store_open (db_path, &error);
  check (error);
  open_ms = rd_bench_elapsed_ms (start);
  compare_year (store, framework, compared_year, &reopened);
  for (int i = 0; i < COMPARE_ROUNDS; i++)
    {
      compare_year (store, framework, compared_year, &warm);
      g_array_append_val (warm_ms, warm.total);
    }
  rss_compare = rd_bench_peak_rss_mb ();

  g_print ("compare %s: %u schools, %u distributions, one sort (goal < 100 ms)\n", compared_year, cold.n_schools,
           2 * RD_N_FACTORS + rd_framework_get_n_areas (framework));
  print_compare ("  cold, right after the import", &cold);
  g_print ("%-52s %8.1f ms\n", "  opening the database (rd_store_open)", open_ms);
  print_compare ("  cold, first after opening", &reopened);
  print_compare ("  warm, the last round", &warm);
  rd_bench_report ("  warm", warm_ms);

  /* 3b. HEATMAP: drawing this comparison's heatmap is timed by the
   * chart's owner; its figures go here. */

  /* 4. Memory. */
  g_print ("%-52s %8.0f MB\n", "peak RSS after the import on one thread", rss_sequential);
  g_print ("%-52s %8.0f MB\n", "peak RSS after the import on two threads", rss_pipelined);
  g_print ("%-52s %8.0f MB\n", "peak RSS after comparing", rss_compare);

  g_clear_object (&store);
done:
  if (keep_dir == NULL)
    {
      remove_files (files);
      remove_database (db_path);
      g_remove (csv_path);
      g_rmdir (dir);
    }
  return 0;
}
