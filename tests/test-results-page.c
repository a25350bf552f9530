#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "rd-action-dialog-private.h"
#include "rd-action-plan-page-private.h"
#include "rd-assessment-view-private.h"
#include "rd-chart-text.h"
#include "rd-chart-view.h"
#include "rd-discussion-window-private.h"
#include "rd-group-comparison.h"
#include "rd-job-private.h"
#include "rd-limits.h"
#include "rd-report.h"
#include "rd-results-page-private.h"
#include "rd-test-util.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  GtkWidget *window;
  RdAssessmentView *view;
  RdResultsPage *page;
} Fixture;

static void
answer (Fixture    *fixture,
        gint64      respondent,
        const char *item_id,
        double      value)
{
  g_autoptr(GError) error = NULL;
  RdItem *item = rd_framework_lookup_item (fixture->framework, item_id);

  if (isnan (value))
    rd_store_set_answer_not_applicable (fixture->store, respondent, item, &error);
  else
    rd_store_set_answer_value (fixture->store, respondent, item, value, &error);
  g_assert_no_error (error);
}

/* Last year's assessment and this year's, answered by a leader and a teacher. */
static void
populate_small (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 school_id, last_year, leader, teacher;

  school_id = rd_store_add_school (fixture->store, "Sint-Jozefinstituut", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  last_year = rd_store_add_assessment (fixture->store, school_id, "2025-2026", fixture->framework,
                                       RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture->store, last_year, &error);
  answer (fixture, leader, "a-plan", 2);
  answer (fixture, leader, "a-team", 2);
  answer (fixture, leader, "b-speed", 50);
  answer (fixture, leader, "b-share", 60);
  rd_store_set_assessment_status (fixture->store, last_year, RD_ASSESSMENT_STATUS_COMPLETE, &error);

  fixture->assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                                    RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  teacher = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_TEACHER, NULL, &error);
  g_assert_no_error (error);
  answer (fixture, leader, "a-plan", 4);
  answer (fixture, leader, "a-team", 5);
  answer (fixture, leader, "b-speed", 250);
  answer (fixture, leader, "b-share", 95);
  answer (fixture, leader, "b-mfa", NAN);
  answer (fixture, teacher, "a-plan", 2);
  answer (fixture, teacher, "b-share", 40);
}

static void
open_results (Fixture *fixture,
              int      width,
              int      height)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  view = rd_assessment_view_new (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_no_error (error);
  fixture->view = RD_ASSESSMENT_VIEW (view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);

  gtk_widget_activate_action (view, "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_RESULTS_PAGE_NAME);
  fixture->page = rd_assessment_view_get_results_page (fixture->view);
}

static void
set_up (Fixture     *fixture,
        RdFramework *framework)
{
  rd_test_store_create (&fixture->test_store, framework);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, rd_test_load_framework ("small.json"));
  populate_small (fixture);
  open_results (fixture, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (fixture->window);
  rd_test_store_clear (&fixture->test_store);
}

static char *
table_text (GtkWidget *table)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *cell = gtk_widget_get_first_child (table); cell; cell = gtk_widget_get_next_sibling (cell))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (cell)));
  return g_string_free (text, FALSE);
}

/* A widget of the page's template, by its id. */
static GtkWidget *
page_child (Fixture    *fixture,
            const char *id)
{
  GtkWidget *child = rd_test_find_child (GTK_WIDGET (fixture->page), id);

  g_assert_nonnull (child);
  return child;
}

/* The row of @factor ("strategy_row") or its target ("strategy_target"). */
static GtkWidget *
factor_child (Fixture    *fixture,
              RdFactor    factor,
              const char *part)
{
  g_autofree char *id = g_strdup_printf ("%s_%s", rd_factor_to_id (factor), part);

  return page_child (fixture, id);
}

static GtkWidget *
chart_table (Fixture    *fixture,
             const char *chart)
{
  g_autofree char *id = g_strconcat (chart, "_table", NULL);

  return adw_bin_get_child (ADW_BIN (page_child (fixture, id)));
}

static GPtrArray *
row_subtitles (GtkListBox *list)
{
  GPtrArray *subtitles = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (subtitles, (gpointer) adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return subtitles;
}

static guint
count_rows (GtkListBox *list)
{
  g_autoptr(GPtrArray) rows = row_subtitles (list);

  return rows->len;
}

/* Every number on the page is the analysis's, rounded for display. */
static void
test_numbers_match_analysis (Fixture       *fixture,
                             gconstpointer  data)
{
  RdAnalysis *analysis = rd_results_get_analysis (rd_results_page_get_results (fixture->page));
  g_autofree char *bars_table = table_text (chart_table (fixture, "factors"));
  g_autofree char *areas_table = table_text (chart_table (fixture, "areas"));
  const char *bars_description = rd_chart_view_get_description (RD_CHART_VIEW (page_child (fixture, "factors_view")));
  static const char * const chart_views[] = { "factors_view", "areas_view", "trend_view" };

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_child (fixture, f, "row")));

      rd_analysis_get_factor (analysis, f, &result);
      g_test_message ("%s: %s", rd_factor_to_id (f), subtitle);
      if (result.trusted)
        {
          g_autofree char *expected = g_strdup_printf ("%.0f · %s · target %.0f · gap %.0f", result.readiness,
                                                       rd_level_get_title (rd_level_for_score (result.readiness)),
                                                       result.target, result.gap);
          g_autofree char *cell = g_strdup_printf ("|%.0f|", result.readiness);

          g_assert_cmpstr (subtitle, ==, expected);
          g_assert_nonnull (strstr (bars_table, cell));
        }
      else
        g_assert_true (g_str_has_prefix (subtitle, "Not enough answers"));

      g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (factor_child (fixture, f, "target"))), ==,
                         result.target);
    }

  /* By hand: item scores a-plan (75 + 25) / 2 = 50, a-team 100, b-speed 50,
   * b-share (100 + 0) / 2 = 50; capacity = (a-team 100 ×1 + b-share 50 ×2) / 3 → 67. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_child (fixture, RD_FACTOR_CAPACITY, "row"))),
                   ==, "67 · Established · target 65 · gap 0");
  g_assert_nonnull (strstr (bars_description, "Capacity: readiness 67 (Established), target 65, gap 0."));

  /* Areas: alpha (50 + 100) / 2 = 75 now, (25 + 25) / 2 = 25 last year. */
  g_assert_nonnull (strstr (areas_table, "|Alpha|75|25|"));
  g_assert_nonnull (strstr (rd_chart_view_get_description (RD_CHART_VIEW (page_child (fixture, "areas_view"))),
                            "Alpha 75 (2025-2026: 25)."));
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (page_child (fixture, "priorities"))), ==, 3);

  /* Screen readers meet each chart as an image with a name and the numbers. */
  for (guint c = 0; c < G_N_ELEMENTS (chart_views); c++)
    {
      RdChartView *chart = RD_CHART_VIEW (page_child (fixture, chart_views[c]));

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_nonnull (rd_chart_view_get_label (chart));
      g_assert_nonnull (strstr (rd_chart_view_get_description (chart), "Strategy")
                        ? rd_chart_view_get_description (chart)
                        : strstr (rd_chart_view_get_description (chart), "Alpha"));
    }
}

