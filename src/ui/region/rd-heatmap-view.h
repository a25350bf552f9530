#pragma once

#include <gtk/gtk.h>

#include "rd-comparison.h"

G_BEGIN_DECLS

#define RD_TYPE_HEATMAP_VIEW (rd_heatmap_view_get_type ())

G_DECLARE_FINAL_TYPE (RdHeatmapView, rd_heatmap_view, RD, HEATMAP_VIEW, GtkWidget)

/* The schools of a comparison against its factors or areas, one row per
 * school, drawn by rd_chart_draw_heatmap() for the rows in view only. It
 * scrolls (GtkScrollable: put it in a GtkScrolledWindow), sorts by a
 * click on a column's header, and selects a school by click or with
 * Up, Down, Page Up, Page Down, Home and End; the selection follows the
 * school through sorting and filtering. Rows are numbered in the order
 * shown; schools by their index in the comparison. */
GtkWidget          *rd_heatmap_view_new                 (void);

void                rd_heatmap_view_set_comparison      (RdHeatmapView       *self,
                                                         RdComparison        *comparison);
/* @kind: RD_COMPARISON_COLUMN_FACTOR (RD_N_FACTORS columns) or _AREA
 * (the comparison's areas); @titles: one per column. */
void                rd_heatmap_view_set_columns         (RdHeatmapView       *self,
                                                         RdComparisonColumn   kind,
                                                         const char * const  *titles);
const char         *rd_heatmap_view_get_column_title    (RdHeatmapView       *self,
                                                         guint                column);

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
guint               rd_heatmap_view_get_n_rows          (RdHeatmapView       *self);
guint               rd_heatmap_view_get_school_at_row   (RdHeatmapView       *self,
                                                         guint                row);

/* The selected school: its id in the store (0: none shown), its index in
 * the comparison and its row (both -1: none). A school filtered out is
 * selected again when it comes back. */
gint64              rd_heatmap_view_get_selected_school (RdHeatmapView       *self);
void                rd_heatmap_view_set_selected_school (RdHeatmapView       *self,
                                                         gint64               school_id);
int                 rd_heatmap_view_get_selected        (RdHeatmapView       *self);
int                 rd_heatmap_view_get_selected_row    (RdHeatmapView       *self);
void                rd_heatmap_view_select_row          (RdHeatmapView       *self,
                                                         guint                row);

/* Geometry in the widget's coordinates, for tests and tooltips: a cell
 * (FALSE when out of view), a column's header, and the rows in view. */
gboolean            rd_heatmap_view_get_cell_area       (RdHeatmapView       *self,
                                                         guint                row,
                                                         guint                column,
                                                         graphene_rect_t     *area);
gboolean            rd_heatmap_view_get_header_area     (RdHeatmapView       *self,
                                                         guint                column,
                                                         graphene_rect_t     *area);
guint               rd_heatmap_view_get_visible_rows    (RdHeatmapView       *self,
                                                         guint               *first);
double              rd_heatmap_view_get_row_height      (RdHeatmapView       *self);
char               *rd_heatmap_view_get_cell_tooltip    (RdHeatmapView       *self,
                                                         guint                row,
                                                         int                  column);

/* The last frame: the rows drawn and how long drawing them took. */
guint               rd_heatmap_view_get_drawn_rows      (RdHeatmapView       *self,
                                                         guint               *first);
gint64              rd_heatmap_view_get_draw_time       (RdHeatmapView       *self);

const char         *rd_heatmap_view_get_label           (RdHeatmapView       *self);
const char         *rd_heatmap_view_get_description     (RdHeatmapView       *self);

G_END_DECLS
