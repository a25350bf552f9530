#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* A school's own questions and their answers: the part of RdStore that
 * keeps them apart from the framework's (migration 8). */

#define QUESTION_COLUMNS \
  "number, kind, area, text, help, audience, strategy, engagement, capacity, investment, " \
  "unit, minimum, maximum, target, direction "

static char *
id_of_number (gint64 number)
{
  return g_strdup_printf (RD_OWN_QUESTION_ID_PREFIX "%" G_GINT64_FORMAT, number);
}

static double
column_or (sqlite3_stmt *stmt,
           int           column,
           double        fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback : sqlite3_column_double (stmt, column);
}

/* A row of QUESTION_COLUMNS from @first on, checked as it was when written. */
static RdOwnQuestion *
read_question (sqlite3_stmt  *stmt,
               int            first,
               GError       **error)
{
  g_autofree char *id = id_of_number (sqlite3_column_int64 (stmt, first));
  RdOwnQuestionInfo info;

  rd_own_question_info_init (&info);
  info.id = id;
  rd_item_kind_from_id ((const char *) sqlite3_column_text (stmt, first + 1), &info.kind);
  info.area_id = (const char *) sqlite3_column_text (stmt, first + 2);
  info.text = (const char *) sqlite3_column_text (stmt, first + 3);
  info.help = (const char *) sqlite3_column_text (stmt, first + 4);
  info.audience = (guint) sqlite3_column_int (stmt, first + 5);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    info.weights[f] = sqlite3_column_double (stmt, first + 6 + (int) f);
  info.unit = (const char *) sqlite3_column_text (stmt, first + 10);
  info.min = sqlite3_column_double (stmt, first + 11);
  info.max = column_or (stmt, first + 12, INFINITY);
  info.target = column_or (stmt, first + 13, NAN);
  rd_own_direction_from_id ((const char *) sqlite3_column_text (stmt, first + 14), &info.direction);

  return rd_own_question_new (&info, NULL, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT, error);
}

/* The question's values from parameter @first on, in QUESTION_COLUMNS' order. */
static void
bind_question (sqlite3_stmt  *stmt,
               int            first,
               gint64         number,
               RdOwnQuestion *question)
{
  double max = rd_own_question_get_max (question);
  double target = rd_own_question_get_target (question);
  RdItemKind kind = rd_own_question_get_kind (question);

  sqlite3_bind_int64 (stmt, first, number);
  sqlite3_bind_text (stmt, first + 1, rd_item_kind_to_id (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, rd_own_question_get_area_id (question), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, first + 3, rd_own_question_get_text (question), -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, first + 4, rd_own_question_get_help (question));
  sqlite3_bind_int (stmt, first + 5, (int) rd_own_question_get_audience (question));
  for (guint f = 0; f < RD_N_FACTORS; f++)
    sqlite3_bind_double (stmt, first + 6 + (int) f, rd_own_question_get_weight (question, f));
  rd_store_bind_text_or_null (stmt, first + 10, rd_own_question_get_unit (question));
  sqlite3_bind_double (stmt, first + 11, rd_own_question_get_min (question));
  if (isfinite (max))
    sqlite3_bind_double (stmt, first + 12, max);
  else
    sqlite3_bind_null (stmt, first + 12);
  if (kind != RD_ITEM_KIND_STATEMENT && isfinite (target))
    sqlite3_bind_double (stmt, first + 13, target);
  else
    sqlite3_bind_null (stmt, first + 13);
  sqlite3_bind_text (stmt, first + 14, rd_own_direction_to_id (rd_own_question_get_direction (question)), -1,
                     SQLITE_STATIC);
}

static GPtrArray *
list_questions (RdStore  *self,
                gint64    assessment_id,
                GError  **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rd_store_prepare (self,
                           "SELECT " QUESTION_COLUMNS "FROM own_question "
                           "WHERE assessment_id = ?1 AND trashed = 0 ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdOwnQuestion *question = read_question (stmt, 0, error);

      if (question == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (questions, question);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&questions);
}

GPtrArray *
rd_store_list_own_questions (RdStore  *self,
                             gint64    assessment_id,
                             GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  return list_questions (self, assessment_id, error);
}

/* Own questions change only while their assessment is a draft of the
 * school's own answers. */
static gboolean
check_questions_editable (RdStore  *self,
                          gint64    assessment_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean found, complete = FALSE, summary = FALSE;
  int rc;

  stmt = rd_store_prepare (self, "SELECT status, summary_only FROM assessment WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  if (found)
    {
      complete = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "complete") == 0;
      summary = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (!found)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND, _("There is no assessment with id %s"), id_text);
      return FALSE;
    }
  if (summary)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment was imported as a summary; it has no questions to answer"));
      return FALSE;
    }
  if (complete)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment is complete; reopen it to change its own questions"));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_number (RdStore     *self,
              const char  *sql,
              gint64       assessment_id,
              GError     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, error);
  gint64 value = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);
  return value;
}

