#pragma once

#include <adwaita.h>

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_ASSESSMENT_DIALOG (rd_assessment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdAssessmentDialog, rd_assessment_dialog, RD, ASSESSMENT_DIALOG, AdwMessageDialog)

/* Asks for the school year and kind of a new assessment. */
RdAssessmentDialog *rd_assessment_dialog_new             (GtkWindow          *parent,
                                                         const char         *school_name);
char               *rd_assessment_dialog_get_school_year (RdAssessmentDialog *self);
RdAssessmentMode    rd_assessment_dialog_get_mode        (RdAssessmentDialog *self);

G_END_DECLS
