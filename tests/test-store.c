#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rd-analysis.h"
#include "rd-errors.h"
#include "rd-limits.h"
#include "rd-results.h"
#include "rd-store.h"
#include "rd-test-files.h"
#include "rd-test-fixtures.h"

/* small.json and the path of a database not made yet, in a folder not
 * made yet: each test opens it and the store makes both. */
typedef RdTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_make_folder (fixture);
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->dir, "sub", "readiness.db", NULL);
  fixture->framework = rd_test_load_framework ("small.json");
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(RdSchool) school = NULL;
  GStatBuf info;
  gint64 id;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Answers are personal: the file is private to the user. */
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  id = rd_store_add_school (store, "  Sint-Jozef Basisschool ", "Gent", RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rd_store_add_school (store, "   ", NULL, RD_SCHOOL_TYPE_UNSET, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&store);
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  schools = rd_store_list_schools (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 2);
  /* Sorted by name; names are trimmed; empty tags stored as none. */
  g_assert_cmpstr (rd_school_get_name (g_ptr_array_index (schools, 0)), ==, "Atheneum");
  g_assert_cmpint (rd_school_get_school_type (g_ptr_array_index (schools, 0)), ==, RD_SCHOOL_TYPE_UNSET);
  school = rd_store_get_school (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_school_get_name (school), ==, "Sint-Jozef Basisschool");
  g_assert_cmpstr (rd_school_get_region (school), ==, "Gent");
  g_assert_cmpint (rd_school_get_school_type (school), ==, RD_SCHOOL_TYPE_PRIMARY);

  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA application_id"), ==, RD_STORE_APPLICATION_ID);
}

