#pragma once

#include <gtk/gtk.h>

#include "rd-area.h"
#include "rd-item-row.h"

G_BEGIN_DECLS

#define RD_TYPE_AREA_PAGE (rd_area_page_get_type ())

G_DECLARE_FINAL_TYPE (RdAreaPage, rd_area_page, RD, AREA_PAGE, GtkWidget)

/* The items of one area, one below the other; Up and Down move between them.
 * Only the items the respondent's group is asked are shown. */
GtkWidget  *rd_area_page_new           (RdArea     *area,
                                        GPtrArray  *items);
RdArea     *rd_area_page_get_area      (RdAreaPage *self);
guint       rd_area_page_get_n_rows    (RdAreaPage *self);
RdItemRow  *rd_area_page_get_row       (RdAreaPage *self,
                                        guint       position);
RdItemRow  *rd_area_page_lookup_row    (RdAreaPage *self,
                                        const char *item_id);
guint       rd_area_page_show_group    (RdAreaPage *self,
                                        int         group);
guint       rd_area_page_get_n_asked   (RdAreaPage *self);
gboolean    rd_area_page_is_asked      (RdAreaPage *self,
                                        guint       position);
gboolean    rd_area_page_focus_item    (RdAreaPage *self,
                                        const char *item_id);
const char *rd_area_page_get_focused_item (RdAreaPage *self);
void        rd_area_page_set_header    (RdAreaPage *self,
                                        GtkWidget  *header);
void        rd_area_page_set_placeholder (RdAreaPage *self,
                                        GtkWidget  *placeholder);

G_END_DECLS
