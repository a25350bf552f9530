/* Times the analysis of one full assessment answered by 30 respondents:
 * in memory (RdAnalysis), and as the results page loads it from the store
 * (RdResults: answers, targets, previous year and trend).
 *   build/bench/bench-analysis [--respondents N] [--rounds N] */
#include "config.h"

#include "rd-bench.h"

#include <glib/gstdio.h>

#include "rd-results.h"

/* A plausible answer for @item, varied by @seed. */
static void
answer_item (RdStore *store,
             gint64   respondent,
             RdItem  *item,
             GRand   *rand)
{
  g_autoptr(GError) error = NULL;

  if (g_rand_int_range (rand, 0, 20) == 0)
    rd_store_set_answer_not_applicable (store, respondent, item, &error);
  else
    switch (rd_item_get_kind (item))
      {
      case RD_ITEM_KIND_STATEMENT:
        rd_store_set_answer_value (store, respondent, item, g_rand_int_range (rand, 1, 6), &error);
        break;
      case RD_ITEM_KIND_YES_NO:
        rd_store_set_answer_value (store, respondent, item, g_rand_int_range (rand, 0, 2), &error);
        break;
      case RD_ITEM_KIND_PERCENT:
        rd_store_set_answer_value (store, respondent, item, g_rand_int_range (rand, 0, 101), &error);
        break;
      case RD_ITEM_KIND_NUMBER:
        rd_store_set_answer_value (store, respondent, item,
                                   rd_item_get_min (item) + g_rand_double_range (rand, 0, 50), &error);
        break;
      case RD_ITEM_KIND_DATE:
      default:
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, (GDateMonth) g_rand_int_range (rand, 1, 13), 2024);
          rd_store_set_answer_date (store, respondent, item, &date, &error);
        }
        break;
      }

  if (error != NULL)
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GArray) analyse_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2023);
  g_autofree char *dir = g_dir_make_tmp ("readiness-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  int n_respondents = 30, rounds = 200;
  GOptionEntry entries[] = {
    { "respondents", 'r', 0, G_OPTION_ARG_INT, &n_respondents, "Respondents (default 30)", "N" },
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds (default 200)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the analysis of one assessment");
  double targets[RD_N_FACTORS];
  gint64 school_id, assessment_id = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  framework = rd_framework_load_builtin (&error);
  store = framework ? rd_store_open (path, &error) : NULL;
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  school_id = rd_store_add_school (store, "Benchmark school", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  /* Three school years, so that loading includes a previous year and a trend. */
  for (int year = 2024; year <= 2026; year++)
    {
      g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);

      assessment_id = rd_store_add_assessment (store, school_id, school_year, framework,
                                               RD_ASSESSMENT_MODE_FULL, &error);
      for (int r = 0; r < n_respondents; r++)
        {
          gint64 respondent = rd_store_add_respondent (store, assessment_id, (RdGroup) (r % RD_N_GROUPS), NULL, &error);

          for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
            answer_item (store, respondent, rd_framework_get_item (framework, i), rand);
        }
    }

  answers = rd_store_list_answers (store, assessment_id, &error);
  rd_store_get_targets (store, assessment_id, targets, &error);
  g_assert_no_error (error);
  g_print ("Readiness analysis benchmark: %u items × %d respondents = %u answers, 3 school years\n",
           rd_framework_get_n_items (framework), n_respondents, answers->len);

  for (int i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, targets);
      g_autoptr(GArray) priorities = rd_analysis_list_priorities (analysis, 10);
      double elapsed;

      for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
        rd_analysis_get_area_score (analysis, rd_area_get_id (rd_framework_get_area (framework, a)), NULL);
      elapsed = rd_bench_elapsed_ms (start);
      g_array_append_val (analyse_ms, elapsed);
    }

  for (int i = 0; i < rounds / 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RdResults) results = rd_results_load (store, framework, assessment_id, &error);
      double elapsed = rd_bench_elapsed_ms (start);

      g_assert_no_error (error);
      g_array_append_val (load_ms, elapsed);
    }

  rd_bench_report ("analyse one assessment (factors, areas, priorities)", analyse_ms);
  rd_bench_report ("load results from the store (3 years, trend)", load_ms);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (path);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
