#define G_LOG_DOMAIN "rd-chart-heatmap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-draw.h"
#include "rd-chart-heatmap.h"
#include "rd-chart-text.h"

/* Scores need 4.5:1 on their cell (WCAG 1.4.3): the palette's own text
 * colours are used where they have a margin over that, else black or
 * white, which reach further. */
#define PALETTE_TEXT_CONTRAST 5.0
#define MAX_HEADER_LINES 3
#define HEADER_SCALE 0.9
#define KEY_SCALE 0.85
/* Wider columns only spread the numbers apart, away from their names. */
#define MAX_COLUMN_WIDTH 10.0
/* Longer names are rare and shortened. */
#define MAX_LABEL_WIDTH 20.0
/* Below this, in user-space units, names and scores are not written. */
#define MIN_TEXT_SIZE RD_CHART_MIN_FONT_SIZE

typedef enum {
  STYLE_LIGHT,
  STYLE_DARK,
  STYLE_HIGH_CONTRAST,
} Style;

/* Where things go. Only the headers are measured, so the geometry
 * functions find the same places as the drawing without reading a row. */
typedef struct
{
  double size;
  double pad;
  double label_x;
  double label_width;    /* 0: no room for the schools' names */
  double grid_x0;
  double column_width;
  guint n_columns;
  double header_y;
  double header_height;
  gboolean rotated;      /* headers written upwards, in narrow columns */
  int header_lines;
  double rows_top;       /* the rows' viewport */
  double rows_bottom;
  double row_height;
  double gutter;         /* between neighbouring cells */
  double text_scale;     /* of names and scores; 0: rows too thin for text */
  guint first_row;
  double offset;
  double key_y;
  double key_line;       /* height of a line of the key's text */
  double key_pitch;      /* from one line of the key to the next */
  int key_lines;
  gboolean key;
} HeatmapLayout;

static Style
palette_style (const RdChartPalette *palette)
{
  static const RdColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  /* The palette does not record its style: high contrast is the only one
   * with black on white, 21:1; the others are near 15:1. */
  if (rd_color_contrast_ratio (&palette->foreground, &palette->background) > 20)
    return STYLE_HIGH_CONTRAST;
  if (rd_color_contrast_ratio (&palette->background, &black) >
      rd_color_contrast_ratio (&palette->background, &white))
    return STYLE_LIGHT;
  return STYLE_DARK;
}

int
rd_chart_heatmap_class (double score)
{
  score = rd_chart_clamp_value (score);
  if (isnan (score))
    return -1;
  return MIN ((int) floor (score / (100.0 / RD_HEATMAP_N_CLASSES)), RD_HEATMAP_N_CLASSES - 1);
}

static void
class_color (Style           style,
             RdHeatmapScale  scale,
             int             klass,
             RdColor        *color)
{
  /* ColorBrewer's Blues, one hue so that the order never depends on
   * telling hues apart. On a light background more is darker; on a dark
   * one more is lighter, so high scores never sink into the background. */
  static const guint32 blues_light[RD_HEATMAP_N_CLASSES] = {
    0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
  };
  static const guint32 blues_dark[RD_HEATMAP_N_CLASSES] = {
    0x08306b, 0x08519c, 0x2171b5, 0x4292c6, 0x6baed6, 0x9ecae1, 0xc6dbef, 0xdeebf7,
  };
  /* ColorBrewer's RdYlBu, its ends a shade darker for white text with a
   * margin over 4.5:1; the light middle meets at 50. */
  static const guint32 rdylbu[RD_HEATMAP_N_CLASSES] = {
    0xcf2e25, 0xf46d43, 0xfdae61, 0xfee090, 0xe0f3f8, 0xabd9e9, 0x74add1, 0x3f6fad,
  };
  /* Its outer classes for high contrast. */
  static const guint32 rdylbu_strong[RD_HEATMAP_N_CLASSES] = {
    0xa50026, 0xf46d43, 0xfdae61, 0xfee090, 0xe0f3f8, 0xabd9e9, 0x74add1, 0x313695,
  };
  const guint32 *ramp;

  if (scale == RD_HEATMAP_DIVERGING)
    ramp = style == STYLE_HIGH_CONTRAST ? rdylbu_strong : rdylbu;
  else
    ramp = style == STYLE_DARK ? blues_dark : blues_light;

  *color = rd_color_from_hex (ramp[CLAMP (klass, 0, RD_HEATMAP_N_CLASSES - 1)]);
}

void
rd_chart_heatmap_color (const RdChartPalette *palette,
                        RdHeatmapScale        scale,
                        double                score,
                        RdColor              *color)
{
  int klass = rd_chart_heatmap_class (score);

  g_return_if_fail (palette != NULL && color != NULL);

  if (klass < 0)
    *color = palette->background;
  else
    class_color (palette_style (palette), scale, klass, color);
}

static void
text_color_on (const RdChartPalette *palette,
               const RdColor        *fill,
               RdColor              *color)
{
  static const RdColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  const RdColor *best;

  /* The chart's own colours where they read well, so the scores look like
   * the rest of its text; black or white where they do not. */
  best = rd_color_contrast_ratio (&palette->foreground, fill) >=
         rd_color_contrast_ratio (&palette->background, fill) ? &palette->foreground : &palette->background;
  if (rd_color_contrast_ratio (best, fill) < PALETTE_TEXT_CONTRAST)
    best = rd_color_contrast_ratio (&black, fill) >= rd_color_contrast_ratio (&white, fill) ? &black : &white;
  *color = *best;
}

void
rd_chart_heatmap_text_color (const RdChartPalette *palette,
                             RdHeatmapScale        scale,
                             double                score,
                             RdColor              *color)
{
  RdColor fill;

  g_return_if_fail (palette != NULL && color != NULL);

  rd_chart_heatmap_color (palette, scale, score, &fill);
  text_color_on (palette, &fill, color);
}

