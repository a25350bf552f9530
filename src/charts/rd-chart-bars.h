#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;    /* the factor's short title */
  double readiness;     /* 0–100; NAN: nothing answered */
  double target;        /* 0–100 */
  gboolean trusted;     /* FALSE: "not enough answers" is written instead of the bar's value */
  const char *value_text;  /* what is written at the bar's end, e.g. "62 · Established" */
} RdFactorBar;

/* One horizontal bar per success factor on a 0–100 scale: the bar filled
 * to the readiness, the target marked by a vertical line with a small
 * triangle, and the gap between them hatched. Bars that are not trusted
 * are drawn as an outline only. */
void rd_chart_draw_factor_bars (cairo_t              *cr,
                                double                width,
                                double                height,
                                const RdFactorBar    *bars,
                                guint                 n_bars,
                                const RdChartPalette *palette);

/* The scale's geometry, for tests: the x of @value and the vertical middle
 * and height of bar @index; NAN where there is no such bar or no room. */
void rd_chart_factor_bars_geometry (double  width,
                                    double  height,
                                    guint   n_bars,
                                    guint   index,
                                    double  value,
                                    double *x,
                                    double *y_middle,
                                    double *bar_height);

G_END_DECLS
