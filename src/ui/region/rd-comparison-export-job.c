#define G_LOG_DOMAIN "rd-comparison-export-job"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-comparison-export-job.h"
#include "rd-job.h"

typedef struct
{
  RdComparisonExport *export;
  gboolean spreadsheet;
  RdComparisonExportView view;
  char *path;                /* NULL until chosen, or when not local */
} SaveData;

static void
save_data_free (SaveData *data)
{
  rd_comparison_export_unref (data->export);
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
  return data->spreadsheet ? rd_comparison_export_write_xlsx (data->export, data->path, cancellable, error)
                           : rd_comparison_export_write_csv (data->export, data->view, data->path, cancellable, error);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
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
  job = rd_job_new (_("Exporting the Comparison…"), write_in_thread, data, (GDestroyNotify) save_data_free);
  rd_job_set_error_heading (job, _("Could Not Export the Comparison"));
  rd_job_run (job, gtk_native_dialog_get_transient_for (chooser), NULL, NULL, NULL);
  g_object_unref (chooser);
}

void
rd_comparison_export_job_save (GtkWindow              *parent,
                               RdComparisonExport     *export,
                               const char             *school_year,
                               gboolean                spreadsheet,
                               RdComparisonExportView  view)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SaveData *data;

  g_return_if_fail (export != NULL);

  data = g_new0 (SaveData, 1);
  data->export = rd_comparison_export_ref (export);
  data->spreadsheet = spreadsheet;
  data->view = view;

  /* Translators: suggested file name of an exported comparison, "Schools 2026-2027" */
  name = g_strdup_printf (_("Schools %s.%s"), school_year, spreadsheet ? "xlsx" : "csv");
  chooser = gtk_file_chooser_native_new (_("Export the Comparison"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
