/* Times drawing each chart at full-HD size into an image surface, as a
 * window redraw or an export does; no GTK involved:
 *   build/bench/bench-charts [--rounds N] */
#include "config.h"

#include "rd-bench.h"

#include <cairo.h>
#include <math.h>

#include "rd-chart-bars.h"
#include "rd-chart-radar.h"
#include "rd-chart-trend.h"

#define WIDTH 1920
#define HEIGHT 1080

typedef void (*DrawFunc) (cairo_t *cr, gconstpointer data, const RdChartPalette *palette);

static void
draw_radar (cairo_t              *cr,
            gconstpointer         data,
            const RdChartPalette *palette)
{
  rd_chart_draw_radar (cr, WIDTH, HEIGHT, data, palette);
}

static void
draw_bars (cairo_t              *cr,
           gconstpointer         data,
           const RdChartPalette *palette)
{
  rd_chart_draw_factor_bars (cr, WIDTH, HEIGHT, data, 4, palette);
}

static void
draw_trend (cairo_t              *cr,
            gconstpointer         data,
            const RdChartPalette *palette)
{
  rd_chart_draw_trend (cr, WIDTH, HEIGHT, data, palette);
}

/* Each round clears the surface first, as a redraw does, and waits for
 * cairo to finish, so the time is the whole drawing. */
static void
measure (const char           *what,
         DrawFunc              draw,
         gconstpointer         data,
         const RdChartPalette *palette,
         int                   rounds)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  /* Once untimed: fonts are loaded and cached on first use. */
  for (int i = -1; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);
      double elapsed;

      cairo_set_source_rgb (cr, palette->background.red, palette->background.green, palette->background.blue);
      cairo_paint (cr);
      draw (cr, data, palette);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        g_error ("%s: %s", what, cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      elapsed = rd_bench_elapsed_ms (start);
      if (i >= 0)
        g_array_append_val (samples, elapsed);
    }

  cairo_surface_destroy (surface);
  rd_bench_report (what, samples);
}

int
main (int   argc,
      char *argv[])
{
  static const RdRadarAxis axes[] = {
    { "Strategy and leadership", 62, 48 },
    { "Connectivity", 81, 75 },
    { "Devices", 55, 60 },
    { "Staff training and support", 38, 30 },
    { "Cybersecurity and data protection", 44, 41 },
    { "Collaboration and stakeholder engagement", 47, 52 },
    { "Teaching and learning", 70, 58 },
  };
  static const RdFactorBar bars[] = {
    { "Strategy", 62, 75, TRUE, "62 · Established" },
    { "Engagement", 44, 60, TRUE, "44 · Developing" },
    { "Capacity", 31, 50, FALSE, "not enough answers" },
    { "Investment", 82, 70, TRUE, "82 · Leading" },
  };
  static const char * const years[] = { "2022-2023", "2023-2024", "2024-2025", "2025-2026", "2026-2027" };
  static const double strategy[] = { 35, 42, 50, 58, 62 }, engagement[] = { 30, 36, 41, 40, 44 },
                      capacity[] = { 20, 24, 28, 27, 31 }, investment[] = { 60, 66, 71, 78, 82 };
  static const RdTrendSeries series[] = {
    { "Strategy", strategy }, { "Engagement", engagement },
    { "Capacity", capacity }, { "Investment", investment },
  };
  RdRadarData radar = { axes, G_N_ELEMENTS (axes), "2026-2027", "2025-2026" };
  RdTrendData trend = { years, G_N_ELEMENTS (years), series, G_N_ELEMENTS (series) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— time drawing the charts");
  RdChartPalette palette;
  int rounds = 200;
  GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Drawings per chart (default 200)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  rounds = MAX (rounds, 1);

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  g_print ("Readiness chart benchmark: %d x %d ARGB32 image surface, %d rounds each\n", WIDTH, HEIGHT, rounds);

  measure ("radar, 7 axes with the previous assessment", draw_radar, &radar, &palette, rounds);
  measure ("factor bars, 4 factors", draw_bars, bars, &palette, rounds);
  measure ("trend, 4 factors x 5 years", draw_trend, &trend, &palette, rounds);

  return 0;
}
