#define G_LOG_DOMAIN "rd-compare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "rd-chart-boxplot.h"
#include "rd-chart-view.h"
#include "rd-compare-window.h"
#include "rd-comparison-export-job.h"

/* Below this width the side panel goes under the table. */
#define NARROW_WIDTH 700
#define SIDE_WIDTH 360
#define SIDE_HEIGHT 280
/* Answers come one at a time while someone fills in a questionnaire:
 * the comparison follows once they pause. */
#define RELOAD_DELAY_MS 300

typedef struct
{
  RdComparisonColumn column;
  guint index;
} SortKey;

typedef struct
{
  RdBoxplotRow *rows;
  guint n_rows;
  char *others_label;
  gboolean targets;
} BoxplotData;

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
  gboolean updating;         /* dropdowns set by the code, not by the user */
  gboolean narrow;
  gboolean selected_once;
  gboolean years_stale;
  guint reload_id;

  GtkStack *title_stack;
  GtkWidget *view_switcher;
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

/* The factors' short titles or the areas' titles, NULL-terminated. */
static GStrv
column_titles (RdCompareWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (is_factors_view (self))
    for (guint f = 0; f < RD_N_FACTORS; f++)
      g_strv_builder_add (builder, rd_factor_get_short_title (f));
  else
    for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
      g_strv_builder_add (builder, rd_text_get_localized (rd_area_get_title (rd_framework_get_area (self->framework, a))));
  return g_strv_builder_end (builder);
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("–") : g_strdup_printf ("%.0f", score);
}

/* Box plot */

static void
boxplot_data_free (gpointer data)
{
  BoxplotData *boxplot = data;

  for (guint i = 0; i < boxplot->n_rows; i++)
    g_free ((char *) boxplot->rows[i].label);
  g_free (boxplot->rows);
  g_free (boxplot->others_label);
  g_free (boxplot);
}

static void
draw_boxplot (cairo_t              *cr,
              double                width,
              double                height,
              gpointer              data,
              const RdChartPalette *palette)
{
  BoxplotData *boxplot = data;
  RdBoxplotData chart = {
    .rows = boxplot->rows,
    .n_rows = boxplot->n_rows,
    .missing_text = _("not enough answers"),
    /* Short: the legend is one line in a narrow panel, and the panel
     * names the school and explains the box under the chart. */
    .school_label = _("this school"),
    .others_label = boxplot->others_label,
    .target_label = boxplot->targets ? _("target") : NULL,
  };

  rd_chart_draw_boxplot (cr, width, height, &chart, palette);
}

/* The five numbers of the other schools, the way the comparison computes
 * its quartiles (QUARTILE.INC), without the school itself. */
static void
describe_others (RdComparison       *comparison,
                 guint               school,
                 RdComparisonColumn  column,
                 guint               index,
                 RdBoxplotRow       *row)
{
  guint n_schools = rd_comparison_get_n_schools (comparison), n = 0;
  g_autofree double *values = g_new (double, MAX (n_schools, 1));

  for (guint s = 0; s < n_schools; s++)
    {
      double value = s != school ? rd_comparison_get_value (comparison, s, column, index) : NAN;

      if (!isnan (value))
        values[n++] = value;
    }
  rd_sort_doubles (values, n);
  row->n = n;
  row->minimum = n > 0 ? values[0] : NAN;
  row->q1 = rd_quantile_sorted (values, n, 0.25);
  row->median = rd_quantile_sorted (values, n, 0.5);
  row->q3 = rd_quantile_sorted (values, n, 0.75);
  row->maximum = n > 0 ? values[n - 1] : NAN;
}

