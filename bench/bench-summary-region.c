/* A region's database for bench-compare-window in seconds, not hours:
 * N schools in 12 regions, each with three school years of kept scores
 * (exchange summaries, no respondents' answers), written through
 * rd_store_import_schools into DIR/region.db. The Compare Schools window
 * reads only kept scores, so it sees such a region as it sees one from
 * bench-region; what it lacks is the answers' bulk in the file.
 *   build/bench/bench-summary-region [--schools N] --dir DIR [--seed N] */
#include "config.h"

#include "rd-bench.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "rd-exchange.h"
#include "rd-store.h"

#define N_YEARS 3
#define N_REGIONS 12
#define FIRST_YEAR 2023
#define BATCH 500

static double
bounded_normal (GRand  *rand,
                double  mean,
                double  deviation)
{
  double u = g_rand_double_range (rand, 1e-9, 1.0), v = g_rand_double (rand);

  return CLAMP (mean + deviation * sqrt (-2 * log (u)) * cos (2 * G_PI * v), 0.0, 100.0);
}

static RdExchangeAssessment *
summary (RdFramework *framework,
         GRand       *rand,
         guint        index,
         guint        year)
{
  RdExchangeAssessment *assessment = rd_exchange_assessment_new ();
  double lean = bounded_normal (rand, 55, 14);
  guint n_respondents = (guint) g_rand_int_range (rand, 1, 31);

  assessment->uuid = g_strdup_printf ("5e1f0000-0000-4000-8%03u-%012u", 2 + year, index);
  assessment->school_year = g_strdup_printf ("%u-%u", FIRST_YEAR + year, FIRST_YEAR + year + 1);
  assessment->framework_version = g_strdup (rd_framework_get_version (framework));
  assessment->mode = RD_ASSESSMENT_MODE_FULL;
  assessment->status = RD_ASSESSMENT_STATUS_COMPLETE;
  assessment->created = 1693526400 + year * 31536000 + index;
  assessment->completed = assessment->created + 86400;
  assessment->content = RD_EXCHANGE_SUMMARY;
  assessment->scores = rd_assessment_scores_new (framework);
  assessment->scores->n_respondents = n_respondents;
  assessment->scores->group_sizes[RD_GROUP_TEACHER] = n_respondents;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      assessment->targets[f] = rd_framework_get_default_target (framework, f);
      assessment->scores->factor[f] = g_rand_int_range (rand, 0, 40) == 0 ? NAN : bounded_normal (rand, lean, 12);
      assessment->scores->factor_spread[f] = n_respondents > 1 ? g_rand_double_range (rand, 6, 22) : NAN;
      assessment->scores->factor_n[f] = n_respondents;
    }
  for (guint a = 0; a < assessment->scores->n_areas; a++)
    assessment->scores->area[a] = bounded_normal (rand, lean, 15);
  return assessment;
}

static RdExchangeSchool *
school (RdFramework *framework,
        GRand       *rand,
        guint        index)
{
  static const RdSchoolType types[] = { RD_SCHOOL_TYPE_PRIMARY, RD_SCHOOL_TYPE_SECONDARY, RD_SCHOOL_TYPE_SPECIAL };
  RdExchangeSchool *school = rd_exchange_school_new ();

  school->uuid = g_strdup_printf ("5e1f0000-0000-4000-8001-%012u", index);
  school->name = g_strdup_printf ("School %05u", index + 1);
  school->region = g_strdup_printf ("Region %02u", index % N_REGIONS + 1);
  school->school_type = types[index % G_N_ELEMENTS (types)];
  school->framework_id = g_strdup (rd_framework_get_id (framework));
  for (guint year = 0; year < N_YEARS; year++)
    g_ptr_array_add (school->assessments, summary (framework, rand, index, year));
  return school;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— write a region of kept scores only");
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  int n_schools = 1000, seed = 2023;
  GOptionEntry entries[] = {
    { "schools", 's', 0, G_OPTION_ARG_INT, &n_schools, "Schools in the region (default 1000)", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Write DIR/region.db", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the region (default 2023)", "N" },
    { NULL }
  };
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || dir == NULL || n_schools < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--dir DIR and --schools N above 0 are needed");
      return 2;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("%s: %s\n", dir, g_strerror (errno));
      return 1;
    }
  db_path = g_build_filename (dir, "region.db", NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists already\n", db_path);
      return 1;
    }

  framework = rd_framework_load_builtin (&error);
  store = framework ? rd_store_open (db_path, &error) : NULL;
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  start = g_get_monotonic_time ();
  for (guint first = 0; first < (guint) n_schools; first += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);

      for (guint i = first; i < MIN (first + BATCH, (guint) n_schools); i++)
        g_ptr_array_add (batch, school (framework, rand, i));
      if (!rd_store_import_schools (store, framework, batch, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  g_print ("%d schools × %d school years of kept scores in %s, written in %.1f s\n",
           n_schools, N_YEARS, db_path, rd_bench_elapsed_ms (start) / 1000);
  return 0;
}
