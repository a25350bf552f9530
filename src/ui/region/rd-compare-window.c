#define G_LOG_DOMAIN "rd-compare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "rd-accessible.h"
#include "rd-chart-view.h"
#include "rd-change.h"
#include "rd-compare-window-private.h"
#include "rd-comparison-export-job.h"
#include "rd-heatmap-view.h"
#include "rd-moved-row.h"

/* Below this width the side panel goes under the table. */
#define NARROW_WIDTH 700
#define SIDE_WIDTH 360      /* the template starts with it */
#define SIDE_HEIGHT 280
/* Answers come one at a time while someone fills in a questionnaire:
 * the comparison follows once they pause. */
#define RELOAD_DELAY_MS 300

typedef struct
{
  RdComparisonColumn column;
  guint index;
} SortKey;

struct _RdCompareWindow
{
  AdwWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  GtkStringList *years;
  RdComparison *all;         /* the school year's schools */
  RdComparison *shown;       /* … filtered */
  char *region;              /* NULL: all */
  RdSchoolType school_type;  /* RD_SCHOOL_TYPE_UNSET: all */
  GArray *type_choices;      /* of RdSchoolType, as the type dropdown lists them after "All types" */
  char *view;                /* "factors" or "areas" */
  GArray *sort_keys;         /* of SortKey, as the sort dropdown lists them */
  gboolean narrow;
  gboolean selected_once;
  gboolean years_stale;
  guint reload_id;

  GtkStack *title_stack;
  GtkWidget *filter_bar;
  GtkDropDown *year_dropdown;
  GtkDropDown *region_dropdown;
  GtkDropDown *type_dropdown;
  GtkDropDown *sort_dropdown;
  GtkToggleButton *descending_button;
  GtkLabel *count_label;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkPaned *paned;
  RdHeatmapView *heatmap;
  GtkWidget *side;
  GtkStack *school_stack;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *boxplot_heading;
  RdChartView *boxplot;
  GtkWidget *difference_rows[RD_N_FACTORS];
  GtkLabel *value_labels[RD_N_FACTORS];
  GtkWidget *target_rows[RD_N_FACTORS];
  AdwPreferencesGroup *moved_group;
  GtkListBox *moved_list;
  GPtrArray *moved;          /* of RdSchoolChange, since moved_from; NULL: no earlier year */
  char *moved_from;
};

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RdCompareWindow, rd_compare_window, ADW_TYPE_WINDOW)

static gboolean
is_factors_view (RdCompareWindow *self)
{
  return g_strcmp0 (self->view, "areas") != 0;
}

static RdComparisonColumn
column_kind (RdCompareWindow *self)
{
  return is_factors_view (self) ? RD_COMPARISON_COLUMN_FACTOR : RD_COMPARISON_COLUMN_AREA;
}

static GStrv
column_titles (RdCompareWindow *self)
{
  return rd_comparison_charts_column_titles (self->framework, column_kind (self));
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("–") : g_strdup_printf ("%.0f", score);
}

/* Box plot */

static void
update_boxplot (RdCompareWindow *self,
                int              school)
{
  RdComparisonBoxplotData *data = rd_comparison_charts_boxplot (self->shown, self->framework, column_kind (self),
                                                                (guint) school);

  /* About 46 pixels a row and room for the scale and the legend. */
  gtk_widget_set_size_request (GTK_WIDGET (self->boxplot), 280, 70 + 46 * (int) data->n_rows);
  rd_chart_view_set_description (self->boxplot, data->label, data->description);
  rd_chart_view_set_data (self->boxplot, data, (GDestroyNotify) rd_comparison_boxplot_data_free);
}

/* Side panel */

static const char *
verdict (const RdFactorDifference *difference)
{
  if (isnan (difference->value))
    return _("not enough answers");
  if (difference->n_others == 0)
    return _("no other school to compare with");
  if (!difference->tested)
    return _("cannot tell: fewer than two respondents or summary only");
  switch (difference->difference)
    {
    case RD_DIFFERENCE_ABOVE:
      return _("clearly above the other schools");
    case RD_DIFFERENCE_BELOW:
      return _("clearly below the other schools");
    case RD_DIFFERENCE_NONE:
    default:
      return _("not clearly different");
    }
}

