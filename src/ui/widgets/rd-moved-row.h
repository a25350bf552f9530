#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row of "what moved": what (a question, a factor, a school), the change
 * in words, and an arrow up or down that screen readers name. The Results
 * page and Compare Schools show their changes alike. */
GtkWidget *rd_moved_row_new (const char *title,
                             const char *subtitle,
                             gboolean    rise);

G_END_DECLS
