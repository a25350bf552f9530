#define G_LOG_DOMAIN "rd-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "rd-chart-text.h"
#include "rd-council.h"
#include "rd-export-file.h"
#include "rd-group-comparison.h"
#include "rd-report-change.h"
#include "rd-report-charts.h"
#include "rd-report-figures.h"
#include "rd-learning-format.h"
#include "rd-report.h"
#include "rd-results.h"

/* As many as the results page lists. */
#define N_PRIORITIES 8
#define N_DIFFERENCES 5

/* Chart boxes, in points: the full text width, tall enough to read. */
#define BARS_HEIGHT   200.0
#define RADAR_HEIGHT  330.0
#define TREND_HEIGHT  270.0

struct _RdReport
{
  GObject parent_instance;

  RdReportDocument *document;
  char *title;
  char *school;
  char *subject;
  char *created;  /* ISO 8601, for the PDF's metadata */
};

G_DEFINE_FINAL_TYPE (RdReport, rd_report, G_TYPE_OBJECT)

/* Everything the report shows, gathered on the calling thread; the
 * document built from it copies what it keeps. */
typedef struct
{
  RdFramework *framework;
  RdResults *results;
  RdAssessment *assessment;
  RdSchool *school;
  GPtrArray *respondents;   /* of RdRespondent */
  RdGroupComparison *comparison;
  GPtrArray *actions;       /* of RdAction */
  GPtrArray *own_questions; /* of RdOwnQuestion */
  GArray *own_results;      /* of RdOwnResult, borrowing own_questions */
  RdChange *change;         /* since the previous school year; NULL: none */
  GPtrArray *done_actions;  /* of RdAction, done in that year's plan */
  RdLearningFacts log_facts; /* the learning log's figures on the reference date */
  guint threshold;
  GDateTime *now;
  GHashTable *commentaries; /* item id → commentary */
  GPtrArray *evidence;      /* of RdEvidence, by item */
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_object (&snapshot->results);
  g_clear_object (&snapshot->school);
  g_clear_pointer (&snapshot->respondents, g_ptr_array_unref);
  g_clear_object (&snapshot->comparison);
  g_clear_pointer (&snapshot->actions, g_ptr_array_unref);
  g_clear_pointer (&snapshot->own_results, g_array_unref);
  g_clear_pointer (&snapshot->own_questions, g_ptr_array_unref);
  g_clear_pointer (&snapshot->now, g_date_time_unref);
  g_clear_pointer (&snapshot->commentaries, g_hash_table_unref);
  g_clear_pointer (&snapshot->evidence, g_ptr_array_unref);
  g_clear_object (&snapshot->change);
  g_clear_pointer (&snapshot->done_actions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static const char *
status_title (RdAssessmentStatus status)
{
  return status == RD_ASSESSMENT_STATUS_COMPLETE ? C_("assessment status", "Complete")
                                                 : C_("assessment status", "Draft");
}

/* "31 March 2027", in the order and words of the locale. */
static char *
format_date (GDateTime *date)
{
  /* Translators: the date format of the report, see g_date_time_format();
   * "%-d %B %Y" is "31 March 2027" */
  return g_date_time_format (date, C_("report date", "%-d %B %Y"));
}

static char *
format_iso_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  return date != NULL ? format_date (date) : g_strdup (iso);
}

static void
add_table_row (RdReportTable *table,
               const char    *first,
               ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  const char *cell = first;
  va_list args;

  va_start (args, first);
  while (cell != NULL)
    {
      g_ptr_array_add (cells, (gpointer) cell);
      cell = va_arg (args, const char *);
    }
  va_end (args);
  g_ptr_array_add (cells, NULL);
  rd_report_table_add_row (table, (const char * const *) cells->pdata);
}

/* 1. Cover */

static void
add_cover (RdReportDocument *doc,
           Snapshot         *s)
{
  RdAssessment *assessment = s->assessment;
  const char *region = rd_school_get_region (s->school);
  RdSchoolType school_type = rd_school_get_school_type (s->school);
  g_autoptr(GString) place = g_string_new (NULL);
  g_autofree char *answered = NULL;
  g_autofree char *framework = NULL;
  g_autofree char *date = format_date (s->now);
  guint counts[RD_N_GROUPS] = { 0 };
  guint total = 0;

  rd_report_document_add_band (doc);
  rd_report_document_add_space (doc, 120);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_TITLE, _("Digital Readiness Report"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_SUBTITLE, rd_school_get_name (s->school));
  if (region != NULL && region[0] != '\0')
    g_string_append (place, region);
  if (school_type != RD_SCHOOL_TYPE_UNSET)
    g_string_append_printf (place, "%s%s", place->len > 0 ? " · " : "", rd_school_type_get_title (school_type));
  if (place->len > 0)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, place->str);

  rd_report_document_add_space (doc, 48);
  rd_report_document_add_key_value (doc, _("School year"), rd_assessment_get_school_year (assessment));
  rd_report_document_add_key_value (doc, _("Assessment"),
                                    rd_assessment_mode_get_title (rd_assessment_get_mode (assessment)));
  rd_report_document_add_key_value (doc, _("Status"), status_title (rd_assessment_get_status (assessment)));
  /* Translators: how many items of the questionnaire have an answer, "52 of 58" */
  answered = g_strdup_printf (_("%u of %u"), rd_results_get_n_answered (s->results),
                              rd_results_get_n_items (s->results));
  rd_report_document_add_key_value (doc, _("Items answered"), answered);
  if (rd_assessment_get_reference_day (assessment) != 0)
    {
      g_autofree char *iso = rd_day_to_iso (rd_assessment_get_reference_day (assessment));
      g_autofree char *reference = format_iso_date (iso);

      /* Translators: the assessment's reference date, the day the age of
       * dates (when the plan was last reviewed, …) is measured on */
      rd_report_document_add_key_value (doc, _("Dates measured on"), reference);
    }
  /* Translators: the framework's title and version, "Digital readiness of schools, version 1.0" */
  framework = g_strdup_printf (_("%s, version %s"), rd_text_get_localized (rd_framework_get_title (s->framework)),
                               rd_framework_get_version (s->framework));
  rd_report_document_add_key_value (doc, _("Questionnaire"), framework);
  rd_report_document_add_key_value (doc, _("Report date"), date);

  for (guint i = 0; i < s->respondents->len; i++)
    {
      RdRespondent *respondent = g_ptr_array_index (s->respondents, i);

      if (respondent->group < RD_N_GROUPS)
        counts[respondent->group]++;
      total++;
    }

  rd_report_document_add_space (doc, 24);
  rd_report_document_add_subheading (doc, _("Respondents"));
  if (total == 0)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, _("Nobody has answered yet."));
  else
    {
      g_autoptr(RdReportTable) table = rd_report_table_new (2);
      g_autofree char *sum = g_strdup_printf ("%u", total);

      rd_report_table_set_width (table, RD_REPORT_CONTENT_WIDTH / 2);
      rd_report_table_set_column (table, 0, _("Group"), 3, PANGO_ALIGN_LEFT);
      rd_report_table_set_column (table, 1, _("Respondents"), 2, PANGO_ALIGN_RIGHT);
      for (guint g = 0; g < RD_N_GROUPS; g++)
        {
          g_autofree char *count = NULL;

          if (counts[g] == 0)
            continue;
          count = g_strdup_printf ("%u", counts[g]);
          add_table_row (table, rd_group_get_title (g), count, NULL);
        }
      add_table_row (table, _("Total"), sum, NULL);
      rd_report_document_add_table (doc, g_steal_pointer (&table));
    }

  if (rd_assessment_get_status (assessment) == RD_ASSESSMENT_STATUS_DRAFT)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE,
                                      _("This assessment is still a draft: its answers, and so this "
                                        "report, may still change."));
}

