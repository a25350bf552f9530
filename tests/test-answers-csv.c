#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-answers-csv.h"
#include "rd-survey-import.h"
#include "rd-test-fixtures.h"

/* Three people with every kind of answer, not applicable and unanswered,
 * and one more of each group with a plan answer: two of a group reach the
 * lowest anonymity threshold, so that every row keeps its group. */
static GPtrArray *
make_answers (void)
{
  GPtrArray *answers = rd_test_sample_answers (RD_GROUP_SUPPORT_STAFF);

  rd_test_add_answer (answers, 41, RD_GROUP_LEADER, "a-plan", 1, 3);
  rd_test_add_answer (answers, 8, RD_GROUP_TEACHER, "a-plan", 1, 5);
  rd_test_add_answer (answers, 10, RD_GROUP_SUPPORT_STAFF, "a-plan", 1, 1);
  return answers;
}

static void
test_format (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  gsize length = 0;
  g_autofree char *csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 2, &length);

  /* Respondents are numbered, never identified by their database ids. */
  g_assert_cmpstr (csv, ==,
                   "respondent,group,a-plan,a-team,a-review,b-speed,b-share,b-mfa\r\n"
                   "1,leader,4,5,2025-03-15,250.5,95,yes\r\n"
                   "2,teacher,2,,,,N/A,no\r\n"
                   "3,support-staff,,,,0.25,,\r\n"
                   "4,leader,3,,,,,\r\n"
                   "5,teacher,5,,,,,\r\n"
                   "6,support-staff,1,,,,,\r\n");
  g_assert_cmpuint (length, ==, strlen (csv));
}

static void
test_pulse_has_pulse_items_only (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autofree char *csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_PULSE, answers, 2, NULL);

  g_assert_true (g_str_has_prefix (csv, "respondent,group,a-plan,b-speed\r\n1,leader,4,250.5\r\n"));
}

/* What the import reads back is what was exported, answer for answer. */
static void
test_round_trip (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  gsize length;
  g_autofree char *csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 2, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) import = rd_survey_import_new (framework, csv, length, "answers.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  static const RdGroup groups[] = {
    RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF,
    RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF,
  };
  static const gint64 respondents[] = { 40, 7, 9, 41, 8, 10 };
  guint n_answers = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_survey_import_get_n_matched (import), ==, 6);
  g_assert_cmpint (rd_survey_import_get_role (import, 0), ==, RD_SURVEY_COLUMN_SKIPPED);
  g_assert_cmpint (rd_survey_import_get_role (import, 1), ==, RD_SURVEY_COLUMN_GROUP);
  responses = rd_survey_import_read (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, G_N_ELEMENTS (groups));

  for (guint r = 0; r < responses->len; r++)
    {
      RdResponse *response = g_ptr_array_index (responses, r);

      g_assert_cmpint (response->group, ==, groups[r]);
      for (guint a = 0; a < response->answers->len; a++)
        {
          const RdAnswer *got = g_ptr_array_index (response->answers, a);
          const RdAnswer *want = NULL;

          for (guint i = 0; i < answers->len && want == NULL; i++)
            {
              const RdAnswer *candidate = g_ptr_array_index (answers, i);

              if (candidate->respondent_id == respondents[r] && g_str_equal (candidate->item_id, got->item_id))
                want = candidate;
            }
          if (want == NULL)
            g_error ("%s was not exported for respondent %u", got->item_id, r + 1);
          g_assert_cmpint (got->not_applicable, ==, want->not_applicable);
          g_assert_cmpuint (got->julian_day, ==, want->julian_day);
          if (!want->not_applicable && want->julian_day == 0)
            g_assert_cmpfloat (got->value, ==, want->value);
          n_answers++;
        }
    }
  g_assert_cmpuint (n_answers, ==, answers->len);
}

/* Three teachers, two leaders and one learner, each with a plan answer;
 * the second leader also gave a bandwidth (a pulse item). */
