#pragma once

#include <glib-object.h>

#include "rd-answer.h"
#include "rd-framework.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* A factor counts as measured once half of its items, and at least this many, are answered. */
#define RD_ANALYSIS_MIN_ANSWERED 2

typedef struct
{
  double readiness;  /* 0–100; NAN when no item informing it is answered */
  double target;
  double gap;        /* rd_gap_to_target (readiness, target) */
  guint n_answered;
  guint n_items;
  gboolean trusted;  /* FALSE: too few answers to show a number */
} RdFactorResult;

typedef struct
{
  RdItem *item;      /* borrowed from the framework */
  RdFactor factor;
  double score;
  double weighted_gap;
} RdItemGap;

/* A fact's answers in its own unit, the ones its value and score rest on:
 * its responsible group's, or when none of them answered, the rest of its
 * audience's. */
typedef struct
{
  RdItemKind kind;
  guint n;           /* answers with a score */
  guint n_distinct;  /* different values (dates: ages) among them; more
                      * than one: the answers differ, and every output says so */
  double median;     /* numbers, percentages: the values' median (QUARTILE.INC);
                      * dates: the answers' median age in whole months on
                      * the reference date, as the score counts it */
  double min;
  double max;
  guint n_yes;       /* yes/no: the answers "yes" */
  GDate date;        /* dates: the one answer's date when n is 1 */
} RdFactValues;

typedef struct
{
  double before;
  double after;
  double delta;      /* NAN when either side has no readiness */
  guint n_items;     /* items answered in both, with comparable versions */
} RdFactorChange;

#define RD_ANALYSIS_ALL_GROUPS (-1)
/* Every group as a mask of 1 << RdGroup bits. */
#define RD_ANALYSIS_EVERY_GROUP RD_EVERY_GROUP

#define RD_TYPE_ANALYSIS (rd_analysis_get_type ())

G_DECLARE_FINAL_TYPE (RdAnalysis, rd_analysis, RD, ANALYSIS, GObject)

RdAnalysis *rd_analysis_new                (RdFramework       *framework,
                                            RdAssessmentMode   mode,
                                            GPtrArray         *answers,
                                            const double       targets[RD_N_FACTORS]);
RdAnalysis *rd_analysis_new_filtered       (RdFramework       *framework,
                                            RdAssessmentMode   mode,
                                            GPtrArray         *answers,
                                            const double       targets[RD_N_FACTORS],
                                            int                group,
                                            GHashTable        *only_items);
RdAnalysis *rd_analysis_new_for_groups     (RdFramework       *framework,
                                            RdAssessmentMode   mode,
                                            GPtrArray         *answers,
                                            const double       targets[RD_N_FACTORS],
                                            guint              groups,
                                            GHashTable        *only_items);

double      rd_analysis_score_answer       (RdItem            *item,
                                            const RdAnswer    *answer);
double      rd_gap_to_target               (double             readiness,
                                            double             target);

RdFramework *rd_analysis_get_framework     (RdAnalysis        *self);
guint       rd_analysis_get_n_respondents  (RdAnalysis        *self);
guint       rd_analysis_get_n_scored_items (RdAnalysis        *self);
double      rd_analysis_get_item_score     (RdAnalysis        *self,
                                            const char        *item_id,
                                            guint             *n_responses);
double      rd_analysis_get_area_score     (RdAnalysis        *self,
                                            const char        *area_id,
                                            guint             *n_answered);
gboolean    rd_analysis_get_fact_values    (RdAnalysis        *self,
                                            RdItem            *item,
                                            RdFactValues      *values);
void        rd_analysis_get_factor         (RdAnalysis        *self,
                                            RdFactor           factor,
                                            RdFactorResult    *result);
GArray     *rd_analysis_list_weakest_items (RdAnalysis        *self,
                                            RdFactor           factor,
                                            guint              max_items);
GArray     *rd_analysis_list_priorities    (RdAnalysis        *self,
                                            guint              max_items);
guint       rd_analysis_count_group        (RdAnalysis        *self,
                                            RdGroup            group);

void        rd_analysis_compare            (RdFramework       *framework,
                                            RdAssessmentMode   before_mode,
                                            GPtrArray         *before_answers,
                                            RdAssessmentMode   after_mode,
                                            GPtrArray         *after_answers,
                                            RdFactorChange     changes[RD_N_FACTORS]);

G_END_DECLS
