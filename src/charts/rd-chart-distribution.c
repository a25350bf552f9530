#define G_LOG_DOMAIN "rd-chart-distribution"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-distribution.h"
#include "rd-chart-draw.h"
#include "rd-chart-text.h"

/* A name takes three lines where its row has room for them. */
#define MAX_LABEL_LINES 3
#define LEGEND_SCALE 0.9
#define MIN_TEXT_CONTRAST 4.5

/* Where things go, from the size and the number of rows only:
 * rd_chart_distribution_geometry() has no band labels to measure, so the
 * legend gets one or two lines whatever its labels, and they are made to
 * fit in them. */
typedef struct
{
  double size;
  double pad;
  double label_x;
  double label_width;   /* 0: no room for the groups' names */
  double bar_x0;
  double bar_x1;
  double rows_top;
  double slot;          /* the height of one row */
  double bar_height;
  double legend_y;
  double line_height;   /* of the legend's text */
  double line_pitch;    /* from one legend line to the next */
  guint legend_lines;   /* 0: no legend */
} DistributionLayout;

static gboolean
distribution_layout (RdChartText             *text,
                     double                   width,
                     double                   height,
                     const RdDistributionRow *rows,
                     guint                    n_rows,
                     DistributionLayout      *l)
{
  double s = text->size;
  double gap = 0.75 * s;
  double legend_gap = 0.6 * s;
  double max_slot = 5.5 * s;
  double available, minimum, rows_space, used;

  memset (l, 0, sizeof *l);
  if (n_rows == 0)
    return FALSE;

  l->size = s;
  l->pad = 0.5 * s;
  available = width - 2 * l->pad;

  /* The bars keep at least half the width; the names give way, wrap or
   * are shortened, and go when not even a short one would fit. */
  l->label_width = CLAMP (width * 0.26, 6 * s, 14 * s);
  /* No word of a name cut: "Ondersteunend personeel" wraps between words. */
  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) words = g_strsplit (rows[r].label != NULL ? rows[r].label : "", " ", -1);

      for (guint k = 0; words[k] != NULL; k++)
        {
          double w;

          rd_chart_text_measure (text, words[k], 1.0, PANGO_WEIGHT_NORMAL, &w, NULL);
          l->label_width = MAX (l->label_width, w + 1);
        }
    }
  minimum = MAX (available * 0.5, 6 * s);
  if (available - l->label_width - gap < minimum)
    l->label_width = available - minimum - gap;
  if (l->label_width < 5 * s)
    {
      l->label_width = 0;
      gap = 0;
    }
  l->label_x = l->pad;
  l->bar_x0 = l->pad + l->label_width + gap;
  l->bar_x1 = width - l->pad;

  /* A second line for long band names where the rows lose nothing by it;
   * one where they stay readable; none on a thumbnail. */
  rd_chart_text_measure (text, "Ag", LEGEND_SCALE, PANGO_WEIGHT_NORMAL, NULL, &l->line_height);
  l->line_pitch = l->line_height + 0.3 * s;
  l->legend_lines = 0;
  if (available >= 12 * s)
    for (guint lines = 2; lines >= 1 && l->legend_lines == 0; lines--)
      {
        rows_space = height - 2 * l->pad - legend_gap - l->line_height - (lines - 1) * l->line_pitch;
        /* Two lines while every row keeps room for a bar and a two-line name. */
        if (rows_space >= n_rows * (lines == 2 ? MIN (max_slot, 3.2 * s) : s))
          l->legend_lines = lines;
      }
  rows_space = height - 2 * l->pad;
  if (l->legend_lines > 0)
    rows_space -= legend_gap + l->line_height + (l->legend_lines - 1) * l->line_pitch;

  /* Thick bars for a projector, but not so thick that a few rows look
   * like blocks; what is left over goes around them. */
  l->slot = MIN (rows_space / n_rows, max_slot);
  l->bar_height = MIN (0.7 * l->slot, 3.6 * s);

  used = n_rows * l->slot;
  if (l->legend_lines > 0)
    used += legend_gap + l->line_height + (l->legend_lines - 1) * l->line_pitch;
  l->rows_top = l->pad + MAX (height - 2 * l->pad - used, 0) / 2;
  l->legend_y = l->rows_top + n_rows * l->slot + legend_gap;

  return l->bar_x1 - l->bar_x0 > 1 && l->bar_height > 1;
}

