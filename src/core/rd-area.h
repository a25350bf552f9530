#pragma once

#include <glib-object.h>

#include "rd-text.h"

G_BEGIN_DECLS

#define RD_TYPE_AREA (rd_area_get_type ())

G_DECLARE_FINAL_TYPE (RdArea, rd_area, RD, AREA, GObject)

RdArea       *rd_area_new             (const char *id,
                                       RdText     *title,
                                       RdText     *description);
const char   *rd_area_get_id          (RdArea     *self);
const RdText *rd_area_get_title       (RdArea     *self);
const RdText *rd_area_get_description (RdArea     *self);

G_END_DECLS
