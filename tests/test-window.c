#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rd-assessment-dialog.h"
#include "rd-compare-window.h"
#include "rd-exchange.h"
#include "rd-item-row-private.h"
#include "rd-limits.h"
#include "rd-anonymity.h"
#include "rd-preferences-window.h"
#include "rd-results.h"
#include "rd-school-dialog.h"
#include "rd-test-util.h"
#include "rd-window-private.h"
#include "rd-assessment-view-private.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  RdWindow *window;
} Fixture;

/* An empty store and the built-in framework in the main window. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (rd_window_new (NULL, fixture->store, fixture->framework));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer commands = rd_window_get_region_commands (fixture->window);

  g_object_add_weak_pointer (commands, &commands);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  /* Catches a window kept alive by a forgotten reference. */
  g_assert_finalize_object (fixture->window);
  /* …and its commands, which hold the store, kept by a tooltip's muxer. */
  g_assert_null (commands);
  rd_test_store_clear (&fixture->test_store);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The schools the list shows: it makes rows only for those in view. */
static guint
count_schools (GtkListView *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static void
type_school_name (GtkWindow  *dialog,
                  const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), RD_TYPE_SCHOOL_DIALOG,
                                                                      "name_row")), name);
}

static gint64
add_school_through_dialog (Fixture    *fixture,
                           const char *name)
{
  g_autoptr(GPtrArray) schools = NULL;
  GtkWindow *dialog;
  gint64 school_id = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-school", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  g_assert_true (RD_IS_SCHOOL_DIALOG (dialog));

  /* Nothing to save until there is a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  type_school_name (dialog, name);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  rd_test_wait_for_idle ();

  schools = rd_store_list_schools (fixture->store, NULL);
  for (guint i = 0; i < schools->len; i++)
    if (g_str_equal (rd_school_get_name (g_ptr_array_index (schools, i)), name))
      school_id = rd_school_get_id (g_ptr_array_index (schools, i));

  g_assert_cmpint (school_id, >, 0);
  return school_id;
}

static void
test_add_school_and_assessment (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkStack *sidebar_stack = GTK_STACK (rd_test_find_child (window, "sidebar_stack"));
  GtkListView *school_list = GTK_LIST_VIEW (rd_test_find_child (window, "school_list"));
  GtkListBox *assessment_list = GTK_LIST_BOX (rd_test_find_child (window, "assessment_list"));
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = rd_school_year_for_date (now);
  GtkWindow *dialog;
  gint64 school_id;

  /* The empty state says what to do first, and actions needing a school are off. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (rd_test_find_child (window, "new_assessment_button")));
  gtk_widget_activate_action (window, "win.new-assessment", NULL);
  g_assert_null (rd_window_get_dialog (fixture->window));
  rd_test_save_screenshot (window, "window-empty-light.png");

  school_id = add_school_through_dialog (fixture, "Sint-Jozefinstituut");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
  g_assert_cmpuint (count_schools (school_list), ==, 1);
  g_assert_cmpint (rd_window_get_selected_school (fixture->window), ==, school_id);

  gtk_widget_activate_action (window, "win.new-assessment", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  g_assert_true (RD_IS_ASSESSMENT_DIALOG (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), RD_TYPE_ASSESSMENT_DIALOG,
                                                                           "mode_row")), 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  rd_test_wait_for_idle ();

  assessments = rd_store_list_assessments (fixture->store, school_id, NULL);
  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_cmpint (rd_assessment_get_mode (g_ptr_array_index (assessments, 0)), ==, RD_ASSESSMENT_MODE_PULSE);
  g_assert_cmpstr (rd_assessment_get_school_year (g_ptr_array_index (assessments, 0)), ==, this_year);
  g_assert_cmpstr (rd_assessment_get_framework_id (g_ptr_array_index (assessments, 0)), ==,
                   RD_BUILTIN_FRAMEWORK_ID);
  g_assert_cmpuint (count_rows (assessment_list), ==, 1);

  /* The new assessment opens, ready to be answered. */
  g_assert_nonnull (rd_window_get_assessment_view (fixture->window));
  g_assert_cmpint (rd_assessment_view_get_assessment_id (rd_window_get_assessment_view (fixture->window)), ==,
                   rd_assessment_get_id (g_ptr_array_index (assessments, 0)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (rd_test_find_child (window, "main_stack"))), ==,
                   "assessment");
  gtk_widget_activate_action (GTK_WIDGET (rd_window_get_assessment_view (fixture->window)), "assessment.close", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (rd_window_get_assessment_view (fixture->window));

  /* Cancelling adds nothing. */
  gtk_widget_activate_action (window, "win.new-assessment", NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (rd_window_get_dialog (fixture->window)), "cancel");
  rd_test_wait_for_idle ();
  g_clear_pointer (&assessments, g_ptr_array_unref);
  assessments = rd_store_list_assessments (fixture->store, school_id, NULL);
  g_assert_cmpuint (assessments->len, ==, 1);
}

static void
test_rename_school (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(RdSchool) school = NULL;
  GtkWindow *dialog;
  gint64 school_id;

  school_id = add_school_through_dialog (fixture, "Atheneum");
  gtk_widget_activate_action (window, "win.rename-school", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  g_assert_cmpstr (rd_school_dialog_get_name (RD_SCHOOL_DIALOG (dialog)), ==, "Atheneum");
  /* Typing stops at the store's limit. */
  {
    g_autofree char *long_name = g_strnfill (RD_MAX_SCHOOL_NAME + 20, 'a');

    type_school_name (dialog, long_name);
    g_assert_cmpuint (strlen (rd_school_dialog_get_name (RD_SCHOOL_DIALOG (dialog))), ==, RD_MAX_SCHOOL_NAME);
  }
  type_school_name (dialog, "Koninklijk Atheneum");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  rd_test_wait_for_idle ();

  school = rd_store_get_school (fixture->store, school_id, NULL);
  g_assert_cmpstr (rd_school_get_name (school), ==, "Koninklijk Atheneum");
}

/* The text of the school list's row for @name, below the name. */
static const char *
school_row_details (Fixture    *fixture,
                    const char *name)
{
  GtkWidget *school_list = rd_test_find_child (GTK_WIDGET (fixture->window), "school_list");

  /* The rows the list view made: a list item widget each, the box in it. */
  rd_test_wait_for_idle ();
  for (GtkWidget *row = gtk_widget_get_first_child (school_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      if (label != NULL && GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0)
        {
          GtkWidget *details = gtk_widget_get_next_sibling (label);

          return gtk_widget_get_visible (details) ? gtk_label_get_text (GTK_LABEL (details)) : NULL;
        }
    }
  g_assert_not_reached ();
}

/* The type is chosen from a list, shown in the school list, and a note
 * an older version left is shown until the school is saved. */
static void
test_school_type (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(RdSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *row;
  GListModel *choices;
  GtkWindow *dialog;
  gint64 school_id;
  sqlite3 *db = NULL;

  /* Adding: "Not set" unless chosen. */
  gtk_widget_activate_action (window, "win.add-school", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  row = ADW_COMBO_ROW (rd_test_find_child (GTK_WIDGET (dialog), "type_row"));
  choices = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, RD_N_SCHOOL_TYPES);
  for (RdSchoolType t = RD_SCHOOL_TYPE_UNSET; t < RD_N_SCHOOL_TYPES; t++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, t);

      g_assert_cmpstr (gtk_string_object_get_string (choice), ==, rd_school_type_get_title (t));
    }
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RD_SCHOOL_TYPE_UNSET);
  type_school_name (dialog, "Sint-Jozef");
  adw_combo_row_set_selected (row, RD_SCHOOL_TYPE_SPECIAL);
  rd_test_save_screenshot (GTK_WIDGET (dialog), "school-dialog-type.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  rd_test_wait_for_idle ();
  school_id = rd_window_get_selected_school (fixture->window);
  school = rd_store_get_school (fixture->store, school_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_school_get_school_type (school), ==, RD_SCHOOL_TYPE_SPECIAL);
  g_assert_cmpstr (school_row_details (fixture, "Sint-Jozef"), ==, "Special education");

  /* A database of version 5 whose free text became "other". */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE school SET region = 'Gent', school_type = 'other', "
                                     "type_note = 'Montessori'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  rd_store_notify_schools_changed (fixture->store);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (school_row_details (fixture, "Sint-Jozef"), ==, "Gent · Other (“Montessori”)");
  rd_test_save_screenshot (window, "window-school-type-note.png");

  gtk_widget_activate_action (window, "win.rename-school", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  row = ADW_COMBO_ROW (rd_test_find_child (GTK_WIDGET (dialog), "type_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RD_SCHOOL_TYPE_OTHER);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The type was “Montessori”. Choose the type that fits best.");
  rd_test_save_screenshot (GTK_WIDGET (dialog), "school-dialog-type-note.png");
  adw_combo_row_set_selected (row, RD_SCHOOL_TYPE_PRIMARY);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  rd_test_wait_for_idle ();

  g_clear_object (&school);
  school = rd_store_get_school (fixture->store, school_id, &error);
  g_assert_cmpint (rd_school_get_school_type (school), ==, RD_SCHOOL_TYPE_PRIMARY);
  g_assert_null (rd_school_get_type_note (school));
  g_assert_cmpstr (school_row_details (fixture, "Sint-Jozef"), ==, "Gent · Primary education");

  /* Editing shows the type the school has. */
  gtk_widget_activate_action (window, "win.rename-school", NULL);
  dialog = rd_window_get_dialog (fixture->window);
  g_assert_cmpint (rd_school_dialog_get_school_type (RD_SCHOOL_DIALOG (dialog)), ==, RD_SCHOOL_TYPE_PRIMARY);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  rd_test_wait_for_idle ();
}

static void
test_delete_school_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkListView *school_list = GTK_LIST_VIEW (rd_test_find_child (window, "school_list"));
  g_autoptr(GPtrArray) schools = NULL;
  gint64 school_id;

  add_school_through_dialog (fixture, "Keep");
  school_id = add_school_through_dialog (fixture, "Drop");
  g_assert_cmpuint (count_schools (school_list), ==, 2);

  gtk_widget_activate_action (window, "win.delete-school", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_schools (school_list), ==, 1);
  schools = rd_store_list_schools (fixture->store, NULL);
  g_assert_cmpuint (schools->len, ==, 1);
  g_clear_pointer (&schools, g_ptr_array_unref);

  /* The toast's Undo button runs this action. */
  gtk_widget_activate_action (window, "win.undo-delete-school", "x", school_id);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_schools (school_list), ==, 2);
  g_assert_cmpint (rd_window_get_selected_school (fixture->window), ==, school_id);
  schools = rd_store_list_schools (fixture->store, NULL);
  g_assert_cmpuint (schools->len, ==, 2);
}

static void
test_delete_assessment_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkListBox *assessment_list = GTK_LIST_BOX (rd_test_find_child (window, "assessment_list"));
  g_autoptr(GError) error = NULL;
  gint64 school_id, assessment_id;

  school_id = add_school_through_dialog (fixture, "Atheneum");
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2025-2026", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_rows (assessment_list), ==, 1);

  gtk_widget_activate_action (window, "win.delete-assessment", "x", assessment_id);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_rows (assessment_list), ==, 0);

  gtk_widget_activate_action (window, "win.undo-delete-assessment", "x", assessment_id);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_rows (assessment_list), ==, 1);
}

