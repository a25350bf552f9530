#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any number rd_number_format_shortest() writes, with its '\0'. */
#define RD_NUMBER_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

gboolean      rd_number_format_shortest    (double           value,
                                            char             buffer[RD_NUMBER_BUF_SIZE]);
void          rd_number_format_slow        (double           value,
                                            char             buffer[RD_NUMBER_BUF_SIZE]);

G_END_DECLS
