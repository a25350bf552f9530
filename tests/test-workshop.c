/* A workshop round in the real main window: the hand-over screen and each
 * participant's screens are a closed gate (every action, shortcut, header
 * button and sidebar row is tried), and the real application asks before
 * quitting a round, which then resumes at the hand-over screen. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-application.h"
#include "rd-compare-window.h"
#include "rd-discussion-window.h"
#include "rd-item-row-private.h"
#include "rd-preferences-window.h"
#include "rd-test-util.h"
#include "rd-window-private.h"
#include "rd-assessment-view-private.h"

#define WAIT_SECONDS 20

/* The facilitator's own answers, given before the round. */
static const struct { const char *area; const char *item; guint choice; } facilitator_answers[] = {
  { "strategy", "str-written-plan", RD_CHOICE_YES },
  { "strategy", "str-leadership", 4 },
  { "teaching", "tch-purposeful-use", 5 },
};

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  char *state_dir;
  gint64 other_assessment_id;
  RdWindow *window;
  RdAssessmentView *view;
  gint64 facilitator_id;
  RdApplication *app;
  gboolean quit_with_keys;    /* Ctrl+Q rather than closing the window */
  gboolean own_undo;          /* the participant has changes of their own to undo */
  int exit_status;
} Fixture;

/* ---- helpers ------------------------------------------------------------ */

static RdItemRow *
row_for (RdAssessmentView *view,
         const char       *area_id,
         const char       *item_id)
{
  RdAreaPage *page = rd_assessment_view_get_area_page (view, area_id);

  g_assert_nonnull (page);
  return rd_area_page_lookup_row (page, item_id);
}

static guint
count_answered_rows (RdAssessmentView *view,
                     RdFramework      *framework)
{
  guint n = 0;

  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    {
      RdAreaPage *page = rd_assessment_view_get_area_page (view, rd_area_get_id (rd_framework_get_area (framework, a)));

      for (guint r = 0; page != NULL && r < rd_area_page_get_n_rows (page); r++)
        n += rd_item_row_is_answered (rd_area_page_get_row (page, r));
    }

  return n;
}

/* The facilitator's answers as the store has them, one line each. */
static char *
describe_answers_of (RdStore *store,
                     gint64   assessment_id,
                     gint64   respondent_id)
{
  g_autoptr(GPtrArray) answers = rd_store_list_answers (store, assessment_id, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (answers);
  for (guint i = 0; i < answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->respondent_id == respondent_id)
        g_string_append_printf (text, "%s=%g%s\n", answer->item_id, answer->value,
                                answer->not_applicable ? " n/a" : "");
    }
  return g_string_free (text, FALSE);
}

static guint
count_visible_toplevels (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    n += gtk_widget_get_visible (l->data);
  return n;
}

static void
destroy_other_toplevels (GtkWindow *keep)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != keep && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  rd_test_wait_for_idle ();
}


static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  GtkWidget *button = rd_test_find_widget (root, GTK_TYPE_BUTTON, action_name);

  g_assert_nonnull (button);
  return button;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The files that keep rounds across a restart, wherever Readiness keeps them. */
static GPtrArray *
list_round_files (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "readiness", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (folder, name, NULL));
  return files;
}

static void
forget_round_files (void)
{
  g_autoptr(GPtrArray) files = list_round_files ();

  for (guint i = 0; i < files->len; i++)
    g_remove (g_ptr_array_index (files, i));
}

static char *
assessment_uuid (const char *path,
                 gint64      assessment_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM assessment WHERE id = ?1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (uuid);
  return uuid;
}

/* A school with this year's assessment and last year's. */
static void
make_school (Fixture *fixture)
{
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY);
  fixture->other_assessment_id = rd_test_store_add_assessment (&fixture->test_store, "2025-2026",
                                                               RD_ASSESSMENT_MODE_FULL);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
}

static void
open_assessment (Fixture   *fixture,
                 RdWindow  *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-assessment", "x", fixture->assessment_id);
  rd_test_wait_for_idle ();
  fixture->view = rd_window_get_assessment_view (window);
  g_assert_nonnull (fixture->view);
  g_assert_cmpint (rd_assessment_view_get_assessment_id (fixture->view), ==, fixture->assessment_id);
}

