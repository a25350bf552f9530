/* The professional-learning log in the app: its page, the dialogs that
 * add staff and activities, removal with Undo, the figure on the
 * question it answers, and the window's way in; real widgets on a real
 * store with the built-in framework. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-activity-dialog.h"
#include "rd-area-page.h"
#include "rd-assessment-view.h"
#include "rd-item-row-private.h"
#include "rd-learning-export.h"
#include "rd-report.h"
#include "rd-learning-log-page-private.h"
#include "rd-staff-dialog.h"
#include "rd-test-util.h"
#include "rd-window-private.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  GtkWidget *window;
  RdLearningLogPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  fixture->page = RD_LEARNING_LOG_PAGE (rd_learning_log_page_new (fixture->store, fixture->framework,
                                                                 fixture->school_id, "Sint-Jozefinstituut"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_test_wait_for_idle ();
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

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *id)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, id));

  g_assert_nonnull (found);
  return found;
}

static void
type_into (gpointer    widget,
           GType       type,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, id)), text);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->page, RD_TYPE_LEARNING_LOG_PAGE, "stack")));
}

static guint
n_staff_rows (Fixture *fixture)
{
  GtkWidget *list = child (fixture->page, RD_TYPE_LEARNING_LOG_PAGE, "staff_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_EXPANDER_ROW (row);
  return n;
}

static const char *
figure (Fixture    *fixture,
        const char *id)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture->page, RD_TYPE_LEARNING_LOG_PAGE, id)));
}

static char *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
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

static void
click_save (gpointer dialog,
            GType    type)
{
  GtkWidget *save = child (dialog, type, "save_button");

  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  rd_test_wait_for_idle ();
}

static gint64
add_staff_through_dialog (Fixture    *fixture,
                          const char *name,
                          guint       group_position)
{
  GtkWindow *dialog = rd_learning_log_page_edit_staff (fixture->page, 0);

  g_assert_true (RD_IS_STAFF_DIALOG (dialog));
  type_into (dialog, RD_TYPE_STAFF_DIALOG, "name_row", name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, RD_TYPE_STAFF_DIALOG, "group_row")), group_position);
  click_save (dialog, RD_TYPE_STAFF_DIALOG);
  return count_rows (fixture, "SELECT max(id) FROM staff_member");
}

static void
test_empty_and_add (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *message;
  g_autofree char *recent = days_ago (30);
  gint64 ann;

  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  rd_test_save_screenshot (fixture->window, "learning-log-empty.png");

  /* A date that is none: said, nothing stored, the dialog stays. */
  dialog = rd_learning_log_page_edit_staff (fixture->page, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_into (dialog, RD_TYPE_STAFF_DIALOG, "name_row", "Ann de Vries");
  type_into (dialog, RD_TYPE_STAFF_DIALOG, "joined_row", "31-02-2025");
  click_save (dialog, RD_TYPE_STAFF_DIALOG);
  g_assert_nonnull (dialog);
  message = child (dialog, RD_TYPE_STAFF_DIALOG, "message");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM staff_member"), ==, 0);
  type_into (dialog, RD_TYPE_STAFF_DIALOG, "joined_row", "");
  click_save (dialog, RD_TYPE_STAFF_DIALOG);
  g_assert_null (dialog);

  ann = count_rows (fixture, "SELECT id FROM staff_member WHERE name = 'Ann de Vries' AND staff_group = 'teacher'");
  g_assert_cmpint (ann, >, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "log");
  g_assert_cmpuint (n_staff_rows (fixture), ==, 1);
  g_assert_cmpstr (figure (fixture, "staff_figure"), ==, "1");
  g_assert_cmpstr (figure (fixture, "cyber_figure"), ==, "0 % of 1 staff member");

  /* An activity: a bad workload is said, then the record is saved. */
  dialog = rd_learning_log_page_edit_activity (fixture->page, ann, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (RD_IS_ACTIVITY_DIALOG (dialog));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "save_button")));
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "title_row", "Phishing awareness");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "issued_row", recent);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "completeness_label"))),
                   ==, "7 elements missing: Country or region of the issuer, Awarding body, Learning outcomes, "
                       "Notional workload, Type of assessment, Form of participation, Type of quality assurance.");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "hours_row", "three");
  click_save (dialog, RD_TYPE_ACTIVITY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "message")));
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "hours_row", "2001");
  click_save (dialog, RD_TYPE_ACTIVITY_DIALOG);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "message"))), ==,
                   "A workload of more than 2000 hours is more than a year of study");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM learning_activity"), ==, 0);

  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "hours_row", "3");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "country_row", "BE");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "body_row", "Cybersecurity Coalition");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "assessment_row", "Online quiz");
  type_into (dialog, RD_TYPE_ACTIVITY_DIALOG, "quality_row", "Provider’s own review");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "participation_row")),
                              RD_PARTICIPATION_ONLINE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            RD_TYPE_ACTIVITY_DIALOG, "outcomes")),
                            "Recognises a phishing mail", -1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "completeness_label"))),
                   ==, "A complete micro-credential record.");
  {
    /* The area: the check row titled Cybersecurity. */
    GtkWidget *group = child (dialog, RD_TYPE_ACTIVITY_DIALOG, "areas_group");
    GtkWidget *check = NULL;
    RdArea *area = rd_framework_lookup_area (fixture->framework, "cybersecurity");
    GtkWidget *row = rd_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL);

    for (; row != NULL; row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     rd_text_get_localized (rd_area_get_title (area))) == 0)
        check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  }
  rd_test_save_screenshot (GTK_WIDGET (dialog), "learning-activity-dialog.png");
  click_save (dialog, RD_TYPE_ACTIVITY_DIALOG);
  g_assert_null (dialog);

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM learning_activity a JOIN learning_area r "
                                        "ON r.activity_id = a.id WHERE r.area_id = 'cybersecurity' "
                                        "AND a.workload_hours = 3 AND a.participation = 'online'"), ==, 1);
  g_assert_cmpstr (figure (fixture, "cyber_figure"), ==, "100 % of 1 staff member");
  g_assert_cmpstr (figure (fixture, "hours_figure"), ==, "3 hours");
  add_staff_through_dialog (fixture, "Bert", 1);
  g_assert_cmpstr (figure (fixture, "cyber_figure"), ==, "50 % of 2 staff");
  g_assert_cmpstr (figure (fixture, "teaching_figure"), ==, "0 % of 1 teacher");
  g_assert_cmpuint (n_staff_rows (fixture), ==, 2);
}