/* @headers, when not NULL, receives the headers' layouts as measured,
 * for drawing them. */

static int plan_key (RdChartText         *text,
                     const HeatmapLayout *l,
                     double               width,
                     const RdHeatmapData *data,
                     PangoLayout        **layouts,
                     double              *xs,
                     int                 *lines);

/* Whether a header would be cut across a column of @width: a word wider
 * than the column, or more than MAX_HEADER_LINES lines. */
static gboolean
headers_cut (RdChartText         *text,
             const RdHeatmapData *data,
             double               width)
{
  for (guint c = 0; c < data->n_columns && data->columns != NULL; c++)
    {
      PangoLayout *layout;
      gboolean cut;
      double w;

      if (data->columns[c] == NULL || data->columns[c][0] == '\0')
        continue;
      layout = rd_chart_text_layout (text, data->columns[c], HEADER_SCALE, PANGO_WEIGHT_BOLD);
      rd_chart_text_fit (layout, width, MAX_HEADER_LINES, PANGO_ALIGN_CENTER);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      cut = pango_layout_is_ellipsized (layout) || w > width + 0.5;
      g_object_unref (layout);
      if (cut)
        return TRUE;
    }
  return FALSE;
}

/* How long headers written upwards in @lines lines must be for none to be
 * cut: their widest word, or a whole header that does not fit in that. */
static double
upward_header_length (RdChartText         *text,
                      const RdHeatmapData *data,
                      int                  lines)
{
  double length = 0;

  for (guint c = 0; c < data->n_columns && data->columns != NULL; c++)
    {
      g_auto(GStrv) words = data->columns[c] != NULL ? g_strsplit (data->columns[c], " ", -1) : NULL;

      for (guint i = 0; words != NULL && words[i] != NULL; i++)
        {
          double w;

          rd_chart_text_measure (text, words[i], HEADER_SCALE, PANGO_WEIGHT_BOLD, &w, NULL);
          length = MAX (length, ceil (w));
        }
    }
  for (guint c = 0; c < data->n_columns && data->columns != NULL; c++)
    {
      PangoLayout *layout;
      double w;

      if (data->columns[c] == NULL || data->columns[c][0] == '\0')
        continue;
      layout = rd_chart_text_layout (text, data->columns[c], HEADER_SCALE, PANGO_WEIGHT_BOLD);
      rd_chart_text_fit (layout, length, lines, PANGO_ALIGN_LEFT);
      if (pango_layout_is_ellipsized (layout))
        {
          rd_chart_text_measure (text, data->columns[c], HEADER_SCALE, PANGO_WEIGHT_BOLD, &w, NULL);
          length = MAX (length, ceil (w));
        }
      g_object_unref (layout);
    }
  return length;
}

static gboolean
heatmap_layout (RdChartText         *text,
                double               width,
                double               height,
                const RdHeatmapData *data,
                HeatmapLayout       *l,
                PangoLayout        **headers)
{
  double s = text->size;
  double gap = 0.6 * s;
  double available, grid_width, line, length, rows_space, cell_text;

  memset (l, 0, sizeof *l);
  if (data == NULL || data->n_columns == 0)
    return FALSE;

  l->size = s;
  l->pad = 0.5 * s;
  l->n_columns = data->n_columns;
  available = width - 2 * l->pad;

  /* The key: a line of swatches and marks, and the scale's numbers under
   * it; on a narrow chart a third line for the marks that do not fit; on
   * a chart with room for some rows besides. */
  rd_chart_text_measure (text, "Ag", KEY_SCALE, PANGO_WEIGHT_NORMAL, NULL, &l->key_line);
  l->key_pitch = l->key_line + 0.15 * s;
  l->key_lines = MAX (2, plan_key (text, l, width, data, NULL, NULL, NULL));
  l->key = available >= 12 * s && height >= 10 * s;
  l->rows_bottom = height - l->pad;
  if (l->key)
    {
      l->key_y = height - l->pad - l->key_line - (l->key_lines - 1) * l->key_pitch;
      l->rows_bottom = l->key_y - 0.7 * s;
    }
  /* The rows' viewport and the cells on whole units: on screen, edges
   * fall on pixels, crisp, and cairo clips and fills them as plain boxes
   * instead of through masks, which made up most of the time. */
  l->rows_bottom = floor (l->rows_bottom);

  /* The cells keep at least half the width; the names give way and are
   * shortened, and go when not even a short one would fit. */
  l->label_width = CLAMP (width * 0.2, 8 * s, 16 * s);
  if (available - l->label_width - gap < available * 0.5)
    l->label_width = available * 0.5 - gap;
  if (l->label_width < 4 * s)
    {
      l->label_width = 0;
      gap = 0;
    }
  l->label_x = l->pad;
  l->grid_x0 = l->pad + l->label_width + gap;
  grid_width = available - l->label_width - gap;
  l->column_width = MIN (grid_width / l->n_columns, MAX_COLUMN_WIDTH * s);
  if (l->column_width >= 4)
    l->column_width = floor (l->column_width);
  /* Width the columns leave over goes to long names first. */
  if (l->label_width > 0)
    {
      double spare = grid_width - l->n_columns * l->column_width;
      double grow = MIN (spare, MAX (MAX_LABEL_WIDTH * s - l->label_width, 0));

      l->label_width += grow;
      l->grid_x0 += grow;
    }
  l->grid_x0 = ceil (l->grid_x0);

  /* Headers over their columns in up to three lines; written upwards
   * where a column is too narrow for a word or two, in two lines where
   * it is wide enough for them, no longer than a third of the height. */
  l->header_y = l->pad;
  l->rotated = l->column_width < 4.5 * s;
  rd_chart_text_measure (text, "Ag", HEADER_SCALE, PANGO_WEIGHT_BOLD, NULL, &line);
  length = MIN (12 * s, 0.36 * height);
  /* A word too long for its column is written upwards rather than cut. */
  if (!l->rotated && headers_cut (text, data, l->column_width - 0.3 * s))
    l->rotated = TRUE;
  l->header_lines = l->rotated ? (l->column_width >= 2.2 * line ? 2 : 1) : MAX_HEADER_LINES;
  /* Longer for a header that would otherwise be cut, up to 0.6 of a low view. */
  if (l->rotated)
    length = MAX (length, MIN (upward_header_length (text, data, l->header_lines), 0.6 * height));
  for (guint c = 0; c < l->n_columns && data->columns != NULL; c++)
    {
      PangoLayout *layout;
      double w, h;

      if (data->columns[c] == NULL || data->columns[c][0] == '\0')
        continue;
      layout = rd_chart_text_layout (text, data->columns[c], HEADER_SCALE, PANGO_WEIGHT_BOLD);
      if (!l->rotated)
        {
          rd_chart_text_fit (layout, l->column_width - 0.3 * s, MAX_HEADER_LINES, PANGO_ALIGN_CENTER);
          rd_chart_text_get_box (layout, NULL, NULL, NULL, &h);
          l->header_height = MAX (l->header_height, h);
        }
      else
        {
          rd_chart_text_fit (layout, length, l->header_lines, PANGO_ALIGN_LEFT);
          rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
          l->header_height = MAX (l->header_height, MIN (w, length));
        }
      if (headers != NULL)
        headers[c] = layout;
      else
        g_object_unref (layout);
    }
  if (l->rotated && l->column_width < line)
    l->header_height = 0;
  l->rows_top = ceil (l->header_y + l->header_height + (l->header_height > 0 ? 0.35 * s : 0));

  /* Rows of the height the view asks for, or all rows sharing the room
   * (no taller than a comfortable line). */
  rows_space = l->rows_bottom - l->rows_top;
  if (data->row_height > 0 && isfinite (data->row_height))
    {
      l->row_height = data->row_height;
      l->first_row = data->first_row;
      l->offset = isfinite (data->offset) ? CLAMP (data->offset, 0, data->row_height) : 0;
    }
  else if (data->n_rows > 0)
    l->row_height = MIN (rows_space / data->n_rows, 2.2 * s);
  else
    l->row_height = 2.2 * s;

  l->gutter = l->row_height >= 12 ? 2 : l->row_height >= 4 ? 1 : 0;
  cell_text = MIN (s, 0.56 * l->row_height);
  l->text_scale = cell_text >= MIN_TEXT_SIZE ? cell_text / s : 0;

  return rows_space >= 1 && l->column_width >= 1 && l->row_height > 0;
}

