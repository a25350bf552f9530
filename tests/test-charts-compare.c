/* The charts that compare schools: the heatmap of many schools against
 * factors or areas, and the box plot of one school against the others.
 * Drawn into image surfaces and checked by pixel. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rd-chart-boxplot.h"
#include "rd-chart-heatmap.h"
#include "rd-chart-palette.h"
#include "rd-test-pixels.h"

static const RdChartStyle all_styles[] = {
  RD_CHART_STYLE_LIGHT, RD_CHART_STYLE_DARK, RD_CHART_STYLE_HIGH_CONTRAST,
};
static const RdHeatmapScale all_scales[] = { RD_HEATMAP_SEQUENTIAL, RD_HEATMAP_DIVERGING };

/* Pixels */

/* Synthetic schools: names, scores and marks as a region might have
 * them, the same on every run. */

static const char * const factor_titles[] = { "Strategy", "Engagement", "Capacity", "Investment" };
static const char * const area_titles[] = {
  "Strategy and leadership", "Connectivity", "Devices", "Staff training and support",
  "Cybersecurity and data protection", "Collaboration and engagement", "Teaching and learning",
};

typedef struct
{
  RdHeatmapRow *rows;
  char **labels;
  double *scores;
  guint8 *marks;
  guint n_rows;
  guint n_columns;
} Schools;

static Schools *
schools_new (guint n_rows,
             guint n_columns)
{
  static const char * const kinds[] = {
    "Basisschool", "Montessorischool", "Daltonschool", "Jenaplanschool", "Lyceum", "College",
    "Vakcollege", "Christelijke basisschool", "Openbare scholengemeenschap",
  };
  static const char * const names[] = {
    "De Linde", "Het Kompas", "De Regenboog", "Sint Jozef", "De Wilgen", "Het Baken",
    "De Sterrenkijker", "Oosterpoort", "Rijnland", "De Vlieger", "Het Palet", "Klaverblad",
  };
  static const char * const towns[] = {
    "Zwolle", "Deventer", "Kampen", "Hardenberg", "Ommen", "Raalte", "Steenwijk", "Dalfsen",
  };
  Schools *schools = g_new0 (Schools, 1);
  GRand *rand = g_rand_new_with_seed (20231123);

  schools->n_rows = n_rows;
  schools->n_columns = n_columns;
  schools->rows = g_new0 (RdHeatmapRow, n_rows);
  schools->labels = g_new0 (char *, n_rows + 1);
  schools->scores = g_new (double, (gsize) n_rows * n_columns);
  schools->marks = g_new0 (guint8, (gsize) n_rows * n_columns);

  for (guint r = 0; r < n_rows; r++)
    {
      double base = 25 + 50 * g_rand_double (rand);

      schools->labels[r] = g_strdup_printf ("%s %s, %s", kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                            names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                            towns[g_rand_int_range (rand, 0, G_N_ELEMENTS (towns))]);
      for (guint c = 0; c < n_columns; c++)
        {
          gsize i = (gsize) r * n_columns + c;
          double noise = 0;

          for (int k = 0; k < 3; k++)
            noise += g_rand_double_range (rand, -12, 12);
          if (g_rand_double (rand) < 0.04)
            {
              schools->scores[i] = NAN;
              continue;
            }
          schools->scores[i] = CLAMP (round (base + noise), 0, 100);
          if (schools->scores[i] < 40)
            schools->marks[i] |= RD_HEATMAP_MARK_BELOW_TARGET;
          if (fabs (schools->scores[i] - 50) > 22 && g_rand_double (rand) < 0.4)
            schools->marks[i] |= schools->scores[i] > 50 ? RD_HEATMAP_MARK_HIGHER : RD_HEATMAP_MARK_LOWER;
        }
      schools->rows[r].label = schools->labels[r];
      schools->rows[r].scores = &schools->scores[(gsize) r * n_columns];
      schools->rows[r].marks = &schools->marks[(gsize) r * n_columns];
    }
  g_rand_free (rand);
  return schools;
}

static void
schools_free (Schools *schools)
{
  g_strfreev (schools->labels);
  g_free (schools->rows);
  g_free (schools->scores);
  g_free (schools->marks);
  g_free (schools);
}

static RdHeatmapData
heatmap_data (const Schools *schools)
{
  return (RdHeatmapData) {
    .rows = schools->rows,
    .n_rows = schools->n_rows,
    .columns = schools->n_columns == 4 ? factor_titles : area_titles,
    .n_columns = schools->n_columns,
    .scale = RD_HEATMAP_SEQUENTIAL,
    .row_height = 24,
    .highlighted_row = -1,
    .missing_label = "not enough answers",
    .below_target_label = "below target",
    .higher_label = "clearly above the region",
    .lower_label = "clearly below the region",
  };
}

/* A small table that has every case: the scores of every class, a cell
 * without a score, a cell below target, and one of each difference. */
static const double few_scores[][4] = {
  { 5, 18, 31, 44 },
  { 56, 69, 81, 94 },
  { NAN, 50, 100, 0 },
  { 62, 37, 75, 25 },
  { 12.4, 12.5, 87.49, 87.5 },
};
static const guint8 few_marks[][4] = {
  { 0, RD_HEATMAP_MARK_BELOW_TARGET, 0, 0 },
  { RD_HEATMAP_MARK_HIGHER, 0, 0, RD_HEATMAP_MARK_LOWER },
  { RD_HEATMAP_MARK_BELOW_TARGET, 0, 0, RD_HEATMAP_MARK_BELOW_TARGET | RD_HEATMAP_MARK_LOWER },
  { 0, 0, 0, 0 },
  { 0, 0, 0, 0 },
};
static const char * const few_names[] = {
  "De Linde", "Het Kompas", "De Regenboog, a school with a very long name indeed that will not fit",
  "Sint Jozef", "Oosterpoort",
};

static RdHeatmapRow few_rows[G_N_ELEMENTS (few_scores)];

static RdHeatmapData
few_data (RdHeatmapScale scale)
{
  for (guint r = 0; r < G_N_ELEMENTS (few_rows); r++)
    few_rows[r] = (RdHeatmapRow) { few_names[r], few_scores[r], few_marks[r] };

  return (RdHeatmapData) {
    .rows = few_rows,
    .n_rows = G_N_ELEMENTS (few_rows),
    .columns = factor_titles,
    .n_columns = 4,
    .scale = scale,
    .row_height = 40,
    .highlighted_row = -1,
    .missing_label = "not enough answers",
    .below_target_label = "below target",
    .higher_label = "clearly above",
    .lower_label = "clearly below",
  };
}

