#define G_LOG_DOMAIN "rd-action-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-action-dialog.h"
#include "rd-action-plan-page-private.h"
#include "rd-change.h"
#include "rd-input.h"
#include "rd-undo-toast.h"

struct _RdActionPlanPage
{
  GtkWidget parent_instance;

  RdStore *store;
  RdFramework *framework;
  RdAssessment *assessment;
  GListStore *actions;       /* the plan's RdActions, as the store lists them */

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkWidget *groups[RD_N_ACTION_STATUSES];
  GtkListBox *lists[RD_N_ACTION_STATUSES];
  AdwPreferencesGroup *closed_group;
  GtkListBox *closed_list;
  guint n_closed;            /* last year's done actions shown */
};

G_DEFINE_FINAL_TYPE (RdActionPlanPage, rd_action_plan_page, GTK_TYPE_WIDGET)

/* The template has a group per status. */
G_STATIC_ASSERT (RD_N_ACTION_STATUSES == 3);

static void
rd_action_plan_page_dispose (GObject *object)
{
  RdActionPlanPage *self = RD_ACTION_PLAN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_ACTION_PLAN_PAGE);
  g_clear_object (&self->actions);
  /* Its handler reads what is cleared here. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (rd_action_plan_page_parent_class)->dispose (object);
}

/* "Investment · Ms Peeters · due 31-03-2027 · carried over from 2025-2026" */
static char *
describe_action (RdAction *action)
{
  g_autoptr(GString) text = g_string_new (rd_factor_get_short_title (rd_action_get_factor (action)));

  if (rd_action_get_owner (action) != NULL)
    g_string_append_printf (text, " · %s", rd_action_get_owner (action));
  if (rd_action_get_due (action) != NULL)
    {
      g_autoptr(GDate) date = g_date_new ();
      g_autofree char *due = NULL;

      g_date_set_parse (date, rd_action_get_due (action));
      due = g_date_valid (date) ? rd_input_format_date (date) : g_strdup (rd_action_get_due (action));
      /* Translators: part of an action's summary, %s is a date */
      g_string_append_printf (text, _(" · due %s"), due);
    }
  if (rd_action_get_carried_from (action) != NULL)
    /* Translators: part of an action's summary, %s is a school year */
    g_string_append_printf (text, _(" · carried over from %s"), rd_action_get_carried_from (action));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  RdAction *action = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe_action (action);
  g_autofree char *delete_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_action_get_title (action));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "plan.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (rd_action_get_id (action)));

  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete_button, _("Delete"));
  /* Translators: accessible name of an action's delete button */
  delete_label = g_strdup_printf (_("Delete “%s”"), rd_action_get_title (action));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "plan.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button),
                                          g_variant_new_int64 (rd_action_get_id (action)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* A done action of last year's plan and what its questions did since. */
static GtkWidget *
create_closed_row (RdChange *change,
                   RdAction *action)
{
  const char * const *ids = rd_action_get_item_ids (action);
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *line = rd_change_format_action_item (change, ids[i], FALSE);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
    }
  if (lines->len == 0)
    g_string_append (lines, _("No questions linked, so no change to show."));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_action_get_title (action));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lines->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Last year's done actions, each with the change of the questions it was
 * linked to; the group stays hidden without an earlier year or done action. */
static void
reload_closed (RdActionPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = rd_change_load (self->store, self->framework,
                                               rd_assessment_get_id (self->assessment), &error);
  g_autoptr(GPtrArray) done = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->closed_list))) != NULL)
    gtk_list_box_remove (self->closed_list, child);
  self->n_closed = 0;

  if (change != NULL)
    done = rd_change_list_done_actions (change, self->store, &error);
  if (error != NULL)
    g_warning ("Last year's done actions could not be read: %s", error->message);
  if (done != NULL && done->len > 0)
    {
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      /* Translators: %s is the previous school year */
      title = g_strdup_printf (_("Done in %s"), rd_change_get_before_year (change));
      description = g_strdup_printf (_("What the questions each action was linked to did since %s: up or down, "
                                       "by how much, and whether a test calls it more than chance."),
                                     rd_change_get_before_year (change));
      adw_preferences_group_set_title (self->closed_group, title);
      adw_preferences_group_set_description (self->closed_group, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->closed_list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      for (guint i = 0; i < done->len; i++)
        gtk_list_box_append (self->closed_list, create_closed_row (change, g_ptr_array_index (done, i)));
      self->n_closed = done->len;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->closed_group), self->n_closed > 0);
}

