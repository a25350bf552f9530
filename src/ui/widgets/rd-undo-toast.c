#define G_LOG_DOMAIN "rd-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-undo-toast.h"

/* A toast after something was removed, with an Undo button that runs
 * @undo_action with @target (floating, taken). High priority: a removal
 * is only final when its toast goes, so it must not wait behind others. */
AdwToast *
rd_undo_toast_new (const char *title,
                   const char *undo_action,
                   GVariant   *target)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_action_target_value (toast, target);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}
