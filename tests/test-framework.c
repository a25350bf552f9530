#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rd-analysis.h"
#include "rd-council.h"
#include "rd-errors.h"
#include "rd-framework.h"
#include "rd-limits.h"
#include "rd-test-fixtures.h"

static RdFramework *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rd_framework_new_from_file (file, error);
}

static void
test_builtin_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (&error);
  static const char * const required_areas[] = {
    "strategy", "connectivity", "devices", "training", "cybersecurity",
  };
  guint per_factor[RD_N_FACTORS] = { 0 };
  guint n_facts = 0, n_pulse = 0, n_items;

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  g_assert_cmpstr (rd_framework_get_id (framework), ==, RD_BUILTIN_FRAMEWORK_ID);
  g_assert_true (g_strv_contains (rd_framework_get_languages (framework), "nl"));

  for (guint i = 0; i < G_N_ELEMENTS (required_areas); i++)
    g_assert_nonnull (rd_framework_lookup_area (framework, required_areas[i]));

  n_items = rd_framework_get_n_items (framework);
  g_assert_cmpuint (n_items, >=, 50);

  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      for (guint f = 0; f < RD_N_FACTORS; f++)
        per_factor[f] += rd_item_informs (item, f);
      n_facts += rd_item_kind_is_fact (rd_item_get_kind (item));
      n_pulse += rd_item_is_pulse (item);

      /* The loader already demands every declared language; check it did. */
      g_assert_nonnull (rd_text_get (rd_item_get_text (item), "nl"));
      g_assert_cmpstr (rd_text_get (rd_item_get_text (item), "nl"), !=,
                       rd_text_get (rd_item_get_text (item), "en"));
    }

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_test_message ("%s: %u items", rd_factor_to_id (f), per_factor[f]);
      g_assert_cmpuint (per_factor[f], >=, 8);
    }
  g_assert_cmpuint (n_facts, >=, 10);
  g_assert_cmpuint (n_pulse, >=, 8);
  g_assert_cmpuint (n_pulse, <=, 16);
}

static void
test_builtin_pulse_covers_factors (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  g_autoptr(GPtrArray) pulse = rd_framework_list_items (framework, NULL, RD_ASSESSMENT_MODE_PULSE);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      guint n = 0;

      for (guint i = 0; i < pulse->len; i++)
        n += rd_item_informs (g_ptr_array_index (pulse, i), f);
      /* With fewer, a pulse could never measure the factor (half of its
       * items and at least two must be answered). */
      g_assert_cmpuint (n, >=, 3);
    }
}

/* Each question goes to the people who can answer it: learners and parents
 * are not asked about MFA or data processing agreements; every fact has
 * the one group whose answer is the school's value; a school leader who
 * answers alone is still asked everything, so that a leader's assessment
 * keeps its figures; and every group has something to answer in a pulse. */
static void
test_small_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture ("small.json", &error);
  RdItem *item;
  guint n_steps;
  const RdLadderStep *ladder;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_framework_get_n_areas (framework), ==, 2);
  g_assert_cmpuint (rd_framework_get_n_items (framework), ==, 6);
  g_assert_cmpfloat (rd_framework_get_default_target (framework, RD_FACTOR_CAPACITY), ==, 65);

  item = rd_framework_lookup_item (framework, "b-speed");
  g_assert_nonnull (item);
  g_assert_cmpint (rd_item_get_kind (item), ==, RD_ITEM_KIND_NUMBER);
  g_assert_cmpstr (rd_item_get_area_id (item), ==, "beta");
  g_assert_cmpstr (rd_item_get_council_point (item), ==, "4 b i");
  g_assert_cmpstr (rd_text_get (rd_item_get_unit (item), "nl"), ==, "Mbit/s");
  g_assert_cmpfloat (rd_item_get_weight (item, RD_FACTOR_INVESTMENT), ==, 1);
  g_assert_cmpfloat (rd_item_get_weight (item, RD_FACTOR_CAPACITY), ==, 0);
  g_assert_true (rd_item_is_pulse (item));
  ladder = rd_item_get_ladder (item, &n_steps);
  g_assert_cmpuint (n_steps, ==, 3);
  g_assert_cmpfloat (ladder[2].at, ==, 1000);

  item = rd_framework_lookup_item (framework, "a-team");
  g_assert_cmpuint (rd_item_get_version (item), ==, 2);
  g_assert_false (rd_item_accepts_version (item, 1));
  g_assert_true (rd_item_accepts_version (item, 2));
  g_assert_cmpstr (rd_text_get (rd_item_get_text (item), "nl"), ==, "Het team doet mee.");
  /* A language the file lacks falls back to English. */
  g_assert_cmpstr (rd_text_get (rd_item_get_text (item), "de"), ==, "The team takes part.");
}

