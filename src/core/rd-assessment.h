#pragma once

#include <glib-object.h>

#include "rd-framework.h"
#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_ASSESSMENT (rd_assessment_get_type ())

G_DECLARE_FINAL_TYPE (RdAssessment, rd_assessment, RD, ASSESSMENT, GObject)

typedef struct
{
  gint64 id;
  gint64 school_id;
  const char *school_year;
  const char *framework_id;
  const char *framework_version;
  RdAssessmentMode mode;
  RdAssessmentStatus status;
  gint64 created;        /* unix time */
  guint n_respondents;
  guint n_answers;
  guint32 reference_day; /* Julian day date items are scored against; 0 before any answer */
  const char *answered_items; /* "ITEM/GROUP" for each item and group of anyone who
                               * answered it, comma-separated, or NULL */
} RdAssessmentInfo;

/* A snapshot of one row of the store, with counts for lists. */
RdAssessment      *rd_assessment_new                   (const RdAssessmentInfo *info);
gint64             rd_assessment_get_id                (RdAssessment *self);
gint64             rd_assessment_get_school_id         (RdAssessment *self);
const char        *rd_assessment_get_school_year       (RdAssessment *self);
const char        *rd_assessment_get_framework_id      (RdAssessment *self);
const char        *rd_assessment_get_framework_version (RdAssessment *self);
RdFramework       *rd_assessment_get_framework_edition (RdAssessment *self,
                                                        RdFramework  *framework);
RdAssessmentMode   rd_assessment_get_mode              (RdAssessment *self);
RdAssessmentStatus rd_assessment_get_status            (RdAssessment *self);
gint64             rd_assessment_get_created           (RdAssessment *self);
guint              rd_assessment_get_n_respondents     (RdAssessment *self);
guint              rd_assessment_get_n_answers         (RdAssessment *self);
guint32            rd_assessment_get_reference_day     (RdAssessment *self);
guint              rd_assessment_count_answered_items  (RdAssessment *self,
                                                        RdFramework  *framework);

gboolean           rd_school_year_is_valid             (const char   *school_year);
char              *rd_school_year_for_date             (GDateTime    *when);

G_END_DECLS
