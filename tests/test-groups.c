#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rd-errors.h"
#include "rd-group-comparison.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

/* Teachers: a-plan 2, 3, 4 (25, 50, 75), b-share 50, 90, 0 (50, 100, 0).
 * Leaders: a-plan 5, 5, 4 (100, 100, 75), a-team 5, b-share 90 (100).
 * With @learners, two learners, a-plan 1, 1: below the threshold of 3. */
static GPtrArray *
make_answers (gboolean learners)
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
  if (learners)
    {
      rd_test_add_answer (answers, 20, RD_GROUP_LEARNER, "a-plan", 1, 1);
      rd_test_add_answer (answers, 21, RD_GROUP_LEARNER, "a-plan", 1, 1);
    }
  return answers;
}

/* Two learners are too few to be shown, and leaving them out would not
 * do: the school's overall figures minus the leaders' and the teachers'
 * would be theirs. So they are shown together with the smallest other
 * group (teachers and leaders tie; the later one in group order). */
static void
test_groups_and_threshold (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers (TRUE);
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, RD_ANONYMITY_THRESHOLD_DEFAULT);
  const RdGroupResult *leaders, *combined;

  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 2);
  leaders = rd_group_comparison_get_group (groups, 0);
  combined = rd_group_comparison_get_group (groups, 1);
  g_assert_cmpint (leaders->group, ==, RD_GROUP_LEADER);
  g_assert_false (leaders->combined);
  g_assert_cmpstr (leaders->title, ==, "School leader");
  g_assert_true (combined->combined);
  g_assert_cmpuint (combined->groups, ==, (1u << RD_GROUP_TEACHER) | (1u << RD_GROUP_LEARNER));
  g_assert_cmpstr (combined->title, ==, "Teachers and learners (combined)");
  g_assert_cmpuint (combined->n_respondents, ==, 5);
  g_assert_true (rd_group_comparison_is_shown (groups, RD_GROUP_LEADER));
  g_assert_false (rd_group_comparison_is_shown (groups, RD_GROUP_LEARNER));
  g_assert_false (rd_group_comparison_is_shown (groups, RD_GROUP_TEACHER));
  g_assert_cmpint (rd_group_comparison_get_view (groups, RD_GROUP_LEARNER), ==, RD_GROUP_VIEW_COMBINED);
  g_assert_cmpint (rd_group_comparison_get_view (groups, RD_GROUP_PARENT), ==, RD_GROUP_VIEW_NONE);
  g_assert_cmpuint (rd_group_comparison_get_n_withheld (groups), ==, 0);

  /* Leaders' engagement: a-plan 275 / 3, a-team 100, weight 1 each. */
  g_assert_cmpuint (leaders->n_respondents, ==, 3);
  g_assert_cmpfloat_with_epsilon (leaders->factors[RD_FACTOR_ENGAGEMENT].readiness,
                                  (275.0 / 3 + 100) / 2, EPSILON);
  g_assert_true (leaders->factors[RD_FACTOR_ENGAGEMENT].trusted);
  /* The combined strategy: a-plan over five people, (25 + 50 + 75 + 0 + 0) / 5. */
  g_assert_cmpfloat_with_epsilon (combined->factors[RD_FACTOR_STRATEGY].readiness, 30, EPSILON);
}

static void
test_where_views_differ (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers (FALSE);
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, 3);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (groups, 0);
  RdItemDifference *first, *second;
  enum { LEADERS, TEACHERS };

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
  g_assert_true (second->shown[TEACHERS]);
  g_assert_cmpfloat_with_epsilon (second->mean[TEACHERS], 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (second->spread[TEACHERS], sqrt (1250.0 / 3), EPSILON);
  g_assert_cmpuint (second->n[TEACHERS], ==, 3);
  g_assert_cmpfloat_with_epsilon (first->spread[LEADERS], 0, EPSILON);

  /* Beyond the views there is nothing, not even a count. */
  g_assert_false (second->shown[2]);
  g_assert_true (isnan (second->mean[2]));
  g_assert_cmpuint (second->n[2], ==, 0);
}

