#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

typedef enum {
  RD_CHART_FORMAT_PNG,
  RD_CHART_FORMAT_SVG,
} RdChartFormat;

typedef void (*RdChartDrawFunc) (cairo_t              *cr,
                                 double                width,
                                 double                height,
                                 gpointer              data,
                                 const RdChartPalette *palette);

/* Draws with @draw into a PNG or SVG file of @width × @height (pixels for
 * PNG, points for SVG) on a white background in the light palette. The file
 * is written beside @path and renamed into place, so a failure leaves no
 * half-written file and an existing file intact. An SVG carries @title and
 * @description (both may be NULL) as its <title> and <desc>: cairo draws
 * text as outlines, so they are what readers and search find. */
gboolean rd_chart_export (RdChartDrawFunc  draw,
                          gpointer         data,
                          RdChartFormat    format,
                          int              width,
                          int              height,
                          const char      *title,
                          const char      *description,
                          const char      *path,
                          GError         **error);

G_END_DECLS
