#define G_LOG_DOMAIN "rd-results-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rd-accessible.h"
#include "rd-change.h"
#include "rd-council.h"
#include "rd-discussion-window.h"
#include "rd-moved-row.h"
#include "rd-group-comparison.h"
#include "rd-preferences-window.h"
#include "rd-report-charts.h"
#include "rd-report-figures.h"
#include "rd-results-page-private.h"

#define N_PRIORITIES 8

static const char * const chart_ids[RD_RESULTS_N_CHARTS] = { "factors", "areas", "trend" };

/* A chart with its title, a note on what its figures rest on, and the
 * table alternative made from the same figures, shown in the chart's place. */
typedef struct
{
  GtkWidget *card;
  GtkLabel *title;
  GtkToggleButton *table_button;
  GtkStack *stack;
  RdChartView *view;
  GtkLabel *note;
  AdwBin *table;
} ChartCard;

struct _RdResultsPage
{
  GtkWidget parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  RdResults *results;
  RdGroupComparison *comparison;
  GtkWidget *discussion;   /* weak */
  GSettings *settings;     /* NULL without the installed schema */

  GtkWidget *scrolled;
  GtkLabel *summary;
  GtkWidget *factor_rows[RD_N_FACTORS];
  GtkWidget *target_buttons[RD_N_FACTORS];
  ChartCard charts[RD_RESULTS_N_CHARTS];
  GtkWidget *trend_hint;
  RdChange *change;        /* NULL: no earlier school year */
  AdwPreferencesGroup *moved_group;
  GtkListBox *moved;
  GtkLabel *moved_empty;
  GtkLabel *moved_untested;
  AdwPreferencesGroup *priorities_group;
  GtkListBox *priorities;
  GtkWidget *priorities_empty;
  AdwPreferencesGroup *facts_group;
  GtkListBox *facts;
  GtkLabel *groups_hint;
  GtkWidget *groups_table_holder;
  GtkWidget *differences_heading;
  GtkLabel *differences_key;
  GtkListBox *differences;
  AdwPreferencesGroup *own_group;
  GtkListBox *own;
  GtkLabel *own_hint;
};

G_DEFINE_FINAL_TYPE (RdResultsPage, rd_results_page, GTK_TYPE_WIDGET)

static void on_target_changed (GtkSpinButton *button,
                               RdResultsPage *self);

/* The table takes the chart's place, and the button offers the chart back;
 * each chart keeps its own choice. */
static void
on_table_toggled (GtkToggleButton *button,
                  RdResultsPage   *self)
{
  gboolean table = gtk_toggle_button_get_active (button);

  for (guint c = 0; c < RD_RESULTS_N_CHARTS; c++)
    if (self->charts[c].table_button == button)
      gtk_stack_set_visible_child_name (self->charts[c].stack, table ? "table" : "chart");
  gtk_button_set_label (GTK_BUTTON (button), table ? _("Show as _Chart") : _("Show as _Table"));
}

/* The table alternative: a header row and rows of cells. */
static GtkWidget *
create_table (const char * const *header,
              guint               n_columns)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"), -1);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *cell = gtk_label_new (header[c]);

      gtk_label_set_xalign (GTK_LABEL (cell), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (cell, "heading");
      gtk_grid_attach (GTK_GRID (grid), cell, (int) c, 0, 1, 1);
    }
  return grid;
}

static void
add_table_cell (GtkWidget  *grid,
                guint       column,
                guint       row,
                const char *text)
{
  GtkWidget *cell = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (cell), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (cell), column == 0);
  if (column > 0)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_grid_attach (GTK_GRID (grid), cell, (int) column, (int) row + 1, 1, 1);
}

/* A list's rows are made anew from each refresh's figures: structs the core
 * computes afresh (gaps, differences, own results), not objects a
 * GListModel could hold. */
