/* Opening a database someone else made: a refusal changes nothing — not the
 * file, not its -wal, not its -shm — and a schema Readiness did not write
 * (triggers, views, tables of its own) is refused before any of it runs. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rd-errors.h"
#include "rd-store-private.h"
#include "rd-store.h"
#include "rd-test-fixtures.h"

/* The path of a database not made yet, in a folder of its own. */
typedef RdTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rd_test_store_make_folder (fixture);
}

/* Runs @sql as another program would; with @keep_wal its transactions stay
 * in the -wal, as a crash, a copy taken while open, or
 * SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE leave them. */
static void
run_sql (const char *path,
         const char *sql,
         gboolean    keep_wal)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (keep_wal)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;", NULL, NULL, NULL);
    }
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

#define exec_keeping_wal(path, sql) run_sql (path, sql, TRUE)
#define exec_sql(path, sql) run_sql (path, sql, FALSE)

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A Readiness database with enough schools to fill several pages, closed
 * cleanly (no -wal left). */
static void
make_readiness_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %u, with a name that takes room", i);

      rd_store_add_school (store, name, "Region", RD_SCHOOL_TYPE_PRIMARY, &error);
      g_assert_no_error (error);
    }
}

static gsize
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? (gsize) info.st_size : 0;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every file in the folder with the SHA-256 of its bytes. */
static char *
snapshot (const char *folder)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s %zu", name, sum, length));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
assert_refused (const char   *path,
                RdStoreError  code,
                const char   *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, (int) code);
  if (detail != NULL && strstr (error->message, detail) == NULL)
    g_error ("“%s” does not say “%s”", error->message, detail);
}

/* The case is real only when the -wal holds transactions and the -shm is
 * there: what SQLite's close would checkpoint away. */
static void
assert_refused_unchanged (Fixture      *fixture,
                          RdStoreError  code,
                          const char   *detail)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (file_size (wal), >, 32);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  before = snapshot (fixture->dir);

  assert_refused (fixture->path, code, detail);

  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_foreign_wal (Fixture       *fixture,
                  gconstpointer  data)
{
  exec_keeping_wal (fixture->path, "CREATE TABLE contacts (name TEXT);"
                                   "INSERT INTO contacts VALUES ('someone');");
  assert_refused_unchanged (fixture, RD_STORE_ERROR_FOREIGN, "another program");
}

static void
test_newer_wal (Fixture       *fixture,
                gconstpointer  data)
{
  make_readiness_db (fixture->path);
  exec_keeping_wal (fixture->path, "PRAGMA user_version = 99;"
                                   "UPDATE school SET name = 'Renamed by a newer version';");
  assert_refused_unchanged (fixture, RD_STORE_ERROR_TOO_NEW, "newer version");
}

static void
test_damaged_wal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  make_readiness_db (fixture->path);
  exec_keeping_wal (fixture->path, "UPDATE school SET region = 'Elsewhere' WHERE id = 60;");

  /* A page the -wal does not hold (the first schools') is scribbled over
   * in the main file. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  memset (contents + 4096 + 8, 0xA5, 2048);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  assert_refused_unchanged (fixture, RD_STORE_ERROR_CORRUPT, "damaged");
}

/* An empty database that carries another program's version is that
 * program's: it must not be stamped with Readiness's schema. */
static void
test_empty_with_user_version (Fixture       *fixture,
                              gconstpointer  data)
{
  exec_keeping_wal (fixture->path, "PRAGMA user_version = 7;");
  assert_refused_unchanged (fixture, RD_STORE_ERROR_FOREIGN, "another program");

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 7);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);
}

static void
test_empty_file_becomes_database (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, RD_STORE_SCHEMA_VERSION);
}

static void
test_locked_wal (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  sqlite3 *holder = NULL;

  make_readiness_db (fixture->path);
  exec_keeping_wal (fixture->path, "UPDATE school SET region = 'Elsewhere' WHERE id = 1;");

  /* Another program takes the database for itself and keeps it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  sqlite3_db_config (holder, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  assert_refused_unchanged (fixture, RD_STORE_ERROR_LOCKED, "in use by another program");

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  /* Released, it opens, with the transactions the -wal held. */
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM school WHERE region = 'Elsewhere'"), ==, 1);
}

/* Another program has it open in WAL mode: both use the live -shm, and
 * Readiness opens it as any reader does. */
