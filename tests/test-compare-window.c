/* The Compare window of a regional advisor: a handful of schools with
 * chosen answers for numbers to check, and a synthetic region of 1,000
 * schools for the drawing of only what is in view. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "rd-chart-view.h"
#include "rd-compare-window-private.h"
#include "rd-region-commands.h"
#include "rd-heatmap-view-private.h"
#include "rd-test-util.h"

#define SMALL_YEAR "2026-2027"
#define LAST_YEAR "2025-2026"
#define N_SYNTHETIC 1000
#define N_COAST 20

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  GtkWidget *window;
  RdCompareWindow *compare;
  RdHeatmapView *heatmap;
  gpointer commands;         /* weak */
  gint64 sint_jozef;
} Fixture;

typedef struct
{
  const char *item_id;
  double value;
} Answer;

static void
set_up_store (Fixture     *fixture,
              RdFramework *framework)
{
  rd_test_store_create (&fixture->test_store, framework);
}

static RdResponse *
response_of (RdFramework  *framework,
             RdGroup       group,
             const Answer *answers)
{
  RdResponse *response = rd_response_new (group);

  for (guint i = 0; answers[i].item_id != NULL; i++)
    {
      RdItem *item = rd_framework_lookup_item (framework, answers[i].item_id);
      RdAnswer *answer = rd_response_add_answer (response, answers[i].item_id, rd_item_get_version (item));

      if (isnan (answers[i].value))
        answer->not_applicable = TRUE;
      else
        answer->value = answers[i].value;
    }
  return response;
}

/* A school with one assessment answered by @n people. */
static gint64
add_school (Fixture            *fixture,
            const char         *name,
            const char         *region,
            const char         *school_type,
            const char         *school_year,
            const Answer * const *people,
            const RdGroup      *groups)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  RdSchoolType type = RD_SCHOOL_TYPE_UNSET;
  gint64 school_id, assessment_id;

  g_assert_true (school_type == NULL || rd_school_type_from_id (school_type, &type));
  school_id = rd_store_add_school (fixture->store, name, region, type, &error);
  g_assert_no_error (error);
  assessment_id = rd_store_add_assessment (fixture->store, school_id, school_year, fixture->framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; people[i] != NULL; i++)
    g_ptr_array_add (responses, response_of (fixture->framework, groups[i], people[i]));
  g_assert_true (rd_store_add_responses (fixture->store, assessment_id, fixture->framework, responses, &error));
  g_assert_no_error (error);
  return school_id;
}

/* Four schools this year in two regions; a fifth only last year. */
static void
populate_small (Fixture *fixture)
{
  static const Answer leader[] = {
    { "a-plan", 4 }, { "a-team", 5 }, { "b-speed", 250 }, { "b-share", 95 }, { "b-mfa", NAN }, { NULL },
  };
  static const Answer teacher[] = { { "a-plan", 2 }, { "b-share", 40 }, { NULL } };
  static const Answer last_year[] = { { "a-plan", 2 }, { "b-speed", 50 }, { NULL } };
  static const Answer linde_1[] = {
    { "a-plan", 5 }, { "a-team", 5 }, { "b-speed", 1000 }, { "b-share", 90 }, { "b-mfa", 1 }, { NULL },
  };
  static const Answer linde_2[] = {
    { "a-plan", 4 }, { "a-team", 4 }, { "b-speed", 1000 }, { "b-share", 90 }, { "b-mfa", 1 }, { NULL },
  };
  static const Answer linde_3[] = {
    { "a-plan", 5 }, { "a-team", 4 }, { "b-speed", 1000 }, { "b-share", 90 }, { "b-mfa", 1 }, { NULL },
  };
  static const Answer sun_1[] = {
    { "a-plan", 1 }, { "a-team", 2 }, { "b-speed", 20 }, { "b-share", 10 }, { "b-mfa", 0 }, { NULL },
  };
  static const Answer sun_2[] = {
    { "a-plan", 2 }, { "a-team", 1 }, { "b-speed", 40 }, { "b-share", 20 }, { "b-mfa", 0 }, { NULL },
  };
  static const Answer athenaeum[] = {
    { "a-plan", 3 }, { "a-team", 3 }, { "b-speed", 100 }, { "b-share", 50 }, { "b-mfa", 1 }, { NULL },
  };
  const Answer *sint_jozef[] = { leader, teacher, NULL };
  const Answer *old[] = { last_year, NULL };
  const Answer *linde[] = { linde_1, linde_2, linde_3, NULL };
  const Answer *sun[] = { sun_1, sun_2, NULL };
  const Answer *alone[] = { athenaeum, NULL };
  static const RdGroup groups[] = { RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_TEACHER };
  g_autoptr(GError) error = NULL;
  gint64 previous;

  fixture->sint_jozef = add_school (fixture, "Sint-Jozef", "Gent", "primary", SMALL_YEAR, sint_jozef, groups);
  previous = rd_store_add_assessment (fixture->store, fixture->sint_jozef, LAST_YEAR, fixture->framework,
                                      RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);

    g_ptr_array_add (responses, response_of (fixture->framework, RD_GROUP_LEADER, last_year));
    g_assert_true (rd_store_add_responses (fixture->store, previous, fixture->framework, responses, &error));
  }
  add_school (fixture, "De Linde", "Gent", "secondary", SMALL_YEAR, linde, groups);
  add_school (fixture, "Zonnebloem", "Brugge", "primary", SMALL_YEAR, sun, groups);
  add_school (fixture, "Atheneum", "Brugge", NULL, SMALL_YEAR, alone, groups);
  add_school (fixture, "Oud College", "Antwerpen", "special", LAST_YEAR, old, groups);
  /* A school without any assessment compares nowhere. */
  rd_store_add_school (fixture->store, "Nieuwe School", "Gent", RD_SCHOOL_TYPE_PRIMARY, &error);
  g_assert_no_error (error);
}

static char *
synthetic_uuid (guint index,
                guint kind)
{
  return g_strdup_printf ("5e1f0000-0000-4000-8%03u-%012u", kind, index);
}

/* School @index of a region: a summary of scores as an exchange file
 * would bring it, so that a thousand schools import in a moment. */
