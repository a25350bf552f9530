#define G_LOG_DOMAIN "rd-chart-radar"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-draw.h"
#include "rd-chart-radar.h"
#include "rd-chart-text.h"

/* Text sizes relative to the chart's font size. */
#define VALUE_SCALE 0.85
#define RING_SCALE 0.75
#define LEGEND_SCALE 0.9

/* Labels above or below the rings get two lines, those beside them three. */
static int
label_lines (double uy)
{
  return fabs (uy) < 0.5 ? 3 : 2;
}

/* Everything about where things go, from the size and the number of axes
 * only: rd_chart_radar_point() has no labels to measure. Labels are then
 * wrapped and ellipsized into the room set aside for them. */
typedef struct
{
  double size;
  double pad;
  gboolean compact;      /* no room for text: rings and data only */
  double cx, cy;
  double radius;         /* of the outer ring, value 100; 0: nothing to draw */
  double half_width;     /* of the plot, for labels that can be wider */
  double legend_y;
  double legend_height;
  double label_width;    /* an axis label beside the rings */
  const double *label_needs;  /* per axis, its widest word; NULL: unknown */
  double label_width_centred;  /* one above or below them */
  double marker;
  double line_width;
  double value_width;    /* "100" in the value font */
  double value_height;
} RadarLayout;

static void
axis_direction (guint   n_axes,
                guint   axis,
                double *ux,
                double *uy)
{
  double angle = 2 * G_PI * axis / n_axes;

  /* Clockwise from straight up; y grows downwards. */
  *ux = sin (angle);
  *uy = -cos (angle);
  if (fabs (*ux) < 1e-9)
    *ux = 0;
  if (fabs (*uy) < 1e-9)
    *uy = 0;
}

static gboolean
label_is_centred (double ux)
{
  return fabs (ux) < 0.05;
}

/* From a vertex to the far side of its value written beyond it. */
static double
value_reach (const RadarLayout *l,
             double             ux,
             double             uy)
{
  return l->marker + 0.2 * l->size + l->value_width * fabs (ux) + l->value_height * fabs (uy);
}

/* From the centre to where the axis label starts: past the outer ring and
 * past a value of 100 written beyond it. */
static double
label_distance (const RadarLayout *l,
                double             ux,
                double             uy)
{
  return l->radius + value_reach (l, ux, uy) + 0.25 * l->size;
}

/* @label_needs: per axis the widest word of its label, which its label
 * may not be narrower than while the rings keep room; NULL when unknown. */
static void
radar_layout (RdChartText *text,
              double       width,
              double       height,
              guint        n_axes,
              const double *label_needs,
              RadarLayout *l)
{
  double s = text->size;
  double line_height, legend_line;
  double x0, x1, y0, y1, half_w, half_h, radius;

  memset (l, 0, sizeof *l);
  l->size = s;
  l->pad = 0.5 * s;
  l->marker = 0.3 * s;
  l->line_width = 0.12 * s;

  if (n_axes == 0)
    return;

  rd_chart_text_measure (text, "100", VALUE_SCALE, PANGO_WEIGHT_BOLD, &l->value_width, &l->value_height);
  rd_chart_text_measure (text, "Ag", 1.0, PANGO_WEIGHT_NORMAL, NULL, &line_height);
  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &legend_line);

  l->legend_y = l->pad;
  l->legend_height = legend_line;
  x0 = l->pad;
  x1 = width - l->pad;
  y0 = l->legend_y + l->legend_height + l->pad;
  y1 = height - l->pad;
  half_w = (x1 - x0) / 2;
  half_h = (y1 - y0) / 2;
  l->half_width = half_w;
  l->cx = (x0 + x1) / 2;
  l->cy = (y0 + y1) / 2;

  l->label_width = CLAMP ((x1 - x0) * 0.2, 5 * s, 11 * s);
  l->label_width = MIN (l->label_width, (x1 - x0) * 0.3);
  l->label_width_centred = MIN (l->label_width * 1.6, x1 - x0);
  l->label_needs = label_needs;

  /* The largest radius that keeps every label, at its full size, inside
   * the chart. The label distance grows with the radius, so each axis
   * gives a bound; the smallest wins. */
  radius = MIN (half_w, half_h) - s;   /* the ring values stay inside too */
  for (guint i = 0; i < n_axes; i++)
    {
      double ux, uy, reach, extent_x, extent_y;

      axis_direction (n_axes, i, &ux, &uy);
      reach = value_reach (l, ux, uy) + 0.25 * s;
      extent_x = label_is_centred (ux) ? l->label_width_centred / 2 : l->label_width;
      /* Words whole: a label at least as wide as its widest word. */
      if (label_needs != NULL)
        extent_x = MAX (extent_x, label_is_centred (ux) ? label_needs[i] / 2 : label_needs[i]);
      extent_y = (1 + fabs (uy)) / 2 * label_lines (uy) * line_height;

      if (ux != 0)
        radius = MIN (radius, (half_w - extent_x) / fabs (ux) - reach);
      else
        radius = MIN (radius, half_w);   /* centred labels were sized to fit */
      if (uy != 0)
        radius = MIN (radius, (half_h - extent_y) / fabs (uy) - reach);
    }

  if (radius >= 2.5 * s)
    {
      l->radius = radius;
      return;
    }
  if (label_needs != NULL)
    {
      radar_layout (text, width, height, n_axes, NULL, l);
      return;
    }

  /* Too small for words: the shape alone, filling the chart. */
  l->compact = TRUE;
  l->cx = width / 2;
  l->cy = height / 2;
  l->radius = MIN (width, height) / 2 - l->marker - l->line_width;
  l->marker = MAX (MIN (l->marker, l->radius / 12), 0);
  if (l->radius < 2)
    l->radius = 0;
}

