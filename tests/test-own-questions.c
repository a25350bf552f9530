/* A school's own questions: the model, the store, their figures, and the
 * promise that they never move a figure of the framework. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-analysis.h"
#include "rd-answer-history.h"
#include "rd-answers-csv.h"
#include "rd-errors.h"
#include "rd-exchange.h"
#include "rd-group-comparison.h"
#include "rd-own-results.h"
#include "rd-results.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

/* small.json, Sint-Jozef in Gent and its full assessment of 2026-2027. */
typedef RdTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (fixture, "Sint-Jozef", "Gent", RD_SCHOOL_TYPE_PRIMARY);
  rd_test_store_add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_FULL);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static RdOwnQuestionInfo
statement_info (const char *text)
{
  RdOwnQuestionInfo info;

  rd_own_question_info_init (&info);
  info.text = text;
  info.area_id = "alpha";
  info.audience = 1u << RD_GROUP_LEADER | 1u << RD_GROUP_TEACHER;
  info.weights[RD_FACTOR_ENGAGEMENT] = 1;
  return info;
}

static RdOwnQuestionInfo
number_info (const char *text)
{
  RdOwnQuestionInfo info = statement_info (text);

  info.kind = RD_ITEM_KIND_NUMBER;
  info.area_id = "beta";
  info.unit = "laptops";
  info.min = 0;
  info.max = 500;
  info.target = 100;
  info.weights[RD_FACTOR_INVESTMENT] = 2;
  return info;
}

static RdOwnQuestion *
add_question (Fixture                 *fixture,
              gint64                   assessment_id,
              const RdOwnQuestionInfo *info)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestion *question = rd_store_add_own_question (fixture->store, assessment_id, fixture->framework, info,
                                                       &error);

  g_assert_no_error (error);
  g_assert_nonnull (question);
  return question;
}

/* Text limits and cleaning as the framework's items have them, and every
 * other rule, with messages that say what is wrong; in a file, where. */
static void
test_validate (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdOwnQuestion) question = NULL;
  RdOwnQuestionInfo info;

  while (long_text->len < 2001)
    g_string_append_c (long_text, 'a');

#define REFUSED(expected)                                                                       \
  G_STMT_START {                                                                                \
    g_autoptr(RdOwnQuestion) refused = rd_own_question_new (&info, framework, NULL, NULL,       \
                                                            RD_STORE_ERROR,                     \
                                                            RD_STORE_ERROR_INVALID, &error);    \
    g_assert_null (refused);                                                                    \
    g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);                             \
    g_assert_cmpstr (error->message, ==, expected);                                             \
    g_clear_error (&error);                                                                     \
  } G_STMT_END

  info = statement_info (" \033[31m\xe2\x80\xae" "Pupils\tenjoy the coding club. ");
  question = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, &error);
  g_assert_no_error (error);
  /* Cleaned as a framework text: controls and overrides out, ends trimmed. */
  g_assert_cmpstr (rd_own_question_get_text (question), ==, "[31mPupils\tenjoy the coding club.");
  g_assert_true (rd_item_is_own (rd_own_question_get_item (question)));
  g_assert_null (rd_own_question_get_help (question));

  info = statement_info (long_text->str);
  REFUSED ("The question’s text can have at most 2000 characters");
  info = statement_info ("Fine");
  info.help = long_text->str;
  REFUSED ("The question’s explanation can have at most 2000 characters");
  info = statement_info (" \033 ");
  REFUSED ("The question needs a text");
  info = statement_info ("Fine");
  info.area_id = "gamma";
  REFUSED ("Unknown area “gamma”");
  info = statement_info ("Fine");
  info.audience = 0;
  REFUSED ("A question is asked of at least one group");
  info = statement_info ("Fine");
  info.weights[RD_FACTOR_ENGAGEMENT] = 0;
  REFUSED ("A question must be about at least one success factor");
  info = statement_info ("Fine");
  info.weights[RD_FACTOR_CAPACITY] = 3.5;
  REFUSED ("Weight of “capacity” must be above 0 and at most 3");
  info = statement_info ("Fine");
  info.kind = RD_ITEM_KIND_DATE;
  REFUSED ("A question of your own is a statement, a yes-no question, a number or a percentage");
  info = number_info ("Laptops");
  info.target = NAN;
  REFUSED ("A number needs a target: the answer that scores 100");
  info = number_info ("Laptops");
  info.target = 600;
  REFUSED ("The target 600 must lie between the lowest and the highest answer");
  info = number_info ("Pupils per laptop");
  info.direction = RD_OWN_DIRECTION_LOWER;
  info.max = INFINITY;
  info.target = 1;
  REFUSED ("When less is better, the question needs a highest answer, which scores 0");
  info = number_info ("Laptops");
  info.min = 10;
  info.max = 5;
  REFUSED ("The highest answer (5) must lie above the lowest (10)");
  info = number_info ("Laptops");
  info.unit = long_text->str;
  REFUSED ("The unit can have at most 200 characters");
  info = statement_info ("Fine");
  info.id = "own-01";
  REFUSED ("“own-01” is not an id such as own-1");

  /* In a file: the file, the place and the key. */
  info = statement_info (long_text->str);
  g_assert_null (rd_own_question_new (&info, framework, "sint-jozef.readiness", "assessments[0].own_questions[1]",
                                      RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, &error));
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "sint-jozef.readiness: assessments[0].own_questions[1].text: longer than 2000 characters");
  g_clear_error (&error);
  info = statement_info ("Fine");
  info.area_id = "gamma";
  g_assert_null (rd_own_question_new (&info, framework, "sint-jozef.readiness", "assessments[0].own_questions[1]",
                                      RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, &error));
  g_assert_cmpstr (error->message, ==, "sint-jozef.readiness: assessments[0].own_questions[1].area: unknown area “gamma”");
#undef REFUSED
}

