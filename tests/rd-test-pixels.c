#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>

#include "rd-test-pixels.h"

RdTestPixel
rd_test_pixel_at (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  value = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  /* CAIRO_FORMAT_ARGB32 is premultiplied, native-endian 0xAARRGGBB. */
  return (RdTestPixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, value >> 24 };
}

/* The largest difference of the three channels, in 0–255. */
int
rd_test_color_distance (RdTestPixel    pixel,
                        const RdColor *color)
{
  int red = ABS (pixel.red - (int) round (color->red * 255));
  int green = ABS (pixel.green - (int) round (color->green * 255));
  int blue = ABS (pixel.blue - (int) round (color->blue * 255));

  return MAX (red, MAX (green, blue));
}

/* Antialiasing blurs edges: somewhere in the 3×3 pixels around (x, y) the
 * colour must be there, within @tolerance per channel. */
gboolean
rd_test_near_color (cairo_surface_t *surface,
                    double           x,
                    double           y,
                    const RdColor   *color,
                    int              tolerance)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  g_assert_true (isfinite (x) && isfinite (y));
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int px = (int) floor (x) + dx, py = (int) floor (y) + dy;

        if (px < 0 || py < 0 || px >= width || py >= height)
          continue;
        if (rd_test_color_distance (rd_test_pixel_at (surface, px, py), color) <= tolerance)
          return TRUE;
      }
  return FALSE;
}

/* How many pixels of the rectangle are within @tolerance of @color. */
guint
rd_test_count_color (cairo_surface_t *surface,
                     double           x,
                     double           y,
                     double           width,
                     double           height,
                     const RdColor   *color,
                     int              tolerance)
{
  int x0 = MAX ((int) ceil (x), 0), y0 = MAX ((int) ceil (y), 0);
  int x1 = MIN ((int) floor (x + width), cairo_image_surface_get_width (surface));
  int y1 = MIN ((int) floor (y + height), cairo_image_surface_get_height (surface));
  guint n = 0;

  for (int py = y0; py < y1; py++)
    for (int px = x0; px < x1; px++)
      n += rd_test_color_distance (rd_test_pixel_at (surface, px, py), color) <= tolerance ? 1 : 0;
  return n;
}

/* The pixel holding (x, y) is opaque and @color, within @tolerance. */
void
rd_test_assert_pixel_is (cairo_surface_t *surface,
                         double           x,
                         double           y,
                         const RdColor   *color,
                         int              tolerance)
{
  RdTestPixel pixel = rd_test_pixel_at (surface, (int) floor (x), (int) floor (y));

  if (pixel.alpha != 255 || rd_test_color_distance (pixel, color) > tolerance)
    g_error ("at (%.1f, %.1f): #%02x%02x%02x (alpha %d), not #%02x%02x%02x", x, y, pixel.red, pixel.green,
             pixel.blue, pixel.alpha, (int) round (color->red * 255), (int) round (color->green * 255),
             (int) round (color->blue * 255));
}

void
rd_test_assert_near_color (cairo_surface_t *surface,
                           double           x,
                           double           y,
                           const RdColor   *color,
                           int              tolerance)
{
  if (!rd_test_near_color (surface, x, y, color, tolerance))
    {
      RdTestPixel pixel = rd_test_pixel_at (surface, (int) floor (x), (int) floor (y));

      g_error ("no colour #%02x%02x%02x near (%.1f, %.1f): #%02x%02x%02x there",
               (int) round (color->red * 255), (int) round (color->green * 255),
               (int) round (color->blue * 255), x, y, pixel.red, pixel.green, pixel.blue);
    }
}

/* For thin lines, which antialiasing spreads over two pixels: somewhere
 * around (x, y) the colour is nearer to @color than to @background. */
void
rd_test_assert_line_near (cairo_surface_t *surface,
                          double           x,
                          double           y,
                          const RdColor   *color,
                          const RdColor   *background)
{
  RdTestPixel reference = {
    (guint8) round (background->red * 255), (guint8) round (background->green * 255),
    (guint8) round (background->blue * 255), 255
  };

  rd_test_assert_near_color (surface, x, y, color, rd_test_color_distance (reference, color) / 2);
}

/* Charts are drawn on their background, as in the app, so every pixel is
 * opaque and can be compared with the palette. */
cairo_surface_t *
rd_test_new_canvas (int                   width,
                    int                   height,
                    const RdChartPalette *palette,
                    cairo_t             **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, palette->background.red, palette->background.green, palette->background.blue);
  cairo_paint (*cr);
  return surface;
}

void
rd_test_finish_canvas (cairo_t *cr)
{
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

/* A PNG to look at in $READINESS_SCREENSHOT_DIR, when it is set. */
void
rd_test_save_screenshot (cairo_surface_t *surface,
                         const char      *name)
{
  const char *dir = g_getenv ("READINESS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
}

/* @draw on a @width × @height canvas in @style's background; @palette
 * gets the style's colours. */
cairo_surface_t *
rd_test_draw_chart (RdTestDrawFunc  draw,
                    gconstpointer   data,
                    RdChartStyle    style,
                    int             width,
                    int             height,
                    RdChartPalette *palette)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  rd_chart_palette_init (palette, style);
  surface = rd_test_new_canvas (width, height, palette, &cr);
  draw (cr, width, height, data, palette);
  rd_test_finish_canvas (cr);
  return surface;
}

/* @draw told of @width × @height on a transparent surface of
 * @surface_width × @surface_height, which the caller destroys. */
cairo_surface_t *
rd_test_draw_transparent (RdTestDrawFunc draw,
                          gconstpointer  data,
                          double         width,
                          double         height,
                          int            surface_width,
                          int            surface_height)
{
  RdChartPalette palette;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, surface_width, surface_height);
  cairo_t *cr = cairo_create (surface);

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  draw (cr, width, height, data, &palette);
  rd_test_finish_canvas (cr);
  return surface;
}

/* Drawing into nothing, or nothing into something, is not an error. */
void
rd_test_assert_draws_cleanly (RdTestDrawFunc draw,
                              gconstpointer  data,
                              double         width,
                              double         height)
{
  cairo_surface_destroy (rd_test_draw_transparent (draw, data, width, height, 64, 64));
}

void
rd_test_assert_draws_nothing (RdTestDrawFunc draw,
                              gconstpointer  data,
                              double         width,
                              double         height)
{
  cairo_surface_t *surface = rd_test_draw_transparent (draw, data, width, height, 64, 64);

  for (int y = 0; y < 64; y++)
    for (int x = 0; x < 64; x++)
      g_assert_cmpint (rd_test_pixel_at (surface, x, y).alpha, ==, 0);
  cairo_surface_destroy (surface);
}

/* On a PDF, an SVG and a recording surface at odd scales, where nothing
 * may be assumed about pixels: drawing must leave no error behind. */
void
rd_test_draw_on_vector_surfaces (RdTestDrawFunc draw,
                                 gconstpointer  data,
                                 double         width,
                                 double         height)
{
  RdChartPalette palette;
  cairo_surface_t *surfaces[3] = {
    cairo_pdf_surface_create (NULL, 500, 300),
    cairo_svg_surface_create (NULL, 500, 300),
    cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL),
  };

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      cairo_t *cr = cairo_create (surfaces[i]);

      cairo_scale (cr, 0.37, 1.9);
      draw (cr, width, height, data, &palette);
      rd_test_finish_canvas (cr);
      cairo_surface_finish (surfaces[i]);
      g_assert_cmpint (cairo_surface_status (surfaces[i]), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surfaces[i]);
    }
}