/* 3. Summary */

static void
add_summary (RdReportDocument *doc,
             Snapshot         *s,
             RdFactorBarsData *bars)
{
  RdAnalysis *analysis = rd_results_get_analysis (s->results);
  g_autoptr(RdReportTable) table = rd_report_table_new (5);
  g_autofree char *answered = NULL;
  RdFactorResult largest = { 0 };
  int largest_factor = -1;
  guint n_trusted = 0;

  rd_report_document_add_page_break (doc);
  rd_report_document_add_heading (doc, _("Summary"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                    _("Readiness from 0 to 100 for each success factor of the Council "
                                      "Recommendation of 23 November 2023, against the target the school "
                                      "set. Levels: Beginning below 25, Developing from 25, Established "
                                      "from 50, Leading from 75."));

  answered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u item answered · %s",
                                           "%s · %u of %u items answered · %s",
                                           rd_results_get_n_items (s->results)),
                              status_title (rd_assessment_get_status (s->assessment)),
                              rd_results_get_n_answered (s->results), rd_results_get_n_items (s->results),
                              rd_assessment_get_school_year (s->assessment));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, answered);

  rd_report_table_set_column (table, 0, _("Success factor"), 4.0, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 1, C_("table heading", "Readiness"), 1.3, PANGO_ALIGN_RIGHT);
  rd_report_table_set_column (table, 2, _("Level"), 2.3, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 3, _("Target"), 0.9, PANGO_ALIGN_RIGHT);
  rd_report_table_set_column (table, 4, _("Gap"), 0.8, PANGO_ALIGN_RIGHT);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (analysis, f, &result);
      add_table_row (table, rd_factor_get_title (f), bars->readiness[f], bars->level[f],
                     bars->target[f], bars->gap[f], NULL);
      if (!result.trusted)
        continue;
      n_trusted++;
      if (result.gap > 0.5 && (largest_factor < 0 || result.gap > largest.gap))
        {
          largest = result;
          largest_factor = (int) f;
        }
    }
  rd_report_document_add_table (doc, g_steal_pointer (&table));

  if (n_trusted == 0)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                      _("There are not enough answers yet to measure any success factor. "
                                        "Each factor needs scores for at least half of its items."));
  else if (largest_factor < 0)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                      _("Every success factor with enough answers has reached its target."));
  else
    {
      g_autofree char *sentence = NULL;

      /* Translators: "The largest gap is in “Capacity building for leaders and
       * staff”: a readiness of 42 against a target of 70, 28 points short." */
      sentence = g_strdup_printf (_("The largest gap is in “%s”: a readiness of %.0f against a target of "
                                    "%.0f, %.0f points short."),
                                  rd_factor_get_title (largest_factor), largest.readiness, largest.target,
                                  largest.gap);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, sentence);
    }
}