static void
test_target_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSpinButton *target = GTK_SPIN_BUTTON (factor_child (fixture, RD_FACTOR_CAPACITY, "target"));
  double stored[RD_N_FACTORS];

  gtk_spin_button_set_value (target, 90);
  rd_test_wait_for_idle ();

  g_assert_true (rd_store_get_targets (fixture->store, fixture->assessment_id, stored, NULL));
  g_assert_cmpfloat (stored[RD_FACTOR_CAPACITY], ==, 90);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_child (fixture, RD_FACTOR_CAPACITY, "row"))),
                   ==, "67 · Established · target 90 · gap 23");
  g_assert_nonnull (strstr (rd_chart_view_get_description (RD_CHART_VIEW (page_child (fixture, "factors_view"))),
                            "target 90, gap 23"));
}

/* The top of @widget in @page's coordinates. */
static double
top_in (GtkWidget *widget,
        GtkWidget *page)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, page, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* Each chart has its table a click away, made from the same figures and
 * shown in the chart's place, and an export menu for its own chart in
 * both formats. */
static void
test_chart_cards (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const charts[] = { "factors", "areas", "trend" };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autofree char *card_id = g_strconcat (charts[c], "_card", NULL);
      g_autofree char *button_id = g_strconcat (charts[c], "_table_button", NULL);
      g_autofree char *view_id = g_strconcat (charts[c], "_view", NULL);
      g_autofree char *table_id = g_strconcat (charts[c], "_table", NULL);
      GtkWidget *button = page_child (fixture, button_id);
      GtkWidget *view = page_child (fixture, view_id);
      GtkWidget *table = page_child (fixture, table_id);
      GtkWidget *page = GTK_WIDGET (fixture->page);
      GtkWidget *card = page_child (fixture, card_id);
      gboolean on_screen = gtk_widget_get_mapped (card);
      GtkWidget *export = rd_test_find_widget (card, GTK_TYPE_MENU_BUTTON, NULL);
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (export));
      static const char * const formats[] = { "png", "svg" };
      double chart_top;

      g_assert_true (on_screen || c == 2);  /* the trend needs two school years */
      g_assert_true (gtk_widget_get_mapped (view) == on_screen);
      g_assert_false (gtk_widget_get_mapped (table));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show as _Table");
      chart_top = on_screen ? top_in (view, page) : 0;

      /* The table replaces the chart where it was, and the button offers the chart back. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      rd_test_wait_for_idle ();
      g_assert_true (GTK_IS_GRID (adw_bin_get_child (ADW_BIN (table))));
      g_assert_true (gtk_widget_get_mapped (table) == on_screen);
      g_assert_false (gtk_widget_get_mapped (view));
      if (on_screen)
        g_assert_cmpfloat (top_in (table, page), ==, chart_top);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show as _Chart");
      if (c == 1)
        rd_test_save_screenshot (card, "results-areas-table-light.png");
      /* …for this chart only: each keeps its own choice. */
      for (guint other = 0; other < G_N_ELEMENTS (charts); other++)
        if (other != c)
          {
            g_autofree char *other_id = g_strconcat (charts[other], "_table_button", NULL);
            g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, other_id))), ==,
                             other < c ? "Show as _Chart" : "Show as _Table");
          }

      g_assert_cmpint (g_menu_model_get_n_items (menu), ==, G_N_ELEMENTS (formats));
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *label = NULL;
          g_autofree char *expected = g_strdup_printf ("Save as _%s…", i == 0 ? "PNG" : "SVG");
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, (int) i, G_MENU_ATTRIBUTE_TARGET,
                                                                              G_VARIANT_TYPE ("(ss)"));
          const char *chart, *format;

          g_assert_true (g_menu_model_get_item_attribute (menu, (int) i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_assert_cmpstr (label, ==, expected);
          g_assert_true (g_menu_model_get_item_attribute (menu, (int) i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          g_assert_cmpstr (action, ==, "results.export");
          g_assert_nonnull (target);
          g_variant_get (target, "(&s&s)", &chart, &format);
          g_assert_cmpstr (chart, ==, charts[c]);
          g_assert_cmpstr (format, ==, formats[i]);
        }
    }

  /* The factors' table, for the eyes. */
  rd_test_save_screenshot (page_child (fixture, "factors_card"), "results-factors-table-light.png");

  /* Show as Chart brings the chart back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (fixture, "factors_table_button")), FALSE);
  rd_test_wait_for_idle ();
  g_assert_true (gtk_widget_get_mapped (page_child (fixture, "factors_view")));
  g_assert_false (gtk_widget_get_mapped (page_child (fixture, "factors_table")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "factors_table_button"))), ==,
                   "Show as _Table");
}

static void
count_emission (guint *n)
{
  (*n)++;
}

/* Showing a target stores nothing: only a change the user makes is written. */
static void
test_shown_target_not_stored (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkSpinButton *target = GTK_SPIN_BUTTON (factor_child (fixture, RD_FACTOR_CAPACITY, "target"));
  g_autoptr(GError) error = NULL;
  guint n_writes = 0;
  gulong handler = g_signal_connect_swapped (fixture->store, "answers-changed", G_CALLBACK (count_emission),
                                             &n_writes);

  g_assert_true (rd_store_set_target (fixture->store, fixture->assessment_id, RD_FACTOR_CAPACITY, 80, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_writes, ==, 1);
  g_assert_true (rd_results_page_reload (fixture->page, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, 80);
  g_assert_cmpuint (n_writes, ==, 1);

  gtk_spin_button_set_value (target, 85);
  g_assert_cmpuint (n_writes, ==, 2);
  g_signal_handler_disconnect (fixture->store, handler);
}

static void collect_text (GtkWidget *widget,
                          GString   *text);

/* populate_small: a-plan 50 is 20 below strategy's 70 with weight 2 (40);
 * b-share 50 is 15 below capacity's 65 with weight 2 (30); b-speed 50 is 20
 * below strategy with weight 1 (20). The gap of 15 stands above a gap of
 * 20, and the rows say why: the weighted gap, which the order follows. A
 * fact's score has its answers beside it. */
static void
test_priorities_and_facts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) priorities = row_subtitles (GTK_LIST_BOX (page_child (fixture, "priorities")));
  g_autoptr(GPtrArray) facts = row_subtitles (GTK_LIST_BOX (page_child (fixture, "facts")));
  static const char * const figures[] = {
    "Strategy · score 50 · target 70 · gap 20 × weight 2 = weighted gap 40",
    "Capacity · score 50 (answers differ: 40 and 95 %) · target 65 · gap 15 × weight 2 = weighted gap 30",
    "Strategy · score 50 (250 Mbit/s) · target 70 · gap 20 × weight 1 = weighted gap 20",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpuint (priorities->len, ==, G_N_ELEMENTS (figures));
  for (guint i = 0; i < priorities->len; i++)
    {
      const char *subtitle = g_ptr_array_index (priorities, i);

      g_test_message ("priority %u: %s", i + 1, subtitle);
      g_assert_true (g_str_has_suffix (subtitle, figures[i]));
    }

  /* Facts with a scored answer only: not a-review (none), not b-mfa (not applicable). */
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (facts, 0), ==, "250 Mbit/s · score 50");
  /* Two people gave the share of teachers with a device, and they disagree. */
  g_assert_cmpstr (g_ptr_array_index (facts, 1), ==, "answers differ: 40 and 95 % · score 50");

  /* The order is explained where it is shown. */
  collect_text (GTK_WIDGET (fixture->page), text);
  g_assert_nonnull (strstr (text->str, "Ranked by the weighted gap, largest first"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "factors.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "areas.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "trend.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (rd_results_page_export_chart (fixture->page, RD_RESULTS_CHART_FACTORS, RD_CHART_FORMAT_PNG,
                                               png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1000);

  g_assert_true (rd_results_page_export_chart (fixture->page, RD_RESULTS_CHART_AREAS, RD_CHART_FORMAT_SVG,
                                               svg, &error));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  /* Well-formed XML, carrying the chart's labels and numbers as text. */
  {
    static const GMarkupParser parser = { NULL };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (contents, "<title>Score per area</title>"));
  g_assert_nonnull (strstr (contents, "Alpha 75 (2025-2026: 25)."));
  g_assert_nonnull (strstr (contents, "Beta"));

  g_assert_false (rd_results_page_export_chart (fixture->page, RD_RESULTS_CHART_TREND, RD_CHART_FORMAT_PNG,
                                                missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_remove (png);
  g_remove (svg);
  g_rmdir (dir);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* A workshop: three leaders, three teachers and two learners, who are
 * fewer than the threshold. */
static void
populate_workshop (Fixture *fixture)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  static const struct { RdGroup group; double plan, share; } people[] = {
    { RD_GROUP_LEADER, 5, 90 }, { RD_GROUP_LEADER, 5, 90 }, { RD_GROUP_LEADER, 4, 90 },
    { RD_GROUP_TEACHER, 2, 50 }, { RD_GROUP_TEACHER, 3, 90 }, { RD_GROUP_TEACHER, 4, 0 },
    { RD_GROUP_LEARNER, 1, 10 }, { RD_GROUP_LEARNER, 1, 10 },
  };
  gint64 school_id;

  set_up (fixture, rd_test_load_framework ("small.json"));
  school_id = rd_store_add_school (fixture->store, "Workshop school", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  fixture->assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                                    RD_ASSESSMENT_MODE_FULL, &error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      RdResponse *response = rd_response_new (people[i].group);

      rd_response_add_answer (response, "a-plan", 1)->value = people[i].plan;
      rd_response_add_answer (response, "b-share", 1)->value = people[i].share;
      g_ptr_array_add (responses, response);
    }
  g_assert_true (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework, responses, &error));
  g_assert_no_error (error);
}

/* The two learners are never shown on their own, nor left out (the school
 * minus leaders and teachers would be them): they are shown together with
 * the teachers (who tie with the leaders and come later), and say so. */
static void
test_groups_respect_threshold (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  RdGroupComparison *comparison;

  populate_workshop (&fixture);
  open_results (&fixture, 1280, 800);
  comparison = rd_results_page_get_group_comparison (fixture.page);
  g_assert_cmpuint (rd_group_comparison_get_n_groups (comparison), ==, 2);
  g_assert_false (rd_group_comparison_is_shown (comparison, RD_GROUP_LEARNER));
  g_assert_cmpint (rd_group_comparison_get_view (comparison, RD_GROUP_LEARNER), ==, RD_GROUP_VIEW_COMBINED);

  collect_text (GTK_WIDGET (fixture.page), text);
  g_assert_nonnull (strstr (text->str, "School leader\n3\n"));
  g_assert_nonnull (strstr (text->str, "Teachers and learners (combined)\n5\n"));
  g_assert_null (strstr (text->str, "Teacher\n"));
  g_assert_null (strstr (text->str, "Learner"));
  g_assert_nonnull (strstr (text->str, "at least 3 respondents"));
  g_assert_nonnull (strstr (text->str, "Teachers and learners are shown combined"));
  /* b-share: leaders 100; teachers 50, 100, 0 with learners 0, 0. */
  g_assert_nonnull (strstr (text->str, "School leader 100 (± 0) · Teachers and learners (combined) 30 (± 40) · "
                                       "difference 70"));
  /* "±" named before it is used. */
  g_assert_nonnull (strstr (text->str, "after “±” its spread: the standard deviation of its respondents’ scores"));
  g_assert_true (strstr (text->str, "standard deviation") < strstr (text->str, "(± 0)"));

  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (fixture.page)));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    rd_test_wait_for_idle ();
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    rd_test_save_screenshot (fixture.window, "results-groups-light.png");
  }
  fixture_tear_down (&fixture, NULL);
}

static RdDiscussionWindow *
find_discussion_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RD_IS_DISCUSSION_WINDOW (window))
        return RD_DISCUSSION_WINDOW (window);
    }
  return NULL;
}

