#pragma once

#include <cairo.h>

#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* Charts drawn into ARGB32 image surfaces and their pixels compared with
 * the palette's colours, or drawn where pixels cannot be looked at. Cairo
 * and the charts' palette only. */
typedef struct
{
  guint8 red, green, blue, alpha;
} RdTestPixel;

RdTestPixel      rd_test_pixel_at          (cairo_surface_t       *surface,
                                            int                    x,
                                            int                    y);
int              rd_test_color_distance    (RdTestPixel            pixel,
                                            const RdColor         *color);
gboolean         rd_test_near_color        (cairo_surface_t       *surface,
                                            double                 x,
                                            double                 y,
                                            const RdColor         *color,
                                            int                    tolerance);
guint            rd_test_count_color       (cairo_surface_t       *surface,
                                            double                 x,
                                            double                 y,
                                            double                 width,
                                            double                 height,
                                            const RdColor         *color,
                                            int                    tolerance);

void             rd_test_assert_pixel_is   (cairo_surface_t       *surface,
                                            double                 x,
                                            double                 y,
                                            const RdColor         *color,
                                            int                    tolerance);
void             rd_test_assert_near_color (cairo_surface_t       *surface,
                                            double                 x,
                                            double                 y,
                                            const RdColor         *color,
                                            int                    tolerance);
void             rd_test_assert_line_near  (cairo_surface_t       *surface,
                                            double                 x,
                                            double                 y,
                                            const RdColor         *color,
                                            const RdColor         *background);

cairo_surface_t *rd_test_new_canvas        (int                    width,
                                            int                    height,
                                            const RdChartPalette  *palette,
                                            cairo_t              **cr);
void             rd_test_finish_canvas     (cairo_t               *cr);
void             rd_test_save_screenshot   (cairo_surface_t       *surface,
                                            const char            *name);

/* A chart's drawing function with its data, as the tests call it. */
typedef void (*RdTestDrawFunc) (cairo_t              *cr,
                                double                width,
                                double                height,
                                gconstpointer         data,
                                const RdChartPalette *palette);

cairo_surface_t *rd_test_draw_chart              (RdTestDrawFunc   draw,
                                                  gconstpointer    data,
                                                  RdChartStyle     style,
                                                  int              width,
                                                  int              height,
                                                  RdChartPalette  *palette);
cairo_surface_t *rd_test_draw_transparent        (RdTestDrawFunc   draw,
                                                  gconstpointer    data,
                                                  double           width,
                                                  double           height,
                                                  int              surface_width,
                                                  int              surface_height);
void             rd_test_assert_draws_cleanly    (RdTestDrawFunc   draw,
                                                  gconstpointer    data,
                                                  double           width,
                                                  double           height);
void             rd_test_assert_draws_nothing    (RdTestDrawFunc   draw,
                                                  gconstpointer    data,
                                                  double           width,
                                                  double           height);
void             rd_test_draw_on_vector_surfaces (RdTestDrawFunc   draw,
                                                  gconstpointer    data,
                                                  double           width,
                                                  double           height);

G_END_DECLS
