#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "rd-analysis.h"
#include "rd-errors.h"
#include "rd-exchange-import.h"
#include "rd-json-check.h"
#include "rd-store.h"
#include "rd-test-files.h"
#include "rd-test-fixtures.h"

typedef struct
{
  char *dir;
  RdFramework *framework;
  RdStore *school_side;     /* the school's own database */
  RdStore *advisor_side;    /* the regional advisor's */
  gint64 school_id;
  gint64 this_year;
} Fixture;

static RdStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
answer (Fixture    *fixture,
        gint64      respondent,
        const char *item_id,
        double      value)
{
  g_autoptr(GError) error = NULL;
  RdItem *item = rd_framework_lookup_item (fixture->framework, item_id);

  if (isnan (value))
    rd_store_set_answer_not_applicable (fixture->school_side, respondent, item, &error);
  else
    rd_store_set_answer_value (fixture->school_side, respondent, item, value, &error);
  g_assert_no_error (error);
}

/* A school with last year's complete assessment and this year's draft,
 * answered by a leader and two teachers, with an action plan. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *items[] = { "b-speed", "b-share", NULL };
  gint64 last_year, leader, teacher, other_teacher;
  GDate review;

  fixture->dir = rd_test_make_folder ("readiness-exchange-XXXXXX");
  fixture->framework = rd_test_load_framework ("small.json");
  fixture->school_side = open_store (fixture, "school.db");
  fixture->advisor_side = open_store (fixture, "advisor.db");

  fixture->school_id = rd_store_add_school (fixture->school_side, "Sint-Jozef", "Gent", RD_SCHOOL_TYPE_PRIMARY, &error);
  last_year = rd_store_add_assessment (fixture->school_side, fixture->school_id, "2025-2026", fixture->framework,
                                       RD_ASSESSMENT_MODE_FULL, &error);
  leader = rd_store_ensure_respondent (fixture->school_side, last_year, &error);
  g_assert_no_error (error);
  answer (fixture, leader, "a-plan", 2);
  answer (fixture, leader, "b-speed", 50);
  rd_store_add_action (fixture->school_side, last_year, &(RdActionInfo) {
                         .title = "Faster internet", .factor = RD_FACTOR_INVESTMENT, .item_ids = items,
                         .status = RD_ACTION_STATUS_IN_PROGRESS, .owner = "An", .due = "2026-06-30" }, &error);
  g_assert_no_error (error);
  rd_store_set_assessment_status (fixture->school_side, last_year, RD_ASSESSMENT_STATUS_COMPLETE, &error);

  fixture->this_year = rd_store_add_assessment (fixture->school_side, fixture->school_id, "2026-2027",
                                                fixture->framework, RD_ASSESSMENT_MODE_FULL, &error);
  rd_store_set_target (fixture->school_side, fixture->this_year, RD_FACTOR_CAPACITY, 80, &error);
  leader = rd_store_ensure_respondent (fixture->school_side, fixture->this_year, &error);
  teacher = rd_store_add_respondent (fixture->school_side, fixture->this_year, RD_GROUP_TEACHER, NULL, &error);
  other_teacher = rd_store_add_respondent (fixture->school_side, fixture->this_year, RD_GROUP_TEACHER, "Jan", &error);
  g_assert_no_error (error);
  answer (fixture, leader, "a-plan", 4);
  answer (fixture, leader, "a-team", 5);
  answer (fixture, leader, "b-speed", 250.5);
  answer (fixture, leader, "b-share", 95);
  answer (fixture, leader, "b-mfa", NAN);
  answer (fixture, teacher, "a-plan", 2);
  answer (fixture, teacher, "a-team", 3);
  answer (fixture, teacher, "b-share", 40);
  answer (fixture, teacher, "b-mfa", 1);
  answer (fixture, other_teacher, "a-plan", 3);
  g_date_clear (&review, 1);
  g_date_set_dmy (&review, 15, G_DATE_MARCH, 2025);
  rd_store_set_answer_date (fixture->school_side, leader, rd_framework_lookup_item (fixture->framework, "a-review"),
                            &review, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->school_side);
  g_clear_object (&fixture->advisor_side);
  g_clear_object (&fixture->framework);
  rd_test_remove_folder (fixture->dir);
  g_free (fixture->dir);
}

static GBytes *
export_school (Fixture           *fixture,
               RdStore           *store,
               gint64             school_id,
               RdExchangeContent  content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = rd_store_export_school (store, fixture->framework, school_id, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = rd_exchange_write (school, fixture->framework, content, &error);
  g_assert_no_error (error);
  return bytes;
}

static RdExchangeSchool *
parse (Fixture *fixture,
       GBytes  *bytes,
       GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return rd_exchange_parse (data, length, "sint-jozef.readiness", fixture->framework, error);
}

static void
import (Fixture *fixture,
        GBytes  *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);

  g_ptr_array_add (schools, parse (fixture, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
  g_assert_no_error (error);
}

/* The file without its moment of writing, which differs every time. */
static char *
without_created (GBytes *bytes)
{
  g_autoptr(GRegex) created = g_regex_new ("\\n \"created\" : \"[^\"]*\",", 0, 0, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_regex_replace_literal (created, data, (gssize) length, 0, "", 0, NULL);
}

static gint64
count (RdStore    *store,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (rd_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
advisor_school_id (Fixture *fixture)
{
  g_autoptr(GPtrArray) schools = rd_store_list_schools (fixture->advisor_side, NULL);

  g_assert_cmpuint (schools->len, ==, 1);
  return rd_school_get_id (g_ptr_array_index (schools, 0));
}

/* Export, import elsewhere, export again: the same file. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) first = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GBytes) second = NULL;
  g_autofree char *first_text = without_created (first);
  g_autofree char *second_text = NULL;
  g_autoptr(GPtrArray) assessments = NULL;

  /* No name of anyone: the pseudonym "Jan" stays at school. */
  g_assert_null (strstr (first_text, "Jan"));
  g_assert_nonnull (strstr (first_text, "\"a-review\" : \"2025-03-15\""));
  g_assert_nonnull (strstr (first_text, "\"b-mfa\" : null"));

  import (fixture, first);
  second = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture), RD_EXCHANGE_ANSWERS);
  second_text = without_created (second);
  g_assert_cmpstr (second_text, ==, first_text);

  assessments = rd_store_list_assessments (fixture->advisor_side, advisor_school_id (fixture), NULL);
  g_assert_cmpuint (assessments->len, ==, 2);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer"), ==,
                   count (fixture->school_side, "SELECT count(*) FROM answer"));
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM respondent WHERE pseudonym IS NOT NULL"), ==, 0);
}

static const char *tables[] = {
  "school", "assessment", "respondent", "answer", "target", "action", "action_item", "assessment_score"
};

static char *
table_counts (RdStore *store)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_string_append_printf (text, "%s=%" G_GINT64_FORMAT " ", tables[i], count (store, sql));
    }
  return g_string_free (text, FALSE);
}

/* The same file twice: the second import changes nothing. */
static void
test_reimport_is_idempotent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) file = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autofree char *counts_once = NULL;
  g_autofree char *counts_twice = NULL;
  g_autofree char *once_text = NULL;
  g_autofree char *twice_text = NULL;

  import (fixture, file);
  counts_once = table_counts (fixture->advisor_side);
  once = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture), RD_EXCHANGE_ANSWERS);

  import (fixture, file);
  counts_twice = table_counts (fixture->advisor_side);
  twice = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture), RD_EXCHANGE_ANSWERS);

  g_assert_cmpstr (counts_twice, ==, counts_once);
  once_text = without_created (once);
  twice_text = without_created (twice);
  g_assert_cmpstr (twice_text, ==, once_text);
}