/* The charts as the shared drawing helpers take them. */
static const RdTestDrawFunc paint_heatmap = (RdTestDrawFunc) rd_chart_draw_heatmap;
static const RdTestDrawFunc paint_boxplot = (RdTestDrawFunc) rd_chart_draw_boxplot;

/* Heatmap: colours */

static void
test_heatmap_ramp (void)
{
  /* Class boundaries every 12.5 points, the levels' 25, 50 and 75 among them. */
  g_assert_cmpint (rd_chart_heatmap_class (0), ==, 0);
  g_assert_cmpint (rd_chart_heatmap_class (12.49), ==, 0);
  g_assert_cmpint (rd_chart_heatmap_class (12.5), ==, 1);
  g_assert_cmpint (rd_chart_heatmap_class (24.9), ==, 1);
  g_assert_cmpint (rd_chart_heatmap_class (25), ==, 2);
  g_assert_cmpint (rd_chart_heatmap_class (49.9), ==, 3);
  g_assert_cmpint (rd_chart_heatmap_class (50), ==, 4);
  g_assert_cmpint (rd_chart_heatmap_class (75), ==, 6);
  g_assert_cmpint (rd_chart_heatmap_class (100), ==, RD_HEATMAP_N_CLASSES - 1);
  g_assert_cmpint (rd_chart_heatmap_class (-5), ==, 0);
  g_assert_cmpint (rd_chart_heatmap_class (400), ==, RD_HEATMAP_N_CLASSES - 1);
  g_assert_cmpint (rd_chart_heatmap_class (NAN), ==, -1);

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint k = 0; k < G_N_ELEMENTS (all_scales); k++)
      {
        RdChartPalette palette;
        RdColor previous = { 0 }, none;
        double min_ratio = G_MAXDOUBLE;

        rd_chart_palette_init (&palette, all_styles[s]);
        for (int score = 0; score <= 100; score++)
          {
            RdColor fill, ink;
            double ratio;

            rd_chart_heatmap_color (&palette, all_scales[k], score, &fill);
            rd_chart_heatmap_text_color (&palette, all_scales[k], score, &ink);
            ratio = rd_color_contrast_ratio (&fill, &ink);
            min_ratio = MIN (min_ratio, ratio);
            /* WCAG 1.4.3: the scores are normal text. */
            g_assert_cmpfloat (ratio, >=, 4.5);
            g_assert_cmpfloat (fill.alpha, ==, 1.0);

            /* A new class looks different from the one before, in
             * lightness too, so that it does not depend on hue. */
            if (score > 0 && rd_chart_heatmap_class (score) != rd_chart_heatmap_class (score - 1))
              {
                g_assert_cmpfloat (rd_color_contrast_ratio (&fill, &previous), >, 1.1);
                /* The sequential scale only gains on its background as it rises. */
                if (all_scales[k] == RD_HEATMAP_SEQUENTIAL)
                  g_assert_cmpfloat (rd_color_contrast_ratio (&fill, &palette.background), >,
                                     rd_color_contrast_ratio (&previous, &palette.background));
              }
            previous = fill;
          }
        g_test_message ("style %d scale %d: scores at least %.2f:1", all_styles[s], all_scales[k], min_ratio);

        /* No score: the background, not a colour of the scale. */
        rd_chart_heatmap_color (&palette, all_scales[k], NAN, &none);
        g_assert_cmpfloat (rd_test_color_distance ((RdTestPixel) { 0 }, &none), ==,
                           rd_test_color_distance ((RdTestPixel) { 0 }, &palette.background));
        for (int score = 0; score <= 100; score += 5)
          {
            RdColor fill;

            rd_chart_heatmap_color (&palette, all_scales[k], score, &fill);
            g_assert_cmpfloat (rd_color_contrast_ratio (&fill, &none) > 1.05 ||
                               fabs (fill.red - none.red) + fabs (fill.blue - none.blue) > 0.05, ==, TRUE);
          }
      }
}

/* Heatmap: cells */

/* Where no score, corner or arrow is drawn: low in the cell's left part. */
static void
fill_point (const cairo_rectangle_t *cell,
            double                  *x,
            double                  *y)
{
  *x = cell->x + 0.2 * cell->width;
  *y = cell->y + 0.8 * cell->height;
}

static void
test_heatmap_cells (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint k = 0; k < G_N_ELEMENTS (all_scales); k++)
      {
        RdHeatmapData data = few_data (all_scales[k]);
        RdChartPalette palette;
        cairo_surface_t *surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 900, 400, &palette);

        for (guint r = 0; r < data.n_rows; r++)
          for (guint c = 0; c < data.n_columns; c++)
            {
              double score = few_scores[r][c];
              cairo_rectangle_t cell;
              RdColor fill, ink;
              double x, y;

              g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &data, r, c, &cell));
              g_assert_cmpfloat (cell.width, >, 40);
              g_assert_cmpfloat (cell.height, >, 30);
              rd_chart_heatmap_color (&palette, data.scale, score, &fill);
              rd_chart_heatmap_text_color (&palette, data.scale, score, &ink);
              fill_point (&cell, &x, &y);

              if (isnan (score))
                {
                  guint n = 0;

                  /* Not filled with any colour of the scale, hatched. */
                  for (int score_step = 0; score_step <= 100; score_step++)
                    {
                      RdColor any;

                      rd_chart_heatmap_color (&palette, data.scale, score_step, &any);
                      n += rd_test_count_color (surface, cell.x + 2, cell.y + 2, cell.width - 4, cell.height - 4,
                                            &any, 2);
                    }
                  g_assert_cmpuint (n, ==, 0);
                  g_assert_cmpuint (rd_test_count_color (surface, cell.x, cell.y, cell.width, cell.height,
                                                 &palette.background, 2), >, cell.width * cell.height / 3);
                  g_assert_cmpuint (rd_test_count_color (surface, cell.x, cell.y, cell.width, cell.height,
                                                 &palette.grid, 40), >, cell.width + cell.height);
                  /* "–" in the middle, in the text colour. */
                  g_assert_cmpuint (rd_test_count_color (surface, cell.x + cell.width / 3, cell.y + cell.height / 3,
                                                 cell.width / 3, cell.height / 3, &palette.foreground, 40), >, 4);
                  continue;
                }

              rd_test_assert_pixel_is (surface, x, y, &fill, 1);
              /* The score written in the middle, in its colour, with the
               * fill around it. */
              g_assert_cmpuint (rd_test_count_color (surface, cell.x + cell.width / 3, cell.y + cell.height / 4,
                                             cell.width / 3, cell.height / 2, &ink, 16), >=, 10);
              g_assert_cmpfloat (rd_color_contrast_ratio (&fill, &ink), >=, 4.5);
            }
        cairo_surface_destroy (surface);
      }
}

