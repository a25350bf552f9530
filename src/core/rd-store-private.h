#pragma once

#include <sqlite3.h>

#include "rd-limits.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* Shared by the files that make up RdStore; not for other code. */
struct _RdStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text (a string literal, by address) → prepared sqlite3_stmt */
  gboolean registered;     /* counted as open, its file marked (see register_open()) */
  gboolean closed;         /* by rd_store_close(): db is an empty stand-in */
};

/* How many full integrity checks ran in this process: tests see that a
 * clean database is not checked in full at open. */
guint         rd_store_get_n_full_checks (void);
char         *rd_store_get_schema_digest (gboolean          from_migrations);
/* How many rd_store_check_file() of @path are running in this process. */
guint         rd_store_get_n_running_checks (const char     *path);

typedef enum {
  RD_STORE_CHANGE_SCHOOLS,
  RD_STORE_CHANGE_ASSESSMENTS,
  RD_STORE_CHANGE_ANSWERS,
  RD_STORE_CHANGE_ACTIONS,
  RD_STORE_CHANGE_OWN_QUESTIONS,
  RD_STORE_CHANGE_LEARNING_LOG,  /* a school's id */
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
gpointer      rd_store_collect_one_row   (RdStore          *self,
                                          sqlite3_stmt     *stmt,
                                          RdStoreRowReader  read_row,
                                          GDestroyNotify    free_row,
                                          GError          **error);
gint64        rd_store_lookup_id         (RdStore          *self,
                                          const char       *sql,
                                          gint64            key);

/* What a write addressed, to name it when it is not there. */
typedef enum {
  RD_STORE_ROW_SCHOOL,
  RD_STORE_ROW_ASSESSMENT,
  RD_STORE_ROW_RESPONDENT,
  RD_STORE_ROW_ACTION,
  RD_STORE_ROW_STAFF_MEMBER,
  RD_STORE_ROW_LEARNING_ACTIVITY,
} RdStoreRow;

gboolean      rd_store_expect_changed    (RdStore          *self,
                                          RdStoreRow        kind,
                                          gint64            id,
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
/* Answers can change only while their assessment is a draft that holds
 * answers (not an imported summary); gives the assessment's id. */
gboolean      rd_store_check_editable    (RdStore          *self,
                                          gint64            respondent_id,
                                          gint64           *assessment_id,
                                          GError          **error);
/* Answers to a school's own questions (rd-store-own.c), which
 * rd_store_put_answer() and its kin hand on by the item. */
gboolean      rd_store_put_own_answer    (RdStore          *self,
                                          RdItem           *item,
                                          const RdAnswer   *answer,
                                          GError          **error);
gboolean      rd_store_clear_own_answer  (RdStore          *self,
                                          gint64            respondent_id,
                                          const char       *question_id,
                                          GError          **error);
RdAnswer     *rd_store_get_own_answer    (RdStore          *self,
                                          gint64            respondent_id,
                                          const char       *question_id,
                                          GError          **error);
void          rd_store_emit_changed      (RdStore          *self,
                                          RdStoreChange     change,
                                          gint64            id);
void          rd_store_emit_answer_changed (RdStore        *self,
                                          gint64            assessment_id,
                                          gint64            respondent_id,
                                          const char       *item_id,
                                          gboolean          answered);
/* A commentary or evidence of @item_id changed (rd-store-evidence.c). */
void          rd_store_emit_evidence_changed (RdStore      *self,
                                          gint64            assessment_id,
                                          const char       *item_id);
/* Evidence's texts as the store keeps them: the item id checked, the title
 * and location cleaned and limited, the location a path or an http(s)
 * link (NULL when empty), the date a real day. */
gboolean      rd_store_clean_evidence    (const RdEvidenceInfo *info,
                                          char            **title,
                                          char            **location,
                                          GError          **error);
/* One respondent's answers to the school's own questions not in the trash. */
GPtrArray    *rd_store_list_own_answers_of (RdStore        *self,
                                          gint64            respondent_id,
                                          GError          **error);

/* Text as the store keeps it (rd_field_clean()); refused with
 * RD_STORE_ERROR_INVALID naming the field and its limit. */
gboolean      rd_store_clean_text        (RdField           field,
                                          const char       *text,
                                          char            **out,
                                          GError          **error);
gboolean      rd_store_clean_school      (const char       *name,
                                          const char       *region,
                                          char            **name_out,
                                          char            **region_out,
                                          GError          **error);
/* A school's type as the school table holds it: its id, or NULL. */
void          rd_store_bind_school_type  (sqlite3_stmt     *stmt,
                                          int               column,
                                          RdSchoolType      school_type);
RdSchoolType  rd_store_column_school_type (sqlite3_stmt    *stmt,
                                          int               column);

typedef struct
{
  char *title;
  char *owner;
  char *criterion;
  char *notes;
} RdStoreActionTexts;

gboolean      rd_store_clean_action_texts (const char          *title,
                                           const char          *owner,
                                           const char          *criterion,
                                           const char          *notes,
                                           RdStoreActionTexts  *out,
                                           GError             **error);
void          rd_store_action_texts_clear (RdStoreActionTexts  *texts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdStoreActionTexts, rd_store_action_texts_clear)

/* A new assessment's copies of the unfinished actions of the school's
 * latest earlier year (rd-store-plan.c), inside the caller's transaction. */
gboolean      rd_store_carry_over_actions (RdStore            *self,
                                           gint64              school_id,
                                           const char         *school_year,
                                           gint64              assessment_id,
                                           GError            **error);

G_END_DECLS
