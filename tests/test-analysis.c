#include "config.h"

#include <math.h>

#include "rd-analysis.h"
#include "rd-fact-values.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

static gint64
local_time (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (when);
}

static void
add_value (GPtrArray  *answers,
           gint64      respondent,
           RdGroup     group,
           const char *item_id,
           guint       version,
           double      value)
{
  RdAnswer *answer = rd_test_add_answer (answers, respondent, group, item_id, version, value);

  answer->not_applicable = isnan (value);
  answer->answered = local_time (2025, 9, 15);
}

static void
add_date (GPtrArray  *answers,
          gint64      respondent,
          RdGroup     group,
          const char *item_id,
          int         year,
          int         month,
          int         day)
{
  RdAnswer *answer = rd_answer_new ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  answer->respondent_id = respondent;
  answer->group = group;
  answer->item_id = g_strdup (item_id);
  answer->item_version = 1;
  answer->julian_day = g_date_get_julian (&date);
  answer->answered = local_time (2025, 9, 15);
  g_ptr_array_add (answers, answer);
}

/* The fixture of the help page's worked example, scored by hand:
 *   leader:  a-plan 4 (75), a-team v2 5 (100), a-review 2025-01-10 answered
 *            2025-09-15 = 8 months (100), b-speed 250 (50), b-share 95 (100),
 *            b-mfa not applicable
 *   teacher: a-plan 2 (25), a-team answered to v1 (not comparable, left out),
 *            b-share 40 (0)
 * Item scores: a-plan 50, a-team 100, a-review 100, b-speed 50, b-share 50. */
static GPtrArray *
make_answers (void)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);

  add_value (answers, 1, RD_GROUP_LEADER, "a-plan", 1, 4);
  add_value (answers, 1, RD_GROUP_LEADER, "a-team", 2, 5);
  add_date (answers, 1, RD_GROUP_LEADER, "a-review", 2025, 1, 10);
  add_value (answers, 1, RD_GROUP_LEADER, "b-speed", 1, 250);
  add_value (answers, 1, RD_GROUP_LEADER, "b-share", 1, 95);
  add_value (answers, 1, RD_GROUP_LEADER, "b-mfa", 1, NAN);
  add_value (answers, 2, RD_GROUP_TEACHER, "a-plan", 1, 2);
  add_value (answers, 2, RD_GROUP_TEACHER, "a-team", 1, 1);
  add_value (answers, 2, RD_GROUP_TEACHER, "b-share", 1, 40);

  return answers;
}

static void
test_item_and_area_scores (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  guint n;

  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "a-plan", &n), 50, EPSILON);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "a-team", &n), 100, EPSILON);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "a-review", NULL), 100, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "b-speed", NULL), 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "b-share", NULL), 50, EPSILON);
  g_assert_true (isnan (rd_analysis_get_item_score (analysis, "b-mfa", &n)));
  g_assert_cmpuint (n, ==, 0);

  /* alpha: (50 + 100 + 100) / 3; beta: (50 + 50) / 2, b-mfa left out */
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_area_score (analysis, "alpha", &n), 250.0 / 3, EPSILON);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_area_score (analysis, "beta", &n), 50, EPSILON);
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpuint (rd_analysis_get_n_respondents (analysis), ==, 2);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_LEADER), ==, 1);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_TEACHER), ==, 1);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_PARENT), ==, 0);
}

