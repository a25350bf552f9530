#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* The action plan: the part of RdStore that keeps an assessment's actions
 * and carries the unfinished ones over to the next school year. */

gboolean
rd_store_clean_action_texts (const char          *title,
                             const char          *owner,
                             const char          *criterion,
                             const char          *notes,
                             RdStoreActionTexts  *out,
                             GError             **error)
{
  *out = (RdStoreActionTexts) { 0 };
  if (!rd_store_clean_text (RD_FIELD_ACTION_TITLE, title, &out->title, error) ||
      !rd_store_clean_text (RD_FIELD_ACTION_OWNER, owner, &out->owner, error) ||
      !rd_store_clean_text (RD_FIELD_ACTION_CRITERION, criterion, &out->criterion, error) ||
      !rd_store_clean_text (RD_FIELD_ACTION_NOTES, notes, &out->notes, error))
    {
      rd_store_action_texts_clear (out);
      return FALSE;
    }

  if (out->title == NULL || *out->title == '\0')
    {
      rd_store_action_texts_clear (out);
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("An action needs a title"));
      return FALSE;
    }

  return TRUE;
}

void
rd_store_action_texts_clear (RdStoreActionTexts *texts)
{
  g_clear_pointer (&texts->title, g_free);
  g_clear_pointer (&texts->owner, g_free);
  g_clear_pointer (&texts->criterion, g_free);
  g_clear_pointer (&texts->notes, g_free);
}

static gboolean
check_action (const RdActionInfo  *info,
              RdStoreActionTexts  *texts,
              GError             **error)
{
  g_return_val_if_fail (info->factor < RD_N_FACTORS, FALSE);
  g_return_val_if_fail (info->status < RD_N_ACTION_STATUSES, FALSE);

  if (!rd_store_clean_action_texts (info->title, info->owner, info->criterion, info->notes, texts, error))
    return FALSE;

  if (info->due != NULL && *info->due != '\0' && !rd_action_due_is_valid (info->due))
    {
      rd_store_action_texts_clear (texts);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a due date such as 2027-03-31"), info->due);
      return FALSE;
    }

  return TRUE;
}

static void
bind_action_fields (sqlite3_stmt             *stmt,
                    const RdActionInfo       *info,
                    const RdStoreActionTexts *texts)
{
  sqlite3_bind_text (stmt, 3, texts->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rd_factor_to_id (info->factor), -1, SQLITE_STATIC);
  rd_store_bind_text_or_null (stmt, 5, texts->owner);
  rd_store_bind_text_or_null (stmt, 6, info->due);
  sqlite3_bind_text (stmt, 7, rd_action_status_to_id (info->status), -1, SQLITE_STATIC);
  rd_store_bind_text_or_null (stmt, 8, texts->criterion);
  rd_store_bind_text_or_null (stmt, 9, texts->notes);
}

