#include "config.h"

#include <math.h>

#include "rd-group-comparison.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

/* Teachers: a-plan 2, 3, 4 (25, 50, 75), b-share 50, 90, 0 (50, 100, 0).
 * Leaders: a-plan 5, 5, 4 (100, 100, 75), a-team 5, b-share 90 (100).
 * Learners: only two, a-plan 1, 1: below the threshold of 3. */
static GPtrArray *
make_answers (void)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  static const double teacher_plan[] = { 2, 3, 4 }, teacher_share[] = { 50, 90, 0 };
  static const double leader_plan[] = { 5, 5, 4 };

  for (guint i = 0; i < 3; i++)
    {
      rd_test_add_answer (answers, 1 + i, RD_GROUP_TEACHER, "a-plan", 1, teacher_plan[i]);
      rd_test_add_answer (answers, 1 + i, RD_GROUP_TEACHER, "b-share", 1, teacher_share[i]);
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEADER, "a-plan", 1, leader_plan[i]);
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEADER, "a-team", 2, 5);
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEADER, "b-share", 1, 90);
    }
  rd_test_add_answer (answers, 20, RD_GROUP_LEARNER, "a-plan", 1, 1);
  rd_test_add_answer (answers, 21, RD_GROUP_LEARNER, "a-plan", 1, 1);
  return answers;
}

static void
test_groups_and_threshold (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, RD_DEFAULT_ANONYMITY_THRESHOLD);
  const RdGroupResult *leaders;

  /* Leaders and teachers are shown, in group order; the two learners are not. */
  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 2);
  g_assert_cmpint (rd_group_comparison_get_group (groups, 0)->group, ==, RD_GROUP_LEADER);
  g_assert_cmpint (rd_group_comparison_get_group (groups, 1)->group, ==, RD_GROUP_TEACHER);
  g_assert_false (rd_group_comparison_is_shown (groups, RD_GROUP_LEARNER));
  g_assert_cmpuint (rd_group_comparison_get_n_withheld (groups), ==, 1);

  /* Leaders' engagement: a-plan 275 / 3, a-team 100, weight 1 each. */
  leaders = rd_group_comparison_get_group (groups, 0);
  g_assert_cmpuint (leaders->n_respondents, ==, 3);
  g_assert_cmpfloat_with_epsilon (leaders->factors[RD_FACTOR_ENGAGEMENT].readiness,
                                  (275.0 / 3 + 100) / 2, EPSILON);
  g_assert_true (leaders->factors[RD_FACTOR_ENGAGEMENT].trusted);
}

static void
test_where_views_differ (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, 3);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (groups, 0);
  RdItemDifference *first, *second;

  /* b-share: leaders 100, teachers 50 → 50; a-plan: 275 / 3 − 50 → 41.7;
   * a-team was answered by leaders only: no difference to show. */
  g_assert_cmpuint (differences->len, ==, 2);
  first = &g_array_index (differences, RdItemDifference, 0);
  second = &g_array_index (differences, RdItemDifference, 1);
  g_assert_cmpstr (rd_item_get_id (first->item), ==, "b-share");
  g_assert_cmpfloat_with_epsilon (first->difference, 50, EPSILON);
  g_assert_cmpstr (rd_item_get_id (second->item), ==, "a-plan");
  g_assert_cmpfloat_with_epsilon (second->difference, 275.0 / 3 - 50, EPSILON);

  /* Teachers' a-plan: 25, 50, 75 → mean 50, standard deviation √(1250 / 3). */
  g_assert_cmpfloat_with_epsilon (second->mean[RD_GROUP_TEACHER], 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (second->spread[RD_GROUP_TEACHER], sqrt (1250.0 / 3), EPSILON);
  g_assert_cmpuint (second->n[RD_GROUP_TEACHER], ==, 3);
  g_assert_cmpfloat_with_epsilon (first->spread[RD_GROUP_LEADER], 0, EPSILON);

  /* The learners' answers leave no trace, not even a count. */
  g_assert_true (isnan (second->mean[RD_GROUP_LEARNER]));
  g_assert_true (isnan (second->spread[RD_GROUP_LEARNER]));
  g_assert_cmpuint (second->n[RD_GROUP_LEARNER], ==, 0);
  for (guint band = 0; band < RD_N_SCORE_BANDS; band++)
    g_assert_cmpuint (second->bands[RD_GROUP_LEARNER][band], ==, 0);
}

/* How the answers spread over the score bands, for the discussion view. */
static void
test_score_bands (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, 3);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (groups, 0);
  RdItemDifference *share = &g_array_index (differences, RdItemDifference, 0);
  RdItemDifference *plan = &g_array_index (differences, RdItemDifference, 1);
  static const guint teacher_plan[] = { 0, 1, 1, 1, 0 }, leader_plan[] = { 0, 0, 0, 1, 2 };
  static const guint teacher_share[] = { 1, 0, 1, 0, 1 }, leader_share[] = { 0, 0, 0, 0, 3 };

  g_assert_cmpuint (rd_score_band (0), ==, 0);
  g_assert_cmpuint (rd_score_band (19.99), ==, 0);
  g_assert_cmpuint (rd_score_band (20), ==, 1);
  g_assert_cmpuint (rd_score_band (50), ==, 2);
  g_assert_cmpuint (rd_score_band (79.99), ==, 3);
  g_assert_cmpuint (rd_score_band (100), ==, 4);
  g_assert_cmpuint (rd_score_band (-5), ==, 0);
  g_assert_cmpuint (rd_score_band (250), ==, 4);

  for (guint band = 0; band < RD_N_SCORE_BANDS; band++)
    {
      g_assert_cmpuint (plan->bands[RD_GROUP_TEACHER][band], ==, teacher_plan[band]);
      g_assert_cmpuint (plan->bands[RD_GROUP_LEADER][band], ==, leader_plan[band]);
      g_assert_cmpuint (share->bands[RD_GROUP_TEACHER][band], ==, teacher_share[band]);
      g_assert_cmpuint (share->bands[RD_GROUP_LEADER][band], ==, leader_share[band]);
    }
}

static void
test_lower_threshold_shows_small_groups (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, 2);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (groups, 1);
  RdItemDifference *top;

  g_assert_true (rd_group_comparison_is_shown (groups, RD_GROUP_LEARNER));
  g_assert_cmpuint (rd_group_comparison_get_n_withheld (groups), ==, 0);

  /* Now a-plan spans learners 0 to leaders 91.7 and comes first. */
  g_assert_cmpuint (differences->len, ==, 1);
  top = &g_array_index (differences, RdItemDifference, 0);
  g_assert_cmpstr (rd_item_get_id (top->item), ==, "a-plan");
  g_assert_cmpfloat_with_epsilon (top->difference, 275.0 / 3, EPSILON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/groups/groups-and-threshold", test_groups_and_threshold);
  g_test_add_func ("/groups/where-views-differ", test_where_views_differ);
  g_test_add_func ("/groups/score-bands", test_score_bands);
  g_test_add_func ("/groups/lower-threshold-shows-small-groups", test_lower_threshold_shows_small_groups);

  return g_test_run ();
}
