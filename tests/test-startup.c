/* The real application started on a database it cannot open: the dialog
 * says what is wrong, offers another file, a new one or quitting, and the
 * damaged file keeps every byte. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rd-application-private.h"
#include "rd-errors.h"
#include "rd-test-files.h"
#include "rd-test-util.h"
#include "rd-window-private.h"

#define WAIT_SECONDS 20

typedef struct
{
  char *dir;
  char *path;           /* the database the app is started on */
  GBytes *before;       /* its bytes before the start */
  RdApplication *app;
  void (*script) (gpointer fixture);
  const char *expected_heading;
  const char *expected_detail;
  const char *case_name;
  int exit_status;
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char   *path,
             gconstpointer data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A real Readiness database with enough schools to fill several pages. */
static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %u, a name long enough to fill pages", i);

      rd_store_add_school (store, name, "Region", RD_SCHOOL_TYPE_PRIMARY, &error);
      g_assert_no_error (error);
    }
  /* Closing checkpoints the WAL into the file. */
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
damage_text (const char *path)
{
  const char *text = "school;year\nAtheneum;2026-2027\n";

  write_bytes (path, text, strlen (text));
}

static void
damage_page (const char *path)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length;

  make_database (path);
  whole = read_bytes (path);
  copy = g_memdup2 (g_bytes_get_data (whole, &length), g_bytes_get_size (whole));
  g_assert_cmpuint (length, >, 3 * 4096);
  /* The header stays; the second page is scribbled over. */
  memset (copy + 4096 + 8, 0xA5, 2048);
  write_bytes (path, copy, length);
}

static void
damage_truncate (const char *path)
{
  g_autoptr(GBytes) whole = NULL;

  make_database (path);
  whole = read_bytes (path);
  write_bytes (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
}

static void
damage_foreign (const char *path)
{
  exec_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone');");
}

static void
damage_newer (const char *path)
{
  make_database (path);
  exec_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
}

static void
damage_altered (const char *path)
{
  make_database (path);
  exec_sql (path, "CREATE TRIGGER evil AFTER INSERT ON answer BEGIN DELETE FROM school; END;");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("readiness-startup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "readiness.db", NULL);

  fixture->app = rd_application_new ();
  /* Tests run side by side: none may hand its start to another's instance. */
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}


static void
destroy_toplevels (void)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  rd_test_wait_for_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_toplevels ();
  g_assert_finalize_object (fixture->app);

  rd_test_remove_folder (fixture->dir);
  g_clear_pointer (&fixture->before, g_bytes_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}



static AdwMessageDialog *
wait_for_problem (Fixture    *fixture,
                  const char *heading)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (rd_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "open-problem"));

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

/* Answers a dialog as a click would, then waits until it has gone. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  /* The dialog closes itself after a response. */
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}


/* Starts the real application on @path (with --database unless NULL) and
 * runs the fixture's script inside its main loop. */
static void
run_app_with_file (Fixture    *fixture,
                   const char *path,
                   const char *file_to_open)
{
  char *argv[] = { "readiness", "--database", (char *) path, (char *) file_to_open, NULL };
  int argc = path == NULL ? 1 : file_to_open == NULL ? 3 : 4;

  fixture->exit_status = rd_test_run_application (G_APPLICATION (fixture->app), argc, argv, fixture->script, fixture);
}

static void
run_app (Fixture    *fixture,
         const char *path)
{
  run_app_with_file (fixture, path, NULL);
}

static void
assert_unchanged (Fixture *fixture)
{
  g_autoptr(GBytes) after = read_bytes (fixture->path);

  g_assert_true (g_bytes_equal (fixture->before, after));
}

static void
script_explain_and_quit (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog = wait_for_problem (fixture, fixture->expected_heading);
  g_autofree char *name = NULL;

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->expected_detail));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "has not been changed"));
  for (const char *const *r = (const char *[]) { "open", "new", "quit", NULL }; *r != NULL; r++)
    g_assert_true (adw_message_dialog_has_response (dialog, *r));
  g_assert_false (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "quit");

  name = g_strdup_printf ("startup-%s.png", fixture->case_name);
  rd_test_save_screenshot (GTK_WIDGET (dialog), name);
  g_assert_null (rd_test_find_toplevel (RD_TYPE_WINDOW, NULL));
  respond (dialog, "quit");
}