static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *recent = days_ago (10);
  RdStaffMemberInfo staff = { .school_id = fixture->school_id, .name = "Ann", .group = RD_GROUP_TEACHER };
  g_autoptr(GError) error = NULL;
  gint64 ann = rd_store_add_staff_member (fixture->store, &staff, &error);
  RdLearningActivityInfo info = { .staff_id = ann, .title = "Workshop", .issued = recent };
  gint64 activity = rd_store_add_learning_activity (fixture->store, &info, &error);

  g_assert_no_error (error);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (n_staff_rows (fixture), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "log.remove-activity", "x", activity);
  rd_test_wait_for_idle ();
  g_assert_cmpint (count_rows (fixture, "SELECT trashed FROM learning_activity"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "log.undo-remove-activity", "x", activity);
  rd_test_wait_for_idle ();
  g_assert_cmpint (count_rows (fixture, "SELECT trashed FROM learning_activity"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "log.remove-staff", "x", ann);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "log.undo-remove-staff", "x", ann);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (visible_page (fixture), ==, "log");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM learning_activity WHERE trashed = 0"), ==, 1);
}

/* The figure on the question it answers, and an answer that overrides it. */
static void
test_item_row (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recent = days_ago (5);
  RdStaffMemberInfo staff = { .school_id = fixture->school_id, .name = "Ann", .group = RD_GROUP_TEACHER };
  gint64 ann = rd_store_add_staff_member (fixture->store, &staff, &error);
  static const char * const areas[] = { "cybersecurity", NULL };
  RdLearningActivityInfo info = { .staff_id = ann, .title = "Phishing", .issued = recent, .area_ids = areas };
  GtkWidget *view = rd_assessment_view_new (fixture->store, fixture->framework, fixture->assessment_id, &error);
  RdItemRow *row;

  g_assert_no_error (error);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), view);
  fixture->page = NULL;
  rd_test_wait_for_idle ();
  row = rd_area_page_lookup_row (rd_assessment_view_get_area_page (RD_ASSESSMENT_VIEW (view), "cybersecurity"),
                                 "cyb-staff-trained");
  g_assert_nonnull (row);
  g_assert_cmpstr (rd_item_row_get_log_figure (row), ==,
                   "From the log: 0 % of 1 staff member. This counts until an answer is given here.");
  g_assert_cmpstr (rd_item_row_get_log_figure (rd_area_page_lookup_row (
    rd_assessment_view_get_area_page (RD_ASSESSMENT_VIEW (view), "training"), "trn-pedagogy-training")), ==,
                   "From the log: 0 % of 1 teacher. This counts until an answer is given here.");
  /* A question the log does not answer shows nothing. */
  g_assert_null (rd_item_row_get_log_figure (rd_area_page_lookup_row (
    rd_assessment_view_get_area_page (RD_ASSESSMENT_VIEW (view), "cybersecurity"), "cyb-patching")));

  g_assert_cmpint (rd_store_add_learning_activity (fixture->store, &info, &error), >, 0);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_item_row_get_log_figure (row), ==,
                   "From the log: 100 % of 1 staff member. This counts until an answer is given here.");
  /* An answer given here counts instead, and the row says so; clearing it
   * lets the log count again. */
  {
    g_autoptr(RdAnswer) answer = rd_answer_new ();

    answer->item_id = g_strdup ("cyb-staff-trained");
    answer->value = 40;
    rd_item_row_show_answer (row, answer);
    g_assert_cmpstr (rd_item_row_get_log_figure (row), ==,
                     "From the log: 100 % of 1 staff member. Not counted: the answer given here counts instead.");
    rd_item_row_show_answer (row, NULL);
    g_assert_cmpstr (rd_item_row_get_log_figure (row), ==,
                     "From the log: 100 % of 1 staff member. This counts until an answer is given here.");
  }
  gtk_widget_activate_action (view, "assessment.show-area", "s", "cybersecurity");
  rd_test_wait_for_idle ();
  rd_item_row_grab_input_focus (row);
  rd_test_save_screenshot (fixture->window, "learning-log-item-row.png");
}

