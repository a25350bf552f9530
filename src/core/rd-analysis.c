#define G_LOG_DOMAIN "rd-analysis"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rd-analysis.h"
#include "rd-comparison.h"
#include "rd-learning-facts.h"

/* One answer to a fact, in the fact's unit. */
typedef struct
{
  double value;          /* dates: the age in whole months */
  double score;
  guint32 julian_day;    /* dates only */
  RdGroup group;
} FactAnswer;

/* The answers an item's score rests on. */
typedef struct
{
  double sum;            /* of the scores */
  guint n;
  double score;          /* statements: the mean; facts: the median */
  GArray *facts;         /* of FactAnswer; NULL for statements */
} ItemAnswers;

static void
item_answers_free (ItemAnswers *answers)
{
  g_clear_pointer (&answers->facts, g_array_unref);
  g_free (answers);
}

struct _RdAnalysis
{
  GObject parent_instance;

  RdFramework *framework;
  RdAssessmentMode mode;
  guint groups;                     /* whose answers count, 1 << RdGroup bits */
  GHashTable *only_items;           /* item ids, or NULL for all */
  double targets[RD_N_FACTORS];

  GHashTable *items;                /* item id → ItemAnswers */
  guint n_respondents;
  guint group_counts[RD_N_GROUPS];  /* respondents per group with any answer */
  RdFactorResult factors[RD_N_FACTORS];
};

G_DEFINE_FINAL_TYPE (RdAnalysis, rd_analysis, G_TYPE_OBJECT)

static void
rd_analysis_finalize (GObject *object)
{
  RdAnalysis *self = RD_ANALYSIS (object);

  g_clear_object (&self->framework);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->only_items, g_hash_table_unref);

  G_OBJECT_CLASS (rd_analysis_parent_class)->finalize (object);
}

static void
rd_analysis_class_init (RdAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_analysis_finalize;
}

static void
rd_analysis_init (RdAnalysis *self)
{
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) item_answers_free);
}

/* The score of one answer, 0–100, or NAN when it does not count: not
 * applicable, an incomparable older version, a value the item rejects, or
 * an answer from a group the item does not ask. A fact is scored on the
 * ladder of the answer's school type. */
double
rd_analysis_score_answer (RdItem         *item,
                          const RdAnswer *answer)
{
  if (answer->not_applicable)
    return NAN;
  if (!rd_item_asks (item, answer->group))
    return NAN;
  if (!rd_item_accepts_version (item, answer->item_version))
    return NAN;

  if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date, reference;

      rd_answer_get_date (answer, &date);
      rd_answer_get_reference_date (answer, &reference);
      return rd_item_score_date (item, answer->school_type, &date, &reference);
    }

  return rd_item_score_value (item, answer->school_type, answer->value);
}

/**
 * rd_gap_to_target:
 *
 * The gap, as every output shows it (screen, report, exports, command
 * line, comparison): how far @readiness lies below @target, and 0 once the
 * target is reached or passed. NAN when either is unknown.
 */
double
rd_gap_to_target (double readiness,
                  double target)
{
  if (isnan (readiness) || isnan (target))
    return NAN;
  return MAX (0.0, target - readiness);
}

/* A scored answer to a fact, as its value: a date as its age on the
 * reference date, counted as rd_analysis_score_answer() counts it. */
static FactAnswer
fact_answer (RdItem         *item,
             const RdAnswer *answer,
             double          score)
{
  FactAnswer fact = { answer->value, score, 0, answer->group };

  if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date, reference;

      rd_answer_get_date (answer, &date);
      rd_answer_get_reference_date (answer, &reference);
      fact.value = rd_months_between (&date, &reference);
      fact.julian_day = answer->julian_day;
    }
  return fact;
}

static gboolean
item_counts (RdAnalysis *self,
             RdItem     *item)
{
  if (!rd_framework_item_in_mode (self->framework, item, self->mode))
    return FALSE;
  if (self->only_items != NULL && !g_hash_table_contains (self->only_items, rd_item_get_id (item)))
    return FALSE;
  return TRUE;
}