/* How the answers spread over the score bands, for the discussion view. */
static void
test_score_bands (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers (FALSE);
  g_autoptr(RdGroupComparison) groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers,
                                                                 NULL, 3);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (groups, 0);
  enum { LEADERS, TEACHERS };
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
      g_assert_cmpuint (plan->bands[TEACHERS][band], ==, teacher_plan[band]);
      g_assert_cmpuint (plan->bands[LEADERS][band], ==, leader_plan[band]);
      g_assert_cmpuint (share->bands[TEACHERS][band], ==, teacher_share[band]);
      g_assert_cmpuint (share->bands[LEADERS][band], ==, leader_share[band]);
    }
}

static void
test_lower_threshold_shows_small_groups (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers (TRUE);
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

/* @n respondents of @group from @first on, each with @value for every
 * item in @items. */
static void
add_people (GPtrArray          *answers,
            gint64              first,
            RdGroup             group,
            guint               n,
            const char * const *items,
            double              value)
{
  for (guint i = 0; i < n; i++)
    for (guint j = 0; items[j] != NULL; j++)
      rd_test_add_answer (answers, first + i, group, items[j], g_str_equal (items[j], "a-team") ? 2 : 1, value);
}

static const RdItemDifference *
find_difference (GArray     *differences,
                 const char *item_id)
{
  for (guint i = 0; i < differences->len; i++)
    {
      const RdItemDifference *difference = &g_array_index (differences, RdItemDifference, i);

      if (g_str_equal (rd_item_get_id (difference->item), item_id))
        return difference;
    }
  return NULL;
}

static void
test_plan (void)
{
  static const struct {
    guint threshold;
    guint n[RD_N_GROUPS];   /* leader, teacher, support, learner, parent, other */
    RdGroupView view[RD_N_GROUPS];
    guint n_views, n_withheld;
  } cases[] = {
#define O RD_GROUP_VIEW_OWN
#define C RD_GROUP_VIEW_COMBINED
#define W RD_GROUP_VIEW_WITHHELD
#define N RD_GROUP_VIEW_NONE
    /* Every group large enough: each on its own. */
    { 3, { 3, 12, 4 }, { O, O, O, N, N, N }, 3, 0 },
    /* Two leaders and a parent reach 3 together. */
    { 3, { 2, 12, 0, 0, 1 }, { C, O, N, N, C, N }, 2, 0 },
    /* Two leaders alone: the smallest other group joins them. */
    { 3, { 2, 12, 3, 30 }, { C, O, C, O, N, N }, 3, 0 },
    /* Among equals, the later group joins, so leaders and teachers stay apart. */
    { 3, { 2, 5, 5, 5 }, { C, O, O, C, N, N }, 3, 0 },
    { 3, { 3, 3, 0, 2 }, { O, C, N, C, N, N }, 2, 0 },
    /* Beside two leaders only teachers: the school minus the teachers would
     * be the leaders, so no group is shown. */
    { 3, { 2, 12 }, { W, W, N, N, N, N }, 0, 2 },
    /* Too few respondents at all. */
    { 3, { 1, 1 }, { W, W, N, N, N, N }, 0, 2 },
    /* Small groups that reach the threshold together are the whole school. */
    { 5, { 2, 3 }, { C, C, N, N, N, N }, 1, 0 },
    /* A threshold below the limit is the limit: one teacher is too few. */
    { 0, { 4, 1 }, { W, W, N, N, N, N }, 0, 2 },
#undef O
#undef C
#undef W
#undef N
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      RdGroupPlan plan;

      g_test_message ("case %u", c);
      rd_group_plan_init (&plan, cases[c].n, cases[c].threshold);
      for (guint g = 0; g < RD_N_GROUPS; g++)
        g_assert_cmpint (plan.view[g], ==, cases[c].view[g]);
      g_assert_cmpuint (rd_group_plan_get_n_views (&plan), ==, cases[c].n_views);
      g_assert_cmpuint (plan.n_withheld, ==, cases[c].n_withheld);
      g_assert_cmpuint (plan.threshold, >=, RD_ANONYMITY_THRESHOLD_MIN);
    }
}

static void
test_check_figures (void)
{
  static const struct {
    guint n[4];
    gboolean shown[4];
  } cases[] = {
    { { 5, 4, 3 }, { TRUE, TRUE, TRUE } },
    /* One answer hidden: the smallest shown figure goes too (ties: the last). */
    { { 5, 4, 1 }, { TRUE, FALSE, FALSE } },
    { { 4, 4, 1 }, { TRUE, FALSE, FALSE } },
    /* Hidden figures that together reach the threshold need no more. */
    { { 5, 2, 1 }, { TRUE, FALSE, FALSE } },
    { { 5, 4, 2, 2 }, { TRUE, TRUE, FALSE, FALSE } },
    /* Nobody answered: nothing to protect. */
    { { 5, 0, 4 }, { TRUE, FALSE, TRUE } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gboolean shown[4];
      guint n_shown = 0;

      rd_anonymity_check_figures (cases[c].n, 4, 3, shown);
      for (guint v = 0; v < 4; v++)
        {
          g_assert_cmpint (shown[v], ==, cases[c].shown[v]);
          n_shown += shown[v];
        }
      g_assert_cmpuint (rd_anonymity_check_figures (cases[c].n, 4, 3, shown), ==, n_shown);
    }
}

/* The "Parent 0 (± 0)": three parents, but one answered a-plan. */
static void
test_figure_needs_enough_answers (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  static const char * const both[] = { "a-plan", "b-share", NULL }, * const share_only[] = { "b-share", NULL };
  g_autoptr(RdGroupComparison) groups = NULL;
  g_autoptr(GArray) differences = NULL;
  const RdItemDifference *share;
  RdItemDifference plan;

  add_people (answers, 1, RD_GROUP_LEADER, 3, both, 5);
  add_people (answers, 10, RD_GROUP_TEACHER, 3, both, 3);
  add_people (answers, 20, RD_GROUP_PARENT, 1, both, 1);
  add_people (answers, 21, RD_GROUP_PARENT, 2, share_only, 50);
  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 3);
  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 3);
  g_assert_true (rd_group_comparison_is_shown (groups, RD_GROUP_PARENT));

  /* a-plan: the parent's one answer is hidden, and so are the teachers'
   * (the smallest other, last among equals): the leaders' alone is left,
   * no difference to show. */
  g_assert_true (rd_group_comparison_get_item_figures (groups, rd_framework_lookup_item (framework, "a-plan"),
                                                       &plan));
  g_assert_true (plan.shown[0]);
  g_assert_false (plan.shown[1]);
  g_assert_false (plan.shown[2]);
  g_assert_true (isnan (plan.mean[2]));
  g_assert_cmpuint (plan.n[2], ==, 0);

  differences = rd_group_comparison_list_differences (groups, 0);
  g_assert_cmpuint (differences->len, ==, 1);
  g_assert_null (find_difference (differences, "a-plan"));
  share = find_difference (differences, "b-share");
  g_assert_true (share != NULL && share->shown[2]);
}

