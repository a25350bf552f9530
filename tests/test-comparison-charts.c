/* The data Compare Schools' charts show, built from a real comparison (the
 * three schools of rd-test-comparison.h) and the small framework, and
 * drawn on image surfaces. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-comparison-charts.h"
#include "rd-test-comparison.h"
#include "rd-test-fixtures.h"
#include "rd-test-pixels.h"

enum { ZUID = RD_TEST_ZUIDSCHOOL, FORMULA = RD_TEST_FORMULA, TULP = RD_TEST_TULPSCHOOL, N_SCHOOLS = RD_TEST_N_SCHOOLS };

typedef struct
{
  RdFramework *framework;
  RdComparison *comparison;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->framework = rd_test_load_framework ("small.json");
  fixture->comparison = rd_test_three_schools ();
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_object (&fixture->comparison);
  g_clear_object (&fixture->framework);
}

static RdComparisonHeatmapData *
heatmap_of (Fixture            *fixture,
            RdComparisonColumn  kind)
{
  return rd_comparison_charts_heatmap (fixture->comparison, fixture->framework, kind);
}

static RdComparisonBoxplotData *
boxplot_of (Fixture            *fixture,
            RdComparisonColumn  kind,
            guint               school)
{
  return rd_comparison_charts_boxplot (fixture->comparison, fixture->framework, kind, school);
}

static char *
joined (char **strings,
        guint   n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) copy = NULL;

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, strings[i]);
  copy = g_strv_builder_end (builder);
  return g_strjoinv ("|", copy);
}

static char *
row_names (const RdComparisonHeatmapData *data)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint r = 0; r < data->n_schools; r++)
    g_string_append_printf (names, "%s%s", r > 0 ? "|" : "", data->rows[r].label);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_column_titles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(GStrv) factors = rd_comparison_charts_column_titles (fixture->framework, RD_COMPARISON_COLUMN_FACTOR);
  g_auto(GStrv) areas = rd_comparison_charts_column_titles (fixture->framework, RD_COMPARISON_COLUMN_AREA);
  g_autofree char *factor_text = g_strjoinv ("|", factors);
  g_autofree char *area_text = g_strjoinv ("|", areas);

  g_assert_cmpstr (factor_text, ==, "Strategy|Engagement|Capacity|Investment");
  g_assert_cmpstr (area_text, ==, "Alpha|Beta");
}

/* Every cell is the comparison's value; the marks are its verdicts and
 * its rule for "below target"; areas have no marks. */
static void
test_heatmap_cells (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RdComparisonHeatmapData) factors = heatmap_of (fixture, RD_COMPARISON_COLUMN_FACTOR);
  g_autoptr(RdComparisonHeatmapData) areas = heatmap_of (fixture, RD_COMPARISON_COLUMN_AREA);

  g_assert_cmpuint (factors->n_schools, ==, N_SCHOOLS);
  g_assert_cmpuint (factors->n_columns, ==, RD_N_FACTORS);
  g_assert_cmpstr (factors->label, ==, "Readiness of the schools per success factor");
  for (guint s = 0; s < N_SCHOOLS; s++)
    for (guint f = 0; f < RD_N_FACTORS; f++)
      {
        const RdSchoolScores *scores = rd_comparison_get_school (fixture->comparison, s);
        double value = factors->cells[s * RD_N_FACTORS + f];
        guint8 marks = factors->marks[s * RD_N_FACTORS + f];
        RdFactorDifference difference;

        rd_comparison_get_difference (fixture->comparison, s, f, &difference);
        g_assert_true (value == scores->factor[f] || (isnan (value) && isnan (scores->factor[f])));
        g_assert_cmpint (!!(marks & RD_HEATMAP_MARK_BELOW_TARGET), ==, !isnan (value) && value < scores->target[f]);
        g_assert_cmpint (!!(marks & RD_HEATMAP_MARK_HIGHER), ==, difference.difference == RD_DIFFERENCE_ABOVE);
        g_assert_cmpint (!!(marks & RD_HEATMAP_MARK_LOWER), ==, difference.difference == RD_DIFFERENCE_BELOW);
      }
  /* By hand (see rd-test-comparison.h): clearly above, and clearly below and under target. */
  g_assert_cmpuint (factors->marks[FORMULA * RD_N_FACTORS + RD_FACTOR_STRATEGY], ==, RD_HEATMAP_MARK_HIGHER);
  g_assert_cmpuint (factors->marks[FORMULA * RD_N_FACTORS + RD_FACTOR_ENGAGEMENT], ==,
                    RD_HEATMAP_MARK_LOWER | RD_HEATMAP_MARK_BELOW_TARGET);
  g_assert_cmpuint (factors->marks[ZUID * RD_N_FACTORS + RD_FACTOR_STRATEGY], ==, RD_HEATMAP_MARK_BELOW_TARGET);

  g_assert_cmpuint (areas->n_columns, ==, 2);
  g_assert_cmpstr (areas->label, ==, "Score of the schools per area");
  for (guint s = 0; s < N_SCHOOLS; s++)
    for (guint a = 0; a < 2; a++)
      {
        double value = areas->cells[s * 2 + a];
        double area = rd_comparison_get_school (fixture->comparison, s)->area[a];

        g_assert_true (value == area || (isnan (value) && isnan (area)));
        g_assert_cmpuint (areas->marks[s * 2 + a], ==, RD_HEATMAP_MARK_NONE);
      }
}

