#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_ACTIVITY_DIALOG (rd_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdActivityDialog, rd_activity_dialog, RD, ACTIVITY_DIALOG, AdwWindow)

/* Adds a learning activity for one of @staff (RdStaffMember; @staff_id
 * chosen first), or edits @activity when given. Its areas are
 * @framework's. Saving writes to the store and closes. */
RdActivityDialog *rd_activity_dialog_new (GtkWindow          *parent,
                                          RdStore            *store,
                                          RdFramework        *framework,
                                          GPtrArray          *staff,
                                          gint64              staff_id,
                                          RdLearningActivity *activity);

G_END_DECLS
