#define G_LOG_DOMAIN "rd-learning-log-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-activity-dialog.h"
#include "rd-input.h"
#include "rd-learning-format.h"
#include "rd-learning-log-job.h"
#include "rd-learning-log-page-private.h"
#include "rd-staff-dialog.h"
#include "rd-undo-toast.h"

struct _RdLearningLogPage
{
  GtkWidget parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 school_id;
  char *school_name;
  GPtrArray *staff;          /* of RdStaffMember, as the list shows them */
  GPtrArray *activities;     /* of RdLearningActivity */
  GHashTable *expanded;      /* staff ids whose rows are open, kept across reloads */

  GtkWidget *content;        /* the template's root, bound so that dispose takes it */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *staff_figure;
  GtkLabel *cyber_figure;
  GtkLabel *teaching_figure;
  GtkLabel *hours_figure;
  GtkListBox *staff_list;
};

G_DEFINE_FINAL_TYPE (RdLearningLogPage, rd_learning_log_page, GTK_TYPE_WIDGET)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rd_learning_log_page_dispose (GObject *object)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->school_name, g_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_LEARNING_LOG_PAGE);

  G_OBJECT_CLASS (rd_learning_log_page_parent_class)->dispose (object);
}

static void
show_error (RdLearningLogPage *self,
            const GError      *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static RdStaffMember *
find_staff (RdLearningLogPage *self,
            gint64             staff_id)
{
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    if (rd_staff_member_get_id (g_ptr_array_index (self->staff, i)) == staff_id)
      return g_ptr_array_index (self->staff, i);
  return NULL;
}

static RdLearningActivity *
find_activity (RdLearningLogPage *self,
               gint64             activity_id)
{
  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    if (rd_learning_activity_get_id (g_ptr_array_index (self->activities, i)) == activity_id)
      return g_ptr_array_index (self->activities, i);
  return NULL;
}

static void
show_figure (GtkLabel              *label,
             const RdLearningFacts *facts,
             const char            *item_id)
{
  const RdLogFigure *figure = rd_learning_facts_lookup (facts, item_id);
  g_autofree char *text = figure ? rd_learning_format_figure (figure) : NULL;

  /* Translators: a figure the learning log cannot give (nobody to count) */
  gtk_label_set_text (label, text ? text : C_("figure", "None"));
}

static void
show_figures (RdLearningLogPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *n_staff = NULL;
  g_autofree char *hours = NULL;
  RdLearningFacts facts;

  if (!rd_store_get_learning_facts (self->store, self->school_id, 0, &facts, &error))
    {
      show_error (self, error);
      return;
    }
  n_staff = g_strdup_printf ("%u", facts.n_staff);
  gtk_label_set_text (self->staff_figure, n_staff);
  show_figure (self->cyber_figure, &facts, RD_LEARNING_ITEM_STAFF_TRAINED);
  show_figure (self->teaching_figure, &facts, RD_LEARNING_ITEM_PEDAGOGY);
  hours = rd_learning_format_hours (facts.hours_per_teacher);
  gtk_label_set_text (self->hours_figure, hours ? hours : C_("figure", "None"));
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             gint64      target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (target));
  return button;
}

static char *
format_day (const char *iso)
{
  guint32 day = rd_day_from_iso (iso);
  GDate date;

  if (day == 0)
    return g_strdup (iso ? iso : "");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return rd_input_format_date (&date);
}

/* "14-09-2026 · Complete micro-credential record" */
static char *
describe_activity (const RdLearningActivityInfo *info)
{
  g_autofree char *day = format_day (info->issued);
  guint missing = rd_credential_elements_count (rd_learning_activity_info_missing (info));
  g_autofree char *completeness = missing == 0
    ? g_strdup (_("Complete micro-credential record"))
    /* Translators: elements of a micro-credential record the user has not filled in */
    : g_strdup_printf (g_dngettext (NULL, "%u element missing", "%u elements missing", missing), missing);

  /* Translators: an activity's date of issue and how complete its record is */
  return g_strdup_printf (_("%s · %s"), day, completeness);
}

static GtkWidget *
activity_row (RdLearningActivity *activity)
{
  const RdLearningActivityInfo *info = rd_learning_activity_get_info (activity);
  g_autofree char *title = g_markup_escape_text (info->title, -1);
  g_autofree char *subtitle = describe_activity (info);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Edit Learning Activity"), "log.edit-activity",
                                          info->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove Learning Activity"),
                                          "log.remove-activity", info->id));
  return row;
}

static void
on_expanded (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             RdLearningLogPage *self)
{
  gint64 staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "staff-id"));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&staff_id, sizeof staff_id));
  else
    g_hash_table_remove (self->expanded, &staff_id);
}

