#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_ACTION_DIALOG (rd_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdActionDialog, rd_action_dialog, RD, ACTION_DIALOG, AdwWindow)

/* Adds an action to @assessment_id's plan, or edits @action when given.
 * Saving writes to the store and closes; "delete-requested" asks the
 * owner to delete @action (with undo) and closes. */
RdActionDialog *rd_action_dialog_new             (GtkWindow        *parent,
                                                  RdStore          *store,
                                                  RdFramework      *framework,
                                                  RdAssessmentMode  mode,
                                                  gint64            assessment_id,
                                                  RdAction         *action);

G_END_DECLS
