#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* The school's professional-learning log (migration 9): staff members and
 * their learning activities, and the figures computed from them
 * (rd-learning-facts.h). Names stay in this part of the file: no export
 * or exchange reads them. The schema's triggers mark the school's kept
 * scores stale on every change. */

/* Every assessment of the school shows figures from the log: they hear
 * of a change as of a change of their answers. */
static void
emit_log_changed (RdStore *self,
                  gint64   school_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT id FROM assessment WHERE school_id = ?1 AND summary_only = 0 "
                                         "AND trashed = 0 ORDER BY id", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, school_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }

  rd_store_emit_changed (self, RD_STORE_CHANGE_LEARNING_LOG, school_id);
  for (guint i = 0; i < ids->len; i++)
    rd_store_emit_changed (self, RD_STORE_CHANGE_ANSWERS, g_array_index (ids, gint64, i));
}

/* Staff members */

typedef struct
{
  char *name;
  char *joined;
  char *departed;
} StaffTexts;

static void
staff_texts_clear (StaffTexts *texts)
{
  g_clear_pointer (&texts->name, g_free);
  g_clear_pointer (&texts->joined, g_free);
  g_clear_pointer (&texts->departed, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StaffTexts, staff_texts_clear)

static gboolean
check_staff (const RdStaffMemberInfo  *info,
             StaffTexts               *texts,
             GError                  **error)
{
  RdStaffMemberInfo cleaned;

  if (!rd_store_clean_text (RD_FIELD_STAFF_NAME, info->name, &texts->name, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->joined, &texts->joined, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->departed, &texts->departed, error))
    return FALSE;

  cleaned = *info;
  cleaned.name = texts->name;
  cleaned.joined = texts->joined;
  cleaned.departed = texts->departed;
  return rd_staff_member_info_validate (&cleaned, error);
}

static void
bind_staff (sqlite3_stmt     *stmt,
            const RdStaffMemberInfo *info,
            const StaffTexts *texts)
{
  sqlite3_bind_text (stmt, 2, texts->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, rd_group_to_id (info->group), -1, SQLITE_STATIC);
  rd_store_bind_text_or_null (stmt, 4, texts->joined);
  rd_store_bind_text_or_null (stmt, 5, texts->departed);
}

/* A name already on the school's log (in the trash too: the table keeps
 * names unique per school) is named as such. */
static gboolean
staff_step_done (RdStore       *self,
                 sqlite3_stmt  *stmt,
                 const char    *name,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (rd_store_step_done (self, stmt, &local_error))
    return TRUE;
  if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("The log already has a staff member called “%s”"), name);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gint64
rd_store_add_staff_member (RdStore                  *self,
                           const RdStaffMemberInfo  *info,
                           GError                  **error)
{
  g_auto(StaffTexts) texts = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (!check_staff (info, &texts, error))
    return 0;

  stmt = rd_store_prepare (self,
                           "INSERT INTO staff_member (school_id, name, staff_group, joined, departed, created) "
                           "SELECT id, ?2, ?3, ?4, ?5, ?6 FROM school WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, info->school_id);
  bind_staff (stmt, info, &texts);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!staff_step_done (self, stmt, texts.name, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_SCHOOL, info->school_id, error))
    return 0;

  emit_log_changed (self, info->school_id);
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
school_of_staff (RdStore *self,
                 gint64   staff_id)
{
  return rd_store_lookup_id (self, "SELECT school_id FROM staff_member WHERE id = ?1", staff_id);
}

gboolean
rd_store_update_staff_member (RdStore                  *self,
                              gint64                    staff_id,
                              const RdStaffMemberInfo  *info,
                              GError                  **error)
{
  g_auto(StaffTexts) texts = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!check_staff (info, &texts, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                           "UPDATE staff_member SET name = ?2, staff_group = ?3, joined = ?4, departed = ?5 "
                           "WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  bind_staff (stmt, info, &texts);
  if (!staff_step_done (self, stmt, texts.name, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_STAFF_MEMBER, staff_id, error))
    return FALSE;

  emit_log_changed (self, school_of_staff (self, staff_id));
  return TRUE;
}

static gboolean
set_trashed (RdStore     *self,
             const char  *sql,
             RdStoreRow   kind,
             gint64       id,
             gboolean     trashed,
             gint64       school_id,
             GError     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, trashed);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, kind, id, error))
    return FALSE;

  emit_log_changed (self, school_id);
  return TRUE;
}

