#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-accessible.h"
#include "rd-assessment-dialog.h"
#include "rd-assessment-view.h"
#include "rd-compare-window.h"
#include "rd-database-check.h"
#include "rd-discussion-window.h"
#include "rd-learning-log-page.h"
#include "rd-meter.h"
#include "rd-region-commands.h"
#include "rd-school-dialog.h"
#include "rd-window-private.h"
#include "rd-workshop-round.h"
#include "rd-undo-toast.h"

/* Seconds after the window is made: startup keeps both cores. */
#define BACKGROUND_CHECK_DELAY_S 1

/* GTK 4.8's list view keeps some 200 rows whatever its height, each made,
 * styled and measured before the window first maps (most of the time a
 * region's database added to the start): until the window has drawn, the
 * list holds a screenful of schools (4K at 50 px a row). */
#define SCHOOLS_BEFORE_FIRST_FRAME 48

struct _RdWindow
{
  AdwApplicationWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  GSettings *settings;        /* NULL when the schema is not installed */
  GListStore *schools;        /* of RdSchool, a snapshot of the store */
  gint64 selected_school_id;
  GtkWindow *dialog;          /* the open school or assessment dialog */
  RdAssessmentView *assessment_view;  /* the open assessment, or NULL */
  GtkWidget *learning_log;    /* the open school's learning log, or NULL */
  gboolean assessments_stale; /* answers changed while an assessment was open */
  GPtrArray *pending_imports; /* files opened during a workshop round, imported after it */
  GtkWindow *quit_dialog;     /* asking whether to quit during a round */
  gboolean quit_confirmed;    /* the user chose to quit during the round */
  gboolean quit_application;  /* ... and to quit the whole application */

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkStack *sidebar_stack;
  GtkListView *school_list;
  GtkSliceListModel *school_slice;       /* of self->schools: all of them once the window has drawn */
  GtkSingleSelection *school_selection;  /* of self->school_slice */
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkListBox *assessment_list;
  GListStore *assessments;    /* of the selected school, as the list shows them */
  GtkWidget *new_assessment_button;
  GtkWidget *school_menu_button;
  RdRegionCommands *region_commands;
  GCancellable *check_cancellable; /* the database checks under way */
  guint background_check_id;        /* the check after opening, not yet started */
};

G_DEFINE_FINAL_TYPE (RdWindow, rd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FRAMEWORK,
  PROP_IN_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (RdWindow     *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static RdSchool *
find_school (RdWindow *self,
             gint64    school_id,
             guint    *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->schools));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdSchool) school = g_list_model_get_item (G_LIST_MODEL (self->schools), i);

      if (rd_school_get_id (school) == school_id)
        {
          if (position != NULL)
            *position = i;
          return school;  /* the list store keeps it alive */
        }
    }

  return NULL;
}

static void
set_group_enabled (GActionGroup *group,
                   gboolean      enabled)
{
  g_auto(GStrv) names = g_action_group_list_actions (group);

  for (guint i = 0; names[i] != NULL; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), names[i])),
                                 enabled);
}

/* School actions apply to the list: with an assessment open, Delete or
 * Ctrl+N must not reach a school the user cannot even see. During a
 * workshop round nothing leads away from it: no other assessment, no
 * comparison, no files in or out. */
static void
update_actions (RdWindow *self)
{
  gboolean home = self->assessment_view == NULL && self->learning_log == NULL;
  gboolean has_school = home && find_school (self, self->selected_school_id, NULL) != NULL;
  gboolean in_round = rd_window_is_in_round (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-assessment", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-assessment", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-assessment", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-assessment", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-school", !in_round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-schools", !in_round);
  if (self->region_commands != NULL)
    set_group_enabled (G_ACTION_GROUP (self->region_commands), !in_round);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-school", home);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-school", has_school);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-school", has_school);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-school", has_school);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assessment", has_school);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-learning-log", has_school && !in_round);
  gtk_widget_set_visible (self->new_assessment_button, has_school);
  gtk_widget_set_visible (self->school_menu_button, has_school);
}

