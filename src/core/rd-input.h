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
/* A date as typed in a form, as the store keeps it: "" for none, else
 * ISO 8601 "2027-03-31"; NULL with an error when it is no date. */
char       *rd_input_date_to_iso        (const char  *text,
                                         GError     **error);
/* A stored ISO date as a form shows it (rd_input_format_date()); NULL for
 * none, the text itself when it is no date. */
char       *rd_input_format_iso_date    (const char  *iso);

G_END_DECLS