/* A newer file of the same school updates what the first one brought. */
static void
test_reimport_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) before = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAssessmentScores) scores = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  gint64 advisor_this_year = 0;

  import (fixture, before);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM respondent"), ==, 4);

  /* At school: a new answer, a renamed school, one action fewer. */
  respondents = rd_store_list_respondents (fixture->school_side, fixture->this_year, &error);
  answer (fixture, ((RdRespondent *) g_ptr_array_index (respondents, 1))->id, "b-speed", 400);
  rd_store_update_school (fixture->school_side, fixture->school_id, "Sint-Jozefschool", "Gent", RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  after = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  import (fixture, after);

  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM school"), ==, 1);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM school WHERE name = 'Sint-Jozefschool'"), ==, 1);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer WHERE item_id = 'b-speed' AND value = 400"),
                   ==, 1);

  /* The kept scores follow: they equal an analysis of the new answers. */
  assessments = rd_store_list_assessments (fixture->advisor_side, advisor_school_id (fixture), NULL);
  for (guint i = 0; i < assessments->len; i++)
    if (g_str_equal (rd_assessment_get_school_year (g_ptr_array_index (assessments, i)), "2026-2027"))
      advisor_this_year = rd_assessment_get_id (g_ptr_array_index (assessments, i));
  scores = rd_store_get_scores (fixture->advisor_side, fixture->framework, advisor_this_year, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) answers = rd_store_list_answers (fixture->school_side, fixture->this_year, NULL);
    double targets[RD_N_FACTORS] = { 0 };
    g_autoptr(RdAnalysis) analysis = rd_analysis_new (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, targets);

    for (guint f = 0; f < RD_N_FACTORS; f++)
      {
        RdFactorResult result;

        rd_analysis_get_factor (analysis, f, &result);
        if (result.trusted)
          g_assert_cmpfloat_with_epsilon (scores->factor[f], result.readiness, 1e-9);
        else
          g_assert_true (isnan (scores->factor[f]));
      }
    g_assert_cmpfloat_with_epsilon (scores->area[0], rd_analysis_get_area_score (analysis, scores->area_ids[0], NULL),
                                    1e-9);
    g_assert_cmpuint (scores->n_respondents, ==, 3);
  }
}

typedef struct
{
  const char *find;
  const char *replace;
  const char *message;   /* part of the error it must give */
} Breakage;

/* Each broken file is refused whole, naming the file and the place, and
 * the advisor's database is left exactly as it was. */
/* The file with every reference date set to 1 December 2025, a day
 * known to the breakages below whatever day the test runs. */
static char *
fixed_reference_dates (GBytes *bytes)
{
  g_autoptr(GRegex) reference = g_regex_new ("\"reference_date\" : \"[0-9-]*\"", 0, 0, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_regex_replace_literal (reference, data, (gssize) length, 0, "\"reference_date\" : \"2025-12-01\"", 0,
                                  NULL);
}

static void
test_broken_files_rejected (Fixture       *fixture,
                            gconstpointer  data)
{
  static const Breakage breakages[] = {
    { "\"format\" : \"readiness-exchange\"", "\"format\" : \"readiness-response\"", "is not a Readiness exchange file" },
    { "\"format_version\" : 2", "\"format_version\" : 5", "version 5 is not supported" },
    { "\"format_version\" : 2", "\"format_version\" : 0", "format_version: “format_version” must be 1 or more" },
    /* Format 2 carries the day date answers are scored against. */
    { "\"reference_date\" : \"2025-12-01\"", "\"reference_date\" : \"2026-02-30\"",
      "assessments[0].reference_date: “2026-02-30” is not a day" },
    { "\"reference_date\" : \"2025-12-01\"", "\"reference_date\" : \"2999-01-01\"",
      "assessments[0].reference_date: “2999-01-01” lies in the future" },
    { "\"reference_date\" : \"2025-12-01\",", "", "assessments[0]: “reference_date” is missing" },
    { "\"a-review\" : \"2025-03-15\"", "\"a-review\" : \"2025-12-02\"",
      "assessments[1].respondents[0].answers “a-review”: “2025-12-02” lies after the assessment’s reference date" },
    { "\"reference_date\" : \"2025-12-01\"", "\"reference_day\" : \"2025-12-01\"", "unknown key “reference_day”" },
    { "\"id\" : \"small-fixture\"", "\"id\" : \"other-framework\"", "not “small-fixture”" },
    { "\"school_year\" : \"2026-2027\"", "\"school_year\" : \"2026/27\"", "assessments[1]: “2026/27” is not a school year" },
    { "\"a-plan\" : 4", "\"a-plan\" : 9", "assessments[1].respondents[0].answers “a-plan”" },
    { "\"a-plan\" : 4", "\"a-pln\" : 4", "the framework has no such item" },
    { "\"group\" : \"teacher\"", "\"group\" : \"janitor\"", "unknown group “janitor”" },
    { "\"content\" : \"answers\"", "\"content\" : \"everything\"", "neither “answers” nor “summary”" },
    { "\"name\" : \"Sint-Jozef\"", "\"name\" : \"Sint-Jozef\", \"principal\" : \"X\"", "unknown key “principal”" },
    { "\"strategy\" : 70", "\"strategy\" : 170", "170 is not a score from 0 to 100" },
    { "\"status\" : \"in-progress\"", "\"status\" : \"stalled\"", "unknown action status “stalled”" },
    { "\"due\" : \"2026-06-30\"", "\"due\" : \"2026-06-31\"", "is not a due date" },
    { "\"b-mfa\" : null", "\"b-mfa\" : true", "an answer is a number, a date or null" },
    /* Escapes that json-glib turns into bytes that are not UTF-8 (found by fuzzing). */
    { "\"name\" : \"Sint-Jozef\"", "\"name\" : \"Sint-Jozef \\333\"", "school.name: not valid UTF-8 text" },
    { "\"name\" : \"Sint-Jozef\"", "\"name\" : \"Sint-\\ud800Jozef\"", "school.name: not valid UTF-8 text" },
    /* A repeated key: json-glib kept the last one without a word. */
    { "\"a-plan\" : 4", "\"a-plan\" : 4, \"a-plan\" : 5",
      "sint-jozef.readiness: assessments[1].respondents[0].answers: item “a-plan” appears twice" },
    { "\"capacity\" : 80", "\"capacity\" : 80, \"capacity\" : 10", "assessments[1].targets: key “capacity” appears twice" },
    { "\"name\" : \"Sint-Jozef\"", "\"name\" : \"Sint-Jozef\", \"name\" : \"X\"", "school: key “name” appears twice" },
    /* Respondents and actions are read one at a time: what is wrong in one
     * is told as for the whole file. */
    { "\"a-plan\" : 4", "\"a-plan\" : 4 4", "sint-jozef.readiness: line 77, column 20: a comma is missing between two values" },
    { "\"a-plan\" : 4", "\"a-plan\" : four",
      "sint-jozef.readiness: line 77, column 18: “four” is not a JSON value: text goes in double quotes" },
    { "\"title\" : \"Faster internet\"", "\"title\" : \"Faster \\ud800internet\"",
      "sint-jozef.readiness: assessments[0].actions[0].title: not valid UTF-8 text" },
    { "\"title\" : \"Faster internet\"", "\"title\" : \"Faster internet\", \"title\" : \"Slower\"",
      "sint-jozef.readiness: assessments[0].actions[0]: key “title” appears twice" },
    { NULL, "[ ]", "must hold a JSON object" },
    { "}", "", "it may have been cut off" },
  };
  g_autoptr(GBytes) good = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autofree char *good_text = fixed_reference_dates (good);
  g_autofree char *counts_before = NULL;
  g_autoptr(GBytes) state_before = NULL;
  g_autofree char *state_before_text = NULL;

  import (fixture, good);
  counts_before = table_counts (fixture->advisor_side);
  state_before = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture), RD_EXCHANGE_ANSWERS);
  state_before_text = without_created (state_before);

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) broken = g_string_new (good_text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RdExchangeSchool) school = NULL;
      g_autofree char *counts_after = NULL;

      /* The last occurrence for "}", so that the file is cut short. */
      if (breakages[i].find == NULL)
        g_string_assign (broken, breakages[i].replace);
      else if (g_str_equal (breakages[i].find, "}"))
        g_string_truncate (broken, strrchr (broken->str, '}') - broken->str);
      else
        g_assert_cmpuint (g_string_replace (broken, breakages[i].find, breakages[i].replace, 1), ==, 1);
      bytes = g_bytes_new (broken->str, broken->len);

      school = parse (fixture, bytes, &error);
      g_assert_null (school);
      g_assert_nonnull (error);
      if (strstr (error->message, breakages[i].message) == NULL || !g_str_has_prefix (error->message, "sint-jozef.readiness: "))
        g_error ("breakage %u: “%s” does not say “%s”", i, error->message, breakages[i].message);

      counts_after = table_counts (fixture->advisor_side);
      g_assert_cmpstr (counts_after, ==, counts_before);
    }

  /* Not even a byte of the good import changed. */
  {
    g_autoptr(GBytes) state_after = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture),
                                                   RD_EXCHANGE_ANSWERS);
    g_autofree char *state_after_text = without_created (state_after);

    g_assert_cmpstr (state_after_text, ==, state_before_text);
  }
}

