#pragma once

#include <glib-object.h>

#include "rd-analysis.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_RESULTS (rd_results_get_type ())

G_DECLARE_FINAL_TYPE (RdResults, rd_results, RD, RESULTS, GObject)

/* Everything the results of one assessment show, loaded from the store:
 * its analysis, the school's previous assessment for comparison, and
 * readiness per factor across the school years. */
RdResults    *rd_results_load                (RdStore      *store,
                                              RdFramework  *framework,
                                              gint64        assessment_id,
                                              GError      **error);
RdAssessment *rd_results_get_assessment      (RdResults    *self);
RdAnalysis   *rd_results_get_analysis        (RdResults    *self);
RdAnalysis   *rd_results_get_previous        (RdResults    *self);
RdAssessment *rd_results_get_previous_assessment (RdResults *self);
guint         rd_results_get_n_items         (RdResults    *self);
guint         rd_results_get_n_answered      (RdResults    *self);
guint         rd_results_get_n_years         (RdResults    *self);
const char   *rd_results_get_year            (RdResults    *self,
                                              guint         index);
double        rd_results_get_trend           (RdResults    *self,
                                              guint         index,
                                              RdFactor      factor);
gboolean      rd_results_get_trend_editions  (RdResults    *self,
                                              guint        *n_items,
                                              GPtrArray   **versions);

G_END_DECLS