static double
row_top (const HeatmapLayout *l,
         guint                row)
{
  return l->rows_top + ((double) row - l->first_row) * l->row_height - l->offset;
}

static double
grid_x1 (const HeatmapLayout *l)
{
  return l->grid_x0 + l->n_columns * l->column_width;
}

static guint
visible_rows (const HeatmapLayout *l,
              guint                n_rows,
              guint               *first)
{
  double span = l->rows_bottom - l->rows_top + l->offset;
  double fits = ceil (span / l->row_height - 1e-9);
  guint count;

  *first = l->first_row;
  if (l->first_row >= n_rows || span <= 0)
    return 0;
  count = fits >= n_rows ? n_rows : (guint) fits;
  return MIN (count, n_rows - l->first_row);
}

static void
cell_rect (const HeatmapLayout *l,
           guint                row,
           guint                column,
           cairo_rectangle_t   *rect)
{
  rect->x = l->grid_x0 + column * l->column_width + l->gutter / 2;
  rect->y = row_top (l, row) + l->gutter / 2;
  rect->width = l->column_width - l->gutter;
  rect->height = l->row_height - l->gutter;
}

/* The layout for the geometry functions, which have no cairo_t. */
static gboolean
measure_layout (double               width,
                double               height,
                const RdHeatmapData *data,
                HeatmapLayout       *l)
{
  RdChartText text;
  gboolean ok;

  if (data == NULL || !rd_chart_size_is_drawable (width, height))
    return FALSE;
  rd_chart_text_init (&text, width, height);
  ok = heatmap_layout (&text, width, height, data, l, NULL);
  rd_chart_text_clear (&text);
  return ok;
}

guint
rd_chart_heatmap_visible_rows (double               width,
                               double               height,
                               const RdHeatmapData *data,
                               guint               *first,
                               double              *viewport_height)
{
  HeatmapLayout l;
  guint dummy, count;

  if (first == NULL)
    first = &dummy;
  *first = 0;
  if (viewport_height != NULL)
    *viewport_height = 0;
  if (!measure_layout (width, height, data, &l))
    return 0;

  count = visible_rows (&l, data->n_rows, first);
  if (viewport_height != NULL)
    *viewport_height = l.rows_bottom - l.rows_top;
  return count;
}

gboolean
rd_chart_heatmap_cell_rect (double               width,
                            double               height,
                            const RdHeatmapData *data,
                            guint                row,
                            guint                column,
                            cairo_rectangle_t   *rect)
{
  HeatmapLayout l;

  g_return_val_if_fail (rect != NULL, FALSE);

  rect->x = rect->y = rect->width = rect->height = NAN;
  if (!measure_layout (width, height, data, &l) || row >= data->n_rows || column >= data->n_columns)
    return FALSE;

  cell_rect (&l, row, column, rect);
  return rect->y + rect->height > l.rows_top && rect->y < l.rows_bottom;
}