/* Cells too thin for text: the centre itself holds the fill. */
static void
test_heatmap_cell_centres (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      RdHeatmapData data = few_data (RD_HEATMAP_DIVERGING);
      RdChartPalette palette;
      cairo_surface_t *surface;

      data.row_height = 11;
      surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 600, 300, &palette);
      for (guint r = 0; r < data.n_rows; r++)
        for (guint c = 0; c < data.n_columns; c++)
          {
            cairo_rectangle_t cell;
            RdColor fill;

            if (isnan (few_scores[r][c]))
              continue;
            g_assert_true (rd_chart_heatmap_cell_rect (600, 300, &data, r, c, &cell));
            rd_chart_heatmap_color (&palette, data.scale, few_scores[r][c], &fill);
            rd_test_assert_pixel_is (surface, cell.x + cell.width / 2, cell.y + cell.height / 2, &fill, 1);
          }
      cairo_surface_destroy (surface);
    }
}

/* "Below target" is a corner cut off the cell in the text colour: there
 * in the flagged cells, absent elsewhere, in every style. */
static void
test_heatmap_below_target (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      RdHeatmapData data = few_data (RD_HEATMAP_SEQUENTIAL);
      RdChartPalette palette;
      cairo_surface_t *surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 900, 400, &palette);

      for (guint r = 0; r < data.n_rows; r++)
        for (guint c = 0; c < data.n_columns; c++)
          {
            double score = few_scores[r][c];
            cairo_rectangle_t cell;
            RdColor fill, ink;
            guint corner;

            if (isnan (score))
              continue;
            g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &data, r, c, &cell));
            rd_chart_heatmap_color (&palette, data.scale, score, &fill);
            rd_chart_heatmap_text_color (&palette, data.scale, score, &ink);
            corner = rd_test_count_color (surface, cell.x + 1, cell.y + 1, 5, 5, &ink, 8);
            if (few_marks[r][c] & RD_HEATMAP_MARK_BELOW_TARGET)
              {
                g_assert_cmpuint (corner, >=, 12);
                rd_test_assert_pixel_is (surface, cell.x + 2, cell.y + 2, &ink, 8);
              }
            else
              {
                g_assert_cmpuint (corner, ==, 0);
                rd_test_assert_pixel_is (surface, cell.x + 3, cell.y + 3, &fill, 1);
              }
          }
      cairo_surface_destroy (surface);
    }
}

/* ▲ and ▼ at the right of a cell, told apart by their shape: ▲ has more
 * ink in its lower half, ▼ in its upper. */
static void
test_heatmap_differences (void)
{
  RdHeatmapData data = few_data (RD_HEATMAP_SEQUENTIAL);
  RdChartPalette palette;
  cairo_surface_t *surface = rd_test_draw_chart (paint_heatmap, &data, RD_CHART_STYLE_LIGHT, 900, 400, &palette);

  for (guint r = 0; r < data.n_rows; r++)
    for (guint c = 0; c < data.n_columns; c++)
      {
        double score = few_scores[r][c];
        cairo_rectangle_t cell;
        RdColor ink;
        double x, middle;
        guint upper, lower;

        if (isnan (score))
          continue;
        g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &data, r, c, &cell));
        rd_chart_heatmap_text_color (&palette, data.scale, score, &ink);
        x = cell.x + cell.width * 0.8;
        middle = cell.y + cell.height / 2;
        upper = rd_test_count_color (surface, x, middle - cell.height / 3, cell.width * 0.2, cell.height / 3,
                                       &ink, 8);
        lower = rd_test_count_color (surface, x, middle, cell.width * 0.2, cell.height / 3, &ink, 8);

        if (few_marks[r][c] & RD_HEATMAP_MARK_HIGHER)
          g_assert_cmpuint (lower, >, upper + 4);
        else if (few_marks[r][c] & RD_HEATMAP_MARK_LOWER)
          g_assert_cmpuint (upper, >, lower + 4);
        else
          g_assert_cmpuint (upper + lower, ==, 0);
      }
  cairo_surface_destroy (surface);
}

/* The selected school: a frame in the text colour around its cells and a
 * tint under its name. */
static void
test_heatmap_highlight (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      RdHeatmapData data = few_data (RD_HEATMAP_SEQUENTIAL);
      RdChartPalette palette;
      cairo_surface_t *plain, *surface;
      cairo_rectangle_t first, last;

      plain = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 900, 400, &palette);
      data.highlighted_row = 3;
      surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 900, 400, &palette);

      g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &data, 3, 0, &first));
      g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &data, 3, 3, &last));
      for (double x = first.x + 4; x < last.x + last.width - 4; x += 7)
        {
          rd_test_assert_pixel_is (surface, x, first.y - 1, &palette.foreground, 8);
          rd_test_assert_pixel_is (surface, x, first.y + first.height + 1, &palette.foreground, 8);
          /* The frame is the highlight's; the cells are the same. */
          g_assert_cmpint (rd_test_color_distance (rd_test_pixel_at (plain, (int) x, (int) (first.y - 1)),
                                                    &palette.foreground), >, 8);
        }
      rd_test_assert_pixel_is (surface, first.x - 1, first.y + first.height / 2, &palette.foreground, 8);
      rd_test_assert_pixel_is (surface, last.x + last.width + 1, first.y + first.height / 2, &palette.foreground, 8);
      {
        /* Left of the name, the tint; not so in the plain drawing. */
        RdTestPixel tinted = rd_test_pixel_at (surface, 5, (int) (first.y + first.height / 2));
        RdTestPixel untinted = rd_test_pixel_at (plain, 5, (int) (first.y + first.height / 2));

        g_assert_cmpint (rd_test_color_distance (untinted, &palette.background), <=, 1);
        g_assert_cmpint (rd_test_color_distance (tinted, &palette.background), >, 8);
      }
      cairo_surface_destroy (plain);
      cairo_surface_destroy (surface);
    }
}

/* Heatmap: geometry */