static char *
describe_assessment (RdWindow     *self,
                     RdAssessment *assessment,
                     double       *fraction)
{
  RdFramework *framework = rd_assessment_get_framework_edition (assessment, self->framework);
  g_autoptr(GPtrArray) items = rd_framework_list_items (framework, NULL, rd_assessment_get_mode (assessment));
  guint n_respondents = rd_assessment_get_n_respondents (assessment);
  guint n_answered = rd_assessment_count_answered_items (assessment, framework);
  g_autofree char *answered = NULL;
  g_autofree char *respondents = NULL;
  const char *status;

  *fraction = items->len > 0 ? (double) n_answered / items->len : 0;
  status = rd_assessment_get_status (assessment) == RD_ASSESSMENT_STATUS_COMPLETE
           ? C_("assessment status", "Complete") : C_("assessment status", "Draft");

  /* The same count as the Results page and the report: items anyone answered. */
  answered = g_strdup_printf (g_dngettext (NULL, "%u of %u item answered", "%u of %u items answered", items->len),
                              n_answered, items->len);
  if (n_respondents <= 1)
    /* Translators: "Draft · 12 of 58 items answered" */
    return g_strdup_printf (_("%s · %s"), status, answered);

  respondents = g_strdup_printf (g_dngettext (NULL, "%u respondent", "%u respondents", n_respondents),
                                 n_respondents);
  /* Translators: "Draft · 49 of 58 items answered · 6 respondents" */
  return g_strdup_printf (_("%s · %s · %s"), status, answered, respondents);
}

/* A flat icon button acting on one assessment; its accessible name says
 * which, since the icon alone does not. */
static GtkWidget *
create_row_button (const char *icon_name,
                   const char *tooltip,
                   const char *accessible_name,
                   const char *action_name,
                   gint64      assessment_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", assessment_id);
  return button;
}

static GtkWidget *
create_assessment_row (gpointer item,
                       gpointer user_data)
{
  RdWindow *self = RD_WINDOW (user_data);
  RdAssessment *assessment = RD_ASSESSMENT (item);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *open_label = NULL;
  GtkWidget *row, *meter, *delete_button, *open_button;
  double fraction;

  /* Translators: "2026-2027 — Full assessment" */
  title = g_strdup_printf (_("%s — %s"), rd_assessment_get_school_year (assessment),
                           rd_assessment_mode_get_title (rd_assessment_get_mode (assessment)));
  subtitle = describe_assessment (self, assessment, &fraction);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  meter = rd_meter_new ();
  gtk_widget_set_size_request (meter, 96, 8);
  rd_meter_set_fraction (RD_METER (meter), fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (meter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answered"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), meter);

  /* Translators: accessible name of a button, "Delete assessment 2026-2027 — Full assessment" */
  delete_label = g_strdup_printf (_("Delete assessment %s"), title);
  delete_button = create_row_button ("user-trash-symbolic", _("Delete Assessment"), delete_label,
                                     "win.delete-assessment", rd_assessment_get_id (assessment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  /* A real button, so that screen readers can open the assessment too;
   * clicking anywhere on the row activates it. */
  /* Translators: accessible name of a button, "Open assessment 2026-2027 — Full assessment" */
  open_label = g_strdup_printf (_("Open assessment %s"), title);
  open_button = create_row_button ("go-next-symbolic", _("Open Assessment"), open_label,
                                   "win.open-assessment", rd_assessment_get_id (assessment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open_button);
  /* The row labels the button with its title too, which the name has. */
  rd_accessible_name_button (open_button, open_label);

  return row;
}

static void
reload_assessments (RdWindow *self)
{
  RdSchool *school = find_school (self, self->selected_school_id, NULL);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;

  if (school == NULL)
    {
      g_list_store_remove_all (self->assessments);
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "no-school");
      return;
    }

  adw_window_title_set_title (self->content_title, rd_school_get_name (school));
  adw_window_title_set_subtitle (self->content_title,
                                 rd_school_get_region (school) ? rd_school_get_region (school) : "");

  assessments = rd_store_list_assessments (self->store, self->selected_school_id, &error);
  if (assessments == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_splice (self->assessments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->assessments)),
                       assessments->pdata, assessments->len);

  gtk_stack_set_visible_child_name (self->content_stack,
                                    assessments->len > 0 ? "assessments" : "no-assessments");
}

static void
show_all_schools (RdWindow *self)
{
  gtk_slice_list_model_set_size (self->school_slice, G_MAXUINT);
}

static void
on_first_frame_drawn (RdWindow      *self,
                      GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_drawn, self);
  show_all_schools (self);
}

static void
on_realize (RdWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame_drawn), self, G_CONNECT_SWAPPED);
}

