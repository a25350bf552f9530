#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rd-errors.h"
#include "rd-exchange-log.h"
#include "rd-store-private.h"

/* Exchange files and the kept scores: the part of RdStore that regional
 * comparison needs. */

static void
bind_score (sqlite3_stmt *stmt,
            int           column,
            double        score)
{
  if (isnan (score))
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_double (stmt, column, score);
}

static double
column_score (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static gboolean
write_score (RdStore     *self,
             gint64       assessment_id,
             const char  *scope,
             const char  *key,
             double       score,
             double       spread,
             guint        n,
             GError     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "INSERT INTO assessment_score (assessment_id, scope, key, score, spread, n) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  bind_score (stmt, 4, score);
  bind_score (stmt, 5, spread);
  sqlite3_bind_int64 (stmt, 6, n);
  return rd_store_step_done (self, stmt, error);
}

/* Replaces @assessment_id's kept scores, computed with @framework; for a
 * summary also its group sizes. */
static gboolean
write_scores (RdStore                  *self,
              RdFramework              *framework,
              gint64                    assessment_id,
              const RdAssessmentScores *scores,
              GError                  **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "DELETE FROM assessment_score WHERE assessment_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (!write_score (self, assessment_id, "factor", rd_factor_to_id (f), scores->factor[f],
                      scores->factor_spread[f], scores->factor_n[f], error))
      return FALSE;
  for (guint a = 0; a < scores->n_areas; a++)
    if (!write_score (self, assessment_id, "area", scores->area_ids[a], scores->area[a], NAN, 0, error))
      return FALSE;
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (scores->group_sizes[g] > 0 &&
        !write_score (self, assessment_id, "group", rd_group_to_id (g), scores->group_sizes[g], NAN,
                      scores->group_sizes[g], error))
      return FALSE;

  /* Written after the answers, whose triggers marked the scores stale. */
  stmt = rd_store_prepare (self, "UPDATE assessment SET scores_stale = 0, scores_framework = ?2 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, rd_framework_get_version (framework), -1, SQLITE_TRANSIENT);
  return rd_store_step_done (self, stmt, error);
}

static gboolean
refresh_one (RdStore           *self,
             RdFramework       *framework,
             gint64             assessment_id,
             RdAssessmentMode   mode,
             GError           **error)
{
  g_autoptr(GPtrArray) answers = rd_store_list_scored_answers (self, framework, assessment_id, error);
  g_autoptr(RdAssessmentScores) scores = NULL;

  if (answers == NULL)
    return FALSE;
  scores = rd_assessment_scores_compute (framework, mode, answers);
  return write_scores (self, framework, assessment_id, scores, error);
}

