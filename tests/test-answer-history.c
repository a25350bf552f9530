#include "config.h"

#include <math.h>

#include "rd-answer-history.h"
#include "rd-errors.h"
#include "rd-test-fixtures.h"

/* The school's full assessment of 2026-2027 in small.json, and its leader. */
typedef struct
{
  RD_TEST_STORE_MEMBERS;
  gint64 respondent_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_set_up (&fixture->test_store, data);
  fixture->respondent_id = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rd_test_store_clear (&fixture->test_store);
}

static RdAnswer *
stored (Fixture    *fixture,
        const char *item_id)
{
  g_autoptr(GError) error = NULL;
  RdAnswer *answer = rd_store_get_answer (fixture->store, fixture->respondent_id, item_id, &error);

  g_assert_no_error (error);
  return answer;
}

static void
test_undo_restores_each_step (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RdAnswerHistory) history = rd_answer_history_new (fixture->store, fixture->framework);
  RdItem *plan = rd_framework_lookup_item (fixture->framework, "a-plan");
  RdItem *review = rd_framework_lookup_item (fixture->framework, "a-review");
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  RdAnswer *answer;
  GDate date;

  g_assert_false (rd_answer_history_can_undo (history));

  g_assert_true (rd_answer_history_set_value (history, fixture->respondent_id, plan, 2, &error));
  g_assert_true (rd_answer_history_set_value (history, fixture->respondent_id, plan, 5, &error));
  g_assert_true (rd_answer_history_set_not_applicable (history, fixture->respondent_id, plan, &error));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 9, 2024);
  g_assert_true (rd_answer_history_set_date (history, fixture->respondent_id, review, &date, &error));
  g_assert_no_error (error);
  g_assert_true (rd_answer_history_can_undo (history));

  /* Undo the date: the item is unanswered again. */
  g_assert_true (rd_answer_history_undo (history, &undone, &error));
  g_assert_cmpstr (undone, ==, "a-review");
  g_assert_null (stored (fixture, "a-review"));

  /* Not applicable → 5 → 2 → nothing. */
  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  answer = stored (fixture, "a-plan");
  g_assert_false (answer->not_applicable);
  g_assert_cmpfloat (answer->value, ==, 5);
  rd_answer_free (answer);

  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  answer = stored (fixture, "a-plan");
  g_assert_cmpfloat (answer->value, ==, 2);
  rd_answer_free (answer);

  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  g_assert_null (stored (fixture, "a-plan"));
  g_assert_no_error (error);

  g_assert_false (rd_answer_history_can_undo (history));
  g_assert_false (rd_answer_history_undo (history, NULL, &error));
  g_assert_no_error (error);
}

static void
test_refused_change_is_not_recorded (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(RdAnswerHistory) history = rd_answer_history_new (fixture->store, fixture->framework);
  RdItem *share = rd_framework_lookup_item (fixture->framework, "b-share");
  g_autoptr(GError) error = NULL;

  g_assert_false (rd_answer_history_set_value (history, fixture->respondent_id, share, 150, &error));
  g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_false (rd_answer_history_can_undo (history));
  g_assert_null (stored (fixture, "b-share"));
}

static void
test_complete_assessment_is_read_only (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(RdAnswerHistory) history = rd_answer_history_new (fixture->store, fixture->framework);
  RdItem *plan = rd_framework_lookup_item (fixture->framework, "a-plan");
  g_autoptr(GError) error = NULL;
  RdAnswer *answer;

  g_assert_true (rd_answer_history_set_value (history, fixture->respondent_id, plan, 3, &error));
  g_assert_true (rd_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                 RD_ASSESSMENT_STATUS_COMPLETE, &error));

  g_assert_false (rd_answer_history_set_value (history, fixture->respondent_id, plan, 4, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_false (rd_store_clear_answer (fixture->store, fixture->respondent_id, "a-plan", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  /* Undo cannot slip past the lock either, and stays available for later. */
  g_assert_false (rd_answer_history_undo (history, NULL, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_true (rd_answer_history_can_undo (history));

  answer = stored (fixture, "a-plan");
  g_assert_cmpfloat (answer->value, ==, 3);
  rd_answer_free (answer);

  /* Reopened, it can change again. */
  g_assert_true (rd_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                 RD_ASSESSMENT_STATUS_DRAFT, &error));
  g_assert_true (rd_answer_history_undo (history, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (stored (fixture, "a-plan"));
}

static void
test_respondent_and_position (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autofree char *area = NULL;
  g_autofree char *item = NULL;

  /* The same respondent every time, a school leader. */
  g_assert_cmpint (rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error), ==,
                   fixture->respondent_id);
  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (respondents->len, ==, 1);
  g_assert_cmpint (((RdRespondent *) g_ptr_array_index (respondents, 0))->group, ==, RD_GROUP_LEADER);

  g_assert_true (rd_store_set_respondent_group (fixture->store, fixture->respondent_id,
                                                RD_GROUP_TEACHER, &error));
  g_clear_pointer (&respondents, g_ptr_array_unref);
  respondents = rd_store_list_respondents (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpint (((RdRespondent *) g_ptr_array_index (respondents, 0))->group, ==, RD_GROUP_TEACHER);

  g_assert_true (rd_store_get_position (fixture->store, fixture->assessment_id, &area, &item, &error));
  g_assert_null (area);
  g_assert_null (item);
  g_assert_true (rd_store_set_position (fixture->store, fixture->assessment_id, "beta", "b-share", &error));
  g_assert_true (rd_store_get_position (fixture->store, fixture->assessment_id, &area, &item, &error));
  g_assert_cmpstr (area, ==, "beta");
  g_assert_cmpstr (item, ==, "b-share");
  g_assert_no_error (error);

  g_assert_false (rd_store_set_position (fixture->store, 4242, "beta", NULL, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/answer-history/undo-restores-each-step", test_undo_restores_each_step);
  ADD ("/answer-history/refused-change-not-recorded", test_refused_change_is_not_recorded);
  ADD ("/answer-history/complete-is-read-only", test_complete_assessment_is_read_only);
  ADD ("/store/respondent-and-position", test_respondent_and_position);
#undef ADD

  return g_test_run ();
}
