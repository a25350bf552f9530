/* The screen record: every screen of the real app (the application with
 * its own window, dialogs, shortcuts and about window) on the database of
 * screenshot-fixture.c, at one window size and in one style, each
 * rendered to a PNG. The language is the environment's.
 *
 * Usage: take-screens [--size WxH] [--style light|dark] [--screens a,b]
 *                     [--localedir DIR] OUTPUT-DIR
 *        take-screens --list
 * Run it through data/screenshots/take-screens.sh, which takes every
 * size, language and style. A dialog is drawn at its own size, narrowed
 * to the window's width when it can be; the output says when it cannot. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rd-action-dialog.h"
#include "rd-activity-dialog.h"
#include "rd-application-private.h"
#include "rd-compare-window.h"
#include "rd-discussion-window.h"
#include "rd-evidence-dialog.h"
#include "rd-heatmap-view.h"
#include "rd-item-row-private.h"
#include "rd-learning-log-page-private.h"
#include "rd-staff-dialog.h"
#include "rd-window-private.h"
#include "screenshot-fixture.h"

typedef struct
{
  RdApplication *app;
  RdStore *store;
  RdFramework *framework;
  RdWindow *window;
  RdAssessmentView *view;
  RdLearningLogPage *log;   /* while the learning log is open */
  gint64 school_id, assessment_id;
  int width, height;
  int exit_status;
} Record;

typedef void (*TakeFunc) (Record *record);

static char **wanted;  /* NULL: every screen */

/* Spins the main loop until a visible, laid-out toplevel of @type
 * other than @except appears. */
static GtkWindow *
wait_for_window (GType      type,
                 GtkWindow *except)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (l->data != except && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
            gtk_widget_get_mapped (l->data) && gtk_widget_get_width (l->data) > 0)
          {
            wait_for_idle ();
            return l->data;
          }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  fail (g_type_name (type), NULL);
  return NULL;
}

/* A window of its own (Compare Schools, the projector) at the record's size. */
static void
save_sized (Record     *record,
            GtkWindow  *window,
            const char *name)
{
  gtk_window_unfullscreen (window);
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, record->width, record->height);
  wait_for_idle ();
  /* As a person narrowing it would: a window laid out wide shrinks to the
   * wide layout's minimum, turns narrow there, and then shrinks further. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) > record->width)
    {
      gtk_window_set_default_size (window, record->width + 1, record->height);
      wait_for_idle ();
      gtk_window_set_default_size (window, record->width, record->height);
      wait_for_idle ();
    }
  if (gtk_widget_get_width (GTK_WIDGET (window)) > record->width)
    g_print ("%s: the window is %d px wide, wider than asked (%d px)\n", name,
             gtk_widget_get_width (GTK_WIDGET (window)), record->width);
  save (GTK_WIDGET (window), name);
}

/* A dialog at its own size, no wider than the window when it can shrink. */
static void
save_dialog (Record     *record,
             GtkWindow  *dialog,
             const char *name)
{
  wait_for_idle ();
  if (gtk_widget_get_width (GTK_WIDGET (dialog)) > record->width)
    {
      gtk_window_set_default_size (dialog, record->width, gtk_widget_get_height (GTK_WIDGET (dialog)));
      wait_for_idle ();
    }
  if (gtk_widget_get_width (GTK_WIDGET (dialog)) > record->width)
    g_print ("%s: %d px wide, wider than the window (%d px)\n", name,
             gtk_widget_get_width (GTK_WIDGET (dialog)), record->width);
  save (GTK_WIDGET (dialog), name);
}

static void
show (Record     *record,
      const char *page)
{
  gtk_widget_activate_action (GTK_WIDGET (record->view), "assessment.show-area", "s", page);
  wait_for_idle ();
}