static RdExchangeSchool *
synthetic_school (RdFramework *framework,
                  GRand       *rand,
                  guint        index,
                  const char  *region)
{
  static const char * const kinds[] = {
    "Basisschool", "Vrije Basisschool", "GO! Basisschool", "Atheneum", "Sint-Lievenscollege", "Lyceum", "Campus",
  };
  static const char * const names[] = {
    "De Linde", "De Regenboog", "Sint-Jozef", "Het Anker", "De Vlinder", "Zonnebloem", "De Sleutel",
    "Klimop", "Sint-Maria", "De Boomgaard", "Ter Heide", "De Wegwijzer", "Het Kompas", "De Horizon",
    "Sint-Vincentius", "De Knipoog", "Het Molenhof", "De Bolster", "Ter Beke", "De Kleine Prins",
  };
  static const char * const places[] = {
    "Aalst", "Lokeren", "Deinze", "Eeklo", "Ronse", "Tielt", "Geel", "Lier", "Mol", "Tienen", "Diest", "Halle",
  };
  static const RdSchoolType types[] = { RD_SCHOOL_TYPE_PRIMARY, RD_SCHOOL_TYPE_SECONDARY, RD_SCHOOL_TYPE_SPECIAL };
  RdExchangeSchool *school = rd_exchange_school_new ();

  school->uuid = synthetic_uuid (index, 1);
  school->name = g_strdup_printf ("%s %s, %s", kinds[index % G_N_ELEMENTS (kinds)],
                                  names[index / G_N_ELEMENTS (kinds) % G_N_ELEMENTS (names)],
                                  places[index / (G_N_ELEMENTS (kinds) * G_N_ELEMENTS (names)) % G_N_ELEMENTS (places)]);
  school->region = g_strdup (region);
  school->school_type = types[index % G_N_ELEMENTS (types)];
  school->framework_id = g_strdup (rd_framework_get_id (framework));

  g_ptr_array_add (school->assessments,
                   rd_test_summary_assessment (framework, rand, synthetic_uuid (index, 2), SMALL_YEAR,
                                               1788000000 + index));
  return school;
}

/* 980 schools in four regions and a small fifth one of 20. */
static void
populate_region (Fixture *fixture)
{
  static const char * const regions[] = { "Oost-Vlaanderen", "Antwerpen", "Vlaams-Brabant", "Limburg" };
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261001);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < N_SYNTHETIC; i++)
    g_ptr_array_add (schools, synthetic_school (fixture->framework, rand, i,
                                                i < N_COAST ? "Kust" : regions[i % G_N_ELEMENTS (regions)]));
  g_assert_true (rd_store_import_schools (fixture->store, fixture->framework, schools, &error));
  g_assert_no_error (error);
  g_test_message ("imported %u synthetic schools in %.0f ms", N_SYNTHETIC,
                  (g_get_monotonic_time () - start) / 1000.0);
}

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(RdRegionCommands) commands = NULL;

  fixture->window = g_object_ref_sink (rd_compare_window_new (NULL, fixture->store, fixture->framework));
  /* As the main window does. */
  commands = rd_region_commands_new (fixture->store, fixture->framework, fixture->window);
  gtk_widget_insert_action_group (fixture->window, "region", G_ACTION_GROUP (commands));
  g_set_weak_pointer (&fixture->commands, commands);
  g_test_message ("rd_compare_window_new: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  fixture->compare = RD_COMPARE_WINDOW (fixture->window);
  fixture->heatmap = RD_HEATMAP_VIEW (gtk_widget_get_template_child (fixture->window, RD_TYPE_COMPARE_WINDOW,
                                                                      "heatmap"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
  g_test_message ("opened the window (%d × %d), first frame drawn, in %.0f ms", width, height,
                  (g_get_monotonic_time () - start) / 1000.0);
  rd_test_wait_for_idle ();
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  /* The commands hold the store: no muxer may keep them. */
  g_assert_null (fixture->commands);
}

static void
small_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  set_up_store (fixture, rd_test_load_framework ("small.json"));
  populate_small (fixture);
  open_window (fixture, 1180, 760);
}

static void
region_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The built-in framework: seven areas with their real titles. */
  set_up_store (fixture, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  populate_region (fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  close_window (fixture);
  rd_test_store_clear (&fixture->test_store);
}


/* A widget of the window by its id in the template. */
static gpointer
child (Fixture    *fixture,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (fixture->window, RD_TYPE_COMPARE_WINDOW, id);

  g_assert_nonnull (object);
  return object;
}

static char *
list_strings (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (text, FALSE);
}

static char *
dropdown_choices (Fixture    *fixture,
                  const char *id)
{
  return list_strings (gtk_drop_down_get_model (child (fixture, id)));
}

/* Chooses @choice in a dropdown, as the user would; NULL: the first
 * ("All regions", "All types"). */
static void
choose (Fixture    *fixture,
        const char *id,
        const char *choice)
{
  GtkDropDown *dropdown = child (fixture, id);
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint position = choice == NULL ? 0 : GTK_INVALID_LIST_POSITION;

  for (guint i = 0; choice != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), choice))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, position);
}

static void
choose_region (Fixture    *fixture,
               const char *region)
{
  choose (fixture, "region_dropdown", region);
}

static void
choose_school_type (Fixture      *fixture,
                    RdSchoolType  school_type)
{
  choose (fixture, "type_dropdown", school_type != RD_SCHOOL_TYPE_UNSET ? rd_school_type_get_title (school_type) : NULL);
}

static const char *
page_name (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture, "stack"));
}

static const char *
label_text (Fixture    *fixture,
            const char *id)
{
  return gtk_label_get_text (child (fixture, id));
}

/* A factor's row in a group of the side panel: "difference", "value" or
 * "below_target". */
static gpointer
factor_child (Fixture    *fixture,
              const char *prefix,
              RdFactor    factor)
{
  g_autofree char *id = g_strdup_printf ("%s_%s", prefix, rd_factor_to_id (factor));

  return child (fixture, id);
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *prefix,
              RdFactor    factor)
{
  return adw_action_row_get_subtitle (factor_child (fixture, prefix, factor));
}