static void
collect_answers (RdAnalysis *self,
                 GPtrArray  *answers,
                 guint       groups)
{
  g_autoptr(GHashTable) respondents = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      RdItem *item;
      ItemAnswers *scored;
      double score;

      if (answer->group >= RD_N_GROUPS || (groups & (1u << answer->group)) == 0)
        continue;

      /* The learning log speaks as a pseudo-respondent: no one counted. */
      if (answer->respondent_id != RD_LOG_RESPONDENT_ID &&
          !g_hash_table_contains (respondents, &answer->respondent_id))
        {
          g_hash_table_add (respondents, (gpointer) &answer->respondent_id);
          self->group_counts[answer->group]++;
        }

      item = rd_framework_lookup_item (self->framework, answer->item_id);
      if (item == NULL || !item_counts (self, item))
        continue;

      score = rd_analysis_score_answer (item, answer);
      if (isnan (score))
        continue;

      scored = g_hash_table_lookup (self->items, rd_item_get_id (item));
      if (scored == NULL)
        {
          scored = g_new0 (ItemAnswers, 1);
          if (rd_item_kind_is_fact (rd_item_get_kind (item)))
            scored->facts = g_array_new (FALSE, FALSE, sizeof (FactAnswer));
          g_hash_table_insert (self->items, (char *) rd_item_get_id (item), scored);
        }
      scored->sum += score;
      scored->n++;
      if (scored->facts != NULL)
        {
          FactAnswer fact = fact_answer (item, answer, score);

          g_array_append_val (scored->facts, fact);
        }
    }

  self->n_respondents = g_hash_table_size (respondents);
}

static double
median (double *values,
        guint   n)
{
  rd_sort_doubles (values, n);
  return rd_quantile_sorted (values, n, 0.5);
}

/* A fact has one true value, not a mean of opinions: it rests on the
 * answers of its responsible group, or, when none of them answered, on
 * those of the rest of its audience; its score is the median of their
 * scores, so that one wild guess cannot move it. */
static void
settle_fact (RdItem      *item,
             ItemAnswers *scored)
{
  g_autofree double *scores = NULL;
  RdGroup responsible;
  gboolean any_responsible = FALSE;

  if (rd_item_get_responsible (item, &responsible))
    for (guint i = 0; i < scored->facts->len && !any_responsible; i++)
      any_responsible = g_array_index (scored->facts, FactAnswer, i).group == responsible;

  for (guint i = 0; any_responsible && i < scored->facts->len; i++)
    if (g_array_index (scored->facts, FactAnswer, i).group != responsible)
      g_array_remove_index (scored->facts, i--);

  scored->n = scored->facts->len;
  scored->sum = 0;
  scores = g_new (double, scored->n);
  for (guint i = 0; i < scored->n; i++)
    {
      scores[i] = g_array_index (scored->facts, FactAnswer, i).score;
      scored->sum += scores[i];
    }
  scored->score = median (scores, scored->n);
}

static void
settle_items (RdAnalysis *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ItemAnswers *scored = value;

      if (scored->facts != NULL)
        settle_fact (rd_framework_lookup_item (self->framework, key), scored);
      else
        scored->score = scored->sum / scored->n;
    }
}