/* A factor figure of a group is built from its shown item figures only. */
static void
test_factor_from_shown_items (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  static const char * const both[] = { "a-plan", "a-team", NULL }, * const plan[] = { "a-plan", NULL };
  g_autoptr(RdGroupComparison) groups = NULL;
  const RdGroupResult *leaders, *teachers;

  add_people (answers, 1, RD_GROUP_LEADER, 3, both, 5);
  add_people (answers, 10, RD_GROUP_TEACHER, 1, both, 2);
  add_people (answers, 11, RD_GROUP_TEACHER, 2, plan, 2);
  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 3);
  leaders = rd_group_comparison_get_group (groups, 0);
  teachers = rd_group_comparison_get_group (groups, 1);

  /* Engagement is a-plan and a-team. One teacher answered a-team: hidden,
   * and the leaders' a-team with it, else the school's a-team minus the
   * leaders' would be that teacher's. One item of two is too few. */
  g_assert_false (teachers->factors[RD_FACTOR_ENGAGEMENT].trusted);
  g_assert_cmpuint (teachers->factors[RD_FACTOR_ENGAGEMENT].n_answered, ==, 1);
  g_assert_false (leaders->factors[RD_FACTOR_ENGAGEMENT].trusted);
  g_assert_cmpuint (leaders->factors[RD_FACTOR_ENGAGEMENT].n_answered, ==, 1);
  /* Strategy rests on a-plan, which all of them answered: 100 and 25 from
   * a-plan alone (one item of three is too few to trust). */
  g_assert_cmpfloat_with_epsilon (leaders->factors[RD_FACTOR_STRATEGY].readiness, 100, EPSILON);
  g_assert_cmpfloat_with_epsilon (teachers->factors[RD_FACTOR_STRATEGY].readiness, 25, EPSILON);
}

