#define G_LOG_DOMAIN "rd-results"

#include "config.h"

#include <math.h>

#include "rd-results.h"

typedef struct
{
  char *school_year;
  double readiness[RD_N_FACTORS];
} TrendPoint;

struct _RdResults
{
  GObject parent_instance;

  RdAssessment *assessment;
  RdAnalysis *analysis;
  RdAssessment *previous_assessment;
  RdAnalysis *previous;
  guint n_items;
  guint n_answered;
  GArray *trend;  /* of TrendPoint, oldest year first */
  GPtrArray *trend_versions;  /* framework versions the years were answered with, when more than one */
  guint n_trend_items;        /* then: the questions the same in all of them */
};

G_DEFINE_FINAL_TYPE (RdResults, rd_results, G_TYPE_OBJECT)

static void
clear_trend_point (gpointer data)
{
  g_free (((TrendPoint *) data)->school_year);
}

static void
rd_results_finalize (GObject *object)
{
  RdResults *self = RD_RESULTS (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->analysis);
  g_clear_object (&self->previous_assessment);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->trend_versions, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_results_parent_class)->finalize (object);
}

static void
rd_results_class_init (RdResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_results_finalize;
}

static void
rd_results_init (RdResults *self)
{
  self->trend = g_array_new (FALSE, TRUE, sizeof (TrendPoint));
  g_array_set_clear_func (self->trend, clear_trend_point);
}

static RdAnalysis *
analyse (RdStore       *store,
         RdFramework   *framework,
         RdAssessment  *assessment,
         GHashTable    *only_items,
         GPtrArray    **answers_out,
         GError       **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  double targets[RD_N_FACTORS];
  RdAnalysis *analysis;

  /* With the learning log's figures (rd-learning-facts.h). */
  answers = rd_store_list_scored_answers (store, framework, rd_assessment_get_id (assessment), error);
  if (answers == NULL ||
      !rd_store_get_targets (store, rd_assessment_get_id (assessment), targets, error))
    return NULL;

  analysis = rd_analysis_new_filtered (framework, rd_assessment_get_mode (assessment), answers, targets,
                                       RD_ANALYSIS_ALL_GROUPS, only_items);
  if (answers_out != NULL)
    *answers_out = g_steal_pointer (&answers);
  return analysis;
}

/* Of several assessments in one school year the one that speaks for it: a
 * complete one before a draft, a full one before a pulse, the newest. */
static gboolean
speaks_better (RdAssessment *candidate,
               RdAssessment *current)
{
  gboolean candidate_complete = rd_assessment_get_status (candidate) == RD_ASSESSMENT_STATUS_COMPLETE;
  gboolean current_complete = rd_assessment_get_status (current) == RD_ASSESSMENT_STATUS_COMPLETE;
  gboolean candidate_full = rd_assessment_get_mode (candidate) == RD_ASSESSMENT_MODE_FULL;
  gboolean current_full = rd_assessment_get_mode (current) == RD_ASSESSMENT_MODE_FULL;

  if (candidate_complete != current_complete)
    return candidate_complete;
  if (candidate_full != current_full)
    return candidate_full;
  return rd_assessment_get_created (candidate) > rd_assessment_get_created (current);
}

/* One assessment per school year of the same framework, oldest first; the
 * assessment shown speaks for its own year. */
static GPtrArray *
assessments_by_year (RdStore       *store,
                     RdAssessment  *shown,
                     GError       **error)
{
  g_autoptr(GPtrArray) all = rd_store_list_assessments (store, rd_assessment_get_school_id (shown), error);
  g_autoptr(GHashTable) by_year = NULL;
  GPtrArray *years;

  if (all == NULL)
    return NULL;

  by_year = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < all->len; i++)
    {
      RdAssessment *candidate = g_ptr_array_index (all, i);
      const char *year = rd_assessment_get_school_year (candidate);
      RdAssessment *best = g_hash_table_lookup (by_year, year);

      if (!g_str_equal (rd_assessment_get_framework_id (candidate), rd_assessment_get_framework_id (shown)))
        continue;
      if (g_str_equal (year, rd_assessment_get_school_year (shown)))
        candidate = shown;
      if (best == NULL || candidate == shown || (best != shown && speaks_better (candidate, best)))
        g_hash_table_insert (by_year, (char *) rd_assessment_get_school_year (candidate), candidate);
    }

  years = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GList) values = g_hash_table_get_values (by_year);

    for (GList *l = values; l != NULL; l = l->next)
      g_ptr_array_add (years, g_object_ref (l->data));
  }
  return years;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  RdAssessment *x = *(RdAssessment **) a;
  RdAssessment *y = *(RdAssessment **) b;

  return g_strcmp0 (rd_assessment_get_school_year (x), rd_assessment_get_school_year (y));
}

