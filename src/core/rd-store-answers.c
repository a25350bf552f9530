#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* Respondents and their answers to the framework's items: the part of
 * RdStore that the questionnaire and the survey import write through. */

gint64
rd_store_add_respondent (RdStore     *self,
                         gint64       assessment_id,
                         RdGroup      group,
                         const char  *pseudonym,
                         GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *clean_pseudonym = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (group < RD_N_GROUPS, 0);

  if (!rd_store_clean_text (RD_FIELD_PSEUDONYM, pseudonym, &clean_pseudonym, error))
    return 0;

  stmt = rd_store_prepare (self,
                  "INSERT INTO respondent (uuid, assessment_id, respondent_group, pseudonym, created) "
                  "SELECT ?1, id, ?3, ?4, ?5 FROM assessment WHERE id = ?2", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  sqlite3_bind_text (stmt, 3, rd_group_to_id (group), -1, SQLITE_STATIC);
  rd_store_bind_text_or_null (stmt, 4, clean_pseudonym);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

gboolean
rd_store_set_respondent_group (RdStore  *self,
                               gint64    respondent_id,
                               RdGroup   group,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (group < RD_N_GROUPS, FALSE);

  stmt = rd_store_prepare (self, "UPDATE respondent SET respondent_group = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_text (stmt, 2, rd_group_to_id (group), -1, SQLITE_STATIC);
  return rd_store_step_done (self, stmt, error) &&
         rd_store_expect_changed (self, RD_STORE_ROW_RESPONDENT, respondent_id, error);
}

static gpointer
read_respondent (sqlite3_stmt *stmt)
{
  RdRespondent *respondent = g_new0 (RdRespondent, 1);

  respondent->id = sqlite3_column_int64 (stmt, 0);
  rd_group_from_id ((const char *) sqlite3_column_text (stmt, 1), &respondent->group);
  respondent->pseudonym = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  respondent->n_answers = (guint) sqlite3_column_int64 (stmt, 3);
  return respondent;
}

GPtrArray *
rd_store_list_respondents (RdStore  *self,
                           gint64    assessment_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT r.id, r.respondent_group, r.pseudonym, "
                  "  (SELECT count(*) FROM answer w WHERE w.respondent_id = r.id) "
                  "FROM respondent r WHERE r.assessment_id = ?1 ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return rd_store_collect_rows (self, stmt, read_respondent, (GDestroyNotify) rd_respondent_free, error);
}

/* Answers can change only while their assessment is a draft; a complete
 * one must be reopened first. Gives the assessment's id. */
gboolean
rd_store_check_editable (RdStore  *self,
                         gint64    respondent_id,
                gint64   *assessment_id,
                GError  **error)
{
  sqlite3_stmt *stmt;
  const char *status = NULL;
  int rc;

  stmt = rd_store_prepare (self,
                  "SELECT a.id, a.status, a.summary_only FROM respondent r "
                  "JOIN assessment a ON a.id = r.assessment_id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *assessment_id = sqlite3_column_int64 (stmt, 0);
      status = (const char *) sqlite3_column_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_reset (stmt);
      return FALSE;
    }

  if (status == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, respondent_id);

      sqlite3_reset (stmt);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no respondent with id %s"), id_text);
      return FALSE;
    }

  /* An imported summary has scores but no answers that could change them. */
  if (sqlite3_column_int (stmt, 2) != 0)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment was imported as a summary; it has no answers to change"));
      return FALSE;
    }

  if (!g_str_equal (status, rd_assessment_status_to_id (RD_ASSESSMENT_STATUS_DRAFT)))
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment is complete; reopen it to change answers"));
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
answered_or_now (const RdAnswer *answer)
{
  return answer->answered != 0 ? answer->answered : g_get_real_time () / G_USEC_PER_SEC;
}

/* Validates @answer against @item and writes it for @respondent_id, in
 * whatever transaction is open. An answer to an older version of the item
 * keeps that version when the framework counts it comparable. */
gboolean
rd_store_write_answer (RdStore         *self,
                       RdItem          *item,
                       gint64           respondent_id,
                       const RdAnswer  *answer,
                       GError         **error)
{
  gint64 answered = answered_or_now (answer);
  guint version = rd_item_accepts_version (item, answer->item_version) ? answer->item_version
                                                                       : rd_item_get_version (item);
  sqlite3_stmt *stmt;

  if (!answer->not_applicable)
    {
      if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
        {
          RdAnswer dated = *answer;
          GDate date, answered_on;

          dated.answered = answered;
          rd_answer_get_date (&dated, &date);
          rd_answer_get_answered_date (&dated, &answered_on);
          if (!rd_item_check_date (item, &date, &answered_on, error))
            return FALSE;
        }
      else if (!rd_item_check_value (item, answer->value, error))
        return FALSE;
    }

  stmt = rd_store_prepare (self,
                  "INSERT INTO answer (respondent_id, item_id, item_version, value, date, "
                  "  not_applicable, answered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                  "ON CONFLICT (respondent_id, item_id) DO UPDATE SET "
                  "  item_version = excluded.item_version, value = excluded.value, "
                  "  date = excluded.date, not_applicable = excluded.not_applicable, "
                  "  answered = excluded.answered", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_text (stmt, 2, rd_item_get_id (item), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, version);
  if (answer->not_applicable)
    {
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_null (stmt, 5);
    }
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date;
      char iso[16];

      rd_answer_get_date (answer, &date);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, iso, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_double (stmt, 4, answer->value);
      sqlite3_bind_null (stmt, 5);
    }
  sqlite3_bind_int (stmt, 6, answer->not_applicable ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, answered);

  return rd_store_step_done (self, stmt, error);
}

/* Keeps @assessment_id's reference date at the last day an answer was
 * given: the day its date items are scored against (help/C/scores.page). */
static gboolean
note_answer_day (RdStore  *self,
                 gint64    assessment_id,
                 gint64    answered,
                 GError  **error)
{
  g_autofree char *day = rd_day_to_iso (rd_day_from_unix_local (answered));
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "UPDATE assessment SET reference_date = ?2 WHERE id = ?1 "
                                         "AND (reference_date IS NULL OR reference_date < ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  return rd_store_step_done (self, stmt, error);
}

/* Validates against the item, then commits at once: there is no save button. */
gboolean
rd_store_put_answer (RdStore         *self,
                     RdItem          *item,
                     const RdAnswer  *answer,
                     GError         **error)
{
  gint64 assessment_id = 0;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_ITEM (item), FALSE);

  if (rd_item_is_own (item))
    return rd_store_put_own_answer (self, item, answer, error);
  if (!rd_store_check_editable (self, answer->respondent_id, &assessment_id, error) ||
      !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!rd_store_write_answer (self, item, answer->respondent_id, answer, error) ||
      !note_answer_day (self, assessment_id, answered_or_now (answer), error) ||
      !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return FALSE;
    }

  rd_store_emit_answer_changed (self, assessment_id, answer->respondent_id, rd_item_get_id (item), TRUE);
  return TRUE;
}

/* One respondent and its answers, inside the caller's transaction. */
static gboolean
insert_response (RdStore           *self,
                 gint64             assessment_id,
                 RdFramework       *framework,
                 const RdResponse  *response,
                 GError           **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *pseudonym = NULL;
  sqlite3_stmt *stmt;
  gint64 respondent_id, last_answered = 0;

  if (!rd_store_clean_text (RD_FIELD_PSEUDONYM, response->pseudonym, &pseudonym, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                  "INSERT INTO respondent (uuid, assessment_id, respondent_group, pseudonym, created) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  sqlite3_bind_text (stmt, 3, rd_group_to_id (response->group), -1, SQLITE_STATIC);
  rd_store_bind_text_or_null (stmt, 4, pseudonym);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;
  respondent_id = sqlite3_last_insert_rowid (self->db);

  for (guint a = 0; a < response->answers->len; a++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, a);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (item == NULL)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                       _("The framework has no item “%s”"), answer->item_id);
          return FALSE;
        }
      if (!rd_store_write_answer (self, item, respondent_id, answer, error))
        return FALSE;
      last_answered = MAX (last_answered, answered_or_now (answer));
    }

  return last_answered == 0 || note_answer_day (self, assessment_id, last_answered, error);
}