static RdChartView *
discussion_chart (RdDiscussionWindow *window)
{
  return RD_CHART_VIEW (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CHART_VIEW, NULL));
}

/* The projector view: items where views differ most first, moved through
 * with the keys, and the learners, too few, only with the teachers. */
static void
test_discussion (void)
{
  Fixture fixture = { 0 };
  GtkWidget *button;
  RdDiscussionWindow *window;
  const char *description;
  g_autoptr(GString) text = g_string_new (NULL);

  populate_workshop (&fixture);
  open_results (&fixture, 1280, 800);
  button = rd_test_find_widget (GTK_WIDGET (fixture.page), GTK_TYPE_BUTTON, "results.discuss");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  g_assert_null (find_discussion_window ());
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "results.discuss", NULL);
  window = find_discussion_window ();
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* b-share: leaders 100, teachers and learners 30; then a-plan: 91.7 against 30. */
  g_assert_cmpuint (rd_discussion_window_get_n_items (window), ==, 2);
  g_assert_cmpuint (rd_discussion_window_get_position (window), ==, 0);
  g_assert_cmpstr (rd_item_get_id (rd_discussion_window_get_item (window)), ==, "b-share");
  collect_text (GTK_WIDGET (window), text);
  g_assert_nonnull (strstr (text->str, "The groups’ average scores lie 70 points apart."));
  g_assert_nonnull (strstr (text->str, "1 of 2"));

  /* Leaders 90, 90, 90 → all in the top band; teachers 50, 90, 0 and
   * learners 10, 10 → three in band 0, one in 2 and one in 4. */
  description = rd_chart_view_get_description (discussion_chart (window));
  g_assert_nonnull (strstr (description, "School leader · 3 answers: Score 0–19 0, 20–39 0, 40–59 0, 60–79 0, 80–100 3."));
  g_assert_nonnull (strstr (description, "Teachers and learners (combined) · 5 answers: Score 0–19 3, 20–39 0, "
                                         "40–59 1, 60–79 0, 80–100 1."));
  g_assert_null (strstr (description, "Learner"));
  rd_test_save_screenshot (GTK_WIDGET (window), "discussion-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (GTK_WIDGET (window), "discussion-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Right moves on; at the end it stays; Home goes back to the start. */
  g_assert_true (rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_cmpstr (rd_item_get_id (rd_discussion_window_get_item (window)), ==, "a-plan");
  description = rd_chart_view_get_description (discussion_chart (window));
  g_assert_nonnull (strstr (description, "Teachers and learners (combined) · 5 answers: Strongly disagree 2, "
                                         "Disagree 1, Neither agree nor disagree 1, Agree 1, Strongly agree 0."));
  g_assert_null (strstr (description, "Learner"));
  rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Right, 0);
  g_assert_cmpuint (rd_discussion_window_get_position (window), ==, 1);
  g_assert_true (rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Left, 0));
  g_assert_cmpuint (rd_discussion_window_get_position (window), ==, 0);
  rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_End, 0);
  g_assert_cmpuint (rd_discussion_window_get_position (window), ==, 1);
  rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Home, 0);
  g_assert_cmpuint (rd_discussion_window_get_position (window), ==, 0);

  /* Escape closes it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  rd_test_wait_for_idle ();
  g_assert_null (window);
  g_assert_null (find_discussion_window ());

  fixture_tear_down (&fixture, NULL);
}

static void
collect_visible_text (GtkWidget *widget,
                      GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_visible_text (child, text);
}

static void
scroll_to_groups (Fixture *fixture)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (fixture->page)));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  rd_test_wait_for_idle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  rd_test_wait_for_idle ();
}

/* A new threshold in the Preferences changes the open page and the open
 * projector view at once, without leaving the page. */