static gint64
count_live (RdStore  *self,
            gint64    assessment_id,
            GError  **error)
{
  return query_number (self, "SELECT count(*) FROM own_question WHERE assessment_id = ?1 AND trashed = 0",
                       assessment_id, error);
}

static gboolean
check_room (RdStore  *self,
            gint64    assessment_id,
            GError  **error)
{
  gint64 n = count_live (self, assessment_id, error);

  if (n < 0)
    return FALSE;
  if (n >= RD_MAX_OWN_QUESTIONS)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "An assessment can have at most %d question of its own",
                                "An assessment can have at most %d questions of its own", RD_MAX_OWN_QUESTIONS),
                   RD_MAX_OWN_QUESTIONS);
      return FALSE;
    }
  return TRUE;
}

/* A new number: after every other, trashed ones too, so that a question
 * waiting to be undone keeps its own. */
static gint64
insert_question (RdStore        *self,
                 gint64          assessment_id,
                 RdOwnQuestion  *question,
                 GError        **error)
{
  gint64 number = query_number (self,
                                "SELECT coalesce(max(number), 0) + 1 FROM own_question WHERE assessment_id = ?1",
                                assessment_id, error);
  sqlite3_stmt *stmt;

  if (number < 0)
    return 0;
  stmt = rd_store_prepare (self,
                           "INSERT INTO own_question (assessment_id, created, " QUESTION_COLUMNS ") "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  bind_question (stmt, 3, number, question);
  if (!rd_store_step_done (self, stmt, error))
    return 0;
  return number;
}

/* @question under the id the store gave it. */
static RdOwnQuestion *
with_number (RdOwnQuestion  *question,
             gint64          number,
             GError        **error)
{
  g_autofree char *id = id_of_number (number);
  RdOwnQuestionInfo info;

  rd_own_question_get_info (question, &info);
  info.id = id;
  return rd_own_question_new (&info, NULL, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, error);
}

RdOwnQuestion *
rd_store_add_own_question (RdStore                  *self,
                           gint64                    assessment_id,
                           RdFramework              *framework,
                           const RdOwnQuestionInfo  *info,
                           GError                  **error)
{
  g_autoptr(RdOwnQuestion) question = NULL;
  RdOwnQuestionInfo unnumbered;
  gint64 number;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  unnumbered = *info;
  unnumbered.id = NULL;
  question = rd_own_question_new (&unnumbered, framework, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, error);
  if (question == NULL || !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!check_questions_editable (self, assessment_id, error) || !check_room (self, assessment_id, error) ||
      (number = insert_question (self, assessment_id, question, error)) == 0 ||
      !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return NULL;
    }

  rd_store_emit_changed (self, RD_STORE_CHANGE_OWN_QUESTIONS, assessment_id);
  return with_number (question, number, error);
}

/* The answers given to question @number: they must fit @question. */
static gboolean
check_answers_fit (RdStore        *self,
                   gint64          assessment_id,
                   gint64          number,
                   RdOwnQuestion  *question,
                   GError        **error)
{
  sqlite3_stmt *stmt;
  guint n_misfits = 0;
  int rc;

  stmt = rd_store_prepare (self,
                           "SELECT w.value FROM own_answer w JOIN own_question q ON q.id = w.question_id "
                           "WHERE q.assessment_id = ?1 AND q.number = ?2 AND w.not_applicable = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n_misfits += !rd_own_question_check_value (question, sqlite3_column_double (stmt, 0), NULL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  if (n_misfits > 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u answer given to this question does not fit what it now takes: keep its kind and "
                                "range, or remove the question and add a new one",
                                "%u answers given to this question do not fit what it now takes: keep its kind and "
                                "range, or remove the question and add a new one", n_misfits),
                   n_misfits);
      return FALSE;
    }
  return TRUE;
}

