#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} RdColor;

typedef enum {
  RD_CHART_STYLE_LIGHT,
  RD_CHART_STYLE_DARK,
  RD_CHART_STYLE_HIGH_CONTRAST,
} RdChartStyle;

/* Colours a chart draws with. The series colours are the Okabe–Ito set,
 * which stays distinguishable for the common kinds of colour blindness. */
typedef struct
{
  RdColor background;
  RdColor foreground;
  RdColor grid;
  RdColor track;     /* the unfilled part of a bar or meter */
  RdColor series[4]; /* one per success factor, in RdFactor order */
} RdChartPalette;

/* Secondary text (axis ticks, ring numbers, a figure resting on too few
 * answers) is the foreground at this alpha: quieter, and still 4.5:1 or
 * more on the background of every style. */
#define RD_CHART_QUIET_TEXT_ALPHA 0.75

void rd_chart_palette_init (RdChartPalette *palette,
                            RdChartStyle    style);

RdColor rd_color_from_hex (guint32 hex);

double rd_color_contrast_ratio (const RdColor *a,
                                const RdColor *b);

G_END_DECLS
