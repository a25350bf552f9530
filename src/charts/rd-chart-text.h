#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* Text for the charts: "Sans" at a size that follows the chart's size,
 * measured the same way with or without a cairo_t, so that the geometry
 * functions (which have none) find the same margins as the drawing.
 * Internal to src/charts. */
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

/* Also for the report: the text to give Pango for @text from a user or a
 * file, each line isolated (FSI … PDI) and without controls. */
char        *rd_chart_text_isolate       (const char    *text);
/* The same, with the offset in @text of every byte of the result. */
char        *rd_chart_text_isolate_mapped (const char   *text,
                                          GArray        *map);

G_END_DECLS
