/* Times what a school leader waits for while answering: saving one answer
 * (through the assessment view, the store and SQLite's commit to disk) and
 * building the largest area page. Run under a display:
 *   xvfb-run -a build/bench/bench-questionnaire [--rounds N] [--database-dir DIR] */
#include "config.h"

#include "rd-bench.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rd-answer-history.h"
#include "rd-assessment-view.h"
#include "rd-item-row-private.h"

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static RdArea *
largest_area (RdFramework *framework,
              GPtrArray  **items_out)
{
  RdArea *best = NULL;

  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    {
      RdArea *area = rd_framework_get_area (framework, a);
      GPtrArray *items = rd_framework_list_items (framework, rd_area_get_id (area), RD_ASSESSMENT_MODE_FULL);

      if (best == NULL || items->len > (*items_out)->len)
        {
          if (best != NULL)
            g_ptr_array_unref (*items_out);
          best = area;
          *items_out = items;
        }
      else
        g_ptr_array_unref (items);
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) core_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *database_dir = NULL;
  int rounds = 300;
  GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Answers to save (default 300)", "N" },
    { "database-dir", 'd', 0, G_OPTION_ARG_FILENAME, &database_dir,
      "Where the database goes (default: the temporary directory); the disk decides the commit time", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time saving answers and building pages");
  GtkWidget *window, *view;
  RdArea *area;
  gint64 school_id, assessment_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  dir = g_dir_make_tmp ("readiness-bench-XXXXXX", &error);
  path = g_build_filename (database_dir ? database_dir : dir, "bench.db", NULL);
  framework = rd_framework_load_builtin (&error);
  store = framework ? rd_store_open (path, &error) : NULL;
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  school_id = rd_store_add_school (store, "Benchmark school", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = rd_store_add_assessment (store, school_id, "2026-2027", framework,
                                           RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);

  g_print ("Readiness questionnaire benchmark: %u items, database %s (synchronous=FULL, WAL)\n",
           rd_framework_get_n_items (framework), path);

  /* Saving in the core alone: store checks, the write and its commit. */
  {
    g_autoptr(RdAnswerHistory) history = rd_answer_history_new (store, framework);
    gint64 respondent = rd_store_ensure_respondent (store, assessment_id, &error);
    g_autoptr(GPtrArray) all = rd_framework_list_items (framework, NULL, RD_ASSESSMENT_MODE_FULL);
    g_autoptr(GPtrArray) statements = g_ptr_array_new ();

    for (guint i = 0; i < all->len; i++)
      if (rd_item_get_kind (g_ptr_array_index (all, i)) == RD_ITEM_KIND_STATEMENT)
        g_ptr_array_add (statements, g_ptr_array_index (all, i));

    for (int i = 0; i < rounds; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double elapsed;

        if (!rd_answer_history_set_value (history, respondent, g_ptr_array_index (statements, (guint) i % statements->len),
                                          1 + (i / (int) statements->len) % 5, &error))
          g_error ("%s", error->message);
        elapsed = rd_bench_elapsed_ms (start);
        g_array_append_val (core_ms, elapsed);
      }
  }

  /* Saving: what a click on a choice costs, through the real view. */
  window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = rd_assessment_view_new (store, framework, assessment_id, &error);
  g_assert_no_error (error);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  {
    g_autoptr(GPtrArray) statements = g_ptr_array_new ();

    for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
      {
        RdAreaPage *page = rd_assessment_view_get_area_page (RD_ASSESSMENT_VIEW (view),
                                                             rd_area_get_id (rd_framework_get_area (framework, a)));

        for (guint r = 0; page != NULL && r < rd_area_page_get_n_rows (page); r++)
          {
            RdItemRow *row = rd_area_page_get_row (page, r);

            if (rd_item_get_kind (rd_item_row_get_item (row)) == RD_ITEM_KIND_STATEMENT)
              g_ptr_array_add (statements, row);
          }
      }

    for (int i = 0; i < rounds; i++)
      {
        RdItemRow *row = g_ptr_array_index (statements, (guint) i % statements->len);
        gint64 start = g_get_monotonic_time ();
        double elapsed;

        /* Alternate values so that every save really changes the answer. */
        rd_item_row_choose (row, 1 + (guint) (i / (int) statements->len) % 5);
        elapsed = rd_bench_elapsed_ms (start);
        g_array_append_val (save_ms, elapsed);
        drain ();
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  /* Building: the largest area's page, with every row given an answer,
   * then until it is laid out and drawn in a window already on screen. */
  area = largest_area (framework, &items);
  window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  for (int i = 0; i < 50; i++)
    {
      gint64 start = g_get_monotonic_time ();
      GtkWidget *page = rd_area_page_new (area, items);
      double elapsed;

      for (guint r = 0; r < items->len; r++)
        rd_item_row_show_answer (rd_area_page_get_row (RD_AREA_PAGE (page), r), NULL);
      elapsed = rd_bench_elapsed_ms (start);
      g_array_append_val (build_ms, elapsed);

      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
      gtk_test_widget_wait_for_draw (window);
      elapsed = rd_bench_elapsed_ms (start);
      g_array_append_val (frame_ms, elapsed);
      drain ();
    }

  /* The floor: the same wait for a frame with nothing to lay out. */
  for (int i = 0; i < 50; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("·"));
      gtk_test_widget_wait_for_draw (window);
      elapsed = rd_bench_elapsed_ms (start);
      g_array_append_val (floor_ms, elapsed);
      drain ();
    }

  /* Opening an assessment builds every area's page at once. */
  for (int i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      view = rd_assessment_view_new (store, framework, assessment_id, &error);
      g_assert_no_error (error);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
      gtk_test_widget_wait_for_draw (window);
      elapsed = rd_bench_elapsed_ms (start);
      g_array_append_val (open_ms, elapsed);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), NULL);
      drain ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  rd_bench_report ("save one answer, core only (store + commit)", core_ms);
  rd_bench_report ("save one answer (click → committed, view updated)", save_ms);
  {
    g_autofree char *label = g_strdup_printf ("build area page “%s” (%u items)",
                                              rd_area_get_id (area), items->len);
    rd_bench_report (label, build_ms);
  }
  rd_bench_report ("  … until it is laid out and drawn", frame_ms);
  rd_bench_report ("  (a bare label until drawn, for comparison)", floor_ms);
  {
    g_autofree char *label = g_strdup_printf ("open an assessment (%u pages) until drawn",
                                              rd_framework_get_n_areas (framework) + 1);
    rd_bench_report (label, open_ms);
  }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (path);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