gboolean
rd_store_refresh_scores (RdStore      *self,
                         RdFramework  *framework,
                         GError      **error)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);

  stmt = rd_store_prepare (self,
                           "SELECT id, mode FROM assessment WHERE summary_only = 0 AND framework_id = ?1 "
                           "AND (scores_stale = 1 OR scores_framework IS NOT ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rd_framework_get_version (framework), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), 0 };
      RdAssessmentMode mode = RD_ASSESSMENT_MODE_FULL;

      rd_assessment_mode_from_id ((const char *) sqlite3_column_text (stmt, 1), &mode);
      row[1] = mode;
      g_array_append_vals (stale, row, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (stale->len == 0)
    return TRUE;

  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < stale->len; i++)
    {
      gint64 *row = &g_array_index (stale, gint64, i * 2);

      if (!refresh_one (self, framework, row[0], (RdAssessmentMode) row[1], error))
        {
          rd_store_rollback (self);
          return FALSE;
        }
    }
  if (!rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* The kept rows of @assessment_id into @scores, and a summary's group sizes. */
static gboolean
read_kept_scores (RdStore             *self,
                  gint64               assessment_id,
                  RdAssessmentScores  *scores,
                  GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rd_store_prepare (self,
                           "SELECT scope, key, score, spread, n FROM assessment_score WHERE assessment_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *scope = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      RdFactor factor;
      RdGroup group;

      if (g_str_equal (scope, "factor") && rd_factor_from_id (key, &factor))
        {
          scores->factor[factor] = column_score (stmt, 2);
          scores->factor_spread[factor] = column_score (stmt, 3);
          scores->factor_n[factor] = (guint) sqlite3_column_int64 (stmt, 4);
        }
      else if (g_str_equal (scope, "area"))
        rd_assessment_scores_set_area (scores, key, column_score (stmt, 2));
      else if (g_str_equal (scope, "group") && rd_group_from_id (key, &group))
        {
          guint n = (guint) sqlite3_column_int64 (stmt, 2);

          scores->n_respondents += n;
          scores->group_sizes[group] = n;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

RdAssessmentScores *
rd_store_get_scores (RdStore      *self,
                     RdFramework  *framework,
                     gint64        assessment_id,
                     GError      **error)
{
  g_autoptr(RdAssessmentScores) scores = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!rd_store_refresh_scores (self, framework, error))
    return NULL;

  scores = rd_assessment_scores_new (framework);
  if (!read_kept_scores (self, assessment_id, scores, error))
    return NULL;

  return g_steal_pointer (&scores);
}

/* Export */

static gpointer
read_exchange_action (sqlite3_stmt *stmt)
{
  const char *items = (const char *) sqlite3_column_text (stmt, 9);
  g_auto(GStrv) item_ids = items ? g_strsplit (items, "\x1f", -1) : NULL;
  RdActionInfo info = {
    .title = (const char *) sqlite3_column_text (stmt, 2),
    .owner = (const char *) sqlite3_column_text (stmt, 4),
    .due = (const char *) sqlite3_column_text (stmt, 5),
    .criterion = (const char *) sqlite3_column_text (stmt, 7),
    .notes = (const char *) sqlite3_column_text (stmt, 8),
    .carried_from = (const char *) sqlite3_column_text (stmt, 10),
    .item_ids = (const char * const *) item_ids,
  };

  rd_factor_from_id ((const char *) sqlite3_column_text (stmt, 3), &info.factor);
  rd_action_status_from_id ((const char *) sqlite3_column_text (stmt, 6), &info.status);
  return rd_exchange_action_new ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 rd_action_new (&info));
}

static gboolean
export_actions (RdStore               *self,
                gint64                 assessment_id,
                RdExchangeAssessment  *assessment,
                GError               **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT x.uuid, x.origin, x.title, x.factor, x.owner, x.due, x.status, "
                                         "x.criterion, x.notes, "
                                         "(SELECT group_concat(item_id, char(31)) FROM "
                                         "  (SELECT item_id FROM action_item WHERE action_id = x.id ORDER BY position)), "
                                         "x.carried_from FROM action x "
                                         "WHERE x.assessment_id = ?1 AND x.trashed = 0 ORDER BY x.id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  actions = rd_store_collect_rows (self, stmt, read_exchange_action, (GDestroyNotify) rd_exchange_action_free, error);
  if (actions == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (assessment->actions, g_steal_pointer (&actions));
  return TRUE;
}

/* Moves each of @answers to its respondent in @by_id: a framework answer to
 * the respondent's response, an own question's to its own answers; own
 * answers keep their order (questions in their order). */
static void
hand_out_answers (GPtrArray  *answers,
                  GHashTable *by_id,
                  gboolean    own)
{
  for (guint i = 0; i < answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (answers, i);
      RdExchangeRespondent *respondent = g_hash_table_lookup (by_id, &answer->respondent_id);

      if (respondent == NULL)
        continue;
      if (own)
        g_ptr_array_add (respondent->own_answers, g_ptr_array_steal_index (answers, i--));
      else
        g_ptr_array_add (respondent->response->answers, g_ptr_array_steal_index_fast (answers, i--));
    }
}

/* Respondents in id order, each with its answers; nobody's pseudonym. */
static gboolean
export_respondents (RdStore               *self,
                    gint64                 assessment_id,
                    RdExchangeAssessment  *assessment,
                    GError               **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) answers = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = rd_store_prepare (self,
                           "SELECT id, uuid, respondent_group FROM respondent WHERE assessment_id = ?1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdGroup group = RD_GROUP_OTHER;
      RdExchangeRespondent *respondent;
      gint64 *id = g_new (gint64, 1);

      rd_group_from_id ((const char *) sqlite3_column_text (stmt, 2), &group);
      respondent = rd_exchange_respondent_new ((const char *) sqlite3_column_text (stmt, 1), rd_response_new (group));
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (by_id, id, respondent);
      g_ptr_array_add (assessment->respondents, respondent);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  answers = rd_store_list_answers (self, assessment_id, error);
  if (answers == NULL)
    return FALSE;
  hand_out_answers (answers, by_id, FALSE);

  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = rd_store_list_own_answers (self, assessment_id, error);
  if (answers == NULL)
    return FALSE;
  hand_out_answers (answers, by_id, TRUE);

  /* Someone who answered nothing (an opened, untouched questionnaire) is no respondent. */
  for (guint r = assessment->respondents->len; r > 0; r--)
    {
      RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r - 1);

      if (respondent->response->answers->len == 0 && respondent->own_answers->len == 0)
        g_ptr_array_remove_index (assessment->respondents, r - 1);
    }

  return TRUE;
}

static gboolean
export_own_questions (RdStore               *self,
                      gint64                 assessment_id,
                      RdExchangeAssessment  *assessment,
                      GError               **error)
{
  g_autoptr(GPtrArray) questions = rd_store_list_own_questions (self, assessment_id, error);

  if (questions == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (assessment->own_questions, g_steal_pointer (&questions));
  return TRUE;
}

static gboolean
export_summary (RdStore               *self,
                RdFramework           *framework,
                gint64                 assessment_id,
                RdExchangeAssessment  *assessment,
                GError               **error)
{
  assessment->scores = rd_assessment_scores_new (framework);
  return read_kept_scores (self, assessment_id, assessment->scores, error);
}

static gpointer
read_exchange_assessment (sqlite3_stmt *stmt)
{
  RdExchangeAssessment *assessment = rd_exchange_assessment_new ();

  assessment->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  assessment->school_year = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  assessment->framework_version = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  rd_assessment_mode_from_id ((const char *) sqlite3_column_text (stmt, 4), &assessment->mode);
  rd_assessment_status_from_id ((const char *) sqlite3_column_text (stmt, 5), &assessment->status);
  assessment->created = sqlite3_column_int64 (stmt, 6);
  assessment->completed = sqlite3_column_int64 (stmt, 7);
  assessment->content = sqlite3_column_int (stmt, 8) ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS;
  assessment->reference_day = rd_day_from_iso ((const char *) sqlite3_column_text (stmt, 9));
  return assessment;
}

RdExchangeSchool *
rd_store_export_school (RdStore      *self,
                        RdFramework  *framework,
                        gint64        school_id,
                        GError      **error)
{
  g_autoptr(RdExchangeSchool) school = rd_exchange_school_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) assessments = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  stmt = rd_store_prepare (self, "SELECT uuid, name, region, school_type FROM school WHERE id = ?1 AND trashed = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      school->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      school->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      school->region = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      school->school_type = rd_store_column_school_type (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, school_id);

      if (rc != SQLITE_DONE)
        rd_store_set_sqlite_error (error, self->db, rc, self->path);
      else
        g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND, _("There is no school with id %s"), id_text);
      return NULL;
    }

  stmt = rd_store_prepare (self,
                           "SELECT id, uuid, school_year, framework_version, mode, status, created, "
                           "coalesce(completed, 0), summary_only, reference_date FROM assessment "
                           "WHERE school_id = ?1 AND framework_id = ?2 AND trashed = 0 "
                           "ORDER BY school_year, created, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (school->assessments, read_exchange_assessment (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }
  school->framework_id = g_strdup (rd_framework_get_id (framework));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);

      /* The log's figures, never its names (rd-exchange-log.h). */
      if (!rd_store_get_targets (self, id, assessment->targets, error) ||
          !export_actions (self, id, assessment, error) ||
          !rd_store_get_assessment_log_figures (self, id, &assessment->log_facts, NULL, error))
        return NULL;
      if (assessment->content == RD_EXCHANGE_ANSWERS)
        {
          if (!export_own_questions (self, id, assessment, error) ||
              !export_respondents (self, id, assessment, error))
            return NULL;
        }
      else if (!export_summary (self, framework, id, assessment, error))
        return NULL;
    }

  return g_steal_pointer (&school);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* One assessment's notes, by item id. */
static gboolean
export_item_notes (RdStore               *self,
                   gint64                 assessment_id,
                   RdExchangeAssessment  *assessment,
                   GError               **error)
{
  g_autoptr(GHashTable) commentaries = rd_store_list_item_commentaries (self, assessment_id, error);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autofree gpointer *item_ids = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_items;

  if (commentaries == NULL)
    return FALSE;
  evidence = rd_store_list_evidence (self, assessment_id, NULL, error);
  if (evidence == NULL)
    return FALSE;

  notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rd_exchange_item_note_free);
  g_hash_table_iter_init (&iter, commentaries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RdExchangeItemNote *note = rd_exchange_item_note_new (key);

      note->commentary = g_strdup (value);
      g_hash_table_insert (notes, note->item_id, note);
    }
  for (guint i = 0; i < evidence->len; i++)
    {
      RdEvidence *one = g_ptr_array_index (evidence, i);
      RdExchangeItemNote *note = g_hash_table_lookup (notes, rd_evidence_get_item_id (one));
      RdEvidenceInfo info;

      if (note == NULL)
        {
          note = rd_exchange_item_note_new (rd_evidence_get_item_id (one));
          g_hash_table_insert (notes, note->item_id, note);
        }
      /* Without the database's ids: they mean nothing elsewhere. */
      rd_evidence_get_info (one, &info);
      info.id = 0;
      info.assessment_id = 0;
      g_ptr_array_add (note->evidence, rd_evidence_new (&info));
    }

  item_ids = g_hash_table_get_keys_as_array (notes, &n_items);
  qsort (item_ids, n_items, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_items; i++)
    {
      gpointer stolen_key, note;

      /* A removed own question's notes stay home: the file has no such question. */
      if (g_str_has_prefix (item_ids[i], RD_OWN_QUESTION_ID_PREFIX) &&
          rd_own_questions_lookup (assessment->own_questions, item_ids[i]) == NULL)
        continue;
      g_hash_table_steal_extended (notes, item_ids[i], &stolen_key, &note);
      g_ptr_array_add (assessment->item_notes, note);
    }
  return TRUE;
}

gboolean
rd_store_export_item_notes (RdStore           *self,
                            RdExchangeSchool  *school,
                            GError           **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (school != NULL, FALSE);

  for (guint i = 0; i < school->assessments->len; i++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);
      sqlite3_stmt *stmt = rd_store_prepare (self, "SELECT id FROM assessment WHERE uuid = ?1 AND trashed = 0",
                                             error);
      gint64 id = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, assessment->uuid, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rd_store_set_sqlite_error (error, self->db, rc, self->path);
          return FALSE;
        }

      g_ptr_array_set_size (assessment->item_notes, 0);
      if (id <= 0)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                       _("There is no assessment with id %s"), assessment->uuid);
          return FALSE;
        }
      if (!export_item_notes (self, id, assessment, error))
        return FALSE;
    }
  return TRUE;
}

