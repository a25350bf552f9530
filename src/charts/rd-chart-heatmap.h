#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* Scores are coloured in classes of 12.5 points, two per readiness level
 * (their thresholds 25, 50 and 75 fall on class boundaries). */
#define RD_HEATMAP_N_CLASSES 8

typedef enum {
  RD_HEATMAP_SEQUENTIAL, /* light to dark blue: how far along */
  RD_HEATMAP_DIVERGING,  /* red below 50, blue above: which side of "established" */
} RdHeatmapScale;

typedef enum {
  RD_HEATMAP_MARK_NONE         = 0,
  RD_HEATMAP_MARK_BELOW_TARGET = 1 << 0, /* a corner cut off the cell */
  RD_HEATMAP_MARK_HIGHER       = 1 << 1, /* ▲: meaningfully higher, e.g. than the region */
  RD_HEATMAP_MARK_LOWER        = 1 << 2, /* ▼: meaningfully lower */
} RdHeatmapMark;

typedef struct
{
  const char *label;      /* the school's name */
  const double *scores;   /* n_columns, 0–100; NAN: not enough answers */
  const guint8 *marks;    /* n_columns RdHeatmapMark flags; NULL: none */
} RdHeatmapRow;

typedef struct
{
  const RdHeatmapRow *rows;
  guint n_rows;
  const char * const *columns;  /* n_columns headers: the factors' or areas' short titles */
  guint n_columns;
  RdHeatmapScale scale;

  /* The view: rows from @first_row down, scrolled up by @offset (0 ≤
   * @offset < @row_height) for smooth scrolling; only rows in view are
   * read. @row_height ≤ 0 shares the height among all rows instead (as
   * for print), and @first_row and @offset are not used. */
  guint first_row;
  double offset;
  double row_height;
  int highlighted_row;          /* the selected school; -1: none */

  /* The key under the table explains the colours and these marks; NULL
   * leaves an item out. */
  const char *missing_label;      /* e.g. "not enough answers" */
  const char *below_target_label; /* e.g. "below target" */
  const char *higher_label;       /* e.g. "clearly above the region" */
  const char *lower_label;        /* e.g. "clearly below the region" */
} RdHeatmapData;

/* Schools against factors or areas: a school's name at the left of its
 * row, a header above each column, every cell coloured by its score with
 * the score written in it where it fits, cells without a score hatched
 * with "–" (and no marks), the marks drawn as shapes in the score's
 * colour, the highlighted row framed, and a key at the bottom. Draws only
 * the rows in view. */
void     rd_chart_draw_heatmap          (cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         const RdHeatmapData  *data,
                                         const RdChartPalette *palette);

/* The rows in view (also those partly in view): the first into @first,
 * how many returned; @viewport_height (may be NULL) is the height of the
 * rows' area, a scrolled view's page size. */
guint    rd_chart_heatmap_visible_rows  (double               width,
                                         double               height,
                                         const RdHeatmapData *data,
                                         guint               *first,
                                         double              *viewport_height);

/* The filled rectangle of cell (@row, @column), where it is drawn or would
 * be drawn if scrolled into view. Returns TRUE when some of it is in view;
 * FALSE and all NAN when there is no such cell or no room. */
gboolean rd_chart_heatmap_cell_rect     (double               width,
                                         double               height,
                                         const RdHeatmapData *data,
                                         guint                row,
                                         guint                column,
                                         cairo_rectangle_t   *rect);

/* What is at (@x, @y): a cell (both ≥ 0, the gap around a cell counts
 * as the cell), a school's name (@column -1) or a column's header (@row
 * -1). Returns FALSE, both -1, elsewhere. */
gboolean rd_chart_heatmap_hit           (double               width,
                                         double               height,
                                         const RdHeatmapData *data,
                                         double               x,
                                         double               y,
                                         int                 *row,
                                         int                 *column);

/* The class of @score, 0 to RD_HEATMAP_N_CLASSES - 1; -1 for NAN. */
int      rd_chart_heatmap_class         (double               score);

/* The fill of a cell with @score in @palette's style: a ColorBrewer scale
 * (Blues or RdYlBu), safe for the common kinds of colour blindness; the
 * background for NAN. */
void     rd_chart_heatmap_color         (const RdChartPalette *palette,
                                         RdHeatmapScale        scale,
                                         double                score,
                                         RdColor              *color);

/* The colour of the score and marks drawn on such a cell: at least 4.5:1
 * against its fill. */
void     rd_chart_heatmap_text_color    (const RdChartPalette *palette,
                                         RdHeatmapScale        scale,
                                         double                score,
                                         RdColor              *color);

G_END_DECLS