static void
test_factor_readiness (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  RdFactorResult result;

  /* strategy: a-plan ×2, a-review ×1, b-speed ×1 = (100 + 100 + 50) / 4 */
  rd_analysis_get_factor (analysis, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 62.5, EPSILON);
  g_assert_cmpfloat (result.target, ==, 70);
  g_assert_cmpfloat_with_epsilon (result.gap, 7.5, EPSILON);
  g_assert_cmpuint (result.n_items, ==, 3);
  g_assert_cmpuint (result.n_answered, ==, 3);
  g_assert_true (result.trusted);

  /* engagement: a-plan ×1, a-team ×1 = 75, above the target of 60 */
  rd_analysis_get_factor (analysis, RD_FACTOR_ENGAGEMENT, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 75, EPSILON);
  g_assert_cmpfloat (result.gap, ==, 0);

  /* capacity: a-team ×1, b-share ×2 (b-mfa unanswered) = 200 / 3; 2 of 3 answered */
  rd_analysis_get_factor (analysis, RD_FACTOR_CAPACITY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 200.0 / 3, EPSILON);
  g_assert_cmpuint (result.n_items, ==, 3);
  g_assert_cmpuint (result.n_answered, ==, 2);
  g_assert_true (result.trusted);
  g_assert_cmpint (rd_level_for_score (result.readiness), ==, RD_LEVEL_ESTABLISHED);

  /* investment: b-speed ×1, b-share ×1 = 50, gap 10 to the target of 60 */
  rd_analysis_get_factor (analysis, RD_FACTOR_INVESTMENT, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (result.gap, 10, EPSILON);
}

static void
test_targets_change_gaps (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  const double targets[RD_N_FACTORS] = { 90, 80, 50, 40 };
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, targets);
  RdFactorResult result;

  rd_analysis_get_factor (analysis, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.gap, 27.5, EPSILON);
  rd_analysis_get_factor (analysis, RD_FACTOR_ENGAGEMENT, &result);
  g_assert_cmpfloat_with_epsilon (result.gap, 5, EPSILON);
  rd_analysis_get_factor (analysis, RD_FACTOR_INVESTMENT, &result);
  g_assert_cmpfloat (result.gap, ==, 0);
}

static void
test_weakest_and_priorities (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  g_autoptr(GArray) weakest = NULL;
  g_autoptr(GArray) priorities = NULL;
  RdItemGap *gap;

  /* strategy, target 70: a-plan 2 × (70 − 50) = 40, b-speed 1 × 20 = 20; a-review meets it */
  weakest = rd_analysis_list_weakest_items (analysis, RD_FACTOR_STRATEGY, 0);
  g_assert_cmpuint (weakest->len, ==, 2);
  gap = &g_array_index (weakest, RdItemGap, 0);
  g_assert_cmpstr (rd_item_get_id (gap->item), ==, "a-plan");
  g_assert_cmpfloat_with_epsilon (gap->weighted_gap, 40, EPSILON);
  gap = &g_array_index (weakest, RdItemGap, 1);
  g_assert_cmpstr (rd_item_get_id (gap->item), ==, "b-speed");
  g_assert_cmpfloat_with_epsilon (gap->weighted_gap, 20, EPSILON);

  /* Each item under its largest gap: a-plan 40 (strategy), b-share
   * 2 × (65 − 50) = 30 (capacity), b-speed 20 (strategy). */
  priorities = rd_analysis_list_priorities (analysis, 0);
  g_assert_cmpuint (priorities->len, ==, 3);
  gap = &g_array_index (priorities, RdItemGap, 0);
  g_assert_cmpstr (rd_item_get_id (gap->item), ==, "a-plan");
  g_assert_cmpint (gap->factor, ==, RD_FACTOR_STRATEGY);
  gap = &g_array_index (priorities, RdItemGap, 1);
  g_assert_cmpstr (rd_item_get_id (gap->item), ==, "b-share");
  g_assert_cmpint (gap->factor, ==, RD_FACTOR_CAPACITY);
  g_assert_cmpfloat_with_epsilon (gap->weighted_gap, 30, EPSILON);
  gap = &g_array_index (priorities, RdItemGap, 2);
  g_assert_cmpstr (rd_item_get_id (gap->item), ==, "b-speed");

  g_clear_pointer (&priorities, g_array_unref);
  priorities = rd_analysis_list_priorities (analysis, 1);
  g_assert_cmpuint (priorities->len, ==, 1);
}

static void
test_group (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) teachers = rd_analysis_new_filtered (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                             NULL, RD_GROUP_TEACHER, NULL);
  RdFactorResult result;

  g_assert_cmpuint (rd_analysis_get_n_respondents (teachers), ==, 1);
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (teachers, "a-plan", NULL), 25, EPSILON);
  g_assert_true (isnan (rd_analysis_get_item_score (teachers, "a-team", NULL)));

  /* Only a-plan of strategy's three items: a number, but not one to trust. */
  rd_analysis_get_factor (teachers, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 25, EPSILON);
  g_assert_cmpuint (result.n_answered, ==, 1);
  g_assert_false (result.trusted);
}