static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
refresh_factors (RdResultsPage *self)
{
  RdAnalysis *analysis = rd_results_get_analysis (self->results);
  RdFactorBarsData *bars = rd_report_charts_factor_bars (self->results);
  static const char *header[] = { NULL, NULL, NULL, NULL, NULL };
  GtkWidget *table;

  header[0] = _("Success factor");
  header[1] = C_("table heading", "Readiness");
  header[2] = _("Level");
  header[3] = _("Target");
  header[4] = _("Gap");
  table = create_table (header, G_N_ELEMENTS (header));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;
      g_autofree char *subtitle = NULL;

      rd_analysis_get_factor (analysis, f, &result);
      if (result.trusted)
        /* Translators: "62 · Established · target 70 · gap 8" */
        subtitle = g_strdup_printf (_("%s · %s · target %s · gap %s"), bars->readiness[f], bars->level[f],
                                    bars->target[f], bars->gap[f]);
      else
        subtitle = g_strdup_printf (g_dngettext (NULL,
                                                 "Not enough answers: %u of %u item has a score",
                                                 "Not enough answers: %u of %u items have a score",
                                                 result.n_items),
                                    result.n_answered, result.n_items);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->factor_rows[f]), subtitle);
      /* Showing a target does not store it again. */
      g_signal_handlers_block_by_func (self->target_buttons[f], on_target_changed, self);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->target_buttons[f]), result.target);
      g_signal_handlers_unblock_by_func (self->target_buttons[f], on_target_changed, self);
      /* A complete assessment is read-only, its targets too. */
      gtk_widget_set_sensitive (self->target_buttons[f],
                                rd_assessment_get_status (rd_results_get_assessment (self->results))
                                == RD_ASSESSMENT_STATUS_DRAFT);

      add_table_cell (table, 0, f, rd_factor_get_title (f));
      add_table_cell (table, 1, f, bars->readiness[f]);
      add_table_cell (table, 2, f, bars->level[f]);
      add_table_cell (table, 3, f, bars->target[f]);
      add_table_cell (table, 4, f, bars->gap[f]);
    }

  rd_chart_view_set_description (self->charts[RD_RESULTS_CHART_FACTORS].view,
                                 _("Readiness per success factor against its target"), bars->description);
  rd_chart_view_set_data (self->charts[RD_RESULTS_CHART_FACTORS].view, bars,
                          (GDestroyNotify) rd_factor_bars_data_free);
  adw_bin_set_child (self->charts[RD_RESULTS_CHART_FACTORS].table, table);
}

static void
set_card_note (ChartCard  *card,
               const char *note)
{
  gtk_label_set_label (card->note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (card->note), note != NULL);
}

static void
refresh_areas (RdResultsPage *self)
{
  RdAreaRadarData *radar = rd_report_charts_area_radar (self->results, self->framework);
  const char *header[3] = { _("Area"), _("Score"), NULL };
  GtkWidget *table;

  header[2] = radar->previous_label ? radar->previous_label : _("Previous");
  table = create_table (header, radar->previous_label ? 3 : 2);

  for (guint a = 0; a < radar->n_axes; a++)
    {
      g_autofree char *value = rd_report_format_score (radar->axes[a].value);

      add_table_cell (table, 0, a, radar->area_titles[a]);
      add_table_cell (table, 1, a, value);
      if (radar->previous_label != NULL)
        {
          g_autofree char *before = rd_report_format_score (radar->axes[a].previous);

          add_table_cell (table, 2, a, before);
        }
    }

  rd_chart_view_set_description (self->charts[RD_RESULTS_CHART_AREAS].view, _("Score per area"),
                                 radar->description);
  set_card_note (&self->charts[RD_RESULTS_CHART_AREAS], radar->editions_note);
  rd_chart_view_set_data (self->charts[RD_RESULTS_CHART_AREAS].view, radar,
                          (GDestroyNotify) rd_area_radar_data_free);
  adw_bin_set_child (self->charts[RD_RESULTS_CHART_AREAS].table, table);
}

