/* readiness-cli end to end: a region of schools is built with the core in
 * a temporary folder, and the real binary ($READINESS_CLI) is run on it. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-csv.h"
#include "rd-store.h"
#include "rd-test-files.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9
#define YEAR "2026-2027"

static char *cli_path;
static char *tmp_dir;
static char *framework_path;   /* tests/data/frameworks/small.json */
static char *region_db;        /* the schools' own data, made by make_region () */

/* Running the binary */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean run_as_nobody;
/* Copies that user nobody can reach wherever the checkout lies (a clone
 * under a private home is closed to other users). */
static char *nobody_cli_path;
static char *nobody_framework_path;

/* root writes anywhere: a read-only file needs another user to be one. */
static void
become_nobody (gpointer data)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (125);
}

/* English messages, and a home of its own: the user's own default
 * database must never be touched. */
static void
run_argv (Run         *run,
          const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (tmp_dir, "xdg", NULL);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  if (run_as_nobody)
    g_subprocess_launcher_set_child_setup (launcher, become_nobody, NULL, NULL);

  g_ptr_array_add (argv, run_as_nobody ? nobody_cli_path : cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));   /* no crash */
  run->status = g_subprocess_get_exit_status (process);
  {
    g_autofree char *line = g_strjoinv (" ", (char **) args);

    g_test_message ("readiness-cli %s -> %d\n%s%s", line, run->status, run->out, run->err);
  }
}

#define run_cli(run, ...) G_STMT_START { \
  const char *cli_args_[] = { __VA_ARGS__, NULL }; \
  run_clear (run); \
  run_argv (run, cli_args_); \
} G_STMT_END

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static guint
file_mode (const char *path)
{
  struct stat info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

static gint64
count_rows (const char *db_path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_sql (const char *db_path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}


/* The region.
 *
 * Answers to tests/data/frameworks/small.json, a-review left unanswered.
 * Item scores: a statement (v − 1) / 4 × 100; b-speed 0 → 0, 100 → 50,
 * 1000 → 100; b-share 0 → 0, 50 → 50, 90 → 100; b-mfa no 0, yes 100. An
 * item's score is the mean over the respondents, and then
 *   strategy   = (2 plan + speed) / 3        (a-review unanswered)
 *   engagement = (plan + team) / 2
 *   capacity   = (team + 2 share + mfa) / 4
 *   investment = (speed + share) / 2
 *   alpha      = (plan + team) / 2,   beta = (speed + share + mfa) / 3
 *
 *  school (region Noord)     respondents              strat  engag  capac  invest alpha  beta
 *  Atheneum Noord            3 × (5, 5, 1000, 90, 1)   100    100    100    100    100   100
 *  Basisschool De Linde      (2, 2, 0, 0, 0) and       50     50     37.5   50     50    33.33
 *                            (4, 4, 1000, 90, 0)
 *  College Sint-Jan          2 × (1, 2, 0, 0, 1)       0      12.5   31.25  0      12.5  33.33
 *  De Regenboog              1 × (4, 4, 100, 90, 1)    66.67  75     93.75  75     75    83.33
 *
 * Targets are the framework's (70, 60, 65, 60) but De Regenboog's strategy
 * 60 and De Linde's engagement 50 (exactly reached). A fifth school in region
 * Zuid is named like a spreadsheet formula. Atheneum Noord also has a
 * pulse assessment of the year (which the comparison must pass over for
 * the full one) and one of 2025-2026. */

typedef struct
{
  double plan, team, speed, share, mfa;
} Answers;

static void
add_respondent (RdStore          *store,
                RdFramework      *framework,
                gint64            assessment_id,
                RdAssessmentMode  mode,
                const Answers    *answers)
{
  g_autoptr(GError) error = NULL;
  gint64 respondent = rd_store_add_respondent (store, assessment_id, RD_GROUP_TEACHER, NULL, &error);
  const char *items[] = { "a-plan", "a-team", "b-speed", "b-share", "b-mfa" };
  const double values[] = { answers->plan, answers->team, answers->speed, answers->share, answers->mfa };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      RdItem *item = rd_framework_lookup_item (framework, items[i]);

      if (!rd_framework_item_in_mode (framework, item, mode))
        continue;
      rd_store_set_answer_value (store, respondent, item, values[i], &error);
      g_assert_no_error (error);
    }
}

/* A school with a full assessment of YEAR: each of @answers given by
 * @n_copies respondents. */
static gint64
add_school (RdStore       *store,
            RdFramework   *framework,
            const char    *name,
            const char    *region,
            const char    *school_type,
            const Answers *answers,
            guint          n_answers,
            guint          n_copies,
            gint64        *school)
{
  g_autoptr(GError) error = NULL;
  RdSchoolType type = RD_SCHOOL_TYPE_UNSET;
  gint64 assessment;

  g_assert_true (school_type == NULL || rd_school_type_from_id (school_type, &type));
  *school = rd_store_add_school (store, name, region, type, &error);
  g_assert_no_error (error);
  assessment = rd_store_add_assessment (store, *school, YEAR, framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_answers; i++)
    for (guint c = 0; c < n_copies; c++)
      add_respondent (store, framework, assessment, RD_ASSESSMENT_MODE_FULL, &answers[i]);
  return assessment;
}

static void
make_region (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  g_autoptr(RdStore) store = NULL;
  const Answers atheneum = { 5, 5, 1000, 90, 1 };
  const Answers linde[] = { { 2, 2, 0, 0, 0 }, { 4, 4, 1000, 90, 0 } };
  const Answers college = { 1, 2, 0, 0, 1 };
  const Answers regenboog = { 4, 4, 100, 90, 1 };
  const Answers zuid = { 3, 3, 100, 50, 1 };
  const Answers low = { 1, 1, 0, 0, 0 };
  gint64 assessment, pulse, last_year, school;

  g_assert_no_error (error);
  region_db = temp_path ("region.db");
  store = rd_store_open (region_db, &error);
  g_assert_no_error (error);

  assessment = add_school (store, framework, "Atheneum Noord", "Noord", "secondary", &atheneum, 1, 3, &school);
  pulse = rd_store_add_assessment (store, school, YEAR, framework, RD_ASSESSMENT_MODE_PULSE, &error);
  g_assert_no_error (error);
  add_respondent (store, framework, pulse, RD_ASSESSMENT_MODE_PULSE, &low);
  last_year = rd_store_add_assessment (store, school, "2025-2026", framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  add_respondent (store, framework, last_year, RD_ASSESSMENT_MODE_FULL, &low);
  rd_store_set_assessment_status (store, assessment, RD_ASSESSMENT_STATUS_COMPLETE, &error);
  g_assert_no_error (error);

  assessment = add_school (store, framework, "Basisschool De Linde", "Noord", "primary", linde, 2, 1, &school);
  rd_store_set_target (store, assessment, RD_FACTOR_ENGAGEMENT, 50, &error);
  g_assert_no_error (error);
  add_school (store, framework, "College Sint-Jan", "Noord", "secondary", &college, 1, 2, &school);
  assessment = add_school (store, framework, "De Regenboog", "Noord", "primary", &regenboog, 1, 1, &school);
  rd_store_set_target (store, assessment, RD_FACTOR_STRATEGY, 60, &error);
  g_assert_no_error (error);
  add_school (store, framework, "=HYPERLINK(\"http://x\")", "Zuid", "special", &zuid, 1, 1, &school);
}

/* What the comparison of region Noord must say, worked out above. */

enum { ATHENEUM, LINDE, COLLEGE, REGENBOOG, N_NOORD };

static const char * const noord_names[N_NOORD] = {
  "Atheneum Noord", "Basisschool De Linde", "College Sint-Jan", "De Regenboog",
};
static const char * const factor_ids[] = { "strategy", "engagement", "capacity", "investment" };
static const double readiness[N_NOORD][4] = {
  { 100, 100, 100, 100 },
  { 50, 50, 37.5, 50 },
  { 0, 12.5, 31.25, 0 },
  { 200.0 / 3, 75, 93.75, 75 },
};
static const double targets[N_NOORD][4] = {
  { 70, 60, 65, 60 },
  { 70, 50, 65, 60 },
  { 70, 60, 65, 60 },
  { 60, 60, 65, 60 },
};
static const double areas[N_NOORD][2] = {
  { 100, 100 },
  { 50, 100.0 / 3 },
  { 12.5, 100.0 / 3 },
  { 75, 250.0 / 3 },
};
static const guint respondents[N_NOORD] = { 3, 2, 2, 1 };

/* Atheneum's three respondents agree (spread 0), so its 100s lie above the
 * others' median; so do College's two, below. De Linde's two disagree so
 * much that its interval holds the others' median; De Regenboog has one
 * respondent and cannot be tested. */
static const char * const differences[N_NOORD] = { "higher", "not different", "lower", "not tested" };

/* QUARTILE.INC of four values x0 ≤ x1 ≤ x2 ≤ x3: Q1 = x0 + ¾ (x1 − x0),
 * median = (x1 + x2) / 2, Q3 = x2 + ¼ (x3 − x2). */
static const double factor_distribution[4][5] = {
  /*          min    Q1       median     Q3       max */
  /* 0, 50, 66.67, 100 */
  { 0, 37.5, (50 + 200.0 / 3) / 2, 75, 100 },
  /* 12.5, 50, 75, 100 */
  { 12.5, 40.625, 62.5, 81.25, 100 },
  /* 31.25, 37.5, 93.75, 100 */
  { 31.25, 35.9375, 65.625, 95.3125, 100 },
  /* 0, 50, 75, 100 */
  { 0, 37.5, 62.5, 81.25, 100 },
};
/* 33.33, 33.33, 83.33, 100 */
static const double beta_distribution[5] = { 100.0 / 3, 100.0 / 3, (100.0 / 3 + 250.0 / 3) / 2, 87.5, 100 };
/* De Linde's engagement 50 reaches its target 50; strictly below counts. */
static const guint below_target[4] = { 2, 1, 2, 2 };

/* The app's gap, written out here rather than taken from the core: 0 at
 * or above the target. */
static double
expected_gap (guint school,
              guint factor)
{
  return MAX (0.0, targets[school][factor] - readiness[school][factor]);
}

static void
assert_near (double actual,
             double expected)
{
  if (fabs (actual - expected) > EPSILON)
    g_error ("expected %.12g, got %.12g", expected, actual);
}

static guint
noord_index (const char *name)
{
  for (guint i = 0; i < N_NOORD; i++)
    if (g_str_equal (name, noord_names[i]))
      return i;
  g_error ("unexpected school “%s”", name);
  return 0;
}

static void
assert_distribution (JsonObject   *distribution,
                     const double  expected[5])
{
  static const char * const keys[] = { "min", "q1", "median", "q3", "max" };

  g_assert_cmpint (json_object_get_int_member (distribution, "n"), ==, N_NOORD);
  g_assert_cmpint (json_object_get_int_member (distribution, "missing"), ==, 0);
  for (guint k = 0; k < 5; k++)
    assert_near (json_object_get_double_member (distribution, keys[k]), expected[k]);
}

/* The region Noord's comparison in JSON against the figures above. */
static void
assert_noord_json (const char *text,
                   gboolean    answers)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonObject *object = json_node_get_object (root);
  JsonArray *schools = json_object_get_array_member (object, "schools");
  JsonArray *factors = json_object_get_array_member (object, "factors");
  JsonArray *area_list = json_object_get_array_member (object, "areas");

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "readiness-comparison");
  g_assert_cmpint (json_object_get_int_member (object, "format_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "school_year"), ==, YEAR);
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "Noord");
  g_assert_cmpuint (json_array_get_length (schools), ==, N_NOORD);

  for (guint i = 0; i < N_NOORD; i++)
    {
      JsonObject *school = json_array_get_object_element (schools, i);
      guint s = noord_index (json_object_get_string_member (school, "name"));
      JsonObject *school_factors = json_object_get_object_member (school, "factors");
      JsonObject *school_areas = json_object_get_object_member (school, "areas");

      g_assert_cmpint (json_object_get_int_member (school, "respondents"), ==, respondents[s]);
      for (guint f = 0; f < 4; f++)
        {
          JsonObject *factor = json_object_get_object_member (school_factors, factor_ids[f]);

          assert_near (json_object_get_double_member (factor, "readiness"), readiness[s][f]);
          assert_near (json_object_get_double_member (factor, "target"), targets[s][f]);
          assert_near (json_object_get_double_member (factor, "gap"), expected_gap (s, f));
          if (answers)
            g_assert_cmpstr (json_object_get_string_member (factor, "difference"), ==, differences[s]);
        }
      assert_near (json_object_get_double_member (school_areas, "alpha"), areas[s][0]);
      assert_near (json_object_get_double_member (school_areas, "beta"), areas[s][1]);
    }

  g_assert_cmpuint (json_array_get_length (factors), ==, 4);
  for (guint f = 0; f < 4; f++)
    {
      JsonObject *factor = json_array_get_object_element (factors, f);

      g_assert_cmpstr (json_object_get_string_member (factor, "id"), ==, factor_ids[f]);
      assert_distribution (json_object_get_object_member (factor, "distribution"), factor_distribution[f]);
      g_assert_cmpint (json_object_get_int_member (factor, "below_target"), ==, below_target[f]);
      g_assert_cmpint (json_object_get_int_member (factor, "reached_target"), ==, N_NOORD - below_target[f]);
    }
  g_assert_cmpuint (json_array_get_length (area_list), ==, 2);
  assert_distribution (json_object_get_object_member (json_array_get_object_element (area_list, 0),
                                                      "distribution"), factor_distribution[1]);
  assert_distribution (json_object_get_object_member (json_array_get_object_element (area_list, 1),
                                                      "distribution"), beta_distribution);
}

static char **
json_school_names (const char *text)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonArray *schools = json_object_get_array_member (json_node_get_object (root), "schools");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (schools); i++)
    g_strv_builder_add (names, json_object_get_string_member (json_array_get_object_element (schools, i), "name"));
  return g_strv_builder_end (names);
}