static gboolean
expect_question (RdStore     *self,
                 const char  *question_id,
                 GError     **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
               _("There is no question “%s” in this assessment"), question_id);
  return FALSE;
}

static gint64
number_of (const char  *question_id,
           GError     **error)
{
  guint number = rd_own_question_id_number (question_id);

  if (number == 0)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no question “%s” in this assessment"), question_id ? question_id : "");
  return number;
}

RdOwnQuestion *
rd_store_update_own_question (RdStore                  *self,
                              gint64                    assessment_id,
                              RdFramework              *framework,
                              const RdOwnQuestionInfo  *info,
                              GError                  **error)
{
  g_autoptr(RdOwnQuestion) question = NULL;
  sqlite3_stmt *stmt;
  gint64 number;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if ((number = number_of (info->id, error)) == 0)
    return NULL;
  question = rd_own_question_new (info, framework, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, error);
  if (question == NULL || !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!check_questions_editable (self, assessment_id, error) ||
      !check_answers_fit (self, assessment_id, number, question, error))
    goto failed;

  stmt = rd_store_prepare (self,
                           "UPDATE own_question SET kind = ?4, area = ?5, text = ?6, help = ?7, audience = ?8, "
                           "strategy = ?9, engagement = ?10, capacity = ?11, investment = ?12, unit = ?13, "
                           "minimum = ?14, maximum = ?15, target = ?16, direction = ?17 "
                           "WHERE assessment_id = ?1 AND number = ?3 AND trashed = 0", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  bind_question (stmt, 3, number, question);
  if (!rd_store_step_done (self, stmt, error) || !expect_question (self, info->id, error) ||
      !rd_store_exec (self, "COMMIT", error))
    goto failed;

  rd_store_emit_changed (self, RD_STORE_CHANGE_OWN_QUESTIONS, assessment_id);
  return g_steal_pointer (&question);

failed:
  rd_store_rollback (self);
  return NULL;
}

static gboolean
set_trashed (RdStore     *self,
             gint64       assessment_id,
             const char  *question_id,
             gboolean     trashed,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 number;

  if ((number = number_of (question_id, error)) == 0 || !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!check_questions_editable (self, assessment_id, error) ||
      (!trashed && !check_room (self, assessment_id, error)))
    goto failed;

  stmt = rd_store_prepare (self,
                           "UPDATE own_question SET trashed = ?3 "
                           "WHERE assessment_id = ?1 AND number = ?2 AND trashed = 1 - ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int (stmt, 3, trashed ? 1 : 0);
  if (!rd_store_step_done (self, stmt, error) || !expect_question (self, question_id, error) ||
      !rd_store_exec (self, "COMMIT", error))
    goto failed;

  rd_store_emit_changed (self, RD_STORE_CHANGE_OWN_QUESTIONS, assessment_id);
  /* Its answers leave the figures, or come back to them. */
  rd_store_emit_changed (self, RD_STORE_CHANGE_ANSWERS, assessment_id);
  return TRUE;

failed:
  rd_store_rollback (self);
  return FALSE;
}

gboolean
rd_store_trash_own_question (RdStore     *self,
                             gint64       assessment_id,
                             const char  *question_id,
                             GError     **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, assessment_id, question_id, TRUE, error);
}

/* Fails when the assessment has its ten questions again meanwhile. */
gboolean
rd_store_restore_own_question (RdStore     *self,
                               gint64       assessment_id,
                               const char  *question_id,
                               GError     **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, assessment_id, question_id, FALSE, error);
}