static void
test_threshold_change_applies_at_once (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) text = g_string_new (NULL);
  RdDiscussionWindow *window;
  GtkWidget *button;

  g_settings_set_int (settings, "anonymity-threshold", 3);
  populate_workshop (&fixture);
  open_results (&fixture, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "results.discuss", NULL);
  window = find_discussion_window ();
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_nonnull (strstr (rd_chart_view_get_description (discussion_chart (window)),
                            "Teachers and learners (combined) · 5 answers"));

  /* 2: the two learners are a group of their own. */
  g_settings_set_int (settings, "anonymity-threshold", 2);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_group_comparison_get_threshold (rd_results_page_get_group_comparison (fixture.page)), ==, 2);
  collect_text (GTK_WIDGET (fixture.page), text);
  g_assert_nonnull (strstr (text->str, "Teacher\n3\n"));
  g_assert_nonnull (strstr (text->str, "Learner\n2\n"));
  g_assert_null (strstr (text->str, "(combined)"));
  g_assert_nonnull (strstr (text->str, "at least 2 respondents"));
  g_assert_nonnull (strstr (rd_chart_view_get_description (discussion_chart (window)), "Learner · 2 answers"));
  scroll_to_groups (&fixture);
  rd_test_save_screenshot (fixture.window, "results-groups-threshold-2.png");

  /* 4: every group is too small; together they are the whole school, so
   * there is nothing to compare and nothing to project. */
  g_settings_set_int (settings, "anonymity-threshold", 4);
  rd_test_wait_for_idle ();
  g_string_truncate (text, 0);
  collect_text (GTK_WIDGET (fixture.page), text);
  g_assert_nonnull (strstr (text->str, "at least 4 respondents"));
  g_assert_null (strstr (text->str, "Learner"));
  g_assert_cmpuint (rd_group_comparison_get_n_groups (rd_results_page_get_group_comparison (fixture.page)), ==, 1);
  g_string_truncate (text, 0);
  collect_visible_text (GTK_WIDGET (fixture.page), text);
  g_assert_null (strstr (text->str, "(combined)"));
  g_assert_null (strstr (text->str, "School leader"));
  g_assert_nonnull (strstr (text->str, "Views can be compared once at least two groups have enough respondents."));
  g_assert_null (strstr (text->str, "School leader"));
  button = rd_test_find_widget (GTK_WIDGET (fixture.page), GTK_TYPE_BUTTON, "results.discuss");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (window);
  g_assert_cmpuint (rd_discussion_window_get_n_items (window), ==, 0);
  scroll_to_groups (&fixture);
  rd_test_save_screenshot (fixture.window, "results-groups-threshold-4.png");
  rd_test_save_screenshot (GTK_WIDGET (window), "discussion-threshold-4.png");

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_null (window);
  g_settings_reset (settings, "anonymity-threshold");
  fixture_tear_down (&fixture, NULL);
}

/* One parent of three answered a-plan: on the projector that row is an
 * empty track that says so, and the leaders' (the smallest other group)
 * too, as on the page and in the report. */
static void
test_discussion_hidden_figures (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  RdDiscussionWindow *window;
  const char *description;
  gint64 school_id;
  static const struct { RdGroup group; guint n; double plan, share; } people[] = {
    { RD_GROUP_LEADER, 3, 5, 90 },
    { RD_GROUP_TEACHER, 4, 2, 40 },
    { RD_GROUP_SUPPORT_STAFF, 5, 4, 60 },
    { RD_GROUP_PARENT, 1, 1, 50 },
    { RD_GROUP_PARENT, 2, NAN, 50 },
  };

  set_up (&fixture, rd_test_load_framework ("small.json"));
  school_id = rd_store_add_school (fixture.store, "Workshop school", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  fixture.assessment_id = rd_store_add_assessment (fixture.store, school_id, "2026-2027", fixture.framework,
                                                   RD_ASSESSMENT_MODE_FULL, &error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    for (guint r = 0; r < people[i].n; r++)
      {
        RdResponse *response = rd_response_new (people[i].group);

        if (!isnan (people[i].plan))
          rd_response_add_answer (response, "a-plan", 1)->value = people[i].plan;
        rd_response_add_answer (response, "b-share", 1)->value = people[i].share;
        g_ptr_array_add (responses, response);
      }
  g_assert_true (rd_store_add_responses (fixture.store, fixture.assessment_id, fixture.framework, responses, &error));
  g_assert_no_error (error);

  open_results (&fixture, 1280, 800);
  collect_text (GTK_WIDGET (fixture.page), text);
  g_assert_nonnull (strstr (text->str, "School leader: too few answers · Teacher 25 (± 0) · Support staff 75 (± 0) · "
                                       "Parent: too few answers · difference 50"));
  g_assert_null (strstr (text->str, "Parent 0"));

  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "results.discuss", NULL);
  window = find_discussion_window ();
  g_assert_nonnull (window);
  rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_End, 0);
  g_assert_cmpstr (rd_item_get_id (rd_discussion_window_get_item (window)), ==, "a-plan");
  description = rd_chart_view_get_description (discussion_chart (window));
  g_assert_nonnull (strstr (description, "School leader · too few answers.\n"));
  g_assert_nonnull (strstr (description, "Parent · too few answers.\n"));
  g_assert_nonnull (strstr (description, "Teacher · 4 answers:"));
  rd_test_save_screenshot (GTK_WIDGET (window), "discussion-hidden-figures.png");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture, NULL);
}

/* With one person per group, nothing may be shown separately, so there is
 * nothing to put on the projector. */
static void
test_discussion_needs_groups (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *button = rd_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "results.discuss");

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "results.discuss", NULL);
  g_assert_null (find_discussion_window ());
}


static RdActionDialog *
find_action_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (RD_IS_ACTION_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static GPtrArray *
list_actions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actions = rd_store_list_actions (fixture->store, fixture->assessment_id, &error);

  g_assert_no_error (error);
  return actions;
}