static void
refresh_trend (RdResultsPage *self)
{
  RdFactorTrendData *trend = rd_report_charts_trend (self->results);
  guint n_years = trend->trend.n_years;
  const char *header[1 + RD_N_FACTORS] = { _("School year") };
  GtkWidget *table;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    header[1 + f] = rd_factor_get_short_title (f);
  table = create_table (header, G_N_ELEMENTS (header));

  for (guint y = 0; y < n_years; y++)
    {
      add_table_cell (table, 0, y, trend->years[y]);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          g_autofree char *value = rd_report_format_score (trend->values[f][y]);
          add_table_cell (table, 1 + f, y, value);
        }
    }

  rd_chart_view_set_description (self->charts[RD_RESULTS_CHART_TREND].view,
                                 _("Readiness per success factor across school years"), trend->description);
  set_card_note (&self->charts[RD_RESULTS_CHART_TREND], trend->editions_note);
  rd_chart_view_set_data (self->charts[RD_RESULTS_CHART_TREND].view, trend,
                          (GDestroyNotify) rd_factor_trend_data_free);
  adw_bin_set_child (self->charts[RD_RESULTS_CHART_TREND].table, table);

  /* One year is no trend yet; say when there will be one. */
  gtk_widget_set_visible (self->charts[RD_RESULTS_CHART_TREND].card, n_years >= 2);
  gtk_widget_set_visible (self->trend_hint, n_years < 2);
}

/* The action already linked to @item, so that a gap is planned once. */
static RdAction *
find_planned (GPtrArray *actions,
              RdItem    *item)
{
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      RdAction *action = g_ptr_array_index (actions, i);

      if (g_strv_contains (rd_action_get_item_ids (action), rd_item_get_id (item)))
        return action;
    }

  return NULL;
}