/* Import */

static gint64
id_of_uuid (RdStore     *self,
            const char  *sql,
            const char  *uuid,
            gint64      *owner,
            GError     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (owner != NULL)
        *owner = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return -1;
    }
  return id;
}

static gint64
import_school_row (RdStore                 *self,
                   const RdExchangeSchool  *school,
                   GError                 **error)
{
  g_autofree char *name = NULL, *region = NULL, *type_note = NULL;
  sqlite3_stmt *stmt;

  /* The reader has cleaned them already; the store's rule holds for every
   * caller all the same. */
  if (!rd_store_clean_school (school->name, school->region, &name, &region, error) ||
      !rd_store_clean_text (RD_FIELD_SCHOOL_TYPE, school->type_note, &type_note, error))
    return 0;

  stmt = rd_store_prepare (self,
                                         "INSERT INTO school (uuid, name, region, school_type, type_note, created) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (uuid) DO UPDATE SET "
                                         "name = excluded.name, region = excluded.region, "
                                         "school_type = excluded.school_type, type_note = excluded.type_note, "
                                         "trashed = 0", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, school->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 3, region);
  rd_store_bind_school_type (stmt, 4, school->school_type);
  rd_store_bind_text_or_null (stmt, 5, type_note);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return 0;

  return id_of_uuid (self, "SELECT id FROM school WHERE uuid = ?1", school->uuid, NULL, error);
}

/* The file's commentary and evidence, in the transaction of the import;
 * the store's rules hold whoever wrote the file. A complete assessment
 * takes them: they are the school's, as the file says. */
