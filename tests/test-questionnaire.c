#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rd-assessment-view-private.h"
#include "rd-errors.h"
#include "rd-evidence-dialog.h"
#include "rd-import-dialog-private.h"
#include "rd-item-row-private.h"
#include "rd-limits.h"
#include "rd-job-private.h"
#include "rd-results-page-private.h"
#include "rd-review-page-private.h"
#include "rd-test-util.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  GtkWidget *window;
  RdAssessmentView *view;
} Fixture;

static void
open_view (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = rd_assessment_view_new (fixture->store, fixture->framework, fixture->assessment_id, &error);

  g_assert_no_error (error);
  fixture->view = RD_ASSESSMENT_VIEW (view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), view);
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_test_wait_for_idle ();
}

static void
close_view (Fixture *fixture)
{
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), NULL);
  fixture->view = NULL;
  rd_test_wait_for_idle ();
}

static void
set_up (Fixture          *fixture,
        RdFramework      *framework,
        RdAssessmentMode  mode,
        int               width,
        int               height)
{
  rd_test_store_create (&fixture->test_store, framework);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", mode);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  open_view (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, rd_test_load_framework ("small.json"), GPOINTER_TO_INT (data), 1280, 800);
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

static RdItemRow *
row_for (Fixture    *fixture,
         const char *area_id,
         const char *item_id)
{
  RdAreaPage *page = rd_assessment_view_get_area_page (fixture->view, area_id);

  g_assert_nonnull (page);
  return rd_area_page_lookup_row (page, item_id);
}

/* The message under @row's input as shown (its template child
 * "error_label"), or NULL while none is. */
static const char *
row_error (RdItemRow *row)
{
  GtkWidget *label = rd_test_find_child (GTK_WIDGET (row), "error_label");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static RdAnswer *
stored (Fixture    *fixture,
        const char *item_id)
{
  g_autoptr(GError) error = NULL;
  RdAnswer *answer = rd_store_get_answer (fixture->store, rd_assessment_view_get_respondent_id (fixture->view),
                                          item_id, &error);

  g_assert_no_error (error);
  return answer;
}

static void
assert_stored_value (Fixture    *fixture,
                     const char *item_id,
                     double      value)
{
  g_autoptr(RdAnswer) answer = stored (fixture, item_id);

  g_assert_nonnull (answer);
  g_assert_false (answer->not_applicable);
  g_assert_cmpfloat (answer->value, ==, value);
}

static const char *
focused_item (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = RD_IS_ITEM_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, RD_TYPE_ITEM_ROW);

  g_assert_nonnull (row);
  return rd_item_get_id (rd_item_row_get_item (RD_ITEM_ROW (row)));
}

static const char *
progress_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (rd_test_find_child (GTK_WIDGET (fixture->view), "progress_label")));
}

static void
test_walk_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = fixture->window;
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(RdAnswer) date_answer = NULL;
  GDate date;

  /* A new assessment opens on the first item of the first area. */
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "alpha");
  g_assert_cmpstr (focused_item (fixture), ==, "a-plan");
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 0 of 6 items");

  g_assert_true (rd_test_send_key (window, GDK_KEY_4, 0));
  assert_stored_value (fixture, "a-plan", 4);
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 1 of 6 items");

  /* Down moves on; the keypad digits work as well. */
  g_assert_true (rd_test_send_key (window, GDK_KEY_Down, 0));
  g_assert_cmpstr (focused_item (fixture), ==, "a-team");
  g_assert_true (rd_test_send_key (window, GDK_KEY_KP_5, 0));
  assert_stored_value (fixture, "a-team", 5);
  {
    g_autoptr(RdAnswer) team = stored (fixture, "a-team");
    g_assert_cmpuint (team->item_version, ==, 2);
  }

  /* A statement has no sixth choice; the key is left alone. */
  g_assert_false (rd_test_send_key (window, GDK_KEY_6, 0));

  g_assert_true (rd_test_send_key (window, GDK_KEY_Down, 0));
  g_assert_cmpstr (focused_item (fixture), ==, "a-review");
  g_assert_true (rd_item_row_enter_text (row_for (fixture, "alpha", "a-review"), "15-03-2024"));
  date_answer = stored (fixture, "a-review");
  rd_answer_get_date (date_answer, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 15);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);

  /* Down at the last item stays there; Up goes back. */
  g_assert_false (rd_test_send_key (window, GDK_KEY_Down, 0));
  g_assert_true (rd_test_send_key (window, GDK_KEY_Up, 0));
  g_assert_cmpstr (focused_item (fixture), ==, "a-team");

  /* Ctrl+Page Down: the next area, focused on its first item. */
  gtk_widget_activate_action (view, "assessment.next-area", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "beta");
  g_assert_cmpstr (focused_item (fixture), ==, "b-speed");

  /* English grouping: 1,000 is a thousand. */
  g_assert_true (rd_item_row_enter_text (row_for (fixture, "beta", "b-speed"), "1,000"));
  assert_stored_value (fixture, "b-speed", 1000);
  g_assert_true (rd_item_row_enter_text (row_for (fixture, "beta", "b-share"), "85"));
  assert_stored_value (fixture, "b-share", 85);

  g_assert_true (rd_test_send_key (window, GDK_KEY_Down, 0));
  g_assert_true (rd_test_send_key (window, GDK_KEY_Down, 0));
  g_assert_cmpstr (focused_item (fixture), ==, "b-mfa");
  g_assert_true (rd_test_send_key (window, GDK_KEY_y, 0));
  assert_stored_value (fixture, "b-mfa", 1);
  g_assert_true (rd_test_send_key (window, GDK_KEY_0, 0));
  {
    g_autoptr(RdAnswer) mfa = stored (fixture, "b-mfa");
    g_assert_true (mfa->not_applicable);
  }

  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 6 of 6 items");

  gtk_widget_activate_action (view, "assessment.previous-area", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "alpha");
  gtk_widget_activate_action (view, "assessment.next-area", NULL);
  gtk_widget_activate_action (view, "assessment.next-area", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_REVIEW_PAGE_NAME);
  g_assert_cmpuint (rd_review_page_get_n_unanswered (rd_assessment_view_get_review_page (fixture->view)), ==, 0);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  RdItemRow *plan = row_for (fixture, "alpha", "a-plan");
  RdItemRow *share = row_for (fixture, "beta", "b-share");

  g_assert_true (rd_item_row_choose (plan, 2));
  g_assert_true (rd_item_row_choose (plan, 5));
  g_assert_true (rd_item_row_enter_text (share, "40"));
  assert_stored_value (fixture, "b-share", 40);

  /* Ctrl+Z takes back the last change and shows where it was. */
  gtk_widget_activate_action (view, "assessment.undo", NULL);
  g_assert_null (stored (fixture, "b-share"));
  g_assert_false (rd_item_row_is_answered (share));
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "beta");

  gtk_widget_activate_action (view, "assessment.undo", NULL);
  assert_stored_value (fixture, "a-plan", 2);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "alpha");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (plan, 2))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (plan, 5))));

  gtk_widget_activate_action (view, "assessment.undo", NULL);
  g_assert_null (stored (fixture, "a-plan"));
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 0 of 6 items");
}