/* Two leaders, three support staff and twelve teachers: the leaders are
 * never shown apart, but leaders with support staff against teachers is. */
static void
test_combined_keeps_a_comparison (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  static const char * const items[] = { "a-plan", "a-team", "b-share", NULL };
  g_autoptr(RdGroupComparison) groups = NULL;
  g_autoptr(GArray) differences = NULL;
  g_autofree char *rule = NULL;
  const RdGroupResult *combined;
  const RdItemDifference *plan;

  add_people (answers, 1, RD_GROUP_LEADER, 2, items, 5);
  add_people (answers, 10, RD_GROUP_SUPPORT_STAFF, 3, items, 4);
  add_people (answers, 20, RD_GROUP_TEACHER, 12, items, 2);
  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 3);

  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 2);
  combined = rd_group_comparison_get_group (groups, 0);
  g_assert_true (combined->combined);
  g_assert_cmpstr (combined->title, ==, "School leaders and support staff (combined)");
  g_assert_cmpuint (combined->n_respondents, ==, 5);
  g_assert_cmpstr (rd_group_comparison_get_group (groups, 1)->title, ==, "Teacher");
  g_assert_cmpint (rd_group_comparison_get_view (groups, RD_GROUP_LEADER), ==, RD_GROUP_VIEW_COMBINED);
  g_assert_cmpint (rd_group_comparison_get_view (groups, RD_GROUP_SUPPORT_STAFF), ==, RD_GROUP_VIEW_COMBINED);

  /* a-plan: (2 × 100 + 3 × 75) / 5 = 85 against 25. */
  differences = rd_group_comparison_list_differences (groups, 0);
  plan = find_difference (differences, "a-plan");
  if (plan == NULL)
    g_error ("a-plan is not among the differences");
  g_assert_cmpfloat_with_epsilon (plan->mean[0], 85, EPSILON);
  g_assert_cmpuint (plan->n[0], ==, 5);
  g_assert_cmpfloat_with_epsilon (plan->difference, 60, EPSILON);

  rule = rd_group_comparison_describe_rule (groups);
  g_assert_nonnull (strstr (rule, "at least 3 respondents"));
  g_assert_nonnull (strstr (rule, "School leaders and support staff are shown combined"));
}

/* Two leaders and twelve teachers: the teachers' figures and the school's
 * would give away the leaders', so no group is shown. */
