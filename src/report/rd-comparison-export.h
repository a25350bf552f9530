#pragma once

#include <gio/gio.h>

#include "rd-comparison.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* A regional comparison as files (data/formats/COMPARISON-EXPORT.md): one
 * CSV per view, or one Excel workbook with a sheet per view.
 *
 * Take the snapshot on the main thread, then write it from a worker
 * thread: it holds the (immutable) comparison and plain copies of
 * everything else it needs from the framework, and never changes. */

#define RD_COMPARISON_EXPORT_FORMAT 2

/* The tables of a comparison: a CSV file each, a sheet each in the
 * workbook, in this order. */
typedef enum {
  RD_COMPARISON_EXPORT_VIEW_FACTORS,       /* per school: readiness, target, gap, difference per factor */
  RD_COMPARISON_EXPORT_VIEW_AREAS,         /* per school: the score of every area */
  RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION,  /* per factor and area: n, min, quartiles, max */
  RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET,  /* per factor: schools below, reached, unknown */
} RdComparisonExportView;

#define RD_N_COMPARISON_EXPORT_VIEWS 4

#define RD_TYPE_COMPARISON_EXPORT_VIEW (rd_comparison_export_view_get_type ())

GType       rd_comparison_export_view_get_type  (void) G_GNUC_CONST;
/* "factors", "areas", "distribution", "below-target": for file names and
 * command-line options; never translated. */
const char *rd_comparison_export_view_to_id     (RdComparisonExportView  view);
gboolean    rd_comparison_export_view_from_id   (const char              *id,
                                                 RdComparisonExportView  *view);
/* The sheet's name in the UI language, also fit for a menu. */
const char *rd_comparison_export_view_get_title (RdComparisonExportView  view);

typedef struct _RdComparisonExport RdComparisonExport;

#define RD_TYPE_COMPARISON_EXPORT (rd_comparison_export_get_type ())

GType               rd_comparison_export_get_type  (void) G_GNUC_CONST;

/* @comparison: the comparison as shown, filtered or not: the export keeps
 * the schools that match @region (NULL or "": any) and @school_type
 * (RD_SCHOOL_TYPE_UNSET: any), so a
 * comparison already filtered by them comes out the same.
 * @framework: the comparison's framework, for its id, version and the
 * areas' ids and titles (in the UI language, taken now).
 * @school_year: as the user reads it, "2025-2026"; NULL or "" if none. */
RdComparisonExport *rd_comparison_export_new        (RdComparison              *comparison,
                                                     RdFramework               *framework,
                                                     const char                *school_year,
                                                     const char                *region,
                                                     RdSchoolType               school_type);
RdComparisonExport *rd_comparison_export_ref        (RdComparisonExport        *self);
void                rd_comparison_export_unref      (RdComparisonExport        *self);

/* The schools of the export, after the filters. */
guint               rd_comparison_export_get_n_schools (const RdComparisonExport *self);

/* One view as CSV: UTF-8 without a byte order mark, CRLF line ends,
 * untranslated headers and words (only factor and area titles are in the
 * UI language), numbers with a decimal point, text cells made safe from
 * spreadsheet formulas. */
GBytes             *rd_comparison_export_csv        (const RdComparisonExport  *self,
                                                     RdComparisonExportView     view);

/* The CSV above written to @path, or the whole workbook, through a
 * temporary file beside @path (see rd-export-file.h): on an error or a
 * cancel an existing @path is left as it was. The error, in G_IO_ERROR,
 * names @path and what failed. */
gboolean            rd_comparison_export_write_csv  (const RdComparisonExport  *self,
                                                     RdComparisonExportView     view,
                                                     const char                *path,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
gboolean            rd_comparison_export_write_xlsx (const RdComparisonExport  *self,
                                                     const char                *path,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdComparisonExport, rd_comparison_export_unref)

G_END_DECLS