static void
test_invalid_input_not_stored (Fixture       *fixture,
                               gconstpointer  data)
{
  RdItemRow *share = row_for (fixture, "beta", "b-share");
  RdItemRow *speed = row_for (fixture, "beta", "b-speed");
  RdItemRow *review = row_for (fixture, "alpha", "a-review");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *future = g_date_time_format (next_year, "%d-%m-%Y");

  g_assert_false (rd_item_row_enter_text (share, "150"));
  g_assert_cmpstr (row_error (share), ==, "Enter a percentage from 0 to 100");
  g_assert_false (rd_item_row_enter_text (share, "lots"));
  g_assert_nonnull (strstr (row_error (share), "is not a number"));
  /* A decimal comma is not English: refused, not misread as 25. */
  g_assert_false (rd_item_row_enter_text (speed, "2,5"));
  g_assert_false (rd_item_row_enter_text (speed, "20000"));
  g_assert_cmpstr (row_error (speed), ==, "Enter a number from 0 to 10000");
  g_assert_false (rd_item_row_enter_text (review, "31-02-2024"));
  g_assert_false (rd_item_row_enter_text (review, future));
  g_assert_cmpstr (row_error (review), ==, "The date cannot be in the future");

  g_assert_null (stored (fixture, "b-share"));
  g_assert_null (stored (fixture, "b-speed"));
  g_assert_null (stored (fixture, "a-review"));

  /* A valid value clears the message and is stored. */
  g_assert_true (rd_item_row_enter_text (share, "50.5"));
  g_assert_null (row_error (share));
  assert_stored_value (fixture, "b-share", 50.5);
}

static void
test_resume_position (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (rd_item_row_choose (row_for (fixture, "alpha", "a-plan"), 3));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-item", "s", "b-share");
  g_assert_cmpstr (focused_item (fixture), ==, "b-share");
  g_assert_true (rd_test_send_key (fixture->window, GDK_KEY_Down, 0));

  close_view (fixture);
  open_view (fixture);

  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "beta");
  g_assert_cmpstr (focused_item (fixture), ==, "b-mfa");
  /* Answers given before are shown again. */
  g_assert_true (rd_item_row_is_answered (row_for (fixture, "alpha", "a-plan")));
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 1 of 6 items");
}

/* Buttons under @widget that are on screen (mapped) and run @action_name. */
static guint
count_mapped_buttons (GtkWidget  *widget,
                      const char *action_name)
{
  guint n = GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mapped_buttons (child, action_name);
  return n;
}

static void
test_read_only_after_completion (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  RdItemRow *plan = row_for (fixture, "alpha", "a-plan");
  GtkRevealer *banner = GTK_REVEALER (rd_test_find_child (GTK_WIDGET (fixture->view), "complete_banner"));
  g_autoptr(RdAssessment) assessment = NULL;
  GtkWidget *review;
  GtkWindow *dialog;

  g_assert_true (rd_item_row_choose (plan, 4));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* Five items are unanswered: completing asks first. */
  gtk_widget_activate_action (view, "assessment.mark-complete", NULL);
  dialog = rd_assessment_view_get_dialog (fixture->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "5 items"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "complete");
  rd_test_wait_for_idle ();

  assessment = rd_store_get_assessment (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpint (rd_assessment_get_status (assessment), ==, RD_ASSESSMENT_STATUS_COMPLETE);
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* Nothing changes now, by click, key or undo. */
  g_assert_false (rd_item_row_choose (plan, 1));
  gtk_widget_activate_action (view, "assessment.show-item", "s", "a-plan");
  g_assert_false (rd_test_send_key (fixture->window, GDK_KEY_2, 0));
  gtk_widget_activate_action (view, "assessment.undo", NULL);
  assert_stored_value (fixture, "a-plan", 4);

  /* It opens read-only next time too. */
  close_view (fixture);
  open_view (fixture);
  plan = row_for (fixture, "alpha", "a-plan");
  g_assert_false (rd_item_row_choose (plan, 1));

  /* The review offers to reopen it, not to complete it. */
  review = GTK_WIDGET (rd_assessment_view_get_review_page (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  g_assert_true (gtk_widget_is_visible (rd_test_find_child (review, "reopen_button")));
  g_assert_false (gtk_widget_is_visible (rd_test_find_child (review, "complete_button")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (rd_test_find_child (review, "summary_label"))),
                                   "This assessment is complete."));
  rd_test_save_screenshot (fixture->window, "questionnaire-review-complete-light.png");
  /* One Reopen for Editing on screen: the review's, not the banner's too. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (rd_test_find_child (GTK_WIDGET (fixture->view), "complete_banner"))));
  g_assert_cmpuint (count_mapped_buttons (GTK_WIDGET (fixture->window), "assessment.reopen"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "alpha");
  rd_test_wait_for_idle ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (rd_test_find_child (GTK_WIDGET (fixture->view), "complete_banner"))));
  g_assert_cmpuint (count_mapped_buttons (GTK_WIDGET (fixture->window), "assessment.reopen"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.reopen", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  g_assert_true (gtk_widget_is_visible (rd_test_find_child (review, "complete_button")));
  g_assert_false (gtk_widget_is_visible (rd_test_find_child (review, "reopen_button")));
  g_assert_true (rd_item_row_choose (plan, 1));
  assert_stored_value (fixture, "a-plan", 1);
}

static void
test_pulse_shows_pulse_items (Fixture       *fixture,
                              gconstpointer  data)
{
  RdAreaPage *alpha = rd_assessment_view_get_area_page (fixture->view, "alpha");
  RdAreaPage *beta = rd_assessment_view_get_area_page (fixture->view, "beta");

  g_assert_cmpuint (rd_area_page_get_n_rows (alpha), ==, 1);
  g_assert_cmpstr (rd_item_get_id (rd_item_row_get_item (rd_area_page_get_row (alpha, 0))), ==, "a-plan");
  g_assert_cmpuint (rd_area_page_get_n_rows (beta), ==, 1);
  g_assert_cmpstr (rd_item_get_id (rd_item_row_get_item (rd_area_page_get_row (beta, 0))), ==, "b-speed");
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 0 of 2 items");
}

static void
test_respondent_group (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkDropDown *groups = GTK_DROP_DOWN (rd_test_find_child (GTK_WIDGET (fixture->view), "group_dropdown"));
  g_autoptr(GPtrArray) respondents = NULL;

  g_assert_cmpuint (gtk_drop_down_get_selected (groups), ==, RD_GROUP_LEADER);
  gtk_drop_down_set_selected (groups, RD_GROUP_SUPPORT_STAFF);

  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (respondents->len, ==, 1);
  g_assert_cmpint (((RdRespondent *) g_ptr_array_index (respondents, 0))->group, ==, RD_GROUP_SUPPORT_STAFF);
}

static void
test_review_links (Fixture       *fixture,
                   gconstpointer  data)
{
  RdReviewPage *review = rd_assessment_view_get_review_page (fixture->view);

  g_assert_true (rd_item_row_choose (row_for (fixture, "alpha", "a-plan"), 4));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_REVIEW_PAGE_NAME);
  g_assert_cmpuint (rd_review_page_get_n_unanswered (review), ==, 5);

  /* Answering while the review shows keeps it current. */
  g_assert_true (rd_item_row_choose (row_for (fixture, "beta", "b-mfa"), RD_CHOICE_NO));
  g_assert_cmpuint (rd_review_page_get_n_unanswered (review), ==, 4);

  /* Each unanswered item links to itself. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-item", "s", "b-share");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "beta");
  g_assert_cmpstr (focused_item (fixture), ==, "b-share");
}

/* The review lists every item with no evidence, whoever answers it, and
 * each links to its item. */
static void
test_review_evidence (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdReviewPage *review = rd_assessment_view_get_review_page (fixture->view);
  GtkWidget *group = rd_test_find_child (GTK_WIDGET (review), "evidence_group");
  RdEvidenceInfo info = { .assessment_id = fixture->assessment_id, .item_id = "a-plan", .title = "ICT policy" };
  GtkWidget *link;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpuint (rd_review_page_get_n_without_evidence (review), ==, 6);

  g_assert_cmpint (rd_store_add_evidence (fixture->store, &info, &error), >, 0);
  g_assert_cmpuint (rd_review_page_get_n_without_evidence (review), ==, 5);
  /* A commentary is no evidence. */
  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-team", "Why", &error));
  g_assert_cmpuint (rd_review_page_get_n_without_evidence (review), ==, 5);
  rd_test_save_screenshot (fixture->window, "review-evidence-light.png");

  link = rd_test_find_widget (group, ADW_TYPE_ACTION_ROW, "assessment.show-item");
  g_assert_nonnull (link);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link)), NULL),
                   ==, "a-team");
  g_signal_emit_by_name (link, "activate");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "alpha");
  g_assert_cmpstr (focused_item (fixture), ==, "a-team");
}