/* Drafting goes to the assessment view, which holds the action plan. */
static GtkWidget *
create_plan_button (const RdItemGap *gap,
                    RdAction        *planned)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (planned ? _("In the _Plan") : _("_Plan Action"));
  const char *item_text = rd_text_get_localized (rd_item_get_text (gap->item));
  g_autofree char *label = NULL;

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (planned != NULL)
    {
      gtk_widget_set_tooltip_text (button, _("Open the action planned for this gap"));
      /* Translators: accessible name of the button that opens the action planned for a priority */
      label = g_strdup_printf (_("Open the action planned for “%s”"), item_text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.edit-action");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (rd_action_get_id (planned)));
    }
  else
    {
      gtk_widget_set_tooltip_text (button, _("Draft an action for this gap in the action plan"));
      /* Translators: accessible name of the button that drafts an action from a priority */
      label = g_strdup_printf (_("Plan an action for “%s”"), item_text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.draft-action");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new ("(si)", rd_item_get_id (gap->item), (int) gap->factor));
    }
  rd_accessible_name_button (button, label);
  return button;
}

static void
refresh_priorities (RdResultsPage *self)
{
  g_autoptr(GArray) gaps = rd_analysis_list_priorities (rd_results_get_analysis (self->results), N_PRIORITIES);
  g_autoptr(GPtrArray) actions = rd_store_list_actions (self->store,
                                                        rd_assessment_get_id (rd_results_get_assessment (self->results)),
                                                        NULL);
  clear_list (self->priorities);
  for (guint i = 0; i < gaps->len; i++)
    {
      RdItemGap *gap = &g_array_index (gaps, RdItemGap, i);
      const char *point = rd_item_get_council_point (gap->item);
      const char *point_title = rd_council_point_get_title (point);
      g_autofree char *reference = NULL;
      g_autofree char *figures = rd_report_format_priority (rd_results_get_analysis (self->results), gap);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a Council Recommendation point and its title, "4 b i — gigabit connectivity" */
      reference = point_title ? g_strdup_printf (_("%s — %s"), point, point_title) : g_strdup (point);
      /* Translators: under a priority: recommendation, then "Council Recommendation 4 b i — …",
       * then the figures it is ranked by */
      subtitle = g_strdup_printf (_("%s\nCouncil Recommendation %s\n%s"),
                                  rd_text_get_localized (rd_item_get_recommendation (gap->item)),
                                  reference, figures);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rd_text_get_localized (rd_item_get_text (gap->item)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_plan_button (gap, find_planned (actions, gap->item)));
      gtk_list_box_append (self->priorities, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->priorities), gaps->len > 0);
  gtk_widget_set_visible (self->priorities_empty, gaps->len == 0);
}

/* A change shown as a row: what moved, up or down, by how much, and what
 * the test says of it. */
static GtkWidget *
create_moved_row (RdChange          *change,
                  const RdChangeRow *row)
{
  g_autofree char *line = rd_change_format_row (change, row);
  g_autofree char *title = NULL;

  if (row->item == NULL)
    /* Translators: a success factor in the list of what moved, "Readiness: Capacity building" */
    title = g_strdup_printf (_("Readiness: %s"), rd_factor_get_title (row->factor));
  else
    title = g_strdup (rd_change_row_get_title (row));
  return rd_moved_row_new (title, line, row->delta > 0);
}

/* What moved since the previous school year, largest first; hidden when
 * the school has no earlier year. */
static void
refresh_moved (RdResultsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *description = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *untested = NULL;

  g_clear_object (&self->change);
  clear_list (self->moved);
  self->change = rd_change_new_for_results (self->store, self->results, &error);
  if (error != NULL)
    g_warning ("The change since the previous year could not be read: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_group), self->change != NULL);
  if (self->change == NULL)
    return;

  /* Translators: %s is the previous school year */
  description = g_strdup_printf (_("Since %s: the changes that are more than chance, largest first. "
                                   "A question or success factor counts as moved when Welch’s t-test on the "
                                   "respondents’ scores gives p below 0.05; a fact is the school’s own figure "
                                   "and needs no test."),
                                 rd_change_get_before_year (self->change));
  adw_preferences_group_set_description (self->moved_group, description);

  moved = rd_change_list_moved (self->change);
  for (guint i = 0; i < moved->len; i++)
    gtk_list_box_append (self->moved, create_moved_row (self->change, g_ptr_array_index (moved, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->moved), moved->len > 0);

  empty = g_strdup_printf (_("Nothing moved more than chance since %s."), rd_change_get_before_year (self->change));
  gtk_label_set_text (self->moved_empty, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_empty), moved->len == 0);

  untested = rd_change_format_untested (self->change);
  gtk_label_set_text (self->moved_untested, untested != NULL ? untested : "");
  gtk_widget_set_visible (GTK_WIDGET (self->moved_untested), untested != NULL);
}

static gboolean
answers_differ (RdAnalysis *analysis,
                RdItem     *item)
{
  RdFactValues values;

  return rd_analysis_get_fact_values (analysis, item, &values) && values.n_distinct > 1;
}

/* A mark beside a fact whose answers differ: worth a word with the people
 * who gave them. The subtitle says it in words too. */
static void
add_differ_mark (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_tooltip_text (icon, _("The answers differ"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The answers differ"), -1);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
}

/* Every answered question of fact in this assessment, with what was
 * answered beside its score. */
static void
refresh_facts (RdResultsPage *self)
{
  RdAnalysis *analysis = rd_results_get_analysis (self->results);
  RdAssessmentMode mode = rd_assessment_get_mode (rd_results_get_assessment (self->results));
  guint n_facts = 0;

  clear_list (self->facts);

  for (guint i = 0; i < rd_framework_get_n_items (self->framework); i++)
    {
      RdItem *item = rd_framework_get_item (self->framework, i);
      g_autofree char *fact = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!rd_framework_item_in_mode (self->framework, item, mode) ||
          (fact = rd_report_format_fact (analysis, item)) == NULL)
        continue;

      /* Translators: under a question of fact, what was answered and its
       * score: "1000 Mbit/s · score 100" */
      subtitle = g_strdup_printf (_("%s · score %.0f"), fact,
                                  rd_analysis_get_item_score (analysis, rd_item_get_id (item), NULL));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_text_get_localized (rd_item_get_text (item)));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (answers_differ (analysis, item))
        add_differ_mark (row);
      gtk_list_box_append (self->facts, row);
      n_facts++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), n_facts > 0);
}

static void
refresh_groups (RdResultsPage *self)
{
  RdAssessment *assessment = rd_results_get_assessment (self->results);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  double targets[RD_N_FACTORS];
  const char *header[2 + RD_N_FACTORS] = { _("Group"), _("Respondents") };
  g_autofree char *hint = NULL;
  GtkWidget *table;
  guint n_groups;

  answers = rd_store_list_answers (self->store, rd_assessment_get_id (assessment), &error);
  if (answers == NULL || !rd_store_get_targets (self->store, rd_assessment_get_id (assessment), targets, &error))
    {
      g_warning ("Could not compare the groups: %s", error->message);
      return;
    }

  g_clear_object (&self->comparison);
  self->comparison = rd_group_comparison_new (self->framework, rd_assessment_get_mode (assessment),
                                              answers, targets, rd_preferences_get_anonymity_threshold ());
  n_groups = rd_group_comparison_get_n_groups (self->comparison);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    header[2 + f] = rd_factor_get_short_title (f);
  table = create_table (header, G_N_ELEMENTS (header));
  for (guint g = 0; g < n_groups; g++)
    {
      const RdGroupResult *group = rd_group_comparison_get_group (self->comparison, g);
      g_autofree char *count = g_strdup_printf ("%u", group->n_respondents);

      add_table_cell (table, 0, g, group->title);
      add_table_cell (table, 1, g, count);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          g_autofree char *value = rd_report_format_group_factor (group, f);
          add_table_cell (table, 2 + f, g, value);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Readiness per group"), -1);
  adw_bin_set_child (ADW_BIN (self->groups_table_holder), table);

  clear_list (self->differences);
  differences = rd_group_comparison_list_differences (self->comparison, 5);
  for (guint i = 0; i < differences->len; i++)
    {
      RdItemDifference *difference = &g_array_index (differences, RdItemDifference, i);
      g_autofree char *subtitle = rd_report_format_difference (self->comparison, difference);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rd_text_get_localized (rd_item_get_text (difference->item)));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->differences, row);
    }

  hint = rd_group_comparison_describe_rule (self->comparison);
  gtk_label_set_text (self->groups_hint, hint);

  /* One group alone is no comparison. */
  gtk_widget_set_visible (self->groups_table_holder, n_groups >= 2);
  gtk_widget_set_visible (GTK_WIDGET (self->differences), n_groups >= 2 && differences->len > 0);
  gtk_widget_set_visible (self->differences_heading, n_groups >= 2 && differences->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->differences_key), n_groups >= 2 && differences->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.discuss", n_groups >= 2 && differences->len > 0);

  /* An open projector view shows what the page shows. */
  if (self->discussion != NULL)
    rd_discussion_window_set_comparison (RD_DISCUSSION_WINDOW (self->discussion), self->comparison);
}