static void
answer_as_facilitator (Fixture *fixture)
{
  fixture->facilitator_id = rd_assessment_view_get_respondent_id (fixture->view);
  for (guint i = 0; i < G_N_ELEMENTS (facilitator_answers); i++)
    g_assert_true (rd_item_row_choose (row_for (fixture->view, facilitator_answers[i].area, facilitator_answers[i].item),
                                       facilitator_answers[i].choice));
  /* The changes can be undone now: that is what the round must not reach. */
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->view), "assessment.undo")));
}

/* As a facilitator does it: the menu's Start a Workshop…, then Start. */
static void
start_round (Fixture *fixture)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.start-workshop", NULL);
  dialog = rd_assessment_view_get_dialog (fixture->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "start");
  gtk_window_close (dialog);
  rd_test_wait_for_idle ();
  g_assert_true (rd_assessment_view_is_workshop (fixture->view));
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
}

/* The first area with items @group is asked: where a participant starts. */
static const char *
first_area_of (RdFramework *framework,
               RdGroup      group)
{
  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    {
      const char *area_id = rd_area_get_id (rd_framework_get_area (framework, a));
      g_autoptr(GPtrArray) asked = rd_framework_list_asked_items (framework, area_id, RD_ASSESSMENT_MODE_FULL, group);

      if (asked->len > 0)
        return area_id;
    }
  g_assert_not_reached ();
}

static void
join (Fixture *fixture,
      RdGroup  group)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.join", "u", (guint32) group);
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, first_area_of (fixture->framework, group));
}

/* ---- the gate, in the main window --------------------------------------- */

static void
window_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  make_school (fixture);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = g_object_ref_sink (rd_window_new (NULL, fixture->store, fixture->framework));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  open_assessment (fixture, fixture->window);
  answer_as_facilitator (fixture);
}