typedef struct
{
  const char *name;
  void (*damage) (const char *path);
  const char *heading;
  const char *detail;
} DamageCase;

static const DamageCase damage_cases[] = {
  { "text", damage_text, "This Is Not a Readiness Database", "not a Readiness database" },
  { "damaged-page", damage_page, "The Database Is Damaged", "The database is damaged" },
  { "truncated", damage_truncate, "The Database Is Damaged", "The database is damaged" },
  { "foreign", damage_foreign, "This Is Another Program’s Database", "another program" },
  { "newer", damage_newer, "The Database Is From a Newer Version", "newer version" },
  { "altered", damage_altered, "The Database Was Changed by Another Program",
    "a trigger “evil” that Readiness did not make" },
};

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  const DamageCase *damage = data;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  damage->damage (fixture->path);
  fixture->before = read_bytes (fixture->path);
  fixture->script = script_explain_and_quit;
  fixture->expected_heading = damage->heading;
  fixture->expected_detail = damage->detail;
  fixture->case_name = damage->name;

  run_app (fixture, fixture->path);

  g_assert_cmpint (fixture->exit_status, ==, 0);
  assert_unchanged (fixture);
  /* Nothing beside it either: no journal or new database was left. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "readiness.db");
}

static void
script_help_without_viewer (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog;

  rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help", NULL);
  dialog = ADW_MESSAGE_DIALOG (rd_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "help-problem"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Help Viewer Is Installed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“yelp”"));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "startup-no-help-viewer.png");
  respond (dialog, "close");
  g_application_quit (G_APPLICATION (fixture->app));
}

/* F1 where no program shows help: URIs must say what to install. GIO reads
 * where applications are listed once per process, so a child process
 * starts with folders that list none. */
static void
test_help_without_viewer (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *variables[] = { "XDG_DATA_DIRS", "XDG_DATA_HOME", "XDG_CONFIG_DIRS", "XDG_CONFIG_HOME" };

  if (!g_test_subprocess ())
    {
      g_autofree char *empty = g_build_filename (fixture->dir, "nothing", NULL);
      char *saved[G_N_ELEMENTS (variables)];

      g_autofree char *shared = g_build_filename (fixture->dir, "share", NULL);
      g_autoptr(GDir) system = g_dir_open ("/usr/share", 0, NULL);
      const char *name;

      /* Icons, MIME types and the rest as they are; no applications. */
      g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
      g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
      while (system != NULL && (name = g_dir_read_name (system)) != NULL)
        if (!g_str_equal (name, "applications"))
          {
            g_autofree char *from = g_build_filename ("/usr/share", name, NULL);
            g_autofree char *to = g_build_filename (shared, name, NULL);

            g_assert_cmpint (symlink (from, to), ==, 0);
          }
      for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
        {
          saved[i] = g_strdup (g_getenv (variables[i]));
          g_setenv (variables[i], i == 0 ? shared : empty, TRUE);
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
        {
          if (saved[i] != NULL)
            g_setenv (variables[i], saved[i], TRUE);
          else
            g_unsetenv (variables[i]);
          g_free (saved[i]);
        }
      g_rmdir (empty);
      rd_test_remove_folder (shared);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_null (g_app_info_get_default_for_uri_scheme ("help"));
  fixture->script = script_help_without_viewer;
  run_app (fixture, fixture->path);
  g_assert_cmpint (fixture->exit_status, ==, 0);
}

static GtkFileChooser *
wait_for_chooser (void)
{
  return GTK_FILE_CHOOSER (rd_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
}

static void
accept_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rd_test_wait_for_idle ();
}

static RdWindow *
wait_for_main_window (void)
{
  return RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
}

static void
quit_from_main_window (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
}

static void
script_make_new (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog = wait_for_problem (fixture, "The Database Is Damaged");
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkFileChooser *chooser;
  RdStore *store;
  GStatBuf buf;

  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "new");
  respond (dialog, "new");

  chooser = wait_for_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The chooser starts beside the damaged file. */
  {
    g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

    g_assert_true (g_file_equal (current, folder));
  }
  gtk_file_chooser_set_current_name (chooser, "fresh.db");
  accept_chooser (chooser);

  wait_for_main_window ();
  store = rd_application_get_store (fixture->app);
  g_assert_nonnull (store);
  g_assert_cmpstr (rd_store_get_path (store), ==, fresh);
  g_assert_cmpint (g_stat (fresh, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  /* The next start opens the new database, not the damaged one. */
  {
    g_autofree char *remembered = g_settings_get_string (settings, "database-path");

    g_assert_cmpstr (remembered, ==, fresh);
  }
  quit_from_main_window (fixture);
}

/* Started without --database on a remembered path, as after an earlier
 * choice; making a new database remembers the new one. */
static void
test_make_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  damage_page (fixture->path);
  fixture->before = read_bytes (fixture->path);
  g_settings_set_string (settings, "database-path", fixture->path);
  fixture->script = script_make_new;

  run_app (fixture, NULL);

  g_settings_reset (settings, "database-path");
  g_assert_cmpint (fixture->exit_status, ==, 0);
  assert_unchanged (fixture);
}

/* The remembered database is on a disk that is not connected: nothing is
 * made in its place; Try Again opens it once it is back. */
static void
script_remembered_missing (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog = wait_for_problem (fixture, "The Database Is Missing");

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->path));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "startup-missing.png");
  respond (dialog, "retry");
  dialog = wait_for_problem (fixture, "The Database Is Missing");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  make_database (fixture->path);
  respond (dialog, "retry");
  rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL);
  g_assert_nonnull (rd_application_get_store (fixture->app));
  g_application_quit (G_APPLICATION (fixture->app));
}

