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
#include "rd-test-fixtures.h"

#define N_YEARS 3
#define N_REGIONS 12
#define FIRST_YEAR 2023
#define BATCH 500

static RdExchangeAssessment *
summary (RdFramework *framework,
         GRand       *rand,
         guint        index,
         guint        year)
{
  g_autofree char *school_year = g_strdup_printf ("%u-%u", FIRST_YEAR + year, FIRST_YEAR + year + 1);

  return rd_test_summary_assessment (framework, rand,
                                     g_strdup_printf ("5e1f0000-0000-4000-8%03u-%012u", 2 + year, index),
                                     school_year, 1693526400 + year * 31536000 + index);
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
