#define G_LOG_DOMAIN "rd-moved-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-moved-row.h"

GtkWidget *
rd_moved_row_new (const char *title,
                  const char *subtitle,
                  gboolean    rise)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (rise ? "go-up-symbolic" : "go-down-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rise ? _("Rise") : _("Fall"), -1);
  gtk_widget_add_css_class (icon, rise ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}