static char *
write_temp (Fixture    *fixture,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  rd_test_write_file (path, text);
  return path;
}

static void
assert_load_fails (Fixture    *fixture,
                   const char *path,
                   int         code,
                   const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = rd_exchange_load (file, fixture->framework, &error);

  g_assert_null (school);
  g_assert_error (error, RD_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* JSON nested 80,000 deep (160 KB) overflowed the stack inside json-glib:
 * it is refused before json-glib sees it, wherever the nesting is. */
static void
test_hostile_deep (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) good = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autofree char *deep = rd_test_deep_json (80000);
  g_autofree char *path = write_temp (fixture, "deep.readiness", deep);
  g_autoptr(GString) inside = g_string_new_len (g_bytes_get_data (good, NULL), (gssize) g_bytes_get_size (good));
  g_autofree char *allowed = NULL;
  g_autofree char *inside_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = NULL;

  assert_load_fails (fixture, path, RD_IMPORT_ERROR_SYNTAX, "deep.readiness: line 1, column 65: nested deeper than 64");

  /* As the app imports what it is given (Import School Files…, a file
   * opened from the file manager): set aside. */
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
    RdExchangeImportResult result = { 0 };

    g_ptr_array_add (files, g_file_new_for_path (path));
    g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                             &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_imported, ==, 0);
    g_assert_cmpuint (result.rejected->len, ==, 1);
    g_assert_cmpstr (((GError *) g_ptr_array_index (result.rejected, 0))->message, ==,
                     "deep.readiness: line 1, column 65: nested deeper than 64");
    rd_exchange_import_result_clear (&result);
  }

  /* In an answer of a real file, on its own line. */
  g_string_replace (inside, "\"a-plan\" : 4", "\"a-plan\" :\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ 4", 1);
  inside_path = write_temp (fixture, "inside.readiness", inside->str);
  file = g_file_new_for_path (inside_path);
  school = rd_exchange_load (file, fixture->framework, &error);
  g_assert_null (school);
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "inside.readiness: line "));
  g_assert_true (g_str_has_suffix (error->message, ", column 59: nested deeper than 64"));
  g_clear_error (&error);

  /* 64 levels are allowed: the file then fails for what it says. */
  allowed = rd_test_deep_json (63);
  {
    g_autofree char *text = g_strdup_printf ("{\"format\": %s}", allowed);
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

    g_assert_null (parse (fixture, bytes, &error));
    g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "sint-jozef.readiness: format: “format” must be a string");
  }
}

/* Bytes that are not UTF-8 are named by line and column (in characters),
 * as the CSV reader does. */
static void
test_hostile_not_utf8 (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char text[] = "{\n  \"format\" : \"readiness-exchange\",\n  \"school\" : \"\xc3\xa9\xff\"\n}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;

  g_assert_null (parse (fixture, bytes, &error));
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "sint-jozef.readiness: line 3, column 16: not valid UTF-8 text");
}

/* A file larger than an exchange file may be is refused by its size before
 * it is read: these are holes, which would read as 300 MB of zero bytes. */
static void
test_hostile_too_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.readiness", NULL);
  g_autofree char *over = g_build_filename (fixture->dir, "over.readiness", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "good.readiness", NULL);
  g_autoptr(GBytes) file = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RdExchangeImportResult result = { 0 };

  rd_test_write_hole (huge, 300 * 1024 * 1024);
  rd_test_write_hole (over, RD_EXCHANGE_MAX_BYTES + 1);
  g_assert_cmpint (RD_EXCHANGE_MAX_BYTES, ==, 16 * 1024 * 1024);
  assert_load_fails (fixture, huge, RD_IMPORT_ERROR_TOO_LARGE,
                     "huge.readiness: the file is 300 MB, more than the 16 MB an exchange file may have");
  assert_load_fails (fixture, over, RD_IMPORT_ERROR_TOO_LARGE,
                     "over.readiness: the file is 16.1 MB, more than the 16 MB an exchange file may have");

  /* As the app imports: set aside, the good file beside it goes in. */
  g_assert_true (g_file_set_contents (good, g_bytes_get_data (file, NULL), (gssize) g_bytes_get_size (file), NULL));
  g_ptr_array_add (files, g_file_new_for_path (good));
  g_ptr_array_add (files, g_file_new_for_path (huge));
  g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 1);
  g_assert_cmpuint (result.rejected->len, ==, 1);
  g_assert_true (g_error_matches (g_ptr_array_index (result.rejected, 0), RD_IMPORT_ERROR, RD_IMPORT_ERROR_TOO_LARGE));
  rd_exchange_import_result_clear (&result);
}

/* Respondent and action ids of another school: such a file is set aside,
 * as one with another school's assessment id is, and the good files given
 * with it are imported. (It aborted the whole import with "UNIQUE
 * constraint failed: respondent.uuid".) */