static void
test_open_assessment (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkStack *main_stack = GTK_STACK (rd_test_find_child (window, "main_stack"));
  GtkListBox *assessment_list = GTK_LIST_BOX (rd_test_find_child (window, "assessment_list"));
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GError) error = NULL;
  RdAssessmentView *view;
  gint64 school_id, assessment_id;
  RdItemRow *row;

  school_id = add_school_through_dialog (fixture, "Atheneum");
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_wait_for_idle ();

  /* The row's Open button opens the questionnaire. */
  g_signal_emit_by_name (rd_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (assessment_list, 0)),
                                              GTK_TYPE_BUTTON, "win.open-assessment"), "clicked");
  rd_test_wait_for_idle ();
  view = rd_window_get_assessment_view (fixture->window);
  g_assert_nonnull (view);
  g_assert_cmpint (rd_assessment_view_get_assessment_id (view), ==, assessment_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "assessment");

  /* With the questionnaire open, Delete must not reach the school. */
  gtk_widget_activate_action (window, "win.delete-school", NULL);
  rd_test_wait_for_idle ();
  schools = rd_store_list_schools (fixture->store, NULL);
  g_assert_cmpuint (schools->len, ==, 1);

  row = rd_area_page_get_row (rd_assessment_view_get_area_page (view, "strategy"), 1);
  g_assert_true (rd_item_row_choose (row, 3));

  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.close", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (rd_window_get_assessment_view (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "home");

  /* The list caught up with the answer given meanwhile. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (assessment_list, 0))),
                   ==, "Draft · 1 of 83 items answered");

  /* A workshop: three people, overlapping items. The list, the Results
   * page and the report count the same thing, items anyone answered whom
   * the item asks: the learner's answer about MFA does not count. */
  {
    RdItem *targets = rd_framework_lookup_item (fixture->framework, "str-targets");
    RdItem *leadership = rd_framework_get_item (fixture->framework, 1);
    RdItem *stakeholders = rd_framework_lookup_item (fixture->framework, "eng-stakeholder-voice");
    g_autoptr(RdResults) results = NULL;
    gint64 teacher, learner;

    g_assert_cmpstr (rd_item_get_id (leadership), ==, "str-leadership");
    teacher = rd_store_add_respondent (fixture->store, assessment_id, RD_GROUP_TEACHER, NULL, &error);
    learner = rd_store_add_respondent (fixture->store, assessment_id, RD_GROUP_LEARNER, NULL, &error);
    rd_store_set_answer_value (fixture->store, teacher, targets, 1, &error);
    rd_store_set_answer_value (fixture->store, teacher, leadership, 4, &error);
    rd_store_set_answer_not_applicable (fixture->store, learner, stakeholders, &error);
    rd_store_set_answer_value (fixture->store, learner,
                               rd_framework_lookup_item (fixture->framework, "cyb-mfa-admin"), 1, &error);
    g_assert_no_error (error);
    rd_test_wait_for_idle ();

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (assessment_list, 0))),
                     ==, "Draft · 3 of 83 items answered · 3 respondents");
    results = rd_results_load (fixture->store, fixture->framework, assessment_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rd_results_get_n_answered (results), ==, 3);
    g_assert_cmpuint (rd_results_get_n_items (results), ==, 83);
  }
}

