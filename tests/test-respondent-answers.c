/* What one respondent has answered, as the core keeps it for the
 * questionnaire: it follows the store whoever changes the answers, on a
 * real SQLite file. */
#include "config.h"

#include <math.h>

#include "rd-answer-history.h"
#include "rd-respondent-answers.h"
#include "rd-test-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  gint64 respondent_id;   /* the one followed */
  gint64 other_id;        /* another respondent of the same assessment */
  RdRespondentAnswers *answers;
  guint n_changed;
} Fixture;

static void
on_changed (Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 school_id;

  fixture->dir = g_dir_make_tmp ("readiness-respondent-answers-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->dir, "answers.db", NULL);
  fixture->store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->framework = rd_test_load_framework ("small.json");

  school_id = rd_store_add_school (fixture->store, "School", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  fixture->assessment_id = rd_store_add_assessment (fixture->store, school_id, "2026-2027",
                                                    fixture->framework, RD_ASSESSMENT_MODE_FULL, &error);
  fixture->respondent_id = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  fixture->other_id = rd_store_add_respondent (fixture->store, fixture->assessment_id, RD_GROUP_TEACHER, NULL,
                                               &error);
  g_assert_no_error (error);

  fixture->answers = rd_respondent_answers_new (fixture->store, fixture->assessment_id);
  g_signal_connect_swapped (fixture->answers, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->answers);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->framework);
  rd_test_remove_database (fixture->path);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RdItem *
item (Fixture    *fixture,
      const char *item_id)
{
  return rd_framework_lookup_item (fixture->framework, item_id);
}

static void
put (Fixture    *fixture,
     RdStore    *store,
     gint64      respondent_id,
     RdItem     *item,
     double      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_set_answer_value (store, respondent_id, item, value, &error));
  g_assert_no_error (error);
}

static void
follow (Fixture *fixture,
        gint64   respondent_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_respondent_answers_set_respondent (fixture->answers, respondent_id, &error));
  g_assert_no_error (error);
}

static RdOwnQuestion *
add_own_question (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info;
  RdOwnQuestion *question;

  rd_own_question_info_init (&info);
  info.text = "Our pupils know whom to ask for help online.";
  info.area_id = "alpha";
  info.audience = 1u << RD_GROUP_LEADER | 1u << RD_GROUP_TEACHER;
  info.weights[RD_FACTOR_ENGAGEMENT] = 1;
  question = rd_store_add_own_question (fixture->store, fixture->assessment_id, fixture->framework, &info, &error);
  g_assert_no_error (error);
  return question;
}

/* The respondent's answers and no one else's, the own questions' among
 * them; nobody (0) has none. */
static void
test_reads_the_respondents_answers (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) own = add_own_question (fixture);
  const RdAnswer *answer;

  put (fixture, fixture->store, fixture->respondent_id, item (fixture, "a-plan"), 4);
  put (fixture, fixture->store, fixture->respondent_id, rd_own_question_get_item (own), 2);
  put (fixture, fixture->store, fixture->other_id, item (fixture, "b-speed"), 30);

  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 0);
  follow (fixture, fixture->respondent_id);
  g_assert_cmpint (rd_respondent_answers_get_respondent (fixture->answers), ==, fixture->respondent_id);
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 2);
  answer = rd_respondent_answers_lookup (fixture->answers, "a-plan");
  g_assert_nonnull (answer);
  g_assert_cmpfloat (answer->value, ==, 4);
  g_assert_true (rd_respondent_answers_contains (fixture->answers, rd_own_question_get_id (own)));
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, rd_own_question_get_id (own))->value, ==, 2);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "b-speed"));
  g_assert_true (g_hash_table_contains (rd_respondent_answers_get_table (fixture->answers), "a-plan"));

  follow (fixture, fixture->other_id);
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 1);
  g_assert_true (rd_respondent_answers_contains (fixture->answers, "b-speed"));

  follow (fixture, 0);
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 0);
  /* Following someone is the caller's doing: no "changed" for it. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* Stored, changed, not applicable, removed: each answer as the store has it. */
