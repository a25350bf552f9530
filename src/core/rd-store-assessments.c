#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* Assessments, their targets and where the questionnaire was left: the part
 * of RdStore that keeps one school year's assessment of a school. */

gint64
rd_store_add_assessment (RdStore           *self,
                         gint64             school_id,
                         const char        *school_year,
                         RdFramework       *framework,
                         RdAssessmentMode   mode,
                         GError           **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  gint64 assessment_id;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), 0);

  if (!rd_school_year_is_valid (school_year))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a school year such as 2026-2027"),
                   school_year ? school_year : "");
      return 0;
    }

  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;

  stmt = rd_store_prepare (self,
                  "INSERT INTO assessment (uuid, school_id, school_year, framework_id, "
                  "framework_version, mode, created) "
                  "SELECT ?1, id, ?3, ?4, ?5, ?6, ?7 FROM school WHERE id = ?2 AND trashed = 0",
                  error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_text (stmt, 3, school_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rd_framework_get_version (framework), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rd_assessment_mode_to_id (mode), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_SCHOOL, school_id, error))
    goto failed;

  assessment_id = sqlite3_last_insert_rowid (self->db);

  stmt = rd_store_prepare (self, "INSERT INTO target (assessment_id, factor, target) VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    goto failed;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_text (stmt, 2, rd_factor_to_id (f), -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, rd_framework_get_default_target (framework, f));
      if (!rd_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!rd_store_carry_over_actions (self, school_id, school_year, assessment_id, error))
    goto failed;

  if (!rd_store_exec (self, "COMMIT", error))
    goto failed;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ASSESSMENTS, school_id);
  return assessment_id;

failed:
  rd_store_rollback (self);
  return 0;
}

#define ASSESSMENT_COLUMNS \
  "a.id, a.school_id, a.school_year, a.framework_id, a.framework_version, a.mode, a.status, " \
  "a.created, coalesce (c.n_respondents, 0), coalesce (c.n_answers, 0), a.reference_date, " \
  "c.answered_items "

/* The answers' counts of the assessments @ids (SQL giving their ids) in
 * one pass over their answers, grouped: correlated subqueries read every
 * answer three times (0.4 s of listing a region of 1,000 schools). */
#define ANSWER_COUNTS(ids) \
  "LEFT JOIN (SELECT r.assessment_id AS assessment_id, count (DISTINCT r.id) AS n_respondents, " \
  "  count (*) AS n_answers, " \
  "  group_concat (DISTINCT w.item_id || '/' || r.respondent_group) AS answered_items " \
  "  FROM respondent r JOIN answer w ON w.respondent_id = r.id " \
  "  WHERE r.assessment_id IN (" ids ") GROUP BY r.assessment_id) c ON c.assessment_id = a.id "

static gpointer
read_assessment (sqlite3_stmt *stmt)
{
  RdAssessmentInfo info = {
    .id = sqlite3_column_int64 (stmt, 0),
    .school_id = sqlite3_column_int64 (stmt, 1),
    .school_year = (const char *) sqlite3_column_text (stmt, 2),
    .framework_id = (const char *) sqlite3_column_text (stmt, 3),
    .framework_version = (const char *) sqlite3_column_text (stmt, 4),
    .created = sqlite3_column_int64 (stmt, 7),
    .n_respondents = (guint) sqlite3_column_int64 (stmt, 8),
    .n_answers = (guint) sqlite3_column_int64 (stmt, 9),
    .reference_day = rd_day_from_iso ((const char *) sqlite3_column_text (stmt, 10)),
    .answered_items = (const char *) sqlite3_column_text (stmt, 11),
  };

  /* The schema's CHECK constraints guarantee known ids. */
  rd_assessment_mode_from_id ((const char *) sqlite3_column_text (stmt, 5), &info.mode);
  rd_assessment_status_from_id ((const char *) sqlite3_column_text (stmt, 6), &info.status);

  return rd_assessment_new (&info);
}