static void
vertex (const RadarLayout *l,
        guint              n_axes,
        guint              axis,
        double             value,
        double            *x,
        double            *y)
{
  double ux, uy;

  axis_direction (n_axes, axis, &ux, &uy);
  *x = l->cx + ux * l->radius * value / 100.0;
  *y = l->cy + uy * l->radius * value / 100.0;
}

void
rd_chart_radar_point (double  width,
                      double  height,
                      guint   n_axes,
                      guint   axis,
                      double  value,
                      double *x,
                      double *y)
{
  RdChartText text;
  RadarLayout l;

  g_return_if_fail (x != NULL && y != NULL);

  *x = *y = NAN;
  value = rd_chart_clamp_value (value);
  if (!rd_chart_size_is_drawable (width, height) || axis >= n_axes || isnan (value))
    return;

  rd_chart_text_init (&text, width, height);
  radar_layout (&text, width, height, n_axes, NULL, &l);
  rd_chart_text_clear (&text);

  if (l.radius > 0)
    vertex (&l, n_axes, axis, value, x, y);
}

/* Runs of consecutive axes that have values, so a missing value leaves a
 * gap in the outline instead of a line to the centre. With three axes or
 * more the runs wrap around. */
static void
series_path (cairo_t        *cr,
             const double   *xs,
             const double   *ys,
             const gboolean *valid,
             guint           n)
{
  gboolean cyclic = n >= 3;
  gboolean all = TRUE;

  for (guint i = 0; i < n; i++)
    all = all && valid[i];

  cairo_new_path (cr);
  if (cyclic && all)
    {
      cairo_move_to (cr, xs[0], ys[0]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, xs[i], ys[i]);
      cairo_close_path (cr);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      if (!valid[i])
        continue;
      /* Only start where a run starts. */
      if (cyclic ? valid[(i + n - 1) % n] : (i > 0 && valid[i - 1]))
        continue;

      cairo_move_to (cr, xs[i], ys[i]);
      for (;;)
        {
          guint next = cyclic ? (j + 1) % n : j + 1;

          if (next >= n || next == i || !valid[next])
            break;
          cairo_line_to (cr, xs[next], ys[next]);
          j = next;
        }
    }
}

static void
collect_points (const RadarLayout *l,
                const RdRadarData *data,
                gboolean           previous,
                double            *xs,
                double            *ys,
                gboolean          *valid,
                guint             *n_valid)
{
  *n_valid = 0;
  for (guint i = 0; i < data->n_axes; i++)
    {
      double value = rd_chart_clamp_value (previous ? data->axes[i].previous : data->axes[i].value);

      valid[i] = !isnan (value);
      if (valid[i])
        {
          vertex (l, data->n_axes, i, value, &xs[i], &ys[i]);
          (*n_valid)++;
        }
      else
        xs[i] = ys[i] = NAN;
    }
}