static void
test_follows_each_answer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) own = add_own_question (fixture);
  g_autoptr(GError) error = NULL;
  const char *own_id = rd_own_question_get_id (own);

  follow (fixture, fixture->respondent_id);
  put (fixture, fixture->store, fixture->respondent_id, item (fixture, "a-plan"), 3);
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, "a-plan")->value, ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  put (fixture, fixture->store, fixture->respondent_id, item (fixture, "a-plan"), 5);
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, "a-plan")->value, ==, 5);
  g_assert_true (rd_store_set_answer_not_applicable (fixture->store, fixture->respondent_id, item (fixture, "b-mfa"),
                                                     &error));
  g_assert_true (rd_respondent_answers_lookup (fixture->answers, "b-mfa")->not_applicable);
  put (fixture, fixture->store, fixture->respondent_id, rd_own_question_get_item (own), 4);
  g_assert_true (rd_respondent_answers_contains (fixture->answers, own_id));
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 3);

  g_assert_true (rd_store_clear_answer (fixture->store, fixture->respondent_id, "a-plan", &error));
  g_assert_true (rd_store_clear_answer (fixture->store, fixture->respondent_id, own_id, &error));
  g_assert_no_error (error);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "a-plan"));
  g_assert_false (rd_respondent_answers_contains (fixture->answers, own_id));
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 6);

  /* Another respondent's answers are not theirs. */
  put (fixture, fixture->store, fixture->other_id, item (fixture, "a-plan"), 1);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "a-plan"));
  g_assert_cmpuint (fixture->n_changed, ==, 6);
}

/* Undo puts the answer before back, or takes a first answer away. */
static void
test_follows_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RdAnswerHistory) history = rd_answer_history_new (fixture->store, fixture->framework);
  g_autoptr(GError) error = NULL;

  follow (fixture, fixture->respondent_id);
  g_assert_true (rd_answer_history_set_value (history, fixture->respondent_id, item (fixture, "a-plan"), 2, &error));
  g_assert_true (rd_answer_history_set_value (history, fixture->respondent_id, item (fixture, "a-plan"), 5, &error));
  g_assert_true (rd_answer_history_remove (history, fixture->respondent_id, item (fixture, "a-plan"), &error));
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "a-plan"));

  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, "a-plan")->value, ==, 5);
  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, "a-plan")->value, ==, 2);
  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "a-plan"));
}

typedef struct
{
  RdRespondentAnswers *answers;
  const char *item_id;
  gboolean seen;
} Watch;

static void
look_after_questions_changed (RdStore *store,
                              gint64   assessment_id,
                              Watch   *watch)
{
  watch->seen = rd_respondent_answers_contains (watch->answers, watch->item_id);
}

/* A question removed takes its answers along; Undo brings them back, read
 * by the time the questions' own listeners run (the questionnaire makes
 * its page anew then). */
static void
test_follows_own_questions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) own = add_own_question (fixture);
  g_autoptr(GError) error = NULL;
  const char *own_id = rd_own_question_get_id (own);
  Watch watch = { fixture->answers, own_id, FALSE };

  g_signal_connect_after (fixture->store, "own-questions-changed", G_CALLBACK (look_after_questions_changed), &watch);
  follow (fixture, fixture->respondent_id);
  put (fixture, fixture->store, fixture->respondent_id, rd_own_question_get_item (own), 4);
  put (fixture, fixture->store, fixture->respondent_id, item (fixture, "a-plan"), 4);

  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, own_id, &error));
  g_assert_no_error (error);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, own_id));
  g_assert_true (rd_respondent_answers_contains (fixture->answers, "a-plan"));

  g_assert_false (watch.seen);

  g_assert_true (rd_store_restore_own_question (fixture->store, fixture->assessment_id, own_id, &error));
  g_assert_no_error (error);
  g_assert_true (watch.seen);
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, own_id)->value, ==, 4);

  g_assert_true (rd_store_trash_own_question (fixture->store, fixture->assessment_id, own_id, &error));
  g_assert_true (rd_store_purge_own_question (fixture->store, fixture->assessment_id, own_id, &error));
  g_assert_no_error (error);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, own_id));
  g_assert_cmpuint (rd_respondent_answers_get_n_answered (fixture->answers), ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->store, &watch);
}