static GtkWidget *
create_own_row (RdFramework       *framework,
                const RdOwnResult *result)
{
  RdArea *area = rd_framework_lookup_area (framework, rd_own_question_get_area_id (result->question));
  g_autofree char *figures = rd_report_format_own_result (result);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: under a question of the school's own: its area, then its answers, "Devices · 120 laptops" */
  subtitle = g_strdup_printf (_("%s · %s"), area ? rd_text_get_localized (rd_area_get_title (area))
                                                 : rd_own_question_get_area_id (result->question),
                              figures);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_own_question_get_text (result->question));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (result->values.n_distinct > 1 && rd_own_question_get_kind (result->question) != RD_ITEM_KIND_STATEMENT)
    add_differ_mark (row);
  return row;
}

/* The school's own questions, apart from every figure above. */
static void
refresh_own (RdResultsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = rd_store_list_own_questions (self->store, self->assessment_id, &error);
  g_autoptr(GPtrArray) own_answers = questions ? rd_store_list_own_answers (self->store, self->assessment_id, &error)
                                               : NULL;
  g_autoptr(GPtrArray) answers = own_answers ? rd_store_list_answers (self->store, self->assessment_id, &error)
                                             : NULL;
  g_autoptr(GArray) results = NULL;

  clear_list (self->own);
  if (answers == NULL)
    {
      g_warning ("Could not load the questions of the school’s own: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->own_group), FALSE);
      return;
    }

  results = rd_own_results_compute (questions, own_answers, rd_own_results_count_people (answers, own_answers),
                                    rd_preferences_get_anonymity_threshold ());
  gtk_widget_set_visible (GTK_WIDGET (self->own_hint), FALSE);
  for (guint i = 0; i < results->len; i++)
    {
      const RdOwnResult *result = &g_array_index (results, RdOwnResult, i);

      gtk_list_box_append (self->own, create_own_row (self->framework, result));
      if (result->hidden)
        {
          g_autofree char *hint = rd_report_own_questions_hidden_note (rd_preferences_get_anonymity_threshold ());

          gtk_label_set_text (self->own_hint, hint);
          gtk_widget_set_visible (GTK_WIDGET (self->own_hint), TRUE);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->own_group), results->len > 0);
}

/* A new threshold in the Preferences applies at once, not at the next visit. */
static void
on_threshold_changed (GSettings     *settings,
                      const char    *key,
                      RdResultsPage *self)
{
  if (self->results != NULL)
    {
      refresh_groups (self);
      refresh_own (self);
    }
}

static void
refresh (RdResultsPage *self)
{
  RdAssessment *assessment = rd_results_get_assessment (self->results);
  g_autofree char *summary = NULL;
  const char *status;

  status = rd_assessment_get_status (assessment) == RD_ASSESSMENT_STATUS_COMPLETE
           ? C_("assessment status", "Complete") : C_("assessment status", "Draft");
  /* Translators: "Draft · 52 of 58 items answered · 2025-2026" */
  summary = g_strdup_printf (g_dngettext (NULL, "%s · %u of %u item answered · %s",
                                          "%s · %u of %u items answered · %s",
                                          rd_results_get_n_items (self->results)),
                             status, rd_results_get_n_answered (self->results),
                             rd_results_get_n_items (self->results),
                             rd_assessment_get_school_year (assessment));
  gtk_label_set_text (self->summary, summary);

  refresh_factors (self);
  refresh_areas (self);
  refresh_trend (self);
  refresh_moved (self);
  refresh_priorities (self);
  refresh_facts (self);
  refresh_groups (self);
  refresh_own (self);
}

gboolean
rd_results_page_reload (RdResultsPage  *self,
                        GError        **error)
{
  RdResults *results;

  g_return_val_if_fail (RD_IS_RESULTS_PAGE (self), FALSE);

  results = rd_results_load (self->store, self->framework, self->assessment_id, error);
  if (results == NULL)
    return FALSE;

  g_set_object (&self->results, results);
  g_object_unref (results);
  refresh (self);
  return TRUE;
}

static void
show_error (RdResultsPage *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A target is saved as soon as it changes, and everything follows. */
static void
on_target_changed (GtkSpinButton *button,
                   RdResultsPage *self)
{
  RdFactor factor = 0;
  g_autoptr(GError) error = NULL;

  while (self->target_buttons[factor] != GTK_WIDGET (button))
    factor++;
  if (!rd_store_set_target (self->store, self->assessment_id, factor,
                            gtk_spin_button_get_value (button), &error) ||
      !rd_results_page_reload (self, &error))
    {
      show_error (self, _("Could Not Change the Target"), error);
      g_clear_error (&error);
      /* Show what is really stored. */
      if (!rd_results_page_reload (self, &error))
        g_warning ("Could not reload the results: %s", error->message);
    }
}

gboolean
rd_results_page_export_chart (RdResultsPage  *self,
                              RdResultsChart  chart,
                              RdChartFormat   format,
                              const char     *path,
                              GError        **error)
{
  RdChartView *view;

  g_return_val_if_fail (RD_IS_RESULTS_PAGE (self), FALSE);
  g_return_val_if_fail (chart < RD_RESULTS_N_CHARTS, FALSE);

  view = self->charts[chart].view;
  /* The same drawing function as on screen, at a size fit for a report. */
  return rd_chart_export (rd_chart_view_get_draw_func (view), rd_chart_view_get_data (view), format,
                          format == RD_CHART_FORMAT_PNG ? 1600 : 800,
                          format == RD_CHART_FORMAT_PNG ? 1000 : 500,
                          rd_chart_view_get_label (view), rd_chart_view_get_description (view),
                          path, error);
}

typedef struct
{
  RdResultsPage *self;
  RdResultsChart chart;
  RdChartFormat format;
} ExportRequest;

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *request)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL &&
          !rd_results_page_export_chart (request->self, request->chart, request->format, path, &error))
        show_error (request->self, _("Could Not Export the Chart"), error);
    }

  g_object_unref (request->self);
  g_free (request);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdResultsPage *self = RD_RESULTS_PAGE (widget);
  const char *chart_id, *format_id;
  ExportRequest *request;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  guint chart = 0;

  g_variant_get (parameter, "(&s&s)", &chart_id, &format_id);
  while (chart < RD_RESULTS_N_CHARTS && !g_str_equal (chart_ids[chart], chart_id))
    chart++;
  if (chart == RD_RESULTS_N_CHARTS)
    return;

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->chart = chart;
  request->format = g_str_equal (format_id, "svg") ? RD_CHART_FORMAT_SVG : RD_CHART_FORMAT_PNG;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  {
    g_autoptr(RdSchool) school = rd_store_get_school (self->store,
                                                      rd_assessment_get_school_id (rd_results_get_assessment (self->results)),
                                                      NULL);
    g_autofree char *base = NULL;

    /* Translators: suggested file name of an exported chart, "Sint-Jozef 2026-2027 Areas" */
    base = g_strdup_printf (_("%s %s %s"), school ? rd_school_get_name (school) : "",
                            rd_assessment_get_school_year (rd_results_get_assessment (self->results)),
                            gtk_label_get_text (self->charts[chart].title));
    g_strdelimit (base, "/\\", '-');
    name = g_strdup_printf ("%s.%s", g_strstrip (base), format_id);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
discuss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdResultsPage *self = RD_RESULTS_PAGE (widget);
  GtkWidget *window;

  if (self->comparison == NULL)
    return;
  window = rd_discussion_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->framework, self->comparison);
  if (self->discussion != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->discussion), (gpointer *) &self->discussion);
  self->discussion = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->discussion);
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
rd_results_page_dispose (GObject *object)
{
  RdResultsPage *self = RD_RESULTS_PAGE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->discussion != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->discussion), (gpointer *) &self->discussion);
  self->discussion = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_RESULTS_PAGE);
  G_OBJECT_CLASS (rd_results_page_parent_class)->dispose (object);
}

