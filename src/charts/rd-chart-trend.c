#define G_LOG_DOMAIN "rd-chart-trend"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-draw.h"
#include "rd-chart-text.h"
#include "rd-chart-trend.h"

#define TICK_SCALE 0.85
#define VALUE_SCALE 0.8
#define LEGEND_SCALE 0.9

/* One colour, marker and dash per success factor: the palette has four. */
#define MAX_SERIES 4

/* Where things go, from the size and the number of years only:
 * rd_chart_trend_point() has neither labels nor series to measure. The
 * legend has room for four series: one row on a wide chart, two on a
 * narrow one. */
typedef struct
{
  double size;
  double pad;
  double legend_y;
  double legend_row_height;
  guint legend_columns;
  guint legend_rows;
  double x0, x1;     /* the plot: value axis at x0 */
  double y0, y1;     /* value 100 at y0, 0 at y1 */
  double spacing;    /* between years */
  double year_y;
  int year_lines;
  guint year_stride;  /* a label every so many years, the latest always */
  double tick_height;
  double marker;
  double line_width;
  double value_offset;  /* from a point to its value's left edge */
  double value_height;  /* of a value's box */
  double value_gap;     /* at least between the boxes of one year */
  double value_top;     /* the boxes stay between these */
  double value_bottom;
  gboolean values;      /* room to write the values beside the points */
  double tick_step;     /* between the values written on the value axis; 0: none */
} TrendLayout;

static gboolean
trend_layout (RdChartText *text,
              double       width,
              double       height,
              guint        n_years,
              TrendLayout *l)
{
  double s = text->size;
  double legend_line, tick_width, year_width, half_year_width, value_width, value_room, extra, plot_width;

  memset (l, 0, sizeof *l);
  if (n_years == 0)
    return FALSE;

  l->size = s;
  l->pad = 0.5 * s;
  l->marker = 0.3 * s;
  l->line_width = 0.14 * s;
  l->value_offset = 1.45 * l->marker + 0.15 * s;

  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &legend_line);
  rd_chart_text_measure (text, "100", TICK_SCALE, PANGO_WEIGHT_NORMAL, &tick_width, &l->tick_height);
  /* School years are written like this; longer labels wrap or shorten. */
  rd_chart_text_measure (text, "0000-0000", TICK_SCALE, PANGO_WEIGHT_NORMAL, &year_width, NULL);
  rd_chart_text_measure (text, "0000-", TICK_SCALE, PANGO_WEIGHT_NORMAL, &half_year_width, NULL);
  rd_chart_text_measure (text, "100", VALUE_SCALE, PANGO_WEIGHT_NORMAL, &value_width, &l->value_height);

  l->legend_y = l->pad;
  l->legend_row_height = MAX (legend_line, 3 * l->marker);
  l->legend_columns = width - 2 * l->pad >= 36 * s ? 4 : 2;
  l->legend_rows = MAX_SERIES / l->legend_columns;

  l->x0 = l->pad + tick_width + 0.5 * s;
  l->x1 = width - l->pad;
  l->y0 = l->legend_y + l->legend_rows * l->legend_row_height + (l->legend_rows - 1) * 0.2 * s
          + 0.9 * s + l->tick_height / 2;

  /* Years sit in the middle of equal bands; the last band must hold a
   * value written right of its point. */
  plot_width = l->x1 - l->x0;
  value_room = l->value_offset + value_width + 0.1 * s;
  extra = (value_room - plot_width / (2.0 * n_years)) / (1 - 1 / (2.0 * n_years));
  if (extra > 0)
    l->x1 -= extra;
  l->spacing = (l->x1 - l->x0) / n_years;

  /* On one line, or broken in two, or on two lines for every other
   * year (or fewer) when even that crowds. */
  l->year_lines = year_width + 1.0 * s <= l->spacing ? 1 : 2;
  l->year_stride = 1;
  if (l->year_lines == 2)
    l->year_stride = (guint) MAX (ceil ((half_year_width + 0.5 * s) / l->spacing), 1);
  l->year_y = height - l->pad - l->year_lines * l->tick_height;
  l->y1 = l->year_y - 0.4 * s;

  /* A value must not reach the next year's markers, and a year's values
   * must fit one above the other: from 100 centred on its point down to
   * the years written under the axis. */
  l->value_gap = 0.1 * s;
  l->value_top = l->y0 - l->value_height / 2;
  l->value_bottom = l->year_y;
  l->values = l->spacing >= value_room + 1.5 * l->marker &&
              l->value_bottom - l->value_top >= MAX_SERIES * (l->value_height + l->value_gap);

  l->tick_step = 0;
  for (double step = 25; step <= 100; step *= 2)
    if ((l->y1 - l->y0) * step / 100 >= 1.1 * l->tick_height)
      {
        l->tick_step = step;
        break;
      }

  return l->y1 - l->y0 > s && l->spacing > 1;
}

