/* A school's own questions in the app: their page, the dialog that adds
 * and changes them, removing with Undo, copying to other schools and the
 * results page, driven through the real widgets. */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <sqlite3.h>

#include "rd-assessment-view-private.h"
#include "rd-item-row-private.h"
#include "rd-own-question-dialog.h"
#include "rd-own-questions-page.h"
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (&fixture->test_store, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  open_view (fixture);
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

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static RdAreaPage *
own_page (Fixture *fixture)
{
  RdAreaPage *page = rd_assessment_view_get_area_page (fixture->view, RD_OWN_QUESTIONS_PAGE_NAME);

  g_assert_nonnull (page);
  return page;
}

static RdItemRow *
own_row (Fixture    *fixture,
         const char *question_id)
{
  return rd_area_page_lookup_row (own_page (fixture), question_id);
}

static void
show_own_page (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_OWN_QUESTIONS_PAGE_NAME);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_OWN_QUESTIONS_PAGE_NAME);
}

static RdOwnQuestionDialog *
find_dialog (Fixture *fixture)
{
  GtkWindow *dialog = rd_assessment_view_get_dialog (fixture->view);

  return dialog != NULL && RD_IS_OWN_QUESTION_DIALOG (dialog) ? RD_OWN_QUESTION_DIALOG (dialog) : NULL;
}

static GtkWidget *
named (RdOwnQuestionDialog *dialog,
       const char          *name)
{
  GtkWidget *widget = rd_test_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_into (RdOwnQuestionDialog *dialog,
           const char          *name,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, name)), text);
}

static void
tick (RdOwnQuestionDialog *dialog,
      const char          *name,
      gboolean             active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (dialog, name)), active);
}

static void
click_save (RdOwnQuestionDialog *dialog)
{
  g_signal_emit_by_name (named (dialog, "save"), "clicked");
  rd_test_wait_for_idle ();
}

static GPtrArray *
stored_questions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *questions = rd_store_list_own_questions (fixture->store, fixture->assessment_id, &error);

  g_assert_no_error (error);
  return questions;
}

static RdOwnQuestion *
store_question (Fixture    *fixture,
                const char *text,
                RdItemKind  kind,
                guint       audience)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info;
  RdOwnQuestion *question;

  rd_own_question_info_init (&info);
  info.text = text;
  info.kind = kind;
  info.area_id = "beta";
  info.audience = audience;
  info.weights[RD_FACTOR_CAPACITY] = 1.5;
  if (kind == RD_ITEM_KIND_NUMBER)
    {
      info.unit = "laptops";
      info.max = 500;
      info.target = 120;
    }
  question = rd_store_add_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info, &error);
  g_assert_no_error (error);
  rd_test_wait_for_idle ();
  return question;
}

/* The page says what own questions are for; Ctrl+N opens the dialog, whose
 * answer adds the question to the page, answered like any other. */
