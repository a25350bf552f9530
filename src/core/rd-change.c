#define G_LOG_DOMAIN "rd-change"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rd-change.h"
#include "rd-fact-values.h"
#include "rd-input.h"
#include "rd-results.h"

/* A fact's score must move by at least half a point to count as moved:
 * what the screen rounds away did not move. */
#define FACT_MOVED 0.5

struct _RdChange
{
  GObject parent_instance;

  RdFramework *framework;
  char *before_year;
  char *after_year;
  RdChangeRow factors[RD_N_FACTORS];
  GArray *items;              /* of RdChangeRow, framework order */
  guint n_incomparable;
  gint64 school_id;           /* when loaded from a store; 0 otherwise */
};

G_DEFINE_FINAL_TYPE (RdChange, rd_change, G_TYPE_OBJECT)

static void
rd_change_finalize (GObject *object)
{
  RdChange *self = RD_CHANGE (object);

  g_clear_object (&self->framework);
  g_free (self->before_year);
  g_free (self->after_year);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (rd_change_parent_class)->finalize (object);
}

static void
rd_change_class_init (RdChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_change_finalize;
}

static void
rd_change_init (RdChange *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (RdChangeRow));
}

/* Each statement's scores, one per respondent who answered: item id → GArray of double. */
static GHashTable *
item_samples (RdFramework      *framework,
              RdAssessmentMode  mode,
              GPtrArray        *answers)
{
  GHashTable *samples = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);
      GArray *sample;
      double score;

      if (item == NULL || rd_item_kind_is_fact (rd_item_get_kind (item)) ||
          !rd_framework_item_in_mode (framework, item, mode))
        continue;
      score = rd_analysis_score_answer (item, answer);
      if (isnan (score))
        continue;
      sample = g_hash_table_lookup (samples, rd_item_get_id (item));
      if (sample == NULL)
        {
          sample = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (samples, (char *) rd_item_get_id (item), sample);
        }
      g_array_append_val (sample, score);
    }
  return samples;
}

/* Whether @answers hold answers to @item that an earlier, incomparable
 * version of it asked. */
static gboolean
answered_incomparably (RdItem    *item,
                       GPtrArray *answers)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);

      if (g_str_equal (answer->item_id, rd_item_get_id (item)) &&
          !rd_item_accepts_version (item, answer->item_version))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GArray *readiness[RD_N_FACTORS];
} FactorSamples;

static void
add_respondent (const RdAnswer *first,
                const double    readiness[RD_N_FACTORS],
                gpointer        user_data)
{
  FactorSamples *samples = user_data;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (!isnan (readiness[f]))
      g_array_append_val (samples->readiness[f], readiness[f]);
}

static void
factor_samples (RdFramework      *framework,
                RdAssessmentMode  mode,
                GPtrArray        *answers,
                GHashTable       *common,
                FactorSamples    *samples)
{
  for (guint f = 0; f < RD_N_FACTORS; f++)
    samples->readiness[f] = g_array_new (FALSE, FALSE, sizeof (double));
  rd_assessment_scores_foreach_respondent (framework, mode, answers, common, add_respondent, samples);
}

static void
factor_samples_clear (FactorSamples *samples)
{
  for (guint f = 0; f < RD_N_FACTORS; f++)
    g_clear_pointer (&samples->readiness[f], g_array_unref);
}

/**
 * rd_change_compute:
 *
 * The change from @before_answers to @after_answers, both scored with
 * @framework (the later year's edition): a question an earlier version
 * asked differently has no score before and is left out. A factor's
 * readiness on either side counts only the questions answered in both
 * (as rd_analysis_compare() does), and is tested on each respondent's
 * own readiness over those questions.
 */