/* "1.10" after "1.9": versions compare number by number. */
static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const char *x = *(const char **) a;
  const char *y = *(const char **) b;

  while (*x != '\0' || *y != '\0')
    {
      guint64 nx = g_ascii_strtoull (x, (char **) &x, 10);
      guint64 ny = g_ascii_strtoull (y, (char **) &y, 10);

      if (nx != ny)
        return nx < ny ? -1 : 1;
      if (*x == '.')
        x++;
      if (*y == '.')
        y++;
      if ((*x != '\0' && !g_ascii_isdigit (*x)) || (*y != '\0' && !g_ascii_isdigit (*y)))
        return g_strcmp0 (x, y);
    }
  return 0;
}

/* When the years were answered with different editions of the framework,
 * the ids of @framework's questions that are the same construct in every one
 * of them, and the versions in @versions; NULL when all years share one. */
static GHashTable *
common_items (RdFramework *framework,
              GPtrArray   *years,
              GPtrArray  **versions)
{
  g_autoptr(GPtrArray) editions = g_ptr_array_new ();
  GHashTable *common;
  guint n_items;

  for (guint i = 0; i < years->len; i++)
    {
      RdFramework *edition = rd_assessment_get_framework_edition (g_ptr_array_index (years, i), framework);

      if (!g_ptr_array_find (editions, edition, NULL))
        g_ptr_array_add (editions, edition);
    }
  if (!g_ptr_array_find (editions, framework, NULL))
    g_ptr_array_add (editions, framework);
  if (editions->len < 2)
    return NULL;

  common = g_hash_table_new (g_str_hash, g_str_equal);
  n_items = rd_framework_get_n_items (framework);
  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      gboolean everywhere = TRUE;

      for (guint e = 0; e < editions->len && everywhere; e++)
        everywhere = rd_item_same_construct (item, rd_framework_lookup_item (g_ptr_array_index (editions, e),
                                                                            rd_item_get_id (item)));
      if (everywhere)
        g_hash_table_add (common, (char *) rd_item_get_id (item));
    }

  *versions = g_ptr_array_new_with_free_func (g_free);
  for (guint e = 0; e < editions->len; e++)
    g_ptr_array_add (*versions, g_strdup (rd_framework_get_version (g_ptr_array_index (editions, e))));
  g_ptr_array_sort (*versions, (GCompareFunc) compare_versions);
  return common;
}

