#define G_LOG_DOMAIN "rd-group-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
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
  RdGroupPlan plan;
  GArray *groups;          /* of RdGroupResult, the views in group order */
  char *combined_title;
  int view_of[RD_N_GROUPS];  /* index into groups, or -1 */
  GHashTable *moments;     /* item id → Moments[RD_N_GROUPS], by view */
  GHashTable *shown;       /* item id → gboolean[RD_N_GROUPS], by view */
};

G_DEFINE_FINAL_TYPE (RdGroupComparison, rd_group_comparison, G_TYPE_OBJECT)

static void
rd_group_comparison_finalize (GObject *object)
{
  RdGroupComparison *self = RD_GROUP_COMPARISON (object);

  g_clear_object (&self->framework);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->combined_title, g_free);
  g_clear_pointer (&self->moments, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

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
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* The views in group order, the combined one where its first group is. */
static void
add_views (RdGroupComparison *self,
           const guint        n_respondents[RD_N_GROUPS])
{
  gboolean combined_added = FALSE;

  for (guint g = 0; g < RD_N_GROUPS; g++)
    self->view_of[g] = -1;

  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      RdGroupResult view = { g, 1u << g };

      if (self->plan.view[g] == RD_GROUP_VIEW_OWN)
        {
          view.title = rd_group_get_title (g);
          view.n_respondents = n_respondents[g];
        }
      else if (self->plan.view[g] == RD_GROUP_VIEW_COMBINED && !combined_added)
        {
          self->combined_title = rd_group_combined_title (self->plan.combined);
          view.groups = self->plan.combined;
          view.combined = TRUE;
          view.title = self->combined_title;
          for (guint m = 0; m < RD_N_GROUPS; m++)
            if (self->plan.combined & (1u << m))
              view.n_respondents += n_respondents[m];
          combined_added = TRUE;
        }
      else
        {
          continue;
        }
      g_array_append_val (self->groups, view);
    }

  for (guint v = 0; v < self->groups->len; v++)
    for (guint g = 0; g < RD_N_GROUPS; g++)
      if (g_array_index (self->groups, RdGroupResult, v).groups & (1u << g))
        self->view_of[g] = (int) v;
}

/* Per item and view, the moments of the respondents' scores. */
static void
collect_moments (RdGroupComparison *self,
                 GPtrArray         *answers)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      RdItem *item;
      Moments *moments;
      double score;
      int v;

      if (answer->group >= RD_N_GROUPS || (v = self->view_of[answer->group]) < 0)
        continue;
      item = rd_framework_lookup_item (self->framework, answer->item_id);
      if (item == NULL || !rd_framework_item_in_mode (self->framework, item, self->mode))
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
      moments[v].sum += score;
      moments[v].sum_of_squares += score * score;
      moments[v].n++;
      moments[v].bands[rd_score_band (score)]++;
    }
}

/* Which item figures each view may show, by the answers behind each. */
static void
check_items (RdGroupComparison *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->moments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Moments *moments = value;
      guint n[RD_N_GROUPS];
      gboolean *shown = g_new0 (gboolean, RD_N_GROUPS);

      for (guint v = 0; v < self->groups->len; v++)
        n[v] = moments[v].n;
      rd_anonymity_check_figures (n, self->groups->len, self->plan.threshold, shown);
      g_hash_table_insert (self->shown, key, shown);
    }
}

/* A view's readiness per factor, from its shown item figures only: no
 * factor figure rests on an item figure that is hidden. */
static void
compute_factors (RdGroupComparison *self,
                 guint              v,
                 GPtrArray         *answers,
                 const double       targets[RD_N_FACTORS])
{
  RdGroupResult *view = &g_array_index (self->groups, RdGroupResult, v);
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RdAnalysis) analysis = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((gboolean *) value)[v])
      g_hash_table_add (items, key);

  analysis = rd_analysis_new_for_groups (self->framework, self->mode, answers, targets, view->groups, items);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    rd_analysis_get_factor (analysis, f, &view->factors[f]);
}

RdGroupComparison *
rd_group_comparison_new (RdFramework      *framework,
                         RdAssessmentMode  mode,
                         GPtrArray        *answers,
                         const double      targets[RD_N_FACTORS],
                         guint             threshold)
{
  g_autoptr(RdAnalysis) everyone = NULL;
  guint n_respondents[RD_N_GROUPS];
  RdGroupComparison *self;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  self = g_object_new (RD_TYPE_GROUP_COMPARISON, NULL);
  self->framework = g_object_ref (framework);
  self->mode = mode;

  everyone = rd_analysis_new (framework, mode, answers, targets);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    n_respondents[g] = rd_analysis_count_group (everyone, g);
  rd_group_plan_init (&self->plan, n_respondents, threshold);

  add_views (self, n_respondents);
  collect_moments (self, answers);
  check_items (self);
  for (guint v = 0; v < self->groups->len; v++)
    compute_factors (self, v, answers, targets);

  return self;
}

guint
rd_group_comparison_get_threshold (RdGroupComparison *self)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), 0);
  return self->plan.threshold;
}

/* The views: groups shown on their own, and the combined one. */
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

/* Whether @item is asked of any group of view @index: a view it is not
 * asked has no figure for it because nobody was to answer, not because
 * too few did. */
gboolean
rd_group_comparison_view_is_asked (RdGroupComparison *self,
                                   guint              index,
                                   RdItem            *item)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), FALSE);
  g_return_val_if_fail (index < self->groups->len, FALSE);
  return (g_array_index (self->groups, RdGroupResult, index).groups & rd_item_get_audience (item)) != 0;
}