RdChange *
rd_change_compute (RdFramework      *framework,
                   const char       *before_year,
                   RdAssessmentMode  before_mode,
                   GPtrArray        *before_answers,
                   const char       *after_year,
                   RdAssessmentMode  after_mode,
                   GPtrArray        *after_answers)
{
  g_autoptr(RdChange) self = g_object_new (RD_TYPE_CHANGE, NULL);
  g_autoptr(RdAnalysis) before_all = rd_analysis_new (framework, before_mode, before_answers, NULL);
  g_autoptr(RdAnalysis) after_all = rd_analysis_new (framework, after_mode, after_answers, NULL);
  g_autoptr(RdAnalysis) before = NULL;
  g_autoptr(RdAnalysis) after = NULL;
  g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) before_samples = item_samples (framework, before_mode, before_answers);
  g_autoptr(GHashTable) after_samples = item_samples (framework, after_mode, after_answers);
  FactorSamples before_factors, after_factors;
  guint n_items = rd_framework_get_n_items (framework);

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self->framework = g_object_ref (framework);
  self->before_year = g_strdup (before_year);
  self->after_year = g_strdup (after_year);

  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      const char *id = rd_item_get_id (item);
      RdChangeRow row = { item };
      guint n_before, n_after;

      row.after = rd_analysis_get_item_score (after_all, id, &n_after);
      if (isnan (row.after))
        continue;
      row.before = rd_analysis_get_item_score (before_all, id, &n_before);
      if (isnan (row.before))
        {
          if (answered_incomparably (item, before_answers))
            self->n_incomparable++;
          continue;
        }
      g_hash_table_add (common, (char *) id);

      row.delta = row.after - row.before;
      row.n_before = n_before;
      row.n_after = n_after;
      row.is_fact = rd_item_kind_is_fact (rd_item_get_kind (item));
      if (row.is_fact)
        {
          rd_analysis_get_fact_values (before_all, item, &row.fact_before);
          rd_analysis_get_fact_values (after_all, item, &row.fact_after);
          row.test = (RdWelch) { RD_WELCH_OK, row.delta, NAN, NAN, NAN };
        }
      else
        {
          GArray *b = g_hash_table_lookup (before_samples, id);
          GArray *a = g_hash_table_lookup (after_samples, id);

          rd_welch_from_samples ((double *) b->data, b->len, (double *) a->data, a->len, &row.test);
        }
      g_array_append_val (self->items, row);
    }

  before = rd_analysis_new_filtered (framework, before_mode, before_answers, NULL, RD_ANALYSIS_ALL_GROUPS, common);
  after = rd_analysis_new_filtered (framework, after_mode, after_answers, NULL, RD_ANALYSIS_ALL_GROUPS, common);
  factor_samples (framework, before_mode, before_answers, common, &before_factors);
  factor_samples (framework, after_mode, after_answers, common, &after_factors);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdChangeRow *row = &self->factors[f];
      RdFactorResult b, a;
      GArray *sb = before_factors.readiness[f], *sa = after_factors.readiness[f];

      rd_analysis_get_factor (before, f, &b);
      rd_analysis_get_factor (after, f, &a);
      row->factor = f;
      /* Readiness too thin to show is no change to show either. */
      row->before = b.trusted ? b.readiness : NAN;
      row->after = a.trusted ? a.readiness : NAN;
      row->delta = row->after - row->before;
      row->n_before = sb->len;
      row->n_after = sa->len;
      /* The change shown is the school's readiness; the test asks whether
       * its respondents moved. No readiness, no test. */
      if (isnan (row->delta))
        row->test = (RdWelch) { RD_WELCH_OK, NAN, NAN, NAN, NAN };
      else
        rd_welch_from_samples ((double *) sb->data, sb->len, (double *) sa->data, sa->len, &row->test);
      row->test.difference = row->delta;
    }
  factor_samples_clear (&before_factors);
  factor_samples_clear (&after_factors);

  return g_steal_pointer (&self);
}

/**
 * rd_change_new_for_results:
 *
 * The change from the school's previous school year, as @results found
 * it, to the assessment @results shows. Returns: NULL with @error unset
 * when there is no earlier year to compare with.
 */
RdChange *
rd_change_new_for_results (RdStore    *store,
                           RdResults  *results,
                           GError    **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RdAssessment *assessment = rd_results_get_assessment (results);
  RdAssessment *previous = rd_results_get_previous_assessment (results);
  RdChange *change;

  if (previous == NULL)
    return NULL;
  before = rd_store_list_answers (store, rd_assessment_get_id (previous), error);
  if (before == NULL)
    return NULL;
  after = rd_store_list_answers (store, rd_assessment_get_id (assessment), error);
  if (after == NULL)
    return NULL;

  change = rd_change_compute (rd_analysis_get_framework (rd_results_get_analysis (results)),
                              rd_assessment_get_school_year (previous), rd_assessment_get_mode (previous), before,
                              rd_assessment_get_school_year (assessment), rd_assessment_get_mode (assessment), after);
  change->school_id = rd_assessment_get_school_id (previous);
  return change;
}