static void
test_heatmap_hit (void)
{
  Schools *schools = schools_new (1000, 7);
  RdHeatmapData data = heatmap_data (schools);
  static const double offsets[] = { 0, 9.5 };

  for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
    {
      guint first, count;
      double viewport, top;
      cairo_rectangle_t cell, header_cell;
      int row, column;

      data.first_row = 500;
      data.offset = offsets[o];
      count = rd_chart_heatmap_visible_rows (1920, 1080, &data, &first, &viewport);
      g_assert_cmpuint (first, ==, 500);
      g_assert_cmpfloat (viewport, >, 30 * 24);
      g_assert_cmpuint (count, ==, (guint) ceil ((viewport + offsets[o]) / 24));

      /* The middle of every cell's part in view leads back to it; so do
       * points near its corners, in the gaps around it. */
      g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, first, 0, &cell));
      top = cell.y - (24 - cell.height) / 2 + offsets[o];
      for (guint r = first; r < first + count; r++)
        for (guint c = 0; c < data.n_columns; c++)
          {
            double y0, y1;

            g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, r, c, &cell));
            y0 = MAX (cell.y, top);
            y1 = MIN (cell.y + cell.height, top + viewport);
            g_assert_cmpfloat (y1, >, y0);
            g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + cell.width / 2, (y0 + y1) / 2,
                                                 &row, &column));
            g_assert_cmpint (row, ==, r);
            g_assert_cmpint (column, ==, c);
            if (cell.y > top && cell.y + cell.height < top + viewport)
              {
                g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, cell.x - 0.5, cell.y - 0.5, &row, &column));
                g_assert_cmpint (row, ==, r);
                g_assert_cmpint (column, ==, c);
                g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + cell.width + 0.5,
                                                     cell.y + cell.height + 0.5, &row, &column));
                g_assert_cmpint (row, ==, r);
                g_assert_cmpint (column, ==, c);
              }
          }
      /* Above and below the viewport, no row. */
      g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + 5, top + viewport + 1, &row, &column)
                      && row >= 0);

      /* Rows out of view have a place, above or below, but are not hit. */
      g_assert_false (rd_chart_heatmap_cell_rect (1920, 1080, &data, 499, 0, &cell));
      g_assert_true (isfinite (cell.y));
      g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, 500, 0, &header_cell));
      g_assert_cmpfloat (cell.y, <, header_cell.y);
      g_assert_false (rd_chart_heatmap_cell_rect (1920, 1080, &data, first + count, 0, &cell));
      g_assert_false (rd_chart_heatmap_cell_rect (1920, 1080, &data, 1000, 0, &cell));
      g_assert_true (isnan (cell.x) && isnan (cell.y));
      g_assert_false (rd_chart_heatmap_cell_rect (1920, 1080, &data, 0, 7, &cell));

      /* The name of a school, and the header of a column. */
      g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, 510, 2, &cell));
      g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, 12, cell.y + cell.height / 2, &row, &column));
      g_assert_cmpint (row, ==, 510);
      g_assert_cmpint (column, ==, -1);
      g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + cell.width / 2, 20, &row, &column));
      g_assert_cmpint (row, ==, -1);
      g_assert_cmpint (column, ==, 2);

      /* Nothing: the key, the corner above the names, beyond the columns. */
      g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + cell.width / 2, 1075, &row, &column));
      g_assert_cmpint (row, ==, -1);
      g_assert_cmpint (column, ==, -1);
      g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, 12, 20, &row, &column));
      g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, 1915, cell.y, &row, &column));
      g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, NAN, cell.y, &row, &column));
    }

  /* Past the last school, the rows' area is empty. */
  {
    cairo_rectangle_t cell;
    int row, column;

    data.first_row = 990;
    data.offset = 0;
    g_assert_cmpuint (rd_chart_heatmap_visible_rows (1920, 1080, &data, NULL, NULL), ==, 10);
    g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, 999, 3, &cell));
    g_assert_false (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + 5, cell.y + cell.height + 24 + 5, &row, &column));
    g_assert_true (rd_chart_heatmap_hit (1920, 1080, &data, cell.x + 5, cell.y + 5, &row, &column));
    g_assert_cmpint (row, ==, 999);
  }
  schools_free (schools);
}

/* Nothing but the background in the rectangle. */
static void
assert_background_only (cairo_surface_t      *surface,
                        double                x,
                        double                y,
                        double                width,
                        double                height,
                        const RdChartPalette *palette)
{
  g_assert_cmpuint (rd_test_count_color (surface, x, y, width, height, &palette->background, 0), ==,
                    rd_test_count_color (surface, x, y, width, height, &palette->background, 255));
}

/* Drawing reads only the rows in view: every other row points into a page
 * that may not be read, so that a single look at it would crash. */
static void
test_heatmap_window (void)
{
  Schools *schools = schools_new (1000, 7);
  RdHeatmapData data = heatmap_data (schools);
  long page = sysconf (_SC_PAGESIZE);
  gpointer guard = mmap (NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static const double offsets[] = { 0, 13 };

  g_assert_true (guard != MAP_FAILED);
  for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
    for (guint s = 0; s < 2; s++)
      {
        g_autofree RdHeatmapRow *rows = g_memdup2 (schools->rows, 1000 * sizeof (RdHeatmapRow));
        RdChartPalette palette;
        cairo_surface_t *surface;
        cairo_rectangle_t cell, above;
        guint first, count;
        double viewport, top;

        data.rows = rows;
        data.first_row = 500;
        data.offset = offsets[o];
        data.highlighted_row = 499;   /* out of view: no frame */
        count = rd_chart_heatmap_visible_rows (1920, 1080, &data, &first, &viewport);
        g_assert_cmpuint (count, >=, 40);
        g_assert_cmpuint (count, <=, 42);
        for (guint r = 0; r < 1000; r++)
          if (r < first || r >= first + count)
            rows[r] = (RdHeatmapRow) { guard, guard, guard };

        surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 1920, 1080, &palette);

        /* The rows in view are there, the first at the top, cut where
         * they are scrolled out. */
        g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, first, 1, &cell));
        top = cell.y - (24 - cell.height) / 2 + offsets[o];
        for (guint r = first; r < first + count; r++)
          {
            RdColor fill;
            double x, y, y0, y1;

            g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, r, 1, &cell));
            y0 = MAX (cell.y, top);
            y1 = MIN (cell.y + cell.height, top + viewport);
            if (isnan (schools->rows[r].scores[1]) || y1 - y0 < 3)
              continue;
            rd_chart_heatmap_color (&palette, data.scale, schools->rows[r].scores[1], &fill);
            fill_point (&cell, &x, &y);
            rd_test_assert_pixel_is (surface, x, CLAMP (y, y0 + 1, y1 - 1), &fill, 1);
          }
        /* Beyond the viewport's edges, nothing of the rows. */
        assert_background_only (surface, cell.x, top + viewport + 0.5, cell.width, 4, &palette);

        /* Row 499 would be just above row 500: there the headers' space
         * stays empty. */
        g_assert_false (rd_chart_heatmap_cell_rect (1920, 1080, &data, 499, 1, &above));
        g_assert_true (rd_chart_heatmap_cell_rect (1920, 1080, &data, 500, 1, &cell));
        assert_background_only (surface, above.x, top - 6.5, above.width, 6, &palette);
        cairo_surface_destroy (surface);
      }
  munmap (guard, page);
  schools_free (schools);
}