/* Replaces the linked items; inside the caller's transaction. */
static gboolean
write_action_items (RdStore             *self,
                    gint64               action_id,
                    const char * const  *item_ids,
                    GError             **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "DELETE FROM action_item WHERE action_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  stmt = rd_store_prepare (self, "INSERT OR IGNORE INTO action_item (action_id, position, item_id) "
                        "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, item_ids[i], -1, SQLITE_TRANSIENT);
      if (!rd_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
insert_action (RdStore                  *self,
               gint64                    assessment_id,
               const char               *origin,
               const RdActionInfo       *info,
               const RdStoreActionTexts *texts,
               GError                  **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  gint64 action_id;

  stmt = rd_store_prepare (self,
                  "INSERT INTO action (uuid, assessment_id, title, factor, owner, due, status, "
                  "criterion, notes, origin, carried_from, created) "
                  "SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 FROM assessment "
                  "WHERE id = ?2 AND trashed = 0", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  bind_action_fields (stmt, info, texts);
  sqlite3_bind_text (stmt, 10, origin ? origin : uuid, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 11, info->carried_from);
  sqlite3_bind_int64 (stmt, 12, g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ASSESSMENT, assessment_id, error))
    return 0;

  action_id = sqlite3_last_insert_rowid (self->db);
  if (!write_action_items (self, action_id, info->item_ids, error))
    return 0;

  return action_id;
}

static gboolean
copy_action (RdStore     *self,
             gint64       action_id,
             gint64       assessment_id,
             const char  *from_year,
             GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  gint64 copy_id;

  stmt = rd_store_prepare (self,
                  "INSERT INTO action (uuid, origin, assessment_id, title, factor, owner, due, status, "
                  "criterion, notes, carried_from, created) "
                  "SELECT ?1, origin, ?2, title, factor, owner, due, status, criterion, notes, ?3, ?4 "
                  "FROM action WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  sqlite3_bind_text (stmt, 3, from_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 5, action_id);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  copy_id = sqlite3_last_insert_rowid (self->db);
  stmt = rd_store_prepare (self,
                  "INSERT INTO action_item (action_id, item_id, position) "
                  "SELECT ?1, item_id, position FROM action_item WHERE action_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, copy_id);
  sqlite3_bind_int64 (stmt, 2, action_id);
  return rd_store_step_done (self, stmt, error);
}

/* The unfinished actions of the school's latest earlier year, once each
 * even when that year has two assessments that both carry a copy. */
gboolean
rd_store_carry_over_actions (RdStore     *self,
                             gint64       school_id,
                             const char  *school_year,
                             gint64       assessment_id,
                             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *from_year = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = rd_store_prepare (self,
                  "SELECT x.id, a.school_year FROM action x JOIN assessment a ON a.id = x.assessment_id "
                  "WHERE a.school_id = ?1 AND a.trashed = 0 AND x.trashed = 0 AND x.status <> 'done' "
                  "AND a.school_year = (SELECT max(school_year) FROM assessment "
                  "  WHERE school_id = ?1 AND trashed = 0 AND school_year < ?2) "
                  "AND x.id = (SELECT max(y.id) FROM action y JOIN assessment b ON b.id = y.assessment_id "
                  "  WHERE y.origin = x.origin AND y.trashed = 0 AND b.school_id = ?1 "
                  "  AND b.trashed = 0 AND b.school_year = a.school_year) "
                  "ORDER BY x.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, school_year, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (from_year == NULL)
        from_year = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!copy_action (self, g_array_index (ids, gint64, i), assessment_id, from_year, error))
      return FALSE;

  return TRUE;
}

gint64
rd_store_add_action (RdStore             *self,
                     gint64               assessment_id,
                     const RdActionInfo  *info,
                     GError             **error)
{
  g_auto(RdStoreActionTexts) texts = { 0 };
  gint64 action_id;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (!check_action (info, &texts, error) ||
      !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;

  action_id = insert_action (self, assessment_id, NULL, info, &texts, error);
  if (action_id == 0 || !rd_store_exec (self, "COMMIT", error))
    {
      rd_store_rollback (self);
      return 0;
    }

  rd_store_emit_changed (self, RD_STORE_CHANGE_ACTIONS, assessment_id);
  return action_id;
}

static gint64
assessment_of_action (RdStore *self,
                      gint64   action_id)
{
  return rd_store_lookup_id (self, "SELECT assessment_id FROM action WHERE id = ?1", action_id);
}

gboolean
rd_store_update_action (RdStore             *self,
                        gint64               action_id,
                        const RdActionInfo  *info,
                        GError             **error)
{
  g_auto(RdStoreActionTexts) texts = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!check_action (info, &texts, error) ||
      !rd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = rd_store_prepare (self,
                  "UPDATE action SET title = ?3, factor = ?4, owner = ?5, due = ?6, status = ?7, "
                  "criterion = ?8, notes = ?9 WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, action_id);
  bind_action_fields (stmt, info, &texts);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ACTION, action_id, error) ||
      !write_action_items (self, action_id, info->item_ids, error) ||
      !rd_store_exec (self, "COMMIT", error))
    goto failed;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ACTIONS, assessment_of_action (self, action_id));
  return TRUE;

failed:
  rd_store_rollback (self);
  return FALSE;
}

/* Linked items come as one text joined by the unit separator, which no item id holds. */
#define ACTION_COLUMNS \
  "x.id, x.assessment_id, x.title, x.factor, x.owner, x.due, x.status, x.criterion, x.notes, " \
  "x.carried_from, x.created, " \
  "(SELECT group_concat(item_id, char(31)) FROM " \
  "  (SELECT item_id FROM action_item WHERE action_id = x.id ORDER BY position)) "

static gpointer
read_action (sqlite3_stmt *stmt)
{
  const char *items = (const char *) sqlite3_column_text (stmt, 11);
  g_auto(GStrv) item_ids = items ? g_strsplit (items, "\x1f", -1) : NULL;
  RdActionInfo info = {
    .id = sqlite3_column_int64 (stmt, 0),
    .assessment_id = sqlite3_column_int64 (stmt, 1),
    .title = (const char *) sqlite3_column_text (stmt, 2),
    .owner = (const char *) sqlite3_column_text (stmt, 4),
    .due = (const char *) sqlite3_column_text (stmt, 5),
    .criterion = (const char *) sqlite3_column_text (stmt, 7),
    .notes = (const char *) sqlite3_column_text (stmt, 8),
    .carried_from = (const char *) sqlite3_column_text (stmt, 9),
    .created = sqlite3_column_int64 (stmt, 10),
    .item_ids = (const char * const *) item_ids,
  };

  /* The schema's CHECK constraints guarantee known ids. */
  rd_factor_from_id ((const char *) sqlite3_column_text (stmt, 3), &info.factor);
  rd_action_status_from_id ((const char *) sqlite3_column_text (stmt, 6), &info.status);

  return rd_action_new (&info);
}

RdAction *
rd_store_get_action (RdStore  *self,
                     gint64    action_id,
                     GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  RdAction *action;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self, "SELECT " ACTION_COLUMNS "FROM action x WHERE x.id = ?1 AND x.trashed = 0",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, action_id);
  action = rd_store_collect_one_row (self, stmt, read_action, g_object_unref, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (action == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no action with id %s"), id_text);
    }

  return action;
}

/* In the order they were added: the plan's own order. */
GPtrArray *
rd_store_list_actions (RdStore  *self,
                       gint64    assessment_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ACTION_COLUMNS "FROM action x "
                  "WHERE x.assessment_id = ?1 AND x.trashed = 0 ORDER BY x.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return rd_store_collect_rows (self, stmt, read_action, g_object_unref, error);
}

/* The actions marked done in the plans of a school's @school_year, once
 * each when two assessments of that year carry a copy (the latest copy,
 * as rd_store_carry_over_actions() picks one): what a plan closed that
 * year. In the order they were first planned. */
GPtrArray *
rd_store_list_done_actions (RdStore     *self,
                            gint64       school_id,
                            const char  *school_year,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                  "SELECT " ACTION_COLUMNS "FROM action x JOIN assessment a ON a.id = x.assessment_id "
                  "WHERE a.school_id = ?1 AND a.school_year = ?2 AND a.trashed = 0 AND x.trashed = 0 "
                  "AND x.status = 'done' "
                  "AND x.id = (SELECT max(y.id) FROM action y JOIN assessment b ON b.id = y.assessment_id "
                  "  WHERE y.origin = x.origin AND y.trashed = 0 AND y.status = 'done' AND b.school_id = ?1 "
                  "  AND b.trashed = 0 AND b.school_year = ?2) "
                  "ORDER BY (SELECT min(z.id) FROM action z WHERE z.origin = x.origin)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, school_year, -1, SQLITE_TRANSIENT);
  return rd_store_collect_rows (self, stmt, read_action, g_object_unref, error);
}

static gboolean
set_action_trashed (RdStore   *self,
                    gint64     action_id,
                    gboolean   trashed,
                    GError   **error)
{
  sqlite3_stmt *stmt = rd_store_prepare (self, "UPDATE action SET trashed = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int (stmt, 2, trashed);
  if (!rd_store_step_done (self, stmt, error) ||
      !rd_store_expect_changed (self, RD_STORE_ROW_ACTION, action_id, error))
    return FALSE;

  rd_store_emit_changed (self, RD_STORE_CHANGE_ACTIONS, assessment_of_action (self, action_id));
  return TRUE;
}

gboolean
rd_store_trash_action (RdStore  *self,
                       gint64    action_id,
                       GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_action_trashed (self, action_id, TRUE, error);
}

gboolean
rd_store_restore_action (RdStore  *self,
                         gint64    action_id,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_action_trashed (self, action_id, FALSE, error);
}

gboolean
rd_store_purge_action (RdStore  *self,
                       gint64    action_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "DELETE FROM action WHERE id = ?1 AND trashed = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, action_id);
  return rd_store_step_done (self, stmt, error);
}
