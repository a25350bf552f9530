#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rd-csv.h"

#include "rd-analysis.h"
#include "rd-errors.h"
#include "rd-store.h"
#include "rd-survey-import.h"
#include "rd-test-fixtures.h"

#include <sqlite3.h>

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

/* What survey tools export on a five-point scale, in any letter case and
 * with spaces around: Microsoft Forms and others in Dutch, Google Forms
 * in English. NAN: "not applicable / don't know". */
typedef struct
{
  const char *file;
  guint n_respondents;
  double answers[8][3];   /* a-plan, a-team, b-mfa per row */
} LabelCase;

static const LabelCase label_cases[] = {
  { "dutch-labels.csv", 7, {
      { 1, 2, 1 },          /* Helemaal mee oneens, "  mee oneens ", Ja */
      { 3, 3, 0 },          /* NEUTRAAL, Neutraal / geen mening, " nee" */
      { 4, 5, 1 },          /* Mee eens, Helemaal mee eens, JA */
      { 1, 5, 0 },          /* zeer mee oneens, Zeer mee eens, Nee */
      { 2, 4, NAN },        /* Oneens, eens, n.v.t. */
      { NAN, NAN, NAN },    /* Niet van toepassing, Weet ik niet, nvt */
      { 5, NAN, NAN },      /* "  Helemaal Mee Eens  ", NVT, weet ik niet */
  } },
  { "english-labels.csv", 5, {
      { 1, 2, 1 },          /* Strongly disagree, "  disagree ", Yes */
      { 3, 3, 0 },          /* NEUTRAL, Neither agree nor disagree, " no" */
      { 4, 5, 1 },          /* Agree, Strongly Agree, YES */
      { NAN, NAN, NAN },    /* Not applicable, Don't know, N/A */
      { NAN, NAN, 0 },      /* Don’t know, n/a, No */
  } },
};

static void
test_scale_labels (gconstpointer data)
{
  const LabelCase *test = data;
  const char *items[3] = { "a-plan", "a-team", "b-mfa" };
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, test->file, &error);
  g_autoptr(GPtrArray) responses = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_survey_import_get_n_matched (survey), ==, 3);
  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, test->n_respondents);

  for (guint r = 0; r < test->n_respondents; r++)
    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        const RdAnswer *answer = given (g_ptr_array_index (responses, r), items[i]);
        double expected = test->answers[r][i];

        if (isnan (expected))
          g_assert_true (answer->not_applicable);
        else
          {
            g_assert_false (answer->not_applicable);
            g_assert_cmpfloat (answer->value, ==, expected);
          }
      }
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

  school_id = rd_store_add_school (store, "School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
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

/* Rows of nothing but separators (";;;;;;" as Excel leaves them) or of
 * spaces are no respondents: issue 13. */
static void
test_blank_rows (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = load_survey (framework, "blank-rows.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  RdSurveySummary summary;

  g_assert_no_error (error);
  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 2);
  g_assert_cmpint (((RdResponse *) g_ptr_array_index (responses, 0))->group, ==, RD_GROUP_TEACHER);
  g_assert_cmpint (((RdResponse *) g_ptr_array_index (responses, 1))->group, ==, RD_GROUP_LEARNER);

  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  g_assert_cmpuint (rd_survey_import_get_n_rows (survey), ==, 5);
  g_assert_cmpuint (summary.n_respondents, ==, 2);
  g_assert_cmpuint (summary.n_blank_rows, ==, 3);
  g_assert_cmpuint (summary.n_in_group[RD_GROUP_OTHER], ==, 0);
  g_assert_cmpuint (summary.n_items, ==, 6);
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A file over the limit is refused by its size: a sparse 1 GB file is never
 * read (reading it would take 1 GB of memory), and the message names the
 * file and the limit. */
static void
test_too_large_not_read (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("readiness-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = NULL;
  long before;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "groep;a-plan\n", 13), ==, 13);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024), ==, 0);
  close (fd);

  before = peak_rss_kb ();
  survey = rd_survey_import_new_for_file (framework, file, NULL, &error);
  g_assert_null (survey);
  g_assert_cmpint (peak_rss_kb () - before, <, 64 * 1024);
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "huge.csv: the file is 1.1\u00a0GB; a survey export can be at most 64 MB");

  /* Just over the limit, and just under it. */
  g_clear_error (&error);
  g_assert_cmpint (truncate (path, RD_CSV_MAX_BYTES + 1), ==, 0);
  g_assert_null (rd_survey_import_new_for_file (framework, file, NULL, &error));
  g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Errors of the file system name the file too. */
