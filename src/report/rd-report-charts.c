#define G_LOG_DOMAIN "rd-report-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-report-charts.h"

char *
rd_report_format_score (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.0f", value);
}

char *
rd_report_format_group_factor (const RdGroupResult *group,
                               RdFactor             factor)
{
  const RdFactorResult *result;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (factor < RD_N_FACTORS, NULL);

  result = &group->factors[factor];
  if (result->trusted)
    return rd_report_format_score (result->readiness);
  if (result->n_items == 0)
    return rd_report_format_score (NAN);
  return g_strdup (rd_anonymity_get_hidden_text ());
}

char *
rd_report_format_difference (RdGroupComparison      *comparison,
                             const RdItemDifference *difference)
{
  GString *figures = g_string_new (NULL);

  for (guint v = 0; v < rd_group_comparison_get_n_groups (comparison); v++)
    {
      const char *title = rd_group_comparison_get_group (comparison, v)->title;

      if (figures->len > 0)
        g_string_append (figures, " · ");
      if (difference->shown[v])
        /* Translators: a group's mean score on an item and its spread, "Teacher 50 (± 20)" */
        g_string_append_printf (figures, _("%s %.0f (± %.0f)"), title, difference->mean[v], difference->spread[v]);
      else if (!rd_group_comparison_view_is_asked (comparison, v, difference->item))
        g_string_append_printf (figures, _("%s: %s"), title, rd_group_not_asked_text ());
      else
        /* Translators: a group whose figure on an item is hidden, "Parent: too few answers" */
        g_string_append_printf (figures, _("%s: %s"), title, rd_anonymity_get_hidden_text ());
    }
  /* Translators: the gap between the highest and lowest group, after their scores */
  g_string_append_printf (figures, _(" · difference %.0f"), difference->difference);
  return g_string_free (figures, FALSE);
}

RdFactorBarsData *
rd_report_charts_factor_bars (RdResults *results)
{
  RdAnalysis *analysis;
  RdFactorBarsData *data;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_val_if_fail (RD_IS_RESULTS (results), NULL);

  analysis = rd_results_get_analysis (results);
  data = g_new0 (RdFactorBarsData, 1);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (analysis, f, &result);
      data->target[f] = g_strdup_printf ("%.0f", result.target);

      if (result.trusted)
        {
          data->readiness[f] = rd_report_format_score (result.readiness);
          data->level[f] = g_strdup (rd_level_get_title (rd_level_for_score (result.readiness)));
          data->gap[f] = g_strdup_printf ("%.0f", result.gap);
          /* Translators: what a factor's bar says at its end, "62 · Established" */
          data->value_text[f] = g_strdup_printf (_("%s · %s"), data->readiness[f], data->level[f]);
          /* Translators: part of a chart's description for screen readers */
          g_string_append_printf (description, _("%s: readiness %s (%s), target %s, gap %s. "),
                                  rd_factor_get_short_title (f), data->readiness[f], data->level[f],
                                  data->target[f], data->gap[f]);
        }
      else
        {
          data->readiness[f] = g_strdup ("–");
          data->level[f] = g_strdup (_("not enough answers"));
          data->gap[f] = g_strdup ("–");
          data->value_text[f] = g_strdup (_("not enough answers"));
          g_string_append_printf (description, _("%s: not enough answers, target %s. "),
                                  rd_factor_get_short_title (f), data->target[f]);
        }

      data->bars[f] = (RdFactorBar) {
        .label = rd_factor_get_short_title (f),
        .readiness = result.readiness,
        .target = result.target,
        .trusted = result.trusted,
        .value_text = data->value_text[f],
      };
    }

  data->description = g_strdup (g_strstrip (description->str));
  return data;
}

void
rd_factor_bars_data_free (RdFactorBarsData *data)
{
  if (data == NULL)
    return;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_free (data->readiness[f]);
      g_free (data->level[f]);
      g_free (data->target[f]);
      g_free (data->gap[f]);
      g_free (data->value_text[f]);
    }
  g_free (data->description);
  g_free (data);
}