static void on_school_selected (RdWindow *self);

static void
select_row_for_school (RdWindow *self)
{
  guint position;

  if (find_school (self, self->selected_school_id, &position) == NULL)
    position = GTK_INVALID_LIST_POSITION;
  else if (position >= gtk_slice_list_model_get_size (self->school_slice))
    show_all_schools (self);
  g_signal_handlers_block_by_func (self->school_selection, on_school_selected, self);
  gtk_single_selection_set_selected (self->school_selection, position);
  g_signal_handlers_unblock_by_func (self->school_selection, on_school_selected, self);
  /* Only the rows in view exist: bring the school's into view. */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->school_list), "list.scroll-to-item", "u", position);
}

static void
reload_schools (RdWindow *self)
{
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GError) error = NULL;

  schools = rd_store_list_schools (self->store, &error);
  if (schools == NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_handlers_block_by_func (self->school_selection, on_school_selected, self);
  g_list_store_splice (self->schools, 0, g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       schools->pdata, schools->len);
  g_signal_handlers_unblock_by_func (self->school_selection, on_school_selected, self);

  if (find_school (self, self->selected_school_id, NULL) == NULL)
    self->selected_school_id = 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, schools->len > 0 ? "list" : "empty");
  select_row_for_school (self);
  update_actions (self);
  reload_assessments (self);
}

/* The school list recycles a screenful of rows: a region of 10,000 schools
 * would otherwise cost some 9 KB of widgets, CSS nodes and layouts each. */
static void
on_school_row_released (RdWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
setup_school_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  RdWindow                 *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), details);

  /* A click on a school opens it, also when it was selected already. */
  g_signal_connect_object (click, "released", G_CALLBACK (on_school_row_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, box);
}

static void
bind_school_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 RdWindow                 *self)
{
  RdSchool *school = RD_SCHOOL (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autoptr(GString) detail_text = g_string_new (NULL);
  g_autofree char *school_type = rd_school_describe_type (school);

  if (rd_school_get_region (school) != NULL)
    g_string_append (detail_text, rd_school_get_region (school));
  if (school_type != NULL)
    {
      if (detail_text->len > 0)
        g_string_append (detail_text, " · ");
      g_string_append (detail_text, school_type);
    }

  gtk_label_set_text (GTK_LABEL (name), rd_school_get_name (school));
  gtk_label_set_text (GTK_LABEL (details), detail_text->str);
  gtk_widget_set_visible (details, detail_text->len > 0);

  /* GTK 4.8 does not name a row after its labels; screen readers need it.
   * The row is the list item's widget, the box's parent. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rd_school_get_name (school),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail_text->str,
                                  -1);
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, rd_school_get_name (school),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail_text->str,
                                    -1);
}

static void
on_school_selected (RdWindow *self)
{
  RdSchool *school;

  school = gtk_single_selection_get_selected_item (self->school_selection);
  if (school == NULL || rd_school_get_id (school) == self->selected_school_id)
    return;

  self->selected_school_id = rd_school_get_id (school);
  update_actions (self);
  reload_assessments (self);
}

static void
on_school_activated (RdWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_assessments_changed (RdWindow *self,
                        gint64    school_id)
{
  if (school_id == self->selected_school_id)
    reload_assessments (self);
}

/* While an assessment is open every answer changes the counts in the list;
 * rebuilding it then would be work nobody sees, so it waits until closing. */
static void
on_answers_changed (RdWindow *self)
{
  if (self->assessment_view != NULL)
    self->assessments_stale = TRUE;
  else
    reload_assessments (self);
}

static void import_pending_files (RdWindow *self);

/* Windows left open from before the round show what it keeps hidden:
 * the comparison of schools, the groups' views on the projector. */
static void
close_revealing_windows (RdWindow *self)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if ((RD_IS_COMPARE_WINDOW (l->data) || RD_IS_DISCUSSION_WINDOW (l->data)) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_window_destroy (l->data);
}

static void
on_round_changed (RdWindow *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_ROUND]);
  if (rd_window_is_in_round (self))
    close_revealing_windows (self);
  else
    import_pending_files (self);
}