static gboolean
import_item_notes (RdStore                     *self,
                   gint64                       assessment_id,
                   const RdExchangeAssessment  *assessment,
                   gint64                       now,
                   GError                     **error)
{
  for (guint n = 0; n < assessment->item_notes->len; n++)
    {
      RdExchangeItemNote *note = g_ptr_array_index (assessment->item_notes, n);
      g_autofree char *commentary = NULL;
      sqlite3_stmt *stmt;

      if (!rd_store_clean_text (RD_FIELD_ITEM_COMMENTARY, note->commentary, &commentary, error))
        return FALSE;
      if (commentary != NULL && *commentary != '\0')
        {
          stmt = rd_store_prepare (self, "INSERT INTO item_note (assessment_id, item_id, commentary, changed) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, assessment_id);
          sqlite3_bind_text (stmt, 2, note->item_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, commentary, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 4, now);
          if (!rd_store_step_done (self, stmt, error))
            return FALSE;
        }

      for (guint e = 0; e < note->evidence->len; e++)
        {
          RdEvidenceInfo info;
          g_autofree char *title = NULL;
          g_autofree char *location = NULL;

          rd_evidence_get_info (g_ptr_array_index (note->evidence, e), &info);
          info.item_id = note->item_id;
          if (!rd_store_clean_evidence (&info, &title, &location, error))
            return FALSE;
          stmt = rd_store_prepare (self, "INSERT INTO evidence (assessment_id, item_id, title, location, date, created) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, assessment_id);
          sqlite3_bind_text (stmt, 2, note->item_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
          rd_store_bind_text_or_null (stmt, 4, location);
          rd_store_bind_text_or_null (stmt, 5, info.date);
          sqlite3_bind_int64 (stmt, 6, now);
          if (!rd_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
delete_content (RdStore  *self,
                gint64    assessment_id,
                GError  **error)
{
  static const char * const statements[] = {
    "DELETE FROM respondent WHERE assessment_id = ?1",
    "DELETE FROM own_question WHERE assessment_id = ?1",
    "DELETE FROM action WHERE assessment_id = ?1",
    "DELETE FROM target WHERE assessment_id = ?1",
    "DELETE FROM assessment_score WHERE assessment_id = ?1",
    "DELETE FROM item_note WHERE assessment_id = ?1",
    "DELETE FROM evidence WHERE assessment_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = rd_store_prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static GQuark
keys_needed_quark (void)
{
  return g_quark_from_static_string ("rd-store-keys-needed");
}

static gboolean
foreign_keys_on (RdStore *self)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "PRAGMA foreign_keys", NULL);
  gboolean on = TRUE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    on = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return on;
}

/* The assessment row, new or updated, emptied of its content. */
static gint64
import_assessment_row (RdStore                     *self,
                       RdFramework                 *framework,
                       gint64                       school_id,
                       const RdExchangeAssessment  *assessment,
                       GError                     **error)
{
  gint64 owner = 0;
  gint64 id = id_of_uuid (self, "SELECT id, school_id FROM assessment WHERE uuid = ?1", assessment->uuid,
                          &owner, error);
  g_autofree char *version = NULL;
  sqlite3_stmt *stmt;

  if (id < 0 || !rd_store_clean_text (RD_FIELD_VERSION, assessment->framework_version, &version, error))
    return 0;
  if (id > 0 && owner != school_id)
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT,
                   _("The assessment %s belongs to another school in this database"), assessment->uuid);
      return 0;
    }

  if (id == 0)
    stmt = rd_store_prepare (self,
                             "INSERT INTO assessment (uuid, school_id, school_year, framework_id, framework_version, "
                             "mode, status, created, completed, summary_only, reference_date, scores_stale) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)", error);
  else
    stmt = rd_store_prepare (self,
                             "UPDATE assessment SET school_year = ?3, framework_id = ?4, framework_version = ?5, "
                             "mode = ?6, status = ?7, created = ?8, completed = ?9, summary_only = ?10, "
                             "reference_date = ?11, scores_stale = 1, trashed = 0 "
                             "WHERE uuid = ?1 AND school_id = ?2", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, assessment->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_text (stmt, 3, assessment->school_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rd_assessment_mode_to_id (assessment->mode), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, rd_assessment_status_to_id (assessment->status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, assessment->created);
  if (assessment->completed > 0)
    sqlite3_bind_int64 (stmt, 9, assessment->completed);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int (stmt, 10, assessment->content == RD_EXCHANGE_SUMMARY);
  if (assessment->reference_day != 0)
    {
      g_autofree char *day = rd_day_to_iso (assessment->reference_day);

      sqlite3_bind_text (stmt, 11, day, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 11);
  if (!rd_store_step_done (self, stmt, error))
    return 0;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (!foreign_keys_on (self))
    {
      /* Only the keys' cascades empty the old content. */
      g_set_error_literal (error, keys_needed_quark (), 0, "the foreign keys are off");
      return 0;
    }
  else if (!delete_content (self, id, error))
    return 0;

  return id;
}

/* Steps the INSERT of a respondent or action row with @uuid. The
 * assessment's own rows are gone by now, so a uuid the table has already
 * belongs to another assessment: the file's fault, which sets the file
 * aside (RD_IMPORT_ERROR_CONFLICT) instead of failing the whole import. */
static gboolean
insert_row_with_uuid (RdStore       *self,
                      sqlite3_stmt  *stmt,
                      gboolean       respondent,
                      const char    *uuid,
                      gint64         school_id,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);
  int extended = sqlite3_extended_errcode (self->db);
  gint64 owner = 0;
  gint64 id;

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (extended != SQLITE_CONSTRAINT_UNIQUE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  id = id_of_uuid (self,
                   respondent
                   ? "SELECT r.id, a.school_id FROM respondent r JOIN assessment a ON a.id = r.assessment_id WHERE r.uuid = ?1"
                   : "SELECT x.id, a.school_id FROM action x JOIN assessment a ON a.id = x.assessment_id WHERE x.uuid = ?1",
                   uuid, &owner, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      /* Not the uuid, then: some other rule of the table. */
      rd_store_set_sqlite_error (error, NULL, rc, self->path);
      return FALSE;
    }

  if (respondent && owner != school_id)
    g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT,
                 _("The respondent %s belongs to another school in this database"), uuid);
  else if (respondent)
    g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT,
                 _("The respondent %s belongs to another assessment in this database"), uuid);
  else if (owner != school_id)
    g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT,
                 _("The action %s belongs to another school in this database"), uuid);
  else
    g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT,
                 _("The action %s belongs to another assessment in this database"), uuid);
  return FALSE;
}

static gboolean
import_targets (RdStore                     *self,
                gint64                       assessment_id,
                const RdExchangeAssessment  *assessment,
                GError                     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "INSERT INTO target (assessment_id, factor, target) VALUES (?1, ?2, ?3)",
                                         error);

  if (stmt == NULL)
    return FALSE;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_text (stmt, 2, rd_factor_to_id (f), -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, assessment->targets[f]);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The import inserts a respondent's answers ANSWER_ROWS at a time: with a
 * statement per row, SQLite spent more on the statement (opening the
 * table, its transaction, halting) than on the row. */
#define ANSWER_INSERT \
  "INSERT INTO answer (respondent_id, item_id, item_version, value, date, not_applicable, answered) VALUES "
#define ANSWER_ROW "(?, ?, ?, ?, ?, ?, ?)"
#define ANSWER_COLUMNS 7
#define ANSWER_ROWS 8
#define ANSWER_ROWS_SQL \
  ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW

/* Checks @answer as rd_store_write_answer() would and binds it to @stmt
 * from parameter @first: without looking the statement up, working out
 * a date or upserting, per answer. No date answer may lie after
 * @reference, the assessment's reference date. */
static gboolean
bind_imported_answer (sqlite3_stmt    *stmt,
                      int              first,
                      RdItem          *item,
                      gint64           respondent_id,
                      const RdAnswer  *answer,
                      GDate           *reference,
                      gint64           answered,
                      GError         **error)
{
  guint version = rd_item_accepts_version (item, answer->item_version) ? answer->item_version
                                                                       : rd_item_get_version (item);

  sqlite3_bind_int64 (stmt, first, respondent_id);
  sqlite3_bind_text (stmt, first + 1, rd_item_get_id (item), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 2, version);
  if (answer->not_applicable)
    {
      sqlite3_bind_null (stmt, first + 3);
      sqlite3_bind_null (stmt, first + 4);
    }
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date;
      char iso[16];

      rd_answer_get_date (answer, &date);
      if (!rd_item_check_date (item, &date, reference, error))
        return FALSE;
      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      sqlite3_bind_null (stmt, first + 3);
      sqlite3_bind_text (stmt, first + 4, iso, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if (!rd_item_check_value (item, answer->value, error))
        return FALSE;
      sqlite3_bind_double (stmt, first + 3, answer->value);
      sqlite3_bind_null (stmt, first + 4);
    }
  sqlite3_bind_int (stmt, first + 5, answer->not_applicable ? 1 : 0);
  sqlite3_bind_int64 (stmt, first + 6, answered);
  return TRUE;
}

static gint
compare_item_ids (gconstpointer a,
                  gconstpointer b)
{
  return strcmp ((*(RdAnswer * const *) a)->item_id, (*(RdAnswer * const *) b)->item_id);
}

/* The assessment's own questions under the numbers the file gives them,
 * checked again by the store's rule. */
static gboolean
import_own_questions (RdStore                     *self,
                      RdFramework                 *framework,
                      gint64                       assessment_id,
                      const RdExchangeAssessment  *assessment,
                      gint64                       now,
                      GError                     **error)
{
  sqlite3_stmt *stmt;

  if (assessment->own_questions->len > RD_MAX_OWN_QUESTIONS)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "An assessment can have at most %d question of its own",
                                "An assessment can have at most %d questions of its own", RD_MAX_OWN_QUESTIONS),
                   RD_MAX_OWN_QUESTIONS);
      return FALSE;
    }

  for (guint q = 0; q < assessment->own_questions->len; q++)
    {
      RdOwnQuestion *question = g_ptr_array_index (assessment->own_questions, q);
      g_autoptr(RdOwnQuestion) checked = NULL;
      RdOwnQuestionInfo info;

      rd_own_question_get_info (question, &info);
      checked = rd_own_question_new (&info, framework, NULL, NULL, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, error);
      if (checked == NULL)
        return FALSE;
      stmt = rd_store_prepare (self,
                               "INSERT INTO own_question (assessment_id, created, number, kind, area, text, help, "
                               "audience, strategy, engagement, capacity, investment, unit, minimum, maximum, "
                               "target, direction) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, rd_own_question_get_number (checked));
      sqlite3_bind_text (stmt, 4, rd_item_kind_to_id (rd_own_question_get_kind (checked)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rd_own_question_get_area_id (checked), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, rd_own_question_get_text (checked), -1, SQLITE_TRANSIENT);
      rd_store_bind_text_or_null (stmt, 7, rd_own_question_get_help (checked));
      sqlite3_bind_int (stmt, 8, (int) rd_own_question_get_audience (checked));
      for (guint f = 0; f < RD_N_FACTORS; f++)
        sqlite3_bind_double (stmt, 9 + (int) f, rd_own_question_get_weight (checked, f));
      rd_store_bind_text_or_null (stmt, 13, rd_own_question_get_unit (checked));
      sqlite3_bind_double (stmt, 14, rd_own_question_get_min (checked));
      bind_score (stmt, 15, isfinite (rd_own_question_get_max (checked)) ? rd_own_question_get_max (checked) : NAN);
      bind_score (stmt, 16, rd_own_question_get_kind (checked) == RD_ITEM_KIND_STATEMENT
                            ? NAN : rd_own_question_get_target (checked));
      sqlite3_bind_text (stmt, 17, rd_own_direction_to_id (rd_own_question_get_direction (checked)), -1,
                         SQLITE_STATIC);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_own_answers (RdStore                     *self,
                    gint64                       assessment_id,
                    gint64                       respondent_id,
                    const RdExchangeAssessment  *assessment,
                    const RdExchangeRespondent  *respondent,
                    gint64                       now,
                    GError                     **error)
{
  sqlite3_stmt *stmt;

  for (guint a = 0; a < respondent->own_answers->len; a++)
    {
      RdAnswer *answer = g_ptr_array_index (respondent->own_answers, a);
      RdOwnQuestion *question = rd_own_questions_lookup (assessment->own_questions, answer->item_id);

      if (question == NULL)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                       _("There is no question “%s” in this assessment"), answer->item_id);
          return FALSE;
        }
      if (!answer->not_applicable && !rd_own_question_check_value (question, answer->value, error))
        return FALSE;
      stmt = rd_store_prepare (self,
                               "INSERT INTO own_answer (respondent_id, question_id, value, not_applicable, answered) "
                               "SELECT ?1, id, ?3, ?4, ?5 FROM own_question WHERE assessment_id = ?6 AND number = ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, respondent_id);
      sqlite3_bind_int64 (stmt, 2, rd_own_question_get_number (question));
      bind_score (stmt, 3, answer->not_applicable ? NAN : answer->value);
      sqlite3_bind_int (stmt, 4, answer->not_applicable ? 1 : 0);
      sqlite3_bind_int64 (stmt, 5, now);
      sqlite3_bind_int64 (stmt, 6, assessment_id);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Answers, then the scores computed from them in memory: reading a
 * thousand schools' answers back would double an import's work. The
 * respondents are new rows, so their answers are plain inserts; in the
 * order of the answer table's key, each lands at its end, where SQLite
 * finds the place without searching. */
static gboolean
import_respondents (RdStore                     *self,
                    RdFramework                 *framework,
                    RdSchoolType                 school_type,
                    gint64                       school_id,
                    gint64                       assessment_id,
                    const RdExchangeAssessment  *assessment,
                    gint64                       now,
                    GError                     **error)
{
  /* Answers given to an earlier edition's questions are kept as given. */
  RdFramework *edition = rd_framework_get_edition (framework, rd_framework_get_id (framework),
                                                   assessment->framework_version);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(RdAssessmentScores) scores = NULL;
  sqlite3_stmt *respondent_stmt, *one_stmt, *rows_stmt;
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_julian (&reference, assessment->reference_day ? assessment->reference_day
                                                           : rd_day_from_unix_local (now));

  respondent_stmt = rd_store_prepare (self,
                                      "INSERT INTO respondent (uuid, assessment_id, respondent_group, created) "
                                      "VALUES (?1, ?2, ?3, ?4)", error);
  one_stmt = respondent_stmt ? rd_store_prepare (self, ANSWER_INSERT ANSWER_ROW, error) : NULL;
  rows_stmt = one_stmt ? rd_store_prepare (self, ANSWER_INSERT ANSWER_ROWS_SQL, error) : NULL;
  if (rows_stmt == NULL)
    return FALSE;

  for (guint r = 0; r < assessment->respondents->len; r++)
    {
      RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);
      GPtrArray *given = respondent->response->answers;
      guint n_whole = given->len - given->len % ANSWER_ROWS;
      gint64 respondent_id;

      /* Sorted apart: the file's order is the caller's. */
      g_ptr_array_set_size (answers, 0);
      for (guint a = 0; a < given->len; a++)
        g_ptr_array_add (answers, g_ptr_array_index (given, a));
      if (assessment->answer_scores == NULL)
        g_ptr_array_sort (answers, compare_item_ids);

      sqlite3_bind_text (respondent_stmt, 1, respondent->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (respondent_stmt, 2, assessment_id);
      sqlite3_bind_text (respondent_stmt, 3, rd_group_to_id (respondent->response->group), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (respondent_stmt, 4, now);
      if (!insert_row_with_uuid (self, respondent_stmt, TRUE, respondent->uuid, school_id, error))
        return FALSE;
      respondent_id = sqlite3_last_insert_rowid (self->db);
      if (!import_own_answers (self, assessment_id, respondent_id, assessment, respondent, now, error))
        return FALSE;

      for (guint a = 0; a < answers->len; a++)
        {
          RdAnswer *answer = g_ptr_array_index (answers, a);
          RdItem *item = rd_framework_lookup_item (edition, answer->item_id);
          gboolean whole_rows = a < n_whole;
          sqlite3_stmt *stmt = whole_rows ? rows_stmt : one_stmt;
          int first = whole_rows ? (int) (a % ANSWER_ROWS) * ANSWER_COLUMNS + 1 : 1;

          if (item == NULL)
            {
              g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("The framework has no item “%s”"), answer->item_id);
              return FALSE;
            }
          answer->respondent_id = respondent_id;
          answer->group = respondent->response->group;
          answer->answered = now;
          answer->reference_day = g_date_get_julian (&reference);
          answer->school_type = school_type;
          if (!bind_imported_answer (stmt, first, item, respondent_id, answer, &reference, now, error))
            return FALSE;
          if ((!whole_rows || a % ANSWER_ROWS == ANSWER_ROWS - 1) && !rd_store_step_done (self, stmt, error))
            return FALSE;
          g_ptr_array_add (all, answer);
        }
    }

  /* Scored while the file was read, from the same answers. */
  if (assessment->answer_scores != NULL)
    return write_scores (self, framework, assessment_id, assessment->answer_scores, error);
  rd_exchange_add_log_answers (assessment, school_type, framework, all, log);
  scores = rd_assessment_scores_compute (framework, assessment->mode, all);
  return write_scores (self, framework, assessment_id, scores, error);
}

static gboolean
import_actions (RdStore                     *self,
                gint64                       school_id,
                gint64                       assessment_id,
                const RdExchangeAssessment  *assessment,
                gint64                       now,
                GError                     **error)
{
  for (guint i = 0; i < assessment->actions->len; i++)
    {
      RdExchangeAction *exchange = g_ptr_array_index (assessment->actions, i);
      RdAction *action = exchange->action;
      const char * const *items = rd_action_get_item_ids (action);
      g_auto(RdStoreActionTexts) texts = { 0 };
      sqlite3_stmt *stmt;
      gint64 action_id;

      if (!rd_store_clean_action_texts (rd_action_get_title (action), rd_action_get_owner (action),
                                        rd_action_get_criterion (action), rd_action_get_notes (action),
                                        &texts, error))
        return FALSE;

      stmt = rd_store_prepare (self,
                               "INSERT INTO action (uuid, origin, assessment_id, title, factor, owner, due, status, "
                               "criterion, notes, carried_from, created) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, exchange->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, exchange->origin, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, assessment_id);
      sqlite3_bind_text (stmt, 4, texts.title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, rd_factor_to_id (rd_action_get_factor (action)), -1, SQLITE_STATIC);
      rd_store_bind_text_or_null (stmt, 6, texts.owner);
      rd_store_bind_text_or_null (stmt, 7, rd_action_get_due (action));
      sqlite3_bind_text (stmt, 8, rd_action_status_to_id (rd_action_get_status (action)), -1, SQLITE_STATIC);
      rd_store_bind_text_or_null (stmt, 9, texts.criterion);
      rd_store_bind_text_or_null (stmt, 10, texts.notes);
      rd_store_bind_text_or_null (stmt, 11, rd_action_get_carried_from (action));
      sqlite3_bind_int64 (stmt, 12, now);
      if (!insert_row_with_uuid (self, stmt, FALSE, exchange->uuid, school_id, error))
        return FALSE;
      action_id = sqlite3_last_insert_rowid (self->db);

      stmt = rd_store_prepare (self, "INSERT OR IGNORE INTO action_item (action_id, item_id, position) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      for (guint p = 0; items != NULL && items[p] != NULL; p++)
        {
          sqlite3_bind_int64 (stmt, 1, action_id);
          sqlite3_bind_text (stmt, 2, items[p], -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, (int) p);
          if (!rd_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The figures of the school's learning log the file carried: they stand
 * in for a log this database does not have (rd_store_list_scored_answers()). */
static gboolean
import_log_figures (RdStore                     *self,
                    gint64                       assessment_id,
                    const RdExchangeAssessment  *assessment,
                    GError                     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "DELETE FROM log_figure WHERE assessment_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rd_store_prepare (self, "INSERT INTO log_figure (assessment_id, item_id, value, n_staff) "
                           "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint f = 0; f < assessment->log_facts.n_figures; f++)
    {
      const RdLogFigure *figure = &assessment->log_facts.figures[f];

      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_text (stmt, 2, figure->item_id, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, figure->value);
      sqlite3_bind_int (stmt, 4, (int) figure->n_staff);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_school (RdStore                 *self,
               RdFramework             *framework,
               const RdExchangeSchool  *school,
               GError                 **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 school_id = import_school_row (self, school, error);

  if (school_id <= 0)
    return FALSE;

  for (guint i = 0; i < school->assessments->len; i++)
    {
      const RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);
      gint64 assessment_id = import_assessment_row (self, framework, school_id, assessment, error);

      if (assessment_id == 0 ||
          !import_targets (self, assessment_id, assessment, error) ||
          !import_log_figures (self, assessment_id, assessment, error) ||
          !import_actions (self, school_id, assessment_id, assessment, now, error))
        return FALSE;

      if (assessment->content == RD_EXCHANGE_SUMMARY)
        {
          if (!write_scores (self, framework, assessment_id, assessment->scores, error))
            return FALSE;
        }
      else if (!import_own_questions (self, framework, assessment_id, assessment, now, error) ||
               !import_respondents (self, framework, school->school_type, school_id, assessment_id, assessment,
                                    now, error))
        return FALSE;

      if (!import_item_notes (self, assessment_id, assessment, now, error))
        return FALSE;
    }

  return TRUE;
}

/* The transaction of rd_store_import_schools(). */
static gboolean
import_schools (RdStore      *self,
                RdFramework  *framework,
                GPtrArray    *schools,
                GError      **error)
{
  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < schools->len; i++)
    {
      RdExchangeSchool *school = g_ptr_array_index (schools, i);

      if (g_strcmp0 (school->framework_id, rd_framework_get_id (framework)) != 0)
        {
          g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_FRAMEWORK,
                       _("“%s” uses the framework “%s”, not “%s”"), school->name, school->framework_id,
                       rd_framework_get_id (framework));
          goto failed;
        }
      if (!import_school (self, framework, school, error))
        {
          g_prefix_error (error, "%s: ", school->name);
          goto failed;
        }
    }

  if (!rd_store_exec (self, "COMMIT", error))
    goto failed;
  return TRUE;

failed:
  rd_store_rollback (self);
  return FALSE;
}

/* Whether none of the assessments of @schools is in the database yet: a
 * region's first import, that only adds rows. */
static gboolean
only_new_assessments (RdStore   *self,
                      GPtrArray *schools)
{
  for (guint i = 0; i < schools->len; i++)
    {
      RdExchangeSchool *school = g_ptr_array_index (schools, i);

      for (guint a = 0; a < school->assessments->len; a++)
        {
          RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, a);

          if (id_of_uuid (self, "SELECT id, school_id FROM assessment WHERE uuid = ?1", assessment->uuid, NULL,
                          NULL) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* The import itself makes every row a key points to (school, assessment,
 * respondent, action) before the rows that point to it, so when it only
 * adds, SQLite's check of each answer's key would cost a tenth of storing
 * for nothing: the keys are off for that transaction. Should an
 * assessment turn up after all (another program added it meanwhile), the
 * batch is rolled back and stored again with the keys, whose cascades
 * empty the old assessment. PRAGMA foreign_keys only changes outside a
 * transaction. */
static gboolean
import_schools_fast (RdStore      *self,
                     RdFramework  *framework,
                     GPtrArray    *schools,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean imported;

  if (!only_new_assessments (self, schools) || !rd_store_exec (self, "PRAGMA foreign_keys = OFF", NULL))
    return import_schools (self, framework, schools, error);

  imported = import_schools (self, framework, schools, &local_error);
  if (!rd_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (imported)
    return TRUE;
  if (g_error_matches (local_error, keys_needed_quark (), 0))
    return import_schools (self, framework, schools, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* All of @schools or nothing, in one transaction: a thousand schools'
 * files cost one commit, not a thousand. */
gboolean
rd_store_import_schools (RdStore      *self,
                         RdFramework  *framework,
                         GPtrArray    *schools,
                         GError      **error)
{
  int triggers = 1;
  gboolean imported;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (schools != NULL, FALSE);

  /* The answer triggers only mark an assessment's kept scores stale. An
   * import marks every assessment it touches stale itself and writes its
   * scores anew, so per answer they would only cost a third of SQLite's
   * work: they are off during the import. This switches them for the
   * connection; the schema keeps them. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  /* Likewise the tables' CHECKs: every value was checked when the file
   * was read (items' rules, targets, due dates, own questions, cleaned
   * texts) and bind_imported_answer () binds only what they allow, yet
   * SQLite's second look at each answer row cost a seventh of storing.
   * Changing the pragma expires the prepared statements, so that those
   * prepared again after the import have their CHECKs again. */
  rd_store_exec (self, "PRAGMA ignore_check_constraints = ON", NULL);
  imported = import_schools_fast (self, framework, schools, error);
  rd_store_exec (self, "PRAGMA ignore_check_constraints = OFF", NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, triggers, NULL);

  if (imported)
    rd_store_emit_changed (self, RD_STORE_CHANGE_SCHOOLS, 0);
  return imported;
}

/* Comparing schools */

/* A query of one school year's assessments of @framework: ?1 the year, ?2
 * the framework's id. */
static sqlite3_stmt *
prepare_for_year (RdStore      *self,
                  const char   *sql,
                  RdFramework  *framework,
                  const char   *school_year,
                  GError      **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, school_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  return stmt;
}

/* One assessment per school for @school_year, as the results choose a
 * previous year: complete before draft, full before pulse, then newest. */
GPtrArray *
rd_store_list_school_scores (RdStore      *self,
                             RdFramework  *framework,
                             const char   *school_year,
                             GError      **error)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_scores_free);
  g_autoptr(GHashTable) by_assessment = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) area_index = g_hash_table_new (g_str_hash, g_str_equal);  /* id → position + 1 */
  guint n_areas = rd_framework_get_n_areas (framework);
  sqlite3_stmt *stmt;
  gint64 last_school = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  if (!rd_store_refresh_scores (self, framework, error))
    return NULL;
  for (guint a = 0; a < n_areas; a++)
    g_hash_table_insert (area_index, (gpointer) rd_area_get_id (rd_framework_get_area (framework, a)),
                         GUINT_TO_POINTER (a + 1));

  stmt = prepare_for_year (self,
                           "SELECT a.id, s.id, s.name, s.region, s.school_type, a.framework_version FROM assessment a "
                           "JOIN school s ON s.id = a.school_id "
                           "WHERE a.school_year = ?1 AND a.framework_id = ?2 AND a.trashed = 0 AND s.trashed = 0 "
                           "ORDER BY s.id, a.status = 'complete' DESC, a.mode = 'full' DESC, a.created DESC, a.id DESC",
                           framework, school_year, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdSchoolScores *scores;

      if (sqlite3_column_int64 (stmt, 1) == last_school)
        continue;
      last_school = sqlite3_column_int64 (stmt, 1);
      scores = rd_school_scores_new (n_areas);
      scores->assessment_id = sqlite3_column_int64 (stmt, 0);
      scores->school_id = last_school;
      scores->school_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      scores->region = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      scores->school_type = rd_store_column_school_type (stmt, 4);
      scores->framework_version = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (schools, scores);
      g_hash_table_insert (by_assessment, &scores->assessment_id, scores);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  /* Every kept score and target of the year in one pass each. */
  stmt = prepare_for_year (self,
                           "SELECT k.assessment_id, k.scope, k.key, k.score, k.spread, k.n FROM assessment_score k "
                           "JOIN assessment a ON a.id = k.assessment_id "
                           "WHERE a.school_year = ?1 AND a.framework_id = ?2 AND a.trashed = 0",
                           framework, school_year, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 assessment_id = sqlite3_column_int64 (stmt, 0);
      RdSchoolScores *scores = g_hash_table_lookup (by_assessment, &assessment_id);
      const char *scope = (const char *) sqlite3_column_text (stmt, 1);
      const char *key = (const char *) sqlite3_column_text (stmt, 2);
      RdFactor factor;

      if (scores == NULL)
        continue;
      if (g_str_equal (scope, "factor") && rd_factor_from_id (key, &factor))
        {
          scores->factor[factor] = column_score (stmt, 3);
          scores->factor_spread[factor] = column_score (stmt, 4);
          scores->factor_n[factor] = (guint) sqlite3_column_int64 (stmt, 5);
        }
      else if (g_str_equal (scope, "group"))
        scores->n_respondents += (guint) sqlite3_column_int64 (stmt, 5);
      else if (g_str_equal (scope, "area"))
        {
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (area_index, key));

          if (a > 0)
            scores->area[a - 1] = column_score (stmt, 3);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = prepare_for_year (self,
                           "SELECT t.assessment_id, t.factor, t.target FROM target t "
                           "JOIN assessment a ON a.id = t.assessment_id "
                           "WHERE a.school_year = ?1 AND a.framework_id = ?2 AND a.trashed = 0",
                           framework, school_year, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 assessment_id = sqlite3_column_int64 (stmt, 0);
      RdSchoolScores *scores = g_hash_table_lookup (by_assessment, &assessment_id);
      RdFactor factor;

      if (scores != NULL && rd_factor_from_id ((const char *) sqlite3_column_text (stmt, 1), &factor))
        scores->target[factor] = sqlite3_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  return g_steal_pointer (&schools);

failed:
  rd_store_set_sqlite_error (error, self->db, rc, self->path);
  return NULL;
}