/* 4. Charts */

static void
add_charts (RdReportDocument  *doc,
            Snapshot          *s,
            RdFactorBarsData  *bars,
            RdAreaRadarData   *radar)
{
  g_autoptr(RdReportTable) table = rd_report_table_new (radar->previous_label ? 3 : 2);

  /* Titles stay with the chart they introduce. */
  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("Success Factors and Areas"));
  rd_report_document_add_subheading (doc, _("Readiness against Targets"));
  rd_report_document_add_chart (doc, rd_factor_bars_data_draw, bars, (GDestroyNotify) rd_factor_bars_data_free,
                                RD_REPORT_CONTENT_WIDTH, BARS_HEIGHT);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE,
                                    _("The vertical line marks the target; the hatched part of a bar is "
                                      "the gap to it. An outlined bar has too few answers to show a number."));
  rd_report_document_end_group (doc);

  rd_report_document_begin_group (doc);
  rd_report_document_add_subheading (doc, _("Areas"));
  if (radar->previous_label != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: under the chart of the areas, %s is the previous school year */
      note = g_strdup_printf (_("Score per area from 0 to 100. The dashed outline shows %s."),
                              radar->previous_label);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, note);
    }
  else
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, _("Score per area from 0 to 100."));
  if (radar->editions_note != NULL)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, radar->editions_note);
  rd_report_document_add_chart (doc, rd_area_radar_data_draw, radar, (GDestroyNotify) rd_area_radar_data_free,
                                RD_REPORT_CONTENT_WIDTH, RADAR_HEIGHT);
  rd_report_document_end_group (doc);

  rd_report_table_set_column (table, 0, _("Area"), 5, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 1, _("Score"), 1, PANGO_ALIGN_RIGHT);
  if (radar->previous_label != NULL)
    rd_report_table_set_column (table, 2, radar->previous_label, 1.3, PANGO_ALIGN_RIGHT);
  for (guint a = 0; a < radar->n_axes; a++)
    {
      g_autofree char *value = rd_report_format_score (radar->axes[a].value);
      g_autofree char *before = rd_report_format_score (radar->axes[a].previous);

      add_table_row (table, radar->area_titles[a], value, radar->previous_label ? before : NULL, NULL);
    }
  rd_report_document_add_table (doc, g_steal_pointer (&table));
}

/* 5. Trend */

static void
add_trend (RdReportDocument  *doc,
           RdFactorTrendData *trend)
{
  g_autoptr(RdReportTable) table = rd_report_table_new (1 + RD_N_FACTORS);

  /* The chart under its title, wherever the page ends. */
  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("Trend across School Years"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                    _("Readiness per success factor in each school year the school was "
                                      "assessed. A gap in a line is a year without enough answers."));
  if (trend->editions_note != NULL)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, trend->editions_note);

  rd_report_table_set_column (table, 0, _("School year"), 2, PANGO_ALIGN_LEFT);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    rd_report_table_set_column (table, 1 + f, rd_factor_get_short_title (f), 1.2, PANGO_ALIGN_RIGHT);
  for (guint y = 0; y < trend->trend.n_years; y++)
    {
      char *values[RD_N_FACTORS];

      for (guint f = 0; f < RD_N_FACTORS; f++)
        values[f] = rd_report_format_score (trend->values[f][y]);
      add_table_row (table, trend->years[y], values[0], values[1], values[2], values[3], NULL);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        g_clear_pointer (&values[f], g_free);
    }

  rd_report_document_add_chart (doc, rd_factor_trend_data_draw, trend, (GDestroyNotify) rd_factor_trend_data_free,
                                RD_REPORT_CONTENT_WIDTH, TREND_HEIGHT);
  rd_report_document_end_group (doc);
  rd_report_document_add_table (doc, g_steal_pointer (&table));
}

/* 6. Priorities */

