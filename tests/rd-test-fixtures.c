#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <glib/gstdio.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "rd-test-files.h"
#include "rd-test-fixtures.h"

void
rd_test_store_make_folder (RdTestStore *fixture)
{
  fixture->dir = rd_test_make_folder ("readiness-test-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "readiness.db", NULL);
}

void
rd_test_store_open (RdTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

void
rd_test_store_create (RdTestStore *fixture,
                      RdFramework *framework)
{
  rd_test_store_make_folder (fixture);
  fixture->framework = framework;
  rd_test_store_open (fixture);
}

void
rd_test_store_create_from_dump (RdTestStore *fixture,
                                const char  *dump,
                                RdFramework *framework)
{
  rd_test_store_make_folder (fixture);
  rd_test_database_from_dump (dump, fixture->path);
  fixture->framework = framework;
  rd_test_store_open (fixture);
}

gint64
rd_test_store_add_school (RdTestStore  *fixture,
                          const char   *name,
                          const char   *region,
                          RdSchoolType  type)
{
  g_autoptr(GError) error = NULL;

  fixture->school_id = rd_store_add_school (fixture->store, name, region, type, &error);
  g_assert_no_error (error);
  return fixture->school_id;
}

gint64
rd_test_store_add_assessment (RdTestStore      *fixture,
                              const char       *school_year,
                              RdAssessmentMode  mode)
{
  g_autoptr(GError) error = NULL;

  fixture->assessment_id = rd_store_add_assessment (fixture->store, fixture->school_id, school_year,
                                                    fixture->framework, mode, &error);
  g_assert_no_error (error);
  return fixture->assessment_id;
}

void
rd_test_store_add_respondents (RdTestStore      *fixture,
                               gint64            assessment_id,
                               RdAssessmentMode  mode,
                               RdGroup           group,
                               guint             n,
                               GRand            *rand,
                               double            lean)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (responses, rd_test_random_response (fixture->framework, mode, group, rand, lean));
  g_assert_true (rd_store_add_responses (fixture->store, assessment_id, fixture->framework, responses, &error));
  g_assert_no_error (error);
}

gint64
rd_test_add_two_years (RdStore     *store,
                       RdFramework *framework,
                       gint64       school_id,
                       gboolean     rises)
{
  static const double plan[2][4] = { { 1, 2, 2, 3 }, { 4, 5, 4, 5 } };
  static const double team[2][4] = { { 2, 2, 3, 3 }, { 4, 4, 4, 5 } };
  static const double same[4] = { 3, 3, 4, 4 };
  static const char * const years[] = { "2025-2026", "2026-2027" };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  for (guint y = 0; y < 2; y++)
    {
      g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);

      id = rd_store_add_assessment (store, school_id, years[y], framework, RD_ASSESSMENT_MODE_FULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 4; i++)
        {
          RdResponse *response = rd_response_new (RD_GROUP_TEACHER);

          rd_response_add_answer (response, "a-plan", 1)->value = rises ? plan[y][i] : same[i];
          rd_response_add_answer (response, "a-team", 2)->value = rises ? team[y][i] : same[i];
          if (i == 0 && rises)
            rd_response_add_answer (response, "b-share", 1)->value = y == 0 ? 40 : 90;
          g_ptr_array_add (responses, response);
        }
      g_assert_true (rd_store_add_responses (store, id, framework, responses, &error));
      g_assert_no_error (error);
      if (y == 0 && rises)
        {
          static const char * const linked[] = { "b-share", "a-plan", "b-mfa", NULL };
          RdActionInfo done = { .title = "Devices for all teachers", .factor = RD_FACTOR_CAPACITY,
                                .item_ids = linked, .status = RD_ACTION_STATUS_DONE };

          rd_store_add_action (store, id, &done, &error);
          g_assert_no_error (error);
        }
    }
  return id;
}

void
rd_test_store_clear (RdTestStore *fixture)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->framework);
  if (fixture->dir != NULL)
    rd_test_remove_folder (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  fixture->school_id = fixture->assessment_id = 0;
}

void
rd_test_store_set_up (RdTestStore   *fixture,
                      gconstpointer  data)
{
  rd_test_store_create (fixture, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (fixture, "School", NULL, RD_SCHOOL_TYPE_UNSET);
  rd_test_store_add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_FULL);
}

void
rd_test_store_tear_down (RdTestStore   *fixture,
                         gconstpointer  data)
{
  rd_test_store_clear (fixture);
}

/* A framework from tests/data/frameworks/, which must load. */
RdFramework *
rd_test_load_framework (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RdFramework *framework = rd_framework_new_from_file (file, &error);

  g_assert_no_error (error);
  return framework;
}

/* The database, its WAL files and the temporary folder it was made in. */
void
rd_test_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

