#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rd-errors.h"
#include "rd-store-private.h"

/* Commentary and evidence: the part of RdStore that keeps why a school
 * answered an item as it did, and the documents behind it. No figure reads
 * them. Like answers, they change only while the assessment is a draft. */

/* The longest item id: a framework's ids and "own-N" are far shorter. */
#define MAX_ITEM_ID 100

static gboolean
check_item_id (const char  *item_id,
               GError     **error)
{
  gsize len = item_id ? strlen (item_id) : 0;

  if (len == 0 || len > MAX_ITEM_ID)
    goto invalid;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isgraph (item_id[i]))
      goto invalid;
  return TRUE;

invalid:
  g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
               _("“%s” is not an item’s id"), item_id ? item_id : "");
  return FALSE;
}

/* A draft's commentary and evidence can change; a complete assessment's
 * cannot, until it is reopened. */
static gboolean
check_assessment_editable (RdStore  *self,
                           gint64    assessment_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *status = NULL;
  int rc;

  stmt = rd_store_prepare (self, "SELECT status FROM assessment WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  if (status == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %s"), id_text);
      return FALSE;
    }

  if (!g_str_equal (status, rd_assessment_status_to_id (RD_ASSESSMENT_STATUS_DRAFT)))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_COMPLETE,
                           _("The assessment is complete; reopen it to change its commentary and evidence"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rd_store_set_item_commentary (RdStore     *self,
                              gint64       assessment_id,
                              const char  *item_id,
                              const char  *commentary,
                              GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!check_item_id (item_id, error) ||
      !rd_store_clean_text (RD_FIELD_ITEM_COMMENTARY, commentary, &clean, error) ||
      !check_assessment_editable (self, assessment_id, error))
    return FALSE;

  /* An empty commentary is none: the row goes. */
  if (clean == NULL || *clean == '\0')
    stmt = rd_store_prepare (self, "DELETE FROM item_note WHERE assessment_id = ?1 AND item_id = ?2", error);
  else
    stmt = rd_store_prepare (self,
                             "INSERT INTO item_note (assessment_id, item_id, commentary, changed) "
                             "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (assessment_id, item_id) DO UPDATE "
                             "SET commentary = excluded.commentary, changed = excluded.changed "
                             "WHERE commentary IS NOT excluded.commentary", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
  if (clean != NULL && *clean != '\0')
    {
      sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
    }
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    rd_store_emit_evidence_changed (self, assessment_id, item_id);
  return TRUE;
}

char *
rd_store_get_item_commentary (RdStore     *self,
                              gint64       assessment_id,
                              const char  *item_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  char *commentary = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self, "SELECT commentary FROM item_note WHERE assessment_id = ?1 AND item_id = ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    commentary = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (stmt);

  return commentary;
}

GHashTable *
rd_store_list_item_commentaries (RdStore  *self,
                                 gint64    assessment_id,
                                 GError  **error)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self, "SELECT item_id, commentary FROM item_note WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (notes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&notes);
}

typedef struct
{
  char *title;
  char *location;
} EvidenceTexts;

static void
evidence_texts_clear (EvidenceTexts *texts)
{
  g_clear_pointer (&texts->title, g_free);
  g_clear_pointer (&texts->location, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvidenceTexts, evidence_texts_clear)

gboolean
rd_store_clean_evidence (const RdEvidenceInfo  *info,
                         char                 **title,
                         char                 **location,
                         GError               **error)
{
  g_auto(EvidenceTexts) texts = { 0 };
  RdEvidenceLocation kind;

  if (!check_item_id (info->item_id, error) ||
      !rd_store_clean_text (RD_FIELD_EVIDENCE_TITLE, info->title, &texts.title, error) ||
      !rd_store_clean_text (RD_FIELD_EVIDENCE_LOCATION, info->location, &texts.location, error))
    return FALSE;

  if (texts.title == NULL || *texts.title == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Evidence needs a title"));
      return FALSE;
    }
  if (!rd_evidence_location_classify (texts.location, &kind, error))
    return FALSE;
  if (info->date != NULL && *info->date != '\0' && !rd_evidence_date_is_valid (info->date))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a date such as 2026-09-30"), info->date);
      return FALSE;
    }

  *title = g_steal_pointer (&texts.title);
  *location = kind == RD_EVIDENCE_LOCATION_NONE ? NULL : g_steal_pointer (&texts.location);
  return TRUE;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           const char   *date)
{
  rd_store_bind_text_or_null (stmt, column, date != NULL && *date != '\0' ? date : NULL);
}

