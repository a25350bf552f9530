#pragma once

#include <glib.h>

#include "rd-answer.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* What a comparison of schools needs of one assessment, kept in the store
 * so that a region of a thousand schools is compared without reading its
 * millions of answers: readiness per factor with the spread between the
 * respondents, and the score of each area. */
typedef struct
{
  guint n_respondents;                 /* the sum of the group sizes */
  guint group_sizes[RD_N_GROUPS];      /* respondents with an answer, per group */
  double factor[RD_N_FACTORS];         /* readiness 0–100; NAN: not enough answers */
  double factor_spread[RD_N_FACTORS];  /* sample SD of respondents' readiness; NAN: fewer than two */
  guint factor_n[RD_N_FACTORS];        /* respondents with a readiness of their own for the factor */
  guint n_areas;
  char **area_ids;                     /* framework order */
  double *area;                        /* NAN: no score */
} RdAssessmentScores;

RdAssessmentScores *rd_assessment_scores_new     (RdFramework            *framework);
RdAssessmentScores *rd_assessment_scores_compute (RdFramework            *framework,
                                                  RdAssessmentMode        mode,
                                                  GPtrArray              *answers);
gboolean            rd_assessment_scores_set_area (RdAssessmentScores     *self,
                                                  const char             *area_id,
                                                  double                  score);
/* One respondent's readiness per factor (NAN: nothing of theirs counts),
 * computed as RdAnalysis computes it for that respondent's answers alone. */
typedef void (*RdRespondentReadinessFunc) (const RdAnswer *first,
                                           const double    readiness[RD_N_FACTORS],
                                           gpointer        user_data);
void                rd_assessment_scores_foreach_respondent (RdFramework               *framework,
                                                             RdAssessmentMode           mode,
                                                             GPtrArray                 *answers,
                                                             GHashTable                *only_items,
                                                             RdRespondentReadinessFunc  func,
                                                             gpointer                   user_data);
void                rd_assessment_scores_free    (RdAssessmentScores     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAssessmentScores, rd_assessment_scores_free)

G_END_DECLS