static void
compute_factors (RdAnalysis *self)
{
  guint n_items = rd_framework_get_n_items (self->framework);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult *result = &self->factors[f];
      double weighted_sum = 0, weight_sum = 0;

      result->target = self->targets[f];

      for (guint i = 0; i < n_items; i++)
        {
          RdItem *item = rd_framework_get_item (self->framework, i);
          double weight = rd_item_get_weight (item, f);
          double score;

          /* An item left out by only_items is still one of the factor's,
           * unanswered: a factor shown from a few items is no more trusted.
           * An item none of these groups is asked is none of theirs. */
          if (weight <= 0 || !rd_framework_item_in_mode (self->framework, item, self->mode) ||
              (rd_item_get_audience (item) & self->groups) == 0)
            continue;

          result->n_items++;
          score = rd_analysis_get_item_score (self, rd_item_get_id (item), NULL);
          if (isnan (score))
            continue;

          result->n_answered++;
          weighted_sum += weight * score;
          weight_sum += weight;
        }

      result->readiness = weight_sum > 0 ? weighted_sum / weight_sum : NAN;
      result->gap = rd_gap_to_target (result->readiness, result->target);
      result->trusted = result->n_answered >= RD_ANALYSIS_MIN_ANSWERED &&
                        2 * result->n_answered >= result->n_items;
    }
}

/* The answers of the groups in @groups (1 << RdGroup bits) only, and of
 * @only_items only when it is not NULL; the items it leaves out still
 * count among their factors' items, as unanswered. */
RdAnalysis *
rd_analysis_new_for_groups (RdFramework       *framework,
                            RdAssessmentMode   mode,
                            GPtrArray         *answers,
                            const double       targets[RD_N_FACTORS],
                            guint              groups,
                            GHashTable        *only_items)
{
  RdAnalysis *self;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  self = g_object_new (RD_TYPE_ANALYSIS, NULL);
  self->framework = g_object_ref (framework);
  self->mode = mode;
  self->groups = groups;
  self->only_items = only_items ? g_hash_table_ref (only_items) : NULL;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    self->targets[f] = targets ? targets[f] : rd_framework_get_default_target (framework, f);

  collect_answers (self, answers, groups);
  settle_items (self);
  compute_factors (self);

  return self;
}

RdAnalysis *
rd_analysis_new_filtered (RdFramework       *framework,
                          RdAssessmentMode   mode,
                          GPtrArray         *answers,
                          const double       targets[RD_N_FACTORS],
                          int                group,
                          GHashTable        *only_items)
{
  g_return_val_if_fail (group >= RD_ANALYSIS_ALL_GROUPS && group < RD_N_GROUPS, NULL);

  return rd_analysis_new_for_groups (framework, mode, answers, targets,
                                     group == RD_ANALYSIS_ALL_GROUPS ? RD_ANALYSIS_EVERY_GROUP : 1u << group,
                                     only_items);
}

RdAnalysis *
rd_analysis_new (RdFramework      *framework,
                 RdAssessmentMode  mode,
                 GPtrArray        *answers,
                 const double      targets[RD_N_FACTORS])
{
  return rd_analysis_new_filtered (framework, mode, answers, targets,
                                   RD_ANALYSIS_ALL_GROUPS, NULL);
}

RdFramework *
rd_analysis_get_framework (RdAnalysis *self)
{
  g_return_val_if_fail (RD_IS_ANALYSIS (self), NULL);
  return self->framework;
}

guint
rd_analysis_get_n_respondents (RdAnalysis *self)
{
  g_return_val_if_fail (RD_IS_ANALYSIS (self), 0);
  return self->n_respondents;
}

/* Items with at least one answer that has a score. */
guint
rd_analysis_get_n_scored_items (RdAnalysis *self)
{
  g_return_val_if_fail (RD_IS_ANALYSIS (self), 0);
  return g_hash_table_size (self->items);
}

