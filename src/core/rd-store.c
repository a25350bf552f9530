#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-errors.h"
#include "rd-store-private.h"
#include "rd-store.h"

#define BUSY_TIMEOUT_MS 1000

G_DEFINE_FINAL_TYPE (RdStore, rd_store, G_TYPE_OBJECT)

enum {
  SCHOOLS_CHANGED,
  ASSESSMENTS_CHANGED,
  ANSWERS_CHANGED,
  ACTIONS_CHANGED,
  OWN_QUESTIONS_CHANGED,
  LEARNING_LOG_CHANGED,
  ANSWER_CHANGED,
  EVIDENCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
rd_store_emit_changed (RdStore       *self,
                       RdStoreChange  change,
                       gint64         id)
{
  switch (change)
    {
    case RD_STORE_CHANGE_SCHOOLS:
      g_signal_emit (self, signals[SCHOOLS_CHANGED], 0);
      break;
    case RD_STORE_CHANGE_ASSESSMENTS:
      g_signal_emit (self, signals[ASSESSMENTS_CHANGED], 0, id);
      break;
    case RD_STORE_CHANGE_ANSWERS:
      g_signal_emit (self, signals[ANSWERS_CHANGED], 0, id);
      break;
    case RD_STORE_CHANGE_OWN_QUESTIONS:
      g_signal_emit (self, signals[OWN_QUESTIONS_CHANGED], 0, id);
      break;
    case RD_STORE_CHANGE_LEARNING_LOG:
      g_signal_emit (self, signals[LEARNING_LOG_CHANGED], 0, id);
      break;
    case RD_STORE_CHANGE_ACTIONS:
    default:
      g_signal_emit (self, signals[ACTIONS_CHANGED], 0, id);
      break;
    }
}

static GQuark one_answer_quark;

/* One respondent's answer to one item (@answered: stored, or removed): its
 * listeners first, then the assessment's, with a detail that says only
 * that answer changed. */
void
rd_store_emit_answer_changed (RdStore    *self,
                              gint64      assessment_id,
                              gint64      respondent_id,
                              const char *item_id,
                              gboolean    answered)
{
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, respondent_id, item_id, answered);
  g_signal_emit (self, signals[ANSWERS_CHANGED], one_answer_quark, assessment_id);
}

void
rd_store_emit_evidence_changed (RdStore    *self,
                                gint64      assessment_id,
                                const char *item_id)
{
  g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, assessment_id, item_id);
}