static void
test_hostile_ids_of_another_school (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) jozef_file = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(RdExchangeSchool) jozef = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *expected = NULL;
  RdExchangeImportResult result = { 0 };
  const char *kinds[] = { "respondent", "action" };
  RdExchangeAssessment *last_year;
  gint64 atheneum, assessment, respondent;
  const char *items[] = { "b-speed", NULL };

  import (fixture, jozef_file);
  jozef = parse (fixture, jozef_file, &error);
  g_assert_no_error (error);
  last_year = g_ptr_array_index (jozef->assessments, 0);

  /* Another school, exported twice: once with a respondent's id of
   * Sint-Jozef's, once with its action's. */
  atheneum = rd_store_add_school (fixture->school_side, "Atheneum", "Brugge", RD_SCHOOL_TYPE_SECONDARY, &error);
  assessment = rd_store_add_assessment (fixture->school_side, atheneum, "2026-2027", fixture->framework,
                                        RD_ASSESSMENT_MODE_FULL, &error);
  respondent = rd_store_ensure_respondent (fixture->school_side, assessment, &error);
  rd_store_add_action (fixture->school_side, assessment, &(RdActionInfo) {
                         .title = "Training", .factor = RD_FACTOR_CAPACITY, .item_ids = items,
                         .status = RD_ACTION_STATUS_PLANNED }, &error);
  g_assert_no_error (error);
  answer (fixture, respondent, "a-plan", 3);
  {
    g_autoptr(GBytes) bytes = export_school (fixture, fixture->school_side, atheneum, RD_EXCHANGE_ANSWERS);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(RdExchangeSchool) school = parse (fixture, bytes, &error);
    RdExchangeAssessment *own = g_ptr_array_index (school->assessments, 0);
    const char *own_ids[] = { ((RdExchangeRespondent *) g_ptr_array_index (own->respondents, 0))->uuid,
                              ((RdExchangeAction *) g_ptr_array_index (own->actions, 0))->uuid };
    const char *stolen_ids[] = { ((RdExchangeRespondent *) g_ptr_array_index (last_year->respondents, 0))->uuid,
                                 ((RdExchangeAction *) g_ptr_array_index (last_year->actions, 0))->uuid };
    g_autofree char *good = g_build_filename (fixture->dir, "c-atheneum.readiness", NULL);

    g_assert_no_error (error);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *name = g_strdup_printf ("a-stolen-%s.readiness", kinds[k]);
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
        g_autoptr(GString) stolen = g_string_new (text);

        /* An action's origin is its own id: both go. */
        g_assert_cmpuint (g_string_replace (stolen, own_ids[k], stolen_ids[k], 0), >=, 1);
        rd_test_write_file (path, stolen->str);
        g_ptr_array_add (files, g_file_new_for_path (path));
      }
    rd_test_write_file (good, text);
    g_ptr_array_add (files, g_file_new_for_path (good));

    /* One batch of three: the good file goes in after the others failed. */
    g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                             &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_imported, ==, 1);
    g_assert_cmpuint (result.n_schools_new, ==, 1);
    g_assert_cmpuint (result.rejected->len, ==, 2);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        const GError *rejected = g_ptr_array_index (result.rejected, k);

        g_assert_true (g_error_matches (rejected, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT));
        g_free (expected);
        expected = g_strdup_printf ("a-stolen-%s.readiness: Atheneum: The %s %s belongs to another school in this database",
                                    kinds[k], kinds[k], stolen_ids[k]);
        g_assert_cmpstr (rejected->message, ==, expected);
      }
    rd_exchange_import_result_clear (&result);
  }

  /* Sint-Jozef's rows are where they were; Atheneum's are its own. */
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM school"), ==, 2);
  g_assert_cmpint (count (fixture->advisor_side,
                          "SELECT count(*) FROM respondent r JOIN assessment a ON a.id = r.assessment_id "
                          "JOIN school s ON s.id = a.school_id WHERE s.name = 'Sint-Jozef'"), ==, 4);
  g_assert_cmpint (count (fixture->advisor_side,
                          "SELECT count(*) FROM action x JOIN assessment a ON a.id = x.assessment_id "
                          "JOIN school s ON s.id = a.school_id WHERE s.name = 'Sint-Jozef'"), ==, 2);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM respondent"), ==, 5);

  /* Straight to the store, too: the conflict, not an SQLite error. */
  {
    g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
    g_autofree char *path = g_build_filename (fixture->dir, "a-stolen-respondent.readiness", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *counts_between = table_counts (fixture->advisor_side);

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    bytes = g_bytes_new (text, strlen (text));
    g_ptr_array_add (schools, parse (fixture, bytes, &error));
    g_assert_no_error (error);
    g_assert_false (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
    g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT);
    counts_after = table_counts (fixture->advisor_side);
    g_assert_cmpstr (counts_after, ==, counts_between);
  }
}

/* A format 1 file (Readiness 1.0) has no reference date: it imports, the
 * day the assessment was completed stands in, and a notice says so. */
static void
test_format_1 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) good = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autoptr(GRegex) reference = g_regex_new ("\n *\"reference_date\" : \"[0-9-]*\",", 0, 0, NULL);
  g_autofree char *v1 = g_regex_replace_literal (reference, text, -1, 0, "", 0, NULL);
  g_autoptr(GString) file = g_string_new (v1);
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RdExchangeSchool *school;
  RdAssessment *this_year;
  GDate completed, review;

  g_assert_cmpuint (g_string_replace (file, "\"format_version\" : 2", "\"format_version\" : 1", 1), ==, 1);
  /* This year's assessment, completed on 10 January 2026. */
  g_assert_cmpuint (g_string_replace (file, "\"school_year\" : \"2026-2027\",",
                                      "\"school_year\" : \"2026-2027\", \"completed\" : \"2026-01-10T12:00:00Z\",", 1),
                    ==, 1);
  bytes = g_bytes_new (file->str, file->len);

  school = parse (fixture, bytes, &error);
  g_assert_no_error (error);
  g_ptr_array_add (schools, school);
  /* Last year's assessment has no date answer: nothing to say of it. */
  g_assert_cmpuint (school->notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (school->notices, 0), ==,
                   "sint-jozef.readiness: assessments[1]: format 1 gives no reference date; its date answers are "
                   "scored against 2026-01-10, the day the assessment was completed");

  g_assert_true (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
  g_assert_no_error (error);
  assessments = rd_store_list_assessments (fixture->advisor_side, advisor_school_id (fixture), &error);
  g_assert_no_error (error);
  this_year = g_ptr_array_index (assessments, 0);
  g_assert_cmpstr (rd_assessment_get_school_year (this_year), ==, "2026-2027");
  g_date_clear (&completed, 1);
  g_date_set_dmy (&completed, 10, G_DATE_JANUARY, 2026);
  g_assert_cmpuint (rd_assessment_get_reference_day (this_year), ==, g_date_get_julian (&completed));

  /* The review of 15 March 2025 is 9 months before it, whatever today is. */
  answers = rd_store_list_answers (fixture->advisor_side, rd_assessment_get_id (this_year), &error);
  g_assert_no_error (error);
  g_date_clear (&review, 1);
  g_date_set_dmy (&review, 15, G_DATE_MARCH, 2025);
  for (guint i = 0; i < answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (answers, i);
      RdItem *item = rd_framework_lookup_item (fixture->framework, answer->item_id);

      if (g_str_equal (answer->item_id, "a-review"))
        g_assert_cmpfloat (rd_analysis_score_answer (item, answer), ==,
                           rd_item_score_date (item, RD_SCHOOL_TYPE_PRIMARY, &review, &completed));
    }
}

/* The school's type leaves as its id. Files of Readiness 1.1 and earlier
 * carry free text: read as their databases are migrated (schema 6), with
 * a notice, and where it became "other" the text is kept as a note. */
