#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The form of participation (Annex I of the Council Recommendation of
 * 16 June 2022 on micro-credentials); NONE: not given. */
typedef enum {
  RD_PARTICIPATION_NONE,
  RD_PARTICIPATION_ONLINE,
  RD_PARTICIPATION_ON_SITE,
  RD_PARTICIPATION_BLENDED,
} RdParticipation;

#define RD_N_PARTICIPATIONS 4

/* Supervision and identity verification (an optional element). */
typedef enum {
  RD_SUPERVISION_NONE,
  RD_SUPERVISION_UNSUPERVISED,        /* no identity check */
  RD_SUPERVISION_SUPERVISED,          /* supervised, no identity check */
  RD_SUPERVISION_SUPERVISED_ONLINE,   /* supervised online, identity checked */
  RD_SUPERVISION_ON_SITE_IDENTITY,    /* on site, identity checked */
} RdSupervision;

#define RD_N_SUPERVISIONS 5

typedef enum {
  RD_STACKABILITY_NONE,
  RD_STACKABILITY_STAND_ALONE,
  RD_STACKABILITY_STACKABLE,
} RdStackability;

#define RD_N_STACKABILITIES 3

/* The mandatory elements of Annex I that a record can lack, as bits. The
 * learner is always known (the staff member) and the level applies only
 * where there is one (EQF), so neither is ever missing. */
typedef enum {
  RD_ELEMENT_TITLE             = 1 << 0,
  RD_ELEMENT_ISSUER_COUNTRY    = 1 << 1,
  RD_ELEMENT_AWARDING_BODY     = 1 << 2,
  RD_ELEMENT_ISSUED            = 1 << 3,
  RD_ELEMENT_LEARNING_OUTCOMES = 1 << 4,
  RD_ELEMENT_WORKLOAD          = 1 << 5,
  RD_ELEMENT_ASSESSMENT_TYPE   = 1 << 6,
  RD_ELEMENT_PARTICIPATION     = 1 << 7,
  RD_ELEMENT_QUALITY_ASSURANCE = 1 << 8,
} RdCredentialElement;

#define RD_N_CREDENTIAL_ELEMENTS 9

/* Sane maxima: a whole year of study is 60 ECTS, about 1 500–1 800 hours. */
#define RD_LEARNING_MAX_ECTS  60.0
#define RD_LEARNING_MAX_HOURS 2000.0
/* How many hours one ECTS credit counts for in the log's figures: the
 * ECTS Users' Guide (2015) puts a credit at 25 to 30 hours of work. */
#define RD_LEARNING_HOURS_PER_ECTS 25.0

/* One learning activity of a staff member. Texts are borrowed in an info
 * that is handed in; an empty text is "not given". */
typedef struct
{
  gint64 id;                     /* 0 for one not stored yet */
  gint64 staff_id;
  const char *title;
  const char *issuer_country;
  const char *awarding_body;
  const char *issued;            /* "YYYY-MM-DD" */
  const char *learning_outcomes;
  double workload_ects;          /* 0: not given */
  double workload_hours;         /* 0: not given */
  guint eqf_level;               /* 1–8; 0: not given or does not apply */
  const char *assessment_type;
  RdParticipation participation;
  const char *quality_assurance;
  const char *prerequisites;
  RdSupervision supervision;
  const char *grade;
  RdStackability stackability;
  const char *further_information;
  const char * const *area_ids;  /* framework area ids, NULL-terminated; NULL: none */
  gint64 created;                /* unix time */
} RdLearningActivityInfo;

#define RD_TYPE_LEARNING_ACTIVITY (rd_learning_activity_get_type ())

G_DECLARE_FINAL_TYPE (RdLearningActivity, rd_learning_activity, RD, LEARNING_ACTIVITY, GObject)

/* A snapshot of one stored activity; its info's texts belong to it. */
RdLearningActivity *rd_learning_activity_new      (const RdLearningActivityInfo *info);
const RdLearningActivityInfo *
                    rd_learning_activity_get_info (RdLearningActivity *self);
gint64              rd_learning_activity_get_id   (RdLearningActivity *self);
gboolean            rd_learning_activity_has_area (RdLearningActivity *self,
                                                   const char         *area_id);

/* What is wrong with @info, said in a sentence (RD_STORE_ERROR_INVALID):
 * it needs a staff member, a title and a date of issue; a workload is
 * more than 0 and at most RD_LEARNING_MAX_ECTS or _HOURS; the level 1–8;
 * the choices known ones. Texts are not measured here (the store cleans
 * them to their limits). */
gboolean            rd_learning_activity_info_validate (const RdLearningActivityInfo *info,
                                                        GError                      **error);
/* The mandatory elements of Annex I that @info lacks (RdCredentialElement
 * bits); 0: a complete micro-credential record. */
guint               rd_learning_activity_info_missing (const RdLearningActivityInfo *info);
guint               rd_credential_elements_count      (guint               elements);
const char         *rd_credential_element_get_title   (RdCredentialElement element);
/* Hours of notional workload for the figures: the hours when given,
 * else ECTS × RD_LEARNING_HOURS_PER_ECTS, else 0. */
double              rd_learning_activity_info_get_hours (const RdLearningActivityInfo *info);

const char         *rd_participation_to_id     (RdParticipation  participation);
gboolean            rd_participation_from_id   (const char      *id,
                                                RdParticipation *participation);
const char         *rd_participation_get_title (RdParticipation  participation);
const char         *rd_supervision_to_id       (RdSupervision    supervision);
gboolean            rd_supervision_from_id     (const char      *id,
                                                RdSupervision   *supervision);
const char         *rd_supervision_get_title   (RdSupervision    supervision);
const char         *rd_stackability_to_id      (RdStackability   stackability);
gboolean            rd_stackability_from_id    (const char      *id,
                                                RdStackability  *stackability);
const char         *rd_stackability_get_title  (RdStackability   stackability);

G_END_DECLS
