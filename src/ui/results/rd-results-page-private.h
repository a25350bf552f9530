#pragma once

#include "rd-change.h"
#include "rd-chart-view.h"
#include "rd-group-comparison.h"
#include "rd-results-page.h"

G_BEGIN_DECLS

/* The page's charts, in the order of its template. */
typedef enum {
  RD_RESULTS_CHART_FACTORS,
  RD_RESULTS_CHART_AREAS,
  RD_RESULTS_CHART_TREND,
} RdResultsChart;

#define RD_RESULTS_N_CHARTS 3

/* What the page shows, for its own code and the tests. */
RdResults   *rd_results_page_get_results  (RdResultsPage  *self);
RdChange    *rd_results_page_get_change   (RdResultsPage  *self);
RdGroupComparison *rd_results_page_get_group_comparison (RdResultsPage *self);
/* Writes @chart as the "results.export" action does, without a file chooser. */
gboolean     rd_results_page_export_chart (RdResultsPage  *self,
                                           RdResultsChart  chart,
                                           RdChartFormat   format,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
