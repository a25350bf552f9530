#include "config.h"

#include <math.h>


#include "rd-council.h"
#include "rd-assessment-scores.h"
#include "rd-comparison.h"
#include "rd-results.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

/* small.json and the school "School"; each test adds its assessments. */
typedef RdTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (fixture, "School", NULL, RD_SCHOOL_TYPE_UNSET);
}

/* An assessment whose leader answered a-plan, a-team (v2) and b-share. */
static gint64
add_assessment (Fixture            *fixture,
                const char         *year,
                RdAssessmentMode    mode,
                RdAssessmentStatus  status,
                double              plan,
                double              share)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rd_store_add_assessment (fixture->store, fixture->school_id, year, fixture->framework, mode, &error);
  gint64 leader = rd_store_ensure_respondent (fixture->store, id, &error);

  rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (fixture->framework, "a-plan"),
                             plan, &error);
  rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (fixture->framework, "a-team"),
                             3, &error);
  rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (fixture->framework, "b-share"),
                             share, &error);
  rd_store_set_answer_not_applicable (fixture->store, leader,
                                      rd_framework_lookup_item (fixture->framework, "b-mfa"), &error);
  rd_store_set_assessment_status (fixture->store, id, status, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_single_assessment (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = NULL;
  gint64 id = add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_FULL, RD_ASSESSMENT_STATUS_DRAFT, 5, 95);
  RdFactorResult result;

  results = rd_results_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);

  /* Four of six items answered, "not applicable" included. */
  g_assert_cmpuint (rd_results_get_n_items (results), ==, 6);
  g_assert_cmpuint (rd_results_get_n_answered (results), ==, 4);
  g_assert_null (rd_results_get_previous (results));
  g_assert_cmpuint (rd_results_get_n_years (results), ==, 1);

  /* capacity: a-team 50 ×1, b-share 100 ×2 → 250 / 3; the trend holds the same. */
  rd_analysis_get_factor (rd_results_get_analysis (results), RD_FACTOR_CAPACITY, &result);
  g_assert_cmpfloat_with_epsilon (result.readiness, 250.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_results_get_trend (results, 0, RD_FACTOR_CAPACITY), 250.0 / 3, EPSILON);
  /* strategy: only a-plan of its three items: not trusted, a gap in the trend. */
  g_assert_true (isnan (rd_results_get_trend (results, 0, RD_FACTOR_STRATEGY)));
}

/* The one count of answered items counts an item only when someone it asks
 * answered it: a learner's stored answer about bandwidth answers nothing. */
static void
test_answered_by_audience (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  gint64 id, leader, learner;

  id = rd_store_add_assessment (fixture->store, fixture->school_id, "2026-2027", framework,
                                RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture->store, id, &error);
  learner = rd_store_add_respondent (fixture->store, id, RD_GROUP_LEARNER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (framework, "a-team"),
                                            4, &error));
  g_assert_true (rd_store_set_answer_value (fixture->store, learner, rd_framework_lookup_item (framework, "a-plan"),
                                            4, &error));
  g_assert_true (rd_store_set_answer_value (fixture->store, learner, rd_framework_lookup_item (framework, "b-speed"),
                                            20, &error));
  g_assert_true (rd_store_set_answer_not_applicable (fixture->store, learner,
                                                     rd_framework_lookup_item (framework, "b-mfa"), &error));
  g_assert_no_error (error);

  assessment = rd_store_get_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_assessment_count_answered_items (assessment, framework), ==, 2);
  results = rd_results_load (fixture->store, framework, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_results_get_n_answered (results), ==, 2);
  g_assert_cmpuint (rd_analysis_get_n_scored_items (rd_results_get_analysis (results)), ==, 2);
}