static void
update_differences (RdCompareWindow *self,
                    int              school)
{
  const RdSchoolScores *scores = rd_comparison_get_school (self->shown, (guint) school);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorDifference difference;
      g_autofree char *value = NULL;
      g_autofree char *median = NULL;
      g_autofree char *others = NULL;
      g_autofree char *target = NULL;
      g_autofree char *subtitle = NULL;

      rd_comparison_get_difference (self->shown, (guint) school, f, &difference);
      value = format_score (difference.value);
      median = format_score (difference.others_median);
      /* Translators: "Median of the other schools 61 · not clearly different" */
      others = g_strdup_printf (_("Median of the other schools %s · %s"), median, verdict (&difference));
      if (isnan (scores->target[f]))
        target = g_strdup (_("No target"));
      else if (isnan (difference.value))
        target = g_strdup_printf (_("Target %.0f"), scores->target[f]);
      else if (rd_comparison_is_below_target (self->shown, (guint) school, f))
        /* Translators: "Target 65 · below target" */
        target = g_strdup_printf (_("Target %.0f · below target"), scores->target[f]);
      else
        target = g_strdup_printf (_("Target %.0f · reached"), scores->target[f]);
      subtitle = g_strdup_printf ("%s\n%s", others, target);

      gtk_label_set_text (self->value_labels[f], value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->difference_rows[f]), subtitle);
    }
}

static void
update_school_panel (RdCompareWindow *self)
{
  int school = self->shown != NULL ? rd_heatmap_view_get_selected (self->heatmap) : -1;
  const RdSchoolScores *scores;
  g_autoptr(GString) details = NULL;

  if (school < 0)
    {
      gtk_stack_set_visible_child_name (self->school_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->school_stack, "school");

  scores = rd_comparison_get_school (self->shown, (guint) school);
  details = g_string_new (scores->region != NULL && scores->region[0] != '\0' ? scores->region : _("No region"));
  g_string_append (details, " · ");
  g_string_append (details, scores->school_type != RD_SCHOOL_TYPE_UNSET ? rd_school_type_get_title (scores->school_type)
                                                                        : _("No school type"));
  g_string_append (details, " · ");
  g_string_append_printf (details, g_dngettext (NULL, "%u respondent", "%u respondents", scores->n_respondents),
                          scores->n_respondents);
  if (scores->framework_version != NULL &&
      !g_str_equal (scores->framework_version, rd_framework_get_version (self->framework)))
    {
      g_string_append (details, "\n");
      /* Translators: in Compare Schools, under a school's name */
      g_string_append_printf (details, _("Answered with version %s of the framework: its figures count only its "
                                         "answers to questions that are the same in version %s."),
                              scores->framework_version, rd_framework_get_version (self->framework));
    }
  gtk_label_set_text (self->name_label, scores->school_name);
  gtk_label_set_text (self->details_label, details->str);
  gtk_label_set_text (self->boxplot_heading, is_factors_view (self) ? _("Against the Other Schools: Success Factors")
                                                                    : _("Against the Other Schools: Areas"));

  update_boxplot (self, school);
  update_differences (self, school);
}

static void
update_targets (RdCompareWindow *self)
{
  guint n = rd_comparison_get_n_schools (self->shown);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdTargetCount count;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      rd_comparison_count_below_target (self->shown, f, &count);
      /* Translators: "12 of 48 schools below target" */
      g_string_append_printf (subtitle, g_dngettext (NULL, "%u of %u school below target",
                                                     "%u of %u schools below target", n), count.below, n);
      if (count.unknown > 0)
        {
          g_string_append (subtitle, " · ");
          /* Translators: schools without a readiness or a target, after "12 of 48 schools below target" */
          g_string_append_printf (subtitle, g_dngettext (NULL, "%u unknown", "%u unknown", count.unknown),
                                  count.unknown);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_rows[f]), subtitle->str);
    }
}

/* One factor's move: "Engagement: 31 → 84, a meaningful rise (p = 0.002,
 * Welch’s t-test)". */
static char *
format_move (const RdSchoolChange *change,
             RdFactor              factor)
{
  const RdWelch *test = &change->test[factor];
  g_autofree char *p = rd_change_format_test (test);

  /* Translators: a school's change on a success factor in Compare Schools:
   * "Engagement: 31 → 84, a meaningful rise (p = 0.002, Welch’s t-test)" */
  return g_strdup_printf (test->difference > 0 ? _("%s: %.0f → %.0f, a meaningful rise (%s)")
                                               : _("%s: %.0f → %.0f, a meaningful fall (%s)"),
                          rd_factor_get_short_title (factor), change->before[factor], change->after[factor], p);
}