/* One entry per schema step: migrations[n] takes a database from version n
 * to n + 1. Never edit a step once released; add a new one. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE school ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  region TEXT,"
  "  school_type TEXT,"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE TABLE assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  school_year TEXT NOT NULL,"
  "  framework_id TEXT NOT NULL,"
  "  framework_version TEXT NOT NULL,"
  "  mode TEXT NOT NULL CHECK (mode IN ('full', 'pulse')),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),"
  "  created INTEGER NOT NULL,"
  "  completed INTEGER,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE INDEX assessment_by_school ON assessment (school_id);"
  "CREATE TABLE respondent ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  respondent_group TEXT NOT NULL CHECK (respondent_group IN"
  "    ('leader', 'teacher', 'support-staff', 'learner', 'parent', 'other')),"
  "  pseudonym TEXT,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX respondent_by_assessment ON respondent (assessment_id);"
  "CREATE TABLE answer ("
  "  respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  item_version INTEGER NOT NULL CHECK (item_version >= 1),"
  "  value REAL,"
  "  date TEXT,"
  "  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),"
  "  answered INTEGER NOT NULL,"
  "  PRIMARY KEY (respondent_id, item_id),"
  "  CHECK ((not_applicable = 1 AND value IS NULL AND date IS NULL) OR"
  "         (not_applicable = 0 AND (value IS NULL) <> (date IS NULL)))"
  ") WITHOUT ROWID;"
  "CREATE TABLE target ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  factor TEXT NOT NULL CHECK (factor IN ('strategy', 'engagement', 'capacity', 'investment')),"
  "  target REAL NOT NULL CHECK (target BETWEEN 0 AND 100),"
  "  PRIMARY KEY (assessment_id, factor)"
  ") WITHOUT ROWID;",

  /* 1 → 2: where the questionnaire was left, to resume there */
  "ALTER TABLE assessment ADD COLUMN last_area TEXT;"
  "ALTER TABLE assessment ADD COLUMN last_item TEXT;",

  /* 2 → 3: the action plan. origin is the uuid of the first action of a
   * chain of carried-over copies, so that a copy is made only once. */
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  origin TEXT NOT NULL,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  factor TEXT NOT NULL CHECK (factor IN ('strategy', 'engagement', 'capacity', 'investment')),"
  "  owner TEXT,"
  "  due TEXT CHECK (due IS NULL OR due = date(due)),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done')),"
  "  criterion TEXT,"
  "  notes TEXT,"
  "  carried_from TEXT,"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE INDEX action_by_assessment ON action (assessment_id);"
  /* The key's columns first: SQLite 3.40's quick_check misreads a
   * WITHOUT ROWID table whose NOT NULL column sits between them. */
  "CREATE TABLE action_item ("
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (action_id, item_id)"
  ") WITHOUT ROWID;",

  /* 3 → 4: scores kept per assessment for comparing schools, and
   * assessments imported as a summary only. A factor's row has the spread
   * between respondents and how many had a readiness for it; a row of
   * scope 'group' holds the number of respondents of that group of a
   * summary. Any
   * change to an answer marks its assessment's scores stale. */
  "ALTER TABLE assessment ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0 CHECK (summary_only IN (0, 1));"
  "ALTER TABLE assessment ADD COLUMN scores_stale INTEGER NOT NULL DEFAULT 1 CHECK (scores_stale IN (0, 1));"
  "CREATE TABLE assessment_score ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  scope TEXT NOT NULL CHECK (scope IN ('factor', 'area', 'group')),"
  "  key TEXT NOT NULL,"
  "  score REAL,"
  "  spread REAL,"
  "  n INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (assessment_id, scope, key)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER answer_added AFTER INSERT ON answer BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0"
  "    AND id = (SELECT assessment_id FROM respondent WHERE id = NEW.respondent_id);"
  "END;"
  "CREATE TRIGGER answer_changed AFTER UPDATE ON answer BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0"
  "    AND id = (SELECT assessment_id FROM respondent WHERE id = NEW.respondent_id);"
  "END;"
  "CREATE TRIGGER answer_removed AFTER DELETE ON answer BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0"
  "    AND id = (SELECT assessment_id FROM respondent WHERE id = OLD.respondent_id);"
  "END;",

  /* 4 → 5: the day date items are scored against, so that an assessment's
   * figures stay the same wherever and whenever they are computed: the
   * last day an answer was given (help/C/scores.page). Earlier versions
   * scored each date against the day it was answered, so this changes a
   * score only where those days fall in different months. */
  "ALTER TABLE assessment ADD COLUMN reference_date TEXT"
  "  CHECK (reference_date IS NULL OR reference_date = date(reference_date));"
  "UPDATE assessment SET reference_date = (SELECT date(max(w.answered), 'unixepoch', 'localtime')"
  "  FROM answer w JOIN respondent r ON r.id = w.respondent_id WHERE r.assessment_id = assessment.id);"
  "UPDATE assessment SET scores_stale = 1 WHERE summary_only = 0;",

  /* 5 → 6: a school's type becomes one of the ids of RdSchoolType (or
   * NULL: not set), as some ladders depend on it. SQLite adds a CHECK only
   * with a new column, so the free text moves aside, its type is read from
   * it (rd_school_type_from_text), and it is dropped; where it became
   * "other" without naming that, the text stays as type_note for the user
   * to see (rd_school_type_note_for_text). A changed type changes the
   * scores of the school's assessments. Scores are kept again too because
   * framework format 2 counts an item's answers from its audience only. */
  "ALTER TABLE school RENAME COLUMN school_type TO type_text;"
  "ALTER TABLE school ADD COLUMN school_type TEXT"
  "  CHECK (school_type IN ('primary', 'secondary', 'vocational', 'special', 'other'));"
  "ALTER TABLE school ADD COLUMN type_note TEXT;"
  "UPDATE school SET school_type = readiness_school_type (type_text),"
  "  type_note = readiness_school_type_note (type_text);"
  "ALTER TABLE school DROP COLUMN type_text;"
  "CREATE TRIGGER school_type_changed AFTER UPDATE OF school_type ON school"
  "  WHEN OLD.school_type IS NOT NEW.school_type BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = NEW.id;"
  "END;"
  "UPDATE assessment SET scores_stale = 1 WHERE summary_only = 0;",

  /* 6 → 7: the framework version that computed an assessment's kept
   * scores, so that they are computed again when the framework changes
   * (answers to a question that changed no longer count). NULL: unknown. */
  "ALTER TABLE assessment ADD COLUMN scores_framework TEXT;",

  /* 7 → 8: a school's own questions (rd-own-question.h), at most ten per
   * assessment, numbered "own-N", and their answers. The answers have a
   * table of their own, so that no figure of the framework reads them:
   * no trigger marks kept scores stale for them, and they do not move the
   * reference date. A question's audience is a mask of 1 << RdGroup bits;
   * a factor's weight 0 means the question is not about it. Key columns
   * first, as for action_item. */
  "CREATE TABLE own_question ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9999),"
  "  kind TEXT NOT NULL CHECK (kind IN ('statement', 'yes-no', 'number', 'percent')),"
  "  area TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  help TEXT,"
  "  audience INTEGER NOT NULL CHECK (audience BETWEEN 1 AND 63),"
  "  strategy REAL NOT NULL DEFAULT 0 CHECK (strategy BETWEEN 0 AND 3),"
  "  engagement REAL NOT NULL DEFAULT 0 CHECK (engagement BETWEEN 0 AND 3),"
  "  capacity REAL NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 3),"
  "  investment REAL NOT NULL DEFAULT 0 CHECK (investment BETWEEN 0 AND 3),"
  "  unit TEXT,"
  "  minimum REAL NOT NULL DEFAULT 0,"
  "  maximum REAL,"
  "  target REAL,"
  "  direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)),"
  "  UNIQUE (assessment_id, number)"
  ");"
  "CREATE TABLE own_answer ("
  "  respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,"
  "  question_id INTEGER NOT NULL REFERENCES own_question (id) ON DELETE CASCADE,"
  "  value REAL,"
  "  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),"
  "  answered INTEGER NOT NULL,"
  "  PRIMARY KEY (respondent_id, question_id),"
  "  CHECK ((not_applicable = 1) = (value IS NULL))"
  ") WITHOUT ROWID;"
  "CREATE INDEX own_answer_by_question ON own_answer (question_id);",

  /* 8 → 9: what stands behind an answer, and the school's professional-
   * learning log. A commentary and evidence belong to an item of an
   * assessment (a framework item or "own-N"), not to a respondent: no
   * figure reads them, so no trigger marks scores stale. The log belongs to
   * the school; the facts it can answer (rd-learning-facts.h) are scored
   * from it, so any change to it marks the school's kept scores stale.
   * Staff names stay in this file: no export or exchange reads them. */
  "CREATE TABLE item_note ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  commentary TEXT NOT NULL CHECK (length(trim(commentary)) > 0),"
  "  changed INTEGER NOT NULL,"
  "  PRIMARY KEY (assessment_id, item_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  location TEXT,"
  "  date TEXT CHECK (date IS NULL OR date = date(date)),"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE INDEX evidence_by_item ON evidence (assessment_id, item_id);"
  "CREATE TABLE staff_member ("
  "  id INTEGER PRIMARY KEY,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  staff_group TEXT NOT NULL CHECK (staff_group IN ('leader', 'teacher', 'support-staff')),"
  "  joined TEXT CHECK (joined IS NULL OR joined = date(joined)),"
  "  departed TEXT CHECK (departed IS NULL OR departed = date(departed)),"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)),"
  "  UNIQUE (school_id, name)"
  ");"
  "CREATE TABLE learning_activity ("
  "  id INTEGER PRIMARY KEY,"
  "  staff_id INTEGER NOT NULL REFERENCES staff_member (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  issuer_country TEXT,"
  "  awarding_body TEXT,"
  "  issued TEXT NOT NULL CHECK (issued = date(issued)),"
  "  learning_outcomes TEXT,"
  "  workload_ects REAL CHECK (workload_ects IS NULL OR (workload_ects > 0 AND workload_ects <= 60)),"
  "  workload_hours REAL CHECK (workload_hours IS NULL OR (workload_hours > 0 AND workload_hours <= 2000)),"
  "  eqf_level INTEGER CHECK (eqf_level IS NULL OR eqf_level BETWEEN 1 AND 8),"
  "  assessment_type TEXT,"
  "  participation TEXT CHECK (participation IS NULL OR participation IN ('online', 'on-site', 'blended')),"
  "  quality_assurance TEXT,"
  "  prerequisites TEXT,"
  "  supervision TEXT CHECK (supervision IS NULL OR supervision IN"
  "    ('unsupervised', 'supervised', 'supervised-online', 'on-site-identity')),"
  "  grade TEXT,"
  "  stackability TEXT CHECK (stackability IS NULL OR stackability IN ('stand-alone', 'stackable')),"
  "  further_information TEXT,"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE INDEX learning_by_staff ON learning_activity (staff_id);"
  "CREATE TABLE learning_area ("
  "  activity_id INTEGER NOT NULL REFERENCES learning_activity (id) ON DELETE CASCADE,"
  "  area_id TEXT NOT NULL,"
  "  PRIMARY KEY (activity_id, area_id)"
  ") WITHOUT ROWID;"
  /* An imported assessment's figures from its school's log: the file
   * carries them (never a name), as the log stays at the school. */
  "CREATE TABLE log_figure ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  n_staff INTEGER NOT NULL CHECK (n_staff >= 1),"
  "  PRIMARY KEY (assessment_id, item_id)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER staff_added AFTER INSERT ON staff_member BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = NEW.school_id;"
  "END;"
  "CREATE TRIGGER staff_changed AFTER UPDATE ON staff_member BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = NEW.school_id;"
  "END;"
  "CREATE TRIGGER staff_removed AFTER DELETE ON staff_member BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = OLD.school_id;"
  "END;"
  "CREATE TRIGGER learning_added AFTER INSERT ON learning_activity BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = (SELECT school_id FROM staff_member WHERE id = NEW.staff_id);"
  "END;"
  "CREATE TRIGGER learning_changed AFTER UPDATE ON learning_activity BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = (SELECT school_id FROM staff_member WHERE id = NEW.staff_id);"
  "END;"
  "CREATE TRIGGER learning_removed AFTER DELETE ON learning_activity BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = (SELECT school_id FROM staff_member WHERE id = OLD.staff_id);"
  "END;"
  "CREATE TRIGGER learning_area_added AFTER INSERT ON learning_area BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = (SELECT s.school_id FROM learning_activity a"
  "      JOIN staff_member s ON s.id = a.staff_id WHERE a.id = NEW.activity_id);"
  "END;"
  "CREATE TRIGGER learning_area_removed AFTER DELETE ON learning_area BEGIN"
  "  UPDATE assessment SET scores_stale = 1 WHERE scores_stale = 0 AND summary_only = 0"
  "    AND school_id = (SELECT s.school_id FROM learning_activity a"
  "      JOIN staff_member s ON s.id = a.staff_id WHERE a.id = OLD.activity_id);"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RD_STORE_SCHEMA_VERSION);

