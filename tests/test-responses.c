#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rd-errors.h"
#include "rd-json-check.h"
#include "rd-response-file.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

/* The school's full assessment of 2026-2027 in small.json. */
typedef RdTestStore Fixture;

static RdResponse *
make_response (RdGroup group)
{
  RdResponse *response = rd_response_new (group);
  GDate date;

  rd_response_add_answer (response, "a-plan", 1)->value = 4;
  rd_response_add_answer (response, "b-speed", 1)->value = 250.5;
  rd_response_add_answer (response, "b-mfa", 1)->not_applicable = TRUE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 3, 2024);
  rd_response_add_answer (response, "a-review", 1)->julian_day = g_date_get_julian (&date);
  return response;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RdResponse) written = make_response (RD_GROUP_SUPPORT_STAFF);
  g_autoptr(RdResponse) read = NULL;
  g_autofree char *dir = g_dir_make_tmp ("readiness-response-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "answers" RD_RESPONSE_FILE_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf info;

  g_assert_true (rd_response_file_write (written, fixture->framework, "2026-2027", path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* No name travels in the file, only the group. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"group\" : \"support-staff\""));

  read = rd_response_file_load (file, fixture->framework, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->group, ==, RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpuint (read->answers->len, ==, 4);
  for (guint i = 0; i < written->answers->len; i++)
    {
      RdAnswer *a = g_ptr_array_index (written->answers, i);
      RdAnswer *b = g_ptr_array_index (read->answers, i);

      g_assert_cmpstr (a->item_id, ==, b->item_id);
      g_assert_cmpint (a->not_applicable, ==, b->not_applicable);
      g_assert_cmpuint (a->julian_day, ==, b->julian_day);
      g_assert_true ((isnan (a->value) && isnan (b->value)) || a->value == b->value);
    }

  g_remove (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *json;
  int code;
  const char *message;
} BrokenCase;

#define HEAD "{\"format\": \"readiness-response\", \"format_version\": 1, " \
             "\"framework\": {\"id\": \"small-fixture\", \"version\": \"1.0\"}, "

static const BrokenCase broken_cases[] = {
  { "not json", RD_IMPORT_ERROR_SYNTAX, "x.readiness-response: line 1, column 1: “not” is not a JSON value: text goes "
    "in double quotes, and true, false and null are written in lower case" },
  { HEAD "\"group\": \"teacher\",\n\"answers\": [{\"item\": \"a-plan\" \"version\": 1}]}", RD_IMPORT_ERROR_SYNTAX,
    "x.readiness-response: line 2, column 31: a comma is missing between two values" },
  { "{\"format\": \"readiness-framework\", \"format_version\": 1}", RD_IMPORT_ERROR_INVALID,
    "x.readiness-response: format: “readiness-framework” is not a Readiness response file" },
  { "{\"format\": \"readiness-response\", \"format_version\": 2}", RD_IMPORT_ERROR_VERSION,
    "x.readiness-response: format_version: version 2 is not supported" },
  { "{\"format\": \"readiness-response\", \"format_version\": 1, "
    "\"framework\": {\"id\": \"digital-readiness\", \"version\": \"1.0\"}, \"group\": \"teacher\", \"answers\": []}",
    RD_IMPORT_ERROR_FRAMEWORK, "x.readiness-response: framework: the answers are to “digital-readiness”, not to “small-fixture”" },
  { HEAD "\"group\": \"principal\", \"answers\": []}", RD_IMPORT_ERROR_INVALID,
    "x.readiness-response: group: unknown group “principal”" },
  { HEAD "\"group\": \"teacher\", \"name\": \"Jan\", \"answers\": []}", RD_IMPORT_ERROR_INVALID,
    "x.readiness-response: top level: unknown key “name”" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"z-nothing\", \"version\": 1, \"value\": 3}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “z-nothing”: the framework has no such item" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-plan\", \"version\": 1, \"value\": 3}, "
    "{\"item\": \"a-plan\", \"version\": 1, \"value\": 4}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[1] “a-plan”: the item is answered twice" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-plan\", \"version\": 1, \"value\": 7}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “a-plan”: “a-plan” takes an agreement from 1 to 5, not 7" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-team\", \"version\": 1, \"value\": 3}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “a-team”: version 1 of the item cannot be compared with version 2" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-plan\", \"version\": 1, \"value\": 3, \"not_applicable\": true}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “a-plan”: an answer needs exactly one of" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-review\", \"version\": 1, \"date\": \"2999-01-01\"}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “a-review”: “a-review” cannot be a date in the future" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"b-mfa\", \"version\": 1, \"not_applicable\": false}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0] “b-mfa”: “not_applicable” can only be true" },
  /* A key twice in one answer: json-glib kept the last without a word. */
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-plan\", \"item\": \"b-mfa\", \"version\": 1, \"value\": 1}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0]: key “item” appears twice" },
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-plan\", \"version\": 1, \"value\": 3, \"value\": 5}]}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: answers[0]: key “value” appears twice" },
  { HEAD "\"group\": \"teacher\", \"group\": \"parent\", \"answers\": []}",
    RD_IMPORT_ERROR_INVALID, "x.readiness-response: top level: key “group” appears twice" },
  /* Not UTF-8: where. */
  { HEAD "\"group\": \"te\xff\", \"answers\": []}",
    RD_IMPORT_ERROR_SYNTAX, "x.readiness-response: line 1, column 123: not valid UTF-8 text" },
  /* An escape that makes text that is not UTF-8: where, in the tree. */
  { HEAD "\"group\": \"teacher\", \"answers\": [{\"item\": \"a-\\333\", \"version\": 1, \"value\": 1}]}",
    RD_IMPORT_ERROR_SYNTAX, "x.readiness-response: answers[0].item: not valid UTF-8 text" },
  /* Nesting beyond the limit, refused before json-glib recurses into it. */
  { HEAD "\"group\": \"teacher\", \"answers\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    RD_IMPORT_ERROR_SYNTAX, "x.readiness-response: line 1, column 205: nested deeper than 64" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *test_case = data;
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = rd_response_file_parse (test_case->json, strlen (test_case->json),
                                                           "x.readiness-response", framework, &error);

  g_assert_null (response);
  g_assert_error (error, RD_IMPORT_ERROR, test_case->code);
  if (!g_str_has_prefix (error->message, test_case->message))
    g_error ("expected “%s”, got “%s”", test_case->message, error->message);
}

static char *
dump_database (const char *path)
{
  static const char *tables[] = { "school", "assessment", "respondent", "answer", "target" };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
test_add_responses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (responses, make_response (RD_GROUP_TEACHER));
  g_ptr_array_add (responses, make_response (RD_GROUP_TEACHER));
  g_ptr_array_add (responses, make_response (RD_GROUP_LEARNER));

  g_assert_true (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework,
                                         responses, &error));
  g_assert_no_error (error);

  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (respondents->len, ==, 3);
  g_assert_cmpint (((RdRespondent *) g_ptr_array_index (respondents, 2))->group, ==, RD_GROUP_LEARNER);
  g_assert_null (((RdRespondent *) g_ptr_array_index (respondents, 0))->pseudonym);
  answers = rd_store_list_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (answers->len, ==, 12);
}

