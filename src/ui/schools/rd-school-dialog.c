#define G_LOG_DOMAIN "rd-school-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-limits.h"
#include "rd-school-dialog.h"

struct _RdSchoolDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *region_row;
  AdwComboRow *type_row;
  GtkStringList *type_list;

  gint64 school_id;
};

G_DEFINE_FINAL_TYPE (RdSchoolDialog, rd_school_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_changed (RdSchoolDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", *name != '\0');
}

static void
rd_school_dialog_class_init (RdSchoolDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/schools/rd-school-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdSchoolDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdSchoolDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, RdSchoolDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, RdSchoolDialog, type_list);
}

/* The row's GtkText holds the buffer: typing stops at the store's limit
 * instead of a refusal on Save. */
static void
limit_row (AdwEntryRow *row,
           guint        max_chars)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), (int) max_chars);
}

static void
rd_school_dialog_init (RdSchoolDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limit_row (self->name_row, RD_MAX_SCHOOL_NAME);
  limit_row (self->region_row, RD_MAX_REGION);
  /* Positions are RdSchoolType values, "Not set" first. */
  for (RdSchoolType t = RD_SCHOOL_TYPE_UNSET; t < RD_N_SCHOOL_TYPES; t++)
    gtk_string_list_append (self->type_list, rd_school_type_get_title (t));
  adw_combo_row_set_selected (self->type_row, RD_SCHOOL_TYPE_UNSET);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
}

/* What an older version had as the type, where it became "other": the
 * person who saves the school decides, and the note goes. */
static void
show_type_note (RdSchoolDialog *self,
                const char     *note)
{
  g_autofree char *body = NULL;

  if (note == NULL || note[0] == '\0')
    return;
  /* Translators: in the Edit School dialog; %s is the school's type as
   * an older version of Readiness had it, free text such as "Montessori" */
  body = g_strdup_printf (_("The type was “%s”. Choose the type that fits best."), note);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

RdSchoolDialog *
rd_school_dialog_new (GtkWindow *parent,
                      RdSchool  *school)
{
  RdSchoolDialog *self = g_object_new (RD_TYPE_SCHOOL_DIALOG,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       NULL);

  if (school != NULL)
    {
      self->school_id = rd_school_get_id (school);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit School"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), rd_school_get_name (school));
      if (rd_school_get_region (school) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->region_row), rd_school_get_region (school));
      adw_combo_row_set_selected (self->type_row, rd_school_get_school_type (school));
      show_type_note (self, rd_school_get_type_note (school));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gint64
rd_school_dialog_get_school_id (RdSchoolDialog *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL_DIALOG (self), 0);
  return self->school_id;
}

const char *
rd_school_dialog_get_name (RdSchoolDialog *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
rd_school_dialog_get_region (RdSchoolDialog *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->region_row));
}

RdSchoolType
rd_school_dialog_get_school_type (RdSchoolDialog *self)
{
  guint selected;

  g_return_val_if_fail (RD_IS_SCHOOL_DIALOG (self), RD_SCHOOL_TYPE_UNSET);
  selected = adw_combo_row_get_selected (self->type_row);
  return selected < RD_N_SCHOOL_TYPES ? (RdSchoolType) selected : RD_SCHOOL_TYPE_UNSET;
}
