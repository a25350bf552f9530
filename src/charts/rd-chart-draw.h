#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"
#include "rd-chart-text.h"

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

void          rd_chart_draw_target       (cairo_t              *cr,
                                          double                size,
                                          double                x,
                                          double                top,
                                          double                bottom,
                                          double                triangle,
                                          const RdChartPalette *palette);

/* Rows against a 0–100 scale across the chart, with a column of names to
 * its left and one of values to its right: the factor bars and the box
 * plot. The columns get a share of the width, as the geometry functions
 * have no labels to measure; when drawing, they grow to what their text
 * needs (RdChartScaleRowsNeeds), so that a name is never cut while the
 * scale keeps a quarter of the width. */
typedef struct
{
  double size;
  double pad;
  double label_x;
  double label_width;
  double scale_x0;      /* value 0 */
  double scale_x1;      /* value 100 */
  double value_x;
  double value_width;
  double rows_top;
  double slot;          /* the height of one row */
  double item_height;   /* that of the bar or box in it */
  double tick_y;
  double tick_step;     /* between the values written under the scale; 0: none */
  gboolean compact;     /* no room for names and values: the scale alone */
} RdChartScaleRows;

/* Lays out @rows for @n_rows without a cairo_t; FALSE: no room. */
/* What the columns' texts need, in user-space units; 0: nothing known. */
typedef struct
{
  double label;          /* the widest name with its marker */
  double value;          /* the widest value on one line */
  double value_wrapped;  /* the widest line of a value broken where it may be */
} RdChartScaleRowsNeeds;

void          rd_chart_scale_rows_need_label  (RdChartScaleRowsNeeds   *needs,
                                               RdChartText             *text,
                                               const char              *label);

typedef gboolean (*RdChartScaleRowsLayout) (RdChartText      *text,
                                            double            width,
                                            double            height,
                                            guint             n_rows,
                                            RdChartScaleRows *rows);

double        rd_chart_scale_rows_columns     (RdChartScaleRows        *rows,
                                               RdChartText             *text,
                                               double                   width,
                                               double                   value_width,
                                               double                   min_value_width,
                                               const RdChartScaleRowsNeeds *needs,
                                               double                  *tick_height);
double        rd_chart_scale_rows_x           (const RdChartScaleRows  *rows,
                                               double                   value);
double        rd_chart_scale_rows_middle      (const RdChartScaleRows  *rows,
                                               guint                    index);
void          rd_chart_scale_rows_geometry    (RdChartScaleRowsLayout   layout,
                                               double                   width,
                                               double                   height,
                                               guint                    n_rows,
                                               guint                    index,
                                               double                   value,
                                               double                  *x,
                                               double                  *y_middle,
                                               double                  *item_height);
void          rd_chart_scale_rows_draw_scale  (cairo_t                 *cr,
                                               RdChartText             *text,
                                               const RdChartScaleRows  *rows,
                                               guint                    n_rows,
                                               const RdChartPalette    *palette);
void          rd_chart_scale_rows_draw_target (cairo_t                 *cr,
                                               const RdChartScaleRows  *rows,
                                               guint                    index,
                                               double                   x,
                                               const RdChartPalette    *palette);
void          rd_chart_scale_rows_draw_label  (cairo_t                 *cr,
                                               RdChartText             *text,
                                               const RdChartScaleRows  *rows,
                                               guint                    index,
                                               const char              *label,
                                               gboolean                 with_marker,
                                               const RdChartPalette    *palette);
void          rd_chart_scale_rows_draw_value  (cairo_t                 *cr,
                                               const RdChartScaleRows  *rows,
                                               guint                    index,
                                               PangoLayout             *layout,
                                               double                   alpha,
                                               const RdChartPalette    *palette);

G_END_DECLS