static void
test_previous_and_trend (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = NULL;
  gint64 current, previous_full;

  add_assessment (fixture, "2024-2025", RD_ASSESSMENT_MODE_FULL, RD_ASSESSMENT_STATUS_COMPLETE, 1, 0);
  /* Two in 2025-2026: the complete full one speaks for the year, not the pulse draft. */
  previous_full = add_assessment (fixture, "2025-2026", RD_ASSESSMENT_MODE_FULL, RD_ASSESSMENT_STATUS_COMPLETE, 3, 50);
  add_assessment (fixture, "2025-2026", RD_ASSESSMENT_MODE_PULSE, RD_ASSESSMENT_STATUS_DRAFT, 5, 100);
  current = add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_FULL, RD_ASSESSMENT_STATUS_DRAFT, 5, 95);
  /* A later year does not count as previous. */
  add_assessment (fixture, "2027-2028", RD_ASSESSMENT_MODE_FULL, RD_ASSESSMENT_STATUS_DRAFT, 2, 10);

  results = rd_results_load (fixture->store, fixture->framework, current, &error);
  g_assert_no_error (error);

  g_assert_nonnull (rd_results_get_previous (results));
  g_assert_cmpint (rd_assessment_get_id (rd_results_get_previous_assessment (results)), ==, previous_full);
  /* alpha in 2025-2026: a-plan 3 (50) and a-team 3 (50). */
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_area_score (rd_results_get_previous (results), "alpha", NULL),
                                  50, EPSILON);

  g_assert_cmpuint (rd_results_get_n_years (results), ==, 4);
  g_assert_cmpstr (rd_results_get_year (results, 0), ==, "2024-2025");
  g_assert_cmpstr (rd_results_get_year (results, 2), ==, "2026-2027");
  /* capacity per year: (50 + 2 × share score) / 3 with b-share 0 → 0, 50 → 50, 95 → 100. */
  g_assert_cmpfloat_with_epsilon (rd_results_get_trend (results, 0, RD_FACTOR_CAPACITY), 50.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_results_get_trend (results, 1, RD_FACTOR_CAPACITY), 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_results_get_trend (results, 2, RD_FACTOR_CAPACITY), 250.0 / 3, EPSILON);
}

static void
test_council_titles (void)
{
  g_assert_cmpstr (rd_council_point_get_title ("4 b i"), ==, "gigabit connectivity for every school");
  g_assert_cmpstr (rd_council_point_get_title ("3 b vii"), ==, "cybersecurity training, awareness and access control");
  /* An unknown sub-point falls back to its parent. */
  g_assert_cmpstr (rd_council_point_get_title ("4 b ix"), ==, rd_council_point_get_title ("4 b"));
  g_assert_null (rd_council_point_get_title ("9"));
  g_assert_null (rd_council_point_get_title (""));

  /* Every point the built-in framework cites has a title. */
  {
    g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);

    for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
      {
        const char *point = rd_item_get_council_point (rd_framework_get_item (framework, i));
        char *space = strrchr (point, ' ');

        g_assert_nonnull (rd_council_point_get_title (point));
        /* Its own title, not only its parent's. */
        if (space != NULL)
          {
            g_autofree char *parent = g_strndup (point, (gsize) (space - point));
            g_assert_cmpstr (rd_council_point_get_title (point), !=, rd_council_point_get_title (parent));
          }
      }
  }
}

static RdFramework *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  RdFramework *framework = rd_framework_load_builtin (&error);

  g_assert_no_error (error);
  return framework;
}

/* The figures Readiness 1.0.0 itself computed for the two years of
 * tests/data/store/release-1.0.0-two-years.sql (its own store and
 * analysis wrote and scored them): readiness per factor, then per area in
 * the 1.0 framework's order. */
static const double release_factors[2][RD_N_FACTORS] = {
  { 65, 54.651162790697676, 42.375, 42.948717948717949 },
  { 46.145833333333336, 36.046511627906973, 54.1875, 46.513157894736842 },
};
static const char * const release_areas[] = {
  "strategy", "connectivity", "devices", "training", "cybersecurity", "engagement", "teaching",
};
static const double release_area_scores[2][G_N_ELEMENTS (release_areas)] = {
  { 62.142857142857146, 42.5, 48.125, 38.888888888888886, 44.444444444444443, 62.5, 46.875 },
  { 40.714285714285715, 52.5, 39.375, 51.111111111111114, 66.666666666666671, 37.5, 43.75 },
};

static void
assert_close_or_both_nan (double actual,
                          double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, EPSILON);
}

