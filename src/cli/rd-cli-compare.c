#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-cli.h"
#include "rd-comparison-export.h"
#include "rd-comparison.h"

typedef struct
{
  RdFramework *framework;
  RdComparison *comparison;
  GArray *order;             /* school indices, sorted */
  const char *school_year;
  const char *region;
  RdSchoolType school_type;    /* RD_SCHOOL_TYPE_UNSET: all */
  const char *sort;
  gboolean descending;
} Compare;

/* The words of the comparison export (data/formats/COMPARISON-EXPORT.md). */
static const char * const difference_ids[] = { "not different", "higher", "lower" };

static gboolean
parse_sort (RdFramework        *framework,
            const char         *key,
            RdComparisonColumn *column,
            guint              *index)
{
  RdFactor factor;

  *index = 0;
  if (g_str_equal (key, "name"))
    {
      *column = RD_COMPARISON_COLUMN_NAME;
      return TRUE;
    }
  if (rd_factor_from_id (key, &factor))
    {
      *column = RD_COMPARISON_COLUMN_FACTOR;
      *index = factor;
      return TRUE;
    }
  if (g_str_has_prefix (key, "gap-") && rd_factor_from_id (key + strlen ("gap-"), &factor))
    {
      *column = RD_COMPARISON_COLUMN_GAP;
      *index = factor;
      return TRUE;
    }
  if (g_str_has_prefix (key, "area-"))
    {
      for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
        if (g_str_equal (rd_area_get_id (rd_framework_get_area (framework, a)), key + strlen ("area-")))
          {
            *column = RD_COMPARISON_COLUMN_AREA;
            *index = a;
            return TRUE;
          }
    }
  return FALSE;
}

static const char *
area_title (RdFramework *framework,
            guint        area)
{
  return rd_text_get_localized (rd_area_get_title (rd_framework_get_area (framework, area)));
}

static const char *
area_id (RdFramework *framework,
         guint        area)
{
  return rd_area_get_id (rd_framework_get_area (framework, area));
}

static const char *
difference_id (const RdFactorDifference *difference)
{
  return difference->tested ? difference_ids[difference->difference] : "not tested";
}

/* Text for people */

/* Whole numbers, as the app shows them; half away from zero. */
static char *
whole (double value)
{
  char digits[24], *p = digits + sizeof digits;
  double rounded;
  guint64 magnitude;

  if (isnan (value))
    return g_strdup ("–");
  rounded = round (value);
  if (fabs (rounded) >= 1e15)
    return g_strdup_printf ("%.0f", rounded);

  /* By hand: a region's table has tens of thousands of them. */
  magnitude = (guint64) fabs (rounded);
  *--p = '\0';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (rounded < 0)
    *--p = '-';
  return g_strdup (p);
}

static char **
new_row (guint n_columns)
{
  return g_new0 (char *, n_columns);
}

static void
append_school_table (Compare *compare,
                     GString *out)
{
  guint n_areas = rd_comparison_get_n_areas (compare->comparison);
  guint n_columns = 4 + 3 * RD_N_FACTORS + n_areas;
  g_autoptr(RdCliTable) table = rd_cli_table_new (n_columns);
  char **titles = new_row (n_columns);
  char **header = new_row (n_columns);

  for (guint c = 3; c < n_columns; c++)
    rd_cli_table_align_right (table, c);

  header[0] = g_strdup (_("School"));
  header[1] = g_strdup (_("Region"));
  header[2] = g_strdup (_("Type"));
  /* Translators: short for respondents, a column header */
  header[3] = g_strdup (_("Resp."));
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      titles[4 + 3 * f] = g_strdup (rd_factor_get_short_title (f));
      /* Translators: column headers under a success factor */
      header[4 + 3 * f] = g_strdup (_("score"));
      header[5 + 3 * f] = g_strdup (_("target"));
      header[6 + 3 * f] = g_strdup (_("gap"));
    }
  for (guint a = 0; a < n_areas; a++)
    header[4 + 3 * RD_N_FACTORS + a] = g_strdup (area_title (compare->framework, a));
  rd_cli_table_add_row (table, titles);
  rd_cli_table_add_row (table, header);

  for (guint i = 0; i < compare->order->len; i++)
    {
      guint s = g_array_index (compare->order, guint, i);
      const RdSchoolScores *scores = rd_comparison_get_school (compare->comparison, s);
      char **row = new_row (n_columns);

      row[0] = g_strdup (scores->school_name);
      row[1] = g_strdup (scores->region);
      row[2] = scores->school_type != RD_SCHOOL_TYPE_UNSET ? g_strdup (rd_school_type_get_title (scores->school_type))
                                                           : NULL;
      row[3] = g_strdup_printf ("%u", scores->n_respondents);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdFactorDifference difference;
          g_autofree char *score = whole (scores->factor[f]);
          const char *mark = " ";

          rd_comparison_get_difference (compare->comparison, s, f, &difference);
          if (difference.difference == RD_DIFFERENCE_ABOVE)
            mark = "▲";
          else if (difference.difference == RD_DIFFERENCE_BELOW)
            mark = "▼";
          row[4 + 3 * f] = g_strconcat (score, " ", mark, NULL);
          row[5 + 3 * f] = whole (scores->target[f]);
          row[6 + 3 * f] = whole (rd_comparison_get_value (compare->comparison, s, RD_COMPARISON_COLUMN_GAP, f));
        }
      for (guint a = 0; a < n_areas; a++)
        row[4 + 3 * RD_N_FACTORS + a] = whole (rd_comparison_get_value (compare->comparison, s,
                                                                        RD_COMPARISON_COLUMN_AREA, a));
      rd_cli_table_add_row (table, row);
    }

  rd_cli_table_append (table, out);
}