static double
row_top (const DistributionLayout *l,
         guint                     row)
{
  return l->rows_top + row * l->slot + (l->slot - l->bar_height) / 2;
}

static guint64
row_total (const RdDistributionRow *row)
{
  guint64 total = 0;

  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    total += row->counts[band];
  return total;
}

/* Ends computed from the running total, so the segments meet exactly and
 * the last ends at the bar's end. */
static void
segment_span (const DistributionLayout *l,
              const RdDistributionRow  *row,
              guint                     band,
              double                   *x0,
              double                   *x1)
{
  guint64 total = row_total (row), before = 0;
  double width = l->bar_x1 - l->bar_x0;

  if (total == 0)
    {
      *x0 = *x1 = l->bar_x0;
      return;
    }
  for (guint b = 0; b < band; b++)
    before += row->counts[b];
  *x0 = l->bar_x0 + width * ((double) before / total);
  *x1 = l->bar_x0 + width * ((double) (before + row->counts[band]) / total);
}

void
rd_chart_distribution_geometry (double                   width,
                                double                   height,
                                const RdDistributionRow *rows,
                                guint                    n_rows,
                                guint                    row,
                                guint                    band,
                                double                  *x,
                                double                  *y,
                                double                  *segment_width,
                                double                  *segment_height)
{
  RdChartText text;
  DistributionLayout l;
  gboolean ok;
  double x0, x1;

  g_return_if_fail (x != NULL && y != NULL && segment_width != NULL && segment_height != NULL);

  *x = *y = *segment_width = *segment_height = NAN;
  if (rows == NULL || row >= n_rows || band >= RD_CHART_N_BANDS ||
      !rd_chart_size_is_drawable (width, height))
    return;

  rd_chart_text_init (&text, width, height);
  ok = distribution_layout (&text, width, height, rows, n_rows, &l);
  rd_chart_text_clear (&text);
  if (!ok)
    return;

  segment_span (&l, &rows[row], band, &x0, &x1);
  *x = x0;
  *y = row_top (&l, row);
  *segment_width = x1 - x0;
  *segment_height = l.bar_height;
}

void
rd_chart_distribution_band_color (const RdChartPalette *palette,
                                  guint                 band,
                                  RdColor              *color)
{
  /* ColorBrewer's RdYlBu. On a light background the ends are a shade
   * darker, for the counts' 4.5:1 with a margin, and the yellow deeper,
   * which a projector would otherwise wash out. */
  static const guint32 on_light[RD_CHART_N_BANDS] = {
    0xcf2e25, 0xfc8d59, 0xfed976, 0x91bfdb, 0x3f6fad,
  };
  /* On a dark background the ends as they are keep 3:1 against it. */
  static const guint32 on_dark[RD_CHART_N_BANDS] = {
    0xd73027, 0xfc8d59, 0xfee090, 0x91bfdb, 0x4575b4,
  };
  /* The scale's outer classes, for high contrast. */
  static const guint32 strong[RD_CHART_N_BANDS] = {
    0xa50026, 0xf46d43, 0xfee090, 0x74add1, 0x313695,
  };
  static const RdColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  const guint32 *ramp;

  g_return_if_fail (palette != NULL && color != NULL);

  /* The palette does not record its style: high contrast is the only one
   * with black on white (or white on black), 21:1, the others near 15:1. */
  if (rd_color_contrast_ratio (&palette->foreground, &palette->background) > 20)
    ramp = strong;
  else if (rd_color_contrast_ratio (&palette->background, &black) >
           rd_color_contrast_ratio (&palette->background, &white))
    ramp = on_light;
  else
    ramp = on_dark;

  *color = rd_color_from_hex (ramp[MIN (band, RD_CHART_N_BANDS - 1)]);
}