/* The same, loading the results of @assessment_id first. */
RdChange *
rd_change_load (RdStore      *store,
                RdFramework  *framework,
                gint64        assessment_id,
                GError      **error)
{
  g_autoptr(RdResults) results = rd_results_load (store, framework, assessment_id, error);

  if (results == NULL)
    return NULL;
  return rd_change_new_for_results (store, results, error);
}

const char *
rd_change_get_before_year (RdChange *self)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);
  return self->before_year;
}

const char *
rd_change_get_after_year (RdChange *self)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);
  return self->after_year;
}

const RdChangeRow *
rd_change_get_factor (RdChange *self,
                      RdFactor  factor)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);
  g_return_val_if_fail (factor < RD_N_FACTORS, NULL);
  return &self->factors[factor];
}

/* Questions answered in both years, comparable, in framework order. */
guint
rd_change_get_n_items (RdChange *self)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), 0);
  return self->items->len;
}

const RdChangeRow *
rd_change_get_item (RdChange *self,
                    guint     index)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, RdChangeRow, index);
}

/* NULL when @item_id was not answered comparably in both years. */
const RdChangeRow *
rd_change_lookup_item (RdChange   *self,
                       const char *item_id)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const RdChangeRow *row = &g_array_index (self->items, RdChangeRow, i);

      if (g_str_equal (rd_item_get_id (row->item), item_id))
        return row;
    }
  return NULL;
}

/* Questions answered in both years whose earlier answers an older,
 * different version asked: not compared. */
guint
rd_change_get_n_incomparable (RdChange *self)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), 0);
  return self->n_incomparable;
}

/**
 * rd_change_row_is_meaningful:
 *
 * A statement or factor: Welch's two-sided p below RD_SIGNIFICANCE_ALPHA.
 * A fact: its score moved at all (its value is the school's, not a sample).
 */
gboolean
rd_change_row_is_meaningful (const RdChangeRow *row)
{
  if (isnan (row->delta))
    return FALSE;
  if (row->is_fact)
    return fabs (row->delta) >= FACT_MOVED;
  return rd_welch_is_meaningful (&row->test);
}

static gint
compare_size (gconstpointer a,
              gconstpointer b)
{
  double x = fabs ((*(const RdChangeRow **) a)->delta);
  double y = fabs ((*(const RdChangeRow **) b)->delta);

  return (x < y) - (x > y);
}

/* The meaningful changes, factors and questions, largest first
 * (transfer container: rows owned by @self). */
GPtrArray *
rd_change_list_moved (RdChange *self)
{
  GPtrArray *moved = g_ptr_array_new ();

  g_return_val_if_fail (RD_IS_CHANGE (self), moved);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (rd_change_row_is_meaningful (&self->factors[f]))
      g_ptr_array_add (moved, &self->factors[f]);
  for (guint i = 0; i < self->items->len; i++)
    if (rd_change_row_is_meaningful (&g_array_index (self->items, RdChangeRow, i)))
      g_ptr_array_add (moved, &g_array_index (self->items, RdChangeRow, i));
  g_ptr_array_sort (moved, compare_size);  /* stable: factors before questions on a tie */
  return moved;
}