gboolean
rd_chart_heatmap_hit (double               width,
                      double               height,
                      const RdHeatmapData *data,
                      double               x,
                      double               y,
                      int                 *row,
                      int                 *column)
{
  HeatmapLayout l;
  double slot;
  int r = -1, c = -1;

  g_return_val_if_fail (row != NULL && column != NULL, FALSE);

  *row = *column = -1;
  if (!isfinite (x) || !isfinite (y) || !measure_layout (width, height, data, &l))
    return FALSE;

  if (x >= l.grid_x0 && x < grid_x1 (&l))
    c = MIN ((int) floor ((x - l.grid_x0) / l.column_width), (int) l.n_columns - 1);
  else if (!(l.label_width > 0 && x >= l.label_x && x < l.label_x + l.label_width))
    return FALSE;

  if (y >= l.rows_top && y < l.rows_bottom)
    {
      slot = floor ((y - l.rows_top + l.offset) / l.row_height) + l.first_row;
      if (slot >= data->n_rows)
        return FALSE;
      r = (int) slot;
    }
  else if (!(y >= l.header_y && y < l.rows_top && c >= 0))
    return FALSE;

  *row = r;
  *column = c;
  return TRUE;
}

/* A corner cut off the top left of the cell: "below target", a shape
 * that reads without its colour. */
static void
below_target_path (cairo_t                 *cr,
                   const cairo_rectangle_t *cell)
{
  double m = MIN (0.45 * cell->height, 0.3 * cell->width);

  cairo_move_to (cr, cell->x, cell->y);
  cairo_line_to (cr, cell->x + m, cell->y);
  cairo_line_to (cr, cell->x, cell->y + m);
  cairo_close_path (cr);
}

static void
arrow_path (cairo_t *cr,
            double   x,
            double   y,
            double   half,
            gboolean up)
{
  double sign = up ? 1 : -1;

  /* An isosceles triangle, as ▲ and ▼, centred on (x, y). */
  cairo_move_to (cr, x, y - sign * half);
  cairo_line_to (cr, x + half, y + sign * half * 0.8);
  cairo_line_to (cr, x - half, y + sign * half * 0.8);
  cairo_close_path (cr);
}

static guint8
cell_marks (const RdHeatmapRow *row,
            guint               column)
{
  return row->marks != NULL ? row->marks[column] : RD_HEATMAP_MARK_NONE;
}

static double
cell_score (const RdHeatmapRow *row,
            guint               column)
{
  return row->scores != NULL ? row->scores[column] : NAN;
}

/* Scores are written from the glyphs of the digits, shaped once per
 * drawing and shown with cairo_show_glyphs(): a layout per cell cost
 * several times more. A font whose digits do not map one to one onto
 * glyphs gets a layout per cell instead. */
typedef struct
{
  cairo_scaled_font_t *font;     /* NULL: no glyphs, use layouts */
  unsigned long glyphs[10];
  double advances[10];
  double baseline;               /* from the top of a line */
  double height;                 /* of a line */
  PangoLayout *missing;          /* "–" */
  RdColor fill[RD_HEATMAP_N_CLASSES];
  RdColor ink[RD_HEATMAP_N_CLASSES];
} CellCache;