RdAssessment *
rd_store_get_assessment (RdStore  *self,
                         gint64    assessment_id,
                         GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  RdAssessment *assessment;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ASSESSMENT_COLUMNS "FROM assessment a JOIN school s ON s.id = a.school_id "
                  ANSWER_COUNTS ("?1")
                  "WHERE a.id = ?1 AND a.trashed = 0 AND s.trashed = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  assessment = rd_store_collect_one_row (self, stmt, read_assessment, g_object_unref, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (assessment == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %s"), id_text);
    }

  return assessment;
}

GPtrArray *
rd_store_list_assessments (RdStore  *self,
                           gint64    school_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ASSESSMENT_COLUMNS "FROM assessment a "
                  ANSWER_COUNTS ("SELECT id FROM assessment WHERE school_id = ?1 AND trashed = 0")
                  "WHERE a.school_id = ?1 AND a.trashed = 0 "
                  "ORDER BY a.school_year DESC, a.created DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, school_id);
  return rd_store_collect_rows (self, stmt, read_assessment, g_object_unref, error);
}

/* The school years that have an assessment of @framework, newest first. */
GPtrArray *
rd_store_list_school_years (RdStore      *self,
                            RdFramework  *framework,
                            GError      **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT DISTINCT a.school_year FROM assessment a JOIN school s ON s.id = a.school_id "
                           "WHERE a.framework_id = ?1 AND a.trashed = 0 AND s.trashed = 0 "
                           "ORDER BY a.school_year DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rd_framework_get_id (framework), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (years, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&years);
}

void
rd_assessment_counts_free (RdAssessmentCounts *counts)
{
  g_free (counts->school_year);
  g_free (counts->framework_id);
  g_free (counts);
}

static gpointer
read_assessment_counts (sqlite3_stmt *stmt)
{
  RdAssessmentCounts *counts = g_new0 (RdAssessmentCounts, 1);

  counts->id = sqlite3_column_int64 (stmt, 0);
  counts->school_id = sqlite3_column_int64 (stmt, 1);
  counts->school_year = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  counts->framework_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  rd_assessment_mode_from_id ((const char *) sqlite3_column_text (stmt, 4), &counts->mode);
  rd_assessment_status_from_id ((const char *) sqlite3_column_text (stmt, 5), &counts->status);
  counts->n_respondents = (guint) sqlite3_column_int64 (stmt, 6);
  counts->n_answers = (guint) sqlite3_column_int64 (stmt, 7);
  return counts;
}

/* Every assessment of every school not in the trash, in the order
 * rd_store_list_assessment_counts() promises. */
#define EVERY_ASSESSMENT(counts, counted) \
  "SELECT a.id, a.school_id, a.school_year, a.framework_id, a.mode, a.status, " counts " " \
  "FROM assessment a JOIN school s ON s.id = a.school_id " counted \
  "WHERE a.trashed = 0 AND s.trashed = 0 " \
  "ORDER BY a.school_id, a.school_year, a.created, a.id"

/**
 * rd_store_list_assessment_counts:
 * @with_counts: whether to count respondents and answers; without, both
 *   are 0 and no answer is read (the school years of every school)
 *
 * Every assessment of every school not in the trash, by school id, then
 * oldest first (school year, creation), with its counts: one pass over
 * the answers in their own order, a tenth of what listing each school's
 * assessments costs (which also collects the items answered).
 *
 * Returns: (transfer full) (element-type RdAssessmentCounts): the list
 */
GPtrArray *
rd_store_list_assessment_counts (RdStore   *self,
                                 gboolean   with_counts,
                                 GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           with_counts
                           ? EVERY_ASSESSMENT ("coalesce (c.n_respondents, 0), coalesce (c.n_answers, 0)",
                                               "LEFT JOIN (SELECT r.assessment_id AS assessment_id, "
                                               "    count (*) AS n_respondents, sum (per.n) AS n_answers "
                                               "  FROM (SELECT respondent_id, count (*) AS n FROM answer "
                                               "    GROUP BY respondent_id) per "
                                               "  JOIN respondent r ON r.id = per.respondent_id "
                                               "  GROUP BY r.assessment_id) c "
                                               "  ON c.assessment_id = a.id ")
                           : EVERY_ASSESSMENT ("0, 0", ""),
                           error);
  if (stmt == NULL)
    return NULL;
  return rd_store_collect_rows (self, stmt, read_assessment_counts, (GDestroyNotify) rd_assessment_counts_free,
                                error);
}

