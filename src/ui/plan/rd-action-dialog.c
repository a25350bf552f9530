#define G_LOG_DOMAIN "rd-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-action-dialog-private.h"
#include "rd-entry-row.h"
#include "rd-input.h"
#include "rd-limits.h"

struct _RdActionDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  RdAction *action;          /* NULL while adding */
  char *carried_from;

  GHashTable *item_checks;   /* item id → GtkCheckButton */

  GtkWidget *save_button;
  GtkLabel *message;
  AdwEntryRow *title_row;
  AdwComboRow *factor_row;
  AdwComboRow *status_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *due_row;
  AdwEntryRow *criterion_row;
  GtkTextView *notes_view;
  GtkTextBuffer *notes;
  AdwPreferencesGroup *items_group;
  GtkWidget *delete_group;
};

G_DEFINE_FINAL_TYPE (RdActionDialog, rd_action_dialog, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rd_action_dialog_dispose (GObject *object)
{
  RdActionDialog *self = RD_ACTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->action);
  g_clear_pointer (&self->carried_from, g_free);
  g_clear_pointer (&self->item_checks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_ACTION_DIALOG);

  G_OBJECT_CLASS (rd_action_dialog_parent_class)->dispose (object);
}

static void
show_message (RdActionDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
update_save (RdActionDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (self->save_button, *title != '\0');
}

/* The due date as the store keeps it: "" for none, else ISO 8601. */
static char *
read_due (RdActionDialog  *self,
          GError         **error)
{
  return rd_input_date_to_iso (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), error);
}

static GStrv
read_item_ids (RdActionDialog *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) items = rd_framework_list_items (self->framework, NULL, RD_ASSESSMENT_MODE_FULL);

  /* Framework order, whatever order they were ticked in. */
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = rd_item_get_id (g_ptr_array_index (items, i));
      GtkCheckButton *check = g_hash_table_lookup (self->item_checks, id);

      /* Items this mode does not show stay linked as they were. */
      if (check != NULL ? gtk_check_button_get_active (check)
                        : self->action != NULL && g_strv_contains (rd_action_get_item_ids (self->action), id))
        g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

static gboolean
save (RdActionDialog  *self,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) item_ids = NULL;
  GtkTextIter start, end;
  RdActionInfo info;

  due = read_due (self, &local_error);
  if (due == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");

  gtk_text_buffer_get_bounds (self->notes, &start, &end);
  notes = gtk_text_buffer_get_text (self->notes, &start, &end, FALSE);
  item_ids = read_item_ids (self);

  info = (RdActionInfo) {
    .assessment_id = self->assessment_id,
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .factor = adw_combo_row_get_selected (self->factor_row),
    .status = adw_combo_row_get_selected (self->status_row),
    .owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
    .due = due,
    .criterion = gtk_editable_get_text (GTK_EDITABLE (self->criterion_row)),
    .notes = notes,
    .item_ids = (const char * const *) item_ids,
    .carried_from = self->carried_from,
  };

  if (self->action != NULL
      ? !rd_store_update_action (self->store, rd_action_get_id (self->action), &info, &local_error)
      : rd_store_add_action (self->store, self->assessment_id, &info, &local_error) == 0)
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
on_save_clicked (RdActionDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button) && save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (RdActionDialog *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, rd_action_get_id (self->action));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rd_action_dialog_class_init (RdActionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_action_dialog_dispose;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/plan/rd-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, message);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, factor_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, criterion_row);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, notes);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, RdActionDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, update_save);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_action_dialog_init (RdActionDialog *self)
{
  g_autoptr(GtkStringList) factors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->item_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The choices' names are the core's. */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    gtk_string_list_append (factors, rd_factor_get_short_title (f));
  for (guint s = 0; s < RD_N_ACTION_STATUSES; s++)
    gtk_string_list_append (statuses, rd_action_status_get_title (s));
  adw_combo_row_set_model (self->factor_row, G_LIST_MODEL (factors));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  rd_entry_row_limit_length (self->title_row, RD_MAX_ACTION_TITLE);
  rd_entry_row_limit_length (self->owner_row, RD_MAX_ACTION_OWNER);
  rd_entry_row_limit_length (self->due_row, 32);
  rd_entry_row_limit_length (self->criterion_row, RD_MAX_ACTION_CRITERION);
  rd_text_view_limit_length (self->notes_view, RD_MAX_ACTION_NOTES);
}

