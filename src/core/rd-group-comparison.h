#pragma once

#include <glib-object.h>

#include "rd-analysis.h"

G_BEGIN_DECLS

/* SELFIE's strongest insight: where the groups of one school see things
 * differently. Groups with fewer respondents than the anonymity threshold
 * are never shown separately: they are absent from every figure here (they
 * still count in the school's overall results). */

#define RD_DEFAULT_ANONYMITY_THRESHOLD 3

/* Scores 0–100 fall into five bands of 20; a statement's five choices land
 * one in each. */
#define RD_N_SCORE_BANDS 5

typedef struct
{
  RdGroup group;
  guint n_respondents;
  RdFactorResult factors[RD_N_FACTORS];
} RdGroupResult;

typedef struct
{
  RdItem *item;                    /* borrowed from the framework */
  double difference;               /* highest group mean − lowest */
  double mean[RD_N_GROUPS];        /* NAN for groups not shown or without scores */
  double spread[RD_N_GROUPS];      /* standard deviation within the group; NAN likewise */
  guint n[RD_N_GROUPS];            /* scored answers per group */
  guint bands[RD_N_GROUPS][RD_N_SCORE_BANDS];  /* scored answers per group and band */
} RdItemDifference;

#define RD_TYPE_GROUP_COMPARISON (rd_group_comparison_get_type ())

G_DECLARE_FINAL_TYPE (RdGroupComparison, rd_group_comparison, RD, GROUP_COMPARISON, GObject)

RdGroupComparison   *rd_group_comparison_new              (RdFramework       *framework,
                                                           RdAssessmentMode   mode,
                                                           GPtrArray         *answers,
                                                           const double       targets[RD_N_FACTORS],
                                                           guint              threshold);
guint                rd_group_comparison_get_threshold    (RdGroupComparison *self);
guint                rd_group_comparison_get_n_groups     (RdGroupComparison *self);
const RdGroupResult *rd_group_comparison_get_group        (RdGroupComparison *self,
                                                           guint              index);
gboolean             rd_group_comparison_is_shown         (RdGroupComparison *self,
                                                           RdGroup            group);
guint                rd_group_comparison_get_n_withheld   (RdGroupComparison *self);
GArray              *rd_group_comparison_list_differences (RdGroupComparison *self,
                                                           guint              max_items);
guint                rd_score_band                        (double             score);

G_END_DECLS