/* Alt+← goes back to the assessments at the first press, pressed with an
 * item focused (the leaflet's own Alt+← once took the first press). */
static void
test_alt_left_goes_back_at_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GError) error = NULL;
  RdAssessmentView *view;
  GtkWidget *row, *focus;
  gint64 school_id, assessment_id;

  school_id = add_school_through_dialog (fixture, "Atheneum");
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_wait_for_idle ();
  gtk_widget_activate_action (window, "win.open-assessment", "x", assessment_id);
  rd_test_wait_for_idle ();
  view = rd_window_get_assessment_view (fixture->window);
  g_assert_nonnull (view);

  row = GTK_WIDGET (rd_area_page_get_row (rd_assessment_view_get_area_page (view, "strategy"), 1));
  g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  g_assert_true (rd_test_press_key (window, GDK_KEY_Left, GDK_ALT_MASK));
  rd_test_wait_for_idle ();
  g_assert_null (rd_window_get_assessment_view (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (rd_test_find_child (window, "main_stack"))), ==,
                   "home");
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = rd_preferences_window_new (NULL, settings);
  GtkSpinButton *threshold;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  threshold = GTK_SPIN_BUTTON (rd_test_find_child (window, "threshold_button"));
  /* The core's limits, the one definition. */
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (threshold)), ==,
                     RD_ANONYMITY_THRESHOLD_MIN);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (threshold)), ==,
                     RD_ANONYMITY_THRESHOLD_MAX);
  g_assert_cmpint (g_settings_get_int (settings, "anonymity-threshold"), ==, RD_ANONYMITY_THRESHOLD_DEFAULT);
  g_assert_cmpuint (rd_preferences_get_anonymity_threshold (), ==, RD_ANONYMITY_THRESHOLD_DEFAULT);
  g_assert_cmpfloat (gtk_spin_button_get_value (threshold), ==, 3);

  gtk_spin_button_set_value (threshold, 5);
  g_assert_cmpint (g_settings_get_int (settings, "anonymity-threshold"), ==, 5);
  g_assert_cmpuint (rd_preferences_get_anonymity_threshold (), ==, 5);
  /* Fewer than two would single out one person: the spin button stops there. */
  gtk_spin_button_set_value (threshold, 1);
  g_assert_cmpint (g_settings_get_int (settings, "anonymity-threshold"), ==, 2);
  rd_test_save_screenshot (window, "preferences-light.png");

  g_settings_reset (settings, "anonymity-threshold");
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
}

