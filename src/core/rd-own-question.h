#pragma once

#include <glib-object.h>

#include "rd-framework.h"
#include "rd-item.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* A school's own question: a statement or a fact it adds to one
 * assessment, beside the framework's. Its answers are stored apart and
 * count in no figure of the framework (readiness, areas, priorities,
 * groups, trend, comparison); results and the report show them apart. */

/* The ids "own-1", "own-2", …: a framework may not use the prefix
 * (data/frameworks/FORMAT.md), so that an own question can never be taken
 * for one of its items. */
#define RD_OWN_QUESTION_ID_PREFIX "own-"
/* SELFIE's limit: at most ten questions of a school's own, which keeps the
 * questionnaire short enough to be answered whole. */
#define RD_MAX_OWN_QUESTIONS 10
/* As the framework's items: a weight above 0 and at most 3. */
#define RD_OWN_QUESTION_MAX_WEIGHT 3.0

/* How a number or percentage is scored against its target. */
typedef enum {
  RD_OWN_DIRECTION_HIGHER,  /* more is better: 100 at or above the target */
  RD_OWN_DIRECTION_LOWER,   /* less is better: 100 at or below the target */
} RdOwnDirection;

/* What a school gives for a question; strings are borrowed. */
typedef struct
{
  const char *id;          /* "own-N"; NULL for a new question, the store numbers it */
  RdItemKind kind;         /* statement, yes-no, number or percent */
  const char *text;        /* in the school's own language; required */
  const char *help;        /* NULL or empty: none */
  const char *area_id;     /* one of the framework's areas */
  guint audience;          /* the groups asked, 1 << RdGroup bits; at least one */
  double weights[RD_N_FACTORS];  /* the factors it is about; 0: not that one */
  /* Numbers only: */
  const char *unit;
  double min;              /* the lowest valid answer */
  double max;              /* the highest, or INFINITY */
  /* Numbers, percentages and yes-no: */
  double target;           /* the answer that scores 100; NAN: a percentage's or yes-no's end */
  RdOwnDirection direction;
} RdOwnQuestionInfo;

void rd_own_question_info_init (RdOwnQuestionInfo *info);

#define RD_TYPE_OWN_QUESTION (rd_own_question_get_type ())

G_DECLARE_FINAL_TYPE (RdOwnQuestion, rd_own_question, RD, OWN_QUESTION, GObject)

/* Checks @info by the framework's rules for items (text limits and
 * cleaning, audience, factors and weights, a number's range) and makes the
 * question. @framework, when given, must have the area. Errors are in
 * @domain with @code: with a @file, "FILE: PLACE.KEY: PROBLEM"; without, a
 * sentence for the person who typed it. */
RdOwnQuestion *rd_own_question_new          (const RdOwnQuestionInfo *info,
                                             RdFramework             *framework,
                                             const char              *file,
                                             const char              *place,
                                             GQuark                   domain,
                                             int                      code,
                                             GError                 **error);
/* @info with the question's values; strings are the question's. */
void           rd_own_question_get_info     (RdOwnQuestion     *self,
                                             RdOwnQuestionInfo *info);

gboolean       rd_own_question_id_is_valid  (const char        *id);
guint          rd_own_question_id_number    (const char        *id);

const char    *rd_own_question_get_id        (RdOwnQuestion *self);
guint          rd_own_question_get_number    (RdOwnQuestion *self);
RdItemKind     rd_own_question_get_kind      (RdOwnQuestion *self);
const char    *rd_own_question_get_text      (RdOwnQuestion *self);
const char    *rd_own_question_get_help      (RdOwnQuestion *self);
const char    *rd_own_question_get_area_id   (RdOwnQuestion *self);
guint          rd_own_question_get_audience  (RdOwnQuestion *self);
gboolean       rd_own_question_asks          (RdOwnQuestion *self,
                                              RdGroup        group);
double         rd_own_question_get_weight    (RdOwnQuestion *self,
                                              RdFactor       factor);
const char    *rd_own_question_get_unit      (RdOwnQuestion *self);
double         rd_own_question_get_min       (RdOwnQuestion *self);
double         rd_own_question_get_max       (RdOwnQuestion *self);
double         rd_own_question_get_target    (RdOwnQuestion *self);
RdOwnDirection rd_own_question_get_direction (RdOwnQuestion *self);
/* The question as an item of the questionnaire (rd_item_is_own()), for
 * the widgets and checks that answer items. */
RdItem        *rd_own_question_get_item      (RdOwnQuestion *self);

gboolean       rd_own_question_check_value   (RdOwnQuestion *self,
                                              double         value,
                                              GError       **error);
/* 0–100: a statement's agreement as the framework scores it ((answer −
 * 1) / 4 × 100); a fact's value linearly from its worst end to the
 * target, 100 from there on. NAN for a value it does not take. */
double         rd_own_question_score_value   (RdOwnQuestion *self,
                                              double         value);
/* Whether two questions ask the same: their texts, cleaned, compared
 * without regard to letter case. */
gboolean       rd_own_question_same_text     (const char    *a,
                                              const char    *b);

const char    *rd_own_direction_to_id        (RdOwnDirection direction);
gboolean       rd_own_direction_from_id      (const char    *id,
                                              RdOwnDirection *direction);
gboolean       rd_own_question_kind_is_allowed (RdItemKind   kind);

/* The question with id @id in @questions (of RdOwnQuestion), or NULL. */
RdOwnQuestion *rd_own_questions_lookup       (GPtrArray     *questions,
                                              const char    *id);

G_END_DECLS
