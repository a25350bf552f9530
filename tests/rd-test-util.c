#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rd-test-util.h"

static void
skip_without_display (void)
{
  g_test_skip ("no display");
}

static GtkWidget *
find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A message dialog's look is a promise: the response styled suggested is
 * the one Enter gives, a destructive one never is, some response always
 * is, and Escape gives one of the dialog's own responses. */
void
rd_test_assert_dialog_defaults (AdwMessageDialog *dialog)
{
  GtkWidget *area = find_with_css_class (GTK_WIDGET (dialog), "response-area");
  GtkWidget *default_widget = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  const char *heading = adw_message_dialog_get_heading (dialog);

  g_assert_nonnull (area);
  if (default_widget == NULL)
    g_error ("dialog “%s” has no default response", heading);
  if (gtk_widget_has_css_class (default_widget, "destructive-action"))
    g_error ("dialog “%s” makes a destructive response its default", heading);
  for (GtkWidget *button = gtk_widget_get_first_child (area); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (gtk_widget_has_css_class (button, "suggested-action") && button != default_widget)
      g_error ("dialog “%s” looks as if “%s” were its default, but it is not", heading,
               gtk_button_get_label (GTK_BUTTON (button)));
  if (!adw_message_dialog_has_response (dialog, adw_message_dialog_get_close_response (dialog)))
    g_error ("dialog “%s” closes with “%s”, which is none of its responses", heading,
             adw_message_dialog_get_close_response (dialog));
  g_test_message ("dialog “%s”: default and close responses as it looks", heading);
}

static void
on_toplevel_added (GListModel *toplevels,
                   guint       position,
                   guint       removed,
                   guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        g_signal_connect (window, "map", G_CALLBACK (rd_test_assert_dialog_defaults), NULL);
    }
}

/* Locally a missing display skips; in CI it must fail, or nothing is proven. */
void
rd_test_init_gtk (int    *argc,
                  char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("No display: run the UI tests under xvfb-run\n");
          exit (1);
        }
      g_test_init (argc, argv, NULL);
      g_test_add_func ("/ui/no-display", skip_without_display);
      exit (g_test_run ());
    }

  /* English unless a test run asks for another language, with the
   * catalogues the build made (po/<lang>/LC_MESSAGES). glibc ignores
   * LANGUAGE in the plain C locale, hence C.UTF-8. */
  g_setenv ("LANGUAGE", rd_test_language (), TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("READINESS_TEST_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("READINESS_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Every message dialog a test opens is held to what its look promises. */
  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (on_toplevel_added), NULL);
  /* Screenshots must show where transitions end, not a frame of them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The application adds its resource icons itself; these tests run without one. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  rd_test_load_app_style ();
}

static void
add_app_stylesheet (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/", name, NULL);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, path);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* What AdwApplication does for the app at startup: the style.css of its
 * resource base path, at the application's priority, and style-hc.css
 * after it in the high-contrast style (which a test process keeps). */
void
rd_test_load_app_style (void)
{
  add_app_stylesheet ("style.css");
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    add_app_stylesheet ("style-hc.css");
}

const char *
rd_test_language (void)
{
  const char *language = g_getenv ("READINESS_TEST_LANGUAGE");

  return language != NULL ? language : "C";
}

void
rd_test_wait_for_idle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

void
rd_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("READINESS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  if (g_str_equal (rd_test_language (), "C"))
    path = g_build_filename (dir, name, NULL);
  else
    {
      g_autofree char *localized = g_strdup_printf ("%s-%s", rd_test_language (), name);
      path = g_build_filename (dir, localized, NULL);
    }

  gtk_test_widget_wait_for_draw (widget);
  rd_test_wait_for_idle ();

  /* A dialog that has just been presented may not be laid out yet and
   * then draws nothing: give it a few frames. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 200; attempt++)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (gtk_widget_get_mapped (widget) && width > 0 && height > 0)
        {
          snapshot = gtk_snapshot_new ();
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (snapshot);
        }
      if (node == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

GtkWidget *
rd_test_find_child (GtkWidget  *widget,
                    const char *buildable_id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), buildable_id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_find_child (child, buildable_id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget at or below @widget of @type, and with @action_name when
 * that is given (for buttons and other actionables). */
GtkWidget *
rd_test_find_widget (GtkWidget  *widget,
                     GType       type,
                     const char *action_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (action_name == NULL ||
       (GTK_IS_ACTIONABLE (widget) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_find_widget (child, type, action_name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Delivers a key press the way GTK's bubble phase does: to the key
 * controllers of the focus widget, then of each ancestor, until one takes
 * it. GTK 4 has no public way to synthesize the event itself. */
gboolean
rd_test_send_key (GtkWidget       *window,
                  guint            keyval,
                  GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_BUBBLE)
            continue;

          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          if (handled)
            return TRUE;
        }
    }

  return FALSE;
}

/* Activates @widget's own shortcut for @keyval, capture-phase controllers
 * first as GTK does (rd_test_send_key reaches key controllers only). */
gboolean
rd_test_send_binding (GtkWidget       *widget,
                      guint            keyval,
                      GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        GListModel *shortcuts;

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            (gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE) != (pass == 0))
          continue;
        shortcuts = G_LIST_MODEL (controller);
        for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

            if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
              return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                   gtk_shortcut_get_arguments (shortcut));
          }
      }
  return FALSE;
}