/* In the trash, a staff member's activities no longer count; restoring
 * brings them back with it. */
gboolean
rd_store_trash_staff_member (RdStore  *self,
                             gint64    staff_id,
                             GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, "UPDATE staff_member SET trashed = ?2 WHERE id = ?1 AND trashed <> ?2",
                      RD_STORE_ROW_STAFF_MEMBER, staff_id, TRUE, school_of_staff (self, staff_id), error);
}

gboolean
rd_store_restore_staff_member (RdStore  *self,
                               gint64    staff_id,
                               GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, "UPDATE staff_member SET trashed = ?2 WHERE id = ?1 AND trashed <> ?2",
                      RD_STORE_ROW_STAFF_MEMBER, staff_id, FALSE, school_of_staff (self, staff_id), error);
}

/* For good, once the chance to undo is gone; only from the trash. */
static gboolean
purge (RdStore     *self,
       const char  *sql,
       gint64       id,
       GError     **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rd_store_step_done (self, stmt, error);
}

gboolean
rd_store_purge_staff_member (RdStore  *self,
                             gint64    staff_id,
                             GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return purge (self, "DELETE FROM staff_member WHERE id = ?1 AND trashed = 1", staff_id, error);
}

gboolean
rd_store_purge_learning_activity (RdStore  *self,
                                  gint64    activity_id,
                                  GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return purge (self, "DELETE FROM learning_activity WHERE id = ?1 AND trashed = 1", activity_id, error);
}

static gpointer
read_staff (sqlite3_stmt *stmt)
{
  RdStaffMemberInfo info = {
    .id = sqlite3_column_int64 (stmt, 0),
    .school_id = sqlite3_column_int64 (stmt, 1),
    .name = (const char *) sqlite3_column_text (stmt, 2),
    .joined = (const char *) sqlite3_column_text (stmt, 4),
    .departed = (const char *) sqlite3_column_text (stmt, 5),
    .n_activities = (guint) sqlite3_column_int (stmt, 6),
  };

  /* The schema's CHECK admits only staff groups. */
  rd_group_from_id ((const char *) sqlite3_column_text (stmt, 3), &info.group);
  return rd_staff_member_new (&info);
}

/* The school's staff not in the trash, by name. */
GPtrArray *
rd_store_list_staff (RdStore  *self,
                     gint64    school_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT m.id, m.school_id, m.name, m.staff_group, m.joined, m.departed, "
                           "(SELECT count(*) FROM learning_activity WHERE staff_id = m.id AND trashed = 0) "
                           "FROM staff_member m WHERE m.school_id = ?1 AND m.trashed = 0 "
                           "ORDER BY m.name COLLATE NOCASE, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  return rd_store_collect_rows (self, stmt, read_staff, g_object_unref, error);
}

/* Learning activities */

typedef struct
{
  char *title;
  char *issuer_country;
  char *awarding_body;
  char *issued;
  char *learning_outcomes;
  char *assessment_type;
  char *quality_assurance;
  char *prerequisites;
  char *grade;
  char *further_information;
} ActivityTexts;