static void
window_tear_down (Fixture       *fixture,
                  gconstpointer  data)
{
  destroy_other_toplevels (GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (fixture->window);
  forget_round_files ();
  rd_test_store_clear (&fixture->test_store);
}

/* Nothing led away: the same view of the same round, on @area, with no
 * window opened, the facilitator's answers stored as @before and shown
 * nowhere, and @n_own rows answered (the participant's own). */
static void
assert_gate_held (Fixture    *fixture,
                  const char *route,
                  const char *area,
                  const char *before,
                  guint       n_own)
{
  GtkStack *main_stack = GTK_STACK (rd_test_find_child (GTK_WIDGET (fixture->window), "main_stack"));
  g_autofree char *after = NULL;

  rd_test_wait_for_idle ();
  if (count_visible_toplevels () != 1)
    g_error ("%s opened a window during the round", route);
  if (rd_window_get_assessment_view (fixture->window) != fixture->view ||
      gtk_stack_get_visible_child (main_stack) != GTK_WIDGET (fixture->view))
    g_error ("%s left the round's assessment", route);
  if (!rd_assessment_view_is_workshop (fixture->view))
    g_error ("%s ended the round", route);
  if (g_strcmp0 (rd_assessment_view_get_visible_area (fixture->view), area) != 0)
    g_error ("%s led from %s to %s", route, area, rd_assessment_view_get_visible_area (fixture->view));
  if (count_answered_rows (fixture->view, fixture->framework) != n_own)
    g_error ("%s showed answers that are not the participant's own", route);
  after = describe_answers_of (fixture->store, fixture->assessment_id, fixture->facilitator_id);
  if (g_strcmp0 (after, before) != 0)
    g_error ("%s changed the facilitator's answers:\n%s\nbecame\n%s", route, before, after);
}

/* A participant on their first area goes on to the next one, and on their
 * last back to the one before, and undoes their own changes: those lead
 * on, not away. */
static gboolean
leads_on (Fixture    *fixture,
          const char *area,
          const char *route)
{
  /* Undoing one's own change is what Undo is for. */
  if (fixture->own_undo && (strstr (route, "undo") || strstr (route, "Ctrl+Z")))
    return TRUE;
  return (g_str_equal (area, "strategy") && (strstr (route, "next") || strstr (route, "Page Down"))) ||
         (g_str_equal (area, "learners") && (strstr (route, "previous") || strstr (route, "Page Up")));
}

/* Every action of the view, the window and their groups that could lead to
 * another person's answers, with a parameter that would. */
static void
try_actions (Fixture    *fixture,
             const char *area,
             const char *before,
             guint       n_own)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  const char *view_actions[] = {
    "assessment.undo", "assessment.next-area", "assessment.previous-area", "assessment.show-areas",
    "assessment.mark-complete", "assessment.reopen", "assessment.close", "assessment.import",
    "assessment.start-workshop", "assessment.export-answers",
    "report.save-pdf", "report.print", "report.export-csv", "report.export-xlsx",
  };
  const char *pages[] = { RD_REVIEW_PAGE_NAME, RD_RESULTS_PAGE_NAME, RD_ACTION_PLAN_PAGE_NAME };
  const char *window_actions[] = { "win.close-assessment", "win.compare", "win.show-schools", "win.add-school",
                                   "win.rename-school", "win.delete-school", "win.export-school",
                                   "win.new-assessment", "region.import-files", "region.import-folder" };

  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    {
      if (leads_on (fixture, area, view_actions[i]))
        continue;
      gtk_widget_activate_action (view, view_actions[i], NULL);
      assert_gate_held (fixture, view_actions[i], area, before, n_own);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *route = g_strdup_printf ("assessment.show-area('%s')", pages[i]);

      gtk_widget_activate_action (view, "assessment.show-area", "s", pages[i]);
      assert_gate_held (fixture, route, area, before, n_own);
    }
  gtk_widget_activate_action (view, "assessment.edit-action", "x", (gint64) 1);
  assert_gate_held (fixture, "assessment.edit-action", area, before, n_own);
  gtk_widget_activate_action (view, "assessment.draft-action", "(si)", "str-leadership", (int) RD_FACTOR_STRATEGY);
  assert_gate_held (fixture, "assessment.draft-action", area, before, n_own);
  /* Not tried (it would open a file browser): every report action is off. */
  {
    GActionGroup *report = G_ACTION_GROUP (rd_assessment_view_get_report_commands (fixture->view));
    g_auto(GStrv) names = g_action_group_list_actions (report);

    for (guint i = 0; names[i] != NULL; i++)
      if (g_action_group_get_action_enabled (report, names[i]))
        g_error ("report.%s is on during the round", names[i]);
  }

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      gtk_widget_activate_action (window, window_actions[i], NULL);
      assert_gate_held (fixture, window_actions[i], area, before, n_own);
    }
  gtk_widget_activate_action (window, "win.open-assessment", "x", fixture->other_assessment_id);
  assert_gate_held (fixture, "win.open-assessment", area, before, n_own);
  gtk_widget_activate_action (window, "win.delete-assessment", "x", fixture->assessment_id);
  assert_gate_held (fixture, "win.delete-assessment", area, before, n_own);
  gtk_widget_activate_action (window, "region.export-school", "x", fixture->school_id);
  assert_gate_held (fixture, "region.export-school", area, before, n_own);
}

/* The view's and the window's keyboard shortcuts. */
static void
try_shortcuts (Fixture    *fixture,
               const char *area,
               const char *before,
               guint       n_own)
{
  static const struct { guint keyval; GdkModifierType state; const char *name; } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "Ctrl+Z" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "Ctrl+Page Down" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "Ctrl+Page Up" },
    { GDK_KEY_Left, GDK_ALT_MASK, "Alt+Left" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "Ctrl+P" },
    { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "Ctrl+Shift+S" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "Ctrl+N" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "Ctrl+Shift+N" },
    { GDK_KEY_Delete, 0, "Delete" },
    { GDK_KEY_F2, 0, "F2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (leads_on (fixture, area, keys[i].name))
        continue;
      rd_test_send_binding (GTK_WIDGET (fixture->view), keys[i].keyval, keys[i].state);
      rd_test_send_binding (GTK_WIDGET (fixture->window), keys[i].keyval, keys[i].state);
      assert_gate_held (fixture, keys[i].name, area, before, n_own);
    }
}

