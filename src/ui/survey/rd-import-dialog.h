#pragma once

#include <adwaita.h>

#include "rd-survey-import.h"

G_BEGIN_DECLS

#define RD_TYPE_IMPORT_DIALOG (rd_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdImportDialog, rd_import_dialog, RD, IMPORT_DIALOG, AdwMessageDialog)

/* The mapping step of a survey import: how each column matched an item,
 * with the choice to fix or leave out any of them, and how many
 * respondents of each group the import will add. Every change is worked
 * out in memory from the file as it was read. */
RdImportDialog *rd_import_dialog_new            (GtkWindow      *parent,
                                                 RdSurveyImport *survey,
                                                 RdFramework    *framework);
gboolean        rd_import_dialog_can_import     (RdImportDialog *self);
RdSurveyImport *rd_import_dialog_get_survey     (RdImportDialog *self);

char           *rd_import_left_out_text         (guint           n_left_out);

G_END_DECLS
