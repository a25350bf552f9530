#pragma once

#include <adwaita.h>

#include "rd-action-plan-page.h"
#include "rd-area-page.h"
#include "rd-report-commands.h"
#include "rd-results-page.h"
#include "rd-review-page.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_ASSESSMENT_VIEW (rd_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (RdAssessmentView, rd_assessment_view, RD, ASSESSMENT_VIEW, GtkWidget)

/* Answering one assessment: its areas in a sidebar, one page per area, a
 * review page. Every answer goes to the store the moment it is given. */
GtkWidget    *rd_assessment_view_new               (RdStore          *store,
                                                    RdFramework      *framework,
                                                    gint64            assessment_id,
                                                    GError          **error);
const char   *rd_assessment_view_get_visible_area  (RdAssessmentView *self);
RdAreaPage   *rd_assessment_view_get_area_page     (RdAssessmentView *self,
                                                    const char       *area_id);
void          rd_assessment_view_flush             (RdAssessmentView *self);
void          rd_assessment_view_start_workshop    (RdAssessmentView *self,
                                                    const gboolean    groups[RD_N_GROUPS]);
void          rd_assessment_view_resume_round      (RdAssessmentView *self,
                                                    const gboolean    groups[RD_N_GROUPS],
                                                    guint             n_participants);
void          rd_assessment_view_set_round_file    (RdAssessmentView *self,
                                                    const char       *path);
gboolean      rd_assessment_view_is_workshop       (RdAssessmentView *self);
void          rd_assessment_view_end_round         (RdAssessmentView *self);
void          rd_assessment_view_import_files      (RdAssessmentView *self,
                                                    GFile * const    *files,
                                                    guint             n_files);
gboolean      rd_assessment_view_export_answers    (RdAssessmentView *self,
                                                    const char       *path,
                                                    GError          **error);

#define RD_REVIEW_PAGE_NAME "review"
#define RD_RESULTS_PAGE_NAME "results"

G_END_DECLS