/* A school that assessed two years with 1.0.0 keeps its figures: each year
 * is scored with the framework edition it was answered with, and the trend
 * and the regional comparison count only questions that are the same
 * construct in every edition they span. */
static void
test_release_1_0_0 (gconstpointer data)
{
  RdFramework *(*load_current) (void) = data;
  g_auto(RdTestStore) release = { 0 };
  g_autoptr(GError) error = NULL;
  RdStore *store;
  RdFramework *current;
  gboolean changed_edition;
  RdFramework *edition;

  rd_test_store_create_from_dump (&release, "release-1.0.0-two-years.sql", load_current ());
  store = release.store;
  current = release.framework;
  changed_edition = g_strcmp0 (rd_framework_get_version (current), "1.0") != 0;

  for (gint64 id = 1; id <= 2; id++)
    {
      g_autoptr(RdResults) results = rd_results_load (store, current, id, &error);
      RdAnalysis *analysis;

      g_assert_no_error (error);
      analysis = rd_results_get_analysis (results);
      edition = rd_analysis_get_framework (analysis);
      g_assert_cmpstr (rd_framework_get_version (edition), ==, "1.0");
      g_assert_cmpuint (rd_framework_get_n_items (edition), ==, 58);
      g_assert_true ((edition != current) == changed_edition);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdFactorResult result;

          rd_analysis_get_factor (analysis, f, &result);
          g_assert_cmpfloat_with_epsilon (result.readiness, release_factors[id - 1][f], EPSILON);
        }
      for (guint a = 0; a < G_N_ELEMENTS (release_areas); a++)
        assert_close_or_both_nan (rd_analysis_get_area_score (analysis, release_areas[a], NULL),
                                  release_area_scores[id - 1][a]);
      g_assert_cmpuint (rd_results_get_n_items (results), ==, 58);
      g_assert_cmpuint (rd_results_get_n_years (results), ==, 2);
      /* Both years share the edition: the trend shows their own figures. */
      g_assert_false (rd_results_get_trend_editions (results, NULL, NULL));
      for (guint y = 0; y < 2; y++)
        for (guint f = 0; f < RD_N_FACTORS; f++)
          g_assert_cmpfloat_with_epsilon (rd_results_get_trend (results, y, f), release_factors[y][f], EPSILON);
    }

  /* A new year answered with the current edition: the trend across the
   * editions counts only what is the same in both, on one yardstick. */
  {
    gint64 id = rd_store_add_assessment (store, 1, "2026-2027", current, RD_ASSESSMENT_MODE_FULL, &error);
    gint64 leader = rd_store_ensure_respondent (store, id, &error);
    g_autoptr(RdResults) results = NULL;
    g_autoptr(GPtrArray) answers = NULL;
    g_autoptr(GPtrArray) compared = NULL;
    GPtrArray *versions = NULL;
    guint n_common = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < rd_framework_get_n_items (current); i++)
      {
        RdItem *item = rd_framework_get_item (current, i);

        if (rd_item_get_kind (item) == RD_ITEM_KIND_STATEMENT)
          rd_store_set_answer_value (store, leader, item, 1 + i % 5, &error);
        g_assert_no_error (error);
      }

    results = rd_results_load (store, current, id, &error);
    g_assert_no_error (error);
    g_assert_true (rd_analysis_get_framework (rd_results_get_analysis (results)) == current);
    g_assert_cmpuint (rd_results_get_n_years (results), ==, 3);
    g_assert_true (rd_results_get_trend_editions (results, &n_common, &versions) == changed_edition);
    if (changed_edition)
      {
        g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
        RdFramework *old = rd_framework_get_edition (current, RD_BUILTIN_FRAMEWORK_ID, "1.0");

        g_assert_true (old != current);
        g_assert_cmpuint (versions->len, ==, 2);
        g_assert_cmpstr (g_ptr_array_index (versions, 0), ==, "1.0");
        g_assert_cmpstr (g_ptr_array_index (versions, 1), ==, rd_framework_get_version (current));
        for (guint i = 0; i < rd_framework_get_n_items (current); i++)
          {
            RdItem *item = rd_framework_get_item (current, i);

            if (rd_item_same_construct (item, rd_framework_lookup_item (old, rd_item_get_id (item))))
              g_hash_table_add (common, (char *) rd_item_get_id (item));
          }
        g_assert_cmpuint (n_common, ==, g_hash_table_size (common));
        g_assert_cmpuint (n_common, >, 0);
        g_assert_cmpuint (n_common, <, rd_framework_get_n_items (current));

        /* Each year's trend point: its answers on the current yardstick,
         * the common questions only. */
        for (gint64 year = 1; year <= 3; year++)
          {
            g_autoptr(GPtrArray) year_answers = rd_store_list_answers (store, year, &error);
            double targets[RD_N_FACTORS];
            g_autoptr(RdAnalysis) expected = NULL;

            g_assert_true (rd_store_get_targets (store, year, targets, &error));
            expected = rd_analysis_new_filtered (current, RD_ASSESSMENT_MODE_FULL, year_answers, targets,
                                                 RD_ANALYSIS_ALL_GROUPS, common);
            for (guint f = 0; f < RD_N_FACTORS; f++)
              {
                RdFactorResult result;

                rd_analysis_get_factor (expected, f, &result);
                assert_close_or_both_nan (rd_results_get_trend (results, year - 1, f),
                                          result.trusted ? result.readiness : NAN);
              }
          }
      }

    /* Compare Schools: the 1.0 year is kept on the current framework's
     * questions that are the same, and says which edition it answered. */
    compared = rd_store_list_school_scores (store, current, "2025-2026", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (compared->len, ==, 1);
    g_assert_cmpstr (((RdSchoolScores *) g_ptr_array_index (compared, 0))->framework_version, ==, "1.0");
    g_assert_cmpuint (rd_school_scores_count_other_editions (compared, current, NULL), ==, changed_edition ? 1 : 0);
    answers = rd_store_list_answers (store, 2, &error);
    {
      g_autoptr(RdAssessmentScores) kept = rd_assessment_scores_compute (current, RD_ASSESSMENT_MODE_FULL, answers);

      for (guint f = 0; f < RD_N_FACTORS; f++)
        assert_close_or_both_nan (((RdSchoolScores *) g_ptr_array_index (compared, 0))->factor[f], kept->factor[f]);
    }

    /* Kept scores follow the framework that asks for them: 1.0's are
     * 1.0.0's own figures, and the current edition's are computed again. */
    if (changed_edition)
      {
        RdFramework *old = rd_framework_get_edition (current, RD_BUILTIN_FRAMEWORK_ID, "1.0");
        g_autoptr(GPtrArray) by_old = rd_store_list_school_scores (store, old, "2025-2026", &error);
        g_autoptr(GPtrArray) again = NULL;

        g_assert_no_error (error);
        for (guint f = 0; f < RD_N_FACTORS; f++)
          g_assert_cmpfloat_with_epsilon (((RdSchoolScores *) g_ptr_array_index (by_old, 0))->factor[f],
                                          release_factors[1][f], EPSILON);
        again = rd_store_list_school_scores (store, current, "2025-2026", &error);
        g_assert_no_error (error);
        for (guint f = 0; f < RD_N_FACTORS; f++)
          assert_close_or_both_nan (((RdSchoolScores *) g_ptr_array_index (again, 0))->factor[f],
                                    ((RdSchoolScores *) g_ptr_array_index (compared, 0))->factor[f]);
        g_assert_cmpfloat (((RdSchoolScores *) g_ptr_array_index (again, 0))->factor[RD_FACTOR_INVESTMENT], !=,
                           release_factors[1][RD_FACTOR_INVESTMENT]);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, rd_test_store_tear_down)
  ADD ("/results/single-assessment", test_single_assessment);
  ADD ("/results/previous-and-trend", test_previous_and_trend);
  ADD ("/results/answered-by-audience", test_answered_by_audience);
  g_test_add_func ("/results/council-titles", test_council_titles);
  g_test_add_data_func ("/results/release-1.0.0/builtin", load_builtin, test_release_1_0_0);
  g_test_add_data_func ("/results/release-1.0.0/next-edition", rd_test_load_next_edition, test_release_1_0_0);

  return g_test_run ();
}
