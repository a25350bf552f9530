#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rd-chart-distribution.h"
#include "rd-chart-draw.h"
#include "rd-chart-heatmap.h"
#include "rd-chart-text.h"
#include "rd-comparison-charts.h"
#include "rd-report-charts.h"
#include "rd-test-fixtures.h"
#include "rd-test-pixels.h"

/* The text of every chart the results and Compare Schools show, drawn
 * with the built-in framework's real labels, on image surfaces of the
 * sizes a window gives them, in the language the test runs in: no text
 * under the caption size, none cut where a short label fits, none on
 * another, and a row (with its marker) for every factor and area. */

/* Widths from a phone's to a wide window's; each chart is as high as its
 * page asks (rd-results-page.ui, rd-compare-window.c). */
static const int widths[] = { 320, 640, 1280 };
#define BARS_HEIGHT 260
#define RADAR_HEIGHT 420
#define TREND_HEIGHT 320
static const int heatmap_heights[] = { 480, 300 };
#define DISTRIBUTION_HEIGHT 320
#define BOXPLOT_HEIGHT(n_rows) (70 + 46 * (int) (n_rows))

static const char *
test_language (void)
{
  const char *language = g_getenv ("READINESS_TEST_LANGUAGE");

  return language != NULL ? language : "C";
}

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  RdResults *results;
} Fixture;

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->results);
  rd_test_store_clear (&fixture->test_store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)


/* The built-in framework, last year and this one, answered by a few groups. */
static void
populate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  gint64 previous;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefscollege", "West Flanders", RD_SCHOOL_TYPE_SECONDARY);
  previous = rd_store_add_assessment (fixture->store, fixture->school_id, "2025-2026", fixture->framework,
                                      RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_store_add_respondents (&fixture->test_store, previous, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER, 3, rand, 0.1);
  rd_test_store_add_respondents (&fixture->test_store, previous, RD_ASSESSMENT_MODE_FULL, RD_GROUP_TEACHER, 8, rand, 0.1);
  fixture->assessment_id = rd_store_add_assessment (fixture->store, fixture->school_id, "2026-2027",
                                                    fixture->framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER, 3, rand, 0.4);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_TEACHER, 10, rand, 0.3);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_SUPPORT_STAFF, 6, rand, 0.5);
  fixture->results = rd_results_load (fixture->store, fixture->framework, fixture->assessment_id, &error);
  g_assert_no_error (error);
}

/* Forty schools with the built-in framework's areas, spread over the scale. */
static RdComparison *
forty_schools (RdFramework *framework)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_scores_free);
  guint n_areas = rd_framework_get_n_areas (framework);
  g_autoptr(GRand) rand = g_rand_new_with_seed (40);

  for (guint i = 0; i < 40; i++)
    {
      RdSchoolScores *school = rd_school_scores_new (n_areas);

      school->school_id = i + 1;
      school->assessment_id = 100 + i;
      school->school_name = g_strdup_printf ("Basisschool De Regenboog %u", i + 1);
      school->region = g_strdup ("Noord");
      school->school_type = RD_SCHOOL_TYPE_PRIMARY;
      school->n_respondents = 12;
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          school->factor[f] = g_rand_double_range (rand, 10, 95);
          school->factor_spread[f] = g_rand_double_range (rand, 2, 20);
          school->target[f] = 60;
        }
      for (guint a = 0; a < n_areas; a++)
        school->area[a] = g_rand_double_range (rand, 5, 100);
      g_ptr_array_add (schools, school);
    }
  return rd_comparison_new (schools, n_areas);
}

typedef void (*DrawFunc) (cairo_t *cr, double width, double height, gpointer data, const RdChartPalette *palette);

/* Draws and returns what text was drawn; a PNG of it for people to look at. */
static GPtrArray *
draw_recorded_on (const char       *name,
                  DrawFunc          draw,
                  gpointer          data,
                  int               width,
                  int               height,
                  cairo_surface_t **surface_out)
{
  GPtrArray *records = g_ptr_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("READINESS_SCREENSHOT_DIR");
  RdChartPalette palette;

  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  rd_chart_set_color (cr, &palette.background, 1.0);
  cairo_paint (cr);
  rd_chart_text_record (records);
  draw (cr, width, height, data, &palette);
  rd_chart_text_record (NULL);
  cairo_destroy (cr);
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("chart-%s-%s-%d.png", test_language (), name, width);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (surface, path);
    }
  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);
  return records;
}

static GPtrArray *
draw_recorded (const char *name,
               DrawFunc    draw,
               gpointer    data,
               int         width,
               int         height)
{
  return draw_recorded_on (name, draw, data, width, height, NULL);
}

/* Whether the row's colour is drawn between @x0 and @x1 at height @y:
 * a marker. */
