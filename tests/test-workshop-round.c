/* The state file that keeps a workshop round across a restart. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-errors.h"
#include "rd-test-fixtures.h"
#include "rd-workshop-round.h"

#define UUID "2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0002"

static const gboolean teachers_and_learners[RD_N_GROUPS] = {
  [RD_GROUP_TEACHER] = TRUE, [RD_GROUP_LEARNER] = TRUE,
};

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("readiness-round-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

static void
test_save_and_load (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "state", "readiness", "round.ini", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(RdWorkshopRound) round = rd_workshop_round_new ("/data/school.db", UUID, teachers_and_learners, 7);
  g_autoptr(RdWorkshopRound) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_assert_true (rd_workshop_round_save (round, path, &error));
  g_assert_no_error (error);
  /* Only its user reads which assessment is in a round. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  loaded = rd_workshop_round_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->database_path, ==, "/data/school.db");
  g_assert_cmpstr (loaded->assessment_uuid, ==, UUID);
  g_assert_cmpuint (loaded->n_participants, ==, 7);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    g_assert_cmpint (loaded->groups[g], ==, teachers_and_learners[g]);

  /* Saving again replaces it; forgetting removes it, twice without harm. */
  round->n_participants = 8;
  g_assert_true (rd_workshop_round_save (round, path, &error));
  g_clear_pointer (&loaded, rd_workshop_round_free);
  loaded = rd_workshop_round_load (path, &error);
  g_assert_cmpuint (loaded->n_participants, ==, 8);
  g_assert_true (rd_workshop_round_forget (path, &error));
  g_assert_true (rd_workshop_round_forget (path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "round.ini", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (rd_workshop_round_load (path, &error));
  g_assert_no_error (error);
  remove_dir (dir);
}

static void
test_path_per_database (void)
{
  g_autofree char *first = rd_workshop_round_path_for ("/data/one.db");
  g_autofree char *again = rd_workshop_round_path_for ("/data/one.db");
  g_autofree char *second = rd_workshop_round_path_for ("/data/two.db");
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "readiness", NULL);
  g_autofree char *parent = g_path_get_dirname (first);

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpstr (parent, ==, folder);
}

typedef struct
{
  const char *name;
  const char *contents;
} Damage;

static const Damage damages[] = {
  { "not-a-key-file", "this is not a key file\n\x01" },
  { "no-database", "[Round]\nAssessment=" UUID "\nGroups=teacher;\nParticipants=1\n" },
  { "relative-database", "[Round]\nDatabase=school.db\nAssessment=" UUID "\nGroups=teacher;\nParticipants=1\n" },
  { "bad-uuid", "[Round]\nDatabase=/s.db\nAssessment=../../etc\nGroups=teacher;\nParticipants=1\n" },
  { "unknown-group", "[Round]\nDatabase=/s.db\nAssessment=" UUID "\nGroups=teacher;inspector;\nParticipants=1\n" },
  { "no-group", "[Round]\nDatabase=/s.db\nAssessment=" UUID "\nGroups=\nParticipants=1\n" },
  { "negative-count", "[Round]\nDatabase=/s.db\nAssessment=" UUID "\nGroups=teacher;\nParticipants=-1\n" },
  { "huge-count", "[Round]\nDatabase=/s.db\nAssessment=" UUID "\nGroups=teacher;\nParticipants=99999999999\n" },
  { "other-group", "[Other]\nDatabase=/s.db\nAssessment=" UUID "\nGroups=teacher;\nParticipants=1\n" },
};

static void
test_damaged (gconstpointer data)
{
  const Damage *damage = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "round.ini", NULL);
  g_autoptr(GError) error = NULL;

  rd_test_write_file (path, damage->contents);
  g_assert_null (rd_workshop_round_load (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  /* FILE: PLACE: PROBLEM */
  g_assert_true (g_str_has_prefix (error->message, path));
  remove_dir (dir);
}

/* Not a file of ours: a folder, a link, or a file too large to read. */
static void
test_not_a_state_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.ini", NULL);
  g_autofree char *target = g_build_filename (dir, "target.ini", NULL);
  g_autofree char *link = g_build_filename (dir, "link.ini", NULL);
  g_autofree char *hole = g_build_filename (dir, "hole.ini", NULL);
  g_autoptr(RdWorkshopRound) round = rd_workshop_round_new ("/s.db", UUID, teachers_and_learners, 1);
  const char *paths[] = { folder, link, hole };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (rd_workshop_round_save (round, target, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  rd_test_write_hole (hole, (goffset) 1 << 30);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (rd_workshop_round_load (paths[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  remove_dir (dir);
}

/* A round belongs to one draft assessment of one database. */
static void
test_find_assessment (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "readiness.db", NULL);
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);
  g_autoptr(RdWorkshopRound) round = NULL;
  g_autoptr(RdWorkshopRound) elsewhere = NULL;
  g_autoptr(RdWorkshopRound) unknown = NULL;
  g_autofree char *uuid = NULL;
  gint64 school_id, assessment_id;

  g_assert_no_error (error);
  school_id = rd_store_add_school (store, "Atheneum", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);

  uuid = rd_store_get_assessment_uuid (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (rd_store_find_assessment (store, uuid, &error), ==, assessment_id);
  g_assert_null (rd_store_get_assessment_uuid (store, assessment_id + 100, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  round = rd_workshop_round_new (path, uuid, teachers_and_learners, 2);
  elsewhere = rd_workshop_round_new ("/elsewhere/readiness.db", uuid, teachers_and_learners, 2);
  unknown = rd_workshop_round_new (path, UUID, teachers_and_learners, 2);
  g_assert_cmpint (rd_workshop_round_find_assessment (round, store), ==, assessment_id);
  g_assert_cmpint (rd_workshop_round_find_assessment (elsewhere, store), ==, 0);
  g_assert_cmpint (rd_workshop_round_find_assessment (unknown, store), ==, 0);

  /* Complete: no round can go on in it. */
  g_assert_true (rd_store_set_assessment_status (store, assessment_id, RD_ASSESSMENT_STATUS_COMPLETE, &error));
  g_assert_cmpint (rd_workshop_round_find_assessment (round, store), ==, 0);
  g_assert_true (rd_store_set_assessment_status (store, assessment_id, RD_ASSESSMENT_STATUS_DRAFT, &error));
  g_assert_cmpint (rd_workshop_round_find_assessment (round, store), ==, assessment_id);

  /* In the trash, with its school or on its own: gone. */
  g_assert_true (rd_store_trash_school (store, school_id, &error));
  g_assert_cmpint (rd_workshop_round_find_assessment (round, store), ==, 0);
  g_assert_true (rd_store_restore_school (store, school_id, &error));
  g_assert_true (rd_store_trash_assessment (store, assessment_id, &error));
  g_assert_cmpint (rd_store_find_assessment (store, uuid, &error), ==, 0);
  g_assert_cmpint (rd_workshop_round_find_assessment (round, store), ==, 0);
  g_assert_no_error (error);

  g_clear_object (&store);
  rd_test_remove_database (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workshop-round/save-and-load", test_save_and_load);
  g_test_add_func ("/workshop-round/missing", test_missing);
  g_test_add_func ("/workshop-round/path-per-database", test_path_per_database);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *name = g_strdup_printf ("/workshop-round/damaged/%s", damages[i].name);

      g_test_add_data_func (name, &damages[i], test_damaged);
    }
  g_test_add_func ("/workshop-round/not-a-state-file", test_not_a_state_file);
  g_test_add_func ("/workshop-round/find-assessment", test_find_assessment);

  return g_test_run ();
}