static RdStoreError
store_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return RD_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return RD_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RD_STORE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return RD_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return RD_STORE_ERROR_FULL;
    case SQLITE_IOERR:
      return RD_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return RD_STORE_ERROR_INVALID;
    default:
      return RD_STORE_ERROR_FAILED;
    }
}

/* What this process has of each file it works on. */
typedef struct
{
  guint n_stores;      /* open stores */
  int marker_fd;       /* shared lock on PATH-open while any store is open */
  gboolean marking;    /* the first store is taking that lock */
  guint n_checks;      /* rd_store_check_file() running */
  gboolean closing;    /* the last store is closing: running checks stop */
} OpenFile;

/* Files found damaged while open, and the files open: by path, for
 * SQLite's errors name only the path. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *damaged_files;  /* path → what the check found */
static GHashTable *open_files;     /* path → OpenFile */
static GCond checks_ended;         /* with open_files' lock */
static GCond marker_held;          /* with open_files' lock */
static guint n_full_checks;

/* With the lock held. */
static OpenFile *
lookup_open_file (const char *path,
                  gboolean    create)
{
  OpenFile *file;

  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  file = g_hash_table_lookup (open_files, path);
  if (file == NULL && create)
    {
      file = g_new0 (OpenFile, 1);
      file->marker_fd = -1;
      g_hash_table_insert (open_files, g_strdup (path), file);
    }
  return file;
}

/* With the lock held. */
static void
forget_if_unused (const char *path,
                  OpenFile   *file)
{
  if (file->n_stores == 0 && file->n_checks == 0)
    g_hash_table_remove (open_files, path);
}

guint
rd_store_get_n_full_checks (void)
{
  return g_atomic_int_get (&n_full_checks);
}

static char *
lookup_damage (const char *path)
{
  char *found = NULL;

  G_LOCK (open_files);
  if (damaged_files != NULL && path != NULL)
    found = g_strdup (g_hash_table_lookup (damaged_files, path));
  G_UNLOCK (open_files);
  return found;
}

static void
mark_damaged (const char *path,
              const char *finding)
{
  G_LOCK (open_files);
  if (damaged_files == NULL)
    damaged_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (damaged_files, g_strdup (path), g_strdup (finding));
  G_UNLOCK (open_files);
}

/* A damaged page read by a store's work: that connection writes no more
 * (as after rd_store_set_damaged()). Only for a file a store has open. */
