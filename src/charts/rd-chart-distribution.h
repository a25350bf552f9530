#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

#define RD_CHART_N_BANDS 5

typedef struct
{
  const char *label;              /* the group, e.g. "Teachers · 4 answers" */
  guint counts[RD_CHART_N_BANDS]; /* answers per band, lowest band first */
} RdDistributionRow;

/* One horizontal bar per group, each split by the share of its answers in
 * each band, lowest band on the left; the count is written inside each
 * segment wide enough for it; a legend with @band_labels below the bars.
 * A row whose counts are all 0 is drawn as an empty track. */
void rd_chart_draw_distribution (cairo_t                 *cr,
                                 double                   width,
                                 double                   height,
                                 const RdDistributionRow *rows,
                                 guint                    n_rows,
                                 const char *const        band_labels[RD_CHART_N_BANDS],
                                 const RdChartPalette    *palette);

/* For tests: the rectangle of band @band in row @row (x, y, width, height);
 * width is 0 for an empty band; all NAN when there is no such row or no room. */
void rd_chart_distribution_geometry (double                   width,
                                     double                   height,
                                     const RdDistributionRow *rows,
                                     guint                    n_rows,
                                     guint                    row,
                                     guint                    band,
                                     double                  *x,
                                     double                  *y,
                                     double                  *segment_width,
                                     double                  *segment_height);

/* The fill colour of @band for @palette's style: a diverging scale from
 * ColorBrewer's RdYlBu, red low to blue high, which stays distinguishable
 * for the common kinds of colour blindness. */
void rd_chart_distribution_band_color (const RdChartPalette *palette,
                                       guint                 band,
                                       RdColor              *color);

/* The colour of the count written on @band: whichever of the palette's
 * foreground and background (or else black or white) reads best on it. */
void rd_chart_distribution_count_color (const RdChartPalette *palette,
                                        guint                 band,
                                        RdColor              *color);

G_END_DECLS