/* The label at the end of a factor's row: its readiness. */
static const char *
row_value (Fixture  *fixture,
           RdFactor  factor)
{
  GtkWidget *label = factor_child (fixture, "value", factor);

  g_assert_true (gtk_widget_is_ancestor (label, factor_child (fixture, "difference", factor)));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The heatmap's rows, in the order shown. */
static guint
n_rows (Fixture *fixture)
{
  RdComparisonHeatmapData *data = rd_heatmap_view_get_data (fixture->heatmap);

  return data != NULL ? data->n_schools : 0;
}

static guint
school_at_row (Fixture *fixture,
               guint    row)
{
  RdComparisonHeatmapData *data = rd_heatmap_view_get_data (fixture->heatmap);

  g_assert_cmpuint (row, <, n_rows (fixture));
  return g_array_index (data->order, guint, row);
}

static const char *
column_title (Fixture *fixture,
              guint    column)
{
  return rd_heatmap_view_get_data (fixture->heatmap)->headers[column];
}

static gboolean
is_narrow (Fixture *fixture)
{
  return gtk_orientable_get_orientation (child (fixture, "paned")) == GTK_ORIENTATION_VERTICAL;
}

static void
assert_order_is_sort (Fixture            *fixture,
                      RdComparisonColumn  column,
                      guint               index,
                      gboolean            descending)
{
  RdComparison *comparison = rd_compare_window_get_comparison (fixture->compare);
  g_autoptr(GArray) order = rd_comparison_sort (comparison, column, index, descending);
  RdComparisonColumn shown_column;
  guint shown_index;
  gboolean shown_descending;

  rd_heatmap_view_get_sort (fixture->heatmap, &shown_column, &shown_index, &shown_descending);
  g_assert_cmpint (shown_column, ==, column);
  if (column != RD_COMPARISON_COLUMN_NAME)
    g_assert_cmpuint (shown_index, ==, index);
  g_assert_cmpint (shown_descending, ==, descending);

  g_assert_cmpuint (n_rows (fixture), ==, order->len);
  for (guint r = 0; r < order->len; r++)
    g_assert_cmpuint (school_at_row (fixture, r), ==, g_array_index (order, guint, r));
}

static int
row_of_school (Fixture *fixture,
               gint64   school_id)
{
  RdComparison *comparison = rd_compare_window_get_comparison (fixture->compare);

  for (guint r = 0; r < n_rows (fixture); r++)
    if (rd_comparison_get_school (comparison, school_at_row (fixture, r))->school_id
        == school_id)
      return (int) r;
  return -1;
}

static GtkGesture *
click_gesture (RdHeatmapView *heatmap)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (heatmap));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

/* A click where the pointer would be: the view hit-tests the point. */
static void
click_at (RdHeatmapView         *heatmap,
          const graphene_rect_t *area)
{
  g_signal_emit_by_name (click_gesture (heatmap), "pressed", 1,
                         (double) area->origin.x + area->size.width / 2,
                         (double) area->origin.y + area->size.height / 2);
  rd_test_wait_for_idle ();
}

static void
click_header (Fixture *fixture,
              guint    column)
{
  graphene_rect_t area;

  g_assert_true (rd_heatmap_view_get_header_area (fixture->heatmap, column, &area));
  click_at (fixture->heatmap, &area);
}

/* The years and the filters list what the database has. */
static void
test_years_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *years = list_strings (child (fixture, "years"));
  g_autofree char *regions = dropdown_choices (fixture, "region_dropdown");
  g_autofree char *types = dropdown_choices (fixture, "type_dropdown");
  g_autofree char *year_choices = dropdown_choices (fixture, "year_dropdown");

  g_assert_cmpstr (years, ==, SMALL_YEAR "|" LAST_YEAR);
  g_assert_cmpstr (year_choices, ==, years);
  g_assert_cmpstr (rd_compare_window_get_school_year (fixture->compare), ==, SMALL_YEAR);
  g_assert_cmpstr (regions, ==, "All regions|Brugge|Gent");
  g_assert_cmpstr (types, ==, "All types|Primary education|Secondary education");
  g_assert_cmpstr (page_name (fixture), ==, "compare");
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "4 schools");

  /* Filters change the schools shown, and the comparison with them. */
  choose_region (fixture, "Gent");
  g_assert_cmpstr (rd_compare_window_get_region (fixture->compare), ==, "Gent");
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_cmpuint (rd_comparison_get_n_schools (rd_compare_window_get_comparison (fixture->compare)), ==, 2);
  g_assert_cmpstr (label_text (fixture, "count_label"), ==, "2 of 4 schools");
  choose_school_type (fixture, RD_SCHOOL_TYPE_SECONDARY);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (rd_comparison_get_school (rd_compare_window_get_comparison (fixture->compare), 0)->school_name,
                   ==, "De Linde");

  /* Brugge has no secondary school: the empty state, and a way out. */
  choose_region (fixture, "Brugge");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (page_name (fixture), ==, "no-match");
  g_assert_nonnull (rd_test_find_widget (child (fixture, "stack"), GTK_TYPE_BUTTON, "compare.clear-filters"));
  rd_test_save_screenshot (fixture->window, "compare-no-match.png");
  gtk_widget_activate_action (fixture->window, "compare.clear-filters", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (rd_compare_window_get_region (fixture->compare));
  g_assert_cmpint (rd_compare_window_get_school_type (fixture->compare), ==, RD_SCHOOL_TYPE_UNSET);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_cmpstr (page_name (fixture), ==, "compare");

  /* Last year: other schools, other regions; a filter no longer there goes. */
  choose_region (fixture, "Gent");
  choose (fixture, "year_dropdown", LAST_YEAR);
  g_clear_pointer (&regions, g_free);
  g_clear_pointer (&types, g_free);
  regions = dropdown_choices (fixture, "region_dropdown");
  types = dropdown_choices (fixture, "type_dropdown");
  g_assert_cmpstr (regions, ==, "All regions|Antwerpen|Gent");
  g_assert_cmpstr (types, ==, "All types|Primary education|Special education");
  g_assert_cmpstr (rd_compare_window_get_region (fixture->compare), ==, "Gent");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  choose_region (fixture, "Antwerpen");
  choose (fixture, "year_dropdown", SMALL_YEAR);
  g_assert_null (rd_compare_window_get_region (fixture->compare));
  g_assert_cmpuint (n_rows (fixture), ==, 4);
}