static void
add_priorities (RdReportDocument *doc,
                Snapshot         *s)
{
  g_autoptr(GArray) gaps = rd_analysis_list_priorities (rd_results_get_analysis (s->results), N_PRIORITIES);

  /* The title stays with the first priority; each priority stays whole. */
  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("What to Work on First"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, rd_report_priorities_intro ());

  if (gaps->len == 0)
    {
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE,
                                        rd_results_get_n_answered (s->results) == 0
                                        ? _("No item has a score yet, so there are no gaps to show.")
                                        : _("No item is below its target."));
      rd_report_document_end_group (doc);
      return;
    }
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, rd_report_priorities_ranking ());

  for (guint i = 0; i < gaps->len; i++)
    {
      RdItemGap *gap = &g_array_index (gaps, RdItemGap, i);
      const char *point = rd_item_get_council_point (gap->item);
      const char *point_title = rd_council_point_get_title (point);
      g_autofree char *title = NULL;
      g_autofree char *figures = rd_report_format_priority (rd_results_get_analysis (s->results), gap);
      g_autofree char *reference = NULL;
      g_autofree char *council = NULL;

      /* Translators: a numbered priority, "1. Does our school have a written digital strategy?" */
      title = g_strdup_printf (_("%u. %s"), i + 1, rd_text_get_localized (rd_item_get_text (gap->item)));
      /* Translators: a Council Recommendation point and its title, "4 b i — gigabit connectivity" */
      reference = point_title ? g_strdup_printf (_("%s — %s"), point, point_title) : g_strdup (point);
      /* Translators: the point a priority rests on, "Council Recommendation 4 b i — gigabit connectivity" */
      council = g_strdup_printf (_("Council Recommendation %s"), reference);

      if (i > 0)
        rd_report_document_begin_group (doc);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD, title);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, figures);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                        rd_text_get_localized (rd_item_get_recommendation (gap->item)));
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, council);
      if (rd_item_get_standard (gap->item) != NULL)
        {
          /* Translators: under a priority, the standard its question rests on,
           * "Based on: DfE digital and technology standards: broadband internet" */
          g_autofree char *based_on = g_strdup_printf (_("Based on: %s"),
                                                       rd_text_get_localized (rd_item_get_standard (gap->item)));

          rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, based_on);
        }
      rd_report_document_end_group (doc);
    }
}

/* 7. Groups */

static void
add_groups (RdReportDocument *doc,
            Snapshot         *s)
{
  RdGroupComparison *comparison = s->comparison;
  guint n_groups = rd_group_comparison_get_n_groups (comparison);
  g_autoptr(GArray) differences = rd_group_comparison_list_differences (comparison, N_DIFFERENCES);
  g_autofree char *rule = rd_group_comparison_describe_rule (comparison);

  /* The title stays with the table, or with the note that replaces it. */
  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("Views of the Groups"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                    _("Readiness per success factor as each group of respondents sees "
                                      "it, and the items on which their views differ most."));

  if (n_groups < 2)
    {
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, rule);
      rd_report_document_end_group (doc);
      return;
    }

  {
    g_autoptr(RdReportTable) table = rd_report_table_new (2 + RD_N_FACTORS);

    rd_report_table_set_column (table, 0, _("Group"), 2.4, PANGO_ALIGN_LEFT);
    rd_report_table_set_column (table, 1, _("Respondents"), 1.5, PANGO_ALIGN_RIGHT);
    for (guint f = 0; f < RD_N_FACTORS; f++)
      rd_report_table_set_column (table, 2 + f, rd_factor_get_short_title (f), 1.3, PANGO_ALIGN_RIGHT);
    for (guint g = 0; g < n_groups; g++)
      {
        const RdGroupResult *group = rd_group_comparison_get_group (comparison, g);
        g_autofree char *count = g_strdup_printf ("%u", group->n_respondents);
        char *values[RD_N_FACTORS];

        for (guint f = 0; f < RD_N_FACTORS; f++)
          values[f] = rd_report_format_group_factor (group, f);
        add_table_row (table, group->title, count, values[0], values[1], values[2], values[3], NULL);
        for (guint f = 0; f < RD_N_FACTORS; f++)
          g_clear_pointer (&values[f], g_free);
      }
    rd_report_document_add_table (doc, g_steal_pointer (&table));
  }
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, rule);
  rd_report_document_end_group (doc);

  if (differences->len == 0)
    return;

  /* The subtitle stays with the first item. */
  rd_report_document_begin_group (doc);
  rd_report_document_add_subheading (doc, _("Where Views Differ Most"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, rd_report_spread_key ());
  for (guint i = 0; i < differences->len; i++)
    {
      RdItemDifference *difference = &g_array_index (differences, RdItemDifference, i);
      g_autofree char *figures = rd_report_format_difference (comparison, difference);

      if (i > 0)
        rd_report_document_begin_group (doc);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD,
                                        rd_text_get_localized (rd_item_get_text (difference->item)));
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, figures);
      rd_report_document_end_group (doc);
    }
}