static void
add_distribution_row (RdCliTable           *table,
                      const char           *title,
                      const RdDistribution *distribution,
                      const RdTargetCount  *count)
{
  char **row = new_row (9);

  row[0] = g_strdup (title);
  row[1] = g_strdup_printf ("%u", distribution->n);
  row[2] = whole (distribution->min);
  row[3] = whole (distribution->q1);
  row[4] = whole (distribution->median);
  row[5] = whole (distribution->q3);
  row[6] = whole (distribution->max);
  if (count != NULL)
    {
      row[7] = g_strdup_printf ("%u", count->below);
      row[8] = g_strdup_printf ("%u", count->reached);
    }
  rd_cli_table_add_row (table, row);
}

static void
append_distribution_table (Compare *compare,
                           GString *out)
{
  g_autoptr(RdCliTable) table = rd_cli_table_new (9);
  char **header = new_row (9);

  for (guint c = 1; c < 9; c++)
    rd_cli_table_align_right (table, c);
  header[1] = g_strdup ("n");
  header[2] = g_strdup (_("min"));
  header[3] = g_strdup ("Q1");
  header[4] = g_strdup (_("median"));
  header[5] = g_strdup ("Q3");
  header[6] = g_strdup (_("max"));
  header[7] = g_strdup (_("below target"));
  header[8] = g_strdup (_("reached"));
  rd_cli_table_add_row (table, header);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdDistribution distribution;
      RdTargetCount count;

      rd_comparison_get_distribution (compare->comparison, RD_COMPARISON_COLUMN_FACTOR, f, &distribution);
      rd_comparison_count_below_target (compare->comparison, f, &count);
      add_distribution_row (table, rd_factor_get_short_title (f), &distribution, &count);
    }
  for (guint a = 0; a < rd_comparison_get_n_areas (compare->comparison); a++)
    {
      RdDistribution distribution;

      rd_comparison_get_distribution (compare->comparison, RD_COMPARISON_COLUMN_AREA, a, &distribution);
      add_distribution_row (table, area_title (compare->framework, a), &distribution, NULL);
    }

  rd_cli_table_append (table, out);
}

/* Schools that answered another edition rest on the questions both share. */
static void
append_other_editions (Compare *compare,
                       GString *out)
{
  guint n_schools = rd_comparison_get_n_schools (compare->comparison);
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = NULL;
  g_autofree char *wrapped = NULL;
  guint n_other;

  for (guint i = 0; i < n_schools; i++)
    g_ptr_array_add (schools, (gpointer) rd_comparison_get_school (compare->comparison, i));
  n_other = rd_school_scores_count_other_editions (schools, compare->framework, versions);
  if (n_other == 0)
    return;

  g_ptr_array_add (versions, NULL);
  {
    g_autofree char *listed = g_strjoinv (", ", (char **) versions->pdata);

    note = g_strdup_printf (ngettext ("%u school answered another version of the framework (%s): it is compared "
                                      "on its answers to the questions that are the same in version %s.",
                                      "%u schools answered another version of the framework (%s): they are "
                                      "compared on their answers to the questions that are the same in version %s.",
                                      n_other),
                            n_other, listed, rd_framework_get_version (compare->framework));
  }
  wrapped = rd_cli_wrap (note, RD_CLI_LINE_WIDTH);
  g_string_append (out, wrapped);
  g_string_append (out, "\n\n");
}

