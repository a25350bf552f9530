/* A full disk: answers and exports fail with a message that says so, the
 * app goes on working, and nothing saved before is lost. Once with SQLite
 * told the disk is full (every run), once on a real full file system
 * (where mounting a tmpfs is allowed). */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>

#include "rd-assessment-view-private.h"
#include "rd-errors.h"
#include "rd-export-file.h"
#include "rd-item-row-private.h"
#include "rd-test-full-disk.h"
#include "rd-test-util.h"

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  gint64 respondent_id;
} Fixture;

/* Opened only now: a test may first move the database to a small disk. */
static void
make_assessment (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  rd_test_store_open (&fixture->test_store);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
  fixture->respondent_id = rd_store_ensure_respondent (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_make_folder (&fixture->test_store);
  fixture->framework = rd_test_load_framework ("small.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rd_test_full_disk_set_full (FALSE);
  rd_test_store_clear (&fixture->test_store);
}

static double
stored_value (RdStore    *store,
              gint64      respondent_id,
              const char *item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAnswer) answer = rd_store_get_answer (store, respondent_id, item_id, &error);

  g_assert_no_error (error);
  return answer != NULL ? answer->value : -1;
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The statement items of small.json take 1–5; the answer given in round
 * @round, so that each round changes every answer. */
static const char *statements[] = { "a-plan", "a-team" };

static double
value_for (guint round,
           guint index)
{
  return 1 + (round + index) % 5;
}

static gboolean
answer_round (Fixture  *fixture,
              guint     round,
              GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      RdItem *item = rd_framework_lookup_item (fixture->framework, statements[i]);

      if (!rd_store_set_answer_value (fixture->store, fixture->respondent_id, item,
                                      value_for (round, i), error))
        return FALSE;
    }
  return TRUE;
}

static void
assert_round_stored (Fixture *fixture,
                     RdStore *store,
                     guint    round)
{
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    g_assert_cmpfloat (stored_value (store, fixture->respondent_id, statements[i]), ==, value_for (round, i));
}

static void
test_store_full (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) reopened = NULL;
  guint refused_before;

  make_assessment (fixture);
  g_assert_true (answer_round (fixture, 0, &error));
  g_assert_no_error (error);

  rd_test_full_disk_set_full (TRUE);
  refused_before = rd_test_full_disk_get_refused_writes ();
  g_assert_false (answer_round (fixture, 1, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpuint (rd_test_full_disk_get_refused_writes (), >, refused_before);
  g_clear_error (&error);

  /* Reading goes on, and shows the answers saved before. */
  assert_round_stored (fixture, fixture->store, 0);
  /* Adding a school fails the same way and leaves no half of it. */
  g_assert_cmpint (rd_store_add_school (fixture->store, "Full", "Region", RD_SCHOOL_TYPE_PRIMARY, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* Space again: the same store writes. */
  rd_test_full_disk_set_full (FALSE);
  g_assert_true (answer_round (fixture, 2, &error));
  g_assert_no_error (error);
  assert_round_stored (fixture, fixture->store, 2);

  g_clear_object (&fixture->store);
  assert_integrity_ok (fixture->path);
  reopened = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_round_stored (fixture, reopened, 2);
  {
    g_autoptr(GPtrArray) schools = rd_store_list_schools (reopened, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (schools->len, ==, 1);
  }
}

/* A real file system that fills up: a 320 KiB tmpfs. So small that closing
 * the store after the disk had room again cannot finish its checkpoint
 * (schema 9): opening again must read the rest from the log, not call the
 * file damaged. */
static char *
mount_small_disk (Fixture *fixture)
{
  g_autofree char *mount_point = g_build_filename (fixture->dir, "small-disk", NULL);

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (mount ("readiness-test", mount_point, "tmpfs", MS_NOSUID | MS_NODEV, "size=320k,mode=0700") != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot mount a tmpfs here (%s); the full disk is "
                                                 "simulated by /disk-full/store instead",
                                                 g_strerror (errno));
      g_rmdir (mount_point);
      g_test_skip (reason);
      return NULL;
    }

  return g_steal_pointer (&mount_point);
}

/* Fills what is left of the file system, returning the filler's path. */
static char *
fill_disk (const char *mount_point)
{
  char *filler = g_build_filename (mount_point, "filler", NULL);
  char block[4096];
  FILE *file = g_fopen (filler, "wb");
  guint64 written = 0;

  g_assert_nonnull (file);
  memset (block, 'x', sizeof block);
  while (fwrite (block, 1, sizeof block, file) == sizeof block && fflush (file) == 0)
    written += sizeof block;
  fclose (file);
  g_test_message ("filled the disk with %" G_GUINT64_FORMAT " bytes", written);
  return filler;
}

static void
test_real_full_disk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *mount_point = mount_small_disk (fixture);
  g_autofree char *filler = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GBytes) old_export = NULL;
  g_autoptr(GBytes) big_export = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) reopened = NULL;
  guint saved_rounds = 0;

  if (mount_point == NULL)
    return;

  g_free (fixture->path);
  fixture->path = g_build_filename (mount_point, "readiness.db", NULL);
  make_assessment (fixture);
  export_path = g_build_filename (mount_point, "answers.csv", NULL);
  old_export = g_bytes_new_static ("school;item;value\n", 18);
  g_assert_true (rd_export_file_write_bytes (export_path, old_export, NULL, &error));
  g_assert_no_error (error);

  filler = fill_disk (mount_point);

  /* Answer until the disk refuses; every round acknowledged is kept. */
  for (guint round = 1; round < 2000; round++)
    {
      if (!answer_round (fixture, round, &error))
        break;
      saved_rounds = round;
    }
  g_test_message ("%u rounds saved before the disk was full", saved_rounds);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_clear_error (&error);
  if (saved_rounds > 0)
    assert_round_stored (fixture, fixture->store, saved_rounds);

  /* An export that does not fit: a clear error, the old file as it was,
   * and no temporary file left behind. */
  {
    g_autofree char *text = g_strnfill (64 * 1024, 'y');
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    big_export = g_bytes_new (text, strlen (text));
    g_assert_false (rd_export_file_write_bytes (export_path, big_export, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_nonnull (strstr (error->message, export_path));
    g_test_message ("%s", error->message);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (export_path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (old_export, NULL), g_bytes_get_size (old_export));

    dir = g_dir_open (mount_point, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_equal (name, "filler") || g_str_equal (name, "answers.csv") ||
                     g_str_has_prefix (name, "readiness.db"));
  }

  /* Space again: answering goes on in the same store. */
  g_assert_cmpint (g_remove (filler), ==, 0);
  g_assert_true (answer_round (fixture, saved_rounds + 1, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  assert_integrity_ok (fixture->path);
  reopened = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_round_stored (fixture, reopened, saved_rounds + 1);
  g_clear_object (&reopened);

  rd_test_remove_database (fixture->path);
  g_remove (export_path);
  g_assert_cmpint (umount2 (mount_point, MNT_DETACH), ==, 0);
  g_rmdir (mount_point);
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->dir, "readiness.db", NULL);
}

/* The message under @row's input as shown (its template child
 * "error_label"), or NULL while none is. */
static const char *
row_error (RdItemRow *row)
{
  GtkWidget *label = rd_test_find_child (GTK_WIDGET (row), "error_label");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_questionnaire_full (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  RdAssessmentView *view;
  RdItemRow *plan, *share;

  make_assessment (fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_ref_sink (adw_application_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = RD_ASSESSMENT_VIEW (rd_assessment_view_new (fixture->store, fixture->framework,
                                                     fixture->assessment_id, &error));
  g_assert_no_error (error);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  rd_test_wait_for_idle ();

  plan = rd_area_page_lookup_row (rd_assessment_view_get_area_page (view, "alpha"), "a-plan");
  share = rd_area_page_lookup_row (rd_assessment_view_get_area_page (view, "beta"), "b-share");
  g_assert_true (rd_item_row_choose (plan, 3));
  g_assert_cmpfloat (stored_value (fixture->store, rd_assessment_view_get_respondent_id (view), "a-plan"), ==, 3);

  rd_test_full_disk_set_full (TRUE);
  rd_item_row_choose (plan, 5);
  rd_test_wait_for_idle ();
  g_assert_nonnull (row_error (plan));
  g_assert_true (g_str_has_prefix (row_error (plan), "Not saved: The disk is full"));
  /* The row shows what is really stored, not the answer that was lost. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (plan, 3))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rd_item_row_get_choice_button (plan, 5))));
  g_assert_cmpfloat (stored_value (fixture->store, rd_assessment_view_get_respondent_id (view), "a-plan"), ==, 3);
  rd_test_save_screenshot (window, "disk-full-answer.png");

  /* Still usable: another page, another item, the same clear refusal. */
  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-item", "s", "b-share");
  rd_item_row_enter_text (share, "40");
  g_assert_nonnull (strstr (row_error (share), "The disk is full"));
  g_assert_false (rd_item_row_is_answered (share));
  g_assert_cmpfloat (stored_value (fixture->store, rd_assessment_view_get_respondent_id (view), "b-share"), ==, -1);

  /* Space again: the same answer goes in, and the message goes. */
  rd_test_full_disk_set_full (FALSE);
  g_assert_true (rd_item_row_enter_text (share, "40"));
  g_assert_null (row_error (share));
  g_assert_cmpfloat (stored_value (fixture->store, rd_assessment_view_get_respondent_id (view), "b-share"), ==, 40);
  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-item", "s", "a-plan");
  g_assert_true (rd_item_row_choose (plan, 5));
  g_assert_null (row_error (plan));
  g_assert_cmpfloat (stored_value (fixture->store, rd_assessment_view_get_respondent_id (view), "a-plan"), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);
  rd_test_full_disk_install ();

  g_test_add ("/disk-full/store", Fixture, NULL, fixture_set_up, test_store_full, fixture_tear_down);
  g_test_add ("/disk-full/real-file-system", Fixture, NULL, fixture_set_up, test_real_full_disk, fixture_tear_down);
  g_test_add ("/disk-full/questionnaire", Fixture, NULL, fixture_set_up, test_questionnaire_full, fixture_tear_down);

  return g_test_run ();
}
