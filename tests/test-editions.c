#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rd-area-page.h"
#include "rd-assessment-view-private.h"
#include "rd-report.h"
#include "rd-results-page.h"
#include "rd-test-util.h"

/* A school that assessed two years with Readiness 1.0.0 (framework 1.0)
 * and a third with the next edition, shown in the real assessment view. */
typedef struct
{
  RD_TEST_STORE_MEMBERS;
  gint64 new_year;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 leader;

  rd_test_store_create_from_dump (&fixture->test_store, "release-1.0.0-two-years.sql", rd_test_load_next_edition ());
  fixture->new_year = rd_store_add_assessment (fixture->store, 1, "2026-2027", fixture->framework,
                                               RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture->store, fixture->new_year, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rd_framework_get_n_items (fixture->framework); i++)
    {
      RdItem *item = rd_framework_get_item (fixture->framework, i);

      if (rd_item_get_kind (item) == RD_ITEM_KIND_STATEMENT)
        rd_store_set_answer_value (fixture->store, leader, item, 1 + (i * 3) % 5, &error);
      g_assert_no_error (error);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  rd_test_wait_for_idle ();
  rd_test_store_clear (&fixture->test_store);
}

static RdAssessmentView *
open_view (Fixture *fixture,
           gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = rd_assessment_view_new (fixture->store, fixture->framework, assessment_id, &error);

  g_assert_no_error (error);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), view);
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_test_wait_for_idle ();
  return RD_ASSESSMENT_VIEW (view);
}

static gboolean
banner_shown (RdAssessmentView *view)
{
  GtkWidget *banner = rd_test_find_child (GTK_WIDGET (view), "edition_banner");

  g_assert_nonnull (banner);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

static gboolean
asks_item (RdAssessmentView *view,
           const char       *area_id,
           const char       *item_id)
{
  RdAreaPage *page = rd_assessment_view_get_area_page (view, area_id);

  g_assert_nonnull (page);
  return rd_area_page_lookup_row (page, item_id) != NULL;
}

/* A year answered with 1.0 opens with 1.0's questions, and says so. */
static void
test_earlier_edition_banner (Fixture       *fixture,
                             gconstpointer  data)
{
  RdAssessmentView *view = open_view (fixture, 2);
  const char *text;

  g_assert_true (banner_shown (view));
  text = gtk_label_get_label (GTK_LABEL (rd_test_find_child (GTK_WIDGET (view), "edition_label")));
  g_assert_nonnull (strstr (text, "1.0"));
  g_assert_nonnull (strstr (text, "2.0"));
  /* eng-joint-procurement is asked in 1.0 only. */
  g_assert_true (asks_item (view, "engagement", "eng-joint-procurement"));
  rd_test_save_screenshot (fixture->window, "editions-banner.png");

  view = open_view (fixture, fixture->new_year);
  g_assert_false (banner_shown (view));
  g_assert_false (asks_item (view, "engagement", "eng-joint-procurement"));
}

static GtkWidget *
shown_note (GtkWidget  *page,
            const char *id)
{
  GtkWidget *note = rd_test_find_child (page, id);

  g_assert_nonnull (note);
  return gtk_widget_get_visible (note) ? note : NULL;
}

/* The results of the new year: its trend spans two editions and counts
 * what they share; the earlier year beside it counts only the same
 * questions; both notes say so. */
static void
test_results_notes (Fixture       *fixture,
                    gconstpointer  data)
{
  RdAssessmentView *view = open_view (fixture, fixture->new_year);
  GtkWidget *page, *trend_note, *areas_note;
  g_autofree char *count = NULL;

  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  page = GTK_WIDGET (rd_assessment_view_get_results_page (view));
  trend_note = shown_note (page, "trend_note");
  areas_note = shown_note (page, "areas_note");
  g_assert_nonnull (trend_note);
  g_assert_nonnull (areas_note);
  /* 57 questions, con-bandwidth changed: 56 are the same in both. */
  count = g_strdup_printf (" %u ", 56u);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (trend_note)), count));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (trend_note)), "1.0"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (areas_note)), "2025-2026"));
  g_assert_null (shown_note (page, "factors_note"));
  rd_test_save_screenshot (gtk_widget_get_parent (trend_note), "editions-trend.png");
  rd_test_save_screenshot (gtk_widget_get_parent (areas_note), "editions-areas.png");

  /* A year whose trend stays within 1.0 needs no note. */
  view = open_view (fixture, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  page = GTK_WIDGET (rd_assessment_view_get_results_page (view));
  g_assert_null (shown_note (page, "areas_note"));
}

/* The PDF report of the new year says the same as its results page; the
 * report of a year answered with 1.0 is written with 1.0's questions. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "readiness-editions-report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = rd_report_new (fixture->store, fixture->framework, fixture->new_year, 3, &error);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int status;

  g_assert_no_error (error);
  g_assert_true (rd_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
  g_assert_nonnull (strstr (flat, "the trend counts only the 56 questions that are the same in all of them"));
  g_assert_nonnull (strstr (flat, "2025-2026 was answered with version 1.0 of the framework"));
  g_remove (pdf);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

  g_test_add ("/editions/earlier-edition-banner", Fixture, NULL, fixture_set_up, test_earlier_edition_banner,
              fixture_tear_down);
  g_test_add ("/editions/results-notes", Fixture, NULL, fixture_set_up, test_results_notes, fixture_tear_down);
  g_test_add ("/editions/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);

  return g_test_run ();
}
