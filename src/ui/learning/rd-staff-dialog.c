#define G_LOG_DOMAIN "rd-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-entry-row.h"
#include "rd-learning-input.h"
#include "rd-limits.h"
#include "rd-staff-dialog.h"

/* The groups a staff member can belong to, in the combo row's order. */
static const RdGroup staff_groups[] = { RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF, RD_GROUP_LEADER };

struct _RdStaffDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  gint64 school_id;
  RdStaffMember *member;     /* NULL while adding */

  GtkWidget *save_button;
  GtkLabel *message;
  AdwEntryRow *name_row;
  AdwComboRow *group_row;
  AdwEntryRow *joined_row;
  AdwEntryRow *departed_row;
};

G_DEFINE_FINAL_TYPE (RdStaffDialog, rd_staff_dialog, ADW_TYPE_WINDOW)

static void
rd_staff_dialog_dispose (GObject *object)
{
  RdStaffDialog *self = RD_STAFF_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->member);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_STAFF_DIALOG);

  G_OBJECT_CLASS (rd_staff_dialog_parent_class)->dispose (object);
}

static void
show_message (RdStaffDialog *self,
              const char    *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
update_save (RdStaffDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (self->save_button, *name != '\0');
}

static char *
read_date (RdStaffDialog *self,
           AdwEntryRow   *row)
{
  g_autoptr(GError) error = NULL;
  char *iso = rd_learning_read_date (row, &error);

  rd_learning_mark_row (GTK_WIDGET (row), iso == NULL);
  if (iso == NULL)
    show_message (self, error->message);
  return iso;
}

static gboolean
save (RdStaffDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *departed = NULL;
  RdStaffMemberInfo info;

  if ((joined = read_date (self, self->joined_row)) == NULL ||
      (departed = read_date (self, self->departed_row)) == NULL)
    return FALSE;

  info = (RdStaffMemberInfo) {
    .school_id = self->school_id,
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .group = staff_groups[MIN (adw_combo_row_get_selected (self->group_row), G_N_ELEMENTS (staff_groups) - 1)],
    .joined = joined,
    .departed = departed,
  };
  if (self->member != NULL
      ? !rd_store_update_staff_member (self->store, rd_staff_member_get_id (self->member), &info, &error)
      : rd_store_add_staff_member (self->store, &info, &error) == 0)
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_save_clicked (RdStaffDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button) && save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
rd_staff_dialog_class_init (RdStaffDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_staff_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/learning/rd-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, message);
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, joined_row);
  gtk_widget_class_bind_template_child (widget_class, RdStaffDialog, departed_row);
  gtk_widget_class_bind_template_callback (widget_class, update_save);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_staff_dialog_init (RdStaffDialog *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint g = 0; g < G_N_ELEMENTS (staff_groups); g++)
    gtk_string_list_append (groups, rd_group_get_title (staff_groups[g]));
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (groups));
  rd_entry_row_limit_length (self->name_row, RD_MAX_STAFF_NAME);
  rd_entry_row_limit_length (self->joined_row, 32);
  rd_entry_row_limit_length (self->departed_row, 32);
}

RdStaffDialog *
rd_staff_dialog_new (GtkWindow     *parent,
                     RdStore       *store,
                     gint64         school_id,
                     RdStaffMember *member)
{
  RdStaffDialog *self = g_object_new (RD_TYPE_STAFF_DIALOG,
                                      "transient-for", parent,
                                      "title", member ? C_("dialog title", "Edit Staff Member")
                                               : C_("dialog title", "New Staff Member"),
                                      NULL);

  self->store = g_object_ref (store);
  self->school_id = school_id;
  self->member = member ? g_object_ref (member) : NULL;
  if (member != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), rd_staff_member_get_name (member));
      for (guint g = 0; g < G_N_ELEMENTS (staff_groups); g++)
        if (staff_groups[g] == rd_staff_member_get_group (member))
          adw_combo_row_set_selected (self->group_row, g);
      rd_learning_show_date (self->joined_row, rd_staff_member_get_joined (member));
      rd_learning_show_date (self->departed_row, rd_staff_member_get_departed (member));
    }
  update_save (self);
  return self;
}
