#pragma once

#include <gtk/gtk.h>

#include "rd-chart-view.h"
#include "rd-group-comparison.h"
#include "rd-results.h"

G_BEGIN_DECLS

typedef enum {
  RD_RESULTS_CHART_FACTORS,
  RD_RESULTS_CHART_AREAS,
  RD_RESULTS_CHART_TREND,
} RdResultsChart;

#define RD_RESULTS_N_CHARTS 3

#define RD_TYPE_RESULTS_PAGE (rd_results_page_get_type ())

G_DECLARE_FINAL_TYPE (RdResultsPage, rd_results_page, RD, RESULTS_PAGE, GtkWidget)

/* Where the school stands on the four success factors, against its
 * targets: factor rows with editable targets, charts with a table
 * alternative and export, and the items to work on first. */
GtkWidget   *rd_results_page_new          (RdStore        *store,
                                           RdFramework    *framework,
                                           gint64          assessment_id);
gboolean     rd_results_page_reload       (RdResultsPage  *self,
                                           GError        **error);
RdResults   *rd_results_page_get_results  (RdResultsPage  *self);
RdChartView *rd_results_page_get_chart    (RdResultsPage  *self,
                                           RdResultsChart  chart);
GtkWidget   *rd_results_page_get_factor_row (RdResultsPage *self,
                                           RdFactor        factor);
GtkSpinButton *rd_results_page_get_target_button (RdResultsPage *self,
                                           RdFactor        factor);
GtkWidget   *rd_results_page_get_table    (RdResultsPage  *self,
                                           RdResultsChart  chart);
guint        rd_results_page_get_n_priorities (RdResultsPage *self);
GtkListBox  *rd_results_page_get_priorities   (RdResultsPage *self);
GtkListBox  *rd_results_page_get_facts        (RdResultsPage *self);
GtkListBox  *rd_results_page_get_own_questions (RdResultsPage *self);
RdGroupComparison *rd_results_page_get_group_comparison (RdResultsPage *self);
gboolean     rd_results_page_export_chart (RdResultsPage  *self,
                                           RdResultsChart  chart,
                                           RdChartFormat   format,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