void
rd_factor_bars_data_draw (cairo_t              *cr,
                          double                width,
                          double                height,
                          gpointer              data,
                          const RdChartPalette *palette)
{
  RdFactorBarsData *bars = data;

  rd_chart_draw_factor_bars (cr, width, height, bars->bars, RD_N_FACTORS, palette);
}

/* "1.0 and 2.0", "1.0, 1.5 and 2.0" */
static char *
join_versions (GPtrArray *versions)
{
  g_autoptr(GString) joined = g_string_new (g_ptr_array_index (versions, 0));

  for (guint i = 1; i < versions->len; i++)
    {
      if (i + 1 < versions->len)
        g_string_append_printf (joined, _(", %s"), (const char *) g_ptr_array_index (versions, i));
      else
        /* Translators: the last of a list of versions, "1.0 and 2.0" */
        g_string_append_printf (joined, _(" and %s"), (const char *) g_ptr_array_index (versions, i));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
trend_editions_note (RdResults *results)
{
  GPtrArray *versions;
  g_autofree char *joined = NULL;
  guint n_items;

  if (!rd_results_get_trend_editions (results, &n_items, &versions))
    return NULL;

  joined = join_versions (versions);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "These school years were answered with versions %s of the framework. So "
                                       "that they compare, the trend counts only the %u question that is the same "
                                       "in all of them; each year’s own figures count all its questions.",
                                       "These school years were answered with versions %s of the framework. So "
                                       "that they compare, the trend counts only the %u questions that are the "
                                       "same in all of them; each year’s own figures count all its questions.",
                                       n_items),
                          joined, n_items);
}

static char *
previous_editions_note (RdResults   *results,
                        RdFramework *framework)
{
  RdAssessment *previous = rd_results_get_previous_assessment (results);
  RdAssessment *shown = rd_results_get_assessment (results);
  const char *version;

  if (previous == NULL || rd_results_get_previous (results) == NULL)
    return NULL;
  version = rd_assessment_get_framework_version (previous);
  if (g_strcmp0 (version, rd_assessment_get_framework_version (shown)) == 0)
    return NULL;

  /* Translators: "2025-2026 was answered with version 1.0 of the framework: …" */
  return g_strdup_printf (_("%s was answered with version %s of the framework: its scores here count only its "
                            "answers to questions that are the same in version %s."),
                          rd_assessment_get_school_year (previous), version,
                          rd_framework_get_version (framework));
}

