#pragma once

#include <adwaita.h>

#include "rd-job.h"
#include "rd-store.h"

G_BEGIN_DECLS

typedef enum {
  RD_EXPORT_PDF,
  RD_EXPORT_CSV,
  RD_EXPORT_XLSX,
} RdExportKind;

#define RD_TYPE_REPORT_COMMANDS (rd_report_commands_get_type ())

G_DECLARE_FINAL_TYPE (RdReportCommands, rd_report_commands, RD, REPORT_COMMANDS, GSimpleActionGroup)

/* The "report" commands of one assessment (a GActionGroup; "actions" in
 * this code are the action plan's, RdAction): save-pdf, print, export-csv,
 * export-xlsx. Files are written as an RdJob (a worker thread, a snapshot
 * taken on the main thread, progress and Cancel when writing takes a
 * while); errors get a dialog; success a toast on @toasts. */
RdReportCommands *rd_report_commands_new        (RdStore             *store,
                                                 RdFramework         *framework,
                                                 gint64               assessment_id,
                                                 GtkWidget           *owner,
                                                 AdwToastOverlay     *toasts);

/* A job that writes @kind to @file without asking where, from a snapshot
 * taken now; start it with rd_job_run(). NULL and @error when @file is not
 * local or the snapshot cannot be read. */
RdJob           *rd_report_commands_new_export_job (RdReportCommands  *self,
                                                    RdExportKind       kind,
                                                    GFile             *file,
                                                    GError           **error);

/* Prints through GtkPrintOperation with the PDF report's pages; @action
 * as for gtk_print_operation_run() (tests export to a file). */
GtkPrintOperationResult rd_report_commands_print (RdReportCommands   *self,
                                                  GtkPrintOperationAction action,
                                                  const char          *export_path,
                                                  GError             **error);

G_END_DECLS
