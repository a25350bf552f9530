#define G_LOG_DOMAIN "rd-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "rd-accessible.h"
#include "rd-application-private.h"
#include "rd-errors.h"
#include "rd-preferences-window.h"
#include "rd-window.h"

static const int terminating_signals[] = { SIGTERM, SIGINT, SIGHUP };

struct _RdApplication
{
  AdwApplication parent_instance;

  char *database_path;  /* from --database, or NULL */
  gboolean database_from_command_line;
  RdStore *store;
  char *problem_path;   /* the database that could not be opened */
  GError *problem;
  GPtrArray *pending_imports;  /* files opened before a database was */
  RdFramework *framework;
  guint terminate_sources[G_N_ELEMENTS (terminating_signals)];
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
      self->database_from_command_line = TRUE;
    }

  return -1;
}

/* Without the installed schema (an uninstalled build) there is nothing to set. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new (APP_ID) : NULL;
}

/* --database wins; then a database chosen after a failed start; then the
 * usual place. */
static char *
current_database_path (RdApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *chosen = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  settings = create_settings ();
  if (settings != NULL)
    chosen = g_settings_get_string (settings, "database-path");
  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);

  return rd_store_get_default_path ();
}

static void
remember_database_path (RdApplication *self,
                        const char    *path)
{
  g_autoptr(GSettings) settings = NULL;

  /* A database given on the command line is for this run only. */
  if (self->database_from_command_line)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
      return;
    }

  settings = create_settings ();
  if (settings != NULL)
    g_settings_set_string (settings, "database-path", path);
}

static gboolean
open_store (RdApplication  *self,
            const char     *path,
            GError        **error)
{
  g_autoptr(RdStore) store = rd_store_open (path, error);

  /* Deletions whose undo toast outlived a crash are final now. */
  if (store == NULL || !rd_store_purge_trash (store, error))
    return FALSE;

  g_set_object (&self->store, store);
  return TRUE;
}

static void show_open_problem (RdApplication *self,
                               const char    *path,
                               const GError  *error);

static void
import_pending_files (RdApplication *self,
                      RdWindow      *window)
{
  if (self->pending_imports->len == 0)
    return;

  rd_window_import_files (window, (GFile **) self->pending_imports->pdata, self->pending_imports->len);
  g_ptr_array_set_size (self->pending_imports, 0);
}

/* The anonymity threshold must not change while a round is under way. */
static void
on_round_changed (RdWindow      *window,
                  GParamSpec    *pspec,
                  RdApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), !rd_window_is_in_round (window));
}

static void
present_main_window (RdApplication *self)
{
  GtkWindow *window = GTK_WINDOW (rd_window_new (GTK_APPLICATION (self), self->store, self->framework));

  /* The window may have resumed a round as it was made. */
  g_signal_connect_object (window, "notify::in-round", G_CALLBACK (on_round_changed), self, 0);
  on_round_changed (RD_WINDOW (window), NULL, self);
  gtk_window_present (window);
  import_pending_files (self, RD_WINDOW (window));
}

/* Only the usual place, a name given on the command line, or Make a New
 * One bring a new database into being: a remembered database that has gone
 * (a disk not connected, a file moved) is reported, not replaced by an
 * empty one. */
static gboolean
may_create (RdApplication *self,
            const char    *path)
{
  g_autofree char *usual = rd_store_get_default_path ();

  return self->database_from_command_line || g_strcmp0 (path, usual) == 0;
}

static void
try_database (RdApplication *self,
              const char    *path,
              gboolean       making_new)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *usual = NULL;

  if (!making_new && !may_create (self, path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("The database %s is not there: it may be on a disk that is not connected, "
                     "or it was moved or deleted"), path);
      show_open_problem (self, path, error);
      return;
    }

  if (!open_store (self, path, &error))
    {
      show_open_problem (self, path, error);
      return;
    }

  usual = current_database_path (self);
  if (g_strcmp0 (path, usual) != 0)
    remember_database_path (self, path);
  g_clear_pointer (&self->problem_path, g_free);
  g_clear_error (&self->problem);
  present_main_window (self);
}