static void
update_boxplot (RdCompareWindow *self,
                int              school)
{
  const RdSchoolScores *scores = rd_comparison_get_school (self->shown, (guint) school);
  g_auto(GStrv) titles = column_titles (self);
  g_autoptr(GString) description = g_string_new (NULL);
  RdComparisonColumn kind = column_kind (self);
  guint n_others = rd_comparison_get_n_schools (self->shown) - 1;
  BoxplotData *boxplot = g_new0 (BoxplotData, 1);

  boxplot->n_rows = g_strv_length (titles);
  boxplot->rows = g_new0 (RdBoxplotRow, boxplot->n_rows);
  boxplot->targets = kind == RD_COMPARISON_COLUMN_FACTOR;
  boxplot->others_label = g_strdup_printf (g_dngettext (NULL, "%u other school", "%u other schools", n_others),
                                           n_others);

  /* Translators: the start of the box plot's description for screen readers */
  g_string_append_printf (description, g_dngettext (NULL, "%s against %u other school.",
                                                    "%s against %u other schools.", n_others),
                          scores->school_name, n_others);
  for (guint i = 0; i < boxplot->n_rows; i++)
    {
      RdBoxplotRow *row = &boxplot->rows[i];
      g_autofree char *value = NULL;

      describe_others (self->shown, (guint) school, kind, i, row);
      row->label = g_strdup (titles[i]);
      row->value = rd_comparison_get_value (self->shown, (guint) school, kind, i);
      row->target = kind == RD_COMPARISON_COLUMN_FACTOR ? scores->target[i] : NAN;

      value = isnan (row->value) ? g_strdup (_("not enough answers")) : g_strdup_printf ("%.0f", row->value);
      g_string_append_printf (description, " %s: %s", titles[i], value);
      if (row->n > 0)
        /* Translators: the other schools' five numbers in the box plot's description */
        g_string_append_printf (description, _("; the others: median %.0f, middle half %.0f to %.0f, range %.0f to %.0f"),
                                row->median, row->q1, row->q3, row->minimum, row->maximum);
      if (!isnan (row->target))
        g_string_append_printf (description, _("; target %.0f"), row->target);
      g_string_append (description, ".");
    }

  /* About 46 pixels a row and room for the scale and the legend. */
  gtk_widget_set_size_request (GTK_WIDGET (self->boxplot), 280, 70 + 46 * (int) boxplot->n_rows);
  rd_chart_view_set_data (self->boxplot, boxplot, boxplot_data_free);
  rd_chart_view_set_description (self->boxplot,
                                 is_factors_view (self) ? _("The school against the others per success factor")
                                                        : _("The school against the others per area"),
                                 description->str);
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
      else if (difference.value < scores->target[f])
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

/* Sorting */

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

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->sort_dropdown, position);
  gtk_toggle_button_set_active (self->descending_button, descending);
  gtk_button_set_icon_name (GTK_BUTTON (self->descending_button),
                            descending ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  self->updating = FALSE;
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

  self->updating = TRUE;
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (list));
  self->updating = FALSE;
  sync_sort_controls (self);
}

static void
on_sort_selected (RdCompareWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->sort_dropdown);
  SortKey *key;

  if (self->updating || position >= self->sort_keys->len)
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

  if (self->updating)
    return;
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
  rd_heatmap_view_set_comparison (self->heatmap, self->shown);
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
  update_school_panel (self);
}