/* What a view shows for an item its groups are not asked. */
const char *
rd_group_not_asked_text (void)
{
  /* Translators: in place of a group's figure on an item that group is not asked */
  return C_("group figure", "not asked");
}

RdGroupView
rd_group_comparison_get_view (RdGroupComparison *self,
                              RdGroup            group)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), RD_GROUP_VIEW_NONE);
  g_return_val_if_fail (group < RD_N_GROUPS, RD_GROUP_VIEW_NONE);
  return self->plan.view[group];
}

/* Shown on its own. */
gboolean
rd_group_comparison_is_shown (RdGroupComparison *self,
                              RdGroup            group)
{
  return rd_group_comparison_get_view (self, group) == RD_GROUP_VIEW_OWN;
}

/* How many groups answered but are shown nowhere. Only the number of
 * groups, never which, so that no small group can be singled out. */
guint
rd_group_comparison_get_n_withheld (RdGroupComparison *self)
{
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), 0);
  return self->plan.n_withheld;
}

/* The rule as it applies here, for under the views on screen and in the
 * report: the threshold, the combined groups, the withheld ones, and why
 * there is nothing to compare when there is not. */
char *
rd_group_comparison_describe_rule (RdGroupComparison *self)
{
  GString *rule;
  guint threshold;

  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), NULL);

  threshold = self->plan.threshold;
  rule = g_string_new (NULL);
  /* Translators: the anonymity rule under the views of the groups; %u is
   * the threshold, the words in quotes those shown for a hidden figure */
  g_string_append_printf (rule, g_dngettext (GETTEXT_PACKAGE,
                                             "A group’s figure is shown only when it rests on the answers of at least %u respondent, so that nobody’s answers can be recognised; otherwise it reads “%s”.",
                                             "A group’s figure is shown only when it rests on the answers of at least %u respondents, so that nobody’s answers can be recognised; otherwise it reads “%s”.",
                                             threshold),
                          threshold, rd_anonymity_get_hidden_text ());
  /* A combined group that is the whole school is no view of its own. */
  if (self->combined_title != NULL && self->groups->len >= 2)
    {
      g_autofree char *list = rd_group_list_title (self->plan.combined);

      g_string_append_c (rule, ' ');
      /* Translators: %s lists the groups, "School leaders and support staff" */
      g_string_append_printf (rule, _("%s are shown combined: a group with fewer respondents is never shown on "
                                      "its own, and leaving it out would let the school’s figures minus the "
                                      "others give it away."),
                              list);
    }
  if (self->plan.n_withheld > 0)
    {
      g_string_append_c (rule, ' ');
      g_string_append (rule, _("No group is shown apart: beside the groups that are too small there is only one "
                               "other, and its figures together with the school’s would give them away."));
    }
  else if (self->groups->len < 2)
    {
      g_string_append_c (rule, ' ');
      g_string_append (rule, _("Views can be compared once at least two groups have enough respondents."));
    }
  return g_string_free (rule, FALSE);
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

/* @item's figures in each view: FALSE when no view has an answer to it. */
gboolean
rd_group_comparison_get_item_figures (RdGroupComparison *self,
                                      RdItem            *item,
                                      RdItemDifference  *figures)
{
  const Moments *moments;
  const gboolean *shown;
  double low = INFINITY, high = -INFINITY;

  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  *figures = (RdItemDifference) { item };
  for (guint v = 0; v < RD_N_GROUPS; v++)
    figures->mean[v] = figures->spread[v] = NAN;

  moments = g_hash_table_lookup (self->moments, rd_item_get_id (item));
  shown = g_hash_table_lookup (self->shown, rd_item_get_id (item));
  if (moments == NULL)
    return FALSE;

  for (guint v = 0; v < self->groups->len; v++)
    {
      if (!shown[v])
        continue;
      figures->shown[v] = TRUE;
      figures->n[v] = moments[v].n;
      memcpy (figures->bands[v], moments[v].bands, sizeof figures->bands[v]);
      figures->mean[v] = moments[v].sum / moments[v].n;
      /* Population standard deviation; rounding can dip the variance below 0. */
      figures->spread[v] = sqrt (MAX (0.0, moments[v].sum_of_squares / moments[v].n -
                                             figures->mean[v] * figures->mean[v]));
      low = MIN (low, figures->mean[v]);
      high = MAX (high, figures->mean[v]);
    }
  figures->difference = high >= low ? high - low : NAN;
  return TRUE;
}

/* Items on which the views' shown mean scores lie furthest apart, largest
 * first; an item counts when at least two views show a figure for it. */
GArray *
rd_group_comparison_list_differences (RdGroupComparison *self,
                                      guint              max_items)
{
  GArray *differences;

  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (self), NULL);

  differences = g_array_new (FALSE, FALSE, sizeof (RdItemDifference));
  for (guint i = 0; i < rd_framework_get_n_items (self->framework); i++)
    {
      RdItemDifference difference;
      guint n_shown = 0;

      if (!rd_group_comparison_get_item_figures (self, rd_framework_get_item (self->framework, i), &difference))
        continue;
      for (guint v = 0; v < RD_N_GROUPS; v++)
        n_shown += difference.shown[v] ? 1 : 0;
      if (n_shown >= 2)
        g_array_append_val (differences, difference);
    }

  /* Stable, so ties keep the framework's order. */
  g_array_sort (differences, compare_differences);
  if (max_items > 0 && differences->len > max_items)
    g_array_set_size (differences, max_items);
  return differences;
}