static void
update_linked_count (GtkWidget *expander)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "n-linked"));
  g_autofree char *subtitle = n == 0 ? g_strdup ("") :
    /* Translators: under an area in the list of items an action can be linked to */
    g_strdup_printf (g_dngettext (NULL, "%u item linked", "%u items linked", n), n);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

static void
on_item_toggled (GtkCheckButton *check,
                 GtkWidget      *expander)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "n-linked"));

  n = gtk_check_button_get_active (check) ? n + 1 : n - 1;
  g_object_set_data (G_OBJECT (expander), "n-linked", GUINT_TO_POINTER (n));
  update_linked_count (expander);
}

/* An expander per area with a check row per item this mode asks. */
static void
add_item_checks (RdActionDialog     *self,
                 RdAssessmentMode    mode,
                 const char * const *linked)
{
  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      RdArea *area = rd_framework_get_area (self->framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (self->framework, rd_area_get_id (area), mode);
      GtkWidget *expander;
      guint n_linked = 0;

      if (items->len == 0)
        continue;

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     rd_text_get_localized (rd_area_get_title (area)));
      for (guint i = 0; i < items->len; i++)
        {
          RdItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          gboolean active = linked != NULL && g_strv_contains (linked, rd_item_get_id (item));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_text_get_localized (rd_item_get_text (item)));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          row, NULL, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_signal_connect (check, "toggled", G_CALLBACK (on_item_toggled), expander);
          g_hash_table_insert (self->item_checks, g_strdup (rd_item_get_id (item)), check);
          n_linked += active;
        }

      g_object_set_data (G_OBJECT (expander), "n-linked", GUINT_TO_POINTER (n_linked));
      update_linked_count (expander);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), n_linked > 0);
      adw_preferences_group_add (self->items_group, expander);
    }
}

/* The due date as it is typed: the user's own format. */
static char *
format_due (RdAction *action)
{
  return rd_input_format_iso_date (rd_action_get_due (action));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The form filled with @action's fields. */
static void
show_action (RdActionDialog *self,
             RdAction       *action)
{
  g_autofree char *due = format_due (action);

  set_text (self->title_row, rd_action_get_title (action));
  adw_combo_row_set_selected (self->factor_row, rd_action_get_factor (action));
  adw_combo_row_set_selected (self->status_row, rd_action_get_status (action));
  set_text (self->owner_row, rd_action_get_owner (action));
  set_text (self->due_row, due);
  set_text (self->criterion_row, rd_action_get_criterion (action));
  if (rd_action_get_notes (action) != NULL)
    gtk_text_buffer_set_text (self->notes, rd_action_get_notes (action), -1);
  self->carried_from = g_strdup (rd_action_get_carried_from (action));
  gtk_widget_set_visible (self->delete_group, TRUE);
}

RdActionDialog *
rd_action_dialog_new (GtkWindow        *parent,
                      RdStore          *store,
                      RdFramework      *framework,
                      RdAssessmentMode  mode,
                      gint64            assessment_id,
                      RdAction         *action)
{
  RdActionDialog *self = g_object_new (RD_TYPE_ACTION_DIALOG,
                                       "transient-for", parent,
                                       "title", action ? _("Edit Action") : _("New Action"),
                                       NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = assessment_id;
  self->action = action ? g_object_ref (action) : NULL;
  if (action != NULL)
    show_action (self, action);
  add_item_checks (self, mode, action ? rd_action_get_item_ids (action) : NULL);
  update_save (self);

  return self;
}

gint64
rd_action_dialog_get_action_id (RdActionDialog *self)
{
  g_return_val_if_fail (RD_IS_ACTION_DIALOG (self), 0);
  return self->action ? rd_action_get_id (self->action) : 0;
}