/* A school's meaningful rises (or falls) in one row, a line per factor:
 * the school's name once, not once per factor. NULL when it has none. */
static GtkWidget *
create_moved_row (const RdSchoolChange *change,
                  gboolean              rise)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (rd_school_change_is_meaningful (change, f) && (change->test[f].difference > 0) == rise)
      {
        g_autofree char *line = format_move (change, f);

        if (lines->len > 0)
          g_string_append_c (lines, '\n');
        g_string_append (lines, line);
      }
  return lines->len > 0 ? rd_moved_row_new (change->school_name, lines->str, rise) : NULL;
}

/* The schools shown that moved more than chance since the year before,
 * from their kept scores. */
static void
update_moved (RdCompareWindow *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint n_rows = 0, n_schools = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moved_list))) != NULL)
    gtk_list_box_remove (self->moved_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_group), self->moved != NULL && self->shown != NULL);
  if (self->moved == NULL || self->shown == NULL)
    return;

  for (guint i = 0; i < rd_comparison_get_n_schools (self->shown); i++)
    g_hash_table_add (shown, (gpointer) &rd_comparison_get_school (self->shown, i)->school_id);
  for (guint i = 0; i < self->moved->len; i++)
    {
      const RdSchoolChange *change = g_ptr_array_index (self->moved, i);

      if (!g_hash_table_contains (shown, &change->school_id))
        continue;
      n_schools++;
      /* Its rises, then its falls: each row's arrow is true of every line. */
      for (guint r = 0; r < 2; r++)
        {
          GtkWidget *row = create_moved_row (change, r == 0);

          if (row != NULL)
            {
              gtk_list_box_append (self->moved_list, row);
              n_rows++;
            }
        }
    }

  /* Translators: %s is the school year before the one compared */
  title = g_strdup_printf (_("Moved Since %s"), self->moved_from);
  description = g_strdup_printf (g_dngettext (NULL,
                                              "Of the %u school shown with an assessment in both years, what "
                                              "changed more than chance on a success factor: Welch’s t-test on its "
                                              "readiness, spread and respondents, p below 0.05.",
                                              "Of the %u schools shown with an assessment in both years, what "
                                              "changed more than chance on a success factor: Welch’s t-test on "
                                              "their readiness, spread and respondents, p below 0.05.",
                                              n_schools), n_schools);
  adw_preferences_group_set_title (self->moved_group, title);
  adw_preferences_group_set_description (self->moved_group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moved_list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (n_rows == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No school shown moved more than chance."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->moved_list, row);
    }
}

/* The code sets a control to what is already chosen: its handlers here
 * must not take that for a choice of the user's. */
