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
bars_layout_for (RdChartText                 *text,
                 double                       width,
                 double                       height,
                 guint                        n_bars,
                 const RdChartScaleRowsNeeds *needs,
                 RdChartScaleRows            *rows)
{
  double s = text->size;
  double tick_height, scale_width, rows_bottom;

  memset (rows, 0, sizeof *rows);
  if (n_bars == 0)
    return FALSE;

  scale_width = rd_chart_scale_rows_columns (rows, text, width, CLAMP (width * 0.2, 5 * s, 11 * s), 3 * s,
                                             needs, &tick_height);

  rows->rows_top = rows->pad;
  rows_bottom = height - rows->pad - tick_height - 0.35 * s;
  rows->tick_y = rows_bottom + 0.35 * s;
  rows->slot = (rows_bottom - rows->rows_top) / n_bars;
  rows->item_height = MIN (0.45 * rows->slot, 1.7 * s);

  return scale_width > 1 && rows->item_height > 1;
}

static gboolean
bars_layout (RdChartText      *text,
             double            width,
             double            height,
             guint             n_bars,
             RdChartScaleRows *rows)
{
  return bars_layout_for (text, width, height, n_bars, NULL, rows);
}

/* "62 · Established" breaks after its number, never inside the level. */
static char *
value_broken (const char *value_text)
{
  /* An empty text splits into no parts at all. */
  g_auto(GStrv) parts = g_strsplit (value_text, " · ", 2);

  return parts[0] != NULL && parts[1] != NULL ? g_strdup_printf ("%s ·\n%s", parts[0], parts[1])
                                              : g_strdup (value_text);
}

static const char *
bar_value_text (const RdFactorBar *bar,
                char               fallback[8])
{
  double readiness = rd_chart_clamp_value (bar->readiness);

  if (bar->value_text != NULL)
    return bar->value_text;
  if (isnan (readiness))
    g_strlcpy (fallback, "–", 8);
  else
    g_snprintf (fallback, 8, "%.0f", readiness);
  return fallback;
}

static void
measure_needs (RdChartText           *text,
               const RdFactorBar     *bars,
               guint                  n_bars,
               RdChartScaleRowsNeeds *needs)
{
  memset (needs, 0, sizeof *needs);
  for (guint i = 0; i < n_bars; i++)
    {
      char fallback[8];
      g_autofree char *broken = value_broken (bar_value_text (&bars[i], fallback));
      g_auto(GStrv) lines = g_strsplit (broken, "\n", -1);
      PangoWeight weight = bars[i].trusted ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;
      double w;

      rd_chart_scale_rows_need_label (needs, text, bars[i].label);
      rd_chart_text_measure (text, bar_value_text (&bars[i], fallback), 1.0, weight, &w, NULL);
      needs->value = MAX (needs->value, w + 1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          rd_chart_text_measure (text, lines[l], 1.0, weight, &w, NULL);
          needs->value_wrapped = MAX (needs->value_wrapped, w + 1);
        }
    }
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
  const char *value_text = bar_value_text (bar, fallback);
  PangoWeight weight = bar->trusted ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;
  g_autofree char *broken = NULL;
  PangoLayout *layout;
  double w;

  rd_chart_scale_rows_draw_label (cr, text, rows, index, bar->label, TRUE, palette);

  rd_chart_text_measure (text, value_text, 1.0, weight, &w, NULL);
  if (w > rows->value_width)
    value_text = broken = value_broken (value_text);
  layout = rd_chart_text_layout (text, value_text, 1.0, weight);
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
  RdChartScaleRowsNeeds needs;
  RdChartScaleRows rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (bars == NULL || n_bars == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  measure_needs (&text, bars, n_bars, &needs);
  if (!bars_layout_for (&text, width, height, n_bars, &needs, &rows))
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
