#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "rd-change.h"
#include "rd-fact-values.h"
#include "rd-statistics.h"
#include "rd-test-fixtures.h"

/* The t distribution and the incomplete beta function against values known
 * from tables (and from integrating the density numerically). */
static void
test_distribution (void)
{
  g_assert_cmpfloat_with_epsilon (rd_incomplete_beta (0.5, 2, 3), 11.0 / 16, 1e-12);
  g_assert_cmpfloat_with_epsilon (rd_incomplete_beta (0.3, 1, 1), 0.3, 1e-12);
  g_assert_cmpfloat (rd_incomplete_beta (0, 2, 3), ==, 0);
  g_assert_cmpfloat (rd_incomplete_beta (1, 2, 3), ==, 1);

  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (2.0, 5), 0.1019395, 1e-6);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (-2.0, 5), 0.1019395, 1e-6);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (2.228, 10), 0.0500118, 1e-6);
  /* df 1 is the Cauchy distribution: P(|T| ≥ 1) = 1/2. */
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (1, 1), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (0, 7), 1, 1e-12);
  /* Towards the normal: 1.96 gives 0.05 only as df grows. */
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (1.959964, 1e9), 0.05, 1e-6);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (1.959964, 1e6), 0.05, 1e-5);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (1.959964, 1e4), 0.0500277, 1e-6);
  g_assert_cmpfloat_with_epsilon (rd_student_t_two_sided_p (1.959964, 10), 0.0784409, 1e-6);
  g_assert_true (isnan (rd_student_t_two_sided_p (2, 0)));
}

static void
test_welch (void)
{
  const double before[] = { 1, 2, 3, 4 };
  const double after[] = { 3, 4, 5, 6, 7 };
  const double same[] = { 3, 3, 3 };
  RdWelch welch, summary;
  double mean, sd;

  /* By hand: means 2.5 and 5, variances 5/3 and 5/2; SE² = 5/12 + 1/2 = 11/12,
   * t = 2.5 / √(11/12) = 2.6112, df = (11/12)² / ((5/12)²/3 + (1/2)²/4) = 6.9808. */
  rd_welch_from_samples (before, 4, after, 5, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_OK);
  g_assert_cmpfloat_with_epsilon (welch.difference, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (welch.t, 2.5 / sqrt (11.0 / 12), 1e-12);
  g_assert_cmpfloat_with_epsilon (welch.df, (121.0 / 144) / (25.0 / 144 / 3 + 0.25 / 4), 1e-12);
  g_assert_cmpfloat_with_epsilon (welch.p, 0.0349388, 1e-6);
  g_assert_true (rd_welch_is_meaningful (&welch));

  /* The same from the summaries a kept score has. */
  rd_sample_mean_sd (after, 5, &mean, &sd);
  g_assert_cmpfloat_with_epsilon (sd, sqrt (2.5), 1e-12);
  rd_welch_from_summary (2.5, sqrt (5.0 / 3), 4, mean, sd, 5, &summary);
  g_assert_cmpfloat_with_epsilon (summary.t, welch.t, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary.p, welch.p, 1e-12);

  /* One side without spread: df is the other side's n − 1. */
  rd_welch_from_samples (same, 3, after, 5, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_OK);
  g_assert_cmpfloat_with_epsilon (welch.df, 4, 1e-12);

  /* No test, and no figure pretending to be one. */
  rd_welch_from_samples (before, 1, after, 5, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_TOO_FEW_BEFORE);
  g_assert_true (isnan (welch.p));
  g_assert_false (rd_welch_is_meaningful (&welch));
  rd_welch_from_samples (before, 4, after, 1, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_TOO_FEW_AFTER);
  rd_welch_from_samples (same, 3, same, 2, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_NO_SPREAD);
  g_assert_true (isnan (welch.t));
  rd_welch_from_summary (50, NAN, 30, 60, 10, 30, &welch);
  g_assert_cmpint (welch.status, ==, RD_WELCH_TOO_FEW_BEFORE);
}

typedef RdTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (fixture, "School", NULL, RD_SCHOOL_TYPE_UNSET);
}

/* Teachers answering a-plan and a-team (1–5); the first also answers the
 * fact b-share when @share is a number. @team_version: the version of
 * a-team they answered (the store takes answers as the framework's
 * version: an earlier one is written in afterwards, as an answer kept
 * from an older edition). */
