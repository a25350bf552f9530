#define G_LOG_DOMAIN "rd-chart-bars"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-bars.h"
#include "rd-chart-draw.h"
#include "rd-chart-text.h"

#define TICK_SCALE 0.85
#define MAX_LABEL_LINES 2

/* Where things go, from the size and the number of bars only:
 * rd_chart_factor_bars_geometry() has no labels to measure. The label and
 * value columns get a share of the width; their text is wrapped and
 * ellipsized into it. */
typedef struct
{
  double size;
  double pad;
  double label_x;
  double label_width;   /* the factor's marker and its name */
  double scale_x0;      /* value 0 */
  double scale_x1;      /* value 100 */
  double value_x;
  double value_width;
  double rows_top;
  double slot;          /* the height of one bar's row */
  double bar_height;
  double tick_y;
  double tick_step;     /* between the values written under the scale; 0: none */
  double marker;
  gboolean compact;     /* no room for names and values: the bars alone */
} BarsLayout;

static gboolean
bars_layout (RdChartText *text,
             double       width,
             double       height,
             guint        n_bars,
             BarsLayout  *l)
{
  double s = text->size;
  double gap = 0.75 * s;
  double tick_width, tick_height, available, scale_width, minimum, rows_bottom;

  memset (l, 0, sizeof *l);
  if (n_bars == 0)
    return FALSE;

  l->size = s;
  l->pad = 0.5 * s;
  l->marker = 0.28 * s;
  rd_chart_text_measure (text, "100", TICK_SCALE, PANGO_WEIGHT_NORMAL, &tick_width, &tick_height);

  available = width - 2 * l->pad;
  l->label_width = CLAMP (width * 0.22, 6 * s, 11 * s);
  l->value_width = CLAMP (width * 0.2, 5 * s, 11 * s);
  scale_width = available - l->label_width - l->value_width - 2 * gap;

  /* On a narrow chart the scale keeps a third of the width; the columns
   * give way and their text wraps or is shortened. */
  minimum = MAX (available * 0.35, 4 * s);
  if (scale_width < minimum)
    {
      double columns = MAX (available - minimum - 2 * gap, 0);
      double share = columns / (l->label_width + l->value_width);

      l->label_width *= share;
      l->value_width *= share;
      scale_width = available - l->label_width - l->value_width - 2 * gap;
    }

  /* A thumbnail: not even a short name would fit. */
  if (l->label_width < 5 * s || l->value_width < 3 * s)
    {
      l->compact = TRUE;
      l->label_width = l->value_width = 0;
      /* Room for the end values, written centred under the ends. */
      gap = tick_width / 2;
      scale_width = available - 2 * gap;
    }

  l->label_x = l->pad;
  l->scale_x0 = l->pad + l->label_width + gap;
  l->scale_x1 = l->scale_x0 + scale_width;
  l->value_x = l->scale_x1 + gap;

  l->rows_top = l->pad;
  rows_bottom = height - l->pad - tick_height - 0.35 * s;
  l->tick_y = rows_bottom + 0.35 * s;
  l->slot = (rows_bottom - l->rows_top) / n_bars;
  l->bar_height = MIN (0.45 * l->slot, 1.7 * s);

  /* Every quarter written under the scale, or every half, or the ends,
   * whichever is the first not to crowd. */
  l->tick_step = 0;
  for (double step = 25; step <= 100; step *= 2)
    if (scale_width * step / 100 >= tick_width + 0.5 * s)
      {
        l->tick_step = step;
        break;
      }

  return scale_width > 1 && l->bar_height > 1;
}

static double
scale_x (const BarsLayout *l,
         double            value)
{
  return l->scale_x0 + (l->scale_x1 - l->scale_x0) * value / 100.0;
}

static double
row_middle (const BarsLayout *l,
            guint             index)
{
  return l->rows_top + (index + 0.5) * l->slot;
}