static void
close_assessment (RdWindow *self)
{
  /* A round is left through End the Round, on its hand-over screen. */
  if (self->assessment_view == NULL || rd_window_is_in_round (self))
    return;

  rd_assessment_view_flush (self->assessment_view);
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  gtk_stack_remove (self->main_stack, GTK_WIDGET (self->assessment_view));
  self->assessment_view = NULL;

  if (self->assessments_stale)
    reload_assessments (self);
  self->assessments_stale = FALSE;
  update_actions (self);
}

static RdAssessmentView *
open_assessment (RdWindow  *self,
                 gint64     assessment_id,
                 GError   **error)
{
  g_autofree char *round_file = rd_workshop_round_path_for (rd_store_get_path (self->store));
  GtkWidget *view;

  close_assessment (self);
  if (self->assessment_view != NULL)
    return NULL;

  view = rd_assessment_view_new (self->store, self->framework, assessment_id, error);
  if (view == NULL)
    return NULL;

  self->assessment_view = RD_ASSESSMENT_VIEW (view);
  rd_assessment_view_set_round_file (self->assessment_view, round_file);
  g_signal_connect_object (view, "close", G_CALLBACK (close_assessment), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::in-round", G_CALLBACK (on_round_changed), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, view, "assessment");
  gtk_stack_set_visible_child (self->main_stack, view);
  update_actions (self);
  return self->assessment_view;
}

static void
open_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (rd_window_is_in_round (self))
    return;
  if (open_assessment (self, g_variant_get_int64 (parameter), &error) == NULL && error != NULL)
    show_error (self, error);
}

/* A round that was under way when Readiness last quit goes on at its
 * hand-over screen; a round whose assessment has gone is forgotten. */
static void
resume_round (RdWindow *self)
{
  g_autofree char *path = rd_workshop_round_path_for (rd_store_get_path (self->store));
  g_autoptr(RdWorkshopRound) round = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  RdAssessmentView *view;
  gint64 assessment_id;

  round = rd_workshop_round_load (path, &error);
  if (round == NULL)
    {
      if (error != NULL)
        {
          g_warning ("Ignoring the kept workshop round: %s", error->message);
          rd_workshop_round_forget (path, NULL);
        }
      return;
    }

  assessment_id = rd_workshop_round_find_assessment (round, self->store);
  if (assessment_id != 0)
    assessment = rd_store_get_assessment (self->store, assessment_id, NULL);
  if (assessment == NULL)
    {
      /* The file names this database: its assessment is gone or complete. */
      if (g_strcmp0 (round->database_path, rd_store_get_path (self->store)) == 0)
        rd_workshop_round_forget (path, NULL);
      return;
    }

  rd_window_select_school (self, rd_assessment_get_school_id (assessment));
  view = open_assessment (self, assessment_id, &error);
  if (view == NULL)
    {
      if (error != NULL)
        show_error (self, error);
      return;
    }
  rd_assessment_view_resume_round (view, round->groups, round->n_participants);
}