static void
type_into (GtkWidget  *dialog,
           const char *id,
           const char *text)
{
  GtkWidget *row = rd_test_find_child (dialog, id);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The button labelled @label at or below @widget (a toast's Undo). */
static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
evidence_row_button (GtkWidget  *dialog,
                     int         index,
                     const char *which)
{
  GtkListBox *list = GTK_LIST_BOX (rd_test_find_child (dialog, "evidence_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), which);
}

/* The line under an item opens its commentary and evidence; what the
 * dialog adds, removes (with undo) and writes reaches the store, and the
 * line says what there is. */
static void
test_evidence_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autofree char *commentary = NULL;
  RdItemRow *row = row_for (fixture, "alpha", "a-plan");
  GtkWidget *button = rd_item_row_get_evidence_button (row);
  GtkLabel *line = GTK_LABEL (rd_test_find_child (GTK_WIDGET (row), "evidence_label"));
  GtkWidget *dialog;
  GtkListBox *list;
  RdEvidence *first;

  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_label_get_text (line), ==, "Add commentary or evidence");
  g_signal_emit_by_name (button, "clicked");
  rd_test_wait_for_idle ();
  dialog = GTK_WIDGET (rd_assessment_view_get_dialog (fixture->view));
  g_assert_true (RD_IS_EVIDENCE_DIALOG (dialog));
  list = GTK_LIST_BOX (rd_test_find_child (dialog, "evidence_list"));

  /* No title, no adding. */
  g_assert_false (gtk_widget_get_sensitive (rd_test_find_child (dialog, "save_evidence_button")));

  type_into (dialog, "title_row", "ICT policy 2026");
  type_into (dialog, "location_row", "https://school.example/ict-policy.pdf");
  type_into (dialog, "date_row", "30-9-2026");
  g_signal_emit_by_name (rd_test_find_child (dialog, "save_evidence_button"), "clicked");
  type_into (dialog, "title_row", "Board minutes");
  type_into (dialog, "location_row", "/srv/share/minutes.odt");
  g_signal_emit_by_name (rd_test_find_child (dialog, "save_evidence_button"), "clicked");
  rd_test_wait_for_idle ();

  /* A script is no link: refused, said where, nothing stored. */
  type_into (dialog, "title_row", "Trap");
  type_into (dialog, "location_row", "javascript:alert(1)");
  g_signal_emit_by_name (rd_test_find_child (dialog, "save_evidence_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (rd_test_find_child (dialog, "message")));
  g_assert_true (gtk_widget_has_css_class (rd_test_find_child (dialog, "location_row"), "error"));
  type_into (dialog, "title_row", "");
  type_into (dialog, "location_row", "");

  evidence = rd_store_list_evidence (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 2);
  first = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (rd_evidence_get_title (first), ==, "ICT policy 2026");
  g_assert_cmpstr (rd_evidence_get_location (first), ==, "https://school.example/ict-policy.pdf");
  g_assert_cmpstr (rd_evidence_get_date (first), ==, "2026-09-30");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (evidence_row_button (dialog, 0, "open-button"));
  g_assert_cmpstr (gtk_label_get_text (line), ==, "2 pieces of evidence");

  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rd_test_find_child (dialog, "commentary_view")));
    g_autofree char *too_long = g_strnfill (RD_MAX_ITEM_COMMENTARY + 10, 'x');

    /* Typing stops at the store's limit. */
    gtk_text_buffer_set_text (buffer, too_long, -1);
    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, RD_MAX_ITEM_COMMENTARY);
    gtk_text_buffer_set_text (buffer, "We answered 4: the policy is adopted.", -1);
  }
  rd_test_save_screenshot (dialog, "evidence-dialog-light.png");

  /* Removing asks for no confirmation: a toast offers Undo. */
  g_signal_emit_by_name (evidence_row_button (dialog, 1, "remove-button"), "clicked");
  rd_test_wait_for_idle ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (gtk_label_get_text (line), ==, "1 piece of evidence");
  {
    GtkWidget *undo = find_button_labelled (rd_test_find_child (dialog, "toast_overlay"), "_Undo");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    rd_test_wait_for_idle ();
  }
  after_undo = rd_store_list_evidence (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_cmpuint (after_undo->len, ==, 2);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));

  /* Closing saves the commentary. */
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
  g_assert_null (rd_assessment_view_get_dialog (fixture->view));
  commentary = rd_store_get_item_commentary (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_cmpstr (commentary, ==, "We answered 4: the policy is adopted.");
  g_assert_cmpstr (gtk_label_get_text (line), ==, "Commentary · 2 pieces of evidence");

  /* Complete: shown, not changed. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.mark-complete", NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (rd_assessment_view_get_dialog (fixture->view)), "complete");
  rd_test_wait_for_idle ();
  g_signal_emit_by_name (button, "clicked");
  rd_test_wait_for_idle ();
  dialog = GTK_WIDGET (rd_assessment_view_get_dialog (fixture->view));
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (dialog, "form_group")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (rd_test_find_child (dialog, "commentary_view"))));
  g_assert_null (evidence_row_button (dialog, 0, "remove-button"));
  g_assert_nonnull (evidence_row_button (dialog, 0, "open-button"));
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
}

static void
count_answered (RdItemRow      *row,
                const RdAnswer *answer,
                guint          *n_answered)
{
  (*n_answered)++;
}

/* Runs the main loop past the typing pause after which a field saves. */
static void
wait_past_save_delay (void)
{
  gint64 end = g_get_monotonic_time () + 900 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Showing a stored answer is not answering: the rows show it and emit
 * nothing, and no save follows later. Clicking "not applicable" beside a
 * field empties the field and answers once. */
static void
test_showing_is_not_answering (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { const char *area, *item; RdAnswer answer; } shown[] = {
    { "alpha", "a-plan", { .value = 4 } },
    { "alpha", "a-review", { .value = NAN, .julian_day = 738960 } },
    { "beta", "b-speed", { .value = 250 } },
    { "beta", "b-share", { .value = NAN, .not_applicable = TRUE } },
    { "beta", "b-mfa", { .value = 0 } },
  };
  RdItemRow *share = row_for (fixture, "beta", "b-share");
  GtkWidget *share_entry = rd_test_find_widget (GTK_WIDGET (share), GTK_TYPE_ENTRY, NULL);
  g_autoptr(RdAnswer) share_answer = NULL;
  guint n_answered = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_signal_connect (row_for (fixture, shown[i].area, shown[i].item), "answered",
                      G_CALLBACK (count_answered), &n_answered);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      RdItemRow *row = row_for (fixture, shown[i].area, shown[i].item);

      rd_item_row_show_answer (row, &shown[i].answer);
      g_assert_true (rd_item_row_is_answered (row));
    }
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (
                   row_for (fixture, "alpha", "a-plan"), 4))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (
                   row_for (fixture, "beta", "b-mfa"), RD_CHOICE_NO))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (
                   share, RD_CHOICE_NOT_APPLICABLE))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rd_test_find_widget (
                     GTK_WIDGET (row_for (fixture, "beta", "b-speed")), GTK_TYPE_ENTRY, NULL))), ==, "250");

  /* A message beside a shown answer (a save refused) stays: no save of
   * the shown value follows to clear it. */
  rd_item_row_show_error (row_for (fixture, "beta", "b-speed"), "Not saved: the disk is full");
  wait_past_save_delay ();
  g_assert_cmpuint (n_answered, ==, 0);
  g_assert_cmpstr (row_error (row_for (fixture, "beta", "b-speed")), ==, "Not saved: the disk is full");
  g_assert_null (stored (fixture, "a-plan"));
  g_assert_null (stored (fixture, "b-speed"));

  /* Shown again as unanswered: still nothing said. */
  rd_item_row_show_answer (row_for (fixture, "beta", "b-speed"), NULL);
  g_assert_false (rd_item_row_is_answered (row_for (fixture, "beta", "b-speed")));
  g_assert_null (row_error (row_for (fixture, "beta", "b-speed")));
  wait_past_save_delay ();
  g_assert_cmpuint (n_answered, ==, 0);

  /* A value typed, then "not applicable": the field empties, one answer. */
  rd_item_row_show_answer (share, NULL);
  g_assert_true (rd_item_row_enter_text (share, "60"));
  g_assert_cmpuint (n_answered, ==, 1);
  g_assert_true (rd_item_row_choose (share, RD_CHOICE_NOT_APPLICABLE));
  g_assert_cmpuint (n_answered, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share_entry)), ==, "");
  wait_past_save_delay ();
  g_assert_cmpuint (n_answered, ==, 2);
  share_answer = stored (fixture, "b-share");
  g_assert_true (share_answer->not_applicable);
}