static void
on_database_chosen (GtkNativeDialog *chooser,
                    int              response,
                    RdApplication   *self)
{
  gboolean making_new = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_object_unref (chooser);

  if (path == NULL)
    {
      /* Cancelled: back to the choice. */
      g_autoptr(GError) problem = g_error_copy (self->problem);
      g_autofree char *problem_path = g_strdup (self->problem_path);

      show_open_problem (self, problem_path, problem);
    }
  else if (making_new && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;

      /* The chooser may have asked to replace it; a new database never does. */
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists. A new database never replaces a file: choose a name that is not in use."),
                   path);
      show_open_problem (self, path, error);
    }
  else
    {
      try_database (self, path, making_new);
    }

  g_application_release (G_APPLICATION (self));
}

static void
choose_database (RdApplication        *self,
                 GtkFileChooserAction  action)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = NULL;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    chooser = gtk_file_chooser_native_new (_("Make a New Database"), NULL, action, _("_Make"), NULL);
  else
    chooser = gtk_file_chooser_native_new (_("Open a Database"), NULL, action, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Readiness databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  dir = g_path_get_dirname (self->problem_path);
  folder = g_file_new_for_path (dir);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("new-readiness.db"));

  /* No window is open while the chooser shows: keep the app running. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_database_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_problem_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RdApplication    *self)
{
  if (g_str_equal (response, "open"))
    choose_database (self, GTK_FILE_CHOOSER_ACTION_OPEN);
  else if (g_str_equal (response, "new"))
    choose_database (self, GTK_FILE_CHOOSER_ACTION_SAVE);
  else if (g_str_equal (response, "retry"))
    {
      g_autofree char *path = g_strdup (self->problem_path);

      try_database (self, path, FALSE);
    }
  else
    g_application_quit (G_APPLICATION (self));
}

static const char *
problem_heading (const GError *error)
{
  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_EXISTS)
    return _("The File Already Exists");
  if (error->domain != RD_STORE_ERROR)
    return _("Could Not Open the Database");

  switch ((RdStoreError) error->code)
    {
    case RD_STORE_ERROR_NOT_DATABASE:
      return _("This Is Not a Readiness Database");
    case RD_STORE_ERROR_CORRUPT:
      return _("The Database Is Damaged");
    case RD_STORE_ERROR_FOREIGN:
      return _("This Is Another Program’s Database");
    case RD_STORE_ERROR_TOO_NEW:
      return _("The Database Is From a Newer Version");
    case RD_STORE_ERROR_LOCKED:
      return _("The Database Is in Use");
    case RD_STORE_ERROR_READ_ONLY:
      return _("The Database Cannot Be Changed");
    case RD_STORE_ERROR_FULL:
      return _("The Disk Is Full");
    case RD_STORE_ERROR_ALTERED:
      return _("The Database Was Changed by Another Program");
    case RD_STORE_ERROR_LINK:
      return _("The Database Is a Link");
    case RD_STORE_ERROR_NOT_FOUND:
      return _("The Database Is Missing");
    case RD_STORE_ERROR_IO:
    case RD_STORE_ERROR_INVALID:
    case RD_STORE_ERROR_COMPLETE:
    case RD_STORE_ERROR_FAILED:
    default:
      return _("Could Not Open the Database");
    }
}

/* A database that cannot be opened is explained and left exactly as it is;
 * the user opens another one, makes a new one, or quits. */