/* Tests */

static void
test_usage (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_path ("usage.db");
  const char *commands[] = { "import", "export", "compare", "report", "framework", "schools" };

  run_cli (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));
  g_assert_nonnull (strstr (run.out, "Exit status:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&run, commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Usage:"));
      g_assert_nonnull (strstr (run.out, "--database"));
    }

  run_cli (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "readiness-cli " PACKAGE_VERSION));

  /* Bad usage: 1, the problem and the usage on stderr, nothing on stdout. */
  {
    const char *bad[][8] = {
      { NULL },
      { "frobnicate" },
      { "schools", "--bogus" },
      { "--bogus", "schools" },
      { "schools", "--format", "xml" },
      { "schools", "extra" },
      { "import" },
      { "export", "--all" },
      { "export", "--output", "x.readiness" },
      { "compare" },
      { "compare", "--year", "2026" },
      { "compare", "--year", YEAR, "--sort", "height" },
      { "compare", "--year", YEAR, "--format", "xml" },
      { "report", "--school", "X", "--year", YEAR },
      { "report", "--school", "X", "--output", "x.pdf" },
      { "report", "--assessment", "1", "--year", YEAR, "--output", "x.pdf" },
      { "framework" },
      { "framework", "check", "x.json" },
      { "framework", "validate" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new ();

        g_ptr_array_add (args, "--database");
        g_ptr_array_add (args, db);
        for (guint a = 0; bad[i][a] != NULL; a++)
          g_ptr_array_add (args, (gpointer) bad[i][a]);
        g_ptr_array_add (args, NULL);
        run_clear (&run);
        run_argv (&run, (const char **) args->pdata);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, "readiness-cli: "));
        g_assert_nonnull (strstr (run.err, "Usage:"));
        g_assert_cmpstr (run.out, ==, "");
      }
  }

  /* None of it made a database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_framework_validate (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *broken_dir = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "broken", NULL);
  g_autoptr(GDir) dir = g_dir_open (broken_dir, 0, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: valid (6 items in 2 areas)\n", framework_path);
  g_autofree char *missing = temp_path ("missing.json");
  const char *name;
  guint n_broken = 0;

  run_cli (&run, "framework", "validate", framework_path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");

  run_cli (&run, "framework", "validate", "--framework", framework_path, framework_path);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (broken_dir, name, NULL);
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);

      run_cli (&run, "framework", "validate", path);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, prefix));
      n_broken++;

      /* One broken file among good ones still fails, and says which. */
      run_cli (&run, "framework", "validate", framework_path, path);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, expected);
      g_assert_true (g_str_has_prefix (run.err, prefix));
    }
  g_assert_cmpuint (n_broken, >, 10);

  run_cli (&run, "framework", "validate", missing);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "missing.json: No such file"));

  /* A broken --framework is an invalid input file for every command. */
  {
    g_autofree char *broken = g_build_filename (broken_dir, "unknown-factor.json", NULL);

    run_cli (&run, "compare", "--database", region_db, "--framework", broken, "--year", YEAR);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown factor"));
  }
}

static void
test_schools (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *schools;
  JsonObject *atheneum;

  run_cli (&run, "schools", "--database", region_db);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "School years"));
  g_assert_nonnull (strstr (run.out, "Atheneum Noord"));
  g_assert_nonnull (strstr (run.out, "2025-2026, 2026-2027"));
  g_assert_nonnull (strstr (run.out, "Secondary education"));

  run_cli (&run, "--database", region_db, "schools", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "id,name,region,type,school_years\r\n"));
  g_assert_nonnull (strstr (run.out, "1,Atheneum Noord,Noord,secondary,2025-2026 2026-2027\r\n"));
  /* Neutralised for spreadsheets, and quoted for its quotes. */
  g_assert_nonnull (strstr (run.out, ",\"'=HYPERLINK(\"\"http://x\"\")\",Zuid,special,2026-2027\r\n"));

  run_cli (&run, "schools", "--database", region_db, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  schools = json_object_get_array_member (json_node_get_object (root), "schools");
  g_assert_cmpuint (json_array_get_length (schools), ==, 5);
  atheneum = json_array_get_object_element (schools, 1);   /* "=HYPERLINK" sorts first */
  g_assert_cmpstr (json_object_get_string_member (atheneum, "name"), ==, "Atheneum Noord");
  g_assert_cmpstr (json_object_get_string_member (atheneum, "region"), ==, "Noord");
  g_assert_cmpstr (json_object_get_string_member (atheneum, "type"), ==, "secondary");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (atheneum, "school_years")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (atheneum, "assessments")), ==, 3);
}

/* Each school's years from one list of every school's assessments, by
 * school id, while the schools come by name: a school without any, the
 * last id without any, years added out of order, one in the trash. */