void
rd_chart_distribution_count_color (const RdChartPalette *palette,
                                   guint                 band,
                                   RdColor              *color)
{
  static const RdColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  const RdColor *best;
  RdColor fill;

  g_return_if_fail (palette != NULL && color != NULL);

  /* The chart's own colours where they read well, so the counts look like
   * the rest of its text; black or white where they do not. */
  rd_chart_distribution_band_color (palette, band, &fill);
  best = rd_color_contrast_ratio (&palette->foreground, &fill) >=
         rd_color_contrast_ratio (&palette->background, &fill) ? &palette->foreground : &palette->background;
  if (rd_color_contrast_ratio (best, &fill) < MIN_TEXT_CONTRAST)
    best = rd_color_contrast_ratio (&black, &fill) >= rd_color_contrast_ratio (&white, &fill) ? &black : &white;
  *color = *best;
}

static void
draw_row (cairo_t                  *cr,
          RdChartText              *text,
          const DistributionLayout *l,
          guint                     index,
          const RdDistributionRow  *row,
          const RdChartPalette     *palette)
{
  double top = row_top (l, index);
  double h = l->bar_height;
  double radius = MIN (0.2 * l->size, h / 4);
  double gap = MAX (0.12 * l->size, 1.0);
  gboolean first = TRUE;

  cairo_save (cr);
  rd_chart_rounded_rectangle (cr, l->bar_x0, top, l->bar_x1 - l->bar_x0, h, radius);
  cairo_clip (cr);
  cairo_new_path (cr);

  if (row_total (row) == 0)
    {
      cairo_rectangle (cr, l->bar_x0, top, l->bar_x1 - l->bar_x0, h);
      rd_chart_set_color (cr, &palette->track, 1.0);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    {
      RdColor fill;
      double x0, x1;

      if (row->counts[band] == 0)
        continue;
      segment_span (l, row, band, &x0, &x1);
      rd_chart_distribution_band_color (palette, band, &fill);
      cairo_rectangle (cr, x0, top, x1 - x0, h);
      rd_chart_set_color (cr, &fill, 1.0);
      cairo_fill (cr);

      /* A thin cut in the background colour between neighbours, so that
       * segments stay apart without relying on their colours. */
      if (!first)
        {
          cairo_rectangle (cr, x0 - gap / 2, top, gap, h);
          rd_chart_set_color (cr, &palette->background, 1.0);
          cairo_fill (cr);
        }
      first = FALSE;
    }
  cairo_restore (cr);

  /* The counts, where they fit inside their segment. */
  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    {
      char digits[16];
      PangoLayout *layout;
      RdColor color;
      double x0, x1, w, th;

      if (row->counts[band] == 0)
        continue;
      segment_span (l, row, band, &x0, &x1);
      g_snprintf (digits, sizeof digits, "%u", row->counts[band]);
      /* Larger on thick bars, to be read from the back of the room. */
      layout = rd_chart_text_layout (text, digits, h >= 3 * l->size ? 1.25 : 1.0, PANGO_WEIGHT_BOLD);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &th);
      if (w + 0.5 * l->size + gap <= x1 - x0 && th <= h)
        {
          rd_chart_distribution_count_color (palette, band, &color);
          rd_chart_text_draw (cr, layout, (x0 + x1 - w) / 2, top + (h - th) / 2,
                              &color, 1.0, NULL, 0);
        }
      g_object_unref (layout);
    }
}