static guint
find_string (GListModel *model,
             const char *string)
{
  for (guint i = 0; string != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), string) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
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

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
  self->updating = FALSE;
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

  self->updating = TRUE;
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->type_dropdown, position);
  self->updating = FALSE;
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

  self->updating = TRUE;
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)), NULL);
  for (guint i = 0; i < years->len; i++)
    {
      gtk_string_list_append (self->years, g_ptr_array_index (years, i));
      if (g_strcmp0 (g_ptr_array_index (years, i), current) == 0)
        position = i;
    }
  /* The newest year unless another one was chosen and is still there. */
  gtk_drop_down_set_selected (self->year_dropdown, years->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  any = years->len > 0;
  gtk_widget_set_visible (self->filter_bar, any);
  gtk_stack_set_visible_child_name (self->title_stack, any ? "switcher" : "title");
  if (!any)
    {
      g_clear_object (&self->all);
      g_clear_object (&self->shown);
      rd_heatmap_view_set_comparison (self->heatmap, NULL);
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
  if (!self->updating)
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
  if (self->updating)
    return;
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
  g_auto(GStrv) titles = column_titles (self);
  RdComparisonColumn column;

  /* A sort by a column that goes away falls back to the names. */
  rd_heatmap_view_get_sort (self->heatmap, &column, NULL, NULL);
  if ((column == RD_COMPARISON_COLUMN_FACTOR || column == RD_COMPARISON_COLUMN_AREA) && column != column_kind (self))
    rd_heatmap_view_set_sort (self->heatmap, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  rd_heatmap_view_set_columns (self->heatmap, column_kind (self), (const char * const *) titles);
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

  rd_compare_window_set_region (self, NULL);
  rd_compare_window_set_school_type (self, RD_SCHOOL_TYPE_UNSET);
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
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  G_OBJECT_CLASS (rd_compare_window_parent_class)->dispose (object);
}

static void
rd_compare_window_finalize (GObject *object)
{
  RdCompareWindow *self = RD_COMPARE_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->years);
  g_clear_object (&self->all);
  g_clear_object (&self->shown);
  g_free (self->region);
  g_clear_pointer (&self->type_choices, g_array_unref);
  g_free (self->view);
  g_array_unref (self->sort_keys);

  G_OBJECT_CLASS (rd_compare_window_parent_class)->finalize (object);
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
}

static GtkDropDown *
add_dropdown (RdCompareWindow *self,
              GtkWidget       *box,
              const char      *name,
              const char      *label,
              GCallback        callback)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_name (dropdown, name);
  gtk_widget_set_tooltip_text (dropdown, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (dropdown, "notify::selected", callback, self);
  gtk_box_append (GTK_BOX (box), dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static GtkWidget *
create_header_bar (RdCompareWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *factors = gtk_toggle_button_new_with_mnemonic (_("_Factors"));
  GtkWidget *areas = gtk_toggle_button_new_with_mnemonic (_("_Areas"));
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) export_section = g_menu_new ();
  g_autoptr(GMenu) import_section = g_menu_new ();

  /* The same schools in two sets of columns: a linked pair of toggles. */
  self->view_switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->view_switcher, "linked");
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (factors), "compare.view::factors");
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (areas), "compare.view::areas");
  gtk_widget_set_tooltip_text (factors, _("Readiness per success factor"));
  gtk_widget_set_tooltip_text (areas, _("Score per area of the questionnaire"));
  gtk_box_append (GTK_BOX (self->view_switcher), factors);
  gtk_box_append (GTK_BOX (self->view_switcher), areas);
  /* Without schools there is nothing to switch: the window's title. */
  self->title_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->title_stack, self->view_switcher, "switcher");
  gtk_stack_add_named (self->title_stack, adw_window_title_new (_("Compare Schools"), NULL), "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title_stack));

  g_menu_append (export_section, _("Export as _CSV…"), "compare.export-csv");
  g_menu_append (export_section, _("Export as _Spreadsheet…"), "compare.export-xlsx");
  g_menu_append (import_section, _("_Import School Files…"), "region.import-files");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (import_section));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu_button), TRUE);
  gtk_widget_set_tooltip_text (menu_button, _("Main Menu"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  return header;
}

static void
add_to_filter_bar (RdCompareWindow *self,
                   GtkWidget       *box)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  /* Only the controls inside take the focus. */
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_flow_box_append (GTK_FLOW_BOX (self->filter_bar), child);
}

static GtkWidget *
create_filter_bar (RdCompareWindow *self)
{
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *sorting = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *sort_label = gtk_label_new_with_mnemonic (_("_Sort by"));
  GtkWidget *descending = gtk_toggle_button_new ();

  /* The filters and the sorting side by side, or one above the other
   * when the window is too narrow for both. */
  self->filter_bar = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->filter_bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->filter_bar), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->filter_bar), 12);
  gtk_widget_add_css_class (self->filter_bar, "toolbar");

  self->year_dropdown = add_dropdown (self, filters, "year", _("School year"), G_CALLBACK (on_year_selected));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
  self->region_dropdown = add_dropdown (self, filters, "region", _("Region"), G_CALLBACK (on_filter_selected));
  self->type_dropdown = add_dropdown (self, filters, "school-type", _("School type"), G_CALLBACK (on_filter_selected));
  add_to_filter_bar (self, filters);

  gtk_widget_set_margin_start (sort_label, 6);
  gtk_box_append (GTK_BOX (sorting), sort_label);
  self->sort_dropdown = add_dropdown (self, sorting, "sort", _("Sort by"), G_CALLBACK (on_sort_selected));
  gtk_label_set_mnemonic_widget (GTK_LABEL (sort_label), GTK_WIDGET (self->sort_dropdown));

  self->descending_button = GTK_TOGGLE_BUTTON (descending);
  gtk_widget_set_name (descending, "descending");
  gtk_button_set_icon_name (GTK_BUTTON (descending), "view-sort-ascending-symbolic");
  gtk_widget_set_tooltip_text (descending, _("Highest or Z to A First"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (descending), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highest or Z to A First"), -1);
  g_signal_connect_swapped (descending, "toggled", G_CALLBACK (on_descending_toggled), self);
  gtk_box_append (GTK_BOX (sorting), descending);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 6);
  gtk_box_append (GTK_BOX (sorting), GTK_WIDGET (self->count_label));
  add_to_filter_bar (self, sorting);
  return self->filter_bar;
}