/* Only what is still in the trash, with its answers (ON DELETE CASCADE). */
gboolean
rd_store_purge_own_question (RdStore     *self,
                             gint64       assessment_id,
                             const char  *question_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 number;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if ((number = number_of (question_id, error)) == 0)
    return FALSE;
  stmt = rd_store_prepare (self, "DELETE FROM own_question WHERE assessment_id = ?1 AND number = ?2 AND trashed = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, number);
  return rd_store_step_done (self, stmt, error);
}

guint
rd_store_count_own_answers (RdStore     *self,
                            gint64       assessment_id,
                            const char  *question_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  stmt = rd_store_prepare (self,
                           "SELECT count(*) FROM own_answer w JOIN own_question q ON q.id = w.question_id "
                           "WHERE q.assessment_id = ?1 AND q.number = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, rd_own_question_id_number (question_id));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  else
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);
  return n;
}

#define OWN_ANSWER_COLUMNS \
  "w.respondent_id, r.respondent_group, q.number, w.not_applicable, w.value, w.answered "
#define OWN_ANSWER_TABLES \
  "own_answer w JOIN own_question q ON q.id = w.question_id JOIN respondent r ON r.id = w.respondent_id "

static gpointer
read_own_answer (sqlite3_stmt *stmt)
{
  RdAnswer *answer = rd_answer_new ();

  answer->respondent_id = sqlite3_column_int64 (stmt, 0);
  rd_group_from_id ((const char *) sqlite3_column_text (stmt, 1), &answer->group);
  answer->item_id = id_of_number (sqlite3_column_int64 (stmt, 2));
  answer->item_version = 1;
  answer->not_applicable = sqlite3_column_int (stmt, 3) != 0;
  answer->value = column_or (stmt, 4, NAN);
  answer->answered = sqlite3_column_int64 (stmt, 5);
  return answer;
}

/* The answers to the questions not in the trash, by respondent and question. */
GPtrArray *
rd_store_list_own_answers (RdStore  *self,
                           gint64    assessment_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT " OWN_ANSWER_COLUMNS "FROM " OWN_ANSWER_TABLES
                           "WHERE q.assessment_id = ?1 AND q.trashed = 0 ORDER BY w.respondent_id, q.number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return rd_store_collect_rows (self, stmt, read_own_answer, (GDestroyNotify) rd_answer_free, error);
}

GPtrArray *
rd_store_list_own_answers_of (RdStore  *self,
                              gint64    respondent_id,
                              GError  **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT " OWN_ANSWER_COLUMNS "FROM " OWN_ANSWER_TABLES
                                         "WHERE w.respondent_id = ?1 AND q.trashed = 0 ORDER BY q.number", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, respondent_id);
  return rd_store_collect_rows (self, stmt, read_own_answer, (GDestroyNotify) rd_answer_free, error);
}