/* Every order the view shows is rd_comparison_sort()'s, whether chosen
 * by a click on a header, the "Sort by" choice or the direction button. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkDropDown *sort = child (fixture, "sort_dropdown");
  GtkToggleButton *descending = child (fixture, "descending_button");
  g_autofree char *choices = dropdown_choices (fixture, "sort_dropdown");

  g_assert_cmpstr (choices, ==, "Name|Strategy|Engagement|Capacity|Investment|Largest gap: Strategy|"
                                "Largest gap: Engagement|Largest gap: Capacity|Largest gap: Investment");
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  g_assert_cmpstr (rd_comparison_get_school (rd_compare_window_get_comparison (fixture->compare),
                                             school_at_row (fixture, 0))->school_name,
                   ==, "Atheneum");

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      click_header (fixture, f);
      assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_FACTOR, f, FALSE);
      g_assert_cmpuint (gtk_drop_down_get_selected (sort), ==, 1 + f);
      g_assert_false (gtk_toggle_button_get_active (descending));
      g_assert_true (g_str_has_suffix (column_title (fixture, f), "▲"));

      click_header (fixture, f);
      assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_FACTOR, f, TRUE);
      g_assert_true (gtk_toggle_button_get_active (descending));
      g_assert_true (g_str_has_suffix (column_title (fixture, f), "▼"));
    }

  /* By keyboard: the largest gap first, then the other way round. */
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *header = g_strdup_printf ("%s, gap ▼", rd_factor_get_short_title (f));

      gtk_drop_down_set_selected (sort, 1 + RD_N_FACTORS + f);
      assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_GAP, f, TRUE);
      g_assert_cmpstr (column_title (fixture, f), ==, header);
      gtk_toggle_button_set_active (descending, FALSE);
      assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_GAP, f, FALSE);
    }
  gtk_drop_down_set_selected (sort, 0);
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  gtk_toggle_button_set_active (descending, TRUE);
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_NAME, 0, TRUE);

  /* The areas: their own columns to sort by, and the gaps still. */
  gtk_widget_activate_action (fixture->window, "compare.view", "s", "areas");
  rd_test_wait_for_idle ();
  g_assert_cmpstr (rd_compare_window_get_view (fixture->compare), ==, "areas");
  g_clear_pointer (&choices, g_free);
  choices = dropdown_choices (fixture, "sort_dropdown");
  g_assert_true (g_str_has_prefix (choices, "Name|Alpha|Beta|Largest gap: Strategy|"));
  click_header (fixture, 1);
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_AREA, 1, FALSE);
  g_assert_cmpuint (gtk_drop_down_get_selected (sort), ==, 2);
  /* A sort by an area's column goes with the areas. */
  gtk_widget_activate_action (fixture->window, "compare.view", "s", "factors");
  rd_test_wait_for_idle ();
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
}

static void
assert_school_panel (Fixture *fixture,
                     gint64   school_id)
{
  RdComparison *comparison = rd_compare_window_get_comparison (fixture->compare);
  int school = rd_heatmap_view_get_selected (fixture->heatmap);
  const RdSchoolScores *scores;
  const char *description;

  g_assert_cmpint (rd_heatmap_view_get_selected_school (fixture->heatmap), ==, school_id);
  g_assert_cmpint (school, >=, 0);
  scores = rd_comparison_get_school (comparison, (guint) school);
  g_assert_cmpint (scores->school_id, ==, school_id);
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, scores->school_name);

  description = rd_chart_view_get_description (child (fixture, "boxplot"));
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorDifference difference;
      g_autofree char *value = NULL;
      g_autofree char *first_line = NULL;
      const char *subtitle = row_subtitle (fixture, "difference", f);

      rd_comparison_get_difference (comparison, (guint) school, f, &difference);
      value = isnan (difference.value) ? g_strdup ("–") : g_strdup_printf ("%.0f", difference.value);
      g_assert_cmpstr (row_value (fixture, f), ==, value);
      first_line = g_strdup_printf ("Median of the other schools %.0f · ", difference.others_median);
      g_test_message ("%s %s: %s", scores->school_name, rd_factor_to_id (f), subtitle);
      g_assert_true (g_str_has_prefix (subtitle, first_line));
      if (!isnan (difference.value))
        {
          g_autofree char *in_chart = g_strdup_printf ("%s: %.0f; the others: median %.0f,",
                                                       rd_factor_get_short_title (f), difference.value,
                                                       difference.others_median);

          g_assert_nonnull (strstr (description, in_chart));
        }
      if (!difference.tested)
        g_assert_nonnull (strstr (subtitle, "cannot tell: fewer than two respondents or summary only"));
      else if (difference.difference == RD_DIFFERENCE_ABOVE)
        g_assert_nonnull (strstr (subtitle, "clearly above the other schools"));
      else if (difference.difference == RD_DIFFERENCE_BELOW)
        g_assert_nonnull (strstr (subtitle, "clearly below the other schools"));
      else
        g_assert_nonnull (strstr (subtitle, "not clearly different"));
    }
}