/* 7a. The school's own questions, apart from every figure above. */

static void
add_own_questions (RdReportDocument *doc,
                   Snapshot         *s)
{
  g_autoptr(RdReportTable) table = NULL;

  if (s->own_results->len == 0)
    return;

  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("Your Own Questions"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, rd_report_own_questions_intro ());

  table = rd_report_table_new (3);
  rd_report_table_set_column (table, 0, _("Question"), 4.2, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 1, _("Area"), 1.8, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 2, _("Answers"), 3.8, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < s->own_results->len; i++)
    {
      const RdOwnResult *result = &g_array_index (s->own_results, RdOwnResult, i);
      RdArea *area = rd_framework_lookup_area (s->framework, rd_own_question_get_area_id (result->question));
      g_autofree char *figures = rd_report_format_own_result (result);

      add_table_row (table, rd_own_question_get_text (result->question),
                     area ? rd_text_get_localized (rd_area_get_title (area)) : rd_own_question_get_area_id (result->question),
                     figures, NULL);
    }
  rd_report_document_add_table (doc, g_steal_pointer (&table));
  for (guint i = 0; i < s->own_results->len; i++)
    if (g_array_index (s->own_results, RdOwnResult, i).hidden)
      {
        g_autofree char *note = rd_report_own_questions_hidden_note (s->threshold);

        rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, note);
        break;
      }
  rd_report_document_end_group (doc);
}

/* 7b. The learning log's figures: counts, never a name. */

static void
add_learning_log (RdReportDocument *doc,
                  Snapshot         *s)
{
  const RdLearningFacts *facts = &s->log_facts;
  g_autoptr(RdReportTable) table = NULL;
  g_autofree char *reference = rd_day_to_iso (facts->reference_day);
  g_autofree char *lead = NULL;
  g_autofree char *n_staff = NULL;
  g_autofree char *hours = NULL;
  static const struct { const char *item_id; const char *title; } shares[] = {
    { RD_LEARNING_ITEM_STAFF_TRAINED, N_("Staff trained in cybersecurity") },
    { RD_LEARNING_ITEM_PEDAGOGY, N_("Teachers trained in digital teaching") },
  };

  if (facts->n_staff == 0 && facts->n_figures == 0)
    return;

  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("Learning Log"));
  /* Translators: %s is the assessment's reference date, 2026-10-14 */
  lead = g_strdup_printf (_("From the school’s professional-learning log, over the 12 months up to %s. "
                            "A figure stands in for the answer to its question where the school "
                            "leadership gave none."), reference);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, lead);

  table = rd_report_table_new (2);
  rd_report_table_set_column (table, 0, _("Figure"), 5.0, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 1, g_dpgettext2 (GETTEXT_PACKAGE, "table heading", "Value"), 3.0,
                              PANGO_ALIGN_LEFT);
  /* Imported figures come without the log they were counted on. */
  if (!facts->imported)
    {
      n_staff = g_strdup_printf ("%u", facts->n_staff);
      add_table_row (table, _("Staff on the log"), n_staff, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      const RdLogFigure *figure = rd_learning_facts_lookup (facts, shares[i].item_id);
      g_autofree char *text = figure ? rd_learning_format_figure (figure) : NULL;

      if (text != NULL)
        add_table_row (table, _(shares[i].title), text, NULL);
    }
  hours = rd_learning_format_hours (facts->hours_per_teacher);
  if (hours != NULL && !facts->imported)
    add_table_row (table, _("Training hours per teacher"), hours, NULL);
  rd_report_document_add_table (doc, g_steal_pointer (&table));
  rd_report_document_end_group (doc);
}

/* 8. Action plan */

