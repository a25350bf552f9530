#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* A workbook written with libxlsxwriter as the exports write them: into a
 * temporary file beside the target (RdExportFile), in the C numeric
 * locale, with errors that name the target. Each failure of the library
 * on a sheet is kept, and reported when the sheet ends. Internal to
 * src/report; safe in a worker thread. */
typedef struct
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;     /* being written */
  const char *sheet_name;
  lxw_error status;         /* the first failure on the sheet being written */
  lxw_format *header;       /* bold */
} RdXlsxWorkbook;

RdXlsxWorkbook *rd_xlsx_workbook_begin        (const char      *path,
                                               GCancellable    *cancellable,
                                               GError         **error);
gboolean        rd_xlsx_workbook_finish       (RdXlsxWorkbook  *book,
                                               GCancellable    *cancellable,
                                               GError         **error);
void            rd_xlsx_workbook_free         (RdXlsxWorkbook  *book);

gboolean        rd_xlsx_workbook_begin_sheet  (RdXlsxWorkbook  *book,
                                               const char      *name,
                                               const char      *english_name,
                                               GError         **error);
gboolean        rd_xlsx_workbook_end_sheet    (RdXlsxWorkbook  *book,
                                               GCancellable    *cancellable,
                                               GError         **error);
void            rd_xlsx_workbook_remember     (RdXlsxWorkbook  *book,
                                               lxw_error        status);
void            rd_xlsx_workbook_set_column   (RdXlsxWorkbook  *book,
                                               lxw_col_t        first,
                                               lxw_col_t        last,
                                               double           width);
glong           rd_xlsx_workbook_put_text     (RdXlsxWorkbook  *book,
                                               lxw_row_t        row,
                                               lxw_col_t        col,
                                               const char      *text,
                                               lxw_format      *format);
void            rd_xlsx_workbook_put_number   (RdXlsxWorkbook  *book,
                                               lxw_row_t        row,
                                               lxw_col_t        col,
                                               double           value,
                                               lxw_format      *format);

void            rd_xlsx_workbook_set_title    (RdXlsxWorkbook  *book,
                                               const char      *title,
                                               const char      *comments);
void            rd_xlsx_workbook_set_property (RdXlsxWorkbook  *book,
                                               const char      *name,
                                               const char      *value);
void            rd_xlsx_workbook_set_number_property (RdXlsxWorkbook *book,
                                                      const char     *name,
                                                      double          value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdXlsxWorkbook, rd_xlsx_workbook_free)

G_END_DECLS