/* Selecting a school shows its numbers at the side; the selection stays
 * with the school through sorting and filtering. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  RdComparison *comparison;
  graphene_rect_t area;
  int row = row_of_school (fixture, fixture->sint_jozef);
  g_autofree char *tooltip = NULL;

  /* It opens on the first school. */
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 0);

  g_assert_cmpint (row, >=, 0);
  g_assert_true (rd_heatmap_view_get_cell_area (fixture->heatmap, (guint) row, RD_FACTOR_CAPACITY, &area));
  click_at (fixture->heatmap, &area);
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, row);
  assert_school_panel (fixture, fixture->sint_jozef);
  g_assert_cmpstr (label_text (fixture, "details_label"), ==, "Gent · Primary education · 2 respondents");

  /* By hand, as on the results page: capacity (a-team 100 × 1 + b-share
   * (100 + 0) / 2 × 2) / 3 = 67, the target 65 of small.json. The others
   * (a-team × 1, b-share × 2, b-mfa × 1): De Linde (83.3 + 200 + 100) / 4
   * = 95.8, Zonnebloem 12.5 / 4 = 3.1, Atheneum (50 + 100 + 100) / 4 =
   * 62.5, their median; printf writes it 62. Sint-Jozef's two people
   * disagree (capacity 100 and 0): too uncertain to call a difference. */
  g_assert_cmpstr (row_value (fixture, RD_FACTOR_CAPACITY), ==, "67");
  g_assert_cmpstr (row_subtitle (fixture, "difference", RD_FACTOR_CAPACITY), ==,
                   "Median of the other schools 62 · not clearly different\nTarget 65 · reached");
  tooltip = rd_comparison_heatmap_data_tooltip (rd_heatmap_view_get_data (fixture->heatmap), (guint) row,
                                                RD_FACTOR_CAPACITY);
  g_assert_true (g_str_has_prefix (tooltip, "Sint-Jozef · Capacity 67 · target 65 · target reached"));
  g_clear_pointer (&tooltip, g_free);
  tooltip = rd_comparison_heatmap_data_tooltip (rd_heatmap_view_get_data (fixture->heatmap), (guint) row, -1);
  g_assert_cmpstr (tooltip, ==, "Sint-Jozef · Gent · Primary education · 2 respondents");

  /* One respondent: Atheneum's differences cannot be tested. By name,
   * it is the first row. */
  rd_heatmap_view_select_row (fixture->heatmap, 0);
  g_assert_cmpstr (label_text (fixture, "name_label"), ==, "Atheneum");
  g_assert_cmpstr (label_text (fixture, "details_label"), ==, "Brugge · No school type · 1 respondent");
  for (guint f = 0; f < RD_N_FACTORS; f++)
    g_assert_nonnull (strstr (row_subtitle (fixture, "difference", f),
                              "cannot tell: fewer than two respondents or summary only"));

  /* De Linde's three people agree on high scores: clearly above. */
  comparison = rd_compare_window_get_comparison (fixture->compare);
  for (guint s = 0; s < rd_comparison_get_n_schools (comparison); s++)
    if (g_str_equal (rd_comparison_get_school (comparison, s)->school_name, "De Linde"))
      rd_heatmap_view_set_selected_school (fixture->heatmap, rd_comparison_get_school (comparison, s)->school_id);
  assert_school_panel (fixture, rd_heatmap_view_get_selected_school (fixture->heatmap));
  g_assert_nonnull (strstr (row_subtitle (fixture, "difference", RD_FACTOR_INVESTMENT),
                            "clearly above the other schools"));

  /* Back to Sint-Jozef; sorted, it keeps its selection in another row. */
  rd_heatmap_view_set_selected_school (fixture->heatmap, fixture->sint_jozef);
  click_header (fixture, RD_FACTOR_CAPACITY);
  click_header (fixture, RD_FACTOR_CAPACITY);
  g_assert_cmpint (rd_heatmap_view_get_selected_school (fixture->heatmap), ==, fixture->sint_jozef);
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, row_of_school (fixture, fixture->sint_jozef));
  assert_school_panel (fixture, fixture->sint_jozef);

  /* Filtered to its region: compared with fewer schools, still selected. */
  choose_region (fixture, "Gent");
  assert_school_panel (fixture, fixture->sint_jozef);
  /* Filtered out, then back. */
  choose_region (fixture, "Brugge");
  g_assert_cmpint (rd_heatmap_view_get_selected_school (fixture->heatmap), ==, 0);
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, -1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "school_stack")), ==, "none");
  choose_region (fixture, NULL);
  assert_school_panel (fixture, fixture->sint_jozef);
  rd_test_save_screenshot (fixture->window, "compare-small-light.png");
}

/* "N of M schools below target" is the comparison's count. */
static void
assert_below_target (Fixture *fixture)
{
  RdComparison *comparison = rd_compare_window_get_comparison (fixture->compare);
  guint n = rd_comparison_get_n_schools (comparison);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdTargetCount count;
      g_autofree char *expected = NULL;

      rd_comparison_count_below_target (comparison, f, &count);
      g_assert_cmpuint (count.below + count.reached + count.unknown, ==, n);
      if (count.unknown > 0)
        expected = g_strdup_printf ("%u of %u school%s below target · %u unknown", count.below, n,
                                    n == 1 ? "" : "s", count.unknown);
      else
        expected = g_strdup_printf ("%u of %u school%s below target", count.below, n, n == 1 ? "" : "s");
      g_test_message ("%s: %s", rd_factor_to_id (f), row_subtitle (fixture, "below_target", f));
      g_assert_cmpstr (row_subtitle (fixture, "below_target", f), ==, expected);
    }
}

/* The counts follow the filters. */
static void
test_below_target (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *regions[] = { NULL, "Gent", "Brugge" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      choose_region (fixture, regions[i]);
      assert_below_target (fixture);
    }

  /* By hand, investment = mean of the ladder scores of b-speed and
   * b-share, target 60: Sint-Jozef (50 + (100 + 0) / 2) / 2 = 50, De Linde
   * 100, Zonnebloem 0, Atheneum (50 + 50) / 2 = 50: three below. */
  choose_region (fixture, NULL);
  g_assert_cmpstr (row_subtitle (fixture, "below_target", RD_FACTOR_INVESTMENT), ==, "3 of 4 schools below target");
}

/* Up, Down, Page Down, End and Home move the selection; Escape and
 * Ctrl+W close the window; Ctrl+F goes to the filters. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->heatmap);
  GtkWidget *focus, *region = child (fixture, "region_dropdown");

  gtk_widget_grab_focus (widget);
  rd_heatmap_view_select_row (fixture->heatmap, 0);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_Down, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 1);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_End, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 3);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_Down, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 3);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_Up, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 2);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_Home, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 0);
  g_assert_true (rd_test_send_binding (widget, GDK_KEY_Page_Down, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), ==, 3);
  assert_school_panel (fixture, rd_heatmap_view_get_selected_school (fixture->heatmap));
  /* As after a key press: the focus ring shows. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
  rd_test_save_screenshot (fixture->window, "compare-keyboard-light.png");

  g_assert_true (rd_test_send_binding (fixture->window, GDK_KEY_f, GDK_CONTROL_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == region || gtk_widget_is_ancestor (focus, region));

  g_assert_true (rd_test_send_binding (fixture->window, GDK_KEY_Escape, 0));
  rd_test_wait_for_idle ();
  g_assert_false (gtk_widget_get_visible (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));

  open_window (fixture, 1180, 760);
  g_assert_true (rd_test_send_binding (fixture->window, GDK_KEY_w, GDK_CONTROL_MASK));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
}

/* Activates @action, answers its file chooser with @name in @dir as a
 * user would, and waits for the job to have written the file. */