/* With no row height, every school shares the viewport, at most a
 * comfortable line each; the view's position is ignored. */
static void
test_heatmap_shared_rows (void)
{
  RdHeatmapData data = few_data (RD_HEATMAP_SEQUENTIAL);
  cairo_rectangle_t first, last;
  guint start;
  double viewport;

  data.row_height = 0;
  data.first_row = 3;
  data.offset = 5;
  g_assert_cmpuint (rd_chart_heatmap_visible_rows (800, 600, &data, &start, &viewport), ==, 5);
  g_assert_cmpuint (start, ==, 0);
  g_assert_true (rd_chart_heatmap_cell_rect (800, 600, &data, 0, 0, &first));
  g_assert_true (rd_chart_heatmap_cell_rect (800, 600, &data, 4, 0, &last));
  g_assert_cmpfloat (last.y + last.height, <=, first.y + viewport);
  g_assert_cmpfloat (first.height, <, 40);

  /* A thousand schools in a printed page: thin rows, no text, all there. */
  {
    Schools *schools = schools_new (1000, 4);
    RdHeatmapData all = heatmap_data (schools);
    RdChartPalette palette;
    cairo_surface_t *surface;

    all.row_height = 0;
    g_assert_cmpuint (rd_chart_heatmap_visible_rows (600, 800, &all, &start, &viewport), ==, 1000);
    surface = rd_test_draw_chart (paint_heatmap, &all, RD_CHART_STYLE_LIGHT, 600, 800, &palette);
    cairo_surface_destroy (surface);
    schools_free (schools);
  }
}

/* Headers over their columns: wrapped when there is room, written
 * upwards when the columns are narrow; never over the rows. */
static void
test_heatmap_headers (void)
{
  static const int sizes[][2] = { { 1200, 600 }, { 420, 600 } };
  Schools *schools = schools_new (30, 7);
  RdHeatmapData data = heatmap_data (schools);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int width = sizes[k][0], height = sizes[k][1];
      RdChartPalette palette;
      cairo_surface_t *surface = rd_test_draw_chart (paint_heatmap, &data, RD_CHART_STYLE_LIGHT, width, height,
                                                     &palette);
      cairo_rectangle_t cell;

      for (guint c = 0; c < data.n_columns; c++)
        {
          g_assert_true (rd_chart_heatmap_cell_rect (width, height, &data, 0, c, &cell));
          /* Ink over every column, within its width. */
          g_assert_cmpuint (rd_test_count_color (surface, cell.x, 0, cell.width, cell.y - 2, &palette.foreground, 64),
                            >, 20);
        }
      g_test_message ("%d x %d: rows start at %.1f", width, height, cell.y);
      /* The long names need more room written upwards. */
      if (k == 1)
        g_assert_cmpfloat (cell.y, >, 100);
      cairo_surface_destroy (surface);
    }
  schools_free (schools);
}

/* The key under the rows: every class of the scale, and the marks. */
static void
test_heatmap_key (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint k = 0; k < G_N_ELEMENTS (all_scales); k++)
      {
        RdHeatmapData data = few_data (all_scales[k]);
        RdChartPalette palette;
        cairo_surface_t *surface = rd_test_draw_chart (paint_heatmap, &data, all_styles[s], 900, 400, &palette);
        cairo_rectangle_t cell;
        double viewport, top;

        rd_chart_heatmap_visible_rows (900, 400, &data, NULL, &viewport);
        rd_chart_heatmap_cell_rect (900, 400, &data, 0, 0, &cell);
        top = cell.y + viewport;
        for (double score = 6; score < 100; score += 12.5)
          {
            RdColor fill;

            rd_chart_heatmap_color (&palette, data.scale, score, &fill);
            g_assert_cmpuint (rd_test_count_color (surface, 0, top, 900, 400 - top, &fill, 1), >, 30);
          }
        /* The scale's numbers and the marks' names. */
        g_assert_cmpuint (rd_test_count_color (surface, 0, top, 900, 400 - top, &palette.foreground, 64), >, 200);
        cairo_surface_destroy (surface);
      }
}