GtkWindow *
rd_test_find_toplevel (GType       type,
                       const char *name)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (!G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) || !gtk_widget_get_visible (l->data))
        continue;
      if (name == NULL || g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
        return l->data;
    }

  return NULL;
}

#define WAIT_FOR_TOPLEVEL_SECONDS 30

GtkWindow *
rd_test_wait_for_toplevel (GType       type,
                           const char *name)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_FOR_TOPLEVEL_SECONDS * G_USEC_PER_SEC;
  GtkWindow *window;

  /* Acting on a window before it is laid out makes GTK snapshot widgets
   * that have no allocation yet (a warning, fatal in tests). */
  while ((window = rd_test_find_toplevel (type, name)) == NULL ||
         !gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no %s %s appeared within %d s", g_type_name (type), name ? name : "", WAIT_FOR_TOPLEVEL_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  rd_test_wait_for_idle ();

  return window;
}

GtkWidget *
rd_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GSourceOnceFunc script;
  gpointer data;
} Script;

static void
on_application_startup (GApplication *app,
                        Script       *script)
{
  g_idle_add_once (script->script, script->data);
}

int
rd_test_run_application (GApplication    *app,
                         int              argc,
                         char           **argv,
                         GSourceOnceFunc  script,
                         gpointer         data)
{
  Script run = { script, data };
  gulong handler = g_signal_connect (app, "startup", G_CALLBACK (on_application_startup), &run);
  int status = g_application_run (app, argc, argv);

  g_signal_handler_disconnect (app, handler);
  return status;
}

static gboolean
shortcut_matches (GtkShortcutTrigger *trigger,
                  guint               keyval,
                  GdkModifierType     state)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return shortcut_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state) ||
           shortcut_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state;
}

/* What one controller of @widget does with the key; TRUE when it took it. */
static gboolean
controller_takes_key (GtkEventController *controller,
                      GtkWidget          *widget,
                      guint               keyval,
                      GdkModifierType     state)
{
  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      return handled;
    }
  if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
      gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_LOCAL)
    {
      GListModel *shortcuts = G_LIST_MODEL (controller);

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

          if (shortcut_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
widget_takes_key (GtkWidget           *widget,
                  GtkPropagationPhase  phase,
                  guint                keyval,
                  GdkModifierType      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkPropagationPhase own = gtk_event_controller_get_propagation_phase (controller);

      if ((own == phase || (phase == GTK_PHASE_BUBBLE && own == GTK_PHASE_TARGET)) &&
          gtk_widget_is_sensitive (widget) && controller_takes_key (controller, widget, keyval, state))
        return TRUE;
    }
  return FALSE;
}

/* A key press as GTK propagates one: from the root down to the focused
 * widget through every capture-phase controller, then back up through the
 * bubble-phase ones (key controllers and the widgets' own shortcuts, class
 * bindings included), until one takes it. */
gboolean
rd_test_press_key (GtkWidget       *window,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window)); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    if (widget_takes_key (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, state))
      return TRUE;
  for (guint i = path->len; i > 0; i--)
    if (widget_takes_key (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, state))
      return TRUE;
  return FALSE;
}
