/* One fixture through every output that shows a gap: a school above its
 * investment target, whose gap there is 0 everywhere (never the −40 of
 * target − readiness), and whose other gaps read the same in each output.
 *
 * Outputs: the Results page (rows and table), the PDF report, the answers
 * workbook, the school's exchange summary imported by an advisor, the
 * command line's comparison as text, CSV and JSON, the app's comparison
 * export as CSV and xlsx, and the order of the Compare window. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rd-answers-xlsx.h"
#include "rd-assessment-view-private.h"
#include "rd-compare-window-private.h"
#include "rd-heatmap-view-private.h"
#include "rd-comparison-export.h"
#include "rd-csv.h"
#include "rd-report.h"
#include "rd-test-files.h"
#include "rd-test-util.h"

#define YEAR "2026-2027"
#define EPSILON 1e-9

/* small.json: strategy = (2 a-plan + b-speed) / 3, engagement = (a-plan +
 * a-team) / 2, capacity = (a-team + 2 b-share + b-mfa) / 4, investment =
 * (b-speed + b-share) / 2; targets 70, 60, 65, 60. With a-plan 3 (50),
 * a-team 1 (0), b-speed 1000 (100), b-share 90 (100) and b-mfa no (0):
 * 66.67, 25, 50, 100; gaps 3.33, 35, 15 and 0 (100 is 40 above 60). */
static const char * const factor_ids[RD_N_FACTORS] = { "strategy", "engagement", "capacity", "investment" };
static const double gaps[RD_N_FACTORS] = { 70 - 200.0 / 3, 35, 15, 0 };
static const char * const shown[RD_N_FACTORS] = { "3", "35", "15", "0" };

typedef struct
{
  const char *item_id;
  double value;
} Answer;

/* "Atheneum Boven" above its investment target; "Basisschool Op Koers" too,
 * less far (75 against 60). Both gaps are 0, so a sort by the investment
 * gap lists them by name; by target − readiness Op Koers (−15) would come
 * before Atheneum (−40). */
static const Answer boven[] = {
  { "a-plan", 3 }, { "a-team", 1 }, { "b-speed", 1000 }, { "b-share", 90 }, { "b-mfa", 0 }, { NULL },
};
static const Answer op_koers[] = {
  { "a-plan", 3 }, { "a-team", 1 }, { "b-speed", 100 }, { "b-share", 90 }, { "b-mfa", 0 }, { NULL },
};

typedef struct
{
  RD_TEST_STORE_MEMBERS;  /* assessment_id: Atheneum Boven's */
  char *framework_path;
  const char *school_db;  /* the store's path */
} Fixture;

static gint64
add_school (Fixture      *fixture,
            const char   *name,
            const Answer *answers)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  RdResponse *response = rd_response_new (RD_GROUP_LEADER);
  gint64 school_id, assessment_id;

  school_id = rd_store_add_school (fixture->store, name, "Noord", RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  assessment_id = rd_store_add_assessment (fixture->store, school_id, YEAR, fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; answers[i].item_id != NULL; i++)
    {
      RdItem *item = rd_framework_lookup_item (fixture->framework, answers[i].item_id);

      rd_response_add_answer (response, answers[i].item_id, rd_item_get_version (item))->value = answers[i].value;
    }
  g_ptr_array_add (responses, response);
  g_assert_true (rd_store_add_responses (fixture->store, assessment_id, fixture->framework, responses, &error));
  g_assert_no_error (error);
  return assessment_id;
}

static void
fixture_set_up (Fixture *fixture)
{
  rd_test_store_create (&fixture->test_store, rd_test_load_framework ("small.json"));
  fixture->framework_path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "small.json", NULL);
  fixture->school_db = fixture->path;
  fixture->assessment_id = add_school (fixture, "Atheneum Boven", boven);
  add_school (fixture, "Basisschool Op Koers", op_koers);
}

static void
fixture_tear_down (Fixture *fixture)
{
  rd_test_store_clear (&fixture->test_store);
  g_free (fixture->framework_path);
}

/* The analysis, the source of every figure. */
static void
check_analysis (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id, &error);

  g_assert_no_error (error);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (rd_results_get_analysis (results), f, &result);
      g_assert_true (result.trusted);
      g_assert_cmpfloat_with_epsilon (result.gap, gaps[f], EPSILON);
    }
}

/* Screen: each factor's row, "… · gap 0", and the table's Gap column. */
static void
check_results_page (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = g_object_ref_sink (adw_application_window_new (NULL));
  GtkWidget *view = rd_assessment_view_new (fixture->store, fixture->framework, fixture->assessment_id, &error);
  RdResultsPage *page;
  GtkWidget *table;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (view, "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  page = rd_assessment_view_get_results_page (RD_ASSESSMENT_VIEW (view));
  table = adw_bin_get_child (ADW_BIN (rd_test_find_child (GTK_WIDGET (page), "factors_table")));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *row_id = g_strdup_printf ("%s_row", rd_factor_to_id (f));
      GtkWidget *row = rd_test_find_child (GTK_WIDGET (page), row_id);
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_autofree char *ending = g_strdup_printf (" · gap %s", shown[f]);
      GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (table), 4, (int) f + 1);

      g_test_message ("results page, %s: %s", factor_ids[f], subtitle);
      g_assert_true (g_str_has_suffix (subtitle, ending));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, shown[f]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
}