static void
test_school_type (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *text;
    RdSchoolType type;
    const char *note;
    const char *notice;
  } types[] = {
    { "primary", RD_SCHOOL_TYPE_PRIMARY, NULL, NULL },
    { "Basisschool", RD_SCHOOL_TYPE_PRIMARY, NULL,
      "sint-jozef.readiness: school.type: “Basisschool” is read as the type Primary education" },
    { "vmbo-t", RD_SCHOOL_TYPE_SECONDARY, NULL,
      "sint-jozef.readiness: school.type: “vmbo-t” is read as the type Secondary education" },
    { "ROC", RD_SCHOOL_TYPE_VOCATIONAL, NULL,
      "sint-jozef.readiness: school.type: “ROC” is read as the type Vocational education" },
    { "Montessori", RD_SCHOOL_TYPE_OTHER, "Montessori",
      "sint-jozef.readiness: school.type: “Montessori” is read as the type Other" },
    { NULL, RD_SCHOOL_TYPE_UNSET, NULL, NULL },   /* no "type" */
  };
  g_autoptr(GBytes) good = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));

  g_assert_nonnull (strstr (text, "\"type\" : \"primary\""));

  for (guint v = 1; v <= 2; v++)
    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GString) file = g_string_new (text);
        g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(RdSchool) imported = NULL;
        g_autofree char *type_member = NULL;
        RdExchangeSchool *school;
        gboolean noticed = FALSE;

        g_test_message ("format %u, “%s”", v, types[i].text ? types[i].text : "(none)");
        if (types[i].text != NULL)
          {
            type_member = g_strdup_printf ("\"type\" : \"%s\"", types[i].text);
            g_string_replace (file, "\"type\" : \"primary\"", type_member, 1);
          }
        else
          {
            g_autoptr(GRegex) member = g_regex_new (",\\s*\"type\" : \"primary\"", 0, 0, NULL);
            g_autofree char *without = g_regex_replace_literal (member, file->str, -1, 0, "", 0, NULL);

            g_string_assign (file, without);
            g_assert_null (strstr (file->str, "\"type\""));
          }
        if (v == 1)
          {
            g_autoptr(GRegex) reference = g_regex_new ("\n *\"reference_date\" : \"[0-9-]*\",", 0, 0, NULL);
            g_autofree char *v1 = g_regex_replace_literal (reference, file->str, -1, 0, "", 0, NULL);

            g_string_assign (file, v1);
            g_assert_cmpuint (g_string_replace (file, "\"format_version\" : 2", "\"format_version\" : 1", 1), ==, 1);
          }
        bytes = g_bytes_new (file->str, file->len);
        school = parse (fixture, bytes, &error);
        g_assert_no_error (error);
        g_ptr_array_add (schools, school);
        g_assert_cmpint (school->school_type, ==, types[i].type);
        g_assert_cmpstr (school->type_note, ==, types[i].note);
        for (guint n = 0; n < school->notices->len; n++)
          if (strstr (g_ptr_array_index (school->notices, n), "school.type") != NULL)
            {
              g_assert_cmpstr (g_ptr_array_index (school->notices, n), ==, types[i].notice);
              noticed = TRUE;
            }
        g_assert_true (noticed == (types[i].notice != NULL));

        /* Each import makes the advisor's school what the file says. */
        g_assert_true (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
        g_assert_no_error (error);
        imported = rd_store_get_school (fixture->advisor_side, advisor_school_id (fixture), &error);
        g_assert_no_error (error);
        g_assert_cmpint (rd_school_get_school_type (imported), ==, types[i].type);
        g_assert_cmpstr (rd_school_get_type_note (imported), ==, types[i].note);
      }
}

/* Scores of a framework whose ladders depend on the school's type: the
 * advisor's, computed at import from the file's answers or read from
 * its summary, are the school's, for the file carries the type. */
static void
test_type_ladders (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RdFramework) phases = rd_test_load_framework ("phases.json");
  g_autoptr(GError) error = NULL;
  gint64 school_id, assessment_id, respondent;

  school_id = rd_store_add_school (fixture->school_side, "Atheneum", "Brugge", RD_SCHOOL_TYPE_SECONDARY, &error);
  assessment_id = rd_store_add_assessment (fixture->school_side, school_id, "2026-2027", phases,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  respondent = rd_store_ensure_respondent (fixture->school_side, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_set_answer_value (fixture->school_side, respondent,
                                            rd_framework_lookup_item (phases, "b-speed"), 250, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_refresh_scores (fixture->school_side, phases, &error));

  for (RdExchangeContent content = RD_EXCHANGE_ANSWERS; content <= RD_EXCHANGE_SUMMARY; content++)
    {
      g_autoptr(RdExchangeSchool) school = rd_store_export_school (fixture->school_side, phases, school_id, &error);
      g_autoptr(GBytes) bytes = rd_exchange_write (school, phases, content, &error);
      g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
      g_autoptr(GPtrArray) compared = NULL;
      g_autoptr(RdAssessmentScores) at_school = NULL;
      RdSchoolScores *at_advisor;

      g_assert_no_error (error);
      g_ptr_array_add (schools, rd_exchange_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                   "atheneum.readiness", phases, &error));
      g_assert_no_error (error);
      g_assert_true (rd_store_import_schools (fixture->advisor_side, phases, schools, &error));
      g_assert_no_error (error);

      at_school = rd_store_get_scores (fixture->school_side, phases, assessment_id, &error);
      g_assert_no_error (error);
      compared = rd_store_list_school_scores (fixture->advisor_side, phases, "2026-2027", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (compared->len, ==, 1);
      at_advisor = g_ptr_array_index (compared, 0);
      g_assert_cmpint (at_advisor->school_type, ==, RD_SCHOOL_TYPE_SECONDARY);
      /* beta: b-speed alone, 250 Mbit/s on the secondary ladder. */
      g_assert_cmpfloat (at_school->area[1], ==, 25);
      g_assert_cmpfloat (at_advisor->area[1], ==, at_school->area[1]);
    }
}

/* Summary only: scores leave the school, answers do not. */
static void
test_summary_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) file = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_SUMMARY);
  g_autofree char *text = g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file));
  g_autoptr(RdAssessmentScores) at_school = NULL;
  g_autoptr(RdAssessmentScores) at_advisor = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 advisor_this_year = 0, respondent;

  g_assert_null (strstr (text, "\"answers\""));
  g_assert_null (strstr (text, "\"a-plan\""));
  g_assert_nonnull (strstr (text, "\"content\" : \"summary\""));

  import (fixture, file);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer"), ==, 0);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM assessment WHERE summary_only = 1"), ==, 2);

  assessments = rd_store_list_assessments (fixture->advisor_side, advisor_school_id (fixture), NULL);
  for (guint i = 0; i < assessments->len; i++)
    if (g_str_equal (rd_assessment_get_school_year (g_ptr_array_index (assessments, i)), "2026-2027"))
      advisor_this_year = rd_assessment_get_id (g_ptr_array_index (assessments, i));

  at_school = rd_store_get_scores (fixture->school_side, fixture->framework, fixture->this_year, &error);
  g_assert_no_error (error);
  at_advisor = rd_store_get_scores (fixture->advisor_side, fixture->framework, advisor_this_year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_advisor->n_respondents, ==, at_school->n_respondents);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (isnan (at_school->factor[f]))
        g_assert_true (isnan (at_advisor->factor[f]));
      else
        g_assert_cmpfloat_with_epsilon (at_advisor->factor[f], at_school->factor[f], 1e-9);
      g_assert_cmpuint (at_advisor->factor_n[f], ==, at_school->factor_n[f]);
    }
  for (guint a = 0; a < at_school->n_areas; a++)
    if (!isnan (at_school->area[a]))
      g_assert_cmpfloat_with_epsilon (at_advisor->area[a], at_school->area[a], 1e-9);

  /* A summary has no answers to change. */
  respondent = rd_store_add_respondent (fixture->advisor_side, advisor_this_year, RD_GROUP_LEADER, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rd_store_set_answer_value (fixture->advisor_side, respondent,
                                             rd_framework_lookup_item (fixture->framework, "a-plan"), 3, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
}

/* Kept scores go stale with any answer and come back right. */
static void
test_scores_follow_answers (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAssessmentScores) before = rd_store_get_scores (fixture->school_side, fixture->framework,
                                                              fixture->this_year, &error);
  g_autoptr(RdAssessmentScores) after = NULL;
  g_autoptr(GPtrArray) respondents = rd_store_list_respondents (fixture->school_side, fixture->this_year, NULL);
  g_autofree char *stale = g_strdup_printf ("SELECT scores_stale FROM assessment WHERE id = %" G_GINT64_FORMAT,
                                            fixture->this_year);

  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->school_side, stale), ==, 0);
  g_assert_cmpuint (before->factor_n[RD_FACTOR_STRATEGY], >=, 2);
  g_assert_false (isnan (before->factor_spread[RD_FACTOR_STRATEGY]));

  answer (fixture, ((RdRespondent *) g_ptr_array_index (respondents, 1))->id, "a-plan", 5);
  g_assert_cmpint (count (fixture->school_side, stale), ==, 1);

  after = rd_store_get_scores (fixture->school_side, fixture->framework, fixture->this_year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->school_side, stale), ==, 0);
  g_assert_cmpfloat (after->area[0], >, before->area[0]);
}

/* An import that only adds stores without SQLite's key checks; one whose
 * batch turns out to replace an assessment (here: two files of one school
 * in one batch) is stored again with them, so that the cascades empty the
 * old assessment: no answer is left without its respondent, none twice,
 * and the keys are on again afterwards. */