static void
note_damage_found (sqlite3    *db,
                   const char *path,
                   const char *detail)
{
  g_autofree char *finding = NULL;
  OpenFile *file;
  gboolean is_open;

  G_LOCK (open_files);
  file = path != NULL ? lookup_open_file (path, FALSE) : NULL;
  is_open = file != NULL && file->n_stores > 0;
  G_UNLOCK (open_files);
  if (!is_open)
    return;

  finding = g_strdup_printf (_("The database is damaged (%s): %s"), path, detail);
  mark_damaged (path, finding);
  sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

/* Says in words what a user can act on, then SQLite's own detail. */
void
rd_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path)
{
  RdStoreError code = store_error_code (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  const char *what;
  g_autofree char *damage = NULL;

  if ((rc & 0xff) == SQLITE_READONLY)
    damage = lookup_damage (path);
  /* A damaged file's store refuses writes (query_only): say why. */
  if (damage != NULL)
    {
      /* @damage names the file and what the check found. */
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT, "%s\n%s", damage,
                   _("Readiness no longer writes to this database."));
      return;
    }

  switch (code)
    {
    case RD_STORE_ERROR_NOT_DATABASE:
      what = _("The file is not a Readiness database");
      break;
    case RD_STORE_ERROR_CORRUPT:
      what = _("The database is damaged");
      break;
    case RD_STORE_ERROR_LOCKED:
      what = _("The database is in use by another program");
      break;
    case RD_STORE_ERROR_READ_ONLY:
      what = _("The database cannot be written to");
      break;
    case RD_STORE_ERROR_FULL:
      what = _("The disk is full");
      /* SQLite's "database or disk is full" repeats it; say what helps. */
      detail = _("free some space and try again");
      break;
    case RD_STORE_ERROR_IO:
      what = _("The database could not be read or written");
      break;
    case RD_STORE_ERROR_INVALID:
      what = _("The change breaks a rule of the database");
      break;
    case RD_STORE_ERROR_FOREIGN:
    case RD_STORE_ERROR_TOO_NEW:
    case RD_STORE_ERROR_NOT_FOUND:
    case RD_STORE_ERROR_FAILED:
    default:
      what = _("The database reported an error");
      break;
    }

  g_set_error (error, RD_STORE_ERROR, code, "%s (%s): %s", what, path, detail);
  /* Last: running SQL on @db replaces the message @detail points to. */
  if ((rc & 0xff) == SQLITE_CORRUPT && db != NULL)
    {
      g_autofree char *finding = g_strdup (detail);

      note_damage_found (db, path, finding);
    }
}

static void unregister_open (RdStore *self);
static void stop_checks_before_close (RdStore *self);

/**
 * rd_store_close:
 *
 * Closes the file now, even while others still hold @self: the app does
 * so as it shuts down, so that the file is closed cleanly (no marker left,
 * the -wal folded back, nothing to check at the next start) whatever
 * outlives it. From then on every call fails, as on an empty database.
 */
void
rd_store_close (RdStore *self)
{
  g_return_if_fail (RD_IS_STORE (self));

  if (self->closed)
    return;
  self->closed = TRUE;
  g_hash_table_remove_all (self->statements);
  if (self->registered)
    stop_checks_before_close (self);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  if (self->registered)
    unregister_open (self);
  self->registered = FALSE;

  /* A late caller gets an error, not a crash on a NULL connection. */
  sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READONLY, NULL);
}

static void
rd_store_finalize (GObject *object)
{
  RdStore *self = RD_STORE (object);

  rd_store_close (self);
  sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_free (self->path);

  G_OBJECT_CLASS (rd_store_parent_class)->finalize (object);
}

