/* Commentary and evidence behind an item's answers: the model's rules
 * (locations, dates) and the store on a real database file. */
#include "config.h"

#include <string.h>

#include "rd-errors.h"
#include "rd-limits.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  guint n_changed;
  char *last_item;
} Fixture;

static void
on_evidence_changed (RdStore    *store,
                     gint64      assessment_id,
                     const char *item_id,
                     Fixture    *fixture)
{
  g_assert_cmpint (assessment_id, ==, fixture->assessment_id);
  fixture->n_changed++;
  g_free (fixture->last_item);
  fixture->last_item = g_strdup (item_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_create (&fixture->test_store, rd_test_load_framework ("small.json"));
  g_signal_connect (fixture->store, "evidence-changed", G_CALLBACK (on_evidence_changed), fixture);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozef", NULL, RD_SCHOOL_TYPE_UNSET);
  rd_test_store_add_assessment (&fixture->test_store, "2025-2026", RD_ASSESSMENT_MODE_FULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->last_item, g_free);
  rd_test_store_clear (&fixture->test_store);
}

static gint64
add_evidence (Fixture    *fixture,
              const char *item_id,
              const char *title,
              const char *location,
              const char *date)
{
  g_autoptr(GError) error = NULL;
  RdEvidenceInfo info = {
    .assessment_id = fixture->assessment_id,
    .item_id = item_id,
    .title = title,
    .location = location,
    .date = date,
  };
  gint64 id = rd_store_add_evidence (fixture->store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_location_rule (void)
{
  static const struct {
    const char *location;
    gboolean valid;
    RdEvidenceLocation kind;
  } cases[] = {
    { NULL, TRUE, RD_EVIDENCE_LOCATION_NONE },
    { "", TRUE, RD_EVIDENCE_LOCATION_NONE },
    { "https://school.example/ict-policy.pdf", TRUE, RD_EVIDENCE_LOCATION_LINK },
    { "HTTP://school.example/", TRUE, RD_EVIDENCE_LOCATION_LINK },
    { "/srv/share/Beleid/ICT-beleid 2026.odt", TRUE, RD_EVIDENCE_LOCATION_PATH },
    { "Beleid/ICT.odt", TRUE, RD_EVIDENCE_LOCATION_PATH },
    { "C:\\Beleid\\ICT.docx", TRUE, RD_EVIDENCE_LOCATION_PATH },
    { "\\\\server\\share\\ICT.docx", TRUE, RD_EVIDENCE_LOCATION_PATH },
    { "file:///srv/share/ICT.odt", TRUE, RD_EVIDENCE_LOCATION_PATH },
    { "javascript:alert(1)", FALSE, RD_EVIDENCE_LOCATION_NONE },
    { "JavaScript:alert(1)", FALSE, RD_EVIDENCE_LOCATION_NONE },
    { "data:text/html,<script>x</script>", FALSE, RD_EVIDENCE_LOCATION_NONE },
    { "ftp://school.example/x", FALSE, RD_EVIDENCE_LOCATION_NONE },
    { "https:///no-host", FALSE, RD_EVIDENCE_LOCATION_NONE },
    { "file://host/share/x", FALSE, RD_EVIDENCE_LOCATION_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      RdEvidenceLocation kind = RD_EVIDENCE_LOCATION_LINK;
      gboolean valid = rd_evidence_location_classify (cases[i].location, &kind, &error);

      g_test_message ("%s", cases[i].location ? cases[i].location : "(null)");
      g_assert_cmpint (valid, ==, cases[i].valid);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
    }

  g_assert_true (rd_evidence_date_is_valid ("2024-02-29"));
  g_assert_false (rd_evidence_date_is_valid ("2025-02-29"));
  g_assert_false (rd_evidence_date_is_valid ("2025-13-01"));
  g_assert_false (rd_evidence_date_is_valid ("30-09-2025"));
  g_assert_false (rd_evidence_date_is_valid (NULL));
}

static void
test_uri (void)
{
  static const struct { const char *location; const char *uri; } cases[] = {
    { "https://school.example/a b", "https://school.example/a b" },
    { "/srv/share/ICT beleid.odt", "file:///srv/share/ICT%20beleid.odt" },
    { "file:///srv/x.odt", "file:///srv/x.odt" },
    { "Beleid/ICT.odt", NULL },
    { NULL, NULL },
    { "javascript:alert(1)", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RdEvidence) evidence = rd_evidence_new (&(RdEvidenceInfo) {
        .item_id = "a-plan", .title = "T", .location = cases[i].location });
      g_autofree char *uri = rd_evidence_dup_uri (evidence);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }
}

static void
test_commentary (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(RdStore) reopened = NULL;
  g_autofree char *commentary = NULL;
  g_autofree char *none = NULL;

  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan",
                                               "  We answered 3:\r\nthe plan is\x07 written\u202e.  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpstr (fixture->last_item, ==, "a-plan");

  /* The same text again changes nothing and says nothing. */
  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan",
                                               "We answered 3:\nthe plan is written.", &error));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  reopened = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  commentary = rd_store_get_item_commentary (reopened, fixture->assessment_id, "a-plan", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (commentary, ==, "We answered 3:\nthe plan is written.");
  none = rd_store_get_item_commentary (reopened, fixture->assessment_id, "b-speed", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "own-1", "Ours", &error));
  all = rd_store_list_item_commentaries (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (all, "own-1"), ==, "Ours");

  /* Blank clears. */
  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan", " \n ", &error));
  g_clear_pointer (&commentary, g_free);
  commentary = rd_store_get_item_commentary (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_null (commentary);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_commentary_limits (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (RD_MAX_ITEM_COMMENTARY, 'x');
  g_autofree char *too_long = g_strnfill (RD_MAX_ITEM_COMMENTARY + 1, 'x');
  g_autofree char *stored = NULL;

  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan", longest, &error));
  g_assert_no_error (error);

  g_assert_false (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan", too_long, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4000"));
  g_clear_error (&error);

  g_assert_false (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a plan", "x", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rd_store_set_item_commentary (fixture->store, fixture->assessment_id + 99, "a-plan", "x", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* What was refused did not touch what was kept. */
  stored = rd_store_get_item_commentary (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_cmpstr (stored, ==, longest);
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_item = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) counts = NULL;
  RdEvidenceInfo info;
  RdEvidence *evidence;
  gint64 policy, minutes;

  policy = add_evidence (fixture, "a-plan", "  ICT policy 2026  ", "https://school.example/policy.pdf", "2026-09-30");
  minutes = add_evidence (fixture, "a-plan", "Board minutes", "/srv/share/minutes.odt", NULL);
  add_evidence (fixture, "b-speed", "Speed test", "", "");
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  of_item = rd_store_list_evidence (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_item->len, ==, 2);
  evidence = g_ptr_array_index (of_item, 0);
  g_assert_cmpint (rd_evidence_get_id (evidence), ==, policy);
  g_assert_cmpstr (rd_evidence_get_title (evidence), ==, "ICT policy 2026");
  g_assert_cmpstr (rd_evidence_get_item_id (evidence), ==, "a-plan");
  g_assert_cmpstr (rd_evidence_get_date (evidence), ==, "2026-09-30");
  g_assert_cmpint (rd_evidence_get_location_kind (evidence), ==, RD_EVIDENCE_LOCATION_LINK);
  g_assert_cmpint (rd_evidence_get_created (evidence), >, 0);
  evidence = g_ptr_array_index (of_item, 1);
  g_assert_cmpint (rd_evidence_get_location_kind (evidence), ==, RD_EVIDENCE_LOCATION_PATH);
  g_assert_null (rd_evidence_get_date (evidence));

  all = rd_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (all->len, ==, 3);
  evidence = g_ptr_array_index (all, 2);
  g_assert_cmpstr (rd_evidence_get_item_id (evidence), ==, "b-speed");
  g_assert_null (rd_evidence_get_location (evidence));

  /* An edit keeps the item, whatever the caller says. */
  rd_evidence_get_info (g_ptr_array_index (of_item, 1), &info);
  info.title = "Board minutes, 12 May";
  info.item_id = "b-speed";
  info.date = "2026-05-12";
  g_assert_true (rd_store_update_evidence (fixture->store, minutes, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->last_item, ==, "a-plan");

  /* Trash and undo. */
  g_assert_true (rd_store_trash_evidence (fixture->store, policy, &error));
  counts = rd_store_count_evidence_by_item (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "a-plan")), ==, 1);
  g_assert_false (rd_store_update_evidence (fixture->store, policy, &info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rd_store_restore_evidence (fixture->store, policy, &error));
  after = rd_store_list_evidence (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (rd_evidence_get_title (g_ptr_array_index (after, 1)), ==, "Board minutes, 12 May");
  g_assert_cmpstr (rd_evidence_get_date (g_ptr_array_index (after, 1)), ==, "2026-05-12");

  g_assert_false (rd_store_trash_evidence (fixture->store, policy + 100, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Purging takes only what is in the trash. */
  g_assert_true (rd_store_purge_evidence (fixture->store, policy, &error));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = rd_store_list_evidence (fixture->store, fixture->assessment_id, "a-plan", &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (rd_store_trash_evidence (fixture->store, policy, &error));
  g_assert_true (rd_store_purge_evidence (fixture->store, policy, &error));
  g_assert_false (rd_store_restore_evidence (fixture->store, policy, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

static void
test_evidence_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *long_title = g_strnfill (RD_MAX_EVIDENCE_TITLE + 1, 'x');
  g_autofree char *xs = g_strnfill (RD_MAX_EVIDENCE_LOCATION, 'x');
  g_autofree char *long_location = g_strconcat ("https://school.example/", xs, NULL);
  static const struct { const char *title, *location, *date, *says; } cases[] = {
    { " \t ", NULL, NULL, "needs a title" },
    { "Policy", "javascript:alert(document.cookie)", NULL, "javascript:" },
    { "Policy", "data:text/html,x", NULL, "data:" },
    { "Policy", NULL, "2026-02-30", "2026-02-30" },
    { "Policy", NULL, "yesterday", "yesterday" },
  };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RdEvidenceInfo info = {
        .assessment_id = fixture->assessment_id, .item_id = "a-plan",
        .title = cases[i].title, .location = cases[i].location, .date = cases[i].date,
      };

      g_assert_cmpint (rd_store_add_evidence (fixture->store, &info, &error), ==, 0);
      g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
    }

  g_assert_cmpint (rd_store_add_evidence (fixture->store, &(RdEvidenceInfo) {
    .assessment_id = fixture->assessment_id, .item_id = "a-plan", .title = long_title }, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rd_store_add_evidence (fixture->store, &(RdEvidenceInfo) {
    .assessment_id = fixture->assessment_id, .item_id = "a-plan", .title = "T",
    .location = long_location }, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  all = rd_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* A complete assessment is read-only: its answers, commentary and evidence. */
static void
test_complete_is_read_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = add_evidence (fixture, "a-plan", "Policy", NULL, NULL);
  RdEvidenceInfo info = { .assessment_id = fixture->assessment_id, .item_id = "a-plan", .title = "New" };

  g_assert_true (rd_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                 RD_ASSESSMENT_STATUS_COMPLETE, &error));
  g_assert_false (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan", "x", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_cmpint (rd_store_add_evidence (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_false (rd_store_update_evidence (fixture->store, id, &info, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);
  g_assert_false (rd_store_trash_evidence (fixture->store, id, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE);
  g_clear_error (&error);

  all = rd_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (rd_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                 RD_ASSESSMENT_STATUS_DRAFT, &error));
  g_assert_true (rd_store_trash_evidence (fixture->store, id, &error));
  g_assert_no_error (error);
}

static void
test_items_without_evidence (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *items[] = { "a-plan", "a-team", "b-speed", "own-1", NULL };
  guint n = 99;
  gint64 trashed;

  g_assert_true (rd_store_count_items_without_evidence (fixture->store, fixture->assessment_id, items, &n, &error));
  g_assert_cmpuint (n, ==, 4);
  add_evidence (fixture, "a-plan", "Policy", NULL, NULL);
  add_evidence (fixture, "a-plan", "Minutes", NULL, NULL);
  add_evidence (fixture, "own-1", "Survey", NULL, NULL);
  trashed = add_evidence (fixture, "b-speed", "Speed test", NULL, NULL);
  g_assert_true (rd_store_trash_evidence (fixture->store, trashed, &error));
  /* A commentary is not evidence. */
  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-team", "x", &error));

  g_assert_true (rd_store_count_items_without_evidence (fixture->store, fixture->assessment_id, items, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
}

/* Removing the assessment for good removes what belongs to it. */
static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) notes = NULL;

  add_evidence (fixture, "a-plan", "Policy", NULL, NULL);
  g_assert_true (rd_store_set_item_commentary (fixture->store, fixture->assessment_id, "a-plan", "x", &error));
  g_assert_true (rd_store_trash_assessment (fixture->store, fixture->assessment_id, &error));
  g_assert_true (rd_store_purge_assessment (fixture->store, fixture->assessment_id, &error));
  g_assert_no_error (error);

  all = rd_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (all->len, ==, 0);
  notes = rd_store_list_item_commentaries (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (g_hash_table_size (notes), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/location-rule", test_location_rule);
  g_test_add_func ("/evidence/uri", test_uri);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evidence/commentary", test_commentary);
  ADD ("/evidence/commentary-limits", test_commentary_limits);
  ADD ("/evidence/add-edit-trash", test_evidence);
  ADD ("/evidence/refused", test_evidence_refused);
  ADD ("/evidence/complete-is-read-only", test_complete_is_read_only);
  ADD ("/evidence/items-without-evidence", test_items_without_evidence);
  ADD ("/evidence/cascade", test_cascade);
#undef ADD

  return g_test_run ();
}
