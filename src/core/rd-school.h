#pragma once

#include <glib-object.h>

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_SCHOOL (rd_school_get_type ())

G_DECLARE_FINAL_TYPE (RdSchool, rd_school, RD, SCHOOL, GObject)

/* A snapshot of one row of the store; the store stays the only truth. */
RdSchool    *rd_school_new             (gint64        id,
                                        const char   *name,
                                        const char   *region,
                                        RdSchoolType  school_type,
                                        const char   *type_note);
gint64       rd_school_get_id          (RdSchool     *self);
const char  *rd_school_get_name        (RdSchool     *self);
const char  *rd_school_get_region      (RdSchool     *self);
RdSchoolType rd_school_get_school_type (RdSchool     *self);
const char  *rd_school_get_type_note   (RdSchool     *self);
char        *rd_school_describe_type   (RdSchool     *self);

G_END_DECLS
