#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* Shapes shared by the charts. Internal to src/charts. */

typedef enum {
  RD_CHART_MARKER_CIRCLE,
  RD_CHART_MARKER_SQUARE,
  RD_CHART_MARKER_TRIANGLE,
  RD_CHART_MARKER_DIAMOND,
  RD_CHART_MARKER_TRIANGLE_DOWN,
} RdChartMarker;

gboolean      rd_chart_size_is_drawable  (double width,
                                          double height);

double        rd_chart_clamp_value       (double value);

void          rd_chart_set_color         (cairo_t       *cr,
                                          const RdColor *color,
                                          double         alpha);

RdChartMarker rd_chart_series_marker     (guint series);

void          rd_chart_marker_path       (cairo_t       *cr,
                                          RdChartMarker  marker,
                                          double         x,
                                          double         y,
                                          double         radius);

void          rd_chart_draw_marker       (cairo_t       *cr,
                                          RdChartMarker  marker,
                                          double         x,
                                          double         y,
                                          double         radius,
                                          const RdColor *fill,
                                          double         fill_alpha,
                                          const RdColor *ring,
                                          double         ring_width);

void          rd_chart_set_series_dash   (cairo_t *cr,
                                          guint    series,
                                          double   unit);

void          rd_chart_set_previous_dash (cairo_t *cr,
                                          double   unit);

void          rd_chart_rounded_rectangle (cairo_t *cr,
                                          double   x,
                                          double   y,
                                          double   width,
                                          double   height,
                                          double   radius);

void          rd_chart_hatch             (cairo_t *cr,
                                          double   x,
                                          double   y,
                                          double   width,
                                          double   height,
                                          double   spacing,
                                          double   line_width);

G_END_DECLS
