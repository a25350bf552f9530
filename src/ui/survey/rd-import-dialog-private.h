#pragma once

#include "rd-import-dialog.h"

G_BEGIN_DECLS

/* What tests read and change of the dialog: a column's row and the
 * summary under the rows. */
AdwComboRow *rd_import_dialog_get_column_row (RdImportDialog *self,
                                              guint           column);
const char  *rd_import_dialog_get_summary    (RdImportDialog *self);

G_END_DECLS