static char *
export_to (Fixture    *fixture,
           const char *action,
           const char *dir,
           const char *name,
           const char *suggested)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *current = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (fixture->window, action, NULL));
  chooser = GTK_FILE_CHOOSER (rd_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export the Comparison");
  current = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (current, ==, suggested);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* Written to a temporary file and renamed: there means complete. */
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s was not written", path);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  rd_test_wait_for_idle ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n++;
  return n;
}

/* Export writes the schools shown, as shown, from the window itself; the
 * import is the "region" commands' (the main window inserts its own). */
static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-compare-export-XXXXXX", NULL);
  g_autofree char *factors = NULL;
  g_autofree char *areas = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *path = NULL;
  g_autofree char *types = NULL;
  GtkWindow *chooser;
  static const Answer answers[] = { { "a-plan", 3 }, { "b-share", 70 }, { NULL } };
  const Answer *people[] = { answers, NULL };
  static const RdGroup groups[] = { RD_GROUP_LEADER };

  factors = export_to (fixture, "compare.export-csv", dir, "all.csv", "Schools " SMALL_YEAR ".csv");
  g_assert_true (g_str_has_prefix (factors, "school,region,school-type,respondents,strategy-readiness,"));
  g_assert_cmpuint (count_lines (factors), ==, 1 + 4);

  choose_region (fixture, "Gent");
  g_object_set (fixture->compare, "view", "areas", NULL);
  areas = export_to (fixture, "compare.export-csv", dir, "gent.csv", "Schools " SMALL_YEAR ".csv");
  g_assert_true (g_str_has_prefix (areas, "school,region,school-type,respondents,"));
  g_assert_null (strstr (areas, "strategy-readiness"));
  g_assert_cmpuint (count_lines (areas), ==, 1 + 2);
  g_assert_nonnull (strstr (areas, ",Gent,"));

  workbook = export_to (fixture, "compare.export-xlsx", dir, "gent.xlsx", "Schools " SMALL_YEAR ".xlsx");
  g_assert_true (g_str_has_prefix (workbook, "PK\003\004"));

  /* Nothing to export without schools. */
  choose_region (fixture, "Brugge");
  choose_school_type (fixture, RD_SCHOOL_TYPE_SECONDARY);
  gtk_widget_activate_action (fixture->window, "compare.export-csv", NULL);
  rd_test_wait_for_idle ();
  g_assert_null (rd_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));

  g_assert_true (gtk_widget_activate_action (fixture->window, "region.import-files", NULL));
  chooser = rd_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import School Files");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  rd_test_wait_for_idle ();

  /* The window follows the store when schools come in. */
  choose_school_type (fixture, RD_SCHOOL_TYPE_UNSET);
  add_school (fixture, "Ter Duinen", "Brugge", "secondary", SMALL_YEAR, people, groups);
  g_usleep (400 * 1000);
  rd_test_wait_for_idle ();
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  types = dropdown_choices (fixture, "type_dropdown");
  g_assert_cmpstr (types, ==, "All types|Primary education|Secondary education");

  for (const char * const *name = (const char * const[]) { "all.csv", "gent.csv", "gent.xlsx", NULL }; *name; name++)
    {
      g_free (path);
      path = g_build_filename (dir, *name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* No assessments at all: an invitation to import. */
static void
test_empty (void)
{
  Fixture fixture = { 0 };
  GtkWidget *button;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  set_up_store (&fixture, rd_test_load_framework ("small.json"));
  open_window (&fixture, 900, 640);
  g_assert_cmpstr (page_name (&fixture), ==, "empty");
  g_assert_null (rd_compare_window_get_comparison (fixture.compare));
  g_assert_cmpuint (g_list_model_get_n_items (child (&fixture, "years")), ==, 0);
  /* Nothing to filter, sort or switch. */
  g_assert_false (gtk_widget_get_mapped (child (&fixture, "region_dropdown")));
  g_assert_false (gtk_widget_get_mapped (child (&fixture, "sort_dropdown")));
  button = rd_test_find_widget (child (&fixture, "stack"), GTK_TYPE_BUTTON, "region.import-files");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_visible_child (child (&fixture, "stack")))), ==,
                   "Import school files to compare them.");
  rd_test_save_screenshot (fixture.window, "compare-empty.png");
  tear_down (&fixture, NULL);
}

/* The rows the view shows, against its height and scroll position. */
static void
assert_only_visible_rows (Fixture *fixture)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->heatmap));
  double row_height = rd_heatmap_view_get_row_height (fixture->heatmap);
  guint first, count, drawn_first, drawn;
  guint fits = (guint) ceil (gtk_adjustment_get_page_size (adjustment) / row_height) + 1;

  count = rd_heatmap_view_get_visible_rows (fixture->heatmap, &first);
  drawn = rd_heatmap_view_get_drawn_rows (fixture->heatmap, &drawn_first);
  g_test_message ("scrolled to %.0f of %.0f: rows %u to %u in view, %u to %u drawn",
                  gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
                  first, first + count - 1, drawn_first, drawn_first + drawn - 1);
  g_assert_cmpuint (first, ==, (guint) floor (gtk_adjustment_get_value (adjustment) / row_height));
  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, <=, fits);
  g_assert_cmpuint (drawn_first, ==, first);
  g_assert_cmpuint (drawn, ==, count);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Frames at random scroll positions: the chart's own time in the
 * snapshot (it records), the view alone drawn into pixels (record, replay
 * and rasterise), and the whole window's frame, paced by the frame clock. */