static void
activity_texts_clear (ActivityTexts *texts)
{
  g_clear_pointer (&texts->title, g_free);
  g_clear_pointer (&texts->issuer_country, g_free);
  g_clear_pointer (&texts->awarding_body, g_free);
  g_clear_pointer (&texts->issued, g_free);
  g_clear_pointer (&texts->learning_outcomes, g_free);
  g_clear_pointer (&texts->assessment_type, g_free);
  g_clear_pointer (&texts->quality_assurance, g_free);
  g_clear_pointer (&texts->prerequisites, g_free);
  g_clear_pointer (&texts->grade, g_free);
  g_clear_pointer (&texts->further_information, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActivityTexts, activity_texts_clear)

/* Cleaned as the store keeps text, then checked as a whole. */
static gboolean
check_activity (const RdLearningActivityInfo  *info,
                ActivityTexts                 *texts,
                GError                       **error)
{
  RdLearningActivityInfo cleaned;

  if (!rd_store_clean_text (RD_FIELD_ACTIVITY_TITLE, info->title, &texts->title, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->issuer_country, &texts->issuer_country, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->awarding_body, &texts->awarding_body, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->issued, &texts->issued, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_DETAILS, info->learning_outcomes, &texts->learning_outcomes, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->assessment_type, &texts->assessment_type, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->quality_assurance, &texts->quality_assurance, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_DETAILS, info->prerequisites, &texts->prerequisites, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_TEXT, info->grade, &texts->grade, error) ||
      !rd_store_clean_text (RD_FIELD_ACTIVITY_DETAILS, info->further_information, &texts->further_information, error))
    return FALSE;

  cleaned = *info;
  cleaned.title = texts->title;
  cleaned.issuer_country = texts->issuer_country;
  cleaned.awarding_body = texts->awarding_body;
  cleaned.issued = texts->issued;
  cleaned.learning_outcomes = texts->learning_outcomes;
  cleaned.assessment_type = texts->assessment_type;
  cleaned.quality_assurance = texts->quality_assurance;
  cleaned.prerequisites = texts->prerequisites;
  cleaned.grade = texts->grade;
  cleaned.further_information = texts->further_information;
  return rd_learning_activity_info_validate (&cleaned, error);
}

static void
bind_number_or_null (sqlite3_stmt *stmt,
                     int           column,
                     double        value)
{
  if (value > 0)
    sqlite3_bind_double (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           column,
                 const char   *id)
{
  if (id != NULL)
    sqlite3_bind_text (stmt, column, id, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

/* The activity's columns from ?2 to ?18, in ACTIVITY_COLUMNS' order. */
static void
bind_activity (sqlite3_stmt                 *stmt,
               const RdLearningActivityInfo *info,
               const ActivityTexts          *texts)
{
  sqlite3_bind_text (stmt, 2, texts->title, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 3, texts->issuer_country);
  rd_store_bind_text_or_null (stmt, 4, texts->awarding_body);
  sqlite3_bind_text (stmt, 5, texts->issued, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 6, texts->learning_outcomes);
  bind_number_or_null (stmt, 7, info->workload_ects);
  bind_number_or_null (stmt, 8, info->workload_hours);
  if (info->eqf_level > 0)
    sqlite3_bind_int (stmt, 9, (int) info->eqf_level);
  else
    sqlite3_bind_null (stmt, 9);
  rd_store_bind_text_or_null (stmt, 10, texts->assessment_type);
  bind_id_or_null (stmt, 11, rd_participation_to_id (info->participation));
  rd_store_bind_text_or_null (stmt, 12, texts->quality_assurance);
  rd_store_bind_text_or_null (stmt, 13, texts->prerequisites);
  bind_id_or_null (stmt, 14, rd_supervision_to_id (info->supervision));
  rd_store_bind_text_or_null (stmt, 15, texts->grade);
  bind_id_or_null (stmt, 16, rd_stackability_to_id (info->stackability));
  rd_store_bind_text_or_null (stmt, 17, texts->further_information);
}

/* Replaces the activity's areas; inside the caller's transaction. */
static gboolean
write_areas (RdStore             *self,
             gint64               activity_id,
             const char * const  *area_ids,
             GError             **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "DELETE FROM learning_area WHERE activity_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rd_store_prepare (self, "INSERT OR IGNORE INTO learning_area (activity_id, area_id) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; area_ids != NULL && area_ids[i] != NULL; i++)
    {
      if (*area_ids[i] == '\0')
        continue;
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_text (stmt, 2, area_ids[i], -1, SQLITE_TRANSIENT);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the caller's transaction: for an import of many. */
gint64
rd_store_insert_learning_activity (RdStore                       *self,
                                   const RdLearningActivityInfo  *info,
                                   GError                       **error)
{
  g_auto(ActivityTexts) texts = { 0 };
  sqlite3_stmt *stmt;
  gint64 activity_id;

  if (!check_activity (info, &texts, error))
    return 0;

  stmt = rd_store_prepare (self,
                           "INSERT INTO learning_activity (staff_id, title, issuer_country, awarding_body, issued, "
                           "learning_outcomes, workload_ects, workload_hours, eqf_level, assessment_type, "
                           "participation, quality_assurance, prerequisites, supervision, grade, stackability, "
                           "further_information, created) "
                           "SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18 "
                           "FROM staff_member WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, info->staff_id);
  bind_activity (stmt, info, &texts);
  sqlite3_bind_int64 (stmt, 18, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_STAFF_MEMBER, info->staff_id, error))
    return 0;

  activity_id = sqlite3_last_insert_rowid (self->db);
  if (!write_areas (self, activity_id, info->area_ids, error))
    return 0;
  return activity_id;
}

gint64
rd_store_add_learning_activity (RdStore                       *self,
                                const RdLearningActivityInfo  *info,
                                GError                       **error)
{
  gint64 activity_id;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  activity_id = rd_store_insert_learning_activity (self, info, error);
  if (activity_id == 0 || !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return 0;
    }

  emit_log_changed (self, school_of_staff (self, info->staff_id));
  return activity_id;
}

static gint64
school_of_activity (RdStore *self,
                    gint64   activity_id)
{
  return rd_store_lookup_id (self,
                             "SELECT s.school_id FROM learning_activity a JOIN staff_member s ON s.id = a.staff_id "
                             "WHERE a.id = ?1", activity_id);
}

/* The activity's row and areas as @info says; inside the caller's
 * transaction. */
static gboolean
update_activity_row (RdStore                       *self,
                     gint64                         activity_id,
                     const RdLearningActivityInfo  *info,
                     GError                       **error)
{
  g_auto(ActivityTexts) texts = { 0 };
  sqlite3_stmt *stmt;

  if (!check_activity (info, &texts, error))
    return FALSE;
  stmt = rd_store_prepare (self,
                           "UPDATE learning_activity SET staff_id = ?1, title = ?2, issuer_country = ?3, "
                           "awarding_body = ?4, issued = ?5, learning_outcomes = ?6, workload_ects = ?7, "
                           "workload_hours = ?8, eqf_level = ?9, assessment_type = ?10, participation = ?11, "
                           "quality_assurance = ?12, prerequisites = ?13, supervision = ?14, grade = ?15, "
                           "stackability = ?16, further_information = ?17 WHERE id = ?18 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->staff_id);
  bind_activity (stmt, info, &texts);
  sqlite3_bind_int64 (stmt, 18, activity_id);
  return rd_store_step_done (self, stmt, error) &&
         rd_store_expect_changed (self, RD_STORE_ROW_LEARNING_ACTIVITY, activity_id, error) &&
         write_areas (self, activity_id, info->area_ids, error);
}

/* Also moves the activity to another staff member of the same school. */
gboolean
rd_store_update_learning_activity (RdStore                       *self,
                                   gint64                         activity_id,
                                   const RdLearningActivityInfo  *info,
                                   GError                       **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (school_of_staff (self, info->staff_id) == 0)
    return rd_store_expect_changed (self, RD_STORE_ROW_STAFF_MEMBER, info->staff_id, error);
  if (school_of_staff (self, info->staff_id) != school_of_activity (self, activity_id))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, activity_id);

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no learning activity with id %s"), id_text);
      return FALSE;
    }
  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!update_activity_row (self, activity_id, info, error) || !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return FALSE;
    }

  emit_log_changed (self, school_of_activity (self, activity_id));
  return TRUE;
}

gboolean
rd_store_trash_learning_activity (RdStore  *self,
                                  gint64    activity_id,
                                  GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, "UPDATE learning_activity SET trashed = ?2 WHERE id = ?1 AND trashed <> ?2",
                      RD_STORE_ROW_LEARNING_ACTIVITY, activity_id, TRUE,
                      school_of_activity (self, activity_id), error);
}

gboolean
rd_store_restore_learning_activity (RdStore  *self,
                                    gint64    activity_id,
                                    GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_trashed (self, "UPDATE learning_activity SET trashed = ?2 WHERE id = ?1 AND trashed <> ?2",
                      RD_STORE_ROW_LEARNING_ACTIVITY, activity_id, FALSE,
                      school_of_activity (self, activity_id), error);
}

/* Areas come as one text joined by the unit separator, which no id holds. */
#define ACTIVITY_COLUMNS \
  "a.id, a.staff_id, a.title, a.issuer_country, a.awarding_body, a.issued, a.learning_outcomes, " \
  "a.workload_ects, a.workload_hours, a.eqf_level, a.assessment_type, a.participation, " \
  "a.quality_assurance, a.prerequisites, a.supervision, a.grade, a.stackability, " \
  "a.further_information, a.created, " \
  "(SELECT group_concat(area_id, char(31)) FROM " \
  "  (SELECT area_id FROM learning_area WHERE activity_id = a.id ORDER BY area_id)) "

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gpointer
read_activity (sqlite3_stmt *stmt)
{
  const char *areas = column_text (stmt, 19);
  g_auto(GStrv) area_ids = areas ? g_strsplit (areas, "\x1f", -1) : NULL;
  RdLearningActivityInfo info = {
    .id = sqlite3_column_int64 (stmt, 0),
    .staff_id = sqlite3_column_int64 (stmt, 1),
    .title = column_text (stmt, 2),
    .issuer_country = column_text (stmt, 3),
    .awarding_body = column_text (stmt, 4),
    .issued = column_text (stmt, 5),
    .learning_outcomes = column_text (stmt, 6),
    .workload_ects = sqlite3_column_double (stmt, 7),
    .workload_hours = sqlite3_column_double (stmt, 8),
    .eqf_level = (guint) sqlite3_column_int (stmt, 9),
    .assessment_type = column_text (stmt, 10),
    .quality_assurance = column_text (stmt, 12),
    .prerequisites = column_text (stmt, 13),
    .grade = column_text (stmt, 15),
    .further_information = column_text (stmt, 17),
    .created = sqlite3_column_int64 (stmt, 18),
    .area_ids = (const char * const *) area_ids,
  };

  /* The schema's CHECK constraints admit only known ids, or NULL. */
  rd_participation_from_id (column_text (stmt, 11), &info.participation);
  rd_supervision_from_id (column_text (stmt, 14), &info.supervision);
  rd_stackability_from_id (column_text (stmt, 16), &info.stackability);
  return rd_learning_activity_new (&info);
}

/* The activities not in the trash of the school's staff not in the trash,
 * by staff member, newest first. */
GPtrArray *
rd_store_list_learning_activities (RdStore  *self,
                                   gint64    school_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT " ACTIVITY_COLUMNS "FROM learning_activity a "
                           "JOIN staff_member m ON m.id = a.staff_id "
                           "WHERE m.school_id = ?1 AND m.trashed = 0 AND a.trashed = 0 "
                           "ORDER BY m.name COLLATE NOCASE, m.id, a.issued DESC, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  return rd_store_collect_rows (self, stmt, read_activity, g_object_unref, error);
}

RdLearningActivity *
rd_store_get_learning_activity (RdStore  *self,
                                gint64    activity_id,
                                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  RdLearningActivity *activity;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self, "SELECT " ACTIVITY_COLUMNS "FROM learning_activity a "
                           "WHERE a.id = ?1 AND a.trashed = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  activity = rd_store_collect_one_row (self, stmt, read_activity, g_object_unref, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (activity == NULL)
    rd_store_expect_changed (self, RD_STORE_ROW_LEARNING_ACTIVITY, activity_id, error);
  return activity;
}

/* The figures */

gboolean
rd_store_get_learning_facts (RdStore          *self,
                             gint64            school_id,
                             guint32           reference_day,
                             RdLearningFacts  *facts,
                             GError          **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  if (reference_day == 0)
    reference_day = rd_day_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
  staff = rd_store_list_staff (self, school_id, error);
  activities = staff ? rd_store_list_learning_activities (self, school_id, error) : NULL;
  if (activities == NULL)
    return FALSE;

  rd_learning_facts_compute (staff, activities, reference_day, facts);
  return TRUE;
}

/* An imported assessment's figures, as its file carried them: at most
 * one per measured item; others are skipped. */
static gboolean
read_log_figures (RdStore          *self,
                  gint64            assessment_id,
                  RdLearningFacts  *facts,
                  GError          **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT item_id, value, n_staff FROM log_figure "
                                         "WHERE assessment_id = ?1 ORDER BY item_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item_id = rd_learning_measure_id (column_text (stmt, 0));
      double value = sqlite3_column_double (stmt, 1);

      if (item_id == NULL || facts->n_figures >= RD_LEARNING_N_MEASURES || !isfinite (value) ||
          rd_learning_facts_lookup (facts, item_id) != NULL)
        continue;
      facts->figures[facts->n_figures++] = (RdLogFigure) {
        item_id, CLAMP (value, 0.0, 100.0), (guint) sqlite3_column_int (stmt, 2),
      };
      facts->imported = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

/* The figures an assessment's analysis takes from the log: those its
 * exchange file carried, for an imported one; else computed from the
 * school's log on its reference date (today when it has none). */
gboolean
rd_store_get_assessment_log_figures (RdStore          *self,
                                     gint64            assessment_id,
                                     RdLearningFacts  *facts,
                                     RdSchoolType     *school_type,
                                     GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 school_id = 0;
  guint32 reference_day = 0;
  RdSchoolType type = RD_SCHOOL_TYPE_UNSET;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  stmt = rd_store_prepare (self,
                           "SELECT a.school_id, a.reference_date, s.school_type FROM assessment a "
                           "JOIN school s ON s.id = a.school_id WHERE a.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      school_id = sqlite3_column_int64 (stmt, 0);
      reference_day = rd_day_from_iso (column_text (stmt, 1));
      type = rd_store_column_school_type (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        rd_store_set_sqlite_error (error, self->db, rc, self->path);
      else
        rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error);
      return FALSE;
    }
  if (school_type != NULL)
    *school_type = type;

  if (reference_day == 0)
    reference_day = rd_day_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
  *facts = (RdLearningFacts) { .reference_day = reference_day, .hours_per_teacher = NAN };
  if (!read_log_figures (self, assessment_id, facts, error))
    return FALSE;
  if (facts->imported)
    return TRUE;
  return rd_store_get_learning_facts (self, school_id, reference_day, facts, error);
}

/* What every figure of an assessment rests on: its answers, and the log's
 * answers (rd_learning_facts_add_answers()). The answers exports and the
 * exchange read rd_store_list_answers(), which has no log in it. */
GPtrArray *
rd_store_list_scored_answers (RdStore      *self,
                              RdFramework  *framework,
                              gint64        assessment_id,
                              GError      **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  RdLearningFacts facts;
  RdSchoolType school_type;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  answers = rd_store_list_answers (self, assessment_id, error);
  if (answers == NULL ||
      !rd_store_get_assessment_log_figures (self, assessment_id, &facts, &school_type, error))
    return NULL;

  rd_learning_facts_add_answers (&facts, framework, school_type, answers);
  return g_steal_pointer (&answers);
}

/* Importing a log (rd-learning-csv.h) */

static gint64
import_staff (RdStore              *self,
              gint64                school_id,
              const RdLearningRow  *row,
              GError              **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "SELECT id FROM staff_member WHERE school_id = ?1 AND name = ?2",
                                         error);
  gint64 staff_id = 0;
  g_auto(StaffTexts) texts = { 0 };

  if (stmt == NULL || !check_staff (&row->staff, &texts, error))
    return 0;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, texts.name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    staff_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* One already on the log (or in its trash) takes the file's group and dates. */
  if (staff_id != 0)
    stmt = rd_store_prepare (self, "UPDATE staff_member SET name = ?2, staff_group = ?3, joined = ?4, departed = ?5, "
                             "trashed = 0 WHERE id = ?1", error);
  else
    stmt = rd_store_prepare (self, "INSERT INTO staff_member (school_id, name, staff_group, joined, departed, created) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, staff_id != 0 ? staff_id : school_id);
  bind_staff (stmt, &row->staff, &texts);
  if (staff_id == 0)
    sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return 0;
  return staff_id != 0 ? staff_id : sqlite3_last_insert_rowid (self->db);
}

/* An activity is known by its staff member, title and date of issue: a
 * file imported twice changes the log once. */
static gboolean
import_activity (RdStore              *self,
                 gint64                staff_id,
                 const RdLearningRow  *row,
                 GError              **error)
{
  RdLearningActivityInfo info = row->activity;
  sqlite3_stmt *stmt = rd_store_prepare (self,
                                         "SELECT id FROM learning_activity WHERE staff_id = ?1 AND title = ?2 "
                                         "AND issued = ?3 AND trashed = 0", error);
  gint64 activity_id = 0;

  if (stmt == NULL)
    return FALSE;
  info.staff_id = staff_id;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_text (stmt, 2, info.title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info.issued, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    activity_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (activity_id == 0)
    return rd_store_insert_learning_activity (self, &info, error) != 0;
  return update_activity_row (self, activity_id, &info, error);
}

/* All of @table or nothing, in one transaction: staff members by name
 * (one in the trash comes back), activities by staff, title and date. */
gboolean
rd_store_import_learning_log (RdStore                *self,
                              gint64                  school_id,
                              const RdLearningTable  *table,
                              GError                **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (rd_store_lookup_id (self, "SELECT id FROM school WHERE id = ?1 AND trashed = 0", school_id) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, school_id);

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND, _("There is no school with id %s"), id_text);
      return FALSE;
    }
  if (!rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint r = 0; r < rd_learning_table_get_n_rows (table); r++)
    {
      const RdLearningRow *row = rd_learning_table_get_row (table, r);
      gint64 staff_id = import_staff (self, school_id, row, error);

      if (staff_id == 0 || (row->activity.title != NULL && !import_activity (self, staff_id, row, error)))
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
  emit_log_changed (self, school_id);
  return TRUE;
}