static void
test_import_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) before = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  g_autoptr(GPtrArray) respondents = rd_store_list_respondents (fixture->school_side, fixture->this_year, NULL);
  g_autoptr(GError) error = NULL;
  const char *orphans = "SELECT count(*) FROM answer WHERE respondent_id NOT IN (SELECT id FROM respondent)";
  gint64 n_answers = count (fixture->school_side, "SELECT count(*) FROM answer");

  answer (fixture, ((RdRespondent *) g_ptr_array_index (respondents, 1))->id, "b-speed", 400);
  after = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_ptr_array_add (schools, parse (fixture, before, &error));
  g_assert_no_error (error);
  g_ptr_array_add (schools, parse (fixture, after, &error));
  g_assert_no_error (error);

  g_assert_true (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM respondent"), ==, 4);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer"), ==, n_answers + 1);
  g_assert_cmpint (count (fixture->advisor_side, orphans), ==, 0);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer WHERE value = 400"), ==, 1);

  /* The keys are on: replacing the school again cascades. */
  g_ptr_array_remove_index (schools, 0);
  g_assert_true (rd_store_import_schools (fixture->advisor_side, fixture->framework, schools, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM answer"), ==, n_answers + 1);
  g_assert_cmpint (count (fixture->advisor_side, orphans), ==, 0);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* The CHECKs, off while importing, hold for every row. */
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                   ==, 0);
}

static void
assert_same_respondents (RdExchangeSchool *a,
                         RdExchangeSchool *b)
{
  guint n_answers = 0;

  g_assert_cmpuint (a->assessments->len, ==, b->assessments->len);
  for (guint i = 0; i < a->assessments->len; i++)
    {
      RdExchangeAssessment *x = g_ptr_array_index (a->assessments, i);
      RdExchangeAssessment *y = g_ptr_array_index (b->assessments, i);

      g_assert_cmpuint (x->respondents->len, ==, y->respondents->len);
      for (guint r = 0; r < x->respondents->len; r++)
        {
          RdExchangeRespondent *p = g_ptr_array_index (x->respondents, r);
          RdExchangeRespondent *q = g_ptr_array_index (y->respondents, r);

          g_assert_cmpstr (p->uuid, ==, q->uuid);
          g_assert_cmpint (p->response->group, ==, q->response->group);
          g_assert_cmpuint (p->response->answers->len, ==, q->response->answers->len);
          for (guint n = 0; n < p->response->answers->len; n++)
            {
              RdAnswer *u = g_ptr_array_index (p->response->answers, n);
              RdAnswer *v = g_ptr_array_index (q->response->answers, n);

              g_assert_cmpstr (u->item_id, ==, v->item_id);
              g_assert_cmpuint (u->item_version, ==, v->item_version);
              g_assert_cmpint (u->group, ==, v->group);
              g_assert_cmpint (u->not_applicable, ==, v->not_applicable);
              g_assert_cmpuint (u->julian_day, ==, v->julian_day);
              g_assert_true (memcmp (&u->value, &v->value, sizeof u->value) == 0);
              n_answers++;
            }
        }
    }
  g_assert_cmpuint (n_answers, >, 10);
}

/* Respondents are read straight from the text when they are plain; an
 * empty "versions" sends every one the way through json-glib. Both ways
 * read the same: values to the bit, dates, not applicable, groups, and the
 * same mistakes are refused with the same message. */
static void
test_respondents_read_both_ways (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) pieces = g_strsplit (text, "\"answers\" : {", -1);
  g_autofree char *slow_text = g_strjoinv ("\"versions\" : {}, \"answers\" : {", pieces);
  g_autoptr(GBytes) slow_bytes = g_bytes_new (slow_text, strlen (slow_text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) fast = parse (fixture, bytes, &error);
  g_autoptr(RdExchangeSchool) slow = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pieces), >, 3);
  slow = parse (fixture, slow_bytes, &error);
  g_assert_no_error (error);
  assert_same_respondents (fast, slow);

  /* A value out of range: the message of the slow way, either way. */
  {
    g_autofree char *bad = NULL, *bad_slow = NULL;
    g_autoptr(GBytes) bad_bytes = NULL, bad_slow_bytes = NULL;
    g_autoptr(GError) fast_error = NULL, slow_error = NULL;
    g_autoptr(RdExchangeSchool) none = NULL;

    bad = g_strjoinv ("\"answers\" : {\"b-share\" : 101, ", pieces);
    bad_slow = g_strjoinv ("\"versions\" : {}, \"answers\" : {\"b-share\" : 101, ", pieces);
    bad_bytes = g_bytes_new (bad, strlen (bad));
    bad_slow_bytes = g_bytes_new (bad_slow, strlen (bad_slow));
    none = parse (fixture, bad_bytes, &fast_error);
    g_assert_null (none);
    none = parse (fixture, bad_slow_bytes, &slow_error);
    g_assert_null (none);
    g_assert_error (fast_error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (fast_error->message, ==, slow_error->message);
  }
}

/* The figures a comparison starts from: one assessment per school and year. */
static void
test_school_scores_for_a_year (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) year = NULL;
  g_autoptr(RdAssessmentScores) expected = NULL;
  gint64 other, pulse, leader;
  RdSchoolScores *first = NULL, *second = NULL;

  /* A pulse of the same year must not be chosen over the full assessment. */
  pulse = rd_store_add_assessment (fixture->school_side, fixture->school_id, "2026-2027", fixture->framework,
                                   RD_ASSESSMENT_MODE_PULSE, &error);
  leader = rd_store_ensure_respondent (fixture->school_side, pulse, &error);
  answer (fixture, leader, "a-plan", 1);
  other = rd_store_add_school (fixture->school_side, "Atheneum", "Brugge", RD_SCHOOL_TYPE_SECONDARY, &error);
  g_assert_no_error (error);

  year = rd_store_list_school_scores (fixture->school_side, fixture->framework, "2026-2027", &error);
  g_assert_no_error (error);
  /* Atheneum has no assessment this year. */
  g_assert_cmpuint (year->len, ==, 1);
  first = g_ptr_array_index (year, 0);
  g_assert_cmpint (first->assessment_id, ==, fixture->this_year);
  g_assert_cmpstr (first->region, ==, "Gent");
  g_assert_cmpuint (first->n_respondents, ==, 3);
  g_assert_cmpfloat (first->target[RD_FACTOR_CAPACITY], ==, 80);

  expected = rd_store_get_scores (fixture->school_side, fixture->framework, fixture->this_year, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (isnan (expected->factor[f]))
        g_assert_true (isnan (first->factor[f]));
      else
        g_assert_cmpfloat (first->factor[f], ==, expected->factor[f]);
      g_assert_cmpuint (first->factor_n[f], ==, expected->factor_n[f]);
    }
  for (guint a = 0; a < first->n_areas; a++)
    if (!isnan (expected->area[a]))
      g_assert_cmpfloat (first->area[a], ==, expected->area[a]);

  /* A second school with an assessment appears next to it. */
  g_clear_pointer (&year, g_ptr_array_unref);
  {
    gint64 id = rd_store_add_assessment (fixture->school_side, other, "2026-2027", fixture->framework,
                                         RD_ASSESSMENT_MODE_FULL, &error);
    answer (fixture, rd_store_ensure_respondent (fixture->school_side, id, &error), "a-plan", 5);
  }
  year = rd_store_list_school_scores (fixture->school_side, fixture->framework, "2026-2027", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 2);
  second = g_ptr_array_index (year, 1);
  g_assert_cmpstr (second->school_name, ==, "Atheneum");
  g_assert_cmpuint (second->n_respondents, ==, 1);
}

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
assert_same_score (double a,
                   double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

/* The importer scores the answers while it reads the file, not from the
 * database: the kept scores equal, to the bit, those computed from the
 * answers stored in the SQLite file. Thirty random respondents besides
 * the school's own, so that the spreads and groups have something to say. */
static void
test_import_scores_from_file (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) exported = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = parse (fixture, exported, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "scored.readiness", NULL);
  g_auto(RdExchangeImportResult) result = { 0 };
  guint n_compared = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < school->assessments->len; i++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);

      for (guint r = 0; r < 30; r++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          RdResponse *response = rd_test_random_response (fixture->framework, assessment->mode,
                                                          (RdGroup) (r % RD_N_GROUPS), rand, 0.1 * i);

          g_ptr_array_add (assessment->respondents, rd_exchange_respondent_new (uuid, response));
        }
    }
  bytes = rd_exchange_write (school, fixture->framework, RD_EXCHANGE_ANSWERS, &error);
  g_assert_no_error (error);
  write_file (fixture->dir, "scored.readiness", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_ptr_array_add (files, g_file_new_for_path (path));

  g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL, &result,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_imported, ==, 1);

  assessments = rd_store_list_assessments (fixture->advisor_side, advisor_school_id (fixture), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < assessments->len; i++)
    {
      RdAssessment *assessment = g_ptr_array_index (assessments, i);
      gint64 id = rd_assessment_get_id (assessment);
      g_autoptr(RdAssessmentScores) kept = rd_store_get_scores (fixture->advisor_side, fixture->framework, id, &error);
      g_autoptr(GPtrArray) answers = rd_store_list_answers (fixture->advisor_side, id, &error);
      g_autoptr(RdAssessmentScores) stored = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (answers->len, >, 30);
      stored = rd_assessment_scores_compute (fixture->framework, rd_assessment_get_mode (assessment), answers);
      g_assert_cmpuint (kept->n_respondents, ==, stored->n_respondents);
      g_assert_cmpuint (kept->n_respondents, >=, 30);
      for (guint g = 0; g < RD_N_GROUPS; g++)
        g_assert_cmpuint (kept->group_sizes[g], ==, stored->group_sizes[g]);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          assert_same_score (kept->factor[f], stored->factor[f]);
          assert_same_score (kept->factor_spread[f], stored->factor_spread[f]);
          g_assert_cmpuint (kept->factor_n[f], ==, stored->factor_n[f]);
        }
      g_assert_false (isnan (kept->factor_spread[RD_FACTOR_STRATEGY]));
      for (guint a = 0; a < kept->n_areas; a++)
        assert_same_score (kept->area[a], stored->area[a]);
      n_compared++;
    }
  g_assert_cmpuint (n_compared, ==, 2);
}

