#define G_LOG_DOMAIN "rd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-anonymity.h"
#include "rd-preferences-window.h"

struct _RdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (RdPreferencesWindow, rd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rd_preferences_window_finalize (GObject *object)
{
  g_clear_object (&RD_PREFERENCES_WINDOW (object)->settings);
  G_OBJECT_CLASS (rd_preferences_window_parent_class)->finalize (object);
}

static void
rd_preferences_window_class_init (RdPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_preferences_window_finalize;
}

static void
rd_preferences_window_init (RdPreferencesWindow *self)
{
}

GtkWidget *
rd_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  RdPreferencesWindow *self = g_object_new (RD_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            "search-enabled", FALSE,
                                            NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MAX, 1);

  self->settings = g_object_ref (settings);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Privacy"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Anonymity threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The fewest answers a group’s figure may rest on, in results, reports "
                                 "and exports. Smaller groups are shown combined with others, and all "
                                 "count in the school’s overall results."));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Anonymity threshold"), -1);
  g_settings_bind (settings, "anonymity-threshold", spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  return GTK_WIDGET (self);
}

/* NULL without the installed schema (tests, an uninstalled build). */
GSettings *
rd_preferences_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "anonymity-threshold"))
    return NULL;
  return g_settings_new (APP_ID);
}

/* Without the schema the default holds; a value outside the limits (an
 * older schema, a hand-edited setting) is clamped into them. */
guint
rd_preferences_get_anonymity_threshold (void)
{
  g_autoptr(GSettings) settings = rd_preferences_new_settings ();

  if (settings == NULL)
    return RD_ANONYMITY_THRESHOLD_DEFAULT;
  return rd_anonymity_threshold_clamp (g_settings_get_int (settings, "anonymity-threshold"));
}
