/* The regional advisor's view of a whole region: opens the main window and
 * the Compare Schools window on a region's database (bench-region --dir
 * DIR keeps one), scrolls through the schools, and prints the time to open,
 * the frames and the peak memory of the process. Run under a display:
 *   xvfb-run -a build/bench/bench-compare-window --database DIR/region.db */
#include "config.h"

#include "rd-bench.h"

#include <adwaita.h>
#include <sys/resource.h>

#include "rd-compare-window-private.h"
#include "rd-heatmap-view-private.h"
#include "rd-window.h"

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— open the comparison of a region");
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &path, "The region's database", "FILE" },
    { NULL }
  };
  GtkWidget *main_window, *compare;
  GtkAdjustment *adjustment;
  RdHeatmapView *heatmap;
  gint64 start;
  double open_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--database FILE is needed");
      return 2;
    }

  gtk_init ();
  adw_init ();
  framework = rd_framework_load_builtin (&error);
  start = g_get_monotonic_time ();
  store = framework ? rd_store_open (path, &error) : NULL;
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("open the database (integrity check included)          %8.1f ms\n", rd_bench_elapsed_ms (start));

  /* The window's query alone, as readiness-cli compare makes it: the
   * newest year's kept scores and their comparison, cold then warm. */
  years = rd_store_list_school_years (store, framework, &error);
  if (years != NULL && years->len > 0)
    for (int round = 0; round < 2; round++)
      {
        g_autoptr(GPtrArray) scores = NULL;
        g_autoptr(RdComparison) comparison = NULL;

        double list_ms;

        start = g_get_monotonic_time ();
        scores = rd_store_list_school_scores (store, framework, g_ptr_array_index (years, 0), &error);
        list_ms = rd_bench_elapsed_ms (start);
        comparison = scores ? rd_comparison_new_take (g_steal_pointer (&scores), rd_framework_get_n_areas (framework)) : NULL;
        g_print ("kept scores of %s, %s: the query %6.1f ms, rd_comparison_new_take %6.1f ms\n",
                 (const char *) g_ptr_array_index (years, 0), round == 0 ? "cold" : "warm", list_ms,
                 rd_bench_elapsed_ms (start) - list_ms);
      }

  start = g_get_monotonic_time ();
  main_window = GTK_WIDGET (rd_window_new (NULL, store, framework));
  gtk_window_present (GTK_WINDOW (main_window));
  gtk_test_widget_wait_for_draw (main_window);
  g_print ("open the main window until drawn (its school list)      %8.1f ms\n", rd_bench_elapsed_ms (start));
  drain ();

  start = g_get_monotonic_time ();
  compare = rd_compare_window_new (GTK_WINDOW (main_window), store, framework);
  gtk_window_set_default_size (GTK_WINDOW (compare), 1280, 800);
  gtk_window_present (GTK_WINDOW (compare));
  gtk_test_widget_wait_for_draw (compare);
  open_ms = rd_bench_elapsed_ms (start);
  g_print ("open Compare Schools until drawn (%u schools)          %8.1f ms\n",
           rd_comparison_get_n_schools (rd_compare_window_get_comparison (RD_COMPARE_WINDOW (compare))), open_ms);

  /* A page down at a time through the whole region, a frame each. */
  heatmap = RD_HEATMAP_VIEW (gtk_widget_get_template_child (compare, RD_TYPE_COMPARE_WINDOW, "heatmap"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (heatmap));
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         < gtk_adjustment_get_upper (adjustment))
    {
      double ms;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + gtk_adjustment_get_page_increment (adjustment));
      gtk_test_widget_wait_for_draw (compare);
      ms = rd_bench_elapsed_ms (start);
      g_array_append_val (frame_ms, ms);
      ms = rd_heatmap_view_get_draw_time (heatmap) / 1000.0;
      g_array_append_val (draw_ms, ms);
    }
  rd_bench_report ("scroll a page, until drawn", frame_ms);
  rd_bench_report ("  of which drawing the heatmap's rows", draw_ms);
  g_print ("peak RSS with the region open                         %8.0f MB\n", rd_bench_peak_rss_mb ());

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (main_window));
  drain ();
  return 0;
}