/* The main window as it is; says when a page made it wider than asked. */
static void
save_main (Record     *record,
           const char *name)
{
  wait_for_idle ();
  if (gtk_widget_get_width (GTK_WIDGET (record->window)) > record->width)
    g_print ("%s: the window is %d px wide, wider than asked (%d px)\n", name,
             gtk_widget_get_width (GTK_WIDGET (record->window)), record->width);
  save (GTK_WIDGET (record->window), name);
}

static void
take_main (Record *record)
{
  save_main (record, "main.png");
}

static void
take_new_school (Record *record)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.add-school", NULL);
  dialog = rd_window_get_dialog (record->window);
  if (dialog == NULL)
    fail ("the Add School dialog", NULL);
  save_dialog (record, dialog, "new-school.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

static void
take_new_assessment (Record *record)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.new-assessment", NULL);
  dialog = rd_window_get_dialog (record->window);
  if (dialog == NULL)
    fail ("the New Assessment dialog", NULL);
  save_dialog (record, dialog, "new-assessment.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

/* The learning log is open only while no assessment is. */
static void
close_learning_log (Record *record)
{
  if (record->log == NULL)
    return;
  g_signal_emit_by_name (record->log, "close");
  record->log = NULL;
  wait_for_idle ();
}

static void
open_assessment (Record *record)
{
  if (record->view != NULL)
    return;
  close_learning_log (record);
  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.open-assessment", "x", record->assessment_id);
  wait_for_idle ();
  record->view = rd_window_get_assessment_view (record->window);
  if (record->view == NULL)
    fail ("open the assessment", NULL);
}

static void draft_once (Record *record);

static void
open_learning_log (Record *record)
{
  if (record->log != NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.open-learning-log", NULL);
  wait_for_idle ();
  record->log = RD_LEARNING_LOG_PAGE (find_descendant (GTK_WIDGET (record->window), RD_TYPE_LEARNING_LOG_PAGE));
  if (record->log == NULL)
    fail ("open the learning log", NULL);
}

static gint64
find_staff (Record     *record,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = rd_store_list_staff (record->store, record->school_id, &error);

  check (staff != NULL, "list the staff");
  for (guint i = 0; i < staff->len; i++)
    if (g_str_equal (rd_staff_member_get_name (g_ptr_array_index (staff, i)), name))
      return rd_staff_member_get_id (g_ptr_array_index (staff, i));
  fail (name, NULL);
  return 0;
}

static gint64
find_activity (Record     *record,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = rd_store_list_learning_activities (record->store, record->school_id, &error);

  check (activities != NULL, "list the activities");
  for (guint i = 0; i < activities->len; i++)
    if (g_str_equal (rd_learning_activity_get_info (g_ptr_array_index (activities, i))->title, title))
      return rd_learning_activity_get_id (g_ptr_array_index (activities, i));
  fail (title, NULL);
  return 0;
}

static void
take_learning_log (Record *record)
{
  GtkWidget *row;

  open_learning_log (record);
  save_main (record, "learning-log.png");
  /* Their activities: a complete record and one with elements missing. */
  for (const char * const *name = (const char * const[]) { "Jonas De Smet", "Sofie Claes", NULL }; *name; name++)
    {
      GtkWidget *label = find_label (GTK_WIDGET (record->log), *name);

      row = label != NULL ? gtk_widget_get_ancestor (label, ADW_TYPE_EXPANDER_ROW) : NULL;
      if (row == NULL)
        fail (*name, NULL);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  wait_for_idle ();
  row = gtk_widget_get_ancestor (find_label (GTK_WIDGET (record->log), "Jonas De Smet"), ADW_TYPE_EXPANDER_ROW);
  scroll_to_widget (row);
  save_main (record, "learning-log-activities.png");
}

static void
take_staff_member (Record *record)
{
  GtkWindow *dialog;

  open_learning_log (record);
  dialog = rd_learning_log_page_edit_staff (record->log, find_staff (record, "Sofie Claes"));
  if (dialog == NULL)
    fail ("the staff member dialog", NULL);
  wait_for_window (RD_TYPE_STAFF_DIALOG, NULL);
  save_dialog (record, dialog, "learning-staff.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

/* The complete record, then with More Details open; then a record with
 * elements missing. */
static void
take_activity (Record *record)
{
  GtkWindow *dialog;
  GtkWidget *details;

  open_learning_log (record);
  dialog = rd_learning_log_page_edit_activity (record->log, find_staff (record, "Sofie Claes"),
                                               find_activity (record, typed ("Cybersecurity for school staff", "Cyberveiligheid voor schoolpersoneel")));
  if (dialog == NULL)
    fail ("the activity dialog", NULL);
  wait_for_window (RD_TYPE_ACTIVITY_DIALOG, NULL);
  save_dialog (record, dialog, "learning-activity.png");
  details = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), RD_TYPE_ACTIVITY_DIALOG, "details_row"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (details), TRUE);
  wait_for_idle ();
  scroll_to_widget (details);
  save_dialog (record, dialog, "learning-activity-details.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();

  dialog = rd_learning_log_page_edit_activity (record->log, find_staff (record, "Jonas De Smet"),
                                               find_activity (record, typed ("Teaching with tablets in STEM lessons", "Lesgeven met tablets in STEM-lessen")));
  if (dialog == NULL)
    fail ("the activity dialog", NULL);
  wait_for_window (RD_TYPE_ACTIVITY_DIALOG, NULL);
  save_dialog (record, dialog, "learning-activity-incomplete.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

static RdItemRow *
show_row (Record     *record,
          const char *area,
          const char *item_id)
{
  RdItemRow *row;

  open_assessment (record);
  show (record, area);
  row = rd_area_page_lookup_row (rd_assessment_view_get_area_page (record->view, area), item_id);
  if (row == NULL)
    fail (item_id, NULL);
  scroll_to_widget (GTK_WIDGET (row));
  return row;
}

static void
take_item_evidence (Record *record)
{
  show_row (record, "connectivity", "con-wifi-coverage");
  save_main (record, "item-evidence.png");
}

static void
take_item_log (Record *record)
{
  RdItemRow *row = show_row (record, "training", "trn-pedagogy-training");

  if (rd_item_row_get_log_figure (row) == NULL)
    fail ("the learning log's figure", NULL);
  save_main (record, "item-log.png");
}

static void
take_evidence (Record *record)
{
  RdItemRow *row = show_row (record, "connectivity", "con-wifi-coverage");
  GtkWindow *dialog;

  gtk_widget_activate (rd_item_row_get_evidence_button (row));
  dialog = wait_for_window (RD_TYPE_EVIDENCE_DIALOG, NULL);
  save_dialog (record, dialog, "evidence.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

static void
take_review_evidence (Record *record)
{
  GtkWidget *page, *heading, *expander;

  open_assessment (record);
  show (record, RD_REVIEW_PAGE_NAME);
  page = GTK_WIDGET (rd_assessment_view_get_review_page (record->view));
  heading = find_label (page, _("Items with No Evidence"));
  if (heading == NULL)
    fail ("Items with No Evidence", NULL);
  expander = find_descendant (gtk_widget_get_ancestor (heading, ADW_TYPE_PREFERENCES_GROUP), ADW_TYPE_EXPANDER_ROW);
  if (expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  wait_for_idle ();
  scroll_to_widget (heading);
  save_main (record, "review-evidence.png");
}

static void
take_results_moved (Record *record)
{
  open_assessment (record);
  show (record, RD_RESULTS_PAGE_NAME);
  scroll_to_heading (GTK_WIDGET (rd_assessment_view_get_results_page (record->view)), _("What Moved"));
  save_main (record, "results-moved.png");
}

static void
take_plan_done (Record *record)
{
  g_autofree char *title = NULL;
  GtkWidget *heading;

  draft_once (record);
  show (record, RD_ACTION_PLAN_PAGE_NAME);
  /* Translators: the same as in rd-action-plan-page.c */
  title = g_strdup_printf (_("Done in %s"), "2025-2026");
  heading = find_label (GTK_WIDGET (rd_assessment_view_get_action_plan_page (record->view)), title);
  if (heading == NULL)
    fail (title, NULL);
  scroll_to_widget (heading);
  save_main (record, "action-plan-done.png");
}

static void
take_compare_moved (Record *record)
{
  GtkWindow *compare;
  GtkWidget *group;

  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.compare", NULL);
  compare = wait_for_window (RD_TYPE_COMPARE_WINDOW, NULL);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (compare), RD_TYPE_COMPARE_WINDOW, "moved_group"));
  if (!gtk_widget_get_visible (group))
    fail ("Moved Since", NULL);
  save_sized (record, compare, "compare-moved.png");
  scroll_to_widget (group);
  save (GTK_WIDGET (compare), "compare-moved.png");
  gtk_window_destroy (compare);
  wait_for_idle ();
}

static void
take_area (Record *record)
{
  open_assessment (record);
  show (record, "connectivity");
  save_main (record, "area.png");
}

static void
take_item_help (Record *record)
{
  RdAreaPage *page;
  GtkWidget *expander;

  open_assessment (record);
  show (record, "connectivity");
  page = rd_assessment_view_get_area_page (record->view, "connectivity");
  expander = find_descendant (GTK_WIDGET (page), GTK_TYPE_EXPANDER);
  if (expander == NULL)
    fail ("an item's help", NULL);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  wait_for_idle ();
  save_main (record, "item-help.png");
  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
}

static void
take_review (Record *record)
{
  open_assessment (record);
  show (record, RD_REVIEW_PAGE_NAME);
  save_main (record, "review.png");
}

static void
take_results (Record *record)
{
  GtkWidget *page;

  open_assessment (record);
  show (record, RD_RESULTS_PAGE_NAME);
  save_main (record, "results.png");
  page = GTK_WIDGET (rd_assessment_view_get_results_page (record->view));
  scroll_to_heading (page, _("Trend across School Years"));
  save_main (record, "results-trend.png");
  scroll_to_heading (page, _("Where Views Differ Most"));
  save_main (record, "results-groups.png");
}

/* The projector's window as the results page opens it, but in a window
 * of the record's size: a full screen of that size. */
static void
take_discussion (Record *record)
{
  RdResultsPage *page;
  GtkWidget *window;

  open_assessment (record);
  show (record, RD_RESULTS_PAGE_NAME);
  page = rd_assessment_view_get_results_page (record->view);
  if (rd_results_page_get_group_comparison (page) == NULL)
    fail ("the groups' views", NULL);
  window = rd_discussion_window_new (GTK_WINDOW (record->window), record->framework,
                                     rd_results_page_get_group_comparison (page));
  gtk_window_set_default_size (GTK_WINDOW (window), record->width, record->height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_window (RD_TYPE_DISCUSSION_WINDOW, NULL);
  save_sized (record, GTK_WINDOW (window), "discussion.png");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
}

static void
draft_once (Record *record)
{
  static gboolean drafted;

  open_assessment (record);
  /* The plan is drafted from the results page's priorities. */
  if (!drafted)
    {
      show (record, RD_RESULTS_PAGE_NAME);
      draft_plan (record->store, record->view);
    }
  drafted = TRUE;
}

static void
take_action_plan (Record *record)
{
  draft_once (record);
  show (record, RD_ACTION_PLAN_PAGE_NAME);
  save_main (record, "action-plan.png");
}

static void
take_edit_action (Record *record)
{
  g_autoptr(GPtrArray) actions = NULL;
  GtkWindow *dialog;

  draft_once (record);
  show (record, RD_ACTION_PLAN_PAGE_NAME);
  actions = rd_store_list_actions (record->store, record->assessment_id, NULL);
  if (actions == NULL || actions->len == 0)
    fail ("an action", NULL);
  dialog = rd_action_plan_page_edit (rd_assessment_view_get_action_plan_page (record->view),
                                     rd_action_get_id (g_ptr_array_index (actions, 0)));
  if (dialog == NULL)
    fail ("the Edit Action dialog", NULL);
  wait_for_window (RD_TYPE_ACTION_DIALOG, NULL);
  save_dialog (record, dialog, "edit-action.png");
  gtk_window_destroy (dialog);
  wait_for_idle ();
}

static void
take_compare (Record *record)
{
  GtkWindow *compare;

  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.compare", NULL);
  compare = wait_for_window (RD_TYPE_COMPARE_WINDOW, NULL);
  rd_heatmap_view_set_selected_school (RD_HEATMAP_VIEW (gtk_widget_get_template_child (GTK_WIDGET (compare),
                                                                                    RD_TYPE_COMPARE_WINDOW,
                                                                                    "heatmap")),
                                       record->school_id);
  save_sized (record, compare, "compare.png");
  gtk_window_destroy (compare);
  wait_for_idle ();
}

/* A window the application's own @action opens, of @type. */
static void
take_app_window (Record     *record,
                 const char *action,
                 GType       type,
                 const char *name)
{
  GtkWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (record->app), action, NULL);
  window = wait_for_window (type, NULL);
  save_dialog (record, window, name);
  gtk_window_destroy (window);
  wait_for_idle ();
}

static void
take_preferences (Record *record)
{
  take_app_window (record, "preferences", ADW_TYPE_PREFERENCES_WINDOW, "preferences.png");
}

static void
take_shortcuts (Record *record)
{
  GtkWindow *window;

  gtk_widget_activate_action (GTK_WIDGET (record->window), "win.show-help-overlay", NULL);
  window = wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  save_dialog (record, window, "shortcuts.png");
  /* The shortcuts window is kept by the main window: hide it, as Escape does. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  wait_for_idle ();
}

static void
take_about (Record *record)
{
  take_app_window (record, "about", ADW_TYPE_ABOUT_WINDOW, "about.png");
}

/* Last: the round is left running. */
static void
take_handover (Record *record)
{
  gboolean groups[RD_N_GROUPS] = { FALSE, };

  open_assessment (record);
  groups[RD_GROUP_TEACHER] = groups[RD_GROUP_SUPPORT_STAFF] = TRUE;
  rd_assessment_view_start_workshop (record->view, groups);
  wait_for_idle ();
  save_main (record, "handover.png");
}

/* In the order they are taken: the main window's screens before the
 * assessment is opened, the workshop last. main-empty is taken before
 * the database is filled. */
static const struct { const char *name; TakeFunc take; } screens[] = {
  { "main", take_main },
  { "new-school", take_new_school },
  { "new-assessment", take_new_assessment },
  { "learning-log", take_learning_log },
  { "learning-staff", take_staff_member },
  { "learning-activity", take_activity },
  { "area", take_area },
  { "item-help", take_item_help },
  { "item-evidence", take_item_evidence },
  { "item-log", take_item_log },
  { "evidence", take_evidence },
  { "review", take_review },
  { "review-evidence", take_review_evidence },
  { "results", take_results },
  { "results-moved", take_results_moved },
  { "discussion", take_discussion },
  { "action-plan", take_action_plan },
  { "action-plan-done", take_plan_done },
  { "edit-action", take_edit_action },
  { "compare", take_compare },
  { "compare-moved", take_compare_moved },
  { "preferences", take_preferences },
  { "shortcuts", take_shortcuts },
  { "about", take_about },
  { "handover", take_handover },
};

static gboolean
is_wanted (const char *name)
{
  return wanted == NULL || g_strv_contains ((const char * const *) wanted, name);
}

static gboolean
is_screen (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    if (g_str_equal (screens[i].name, name))
      return TRUE;
  return g_str_equal (name, "main-empty");
}

static void
record_screens (gpointer data)
{
  Record *record = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  record->window = RD_WINDOW (wait_for_window (RD_TYPE_WINDOW, NULL));
  record->store = rd_application_get_store (record->app);
  record->framework = rd_framework_load_builtin (NULL);
  if (is_wanted ("main-empty"))
    save_main (record, "main-empty.png");

  /* Some questions moved since last year, here and around. */
  fixture_shifts = screen_record_shifts;
  add_region (record->store, record->framework, rand);
  record->assessment_id = add_own_school (record->store, record->framework, rand, &record->school_id);
  add_history (record->store, record->framework, record->school_id);
  add_evidence (record->store, record->assessment_id);
  add_learning_log (record->store, record->school_id);
  wait_for_idle ();
  rd_window_select_school (record->window, record->school_id);
  wait_for_idle ();

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    if (is_wanted (screens[i].name))
      {
        /* A page that widened the window leaves it wide: each screen
         * starts from the record's size again. */
        gtk_window_set_default_size (GTK_WINDOW (record->window), record->width, record->height);
        wait_for_idle ();
        screens[i].take (record);
      }

  g_clear_object (&record->framework);
  rd_window_close_without_asking (record->window);
  g_application_quit (G_APPLICATION (record->app));
}

static void
on_startup (GApplication *app,
            Record       *record)
{
  g_idle_add_once (record_screens, record);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size = NULL;
  g_autofree char *style = NULL;
  g_autofree char *list = NULL;
  g_autofree char *localedir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean show_list = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  Record record = { 0, };
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "The main window's size (1280x800)", "WxH" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style, "light or dark", "STYLE" },
    { "screens", 0, 0, G_OPTION_ARG_STRING, &list, "Only these screens, by name", "A,B" },
    { "localedir", 0, 0, G_OPTION_ARG_FILENAME, &localedir, "The translations (the build's po folder)", "DIR" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &show_list, "List the screens' names", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "OUTPUT-DIR" },
    { NULL }
  };
  char *app_argv[4];

  setlocale (LC_ALL, "");
  context = g_option_context_new ("OUTPUT-DIR");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (show_list)
    {
      g_print ("main-empty\n");
      for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
        g_print ("%s\n", screens[i].name);
      return 0;
    }
  if (rest == NULL || g_strv_length (rest) != 1)
    {
      g_printerr ("Usage: %s [--size WxH] [--style light|dark] [--screens A,B] OUTPUT-DIR\n", argv[0]);
      return 2;
    }
  record.width = 1280;
  record.height = 800;
  if (size != NULL && sscanf (size, "%dx%d", &record.width, &record.height) != 2)
    fail ("--size is WxH", NULL);
  if (list != NULL)
    wanted = g_strsplit (list, ",", -1);
  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    if (!is_screen (wanted[i]))
      {
        g_printerr ("take-screens: no screen is called %s (take-screens --list)\n", wanted[i]);
        return 2;
      }
  screenshot_output_dir = rest[0];
  g_mkdir_with_parents (screenshot_output_dir, 0755);

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  adw_init ();
  /* GNOME's own title buttons (its button-layout "appmenu:close"), which
   * a bare X server does not give. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-decoration-layout", "menu:close", NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_strcmp0 (style, "dark") == 0 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                     : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The main window takes its size from the settings (a memory backend). */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", record.width);
  g_settings_set_int (settings, "window-height", record.height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  dir = g_dir_make_tmp ("readiness-screens-XXXXXX", &error);
  check (dir != NULL, "a temporary directory");
  path = g_build_filename (dir, "readiness.db", NULL);

  record.app = rd_application_new ();
  g_signal_connect (record.app, "startup", G_CALLBACK (on_startup), &record);
  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--database";
  app_argv[2] = path;
  app_argv[3] = NULL;
  record.exit_status = g_application_run (G_APPLICATION (record.app), 3, app_argv);
  g_clear_object (&record.app);
  g_strfreev (wanted);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *marker = g_strconcat (path, "-open", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (marker);
    g_remove (path);
    g_rmdir (dir);
  }
  return record.exit_status;
}
