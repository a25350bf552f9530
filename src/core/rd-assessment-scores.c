#define G_LOG_DOMAIN "rd-assessment-scores"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-analysis.h"
#include "rd-assessment-scores.h"
#include "rd-learning-facts.h"

/* Every area of the framework, each without a score yet. */
RdAssessmentScores *
rd_assessment_scores_new (RdFramework *framework)
{
  RdAssessmentScores *self = g_new0 (RdAssessmentScores, 1);

  self->n_areas = rd_framework_get_n_areas (framework);
  self->area_ids = g_new0 (char *, self->n_areas + 1);
  self->area = g_new (double, self->n_areas);
  for (guint a = 0; a < self->n_areas; a++)
    {
      self->area_ids[a] = g_strdup (rd_area_get_id (rd_framework_get_area (framework, a)));
      self->area[a] = NAN;
    }
  for (guint f = 0; f < RD_N_FACTORS; f++)
    self->factor[f] = self->factor_spread[f] = NAN;

  return self;
}

void
rd_assessment_scores_free (RdAssessmentScores *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->area_ids);
  g_free (self->area);
  g_free (self);
}

gboolean
rd_assessment_scores_set_area (RdAssessmentScores *self,
                               const char         *area_id,
                               double              score)
{
  for (guint a = 0; a < self->n_areas; a++)
    if (g_str_equal (self->area_ids[a], area_id))
      {
        self->area[a] = score;
        return TRUE;
      }
  return FALSE;
}

static gint
compare_respondent (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = (*(RdAnswer * const *) a)->respondent_id;
  gint64 y = (*(RdAnswer * const *) b)->respondent_id;

  return (x > y) - (x < y);
}

static gboolean
sorted_by_respondent (GPtrArray *answers)
{
  for (guint i = 1; i < answers->len; i++)
    if (((RdAnswer *) g_ptr_array_index (answers, i - 1))->respondent_id >
        ((RdAnswer *) g_ptr_array_index (answers, i))->respondent_id)
      return FALSE;
  return TRUE;
}

typedef struct
{
  guint n_items;
  double *weights;            /* [factor × n_items]; 0 for items the mode does not ask */
  double *sums;               /* one respondent's scores per item, and how many */
  guint *counts;
} Respondent;

/* One respondent's readiness per factor, computed as RdAnalysis computes
 * readiness (compute_factors in rd-analysis.c) for answers of one person:
 * the weighted mean of the item scores, items in framework order, so that
 * it equals rd_analysis_get_factor() to the bit. An RdAnalysis per
 * respondent cost more than all the rest of an import's scoring. */
static void
respondent_readiness (Respondent *respondent,
                      double      readiness[RD_N_FACTORS])
{
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      const double *weights = respondent->weights + f * respondent->n_items;
      double weighted_sum = 0, weight_sum = 0;

      for (guint i = 0; i < respondent->n_items; i++)
        {
          if (weights[i] <= 0 || respondent->counts[i] == 0)
            continue;
          weighted_sum += weights[i] * (respondent->sums[i] / respondent->counts[i]);
          weight_sum += weights[i];
        }
      readiness[f] = weight_sum > 0 ? weighted_sum / weight_sum : NAN;
    }
}

/* Each respondent's own readiness per factor, over @only_items (item ids)
 * when it is not NULL, handed to @func with the respondent's first answer. */