static void
test_value_checks (void)
{
  g_autoptr(RdFramework) framework = load_fixture ("small.json", NULL);
  RdItem *statement = rd_framework_lookup_item (framework, "a-plan");
  RdItem *percent = rd_framework_lookup_item (framework, "b-share");
  RdItem *number = rd_framework_lookup_item (framework, "b-speed");
  RdItem *yes_no = rd_framework_lookup_item (framework, "b-mfa");
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_item_check_value (statement, 5, NULL));
  g_assert_false (rd_item_check_value (statement, 6, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (rd_item_check_value (statement, 2.5, NULL));
  g_assert_false (rd_item_check_value (statement, 0, NULL));
  g_assert_true (rd_item_check_value (percent, 100, NULL));
  g_assert_false (rd_item_check_value (percent, 100.5, NULL));
  g_assert_false (rd_item_check_value (percent, -1, NULL));
  g_assert_false (rd_item_check_value (number, 10001, NULL));
  g_assert_false (rd_item_check_value (number, NAN, NULL));
  g_assert_true (rd_item_check_value (yes_no, 1, NULL));
  g_assert_false (rd_item_check_value (yes_no, 0.5, NULL));
}

typedef struct
{
  const char *file;
  int code;
  const char *message;
} BrokenCase;

/* Each message must name the file, the place and the problem. */
static const BrokenCase broken_cases[] = {
  /* A damaged file is told in words, with the place (not json-glib's "<data>:20:3: Parse error…"). */
  { "not-json.json", RD_FRAMEWORK_ERROR_SYNTAX,
    "not-json.json: line 20, column 2: the file ends inside a text in quotes: it may have been cut off" },
  { "missing-comma.json", RD_FRAMEWORK_ERROR_SYNTAX,
    "missing-comma.json: line 46, column 6: a comma is missing between two values" },
  { "trailing-comma.json", RD_FRAMEWORK_ERROR_SYNTAX,
    "trailing-comma.json: line 57, column 3: a comma is followed by a closing bracket, with no value after it" },
  { "not-utf8.json", RD_FRAMEWORK_ERROR_SYNTAX, "not-utf8.json: line 25, column 15: not valid UTF-8 text" },
  /* UTF-8 files whose escapes json-glib turns into bytes that are not (found by fuzzing). */
  { "escape-octal.json", RD_FRAMEWORK_ERROR_SYNTAX, "escape-octal.json: areas[0].title.en: not valid UTF-8 text" },
  { "escape-lone-surrogate.json", RD_FRAMEWORK_ERROR_SYNTAX,
    "escape-lone-surrogate.json: items[0].text.en: not valid UTF-8 text" },
  { "wrong-format.json", RD_FRAMEWORK_ERROR_INVALID,
    "wrong-format.json: format: “readiness-survey” is not a Readiness framework" },
  { "future-version.json", RD_FRAMEWORK_ERROR_VERSION,
    "future-version.json: format_version: version 4 is not supported; this Readiness reads versions 1 to 3" },
  { "unknown-factor.json", RD_FRAMEWORK_ERROR_INVALID,
    "unknown-factor.json: items[0] “a-plan”.factors: unknown factor “strategi”" },
  { "duplicate-id.json", RD_FRAMEWORK_ERROR_INVALID,
    "duplicate-id.json: items[2]: duplicate item id “a-plan”" },
  { "ladder-not-ascending.json", RD_FRAMEWORK_ERROR_INVALID,
    "ladder-not-ascending.json: items[3] “b-speed”.ladder[2]: thresholds must ascend (50 after 100)" },
  { "missing-dutch.json", RD_FRAMEWORK_ERROR_INVALID,
    "missing-dutch.json: items[1] “a-team”.help: missing “nl” text" },
  { "unknown-area.json", RD_FRAMEWORK_ERROR_INVALID,
    "unknown-area.json: items[4] “b-share”: unknown area “gamma”" },
  { "unknown-key.json", RD_FRAMEWORK_ERROR_INVALID,
    "unknown-key.json: items[4]: unknown key “scale”" },
  { "statement-with-ladder.json", RD_FRAMEWORK_ERROR_INVALID,
    "statement-with-ladder.json: items[0] “a-plan”: a statement is scored by agreement and takes no ladder" },
  { "fact-without-ladder.json", RD_FRAMEWORK_ERROR_INVALID,
    "fact-without-ladder.json: items[4] “b-share”: a percent item needs a ladder" },
  { "bad-council-point.json", RD_FRAMEWORK_ERROR_INVALID,
    "bad-council-point.json: items[3] “b-speed”: “4.b.i” is not a point of the Council Recommendation" },
  { "score-out-of-range.json", RD_FRAMEWORK_ERROR_INVALID,
    "score-out-of-range.json: items[4] “b-share”.ladder[2]: score 120 must lie between 0 and 100" },
  { "missing-target.json", RD_FRAMEWORK_ERROR_INVALID,
    "missing-target.json: targets: “investment” is missing" },
  { "ladder-first-step.json", RD_FRAMEWORK_ERROR_INVALID,
    "ladder-first-step.json: items[4] “b-share”.ladder: the first step must be at the lowest valid answer, 0" },
  { "yes-no-steps.json", RD_FRAMEWORK_ERROR_INVALID,
    "yes-no-steps.json: items[5] “b-mfa”.ladder: a yes-no ladder has exactly the steps 0 (no) and 1 (yes)" },
  { "zero-weight.json", RD_FRAMEWORK_ERROR_INVALID,
    "zero-weight.json: items[1] “a-team”.factors: weight of “capacity” must be above 0" },
  { "comparable-since-later.json", RD_FRAMEWORK_ERROR_INVALID,
    "comparable-since-later.json: items[0] “a-plan”: “comparable_since” (3) is later than “version” (1)" },
  { "empty-items.json", RD_FRAMEWORK_ERROR_INVALID,
    "empty-items.json: items: “items” must not be empty" },
  { "unit-on-percent.json", RD_FRAMEWORK_ERROR_INVALID,
    "unit-on-percent.json: items[4] “b-share”: “unit” is allowed on number items only" },
  { "extra-language.json", RD_FRAMEWORK_ERROR_INVALID,
    "extra-language.json: items[0] “a-plan”.text: language “fr” is not in “languages”" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *test_case = data;
  g_autofree char *name = g_build_filename ("broken", test_case->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture (name, &error);

  g_assert_null (framework);
  g_assert_error (error, RD_FRAMEWORK_ERROR, test_case->code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, test_case->message))
    g_error ("expected “%s”, got “%s”", test_case->message, error->message);
}

static RdFramework *
load_fixture_edited (const char  *fixture,
                     const char  *find,
                     const char  *replace,
                     GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, find, replace, 1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  return rd_framework_new_from_bytes (bytes, "edited.json", error);
}

static RdFramework *
load_edited (const char  *find,
             const char  *replace,
             GError     **error)
{
  return load_fixture_edited ("small.json", find, replace, error);
}

/* A fact's ladder may differ by school type ("ladders"): the DfE asks
 * 100 Mbit/s of a primary school and 1 Gbit/s of a secondary one. Other
 * types, and schools without one, keep "ladder". */
static void
test_type_ladders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture ("phases.json", &error);
  RdItem *speed, *review;
  const RdLadderStep *ladder;
  g_autoptr(GDate) reviewed = g_date_new_dmy (1, G_DATE_MARCH, 2024);
  g_autoptr(GDate) reference = g_date_new_dmy (1, G_DATE_MARCH, 2026);   /* 24 months later */
  guint n_steps;

  g_assert_no_error (error);
  speed = rd_framework_lookup_item (framework, "b-speed");
  review = rd_framework_lookup_item (framework, "a-review");

  ladder = rd_item_get_ladder_for_type (speed, RD_SCHOOL_TYPE_PRIMARY, &n_steps);
  g_assert_cmpuint (n_steps, ==, 3);
  g_assert_cmpfloat (ladder[2].at, ==, 100);
  g_assert_true (rd_item_has_type_ladder (speed, RD_SCHOOL_TYPE_SECONDARY));
  g_assert_false (rd_item_has_type_ladder (speed, RD_SCHOOL_TYPE_VOCATIONAL));
  g_assert_false (rd_item_has_type_ladder (speed, RD_SCHOOL_TYPE_UNSET));
  g_assert_true (rd_item_get_ladder_for_type (speed, RD_SCHOOL_TYPE_OTHER, &n_steps) ==
                 rd_item_get_ladder (speed, &n_steps));

  /* 250 Mbit/s: full marks for a primary school, a quarter for a
   * secondary one, the default's half for any other. */
  g_assert_cmpfloat (rd_item_score_value (speed, RD_SCHOOL_TYPE_PRIMARY, 250), ==, 100);
  g_assert_cmpfloat (rd_item_score_value (speed, RD_SCHOOL_TYPE_SECONDARY, 250), ==, 25);
  g_assert_cmpfloat (rd_item_score_value (speed, RD_SCHOOL_TYPE_VOCATIONAL, 250), ==, 50);
  g_assert_cmpfloat (rd_item_score_value (speed, RD_SCHOOL_TYPE_UNSET, 250), ==, 50);
  g_assert_cmpfloat (rd_item_score_value (speed, RD_SCHOOL_TYPE_PRIMARY, 30), ==, 50);
  g_assert_true (isnan (rd_item_score_value (speed, RD_SCHOOL_TYPE_PRIMARY, 10001)));

  /* Dates too: a review 24 months old. */
  g_assert_cmpfloat (rd_item_score_date (review, RD_SCHOOL_TYPE_SPECIAL, reviewed, reference), ==, 50);
  g_assert_cmpfloat (rd_item_score_date (review, RD_SCHOOL_TYPE_PRIMARY, reviewed, reference), ==, 0);

  /* Statements have no ladder whatever the type. */
  g_assert_cmpfloat (rd_item_score_value (rd_framework_lookup_item (framework, "a-plan"), RD_SCHOOL_TYPE_PRIMARY, 4),
                     ==, 75);
}

/* "ladders" follows the rules of "ladder", per type, and names only types. */
static void
test_type_ladders_refused (void)
{
  static const struct {
    const char *find;
    const char *replace;
    const char *message;
  } cases[] = {
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": {\"primair\": [{\"at\": 0, \"score\": 0}, {\"at\": 100, \"score\": 100}]}, "
      "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”.ladders: unknown school type “primair” (use primary, secondary, "
      "vocational, special or other)" },
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": {\"secondary\": [{\"at\": 0, \"score\": 0}, {\"at\": 1000, \"score\": 100}, "
      "{\"at\": 100, \"score\": 50}]}, \"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”.ladders.secondary[2]: thresholds must ascend (100 after 1000)" },
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": {\"primary\": [{\"at\": 10, \"score\": 0}, {\"at\": 100, \"score\": 100}]}, "
      "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”.ladders.primary: the first step must be at the lowest valid answer, 0" },
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": {\"primary\": [{\"at\": 0, \"score\": 0}, {\"at\": 20000, \"score\": 100}]}, "
      "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”.ladders.primary[1]: threshold 20000 lies above “max” (10000)" },
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": {}, \"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”.ladders: “ladders” must name at least one school type" },
    { "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "\"ladders\": [{\"at\": 0, \"score\": 0}, {\"at\": 100, \"score\": 100}], "
      "\"factors\": {\"investment\": 1, \"strategy\": 1},",
      "edited.json: items[3] “b-speed”: “ladders” must be an object" },
    { "\"factors\": {\"capacity\": 1},",
      "\"ladders\": {\"special\": [{\"at\": 0, \"score\": 0}, {\"at\": 0.5, \"score\": 50}, {\"at\": 1, \"score\": 100}]}, "
      "\"factors\": {\"capacity\": 1},",
      "edited.json: items[5] “b-mfa”.ladders.special: a yes-no ladder has exactly the steps 0 (no) and 1 (yes)" },
    { "\"factors\": {\"strategy\": 2, \"engagement\": 1},",
      "\"ladders\": {\"primary\": [{\"at\": 1, \"score\": 0}, {\"at\": 5, \"score\": 100}]}, "
      "\"factors\": {\"strategy\": 2, \"engagement\": 1},",
      "edited.json: items[0] “a-plan”: a statement is scored by agreement and takes no ladders" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdFramework) framework = load_edited (cases[i].find, cases[i].replace, &error);

      g_assert_null (framework);
      g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}