static void
close_assessment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  close_assessment (RD_WINDOW (widget));
}

static void
remember_dialog (RdWindow  *self,
                 GtkWindow *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
on_school_dialog_response (RdWindow       *self,
                           const char     *response,
                           RdSchoolDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  gint64 school_id = rd_school_dialog_get_school_id (dialog);

  if (!g_str_equal (response, "save"))
    return;

  if (school_id == 0)
    {
      school_id = rd_store_add_school (self->store,
                                       rd_school_dialog_get_name (dialog),
                                       rd_school_dialog_get_region (dialog),
                                       rd_school_dialog_get_school_type (dialog),
                                       &error);
      if (school_id != 0)
        rd_window_select_school (self, school_id);
    }
  else
    {
      rd_store_update_school (self->store, school_id,
                              rd_school_dialog_get_name (dialog),
                              rd_school_dialog_get_region (dialog),
                              rd_school_dialog_get_school_type (dialog),
                              &error);
    }

  if (error != NULL)
    show_error (self, error);
}

static void
open_school_dialog (RdWindow *self,
                    RdSchool *school)
{
  RdSchoolDialog *dialog = rd_school_dialog_new (GTK_WINDOW (self), school);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_school_dialog_response),
                           self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
}

static void
add_school_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_school_dialog (RD_WINDOW (widget), NULL);
}

static void
rename_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdSchool *school = find_school (self, self->selected_school_id, NULL);

  if (school != NULL)
    open_school_dialog (self, school);
}

/* A deletion is only final when its toast goes away without Undo: the
 * dismissed handler purges what is then still in the trash. */
static void
add_undo_toast (RdWindow   *self,
                const char *title,
                const char *undo_action,
                gint64      id,
                GCallback   on_dismissed)
{
  AdwToast *toast = rd_undo_toast_new (title, undo_action, g_variant_new_int64 (id));

  g_object_set_data (G_OBJECT (toast), "trashed-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (toast, "dismissed", on_dismissed, self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gint64
trashed_id (AdwToast *toast)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "trashed-id"));
}

static void
on_school_toast_dismissed (AdwToast *toast,
                           RdWindow *self)
{
  gint64 school_id = trashed_id (toast);
  g_autoptr(GError) error = NULL;

  /* Purges only when still in the trash, so an undone deletion survives. */
  if (!rd_store_purge_school (self->store, school_id, &error))
    g_warning ("Could not purge school %" G_GINT64_FORMAT ": %s", school_id, error->message);
}

static void
delete_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdSchool *school = find_school (self, self->selected_school_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 school_id;

  if (school == NULL)
    return;

  school_id = rd_school_get_id (school);
  /* Translators: toast after deleting, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), rd_school_get_name (school));

  if (!rd_store_trash_school (self->store, school_id, &error))
    {
      show_error (self, error);
      return;
    }

  add_undo_toast (self, title, "win.undo-delete-school", school_id,
                  G_CALLBACK (on_school_toast_dismissed));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
export_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  g_action_group_activate_action (G_ACTION_GROUP (self->region_commands), "export-school",
                                  g_variant_new_int64 (self->selected_school_id));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  GtkWidget *window = rd_compare_window_new (GTK_WINDOW (self), self->store, self->framework);

  /* Import School Files… there is this window's command, disabled with it during a round. */
  gtk_widget_insert_action_group (window, "region", G_ACTION_GROUP (self->region_commands));
  gtk_window_present (GTK_WINDOW (window));
}

static void
undo_delete_school_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  gint64 school_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_school (self->store, school_id, &error))
    show_error (self, error);
  else
    rd_window_select_school (self, school_id);
}