static void
test_one_other_group_withholds_all (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  static const char * const items[] = { "a-plan", "b-share", NULL };
  g_autoptr(RdGroupComparison) groups = NULL;
  g_autoptr(GArray) differences = NULL;
  g_autofree char *rule = NULL;
  RdItemDifference plan;

  add_people (answers, 1, RD_GROUP_LEADER, 2, items, 5);
  add_people (answers, 10, RD_GROUP_TEACHER, 12, items, 2);
  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 3);

  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 0);
  g_assert_cmpuint (rd_group_comparison_get_n_withheld (groups), ==, 2);
  g_assert_false (rd_group_comparison_is_shown (groups, RD_GROUP_TEACHER));
  g_assert_false (rd_group_comparison_get_item_figures (groups, rd_framework_lookup_item (framework, "a-plan"),
                                                        &plan));
  differences = rd_group_comparison_list_differences (groups, 0);
  g_assert_cmpuint (differences->len, ==, 0);
  rule = rd_group_comparison_describe_rule (groups);
  g_assert_nonnull (strstr (rule, "No group is shown apart"));
}

/* The privacy officer's check, on many random workshops: every figure a
 * view shows rests on at least the threshold's number of answers; where
 * an item shows any, the answers behind the hidden ones (what the school's
 * overall figure minus the shown ones reveals) are none or at least as
 * many; and factor figures use shown items only. */
static void
test_no_figure_rests_on_fewer_answers (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint n_hidden_checked = 0, n_combined = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
      g_autoptr(RdGroupComparison) groups = NULL;
      guint threshold = g_rand_int_range (rand, RD_ANONYMITY_THRESHOLD_MIN, 6);
      gint64 respondent = 1;

      for (guint g = 0; g < RD_N_GROUPS; g++)
        {
          guint n = g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_int_range (rand, 1, 9);

          for (guint r = 0; r < n; r++, respondent++)
            for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
              {
                RdItem *item = rd_framework_get_item (framework, i);
                guint chance = g_rand_int_range (rand, 0, 10);

                if (rd_item_get_kind (item) != RD_ITEM_KIND_STATEMENT || chance < 3)
                  continue;
                /* Some "not applicable": an answer, but not one behind a figure. */
                rd_test_add_answer (answers, respondent, g, rd_item_get_id (item), rd_item_get_version (item),
                                    g_rand_int_range (rand, 1, 6))->not_applicable = chance == 3;
              }
        }

      groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, threshold);

      for (guint v = 0; v < rd_group_comparison_get_n_groups (groups); v++)
        {
          const RdGroupResult *view = rd_group_comparison_get_group (groups, v);

          g_assert_cmpuint (view->n_respondents, >=, threshold);
          if (view->combined)
            {
              g_assert_cmpuint (g_bit_nth_lsf (view->groups, -1), !=, g_bit_nth_msf (view->groups, -1));
              n_combined++;
            }
        }

      for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
        {
          RdItem *item = rd_framework_get_item (framework, i);
          RdItemDifference figures;
          guint n_hidden = 0, n_shown = 0;

          rd_group_comparison_get_item_figures (groups, item, &figures);
          for (guint v = 0; v < RD_N_GROUPS; v++)
            n_shown += figures.shown[v];
          for (guint a = 0; a < answers->len; a++)
            {
              const RdAnswer *answer = g_ptr_array_index (answers, a);
              gboolean in_shown = FALSE;

              if (!g_str_equal (answer->item_id, rd_item_get_id (item)) || answer->not_applicable)
                continue;
              for (guint v = 0; v < rd_group_comparison_get_n_groups (groups); v++)
                if (figures.shown[v] && (rd_group_comparison_get_group (groups, v)->groups & (1u << answer->group)))
                  in_shown = TRUE;
              n_hidden += in_shown ? 0 : 1;
            }
          /* With nothing shown, the hidden answers are the school's own
           * overall figure, which every respondent counts in anyway. */
          if (n_shown > 0 && n_hidden > 0 && n_hidden < threshold)
            {
              for (guint g = 0; g < RD_N_GROUPS; g++)
                g_test_message ("group %u: view %d", g, rd_group_comparison_get_view (groups, g));
              for (guint v = 0; v < RD_N_GROUPS; v++)
                g_test_message ("view %u: shown %d n %u", v, figures.shown[v], figures.n[v]);
              g_error ("round %u, %s: %u hidden answers, threshold %u", round, rd_item_get_id (item), n_hidden,
                       threshold);
            }
          n_hidden_checked += n_hidden > 0;

          for (guint v = 0; v < RD_N_GROUPS; v++)
            g_assert_true (!figures.shown[v] || figures.n[v] >= threshold);
        }

      for (guint v = 0; v < rd_group_comparison_get_n_groups (groups); v++)
        for (guint f = 0; f < RD_N_FACTORS; f++)
          {
            guint n_shown_items = 0;

            for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
              {
                RdItem *item = rd_framework_get_item (framework, i);
                RdItemDifference figures;

                if (rd_item_get_weight (item, f) > 0 && rd_group_comparison_get_item_figures (groups, item, &figures) &&
                    figures.shown[v])
                  n_shown_items++;
              }
            g_assert_cmpuint (rd_group_comparison_get_group (groups, v)->factors[f].n_answered, ==, n_shown_items);
          }

      for (guint g = 0; g < RD_N_GROUPS; g++)
        {
          RdGroupView view = rd_group_comparison_get_view (groups, g);

          g_assert_true (view == RD_GROUP_VIEW_NONE || view == RD_GROUP_VIEW_WITHHELD ||
                         rd_group_comparison_get_n_groups (groups) > 0);
        }
    }

  /* The rounds reached the cases that matter. */
  g_test_message ("%u items with hidden answers, %u combined views", n_hidden_checked, n_combined);
  g_assert_cmpuint (n_hidden_checked, >, 50);
  g_assert_cmpuint (n_combined, >, 50);
}

