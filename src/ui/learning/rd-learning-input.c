#define G_LOG_DOMAIN "rd-learning-input"

#include "config.h"

#include "rd-input.h"
#include "rd-learning-input.h"
#include "rd-types.h"

char *
rd_learning_read_date (AdwEntryRow  *row,
                       GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GDate date;

  if (*text == '\0')
    return g_strdup ("");
  g_date_clear (&date, 1);
  if (!rd_input_parse_date (text, &date, error))
    return NULL;
  return rd_day_to_iso (g_date_get_julian (&date));
}

void
rd_learning_show_date (AdwEntryRow *row,
                       const char  *iso)
{
  guint32 day = rd_day_from_iso (iso);
  g_autofree char *text = NULL;

  if (day != 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      text = rd_input_format_date (&date);
    }
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
rd_learning_mark_row (GtkWidget *row,
                      gboolean   wrong)
{
  if (wrong)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  else
    gtk_widget_remove_css_class (row, "error");
}