static GtkWidget *
add_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
add_factor_row (GtkWidget  *group,
                const char *prefix,
                RdFactor    factor)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("%s-%s", prefix, rd_factor_to_id (factor));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_factor_get_short_title (factor));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
create_side_panel (RdCompareWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *school = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *none = gtk_label_new (_("Click a school in the table, or move to one with the arrow keys, "
                                     "to see its figures against the other schools."));
  GtkWidget *caption;
  GtkWidget *group;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, SIDE_WIDTH, -1);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  self->school_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->school_stack), "school-stack");
  /* Sized by the page shown: the hint's one long line would otherwise
   * set the panel's minimum width. */
  gtk_stack_set_hhomogeneous (self->school_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->school_stack, FALSE);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->name_label), "school-name");
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-2");
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_box_append (GTK_BOX (school), GTK_WIDGET (self->name_label));

  self->details_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->details_label), "school-details");
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_label_set_xalign (self->details_label, 0);
  gtk_box_append (GTK_BOX (school), GTK_WIDGET (self->details_label));

  self->boxplot_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->boxplot_heading), "heading");
  gtk_label_set_wrap (self->boxplot_heading, TRUE);
  gtk_label_set_xalign (self->boxplot_heading, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->boxplot_heading), 12);
  gtk_box_append (GTK_BOX (school), GTK_WIDGET (self->boxplot_heading));

  self->boxplot = RD_CHART_VIEW (rd_chart_view_new (draw_boxplot, 280));
  gtk_widget_set_name (GTK_WIDGET (self->boxplot), "boxplot");
  gtk_box_append (GTK_BOX (school), GTK_WIDGET (self->boxplot));
  caption = gtk_label_new (_("The line spans the other schools from lowest to highest, the box their middle "
                             "half, split at their median."));
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (school), caption);

  group = add_group (school, _("Success Factors"),
                     _("Readiness, the median of the other schools shown, and whether the answers "
                       "show a clear difference."));
  gtk_widget_set_margin_top (group, 12);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      GtkWidget *value = gtk_label_new (NULL);

      self->difference_rows[f] = add_factor_row (group, "difference", f);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->difference_rows[f]), 0);
      gtk_widget_add_css_class (value, "title-3");
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->difference_rows[f]), value);
      self->value_labels[f] = GTK_LABEL (value);
    }
  gtk_stack_add_named (self->school_stack, school, "school");

  gtk_label_set_wrap (GTK_LABEL (none), TRUE);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_stack_add_named (self->school_stack, none, "none");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->school_stack));

  group = add_group (box, _("Below Target"),
                     _("Schools shown whose readiness is below their own target."));
  for (guint f = 0; f < RD_N_FACTORS; f++)
    self->target_rows[f] = add_factor_row (group, "below-target", f);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  self->side = scrolled;
  return scrolled;
}

static GtkWidget *
create_status_page (const char *icon_name,
                    const char *title,
                    const char *description,
                    const char *button_label,
                    const char *action_name)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
  return page;
}