/* A folder of files as an advisor receives them: the good ones are stored,
 * the bad ones set aside with their messages, and again changes nothing. */
static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "region", NULL);
  g_autofree char *nested = g_build_filename (folder, "west", NULL);
  g_autoptr(GBytes) first = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GFile) root = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *counts = NULL;
  g_autofree char *counts_again = NULL;
  RdExchangeImportResult result = { 0 };
  gint64 other;

  other = rd_store_add_school (fixture->school_side, "Atheneum", "Brugge", RD_SCHOOL_TYPE_SECONDARY, &error);
  rd_store_add_assessment (fixture->school_side, other, "2026-2027", fixture->framework, RD_ASSESSMENT_MODE_FULL,
                           &error);
  g_assert_no_error (error);
  second = export_school (fixture, fixture->school_side, other, RD_EXCHANGE_SUMMARY);

  g_mkdir_with_parents (nested, 0700);
  write_file (folder, "sint-jozef.readiness", g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  write_file (nested, "atheneum.readiness", g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  write_file (nested, "broken.readiness", g_bytes_get_data (first, NULL), g_bytes_get_size (first) / 2);
  write_file (folder, "other.readiness", "{ \"format\" : \"something-else\" }", strlen ("{ \"format\" : \"something-else\" }"));
  write_file (folder, "notes.txt", "not an exchange file", strlen ("not an exchange file"));
  /* Atheneum's file once more, but claiming Sint-Jozef's assessment: it is
   * set aside, and the files stored with it in one batch still go in. */
  {
    g_autoptr(RdExchangeSchool) jozef = parse (fixture, first, &error);
    g_autofree char *text = g_strndup (g_bytes_get_data (second, NULL), g_bytes_get_size (second));
    g_autoptr(RdExchangeSchool) atheneum = parse (fixture, second, &error);
    g_autoptr(GString) clash = g_string_new (text);
    const char *stolen = ((RdExchangeAssessment *) g_ptr_array_index (jozef->assessments, 0))->uuid;
    const char *own = ((RdExchangeAssessment *) g_ptr_array_index (atheneum->assessments, 0))->uuid;

    g_assert_no_error (error);
    g_string_replace (clash, own, stolen, 0);
    g_string_replace (clash, atheneum->uuid, "2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0099", 0);
    write_file (nested, "clash.readiness", clash->str, clash->len);
  }

  files = rd_exchange_collect_files (&root, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 5);

  /* Cancelled before it starts: nothing is stored. */
  g_cancellable_cancel (cancelled);
  g_assert_false (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, cancelled, NULL, NULL,
                                            &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  rd_exchange_import_result_clear (&result);
  g_assert_cmpint (count (fixture->advisor_side, "SELECT count(*) FROM school"), ==, 0);

  g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_files, ==, 5);
  g_assert_cmpuint (result.n_imported, ==, 2);
  g_assert_cmpuint (result.n_schools_new, ==, 2);
  g_assert_cmpuint (result.rejected->len, ==, 3);
  /* Files unreadable on their own first, in the order of their paths;
   * the clash is found when its batch is stored. */
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (result.rejected, 0))->message, "other.readiness: "));
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (result.rejected, 1))->message, "broken.readiness: "));
  g_assert_true (g_error_matches (g_ptr_array_index (result.rejected, 2), RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT));
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (result.rejected, 2))->message, "clash.readiness: "));
  rd_exchange_import_result_clear (&result);
  counts = table_counts (fixture->advisor_side);

  g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_cmpuint (result.n_schools_new, ==, 0);
  g_assert_cmpuint (result.n_imported, ==, 2);
  rd_exchange_import_result_clear (&result);
  counts_again = table_counts (fixture->advisor_side);
  g_assert_cmpstr (counts_again, ==, counts);
}

/* Export, edit the text of the file, parse: the shared step of the text tests. */
static char *
good_file_text (Fixture *fixture)
{
  g_autoptr(GBytes) good = export_school (fixture, fixture->school_side, fixture->school_id, RD_EXCHANGE_ANSWERS);

  return g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
}

static void
import_text (Fixture    *fixture,
             const char *text,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  import (fixture, bytes);
}

static gint64
import_files_from (Fixture                *fixture,
                   const char             *folder,
                   RdExchangeImportResult *result)
{
  g_autoptr(GFile) root = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = rd_exchange_collect_files (&root, 1, &error);
  g_assert_no_error (error);
  g_assert_true (rd_exchange_import_files (fixture->advisor_side, fixture->framework, files, NULL, NULL, NULL,
                                           result, &error));
  g_assert_no_error (error);
  return files->len;
}

/* A school name of 8 M characters (one of 20 MB once made the app take
 * 2.2 GB on every start; a file that large is now refused by its size) and texts one character over their limits are refused
 * with the file's name, the place and the limit; the database stays as it
 * was. Texts at their limits go in. */
