#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rd-chart-bars.h"
#include "rd-chart-distribution.h"
#include "rd-chart-export.h"
#include "rd-chart-meter.h"
#include "rd-chart-palette.h"
#include "rd-chart-radar.h"
#include "rd-chart-trend.h"
#include "rd-test-pixels.h"

static cairo_surface_t *
draw_meter (int    width,
            int    height,
            double fraction,
            const RdChartPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  rd_chart_draw_meter (cr, width, height, fraction, &palette->series[0], palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_meter_fill_boundary (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  surface = draw_meter (200, 20, 0.3, &palette);

  /* The fill ends at 30 % of the width: x = 60. */
  rd_test_assert_pixel_is (surface, 30, 10, &palette.series[0], 1);
  rd_test_assert_pixel_is (surface, 58, 10, &palette.series[0], 1);
  rd_test_assert_pixel_is (surface, 62, 10, &palette.track, 1);
  rd_test_assert_pixel_is (surface, 150, 10, &palette.track, 1);
  /* Rounded ends leave the corners empty. */
  g_assert_cmpint (rd_test_pixel_at (surface, 0, 0).alpha, ==, 0);
  g_assert_cmpint (rd_test_pixel_at (surface, 199, 19).alpha, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_meter_scales (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface;

  /* The same drawing at four times the size: the boundary moves with it. */
  rd_chart_palette_init (&palette, RD_CHART_STYLE_DARK);
  surface = draw_meter (800, 80, 0.75, &palette);
  rd_test_assert_pixel_is (surface, 590, 40, &palette.series[0], 1);
  rd_test_assert_pixel_is (surface, 610, 40, &palette.track, 1);
  cairo_surface_destroy (surface);
}

static void
test_meter_edge_values (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_HIGH_CONTRAST);

  surface = draw_meter (100, 10, 0, &palette);
  rd_test_assert_pixel_is (surface, 50, 5, &palette.track, 1);
  cairo_surface_destroy (surface);

  surface = draw_meter (100, 10, NAN, &palette);
  rd_test_assert_pixel_is (surface, 50, 5, &palette.track, 1);
  cairo_surface_destroy (surface);

  surface = draw_meter (100, 10, 7.5, &palette);
  rd_test_assert_pixel_is (surface, 94, 5, &palette.series[0], 1);
  cairo_surface_destroy (surface);

  /* Nothing to draw into is not an error. */
  surface = draw_meter (1, 1, 0.5, &palette);
  cairo_surface_destroy (surface);
  {
    cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (empty);

    rd_chart_draw_meter (cr, 0, 0, 0.5, &palette.series[0], &palette);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (rd_test_pixel_at (empty, 5, 5).alpha, ==, 0);
    cairo_destroy (cr);
    cairo_surface_destroy (empty);
  }
}

static void
test_palette_contrast (void)
{
  static const struct { RdChartStyle style; double minimum; } styles[] = {
    /* WCAG 1.4.11: graphics need 3:1 against their background; high contrast asks more. */
    { RD_CHART_STYLE_LIGHT, 3.0 },
    { RD_CHART_STYLE_DARK, 3.0 },
    { RD_CHART_STYLE_HIGH_CONTRAST, 4.5 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      RdChartPalette palette;

      rd_chart_palette_init (&palette, styles[s].style);
      g_assert_cmpfloat (rd_color_contrast_ratio (&palette.foreground, &palette.background), >=, 7.0);

      for (guint i = 0; i < G_N_ELEMENTS (palette.series); i++)
        {
          double ratio = rd_color_contrast_ratio (&palette.series[i], &palette.background);

          g_test_message ("style %d series %u: %.2f", styles[s].style, i, ratio);
          g_assert_cmpfloat (ratio, >=, styles[s].minimum);

          /* Series must differ from each other, not only from the background. */
          for (guint j = 0; j < i; j++)
            {
              const RdColor *a = &palette.series[i], *b = &palette.series[j];
              double distance = sqrt ((a->red - b->red) * (a->red - b->red) +
                                      (a->green - b->green) * (a->green - b->green) +
                                      (a->blue - b->blue) * (a->blue - b->blue));

              g_assert_cmpfloat (distance, >, 0.3);
            }
        }
    }
}

static double
luminance (RdTestPixel pixel)
{
  return 0.2126 * pixel.red + 0.7152 * pixel.green + 0.0722 * pixel.blue;
}

/* Radar */

static const RdRadarAxis five_axes[] = {
  { "Strategy and leadership", 80, 50 },
  { "Connectivity", 60, 40 },
  { "Devices", 40, 70 },
  { "Staff training and support", 70, 30 },
  { "Teaching and learning", 50, 80 },
};

static const RdTestDrawFunc draw_radar = (RdTestDrawFunc) rd_chart_draw_radar;

static void
test_radar_vertices (void)
{
  RdRadarData data = { five_axes, G_N_ELEMENTS (five_axes), "2026-2027", "2025-2026" };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  surface = rd_test_new_canvas (500, 400, &palette, &cr);
  rd_chart_draw_radar (cr, 500, 400, &data, &palette);
  rd_test_finish_canvas (cr);

  for (guint i = 0; i < data.n_axes; i++)
    {
      double x, y;

      /* The current value's marker in the series colour… */
      rd_chart_radar_point (500, 400, data.n_axes, i, five_axes[i].value, &x, &y);
      rd_test_assert_near_color (surface, x, y, &palette.series[0], 8);

      /* …and the previous value's in the foreground colour. */
      rd_chart_radar_point (500, 400, data.n_axes, i, five_axes[i].previous, &x, &y);
      rd_test_assert_near_color (surface, x, y, &palette.foreground, 8);
    }

  cairo_surface_destroy (surface);
}

static void
test_radar_outer_ring (void)
{
  static const RdRadarAxis axes[] = {
    { "A", 100, NAN }, { "B", 60, NAN }, { "C", 40, NAN }, { "D", 70, NAN }, { "E", 50, NAN },
  };
  RdRadarData data = { axes, G_N_ELEMENTS (axes), "2026-2027", NULL };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double cx, cy, x, y, radius, darkest = G_MAXDOUBLE, darkest_at = 0;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  surface = rd_test_new_canvas (500, 400, &palette, &cr);
  rd_chart_draw_radar (cr, 500, 400, &data, &palette);
  rd_test_finish_canvas (cr);

  rd_chart_radar_point (500, 400, data.n_axes, 0, 0, &cx, &cy);
  rd_chart_radar_point (500, 400, data.n_axes, 0, 100, &x, &y);
  radius = hypot (x - cx, y - cy);
  g_assert_cmpfloat (radius, >, 50);
  /* Axis 0 points straight up. */
  g_assert_cmpfloat (fabs (x - cx), <, 1e-9);
  g_assert_cmpfloat (y, <, cy);
  rd_test_assert_near_color (surface, x, y, &palette.series[0], 8);

  /* Straight down, between axes 2 and 3, the outer ring is the darkest
   * thing around that radius, and it is where value 100 is. */
  for (double d = radius - 8; d <= radius + 8; d += 1)
    {
      double l = luminance (rd_test_pixel_at (surface, (int) floor (cx), (int) floor (cy + d)));

      if (l < darkest)
        {
          darkest = l;
          darkest_at = d;
        }
    }
  g_assert_cmpfloat (fabs (darkest_at - radius), <=, 1.0);
  g_assert_cmpfloat (darkest, <, luminance ((RdTestPixel) { 0xfa, 0xfa, 0xfa, 0xff }) - 20);

  cairo_surface_destroy (surface);
}

static void
test_radar_zero_values (void)
{
  static const RdRadarAxis zeros[] = {
    { "A", 0, NAN }, { "B", 0, NAN }, { "C", 0, NAN }, { "D", 0, NAN }, { "E", 0, NAN },
  };
  static const RdRadarAxis one_zero[] = {
    { "A", 0, NAN }, { "B", 80, NAN }, { "C", 80, NAN }, { "D", 80, NAN }, { "E", 80, NAN },
  };
  RdRadarData data = { zeros, G_N_ELEMENTS (zeros), "2026-2027", NULL };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double cx, cy, x, y, radius;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  rd_chart_radar_point (500, 400, 5, 0, 0, &cx, &cy);
  rd_chart_radar_point (500, 400, 5, 0, 100, &x, &y);
  radius = cy - y;

  /* All zero: the markers meet in the centre, nothing around it is filled. */
  surface = rd_test_new_canvas (500, 400, &palette, &cr);
  rd_chart_draw_radar (cr, 500, 400, &data, &palette);
  rd_test_finish_canvas (cr);
  rd_test_assert_near_color (surface, cx, cy, &palette.series[0], 8);
  /* Half-way between the axes, clear of the values' labels. */
  for (double angle = G_PI / 5; angle < 2 * G_PI; angle += 2 * G_PI / 5)
    rd_test_assert_pixel_is (surface, cx + sin (angle) * radius / 8,
                     cy - cos (angle) * radius / 8, &palette.background, 1);
  cairo_surface_destroy (surface);

  /* One zero: the outline runs through the centre and the area beyond
   * it, towards the zero's axis, stays empty. */
  data.axes = one_zero;
  surface = rd_test_new_canvas (500, 400, &palette, &cr);
  rd_chart_draw_radar (cr, 500, 400, &data, &palette);
  rd_test_finish_canvas (cr);
  rd_test_assert_pixel_is (surface, cx + radius / 10, cy - radius / 6, &palette.background, 1);
  rd_test_assert_pixel_is (surface, cx - radius / 10, cy - radius / 6, &palette.background, 1);
  /* Below the centre it is filled: the series colour at a quarter, so
   * neither the background nor the full colour. */
  {
    RdTestPixel inside = rd_test_pixel_at (surface, (int) floor (cx + radius / 10), (int) floor (cy + radius / 3));

    g_assert_cmpint (rd_test_color_distance (inside, &palette.background), >, 20);
    g_assert_cmpint (rd_test_color_distance (inside, &palette.series[0]), >, 20);
  }
  cairo_surface_destroy (surface);
}

static void
test_radar_scaled (void)
{
  RdRadarData data = { five_axes, G_N_ELEMENTS (five_axes), "2026-2027", "2025-2026" };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A HiDPI window: the same chart in twice the pixels. */
  rd_chart_palette_init (&palette, RD_CHART_STYLE_DARK);
  surface = rd_test_new_canvas (800, 600, &palette, &cr);
  cairo_scale (cr, 2, 2);
  rd_chart_draw_radar (cr, 400, 300, &data, &palette);
  rd_test_finish_canvas (cr);

  for (guint i = 0; i < data.n_axes; i++)
    {
      double x, y;

      rd_chart_radar_point (400, 300, data.n_axes, i, five_axes[i].value, &x, &y);
      rd_test_assert_near_color (surface, 2 * x, 2 * y, &palette.series[0], 8);
    }
  cairo_surface_destroy (surface);
}

static void
test_radar_few_axes (void)
{
  static const RdRadarAxis axes[] = { { "Connectivity", 60, 40 }, { "Devices", 30, NAN } };
  RdRadarData data = { axes, 1, "2026-2027", "2025-2026" };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, cx, cy;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_HIGH_CONTRAST);

  /* One axis: a point on a line straight up. */
  surface = rd_test_new_canvas (400, 300, &palette, &cr);
  rd_chart_draw_radar (cr, 400, 300, &data, &palette);
  rd_test_finish_canvas (cr);
  rd_chart_radar_point (400, 300, 1, 0, 60, &x, &y);
  rd_chart_radar_point (400, 300, 1, 0, 0, &cx, &cy);
  g_assert_cmpfloat (y, <, cy);
  rd_test_assert_near_color (surface, x, y, &palette.series[0], 8);
  cairo_surface_destroy (surface);

  /* Two axes: up and down, joined through the centre. */
  data.n_axes = 2;
  surface = rd_test_new_canvas (400, 300, &palette, &cr);
  rd_chart_draw_radar (cr, 400, 300, &data, &palette);
  rd_test_finish_canvas (cr);
  rd_chart_radar_point (400, 300, 2, 1, 30, &x, &y);
  g_assert_cmpfloat (y, >, cy);
  rd_test_assert_near_color (surface, x, y, &palette.series[0], 8);
  rd_test_assert_line_near (surface, cx, cy + (y - cy) / 2, &palette.series[0], &palette.background);
  cairo_surface_destroy (surface);
}

static void
test_radar_degenerate (void)
{
  static const RdRadarAxis missing[] = {
    { "A", NAN, NAN }, { "B", NAN, NAN }, { "C", NAN, NAN }, { "D", NAN, NAN },
  };
  RdRadarData empty = { NULL, 0, "2026-2027", NULL };
  RdRadarData no_values = { missing, G_N_ELEMENTS (missing), "2026-2027", "2025-2026" };
  RdRadarData five = { five_axes, G_N_ELEMENTS (five_axes), "2026-2027", "2025-2026" };
  double x, y;

  rd_test_assert_draws_nothing (draw_radar, &empty, 400, 300);
  empty.axes = five_axes;
  rd_test_assert_draws_nothing (draw_radar, &empty, 400, 300);
  rd_test_assert_draws_nothing (draw_radar, NULL, 400, 300);
  rd_test_assert_draws_cleanly (draw_radar, &no_values, 400, 300);

  rd_test_assert_draws_nothing (draw_radar, &five, 10, 10);
  rd_test_assert_draws_nothing (draw_radar, &five, 0, 0);
  rd_test_assert_draws_nothing (draw_radar, &five, 400, 0);
  rd_test_assert_draws_nothing (draw_radar, &five, -5, 300);
  rd_test_assert_draws_nothing (draw_radar, &five, NAN, 300);
  rd_test_assert_draws_cleanly (draw_radar, &five, 11, 11);
  rd_test_assert_draws_cleanly (draw_radar, &five, 60, 40);
  rd_test_assert_draws_cleanly (draw_radar, &five, 1e6, 1e6);

  /* No point where nothing is drawn. */
  rd_chart_radar_point (400, 300, 0, 0, 50, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
  rd_chart_radar_point (400, 300, 5, 5, 50, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
  rd_chart_radar_point (400, 300, 5, 1, NAN, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
  rd_chart_radar_point (8, 8, 5, 1, 50, &x, &y);
  g_assert_true (isnan (x) && isnan (y));

  /* Values outside 0–100 are drawn at the ends of the scale. */
  {
    double x100, y100;

    rd_chart_radar_point (400, 300, 5, 2, 140, &x, &y);
    rd_chart_radar_point (400, 300, 5, 2, 100, &x100, &y100);
    g_assert_cmpfloat (x, ==, x100);
    g_assert_cmpfloat (y, ==, y100);
  }
}

/* Factor bars */

typedef struct
{
  const RdFactorBar *bars;
  guint n_bars;
} Bars;

static void
draw_bars (cairo_t              *cr,
           double                width,
           double                height,
           gconstpointer         data,
           const RdChartPalette *palette)
{
  const Bars *bars = data;

  rd_chart_draw_factor_bars (cr, width, height, bars->bars, bars->n_bars, palette);
}

static const RdFactorBar four_bars[] = {
  { "Strategy", 40, 70, TRUE, "40 · Developing" },
  { "Engagement", 80, 60, TRUE, "80 · Leading" },
  { "Capacity", 60, 80, FALSE, "not enough answers" },
  { "Investment", NAN, 50, TRUE, NULL },
};

static cairo_surface_t *
draw_four_bars (RdChartStyle    style,
                RdChartPalette *palette)
{
  static const Bars bars = { four_bars, G_N_ELEMENTS (four_bars) };

  return rd_test_draw_chart (draw_bars, &bars, style, 800, 400, palette);
}

static void
test_bars_target (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface = draw_four_bars (RD_CHART_STYLE_LIGHT, &palette);

  for (guint i = 0; i < G_N_ELEMENTS (four_bars); i++)
    {
      double x, middle, height, top_x, y;

      rd_chart_factor_bars_geometry (800, 400, G_N_ELEMENTS (four_bars), i, four_bars[i].target,
                                     &x, &middle, &height);
      g_assert_cmpfloat (height, >, 6);
      /* The line crosses the whole bar, whatever lies under it. */
      for (y = middle - height / 2 + 0.5; y < middle + height / 2; y += 1)
        rd_test_assert_pixel_is (surface, x, y, &palette.foreground, 1);

      /* A small triangle above it. */
      rd_chart_factor_bars_geometry (800, 400, G_N_ELEMENTS (four_bars), i, 0, &top_x, &middle, &height);
      rd_test_assert_near_color (surface, x, middle - height / 2 - height / 3, &palette.foreground, 8);
    }
  cairo_surface_destroy (surface);
}

static void
test_bars_fill_and_gap (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface = draw_four_bars (RD_CHART_STYLE_LIGHT, &palette);
  double x, x_readiness, x_target, middle, height;
  guint series = 0, track = 0;

  /* Strategy: 40 filled, the gap to 70 hatched, the rest the track. */
  rd_chart_factor_bars_geometry (800, 400, 4, 0, 20, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.series[0], 1);
  rd_chart_factor_bars_geometry (800, 400, 4, 0, 38, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.series[0], 1);

  rd_chart_factor_bars_geometry (800, 400, 4, 0, 40, &x_readiness, &middle, &height);
  rd_chart_factor_bars_geometry (800, 400, 4, 0, 70, &x_target, &middle, &height);
  for (x = x_readiness + 2; x < x_target - 4; x += 1)
    {
      RdTestPixel pixel = rd_test_pixel_at (surface, (int) floor (x), (int) floor (middle));

      if (rd_test_color_distance (pixel, &palette.series[0]) <= 2)
        series++;
      else if (rd_test_color_distance (pixel, &palette.track) <= 2)
        track++;
    }
  g_test_message ("gap: %u pixels in the series colour, %u in the track's", series, track);
  g_assert_cmpuint (series, >, 5);
  g_assert_cmpuint (track, >, 5);

  rd_chart_factor_bars_geometry (800, 400, 4, 0, 75, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);
  rd_chart_factor_bars_geometry (800, 400, 4, 0, 95, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);

  /* Engagement is past its target: filled to 80, no gap. */
  rd_chart_factor_bars_geometry (800, 400, 4, 1, 70, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.series[1], 1);
  rd_chart_factor_bars_geometry (800, 400, 4, 1, 85, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);

  /* Investment has no value: the track only, the target still shown. */
  rd_chart_factor_bars_geometry (800, 400, 4, 3, 25, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);

  cairo_surface_destroy (surface);
}

static void
test_bars_untrusted (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface = draw_four_bars (RD_CHART_STYLE_DARK, &palette);
  double x, middle, height;

  /* Capacity: an outline to 60, the inside the track; no hatching. */
  rd_chart_factor_bars_geometry (800, 400, 4, 2, 30, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);
  rd_test_assert_near_color (surface, x, middle - height / 2 + 1, &palette.series[2], 8);
  rd_chart_factor_bars_geometry (800, 400, 4, 2, 70, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.track, 1);

  cairo_surface_destroy (surface);
}

static void
test_bars_degenerate (void)
{
  static const RdFactorBar odd[] = {
    { NULL, NAN, NAN, TRUE, NULL },
    { "", -20, 250, FALSE, "" },
    { "A name far too long to fit beside a bar in any chart of any reasonable size at all", 100, 0, TRUE,
      "A value text far too long to fit beside a bar in any chart" },
  };
  Bars none = { NULL, 0 }, some = { four_bars, 0 }, strange = { odd, G_N_ELEMENTS (odd) };
  Bars four = { four_bars, G_N_ELEMENTS (four_bars) }, one = { four_bars, 1 };
  double x, middle, height;

  rd_test_assert_draws_nothing (draw_bars, &none, 400, 300);
  rd_test_assert_draws_nothing (draw_bars, &some, 400, 300);
  rd_test_assert_draws_cleanly (draw_bars, &strange, 400, 300);
  rd_test_assert_draws_cleanly (draw_bars, &strange, 40, 30);
  rd_test_assert_draws_cleanly (draw_bars, &one, 400, 300);
  rd_test_assert_draws_nothing (draw_bars, &four, 10, 300);
  rd_test_assert_draws_nothing (draw_bars, &four, 0, 0);
  rd_test_assert_draws_nothing (draw_bars, &four, INFINITY, 300);
  rd_test_assert_draws_cleanly (draw_bars, &four, 11, 11);
  rd_test_assert_draws_cleanly (draw_bars, &four, 1e6, 1e6);

  rd_chart_factor_bars_geometry (400, 300, 4, 4, 50, &x, &middle, &height);
  g_assert_true (isnan (x) && isnan (middle) && isnan (height));
  rd_chart_factor_bars_geometry (400, 300, 4, 1, NAN, &x, &middle, &height);
  g_assert_true (isnan (x));
  g_assert_true (isfinite (middle) && isfinite (height));
}

/* Distribution */

static const char * const five_bands[RD_CHART_N_BANDS] = {
  "Not yet", "Starting", "Developing", "Established", "Leading",
};

static const RdDistributionRow three_groups[] = {
  { "School leaders · 6 answers", { 1, 2, 0, 2, 1 } },
  { "Teachers · 0 answers", { 0, 0, 0, 0, 0 } },
  { "Students · 20 answers", { 2, 3, 5, 6, 4 } },
};

typedef struct
{
  const RdDistributionRow *rows;
  guint n_rows;
} Distribution;

static void
draw_distribution (cairo_t              *cr,
                   double                width,
                   double                height,
                   gconstpointer         data,
                   const RdChartPalette *palette)
{
  const Distribution *distribution = data;

  rd_chart_draw_distribution (cr, width, height, distribution->rows, distribution->n_rows,
                              five_bands, palette);
}

static cairo_surface_t *
draw_three_groups (RdChartStyle    style,
                   int             width,
                   int             height,
                   RdChartPalette *palette)
{
  static const Distribution groups = { three_groups, G_N_ELEMENTS (three_groups) };

  return rd_test_draw_chart (draw_distribution, &groups, style, width, height, palette);
}

static void
test_distribution_geometry (void)
{
  static const int sizes[][2] = { { 1200, 500 }, { 600, 400 }, { 300, 120 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      double width = sizes[k][0], height = sizes[k][1];
      double bar_x = 0, bar_width = 0, previous_y = -1;

      for (guint row = 0; row < G_N_ELEMENTS (three_groups); row++)
        {
          guint total = 0;
          double sum = 0, previous_end, row_y = NAN, row_height = NAN;

          for (guint band = 0; band < RD_CHART_N_BANDS; band++)
            total += three_groups[row].counts[band];

          rd_chart_distribution_geometry (width, height, three_groups, 3, row, 0,
                                          &previous_end, &row_y, &sum, &row_height);
          if (row == 0)
            bar_x = previous_end;
          /* Every row starts at the same place, below the one before. */
          g_assert_cmpfloat (previous_end, ==, bar_x);
          g_assert_cmpfloat (row_y, >, previous_y);
          g_assert_cmpfloat (row_height, >, 1);
          g_assert_cmpfloat (row_y + row_height, <=, height);
          previous_y = row_y + row_height;
          sum = 0;

          for (guint band = 0; band < RD_CHART_N_BANDS; band++)
            {
              double x, y, w, h;

              rd_chart_distribution_geometry (width, height, three_groups, 3, row, band, &x, &y, &w, &h);
              /* Left to right, each starting where the one before ends. */
              g_assert_cmpfloat (fabs (x - previous_end), <, 1e-9);
              g_assert_cmpfloat (y, ==, row_y);
              g_assert_cmpfloat (h, ==, row_height);
              if (three_groups[row].counts[band] == 0)
                g_assert_cmpfloat (w, ==, 0);
              previous_end = x + w;
              sum += w;

              if (row == 0 && band == 0)
                {
                  double x2, y2, w2, h2;

                  /* Two answers take twice the width of one. */
                  rd_chart_distribution_geometry (width, height, three_groups, 3, 0, 1, &x2, &y2, &w2, &h2);
                  g_assert_cmpfloat (fabs (w2 - 2 * w), <, 1e-9);
                }
            }

          if (total == 0)
            {
              g_assert_cmpfloat (sum, ==, 0);
              continue;
            }
          if (bar_width == 0)
            bar_width = sum;
          /* The segments fill the whole bar, the same width in every row,
           * in proportion to the counts. */
          g_assert_cmpfloat (fabs (sum - bar_width), <, 1e-9);
          g_assert_cmpfloat (bar_x + bar_width, <=, width);
          for (guint band = 0; band < RD_CHART_N_BANDS; band++)
            {
              double x, y, w, h;

              rd_chart_distribution_geometry (width, height, three_groups, 3, row, band, &x, &y, &w, &h);
              g_assert_cmpfloat (fabs (w - bar_width * three_groups[row].counts[band] / total), <, 1e-9);
            }
        }
      /* The bars take the larger part of the width. */
      g_assert_cmpfloat (bar_width, >, width / 2);
    }
}

/* The middle of a segment, above its count, is the band's colour, and the
 * count is written in its text colour. */
static void
assert_segments (cairo_surface_t         *surface,
                 int                      width,
                 int                      height,
                 const RdDistributionRow *rows,
                 guint                    n_rows,
                 const RdChartPalette    *palette)
{
  for (guint row = 0; row < n_rows; row++)
    for (guint band = 0; band < RD_CHART_N_BANDS; band++)
      {
        RdColor fill, ink;
        double x, y, w, h;
        gboolean written = FALSE;

        rd_chart_distribution_geometry (width, height, rows, n_rows, row, band, &x, &y, &w, &h);
        if (w < 8)
          continue;
        rd_chart_distribution_band_color (palette, band, &fill);
        rd_chart_distribution_count_color (palette, band, &ink);
        rd_test_assert_pixel_is (surface, x + w / 2, y + h / 5, &fill, 1);
        rd_test_assert_pixel_is (surface, x + 3, y + h / 2, &fill, 1);

        for (double px = x + 2; px < x + w - 2 && !written; px += 1)
          written = rd_test_color_distance (rd_test_pixel_at (surface, (int) floor (px), (int) floor (y + h / 2)),
                                            &ink) <= 16;
        g_assert_true (written);
      }
}

static void
test_distribution_colors (void)
{
  static const RdChartStyle styles[] = { RD_CHART_STYLE_LIGHT, RD_CHART_STYLE_DARK, RD_CHART_STYLE_HIGH_CONTRAST };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      RdChartPalette palette;
      cairo_surface_t *surface = draw_three_groups (styles[s], 1200, 500, &palette);

      assert_segments (surface, 1200, 500, three_groups, 3, &palette);
      cairo_surface_destroy (surface);

      surface = draw_three_groups (styles[s], 600, 400, &palette);
      assert_segments (surface, 600, 400, three_groups, 3, &palette);
      cairo_surface_destroy (surface);
    }
}

static void
test_distribution_gaps (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface = draw_three_groups (RD_CHART_STYLE_LIGHT, 1200, 500, &palette);
  double x, y, w, h;

  /* Between neighbouring segments a thin cut shows the background. */
  rd_chart_distribution_geometry (1200, 500, three_groups, 3, 2, 1, &x, &y, &w, &h);
  rd_test_assert_pixel_is (surface, x, y + h / 5, &palette.background, 1);
  /* Band 2 of the first row is empty: one cut where bands 1 and 3 meet. */
  rd_chart_distribution_geometry (1200, 500, three_groups, 3, 0, 3, &x, &y, &w, &h);
  rd_test_assert_pixel_is (surface, x, y + h / 5, &palette.background, 1);
  cairo_surface_destroy (surface);
}

static void
test_distribution_empty_row (void)
{
  static const RdChartStyle styles[] = { RD_CHART_STYLE_LIGHT, RD_CHART_STYLE_DARK };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      RdChartPalette palette;
      cairo_surface_t *surface = draw_three_groups (styles[s], 1200, 500, &palette);
      double x, y, w, h, bar_x, bar_width = 0;

      /* The bar's extent from a row with answers. */
      rd_chart_distribution_geometry (1200, 500, three_groups, 3, 0, 0, &bar_x, &y, &w, &h);
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        {
          rd_chart_distribution_geometry (1200, 500, three_groups, 3, 0, band, &x, &y, &w, &h);
          bar_width += w;
        }

      /* Teachers answered nothing: all bands empty, the track alone. */
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        {
          rd_chart_distribution_geometry (1200, 500, three_groups, 3, 1, band, &x, &y, &w, &h);
          g_assert_cmpfloat (w, ==, 0);
          g_assert_cmpfloat (x, ==, bar_x);
        }
      for (double f = 0.05; f < 1; f += 0.1)
        rd_test_assert_pixel_is (surface, bar_x + f * bar_width, y + h / 2, &palette.track, 1);
      rd_test_assert_pixel_is (surface, bar_x + bar_width / 2, y + h / 5, &palette.track, 1);
      cairo_surface_destroy (surface);
    }
}

static void
test_distribution_band_colors (void)
{
  static const RdChartStyle styles[] = { RD_CHART_STYLE_LIGHT, RD_CHART_STYLE_DARK, RD_CHART_STYLE_HIGH_CONTRAST };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      RdChartPalette palette;
      RdColor previous = { 0 };

      rd_chart_palette_init (&palette, styles[s]);
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        {
          RdColor fill, ink;
          double ratio;

          rd_chart_distribution_band_color (&palette, band, &fill);
          rd_chart_distribution_count_color (&palette, band, &ink);
          ratio = rd_color_contrast_ratio (&fill, &ink);
          g_test_message ("style %d band %u: text %.2f:1, background %.2f:1", styles[s], band, ratio,
                          rd_color_contrast_ratio (&fill, &palette.background));
          /* WCAG 1.4.3: the counts are normal text. */
          g_assert_cmpfloat (ratio, >=, 4.5);
          g_assert_cmpfloat (fill.alpha, ==, 1.0);

          /* Neighbours must differ, in colour and in lightness, so that
           * they stay apart without hue. */
          if (band > 0)
            {
              double distance = sqrt ((fill.red - previous.red) * (fill.red - previous.red) +
                                      (fill.green - previous.green) * (fill.green - previous.green) +
                                      (fill.blue - previous.blue) * (fill.blue - previous.blue));

              g_assert_cmpfloat (distance, >, 0.25);
              g_assert_cmpfloat (rd_color_contrast_ratio (&fill, &previous), >, 1.2);
            }
          previous = fill;
        }

      /* The ends stand out against the background, light or dark. */
      {
        RdColor low, high;

        rd_chart_distribution_band_color (&palette, 0, &low);
        rd_chart_distribution_band_color (&palette, RD_CHART_N_BANDS - 1, &high);
        g_assert_cmpfloat (rd_color_contrast_ratio (&low, &palette.background), >=, 3.0);
        g_assert_cmpfloat (rd_color_contrast_ratio (&high, &palette.background), >=, 3.0);
      }
    }
}

/* Under the bars, a swatch of every band's colour, also where the names
 * need two lines or only the ends can be named. */
static void
test_distribution_legend (void)
{
  static const int sizes[][2] = { { 1200, 500 }, { 600, 400 }, { 300, 120 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int width = sizes[k][0], height = sizes[k][1];
      RdChartPalette palette;
      cairo_surface_t *surface = draw_three_groups (RD_CHART_STYLE_LIGHT, width, height, &palette);
      double x, y, w, h;

      rd_chart_distribution_geometry (width, height, three_groups, 3, 2, 0, &x, &y, &w, &h);
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        {
          RdColor fill;
          gboolean found = FALSE;

          rd_chart_distribution_band_color (&palette, band, &fill);
          for (int py = (int) ceil (y + h) + 2; py < height && !found; py++)
            for (int px = 0; px < width && !found; px++)
              found = rd_test_color_distance (rd_test_pixel_at (surface, px, py), &fill) <= 1;
          g_assert_true (found);
        }
      cairo_surface_destroy (surface);
    }
}

/* Nothing is drawn outside @width × @height of a larger surface. */
static void
assert_draws_inside (const Distribution *distribution,
                     int                 width,
                     int                 height)
{
  cairo_surface_t *surface = rd_test_draw_transparent (draw_distribution, distribution, width, height, 400, 300);

  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      if (x >= width || y >= height)
        g_assert_cmpint (rd_test_pixel_at (surface, x, y).alpha, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_distribution_degenerate (void)
{
  static const RdDistributionRow odd[] = {
    { NULL, { 0, 0, 0, 0, 0 } },
    { "", { G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT } },
    { "A group with a name far too long to fit beside a bar in any chart of any reasonable size", { 0, 0, 1, 0, 0 } },
  };
  Distribution none = { NULL, 0 }, some = { three_groups, 0 }, strange = { odd, G_N_ELEMENTS (odd) };
  Distribution three = { three_groups, G_N_ELEMENTS (three_groups) };
  double x, y, w, h;

  rd_test_assert_draws_nothing (draw_distribution, &none, 400, 300);
  rd_test_assert_draws_nothing (draw_distribution, &some, 400, 300);
  rd_test_assert_draws_nothing (draw_distribution, &three, 0, 0);
  rd_test_assert_draws_nothing (draw_distribution, &three, 10, 10);
  rd_test_assert_draws_nothing (draw_distribution, &three, -5, 300);
  rd_test_assert_draws_nothing (draw_distribution, &three, NAN, 300);
  rd_test_assert_draws_nothing (draw_distribution, &three, INFINITY, 300);
  rd_test_assert_draws_cleanly (draw_distribution, &strange, 400, 300);
  rd_test_assert_draws_cleanly (draw_distribution, &three, 1e6, 1e6);

  /* Small: the bars alone, and never beyond the chart. */
  assert_draws_inside (&three, 11, 11);
  assert_draws_inside (&three, 40, 30);
  assert_draws_inside (&three, 120, 40);
  assert_draws_inside (&three, 300, 60);
  assert_draws_inside (&strange, 200, 100);
  assert_draws_inside (&strange, 600 / 3, 400 / 3);

  /* A missing legend or missing labels are not an error. */
  {
    RdChartPalette palette;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
    cairo_t *cr = cairo_create (surface);

    rd_chart_palette_init (&palette, RD_CHART_STYLE_DARK);
    rd_chart_draw_distribution (cr, 400, 300, three_groups, 3, NULL, &palette);
    rd_test_finish_canvas (cr);
    cairo_surface_destroy (surface);
  }

  rd_chart_distribution_geometry (400, 300, three_groups, 3, 3, 0, &x, &y, &w, &h);
  g_assert_true (isnan (x) && isnan (y) && isnan (w) && isnan (h));
  rd_chart_distribution_geometry (400, 300, three_groups, 3, 0, RD_CHART_N_BANDS, &x, &y, &w, &h);
  g_assert_true (isnan (x) && isnan (y) && isnan (w) && isnan (h));
  rd_chart_distribution_geometry (400, 300, three_groups, 0, 0, 0, &x, &y, &w, &h);
  g_assert_true (isnan (x) && isnan (y) && isnan (w) && isnan (h));
  rd_chart_distribution_geometry (0, 0, three_groups, 3, 0, 0, &x, &y, &w, &h);
  g_assert_true (isnan (x) && isnan (y) && isnan (w) && isnan (h));
  rd_chart_distribution_geometry (10, 10, three_groups, 3, 0, 0, &x, &y, &w, &h);
  g_assert_true (isnan (x) && isnan (y) && isnan (w) && isnan (h));

  /* Huge counts neither overflow nor leave the bar: five equal shares. */
  {
    double bar_width = 0, first = NAN;

    for (guint band = 0; band < RD_CHART_N_BANDS; band++)
      {
        rd_chart_distribution_geometry (400, 300, three_groups, 3, 0, band, &x, &y, &w, &h);
        bar_width += w;
      }
    for (guint band = 0; band < RD_CHART_N_BANDS; band++)
      {
        rd_chart_distribution_geometry (400, 300, odd, 3, 1, band, &x, &y, &w, &h);
        if (band == 0)
          first = w;
        g_assert_cmpfloat (fabs (w - bar_width / RD_CHART_N_BANDS), <, 1e-6);
        g_assert_cmpfloat (fabs (w - first), <, 1e-6);
      }
    g_assert_cmpfloat (x + w, <=, 400);
  }
}

/* Trend */

static const RdTestDrawFunc draw_trend = (RdTestDrawFunc) rd_chart_draw_trend;

static void
test_trend_points (void)
{
  static const char * const years[] = { "2025-2026", "2026-2027" };
  static const double strategy[] = { 40, 60 }, engagement[] = { 70, 20 };
  static const RdTrendSeries series[] = { { "Strategy", strategy }, { "Engagement", engagement } };
  RdTrendData data = { years, 2, series, 2 };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x0, x1, y;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  surface = rd_test_new_canvas (600, 400, &palette, &cr);
  rd_chart_draw_trend (cr, 600, 400, &data, &palette);
  rd_test_finish_canvas (cr);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 2; i++)
      {
        double x;

        rd_chart_trend_point (600, 400, 2, i, series[s].values[i], &x, &y);
        rd_test_assert_near_color (surface, x, y, &palette.series[s], 8);
      }

  /* The line between the years: halfway, halfway up. */
  rd_chart_trend_point (600, 400, 2, 0, 40, &x0, &y);
  rd_chart_trend_point (600, 400, 2, 1, 50, &x1, &y);
  rd_test_assert_line_near (surface, (x0 + x1) / 2, y, &palette.series[0], &palette.background);

  /* Evenly spaced, value 0 below value 100. */
  {
    double y0, y100;

    rd_chart_trend_point (600, 400, 2, 0, 0, &x0, &y0);
    rd_chart_trend_point (600, 400, 2, 0, 100, &x0, &y100);
    g_assert_cmpfloat (y100, <, y0 - 200);
  }
  cairo_surface_destroy (surface);
}

static void
test_trend_one_year (void)
{
  static const char * const years[] = { "2026-2027" };
  static const double a[] = { 55 }, b[] = { 30 }, c[] = { 75 }, d[] = { 10 };
  static const RdTrendSeries series[] = { { "Strategy", a }, { "Engagement", b }, { "Capacity", c }, { "Investment", d } };
  RdTrendData data = { years, 1, series, 4 };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_HIGH_CONTRAST);
  surface = rd_test_new_canvas (600, 400, &palette, &cr);
  rd_chart_draw_trend (cr, 600, 400, &data, &palette);
  rd_test_finish_canvas (cr);

  for (guint s = 0; s < 4; s++)
    {
      double x, y;

      rd_chart_trend_point (600, 400, 1, 0, series[s].values[0], &x, &y);
      /* A single year sits in the middle of the plot. */
      g_assert_cmpfloat (x, >, 0.4 * 600);
      g_assert_cmpfloat (x, <, 0.6 * 600);
      rd_test_assert_near_color (surface, x, y, &palette.series[s], 8);
    }
  cairo_surface_destroy (surface);
}

static void
test_trend_gaps (void)
{
  static const char * const years[] = { "2023-2024", "2024-2025", "2025-2026", "2026-2027" };
  static const double broken[] = { 40, NAN, 40, 40 };
  static const RdTrendSeries series[] = { { "Strategy", broken } };
  RdTrendData data = { years, 4, series, 1 };
  RdChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x0, x1, x2, x3, y;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  surface = rd_test_new_canvas (600, 400, &palette, &cr);
  rd_chart_draw_trend (cr, 600, 400, &data, &palette);
  rd_test_finish_canvas (cr);

  rd_chart_trend_point (600, 400, 4, 0, 40, &x0, &y);
  rd_chart_trend_point (600, 400, 4, 1, 40, &x1, &y);
  rd_chart_trend_point (600, 400, 4, 2, 40, &x2, &y);
  rd_chart_trend_point (600, 400, 4, 3, 40, &x3, &y);

  /* A missing year is a gap, not a line through it… */
  rd_test_assert_pixel_is (surface, x1, y, &palette.background, 1);
  rd_test_assert_pixel_is (surface, (x1 + x2) / 2, y, &palette.background, 1);
  /* …and the years around it keep their points and lines. */
  rd_test_assert_near_color (surface, x0, y, &palette.series[0], 8);
  rd_test_assert_near_color (surface, x2, y, &palette.series[0], 8);
  rd_test_assert_line_near (surface, (x2 + x3) / 2, y, &palette.series[0], &palette.background);

  rd_chart_trend_point (600, 400, 4, 1, NAN, &x1, &y);
  g_assert_true (isfinite (x1));
  g_assert_true (isnan (y));

  cairo_surface_destroy (surface);
}

static void
test_trend_degenerate (void)
{
  static const char * const years[] = { "2024-2025", NULL, "2026-2027" };
  static const double values[] = { NAN, NAN, NAN };
  static const RdTrendSeries series[] = {
    { "A", values }, { NULL, NULL }, { "C", values }, { "D", values }, { "E", values },
  };
  RdTrendData none = { years, 0, series, 5 };
  RdTrendData no_series = { years, 3, NULL, 4 };
  RdTrendData nan_only = { years, 3, series, 5 };
  RdTrendData no_years = { NULL, 3, series, 2 };
  double x, y;

  rd_test_assert_draws_nothing (draw_trend, &none, 400, 300);
  rd_test_assert_draws_nothing (draw_trend, NULL, 400, 300);
  rd_test_assert_draws_cleanly (draw_trend, &no_series, 400, 300);
  rd_test_assert_draws_cleanly (draw_trend, &nan_only, 400, 300);
  rd_test_assert_draws_cleanly (draw_trend, &no_years, 400, 300);
  rd_test_assert_draws_nothing (draw_trend, &nan_only, 10, 10);
  rd_test_assert_draws_nothing (draw_trend, &nan_only, 0, 300);
  rd_test_assert_draws_cleanly (draw_trend, &nan_only, 11, 11);
  rd_test_assert_draws_cleanly (draw_trend, &nan_only, 1e6, 1e6);

  rd_chart_trend_point (400, 300, 3, 3, 50, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
  rd_chart_trend_point (400, 300, 0, 0, 50, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
}

/* Four factors close together in the last year, as a school saw them:
 * their values must not be written over each other. */
static const char * const close_years[] = { "2024-2025", "2025-2026", "2026-2027" };
static const double close_strategy[] = { 49, 52, 53 }, close_engagement[] = { 37, 41, 57 },
                    close_capacity[] = { 38, 35, 53 }, close_investment[] = { 40, 30, 59 };
static const RdTrendSeries close_series[] = {
  { "Strategy", close_strategy }, { "Engagement", close_engagement },
  { "Capacity", close_capacity }, { "Investment", close_investment },
};

static gboolean
boxes_intersect (const cairo_rectangle_t *a,
                 const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The values of every year of @data at @width × @height: one box per
 * value, no two meeting, inside the plot (from 100 centred on its point
 * down to the axis' years), and in the order of their points. */
static void
assert_labels_apart (const RdTrendData *data,
                     double             width,
                     double             height)
{
  for (guint i = 0; i < data->n_years; i++)
    {
      cairo_rectangle_t boxes[4];
      guint n = rd_chart_trend_label_boxes (width, height, data, i, boxes, G_N_ELEMENTS (boxes));
      guint expected = 0;
      double x, top, bottom;

      rd_chart_trend_point (width, height, data->n_years, i, 100, &x, &top);
      rd_chart_trend_point (width, height, data->n_years, i, 0, &x, &bottom);

      for (guint s = 0; s < data->n_series; s++)
        expected += isnan (data->series[s].values[i]) ? 0 : 1;
      g_assert_cmpuint (n, ==, expected);

      for (guint s = 0; s < data->n_series; s++)
        {
          const cairo_rectangle_t *box = &boxes[s];
          double y;

          rd_chart_trend_point (width, height, data->n_years, i, data->series[s].values[i], &x, &y);
          if (isnan (data->series[s].values[i]))
            {
              g_assert_true (isnan (box->x) && isnan (box->y));
              continue;
            }

          g_assert_cmpfloat (box->width, >, 0);
          g_assert_cmpfloat (box->height, >, 0);
          /* Right of its point, inside the surface and the plot. */
          g_assert_cmpfloat (box->x, >, x);
          g_assert_cmpfloat (box->x + box->width, <=, width);
          g_assert_cmpfloat (box->y, >=, top - box->height / 2 - 1e-6);
          g_assert_cmpfloat (box->y + box->height, <=, bottom + box->height / 2 + 1e-6);

          for (guint t = 0; t < s; t++)
            {
              double other;

              if (isnan (data->series[t].values[i]))
                continue;
              if (boxes_intersect (box, &boxes[t]))
                g_error ("%g x %g, year %u: the values of series %u and %u overlap (%.1f to %.1f, %.1f to %.1f)",
                         width, height, i, t, s, boxes[t].y, boxes[t].y + boxes[t].height,
                         box->y, box->y + box->height);
              /* A higher point keeps the higher value. */
              rd_chart_trend_point (width, height, data->n_years, i, data->series[t].values[i], &x, &other);
              if (other < y)
                g_assert_cmpfloat (boxes[t].y, <, box->y);
              else if (other > y)
                g_assert_cmpfloat (boxes[t].y, >, box->y);
            }
        }
    }
}

static void
test_trend_labels_apart (void)
{
  static const double equal[] = { 53, 53, 53 }, top[] = { 100, 100, 100 }, bottom[] = { 0, 0, 0 };
  static const double some[] = { 53, NAN, 54 };
  static const RdTrendSeries equal_series[] = {
    { "Strategy", equal }, { "Engagement", equal }, { "Capacity", equal }, { "Investment", equal },
  };
  static const RdTrendSeries top_series[] = {
    { "Strategy", top }, { "Engagement", top }, { "Capacity", top }, { "Investment", top },
  };
  static const RdTrendSeries bottom_series[] = {
    { "Strategy", bottom }, { "Engagement", bottom }, { "Capacity", bottom }, { "Investment", bottom },
  };
  static const RdTrendSeries gap_series[] = {
    { "Strategy", some }, { "Engagement", equal }, { "Capacity", some }, { "Investment", bottom },
  };
  /* Each value would rather sit off its own line: above the point of a
   * falling one, below that of a rising one, which would swap these. */
  static const double falling[] = { 53, 52, 52 }, rising[] = { 56, 59, 60 };
  static const RdTrendSeries crossing_series[] = {
    { "Strategy", falling }, { "Engagement", rising },
  };
  static const double sizes[][2] = { { 600, 400 }, { 1920, 1080 }, { 800, 260 }, { 500, 300 }, { 1200, 300 } };
  RdTrendData close = { close_years, 3, close_series, 4 };
  RdTrendData all_equal = { close_years, 3, equal_series, 4 };
  RdTrendData all_top = { close_years, 3, top_series, 4 };
  RdTrendData all_bottom = { close_years, 3, bottom_series, 4 };
  RdTrendData gaps = { close_years, 3, gap_series, 4 };
  RdTrendData crossing = { close_years, 3, crossing_series, 2 };
  cairo_rectangle_t boxes[4];

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      assert_labels_apart (&close, sizes[i][0], sizes[i][1]);
      assert_labels_apart (&all_equal, sizes[i][0], sizes[i][1]);
      assert_labels_apart (&all_top, sizes[i][0], sizes[i][1]);
      assert_labels_apart (&all_bottom, sizes[i][0], sizes[i][1]);
      assert_labels_apart (&gaps, sizes[i][0], sizes[i][1]);
      assert_labels_apart (&crossing, sizes[i][0], sizes[i][1]);
    }

  /* Equal values keep one label each, stacked around their points. */
  g_assert_cmpuint (rd_chart_trend_label_boxes (600, 400, &all_equal, 2, boxes, 4), ==, 4);
  {
    double x, y, high = G_MAXDOUBLE, low = -G_MAXDOUBLE;

    rd_chart_trend_point (600, 400, 3, 2, 53, &x, &y);
    for (guint s = 0; s < 4; s++)
      {
        high = MIN (high, boxes[s].y);
        low = MAX (low, boxes[s].y + boxes[s].height);
      }
    g_assert_cmpfloat (fabs ((high + low) / 2 - y), <, 1);
  }

  /* No room for values: none are laid out, and nothing goes wrong. */
  g_assert_cmpuint (rd_chart_trend_label_boxes (120, 60, &close, 2, boxes, 4), ==, 0);
  g_assert_true (isnan (boxes[0].x));
  g_assert_cmpuint (rd_chart_trend_label_boxes (600, 400, &close, 3, boxes, 4), ==, 0);
  g_assert_cmpuint (rd_chart_trend_label_boxes (600, 400, NULL, 0, boxes, 4), ==, 0);
  g_assert_cmpuint (rd_chart_trend_label_boxes (600, 400, &close, 2, boxes, 2), ==, 4);
  g_assert_true (isfinite (boxes[0].y) && isfinite (boxes[1].y));
}

static gboolean
is_ink (RdTestPixel           pixel,
        const RdChartPalette *palette)
{
  return rd_test_color_distance (pixel, &palette->foreground) <= 64;
}

/* Drawn where the boxes say, on the surface: each box of the crowded year
 * holds the ink of its digits, and the rows between two boxes none. */
static void
test_trend_labels_drawn (void)
{
  static const RdChartStyle styles[] = { RD_CHART_STYLE_LIGHT, RD_CHART_STYLE_DARK };
  RdTrendData close = { close_years, 3, close_series, 4 };
  const int width = 800, height = 360;

  for (guint k = 0; k < G_N_ELEMENTS (styles); k++)
    {
      RdChartPalette palette;
      cairo_surface_t *surface;
      cairo_rectangle_t boxes[4];
      cairo_t *cr;
      guint n;

      rd_chart_palette_init (&palette, styles[k]);
      surface = rd_test_new_canvas (width, height, &palette, &cr);
      rd_chart_draw_trend (cr, width, height, &close, &palette);
      rd_test_finish_canvas (cr);

      n = rd_chart_trend_label_boxes (width, height, &close, 2, boxes, G_N_ELEMENTS (boxes));
      g_assert_cmpuint (n, ==, 4);

      for (guint s = 0; s < 4; s++)
        {
          const cairo_rectangle_t *box = &boxes[s];
          int x0 = (int) floor (box->x), x1 = (int) ceil (box->x + box->width);
          int y0 = (int) floor (box->y), y1 = (int) ceil (box->y + box->height);
          guint ink = 0;

          g_assert_cmpint (x0, >=, 0);
          g_assert_cmpint (y0, >=, 0);
          g_assert_cmpint (x1, <=, width);
          g_assert_cmpint (y1, <=, height);

          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              ink += is_ink (rd_test_pixel_at (surface, x, y), &palette) ? 1 : 0;
          g_assert_cmpuint (ink, >=, 10);

          /* Just above and below the box: no digit reaches out of it. */
          for (int x = x0; x < x1; x++)
            {
              g_assert_false (is_ink (rd_test_pixel_at (surface, x, y0 - 1), &palette));
              g_assert_false (is_ink (rd_test_pixel_at (surface, x, y1), &palette));
            }
        }

      if (styles[k] == RD_CHART_STYLE_LIGHT)
        rd_test_save_screenshot (surface, "trend-labels.png");
      cairo_surface_destroy (surface);
    }
}

/* Every chart on vector surfaces and at odd scales. */
static void
test_vector_surfaces (void)
{
  static const char * const years[] = { "2025-2026", "2026-2027" };
  static const double values[] = { 40, 60 };
  static const RdTrendSeries series[] = { { "Strategy", values } };
  RdTrendData trend = { years, 2, series, 1 };
  RdRadarData radar = { five_axes, G_N_ELEMENTS (five_axes), "2026-2027", "2025-2026" };
  Bars bars = { four_bars, G_N_ELEMENTS (four_bars) };
  Distribution groups = { three_groups, G_N_ELEMENTS (three_groups) };

  rd_test_draw_on_vector_surfaces (draw_radar, &radar, 500, 300);
  rd_test_draw_on_vector_surfaces (draw_bars, &bars, 500, 300);
  rd_test_draw_on_vector_surfaces (draw_trend, &trend, 500, 300);
  rd_test_draw_on_vector_surfaces (draw_distribution, &groups, 500, 300);
}

/* Export */

static void
export_bars (cairo_t              *cr,
             double                width,
             double                height,
             gpointer              data,
             const RdChartPalette *palette)
{
  rd_chart_draw_factor_bars (cr, width, height, four_bars, G_N_ELEMENTS (four_bars), palette);
}

/* Leaves @cr in an error: export must give up. */
static void
export_broken (cairo_t              *cr,
               double                width,
               double                height,
               gpointer              data,
               const RdChartPalette *palette)
{
  rd_chart_draw_factor_bars (cr, width, height, four_bars, G_N_ELEMENTS (four_bars), palette);
  cairo_restore (cr);
}

static char *
make_export_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("readiness-charts-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined by spaces: stray temporary files
 * show up here. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_png (void)
{
  g_autofree char *dir = make_export_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  RdChartPalette palette;
  double x, middle, height;

  g_assert_true (rd_chart_export (export_bars, NULL, RD_CHART_FORMAT_PNG, 640, 400, NULL, NULL, path, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);

  /* White behind, the light palette's colours on it. */
  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  rd_test_assert_pixel_is (surface, 0, 0, &(RdColor) { 1, 1, 1, 1 }, 1);
  rd_chart_factor_bars_geometry (640, 400, 4, 0, 20, &x, &middle, &height);
  rd_test_assert_pixel_is (surface, x, middle, &palette.series[0], 1);
  cairo_surface_destroy (surface);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.png");
  remove_dir (dir);
}

typedef struct
{
  guint depth;
  char *root;
  char *width;
  char *height;
} SvgRoot;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgRoot *root = user_data;

  if (root->depth++ > 0)
    return;
  root->root = g_strdup (element);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "width"))
      root->width = g_strdup (values[i]);
    else if (g_str_equal (names[i], "height"))
      root->height = g_strdup (values[i]);
}

static void
test_export_svg (void)
{
  static const GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *dir = make_export_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParseContext *context;
  SvgRoot root = { 0 };
  gsize length;

  g_assert_true (rd_chart_export (export_bars, NULL, RD_CHART_FORMAT_SVG, 640, 400, NULL, NULL, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &root, NULL);
  /* Skip the XML declaration, which GMarkup does not take. */
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_true (g_markup_parse_context_parse (context, strstr (contents, "?>") + 2, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpstr (root.root, ==, "svg");
  g_assert_cmpstr (root.width, ==, "640pt");
  g_assert_cmpstr (root.height, ==, "400pt");
  g_free (root.root);
  g_free (root.width);
  g_free (root.height);
  remove_dir (dir);
}

static void
test_export_missing_directory (void)
{
  g_autofree char *dir = make_export_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rd_chart_export (export_bars, NULL, RD_CHART_FORMAT_PNG, 640, 400, NULL, NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  /* Once, not repeated by GIO's own message. */
  g_assert_null (strstr (strstr (error->message, path) + strlen (path), path));

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  remove_dir (dir);
}

static void
test_export_replaces (void)
{
  g_autofree char *dir = make_export_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (g_file_set_contents (path, "an old chart", -1, &error));
  g_assert_true (rd_chart_export (export_bars, NULL, RD_CHART_FORMAT_PNG, 320, 200, NULL, NULL, path, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 320);
  cairo_surface_destroy (surface);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.png");
  remove_dir (dir);
}

static void
test_export_failure_keeps_old (void)
{
  g_autofree char *dir = make_export_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.svg", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (old_path, "an old chart", -1, NULL));

  for (guint format = RD_CHART_FORMAT_PNG; format <= RD_CHART_FORMAT_SVG; format++)
    {
      g_autoptr(GError) error = NULL;

      /* Over an existing file: it stays as it was. */
      g_assert_false (rd_chart_export (export_broken, NULL, format, 320, 200, NULL, NULL, old_path, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, old_path));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "an old chart");
      g_clear_pointer (&contents, g_free);

      /* A new file: none is left behind. */
      g_assert_false (rd_chart_export (export_broken, NULL, format, 320, 200, NULL, NULL, new_path, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rd_chart_export (export_bars, NULL, RD_CHART_FORMAT_PNG, 0, 200, NULL, NULL, new_path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "old.svg");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/meter/fill-boundary", test_meter_fill_boundary);
  g_test_add_func ("/charts/meter/scales", test_meter_scales);
  g_test_add_func ("/charts/meter/edge-values", test_meter_edge_values);
  g_test_add_func ("/charts/palette/contrast", test_palette_contrast);
  g_test_add_func ("/charts/radar/vertices", test_radar_vertices);
  g_test_add_func ("/charts/radar/outer-ring", test_radar_outer_ring);
  g_test_add_func ("/charts/radar/zero-values", test_radar_zero_values);
  g_test_add_func ("/charts/radar/scaled", test_radar_scaled);
  g_test_add_func ("/charts/radar/few-axes", test_radar_few_axes);
  g_test_add_func ("/charts/radar/degenerate", test_radar_degenerate);
  g_test_add_func ("/charts/bars/target", test_bars_target);
  g_test_add_func ("/charts/bars/fill-and-gap", test_bars_fill_and_gap);
  g_test_add_func ("/charts/bars/untrusted", test_bars_untrusted);
  g_test_add_func ("/charts/bars/degenerate", test_bars_degenerate);
  g_test_add_func ("/charts/distribution/geometry", test_distribution_geometry);
  g_test_add_func ("/charts/distribution/colors", test_distribution_colors);
  g_test_add_func ("/charts/distribution/gaps", test_distribution_gaps);
  g_test_add_func ("/charts/distribution/empty-row", test_distribution_empty_row);
  g_test_add_func ("/charts/distribution/band-colors", test_distribution_band_colors);
  g_test_add_func ("/charts/distribution/legend", test_distribution_legend);
  g_test_add_func ("/charts/distribution/degenerate", test_distribution_degenerate);
  g_test_add_func ("/charts/trend/points", test_trend_points);
  g_test_add_func ("/charts/trend/one-year", test_trend_one_year);
  g_test_add_func ("/charts/trend/gaps", test_trend_gaps);
  g_test_add_func ("/charts/trend/degenerate", test_trend_degenerate);
  g_test_add_func ("/charts/trend/labels-apart", test_trend_labels_apart);
  g_test_add_func ("/charts/trend/labels-drawn", test_trend_labels_drawn);
  g_test_add_func ("/charts/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/charts/export/png", test_export_png);
  g_test_add_func ("/charts/export/svg", test_export_svg);
  g_test_add_func ("/charts/export/missing-directory", test_export_missing_directory);
  g_test_add_func ("/charts/export/replaces", test_export_replaces);
  g_test_add_func ("/charts/export/failure-keeps-old", test_export_failure_keeps_old);

  return g_test_run ();
}