static void
rd_results_page_finalize (GObject *object)
{
  RdResultsPage *self = RD_RESULTS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->results);
  g_clear_object (&self->comparison);
  g_clear_object (&self->change);

  G_OBJECT_CLASS (rd_results_page_parent_class)->finalize (object);
}

/* Binds the template child "@prefix@suffix" to the field at @offset. */
static void
bind_child (GtkWidgetClass *widget_class,
            const char     *prefix,
            const char     *suffix,
            gssize          offset)
{
  g_autofree char *id = g_strconcat (prefix, suffix, NULL);

  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, offset);
}

static void
rd_results_page_class_init (RdResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_results_page_dispose;
  object_class->finalize = rd_results_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (RD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/results/rd-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, summary);
  /* A row and a target per success factor, a card per chart, named by
   * their ids: "capacity_target", "trend_view". */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      bind_child (widget_class, rd_factor_to_id (f), "_row",
                  G_STRUCT_OFFSET (RdResultsPage, factor_rows) + (gssize) (f * sizeof (GtkWidget *)));
      bind_child (widget_class, rd_factor_to_id (f), "_target",
                  G_STRUCT_OFFSET (RdResultsPage, target_buttons) + (gssize) (f * sizeof (GtkWidget *)));
    }
  for (guint c = 0; c < RD_RESULTS_N_CHARTS; c++)
    {
      gssize card = G_STRUCT_OFFSET (RdResultsPage, charts) + (gssize) (c * sizeof (ChartCard));

      bind_child (widget_class, chart_ids[c], "_card", card + G_STRUCT_OFFSET (ChartCard, card));
      bind_child (widget_class, chart_ids[c], "_title", card + G_STRUCT_OFFSET (ChartCard, title));
      bind_child (widget_class, chart_ids[c], "_view", card + G_STRUCT_OFFSET (ChartCard, view));
      bind_child (widget_class, chart_ids[c], "_note", card + G_STRUCT_OFFSET (ChartCard, note));
      bind_child (widget_class, chart_ids[c], "_table_button", card + G_STRUCT_OFFSET (ChartCard, table_button));
      bind_child (widget_class, chart_ids[c], "_stack", card + G_STRUCT_OFFSET (ChartCard, stack));
      bind_child (widget_class, chart_ids[c], "_table", card + G_STRUCT_OFFSET (ChartCard, table));
    }
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, trend_hint);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, moved_group);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, moved);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, moved_empty);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, moved_untested);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, priorities_group);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, priorities);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, priorities_empty);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, facts);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, groups_hint);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, groups_table_holder);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, differences_heading);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, differences_key);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, differences);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, own_group);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, own);
  gtk_widget_class_bind_template_child (widget_class, RdResultsPage, own_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);

  gtk_widget_class_install_action (widget_class, "results.export", "(ss)", export_action);
  gtk_widget_class_install_action (widget_class, "results.discuss", NULL, discuss_action);
}