static void
draw_heatmap_on (cairo_t             *cr,
                 double               width,
                 double               height,
                 const RdHeatmapData *data)
{
  RdChartPalette palette;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  rd_chart_draw_heatmap (cr, width, height, data, &palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_heatmap_degenerate (void)
{
  static const double odd_scores[] = { -20, 250, INFINITY, -INFINITY };
  static const guint8 all_marks[] = { 0xff, 0xff, 0xff, 0xff };
  static const char * const odd_columns[] = { NULL, "", "A header far too long to fit above any column at all", "x" };
  RdHeatmapRow odd_rows[] = {
    { NULL, NULL, NULL },
    { "", odd_scores, all_marks },
    { "A school", odd_scores, NULL },
  };
  RdHeatmapData data = few_data (RD_HEATMAP_SEQUENTIAL);
  RdHeatmapData odd = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 300);
  cairo_rectangle_t cell;
  int row, column;

  rd_test_assert_draws_nothing (paint_heatmap, NULL, 64, 64);
  odd.n_columns = 0;
  rd_test_assert_draws_nothing (paint_heatmap, &odd, 64, 64);
  g_assert_false (rd_chart_heatmap_cell_rect (64, 64, &odd, 0, 0, &cell));
  g_assert_false (rd_chart_heatmap_hit (64, 64, &odd, 30, 30, &row, &column));
  g_assert_false (rd_chart_heatmap_cell_rect (400, 300, NULL, 0, 0, &cell));
  g_assert_cmpuint (rd_chart_heatmap_visible_rows (400, 300, NULL, NULL, NULL), ==, 0);
  rd_test_assert_draws_nothing (paint_heatmap, &data, 10, 300);
  rd_test_assert_draws_nothing (paint_heatmap, &data, 0, 0);
  rd_test_assert_draws_nothing (paint_heatmap, &data, NAN, 64);
  rd_test_assert_draws_nothing (paint_heatmap, &data, INFINITY, 64);
  g_assert_false (rd_chart_heatmap_hit (10, 300, &data, 5, 5, &row, &column));

  /* Strange but drawable: each must leave cairo in good order. */
  {
    cairo_t *cr = cairo_create (surface);

    odd = data;
    odd.rows = NULL;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd = data;
    odd.n_rows = 0;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd = data;
    odd.first_row = 99;
    draw_heatmap_on (cr, 300, 300, &odd);
    g_assert_cmpuint (rd_chart_heatmap_visible_rows (300, 300, &odd, NULL, NULL), ==, 0);
    odd.first_row = G_MAXUINT;
    odd.offset = 1e300;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd = data;
    odd.offset = NAN;
    odd.row_height = NAN;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd.row_height = 0.01;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd.row_height = 1e7;
    odd.highlighted_row = 0;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd = data;
    odd.rows = odd_rows;
    odd.n_rows = G_N_ELEMENTS (odd_rows);
    odd.columns = odd_columns;
    odd.highlighted_row = 1;
    draw_heatmap_on (cr, 300, 300, &odd);
    draw_heatmap_on (cr, 11, 11, &odd);
    draw_heatmap_on (cr, 1e6, 1e6, &odd);
    odd.columns = NULL;
    odd.missing_label = odd.below_target_label = odd.higher_label = odd.lower_label = NULL;
    draw_heatmap_on (cr, 300, 300, &odd);
    odd.n_columns = 200;
    odd.rows = NULL;
    draw_heatmap_on (cr, 300, 300, &odd);
    cairo_destroy (cr);
  }
  cairo_surface_destroy (surface);
}

/* Box plot */

static const RdBoxplotRow four_rows[] = {
  { "Strategy", 48, 12, 35, 52, 64, 90, 60, 71 },
  { "Engagement", 48, 20, 40, 45, 55, 80, 50, 33 },
  { "Capacity", 47, 5, 30, 48, 70, 95, NAN, NAN },
  { "Investment", 0, NAN, NAN, NAN, NAN, NAN, 70, 64 },
};

static RdBoxplotData
boxplot_data (const RdBoxplotRow *rows,
              guint               n_rows)
{
  return (RdBoxplotData) {
    .rows = rows,
    .n_rows = n_rows,
    .missing_text = "not enough answers",
    .school_label = "De Linde",
    .others_label = "48 other schools",
    .target_label = "target",
  };
}

static double
boxplot_x (const RdBoxplotData *data,
           guint                row,
           double               value,
           double              *middle,
           double              *box_height)
{
  double x;

  rd_chart_boxplot_geometry (800, 400, data->n_rows, row, value, &x, middle, box_height);
  return x;
}

/* Some of the foreground in the rectangle, antialiased or not. */
static void
assert_ink (cairo_surface_t      *surface,
            double                x,
            double                y,
            double                width,
            double                height,
            const RdChartPalette *palette)
{
  g_assert_cmpuint (rd_test_count_color (surface, x, y, width, height, &palette->foreground, 150), >, 0);
}

/* The five numbers where they belong: the whiskers' ends, the box's edges
 * and the median, in the chart's foreground; the box inside them filled
 * with the track, the background outside. */
static void
assert_box (cairo_surface_t      *surface,
            const RdBoxplotData  *data,
            guint                 row,
            const RdChartPalette *palette)
{
  const RdBoxplotRow *r = &data->rows[row];
  double middle, h;
  double x_min = boxplot_x (data, row, r->minimum, &middle, &h);
  double x_q1 = boxplot_x (data, row, r->q1, &middle, &h);
  double x_median = boxplot_x (data, row, r->median, &middle, &h);
  double x_q3 = boxplot_x (data, row, r->q3, &middle, &h);
  double x_max = boxplot_x (data, row, r->maximum, &middle, &h);

  g_assert_cmpfloat (h, >, 10);
  /* The median line, over the box's whole height. */
  rd_test_assert_pixel_is (surface, x_median, middle - h / 2 + 2, &palette->foreground, 8);
  rd_test_assert_pixel_is (surface, x_median, middle + h / 2 - 2, &palette->foreground, 8);
  /* The box: an edge at Q1 and Q3, the track inside. */
  rd_test_assert_line_near (surface, x_q1 - 0.5, middle - h / 4, &palette->foreground, &palette->track);
  rd_test_assert_line_near (surface, x_q3 + 0.5, middle - h / 4, &palette->foreground, &palette->track);
  rd_test_assert_pixel_is (surface, x_q1 + 3, middle - h / 4, &palette->track, 1);
  rd_test_assert_pixel_is (surface, x_q3 - 3, middle - h / 4, &palette->track, 1);
  rd_test_assert_pixel_is (surface, x_q1 - 3, middle - h / 4, &palette->background, 1);
  rd_test_assert_pixel_is (surface, x_q3 + 3, middle - h / 4, &palette->background, 1);
  /* The whiskers: a line through the middle, a cap at either end, and
   * nothing beyond them. */
  assert_ink (surface, (x_min + x_q1) / 2 - 1, middle - 2, 3, 4, palette);
  assert_ink (surface, (x_q3 + x_max) / 2 - 1, middle - 2, 3, 4, palette);
  assert_ink (surface, x_min - 1, middle - h / 4 - 1, 2, 3, palette);
  assert_ink (surface, x_max - 1, middle - h / 4 - 1, 2, 3, palette);
  rd_test_assert_pixel_is (surface, x_min - 3, middle, &palette->background, 1);
  rd_test_assert_pixel_is (surface, x_max + 3, middle, &palette->background, 1);
}

static void
test_boxplot_positions (void)
{
  RdBoxplotData data = boxplot_data (four_rows, G_N_ELEMENTS (four_rows));

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      RdChartPalette palette;
      cairo_surface_t *surface = rd_test_draw_chart (paint_boxplot, &data, all_styles[s], 800, 400, &palette);
      double x0, x100, middle, h, previous = 0;

      /* One scale for every row, rows top to bottom. */
      for (guint row = 0; row < data.n_rows; row++)
        {
          x0 = boxplot_x (&data, row, 0, &middle, &h);
          x100 = boxplot_x (&data, row, 100, &middle, &h);
          g_assert_cmpfloat (x0, ==, boxplot_x (&data, 0, 0, &h, &h));
          g_assert_cmpfloat (x100, >, x0 + 300);
          g_assert_cmpfloat (fabs (boxplot_x (&data, row, 50, &middle, &h) - (x0 + x100) / 2), <, 1e-9);
          g_assert_cmpfloat (middle, >, previous);
          previous = middle;
        }

      assert_box (surface, &data, 0, &palette);
      assert_box (surface, &data, 1, &palette);
      assert_box (surface, &data, 2, &palette);

      for (guint row = 0; row < 2; row++)
        {
          double x = boxplot_x (&data, row, four_rows[row].value, &middle, &h);
          double target = boxplot_x (&data, row, four_rows[row].target, &middle, &h);

          /* The school's marker in its row's colour, over the box. */
          rd_test_assert_pixel_is (surface, x, middle, &palette.series[row], 1);
          /* The target: a line from above the box to below it. */
          rd_test_assert_pixel_is (surface, target, middle - h / 2 - 1.5, &palette.foreground, 8);
          rd_test_assert_pixel_is (surface, target, middle + h / 2 + 1.5, &palette.foreground, 8);
        }

      /* Capacity: no value, so no marker; "not enough answers" instead. */
      x0 = boxplot_x (&data, 2, 0, &middle, &h);
      x100 = boxplot_x (&data, 2, 100, &middle, &h);
      g_assert_cmpuint (rd_test_count_color (surface, x0 - 5, middle - h, x100 - x0 + 10, 2 * h, &palette.series[2], 8),
                        ==, 0);
      g_assert_cmpuint (rd_test_count_color (surface, x100 + 10, middle - h, 800 - x100 - 10, 2 * h,
                                     &palette.foreground, 120), >, 40);

      /* Investment: nobody to compare with, only the label; the scale's
       * lines go on through the row. */
      x0 = boxplot_x (&data, 3, 0, &middle, &h);
      x100 = boxplot_x (&data, 3, 100, &middle, &h);
      for (double v = 5; v < 100; v += 5)
        if (fmod (v, 25) != 0)
          rd_test_assert_pixel_is (surface, boxplot_x (&data, 3, v, &middle, &h), middle, &palette.background, 1);
      g_assert_cmpuint (rd_test_count_color (surface, x100 + 2, middle - h, 800 - x100 - 2, 2 * h,
                                     &palette.foreground, 120), ==, 0);
      g_assert_cmpuint (rd_test_count_color (surface, 0, middle - h / 2, x0 - 2, h, &palette.foreground, 120), >, 40);

      if (all_styles[s] != RD_CHART_STYLE_HIGH_CONTRAST)
        rd_test_save_screenshot (surface, all_styles[s] == RD_CHART_STYLE_LIGHT ? "boxplot-light.png"
                                                                           : "boxplot-dark.png");
      cairo_surface_destroy (surface);
    }
}