static const RdResponse *
next_in_array (guint     index,
               gpointer  user_data,
               GError  **error)
{
  return g_ptr_array_index ((GPtrArray *) user_data, index);
}

/* Adds every response as a new anonymous respondent, all in one
 * transaction: one bad answer and nothing at all is added. */
gboolean
rd_store_add_responses (RdStore      *self,
                        gint64        assessment_id,
                        RdFramework  *framework,
                        GPtrArray    *responses,
                        GError      **error)
{
  g_return_val_if_fail (responses != NULL, FALSE);

  return rd_store_add_responses_from (self, assessment_id, framework, responses->len, next_in_array, responses,
                                      NULL, NULL, NULL, error);
}

/* How often a long import reports progress and looks for a cancel: a few
 * milliseconds of work. */
#define RESPONSES_PER_STEP 256

/* As rd_store_add_responses(), with the responses made one at a time by
 * @next (so that a large import holds no copy of them all), progress and
 * cancel. Cancelling rolls the whole transaction back. */
gboolean
rd_store_add_responses_from (RdStore             *self,
                             gint64               assessment_id,
                             RdFramework         *framework,
                             guint                n_responses,
                             RdResponseSource     next,
                             gpointer             next_data,
                             GCancellable        *cancellable,
                             RdStoreProgress      progress,
                             gpointer             progress_data,
                             GError             **error)
{
  g_autoptr(RdAssessment) assessment = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  assessment = rd_store_get_assessment (self, assessment_id, error);
  if (assessment == NULL)
    return FALSE;
  if (rd_assessment_get_status (assessment) != RD_ASSESSMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment is complete; reopen it to change answers"));
      return FALSE;
    }

  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint r = 0; r < n_responses; r++)
    {
      const RdResponse *response;

      if (r % RESPONSES_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (progress != NULL)
            progress (r, n_responses, progress_data);
        }

      response = next (r, next_data, error);
      if (response == NULL || !insert_response (self, assessment_id, framework, response, error))
        goto failed;
    }

  /* The last chance to cancel: after this, everything is kept. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rd_store_exec (self, "COMMIT", error))
    goto failed;
  if (progress != NULL)
    progress (n_responses, n_responses, progress_data);

  rd_store_emit_changed (self, RD_STORE_CHANGE_ANSWERS, assessment_id);
  return TRUE;

failed:
  rd_store_rollback (self);
  return FALSE;
}

/* For changes made through another connection (a worker's): this one's
 * listeners now show them. */