static void
cell_cache_init (CellCache   *cache,
                 RdChartText *text,
                 double       scale)
{
  PangoLayout *layout = rd_chart_text_layout (text, "0123456789", scale, PANGO_WEIGHT_NORMAL);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  const PangoGlyphItem *run = line != NULL && line->runs != NULL && line->runs->next == NULL ? line->runs->data : NULL;
  PangoFont *font = run != NULL ? run->item->analysis.font : NULL;

  rd_chart_text_get_box (layout, NULL, NULL, NULL, &cache->height);
  cache->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  cache->missing = rd_chart_text_layout (text, "–", scale, PANGO_WEIGHT_NORMAL);

  if (run != NULL && run->glyphs->num_glyphs == 10 && PANGO_IS_CAIRO_FONT (font))
    {
      for (int i = 0; i < 10; i++)
        {
          const PangoGlyphInfo *glyph = &run->glyphs->glyphs[i];

          if (run->glyphs->log_clusters[i] != i || (glyph->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
            {
              g_object_unref (layout);
              return;
            }
          cache->glyphs[i] = glyph->glyph;
          cache->advances[i] = (double) glyph->geometry.width / PANGO_SCALE;
        }
      cache->font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
      if (cache->font != NULL && cairo_scaled_font_status (cache->font) != CAIRO_STATUS_SUCCESS)
        g_clear_pointer (&cache->font, cairo_scaled_font_destroy);
    }
  g_object_unref (layout);
}

static void
cell_cache_clear (CellCache *cache)
{
  g_clear_pointer (&cache->font, cairo_scaled_font_destroy);
  g_clear_object (&cache->missing);
}

/* The fills, one path per class: eight fills however many cells. */
static void
draw_fills (cairo_t              *cr,
            const HeatmapLayout  *l,
            const RdHeatmapData  *data,
            guint                 first,
            guint                 count,
            const CellCache      *cache,
            Style                 style,
            const RdChartPalette *palette)
{
  for (int klass = 0; klass < RD_HEATMAP_N_CLASSES; klass++)
    {
      gboolean any = FALSE;

      for (guint r = first; r < first + count; r++)
        for (guint c = 0; c < l->n_columns; c++)
          {
            cairo_rectangle_t cell;

            if (rd_chart_heatmap_class (cell_score (&data->rows[r], c)) != klass)
              continue;
            cell_rect (l, r, c, &cell);
            cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
            any = TRUE;
          }
      if (!any)
        continue;
      rd_chart_set_color (cr, &cache->fill[klass], 1.0);
      cairo_fill (cr);
    }

  /* Light classes would melt into high contrast's white: every cell
   * framed, the line inside the cell and on whole pixels. */
  if (style == STYLE_HIGH_CONTRAST && l->gutter > 0)
    {
      for (guint r = first; r < first + count; r++)
        for (guint c = 0; c < l->n_columns; c++)
          {
            cairo_rectangle_t cell;

            if (rd_chart_heatmap_class (cell_score (&data->rows[r], c)) < 0)
              continue;
            cell_rect (l, r, c, &cell);
            cairo_rectangle (cr, cell.x + 0.5, cell.y + 0.5, cell.width - 1, cell.height - 1);
          }
      cairo_set_line_width (cr, 1.0);
      rd_chart_set_color (cr, &palette->grid, 1.0);
      cairo_stroke (cr);
    }
}

/* Adds diagonal bands ("/") of @line_width, @spacing apart, across the
 * rectangle to the path, cut at its edges: filled, they cost a fraction
 * of stroking lines through a clip, which took a fifth of the drawing.
 * On the same grid as rd_chart_hatch(), so that neighbours' lines meet. */
static void
hatch_path (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            double   spacing,
            double   line_width)
{
  double step = spacing * G_SQRT2;
  double half = line_width * G_SQRT2 / 2;  /* across a band, measured along x + y */
  double x1 = x + width, y1 = y + height;

  for (double c = ceil ((x + y - half) / step) * step; c - half < x1 + y1; c += step)
    {
      double lo = c - half, hi = c + half;

      /* The band lo ≤ x + y ≤ hi inside the rectangle, corner by corner. */
      cairo_move_to (cr, CLAMP (lo - y, x, x1), CLAMP (lo - CLAMP (lo - y, x, x1), y, y1));
      cairo_line_to (cr, CLAMP (hi - y, x, x1), CLAMP (hi - CLAMP (hi - y, x, x1), y, y1));
      cairo_line_to (cr, CLAMP (hi - y1, x, x1), CLAMP (hi - CLAMP (hi - y1, x, x1), y, y1));
      cairo_line_to (cr, CLAMP (lo - y1, x, x1), CLAMP (lo - CLAMP (lo - y1, x, x1), y, y1));
      cairo_close_path (cr);
    }
}

/* Cells without a score: not filled, hatched and outlined in the grid's
 * colour, so that they read as "no value" rather than as a low one. */
static void
draw_missing (cairo_t              *cr,
              const HeatmapLayout  *l,
              const RdHeatmapData  *data,
              guint                 first,
              guint                 count,
              const RdChartPalette *palette)
{
  double line_width = l->gutter > 0 ? 1.0 : 0.5;

  rd_chart_set_color (cr, &palette->grid, 1.0);
  for (guint r = first; r < first + count; r++)
    for (guint c = 0; c < l->n_columns; c++)
      {
        cairo_rectangle_t cell;

        if (!isnan (rd_chart_clamp_value (cell_score (&data->rows[r], c))))
          continue;
        cell_rect (l, r, c, &cell);
        /* The outline as four thin boxes, then the bands, in one fill per
         * cell, which measured a little faster than one for all. */
        cairo_rectangle (cr, cell.x, cell.y, cell.width, line_width);
        cairo_rectangle (cr, cell.x, cell.y + cell.height - line_width, cell.width, line_width);
        cairo_rectangle (cr, cell.x, cell.y + line_width, line_width, cell.height - 2 * line_width);
        cairo_rectangle (cr, cell.x + cell.width - line_width, cell.y + line_width,
                         line_width, cell.height - 2 * line_width);
        hatch_path (cr, cell.x, cell.y, cell.width, cell.height, MAX (0.5 * l->size, 5.0), line_width);
        cairo_fill (cr);
      }
}

static gboolean
has_arrow (const cairo_rectangle_t *cell,
           guint8                   marks,
           double                   text_size,
           double                   half,
           double                   arrow_room)
{
  return (marks & (RD_HEATMAP_MARK_HIGHER | RD_HEATMAP_MARK_LOWER)) != 0 && text_size > 0 &&
         cell->width >= arrow_room + 0.2 * text_size && cell->height >= 2 * half;
}

/* Where the score of a cell goes, in the middle of the cell or else of
 * what the arrow leaves; FALSE when it does not fit. */
static gboolean
score_place (const cairo_rectangle_t *cell,
             double                   w,
             double                   h,
             double                   text_size,
             gboolean                 arrow,
             double                   arrow_room,
             double                  *x,
             double                  *y)
{
  if (h > cell->height + 0.2 * text_size)
    return FALSE;
  *x = cell->x + (cell->width - w) / 2;
  if (arrow && *x + w > cell->x + cell->width - arrow_room)
    *x = cell->x + (cell->width - arrow_room - w) / 2;
  *y = cell->y + (cell->height - h) / 2;
  return *x >= cell->x + 0.1 * text_size;
}

static void
draw_cell_texts (cairo_t              *cr,
                 RdChartText          *text,
                 const HeatmapLayout  *l,
                 const RdHeatmapData  *data,
                 guint                 first,
                 guint                 count,
                 CellCache            *cache,
                 const RdChartPalette *palette)
{
  double text_size = l->size * l->text_scale;
  double half = 0.36 * text_size;
  double arrow_room = 2 * half + 0.4 * text_size;
  cairo_glyph_t glyphs[3];
  gboolean font_set = FALSE;


  /* Marks and scores class by class, in the class's text colour: one
   * fill for the marks of a class, the scores a cell at a time. */
  for (int klass = 0; klass < RD_HEATMAP_N_CLASSES; klass++)
    {
      gboolean any = FALSE;

      rd_chart_set_color (cr, &cache->ink[klass], 1.0);
      for (guint r = first; r < first + count; r++)
        for (guint c = 0; c < l->n_columns; c++)
          {
            guint8 marks = cell_marks (&data->rows[r], c);
            cairo_rectangle_t cell;

            if (marks == 0 || rd_chart_heatmap_class (cell_score (&data->rows[r], c)) != klass)
              continue;
            cell_rect (l, r, c, &cell);
            if ((marks & RD_HEATMAP_MARK_BELOW_TARGET) != 0)
              {
                below_target_path (cr, &cell);
                any = TRUE;
              }
            if (has_arrow (&cell, marks, text_size, half, arrow_room))
              {
                arrow_path (cr, cell.x + cell.width - arrow_room / 2, cell.y + cell.height / 2, half,
                            (marks & RD_HEATMAP_MARK_HIGHER) != 0);
                any = TRUE;
              }
          }
      if (any)
        cairo_fill (cr);

      if (l->text_scale <= 0)
        continue;
      for (guint r = first; r < first + count; r++)
        for (guint c = 0; c < l->n_columns; c++)
          {
            double score = rd_chart_clamp_value (cell_score (&data->rows[r], c));
            cairo_rectangle_t cell;
            gboolean arrow;
            char digits[4];
            double w = 0, x, y;
            int n;

            if (rd_chart_heatmap_class (score) != klass)
              continue;
            cell_rect (l, r, c, &cell);
            arrow = has_arrow (&cell, cell_marks (&data->rows[r], c), text_size, half, arrow_room);
            /* As every other number of the app: printf's rounding, not round(). */
            n = g_snprintf (digits, sizeof digits, "%.0f", score);

            if (cache->font == NULL)
              {
                /* No glyphs to be had: a layout for the cell. */
                PangoLayout *layout = rd_chart_text_layout (text, digits, l->text_scale, PANGO_WEIGHT_NORMAL);
                double h;

                rd_chart_text_get_box (layout, NULL, NULL, &w, &h);
                if (score_place (&cell, w, h, text_size, arrow, arrow_room, &x, &y))
                  rd_chart_text_draw (cr, layout, x, y, &cache->ink[klass], 1.0, NULL, 0);
                g_object_unref (layout);
                continue;
              }

            for (int i = 0; i < n; i++)
              w += cache->advances[digits[i] - '0'];
            if (!score_place (&cell, w, cache->height, text_size, arrow, arrow_room, &x, &y))
              continue;
            for (int i = 0; i < n; i++)
              {
                glyphs[i].index = cache->glyphs[digits[i] - '0'];
                glyphs[i].x = x;
                glyphs[i].y = y + cache->baseline;
                x += cache->advances[digits[i] - '0'];
              }
            /* A cell at a time: cairo masks the glyphs of one call over
             * their whole extent, which for the table would be most of it. */
            if (!font_set)
              cairo_set_scaled_font (cr, cache->font);
            font_set = TRUE;
            cairo_show_glyphs (cr, glyphs, n);
          }
    }

  /* "–" for the cells without a score, on a clearing in the hatching as
   * tall as a line, so that the hatching cannot hide it. */
  if (l->text_scale > 0)
    for (guint r = first; r < first + count; r++)
      for (guint c = 0; c < l->n_columns; c++)
        {
          cairo_rectangle_t cell;
          double w, h, x, y, room;

          if (!isnan (rd_chart_clamp_value (cell_score (&data->rows[r], c))))
            continue;
          cell_rect (l, r, c, &cell);
          rd_chart_text_get_box (cache->missing, NULL, NULL, &w, &h);
          if (!score_place (&cell, w, h, text_size, FALSE, 0, &x, &y))
            continue;
          room = MIN (w + 0.8 * text_size, cell.width - 2);
          rd_chart_rounded_rectangle (cr, cell.x + (cell.width - room) / 2, MAX (y, cell.y + 1),
                                      room, MIN (h, cell.height - 2), 0.2 * text_size);
          rd_chart_set_color (cr, &palette->background, 1.0);
          cairo_fill (cr);
          rd_chart_text_draw (cr, cache->missing, x, y, &palette->foreground, 1.0, NULL, 0);
        }
}

static void
draw_labels (cairo_t              *cr,
             RdChartText          *text,
             const HeatmapLayout  *l,
             const RdHeatmapData  *data,
             guint                 first,
             guint                 count,
             const RdChartPalette *palette)
{
  PangoLayout *layout;

  if (l->label_width <= 0 || l->text_scale <= 0)
    return;

  /* One layout for all names: only its text changes from row to row.
   * Right-aligned, each name stays next to its row's cells. */
  layout = rd_chart_text_layout (text, NULL, l->text_scale, PANGO_WEIGHT_NORMAL);
  rd_chart_text_fit (layout, l->label_width, 1, PANGO_ALIGN_RIGHT);
  /* Names often share their start ("Atheneum De …"): keep both ends. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  for (guint r = first; r < first + count; r++)
    {
      const RdHeatmapRow *row = &data->rows[r];
      PangoLayout *bold = NULL;
      double w, h;

      if (row->label == NULL || row->label[0] == '\0')
        continue;

      if ((int) r == data->highlighted_row)
        {
          /* The selected school also in bold: more than its tint. */
          bold = rd_chart_text_layout (text, row->label, l->text_scale, PANGO_WEIGHT_BOLD);
          rd_chart_text_fit (bold, l->label_width, 1, PANGO_ALIGN_RIGHT);
          pango_layout_set_ellipsize (bold, PANGO_ELLIPSIZE_MIDDLE);
        }
      else
        {
          g_autofree char *isolated = rd_chart_text_isolate (row->label);

          pango_layout_set_text (layout, isolated, -1);
        }

      rd_chart_text_get_box (bold != NULL ? bold : layout, NULL, NULL, &w, &h);
      rd_chart_text_draw (cr, bold != NULL ? bold : layout, l->label_x + l->label_width - w,
                          row_top (l, r) + (l->row_height - h) / 2,
                          &palette->foreground, 1.0, NULL, 0);
      g_clear_object (&bold);
    }
  g_object_unref (layout);
}

