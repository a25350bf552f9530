#pragma once

#include "rd-discussion-window.h"

G_BEGIN_DECLS

/* Where the window stands, for its own code and the tests. */
guint       rd_discussion_window_get_n_items    (RdDiscussionWindow *self);
guint       rd_discussion_window_get_position   (RdDiscussionWindow *self);
RdItem     *rd_discussion_window_get_item       (RdDiscussionWindow *self);
const RdItemDifference *rd_discussion_window_get_difference (RdDiscussionWindow *self);

G_END_DECLS
