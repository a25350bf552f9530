/* Who answers on the device during a workshop round, step by step, on a
 * real SQLite file and the real file that keeps the round. No widgets. */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-test-fixtures.h"
#include "rd-workshop-round.h"
#include "rd-workshop-session.h"

typedef struct
{
  char *dir;
  char *path;
  char *round_file;
  RdStore *store;
  RdFramework *framework;
  RdAssessment *assessment;
  gint64 facilitator_id;
  RdWorkshopSession *session;
  GString *notified;
} Fixture;

static const gboolean teachers_and_learners[RD_N_GROUPS] = {
  [RD_GROUP_TEACHER] = TRUE, [RD_GROUP_LEARNER] = TRUE,
};

static void
on_notify (RdWorkshopSession *session,
           GParamSpec        *pspec,
           Fixture           *fixture)
{
  g_string_append_printf (fixture->notified, "%s;", g_param_spec_get_name (pspec));
}

/* @data: the framework file; audience.json's pulse asks parents nothing. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *framework = data != NULL ? data : "small.json";
  RdAssessmentMode mode = data != NULL ? RD_ASSESSMENT_MODE_PULSE : RD_ASSESSMENT_MODE_FULL;
  g_autoptr(GError) error = NULL;
  gint64 school_id, assessment_id;

  fixture->dir = g_dir_make_tmp ("readiness-session-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->dir, "session.db", NULL);
  fixture->round_file = g_build_filename (fixture->dir, "state", "round.ini", NULL);
  fixture->store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->framework = rd_test_load_framework (framework);

  school_id = rd_store_add_school (fixture->store, "School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027", fixture->framework, mode, &error);
  fixture->assessment = rd_store_get_assessment (fixture->store, assessment_id, &error);
  fixture->facilitator_id = rd_store_ensure_respondent (fixture->store, assessment_id, &error);
  g_assert_no_error (error);

  fixture->session = rd_workshop_session_new (fixture->store, fixture->framework, fixture->assessment,
                                              fixture->facilitator_id);
  rd_workshop_session_set_file (fixture->session, fixture->round_file);
  fixture->notified = g_string_new (NULL);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (on_notify), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *state = g_path_get_dirname (fixture->round_file);

  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->framework);
  rd_test_remove_database (fixture->path);
  g_remove (fixture->round_file);
  g_rmdir (state);
  g_rmdir (fixture->dir);
  g_string_free (fixture->notified, TRUE);
  g_free (fixture->round_file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
assert_notified (Fixture    *fixture,
                 const char *expected)
{
  g_assert_cmpstr (fixture->notified->str, ==, expected);
  g_string_truncate (fixture->notified, 0);
}

static RdWorkshopRound *
kept_round (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RdWorkshopRound *round = rd_workshop_round_load (fixture->round_file, &error);

  g_assert_no_error (error);
  return round;
}

static RdRespondent *
find_respondent (GPtrArray *respondents,
                 gint64     id)
{
  for (guint i = 0; i < respondents->len; i++)
    if (((RdRespondent *) g_ptr_array_index (respondents, i))->id == id)
      return g_ptr_array_index (respondents, i);
  return NULL;
}

/* Begin, two participants, end: whose answers are shown at each step, what
 * the store and the kept file hold, and the order of the notifications. */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdWorkshopRound) round = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autofree char *uuid = NULL;
  RdRespondent *teacher;
  gint64 first;

  g_assert_false (rd_workshop_session_is_active (fixture->session));
  g_assert_cmpint (rd_workshop_session_get_respondent (fixture->session), ==, fixture->facilitator_id);

  g_assert_true (rd_workshop_session_begin (fixture->session, teachers_and_learners, 0));
  /* The round begins before anyone is shown: nobody, at the hand-over. */
  assert_notified (fixture, "active;respondent-id;");
  g_assert_true (rd_workshop_session_is_active (fixture->session));
  g_assert_true (rd_workshop_session_is_handing_over (fixture->session));
  g_assert_cmpint (rd_workshop_session_get_respondent (fixture->session), ==, 0);
  round = kept_round (fixture);
  uuid = rd_store_get_assessment_uuid (fixture->store, rd_assessment_get_id (fixture->assessment), NULL);
  g_assert_cmpstr (round->database_path, ==, fixture->path);
  g_assert_cmpstr (round->assessment_uuid, ==, uuid);
  g_assert_true (round->groups[RD_GROUP_TEACHER] && round->groups[RD_GROUP_LEARNER]);
  g_assert_false (round->groups[RD_GROUP_LEADER]);
  g_assert_cmpuint (round->n_participants, ==, 0);
  g_clear_pointer (&round, rd_workshop_round_free);

  g_assert_true (rd_workshop_session_join (fixture->session, RD_GROUP_TEACHER, &error));
  g_assert_no_error (error);
  assert_notified (fixture, "n-participants;respondent-id;");
  first = rd_workshop_session_get_respondent (fixture->session);
  g_assert_cmpint (first, !=, 0);
  g_assert_cmpint (first, !=, fixture->facilitator_id);
  g_assert_false (rd_workshop_session_is_handing_over (fixture->session));
  g_assert_cmpuint (rd_workshop_session_get_n_participants (fixture->session), ==, 1);
  respondents = rd_store_list_respondents (fixture->store, rd_assessment_get_id (fixture->assessment), NULL);
  teacher = find_respondent (respondents, first);
  if (teacher == NULL)
    g_error ("the participant is not a respondent of the assessment");
  /* Anonymous: the group and no name. */
  g_assert_cmpint (teacher->group, ==, RD_GROUP_TEACHER);
  g_assert_null (teacher->pseudonym);
  round = kept_round (fixture);
  g_assert_cmpuint (round->n_participants, ==, 1);
  g_clear_pointer (&round, rd_workshop_round_free);

  g_assert_true (rd_workshop_session_hand_over (fixture->session));
  assert_notified (fixture, "respondent-id;");
  g_assert_cmpint (rd_workshop_session_get_respondent (fixture->session), ==, 0);
  g_assert_false (rd_workshop_session_hand_over (fixture->session));

  g_assert_true (rd_workshop_session_join (fixture->session, RD_GROUP_LEARNER, &error));
  g_assert_cmpint (rd_workshop_session_get_respondent (fixture->session), >, first);
  g_assert_true (rd_workshop_session_hand_over (fixture->session));
  g_string_truncate (fixture->notified, 0);

  /* The facilitator is back before the round is said to have ended. */
  g_assert_true (rd_workshop_session_end (fixture->session));
  assert_notified (fixture, "respondent-id;active;");
  g_assert_false (rd_workshop_session_is_active (fixture->session));
  g_assert_cmpint (rd_workshop_session_get_respondent (fixture->session), ==, fixture->facilitator_id);
  g_assert_cmpuint (rd_workshop_session_get_n_participants (fixture->session), ==, 2);
  g_assert_false (g_file_test (fixture->round_file, G_FILE_TEST_EXISTS));
  g_assert_false (rd_workshop_session_end (fixture->session));
  assert_notified (fixture, "");
}