static char *
run_tool (const char * const *argv,
          int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

/* The PDF's summary table, as pdftotext reads it in its layout: each
 * factor's row ends in its level, target and gap. */
static void
check_pdf (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = rd_report_new (fixture->store, fixture->framework, fixture->assessment_id, 3, &error);
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", "3", "-l", "3", path, "-", NULL };
  g_autofree char *text = NULL;
  int status;

  g_assert_no_error (error);
  g_assert_true (rd_report_write_pdf (report, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool (argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("PDF page 3:\n%s", text);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;
      g_autoptr(RdResults) results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id,
                                                      NULL);
      g_autofree char *pattern = NULL;

      rd_analysis_get_factor (rd_results_get_analysis (results), f, &result);
      /* "Fair and impact-oriented investment   100   Leading   60   0" */
      pattern = g_strdup_printf ("\\b%s +%.0f +%s +%.0f +%s\\n", rd_factor_get_title (f), result.readiness,
                                 rd_level_get_title (rd_level_for_score (result.readiness)), result.target,
                                 shown[f]);
      if (!g_regex_match_simple (pattern, text, 0, 0))
        g_error ("The PDF's summary has no row /%s/", pattern);
    }
}

/* The answers workbook's Factors sheet: the Gap column. */
static void
check_answers_xlsx (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = rd_store_list_answers (fixture->store, fixture->assessment_id, &error);
  g_autoptr(RdAnswersXlsx) content = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "answers.xlsx", NULL);
  g_autofree char *sheet = NULL;
  double targets[RD_N_FACTORS];

  g_assert_no_error (error);
  g_assert_true (rd_store_get_targets (fixture->store, fixture->assessment_id, targets, &error));
  content = rd_answers_xlsx_new (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, targets, NULL, 0);
  g_assert_true (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_no_error (error);
  sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet3.xml");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *ref = g_strdup_printf ("E%u", f + 2);

      g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (sheet, ref), gaps[f], EPSILON);
    }
}

/* readiness-cli, in English, with a home of its own. */
static char *
run_cli (Fixture            *fixture,
         const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (fixture->dir, "xdg", NULL);
  g_autofree char *err = NULL;
  char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("READINESS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("readiness-cli %s: %s", args[0], err);
  return out;
}

#define CLI(fixture, ...) run_cli (fixture, (const char * const[]) { __VA_ARGS__, NULL })

/* The advisor's database: both schools' exchange summaries (scores, no
 * answers), exported and imported by the command line. */
static char *
make_region (Fixture *fixture)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "summaries", NULL);
  char *region_db = g_build_filename (fixture->dir, "region.db", NULL);

  g_free (CLI (fixture, "export", "--database", fixture->school_db, "--framework", fixture->framework_path,
               "--all", "--summary", "--output", folder));
  g_free (CLI (fixture, "import", "--database", region_db, "--framework", fixture->framework_path, folder));
  return region_db;
}

static void
check_cli_text (Fixture    *fixture,
                const char *region_db)
{
  g_autofree char *text = CLI (fixture, "compare", "--database", region_db, "--framework", fixture->framework_path,
                               "--year", YEAR);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *row = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Atheneum Boven"))
      row = lines[i];
  g_assert_nonnull (row);
  g_test_message ("CLI text: %s", row);
  /* Per factor: score, target, gap. */
  if (!g_regex_match_simple ("Atheneum Boven +Noord +Primary education +1 +67 +70 +3 +25 +60 +35 +50 +65 +15 +100 +60 +0 ",
                             row, 0, 0))
    g_error ("Unexpected row: %s", row);
  g_assert_nonnull (strstr (text, "gap: how far the score lies below the target"));
}

static double
csv_number (const RdCsvTable *table,
            guint             row,
            const char       *header)
{
  for (guint c = 0; c < rd_csv_table_get_n_columns (table); c++)
    if (g_str_equal (rd_csv_table_get_header (table, c), header))
      {
        const char *cell = rd_csv_table_get_cell (table, row, c);
        char *end = NULL;
        double value = g_ascii_strtod (cell, &end);

        g_assert_true (*cell != '\0' && *end == '\0');
        return value;
      }
  g_error ("No column %s", header);
  return NAN;
}

/* The factors view; CSV rounds to two decimals. */
static void
check_csv (const char *csv,
           const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCsvTable) table = rd_csv_parse (csv, strlen (csv), what, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rd_csv_table_get_cell (table, 0, 0), ==, "Atheneum Boven");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *header = g_strconcat (factor_ids[f], "-gap", NULL);

      g_assert_cmpfloat_with_epsilon (csv_number (table, 0, header), round (gaps[f] * 100) / 100, EPSILON);
    }
}

