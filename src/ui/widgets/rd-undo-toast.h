#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *rd_undo_toast_new (const char *title,
                             const char *undo_action,
                             GVariant   *target);

G_END_DECLS