static gboolean
colour_between (cairo_surface_t *surface,
                const RdColor   *color,
                double           x0,
                double           x1,
                double           y0,
                double           y1)
{
  for (int y = (int) MAX (y0, 0); y < (int) y1 && y < cairo_image_surface_get_height (surface); y++)
    for (int x = (int) MAX (x0, 0); x < (int) x1 && x < cairo_image_surface_get_width (surface); x++)
      if (rd_test_color_distance (rd_test_pixel_at (surface, x, y), color) <= 8)
        return TRUE;
  return FALSE;
}

/* A text as drawn: a line broken on purpose reads as a space. */
static const RdChartTextRecord *
find_text (GPtrArray  *records,
           const char *text)
{
  for (guint i = 0; i < records->len; i++)
    {
      const RdChartTextRecord *r = g_ptr_array_index (records, i);
      g_autofree char *joined = g_strdelimit (g_strdup (r->text), "\n", ' ');

      if (g_str_equal (joined, text))
        return r;
    }
  return NULL;
}

static int
n_breaks (const char *text)
{
  int n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

static double
overlap (double a0, double a1, double b0, double b1)
{
  return MIN (a1, b1) - MAX (a0, b0);
}

/* School names have no short form: the heatmap shortens a long one, and
 * its tooltip and the table say it whole. */
static gboolean
may_be_cut (const char *text)
{
  return g_str_has_prefix (text, "Basisschool ");
}

/* The rules every chart keeps, and the labels it must show whole. */
static void
assert_text (const char         *name,
             GPtrArray          *records,
             int                 width,
             int                 height,
             const char * const *labels,
             guint               n_labels,
             guint               max_label_lines)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  g_test_message ("%s at %d × %d: %u texts", name, width, height, records->len);
  g_assert_cmpuint (records->len, >, 0);
  for (guint i = 0; i < records->len; i++)
    {
      const RdChartTextRecord *r = g_ptr_array_index (records, i);

      if (r->font_size < RD_CHART_MIN_FONT_SIZE - 0.01)
        g_string_append_printf (problems, "\n  " "%s at %d: “%s” is %.1f px, under the caption size", name, width, r->text, r->font_size);
      if (r->ellipsized && !may_be_cut (r->text))
        g_string_append_printf (problems, "\n  " "%s at %d: “%s” is cut", name, width, r->text);
      if (r->x < -0.5 || r->y < -0.5 || r->x + r->width > width + 0.5 || r->y + r->height > height + 0.5)
        g_string_append_printf (problems, "\n  " "%s at %d: “%s” sticks out of the chart", name, width, r->text);
      for (guint j = 0; j < i; j++)
        {
          const RdChartTextRecord *o = g_ptr_array_index (records, j);

          /* Logical boxes hold the line's spacing; a pixel is not an overlap. */
          if (overlap (r->x, r->x + r->width, o->x, o->x + o->width) > 1.0 &&
              overlap (r->y, r->y + r->height, o->y, o->y + o->height) > 1.0)
            g_string_append_printf (problems, "\n  " "%s at %d: “%s” lies on “%s”", name, width, r->text, o->text);
        }
    }
  for (guint l = 0; l < n_labels; l++)
    {
      const RdChartTextRecord *r = find_text (records, labels[l]);

      if (r == NULL)
        g_string_append_printf (problems, "\n  " "%s at %d: “%s” is not written", name, width, labels[l]);
      /* More lines only where the text breaks on purpose. */
      else if (r->n_lines > MAX ((int) max_label_lines, n_breaks (r->text) + 1))
        g_string_append_printf (problems, "\n  " "%s at %d: “%s” takes %d lines", name, width, labels[l], r->n_lines);
    }
  if (problems->len > 0)
    {
      g_printerr ("%s\n", problems->str);
      g_test_fail ();
    }
}

static void
test_factor_bars (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdFactorBarsData) data = NULL;

  populate (&fixture);
  data = rd_report_charts_factor_bars (fixture.results);
  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      g_autoptr(GPtrArray) records = draw_recorded ("bars", rd_factor_bars_data_draw, data,
                                                    widths[s], BARS_HEIGHT);
      const char *labels[RD_N_FACTORS * 2];

      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          labels[f] = rd_factor_get_short_title (f);
          labels[RD_N_FACTORS + f] = data->value_text[f];
        }
      /* A value and its level stay on one line. */
      assert_text ("bars", records, widths[s], BARS_HEIGHT, labels, G_N_ELEMENTS (labels), 1);
    }
}

