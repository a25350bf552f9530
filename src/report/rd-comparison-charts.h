#pragma once

#include <cairo.h>

#include "rd-chart-boxplot.h"
#include "rd-chart-heatmap.h"
#include "rd-chart-palette.h"
#include "rd-comparison.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* The data of Compare Schools' charts, built from an RdComparison with the
 * texts the window shows, as rd-report-charts.h builds the results'
 * charts: plain structs that own every string they point to, for the
 * screen and for any file that draws the same charts. */

/* The columns of a view: the factors' short titles for
 * RD_COMPARISON_COLUMN_FACTOR, the framework's areas' titles for
 * RD_COMPARISON_COLUMN_AREA; NULL-terminated. */
GStrv rd_comparison_charts_column_titles (RdFramework        *framework,
                                          RdComparisonColumn  kind);
/* The same in a word or two, for the charts' headers and labels: the
 * factors' and the areas' short titles. */
GStrv rd_comparison_charts_column_short_titles (RdFramework        *framework,
                                                RdComparisonColumn  kind);

/* Every school of a comparison against the factors or the areas. The
 * cells and their marks are worked out once (the tests of differences are
 * not repeated at every frame); a sort only puts the rows in another
 * order. */
typedef struct
{
  RdComparison *comparison;
  RdComparisonColumn kind;         /* FACTOR or AREA */
  guint n_columns;
  GStrv titles;                    /* n_columns, for tooltips and descriptions */
  GStrv short_titles;              /* n_columns, for the headers */
  GStrv headers;                   /* the short titles, the sorted column's with its arrow */
  guint n_schools;
  double *cells;                   /* n_schools × n_columns, by the schools' index in the comparison */
  guint8 *marks;                   /* RdHeatmapMark flags, the same way */
  RdHeatmapRow *rows;              /* n_schools, in the order of the sort */
  GArray *order;                   /* of guint: row → school */
  guint *row_of;                   /* school → row */
  RdComparisonColumn sort_column;
  guint sort_index;
  gboolean sort_descending;
  char *label;                     /* the chart's name for screen readers */
} RdComparisonHeatmapData;

/* Sorted by name, A to Z. */
RdComparisonHeatmapData *rd_comparison_charts_heatmap (RdComparison       *comparison,
                                                       RdFramework        *framework,
                                                       RdComparisonColumn  kind);
void  rd_comparison_heatmap_data_free     (RdComparisonHeatmapData *data);

/* The rows in rd_comparison_sort()'s order. A sort the comparison has no
 * column for falls back to the names, A to Z. */
void  rd_comparison_heatmap_data_sort     (RdComparisonHeatmapData *data,
                                           RdComparisonColumn       column,
                                           guint                    index,
                                           gboolean                 descending);
/* What rd_chart_draw_heatmap() draws: every row, sharing the height, none
 * highlighted, with the key's texts. A scrolled view sets its rows in
 * view and its selection in @chart. */
void  rd_comparison_heatmap_data_get_chart (const RdComparisonHeatmapData *data,
                                            RdHeatmapData                 *chart);
/* The chart in words for screen readers: how many schools, the order, the
 * medians, and the row of @school (its index; -1: none). */
char *rd_comparison_heatmap_data_describe (const RdComparisonHeatmapData *data,
                                           int                            school);
/* "Sint-Jozef · Capacity 53 · target 65 · below target"; with @column -1,
 * the school itself: "Sint-Jozef · Gent · Primary education · 2
 * respondents". */
char *rd_comparison_heatmap_data_tooltip  (const RdComparisonHeatmapData *data,
                                           guint                          row,
                                           int                            column);

/* One school against the other schools of a comparison: its value, their
 * five numbers and its target per factor or area. */
typedef struct
{
  RdBoxplotData boxplot;           /* what rd_chart_draw_boxplot() draws */
  guint n_rows;
  RdBoxplotRow *rows;
  GStrv row_labels;                /* the titles, for the description */
  GStrv short_labels;              /* the short titles the rows are labelled with */
  char *others_label;              /* "3 other schools" */
  char *label;                     /* the chart's name for screen readers */
  char *description;               /* the numbers in sentences */
} RdComparisonBoxplotData;

RdComparisonBoxplotData *rd_comparison_charts_boxplot (RdComparison       *comparison,
                                                       RdFramework        *framework,
                                                       RdComparisonColumn  kind,
                                                       guint               school);
void rd_comparison_boxplot_data_free (RdComparisonBoxplotData *data);
/* An RdChartDrawFunc. */
void rd_comparison_boxplot_data_draw (cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      gpointer              data,
                                      const RdChartPalette *palette);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdComparisonHeatmapData, rd_comparison_heatmap_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdComparisonBoxplotData, rd_comparison_boxplot_data_free)

G_END_DECLS
