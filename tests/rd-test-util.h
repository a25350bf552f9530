#pragma once

#include <adwaita.h>

#include "rd-test-fixtures.h"

G_BEGIN_DECLS

/* Helpers for widget tests under Xvfb. */
void       rd_test_init_gtk        (int         *argc,
                                    char      ***argv);
const char *rd_test_language       (void);
void       rd_test_load_app_style (void);
void       rd_test_wait_for_idle   (void);
void       rd_test_save_screenshot (GtkWidget   *widget,
                                    const char  *name);
GtkWidget *rd_test_find_child      (GtkWidget   *widget,
                                    const char  *buildable_id);
GtkWidget *rd_test_find_widget     (GtkWidget   *widget,
                                    GType        type,
                                    const char  *action_name);
gboolean   rd_test_send_key        (GtkWidget   *window,
                                    guint        keyval,
                                    GdkModifierType state);

gboolean   rd_test_send_binding    (GtkWidget       *widget,
                                    guint            keyval,
                                    GdkModifierType  state);

/* The first widget below @widget (itself included) whose widget name is @name. */
GtkWidget *rd_test_find_named     (GtkWidget       *widget,
                                   const char      *name);
/* Runs @app on @argv and calls @script with @data from its main loop once
 * it has started; returns the exit status. */
int        rd_test_run_application (GApplication    *app,
                                    int              argc,
                                    char           **argv,
                                    GSourceOnceFunc  script,
                                    gpointer         data);
/* A visible toplevel of @type (and widget name @name unless NULL), or NULL. */
GtkWindow *rd_test_find_toplevel   (GType            type,
                                    const char      *name);
/* Waits until such a window is mapped and laid out; fails after a while. */
GtkWindow *rd_test_wait_for_toplevel (GType          type,
                                      const char    *name);

/* Presses a key in @window as GTK propagates it, from its focus widget;
 * TRUE when a controller took it. */
gboolean   rd_test_press_key      (GtkWidget       *window,
                                   guint            keyval,
                                   GdkModifierType  state);

/* Fails unless @dialog's default and close responses are what its look promises. */
void       rd_test_assert_dialog_defaults (AdwMessageDialog *dialog);

G_END_DECLS