/* Several edits of a fixture at once, each of which must apply. */
static RdFramework *
load_fixture_edits (const char          *fixture,
                    const char * const  *edits,   /* find, replace, …, NULL */
                    GError             **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  for (guint i = 0; edits[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (edited, edits[i], edits[i + 1], 1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  return rd_framework_new_from_bytes (bytes, "edited.json", error);
}

static void
assert_refused (const char         *fixture,
                const char * const *edits,
                const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture_edits (fixture, edits, &error);

  g_assert_null (framework);
  g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* An item may name the standard it rests on, and a version of a framework
 * says what became of the items it no longer asks. */
static void
test_standard_and_retired (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture ("versions.json", &error);
  const RdRetiredItem *retired;

  g_assert_no_error (error);
  g_assert_cmpstr (rd_text_get (rd_item_get_standard (rd_framework_lookup_item (framework, "a-plan")), "en"), ==,
                   "SELFIE area A (leadership)");
  g_assert_cmpstr (rd_text_get (rd_item_get_standard (rd_framework_lookup_item (framework, "a-plan")), "nl"), ==,
                   "SELFIE-domein A (leiderschap)");
  g_assert_null (rd_item_get_standard (rd_framework_lookup_item (framework, "a-backup")));

  g_assert_cmpuint (rd_framework_get_n_retired (framework), ==, 2);
  retired = rd_framework_get_retired (framework, 0);
  g_assert_cmpstr (retired->id, ==, "a-backup-and-restore");
  g_assert_cmpuint (retired->version, ==, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) retired->replaced_by), ==, 2);
  g_assert_cmpstr (retired->replaced_by[0], ==, "a-backup");
  g_assert_cmpstr (retired->replaced_by[1], ==, "a-restore");
  g_assert_cmpstr (rd_text_get (retired->reason, "nl"), ==, "Vroeg twee dingen tegelijk.");

  /* Removed: replaced by nothing. */
  retired = rd_framework_lookup_retired (framework, "a-old-question");
  g_assert_nonnull (retired);
  g_assert_cmpuint (retired->version, ==, 3);
  g_assert_null (retired->replaced_by[0]);
  g_assert_null (rd_framework_lookup_retired (framework, "a-plan"));

  /* A framework without "retired" has none. */
  {
    g_autoptr(RdFramework) small = load_fixture ("small.json", NULL);

    g_assert_cmpuint (rd_framework_get_n_retired (small), ==, 0);
    g_assert_null (rd_framework_lookup_retired (small, "a-plan"));
  }
}

static void
test_standard_refused (void)
{
  g_autoptr(GString) long_text = g_string_new ("\"standard\": {\"en\": \"");
  const char *plan = "\"standard\": {\"en\": \"SELFIE area A (leadership)\", \"nl\": \"SELFIE-domein A (leiderschap)\"}";

  for (guint i = 0; i < 201; i++)
    g_string_append (long_text, "s");
  g_string_append (long_text, "\", \"nl\": \"kort\"}");

  assert_refused ("versions.json", (const char *[]) {
    plan, "\"standard\": {\"en\": \"SELFIE area A (leadership)\"}", NULL },
    "edited.json: items[0] “a-plan”.standard: missing “nl” text");
  assert_refused ("versions.json", (const char *[]) { plan, long_text->str, NULL },
                  "edited.json: items[0] “a-plan”.standard.en: longer than 200 characters");
  assert_refused ("versions.json", (const char *[]) { plan, "\"standard\": \"SELFIE\"", NULL },
                  "edited.json: items[0] “a-plan”: “standard” must be an object");
  /* A format 1 reader would refuse the key. */
  assert_refused ("small.json", (const char *[]) {
    "\"format_version\": 2", "\"format_version\": 1",
    "\"council_point\": \"1 a\"", "\"council_point\": \"1 a\", \"standard\": {\"en\": \"S\", \"nl\": \"S\"}",
    NULL },
    "edited.json: items[0]: “standard” needs “format_version” 2");
}

static void
test_retired_refused (void)
{
  const char *first = "{\"id\": \"a-backup-and-restore\", \"version\": 1, \"replaced_by\": [\"a-backup\", \"a-restore\"],";
  g_autoptr(GString) long_reason = g_string_new ("\"reason\": {\"en\": \"");
  static const struct {
    const char *find;
    const char *replace;
    const char *message;
  } cases[] = {
    /* An id is never reused: a question asked again is not retired. */
    { "\"id\": \"a-old-question\"", "\"id\": \"a-plan\"",
      "edited.json: retired[1]: “a-plan” is an item of this version, so it cannot be retired" },
    { "\"id\": \"a-old-question\"", "\"id\": \"a-backup-and-restore\"",
      "edited.json: retired[1]: retired item “a-backup-and-restore” is listed twice" },
    { "\"id\": \"a-old-question\"", "\"id\": \"Old question\"",
      "edited.json: retired[1]: id “Old question” may hold only a–z, 0–9 and “-”" },
    { "[\"a-backup\", \"a-restore\"]", "[\"a-backup\", \"a-restor\"]",
      "edited.json: retired[0] “a-backup-and-restore”.replaced_by[1]: unknown item “a-restor”" },
    { "[\"a-backup\", \"a-restore\"]", "[\"a-backup\", \"a-backup\"]",
      "edited.json: retired[0] “a-backup-and-restore”.replaced_by[1]: item “a-backup” is listed twice" },
    { "[\"a-backup\", \"a-restore\"]", "[\"a-backup\", 2]",
      "edited.json: retired[0] “a-backup-and-restore”.replaced_by[1]: an item id must be a string" },
    { "[\"a-backup\", \"a-restore\"]", "\"a-backup\"",
      "edited.json: retired[0] “a-backup-and-restore”: “replaced_by” must be a list" },
    { "\"version\": 3, \"replaced_by\": []", "\"version\": 0, \"replaced_by\": []",
      "edited.json: retired[1] “a-old-question”: “version” must be 1 or more" },
    { "\"version\": 3, \"replaced_by\": []", "\"version\": 3",
      "edited.json: retired[1] “a-old-question”: “replaced_by” is missing" },
    { "\"replaced_by\": []", "\"replaced_by\": [], \"note\": \"x\"",
      "edited.json: retired[1]: unknown key “note”" },
    { "\"nl\": \"Wordt niet meer gevraagd.\"", "\"de\": \"Nicht mehr gefragt.\"",
      "edited.json: retired[1] “a-old-question”.reason: language “de” is not in “languages”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused ("versions.json", (const char *[]) { cases[i].find, cases[i].replace, NULL }, cases[i].message);

  /* "retired" that is not a list. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "versions.json", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *edited = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RdFramework) framework = NULL;
    char *list;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    list = strstr (contents, "\"retired\": [");
    g_assert_nonnull (list);
    *list = '\0';
    edited = g_strconcat (contents, "\"retired\": {\"a-old-question\": []}\n}\n", NULL);
    bytes = g_bytes_new (edited, strlen (edited));
    framework = rd_framework_new_from_bytes (bytes, "edited.json", &error);
    g_assert_null (framework);
    g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "edited.json: top level: “retired” must be a list");
  }

  /* An element that is not an object. */
  assert_refused ("versions.json", (const char *[]) { first, "7, {\"id\": \"x-dropped\", \"version\": 1, \"replaced_by\": [],", NULL },
                  "edited.json: retired[0]: a retired item must be an object");

  for (guint i = 0; i < RD_MAX_FRAMEWORK_TEXT + 1; i++)
    g_string_append_c (long_reason, i % 80 == 79 ? ' ' : 'r');
  g_string_append (long_reason, "\", \"nl\": \"Vroeg twee dingen tegelijk.\"}");
  assert_refused ("versions.json", (const char *[]) {
    "\"reason\": {\"en\": \"Asked two things at once.\", \"nl\": \"Vroeg twee dingen tegelijk.\"}", long_reason->str, NULL },
    "edited.json: retired[0] “a-backup-and-restore”.reason.en: longer than 2000 characters");

  /* A format 1 reader would refuse the key. */
  assert_refused ("versions.json", (const char *[]) {
    "\"format_version\": 2", "\"format_version\": 1",
    "\"standard\": {\"en\": \"SELFIE area A (leadership)\", \"nl\": \"SELFIE-domein A (leiderschap)\"},", "", NULL },
    "edited.json: top level: “retired” needs “format_version” 2");
}

static double
score_for_type (RdFramework  *framework,
                const char   *item_id,
                RdSchoolType  type,
                double        value)
{
  RdItem *item = rd_framework_lookup_item (framework, item_id);

  g_assert_nonnull (item);
  return rd_item_score_value (item, type, value);
}

/* The DfE's minimum for a primary school, 100 Mbit/s, meets the national
 * minimum; a secondary school needs 1 Gbit/s, the Council's aim for all. */
static void
test_builtin_bandwidth_by_type (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  RdItem *bandwidth = rd_framework_lookup_item (framework, "con-bandwidth");

  g_assert_cmpuint (rd_item_get_version (bandwidth), ==, 2);
  g_assert_false (rd_item_accepts_version (bandwidth, 1));
  g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_PRIMARY, 100), >=, 75);
  g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_SECONDARY, 100), <,
                     score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_PRIMARY, 100));
  g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_SECONDARY, 100), <=, 20);
  g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_VOCATIONAL, 100), <=, 20);
  for (RdSchoolType t = 0; t < RD_N_SCHOOL_TYPES; t++)
    g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", t, 1000), ==, 100);
  g_assert_cmpfloat (score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_UNSET, 100), <,
                     score_for_type (framework, "con-bandwidth", RD_SCHOOL_TYPE_PRIMARY, 100));

  /* Upload: 30 Mbit/s for a primary school, 200 Mbit/s for a secondary one. */
  g_assert_cmpfloat (score_for_type (framework, "con-upload", RD_SCHOOL_TYPE_PRIMARY, 30), >=, 75);
  g_assert_cmpfloat (score_for_type (framework, "con-upload", RD_SCHOOL_TYPE_SECONDARY, 30), <, 50);
  g_assert_cmpfloat (score_for_type (framework, "con-upload", RD_SCHOOL_TYPE_SECONDARY, 200), >=, 75);
}