void
rd_chart_factor_bars_geometry (double  width,
                               double  height,
                               guint   n_bars,
                               guint   index,
                               double  value,
                               double *x,
                               double *y_middle,
                               double *bar_height)
{
  RdChartText text;
  BarsLayout l;
  gboolean ok;

  g_return_if_fail (x != NULL && y_middle != NULL && bar_height != NULL);

  *x = *y_middle = *bar_height = NAN;
  if (!rd_chart_size_is_drawable (width, height) || index >= n_bars)
    return;

  rd_chart_text_init (&text, width, height);
  ok = bars_layout (&text, width, height, n_bars, &l);
  rd_chart_text_clear (&text);
  if (!ok)
    return;

  value = rd_chart_clamp_value (value);
  *x = isnan (value) ? NAN : scale_x (&l, value);
  *y_middle = row_middle (&l, index);
  *bar_height = l.bar_height;
}

static void
draw_scale (cairo_t              *cr,
            RdChartText          *text,
            const BarsLayout     *l,
            guint                 n_bars,
            const RdChartPalette *palette)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.07 * l->size, 0.5));
  rd_chart_set_color (cr, &palette->grid, 1.0);
  for (int k = 0; k <= 4; k++)
    {
      double x = scale_x (l, k * 25);

      cairo_move_to (cr, x, l->rows_top);
      cairo_line_to (cr, x, l->rows_top + n_bars * l->slot);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (double value = 0; l->tick_step > 0 && value <= 100; value += l->tick_step)
    {
      char digits[8];
      PangoLayout *layout;
      double w;

      g_snprintf (digits, sizeof digits, "%.0f", value);
      layout = rd_chart_text_layout (text, digits, TICK_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      rd_chart_text_draw (cr, layout, scale_x (l, value) - w / 2, l->tick_y,
                          &palette->foreground, 0.75, NULL, 0);
      g_object_unref (layout);
    }
}

static void
draw_target (cairo_t              *cr,
             const BarsLayout     *l,
             double                x,
             double                top,
             double                bottom,
             const RdChartPalette *palette)
{
  double s = l->size;
  double reach = 0.18 * s;
  double line_width = 0.16 * s;
  double triangle = 0.5 * s;
  double half = 0.38 * s;

  /* No taller than the room above the bar in its row. */
  triangle = MIN (triangle, (l->slot - l->bar_height) / 2 - reach);
  half = MIN (half, triangle * 0.8);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* A thin gap in the background colour lifts the line off the fill. */
  cairo_move_to (cr, x, top - reach);
  cairo_line_to (cr, x, bottom + reach);
  cairo_set_line_width (cr, line_width + 0.16 * s);
  rd_chart_set_color (cr, &palette->background, 1.0);
  cairo_stroke (cr);

  cairo_move_to (cr, x, top - reach);
  cairo_line_to (cr, x, bottom + reach);
  cairo_set_line_width (cr, line_width);
  rd_chart_set_color (cr, &palette->foreground, 1.0);
  cairo_stroke (cr);

  if (triangle > 0.5)
    {
      cairo_move_to (cr, x, top - reach);
      cairo_line_to (cr, x + half, top - reach - triangle);
      cairo_line_to (cr, x - half, top - reach - triangle);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_bar (cairo_t              *cr,
          const BarsLayout     *l,
          guint                 index,
          const RdFactorBar    *bar,
          const RdChartPalette *palette)
{
  const RdColor *color = &palette->series[index % G_N_ELEMENTS (palette->series)];
  double readiness = rd_chart_clamp_value (bar->readiness);
  double target = rd_chart_clamp_value (bar->target);
  double top = row_middle (l, index) - l->bar_height / 2;
  double h = l->bar_height;
  double radius = MIN (0.2 * l->size, h / 4);

  cairo_save (cr);

  rd_chart_rounded_rectangle (cr, l->scale_x0, top, l->scale_x1 - l->scale_x0, h, radius);
  rd_chart_set_color (cr, &palette->track, 1.0);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_new_path (cr);

  if (bar->trusted && !isnan (readiness))
    {
      double end = scale_x (l, readiness);

      cairo_rectangle (cr, l->scale_x0, top, end - l->scale_x0, h);
      rd_chart_set_color (cr, color, 1.0);
      cairo_fill (cr);

      /* The gap to the target, hatched in the factor's colour. */
      if (!isnan (target) && readiness < target)
        {
          rd_chart_set_color (cr, color, 1.0);
          rd_chart_hatch (cr, end, top, scale_x (l, target) - end, h,
                          0.42 * l->size, 0.13 * l->size);
        }
    }
  cairo_restore (cr);

  /* Not enough answers: the bar's extent as an outline, nothing filled. */
  if (!bar->trusted && !isnan (readiness) && readiness > 0)
    {
      double line_width = 0.12 * l->size;
      double w = scale_x (l, readiness) - l->scale_x0;

      cairo_save (cr);
      rd_chart_rounded_rectangle (cr, l->scale_x0 + line_width / 2, top + line_width / 2,
                                  MAX (w - line_width, 0), h - line_width, radius);
      cairo_set_line_width (cr, line_width);
      rd_chart_set_color (cr, color, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (!isnan (target))
    draw_target (cr, l, scale_x (l, target), top, top + h, palette);
}

static void
draw_texts (cairo_t              *cr,
            RdChartText          *text,
            const BarsLayout     *l,
            guint                 index,
            const RdFactorBar    *bar,
            const RdChartPalette *palette)
{
  const RdColor *color = &palette->series[index % G_N_ELEMENTS (palette->series)];
  double middle = row_middle (l, index);
  double marker_room = 2.4 * l->marker + 0.4 * l->size;
  double room = l->slot - 0.2 * l->size;
  char fallback[8];
  const char *value_text = bar->value_text;
  PangoLayout *layout;
  double w, h;

  /* The name next to its bar, and before it the factor's marker, as in
   * the other charts. */
  layout = rd_chart_text_layout (text, bar->label, 1.0, PANGO_WEIGHT_NORMAL);
  rd_chart_text_fit (layout, l->label_width - marker_room, MAX_LABEL_LINES, PANGO_ALIGN_RIGHT);
  rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
  if (h > room)
    {
      rd_chart_text_fit (layout, l->label_width - marker_room, 1, PANGO_ALIGN_RIGHT);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
    }
  rd_chart_text_draw (cr, layout, l->label_x + l->label_width - w, middle - h / 2,
                      &palette->foreground, 1.0, NULL, 0);
  g_object_unref (layout);

  rd_chart_draw_marker (cr, rd_chart_series_marker (index),
                        l->label_x + l->label_width - w - marker_room + 1.2 * l->marker, middle,
                        l->marker, color, 1.0, NULL, 0);

  if (value_text == NULL)
    {
      double readiness = rd_chart_clamp_value (bar->readiness);

      if (isnan (readiness))
        g_strlcpy (fallback, "–", sizeof fallback);
      else
        g_snprintf (fallback, sizeof fallback, "%.0f", readiness);
      value_text = fallback;
    }

  layout = rd_chart_text_layout (text, value_text, 1.0, bar->trusted ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
  rd_chart_text_fit (layout, l->value_width, MAX_LABEL_LINES, PANGO_ALIGN_LEFT);
  rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
  if (h > room)
    {
      rd_chart_text_fit (layout, l->value_width, 1, PANGO_ALIGN_LEFT);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
    }
  rd_chart_text_draw (cr, layout, l->value_x, middle - h / 2,
                      &palette->foreground, bar->trusted ? 1.0 : 0.75, NULL, 0);
  g_object_unref (layout);
}

void
rd_chart_draw_factor_bars (cairo_t              *cr,
                           double                width,
                           double                height,
                           const RdFactorBar    *bars,
                           guint                 n_bars,
                           const RdChartPalette *palette)
{
  RdChartText text;
  BarsLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (bars == NULL || n_bars == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  if (!bars_layout (&text, width, height, n_bars, &l))
    {
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);

  cairo_save (cr);
  cairo_new_path (cr);
  draw_scale (cr, &text, &l, n_bars, palette);
  for (guint i = 0; i < n_bars; i++)
    {
      draw_bar (cr, &l, i, &bars[i], palette);
      if (!l.compact)
        draw_texts (cr, &text, &l, i, &bars[i], palette);
    }
  cairo_restore (cr);

  rd_chart_text_clear (&text);
}