/* A fact is scored linearly from its worst end to the target. */
static void
test_scoring (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info = number_info ("Laptops");
  g_autoptr(RdOwnQuestion) more = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, 0, &error);
  g_autoptr(RdOwnQuestion) less = NULL, percent = NULL, no_is_good = NULL, statement = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (rd_own_question_score_value (more, 0), ==, 0);
  g_assert_cmpfloat (rd_own_question_score_value (more, 50), ==, 50);
  g_assert_cmpfloat (rd_own_question_score_value (more, 100), ==, 100);
  g_assert_cmpfloat (rd_own_question_score_value (more, 400), ==, 100);
  g_assert_true (isnan (rd_own_question_score_value (more, 501)));

  info.direction = RD_OWN_DIRECTION_LOWER;
  info.max = 30;
  info.target = 10;
  less = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rd_own_question_score_value (less, 5), ==, 100);
  g_assert_cmpfloat (rd_own_question_score_value (less, 20), ==, 50);
  g_assert_cmpfloat (rd_own_question_score_value (less, 30), ==, 0);

  info = statement_info ("Share of lessons with a device");
  info.kind = RD_ITEM_KIND_PERCENT;
  info.target = 80;
  percent = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rd_own_question_score_value (percent, 40), ==, 50);
  g_assert_cmpfloat (rd_own_question_score_value (percent, 90), ==, 100);

  info = statement_info ("We had a data breach this year");
  info.kind = RD_ITEM_KIND_YES_NO;
  info.direction = RD_OWN_DIRECTION_LOWER;
  no_is_good = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rd_own_question_score_value (no_is_good, 0), ==, 100);
  g_assert_cmpfloat (rd_own_question_score_value (no_is_good, 1), ==, 0);

  info = statement_info ("Pupils enjoy it");
  statement = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, 0, &error);
  g_assert_cmpfloat (rd_own_question_score_value (statement, 4), ==, 75);
  g_assert_true (isnan (rd_own_question_score_value (statement, 6)));
}

/* A framework may not name an item as an own question is named. */
static void
test_framework_prefix (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "small.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "\"id\": \"b-mfa\"", "\"id\": \"own-1\"", 1), ==, 1);
  bytes = g_bytes_new (changed->str, changed->len);
  framework = rd_framework_new_from_bytes (bytes, "mine.json", &error);
  g_assert_null (framework);
  g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "mine.json: items[5]: id “own-1”: ids beginning with “own-” are kept for a school’s own questions");
}

/* Stored with the assessment, read back the same, at most ten, removed in
 * two steps so that removing can be undone. */
