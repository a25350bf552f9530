#define G_LOG_DOMAIN "rd-region-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-file.h"
#include "rd-progress-window.h"
#include "rd-region-commands.h"

/* An import of a few files ends before a progress window would only flash. */
#define PROGRESS_DELAY_MS 400

struct _RdRegionCommands
{
  GSimpleActionGroup parent_instance;

  RdStore *store;
  RdFramework *framework;
  GtkWidget *owner;          /* weak */
};

G_DEFINE_FINAL_TYPE (RdRegionCommands, rd_region_commands, G_TYPE_SIMPLE_ACTION_GROUP)

static void
rd_region_commands_dispose (GObject *object)
{
  RdRegionCommands *self = RD_REGION_COMMANDS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_weak_pointer (&self->owner);

  G_OBJECT_CLASS (rd_region_commands_parent_class)->dispose (object);
}

static void
rd_region_commands_class_init (RdRegionCommandsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rd_region_commands_dispose;
}

static void
rd_region_commands_init (RdRegionCommands *self)
{
}

static GtkWindow *
owner_window (RdRegionCommands *self)
{
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Import */

typedef struct
{
  char *database_path;
  RdFramework *framework;
  GPtrArray *files;            /* as given: files and folders */
  RdExchangeImportResult result;

  GMutex lock;                 /* guards done and total */
  guint done;
  guint total;

  RdProgressWindow *progress_window;
  guint progress_timeout;
  guint progress_tick;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->framework);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  rd_exchange_import_result_clear (&job->result);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static void
on_import_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->done = done;
  job->total = total;
  g_mutex_unlock (&job->lock);
}

/* The worker has a connection of its own: SQLite connections are not
 * shared between threads, and the window keeps reading through its own. */
static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(RdStore) store = NULL;

  files = rd_exchange_collect_files ((GFile * const *) job->files->pdata, job->files->len, &error);
  if (files != NULL)
    store = rd_store_open (job->database_path, &error);
  if (store != NULL &&
      rd_exchange_import_files (store, job->framework, files, cancellable, on_import_progress, job,
                                &job->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
on_progress_tick (gpointer user_data)
{
  ImportJob *job = user_data;
  guint done, total;
  g_autofree char *detail = NULL;

  g_mutex_lock (&job->lock);
  done = job->done;
  total = job->total;
  g_mutex_unlock (&job->lock);

  if (total == 0)
    {
      rd_progress_window_pulse (job->progress_window);
      return G_SOURCE_CONTINUE;
    }

  rd_progress_window_set_fraction (job->progress_window, (double) done / total);
  /* Translators: progress of an import, "120 of 1000 files" */
  detail = g_strdup_printf (g_dngettext (NULL, "%u of %u file", "%u of %u files", total), done, total);
  rd_progress_window_set_detail (job->progress_window, detail);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_progress_timeout (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  RdRegionCommands *self = g_task_get_source_object (task);

  job->progress_timeout = 0;
  job->progress_window = rd_progress_window_new (owner_window (self), _("Importing School Files…"),
                                                 g_task_get_cancellable (task));
  job->progress_tick = g_timeout_add (100, on_progress_tick, job);
  gtk_window_present (GTK_WINDOW (job->progress_window));
  return G_SOURCE_REMOVE;
}

/* In the main context, whichever thread drops the task's last reference. */
static void
on_import_completed (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  RdRegionCommands *self = g_task_get_source_object (task);

  if (job == NULL)
    return;
  g_clear_handle_id (&job->progress_timeout, g_source_remove);
  g_clear_handle_id (&job->progress_tick, g_source_remove);
  if (job->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&job->progress_window)));

  /* What the worker's connection stored, this one's listeners now show. */
  if (job->result.n_imported > 0 && self->store != NULL)
    rd_store_notify_schools_changed (self->store);
}

void
rd_region_commands_import (RdRegionCommands     *self,
                           GFile * const       *files,
                           guint                n_files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  ImportJob *job;

  g_return_if_fail (RD_IS_REGION_COMMANDS (self));

  /* The progress window's Cancel needs a cancellable to cancel. */
  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  job = g_new0 (ImportJob, 1);
  g_mutex_init (&job->lock);
  job->database_path = g_strdup (rd_store_get_path (self->store));
  job->framework = g_object_ref (self->framework);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_region_commands_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_signal_connect (task, "notify::completed", G_CALLBACK (on_import_completed), NULL);
  job->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, on_progress_timeout, task);
  g_task_run_in_thread (task, import_in_thread);
}