static void
assert_rows_in_order (const RdComparisonHeatmapData *data,
                      RdComparisonColumn             column,
                      guint                          index,
                      gboolean                       descending)
{
  g_autoptr(GArray) order = rd_comparison_sort (data->comparison, column, index, descending);

  g_assert_cmpint (data->sort_column, ==, column);
  g_assert_cmpint (data->sort_descending, ==, descending);
  for (guint r = 0; r < order->len; r++)
    {
      guint school = g_array_index (order, guint, r);

      g_assert_cmpuint (g_array_index (data->order, guint, r), ==, school);
      g_assert_cmpuint (data->row_of[school], ==, r);
      g_assert_cmpstr (data->rows[r].label, ==, rd_comparison_get_school (data->comparison, school)->school_name);
      g_assert_true (data->rows[r].scores == &data->cells[school * data->n_columns]);
      g_assert_true (data->rows[r].marks == &data->marks[school * data->n_columns]);
    }
}

/* The rows follow rd_comparison_sort(); the sorted column's header has
 * the arrow. */
static void
test_heatmap_sort (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RdComparisonHeatmapData) heatmap = heatmap_of (fixture, RD_COMPARISON_COLUMN_FACTOR);
  g_autofree char *names = row_names (heatmap);
  g_autofree char *headers = joined (heatmap->headers, heatmap->n_columns);

  g_assert_cmpstr (names, ==, "=SUM(A1,A2)|Tulpschool|Zuidschool");
  g_assert_cmpstr (headers, ==, "Strategy|Engagement|Capacity|Investment");
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_NAME, 0, FALSE);

  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, TRUE);
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, TRUE);
  g_clear_pointer (&names, g_free);
  names = row_names (heatmap);
  g_assert_cmpstr (names, ==, "=SUM(A1,A2)|Tulpschool|Zuidschool");
  g_clear_pointer (&headers, g_free);
  headers = joined (heatmap->headers, heatmap->n_columns);
  g_assert_cmpstr (headers, ==, "Strategy ▼|Engagement|Capacity|Investment");

  /* Furthest below target first: Zuidschool, 30 below; the others reached it. */
  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, TRUE);
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, TRUE);
  g_assert_cmpstr (heatmap->rows[0].label, ==, "Zuidschool");
  g_assert_cmpstr (heatmap->headers[RD_FACTOR_STRATEGY], ==, "Strategy, gap ▼");

  /* An area's order in the factors' table: no header of its own. */
  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_AREA, 1, FALSE);
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_AREA, 1, FALSE);
  g_clear_pointer (&headers, g_free);
  headers = joined (heatmap->headers, heatmap->n_columns);
  g_assert_cmpstr (headers, ==, "Strategy|Engagement|Capacity|Investment");

  /* A column the comparison has not: by name, A to Z. */
  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_AREA, 2, TRUE);
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_GAP, RD_N_FACTORS, TRUE);
  assert_rows_in_order (heatmap, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
}