RdResults *
rd_results_load (RdStore      *store,
                 RdFramework  *framework,
                 gint64        assessment_id,
                 GError      **error)
{
  g_autoptr(RdResults) self = g_object_new (RD_TYPE_RESULTS, NULL);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GHashTable) trend_items = NULL;
  const char *shown_year;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self->assessment = rd_store_get_assessment (store, assessment_id, error);
  if (self->assessment == NULL)
    return NULL;

  /* A year answered with an earlier edition keeps its own figures. */
  framework = rd_assessment_get_framework_edition (self->assessment, framework);
  self->analysis = analyse (store, framework, self->assessment, NULL, &answers, error);
  if (self->analysis == NULL)
    return NULL;

  items = rd_framework_list_items (framework, NULL, rd_assessment_get_mode (self->assessment));
  self->n_items = items->len;
  self->n_answered = rd_assessment_count_answered_items (self->assessment, framework);

  years = assessments_by_year (store, self->assessment, error);
  if (years == NULL)
    return NULL;
  g_ptr_array_sort (years, compare_years);
  trend_items = common_items (framework, years, &self->trend_versions);
  if (trend_items != NULL)
    self->n_trend_items = g_hash_table_size (trend_items);

  shown_year = rd_assessment_get_school_year (self->assessment);
  for (guint i = 0; i < years->len; i++)
    {
      RdAssessment *assessment = g_ptr_array_index (years, i);
      g_autoptr(RdAnalysis) analysis = NULL;
      TrendPoint point = { g_strdup (rd_assessment_get_school_year (assessment)) };

      /* Across editions every year counts only the questions they share, on
       * this edition's yardstick. */
      if (trend_items != NULL)
        analysis = analyse (store, framework, assessment, trend_items, NULL, error);
      else
        analysis = assessment == self->assessment ? g_object_ref (self->analysis)
                                                  : analyse (store, framework, assessment, NULL, NULL, error);
      if (analysis == NULL)
        {
          g_free (point.school_year);
          return NULL;
        }

      /* An earlier year barely started says nothing: no gap-only trend point,
       * no empty outline to compare with. */
      if (assessment != self->assessment && rd_analysis_get_n_scored_items (analysis) == 0)
        {
          g_free (point.school_year);
          continue;
        }

      /* A year whose readiness cannot be trusted leaves a gap, not a number. */
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdFactorResult result;

          rd_analysis_get_factor (analysis, f, &result);
          point.readiness[f] = result.trusted ? result.readiness : NAN;
        }
      g_array_append_val (self->trend, point);

      if (g_strcmp0 (rd_assessment_get_school_year (assessment), shown_year) < 0)
        {
          g_autoptr(RdAnalysis) whole = NULL;

          /* Its area scores stand beside this year's: all questions this
           * edition counts of its answers, not only the trend's. */
          if (trend_items != NULL)
            {
              whole = analyse (store, framework, assessment, NULL, NULL, error);
              if (whole == NULL)
                {
                  g_free (point.school_year);
                  return NULL;
                }
            }
          g_set_object (&self->previous_assessment, assessment);
          g_set_object (&self->previous, (whole != NULL ? whole : analysis));
        }
    }

  return g_steal_pointer (&self);
}

RdAssessment *
rd_results_get_assessment (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NULL);
  return self->assessment;
}

RdAnalysis *
rd_results_get_analysis (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NULL);
  return self->analysis;
}

/* The school's assessment of the latest earlier year, or NULL. */
RdAnalysis *
rd_results_get_previous (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NULL);
  return self->previous;
}

RdAssessment *
rd_results_get_previous_assessment (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NULL);
  return self->previous_assessment;
}

guint
rd_results_get_n_items (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), 0);
  return self->n_items;
}

guint
rd_results_get_n_answered (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), 0);
  return self->n_answered;
}

guint
rd_results_get_n_years (RdResults *self)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), 0);
  return self->trend->len;
}

const char *
rd_results_get_year (RdResults *self,
                     guint      index)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NULL);
  g_return_val_if_fail (index < self->trend->len, NULL);
  return g_array_index (self->trend, TrendPoint, index).school_year;
}

/* Readiness of @factor in year @index; NAN where it could not be trusted. */
double
rd_results_get_trend (RdResults *self,
                      guint      index,
                      RdFactor   factor)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), NAN);
  g_return_val_if_fail (index < self->trend->len, NAN);
  g_return_val_if_fail (factor < RD_N_FACTORS, NAN);
  return g_array_index (self->trend, TrendPoint, index).readiness[factor];
}

/* Whether the trend's years were answered with different editions of the
 * framework; then @n_items is the number of questions the trend counts, the
 * ones that are the same in all of them, and @versions (transfer none) the
 * editions' versions, oldest first. */
gboolean
rd_results_get_trend_editions (RdResults   *self,
                               guint       *n_items,
                               GPtrArray  **versions)
{
  g_return_val_if_fail (RD_IS_RESULTS (self), FALSE);

  if (n_items != NULL)
    *n_items = self->n_trend_items;
  if (versions != NULL)
    *versions = self->trend_versions;
  return self->trend_versions != NULL;
}