static void
test_clearing_a_field (Fixture       *fixture,
                       gconstpointer  data)
{
  RdItemRow *share = row_for (fixture, "beta", "b-share");

  g_assert_true (rd_item_row_enter_text (share, "60"));
  assert_stored_value (fixture, "b-share", 60);

  /* Emptying the field takes the answer back… */
  g_assert_true (rd_item_row_enter_text (share, ""));
  g_assert_null (stored (fixture, "b-share"));
  g_assert_false (rd_item_row_is_answered (share));
  g_assert_cmpstr (progress_text (fixture), ==, "You have answered 0 of 6 items");

  /* …and Ctrl+Z brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo", NULL);
  assert_stored_value (fixture, "b-share", 60);
  g_assert_true (rd_item_row_is_answered (share));
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  RdItemRow *review = row_for (fixture, "alpha", "a-review");
  GtkWidget *calendar = rd_test_find_widget (GTK_WIDGET (review), GTK_TYPE_CALENDAR, NULL);
  GtkWidget *popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(RdAnswer) answer = NULL;
  GtkWidget *use_button = NULL;
  GDate date;

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (calendar)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      use_button = child;
  g_assert_nonnull (use_button);

  /* Opening the calendar shows today; using it as it is must store today,
   * which a click on the already selected day would never report. */
  gtk_popover_popup (GTK_POPOVER (popover));
  rd_test_wait_for_idle ();
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
  g_signal_emit_by_name (use_button, "clicked");
  rd_test_wait_for_idle ();

  answer = stored (fixture, "a-review");
  g_assert_nonnull (answer);
  rd_answer_get_date (answer, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_month (&date), ==, g_date_time_get_month (now));
  g_assert_cmpint (g_date_get_day (&date), ==, g_date_time_get_day_of_month (now));
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
test_sidebar_browsing_keeps_focus (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkListBox *areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture->view), "area_list"));
  GtkListBoxRow *beta = gtk_list_box_get_row_at_index (areas, 1);

  /* Arrowing through the areas shows each one but leaves focus in the list. */
  gtk_widget_grab_focus (GTK_WIDGET (beta));
  gtk_list_box_select_row (areas, beta);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "beta");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (beta)));

  /* Enter goes into the area, onto its first item's field. */
  g_signal_emit_by_name (areas, "row-activated", beta);
  g_assert_cmpstr (focused_item (fixture), ==, "b-speed");
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (fixture->window))));

  /* Capital Y answers yes too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-item", "s", "b-mfa");
  g_assert_true (rd_test_send_key (fixture->window, GDK_KEY_Y, GDK_SHIFT_MASK));
  assert_stored_value (fixture, "b-mfa", 1);
}

static guint
count_respondents (Fixture *fixture)
{
  g_autoptr(GPtrArray) respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, NULL);

  return respondents->len;
}

/* A participant exports "my answers"; the facilitator imports the file. */
static void
test_export_and_import_answers (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-my-answers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mine.readiness-response", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  GtkWindow *dialog;

  g_assert_true (rd_item_row_choose (row_for (fixture, "alpha", "a-plan"), 4));
  g_assert_true (rd_item_row_enter_text (row_for (fixture, "beta", "b-share"), "60"));
  g_assert_true (rd_assessment_view_export_answers (fixture->view, path, &error));
  g_assert_no_error (error);

  rd_assessment_view_import_files (fixture->view, &file, 1);
  dialog = rd_assessment_view_get_dialog (fixture->view);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Answers Imported");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  g_assert_cmpuint (count_respondents (fixture), ==, 2);
  answers = rd_store_list_answers (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (answers->len, ==, 4);

  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

/* The survey flow reads in a worker: the mapping dialog comes when it is done. */
static RdImportDialog *
import_survey (Fixture *fixture,
               GFile   *file)
{
  rd_assessment_view_import_files (fixture->view, &file, 1);
  while (!RD_IS_IMPORT_DIALOG (rd_assessment_view_get_dialog (fixture->view)))
    g_main_context_iteration (NULL, TRUE);
  return RD_IMPORT_DIALOG (rd_assessment_view_get_dialog (fixture->view));
}

/* A message dialog that the flow ends with. */
static AdwMessageDialog *
wait_for_message (Fixture    *fixture,
                  const char *heading)
{
  GtkWindow *dialog;

  for (;;)
    {
      dialog = rd_assessment_view_get_dialog (fixture->view);
      if (ADW_IS_MESSAGE_DIALOG (dialog) && !RD_IS_IMPORT_DIALOG (dialog))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  return ADW_MESSAGE_DIALOG (dialog);
}

static guint
count_answers (Fixture *fixture)
{
  g_autoptr(GPtrArray) answers = rd_store_list_answers (fixture->store, fixture->assessment_id, NULL);

  return answers->len;
}

static void
test_survey_mapping (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "surveys", "by-id.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RdImportDialog *dialog = import_survey (fixture, file);

  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 3 respondents: 1 × School leader, 1 × Teacher, 1 × Learner, answering 6 items.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));

  /* Leaving out the last column: one item fewer. */
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 6), 0);
  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 3 respondents: 1 × School leader, 1 × Teacher, 1 × Learner, answering 5 items.");

  /* Mapping the group column to a statement makes every row wrong. */
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 0), 2);
  g_assert_false (rd_import_dialog_can_import (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_true (g_str_has_prefix (rd_import_dialog_get_summary (dialog), "by-id.csv: line 2, column 1 (“groep”):"));
  g_assert_cmpint (adw_combo_row_get_selected (rd_import_dialog_get_column_row (dialog, 1)), ==, 0);

  /* Back to the group, and import. */
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 0), 1);
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 1), 2);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "import-mapping-light.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_response (wait_for_message (fixture, "Answers Imported"), "close");

  /* The view's own leader and the three imported people. */
  g_assert_cmpuint (count_respondents (fixture), ==, 4);
}

