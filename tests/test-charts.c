#include "config.h"

#include <cairo.h>
#include <math.h>

#include "rd-chart-meter.h"
#include "rd-chart-palette.h"

typedef struct
{
  guint8 red, green, blue, alpha;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  cairo_surface_flush (surface);
  value = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  /* CAIRO_FORMAT_ARGB32 is premultiplied, native-endian 0xAARRGGBB. */
  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, value >> 24 };
}

static void
assert_pixel_is (cairo_surface_t *surface,
                 int              x,
                 int              y,
                 const RdColor   *color)
{
  Pixel pixel = pixel_at (surface, x, y);

  g_assert_cmpint (pixel.alpha, ==, 255);
  g_assert_cmpint (ABS (pixel.red - (int) round (color->red * 255)), <=, 1);
  g_assert_cmpint (ABS (pixel.green - (int) round (color->green * 255)), <=, 1);
  g_assert_cmpint (ABS (pixel.blue - (int) round (color->blue * 255)), <=, 1);
}

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
  assert_pixel_is (surface, 30, 10, &palette.series[0]);
  assert_pixel_is (surface, 58, 10, &palette.series[0]);
  assert_pixel_is (surface, 62, 10, &palette.track);
  assert_pixel_is (surface, 150, 10, &palette.track);
  /* Rounded ends leave the corners empty. */
  g_assert_cmpint (pixel_at (surface, 0, 0).alpha, ==, 0);
  g_assert_cmpint (pixel_at (surface, 199, 19).alpha, ==, 0);

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
  assert_pixel_is (surface, 590, 40, &palette.series[0]);
  assert_pixel_is (surface, 610, 40, &palette.track);
  cairo_surface_destroy (surface);
}

static void
test_meter_edge_values (void)
{
  RdChartPalette palette;
  cairo_surface_t *surface;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_HIGH_CONTRAST);

  surface = draw_meter (100, 10, 0, &palette);
  assert_pixel_is (surface, 50, 5, &palette.track);
  cairo_surface_destroy (surface);

  surface = draw_meter (100, 10, NAN, &palette);
  assert_pixel_is (surface, 50, 5, &palette.track);
  cairo_surface_destroy (surface);

  surface = draw_meter (100, 10, 7.5, &palette);
  assert_pixel_is (surface, 94, 5, &palette.series[0]);
  cairo_surface_destroy (surface);

  /* Nothing to draw into is not an error. */
  surface = draw_meter (1, 1, 0.5, &palette);
  cairo_surface_destroy (surface);
  {
    cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (empty);

    rd_chart_draw_meter (cr, 0, 0, 0.5, &palette.series[0], &palette);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (pixel_at (empty, 5, 5).alpha, ==, 0);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/meter/fill-boundary", test_meter_fill_boundary);
  g_test_add_func ("/charts/meter/scales", test_meter_scales);
  g_test_add_func ("/charts/meter/edge-values", test_meter_edge_values);
  g_test_add_func ("/charts/palette/contrast", test_palette_contrast);

  return g_test_run ();
}