static void
test_schools_years_by_school (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  g_autofree char *db = temp_path ("years-by-school.db");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *schools;
  gint64 zeta, mid, gone, trashed;

  g_assert_no_error (error);
  {
    g_autoptr(RdStore) store = rd_store_open (db, &error);

    g_assert_no_error (error);
    zeta = rd_store_add_school (store, "Zeta", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    rd_store_add_school (store, "Alpha", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    mid = rd_store_add_school (store, "Mid", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    gone = rd_store_add_school (store, "Gone", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    rd_store_add_school (store, "Beta", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    rd_store_add_assessment (store, zeta, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
    rd_store_add_assessment (store, zeta, "2024-2025", framework, RD_ASSESSMENT_MODE_FULL, &error);
    trashed = rd_store_add_assessment (store, zeta, "2025-2026", framework, RD_ASSESSMENT_MODE_FULL, &error);
    rd_store_add_assessment (store, mid, "2026-2027", framework, RD_ASSESSMENT_MODE_PULSE, &error);
    rd_store_add_assessment (store, gone, "2023-2024", framework, RD_ASSESSMENT_MODE_FULL, &error);
    rd_store_trash_assessment (store, trashed, &error);
    rd_store_trash_school (store, gone, &error);
    g_assert_no_error (error);
  }

  run_cli (&run, "schools", "--database", db, "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "id,name,region,type,school_years\r\n"
                   "2,Alpha,,,\r\n"
                   "5,Beta,,,\r\n"
                   "3,Mid,,,2026-2027\r\n"
                   "1,Zeta,,,2024-2025 2026-2027\r\n");

  run_cli (&run, "schools", "--database", db);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2024-2025, 2026-2027"));
  g_assert_null (strstr (run.out, "2025-2026"));

  run_cli (&run, "schools", "--database", db, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  schools = json_object_get_array_member (json_node_get_object (root), "schools");
  g_assert_cmpuint (json_array_get_length (schools), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *school = json_array_get_object_element (schools, i);
      const guint expected[] = { 0, 0, 1, 2 };

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (school, "assessments")), ==,
                        expected[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (school, "school_years")), ==,
                        expected[i]);
    }
}

static void
test_compare_json (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) names = NULL;

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_noord_json (run.out, TRUE);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "Atheneum Noord", "Basisschool De Linde",
                                                     "College Sint-Jan", "De Regenboog", NULL }));
  g_clear_pointer (&names, g_strfreev);

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json", "--sort", "strategy", "--descending");
  g_assert_cmpint (run.status, ==, 0);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "Atheneum Noord", "De Regenboog", "Basisschool De Linde",
                                                     "College Sint-Jan", NULL }));
  g_clear_pointer (&names, g_strfreev);

  /* Furthest below the capacity target first (33.75, 27.5); the two above
   * their target both have the gap 0 and follow by name. */
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json", "--sort", "gap-capacity", "--descending");
  g_assert_cmpint (run.status, ==, 0);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "College Sint-Jan", "Basisschool De Linde", "Atheneum Noord",
                                                     "De Regenboog", NULL }));
  g_clear_pointer (&names, g_strfreev);

  /* Equal beta scores go by name. */
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json", "--sort", "area-beta");
  g_assert_cmpint (run.status, ==, 0);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "Basisschool De Linde", "College Sint-Jan", "De Regenboog",
                                                     "Atheneum Noord", NULL }));
  g_clear_pointer (&names, g_strfreev);

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--type", "special", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "=HYPERLINK(\"http://x\")", NULL }));
  g_clear_pointer (&names, g_strfreev);

  /* A type by its id or by the name the app shows, in any letter case;
   * the output names it by its id. */
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--type", " secondary Education", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  names = json_school_names (run.out);
  g_assert_cmpstrv (names, ((const char * const[]) { "Atheneum Noord", "College Sint-Jan", NULL }));
  g_assert_nonnull (strstr (run.out, "\"type\": \"secondary\""));
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--type", "PRIMARY");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ", type “Primary education”"));
  g_assert_null (strstr (run.out, "Atheneum Noord"));

  /* Free text is no type: refused, with the choices. */
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--type", "basisschool");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Unknown school type “basisschool”: use primary, secondary, vocational, "
                                     "special or other"));
}

/* CSV rounds to two decimals (data/formats/COMPARISON-EXPORT.md). */
static void
assert_rounded (double actual,
                double expected)
{
  if (fabs (actual - expected) > 0.005 + EPSILON)
    g_error ("expected %.12g to two decimals, got %.12g", expected, actual);
}

static guint
csv_column (const RdCsvTable *table,
            const char       *header)
{
  for (guint c = 0; c < rd_csv_table_get_n_columns (table); c++)
    if (g_str_equal (rd_csv_table_get_header (table, c), header))
      return c;
  g_error ("no column “%s”", header);
  return 0;
}

static const char *
csv_text (const RdCsvTable *table,
          guint             row,
          const char       *header)
{
  return rd_csv_table_get_cell (table, row, csv_column (table, header));
}

static double
csv_number (const RdCsvTable *table,
            guint             row,
            const char       *header)
{
  const char *cell = csv_text (table, row, header);
  char *end = NULL;
  double value = g_ascii_strtod (cell, &end);

  g_assert_true (*cell != '\0' && *end == '\0');
  return value;
}

static RdCsvTable *
compare_csv (Run        *run,
             const char *view,
             const char *region)
{
  g_autoptr(GError) error = NULL;
  RdCsvTable *table;

  run_cli (run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--format", "csv", "--view", view, "--region", region);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_suffix (run->out, "\r\n"));
  table = rd_csv_parse (run->out, strlen (run->out), "compare.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_csv_table_get_separator (table), ==, ',');
  return table;
}

static void
test_compare_csv (void)
{
  static const char * const stats[] = { "min", "q1", "median", "q3", "max" };
  g_auto(Run) run = { 0 };
  g_autoptr(RdCsvTable) table = NULL;

  table = compare_csv (&run, "factors", "Noord");
  g_assert_true (g_str_has_prefix (run.out, "school,region,school-type,respondents,strategy-readiness,"
                                            "strategy-target,strategy-gap,strategy-difference,"));
  g_assert_cmpuint (rd_csv_table_get_n_columns (table), ==, 4 + 4 * 4);
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, N_NOORD);
  for (guint r = 0; r < N_NOORD; r++)
    {
      guint s = noord_index (csv_text (table, r, "school"));

      g_assert_cmpuint (s, ==, r);   /* by name */
      g_assert_cmpstr (csv_text (table, r, "region"), ==, "Noord");
      assert_near (csv_number (table, r, "respondents"), respondents[s]);
      for (guint f = 0; f < 4; f++)
        {
          g_autofree char *value = g_strconcat (factor_ids[f], "-readiness", NULL);
          g_autofree char *target = g_strconcat (factor_ids[f], "-target", NULL);
          g_autofree char *gap = g_strconcat (factor_ids[f], "-gap", NULL);
          g_autofree char *difference = g_strconcat (factor_ids[f], "-difference", NULL);

          assert_rounded (csv_number (table, r, value), readiness[s][f]);
          assert_rounded (csv_number (table, r, target), targets[s][f]);
          assert_rounded (csv_number (table, r, gap), expected_gap (s, f));
          g_assert_cmpstr (csv_text (table, r, difference), ==, differences[s]);
        }
    }
  g_clear_pointer (&table, rd_csv_table_free);

  table = compare_csv (&run, "areas", "Noord");
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, N_NOORD);
  for (guint r = 0; r < N_NOORD; r++)
    {
      assert_rounded (csv_number (table, r, "alpha"), areas[r][0]);
      assert_rounded (csv_number (table, r, "beta"), areas[r][1]);
    }
  g_clear_pointer (&table, rd_csv_table_free);

  table = compare_csv (&run, "distribution", "Noord");
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 4 + 2);
  for (guint r = 0; r < 6; r++)
    {
      const double *expected = r < 4 ? factor_distribution[r] : r == 4 ? factor_distribution[1] : beta_distribution;

      g_assert_cmpstr (csv_text (table, r, "kind"), ==, r < 4 ? "factor" : "area");
      g_assert_cmpstr (csv_text (table, r, "id"), ==, r < 4 ? factor_ids[r] : r == 4 ? "alpha" : "beta");
      assert_near (csv_number (table, r, "n"), N_NOORD);
      assert_near (csv_number (table, r, "missing"), 0);
      for (guint k = 0; k < G_N_ELEMENTS (stats); k++)
        assert_rounded (csv_number (table, r, stats[k]), expected[k]);
    }
  g_clear_pointer (&table, rd_csv_table_free);

  table = compare_csv (&run, "below-target", "Noord");
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 4);
  for (guint f = 0; f < 4; f++)
    {
      g_assert_cmpstr (csv_text (table, f, "factor"), ==, factor_ids[f]);
      assert_near (csv_number (table, f, "below"), below_target[f]);
      assert_near (csv_number (table, f, "reached"), N_NOORD - below_target[f]);
      assert_near (csv_number (table, f, "unknown"), 0);
    }
  g_clear_pointer (&table, rd_csv_table_free);

  /* Every region: the formula-like name is neutralised. */
  table = compare_csv (&run, "factors", "");
  g_assert_cmpuint (rd_csv_table_get_n_rows (table), ==, 5);
  g_assert_cmpstr (csv_text (table, 0, "school"), ==, "'=HYPERLINK(\"http://x\")");

  /* The export's order is by name: another order is refused, not ignored. */
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--format", "csv", "--sort", "strategy");
  g_assert_cmpint (run.status, ==, 1);
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--format", "csv", "--view", "heights");
  g_assert_cmpint (run.status, ==, 1);
  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--format", "json", "--view", "areas");
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_compare_text (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *header = NULL;
  const char *atheneum = NULL;

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "School year 2026-2027, 4 schools, framework “Small fixture” 1.0, "
                                            "region “Noord”\n"));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "School ") && strstr (lines[i], "score") != NULL)
        header = lines[i];
      if (g_str_has_prefix (lines[i], "Atheneum Noord"))
        atheneum = lines[i];
    }
  g_assert_nonnull (header);
  g_assert_nonnull (atheneum);
  /* Aligned: the school's respondents end where the header's "Resp." does. */
  g_assert_cmpint (strstr (header, "Resp.") - header + 5, ==, strstr (atheneum, "3 ") - atheneum + 1);
  g_assert_nonnull (strstr (atheneum, "100 ▲"));
  g_assert_nonnull (strstr (run.out, "median"));
  g_assert_nonnull (strstr (run.out, "below target"));
  /* Strategy: n 4, min 0, Q1 38 (37.5), median 58, Q3 75, max 100, 2 below, 2 reached. */
  g_assert_true (g_regex_match_simple ("\nStrategy +4 +0 +38 +58 +75 +100 +2 +2\n", run.out, 0, 0));
}

