#define G_LOG_DOMAIN "rd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-anonymity.h"
#include "rd-preferences-window.h"

struct _RdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  GtkSpinButton *threshold_button;
  GtkAdjustment *threshold_adjustment;
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rd_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/rd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, threshold_button);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, threshold_adjustment);
}

static void
rd_preferences_window_init (RdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The core owns the threshold's limits. */
  gtk_adjustment_set_lower (self->threshold_adjustment, RD_ANONYMITY_THRESHOLD_MIN);
  gtk_adjustment_set_upper (self->threshold_adjustment, RD_ANONYMITY_THRESHOLD_MAX);
}

GtkWidget *
rd_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  RdPreferencesWindow *self = g_object_new (RD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "anonymity-threshold", self->threshold_button, "value", G_SETTINGS_BIND_DEFAULT);
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
