#define G_LOG_DOMAIN "rd-chart-boxplot"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rd-chart-boxplot.h"
#include "rd-chart-draw.h"
#include "rd-chart-text.h"

#define LEGEND_SCALE 0.9

/* Where things go, from the size and the number of rows only, as
 * rd_chart_boxplot_geometry() has no labels to measure. */
typedef struct
{
  RdChartScaleRows rows;
  double legend_y;      /* NAN: no legend */
  double marker;        /* the school's marker's radius */
} BoxplotLayout;

static gboolean
boxplot_layout (RdChartText   *text,
                double         width,
                double         height,
                guint          n_rows,
                BoxplotLayout *l)
{
  double s = text->size;
  double tick_height, legend_height, scale_width, rows_bottom;
  RdChartScaleRows *rows = &l->rows;

  memset (l, 0, sizeof *l);
  if (n_rows == 0)
    return FALSE;

  scale_width = rd_chart_scale_rows_columns (rows, text, width, CLAMP (width * 0.18, 4 * s, 10 * s), 2.5 * s,
                                             &tick_height);
  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &legend_height);

  /* A legend line at the bottom where the rows keep their room. */
  rows_bottom = height - rows->pad;
  l->legend_y = NAN;
  if (!rows->compact && rows_bottom - 2 * legend_height - tick_height - 0.9 * s - rows->pad >= n_rows * 2.4 * s)
    {
      l->legend_y = rows_bottom - legend_height;
      rows_bottom = l->legend_y - 0.6 * s;
    }
  rows_bottom -= tick_height + 0.35 * s;
  rows->tick_y = rows_bottom + 0.35 * s;

  rows->rows_top = rows->pad;
  /* Rows no further apart than reads comfortably; what is left over is
   * shared above and below the whole. */
  rows->slot = MIN ((rows_bottom - rows->rows_top) / n_rows, 5 * s);
  if (rows->slot < (rows_bottom - rows->rows_top) / n_rows)
    {
      double spare = rows_bottom - rows->rows_top - n_rows * rows->slot;

      rows->rows_top += spare / 2;
      rows->tick_y -= spare / 2;
      if (!isnan (l->legend_y))
        l->legend_y -= spare / 2;
    }
  rows->item_height = MIN (0.5 * rows->slot, 1.6 * s);
  l->marker = MIN (0.42 * s, 0.45 * rows->slot);

  return scale_width > 1 && rows->item_height > 1;
}

/* The rows alone, for rd_chart_scale_rows_geometry(). */
static gboolean
boxplot_rows (RdChartText      *text,
              double            width,
              double            height,
              guint             n_rows,
              RdChartScaleRows *rows)
{
  BoxplotLayout l;
  gboolean ok = boxplot_layout (text, width, height, n_rows, &l);

  *rows = l.rows;
  return ok;
}