static gint64
add_year (Fixture      *fixture,
          const char   *year,
          const double *plan,
          const double *team,
          guint         n,
          double        share,
          guint         team_version)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  gint64 id = rd_test_store_add_assessment (fixture, year, RD_ASSESSMENT_MODE_FULL);

  for (guint i = 0; i < n; i++)
    {
      RdResponse *response = rd_response_new (RD_GROUP_TEACHER);

      rd_response_add_answer (response, "a-plan", 1)->value = plan[i];
      rd_response_add_answer (response, "a-team", team_version)->value = team[i];
      if (i == 0 && !isnan (share))
        rd_response_add_answer (response, "b-share", 1)->value = share;
      g_ptr_array_add (responses, response);
    }
  g_assert_true (rd_store_add_responses (fixture->store, id, fixture->framework, responses, &error));
  g_assert_no_error (error);
  if (team_version != rd_item_get_version (rd_framework_lookup_item (fixture->framework, "a-team")))
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE answer SET item_version = %u WHERE item_id = 'a-team' AND "
                                              "respondent_id IN (SELECT id FROM respondent WHERE assessment_id = %"
                                              G_GINT64_FORMAT ")", team_version, id);
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_changes (db), ==, n);
      sqlite3_close (db);
    }
  return id;
}

/* Last year's plan: one action done, linked to two questions, one still planned. */
static void
add_actions (Fixture *fixture,
             gint64   assessment_id)
{
  static const char * const linked[] = { "b-share", "a-plan", "b-mfa", NULL };
  RdActionInfo done = { .title = "Devices for all teachers", .factor = RD_FACTOR_CAPACITY,
                        .item_ids = linked, .status = RD_ACTION_STATUS_DONE };
  RdActionInfo planned = { .title = "Write it down", .factor = RD_FACTOR_STRATEGY,
                           .status = RD_ACTION_STATUS_PLANNED };
  g_autoptr(GError) error = NULL;

  rd_store_add_action (fixture->store, assessment_id, &done, &error);
  g_assert_no_error (error);
  rd_store_add_action (fixture->store, assessment_id, &planned, &error);
  g_assert_no_error (error);
}