static void
test_remembered_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "database-path", fixture->path);
  fixture->script = script_remembered_missing;

  run_app (fixture, NULL);

  g_settings_reset (settings, "database-path");
  g_assert_cmpint (fixture->exit_status, ==, 0);
}

static void
script_new_name_taken (gpointer data)
{
  Fixture *fixture = data;
  GtkFileChooser *chooser;
  AdwMessageDialog *dialog;

  respond (wait_for_problem (fixture, "This Is Not a Readiness Database"), "new");
  chooser = wait_for_chooser ();
  /* The damaged file's own name: the chooser may confirm; the app never replaces. */
  gtk_file_chooser_set_current_name (chooser, "readiness.db");
  accept_chooser (chooser);
  /* The chooser asks whether to replace it; the user says yes. */
  gtk_dialog_response (GTK_DIALOG (rd_test_wait_for_toplevel (GTK_TYPE_MESSAGE_DIALOG, NULL)), GTK_RESPONSE_ACCEPT);
  rd_test_wait_for_idle ();

  dialog = wait_for_problem (fixture, "The File Already Exists");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "never replaces a file"));
  g_assert_null (rd_application_get_store (fixture->app));

  /* Cancelling a chooser returns to the choice. */
  respond (dialog, "open");
  chooser = wait_for_chooser ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  rd_test_wait_for_idle ();
  respond (wait_for_problem (fixture, "The File Already Exists"), "quit");
}

static void
test_new_name_taken (Fixture       *fixture,
                     gconstpointer  data)
{
  damage_text (fixture->path);
  fixture->before = read_bytes (fixture->path);
  fixture->script = script_new_name_taken;

  run_app (fixture, fixture->path);

  g_assert_cmpint (fixture->exit_status, ==, 0);
  assert_unchanged (fixture);
}

static void
script_open_another (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(GPtrArray) schools = NULL;
  GtkFileChooser *chooser;
  RdStore *store;

  respond (wait_for_problem (fixture, "This Is Another Program’s Database"), "open");
  chooser = wait_for_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  accept_chooser (chooser);

  wait_for_main_window ();
  store = rd_application_get_store (fixture->app);
  g_assert_cmpstr (rd_store_get_path (store), ==, good);
  schools = rd_store_list_schools (store, NULL);
  g_assert_cmpuint (schools->len, ==, 120);
  quit_from_main_window (fixture);
}

static void
test_open_another (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);

  make_database (good);
  damage_foreign (fixture->path);
  fixture->before = read_bytes (fixture->path);
  fixture->script = script_open_another;

  run_app (fixture, fixture->path);

  g_assert_cmpint (fixture->exit_status, ==, 0);
  assert_unchanged (fixture);
}

static guint
count_schools (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = rd_store_list_schools (store, &error);

  g_assert_no_error (error);
  return schools->len;
}