/* Facts the standards expect of everyone score full marks only there. */
static void
test_builtin_ladders (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  RdItem *per_device = rd_framework_lookup_item (framework, "dev-learners-per-device");
  g_autoptr(GError) error = NULL;

  /* Learners per device: 0 is no answer; fewer than one learner is. */
  g_assert_false (rd_item_check_value (per_device, 0, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_true (isnan (rd_item_score_value (per_device, RD_SCHOOL_TYPE_UNSET, 0)));
  g_assert_true (rd_item_check_value (per_device, 0.5, NULL));
  g_assert_cmpfloat (rd_item_score_value (per_device, RD_SCHOOL_TYPE_UNSET, 0.5), ==, 100);
  g_assert_cmpfloat (rd_item_score_value (per_device, RD_SCHOOL_TYPE_UNSET, 1), ==, 100);
  g_assert_cmpuint (rd_item_get_version (per_device), ==, 2);

  /* Cybersecurity training: all staff every year. */
  g_assert_cmpfloat (score_for_type (framework, "cyb-staff-trained", RD_SCHOOL_TYPE_UNSET, 100), ==, 100);
  g_assert_cmpfloat (score_for_type (framework, "cyb-staff-trained", RD_SCHOOL_TYPE_UNSET, 90), ==, 60);
  g_assert_cmpfloat (score_for_type (framework, "cyb-staff-trained", RD_SCHOOL_TYPE_UNSET, 50), <=, 20);
}

/* Multi-factor authentication on the administrator accounts only is a
 * first step, not nothing: in 1.0 such a school answered "no" to the one
 * question about MFA and scored 0. */
static void
test_builtin_mfa_admin_only (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(RdAnalysis) analysis = NULL;
  g_autoptr(RdAnalysis) pulse = NULL;

  /* 3 administrator accounts of 60 staff accounts: 5%. */
  rd_test_add_answer (answers, 1, RD_GROUP_SUPPORT_STAFF, "cyb-mfa-admin", 1, 1);
  rd_test_add_answer (answers, 1, RD_GROUP_SUPPORT_STAFF, "cyb-mfa-staff", 2, 5);
  analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  pulse = rd_analysis_new (framework, RD_ASSESSMENT_MODE_PULSE, answers, NULL);

  g_assert_cmpfloat (rd_analysis_get_item_score (analysis, "cyb-mfa-admin", NULL), ==, 100);
  g_assert_cmpfloat (rd_analysis_get_item_score (analysis, "cyb-mfa-staff", NULL), >, 0);
  g_assert_cmpfloat (rd_analysis_get_area_score (analysis, "cybersecurity", NULL), >=, 50);
  /* The pulse asks the share of staff accounts only. */
  g_assert_cmpfloat (rd_analysis_get_item_score (pulse, "cyb-mfa-staff", NULL), >, 0);
  g_assert_cmpfloat (rd_analysis_get_item_score (pulse, "cyb-mfa-staff", NULL), <, 50);
  g_assert_cmpfloat (score_for_type (framework, "cyb-mfa-staff", RD_SCHOOL_TYPE_UNSET, 100), ==, 100);
  g_assert_cmpfloat (score_for_type (framework, "cyb-mfa-staff", RD_SCHOOL_TYPE_UNSET, 0), ==, 0);
}

/* What became of every item of 1.0: each retired id is gone from the
 * items, and the ids that replace it are there. */
static void
test_builtin_retired (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  static const char * const merged[][2] = {
    { "str-stakeholders", "eng-stakeholder-voice" },
    { "con-joint-procurement", "eng-joint-procurement" },
    { "tch-teacher-choice", "trn-teachers-decide" },
    { "trn-budget-time", "str-investment-training" },
  };
  static const char * const split[] = { "cyb-offsite-backup", "cyb-incident-plan", "cyb-data-protection" };

  g_assert_cmpstr (rd_framework_get_version (framework), ==, "2.0");
  for (guint i = 0; i < G_N_ELEMENTS (merged); i++)
    {
      const RdRetiredItem *retired = rd_framework_lookup_retired (framework, merged[i][0]);

      g_assert_nonnull (retired);
      g_assert_null (rd_framework_lookup_item (framework, merged[i][0]));
      g_assert_true (g_strv_contains (retired->replaced_by, merged[i][1]));
      g_assert_nonnull (rd_framework_lookup_item (framework, merged[i][1]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (split); i++)
    {
      const RdRetiredItem *retired = rd_framework_lookup_retired (framework, split[i]);

      g_assert_nonnull (retired);
      g_assert_null (rd_framework_lookup_item (framework, split[i]));
      g_assert_cmpuint (g_strv_length ((GStrv) retired->replaced_by), >=, 2);
    }
}

/* Every item names the standard it rests on, and a point of the
 * Recommendation that exists (not only one that looks like one). */
static void
test_builtin_sources (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      const RdText *standard = rd_item_get_standard (item);

      if (standard == NULL)
        g_error ("%s names no standard", rd_item_get_id (item));
      g_assert_cmpstr (rd_text_get (standard, "nl"), !=, rd_text_get (standard, "en"));
      if (!rd_council_point_is_known (rd_item_get_council_point (item)))
        g_error ("%s: “%s” is not a point of the Recommendation", rd_item_get_id (item),
                 rd_item_get_council_point (item));
    }
}

/* Titles, texts and the version have limits; a file over one is refused
 * with the place and the limit. */
static void
test_text_limits (void)
{
  g_autofree char *title_max = NULL, *title_over = NULL, *text_over = NULL, *version_over = NULL;
  struct {
    const char *find;
    const char *replace;
    const char *message;
  } cases[4];
  GString *build;

  build = g_string_new ("\"en\": \"");
  for (guint i = 0; i < RD_MAX_FRAMEWORK_TITLE; i++)
    g_string_append (build, "α");
  title_max = g_strconcat (build->str, "\"", NULL);
  g_string_append (build, "Ω\"");
  title_over = g_string_free (build, FALSE);

  build = g_string_new ("\"nl\": \"");
  for (guint i = 0; i < RD_MAX_FRAMEWORK_TEXT + 1; i++)
    g_string_append_c (build, i % 80 == 79 ? ' ' : 'w');
  g_string_append_c (build, '"');
  text_over = g_string_free (build, FALSE);

  build = g_string_new ("\"version\": \"");
  for (guint i = 0; i < RD_MAX_VERSION + 1; i++)
    g_string_append_c (build, '1');
  g_string_append_c (build, '"');
  version_over = g_string_free (build, FALSE);

  cases[0].find = "\"en\": \"Alpha\"";
  cases[0].replace = title_over;
  cases[0].message = "edited.json: areas[0] “alpha”.title.en: longer than 200 characters";
  cases[1].find = "\"nl\": \"Een geschreven plan.\"";
  cases[1].replace = text_over;
  cases[1].message = "edited.json: items[0] “a-plan”.help.nl: longer than 2000 characters";
  cases[2].find = "\"version\": \"1.0\"";
  cases[2].replace = version_over;
  cases[2].message = "edited.json: top level.version: longer than 64 characters";
  cases[3].find = "\"en\": \"Small fixture\"";
  cases[3].replace = title_over;
  cases[3].message = "edited.json: top level.title.en: longer than 200 characters";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdFramework) framework = load_edited (cases[i].find, cases[i].replace, &error);

      g_assert_null (framework);
      g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RdFramework) framework = load_edited ("\"en\": \"Alpha\"", title_max, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_utf8_strlen (rd_text_get (rd_area_get_title (rd_framework_get_area (framework, 0)), "en"),
                                     -1), ==, RD_MAX_FRAMEWORK_TITLE);
  }
}