static GPtrArray *
make_group_answers (void)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);

  rd_test_add_answer (answers, 1, RD_GROUP_TEACHER, "a-plan", 1, 4);
  rd_test_add_answer (answers, 2, RD_GROUP_LEARNER, "a-plan", 1, 2);
  rd_test_add_answer (answers, 3, RD_GROUP_TEACHER, "a-team", 2, 3);
  rd_test_add_answer (answers, 4, RD_GROUP_LEADER, "a-team", 2, 5);
  rd_test_add_answer (answers, 5, RD_GROUP_TEACHER, "b-mfa", 1, 1);
  rd_test_add_answer (answers, 6, RD_GROUP_LEADER, "b-speed", 1, 100);
  /* Cleared: respondent 7 answered nothing and is in no row or count. */
  rd_test_add_answer (answers, 7, RD_GROUP_LEARNER, "a-plan", 1, NAN);
  return answers;
}

/* A lone learner is written without a group, and so is the group combined
 * with it: were the learner's row the only one without a group, it would
 * be the learner's all the same. */
static void
test_anonymity_withholds_small_groups (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_group_answers ();
  g_autofree char *csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 3, NULL);
  g_autofree char *two = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 2, NULL);
  g_autofree char *all = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 1, NULL);
  g_autoptr(RdAnswersTable) table = rd_answers_table_new (framework, RD_ASSESSMENT_MODE_FULL, answers, 3);
  RdGroup group = RD_GROUP_OTHER;

  g_assert_cmpstr (csv, ==,
                   "respondent,group,a-plan,a-team,a-review,b-speed,b-share,b-mfa\r\n"
                   "1,teacher,4,,,,,\r\n"
                   "2,,2,,,,,\r\n"
                   "3,teacher,,3,,,,\r\n"
                   "4,,,5,,,,\r\n"
                   "5,teacher,,,,,,yes\r\n"
                   "6,,,,,100,,\r\n");
  /* At 2, the leaders reach the threshold, but the smallest group shown
   * joins the learner. */
  g_assert_cmpstr (two, ==,
                   "respondent,group,a-plan,a-team,a-review,b-speed,b-share,b-mfa\r\n"
                   "1,teacher,4,,,,,\r\n"
                   "2,,2,,,,,\r\n"
                   "3,teacher,,3,,,,\r\n"
                   "4,,,5,,,,\r\n"
                   "5,teacher,,,,,,yes\r\n"
                   "6,,,,,100,,\r\n");
  /* 1 (and 0) are clamped to the lowest threshold, 2: no export without. */
  g_assert_cmpstr (all, ==, two);
  g_assert_null (strstr (all, "learner"));

  g_assert_cmpuint (rd_answers_table_get_n_rows (table), ==, 6);
  g_assert_cmpuint (rd_answers_table_get_n_withheld (table), ==, 3);
  g_assert_false (rd_answers_table_get_group (table, 1, &group));
  g_assert_cmpint (group, ==, RD_GROUP_OTHER);
  g_assert_true (rd_answers_table_get_group (table, 0, &group));
  g_assert_cmpint (group, ==, RD_GROUP_TEACHER);
}

/* Groups are counted among the rows of the file: three teachers in the
 * assessment, but only one of them answered a pulse item. */
static void
test_anonymity_counts_rows_of_the_file (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_group_answers ();
  g_autofree char *csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_PULSE, answers, 1, NULL);
  g_autofree char *safe = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_PULSE, answers, 2, NULL);

  g_assert_cmpstr (csv, ==, safe);
  g_assert_cmpstr (safe, ==,
                   "respondent,group,a-plan,b-speed\r\n"
                   "1,,4,\r\n"
                   "2,,2,\r\n"
                   "3,,,100\r\n");
}

/* The import reads a withheld group as its default group, and keeps every
 * group written. */
