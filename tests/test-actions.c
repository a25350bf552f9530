#include "config.h"

#include <glib/gstdio.h>

#include "rd-errors.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  guint n_changed;
} Fixture;

static void
on_actions_changed (RdStore *store,
                    gint64   assessment_id,
                    Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (&fixture->test_store, rd_test_load_framework ("small.json"));
  g_signal_connect (fixture->store, "actions-changed", G_CALLBACK (on_actions_changed), fixture);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozef", NULL, RD_SCHOOL_TYPE_UNSET);
  rd_test_store_add_assessment (&fixture->test_store, "2025-2026", RD_ASSESSMENT_MODE_FULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rd_test_store_clear (&fixture->test_store);
}

static gint64
add_action (Fixture        *fixture,
            gint64          assessment_id,
            const char     *title,
            RdActionStatus  status)
{
  g_autoptr(GError) error = NULL;
  const char *items[] = { "b-speed", "b-share", NULL };
  RdActionInfo info = {
    .title = title,
    .factor = RD_FACTOR_INVESTMENT,
    .item_ids = items,
    .owner = "ICT coordinator",
    .due = "2026-03-31",
    .status = status,
    .criterion = "Every classroom streams video",
    .notes = "Ask the school board for the budget.",
  };
  gint64 id = rd_store_add_action (fixture->store, assessment_id, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_add_and_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAction) action = NULL;
  g_autoptr(RdAction) edited = NULL;
  g_autoptr(RdStore) reopened = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  const char *one_item[] = { "a-plan", NULL };
  RdActionInfo info;
  gint64 id;

  id = add_action (fixture, fixture->assessment_id, "  Upgrade the network  ", RD_ACTION_STATUS_PLANNED);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  action = rd_store_get_action (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_action_get_title (action), ==, "Upgrade the network");
  g_assert_cmpint (rd_action_get_factor (action), ==, RD_FACTOR_INVESTMENT);
  g_assert_cmpstr (rd_action_get_due (action), ==, "2026-03-31");
  g_assert_cmpstr (rd_action_get_owner (action), ==, "ICT coordinator");
  g_assert_cmpuint (g_strv_length ((GStrv) rd_action_get_item_ids (action)), ==, 2);
  g_assert_cmpstr (rd_action_get_item_ids (action)[0], ==, "b-speed");
  g_assert_cmpstr (rd_action_get_item_ids (action)[1], ==, "b-share");
  g_assert_null (rd_action_get_carried_from (action));

  /* Edit a copy of its fields: the status, fewer items, no owner any more. */
  rd_action_get_info (action, &info);
  info.status = RD_ACTION_STATUS_IN_PROGRESS;
  info.item_ids = one_item;
  info.owner = "";
  info.due = NULL;
  g_assert_true (rd_store_update_action (fixture->store, id, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* What was saved survives closing the database. */
  reopened = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  edited = rd_store_get_action (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_action_get_status (edited), ==, RD_ACTION_STATUS_IN_PROGRESS);
  g_assert_null (rd_action_get_owner (edited));
  g_assert_null (rd_action_get_due (edited));
  g_assert_cmpstr (rd_action_get_criterion (edited), ==, "Every classroom streams video");
  g_assert_cmpuint (g_strv_length ((GStrv) rd_action_get_item_ids (edited)), ==, 1);
  g_assert_cmpstr (rd_action_get_item_ids (edited)[0], ==, "a-plan");

  actions = rd_store_list_actions (reopened, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  const char *bad_dates[] = { "2026-02-30", "31-03-2026", "2026-3-31", "tomorrow" };
  gint64 id;

  g_assert_cmpint (rd_store_add_action (fixture->store, fixture->assessment_id,
                                        &(RdActionInfo) { .title = "   " }, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_cmpint (rd_store_add_action (fixture->store, fixture->assessment_id,
                                            &(RdActionInfo) { .title = "T", .due = bad_dates[i] },
                                            &error), ==, 0);
      g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_dates[i]));
      g_clear_error (&error);
    }

  g_assert_cmpint (rd_store_add_action (fixture->store, 9999, &(RdActionInfo) { .title = "T" }, &error),
                   ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (rd_store_update_action (fixture->store, 9999, &(RdActionInfo) { .title = "T" }, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A failed edit changes nothing. */
  id = add_action (fixture, fixture->assessment_id, "Keep me", RD_ACTION_STATUS_PLANNED);
  g_assert_false (rd_store_update_action (fixture->store, id,
                                          &(RdActionInfo) { .title = "New", .due = "2026-13-01" }, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  actions = rd_store_list_actions (fixture->store, fixture->assessment_id, NULL);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (rd_action_get_title (g_ptr_array_index (actions, 0)), ==, "Keep me");
  g_assert_cmpstr (rd_action_get_due (g_ptr_array_index (actions, 0)), ==, "2026-03-31");
}

static guint
count_actions (Fixture *fixture,
               gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = rd_store_list_actions (fixture->store, assessment_id, &error);

  g_assert_no_error (error);
  return actions->len;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAction) restored = NULL;
  gint64 first = add_action (fixture, fixture->assessment_id, "First", RD_ACTION_STATUS_PLANNED);
  gint64 second = add_action (fixture, fixture->assessment_id, "Second", RD_ACTION_STATUS_DONE);

  g_assert_true (rd_store_trash_action (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (fixture, fixture->assessment_id), ==, 1);
  g_assert_null (rd_store_get_action (fixture->store, first, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: the action comes back whole, linked items too. */
  g_assert_true (rd_store_restore_action (fixture->store, first, &error));
  restored = rd_store_get_action (fixture->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) rd_action_get_item_ids (restored)), ==, 2);
  g_assert_cmpuint (count_actions (fixture, fixture->assessment_id), ==, 2);

  /* Purging what is not in the trash removes nothing. */
  g_assert_true (rd_store_purge_action (fixture->store, first, &error));
  g_assert_cmpuint (count_actions (fixture, fixture->assessment_id), ==, 2);

  g_assert_true (rd_store_trash_action (fixture->store, second, &error));
  g_assert_true (rd_store_purge_action (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_false (rd_store_restore_action (fixture->store, second, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Trashed actions go with the trash at quit. */
  g_assert_true (rd_store_trash_action (fixture->store, first, &error));
  g_assert_true (rd_store_purge_trash (fixture->store, &error));
  g_assert_true (rd_store_restore_action (fixture->store, first, &error) == FALSE);
  g_clear_error (&error);
  g_assert_cmpuint (count_actions (fixture, fixture->assessment_id), ==, 0);
}

static gint64
add_assessment (Fixture          *fixture,
                const char       *year,
                RdAssessmentMode  mode)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rd_store_add_assessment (fixture->store, fixture->school_id, year, fixture->framework,
                                       mode, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_carry_over (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 pulse, next, same_year, after;
  RdAction *action;

  add_action (fixture, fixture->assessment_id, "Planned one", RD_ACTION_STATUS_PLANNED);
  add_action (fixture, fixture->assessment_id, "Finished one", RD_ACTION_STATUS_DONE);
  add_action (fixture, fixture->assessment_id, "Busy one", RD_ACTION_STATUS_IN_PROGRESS);

  /* A second assessment in the same year starts with an empty plan. */
  pulse = add_assessment (fixture, "2025-2026", RD_ASSESSMENT_MODE_PULSE);
  g_assert_cmpuint (count_actions (fixture, pulse), ==, 0);

  /* The next year gets the two unfinished ones, status and fields kept. */
  next = add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_FULL);
  carried = rd_store_list_actions (fixture->store, next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carried->len, ==, 2);
  action = g_ptr_array_index (carried, 0);
  g_assert_cmpstr (rd_action_get_title (action), ==, "Planned one");
  g_assert_cmpstr (rd_action_get_carried_from (action), ==, "2025-2026");
  g_assert_cmpstr (rd_action_get_owner (action), ==, "ICT coordinator");
  g_assert_cmpstr (rd_action_get_item_ids (action)[1], ==, "b-share");
  action = g_ptr_array_index (carried, 1);
  g_assert_cmpstr (rd_action_get_title (action), ==, "Busy one");
  g_assert_cmpint (rd_action_get_status (action), ==, RD_ACTION_STATUS_IN_PROGRESS);

  /* The originals stay in last year's plan. */
  g_assert_cmpuint (count_actions (fixture, fixture->assessment_id), ==, 3);

  /* A pulse in the new year takes from 2025-2026 again, not from itself. */
  same_year = add_assessment (fixture, "2026-2027", RD_ASSESSMENT_MODE_PULSE);
  g_assert_cmpuint (count_actions (fixture, same_year), ==, 2);

  /* One finished in 2026-2027 (its pulse copy deleted); the year after
   * gets the other once, though both 2026-2027 assessments hold a copy. */
  {
    RdActionInfo info;

    rd_action_get_info (g_ptr_array_index (carried, 0), &info);
    info.status = RD_ACTION_STATUS_DONE;
    g_assert_true (rd_store_update_action (fixture->store, info.id, &info, &error));
    g_assert_no_error (error);
  }
  g_assert_true (rd_store_trash_action (fixture->store,
                                        rd_action_get_id (g_ptr_array_index (carried, 0)) + 2, &error));
  g_assert_no_error (error);

  after = add_assessment (fixture, "2027-2028", RD_ASSESSMENT_MODE_FULL);
  again = rd_store_list_actions (fixture->store, after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (rd_action_get_title (g_ptr_array_index (again, 0)), ==, "Busy one");
  g_assert_cmpstr (rd_action_get_carried_from (g_ptr_array_index (again, 0)), ==, "2026-2027");
}

/* Completing an assessment freezes its answers, not its plan. */
static void
test_complete_assessment_keeps_plan_editable (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (rd_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                 RD_ASSESSMENT_STATUS_COMPLETE, &error));
  id = add_action (fixture, fixture->assessment_id, "After the assessment", RD_ACTION_STATUS_PLANNED);
  g_assert_true (rd_store_update_action (fixture->store, id,
                                         &(RdActionInfo) { .title = "Renamed", .status = RD_ACTION_STATUS_DONE },
                                         &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/actions/add-and-edit", test_add_and_edit);
  ADD ("/actions/invalid", test_invalid);
  ADD ("/actions/delete-and-undo", test_delete_and_undo);
  ADD ("/actions/carry-over", test_carry_over);
  ADD ("/actions/complete-assessment", test_complete_assessment_keeps_plan_editable);
#undef ADD

  return g_test_run ();
}
