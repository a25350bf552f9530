#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* AdwEntryRow 1.2 has no max-length of its own: it goes on the GtkText
 * it delegates to, so that typing stops at the limit the core checks. */
void rd_entry_row_limit_length (AdwEntryRow *row,
                                guint        max_chars);

/* The same for a multi-line text: typing or pasting past @max_chars rings
 * the bell and is taken off again. */
void rd_text_view_limit_length (GtkTextView *view,
                                guint        max_chars);

G_END_DECLS
