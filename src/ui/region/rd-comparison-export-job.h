#pragma once

#include <gtk/gtk.h>

#include "rd-comparison-export.h"

G_BEGIN_DECLS

/* Asks where to save @export, suggesting "Schools <@school_year>", and
 * writes it there as an RdJob: the workbook when @spreadsheet, else the
 * CSV of @view. A failure gets a dialog over @parent. */
void rd_comparison_export_job_save (GtkWindow              *parent,
                                    RdComparisonExport     *export,
                                    const char             *school_year,
                                    gboolean                spreadsheet,
                                    RdComparisonExportView  view);

G_END_DECLS
