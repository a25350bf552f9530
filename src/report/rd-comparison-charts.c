#define G_LOG_DOMAIN "rd-comparison-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-comparison-charts.h"

GStrv
rd_comparison_charts_column_titles (RdFramework        *framework,
                                    RdComparisonColumn  kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (kind == RD_COMPARISON_COLUMN_FACTOR || kind == RD_COMPARISON_COLUMN_AREA, NULL);

  if (kind == RD_COMPARISON_COLUMN_FACTOR)
    for (guint f = 0; f < RD_N_FACTORS; f++)
      g_strv_builder_add (builder, rd_factor_get_short_title (f));
  else
    for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
      g_strv_builder_add (builder, rd_text_get_localized (rd_area_get_title (rd_framework_get_area (framework, a))));
  return g_strv_builder_end (builder);
}

GStrv
rd_comparison_charts_column_short_titles (RdFramework        *framework,
                                          RdComparisonColumn  kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (kind == RD_COMPARISON_COLUMN_FACTOR || kind == RD_COMPARISON_COLUMN_AREA, NULL);

  if (kind == RD_COMPARISON_COLUMN_FACTOR)
    return rd_comparison_charts_column_titles (framework, kind);
  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    g_strv_builder_add (builder,
                        rd_text_get_localized (rd_area_get_short_title (rd_framework_get_area (framework, a))));
  return g_strv_builder_end (builder);
}

/* Titled columns the comparison has: the factors, or its areas. */
static guint
count_columns (RdComparison       *comparison,
               RdComparisonColumn  kind,
               GStrv               titles)
{
  guint n = kind == RD_COMPARISON_COLUMN_FACTOR ? RD_N_FACTORS : rd_comparison_get_n_areas (comparison);

  return MIN (g_strv_length (titles), n);
}

/* Heatmap */

static const char *
school_name (const RdComparisonHeatmapData *data,
             guint                          school)
{
  const char *name = rd_comparison_get_school (data->comparison, school)->school_name;

  return name != NULL ? name : "";
}

static char *
format_cell (double score)
{
  /* Translators: a cell of the comparison without a score */
  return isnan (score) ? g_strdup (_("not enough answers")) : g_strdup_printf ("%.0f", score);
}

static guint8
cell_marks (RdComparison *comparison,
            guint         school,
            RdFactor      factor)
{
  RdFactorDifference difference;
  guint8 marks = RD_HEATMAP_MARK_NONE;

  if (rd_comparison_is_below_target (comparison, school, factor))
    marks |= RD_HEATMAP_MARK_BELOW_TARGET;
  rd_comparison_get_difference (comparison, school, factor, &difference);
  if (difference.difference == RD_DIFFERENCE_ABOVE)
    marks |= RD_HEATMAP_MARK_HIGHER;
  else if (difference.difference == RD_DIFFERENCE_BELOW)
    marks |= RD_HEATMAP_MARK_LOWER;
  return marks;
}

