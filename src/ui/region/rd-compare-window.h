#pragma once

#include <adwaita.h>

#include "rd-comparison.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPARE_WINDOW (rd_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (RdCompareWindow, rd_compare_window, RD, COMPARE_WINDOW, AdwWindow)

/* For a regional advisor: every school's assessment of one school year
 * side by side, as a heatmap of factors or areas, filtered by region and
 * school type, with the selected school against the others at the side.
 *
 * Its actions "compare.export-csv" and "compare.export-xlsx" write the
 * schools shown to a file the user picks, as an RdJob. Importing is
 * "region.import-files": insert an RdRegionCommands as "region". It
 * follows the store's changes itself. */
GtkWidget     *rd_compare_window_new              (GtkWindow        *parent,
                                                   RdStore          *store,
                                                   RdFramework      *framework);

/* The school year shown; NULL when there are no assessments. */
const char    *rd_compare_window_get_school_year  (RdCompareWindow  *self);

G_END_DECLS