static void
draw_highlight (cairo_t              *cr,
                const HeatmapLayout  *l,
                guint                 row,
                gboolean              behind,
                const RdChartPalette *palette)
{
  double top = row_top (l, row);
  double line_width = MAX (0.12 * l->size, 2.0);

  if (behind)
    {
      /* A tint under the name and through the gutters, the row's extent. */
      rd_chart_rounded_rectangle (cr, l->label_x - 0.25 * l->size, top,
                                  grid_x1 (l) - l->label_x + 0.25 * l->size, l->row_height,
                                  0.2 * l->size);
      rd_chart_set_color (cr, &palette->series[0], 0.18);
      cairo_fill (cr);
      return;
    }

  /* A frame around the row's cells: the selection without its colour. */
  cairo_rectangle (cr, l->grid_x0 + l->gutter / 2 - line_width / 2, top + l->gutter / 2 - line_width / 2,
                   grid_x1 (l) - l->grid_x0 - l->gutter + line_width, l->row_height - l->gutter + line_width);
  cairo_set_line_width (cr, line_width);
  rd_chart_set_color (cr, &palette->foreground, 1.0);
  cairo_stroke (cr);
}

static void
clear_headers (PangoLayout **headers,
               guint         n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    g_clear_object (&headers[c]);
  g_free (headers);
}

