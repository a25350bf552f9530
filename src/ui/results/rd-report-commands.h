#pragma once

#include <adwaita.h>

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
 * export-xlsx. Files are written in a worker thread from a snapshot taken
 * on the main thread; a progress window with Cancel appears when writing
 * takes a while; errors get a dialog; success a toast on @toasts. */
RdReportCommands *rd_report_commands_new        (RdStore             *store,
                                                 RdFramework         *framework,
                                                 gint64               assessment_id,
                                                 GtkWidget           *owner,
                                                 AdwToastOverlay     *toasts);

/* Writes @kind to @file without asking where; @callback gets the result
 * from rd_report_commands_export_finish(). */
void             rd_report_commands_export     (RdReportCommands     *self,
                                                RdExportKind         kind,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean         rd_report_commands_export_finish (RdReportCommands  *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* How long an export runs before its progress window shows (tests: 0). */
void             rd_report_commands_set_progress_delay (RdReportCommands *self,
                                                        guint                delay_ms);
GtkWindow       *rd_report_commands_get_progress_window (RdReportCommands *self);

/* Prints through GtkPrintOperation with the PDF report's pages; @action
 * as for gtk_print_operation_run() (tests export to a file). */
GtkPrintOperationResult rd_report_commands_print (RdReportCommands   *self,
                                                  GtkPrintOperationAction action,
                                                  const char          *export_path,
                                                  GError             **error);

G_END_DECLS
