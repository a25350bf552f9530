#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the learning log's dialogs share: dates typed in the user's own
 * format, kept as the store keeps them. */

/* "" for an empty row, else "YYYY-MM-DD"; NULL with an error for a text
 * that is no date. */
char *rd_learning_read_date  (AdwEntryRow  *row,
                              GError      **error);
/* @iso ("YYYY-MM-DD" or NULL) shown in the user's format. */
void  rd_learning_show_date  (AdwEntryRow  *row,
                              const char   *iso);
/* Marks @row as wrong (and focuses it), or clears the mark. */
void  rd_learning_mark_row   (GtkWidget    *row,
                              gboolean      wrong);

G_END_DECLS