guint
rd_analysis_count_group (RdAnalysis *self,
                         RdGroup     group)
{
  g_return_val_if_fail (RD_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (group < RD_N_GROUPS, 0);
  return self->group_counts[group];
}

/* A statement's score is the mean over the respondents of its audience
 * who answered; a fact's is the median over the answers its value rests
 * on (settle_fact). NAN when nobody answered. @n_responses: how many
 * answers the score rests on. */
double
rd_analysis_get_item_score (RdAnalysis *self,
                            const char *item_id,
                            guint      *n_responses)
{
  ItemAnswers *scored;

  g_return_val_if_fail (RD_IS_ANALYSIS (self), NAN);

  scored = g_hash_table_lookup (self->items, item_id);
  if (n_responses != NULL)
    *n_responses = scored ? scored->n : 0;

  return scored ? scored->score : NAN;
}

/* The plain mean of the area's answered item scores. */
double
rd_analysis_get_area_score (RdAnalysis *self,
                            const char *area_id,
                            guint      *n_answered)
{
  guint n_items, answered = 0;
  double sum = 0;

  g_return_val_if_fail (RD_IS_ANALYSIS (self), NAN);

  n_items = rd_framework_get_n_items (self->framework);
  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (self->framework, i);
      double score;

      if (!g_str_equal (rd_item_get_area_id (item), area_id) || !item_counts (self, item))
        continue;

      score = rd_analysis_get_item_score (self, rd_item_get_id (item), NULL);
      if (!isnan (score))
        {
          sum += score;
          answered++;
        }
    }

  if (n_answered != NULL)
    *n_answered = answered;

  return answered > 0 ? sum / answered : NAN;
}

/**
 * rd_analysis_get_fact_values:
 * @item: a fact: a number, percentage, yes/no or date item
 * @values: (out caller-allocates): the answers its value and score rest on
 *
 * Returns: FALSE when @item is a statement or has no scored answer.
 */
