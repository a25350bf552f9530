#include "config.h"

#include <math.h>

#include "rd-council.h"
#include "rd-results.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

typedef struct
{
  char *path;
  RdStore *store;
  RdFramework *framework;
  gint64 school_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-results-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (dir, "results.db", NULL);
  fixture->store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->framework = rd_test_load_framework ("small.json");
  fixture->school_id = rd_store_add_school (fixture->store, "School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->framework);
  rd_test_remove_database (fixture->path);
  g_free (fixture->path);
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

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/results/single-assessment", Fixture, NULL, fixture_set_up, test_single_assessment, fixture_tear_down);
  g_test_add ("/results/previous-and-trend", Fixture, NULL, fixture_set_up, test_previous_and_trend, fixture_tear_down);
  g_test_add ("/results/answered-by-audience", Fixture, NULL, fixture_set_up, test_answered_by_audience,
              fixture_tear_down);
  g_test_add_func ("/results/council-titles", test_council_titles);

  return g_test_run ();
}
