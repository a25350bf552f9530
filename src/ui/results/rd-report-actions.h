#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

typedef enum {
  RD_EXPORT_PDF,
  RD_EXPORT_CSV,
  RD_EXPORT_XLSX,
} RdExportKind;

#define RD_TYPE_REPORT_ACTIONS (rd_report_actions_get_type ())

G_DECLARE_FINAL_TYPE (RdReportActions, rd_report_actions, RD, REPORT_ACTIONS, GSimpleActionGroup)

/* The "report" actions of one assessment: save-pdf, print, export-csv,
 * export-xlsx. Files are written in a worker thread from a snapshot taken
 * on the main thread; a progress window with Cancel appears when writing
 * takes a while; errors get a dialog; success a toast on @toasts. */
RdReportActions *rd_report_actions_new        (RdStore             *store,
                                               RdFramework         *framework,
                                               gint64               assessment_id,
                                               GtkWidget           *owner,
                                               AdwToastOverlay     *toasts);

/* Writes @kind to @file without asking where; @callback gets the result
 * from rd_report_actions_export_finish(). */
void             rd_report_actions_export     (RdReportActions     *self,
                                               RdExportKind         kind,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean         rd_report_actions_export_finish (RdReportActions  *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* How long an export runs before its progress window shows (tests: 0). */
void             rd_report_actions_set_progress_delay (RdReportActions *self,
                                               guint                delay_ms);
GtkWindow       *rd_report_actions_get_progress_window (RdReportActions *self);

/* Prints through GtkPrintOperation with the PDF report's pages; @action
 * as for gtk_print_operation_run() (tests export to a file). */
GtkPrintOperationResult rd_report_actions_print (RdReportActions   *self,
                                               GtkPrintOperationAction action,
                                               const char          *export_path,
                                               GError             **error);

G_END_DECLS