/* Control characters and overrides are taken out of every text; help and
 * other long texts keep their lines, titles do not. */
static void
test_text_cleaned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  RdItem *item;

  framework = load_edited ("\"text\": {\"en\": \"We have a plan.\"",
                           "\"text\": {\"en\": \"\\u202eWe have\\u001b[31m a plan.\\u0007\"", &error);
  g_assert_no_error (error);
  item = rd_framework_lookup_item (framework, "a-plan");
  g_assert_cmpstr (rd_text_get (rd_item_get_text (item), "en"), ==, "We have[31m a plan.");
  g_clear_object (&framework);

  framework = load_edited ("\"help\": {\"en\": \"A written plan.\"",
                           "\"help\": {\"en\": \"A written\\r\\nplan.\\u009b\"", &error);
  g_assert_no_error (error);
  item = rd_framework_lookup_item (framework, "a-plan");
  g_assert_cmpstr (rd_text_get (rd_item_get_help (item), "en"), ==, "A written\nplan.");
  g_clear_object (&framework);

  framework = load_edited ("\"en\": \"Alpha\"", "\"en\": \"Al\\npha\\t\"", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_text_get (rd_area_get_title (rd_framework_get_area (framework, 0)), "en"), ==, "Al pha");
}

/* An area may give a short title, for the sidebar and the charts' labels
 * (format 3); without one, the title stands in. The built-in editions give
 * one for every area, in every language, within the limit. */
