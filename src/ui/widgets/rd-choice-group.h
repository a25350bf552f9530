#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RD_TYPE_CHOICE_GROUP (rd_choice_group_get_type ())

G_DECLARE_FINAL_TYPE (RdChoiceGroup, rd_choice_group, RD, CHOICE_GROUP, GtkWidget)

/* Buttons side by side, equally wide, when each gets at least
 * @min_child_width; one below the other when they would not fit, so that
 * labels never break inside a word on a phone. */
GtkWidget *rd_choice_group_new    (int            min_child_width);
void       rd_choice_group_append (RdChoiceGroup *self,
                                   GtkWidget     *child);
gboolean   rd_choice_group_is_stacked_at (RdChoiceGroup *self,
                                          int            width);

G_END_DECLS