static void
add_actions (RdReportDocument *doc,
             Snapshot         *s)
{
  rd_report_document_add_page_break (doc);
  rd_report_document_add_heading (doc, _("Action Plan"));

  if (s->actions->len == 0)
    {
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                        _("No actions have been planned yet. The action plan records what "
                                          "the school will do about the gaps in this report, who takes it "
                                          "on and by when."));
      return;
    }

  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                    _("What the school will do about the gaps in this report, who takes it "
                                      "on, by when, and how the school will know it worked."));

  for (guint i = 0; i < s->actions->len; i++)
    {
      RdAction *action = g_ptr_array_index (s->actions, i);
      const char *owner = rd_action_get_owner (action);
      const char *criterion = rd_action_get_criterion (action);
      const char *notes = rd_action_get_notes (action);
      const char *carried = rd_action_get_carried_from (action);
      const char * const *item_ids = rd_action_get_item_ids (action);
      g_autofree char *due = format_iso_date (rd_action_get_due (action));
      g_autoptr(GString) items = g_string_new (NULL);

      if (i > 0)
        rd_report_document_add_rule (doc);

      rd_report_document_begin_group (doc);
      rd_report_document_add_subheading (doc, rd_action_get_title (action));
      if (carried != NULL && carried[0] != '\0')
        {
          /* Translators: under an action, the school year it was first planned in */
          g_autofree char *history = g_strdup_printf (_("Carried over from %s"), carried);

          rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, history);
        }
      rd_report_document_add_key_value (doc, _("Success factor"), rd_factor_get_title (rd_action_get_factor (action)));
      rd_report_document_add_key_value (doc, _("Status"), rd_action_status_get_title (rd_action_get_status (action)));
      rd_report_document_add_key_value (doc, _("Owner"),
                                        owner != NULL && owner[0] != '\0' ? owner : _("Nobody named yet"));
      rd_report_document_add_key_value (doc, _("Due"), due != NULL ? due : _("No due date"));
      rd_report_document_end_group (doc);

      if (criterion != NULL && criterion[0] != '\0')
        rd_report_document_add_key_value (doc, _("Success criterion"), criterion);

      for (guint j = 0; item_ids != NULL && item_ids[j] != NULL; j++)
        {
          RdItem *item = rd_framework_lookup_item (s->framework, item_ids[j]);

          /* An item a newer framework dropped is named by its id. */
          g_string_append_printf (items, "%s• %s", items->len > 0 ? "\n" : "",
                                  item ? rd_text_get_localized (rd_item_get_text (item)) : item_ids[j]);
        }
      if (items->len > 0)
        rd_report_document_add_key_value (doc, _("Linked items"), items->str);

      if (notes != NULL && notes[0] != '\0')
        rd_report_document_add_key_value (doc, _("Notes"), notes);
    }
}

/* 9. Appendix */

static void
add_appendix (RdReportDocument *doc,
              Snapshot         *s)
{
  RdAnalysis *analysis = rd_results_get_analysis (s->results);
  RdAssessmentMode mode = rd_assessment_get_mode (s->assessment);

  rd_report_document_add_page_break (doc);
  rd_report_document_add_heading (doc, _("Appendix: All Items"));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                    _("Every item of the assessment by area, with its score from 0 to 100 "
                                      "and the number of answers that have a score. A dash means the item "
                                      "has no score yet."));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, rd_report_facts_intro ());

  for (guint a = 0; a < rd_framework_get_n_areas (s->framework); a++)
    {
      RdArea *area = rd_framework_get_area (s->framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (s->framework, rd_area_get_id (area), mode);
      g_autoptr(RdReportTable) table = NULL;

      if (items->len == 0)
        continue;

      table = rd_report_table_new (4);
      rd_report_table_set_column (table, 0, _("Item"), 4.6, PANGO_ALIGN_LEFT);
      /* Translators: a column of the report's item table: what was answered to a question of
       * fact, "1000 Mbit/s" */
      rd_report_table_set_column (table, 1, C_("table heading", "Value"), 3.2, PANGO_ALIGN_RIGHT);
      rd_report_table_set_column (table, 2, _("Score"), 1, PANGO_ALIGN_RIGHT);
      rd_report_table_set_column (table, 3, _("Answers"), 1.2, PANGO_ALIGN_RIGHT);
      for (guint i = 0; i < items->len; i++)
        {
          RdItem *item = g_ptr_array_index (items, i);
          guint n = 0;
          double score = rd_analysis_get_item_score (analysis, rd_item_get_id (item), &n);
          g_autofree char *value = rd_report_format_score (score);
          g_autofree char *fact = rd_report_format_fact (analysis, item);
          g_autofree char *count = g_strdup_printf ("%u", n);

          add_table_row (table, rd_text_get_localized (rd_item_get_text (item)), fact ? fact : "", value, count,
                         NULL);
        }

      rd_report_document_add_subheading (doc, rd_text_get_localized (rd_area_get_title (area)));
      rd_report_document_add_table (doc, g_steal_pointer (&table));
    }
}

/* 10. Appendix: commentary and evidence, only of the items that have
 * some; short: the item, why the school answered so, the documents. */

static void
add_item_evidence (RdReportDocument *doc,
                   Snapshot         *s,
                   RdItem           *item,
                   gboolean         *begun)
{
  const char *id = rd_item_get_id (item);
  const char *commentary = g_hash_table_lookup (s->commentaries, id);
  g_autofree char *lines = rd_evidence_format_lines (s->evidence, id);

  if (commentary == NULL && lines == NULL)
    return;

  if (!*begun)
    {
      rd_report_document_add_heading (doc, _("Appendix: Commentary and Evidence"));
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY,
                                        _("Why the school answered some items as it did, and the documents "
                                          "that show it. Links and paths are given as text."));
      *begun = TRUE;
    }

  rd_report_document_begin_group (doc);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD, rd_text_get_localized (rd_item_get_text (item)));
  if (commentary != NULL)
    rd_report_document_add_key_value (doc, _("Commentary"), commentary);
  if (lines != NULL)
    rd_report_document_add_key_value (doc, _("Evidence"), lines);
  rd_report_document_end_group (doc);
}