/* Rows of nothing but separators, or spaces, are nobody: issue 13. */
static void
test_survey_blank_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "surveys", "blank-rows.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RdImportDialog *dialog = import_survey (fixture, file);

  rd_test_save_screenshot (GTK_WIDGET (dialog), "import-blank-rows-light.png");
  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 2 respondents: 1 × Teacher, 1 × Learner, answering 6 items. 3 blank rows are left out.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_response (wait_for_message (fixture, "Answers Imported"), "close");
  g_assert_cmpuint (count_respondents (fixture), ==, 3);
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A survey export over the limit is refused by its size, before a byte of
 * it is read: a sparse file of 1 GB costs no disk, and reading it would
 * cost 1 GB of memory. */
static void
test_survey_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge-survey.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *message;
  long before;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "groep;a-plan\n", 13), ==, 13);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024), ==, 0);
  close (fd);

  before = peak_rss_kb ();
  rd_assessment_view_import_files (fixture->view, &file, 1);
  message = wait_for_message (fixture, "Nothing Was Imported");
  g_test_message ("%s; peak RSS grew by %ld kB", adw_message_dialog_get_body (message), peak_rss_kb () - before);
  g_assert_cmpint (peak_rss_kb () - before, <, 64 * 1024);
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   "huge-survey.csv: the file is 1.1\u00a0GB; a survey export can be at most 64 MB");
  rd_test_save_screenshot (GTK_WIDGET (message), "import-too-large-light.png");
  adw_message_dialog_response (message, "close");

  g_unlink (path);
  g_rmdir (dir);
}

/* A survey export of @n_rows respondents for the small framework. */
static char *
write_large_survey (const char *dir,
                    guint       n_rows)
{
  static const char * const groups[] = { "leraar", "leerling", "ouder", "" };
  g_autoptr(GString) text = g_string_new ("groep;a-plan;a-team;a-review;b-speed;b-share;b-mfa\n");
  char *path = g_build_filename (dir, "large-survey.csv", NULL);

  for (guint r = 0; r < n_rows; r++)
    g_string_append_printf (text, "%s;%u;%s;1%u-03-2024;%u,5;%u%%;%s\n", groups[r % 4], 1 + r % 5,
                            r % 7 == 0 ? "n.v.t." : "Eens", r % 3, 100 + r % 900, r % 101, r % 2 ? "ja" : "nee");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}


static RdProgressWindow *
find_progress_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RD_IS_PROGRESS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return RD_PROGRESS_WINDOW (window);
    }
  return NULL;
}

/* Issue 13: the file is read once; a mapping change decodes one column and
 * does not go back to the file; storing runs in a worker while the window
 * goes on, with progress; Cancel leaves the database as it was. */
static void
test_survey_store_in_worker (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint n_rows = 40000;
  g_autofree char *dir = g_dir_make_tmp ("readiness-large-XXXXXX", NULL);
  g_autofree char *path = write_large_survey (dir, n_rows);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RdImportDialog *dialog;
  RdSurveyImport *survey;
  RdProgressWindow *progress;
  AdwMessageDialog *message;
  guint64 decoded;
  guint n_answers = count_answers (fixture);
  guint main_loop_turns = 0;
  double fraction = 0;

  rd_job_set_default_delay (0);
  dialog = import_survey (fixture, file);
  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 40000 respondents: 10000 × Teacher, 10000 × Learner, 10000 × Parent, 10000 × Other, "
                   "answering 6 items.");

  /* The file is gone: what the mapping works on was read before. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  survey = rd_import_dialog_get_survey (dialog);
  decoded = rd_survey_import_get_n_cells_decoded (survey);
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 6), 0);
  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 40000 respondents: 10000 × Teacher, 10000 × Learner, 10000 × Parent, 10000 × Other, "
                   "answering 5 items.");
  /* Leaving a column out decodes nothing; mapping it again, that column. */
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded);
  adw_combo_row_set_selected (rd_import_dialog_get_column_row (dialog, 6), 2 + 5);
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded + n_rows);
  g_assert_true (rd_import_dialog_can_import (dialog));

  /* Store, and cancel half-way: the main loop turns while the worker
   * stores, and the progress window shows how far it is. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  while ((progress = find_progress_window ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_ref (progress);
  while (fraction < 0.2)
    {
      g_main_context_iteration (NULL, TRUE);
      main_loop_turns++;
      /* Still storing: the window goes when the task ends. */
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress)));
      fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (rd_test_find_child (GTK_WIDGET (progress), "bar")));
      g_assert_cmpfloat (fraction, <, 1.0);
    }
  g_test_message ("cancelled at %.0f %% after %u turns of the main loop", fraction * 100, main_loop_turns);
  g_assert_cmpuint (main_loop_turns, >, 1);
  rd_test_save_screenshot (GTK_WIDGET (progress), "import-progress-light.png");
  g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (progress), "cancel_button"), "clicked");

  message = wait_for_message (fixture, "Import Cancelled");
  rd_test_save_screenshot (GTK_WIDGET (message), "import-cancelled-light.png");
  adw_message_dialog_response (message, "close");
  rd_test_wait_for_idle ();
  g_assert_null (find_progress_window ());
  g_object_unref (progress);
  g_assert_cmpuint (count_respondents (fixture), ==, 1);
  g_assert_cmpuint (count_answers (fixture), ==, n_answers);

  g_rmdir (dir);
  rd_job_set_default_delay (400);
}

