/* Every page and dialog fits a 360 px wide window, in the language the run
 * asks for (READINESS_TEST_LANGUAGE), with real data; the content pages
 * share one clamp width (issue 18). */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "rd-assessment-view-private.h"
#include "rd-results-page-private.h"
#include "rd-school-dialog.h"
#include "rd-test-util.h"
#include "rd-window.h"
#include "rd-window-private.h"

#define NARROWEST 360

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  gint64 pulse_id;
} Fixture;

/* @n respondents of @group with random answers to @mode's items. */
static void
add_respondents (Fixture          *fixture,
                 gint64            assessment_id,
                 RdAssessmentMode  mode,
                 GRand            *rand,
                 double            lean)
{
  static const RdGroup groups[] = { RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_LEARNER };
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < 3; i++)
      g_ptr_array_add (responses, rd_test_random_response (fixture->framework, mode, groups[g], rand, lean));
  g_assert_true (rd_store_add_responses (fixture->store, assessment_id, fixture->framework, responses, &error));
  g_assert_no_error (error);
}

/* The built-in framework; a school with a full assessment in each of two
 * years, answered by three groups (so the groups table shows), and a pulse. */
static void
populate (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(GError) error = NULL;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut voor Secundair Onderwijs", "Oost-Vlaanderen",
                            RD_SCHOOL_TYPE_UNSET);
  add_respondents (fixture, rd_test_store_add_assessment (&fixture->test_store, "2025-2026", RD_ASSESSMENT_MODE_FULL),
                   RD_ASSESSMENT_MODE_FULL, rand, 0.4);
  fixture->pulse_id = rd_test_store_add_assessment (&fixture->test_store, "2025-2026", RD_ASSESSMENT_MODE_PULSE);
  add_respondents (fixture, fixture->pulse_id, RD_ASSESSMENT_MODE_PULSE, rand, 0.5);
  add_respondents (fixture, rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL),
                   RD_ASSESSMENT_MODE_FULL, rand, 0.6);
}

static int
min_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static int
nat_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return natural;
}

static GtkWidget *
window_content (GtkWidget *window)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_WINDOW (window))
    return adw_window_get_content (ADW_WINDOW (window));
  return gtk_window_get_child (GTK_WINDOW (window));
}

/* Where a width comes from: the widgets below @widget that are too wide. */
static void
print_too_wide (GtkWidget *widget,
                int        depth)
{
  int width = min_width (widget);
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (width <= NARROWEST - (g_getenv ("FIT_DEBUG_SLACK") ? atoi (g_getenv ("FIT_DEBUG_SLACK")) : 40) || depth > 60 || !gtk_widget_get_visible (widget))
    return;
  g_test_message ("%*s%s %s %d%s%s", depth, "", G_OBJECT_TYPE_NAME (widget), id ? id : "", width,
                  GTK_IS_LABEL (widget) ? " " : "", GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "");
  if (GTK_IS_STACK (widget))
    {
      print_too_wide (gtk_stack_get_visible_child (GTK_STACK (widget)), depth + 1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_too_wide (child, depth + 1);
}

static void
check_fits (GtkWidget  *widget,
            const char *what,
            guint      *n_too_wide)
{
  int width = min_width (widget);

  g_test_message ("%s: minimum width %d", what, width);
  if (width > NARROWEST)
    {
      g_test_message ("  too wide for %d px", NARROWEST);
      if (g_getenv ("FIT_DEBUG") != NULL)
        print_too_wide (widget, 0);
      (*n_too_wide)++;
    }
}

static GtkWidget *
open_in_window (GtkWidget *content,
                int        width)
{
  GtkWidget *window = g_object_ref_sink (adw_application_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
}

/* Shows each page of @view in turn and checks the view and the page fit,
 * in a wide window and then in a narrow one: some widths appear only once
 * the page has been laid out narrow. */
static void
check_view_pages (GtkWidget  *window,
                  GtkWidget  *view,
                  GtkWidget  *outer,
                  const char *label,
                  guint      *n_too_wide)
{
  GtkStack *pages = GTK_STACK (rd_test_find_child (view, "pages"));

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (pages)); page;
       page = gtk_widget_get_next_sibling (page))
    {
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (pages, page));

      for (int narrow = 0; narrow <= 1; narrow++)
        {
          g_autofree char *what = g_strdup_printf ("%s, page %s, %s", label, name, narrow ? "narrow" : "wide");

          gtk_window_set_default_size (GTK_WINDOW (window), narrow ? NARROWEST : 1280, 800);
          if (g_str_equal (name, "handover"))
            gtk_stack_set_visible_child (pages, page);
          else
            gtk_widget_activate_action (view, "assessment.show-area", "s", name);
          rd_test_wait_for_idle ();
          gtk_test_widget_wait_for_draw (window);
          rd_test_wait_for_idle ();
          check_fits (page, what, n_too_wide);
          check_fits (outer, what, n_too_wide);
          if (narrow)
            {
              /* The sidebar folds away instead of squeezing the page. */
              g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (rd_test_find_child (view, "leaflet"))));
              g_assert_cmpint (gtk_widget_get_width (outer), <=, NARROWEST);
            }
        }
    }
}