static GtkWidget *
staff_row (RdLearningLogPage *self,
           RdStaffMember     *member)
{
  gint64 id = rd_staff_member_get_id (member);
  guint n = rd_staff_member_get_n_activities (member);
  g_autofree char *title = g_markup_escape_text (rd_staff_member_get_name (member), -1);
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u activity", "%u activities", n), n);
  const char *departed = rd_staff_member_get_departed (member);
  g_autofree char *left = departed != NULL && *departed != '\0' ? format_day (departed) : NULL;
  /* Someone who left is not on the log's figures: say so, or the count
   * of staff on the log does not match the list. */
  g_autofree char *subtitle = left != NULL
    /* Translators: a staff member's group, number of learning activities and the day they left the school */
    ? g_strdup_printf (_("%s · %s · left on %s"), rd_group_get_title (rd_staff_member_get_group (member)), count, left)
    /* Translators: a staff member's group and number of learning activities */
    : g_strdup_printf (_("%s · %s"), rd_group_get_title (rd_staff_member_get_group (member)), count);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *add = adw_action_row_new ();
  GtkWidget *add_button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* Each action goes before the ones added earlier: edit comes out first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               icon_button ("user-trash-symbolic", _("Remove Staff Member"), "log.remove-staff", id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               icon_button ("document-edit-symbolic", _("Edit Staff Member"), "log.edit-staff", id));

  for (guint i = 0; i < self->activities->len; i++)
    {
      RdLearningActivity *activity = g_ptr_array_index (self->activities, i);

      if (rd_learning_activity_get_info (activity)->staff_id == id)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), activity_row (activity));
    }

  add_button = gtk_button_new_with_mnemonic (_("Add _Learning Activity"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "log.add-activity");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add_button), g_variant_new_int64 (id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (add), add_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);

  g_object_set_data (G_OBJECT (row), "staff-id", GSIZE_TO_POINTER (id));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, &id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_expanded), self, 0);
  return row;
}

static void
reload (RdLearningLogPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = rd_store_list_staff (self->store, self->school_id, &error);
  g_autoptr(GPtrArray) activities = staff ? rd_store_list_learning_activities (self->store, self->school_id, &error)
                                          : NULL;
  GtkWidget *child;

  if (activities == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->staff = g_steal_pointer (&staff);
  self->activities = g_steal_pointer (&activities);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list))) != NULL)
    gtk_list_box_remove (self->staff_list, child);
  for (guint i = 0; i < self->staff->len; i++)
    gtk_list_box_append (self->staff_list, staff_row (self, g_ptr_array_index (self->staff, i)));

  gtk_stack_set_visible_child_name (self->stack, self->staff->len > 0 ? "log" : "empty");
  show_figures (self);
}

static void
on_log_changed (RdStore           *store,
                gint64             school_id,
                RdLearningLogPage *self)
{
  if (school_id == self->school_id)
    reload (self);
}

static GtkWindow *
parent_window (RdLearningLogPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWindow *
rd_learning_log_page_edit_staff (RdLearningLogPage *self,
                                 gint64             staff_id)
{
  RdStaffDialog *dialog;

  g_return_val_if_fail (RD_IS_LEARNING_LOG_PAGE (self), NULL);

  dialog = rd_staff_dialog_new (parent_window (self), self->store, self->school_id,
                                staff_id ? find_staff (self, staff_id) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
rd_learning_log_page_edit_activity (RdLearningLogPage *self,
                                    gint64             staff_id,
                                    gint64             activity_id)
{
  RdActivityDialog *dialog;

  g_return_val_if_fail (RD_IS_LEARNING_LOG_PAGE (self), NULL);

  dialog = rd_activity_dialog_new (parent_window (self), self->store, self->framework, self->staff, staff_id,
                                   activity_id ? find_activity (self, activity_id) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Removing goes to the trash, with Undo on a toast; once the toast has
 * gone it is purged. */
typedef gboolean (*PurgeFunc) (RdStore *store, gint64 id, GError **error);

static void
on_toast_dismissed (AdwToast          *toast,
                    RdLearningLogPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "trashed-id"));
  PurgeFunc purge = g_object_get_data (G_OBJECT (toast), "purge");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !purge (self->store, id, &error))
    g_warning ("Could not purge %" G_GINT64_FORMAT " from the learning log: %s", id, error->message);
}

static void
add_undo_toast (RdLearningLogPage *self,
                const char        *title,
                const char        *undo_action,
                gint64             id,
                PurgeFunc          purge)
{
  AdwToast *toast = rd_undo_toast_new (title, undo_action, g_variant_new_int64 (id));

  g_object_set_data (G_OBJECT (toast), "trashed-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (toast), "purge", purge);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rd_learning_log_page_edit_staff (RD_LEARNING_LOG_PAGE (widget), 0);
}

static void
edit_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rd_learning_log_page_edit_staff (RD_LEARNING_LOG_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
remove_staff_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);
  gint64 staff_id = g_variant_get_int64 (parameter);
  RdStaffMember *member = find_staff (self, staff_id);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (member == NULL)
    return;
  /* Translators: toast after removing a staff member from the learning log, with an Undo button */
  title = g_strdup_printf (_("“%s” removed from the log"), rd_staff_member_get_name (member));
  if (!rd_store_trash_staff_member (self->store, staff_id, &error))
    show_error (self, error);
  else
    add_undo_toast (self, title, "log.undo-remove-staff", staff_id, rd_store_purge_staff_member);
}

static void
undo_remove_staff_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_staff_member (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
add_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rd_learning_log_page_edit_activity (RD_LEARNING_LOG_PAGE (widget), g_variant_get_int64 (parameter), 0);
}

static void
edit_activity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rd_learning_log_page_edit_activity (RD_LEARNING_LOG_PAGE (widget), 0, g_variant_get_int64 (parameter));
}

static void
remove_activity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);
  gint64 activity_id = g_variant_get_int64 (parameter);
  RdLearningActivity *activity = find_activity (self, activity_id);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (activity == NULL)
    return;
  /* Translators: toast after removing a learning activity, with an Undo button */
  title = g_strdup_printf (_("“%s” removed"), rd_learning_activity_get_info (activity)->title);
  if (!rd_store_trash_learning_activity (self->store, activity_id, &error))
    show_error (self, error);
  else
    add_undo_toast (self, title, "log.undo-remove-activity", activity_id, rd_store_purge_learning_activity);
}