static void
test_empty_state_and_add (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAnswer) answer = NULL;
  RdOwnQuestionDialog *dialog;
  RdOwnQuestion *question;
  GtkWidget *empty;

  show_own_page (fixture);
  empty = rd_test_find_child (GTK_WIDGET (own_page (fixture)), "own_questions_empty");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_visible (empty));
  rd_test_save_screenshot (fixture->window, "own-questions-empty.png");

  /* Ctrl+N on the page, as on the action plan. */
  g_assert_true (rd_test_send_binding (GTK_WIDGET (own_page (fixture)), GDK_KEY_n, GDK_CONTROL_MASK));
  rd_test_wait_for_idle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  /* Nothing to add without a text. */
  g_assert_false (gtk_widget_get_sensitive (named (dialog, "save")));

  type_into (dialog, "text", "Laptops we lend to pupils for use at home");
  type_into (dialog, "help", "Count the ones in working order.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "kind")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "area")), 1);
  type_into (dialog, "unit", "laptops");
  type_into (dialog, "max", "500");
  type_into (dialog, "target", "120");
  tick (dialog, "audience-teacher", FALSE);
  tick (dialog, "factor-investment", TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (dialog, "weight-investment")), 2);
  g_assert_true (gtk_widget_get_visible (named (dialog, "target")));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "own-question-dialog.png");
  click_save (dialog);
  g_assert_null (find_dialog (fixture));

  questions = stored_questions (fixture);
  g_assert_cmpuint (questions->len, ==, 1);
  question = g_ptr_array_index (questions, 0);
  g_assert_cmpstr (rd_own_question_get_text (question), ==, "Laptops we lend to pupils for use at home");
  g_assert_cmpstr (rd_own_question_get_help (question), ==, "Count the ones in working order.");
  g_assert_cmpint (rd_own_question_get_kind (question), ==, RD_ITEM_KIND_NUMBER);
  g_assert_cmpstr (rd_own_question_get_area_id (question), ==, "beta");
  g_assert_cmpstr (rd_own_question_get_unit (question), ==, "laptops");
  g_assert_cmpfloat (rd_own_question_get_max (question), ==, 500);
  g_assert_cmpfloat (rd_own_question_get_target (question), ==, 120);
  g_assert_cmpuint (rd_own_question_get_audience (question), ==, 1u << RD_GROUP_LEADER | 1u << RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpfloat (rd_own_question_get_weight (question, RD_FACTOR_INVESTMENT), ==, 2);

  /* On the page, answered like the framework's questions. */
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_OWN_QUESTIONS_PAGE_NAME);
  g_assert_null (rd_test_find_child (GTK_WIDGET (own_page (fixture)), "own_questions_empty"));
  g_assert_nonnull (own_row (fixture, "own-1"));
  /* Its explanation under "What does this mean?", with no standard named. */
  {
    GtkWidget *help = rd_test_find_child (GTK_WIDGET (own_row (fixture, "own-1")), "help_expander");

    g_assert_true (gtk_widget_get_visible (help));
    gtk_expander_set_expanded (GTK_EXPANDER (help), TRUE);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rd_test_find_child (help, "help_label"))), ==,
                     "Count the ones in working order.");
    g_assert_false (gtk_widget_get_visible (rd_test_find_child (help, "standard_label")));
  }
  g_assert_true (rd_item_row_enter_text (own_row (fixture, "own-1"), "90"));
  answer = rd_store_get_answer (fixture->store, rd_assessment_view_get_respondent_id (fixture->view), "own-1", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (answer->value, ==, 90);
  /* Not an answer of the framework. */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM answer"), ==, 0);
  rd_test_save_screenshot (fixture->window, "own-questions-page.png");
}

/* What the store refuses is said in the dialog, which stays open. */
static void
test_dialog_error (Fixture       *fixture,
                   gconstpointer  data)
{
  RdOwnQuestionDialog *dialog;
  GtkWidget *message;

  show_own_page (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.add-own-question", NULL);
  rd_test_wait_for_idle ();
  dialog = find_dialog (fixture);
  type_into (dialog, "text", "Laptops we lend to pupils");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "kind")), 2);
  type_into (dialog, "max", "500");
  type_into (dialog, "target", "600");
  tick (dialog, "factor-investment", TRUE);
  click_save (dialog);

  g_assert_true (find_dialog (fixture) == dialog);
  message = rd_test_find_child (GTK_WIDGET (dialog), "message");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   "The target 600 must lie between the lowest and the highest answer");
  rd_test_save_screenshot (GTK_WIDGET (dialog), "own-question-dialog-error.png");

  /* No factor: said too. */
  type_into (dialog, "target", "100");
  tick (dialog, "factor-investment", FALSE);
  click_save (dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, "A question must be about at least one success factor");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM own_question"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
}