static void
check_assessment_pages (Fixture    *fixture,
                        gint64      assessment_id,
                        const char *label,
                        guint      *n_too_wide)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = rd_assessment_view_new (fixture->store, fixture->framework, assessment_id, &error);
  GtkWidget *window;

  g_assert_no_error (error);
  window = open_in_window (view, 1280);
  check_view_pages (window, view, view, label, n_too_wide);
  close_window (window);
}

/* The assessment views on their own, full and pulse, with the groups table. */
static void
test_pages_fit (void)
{
  Fixture fixture = { 0 };
  guint n_too_wide = 0;

  populate (&fixture);
  check_assessment_pages (&fixture, fixture.assessment_id, "full assessment", &n_too_wide);
  check_assessment_pages (&fixture, fixture.pulse_id, "pulse assessment", &n_too_wide);
  g_assert_cmpuint (n_too_wide, ==, 0);
  rd_test_store_clear (&fixture.test_store);
}

/* The main window: its list of assessments, and an assessment opened in it. */
static void
test_main_window_fits (void)
{
  Fixture fixture = { 0 };
  guint n_too_wide = 0;
  GtkWidget *window;

  populate (&fixture);
  window = g_object_ref_sink (GTK_WIDGET (rd_window_new (NULL, fixture.store, fixture.framework)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  rd_window_select_school (RD_WINDOW (window), fixture.school_id);
  rd_test_wait_for_idle ();
  check_fits (window_content (window), "main window, assessments", &n_too_wide);

  gtk_widget_activate_action (window, "win.open-assessment", "x", fixture.assessment_id);
  rd_test_wait_for_idle ();
  check_view_pages (window, GTK_WIDGET (rd_window_get_assessment_view (RD_WINDOW (window))), window_content (window),
                    "main window", &n_too_wide);

  gtk_widget_activate_action (window, "win.close-assessment", NULL);
  rd_test_wait_for_idle ();
  gtk_test_widget_wait_for_draw (window);
  rd_test_wait_for_idle ();
  check_fits (window_content (window), "main window, back at the assessments", &n_too_wide);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (rd_test_find_child (window, "leaflet"))));
  g_assert_cmpuint (n_too_wide, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (window);
  rd_test_store_clear (&fixture.test_store);
}

static void
type_into (GtkWidget  *dialog,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (dialog, RD_TYPE_SCHOOL_DIALOG, id)), text);
  rd_test_wait_for_idle ();
  gtk_test_widget_wait_for_draw (dialog);
}

/* Typing a name does not change the dialog's width. */
static void
test_school_dialog_keeps_width (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(RdTestStore) store = { 0 };
  GtkWidget *parent, *dialog;
  int before;

  rd_test_store_create (&store, rd_framework_load_builtin (&error));
  parent = g_object_ref_sink (GTK_WIDGET (rd_window_new (NULL, store.store, store.framework)));
  gtk_window_set_default_size (GTK_WINDOW (parent), GPOINTER_TO_INT (data), 800);
  gtk_window_present (GTK_WINDOW (parent));
  gtk_test_widget_wait_for_draw (parent);
  gtk_widget_activate_action (parent, "win.add-school", NULL);
  dialog = GTK_WIDGET (rd_window_get_dialog (RD_WINDOW (parent)));
  g_test_message ("at once: %d", gtk_widget_get_width (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  g_test_message ("first frame: %d surface %d", gtk_widget_get_width (dialog), gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (dialog))));
  rd_test_wait_for_idle ();
  before = gtk_widget_get_width (dialog);
  g_test_message ("empty: %d (min %d nat %d)", before, min_width (dialog), nat_width (dialog));
  rd_test_save_screenshot (dialog, "school-dialog-empty.png");
  type_into (dialog, "name_row", "S");
  g_test_message ("with a letter: %d (min %d nat %d) surface %d", gtk_widget_get_width (dialog), min_width (dialog), nat_width (dialog), gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (dialog))));
  type_into (dialog, "name_row", "Sint-Jozefinstituut");
  g_test_message ("with a name: %d (min %d)", gtk_widget_get_width (dialog), min_width (dialog));
  rd_test_save_screenshot (dialog, "school-dialog-typed.png");
  g_assert_cmpint (gtk_widget_get_width (dialog), ==, before);
  type_into (dialog, "region_row", "Oost-Vlaanderen");
  g_test_message ("with a region: %d (min %d)", gtk_widget_get_width (dialog), min_width (dialog));
  g_assert_cmpint (gtk_widget_get_width (dialog), ==, before);
  type_into (dialog, "name_row", "");
  g_assert_cmpint (gtk_widget_get_width (dialog), ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (parent);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_test_add_func ("/fit/pages", test_pages_fit);
  g_test_add_func ("/fit/main-window", test_main_window_fits);
  g_test_add_data_func ("/fit/school-dialog-keeps-width/wide", GINT_TO_POINTER (1280), test_school_dialog_keeps_width);
  g_test_add_data_func ("/fit/school-dialog-keeps-width/narrow", GINT_TO_POINTER (400), test_school_dialog_keeps_width);

  return g_test_run ();
}
