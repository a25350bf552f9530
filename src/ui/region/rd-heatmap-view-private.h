#pragma once

#include "rd-heatmap-view.h"

G_BEGIN_DECLS

/* What tests and benchmarks read of the view. */

RdComparisonHeatmapData *rd_heatmap_view_get_data      (RdHeatmapView   *self);
int      rd_heatmap_view_get_selected_row (RdHeatmapView   *self);

/* Geometry in the widget's coordinates: a cell (FALSE when out of view),
 * a column's header, and the rows in view. */
gboolean rd_heatmap_view_get_cell_area    (RdHeatmapView   *self,
                                           guint            row,
                                           guint            column,
                                           graphene_rect_t *area);
gboolean rd_heatmap_view_get_header_area  (RdHeatmapView   *self,
                                           guint            column,
                                           graphene_rect_t *area);
guint    rd_heatmap_view_get_visible_rows (RdHeatmapView   *self,
                                           guint           *first);
double   rd_heatmap_view_get_row_height   (RdHeatmapView   *self);

/* The last frame: the rows drawn and how long drawing them took. */
guint    rd_heatmap_view_get_drawn_rows   (RdHeatmapView   *self,
                                           guint           *first);
gint64   rd_heatmap_view_get_draw_time    (RdHeatmapView   *self);

/* What screen readers get. */
const char *rd_heatmap_view_get_label       (RdHeatmapView *self);
const char *rd_heatmap_view_get_description (RdHeatmapView *self);

G_END_DECLS
