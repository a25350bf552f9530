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
boxplot_layout_for (RdChartText                 *text,
                    double                       width,
                    double                       height,
                    guint                        n_rows,
                    const RdChartScaleRowsNeeds *needs,
                    guint                        legend_lines,
                    BoxplotLayout               *l)
{
  double s = text->size;
  double tick_height, legend_height, scale_width, rows_bottom;
  RdChartScaleRows *rows = &l->rows;

  memset (l, 0, sizeof *l);
  if (n_rows == 0)
    return FALSE;

  scale_width = rd_chart_scale_rows_columns (rows, text, width, CLAMP (width * 0.18, 4 * s, 10 * s), 2.5 * s,
                                             needs, &tick_height);
  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &legend_height);

  /* A legend line at the bottom where the rows keep their room. */
  rows_bottom = height - rows->pad;
  l->legend_y = NAN;
  if (!rows->compact &&
      rows_bottom - (1.15 * (legend_lines - 1) + 2) * legend_height - tick_height - 0.9 * s - rows->pad >=
      n_rows * 2.4 * s)
    {
      /* Lines 1.15 apart, as draw_legend() writes them. */
      l->legend_y = rows_bottom - legend_height - 1.15 * (legend_lines - 1) * legend_height;
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

static gboolean
boxplot_layout (RdChartText   *text,
                double         width,
                double         height,
                guint          n_rows,
                BoxplotLayout *l)
{
  return boxplot_layout_for (text, width, height, n_rows, NULL, 1, l);
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

/* The legend's items, each whole, on as many lines as the width needs. */
typedef struct
{
  PangoLayout *layouts[N_LEGEND_ITEMS];
  double widths[N_LEGEND_ITEMS];
  double glyphs[N_LEGEND_ITEMS];
  guint line_of[N_LEGEND_ITEMS];
  double line_width[N_LEGEND_ITEMS];
  guint n_lines;
  guint n_markers;
  double line_height;
} Legend;

static void
plan_legend (RdChartText         *text,
             double               width,
             const RdBoxplotData *data,
             guint                n_palette_series,
             Legend              *legend)
{
  const char *labels[N_LEGEND_ITEMS] = { data->others_label, data->school_label, data->target_label };
  double s = text->size, spacing = 1.4 * s, inner = 0.4 * s, pad = 0.5 * s;
  double room = width - 2 * pad;

  memset (legend, 0, sizeof *legend);
  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &legend->line_height);
  legend->n_markers = MIN (data->n_rows, n_palette_series);
  legend->glyphs[LEGEND_OTHERS] = 2.4 * legend->line_height;
  legend->glyphs[LEGEND_SCHOOL] = legend->n_markers * 0.8 * legend->line_height;
  legend->glyphs[LEGEND_TARGET] = 0.8 * legend->line_height;

  for (guint i = 0; i < N_LEGEND_ITEMS; i++)
    {
      double item;

      if (labels[i] == NULL || labels[i][0] == '\0')
        continue;
      legend->layouts[i] = rd_chart_text_layout (text, labels[i], LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
      /* Only an item wider than the whole line is shortened. */
      if (legend->glyphs[i] + inner + 1 < room)
        rd_chart_text_fit (legend->layouts[i], room - legend->glyphs[i] - inner, 1, PANGO_ALIGN_LEFT);
      rd_chart_text_get_box (legend->layouts[i], NULL, NULL, &legend->widths[i], NULL);
      item = legend->glyphs[i] + inner + legend->widths[i];
      if (legend->n_lines == 0 ||
          legend->line_width[legend->n_lines - 1] + spacing + item > room)
        legend->n_lines++;
      else
        legend->line_width[legend->n_lines - 1] += spacing;
      legend->line_of[i] = legend->n_lines - 1;
      legend->line_width[legend->n_lines - 1] += item;
    }
}

static void
clear_legend (Legend *legend)
{
  for (guint i = 0; i < N_LEGEND_ITEMS; i++)
    g_clear_object (&legend->layouts[i]);
}

/* Under the scale: what the box, the marker and the tick stand for,
 * each line centred under the plot. */
static void
draw_legend (cairo_t              *cr,
             const BoxplotLayout  *l,
             double                width,
             Legend               *legend,
             const RdChartPalette *palette)
{
  double s = l->rows.size, spacing = 1.4 * s, inner = 0.4 * s;
  double pitch = legend->line_height * 1.15;

  for (guint line = 0; line < legend->n_lines; line++)
    {
      double total = legend->line_width[line];
      double y = l->legend_y + line * pitch;
      double x = MAX (l->rows.pad, (l->rows.scale_x0 + l->rows.scale_x1 - total) / 2);

      if (x + total > width - l->rows.pad)
        x = MAX (l->rows.pad, width - l->rows.pad - total);
      for (guint i = 0; i < N_LEGEND_ITEMS; i++)
        {
          if (legend->layouts[i] == NULL || legend->line_of[i] != line)
            continue;
          draw_legend_glyph (cr, l, i, x, y + legend->line_height / 2, legend->glyphs[i], legend->line_height,
                             legend->n_markers, palette);
          x += legend->glyphs[i] + inner;
          rd_chart_text_draw (cr, legend->layouts[i], x, y, &palette->foreground, 1.0, NULL, 0);
          x += legend->widths[i] + spacing;
        }
    }
}

static void
measure_needs (RdChartText           *text,
               const RdBoxplotData   *data,
               RdChartScaleRowsNeeds *needs)
{
  double w;

  memset (needs, 0, sizeof *needs);
  for (guint i = 0; i < data->n_rows; i++)
    rd_chart_scale_rows_need_label (needs, text, data->rows[i].label);
  rd_chart_text_measure (text, "100", 1.0, PANGO_WEIGHT_BOLD, &w, NULL);
  needs->value = needs->value_wrapped = w + 1;
  /* "not enough answers" may wrap at its words, none of them cut. */
  for (guint i = 0; data->missing_text != NULL && i < data->n_rows; i++)
    if (isnan (data->rows[i].value))
      {
        g_auto(GStrv) words = g_strsplit (data->missing_text, " ", -1);

        for (guint k = 0; words[k] != NULL; k++)
          {
            rd_chart_text_measure (text, words[k], 1.0, PANGO_WEIGHT_NORMAL, &w, NULL);
            needs->value = MAX (needs->value, w + 1);
          }
        needs->value_wrapped = needs->value;
        break;
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
  RdChartScaleRowsNeeds needs;
  Legend legend;
  BoxplotLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (data == NULL || data->rows == NULL || data->n_rows == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  measure_needs (&text, data, &needs);
  plan_legend (&text, width, data, G_N_ELEMENTS (palette->series), &legend);
  if (!boxplot_layout_for (&text, width, height, data->n_rows, &needs, MAX (legend.n_lines, 1), &l))
    {
      clear_legend (&legend);
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
  if (!isnan (l.legend_y) && legend.n_lines > 0)
    draw_legend (cr, &l, width, &legend, palette);
  cairo_restore (cr);

  clear_legend (&legend);
  rd_chart_text_clear (&text);
}