static void
hold (gpointer         control,
      RdCompareWindow *self)
{
  g_signal_handlers_block_matched (control, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
release (gpointer         control,
         RdCompareWindow *self)
{
  g_signal_handlers_unblock_matched (control, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Sorting */

/* The controls show the heatmap's sort, whoever chose it. */
static void
sync_sort_controls (RdCompareWindow *self)
{
  RdComparisonColumn column;
  guint index, position = 0;
  gboolean descending;

  rd_heatmap_view_get_sort (self->heatmap, &column, &index, &descending);
  for (guint i = 0; i < self->sort_keys->len; i++)
    {
      SortKey *key = &g_array_index (self->sort_keys, SortKey, i);

      if (key->column == column && (column == RD_COMPARISON_COLUMN_NAME || key->index == index))
        position = i;
    }

  hold (self->sort_dropdown, self);
  hold (self->descending_button, self);
  gtk_drop_down_set_selected (self->sort_dropdown, position);
  gtk_toggle_button_set_active (self->descending_button, descending);
  release (self->sort_dropdown, self);
  release (self->descending_button, self);
  gtk_button_set_icon_name (GTK_BUTTON (self->descending_button),
                            descending ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
}

static void
add_sort_key (RdCompareWindow    *self,
              GtkStringList      *list,
              const char         *label,
              RdComparisonColumn  column,
              guint               index)
{
  SortKey key = { column, index };

  gtk_string_list_append (list, label);
  g_array_append_val (self->sort_keys, key);
}

/* Name, the columns shown, and the gaps to target. */
static void
rebuild_sort_choices (RdCompareWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_auto(GStrv) titles = column_titles (self);

  g_array_set_size (self->sort_keys, 0);
  add_sort_key (self, list, _("Name"), RD_COMPARISON_COLUMN_NAME, 0);
  for (guint i = 0; titles[i] != NULL; i++)
    add_sort_key (self, list, titles[i], column_kind (self), i);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      /* Translators: a choice of "Sort by": the schools furthest below their target first */
      g_autofree char *label = g_strdup_printf (_("Largest gap: %s"), rd_factor_get_short_title (f));

      add_sort_key (self, list, label, RD_COMPARISON_COLUMN_GAP, f);
    }

  hold (self->sort_dropdown, self);
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (list));
  release (self->sort_dropdown, self);
  sync_sort_controls (self);
}

static void
on_sort_selected (RdCompareWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->sort_dropdown);
  SortKey *key;

  if (position >= self->sort_keys->len)
    return;
  key = &g_array_index (self->sort_keys, SortKey, position);
  /* Gaps: the largest first; names A to Z; scores lowest first, the
   * schools that need help at the top. */
  rd_heatmap_view_set_sort (self->heatmap, key->column, key->index, key->column == RD_COMPARISON_COLUMN_GAP);
  sync_sort_controls (self);
}

static void
on_descending_toggled (RdCompareWindow *self)
{
  RdComparisonColumn column;
  guint index;

  rd_heatmap_view_get_sort (self->heatmap, &column, &index, NULL);
  rd_heatmap_view_set_sort (self->heatmap, column, index, gtk_toggle_button_get_active (self->descending_button));
  sync_sort_controls (self);
}

/* Loading */

static void
set_export_enabled (RdCompareWindow *self,
                    gboolean         enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-xlsx", enabled);
}

/* Schools that answered another edition are compared on the questions both
 * editions share; say so where the count of schools stands. */
static void
show_other_editions (RdCompareWindow *self)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();
  guint n_schools = rd_comparison_get_n_schools (self->shown);
  guint n_other;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < n_schools; i++)
    g_ptr_array_add (schools, (gpointer) rd_comparison_get_school (self->shown, i));
  n_other = rd_school_scores_count_other_editions (schools, self->framework, NULL);
  if (n_other == 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), NULL);
      return;
    }

  /* Translators: after the count of schools, "48 schools · 3 answered an earlier version" */
  count = g_strdup_printf (g_dngettext (NULL, "%s · %u answered another version", "%s · %u answered another version",
                                        n_other),
                           gtk_label_get_text (self->count_label), n_other);
  gtk_label_set_text (self->count_label, count);
  tooltip = g_strdup_printf (_("Schools that answered another version of the framework are compared on their "
                               "answers to the questions that are the same in version %s."),
                             rd_framework_get_version (self->framework));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), tooltip);
}

static void
apply_filters (RdCompareWindow *self)
{
  guint n, total;
  g_autofree char *count = NULL;

  g_clear_object (&self->shown);
  if (self->all == NULL)
    return;

  self->shown = rd_comparison_filter (self->all, self->region, self->school_type);
  rd_heatmap_view_set_data (self->heatmap, rd_comparison_charts_heatmap (self->shown, self->framework, column_kind (self)));
  n = rd_comparison_get_n_schools (self->shown);
  total = rd_comparison_get_n_schools (self->all);

  /* The first time, a school at once rather than an empty panel. */
  if (!self->selected_once && n > 0)
    {
      rd_heatmap_view_select_row (self->heatmap, 0);
      self->selected_once = TRUE;
    }

  if (n == total)
    count = g_strdup_printf (g_dngettext (NULL, "%u school", "%u schools", n), n);
  else
    /* Translators: schools shown with the filters, "48 of 1000 schools" */
    count = g_strdup_printf (g_dngettext (NULL, "%u of %u school", "%u of %u schools", total), n, total);
  gtk_label_set_text (self->count_label, count);
  show_other_editions (self);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "compare" : "no-match");
  set_export_enabled (self, n > 0);
  update_targets (self);
  update_moved (self);
  update_school_panel (self);
}

/* A filter's choices: "All …" and the tags the school year has; the
 * current tag stays chosen when it is still there. */