static void
rd_results_page_init (RdResultsPage *self)
{
  static const RdChartDrawFunc draw[RD_RESULTS_N_CHARTS] = {
    rd_factor_bars_data_draw, rd_area_radar_data_draw, rd_factor_trend_data_draw,
  };
  g_autofree char *priorities_intro = g_strdup_printf ("%s %s", rd_report_priorities_intro (),
                                                       rd_report_priorities_ranking ());

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint c = 0; c < RD_RESULTS_N_CHARTS; c++)
    rd_chart_view_set_draw_func (self->charts[c].view, draw[c]);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *target_label = g_strdup_printf (_("Target for %s"), rd_factor_get_short_title (f));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->factor_rows[f]), rd_factor_get_title (f));
      gtk_widget_set_tooltip_text (self->target_buttons[f], target_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_buttons[f]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      target_label, -1);
    }
  /* In the PDF report's words. */
  adw_preferences_group_set_description (self->priorities_group, priorities_intro);
  adw_preferences_group_set_description (self->facts_group, rd_report_facts_intro ());
  adw_preferences_group_set_description (self->own_group, rd_report_own_questions_intro ());
  gtk_label_set_text (self->differences_key, rd_report_spread_key ());

  self->settings = rd_preferences_new_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect (self->settings, "changed::anonymity-threshold", G_CALLBACK (on_threshold_changed), self);
      /* Some backends tell of changes only to keys that were read. */
      g_settings_get_int (self->settings, "anonymity-threshold");
    }
}

GtkWidget *
rd_results_page_new (RdStore     *store,
                     RdFramework *framework,
                     gint64       assessment_id)
{
  RdResultsPage *self = g_object_new (RD_TYPE_RESULTS_PAGE, NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = assessment_id;
  return GTK_WIDGET (self);
}

RdResults *
rd_results_page_get_results (RdResultsPage *self)
{
  g_return_val_if_fail (RD_IS_RESULTS_PAGE (self), NULL);
  return self->results;
}

RdChange *
rd_results_page_get_change (RdResultsPage *self)
{
  g_return_val_if_fail (RD_IS_RESULTS_PAGE (self), NULL);
  return self->change;
}

RdGroupComparison *
rd_results_page_get_group_comparison (RdResultsPage *self)
{
  g_return_val_if_fail (RD_IS_RESULTS_PAGE (self), NULL);
  return self->comparison;
}