static void
draw_label (cairo_t                  *cr,
            RdChartText              *text,
            const DistributionLayout *l,
            guint                     index,
            const RdDistributionRow  *row,
            const RdChartPalette     *palette)
{
  double middle = l->rows_top + (index + 0.5) * l->slot;
  PangoLayout *layout;
  double w, h;

  if (row->label == NULL || row->label[0] == '\0')
    return;

  layout = rd_chart_text_layout (text, row->label, 1.0, PANGO_WEIGHT_NORMAL);
  rd_chart_text_fit (layout, l->label_width, MAX_LABEL_LINES, PANGO_ALIGN_RIGHT);
  rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
  if (h > l->slot)
    {
      rd_chart_text_fit (layout, l->label_width, 1, PANGO_ALIGN_RIGHT);
      rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
    }
  /* Rows too thin for a line of text go unnamed rather than overlap. */
  if (h <= l->slot)
    rd_chart_text_draw (cr, layout, l->label_x + l->label_width - w, middle - h / 2,
                        &palette->foreground, 1.0, NULL, 0);
  g_object_unref (layout);
}

static void
draw_swatch (cairo_t              *cr,
             double                x,
             double                y,
             double                size,
             guint                 band,
             const RdChartPalette *palette)
{
  RdColor fill;

  rd_chart_distribution_band_color (palette, band, &fill);
  rd_chart_rounded_rectangle (cr, x, y, size, size, 0.15 * size);
  rd_chart_set_color (cr, &fill, 1.0);
  cairo_fill (cr);
}

/* Bands @first to @last - 1 on one line, each its swatch and its name,
 * centred between @x0 and @x1. */
static void
draw_legend_line (cairo_t                  *cr,
                  const DistributionLayout *l,
                  PangoLayout              *layouts[RD_CHART_N_BANDS],
                  const double              items[RD_CHART_N_BANDS],
                  guint                     first,
                  guint                     last,
                  double                    x0,
                  double                    x1,
                  double                    y,
                  double                    spacing,
                  const RdChartPalette     *palette)
{
  double swatch = 0.8 * l->line_height;
  double total = (last - first - 1) * spacing, x;

  for (guint band = first; band < last; band++)
    total += items[band];

  x = x0 + (x1 - x0 - total) / 2;
  for (guint band = first; band < last; band++)
    {
      draw_swatch (cr, x, y + (l->line_height - swatch) / 2, swatch, band, palette);
      rd_chart_text_draw (cr, layouts[band], x + swatch + 0.35 * l->size, y,
                          &palette->foreground, 1.0, NULL, 0);
      x += items[band] + spacing;
    }
}

/* Where to break the legend into two lines for them to come out most
 * even; 0 when two lines are not enough. */
static guint
legend_split (const double items[RD_CHART_N_BANDS],
              double       spacing,
              double       room)
{
  guint best = 0;
  double best_widest = G_MAXDOUBLE;

  for (guint split = 1; split < RD_CHART_N_BANDS; split++)
    {
      double first = (split - 1) * spacing, second = (RD_CHART_N_BANDS - split - 1) * spacing;

      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        *(band < split ? &first : &second) += items[band];
      if (MAX (first, second) <= room && MAX (first, second) < best_widest)
        {
          best_widest = MAX (first, second);
          best = split;
        }
    }
  return best;
}

/* No room to name every band: the scale's two ends either side of a strip
 * of all the swatches, "low ■■■■■ high", as a diverging scale's key reads
 * anyway. */