/* Factors and statements whose change no test could judge, in order. */
GPtrArray *
rd_change_list_untestable (RdChange *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (RD_IS_CHANGE (self), rows);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (!isnan (self->factors[f].delta) && self->factors[f].test.status != RD_WELCH_OK)
      g_ptr_array_add (rows, &self->factors[f]);
  for (guint i = 0; i < self->items->len; i++)
    {
      RdChangeRow *row = &g_array_index (self->items, RdChangeRow, i);

      if (!row->is_fact && row->test.status != RD_WELCH_OK)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

const char *
rd_change_row_get_title (const RdChangeRow *row)
{
  if (row->item == NULL)
    return rd_factor_get_title (row->factor);
  return rd_text_get_localized (rd_item_get_text (row->item));
}

/* The change in its own terms: "45 → 70" (scores, readiness), "40 % → 90 %",
 * "No → Yes" (facts). */
char *
rd_change_row_format_values (const RdChangeRow *row)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (row->is_fact)
    {
      before = rd_fact_values_format_scored (row->item, &row->fact_before);
      after = rd_fact_values_format_scored (row->item, &row->fact_after);
    }
  else
    {
      before = g_strdup_printf ("%.0f", row->before);
      after = g_strdup_printf ("%.0f", row->after);
    }
  /* Translators: a value last school year and now, "45 → 70" */
  return g_strdup_printf (C_("change", "%s → %s"), before, after);
}

/* "p = 0.03", "p < 0.001": two decimals, three below 0.01, and more where
 * fewer would round a meaningful p up to α ("p = 0.0496", never "0.05"). */
char *
rd_change_format_p (double p)
{
  g_autofree char *figure = NULL;
  int digits = p < 0.01 ? 3 : 2;

  if (p < 0.001)
    return g_strdup (C_("p value", "p < 0.001"));
  while (p < RD_SIGNIFICANCE_ALPHA && digits < 6 &&
         round (p * pow (10, digits)) / pow (10, digits) >= RD_SIGNIFICANCE_ALPHA)
    digits++;
  if (digits == 2)
    figure = rd_format_figure (p);
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, p);
      if (rd_input_uses_decimal_comma ())
        *strchr (buffer, '.') = ',';
      figure = g_strdup (buffer);
    }
  /* Translators: a test's p value, "p = 0.03" */
  return g_strdup_printf (C_("p value", "p = %s"), figure);
}

/* "p = 0.03, Welch's t-test"; NULL when no test ran. */
char *
rd_change_format_test (const RdWelch *test)
{
  g_autofree char *p = NULL;

  if (test->status != RD_WELCH_OK || isnan (test->p))
    return NULL;
  p = rd_change_format_p (test->p);
  /* Translators: the test behind a change, "p = 0.03, Welch's t-test" */
  return g_strdup_printf (_("%s, Welch’s t-test"), p);
}

/* What the change means, in plain words for a school leader. */
char *
rd_change_row_format_verdict (const RdChangeRow *row,
                              const char        *before_year,
                              const char        *after_year)
{
  if (isnan (row->delta))
    return g_strdup (_("Not measured in both years"));
  if (row->is_fact)
    {
      if (fabs (row->delta) < FACT_MOVED)
        return g_strdup (_("Unchanged fact"));
      return g_strdup (row->delta > 0 ? _("A fact that improved; no test needed, it is the school’s own figure")
                                      : _("A fact that got worse; no test needed, it is the school’s own figure"));
    }

  switch (row->test.status)
    {
    case RD_WELCH_TOO_FEW_BEFORE:
      /* Translators: %s is a school year */
      return g_strdup_printf (_("Not testable: fewer than two respondents in %s"), before_year);
    case RD_WELCH_TOO_FEW_AFTER:
      return g_strdup_printf (_("Not testable: fewer than two respondents in %s"), after_year);
    case RD_WELCH_NO_SPREAD:
      return g_strdup (_("Not testable: every respondent gave the same answer in both years"));
    case RD_WELCH_OK:
    default:
      break;
    }

  if (!rd_welch_is_meaningful (&row->test))
    return g_strdup (_("A change within chance"));
  return g_strdup (row->delta > 0 ? _("A meaningful rise") : _("A meaningful fall"));
}

/* "up 25 points", "down 3 points", "no change": the size, rounded as shown. */
char *
rd_change_row_format_size (const RdChangeRow *row)
{
  double size = round (fabs (row->delta));

  if (isnan (row->delta))
    return g_strdup (_("not measured in both years"));
  if (size == 0)
    return g_strdup (_("no change"));
  if (row->delta > 0)
    /* Translators: the size of a change on the 0–100 scale */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "up %.0f point", "up %.0f points", (gulong) size), size);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "down %.0f point", "down %.0f points", (gulong) size), size);
}

/* The whole change in one line, the same on screen, in the report and on
 * the command line: "Up 25 points, 45 → 70. A meaningful rise (p = 0.03,
 * Welch’s t-test)." */