static void
fill_filter (RdCompareWindow  *self,
             GtkDropDown      *dropdown,
             const char       *all_label,
             GStrv             tags,
             char            **current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint position = 0;

  gtk_string_list_append (list, all_label);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gtk_string_list_append (list, tags[i]);
      if (g_strcmp0 (tags[i], *current) == 0)
        position = i + 1;
    }
  if (position == 0)
    g_clear_pointer (current, g_free);

  hold (dropdown, self);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
  release (dropdown, self);
}

/* The types the year's schools have, by their titles; a chosen type that
 * none has any more falls back to all. */
static void
fill_type_filter (RdCompareWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint position = 0;

  g_clear_pointer (&self->type_choices, g_array_unref);
  self->type_choices = rd_comparison_list_school_types (self->all);
  gtk_string_list_append (list, _("All types"));
  for (guint i = 0; i < self->type_choices->len; i++)
    {
      RdSchoolType school_type = g_array_index (self->type_choices, RdSchoolType, i);

      gtk_string_list_append (list, rd_school_type_get_title (school_type));
      if (school_type == self->school_type)
        position = i + 1;
    }
  if (position == 0)
    self->school_type = RD_SCHOOL_TYPE_UNSET;

  hold (self->type_dropdown, self);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->type_dropdown, position);
  release (self->type_dropdown, self);
}

static RdSchoolType
selected_type (RdCompareWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->type_dropdown);

  /* The first choice is "All types". */
  if (self->type_choices == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > self->type_choices->len)
    return RD_SCHOOL_TYPE_UNSET;
  return g_array_index (self->type_choices, RdSchoolType, position - 1);
}

static void
show_error (RdCompareWindow *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (self->filter_bar, FALSE);
  gtk_stack_set_visible_child_name (self->title_stack, "title");
  set_export_enabled (self, FALSE);
}

/* The change from the school year listed after the chosen one (the years
 * are listed newest first), for the schools in both. */
static void
load_moved (RdCompareWindow *self,
            GPtrArray       *scores)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  const char *previous;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->moved, g_ptr_array_unref);
  g_clear_pointer (&self->moved_from, g_free);
  if (selected == GTK_INVALID_LIST_POSITION ||
      selected + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->years)))
    return;
  previous = gtk_string_list_get_string (self->years, selected + 1);
  earlier = rd_store_list_school_scores (self->store, self->framework, previous, &error);
  if (earlier == NULL)
    {
      g_warning ("The schools of %s could not be read: %s", previous, error->message);
      return;
    }
  self->moved = rd_change_compare_schools (earlier, scores);
  self->moved_from = g_strdup (previous);
}

static void
load_school_year (RdCompareWindow *self)
{
  const char *year = rd_compare_window_get_school_year (self);
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) regions = NULL;

  g_clear_object (&self->all);
  if (year == NULL)
    return;

  scores = rd_store_list_school_scores (self->store, self->framework, year, &error);
  if (scores == NULL)
    {
      show_error (self, error);
      return;
    }
  load_moved (self, scores);
  self->all = rd_comparison_new_take (g_steal_pointer (&scores), rd_framework_get_n_areas (self->framework));

  regions = rd_comparison_list_regions (self->all);
  fill_filter (self, self->region_dropdown, _("All regions"), regions, &self->region);
  fill_type_filter (self);
  apply_filters (self);
}