static void
test_assessment_and_targets (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  double targets[RD_N_FACTORS];
  gint64 school_id, first, second;

  school_id = rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rd_store_add_assessment (store, school_id, "2026-2028", fixture->framework,
                                            RD_ASSESSMENT_MODE_FULL, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rd_store_add_assessment (store, 9999, "2026-2027", fixture->framework,
                                            RD_ASSESSMENT_MODE_FULL, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  first = rd_store_add_assessment (store, school_id, "2025-2026", fixture->framework,
                                   RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  second = rd_store_add_assessment (store, school_id, "2026-2027", fixture->framework,
                                    RD_ASSESSMENT_MODE_PULSE, &error);
  g_assert_no_error (error);

  assessments = rd_store_list_assessments (store, school_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 2);
  /* Newest school year first. */
  g_assert_cmpint (rd_assessment_get_id (g_ptr_array_index (assessments, 0)), ==, second);
  g_assert_cmpint (rd_assessment_get_mode (g_ptr_array_index (assessments, 0)), ==,
                   RD_ASSESSMENT_MODE_PULSE);

  g_assert_true (rd_store_get_targets (store, first, targets, &error));
  g_assert_cmpfloat (targets[RD_FACTOR_STRATEGY], ==, 70);
  g_assert_cmpfloat (targets[RD_FACTOR_INVESTMENT], ==, 60);
  g_assert_true (rd_store_set_target (store, first, RD_FACTOR_INVESTMENT, 85, &error));
  g_assert_false (rd_store_set_target (store, first, RD_FACTOR_INVESTMENT, 101, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rd_store_get_targets (store, first, targets, &error));
  g_assert_cmpfloat (targets[RD_FACTOR_INVESTMENT], ==, 85);

  g_assert_true (rd_store_set_assessment_status (store, first, RD_ASSESSMENT_STATUS_COMPLETE, &error));
  assessment = rd_store_get_assessment (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_assessment_get_status (assessment), ==, RD_ASSESSMENT_STATUS_COMPLETE);
  g_assert_cmpstr (rd_assessment_get_framework_id (assessment), ==, "small-fixture");
  g_assert_cmpstr (rd_assessment_get_school_year (assessment), ==, "2025-2026");
}

static void
test_answers_survive_reopen (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(RdAnswer) answer = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  RdFramework *framework = fixture->framework;
  gint64 school_id, assessment_id, leader, teacher;
  GDate date;

  school_id = rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_add_respondent (store, assessment_id, RD_GROUP_LEADER, NULL, &error);
  teacher = rd_store_add_respondent (store, assessment_id, RD_GROUP_TEACHER, "T1", &error);
  g_assert_no_error (error);

  g_assert_true (rd_store_set_answer_value (store, leader, rd_framework_lookup_item (framework, "a-plan"),
                                            4, &error));
  g_assert_true (rd_store_set_answer_value (store, leader, rd_framework_lookup_item (framework, "b-speed"),
                                            250.5, &error));
  g_assert_true (rd_store_set_answer_not_applicable (store, leader,
                                                     rd_framework_lookup_item (framework, "b-mfa"), &error));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2024);
  g_assert_true (rd_store_set_answer_date (store, leader, rd_framework_lookup_item (framework, "a-review"),
                                           &date, &error));
  g_assert_true (rd_store_set_answer_value (store, teacher, rd_framework_lookup_item (framework, "a-plan"),
                                            2, &error));
  /* Changing an answer replaces it. */
  g_assert_true (rd_store_set_answer_value (store, teacher, rd_framework_lookup_item (framework, "a-plan"),
                                            3, &error));
  g_assert_no_error (error);

  /* An invalid value is refused and nothing is stored. */
  g_assert_false (rd_store_set_answer_value (store, teacher, rd_framework_lookup_item (framework, "b-share"),
                                             140, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2999);
  g_assert_false (rd_store_set_answer_date (store, teacher, rd_framework_lookup_item (framework, "a-review"),
                                            &date, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_clear_object (&store);
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  answers = rd_store_list_answers (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 5);

  answer = rd_store_get_answer (store, leader, "b-speed", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (answer->value, ==, 250.5);
  g_assert_cmpint (answer->group, ==, RD_GROUP_LEADER);
  g_assert_cmpuint (answer->item_version, ==, 1);
  g_assert_cmpint (answer->answered, >, 0);
  g_clear_pointer (&answer, rd_answer_free);

  answer = rd_store_get_answer (store, leader, "a-review", &error);
  rd_answer_get_date (answer, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&date), ==, 15);
  g_assert_true (isnan (answer->value));
  g_clear_pointer (&answer, rd_answer_free);

  answer = rd_store_get_answer (store, leader, "b-mfa", &error);
  g_assert_true (answer->not_applicable);
  g_clear_pointer (&answer, rd_answer_free);

  answer = rd_store_get_answer (store, teacher, "a-plan", &error);
  g_assert_cmpfloat (answer->value, ==, 3);
  g_assert_cmpint (answer->group, ==, RD_GROUP_TEACHER);
  g_clear_pointer (&answer, rd_answer_free);

  g_assert_true (rd_store_clear_answer (store, teacher, "a-plan", &error));
  g_assert_null (rd_store_get_answer (store, teacher, "a-plan", &error));
  g_assert_no_error (error);

  assessment = rd_store_get_assessment (store, assessment_id, &error);
  g_assert_cmpuint (rd_assessment_get_n_answers (assessment), ==, 4);
  g_assert_cmpuint (rd_assessment_get_n_respondents (assessment), ==, 1);
}

/* The counts listed with a school's assessments are each assessment's
 * own: respondents without answers do not count, an assessment without
 * answers has none, another school's answers stay out. */
static void
test_listed_answer_counts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(RdAssessment) single = NULL;
  RdFramework *framework = fixture->framework;
  gint64 school, other, older, newer, elsewhere, leader, teacher, silent, stranger;

  school = rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  other = rd_store_add_school (store, "College", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  older = rd_store_add_assessment (store, school, "2025-2026", framework, RD_ASSESSMENT_MODE_FULL, &error);
  newer = rd_store_add_assessment (store, school, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  elsewhere = rd_store_add_assessment (store, other, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_add_respondent (store, older, RD_GROUP_LEADER, NULL, &error);
  teacher = rd_store_add_respondent (store, older, RD_GROUP_TEACHER, NULL, &error);
  silent = rd_store_add_respondent (store, older, RD_GROUP_TEACHER, NULL, &error);
  stranger = rd_store_add_respondent (store, elsewhere, RD_GROUP_LEADER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (silent, >, 0);

  g_assert_true (rd_store_set_answer_value (store, leader, rd_framework_lookup_item (framework, "a-plan"), 4, &error));
  g_assert_true (rd_store_set_answer_value (store, leader, rd_framework_lookup_item (framework, "b-speed"), 100, &error));
  g_assert_true (rd_store_set_answer_value (store, teacher, rd_framework_lookup_item (framework, "a-plan"), 3, &error));
  for (guint i = 0; i < 2; i++)
    g_assert_true (rd_store_set_answer_value (store, stranger, rd_framework_lookup_item (framework, i ? "a-plan" : "a-team"),
                                              2, &error));
  g_assert_no_error (error);

  listed = rd_store_list_assessments (store, school, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  /* Newest year first. */
  g_assert_cmpint (rd_assessment_get_id (g_ptr_array_index (listed, 0)), ==, newer);
  g_assert_cmpuint (rd_assessment_get_n_answers (g_ptr_array_index (listed, 0)), ==, 0);
  g_assert_cmpuint (rd_assessment_get_n_respondents (g_ptr_array_index (listed, 0)), ==, 0);
  g_assert_cmpuint (rd_assessment_count_answered_items (g_ptr_array_index (listed, 0), framework), ==, 0);
  g_assert_cmpint (rd_assessment_get_id (g_ptr_array_index (listed, 1)), ==, older);
  g_assert_cmpuint (rd_assessment_get_n_answers (g_ptr_array_index (listed, 1)), ==, 3);
  g_assert_cmpuint (rd_assessment_get_n_respondents (g_ptr_array_index (listed, 1)), ==, 2);
  g_assert_cmpuint (rd_assessment_count_answered_items (g_ptr_array_index (listed, 1), framework), ==, 2);

  single = rd_store_get_assessment (store, elsewhere, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_assessment_get_n_answers (single), ==, 2);
  g_assert_cmpuint (rd_assessment_get_n_respondents (single), ==, 1);

  /* The whole database's list counts the same, by school, oldest first,
   * and leaves out what is in the trash. */
  {
    gint64 trashed = rd_store_add_assessment (store, other, "2027-2028", framework, RD_ASSESSMENT_MODE_FULL, &error);
    gint64 closed = rd_store_add_school (store, "Closed", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    gint64 closed_assessment = rd_store_add_assessment (store, closed, "2026-2027", framework,
                                                        RD_ASSESSMENT_MODE_PULSE, &error);
    gint64 closed_leader = rd_store_add_respondent (store, closed_assessment, RD_GROUP_LEADER, NULL, &error);
    g_autoptr(GPtrArray) counts = NULL;
    g_autoptr(GPtrArray) uncounted = NULL;
    const RdAssessmentCounts *first, *second, *third;

    g_assert_true (rd_store_set_answer_value (store, closed_leader, rd_framework_lookup_item (framework, "a-plan"), 1,
                                              &error));
    g_assert_true (rd_store_trash_assessment (store, trashed, &error));
    g_assert_true (rd_store_trash_school (store, closed, &error));
    counts = rd_store_list_assessment_counts (store, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (counts->len, ==, 3);
    first = g_ptr_array_index (counts, 0);
    second = g_ptr_array_index (counts, 1);
    third = g_ptr_array_index (counts, 2);
    g_assert_cmpint (first->id, ==, older);
    g_assert_cmpint (first->school_id, ==, school);
    g_assert_cmpstr (first->school_year, ==, "2025-2026");
    g_assert_cmpstr (first->framework_id, ==, rd_framework_get_id (framework));
    g_assert_cmpint (first->mode, ==, RD_ASSESSMENT_MODE_FULL);
    g_assert_cmpint (first->status, ==, RD_ASSESSMENT_STATUS_DRAFT);
    g_assert_cmpuint (first->n_answers, ==, 3);
    g_assert_cmpuint (first->n_respondents, ==, 2);
    g_assert_cmpint (second->id, ==, newer);
    g_assert_cmpuint (second->n_answers, ==, 0);
    g_assert_cmpuint (second->n_respondents, ==, 0);
    g_assert_cmpint (third->id, ==, elsewhere);
    g_assert_cmpint (third->school_id, ==, other);
    g_assert_cmpuint (third->n_answers, ==, 2);
    g_assert_cmpuint (third->n_respondents, ==, 1);

    /* Without the counts (what the school years need): the same list,
     * counts 0. */
    uncounted = rd_store_list_assessment_counts (store, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (uncounted->len, ==, counts->len);
    for (guint i = 0; i < counts->len; i++)
      {
        const RdAssessmentCounts *with = g_ptr_array_index (counts, i);
        const RdAssessmentCounts *without = g_ptr_array_index (uncounted, i);

        g_assert_cmpint (without->id, ==, with->id);
        g_assert_cmpint (without->school_id, ==, with->school_id);
        g_assert_cmpstr (without->school_year, ==, with->school_year);
        g_assert_cmpstr (without->framework_id, ==, with->framework_id);
        g_assert_cmpint (without->mode, ==, with->mode);
        g_assert_cmpint (without->status, ==, with->status);
        g_assert_cmpuint (without->n_answers, ==, 0);
        g_assert_cmpuint (without->n_respondents, ==, 0);
      }
  }
}

static const char *all_tables[] = {
  "school", "assessment", "respondent", "answer", "target", "action", "action_item", "assessment_score"
};

static void
test_delete_school_removes_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) schools = NULL;
  gint64 keep = 0, drop = 0, scores_per_school;

  /* Two schools with the same content; only one is deleted. */
  for (guint s = 0; s < 2; s++)
    {
      gint64 school_id = rd_store_add_school (store, s == 0 ? "Keep" : "Drop", NULL, RD_SCHOOL_TYPE_UNSET, &error);
      gint64 assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", fixture->framework,
                                                      RD_ASSESSMENT_MODE_FULL, &error);
      gint64 respondent_id = rd_store_add_respondent (store, assessment_id, RD_GROUP_LEADER, NULL, &error);

      rd_store_set_answer_value (store, respondent_id,
                                 rd_framework_lookup_item (fixture->framework, "a-plan"), 5, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rd_store_add_action (store, assessment_id, &(RdActionInfo) {
                         .title = "Write a plan", .item_ids = (const char *[]) { "a-plan", NULL } },
                       &error), >, 0);
      g_assert_no_error (error);
      if (s == 0)
        keep = school_id;
      else
        drop = school_id;
    }

  /* Kept scores too must go with their school. */
  g_assert_true (rd_store_refresh_scores (store, fixture->framework, &error));
  g_assert_no_error (error);
  scores_per_school = count_rows (fixture->path, "SELECT count(*) FROM assessment_score") / 2;
  g_assert_cmpint (scores_per_school, >, 0);

  g_assert_true (rd_store_trash_school (store, drop, &error));
  schools = rd_store_list_schools (store, &error);
  g_assert_cmpuint (schools->len, ==, 1);
  g_assert_cmpint (rd_school_get_id (g_ptr_array_index (schools, 0)), ==, keep);
  g_clear_pointer (&schools, g_ptr_array_unref);

  /* Undo brings everything back. */
  g_assert_true (rd_store_restore_school (store, drop, &error));
  schools = rd_store_list_schools (store, &error);
  g_assert_cmpuint (schools->len, ==, 2);

  /* Purging a school that is not in the trash removes nothing. */
  g_assert_true (rd_store_purge_school (store, drop, &error));
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM answer"), ==, 2);

  g_assert_true (rd_store_trash_school (store, drop, &error));
  g_assert_true (rd_store_purge_school (store, drop, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", all_tables[i]);
      gint64 expected = g_str_equal (all_tables[i], "target") ? RD_N_FACTORS :
                        g_str_equal (all_tables[i], "assessment_score") ? scores_per_school : 1;

      g_assert_cmpint (count_rows (fixture->path, sql), ==, expected);
    }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM school WHERE name = 'Drop'"), ==, 0);
}

static void
test_delete_assessment_with_undo (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) listed = NULL;
  gint64 school_id, assessment_id;

  school_id = rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_true (rd_store_trash_assessment (store, assessment_id, &error));
  listed = rd_store_list_assessments (store, school_id, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (rd_store_restore_assessment (store, assessment_id, &error));
  listed = rd_store_list_assessments (store, school_id, &error);
  g_assert_cmpuint (listed->len, ==, 1);

  g_assert_true (rd_store_trash_assessment (store, assessment_id, &error));
  g_clear_object (&store);

  /* A trash left behind by a crash is emptied on the next purge. */
  store = rd_store_open (fixture->path, &error);
  g_assert_true (rd_store_purge_trash (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM assessment"), ==, 0);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM target"), ==, 0);
}

static void
test_reader_during_write (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(RdStore) reader = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  sqlite3 *writer = NULL;

  rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);

  /* Another connection holds an open write transaction. */
  g_assert_cmpint (sqlite3_open (fixture->path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; "
                                 "UPDATE school SET name = 'Renamed';", NULL, NULL, NULL), ==, SQLITE_OK);

  reader = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  schools = rd_store_list_schools (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 1);
  /* WAL: the reader sees the last committed state, not the open change. */
  g_assert_cmpstr (rd_school_get_name (g_ptr_array_index (schools, 0)), ==, "Atheneum");
  g_clear_pointer (&schools, g_ptr_array_unref);

  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  schools = rd_store_list_schools (reader, &error);
  g_assert_cmpstr (rd_school_get_name (g_ptr_array_index (schools, 0)), ==, "Renamed");
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_open_fails_unchanged (const char *path,
                             int         expected_code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, expected_code);
  g_test_message ("%s", error->message);
  /* The message names the file so that the user knows which one. */
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  write_file (fixture->path, bytes, sizeof bytes);

  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_NOT_DATABASE);
}

static void
test_text_file (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "school;year\nAtheneum;2026-2027\n";

  write_file (fixture->path, text, strlen (text));
  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_NOT_DATABASE);
}

static void
make_populated_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %u with a longer name to fill pages", i);
      gint64 school_id = rd_store_add_school (store, name, "Region", RD_SCHOOL_TYPE_SECONDARY, &error);

      rd_store_add_assessment (store, school_id, "2026-2027", fixture->framework,
                               RD_ASSESSMENT_MODE_FULL, &error);
      g_assert_no_error (error);
    }
  /* Closing checkpoints the WAL into the main file. */
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize length;
  const guint8 *bytes;

  make_populated_store (fixture);
  whole = read_bytes (fixture->path);
  bytes = g_bytes_get_data (whole, &length);
  g_assert_cmpuint (length, >, 16384);

  g_remove (fixture->path);
  write_file (fixture->path, bytes, length / 2);
  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_CORRUPT);
}

static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length;

  make_populated_store (fixture);
  whole = read_bytes (fixture->path);
  g_bytes_get_data (whole, &length);
  copy = g_memdup2 (g_bytes_get_data (whole, NULL), length);

  /* Scribble over the second page, keeping the header intact. */
  memset (copy + 4096 + 8, 0xA5, 2048);
  g_remove (fixture->path);
  write_file (fixture->path, copy, length);
  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_CORRUPT);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); "
                                 "INSERT INTO contacts VALUES ('someone');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_FOREIGN);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;

  make_populated_store (fixture);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_unchanged (fixture->path, RD_STORE_ERROR_TOO_NEW);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  sqlite3 *holder = NULL;

  make_populated_store (fixture);

  /* Another program takes the database for itself and keeps it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = read_bytes (fixture->path);

  store = rd_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  /* Once released, it opens normally. */
  g_clear_error (&error);
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;

  g_mkdir_with_parents (fixture->path, 0700);
  store = rd_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_DATABASE);
}

/* Each tests/data/store/schema-vN.sql is a database as version N of
 * Readiness left it; opening must migrate it and keep every row. The
 * current version needs one too, so that a schema change starts from it. */
static void
test_migrate (gconstpointer data)
{
  guint version = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_strdup_printf ("schema-v%u.sql", version);
  g_autofree char *dir = g_dir_make_tmp ("readiness-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  rd_test_database_from_dump (name, path);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, version);

  store = rd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, RD_STORE_SCHEMA_VERSION);

  schools = rd_store_list_schools (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 1);
  g_assert_cmpstr (rd_school_get_name (g_ptr_array_index (schools, 0)), ==, "Fixture School");
  answers = rd_store_list_answers (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 3);

  /* Version 2 added the resume position; older assessments start without one. */
  {
    g_autofree char *area = NULL;
    g_autofree char *item = NULL;

    g_assert_true (rd_store_get_position (store, 1, &area, &item, &error));
    g_assert_no_error (error);
    if (version < 2)
      g_assert_null (area);
    else
      g_assert_cmpstr (area, ==, "beta");
    g_assert_true (rd_store_set_position (store, 1, "alpha", "a-plan", &error));
    g_assert_no_error (error);
  }

  /* Version 3 added the action plan. */
  {
    g_autoptr(GPtrArray) actions = rd_store_list_actions (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (actions->len, ==, version < 3 ? 0 : 1);
    if (version >= 3)
      {
        RdAction *action = g_ptr_array_index (actions, 0);

        g_assert_cmpstr (rd_action_get_title (action), ==, "Write the digital plan");
        g_assert_cmpint (rd_action_get_status (action), ==, RD_ACTION_STATUS_IN_PROGRESS);
        g_assert_cmpstr (rd_action_get_item_ids (action)[0], ==, "a-plan");
      }
    g_assert_cmpint (rd_store_add_action (store, 1, &(RdActionInfo) { .title = "New" }, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Version 5 scores date items against the assessment's reference date,
   * the last day an answer was given: set by the migration, and the scores
   * kept by version 4 (62.5 for strategy) are computed again with it. */
  {
    g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
    g_autoptr(RdAssessment) assessment = rd_store_get_assessment (store, 1, &error);
    g_autoptr(RdAssessmentScores) scores = rd_store_get_scores (store, framework, 1, &error);
    g_autoptr(RdAssessmentScores) computed = rd_assessment_scores_compute (framework, RD_ASSESSMENT_MODE_FULL,
                                                                           answers);

    g_assert_no_error (error);
    g_assert_cmpuint (rd_assessment_get_reference_day (assessment), ==, rd_day_from_unix_local (1761955500));
    for (guint a = 0; a < answers->len; a++)
      g_assert_cmpuint (((RdAnswer *) g_ptr_array_index (answers, a))->reference_day, ==,
                        rd_day_from_unix_local (1761955500));
    for (guint f = 0; f < RD_N_FACTORS; f++)
      g_assert_true (scores->factor[f] == computed->factor[f] ||
                     (isnan (scores->factor[f]) && isnan (computed->factor[f])));
    /* a-review 2025-03-01: 8 months before the reference, whatever today is */
    for (guint a = 0; a < answers->len; a++)
      {
        RdAnswer *answer = g_ptr_array_index (answers, a);
        RdItem *review = rd_framework_lookup_item (framework, "a-review");
        GDate reviewed, reference;

        if (!g_str_equal (answer->item_id, "a-review"))
          continue;
        g_date_clear (&reviewed, 1);
        g_date_set_dmy (&reviewed, 1, G_DATE_MARCH, 2025);
        g_date_clear (&reference, 1);
        g_date_set_julian (&reference, rd_day_from_unix_local (1761955500));
        g_assert_cmpuint (rd_months_between (&reviewed, &reference), ==, 8);
        g_assert_cmpfloat (rd_analysis_score_answer (review, answer), ==,
                           rd_item_score_date (review, RD_SCHOOL_TYPE_SECONDARY, &reviewed, &reference));
      }
    g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assessment WHERE scores_stale = 1"), ==, 0);

    /* The regional comparison and the Results page (with its trend) work on it. */
    {
      g_autoptr(GPtrArray) compared = rd_store_list_school_scores (store, framework, "2025-2026", &error);
      g_autoptr(RdResults) results = rd_results_load (store, framework, 1, &error);
      RdSchoolScores *school;

      g_assert_no_error (error);
      g_assert_cmpuint (compared->len, ==, 1);
      school = g_ptr_array_index (compared, 0);
      g_assert_cmpstr (school->school_name, ==, "Fixture School");
      g_assert_cmpfloat (school->factor[RD_FACTOR_STRATEGY], ==, scores->factor[RD_FACTOR_STRATEGY]);
      g_assert_cmpfloat (school->target[RD_FACTOR_STRATEGY], ==, 70);
      g_assert_cmpuint (rd_results_get_n_years (results), ==, 1);
      g_assert_cmpuint (rd_results_get_n_answered (results), ==, 3);
    }
  }

  /* Version 8 added a school’s own questions, their answers apart. */
  {
    g_autoptr(GPtrArray) questions = rd_store_list_own_questions (store, 1, &error);
    g_autoptr(GPtrArray) own_answers = rd_store_list_own_answers (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (questions->len, ==, version < 8 ? 0 : 2);
    g_assert_cmpuint (own_answers->len, ==, version < 8 ? 0 : 2);
    if (version >= 8)
      {
        RdOwnQuestion *laptops = g_ptr_array_index (questions, 1);

        g_assert_cmpstr (rd_own_question_get_id (g_ptr_array_index (questions, 0)), ==, "own-1");
        g_assert_cmpint (rd_own_question_get_kind (laptops), ==, RD_ITEM_KIND_NUMBER);
        g_assert_cmpstr (rd_own_question_get_unit (laptops), ==, "laptops");
        g_assert_cmpfloat (rd_own_question_get_target (laptops), ==, 120);
        g_assert_cmpfloat (((RdAnswer *) g_ptr_array_index (own_answers, 1))->value, ==, 90);
      }
    /* rd_store_list_answers() above read the framework's three only. */
  }

  /* Version 9 added evidence behind the answers and the learning log. */
  g_clear_object (&store);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM item_note"), ==, version < 9 ? 0 : 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM evidence"), ==, version < 9 ? 0 : 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM staff_member"), ==, version < 9 ? 0 : 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM learning_activity"), ==, version < 9 ? 0 : 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM learning_area"), ==, version < 9 ? 0 : 1);

  rd_test_remove_folder (dir);
}

/* Version 6 made a school's type one of a few ids: the free text of
 * version 5 is read (English, Dutch, abbreviations) and what became
 * "other" without saying so is kept as a note to show. */
static void
test_migrate_school_types (void)
{
  static const struct {
    const char *text;       /* NULL: none */
    RdSchoolType type;
    const char *note;
  } schools[] = {
    { "secondary", RD_SCHOOL_TYPE_SECONDARY, NULL },   /* the fixture's own school */
    { "Primary school", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "Basisschool", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "montessoribasisschool", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "basisonderwijs", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "Lager onderwijs", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "BaO", RD_SCHOOL_TYPE_PRIMARY, NULL },
    { "Secundair", RD_SCHOOL_TYPE_SECONDARY, NULL },
    { "voortgezet onderwijs", RD_SCHOOL_TYPE_SECONDARY, NULL },
    { " VO ", RD_SCHOOL_TYPE_SECONDARY, NULL },
    { "havo/vwo", RD_SCHOOL_TYPE_SECONDARY, NULL },
    { "vmbo", RD_SCHOOL_TYPE_SECONDARY, NULL },
    { "MBO", RD_SCHOOL_TYPE_VOCATIONAL, NULL },
    { "bso", RD_SCHOOL_TYPE_VOCATIONAL, NULL },
    { "TSO", RD_SCHOOL_TYPE_VOCATIONAL, NULL },
    { "beroepssecundair onderwijs", RD_SCHOOL_TYPE_VOCATIONAL, NULL },
    { "Vocational", RD_SCHOOL_TYPE_VOCATIONAL, NULL },
    { "special", RD_SCHOOL_TYPE_SPECIAL, NULL },
    { "Speciaal basisonderwijs", RD_SCHOOL_TYPE_SPECIAL, NULL },
    { "buitengewoon secundair onderwijs", RD_SCHOOL_TYPE_SPECIAL, NULL },
    { "SBO", RD_SCHOOL_TYPE_SPECIAL, NULL },
    { "so", RD_SCHOOL_TYPE_SPECIAL, NULL },
    { "Other", RD_SCHOOL_TYPE_OTHER, NULL },
    { "Montessori", RD_SCHOOL_TYPE_OTHER, "Montessori" },
    { "PO/VO", RD_SCHOOL_TYPE_OTHER, "PO/VO" },
    { "  Brede school ", RD_SCHOOL_TYPE_OTHER, "Brede school" },
    { "", RD_SCHOOL_TYPE_UNSET, NULL },
    { NULL, RD_SCHOOL_TYPE_UNSET, NULL },
  };
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-v5.sql", NULL);
  g_autofree char *dir = g_dir_make_tmp ("readiness-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdSchool) fixture_school = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO school (id, uuid, name, school_type, created) "
                                           "VALUES (?1, ?2, ?3, ?4, 1761955200)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 1; i < G_N_ELEMENTS (schools); i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("School %02u", i);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      if (schools[i].text != NULL)
        sqlite3_bind_text (stmt, 4, schools[i].text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 4);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  /* Scores kept and fresh, as version 5 left them after a comparison. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE assessment SET scores_stale = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      g_autoptr(RdSchool) school = rd_store_get_school (store, i + 1, &error);

      g_assert_no_error (error);
      g_test_message ("%s", schools[i].text ? schools[i].text : "(null)");
      g_assert_cmpint (rd_school_get_school_type (school), ==, schools[i].type);
      g_assert_cmpstr (rd_school_get_type_note (school), ==, schools[i].note);
    }
  /* Version 6 counts an item's answers from its audience only (framework
   * format 2): every kept score is computed again. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assessment WHERE scores_stale = 1"), ==, 1);
  {
    sqlite3 *fresh = NULL;

    g_assert_cmpint (sqlite3_open (path, &fresh), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (fresh, "UPDATE assessment SET scores_stale = 0", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (fresh);
  }

  /* The database refuses anything but an id. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM school WHERE school_type NOT IN "
                                     "('primary', 'secondary', 'vocational', 'special', 'other')"), ==, 0);
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE school SET school_type = 'Basisschool' WHERE id = 2",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (raw);
  }

  /* Saving the school ends the note; a new type makes the kept scores of
   * its assessments stale, so that they are computed again. */
  g_assert_true (rd_store_update_school (store, 24, "School 23", NULL, RD_SCHOOL_TYPE_OTHER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM school WHERE id = 24 AND type_note IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assessment WHERE scores_stale = 1"), ==, 0);
  fixture_school = rd_store_get_school (store, 1, &error);
  g_assert_true (rd_store_update_school (store, 1, rd_school_get_name (fixture_school),
                                         rd_school_get_region (fixture_school), RD_SCHOOL_TYPE_SECONDARY, &error));
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assessment WHERE scores_stale = 1"), ==, 0);
  g_assert_true (rd_store_update_school (store, 1, rd_school_get_name (fixture_school),
                                         rd_school_get_region (fixture_school), RD_SCHOOL_TYPE_PRIMARY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM assessment WHERE scores_stale = 1"), ==, 1);

  g_clear_object (&store);
  rd_test_remove_folder (dir);
}

/* The school's type reaches every score through the answers the store
 * hands out: the Results page's analysis and the kept scores of the
 * comparison alike, and both follow a change of type. */
static void
test_type_ladders (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("phases.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  RdItem *speed = rd_framework_lookup_item (framework, "b-speed");
  /* 250 Mbit/s scores 100 on the primary ladder, 25 on the secondary,
   * 50 on the default; b-speed is the only investment item answered. */
  static const struct {
    RdSchoolType type;
    double score;
  } expected[] = {
    { RD_SCHOOL_TYPE_PRIMARY, 100 },
    { RD_SCHOOL_TYPE_SECONDARY, 25 },
    { RD_SCHOOL_TYPE_SPECIAL, 50 },
    { RD_SCHOOL_TYPE_UNSET, 50 },
  };
  gint64 school_id, assessment_id, respondent;

  g_assert_no_error (error);
  school_id = rd_store_add_school (store, "De Linde", "Noord", RD_SCHOOL_TYPE_PRIMARY, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  respondent = rd_store_ensure_respondent (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_set_answer_value (store, respondent, speed, 250, &error));
  g_assert_true (rd_store_set_answer_value (store, respondent, rd_framework_lookup_item (framework, "b-share"), 50,
                                            &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RdResults) results = NULL;
      g_autoptr(GPtrArray) compared = NULL;
      g_autoptr(GPtrArray) answers = NULL;
      RdSchoolScores *school;
      guint n;

      g_test_message ("type %s", rd_school_type_get_title (expected[i].type));
      g_assert_true (rd_store_update_school (store, school_id, "De Linde", "Noord", expected[i].type, &error));
      g_assert_no_error (error);

      answers = rd_store_list_answers (store, assessment_id, &error);
      g_assert_no_error (error);
      for (guint a = 0; a < answers->len; a++)
        g_assert_cmpint (((RdAnswer *) g_ptr_array_index (answers, a))->school_type, ==, expected[i].type);

      results = rd_results_load (store, framework, assessment_id, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (rd_analysis_get_item_score (rd_results_get_analysis (results), "b-speed", &n), ==,
                         expected[i].score);

      /* The comparison's kept scores: beta is b-speed (investment 1,
       * strategy 1) and b-share (50) by the area's plain mean. */
      compared = rd_store_list_school_scores (store, framework, "2026-2027", &error);
      g_assert_no_error (error);
      school = g_ptr_array_index (compared, 0);
      g_assert_cmpint (school->school_type, ==, expected[i].type);
      g_assert_cmpfloat (school->area[1], ==, (expected[i].score + 50) / 2);
    }
}

/* What the command line and a person may call a type. */
static void
test_school_type_parse (void)
{
  RdSchoolType type = RD_SCHOOL_TYPE_UNSET;

  g_assert_true (rd_school_type_parse ("secondary", &type));
  g_assert_cmpint (type, ==, RD_SCHOOL_TYPE_SECONDARY);
  g_assert_true (rd_school_type_parse (" special EDUCATION ", &type));
  g_assert_cmpint (type, ==, RD_SCHOOL_TYPE_SPECIAL);
  g_assert_true (rd_school_type_parse ("Other", &type));
  g_assert_cmpint (type, ==, RD_SCHOOL_TYPE_OTHER);
  /* A guess belongs to old free text, not to what someone types now. */
  g_assert_false (rd_school_type_parse ("basisschool", &type));
  g_assert_false (rd_school_type_parse ("Not set", &type));
  g_assert_false (rd_school_type_parse (NULL, &type));
  g_assert_false (rd_school_type_from_id ("Primary", &type));
  g_assert_null (rd_school_type_to_id (RD_SCHOOL_TYPE_UNSET));
  for (RdSchoolType t = RD_SCHOOL_TYPE_PRIMARY; t < RD_N_SCHOOL_TYPES; t++)
    {
      g_assert_true (rd_school_type_from_id (rd_school_type_to_id (t), &type));
      g_assert_cmpint (type, ==, t);
      g_assert_cmpint (rd_school_type_from_text (rd_school_type_get_title (t)), ==, t);
    }
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* The one rule for stored text, on its own. */
static void
test_text_clean (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    const char *in;
    gboolean multi_line;
    const char *out;
  } cases[] = {
    { "  Sint-Jozef  ", FALSE, "Sint-Jozef" },
    { "Sint-\033[31mJozef\033[0m", FALSE, "Sint-[31mJozef[0m" },
    { "a\x7f" "b\xc2\x9b" "2Jc\xc2\x85", FALSE, "ab2Jc" },
    { "one\ntwo\tthree\r\nfour", FALSE, "one two three four" },
    { "one\ntwo\tthree\r\nfour\rfive\x0b", TRUE, "one\ntwo\tthree\nfour\nfive" },
    { "\xe2\x80\xae" "fdp.evil.exe", FALSE, "fdp.evil.exe" },
    { "a\xe2\x80\xaa" "b\xe2\x80\xab" "c\xe2\x80\xac" "d\xe2\x80\xad" "e", FALSE, "abcde" },
    /* Isolates only in pairs; one without its pair goes. */
    { "\xe2\x81\xa7" "abc\xe2\x81\xa9" " d", FALSE, "\xe2\x81\xa7" "abc\xe2\x81\xa9" " d" },
    { "\xe2\x81\xa8" "abc", FALSE, "abc" },
    { "abc\xe2\x81\xa9" "d\xe2\x81\xa6", FALSE, "abcd" },
    { "line\xe2\x80\xa8" "break", FALSE, "line break" },
    { "\033\007\n ", FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (rd_text_clean (cases[i].in, 100, cases[i].multi_line, &out), ==, RD_TEXT_CLEAN_OK);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* Characters, not bytes; white space past the limit is trimmed, not counted. */
  {
    g_autofree char *at_limit = repeat ("€", 10);
    g_autofree char *over = repeat ("€", 11);
    g_autofree char *spaced = g_strconcat ("   ", at_limit, "                    ", NULL);
    g_autofree char *gap = g_strconcat (at_limit, "      x", NULL);
    g_autofree char *out = NULL;

    g_assert_cmpint (rd_text_clean (at_limit, 10, FALSE, &out), ==, RD_TEXT_CLEAN_OK);
    g_assert_cmpstr (out, ==, at_limit);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (rd_text_clean (spaced, 10, FALSE, &out), ==, RD_TEXT_CLEAN_OK);
    g_assert_cmpstr (out, ==, at_limit);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (rd_text_clean (over, 10, FALSE, &out), ==, RD_TEXT_CLEAN_TOO_LONG);
    g_assert_null (out);
    g_assert_cmpint (rd_text_clean (gap, 10, FALSE, &out), ==, RD_TEXT_CLEAN_TOO_LONG);
    g_assert_cmpint (rd_text_clean ("ab\xff", 10, FALSE, &out), ==, RD_TEXT_CLEAN_NOT_UTF8);
    g_assert_cmpint (rd_text_clean (NULL, 10, FALSE, &out), ==, RD_TEXT_CLEAN_OK);
    g_assert_null (out);
  }
}

/* Every write of the store refuses text over its limit, names the field
 * and the limit, and changes nothing; what it keeps is cleaned. */
static void
test_text_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autofree char *name_max = repeat ("é", RD_MAX_SCHOOL_NAME);
  g_autofree char *name_over = repeat ("é", RD_MAX_SCHOOL_NAME + 1);
  g_autofree char *huge = repeat ("x", 20 * 1024 * 1024);
  g_autofree char *region_over = repeat ("r", RD_MAX_REGION + 1);
  g_autofree char *title_over = repeat ("t", RD_MAX_ACTION_TITLE + 1);
  g_autofree char *owner_over = repeat ("o", RD_MAX_ACTION_OWNER + 1);
  g_autofree char *criterion_over = repeat ("c", RD_MAX_ACTION_CRITERION + 1);
  g_autofree char *notes_max = repeat ("n\n", RD_MAX_ACTION_NOTES / 2);
  g_autofree char *notes_over = repeat ("n", RD_MAX_ACTION_NOTES + 1);
  g_autofree char *pseudonym_over = repeat ("p", RD_MAX_PSEUDONYM + 1);
  g_autoptr(RdSchool) school = NULL;
  g_autoptr(RdAction) action = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  gint64 school_id, assessment_id, action_id;
  RdActionInfo info = { .title = "Plan", .factor = RD_FACTOR_STRATEGY, .status = RD_ACTION_STATUS_PLANNED };
  struct {
    const char *name, *region;
    const char *message;
  } schools[] = {
    { name_over, NULL, "A school’s name can have at most 200 characters" },
    { huge, NULL, "A school’s name can have at most 200 characters" },
    { "School", region_over, "A region can have at most 100 characters" },
    { "\033\t", NULL, "A school needs a name" },
    { "Sch\xffool", NULL, "The text is not valid UTF-8" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      g_assert_cmpint (rd_store_add_school (store, schools[i].name, schools[i].region, RD_SCHOOL_TYPE_OTHER, &error), ==, 0);
      g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, schools[i].message);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM school"), ==, 0);

  school_id = rd_store_add_school (store, name_max, "\033]0;Gent\007", RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  g_assert_false (rd_store_update_school (store, school_id, name_over, NULL, RD_SCHOOL_TYPE_UNSET, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  school = rd_store_get_school (store, school_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_school_get_name (school), ==, name_max);
  g_assert_cmpstr (rd_school_get_region (school), ==, "]0;Gent");
  g_assert_cmpint (rd_school_get_school_type (school), ==, RD_SCHOOL_TYPE_PRIMARY);

  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rd_store_add_respondent (store, assessment_id, RD_GROUP_TEACHER, pseudonym_over, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100 characters"));
  g_clear_error (&error);
  rd_store_add_respondent (store, assessment_id, RD_GROUP_TEACHER, "\033[2JJan", &error);
  g_assert_no_error (error);
  respondents = rd_store_list_respondents (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (respondents->len, ==, 1);
  g_assert_cmpstr (((RdRespondent *) g_ptr_array_index (respondents, 0))->pseudonym, ==, "[2JJan");

  {
    struct {
      const char **field;
      const char *text;
      const char *message;
    } actions[] = {
      { &info.title, title_over, "An action’s title can have at most 200 characters" },
      { &info.owner, owner_over, "An action’s owner can have at most 200 characters" },
      { &info.criterion, criterion_over, "A success criterion can have at most 500 characters" },
      { &info.notes, notes_over, "An action’s notes can have at most 10000 characters" },
      { &info.title, "\033 \r\n", "An action needs a title" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        const char *saved = *actions[i].field;
        RdActionInfo each;

        /* The fields of info, one at a time too long. */
        *actions[i].field = actions[i].text;
        each = info;
        *actions[i].field = saved;
        g_assert_cmpint (rd_store_add_action (store, assessment_id, &each, &error), ==, 0);
        g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, actions[i].message);
        g_clear_error (&error);
      }
  }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM action"), ==, 0);

  info.title = "Faster\ninternet\033[5m";
  info.owner = "\xe2\x80\xae" "An";
  info.criterion = "100 Mbit/s\t";
  info.notes = notes_max;
  action_id = rd_store_add_action (store, assessment_id, &info, &error);
  g_assert_no_error (error);
  action = rd_store_get_action (store, action_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_action_get_title (action), ==, "Faster internet[5m");
  g_assert_cmpstr (rd_action_get_owner (action), ==, "An");
  g_assert_cmpstr (rd_action_get_criterion (action), ==, "100 Mbit/s");
  /* The last line break is trimmed. */
  g_assert_cmpuint (strlen (rd_action_get_notes (action)), ==, RD_MAX_ACTION_NOTES - 1);

  info.notes = notes_over;
  g_assert_false (rd_store_update_action (store, action_id, &info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&action);
  action = rd_store_get_action (store, action_id, &error);
  g_assert_cmpuint (strlen (rd_action_get_notes (action)), ==, RD_MAX_ACTION_NOTES - 1);
}


int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, rd_test_store_tear_down)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/assessment-and-targets", test_assessment_and_targets);
  ADD ("/store/answers-survive-reopen", test_answers_survive_reopen);
  ADD ("/store/listed-answer-counts", test_listed_answer_counts);
  ADD ("/store/delete/school-removes-rows", test_delete_school_removes_rows);
  ADD ("/store/delete/assessment-undo", test_delete_assessment_with_undo);
  ADD ("/store/concurrency/reader-during-write", test_reader_during_write);
  ADD ("/store/damaged/random-bytes", test_random_bytes);
  ADD ("/store/damaged/text-file", test_text_file);
  ADD ("/store/damaged/truncated", test_truncated);
  ADD ("/store/damaged/damaged-page", test_damaged_page);
  ADD ("/store/damaged/foreign-database", test_foreign_database);
  ADD ("/store/damaged/newer-schema", test_newer_schema);
  ADD ("/store/damaged/directory", test_directory);
  ADD ("/store/locked", test_locked);
  ADD ("/store/text/clean", test_text_clean);
  ADD ("/store/text/limits", test_text_limits);
  ADD ("/store/type-ladders", test_type_ladders);
#undef ADD

  g_test_add_func ("/store/migrate/v5-school-types", test_migrate_school_types);
  g_test_add_func ("/store/school-type/parse", test_school_type_parse);
  for (guint v = 1; v <= RD_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/store/migrate/v%u-to-v%d", v, RD_STORE_SCHEMA_VERSION);
      g_test_add_data_func (path, GUINT_TO_POINTER (v), test_migrate);
    }

  return g_test_run ();
}