static void
test_pulse_mode (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) pulse = rd_analysis_new (framework, RD_ASSESSMENT_MODE_PULSE, answers, NULL);
  RdFactorResult result;

  /* Pulse items are a-plan and b-speed: (2 × 50 + 50) / 3. */
  rd_analysis_get_factor (pulse, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 50, EPSILON);
  g_assert_cmpuint (result.n_items, ==, 2);
  g_assert_true (result.trusted);

  rd_analysis_get_factor (pulse, RD_FACTOR_ENGAGEMENT, &result);
  g_assert_cmpuint (result.n_items, ==, 1);
  g_assert_false (result.trusted);

  rd_analysis_get_factor (pulse, RD_FACTOR_CAPACITY, &result);
  g_assert_cmpuint (result.n_items, ==, 0);
  g_assert_true (isnan (result.readiness));
  g_assert_true (isnan (result.gap));
  g_assert_false (result.trusted);

  g_assert_true (isnan (rd_analysis_get_item_score (pulse, "b-share", NULL)));
}

static void
test_compare (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) after = make_answers ();
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  RdFactorChange changes[RD_N_FACTORS];

  /* Last year: a-plan 2 (25), b-speed 50 (0), b-share 60 (50). Only these
   * three items count in both years. */
  add_value (before, 7, RD_GROUP_LEADER, "a-plan", 1, 2);
  add_value (before, 7, RD_GROUP_LEADER, "b-speed", 1, 50);
  add_value (before, 7, RD_GROUP_LEADER, "b-share", 1, 60);

  rd_analysis_compare (framework, RD_ASSESSMENT_MODE_FULL, before, RD_ASSESSMENT_MODE_FULL, after, changes);

  /* strategy: (2 × 25 + 0) / 3 → (2 × 50 + 50) / 3 */
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_STRATEGY].before, 50.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_STRATEGY].after, 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_STRATEGY].delta, 100.0 / 3, EPSILON);
  g_assert_cmpuint (changes[RD_FACTOR_STRATEGY].n_items, ==, 2);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_ENGAGEMENT].delta, 25, EPSILON);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_CAPACITY].delta, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_INVESTMENT].before, 25, EPSILON);
  g_assert_cmpfloat_with_epsilon (changes[RD_FACTOR_INVESTMENT].delta, 25, EPSILON);
}

static void
test_months_between (void)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 31, G_DATE_JANUARY, 2024);
  g_date_set_dmy (&b, 29, G_DATE_FEBRUARY, 2024);
  g_assert_cmpuint (rd_months_between (&a, &b), ==, 0);
  g_date_set_dmy (&b, 31, G_DATE_MARCH, 2024);
  g_assert_cmpuint (rd_months_between (&a, &b), ==, 2);
  g_date_set_dmy (&b, 30, G_DATE_JANUARY, 2026);
  g_assert_cmpuint (rd_months_between (&a, &b), ==, 23);
  g_assert_cmpuint (rd_months_between (&b, &a), ==, 0);
}

/* The same numbers come out when the answers go through a real store. */
static void
test_through_store (void)
{
  g_auto(RdTestStore) db = { 0 };
  g_autoptr(GPtrArray) fixture = make_answers ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(RdAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  double targets[RD_N_FACTORS];
  gint64 assessment_id, respondents[3] = { 0 };
  RdFactorResult result;
  RdFramework *framework;
  RdStore *store;

  rd_test_store_create (&db, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&db, "Analysis school", NULL, RD_SCHOOL_TYPE_UNSET);
  assessment_id = rd_test_store_add_assessment (&db, "2025-2026", RD_ASSESSMENT_MODE_FULL);
  framework = db.framework;
  store = db.store;
  respondents[1] = rd_store_add_respondent (store, assessment_id, RD_GROUP_LEADER, NULL, &error);
  respondents[2] = rd_store_add_respondent (store, assessment_id, RD_GROUP_TEACHER, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < fixture->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (fixture, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);
      RdAnswer copy = *answer;

      /* Answers to an older item version cannot be given through the store. */
      if (answer->item_version != rd_item_get_version (item))
        continue;
      copy.respondent_id = respondents[answer->respondent_id];
      g_assert_true (rd_store_put_answer (store, item, &copy, &error));
      g_assert_no_error (error);
    }

  stored = rd_store_list_answers (store, assessment_id, &error);
  g_assert_true (rd_store_get_targets (store, assessment_id, targets, &error));
  analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, stored, targets);

  rd_analysis_get_factor (analysis, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 62.5, EPSILON);
  rd_analysis_get_factor (analysis, RD_FACTOR_CAPACITY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 200.0 / 3, EPSILON);
}

