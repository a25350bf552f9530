#pragma once

#include <adwaita.h>

#include "rd-school.h"

G_BEGIN_DECLS

#define RD_TYPE_SCHOOL_DIALOG (rd_school_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdSchoolDialog, rd_school_dialog, RD, SCHOOL_DIALOG, AdwMessageDialog)

/* Asks for a school's name, region and type; @school NULL adds a new one. */
RdSchoolDialog *rd_school_dialog_new         (GtkWindow      *parent,
                                              RdSchool       *school);
gint64          rd_school_dialog_get_school_id (RdSchoolDialog *self);
const char     *rd_school_dialog_get_name    (RdSchoolDialog *self);
const char     *rd_school_dialog_get_region  (RdSchoolDialog *self);
RdSchoolType    rd_school_dialog_get_school_type (RdSchoolDialog *self);

G_END_DECLS