static void
answer_as (Fixture *fixture,
           RdGroup  group,
           guint    plan,
           const char *share)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  RdItemRow *plan_row = row_for (fixture, "alpha", "a-plan");

  gtk_widget_activate_action (view, "assessment.join", "u", (guint32) group);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "alpha");
  /* Nobody sees an earlier participant's answers. */
  g_assert_false (rd_item_row_is_answered (plan_row));
  g_assert_false (rd_item_row_is_answered (row_for (fixture, "beta", "b-share")));

  g_assert_true (rd_item_row_choose (plan_row, plan));
  g_assert_true (rd_item_row_enter_text (row_for (fixture, "beta", "b-share"), share));
  gtk_widget_activate_action (view, "assessment.next-participant", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
}

/* A round with three participants on one device, then the group view. */
static void
test_workshop_round (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gboolean groups[RD_N_GROUPS] = { FALSE };
  GtkListBox *areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture->view), "area_list"));
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  RdGroupComparison *comparison;
  RdResultsPage *results;

  g_settings_set_int (settings, "anonymity-threshold", 2);
  groups[RD_GROUP_TEACHER] = TRUE;
  groups[RD_GROUP_LEARNER] = TRUE;
  rd_assessment_view_start_workshop (fixture->view, groups);
  g_assert_true (rd_assessment_view_is_workshop (fixture->view));
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
  rd_test_save_screenshot (fixture->window, "workshop-handover-light.png");

  /* During the round, no review and no results in the sidebar, and no
   * school's commentary under the items. */
  g_assert_false (gtk_widget_get_visible (rd_item_row_get_evidence_button (row_for (fixture, "alpha", "a-plan"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (areas, 2))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (areas, 3))));

  answer_as (fixture, RD_GROUP_TEACHER, 5, "90");
  /* From the hand-over page, only joining leads on: nobody reaches the
   * facilitator's answers. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-area", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "beta");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
  /* Undo after the hand-over cannot reach the previous person's answers. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo", NULL);
  answer_as (fixture, RD_GROUP_LEARNER, 2, "10");
  answer_as (fixture, RD_GROUP_TEACHER, 4, "50");

  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (respondents->len, ==, 4);  /* the facilitator's own, and three participants */
  for (guint i = 1; i < respondents->len; i++)
    g_assert_null (((RdRespondent *) g_ptr_array_index (respondents, i))->pseudonym);
  answers = rd_store_list_answers (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (answers->len, ==, 6);

  rd_assessment_view_end_round (fixture->view);
  g_assert_false (rd_assessment_view_is_workshop (fixture->view));
  g_assert_true (gtk_widget_get_visible (rd_item_row_get_evidence_button (row_for (fixture, "alpha", "a-plan"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (areas, 3))));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  results = rd_assessment_view_get_results_page (fixture->view);
  comparison = rd_results_page_get_group_comparison (results);
  /* Two teachers reach the threshold of 2; the one learner does not, and
   * beside the teachers alone, the school minus the teachers would be the
   * learner: no group is shown. */
  g_assert_cmpuint (rd_group_comparison_get_threshold (comparison), ==, 2);
  g_assert_cmpuint (rd_group_comparison_get_n_groups (comparison), ==, 0);
  g_assert_cmpuint (rd_group_comparison_get_n_withheld (comparison), ==, 2);
  g_assert_cmpint (rd_group_comparison_get_view (comparison, RD_GROUP_TEACHER), ==, RD_GROUP_VIEW_WITHHELD);
  g_assert_cmpint (rd_group_comparison_get_view (comparison, RD_GROUP_LEARNER), ==, RD_GROUP_VIEW_WITHHELD);

  g_settings_reset (settings, "anonymity-threshold");
}

static gboolean
sidebar_shows (Fixture    *fixture,
               const char *page_name)
{
  GtkListBox *areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture->view), "area_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (areas, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), page_name) == 0)
      return gtk_widget_get_visible (GTK_WIDGET (row));
  g_error ("no sidebar row for %s", page_name);
  return FALSE;
}

/* At 1280 × 800 every name in the sidebar is whole, in English and Dutch:
 * an area shows its short title, its title in the tooltip and for screen
 * readers (issue 18: two names were cut in English, four in Dutch). */
static void
test_sidebar_names_whole (void)
{
  Fixture fixture = { 0 };
  GtkListBox *areas;
  GtkListBoxRow *row;
  guint n_areas = 0;

  set_up (&fixture, rd_framework_load_builtin (NULL), RD_ASSESSMENT_MODE_FULL, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", "strategy");
  gtk_test_widget_wait_for_draw (fixture.window);
  areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture.view), "area_list"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (areas, i)) != NULL; i++)
    {
      const char *page = g_object_get_data (G_OBJECT (row), "page-name");
      RdArea *area = rd_framework_lookup_area (fixture.framework, page);
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (box));

      if (!gtk_widget_get_visible (GTK_WIDGET (row)))
        continue;
      g_test_message ("%s: “%s”", page, gtk_label_get_text (label));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("the sidebar cuts “%s”", gtk_label_get_text (label));
      if (area == NULL)
        continue;
      n_areas++;
      g_assert_cmpstr (gtk_label_get_text (label), ==, rd_text_get_localized (rd_area_get_short_title (area)));
      if (rd_text_get_localized (rd_area_get_short_title (area)) != rd_text_get_localized (rd_area_get_title (area)) &&
          g_strcmp0 (gtk_label_get_text (label), rd_text_get_localized (rd_area_get_title (area))) != 0)
        g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==,
                         rd_text_get_localized (rd_area_get_title (area)));
    }
  g_assert_cmpuint (n_areas, ==, rd_framework_get_n_areas (fixture.framework));
  rd_test_save_screenshot (fixture.window, "questionnaire-sidebar-1280.png");
  fixture_tear_down (&fixture, NULL);
}

/* Each group is asked its own items: a learner is not asked about MFA
 * (issue 15). The progress, the sidebar, the review, Mark Complete and
 * the keys count and reach only those; answers to items of the group
 * before are kept, hidden, and come back with the group. */