RdAreaRadarData *
rd_report_charts_area_radar (RdResults   *results,
                             RdFramework *framework)
{
  RdAnalysis *analysis, *previous;
  RdAssessment *assessment, *previous_assessment;
  RdAreaRadarData *data;
  g_autoptr(GString) description = g_string_new (NULL);
  guint n_areas;

  g_return_val_if_fail (RD_IS_RESULTS (results), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  analysis = rd_results_get_analysis (results);
  previous = rd_results_get_previous (results);
  assessment = rd_results_get_assessment (results);
  previous_assessment = rd_results_get_previous_assessment (results);
  n_areas = rd_framework_get_n_areas (framework);

  data = g_new0 (RdAreaRadarData, 1);
  data->axes = g_new0 (RdRadarAxis, MAX (n_areas, 1));
  data->area_titles = g_new0 (char *, n_areas + 1);
  data->axis_labels = g_new0 (char *, n_areas + 1);
  data->current_label = g_strdup (rd_assessment_get_school_year (assessment));
  if (previous != NULL && previous_assessment != NULL)
    data->previous_label = g_strdup (rd_assessment_get_school_year (previous_assessment));

  for (guint a = 0; a < n_areas; a++)
    {
      RdArea *area = rd_framework_get_area (framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (framework, rd_area_get_id (area),
                                                            rd_assessment_get_mode (assessment));
      RdRadarAxis *axis;
      g_autofree char *value = NULL;

      /* A pulse check leaves some areas without items: no axis for them. */
      if (items->len == 0)
        continue;

      axis = &data->axes[data->n_axes];
      /* The axes carry the short titles; tables and the description the titles. */
      data->area_titles[data->n_axes] = g_strdup (rd_text_get_localized (rd_area_get_title (area)));
      data->axis_labels[data->n_axes] = g_strdup (rd_text_get_localized (rd_area_get_short_title (area)));
      axis->label = data->axis_labels[data->n_axes];
      axis->value = rd_analysis_get_area_score (analysis, rd_area_get_id (area), NULL);
      axis->previous = data->previous_label != NULL
                       ? rd_analysis_get_area_score (previous, rd_area_get_id (area), NULL) : NAN;
      data->n_axes++;

      value = rd_report_format_score (axis->value);
      if (data->previous_label != NULL)
        {
          g_autofree char *before = rd_report_format_score (axis->previous);

          /* Translators: part of a chart's description, "Connectivity 70 (2025-2026: 55). " */
          g_string_append_printf (description, _("%s %s (%s: %s). "), rd_text_get_localized (rd_area_get_title (area)),
                                  value,
                                  data->previous_label, before);
        }
      else
        g_string_append_printf (description, _("%s %s. "), rd_text_get_localized (rd_area_get_title (area)), value);
    }

  data->radar = (RdRadarData) {
    .axes = data->axes,
    .n_axes = data->n_axes,
    .current_label = data->current_label,
    .previous_label = data->previous_label,
  };
  data->description = g_strdup (g_strstrip (description->str));
  data->editions_note = previous_editions_note (results, framework);
  return data;
}

void
rd_area_radar_data_free (RdAreaRadarData *data)
{
  if (data == NULL)
    return;

  g_strfreev (data->area_titles);
  g_strfreev (data->axis_labels);
  g_free (data->axes);
  g_free (data->current_label);
  g_free (data->previous_label);
  g_free (data->description);
  g_free (data->editions_note);
  g_free (data);
}

void
rd_area_radar_data_draw (cairo_t              *cr,
                         double                width,
                         double                height,
                         gpointer              data,
                         const RdChartPalette *palette)
{
  rd_chart_draw_radar (cr, width, height, &((RdAreaRadarData *) data)->radar, palette);
}

RdFactorTrendData *
rd_report_charts_trend (RdResults *results)
{
  RdFactorTrendData *data;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GStrvBuilder) years = g_strv_builder_new ();
  guint n_years;

  g_return_val_if_fail (RD_IS_RESULTS (results), NULL);

  n_years = rd_results_get_n_years (results);
  data = g_new0 (RdFactorTrendData, 1);

  for (guint y = 0; y < n_years; y++)
    g_strv_builder_add (years, rd_results_get_year (results, y));
  data->years = g_strv_builder_end (years);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      data->values[f] = g_new (double, MAX (n_years, 1));
      g_string_append_printf (description, "%s:", rd_factor_get_short_title (f));
      for (guint y = 0; y < n_years; y++)
        {
          g_autofree char *value = NULL;

          data->values[f][y] = rd_results_get_trend (results, y, f);
          value = rd_report_format_score (data->values[f][y]);
          g_string_append_printf (description, " %s %s%s", data->years[y], value, y + 1 < n_years ? "," : ".");
        }
      g_string_append_c (description, ' ');
      data->series[f] = (RdTrendSeries) { rd_factor_get_short_title (f), data->values[f] };
    }

  data->trend = (RdTrendData) {
    .years = (const char * const *) data->years,
    .n_years = n_years,
    .series = data->series,
    .n_series = RD_N_FACTORS,
  };
  data->description = g_strdup (g_strstrip (description->str));
  data->editions_note = trend_editions_note (results);
  return data;
}

void
rd_factor_trend_data_free (RdFactorTrendData *data)
{
  if (data == NULL)
    return;

  g_strfreev (data->years);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    g_free (data->values[f]);
  g_free (data->description);
  g_free (data->editions_note);
  g_free (data);
}

void
rd_factor_trend_data_draw (cairo_t              *cr,
                           double                width,
                           double                height,
                           gpointer              data,
                           const RdChartPalette *palette)
{
  rd_chart_draw_trend (cr, width, height, &((RdFactorTrendData *) data)->trend, palette);
}