static void
test_anonymity_round_trip (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_group_answers ();
  gsize length;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) import = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  static const RdGroup groups[] = {
    RD_GROUP_TEACHER, RD_GROUP_PARENT, RD_GROUP_TEACHER, RD_GROUP_PARENT, RD_GROUP_TEACHER, RD_GROUP_PARENT,
  };

  csv = rd_answers_csv_format (framework, RD_ASSESSMENT_MODE_FULL, answers, 2, &length);
  import = rd_survey_import_new (framework, csv, length, "answers.csv", &error);
  g_assert_no_error (error);
  rd_survey_import_set_default_group (import, RD_GROUP_PARENT);
  responses = rd_survey_import_read (import, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (responses->len, ==, G_N_ELEMENTS (groups));
  for (guint r = 0; r < responses->len; r++)
    {
      RdResponse *response = g_ptr_array_index (responses, r);

      g_assert_cmpint (response->group, ==, groups[r]);
      g_assert_cmpuint (response->answers->len, ==, 1);
      g_assert_cmpint (((RdAnswer *) g_ptr_array_index (response->answers, 0))->group, ==, groups[r]);
    }
}

/* A spreadsheet runs "=…", "+…", "-…" and "@…" as formulas. */
static void
test_formula_injection (void)
{
  static const struct { const char *cell, *written; } cases[] = {
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1", "'+1" },
    { "-3", "'-3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "a,b", "\"a,b\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "plain", "plain" },
    { "", "" },
    { "1=1", "1=1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      rd_answers_csv_append_cell (line, cases[i].cell);
      g_assert_cmpstr (line->str, ==, cases[i].written);
    }
}

/* Two leaders, three support staff, five teachers: the leaders' rows are
 * not the only ones without a group. Two leaders and five teachers only:
 * no row has a group, or the two without would be the leaders. */
static void
test_anonymity_no_small_group_singled_out (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(GPtrArray) pair = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdAnswersTable) table = NULL;
  g_autoptr(RdAnswersTable) pair_table = NULL;
  RdGroup group;

  for (guint i = 0; i < 10; i++)
    {
      RdGroup g = i < 2 ? RD_GROUP_LEADER : i < 5 ? RD_GROUP_SUPPORT_STAFF : RD_GROUP_TEACHER;

      rd_test_add_answer (answers, 1 + i, g, "a-plan", 1, 1 + i % 5);
      if (g != RD_GROUP_SUPPORT_STAFF)
        rd_test_add_answer (pair, 1 + i, g, "a-plan", 1, 1 + i % 5);
    }

  table = rd_answers_table_new (framework, RD_ASSESSMENT_MODE_FULL, answers, 3);
  g_assert_cmpuint (rd_answers_table_get_n_withheld (table), ==, 5);
  g_assert_cmpuint (rd_answers_table_get_threshold (table), ==, 3);
  for (guint r = 0; r < 5; r++)
    g_assert_false (rd_answers_table_get_group (table, r, &group));
  for (guint r = 5; r < 10; r++)
    {
      g_assert_true (rd_answers_table_get_group (table, r, &group));
      g_assert_cmpint (group, ==, RD_GROUP_TEACHER);
    }

  pair_table = rd_answers_table_new (framework, RD_ASSESSMENT_MODE_FULL, pair, 3);
  g_assert_cmpuint (rd_answers_table_get_n_withheld (pair_table), ==, 7);
  for (guint r = 0; r < rd_answers_table_get_n_rows (pair_table); r++)
    g_assert_false (rd_answers_table_get_group (pair_table, r, &group));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/answers-csv/format", test_format);
  g_test_add_func ("/answers-csv/pulse", test_pulse_has_pulse_items_only);
  g_test_add_func ("/answers-csv/round-trip", test_round_trip);
  g_test_add_func ("/answers-csv/formula-injection", test_formula_injection);
  g_test_add_func ("/answers-csv/anonymity/withholds-small-groups", test_anonymity_withholds_small_groups);
  g_test_add_func ("/answers-csv/anonymity/counts-rows-of-the-file", test_anonymity_counts_rows_of_the_file);
  g_test_add_func ("/answers-csv/anonymity/round-trip", test_anonymity_round_trip);
  g_test_add_func ("/answers-csv/anonymity/no-small-group-singled-out", test_anonymity_no_small_group_singled_out);

  return g_test_run ();
}
