#pragma once

#include <glib-object.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_RESPONDENT_ANSWERS (rd_respondent_answers_get_type ())

G_DECLARE_FINAL_TYPE (RdRespondentAnswers, rd_respondent_answers, RD, RESPONDENT_ANSWERS, GObject)

/* What one respondent of an assessment has answered, the school's own
 * questions included, as the store has it now: it follows the store's
 * signals, whoever changes the answers (a row, an undo, an import, an own
 * question removed or brought back). Respondent 0 is nobody: no answers.
 * "changed" says the respondent's answers changed in the store. */
RdRespondentAnswers *rd_respondent_answers_new            (RdStore             *store,
                                                           gint64               assessment_id);
gboolean             rd_respondent_answers_set_respondent (RdRespondentAnswers *self,
                                                           gint64               respondent_id,
                                                           GError             **error);
gint64               rd_respondent_answers_get_respondent (RdRespondentAnswers *self);
/* The respondent's answer to @item_id, or NULL when unanswered. */
const RdAnswer      *rd_respondent_answers_lookup         (RdRespondentAnswers *self,
                                                           const char          *item_id);
gboolean             rd_respondent_answers_contains       (RdRespondentAnswers *self,
                                                           const char          *item_id);
guint                rd_respondent_answers_get_n_answered (RdRespondentAnswers *self);
/* The answered items' ids (keys only: the values may not be read yet),
 * owned by @self and valid until it changes: for readers that take a set. */
GHashTable          *rd_respondent_answers_get_table      (RdRespondentAnswers *self);

G_END_DECLS