static void
rd_store_class_init (RdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_store_finalize;

  signals[SCHOOLS_CHANGED] =
    g_signal_new ("schools-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ASSESSMENTS_CHANGED] =
    g_signal_new ("assessments-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ANSWERS_CHANGED] =
    g_signal_new ("answers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ACTIONS_CHANGED] =
    g_signal_new ("actions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OWN_QUESTIONS_CHANGED] =
    g_signal_new ("own-questions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LEARNING_LOG_CHANGED] =
    g_signal_new ("learning-log-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_BOOLEAN);
  /* An item's commentary or evidence: (assessment id, item id). */
  signals[EVIDENCE_CHANGED] =
    g_signal_new ("evidence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  one_answer_quark = g_quark_from_static_string (RD_STORE_ONE_ANSWER);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
rd_store_init (RdStore *self)
{
  /* Keyed by the SQL text's address: callers pass string literals (the
   * key is not copied), and hashing a few hundred characters for every
   * answer of a large import cost a tenth of its time. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

char *
rd_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "readiness", "readiness.db", NULL);
}

const char *
rd_store_get_path (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  return self->path;
}

/* Statements are prepared once and kept; @sql must be a string literal. */
sqlite3_stmt *
rd_store_prepare (RdStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
rd_store_step_done (RdStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

gboolean
rd_store_exec (RdStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

void
rd_store_rollback (RdStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
migrate (RdStore  *self,
         gint64    from_version,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  if (from_version == RD_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (gint64 v = from_version; v < RD_STORE_SCHEMA_VERSION; v++)
    {
      if (!rd_store_exec (self, migrations[v], error))
        {
          rd_store_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 RD_STORE_SCHEMA_VERSION, RD_STORE_APPLICATION_ID);
  if (!rd_store_exec (self, set_version, error) || !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static void
school_type_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *id = rd_school_type_to_id (rd_school_type_from_text (text));

  if (id != NULL)
    sqlite3_result_text (context, id, -1, SQLITE_STATIC);
  else
    sqlite3_result_null (context);
}

static void
school_type_note_function (sqlite3_context  *context,
                           int               argc,
                           sqlite3_value   **argv)
{
  char *note = rd_school_type_note_for_text ((const char *) sqlite3_value_text (argv[0]));

  if (note != NULL)
    sqlite3_result_text (context, note, -1, g_free);
  else
    sqlite3_result_null (context);
}

/* What migrations call besides SQL: the mapping of the free text of older
 * versions lives in C (rd-types.c), for exchange files need it too.
 * DIRECTONLY: a file's triggers and views cannot call them. */
static gboolean
add_migration_functions (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;

  return sqlite3_create_function (db, "readiness_school_type", 1, flags, NULL, school_type_function,
                                  NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function (db, "readiness_school_type_note", 1, flags, NULL, school_type_note_function,
                                  NULL, NULL) == SQLITE_OK;
}

/* Reads one integer through a connection of its own (the checks run
 * before the store has one). */
static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rd_store_set_sqlite_error (error, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A badly damaged file yields a hundred findings; a few say enough. */
static char *
first_lines (const char *text,
             guint       n_lines)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", (int) n_lines + 1);

  if (g_strv_length (lines) > n_lines)
    {
      g_free (lines[n_lines]);
      lines[n_lines] = g_strdup ("…");
    }
  return g_strjoinv ("\n", lines);
}

/* Runs one of SQLite's checks (@sql: PRAGMA quick_check, with or without
 * a table) and says what it found. */
static gboolean
run_check (sqlite3     *db,
           const char  *path,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  const char *result;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rd_store_set_sqlite_error (error, db, rc, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_autofree char *findings = first_lines (result != NULL ? result : "", 4);

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s): %s"), path, findings);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
full_check (sqlite3     *db,
            const char  *path,
            GError     **error)
{
  g_atomic_int_inc (&n_full_checks);
  return run_check (db, path, "PRAGMA quick_check", error);
}

/* The tables that grow with the schools and their answers: checking them
 * in full at every open would cost more than the open itself (tens of
 * milliseconds for a region, seconds for its answers). Their pages are
 * checked as they are read, in full after an unclean shutdown, on demand
 * and in the app's background check. */
static const char * const growing_tables[] = {
  "assessment", "target", "action", "action_item", "own_question",
  "answer", "own_answer", "respondent", "assessment_score",
};

/* Older schemas lack the later tables. */
static gboolean
table_exists (sqlite3     *db,
              const char  *path,
              const char  *table,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                          "WHERE type = 'table' AND name = '%s'", table);
  gint64 n;

  if (!query_int (db, path, sql, &n, error))
    return FALSE;
  *exists = n > 0;
  return TRUE;
}

/* What opening can afford to check: the schools, which the app lists as
 * it starts, in full, and the first page of every other table (the
 * header is check_header()'s). */
static gboolean
cheap_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  if (!run_check (db, path, "PRAGMA quick_check (school)", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (growing_tables); i++)
    {
      g_autofree char *first = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1)",
                                                growing_tables[i]);
      gboolean exists;
      gint64 n_rows;

      if (!table_exists (db, path, growing_tables[i], &exists, error) ||
          (exists && !query_int (db, path, first, &n_rows, error)))
        return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

/* A checkpoint that a full disk broke off leaves the header's new size
 * before the pages that make it up; the log still holds them all, and
 * SQLite finishes the checkpoint from it. */
static gboolean
has_write_ahead_log (const char *path)
{
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  return g_stat (log_path, &info) == 0 && info.st_size > 0;
}

/* A file cut short (a copy broken off, a full disk) is shorter than its
 * header says; SQLite notices only on reading the missing pages. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[100];
  GStatBuf info;
  gssize length;
  guint32 page_size, n_pages;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return TRUE;  /* SQLite's open says why */
  length = read (fd, header, sizeof header);
  if (fstat (fd, &info) != 0)
    length = -1;
  close (fd);
  if (length != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = ((guint32) header[16] << 8) | header[17];
  page_size = page_size == 1 ? 65536 : page_size;
  n_pages = read_be32 (header + 28);
  /* The size field is valid only when written by a version that keeps it. */
  if (read_be32 (header + 92) != read_be32 (header + 24) || n_pages == 0)
    return TRUE;

  if ((guint64) n_pages * page_size > (guint64) info.st_size && !has_write_ahead_log (path))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s): the file is shorter than its header says "
                     "(%llu of %llu bytes)"),
                   path, (unsigned long long) info.st_size, (unsigned long long) n_pages * page_size);
      return FALSE;
    }
  return TRUE;
}

static char *
marker_path (const char *path)
{
  return g_strconcat (path, "-open", NULL);
}

/* A marker is left behind when it is there and no process holds its lock:
 * a process's locks go with it, however it ends, and the lock of a store
 * still open elsewhere says that marker is not a crash's. One that cannot
 * be read counts as left. */
static gboolean
marker_left_behind (const char *path)
{
  g_autofree char *marker = marker_path (path);
  int fd = g_open (marker, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean left;

  if (fd < 0)
    return errno != ENOENT;
  left = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return left;
}

/* The marker, made if need be, under a shared lock; -1 if it cannot be
 * made. A store closing elsewhere may remove the file just as it is
 * locked here: then it is made again. */
static int
hold_marker (const char *path)
{
  g_autofree char *marker = marker_path (path);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      int fd = g_open (marker, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      struct stat held, named;

      if (fd < 0)
        return -1;
      if (flock (fd, LOCK_SH) == 0 && fstat (fd, &held) == 0 && lstat (marker, &named) == 0 &&
          held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        return fd;
      close (fd);
    }
  return -1;
}

/* An empty -wal or -journal holds nothing (a read-only connection leaves
 * an empty -wal behind). */
static gboolean
file_has_content (const char *path)
{
  GStatBuf info;

  return g_lstat (path, &info) == 0 && info.st_size > 0;
}

/* Not closed cleanly: our marker is left, or SQLite's -wal or -journal
 * with content (also there while another program has the file open:
 * checked in full then too). */
static gboolean
shut_down_uncleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return marker_left_behind (path) || file_has_content (wal) || file_has_content (journal);
}

/* What a file's schema holds, one line per object, in a stable order. */
static GPtrArray *
read_schema (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = NULL;
  char **object;
  int rc;

  /* ANALYZE's statistics tables hold no code; anything else named sqlite_
   * is SQLite's own and belongs to the tables it serves. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_schema "
                           "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' "
                           "ORDER BY type, name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      object = g_new0 (char *, 5);
      for (int i = 0; i < 4; i++)
        object[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (objects, object);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, db, rc, path);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&objects);
}

/* The schema this version writes at @version, made by the same steps in
 * memory: a database made here or migrated here has exactly this text. */
static GPtrArray *
expected_schema (gint64 version)
{
  sqlite3 *db = NULL;
  GPtrArray *objects = NULL;
  gboolean ok = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
                add_migration_functions (db);

  for (gint64 v = 0; ok && v < version; v++)
    ok = sqlite3_exec (db, migrations[v], NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    objects = read_schema (db, ":memory:", NULL);

  sqlite3_close (db);
  g_assert (objects != NULL);
  return objects;
}

/* SHA-256 of what read_schema() gives for a database the migrations made
 * at RD_STORE_SCHEMA_VERSION. A file that matches it needs no schema made
 * in memory (8 ms, more than the rest of opening); test-store-open checks
 * it against the migrations and prints the new value when they change. */
#define CURRENT_SCHEMA_SHA256 "af14141cdda911f387ebb14eb2bdfc7d4e26d986ac94ecad8094d8b4f25e7a96"

static char *
schema_digest (GPtrArray *objects)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < objects->len; i++)
    {
      char **object = objects->pdata[i];

      /* Each text with its '\0'; a NULL (a hand-made schema) as "\1". */
      for (guint column = 0; column < 4; column++)
        if (object[column] != NULL)
          g_checksum_update (checksum, (const guchar *) object[column], strlen (object[column]) + 1);
        else
          g_checksum_update (checksum, (const guchar *) "\1", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* What CURRENT_SCHEMA_SHA256 must be, and is, for the tests. */
char *
rd_store_get_schema_digest (gboolean from_migrations)
{
  g_autoptr(GPtrArray) expected = NULL;

  if (!from_migrations)
    return g_strdup (CURRENT_SCHEMA_SHA256);
  expected = expected_schema (RD_STORE_SCHEMA_VERSION);
  return schema_digest (expected);
}

static const char *
object_kind (const char *type)
{
  if (g_str_equal (type, "trigger"))
    return _("a trigger");
  if (g_str_equal (type, "view"))
    return _("a view");
  if (g_str_equal (type, "index"))
    return _("an index");
  return _("a table");
}

static int
compare_objects (const char * const *a,
                 const char * const *b)
{
  int order = g_strcmp0 (a[0], b[0]);

  return order != 0 ? order : g_strcmp0 (a[1], b[1]);
}

/* A database someone sends can carry triggers and views that run their own
 * SQL inside ours; only the schema this version writes is opened. */
static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              gint64       version,
              GError     **error)
{
  g_autoptr(GPtrArray) found = read_schema (db, path, error);
  g_autoptr(GPtrArray) expected = NULL;
  guint e = 0, f = 0;

  if (found == NULL)
    return FALSE;
  if (version == RD_STORE_SCHEMA_VERSION)
    {
      g_autofree char *digest = schema_digest (found);

      if (g_str_equal (digest, CURRENT_SCHEMA_SHA256))
        return TRUE;
    }

  /* Made in memory to name what differs, or for a version to migrate. */
  expected = expected_schema (version);
  while (e < expected->len || f < found->len)
    {
      char **want = e < expected->len ? expected->pdata[e] : NULL;
      char **have = f < found->len ? found->pdata[f] : NULL;
      int order = have == NULL ? -1 : want == NULL ? 1
                  : compare_objects ((const char * const *) want, (const char * const *) have);

      if (order > 0 && have != NULL)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_ALTERED,
                       _("The database holds %s “%s” that Readiness did not make; another "
                         "program has changed it (%s)"),
                       object_kind (have[0]), have[1], path);
          return FALSE;
        }
      if (order < 0 || have == NULL)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_ALTERED,
                       _("The database lacks %s “%s” of its version; another program has "
                         "changed it (%s)"),
                       object_kind (want[0]), want[1], path);
          return FALSE;
        }
      if (g_strcmp0 (want[2], have[2]) != 0 || g_strcmp0 (want[3], have[3]) != 0)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_ALTERED,
                       _("In the database, %s “%s” is not the one Readiness made; another "
                         "program has changed it (%s)"),
                       object_kind (have[0]), have[1], path);
          return FALSE;
        }
      e++;
      f++;
    }

  return TRUE;
}

/* What the file is: new (no schema at all: *user_version 0), or a Readiness
 * database this version reads, undamaged. */
static gboolean
check_existing (sqlite3     *db,
                const char  *path,
                gint64      *user_version,
                GError     **error)
{
  gint64 application_id, n_objects;

  if (!query_int (db, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", user_version, error))
    return FALSE;

  /* Only a file with nothing in it becomes a Readiness database: an empty
   * database that carries another program's marks stays that program's. */
  if (n_objects == 0 && application_id == 0 && *user_version == 0)
    return TRUE;

  if (application_id != RD_STORE_APPLICATION_ID)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_FOREIGN,
                   _("The file is a database of another program, not of Readiness (%s)"),
                   path);
      return FALSE;
    }

  if (*user_version > RD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_TOO_NEW,
                   _("The database was made by a newer version of Readiness "
                     "(schema %d, this version reads up to %d) (%s)"),
                   (int) MIN (*user_version, G_MAXINT), RD_STORE_SCHEMA_VERSION, path);
      return FALSE;
    }

  if (!check_schema (db, path, MAX (*user_version, 0), error))
    return FALSE;
  return shut_down_uncleanly (path) ? full_check (db, path, error) : cheap_check (db, path, error);
}

/* Settings every connection to a file gets: SQL in a file's schema runs
 * only if SQLite deems it harmless, and nothing can corrupt the file
 * through SQL (writable_schema, direct page writes). */
static void
harden_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
}

typedef enum {
  CHECK_IMMUTABLE,  /* the main file is all there is: read it as it lies */
  CHECK_EXCLUSIVE,  /* nobody else has it open: the -wal's index in our memory */
  CHECK_SHARED,     /* another program has it open and keeps the -shm live */
} CheckMode;

/* A database in WAL mode whose -wal is gone (closed cleanly, or copied
 * without it) is wholly in its main file, and nobody has it open: a
 * connection that may write would make a -wal for it, and one that
 * closes without checkpointing would leave that behind. */
static gboolean
is_wal_without_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  char header[20];
  GStatBuf info;
  gssize length = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return FALSE;
  length = read (fd, header, sizeof header);
  close (fd);

  return length == sizeof header && memcmp (header, "SQLite format 3", 16) == 0 &&
         header[18] == 2 && header[19] == 2 && g_lstat (wal, &info) != 0 && errno == ENOENT;
}

static sqlite3 *
open_checker (const char  *path,
              CheckMode    mode,
              GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  int rc = mode == CHECK_IMMUTABLE
           ? sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL)
           : sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  harden_connection (db);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, mode == CHECK_SHARED ? BUSY_TIMEOUT_MS : 0);

  /* Opening reads nothing yet: a file we may not write is refused before
   * anything of it is touched. */
  if (mode != CHECK_IMMUTABLE && sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY,
                   _("The database cannot be written to (%s)"), path);
      sqlite3_close (db);
      return NULL;
    }

  rc = sqlite3_exec (db, mode == CHECK_EXCLUSIVE
                         ? "PRAGMA query_only = ON; PRAGMA locking_mode = EXCLUSIVE;"
                         : "PRAGMA query_only = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Checks a file on connections that cannot change it: nothing is written
 * (query_only), closing neither checkpoints the -wal into the file nor
 * deletes it, and no -wal or -shm is made or touched where SQLite can do
 * without (see CheckMode). */
static gboolean
inspect_file (const char  *path,
              gint64      *user_version,
              GError     **error)
{
  sqlite3 *db;
  CheckMode mode;
  gboolean ok;

  /* Refuses a file we cannot write before reading any of it. */
  if ((db = open_checker (path, CHECK_SHARED, error)) == NULL)
    return FALSE;
  sqlite3_close (db);
  if (!check_header (path, error))
    return FALSE;

  mode = is_wal_without_log (path) ? CHECK_IMMUTABLE : CHECK_EXCLUSIVE;
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if ((db = open_checker (path, mode, error)) == NULL)
        return FALSE;
      ok = check_existing (db, path, user_version, &local_error);
      sqlite3_close (db);

      if (mode == CHECK_EXCLUSIVE &&
          g_error_matches (local_error, RD_STORE_ERROR, RD_STORE_ERROR_LOCKED))
        {
          mode = CHECK_SHARED;
          continue;
        }
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return ok;
    }
}

/* SQLite would create the file with the umask's permissions; answers are
 * personal, so the file is made private first. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the database %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);

  return TRUE;
}

/* The -wal and -shm of a database reached through a link would sit beside
 * the link, apart from the file: SQLite refuses links, and so do we, in
 * words that say so. */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return errno != ENOENT ? TRUE : create_private_file (path, error);

  if (S_ISLNK (info.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_LINK,
                   _("%s is a symbolic link to %s; open the file it points to instead"),
                   path, target != NULL ? target : "?");
      return FALSE;
    }

  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_DATABASE,
                   _("%s is a folder, not a database file"), path);
      return FALSE;
    }

  return TRUE;
}

static void register_open (RdStore *self);

RdStore *
rd_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(RdStore) self = NULL;
  g_autofree char *damage = lookup_damage (path);
  gint64 user_version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Found damaged while another store of this process has it open: that
   * store's lock hides its marker. */
  if (damage != NULL)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT, damage);
      return NULL;
    }
  if (!check_path (path, error) || !inspect_file (path, &user_version, error))
    return NULL;

  self = g_object_new (RD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* A store is used by one thread at a time (a job on another thread opens
   * its own), so SQLite need not lock around every call: NOMUTEX saves a
   * lock per column read, 5 ms of reading a region's scores. */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  harden_connection (self->db);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY,
                   _("The database cannot be written to (%s)"), path);
      return NULL;
    }

  /* FULL makes every answer durable the moment it is committed, which the
   * app promises (there is no save button). */
  if (!rd_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                   "PRAGMA synchronous = FULL;", error))
    return NULL;

  if (!add_migration_functions (self->db))
    {
      rd_store_set_sqlite_error (error, self->db, sqlite3_errcode (self->db), path);
      return NULL;
    }
  if (!migrate (self, user_version, error))
    return NULL;

  register_open (self);
  return g_steal_pointer (&self);
}