/* All the others alike, one other school, numbers out of order, numbers
 * missing: each still draws what it can. */
static void
test_boxplot_degenerate (void)
{
  static const RdBoxplotRow odd[] = {
    { "All equal", 12, 60, 60, 60, 60, 60, 60, 60 },
    { "One school", 1, 42, 42, 42, 42, 42, 80, 10 },
    { "Out of order", 9, 90, 20, 50, 10, 70, -10, 130 },
    { "A quartile missing", 9, 10, NAN, 50, 60, 70, 50, 50 },
  };
  RdBoxplotData data = boxplot_data (odd, G_N_ELEMENTS (odd));
  RdChartPalette palette;
  cairo_surface_t *surface = rd_test_draw_chart (paint_boxplot, &data, RD_CHART_STYLE_LIGHT, 800, 400, &palette);
  double x, middle, h;

  /* All equal: the median's line at 60, the marker on it. */
  x = boxplot_x (&data, 0, 60, &middle, &h);
  rd_test_assert_pixel_is (surface, x, middle - h / 2 + 1, &palette.foreground, 8);
  rd_test_assert_pixel_is (surface, x, middle, &palette.series[0], 1);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 0, 55, &middle, &h), middle, &palette.background, 1);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 0, 65, &middle, &h), middle, &palette.background, 1);

  /* One school: the same at 42; the marker at 10 and the target at 80. */
  x = boxplot_x (&data, 1, 42, &middle, &h);
  rd_test_assert_pixel_is (surface, x, middle - h / 2 + 1, &palette.foreground, 8);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 1, 10, &middle, &h), middle, &palette.series[1], 1);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 1, 80, &middle, &h), middle, &palette.foreground, 8);

  /* Out of order: drawn sorted, 10 to 90 with the box 20–70 and the
   * median 50; the value and target kept on the scale's ends. */
  x = boxplot_x (&data, 2, 50, &middle, &h);
  rd_test_assert_pixel_is (surface, x, middle - h / 2 + 1, &palette.foreground, 8);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 2, 30, &middle, &h), middle - h / 4, &palette.track, 1);
  rd_test_assert_pixel_is (surface, boxplot_x (&data, 2, 5, &middle, &h), middle, &palette.background, 1);
  g_assert_cmpuint (rd_test_count_color (surface, boxplot_x (&data, 2, 100, &middle, &h) - 8, middle - 8, 16, 16,
                                 &palette.series[2], 1), >, 10);

  /* A quartile missing: nothing to draw on the scale. */
  boxplot_x (&data, 3, 0, &middle, &h);
  for (double v = 5; v < 100; v += 5)
    if (fmod (v, 25) != 0)
      rd_test_assert_pixel_is (surface, boxplot_x (&data, 3, v, &middle, &h), middle, &palette.background, 1);
  cairo_surface_destroy (surface);

  /* Nothing, or nowhere, to draw. */
  {
    cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create (empty);
    RdBoxplotData none = data;

    rd_chart_draw_boxplot (cr, 400, 300, NULL, &palette);
    none.n_rows = 0;
    rd_chart_draw_boxplot (cr, 400, 300, &none, &palette);
    none = data;
    none.rows = NULL;
    rd_chart_draw_boxplot (cr, 400, 300, &none, &palette);
    rd_chart_draw_boxplot (cr, 10, 300, &data, &palette);
    rd_chart_draw_boxplot (cr, NAN, 300, &data, &palette);
    cairo_surface_flush (empty);
    for (int py = 0; py < 64; py++)
      for (int px = 0; px < 64; px++)
        g_assert_cmpint (rd_test_pixel_at (empty, px, py).alpha, ==, 0);

    none = data;
    none.missing_text = none.school_label = none.others_label = none.target_label = NULL;
    rd_chart_draw_boxplot (cr, 400, 300, &none, &palette);
    rd_chart_draw_boxplot (cr, 11, 11, &data, &palette);
    rd_chart_draw_boxplot (cr, 1e6, 1e6, &data, &palette);
    rd_chart_draw_boxplot (cr, 120, 900, &data, &palette);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (empty);
  }

  rd_chart_boxplot_geometry (800, 400, 4, 4, 50, &x, &middle, &h);
  g_assert_true (isnan (x) && isnan (middle) && isnan (h));
  rd_chart_boxplot_geometry (800, 400, 4, 1, NAN, &x, &middle, &h);
  g_assert_true (isnan (x));
  g_assert_true (isfinite (middle) && isfinite (h));
  rd_chart_boxplot_geometry (5, 400, 4, 1, 50, &x, &middle, &h);
  g_assert_true (isnan (x) && isnan (middle));
}

