#define G_LOG_DOMAIN "rd-chart-draw"

#include "config.h"

#include <math.h>

#include "rd-chart-draw.h"

/* Below this there is no room for a readable chart: draw nothing. */
#define MIN_CHART_SIZE 10.0

#define TICK_SCALE 0.85
#define MAX_LABEL_LINES 2

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

/* The target: a line across the row with a thin gap in the background
 * colour that lifts it off a fill, and a small triangle on top pointing
 * down at @top. */
void
rd_chart_draw_target (cairo_t              *cr,
                      double                size,
                      double                x,
                      double                top,
                      double                bottom,
                      double                triangle,
                      const RdChartPalette *palette)
{
  double line_width = 0.16 * size;
  double half = MIN (0.38 * size, triangle * 0.8);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_set_line_width (cr, line_width + 0.16 * size);
  rd_chart_set_color (cr, &palette->background, 1.0);
  cairo_stroke (cr);

  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_set_line_width (cr, line_width);
  rd_chart_set_color (cr, &palette->foreground, 1.0);
  cairo_stroke (cr);

  if (triangle > 0.5)
    {
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x + half, top - triangle);
      cairo_line_to (cr, x - half, top - triangle);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Sets the size, the columns and the scale across @width, and the steps
 * written under the scale. @value_width is the value column's share before
 * a narrow chart squeezes it; below @min_value_width there is no room for
 * the columns at all. Returns the scale's width and in @tick_height that
 * of the numbers under it; the rows' heights are the caller's. */
double
rd_chart_scale_rows_columns (RdChartScaleRows *rows,
                             RdChartText      *text,
                             double            width,
                             double            value_width,
                             double            min_value_width,
                             const RdChartScaleRowsNeeds *needs,
                             double           *tick_height)
{
  double s = text->size;
  double gap = 0.75 * s;
  double tick_width, available, scale_width, minimum;

  rows->size = s;
  rows->pad = 0.5 * s;
  rd_chart_text_measure (text, "100", TICK_SCALE, PANGO_WEIGHT_NORMAL, &tick_width, tick_height);

  available = width - 2 * rows->pad;
  rows->label_width = CLAMP (width * 0.22, 6 * s, 11 * s);
  rows->value_width = value_width;
  scale_width = available - rows->label_width - rows->value_width - 2 * gap;

  /* Columns as wide as their text, a value broken where it may be when
   * whole it would leave the scale less than a quarter. */
  if (needs != NULL)
    {
      double label_width = MAX (rows->label_width, needs->label);
      double one_line = MAX (rows->value_width, needs->value);
      double wrapped = MAX (MIN (rows->value_width, one_line), needs->value_wrapped);

      minimum = MAX (available * 0.25, 4 * s);
      if (available - label_width - one_line - 2 * gap >= minimum)
        value_width = one_line;
      else
        value_width = wrapped;
      if (available - label_width - value_width - 2 * gap >= minimum)
        {
          rows->label_width = label_width;
          rows->value_width = value_width;
          scale_width = available - rows->label_width - rows->value_width - 2 * gap;
        }
    }

  /* On a narrow chart the scale keeps a third of the width; the columns
   * give way and their text wraps or is shortened. */
  minimum = MAX (available * (needs != NULL ? 0.25 : 0.35), 4 * s);
  if (scale_width < minimum)
    {
      double columns = MAX (available - minimum - 2 * gap, 0);
      double share = columns / (rows->label_width + rows->value_width);

      rows->label_width *= share;
      rows->value_width *= share;
      scale_width = available - rows->label_width - rows->value_width - 2 * gap;
    }

  /* A thumbnail: not even a short name would fit. */
  if (rows->label_width < 5 * s || rows->value_width < min_value_width)
    {
      rows->compact = TRUE;
      rows->label_width = rows->value_width = 0;
      /* Room for the end values, written centred under the ends. */
      gap = tick_width / 2;
      scale_width = available - 2 * gap;
    }

  rows->label_x = rows->pad;
  rows->scale_x0 = rows->pad + rows->label_width + gap;
  rows->scale_x1 = rows->scale_x0 + scale_width;
  rows->value_x = rows->scale_x1 + gap;

  /* Every quarter written under the scale, or every half, or the ends,
   * whichever is the first not to crowd. */
  rows->tick_step = 0;
  for (double step = 25; step <= 100; step *= 2)
    if (scale_width * step / 100 >= tick_width + 0.5 * s)
      {
        rows->tick_step = step;
        break;
      }

  return scale_width;
}

double
rd_chart_scale_rows_x (const RdChartScaleRows *rows,
                       double                  value)
{
  return rows->scale_x0 + (rows->scale_x1 - rows->scale_x0) * value / 100.0;
}

double
rd_chart_scale_rows_middle (const RdChartScaleRows *rows,
                            guint                   index)
{
  return rows->rows_top + (index + 0.5) * rows->slot;
}

/* Grid lines at every quarter across the rows, and the numbers under them. */
void
rd_chart_scale_rows_draw_scale (cairo_t                *cr,
                                RdChartText            *text,
                                const RdChartScaleRows *rows,
                                guint                   n_rows,
                                const RdChartPalette   *palette)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.07 * rows->size, 0.5));
  rd_chart_set_color (cr, &palette->grid, 1.0);
  for (int k = 0; k <= 4; k++)
    {
      double x = rd_chart_scale_rows_x (rows, k * 25);

      cairo_move_to (cr, x, rows->rows_top);
      cairo_line_to (cr, x, rows->rows_top + n_rows * rows->slot);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (double value = 0; rows->tick_step > 0 && value <= 100; value += rows->tick_step)
    {
      char digits[8];
      PangoLayout *layout;
      double w;

      g_snprintf (digits, sizeof digits, "%.0f", value);
      layout = rd_chart_text_layout (text, digits, TICK_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      rd_chart_text_draw (cr, layout, rd_chart_scale_rows_x (rows, value) - w / 2, rows->tick_y,
                          &palette->foreground, RD_CHART_QUIET_TEXT_ALPHA, NULL, 0);
      g_object_unref (layout);
    }
}

/* What the charts' geometry functions tell the tests, laid out by
 * @layout: the x of @value and row @index's vertical middle and item
 * height; NAN where there is no such row or no room (@x alone for a NAN
 * @value). */
void
rd_chart_scale_rows_geometry (RdChartScaleRowsLayout  layout,
                              double                  width,
                              double                  height,
                              guint                   n_rows,
                              guint                   index,
                              double                  value,
                              double                 *x,
                              double                 *y_middle,
                              double                 *item_height)
{
  RdChartText text;
  RdChartScaleRows rows;
  gboolean ok;

  g_return_if_fail (x != NULL && y_middle != NULL && item_height != NULL);

  *x = *y_middle = *item_height = NAN;
  if (!rd_chart_size_is_drawable (width, height) || index >= n_rows)
    return;

  rd_chart_text_init (&text, width, height);
  ok = layout (&text, width, height, n_rows, &rows);
  rd_chart_text_clear (&text);
  if (!ok)
    return;

  value = rd_chart_clamp_value (value);
  *x = isnan (value) ? NAN : rd_chart_scale_rows_x (&rows, value);
  *y_middle = rd_chart_scale_rows_middle (&rows, index);
  *item_height = rows.item_height;
}

/* The target across row @index's bar or box, the triangle no taller than
 * the room above it in the row. */
void
rd_chart_scale_rows_draw_target (cairo_t                *cr,
                                 const RdChartScaleRows *rows,
                                 guint                   index,
                                 double                  x,
                                 const RdChartPalette   *palette)
{
  double middle = rd_chart_scale_rows_middle (rows, index);
  double height = rows->item_height;
  double reach = 0.18 * rows->size;
  double triangle = MIN (0.5 * rows->size, (rows->slot - height) / 2 - reach);

  rd_chart_draw_target (cr, rows->size, x, middle - height / 2 - reach, middle + height / 2 + reach,
                        triangle, palette);
}

/* On two lines at most, or on one where two are taller than the row. */
static void
fit_in_row (const RdChartScaleRows *rows,
            PangoLayout            *layout,
            double                  width,
            PangoAlignment          alignment,
            double                 *w,
            double                 *h)
{
  double room = rows->slot - 0.2 * rows->size;

  rd_chart_text_fit (layout, width, MAX_LABEL_LINES, alignment);
  rd_chart_text_get_box (layout, NULL, NULL, w, h);
  if (*h > room)
    {
      rd_chart_text_fit (layout, width, 1, alignment);
      rd_chart_text_get_box (layout, NULL, NULL, w, h);
    }
}

#define MARKER_SCALE 0.28

/* Widens @needs to @label with the marker before it. */
void
rd_chart_scale_rows_need_label (RdChartScaleRowsNeeds *needs,
                                RdChartText           *text,
                                const char            *label)
{
  double marker = MARKER_SCALE * text->size;
  double w;

  if (label == NULL)
    return;
  rd_chart_text_measure (text, label, 1.0, PANGO_WEIGHT_NORMAL, &w, NULL);
  needs->label = MAX (needs->label, w + 2.4 * marker + 0.4 * text->size + 1);
}

/* Row @index's name in the label column, and before it the row's marker
 * (@with_marker), as in the other charts. */
void
rd_chart_scale_rows_draw_label (cairo_t                *cr,
                                RdChartText            *text,
                                const RdChartScaleRows *rows,
                                guint                   index,
                                const char             *label,
                                gboolean                with_marker,
                                const RdChartPalette   *palette)
{
  const RdColor *color = &palette->series[index % G_N_ELEMENTS (palette->series)];
  double middle = rd_chart_scale_rows_middle (rows, index);
  double marker = MARKER_SCALE * rows->size;
  double marker_room = 2.4 * marker + 0.4 * rows->size;
  PangoLayout *layout = rd_chart_text_layout (text, label, 1.0, PANGO_WEIGHT_NORMAL);
  double w, h;

  fit_in_row (rows, layout, rows->label_width - marker_room, PANGO_ALIGN_RIGHT, &w, &h);
  rd_chart_text_draw (cr, layout, rows->label_x + rows->label_width - w, middle - h / 2,
                      &palette->foreground, 1.0, NULL, 0);
  g_object_unref (layout);

  if (with_marker)
    rd_chart_draw_marker (cr, rd_chart_series_marker (index),
                          rows->label_x + rows->label_width - w - marker_room + 1.2 * marker, middle,
                          marker, color, 1.0, NULL, 0);
}

/* Row @index's value, @layout (which this takes), in the value column. */
void
rd_chart_scale_rows_draw_value (cairo_t                *cr,
                                const RdChartScaleRows *rows,
                                guint                   index,
                                PangoLayout            *layout,
                                double                  alpha,
                                const RdChartPalette   *palette)
{
  double w, h;

  fit_in_row (rows, layout, rows->value_width, PANGO_ALIGN_LEFT, &w, &h);
  rd_chart_text_draw (cr, layout, rows->value_x, rd_chart_scale_rows_middle (rows, index) - h / 2,
                      &palette->foreground, alpha, NULL, 0);
  g_object_unref (layout);
}