static void
draw_grid (cairo_t              *cr,
           RdChartText          *text,
           const RadarLayout    *l,
           guint                 n_axes,
           const RdChartPalette *palette)
{
  double grid_width = MAX (0.07 * l->size, 0.5);
  double bx, by, height;
  int step;

  cairo_save (cr);
  cairo_set_line_width (cr, grid_width);
  rd_chart_set_color (cr, &palette->grid, 1.0);
  /* One stroke per ring: cairo rasterises a path over its whole extents,
   * and the rings nested in one path cost several times as much. */
  for (int k = 1; k <= 4; k++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, l->cx, l->cy, l->radius * k / 4.0, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n_axes; i++)
    {
      double ux, uy;

      axis_direction (n_axes, i, &ux, &uy);
      cairo_move_to (cr, l->cx, l->cy);
      cairo_line_to (cr, l->cx + ux * l->radius, l->cy + uy * l->radius);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  if (l->compact)
    return;

  /* The ring values, small, between the last axis and the first, where
   * no axis label or value is written. */
  bx = sin (-G_PI / n_axes);
  by = -cos (-G_PI / n_axes);
  rd_chart_text_measure (text, "100", RING_SCALE, PANGO_WEIGHT_NORMAL, NULL, &height);
  /* Every ring, or only 50 and 100 when they would crowd. */
  step = l->radius / 4 >= 1.2 * height ? 1 : l->radius / 2 >= 1.2 * height ? 2 : 5;
  for (int k = step; k <= 4; k += step)
    {
      char digits[8];
      PangoLayout *layout;
      double w, h;

      /* Only where it stands clear of the values written beside the
       * first and the last axis. */
      if (l->radius * k / 4.0 * sin (G_PI / n_axes) < l->value_width + 0.3 * l->size)
        continue;
      g_snprintf (digits, sizeof digits, "%d", k * 25);
      layout = rd_chart_text_layout (text, digits, RING_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
      rd_chart_text_draw (cr, layout,
                          l->cx + bx * l->radius * k / 4.0 - w / 2,
                          l->cy + by * l->radius * k / 4.0 - h / 2,
                          &palette->foreground, RD_CHART_QUIET_TEXT_ALPHA, &palette->background, 0.12 * l->size);
      g_object_unref (layout);
    }
}

static void
draw_values (cairo_t              *cr,
             RdChartText          *text,
             const RadarLayout    *l,
             const RdRadarData    *data,
             gboolean              has_previous,
             const RdChartPalette *palette)
{
  for (guint i = 0; i < data->n_axes; i++)
    {
      double value = rd_chart_clamp_value (data->axes[i].value);
      double previous = has_previous ? rd_chart_clamp_value (data->axes[i].previous) : NAN;
      double ux, uy, x, y, w, h, reach, anchor;
      char digits[8];
      PangoLayout *layout;

      axis_direction (data->n_axes, i, &ux, &uy);
      /* Past the outer of the two points, clear of both outlines. A
       * missing value is written where a full one would be: beside the
       * axis's end, next to its label. */
      anchor = isnan (value) ? 100 : isnan (previous) ? value : MAX (value, previous);
      vertex (l, data->n_axes, i, anchor, &x, &y);
      if (isnan (value))
        g_strlcpy (digits, "–", sizeof digits);
      else
        g_snprintf (digits, sizeof digits, "%.0f", value);

      layout = rd_chart_text_layout (text, digits, VALUE_SCALE, PANGO_WEIGHT_BOLD);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
      reach = l->marker + 0.2 * l->size + (w * fabs (ux) + h * fabs (uy)) / 2;
      rd_chart_text_draw (cr, layout, x + ux * reach - w / 2, y + uy * reach - h / 2,
                          &palette->foreground, 1.0, &palette->background, 0.18 * l->size);
      g_object_unref (layout);
    }
}

static void
draw_labels (cairo_t              *cr,
             RdChartText          *text,
             const RadarLayout    *l,
             const RdRadarData    *data,
             const RdChartPalette *palette)
{
  for (guint i = 0; i < data->n_axes; i++)
    {
      double ux, uy, px, py, bx, w, h, distance, room;
      gboolean centred;
      PangoLayout *layout;

      if (data->axes[i].label == NULL || data->axes[i].label[0] == '\0')
        continue;

      axis_direction (data->n_axes, i, &ux, &uy);
      centred = label_is_centred (ux);
      distance = label_distance (l, ux, uy);
      px = l->cx + ux * distance;
      py = l->cy + uy * distance;

      /* A label beside the rings may take what room there is to the
       * chart's edge; the radius was chosen for label_width. */
      room = centred ? l->label_width_centred
                     : CLAMP (l->half_width - distance * fabs (ux), l->label_width, 14 * l->size);
      if (l->label_needs != NULL)
        room = centred ? MAX (l->label_width_centred, l->label_needs[i])
                       : CLAMP (l->half_width - distance * fabs (ux), MAX (l->label_width, l->label_needs[i]),
                                MAX (14 * l->size, l->label_needs[i]));

      layout = rd_chart_text_layout (text, data->axes[i].label, 1.0, PANGO_WEIGHT_NORMAL);
      rd_chart_text_fit (layout, room, label_lines (uy),
                         centred ? PANGO_ALIGN_CENTER : ux > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);

      /* Beside the axis's end and away from the rings: the near corner (or
       * the near edge's middle) of the label's box touches the anchor. */
      if (centred)
        bx = px - w / 2;
      else if (ux > 0)
        bx = px;
      else
        bx = px - w;
      rd_chart_text_draw (cr, layout, bx, py + (uy - 1) / 2 * h,
                          &palette->foreground, 1.0, NULL, 0);
      g_object_unref (layout);
    }
}

/* A sample of each series, as drawn in the chart, and its name. */
static void
draw_legend (cairo_t              *cr,
             RdChartText          *text,
             const RadarLayout    *l,
             double                width,
             const RdRadarData    *data,
             const RdChartPalette *palette)
{
  const char *labels[2] = { data->current_label, data->previous_label };
  PangoLayout *layouts[2] = { NULL, NULL };
  double sample = 1.8 * l->size, gap = 0.4 * l->size, spacing = 1.5 * l->size;
  double widths[2] = { 0, 0 }, total = 0, x, y_middle, room;
  guint n = 0;

  for (guint i = 0; i < 2; i++)
    if (labels[i] != NULL && labels[i][0] != '\0')
      n++;
  if (n == 0)
    return;

  /* Share the width when the names are long. */
  room = (width - 2 * l->pad - (n - 1) * spacing) / n - sample - gap;
  for (guint i = 0; i < 2; i++)
    {
      if (labels[i] == NULL || labels[i][0] == '\0')
        continue;
      layouts[i] = rd_chart_text_layout (text, labels[i], LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_fit (layouts[i], room, 1, PANGO_ALIGN_LEFT);
      rd_chart_text_get_box (layouts[i], NULL, NULL, &widths[i], NULL);
      total += sample + gap + widths[i];
    }
  total += (n - 1) * spacing;

  x = (width - total) / 2;
  y_middle = l->legend_y + l->legend_height / 2;
  for (guint i = 0; i < 2; i++)
    {
      double h;

      if (layouts[i] == NULL)
        continue;

      cairo_save (cr);
      cairo_set_line_width (cr, l->line_width);
      cairo_move_to (cr, x, y_middle);
      cairo_line_to (cr, x + sample, y_middle);
      if (i == 0)
        {
          rd_chart_set_color (cr, &palette->series[0], 1.0);
          cairo_stroke (cr);
          rd_chart_draw_marker (cr, RD_CHART_MARKER_CIRCLE, x + sample / 2, y_middle, l->marker,
                                &palette->series[0], 1.0, &palette->background, 0.06 * l->size);
        }
      else
        {
          rd_chart_set_previous_dash (cr, l->size);
          rd_chart_set_color (cr, &palette->foreground, 0.6);
          cairo_stroke (cr);
          rd_chart_draw_marker (cr, RD_CHART_MARKER_SQUARE, x + sample / 2, y_middle, l->marker,
                                &palette->foreground, 1.0, &palette->background, 0.06 * l->size);
        }
      cairo_restore (cr);

      rd_chart_text_get_box (layouts[i], NULL, NULL, NULL, &h);
      rd_chart_text_draw (cr, layouts[i], x + sample + gap, y_middle - h / 2,
                          &palette->foreground, 1.0, NULL, 0);
      x += sample + gap + widths[i] + spacing;
      g_object_unref (layouts[i]);
    }
}

/* Per axis, the widest word of its label. */
static double *
widest_words (RdChartText       *text,
              const RdRadarData *data)
{
  double *widest = g_new0 (double, data->n_axes);

  for (guint i = 0; i < data->n_axes; i++)
    {
      g_auto(GStrv) words = g_strsplit (data->axes[i].label != NULL ? data->axes[i].label : "", " ", -1);

      for (guint k = 0; words[k] != NULL; k++)
        {
          double w;

          rd_chart_text_measure (text, words[k], 1.0, PANGO_WEIGHT_NORMAL, &w, NULL);
          widest[i] = MAX (widest[i], w + 1);
        }
    }
  return widest;
}

void
rd_chart_draw_radar (cairo_t              *cr,
                     double                width,
                     double                height,
                     const RdRadarData    *data,
                     const RdChartPalette *palette)
{
  RdChartText text;
  RadarLayout l;
  guint n;
  g_autofree double *xs = NULL, *ys = NULL, *pxs = NULL, *pys = NULL;
  g_autofree gboolean *valid = NULL, *previous_valid = NULL;
  g_autofree double *needs = NULL;
  guint n_valid, n_previous;
  gboolean has_previous;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (data == NULL || data->axes == NULL || data->n_axes == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  n = data->n_axes;
  rd_chart_text_init (&text, width, height);
  needs = widest_words (&text, data);
  radar_layout (&text, width, height, n, needs, &l);
  if (l.radius <= 0)
    {
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);

  xs = g_new (double, n);
  ys = g_new (double, n);
  pxs = g_new (double, n);
  pys = g_new (double, n);
  valid = g_new (gboolean, n);
  previous_valid = g_new (gboolean, n);
  collect_points (&l, data, FALSE, xs, ys, valid, &n_valid);
  collect_points (&l, data, TRUE, pxs, pys, previous_valid, &n_previous);
  has_previous = data->previous_label != NULL && n_previous > 0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  draw_grid (cr, &text, &l, n, palette);

  /* The current assessment's area: the values that exist, joined. */
  if (n >= 3 && n_valid >= 3)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        if (valid[i])
          cairo_line_to (cr, xs[i], ys[i]);
      cairo_close_path (cr);
      rd_chart_set_color (cr, &palette->series[0], 0.25);
      cairo_fill (cr);
    }

  if (has_previous)
    {
      cairo_save (cr);
      series_path (cr, pxs, pys, previous_valid, n);
      rd_chart_set_previous_dash (cr, l.size);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_width (cr, 0.8 * l.line_width);
      rd_chart_set_color (cr, &palette->foreground, 0.6);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  series_path (cr, xs, ys, valid, n);
  cairo_set_line_width (cr, l.line_width);
  rd_chart_set_color (cr, &palette->series[0], 1.0);
  cairo_stroke (cr);

  /* Markers last, the current ones on top; a previous square stays
   * visible around a current circle at the same value. */
  for (guint i = 0; has_previous && i < n; i++)
    if (previous_valid[i])
      rd_chart_draw_marker (cr, RD_CHART_MARKER_SQUARE, pxs[i], pys[i], l.marker,
                            &palette->foreground, 1.0, &palette->background, 0.06 * l.size);
  for (guint i = 0; i < n; i++)
    if (valid[i])
      rd_chart_draw_marker (cr, RD_CHART_MARKER_CIRCLE, xs[i], ys[i], l.marker,
                            &palette->series[0], 1.0, &palette->background, 0.06 * l.size);

  if (!l.compact)
    {
      draw_values (cr, &text, &l, data, has_previous, palette);
      draw_labels (cr, &text, &l, data, palette);
      draw_legend (cr, &text, &l, width, data, palette);
    }

  cairo_restore (cr);
  rd_chart_text_clear (&text);
}