/* An exchange file opened from the file manager while the database is
 * damaged waits for the database the user opens instead. */
static void
script_open_file_later (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  GtkFileChooser *chooser;
  RdStore *store;

  respond (wait_for_problem (fixture, "The Database Is Damaged"), "open");
  chooser = wait_for_chooser ();
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  accept_chooser (chooser);

  wait_for_main_window ();
  store = rd_application_get_store (fixture->app);
  while (count_schools (store) < 121)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the opened file was not imported within %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  rd_test_wait_for_idle ();
  quit_from_main_window (fixture);
}

static void
test_open_file_later (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.db", NULL);
  g_autofree char *exchange = g_test_build_filename (G_TEST_DIST, "data", "exchange", "answers.readiness", NULL);

  make_database (good);
  damage_page (fixture->path);
  fixture->before = read_bytes (fixture->path);
  fixture->script = script_open_file_later;

  run_app_with_file (fixture, fixture->path, exchange);

  g_assert_cmpint (fixture->exit_status, ==, 0);
  assert_unchanged (fixture);
}

static sqlite3 *lock_holder;

static void
script_locked (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog = wait_for_problem (fixture, "The Database Is in Use");

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "in use by another program"));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "startup-locked.png");

  /* Still held: trying again explains again. */
  respond (dialog, "retry");
  dialog = wait_for_problem (fixture, "The Database Is in Use");

  sqlite3_exec (lock_holder, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&lock_holder, sqlite3_close);
  respond (dialog, "retry");

  wait_for_main_window ();
  g_assert_cmpstr (rd_store_get_path (rd_application_get_store (fixture->app)), ==, fixture->path);
  quit_from_main_window (fixture);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  make_database (fixture->path);
  /* Another program takes the database for itself and keeps it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &lock_holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (lock_holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  fixture->script = script_locked;

  run_app (fixture, fixture->path);

  g_assert_cmpint (fixture->exit_status, ==, 0);
  g_assert_null (lock_holder);
}

/* A database whose answer table fills many pages, one of which (far from
 * the first, which opening reads) is scribbled over: only the full check
 * finds it. */
static void
damage_answer_page (const char *path)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *copy = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;
  gsize length;

  make_database (path);
  for (guint r = 1; r <= 40; r++)
    for (guint i = 0; i < 60; i++)
      g_string_append_printf (sql, "INSERT INTO answer (respondent_id, item_id, item_version, value, answered) "
                              "VALUES (%u, 'item-with-a-long-identifier-%03u', 1, 3, 0);", r, i);
  g_string_append (sql, "COMMIT;");
  exec_sql (path, sql->str);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max (pageno) FROM dbstat WHERE name = 'answer' "
                                       "AND pagetype = 'leaf'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  whole = read_bytes (path);
  copy = g_memdup2 (g_bytes_get_data (whole, &length), g_bytes_get_size (whole));
  g_assert_cmpint (page, >, 3);
  memset (copy + (page - 1) * 4096 + 8, 0xA5, 2048);
  write_bytes (path, copy, length);
}

static RdStore *
window_store (RdWindow *window)
{
  RdStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  g_object_unref (store);  /* the window keeps it */
  return store;
}

/* The damage opening did not see is found by the check in the background:
 * a dialog says what and what to do, and nothing is written any more. */
static void
script_background_damage (gpointer data)
{
  Fixture *fixture = data;
  RdWindow *window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (rd_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG,
                                                                            "database-damaged"));
  RdStore *store = window_store (window);
  g_autoptr(GError) error = NULL;
  const char *body = adw_message_dialog_get_body (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Damaged");
  g_assert_nonnull (strstr (body, fixture->path));
  g_assert_nonnull (strstr (body, "no longer saves"));
  g_assert_nonnull (strstr (body, "backup"));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "startup-background-damage.png");

  g_assert_true (rd_store_is_damaged (store));
  g_assert_cmpint (rd_store_add_school (store, "After the damage", NULL, RD_SCHOOL_TYPE_PRIMARY, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  respond (dialog, "close");
  quit_from_main_window (fixture);
}

static void
test_background_damage (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *marker = g_strconcat (fixture->path, "-open", NULL);

  damage_answer_page (fixture->path);
  fixture->script = script_background_damage;
  run_app (fixture, fixture->path);
  g_assert_cmpint (fixture->exit_status, ==, 0);
  /* The next open checks it in full, and refuses. */
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RdStore) again = rd_store_open (fixture->path, &error);

    g_assert_null (again);
    g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  }
}