static void
write_text (Compare *compare)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *legend = NULL;
  guint n = rd_comparison_get_n_schools (compare->comparison);

  g_string_append_printf (out, ngettext ("School year %s, %u school, framework “%s” %s",
                                         "School year %s, %u schools, framework “%s” %s", n),
                          compare->school_year, n,
                          rd_text_get_localized (rd_framework_get_title (compare->framework)),
                          rd_framework_get_version (compare->framework));
  if (compare->region != NULL)
    g_string_append_printf (out, _(", region “%s”"), compare->region);
  if (compare->school_type != RD_SCHOOL_TYPE_UNSET)
    g_string_append_printf (out, _(", type “%s”"), rd_school_type_get_title (compare->school_type));
  g_string_append (out, "\n\n");
  append_other_editions (compare, out);

  append_school_table (compare, out);
  g_string_append_c (out, '\n');
  /* xgettext:no-c-format */
  legend = rd_cli_wrap (_("▲ ▼ meaningfully above or below the median of the other schools (the 95 % interval "
                          "of the school’s respondents excludes it); no mark: no meaningful difference, or it "
                          "cannot be tested (fewer than two respondents, or scores without answers).\n"
                          "gap: how far the score lies below the target (target − score), 0 once the target "
                          "is reached. –: no figure (too few answers)."), RD_CLI_LINE_WIDTH);
  g_string_append (out, legend);
  g_string_append (out, "\n\n");
  append_distribution_table (compare, out);

  g_print ("%s", out->str);
}

/* CSV is the app's own comparison export (data/formats/COMPARISON-EXPORT.md),
 * one view at a time, so that a script reads either the same way. */
static void
write_csv (Compare                *compare,
           RdComparisonExportView  view)
{
  g_autoptr(RdComparisonExport) export = rd_comparison_export_new (compare->comparison, compare->framework,
                                                                   compare->school_year, compare->region,
                                                                   compare->school_type);
  g_autoptr(GBytes) bytes = rd_comparison_export_csv (export, view);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  rd_cli_write_stdout (data, length);
}

/* JSON: one object, described in the help and the README */

static void
write_json_distribution (RdJsonWriter         *json,
                         const RdDistribution *distribution)
{
  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "n");
  rd_json_writer_int (json, distribution->n);
  rd_json_writer_key (json, "missing");
  rd_json_writer_int (json, distribution->n_missing);
  rd_json_writer_key (json, "min");
  rd_json_writer_number (json, distribution->min);
  rd_json_writer_key (json, "q1");
  rd_json_writer_number (json, distribution->q1);
  rd_json_writer_key (json, "median");
  rd_json_writer_number (json, distribution->median);
  rd_json_writer_key (json, "q3");
  rd_json_writer_number (json, distribution->q3);
  rd_json_writer_key (json, "max");
  rd_json_writer_number (json, distribution->max);
  rd_json_writer_end_object (json);
}