static void
update_page (RdActionPlanPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->actions)) > 0 || self->n_closed > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
reload (RdActionPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = rd_store_list_actions (self->store, rd_assessment_get_id (self->assessment), &error);

  if (actions == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* The lists, their groups and the empty page follow the model. */
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       actions->pdata, actions->len);
  update_page (self);
}

/* This year's answers move on while the plan is open: the change is read
 * again whenever the page is shown. */
static void
on_map (RdActionPlanPage *self)
{
  reload_closed (self);
  update_page (self);
}

static void
on_actions_changed (RdStore          *store,
                    gint64            assessment_id,
                    RdActionPlanPage *self)
{
  if (assessment_id == rd_assessment_get_id (self->assessment))
    reload (self);
}

static void
on_toast_dismissed (AdwToast         *toast,
                    RdActionPlanPage *self)
{
  gint64 action_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "trashed-id"));
  g_autoptr(GError) error = NULL;

  /* Purges only what is still in the trash: an undone deletion survives. */
  if (self->store != NULL && !rd_store_purge_action (self->store, action_id, &error))
    g_warning ("Could not purge action %" G_GINT64_FORMAT ": %s", action_id, error->message);
}

/* Deleting can be undone from a toast until it goes. */
static gboolean
delete_with_undo (RdActionPlanPage  *self,
                  gint64             action_id,
                  GError           **error)
{
  g_autoptr(RdAction) action = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  action = rd_store_get_action (self->store, action_id, error);
  if (action == NULL || !rd_store_trash_action (self->store, action_id, error))
    return FALSE;

  /* Translators: toast after deleting an action, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), rd_action_get_title (action));
  toast = rd_undo_toast_new (title, "plan.undo-delete", g_variant_new_int64 (action_id));
  g_object_set_data (G_OBJECT (toast), "trashed-id", GSIZE_TO_POINTER (action_id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

static void
show_error (RdActionPlanPage *self,
            const GError     *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_requested (RdActionPlanPage *self,
                     gint64            action_id)
{
  g_autoptr(GError) error = NULL;

  if (!delete_with_undo (self, action_id, &error))
    show_error (self, error);
}

static GtkWindow *
open_dialog (RdActionPlanPage *self,
             RdAction         *action)
{
  RdActionDialog *dialog = rd_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 self->store, self->framework,
                                                 rd_assessment_get_mode (self->assessment),
                                                 rd_assessment_get_id (self->assessment), action);

  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (on_delete_requested), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
rd_action_plan_page_edit (RdActionPlanPage *self,
                          gint64            action_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAction) action = NULL;

  g_return_val_if_fail (RD_IS_ACTION_PLAN_PAGE (self), NULL);

  if (action_id == 0)
    return open_dialog (self, NULL);

  action = rd_store_get_action (self->store, action_id, &error);
  if (action == NULL)
    {
      show_error (self, error);
      return NULL;
    }

  return open_dialog (self, action);
}

/* The recommendation's first sentence makes a title; the rest are notes. */
static void
split_recommendation (const char  *recommendation,
                      char       **title,
                      char       **rest)
{
  const char *end = recommendation;

  while ((end = strchr (end, '.')) != NULL && end[1] != '\0' && end[1] != ' ')
    end++;

  if (end == NULL || end[1] == '\0')
    {
      *title = g_strdup (recommendation);
      *rest = NULL;
      return;
    }

  *title = g_strndup (recommendation, end + 1 - recommendation);
  *rest = g_strstrip (g_strdup (end + 1));
}

gint64
rd_action_plan_page_draft_from_item (RdActionPlanPage  *self,
                                     RdItem            *item,
                                     RdFactor           factor,
                                     GError           **error)
{
  const char *item_ids[] = { rd_item_get_id (item), NULL };
  const char *recommendation = rd_text_get_localized (rd_item_get_recommendation (item));
  const char *item_text = rd_text_get_localized (rd_item_get_text (item));
  double targets[RD_N_FACTORS];
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *criterion = NULL;
  RdActionInfo info;

  g_return_val_if_fail (RD_IS_ACTION_PLAN_PAGE (self), 0);

  if (!rd_store_get_targets (self->store, rd_assessment_get_id (self->assessment), targets, error))
    return 0;

  /* An item without a recommendation still gets a title to start from. */
  if (recommendation != NULL && *recommendation != '\0')
    split_recommendation (recommendation, &title, &notes);
  else
    title = g_strdup (item_text);
  /* Translators: a drafted action's success criterion: the factor's target, then the item */
  criterion = g_strdup_printf (_("A score of at least %.0f on “%s” in next year’s assessment"),
                               targets[factor], item_text);

  info = (RdActionInfo) {
    .title = title,
    .factor = factor,
    .item_ids = item_ids,
    .status = RD_ACTION_STATUS_PLANNED,
    .criterion = criterion,
    .notes = notes,
  };

  return rd_store_add_action (self->store, rd_assessment_get_id (self->assessment), &info, error);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rd_action_plan_page_edit (RD_ACTION_PLAN_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rd_action_plan_page_edit (RD_ACTION_PLAN_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_delete_requested (RD_ACTION_PLAN_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdActionPlanPage *self = RD_ACTION_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_action (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
rd_action_plan_page_class_init (RdActionPlanPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_action_plan_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plan/rd-action-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdActionPlanPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdActionPlanPage, stack);
  /* A group and a list per status, in the order of RdActionStatus. */
  gtk_widget_class_bind_template_child_full (widget_class, "planned_group", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, groups[RD_ACTION_STATUS_PLANNED]));
  gtk_widget_class_bind_template_child_full (widget_class, "in_progress_group", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, groups[RD_ACTION_STATUS_IN_PROGRESS]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_group", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, groups[RD_ACTION_STATUS_DONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "planned_list", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, lists[RD_ACTION_STATUS_PLANNED]));
  gtk_widget_class_bind_template_child_full (widget_class, "in_progress_list", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, lists[RD_ACTION_STATUS_IN_PROGRESS]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_list", FALSE,
                                             G_STRUCT_OFFSET (RdActionPlanPage, lists[RD_ACTION_STATUS_DONE]));
  gtk_widget_class_bind_template_child (widget_class, RdActionPlanPage, closed_group);
  gtk_widget_class_bind_template_child (widget_class, RdActionPlanPage, closed_list);

  gtk_widget_class_install_action (widget_class, "plan.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "plan.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "plan.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "plan.undo-delete", "x", undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "plan.add", NULL);
}

static gboolean
has_status (gpointer item,
            gpointer status)
{
  return rd_action_get_status (item) == GPOINTER_TO_UINT (status);
}

static gboolean
any_to_visible (GBinding     *binding,
                const GValue *n_items,
                GValue       *visible,
                gpointer      user_data)
{
  g_value_set_boolean (visible, g_value_get_uint (n_items) > 0);
  return TRUE;
}

static void
rd_action_plan_page_init (RdActionPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_list_store_new (RD_TYPE_ACTION);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  for (guint s = 0; s < RD_N_ACTION_STATUSES; s++)
    {
      g_autoptr(GtkFilterListModel) by_status =
        gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->actions)),
                                   GTK_FILTER (gtk_custom_filter_new (has_status, GUINT_TO_POINTER (s), NULL)));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->groups[s]), rd_action_status_get_title (s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lists[s]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rd_action_status_get_title (s), -1);
      gtk_list_box_bind_model (self->lists[s], G_LIST_MODEL (by_status), create_action_row, NULL, NULL);
      g_object_bind_property_full (by_status, "n-items", self->groups[s], "visible", G_BINDING_SYNC_CREATE,
                                   any_to_visible, NULL, NULL, NULL);
    }
}

GtkWidget *
rd_action_plan_page_new (RdStore      *store,
                         RdFramework  *framework,
                         RdAssessment *assessment)
{
  RdActionPlanPage *self = g_object_new (RD_TYPE_ACTION_PLAN_PAGE, NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment = g_object_ref (assessment);
  g_signal_connect_object (store, "actions-changed", G_CALLBACK (on_actions_changed), self, 0);
  /* Last year's done actions follow when the page is shown (on_map). */
  reload (self);

  return GTK_WIDGET (self);
}

guint
rd_action_plan_page_get_n_closed (RdActionPlanPage *self)
{
  g_return_val_if_fail (RD_IS_ACTION_PLAN_PAGE (self), 0);
  return self->n_closed;
}

guint
rd_action_plan_page_get_n_actions (RdActionPlanPage *self)
{
  g_return_val_if_fail (RD_IS_ACTION_PLAN_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->actions));
}