/* The plan as a user makes it: one click on a priority drafts an action
 * that opens for the details; saving stores them; deleting can be undone. */
static void
test_plan_action (Fixture       *fixture,
                  gconstpointer  data)
{
  RdActionPlanPage *plan = rd_assessment_view_get_action_plan_page (fixture->view);
  GtkWidget *plan_button = rd_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON,
                                                "assessment.draft-action");
  g_autoptr(GPtrArray) actions = NULL;
  RdActionDialog *dialog;
  RdAction *action;
  GVariant *target;
  const char *item_id;
  gint64 action_id;

  g_assert_cmpuint (rd_action_plan_page_get_n_actions (plan), ==, 0);
  g_assert_nonnull (plan_button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (plan_button));
  g_variant_get (target, "(&si)", &item_id, NULL);

  g_signal_emit_by_name (plan_button, "clicked");
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_ACTION_PLAN_PAGE_NAME);
  actions = list_actions (fixture);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_ptr_array_index (actions, 0);
  action_id = rd_action_get_id (action);
  g_assert_cmpstr (rd_action_get_item_ids (action)[0], ==, item_id);
  /* Drafted from the item: its recommendation's first sentence, a criterion naming it. */
  {
    RdItem *item = rd_framework_lookup_item (fixture->framework, item_id);
    const char *recommendation = rd_text_get_localized (rd_item_get_recommendation (item));

    g_assert_cmpstr (rd_action_get_title (action), !=, "");
    g_assert_true (g_str_has_prefix (recommendation, rd_action_get_title (action)));
    g_assert_true (g_str_has_suffix (rd_action_get_title (action), "."));
    g_assert_nonnull (strstr (rd_action_get_criterion (action), rd_text_get_localized (rd_item_get_text (item))));
  }
  g_assert_cmpuint (rd_action_plan_page_get_n_actions (plan), ==, 1);

  /* The drafted action is open for its details. */
  dialog = find_action_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (rd_action_dialog_get_action_id (dialog), ==, action_id);
  gtk_editable_set_text (GTK_EDITABLE (rd_test_find_child (GTK_WIDGET (dialog), "owner_row")), "Mevrouw Peeters");
  gtk_editable_set_text (GTK_EDITABLE (rd_test_find_child (GTK_WIDGET (dialog), "due_row")), "31-02-2027");
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (dialog), "save_button"), "clicked");
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (GTK_WIDGET (dialog), "action-dialog-error.png");

  /* An impossible date keeps the dialog open and stores nothing. */
  g_assert_true (find_action_dialog () == dialog);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = list_actions (fixture);
  g_assert_null (rd_action_get_owner (g_ptr_array_index (actions, 0)));

  gtk_editable_set_text (GTK_EDITABLE (rd_test_find_child (GTK_WIDGET (dialog), "due_row")), "31-3-2027");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rd_test_find_child (GTK_WIDGET (dialog), "notes_view"))),
                            "Ask the board in June.", -1);
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (dialog), "save_button"), "clicked");
  rd_test_wait_for_idle ();
  g_assert_null (find_action_dialog ());

  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = list_actions (fixture);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (rd_action_get_owner (action), ==, "Mevrouw Peeters");
  g_assert_cmpstr (rd_action_get_due (action), ==, "2027-03-31");
  g_assert_cmpstr (rd_action_get_notes (action), ==, "Ask the board in June.");
  g_assert_cmpstr (rd_action_get_item_ids (action)[0], ==, item_id);
  rd_test_save_screenshot (fixture->window, "action-plan.png");

  /* Back on the results, the gap says it is planned and leads to its action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  plan_button = rd_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "assessment.edit-action");
  g_assert_nonnull (plan_button);
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (plan_button))),
                   ==, action_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_ACTION_PLAN_PAGE_NAME);
  rd_test_wait_for_idle ();

  /* Delete from the row, then undo from the toast. */
  gtk_widget_activate_action (GTK_WIDGET (plan), "plan.delete", "x", action_id);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_action_plan_page_get_n_actions (plan), ==, 0);
  rd_test_save_screenshot (fixture->window, "action-plan-deleted.png");
  gtk_widget_activate_action (GTK_WIDGET (plan), "plan.undo-delete", "x", action_id);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_action_plan_page_get_n_actions (plan), ==, 1);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = list_actions (fixture);
  g_assert_cmpstr (rd_action_get_owner (g_ptr_array_index (actions, 0)), ==, "Mevrouw Peeters");

  /* Deleting from the editor works the same way. */
  g_assert_nonnull (rd_action_plan_page_edit (plan, action_id));
  dialog = find_action_dialog ();
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (dialog), "delete_button"), "clicked");
  rd_test_wait_for_idle ();
  g_assert_null (find_action_dialog ());
  g_assert_cmpuint (rd_action_plan_page_get_n_actions (plan), ==, 0);
}

/* The plan is reached from the sidebar, and Ctrl+N there adds an action. */
static void
test_plan_empty_and_add (Fixture       *fixture,
                         gconstpointer  data)
{
  RdActionDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_ACTION_PLAN_PAGE_NAME);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (fixture->window, "action-plan-empty.png");

  g_assert_true (rd_test_send_binding (GTK_WIDGET (rd_assessment_view_get_action_plan_page (fixture->view)),
                                       GDK_KEY_n, GDK_CONTROL_MASK));
  rd_test_wait_for_idle ();
  dialog = find_action_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (rd_action_dialog_get_action_id (dialog), ==, 0);
  /* Without a title there is nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (rd_test_find_child (GTK_WIDGET (dialog), "save_button")));
  /* Typing stops at the store's limits. */
  {
    const struct { const char *name; guint max; } fields[] = {
      { "title_row", RD_MAX_ACTION_TITLE }, { "owner_row", RD_MAX_ACTION_OWNER },
      { "criterion_row", RD_MAX_ACTION_CRITERION },
    };
    g_autofree char *long_text = g_strnfill (RD_MAX_ACTION_NOTES + 50, 'x');
    GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rd_test_find_child (GTK_WIDGET (dialog), "notes_view")));

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        GtkEditable *entry = GTK_EDITABLE (rd_test_find_child (GTK_WIDGET (dialog), fields[i].name));

        gtk_editable_set_text (entry, long_text);
        g_assert_cmpuint (g_utf8_strlen (gtk_editable_get_text (entry), -1), ==, fields[i].max);
        gtk_editable_set_text (entry, "");
      }
    gtk_text_buffer_set_text (notes, long_text, -1);
    g_assert_cmpint (gtk_text_buffer_get_char_count (notes), ==, RD_MAX_ACTION_NOTES);
    gtk_text_buffer_set_text (notes, "", -1);
  }
  gtk_editable_set_text (GTK_EDITABLE (rd_test_find_child (GTK_WIDGET (dialog), "title_row")), "Train every teacher");
  g_assert_true (gtk_widget_get_sensitive (rd_test_find_child (GTK_WIDGET (dialog), "save_button")));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "action-dialog-new.png");
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (dialog), "save_button"), "clicked");
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_action_plan_page_get_n_actions (rd_assessment_view_get_action_plan_page (fixture->view)),
                    ==, 1);
}

/* Each action stands in the group of its status, and a group without
 * actions is hidden; a change in the store moves the row at once. */
