#define G_LOG_DOMAIN "rd-chart-bars"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-bars.h"
#include "rd-chart-draw.h"
#include "rd-chart-text.h"

/* Where things go, from the size and the number of bars only:
 * rd_chart_factor_bars_geometry() has no labels to measure. */
static gboolean
bars_layout (RdChartText      *text,
             double            width,
             double            height,
             guint             n_bars,
             RdChartScaleRows *rows)
{
  double s = text->size;
  double tick_height, scale_width, rows_bottom;

  memset (rows, 0, sizeof *rows);
  if (n_bars == 0)
    return FALSE;

  scale_width = rd_chart_scale_rows_columns (rows, text, width, CLAMP (width * 0.2, 5 * s, 11 * s), 3 * s,
                                             &tick_height);

  rows->rows_top = rows->pad;
  rows_bottom = height - rows->pad - tick_height - 0.35 * s;
  rows->tick_y = rows_bottom + 0.35 * s;
  rows->slot = (rows_bottom - rows->rows_top) / n_bars;
  rows->item_height = MIN (0.45 * rows->slot, 1.7 * s);

  return scale_width > 1 && rows->item_height > 1;
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
  rd_chart_scale_rows_geometry (bars_layout, width, height, n_bars, index, value, x, y_middle, bar_height);
}

static void
draw_bar (cairo_t                *cr,
          const RdChartScaleRows *rows,
          guint                   index,
          const RdFactorBar      *bar,
          const RdChartPalette   *palette)
{
  const RdColor *color = &palette->series[index % G_N_ELEMENTS (palette->series)];
  double readiness = rd_chart_clamp_value (bar->readiness);
  double target = rd_chart_clamp_value (bar->target);
  double top = rd_chart_scale_rows_middle (rows, index) - rows->item_height / 2;
  double h = rows->item_height;
  double radius = MIN (0.2 * rows->size, h / 4);

  cairo_save (cr);

  rd_chart_rounded_rectangle (cr, rows->scale_x0, top, rows->scale_x1 - rows->scale_x0, h, radius);
  rd_chart_set_color (cr, &palette->track, 1.0);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_new_path (cr);

  if (bar->trusted && !isnan (readiness))
    {
      double end = rd_chart_scale_rows_x (rows, readiness);

      cairo_rectangle (cr, rows->scale_x0, top, end - rows->scale_x0, h);
      rd_chart_set_color (cr, color, 1.0);
      cairo_fill (cr);

      /* The gap to the target, hatched in the factor's colour. */
      if (!isnan (target) && readiness < target)
        {
          rd_chart_set_color (cr, color, 1.0);
          rd_chart_hatch (cr, end, top, rd_chart_scale_rows_x (rows, target) - end, h,
                          0.42 * rows->size, 0.13 * rows->size);
        }
    }
  cairo_restore (cr);

  /* Not enough answers: the bar's extent as an outline, nothing filled. */
  if (!bar->trusted && !isnan (readiness) && readiness > 0)
    {
      double line_width = 0.12 * rows->size;
      double w = rd_chart_scale_rows_x (rows, readiness) - rows->scale_x0;

      cairo_save (cr);
      rd_chart_rounded_rectangle (cr, rows->scale_x0 + line_width / 2, top + line_width / 2,
                                  MAX (w - line_width, 0), h - line_width, radius);
      cairo_set_line_width (cr, line_width);
      rd_chart_set_color (cr, color, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (!isnan (target))
    rd_chart_scale_rows_draw_target (cr, rows, index, rd_chart_scale_rows_x (rows, target), palette);
}

static void
draw_texts (cairo_t                *cr,
            RdChartText            *text,
            const RdChartScaleRows *rows,
            guint                   index,
            const RdFactorBar      *bar,
            const RdChartPalette   *palette)
{
  char fallback[8];
  const char *value_text = bar->value_text;
  PangoLayout *layout;

  rd_chart_scale_rows_draw_label (cr, text, rows, index, bar->label, TRUE, palette);

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
  rd_chart_scale_rows_draw_value (cr, rows, index, layout, bar->trusted ? 1.0 : RD_CHART_QUIET_TEXT_ALPHA, palette);
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
  RdChartScaleRows rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (bars == NULL || n_bars == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  if (!bars_layout (&text, width, height, n_bars, &rows))
    {
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);

  cairo_save (cr);
  cairo_new_path (cr);
  rd_chart_scale_rows_draw_scale (cr, &text, &rows, n_bars, palette);
  for (guint i = 0; i < n_bars; i++)
    {
      draw_bar (cr, &rows, i, &bars[i], palette);
      if (!rows.compact)
        draw_texts (cr, &text, &rows, i, &bars[i], palette);
    }
  cairo_restore (cr);

  rd_chart_text_clear (&text);
}
