#pragma once

#include <glib.h>

#include "rd-analysis.h"
#include "rd-own-question.h"

G_BEGIN_DECLS

/* The figures of a school's own questions, apart from every figure of the
 * framework: each question with its answers. Answers count from the
 * groups the question asks. With answers from two or more people, a
 * question's figures need at least the anonymity threshold's number of
 * answers (rd-anonymity.h), so that nobody's answer can be read off them;
 * with one person alone they are that person's own. */
typedef struct
{
  RdOwnQuestion *question;   /* borrowed */
  guint n;                   /* answers with a value */
  guint n_not_applicable;
  gboolean hidden;           /* too few answers to show (see above) */
  RdFactValues values;       /* the answers as the framework's facts show them */
  double mean;               /* statements: the mean agreement, 1–5 */
  double score;              /* 0–100: a statement's mean agreement, a fact's median
                              * score; NAN without answers or when hidden */
} RdOwnResult;

/* One RdOwnResult per question of @questions, in their order. @answers
 * are the own questions' answers (rd_store_list_own_answers()); @n_people
 * is how many people answered anything in the assessment. */
GArray *rd_own_results_compute     (GPtrArray         *questions,
                                    GPtrArray         *answers,
                                    guint              n_people,
                                    guint              threshold);
/* How many different respondents gave the answers of both arrays (either
 * may be NULL). */
guint   rd_own_results_count_people (GPtrArray        *answers,
                                     GPtrArray        *own_answers);
/* What the answers were, for the screen and the report alike: "mean 3.8,
 * median 4: Agree · 12 answers", "answers differ: 100 and 150 laptops",
 * "Yes", "too few answers", "not answered". */
char   *rd_own_result_format       (const RdOwnResult *result);

G_END_DECLS
