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

/* The short title where there is room for a word or two (a sidebar, a
 * chart's label); the title when the framework gives none. */
void          rd_area_set_short_title (RdArea     *self,
                                       RdText     *short_title);
const RdText *rd_area_get_short_title (RdArea     *self);

G_END_DECLS