gboolean
rd_region_commands_import_finish (RdRegionCommands         *self,
                                  GAsyncResult            *result,
                                  RdExchangeImportResult  *summary,
                                  GError                 **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Counted even when cancelled: what was stored before stays. */
  job = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    {
      *summary = job->result;
      if (summary->rejected != NULL)
        g_ptr_array_ref (summary->rejected);
      if (summary->notices != NULL)
        g_ptr_array_ref (summary->notices);
      if (summary->schools != NULL)
        g_hash_table_ref (summary->schools);
    }

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
show_message (RdRegionCommands *self,
              const char      *heading,
              const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (owner_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* How an import went, in words; set-aside files named with their reason. */
static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RdRegionCommands *self = RD_REGION_COMMANDS (source);
  RdExchangeImportResult summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean done = rd_region_commands_import_finish (self, result, &summary, &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  guint updated = summary.n_schools - summary.n_schools_new;

  if (!done && !cancelled)
    {
      show_message (self, _("Could Not Import the School Files"), error->message);
      rd_exchange_import_result_clear (&summary);
      return;
    }

  if (summary.n_files == 0 && done)
    g_string_append (body, _("There are no exchange files (*.readiness) in what you chose."));
  else
    {
      /* Translators: an import's summary, made of three parts: "8 files
       * imported, of 7 schools: 7 new, 0 updated." */
      g_string_append_printf (body, g_dngettext (NULL, "%u file imported, ", "%u files imported, ",
                                                 summary.n_imported), summary.n_imported);
      g_string_append_printf (body, g_dngettext (NULL, "of %u school: ", "of %u schools: ", summary.n_schools),
                              summary.n_schools);
      g_string_append_printf (body, g_dngettext (NULL, "%u new", "%u new", summary.n_schools_new),
                              summary.n_schools_new);
      g_string_append (body, ", ");
      g_string_append_printf (body, g_dngettext (NULL, "%u updated.", "%u updated.", updated), updated);
    }
  if (cancelled)
    {
      g_string_append (body, " ");
      g_string_append (body, _("The import was cancelled; what was imported before is kept."));
    }
  if (summary.rejected != NULL && summary.rejected->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (NULL, "%u file was set aside:", "%u files were set aside:",
                                                 summary.rejected->len), summary.rejected->len);
      for (guint i = 0; i < summary.rejected->len; i++)
        g_string_append_printf (body, "\n• %s", ((GError *) g_ptr_array_index (summary.rejected, i))->message);
    }

  if (summary.notices != NULL && summary.notices->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Note:"));
      for (guint i = 0; i < summary.notices->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (summary.notices, i));
    }

  show_message (self, cancelled ? _("Import Cancelled") : _("School Files Imported"), body->str);
  rd_exchange_import_result_clear (&summary);
}

/* As the menu does: progress, then the summary in a dialog. */
void
rd_region_commands_import_and_report (RdRegionCommands *self,
                                      GFile * const   *files,
                                      guint            n_files)
{
  g_return_if_fail (RD_IS_REGION_COMMANDS (self));
  rd_region_commands_import (self, files, n_files, NULL, on_import_done, NULL);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  RdRegionCommands *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      rd_region_commands_import_and_report (self, (GFile * const *) files->pdata, files->len);
    }

  g_object_unref (chooser);
}

static void
choose_import (RdRegionCommands      *self,
               GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                         ? _("Import a Folder of School Files") : _("Import School Files"),
                                         owner_window (self), action, _("_Import"), _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Readiness exchange files"));
      gtk_file_filter_add_mime_type (filter, RD_EXCHANGE_MIME_TYPE);
      gtk_file_filter_add_pattern (filter, "*" RD_EXCHANGE_SUFFIX);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_files_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  choose_import (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  choose_import (user_data, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

/* Export */

gboolean
rd_region_commands_export_school (RdRegionCommands    *self,
                                  gint64              school_id,
                                  RdExchangeContent   content,
                                  const char         *path,
                                  GError            **error)
{
  g_autoptr(RdExchangeSchool) school = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RD_IS_REGION_COMMANDS (self), FALSE);

  school = rd_store_export_school (self->store, self->framework, school_id, error);
  if (school == NULL)
    return FALSE;
  bytes = rd_exchange_write (school, self->framework, content, error);
  return bytes != NULL && rd_export_file_write_bytes (path, bytes, NULL, error);
}

typedef struct
{
  RdRegionCommands *self;
  gint64 school_id;
  RdExchangeContent content;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written"));
      if (error != NULL ||
          !rd_region_commands_export_school (request->self, request->school_id, request->content, path, &error))
        show_message (request->self, _("Could Not Export the School"), error->message);
    }

  export_request_free (request);
  g_object_unref (chooser);
}

static void
on_content_chosen (AdwMessageDialog *dialog,
                   const char       *response,
                   ExportRequest    *request)
{
  g_autoptr(RdSchool) school = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "answers") && !g_str_equal (response, "summary"))
    {
      export_request_free (request);
      return;
    }

  request->content = g_str_equal (response, "summary") ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS;
  school = rd_store_get_school (request->self->store, request->school_id, NULL);
  name = g_strdup_printf ("%s%s", school ? rd_school_get_name (school) : "school", RD_EXCHANGE_SUFFIX);
  g_strdelimit (name, "/\\", '-');

  chooser = gtk_file_chooser_native_new (_("Export for the Region"), owner_window (request->self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_school_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RdRegionCommands *self = user_data;
  ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkWidget *dialog;

  request->self = g_object_ref (self);
  request->school_id = g_variant_get_int64 (parameter);

  /* What leaves the school is the school's choice, made each time. */
  dialog = adw_message_dialog_new (owner_window (self), _("Export for the Region?"),
                                   _("An exchange file lets your regional advisor compare schools. It never holds "
                                     "anyone’s name. With answers, it holds every respondent’s anonymous answers; "
                                     "with scores only, just the scores computed from them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "summary", _("_Scores Only"),
                                    "answers", _("With _Answers"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "answers", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "answers");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_content_chosen), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

RdRegionCommands *
rd_region_commands_new (RdStore     *store,
                        RdFramework *framework,
                        GtkWidget   *owner)
{
  static const GActionEntry entries[] = {
    { .name = "import-files", .activate = import_files_action },
    { .name = "import-folder", .activate = import_folder_action },
    { .name = "export-school", .activate = export_school_action, .parameter_type = "x" },
  };
  RdRegionCommands *self = g_object_new (RD_TYPE_REGION_COMMANDS, NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  g_set_weak_pointer (&self->owner, owner);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  return self;
}