/* What screen readers and tooltips say is the comparison's figures. */
static void
test_heatmap_words (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RdComparisonHeatmapData) heatmap = heatmap_of (fixture, RD_COMPARISON_COLUMN_FACTOR);
  g_autoptr(RdComparisonHeatmapData) areas = heatmap_of (fixture, RD_COMPARISON_COLUMN_AREA);
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  /* Medians: strategy 30, 62.5, 80; engagement 50, 58; capacity 45;
   * investment 33.3, 70.25, 90. printf writes 62.5 as 62. */
  description = rd_comparison_heatmap_data_describe (heatmap, -1);
  g_assert_cmpstr (description, ==, "3 schools. Sorted by name, A to Z. Medians: Strategy 62, Engagement 54, "
                                    "Capacity 45, Investment 70.");
  g_clear_pointer (&description, g_free);
  description = rd_comparison_heatmap_data_describe (heatmap, ZUID);
  g_assert_true (g_str_has_suffix (description, " Selected: Zuidschool, row 3 of 3: Strategy 30 (below target), "
                                                "Engagement not enough answers, Capacity not enough answers, "
                                                "Investment 90."));
  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, TRUE);
  g_clear_pointer (&description, g_free);
  description = rd_comparison_heatmap_data_describe (heatmap, ZUID);
  g_assert_true (g_str_has_prefix (description, "3 schools. Sorted by the gap to the target for Strategy, largest "
                                                "first. "));
  g_assert_nonnull (strstr (description, "Selected: Zuidschool, row 1 of 3:"));
  g_clear_pointer (&description, g_free);
  description = rd_comparison_heatmap_data_describe (areas, -1);
  g_assert_cmpstr (description, ==, "3 schools. Sorted by name, A to Z. Medians: Alpha 44, Beta 50.");

  tooltip = rd_comparison_heatmap_data_tooltip (heatmap, heatmap->row_of[FORMULA], RD_FACTOR_ENGAGEMENT);
  g_assert_cmpstr (tooltip, ==, "=SUM(A1,A2) · Engagement 50 · target 60 · below target · "
                                "clearly below the other schools");
  g_clear_pointer (&tooltip, g_free);
  tooltip = rd_comparison_heatmap_data_tooltip (heatmap, heatmap->row_of[FORMULA], RD_FACTOR_INVESTMENT);
  g_assert_cmpstr (tooltip, ==, "=SUM(A1,A2) · Investment 70 · target 70 · target reached");
  g_clear_pointer (&tooltip, g_free);
  tooltip = rd_comparison_heatmap_data_tooltip (heatmap, heatmap->row_of[ZUID], RD_FACTOR_CAPACITY);
  g_assert_cmpstr (tooltip, ==, "Zuidschool · Capacity: not enough answers · target 60");
  g_clear_pointer (&tooltip, g_free);
  tooltip = rd_comparison_heatmap_data_tooltip (heatmap, heatmap->row_of[TULP], -1);
  g_assert_cmpstr (tooltip, ==, "Tulpschool · North · Primary education · 25 respondents");
  g_clear_pointer (&tooltip, g_free);
  tooltip = rd_comparison_heatmap_data_tooltip (areas, 0, 1);
  g_assert_cmpstr (tooltip, ==, "=SUM(A1,A2) · Beta: not enough answers");
}

/* Drawn as the data says: every cell in the colour of its score. */
static void
test_heatmap_drawn (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RdComparisonHeatmapData) heatmap = heatmap_of (fixture, RD_COMPARISON_COLUMN_FACTOR);
  RdHeatmapData chart;
  RdChartPalette palette;
  cairo_surface_t *surface;

  rd_comparison_heatmap_data_sort (heatmap, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_INVESTMENT, FALSE);
  rd_comparison_heatmap_data_get_chart (heatmap, &chart);
  g_assert_cmpuint (chart.n_rows, ==, N_SCHOOLS);
  g_assert_cmpint (chart.highlighted_row, ==, -1);
  g_assert_cmpstr (chart.below_target_label, ==, "below target");
  g_assert_cmpstr (chart.columns[RD_FACTOR_INVESTMENT], ==, "Investment ▲");

  surface = rd_test_draw_chart ((RdTestDrawFunc) rd_chart_draw_heatmap, &chart, RD_CHART_STYLE_LIGHT, 900, 400,
                                &palette);
  for (guint r = 0; r < N_SCHOOLS; r++)
    for (guint c = 0; c < RD_N_FACTORS; c++)
      {
        guint school = g_array_index (heatmap->order, guint, r);
        double score = rd_comparison_get_school (fixture->comparison, school)->factor[c];
        cairo_rectangle_t cell;
        RdColor fill;

        g_assert_true (rd_chart_heatmap_cell_rect (900, 400, &chart, r, c, &cell));
        rd_chart_heatmap_color (&palette, RD_HEATMAP_SEQUENTIAL, score, &fill);
        /* Low in the cell's left part: no score, corner or arrow there. */
        if (!isnan (score))
          rd_test_assert_pixel_is (surface, cell.x + 0.2 * cell.width, cell.y + 0.8 * cell.height, &fill, 1);
      }
  rd_test_save_screenshot (surface, "comparison-charts-heatmap.png");
  cairo_surface_destroy (surface);
}

