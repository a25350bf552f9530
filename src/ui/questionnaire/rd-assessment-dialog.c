#define G_LOG_DOMAIN "rd-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-assessment.h"
#include "rd-assessment-dialog.h"

/* Offered years: two back (late entry of an earlier year) and one ahead. */
#define YEARS_BACK  2
#define YEARS_AHEAD 1

struct _RdAssessmentDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *year_row;
  AdwComboRow *mode_row;
};

G_DEFINE_FINAL_TYPE (RdAssessmentDialog, rd_assessment_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
rd_assessment_dialog_class_init (RdAssessmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentDialog, mode_row);
}

static void
rd_assessment_dialog_init (RdAssessmentDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *current = rd_school_year_for_date (now);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  int first_year = atoi (current);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int year = first_year + YEARS_AHEAD; year >= first_year - YEARS_BACK; year--)
    {
      g_autofree char *label = g_strdup_printf ("%d-%d", year, year + 1);
      gtk_string_list_append (years, label);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->year_row, YEARS_AHEAD);

  gtk_string_list_append (modes, rd_assessment_mode_get_title (RD_ASSESSMENT_MODE_FULL));
  gtk_string_list_append (modes, rd_assessment_mode_get_title (RD_ASSESSMENT_MODE_PULSE));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
}

RdAssessmentDialog *
rd_assessment_dialog_new (GtkWindow  *parent,
                          const char *school_name)
{
  RdAssessmentDialog *self = g_object_new (RD_TYPE_ASSESSMENT_DIALOG,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           NULL);
  g_autofree char *body = g_strdup_printf (_("A new assessment for %s."), school_name);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}

char *
rd_assessment_dialog_get_school_year (RdAssessmentDialog *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (RD_IS_ASSESSMENT_DIALOG (self), NULL);

  item = adw_combo_row_get_selected_item (self->year_row);
  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

RdAssessmentMode
rd_assessment_dialog_get_mode (RdAssessmentDialog *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_DIALOG (self), RD_ASSESSMENT_MODE_FULL);
  return adw_combo_row_get_selected (self->mode_row) == 1 ? RD_ASSESSMENT_MODE_PULSE
                                                          : RD_ASSESSMENT_MODE_FULL;
}
