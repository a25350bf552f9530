/* The professional-learning log: its model, its store part and the
 * figures it gives the analysis, on a real store with the built-in
 * framework. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sqlite3.h>

#include "rd-analysis.h"
#include "rd-csv.h"
#include "rd-answers-csv.h"
#include "rd-errors.h"
#include "rd-exchange.h"
#include "rd-learning-activity.h"
#include "rd-learning-csv.h"
#include "rd-learning-facts.h"
#include "rd-limits.h"
#include "rd-results.h"
#include "rd-staff-member.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "School", NULL, RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  rd_test_store_clear (&fixture->test_store);
}

static void
sql (Fixture    *fixture,
     const char *statement)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
  sqlite3_close (db);
}

static gint64
count (Fixture    *fixture,
       const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
add_staff (Fixture    *fixture,
           const char *name,
           RdGroup     group,
           const char *joined,
           const char *departed)
{
  g_autoptr(GError) error = NULL;
  RdStaffMemberInfo info = { .school_id = fixture->school_id, .name = name, .group = group,
                             .joined = joined, .departed = departed };
  gint64 id = rd_store_add_staff_member (fixture->store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_activity (Fixture    *fixture,
              gint64      staff_id,
              const char *issued,
              const char *areas,
              double      hours,
              double      ects)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) area_ids = g_strsplit (areas, ";", -1);
  RdLearningActivityInfo info = {
    .staff_id = staff_id,
    .title = "Course",
    .issued = issued,
    .workload_hours = hours,
    .workload_ects = ects,
    .area_ids = (const char * const *) area_ids,
  };
  gint64 id = rd_store_add_learning_activity (fixture->store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
expect_invalid (const RdLearningActivityInfo *info,
                const char                   *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rd_learning_activity_info_validate (info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  RdLearningActivityInfo good = { .staff_id = 1, .title = "Phishing awareness", .issued = "2026-09-14" };
  RdLearningActivityInfo info;
  static const char * const areas[] = { "cybersecurity", NULL };
  RdLearningActivityInfo full = {
    .staff_id = 1, .title = "Digital pedagogy", .issuer_country = "NL", .awarding_body = "Kennisnet",
    .issued = "2026-09-14", .learning_outcomes = "Plans a lesson with digital tools", .workload_ects = 1,
    .assessment_type = "Portfolio", .participation = RD_PARTICIPATION_BLENDED,
    .quality_assurance = "Accredited provider", .area_ids = areas,
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_learning_activity_info_validate (&good, &error));
  g_assert_no_error (error);

  info = good, info.staff_id = 0;
  expect_invalid (&info, "A learning activity belongs to a staff member: choose one");
  info = good, info.title = "  ";
  expect_invalid (&info, "A learning activity needs a title");
  info = good, info.issued = NULL;
  expect_invalid (&info, "A learning activity needs its date of issue");
  info = good, info.issued = "2026-02-30";
  expect_invalid (&info, "“2026-02-30” is not a date of issue such as 2026-10-14");
  info = good, info.workload_hours = -1;
  expect_invalid (&info, "A workload in hours cannot be negative");
  info = good, info.workload_ects = -0.5;
  expect_invalid (&info, "A workload in ECTS credits cannot be negative");
  info = good, info.workload_ects = NAN;
  expect_invalid (&info, "A workload in ECTS credits cannot be negative");
  info = good, info.workload_ects = 61;
  expect_invalid (&info, "A workload of more than 60 ECTS credits is more than a year of study");
  info = good, info.workload_hours = 2001;
  expect_invalid (&info, "A workload of more than 2000 hours is more than a year of study");
  info = good, info.eqf_level = 9;
  expect_invalid (&info, "The EQF level is a number from 1 to 8");
  info = good, info.participation = RD_N_PARTICIPATIONS;
  expect_invalid (&info, "The form of participation is online, on site or blended");
  info = good, info.supervision = RD_N_SUPERVISIONS;
  expect_invalid (&info, "The kind of supervision is not one the log knows");
  info = good, info.stackability = RD_N_STACKABILITIES;
  expect_invalid (&info, "An activity is stand-alone or stackable");

  /* An in-school workshop is no micro-credential: valid, 7 elements short. */
  g_assert_cmpuint (rd_credential_elements_count (rd_learning_activity_info_missing (&good)), ==, 7);
  g_assert_cmpuint (rd_learning_activity_info_missing (&good) & (RD_ELEMENT_TITLE | RD_ELEMENT_ISSUED), ==, 0);
  g_assert_cmpuint (rd_learning_activity_info_missing (&full), ==, 0);
  info = full, info.workload_ects = 0, info.workload_hours = 3;
  g_assert_cmpuint (rd_learning_activity_info_missing (&info), ==, 0);
  info = full, info.workload_ects = 0;
  g_assert_cmpuint (rd_learning_activity_info_missing (&info), ==, RD_ELEMENT_WORKLOAD);
  info = full, info.participation = RD_PARTICIPATION_NONE, info.quality_assurance = "";
  g_assert_cmpuint (rd_learning_activity_info_missing (&info), ==,
                    RD_ELEMENT_PARTICIPATION | RD_ELEMENT_QUALITY_ASSURANCE);
  for (guint e = 0; e < RD_N_CREDENTIAL_ELEMENTS; e++)
    g_assert_nonnull (rd_credential_element_get_title (1u << e));

  /* Hours for the figures: hours first, else 25 hours per ECTS credit. */
  g_assert_cmpfloat (rd_learning_activity_info_get_hours (&full), ==, 25);
  info = full, info.workload_hours = 8;
  g_assert_cmpfloat (rd_learning_activity_info_get_hours (&info), ==, 8);
  g_assert_cmpfloat (rd_learning_activity_info_get_hours (&good), ==, 0);
}