/* Opening for work marks the file until the last store of any process
 * closes it: a marker left behind at the next open means a crash, and the
 * full check runs. Each process holds a shared lock on the marker while
 * it has the file open; the last to close takes it exclusively and
 * removes the file. */
static void
register_open (RdStore *self)
{
  OpenFile *file;
  int fd;

  self->registered = TRUE;
  G_LOCK (open_files);
  file = lookup_open_file (self->path, TRUE);
  if (file->n_stores++ > 0)
    {
      while (file->marking)
        g_cond_wait (&marker_held, &G_LOCK_NAME (open_files));
      G_UNLOCK (open_files);
      return;
    }

  /* Taking the marker's lock may wait for another process (the last to
   * close holds it exclusively): not under open_files' lock, which every
   * store of every file takes. This store keeps @file in the table. */
  file->marking = TRUE;
  G_UNLOCK (open_files);
  fd = hold_marker (self->path);
  G_LOCK (open_files);
  file->marker_fd = fd;
  file->marking = FALSE;
  g_cond_broadcast (&marker_held);
  G_UNLOCK (open_files);
}

/* A damaged file keeps its marker: the next open checks it in full. */
static void
unregister_open (RdStore *self)
{
  g_autofree char *marker = marker_path (self->path);
  OpenFile *file;
  gboolean damaged;
  int fd = -1;

  G_LOCK (open_files);
  file = lookup_open_file (self->path, FALSE);
  damaged = damaged_files != NULL && g_hash_table_contains (damaged_files, self->path);
  if (--file->n_stores == 0)
    {
      fd = file->marker_fd;
      file->marker_fd = -1;
      forget_if_unused (self->path, file);
      /* From now on the marker says it, to every process. */
      if (damaged)
        g_hash_table_remove (damaged_files, self->path);
    }
  G_UNLOCK (open_files);

  if (fd < 0)
    return;
  if (!damaged && flock (fd, LOCK_EX | LOCK_NB) == 0)
    g_unlink (marker);
  close (fd);
}

