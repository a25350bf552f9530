#pragma once

#include <gtk/gtk.h>

#include "rd-comparison-charts.h"

G_BEGIN_DECLS

#define RD_TYPE_HEATMAP_VIEW (rd_heatmap_view_get_type ())

G_DECLARE_FINAL_TYPE (RdHeatmapView, rd_heatmap_view, RD, HEATMAP_VIEW, GtkWidget)

/* The schools of a comparison against its factors or areas, one row per
 * school, drawn by rd_chart_draw_heatmap() from the data of
 * rd_comparison_charts_heatmap() for the rows in view only. It scrolls
 * (GtkScrollable: put it in a GtkScrolledWindow), sorts by a click on a
 * column's header, and selects a school by click or with Up, Down, Page
 * Up, Page Down, Home and End; the selection follows the school through
 * sorting and filtering. Rows are numbered in the order shown; schools by
 * their index in the comparison. */

void                rd_heatmap_view_set_data            (RdHeatmapView           *self,
                                                         RdComparisonHeatmapData *data);

/* As rd_comparison_sort(); a click on a header sorts by its column,
 * lowest first, and a second click turns the order round. */
void                rd_heatmap_view_set_sort            (RdHeatmapView       *self,
                                                         RdComparisonColumn   column,
                                                         guint                index,
                                                         gboolean             descending);
void                rd_heatmap_view_get_sort            (RdHeatmapView       *self,
                                                         RdComparisonColumn  *column,
                                                         guint               *index,
                                                         gboolean            *descending);

/* The selected school: its id in the store (0: none shown) and its index
 * in the comparison (-1: none). A school filtered out is selected again
 * when it comes back. */
gint64              rd_heatmap_view_get_selected_school (RdHeatmapView       *self);
void                rd_heatmap_view_set_selected_school (RdHeatmapView       *self,
                                                         gint64               school_id);
int                 rd_heatmap_view_get_selected        (RdHeatmapView       *self);
void                rd_heatmap_view_select_row          (RdHeatmapView       *self,
                                                         guint                row);

G_END_DECLS