char *
rd_store_get_assessment_uuid (RdStore  *self,
                              gint64    assessment_id,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self, "SELECT uuid FROM assessment WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %s"), id_text);
    }
  else
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);

  return uuid;
}

gint64
rd_store_find_assessment (RdStore     *self,
                          const char  *uuid,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (uuid != NULL, 0);

  stmt = rd_store_prepare (self,
                           "SELECT a.id FROM assessment a JOIN school s ON s.id = a.school_id "
                           "WHERE a.uuid = ?1 AND a.trashed = 0 AND s.trashed = 0", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);

  return id;
}

static gint64
school_of_assessment (RdStore *self,
                      gint64   assessment_id)
{
  return rd_store_lookup_id (self, "SELECT school_id FROM assessment WHERE id = ?1", assessment_id);
}

gboolean
rd_store_set_assessment_status (RdStore             *self,
                                gint64               assessment_id,
                                RdAssessmentStatus   status,
                                GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self,
                  "UPDATE assessment SET status = ?2, "
                  "completed = CASE WHEN ?2 = 'complete' THEN ?3 ELSE NULL END "
                  "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, rd_assessment_status_to_id (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ASSESSMENTS, school_of_assessment (self, assessment_id));
  return TRUE;
}

static gboolean
set_assessment_trashed (RdStore   *self,
                        gint64     assessment_id,
                        gboolean   trashed,
                        GError   **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "UPDATE assessment SET trashed = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int (stmt, 2, trashed);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ASSESSMENTS, school_of_assessment (self, assessment_id));
  return TRUE;
}

gboolean
rd_store_trash_assessment (RdStore  *self,
                           gint64    assessment_id,
                           GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_assessment_trashed (self, assessment_id, TRUE, error);
}

gboolean
rd_store_restore_assessment (RdStore  *self,
                             gint64    assessment_id,
                             GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_assessment_trashed (self, assessment_id, FALSE, error);
}

gboolean
rd_store_purge_assessment (RdStore  *self,
                           gint64    assessment_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "DELETE FROM assessment WHERE id = ?1 AND trashed = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return rd_store_step_done (self, stmt, error);
}

gboolean
rd_store_get_targets (RdStore  *self,
                      gint64    assessment_id,
                      double    targets[RD_N_FACTORS],
                      GError  **error)
{
  sqlite3_stmt *stmt;
  guint found = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "SELECT factor, target FROM target WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdFactor factor;

      if (rd_factor_from_id ((const char *) sqlite3_column_text (stmt, 0), &factor))
        {
          targets[factor] = sqlite3_column_double (stmt, 1);
          found++;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  if (found != RD_N_FACTORS)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("The assessment with id %s has no targets"), id_text);
      return FALSE;
    }

  return TRUE;
}

gboolean
rd_store_set_target (RdStore   *self,
                     gint64     assessment_id,
                     RdFactor   factor,
                     double     target,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (factor < RD_N_FACTORS, FALSE);

  if (!isfinite (target) || target < 0 || target > 100)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("A target must lie between 0 and 100, not %g"), target);
      return FALSE;
    }

  stmt = rd_store_prepare (self, "UPDATE target SET target = ?3 WHERE assessment_id = ?1 AND factor = ?2",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, rd_factor_to_id (factor), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 3, target);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ANSWERS, assessment_id);
  return TRUE;
}

gboolean
rd_store_set_position (RdStore     *self,
                       gint64       assessment_id,
                       const char  *area_id,
                       const char  *item_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "UPDATE assessment SET last_area = ?2, last_item = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rd_store_bind_text_or_null (stmt, 2, area_id);
  rd_store_bind_text_or_null (stmt, 3, item_id);
  return rd_store_step_done (self, stmt, error) &&
         rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error);
}

gboolean
rd_store_get_position (RdStore     *self,
                       gint64       assessment_id,
                       char       **area_id,
                       char       **item_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  *area_id = NULL;
  *item_id = NULL;

  stmt = rd_store_prepare (self, "SELECT last_area, last_item FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *area_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %s"), id_text);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}