/* Before the last store of this process closes its connection: a check
 * still reading the file would be the last connection, and a read-only
 * one cannot fold the -wal back into the file, so the next open would
 * check it all again. The checks stop, and are waited for. */
static void
stop_checks_before_close (RdStore *self)
{
  OpenFile *file;

  G_LOCK (open_files);
  file = lookup_open_file (self->path, FALSE);
  if (file != NULL && file->n_stores == 1)
    {
      file->closing = TRUE;
      while (file->n_checks > 0)
        g_cond_wait (&checks_ended, &G_LOCK_NAME (open_files));
      file->closing = FALSE;
    }
  G_UNLOCK (open_files);
}

void
rd_store_set_damaged (RdStore    *self,
                      const char *finding)
{
  g_return_if_fail (RD_IS_STORE (self));
  g_return_if_fail (finding != NULL);

  mark_damaged (self->path, finding);

  /* Every write from now on fails with SQLITE_READONLY, which
   * rd_store_set_sqlite_error() words as the damage. */
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

gboolean
rd_store_is_damaged (RdStore *self)
{
  g_autofree char *damage = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  damage = lookup_damage (self->path);
  return damage != NULL;
}

typedef struct
{
  const char *path;
  GCancellable *cancellable;
} RunningCheck;

static void
begin_check (const char *path)
{
  G_LOCK (open_files);
  lookup_open_file (path, TRUE)->n_checks++;
  G_UNLOCK (open_files);
}

static void
end_check (const char *path)
{
  OpenFile *file;

  G_LOCK (open_files);
  file = lookup_open_file (path, FALSE);
  file->n_checks--;
  forget_if_unused (path, file);
  g_cond_broadcast (&checks_ended);
  G_UNLOCK (open_files);
}

guint
rd_store_get_n_running_checks (const char *path)
{
  OpenFile *file;
  guint n;

  G_LOCK (open_files);
  file = lookup_open_file (path, FALSE);
  n = file != NULL ? file->n_checks : 0;
  G_UNLOCK (open_files);
  return n;
}

static gboolean
check_stopped (const RunningCheck *check)
{
  gboolean closing;

  G_LOCK (open_files);
  closing = lookup_open_file (check->path, FALSE)->closing;
  G_UNLOCK (open_files);
  return closing || g_cancellable_is_cancelled (check->cancellable);
}

static int
check_progress (void *data)
{
  return check_stopped (data);
}

gboolean
rd_store_check_file (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  RunningCheck check = { path, cancellable };
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_header (path, error))
    return FALSE;

  begin_check (path);
  /* A file nobody has open is read as it lies: no -wal or -shm is made. */
  if (is_wal_without_log (path))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      rd_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      end_check (path);
      return FALSE;
    }
  harden_connection (db);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_progress_handler (db, 10000, check_progress, &check);

  ok = !check_stopped (&check) && full_check (db, path, error);
  sqlite3_close (db);
  if (!ok && check_stopped (&check))
    {
      g_clear_error (error);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("The check stopped: the database was closed (%s)"), path);
    }
  end_check (path);
  return ok;
}