static void
measure_frames (Fixture    *fixture,
                const char *what,
                guint       rounds)
{
  GtkWidget *widget = GTK_WIDGET (fixture->heatmap);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->heatmap));
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autofree gint64 *chart = g_new (gint64, rounds);
  g_autofree gint64 *pixels = g_new (gint64, rounds);
  g_autofree gint64 *frame = g_new (gint64, rounds);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double span = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GtkSnapshot *snapshot;

      gtk_adjustment_set_value (adjustment, span > 0 ? g_rand_double_range (rand, 0, span) : 0);
      gtk_widget_queue_draw (widget);
      gtk_test_widget_wait_for_draw (widget);
      frame[i] = g_get_monotonic_time () - start;
      chart[i] = rd_heatmap_view_get_draw_time (fixture->heatmap);

      start = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      pixels[i] = g_get_monotonic_time () - start;
    }
  qsort (chart, rounds, sizeof (gint64), compare_gint64);
  qsort (pixels, rounds, sizeof (gint64), compare_gint64);
  qsort (frame, rounds, sizeof (gint64), compare_gint64);
  /* Figures to report, not to pass or fail on: the machine is shared. */
  g_test_message ("%s, view %d × %d, %u rows in view, %u rounds: chart in the snapshot median %.2f ms (p90 %.2f); "
                  "view into pixels median %.2f ms (p90 %.2f); window frame median %.1f ms (p90 %.1f)",
                  what, width, height, rd_heatmap_view_get_visible_rows (fixture->heatmap, NULL), rounds,
                  chart[rounds / 2] / 1000.0, chart[rounds * 9 / 10] / 1000.0,
                  pixels[rounds / 2] / 1000.0, pixels[rounds * 9 / 10] / 1000.0,
                  frame[rounds / 2] / 1000.0, frame[rounds * 9 / 10] / 1000.0);
}

static void
save_screenshots (Fixture    *fixture,
                  const char *prefix)
{
  g_autofree char *light = g_strdup_printf ("%s-light.png", prefix);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", prefix);

  rd_test_save_screenshot (fixture->window, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (fixture->window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  rd_test_wait_for_idle ();
}

/* A thousand schools: one node of the widget's size, the rows in view
 * drawn and no more, wherever the view is scrolled. */
static void
test_thousand (Fixture       *fixture,
               gconstpointer  data)
{
  GtkAdjustment *adjustment;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  GtkSnapshot *snapshot;
  const char *description;
  int row;

  open_window (fixture, 1280, 800);
  g_assert_cmpuint (n_rows (fixture), ==, N_SYNTHETIC);
  g_assert_false (is_narrow (fixture));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->heatmap));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, N_SYNTHETIC * rd_heatmap_view_get_row_height (fixture->heatmap));
  assert_only_visible_rows (fixture);
  /* Some synthetic schools have too few answers for a factor: unknown. */
  assert_below_target (fixture);
  g_assert_nonnull (strstr (row_subtitle (fixture, "below_target", RD_FACTOR_STRATEGY), " unknown"));

  /* The view's drawing is as big as the view, not as the table. */
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->heatmap));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fixture->heatmap)),
                          gtk_widget_get_height (GTK_WIDGET (fixture->heatmap)));
  node = gtk_snapshot_free_to_node (snapshot);
  gsk_render_node_get_bounds (node, &bounds);
  g_test_message ("heatmap %d × %d, its drawing %.0f × %.0f", gtk_widget_get_width (GTK_WIDGET (fixture->heatmap)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->heatmap)), bounds.size.width, bounds.size.height);
  g_assert_cmpfloat (bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (fixture->heatmap)));

  /* Screen readers: an image with a name and the view in words. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->heatmap)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpstr (rd_heatmap_view_get_label (fixture->heatmap), ==, "Readiness of the schools per success factor");
  description = rd_heatmap_view_get_description (fixture->heatmap);
  g_test_message ("%.300s…", description);
  g_assert_true (g_str_has_prefix (description, "1000 schools. Sorted by name, A to Z. Medians: Strategy "));
  g_assert_nonnull (strstr (description, "Selected: "));

  /* Sorted so that the schools most below target come first, and a
   * school far down selected: it is scrolled into view. */
  gtk_drop_down_set_selected (child (fixture, "sort_dropdown"), 1 + RD_N_FACTORS + RD_FACTOR_CAPACITY);
  assert_order_is_sort (fixture, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_CAPACITY, TRUE);
  rd_heatmap_view_select_row (fixture->heatmap, 500);
  gtk_test_widget_wait_for_draw (fixture->window);
  assert_only_visible_rows (fixture);
  row = rd_heatmap_view_get_selected_row (fixture->heatmap);
  {
    guint first, count = rd_heatmap_view_get_visible_rows (fixture->heatmap, &first);

    g_assert_cmpint (row, >=, (int) first);
    g_assert_cmpint (row, <, (int) (first + count));
  }
  g_assert_true (rd_test_send_binding (GTK_WIDGET (fixture->heatmap), GDK_KEY_Page_Down, 0));
  g_assert_cmpint (rd_heatmap_view_get_selected_row (fixture->heatmap), >, row + 10);
  gtk_test_widget_wait_for_draw (fixture->window);
  assert_only_visible_rows (fixture);
  assert_school_panel (fixture, rd_heatmap_view_get_selected_school (fixture->heatmap));

  /* Near the top, with the fourth school selected, for the pictures. */
  rd_heatmap_view_select_row (fixture->heatmap, 3);
  gtk_adjustment_set_value (adjustment, 0);
  save_screenshots (fixture, "compare-wide");
  gtk_adjustment_set_value (adjustment, 480 * rd_heatmap_view_get_row_height (fixture->heatmap) + 11);
  gtk_test_widget_wait_for_draw (fixture->window);
  assert_only_visible_rows (fixture);
  rd_test_save_screenshot (fixture->window, "compare-wide-scrolled-light.png");

  measure_frames (fixture, "1000 schools", 40);
  choose_region (fixture, "Kust");
  g_assert_cmpuint (n_rows (fixture), ==, N_COAST);
  gtk_test_widget_wait_for_draw (fixture->window);
  measure_frames (fixture, "20 schools", 40);
  choose_region (fixture, NULL);
  gtk_test_widget_wait_for_draw (fixture->window);

  gtk_widget_activate_action (fixture->window, "compare.view", "s", "areas");
  gtk_test_widget_wait_for_draw (fixture->window);
  g_assert_cmpstr (rd_heatmap_view_get_label (fixture->heatmap), ==, "Score of the schools per area");
  gtk_adjustment_set_value (adjustment, 0);
  rd_test_save_screenshot (fixture->window, "compare-areas-light.png");
  measure_frames (fixture, "1000 schools, areas", 40);
}

