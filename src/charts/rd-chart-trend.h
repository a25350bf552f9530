#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;      /* the factor's short title */
  const double *values;   /* one per year, 0–100; NAN: no value that year */
} RdTrendSeries;

typedef struct
{
  const char * const *years;  /* labels of the x axis, oldest first, e.g. "2024-2025" */
  guint n_years;
  const RdTrendSeries *series; /* in RdFactor order: palette series colour i */
  guint n_series;
} RdTrendData;

/* Readiness per factor across school years: one line per factor, each with
 * its own colour, dash pattern and marker shape (circle, square, triangle,
 * diamond), values written at the points, a legend. */
void rd_chart_draw_trend  (cairo_t              *cr,
                           double                width,
                           double                height,
                           const RdTrendData    *data,
                           const RdChartPalette *palette);

/* Where @value in year @year_index is drawn, for tests. @y is NAN for a
 * missing value; both are NAN for a year out of range or a chart too small. */
void rd_chart_trend_point (double                width,
                           double                height,
                           guint                 n_years,
                           guint                 year_index,
                           double                value,
                           double               *x,
                           double               *y);

/* The boxes of the values written beside the points of year @year_index,
 * for tests: where rd_chart_draw_trend() puts them, one per series in
 * series order, into @boxes (of @n_boxes). A series with no value that
 * year gets a box of NAN. Returns how many values the year has: 0 also
 * when the chart has no room to write them. */
guint rd_chart_trend_label_boxes (double                width,
                                  double                height,
                                  const RdTrendData    *data,
                                  guint                 year_index,
                                  cairo_rectangle_t    *boxes,
                                  guint                 n_boxes);

G_END_DECLS