static void
check_cli_csv_and_json (Fixture    *fixture,
                        const char *region_db)
{
  g_autofree char *csv = CLI (fixture, "compare", "--database", region_db, "--framework", fixture->framework_path,
                              "--year", YEAR, "--format", "csv");
  g_autofree char *json = CLI (fixture, "compare", "--database", region_db, "--framework", fixture->framework_path,
                               "--year", YEAR, "--format", "json", "--sort", "gap-investment", "--descending");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *schools;
  JsonObject *atheneum;

  check_csv (csv, "CLI csv");

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  schools = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "schools");
  /* Both at gap 0 on investment: by name. */
  atheneum = json_array_get_object_element (schools, 0);
  g_assert_cmpstr (json_object_get_string_member (atheneum, "name"), ==, "Atheneum Boven");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schools, 1), "name"), ==,
                   "Basisschool Op Koers");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      JsonObject *factor = json_object_get_object_member (json_object_get_object_member (atheneum, "factors"),
                                                          factor_ids[f]);

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (factor, "gap"), gaps[f], EPSILON);
    }
}

static RdComparison *
load_comparison (RdStore     *store,
                 RdFramework *framework)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = rd_store_list_school_scores (store, framework, YEAR, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 2);
  return rd_comparison_new (schools, rd_framework_get_n_areas (framework));
}

/* The app's own comparison export, as the Compare window saves it. */
static void
check_comparison_export (Fixture *fixture,
                         RdStore *region)
{
  g_autoptr(RdComparison) comparison = load_comparison (region, fixture->framework);
  g_autoptr(RdComparisonExport) export = rd_comparison_export_new (comparison, fixture->framework, YEAR, NULL,
                                                                                   RD_SCHOOL_TYPE_UNSET);
  g_autoptr(GBytes) csv = rd_comparison_export_csv (export, RD_COMPARISON_EXPORT_VIEW_FACTORS);
  g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autofree char *path = g_build_filename (fixture->dir, "comparison.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;

  check_csv (csv_text, "comparison export csv");

  g_assert_true (rd_comparison_export_write_xlsx (export, path, NULL, &error));
  g_assert_no_error (error);
  sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet1.xml");
  /* Row 3 is the first school; each factor's gap is the third of its four columns. */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *ref = g_strdup_printf ("%c3", 'G' + 4 * f);

      g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (sheet, ref), gaps[f], EPSILON);
    }
}


/* Compare Schools sorted by "Largest gap: Investment": both at 0, by name. */
static void
check_compare_window (Fixture *fixture,
                      RdStore *region)
{
  GtkWidget *window = g_object_ref_sink (rd_compare_window_new (NULL, region, fixture->framework));
  RdHeatmapView *heatmap = RD_HEATMAP_VIEW (gtk_widget_get_template_child (window, RD_TYPE_COMPARE_WINDOW, "heatmap"));
  GtkDropDown *sort = GTK_DROP_DOWN (gtk_widget_get_template_child (window, RD_TYPE_COMPARE_WINDOW, "sort_dropdown"));
  RdComparisonHeatmapData *table;
  RdComparison *comparison;

  gtk_window_present (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  /* Name, the four factors, then the four gaps. */
  gtk_drop_down_set_selected (sort, 1 + RD_N_FACTORS + RD_FACTOR_INVESTMENT);
  rd_test_wait_for_idle ();
  comparison = rd_compare_window_get_comparison (RD_COMPARE_WINDOW (window));
  table = rd_heatmap_view_get_data (heatmap);
  g_assert_cmpuint (table->n_schools, ==, 2);
  g_assert_cmpstr (rd_comparison_get_school (comparison, g_array_index (table->order, guint, 0))->school_name,
                   ==, "Atheneum Boven");
  g_assert_cmpstr (rd_comparison_get_school (comparison, g_array_index (table->order, guint, 1))->school_name,
                   ==, "Basisschool Op Koers");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    g_assert_cmpfloat_with_epsilon (rd_comparison_get_value (comparison, g_array_index (table->order, guint, 0),
                                                             RD_COMPARISON_COLUMN_GAP, f), gaps[f], EPSILON);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
}

static void
test_every_output (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) region = NULL;
  g_autofree char *region_db = NULL;

  fixture_set_up (&fixture);
  check_analysis (&fixture);
  check_results_page (&fixture);
  check_pdf (&fixture);
  check_answers_xlsx (&fixture);

  region_db = make_region (&fixture);
  check_cli_text (&fixture, region_db);
  check_cli_csv_and_json (&fixture, region_db);
  region = rd_store_open (region_db, &error);
  g_assert_no_error (error);
  check_comparison_export (&fixture, region);
  check_compare_window (&fixture, region);

  g_clear_object (&region);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

  g_test_add_func ("/gap/every-output", test_every_output);

  return g_test_run ();
}