void
rd_chart_boxplot_geometry (double  width,
                           double  height,
                           guint   n_rows,
                           guint   index,
                           double  value,
                           double *x,
                           double *y_middle,
                           double *box_height)
{
  rd_chart_scale_rows_geometry (boxplot_rows, width, height, n_rows, index, value, x, y_middle, box_height);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The five numbers in order and on the scale; FALSE when the row has none
 * to show. Out-of-order input is drawn as the sorted numbers rather than
 * as a box turned inside out. */
static gboolean
five_numbers (const RdBoxplotRow *row,
              double              numbers[5])
{
  numbers[0] = row->minimum;
  numbers[1] = row->q1;
  numbers[2] = row->median;
  numbers[3] = row->q3;
  numbers[4] = row->maximum;

  if (row->n == 0)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    {
      numbers[i] = rd_chart_clamp_value (numbers[i]);
      if (isnan (numbers[i]))
        return FALSE;
    }
  qsort (numbers, 5, sizeof numbers[0], compare_doubles);
  return TRUE;
}

/* Whiskers, box and median of the others, in the chart's neutral colours
 * so that the school's marker is the one thing in colour. */
static void
draw_box (cairo_t              *cr,
          double                size,
          double                middle,
          double                box_height,
          const double          x[5],
          const RdChartPalette *palette)
{
  double top = middle - box_height / 2;
  double line_width = MAX (0.08 * size, 1.0);
  double cap = 0.3 * box_height;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, line_width);
  rd_chart_set_color (cr, &palette->foreground, 0.8);
  cairo_move_to (cr, x[0], middle);
  cairo_line_to (cr, x[1], middle);
  cairo_move_to (cr, x[3], middle);
  cairo_line_to (cr, x[4], middle);
  cairo_move_to (cr, x[0], middle - cap);
  cairo_line_to (cr, x[0], middle + cap);
  cairo_move_to (cr, x[4], middle - cap);
  cairo_line_to (cr, x[4], middle + cap);
  cairo_stroke (cr);

  /* The box's outline lies outside Q1 and Q3, so that they are where
   * its fill ends; a box of no width is a line still. */
  cairo_rectangle (cr, x[1] - line_width, top - line_width,
                   x[3] - x[1] + 2 * line_width, box_height + 2 * line_width);
  rd_chart_set_color (cr, &palette->foreground, 1.0);
  cairo_fill (cr);
  if (x[3] > x[1])
    {
      cairo_rectangle (cr, x[1], top, x[3] - x[1], box_height);
      rd_chart_set_color (cr, &palette->track, 1.0);
      cairo_fill (cr);
    }

  cairo_move_to (cr, x[2], top);
  cairo_line_to (cr, x[2], top + box_height);
  cairo_set_line_width (cr, MAX (0.2 * size, 2.0));
  rd_chart_set_color (cr, &palette->foreground, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (cairo_t              *cr,
          const BoxplotLayout  *l,
          guint                 index,
          const RdBoxplotRow   *row,
          const RdChartPalette *palette)
{
  const RdColor *color = &palette->series[index % G_N_ELEMENTS (palette->series)];
  const RdChartScaleRows *rows = &l->rows;
  double middle = rd_chart_scale_rows_middle (rows, index);
  double numbers[5], x[5];
  double target = rd_chart_clamp_value (row->target);
  double value = rd_chart_clamp_value (row->value);

  if (!five_numbers (row, numbers))
    return;

  for (guint i = 0; i < 5; i++)
    x[i] = rd_chart_scale_rows_x (rows, numbers[i]);
  draw_box (cr, rows->size, middle, rows->item_height, x, palette);

  if (!isnan (target))
    rd_chart_scale_rows_draw_target (cr, rows, index, rd_chart_scale_rows_x (rows, target), palette);

  if (!isnan (value))
    rd_chart_draw_marker (cr, rd_chart_series_marker (index), rd_chart_scale_rows_x (rows, value), middle,
                          l->marker, color, 1.0, &palette->background, MAX (0.1 * rows->size, 1.0));
}

static void
draw_texts (cairo_t              *cr,
            RdChartText          *text,
            const BoxplotLayout  *l,
            guint                 index,
            const RdBoxplotRow   *row,
            const char           *missing_text,
            const RdChartPalette *palette)
{
  double value = rd_chart_clamp_value (row->value);
  double numbers[5];
  gboolean has_numbers = five_numbers (row, numbers);
  char digits[8];
  PangoLayout *layout;

  /* With nothing to compare with, the label alone, as promised. */
  rd_chart_scale_rows_draw_label (cr, text, &l->rows, index, row->label, has_numbers, palette);
  if (!has_numbers)
    return;

  if (isnan (value))
    layout = rd_chart_text_layout (text, missing_text != NULL ? missing_text : "–", 1.0, PANGO_WEIGHT_NORMAL);
  else
    {
      g_snprintf (digits, sizeof digits, "%.0f", value);
      layout = rd_chart_text_layout (text, digits, 1.0, PANGO_WEIGHT_BOLD);
    }
  rd_chart_scale_rows_draw_value (cr, &l->rows, index, layout, isnan (value) ? RD_CHART_QUIET_TEXT_ALPHA : 1.0, palette);
}

typedef enum {
  LEGEND_OTHERS,
  LEGEND_SCHOOL,
  LEGEND_TARGET,
  N_LEGEND_ITEMS,
} LegendItem;

static void
draw_legend_glyph (cairo_t              *cr,
                   const BoxplotLayout  *l,
                   LegendItem            item,
                   double                x,
                   double                middle,
                   double                glyph,
                   double                line_height,
                   guint                 n_markers,
                   const RdChartPalette *palette)
{
  switch (item)
    {
    case LEGEND_OTHERS:
      {
        double xs[5] = { x, x + 0.2 * glyph, x + 0.5 * glyph, x + 0.75 * glyph, x + glyph };

        draw_box (cr, 0.7 * l->rows.size, middle, 0.7 * line_height, xs, palette);
      }
      break;

    case LEGEND_SCHOOL:
      /* The school's marker takes each row's shape and colour: all of
       * them, side by side. */
      for (guint i = 0; i < n_markers; i++)
        rd_chart_draw_marker (cr, rd_chart_series_marker (i), x + (i + 0.5) * 0.8 * line_height, middle,
                              0.26 * line_height, &palette->series[i], 1.0, NULL, 0);
      break;

    case LEGEND_TARGET:
      rd_chart_draw_target (cr, 0.7 * l->rows.size, x + glyph / 2, middle - 0.2 * line_height,
                            middle + 0.5 * line_height, 0.3 * line_height, palette);
      break;

    case N_LEGEND_ITEMS:
    default:
      g_assert_not_reached ();
    }
}

/* Under the scale: what the box, the marker and the tick stand for,
 * centred under the plot, the names shortened when they do not fit. */
static void
draw_legend (cairo_t              *cr,
             RdChartText          *text,
             const BoxplotLayout  *l,
             double                width,
             const RdBoxplotData  *data,
             const RdChartPalette *palette)
{
  const char *labels[N_LEGEND_ITEMS] = { data->others_label, data->school_label, data->target_label };
  PangoLayout *layouts[N_LEGEND_ITEMS] = { NULL };
  double widths[N_LEGEND_ITEMS] = { 0 };
  double glyphs[N_LEGEND_ITEMS];
  double s = l->rows.size, spacing = 1.4 * s, inner = 0.4 * s;
  double line_height, total = 0, x;
  guint n_items = 0, n_markers;

  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &line_height);
  glyphs[LEGEND_OTHERS] = 2.4 * line_height;
  n_markers = MIN (data->n_rows, G_N_ELEMENTS (palette->series));
  glyphs[LEGEND_SCHOOL] = n_markers * 0.8 * line_height;
  glyphs[LEGEND_TARGET] = 0.8 * line_height;

  for (guint i = 0; i < N_LEGEND_ITEMS; i++)
    if (labels[i] != NULL && labels[i][0] != '\0')
      {
        layouts[i] = rd_chart_text_layout (text, labels[i], LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
        rd_chart_text_get_box (layouts[i], NULL, NULL, &widths[i], NULL);
        total += glyphs[i] + inner + widths[i];
        n_items++;
      }
  if (n_items == 0)
    return;
  total += (n_items - 1) * spacing;

  if (total > width - 2 * l->rows.pad)
    {
      double glyph_room = total;

      for (guint i = 0; i < N_LEGEND_ITEMS; i++)
        glyph_room -= widths[i];
      total = glyph_room;
      for (guint i = 0; i < N_LEGEND_ITEMS; i++)
        if (layouts[i] != NULL)
          {
            rd_chart_text_fit (layouts[i], MAX ((width - 2 * l->rows.pad - glyph_room) / n_items, s),
                               1, PANGO_ALIGN_LEFT);
            rd_chart_text_get_box (layouts[i], NULL, NULL, &widths[i], NULL);
            total += widths[i];
          }
    }

  x = MAX (l->rows.pad, (l->rows.scale_x0 + l->rows.scale_x1 - total) / 2);
  if (x + total > width - l->rows.pad)
    x = MAX (l->rows.pad, width - l->rows.pad - total);
  for (guint i = 0; i < N_LEGEND_ITEMS; i++)
    {
      if (layouts[i] == NULL)
        continue;
      draw_legend_glyph (cr, l, i, x, l->legend_y + line_height / 2, glyphs[i], line_height, n_markers, palette);
      x += glyphs[i] + inner;
      rd_chart_text_draw (cr, layouts[i], x, l->legend_y, &palette->foreground, 1.0, NULL, 0);
      x += widths[i] + spacing;
      g_object_unref (layouts[i]);
    }
}

void
rd_chart_draw_boxplot (cairo_t              *cr,
                       double                width,
                       double                height,
                       const RdBoxplotData  *data,
                       const RdChartPalette *palette)
{
  RdChartText text;
  BoxplotLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (data == NULL || data->rows == NULL || data->n_rows == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  if (!boxplot_layout (&text, width, height, data->n_rows, &l))
    {
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);

  cairo_save (cr);
  /* Text that measures a little wider than planned stays in the chart. */
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  rd_chart_scale_rows_draw_scale (cr, &text, &l.rows, data->n_rows, palette);
  for (guint i = 0; i < data->n_rows; i++)
    {
      draw_row (cr, &l, i, &data->rows[i], palette);
      if (!l.rows.compact)
        draw_texts (cr, &text, &l, i, &data->rows[i], data->missing_text, palette);
    }
  if (!isnan (l.legend_y))
    draw_legend (cr, &text, &l, width, data, palette);
  cairo_restore (cr);

  rd_chart_text_clear (&text);
}