void
rd_assessment_scores_foreach_respondent (RdFramework                *framework,
                                         RdAssessmentMode            mode,
                                         GPtrArray                  *answers,
                                         GHashTable                 *only_items,
                                         RdRespondentReadinessFunc   func,
                                         gpointer                    user_data)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);   /* item id → position + 1 */
  guint n_items = rd_framework_get_n_items (framework);
  g_autofree double *weights = g_new0 (double, RD_N_FACTORS * MAX (n_items, 1));
  g_autofree double *sums = g_new0 (double, MAX (n_items, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (n_items, 1));
  Respondent respondent = { n_items, weights, sums, counts };
  RdAnswer *first = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      g_hash_table_insert (positions, (gpointer) rd_item_get_id (item), GUINT_TO_POINTER (i + 1));
      if (rd_framework_item_in_mode (framework, item, mode) &&
          (only_items == NULL || g_hash_table_contains (only_items, rd_item_get_id (item))))
        for (guint f = 0; f < RD_N_FACTORS; f++)
          weights[f * n_items + i] = rd_item_get_weight (item, f);
    }

  /* Answers usually come a respondent at a time already. Borrowed: a copy
   * would also take over the answers' free function. */
  if (!sorted_by_respondent (answers))
    {
      sorted = g_ptr_array_sized_new (answers->len);
      for (guint i = 0; i < answers->len; i++)
        g_ptr_array_add (sorted, g_ptr_array_index (answers, i));
      g_ptr_array_sort (sorted, compare_respondent);
      answers = sorted;
    }

  for (guint i = 0; i <= answers->len; i++)
    {
      RdAnswer *answer = i < answers->len ? g_ptr_array_index (answers, i) : NULL;
      guint position;
      double score;

      if (first != NULL && (answer == NULL || answer->respondent_id != first->respondent_id))
        {
          double readiness[RD_N_FACTORS];

          respondent_readiness (&respondent, readiness);
          func (first, readiness, user_data);
          memset (sums, 0, n_items * sizeof (double));
          memset (counts, 0, n_items * sizeof (guint));
          first = NULL;
        }
      if (answer == NULL)
        break;
      /* The learning log's figures are no respondent's view. */
      if (answer->respondent_id == RD_LOG_RESPONDENT_ID)
        continue;
      if (first == NULL)
        first = answer;

      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, answer->item_id));
      if (position == 0)
        continue;
      score = rd_analysis_score_answer (rd_framework_get_item (framework, position - 1), answer);
      if (isnan (score))
        continue;
      sums[position - 1] += score;
      counts[position - 1]++;
    }
}

typedef struct
{
  RdAssessmentScores *self;
  double sum[RD_N_FACTORS];
  double sum_squares[RD_N_FACTORS];
  guint n[RD_N_FACTORS];
} Spread;

static void
add_to_spread (const RdAnswer *first,
               const double    readiness[RD_N_FACTORS],
               gpointer        user_data)
{
  Spread *spread = user_data;

  spread->self->n_respondents++;
  spread->self->group_sizes[first->group]++;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (isnan (readiness[f]))
        continue;
      spread->sum[f] += readiness[f];
      spread->sum_squares[f] += readiness[f] * readiness[f];
      spread->n[f]++;
    }
}

/* The spread says how far the respondents agree: the sample standard
 * deviation of each respondent's own readiness for the factor. */
static void
compute_spread (RdFramework        *framework,
                RdAssessmentMode    mode,
                GPtrArray          *answers,
                RdAssessmentScores *self)
{
  Spread spread = { self };

  rd_assessment_scores_foreach_respondent (framework, mode, answers, NULL, add_to_spread, &spread);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double mean, variance;
      guint n = spread.n[f];

      self->factor_n[f] = n;
      if (n < 2)
        continue;
      mean = spread.sum[f] / n;
      variance = MAX (0.0, (spread.sum_squares[f] - n * mean * mean) / (n - 1));
      self->factor_spread[f] = sqrt (variance);
    }
}

RdAssessmentScores *
rd_assessment_scores_compute (RdFramework      *framework,
                              RdAssessmentMode  mode,
                              GPtrArray        *answers)
{
  RdAssessmentScores *self = rd_assessment_scores_new (framework);
  static const double no_targets[RD_N_FACTORS] = { 0 };
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, mode, answers, no_targets);

  /* Untrusted readiness is not compared: too few items stand behind it. */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (analysis, f, &result);
      self->factor[f] = result.trusted ? result.readiness : NAN;
    }
  for (guint a = 0; a < self->n_areas; a++)
    self->area[a] = rd_analysis_get_area_score (analysis, self->area_ids[a], NULL);

  compute_spread (framework, mode, answers, self);
  return self;
}