void
rd_test_database_from_dump (const char *name,
                            const char *path)
{
  g_autofree char *dump_path = g_test_build_filename (G_TEST_DIST, "data", "store", name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (dump_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

char *
rd_test_next_edition_json (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/frameworks/digital-readiness-1.0.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *items;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "version", "2.0");
  items = json_object_get_array_member (root, "items");
  for (guint i = json_array_get_length (items); i-- > 0;)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");

      if (g_str_equal (id, "con-bandwidth"))
        json_object_set_int_member (item, "version", 2);
      else if (g_str_equal (id, "eng-joint-procurement"))
        json_array_remove_element (items, i);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

RdFramework *
rd_test_load_next_edition (void)
{
  g_autofree char *text = rd_test_next_edition_json ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RdFramework *framework = rd_framework_new_from_bytes (bytes, "next.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rd_framework_get_n_items (framework), ==, 57);
  return framework;
}

static double
bounded_normal (GRand  *rand,
                double  mean,
                double  deviation)
{
  /* Box–Muller: plausible scores bunch around the middle. */
  double u = g_rand_double_range (rand, 1e-9, 1.0), v = g_rand_double (rand);

  return CLAMP (mean + deviation * sqrt (-2 * log (u)) * cos (2 * G_PI * v), 0.0, 100.0);
}

RdExchangeAssessment *
rd_test_summary_assessment (RdFramework *framework,
                            GRand       *rand,
                            char        *uuid,
                            const char  *school_year,
                            gint64       created)
{
  RdExchangeAssessment *assessment = rd_exchange_assessment_new ();
  double lean = bounded_normal (rand, 55, 14);
  guint n_respondents = (guint) g_rand_int_range (rand, 1, 31);

  assessment->uuid = uuid;
  assessment->school_year = g_strdup (school_year);
  assessment->framework_version = g_strdup (rd_framework_get_version (framework));
  assessment->mode = RD_ASSESSMENT_MODE_FULL;
  assessment->status = RD_ASSESSMENT_STATUS_COMPLETE;
  assessment->created = created;
  assessment->completed = created + 86400;
  assessment->content = RD_EXCHANGE_SUMMARY;
  assessment->scores = rd_assessment_scores_new (framework);
  assessment->scores->n_respondents = n_respondents;
  assessment->scores->group_sizes[RD_GROUP_TEACHER] = n_respondents;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      assessment->targets[f] = rd_framework_get_default_target (framework, f);
      /* Now and then too few answers for a factor. */
      assessment->scores->factor[f] = g_rand_int_range (rand, 0, 40) == 0 ? NAN : bounded_normal (rand, lean, 12);
      assessment->scores->factor_spread[f] = n_respondents > 1 ? g_rand_double_range (rand, 6, 22) : NAN;
      assessment->scores->factor_n[f] = n_respondents;
    }
  for (guint a = 0; a < assessment->scores->n_areas; a++)
    assessment->scores->area[a] = bounded_normal (rand, lean, 15);
  return assessment;
}

/* An answer given on 1 January 2026, appended to @answers. */
RdAnswer *
rd_test_add_answer (GPtrArray  *answers,
                    gint64      respondent,
                    RdGroup     group,
                    const char *item_id,
                    guint       version,
                    double      value)
{
  RdAnswer *answer = rd_answer_new ();

  answer->respondent_id = respondent;
  answer->group = group;
  answer->item_id = g_strdup (item_id);
  answer->item_version = version;
  answer->value = value;
  answer->answered = 1767225600;
  g_ptr_array_add (answers, answer);
  return answer;
}

/* One respondent's plausible answers to every item of @mode, leaning to
 * the top of the scale by @lean (0–1). */
RdResponse *
rd_test_random_response (RdFramework      *framework,
                         RdAssessmentMode  mode,
                         RdGroup           group,
                         GRand            *rand,
                         double            lean)
{
  RdResponse *response = rd_response_new (group);

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      RdAnswer *answer;
      double u = MIN (1.0, g_rand_double (rand) * (1 - lean) + lean * g_rand_double_range (rand, 0.4, 1.0));

      if (!rd_framework_item_in_mode (framework, item, mode))
        continue;
      answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
      if (g_rand_int_range (rand, 0, 25) == 0)
        {
          answer->not_applicable = TRUE;
          continue;
        }
      switch (rd_item_get_kind (item))
        {
        case RD_ITEM_KIND_STATEMENT:
          answer->value = 1 + floor (u * 4.999);
          break;
        case RD_ITEM_KIND_YES_NO:
          answer->value = u > 0.5 ? 1 : 0;
          break;
        case RD_ITEM_KIND_PERCENT:
          answer->value = floor (u * 100);
          break;
        case RD_ITEM_KIND_NUMBER:
          {
            double min = rd_item_get_min (item), max = MIN (rd_item_get_max (item), min + 1200);

            /* Whole numbers, but never below a fractional minimum (0.1). */
            answer->value = MAX (min, floor (min + u * (max - min)));
          }
          break;
        case RD_ITEM_KIND_DATE:
        default:
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, 1, (GDateMonth) (1 + (int) (u * 11)), 2024);
            answer->julian_day = g_date_get_julian (&date);
          }
          break;
        }
    }
  return response;
}

/* Three people of small.json with every kind of answer, a not applicable
 * and unanswered items; the third person is of @third_group. */
GPtrArray *
rd_test_sample_answers (RdGroup third_group)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  GDate review;

  g_date_clear (&review, 1);
  g_date_set_dmy (&review, 15, G_DATE_MARCH, 2025);

  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "a-plan", 1, 4);
  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "a-team", 2, 5);
  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "a-review", 1, NAN)->julian_day = g_date_get_julian (&review);
  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "b-speed", 1, 250.5);
  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "b-share", 1, 95);
  rd_test_add_answer (answers, 40, RD_GROUP_LEADER, "b-mfa", 1, 1);
  rd_test_add_answer (answers, 7, RD_GROUP_TEACHER, "a-plan", 1, 2);
  rd_test_add_answer (answers, 7, RD_GROUP_TEACHER, "b-mfa", 1, 0);
  rd_test_add_answer (answers, 7, RD_GROUP_TEACHER, "b-share", 1, NAN)->not_applicable = TRUE;
  rd_test_add_answer (answers, 9, third_group, "b-speed", 1, 0.25);
  return answers;
}

char *
rd_test_deep_json (guint depth)
{
  GString *text = g_string_sized_new (2 * depth);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

void
rd_test_write_file (const char *path,
                    const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

void
rd_test_write_hole (const char *path,
                    goffset     size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_close (fd, NULL);
}