/* Header buttons that lead away are off, and a click on them does nothing. */
static void
try_buttons (Fixture    *fixture,
             const char *area,
             const char *before,
             guint       n_own,
             gboolean    handing_over)
{
  const char *off[] = { "assessment.undo", "assessment.close", "assessment.show-areas", "assessment.next-area" };

  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    {
      GtkWidget *button = find_button (GTK_WIDGET (fixture->view), off[i]);

      /* A participant moves on to their next area, and back to the list of areas. */
      if (!handing_over && (leads_on (fixture, area, off[i]) || g_str_equal (off[i], "assessment.show-areas")))
        continue;
      if (gtk_widget_is_sensitive (button))
        g_error ("the header's %s button is on during the round", off[i]);
      g_signal_emit_by_name (button, "clicked");
      assert_gate_held (fixture, off[i], area, before, n_own);
    }
}

/* Every row of the sidebar, chosen or activated, hidden or not. */
static void
try_sidebar (Fixture    *fixture,
             const char *area,
             const char *before,
             guint       n_own,
             gboolean    handing_over)
{
  GtkListBox *areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture->view), "area_list"));
  GtkListBoxRow *row;

  /* On the hand-over screen, the sidebar is closed. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (areas)) != handing_over);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (areas, i)) != NULL; i++)
    {
      const char *page = g_object_get_data (G_OBJECT (row), "page-name");
      g_autofree char *route = g_strdup_printf ("the sidebar's row %s", page);
      gboolean own_area = rd_assessment_view_get_area_page (fixture->view, page) != NULL;

      if (!handing_over && own_area)
        continue;
      /* Review, Results and Action Plan are not even listed during a round. */
      if (!own_area)
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
      gtk_list_box_select_row (areas, row);
      assert_gate_held (fixture, route, area, before, n_own);
      g_signal_emit_by_name (areas, "row-activated", row);
      assert_gate_held (fixture, route, area, before, n_own);
    }
}

/* The items of the assessment menu: only End the Round, on the hand-over
 * screen, opens anything (its confirmation). */
static void
try_menu (Fixture    *fixture,
          const char *area,
          const char *before,
          guint       n_own,
          gboolean    handing_over)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (rd_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_MENU_BUTTON, NULL));
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL);
          if (g_str_equal (action, "assessment.end-round") && handing_over)
            {
              GtkWindow *dialog = rd_assessment_view_get_dialog (fixture->view);

              g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
              adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
              gtk_window_close (dialog);
            }
          assert_gate_held (fixture, action, area, before, n_own);
        }
    }
}

static void
try_every_route (Fixture    *fixture,
                 const char *area,
                 guint       n_own)
{
  g_autofree char *before = describe_answers_of (fixture->store, fixture->assessment_id, fixture->facilitator_id);
  gboolean handing_over = g_str_equal (area, "handover");

  g_assert_cmpuint (strlen (before), >, 0);
  fixture->own_undo = gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->view), "assessment.undo"));
  g_assert_true (!fixture->own_undo || !handing_over);
  try_actions (fixture, area, before, n_own);
  try_shortcuts (fixture, area, before, n_own);
  try_buttons (fixture, area, before, n_own, handing_over);
  try_sidebar (fixture, area, before, n_own, handing_over);
  try_menu (fixture, area, before, n_own, handing_over);
}

/* The report of issue 14: change an answer, start a round, press Ctrl+Z on
 * "Pass the Device On": the facilitator's answers appeared, one was undone,
 * and every item could be edited without choosing a group. */
