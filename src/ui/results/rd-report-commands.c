#define G_LOG_DOMAIN "rd-report-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-answers-csv.h"
#include "rd-answers-xlsx.h"
#include "rd-export-file.h"
#include "rd-preferences-window.h"
#include "rd-progress-window.h"
#include "rd-report-commands.h"
#include "rd-report.h"

/* Quick exports finish before a progress window would only flash. */
#define PROGRESS_DELAY_MS 400

struct _RdReportCommands
{
  GSimpleActionGroup parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  GtkWidget *owner;          /* weak */
  AdwToastOverlay *toasts;   /* weak */
  guint progress_delay_ms;
  GtkWidget *progress_window;  /* weak: the running export's, once shown */
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

  /* Progress, read by the main thread under the lock. */
  GMutex lock;
  double fraction;
  GtkWidget *progress_window;
  guint progress_timeout;
  guint progress_tick;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->report);
  g_clear_object (&job->framework);
  g_clear_pointer (&job->answers, g_ptr_array_unref);
  g_clear_pointer (&job->xlsx, rd_answers_xlsx_unref);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static void
rd_report_commands_dispose (GObject *object)
{
  RdReportCommands *self = RD_REPORT_COMMANDS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_weak_pointer (&self->owner);
  g_clear_weak_pointer (&self->toasts);
  g_clear_weak_pointer (&self->progress_window);

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
  self->progress_delay_ms = PROGRESS_DELAY_MS;
}

void
rd_report_commands_set_progress_delay (RdReportCommands *self,
                                       guint            delay_ms)
{
  g_return_if_fail (RD_IS_REPORT_COMMANDS (self));
  self->progress_delay_ms = delay_ms;
}

GtkWindow *
rd_report_commands_get_progress_window (RdReportCommands *self)
{
  g_return_val_if_fail (RD_IS_REPORT_COMMANDS (self), NULL);
  return self->progress_window ? GTK_WINDOW (self->progress_window) : NULL;
}

static void
on_pdf_progress (double   fraction,
                 gpointer user_data)
{
  ExportJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  g_mutex_unlock (&job->lock);
}