/* Carried-over actions should not arrive unnoticed. */
static void
announce_carried_actions (RdWindow *self,
                          gint64    assessment_id)
{
  g_autoptr(GPtrArray) actions = rd_store_list_actions (self->store, assessment_id, NULL);
  g_autofree char *title = NULL;

  if (actions == NULL || actions->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (NULL,
                                        "%u unfinished action carried over from %s",
                                        "%u unfinished actions carried over from %s",
                                        actions->len),
                           actions->len, rd_action_get_carried_from (g_ptr_array_index (actions, 0)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_assessment_dialog_response (RdWindow           *self,
                               const char         *response,
                               RdAssessmentDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *school_year = NULL;
  gint64 assessment_id;

  if (!g_str_equal (response, "create"))
    return;

  school_year = rd_assessment_dialog_get_school_year (dialog);
  assessment_id = rd_store_add_assessment (self->store, self->selected_school_id, school_year,
                                           self->framework, rd_assessment_dialog_get_mode (dialog), &error);
  if (assessment_id == 0)
    {
      show_error (self, error);
      return;
    }

  /* Who creates an assessment means to answer it. */
  if (open_assessment (self, assessment_id, &error) == NULL && error != NULL)
    show_error (self, error);
  announce_carried_actions (self, assessment_id);
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdSchool *school = find_school (self, self->selected_school_id, NULL);
  RdAssessmentDialog *dialog;

  if (school == NULL)
    return;

  dialog = rd_assessment_dialog_new (GTK_WINDOW (self), rd_school_get_name (school));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assessment_dialog_response),
                           self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
}

static void
on_assessment_toast_dismissed (AdwToast *toast,
                               RdWindow *self)
{
  gint64 assessment_id = trashed_id (toast);
  g_autoptr(GError) error = NULL;

  if (!rd_store_purge_assessment (self->store, assessment_id, &error))
    g_warning ("Could not purge assessment %" G_GINT64_FORMAT ": %s", assessment_id, error->message);
}

static void
delete_assessment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  gint64 assessment_id = g_variant_get_int64 (parameter);
  g_autoptr(RdAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  assessment = rd_store_get_assessment (self->store, assessment_id, &error);
  if (assessment == NULL || !rd_store_trash_assessment (self->store, assessment_id, &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: toast after deleting, "Assessment 2026-2027 deleted" */
  title = g_strdup_printf (_("Assessment %s deleted"), rd_assessment_get_school_year (assessment));
  add_undo_toast (self, title, "win.undo-delete-assessment", assessment_id,
                  G_CALLBACK (on_assessment_toast_dismissed));
}

static void
undo_delete_assessment_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_assessment (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
close_learning_log (RdWindow *self)
{
  if (self->learning_log == NULL)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  gtk_stack_remove (self->main_stack, self->learning_log);
  self->learning_log = NULL;
  update_actions (self);
}

/* The selected school's professional-learning log, in place of the
 * school's page as an assessment is. */
static void
open_learning_log_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdSchool *school = find_school (self, self->selected_school_id, NULL);

  if (school == NULL || self->assessment_view != NULL || rd_window_is_in_round (self))
    return;
  close_learning_log (self);
  self->learning_log = rd_learning_log_page_new (self->store, self->framework, rd_school_get_id (school),
                                                 rd_school_get_name (school));
  g_signal_connect_object (self->learning_log, "close", G_CALLBACK (close_learning_log), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, self->learning_log, "learning-log");
  gtk_stack_set_visible_child (self->main_stack, self->learning_log);
  update_actions (self);
}

static void
show_schools_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
load_window_state (RdWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Run from the build tree without the schema, the window simply keeps no state. */
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
quit_after_question (gpointer user_data)
{
  RdWindow *self = user_data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->quit_application && application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_quit_response (RdWindow   *self,
                  const char *response)
{
  if (!g_str_equal (response, "quit"))
    {
      self->quit_application = FALSE;
      return;
    }

  /* Once the question has gone: the window must outlive its dialog. */
  self->quit_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_after_question, g_object_ref (self), g_object_unref);
}

/* Quitting keeps the round: it resumes at the hand-over screen. */
void
rd_window_ask_before_quitting (RdWindow *self,
                               gboolean  quit_application)
{
  GtkWidget *dialog;

  g_return_if_fail (RD_IS_WINDOW (self));

  self->quit_application = quit_application;
  if (self->quit_dialog != NULL)
    {
      gtk_window_present (self->quit_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Quit During the Workshop Round?"),
                                   _("The round is not ended: everyone’s answers so far are kept, and the "
                                     "next time Readiness starts, it opens at the hand-over screen. The "
                                     "results stay hidden until the round is ended."));
  gtk_widget_set_name (dialog, "quit-round");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "quit", _("_Quit"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quit_response), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->quit_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* When the system ends Readiness there is nobody to ask: the round is
 * kept, as after Quit. */
void
rd_window_close_without_asking (RdWindow *self)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  self->quit_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Whether the window may close without asking first. */
gboolean
rd_window_may_quit (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), TRUE);
  return self->quit_confirmed || !rd_window_is_in_round (self);
}

static gboolean
rd_window_close_request (GtkWindow *window)
{
  RdWindow *self = RD_WINDOW (window);

  if (!rd_window_may_quit (self))
    {
      rd_window_ask_before_quitting (self, FALSE);
      return TRUE;
    }

  if (self->assessment_view != NULL)
    rd_assessment_view_flush (self->assessment_view);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rd_window_parent_class)->close_request (window);
}

/* The full check runs once the window is up: at open, only cheap checks. */
static gboolean
start_background_check (gpointer data)
{
  RdWindow *self = data;

  self->background_check_id = 0;
  rd_database_check_start (self->store, GTK_WINDOW (self), FALSE, self->check_cancellable);
  return G_SOURCE_REMOVE;
}

static void
check_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  rd_database_check_start (self->store, GTK_WINDOW (self), TRUE, self->check_cancellable);
}

static void
rd_window_constructed (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  G_OBJECT_CLASS (rd_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "schools-changed", G_CALLBACK (reload_schools),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "assessments-changed", G_CALLBACK (on_assessments_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "answers-changed", G_CALLBACK (on_answers_changed),
                           self, G_CONNECT_SWAPPED);

  self->region_commands = rd_region_commands_new (self->store, self->framework, GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "region", G_ACTION_GROUP (self->region_commands));

  load_window_state (self);
  reload_schools (self);

  /* Open on a school rather than an empty page; a narrow window stays on the list. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->schools)) > 0)
    {
      g_autoptr(RdSchool) first = g_list_model_get_item (G_LIST_MODEL (self->schools), 0);

      self->selected_school_id = rd_school_get_id (first);
      select_row_for_school (self);
      update_actions (self);
      reload_assessments (self);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }

  resume_round (self);

  self->check_cancellable = g_cancellable_new ();
  self->background_check_id = g_timeout_add_seconds (BACKGROUND_CHECK_DELAY_S, start_background_check, self);
}

static void
rd_window_dispose (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  if (self->quit_dialog != NULL)
    gtk_window_destroy (self->quit_dialog);
  g_clear_weak_pointer (&self->quit_dialog);
  g_clear_handle_id (&self->background_check_id, g_source_remove);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  /* The window's action muxer can outlive it: GTK 4.8's tooltip window keeps
   * the muxer of the last window it showed on. Nothing of ours stays in it. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "region", NULL);

  G_OBJECT_CLASS (rd_window_parent_class)->dispose (object);
}

static void
rd_window_finalize (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->settings);
  g_clear_object (&self->school_selection);
  g_clear_object (&self->school_slice);
  g_clear_object (&self->schools);
  g_clear_object (&self->assessments);
  g_clear_object (&self->region_commands);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_window_parent_class)->finalize (object);
}

static void
rd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;
    case PROP_IN_ROUND:
      g_value_set_boolean (value, rd_window_is_in_round (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_class_init (RdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rd_window_constructed;
  object_class->dispose = rd_window_dispose;
  object_class->finalize = rd_window_finalize;
  object_class->set_property = rd_window_set_property;
  object_class->get_property = rd_window_get_property;
  window_class->close_request = rd_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL, RD_TYPE_FRAMEWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_ROUND] =
    g_param_spec_boolean ("in-round", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/rd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, content);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, school_list);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, new_assessment_button);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, school_menu_button);

  gtk_widget_class_install_action (widget_class, "win.add-school", NULL, add_school_action);
  gtk_widget_class_install_action (widget_class, "win.rename-school", NULL, rename_school_action);
  gtk_widget_class_install_action (widget_class, "win.delete-school", NULL, delete_school_action);
  gtk_widget_class_install_action (widget_class, "win.export-school", NULL, export_school_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.check-database", NULL, check_database_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-school", "x",
                                   undo_delete_school_action);
  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.delete-assessment", "x",
                                   delete_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-assessment", "x",
                                   undo_delete_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.show-schools", NULL, show_schools_action);
  gtk_widget_class_install_action (widget_class, "win.open-learning-log", NULL, open_learning_log_action);
  gtk_widget_class_install_action (widget_class, "win.open-assessment", "x", open_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.close-assessment", NULL, close_assessment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-school", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-school", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-learning-log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-school", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-assessment", NULL);
}

static void
rd_window_init (RdWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->schools = g_list_store_new (RD_TYPE_SCHOOL);
  self->assessments = g_list_store_new (RD_TYPE_ASSESSMENT);
  gtk_list_box_bind_model (self->assessment_list, G_LIST_MODEL (self->assessments), create_assessment_row, self, NULL);
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
  self->school_slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->schools)), 0,
                                                 SCHOOLS_BEFORE_FIRST_FRAME);
  self->school_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->school_slice)));
  gtk_single_selection_set_autoselect (self->school_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->school_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_school_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_school_row), self, 0);
  gtk_list_view_set_factory (self->school_list, factory);
  gtk_list_view_set_model (self->school_list, GTK_SELECTION_MODEL (self->school_selection));
  g_signal_connect_object (self->school_selection, "selection-changed",
                           G_CALLBACK (on_school_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->school_list, "activate",
                           G_CALLBACK (on_school_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}

RdWindow *
rd_window_new (GtkApplication *application,
               RdStore        *store,
               RdFramework    *framework)
{
  return g_object_new (RD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "framework", framework,
                       NULL);
}

gint64
rd_window_get_selected_school (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), 0);
  return self->selected_school_id;
}

void
rd_window_select_school (RdWindow *self,
                         gint64    school_id)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  self->selected_school_id = school_id;
  select_row_for_school (self);
  update_actions (self);
  reload_assessments (self);
  if (find_school (self, school_id, NULL) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

RdAssessmentView *
rd_window_get_assessment_view (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  return self->assessment_view;
}

/* The dialog the window has open, if any: tests answer it like a user would. */
GtkWindow *
rd_window_get_dialog (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  return self->dialog;
}

RdRegionCommands *
rd_window_get_region_commands (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  return self->region_commands;
}

static void
import_pending_files (RdWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;

  if (self->pending_imports->len == 0)
    return;

  files = g_steal_pointer (&self->pending_imports);
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
  rd_region_commands_import_and_report (self->region_commands, (GFile * const *) files->pdata, files->len);
}

/* Files the desktop opened with the app: exchange files are imported. An
 * import may replace the assessment of a round under way: those files
 * wait until the round has ended. */
void
rd_window_import_files (RdWindow      *self,
                        GFile * const *files,
                        guint          n_files)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_imports, g_object_ref (files[i]));
  if (!rd_window_is_in_round (self))
    import_pending_files (self);
}

gboolean
rd_window_is_in_round (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), FALSE);
  return self->assessment_view != NULL && rd_assessment_view_is_workshop (self->assessment_view);
}
