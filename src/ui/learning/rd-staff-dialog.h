#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_STAFF_DIALOG (rd_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdStaffDialog, rd_staff_dialog, RD, STAFF_DIALOG, AdwWindow)

/* Adds a staff member to @school_id's learning log, or edits @member
 * when given. Saving writes to the store and closes. */
RdStaffDialog *rd_staff_dialog_new (GtkWindow     *parent,
                                    RdStore       *store,
                                    gint64         school_id,
                                    RdStaffMember *member);

G_END_DECLS
