#pragma once

#include <glib-object.h>

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_ANSWER (rd_answer_get_type ())

/* One respondent's answer to one item, as stored. */
typedef struct
{
  gint64 respondent_id;
  RdGroup group;
  char *item_id;
  guint item_version;
  gboolean not_applicable;
  double value;       /* statements, numbers, percentages, yes (1) / no (0); NAN otherwise */
  guint32 julian_day; /* date answers (GDate's Julian day); 0 otherwise */
  gint64 answered;    /* unix time the answer was given */
  guint32 reference_day; /* its assessment's reference date (Julian day), or 0 */
  RdSchoolType school_type; /* its school's type, which picks a fact's ladder */
} RdAnswer;

GType     rd_answer_get_type (void) G_GNUC_CONST;
RdAnswer *rd_answer_new      (void);
RdAnswer *rd_answer_copy     (const RdAnswer *answer);
void      rd_answer_free     (RdAnswer       *answer);
gboolean  rd_answer_is_empty (const RdAnswer *answer);
void      rd_answer_get_date (const RdAnswer *answer,
                              GDate          *date);
void      rd_answer_get_answered_date (const RdAnswer *answer,
                                       GDate          *date);
/* The day a date answer is scored against: its assessment's reference
 * date, or the day it was answered when it has none (not yet stored). */
void      rd_answer_get_reference_date (const RdAnswer *answer,
                                        GDate          *date);

typedef struct
{
  gint64 id;
  RdGroup group;
  char *pseudonym;
  guint n_answers;
} RdRespondent;

#define RD_TYPE_RESPONDENT (rd_respondent_get_type ())

GType         rd_respondent_get_type (void) G_GNUC_CONST;
RdRespondent *rd_respondent_copy     (const RdRespondent *respondent);
void          rd_respondent_free     (RdRespondent       *respondent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAnswer, rd_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdRespondent, rd_respondent_free)

G_END_DECLS