RdAnswer *
rd_store_get_own_answer (RdStore     *self,
                         gint64       respondent_id,
                         const char  *question_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = rd_store_prepare (self,
                           "SELECT " OWN_ANSWER_COLUMNS "FROM " OWN_ANSWER_TABLES
                           "WHERE w.respondent_id = ?1 AND q.number = ?2 AND q.trashed = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_int64 (stmt, 2, rd_own_question_id_number (question_id));
  rows = rd_store_collect_rows (self, stmt, read_own_answer, (GDestroyNotify) rd_answer_free, error);
  return rows != NULL && rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
}

/* The question @number of the respondent's assessment as stored now, and
 * its row id; NULL when it has none (or it is in the trash). */
static RdOwnQuestion *
stored_question (RdStore  *self,
                 gint64    respondent_id,
                 gint64    number,
                 gint64   *row,
                 GError  **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT q.id, " QUESTION_COLUMNS "FROM own_question q JOIN respondent r "
                                         "ON r.assessment_id = q.assessment_id "
                                         "WHERE r.id = ?1 AND q.number = ?2 AND q.trashed = 0", error);
  RdOwnQuestion *question = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_int64 (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *row = sqlite3_column_int64 (stmt, 0);
      question = read_question (stmt, 1, error);
    }
  else if (rc != SQLITE_DONE)
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);
  return question;
}

/* Checked against the question as it is stored (an edit may have changed
 * it since @item was made), then committed at once, like the framework's
 * answers; it leaves the reference date and the kept scores as they are. */
