#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_PREFERENCES_WINDOW (rd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RdPreferencesWindow, rd_preferences_window, RD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The app's preferences, bound to its GSettings. */
GtkWidget *rd_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

/* The app's settings, or NULL when its schema is not installed. */
GSettings *rd_preferences_new_settings            (void);
/* No group figure shown or exported rests on fewer answers than this
 * (clamped to the limits of rd-anonymity.h). */
guint      rd_preferences_get_anonymity_threshold (void);

G_END_DECLS