static void
write_json_school (Compare      *compare,
                   RdJsonWriter *json,
                   guint         s)
{
  RdComparison *comparison = compare->comparison;
  const RdSchoolScores *scores = rd_comparison_get_school (comparison, s);

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "id");
  rd_json_writer_int (json, scores->school_id);
  rd_json_writer_key (json, "name");
  rd_json_writer_string (json, scores->school_name);
  rd_json_writer_key (json, "region");
  rd_json_writer_string (json, scores->region);
  rd_json_writer_key (json, "type");
  rd_json_writer_string (json, rd_school_type_to_id (scores->school_type));
  rd_json_writer_key (json, "assessment_id");
  rd_json_writer_int (json, scores->assessment_id);
  rd_json_writer_key (json, "respondents");
  rd_json_writer_int (json, scores->n_respondents);
  rd_json_writer_key (json, "framework_version");
  rd_json_writer_string (json, scores->framework_version);

  rd_json_writer_key (json, "factors");
  rd_json_writer_begin_object (json);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorDifference difference;

      rd_comparison_get_difference (comparison, s, f, &difference);
      rd_json_writer_key (json, rd_factor_to_id (f));
      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "readiness");
      rd_json_writer_number (json, scores->factor[f]);
      rd_json_writer_key (json, "target");
      rd_json_writer_number (json, scores->target[f]);
      rd_json_writer_key (json, "gap");
      rd_json_writer_number (json, rd_comparison_get_value (comparison, s, RD_COMPARISON_COLUMN_GAP, f));
      rd_json_writer_key (json, "difference");
      rd_json_writer_string (json, difference_id (&difference));
      rd_json_writer_key (json, "others_median");
      rd_json_writer_number (json, difference.others_median);
      rd_json_writer_key (json, "interval");
      if (difference.tested)
        {
          rd_json_writer_begin_array (json);
          rd_json_writer_number (json, difference.low);
          rd_json_writer_number (json, difference.high);
          rd_json_writer_end_array (json);
        }
      else
        {
          rd_json_writer_null (json);
        }
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_object (json);

  rd_json_writer_key (json, "areas");
  rd_json_writer_begin_object (json);
  for (guint a = 0; a < rd_comparison_get_n_areas (comparison); a++)
    {
      rd_json_writer_key (json, area_id (compare->framework, a));
      rd_json_writer_number (json, rd_comparison_get_value (comparison, s, RD_COMPARISON_COLUMN_AREA, a));
    }
  rd_json_writer_end_object (json);
  rd_json_writer_end_object (json);
}

static void
write_json (Compare *compare)
{
  RdComparison *comparison = compare->comparison;
  g_autoptr(RdJsonWriter) json = rd_json_writer_new ();
  GString *text;

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "format");
  rd_json_writer_string (json, "readiness-comparison");
  rd_json_writer_key (json, "format_version");
  /* 2: "gap" became the app's gap, 0 at or above target. */
  rd_json_writer_int (json, 2);
  rd_json_writer_key (json, "school_year");
  rd_json_writer_string (json, compare->school_year);
  rd_json_writer_key (json, "framework");
  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "id");
  rd_json_writer_string (json, rd_framework_get_id (compare->framework));
  rd_json_writer_key (json, "version");
  rd_json_writer_string (json, rd_framework_get_version (compare->framework));
  rd_json_writer_end_object (json);
  rd_json_writer_key (json, "region");
  rd_json_writer_string (json, compare->region);
  rd_json_writer_key (json, "type");
  rd_json_writer_string (json, rd_school_type_to_id (compare->school_type));
  rd_json_writer_key (json, "sort");
  rd_json_writer_string (json, compare->sort);
  rd_json_writer_key (json, "descending");
  rd_json_writer_boolean (json, compare->descending);

  rd_json_writer_key (json, "factors");
  rd_json_writer_begin_array (json);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdDistribution distribution;
      RdTargetCount count;

      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "id");
      rd_json_writer_string (json, rd_factor_to_id (f));
      rd_json_writer_key (json, "title");
      rd_json_writer_string (json, rd_factor_get_title (f));
      rd_json_writer_key (json, "distribution");
      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, f, &distribution);
      write_json_distribution (json, &distribution);
      rd_json_writer_key (json, "gap_distribution");
      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_GAP, f, &distribution);
      write_json_distribution (json, &distribution);
      rd_comparison_count_below_target (comparison, f, &count);
      rd_json_writer_key (json, "below_target");
      rd_json_writer_int (json, count.below);
      rd_json_writer_key (json, "reached_target");
      rd_json_writer_int (json, count.reached);
      rd_json_writer_key (json, "unknown_target");
      rd_json_writer_int (json, count.unknown);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_array (json);

  rd_json_writer_key (json, "areas");
  rd_json_writer_begin_array (json);
  for (guint a = 0; a < rd_comparison_get_n_areas (comparison); a++)
    {
      RdDistribution distribution;

      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "id");
      rd_json_writer_string (json, area_id (compare->framework, a));
      rd_json_writer_key (json, "title");
      rd_json_writer_string (json, area_title (compare->framework, a));
      rd_json_writer_key (json, "distribution");
      rd_comparison_get_distribution (comparison, RD_COMPARISON_COLUMN_AREA, a, &distribution);
      write_json_distribution (json, &distribution);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_array (json);

  rd_json_writer_key (json, "schools");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < compare->order->len; i++)
    write_json_school (compare, json, g_array_index (compare->order, guint, i));
  rd_json_writer_end_array (json);
  rd_json_writer_end_object (json);

  text = rd_json_writer_get_text (json);
  rd_cli_write_stdout (text->str, text->len);
}