/* Changing a question keeps its answers; a question with answers keeps its kind. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) question = store_question (fixture, "Pupils enjoy the coding club",
                                                     RD_ITEM_KIND_STATEMENT, RD_EVERY_GROUP);
  g_autoptr(GPtrArray) questions = NULL;
  RdOwnQuestionDialog *dialog;

  show_own_page (fixture);
  /* Stored without an explanation: nothing to open. */
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (GTK_WIDGET (own_row (fixture, "own-1")), "help_expander")));
  g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 4));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.edit-own-question", "s", "own-1");
  rd_test_wait_for_idle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "text"))), ==, "Pupils enjoy the coding club");
  g_assert_false (gtk_widget_get_sensitive (named (dialog, "kind")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (dialog, "factor-capacity"))));
  type_into (dialog, "text", "Pupils enjoy the weekly coding club");
  click_save (dialog);

  questions = stored_questions (fixture);
  g_assert_cmpstr (rd_own_question_get_text (g_ptr_array_index (questions, 0)), ==,
                   "Pupils enjoy the weekly coding club");
  /* The page shows the new text, with the answer given. */
  g_assert_true (rd_item_row_is_answered (own_row (fixture, "own-1")));
  g_assert_cmpstr (rd_text_get_localized (rd_item_get_text (rd_item_row_get_item (own_row (fixture, "own-1")))), ==,
                   "Pupils enjoy the weekly coding club");
}

/* Removing a question with answers offers Undo, which brings both back;
 * an answer's own Ctrl+Z goes back on the question's page. */
static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) question = store_question (fixture, "Pupils enjoy the coding club",
                                                     RD_ITEM_KIND_STATEMENT, RD_EVERY_GROUP);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAnswer) answer = NULL;

  show_own_page (fixture);
  g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 2));
  g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 5));

  /* Ctrl+Z: the answer before. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "alpha");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_OWN_QUESTIONS_PAGE_NAME);
  answer = rd_store_get_answer (fixture->store, rd_assessment_view_get_respondent_id (fixture->view), "own-1", &error);
  g_assert_cmpfloat (answer->value, ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.remove-own-question", "s", "own-1");
  rd_test_wait_for_idle ();
  questions = stored_questions (fixture);
  g_assert_cmpuint (questions->len, ==, 0);
  g_assert_null (own_row (fixture, "own-1"));
  g_assert_true (gtk_widget_get_visible (rd_test_find_child (GTK_WIDGET (own_page (fixture)), "own_questions_empty")));
  rd_test_save_screenshot (fixture->window, "own-questions-removed.png");
  /* Ctrl+Z now leaves the removed question's answer alone. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo", NULL);
  rd_test_wait_for_idle ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo-remove-own-question", "s", "own-1");
  rd_test_wait_for_idle ();
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = stored_questions (fixture);
  g_assert_cmpuint (questions->len, ==, 1);
  g_assert_true (rd_item_row_is_answered (own_row (fixture, "own-1")));

  /* Removed again and not undone: gone for good when the trash is emptied. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.remove-own-question", "s", "own-1");
  rd_test_wait_for_idle ();
  g_assert_true (rd_store_purge_trash (fixture->store, &error));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM own_question"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM own_answer"), ==, 0);
}

/* Each respondent sees the own questions asked of their group; the page
 * stays in the sidebar to add one, but Ctrl+Page Down passes it by while
 * it has none. */
