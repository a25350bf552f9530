#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files written by the exports, read back in tests: temporary folders,
 * what is left in them, and xlsx parts through unzip. GLib and GIO only. */

/* An export's write function, adapted: @data is what it writes. */
typedef gboolean (*RdTestWriteFunc) (const char    *path,
                                     gconstpointer  data,
                                     GCancellable  *cancellable,
                                     GError       **error);

char       *rd_test_make_folder              (const char      *name_template);
void        rd_test_remove_folder            (const char      *folder);
char       *rd_test_list_folder              (const char      *folder);
void        rd_test_assert_listing           (const char      *folder,
                                              const char      *expected);
void        rd_test_assert_mode              (const char      *path,
                                              guint            mode);
void        rd_test_write_old_file           (const char      *path);
void        rd_test_assert_old_file          (const char      *path);
void        rd_test_assert_cancel_keeps_file (const char      *name,
                                              RdTestWriteFunc  write,
                                              gconstpointer    data);
gboolean    rd_test_write_in_comma_locale    (const char      *path,
                                              RdTestWriteFunc  write,
                                              gconstpointer    data);

char       *rd_test_match                    (const char      *text,
                                              const char      *pattern);
void        rd_test_assert_matches           (const char      *text,
                                              const char      *pattern);

char       *rd_test_xlsx_list_parts          (const char      *path);
char       *rd_test_xlsx_read_part           (const char      *path,
                                              const char      *part);
GPtrArray  *rd_test_xlsx_shared_strings      (const char      *path);
const char *rd_test_xlsx_cell_text           (const char      *sheet_xml,
                                              GPtrArray       *strings,
                                              const char      *ref);
double      rd_test_xlsx_cell_number         (const char      *sheet_xml,
                                              const char      *ref);
gboolean    rd_test_xlsx_has_cell            (const char      *sheet_xml,
                                              const char      *ref);
char       *rd_test_xlsx_cell_number_format  (const char      *sheet_xml,
                                              const char      *styles,
                                              const char      *ref);
gboolean    rd_test_xlsx_cell_is_bold        (const char      *sheet_xml,
                                              const char      *styles,
                                              const char      *ref);

G_END_DECLS