/* One definition of the limits: the core's, which the settings schema repeats. */
static void
test_threshold_limits (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdGroupComparison) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "io.github.digiready.Readiness.gschema.xml", NULL);
  g_autofree char *schema = NULL;
  g_autoptr(GRegex) key = g_regex_new ("<key name=\"anonymity-threshold\" type=\"i\">\\s*"
                                       "<range min=\"(\\d+)\" max=\"(\\d+)\"/>\\s*<default>(\\d+)</default>",
                                       0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *min = NULL, *max = NULL, *fallback = NULL;

  g_assert_cmpuint (rd_anonymity_threshold_clamp (-5), ==, 2);
  g_assert_cmpuint (rd_anonymity_threshold_clamp (0), ==, 2);
  g_assert_cmpuint (rd_anonymity_threshold_clamp (1), ==, 2);
  g_assert_cmpuint (rd_anonymity_threshold_clamp (7), ==, 7);
  g_assert_cmpuint (rd_anonymity_threshold_clamp (21), ==, 20);

  g_assert_true (rd_anonymity_threshold_validate (2, &error));
  g_assert_true (rd_anonymity_threshold_validate (20, &error));
  g_assert_no_error (error);
  g_assert_false (rd_anonymity_threshold_validate (1, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "at least 2"));
  g_clear_error (&error);
  g_assert_false (rd_anonymity_threshold_validate (21, &error));
  g_assert_nonnull (strstr (error->message, "between 2 and 20"));

  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 0);
  g_assert_cmpuint (rd_group_comparison_get_threshold (groups), ==, 2);

  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, NULL));
  g_assert_true (g_regex_match (key, schema, 0, &match));
  min = g_match_info_fetch (match, 1);
  max = g_match_info_fetch (match, 2);
  fallback = g_match_info_fetch (match, 3);
  g_assert_cmpint (atoi (min), ==, RD_ANONYMITY_THRESHOLD_MIN);
  g_assert_cmpint (atoi (max), ==, RD_ANONYMITY_THRESHOLD_MAX);
  g_assert_cmpint (atoi (fallback), ==, RD_ANONYMITY_THRESHOLD_DEFAULT);
}

