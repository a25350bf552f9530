#pragma once

#include <glib-object.h>

#include "rd-analysis.h"
#include "rd-anonymity.h"

G_BEGIN_DECLS

/* SELFIE's strongest insight: where the groups of one school see things
 * differently. Privacy is a property of each figure (rd-anonymity.h): a
 * group smaller than the anonymity threshold is never shown on its own,
 * only combined with others (RdGroupPlan), and each item figure of a view
 * is shown only when it rests on at least the threshold's number of
 * answers and hiding it leaves nothing to work out by subtraction. A
 * view's factor figures are computed from its shown item figures only.
 * Every group still counts in the school's overall results. */

/* Scores 0–100 fall into five bands of 20; a statement's five choices land
 * one in each. */
#define RD_N_SCORE_BANDS 5

/* One view: a group on its own, or the small groups combined. */
typedef struct
{
  RdGroup group;                   /* its group; when combined, the first of them */
  guint groups;                    /* its groups, as 1 << RdGroup bits */
  gboolean combined;
  const char *title;               /* "Teacher", "School leaders and support staff (combined)" */
  guint n_respondents;
  RdFactorResult factors[RD_N_FACTORS];  /* from its shown item figures only */
} RdGroupResult;

/* Per item, its figures in each view, indexed as rd_group_comparison_get_group(). */
typedef struct
{
  RdItem *item;                    /* borrowed from the framework */
  double difference;               /* highest shown mean − lowest; NAN with none shown */
  gboolean shown[RD_N_GROUPS];     /* FALSE: hidden, too few answers */
  double mean[RD_N_GROUPS];        /* NAN where not shown */
  double spread[RD_N_GROUPS];      /* standard deviation within the view; NAN likewise */
  guint n[RD_N_GROUPS];            /* scored answers; 0 where not shown */
  guint bands[RD_N_GROUPS][RD_N_SCORE_BANDS];  /* scored answers per band; 0 where not shown */
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
gboolean            rd_group_comparison_view_is_asked    (RdGroupComparison *self,
                                                         guint              index,
                                                         RdItem            *item);
const char         *rd_group_not_asked_text              (void);
const RdGroupResult *rd_group_comparison_get_group        (RdGroupComparison *self,
                                                           guint              index);
RdGroupView          rd_group_comparison_get_view         (RdGroupComparison *self,
                                                           RdGroup            group);
gboolean             rd_group_comparison_is_shown         (RdGroupComparison *self,
                                                           RdGroup            group);
guint                rd_group_comparison_get_n_withheld   (RdGroupComparison *self);
char                *rd_group_comparison_describe_rule    (RdGroupComparison *self);
gboolean             rd_group_comparison_get_item_figures (RdGroupComparison *self,
                                                           RdItem            *item,
                                                           RdItemDifference  *figures);
GArray              *rd_group_comparison_list_differences (RdGroupComparison *self,
                                                           guint              max_items);
guint                rd_score_band                        (double             score);

G_END_DECLS
