#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RD_CSV_ERROR (rd_csv_error_quark ())

typedef enum {
  RD_CSV_ERROR_EMPTY,          /* no bytes, or only white space */
  RD_CSV_ERROR_ENCODING,       /* not UTF-8 */
  RD_CSV_ERROR_UNCLOSED_QUOTE, /* a quoted field that never ends */
  RD_CSV_ERROR_STRAY_QUOTE,    /* a quote inside an unquoted field, or text after a closing quote */
  RD_CSV_ERROR_COLUMN_COUNT,   /* a row with more or fewer fields than the header */
  RD_CSV_ERROR_NO_ROWS,        /* a header and nothing else */
  RD_CSV_ERROR_TOO_LARGE,      /* over the limits below */
} RdCsvError;

/* Limits that keep a hostile file from exhausting memory. */
#define RD_CSV_MAX_BYTES   (64 * 1024 * 1024)
#define RD_CSV_MAX_COLUMNS 4096

typedef struct _RdCsvTable RdCsvTable;

/* Parses CSV as survey tools export it: the separator (',' ';' or tab) is
 * the one found most often outside quotes in the header line; a UTF-8 BOM
 * is skipped; lines end in LF, CRLF or CR; fields may be quoted with '"',
 * contain separators and line breaks, and write a quote as '""'. Blank
 * lines at the end (and before the header) are ignored. Every error message
 * reads "NAME: line L, column C: PROBLEM" (column counted in characters,
 * from 1, the BOM not counted), "NAME: line L: PROBLEM" for a row with more
 * or fewer fields than the header (L is the line the row starts on), or
 * "NAME: PROBLEM" where there is no place. */
RdCsvTable *rd_csv_parse              (const char       *data,
                                       gsize             length,
                                       const char       *name,
                                       GError          **error);
void        rd_csv_table_free         (RdCsvTable       *table);
/* ',' ';' or '\t'; '\0' when the header has none, and so one column. */
char        rd_csv_table_get_separator (const RdCsvTable *table);
guint       rd_csv_table_get_n_columns (const RdCsvTable *table);
guint       rd_csv_table_get_n_rows    (const RdCsvTable *table);
const char *rd_csv_table_get_header    (const RdCsvTable *table,
                                        guint             column);
const char *rd_csv_table_get_cell      (const RdCsvTable *table,
                                        guint             row,
                                        guint             column);
/* Where a cell starts in the file (its opening quote if quoted), 1-based,
 * for messages about its value. */
guint       rd_csv_table_get_line      (const RdCsvTable *table,
                                        guint             row,
                                        guint             column);
guint       rd_csv_table_get_column_position (const RdCsvTable *table,
                                        guint             row,
                                        guint             column);

GQuark      rd_csv_error_quark        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdCsvTable, rd_csv_table_free)

G_END_DECLS
