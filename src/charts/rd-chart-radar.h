#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;   /* the axis: an area's title */
  double value;        /* 0–100; NAN: no answers, drawn as a gap and labelled "–" */
  double previous;     /* 0–100 from the school's previous assessment; NAN: none */
} RdRadarAxis;

typedef struct
{
  const RdRadarAxis *axes;
  guint n_axes;
  const char *current_label;   /* legend, e.g. "2026-2027" */
  const char *previous_label;  /* legend, e.g. "2025-2026"; NULL: no previous series */
} RdRadarData;

/* Area scores on a radar: one axis per area, rings at 25/50/75/100, the
 * current assessment filled, the previous one as a dashed outline, each
 * point marked and its value written beside it. */
void rd_chart_draw_radar  (cairo_t              *cr,
                           double                width,
                           double                height,
                           const RdRadarData    *data,
                           const RdChartPalette *palette);

/* Where @value on axis @axis is drawn, for tests and hit-testing. Axis 0
 * points straight up; axes go clockwise. NAN for a missing value, an axis
 * out of range, or a chart too small to draw. */
void rd_chart_radar_point (double                width,
                           double                height,
                           guint                 n_axes,
                           guint                 axis,
                           double                value,
                           double               *x,
                           double               *y);

G_END_DECLS