static char *
fact_text (RdAnalysis *analysis,
           const char *item_id)
{
  RdItem *item = rd_framework_lookup_item (rd_analysis_get_framework (analysis), item_id);
  RdFactValues values;

  if (!rd_analysis_get_fact_values (analysis, item, &values))
    return NULL;
  return rd_fact_values_format (item, &values);
}

/* A fact's score beside what was answered, in its unit: the one answer, or
 * when several answers differ, that they do, with both answers or the
 * median and range; only answers that have a score. */
static void
test_fact_values (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(GPtrArray) several = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdAnalysis) single = NULL;
  g_autoptr(RdAnalysis) many = NULL;
  RdFactValues values;
  char *text;

  add_value (one, 1, RD_GROUP_LEADER, "a-plan", 1, 4);
  add_value (one, 1, RD_GROUP_LEADER, "b-speed", 1, 1000);
  add_value (one, 1, RD_GROUP_LEADER, "b-share", 1, 90);
  add_value (one, 1, RD_GROUP_LEADER, "b-mfa", 1, 1);
  add_date (one, 1, RD_GROUP_LEADER, "a-review", 2025, 1, 10);
  single = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, one, NULL);

#define ASSERT_FACT(analysis, id, expected) \
  G_STMT_START { text = fact_text (analysis, id); g_assert_cmpstr (text, ==, expected); g_free (text); } G_STMT_END

  /* The board reads "1000 Mbit/s" where the score says 100. */
  g_assert_cmpfloat (rd_analysis_get_item_score (single, "b-speed", NULL), ==, 100);
  ASSERT_FACT (single, "b-speed", "1000 Mbit/s");
  ASSERT_FACT (single, "b-share", "90 %");
  ASSERT_FACT (single, "b-mfa", "Yes");
  ASSERT_FACT (single, "a-review", "10 January 2025");
  /* A statement is no fact. */
  g_assert_null (fact_text (single, "a-plan"));

  /* Wi-Fi-like: 90 % and 70 % score 100 and 50, so 75 (the median of two);
   * the answers differ. A not-applicable answer and an unscorable value are
   * left out, as from the score. */
  add_value (several, 1, RD_GROUP_LEADER, "b-share", 1, 90);
  add_value (several, 2, RD_GROUP_TEACHER, "b-share", 1, 70);
  add_value (several, 3, RD_GROUP_TEACHER, "b-share", 1, NAN);
  add_value (several, 4, RD_GROUP_TEACHER, "b-share", 1, 120);
  add_value (several, 1, RD_GROUP_LEADER, "b-speed", 1, 300);
  add_value (several, 2, RD_GROUP_TEACHER, "b-speed", 1, 5000);
  add_value (several, 3, RD_GROUP_TEACHER, "b-speed", 1, 100);
  add_value (several, 1, RD_GROUP_LEADER, "b-mfa", 1, 1);
  add_value (several, 2, RD_GROUP_TEACHER, "b-mfa", 1, 0);
  add_value (several, 3, RD_GROUP_TEACHER, "b-mfa", 1, 1);
  /* Answered 2025-09-15: 8, 20 and 2 whole months before. */
  add_date (several, 1, RD_GROUP_LEADER, "a-review", 2025, 1, 10);
  add_date (several, 2, RD_GROUP_TEACHER, "a-review", 2024, 1, 15);
  add_date (several, 3, RD_GROUP_TEACHER, "a-review", 2025, 7, 1);
  many = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, several, NULL);

  g_assert_cmpfloat (rd_analysis_get_item_score (many, "b-share", NULL), ==, 75);
  g_assert_true (rd_analysis_get_fact_values (many, rd_framework_lookup_item (framework, "b-share"), &values));
  g_assert_cmpuint (values.n, ==, 2);
  g_assert_cmpfloat (values.median, ==, 80);
  g_assert_cmpuint (values.n_distinct, ==, 2);
  ASSERT_FACT (many, "b-share", "answers differ: 70 and 90 %");
  /* The median of three is the middle one. */
  ASSERT_FACT (many, "b-speed", "answers differ: median 300 Mbit/s, range 100–5000");
  ASSERT_FACT (many, "b-mfa", "answers differ: 2 of 3 yes");
  ASSERT_FACT (many, "a-review", "answers differ: median age 8 months, range 2–20");

  /* Ages on the assessment's reference date, as the score counts them:
   * 12 and 24 months on 2026-01-10 score 50 and 0. */
  {
    g_autoptr(GPtrArray) dated = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
    g_autoptr(RdAnalysis) later = NULL;
    GDate reference;

    g_date_clear (&reference, 1);
    g_date_set_dmy (&reference, 10, 1, 2026);
    add_date (dated, 1, RD_GROUP_LEADER, "a-review", 2025, 1, 10);
    add_date (dated, 2, RD_GROUP_TEACHER, "a-review", 2024, 1, 10);
    for (guint i = 0; i < dated->len; i++)
      ((RdAnswer *) g_ptr_array_index (dated, i))->reference_day = g_date_get_julian (&reference);
    later = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, dated, NULL);
    g_assert_cmpfloat (rd_analysis_get_item_score (later, "a-review", NULL), ==, 25);
    ASSERT_FACT (later, "a-review", "answers differ: median age 18 months, range 12–24");
  }