static void
test_store_change (Fixture       *fixture,
                   gconstpointer  data)
{
  const double plan_before[] = { 1, 2, 2, 3 }, plan_after[] = { 4, 5, 4, 5 };
  const double team_before[] = { 2, 2, 3, 3 }, team_after[] = { 4, 4, 4, 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GPtrArray) untestable = NULL;
  g_autofree char *values = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *test = NULL;
  g_autofree char *line = NULL;
  g_autofree char *fact_line = NULL;
  g_autoptr(GPtrArray) done = NULL;
  const RdChangeRow *row;
  gint64 id;

  gint64 before_id = add_year (fixture, "2025-2026", plan_before, team_before, 4, 40, 2);
  id = add_year (fixture, "2026-2027", plan_after, team_after, 4, 90, 2);
  add_actions (fixture, before_id);

  change = rd_change_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpstr (rd_change_get_before_year (change), ==, "2025-2026");
  g_assert_cmpstr (rd_change_get_after_year (change), ==, "2026-2027");
  g_assert_cmpuint (rd_change_get_n_items (change), ==, 3);

  /* a-plan: scores 0 25 25 50 → 75 100 75 100, means 25 → 87.5; variances
   * 1250/3 and 625/3, SE² = 104.17 + 52.08 = 156.25, t = 62.5 / 12.5 = 5,
   * df = 156.25² / (104.17²/3 + 52.08²/3) = 5.4. */
  row = rd_change_lookup_item (change, "a-plan");
  g_assert_nonnull (row);
  g_assert_false (row->is_fact);
  g_assert_cmpfloat_with_epsilon (row->before, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->after, 87.5, 1e-9);
  g_assert_cmpuint (row->n_before, ==, 4);
  g_assert_cmpfloat_with_epsilon (row->test.t, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->test.df, 5.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->test.p, 0.0033104, 1e-6);
  g_assert_true (rd_change_row_is_meaningful (row));
  verdict = rd_change_row_format_verdict (row, "2025-2026", "2026-2027");
  g_assert_cmpstr (verdict, ==, "A meaningful rise");
  test = rd_change_format_test (&row->test);
  g_assert_cmpstr (test, ==, "p = 0.003, Welch’s t-test");
  line = rd_change_format_row (change, row);
  g_assert_cmpstr (line, ==, "Up 63 points, 25 → 88. A meaningful rise (p = 0.003, Welch’s t-test).");

  /* Engagement weighs a-plan and a-team alike: each teacher's own readiness
   * 12.5 25 37.5 50 → 75 87.5 75 100, the school's 31.25 → 84.375;
   * t = 53.125 / √(260.42/4 + 143.23/4) = 5.2885, df = 5.5336. */
  row = rd_change_get_factor (change, RD_FACTOR_ENGAGEMENT);
  g_assert_cmpfloat_with_epsilon (row->before, 31.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->after, 84.375, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->delta, 53.125, 1e-9);
  g_assert_cmpuint (row->n_after, ==, 4);
  g_assert_cmpfloat_with_epsilon (row->test.t, 5.2884536, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->test.df, 5.5335893, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->test.p, 0.0023738, 1e-6);

  /* A fact answered once: its change in its unit, no test. b-share 40 % →
   * 90 %: the steps of its ladder (0 from 0 %, 50 from 50 %, 100 from
   * 90 %) score it 0 → 100. */
  row = rd_change_lookup_item (change, "b-share");
  g_assert_true (row->is_fact);
  g_assert_cmpfloat_with_epsilon (row->delta, 100, 1e-9);
  g_assert_true (rd_change_row_is_meaningful (row));
  values = rd_change_row_format_values (row);
  g_assert_cmpstr (values, ==, "40 % → 90 %");
  g_assert_null (rd_change_format_test (&row->test));
  fact_line = rd_change_format_row (change, row);
  g_assert_cmpstr (fact_line, ==, "Up 100 points, 40 % → 90 %. A fact that improved; no test needed, it is the school’s own figure.");

  /* Largest first: b-share 100; capacity (a-team once, b-share twice)
   * 12.5 → 93.75; a-plan 62.5; engagement 53.1. */
  moved = rd_change_list_moved (change);
  g_assert_cmpuint (moved->len, >=, 4);
  g_assert_true (((RdChangeRow *) g_ptr_array_index (moved, 0))->item ==
                 rd_framework_lookup_item (fixture->framework, "b-share"));
  g_assert_true (g_ptr_array_index (moved, 1) == rd_change_get_factor (change, RD_FACTOR_CAPACITY));
  g_assert_cmpfloat_with_epsilon (((RdChangeRow *) g_ptr_array_index (moved, 1))->delta, 81.25, 1e-9);
  g_assert_true (((RdChangeRow *) g_ptr_array_index (moved, 2))->item ==
                 rd_framework_lookup_item (fixture->framework, "a-plan"));
  g_assert_true (g_ptr_array_index (moved, 3) == rd_change_get_factor (change, RD_FACTOR_ENGAGEMENT));
  for (guint i = 1; i < moved->len; i++)
    g_assert_cmpfloat (fabs (((RdChangeRow *) g_ptr_array_index (moved, i - 1))->delta), >=,
                       fabs (((RdChangeRow *) g_ptr_array_index (moved, i))->delta));

  /* Capacity rests on a-team and b-share, and the fact was one teacher's:
   * each side has four respondents with a readiness of their own. */
  row = rd_change_get_factor (change, RD_FACTOR_CAPACITY);
  g_assert_cmpuint (row->n_before, ==, 4);
  g_assert_cmpint (row->test.status, ==, RD_WELCH_OK);

  /* Strategy has only a-plan of its three: not measured, not tested. */
  row = rd_change_get_factor (change, RD_FACTOR_STRATEGY);
  g_assert_true (isnan (row->delta));
  g_assert_true (isnan (row->test.p));
  g_assert_false (rd_change_row_is_meaningful (row));
  untestable = rd_change_list_untestable (change);
  g_assert_cmpuint (untestable->len, ==, 0);
  /* The loop closed: last year's done action, with its questions' change. */
  done = rd_change_list_done_actions (change, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_cmpstr (rd_action_get_title (g_ptr_array_index (done, 0)), ==, "Devices for all teachers");
  {
    g_autofree char *by_id = rd_change_format_action_item (change, "a-plan", TRUE);
    g_autofree char *by_text = rd_change_format_action_item (change, "b-share", FALSE);
    g_autofree char *missing = rd_change_format_action_item (change, "b-mfa", FALSE);

    g_assert_cmpstr (by_id, ==, "a-plan 25 → 88, up 63 points: A meaningful rise (p = 0.003, Welch’s t-test)");
    g_assert_cmpstr (by_text, ==, "Up 100 points, 40 % → 90 % — Share of teachers with a device");
    g_assert_cmpstr (missing, ==, "Not answered in both years — MFA is on");
  }

  /* a-team 37.5 → 81.25 tested too: every change here was meaningful. */
  g_assert_null (rd_change_format_untested (change));
}

static void
test_store_untestable (Fixture       *fixture,
                       gconstpointer  data)
{
  const double three[] = { 3, 3, 3 }, one[] = { 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = NULL;
  g_autoptr(GPtrArray) untestable = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *untested = NULL;
  const RdChangeRow *row;
  gint64 id;

  /* One teacher last year, answering a-team's first, different version. */
  add_year (fixture, "2025-2026", one, one, 1, NAN, 1);
  id = add_year (fixture, "2026-2027", three, three, 3, NAN, 2);

  change = rd_change_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_change_get_n_items (change), ==, 1);
  g_assert_cmpuint (rd_change_get_n_incomparable (change), ==, 1);
  g_assert_null (rd_change_lookup_item (change, "a-team"));

  row = rd_change_lookup_item (change, "a-plan");
  g_assert_cmpint (row->test.status, ==, RD_WELCH_TOO_FEW_BEFORE);
  g_assert_true (isnan (row->test.p));
  g_assert_cmpfloat_with_epsilon (row->delta, 25, 1e-9);
  g_assert_false (rd_change_row_is_meaningful (row));
  verdict = rd_change_row_format_verdict (row, "2025-2026", "2026-2027");
  g_assert_cmpstr (verdict, ==, "Not testable: fewer than two respondents in 2025-2026");
  g_assert_null (rd_change_format_test (&row->test));

  untestable = rd_change_list_untestable (change);
  g_assert_cmpuint (untestable->len, ==, 1);
  moved = rd_change_list_moved (change);
  g_assert_cmpuint (moved->len, ==, 0);
  untested = rd_change_format_untested (change);
  g_assert_cmpstr (untested, ==, "1 change could not be tested: fewer than two respondents in one of the years. "
                                 "1 question was asked differently last time and is not compared.");
}

static void
test_store_no_spread (Fixture       *fixture,
                      gconstpointer  data)
{
  const double three[] = { 3, 3, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = NULL;
  g_autofree char *verdict = NULL;
  const RdChangeRow *row;
  gint64 id;

  add_year (fixture, "2025-2026", three, three, 3, NAN, 2);
  id = add_year (fixture, "2026-2027", three, three, 2, NAN, 2);
  change = rd_change_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);

  row = rd_change_lookup_item (change, "a-plan");
  g_assert_cmpint (row->test.status, ==, RD_WELCH_NO_SPREAD);
  verdict = rd_change_row_format_verdict (row, "2025-2026", "2026-2027");
  g_assert_cmpstr (verdict, ==, "Not testable: every respondent gave the same answer in both years");
  row = rd_change_get_factor (change, RD_FACTOR_ENGAGEMENT);
  g_assert_cmpfloat_with_epsilon (row->delta, 0, 1e-9);
  g_assert_cmpint (row->test.status, ==, RD_WELCH_NO_SPREAD);
}

static void
test_store_no_previous (Fixture       *fixture,
                        gconstpointer  data)
{
  const double three[] = { 3, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = NULL;
  gint64 id = add_year (fixture, "2026-2027", three, three, 2, NAN, 2);

  change = rd_change_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);
  g_assert_null (change);
}

/* Last year's done actions from any of its assessments, each once: an
 * action planned in 2024-2025 is carried into both assessments of
 * 2025-2026 and marked done in both; another is done only in the one that
 * does not speak for the year (a complete pulse does). */
static void
test_store_done_actions (Fixture       *fixture,
                         gconstpointer  data)
{
  const double plan_before[] = { 1, 2, 2, 3 }, plan_after[] = { 4, 5, 4, 5 };
  const double team_before[] = { 2, 2, 3, 3 }, team_after[] = { 4, 4, 4, 5 };
  RdActionInfo carried = { .title = "Carried and done twice", .factor = RD_FACTOR_STRATEGY,
                           .status = RD_ACTION_STATUS_PLANNED };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(RdChange) change = NULL;
  gint64 oldest, full, pulse, id;

  oldest = rd_test_store_add_assessment (fixture, "2024-2025", RD_ASSESSMENT_MODE_FULL);
  rd_store_add_action (fixture->store, oldest, &carried, &error);
  g_assert_no_error (error);
  full = add_year (fixture, "2025-2026", plan_before, team_before, 4, NAN, 2);
  add_actions (fixture, full);
  pulse = rd_test_store_add_assessment (fixture, "2025-2026", RD_ASSESSMENT_MODE_PULSE);
  {
    gint64 leader = rd_store_ensure_respondent (fixture->store, pulse, &error);

    g_assert_true (rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (fixture->framework,
                                                                                              "a-plan"), 3, &error));
  }
  g_assert_true (rd_store_set_assessment_status (fixture->store, pulse, RD_ASSESSMENT_STATUS_COMPLETE, &error));
  g_assert_no_error (error);
  for (guint a = 0; a < 2; a++)
    {
      actions = rd_store_list_actions (fixture->store, a == 0 ? full : pulse, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < actions->len; i++)
        {
          RdAction *action = g_ptr_array_index (actions, i);
          RdActionInfo info;

          if (g_strcmp0 (rd_action_get_title (action), "Carried and done twice") != 0)
            continue;
          rd_action_get_info (action, &info);
          info.status = RD_ACTION_STATUS_DONE;
          g_assert_true (rd_store_update_action (fixture->store, rd_action_get_id (action), &info, &error));
          g_assert_no_error (error);
        }
      g_clear_pointer (&actions, g_ptr_array_unref);
    }
  id = add_year (fixture, "2026-2027", plan_after, team_after, 4, NAN, 2);

  change = rd_change_load (fixture->store, fixture->framework, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpstr (rd_change_get_before_year (change), ==, "2025-2026");
  done = rd_change_list_done_actions (change, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 2);
  g_assert_cmpstr (rd_action_get_title (g_ptr_array_index (done, 0)), ==, "Carried and done twice");
  g_assert_cmpstr (rd_action_get_title (g_ptr_array_index (done, 1)), ==, "Devices for all teachers");
}

/* The advisor's view: each school's change per factor from the kept scores
 * alone (readiness, spread, n), the same t as from the answers when every
 * respondent answered every question of the factor. */
static void
test_store_schools (Fixture       *fixture,
                    gconstpointer  data)
{
  const double plan_before[] = { 1, 2, 2, 3 }, plan_after[] = { 4, 5, 4, 5 };
  const double team_before[] = { 2, 2, 3, 3 }, team_after[] = { 4, 4, 4, 5 };
  const double same[] = { 3, 3, 4, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const RdSchoolChange *change;

  add_year (fixture, "2025-2026", plan_before, team_before, 4, NAN, 2);
  add_year (fixture, "2026-2027", plan_after, team_after, 4, NAN, 2);
  /* A second school that stayed where it was, and a third with only the later year. */
  rd_test_store_add_school (fixture, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET);
  add_year (fixture, "2025-2026", same, same, 4, NAN, 2);
  add_year (fixture, "2026-2027", same, same, 4, NAN, 2);
  rd_test_store_add_school (fixture, "Nieuw", NULL, RD_SCHOOL_TYPE_UNSET);
  add_year (fixture, "2026-2027", same, same, 4, NAN, 2);

  g_assert_true (rd_store_refresh_scores (fixture->store, fixture->framework, &error));
  g_assert_no_error (error);
  from = rd_store_list_school_scores (fixture->store, fixture->framework, "2025-2026", &error);
  g_assert_no_error (error);
  to = rd_store_list_school_scores (fixture->store, fixture->framework, "2026-2027", &error);
  g_assert_no_error (error);

  changes = rd_change_compare_schools (from, to);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->school_name, ==, "Atheneum");
  g_assert_cmpfloat_with_epsilon (change->test[RD_FACTOR_ENGAGEMENT].difference, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (change->test[RD_FACTOR_ENGAGEMENT].p, 1, 1e-9);
  g_assert_false (rd_school_change_is_meaningful (change, RD_FACTOR_ENGAGEMENT));

  /* Engagement 31.25 → 84.375, spreads 16.14 and 11.97 (respondents' own
   * readiness), n 4 and 4: t = 5.2885, df = 5.5336 as from the answers. */
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->school_name, ==, "School");
  g_assert_cmpfloat_with_epsilon (change->before[RD_FACTOR_ENGAGEMENT], 31.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (change->after[RD_FACTOR_ENGAGEMENT], 84.375, 1e-9);
  g_assert_cmpfloat_with_epsilon (change->test[RD_FACTOR_ENGAGEMENT].t, 5.2884536, 1e-6);
  g_assert_cmpfloat_with_epsilon (change->test[RD_FACTOR_ENGAGEMENT].df, 5.5335893, 1e-6);
  g_assert_cmpfloat_with_epsilon (change->test[RD_FACTOR_ENGAGEMENT].p, 0.0023738, 1e-6);
  g_assert_true (rd_school_change_is_meaningful (change, RD_FACTOR_ENGAGEMENT));
  /* Strategy rests on one of its three questions: not measured, not tested. */
  g_assert_true (isnan (change->test[RD_FACTOR_STRATEGY].difference));
  g_assert_false (rd_school_change_is_meaningful (change, RD_FACTOR_STRATEGY));
}

/* A meaningful p never reads as α or above: rounding keeps more digits. */
static void
test_format_p (void)
{
  static const struct { double p; const char *text; } cases[] = {
    { 0.0004, "p < 0.001" },
    { 0.004, "p = 0.004" },
    { 0.03, "p = 0.03" },
    { 0.0496, "p = 0.0496" },
    { 0.04999, "p = 0.04999" },
    { 0.051, "p = 0.05" },
    { 0.5, "p = 0.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rd_change_format_p (cases[i].p);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A change line shows what a fact's score rests on: the median, said so,
 * where the answers differ; the value alone where they agree. */
static void
test_format_fact (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  RdItem *wifi = rd_framework_lookup_item (framework, "con-wifi-coverage");
  RdFactValues differ = { .kind = RD_ITEM_KIND_PERCENT, .n = 2, .n_distinct = 2, .median = 18.5, .min = 0, .max = 37 };
  RdFactValues agree = { .kind = RD_ITEM_KIND_PERCENT, .n = 3, .n_distinct = 1, .median = 90, .min = 90, .max = 90 };
  g_autofree char *differ_text = NULL;
  g_autofree char *agree_text = NULL;

  g_assert_nonnull (wifi);
  differ_text = rd_fact_values_format_scored (wifi, &differ);
  agree_text = rd_fact_values_format_scored (wifi, &agree);
  g_assert_cmpstr (differ_text, ==, "18.5 % (median)");
  g_assert_cmpstr (agree_text, ==, "90 %");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change/distribution", test_distribution);
  g_test_add_func ("/change/welch", test_welch);
  g_test_add_func ("/change/format-p", test_format_p);
  g_test_add_func ("/change/format-fact", test_format_fact);
  g_test_add ("/change/store/hand-computed", Fixture, NULL, fixture_set_up, test_store_change, rd_test_store_tear_down);
  g_test_add ("/change/store/untestable", Fixture, NULL, fixture_set_up, test_store_untestable, rd_test_store_tear_down);
  g_test_add ("/change/store/no-spread", Fixture, NULL, fixture_set_up, test_store_no_spread, rd_test_store_tear_down);
  g_test_add ("/change/store/done-actions", Fixture, NULL, fixture_set_up, test_store_done_actions, rd_test_store_tear_down);
  g_test_add ("/change/store/schools", Fixture, NULL, fixture_set_up, test_store_schools, rd_test_store_tear_down);
  g_test_add ("/change/store/no-previous", Fixture, NULL, fixture_set_up, test_store_no_previous, rd_test_store_tear_down);

  return g_test_run ();
}