static void
reload (RdCompareWindow *self)
{
  g_autofree char *current = g_strdup (rd_compare_window_get_school_year (self));
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;
  gboolean any;

  years = rd_store_list_school_years (self->store, self->framework, &error);
  if (years == NULL)
    {
      show_error (self, error);
      return;
    }

  hold (self->year_dropdown, self);
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)), NULL);
  for (guint i = 0; i < years->len; i++)
    {
      gtk_string_list_append (self->years, g_ptr_array_index (years, i));
      if (g_strcmp0 (g_ptr_array_index (years, i), current) == 0)
        position = i;
    }
  /* The newest year unless another one was chosen and is still there. */
  gtk_drop_down_set_selected (self->year_dropdown, years->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  release (self->year_dropdown, self);

  any = years->len > 0;
  gtk_widget_set_visible (self->filter_bar, any);
  gtk_stack_set_visible_child_name (self->title_stack, any ? "switcher" : "title");
  if (!any)
    {
      g_clear_object (&self->all);
      g_clear_object (&self->shown);
      rd_heatmap_view_set_data (self->heatmap, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_export_enabled (self, FALSE);
      return;
    }
  load_school_year (self);
}

static gboolean
reload_timeout (gpointer data)
{
  RdCompareWindow *self = data;

  self->reload_id = 0;
  if (self->years_stale || self->all == NULL)
    reload (self);
  else
    load_school_year (self);
  self->years_stale = FALSE;
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (RdCompareWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
}

/* New or deleted schools and assessments may bring or take a school
 * year; answers change only the scores. */
static void
on_schools_changed (RdCompareWindow *self)
{
  self->years_stale = TRUE;
  schedule_reload (self);
}

static void
on_year_selected (RdCompareWindow *self)
{
  load_school_year (self);
}

static char *
selected_tag (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first choice is "All …". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return g_strdup (gtk_string_object_get_string (item));
}

static void
on_filter_selected (RdCompareWindow *self)
{
  g_free (self->region);
  self->region = selected_tag (self->region_dropdown);
  self->school_type = selected_type (self);
  apply_filters (self);
}

static void
on_selected_school (RdCompareWindow *self)
{
  update_school_panel (self);
}

static void
on_heatmap_sorted (RdCompareWindow *self)
{
  sync_sort_controls (self);
}

/* The view: factors or areas */

static void
apply_view (RdCompareWindow *self)
{
  RdComparisonColumn column;

  /* A sort by a column that goes away falls back to the names. */
  rd_heatmap_view_get_sort (self->heatmap, &column, NULL, NULL);
  if ((column == RD_COMPARISON_COLUMN_FACTOR || column == RD_COMPARISON_COLUMN_AREA) && column != column_kind (self))
    rd_heatmap_view_set_sort (self->heatmap, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  if (self->shown != NULL)
    rd_heatmap_view_set_data (self->heatmap, rd_comparison_charts_heatmap (self->shown, self->framework, column_kind (self)));
  rebuild_sort_choices (self);
  update_school_panel (self);
}

/* Actions */

/* The schools shown, as the window shows them, to a file the user picks. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (widget);
  const char *school_year = rd_compare_window_get_school_year (self);
  g_autoptr(RdComparisonExport) export = NULL;

  if (self->shown == NULL)
    return;
  export = rd_comparison_export_new (self->shown, self->framework, school_year, self->region, self->school_type);
  rd_comparison_export_job_save (GTK_WINDOW (self), export, school_year,
                                 g_str_equal (action_name, "compare.export-xlsx"),
                                 is_factors_view (self) ? RD_COMPARISON_EXPORT_VIEW_FACTORS
                                                        : RD_COMPARISON_EXPORT_VIEW_AREAS);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (widget);

  /* The first choices are "All regions" and "All types". */
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
}

static void
focus_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (widget);

  if (gtk_widget_get_visible (self->filter_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->region_dropdown));
}

/* Layout */

/* The side panel beside the table, or under it in a narrow window. */
static void
set_narrow (RdCompareWindow *self,
            gboolean         narrow)
{
  GtkOrientation orientation = narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
  gtk_widget_set_size_request (self->side, narrow ? -1 : SIDE_WIDTH, narrow ? SIDE_HEIGHT : -1);
  /* Placed again from the children's sizes. */
  gtk_paned_set_position (self->paned, -1);
}

static void
rd_compare_window_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  /* Before the children are placed, so that they are placed once. */
  set_narrow (RD_COMPARE_WINDOW (widget), width < NARROW_WIDTH);
  GTK_WIDGET_CLASS (rd_compare_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
rd_compare_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_compare_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (object);
  const char *view;

  switch (prop_id)
    {
    case PROP_VIEW:
      view = g_strcmp0 (g_value_get_string (value), "areas") == 0 ? "areas" : "factors";
      if (g_strcmp0 (self->view, view) == 0)
        break;
      g_free (self->view);
      self->view = g_strdup (view);
      if (self->framework != NULL)
        apply_view (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_compare_window_dispose (GObject *object)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* No reload may be scheduled on a window being torn down. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* A tooltip's muxer may outlive the window (see rd_window_dispose). */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "region", NULL);

  G_OBJECT_CLASS (rd_compare_window_parent_class)->dispose (object);
}

static void
rd_compare_window_finalize (GObject *object)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->all);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->moved, g_ptr_array_unref);
  g_free (self->moved_from);
  g_free (self->region);
  g_clear_pointer (&self->type_choices, g_array_unref);
  g_free (self->view);
  g_array_unref (self->sort_keys);

  G_OBJECT_CLASS (rd_compare_window_parent_class)->finalize (object);
}