static void
test_plan_groups_follow_status (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *plan = GTK_WIDGET (rd_assessment_view_get_action_plan_page (fixture->view));
  GtkListBox *planned = GTK_LIST_BOX (rd_test_find_child (plan, "planned_list"));
  GtkListBox *in_progress = GTK_LIST_BOX (rd_test_find_child (plan, "in_progress_list"));
  GtkStack *stack = GTK_STACK (rd_test_find_child (plan, "stack"));
  const char *item_ids[] = { "a-plan", NULL };
  RdActionInfo info = { .title = "Write the plan", .item_ids = item_ids, .status = RD_ACTION_STATUS_PLANNED };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  id = rd_store_add_action (fixture->store, fixture->assessment_id, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (count_rows (planned), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (planned, 0))),
                   ==, "Write the plan");
  g_assert_true (gtk_widget_get_visible (rd_test_find_child (plan, "planned_group")));
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (plan, "in_progress_group")));
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (plan, "done_group")));

  info.status = RD_ACTION_STATUS_IN_PROGRESS;
  g_assert_true (rd_store_update_action (fixture->store, id, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (planned), ==, 0);
  g_assert_cmpuint (count_rows (in_progress), ==, 1);
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (plan, "planned_group")));
  g_assert_true (gtk_widget_get_visible (rd_test_find_child (plan, "in_progress_group")));
}

typedef struct
{
  gboolean done;
  gboolean written;
  GError *error;
} ExportResult;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *outcome = user_data;

  /* The result comes on the main thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  outcome->written = rd_job_finish (RD_JOB (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
export_to (Fixture       *fixture,
           RdExportKind   kind,
           const char    *path,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RdJob) job = NULL;
  ExportResult outcome = { 0 };

  job = rd_report_commands_new_export_job (rd_assessment_view_get_report_commands (fixture->view), kind, file, error);
  if (job == NULL)
    return FALSE;
  rd_job_run (job, NULL, NULL, on_exported, &outcome);
  /* The file is written in a worker thread; the main loop stays free. */
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.written;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* The report and both answer exports, as the menu writes them, and print
 * through GtkPrintOperation with the same pages. */
static void
test_report_and_exports (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-exports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "answers.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "answers.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = NULL;
  GStatBuf info;

  g_assert_true (export_to (fixture, RD_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  report = rd_report_new (fixture->store, fixture->framework, fixture->assessment_id,
                          RD_ANONYMITY_THRESHOLD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, (int) rd_report_get_n_pages (report));

  g_assert_cmpint (rd_report_commands_print (rd_assessment_view_get_report_commands (fixture->view),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (printed), ==, (int) rd_report_get_n_pages (report));

  /* Answers leave the app private to the user. */
  g_assert_true (export_to (fixture, RD_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "respondent,group,a-plan,"));
  g_assert_cmpint (g_stat (csv, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_true (export_to (fixture, RD_EXPORT_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_file_get_contents (xlsx, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "PK"));

  /* A folder that is not there: the message names the file. */
  g_assert_false (export_to (fixture, RD_EXPORT_PDF, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  /* During a workshop round nothing can be reported or exported. */
  {
    gboolean groups[RD_N_GROUPS] = { [RD_GROUP_TEACHER] = TRUE };
    GActionGroup *actions = G_ACTION_GROUP (rd_assessment_view_get_report_commands (fixture->view));

    g_assert_true (g_action_group_get_action_enabled (actions, "save-pdf"));
    rd_assessment_view_start_workshop (fixture->view, groups);
    g_assert_false (g_action_group_get_action_enabled (actions, "save-pdf"));
    g_assert_false (g_action_group_get_action_enabled (actions, "export-xlsx"));
    rd_assessment_view_end_round (fixture->view);
    rd_test_wait_for_idle ();
    g_assert_true (g_action_group_get_action_enabled (actions, "print"));
  }

  g_remove (pdf);
  g_remove (printed);
  g_remove (csv);
  g_remove (xlsx);
  g_rmdir (dir);
}

/* The plan with an action in each status, light and dark, and its editor. */
static void
screenshot_action_plan (Fixture    *fixture,
                        const char *size)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  RdActionPlanPage *plan = rd_assessment_view_get_action_plan_page (fixture->view);
  g_autoptr(GArray) gaps = rd_analysis_list_priorities (rd_results_get_analysis (rd_results_page_get_results (fixture->page)), 3);
  g_autoptr(GError) error = NULL;
  guint n_with_notes = 0;
  gint64 first = 0;

  for (guint i = 0; i < gaps->len; i++)
    {
      RdItemGap *gap = &g_array_index (gaps, RdItemGap, i);
      gint64 id = rd_action_plan_page_draft_from_item (plan, gap->item, gap->factor, &error);
      g_autoptr(RdAction) action = rd_store_get_action (fixture->store, id, &error);
      RdActionInfo info;

      g_assert_no_error (error);
      /* The recommendation's first sentence is the title, the others the notes. */
      {
        const char *notes = rd_action_get_notes (action);
        g_autofree char *joined = g_strconcat (rd_action_get_title (action), notes ? " " : "", notes, NULL);

        g_assert_cmpstr (joined, ==, rd_text_get_localized (rd_item_get_recommendation (gap->item)));
        n_with_notes += notes != NULL;
      }
      rd_action_get_info (action, &info);
      info.status = i;
      info.owner = i == 1 ? "An Peeters" : NULL;
      info.due = i < 2 ? "2027-03-31" : NULL;
      rd_store_update_action (fixture->store, id, &info, &error);
      g_assert_no_error (error);
      if (first == 0)
        first = id;
    }

  /* The built-in framework's recommendations mostly have more than one sentence. */
  g_assert_cmpuint (n_with_notes, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_ACTION_PLAN_PAGE_NAME);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("action-plan-%s-%s.png", size, dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      rd_test_save_screenshot (fixture->window, name);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  {
    GtkWindow *dialog = rd_action_plan_page_edit (plan, first);
    g_autofree char *name = g_strdup_printf ("action-dialog-%s.png", size);

    g_assert_nonnull (dialog);
    rd_test_wait_for_idle ();
    rd_test_save_screenshot (GTK_WIDGET (dialog), name);
    gtk_window_destroy (dialog);
  }
}

/* A long export shows its progress window; its Cancel leaves no file. */
static void
cancel_from_progress_window (Fixture *fixture)
{
  RdReportCommands *commands = rd_assessment_view_get_report_commands (fixture->view);
  g_autofree char *dir = g_dir_make_tmp ("readiness-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RdJob) job = NULL;
  ExportResult outcome = { 0 };
  GtkWindow *progress;

  /* With no delay the window is there as the worker starts, and Cancel is
   * pressed long before it has drawn 18 pages. */
  rd_job_set_default_delay (0);
  job = rd_report_commands_new_export_job (commands, RD_EXPORT_PDF, file, NULL);
  rd_job_run (job, NULL, NULL, on_exported, &outcome);
  rd_job_set_default_delay (400);
  progress = GTK_WINDOW (rd_job_get_progress_window (job));
  g_assert_nonnull (progress);
  g_assert_true (gtk_window_get_modal (progress));
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (progress), "cancel_button"), "clicked");
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  rd_test_wait_for_idle ();
  g_assert_null (rd_job_get_progress_window (job));

  /* Nothing was left behind: not the report, not its temporary file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_screenshots (void)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "wide", 1280, 800 },
    { "narrow", 360, 720 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (7);
      gint64 school_id;

      set_up (&fixture, rd_framework_load_builtin (NULL));
      school_id = rd_store_add_school (fixture.store, "Sint-Jozefinstituut", NULL, RD_SCHOOL_TYPE_UNSET, &error);
      for (int year = 2024; year <= 2026; year++)
        {
          g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);
          gint64 id = rd_store_add_assessment (fixture.store, school_id, school_year, fixture.framework,
                                               RD_ASSESSMENT_MODE_FULL, &error);
          gint64 leader = rd_store_ensure_respondent (fixture.store, id, &error);

          for (guint i = 0; i < rd_framework_get_n_items (fixture.framework); i++)
            {
              RdItem *item = rd_framework_get_item (fixture.framework, i);
              RdItemKind kind = rd_item_get_kind (item);

              /* Later years answer a little better, and the last one is not finished. */
              if (year == 2026 && i % 4 == 3)
                continue;
              if (kind == RD_ITEM_KIND_STATEMENT)
                answer (&fixture, leader, rd_item_get_id (item),
                        CLAMP (g_rand_int_range (rand, 1, 5) + (year - 2024) / 2, 1, 5));
              else if (kind == RD_ITEM_KIND_YES_NO)
                answer (&fixture, leader, rd_item_get_id (item), g_rand_int_range (rand, 0, 2));
              else if (kind == RD_ITEM_KIND_PERCENT)
                answer (&fixture, leader, rd_item_get_id (item), g_rand_int_range (rand, 30, 95));
              else if (kind == RD_ITEM_KIND_NUMBER)
                {
                  double value = rd_item_get_min (item) + g_rand_int_range (rand, 0, 400);
                  answer (&fixture, leader, rd_item_get_id (item), MIN (value, rd_item_get_max (item)));
                }
              else
                answer (&fixture, leader, rd_item_get_id (item), NAN);
            }
          fixture.assessment_id = id;
        }
      g_assert_no_error (error);

      open_results (&fixture, sizes[s].width, sizes[s].height);
      for (int dark = 0; dark <= 1; dark++)
        {
          GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (fixture.page)));
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
          /* The whole page, a screenful at a time, to its end. */
          gtk_adjustment_set_value (adjustment, 0);
          rd_test_wait_for_idle ();
          for (guint part = 0;
               part < 10 && part * gtk_adjustment_get_page_size (adjustment) * 0.9 <
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) * 0.1;
               part++)
            {
              g_autofree char *name = g_strdup_printf ("results-%s-%s-%u.png", sizes[s].name,
                                                       dark ? "dark" : "light", part + 1);

              gtk_adjustment_set_value (adjustment, part * gtk_adjustment_get_page_size (adjustment) * 0.9);
              rd_test_save_screenshot (fixture.window, name);
            }
          gtk_adjustment_set_value (adjustment, 0);
        }
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      screenshot_action_plan (&fixture, sizes[s].name);
      if (s == 0)
        cancel_from_progress_window (&fixture);
      fixture_tear_down (&fixture, NULL);
    }
}

static void
scroll_to_child (Fixture    *fixture,
                 const char *id)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (fixture->page)));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (page_child (fixture, id), gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y);
  rd_test_wait_for_idle ();
}

