/* Times the PDF school report of one full assessment with the built-in
 * framework: 30 respondents, three earlier school years and ten actions.
 * Gathering and laying it out (rd_report_new) and writing the PDF
 * (rd_report_write_pdf) are timed apart.
 *   build/bench/bench-report [--respondents N] [--rounds N] */
#include "config.h"

#include "rd-bench.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "rd-group-comparison.h"
#include "rd-report.h"
#include "rd-test-fixtures.h"

static void
check (GError *error)
{
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
  g_autoptr(GArray) new_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2023);
  g_autofree char *dir = g_dir_make_tmp ("readiness-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  int n_respondents = 30, rounds = 15;
  GOptionEntry entries[] = {
    { "respondents", 'r', 0, G_OPTION_ARG_INT, &n_respondents, "Respondents per year (default 30)", "N" },
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds (default 15)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the PDF report of one assessment");
  static const RdGroup groups[] = { RD_GROUP_TEACHER, RD_GROUP_LEARNER, RD_GROUP_SUPPORT_STAFF };
  gint64 school_id, assessment_id = 0;
  guint n_pages = 0;
  GStatBuf file_info;

  setlocale (LC_ALL, "");
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

  school_id = rd_store_add_school (store, "Benchmark school", "Region", RD_SCHOOL_TYPE_SECONDARY, &error);
  check (error);
  /* Three earlier years and this one; ten actions in all, six of them
   * carried over from last year's plan. */
  for (int year = 2023; year <= 2026; year++)
    {
      g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);
      g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);

      assessment_id = rd_store_add_assessment (store, school_id, school_year, framework,
                                               RD_ASSESSMENT_MODE_FULL, &error);
      check (error);
      for (int r = 0; r < n_respondents; r++)
        g_ptr_array_add (responses, rd_test_random_response (framework, RD_ASSESSMENT_MODE_FULL, groups[r % G_N_ELEMENTS (groups)], rand,
                                                   0.1 * (year - 2023)));
      rd_store_add_responses (store, assessment_id, framework, responses, &error);
      check (error);

      for (int a = 0; a < (year == 2025 ? 6 : year == 2026 ? 4 : 0); a++)
        {
          g_autofree char *title = g_strdup_printf ("Action %d of %s", a + 1, school_year);
          g_autofree char *notes = g_strnfill (200 + 150 * a, 'x');
          const char * const items[] = { rd_item_get_id (rd_framework_get_item (framework, (guint) a)), NULL };
          RdActionInfo info = {
            .title = title,
            .factor = (RdFactor) (a % RD_N_FACTORS),
            .item_ids = items,
            .owner = "ICT coordinator",
            .due = "2027-06-30",
            .status = RD_ACTION_STATUS_IN_PROGRESS,
            .criterion = "Every teacher uses it in a lesson each week.",
            .notes = notes,
          };

          /* Words, not one endless one. */
          for (char *c = notes + 7; *c != '\0'; c += 8)
            *c = ' ';
          rd_store_add_action (store, assessment_id, &info, &error);
          check (error);
        }
      if (year < 2026)
        rd_store_set_assessment_status (store, assessment_id, RD_ASSESSMENT_STATUS_COMPLETE, &error);
      check (error);
    }

  for (int i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RdReport) report = rd_report_new (store, framework, assessment_id, RD_ANONYMITY_THRESHOLD_DEFAULT,
                                                  &error);
      double made, written, total;

      check (error);
      made = rd_bench_elapsed_ms (start);
      start = g_get_monotonic_time ();
      rd_report_write_pdf (report, pdf, NULL, NULL, NULL, &error);
      check (error);
      written = rd_bench_elapsed_ms (start);
      total = made + written;

      n_pages = rd_report_get_n_pages (report);
      g_array_append_val (new_ms, made);
      g_array_append_val (write_ms, written);
      g_array_append_val (total_ms, total);
    }

  g_stat (pdf, &file_info);
  g_print ("Readiness report benchmark: %u items × %d respondents, 4 school years, 10 actions: "
           "%u pages, %.0f kB\n",
           rd_framework_get_n_items (framework), n_respondents, n_pages, file_info.st_size / 1024.0);
  rd_bench_report ("rd_report_new (gather and lay out)", new_ms);
  rd_bench_report ("rd_report_write_pdf (draw and write)", write_ms);
  rd_bench_report ("both", total_ms);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_remove (pdf);
  }
  g_rmdir (dir);
  return 0;
}