static void
show_open_problem (RdApplication *self,
                   const char    *path,
                   const GError  *error)
{
  gboolean missing = g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                           missing
                                           ? _("Nothing was made in its place. You can try again once "
                                               "it is back, open another database, make a new one, "
                                               "or quit.")
                                           : _("The file has not been changed. You can open another "
                                               "database, make a new one, or quit."));
  GtkWidget *dialog = adw_message_dialog_new (NULL, problem_heading (error), body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  if (self->problem != error)
    {
      g_clear_error (&self->problem);
      self->problem = g_error_copy (error);
    }
  if (self->problem_path != path)
    {
      g_free (self->problem_path);
      self->problem_path = g_strdup (path);
    }

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_widget_set_name (dialog, "open-problem");
  adw_message_dialog_add_response (message, "quit", _("_Quit"));
  adw_message_dialog_add_response (message, "open", _("_Open Another…"));
  if (g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_LOCKED) ||
      g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND))
    adw_message_dialog_add_response (message, "retry", _("_Try Again"));
  adw_message_dialog_add_response (message, "new", _("_Make a New One…"));
  adw_message_dialog_set_response_appearance (message, "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "new");
  adw_message_dialog_set_close_response (message, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_problem_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rd_application_activate (GApplication *application)
{
  RdApplication *self = RD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->framework == NULL)
    self->framework = rd_framework_load_builtin (&error);
  if (self->framework == NULL)
    {
      /* Nothing the user can choose mends a broken installation. */
      GtkWidget *dialog = adw_message_dialog_new (NULL, _("Readiness Cannot Start"), error->message);

      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
      g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  path = current_database_path (self);
  try_database (self, path, FALSE);
}

/* Exchange files opened from a file manager, or given on the command line. */
static void
rd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RdApplication *self = RD_APPLICATION (application);
  GtkWindow *window;

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_imports, g_object_ref (files[i]));

  rd_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  /* Without a window yet (the database could not be opened), the files
   * wait for the one the user picks. */
  if (RD_IS_WINDOW (window))
    import_pending_files (self, RD_WINDOW (window));
}

static void
rd_application_shutdown (GApplication *application)
{
  RdApplication *self = RD_APPLICATION (application);

  for (guint i = 0; i < G_N_ELEMENTS (self->terminate_sources); i++)
    g_clear_handle_id (&self->terminate_sources[i], g_source_remove);

  /* A damaged database is written no more, not even to empty the trash. */
  if (self->store != NULL && !rd_store_is_damaged (self->store))
    {
      g_autoptr(GError) error = NULL;

      if (!rd_store_purge_trash (self->store, &error))
        g_warning ("Could not empty the trash: %s", error->message);
    }
  /* Closed cleanly even if a widget that holds the store outlives the app. */
  if (self->store != NULL)
    rd_store_close (self->store);

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

/* GIO's own "Operation not supported" would leave a user nowhere: say
 * what to install. */
static void
explain_help_problem (GtkWindow    *parent,
                      const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (error == NULL)
    body = g_strdup (_("Readiness’s help is read in GNOME Help, which is not installed on this "
                       "computer. Install the package “yelp” (on Debian and Ubuntu: "
                       "sudo apt install yelp), then press F1 again."));
  else
    body = g_strdup_printf (_("GNOME Help could not show the help: %s"), error->message);

  dialog = adw_message_dialog_new (parent,
                                   error == NULL ? _("No Help Viewer Is Installed")
                                                 : _("The Help Could Not Be Shown"),
                                   body);
  gtk_widget_set_name (dialog, "help-problem");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    explain_help_problem (GTK_WINDOW (source), error);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  if (viewer == NULL)
    explain_help_problem (parent, NULL);
  else
    gtk_show_uri_full (parent, "help:readiness", GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
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

  /* A window in a workshop round asks first. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (RD_IS_WINDOW (l->data) && !rd_window_may_quit (l->data))
      {
        rd_window_ask_before_quitting (l->data, TRUE);
        return;
      }

  /* Closing lets each window save its size; then the application ends. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
  g_application_quit (G_APPLICATION (user_data));
}

/* Logging out, shutting down or `kill` end Readiness as Quit does, so
 * that the database is closed cleanly and is not checked in full at the
 * next start as after a crash. */
static gboolean
on_terminate (gpointer data)
{
  GApplication *application = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      if (RD_IS_WINDOW (l->data))
        rd_window_close_without_asking (l->data);
      else
        gtk_window_destroy (l->data);
    }
  g_application_quit (application);
  return G_SOURCE_CONTINUE;
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
  RdApplication *self = RD_APPLICATION (application);

  G_APPLICATION_CLASS (rd_application_parent_class)->startup (application);
  rd_accessible_install_name_fixes ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (terminating_signals); i++)
    self->terminate_sources[i] = g_unix_signal_add (terminating_signals[i], on_terminate, application);
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
  g_free (self->problem_path);
  g_clear_error (&self->problem);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);
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
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
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
