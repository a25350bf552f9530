#define G_LOG_DOMAIN "rd-learning-log-job"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-job.h"
#include "rd-learning-export.h"
#include "rd-learning-log-job.h"

/* Saving */

typedef struct
{
  RdLearningSaveKind kind;
  GPtrArray *staff;          /* of RdStaffMember; empty for the template */
  GPtrArray *activities;     /* of RdLearningActivity */
  char *path;                /* NULL until chosen, or when not local */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_ptr_array_unref (data->staff);
  g_ptr_array_unref (data->activities);
  g_free (data->path);
  g_free (data);
}

static gboolean
write_in_thread (RdJob         *job,
                 gpointer       job_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SaveData *data = job_data;

  if (data->path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written"));
      return FALSE;
    }
  if (data->kind == RD_LEARNING_SAVE_XLSX)
    return rd_learning_export_write_xlsx (data->staff, data->activities, data->path, cancellable, error);
  return rd_learning_export_write_csv (data->staff, data->activities, data->path, cancellable, error);
}

static void
on_save_chosen (GtkNativeDialog *chooser,
                int              response,
                SaveData        *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RdJob) job = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      save_data_free (data);
      g_object_unref (chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  data->path = g_file_get_path (file);
  job = rd_job_new (_("Saving the Learning Log…"), write_in_thread, data, (GDestroyNotify) save_data_free);
  rd_job_set_error_heading (job, _("Could Not Save the Learning Log"));
  rd_job_run (job, gtk_native_dialog_get_transient_for (chooser), NULL, NULL, NULL);
  g_object_unref (chooser);
}

void
rd_learning_log_job_save (GtkWindow          *parent,
                          RdStore            *store,
                          gint64              school_id,
                          const char         *school_name,
                          RdLearningSaveKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SaveData *data = g_new0 (SaveData, 1);

  data->kind = kind;
  if (kind == RD_LEARNING_SAVE_TEMPLATE)
    {
      data->staff = g_ptr_array_new ();
      data->activities = g_ptr_array_new ();
      /* Translators: suggested file name of the empty learning log to fill in */
      name = g_strdup (_("Learning log template.csv"));
    }
  else
    {
      data->staff = rd_store_list_staff (store, school_id, &error);
      data->activities = data->staff ? rd_store_list_learning_activities (store, school_id, &error) : NULL;
      if (data->activities == NULL)
        {
          g_warning ("Could not read the learning log: %s", error->message);
          if (data->staff == NULL)
            data->staff = g_ptr_array_new ();
          data->activities = g_ptr_array_new ();
          save_data_free (data);
          return;
        }
      /* Translators: suggested file name of a school's learning log, "Learning log Sint-Jozef.csv" */
      name = g_strdup_printf (_("Learning log %s.%s"), school_name, kind == RD_LEARNING_SAVE_XLSX ? "xlsx" : "csv");
    }

  chooser = gtk_file_chooser_native_new (kind == RD_LEARNING_SAVE_TEMPLATE ? _("Save the Template")
                                                                           : _("Export the Learning Log"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Importing */

typedef struct
{
  RdStore *store;
  RdFramework *framework;
  gint64 school_id;
  GFile *file;
  RdLearningTable *table;    /* read in the worker */
  RdLearningImported callback;
  GWeakRef owner;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->framework);
  g_clear_object (&data->file);
  g_clear_pointer (&data->table, rd_learning_table_free);
  g_weak_ref_clear (&data->owner);
  g_free (data);
}

static gboolean
read_in_thread (RdJob         *job,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ImportData *data = job_data;

  rd_job_set_progress (job, -1, NULL);
  data->table = rd_learning_csv_parse_file (data->file, data->framework, cancellable, error);
  return data->table != NULL;
}

/* The store is the main thread's: the checked file goes in here. */
static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RdJob *job = RD_JOB (source);
  ImportData *data = rd_job_get_data (job);
  g_autoptr(GObject) owner = g_weak_ref_get (&data->owner);
  g_autoptr(GError) error = NULL;

  if (rd_job_finish (job, result, &error) &&
      rd_store_import_learning_log (data->store, data->school_id, data->table, &error))
    {
      if (owner != NULL)
        data->callback (owner, rd_learning_table_count_activities (data->table), NULL);
    }
  else if (owner != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    data->callback (owner, 0, error);
}

void
rd_learning_log_job_import_file (GtkWindow          *parent,
                                 RdStore            *store,
                                 RdFramework        *framework,
                                 gint64              school_id,
                                 GFile              *file,
                                 RdLearningImported  callback,
                                 GObject            *owner)
{
  g_autoptr(RdJob) job = NULL;
  ImportData *data = g_new0 (ImportData, 1);

  data->store = g_object_ref (store);
  data->framework = g_object_ref (framework);
  data->school_id = school_id;
  data->file = g_object_ref (file);
  data->callback = callback;
  g_weak_ref_init (&data->owner, owner);
  job = rd_job_new (_("Reading the Learning Log…"), read_in_thread, data, (GDestroyNotify) import_data_free);
  rd_job_run (job, parent, NULL, on_read, NULL);
}

typedef struct
{
  RdStore *store;
  RdFramework *framework;
  gint64 school_id;
  RdLearningImported callback;
  GWeakRef owner;
} ChooseData;

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ChooseData      *data)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&data->owner);

  if (response == GTK_RESPONSE_ACCEPT && owner != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rd_learning_log_job_import_file (gtk_native_dialog_get_transient_for (chooser), data->store, data->framework,
                                       data->school_id, file, data->callback, owner);
    }
  g_weak_ref_clear (&data->owner);
  g_object_unref (data->store);
  g_object_unref (data->framework);
  g_free (data);
  g_object_unref (chooser);
}

void
rd_learning_log_job_import (GtkWindow          *parent,
                            RdStore            *store,
                            RdFramework        *framework,
                            gint64              school_id,
                            RdLearningImported  callback,
                            GObject            *owner)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ChooseData *data = g_new0 (ChooseData, 1);

  data->store = g_object_ref (store);
  data->framework = g_object_ref (framework);
  data->school_id = school_id;
  data->callback = callback;
  g_weak_ref_init (&data->owner, owner);

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  chooser = gtk_file_chooser_native_new (_("Import a Learning Log"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