/* Answers written elsewhere (a worker's connection) and announced with
 * rd_store_notify_answers_changed() are read anew. */
static void
test_follows_other_connections (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) worker = rd_store_open (fixture->path, &error);

  g_assert_no_error (error);
  follow (fixture, fixture->respondent_id);
  put (fixture, worker, fixture->respondent_id, item (fixture, "b-speed"), 40);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "b-speed"));

  rd_store_notify_answers_changed (fixture->store, fixture->assessment_id);
  g_assert_cmpfloat (rd_respondent_answers_lookup (fixture->answers, "b-speed")->value, ==, 40);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Another assessment's changes are not read. */
  put (fixture, worker, fixture->respondent_id, item (fixture, "a-plan"), 2);
  rd_store_notify_answers_changed (fixture->store, fixture->assessment_id + 1);
  g_assert_false (rd_respondent_answers_contains (fixture->answers, "a-plan"));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

typedef struct
{
  GString *log;
} SignalLog;

static void
log_answer (RdStore    *store,
            gint64      respondent_id,
            const char *item_id,
            gboolean    answered,
            SignalLog  *log)
{
  g_string_append_printf (log->log, "answer %s %s;", item_id, answered ? "stored" : "removed");
}

static void
log_answers (RdStore   *store,
             gint64     assessment_id,
             SignalLog *log)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);

  g_string_append_printf (log->log, "answers %s;", hint->detail ? g_quark_to_string (hint->detail) : "-");
}

/* The store's side of it: one answer says which, before the assessment's
 * signal, which says it was one; a bulk change has no detail. */
static void
test_store_signals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RdOwnQuestion) own = add_own_question (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  SignalLog log = { g_string_new (NULL) };

  g_signal_connect (fixture->store, "answer-changed", G_CALLBACK (log_answer), &log);
  g_signal_connect (fixture->store, "answers-changed", G_CALLBACK (log_answers), &log);
  put (fixture, fixture->store, fixture->respondent_id, item (fixture, "a-plan"), 3);
  g_assert_true (rd_store_clear_answer (fixture->store, fixture->respondent_id, "a-plan", &error));
  put (fixture, fixture->store, fixture->respondent_id, rd_own_question_get_item (own), 3);
  g_assert_true (rd_store_clear_answer (fixture->store, fixture->respondent_id, rd_own_question_get_id (own), &error));
  rd_store_notify_answers_changed (fixture->store, fixture->assessment_id);
  g_assert_no_error (error);

  expected = g_strdup_printf ("answer a-plan stored;answers " RD_STORE_ONE_ANSWER ";"
                              "answer a-plan removed;answers " RD_STORE_ONE_ANSWER ";"
                              "answer %s stored;answers " RD_STORE_ONE_ANSWER ";"
                              "answer %s removed;answers " RD_STORE_ONE_ANSWER ";"
                              "answers -;", rd_own_question_get_id (own), rd_own_question_get_id (own));
  g_assert_cmpstr (log.log->str, ==, expected);
  g_signal_handlers_disconnect_by_data (fixture->store, &log);
  g_string_free (log.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/respondent-answers/reads-the-respondents-answers", test_reads_the_respondents_answers);
  ADD ("/respondent-answers/follows-each-answer", test_follows_each_answer);
  ADD ("/respondent-answers/follows-undo", test_follows_undo);
  ADD ("/respondent-answers/follows-own-questions", test_follows_own_questions);
  ADD ("/respondent-answers/follows-other-connections", test_follows_other_connections);
  ADD ("/respondent-answers/store-signals", test_store_signals);
#undef ADD

  return g_test_run ();
}