static void
wait_until_rows (Fixture    *fixture,
                 const char *sql,
                 gint64      n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (count_rows (fixture, sql) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  rd_test_wait_for_idle ();
  g_assert_cmpint (count_rows (fixture, sql), ==, n);
}

/* Import from CSV through its job: a good file fills the log, a bad one
 * changes nothing. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "learning", "log-semicolon.csv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "learning", "log-bad-group.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  gint64 deadline;

  rd_learning_log_page_import_file (fixture->page, bad_file);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM staff_member"), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  rd_learning_log_page_import_file (fixture->page, good_file);
  wait_until_rows (fixture, "SELECT count(*) FROM learning_activity", 2);
  g_assert_cmpstr (visible_page (fixture), ==, "log");
  g_assert_cmpuint (n_staff_rows (fixture), ==, 2);
}

/* The exports: the CSV the format says, an xlsx workbook beside it. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "log.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (fixture->dir, "log.xlsx", NULL);
  g_autofree char *template_path = g_build_filename (fixture->dir, "template.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  RdStaffMemberInfo member = { .school_id = fixture->school_id, .name = "Ann", .group = RD_GROUP_TEACHER };
  RdLearningActivityInfo info = { .title = "Course", .issued = "2026-09-01", .workload_hours = 2.5 };
  gsize length;

  info.staff_id = rd_store_add_staff_member (fixture->store, &member, &error);
  rd_store_add_learning_activity (fixture->store, &info, &error);
  g_assert_no_error (error);
  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  activities = rd_store_list_learning_activities (fixture->store, fixture->school_id, &error);

  g_assert_true (rd_learning_export_write_csv (staff, activities, csv_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, &error));
  expected = rd_learning_csv_format (staff, activities, NULL);
  g_assert_cmpstr (written, ==, expected);
  g_assert_nonnull (strstr (written, "\r\nAnn,teacher,,,Course,,,2026-09-01,,,2.5,"));

  g_assert_true (rd_learning_export_write_csv (none, none, template_path, NULL, &error));
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (template_path, &written, NULL, &error));
  g_assert_true (g_str_has_prefix (written, "staff_name,staff_group,"));
  g_assert_null (strstr (written, "Ann"));

  g_assert_true (rd_learning_export_write_xlsx (staff, activities, xlsx_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx_path, &xlsx, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (xlsx[0] == 'P' && xlsx[1] == 'K');
}

/* Every text of the report's section @heading, from it to the next heading. */
static char *
report_section (RdReport   *report,
                const char *heading)
{
  RdReportDocument *doc = rd_report_get_document (report);
  GString *text = g_string_new (NULL);
  gboolean inside = FALSE;

  for (guint p = 0; p < rd_report_get_n_pages (report); p++)
    for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
      {
        RdReportBoxInfo box;

        rd_report_document_get_box (doc, p, i, &box);
        if (box.kind != RD_REPORT_BOX_TEXT)
          continue;
        if (box.style == RD_REPORT_TEXT_HEADING)
          inside = g_str_equal (box.text, heading);
        else if (inside)
          g_string_append_printf (text, "%s\n", box.text);
      }
  return g_string_free (text, FALSE);
}

/* The report shows the log's figures on the reference date, never a name. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) empty = NULL;
  g_autoptr(RdReport) report = NULL;
  g_autofree char *none = NULL;
  g_autofree char *section = NULL;
  g_autofree char *recent = days_ago (20);
  static const char * const areas[] = { "cybersecurity", NULL };
  RdStaffMemberInfo ann = { .school_id = fixture->school_id, .name = "Annelies Secret-Name", .group = RD_GROUP_TEACHER };
  RdStaffMemberInfo bert = { .school_id = fixture->school_id, .name = "Bert", .group = RD_GROUP_SUPPORT_STAFF };
  RdLearningActivityInfo info = { .title = "Phishing", .issued = recent, .workload_hours = 4, .area_ids = areas };

  empty = rd_report_new (fixture->store, fixture->framework, fixture->assessment_id, 3, &error);
  g_assert_no_error (error);
  none = report_section (empty, "Learning Log");
  g_assert_cmpstr (none, ==, "");

  info.staff_id = rd_store_add_staff_member (fixture->store, &ann, &error);
  rd_store_add_staff_member (fixture->store, &bert, &error);
  rd_store_add_learning_activity (fixture->store, &info, &error);
  g_assert_no_error (error);
  report = rd_report_new (fixture->store, fixture->framework, fixture->assessment_id, 3, &error);
  g_assert_no_error (error);
  section = report_section (report, "Learning Log");
  g_test_message ("%s", section);
  g_assert_nonnull (strstr (section, "Staff on the log\n2\n"));
  g_assert_nonnull (strstr (section, "Staff trained in cybersecurity\n50 % of 2 staff\n"));
  g_assert_nonnull (strstr (section, "Teachers trained in digital teaching\n0 % of 1 teacher\n"));
  g_assert_nonnull (strstr (section, "Training hours per teacher\n4 hours\n"));
  g_assert_null (strstr (section, "Secret"));
}

/* The school's way in, and back. */
static void
test_window (void)
{
  RdTestStore store = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *stack;

  rd_test_store_create (&store, rd_framework_load_builtin (&error));
  rd_test_store_add_school (&store, "School", NULL, RD_SCHOOL_TYPE_UNSET);
  window = GTK_WIDGET (rd_window_new (NULL, store.store, store.framework));
  gtk_window_present (GTK_WINDOW (window));
  rd_window_select_school (RD_WINDOW (window), store.school_id);
  rd_test_wait_for_idle ();

  stack = GTK_WIDGET (gtk_widget_get_template_child (window, RD_TYPE_WINDOW, "main_stack"));
  gtk_widget_activate_action (window, "win.open-learning-log", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "learning-log");
  /* Only one page at a time in place of the school's. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (window, RD_TYPE_WINDOW,
                                                                                      "new_assessment_button")))
                  && gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (window, RD_TYPE_WINDOW,
                                                                                        "new_assessment_button"))));
  gtk_widget_activate_action (gtk_stack_get_visible_child (GTK_STACK (stack)), "log.close", NULL);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "home");
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "learning-log"));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  rd_test_store_clear (&store);
}

/* Every new screen, for the eyes (run again in Dutch), wide and narrow. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recent = days_ago (40);
  const char *names[] = { "Ann de Vries", "Bert Claes", "Carla Peeters" };
  RdGroup groups[] = { RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF, RD_GROUP_LEADER };
  static const char * const areas[] = { "cybersecurity", "teaching", NULL };
  GtkWindow *dialog;
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      RdStaffMemberInfo staff = { .school_id = fixture->school_id, .name = names[i], .group = groups[i] };
      gint64 id = rd_store_add_staff_member (fixture->store, &staff, &error);
      RdLearningActivityInfo info = {
        .staff_id = id, .title = i == 0 ? "Digital pedagogy for secondary teachers" : "Phishing awareness",
        .issued = recent, .workload_hours = 6 + i, .area_ids = i == 0 ? areas : areas + 0,
        .issuer_country = i == 0 ? "BE" : NULL,
      };

      g_assert_no_error (error);
      g_assert_cmpint (rd_store_add_learning_activity (fixture->store, &info, &error), >, 0);
      first = first ? first : id;
    }
  rd_test_wait_for_idle ();
  {
    GtkWidget *list = child (fixture->page, RD_TYPE_LEARNING_LOG_PAGE, "staff_list");

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_first_child (list)), TRUE);
  }
  rd_test_save_screenshot (fixture->window, "learning-log.png");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 860);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (fixture->window, "learning-log-narrow.png");

  dialog = rd_learning_log_page_edit_staff (fixture->page, first);
  rd_test_save_screenshot (GTK_WIDGET (dialog), "learning-staff-dialog.png");
  gtk_window_destroy (dialog);
  dialog = rd_learning_log_page_edit_activity (fixture->page, first, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child (dialog, RD_TYPE_ACTIVITY_DIALOG, "details_row")), TRUE);
  rd_test_save_screenshot (GTK_WIDGET (dialog), "learning-activity-dialog-new.png");
  gtk_window_destroy (dialog);
  rd_test_wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/learning-ui/empty-and-add", test_empty_and_add);
  ADD ("/learning-ui/remove-and-undo", test_remove_and_undo);
  ADD ("/learning-ui/item-row", test_item_row);
  ADD ("/learning-ui/import", test_import);
  ADD ("/learning-ui/export", test_export);
  ADD ("/learning-ui/report", test_report);
  ADD ("/learning-ui/screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/learning-ui/window", test_window);

  return g_test_run ();
}