static void
test_enums (void)
{
  RdParticipation participation;
  RdSupervision supervision;
  RdStackability stackability;

  for (guint i = 1; i < RD_N_PARTICIPATIONS; i++)
    {
      g_assert_true (rd_participation_from_id (rd_participation_to_id (i), &participation));
      g_assert_cmpuint (participation, ==, i);
    }
  for (guint i = 1; i < RD_N_SUPERVISIONS; i++)
    {
      g_assert_true (rd_supervision_from_id (rd_supervision_to_id (i), &supervision));
      g_assert_cmpuint (supervision, ==, i);
    }
  for (guint i = 1; i < RD_N_STACKABILITIES; i++)
    {
      g_assert_true (rd_stackability_from_id (rd_stackability_to_id (i), &stackability));
      g_assert_cmpuint (stackability, ==, i);
    }
  g_assert_true (rd_participation_from_id ("", &participation));
  g_assert_cmpuint (participation, ==, RD_PARTICIPATION_NONE);
  g_assert_false (rd_participation_from_id ("onsite", &participation));
  g_assert_false (rd_supervision_from_id ("proctored", &supervision));
  g_assert_false (rd_stackability_from_id ("stackable ", &stackability));
}

static void
test_staff (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *long_name = g_strnfill (RD_MAX_STAFF_NAME + 1, 'x');
  RdStaffMemberInfo info = { .school_id = fixture->school_id, .name = "  Ann\tde Vries\n", .group = RD_GROUP_TEACHER };
  gint64 ann, bert;

  ann = rd_store_add_staff_member (fixture->store, &info, &error);
  g_assert_no_error (error);
  bert = add_staff (fixture, "Bert", RD_GROUP_SUPPORT_STAFF, "2024-08-26", NULL);

  info.name = "Ann de Vries";
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The log already has a staff member called “Ann de Vries”");
  g_clear_error (&error);

  info.name = long_name;
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "A staff member’s name can have at most 100 characters");
  g_clear_error (&error);

  info.name = "Carla";
  info.group = RD_GROUP_PARENT;
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  info.group = RD_GROUP_LEADER;
  info.joined = "2026-08-01";
  info.departed = "2026-07-31";
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "A staff member’s date of leaving must come after the date of joining");
  g_clear_error (&error);

  info.departed = "31-07-2027";
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "“31-07-2027” is not a date of leaving such as 2027-07-31");
  g_clear_error (&error);

  info.school_id = 999;
  info.departed = NULL;
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (rd_staff_member_get_name (g_ptr_array_index (staff, 0)), ==, "Ann de Vries");
  g_assert_cmpint (rd_staff_member_get_group (g_ptr_array_index (staff, 1)), ==, RD_GROUP_SUPPORT_STAFF);
  g_assert_cmpstr (rd_staff_member_get_joined (g_ptr_array_index (staff, 1)), ==, "2024-08-26");
  g_clear_pointer (&staff, g_ptr_array_unref);

  info = (RdStaffMemberInfo) { .school_id = fixture->school_id, .name = "Bert B.", .group = RD_GROUP_LEADER,
                               .departed = "2027-01-31" };
  g_assert_true (rd_store_update_staff_member (fixture->store, bert, &info, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_trash_staff_member (fixture->store, ann, &error));
  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (rd_staff_member_get_name (g_ptr_array_index (staff, 0)), ==, "Bert B.");
  g_assert_cmpstr (rd_staff_member_get_departed (g_ptr_array_index (staff, 0)), ==, "2027-01-31");
  g_clear_pointer (&staff, g_ptr_array_unref);

  /* Editing one in the trash fails; restoring brings it back. */
  info.name = "Ann";
  g_assert_false (rd_store_update_staff_member (fixture->store, ann, &info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rd_store_restore_staff_member (fixture->store, ann, &error));
  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (staff->len, ==, 2);

  /* Purged only from the trash; then the name is free again. */
  g_assert_true (rd_store_purge_staff_member (fixture->store, ann, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff_member"), ==, 2);
  g_assert_true (rd_store_trash_staff_member (fixture->store, ann, &error));
  info = (RdStaffMemberInfo) { .school_id = fixture->school_id, .name = "Ann de Vries", .group = RD_GROUP_TEACHER };
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (rd_store_purge_staff_member (fixture->store, ann, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff_member"), ==, 1);
  g_assert_cmpint (rd_store_add_staff_member (fixture->store, &info, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_activities (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(RdLearningActivity) got = NULL;
  g_autofree char *long_outcomes = g_strnfill (RD_MAX_ACTIVITY_DETAILS + 1, 'o');
  static const char * const areas[] = { "teaching", "cybersecurity", NULL };
  gint64 ann = add_staff (fixture, "Ann", RD_GROUP_TEACHER, NULL, NULL);
  gint64 bert = add_staff (fixture, "Bert", RD_GROUP_LEADER, NULL, NULL);
  RdLearningActivityInfo info = {
    .staff_id = ann, .title = "Safe online\x01 teaching", .issuer_country = "NL", .awarding_body = "Kennisnet",
    .issued = "2026-09-14", .learning_outcomes = "Line one\r\nline two", .workload_hours = 6, .eqf_level = 5,
    .assessment_type = "Quiz", .participation = RD_PARTICIPATION_ONLINE, .quality_assurance = "Internal",
    .prerequisites = "None", .supervision = RD_SUPERVISION_SUPERVISED_ONLINE, .grade = "Pass",
    .stackability = RD_STACKABILITY_STACKABLE, .further_information = "https://example.org",
    .area_ids = areas,
  };
  const RdLearningActivityInfo *stored;
  gint64 id;

  id = rd_store_add_learning_activity (fixture->store, &info, &error);
  g_assert_no_error (error);
  add_activity (fixture, bert, "2026-01-10", "strategy", 0, 0);

  got = rd_store_get_learning_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  stored = rd_learning_activity_get_info (got);
  g_assert_cmpstr (stored->title, ==, "Safe online teaching");
  g_assert_cmpstr (stored->learning_outcomes, ==, "Line one\nline two");
  g_assert_cmpfloat (stored->workload_hours, ==, 6);
  g_assert_cmpfloat (stored->workload_ects, ==, 0);
  g_assert_cmpuint (stored->eqf_level, ==, 5);
  g_assert_cmpint (stored->participation, ==, RD_PARTICIPATION_ONLINE);
  g_assert_cmpint (stored->supervision, ==, RD_SUPERVISION_SUPERVISED_ONLINE);
  g_assert_cmpint (stored->stackability, ==, RD_STACKABILITY_STACKABLE);
  g_assert_cmpstr (stored->grade, ==, "Pass");
  /* Areas come back in one order, whatever order they went in. */
  g_assert_cmpstr (stored->area_ids[0], ==, "cybersecurity");
  g_assert_cmpstr (stored->area_ids[1], ==, "teaching");
  g_assert_null (stored->area_ids[2]);
  g_assert_cmpuint (rd_learning_activity_info_missing (stored), ==, 0);
  g_clear_object (&got);

  /* Refused, nothing stored: too long, a staff member that is not there. */
  info.learning_outcomes = long_outcomes;
  g_assert_cmpint (rd_store_add_learning_activity (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  info.learning_outcomes = NULL;
  info.staff_id = 999;
  g_assert_cmpint (rd_store_add_learning_activity (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM learning_activity"), ==, 2);

  /* Edited: moved to Bert, fewer elements, no areas. */
  info = (RdLearningActivityInfo) { .staff_id = bert, .title = "Phishing", .issued = "2026-09-15" };
  g_assert_true (rd_store_update_learning_activity (fixture->store, id, &info, &error));
  g_assert_no_error (error);
  got = rd_store_get_learning_activity (fixture->store, id, &error);
  stored = rd_learning_activity_get_info (got);
  g_assert_cmpint (stored->staff_id, ==, bert);
  g_assert_null (stored->issuer_country);
  g_assert_null (stored->area_ids[0]);
  g_assert_cmpint (stored->participation, ==, RD_PARTICIPATION_NONE);
  g_clear_object (&got);

  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (rd_staff_member_get_n_activities (g_ptr_array_index (staff, 0)), ==, 0);
  g_assert_cmpuint (rd_staff_member_get_n_activities (g_ptr_array_index (staff, 1)), ==, 2);

  g_assert_true (rd_store_trash_learning_activity (fixture->store, id, &error));
  g_assert_false (rd_store_trash_learning_activity (fixture->store, id, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  activities = rd_store_list_learning_activities (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_clear_pointer (&activities, g_ptr_array_unref);
  g_assert_true (rd_store_restore_learning_activity (fixture->store, id, &error));
  g_assert_true (rd_store_purge_learning_activity (fixture->store, id, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM learning_activity"), ==, 2);

  /* A staff member in the trash takes the activities along. */
  g_assert_true (rd_store_trash_staff_member (fixture->store, bert, &error));
  activities = rd_store_list_learning_activities (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (activities->len, ==, 0);
}

/* The log the figures are tested on, reference date 2026-10-01. */
static void
add_log (Fixture *fixture)
{
  gint64 a = add_staff (fixture, "A", RD_GROUP_TEACHER, "2020-08-01", NULL);
  gint64 b = add_staff (fixture, "B", RD_GROUP_TEACHER, NULL, NULL);
  gint64 c = add_staff (fixture, "C", RD_GROUP_SUPPORT_STAFF, NULL, "2026-10-02");
  gint64 d = add_staff (fixture, "D", RD_GROUP_LEADER, "2026-10-01", NULL);
  gint64 e = add_staff (fixture, "E", RD_GROUP_TEACHER, NULL, "2026-10-01");
  gint64 f = add_staff (fixture, "F", RD_GROUP_TEACHER, "2026-10-02", NULL);
  gint64 g = add_staff (fixture, "G", RD_GROUP_TEACHER, NULL, NULL);
  gint64 h = add_staff (fixture, "H", RD_GROUP_TEACHER, NULL, NULL);
  g_autoptr(GError) error = NULL;

  /* A: the window's first day, both areas. */
  add_activity (fixture, a, "2025-10-02", "cybersecurity;teaching", 10, 0);
  /* B: one day before the window. */
  add_activity (fixture, b, "2025-10-01", "cybersecurity;teaching", 4, 0);
  /* C: the reference date itself; D: the day after it. */
  add_activity (fixture, c, "2026-10-01", "cybersecurity", 2, 0);
  add_activity (fixture, d, "2026-10-02", "cybersecurity", 2, 0);
  /* E departed on the reference date, F joins after it, H is in the trash. */
  add_activity (fixture, e, "2026-09-01", "cybersecurity;teaching", 5, 0);
  add_activity (fixture, f, "2026-09-01", "cybersecurity;teaching", 5, 0);
  add_activity (fixture, h, "2026-09-01", "cybersecurity;teaching", 5, 0);
  g_assert_true (rd_store_trash_staff_member (fixture->store, h, &error));
  /* G: a cybersecurity course in the trash, 2 ECTS on teaching. */
  g_assert_true (rd_store_trash_learning_activity (fixture->store,
                                                   add_activity (fixture, g, "2026-09-01", "cybersecurity", 3, 0),
                                                   &error));
  add_activity (fixture, g, "2026-05-01", "teaching", 0, 2);
}

static void
test_facts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdLearningFacts facts;
  const RdLogFigure *figure;

  g_assert_true (rd_store_get_learning_facts (fixture->store, fixture->school_id, rd_day_from_iso ("2026-10-01"),
                                              &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (facts.n_figures, ==, 0);
  g_assert_true (isnan (facts.hours_per_teacher));

  add_log (fixture);
  g_assert_true (rd_store_get_learning_facts (fixture->store, fixture->school_id, rd_day_from_iso ("2026-10-01"),
                                              &facts, &error));
  /* On the log: A, B, C, D, G; teachers A, B, G. */
  g_assert_cmpuint (facts.n_staff, ==, 5);
  g_assert_cmpuint (facts.n_teachers, ==, 3);
  g_assert_cmpuint (facts.n_figures, ==, 2);
  figure = rd_learning_facts_lookup (&facts, "cyb-staff-trained");
  g_assert_nonnull (figure);
  g_assert_cmpfloat_with_epsilon (figure->value, 40.0, 1e-9);   /* A and C */
  g_assert_cmpuint (figure->n_staff, ==, 5);
  figure = rd_learning_facts_lookup (&facts, "trn-pedagogy-training");
  g_assert_nonnull (figure);
  g_assert_cmpfloat_with_epsilon (figure->value, 200.0 / 3, 1e-9);   /* A and G */
  g_assert_cmpuint (figure->n_staff, ==, 3);
  /* (10 + 0 + 2 × 25) / 3 */
  g_assert_cmpfloat_with_epsilon (facts.hours_per_teacher, 20.0, 1e-9);

  /* A day later the window has moved: A's course is out, D's in, D still
   * on the log, C departed. */
  g_assert_true (rd_store_get_learning_facts (fixture->store, fixture->school_id, rd_day_from_iso ("2026-10-02"),
                                              &facts, &error));
  g_assert_cmpuint (facts.n_staff, ==, 5);   /* A, B, D, F, G */
  g_assert_cmpfloat_with_epsilon (rd_learning_facts_lookup (&facts, "cyb-staff-trained")->value,
                                  2 * 100.0 / 5, 1e-9);   /* D and F */
  g_assert_cmpuint (facts.n_teachers, ==, 4);
}

static void
test_facts_denominators (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RdLearningFacts facts;

  /* No teacher: no pedagogy figure, no hours; a share of the others. */
  add_staff (fixture, "Head", RD_GROUP_LEADER, NULL, NULL);
  g_assert_true (rd_store_get_learning_facts (fixture->store, fixture->school_id, rd_day_from_iso ("2026-10-01"),
                                              &facts, &error));
  g_assert_cmpuint (facts.n_figures, ==, 1);
  g_assert_nonnull (rd_learning_facts_lookup (&facts, "cyb-staff-trained"));
  g_assert_cmpfloat (rd_learning_facts_lookup (&facts, "cyb-staff-trained")->value, ==, 0);
  g_assert_null (rd_learning_facts_lookup (&facts, "trn-pedagogy-training"));
  g_assert_true (isnan (facts.hours_per_teacher));

  /* The window across a leap day: 2028-02-29 looks back to 2027-02-28. */
  g_assert_true (rd_learning_day_in_window (rd_day_from_iso ("2027-03-01"), rd_day_from_iso ("2028-02-29")));
  g_assert_false (rd_learning_day_in_window (rd_day_from_iso ("2027-02-28"), rd_day_from_iso ("2028-02-29")));
  g_assert_false (rd_learning_day_in_window (0, rd_day_from_iso ("2028-02-29")));
}

static double
item_score (Fixture    *fixture,
            const char *item_id,
            guint      *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id, &error);

  g_assert_no_error (error);
  return rd_analysis_get_item_score (rd_results_get_analysis (results), item_id, n);
}

static double
ladder (Fixture    *fixture,
        const char *item_id,
        double      value)
{
  return rd_item_score_value (rd_framework_lookup_item (fixture->framework, item_id), RD_SCHOOL_TYPE_SECONDARY,
                              value);
}

/* Answers of the responsible group win over the log; the log speaks when
 * they are silent; the pseudo-respondent counts as nobody. */
static void
test_precedence (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = NULL;
  RdItem *item = rd_framework_lookup_item (fixture->framework, "cyb-staff-trained");
  gint64 leader;
  guint n;

  add_log (fixture);
  leader = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_LEADER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_set_answer_value (fixture->store, leader,
                                            rd_framework_lookup_item (fixture->framework, "str-leadership"), 4,
                                            &error));
  sql (fixture, "UPDATE assessment SET reference_date = '2026-10-01'");

  g_assert_cmpfloat_with_epsilon (item_score (fixture, "cyb-staff-trained", &n), ladder (fixture, "cyb-staff-trained", 40),
                                  1e-9);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (item_score (fixture, "trn-pedagogy-training", NULL),
                                  ladder (fixture, "trn-pedagogy-training", 200.0 / 3), 1e-9);
  results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_cmpuint (rd_analysis_get_n_respondents (rd_results_get_analysis (results)), ==, 1);
  g_assert_cmpuint (rd_analysis_count_group (rd_results_get_analysis (results), RD_GROUP_LEADER), ==, 1);
  g_clear_object (&results);

  /* The leader's answer overrides the log. */
  g_assert_true (rd_store_set_answer_value (fixture->store, leader, item, 100, &error));
  g_assert_no_error (error);
  sql (fixture, "UPDATE assessment SET reference_date = '2026-10-01'");
  g_assert_cmpfloat (item_score (fixture, "cyb-staff-trained", &n), ==, 100);
  g_assert_cmpuint (n, ==, 1);
}

/* The rule on plain answers: the log's answer is added only while the
 * responsible group is silent, and then settles over the other groups'. */
static void
test_precedence_rule (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  RdLearningFacts facts = { .reference_day = rd_day_from_iso ("2026-10-01"), .n_figures = 1,
                            .figures = { { "cyb-staff-trained", 40, 5 } } };
  RdAnswer *teacher = rd_answer_new ();
  RdAnswer *leader;

  teacher->respondent_id = 7;
  teacher->group = RD_GROUP_TEACHER;
  teacher->item_id = g_strdup ("cyb-staff-trained");
  teacher->value = 90;
  g_ptr_array_add (answers, teacher);

  rd_learning_facts_add_answers (&facts, fixture->framework, RD_SCHOOL_TYPE_SECONDARY, answers);
  g_assert_cmpuint (answers->len, ==, 2);
  leader = g_ptr_array_index (answers, 1);
  g_assert_cmpint (leader->respondent_id, ==, RD_LOG_RESPONDENT_ID);
  g_assert_cmpint (leader->group, ==, RD_GROUP_LEADER);
  g_assert_cmpfloat (leader->value, ==, 40);
  g_assert_cmpuint (leader->item_version,
                    ==, rd_item_get_version (rd_framework_lookup_item (fixture->framework, "cyb-staff-trained")));
  {
    g_autoptr(RdAnalysis) analysis = rd_analysis_new (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
    RdFactValues values;

    g_assert_true (rd_analysis_get_fact_values (analysis, rd_framework_lookup_item (fixture->framework,
                                                                                    "cyb-staff-trained"), &values));
    g_assert_cmpfloat (values.median, ==, 40);
    g_assert_cmpuint (values.n, ==, 1);
  }

  /* A leader's answer: the log adds nothing. */
  g_ptr_array_remove_index (answers, 1);
  leader = rd_answer_copy (teacher);
  leader->group = RD_GROUP_LEADER;
  leader->respondent_id = 8;
  g_ptr_array_add (answers, leader);
  rd_learning_facts_add_answers (&facts, fixture->framework, RD_SCHOOL_TYPE_SECONDARY, answers);
  g_assert_cmpuint (answers->len, ==, 2);
}

static gboolean
stale (Fixture *fixture)
{
  return count (fixture, "SELECT scores_stale FROM assessment") != 0;
}

static double
kept_area (Fixture    *fixture,
           const char *area_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAssessmentScores) scores = NULL;

  g_assert_true (rd_store_refresh_scores (fixture->store, fixture->framework, &error));
  g_assert_no_error (error);
  g_assert_false (stale (fixture));
  scores = rd_store_get_scores (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_no_error (error);
  for (guint a = 0; a < scores->n_areas; a++)
    if (g_str_equal (scores->area_ids[a], area_id))
      return scores->area[a];
  g_assert_not_reached ();
}

static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rd_day_to_iso (rd_day_from_unix_local (g_get_real_time () / G_USEC_PER_SEC));
  gint64 ann, activity;
  guint log_signals = 0, answer_signals = 0;

  g_signal_connect_swapped (fixture->store, "learning-log-changed", G_CALLBACK (g_atomic_int_inc), &log_signals);
  g_signal_connect_swapped (fixture->store, "answers-changed", G_CALLBACK (g_atomic_int_inc), &answer_signals);

  g_assert_true (isnan (kept_area (fixture, "cybersecurity")));
  ann = add_staff (fixture, "Ann", RD_GROUP_TEACHER, NULL, NULL);
  g_assert_true (stale (fixture));
  g_assert_cmpuint (log_signals, ==, 1);
  g_assert_cmpuint (answer_signals, ==, 1);
  /* Nobody trained yet: 0 %, scored. */
  g_assert_cmpfloat (kept_area (fixture, "cybersecurity"), ==, ladder (fixture, "cyb-staff-trained", 0));

  activity = add_activity (fixture, ann, today, "cybersecurity", 2, 0);
  g_assert_true (stale (fixture));
  g_assert_cmpfloat (kept_area (fixture, "cybersecurity"), ==, ladder (fixture, "cyb-staff-trained", 100));
  g_assert_cmpfloat_with_epsilon (item_score (fixture, "cyb-staff-trained", NULL), 100, 1e-9);

  g_assert_true (rd_store_trash_learning_activity (fixture->store, activity, &error));
  g_assert_true (stale (fixture));
  g_assert_cmpfloat (kept_area (fixture, "cybersecurity"), ==, ladder (fixture, "cyb-staff-trained", 0));
  g_assert_cmpfloat (item_score (fixture, "cyb-staff-trained", NULL), ==, ladder (fixture, "cyb-staff-trained", 0));

  g_assert_true (rd_store_trash_staff_member (fixture->store, ann, &error));
  g_assert_true (stale (fixture));
  g_assert_true (isnan (kept_area (fixture, "cybersecurity")));
  g_assert_cmpuint (log_signals, ==, 4);
}

/* An imported assessment's figures come from log_figure, not from a log. */
static void
test_imported_figures (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = g_strdup_printf ("INSERT INTO log_figure (assessment_id, item_id, value, n_staff) "
                                                "VALUES (%" G_GINT64_FORMAT ", 'cyb-staff-trained', 64, 11), "
                                                "(%" G_GINT64_FORMAT ", 'no-such-item', 10, 2)",
                                                fixture->assessment_id, fixture->assessment_id);
  RdLearningFacts facts;

  add_log (fixture);
  sql (fixture, statement);
  g_assert_true (rd_store_get_assessment_log_figures (fixture->store, fixture->assessment_id, &facts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (facts.imported);
  g_assert_cmpuint (facts.n_figures, ==, 1);
  g_assert_cmpfloat (facts.figures[0].value, ==, 64);
  g_assert_cmpuint (facts.figures[0].n_staff, ==, 11);
  g_assert_cmpfloat (item_score (fixture, "cyb-staff-trained", NULL), ==, ladder (fixture, "cyb-staff-trained", 64));
  g_assert_true (isnan (item_score (fixture, "trn-pedagogy-training", NULL)));
}

static RdLearningTable *
parse (Fixture     *fixture,
       const char  *text,
       GError     **error)
{
  return rd_learning_csv_parse (text, strlen (text), "log.csv", fixture->framework, error);
}

static char *
export_log (Fixture *fixture,
            gint64   school_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = rd_store_list_staff (fixture->store, school_id, &error);
  g_autoptr(GPtrArray) activities = rd_store_list_learning_activities (fixture->store, school_id, &error);

  g_assert_no_error (error);
  return rd_learning_csv_format (staff, activities, NULL);
}

/* Out and back in, into another school: the same log, cell for cell. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdLearningTable) table = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  static const char * const areas[] = { "cybersecurity", "teaching", NULL };
  gint64 ann = add_staff (fixture, "Ann, \"the\" teacher", RD_GROUP_TEACHER, "2019-08-26", NULL);
  RdLearningActivityInfo info = {
    .staff_id = ann, .title = "=SUM(A1) is not a formula", .issuer_country = "BE", .awarding_body = "VIVES",
    .issued = "2026-03-12", .learning_outcomes = "Line one\nline two", .workload_ects = 1.5, .eqf_level = 6,
    .assessment_type = "Portfolio", .participation = RD_PARTICIPATION_BLENDED, .quality_assurance = "NVAO",
    .prerequisites = "-", .supervision = RD_SUPERVISION_ON_SITE_IDENTITY, .grade = "15/20",
    .stackability = RD_STACKABILITY_STAND_ALONE, .further_information = "https://example.org",
    .area_ids = areas,
  };
  gint64 other;

  g_assert_cmpint (rd_store_add_learning_activity (fixture->store, &info, &error), >, 0);
  g_assert_no_error (error);
  add_activity (fixture, ann, "2026-09-01", "cybersecurity", 2.25, 0);
  add_staff (fixture, "Bert", RD_GROUP_SUPPORT_STAFF, NULL, "2027-07-31");

  first = export_log (fixture, fixture->school_id);
  g_assert_true (g_str_has_prefix (first, "staff_name,staff_group,joined,departed,title,"));
  g_assert_nonnull (strstr (first, ",'=SUM(A1) is not a formula,"));
  g_assert_nonnull (strstr (first, ",2.25,"));
  g_assert_nonnull (strstr (first, "\r\nBert,support-staff,,2027-07-31,,,,,,,,,,,,,,,,,\r\n"));

  table = parse (fixture, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_learning_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (rd_learning_table_count_activities (table), ==, 2);
  other = rd_test_store_add_school (&fixture->test_store, "Other", NULL, RD_SCHOOL_TYPE_UNSET);
  g_assert_true (rd_store_import_learning_log (fixture->store, other, table, &error));
  g_assert_no_error (error);
  second = export_log (fixture, other);
  g_assert_cmpstr (second, ==, first);

  /* Twice: nothing added. */
  g_assert_true (rd_store_import_learning_log (fixture->store, other, table, &error));
  again = export_log (fixture, other);
  g_assert_cmpstr (again, ==, first);
}

static void
test_csv_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "learning", "log-semicolon.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RdLearningTable) table = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  const RdLearningActivityInfo *info;
  gsize length;
  gint64 bert;

  /* Bert is in the trash: the file brings him back. */
  bert = add_staff (fixture, "Bert Claes", RD_GROUP_LEADER, NULL, NULL);
  g_assert_true (rd_store_trash_staff_member (fixture->store, bert, &error));

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  table = rd_learning_csv_parse (contents, length, "log-semicolon.csv", fixture->framework, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_learning_table_get_n_rows (table), ==, 3);
  g_assert_true (rd_store_import_learning_log (fixture->store, fixture->school_id, table, &error));
  g_assert_no_error (error);

  staff = rd_store_list_staff (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpint (rd_staff_member_get_id (g_ptr_array_index (staff, 1)), ==, bert);
  g_assert_cmpint (rd_staff_member_get_group (g_ptr_array_index (staff, 1)), ==, RD_GROUP_SUPPORT_STAFF);
  activities = rd_store_list_learning_activities (fixture->store, fixture->school_id, &error);
  g_assert_cmpuint (activities->len, ==, 2);
  info = rd_learning_activity_get_info (g_ptr_array_index (activities, 1));
  g_assert_cmpstr (info->title, ==, "Digitale didactiek");
  g_assert_cmpfloat (info->workload_ects, ==, 1.5);
  g_assert_cmpstr (info->learning_outcomes, ==, "Ontwerpt een les met digitale middelen; evalueert die");
  g_assert_cmpint (info->supervision, ==, RD_SUPERVISION_ON_SITE_IDENTITY);
  g_assert_cmpuint (rd_learning_activity_info_missing (info), ==, 0);
  info = rd_learning_activity_get_info (g_ptr_array_index (activities, 0));
  g_assert_cmpfloat (info->workload_hours, ==, 1.5);
  g_assert_cmpstr (info->area_ids[0], ==, "cybersecurity");
}

/* A bad file changes nothing and says what and where. */
static void
test_csv_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char header[] =
    "staff_name,staff_group,joined,departed,title,issuer_country,awarding_body,issued,learning_outcomes,"
    "workload_ects,workload_hours,eqf_level,assessment_type,participation,quality_assurance,prerequisites,"
    "supervision,grade,stackability,further_information,areas\n";
  static const struct { const char *row, *message; } cases[] = {
    { "Ann,teacher,,,Course,,,2026-09-01,,,3,,,,,,,,,,\nBert,janitor,,,,,,,,,,,,,,,,,,,\n",
      "log.csv: line 3, column 6 (“staff_group”): “janitor” is not one of leader, teacher, support-staff" },
    { ",teacher,,,Course,,,2026-09-01,,,,,,,,,,,,,\n",
      "log.csv: line 2, column 1 (“staff_name”): a staff member needs a name" },
    { "Ann,teacher,26-08-2019,,,,,,,,,,,,,,,,,,\n",
      "log.csv: line 2, column 13 (“joined”): “26-08-2019” is not a date such as 2026-10-14" },
    { "Ann,teacher,,,Course,,,2026-02-30,,,,,,,,,,,,,\n",
      "log.csv: line 2, column 24 (“issued”): “2026-02-30” is not a date such as 2026-10-14" },
    { "Ann,teacher,,,Course,,,,,,,,,,,,,,,,\n",
      "log.csv: line 2: A learning activity needs its date of issue" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,-3,,,,,,,,,,\n",
      "log.csv: line 2, column 37 (“workload_hours”): -3 is not a workload from 0 to 2000" },
    { "Ann,teacher,,,Course,,,2026-09-01,,61,,,,,,,,,,,\n",
      "log.csv: line 2, column 36 (“workload_ects”): 61 is not a workload from 0 to 60" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,three,,,,,,,,,,\n",
      "log.csv: line 2, column 37 (“workload_hours”): “three” is not a number" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,,9,,,,,,,,,\n",
      "log.csv: line 2, column 38 (“eqf_level”): “9” is not an EQF level from 1 to 8" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,,,,hybrid,,,,,,,\n",
      "log.csv: line 2, column 40 (“participation”): “hybrid” is not one of online, on-site, blended" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,,,,,,,,,,,cybersecurity;gardening\n",
      "log.csv: line 2, column 47 (“areas”): “gardening” is not an area of the framework" },
    { "Ann,teacher,,,Course,,,2026-09-01,,,,,,,,,,,,,\nAnn,leader,,,Other,,,2026-09-02,,,,,,,,,,,,,\n",
      "log.csv: line 3: “Ann” has another group or other dates on line 2" },
    { "Ann,teacher,2026-09-01,2026-08-01,,,,,,,,,,,,,,,,,\n",
      "log.csv: line 2: A staff member’s date of leaving must come after the date of joining" },
    { "Ann,teacher,,,\"Course,,,2026-09-01,,,,,,,,,,,,,\n",
      NULL },  /* an unclosed quote: rd_csv's message */
    { ",,,,,,,,,,,,,,,,,,,,\n , ,,,,,,,,,,,,,,,,,,,\n", "log.csv: no staff member in the file" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (header, cases[i].row, NULL);
      g_autoptr(RdLearningTable) table = parse (fixture, text, &error);

      g_assert_null (table);
      g_assert_nonnull (error);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_UNCLOSED_QUOTE);
      g_clear_error (&error);
    }

  /* Columns: an unknown one, one twice, one missing. */
  {
    g_autoptr(RdLearningTable) table = parse (fixture, "staff_name,staff_group,colour\nAnn,teacher,red\n", &error);

    g_assert_cmpstr (error->message, ==, "log.csv: line 1, column 3: “colour” is not a column of the learning log (format 1)");
    g_clear_error (&error);
    table = parse (fixture, "staff_name,staff_group,staff_name\nAnn,teacher,Ann\n", &error);
    g_assert_cmpstr (error->message, ==, "log.csv: line 1, column 3: “staff_name” comes twice");
    g_clear_error (&error);
    table = parse (fixture, "staff_name,staff_group\nAnn,teacher\n", &error);
    g_assert_cmpstr (error->message, ==, "log.csv: line 1: the column “joined” is missing");
    g_clear_error (&error);
  }

  /* The template is the header alone: a file without rows. */
  {
    g_autofree char *template = rd_learning_csv_format (NULL, NULL, NULL);
    g_autoptr(RdLearningTable) table = parse (fixture, template, &error);

    g_assert_cmpstr (template, ==, "staff_name,staff_group,joined,departed,title,issuer_country,awarding_body,issued,"
                                   "learning_outcomes,workload_ects,workload_hours,eqf_level,assessment_type,"
                                   "participation,quality_assurance,prerequisites,supervision,grade,stackability,"
                                   "further_information,areas\r\n");
    g_assert_error (error, RD_CSV_ERROR, RD_CSV_ERROR_NO_ROWS);
    g_clear_error (&error);
  }

  /* The real file with a bad group: nothing stored. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "learning", "log-bad-group.csv", NULL);
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(RdLearningTable) table = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &length, &error));
    table = rd_learning_csv_parse (contents, length, "log-bad-group.csv", fixture->framework, &error);
    g_assert_null (table);
    g_assert_cmpstr (error->message, ==, "log-bad-group.csv: line 3, column 6 (“staff_group”): “janitor” is not one of "
                                         "leader, teacher, support-staff");
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM staff_member"), ==, 0);
  }
}

static GBytes *
write_exchange (Fixture           *fixture,
                RdExchangeContent  content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = rd_store_export_school (fixture->store, fixture->framework,
                                                               fixture->school_id, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = rd_exchange_write (school, fixture->framework, content, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
assert_no_name (GBytes     *bytes,
                const char *name)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_null (g_strstr_len (data, (gssize) length, name));
}

/* The exchange file carries the figures and no name; the advisor scores
 * the school's answers with them as the school does. */
static void
test_exchange (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const secret[] = { "Annelies Secret-Name", "Bartholomeus Hidden", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answers = NULL;
  g_autoptr(GBytes) summary = NULL;
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  g_autoptr(RdExchangeSchool) parsed = NULL;
  g_autoptr(RdResults) school_results = NULL;
  g_autoptr(RdResults) advisor_results = NULL;
  g_auto(RdTestStore) advisor = { 0 };
  RdExchangeAssessment *assessment;
  gint64 leader, ann, advisor_assessment;
  double school_score, advisor_score;
  gsize length;
  const char *text;

  ann = add_staff (fixture, secret[0], RD_GROUP_TEACHER, NULL, NULL);
  add_staff (fixture, secret[1], RD_GROUP_SUPPORT_STAFF, NULL, NULL);
  add_activity (fixture, ann, "2026-09-01", "cybersecurity;teaching", 3, 0);
  leader = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_LEADER, NULL, &error);
  g_assert_true (rd_store_set_answer_value (fixture->store, leader,
                                            rd_framework_lookup_item (fixture->framework, "str-leadership"), 4,
                                            &error));
  sql (fixture, "UPDATE assessment SET reference_date = '2026-10-01'");

  answers = write_exchange (fixture, RD_EXCHANGE_ANSWERS);
  summary = write_exchange (fixture, RD_EXCHANGE_SUMMARY);
  for (guint i = 0; secret[i] != NULL; i++)
    {
      assert_no_name (answers, secret[i]);
      assert_no_name (summary, secret[i]);
    }
  text = g_bytes_get_data (answers, &length);
  g_assert_nonnull (g_strstr_len (text, (gssize) length, "\"format_version\" : 4"));
  g_assert_nonnull (g_strstr_len (text, (gssize) length, "\"log_figures\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (summary, NULL), (gssize) g_bytes_get_size (summary),
                                  "\"log_figures\""));

  parsed = rd_exchange_parse (text, length, "school.readiness", fixture->framework, &error);
  g_assert_no_error (error);
  assessment = g_ptr_array_index (parsed->assessments, 0);
  g_assert_cmpuint (assessment->log_facts.n_figures, ==, 2);
  g_assert_cmpfloat (rd_learning_facts_lookup (&assessment->log_facts, "cyb-staff-trained")->value, ==, 50);
  g_assert_cmpuint (rd_learning_facts_lookup (&assessment->log_facts, "cyb-staff-trained")->n_staff, ==, 2);
  g_assert_cmpfloat (rd_learning_facts_lookup (&assessment->log_facts, "trn-pedagogy-training")->value, ==, 100);

  /* Into the advisor's database: figures kept, the same score. */
  rd_test_store_create (&advisor, rd_framework_load_builtin (&error));
  rd_exchange_school_score_answers (parsed, advisor.framework);
  g_ptr_array_add (schools, g_steal_pointer (&parsed));
  g_assert_true (rd_store_import_schools (advisor.store, advisor.framework, schools, &error));
  g_assert_no_error (error);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (advisor.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT assessment_id, count(*), sum(n_staff) FROM log_figure", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    advisor_assessment = sqlite3_column_int64 (stmt, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  school_results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_no_error (error);
  advisor_results = rd_results_load (advisor.store, advisor.framework, advisor_assessment, &error);
  g_assert_no_error (error);
  school_score = rd_analysis_get_item_score (rd_results_get_analysis (school_results), "cyb-staff-trained", NULL);
  advisor_score = rd_analysis_get_item_score (rd_results_get_analysis (advisor_results), "cyb-staff-trained", NULL);
  g_assert_cmpfloat (school_score, ==, ladder (fixture, "cyb-staff-trained", 50));
  g_assert_cmpfloat (advisor_score, ==, school_score);

  /* The kept scores too, written at import and computed again. */
  {
    g_autoptr(RdAssessmentScores) kept = rd_store_get_scores (advisor.store, advisor.framework, advisor_assessment,
                                                              &error);
    g_autoptr(RdAssessmentScores) mine = NULL;
    guint a;

    g_assert_no_error (error);
    g_assert_true (rd_store_refresh_scores (fixture->store, fixture->framework, &error));
    mine = rd_store_get_scores (fixture->store, fixture->framework, fixture->assessment_id, &error);
    for (a = 0; a < kept->n_areas && !g_str_equal (kept->area_ids[a], "cybersecurity"); a++)
      ;
    g_assert_cmpfloat (kept->area[a], ==, mine->area[a]);
    g_assert_false (isnan (kept->area[a]));
    g_assert_cmpuint (kept->n_respondents, ==, 1);
  }
}

/* The answers export never reads the log: no name, no pseudo-respondent. */
static void
test_answers_export (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *csv = NULL;
  gint64 ann = add_staff (fixture, "Annelies Secret-Name", RD_GROUP_LEADER, NULL, NULL);
  gint64 leader;

  add_activity (fixture, ann, "2026-09-01", "cybersecurity", 3, 0);
  leader = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_LEADER, NULL, &error);
  g_assert_true (rd_store_set_answer_value (fixture->store, leader,
                                            rd_framework_lookup_item (fixture->framework, "str-leadership"), 4,
                                            &error));
  answers = rd_store_list_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  csv = rd_answers_csv_format (fixture->framework, RD_ASSESSMENT_MODE_FULL, answers, 3, NULL);
  g_assert_null (strstr (csv, "Secret"));
  g_assert_null (strstr (csv, "\r\n0,"));
  /* One respondent's row: the log speaks in no answers export. */
  g_assert_nonnull (strstr (csv, "\r\n1,"));
  g_assert_null (strstr (csv, "\r\n2,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learning/validate", test_validate);
  g_test_add_func ("/learning/enums", test_enums);
#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/learning/store/staff", test_staff);
  ADD ("/learning/store/activities", test_activities);
  ADD ("/learning/facts/figures", test_facts);
  ADD ("/learning/facts/denominators", test_facts_denominators);
  ADD ("/learning/facts/precedence", test_precedence);
  ADD ("/learning/facts/precedence-rule", test_precedence_rule);
  ADD ("/learning/facts/stale", test_stale);
  ADD ("/learning/facts/imported", test_imported_figures);
  ADD ("/learning/csv/round-trip", test_csv_round_trip);
  ADD ("/learning/csv/file", test_csv_file);
  ADD ("/learning/csv/errors", test_csv_errors);
  ADD ("/learning/exchange/figures-no-names", test_exchange);
  ADD ("/learning/privacy/answers-export", test_answers_export);
#undef ADD

  return g_test_run ();
}