gboolean
rd_analysis_get_fact_values (RdAnalysis   *self,
                             RdItem       *item,
                             RdFactValues *values)
{
  g_autofree double *sorted = NULL;
  ItemAnswers *scored;

  g_return_val_if_fail (RD_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (RD_IS_ITEM (item), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  *values = (RdFactValues) { .kind = rd_item_get_kind (item), .median = NAN, .min = NAN, .max = NAN };
  g_date_clear (&values->date, 1);

  scored = g_hash_table_lookup (self->items, rd_item_get_id (item));
  if (scored == NULL || scored->facts == NULL || scored->facts->len == 0)
    return FALSE;

  values->n = scored->facts->len;
  sorted = g_new (double, values->n);
  for (guint i = 0; i < values->n; i++)
    {
      const FactAnswer *fact = &g_array_index (scored->facts, FactAnswer, i);

      sorted[i] = fact->value;
      if (values->kind == RD_ITEM_KIND_YES_NO && fact->value == 1)
        values->n_yes++;
    }
  values->median = median (sorted, values->n);
  values->min = sorted[0];
  values->max = sorted[values->n - 1];
  for (guint i = 0; i < values->n; i++)
    values->n_distinct += i == 0 || sorted[i] != sorted[i - 1];

  if (values->kind == RD_ITEM_KIND_DATE && values->n == 1)
    g_date_set_julian (&values->date, g_array_index (scored->facts, FactAnswer, 0).julian_day);

  return TRUE;
}

void
rd_analysis_get_factor (RdAnalysis     *self,
                        RdFactor        factor,
                        RdFactorResult *result)
{
  g_return_if_fail (RD_IS_ANALYSIS (self));
  g_return_if_fail (factor < RD_N_FACTORS);

  *result = self->factors[factor];
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const RdItemGap *gap_a = a;
  const RdItemGap *gap_b = b;

  if (gap_a->weighted_gap > gap_b->weighted_gap)
    return -1;
  if (gap_a->weighted_gap < gap_b->weighted_gap)
    return 1;
  return 0;
}

static gboolean
item_gap (RdAnalysis *self,
          RdItem     *item,
          RdFactor    factor,
          RdItemGap  *gap)
{
  double weight = rd_item_get_weight (item, factor);
  double score;

  if (weight <= 0 || !item_counts (self, item))
    return FALSE;

  score = rd_analysis_get_item_score (self, rd_item_get_id (item), NULL);
  if (isnan (score) || score >= self->targets[factor])
    return FALSE;

  gap->item = item;
  gap->factor = factor;
  gap->score = score;
  gap->weighted_gap = weight * (self->targets[factor] - score);
  return TRUE;
}

static GArray *
sort_and_cut (GArray *gaps,
              guint   max_items)
{
  /* g_array_sort is a stable merge sort, so ties keep the framework's order. */
  g_array_sort (gaps, compare_gaps);
  if (max_items > 0 && gaps->len > max_items)
    g_array_set_size (gaps, max_items);
  return gaps;
}

/* Items below the factor's target, largest weighted gap first. */
GArray *
rd_analysis_list_weakest_items (RdAnalysis *self,
                                RdFactor    factor,
                                guint       max_items)
{
  GArray *gaps;
  guint n_items;

  g_return_val_if_fail (RD_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (factor < RD_N_FACTORS, NULL);

  gaps = g_array_new (FALSE, FALSE, sizeof (RdItemGap));
  n_items = rd_framework_get_n_items (self->framework);
  for (guint i = 0; i < n_items; i++)
    {
      RdItemGap gap;

      if (item_gap (self, rd_framework_get_item (self->framework, i), factor, &gap))
        g_array_append_val (gaps, gap);
    }

  return sort_and_cut (gaps, max_items);
}

/* Every item once, under the factor where its weighted gap is largest. */
GArray *
rd_analysis_list_priorities (RdAnalysis *self,
                             guint       max_items)
{
  GArray *gaps;
  guint n_items;

  g_return_val_if_fail (RD_IS_ANALYSIS (self), NULL);

  gaps = g_array_new (FALSE, FALSE, sizeof (RdItemGap));
  n_items = rd_framework_get_n_items (self->framework);
  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (self->framework, i);
      RdItemGap best = { NULL };

      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdItemGap gap;

          if (item_gap (self, item, f, &gap) &&
              (best.item == NULL || gap.weighted_gap > best.weighted_gap))
            best = gap;
        }

      if (best.item != NULL)
        g_array_append_val (gaps, best);
    }

  return sort_and_cut (gaps, max_items);
}

/* Readiness in two assessments of one school, each computed over only the
 * items that count in both, so that a change measures the school and not a
 * change of questions. */
void
rd_analysis_compare (RdFramework      *framework,
                     RdAssessmentMode  before_mode,
                     GPtrArray        *before_answers,
                     RdAssessmentMode  after_mode,
                     GPtrArray        *after_answers,
                     RdFactorChange    changes[RD_N_FACTORS])
{
  g_autoptr(RdAnalysis) before_all = NULL;
  g_autoptr(RdAnalysis) after_all = NULL;
  g_autoptr(RdAnalysis) before = NULL;
  g_autoptr(RdAnalysis) after = NULL;
  g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items;

  g_return_if_fail (RD_IS_FRAMEWORK (framework));

  before_all = rd_analysis_new (framework, before_mode, before_answers, NULL);
  after_all = rd_analysis_new (framework, after_mode, after_answers, NULL);

  n_items = rd_framework_get_n_items (framework);
  for (guint i = 0; i < n_items; i++)
    {
      const char *id = rd_item_get_id (rd_framework_get_item (framework, i));

      if (!isnan (rd_analysis_get_item_score (before_all, id, NULL)) &&
          !isnan (rd_analysis_get_item_score (after_all, id, NULL)))
        g_hash_table_add (common, (char *) id);
    }

  before = rd_analysis_new_filtered (framework, before_mode, before_answers, NULL,
                                     RD_ANALYSIS_ALL_GROUPS, common);
  after = rd_analysis_new_filtered (framework, after_mode, after_answers, NULL,
                                    RD_ANALYSIS_ALL_GROUPS, common);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult b, a;

      rd_analysis_get_factor (before, f, &b);
      rd_analysis_get_factor (after, f, &a);
      changes[f].before = b.readiness;
      changes[f].after = a.readiness;
      changes[f].delta = a.readiness - b.readiness;
      changes[f].n_items = a.n_answered;
    }
}