/* Binds the template child "<prefix>_<factor's id>" to @factor's place in
 * the array at @offset. */
static void
bind_factor_child (GtkWidgetClass *widget_class,
                   const char     *prefix,
                   RdFactor        factor,
                   gssize          offset)
{
  g_autofree char *id = g_strdup_printf ("%s_%s", prefix, rd_factor_to_id (factor));

  gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE,
                                             offset + (gssize) (factor * sizeof (gpointer)));
}

static void
rd_compare_window_class_init (RdCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rd_compare_window_get_property;
  object_class->set_property = rd_compare_window_set_property;
  object_class->dispose = rd_compare_window_dispose;
  object_class->finalize = rd_compare_window_finalize;
  widget_class->size_allocate = rd_compare_window_size_allocate;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "factors",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "compare.view", "view");
  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-xlsx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "compare.focus-filters", NULL, focus_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "compare.focus-filters", NULL);

  g_type_ensure (RD_TYPE_CHART_VIEW);
  g_type_ensure (RD_TYPE_HEATMAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/region/rd-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, years);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, moved_group);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, moved_list);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, descending_button);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, heatmap);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, side);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, school_stack);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, boxplot_heading);
  gtk_widget_class_bind_template_child (widget_class, RdCompareWindow, boxplot);
  /* A row per factor: "difference_strategy", "value_strategy", "below_target_strategy" … */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      bind_factor_child (widget_class, "difference", f, G_STRUCT_OFFSET (RdCompareWindow, difference_rows));
      bind_factor_child (widget_class, "value", f, G_STRUCT_OFFSET (RdCompareWindow, value_labels));
      bind_factor_child (widget_class, "below_target", f, G_STRUCT_OFFSET (RdCompareWindow, target_rows));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_descending_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_school);
  gtk_widget_class_bind_template_callback (widget_class, on_heatmap_sorted);
}

static void
rd_compare_window_init (RdCompareWindow *self)
{
  self->view = g_strdup ("factors");
  self->sort_keys = g_array_new (FALSE, FALSE, sizeof (SortKey));

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Narrow until the first allocation says otherwise: laid out wide, the
   * window could not open narrower than the table beside the side panel. */
  set_narrow (self, TRUE);
  rd_accessible_name_dropdown (self->year_dropdown, _("School year"));
  rd_accessible_name_dropdown (self->region_dropdown, _("Region"));
  rd_accessible_name_dropdown (self->type_dropdown, _("School type"));
  rd_accessible_name_dropdown (self->sort_dropdown, _("Sort by"));
  rd_chart_view_set_draw_func (self->boxplot, rd_comparison_boxplot_data_draw);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->difference_rows[f]), rd_factor_get_short_title (f));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_rows[f]), rd_factor_get_short_title (f));
    }
}

/**
 * rd_compare_window_new:
 * @parent: (nullable): the main window
 *
 * Opens on the newest school year with assessments of @framework, all
 * regions and types, by success factor, sorted by name.
 */
GtkWidget *
rd_compare_window_new (GtkWindow   *parent,
                       RdStore     *store,
                       RdFramework *framework)
{
  RdCompareWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_COMPARE_WINDOW, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);

  g_signal_connect_object (store, "schools-changed", G_CALLBACK (on_schools_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "assessments-changed", G_CALLBACK (on_schools_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "answers-changed", G_CALLBACK (schedule_reload), self, G_CONNECT_SWAPPED);

  apply_view (self);
  reload (self);
  return GTK_WIDGET (self);
}

GPtrArray *
rd_compare_window_get_moved (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->moved;
}

RdComparison *
rd_compare_window_get_comparison (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->shown;
}

const char *
rd_compare_window_get_school_year (RdCompareWindow *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  item = gtk_drop_down_get_selected_item (self->year_dropdown);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

const char *
rd_compare_window_get_region (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->region;
}

RdSchoolType
rd_compare_window_get_school_type (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), RD_SCHOOL_TYPE_UNSET);
  return self->school_type;
}

const char *
rd_compare_window_get_view (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->view;
}