gboolean
rd_store_put_own_answer (RdStore         *self,
                         RdItem          *item,
                         const RdAnswer  *answer,
                         GError         **error)
{
  const char *question_id = rd_item_get_id (item);
  g_autoptr(RdOwnQuestion) question = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 assessment_id = 0, row = 0;
  sqlite3_stmt *stmt;

  if (!rd_store_check_editable (self, answer->respondent_id, &assessment_id, error))
    return FALSE;
  question = stored_question (self, answer->respondent_id, rd_own_question_id_number (question_id), &row,
                              &local_error);
  if (question == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                     _("There is no question “%s” in this assessment"), question_id);
      return FALSE;
    }
  if (!answer->not_applicable && !rd_own_question_check_value (question, answer->value, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                           "INSERT INTO own_answer (respondent_id, question_id, value, not_applicable, answered) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (respondent_id, question_id) DO UPDATE SET "
                           "value = excluded.value, not_applicable = excluded.not_applicable, "
                           "answered = excluded.answered", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, answer->respondent_id);
  sqlite3_bind_int64 (stmt, 2, row);
  if (answer->not_applicable)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_double (stmt, 3, answer->value);
  sqlite3_bind_int (stmt, 4, answer->not_applicable ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, answer->answered != 0 ? answer->answered : g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  rd_store_emit_answer_changed (self, assessment_id, answer->respondent_id, question_id, TRUE);
  return TRUE;
}

gboolean
rd_store_clear_own_answer (RdStore     *self,
                           gint64       respondent_id,
                           const char  *question_id,
                           GError     **error)
{
  gint64 assessment_id = 0;
  sqlite3_stmt *stmt;

  if (!rd_store_check_editable (self, respondent_id, &assessment_id, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                           "DELETE FROM own_answer WHERE respondent_id = ?1 AND question_id = "
                           "(SELECT q.id FROM own_question q JOIN respondent r ON r.assessment_id = q.assessment_id "
                           " WHERE r.id = ?1 AND q.number = ?2 AND q.trashed = 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_int64 (stmt, 2, rd_own_question_id_number (question_id));
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  rd_store_emit_answer_changed (self, assessment_id, respondent_id, question_id, FALSE);
  return TRUE;
}

/* Copying to other schools */

void
rd_own_copy_target_free (RdOwnCopyTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->school_name);
  g_free (target);
}

static gpointer
read_copy_target (sqlite3_stmt *stmt)
{
  RdOwnCopyTarget *target = g_new0 (RdOwnCopyTarget, 1);

  target->assessment_id = sqlite3_column_int64 (stmt, 0);
  target->school_id = sqlite3_column_int64 (stmt, 1);
  target->school_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  target->editable = sqlite3_column_int (stmt, 3) != 0;
  return target;
}

/* One assessment per other school: a draft of its own answers first, as
 * questions go where they can still be answered; then full before pulse,
 * newest. */
GPtrArray *
rd_store_list_own_copy_targets (RdStore      *self,
                                RdFramework  *framework,
                                gint64        assessment_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *targets;
  sqlite3_stmt *stmt;
  gint64 last_school = 0;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT a.id, s.id, s.name, a.status = 'draft' AND a.summary_only = 0 AS editable "
                           "FROM assessment a JOIN school s ON s.id = a.school_id "
                           "JOIN assessment source ON source.id = ?1 "
                           "WHERE a.school_year = source.school_year AND a.school_id <> source.school_id "
                           "AND a.framework_id = ?2 AND a.trashed = 0 AND s.trashed = 0 "
                           "ORDER BY s.name COLLATE NOCASE, s.id, editable DESC, a.mode = 'full' DESC, "
                           "a.created DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  rows = rd_store_collect_rows (self, stmt, read_copy_target, (GDestroyNotify) rd_own_copy_target_free, error);
  if (rows == NULL)
    return NULL;

  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_own_copy_target_free);
  for (guint i = 0; i < rows->len; i++)
    {
      RdOwnCopyTarget *target = g_ptr_array_index (rows, i);

      if (target->school_id == last_school)
        continue;
      last_school = target->school_id;
      g_ptr_array_add (targets, g_ptr_array_steal_index (rows, i--));
    }
  return targets;
}

static gboolean
has_same_text (GPtrArray     *questions,
               RdOwnQuestion *question)
{
  for (guint i = 0; i < questions->len; i++)
    if (rd_own_question_same_text (rd_own_question_get_text (g_ptr_array_index (questions, i)),
                                   rd_own_question_get_text (question)))
      return TRUE;
  return FALSE;
}

static gboolean
copy_to (RdStore          *self,
         GPtrArray        *questions,
         gint64            target,
         RdOwnCopyResult  *result,
         gboolean         *changed,
         GError          **error)
{
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GError) locked = NULL;

  *changed = FALSE;
  if (!check_questions_editable (self, target, &locked))
    {
      if (!g_error_matches (locked, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE))
        {
          g_propagate_error (error, g_steal_pointer (&locked));
          return FALSE;
        }
      result->n_locked++;
      return TRUE;
    }

  present = list_questions (self, target, error);
  if (present == NULL)
    return FALSE;
  for (guint q = 0; q < questions->len; q++)
    {
      RdOwnQuestion *question = g_ptr_array_index (questions, q);

      if (has_same_text (present, question))
        result->n_same++;
      else if (present->len >= RD_MAX_OWN_QUESTIONS)
        result->n_full++;
      else
        {
          if (insert_question (self, target, question, error) == 0)
            return FALSE;
          g_ptr_array_add (present, g_object_ref (question));
          result->n_added++;
          *changed = TRUE;
        }
    }
  result->n_assessments += *changed;
  return TRUE;
}

gboolean
rd_store_copy_own_questions (RdStore          *self,
                             RdFramework      *framework,
                             gint64            assessment_id,
                             const gint64     *targets,
                             guint             n_targets,
                             RdOwnCopyResult  *result,
                             GError          **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  *result = (RdOwnCopyResult) { 0 };
  questions = list_questions (self, assessment_id, error);
  if (questions == NULL || !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint t = 0; t < n_targets; t++)
    {
      gboolean added = FALSE;

      if (targets[t] == assessment_id)
        continue;
      if (!copy_to (self, questions, targets[t], result, &added, error))
        {
          rd_store_rollback (self);
          *result = (RdOwnCopyResult) { 0 };
          return FALSE;
        }
      if (added)
        g_array_append_val (changed, targets[t]);
    }
  if (!rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      *result = (RdOwnCopyResult) { 0 };
      return FALSE;
    }

  for (guint i = 0; i < changed->len; i++)
    rd_store_emit_changed (self, RD_STORE_CHANGE_OWN_QUESTIONS, g_array_index (changed, gint64, i));
  return TRUE;
}