static void
test_area_radar (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdAreaRadarData) data = NULL;

  populate (&fixture);
  data = rd_report_charts_area_radar (fixture.results, fixture.framework);
  g_assert_cmpuint (data->n_axes, ==, rd_framework_get_n_areas (fixture.framework));
  /* Short titles on the axes; the titles in the table and for screen readers. */
  for (guint a = 0; a < data->n_axes; a++)
    {
      RdArea *area = rd_framework_get_area (fixture.framework, a);

      g_assert_cmpstr (data->axes[a].label, ==, rd_text_get_localized (rd_area_get_short_title (area)));
      g_assert_cmpstr (data->area_titles[a], ==, rd_text_get_localized (rd_area_get_title (area)));
      g_assert_nonnull (strstr (data->description, rd_text_get_localized (rd_area_get_title (area))));
    }
  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      g_autoptr(GPtrArray) records = draw_recorded ("radar", rd_area_radar_data_draw, data,
                                                    widths[s], RADAR_HEIGHT);
      g_autofree const char **labels = g_new0 (const char *, data->n_axes);

      for (guint a = 0; a < data->n_axes; a++)
        labels[a] = rd_text_get_localized (rd_area_get_short_title (rd_framework_get_area (fixture.framework, a)));
      assert_text ("radar", records, widths[s], RADAR_HEIGHT, labels, data->n_axes, 2);
    }
}

static void
test_trend (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdFactorTrendData) data = NULL;

  populate (&fixture);
  data = rd_report_charts_trend (fixture.results);
  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      g_autoptr(GPtrArray) records = draw_recorded ("trend", rd_factor_trend_data_draw, data,
                                                    widths[s], TREND_HEIGHT);

      assert_text ("trend", records, widths[s], TREND_HEIGHT, NULL, 0, 1);
    }
}

static void
test_boxplot (gconstpointer kind_pointer)
{
  RdComparisonColumn kind = GPOINTER_TO_INT (kind_pointer);
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  g_autoptr(RdComparison) comparison = forty_schools (framework);
  RdComparisonBoxplotData *data = rd_comparison_charts_boxplot (comparison, framework, kind, 3);
  g_auto(GStrv) titles = rd_comparison_charts_column_short_titles (framework, kind);
  const char *name = kind == RD_COMPARISON_COLUMN_FACTOR ? "boxplot-factors" : "boxplot-areas";
  g_auto(GStrv) full = rd_comparison_charts_column_titles (framework, kind);

  /* Screen readers hear the titles. */
  for (guint r = 0; full[r] != NULL; r++)
    g_assert_nonnull (strstr (data->description, full[r]));

  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      cairo_surface_t *surface = NULL;
      g_autoptr(GPtrArray) records = draw_recorded_on (name, rd_comparison_boxplot_data_draw, data,
                                                       widths[s], BOXPLOT_HEIGHT (data->n_rows), &surface);
      RdChartPalette palette;

      rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);

      assert_text (name, records, widths[s], BOXPLOT_HEIGHT (data->n_rows), (const char * const *) titles,
                   g_strv_length (titles), 1);
      /* Every row has its school's value, written beside its marker. */
      for (guint r = 0; r < data->n_rows; r++)
        {
          g_autofree char *value = g_strdup_printf ("%.0f", data->rows[r].value);
          const RdChartTextRecord *label = find_text (records, titles[r]);
          gboolean found = FALSE;

          if (label == NULL)
            continue;  /* said above */
          for (guint i = 0; i < records->len && !found; i++)
            {
              const RdChartTextRecord *t = g_ptr_array_index (records, i);

              found = g_str_equal (t->text, value) &&
                      overlap (t->y, t->y + t->height, label->y, label->y + label->height) > 0;
            }
          if (!found)
            g_error ("%s at %d: the row “%s” has no value %s", name, widths[s], titles[r], value);
          /* Its marker before its name, and the school's marker on the scale. */
          if (!colour_between (surface, &palette.series[r % G_N_ELEMENTS (palette.series)],
                               label->x - 2 * RD_CHART_MIN_FONT_SIZE, label->x, label->y, label->y + label->height))
            g_error ("%s at %d: the row “%s” has no marker before its name", name, widths[s], titles[r]);
          if (!colour_between (surface, &palette.series[r % G_N_ELEMENTS (palette.series)],
                               label->x + label->width, widths[s], label->y, label->y + label->height))
            g_error ("%s at %d: the row “%s” has no marker on the scale", name, widths[s], titles[r]);
        }
      cairo_surface_destroy (surface);
    }
  rd_comparison_boxplot_data_free (data);
}

/* As Compare Schools' view draws it: scaled to bring its text to 11 pt,
 * rows 28 pixels high (rd-heatmap-view.c). */