static const char compare_description[] =
  /* xgettext:no-c-format */
  N_("For each school its readiness per success factor (0–100) with its target, the gap (how far the "
     "readiness lies below the target: target − readiness, 0 once the target is reached) and whether it "
     "differs meaningfully from the "
     "median of the other schools compared (the 95 % interval of the school’s respondents excludes that "
     "median); then its area scores. After the schools, per factor and area, the distribution over the "
     "schools: how many have a figure, min, quartiles (computed as QUARTILE.INC) and max, and per factor how "
     "many schools are below their target. Each school counts with one assessment of the year: complete "
     "before draft, full before pulse, then the newest.\n"
     "\n"
     "--type takes a school type by its id (primary, secondary, vocational, special, other) or by its name "
     "as the app shows it, e.g. “Primary education”.\n"
     "\n"
     "Sort keys: name, strategy, engagement, capacity, investment, gap-FACTOR (e.g. gap-capacity), "
     "area-AREA (an area id of the framework).\n"
     "\n"
     "csv: the comparison export of the app (data/formats/COMPARISON-EXPORT.md), one view per run, "
     "chosen with --view: factors (per school: respondents, and per factor readiness, target, gap and "
     "difference), areas (per school the area scores), distribution (per factor and area: n, missing, min, "
     "q1, median, q3, max) or below-target (per factor: below, reached, unknown). Schools by name; numbers "
     "with '.', rounded to two decimals; empty cells have no figure; names that a spreadsheet would run as a "
     "formula start with an apostrophe.\n"
     "\n"
     "json: one object with format “readiness-comparison”, format_version 2, school_year, framework {id, "
     "version}, region, type, sort, descending; factors: [{id, title, distribution, gap_distribution, "
     "below_target, reached_target, unknown_target}]; areas: [{id, title, distribution}]; schools: [{id, "
     "name, region, type (an id, or null), assessment_id, respondents, factors: {FACTOR: {readiness, target, gap, difference, "
     "others_median, interval: [low, high] or null}}, areas: {AREA: score}}]. A distribution is {n, missing, "
     "min, q1, median, q3, max}. A difference is “higher”, “lower”, “not different” or “not tested” (fewer "
     "than two respondents, or scores without answers), as in the csv. Numbers are exact; null: no figure.\n"
     "\n"
     "With --from YEAR --to YEAR instead of --year: which schools moved meaningfully between the two school "
     "years on which success factor, by Welch’s t-test on each school’s kept scores (readiness, the spread "
     "between its respondents and their number in each year; two-sided, p < 0.05). text lists the meaningful "
     "changes; json (format “readiness-schools-change”, format_version 1, from, to, alpha, schools: [{id, "
     "name, factors: {FACTOR: {before, after, change, status, t, df, p, meaningful}}}]) gives them all.");