static void
test_shared_with_another_reader (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  sqlite3 *reader = NULL;

  make_readiness_db (fixture->path);
  g_assert_cmpint (sqlite3_open (fixture->path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count(*) FROM school", NULL, NULL, NULL), ==, SQLITE_OK);

  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  schools = rd_store_list_schools (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 60);
  sqlite3_close (reader);
}

/* The child's own fixture folder is handed over, so that it can still
 * clean up after itself. */
static void
open_as_nobody (Fixture *fixture)
{
  struct passwd *nobody = getpwnam ("nobody");
  const char *path = g_getenv ("RD_TEST_READ_ONLY_DATABASE");

  g_assert_nonnull (path);
  g_assert_nonnull (nobody);
  g_assert_cmpint (chown (fixture->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_true (setgid (nobody->pw_gid) == 0 && setuid (nobody->pw_uid) == 0);
  assert_refused (path, RD_STORE_ERROR_READ_ONLY, "cannot be written to");
}

/* The refusal must come before anything of the file is read: a reader
 * that may not write the -shm would change it otherwise. As root every
 * file is writable, so the check runs as user nobody. */
static void
test_read_only_wal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  const char *files[] = { fixture->path, wal, shm };

  if (g_test_subprocess ())
    {
      open_as_nobody (fixture);
      return;
    }

  make_readiness_db (fixture->path);
  exec_keeping_wal (fixture->path, "UPDATE school SET region = 'Elsewhere' WHERE id = 1;");
  g_assert_cmpuint (file_size (wal), >, 32);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_cmpint (g_chmod (files[i], 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  before = snapshot (fixture->dir);

  if (geteuid () != 0)
    {
      assert_refused (fixture->path, RD_STORE_ERROR_READ_ONLY, "cannot be written to");
    }
  else
    {
      if (getpwnam ("nobody") == NULL)
        {
          g_test_skip ("there is no user nobody to read the file as");
          return;
        }
      g_setenv ("RD_TEST_READ_ONLY_DATABASE", fixture->path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("RD_TEST_READ_ONLY_DATABASE");
      g_test_trap_assert_passed ();
    }

  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;

  make_readiness_db (fixture->path);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  before = snapshot (fixture->dir);

  store = rd_store_open (link, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_LINK);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_null (strstr (error->message, "cannot be written"));

  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *name;
  const char *sql;
  const char *detail;
} HostileCase;

/* Each would hang, or change the school's data behind the user's back, the
 * moment Readiness ran its own SQL on the file. */
static const HostileCase hostile_cases[] = {
  { "endless-trigger",
    "CREATE TRIGGER evil AFTER INSERT ON answer BEGIN"
    "  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
    "                        SELECT x FROM c);"
    "END;",
    "a trigger “evil”" },
  { "renaming-trigger",
    "CREATE TRIGGER rename AFTER INSERT ON assessment_score BEGIN"
    "  UPDATE school SET name = 'Taken over';"
    "END;",
    "a trigger “rename”" },
  { "endless-view",
    "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;"
    "ALTER TABLE school RENAME TO old_school;"
    "CREATE VIEW school AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
    "  SELECT x AS id, 'x' AS uuid, 'x' AS name, NULL AS region, NULL AS school_type,"
    "         0 AS created, 0 AS trashed FROM c;",
    "another program has changed it" },
  { "extra-table",
    "CREATE TABLE notes (text TEXT);",
    "a table “notes”" },
  { "changed-index",
    "DROP INDEX assessment_by_school; CREATE INDEX assessment_by_school ON assessment (school_year);",
    "an index “assessment_by_school” is not the one Readiness made" },
};

static void
test_hostile_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  const HostileCase *hostile = data;

  make_readiness_db (fixture->path);
  exec_keeping_wal (fixture->path, hostile->sql);
  assert_refused_unchanged (fixture, RD_STORE_ERROR_ALTERED, hostile->detail);
}

/* An older database with a trigger of its own is refused before it is
 * migrated, so none of the migration's SQL can set it off. */
static void
test_hostile_old_schema (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fixture_sql = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-v3.sql", NULL);
  g_autofree char *sql = NULL;

  g_assert_true (g_file_get_contents (fixture_sql, &sql, NULL, NULL));
  exec_sql (fixture->path, sql);
  exec_keeping_wal (fixture->path, "CREATE TRIGGER evil AFTER UPDATE ON assessment BEGIN"
                                   "  DELETE FROM school;"
                                   "END;");
  assert_refused_unchanged (fixture, RD_STORE_ERROR_ALTERED, "a trigger “evil”");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 3);
}

/* ANALYZE, which a user may run with the sqlite3 shell, adds statistics,
 * not code. */
static void
test_statistics_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;

  make_readiness_db (fixture->path);
  exec_sql (fixture->path, "ANALYZE;");
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* A NOT NULL column made to hold NULL by editing the schema text: found
 * at open, never shown as "(null)". */
static void
test_null_behind_schema (Fixture       *fixture,
                         gconstpointer  data)
{
  make_readiness_db (fixture->path);
  exec_sql (fixture->path,
            "PRAGMA writable_schema = ON;"
            "UPDATE sqlite_schema SET sql = replace (sql, 'name TEXT NOT NULL CHECK (length(trim(name)) > 0)',"
            "                                        'name TEXT') WHERE name = 'school';");
  exec_sql (fixture->path, "UPDATE school SET name = NULL WHERE id = 2;");
  exec_sql (fixture->path,
            "PRAGMA writable_schema = ON;"
            "UPDATE sqlite_schema SET sql = replace (sql, 'name TEXT,',"
            "                                        'name TEXT NOT NULL CHECK (length(trim(name)) > 0),')"
            " WHERE name = 'school';");
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM school WHERE typeof (name) = 'null'"), ==, 1);

  assert_refused (fixture->path, RD_STORE_ERROR_CORRUPT, "school.name");
}

/* The store's own connection runs no SQL of a file's schema that SQLite
 * does not deem harmless, and cannot be made to write its schema. */
static void
test_connection_hardened (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  int defensive = -1, trusted = -1;

  g_assert_no_error (error);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_cmpint (trusted, ==, 0);
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA writable_schema = ON;"
                                 "UPDATE sqlite_schema SET sql = 'x' WHERE name = 'school';",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
}

/* Answers written straight into the file, enough for the answer table to
 * fill pages far beyond its first. Returns the file's number of pages. */
static gint64
add_raw_answers (const char *path)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (guint r = 1; r <= 40; r++)
    for (guint i = 0; i < 60; i++)
      g_string_append_printf (sql, "INSERT INTO answer (respondent_id, item_id, item_version, value, answered) "
                              "VALUES (%u, 'item-with-a-long-identifier-%03u', 1, 3, 0);", r, i);
  g_string_append (sql, "COMMIT;");
  exec_sql (path, sql->str);
  return query_int (path, "PRAGMA page_count");
}

/* A page of the answer table, far from its first, scribbled over: what
 * opening does not read. */
static void
damage_answer_page (const char *path,
                    gint64      n_pages)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, n_pages * 4096);
  memset (contents + (n_pages - 3) * 4096 + 8, 0xA5, 2048);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static gboolean
marker_exists (const char *path)
{
  g_autofree char *marker = g_strconcat (path, "-open", NULL);

  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

/* A database closed cleanly is not checked in full at open (that took a
 * second per 200 MB); the marker of an open store is there only while
 * it is open. */
static void
test_clean_not_fully_checked (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  guint before;

  make_readiness_db (fixture->path);
  add_raw_answers (fixture->path);
  g_assert_false (marker_exists (fixture->path));

  before = rd_store_get_n_full_checks ();
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_store_get_n_full_checks (), ==, before);
  g_assert_true (marker_exists (fixture->path));

  g_clear_object (&store);
  g_assert_false (marker_exists (fixture->path));
}

/* Damage in pages opening does not read: found by the check on demand,
 * which changes nothing. */
static void
test_check_on_demand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;

  make_readiness_db (fixture->path);
  g_assert_true (rd_store_check_file (fixture->path, NULL, &error));
  g_assert_no_error (error);

  damage_answer_page (fixture->path, add_raw_answers (fixture->path));
  before = snapshot (fixture->dir);
  g_assert_false (rd_store_check_file (fixture->path, NULL, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);

  /* The cheap checks at open do not see it. */
  g_clear_error (&error);
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* A store that ends without closing (a crash) leaves its marker: the next
 * open checks in full, finds the damage and refuses, changing nothing. */
static void
test_unclean_shutdown_checked (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL;
  guint n_checks;
  pid_t child;
  int status = 0;

  make_readiness_db (fixture->path);
  damage_answer_page (fixture->path, add_raw_answers (fixture->path));

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* Kept reachable: under valgrind a store the child never frees must
       * not count as a leak, its exit status is what this test reads. */
      static RdStore *volatile crashed_store;

      crashed_store = rd_store_open (fixture->path, NULL);
      _exit (crashed_store != NULL ? 0 : 1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (marker_exists (fixture->path));

  before = snapshot (fixture->dir);
  n_checks = rd_store_get_n_full_checks ();
  assert_refused (fixture->path, RD_STORE_ERROR_CORRUPT, "damaged");
  g_assert_cmpuint (rd_store_get_n_full_checks (), ==, n_checks + 1);
  after = snapshot (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

/* A child process that opens the store, says so on @ready and waits for
 * a byte on @go: 'c' closes the store, anything else ends the process
 * without closing (a crash). */
static pid_t
spawn_other_process (const char *path,
                     int        *ready,
                     int        *go)
{
  int to_parent[2], to_child[2];
  pid_t child;

  g_assert_cmpint (pipe (to_parent), ==, 0);
  g_assert_cmpint (pipe (to_child), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      static RdStore *volatile store;   /* reachable: see test_unclean_shutdown_checked */
      char byte = 0;

      store = rd_store_open (path, NULL);
      if (write (to_parent[1], store != NULL ? "o" : "x", 1) != 1 || read (to_child[0], &byte, 1) != 1)
        _exit (2);
      if (byte == 'c')
        g_clear_object (&store);
      _exit (0);
    }
  close (to_parent[1]);
  close (to_child[0]);
  *ready = to_parent[0];
  *go = to_child[1];
  return child;
}

static void
wait_for_other_process (pid_t child,
                        int   ready,
                        int   go,
                        char  command)
{
  int status = 0;

  g_assert_cmpint (write (go, &command, 1), ==, 1);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  close (ready);
  close (go);
}

/* Two processes with the file open: the first to close leaves the marker
 * to the other, so that the other's crash is still found, and the last
 * clean close removes it. */
static void
test_marker_shared_by_processes (Fixture       *fixture,
                                 gconstpointer  data)
{
  int ready, go;
  char opened = 0;
  guint n_checks;
  pid_t child;

  make_readiness_db (fixture->path);

  for (guint round = 0; round < 2; round++)
    {
      gboolean crash = round == 1;

      child = spawn_other_process (fixture->path, &ready, &go);
      g_assert_cmpint (read (ready, &opened, 1), ==, 1);
      g_assert_cmpint (opened, ==, 'o');
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);

        g_assert_no_error (error);
      }
      g_assert_true (marker_exists (fixture->path));

      wait_for_other_process (child, ready, go, crash ? 'x' : 'c');
      g_assert_true (marker_exists (fixture->path) == crash);

      n_checks = rd_store_get_n_full_checks ();
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (rd_store_get_n_full_checks (), ==, n_checks + (crash ? 1 : 0));
      }
      g_assert_false (marker_exists (fixture->path));
    }
}

typedef struct
{
  const char *path;
  gint done;
} CheckThread;

static gpointer
check_in_thread (gpointer data)
{
  CheckThread *check = data;
  GError *error = NULL;

  rd_store_check_file (check->path, NULL, &error);
  g_atomic_int_set (&check->done, TRUE);
  return error;
}

/* Closing the store while the background check still reads the file
 * stops the check first: a read-only connection closing last would leave
 * the -wal behind, and the next open would check everything again. */
static void
test_close_stops_check (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  CheckThread check;   /* the thread writes to it until joined */
  RdStore *store;
  GThread *thread;
  guint n_checks;

  make_readiness_db (fixture->path);
  exec_sql (fixture->path,
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299999) "
            "INSERT INTO answer (respondent_id, item_id, item_version, value, answered) "
            "SELECT i / 100 + 1, 'item-with-a-long-identifier-' || (i % 100), 1, 3, 0 FROM n;");

  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  rd_store_add_school (store, "Written while the check runs", NULL, RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_size (wal), >, 0);

  /* Until the store closes while the check runs (a busy machine may let
   * one finish first). */
  for (;;)
    {
      check = (CheckThread) { fixture->path, FALSE };
      thread = g_thread_new ("check", check_in_thread, &check);
      while (rd_store_get_n_running_checks (fixture->path) == 0 && !g_atomic_int_get (&check.done))
        g_usleep (1000);
      if (!g_atomic_int_get (&check.done))
        break;
      check_error = g_thread_join (thread);
      g_assert_no_error (check_error);
    }
  g_object_unref (store);
  g_assert_cmpuint (rd_store_get_n_running_checks (fixture->path), ==, 0);
  check_error = g_thread_join (thread);
  g_assert_error (check_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The store closed last: the -wal went back into the file. */
  g_assert_cmpuint (file_size (wal), ==, 0);
  g_assert_false (marker_exists (fixture->path));
  n_checks = rd_store_get_n_full_checks ();
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_store_get_n_full_checks (), ==, n_checks);
  g_object_unref (store);
}

typedef struct
{
  const char *path;
  RdStore *store;
  gint done;
} OpenThread;

static gpointer
open_in_thread (gpointer data)
{
  OpenThread *open = data;

  open->store = rd_store_open (open->path, NULL);
  g_atomic_int_set (&open->done, TRUE);
  return NULL;
}

static gboolean
done_within (gint *done,
             guint seconds)
{
  for (guint waited = 0; waited < seconds * 100 && !g_atomic_int_get (done); waited++)
    g_usleep (G_USEC_PER_SEC / 100);
  return g_atomic_int_get (done);
}

/* Whether someone waits for a flock() on @path (Linux lists waiters in
 * /proc/locks with "->"). */
static gboolean
flock_awaited (const char *path)
{
  g_autofree char *locks = NULL;
  g_autofree char *inode = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf info;

  if (g_stat (path, &info) != 0 || !g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return FALSE;
  inode = g_strdup_printf (":%" G_GUINT64_FORMAT " ", (guint64) info.st_ino);
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "->") != NULL && strstr (lines[i], "FLOCK") != NULL && strstr (lines[i], inode) != NULL)
      return TRUE;
  return FALSE;
}

/* Opening may wait for the marker's lock while another process closes the
 * file (the last to close holds it exclusively): meanwhile this process
 * opens other files, and a second store of the same file waits until the
 * marker is held. */
static void
test_marker_wait_holds_up_only_its_file (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *marker = g_strconcat (fixture->path, "-open", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  OpenThread first = { fixture->path }, second = { fixture->path }, other = { other_path };
  GThread *first_thread, *second_thread, *other_thread;
  gboolean other_opened, second_waited;
  int closing, probe;

  make_readiness_db (fixture->path);
  closing = g_open (marker, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (closing, >=, 0);
  g_assert_cmpint (flock (closing, LOCK_EX), ==, 0);

  first_thread = g_thread_new ("first", open_in_thread, &first);
  while (!flock_awaited (marker) && !g_atomic_int_get (&first.done))
    g_usleep (1000);
  if (g_atomic_int_get (&first.done))
    {
      close (closing);
      g_clear_object (&first.store);
      g_thread_join (first_thread);
      g_test_skip ("/proc/locks does not list waiting flock()s");
      return;
    }

  second_thread = g_thread_new ("second", open_in_thread, &second);
  other_thread = g_thread_new ("other", open_in_thread, &other);
  other_opened = done_within (&other.done, 10);
  second_waited = !g_atomic_int_get (&second.done) && !g_atomic_int_get (&first.done);

  close (closing);
  g_thread_join (first_thread);
  g_thread_join (second_thread);
  g_thread_join (other_thread);
  g_assert_true (other_opened);
  g_assert_true (second_waited);
  g_assert_nonnull (first.store);
  g_assert_nonnull (second.store);
  g_assert_nonnull (other.store);

  /* The marker is held while they are open, and goes with the last. */
  probe = g_open (marker, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (probe, >=, 0);
  g_assert_cmpint (flock (probe, LOCK_EX | LOCK_NB), !=, 0);
  close (probe);
  g_clear_object (&first.store);
  g_assert_true (marker_exists (fixture->path));
  g_clear_object (&second.store);
  g_assert_false (marker_exists (fixture->path));
  g_clear_object (&other.store);
}

/* Closing a store others still hold closes the file now; what they ask
 * of it afterwards fails with an error. */
static void
test_close_while_held (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) schools = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (rd_store_add_school (store, "Before closing", NULL, RD_SCHOOL_TYPE_PRIMARY, &error), >, 0);
  g_assert_true (marker_exists (fixture->path));

  rd_store_close (store);
  g_assert_false (marker_exists (fixture->path));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (rd_store_add_school (store, "After closing", NULL, RD_SCHOOL_TYPE_PRIMARY, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  schools = rd_store_list_schools (store, &error);
  g_assert_null (schools);
  g_assert_nonnull (error);
  rd_store_close (store);

  /* What was saved before is there. */
  g_clear_error (&error);
  g_clear_object (&store);
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  schools = rd_store_list_schools (store, &error);
  g_assert_cmpuint (schools->len, ==, 1);
}

/* Once a check found damage, the store writes nothing more and says why;
 * the file keeps its marker, so the next open checks it in full. */
static void
test_damaged_refuses_writes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (fixture->path, &error);
  guint n_checks;
  gint64 id;

  g_assert_no_error (error);
  id = rd_store_add_school (store, "Before", NULL, RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  rd_store_set_damaged (store, "The database is damaged: page 7: btreeInitPage() returns error code 11");
  g_assert_true (rd_store_is_damaged (store));
  id = rd_store_add_school (store, "After", NULL, RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "no longer writes"));
  g_assert_nonnull (strstr (error->message, "page 7"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM school"), ==, 1);

  g_clear_object (&store);
  g_assert_true (marker_exists (fixture->path));
  n_checks = rd_store_get_n_full_checks ();
  /* The file itself is sound: the full check passes and it opens. */
  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_store_get_n_full_checks (), ==, n_checks + 1);
}

/* A damaged page read by the store's own work (listing an assessment
 * counts its answers) makes it write no more, as a check's finding does. */
static void
test_damage_read_refuses_writes (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  make_readiness_db (fixture->path);
  exec_sql (fixture->path, "INSERT INTO assessment (id, uuid, school_id, school_year, framework_id, "
                           "framework_version, mode, created) VALUES (1, 'a1', 1, '2026-2027', 'f', '1', 'full', 0);");
  exec_sql (fixture->path, "INSERT INTO respondent (id, uuid, assessment_id, respondent_group, created) "
                           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
                           "SELECT i, 'r' || i, 1, 'teacher', 0 FROM n;");
  damage_answer_page (fixture->path, add_raw_answers (fixture->path));

  store = rd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (rd_store_is_damaged (store));

  answers = rd_store_list_answers (store, 1, &error);
  g_assert_null (answers);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (rd_store_is_damaged (store));

  g_assert_cmpint (rd_store_add_school (store, "After", NULL, RD_SCHOOL_TYPE_PRIMARY, &error), ==, 0);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "no longer writes"));
}

/* Opening trusts a file whose schema has the digest it was built with;
 * that digest must be the one the migrations make. */
static void
test_schema_digest (void)
{
  g_autofree char *made = rd_store_get_schema_digest (TRUE);
  g_autofree char *built_in = rd_store_get_schema_digest (FALSE);

  if (!g_str_equal (made, built_in))
    g_error ("The migrations make a schema whose digest is %s; set CURRENT_SCHEMA_SHA256 in "
             "src/core/rd-store.c to it", made);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, rd_test_store_tear_down)
  ADD ("/store-open/unchanged/foreign", test_foreign_wal);
  ADD ("/store-open/unchanged/newer", test_newer_wal);
  ADD ("/store-open/unchanged/damaged", test_damaged_wal);
  ADD ("/store-open/unchanged/empty-with-user-version", test_empty_with_user_version);
  ADD ("/store-open/unchanged/locked", test_locked_wal);
  ADD ("/store-open/unchanged/read-only", test_read_only_wal);
  ADD ("/store-open/unchanged/symlink", test_symlink);
  ADD ("/store-open/empty-file", test_empty_file_becomes_database);
  ADD ("/store-open/shared-with-reader", test_shared_with_another_reader);
  ADD ("/store-open/schema/old-with-trigger", test_hostile_old_schema);
  ADD ("/store-open/schema/statistics", test_statistics_allowed);
  ADD ("/store-open/schema/null-behind-schema", test_null_behind_schema);
  ADD ("/store-open/connection-hardened", test_connection_hardened);
  g_test_add_func ("/store-open/schema/digest", test_schema_digest);
  ADD ("/store-open/check/clean-not-fully-checked", test_clean_not_fully_checked);
  ADD ("/store-open/check/on-demand", test_check_on_demand);
  ADD ("/store-open/check/unclean-shutdown", test_unclean_shutdown_checked);
  ADD ("/store-open/check/damaged-refuses-writes", test_damaged_refuses_writes);
  ADD ("/store-open/check/marker-shared-by-processes", test_marker_shared_by_processes);
  ADD ("/store-open/check/close-stops-check", test_close_stops_check);
  ADD ("/store-open/check/marker-wait-holds-up-only-its-file", test_marker_wait_holds_up_only_its_file);
  ADD ("/store-open/close-while-held", test_close_while_held);
  ADD ("/store-open/check/damage-read-refuses-writes", test_damage_read_refuses_writes);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store-open/schema/%s", hostile_cases[i].name);

      g_test_add (path, Fixture, &hostile_cases[i], fixture_set_up, test_hostile_schema,
                  rd_test_store_tear_down);
    }
#undef ADD


  return g_test_run ();
}
