#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* Text for the charts: "Sans" at a size that follows the chart's size,
 * measured the same way with or without a cairo_t, so that the geometry
 * functions (which have none) find the same margins as the drawing.
 * Internal to src/charts. */
/* No text of a chart is smaller than GNOME's "caption" style (about 9 pt):
 * 12 user-space units, which are pixels on screen and in PNG exports. */
#define RD_CHART_MIN_FONT_POINTS 9.0
#define RD_CHART_MAX_FONT_POINTS 14.0
#define RD_CHART_MIN_FONT_SIZE (RD_CHART_MIN_FONT_POINTS * 96.0 / 72.0)

typedef struct
{
  PangoContext *context;
  double size;  /* the base font size, in user-space units */
} RdChartText;

double       rd_chart_font_size          (double width,
                                          double height);

void         rd_chart_text_init          (RdChartText *text,
                                          double       width,
                                          double       height);
void         rd_chart_text_clear         (RdChartText *text);
void         rd_chart_text_attach        (RdChartText *text,
                                          cairo_t     *cr);

PangoLayout *rd_chart_text_layout        (RdChartText *text,
                                          const char  *string,
                                          double       scale,
                                          PangoWeight  weight);
void         rd_chart_text_fit           (PangoLayout   *layout,
                                          double         width,
                                          int            max_lines,
                                          PangoAlignment alignment);
void         rd_chart_text_get_box       (PangoLayout *layout,
                                          double      *x,
                                          double      *y,
                                          double      *width,
                                          double      *height);
void         rd_chart_text_measure       (RdChartText *text,
                                          const char  *string,
                                          double       scale,
                                          PangoWeight  weight,
                                          double      *width,
                                          double      *height);

void         rd_chart_text_draw          (cairo_t       *cr,
                                          PangoLayout   *layout,
                                          double         box_x,
                                          double         box_y,
                                          const RdColor *color,
                                          double         alpha,
                                          const RdColor *halo,
                                          double         halo_width);

/* For tests: while @records is set, every text drawn is added to it as an
 * RdChartTextRecord, in device units. Not for threads that draw at once. */
typedef struct
{
  char *text;           /* without the isolates added for drawing */
  double font_size;     /* the font's size */
  double x, y, width, height;  /* the logical box */
  gboolean ellipsized;
  int n_lines;
} RdChartTextRecord;

void         rd_chart_text_record        (GPtrArray     *records);

/* Also for the report: the text to give Pango for @text from a user or a
 * file, each line isolated (FSI … PDI) and without controls. */
char        *rd_chart_text_isolate       (const char    *text);
/* The same, with the offset in @text of every byte of the result. */
char        *rd_chart_text_isolate_mapped (const char   *text,
                                          GArray        *map);

G_END_DECLS