static void
test_not_found (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *out = temp_path ("not-found.readiness");

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", "2030-2031");
  g_assert_cmpint (run.status, ==, 6);
  g_assert_nonnull (strstr (run.err, "2030-2031"));

  run_cli (&run, "compare", "--database", region_db, "--framework", framework_path, "--year", YEAR,
           "--region", "Nowhere");
  g_assert_cmpint (run.status, ==, 6);

  /* The built-in framework: no assessment of it here. */
  run_cli (&run, "compare", "--database", region_db, "--year", YEAR);
  g_assert_cmpint (run.status, ==, 6);

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school", "Nope",
           "--output", out);
  g_assert_cmpint (run.status, ==, 6);
  g_assert_nonnull (strstr (run.err, "“Nope”"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--school", "Nope",
           "--year", YEAR, "--output", out);
  g_assert_cmpint (run.status, ==, 6);
  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--school", "De Regenboog",
           "--year", "2025-2026", "--output", out);
  g_assert_cmpint (run.status, ==, 6);
  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--assessment", "9999",
           "--output", out);
  g_assert_cmpint (run.status, ==, 6);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static gboolean
is_safe_name (const char *name)
{
  return g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\\.readiness$", name, 0, 0);
}

static void
test_export_import (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *exports = temp_path ("exports");
  g_autofree char *advisor = temp_path ("advisor.db");
  g_autofree char *single = temp_path ("linde.readiness");
  g_autofree char *schools_first = NULL;
  g_autofree char *compare_first = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  const char *tables[] = { "school", "assessment", "respondent", "answer", "target", "assessment_score" };
  gint64 counts[G_N_ELEMENTS (tables)];
  guint n_files = 0;

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--all", "--output", exports);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  dir = g_dir_open (exports, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (exports, name, NULL);

      g_test_message ("exported %s", name);
      g_assert_true (is_safe_name (name));
      g_assert_cmpuint (file_mode (path), ==, 0600);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 5);
  g_assert_cmpuint (file_mode (exports), ==, 0700);

  /* One school, by a differently cased name, to a file. */
  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "basisschool de linde", "--output", single);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (file_mode (single), ==, 0600);

  run_cli (&run, "import", "--database", advisor, "--framework", framework_path, exports);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");   /* no progress when stderr is not a terminal */
  g_assert_nonnull (strstr (run.out, "Files imported: 5\n"));
  g_assert_nonnull (strstr (run.out, "Schools: 5 (5 new, 0 updated)\n"));
  /* Atheneum Noord has three assessments; 3 + 1 + 1 of its respondents. */
  g_assert_nonnull (strstr (run.out, "Assessments: 7\n"));
  g_assert_nonnull (strstr (run.out, "Respondents: 11\n"));
  g_assert_nonnull (strstr (run.out, "Files rejected: 0\n"));
  g_assert_cmpuint (file_mode (advisor), ==, 0600);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    counts[t] = count_rows (advisor, tables[t]);
  g_assert_cmpint (counts[0], ==, 5);
  g_assert_cmpint (counts[1], ==, 7);
  g_assert_cmpint (counts[2], ==, 11);
  g_assert_cmpint (counts[3], ==, count_rows (region_db, "answer"));

  run_cli (&run, "schools", "--database", advisor, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  schools_first = g_steal_pointer (&run.out);
  run_cli (&run, "compare", "--database", advisor, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  assert_noord_json (run.out, TRUE);
  compare_first = g_steal_pointer (&run.out);

  /* Again, and the single file among them too: updates, no duplicates. */
  run_cli (&run, "import", "--database", advisor, "--framework", framework_path, exports, single);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Files imported: 6\n"));
  g_assert_nonnull (strstr (run.out, "Schools: 5 (0 new, 5 updated)\n"));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    g_assert_cmpint (count_rows (advisor, tables[t]), ==, counts[t]);
  run_cli (&run, "schools", "--database", advisor, "--format", "json");
  g_assert_cmpstr (run.out, ==, schools_first);
  run_cli (&run, "compare", "--database", advisor, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json");
  g_assert_cmpstr (run.out, ==, compare_first);

  /* Exporting again replaces the files, under the same names. */
  run_cli (&run, "export", "--database", advisor, "--framework", framework_path, "--all", "--output", exports);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&dir, g_dir_close);
  n_files = 0;
  dir = g_dir_open (exports, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 5);
}

static gboolean
json_has_member (JsonNode   *node,
                 const char *name)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (g_str_equal (l->data, name) || json_has_member (json_object_get_member (object, l->data), name))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_has_member (json_array_get_element (array, i), name))
          return TRUE;
    }
  return FALSE;
}

/* Commentary and evidence go into the file only with --with-evidence. */
static void
test_export_with_evidence (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_path ("evidence.db");
  g_autofree char *plain = temp_path ("plain.readiness");
  g_autofree char *with = temp_path ("with.readiness");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autofree char *name = NULL;

  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (region_db, &data, &length, &error));
    g_assert_true (g_file_set_contents (db, data, (gssize) length, &error));
  }
  {
    g_autoptr(RdStore) store = rd_store_open (db, &error);
    RdEvidenceInfo info = { .item_id = "a-plan", .title = "ICT policy", .location = "https://school.example/p.pdf" };

    g_assert_no_error (error);
    schools = rd_store_list_schools (store, &error);
    assessments = rd_store_list_assessments (store, rd_school_get_id (g_ptr_array_index (schools, 0)), &error);
    g_assert_no_error (error);
    name = g_strdup (rd_school_get_name (g_ptr_array_index (schools, 0)));
    info.assessment_id = rd_assessment_get_id (g_ptr_array_index (assessments, 0));
    /* A complete assessment is read-only: reopened to add, as a user would. */
    g_assert_true (rd_store_set_assessment_status (store, info.assessment_id, RD_ASSESSMENT_STATUS_DRAFT, &error));
    g_assert_cmpint (rd_store_add_evidence (store, &info, &error), >, 0);
    g_assert_no_error (error);
  }

  run_cli (&run, "export", "--database", db, "--framework", framework_path, "--school", name, "--output", plain);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "item_notes"));
  g_assert_null (strstr (contents, "ICT policy"));
  g_clear_pointer (&contents, g_free);

  run_cli (&run, "export", "--database", db, "--framework", framework_path, "--school", name, "--with-evidence",
           "--output", with);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (with, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"item_notes\""));
  g_assert_nonnull (strstr (contents, "\"location\" : \"https://school.example/p.pdf\""));
  g_assert_nonnull (strstr (contents, "\"format_version\" : 4"));
}

static void
test_export_summary (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *summaries = temp_path ("summaries");
  g_autofree char *advisor = temp_path ("summary-advisor.db");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  /* Several schools by name and by number go to a folder. */
  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--summary",
           "--school", "Atheneum Noord", "--school", "2", "--school", "College Sint-Jan", "--school", "4",
           "--school", "1", "--output", summaries);
  g_assert_cmpint (run.status, ==, 0);

  dir = g_dir_open (summaries, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (summaries, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonArray *assessments;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      root = parse_json (contents);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "content"), ==, "summary");
      assessments = json_object_get_array_member (json_node_get_object (root), "assessments");
      g_assert_cmpuint (json_array_get_length (assessments), >, 0);
      for (guint a = 0; a < json_array_get_length (assessments); a++)
        {
          JsonObject *assessment = json_array_get_object_element (assessments, a);

          g_assert_false (json_object_has_member (assessment, "respondents"));
          g_assert_true (json_object_has_member (assessment, "summary"));
        }
      /* No answer and no item id anywhere in the file. */
      g_assert_false (json_has_member (root, "answers"));
      g_assert_null (strstr (contents, "a-plan"));
      g_assert_null (strstr (contents, "b-speed"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 4);   /* Atheneum Noord named twice */

  /* The advisor's figures from summaries are the same. */
  run_cli (&run, "import", "--database", advisor, "--framework", framework_path, summaries);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count_rows (advisor, "answer"), ==, 0);
  g_assert_cmpint (count_rows (advisor, "respondent"), ==, 0);
  run_cli (&run, "compare", "--database", advisor, "--framework", framework_path, "--year", YEAR,
           "--region", "Noord", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  assert_noord_json (run.out, FALSE);
}

