#pragma once

#include <gtk/gtk.h>

#include "rd-answer.h"
#include "rd-item.h"

G_BEGIN_DECLS

#define RD_TYPE_ITEM_ROW (rd_item_row_get_type ())

G_DECLARE_FINAL_TYPE (RdItemRow, rd_item_row, RD, ITEM_ROW, GtkWidget)

/* One item of the questionnaire: its text, its answer input and its help.
 * It keeps no answer of its own: it shows what it is given and emits
 * "answered" with what the user chose, for the caller to store. */
GtkWidget *rd_item_row_new          (RdItem          *item,
                                     guint            position,
                                     guint            n_items);
RdItem    *rd_item_row_get_item     (RdItemRow       *self);
void       rd_item_row_set_place    (RdItemRow       *self,
                                     guint            position,
                                     guint            n_items);
void       rd_item_row_show_answer  (RdItemRow       *self,
                                     const RdAnswer  *answer);
void       rd_item_row_set_editable (RdItemRow       *self,
                                     gboolean         editable);
void       rd_item_row_show_error   (RdItemRow       *self,
                                     const char      *message);
void       rd_item_row_flush        (RdItemRow       *self);
gboolean   rd_item_row_grab_input_focus (RdItemRow   *self);
void       rd_item_row_set_menu     (RdItemRow       *self,
                                     GMenuModel      *menu);
void       rd_item_row_set_caption  (RdItemRow       *self,
                                     const char      *caption);
/* The item's commentary and evidence, as the line under it that opens
 * them ("evidence-requested"). */
void       rd_item_row_show_evidence (RdItemRow      *self,
                                     guint            n_evidence,
                                     gboolean         has_commentary);
void       rd_item_row_set_evidence_visible (RdItemRow *self,
                                     gboolean         visible);
void       rd_item_row_set_log_figure (RdItemRow     *self,
                                       const char    *text);

/* Choices: 1–5 agreement (statements), 1 yes and 2 no (yes-no); 0 is
 * "not applicable / don't know" for every kind. */
#define RD_CHOICE_NOT_APPLICABLE 0
#define RD_CHOICE_YES 1
#define RD_CHOICE_NO 2

G_END_DECLS