static void
test_short_title (void)
{
  const char *editions[] = { "/io/github/digiready/Readiness/frameworks/digital-readiness.json",
                             "/io/github/digiready/Readiness/frameworks/digital-readiness-1.0.json" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) small = load_fixture ("small.json", &error);
  g_autoptr(RdFramework) edited = NULL;
  RdArea *alpha;

  g_assert_no_error (error);
  alpha = rd_framework_get_area (small, 0);
  g_assert_true (rd_area_get_short_title (alpha) == rd_area_get_title (alpha));

  edited = load_fixture_edits ("small.json", (const char *[]) {
    "\"format_version\": 2", "\"format_version\": 3",
    "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"},",
    "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, \"short_title\": {\"en\": \"A\", \"nl\": \"Al\"},",
    NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_text_get (rd_area_get_short_title (rd_framework_get_area (edited, 0)), "nl"), ==, "Al");
  g_assert_cmpstr (rd_text_get (rd_area_get_title (rd_framework_get_area (edited, 0)), "nl"), ==, "Alfa");
  /* The other area has none: its title. */
  g_assert_cmpstr (rd_text_get (rd_area_get_short_title (rd_framework_get_area (edited, 1)), "en"), ==, "Beta");

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (editions[e], G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr(RdFramework) framework = NULL;

      g_assert_no_error (error);
      framework = rd_framework_new_from_bytes (bytes, editions[e], &error);
      g_assert_no_error (error);
      for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
        {
          RdArea *area = rd_framework_get_area (framework, a);

          g_assert_true (rd_area_get_short_title (area) != rd_area_get_title (area));
          for (const char *const *lang = (const char *const *) rd_framework_get_languages (framework); *lang; lang++)
            {
              const char *text = rd_text_get (rd_area_get_short_title (area), *lang);

              g_assert_nonnull (text);
              g_assert_cmpuint (g_utf8_strlen (text, -1), <=, RD_MAX_FRAMEWORK_SHORT_TITLE);
              g_assert_cmpuint (g_utf8_strlen (text, -1), <, g_utf8_strlen (rd_text_get (rd_area_get_title (area),
                                                                                          *lang), -1) + 1);
            }
        }
    }
}