static void
test_import_rejected (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bad = temp_path ("bad");
  g_autofree char *nested = g_build_filename (bad, "nested", NULL);
  g_autofree char *good = g_build_filename (nested, "linde.readiness", NULL);
  g_autofree char *corrupt = g_build_filename (bad, "corrupt.readiness", NULL);
  g_autofree char *foreign = g_build_filename (bad, "foreign.readiness", NULL);
  g_autofree char *other = g_build_filename (bad, "other-framework.readiness", NULL);
  g_autofree char *notes = g_build_filename (bad, "notes.txt", NULL);
  g_autofree char *source = temp_path ("linde.readiness");
  g_autofree char *mixed_db = temp_path ("mixed.db");
  g_autofree char *bad_db = temp_path ("only-bad.db");
  g_autofree char *contents = NULL;
  g_autofree char *prefix = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  /* test_export_import () wrote it; make it again if run alone. */
  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "Basisschool De Linde", "--output", source);
  g_assert_cmpint (run.status, ==, 0);
  copy_file (source, good);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (corrupt, contents, length / 2, NULL));
  g_assert_true (g_file_set_contents (foreign, "{\"name\": \"a survey\", \"answers\": []}\n", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not an exchange file", -1, NULL));
  /* A school exported with the built-in framework. */
  run_cli (&run, "export", "--database", region_db, "--school", "Basisschool De Linde", "--output", other);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, "import", "--database", mixed_db, "--framework", framework_path, bad);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_nonnull (strstr (run.out, "Files imported: 1\n"));
  g_assert_nonnull (strstr (run.out, "Files rejected: 3\n"));
  prefix = g_strconcat (corrupt, ": ", NULL);
  g_assert_nonnull (strstr (run.err, prefix));
  g_clear_pointer (&prefix, g_free);
  prefix = g_strconcat (foreign, ": ", NULL);
  g_assert_nonnull (strstr (run.err, prefix));
  g_clear_pointer (&prefix, g_free);
  prefix = g_strconcat (other, ": ", NULL);
  g_assert_nonnull (strstr (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "small-fixture"));
  g_assert_null (strstr (run.err, "notes.txt"));
  g_assert_cmpint (count_rows (mixed_db, "school"), ==, 1);
  g_assert_cmpint (count_rows (mixed_db, "respondent"), ==, 2);

  /* Only bad files: 2, nothing imported, no database made. */
  run_cli (&run, "import", "--database", bad_db, "--framework", framework_path, corrupt, foreign, notes);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "Files imported: 0\n"));
  g_assert_nonnull (strstr (run.out, "Files rejected: 3\n"));
  g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));

  /* A bad file given to a database that has data leaves it as it was. */
  run_cli (&run, "import", "--database", mixed_db, "--framework", framework_path, corrupt);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpint (count_rows (mixed_db, "school"), ==, 1);
  g_assert_cmpint (count_rows (mixed_db, "respondent"), ==, 2);

  /* A file whose assessments belong to another school of the database
   * (its school id was changed): left out, the rest of its batch goes in. */
  {
    g_autofree char *clash_dir = temp_path ("clash");
    g_autofree char *clash = g_build_filename (clash_dir, "a-clash.readiness", NULL);
    g_autofree char *copy = g_build_filename (clash_dir, "b-linde.readiness", NULL);
    g_autofree char *text = NULL;
    g_autoptr(JsonNode) root = parse_json (contents);
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_object_set_string_member (json_object_get_object_member (json_node_get_object (root), "school"),
                                   "id", "6f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0009");
    json_generator_set_root (generator, root);
    text = json_generator_to_data (generator, NULL);
    g_assert_cmpint (g_mkdir (clash_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (clash, text, -1, NULL));
    copy_file (source, copy);

    run_cli (&run, "import", "--database", mixed_db, "--framework", framework_path, clash_dir);
    g_assert_cmpint (run.status, ==, 5);
    g_clear_pointer (&prefix, g_free);
    prefix = g_strconcat (clash, ": ", NULL);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, "belongs to another school"));
    g_assert_nonnull (strstr (run.out, "Files imported: 1\n"));
    g_assert_nonnull (strstr (run.out, "Schools: 1 (0 new, 1 updated)\n"));
    g_assert_cmpint (count_rows (mixed_db, "school"), ==, 1);
    g_assert_cmpint (count_rows (mixed_db, "respondent"), ==, 2);
  }

  /* No exchange file at all. */
  g_clear_pointer (&prefix, g_free);
  prefix = temp_path ("empty-folder");
  g_assert_cmpint (g_mkdir (prefix, 0700), ==, 0);
  run_cli (&run, "import", "--database", bad_db, "--framework", framework_path, prefix);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));
}

/* Hostile files through the command line: JSON nested 80,000 deep (160 KB)
 * overflowed the stack inside json-glib; a file over the size limit; a
 * file whose respondents belong to another school, which aborted the whole
 * import. Each is set aside with its message, the good file given with
 * them is imported, exit status 5. */
static void
test_hostile_files (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_path ("hostile");
  g_autofree char *deep_json = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.readiness", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.readiness", NULL);
  g_autofree char *linde = g_build_filename (dir, "linde.readiness", NULL);
  g_autofree char *good = g_build_filename (dir, "good.readiness", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.readiness", NULL);
  g_autofree char *db = g_build_filename (dir, "advisor.db", NULL);
  g_autofree char *open_brackets = g_strnfill (80000, '[');
  g_autofree char *close_brackets = g_strnfill (80000, ']');
  g_autofree char *nested = g_strconcat (open_brackets, close_brackets, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gint64 n_respondents;
  int fd;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (deep_json, nested, -1, NULL));
  g_assert_true (g_file_set_contents (deep, nested, -1, NULL));

  /* As a framework: validated, or given to any command. */
  expected = g_strdup_printf ("%s: line 1, column 65: nested deeper than 64\n", deep_json);
  run_cli (&run, "framework", "validate", deep_json);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, expected);
  run_cli (&run, "compare", "--database", region_db, "--framework", deep_json, "--year", YEAR);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_suffix (run.err, expected));

  /* 300 MB of nothing: refused by its size, never read. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 300 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "Basisschool De Linde", "--output", linde);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "College Sint-Jan", "--output", good);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "import", "--database", db, "--framework", framework_path, linde);
  g_assert_cmpint (run.status, ==, 0);
  n_respondents = count_rows (db, "respondent");

  /* De Linde's file as another school's: new school and assessment ids,
   * its respondents' ids kept. */
  g_assert_true (g_file_get_contents (linde, &contents, NULL, NULL));
  {
    g_autoptr(JsonNode) root = parse_json (contents);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    JsonObject *top = json_node_get_object (root);
    JsonArray *assessments = json_object_get_array_member (top, "assessments");
    g_autofree char *text = NULL;

    json_object_set_string_member (json_object_get_object_member (top, "school"), "id",
                                   "6f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0010");
    for (guint i = 0; i < json_array_get_length (assessments); i++)
      {
        g_autofree char *id = g_strdup_printf ("6f1c6a52-4d0e-4b8e-9a57-0d0c3b1f%04u", 20 + i);

        json_object_set_string_member (json_array_get_object_element (assessments, i), "id", id);
      }
    json_generator_set_root (generator, root);
    text = json_generator_to_data (generator, NULL);
    g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  }

  run_cli (&run, "import", "--database", db, "--framework", framework_path, good, bad, deep, huge);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_nonnull (strstr (run.out, "Files imported: 1\n"));
  g_assert_nonnull (strstr (run.out, "Files rejected: 3\n"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: line 1, column 65: nested deeper than 64\n", deep);
  g_assert_nonnull (strstr (run.err, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: the file is 300 MB, more than the 16 MB an exchange file may have\n", huge);
  g_assert_nonnull (strstr (run.err, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: Basisschool De Linde: The respondent ", bad);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.err, " belongs to another school in this database\n"));
  g_assert_null (strstr (run.err, "UNIQUE"));
  /* De Linde and College Sint-Jan, no third school. */
  g_assert_cmpint (count_rows (db, "school"), ==, 2);
  g_assert_cmpint (count_rows (db, "respondent"), >, n_respondents);
}

static void
test_database_errors (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *damaged = temp_path ("damaged.db");
  g_autofree char *newer = temp_path ("newer.db");
  g_autofree char *locked = temp_path ("locked.db");
  g_autofree char *missing = temp_path ("missing.db");
  g_autofree char *file = temp_path ("plain-file");
  g_autofree char *under_file = g_build_filename (file, "x.db", NULL);
  g_autofree char *source = temp_path ("errors-linde.readiness");
  GString *garbage = g_string_new (NULL);
  sqlite3 *db = NULL;

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "Basisschool De Linde", "--output", source);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < 400; i++)
    g_string_append (garbage, "this is no database. ");
  g_assert_true (g_file_set_contents (damaged, garbage->str, garbage->len, NULL));
  g_string_free (garbage, TRUE);
  run_cli (&run, "schools", "--database", damaged);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "not a Readiness database"));
  run_cli (&run, "import", "--database", damaged, "--framework", framework_path, source);
  g_assert_cmpint (run.status, ==, 3);

  /* A real database with a page overwritten: its integrity check fails. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (region_db, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 4 * 4096);
    memset (contents + 3 * 4096, 0xff, 300);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
    run_cli (&run, "compare", "--database", damaged, "--framework", framework_path, "--year", YEAR);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "The database is damaged"));
  }

  copy_file (region_db, newer);
  exec_sql (newer, "PRAGMA user_version = 99");
  run_cli (&run, "compare", "--database", newer, "--framework", framework_path, "--year", YEAR);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "newer version"));

  /* Another program holds the write lock for longer than the store waits. */
  run_cli (&run, "import", "--database", locked, "--framework", framework_path, source);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (sqlite3_open (locked, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  run_cli (&run, "import", "--database", locked, "--framework", framework_path, source);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "in use by another program"));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  /* Reading commands never make a database. */
  run_cli (&run, "schools", "--database", missing);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "There is no database at"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  run_cli (&run, "import", "--database", under_file, "--framework", framework_path, source);
  g_assert_cmpint (run.status, ==, 3);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Whatever is wrong with a database, every command stops with exit code 3,
 * says what, and leaves each byte of the file as it was. */
static void
test_database_unchanged (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *folder = temp_path ("unchanged");
  g_autofree char *source = temp_path ("unchanged-linde.readiness");
  g_autofree char *export = temp_path ("unchanged-export.readiness");
  g_autofree char *contents = NULL;
  sqlite3 *holder = NULL;
  gsize length;
  struct {
    const char *name;
    const char *says;
  } kinds[] = {
    { "text.db", "not a Readiness database" },
    { "damaged.db", "The database is damaged" },
    { "truncated.db", "The database is damaged" },
    { "foreign.db", "another program" },
    { "newer.db", "newer version" },
    { "locked.db", "in use by another program" },
    { "read-only.db", "cannot be written to" },
  };

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "Basisschool De Linde", "--output", source);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  /* The read-only user must reach the folder, the program and the framework. */
  g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (source, 0644), ==, 0);
  nobody_cli_path = temp_path ("readiness-cli");
  nobody_framework_path = temp_path ("small.json");
  copy_file (cli_path, nobody_cli_path);
  copy_file (framework_path, nobody_framework_path);
  g_assert_cmpint (g_chmod (nobody_cli_path, 0755), ==, 0);
  g_assert_cmpint (g_chmod (nobody_framework_path, 0644), ==, 0);
  g_assert_true (g_file_get_contents (region_db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_build_filename (folder, kinds[i].name, NULL);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      const char *name = kinds[i].name;
      const char *framework;

      if (g_str_equal (name, "text.db"))
        g_assert_true (g_file_set_contents (path, "school;year\nDe Linde;2026-2027\n", -1, NULL));
      else if (g_str_equal (name, "damaged.db"))
        {
          g_autofree char *copy = g_memdup2 (contents, length);

          memset (copy + 3 * 4096, 0xff, 300);
          g_assert_true (g_file_set_contents (path, copy, length, NULL));
        }
      else if (g_str_equal (name, "truncated.db"))
        g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
      else if (g_str_equal (name, "foreign.db"))
        exec_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')");
      else if (g_str_equal (name, "newer.db"))
        {
          copy_file (region_db, path);
          exec_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
        }
      else
        copy_file (region_db, path);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      /* Read before locking: closing any descriptor of the file drops this
       * process's POSIX locks. */
      before = file_bytes (path);

      if (g_str_equal (name, "locked.db"))
        {
          g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
        }
      run_as_nobody = g_str_equal (name, "read-only.db");
      if (run_as_nobody && geteuid () != 0)
        g_assert_cmpint (g_chmod (path, 0444), ==, 0);

      framework = run_as_nobody ? nobody_framework_path : framework_path;
      run_cli (&run, "import", "--database", path, "--framework", framework, source);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, kinds[i].says));
      g_assert_nonnull (strstr (run.err, path));
      run_cli (&run, "export", "--database", path, "--framework", framework, "--school",
               "Basisschool De Linde", "--output", export);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, kinds[i].says));
      run_as_nobody = FALSE;

      if (holder != NULL)
        {
          sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
          g_clear_pointer (&holder, sqlite3_close);
        }
      after = file_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (export, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (g_chmod (tmp_dir, 0700), ==, 0);
}