static void
undo_remove_activity_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_learning_activity (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
on_imported (GObject      *owner,
             guint         n_activities,
             const GError *error)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (owner);
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  /* Translators: toast after importing a learning log from a file */
  title = g_strdup_printf (g_dngettext (NULL, "%u learning activity imported", "%u learning activities imported",
                                        n_activities), n_activities);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
rd_learning_log_page_import_file (RdLearningLogPage *self,
                                  GFile             *file)
{
  g_return_if_fail (RD_IS_LEARNING_LOG_PAGE (self));
  rd_learning_log_job_import_file (parent_window (self), self->store, self->framework, self->school_id, file,
                                   on_imported, G_OBJECT (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);

  rd_learning_log_job_import (parent_window (self), self->store, self->framework, self->school_id, on_imported,
                              G_OBJECT (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdLearningLogPage *self = RD_LEARNING_LOG_PAGE (widget);
  RdLearningSaveKind kind = g_str_equal (action_name, "log.save-template") ? RD_LEARNING_SAVE_TEMPLATE
                          : g_str_equal (action_name, "log.export-xlsx") ? RD_LEARNING_SAVE_XLSX
                          : RD_LEARNING_SAVE_CSV;

  rd_learning_log_job_save (parent_window (self), self->store, self->school_id, self->school_name, kind);
}

static void
rd_learning_log_page_class_init (RdLearningLogPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_learning_log_page_dispose;

  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/learning/rd-learning-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, content);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, staff_figure);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, cyber_figure);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, teaching_figure);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, hours_figure);
  gtk_widget_class_bind_template_child (widget_class, RdLearningLogPage, staff_list);

  gtk_widget_class_install_action (widget_class, "log.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "log.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "log.edit-staff", "x", edit_staff_action);
  gtk_widget_class_install_action (widget_class, "log.remove-staff", "x", remove_staff_action);
  gtk_widget_class_install_action (widget_class, "log.undo-remove-staff", "x", undo_remove_staff_action);
  gtk_widget_class_install_action (widget_class, "log.add-activity", "x", add_activity_action);
  gtk_widget_class_install_action (widget_class, "log.edit-activity", "x", edit_activity_action);
  gtk_widget_class_install_action (widget_class, "log.remove-activity", "x", remove_activity_action);
  gtk_widget_class_install_action (widget_class, "log.undo-remove-activity", "x", undo_remove_activity_action);
  gtk_widget_class_install_action (widget_class, "log.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "log.save-template", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "log.export-csv", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "log.export-xlsx", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "log.add-staff", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "log.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "log.close", NULL);
}

static void
rd_learning_log_page_init (RdLearningLogPage *self)
{
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rd_learning_log_page_new (RdStore     *store,
                          RdFramework *framework,
                          gint64       school_id,
                          const char  *school_name)
{
  RdLearningLogPage *self = g_object_new (RD_TYPE_LEARNING_LOG_PAGE, NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->school_id = school_id;
  self->school_name = g_strdup (school_name);
  adw_window_title_set_subtitle (self->window_title, school_name);
  g_signal_connect_object (store, "learning-log-changed", G_CALLBACK (on_log_changed), self, 0);
  reload (self);
  return GTK_WIDGET (self);
}