int
rd_cli_compare (RdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *school_year = NULL;
  g_autofree char *region = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *view_name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean descending = FALSE;
  const GOptionEntry entries[] = {
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &school_year,
      N_("The school year to compare, e.g. 2026-2027"), N_("YEAR") },
    { "region", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &region,
      N_("Only the schools of this region"), N_("REGION") },
    { "type", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &type_name,
      N_("Only the schools of this type"), N_("TYPE") },
    { "sort", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sort,
      N_("Order the schools by KEY (default: name)"), N_("KEY") },
    { "descending", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &descending,
      N_("Highest first (or Z to A); schools without a figure stay last"), NULL },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (default), csv or json"), N_("FORMAT") },
    { "view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &view_name,
      N_("With csv: factors (default), areas, distribution or below-target"), N_("VIEW") },
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &from,
      N_("With --to instead of --year: which schools moved meaningfully since this school year"), N_("YEAR") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to,
      N_("With --from: the later school year"), N_("YEAR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  RdComparisonExportView view = RD_COMPARISON_EXPORT_VIEW_FACTORS;
  g_autoptr(RdComparison) all = NULL;
  g_autoptr(RdComparison) comparison = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GError) error = NULL;
  RdComparisonColumn column;
  RdSchoolType school_type = RD_SCHOOL_TYPE_UNSET;
  RdCliFormat format;
  RdFramework *framework;
  RdStore *store;
  Compare compare;
  guint index;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("compare --year YEAR"),
                                       _("Compare the schools’ readiness of one school year, per success factor "
                                         "and area."),
                                       _(compare_description), entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (from != NULL || to != NULL)
    {
      if (from == NULL || to == NULL || school_year != NULL)
        return rd_cli_usage_error (context, _("Give --from and --to together, without --year"));
      if (!rd_school_year_is_valid (from) || !rd_school_year_is_valid (to))
        return rd_cli_usage_error (context, _("“%s” is not a school year like 2026-2027"),
                                   rd_school_year_is_valid (from) ? to : from);
      if (g_strcmp0 (from, to) >= 0)
        return rd_cli_usage_error (context, _("--from must be an earlier school year than --to"));
      if (!rd_cli_parse_format (format_name, &format) || format == RD_CLI_FORMAT_CSV)
        return rd_cli_usage_error (context, _("Unknown format “%s”: use text or json"), format_name);
      framework = rd_cli_get_framework (cli, &status);
      if (framework == NULL)
        return status;
      store = rd_cli_get_store (cli, FALSE, &status);
      if (store == NULL)
        return status;
      return rd_cli_compare_change (framework, store, from, to, region != NULL && *region != '\0' ? region : NULL,
                                    format);
    }
  if (school_year == NULL)
    return rd_cli_usage_error (context, _("No school year given: add --year YEAR, e.g. --year 2026-2027"));
  if (!rd_school_year_is_valid (school_year))
    return rd_cli_usage_error (context, _("“%s” is not a school year like 2026-2027"), school_year);
  if (!rd_cli_parse_format (format_name, &format))
    return rd_cli_usage_error (context, _("Unknown format “%s”: use text, csv or json"), format_name);
  if (view_name != NULL && format != RD_CLI_FORMAT_CSV)
    return rd_cli_usage_error (context, _("--view goes with --format csv"));
  if (view_name != NULL && !rd_comparison_export_view_from_id (view_name, &view))
    return rd_cli_usage_error (context, _("Unknown view “%s”: use factors, areas, distribution or below-target"),
                               view_name);
  /* The export's order is fixed by its format; better say so than ignore. */
  if (format == RD_CLI_FORMAT_CSV && ((sort != NULL && !g_str_equal (sort, "name")) || descending))
    return rd_cli_usage_error (context, _("csv lists the schools by name, as the app’s export does; --sort and "
                                          "--descending go with text and json"));
  if (region != NULL && *region == '\0')
    g_clear_pointer (&region, g_free);
  if (type_name != NULL && *type_name != '\0' && !rd_school_type_parse (type_name, &school_type))
    return rd_cli_usage_error (context, _("Unknown school type “%s”: use primary, secondary, vocational, special "
                                          "or other"), type_name);

  framework = rd_cli_get_framework (cli, &status);
  if (framework == NULL)
    return status;
  if (sort == NULL)
    sort = g_strdup ("name");
  if (!parse_sort (framework, sort, &column, &index))
    return rd_cli_usage_error (context, _("Unknown sort key “%s”"), sort);

  store = rd_cli_get_store (cli, FALSE, &status);
  if (store == NULL)
    return status;
  schools = rd_store_list_school_scores (store, framework, school_year, &error);
  if (schools == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
  if (schools->len == 0)
    return rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("No school has an assessment of the school year %s with the "
                                                 "framework “%s”"), school_year, rd_framework_get_id (framework));

  all = rd_comparison_new_take (g_steal_pointer (&schools), rd_framework_get_n_areas (framework));
  comparison = rd_comparison_filter (all, region, school_type);
  if (rd_comparison_get_n_schools (comparison) == 0)
    return rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("No school of the school year %s has that region and type"),
                        school_year);
  order = rd_comparison_sort (comparison, column, index, descending);

  compare = (Compare) {
    .framework = framework,
    .comparison = comparison,
    .order = order,
    .school_year = school_year,
    .region = region,
    .school_type = school_type,
    .sort = sort,
    .descending = descending,
  };
  switch (format)
    {
    case RD_CLI_FORMAT_CSV:
      write_csv (&compare, view);
      break;
    case RD_CLI_FORMAT_JSON:
      write_json (&compare);
      break;
    case RD_CLI_FORMAT_TEXT:
    default:
      write_text (&compare);
      break;
    }

  return RD_CLI_EXIT_OK;
}
