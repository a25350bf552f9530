#define G_LOG_DOMAIN "rd-answer"

#include "config.h"

#include <math.h>

#include "rd-answer.h"

G_DEFINE_BOXED_TYPE (RdAnswer, rd_answer, rd_answer_copy, rd_answer_free)
G_DEFINE_BOXED_TYPE (RdRespondent, rd_respondent, rd_respondent_copy, rd_respondent_free)

RdAnswer *
rd_answer_new (void)
{
  RdAnswer *answer = g_new0 (RdAnswer, 1);

  answer->value = NAN;
  return answer;
}

RdAnswer *
rd_answer_copy (const RdAnswer *answer)
{
  RdAnswer *copy = g_memdup2 (answer, sizeof *answer);

  copy->item_id = g_strdup (answer->item_id);
  return copy;
}

void
rd_answer_free (RdAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->item_id);
  g_free (answer);
}

/* No value, no date, not "not applicable": an answer taken back. */
gboolean
rd_answer_is_empty (const RdAnswer *answer)
{
  return !answer->not_applicable && isnan (answer->value) && answer->julian_day == 0;
}

void
rd_answer_get_date (const RdAnswer *answer,
                    GDate          *date)
{
  g_date_clear (date, 1);
  if (answer->julian_day != 0)
    g_date_set_julian (date, answer->julian_day);
}

void
rd_answer_get_answered_date (const RdAnswer *answer,
                             GDate          *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, rd_day_from_unix_local (answer->answered));
}

void
rd_answer_get_reference_date (const RdAnswer *answer,
                              GDate          *date)
{
  if (answer->reference_day == 0)
    {
      rd_answer_get_answered_date (answer, date);
      return;
    }
  g_date_clear (date, 1);
  g_date_set_julian (date, answer->reference_day);
}

RdRespondent *
rd_respondent_copy (const RdRespondent *respondent)
{
  RdRespondent *copy = g_memdup2 (respondent, sizeof *respondent);

  copy->pseudonym = g_strdup (respondent->pseudonym);
  return copy;
}

void
rd_respondent_free (RdRespondent *respondent)
{
  if (respondent == NULL)
    return;
  g_free (respondent->pseudonym);
  g_free (respondent);
}