static void
rd_compare_window_init (RdCompareWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->view = g_strdup ("factors");
  self->years = gtk_string_list_new (NULL);
  self->sort_keys = g_array_new (FALSE, FALSE, sizeof (SortKey));

  gtk_window_set_title (GTK_WINDOW (self), _("Compare Schools"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1180, 760);

  gtk_box_append (GTK_BOX (outer), create_header_bar (self));
  gtk_box_append (GTK_BOX (outer), create_filter_bar (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stack), "pages");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  self->heatmap = RD_HEATMAP_VIEW (rd_heatmap_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->heatmap), "heatmap");
  g_signal_connect_swapped (self->heatmap, "notify::selected-school", G_CALLBACK (on_selected_school), self);
  g_signal_connect_swapped (self->heatmap, "sort-changed", G_CALLBACK (on_heatmap_sorted), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->heatmap));

  self->paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_paned_set_start_child (self->paned, scrolled);
  gtk_paned_set_end_child (self->paned, create_side_panel (self));
  gtk_paned_set_resize_start_child (self->paned, TRUE);
  gtk_paned_set_resize_end_child (self->paned, FALSE);
  gtk_paned_set_shrink_start_child (self->paned, FALSE);
  gtk_paned_set_shrink_end_child (self->paned, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->paned), "compare");

  gtk_stack_add_named (self->stack,
                       create_status_page ("view-grid-symbolic", _("No Assessments to Compare"),
                                           _("Import school files to compare them."),
                                           _("_Import School Files…"), "region.import-files"),
                       "empty");
  gtk_stack_add_named (self->stack,
                       create_status_page ("system-search-symbolic", _("No Schools Match"),
                                           _("No school of this school year has this region and this school type."),
                                           _("_Show All Schools"), "compare.clear-filters"),
                       "no-match");
  self->error_page = ADW_STATUS_PAGE (create_status_page ("dialog-error-symbolic", _("Cannot Compare the Schools"),
                                                          NULL, NULL, NULL));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  adw_window_set_content (ADW_WINDOW (self), outer);
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

  g_signal_connect_swapped (store, "schools-changed", G_CALLBACK (on_schools_changed), self);
  g_signal_connect_swapped (store, "assessments-changed", G_CALLBACK (on_schools_changed), self);
  g_signal_connect_swapped (store, "answers-changed", G_CALLBACK (schedule_reload), self);

  apply_view (self);
  reload (self);
  return GTK_WIDGET (self);
}

RdComparison *
rd_compare_window_get_comparison (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->shown;
}

RdHeatmapView *
rd_compare_window_get_heatmap (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->heatmap;
}

GListModel *
rd_compare_window_get_school_years (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return G_LIST_MODEL (self->years);
}

const char *
rd_compare_window_get_school_year (RdCompareWindow *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  item = gtk_drop_down_get_selected_item (self->year_dropdown);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Through the dropdowns, as the user would. */
void
rd_compare_window_set_school_year (RdCompareWindow *self,
                                   const char      *school_year)
{
  guint position;

  g_return_if_fail (RD_IS_COMPARE_WINDOW (self));

  position = find_string (G_LIST_MODEL (self->years), school_year);
  g_return_if_fail (position != GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->year_dropdown, position);
}

const char *
rd_compare_window_get_region (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->region;
}

static void
select_tag (GtkDropDown *dropdown,
            const char  *tag)
{
  guint position = tag != NULL ? find_string (gtk_drop_down_get_model (dropdown), tag) : 0;

  g_return_if_fail (tag == NULL || (position != GTK_INVALID_LIST_POSITION && position > 0));
  gtk_drop_down_set_selected (dropdown, position);
}

void
rd_compare_window_set_region (RdCompareWindow *self,
                              const char      *region)
{
  g_return_if_fail (RD_IS_COMPARE_WINDOW (self));
  select_tag (self->region_dropdown, region);
}

RdSchoolType
rd_compare_window_get_school_type (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), RD_SCHOOL_TYPE_UNSET);
  return self->school_type;
}

/* A type that none of the year's schools has cannot be chosen. */
void
rd_compare_window_set_school_type (RdCompareWindow *self,
                                   RdSchoolType     school_type)
{
  guint position = 0;

  g_return_if_fail (RD_IS_COMPARE_WINDOW (self));

  for (guint i = 0; school_type != RD_SCHOOL_TYPE_UNSET && self->type_choices != NULL &&
                    i < self->type_choices->len; i++)
    if (g_array_index (self->type_choices, RdSchoolType, i) == school_type)
      position = i + 1;
  g_return_if_fail (school_type == RD_SCHOOL_TYPE_UNSET || position > 0);
  gtk_drop_down_set_selected (self->type_dropdown, position);
}

const char *
rd_compare_window_get_view (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), NULL);
  return self->view;
}

gboolean
rd_compare_window_get_narrow (RdCompareWindow *self)
{
  g_return_val_if_fail (RD_IS_COMPARE_WINDOW (self), FALSE);
  return self->narrow;
}