static gboolean
write_csv (ExportJob     *job,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize length;
  char *text = rd_answers_csv_format (job->framework, job->mode, job->answers, job->threshold, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

  return rd_export_file_write_bytes (job->path, bytes, cancellable, error);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean written = FALSE;

  switch (job->kind)
    {
    case RD_EXPORT_PDF:
      written = rd_report_write_pdf (job->report, job->path, cancellable, on_pdf_progress, job, &error);
      break;
    case RD_EXPORT_CSV:
      written = write_csv (job, cancellable, &error);
      break;
    case RD_EXPORT_XLSX:
      written = rd_answers_xlsx_write (job->path, job->xlsx, cancellable, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
on_progress_tick (gpointer user_data)
{
  ExportJob *job = user_data;
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  g_mutex_unlock (&job->lock);

  if (job->kind == RD_EXPORT_PDF)
    rd_progress_window_set_fraction (RD_PROGRESS_WINDOW (job->progress_window), fraction);
  else
    rd_progress_window_pulse (RD_PROGRESS_WINDOW (job->progress_window));
  return G_SOURCE_CONTINUE;
}

static const char *
progress_title (RdExportKind kind)
{
  return kind == RD_EXPORT_PDF ? _("Saving the Report…") : _("Exporting the Answers…");
}

static gboolean
on_progress_timeout (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  RdReportCommands *self = g_task_get_source_object (task);
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;

  job->progress_timeout = 0;
  job->progress_window = GTK_WIDGET (rd_progress_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             progress_title (job->kind),
                                                             g_task_get_cancellable (task)));
  job->progress_tick = g_timeout_add (100, on_progress_tick, job);
  g_set_weak_pointer (&self->progress_window, job->progress_window);
  gtk_window_present (GTK_WINDOW (job->progress_window));
  return G_SOURCE_REMOVE;
}

/* In the main context, whichever thread drops the task's last reference. */
static void
on_task_completed (GTask *task)
{
  ExportJob *job = g_task_get_task_data (task);

  if (job == NULL)
    return;
  g_clear_handle_id (&job->progress_timeout, g_source_remove);
  g_clear_handle_id (&job->progress_tick, g_source_remove);
  if (job->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&job->progress_window)));
}

/* The snapshot that the worker thread writes from. */
static ExportJob *
prepare_job (RdReportCommands  *self,
             RdExportKind      kind,
             const char       *path,
             GError          **error)
{
  g_autoptr(RdAssessment) assessment = NULL;
  ExportJob *job;

  assessment = rd_store_get_assessment (self->store, self->assessment_id, error);
  if (assessment == NULL)
    return NULL;

  job = g_new0 (ExportJob, 1);
  g_mutex_init (&job->lock);
  job->kind = kind;
  job->path = g_strdup (path);
  job->threshold = rd_preferences_get_anonymity_threshold ();
  job->framework = g_object_ref (self->framework);
  job->mode = rd_assessment_get_mode (assessment);

  if (kind == RD_EXPORT_PDF)
    job->report = rd_report_new (self->store, self->framework, self->assessment_id, job->threshold, error);
  else
    job->answers = rd_store_list_answers (self->store, self->assessment_id, error);

  if (kind == RD_EXPORT_XLSX && job->answers != NULL)
    {
      double targets[RD_N_FACTORS];
      g_autoptr(GPtrArray) actions = NULL;

      if (rd_store_get_targets (self->store, self->assessment_id, targets, error) &&
          (actions = rd_store_list_actions (self->store, self->assessment_id, error)) != NULL)
        job->xlsx = rd_answers_xlsx_new (self->framework, job->mode, job->answers, targets, actions,
                                         job->threshold);
    }

  if ((kind == RD_EXPORT_PDF && job->report == NULL) ||
      (kind == RD_EXPORT_CSV && job->answers == NULL) ||
      (kind == RD_EXPORT_XLSX && job->xlsx == NULL))
    {
      export_job_free (job);
      return NULL;
    }

  return job;
}

void
rd_report_commands_export (RdReportCommands     *self,
                           RdExportKind         kind,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (RD_IS_REPORT_COMMANDS (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The progress window's Cancel needs a cancellable to cancel. */
  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_report_commands_export);
  g_task_set_return_on_cancel (task, FALSE);
  /* A Cancel that comes after the file was renamed into place must not
   * report a cancel: the result is what the worker did. */
  g_task_set_check_cancellable (task, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not write %s: only local files can be written"), uri);
      return;
    }

  job = prepare_job (self, kind, path, &error);
  if (job == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_signal_connect (task, "notify::completed", G_CALLBACK (on_task_completed), NULL);
  /* With no delay the window is there before the worker starts. */
  if (self->progress_delay_ms == 0)
    on_progress_timeout (task);
  else
    job->progress_timeout = g_timeout_add (self->progress_delay_ms, on_progress_timeout, task);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
rd_report_commands_export_finish (RdReportCommands  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
show_error (RdReportCommands *self,
            const char      *heading,
            const GError    *error)
{
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
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
  RdReportCommands *self = RD_REPORT_COMMANDS (source);
  RdExportKind kind = GPOINTER_TO_INT (user_data);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!rd_report_commands_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error_heading (kind), error);
      return;
    }

  if (self->toasts != NULL && job != NULL)
    {
      g_autofree char *basename = g_path_get_basename (job->path);
      g_autofree char *title = NULL;
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
      AdwToast *toast;

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

      rd_report_commands_export (self, kind, file, NULL, on_export_done, GINT_TO_POINTER (kind));
    }

  g_object_unref (chooser);
}

static void
choose_file (RdReportCommands *self,
             RdExportKind     kind)
{
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;
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

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
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
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;

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

  return gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
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
  GtkRoot *root = self->owner ? gtk_widget_get_root (self->owner) : NULL;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, g_variant_get_string (parameter, NULL),
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
