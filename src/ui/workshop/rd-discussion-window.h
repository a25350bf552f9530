#pragma once

#include <adwaita.h>

#include "rd-group-comparison.h"

G_BEGIN_DECLS

#define RD_TYPE_DISCUSSION_WINDOW (rd_discussion_window_get_type ())

G_DECLARE_FINAL_TYPE (RdDiscussionWindow, rd_discussion_window, RD, DISCUSSION_WINDOW, AdwWindow)

/* For a projector in a workshop: full screen, large type, one item at a
 * time with how each view of the groups answered it (hidden ones say so), where views differ most
 * first. Left and Right move between the items, Escape closes. */
GtkWidget  *rd_discussion_window_new          (GtkWindow         *parent,
                                               RdFramework       *framework,
                                               RdGroupComparison *comparison);
void        rd_discussion_window_set_comparison (RdDiscussionWindow *self,
                                                 RdGroupComparison  *comparison);

G_END_DECLS
