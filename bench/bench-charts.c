/* Times drawing each chart at full-HD size into an image surface, as a
 * window redraw or an export does; no GTK involved:
 *   build/bench/bench-charts [--rounds N] */
#include "config.h"

#include "rd-bench.h"

#include <cairo.h>
#include <math.h>

#include "rd-chart-bars.h"
#include "rd-chart-boxplot.h"
#include "rd-chart-heatmap.h"
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

static void
draw_heatmap (cairo_t              *cr,
              gconstpointer         data,
              const RdChartPalette *palette)
{
  rd_chart_draw_heatmap (cr, WIDTH, HEIGHT, data, palette);
}

static void
draw_boxplot (cairo_t              *cr,
              gconstpointer         data,
              const RdChartPalette *palette)
{
  rd_chart_draw_boxplot (cr, WIDTH, HEIGHT, data, palette);
}

/* A region of @n_schools with scores for @n_columns areas, some missing
 * and some marked, as the advisors' heatmap shows them; freed with
 * free_schools(). */
static RdHeatmapRow *
make_schools (guint n_schools,
              guint n_columns)
{
  RdHeatmapRow *rows = g_new0 (RdHeatmapRow, n_schools);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint r = 0; r < n_schools; r++)
    {
      double *scores = g_new (double, n_columns);
      guint8 *marks = g_new0 (guint8, n_columns);
      double base = g_rand_double_range (rand, 25, 75);

      for (guint c = 0; c < n_columns; c++)
        {
          scores[c] = g_rand_double (rand) < 0.04 ? NAN : CLAMP (round (base + g_rand_double_range (rand, -25, 25)), 0, 100);
          if (scores[c] < 40)
            marks[c] |= RD_HEATMAP_MARK_BELOW_TARGET;
          if (fabs (scores[c] - 50) > 22)
            marks[c] |= scores[c] > 50 ? RD_HEATMAP_MARK_HIGHER : RD_HEATMAP_MARK_LOWER;
        }
      rows[r].label = g_strdup_printf ("Basisschool De Linde %04u, Zwolle", r + 1);
      rows[r].scores = scores;
      rows[r].marks = marks;
    }
  g_rand_free (rand);
  return rows;
}

static void
free_schools (RdHeatmapRow *rows,
              guint         n_schools)
{
  for (guint r = 0; r < n_schools; r++)
    {
      g_free ((char *) rows[r].label);
      g_free ((double *) rows[r].scores);
      g_free ((guint8 *) rows[r].marks);
    }
  g_free (rows);
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
  static const char * const areas[] = {
    "Strategy and leadership", "Connectivity", "Devices", "Staff training and support",
    "Cybersecurity and data protection", "Collaboration and engagement", "Teaching and learning",
  };
  static const RdBoxplotRow boxes[] = {
    { "Strategy and leadership", 999, 4, 38, 52, 66, 97, 60, 71 },
    { "Connectivity", 999, 10, 55, 68, 80, 100, 75, 62 },
    { "Devices", 998, 0, 40, 51, 63, 95, 60, NAN },
    { "Staff training and support", 999, 2, 30, 44, 57, 90, 50, 33 },
    { "Cybersecurity and data protection", 997, 0, 28, 41, 55, 92, 50, 47 },
    { "Collaboration and engagement", 999, 5, 35, 49, 61, 94, 50, 58 },
    { "Teaching and learning", 0, NAN, NAN, NAN, NAN, NAN, 60, 64 },
  };
  RdHeatmapRow *schools = make_schools (1000, G_N_ELEMENTS (areas));
  /* A scrolled view half-way down, 24 units a row: only its rows drawn. */
  RdHeatmapData heatmap = {
    .rows = schools, .n_rows = 1000, .columns = areas, .n_columns = G_N_ELEMENTS (areas),
    .first_row = 500, .offset = 6, .row_height = 24, .highlighted_row = 510,
    .missing_label = "not enough answers", .below_target_label = "below target",
    .higher_label = "clearly above the region", .lower_label = "clearly below the region",
  };
  RdBoxplotData boxplot = {
    boxes, G_N_ELEMENTS (boxes), "not enough answers", "De Linde", "999 other schools", "target",
  };
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
  measure ("heatmap, 1,000 schools x 7 areas, rows in view", draw_heatmap, &heatmap, &palette, rounds);
  heatmap.scale = RD_HEATMAP_DIVERGING;
  heatmap.first_row = 0;
  heatmap.offset = 0;
  measure ("heatmap, the same from the top, diverging", draw_heatmap, &heatmap, &palette, rounds);
  measure ("box plot, 7 areas, one school against 999", draw_boxplot, &boxplot, &palette, rounds);

  free_schools (schools, 1000);

  return 0;
}