static void
test_undo_at_handover (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = describe_answers_of (fixture->store, fixture->assessment_id, fixture->facilitator_id);
  GtkWidget *undo = find_button (GTK_WIDGET (fixture->view), "assessment.undo");
  RdItemRow *leadership = row_for (fixture->view, "strategy", "str-leadership");

  start_round (fixture);
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), "workshop-gate-handover-light.png");

  /* A round starts with an empty undo history. */
  g_assert_false (gtk_widget_is_sensitive (undo));
  rd_test_send_binding (GTK_WIDGET (fixture->view), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_gate_held (fixture, "Ctrl+Z", "handover", before, 0);
  g_signal_emit_by_name (undo, "clicked");
  assert_gate_held (fixture, "the header's Undo", "handover", before, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.undo", NULL);
  assert_gate_held (fixture, "assessment.undo", "handover", before, 0);

  /* Between participants nothing can be answered: there is nobody to answer for. */
  g_assert_false (rd_item_row_choose (leadership, 1));
  g_assert_false (rd_item_row_enter_text (row_for (fixture->view, "connectivity", "con-bandwidth"), "20"));
  assert_gate_held (fixture, "answering on the hand-over screen", "handover", before, 0);
}

static void
test_handover_is_closed (Fixture       *fixture,
                         gconstpointer  data)
{
  start_round (fixture);
  try_every_route (fixture, "handover", 0);
}

/* A participant sees and changes their own answers only: undo starts
 * empty, and nothing leads to the facilitator's or an earlier person's. */
static void
test_participant_is_closed (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *undo = find_button (GTK_WIDGET (fixture->view), "assessment.undo");
  /* A statement teachers are asked (the written plan is a leader's fact). */
  RdItemRow *plan = row_for (fixture->view, "strategy", "str-targets");
  g_autofree char *first_participant = NULL;
  gint64 first_id;

  start_round (fixture);
  join (fixture, RD_GROUP_TEACHER);
  first_id = rd_assessment_view_get_respondent_id (fixture->view);
  g_assert_cmpint (first_id, !=, fixture->facilitator_id);
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (undo));
  try_every_route (fixture, "strategy", 0);

  /* Their own changes can be undone, as always. */
  g_assert_true (rd_item_row_choose (plan, 2));
  first_participant = describe_answers_of (fixture->store, fixture->assessment_id, first_id);
  g_assert_true (rd_item_row_choose (plan, 4));
  g_assert_true (gtk_widget_is_sensitive (undo));
  rd_test_send_binding (GTK_WIDGET (fixture->view), GDK_KEY_z, GDK_CONTROL_MASK);
  rd_test_wait_for_idle ();
  g_assert_true (rd_item_row_is_answered (plan));
  {
    g_autofree char *undone = describe_answers_of (fixture->store, fixture->assessment_id, first_id);

    g_assert_cmpstr (undone, ==, first_participant);
  }

  /* On the last area, the next one is not the review. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", "learners");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "learners");
  try_every_route (fixture, "learners", 1);

  /* The next participant cannot reach the first one's answers either. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-participant", NULL);
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, 0);
  join (fixture, RD_GROUP_LEADER);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (rd_item_row_is_answered (plan));
  rd_test_send_binding (GTK_WIDGET (fixture->view), GDK_KEY_z, GDK_CONTROL_MASK);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, 0);
  {
    g_autofree char *still = describe_answers_of (fixture->store, fixture->assessment_id, first_id);

    g_assert_cmpstr (still, ==, first_participant);
  }
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), "workshop-gate-participant-light.png");
}

/* A learner in a round is asked the learners' items only: no MFA, no
 * devices, no training, no data protection (issue 15); the next
 * participant, of support staff, is asked about MFA again. */
static void
test_learner_sees_no_mfa (Fixture       *fixture,
                          gconstpointer  data)
{
  RdItemRow *mfa = row_for (fixture->view, "cybersecurity", "cyb-mfa-admin");
  GtkLabel *progress = GTK_LABEL (rd_test_find_child (GTK_WIDGET (fixture->view), "progress_label"));
  GtkListBox *areas = GTK_LIST_BOX (rd_test_find_child (GTK_WIDGET (fixture->view), "area_list"));
  GtkListBoxRow *row;
  guint n_areas = 0;
  gboolean groups[RD_N_GROUPS] = { FALSE };

  groups[RD_GROUP_LEARNER] = groups[RD_GROUP_SUPPORT_STAFF] = TRUE;
  rd_assessment_view_start_workshop (fixture->view, groups);
  join (fixture, RD_GROUP_LEARNER);
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "You have answered 0 of 15 items");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mfa)));
  g_assert_false (rd_item_row_choose (mfa, RD_CHOICE_YES));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-item", "s", "cyb-mfa-admin");
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "cybersecurity");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mfa)));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (areas, i)) != NULL; i++)
    n_areas += gtk_widget_get_visible (GTK_WIDGET (row));
  g_assert_cmpuint (n_areas, ==, 5);  /* not strategy, devices, training or data protection */
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), "workshop-learner-light.png");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-participant", NULL);
  join (fixture, RD_GROUP_SUPPORT_STAFF);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mfa)));
  g_assert_true (rd_item_row_choose (mfa, RD_CHOICE_YES));
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "You have answered 1 of 58 items");
}