static void
test_unreadable_file (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("readiness-survey-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_null (rd_survey_import_new_for_file (framework, file, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "folder.csv"));
  g_clear_error (&error);

  g_assert_null (rd_survey_import_new_for_file (framework, missing, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.csv"));

  g_rmdir (folder);
  g_rmdir (dir);
}

/* A small framework's survey export of @n_rows respondents, every fifth
 * row blank. */
static GString *
make_survey (guint n_rows)
{
  static const char * const groups[] = { "leraar", "leerling", "ouder", "" };
  GString *text = g_string_new ("groep;a-plan;a-team;a-review;b-speed;b-share;b-mfa\n");

  for (guint r = 0; r < n_rows; r++)
    if (r % 5 == 4)
      g_string_append (text, ";;;;;;\n");
    else
      g_string_append_printf (text, "%s;%u;%s;1%u-03-2024;%u,5;%u%%;%s\n", groups[r % 4], 1 + r % 5,
                              r % 7 == 0 ? "n.v.t." : "Eens", r % 3, 100 + r % 900, r % 101, r % 2 ? "ja" : "nee");
  return text;
}

/* A mapping change decodes the changed column and no other, and the
 * summary decodes nothing: issue 13 (the mapping step used to read every
 * row on each change). */
static void
test_mapping_change_decodes_one_column (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GString) text = make_survey (1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = rd_survey_import_new (framework, text->str, text->len, "many.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  RdSurveySummary summary;
  guint64 decoded;
  guint n;

  g_assert_no_error (error);
  n = rd_survey_import_get_n_respondents (survey);
  g_assert_cmpuint (n, ==, 800);
  g_assert_cmpuint (rd_survey_import_get_n_blank_rows (survey), ==, 200);
  /* Reading checks each column once: the group and six items. */
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, 7 * n);

  decoded = rd_survey_import_get_n_cells_decoded (survey);
  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded);

  rd_survey_import_set_item (survey, 6, NULL);
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded);
  rd_survey_import_set_item (survey, 6, rd_framework_lookup_item (framework, "b-mfa"));
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded + n);
  rd_survey_import_set_default_group (survey, RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded + n);

  /* A statement column as the group: every row wrong, found at once. */
  rd_survey_import_set_group_column (survey, 1);
  g_assert_false (rd_survey_import_check (survey, &summary, &error));
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "many.csv: line 2, column 8 (“a-plan”): “1” is not a group"));
  g_clear_error (&error);
  rd_survey_import_set_group_column (survey, 0);
  rd_survey_import_set_item (survey, 1, rd_framework_lookup_item (framework, "a-plan"));

  /* The summary's counts are what reading every row gives. */
  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, summary.n_respondents);
  g_assert_cmpuint (summary.n_in_group[RD_GROUP_TEACHER], ==, 200);
  g_assert_cmpuint (summary.n_in_group[RD_GROUP_LEARNER], ==, 200);
  g_assert_cmpuint (summary.n_in_group[RD_GROUP_PARENT], ==, 200);
  g_assert_cmpuint (summary.n_in_group[RD_GROUP_SUPPORT_STAFF], ==, 200);  /* no group given */
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      guint counted = 0;

      for (guint r = 0; r < responses->len; r++)
        counted += ((RdResponse *) g_ptr_array_index (responses, r))->group == g;
      g_assert_cmpuint (counted, ==, summary.n_in_group[g]);
    }
}

/* An answer to an item that is not asked of the respondent's group is left
 * out, and the summary says how many: a learner's bandwidth, a parent's
 * MFA. Changing who is in which group recounts without decoding a cell. */