static void
add_evidence_appendix (RdReportDocument *doc,
                       Snapshot         *s)
{
  RdAssessmentMode mode = rd_assessment_get_mode (s->assessment);
  gboolean begun = FALSE;

  for (guint i = 0; i < rd_framework_get_n_items (s->framework); i++)
    {
      RdItem *item = rd_framework_get_item (s->framework, i);

      if (rd_framework_item_in_mode (s->framework, item, mode))
        add_item_evidence (doc, s, item, &begun);
    }
  for (guint q = 0; q < s->own_questions->len; q++)
    add_item_evidence (doc, s, rd_own_question_get_item (g_ptr_array_index (s->own_questions, q)), &begun);
}

static RdReportDocument *
build_document (Snapshot *s)
{
  RdReportDocument *doc = rd_report_document_new ();
  g_autofree char *footer = NULL;
  RdFactorBarsData *bars = rd_report_charts_factor_bars (s->results);
  RdAreaRadarData *radar = rd_report_charts_area_radar (s->results, s->framework);

  /* Translators: a report's footer, "Sint-Jozef · 2026-2027" */
  footer = g_strdup_printf (_("%s · %s"), rd_school_get_name (s->school),
                            rd_assessment_get_school_year (s->assessment));
  rd_report_document_set_footer (doc, footer);

  add_cover (doc, s);
  rd_report_document_add_page_break (doc);
  rd_report_document_add_contents (doc, _("Contents"));
  add_summary (doc, s, bars);
  /* The document owns the chart data from here. */
  add_charts (doc, s, bars, radar);
  if (rd_results_get_n_years (s->results) >= 2)
    add_trend (doc, rd_report_charts_trend (s->results));
  if (s->change != NULL)
    rd_report_add_change (doc, s->change, s->done_actions);
  add_priorities (doc, s);
  add_groups (doc, s);
  add_own_questions (doc, s);
  add_learning_log (doc, s);
  add_actions (doc, s);
  add_appendix (doc, s);
  add_evidence_appendix (doc, s);

  rd_report_document_layout (doc);
  return doc;
}

static void
rd_report_finalize (GObject *object)
{
  RdReport *self = RD_REPORT (object);

  g_clear_object (&self->document);
  g_free (self->title);
  g_free (self->school);
  g_free (self->subject);
  g_free (self->created);

  G_OBJECT_CLASS (rd_report_parent_class)->finalize (object);
}

static void
rd_report_class_init (RdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_report_finalize;
}

static void
rd_report_init (RdReport *self)
{
}

RdReport *
rd_report_new (RdStore      *store,
               RdFramework  *framework,
               gint64        assessment_id,
               guint         anonymity_threshold,
               GError      **error)
{
  g_auto(Snapshot) s = { 0 };
  g_autoptr(GPtrArray) answers = NULL;
  double targets[RD_N_FACTORS];
  RdReport *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  s.results = rd_results_load (store, framework, assessment_id, error);
  if (s.results == NULL)
    return NULL;
  s.assessment = rd_results_get_assessment (s.results);
  /* A year answered with an earlier edition is reported with it. */
  framework = s.framework = rd_assessment_get_framework_edition (s.assessment, framework);
  s.school = rd_store_get_school (store, rd_assessment_get_school_id (s.assessment), error);
  if (s.school == NULL)
    return NULL;
  s.respondents = rd_store_list_respondents (store, assessment_id, error);
  if (s.respondents == NULL)
    return NULL;
  answers = rd_store_list_answers (store, assessment_id, error);
  if (answers == NULL || !rd_store_get_targets (store, assessment_id, targets, error))
    return NULL;
  s.comparison = rd_group_comparison_new (framework, rd_assessment_get_mode (s.assessment), answers, targets,
                                          anonymity_threshold);
  s.actions = rd_store_list_actions (store, assessment_id, error);
  if (s.actions == NULL)
    return NULL;
  s.own_questions = rd_store_list_own_questions (store, assessment_id, error);
  if (s.own_questions == NULL)
    return NULL;
  {
    g_autoptr(GPtrArray) own_answers = rd_store_list_own_answers (store, assessment_id, error);

    if (own_answers == NULL)
      return NULL;
    s.own_results = rd_own_results_compute (s.own_questions, own_answers,
                                            rd_own_results_count_people (answers, own_answers), anonymity_threshold);
    s.threshold = anonymity_threshold;
  }
  s.commentaries = rd_store_list_item_commentaries (store, assessment_id, error);
  if (s.commentaries == NULL)
    return NULL;
  s.evidence = rd_store_list_evidence (store, assessment_id, NULL, error);
  if (s.evidence == NULL)
    return NULL;
  s.change = rd_change_new_for_results (store, s.results, error);
  if (s.change == NULL && error != NULL && *error != NULL)
    return NULL;
  if (s.change != NULL)
    {
      s.done_actions = rd_change_list_done_actions (s.change, store, error);
      if (s.done_actions == NULL)
        return NULL;
    }
  if (!rd_store_get_assessment_log_figures (store, assessment_id, &s.log_facts, NULL, error))
    return NULL;
  s.now = g_date_time_new_now_local ();

  self = g_object_new (RD_TYPE_REPORT, NULL);
  self->school = g_strdup (rd_school_get_name (s.school));
  /* Translators: the title of a report's PDF file, "Digital Readiness Report: Sint-Jozef, 2026-2027" */
  self->title = g_strdup_printf (_("Digital Readiness Report: %s, %s"), self->school,
                                 rd_assessment_get_school_year (s.assessment));
  self->subject = g_strdup (rd_text_get_localized (rd_framework_get_title (framework)));
  self->created = g_date_time_format (s.now, "%Y-%m-%dT%H:%M:%S");
  self->document = build_document (&s);

  return self;
}

