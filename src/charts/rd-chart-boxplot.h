#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;       /* the factor's or area's short title */
  guint n;                 /* how many schools the five numbers sum up; 0: none */
  double minimum;          /* 0–100, the five numbers of the others' scores */
  double q1;
  double median;
  double q3;
  double maximum;
  double target;           /* 0–100; NAN: none */
  double value;            /* the chosen school's, 0–100; NAN: not enough answers */
} RdBoxplotRow;

typedef struct
{
  const RdBoxplotRow *rows;  /* row i in palette series colour i (mod 4), as the other charts */
  guint n_rows;
  const char *missing_text;  /* written for a NAN value, e.g. "not enough answers"; NULL: "–" */
  /* The legend under the scale; NULL leaves an item out. */
  const char *school_label;  /* e.g. "De Linde" */
  const char *others_label;  /* e.g. "48 schools: range, middle half, median" */
  const char *target_label;  /* e.g. "target" */
} RdBoxplotData;

/* One school against the others: a row per factor or area on a 0–100
 * scale, whiskers from the others' minimum to their maximum, a box over
 * their middle half with a line at the median, the target as a vertical
 * tick with a small triangle, and the school's value as a marker in the
 * row's colour, written at the end of the row. A row with n = 0 shows only
 * its label. */
void rd_chart_draw_boxplot     (cairo_t              *cr,
                                double                width,
                                double                height,
                                const RdBoxplotData  *data,
                                const RdChartPalette *palette);

/* The scale's geometry, for tests and hit-testing: the x of @value and the
 * vertical middle and box height of row @index; NAN where there is no such
 * row or no room (@x alone for a NAN @value). */
void rd_chart_boxplot_geometry (double                width,
                                double                height,
                                guint                 n_rows,
                                guint                 index,
                                double                value,
                                double               *x,
                                double               *y_middle,
                                double               *box_height);

G_END_DECLS
