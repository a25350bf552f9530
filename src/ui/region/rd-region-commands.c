#define G_LOG_DOMAIN "rd-region-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-exchange-import.h"
#include "rd-export-file.h"
#include "rd-job.h"
#include "rd-region-commands.h"

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

/* What the worker imports, and what it did. */
typedef struct
{
  char *database_path;
  RdFramework *framework;
  GPtrArray *files;            /* as given: files and folders */
  RdExchangeImportResult result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->database_path);
  g_clear_object (&data->framework);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  rd_exchange_import_result_clear (&data->result);
  g_free (data);
}

static void
on_import_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  /* Translators: progress of an import, "120 of 1000 files" */
  rd_job_set_progress (user_data, (double) done / total, g_dngettext (NULL, "%u of %u file", "%u of %u files", total),
                       done, total);
}

/* The worker has a connection of its own: SQLite connections are not
 * shared between threads, and the window keeps reading through its own. */
static gboolean
import_in_thread (RdJob         *job,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ImportData *import = data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(RdStore) store = NULL;

  files = rd_exchange_collect_files ((GFile * const *) import->files->pdata, import->files->len, error);
  if (files != NULL)
    store = rd_store_open (import->database_path, error);
  return store != NULL &&
         rd_exchange_import_files (store, import->framework, files, cancellable, on_import_progress, job,
                                   &import->result, error);
}

static void
show_message (RdRegionCommands *self,
              const char      *heading,
              const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (owner_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* How an import went, in words; set-aside files named with their reason.
 * Counted even when cancelled: what was stored before stays. */
static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdRegionCommands) self = user_data;
  ImportData *import = rd_job_get_data (RD_JOB (source));
  const RdExchangeImportResult *summary = &import->result;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean done = rd_job_finish (RD_JOB (source), result, &error);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  guint updated = summary->n_schools - summary->n_schools_new;

  /* What the worker's connection stored, this one's listeners now show. */
  if (summary->n_imported > 0)
    rd_store_notify_schools_changed (self->store);
  /* A failure: the job has said why. */
  if (!done && !cancelled)
    return;

  if (summary->n_files == 0 && done)
    g_string_append (body, _("There are no exchange files (*.readiness) in what you chose."));
  else
    {
      /* Translators: an import's summary, made of three parts: "8 files
       * imported, of 7 schools: 7 new, 0 updated." */
      g_string_append_printf (body, g_dngettext (NULL, "%u file imported, ", "%u files imported, ",
                                                 summary->n_imported), summary->n_imported);
      g_string_append_printf (body, g_dngettext (NULL, "of %u school: ", "of %u schools: ", summary->n_schools),
                              summary->n_schools);
      g_string_append_printf (body, g_dngettext (NULL, "%u new", "%u new", summary->n_schools_new),
                              summary->n_schools_new);
      g_string_append (body, ", ");
      g_string_append_printf (body, g_dngettext (NULL, "%u updated.", "%u updated.", updated), updated);
    }
  if (cancelled)
    {
      g_string_append (body, " ");
      g_string_append (body, _("The import was cancelled; what was imported before is kept."));
    }
  if (summary->rejected != NULL && summary->rejected->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (NULL, "%u file was set aside:", "%u files were set aside:",
                                                 summary->rejected->len), summary->rejected->len);
      for (guint i = 0; i < summary->rejected->len; i++)
        g_string_append_printf (body, "\n• %s", ((GError *) g_ptr_array_index (summary->rejected, i))->message);
    }

  if (summary->notices != NULL && summary->notices->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Note:"));
      for (guint i = 0; i < summary->notices->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (summary->notices, i));
    }

  show_message (self, cancelled ? _("Import Cancelled") : _("School Files Imported"), body->str);
}

/* In a worker thread with a connection of its own, with progress and
 * Cancel; then the summary in a dialog. */
void
rd_region_commands_import_and_report (RdRegionCommands *self,
                                      GFile * const   *files,
                                      guint            n_files)
{
  g_autoptr(RdJob) job = NULL;
  ImportData *import;

  g_return_if_fail (RD_IS_REGION_COMMANDS (self));

  import = g_new0 (ImportData, 1);
  import->database_path = g_strdup (rd_store_get_path (self->store));
  import->framework = g_object_ref (self->framework);
  import->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (import->files, g_object_ref (files[i]));

  job = rd_job_new (_("Importing School Files…"), import_in_thread, import, (GDestroyNotify) import_data_free);
  rd_job_set_error_heading (job, _("Could Not Import the School Files"));
  rd_job_run (job, owner_window (self), NULL, on_import_done, g_object_ref (self));
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
                                  gboolean            with_evidence,
                                  const char         *path,
                                  GError            **error)
{
  g_autoptr(RdExchangeSchool) school = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RD_IS_REGION_COMMANDS (self), FALSE);

  school = rd_store_export_school (self->store, self->framework, school_id, error);
  if (school == NULL || (with_evidence && !rd_store_export_item_notes (self->store, school, error)))
    return FALSE;
  bytes = rd_exchange_write (school, self->framework, content, error);
  return bytes != NULL && rd_export_file_write_bytes (path, bytes, NULL, error);
}

typedef struct
{
  RdRegionCommands *self;
  gint64 school_id;
  RdExchangeContent content;
  GtkCheckButton *with_evidence;  /* in the dialog that asks, until it answers */
  gboolean evidence;
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
          !rd_region_commands_export_school (request->self, request->school_id, request->content,
                                             request->evidence, path, &error))
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
  request->evidence = gtk_check_button_get_active (request->with_evidence);
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
  GtkWidget *dialog, *check, *label;

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
  /* Off unless the school asks, each time: its own words, paths and links. */
  label = gtk_label_new_with_mnemonic (_("Also send the items’ _commentary and evidence (titles, paths "
                                         "and links as the school wrote them)"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  check = gtk_check_button_new ();
  /* A label of its own, to wrap at 360 px. */
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), check);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  request->with_evidence = GTK_CHECK_BUTTON (check);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), check);
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