void
rd_store_notify_answers_changed (RdStore *self,
                                 gint64   assessment_id)
{
  g_return_if_fail (RD_IS_STORE (self));
  rd_store_emit_changed (self, RD_STORE_CHANGE_ANSWERS, assessment_id);
}

gboolean
rd_store_set_answer_value (RdStore  *self,
                           gint64    respondent_id,
                           RdItem   *item,
                           double    value,
                           GError  **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = value };

  return rd_store_put_answer (self, item, &answer, error);
}

gboolean
rd_store_set_answer_date (RdStore  *self,
                          gint64    respondent_id,
                          RdItem   *item,
                          GDate    *date,
                          GError  **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = NAN };

  if (date != NULL && g_date_valid (date))
    answer.julian_day = g_date_get_julian (date);

  return rd_store_put_answer (self, item, &answer, error);
}

gboolean
rd_store_set_answer_not_applicable (RdStore  *self,
                                    gint64    respondent_id,
                                    RdItem   *item,
                                    GError  **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = NAN, .not_applicable = TRUE };

  return rd_store_put_answer (self, item, &answer, error);
}

gboolean
rd_store_clear_answer (RdStore     *self,
                       gint64       respondent_id,
                       const char  *item_id,
                       GError     **error)
{
  gint64 assessment_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (g_str_has_prefix (item_id, RD_OWN_QUESTION_ID_PREFIX))
    return rd_store_clear_own_answer (self, respondent_id, item_id, error);
  if (!rd_store_check_editable (self, respondent_id, &assessment_id, error))
    return FALSE;

  stmt = rd_store_prepare (self, "DELETE FROM answer WHERE respondent_id = ?1 AND item_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  rd_store_emit_answer_changed (self, assessment_id, respondent_id, item_id, FALSE);
  return TRUE;
}

/* The assessment's first respondent; a new assessment gets a school leader,
 * the usual one person answering for the school. */
gint64
rd_store_ensure_respondent (RdStore  *self,
                            gint64    assessment_id,
                            GError  **error)
{
  gint64 respondent_id;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  respondent_id = rd_store_lookup_id (self, "SELECT min(id) FROM respondent WHERE assessment_id = ?1",
                             assessment_id);
  if (respondent_id != 0)
    return respondent_id;

  return rd_store_add_respondent (self, assessment_id, RD_GROUP_LEADER, NULL, error);
}

#define ANSWER_COLUMNS \
  "w.respondent_id, r.respondent_group, w.item_id, w.item_version, w.not_applicable, " \
  "w.value, w.date, w.answered, a.reference_date, s.school_type "
#define ANSWER_TABLES \
  "answer w JOIN respondent r ON r.id = w.respondent_id JOIN assessment a ON a.id = r.assessment_id " \
  "JOIN school s ON s.id = a.school_id "

gpointer
rd_store_read_answer (sqlite3_stmt *stmt)
{
  RdAnswer *answer = rd_answer_new ();

  answer->respondent_id = sqlite3_column_int64 (stmt, 0);
  rd_group_from_id ((const char *) sqlite3_column_text (stmt, 1), &answer->group);
  answer->item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  answer->item_version = (guint) sqlite3_column_int64 (stmt, 3);
  answer->not_applicable = sqlite3_column_int (stmt, 4) != 0;
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    answer->value = sqlite3_column_double (stmt, 5);
  answer->julian_day = rd_day_from_iso ((const char *) sqlite3_column_text (stmt, 6));
  answer->answered = sqlite3_column_int64 (stmt, 7);
  answer->reference_day = rd_day_from_iso ((const char *) sqlite3_column_text (stmt, 8));
  answer->school_type = rd_store_column_school_type (stmt, 9);

  return answer;
}

RdAnswer *
rd_store_get_answer (RdStore     *self,
                     gint64       respondent_id,
                     const char  *item_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (g_str_has_prefix (item_id, RD_OWN_QUESTION_ID_PREFIX))
    return rd_store_get_own_answer (self, respondent_id, item_id, error);
  stmt = rd_store_prepare (self,
                  "SELECT " ANSWER_COLUMNS "FROM " ANSWER_TABLES
                  "WHERE w.respondent_id = ?1 AND w.item_id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
  return rd_store_collect_one_row (self, stmt, rd_store_read_answer, (GDestroyNotify) rd_answer_free, error);
}

GPtrArray *
rd_store_list_answers (RdStore  *self,
                       gint64    assessment_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ANSWER_COLUMNS "FROM " ANSWER_TABLES
                  "WHERE r.assessment_id = ?1 ORDER BY w.respondent_id, w.item_id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return rd_store_collect_rows (self, stmt, rd_store_read_answer, (GDestroyNotify) rd_answer_free, error);
}

/* One respondent's answers, to the school's own questions too (as
 * rd_store_get_answer() gives them), by item. */
GPtrArray *
rd_store_list_respondent_answers (RdStore  *self,
                                  gint64    respondent_id,
                                  GError  **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) own = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ANSWER_COLUMNS "FROM " ANSWER_TABLES
                  "WHERE w.respondent_id = ?1 ORDER BY w.item_id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, respondent_id);
  answers = rd_store_collect_rows (self, stmt, rd_store_read_answer, (GDestroyNotify) rd_answer_free, error);
  own = answers != NULL ? rd_store_list_own_answers_of (self, respondent_id, error) : NULL;
  if (own == NULL)
    return NULL;

  g_ptr_array_extend_and_steal (answers, g_steal_pointer (&own));
  return g_steal_pointer (&answers);
}
