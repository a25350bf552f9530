#pragma once

#include <glib-object.h>

#include "rd-framework.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* The facts that the school's professional-learning log answers, computed
 * in one place. The rule:
 *
 * - Staff on the log on the reference date: not in the trash, joined on or
 *   before it (or no date given), and not departed (no date, or after it).
 * - The window: the 12 months up to and including the reference date, that
 *   is, issued after the same day one year before and on or before it.
 * - cyb-staff-trained: the share (percent) of staff on the log, of every
 *   group, with at least one activity (not in the trash) in the window
 *   tagged with the area "cybersecurity".
 * - trn-pedagogy-training: the share of the teachers on the log with one
 *   tagged "teaching" in the window.
 * - Hours per teacher: the notional workload of the teachers' activities
 *   in the window over the teachers on the log; one ECTS credit counts for
 *   RD_LEARNING_HOURS_PER_ECTS (25) hours when no hours are given.
 *
 * A figure exists only when its denominator is at least 1.
 *
 * In an analysis the log speaks as a pseudo-respondent of the item's
 * responsible group (respondent id RD_LOG_RESPONDENT_ID) that is added
 * only when nobody of that group answered: an answer of the responsible
 * group wins over the log, and the log over the other groups' answers
 * (settle_fact() in rd-analysis.c then keeps the responsible group's). */

#define RD_LOG_RESPONDENT_ID 0
#define RD_LEARNING_ITEM_STAFF_TRAINED  "cyb-staff-trained"
#define RD_LEARNING_ITEM_PEDAGOGY       "trn-pedagogy-training"
#define RD_LEARNING_AREA_CYBERSECURITY  "cybersecurity"
#define RD_LEARNING_AREA_TEACHING       "teaching"
#define RD_LEARNING_WINDOW_MONTHS       12
#define RD_LEARNING_N_MEASURES          2

/* One figure for an item: a value in the item's unit, and how many staff
 * members it was counted over. @item_id is one of the ids above. */
typedef struct
{
  const char *item_id;
  double value;
  guint n_staff;
} RdLogFigure;

typedef struct
{
  guint32 reference_day;
  gboolean imported;       /* figures from an exchange file: no log behind them */
  guint n_staff;           /* on the log on the reference date */
  guint n_teachers;
  double hours_per_teacher; /* NAN without a teacher */
  guint n_figures;
  RdLogFigure figures[RD_LEARNING_N_MEASURES];
} RdLearningFacts;

/* @staff: RdStaffMember, @activities: RdLearningActivity of the school,
 * both without the ones in the trash. */
void               rd_learning_facts_compute    (GPtrArray              *staff,
                                                 GPtrArray              *activities,
                                                 guint32                 reference_day,
                                                 RdLearningFacts        *facts);
/* The figure for @item_id, or NULL. */
const RdLogFigure *rd_learning_facts_lookup     (const RdLearningFacts  *facts,
                                                 const char             *item_id);
/* The static id of a measured item (for figures read from a file), or NULL. */
const char        *rd_learning_measure_id       (const char             *item_id);
/* Whether @window_day lies in the window of @reference_day. */
gboolean           rd_learning_day_in_window    (guint32                 day,
                                                 guint32                 reference_day);
/* Adds to @answers (of RdAnswer) the log's answer to each figure's item
 * that the responsible group has not answered (see above). */
void               rd_learning_facts_add_answers (const RdLearningFacts *facts,
                                                 RdFramework            *framework,
                                                 RdSchoolType            school_type,
                                                 GPtrArray              *answers);

G_END_DECLS