/* Steps a bound statement to its end, reading every row. */
GPtrArray *
rd_store_collect_rows (RdStore        *self,
                       sqlite3_stmt   *stmt,
                       RdStoreRowReader  read_row,
                       GDestroyNotify  free_row,
                       GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* The first row, or NULL with @error unset when there is none. */
gpointer
rd_store_collect_one_row (RdStore           *self,
                          sqlite3_stmt      *stmt,
                          RdStoreRowReader   read_row,
                          GDestroyNotify     free_row,
                          GError           **error)
{
  g_autoptr(GPtrArray) rows = rd_store_collect_rows (self, stmt, read_row, free_row, error);

  if (rows == NULL || rows->len == 0)
    return NULL;

  return g_ptr_array_steal_index (rows, 0);
}

/* The id in the first column of a one-parameter lookup, or 0. */
gint64
rd_store_lookup_id (RdStore    *self,
                    const char *sql,
                    gint64      key)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

void
rd_store_bind_text_or_null (sqlite3_stmt *stmt,
                            int           column,
                            const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

gboolean
rd_store_clean_text (RdField      field,
                     const char  *text,
                     char       **out,
                     GError     **error)
{
  return rd_field_clean (field, text, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, out, error);
}

/* A write that changed no row addressed something that is not there. */
gboolean
rd_store_expect_changed (RdStore     *self,
                         RdStoreRow   kind,
                         gint64       id,
                         GError     **error)
{
  g_autofree char *id_text = NULL;

  if (sqlite3_changes (self->db) > 0)
    return TRUE;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  switch (kind)
    {
    case RD_STORE_ROW_SCHOOL:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no school with id %s"), id_text);
      break;
    case RD_STORE_ROW_ASSESSMENT:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %s"), id_text);
      break;
    case RD_STORE_ROW_ACTION:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no action with id %s"), id_text);
      break;
    case RD_STORE_ROW_STAFF_MEMBER:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with id %s"), id_text);
      break;
    case RD_STORE_ROW_LEARNING_ACTIVITY:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no learning activity with id %s"), id_text);
      break;
    case RD_STORE_ROW_RESPONDENT:
    default:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no respondent with id %s"), id_text);
      break;
    }

  return FALSE;
}

gboolean
rd_store_purge_trash (RdStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  /* ON DELETE CASCADE takes respondents, answers and targets along. */
  if (!rd_store_exec (self,
             "BEGIN IMMEDIATE;"
             "DELETE FROM action WHERE trashed = 1;"
             "DELETE FROM own_question WHERE trashed = 1;"
             "DELETE FROM learning_activity WHERE trashed = 1;"
             "DELETE FROM staff_member WHERE trashed = 1;"
             "DELETE FROM assessment WHERE trashed = 1;"
             "DELETE FROM school WHERE trashed = 1;"
             "COMMIT;", error))
    {
      rd_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}