static void
draw_heatmap (cairo_t              *cr,
              double                width,
              double                height,
              gpointer              data,
              const RdChartPalette *palette)
{
  double scale = MIN (width, height) >= 440 ? 11.0 / RD_CHART_MAX_FONT_POINTS : 11.0 / RD_CHART_MIN_FONT_POINTS;
  RdHeatmapData chart;

  rd_comparison_heatmap_data_get_chart (data, &chart);
  chart.first_row = 0;
  chart.offset = 0;
  chart.row_height = 28.0 / scale;
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  rd_chart_draw_heatmap (cr, width / scale, height / scale, &chart, palette);
  cairo_restore (cr);
}

static void
test_heatmap (gconstpointer kind_pointer)
{
  RdComparisonColumn kind = GPOINTER_TO_INT (kind_pointer);
  g_autoptr(RdFramework) framework = rd_framework_load_builtin (NULL);
  g_autoptr(RdComparison) comparison = forty_schools (framework);
  g_autoptr(RdComparisonHeatmapData) data = rd_comparison_charts_heatmap (comparison, framework, kind);
  g_auto(GStrv) titles = rd_comparison_charts_column_short_titles (framework, kind);
  const char *name = kind == RD_COMPARISON_COLUMN_FACTOR ? "heatmap-factors" : "heatmap-areas";
  g_autofree char *tooltip = rd_comparison_heatmap_data_tooltip (data, 0, g_strv_length (titles) - 1);
  g_auto(GStrv) full = rd_comparison_charts_column_titles (framework, kind);

  /* A cell's tooltip names its column in full. */
  g_assert_nonnull (strstr (tooltip, full[g_strv_length (full) - 1]));

  /* The view draws the heatmap at least 360 units wide (rd-heatmap-view.c);
   * in a narrow window it is as low as 300 px, above the side panel. */
  for (guint h = 0; h < G_N_ELEMENTS (heatmap_heights); h++)
    for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
      {
        g_autoptr(GPtrArray) records = draw_recorded (name, draw_heatmap, data, widths[s], heatmap_heights[h]);

        assert_text (name, records, widths[s], heatmap_heights[h], (const char * const *) titles,
                     g_strv_length (titles), 3);
      }
}

typedef struct
{
  RdDistributionRow rows[RD_N_GROUPS];
  char *labels[RD_N_GROUPS];
  const char *bands[RD_CHART_N_BANDS];
  guint n_rows;
} Distribution;

static void
draw_distribution (cairo_t              *cr,
                   double                width,
                   double                height,
                   gpointer              data,
                   const RdChartPalette *palette)
{
  Distribution *d = data;

  rd_chart_draw_distribution (cr, width, height, d->rows, d->n_rows, d->bands, palette);
}

/* The discussion window's answers per group, labelled as it labels them. */
static void
test_distribution (void)
{
  Distribution d = { 0 };
  g_autofree const char **labels = NULL;

  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    d.bands[band] = rd_agreement_get_label (band + 1);
  for (RdGroup g = 0; g < RD_N_GROUPS; g++)
    {
      guint n = 3 + g;

      d.labels[g] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u answer", "%s · %u answers", n),
                                     rd_group_get_title (g), n);
      d.rows[g].label = d.labels[g];
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        d.rows[g].counts[band] = (g + band) % 3;
      d.n_rows++;
    }
  labels = g_new0 (const char *, d.n_rows);
  for (guint r = 0; r < d.n_rows; r++)
    labels[r] = d.labels[r];
  for (guint s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      g_autoptr(GPtrArray) records = draw_recorded ("distribution", draw_distribution, &d,
                                                    widths[s], DISTRIBUTION_HEIGHT);

      assert_text ("distribution", records, widths[s], DISTRIBUTION_HEIGHT, labels, d.n_rows, 3);
    }
  for (guint r = 0; r < d.n_rows; r++)
    g_free (d.labels[r]);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", test_language (), TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("READINESS_TEST_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("READINESS_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-text/factor-bars", test_factor_bars);
  g_test_add_func ("/chart-text/area-radar", test_area_radar);
  g_test_add_func ("/chart-text/trend", test_trend);
  g_test_add_func ("/chart-text/distribution", test_distribution);
  g_test_add_data_func ("/chart-text/boxplot/factors", GINT_TO_POINTER (RD_COMPARISON_COLUMN_FACTOR), test_boxplot);
  g_test_add_data_func ("/chart-text/boxplot/areas", GINT_TO_POINTER (RD_COMPARISON_COLUMN_AREA), test_boxplot);
  g_test_add_data_func ("/chart-text/heatmap/factors", GINT_TO_POINTER (RD_COMPARISON_COLUMN_FACTOR), test_heatmap);
  g_test_add_data_func ("/chart-text/heatmap/areas", GINT_TO_POINTER (RD_COMPARISON_COLUMN_AREA), test_heatmap);

  return g_test_run ();
}
