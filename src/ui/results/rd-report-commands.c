#define G_LOG_DOMAIN "rd-report-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-answers-csv.h"
#include "rd-answers-xlsx.h"
#include "rd-export-file.h"
#include "rd-preferences-window.h"
#include "rd-job.h"
#include "rd-report-commands.h"
#include "rd-report.h"

struct _RdReportCommands
{
  GSimpleActionGroup parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  GtkWidget *owner;          /* weak */
  AdwToastOverlay *toasts;   /* weak */
};

G_DEFINE_FINAL_TYPE (RdReportCommands, rd_report_commands, G_TYPE_SIMPLE_ACTION_GROUP)

/* What a worker thread writes: a snapshot taken on the main thread. */
typedef struct
{
  RdExportKind kind;
  char *path;
  RdReport *report;
  RdFramework *framework;
  RdAssessmentMode mode;
  GPtrArray *answers;
  guint threshold;
  RdAnswersXlsx *xlsx;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->path);
  g_clear_object (&data->report);
  g_clear_object (&data->framework);
  g_clear_pointer (&data->answers, g_ptr_array_unref);
  g_clear_pointer (&data->xlsx, rd_answers_xlsx_unref);
  g_free (data);
}

static void
rd_report_commands_dispose (GObject *object)
{
  RdReportCommands *self = RD_REPORT_COMMANDS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_weak_pointer (&self->owner);
  g_clear_weak_pointer (&self->toasts);

  G_OBJECT_CLASS (rd_report_commands_parent_class)->dispose (object);
}

static void
rd_report_commands_class_init (RdReportCommandsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rd_report_commands_dispose;
}

static void
rd_report_commands_init (RdReportCommands *self)
{
}

