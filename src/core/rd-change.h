#pragma once

#include <glib-object.h>

#include "rd-action.h"
#include "rd-analysis.h"
#include "rd-assessment-scores.h"
#include "rd-comparison.h"
#include "rd-results.h"
#include "rd-statistics.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* The change of one factor or one question between two school years of a
 * school. A statement and a factor are tested on the respondents' own
 * scores (Welch's t-test); a fact has one value per school, no sample, and
 * shows its change in its own unit without a test. */
typedef struct
{
  RdItem *item;            /* NULL for a factor; borrowed from the framework */
  RdFactor factor;         /* for a factor */
  double before;           /* score or readiness 0–100 */
  double after;
  double delta;            /* after − before */
  guint n_before;          /* respondents (a fact: answers) behind each side */
  guint n_after;
  gboolean is_fact;
  RdFactValues fact_before;  /* a fact's answers in its unit */
  RdFactValues fact_after;
  RdWelch test;            /* statements and factors */
} RdChangeRow;

#define RD_TYPE_CHANGE (rd_change_get_type ())

G_DECLARE_FINAL_TYPE (RdChange, rd_change, RD, CHANGE, GObject)

RdChange          *rd_change_compute          (RdFramework      *framework,
                                               const char       *before_year,
                                               RdAssessmentMode  before_mode,
                                               GPtrArray        *before_answers,
                                               const char       *after_year,
                                               RdAssessmentMode  after_mode,
                                               GPtrArray        *after_answers);
RdChange          *rd_change_new_for_results  (RdStore          *store,
                                               RdResults        *results,
                                               GError          **error);
RdChange          *rd_change_load             (RdStore          *store,
                                               RdFramework      *framework,
                                               gint64            assessment_id,
                                               GError          **error);
const char        *rd_change_get_before_year  (RdChange         *self);
const char        *rd_change_get_after_year   (RdChange         *self);
const RdChangeRow *rd_change_get_factor       (RdChange         *self,
                                               RdFactor          factor);
guint              rd_change_get_n_items      (RdChange         *self);
const RdChangeRow *rd_change_get_item         (RdChange         *self,
                                               guint             index);
const RdChangeRow *rd_change_lookup_item      (RdChange         *self,
                                               const char       *item_id);
guint              rd_change_get_n_incomparable (RdChange       *self);
GPtrArray         *rd_change_list_moved       (RdChange         *self);
GPtrArray         *rd_change_list_untestable  (RdChange         *self);

gboolean           rd_change_row_is_meaningful (const RdChangeRow *row);
char              *rd_change_row_format_values (const RdChangeRow *row);
char              *rd_change_row_format_verdict (const RdChangeRow *row,
                                                 const char        *before_year,
                                                 const char        *after_year);
char              *rd_change_format_test       (const RdWelch     *test);
char              *rd_change_format_p          (double             p);
char              *rd_change_row_format_size   (const RdChangeRow *row);
char              *rd_change_format_row        (RdChange          *self,
                                                const RdChangeRow *row);
char              *rd_change_format_untested   (RdChange          *self);
char              *rd_change_format_row_by_id  (RdChange          *self,
                                                const RdChangeRow *row);
GPtrArray         *rd_change_list_done_actions (RdChange          *self,
                                                RdStore           *store,
                                                GError           **error);
char              *rd_change_format_action_item (RdChange         *self,
                                                 const char       *item_id,
                                                 gboolean          by_id);
const char        *rd_change_row_get_title     (const RdChangeRow *row);

/* One school's change per success factor between two school years, from
 * the kept scores (readiness, spread and respondents per factor): what an
 * advisor compares without the answers. */
typedef struct
{
  gint64 school_id;
  char *school_name;
  char *region;
  double before[RD_N_FACTORS];
  double after[RD_N_FACTORS];
  RdWelch test[RD_N_FACTORS];   /* difference NAN: not measured in a year */
} RdSchoolChange;

void       rd_school_change_free           (RdSchoolChange       *change);
GPtrArray *rd_change_compare_schools       (GPtrArray            *from_scores,
                                            GPtrArray            *to_scores);
gboolean   rd_school_change_is_meaningful  (const RdSchoolChange *change,
                                            RdFactor              factor);

G_END_DECLS
