#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading what people type: numbers with their locale's decimal mark and
 * grouping, dates day-first or ISO. */
gboolean    rd_input_uses_decimal_comma (void);
gboolean    rd_input_parse_number       (const char *text,
                                         gboolean    decimal_comma,
                                         double     *value,
                                         GError    **error);
char       *rd_input_format_number      (double      value,
                                         gboolean    decimal_comma);
gboolean    rd_input_parse_date         (const char *text,
                                         GDate      *date,
                                         GError    **error);
char       *rd_input_format_date        (const GDate *date);

G_END_DECLS