static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) teachers = store_question (fixture, "Our lessons use the pupils' laptops",
                                                     RD_ITEM_KIND_STATEMENT, 1u << RD_GROUP_TEACHER);

  /* The respondent is a school leader: the page asks them nothing, and says so. */
  g_assert_cmpuint (rd_area_page_get_n_asked (own_page (fixture)), ==, 0);
  show_own_page (fixture);
  g_assert_true (gtk_widget_get_visible (rd_test_find_child (GTK_WIDGET (own_page (fixture)),
                                                             "own_questions_not_asked")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "beta");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-area", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_REVIEW_PAGE_NAME);

  /* As a teacher it is theirs. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rd_test_find_child (GTK_WIDGET (fixture->view), "group_dropdown")),
                              RD_GROUP_TEACHER);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_area_page_get_n_asked (own_page (fixture)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "beta");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-area", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_OWN_QUESTIONS_PAGE_NAME);
  /* The review lists it while it is unanswered. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_REVIEW_PAGE_NAME);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (rd_review_page_get_n_unanswered (rd_assessment_view_get_review_page (fixture->view)), ==, 7);
}

/* At most ten: the eleventh cannot be added. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  for (guint i = 0; i < RD_MAX_OWN_QUESTIONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u", i + 1);

      g_object_unref (store_question (fixture, text, RD_ITEM_KIND_YES_NO, RD_EVERY_GROUP));
    }
  show_own_page (fixture);
  g_assert_cmpuint (rd_area_page_get_n_rows (own_page (fixture)), ==, RD_MAX_OWN_QUESTIONS);
  g_assert_false (gtk_widget_is_sensitive (rd_test_find_child (GTK_WIDGET (own_page (fixture)), "add_own_question")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.add-own-question", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (find_dialog (fixture));
}

/* An advisor copies the questions to the other schools' assessments of
 * the year and is told how many went where. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) question = store_question (fixture, "Pupils enjoy the coding club",
                                                     RD_ITEM_KIND_STATEMENT, RD_EVERY_GROUP);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  AdwMessageDialog *dialog, *result;
  gint64 other_school, other;

  other_school = rd_store_add_school (fixture->store, "De Brug", NULL, RD_SCHOOL_TYPE_PRIMARY, &error);
  other = rd_store_add_assessment (fixture->store, other_school, "2026-2027", fixture->framework,
                                   RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);

  show_own_page (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.copy-own-questions", NULL);
  rd_test_wait_for_idle ();
  dialog = ADW_MESSAGE_DIALOG (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "own-copy"));
  g_assert_nonnull (dialog);
  /* The school is listed, ticked. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (rd_test_find_widget (GTK_WIDGET (dialog),
                                                                                     GTK_TYPE_CHECK_BUTTON, NULL))));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "own-questions-copy.png");
  adw_message_dialog_response (dialog, "copy");
  rd_test_wait_for_idle ();

  copied = rd_store_list_own_questions (fixture->store, other, &error);
  g_assert_cmpuint (copied->len, ==, 1);
  g_assert_cmpstr (rd_own_question_get_text (g_ptr_array_index (copied, 0)), ==, "Pupils enjoy the coding club");
  result = ADW_MESSAGE_DIALOG (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "own-copy-result"));
  g_assert_nonnull (result);
  g_assert_cmpstr (adw_message_dialog_get_body (result), ==,
                   "1 question was added to the assessment of 1 school.");
  gtk_window_destroy (GTK_WINDOW (result));
  rd_test_wait_for_idle ();
}

/* The results show them apart, with their answers, after the framework's
 * figures; the framework's figures do not change. */
static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) club = store_question (fixture, "Pupils enjoy the coding club", RD_ITEM_KIND_STATEMENT,
                                                 RD_EVERY_GROUP);
  g_autoptr(RdOwnQuestion) laptops = store_question (fixture, "Laptops we lend to pupils", RD_ITEM_KIND_NUMBER,
                                                    RD_EVERY_GROUP);
  RdResultsPage *page;
  GtkListBox *own;
  GtkWidget *row;
  RdFactorResult before[RD_N_FACTORS];

  g_assert_true (rd_item_row_choose (rd_area_page_lookup_row (rd_assessment_view_get_area_page (fixture->view,
                                                                                                "alpha"),
                                                              "a-plan"), 3));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  page = rd_assessment_view_get_results_page (fixture->view);
  own = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (page), "own"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (own, 0))), ==,
                   "Beta · not answered");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    rd_analysis_get_factor (rd_results_get_analysis (rd_results_page_get_results (page)), f, &before[f]);

  show_own_page (fixture);
  g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 4));
  g_assert_true (rd_item_row_enter_text (own_row (fixture, "own-2"), "150"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (own)));
  /* In the questions' order: own-1, own-2. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (own, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Beta · Agree (4) · score 75");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (own, 1));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Beta · 150 laptops · score 100");
  /* The framework's figures and count of answered items stay as they were. */
  g_assert_cmpuint (rd_results_get_n_answered (rd_results_page_get_results (page)), ==, 1);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult after;

      rd_analysis_get_factor (rd_results_get_analysis (rd_results_page_get_results (page)), f, &after);
      g_assert_true (after.readiness == before[f].readiness || (isnan (after.readiness) && isnan (before[f].readiness)));
      g_assert_cmpuint (after.n_answered, ==, before[f].n_answered);
    }

  gtk_widget_grab_focus (GTK_WIDGET (own));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (own), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    rd_test_wait_for_idle ();
  }
  rd_test_save_screenshot (fixture->window, "results-own-questions.png");
}