static void
test_short_title_refused (void)
{
  const char *format_3 = "\"format_version\": 2";
  const char *title = "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"},";

  assert_refused ("small.json", (const char *[]) {
    format_3, "\"format_version\": 3",
    title, "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, \"short_title\": {\"en\": \"A\"},", NULL },
    "edited.json: areas[0] “alpha”.short_title: missing “nl” text");
  assert_refused ("small.json", (const char *[]) {
    format_3, "\"format_version\": 3",
    title, "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, "
           "\"short_title\": {\"en\": \"A\", \"nl\": \"Vijfentwintig tekens lang\"},", NULL },
    "edited.json: areas[0] “alpha”.short_title.nl: longer than 24 characters");
  assert_refused ("small.json", (const char *[]) {
    format_3, "\"format_version\": 3",
    title, "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, \"short_title\": \"A\",", NULL },
    "edited.json: areas[0] “alpha”: “short_title” must be an object");
  assert_refused ("small.json", (const char *[]) {
    format_3, "\"format_version\": 3",
    title, "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, \"short_title\": {\"en\": \"A\", \"nl\": \"\"},", NULL },
    "edited.json: areas[0] “alpha”.short_title: “nl” must not be empty");
  /* A reader of format 2 would refuse the key. */
  assert_refused ("small.json", (const char *[]) {
    title, "\"title\": {\"en\": \"Alpha\", \"nl\": \"Alfa\"}, \"short_title\": {\"en\": \"A\", \"nl\": \"A\"},", NULL },
    "edited.json: areas[0]: “short_title” needs “format_version” 3");
}

static void
assert_file_fails (const char *dir,
                   const char *name,
                   int         code,
                   const char *message)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = rd_framework_new_from_file (file, &error);

  g_assert_null (framework);
  g_assert_error (error, RD_FRAMEWORK_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_remove (path);
}

/* Hostile files: JSON nested 80,000 deep (160 KB) overflowed the stack
 * inside json-glib; a key given twice was taken as its last value; a file
 * over the size limit is refused unread (a hole, which reads as zeros). */
static void
test_hostile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-framework-XXXXXX", NULL);
  g_autofree char *deep = rd_test_deep_json (80000);
  g_autofree char *small_path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", "small.json", NULL);
  g_autofree char *small = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) twice = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (deep, strlen (deep));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;

  path = g_build_filename (dir, "deep.json", NULL);
  rd_test_write_file (path, deep);
  assert_file_fails (dir, "deep.json", RD_FRAMEWORK_ERROR_SYNTAX, "deep.json: line 1, column 65: nested deeper than 64");
  /* The command line reads the bytes itself. */
  framework = rd_framework_new_from_bytes (bytes, "deep.json", &error);
  g_assert_null (framework);
  g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "deep.json: line 1, column 65: nested deeper than 64");

  g_assert_true (g_file_get_contents (small_path, &small, NULL, NULL));
  twice = g_string_new (small);
  g_assert_cmpuint (g_string_replace (twice, "\"id\": \"small-fixture\",", "\"id\": \"small-fixture\", \"id\": \"x\",", 1),
                    ==, 1);
  g_free (path);
  path = g_build_filename (dir, "twice.json", NULL);
  rd_test_write_file (path, twice->str);
  assert_file_fails (dir, "twice.json", RD_FRAMEWORK_ERROR_INVALID, "twice.json: top level: key “id” appears twice");

  g_free (path);
  path = g_build_filename (dir, "big.json", NULL);
  rd_test_write_hole (path, 4 * 1024 * 1024 + 1);
  assert_file_fails (dir, "big.json", RD_FRAMEWORK_ERROR_TOO_LARGE,
                     "big.json: the file is 4.1 MB, more than the 4 MB a framework file may have");
  g_rmdir (dir);
}

static void
test_builtin_audience (void)
{
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  static const char * const technical[] = {
    "cyb-mfa-staff", "cyb-mfa-admin", "prv-processor-agreements", "prv-processing-register", "cyb-backup-321",
    "cyb-backup-offline", "con-bandwidth", "con-upload", "dev-learners-per-device", "cyb-security-budget",
  };

  for (guint i = 0; i < G_N_ELEMENTS (technical); i++)
    {
      RdItem *item = rd_framework_lookup_item (framework, technical[i]);

      g_assert_nonnull (item);
      g_assert_false (rd_item_asks (item, RD_GROUP_LEARNER));
      g_assert_false (rd_item_asks (item, RD_GROUP_PARENT));
      g_assert_false (rd_item_asks (item, RD_GROUP_TEACHER));
      g_assert_true (rd_item_asks (item, RD_GROUP_SUPPORT_STAFF));
    }

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      gboolean fact = rd_item_kind_is_fact (rd_item_get_kind (item));

      g_assert_true (rd_item_asks (item, RD_GROUP_LEADER));
      if (fact != rd_item_get_responsible (item, NULL))
        g_error ("%s: a fact needs a responsible group, a statement none", rd_item_get_id (item));
    }

  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      guint n_full = rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_FULL, g);
      guint n_pulse = rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_PULSE, g);

      g_test_message ("%s: %u items, %u in a pulse", rd_group_to_id (g), n_full, n_pulse);
      g_assert_cmpuint (n_pulse, >=, 2);
    }
  g_assert_cmpuint (rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER), ==,
                    rd_framework_get_n_items (framework));
}

#define BIT(group) (1u << (group))

/* Who is asked each item; a fact's responsible group; everyone when the
 * framework says nothing, as in every format 1 file. */