/* Files dropped on the questionnaire are not imported during a round. */
static void
test_drop_refused_in_round (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "responses", "teacher.readiness-response", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) respondents = NULL;

  start_round (fixture);
  rd_assessment_view_import_files (fixture->view, &file, 1);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (count_visible_toplevels (), ==, 1);
  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (respondents->len, ==, 1);
}

static guint
count_schools (RdStore *store)
{
  g_autoptr(GPtrArray) schools = rd_store_list_schools (store, NULL);

  g_assert_nonnull (schools);
  return schools != NULL ? schools->len : 0;
}

/* An exchange file opened from the file manager during a round waits for
 * its end: importing it could replace the assessment under way. */
static void
test_opened_files_wait_for_the_round (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "exchange", "answers.readiness", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline;
  GtkWindow *dialog;

  start_round (fixture);
  rd_window_import_files (fixture->window, &file, 1);
  for (guint i = 0; i < 20; i++)
    rd_test_wait_for_idle ();
  g_assert_cmpuint (count_schools (fixture->store), ==, 1);

  /* Enter ends the round: End Round looks like the default and is. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.end-round", NULL);
  dialog = rd_assessment_view_get_dialog (fixture->view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  /* A button activated by a key shows itself pressed for a moment first. */
  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (rd_assessment_view_is_workshop (fixture->view) && g_get_monotonic_time () < deadline)
    rd_test_wait_for_idle ();
  g_assert_false (rd_assessment_view_is_workshop (fixture->view));

  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (count_schools (fixture->store) < 2)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the opened file was not imported after the round within %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  rd_test_wait_for_idle ();
}

/* The facilitator's comparison and projector windows, open from before,
 * close when the round starts. */
static void
test_revealing_windows_close (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  const double targets[RD_N_FACTORS] = { 70, 60, 65, 60 };
  g_autoptr(RdGroupComparison) comparison = rd_group_comparison_new (fixture->framework, RD_ASSESSMENT_MODE_FULL,
                                                                     answers, targets, 3);
  GtkWidget *projector = rd_discussion_window_new (GTK_WINDOW (fixture->window), fixture->framework, comparison);

  gtk_window_present (GTK_WINDOW (projector));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", NULL);
  rd_test_wait_for_idle ();
  g_assert_nonnull (rd_test_find_toplevel (RD_TYPE_COMPARE_WINDOW, NULL));
  g_assert_nonnull (rd_test_find_toplevel (RD_TYPE_DISCUSSION_WINDOW, NULL));

  start_round (fixture);
  g_assert_null (rd_test_find_toplevel (RD_TYPE_COMPARE_WINDOW, NULL));
  g_assert_null (rd_test_find_toplevel (RD_TYPE_DISCUSSION_WINDOW, NULL));
  g_assert_cmpuint (count_visible_toplevels (), ==, 1);
}

/* In a narrow window the hand-over screen is not left by going back to a
 * closed list of areas (where nothing would lead on). */
static void
test_narrow_handover (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_find_child (GTK_WIDGET (fixture->view), "leaflet"));
  GtkWidget *content = rd_test_find_child (GTK_WIDGET (fixture->view), "content");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  rd_test_wait_for_idle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  start_round (fixture);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  rd_test_send_binding (GTK_WIDGET (leaflet), GDK_KEY_Left, GDK_ALT_MASK);
  rd_test_send_binding (GTK_WIDGET (fixture->view), GDK_KEY_Left, GDK_ALT_MASK);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-areas", NULL);
  rd_test_wait_for_idle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_false (adw_leaflet_get_can_navigate_back (leaflet));
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), "workshop-gate-handover-narrow-light.png");

  /* A participant can go back to their areas. */
  join (fixture, RD_GROUP_TEACHER);
  rd_test_send_binding (GTK_WIDGET (leaflet), GDK_KEY_Left, GDK_ALT_MASK);
  rd_test_wait_for_idle ();
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == content);
}

/* ---- quitting and restarting the real application ----------------------- */