static double
year_x (const TrendLayout *l,
        guint              year)
{
  return l->x0 + (year + 0.5) * l->spacing;
}

static double
value_y (const TrendLayout *l,
         double             value)
{
  return l->y1 - (l->y1 - l->y0) * value / 100.0;
}

void
rd_chart_trend_point (double  width,
                      double  height,
                      guint   n_years,
                      guint   year_index,
                      double  value,
                      double *x,
                      double *y)
{
  RdChartText text;
  TrendLayout l;
  gboolean ok;

  g_return_if_fail (x != NULL && y != NULL);

  *x = *y = NAN;
  if (!rd_chart_size_is_drawable (width, height) || year_index >= n_years)
    return;

  rd_chart_text_init (&text, width, height);
  ok = trend_layout (&text, width, height, n_years, &l);
  rd_chart_text_clear (&text);
  if (!ok)
    return;

  value = rd_chart_clamp_value (value);
  *x = year_x (&l, year_index);
  *y = isnan (value) ? NAN : value_y (&l, value);
}

/* A year that does not fit its band is broken after its separator
 * ("2024-" / "2025") rather than in the middle of a number. */
static char *
year_label (const char *label,
            gboolean    two_lines)
{
  const char *separators[] = { "–", "-", "/", " " };

  if (!two_lines)
    return g_strdup (label);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (label, separators[i]);

      if (at != NULL && at != label)
        {
          gsize split = at - label + strlen (separators[i]);

          return g_strdup_printf ("%.*s\n%s", (int) split, label, label + split);
        }
    }

  return g_strdup (label);
}