gint64
rd_store_add_evidence (RdStore               *self,
                       const RdEvidenceInfo  *info,
                       GError               **error)
{
  g_auto(EvidenceTexts) texts = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (!rd_store_clean_evidence (info, &texts.title, &texts.location, error) ||
      !check_assessment_editable (self, info->assessment_id, error))
    return 0;

  stmt = rd_store_prepare (self,
                           "INSERT INTO evidence (assessment_id, item_id, title, location, date, created) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, info->assessment_id);
  sqlite3_bind_text (stmt, 2, info->item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, texts.title, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 4, texts.location);
  bind_date (stmt, 5, info->date);
  sqlite3_bind_int64 (stmt, 6, info->created != 0 ? info->created : g_get_real_time () / G_USEC_PER_SEC);
  if (!rd_store_step_done (self, stmt, error))
    return 0;

  rd_store_emit_evidence_changed (self, info->assessment_id, info->item_id);
  return sqlite3_last_insert_rowid (self->db);
}

/* The evidence's assessment and item, or FALSE with NOT_FOUND. */
static gboolean
lookup_evidence (RdStore   *self,
                 gint64     evidence_id,
                 gint64    *assessment_id,
                 char     **item_id,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rd_store_prepare (self, "SELECT assessment_id, item_id FROM evidence WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *assessment_id = sqlite3_column_int64 (stmt, 0);
      *item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    rd_store_set_sqlite_error (error, self->db, rc, self->path);
  else
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, evidence_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no evidence with id %s"), id_text);
    }
  return FALSE;
}

gboolean
rd_store_update_evidence (RdStore               *self,
                          gint64                 evidence_id,
                          const RdEvidenceInfo  *info,
                          GError               **error)
{
  g_auto(EvidenceTexts) texts = { 0 };
  g_autofree char *item_id = NULL;
  gint64 assessment_id = 0;
  RdEvidenceInfo checked;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!lookup_evidence (self, evidence_id, &assessment_id, &item_id, error))
    return FALSE;

  /* The evidence stays with its item; only its texts and date change. */
  checked = *info;
  checked.item_id = item_id;
  if (!rd_store_clean_evidence (&checked, &texts.title, &texts.location, error) ||
      !check_assessment_editable (self, assessment_id, error))
    return FALSE;

  stmt = rd_store_prepare (self,
                           "UPDATE evidence SET title = ?2, location = ?3, date = ?4 "
                           "WHERE id = ?1 AND trashed = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_text (stmt, 2, texts.title, -1, SQLITE_TRANSIENT);
  rd_store_bind_text_or_null (stmt, 3, texts.location);
  bind_date (stmt, 4, info->date);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, evidence_id);
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no evidence with id %s"), id_text);
      return FALSE;
    }

  rd_store_emit_evidence_changed (self, assessment_id, item_id);
  return TRUE;
}

static gboolean
set_evidence_trashed (RdStore   *self,
                      gint64     evidence_id,
                      gboolean   trashed,
                      GError   **error)
{
  g_autofree char *item_id = NULL;
  gint64 assessment_id = 0;
  sqlite3_stmt *stmt;

  if (!lookup_evidence (self, evidence_id, &assessment_id, &item_id, error) ||
      !check_assessment_editable (self, assessment_id, error))
    return FALSE;

  stmt = rd_store_prepare (self, "UPDATE evidence SET trashed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, trashed);
  if (!rd_store_step_done (self, stmt, error))
    return FALSE;

  rd_store_emit_evidence_changed (self, assessment_id, item_id);
  return TRUE;
}

gboolean
rd_store_trash_evidence (RdStore  *self,
                         gint64    evidence_id,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_evidence_trashed (self, evidence_id, TRUE, error);
}

gboolean
rd_store_restore_evidence (RdStore  *self,
                           gint64    evidence_id,
                           GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  return set_evidence_trashed (self, evidence_id, FALSE, error);
}

/* For good, and only what is still in the trash: an undone removal stays. */
gboolean
rd_store_purge_evidence (RdStore  *self,
                         gint64    evidence_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = rd_store_prepare (self, "DELETE FROM evidence WHERE id = ?1 AND trashed = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  return rd_store_step_done (self, stmt, error);
}

static gpointer
read_evidence (sqlite3_stmt *stmt)
{
  RdEvidenceInfo info = {
    .id = sqlite3_column_int64 (stmt, 0),
    .assessment_id = sqlite3_column_int64 (stmt, 1),
    .item_id = (const char *) sqlite3_column_text (stmt, 2),
    .title = (const char *) sqlite3_column_text (stmt, 3),
    .location = (const char *) sqlite3_column_text (stmt, 4),
    .date = (const char *) sqlite3_column_text (stmt, 5),
    .created = sqlite3_column_int64 (stmt, 6),
  };

  return rd_evidence_new (&info);
}

/* In the order they were added, by item when @item_id is NULL. */
GPtrArray *
rd_store_list_evidence (RdStore     *self,
                        gint64       assessment_id,
                        const char  *item_id,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT id, assessment_id, item_id, title, location, date, created FROM evidence "
                           "WHERE assessment_id = ?1 AND trashed = 0 AND (?2 IS NULL OR item_id = ?2) "
                           "ORDER BY item_id, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rd_store_bind_text_or_null (stmt, 2, item_id);
  return rd_store_collect_rows (self, stmt, read_evidence, g_object_unref, error);
}

GHashTable *
rd_store_count_evidence_by_item (RdStore  *self,
                                 gint64    assessment_id,
                                 GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = rd_store_prepare (self,
                           "SELECT item_id, count(*) FROM evidence WHERE assessment_id = ?1 AND trashed = 0 "
                           "GROUP BY item_id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rd_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

gboolean
rd_store_count_items_without_evidence (RdStore             *self,
                                       gint64               assessment_id,
                                       const char * const  *item_ids,
                                       guint               *n_without,
                                       GError             **error)
{
  g_autoptr(GHashTable) counts = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  counts = rd_store_count_evidence_by_item (self, assessment_id, error);
  if (counts == NULL)
    return FALSE;

  *n_without = 0;
  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    if (!g_hash_table_contains (counts, item_ids[i]))
      (*n_without)++;
  return TRUE;
}