static void
draw_legend_ends (cairo_t                  *cr,
                  const DistributionLayout *l,
                  PangoLayout              *low,
                  PangoLayout              *high,
                  double                    x0,
                  double                    x1,
                  const RdChartPalette     *palette)
{
  double swatch = 0.8 * l->line_height;
  double swatch_gap = 0.35 * l->size;
  double strip = RD_CHART_N_BANDS * swatch + (RD_CHART_N_BANDS - 1) * 0.1 * swatch;
  double room = (x1 - x0 - strip - 2 * swatch_gap) / 2;
  double low_width, high_width, x;

  if (room < 2 * l->size)
    return;
  rd_chart_text_fit (low, room, 1, PANGO_ALIGN_LEFT);
  rd_chart_text_fit (high, room, 1, PANGO_ALIGN_LEFT);
  rd_chart_text_get_box (low, NULL, NULL, &low_width, NULL);
  rd_chart_text_get_box (high, NULL, NULL, &high_width, NULL);

  x = x0 + (x1 - x0 - (low_width + high_width + strip + 2 * swatch_gap)) / 2;
  rd_chart_text_draw (cr, low, x, l->legend_y, &palette->foreground, 1.0, NULL, 0);
  x += low_width + swatch_gap;
  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    draw_swatch (cr, x + band * 1.1 * swatch, l->legend_y + (l->line_height - swatch) / 2,
                 swatch, band, palette);
  rd_chart_text_draw (cr, high, x + strip + swatch_gap, l->legend_y, &palette->foreground, 1.0, NULL, 0);
}

static void
draw_legend (cairo_t                  *cr,
             RdChartText              *text,
             const DistributionLayout *l,
             double                    width,
             const char *const         band_labels[RD_CHART_N_BANDS],
             const RdChartPalette     *palette)
{
  PangoLayout *layouts[RD_CHART_N_BANDS];
  double items[RD_CHART_N_BANDS];
  double swatch = 0.8 * l->line_height;
  double spacing = 1.2 * l->size;
  double x0 = l->pad, x1 = width - l->pad;
  double total = (RD_CHART_N_BANDS - 1) * spacing;
  guint split;

  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    {
      double w;

      layouts[band] = rd_chart_text_layout (text, band_labels[band], LEGEND_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layouts[band], NULL, NULL, &w, NULL);
      items[band] = swatch + 0.35 * l->size + w;
      total += items[band];
    }

  /* On one line under the bars, else under the whole chart, else on two
   * lines, else only the ends named. */
  if (total <= l->bar_x1 - l->bar_x0)
    draw_legend_line (cr, l, layouts, items, 0, RD_CHART_N_BANDS, l->bar_x0, l->bar_x1,
                      l->legend_y, spacing, palette);
  else if (total <= x1 - x0)
    draw_legend_line (cr, l, layouts, items, 0, RD_CHART_N_BANDS, x0, x1, l->legend_y, spacing, palette);
  else if (l->legend_lines >= 2 && (split = legend_split (items, spacing, x1 - x0)) > 0)
    {
      draw_legend_line (cr, l, layouts, items, 0, split, x0, x1, l->legend_y, spacing, palette);
      draw_legend_line (cr, l, layouts, items, split, RD_CHART_N_BANDS, x0, x1,
                        l->legend_y + l->line_pitch, spacing, palette);
    }
  else
    draw_legend_ends (cr, l, layouts[0], layouts[RD_CHART_N_BANDS - 1], x0, x1, palette);

  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    g_object_unref (layouts[band]);
}

void
rd_chart_draw_distribution (cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const RdDistributionRow *rows,
                            guint                    n_rows,
                            const char *const        band_labels[RD_CHART_N_BANDS],
                            const RdChartPalette    *palette)
{
  RdChartText text;
  DistributionLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (rows == NULL || n_rows == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  if (!distribution_layout (&text, width, height, rows, n_rows, &l))
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
  for (guint i = 0; i < n_rows; i++)
    {
      draw_row (cr, &text, &l, i, &rows[i], palette);
      if (l.label_width > 0)
        draw_label (cr, &text, &l, i, &rows[i], palette);
    }
  if (l.legend_lines > 0 && band_labels != NULL)
    draw_legend (cr, &text, &l, width, band_labels, palette);
  cairo_restore (cr);

  rd_chart_text_clear (&text);
}
