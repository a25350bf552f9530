/* Takes the screenshots of the AppStream metainfo from the real app: a
 * database made through the store (one school followed for three years
 * and a region of schools around it), the main window and the Compare
 * Schools window at 1280 × 800 in the light style, each rendered to a PNG.
 *
 * Usage: take-screenshots OUTPUT-DIR
 * Run it through data/screenshots/take-screenshots.sh, which sets up the
 * display, the settings and the language. The database is made by
 * screenshot-fixture.c, which take-screens (the screen record) shares. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "rd-compare-window.h"
#include "rd-heatmap-view.h"
#include "rd-window-private.h"
#include "screenshot-fixture.h"

#define WIDTH 1280
#define HEIGHT 800

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  RdAssessmentView *view;
  GtkWidget *window, *compare;
  gint64 school_id, assessment_id;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR\n", argv[0]);
      return 2;
    }
  screenshot_output_dir = argv[1];
  g_mkdir_with_parents (screenshot_output_dir, 0755);

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  dir = g_dir_make_tmp ("readiness-screenshots-XXXXXX", &error);
  check (dir != NULL, "a temporary directory");
  path = g_build_filename (dir, "readiness.db", NULL);
  framework = rd_framework_load_builtin (&error);
  check (framework != NULL, "the framework");
  store = rd_store_open (path, &error);
  check (store != NULL, "the database");

  add_region (store, framework, rand);
  assessment_id = add_own_school (store, framework, rand, &school_id);

  /* The main window, with this year's assessment open. */
  window = GTK_WIDGET (rd_window_new (NULL, store, framework));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  rd_window_select_school (RD_WINDOW (window), school_id);
  gtk_widget_activate_action (window, "win.open-assessment", "x", assessment_id);
  wait_for_idle ();
  view = rd_window_get_assessment_view (RD_WINDOW (window));
  g_assert (view != NULL);

  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-area", "s", "connectivity");
  save (window, "questionnaire.png");

  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-area", "s", RD_RESULTS_PAGE_NAME);
  wait_for_idle ();
  save (window, "results.png");
  scroll_to_heading (GTK_WIDGET (rd_assessment_view_get_results_page (view)), _("Trend across School Years"));
  save (window, "results-priorities.png");

  draft_plan (store, view);
  gtk_widget_activate_action (GTK_WIDGET (view), "assessment.show-area", "s", RD_ACTION_PLAN_PAGE_NAME);
  save (window, "action-plan.png");

  /* The Compare Schools window, with the school selected. */
  compare = rd_compare_window_new (GTK_WINDOW (window), store, framework);
  gtk_window_set_default_size (GTK_WINDOW (compare), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (compare));
  gtk_test_widget_wait_for_draw (compare);
  wait_for_idle ();
  rd_heatmap_view_set_selected_school (RD_HEATMAP_VIEW (gtk_widget_get_template_child (compare, RD_TYPE_COMPARE_WINDOW,
                                                                                    "heatmap")),
                                       school_id);
  wait_for_idle ();
  save (compare, "compare.png");

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_idle ();
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (dir);
  }
  return 0;
}
