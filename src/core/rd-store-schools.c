#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* Schools: the part of RdStore that adds, changes, lists and trashes them. */

gboolean
rd_store_clean_school (const char  *name,
                       const char  *region,
                       char       **name_out,
                       char       **region_out,
                       GError     **error)
{
  g_autofree char *clean_name = NULL, *clean_region = NULL;

  if (!rd_store_clean_text (RD_FIELD_SCHOOL_NAME, name, &clean_name, error) ||
      !rd_store_clean_text (RD_FIELD_REGION, region, &clean_region, error))
    return FALSE;

  if (clean_name == NULL || *clean_name == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A school needs a name"));
      return FALSE;
    }

  *name_out = g_steal_pointer (&clean_name);
  *region_out = g_steal_pointer (&clean_region);
  return TRUE;
}

void
rd_store_bind_school_type (sqlite3_stmt *stmt,
                           int           column,
                           RdSchoolType  school_type)
{
  rd_store_bind_text_or_null (stmt, column, rd_school_type_to_id (school_type));
}

gint64
rd_store_add_school (RdStore       *self,
                     const char    *name,
                     const char    *region,
                     RdSchoolType   school_type,
                     GError       **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *clean_name = NULL, *clean_region = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (school_type < RD_N_SCHOOL_TYPES, 0);

  if (!rd_store_clean_school (name, region, &clean_name, &clean_region, error))
    return 0;

  stmt = rd_store_prepare (self,
                  "INSERT INTO school (uuid, name, region, school_type, created) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 3, clean_region);
  rd_store_bind_school_type (stmt, 4, school_type);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return 0;

  rd_store_emit_changed (self, RD_STORE_CHANGE_SCHOOLS, 0);
  return sqlite3_last_insert_rowid (self->db);
}

/* The note an older version's type left goes: whoever saves the school
 * has seen it beside the type (the school dialog shows it). A new type
 * marks the school's kept scores stale (trigger school_type_changed). */
gboolean
rd_store_update_school (RdStore       *self,
                        gint64         school_id,
                        const char    *name,
                        const char    *region,
                        RdSchoolType   school_type,
                        GError       **error)
{
  g_autofree char *clean_name = NULL, *clean_region = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (school_type < RD_N_SCHOOL_TYPES, FALSE);

  if (!rd_store_clean_school (name, region, &clean_name, &clean_region, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                  "UPDATE school SET name = ?2, region = ?3, school_type = ?4, type_note = NULL "
                  "WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 3, clean_region);
  rd_store_bind_school_type (stmt, 4, school_type);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_SCHOOL, school_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_SCHOOLS, 0);
  return TRUE;
}

RdSchoolType
rd_store_column_school_type (sqlite3_stmt *stmt,
                             int           column)
{
  RdSchoolType school_type = RD_SCHOOL_TYPE_UNSET;

  /* The table's CHECK admits nothing else. */
  rd_school_type_from_id ((const char *) sqlite3_column_text (stmt, column), &school_type);
  return school_type;
}

static RdSchool *
school_from_row (sqlite3_stmt *stmt)
{
  return rd_school_new (sqlite3_column_int64 (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        rd_store_column_school_type (stmt, 3),
                        (const char *) sqlite3_column_text (stmt, 4));
}

static gpointer
read_school (sqlite3_stmt *stmt)
{
  return school_from_row (stmt);
}

RdSchool *
rd_store_get_school (RdStore     *self,
                     gint64       school_id,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  RdSchool *school;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT id, name, region, school_type, type_note FROM school "
                  "WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, school_id);
  school = rd_store_collect_one_row (self, stmt, read_school, g_object_unref, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (school == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, school_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no school with id %s"), id_text);
    }

  return school;
}

GPtrArray *
rd_store_list_schools (RdStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT id, name, region, school_type, type_note FROM school WHERE trashed = 0 "
                  "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  return rd_store_collect_rows (self, stmt, read_school, g_object_unref, error);
}

/* For changes made through another connection to the same file, such as
 * a worker thread's import: tells this one's listeners. */
void
rd_store_notify_schools_changed (RdStore *self)
{
  g_return_if_fail (RD_IS_STORE (self));
  rd_store_emit_changed (self, RD_STORE_CHANGE_SCHOOLS, 0);
}

/* Whether a school with this stable id is stored, trashed or not. */
gboolean
rd_store_has_school_uuid (RdStore    *self,
                          const char *uuid)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "SELECT 1 FROM school WHERE uuid = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
set_school_trashed (RdStore   *self,
                    gint64     school_id,
                    gboolean   trashed,
                    GError   **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "UPDATE school SET trashed = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, trashed);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_SCHOOL, school_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_SCHOOLS, 0);
  return TRUE;
}

gboolean
rd_store_trash_school (RdStore  *self,
                       gint64    school_id,
                       GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_school_trashed (self, school_id, TRUE, error);
}

gboolean
rd_store_restore_school (RdStore  *self,
                         gint64    school_id,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_school_trashed (self, school_id, FALSE, error);
}

/* Only what is still in the trash: an undone deletion is left alone. */
gboolean
rd_store_purge_school (RdStore  *self,
                       gint64    school_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "DELETE FROM school WHERE id = ?1 AND trashed = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, school_id);
  return rd_store_step_done (self, stmt, error);
}
