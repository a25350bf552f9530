#include "config.h"

#include <math.h>

#include "rd-analysis.h"
#include "rd-errors.h"
#include "rd-store.h"
#include "rd-survey-import.h"
#include "rd-test-fixtures.h"

static RdSurveyImport *
load_survey (RdFramework  *framework,
             const char   *name,
             GError      **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "surveys", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return rd_survey_import_new (framework, contents, length, name, error);
}

static const RdAnswer *
answer_to (RdResponse *response,
           const char *item_id)
{
  for (guint i = 0; i < response->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, i);

      if (g_str_equal (answer->item_id, item_id))
        return answer;
    }
  return NULL;
}

/* The answer to @item_id, which must be there. */
static const RdAnswer *
given (RdResponse *response,
       const char *item_id)
{
  const RdAnswer *answer = answer_to (response, item_id);

  if (answer == NULL)
    g_error ("no answer to %s", item_id);
  return answer;
}

static void
test_by_id_dutch (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, "by-id.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  RdResponse *first, *second, *third;
  GDate date;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_survey_import_get_n_columns (survey), ==, 7);
  g_assert_cmpint (rd_survey_import_get_role (survey, 0), ==, RD_SURVEY_COLUMN_GROUP);
  g_assert_cmpuint (rd_survey_import_get_n_matched (survey), ==, 6);
  g_assert_cmpstr (rd_item_get_id (rd_survey_import_get_item (survey, 5)), ==, "b-share");

  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 3);
  first = g_ptr_array_index (responses, 0);
  second = g_ptr_array_index (responses, 1);
  third = g_ptr_array_index (responses, 2);

  g_assert_cmpint (first->group, ==, RD_GROUP_TEACHER);
  g_assert_cmpfloat (given (first, "a-plan")->value, ==, 4);        /* Akkoord */
  g_assert_cmpfloat (given (first, "a-team")->value, ==, 5);        /* Helemaal akkoord */
  g_assert_cmpfloat (given (first, "b-speed")->value, ==, 250.5);   /* decimal comma */
  g_assert_cmpfloat (given (first, "b-mfa")->value, ==, 1);         /* ja */
  rd_answer_get_date (given (first, "a-review"), &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 15);

  g_assert_cmpint (second->group, ==, RD_GROUP_LEARNER);
  g_assert_true (given (second, "a-team")->not_applicable);         /* n.v.t. */
  g_assert_null (answer_to (second, "a-review"));                       /* empty: unanswered */
  g_assert_cmpfloat (given (second, "b-speed")->value, ==, 1000);   /* 1.000 groups thousands */
  g_assert_cmpfloat (given (second, "b-share")->value, ==, 85);     /* 85% */
  g_assert_cmpfloat (given (second, "b-mfa")->value, ==, 0);        /* nee */

  g_assert_cmpint (third->group, ==, RD_GROUP_LEADER);
  g_assert_cmpfloat (given (third, "a-plan")->value, ==, 4);        /* 4 - akkoord */
  g_assert_null (answer_to (third, "b-speed"));
  g_assert_cmpuint (third->answers->len, ==, 4);
}

static void
test_by_text_english (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, "by-text.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  RdResponse *second;

  g_assert_no_error (error);
  /* Timestamp matches nothing; Role is the group; five item texts. */
  g_assert_cmpint (rd_survey_import_get_role (survey, 0), ==, RD_SURVEY_COLUMN_SKIPPED);
  g_assert_cmpint (rd_survey_import_get_role (survey, 1), ==, RD_SURVEY_COLUMN_GROUP);
  g_assert_cmpuint (rd_survey_import_get_n_matched (survey), ==, 5);
  g_assert_cmpstr (rd_item_get_id (rd_survey_import_get_item (survey, 4)), ==, "b-speed");

  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  second = g_ptr_array_index (responses, 1);
  g_assert_cmpint (second->group, ==, RD_GROUP_PARENT);
  g_assert_cmpfloat (given (second, "a-plan")->value, ==, 2);       /* Disagree */
  g_assert_true (given (second, "a-team")->not_applicable);         /* N/A */
  g_assert_cmpfloat (given (second, "b-speed")->value, ==, 1200);   /* "1,200" */
  g_assert_cmpfloat (given (((RdResponse *) g_ptr_array_index (responses, 0)), "b-speed")->value, ==, 300.5);
}