/* Keyboard Shortcuts opens on one page, without a warning (a second page's
 * switcher once printed "GtkLabel … reported min width -3" twice; tests
 * make every warning fatal). */
static void
script_shortcuts_window (gpointer data)
{
  Fixture *fixture = data;
  RdWindow *window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  GtkWindow *shortcuts;
  GtkWidget *switcher;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = rd_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  rd_test_save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-window.png");
  /* Every shortcut is in view at once: no page to turn to. */
  switcher = rd_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_STACK_SWITCHER, NULL);
  g_assert_true (switcher == NULL || !gtk_widget_get_visible (switcher));
  gtk_window_close (shortcuts);
  quit_from_main_window (fixture);
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  make_database (fixture->path);
  fixture->script = script_shortcuts_window;
  run_app (fixture, fixture->path);
  g_assert_cmpint (fixture->exit_status, ==, 0);
}

/* Check Database… in the menu: progress, then the result. */
static void
script_check_on_demand (gpointer data)
{
  Fixture *fixture = data;
  RdWindow *window = RD_WINDOW (rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL));
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-database", NULL));
  g_assert_nonnull (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "database-checking"));
  dialog = ADW_MESSAGE_DIALOG (rd_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "database-sound"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Damage Found");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->path));
  g_assert_null (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "database-checking"));
  rd_test_save_screenshot (GTK_WIDGET (dialog), "startup-check-sound.png");
  respond (dialog, "close");
  g_assert_false (rd_store_is_damaged (window_store (window)));
  quit_from_main_window (fixture);
}

static void
test_check_on_demand (Fixture       *fixture,
                      gconstpointer  data)
{
  make_database (fixture->path);
  fixture->script = script_check_on_demand;
  run_app (fixture, fixture->path);
  g_assert_cmpint (fixture->exit_status, ==, 0);
}

/* The system ends Readiness (logout, shutdown, kill): it closes as Quit
 * does, even in a workshop round, and the database with it. */
static void
script_terminated (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *marker = g_strconcat (fixture->path, "-open", NULL);

  rd_test_wait_for_toplevel (RD_TYPE_WINDOW, NULL);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpint (raise (SIGTERM), ==, 0);
}

static void
test_terminated (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *marker = g_strconcat (fixture->path, "-open", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  make_database (fixture->path);
  fixture->script = script_terminated;
  run_app (fixture, fixture->path);
  g_assert_cmpint (fixture->exit_status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  /* Closed as after Quit: no marker, nothing left in a -wal. */
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/startup/damaged/%s", damage_cases[i].name);

      g_test_add (path, Fixture, &damage_cases[i], fixture_set_up, test_damaged, fixture_tear_down);
    }
  g_test_add ("/startup/make-new", Fixture, NULL, fixture_set_up, test_make_new, fixture_tear_down);
  g_test_add ("/startup/new-name-taken", Fixture, NULL, fixture_set_up, test_new_name_taken, fixture_tear_down);
  g_test_add ("/startup/open-another", Fixture, NULL, fixture_set_up, test_open_another, fixture_tear_down);
  g_test_add ("/startup/remembered-missing", Fixture, NULL, fixture_set_up, test_remembered_missing,
              fixture_tear_down);
  g_test_add ("/startup/help-without-viewer", Fixture, NULL, fixture_set_up, test_help_without_viewer,
              fixture_tear_down);
  g_test_add ("/startup/open-file-later", Fixture, NULL, fixture_set_up, test_open_file_later, fixture_tear_down);
  g_test_add ("/startup/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/startup/check/background-damage", Fixture, NULL, fixture_set_up, test_background_damage,
              fixture_tear_down);
  g_test_add ("/startup/check/on-demand", Fixture, NULL, fixture_set_up, test_check_on_demand, fixture_tear_down);
  g_test_add ("/startup/shortcuts-window", Fixture, NULL, fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/startup/terminated", Fixture, NULL, fixture_set_up, test_terminated, fixture_tear_down);

  return g_test_run ();
}