static void
draw_axes (cairo_t              *cr,
           RdChartText          *text,
           const TrendLayout    *l,
           const RdTrendData    *data,
           const RdChartPalette *palette)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.07 * l->size, 0.5));
  rd_chart_set_color (cr, &palette->grid, 1.0);
  for (int k = 0; k <= 4; k++)
    {
      cairo_move_to (cr, l->x0, value_y (l, k * 25));
      cairo_line_to (cr, l->x1, value_y (l, k * 25));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (double value = 0; l->tick_step > 0 && value <= 100; value += l->tick_step)
    {
      char digits[8];
      PangoLayout *layout;
      double w, h;

      g_snprintf (digits, sizeof digits, "%.0f", value);
      layout = rd_chart_text_layout (text, digits, TICK_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
      rd_chart_text_draw (cr, layout, l->x0 - 0.5 * l->size - w, value_y (l, value) - h / 2,
                          &palette->foreground, RD_CHART_QUIET_TEXT_ALPHA, NULL, 0);
      g_object_unref (layout);
    }

  for (guint i = 0; i < data->n_years; i++)
    {
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double w;

      if (data->years == NULL || data->years[i] == NULL)
        continue;

      if ((data->n_years - 1 - i) % l->year_stride != 0)
        continue;

      label = year_label (data->years[i], l->year_lines > 1);
      layout = rd_chart_text_layout (text, label, TICK_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_fit (layout, l->year_stride * l->spacing - 0.2 * l->size, l->year_lines, PANGO_ALIGN_CENTER);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      rd_chart_text_draw (cr, layout, year_x (l, i) - w / 2, l->year_y,
                          &palette->foreground, RD_CHART_QUIET_TEXT_ALPHA, NULL, 0);
      g_object_unref (layout);
    }
}

static double
series_value (const RdTrendData *data,
              guint              series,
              guint              year)
{
  if (data->series[series].values == NULL)
    return NAN;
  return rd_chart_clamp_value (data->series[series].values[year]);
}

/* Lines join the values of consecutive years; a missing year breaks the
 * line. */
static void
draw_series_line (cairo_t              *cr,
                  const TrendLayout    *l,
                  const RdTrendData    *data,
                  guint                 series,
                  const RdChartPalette *palette)
{
  gboolean drawing = FALSE;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < data->n_years; i++)
    {
      double value = series_value (data, series, i);

      if (isnan (value))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, year_x (l, i), value_y (l, value));
      else
        cairo_move_to (cr, year_x (l, i), value_y (l, value));
      drawing = TRUE;
    }
  rd_chart_set_series_dash (cr, series, l->size);
  cairo_set_line_width (cr, l->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  rd_chart_set_color (cr, &palette->series[series], 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A value written right of its point. */
typedef struct
{
  guint series;
  double point_y;
  double y;              /* the middle of its box */
  double width;          /* of its box; the height is the layout's value_height */
  PangoLayout *layout;
} ValueLabel;

/* In the order of their points, so that a higher value is never written
 * below a lower one; equal values in the order of where they would like
 * to be, then of their series. */
static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const ValueLabel *x = a, *y = b;

  if (x->point_y != y->point_y)
    return (x->point_y > y->point_y) - (x->point_y < y->point_y);
  if (x->y != y->y)
    return (x->y > y->y) - (x->y < y->y);
  return (x->series > y->series) - (x->series < y->series);
}

/* Moves the middles of @labels, in their points' order from top to
 * bottom, at least @step apart, in that order, and as little as possible
 * from where they would like to be (least squares), keeping them between
 * @top and @bottom. With q[j] = y[j] − j·step the spacing becomes "q never
 * decreases": adjacent labels that break it are pooled into a group at
 * the mean of their wishes, and clamping the groups to the bounds keeps
 * the answer the best one. The caller made sure that the bounds leave
 * room for all @n. */
static void
spread_labels (ValueLabel *labels,
               guint       n,
               double      step,
               double      top,
               double      bottom)
{
  double sums[MAX_SERIES];
  guint counts[MAX_SERIES];
  guint n_groups = 0, j = 0;

  for (guint i = 0; i < n; i++)
    {
      sums[n_groups] = labels[i].y - i * step;
      counts[n_groups] = 1;
      n_groups++;
      while (n_groups > 1 &&
             sums[n_groups - 2] * counts[n_groups - 1] > sums[n_groups - 1] * counts[n_groups - 2])
        {
          sums[n_groups - 2] += sums[n_groups - 1];
          counts[n_groups - 2] += counts[n_groups - 1];
          n_groups--;
        }
    }

  for (guint g = 0; g < n_groups; g++)
    {
      double q = CLAMP (sums[g] / counts[g], top, bottom - (n - 1) * step);

      for (guint k = 0; k < counts[g]; k++, j++)
        labels[j].y = q + j * step;
    }
}

/* The values of year @year, one per series that has one, from top to
 * bottom. Each would like to be just off the line that leaves its point
 * (below it when it rises, above when it falls); then the values of the
 * year are pushed apart so that their boxes never meet, in the same order
 * as their points, inside the plot. The caller unrefs the layouts. */
static guint
layout_values (RdChartText       *text,
               const TrendLayout *l,
               const RdTrendData *data,
               guint              n_series,
               guint              year,
               ValueLabel        *labels)
{
  double h = l->value_height;
  guint n = 0;

  for (guint s = 0; s < n_series; s++)
    {
      double value = series_value (data, s, year);
      double next = year + 1 < data->n_years ? series_value (data, s, year + 1) : NAN;
      double shift = 0;
      char digits[8];

      if (isnan (value))
        continue;
      /* Just clear of where the line passes the label's left edge;
       * further right a rising line only gets further away. */
      if (!isnan (next))
        {
          double rise = value_y (l, value) - value_y (l, next);
          double at_label = rise / l->spacing * l->value_offset;

          shift = at_label >= 0 ? 1 : -1;
          shift *= MAX (0, h / 2 + 0.1 * l->size - fabs (at_label));
        }

      g_snprintf (digits, sizeof digits, "%.0f", value);
      labels[n].series = s;
      labels[n].point_y = value_y (l, value);
      labels[n].y = labels[n].point_y + shift;
      labels[n].layout = rd_chart_text_layout (text, digits, VALUE_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (labels[n].layout, NULL, NULL, &labels[n].width, NULL);
      n++;
    }

  qsort (labels, n, sizeof labels[0], compare_labels);
  spread_labels (labels, n, h + l->value_gap, l->value_top + h / 2, l->value_bottom - h / 2);

  return n;
}

/* A value pushed so far that its box is no longer level with its point
 * gets a thin line in the series' colour from just off the point's marker
 * to the box's left edge, where the value's backdrop hides its end. */
static void
draw_leader (cairo_t              *cr,
             const TrendLayout    *l,
             double                x,
             const ValueLabel     *label,
             const RdChartPalette *palette)
{
  double end_x = x + l->value_offset;
  double dx = end_x - x, dy = label->y - label->point_y;
  double length = hypot (dx, dy);
  double start = l->marker + 0.15 * l->size;

  if (fabs (dy) <= l->value_height || length <= start)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x + dx * start / length, label->point_y + dy * start / length);
  cairo_line_to (cr, end_x, label->y);
  cairo_set_line_width (cr, MAX (0.06 * l->size, 0.5));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  rd_chart_set_color (cr, &palette->series[label->series], 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_values (cairo_t              *cr,
             RdChartText          *text,
             const TrendLayout    *l,
             const RdTrendData    *data,
             guint                 n_series,
             const RdChartPalette *palette)
{
  for (guint i = 0; i < data->n_years; i++)
    {
      ValueLabel labels[MAX_SERIES];
      guint n = layout_values (text, l, data, n_series, i, labels);
      double x = year_x (l, i);

      /* Leaders first: the values' backdrops cover their ends. */
      for (guint j = 0; j < n; j++)
        draw_leader (cr, l, x, &labels[j], palette);

      for (guint j = 0; j < n; j++)
        {
          rd_chart_text_draw (cr, labels[j].layout, x + l->value_offset, labels[j].y - l->value_height / 2,
                              &palette->foreground, 1.0, &palette->background, 0.14 * l->size);
          g_object_unref (labels[j].layout);
        }
    }
}

static void
draw_sample (cairo_t              *cr,
             const TrendLayout    *l,
             guint                 series,
             double                x,
             double                y,
             double                length,
             const RdChartPalette *palette)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  rd_chart_set_series_dash (cr, series, l->size);
  cairo_set_line_width (cr, l->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  rd_chart_set_color (cr, &palette->series[series], 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  rd_chart_draw_marker (cr, rd_chart_series_marker (series), x + length / 2, y, l->marker,
                        &palette->series[series], 1.0, &palette->background, 0.06 * l->size);
}

/* Columns as wide as their widest entry when they fit, else equal and
 * the names shortened. */
static void
draw_legend (cairo_t              *cr,
             RdChartText          *text,
             const TrendLayout    *l,
             double                width,
             const RdTrendData    *data,
             guint                 n_series,
             const RdChartPalette *palette)
{
  double sample = 3.0 * l->size, gap = 0.4 * l->size, spacing = 1.5 * l->size;
  double columns[MAX_SERIES] = { 0 };
  double natural[MAX_SERIES] = { 0 };
  double available = width - l->pad - l->x0;
  double total = 0, x;
  guint n_columns = l->legend_columns;

  for (guint s = 0; s < n_series; s++)
    {
      rd_chart_text_measure (text, data->series[s].label, LEGEND_SCALE, PANGO_WEIGHT_NORMAL, &natural[s], NULL);
      columns[s % n_columns] = MAX (columns[s % n_columns], sample + gap + natural[s]);
    }
  for (guint c = 0; c < n_columns; c++)
    total += columns[c];
  total += spacing * (n_columns - 1);
  if (total > available)
    for (guint c = 0; c < n_columns; c++)
      columns[c] = (available - spacing * (n_columns - 1)) / n_columns;

  for (guint s = 0; s < n_series; s++)
    {
      guint row = s / n_columns, column = s % n_columns;
      double y = l->legend_y + row * (l->legend_row_height + 0.2 * l->size) + l->legend_row_height / 2;
      PangoLayout *layout;
      double h;

      x = l->x0;
      for (guint c = 0; c < column; c++)
        x += columns[c] + spacing;

      draw_sample (cr, l, s, x, y, sample, palette);
      layout = rd_chart_text_layout (text, data->series[s].label, LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_fit (layout, columns[column] - sample - gap, 1, PANGO_ALIGN_LEFT);
      rd_chart_text_get_box (layout, NULL, NULL, NULL, &h);
      rd_chart_text_draw (cr, layout, x + sample + gap, y - h / 2, &palette->foreground, 1.0, NULL, 0);
      g_object_unref (layout);
    }
}

void
rd_chart_draw_trend (cairo_t              *cr,
                     double                width,
                     double                height,
                     const RdTrendData    *data,
                     const RdChartPalette *palette)
{
  RdChartText text;
  TrendLayout l;
  guint n_series;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (data == NULL || data->n_years == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  n_series = data->series != NULL ? MIN (data->n_series, MAX_SERIES) : 0;

  rd_chart_text_init (&text, width, height);
  if (!trend_layout (&text, width, height, data->n_years, &l))
    {
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);

  cairo_save (cr);
  cairo_new_path (cr);
  draw_axes (cr, &text, &l, data, palette);
  for (guint s = 0; s < n_series; s++)
    draw_series_line (cr, &l, data, s, palette);
  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < data->n_years; i++)
      {
        double value = series_value (data, s, i);

        if (!isnan (value))
          rd_chart_draw_marker (cr, rd_chart_series_marker (s), year_x (&l, i), value_y (&l, value),
                                l.marker, &palette->series[s], 1.0, &palette->background, 0.06 * l.size);
      }
  if (l.values)
    draw_values (cr, &text, &l, data, n_series, palette);
  draw_legend (cr, &text, &l, width, data, n_series, palette);
  cairo_restore (cr);

  rd_chart_text_clear (&text);
}

guint
rd_chart_trend_label_boxes (double                width,
                            double                height,
                            const RdTrendData    *data,
                            guint                 year_index,
                            cairo_rectangle_t    *boxes,
                            guint                 n_boxes)
{
  ValueLabel labels[MAX_SERIES];
  RdChartText text;
  TrendLayout l;
  guint n_series, n = 0;

  g_return_val_if_fail (boxes != NULL || n_boxes == 0, 0);

  for (guint s = 0; s < n_boxes; s++)
    boxes[s] = (cairo_rectangle_t) { NAN, NAN, NAN, NAN };

  if (data == NULL || data->series == NULL || year_index >= data->n_years ||
      !rd_chart_size_is_drawable (width, height))
    return 0;

  n_series = MIN (data->n_series, MAX_SERIES);
  rd_chart_text_init (&text, width, height);
  if (trend_layout (&text, width, height, data->n_years, &l) && l.values)
    n = layout_values (&text, &l, data, n_series, year_index, labels);
  rd_chart_text_clear (&text);

  for (guint j = 0; j < n; j++)
    {
      if (labels[j].series < n_boxes)
        boxes[labels[j].series] = (cairo_rectangle_t) {
          year_x (&l, year_index) + l.value_offset, labels[j].y - l.value_height / 2,
          labels[j].width, l.value_height,
        };
      g_object_unref (labels[j].layout);
    }

  return n;
}
