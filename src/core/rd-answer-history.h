#pragma once

#include <glib-object.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_ANSWER_HISTORY (rd_answer_history_get_type ())

G_DECLARE_FINAL_TYPE (RdAnswerHistory, rd_answer_history, RD, ANSWER_HISTORY, GObject)

/* Makes answer changes through the store and remembers what each replaced,
 * so that the last ones can be undone. */
RdAnswerHistory *rd_answer_history_new               (RdStore         *store,
                                                      RdFramework     *framework);
gboolean         rd_answer_history_set_value         (RdAnswerHistory *self,
                                                      gint64           respondent_id,
                                                      RdItem          *item,
                                                      double           value,
                                                      GError         **error);
gboolean         rd_answer_history_set_date          (RdAnswerHistory *self,
                                                      gint64           respondent_id,
                                                      RdItem          *item,
                                                      GDate           *date,
                                                      GError         **error);
gboolean         rd_answer_history_set_not_applicable (RdAnswerHistory *self,
                                                      gint64           respondent_id,
                                                      RdItem          *item,
                                                      GError         **error);
gboolean         rd_answer_history_remove            (RdAnswerHistory *self,
                                                      gint64           respondent_id,
                                                      RdItem          *item,
                                                      GError         **error);
gboolean         rd_answer_history_can_undo          (RdAnswerHistory *self);
gboolean         rd_answer_history_undo              (RdAnswerHistory *self,
                                                      char           **item_id,
                                                      GError         **error);
void             rd_answer_history_clear             (RdAnswerHistory *self);
/* Drops the changes to @item_id: it is gone (a school's own question
 * removed), so they can no longer be undone. */
void             rd_answer_history_forget_item       (RdAnswerHistory *self,
                                                      const char      *item_id);

G_END_DECLS