/* Both charts on vector surfaces and at odd scales. */
static void
test_vector_surfaces (void)
{
  Schools *schools = schools_new (1000, 7);
  RdHeatmapData heatmap = heatmap_data (schools);
  RdHeatmapData fitted;
  RdBoxplotData boxplot = boxplot_data (four_rows, G_N_ELEMENTS (four_rows));

  heatmap.first_row = 500;
  heatmap.offset = 7;
  heatmap.highlighted_row = 505;
  /* Rows shrunk to fit the height. */
  fitted = heatmap;
  fitted.row_height = 0;
  fitted.n_rows = 40;

  rd_test_draw_on_vector_surfaces (paint_heatmap, &heatmap, 1200, 300);
  rd_test_draw_on_vector_surfaces (paint_heatmap, &fitted, 500, 300);
  rd_test_draw_on_vector_surfaces (paint_boxplot, &boxplot, 500, 300);
  schools_free (schools);
}

/* Pictures to look at: a window of 40 rows out of a thousand schools,
 * light and dark, by area and by factor, and the box plots above. */
static void
test_screenshots (void)
{
  static const struct { RdChartStyle style; RdHeatmapScale scale; guint columns; const char *name; } shots[] = {
    { RD_CHART_STYLE_LIGHT, RD_HEATMAP_SEQUENTIAL, 7, "heatmap-light.png" },
    { RD_CHART_STYLE_DARK, RD_HEATMAP_SEQUENTIAL, 7, "heatmap-dark.png" },
    { RD_CHART_STYLE_LIGHT, RD_HEATMAP_DIVERGING, 4, "heatmap-factors-diverging-light.png" },
    { RD_CHART_STYLE_DARK, RD_HEATMAP_DIVERGING, 4, "heatmap-factors-diverging-dark.png" },
    { RD_CHART_STYLE_HIGH_CONTRAST, RD_HEATMAP_SEQUENTIAL, 7, "heatmap-high-contrast.png" },
  };

  if (g_getenv ("READINESS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("READINESS_SCREENSHOT_DIR is not set");
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (shots); k++)
    {
      Schools *schools = schools_new (1000, shots[k].columns);
      RdHeatmapData data = heatmap_data (schools);
      RdChartPalette palette;
      cairo_surface_t *surface;
      double viewport;

      data.scale = shots[k].scale;
      data.first_row = 500;
      data.offset = 6;
      data.highlighted_row = 512;
      rd_chart_heatmap_visible_rows (1920, 1080, &data, NULL, &viewport);
      g_assert_cmpfloat (viewport / data.row_height, >=, 38);
      surface = rd_test_draw_chart (paint_heatmap, &data, shots[k].style, 1920, 1080, &palette);
      rd_test_save_screenshot (surface, shots[k].name);
      cairo_surface_destroy (surface);

      if (k == 0)
        {
          /* A narrow window: headers written upwards, names shortened. */
          surface = rd_test_draw_chart (paint_heatmap, &data, shots[k].style, 520, 640, &palette);
          rd_test_save_screenshot (surface, "heatmap-narrow-light.png");
          cairo_surface_destroy (surface);
        }
      schools_free (schools);
    }

  /* One school against 999 others on the seven areas. */
  {
    static const RdBoxplotRow areas[] = {
      { "Strategy and leadership", 999, 4, 38, 52, 66, 97, 60, 71 },
      { "Connectivity", 999, 10, 55, 68, 80, 100, 75, 62 },
      { "Devices", 998, 0, 40, 51, 63, 95, 60, NAN },
      { "Staff training and support", 999, 2, 30, 44, 57, 90, 50, 33 },
      { "Cybersecurity and data protection", 997, 0, 28, 41, 55, 92, 50, 47 },
      { "Collaboration and engagement", 999, 5, 35, 49, 61, 94, 50, 58 },
      { "Teaching and learning", 0, NAN, NAN, NAN, NAN, NAN, 60, 64 },
    };
    RdBoxplotData data = boxplot_data (areas, G_N_ELEMENTS (areas));
    RdChartPalette palette;
    cairo_surface_t *surface;

    data.others_label = "999 other schools";
    surface = rd_test_draw_chart (paint_boxplot, &data, RD_CHART_STYLE_LIGHT, 900, 480, &palette);
    rd_test_save_screenshot (surface, "boxplot-areas-light.png");
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts-compare/heatmap/ramp", test_heatmap_ramp);
  g_test_add_func ("/charts-compare/heatmap/cells", test_heatmap_cells);
  g_test_add_func ("/charts-compare/heatmap/cell-centres", test_heatmap_cell_centres);
  g_test_add_func ("/charts-compare/heatmap/below-target", test_heatmap_below_target);
  g_test_add_func ("/charts-compare/heatmap/differences", test_heatmap_differences);
  g_test_add_func ("/charts-compare/heatmap/highlight", test_heatmap_highlight);
  g_test_add_func ("/charts-compare/heatmap/hit", test_heatmap_hit);
  g_test_add_func ("/charts-compare/heatmap/window", test_heatmap_window);
  g_test_add_func ("/charts-compare/heatmap/shared-rows", test_heatmap_shared_rows);
  g_test_add_func ("/charts-compare/heatmap/headers", test_heatmap_headers);
  g_test_add_func ("/charts-compare/heatmap/key", test_heatmap_key);
  g_test_add_func ("/charts-compare/heatmap/degenerate", test_heatmap_degenerate);
  g_test_add_func ("/charts-compare/boxplot/positions", test_boxplot_positions);
  g_test_add_func ("/charts-compare/boxplot/degenerate", test_boxplot_degenerate);
  g_test_add_func ("/charts-compare/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/charts-compare/screenshots", test_screenshots);

  return g_test_run ();
}