/* Only a group taking part and asked something joins, and only at the
 * hand-over; a refusal changes nothing. */
static void
test_who_can_join (Fixture       *fixture,
                   gconstpointer  data)
{
  const gboolean parents_and_teachers[RD_N_GROUPS] = { [RD_GROUP_PARENT] = TRUE, [RD_GROUP_TEACHER] = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) respondents = NULL;

  g_assert_false (rd_workshop_session_asks (fixture->session, RD_GROUP_PARENT));
  g_assert_true (rd_workshop_session_asks (fixture->session, RD_GROUP_TEACHER));
  /* No round yet. */
  g_assert_false (rd_workshop_session_join (fixture->session, RD_GROUP_TEACHER, &error));

  g_assert_true (rd_workshop_session_begin (fixture->session, parents_and_teachers, 0));
  g_assert_false (rd_workshop_session_begin (fixture->session, parents_and_teachers, 0));
  g_assert_true (rd_workshop_session_is_participating (fixture->session, RD_GROUP_PARENT));
  g_assert_false (rd_workshop_session_can_join (fixture->session, RD_GROUP_PARENT));
  g_assert_false (rd_workshop_session_join (fixture->session, RD_GROUP_PARENT, &error));
  g_assert_false (rd_workshop_session_is_participating (fixture->session, RD_GROUP_LEADER));
  g_assert_false (rd_workshop_session_join (fixture->session, RD_GROUP_LEADER, &error));
  g_assert_false (rd_workshop_session_join (fixture->session, RD_N_GROUPS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rd_workshop_session_get_n_participants (fixture->session), ==, 0);

  g_assert_true (rd_workshop_session_join (fixture->session, RD_GROUP_TEACHER, &error));
  /* Not while someone answers. */
  g_assert_false (rd_workshop_session_can_join (fixture->session, RD_GROUP_TEACHER));
  g_assert_false (rd_workshop_session_join (fixture->session, RD_GROUP_TEACHER, &error));
  g_assert_no_error (error);

  respondents = rd_store_list_respondents (fixture->store, rd_assessment_get_id (fixture->assessment), NULL);
  g_assert_cmpuint (respondents->len, ==, 2);  /* the facilitator and one teacher */
  g_assert_cmpuint (rd_workshop_session_get_n_participants (fixture->session), ==, 1);
}

/* A round resumed after a restart counts on from where it was, and a file
 * given during a round keeps it at once; without one nothing is kept. */
static void
test_resume_and_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RdWorkshopRound) round = NULL;
  g_autoptr(GError) error = NULL;

  rd_workshop_session_set_file (fixture->session, NULL);
  g_assert_true (rd_workshop_session_begin (fixture->session, teachers_and_learners, 3));
  g_assert_cmpuint (rd_workshop_session_get_n_participants (fixture->session), ==, 3);
  g_assert_false (g_file_test (fixture->round_file, G_FILE_TEST_EXISTS));

  rd_workshop_session_set_file (fixture->session, fixture->round_file);
  round = kept_round (fixture);
  g_assert_cmpuint (round->n_participants, ==, 3);
  g_clear_pointer (&round, rd_workshop_round_free);

  g_assert_true (rd_workshop_session_join (fixture->session, RD_GROUP_LEARNER, &error));
  g_assert_no_error (error);
  round = kept_round (fixture);
  g_assert_cmpuint (round->n_participants, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/workshop-session/steps", test_steps, NULL);
  ADD ("/workshop-session/who-can-join", test_who_can_join, "audience.json");
  ADD ("/workshop-session/resume-and-file", test_resume_and_file, NULL);
#undef ADD

  return g_test_run ();
}