/* One bad answer in the last response: nothing at all is added. */
static void
test_failed_import_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RdResponse *bad;

  /* Something already there, which must stay exactly as it is. */
  g_ptr_array_add (responses, make_response (RD_GROUP_LEADER));
  g_assert_true (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework,
                                         responses, &error));
  g_ptr_array_set_size (responses, 0);
  before = dump_database (fixture->path);

  g_ptr_array_add (responses, make_response (RD_GROUP_TEACHER));
  g_ptr_array_add (responses, make_response (RD_GROUP_TEACHER));
  bad = make_response (RD_GROUP_PARENT);
  rd_response_add_answer (bad, "b-share", 1)->value = 140;
  g_ptr_array_add (responses, bad);

  g_assert_false (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework,
                                          responses, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);

  after = dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* A complete assessment takes no responses at all. */
  g_clear_error (&error);
  g_ptr_array_remove_index (responses, 2);
  rd_store_set_assessment_status (fixture->store, fixture->assessment_id, RD_ASSESSMENT_STATUS_COMPLETE, NULL);
  g_assert_false (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework,
                                          responses, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
}

/* Three files, the last one bad: nothing is returned, the error names it. */
static void
test_load_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-load-all-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  GFile *files[3];

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u" RD_RESPONSE_FILE_SUFFIX, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(RdResponse) response = make_response (i == 0 ? RD_GROUP_TEACHER : RD_GROUP_PARENT);

      g_assert_true (rd_response_file_write (response, fixture->framework, NULL, path, &error));
      files[i] = g_file_new_for_path (path);
    }

  loaded = rd_response_file_load_all (files, 2, fixture->framework, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpint (((RdResponse *) g_ptr_array_index (loaded, 0))->group, ==, RD_GROUP_TEACHER);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  g_assert_true (g_file_replace_contents (files[2], "{}", 2, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
  loaded = rd_response_file_load_all (files, 3, fixture->framework, &error);
  g_assert_null (loaded);
  g_assert_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "p2" RD_RESPONSE_FILE_SUFFIX ": format: “format” is missing"));

  for (guint i = 0; i < 3; i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
}

static void
assert_load_fails (Fixture    *fixture,
                   const char *name,
                   int         code,
                   const char *message)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = rd_response_file_load (file, fixture->framework, &error);
  g_autoptr(GPtrArray) all = NULL;
  GFile *files[] = { file };

  g_assert_null (response);
  g_assert_error (error, RD_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* "Import Answers…" reads them this way. */
  all = rd_response_file_load_all (files, 1, fixture->framework, &error);
  g_assert_null (all);
  g_assert_error (error, RD_IMPORT_ERROR, code);
  g_remove (path);
}

/* Hostile files: JSON nested 80,000 deep (160 KB) overflowed the stack in
 * json-glib; a file over the size limit is refused unread (a hole that
 * would read as zero bytes). */
static void
test_hostile_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *deep = rd_test_deep_json (80000);
  g_autofree char *deep_path = g_build_filename (dir, "deep" RD_RESPONSE_FILE_SUFFIX, NULL);
  g_autofree char *big_path = g_build_filename (dir, "big" RD_RESPONSE_FILE_SUFFIX, NULL);

  rd_test_write_file (deep_path, deep);
  assert_load_fails (fixture, "deep" RD_RESPONSE_FILE_SUFFIX, RD_IMPORT_ERROR_SYNTAX,
                     "deep.readiness-response: line 1, column 65: nested deeper than 64");

  g_assert_cmpint (RD_RESPONSE_FILE_MAX_BYTES, ==, 1024 * 1024);
  rd_test_write_hole (big_path, RD_RESPONSE_FILE_MAX_BYTES + 1);
  assert_load_fails (fixture, "big" RD_RESPONSE_FILE_SUFFIX, RD_IMPORT_ERROR_TOO_LARGE,
                     "big.readiness-response: the file is 1.1 MB, more than the 1 MB a response file may have");
}

