#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* A horizontal meter: a rounded track filled to @fraction (0–1) from the
 * left. The caller draws the number beside it as text; the meter adds no
 * meaning of its own. */
void rd_chart_draw_meter (cairo_t              *cr,
                          double                width,
                          double                height,
                          double                fraction,
                          const RdColor        *fill,
                          const RdChartPalette *palette);

G_END_DECLS
