#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_OWN_QUESTION_DIALOG (rd_own_question_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdOwnQuestionDialog, rd_own_question_dialog, RD, OWN_QUESTION_DIALOG, AdwWindow)

/* Adds a question of the school's own to @assessment_id, or changes
 * @question when given (one with answers keeps its kind). Saving checks
 * it by the store's rules, shows what is wrong or stores it and closes. */
RdOwnQuestionDialog *rd_own_question_dialog_new  (GtkWindow      *parent,
                                                  RdStore        *store,
                                                  RdFramework    *framework,
                                                  gint64          assessment_id,
                                                  RdOwnQuestion  *question,
                                                  const char     *area_id,
                                                  gboolean        has_answers);
gboolean             rd_own_question_dialog_save (RdOwnQuestionDialog  *self,
                                                  GError              **error);
/* The question as stored by the last save, or NULL. */

G_END_DECLS
