#define G_LOG_DOMAIN "rd-chart-meter"

#include "config.h"

#include <math.h>

#include "rd-chart-meter.h"

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  double radius = MIN (height, width) / 2.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_color (cairo_t       *cr,
           const RdColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
rd_chart_draw_meter (cairo_t              *cr,
                     double                width,
                     double                height,
                     double                fraction,
                     const RdColor        *fill,
                     const RdChartPalette *palette)
{
  if (width <= 0 || height <= 0)
    return;

  if (!isfinite (fraction))
    fraction = 0;
  fraction = CLAMP (fraction, 0.0, 1.0);

  cairo_save (cr);

  rounded_rectangle (cr, 0, 0, width, height);
  set_color (cr, &palette->track);
  cairo_fill_preserve (cr);

  /* Clip to the track so a short fill keeps the rounded left end. */
  cairo_clip (cr);
  if (fraction > 0)
    {
      cairo_rectangle (cr, 0, 0, width * fraction, height);
      set_color (cr, fill);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}