static void
test_not_asked (void)
{
  static const char csv[] =
    "group,a-plan,b-speed,b-mfa,b-share\n"
    "learner,4,100,yes,50\n"
    "support staff,,1000,yes,90\n"
    "parent,3,,no,\n"
    "teacher,5,10,,\n";
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = rd_survey_import_new (framework, csv, strlen (csv), "mixed.csv", &error);
  g_autoptr(GPtrArray) responses = NULL;
  RdSurveySummary summary;
  RdResponse *learner, *support, *parent;
  guint64 decoded;

  g_assert_no_error (error);
  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  g_assert_cmpuint (summary.n_not_asked, ==, 5);
  g_assert_cmpuint (rd_survey_import_get_n_not_asked (survey, 1), ==, 1);   /* a parent's a-plan */
  g_assert_cmpuint (rd_survey_import_get_n_not_asked (survey, 2), ==, 2);   /* learner, teacher */
  g_assert_cmpuint (rd_survey_import_get_n_not_asked (survey, 3), ==, 2);   /* learner, parent */
  g_assert_cmpuint (rd_survey_import_get_n_not_asked (survey, 4), ==, 0);   /* asked of everyone */

  responses = rd_survey_import_read (survey, &error);
  g_assert_no_error (error);
  learner = g_ptr_array_index (responses, 0);
  support = g_ptr_array_index (responses, 1);
  parent = g_ptr_array_index (responses, 2);
  g_assert_cmpuint (learner->answers->len, ==, 2);
  g_assert_cmpfloat (given (learner, "a-plan")->value, ==, 4);
  g_assert_null (answer_to (learner, "b-speed"));
  g_assert_null (answer_to (learner, "b-mfa"));
  g_assert_cmpfloat (given (support, "b-speed")->value, ==, 1000);
  g_assert_cmpuint (support->answers->len, ==, 3);
  g_assert_cmpuint (parent->answers->len, ==, 0);
  g_clear_pointer (&responses, g_ptr_array_unref);

  /* Without the group column everyone is support staff, who are not asked a-plan. */
  decoded = rd_survey_import_get_n_cells_decoded (survey);
  rd_survey_import_set_item (survey, 0, NULL);
  rd_survey_import_set_default_group (survey, RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded);
  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  g_assert_cmpuint (summary.n_not_asked, ==, 3);
  g_assert_cmpuint (rd_survey_import_get_n_not_asked (survey, 1), ==, 3);

  /* The group column back: decoded once, and the first counts again. */
  rd_survey_import_set_group_column (survey, 0);
  g_assert_cmpuint (rd_survey_import_get_n_cells_decoded (survey), ==, decoded + 4);
  g_assert_true (rd_survey_import_check (survey, &summary, &error));
  g_assert_cmpuint (summary.n_not_asked, ==, 5);
}

typedef struct
{
  GCancellable *cancellable;
  guint cancel_at;
  guint n_calls;
  guint last_done;
  guint total;
  GThread *thread;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last_done);
  progress->n_calls++;
  progress->last_done = done;
  progress->total = total;
  progress->thread = g_thread_self ();
  if (progress->cancel_at > 0 && done >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

typedef struct
{
  RdSurveyImport *survey;
  char *path;
  gint64 assessment_id;
  Progress progress;
} StoreJob;

static void
store_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  StoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (job->path, &error);

  if (store != NULL &&
      rd_survey_import_store (job->survey, store, job->assessment_id, cancellable, on_progress, &job->progress,
                              &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Storing is one transaction: a cancel half-way leaves nothing, and
 * progress is told on the way; then the same import in a worker thread
 * with a connection of its own stores every respondent. */
static void
test_store_cancel_and_worker (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("readiness-survey-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "survey.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);
  g_autoptr(GString) text = make_survey (5000);
  g_autoptr(RdSurveyImport) survey = rd_survey_import_new (framework, text->str, text->len, "many.csv", &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  Progress progress = { cancellable, 2000, 0, 0, 0, NULL };
  StoreJob job = { 0 };
  gint64 school_id, assessment_id;
  guint n = rd_survey_import_get_n_respondents (survey);

  g_assert_no_error (error);
  school_id = rd_store_add_school (store, "School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);

  g_assert_false (rd_survey_import_store (survey, store, assessment_id, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.n_calls, >, 2);
  g_assert_cmpuint (progress.total, ==, n);
  g_assert_cmpuint (progress.last_done, >=, 2000);
  g_assert_cmpuint (progress.last_done, <, n);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM respondent"), ==, 0);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM answer"), ==, 0);

  job.survey = survey;
  job.path = path;
  job.assessment_id = assessment_id;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, &job, NULL);
  g_task_run_in_thread_sync (task, store_in_thread);
  g_assert_true (g_task_propagate_boolean (task, &error));
  g_assert_no_error (error);
  g_assert_true (job.progress.thread != g_thread_self ());
  g_assert_cmpuint (job.progress.last_done, ==, n);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM respondent"), ==, n);
  /* Six items a row, less the empty ones: none are empty here. */
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM answer"), ==, 6 * n);

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
  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/survey/scale-labels/%s", label_cases[i].file);

      g_test_add_data_func (path, &label_cases[i], test_scale_labels);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/survey/broken/%s", broken_cases[i].file);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/survey/into-store", test_into_store);
  g_test_add_func ("/survey/blank-rows", test_blank_rows);
  g_test_add_func ("/survey/too-large-not-read", test_too_large_not_read);
  g_test_add_func ("/survey/unreadable-file", test_unreadable_file);
  g_test_add_func ("/survey/mapping-change-decodes-one-column", test_mapping_change_decodes_one_column);
  g_test_add_func ("/survey/not-asked", test_not_asked);
  g_test_add_func ("/survey/store-cancel-and-worker", test_store_cancel_and_worker);

  return g_test_run ();
}