static void
app_set_up (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  make_school (fixture);
  /* The application opens the file on its own. */
  g_clear_object (&fixture->store);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
app_tear_down (Fixture       *fixture,
               gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  rd_test_wait_for_idle ();
  forget_round_files ();
  rd_test_store_clear (&fixture->test_store);
}



/* Starts the real application on the fixture's database and runs @script
 * in its main loop; a new application each time, as a restart is. */
static void
run_app (Fixture *fixture,
         void   (*script) (gpointer fixture))
{
  char *argv[] = { "readiness", "--database", fixture->path, NULL };

  fixture->app = rd_application_new ();
  /* Tests run side by side: none may hand its start to another's instance. */
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  fixture->exit_status = rd_test_run_application (G_APPLICATION (fixture->app), 3, argv, script, fixture);
  g_assert_cmpint (fixture->exit_status, ==, 0);
  rd_test_wait_for_idle ();
  g_assert_finalize_object (fixture->app);
  fixture->app = NULL;
  fixture->window = NULL;
  fixture->view = NULL;
}

static void
press_ctrl_q (Fixture *fixture)
{
  /* The application's accelerators are a shortcut controller of the window. */
  g_assert_true (rd_test_send_binding (GTK_WIDGET (fixture->window), GDK_KEY_q, GDK_CONTROL_MASK));
}

static AdwMessageDialog *
wait_for_quit_question (void)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (rd_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "quit-round"));

  if (g_str_equal (rd_test_language (), "C"))
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "hand-over screen"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  return dialog;
}

/* Answers @dialog as a click would; what the answer does happens after. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
}

static void
script_quit_mid_round (gpointer data)
{
  Fixture *fixture = data;

  fixture->window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  open_assessment (fixture, fixture->window);
  answer_as_facilitator (fixture);
  start_round (fixture);
  join (fixture, RD_GROUP_TEACHER);
  g_assert_true (rd_item_row_choose (row_for (fixture->view, "strategy", "str-leadership"), 2));

  /* Ctrl+Q asks; Cancel goes on with the participant where they were. */
  press_ctrl_q (fixture);
  rd_test_save_screenshot (GTK_WIDGET (wait_for_quit_question ()), "workshop-quit-round-light.png");
  respond (wait_for_quit_question (), "cancel");
  g_assert_nonnull (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
  g_assert_true (rd_assessment_view_is_workshop (fixture->view));
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "strategy");

  /* Ctrl+Q again, or closing the window, asks again; Quit quits. */
  if (fixture->quit_with_keys)
    press_ctrl_q (fixture);
  else
    gtk_window_close (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  g_assert_nonnull (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
  respond (wait_for_quit_question (), "quit");
  g_assert_null (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
}

static void
script_resume_at_handover (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *sidebar;
  GtkWindow *dialog;

  fixture->window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  fixture->view = rd_window_get_assessment_view (fixture->window);
  g_assert_nonnull (fixture->view);
  g_assert_cmpint (rd_assessment_view_get_assessment_id (fixture->view), ==, fixture->assessment_id);
  g_assert_true (rd_assessment_view_is_workshop (fixture->view));
  g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, "handover");
  /* No answers visible: not the facilitator's, not the last participant's. */
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, 0);
  sidebar = rd_test_find_child (GTK_WIDGET (fixture->view), "sidebar");
  g_assert_false (gtk_widget_is_sensitive (sidebar));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->view), "assessment.undo")));
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), "workshop-resumed-handover-light.png");

  /* Preferences (the anonymity threshold) stay closed during the round. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "preferences"));
  rd_test_send_binding (GTK_WIDGET (fixture->window), GDK_KEY_comma, GDK_CONTROL_MASK);
  rd_test_wait_for_idle ();
  g_assert_null (rd_test_find_toplevel (RD_TYPE_PREFERENCES_WINDOW, NULL));

  /* The round goes on: the next participant joins, and the facilitator ends it. */
  join (fixture, RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.next-participant", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.end-round", NULL);
  dialog = rd_assessment_view_get_dialog (fixture->view);
  respond (ADW_MESSAGE_DIALOG (dialog), "end");
  dialog = rd_assessment_view_get_dialog (fixture->view);
  /* The participant of the first run counts too. */
  if (g_str_equal (rd_test_language (), "C"))
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 participants"));
  respond (ADW_MESSAGE_DIALOG (dialog), "later");
  g_assert_false (rd_assessment_view_is_workshop (fixture->view));
  g_assert_cmpuint (count_answered_rows (fixture->view, fixture->framework), ==, G_N_ELEMENTS (facilitator_answers));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "preferences"));
  g_assert_true (rd_test_send_binding (GTK_WIDGET (fixture->window), GDK_KEY_comma, GDK_CONTROL_MASK));
  gtk_window_destroy (rd_test_wait_for_toplevel (RD_TYPE_PREFERENCES_WINDOW, NULL));
  rd_test_wait_for_idle ();

  /* Outside a round, Ctrl+Q quits at once. */
  press_ctrl_q (fixture);
  g_assert_null (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "quit-round"));
  g_assert_null (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
}