/* Without --database: the app's database under $XDG_DATA_HOME. */
static void
test_default_database (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *source = temp_path ("default-linde.readiness");
  g_autofree char *expected = g_build_filename (tmp_dir, "xdg", "readiness", "readiness.db", NULL);

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school",
           "Basisschool De Linde", "--output", source);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, "schools");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, expected));

  run_cli (&run, "--framework", framework_path, "import", source);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  run_cli (&run, "schools", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Basisschool De Linde"));
}

static void
test_output_errors (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *missing_dir = temp_path ("no-such-folder");
  g_autofree char *in_missing = g_build_filename (missing_dir, "x.readiness", NULL);
  g_autofree char *pdf_in_missing = g_build_filename (missing_dir, "x.pdf", NULL);
  g_autofree char *file = temp_path ("output-file");

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school", "De Regenboog",
           "--output", in_missing);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, "Could not write"));

  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--school", "De Regenboog",
           "--year", YEAR, "--output", pdf_in_missing);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* Several schools need a folder, not a file. */
  g_assert_true (g_file_set_contents (file, "keep", -1, NULL));
  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--all", "--output", file);
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_report (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pdf = temp_path ("atheneum.pdf");
  g_autofree char *by_id = temp_path ("by-id.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *assessment_id = NULL;
  JsonObject *regenboog;

  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--school", "Atheneum Noord",
           "--year", YEAR, "--output", pdf);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (file_mode (pdf), ==, 0600);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdfinfo != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *info = NULL;
      int wait_status;
      const char *argv[] = { pdfinfo, pdf, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info, NULL,
                    &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_true (g_regex_match_simple ("^Pages: +[1-9]", info, G_REGEX_MULTILINE, 0));
    }
  else
    {
      g_test_message ("pdfinfo is not installed; only the PDF header was checked");
    }

  /* By the assessment number that "schools --format json" lists. */
  run_cli (&run, "schools", "--database", region_db, "--format", "json");
  root = parse_json (run.out);
  regenboog = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "schools"),
                                             4);
  g_assert_cmpstr (json_object_get_string_member (regenboog, "name"), ==, "De Regenboog");
  assessment_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                   json_object_get_int_member (json_array_get_object_element (
                                     json_object_get_array_member (regenboog, "assessments"), 0), "id"));
  run_cli (&run, "report", "--database", region_db, "--framework", framework_path, "--assessment", assessment_id,
           "--output", by_id, "--anonymity-threshold", "5");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (by_id, G_FILE_TEST_IS_REGULAR));

  /* An assessment of another framework than the one given. */
  run_cli (&run, "report", "--database", region_db, "--assessment", assessment_id, "--output", by_id);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--framework"));
}

/* The PDF's text, white space made single spaces. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* Two leaders, three support staff and five teachers. At the default of 3
 * the leaders are shown only with the support staff; at 2 on their own.
 * Below 2 the command refuses, saying why. */
static void
test_report_anonymity (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_path ("groups.db");
  g_autofree char *pdf = temp_path ("groups.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  const char *bad[] = { "1", "0", "-3", "21" };

  g_assert_no_error (error);
  {
    g_autoptr(RdStore) store = rd_store_open (db, &error);
    g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
    gint64 school, assessment;

    g_assert_no_error (error);
    school = rd_store_add_school (store, "De Kleine Wereld", NULL, RD_SCHOOL_TYPE_UNSET, &error);
    assessment = rd_store_add_assessment (store, school, YEAR, framework, RD_ASSESSMENT_MODE_FULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 10; i++)
      {
        RdGroup group = i < 2 ? RD_GROUP_LEADER : i < 5 ? RD_GROUP_SUPPORT_STAFF : RD_GROUP_TEACHER;
        RdResponse *response = rd_response_new (group);

        rd_response_add_answer (response, "a-plan", 1)->value = group == RD_GROUP_LEADER ? 5 : 2;
        rd_response_add_answer (response, "b-share", 1)->value = group == RD_GROUP_TEACHER ? 20 : 90;
        g_ptr_array_add (responses, response);
      }
    g_assert_true (rd_store_add_responses (store, assessment, framework, responses, &error));
    g_assert_no_error (error);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, assessment);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *option = g_strconcat ("--anonymity-threshold=", bad[i], NULL);

      run_cli (&run, "report", "--database", db, "--framework", framework_path, "--assessment", id,
               "--output", pdf, option);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, i < 3 ? "readiness-cli: The anonymity threshold must be at least 2"
                                                      : "readiness-cli: The anonymity threshold must lie between 2 "
                                                        "and 20"));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  run_cli (&run, "report", "--database", db, "--framework", framework_path, "--assessment", id, "--output", pdf);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "School leaders and support staff (combined) 5"));
  g_assert_nonnull (strstr (text, "School leaders and support staff are shown combined"));
  g_assert_nonnull (strstr (text, "School leaders and support staff (combined) 55 (± 37) · Teacher 25 (± 0) · "
                                 "difference 30"));
  g_assert_null (strstr (text, "School leader 100"));
  g_clear_pointer (&text, g_free);

  run_cli (&run, "report", "--database", db, "--framework", framework_path, "--assessment", id, "--output", pdf,
           "--anonymity-threshold", "2");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "(combined)"));
  g_assert_nonnull (strstr (text, "School leader 100 (± 0) · Teacher 25 (± 0) · Support staff 25 (± 0)"));
}

/* Two school years of De Kleine Wereld, four teachers each, figures
 * computed by hand in test-change.c, and a done action in the first; and
 * the Atheneum, whose teachers answered alike both years. */
static void
make_change_database (const char  *db,
                      RdFramework *framework)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (db, &error);

  g_assert_no_error (error);
  for (guint s = 0; s < 2; s++)
    {
      gint64 school = rd_store_add_school (store, s == 0 ? "De Kleine Wereld" : "Atheneum", NULL,
                                           RD_SCHOOL_TYPE_UNSET, &error);

      g_assert_no_error (error);
      rd_test_add_two_years (store, framework, school, s == 0);
    }
}

/* readiness-cli change: what moved since the previous year, with the test,
 * on figures computed by hand in test-change.c; and last year's done action
 * with its questions' change, by id. */