RdComparisonHeatmapData *
rd_comparison_charts_heatmap (RdComparison       *comparison,
                              RdFramework        *framework,
                              RdComparisonColumn  kind)
{
  RdComparisonHeatmapData *data;
  gboolean factors = kind == RD_COMPARISON_COLUMN_FACTOR;
  guint n_cells;

  g_return_val_if_fail (RD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (kind == RD_COMPARISON_COLUMN_FACTOR || kind == RD_COMPARISON_COLUMN_AREA, NULL);

  data = g_new0 (RdComparisonHeatmapData, 1);
  data->comparison = g_object_ref (comparison);
  data->kind = kind;
  data->titles = rd_comparison_charts_column_titles (framework, kind);
  data->short_titles = rd_comparison_charts_column_short_titles (framework, kind);
  data->n_columns = count_columns (comparison, kind, data->titles);
  data->n_schools = rd_comparison_get_n_schools (comparison);
  data->label = g_strdup (factors ? _("Readiness of the schools per success factor")
                                  : _("Score of the schools per area"));

  n_cells = MAX (data->n_schools * data->n_columns, 1);
  data->cells = g_new (double, n_cells);
  data->marks = g_new0 (guint8, n_cells);
  data->rows = g_new0 (RdHeatmapRow, MAX (data->n_schools, 1));
  data->row_of = g_new0 (guint, MAX (data->n_schools, 1));

  for (guint s = 0; s < data->n_schools; s++)
    for (guint c = 0; c < data->n_columns; c++)
      {
        data->cells[s * data->n_columns + c] = rd_comparison_get_value (comparison, s, kind, c);
        /* Areas have neither targets nor a test of their differences. */
        if (factors)
          data->marks[s * data->n_columns + c] = cell_marks (comparison, s, c);
      }

  rd_comparison_heatmap_data_sort (data, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  return data;
}

void
rd_comparison_heatmap_data_free (RdComparisonHeatmapData *data)
{
  if (data == NULL)
    return;

  g_clear_object (&data->comparison);
  g_strfreev (data->titles);
  g_strfreev (data->short_titles);
  g_strfreev (data->headers);
  g_free (data->cells);
  g_free (data->marks);
  g_free (data->rows);
  g_clear_pointer (&data->order, g_array_unref);
  g_free (data->row_of);
  g_free (data->label);
  g_free (data);
}

static gboolean
sort_is_valid (RdComparisonHeatmapData *data,
               RdComparisonColumn       column,
               guint                    index)
{
  switch (column)
    {
    case RD_COMPARISON_COLUMN_NAME:
      return TRUE;
    case RD_COMPARISON_COLUMN_FACTOR:
    case RD_COMPARISON_COLUMN_GAP:
      return index < RD_N_FACTORS;
    case RD_COMPARISON_COLUMN_AREA:
      return index < rd_comparison_get_n_areas (data->comparison);
    default:
      return FALSE;
    }
}

static void
update_headers (RdComparisonHeatmapData *data)
{
  const char *arrow = data->sort_descending ? "▼" : "▲";

  g_strfreev (data->headers);
  data->headers = g_new0 (char *, data->n_columns + 1);
  for (guint c = 0; c < data->n_columns; c++)
    {
      if (data->sort_column == data->kind && data->sort_index == c)
        data->headers[c] = g_strdup_printf ("%s %s", data->short_titles[c], arrow);
      else if (data->sort_column == RD_COMPARISON_COLUMN_GAP && data->kind == RD_COMPARISON_COLUMN_FACTOR &&
               data->sort_index == c)
        /* Translators: the header of a factor's column when sorted by its gap to target; %s: an arrow */
        data->headers[c] = g_strdup_printf (_("%s, gap %s"), data->short_titles[c], arrow);
      else
        data->headers[c] = g_strdup (data->short_titles[c]);
    }
}

void
rd_comparison_heatmap_data_sort (RdComparisonHeatmapData *data,
                                 RdComparisonColumn       column,
                                 guint                    index,
                                 gboolean                 descending)
{
  g_return_if_fail (data != NULL);

  if (!sort_is_valid (data, column, index))
    {
      column = RD_COMPARISON_COLUMN_NAME;
      descending = FALSE;
    }
  data->sort_column = column;
  data->sort_index = column == RD_COMPARISON_COLUMN_NAME ? 0 : index;
  data->sort_descending = descending;
  update_headers (data);

  g_clear_pointer (&data->order, g_array_unref);
  data->order = rd_comparison_sort (data->comparison, data->sort_column, data->sort_index, data->sort_descending);
  for (guint r = 0; r < data->order->len; r++)
    {
      guint school = g_array_index (data->order, guint, r);

      data->rows[r] = (RdHeatmapRow) {
        .label = school_name (data, school),
        .scores = data->n_columns > 0 ? &data->cells[school * data->n_columns] : NULL,
        .marks = data->n_columns > 0 ? &data->marks[school * data->n_columns] : NULL,
      };
      data->row_of[school] = r;
    }
}

void
rd_comparison_heatmap_data_get_chart (const RdComparisonHeatmapData *data,
                                      RdHeatmapData                 *chart)
{
  gboolean factors;

  g_return_if_fail (data != NULL);
  g_return_if_fail (chart != NULL);

  factors = data->kind == RD_COMPARISON_COLUMN_FACTOR;
  *chart = (RdHeatmapData) {
    .rows = data->rows,
    .n_rows = data->n_schools,
    .columns = (const char * const *) data->headers,
    .n_columns = data->n_columns,
    .scale = RD_HEATMAP_SEQUENTIAL,
    .highlighted_row = -1,
    .missing_label = _("not enough answers"),
    /* Areas have neither targets nor a test of their differences. */
    .below_target_label = factors ? _("below target") : NULL,
    .higher_label = factors ? _("clearly above the other schools") : NULL,
    .lower_label = factors ? _("clearly below the other schools") : NULL,
  };
}

static char *
sort_description (const RdComparisonHeatmapData *data)
{
  const char *title = NULL;

  if (data->sort_column == RD_COMPARISON_COLUMN_NAME)
    return g_strdup (data->sort_descending ? _("Sorted by name, Z to A") : _("Sorted by name, A to Z"));
  if (data->sort_column == RD_COMPARISON_COLUMN_GAP)
    return g_strdup_printf (data->sort_descending ? _("Sorted by the gap to the target for %s, largest first")
                                                  : _("Sorted by the gap to the target for %s, smallest first"),
                            rd_factor_get_short_title (data->sort_index));
  if (data->sort_column == data->kind && data->sort_index < data->n_columns)
    title = data->titles[data->sort_index];
  else if (data->sort_column == RD_COMPARISON_COLUMN_FACTOR)
    title = rd_factor_get_short_title (data->sort_index);
  return g_strdup_printf (data->sort_descending ? _("Sorted by %s, highest first") : _("Sorted by %s, lowest first"),
                          title != NULL ? title : "");
}

char *
rd_comparison_heatmap_data_describe (const RdComparisonHeatmapData *data,
                                     int                            school)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sort = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (school < (int) data->n_schools, NULL);

  sort = sort_description (data);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u school. %s.", "%u schools. %s.", data->n_schools),
                          data->n_schools, sort);
  g_string_append (text, " ");
  g_string_append (text, _("Medians:"));
  for (guint c = 0; c < data->n_columns; c++)
    {
      RdDistribution distribution;
      g_autofree char *median = NULL;

      rd_comparison_get_distribution (data->comparison, data->kind, c, &distribution);
      median = format_cell (distribution.median);
      g_string_append_printf (text, " %s %s%s", data->titles[c], median, c + 1 < data->n_columns ? "," : ".");
    }

  if (school >= 0)
    {
      g_string_append (text, " ");
      /* Translators: the selected school and its row, "Selected: De Linde, row 3 of 48:" */
      g_string_append_printf (text, _("Selected: %s, row %d of %u:"), school_name (data, (guint) school),
                              (int) data->row_of[school] + 1, data->n_schools);
      for (guint c = 0; c < data->n_columns; c++)
        {
          guint cell = (guint) school * data->n_columns + c;
          g_autofree char *value = format_cell (data->cells[cell]);

          g_string_append_printf (text, " %s %s", data->titles[c], value);
          if (data->marks[cell] & RD_HEATMAP_MARK_BELOW_TARGET)
            g_string_append_printf (text, " (%s)", _("below target"));
          g_string_append (text, c + 1 < data->n_columns ? "," : ".");
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
rd_comparison_heatmap_data_tooltip (const RdComparisonHeatmapData *data,
                                    guint                          row,
                                    int                            column)
{
  const RdSchoolScores *scores;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint school;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (row < data->n_schools, NULL);
  g_return_val_if_fail (column < (int) data->n_columns, NULL);

  school = g_array_index (data->order, guint, row);
  scores = rd_comparison_get_school (data->comparison, school);
  g_ptr_array_add (parts, g_strdup (school_name (data, school)));

  if (column < 0)
    {
      if (scores->region != NULL && scores->region[0] != '\0')
        g_ptr_array_add (parts, g_strdup (scores->region));
      if (scores->school_type != RD_SCHOOL_TYPE_UNSET)
        g_ptr_array_add (parts, g_strdup (rd_school_type_get_title (scores->school_type)));
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents",
                                                            scores->n_respondents), scores->n_respondents));
    }
  else
    {
      double value = data->cells[school * data->n_columns + (guint) column];
      guint8 marks = data->marks[school * data->n_columns + (guint) column];

      if (isnan (value))
        /* Translators: "Capacity: not enough answers" in a cell's tooltip */
        g_ptr_array_add (parts, g_strdup_printf (_("%s: not enough answers"), data->titles[column]));
      else
        g_ptr_array_add (parts, g_strdup_printf ("%s %.0f", data->titles[column], value));

      if (data->kind == RD_COMPARISON_COLUMN_FACTOR && !isnan (scores->target[column]))
        {
          /* Translators: "target 65" in a cell's tooltip */
          g_ptr_array_add (parts, g_strdup_printf (_("target %.0f"), scores->target[column]));
          if (marks & RD_HEATMAP_MARK_BELOW_TARGET)
            g_ptr_array_add (parts, g_strdup (_("below target")));
          else if (!isnan (value))
            g_ptr_array_add (parts, g_strdup (_("target reached")));
        }
      if (marks & RD_HEATMAP_MARK_HIGHER)
        g_ptr_array_add (parts, g_strdup (_("clearly above the other schools")));
      else if (marks & RD_HEATMAP_MARK_LOWER)
        g_ptr_array_add (parts, g_strdup (_("clearly below the other schools")));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Box plot */

RdComparisonBoxplotData *
rd_comparison_charts_boxplot (RdComparison       *comparison,
                              RdFramework        *framework,
                              RdComparisonColumn  kind,
                              guint               school)
{
  const RdSchoolScores *scores;
  g_autoptr(GString) description = g_string_new (NULL);
  RdComparisonBoxplotData *data;
  gboolean factors = kind == RD_COMPARISON_COLUMN_FACTOR;
  guint n_others;

  g_return_val_if_fail (RD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (kind == RD_COMPARISON_COLUMN_FACTOR || kind == RD_COMPARISON_COLUMN_AREA, NULL);
  g_return_val_if_fail (school < rd_comparison_get_n_schools (comparison), NULL);

  scores = rd_comparison_get_school (comparison, school);
  n_others = rd_comparison_get_n_schools (comparison) - 1;
  data = g_new0 (RdComparisonBoxplotData, 1);
  data->row_labels = rd_comparison_charts_column_titles (framework, kind);
  data->short_labels = rd_comparison_charts_column_short_titles (framework, kind);
  data->n_rows = count_columns (comparison, kind, data->row_labels);
  data->rows = g_new0 (RdBoxplotRow, MAX (data->n_rows, 1));
  data->others_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other school", "%u other schools", n_others),
                                        n_others);
  data->label = g_strdup (factors ? _("The school against the others per success factor")
                                  : _("The school against the others per area"));

  /* Translators: the start of the box plot's description for screen readers */
  g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%s against %u other school.",
                                                    "%s against %u other schools.", n_others),
                          scores->school_name, n_others);
  for (guint i = 0; i < data->n_rows; i++)
    {
      RdBoxplotRow *row = &data->rows[i];
      RdDistribution others;
      g_autofree char *value = NULL;

      rd_comparison_get_others_distribution (comparison, school, kind, i, &others);
      *row = (RdBoxplotRow) {
        .label = data->short_labels[i],
        .n = others.n,
        .minimum = others.min,
        .q1 = others.q1,
        .median = others.median,
        .q3 = others.q3,
        .maximum = others.max,
        .target = factors ? scores->target[i] : NAN,
        .value = rd_comparison_get_value (comparison, school, kind, i),
      };

      value = isnan (row->value) ? g_strdup (_("not enough answers")) : g_strdup_printf ("%.0f", row->value);
      g_string_append_printf (description, " %s: %s", data->row_labels[i], value);
      if (row->n > 0)
        /* Translators: the other schools' five numbers in the box plot's description */
        g_string_append_printf (description, _("; the others: median %.0f, middle half %.0f to %.0f, range %.0f to %.0f"),
                                row->median, row->q1, row->q3, row->minimum, row->maximum);
      if (!isnan (row->target))
        g_string_append_printf (description, _("; target %.0f"), row->target);
      g_string_append (description, ".");
    }
  data->description = g_string_free (g_steal_pointer (&description), FALSE);

  data->boxplot = (RdBoxplotData) {
    .rows = data->rows,
    .n_rows = data->n_rows,
    .missing_text = _("not enough answers"),
    /* Short: the legend is one line in a narrow panel, and the panel
     * names the school and explains the box under the chart. */
    .school_label = _("this school"),
    .others_label = data->others_label,
    .target_label = factors ? _("target") : NULL,
  };
  return data;
}

void
rd_comparison_boxplot_data_free (RdComparisonBoxplotData *data)
{
  if (data == NULL)
    return;

  g_free (data->rows);
  g_strfreev (data->row_labels);
  g_strfreev (data->short_labels);
  g_free (data->others_label);
  g_free (data->label);
  g_free (data->description);
  g_free (data);
}

void
rd_comparison_boxplot_data_draw (cairo_t              *cr,
                                 double                width,
                                 double                height,
                                 gpointer              data,
                                 const RdChartPalette *palette)
{
  rd_chart_draw_boxplot (cr, width, height, &((RdComparisonBoxplotData *) data)->boxplot, palette);
}