/* A group's view holds what the group is asked: learners are not asked
 * the bandwidth, so their view has no figure for it ("not asked", not
 * "too few answers"), and their factor readiness counts only the items
 * they are asked among its items. audience.json: learners are
 * asked a-plan and b-share; leaders everything. */
static void
test_view_of_what_is_asked (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdGroupComparison) groups = NULL;
  RdItem *speed = rd_framework_lookup_item (framework, "b-speed");
  const RdGroupResult *leaders, *learners;
  RdItemDifference figures;

  for (guint i = 0; i < 3; i++)
    {
      rd_test_add_answer (answers, 1 + i, RD_GROUP_LEADER, "a-plan", 1, 5);
      rd_test_add_answer (answers, 1 + i, RD_GROUP_LEADER, "b-speed", 1, 1000);
      rd_test_add_answer (answers, 1 + i, RD_GROUP_LEADER, "b-share", 1, 90);
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEARNER, "a-plan", 1, 2);
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEARNER, "b-share", 1, 50);
      /* Stored from before the framework said who is asked: no figure. */
      rd_test_add_answer (answers, 10 + i, RD_GROUP_LEARNER, "b-speed", 1, 10);
    }
  groups = rd_group_comparison_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, 3);
  g_assert_cmpuint (rd_group_comparison_get_n_groups (groups), ==, 2);
  leaders = rd_group_comparison_get_group (groups, 0);
  learners = rd_group_comparison_get_group (groups, 1);
  g_assert_cmpint (learners->group, ==, RD_GROUP_LEARNER);

  g_assert_true (rd_group_comparison_get_item_figures (groups, speed, &figures));
  g_assert_true (figures.shown[0]);
  g_assert_false (figures.shown[1]);
  g_assert_cmpuint (figures.n[1], ==, 0);
  g_assert_true (rd_group_comparison_view_is_asked (groups, 0, speed));
  g_assert_false (rd_group_comparison_view_is_asked (groups, 1, speed));
  g_assert_cmpstr (rd_group_not_asked_text (), ==, "not asked");

  /* Strategy: a-plan, a-review and b-speed are the leaders' items; of
   * the learners' only a-plan, one answered item: fewer than the two a
   * readiness needs, however it is counted. */
  g_assert_cmpuint (leaders->factors[RD_FACTOR_STRATEGY].n_items, ==, 3);
  g_assert_cmpuint (learners->factors[RD_FACTOR_STRATEGY].n_items, ==, 1);
  g_assert_false (learners->factors[RD_FACTOR_STRATEGY].trusted);
  /* Capacity: b-share is theirs, a-team and b-mfa are not. */
  g_assert_cmpuint (learners->factors[RD_FACTOR_CAPACITY].n_items, ==, 1);
  g_assert_cmpfloat_with_epsilon (learners->factors[RD_FACTOR_CAPACITY].readiness, 50, EPSILON);
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
  g_test_add_func ("/groups/plan", test_plan);
  g_test_add_func ("/groups/check-figures", test_check_figures);
  g_test_add_func ("/groups/figure-needs-enough-answers", test_figure_needs_enough_answers);
  g_test_add_func ("/groups/factor-from-shown-items", test_factor_from_shown_items);
  g_test_add_func ("/groups/combined-keeps-a-comparison", test_combined_keeps_a_comparison);
  g_test_add_func ("/groups/one-other-group-withholds-all", test_one_other_group_withholds_all);
  g_test_add_func ("/groups/no-figure-rests-on-fewer-answers", test_no_figure_rests_on_fewer_answers);
  g_test_add_func ("/groups/threshold-limits", test_threshold_limits);
  g_test_add_func ("/groups/view-of-what-is-asked", test_view_of_what_is_asked);

  return g_test_run ();
}
