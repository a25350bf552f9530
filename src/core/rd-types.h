#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The four success factors ("key enablers") of the Council Recommendation of
 * 23 November 2023. Their ids are fixed by the framework format. */
typedef enum {
  RD_FACTOR_STRATEGY,
  RD_FACTOR_ENGAGEMENT,
  RD_FACTOR_CAPACITY,
  RD_FACTOR_INVESTMENT,
} RdFactor;

#define RD_N_FACTORS 4

typedef enum {
  RD_ITEM_KIND_STATEMENT,
  RD_ITEM_KIND_NUMBER,
  RD_ITEM_KIND_PERCENT,
  RD_ITEM_KIND_YES_NO,
  RD_ITEM_KIND_DATE,
} RdItemKind;

typedef enum {
  RD_GROUP_LEADER,
  RD_GROUP_TEACHER,
  RD_GROUP_SUPPORT_STAFF,
  RD_GROUP_LEARNER,
  RD_GROUP_PARENT,
  RD_GROUP_OTHER,
} RdGroup;

#define RD_N_GROUPS 6
/* Groups as a mask of 1 << RdGroup bits: who an item asks, whose answers count. */
#define RD_EVERY_GROUP ((1u << RD_N_GROUPS) - 1)

typedef enum {
  RD_ASSESSMENT_MODE_FULL,
  RD_ASSESSMENT_MODE_PULSE,
} RdAssessmentMode;

typedef enum {
  RD_ASSESSMENT_STATUS_DRAFT,
  RD_ASSESSMENT_STATUS_COMPLETE,
} RdAssessmentStatus;

typedef enum {
  RD_ACTION_STATUS_PLANNED,
  RD_ACTION_STATUS_IN_PROGRESS,
  RD_ACTION_STATUS_DONE,
} RdActionStatus;

#define RD_N_ACTION_STATUSES 3

/* Which phase of education a school serves: some thresholds depend on it
 * (a framework's per-type ladders). UNSET is a school whose type nobody
 * gave; it has no id. */
typedef enum {
  RD_SCHOOL_TYPE_UNSET,
  RD_SCHOOL_TYPE_PRIMARY,
  RD_SCHOOL_TYPE_SECONDARY,
  RD_SCHOOL_TYPE_VOCATIONAL,
  RD_SCHOOL_TYPE_SPECIAL,
  RD_SCHOOL_TYPE_OTHER,
} RdSchoolType;

#define RD_N_SCHOOL_TYPES 6

typedef enum {
  RD_LEVEL_BEGINNING,
  RD_LEVEL_DEVELOPING,
  RD_LEVEL_ESTABLISHED,
  RD_LEVEL_LEADING,
} RdLevel;

const char *rd_factor_to_id          (RdFactor            factor);
gboolean    rd_factor_from_id        (const char         *id,
                                      RdFactor           *factor);
const char *rd_factor_get_title      (RdFactor            factor);
const char *rd_factor_get_short_title (RdFactor           factor);

const char *rd_item_kind_to_id       (RdItemKind          kind);
gboolean    rd_item_kind_from_id     (const char         *id,
                                      RdItemKind         *kind);
gboolean    rd_item_kind_is_fact     (RdItemKind          kind);

const char *rd_group_to_id           (RdGroup             group);
gboolean    rd_group_from_id         (const char         *id,
                                      RdGroup            *group);
const char *rd_group_get_title       (RdGroup             group);

const char *rd_assessment_mode_to_id   (RdAssessmentMode    mode);
gboolean    rd_assessment_mode_from_id (const char         *id,
                                        RdAssessmentMode   *mode);
const char *rd_assessment_mode_get_title (RdAssessmentMode  mode);

const char *rd_assessment_status_to_id   (RdAssessmentStatus  status);
gboolean    rd_assessment_status_from_id (const char         *id,
                                          RdAssessmentStatus *status);

const char *rd_action_status_to_id    (RdActionStatus      status);
gboolean    rd_action_status_from_id  (const char         *id,
                                       RdActionStatus     *status);
const char *rd_action_status_get_title (RdActionStatus     status);

const char  *rd_school_type_to_id      (RdSchoolType        type);
gboolean     rd_school_type_from_id    (const char         *id,
                                        RdSchoolType       *type);
const char  *rd_school_type_get_title  (RdSchoolType        type);
gboolean     rd_school_type_parse      (const char         *text,
                                        RdSchoolType       *type);
RdSchoolType rd_school_type_from_text  (const char         *text);
char        *rd_school_type_note_for_text (const char      *text);

/* The label of agreement @choice 1–5 ("Agree"); anything else is "not applicable". */
const char *rd_agreement_get_label   (guint               choice);

RdLevel     rd_level_for_score       (double              score);
const char *rd_level_get_title       (RdLevel             level);

/* A day as the database and the exchange files write it, "YYYY-MM-DD",
 * held as GDate's Julian day; 0 stands for no day. */
guint32     rd_day_from_iso          (const char         *iso);
char       *rd_day_to_iso            (guint32             day);
guint32     rd_day_from_unix_local   (gint64              time);

G_END_DECLS
