#pragma once

#include "rd-action-dialog.h"

G_BEGIN_DECLS

/* The action being edited, 0 while one is added: for the tests. */
gint64          rd_action_dialog_get_action_id   (RdActionDialog   *self);

G_END_DECLS