static void
test_audience (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_fixture ("audience.json", &error);
  g_autoptr(RdFramework) old = load_fixture ("small.json", NULL);
  g_autoptr(GPtrArray) learner_items = NULL;
  RdItem *plan, *speed, *share;
  RdGroup responsible;

  g_assert_no_error (error);
  plan = rd_framework_lookup_item (framework, "a-plan");
  speed = rd_framework_lookup_item (framework, "b-speed");
  share = rd_framework_lookup_item (framework, "b-share");

  g_assert_cmpuint (rd_item_get_audience (plan), ==,
                    BIT (RD_GROUP_LEADER) | BIT (RD_GROUP_TEACHER) | BIT (RD_GROUP_LEARNER));
  g_assert_true (rd_item_asks (plan, RD_GROUP_LEARNER));
  g_assert_false (rd_item_asks (plan, RD_GROUP_PARENT));
  g_assert_false (rd_item_get_responsible (plan, NULL));

  g_assert_false (rd_item_asks (speed, RD_GROUP_LEARNER));
  g_assert_true (rd_item_get_responsible (speed, &responsible));
  g_assert_cmpint (responsible, ==, RD_GROUP_SUPPORT_STAFF);

  /* No audience: everyone is asked. */
  g_assert_cmpuint (rd_item_get_audience (share), ==, RD_EVERY_GROUP);
  for (guint i = 0; i < rd_framework_get_n_items (old); i++)
    {
      g_assert_cmpuint (rd_item_get_audience (rd_framework_get_item (old, i)), ==, RD_EVERY_GROUP);
      g_assert_false (rd_item_get_responsible (rd_framework_get_item (old, i), NULL));
    }

  /* A learner's questionnaire: a-plan and b-share, nothing about bandwidth or MFA. */
  learner_items = rd_framework_list_asked_items (framework, NULL, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEARNER);
  g_assert_cmpuint (learner_items->len, ==, 2);
  g_assert_cmpstr (rd_item_get_id (g_ptr_array_index (learner_items, 0)), ==, "a-plan");
  g_assert_cmpstr (rd_item_get_id (g_ptr_array_index (learner_items, 1)), ==, "b-share");
  g_assert_cmpuint (rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEARNER), ==, 2);
  g_assert_cmpuint (rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_PULSE, RD_GROUP_LEARNER), ==, 1);
  g_assert_cmpuint (rd_framework_count_asked_items (framework, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER), ==, 6);
}

/* Each mistake in an audience is named with its place. */
static void
test_audience_broken (void)
{
  static const struct {
    const char *find;
    const char *replace;
    const char *message;
  } cases[] = {
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]", "\"audience\": [\"leader\", \"teachers\"]",
      "edited.json: items[0] “a-plan”.audience[1]: unknown group “teachers” "
      "(use leader, teacher, support-staff, learner, parent or other)" },
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]", "\"audience\": []",
      "edited.json: items[0] “a-plan”.audience: an audience names at least one group; leave it out to ask everyone" },
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]", "\"audience\": [\"leader\", \"teacher\", \"leader\"]",
      "edited.json: items[0] “a-plan”.audience[2]: group “leader” is listed twice" },
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]", "\"audience\": \"leader\"",
      "edited.json: items[0] “a-plan”.audience: an audience is a list of groups" },
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]", "\"audience\": [\"leader\", 3]",
      "edited.json: items[0] “a-plan”.audience[1]: a group must be a string" },
    { "\"audience\": [\"leader\", \"support-staff\"], \"responsible\": \"support-staff\",\n     \"text\": {\"en\": \"Bandwidth\"",
      "\"audience\": [\"leader\", \"support-staff\"], \"responsible\": \"teacher\",\n     \"text\": {\"en\": \"Bandwidth\"",
      "edited.json: items[3] “b-speed”.responsible: the responsible group “teacher” is not in the audience" },
    { "\"audience\": [\"leader\", \"support-staff\"], \"responsible\": \"support-staff\",\n     \"text\": {\"en\": \"Bandwidth\"",
      "\"audience\": [\"leader\", \"support-staff\"], \"responsible\": \"ict\",\n     \"text\": {\"en\": \"Bandwidth\"",
      "edited.json: items[3] “b-speed”.responsible: unknown group “ict” "
      "(use leader, teacher, support-staff, learner, parent or other)" },
    { "\"audience\": [\"leader\", \"teacher\", \"learner\"]",
      "\"audience\": [\"leader\", \"teacher\", \"learner\"], \"responsible\": \"leader\"",
      "edited.json: items[0] “a-plan”: a statement asks for views, which all count; “responsible” is for facts only" },
    /* A file that says format 1 must stay readable by a reader of format 1. */
    { "\"format_version\": 2", "\"format_version\": 1",
      "edited.json: items[0]: “audience” needs “format_version” 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdFramework) framework = load_fixture_edited ("audience.json", cases[i].find, cases[i].replace,
                                                              &error);

      g_assert_null (framework);
      g_assert_error (error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* "responsible" alone: the group must be one of everyone, which it is. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RdFramework) framework =
      load_fixture_edited ("audience.json", "\"audience\": [\"leader\"], \"responsible\": \"leader\"",
                           "\"responsible\": \"leader\"", &error);
    RdGroup responsible;

    g_assert_no_error (error);
    g_assert_cmpuint (rd_item_get_audience (rd_framework_lookup_item (framework, "a-review")), ==, RD_EVERY_GROUP);
    g_assert_true (rd_item_get_responsible (rd_framework_lookup_item (framework, "a-review"), &responsible));
    g_assert_cmpint (responsible, ==, RD_GROUP_LEADER);
  }
}

/* Titles, texts and the version have limits; a file over one is refused
 * with the place and the limit. */
int
main (int   argc,
      char *argv[])
{
  /* Messages are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/framework/builtin/counts", test_builtin_counts);
  g_test_add_func ("/framework/builtin/pulse-covers-factors", test_builtin_pulse_covers_factors);
  g_test_add_func ("/framework/builtin/audience", test_builtin_audience);
  g_test_add_func ("/framework/builtin/bandwidth-by-type", test_builtin_bandwidth_by_type);
  g_test_add_func ("/framework/builtin/ladders", test_builtin_ladders);
  g_test_add_func ("/framework/builtin/mfa-admin-only", test_builtin_mfa_admin_only);
  g_test_add_func ("/framework/builtin/retired", test_builtin_retired);
  g_test_add_func ("/framework/builtin/sources", test_builtin_sources);
  g_test_add_func ("/framework/standard-and-retired", test_standard_and_retired);
  g_test_add_func ("/framework/standard/refused", test_standard_refused);
  g_test_add_func ("/framework/retired/refused", test_retired_refused);
  g_test_add_func ("/framework/fixture/small", test_small_fixture);
  g_test_add_func ("/framework/fixture/type-ladders", test_type_ladders);
  g_test_add_func ("/framework/type-ladders/refused", test_type_ladders_refused);
  g_test_add_func ("/framework/audience", test_audience);
  g_test_add_func ("/framework/audience/broken", test_audience_broken);
  g_test_add_func ("/framework/item/value-checks", test_value_checks);
  g_test_add_func ("/framework/text/limits", test_text_limits);
  g_test_add_func ("/framework/text/cleaned", test_text_cleaned);
  g_test_add_func ("/framework/area/short-title", test_short_title);
  g_test_add_func ("/framework/area/short-title/refused", test_short_title_refused);
  g_test_add_func ("/framework/hostile", test_hostile);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/framework/broken/%s", broken_cases[i].file);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