/* A response file's answers to items not asked of its group are read
 * and checked, then left out, and counted for the import to tell. */
static void
test_not_asked_left_out (void)
{
  static const char json[] =
    "{\"format\": \"readiness-response\", \"format_version\": 1, "
    "\"framework\": {\"id\": \"audience-fixture\", \"version\": \"1.0\"}, \"group\": \"learner\", "
    "\"answers\": [{\"item\": \"a-plan\", \"version\": 1, \"value\": 4}, "
    "{\"item\": \"b-speed\", \"version\": 1, \"value\": 100}, "
    "{\"item\": \"b-mfa\", \"version\": 1, \"not_applicable\": true}]}";
  g_autoptr(RdFramework) framework = rd_test_load_framework ("audience.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = rd_response_file_parse (json, strlen (json), "learner.readiness-response",
                                                           framework, &error);
  g_autoptr(RdResponse) copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (response->answers->len, ==, 1);
  g_assert_cmpstr (((RdAnswer *) g_ptr_array_index (response->answers, 0))->item_id, ==, "a-plan");
  g_assert_cmpuint (response->n_left_out, ==, 2);
  copy = rd_response_copy (response);
  g_assert_cmpuint (copy->n_left_out, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, rd_test_store_set_up, func, rd_test_store_tear_down)
  ADD ("/responses/file/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/responses/file/broken/%u", i);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  ADD ("/responses/file/load-all", test_load_all);
  ADD ("/responses/file/hostile", test_hostile_files);
  ADD ("/responses/store/add", test_add_responses);
  g_test_add_func ("/responses/file/not-asked-left-out", test_not_asked_left_out);
  ADD ("/responses/store/failed-import-changes-nothing", test_failed_import_changes_nothing);

  return g_test_run ();
}