static void
script_home (gpointer data)
{
  Fixture *fixture = data;

  fixture->window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  g_assert_null (rd_window_get_assessment_view (fixture->window));
  press_ctrl_q (fixture);
  g_assert_null (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "quit-round"));
  g_assert_null (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
}

/* The kept round names this database and the assessment, and only its
 * user can read it. */
static void
assert_round_kept (Fixture *fixture)
{
  g_autoptr(GPtrArray) files = list_round_files ();
  g_autofree char *contents = NULL;
  g_autofree char *uuid = assessment_uuid (fixture->path, fixture->assessment_id);
  GStatBuf buf;

  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpint (g_stat (g_ptr_array_index (files, 0), &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (g_ptr_array_index (files, 0), &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture->path));
  g_assert_nonnull (strstr (contents, uuid));
}

static void
test_quit_and_resume (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) files = NULL;

  run_app (fixture, script_quit_mid_round);
  assert_round_kept (fixture);

  run_app (fixture, script_resume_at_handover);
  files = list_round_files ();
  g_assert_cmpuint (files->len, ==, 0);

  /* Ended rounds are not resumed. */
  run_app (fixture, script_home);
}

/* A kept round whose assessment has gone since is forgotten, and the app
 * starts as usual; a damaged one is ignored the same way. */
static void
test_resume_without_the_assessment (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(RdStore) store = NULL;

  fixture->quit_with_keys = TRUE;
  run_app (fixture, script_quit_mid_round);
  assert_round_kept (fixture);

  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_trash_assessment (store, fixture->assessment_id, &error));
  g_assert_true (rd_store_purge_assessment (store, fixture->assessment_id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run_app (fixture, script_home);
  files = list_round_files ();
  g_assert_cmpuint (files->len, ==, 0);
}

static void
test_resume_damaged_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) files = NULL;

  fixture->quit_with_keys = TRUE;
  run_app (fixture, script_quit_mid_round);
  assert_round_kept (fixture);
  files = list_round_files ();
  g_assert_true (g_file_set_contents (g_ptr_array_index (files, 0), "[Round]\nDatabase=\x01\n[[[", -1, NULL));
  g_clear_pointer (&files, g_ptr_array_unref);

  g_test_expect_message ("rd-window", G_LOG_LEVEL_WARNING, "Ignoring the kept workshop round*");
  run_app (fixture, script_home);
  g_test_assert_expected_messages ();
  files = list_round_files ();
  g_assert_cmpuint (files->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("readiness-workshop-state-XXXXXX", NULL);
  int status;

  /* Kept rounds go to a folder of this run, never the user's own. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  rd_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, window_set_up, func, window_tear_down)
  ADD ("/workshop/undo-at-handover", test_undo_at_handover);
  ADD ("/workshop/handover-is-closed", test_handover_is_closed);
  ADD ("/workshop/learner-sees-no-mfa", test_learner_sees_no_mfa);
  ADD ("/workshop/participant-is-closed", test_participant_is_closed);
  ADD ("/workshop/drop-refused-in-round", test_drop_refused_in_round);
  ADD ("/workshop/opened-files-wait-for-the-round", test_opened_files_wait_for_the_round);
  ADD ("/workshop/revealing-windows-close", test_revealing_windows_close);
  ADD ("/workshop/narrow-handover", test_narrow_handover);
#undef ADD
#define ADD(path, func) g_test_add (path, Fixture, NULL, app_set_up, func, app_tear_down)
  ADD ("/workshop/quit-and-resume", test_quit_and_resume);
  ADD ("/workshop/resume-without-the-assessment", test_resume_without_the_assessment);
  ADD ("/workshop/resume-damaged-file", test_resume_damaged_file);
#undef ADD

  status = g_test_run ();
  remove_tree (state);
  return status;
}