RdReportDocument *
rd_report_get_document (RdReport *self)
{
  g_return_val_if_fail (RD_IS_REPORT (self), NULL);
  return self->document;
}

guint
rd_report_get_n_pages (RdReport *self)
{
  g_return_val_if_fail (RD_IS_REPORT (self), 0);
  return rd_report_document_get_n_pages (self->document);
}

void
rd_report_draw_page (RdReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (RD_IS_REPORT (self));
  g_return_if_fail (page < rd_report_get_n_pages (self));

  rd_report_document_draw_page (self->document, cr, page, NULL);
}

/* Writing */

typedef struct
{
  int fd;
  int saved_errno;      /* the first failure to write; 0 for none */
  GCancellable *cancellable;
} Writer;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Writer *writer = closure;

  /* Once failed or cancelled, cairo's remaining output is thrown away. */
  if (writer->saved_errno != 0 || g_cancellable_is_cancelled (writer->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      gssize n = write (writer->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          writer->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
fail_errno (GError     **error,
            const char  *path,
            int          saved_errno)
{
  rd_export_file_set_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

static void
report_progress (RdReportProgressFunc progress,
                 gpointer             user_data,
                 double               fraction)
{
  if (progress != NULL)
    progress (fraction, user_data);
}

gboolean
rd_report_write_pdf (RdReport              *self,
                     const char            *path,
                     GCancellable          *cancellable,
                     RdReportProgressFunc   progress,
                     gpointer               user_data,
                     GError               **error)
{
  g_autoptr(RdExportFile) file = NULL;
  g_autoptr(PangoFontMap) font_map = NULL;
  Writer writer = { -1, 0, cancellable };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  int close_errno = 0;

  g_return_val_if_fail (RD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = rd_export_file_begin (path, error);
  if (file == NULL)
    return FALSE;
  writer.fd = g_open (rd_export_file_get_temp_path (file), O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (writer.fd < 0)
    return fail_errno (error, path, errno);

  n_pages = rd_report_document_get_n_pages (self->document);
  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &writer, RD_REPORT_PAGE_WIDTH, RD_REPORT_PAGE_HEIGHT);
  /* A viewer shows these in its title bar: isolated as on the page. */
  {
    g_autofree char *title = rd_chart_text_isolate (self->title);
    g_autofree char *author = rd_chart_text_isolate (self->school);
    g_autofree char *subject = rd_chart_text_isolate (self->subject);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Readiness");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, self->created);

  /* A font map of this call's own: the thread's default one may be in use
   * by whoever else runs on a pool thread. */
  font_map = pango_cairo_font_map_new ();
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages && !g_cancellable_is_cancelled (cancellable) && writer.saved_errno == 0; p++)
    {
      rd_report_document_draw_page (self->document, cr, p, font_map);
      cairo_show_page (cr);
      report_progress (progress, user_data, (p + 1.0) / (n_pages + 1.0));
    }

  /* The outline: one entry per section, leading to its heading. */
  for (guint i = 0; i < rd_report_document_get_n_sections (self->document); i++)
    {
      guint page;
      double y;
      const char *title = rd_report_document_get_section (self->document, i, &page, &y);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) RD_REPORT_MARGIN,
                                               (int) floor (y));

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }

  cairo_destroy (cr);
  /* Finishing writes the fonts and the cross-reference table: most bytes. */
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (close (writer.fd) != 0)
    close_errno = errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (writer.saved_errno != 0)
    return fail_errno (error, path, writer.saved_errno);
  if (close_errno != 0)
    return fail_errno (error, path, close_errno);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      rd_export_file_set_error (error, path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }

  /* Freeing @file without committing it removes the temporary file. */
  if (!rd_export_file_commit (file, cancellable, error))
    return FALSE;

  report_progress (progress, user_data, 1.0);
  return TRUE;
}