char *
rd_change_format_row (RdChange          *self,
                      const RdChangeRow *row)
{
  g_autofree char *size = rd_change_row_format_size (row);
  g_autofree char *values = rd_change_row_format_values (row);
  g_autofree char *verdict = rd_change_row_format_verdict (row, self->before_year, self->after_year);
  g_autofree char *test = row->is_fact ? NULL : rd_change_format_test (&row->test);

  size[0] = g_ascii_toupper (size[0]);
  if (test != NULL)
    /* Translators: "Up 25 points, 45 → 70. A meaningful rise (p = 0.03, Welch’s t-test)." */
    return g_strdup_printf (_("%s, %s. %s (%s)."), size, values, verdict, test);
  /* Translators: "Up 100 points, 40 % → 90 %. A fact that improved; …" */
  return g_strdup_printf (_("%s, %s. %s."), size, values, verdict);
}

/* A counted sentence after the ones before, a space between. */
G_GNUC_PRINTF (2, 3)
static void
append_sentence (GString    *text,
                 const char *format,
                 ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

/* What could not be judged, in a sentence or two; NULL when everything
 * could. */
char *
rd_change_format_untested (RdChange *self)
{
  g_autoptr(GPtrArray) rows = rd_change_list_untestable (self);
  g_autoptr(GString) text = g_string_new (NULL);
  guint few = 0, same = 0, chance = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const RdChangeRow *row = g_ptr_array_index (rows, i);

      if (row->test.status == RD_WELCH_NO_SPREAD)
        same++;
      else
        few++;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const RdChangeRow *row = &g_array_index (self->items, RdChangeRow, i);

      chance += !row->is_fact && row->test.status == RD_WELCH_OK && !rd_welch_is_meaningful (&row->test);
    }
  for (guint f = 0; f < RD_N_FACTORS; f++)
    chance += !isnan (self->factors[f].delta) && self->factors[f].test.status == RD_WELCH_OK &&
              !rd_welch_is_meaningful (&self->factors[f].test);

  if (chance > 0)
    append_sentence (text, g_dngettext (GETTEXT_PACKAGE, "%u change was within chance.",
                                        "%u changes were within chance.", chance), chance);
  if (few > 0)
    /* Translators: %u is a count of questions and success factors */
    append_sentence (text, g_dngettext (GETTEXT_PACKAGE,
                                        "%u change could not be tested: fewer than two respondents in one of the years.",
                                        "%u changes could not be tested: fewer than two respondents in one of the years.",
                                        few), few);
  if (same > 0)
    append_sentence (text, g_dngettext (GETTEXT_PACKAGE,
                                        "%u change could not be tested: every respondent gave the same answer in both years.",
                                        "%u changes could not be tested: every respondent gave the same answer in both years.",
                                        same), same);
  if (self->n_incomparable > 0)
    append_sentence (text, g_dngettext (GETTEXT_PACKAGE,
                                        "%u question was asked differently last time and is not compared.",
                                        "%u questions were asked differently last time and are not compared.",
                                        self->n_incomparable), self->n_incomparable);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * rd_change_list_done_actions:
 *
 * The actions marked done in the plans of the earlier school year (any of
 * its assessments, each action once): the loop an action plan closes, each
 * shown with the change of the questions it was linked to. Returns:
 * (transfer full): RdActions, or NULL on error; empty when @self was not
 * loaded from a store.
 */
GPtrArray *
rd_change_list_done_actions (RdChange  *self,
                             RdStore   *store,
                             GError   **error)
{
  g_return_val_if_fail (RD_IS_CHANGE (self), NULL);

  if (self->school_id == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return rd_store_list_done_actions (store, self->school_id, self->before_year, error);
}

/* A change for the command line, its question or factor by id:
 * "a-plan 25 → 88, up 63 points: A meaningful rise (p = 0.003, Welch’s t-test)". */
char *
rd_change_format_row_by_id (RdChange          *self,
                            const RdChangeRow *row)
{
  const char *id = row->item != NULL ? rd_item_get_id (row->item) : rd_factor_to_id (row->factor);
  g_autofree char *values = rd_change_row_format_values (row);
  g_autofree char *size = rd_change_row_format_size (row);
  g_autofree char *verdict = rd_change_row_format_verdict (row, self->before_year, self->after_year);
  g_autofree char *test = row->is_fact ? NULL : rd_change_format_test (&row->test);

  return test != NULL ? g_strdup_printf ("%s %s, %s: %s (%s)", id, values, size, verdict, test)
                      : g_strdup_printf ("%s %s, %s: %s", id, values, size, verdict);
}

/* One question an action was linked to and its change: for people the
 * change first, so that a list of them scans, and the question after it
 * ("Up 100 points, No → Yes — MFA is on"; a fact needs no verdict there),
 * by its id for the command line ("b-mfa No → Yes, up 100 points: …"). */
char *
rd_change_format_action_item (RdChange   *self,
                              const char *item_id,
                              gboolean    by_id)
{
  const RdChangeRow *row = rd_change_lookup_item (self, item_id);
  RdItem *item = rd_framework_lookup_item (self->framework, item_id);
  const char *name = by_id || item == NULL ? item_id : rd_text_get_localized (rd_item_get_text (item));
  g_autofree char *line = NULL;

  if (row == NULL)
    /* Translators: a question an action was linked to, not answered comparably in both years */
    return g_strdup_printf (_("Not answered in both years — %s"), name);
  if (by_id)
    return rd_change_format_row_by_id (self, row);
  if (row->is_fact)
    {
      g_autofree char *size = rd_change_row_format_size (row);
      g_autofree char *values = rd_change_row_format_values (row);

      size[0] = g_ascii_toupper (size[0]);
      /* Translators: a fact's change, "Up 100 points, No → Yes" */
      line = g_strdup_printf (_("%s, %s"), size, values);
    }
  else
    {
      line = rd_change_format_row (self, row);
      /* The sentence's full stop, before the question follows. */
      if (g_str_has_suffix (line, "."))
        line[strlen (line) - 1] = '\0';
    }
  /* Translators: the change of a question an action was linked to, then the question:
   * "Up 100 points, No → Yes — MFA is on" */
  return g_strdup_printf (_("%s — %s"), line, name);
}

void
rd_school_change_free (RdSchoolChange *change)
{
  if (change == NULL)
    return;
  g_free (change->school_name);
  g_free (change->region);
  g_free (change);
}

static gint
compare_school_names (gconstpointer a,
                      gconstpointer b)
{
  const RdSchoolChange *x = *(const RdSchoolChange **) a;
  const RdSchoolChange *y = *(const RdSchoolChange **) b;

  return g_utf8_collate (x->school_name, y->school_name);
}

/**
 * rd_change_compare_schools:
 * @from_scores: (element-type RdSchoolScores): the earlier year's kept scores
 * @to_scores: (element-type RdSchoolScores): the later year's
 *
 * Each school in both years, by name, with Welch's t-test per factor from
 * the summaries: readiness as the mean, the spread between respondents as
 * the SD, and the respondents behind it as n. Returns: (transfer full):
 * RdSchoolChange.
 */
GPtrArray *
rd_change_compare_schools (GPtrArray *from_scores,
                           GPtrArray *to_scores)
{
  g_autoptr(GHashTable) earlier = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_change_free);

  for (guint i = 0; i < from_scores->len; i++)
    {
      RdSchoolScores *scores = g_ptr_array_index (from_scores, i);

      g_hash_table_insert (earlier, &scores->school_id, scores);
    }

  for (guint i = 0; i < to_scores->len; i++)
    {
      RdSchoolScores *after = g_ptr_array_index (to_scores, i);
      RdSchoolScores *before = g_hash_table_lookup (earlier, &after->school_id);
      RdSchoolChange *change;

      if (before == NULL)
        continue;
      change = g_new0 (RdSchoolChange, 1);
      change->school_id = after->school_id;
      change->school_name = g_strdup (after->school_name);
      change->region = g_strdup (after->region);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          guint n_before = before->factor_n[f] > 0 ? before->factor_n[f] : before->n_respondents;
          guint n_after = after->factor_n[f] > 0 ? after->factor_n[f] : after->n_respondents;

          change->before[f] = before->factor[f];
          change->after[f] = after->factor[f];
          if (isnan (before->factor[f]) || isnan (after->factor[f]))
            change->test[f] = (RdWelch) { RD_WELCH_OK, NAN, NAN, NAN, NAN };
          else
            rd_welch_from_summary (before->factor[f], before->factor_spread[f], n_before,
                                   after->factor[f], after->factor_spread[f], n_after, &change->test[f]);
        }
      g_ptr_array_add (changes, change);
    }
  g_ptr_array_sort (changes, compare_school_names);
  return changes;
}

gboolean
rd_school_change_is_meaningful (const RdSchoolChange *change,
                                RdFactor              factor)
{
  return !isnan (change->test[factor].difference) && rd_welch_is_meaningful (&change->test[factor]);
}