/* A school with a few years of assessments, for the screenshots. */
static void
populate (Fixture *fixture)
{
  RdFramework *framework = fixture->framework;
  g_autoptr(GError) error = NULL;
  static const char *years[] = { "2024-2025", "2025-2026", "2026-2027" };
  gint64 school_id;

  rd_store_add_school (fixture->store, "Atheneum Brugge", "West-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY, &error);
  rd_store_add_school (fixture->store, "De Regenboog", "Utrecht", RD_SCHOOL_TYPE_PRIMARY, &error);
  school_id = rd_store_add_school (fixture->store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY, &error);
  g_assert_no_error (error);

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      gint64 assessment_id = rd_store_add_assessment (fixture->store, school_id, years[y], framework,
                                                      RD_ASSESSMENT_MODE_FULL, &error);
      gint64 respondent = rd_store_add_respondent (fixture->store, assessment_id, RD_GROUP_LEADER, NULL, &error);
      guint n_items = rd_framework_get_n_items (framework);
      guint answered = y == 2 ? n_items / 3 : n_items;

      for (guint i = 0; i < answered; i++)
        {
          RdItem *item = rd_framework_get_item (framework, i);

          if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
            rd_store_set_answer_not_applicable (fixture->store, respondent, item, &error);
          else
            rd_store_set_answer_value (fixture->store, respondent, item,
                                       rd_item_get_kind (item) == RD_ITEM_KIND_YES_NO ? 1
                                       : rd_item_get_kind (item) == RD_ITEM_KIND_STATEMENT ? 3
                                       : rd_item_get_min (item), &error);
          g_assert_no_error (error);
        }

      if (y < 2)
        rd_store_set_assessment_status (fixture->store, assessment_id, RD_ASSESSMENT_STATUS_COMPLETE, &error);
    }
  rd_store_add_assessment (fixture->store, school_id, "2026-2027", framework,
                           RD_ASSESSMENT_MODE_PULSE, &error);
  g_assert_no_error (error);

  rd_window_select_school (fixture->window, school_id);
  rd_test_wait_for_idle ();
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_find_child (window, "leaflet"));

  populate (fixture);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  rd_test_save_screenshot (window, "window-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  rd_test_save_screenshot (window, "window-dark.png");

  /* A phone-sized window folds to one column and shows the selected school. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_widget_queue_resize (window);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (window, "window-narrow-light.png");
  g_assert_true (adw_leaflet_get_folded (leaflet));

  gtk_widget_activate_action (window, "win.show-schools", NULL);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (window, "window-narrow-schools-light.png");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Export for the Region asks each time, with commentary and evidence off
 * unless the school ticks the box; ticked, the file carries them. */
static void
test_export_asks_for_evidence (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *plain_path = g_build_filename (fixture->dir, "plain.readiness", NULL);
  g_autofree char *with_path = g_build_filename (fixture->dir, "with.readiness", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *with = NULL;
  g_autoptr(GError) error = NULL;
  RdRegionCommands *commands = rd_window_get_region_commands (fixture->window);
  AdwMessageDialog *dialog;
  GtkWidget *check;
  gint64 school_id, assessment_id;

  school_id = rd_store_add_school (fixture->store, "Sint-Jozef", "Gent", RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_cmpint (rd_store_add_evidence (fixture->store, &(RdEvidenceInfo) {
    .assessment_id = assessment_id, .item_id = rd_item_get_id (rd_framework_get_item (fixture->framework, 0)),
    .title = "ICT policy", .location = "https://school.example/p.pdf" }, &error), >, 0);
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (commands), "export-school", g_variant_new_int64 (school_id));
  while ((dialog = find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  check = rd_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "export-for-region.png");
  adw_message_dialog_response (dialog, "cancel");
  rd_test_wait_for_idle ();

  g_assert_true (rd_region_commands_export_school (commands, school_id, RD_EXCHANGE_ANSWERS, FALSE, plain_path, &error));
  g_assert_true (rd_region_commands_export_school (commands, school_id, RD_EXCHANGE_ANSWERS, TRUE, with_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (plain_path, &plain, NULL, NULL));
  g_assert_true (g_file_get_contents (with_path, &with, NULL, NULL));
  g_assert_null (strstr (plain, "ICT policy"));
  g_assert_nonnull (strstr (with, "\"title\" : \"ICT policy\""));
}

/* A school's exchange file, exported from the school menu's action and
 * opened again as the desktop would: the school comes back whole. */
static void
test_export_and_import_school (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *file_path = g_build_filename (fixture->dir, "sint-jozef.readiness", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  RdRegionCommands *actions = rd_window_get_region_commands (fixture->window);
  AdwMessageDialog *dialog;
  gint64 school_id, assessment_id, respondent;
  GStatBuf info;

  school_id = rd_store_add_school (fixture->store, "Sint-Jozef", "Gent", RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  respondent = rd_store_ensure_respondent (fixture->store, assessment_id, &error);
  rd_store_set_answer_value (fixture->store, respondent, rd_framework_get_item (fixture->framework, 1), 4, &error);
  g_assert_no_error (error);

  g_assert_true (rd_region_commands_export_school (actions, school_id, RD_EXCHANGE_ANSWERS, FALSE, file_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (file_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Gone from this database, then opened from the file. */
  g_assert_true (rd_store_trash_school (fixture->store, school_id, &error));
  g_assert_true (rd_store_purge_school (fixture->store, school_id, &error));
  rd_test_wait_for_idle ();

  rd_window_import_files (fixture->window, &file, 1);
  while ((dialog = find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "School Files Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 file imported, of 1 school: 1 new, 0 updated."));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "import-summary.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();

  /* The window's list follows what the worker's connection stored. */
  schools = rd_store_list_schools (fixture->store, &error);
  g_assert_cmpuint (schools->len, ==, 1);
  assessments = rd_store_list_assessments (fixture->store, rd_school_get_id (g_ptr_array_index (schools, 0)), &error);
  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_cmpuint (rd_assessment_get_n_answers (g_ptr_array_index (assessments, 0)), ==, 1);
  g_assert_cmpuint (count_schools (GTK_LIST_VIEW (rd_test_find_child (GTK_WIDGET (fixture->window), "school_list"))),
                    ==, 1);

  /* Two files of one school: counted as files, and as one school. */
  {
    g_autofree char *copy_path = g_build_filename (fixture->dir, "sint-jozef-copy.readiness", NULL);
    g_autofree char *contents = NULL;
    gsize length;
    GFile *both[2];

    g_assert_true (g_file_get_contents (file_path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy_path, contents, (gssize) length, NULL));
    both[0] = file;
    both[1] = g_file_new_for_path (copy_path);
    rd_window_import_files (fixture->window, both, 2);
    while ((dialog = find_message_dialog ()) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 files imported, of 1 school: 0 new, 1 updated."));
    gtk_window_destroy (GTK_WINDOW (dialog));
    rd_test_wait_for_idle ();
    g_object_unref (both[1]);
  }
}

/* A region's folder of school files, imported into an empty database as
 * Import a Folder of School Files… does: the sidebar lists every school,
 * never "No Schools Yet" (once seen with 7 schools stored; not reproduced
 * here, this holds the behaviour). */
static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder_path = g_build_filename (fixture->dir, "region", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  RdRegionCommands *commands = rd_window_get_region_commands (fixture->window);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkStack *sidebar_stack = GTK_STACK (rd_test_find_child (window, "sidebar_stack"));
  GtkListView *school_list = GTK_LIST_VIEW (rd_test_find_child (window, "school_list"));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const guint n_schools = 7;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %u", i + 1);
      g_autofree char *file_name = g_strdup_printf ("school-%u.readiness", i + 1);
      g_autofree char *path = g_build_filename (folder_path, file_name, NULL);
      gint64 school_id = rd_store_add_school (fixture->store, name, "Kust", RD_SCHOOL_TYPE_PRIMARY, &error);
      gint64 assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework,
                                                      RD_ASSESSMENT_MODE_PULSE, &error);
      gint64 respondent = rd_store_ensure_respondent (fixture->store, assessment_id, &error);

      rd_store_set_answer_value (fixture->store, respondent, rd_framework_get_item (fixture->framework, 1), 3, &error);
      g_assert_true (rd_region_commands_export_school (commands, school_id, RD_EXCHANGE_ANSWERS, FALSE, path, &error));
      g_assert_no_error (error);
      g_assert_true (rd_store_trash_school (fixture->store, school_id, &error));
      g_assert_true (rd_store_purge_school (fixture->store, school_id, &error));
    }
  rd_test_wait_for_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "empty");

  rd_region_commands_import_and_report (commands, &folder, 1);
  while ((dialog = find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "7 files imported, of 7 schools: 7 new"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();

  g_assert_cmpuint (count_schools (school_list), ==, n_schools);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (school_list)));
}

/* Compare Schools imports through the main window's "region" commands:
 * its Import School Files… button works, and opens the import. */
static void
test_compare_imports (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *compare, *chooser;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", NULL);
  compare = rd_test_wait_for_toplevel (RD_TYPE_COMPARE_WINDOW, NULL);
  /* No assessments yet: the invitation to import. */
  button = rd_test_find_widget (GTK_WIDGET (compare), GTK_TYPE_BUTTON, "region.import-files");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  chooser = rd_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import School Files");
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (fixture->window));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  rd_test_wait_for_idle ();

  gtk_window_destroy (compare);
  rd_test_wait_for_idle ();
}

/* Schools "School 0001" … in the region Kust, the last one's id. */
static gint64
import_numbered_schools (Fixture *fixture,
                         guint    n)
{
  g_autoptr(GPtrArray) exchange = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_name = g_strdup_printf ("School %04u", n);
  RdSchool *last;

  for (guint i = 0; i < n; i++)
    {
      RdExchangeSchool *school = rd_exchange_school_new ();

      school->uuid = g_strdup_printf ("5e1f0000-0000-4000-8001-%012u", i);
      school->name = g_strdup_printf ("School %04u", i + 1);
      school->region = g_strdup ("Kust");
      school->school_type = RD_SCHOOL_TYPE_PRIMARY;
      school->framework_id = g_strdup (rd_framework_get_id (fixture->framework));
      g_ptr_array_add (exchange, school);
    }
  g_assert_true (rd_store_import_schools (fixture->store, fixture->framework, exchange, &error));
  g_assert_no_error (error);

  schools = rd_store_list_schools (fixture->store, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (schools, schools->len - 1);
  g_assert_cmpstr (rd_school_get_name (last), ==, last_name);
  return rd_school_get_id (last);
}

static guint
count_row_widgets (GtkListView *list)
{
  guint n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  return n_rows;
}

/* A region's advisor keeps thousands of schools: the list makes rows only
 * for those in view (a row per school cost 9 KB each), and choosing a
 * school far down brings its row into view. */
static void
test_many_schools (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkListView *school_list = GTK_LIST_VIEW (rd_test_find_child (window, "school_list"));
  gint64 last_id = import_numbered_schools (fixture, 2000);
  guint n_rows;

  rd_test_wait_for_idle ();
  gtk_test_widget_wait_for_draw (window);

  g_assert_cmpuint (count_schools (school_list), ==, 2000);
  n_rows = count_row_widgets (school_list);
  g_test_message ("%u row widgets for 2000 schools", n_rows);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <=, 250);

  rd_window_select_school (fixture->window, last_id);
  gtk_test_widget_wait_for_draw (window);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (school_list))),
                    ==, 1999);
  g_assert_cmpstr (school_row_details (fixture, "School 2000"), ==, "Kust · Primary education");
}

/* The window opening on a region makes a screenful of rows before it
 * first shows, not the 200 GTK 4.8 keeps (most of the time a big
 * database added to the start), and lists every school once drawn; a
 * school far down chosen before then (a resumed round) is still found. */
static void
test_many_schools_at_start (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 last_id = import_numbered_schools (fixture, 300);
  GtkWidget *window = g_object_ref_sink (GTK_WIDGET (rd_window_new (NULL, fixture->store, fixture->framework)));
  GtkListView *school_list = GTK_LIST_VIEW (rd_test_find_child (window, "school_list"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (school_list));
  GtkWidget *other = g_object_ref_sink (GTK_WIDGET (rd_window_new (NULL, fixture->store, fixture->framework)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpuint (count_row_widgets (school_list), <=, 60);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (count_row_widgets (school_list), <=, 60);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  gtk_test_widget_wait_for_draw (window);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_schools (school_list), ==, 300);
  g_assert_cmpuint (count_row_widgets (school_list), >, 60);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  rd_window_select_school (RD_WINDOW (other), last_id);
  school_list = GTK_LIST_VIEW (rd_test_find_child (other, "school_list"));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (school_list));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 299);
  g_assert_cmpstr (rd_school_get_name (gtk_single_selection_get_selected_item (selection)), ==, "School 0300");

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (other));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (other);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/export-and-import-school", test_export_and_import_school);
  ADD ("/ui/window/export-asks-for-evidence", test_export_asks_for_evidence);
  ADD ("/ui/window/add-school-and-assessment", test_add_school_and_assessment);
  ADD ("/ui/window/rename-school", test_rename_school);
  ADD ("/ui/window/school-type", test_school_type);
  ADD ("/ui/window/delete-school-undo", test_delete_school_undo);
  ADD ("/ui/window/compare-imports", test_compare_imports);
  ADD ("/ui/window/import-folder", test_import_folder);
  ADD ("/ui/window/many-schools", test_many_schools);
  ADD ("/ui/window/many-schools-at-start", test_many_schools_at_start);
  ADD ("/ui/window/delete-assessment-undo", test_delete_assessment_undo);
  ADD ("/ui/window/open-assessment", test_open_assessment);
  ADD ("/ui/window/alt-left-goes-back-at-once", test_alt_left_goes_back_at_once);
  ADD ("/ui/window/screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/ui/preferences/anonymity-threshold", test_preferences);

  return g_test_run ();
}