/* In a workshop round each participant answers the own questions of
 * their group and cannot change the questions; afterwards the results
 * hide a question answered by fewer people than the threshold. */
static void
test_workshop_round (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) teachers = store_question (fixture, "Our lessons use the pupils' laptops",
                                                     RD_ITEM_KIND_STATEMENT, 1u << RD_GROUP_TEACHER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  gboolean groups[RD_N_GROUPS] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  GtkWidget *row;

  rd_assessment_view_start_workshop (fixture->view, groups);
  rd_test_wait_for_idle ();
  /* Between participants nothing can be added. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.add-own-question", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (find_dialog (fixture));

  for (guint p = 0; p < 2; p++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.join", "u", (guint32) RD_GROUP_TEACHER);
      rd_test_wait_for_idle ();
      /* Their group's own question is theirs to answer, after the areas. */
      g_assert_cmpuint (rd_area_page_get_n_asked (own_page (fixture)), ==, 1);
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "beta");
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-area", NULL);
      rd_test_wait_for_idle ();
      g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, RD_OWN_QUESTIONS_PAGE_NAME);
      g_assert_false (rd_item_row_is_answered (own_row (fixture, "own-1")));
      g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 4 + p));
      /* A participant cannot change or remove the questions. */
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.remove-own-question", "s", "own-1");
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-participant", NULL);
      rd_test_wait_for_idle ();
    }
  rd_assessment_view_end_round (fixture->view);
  rd_test_wait_for_idle ();

  answers = rd_store_list_own_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM own_question WHERE trashed = 0"), ==, 1);

  /* Two people answered it, fewer than the threshold of 3. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (rd_test_find_child (
                              GTK_WIDGET (rd_assessment_view_get_results_page (fixture->view)), "own")), 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Beta · too few answers");
}

/* Every new screen, for the eyes (run again in Dutch). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  RdOwnQuestionDialog *dialog;

  show_own_page (fixture);
  rd_test_save_screenshot (fixture->window, "own-questions-empty.png");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.add-own-question", NULL);
  rd_test_wait_for_idle ();
  dialog = find_dialog (fixture);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "kind")), 2);
  rd_test_save_screenshot (GTK_WIDGET (dialog), "own-question-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();

  g_object_unref (store_question (fixture, "Pupils enjoy the coding club", RD_ITEM_KIND_STATEMENT, RD_EVERY_GROUP));
  g_object_unref (store_question (fixture, "Laptops we lend to pupils", RD_ITEM_KIND_NUMBER, RD_EVERY_GROUP));
  g_assert_true (rd_item_row_choose (own_row (fixture, "own-1"), 4));
  g_assert_true (rd_item_row_enter_text (own_row (fixture, "own-2"), "150"));
  rd_test_save_screenshot (fixture->window, "own-questions-page.png");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  rd_test_wait_for_idle ();
  {
    GtkWidget *own = rd_test_find_child (GTK_WIDGET (rd_assessment_view_get_results_page (fixture->view)), "own");
    GtkWidget *scrolled = gtk_widget_get_ancestor (own, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    rd_test_wait_for_idle ();
  }
  rd_test_save_screenshot (fixture->window, "results-own-questions.png");
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/own-ui/empty-state-and-add", test_empty_state_and_add);
  ADD ("/own-ui/dialog-error", test_dialog_error);
  ADD ("/own-ui/edit", test_edit);
  ADD ("/own-ui/remove-and-undo", test_remove_and_undo);
  ADD ("/own-ui/groups", test_groups);
  ADD ("/own-ui/limit", test_limit);
  ADD ("/own-ui/copy-to-other-schools", test_copy);
  ADD ("/own-ui/results", test_results);
  ADD ("/own-ui/workshop-round", test_workshop_round);
  ADD ("/own-ui/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
