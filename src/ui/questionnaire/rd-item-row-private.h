#pragma once

#include "rd-item-row.h"

G_BEGIN_DECLS

/* What a user's click or typing does, and what the row shows, for the
 * tests and the benchmark. */
gboolean   rd_item_row_choose            (RdItemRow  *self,
                                          guint       choice);
gboolean   rd_item_row_enter_text        (RdItemRow  *self,
                                          const char *text);
gboolean   rd_item_row_is_answered       (RdItemRow  *self);
GtkWidget *rd_item_row_get_choice_button (RdItemRow  *self,
                                          guint       choice);
GtkWidget *rd_item_row_get_evidence_button (RdItemRow *self);
/* The learning log's figure shown, or NULL. */
const char *rd_item_row_get_log_figure   (RdItemRow  *self);

G_END_DECLS
