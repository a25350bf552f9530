#define G_LOG_DOMAIN "rd-group-comparison"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-group-comparison.h"

typedef struct
{
  double sum;
  double sum_of_squares;
  guint n;
  guint bands[RD_N_SCORE_BANDS];
} Moments;

struct _RdGroupComparison
{
  GObject parent_instance;

  RdFramework *framework;
  RdAssessmentMode mode;
  guint threshold;
  GArray *groups;          /* of RdGroupResult, shown groups in RdGroup order */
  gboolean shown[RD_N_GROUPS];
  guint n_withheld;        /* groups with respondents but below the threshold */
  GHashTable *moments;     /* item id → Moments[RD_N_GROUPS] */
};

G_DEFINE_FINAL_TYPE (RdGroupComparison, rd_group_comparison, G_TYPE_OBJECT)

static void
rd_group_comparison_finalize (GObject *object)
{
  RdGroupComparison *self = RD_GROUP_COMPARISON (object);

  g_clear_object (&self->framework);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->moments, g_hash_table_unref);

  G_OBJECT_CLASS (rd_group_comparison_parent_class)->finalize (object);
}

static void
rd_group_comparison_class_init (RdGroupComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_group_comparison_finalize;
}

static void
rd_group_comparison_init (RdGroupComparison *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (RdGroupResult));
  self->moments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

RdGroupComparison *
rd_group_comparison_new (RdFramework      *framework,
                         RdAssessmentMode  mode,
                         GPtrArray        *answers,
                         const double      targets[RD_N_FACTORS],
                         guint             threshold)
{
  g_autoptr(RdAnalysis) everyone = NULL;
  RdGroupComparison *self;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  self = g_object_new (RD_TYPE_GROUP_COMPARISON, NULL);
  self->framework = g_object_ref (framework);
  self->mode = mode;
  self->threshold = MAX (threshold, 1);

  everyone = rd_analysis_new (framework, mode, answers, targets);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      guint n = rd_analysis_count_group (everyone, g);
      g_autoptr(RdAnalysis) analysis = NULL;
      RdGroupResult result = { g, n };

      if (n == 0)
        continue;
      if (n < self->threshold)
        {
          self->n_withheld++;
          continue;
        }

      analysis = rd_analysis_new_filtered (framework, mode, answers, targets, g, NULL);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        rd_analysis_get_factor (analysis, f, &result.factors[f]);
      g_array_append_val (self->groups, result);
      self->shown[g] = TRUE;
    }

  /* Per item and shown group, the moments of the respondents' scores. */
  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      RdItem *item;
      Moments *moments;
      double score;

      if (!self->shown[answer->group])
        continue;
      item = rd_framework_lookup_item (framework, answer->item_id);
      if (item == NULL || !rd_framework_item_in_mode (framework, item, mode))
        continue;
      score = rd_analysis_score_answer (item, answer);
      if (isnan (score))
        continue;

      moments = g_hash_table_lookup (self->moments, rd_item_get_id (item));
      if (moments == NULL)
        {
          moments = g_new0 (Moments, RD_N_GROUPS);
          g_hash_table_insert (self->moments, (char *) rd_item_get_id (item), moments);
        }
      moments[answer->group].sum += score;
      moments[answer->group].sum_of_squares += score * score;
      moments[answer->group].n++;
      moments[answer->group].bands[rd_score_band (score)]++;
    }

  return self;
}

guint
rd_group_comparison_get_threshold (RdGroupComparison *self)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), 0);
  return self->threshold;
}

/* The groups shown: at least the threshold's number of respondents. */
guint
rd_group_comparison_get_n_groups (RdGroupComparison *self)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), 0);
  return self->groups->len;
}

const RdGroupResult *
rd_group_comparison_get_group (RdGroupComparison *self,
                               guint              index)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return &g_array_index (self->groups, RdGroupResult, index);
}

gboolean
rd_group_comparison_is_shown (RdGroupComparison *self,
                              RdGroup            group)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), FALSE);
  g_return_val_if_fail (group < RD_N_GROUPS, FALSE);
  return self->shown[group];
}

/* How many groups answered but are too small to show. Only the number of
 * groups, never which, so that no small group can be singled out. */
guint
rd_group_comparison_get_n_withheld (RdGroupComparison *self)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), 0);
  return self->n_withheld;
}

guint
rd_score_band (double score)
{
  if (!(score > 0.0))
    return 0;
  return MIN ((guint) (score / (100.0 / RD_N_SCORE_BANDS)), RD_N_SCORE_BANDS - 1);
}

static int
compare_differences (gconstpointer a,
                     gconstpointer b)
{
  const RdItemDifference *x = a, *y = b;

  return (x->difference < y->difference) - (x->difference > y->difference);
}

/* Items on which the shown groups' mean scores lie furthest apart, largest
 * first; an item counts when at least two shown groups scored it. */
GArray *
rd_group_comparison_list_differences (RdGroupComparison *self,
                                      guint              max_items)
{
  GArray *differences;

  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), NULL);

  differences = g_array_new (FALSE, FALSE, sizeof (RdItemDifference));
  for (guint i = 0; i < rd_framework_get_n_items (self->framework); i++)
    {
      RdItem *item = rd_framework_get_item (self->framework, i);
      Moments *moments = g_hash_table_lookup (self->moments, rd_item_get_id (item));
      RdItemDifference difference = { item };
      double low = INFINITY, high = -INFINITY;
      guint n_groups = 0;

      if (moments == NULL)
        continue;

      for (guint g = 0; g < RD_N_GROUPS; g++)
        {
          difference.mean[g] = NAN;
          difference.spread[g] = NAN;
          difference.n[g] = moments[g].n;
          memcpy (difference.bands[g], moments[g].bands, sizeof difference.bands[g]);
          if (moments[g].n == 0)
            continue;

          difference.mean[g] = moments[g].sum / moments[g].n;
          /* Population standard deviation; rounding can dip the variance below 0. */
          difference.spread[g] = sqrt (MAX (0.0, moments[g].sum_of_squares / moments[g].n -
                                                 difference.mean[g] * difference.mean[g]));
          low = MIN (low, difference.mean[g]);
          high = MAX (high, difference.mean[g]);
          n_groups++;
        }

      if (n_groups < 2)
        continue;
      difference.difference = high - low;
      g_array_append_val (differences, difference);
    }

  /* Stable, so ties keep the framework's order. */
  g_array_sort (differences, compare_differences);
  if (max_items > 0 && differences->len > max_items)
    g_array_set_size (differences, max_items);
  return differences;
}
