#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* AdwEntryRow 1.2 has no max-length of its own: it goes on the GtkText
 * it delegates to, so that typing stops at the limit the core checks. */
void rd_entry_row_limit_length (AdwEntryRow *row,
                                guint        max_chars);

G_END_DECLS