#undef ASSERT_FACT
}

/* An item's score counts only the answers of the groups it asks: a
 * learner's answer about bandwidth, or a stored answer from before the
 * framework said who is asked, is left out of every figure. */
static void
test_audience_only (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdAnalysis) analysis = NULL;
  g_autoptr(RdAnalysis) learners = NULL;
  RdFactorResult result;
  guint n;

  add_value (answers, 1, RD_GROUP_TEACHER, "a-plan", 1, 5);           /* 100 */
  add_value (answers, 2, RD_GROUP_LEARNER, "a-plan", 1, 3);           /* 50 */
  add_value (answers, 2, RD_GROUP_LEARNER, "a-team", 2, 1);           /* not asked */
  add_value (answers, 2, RD_GROUP_LEARNER, "b-speed", 1, 0);          /* not asked */
  add_value (answers, 3, RD_GROUP_PARENT, "a-plan", 1, 1);            /* not asked */
  add_value (answers, 4, RD_GROUP_SUPPORT_STAFF, "b-speed", 1, 1000); /* 100 */
  add_value (answers, 3, RD_GROUP_PARENT, "b-share", 1, 0);           /* everyone is asked: 0 */
  analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);

  g_assert_cmpfloat (rd_analysis_get_item_score (analysis, "a-plan", &n), ==, 75);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (isnan (rd_analysis_get_item_score (analysis, "a-team", &n)));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (rd_analysis_get_item_score (analysis, "b-speed", &n), ==, 100);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (rd_analysis_get_item_score (analysis, "b-share", NULL), ==, 0);
  g_assert_cmpuint (rd_analysis_get_n_scored_items (analysis), ==, 3);
  /* Strategy: a-plan (weight 2) 75 and b-speed (1) 100. */
  rd_analysis_get_factor (analysis, RD_FACTOR_STRATEGY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, (2 * 75 + 100) / 3.0, EPSILON);
  /* Respondents are counted all the same: they took part. */
  g_assert_cmpuint (rd_analysis_get_n_respondents (analysis), ==, 4);

  /* The learners' own view holds what they were asked only. */
  learners = rd_analysis_new_filtered (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, RD_GROUP_LEARNER, NULL);
  g_assert_cmpfloat (rd_analysis_get_item_score (learners, "a-plan", NULL), ==, 50);
  g_assert_true (isnan (rd_analysis_get_item_score (learners, "b-speed", NULL)));
  g_assert_true (isnan (rd_analysis_score_answer (rd_framework_lookup_item (framework, "b-speed"),
                                                  g_ptr_array_index (answers, 3))));
}

static char *
fact_of (RdFramework *framework,
         GPtrArray   *answers,
         const char  *item_id,
         double      *score,
         guint       *n)
{
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);

  *score = rd_analysis_get_item_score (analysis, item_id, n);
  return fact_text (analysis, item_id);
}

/* A fact is the answer of its responsible group, not a mean of guesses:
 * the support staff's bandwidth stands, the leader's differs in vain; when
 * several responsible people disagree, the results say so and the score
 * is the median of theirs; with none of them, the rest of the audience
 * stands in. */