static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(RdOwnQuestion) laptops = NULL;
  g_autoptr(RdOwnQuestion) changed = NULL;
  RdOwnQuestionInfo info = number_info ("Laptops we lend to pupils");
  gint64 other;

  info.help = "Count the ones in working order.";
  laptops = add_question (fixture, fixture->assessment_id, &info);
  g_assert_cmpstr (rd_own_question_get_id (laptops), ==, "own-1");
  for (guint i = 2; i <= RD_MAX_OWN_QUESTIONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Statement %u", i);
      RdOwnQuestionInfo each = statement_info (text);
      g_autoptr(RdOwnQuestion) added = add_question (fixture, fixture->assessment_id, &each);
      g_autofree char *id = g_strdup_printf ("own-%u", i);

      g_assert_cmpstr (rd_own_question_get_id (added), ==, id);
    }

  /* The eleventh is refused, and says why. */
  info = statement_info ("One too many");
  g_assert_null (rd_store_add_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info,
                                            &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An assessment can have at most 10 questions of its own");
  g_clear_error (&error);

  /* Reopened: the same questions, in their order. */
  g_clear_object (&fixture->store);
  fixture->store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  questions = rd_store_list_own_questions (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, RD_MAX_OWN_QUESTIONS);
  {
    RdOwnQuestion *first = g_ptr_array_index (questions, 0);

    g_assert_cmpstr (rd_own_question_get_text (first), ==, "Laptops we lend to pupils");
    g_assert_cmpstr (rd_own_question_get_help (first), ==, "Count the ones in working order.");
    g_assert_cmpstr (rd_own_question_get_unit (first), ==, "laptops");
    g_assert_cmpstr (rd_own_question_get_area_id (first), ==, "beta");
    g_assert_cmpuint (rd_own_question_get_audience (first), ==, 1u << RD_GROUP_LEADER | 1u << RD_GROUP_TEACHER);
    g_assert_cmpfloat (rd_own_question_get_weight (first, RD_FACTOR_INVESTMENT), ==, 2);
    g_assert_cmpfloat (rd_own_question_get_weight (first, RD_FACTOR_STRATEGY), ==, 0);
    g_assert_cmpfloat (rd_own_question_get_max (first), ==, 500);
    g_assert_cmpfloat (rd_own_question_get_target (first), ==, 100);
    g_assert_cmpstr (rd_own_question_get_id (g_ptr_array_index (questions, 9)), ==, "own-10");
  }

  /* Removed: gone from the list, but undone it comes back. */
  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-3", &error));
  g_assert_no_error (error);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = rd_store_list_own_questions (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (questions->len, ==, 9);
  g_assert_null (rd_own_questions_lookup (questions, "own-3"));
  g_assert_true (rd_store_restore_own_question (fixture->store, fixture->assessment_id, "own-3", &error));
  g_assert_no_error (error);

  /* A question removed makes room; undoing then would make eleven. */
  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-3", &error));
  info = statement_info ("The eleventh, in its place");
  {
    g_autoptr(RdOwnQuestion) added = add_question (fixture, fixture->assessment_id, &info);

    /* A new number: own-3 keeps its own while it can be undone. */
    g_assert_cmpstr (rd_own_question_get_id (added), ==, "own-11");
  }
  g_assert_false (rd_store_restore_own_question (fixture->store, fixture->assessment_id, "own-3", &error));
  g_assert_cmpstr (error->message, ==, "An assessment can have at most 10 questions of its own");
  g_clear_error (&error);
  g_assert_true (rd_store_purge_own_question (fixture->store, fixture->assessment_id, "own-3", &error));
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM own_question"), ==, 10);

  /* Changed: the same id, the new text. */
  info = number_info ("Laptops we lend");
  info.id = "own-1";
  changed = rd_store_update_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_own_question_get_text (changed), ==, "Laptops we lend");
  info.id = "own-3";
  g_assert_null (rd_store_update_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info,
                                               &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Another assessment has questions of its own, numbered from 1. */
  other = rd_store_add_assessment (fixture->store, fixture->school_id, "2027-2028", fixture->framework,
                                   RD_ASSESSMENT_MODE_PULSE, &error);
  g_assert_no_error (error);
  info = statement_info ("Next year's");
  {
    g_autoptr(RdOwnQuestion) added = add_question (fixture, other, &info);

    g_assert_cmpstr (rd_own_question_get_id (added), ==, "own-1");
  }

  /* A complete assessment keeps its questions as they are. */
  g_assert_true (rd_store_set_assessment_status (fixture->store, other, RD_ASSESSMENT_STATUS_COMPLETE, &error));
  g_assert_null (rd_store_add_own_question (fixture->store, other, fixture->framework, &info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_false (rd_store_trash_own_question (fixture->store, other, "own-1", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);

  /* Deleting the assessment deletes its questions and their answers. */
  g_assert_true (rd_store_trash_assessment (fixture->store, fixture->assessment_id, &error));
  g_assert_true (rd_store_purge_trash (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM own_question"), ==, 1);
}

/* Answered through the same calls as the framework's items, kept apart:
 * the framework's answers, counts, reference date and kept scores do not
 * see them. */
static void
test_store_answers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info = number_info ("Laptops we lend to pupils");
  g_autoptr(RdOwnQuestion) laptops = add_question (fixture, fixture->assessment_id, &info);
  RdItem *item = rd_own_question_get_item (laptops);
  g_autoptr(RdAnswer) stored = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  g_autoptr(RdAssessmentScores) kept = NULL;
  gint64 respondent = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  RdAnswer old = { .respondent_id = respondent, .value = 3, .answered = 1700000000 };

  g_assert_no_error (error);
  g_assert_true (rd_store_put_answer (fixture->store, rd_framework_lookup_item (fixture->framework, "a-plan"),
                                      &old, &error));
  g_assert_no_error (error);
  kept = rd_store_get_scores (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_nonnull (kept);
  g_assert_cmpint (count_rows (fixture->path, "SELECT scores_stale FROM assessment"), ==, 0);

  g_assert_true (rd_store_set_answer_value (fixture->store, respondent, item, 90, &error));
  g_assert_no_error (error);
  g_assert_false (rd_store_set_answer_value (fixture->store, respondent, item, 501, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  stored = rd_store_get_answer (fixture->store, respondent, "own-1", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->value, ==, 90);
  g_assert_cmpstr (stored->item_id, ==, "own-1");

  answers = rd_store_list_answers (fixture->store, fixture->assessment_id, &error);
  own = rd_store_list_own_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((RdAnswer *) g_ptr_array_index (answers, 0))->item_id, ==, "a-plan");
  g_assert_cmpuint (own->len, ==, 1);
  assessment = rd_store_get_assessment (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (rd_assessment_get_n_answers (assessment), ==, 1);
  g_assert_cmpuint (rd_assessment_count_answered_items (assessment, fixture->framework), ==, 1);
  /* The day date items are scored against stays the framework answer's. */
  g_assert_cmpuint (rd_assessment_get_reference_day (assessment), ==, rd_day_from_unix_local (1700000000));
  g_assert_cmpint (count_rows (fixture->path, "SELECT scores_stale FROM assessment"), ==, 0);

  g_assert_true (rd_store_set_answer_not_applicable (fixture->store, respondent, item, &error));
  g_clear_pointer (&stored, rd_answer_free);
  stored = rd_store_get_answer (fixture->store, respondent, "own-1", &error);
  g_assert_true (stored->not_applicable);
  g_assert_true (rd_store_clear_answer (fixture->store, respondent, "own-1", &error));
  g_clear_pointer (&stored, rd_answer_free);
  stored = rd_store_get_answer (fixture->store, respondent, "own-1", &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  /* A change that answers given no longer fit is refused. */
  g_assert_true (rd_store_set_answer_value (fixture->store, respondent, item, 400, &error));
  info.id = "own-1";
  info.max = 300;
  g_assert_null (rd_store_update_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info,
                                               &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1 answer given to this question does not fit what it now takes: keep its "
                   "kind and range, or remove the question and add a new one");
  g_clear_error (&error);
  g_assert_cmpuint (rd_store_count_own_answers (fixture->store, fixture->assessment_id, "own-1", &error), ==, 1);

  /* Removed for good, the answers go with it. */
  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-1", &error));
  g_clear_pointer (&own, g_ptr_array_unref);
  own = rd_store_list_own_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (own->len, ==, 0);
  g_assert_false (rd_store_set_answer_value (fixture->store, respondent, item, 10, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rd_store_purge_own_question (fixture->store, fixture->assessment_id, "own-1", &error));
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM own_answer"), ==, 0);
}

static void
append_figure (GString    *out,
               const char *name,
               double      value)
{
  g_string_append_printf (out, "%s=%.17g\n", name, value);
}

/* Every figure of the framework that an assessment's answers feed: the
 * results (readiness, areas, priorities, facts, trend, counts), the views
 * of the groups, the kept scores and the comparison of schools, the answer
 * export and the assessment's counts and reference date. */
static char *
fingerprint (Fixture *fixture,
             gint64   assessment_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = rd_results_load (fixture->store, fixture->framework, assessment_id, &error);
  g_autoptr(RdAssessmentScores) kept = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GArray) priorities = NULL;
  g_autoptr(RdGroupComparison) groups = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  g_autofree char *csv = NULL;
  RdAnalysis *analysis;
  double targets[RD_N_FACTORS];

  g_assert_no_error (error);
  analysis = rd_results_get_analysis (results);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult factor;

      rd_analysis_get_factor (analysis, f, &factor);
      append_figure (out, "readiness", factor.readiness);
      append_figure (out, "answered", factor.n_answered);
      append_figure (out, "items", factor.n_items);
      for (guint y = 0; y < rd_results_get_n_years (results); y++)
        append_figure (out, "trend", rd_results_get_trend (results, y, f));
    }
  for (guint a = 0; a < rd_framework_get_n_areas (fixture->framework); a++)
    append_figure (out, "area", rd_analysis_get_area_score (analysis,
                                                            rd_area_get_id (rd_framework_get_area (fixture->framework, a)),
                                                            NULL));
  for (guint i = 0; i < rd_framework_get_n_items (fixture->framework); i++)
    {
      RdItem *item = rd_framework_get_item (fixture->framework, i);
      RdFactValues values;
      guint n = 0;

      append_figure (out, rd_item_get_id (item), rd_analysis_get_item_score (analysis, rd_item_get_id (item), &n));
      append_figure (out, "responses", n);
      if (rd_analysis_get_fact_values (analysis, item, &values))
        append_figure (out, "median", values.median);
    }
  priorities = rd_analysis_list_priorities (analysis, 20);
  for (guint i = 0; i < priorities->len; i++)
    {
      RdItemGap *gap = &g_array_index (priorities, RdItemGap, i);

      g_string_append_printf (out, "priority %s\n", rd_item_get_id (gap->item));
      append_figure (out, "weighted gap", gap->weighted_gap);
    }
  append_figure (out, "respondents", rd_analysis_get_n_respondents (analysis));
  append_figure (out, "n answered", rd_results_get_n_answered (results));
  append_figure (out, "n items", rd_results_get_n_items (results));

  answers = rd_store_list_answers (fixture->store, assessment_id, &error);
  g_assert_true (rd_store_get_targets (fixture->store, assessment_id, targets, &error));
  groups = rd_group_comparison_new (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, targets, 2);
  for (guint g = 0; g < rd_group_comparison_get_n_groups (groups); g++)
    {
      const RdGroupResult *group = rd_group_comparison_get_group (groups, g);

      g_string_append_printf (out, "group %s %u\n", group->title, group->n_respondents);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        append_figure (out, "group readiness", group->factors[f].readiness);
    }
  csv = rd_answers_csv_format (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, 2, NULL);
  g_string_append (out, csv);

  kept = rd_store_get_scores (fixture->store, fixture->framework, assessment_id, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      append_figure (out, "kept", kept->factor[f]);
      append_figure (out, "kept spread", kept->factor_spread[f]);
    }
  for (guint g = 0; g < RD_N_GROUPS; g++)
    append_figure (out, "kept group", kept->group_sizes[g]);
  schools = rd_store_list_school_scores (fixture->store, fixture->framework, "2026-2027", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < schools->len; i++)
    {
      RdSchoolScores *school = g_ptr_array_index (schools, i);

      for (guint f = 0; f < RD_N_FACTORS; f++)
        append_figure (out, school->school_name, school->factor[f]);
      append_figure (out, "school respondents", school->n_respondents);
    }

  assessment = rd_store_get_assessment (fixture->store, assessment_id, &error);
  append_figure (out, "assessment respondents", rd_assessment_get_n_respondents (assessment));
  append_figure (out, "assessment answers", rd_assessment_get_n_answers (assessment));
  append_figure (out, "answered items", rd_assessment_count_answered_items (assessment, fixture->framework));
  append_figure (out, "reference day", rd_assessment_get_reference_day (assessment));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Several respondents of several groups answer the framework; last year's
 * assessment gives a trend. */
static void
answer_framework (Fixture *fixture)
{
  static const RdGroup groups[] = {
    RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_TEACHER, RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF,
    RD_GROUP_SUPPORT_STAFF, RD_GROUP_LEARNER,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GPtrArray) last_year = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  gint64 previous;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_ptr_array_add (responses, rd_test_random_response (fixture->framework, RD_ASSESSMENT_MODE_FULL, groups[i],
                                                           rand, 0.6));
      g_ptr_array_add (last_year, rd_test_random_response (fixture->framework, RD_ASSESSMENT_MODE_FULL, groups[i],
                                                           rand, 0.3));
    }
  g_assert_true (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework, responses,
                                         &error));
  g_assert_no_error (error);
  previous = rd_store_add_assessment (fixture->store, fixture->school_id, "2025-2026", fixture->framework,
                                      RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_true (rd_store_add_responses (fixture->store, previous, fixture->framework, last_year, &error));
  g_assert_no_error (error);
}

/* The promise: a school's own questions, however answered, never move a
 * figure of the framework. */
static void
test_never_distort (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *removed = NULL;
  RdOwnQuestionInfo infos[3];
  RdOwnQuestion *questions[3];

  answer_framework (fixture);
  before = fingerprint (fixture, fixture->assessment_id);

  infos[0] = statement_info ("Pupils enjoy the coding club");
  infos[0].audience = RD_EVERY_GROUP;
  infos[0].weights[RD_FACTOR_STRATEGY] = 3;
  infos[1] = number_info ("Laptops we lend to pupils");
  infos[2] = statement_info ("We had a data breach this year");
  infos[2].kind = RD_ITEM_KIND_YES_NO;
  infos[2].direction = RD_OWN_DIRECTION_LOWER;
  for (guint q = 0; q < G_N_ELEMENTS (infos); q++)
    questions[q] = add_question (fixture, fixture->assessment_id, &infos[q]);

  /* Every respondent answers every own question, asked or not. */
  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < respondents->len; r++)
    {
      RdRespondent *respondent = g_ptr_array_index (respondents, r);

      g_assert_true (rd_store_set_answer_value (fixture->store, respondent->id,
                                                rd_own_question_get_item (questions[0]), 1 + r % 5, &error));
      g_assert_true (rd_store_set_answer_value (fixture->store, respondent->id,
                                                rd_own_question_get_item (questions[1]), 40 * r, &error));
      if (r % 3 == 0)
        g_assert_true (rd_store_set_answer_not_applicable (fixture->store, respondent->id,
                                                           rd_own_question_get_item (questions[2]), &error));
      else
        g_assert_true (rd_store_set_answer_value (fixture->store, respondent->id,
                                                  rd_own_question_get_item (questions[2]), r % 2, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM own_answer"), ==, 3 * respondents->len);

  after = fingerprint (fixture, fixture->assessment_id);
  g_assert_cmpstr (after, ==, before);

  /* Nor does removing one, or undoing that. */
  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-2", &error));
  removed = fingerprint (fixture, fixture->assessment_id);
  g_assert_cmpstr (removed, ==, before);
  g_assert_true (rd_store_restore_own_question (fixture->store, fixture->assessment_id, "own-2", &error));
  g_free (after);
  after = fingerprint (fixture, fixture->assessment_id);
  g_assert_cmpstr (after, ==, before);

  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    g_object_unref (questions[q]);
}

/* Each question with its answers: statements by their mean and median on
 * the agreement scale, facts by their values; answers count from the
 * groups asked, and with several people a figure needs the anonymity
 * threshold's number of answers. */
static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info = statement_info ("Pupils enjoy the coding club");
  g_autoptr(RdOwnQuestion) club = add_question (fixture, fixture->assessment_id, &info);
  g_autoptr(RdOwnQuestion) laptops = NULL;
  g_autoptr(RdOwnQuestion) breach = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GArray) results = NULL;
  static const struct { RdGroup group; double club; double laptops; double breach; } people[] = {
    { RD_GROUP_LEADER, 4, 120, 0 },
    { RD_GROUP_TEACHER, 5, 100, 0 },
    { RD_GROUP_TEACHER, 3, 120, 1 },
    { RD_GROUP_TEACHER, 4, 120, 0 },
    /* Not asked the club or the laptops: left out of them. */
    { RD_GROUP_PARENT, 1, 0, 1 },
  };
  RdOwnResult *result;
  g_autofree char *text = NULL;

  info = number_info ("Laptops we lend to pupils");
  laptops = add_question (fixture, fixture->assessment_id, &info);
  info = statement_info ("We had a data breach this year");
  info.kind = RD_ITEM_KIND_YES_NO;
  info.audience = RD_EVERY_GROUP;
  info.direction = RD_OWN_DIRECTION_LOWER;
  breach = add_question (fixture, fixture->assessment_id, &info);

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      gint64 respondent = rd_store_add_respondent (fixture->store, fixture->assessment_id, people[p].group, NULL,
                                                   &error);

      g_assert_true (rd_store_set_answer_value (fixture->store, respondent, rd_own_question_get_item (club),
                                                people[p].club, &error));
      g_assert_true (rd_store_set_answer_value (fixture->store, respondent, rd_own_question_get_item (laptops),
                                                people[p].laptops, &error));
      g_assert_true (rd_store_set_answer_value (fixture->store, respondent, rd_own_question_get_item (breach),
                                                people[p].breach, &error));
      g_assert_no_error (error);
    }

  questions = rd_store_list_own_questions (fixture->store, fixture->assessment_id, &error);
  answers = rd_store_list_own_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (rd_own_results_count_people (NULL, answers), ==, 5);
  results = rd_own_results_compute (questions, answers, 5, 3);
  g_assert_cmpuint (results->len, ==, 3);

  result = &g_array_index (results, RdOwnResult, 0);
  g_assert_cmpuint (result->n, ==, 4);
  g_assert_cmpfloat_with_epsilon (result->mean, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->score, 75.0, 1e-12);
  text = rd_own_result_format (result);
  g_assert_cmpstr (text, ==, "mean 4, median 4: Agree · 4 answers");
  g_clear_pointer (&text, g_free);

  result = &g_array_index (results, RdOwnResult, 1);
  g_assert_cmpuint (result->n, ==, 4);
  g_assert_cmpfloat (result->score, ==, 100);
  text = rd_own_result_format (result);
  g_assert_cmpstr (text, ==, "answers differ: 100 and 120 laptops · 4 answers");
  g_clear_pointer (&text, g_free);

  result = &g_array_index (results, RdOwnResult, 2);
  g_assert_cmpuint (result->n, ==, 5);
  /* no (0) is better here: three of five said no, the median scores 100 */
  g_assert_cmpfloat (result->score, ==, 100);
  text = rd_own_result_format (result);
  g_assert_cmpstr (text, ==, "answers differ: 2 of 5 yes · 5 answers");
  g_clear_pointer (&text, g_free);

  /* A threshold of 5: the club's four answers are too few to show. */
  g_clear_pointer (&results, g_array_unref);
  results = rd_own_results_compute (questions, answers, 5, 5);
  result = &g_array_index (results, RdOwnResult, 0);
  g_assert_true (result->hidden);
  g_assert_true (isnan (result->score));
  text = rd_own_result_format (result);
  g_assert_cmpstr (text, ==, "too few answers");
  g_clear_pointer (&text, g_free);
  g_assert_false (g_array_index (results, RdOwnResult, 2).hidden);

  /* One person alone sees their own answers. */
  g_clear_pointer (&results, g_array_unref);
  g_ptr_array_set_size (answers, 3);
  results = rd_own_results_compute (questions, answers, 1, 3);
  result = &g_array_index (results, RdOwnResult, 0);
  g_assert_false (result->hidden);
  text = rd_own_result_format (result);
  g_assert_cmpstr (text, ==, "Agree (4)");
  g_clear_pointer (&text, g_free);
  text = rd_own_result_format (&g_array_index (results, RdOwnResult, 1));
  g_assert_cmpstr (text, ==, "120 laptops");
}

/* An advisor copies a school's questions to the same school year of the
 * other schools: those with a question of the same text keep theirs,
 * complete assessments are left as they are, and it says how many. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RdOwnQuestionInfo info;
  RdOwnCopyResult result;
  gint64 schools[4], assessments[4];
  static const char * const names[] = { "Atheneum", "Brede School", "De Clef", "Duinen" };

  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      schools[i] = rd_store_add_school (fixture->store, names[i], NULL, RD_SCHOOL_TYPE_UNSET, &error);
      assessments[i] = rd_store_add_assessment (fixture->store, schools[i], "2026-2027", fixture->framework,
                                                RD_ASSESSMENT_MODE_FULL, &error);
      g_assert_no_error (error);
    }
  /* Another year of the first school: not a target. */
  g_assert_cmpint (rd_store_add_assessment (fixture->store, schools[0], "2025-2026", fixture->framework,
                                            RD_ASSESSMENT_MODE_FULL, &error), >, 0);

  info = statement_info ("Pupils enjoy the coding club");
  g_object_unref (add_question (fixture, fixture->assessment_id, &info));
  info = number_info ("Laptops we lend to pupils");
  g_object_unref (add_question (fixture, fixture->assessment_id, &info));
  /* Brede School asks the same, in other letters. */
  info = statement_info ("PUPILS ENJOY THE CODING CLUB ");
  g_object_unref (add_question (fixture, assessments[1], &info));
  /* De Clef has its ten already. */
  for (guint i = 0; i < RD_MAX_OWN_QUESTIONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u", i);

      info = statement_info (text);
      g_object_unref (add_question (fixture, assessments[2], &info));
    }
  /* Duinen is complete. */
  g_assert_true (rd_store_set_assessment_status (fixture->store, assessments[3], RD_ASSESSMENT_STATUS_COMPLETE,
                                                 &error));

  targets = rd_store_list_own_copy_targets (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 4);
  for (guint i = 0; i < targets->len; i++)
    {
      RdOwnCopyTarget *target = g_ptr_array_index (targets, i);

      g_assert_cmpstr (target->school_name, ==, names[i]);
      g_assert_cmpint (target->assessment_id, ==, assessments[i]);
      g_assert_true (target->editable == (i != 3));
      g_array_append_val (ids, target->assessment_id);
    }

  g_assert_true (rd_store_copy_own_questions (fixture->store, fixture->framework, fixture->assessment_id,
                                              (const gint64 *) (gpointer) ids->data, ids->len, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 3);
  g_assert_cmpuint (result.n_assessments, ==, 2);
  g_assert_cmpuint (result.n_same, ==, 1);
  g_assert_cmpuint (result.n_full, ==, 2);
  g_assert_cmpuint (result.n_locked, ==, 1);

  {
    g_autoptr(GPtrArray) atheneum = rd_store_list_own_questions (fixture->store, assessments[0], &error);
    g_autoptr(GPtrArray) brede = rd_store_list_own_questions (fixture->store, assessments[1], &error);
    RdOwnQuestion *copied = g_ptr_array_index (atheneum, 1);

    g_assert_cmpuint (atheneum->len, ==, 2);
    g_assert_cmpstr (rd_own_question_get_text (copied), ==, "Laptops we lend to pupils");
    g_assert_cmpfloat (rd_own_question_get_target (copied), ==, 100);
    g_assert_cmpuint (brede->len, ==, 2);
    g_assert_cmpstr (rd_own_question_get_text (g_ptr_array_index (brede, 0)), ==, "PUPILS ENJOY THE CODING CLUB");
  }

  /* Again: everything is there already. */
  g_assert_true (rd_store_copy_own_questions (fixture->store, fixture->framework, fixture->assessment_id,
                                              (const gint64 *) (gpointer) ids->data, ids->len, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_same, ==, 4);
}

/* Ctrl+Z undoes an answer to an own question as it does the framework's;
 * a removed question's changes leave the history. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info = statement_info ("Pupils enjoy the coding club");
  g_autoptr(RdOwnQuestion) club = add_question (fixture, fixture->assessment_id, &info);
  g_autoptr(RdAnswerHistory) history = rd_answer_history_new (fixture->store, fixture->framework);
  gint64 respondent = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  RdItem *item = rd_own_question_get_item (club);
  g_autoptr(RdAnswer) stored = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (rd_answer_history_set_value (history, respondent, item, 2, &error));
  g_assert_true (rd_answer_history_set_value (history, respondent, item, 5, &error));
  g_assert_true (rd_answer_history_set_value (history, respondent, rd_framework_lookup_item (fixture->framework,
                                                                                            "a-plan"), 3, &error));
  g_assert_no_error (error);
  g_assert_true (rd_answer_history_undo (history, &undone, &error));
  g_assert_cmpstr (undone, ==, "a-plan");
  g_clear_pointer (&undone, g_free);
  g_assert_true (rd_answer_history_undo (history, &undone, &error));
  g_assert_cmpstr (undone, ==, "own-1");
  stored = rd_store_get_answer (fixture->store, respondent, "own-1", &error);
  g_assert_cmpfloat (stored->value, ==, 2);

  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-1", &error));
  g_assert_true (rd_answer_history_can_undo (history));
  rd_answer_history_forget_item (history, "own-1");
  g_assert_false (rd_answer_history_can_undo (history));
}

/* A school with two own questions and answers to them, and a framework
 * answer, exported as an exchange file's text. */
static char *
export_with_own_questions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RdOwnQuestionInfo info = statement_info ("Pupils enjoy the coding club");
  g_autoptr(RdOwnQuestion) club = add_question (fixture, fixture->assessment_id, &info);
  g_autoptr(RdOwnQuestion) laptops = NULL;
  gint64 leader = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_LEADER, NULL, &error);
  gint64 teacher = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_TEACHER, NULL, &error);

  info = number_info ("Laptops we lend to pupils");
  info.help = "Count the ones in working order.";
  laptops = add_question (fixture, fixture->assessment_id, &info);
  g_assert_true (rd_store_set_answer_value (fixture->store, leader, rd_framework_lookup_item (fixture->framework,
                                                                                             "a-plan"), 4, &error));
  g_assert_true (rd_store_set_answer_value (fixture->store, leader, rd_own_question_get_item (club), 5, &error));
  g_assert_true (rd_store_set_answer_value (fixture->store, leader, rd_own_question_get_item (laptops), 120, &error));
  /* Someone who answered only the school's own questions is a respondent too. */
  g_assert_true (rd_store_set_answer_not_applicable (fixture->store, teacher, rd_own_question_get_item (club),
                                                     &error));
  g_assert_no_error (error);

  school = rd_store_export_school (fixture->store, fixture->framework, fixture->school_id, &error);
  g_assert_no_error (error);
  bytes = rd_exchange_write (school, fixture->framework, RD_EXCHANGE_ANSWERS, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
import_text (RdStore      *store,
             RdFramework  *framework,
             const char   *text,
             GError      **error)
{
  g_autoptr(RdExchangeSchool) school = rd_exchange_parse (text, strlen (text), "sint-jozef.readiness", framework,
                                                          error);
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();

  if (school == NULL)
    return FALSE;
  g_ptr_array_add (schools, school);
  return rd_store_import_schools (store, framework, schools, error);
}

/* Carried in the exchange file (format 3) with their answers, and read
 * back into the advisor's database as they were; a file without them
 * stays format 2, which Readiness 1.1 reads. */
static void
test_exchange_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *advisor_path = g_build_filename (fixture->dir, "advisor.db", NULL);
  g_autoptr(RdStore) advisor = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(RdAssessmentScores) school_scores = NULL;
  gint64 assessment_id;
  RdOwnQuestion *laptops;

  {
    g_autoptr(RdExchangeSchool) bare = rd_store_export_school (fixture->store, fixture->framework,
                                                               fixture->school_id, &error);
    g_autoptr(GBytes) bytes = rd_exchange_write (bare, fixture->framework, RD_EXCHANGE_ANSWERS, &error);

    g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"format_version\" : 2,"));
  }

  text = export_with_own_questions (fixture);
  g_assert_nonnull (strstr (text, "\"format_version\" : 3,"));
  g_assert_nonnull (strstr (text, "\"own_questions\""));
  g_assert_nonnull (strstr (text, "\"own_answers\""));

  advisor = rd_store_open (advisor_path, &error);
  g_assert_no_error (error);
  g_assert_true (import_text (advisor, fixture->framework, text, &error));
  g_assert_no_error (error);

  schools = rd_store_list_schools (advisor, &error);
  g_assert_cmpuint (schools->len, ==, 1);
  {
    g_autofree char *uuid = rd_store_get_assessment_uuid (fixture->store, fixture->assessment_id, &error);

    assessment_id = rd_store_find_assessment (advisor, uuid, &error);
    g_assert_cmpint (assessment_id, >, 0);
  }
  questions = rd_store_list_own_questions (advisor, assessment_id, &error);
  answers = rd_store_list_own_answers (advisor, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 2);
  laptops = g_ptr_array_index (questions, 1);
  g_assert_cmpstr (rd_own_question_get_id (laptops), ==, "own-2");
  g_assert_cmpstr (rd_own_question_get_text (laptops), ==, "Laptops we lend to pupils");
  g_assert_cmpstr (rd_own_question_get_help (laptops), ==, "Count the ones in working order.");
  g_assert_cmpstr (rd_own_question_get_unit (laptops), ==, "laptops");
  g_assert_cmpfloat (rd_own_question_get_max (laptops), ==, 500);
  g_assert_cmpfloat (rd_own_question_get_target (laptops), ==, 100);
  g_assert_cmpfloat (rd_own_question_get_weight (laptops, RD_FACTOR_INVESTMENT), ==, 2);
  g_assert_cmpuint (rd_own_question_get_audience (laptops), ==, 1u << RD_GROUP_LEADER | 1u << RD_GROUP_TEACHER);
  g_assert_cmpuint (answers->len, ==, 3);
  g_assert_cmpfloat (((RdAnswer *) g_ptr_array_index (answers, 1))->value, ==, 120);
  g_assert_true (((RdAnswer *) g_ptr_array_index (answers, 2))->not_applicable);

  /* The advisor's figures are the school's. */
  school_scores = rd_store_get_scores (advisor, fixture->framework, assessment_id, &error);
  {
    g_autoptr(RdAssessmentScores) own_scores = rd_store_get_scores (fixture->store, fixture->framework,
                                                                    fixture->assessment_id, &error);

    for (guint f = 0; f < RD_N_FACTORS; f++)
      g_assert_true (own_scores->factor[f] == school_scores->factor[f] ||
                     (isnan (own_scores->factor[f]) && isnan (school_scores->factor[f])));
  }

  /* Written again from the advisor's database: the same questions and answers. */
  {
    g_autoptr(RdExchangeSchool) again = rd_store_export_school (advisor, fixture->framework,
                                                                g_ptr_array_index (schools, 0) ?
                                                                rd_school_get_id (g_ptr_array_index (schools, 0)) : 0,
                                                                &error);
    RdExchangeAssessment *assessment = g_ptr_array_index (again->assessments, 0);

    g_assert_cmpuint (assessment->own_questions->len, ==, 2);
    g_assert_cmpuint (assessment->respondents->len, ==, 2);
    g_assert_cmpuint (((RdExchangeRespondent *) g_ptr_array_index (assessment->respondents, 1))->own_answers->len,
                      ==, 1);
  }

  /* A newer file of the school replaces the questions: one removed, gone. */
  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, "own-1", &error));
  g_assert_true (rd_store_purge_own_question (fixture->store, fixture->assessment_id, "own-1", &error));
  {
    g_autoptr(RdExchangeSchool) newer = rd_store_export_school (fixture->store, fixture->framework,
                                                                fixture->school_id, &error);
    g_autoptr(GBytes) bytes = rd_exchange_write (newer, fixture->framework, RD_EXCHANGE_ANSWERS, &error);
    g_autofree char *newer_text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(GPtrArray) left = NULL;

    g_assert_true (import_text (advisor, fixture->framework, newer_text, &error));
    g_assert_no_error (error);
    left = rd_store_list_own_questions (advisor, assessment_id, &error);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (rd_own_question_get_id (g_ptr_array_index (left, 0)), ==, "own-2");
  }

  /* A summary carries scores only, never the school's own questions. */
  {
    g_autoptr(RdExchangeSchool) summary = rd_store_export_school (fixture->store, fixture->framework,
                                                                  fixture->school_id, &error);
    g_autoptr(GBytes) bytes = rd_exchange_write (summary, fixture->framework, RD_EXCHANGE_SUMMARY, &error);
    const char *summary_text = g_bytes_get_data (bytes, NULL);

    g_assert_null (strstr (summary_text, "own_"));
    g_assert_nonnull (strstr (summary_text, "\"format_version\" : 2,"));
  }
}

/* A file with a malformed own question is refused whole, the place named,
 * and nothing of it is stored. */
static void
test_exchange_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct {
    const char *find;
    const char *replace;
    const char *message;
  } breakages[] = {
    { "\"area\" : \"alpha\"", "\"area\" : \"gamma\"",
      "sint-jozef.readiness: assessments[0].own_questions[0] “own-1”.area: unknown area “gamma”" },
    { "\"text\" : \"Pupils enjoy the coding club\"", "\"text\" : \"   \"",
      "sint-jozef.readiness: assessments[0].own_questions[0] “own-1”.text: the question needs a text" },
    { "\"kind\" : \"statement\"", "\"kind\" : \"date\"",
      "assessments[0].own_questions[0] “own-1”.kind: a question of your own is a statement, a yes-no question, "
      "a number or a percentage" },
    { "\"kind\" : \"statement\"", "\"kind\" : \"essay\"",
      "assessments[0].own_questions[0] “own-1”: unknown kind “essay”" },
    { "\"id\" : \"own-2\"", "\"id\" : \"own-1\"",
      "assessments[0].own_questions[1]: the id “own-1” appears twice in the assessment" },
    { "\"id\" : \"own-2\"", "\"id\" : \"mine-2\"", "assessments[0].own_questions[1]: “mine-2” is not an id such as own-1" },
    { "\"engagement\" : 1", "\"engagement\" : 4",
      "assessments[0].own_questions[0] “own-1”.factors: weight of “engagement” must be above 0 and at most 3" },
    { "\"target\" : 100", "\"target\" : 600",
      "assessments[0].own_questions[1] “own-2”.target: the target 600 must lie between the lowest and the highest "
      "answer" },
    { "\"unit\" : \"laptops\"", "\"unit\" : \"laptops\", \"colour\" : \"red\"", "unknown key “colour”" },
    { "\"audience\" : [", "\"audience\" : [ \"janitor\",",
      "assessments[0].own_questions[0] “own-1”.audience: audience[0] is not a group" },
    { "\"own-2\" : 120.0", "\"own-2\" : 501",
      "sint-jozef.readiness: assessments[0].respondents[0].own_answers “own-2”: “own-2” takes a number from 0 to "
      "500, not 501" },
    { "\"own-2\" : 120.0", "\"own-3\" : 120.0",
      "assessments[0].respondents[0].own_answers “own-3”: the assessment has no such question of its own" },
    { "\"own-2\" : 120.0", "\"own-2\" : \"many\"", "own_answers “own-2”: an answer is a number or null" },
    { "\"own-2\" : 120.0", "\"own-2\" : 120.0, \"own-2\" : 130",
      "assessments[0].respondents[0].own_answers: item “own-2” appears twice" },
    { "\"format_version\" : 3", "\"format_version\" : 2",
      "sint-jozef.readiness: assessments[0]: “own_questions” needs “format_version” 3" },
  };
  g_autofree char *good = export_with_own_questions (fixture);
  g_autofree char *advisor_path = g_build_filename (fixture->dir, "advisor.db", NULL);
  g_autoptr(RdStore) advisor = NULL;
  g_autoptr(GError) error = NULL;

  advisor = rd_store_open (advisor_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autoptr(GString) broken = g_string_new (good);

      if (g_string_replace (broken, breakages[i].find, breakages[i].replace, 1) != 1)
        g_error ("“%s” is not in the file:\n%s", breakages[i].find, good);
      g_assert_false (import_text (advisor, fixture->framework, broken->str, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, breakages[i].message) == NULL)
        g_error ("%s: expected “%s”", error->message, breakages[i].message);
      g_clear_error (&error);
    }

  /* Eleven questions are too many. */
  {
    g_autoptr(GString) many = g_string_new (good);
    g_autoptr(GString) extra = g_string_new ("\"own_questions\" : [");

    for (guint q = 3; q <= 11; q++)
      g_string_append_printf (extra, " { \"id\" : \"own-%u\", \"kind\" : \"statement\", \"area\" : \"alpha\", "
                              "\"text\" : \"Q%u\", \"audience\" : [ \"leader\" ], \"factors\" : { \"strategy\" : 1 } },",
                              q, q);
    g_assert_cmpuint (g_string_replace (many, "\"own_questions\" : [", extra->str, 1), ==, 1);
    g_assert_false (import_text (advisor, fixture->framework, many->str, &error));
    g_assert_cmpstr (error->message, ==,
                     "sint-jozef.readiness: assessments[0].own_questions: an assessment has at most 10 questions "
                     "of its own, not 11");
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (advisor_path, "SELECT count(*) FROM school"), ==, 0);
  g_assert_cmpint (count_rows (advisor_path, "SELECT count(*) FROM own_question"), ==, 0);
  g_assert_true (import_text (advisor, fixture->framework, good, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/own/validate", test_validate);
  g_test_add_func ("/own/scoring", test_scoring);
  g_test_add_func ("/own/framework-prefix", test_framework_prefix);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, rd_test_store_tear_down)
  ADD ("/own/store/round-trip-and-limit", test_store_round_trip);
  ADD ("/own/store/answers", test_store_answers);
  ADD ("/own/never-distort", test_never_distort);
  ADD ("/own/results", test_results);
  ADD ("/own/copy-to-other-schools", test_copy);
  ADD ("/own/undo", test_undo);
  ADD ("/own/exchange/round-trip", test_exchange_round_trip);
  ADD ("/own/exchange/refused", test_exchange_refused);
#undef ADD

  return g_test_run ();
}