/* Four teachers a year on a-plan and a-team; this year they agree more. The
 * section shows what RdChange finds (its figures are checked by hand in
 * test-change.c), largest first, with an accessible rise or fall. */
static void
test_what_moved (void)
{
  Fixture fixture = { 0 };
  RdChange *change;
  GtkListBox *moved;
  GtkWidget *row;
  g_autoptr(GPtrArray) subtitles = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  set_up (&fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&fixture.test_store, "Sint-Jozefinstituut", NULL, RD_SCHOOL_TYPE_UNSET);
  fixture.assessment_id = rd_test_add_two_years (fixture.store, fixture.framework, fixture.school_id, TRUE);

  for (guint w = 0; w < 2; w++)
    {
      g_autofree char *name = g_strdup_printf ("results-moved-%d.png", w == 0 ? 400 : 1280);

      open_results (&fixture, w == 0 ? 400 : 1280, 800);
      change = rd_results_page_get_change (fixture.page);
      g_assert_nonnull (change);
      g_assert_true (gtk_widget_get_visible (page_child (&fixture, "moved_group")));
      moved = GTK_LIST_BOX (page_child (&fixture, "moved"));
      rows = rd_change_list_moved (change);
      subtitles = row_subtitles (moved);
      g_assert_cmpuint (subtitles->len, ==, rows->len);
      g_assert_cmpuint (rows->len, ==, 5);  /* b-share, capacity, a-plan, engagement, a-team */
      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *line = rd_change_format_row (change, g_ptr_array_index (rows, i));

          g_assert_cmpstr (g_ptr_array_index (subtitles, i), ==, line);
        }
      /* In English; the same test runs in Dutch for its screenshots. */
      if (g_getenv ("READINESS_TEST_LANGUAGE") == NULL)
        {
          g_assert_cmpstr (g_ptr_array_index (subtitles, 0), ==,
                           "Up 100 points, 40 % → 90 %. A fact that improved; no test needed, it is the school’s own figure.");
          row = gtk_widget_get_first_child (GTK_WIDGET (moved));
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Share of teachers with a device");
          row = gtk_widget_get_next_sibling (row);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           "Readiness: Capacity building for leaders and staff");
        }
      g_assert_false (gtk_widget_get_visible (page_child (&fixture, "moved_untested")));
      g_assert_false (gtk_widget_get_visible (page_child (&fixture, "moved_empty")));
      scroll_to_child (&fixture, "moved_group");
      rd_test_save_screenshot (fixture.window, name);

      /* The plan closes the loop: last year's done action with the change of
       * its questions, by their text, in the words of the section above. */
      gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", RD_ACTION_PLAN_PAGE_NAME);
      rd_test_wait_for_idle ();
      {
        RdActionPlanPage *plan_page = rd_assessment_view_get_action_plan_page (fixture.view);
        GtkWidget *closed = rd_test_find_child (GTK_WIDGET (plan_page), "closed_list");
        GtkWidget *closed_row = gtk_widget_get_first_child (closed);
        g_autofree char *share = rd_change_format_action_item (change, "b-share", FALSE);
        g_autofree char *plan_line = rd_change_format_action_item (change, "a-plan", FALSE);
        g_autofree char *mfa = rd_change_format_action_item (change, "b-mfa", FALSE);
        g_autofree char *expected = g_strconcat (share, "\n", plan_line, "\n", mfa, NULL);
        g_autofree char *plan_name = g_strdup_printf ("action-plan-closed-%d.png", w == 0 ? 400 : 1280);

        g_assert_cmpuint (rd_action_plan_page_get_n_closed (plan_page), ==, 1);
        g_assert_true (gtk_widget_get_visible (rd_test_find_child (GTK_WIDGET (plan_page), "closed_group")));
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (closed_row)), ==, "Devices for all teachers");
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (closed_row)), ==, expected);
        if (g_getenv ("READINESS_TEST_LANGUAGE") == NULL)
          g_assert_cmpstr (plan_line, ==, "Up 63 points, 25 → 88. A meaningful rise (p = 0.003, Welch’s t-test) — "
                                          "We have a plan.");
        rd_test_save_screenshot (fixture.window, plan_name);
      }
      g_clear_pointer (&rows, g_ptr_array_unref);
      g_clear_pointer (&subtitles, g_ptr_array_unref);
      gtk_window_destroy (GTK_WINDOW (fixture.window));
      rd_test_wait_for_idle ();
      g_assert_finalize_object (fixture.window);
    }
  rd_test_store_clear (&fixture.test_store);
}

