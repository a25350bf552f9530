#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A short title for a point of the Council Recommendation of 23 November
 * 2023 ("4 b i" → "gigabit connectivity for every school"), in the UI
 * language; a point not listed falls back to its parent ("4 b"), then NULL. */
const char *rd_council_point_get_title (const char *point);
gboolean    rd_council_point_is_known  (const char *point);

G_END_DECLS
