#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rd-framework.h"
#include "rd-report-document.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_REPORT (rd_report_get_type ())

G_DECLARE_FINAL_TYPE (RdReport, rd_report, RD, REPORT, GObject)

/* How far writing is, from 0 to 1: after each page is drawn, and 1 when
 * the file is complete. Called on the thread that writes. */
typedef void (*RdReportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* The school report of one assessment, in the UI language: a snapshot of
 * the store taken on the calling thread (which owns @store), laid out into
 * A4 pages at once. The views of the groups follow RdGroupComparison
 * with @anonymity_threshold (clamped to the limits of rd-anonymity.h): no
 * group figure rests on fewer answers. The report is immutable: it may then
 * be drawn or written from any thread, one at a time. */
RdReport *rd_report_new            (RdStore               *store,
                                    RdFramework           *framework,
                                    gint64                 assessment_id,
                                    guint                  anonymity_threshold,
                                    GError               **error);

RdReportDocument *rd_report_get_document (RdReport *self);
guint             rd_report_get_n_pages  (RdReport *self);

/* Draws page @page (from 0) on @cr in points, the page's top left corner
 * at 0,0: a PDF page, or a printer's page through GtkPrintOperation. */
void      rd_report_draw_page      (RdReport              *self,
                                    cairo_t               *cr,
                                    guint                  page);

/* Writes the report as a PDF file with a title, an outline and linked
 * contents. The file appears complete or not at all: it is written beside
 * @path and renamed over it, so a failure or a cancel leaves an existing
 * file untouched. Safe to call from a worker thread; nothing here uses
 * GTK or the store. */
gboolean  rd_report_write_pdf      (RdReport              *self,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    RdReportProgressFunc   progress,
                                    gpointer               user_data,
                                    GError               **error);

G_END_DECLS