/* With no earlier year, no section. */
static void
test_nothing_to_compare (void)
{
  Fixture fixture = { 0 };

  set_up (&fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&fixture.test_store, "School", NULL, RD_SCHOOL_TYPE_UNSET);
  rd_test_store_add_assessment (&fixture.test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
  open_results (&fixture, 1280, 800);
  g_assert_null (rd_results_page_get_change (fixture.page));
  g_assert_false (gtk_widget_get_visible (page_child (&fixture, "moved_group")));
  fixture_tear_down (&fixture, NULL);
}

static gboolean
has_warning_mark (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_warning_mark (child))
      return TRUE;
  return FALSE;
}

/* A fact is its responsible group's answer: two support staff give the
 * bandwidth, and a leader's guess is not counted; they disagree, and the
 * page says so in words and with a mark (issue 15). audience.json:
 * bandwidth 0 → 0, 100 → 50, 1000 → 100. */
static void
test_fact_answers_differ (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  gint64 school_id, leader, first, second;
  GtkListBox *list;

  set_up (&fixture, rd_test_load_framework ("audience.json"));
  school_id = rd_store_add_school (fixture.store, "Sint-Jozefinstituut", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  fixture.assessment_id = rd_store_add_assessment (fixture.store, school_id, "2026-2027", fixture.framework,
                                                   RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture.store, fixture.assessment_id, &error);
  first = rd_store_add_respondent (fixture.store, fixture.assessment_id, RD_GROUP_SUPPORT_STAFF, NULL, &error);
  second = rd_store_add_respondent (fixture.store, fixture.assessment_id, RD_GROUP_SUPPORT_STAFF, NULL, &error);
  g_assert_no_error (error);
  answer (&fixture, leader, "b-speed", 300);
  answer (&fixture, first, "b-speed", 100);
  answer (&fixture, second, "b-speed", 1000);
  answer (&fixture, leader, "b-mfa", 1);
  answer (&fixture, first, "b-mfa", 1);
  open_results (&fixture, 1280, 800);

  list = GTK_LIST_BOX (page_child (&fixture, "facts"));
  facts = row_subtitles (list);
  g_assert_cmpuint (facts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (facts, 0), ==, "answers differ: 100 and 1000 Mbit/s · score 75");
  g_assert_cmpstr (g_ptr_array_index (facts, 1), ==, "Yes · score 100");
  /* The mark stands beside the first only. */
  g_assert_true (has_warning_mark (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  g_assert_false (has_warning_mark (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
  rd_test_save_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP),
                           "results-facts-differ-light.png");
  fixture_tear_down (&fixture, NULL);
}

/* At 1280 × 800 every number and name of the charts is at least the
 * caption size (issue 18: the numbers were about 7 pixels tall): each
 * chart drawn at the size the page gives it, its texts recorded. */
static void
test_chart_text_size (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const views[] = { "factors_view", "areas_view", "trend_view" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      RdChartView *view = RD_CHART_VIEW (rd_test_find_child (GTK_WIDGET (fixture->page), views[v]));
      int width = gtk_widget_get_width (GTK_WIDGET (view)), height = gtk_widget_get_height (GTK_WIDGET (view));
      g_autoptr(GPtrArray) records = g_ptr_array_new ();
      cairo_surface_t *surface;
      RdChartPalette palette;
      cairo_t *cr;
      double smallest = G_MAXDOUBLE;

      g_assert_cmpint (width, >, 0);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
      rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
      rd_chart_text_record (records);
      rd_chart_view_get_draw_func (view) (cr, width, height, rd_chart_view_get_data (view), &palette);
      rd_chart_text_record (NULL);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      g_assert_cmpuint (records->len, >, 0);
      for (guint i = 0; i < records->len; i++)
        {
          const RdChartTextRecord *r = g_ptr_array_index (records, i);

          smallest = MIN (smallest, r->font_size);
          if (r->font_size < RD_CHART_MIN_FONT_SIZE - 0.01)
            g_error ("%s at %d × %d: “%s” is %.1f px", views[v], width, height, r->text, r->font_size);
        }
      g_test_message ("%s at %d × %d: smallest text %.1f px", views[v], width, height, smallest);
    }
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

  g_test_add_func ("/results-page/what-moved", test_what_moved);
  g_test_add_func ("/results-page/what-moved/nothing-to-compare", test_nothing_to_compare);
  g_test_add ("/results-page/numbers-match-analysis", Fixture, NULL, fixture_set_up,
              test_numbers_match_analysis, fixture_tear_down);
  g_test_add ("/results-page/target-follows", Fixture, NULL, fixture_set_up, test_target_follows, fixture_tear_down);
  g_test_add ("/results-page/shown-target-not-stored", Fixture, NULL, fixture_set_up, test_shown_target_not_stored,
              fixture_tear_down);
  g_test_add ("/results-page/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/results-page/chart-cards", Fixture, NULL, fixture_set_up, test_chart_cards, fixture_tear_down);
  g_test_add ("/results-page/chart-text-size", Fixture, NULL, fixture_set_up, test_chart_text_size, fixture_tear_down);
  g_test_add ("/results-page/priorities-and-facts", Fixture, NULL, fixture_set_up, test_priorities_and_facts,
              fixture_tear_down);
  g_test_add_func ("/results-page/groups-respect-threshold", test_groups_respect_threshold);
  g_test_add_func ("/results-page/discussion", test_discussion);
  g_test_add_func ("/results-page/threshold-change-applies-at-once", test_threshold_change_applies_at_once);
  g_test_add_func ("/results-page/discussion-hidden-figures", test_discussion_hidden_figures);
  g_test_add ("/results-page/discussion-needs-groups", Fixture, NULL, fixture_set_up, test_discussion_needs_groups,
              fixture_tear_down);
  g_test_add ("/results-page/plan-action", Fixture, NULL, fixture_set_up, test_plan_action, fixture_tear_down);
  g_test_add ("/results-page/plan-empty-and-add", Fixture, NULL, fixture_set_up, test_plan_empty_and_add,
              fixture_tear_down);
  g_test_add ("/results-page/plan-groups-follow-status", Fixture, NULL, fixture_set_up, test_plan_groups_follow_status,
              fixture_tear_down);
  g_test_add ("/results-page/report-and-exports", Fixture, NULL, fixture_set_up, test_report_and_exports,
              fixture_tear_down);
  g_test_add_func ("/results-page/screenshots", test_screenshots);
  g_test_add_func ("/results-page/fact-answers-differ", test_fact_answers_differ);

  return g_test_run ();
}