/* One school against the others: their five numbers without it. */
static void
test_boxplot (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RdComparisonBoxplotData) boxplot = boxplot_of (fixture, RD_COMPARISON_COLUMN_FACTOR, TULP);
  g_autoptr(RdComparisonBoxplotData) areas = boxplot_of (fixture, RD_COMPARISON_COLUMN_AREA, ZUID);
  const RdBoxplotRow *strategy = &boxplot->rows[RD_FACTOR_STRATEGY];

  g_assert_cmpuint (boxplot->n_rows, ==, RD_N_FACTORS);
  g_assert_true (boxplot->boxplot.rows == boxplot->rows);
  g_assert_cmpstr (boxplot->boxplot.others_label, ==, "2 other schools");
  g_assert_cmpstr (boxplot->boxplot.target_label, ==, "target");
  g_assert_cmpstr (boxplot->label, ==, "The school against the others per success factor");

  /* Tulpschool 62.5 against 30 and 80. */
  g_assert_cmpstr (strategy->label, ==, "Strategy");
  g_assert_cmpuint (strategy->n, ==, 2);
  g_assert_cmpfloat (strategy->minimum, ==, 30);
  g_assert_cmpfloat (strategy->q1, ==, 42.5);
  g_assert_cmpfloat (strategy->median, ==, 55);
  g_assert_cmpfloat (strategy->q3, ==, 67.5);
  g_assert_cmpfloat (strategy->maximum, ==, 80);
  g_assert_cmpfloat (strategy->value, ==, 62.5);
  g_assert_cmpfloat (strategy->target, ==, 60);
  /* Capacity: only Tulpschool has one; nobody to compare with. */
  g_assert_cmpuint (boxplot->rows[RD_FACTOR_CAPACITY].n, ==, 0);
  g_assert_true (isnan (boxplot->rows[RD_FACTOR_CAPACITY].median));
  g_assert_true (g_str_has_prefix (boxplot->description,
                                   "Tulpschool against 2 other schools. Strategy: 62; the others: median 55, "
                                   "middle half 42 to 68, range 30 to 80; target 60. Engagement: 58; the others: "
                                   "median 50, middle half 50 to 50, range 50 to 50; target 60. Capacity: 45; "
                                   "target 60."));

  /* Areas: no targets. */
  g_assert_cmpuint (areas->n_rows, ==, 2);
  g_assert_null (areas->boxplot.target_label);
  g_assert_cmpstr (areas->label, ==, "The school against the others per area");
  g_assert_true (isnan (areas->rows[0].value));
  g_assert_true (isnan (areas->rows[0].target));
  g_assert_cmpuint (areas->rows[0].n, ==, 2);
  g_assert_cmpfloat (areas->rows[0].median, ==, (75 + 12.5) / 2);
  g_assert_cmpstr (areas->description, ==, "Zuidschool against 2 other schools. Alpha: not enough answers; the "
                                           "others: median 44, middle half 28 to 59, range 12 to 75. Beta: 0; the "
                                           "others: median 100, middle half 100 to 100, range 100 to 100.");
}

/* Drawn through the data's own function, as RdChartView draws it: each
 * school's value marked in its row's colour where the scale puts it. */
static void
test_boxplot_drawn (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RdComparisonBoxplotData) boxplot = boxplot_of (fixture, RD_COMPARISON_COLUMN_FACTOR, FORMULA);
  RdChartPalette palette;
  cairo_surface_t *surface = rd_test_draw_chart ((RdTestDrawFunc) rd_comparison_boxplot_data_draw, boxplot,
                                                 RD_CHART_STYLE_LIGHT, 400, 300, &palette);

  for (guint row = 0; row < boxplot->n_rows; row++)
    {
      double x, middle, height;

      if (isnan (boxplot->rows[row].value))
        continue;
      rd_chart_boxplot_geometry (400, 300, boxplot->n_rows, row, boxplot->rows[row].value, &x, &middle, &height);
      rd_test_assert_pixel_is (surface, x, middle, &palette.series[row], 1);
    }
  rd_test_save_screenshot (surface, "comparison-charts-boxplot.png");
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/comparison-charts/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("column-titles", test_column_titles);
  ADD ("heatmap/cells", test_heatmap_cells);
  ADD ("heatmap/sort", test_heatmap_sort);
  ADD ("heatmap/words", test_heatmap_words);
  ADD ("heatmap/drawn", test_heatmap_drawn);
  ADD ("boxplot", test_boxplot);
  ADD ("boxplot/drawn", test_boxplot_drawn);
#undef ADD

  return g_test_run ();
}