static void
test_fact_responsible (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autofree char *text = NULL;
  double score;
  guint n;

  /* Bandwidth: 0 → 0, 100 → 50, 1000 → 100. */
  add_value (answers, 1, RD_GROUP_LEADER, "b-speed", 1, 100);
  text = fact_of (framework, answers, "b-speed", &score, &n);
  g_assert_cmpstr (text, ==, "100 Mbit/s");
  g_assert_cmpfloat (score, ==, 50);
  g_clear_pointer (&text, g_free);

  add_value (answers, 2, RD_GROUP_SUPPORT_STAFF, "b-speed", 1, 1000);
  text = fact_of (framework, answers, "b-speed", &score, &n);
  g_assert_cmpstr (text, ==, "1000 Mbit/s");
  g_assert_cmpfloat (score, ==, 100);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&text, g_free);

  add_value (answers, 3, RD_GROUP_SUPPORT_STAFF, "b-speed", 1, 100);
  text = fact_of (framework, answers, "b-speed", &score, &n);
  g_assert_cmpstr (text, ==, "answers differ: 100 and 1000 Mbit/s");
  g_assert_cmpfloat (score, ==, 75);
  g_assert_cmpuint (n, ==, 2);
  g_clear_pointer (&text, g_free);

  /* Three who agree are one value. */
  add_value (answers, 4, RD_GROUP_SUPPORT_STAFF, "b-mfa", 1, 1);
  add_value (answers, 5, RD_GROUP_SUPPORT_STAFF, "b-mfa", 1, 1);
  add_value (answers, 6, RD_GROUP_LEADER, "b-mfa", 1, 0);
  text = fact_of (framework, answers, "b-mfa", &score, &n);
  g_assert_cmpstr (text, ==, "Yes");
  g_assert_cmpfloat (score, ==, 100);
  g_clear_pointer (&text, g_free);

  /* A fact without a responsible group: everyone it asks, by the median
   * of their scores, which one wild answer does not move (the mean would
   * be 66.7). Share: 0 → 0, 50 → 50, 90 → 100. */
  add_value (answers, 1, RD_GROUP_LEADER, "b-share", 1, 95);
  add_value (answers, 7, RD_GROUP_TEACHER, "b-share", 1, 92);
  add_value (answers, 8, RD_GROUP_PARENT, "b-share", 1, 5);
  text = fact_of (framework, answers, "b-share", &score, &n);
  g_assert_cmpstr (text, ==, "answers differ: median 92 %, range 5–95");
  g_assert_cmpfloat (score, ==, 100);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_format_figure (void)
{
  static const struct { double value; const char *text; } figures[] = {
    { 1000, "1000" }, { 12500, "12,500" }, { 100000, "100,000" }, { 1.375, "1.38" }, { 0.5, "0.5" },
    { 2.0, "2" }, { 66.666666, "66.67" }, { -0.001, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *text = rd_format_figure (figures[i].value);

      g_assert_cmpstr (text, ==, figures[i].text);
    }
}

/* The one definition of the gap: 0 at or above the target. */
static void
test_gap_to_target (void)
{
  g_assert_cmpfloat (rd_gap_to_target (62, 70), ==, 8);
  g_assert_cmpfloat (rd_gap_to_target (70, 70), ==, 0);
  g_assert_cmpfloat (rd_gap_to_target (100, 60), ==, 0);
  g_assert_true (isnan (rd_gap_to_target (NAN, 60)));
  g_assert_true (isnan (rd_gap_to_target (50, NAN)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/item-and-area-scores", test_item_and_area_scores);
  g_test_add_func ("/analysis/factor-readiness", test_factor_readiness);
  g_test_add_func ("/analysis/targets-change-gaps", test_targets_change_gaps);
  g_test_add_func ("/analysis/weakest-and-priorities", test_weakest_and_priorities);
  g_test_add_func ("/analysis/group", test_group);
  g_test_add_func ("/analysis/pulse-mode", test_pulse_mode);
  g_test_add_func ("/analysis/compare", test_compare);
  g_test_add_func ("/analysis/months-between", test_months_between);
  g_test_add_func ("/analysis/through-store", test_through_store);
  g_test_add_func ("/analysis/fact-values", test_fact_values);
  g_test_add_func ("/analysis/audience-only", test_audience_only);
  g_test_add_func ("/analysis/fact-responsible", test_fact_responsible);
  g_test_add_func ("/analysis/format-figure", test_format_figure);
  g_test_add_func ("/analysis/gap-to-target", test_gap_to_target);

  return g_test_run ();
}