static GtkWindow *
owner_window (RdReportCommands *self)
{
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_pdf_progress (double   fraction,
                 gpointer user_data)
{
  rd_job_set_progress (user_data, fraction, NULL);
}

static gboolean
write_csv (ExportData    *data,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize length;
  char *text = rd_answers_csv_format (data->framework, data->mode, data->answers, data->threshold, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

  return rd_export_file_write_bytes (data->path, bytes, cancellable, error);
}

static gboolean
export_in_thread (RdJob         *job,
                  gpointer       job_data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ExportData *data = job_data;

  switch (data->kind)
    {
    case RD_EXPORT_PDF:
      return rd_report_write_pdf (data->report, data->path, cancellable, on_pdf_progress, job, error);
    case RD_EXPORT_CSV:
      return write_csv (data, cancellable, error);
    case RD_EXPORT_XLSX:
      return rd_answers_xlsx_write (data->path, data->xlsx, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

static const char *
progress_title (RdExportKind kind)
{
  return kind == RD_EXPORT_PDF ? _("Saving the Report…") : _("Exporting the Answers…");
}

/* The snapshot that the worker thread writes from. */
static ExportData *
prepare_data (RdReportCommands  *self,
              RdExportKind      kind,
              const char       *path,
              GError          **error)
{
  g_autoptr(RdAssessment) assessment = NULL;
  ExportData *data;

  assessment = rd_store_get_assessment (self->store, self->assessment_id, error);
  if (assessment == NULL)
    return NULL;

  data = g_new0 (ExportData, 1);
  data->kind = kind;
  data->path = g_strdup (path);
  data->threshold = rd_preferences_get_anonymity_threshold ();
  data->framework = g_object_ref (self->framework);
  data->mode = rd_assessment_get_mode (assessment);

  if (kind == RD_EXPORT_PDF)
    data->report = rd_report_new (self->store, self->framework, self->assessment_id, data->threshold, error);
  else
    data->answers = rd_store_list_answers (self->store, self->assessment_id, error);

  if (kind == RD_EXPORT_XLSX && data->answers != NULL)
    {
      double targets[RD_N_FACTORS];
      g_autoptr(GPtrArray) actions = NULL;

      g_autoptr(GHashTable) commentaries = NULL;
      g_autoptr(GPtrArray) evidence = NULL;

      if (rd_store_get_targets (self->store, self->assessment_id, targets, error) &&
          (actions = rd_store_list_actions (self->store, self->assessment_id, error)) != NULL &&
          (commentaries = rd_store_list_item_commentaries (self->store, self->assessment_id, error)) != NULL &&
          (evidence = rd_store_list_evidence (self->store, self->assessment_id, NULL, error)) != NULL)
        {
          data->xlsx = rd_answers_xlsx_new (self->framework, data->mode, data->answers, targets, actions,
                                            data->threshold);
          rd_answers_xlsx_set_evidence (data->xlsx, commentaries, evidence);
        }
    }

  if ((kind == RD_EXPORT_PDF && data->report == NULL) ||
      (kind == RD_EXPORT_CSV && data->answers == NULL) ||
      (kind == RD_EXPORT_XLSX && data->xlsx == NULL))
    {
      export_data_free (data);
      return NULL;
    }

  return data;
}

RdJob *
rd_report_commands_new_export_job (RdReportCommands  *self,
                                   RdExportKind      kind,
                                   GFile            *file,
                                   GError          **error)
{
  g_autofree char *path = NULL;
  ExportData *data;
  RdJob *job;

  g_return_val_if_fail (RD_IS_REPORT_COMMANDS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write %s: only local files can be written"), uri);
      return NULL;
    }

  data = prepare_data (self, kind, path, error);
  if (data == NULL)
    return NULL;

  job = rd_job_new (progress_title (kind), export_in_thread, data, (GDestroyNotify) export_data_free);
  /* The report's pages fill the bar; the answers' files are written in one go. */
  if (kind == RD_EXPORT_PDF)
    rd_job_set_progress (job, 0, NULL);
  return job;
}

static void
show_error (RdReportCommands *self,
            const char      *heading,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (owner_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
error_heading (RdExportKind kind)
{
  return kind == RD_EXPORT_PDF ? _("Could Not Save the Report") : _("Could Not Export the Answers");
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdReportCommands) self = user_data;
  ExportData *data = rd_job_get_data (RD_JOB (source));
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  /* A failure: the job has said why. */
  if (!rd_job_finish (RD_JOB (source), result, NULL) || self->toasts == NULL)
    return;

  basename = g_path_get_basename (data->path);
  uri = g_filename_to_uri (data->path, NULL, NULL);
  /* Translators: toast after saving a file, %s is its name */
  title = g_strdup_printf (_("Saved as “%s”"), basename);
  toast = adw_toast_new (title);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "report.open");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* In a worker thread, with progress and Cancel once it takes a while;
 * then an error in a dialog, or the file in a toast. */
static void
export_to (RdReportCommands *self,
           RdExportKind      kind,
           GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdJob) job = rd_report_commands_new_export_job (self, kind, file, &error);

  if (job == NULL)
    {
      show_error (self, error_heading (kind), error);
      return;
    }
  rd_job_set_error_heading (job, error_heading (kind));
  rd_job_run (job, owner_window (self), NULL, on_export_done, g_object_ref (self));
}

static const char *
kind_extension (RdExportKind kind)
{
  switch (kind)
    {
    case RD_EXPORT_PDF:
      return "pdf";
    case RD_EXPORT_CSV:
      return "csv";
    case RD_EXPORT_XLSX:
    default:
      return "xlsx";
    }
}

static char *
suggested_name (RdReportCommands *self,
                RdExportKind     kind)
{
  g_autoptr(RdAssessment) assessment = rd_store_get_assessment (self->store, self->assessment_id, NULL);
  g_autoptr(RdSchool) school = assessment ? rd_store_get_school (self->store, rd_assessment_get_school_id (assessment),
                                                                NULL) : NULL;
  const char *school_name = school ? rd_school_get_name (school) : "";
  const char *year = assessment ? rd_assessment_get_school_year (assessment) : "";
  g_autofree char *base = NULL;

  if (kind == RD_EXPORT_PDF)
    /* Translators: suggested file name of the report, "Sint-Jozef 2026-2027 Report" */
    base = g_strdup_printf (_("%s %s Report"), school_name, year);
  else
    /* Translators: suggested file name of exported answers, "Sint-Jozef 2026-2027 Answers" */
    base = g_strdup_printf (_("%s %s Answers"), school_name, year);

  g_strdelimit (base, "/\\", '-');
  return g_strdup_printf ("%s.%s", g_strstrip (base), kind_extension (kind));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                RdReportCommands *self)
{
  RdExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      export_to (self, kind, file);
    }

  g_object_unref (chooser);
}

static void
choose_file (RdReportCommands *self,
             RdExportKind     kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, kind);
  g_autofree char *pattern = g_strdup_printf ("*.%s", kind_extension (kind));
  GtkFileChooserNative *chooser;
  const char *title;

  switch (kind)
    {
    case RD_EXPORT_PDF:
      title = _("Save Report as PDF");
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case RD_EXPORT_CSV:
      title = _("Export Answers as CSV");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case RD_EXPORT_XLSX:
    default:
      title = _("Export Answers as Spreadsheet");
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    }
  gtk_file_filter_add_pattern (filter, pattern);

  chooser = gtk_file_chooser_native_new (title, owner_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "export-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              RdReport          *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / RD_REPORT_PAGE_WIDTH;

  /* Another paper size than A4 scales the page to its width. */
  cairo_scale (cr, scale, scale);
  rd_report_draw_page (report, cr, (guint) page);
}

GtkPrintOperationResult
rd_report_commands_print (RdReportCommands          *self,
                          GtkPrintOperationAction   action,
                          const char               *export_path,
                          GError                  **error)
{
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *name = NULL;

  g_return_val_if_fail (RD_IS_REPORT_COMMANDS (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  report = rd_report_new (self->store, self->framework, self->assessment_id,
                          rd_preferences_get_anonymity_threshold (), error);
  if (report == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  operation = gtk_print_operation_new ();
  name = suggested_name (self, RD_EXPORT_PDF);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) rd_report_get_n_pages (report));
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* The operation keeps the report for as long as it prints. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page), g_object_ref (report),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return gtk_print_operation_run (operation, action, owner_window (self), error);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RdReportCommands *self = user_data;
  g_autoptr(GError) error = NULL;

  if (rd_report_commands_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Report"), error);
}

static void
save_pdf_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  choose_file (user_data, RD_EXPORT_PDF);
}

static void
export_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  choose_file (user_data, RD_EXPORT_CSV);
}

static void
export_xlsx_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  choose_file (user_data, RD_EXPORT_XLSX);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RdReportCommands *self = user_data;

  gtk_show_uri (owner_window (self), g_variant_get_string (parameter, NULL),
                GDK_CURRENT_TIME);
}

RdReportCommands *
rd_report_commands_new (RdStore         *store,
                        RdFramework     *framework,
                        gint64           assessment_id,
                        GtkWidget       *owner,
                        AdwToastOverlay *toasts)
{
  static const GActionEntry entries[] = {
    { .name = "save-pdf", .activate = save_pdf_action },
    { .name = "print", .activate = print_action },
    { .name = "export-csv", .activate = export_csv_action },
    { .name = "export-xlsx", .activate = export_xlsx_action },
    { .name = "open", .activate = open_action, .parameter_type = "s" },
  };
  RdReportCommands *self = g_object_new (RD_TYPE_REPORT_COMMANDS, NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = assessment_id;
  g_set_weak_pointer (&self->owner, owner);
  g_set_weak_pointer (&self->toasts, toasts);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  return self;
}
