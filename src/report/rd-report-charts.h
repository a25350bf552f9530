#pragma once

#include <cairo.h>

#include "rd-chart-bars.h"
#include "rd-chart-palette.h"
#include "rd-chart-radar.h"
#include "rd-chart-trend.h"
#include "rd-group-comparison.h"
#include "rd-results.h"

G_BEGIN_DECLS

/* The data of the results' charts, built once from an RdResults with the
 * texts the results page shows, for the screen, the exports and the PDF
 * report alike. Each owns every string it points to, so it outlives the
 * results and the framework, and it is never changed once built: it may
 * be drawn from any thread. Each draw function has the signature of
 * RdChartDrawFunc. */

typedef struct
{
  RdFactorBar bars[RD_N_FACTORS];   /* what rd_chart_draw_factor_bars() draws */
  /* The same figures as text, for a table beside the chart: "–" where
   * there is no number, the level "not enough answers" when untrusted. */
  char *readiness[RD_N_FACTORS];
  char *level[RD_N_FACTORS];
  char *target[RD_N_FACTORS];
  char *gap[RD_N_FACTORS];
  char *value_text[RD_N_FACTORS];   /* "62 · Established", at a bar's end */
  char *description;                /* the numbers in sentences, for screen readers */
} RdFactorBarsData;

typedef struct
{
  RdRadarData radar;               /* what rd_chart_draw_radar() draws */
  guint n_axes;
  RdRadarAxis *axes;               /* one per area with items in the assessment's mode */
  char **area_titles;              /* the areas' titles, for tables; n_axes of them */
  char **axis_labels;              /* the axes' labels: the areas' short titles */
  char *current_label;             /* the school year */
  char *previous_label;            /* the previous assessment's school year, or NULL */
  char *description;
  char *editions_note;             /* NULL, or what the previous year's other framework edition means */
} RdAreaRadarData;

typedef struct
{
  RdTrendData trend;               /* what rd_chart_draw_trend() draws */
  GStrv years;                     /* oldest first */
  RdTrendSeries series[RD_N_FACTORS];
  double *values[RD_N_FACTORS];    /* n_years each; NAN: no value that year */
  char *description;
  char *editions_note;             /* NULL, or what the years' different framework editions mean */
} RdFactorTrendData;

RdFactorBarsData  *rd_report_charts_factor_bars (RdResults   *results);
RdAreaRadarData   *rd_report_charts_area_radar  (RdResults   *results,
                                                 RdFramework *framework);
RdFactorTrendData *rd_report_charts_trend       (RdResults   *results);

void rd_factor_bars_data_free  (RdFactorBarsData  *data);
void rd_area_radar_data_free   (RdAreaRadarData   *data);
void rd_factor_trend_data_free (RdFactorTrendData *data);

void rd_factor_bars_data_draw  (cairo_t              *cr,
                                double                width,
                                double                height,
                                gpointer              data,
                                const RdChartPalette *palette);
void rd_area_radar_data_draw   (cairo_t              *cr,
                                double                width,
                                double                height,
                                gpointer              data,
                                const RdChartPalette *palette);
void rd_factor_trend_data_draw (cairo_t              *cr,
                                double                width,
                                double                height,
                                gpointer              data,
                                const RdChartPalette *palette);

/* A score as the results show it: "62", or "–" for none. */
char *rd_report_format_score (double value);

/* A view's readiness for @factor as the views of the groups show it, on
 * screen and in the report: "62", or the hidden text ("too few answers")
 * when it rests on too few answers, or "–" when the factor has no item. */
char *rd_report_format_group_factor (const RdGroupResult *group,
                                     RdFactor             factor);
/* One item's figures in every view, "School leader 100 (± 0) · Teacher
 * 50 (± 41) · Parent: too few answers · difference 50". */
char *rd_report_format_difference   (RdGroupComparison      *comparison,
                                     const RdItemDifference *difference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdFactorBarsData, rd_factor_bars_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAreaRadarData, rd_area_radar_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdFactorTrendData, rd_factor_trend_data_free)

G_END_DECLS