static void
test_change (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_path ("change.db");
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *engagement, *test;

  g_assert_no_error (error);
  make_change_database (db, framework);

  run_cli (&run, "change", "--database", db, "--framework", framework_path, "--school", "De Kleine Wereld",
           "--year", YEAR);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "De Kleine Wereld: what moved from 2025-2026 to 2026-2027\n"));
  /* Engagement: t = 5.2885, df = 5.5336, p = 0.0024 (test-change.c). */
  g_assert_true (g_regex_match_simple ("\nEngagement +31 +84 +\\+53 +5\\.29 +5\\.53 +0\\.002 +A meaningful rise\n",
                                       run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("\nStrategy +– +– +– +– +– +– +Not measured in both years\n", run.out, 0, 0));
  g_assert_nonnull (strstr (run.out, "\nWhat moved, largest first:\n  b-share 40 % → 90 %, up 100 points: A fact "
                                     "that improved;"));
  g_assert_nonnull (strstr (run.out, "\n  a-plan 25 → 88, up 63 points: A meaningful rise (p = 0.003, Welch’s "
                                     "t-test)\n"));
  g_assert_nonnull (strstr (run.out, "\nActions done in 2025-2026:\n  Action ‘Devices for all teachers’\n"
                                     "    → b-share 40 % → 90 %, up 100 points:"));
  g_assert_nonnull (strstr (run.out, "    → Not answered in both years — b-mfa\n"));

  run_cli (&run, "change", "--database", db, "--framework", framework_path, "--school", "De Kleine Wereld",
           "--year", YEAR, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "readiness-change");
  g_assert_cmpfloat (json_object_get_double_member (root, "alpha"), ==, 0.05);
  engagement = json_array_get_object_element (json_object_get_array_member (root, "factors"), RD_FACTOR_ENGAGEMENT);
  g_assert_cmpstr (json_object_get_string_member (engagement, "id"), ==, "engagement");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (engagement, "change"), 53.125, EPSILON);
  test = json_object_get_object_member (engagement, "test");
  g_assert_cmpstr (json_object_get_string_member (test, "status"), ==, "tested");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (test, "t"), 5.2884536, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (test, "df"), 5.5335893, 1e-6);
  g_assert_true (json_object_get_boolean_member (engagement, "meaningful"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "moved"), 0), ==, "b-share");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "done_actions")), ==, 1);

  /* The first year has nothing before it; a csv is not offered. */
  run_cli (&run, "change", "--database", db, "--framework", framework_path, "--school", "De Kleine Wereld",
           "--year", "2025-2026");
  g_assert_cmpint (run.status, ==, 6);
  g_assert_cmpstr (run.err, ==, "readiness-cli: The school has no assessment of an earlier school year than "
                                "2025-2026 to compare with\n");
  run_cli (&run, "change", "--database", db, "--school", "De Kleine Wereld", "--year", YEAR, "--format", "csv");
  g_assert_cmpint (run.status, ==, 1);
}

/* readiness-cli compare --from --to: which schools moved on which factor,
 * from the kept scores: De Kleine Wereld on engagement and capacity (t as
 * from its answers), the Atheneum on none. */
static void
test_compare_change (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_path ("compare-change.db");
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *school, *engagement;

  g_assert_no_error (error);
  make_change_database (db, framework);

  run_cli (&run, "compare", "--database", db, "--framework", framework_path, "--from", "2025-2026", "--to", YEAR);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "What moved from 2025-2026 to 2026-2027: 2 schools assessed in both "
                                            "years\n"));
  g_assert_true (g_regex_match_simple ("\nDe Kleine Wereld +Engagement +31 +84 +0\\.002 +A meaningful rise\n",
                                       run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("\nDe Kleine Wereld +Capacity +", run.out, 0, 0));
  g_assert_null (strstr (run.out, "Atheneum"));

  run_cli (&run, "compare", "--database", db, "--framework", framework_path, "--from", "2025-2026", "--to", YEAR,
           "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "readiness-schools-change");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "schools")), ==, 2);
  school = json_array_get_object_element (json_object_get_array_member (root, "schools"), 1);
  g_assert_cmpstr (json_object_get_string_member (school, "name"), ==, "De Kleine Wereld");
  engagement = json_object_get_object_member (json_object_get_object_member (school, "factors"), "engagement");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (engagement, "t"), 5.2884536, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (engagement, "df"), 5.5335893, 1e-6);
  g_assert_true (json_object_get_boolean_member (engagement, "meaningful"));
  g_assert_true (json_node_is_null (json_object_get_member (json_object_get_object_member (
    json_object_get_object_member (school, "factors"), "strategy"), "status")));

  run_cli (&run, "compare", "--database", db, "--from", YEAR, "--to", "2025-2026");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--from must be an earlier school year than --to"));
  run_cli (&run, "compare", "--database", db, "--from", "2025-2026", "--to", YEAR, "--year", YEAR);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (&run, "compare", "--database", db, "--framework", framework_path, "--from", "2023-2024", "--to",
           "2024-2025");
  g_assert_cmpint (run.status, ==, 6);
}

/* Nothing a terminal acts on: no ESC, BEL or C1 control, no bidirectional
 * override. */
static void
assert_no_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_error ("U+%04X in the output: “%s”", c, text);
    }
}

/* Names with escape sequences: an import stores them without, and a
 * database written before that rule prints without them either. */
static void
test_text_controls (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *source = temp_path ("controls-source.readiness");
  g_autofree char *evil = temp_path ("controls-evil.readiness");
  g_autofree char *imported_db = temp_path ("controls-imported.db");
  g_autofree char *old_db = temp_path ("controls-old.db");
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  gsize length;

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school", "Atheneum Noord",
           "--output", source);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  edited = g_string_new_len (contents, length);
  g_assert_cmpuint (g_string_replace (edited, "\"Atheneum Noord\"",
                                      "\"\\u202eAtheneum \\u001b[31mNoord\\u001b]0;owned\\u0007\\u009b2J\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (evil, edited->str, edited->len, NULL));

  run_cli (&run, "import", "--database", imported_db, "--framework", framework_path, evil);
  g_assert_cmpint (run.status, ==, 0);
  assert_no_controls (run.out);
  assert_no_controls (run.err);
  run_cli (&run, "schools", "--database", imported_db);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Atheneum [31mNoord]0;owned2J"));
  assert_no_controls (run.out);
  g_assert_cmpint (count_rows (imported_db, "school WHERE instr (name, char (27)) > 0 OR "
                                            "instr (name, char (8238)) > 0 OR instr (name, char (155)) > 0"), ==, 0);

  /* A database that already holds them: every output neutralises them. */
  copy_file (region_db, old_db);
  exec_sql (old_db, "UPDATE school SET name = 'Atheneum ' || char (27) || '[31mNoord' || char (155) || '2J' "
                    "|| char (8238) || char (7), region = 'Noord' || char (27) || ']0;owned' || char (7) "
                    "WHERE name = 'Atheneum Noord'");
  {
    const char *formats[] = { "text", "csv", "json" };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        run_cli (&run, "schools", "--database", old_db, "--format", formats[i]);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_nonnull (strstr (run.out, "Atheneum "));
        assert_no_controls (run.out);
        run_cli (&run, "compare", "--database", old_db, "--framework", framework_path, "--year", YEAR,
                 "--format", formats[i]);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_nonnull (strstr (run.out, "Atheneum "));
        assert_no_controls (run.out);
      }
  }
  /* Visible in text: ESC as its picture. */
  run_cli (&run, "schools", "--database", old_db);
  g_assert_nonnull (strstr (run.out, "Atheneum ␛[31mNoord"));
  run_cli (&run, "export", "--database", old_db, "--framework", framework_path, "--school", "1", "--output", evil);
  g_assert_cmpint (run.status, ==, 0);
  assert_no_controls (run.out);
  assert_no_controls (run.err);
}

/* A 200 MB name once took `schools` to 10 GB; now its file is refused
 * before anything is stored, with the place and the limit, and the
 * database keeps every byte. */
static void
test_text_too_long (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *source = temp_path ("long-source.readiness");
  g_autofree char *huge = temp_path ("huge-name.readiness");
  g_autofree char *db = temp_path ("long.db");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GString) name = g_string_new ("\"");
  g_autoptr(GBytes) before = NULL, after = NULL;
  gsize length;

  run_cli (&run, "export", "--database", region_db, "--framework", framework_path, "--school", "De Regenboog",
           "--output", source);
  g_assert_cmpint (run.status, ==, 0);
  copy_file (region_db, db);
  before = file_bytes (db);

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  edited = g_string_new_len (contents, length);
  /* 8 MB: under the size limit, so the name itself is what is refused. */
  for (guint i = 0; i < 8 * 1024 * 1024 / 8; i++)
    g_string_append (name, "Regenbog");
  g_string_append_c (name, '"');
  g_assert_cmpuint (g_string_replace (edited, "\"De Regenboog\"", name->str, 1), ==, 1);
  g_assert_true (g_file_set_contents (huge, edited->str, edited->len, NULL));

  run_cli (&run, "import", "--database", db, "--framework", framework_path, huge);
  g_assert_cmpint (run.status, ==, 2);
  expected = g_strconcat (huge, ": school.name: longer than 200 characters\n", NULL);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_cmpuint (strlen (run.err), <, 1000);
  g_assert_nonnull (strstr (run.out, "Files rejected: 1\n"));
  after = file_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
}

/* Figures travel unchanged: a school answered on 20 October 2025, its
 * date items included, and its advisor imports its files more than a
 * year later. Every output of every database must show the school's own
 * figures, because date answers are scored against the assessment's
 * reference date and the file carries it. */
static gint64
day_at_noon (int year,
             int month,
             int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (when);
}