static void
test_group_asks_its_items (void)
{
  Fixture fixture = { 0 };
  GtkDropDown *groups;
  RdItemRow *mfa, *awareness;
  RdAreaPage *cybersecurity;
  GtkWindow *dialog;

  set_up (&fixture, rd_framework_load_builtin (NULL), RD_ASSESSMENT_MODE_FULL, 1280, 800);
  groups = GTK_DROP_DOWN (rd_test_find_child (GTK_WIDGET (fixture.view), "group_dropdown"));
  mfa = row_for (&fixture, "cybersecurity", "cyb-mfa-admin");
  awareness = row_for (&fixture, "cybersecurity", "cyb-learner-awareness");
  cybersecurity = rd_assessment_view_get_area_page (fixture.view, "cybersecurity");

  /* A school leader is asked everything. */
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 0 of 83 items");
  g_assert_true (rd_item_row_choose (mfa, RD_CHOICE_YES));
  g_assert_true (rd_item_row_choose (row_for (&fixture, "engagement", "eng-stakeholder-voice"), 4));
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 2 of 83 items");

  /* A learner: fifteen items in five areas, none about strategy, MFA, devices, training or data protection. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", "devices");
  gtk_drop_down_set_selected (groups, RD_GROUP_LEARNER);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 1 of 15 items");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mfa)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (awareness)));
  g_assert_cmpuint (rd_area_page_get_n_asked (cybersecurity), ==, 1);
  g_assert_false (rd_item_row_choose (mfa, RD_CHOICE_NO));
  g_assert_false (sidebar_shows (&fixture, "devices"));
  g_assert_false (sidebar_shows (&fixture, "training"));
  g_assert_false (sidebar_shows (&fixture, "strategy"));
  g_assert_false (sidebar_shows (&fixture, "privacy"));
  g_assert_true (sidebar_shows (&fixture, "connectivity"));
  g_assert_true (sidebar_shows (&fixture, "learners"));
  /* The devices page they were on asks them nothing: they are moved on,
   * to the first area that asks them something. */
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "connectivity");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", "devices");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "connectivity");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", "connectivity");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.next-area", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "cybersecurity");
  g_assert_cmpstr (focused_item (&fixture), ==, "cyb-learner-awareness");
  /* Up and Down pass over the items of other groups. */
  g_assert_false (rd_test_send_key (fixture.window, GDK_KEY_Down, 0));
  g_assert_false (rd_test_send_key (fixture.window, GDK_KEY_Up, 0));
  g_assert_cmpstr (focused_item (&fixture), ==, "cyb-learner-awareness");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.previous-area", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "connectivity");
  rd_test_save_screenshot (fixture.window, "questionnaire-learner-light.png");

  /* The review lists what is left of theirs, and completing says so. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  g_assert_cmpuint (rd_review_page_get_n_unanswered (rd_assessment_view_get_review_page (fixture.view)), ==, 14);
  rd_test_save_screenshot (fixture.window, "questionnaire-learner-review-light.png");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.mark-complete", NULL);
  dialog = rd_assessment_view_get_dialog (fixture.view);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "14 items"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (dialog);

  /* Back to leader: the MFA answer was kept. */
  gtk_drop_down_set_selected (groups, RD_GROUP_LEADER);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 2 of 83 items");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mfa)));
  g_assert_true (rd_item_row_is_answered (mfa));
  g_assert_true (sidebar_shows (&fixture, "devices"));

  /* A learner who reopens the assessment starts on their own items too. */
  gtk_drop_down_set_selected (groups, RD_GROUP_PARENT);
  close_view (&fixture);
  open_view (&fixture);
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 1 of 4 items");
  g_assert_false (sidebar_shows (&fixture, "connectivity"));
  fixture_tear_down (&fixture, NULL);
}

static void
count_join_buttons (GtkWidget *widget,
                    guint     *n_buttons,
                    guint     *n_sensitive)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  /* "I Am a Teacher" and the like, on the hand-over screen. */
  if (label != NULL && g_str_has_prefix (label, "I Am "))
    {
      (*n_buttons)++;
      *n_sensitive += gtk_widget_get_sensitive (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_join_buttons (child, n_buttons, n_sensitive);
}

/* A group that a pulse assessment asks nothing cannot join a round, and
 * the start dialog leaves it out. audience.json's pulse asks a-plan
 * (leaders, teachers, learners) and b-speed (leaders, support staff). */
static void
test_workshop_group_asked_nothing (void)
{
  Fixture fixture = { 0 };
  gboolean groups[RD_N_GROUPS] = { FALSE };
  guint n_buttons = 0, n_sensitive = 0;
  GtkWindow *dialog;

  set_up (&fixture, rd_test_load_framework ("audience.json"), RD_ASSESSMENT_MODE_PULSE, 1280, 800);

  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.start-workshop", NULL);
  dialog = rd_assessment_view_get_dialog (fixture.view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  {
    GtkWidget *checks = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    guint g = 0;

    for (GtkWidget *check = gtk_widget_get_first_child (checks); check; check = gtk_widget_get_next_sibling (check), g++)
      g_assert_true (gtk_widget_get_sensitive (check) == (g != RD_GROUP_PARENT && g != RD_GROUP_OTHER));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (dialog);

  groups[RD_GROUP_PARENT] = TRUE;
  groups[RD_GROUP_LEARNER] = TRUE;
  rd_assessment_view_start_workshop (fixture.view, groups);
  count_join_buttons (GTK_WIDGET (fixture.view), &n_buttons, &n_sensitive);
  g_assert_cmpuint (n_buttons, ==, 2);
  g_assert_cmpuint (n_sensitive, ==, 1);
  rd_test_save_screenshot (fixture.window, "workshop-handover-nothing-asked-light.png");

  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.join", "u", (guint32) RD_GROUP_PARENT);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "handover");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.join", "u", (guint32) RD_GROUP_LEARNER);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture.view), ==, "alpha");
  g_assert_cmpstr (progress_text (&fixture), ==, "You have answered 0 of 1 item");
  fixture_tear_down (&fixture, NULL);
}

/* A survey export's answers to items not asked of a row's group are left
 * out, and the mapping step says how many, in its summary and under the
 * column. */
static void
test_survey_not_asked (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "surveys", "audience.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RdImportDialog *dialog;

  set_up (&fixture, rd_test_load_framework ("audience.json"), RD_ASSESSMENT_MODE_FULL, 1280, 800);
  dialog = import_survey (&fixture, file);
  g_assert_cmpstr (rd_import_dialog_get_summary (dialog), ==,
                   "Adds 4 respondents: 1 × Teacher, 1 × Support staff, 1 × Learner, 1 × Parent, answering 4 items. "
                   "5 answers are left out: their items are not asked of their respondents’ groups.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rd_import_dialog_get_column_row (dialog, 2))), ==,
                   "2 answers left out: not asked of the respondents’ groups");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rd_import_dialog_get_column_row (dialog, 4))), ==, "");
  rd_test_save_screenshot (GTK_WIDGET (dialog), "import-mapping-not-asked-light.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_response (wait_for_message (&fixture, "Answers Imported"), "close");

  /* Stored: learner 2, support staff 3, parent 0, teacher 1. */
  g_assert_cmpuint (count_answers (&fixture), ==, 6);
  fixture_tear_down (&fixture, NULL);
}

static void
expand_help (RdItemRow *row)
{
  GtkWidget *expander = rd_test_find_child (GTK_WIDGET (row), "help_expander");

  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_visible (expander));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
}

/* Brings @row to the top of its page: a screenshot taken right after
 * "show-item" may come before the page has scrolled to the focus. */
static void
scroll_to_row (RdItemRow *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  rd_test_wait_for_idle ();
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  rd_test_wait_for_idle ();
}

/* "What does this mean?" names the standard the question rests on, under
 * its help; a framework that names none shows the help alone. */
