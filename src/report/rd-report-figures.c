#define G_LOG_DOMAIN "rd-report-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-anonymity.h"
#include "rd-fact-values.h"
#include "rd-report-figures.h"

char *
rd_report_format_fact (RdAnalysis *analysis,
                       RdItem     *item)
{
  RdFactValues values;

  g_return_val_if_fail (RD_IS_ANALYSIS (analysis), NULL);

  if (!rd_analysis_get_fact_values (analysis, item, &values))
    return NULL;
  return rd_fact_values_format (item, &values);
}

char *
rd_report_format_item_score (RdAnalysis *analysis,
                             RdItem     *item)
{
  double score = rd_analysis_get_item_score (analysis, rd_item_get_id (item), NULL);
  g_autofree char *fact = NULL;

  if (isnan (score))
    return g_strdup ("–");
  fact = rd_report_format_fact (analysis, item);
  if (fact == NULL)
    return g_strdup_printf ("%.0f", score);
  /* Translators: an item's score and, for a question of fact, what was
   * answered: "100 (1000 Mbit/s)" */
  return g_strdup_printf (_("%.0f (%s)"), score, fact);
}

char *
rd_report_format_priority (RdAnalysis      *analysis,
                           const RdItemGap *gap)
{
  double weight = rd_item_get_weight (gap->item, gap->factor);
  double distance = weight > 0 ? gap->weighted_gap / weight : 0;
  g_autofree char *score = rd_report_format_item_score (analysis, gap->item);
  g_autofree char *weight_text = rd_format_figure (weight);

  /* Translators: under a priority, the figures it is ranked by:
   * "Investment · score 40 (45 %) · target 65 · gap 25 × weight 1.5 = weighted gap 38" */
  return g_strdup_printf (_("%s · score %s · target %.0f · gap %.0f × weight %s = weighted gap %.0f"),
                          rd_factor_get_short_title (gap->factor), score, gap->score + distance, distance,
                          weight_text, gap->weighted_gap);
}

const char *
rd_report_priorities_intro (void)
{
  return _("The items furthest below their factor’s target, with what to do and the point of the Council "
           "Recommendation each rests on.");
}

const char *
rd_report_priorities_ranking (void)
{
  return _("Ranked by the weighted gap, largest first: the gap to the factor’s target times the item’s "
           "weight, how much the item counts for that factor.");
}

const char *
rd_report_facts_intro (void)
{
  return _("What was answered to the questions of fact, in their own units, beside their score from 0 to 100. "
           "A fact’s value is the answer of the group responsible for it, such as support staff for the "
           "bandwidth. Where their answers differ, it says so, and the score is the median of their scores.");
}

const char *
rd_report_spread_key (void)
{
  /* Translators: explains the "±" after each group's score; say
   * "spreiding (standaardafwijking)" in Dutch */
  return _("Each group’s mean score from 0 to 100, and after “±” its spread: the standard deviation of its "
           "respondents’ scores. The difference is that between the highest and the lowest group.");
}

const char *
rd_report_own_questions_intro (void)
{
  return _("Questions your school added to this assessment, with what was answered and a score from 0 to "
           "100 against the target set for each. They are not part of the success factors’ readiness, the "
           "area scores, the priorities or any comparison with other schools.");
}

char *
rd_report_format_own_result (const RdOwnResult *result)
{
  g_autofree char *answers = rd_own_result_format (result);

  if (isnan (result->score))
    return g_steal_pointer (&answers);
  /* Translators: a question of the school's own, what was answered and its score: "120 laptops · score 100" */
  return g_strdup_printf (_("%s · score %.0f"), answers, result->score);
}

char *
rd_report_own_questions_hidden_note (guint threshold)
{
  threshold = rd_anonymity_threshold_clamp (threshold);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "With answers from several people, a question’s figures are shown once at "
                                       "least %u person answered it, so that nobody’s answer can be recognised; "
                                       "otherwise it reads “too few answers”.",
                                       "With answers from several people, a question’s figures are shown once at "
                                       "least %u people answered it, so that nobody’s answer can be recognised; "
                                       "otherwise it reads “too few answers”.", threshold),
                          threshold);
}