static void
put_dated_answer (RdStore     *store,
                  RdFramework *framework,
                  gint64       respondent,
                  const char  *item_id,
                  double       value,
                  const char  *date)
{
  g_autoptr(GError) error = NULL;
  RdItem *item = rd_framework_lookup_item (framework, item_id);
  g_autoptr(RdAnswer) answer = rd_answer_new ();

  answer->respondent_id = respondent;
  answer->item_id = g_strdup (item_id);
  answer->item_version = rd_item_get_version (item);
  answer->value = value;
  answer->julian_day = date != NULL ? rd_day_from_iso (date) : 0;
  answer->answered = day_at_noon (2025, 10, 20);
  g_assert_true (rd_store_put_answer (store, item, answer, &error));
  g_assert_no_error (error);
}

static char *
make_answered_last_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (framework_path);
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);
  char *path = temp_path ("travel-school.db");
  g_autoptr(RdStore) store = rd_store_open (path, &error);
  const char *reviews[] = { "2025-03-15", "2024-11-02", "2025-09-30" };
  gint64 school, assessment;

  g_assert_no_error (error);
  school = rd_store_add_school (store, "Sint-Jozef", "Oost", RD_SCHOOL_TYPE_PRIMARY, &error);
  assessment = rd_store_add_assessment (store, school, "2025-2026", framework, RD_ASSESSMENT_MODE_FULL, &error);
  rd_store_set_target (store, assessment, RD_FACTOR_STRATEGY, 85, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < G_N_ELEMENTS (reviews); r++)
    {
      gint64 respondent = rd_store_add_respondent (store, assessment, r == 0 ? RD_GROUP_LEADER : RD_GROUP_TEACHER,
                                                   NULL, &error);

      g_assert_no_error (error);
      put_dated_answer (store, framework, respondent, "a-review", NAN, reviews[r]);
      put_dated_answer (store, framework, respondent, "a-plan", 2 + r, NULL);
      put_dated_answer (store, framework, respondent, "b-speed", 100 * (r + 1), NULL);
      put_dated_answer (store, framework, respondent, "b-share", 30 * r, NULL);
    }
  return path;
}

static char *
output_of (const char *database,
           const char *format,
           const char *view)
{
  g_auto(Run) run = { 0 };

  if (view != NULL)
    run_cli (&run, "compare", "--database", database, "--framework", framework_path, "--year", "2025-2026",
             "--format", format, "--view", view);
  else
    run_cli (&run, "compare", "--database", database, "--framework", framework_path, "--year", "2025-2026",
             "--format", format);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
test_figures_travel (void)
{
  g_autofree char *school_db = make_answered_last_year ();
  g_autofree char *answers_file = temp_path ("travel-answers.readiness");
  g_autofree char *summary_file = temp_path ("travel-summary.readiness");
  g_autofree char *advisor_db = temp_path ("travel-advisor.db");
  g_autofree char *summary_db = temp_path ("travel-summary.db");
  g_autofree char *text = NULL;
  const char *outputs[][2] = {
    { "text", NULL }, { "json", NULL }, { "csv", "factors" }, { "csv", "areas" }, { "csv", "distribution" },
    { "csv", "below-target" },
  };
  g_auto(Run) run = { 0 };

  run_cli (&run, "export", "--database", school_db, "--framework", framework_path, "--school", "Sint-Jozef", "-o", answers_file);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "export", "--database", school_db, "--framework", framework_path, "--school", "Sint-Jozef", "--summary",
           "-o", summary_file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (answers_file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"format_version\" : 2"));
  g_assert_nonnull (strstr (text, "\"reference_date\" : \"2025-10-20\""));

  run_cli (&run, "import", "--database", advisor_db, "--framework", framework_path, answers_file);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "import", "--database", summary_db, "--framework", framework_path, summary_file);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *own = output_of (school_db, outputs[i][0], outputs[i][1]);
      g_autofree char *imported = output_of (advisor_db, outputs[i][0], outputs[i][1]);
      g_autofree char *summarised = output_of (summary_db, outputs[i][0], outputs[i][1]);

      if (i == 0)
        g_assert_nonnull (strstr (own, "Sint-Jozef"));
      g_assert_cmpstr (imported, ==, own);
      g_assert_cmpstr (summarised, ==, own);
    }
}

/* A file of format 1 still imports, and says what it lacked. */
static void
test_import_format_1 (void)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "exchange", "answers.readiness", NULL);
  g_autofree char *database = temp_path ("format-1.db");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "import", "--database", database, file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Schools: 1 (1 new, 0 updated)\n"));
  expected = g_strdup_printf ("Note: %s: assessments[0]: format 1 gives no reference date; its date answers are "
                              "scored against 2026-10-15, the day the assessment was completed\n", file);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpint (count_rows (database, "assessment WHERE reference_date = '2026-10-15'"), ==, 1);
}

/* A region where one school answered the built-in framework 1.0 and the
 * framework compared with is a next edition: the school is compared on
 * the questions both share, and both outputs say which version it answered. */
static void
test_compare_other_edition (void)
{
  g_autofree char *db = temp_path ("release-1.0.0.db");
  g_autofree char *next = temp_path ("next-edition.json");
  g_autofree char *next_text = rd_test_next_edition_json ();
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *school;

  rd_test_database_from_dump ("release-1.0.0-two-years.sql", db);
  g_assert_true (g_file_set_contents (next, next_text, -1, NULL));

  run_cli (&run, "compare", "--database", db, "--framework", next, "--year", "2025-2026", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  school = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "schools"), 0);
  g_assert_cmpstr (json_object_get_string_member (school, "framework_version"), ==, "1.0");

  run_cli (&run, "compare", "--database", db, "--framework", next, "--year", "2025-2026");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 school answered another version of the framework (1.0)"));

  /* Compared with its own edition, nothing to say. */
  g_clear_pointer (&next, g_free);
  next = g_test_build_filename (G_TEST_DIST, "..", "data", "frameworks", "digital-readiness-1.0.json", NULL);
  run_cli (&run, "compare", "--database", db, "--framework", next, "--year", "2025-2026");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "another version"));
  g_remove (db);
}

/* The last leaf page of the answer table: a page that opening does not
 * read (dbstat: SQLite's own page map). */
static gint64
last_answer_page (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max (pageno) FROM dbstat WHERE name = 'answer' "
                                       "AND pagetype = 'leaf'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return page;
}

/* check reads the whole file: damage where opening does not look is
 * found, with exit status 3, and the file is left as it was. */
static void
test_check (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = temp_path ("check.db");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gsize length;
  gint64 page;

  copy_file (region_db, path);
  run_cli (&run, "check", "--database", path);
  if (run.status != 0)
    g_error ("check: %s", run.err);
  g_assert_nonnull (strstr (run.out, "No damage found"));

  page = last_answer_page (path);
  g_assert_cmpint (page, >, 4);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + (page - 1) * 4096 + 8, 0xA5, 2048);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = g_bytes_new (contents, length);

  /* Opening and listing read no answers' pages: they still work. */
  run_cli (&run, "schools", "--database", path);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, "check", "--database", path);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "The database is damaged"));
  g_assert_nonnull (strstr (run.err, "backup"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  after = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (before, after));

  run_cli (&run, "check", "--database", "/nonexistent/readiness.db");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "There is no database"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  cli_path = g_strdup (g_getenv ("READINESS_CLI"));
  if (cli_path == NULL)
    g_error ("READINESS_CLI must name the readiness-cli binary");
  tmp_dir = g_dir_make_tmp ("readiness-cli-XXXXXX", &error);
  g_assert_no_error (error);
  framework_path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "small.json", NULL);
  make_region ();

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/framework/validate", test_framework_validate);
  g_test_add_func ("/cli/schools/formats", test_schools);
  g_test_add_func ("/cli/schools/years-by-school", test_schools_years_by_school);
  g_test_add_func ("/cli/compare/json", test_compare_json);
  g_test_add_func ("/cli/compare/csv", test_compare_csv);
  g_test_add_func ("/cli/compare/text", test_compare_text);
  g_test_add_func ("/cli/not-found", test_not_found);
  g_test_add_func ("/cli/export-import/round-trip", test_export_import);
  g_test_add_func ("/cli/export/summary", test_export_summary);
  g_test_add_func ("/cli/export/with-evidence", test_export_with_evidence);
  g_test_add_func ("/cli/import/rejected", test_import_rejected);
  g_test_add_func ("/cli/import/hostile-files", test_hostile_files);
  g_test_add_func ("/cli/database/errors", test_database_errors);
  g_test_add_func ("/cli/database/check", test_check);
  g_test_add_func ("/cli/database/default", test_default_database);
  g_test_add_func ("/cli/database/unchanged", test_database_unchanged);
  g_test_add_func ("/cli/output/errors", test_output_errors);
  g_test_add_func ("/cli/report/pdf", test_report);
  g_test_add_func ("/cli/report/anonymity", test_report_anonymity);
  g_test_add_func ("/cli/text/controls", test_text_controls);
  g_test_add_func ("/cli/text/too-long", test_text_too_long);
  g_test_add_func ("/cli/figures/travel", test_figures_travel);
  g_test_add_func ("/cli/import/format-1", test_import_format_1);
  g_test_add_func ("/cli/compare/other-edition", test_compare_other_edition);
  g_test_add_func ("/cli/change", test_change);
  g_test_add_func ("/cli/compare/change", test_compare_change);

  status = g_test_run ();

  rd_test_remove_folder (tmp_dir);
  g_free (tmp_dir);
  g_free (cli_path);
  g_free (nobody_cli_path);
  g_free (nobody_framework_path);
  g_free (framework_path);
  g_free (region_db);
  return status;
}
