#pragma once

#include <gtk/gtk.h>

#include "rd-chart-export.h"

G_BEGIN_DECLS

#define RD_TYPE_CHART_VIEW (rd_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (RdChartView, rd_chart_view, RD, CHART_VIEW, GtkWidget)

/* Shows a chart drawn by a pure cairo function of src/charts, in the
 * palette of the current style. Screen readers get an image with a name
 * and a description that states the numbers. */
void        rd_chart_view_set_data        (RdChartView     *self,
                                           gpointer         data,
                                           GDestroyNotify   destroy);
gpointer    rd_chart_view_get_data        (RdChartView     *self);
RdChartDrawFunc rd_chart_view_get_draw_func (RdChartView   *self);
/* Set by the page that holds the view: a template cannot name a function. */
void        rd_chart_view_set_draw_func   (RdChartView     *self,
                                           RdChartDrawFunc  draw);
void        rd_chart_view_set_description (RdChartView     *self,
                                           const char      *label,
                                           const char      *description);
const char *rd_chart_view_get_label       (RdChartView     *self);
const char *rd_chart_view_get_description (RdChartView     *self);

G_END_DECLS