static void
test_codes_and_default_group (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, "codes-in-headers.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_survey_import_get_n_matched (survey), ==, 3);
  g_assert_cmpstr (rd_item_get_id (rd_survey_import_get_item (survey, 3)), ==, "b-mfa");

  /* No group column: the user says who answered. */
  rd_survey_import_set_default_group (survey, RD_GROUP_SUPPORT_STAFF);
  /* The user leaves the bandwidth column out. */
  rd_survey_import_set_item (survey, 2, NULL);
  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 2);
  g_assert_cmpint (((RdResponse *) g_ptr_array_index (responses, 0))->group, ==, RD_GROUP_SUPPORT_STAFF);
  g_assert_null (answer_to (g_ptr_array_index (responses, 0), "b-speed"));
  g_assert_cmpfloat (given (g_ptr_array_index (responses, 1), "a-plan")->value, ==, 3);

  /* Mapping a column by hand to an item another column had moves it. */
  rd_survey_import_set_item (survey, 0, rd_framework_lookup_item (framework, "a-plan"));
  g_assert_cmpint (rd_survey_import_get_role (survey, 1), ==, RD_SURVEY_COLUMN_SKIPPED);
  g_assert_cmpstr (rd_item_get_id (rd_survey_import_get_item (survey, 0)), ==, "a-plan");
}

typedef struct
{
  const char *file;
  const char *message;
} BrokenCase;

/* Each names the file, the line, the column and its header. */
static const BrokenCase broken_cases[] = {
  { "bad-label.csv", "bad-label.csv: line 3, column 9 (“a-plan”): “maybe” is not an answer on the agreement scale" },
  { "out-of-range.csv", "out-of-range.csv: line 3, column 10 (“b-share”): “b-share” takes a percentage from 0 to 100, not 140" },
  { "bad-group.csv", "bad-group.csv: line 3, column 1 (“group”): “janitor” is not a group" },
  { "bad-date.csv", "bad-date.csv: line 2, column 11 (“a-review”): “31-02-2024” is not a date" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *test_case = data;
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, test_case->file, &error);
  g_autoptr(GPtrArray) responses = NULL;

  g_assert_no_error (error);
  responses = rd_survey_import_read (survey, &error);
  g_assert_null (responses);
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, test_case->message))
    g_error ("expected “%s”, got “%s”", test_case->message, error->message);
}

/* From the file into a real store, and the groups in the analysis. */
static void
test_into_store (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("readiness-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "survey.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);
  g_autoptr(RdSurveyImport) survey = load_survey (framework, "by-id.csv", &error);
  g_autoptr(GPtrArray) responses = rd_survey_import_read (survey, &error);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(RdAnalysis) analysis = NULL;
  gint64 school_id, assessment_id;

  school_id = rd_store_add_school (store, "School", NULL, NULL, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_true (rd_store_add_responses (store, assessment_id, framework, responses, &error));
  g_assert_no_error (error);

  answers = rd_store_list_answers (store, assessment_id, &error);
  analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  g_assert_cmpuint (rd_analysis_get_n_respondents (analysis), ==, 3);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_TEACHER), ==, 1);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_LEARNER), ==, 1);
  g_assert_cmpuint (rd_analysis_count_group (analysis, RD_GROUP_LEADER), ==, 1);
  /* a-plan: Akkoord (75), 2 (25), 4 (75) → 175 / 3 */
  g_assert_cmpfloat_with_epsilon (rd_analysis_get_item_score (analysis, "a-plan", NULL), 175.0 / 3, 1e-9);

  g_clear_object (&store);
  rd_test_remove_database (path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/by-id-dutch", test_by_id_dutch);
  g_test_add_func ("/survey/by-text-english", test_by_text_english);
  g_test_add_func ("/survey/codes-and-default-group", test_codes_and_default_group);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/survey/broken/%s", broken_cases[i].file);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/survey/into-store", test_into_store);

  return g_test_run ();
}
