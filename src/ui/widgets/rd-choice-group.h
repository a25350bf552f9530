#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RD_TYPE_CHOICE_GROUP (rd_choice_group_get_type ())

G_DECLARE_FINAL_TYPE (RdChoiceGroup, rd_choice_group, RD, CHOICE_GROUP, GtkWidget)

/* Buttons side by side, equally wide, when each gets at least
 * "min-child-width"; one below the other when they would not fit, so that
 * labels never break inside a word on a phone. Declared in a template
 * (rd-item-row.ui); the buttons are appended. */
void       rd_choice_group_append (RdChoiceGroup *self,
                                   GtkWidget     *child);
int        rd_choice_group_get_min_child_width (RdChoiceGroup *self);

G_END_DECLS