static void
test_help_names_standard (void)
{
  Fixture fixture = { 0 };
  g_autofree char *prefix = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Based on: %s"), "");
  RdItemRow *bandwidth, *speed;
  GtkWidget *based_on;
  g_autofree char *expected = NULL;

  set_up (&fixture, rd_framework_load_builtin (NULL), RD_ASSESSMENT_MODE_FULL, 1280, 800);
  bandwidth = row_for (&fixture, "connectivity", "con-bandwidth");
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-item", "s", "con-bandwidth");
  expand_help (bandwidth);
  rd_test_wait_for_idle ();
  based_on = rd_test_find_child (GTK_WIDGET (bandwidth), "standard_label");
  g_assert_true (gtk_widget_is_visible (based_on));
  expected = g_strconcat (prefix, rd_text_get_localized (rd_item_get_standard (rd_item_row_get_item (bandwidth))),
                          NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (based_on)), ==, expected);
  g_assert_nonnull (strstr (expected, "DfE digital and technology standards: broadband internet"));
  rd_test_save_screenshot (fixture.window, "questionnaire-help-standard-light.png");
  fixture_tear_down (&fixture, NULL);

  set_up (&fixture, rd_test_load_framework ("small.json"), RD_ASSESSMENT_MODE_FULL, 1280, 800);
  speed = row_for (&fixture, "beta", "b-speed");
  expand_help (speed);
  rd_test_wait_for_idle ();
  g_assert_true (gtk_widget_is_visible (rd_test_find_child (GTK_WIDGET (speed), "help_label")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (rd_test_find_child (GTK_WIDGET (speed), "help_label"))),
                                   "In the contract"));
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (GTK_WIDGET (speed), "standard_label")));
  fixture_tear_down (&fixture, NULL);
}

/* The built-in framework, part answered, at both sizes and in both styles. */
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
      RdFramework *framework = rd_framework_load_builtin (NULL);

      set_up (&fixture, framework, RD_ASSESSMENT_MODE_FULL, sizes[s].width, sizes[s].height);
      g_assert_true (rd_item_row_choose (row_for (&fixture, "strategy", "str-written-plan"), RD_CHOICE_YES));
      g_assert_true (rd_item_row_choose (rd_area_page_get_row (rd_assessment_view_get_area_page (fixture.view,
                                                                                                 "strategy"), 1), 4));
      g_assert_true (rd_item_row_enter_text (row_for (&fixture, "connectivity", "con-bandwidth"), "500"));
      g_assert_false (rd_item_row_enter_text (row_for (&fixture, "connectivity", "con-wifi-coverage"), "120"));
      /* The help of changed questions open, with the standard under it. */
      expand_help (row_for (&fixture, "connectivity", "con-bandwidth"));
      expand_help (row_for (&fixture, "cybersecurity", "cyb-mfa-staff"));
      g_assert_true (rd_item_row_enter_text (row_for (&fixture, "cybersecurity", "cyb-mfa-staff"), "5"));

      for (int dark = 0; dark <= 1; dark++)
        {
          static const struct { const char *page; const char *item; } pages[] = {
            { "strategy", "str-written-plan" },
            { "connectivity", "con-bandwidth" },
            { "cybersecurity", "cyb-mfa-staff" },
            { "privacy", "prv-processing-register" },
            { "learners", "tch-learner-skills" },
            { RD_REVIEW_PAGE_NAME, NULL },
          };

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
            {
              g_autofree char *name = g_strdup_printf ("questionnaire-%s-%s-%s.png", pages[p].page,
                                                       sizes[s].name, dark ? "dark" : "light");

              if (pages[p].item != NULL)
                {
                  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-item", "s", pages[p].item);
                  scroll_to_row (row_for (&fixture, pages[p].page, pages[p].item));
                }
              else
                gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-area", "s", pages[p].page);
              rd_test_save_screenshot (fixture.window, name);
            }

          if (s == 1 && !dark)
            {
              gtk_widget_activate_action (GTK_WIDGET (fixture.view), "assessment.show-areas", NULL);
              rd_test_save_screenshot (fixture.window, "questionnaire-sidebar-narrow-light.png");
            }
        }

      fixture_tear_down (&fixture, NULL);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

#define ADD(path, mode, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (mode), fixture_set_up, func, fixture_tear_down)
  ADD ("/questionnaire/walk-by-keyboard", RD_ASSESSMENT_MODE_FULL, test_walk_by_keyboard);
  ADD ("/questionnaire/undo", RD_ASSESSMENT_MODE_FULL, test_undo);
  ADD ("/questionnaire/invalid-input-not-stored", RD_ASSESSMENT_MODE_FULL, test_invalid_input_not_stored);
  ADD ("/questionnaire/resume-position", RD_ASSESSMENT_MODE_FULL, test_resume_position);
  ADD ("/questionnaire/read-only-after-completion", RD_ASSESSMENT_MODE_FULL, test_read_only_after_completion);
  ADD ("/questionnaire/pulse-shows-pulse-items", RD_ASSESSMENT_MODE_PULSE, test_pulse_shows_pulse_items);
  ADD ("/questionnaire/respondent-group", RD_ASSESSMENT_MODE_FULL, test_respondent_group);
  ADD ("/questionnaire/review-links", RD_ASSESSMENT_MODE_FULL, test_review_links);
  ADD ("/questionnaire/evidence-dialog", RD_ASSESSMENT_MODE_FULL, test_evidence_dialog);
  ADD ("/questionnaire/review-evidence", RD_ASSESSMENT_MODE_FULL, test_review_evidence);
  ADD ("/questionnaire/clearing-a-field", RD_ASSESSMENT_MODE_FULL, test_clearing_a_field);
  ADD ("/questionnaire/showing-is-not-answering", RD_ASSESSMENT_MODE_FULL, test_showing_is_not_answering);
  ADD ("/questionnaire/calendar", RD_ASSESSMENT_MODE_FULL, test_calendar);
  ADD ("/questionnaire/export-and-import-answers", RD_ASSESSMENT_MODE_FULL, test_export_and_import_answers);
  ADD ("/questionnaire/survey-mapping", RD_ASSESSMENT_MODE_FULL, test_survey_mapping);
  ADD ("/questionnaire/survey-blank-rows", RD_ASSESSMENT_MODE_FULL, test_survey_blank_rows);
  ADD ("/questionnaire/survey-too-large", RD_ASSESSMENT_MODE_FULL, test_survey_too_large);
  ADD ("/questionnaire/survey-store-in-worker", RD_ASSESSMENT_MODE_FULL, test_survey_store_in_worker);
  ADD ("/questionnaire/workshop-round", RD_ASSESSMENT_MODE_FULL, test_workshop_round);
  ADD ("/questionnaire/sidebar-browsing-keeps-focus", RD_ASSESSMENT_MODE_FULL, test_sidebar_browsing_keeps_focus);
#undef ADD
  g_test_add_func ("/questionnaire/screenshots", test_screenshots);
  g_test_add_func ("/questionnaire/sidebar-names-whole", test_sidebar_names_whole);
  g_test_add_func ("/questionnaire/help-names-standard", test_help_names_standard);
  g_test_add_func ("/questionnaire/group-asks-its-items", test_group_asks_its_items);
  g_test_add_func ("/questionnaire/workshop-group-asked-nothing", test_workshop_group_asked_nothing);
  g_test_add_func ("/questionnaire/survey-not-asked", test_survey_not_asked);

  return g_test_run ();
}