/* The headers as heatmap_layout() fitted them: over their columns,
 * sitting on the first row, or written upwards from it. */
static void
draw_headers (cairo_t              *cr,
              const HeatmapLayout  *l,
              PangoLayout         **headers,
              const RdChartPalette *palette)
{
  double bottom = l->rows_top - 0.35 * l->size;

  if (l->header_height <= 0)
    return;

  for (guint c = 0; c < l->n_columns; c++)
    {
      double x = l->grid_x0 + c * l->column_width;
      double w, h;

      if (headers[c] == NULL)
        continue;
      rd_chart_text_get_box (headers[c], NULL, NULL, &w, &h);
      if (!l->rotated)
        rd_chart_text_draw (cr, headers[c], x + (l->column_width - w) / 2, bottom - h,
                            &palette->foreground, 1.0, NULL, 0);
      else
        {
          /* Read with the head tilted left. */
          cairo_save (cr);
          cairo_translate (cr, x + (l->column_width - h) / 2, bottom);
          cairo_rotate (cr, -G_PI / 2);
          rd_chart_text_draw (cr, headers[c], 0, 0, &palette->foreground, 1.0, NULL, 0);
          cairo_restore (cr);
        }
    }
}

typedef enum {
  KEY_MISSING,
  KEY_BELOW_TARGET,
  KEY_HIGHER,
  KEY_LOWER,
  N_KEY_ITEMS,
} KeyItem;

static void
draw_key_glyph (cairo_t              *cr,
                const HeatmapLayout  *l,
                KeyItem               item,
                double                x,
                double                y,
                double                box,
                const CellCache      *cache,
                const RdChartPalette *palette)
{
  cairo_rectangle_t cell = { x, y, box, box };
  double line_width = MAX (0.06 * l->size, 1.0);
  /* Marks shown on a middling cell, as they would be in the table. */
  int klass = RD_HEATMAP_N_CLASSES / 2 - 1;

  switch (item)
    {
    case KEY_MISSING:
      rd_chart_set_color (cr, &palette->grid, 1.0);
      rd_chart_hatch (cr, x, y, box, box, MAX (0.5 * l->size, 5.0), line_width);
      cairo_rectangle (cr, x + line_width / 2, y + line_width / 2, box - line_width, box - line_width);
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
      break;

    case KEY_BELOW_TARGET:
      cairo_rectangle (cr, x, y, box, box);
      rd_chart_set_color (cr, &cache->fill[klass], 1.0);
      cairo_fill (cr);
      cell.width = box * 1.5;  /* the corner of a cell wider than high */
      below_target_path (cr, &cell);
      rd_chart_set_color (cr, &cache->ink[klass], 1.0);
      cairo_fill (cr);
      break;

    case KEY_HIGHER:
    case KEY_LOWER:
      arrow_path (cr, x + box / 2, y + box / 2, 0.38 * box, item == KEY_HIGHER);
      rd_chart_set_color (cr, &palette->foreground, 1.0);
      cairo_fill (cr);
      break;

    case N_KEY_ITEMS:
    default:
      g_assert_not_reached ();
    }
}

/* Where the key's marks go: on the line of the swatches and the next,
 * right of the ramp, then on lines of their own across the chart, each
 * whole (shortened only when one alone is longer than a line). Returns
 * the number of lines; @layouts, @xs and @lines may be NULL. */