/* Narrow: the side panel under the table. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkPaned *paned;

  open_window (fixture, 600, 980);
  g_assert_true (is_narrow (fixture));
  paned = GTK_PANED (rd_test_find_widget (fixture->window, GTK_TYPE_PANED, NULL));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_VERTICAL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->heatmap)), >, 500);
  rd_heatmap_view_select_row (fixture->heatmap, 2);
  assert_only_visible_rows (fixture);
  save_screenshots (fixture, "compare-narrow");
  close_window (fixture);

  open_window (fixture, 1000, 700);
  g_assert_false (is_narrow (fixture));
  paned = GTK_PANED (rd_test_find_widget (fixture->window, GTK_TYPE_PANED, NULL));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_HORIZONTAL);
}

/* The window in the test's language (compare-window-nl runs it in Dutch,
 * its pictures named nl-…): the template's texts and the code's are
 * translated alike. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *title = g_dgettext (GETTEXT_PACKAGE, "Compare Schools");
  const char *sort_tooltip = g_dgettext (GETTEXT_PACKAGE, "Sort by");

  if (g_str_equal (rd_test_language (), "nl"))
    {
      g_assert_cmpstr (title, !=, "Compare Schools");
      g_assert_cmpstr (sort_tooltip, !=, "Sort by");
    }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (fixture, "sort_dropdown")), ==, sort_tooltip);
  g_assert_cmpstr (adw_preferences_row_get_title (factor_child (fixture, "below_target", RD_FACTOR_CAPACITY)), ==,
                   rd_factor_get_short_title (RD_FACTOR_CAPACITY));

  rd_heatmap_view_set_selected_school (fixture->heatmap, fixture->sint_jozef);
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_test_save_screenshot (fixture->window, "compare-factors-light.png");
  gtk_widget_activate_action (fixture->window, "compare.view", "s", "areas");
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_test_save_screenshot (fixture->window, "compare-areas-small-light.png");
  choose_region (fixture, "Brugge");
  choose_school_type (fixture, RD_SCHOOL_TYPE_SECONDARY);
  gtk_test_widget_wait_for_draw (fixture->window);
  g_assert_cmpstr (page_name (fixture), ==, "no-match");
  rd_test_save_screenshot (fixture->window, "compare-no-match-small-light.png");
}

/* Four teachers a year in two schools, as in test-change.c: De Kleine
 * Wereld rose on engagement (31 → 84, p = 0.002) and capacity, the
 * Atheneum answered alike both years. */
static void
add_two_years (Fixture    *fixture,
               const char *name,
               const char *region,
               gboolean    rises)
{
  g_autoptr(GError) error = NULL;
  gint64 school = rd_store_add_school (fixture->store, name, region, RD_SCHOOL_TYPE_UNSET, &error);

  g_assert_no_error (error);
  rd_test_add_two_years (fixture->store, fixture->framework, school, rises);
}

static guint
count_list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Which schools moved, on which factor, since the year before. */
static void
test_moved (void)
{
  static const int widths[] = { 400, 1280 };
  Fixture fixture = { 0 };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  set_up_store (&fixture, rd_test_load_framework ("small.json"));
  add_two_years (&fixture, "De Kleine Wereld", "Gent", TRUE);
  add_two_years (&fixture, "Atheneum", "Brugge", FALSE);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *name = g_strdup_printf ("compare-moved-%d.png", widths[w]);
      GtkListBox *list;
      GtkWidget *row;
      GPtrArray *moved;

      open_window (&fixture, widths[w], 800);
      moved = rd_compare_window_get_moved (fixture.compare);
      g_assert_nonnull (moved);
      g_assert_cmpuint (moved->len, ==, 2);
      g_assert_true (gtk_widget_get_visible (child (&fixture, "moved_group")));
      list = child (&fixture, "moved_list");
      /* Engagement and capacity of De Kleine Wereld, both rises, in one
       * row; nothing of the Atheneum. */
      g_assert_cmpuint (count_list_rows (list), ==, 1);
      row = gtk_widget_get_first_child (GTK_WIDGET (list));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "De Kleine Wereld");
      if (g_getenv ("READINESS_TEST_LANGUAGE") == NULL)
        {
          g_assert_cmpstr (adw_preferences_group_get_title (child (&fixture, "moved_group")), ==,
                           "Moved Since " LAST_YEAR);
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                           "Engagement: 31 → 84, a meaningful rise (p = 0.002, Welch’s t-test)\n"
                           "Capacity: 12 → 94, a meaningful rise (p = 0.001, Welch’s t-test)");
        }
      {
        GtkWidget *scrolled = child (&fixture, "side");
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        rd_test_wait_for_idle ();
      }
      rd_test_save_screenshot (fixture.window, name);

      /* The filters apply: only the Atheneum's region, nothing moved. */
      choose_region (&fixture, "Brugge");
      g_assert_cmpuint (count_list_rows (list), ==, 1);
      row = gtk_widget_get_first_child (GTK_WIDGET (list));
      if (g_getenv ("READINESS_TEST_LANGUAGE") == NULL)
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                         "No school shown moved more than chance.");
      close_window (&fixture);
    }
  rd_test_store_clear (&fixture.test_store);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

#define SMALL(path, func) g_test_add ("/compare-window/" path, Fixture, NULL, small_set_up, func, tear_down)
#define REGION(path, func) g_test_add ("/compare-window/" path, Fixture, NULL, region_set_up, func, tear_down)
  SMALL ("years-and-filters", test_years_and_filters);
  SMALL ("sort", test_sort);
  SMALL ("selection", test_selection);
  SMALL ("below-target", test_below_target);
  SMALL ("keyboard", test_keyboard);
  SMALL ("files", test_files);
  SMALL ("screenshots", test_screenshots);
  g_test_add_func ("/compare-window/empty", test_empty);
  g_test_add_func ("/compare-window/moved", test_moved);
  REGION ("thousand", test_thousand);
  REGION ("narrow", test_narrow);
#undef SMALL
#undef REGION

  return g_test_run ();
}
