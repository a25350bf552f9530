#define G_LOG_DOMAIN "rd-chart-draw"

#include "config.h"

#include <math.h>

#include "rd-chart-draw.h"

/* Below this there is no room for a readable chart: draw nothing. */
#define MIN_CHART_SIZE 10.0

gboolean
rd_chart_size_is_drawable (double width,
                           double height)
{
  return isfinite (width) && isfinite (height) &&
         width > MIN_CHART_SIZE && height > MIN_CHART_SIZE;
}

/* Values are drawn on a 0–100 scale; NAN stays NAN (no value). */
double
rd_chart_clamp_value (double value)
{
  if (isnan (value))
    return NAN;
  return CLAMP (value, 0.0, 100.0);
}

void
rd_chart_set_color (cairo_t       *cr,
                    const RdColor *color,
                    double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

RdChartMarker
rd_chart_series_marker (guint series)
{
  static const RdChartMarker markers[] = {
    RD_CHART_MARKER_CIRCLE,
    RD_CHART_MARKER_SQUARE,
    RD_CHART_MARKER_TRIANGLE,
    RD_CHART_MARKER_DIAMOND,
  };

  return markers[series % G_N_ELEMENTS (markers)];
}

/* The sizes give the shapes about the same visual weight as a circle of
 * @radius; a triangle needs more area than the others to look as big. */
void
rd_chart_marker_path (cairo_t       *cr,
                      RdChartMarker  marker,
                      double         x,
                      double         y,
                      double         radius)
{
  double r;

  cairo_new_sub_path (cr);
  switch (marker)
    {
    case RD_CHART_MARKER_SQUARE:
      r = radius * 0.88;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;

    case RD_CHART_MARKER_TRIANGLE:
    case RD_CHART_MARKER_TRIANGLE_DOWN:
      {
        /* Centred on its centroid, so the point sits where lines meet. */
        double sign = marker == RD_CHART_MARKER_TRIANGLE ? 1 : -1;

        r = radius * 1.35;
        cairo_move_to (cr, x, y - sign * r);
        cairo_line_to (cr, x + r * 0.8660254, y + sign * r / 2);
        cairo_line_to (cr, x - r * 0.8660254, y + sign * r / 2);
        cairo_close_path (cr);
      }
      break;

    case RD_CHART_MARKER_DIAMOND:
      r = radius * 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;

    case RD_CHART_MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/* A filled marker with a thin ring in @ring (usually the background) that
 * keeps it apart from lines and neighbouring markers. */
void
rd_chart_draw_marker (cairo_t       *cr,
                      RdChartMarker  marker,
                      double         x,
                      double         y,
                      double         radius,
                      const RdColor *fill,
                      double         fill_alpha,
                      const RdColor *ring,
                      double         ring_width)
{
  if (!isfinite (x) || !isfinite (y) || radius <= 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  rd_chart_marker_path (cr, marker, x, y, radius);
  if (ring != NULL && ring_width > 0)
    {
      cairo_set_line_width (cr, ring_width * 2);
      rd_chart_set_color (cr, ring, 1.0);
      cairo_stroke_preserve (cr);
    }
  rd_chart_set_color (cr, fill, fill_alpha);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* One pattern per series, in lengths of @unit (the chart's font size), so
 * the lines stay apart without their colours: solid, dashed, dotted,
 * dash-dot. */
void
rd_chart_set_series_dash (cairo_t *cr,
                          guint    series,
                          double   unit)
{
  double dashes[4];

  switch (series % 4)
    {
    case 1:
      dashes[0] = 0.75 * unit;
      dashes[1] = 0.35 * unit;
      cairo_set_dash (cr, dashes, 2, 0);
      break;

    case 2:
      dashes[0] = 0.18 * unit;
      dashes[1] = 0.26 * unit;
      cairo_set_dash (cr, dashes, 2, 0);
      break;

    case 3:
      dashes[0] = 0.75 * unit;
      dashes[1] = 0.26 * unit;
      dashes[2] = 0.18 * unit;
      dashes[3] = 0.26 * unit;
      cairo_set_dash (cr, dashes, 4, 0);
      break;

    case 0:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

void
rd_chart_set_previous_dash (cairo_t *cr,
                            double   unit)
{
  double dashes[2] = { 0.45 * unit, 0.3 * unit };

  cairo_set_dash (cr, dashes, 2, 0);
}

void
rd_chart_rounded_rectangle (cairo_t *cr,
                            double   x,
                            double   y,
                            double   width,
                            double   height,
                            double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Diagonal lines ("/") in the current source, clipped to the rectangle.
 * They are laid on a grid fixed to the user-space origin, so hatched areas
 * side by side line up. */
void
rd_chart_hatch (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height,
                double   spacing,
                double   line_width)
{
  double step, first, last;

  if (width <= 0 || height <= 0 || spacing <= 0)
    return;

  /* Lines x + y = c, @spacing apart measured across them. */
  step = spacing * G_SQRT2;
  first = floor ((x + y) / step) * step;
  last = x + width + y + height + step;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (double c = first; c <= last; c += step)
    {
      cairo_move_to (cr, c - y, y);
      cairo_line_to (cr, c - (y + height), y + height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
