#pragma once

#include <sqlite3.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* Shared by the files that make up RdStore; not for other code. */
struct _RdStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text (a string literal, by address) → prepared sqlite3_stmt */
};

typedef enum {
  RD_STORE_CHANGE_SCHOOLS,
  RD_STORE_CHANGE_ASSESSMENTS,
  RD_STORE_CHANGE_ANSWERS,
  RD_STORE_CHANGE_ACTIONS,
} RdStoreChange;

typedef gpointer (*RdStoreRowReader) (sqlite3_stmt *stmt);

void          rd_store_set_sqlite_error  (GError          **error,
                                          sqlite3          *db,
                                          int               rc,
                                          const char       *path);
sqlite3_stmt *rd_store_prepare           (RdStore          *self,
                                          const char       *sql,
                                          GError          **error);
gboolean      rd_store_step_done         (RdStore          *self,
                                          sqlite3_stmt     *stmt,
                                          GError          **error);
gboolean      rd_store_exec              (RdStore          *self,
                                          const char       *sql,
                                          GError          **error);
void          rd_store_rollback          (RdStore          *self);
GPtrArray    *rd_store_collect_rows      (RdStore          *self,
                                          sqlite3_stmt     *stmt,
                                          RdStoreRowReader  read_row,
                                          GDestroyNotify    free_row,
                                          GError          **error);
void          rd_store_bind_text_or_null (sqlite3_stmt     *stmt,
                                          int               column,
                                          const char       *text);
gboolean      rd_store_write_answer      (RdStore          *self,
                                          RdItem           *item,
                                          gint64            respondent_id,
                                          const RdAnswer   *answer,
                                          GError          **error);
gpointer      rd_store_read_answer       (sqlite3_stmt     *stmt);
void          rd_store_emit_changed      (RdStore          *self,
                                          RdStoreChange     change,
                                          gint64            id);

G_END_DECLS
