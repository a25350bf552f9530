#define G_LOG_DOMAIN "rd-own-results"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-anonymity.h"
#include "rd-comparison.h"
#include "rd-fact-values.h"
#include "rd-own-results.h"

static double
median_of (GArray *values)
{
  rd_sort_doubles ((double *) (gpointer) values->data, values->len);
  return rd_quantile_sorted ((const double *) (gpointer) values->data, values->len, 0.5);
}

/* The answers of @question's groups: their values sorted, and their scores. */
static void
summarize (RdOwnResult *result,
           GPtrArray   *answers)
{
  RdOwnQuestion *question = result->question;
  const char *id = rd_own_question_get_id (question);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0;

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      double score;

      if (g_strcmp0 (answer->item_id, id) != 0 || !rd_own_question_asks (question, answer->group))
        continue;
      if (answer->not_applicable)
        {
          result->n_not_applicable++;
          continue;
        }
      score = rd_own_question_score_value (question, answer->value);
      if (isnan (score))
        continue;
      g_array_append_val (values, answer->value);
      g_array_append_val (scores, score);
      sum += answer->value;
    }

  result->n = values->len;
  result->values.n = values->len;
  if (values->len == 0)
    return;

  result->mean = sum / values->len;
  result->values.median = median_of (values);
  result->values.min = g_array_index (values, double, 0);
  result->values.max = g_array_index (values, double, values->len - 1);
  for (guint i = 0; i < values->len; i++)
    {
      double value = g_array_index (values, double, i);

      result->values.n_distinct += i == 0 || value != g_array_index (values, double, i - 1);
      result->values.n_yes += value == 1;
    }
  /* As the framework scores them: a statement by the mean of its
   * answers, a fact by the median of their scores. */
  result->score = rd_own_question_get_kind (question) == RD_ITEM_KIND_STATEMENT
                  ? (result->mean - 1.0) / 4.0 * 100.0
                  : median_of (scores);
}

GArray *
rd_own_results_compute (GPtrArray *questions,
                        GPtrArray *answers,
                        guint      n_people,
                        guint      threshold)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (RdOwnResult));

  g_return_val_if_fail (questions != NULL, results);

  threshold = rd_anonymity_threshold_clamp (threshold);
  for (guint q = 0; q < questions->len; q++)
    {
      RdOwnResult result = {
        .question = g_ptr_array_index (questions, q),
        .mean = NAN,
        .score = NAN,
      };

      result.values = (RdFactValues) {
        .kind = rd_own_question_get_kind (result.question), .median = NAN, .min = NAN, .max = NAN,
      };
      g_date_clear (&result.values.date, 1);
      summarize (&result, answers);

      /* Several people: a figure resting on fewer answers than the
       * threshold would show what one of them answered. */
      if (n_people >= 2 && result.n > 0 && result.n < threshold)
        {
          result.hidden = TRUE;
          result.mean = NAN;
          result.score = NAN;
          result.values = (RdFactValues) { .kind = result.values.kind, .median = NAN, .min = NAN, .max = NAN };
          g_date_clear (&result.values.date, 1);
        }
      g_array_append_val (results, result);
    }

  return results;
}

static void
add_people (GHashTable *people,
            GPtrArray  *answers)
{
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);

      g_hash_table_add (people, (gpointer) &answer->respondent_id);
    }
}

guint
rd_own_results_count_people (GPtrArray *answers,
                             GPtrArray *own_answers)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);

  add_people (people, answers);
  add_people (people, own_answers);
  return g_hash_table_size (people);
}

static char *
format_statement (const RdOwnResult *result)
{
  g_autofree char *mean = NULL;
  g_autofree char *median = NULL;
  double middle = result->values.median;

  mean = rd_format_figure (result->mean);
  median = rd_format_figure (middle);
  if (result->n == 1)
    /* Translators: the one answer to a statement of the school's own, "Agree (4)" */
    return g_strdup_printf (C_("own answer", "%s (%s)"), rd_agreement_get_label ((guint) middle), median);

  /* The median names its answer when it is one (not halfway between two). */
  if (middle == floor (middle))
    /* Translators: several answers to a statement of the school's own on
     * the scale 1–5: "mean 3.8, median 4: Agree" */
    return g_strdup_printf (C_("own answer", "mean %s, median %s: %s"), mean, median,
                            rd_agreement_get_label ((guint) middle));
  /* Translators: "mean 3.5, median 3.5" */
  return g_strdup_printf (C_("own answer", "mean %s, median %s"), mean, median);
}

char *
rd_own_result_format (const RdOwnResult *result)
{
  g_autofree char *answers = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (result->hidden)
    return g_strdup (rd_anonymity_get_hidden_text ());
  if (result->n == 0)
    return g_strdup (result->n_not_applicable > 0 ? rd_agreement_get_label (0) : _("not answered"));

  if (rd_own_question_get_kind (result->question) == RD_ITEM_KIND_STATEMENT)
    answers = format_statement (result);
  else
    answers = rd_fact_values_format (rd_own_question_get_item (result->question), &result->values);
  if (result->n == 1)
    return g_steal_pointer (&answers);
  /* Translators: what several people answered and how many they were,
   * "mean 3.8, median 4: Agree · 12 answers" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u answer", "%s · %u answers", result->n),
                          answers, result->n);
}