static int
plan_key (RdChartText         *text,
          const HeatmapLayout *l,
          double               width,
          const RdHeatmapData *data,
          PangoLayout        **layouts,
          double              *xs,
          int                 *lines)
{
  const char *labels[N_KEY_ITEMS] = {
    data->missing_label, data->below_target_label, data->higher_label, data->lower_label,
  };
  double s = l->size;
  double box = 0.85 * l->key_line;
  double swatch = CLAMP ((width - 2 * l->pad) * 0.25 / RD_HEATMAP_N_CLASSES, box, 1.8 * box);
  double spacing = 1.2 * s, right = width - l->pad;
  double x0 = l->pad + 0.5 * s + RD_HEATMAP_N_CLASSES * swatch + 2 * spacing;
  double x = x0;
  int line = 0;

  for (guint i = 0; i < N_KEY_ITEMS; i++)
    {
      double glyph = box + 0.35 * s, w;
      PangoLayout *layout;

      if (labels[i] == NULL || labels[i][0] == '\0')
        continue;
      layout = rd_chart_text_layout (text, labels[i], KEY_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      if (x + glyph + w > right && x > (line < 2 ? x0 : l->pad))
        {
          line++;
          x = line < 2 ? x0 : l->pad;
        }
      /* Under the ramp's numbers there is the whole width. */
      if (x + glyph + w > right && line < 2 && l->pad + glyph + w <= right)
        {
          line = 2;
          x = l->pad;
        }
      if (x + glyph + w > right)
        {
          rd_chart_text_fit (layout, MAX (right - x - glyph, s), 1, PANGO_ALIGN_LEFT);
          rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
        }
      if (layouts != NULL)
        {
          layouts[i] = layout;
          xs[i] = x;
          lines[i] = line;
        }
      else
        g_object_unref (layout);
      x += glyph + w + spacing;
    }
  return line + 1;
}

/* Under the table: the classes side by side with the scale's numbers
 * under their boundaries, then each mark with what it means. */
static void
draw_key (cairo_t              *cr,
          RdChartText          *text,
          const HeatmapLayout  *l,
          double                width,
          const RdHeatmapData  *data,
          const CellCache      *cache,
          const RdChartPalette *palette)
{
  PangoLayout *layouts[N_KEY_ITEMS] = { NULL };
  double xs[N_KEY_ITEMS] = { 0 };
  int lines[N_KEY_ITEMS] = { 0 };
  double s = l->size;
  double box = 0.85 * l->key_line;
  /* Narrower swatches on a narrow chart leave the marks more room. */
  double swatch = CLAMP ((width - 2 * l->pad) * 0.25 / RD_HEATMAP_N_CLASSES, box, 1.8 * box);
  double ramp = RD_HEATMAP_N_CLASSES * swatch;
  double x = l->pad + 0.5 * s;  /* room for half of the "0" under its end */
  double glyph_y = l->key_y + (l->key_line - box) / 2;
  double spacing = 1.2 * s, y;

  for (int klass = 0; klass < RD_HEATMAP_N_CLASSES; klass++)
    {
      cairo_rectangle (cr, x + klass * swatch, glyph_y, swatch, box);
      rd_chart_set_color (cr, &cache->fill[klass], 1.0);
      cairo_fill (cr);
    }
  if (palette_style (palette) != STYLE_LIGHT)
    {
      /* The ends of the dark blues need an edge on a dark background. */
      cairo_rectangle (cr, x + 0.5, glyph_y + 0.5, ramp - 1, box - 1);
      cairo_set_line_width (cr, 1.0);
      rd_chart_set_color (cr, &palette->grid, 1.0);
      cairo_stroke (cr);
    }
  for (int k = 0; k <= 4; k++)
    {
      char digits[8];
      PangoLayout *layout;
      double w;

      g_snprintf (digits, sizeof digits, "%d", k * 25);
      layout = rd_chart_text_layout (text, digits, KEY_SCALE, PANGO_WEIGHT_NORMAL);
      rd_chart_text_get_box (layout, NULL, NULL, &w, NULL);
      rd_chart_text_draw (cr, layout, x + k * ramp / 4 - w / 2, l->key_y + l->key_pitch,
                          &palette->foreground, 0.85, NULL, 0);
      g_object_unref (layout);
    }
  x += ramp + 2 * spacing;

  plan_key (text, l, width, data, layouts, xs, lines);
  for (guint i = 0; i < N_KEY_ITEMS; i++)
    {
      double glyph = box + 0.35 * s;

      if (layouts[i] == NULL)
        continue;
      y = l->key_y + lines[i] * l->key_pitch;
      draw_key_glyph (cr, l, i, xs[i], y + (l->key_line - box) / 2, box, cache, palette);
      rd_chart_text_draw (cr, layouts[i], xs[i] + glyph, y, &palette->foreground, 1.0, NULL, 0);
    }
  for (guint i = 0; i < N_KEY_ITEMS; i++)
    g_clear_object (&layouts[i]);
}

void
rd_chart_draw_heatmap (cairo_t              *cr,
                       double                width,
                       double                height,
                       const RdHeatmapData  *data,
                       const RdChartPalette *palette)
{
  RdChartText text;
  HeatmapLayout l;
  CellCache cache;
  Style style;
  guint first = 0, count;
  gboolean highlight;
  PangoLayout **headers;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (data == NULL || data->n_columns == 0 ||
      !rd_chart_size_is_drawable (width, height) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  rd_chart_text_init (&text, width, height);
  headers = g_new0 (PangoLayout *, data->n_columns);
  if (!heatmap_layout (&text, width, height, data, &l, headers))
    {
      clear_headers (headers, data->n_columns);
      rd_chart_text_clear (&text);
      return;
    }
  rd_chart_text_attach (&text, cr);
  memset (&cache, 0, sizeof cache);
  if (l.text_scale > 0)
    cell_cache_init (&cache, &text, l.text_scale);

  style = palette_style (palette);
  for (int klass = 0; klass < RD_HEATMAP_N_CLASSES; klass++)
    {
      class_color (style, data->scale, klass, &cache.fill[klass]);
      text_color_on (palette, &cache.fill[klass], &cache.ink[klass]);
    }

  count = data->rows != NULL ? visible_rows (&l, data->n_rows, &first) : 0;
  highlight = count > 0 && data->highlighted_row >= 0 &&
              (guint) data->highlighted_row >= first && (guint) data->highlighted_row < first + count;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);

  draw_headers (cr, &l, headers, palette);

  /* Rows scrolled half out of view are cut at the viewport's edges, not
   * drawn over the headers or the key. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, l.rows_top, width, l.rows_bottom - l.rows_top);
  cairo_clip (cr);
  cairo_new_path (cr);
  if (highlight)
    draw_highlight (cr, &l, data->highlighted_row, TRUE, palette);
  draw_fills (cr, &l, data, first, count, &cache, style, palette);
  draw_missing (cr, &l, data, first, count, palette);
  draw_cell_texts (cr, &text, &l, data, first, count, &cache, palette);
  draw_labels (cr, &text, &l, data, first, count, palette);
  if (highlight)
    draw_highlight (cr, &l, data->highlighted_row, FALSE, palette);
  cairo_restore (cr);

  if (l.key)
    draw_key (cr, &text, &l, width, data, &cache, palette);
  cairo_restore (cr);

  cell_cache_clear (&cache);
  clear_headers (headers, data->n_columns);
  rd_chart_text_clear (&text);
}