static void
test_text_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *find;
    const char *key;
    guint length;
    const char *message;
  } cases[] = {
    { "\"name\" : \"Sint-Jozef\"", "name", 8 * 1024 * 1024, "school.name: longer than 200 characters" },
    { "\"name\" : \"Sint-Jozef\"", "name", 201, "school.name: longer than 200 characters" },
    { "\"region\" : \"Gent\"", "region", 101, "school.region: longer than 100 characters" },
    { "\"type\" : \"primary\"", "type", 101, "school.type: longer than 100 characters" },
    { "\"title\" : \"Faster internet\"", "title", 201, "assessments[0].actions[0].title: longer than 200 characters" },
    { "\"owner\" : \"An\"", "owner", 201, "assessments[0].actions[0].owner: longer than 200 characters" },
  };
  g_autofree char *good_text = good_file_text (fixture);
  g_autofree char *folder = g_build_filename (fixture->dir, "limits", NULL);
  g_autofree char *counts_before = NULL, *state_before_text = NULL;
  g_autoptr(GBytes) state_before = NULL;
  RdExchangeImportResult result = { 0 };

  import_text (fixture, good_text, strlen (good_text));
  counts_before = table_counts (fixture->advisor_side);
  state_before = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture), RD_EXCHANGE_ANSWERS);
  state_before_text = without_created (state_before);

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) broken = g_string_new (good_text);
      g_autoptr(GString) replacement = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("case-%u.readiness", i);

      g_string_printf (replacement, "\"%s\" : \"", cases[i].key);
      /* Multi-byte characters: the limit counts characters, not bytes. */
      for (guint c = 0; c < cases[i].length; c++)
        g_string_append (replacement, c % 2 == 0 ? "é" : "x");
      g_string_append_c (replacement, '"');
      g_assert_cmpuint (g_string_replace (broken, cases[i].find, replacement->str, 1), ==, 1);
      write_file (folder, name, broken->str, broken->len);
    }

  g_assert_cmpuint (import_files_from (fixture, folder, &result), ==, G_N_ELEMENTS (cases));
  g_assert_cmpuint (result.n_imported, ==, 0);
  g_assert_cmpuint (result.rejected->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GError *error = g_ptr_array_index (result.rejected, i);
      g_autofree char *expected = g_strdup_printf ("case-%u.readiness: %s", i, cases[i].message);

      g_assert_true (g_error_matches (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID));
      g_assert_cmpstr (error->message, ==, expected);
    }
  rd_exchange_import_result_clear (&result);

  {
    g_autofree char *counts_after = table_counts (fixture->advisor_side);
    g_autoptr(GBytes) state_after = export_school (fixture, fixture->advisor_side, advisor_school_id (fixture),
                                                   RD_EXCHANGE_ANSWERS);
    g_autofree char *state_after_text = without_created (state_after);

    g_assert_cmpstr (counts_after, ==, counts_before);
    g_assert_cmpstr (state_after_text, ==, state_before_text);
  }

  /* A huge value that is wrong for another reason: the message quotes it
   * cut short. */
  {
    g_autoptr(GString) edited = g_string_new (good_text);
    g_autofree char *year = g_strnfill (8 * 1024 * 1024, '9');
    g_autofree char *replacement = g_strdup_printf ("\"school_year\" : \"%s\"", year);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(RdExchangeSchool) school = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_string_replace (edited, "\"school_year\" : \"2025-2026\"", replacement, 1), ==, 1);
    bytes = g_bytes_new (edited->str, edited->len);
    school = parse (fixture, bytes, &error);
    g_assert_null (school);
    g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "sint-jozef.readiness: assessments[0]: “999"));
    g_assert_true (g_str_has_suffix (error->message, "…"));
    g_assert_cmpuint (strlen (error->message), <, 1000);
  }

  /* At the limit, and with white space beyond it that is trimmed. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autoptr(GString) edited = g_string_new (good_text);
    g_autoptr(GString) replacement = g_string_new ("\"name\" : \"");
    g_autoptr(GPtrArray) schools = NULL;
    g_autoptr(GError) error = NULL;

    for (guint c = 0; c < 200; c++)
      g_string_append (name, "ĳ");
    g_string_append_printf (replacement, "%s          \"", name->str);
    g_string_replace (edited, "\"name\" : \"Sint-Jozef\"", replacement->str, 1);
    import_text (fixture, edited->str, edited->len);
    schools = rd_store_list_schools (fixture->advisor_side, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rd_school_get_name (g_ptr_array_index (schools, 0)), ==, name->str);
  }
}

/* Control characters never reach the database: escape sequences, bells,
 * C1 controls, and the bidirectional overrides that make "fdp.exe" look
 * like "exe.pdf"; notes keep their lines and tabs. */
static void
test_text_cleaned (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good_text = good_file_text (fixture);
  g_autoptr(GString) edited = g_string_new (good_text);
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  RdSchool *school;
  RdAction *action = NULL;

  g_string_replace (edited, "\"name\" : \"Sint-Jozef\"",
                    "\"name\" : \"\\u202eSint-\\u001b[31mJozef\\u0007\\u009b2J\\u0000\"", 1);
  g_string_replace (edited, "\"region\" : \"Gent\"", "\"region\" : \"\\u2066Gent \\u2067عربي\\u2069\"", 1);
  g_string_replace (edited, "\"title\" : \"Faster internet\"",
                    "\"title\" : \"Faster\\ninternet\", \"notes\" : \"One\\r\\nTwo\\tthree\\u001b]0;owned\\u0007\"", 1);
  import_text (fixture, edited->str, edited->len);

  schools = rd_store_list_schools (fixture->advisor_side, &error);
  g_assert_no_error (error);
  school = g_ptr_array_index (schools, 0);
  g_assert_cmpstr (rd_school_get_name (school), ==, "Sint-[31mJozef2J");
  g_assert_cmpstr (rd_school_get_region (school), ==, "Gent \u2067عربي\u2069");
  g_assert_null (strchr (rd_school_get_name (school), '\033'));

  assessments = rd_store_list_assessments (fixture->advisor_side, rd_school_get_id (school), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < assessments->len; i++)
    {
      g_autoptr(GPtrArray) actions = rd_store_list_actions (fixture->advisor_side,
                                                            rd_assessment_get_id (g_ptr_array_index (assessments, i)),
                                                            &error);

      g_assert_no_error (error);
      for (guint a = 0; a < actions->len; a++)
        {
          RdAction *each = g_ptr_array_index (actions, a);

          g_assert_cmpstr (rd_action_get_title (each), ==, "Faster internet");
          if (rd_action_get_notes (each) != NULL)
            {
              g_assert_null (action);
              action = g_object_ref (each);
            }
        }
    }
  g_assert_nonnull (action);
  g_assert_cmpstr (rd_action_get_notes (action), ==, "One\nTwo\tthree]0;owned");
  g_object_unref (action);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/reimport-is-idempotent", test_reimport_is_idempotent);
  ADD ("/exchange/reimport-updates", test_reimport_updates);
  ADD ("/exchange/broken-files-rejected", test_broken_files_rejected);
  ADD ("/exchange/summary-only", test_summary_only);
  ADD ("/exchange/format-1", test_format_1);
  ADD ("/exchange/school-type", test_school_type);
  ADD ("/exchange/type-ladders", test_type_ladders);
  ADD ("/exchange/scores-follow-answers", test_scores_follow_answers);
  ADD ("/exchange/school-scores-for-a-year", test_school_scores_for_a_year);
  ADD ("/exchange/import-folder", test_import_folder);
  ADD ("/exchange/import-keys", test_import_keys);
  ADD ("/exchange/import-scores-from-file", test_import_scores_from_file);
  ADD ("/exchange/respondents-read-both-ways", test_respondents_read_both_ways);
  ADD ("/exchange/text/limits", test_text_limits);
  ADD ("/exchange/text/cleaned", test_text_cleaned);
  ADD ("/exchange/hostile/deep-nesting", test_hostile_deep);
  ADD ("/exchange/hostile/not-utf8", test_hostile_not_utf8);
  ADD ("/exchange/hostile/too-large", test_hostile_too_large);
  ADD ("/exchange/hostile/ids-of-another-school", test_hostile_ids_of_another_school);
#undef ADD

  return g_test_run ();
}
