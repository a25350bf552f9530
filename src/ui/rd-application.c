#define G_LOG_DOMAIN "rd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-application.h"
#include "rd-preferences-window.h"
#include "rd-window.h"

struct _RdApplication
{
  AdwApplication parent_instance;

  char *database_path;  /* from --database, or NULL for the default */
  RdStore *store;
  RdFramework *framework;
};

G_DEFINE_FINAL_TYPE (RdApplication, rd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the default one"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static int
rd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  RdApplication *self = RD_APPLICATION (application);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("readiness %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  return -1;
}

static void
on_error_response (GtkWindow *dialog)
{
  GApplication *application = g_application_get_default ();

  gtk_window_destroy (dialog);
  if (application != NULL)
    g_application_quit (application);
}

/* Until issue-level recovery exists, a store that cannot be opened is
 * explained and the app quits without touching the file. */
static void
show_open_error (RdApplication *self,
                 const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"),
                                              error->message);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_store (RdApplication  *self,
              GError        **error)
{
  g_autofree char *default_path = NULL;
  const char *path;

  if (self->store != NULL)
    return TRUE;

  path = self->database_path;
  if (path == NULL)
    path = default_path = rd_store_get_default_path ();

  self->store = rd_store_open (path, error);
  if (self->store == NULL)
    return FALSE;

  /* Deletions whose undo toast outlived a crash are final now. */
  return rd_store_purge_trash (self->store, error);
}

static void
rd_application_activate (GApplication *application)
{
  RdApplication *self = RD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->framework == NULL)
    self->framework = rd_framework_load_builtin (&error);

  if (self->framework == NULL || !ensure_store (self, &error))
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (rd_window_new (GTK_APPLICATION (self), self->store, self->framework));
  gtk_window_present (window);
}

/* Exchange files opened from a file manager, or given on the command line. */
static void
rd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  rd_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (RD_IS_WINDOW (window))
    rd_window_import_files (RD_WINDOW (window), files, (guint) n_files);
}

static void
rd_application_shutdown (GApplication *application)
{
  RdApplication *self = RD_APPLICATION (application);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!rd_store_purge_trash (self->store, &error))
        g_warning ("Could not empty the trash: %s", error->message);
    }

  G_APPLICATION_CLASS (rd_application_parent_class)->shutdown (application);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  static const char *developers[] = { "The Readiness developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Readiness"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Readiness developers"),
                         "developers", developers,
                         "comments", _("A digital-readiness self-assessment for schools, "
                                       "with a gap analysis against the four success factors "
                                       "of the EU Council Recommendation on key enablers of "
                                       "digital education."),
                         "website", "https://github.com/digiready/readiness",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:readiness", GDK_CURRENT_TIME);
}

/* Without the installed schema (an uninstalled build) there is nothing to set. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new (APP_ID) : NULL;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  g_autoptr(GSettings) settings = create_settings ();

  if (settings == NULL)
    {
      g_warning ("The settings schema %s is not installed", APP_ID);
      return;
    }

  gtk_window_present (GTK_WINDOW (rd_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                             settings)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing lets each window save its size; then the application ends. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
};

static void
rd_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *overlay_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (rd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         overlay_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
rd_application_finalize (GObject *object)
{
  RdApplication *self = RD_APPLICATION (object);

  g_free (self->database_path);
  g_clear_object (&self->store);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (rd_application_parent_class)->finalize (object);
}

static void
rd_application_class_init (RdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rd_application_finalize;
  application_class->handle_local_options = rd_application_handle_local_options;
  application_class->startup = rd_application_startup;
  application_class->activate = rd_application_activate;
  application_class->open = rd_application_open;
  application_class->shutdown = rd_application_shutdown;
}

static void
rd_application_init (RdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

RdApplication *
rd_application_new (void)
{
  return g_object_new (RD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

RdStore *
rd_application_get_store (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->store;
}

RdFramework *
rd_application_get_framework (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->framework;
}
