#pragma once

#include "rd-assessment-view.h"

G_BEGIN_DECLS

/* For the tests: what the view shows and holds. */
gint64        rd_assessment_view_get_assessment_id (RdAssessmentView *self);
gint64        rd_assessment_view_get_respondent_id (RdAssessmentView *self);
RdReviewPage *rd_assessment_view_get_review_page   (RdAssessmentView *self);
RdResultsPage *rd_assessment_view_get_results_page (RdAssessmentView *self);
RdActionPlanPage *rd_assessment_view_get_action_plan_page (RdAssessmentView *self);
RdReportCommands *rd_assessment_view_get_report_commands (RdAssessmentView *self);
GtkWindow    *rd_assessment_view_get_dialog        (RdAssessmentView *self);

G_END_DECLS
