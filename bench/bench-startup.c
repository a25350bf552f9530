/* Times app start until its first window maps, side by side with GNOME
 * Text Editor, each process started alone with a fresh XDG folder set and
 * in-memory GSettings:
 *   1. Readiness on a new empty database,
 *   2. Readiness on a region's database (a copy, so the original is not
 *      touched),
 *   3. gnome-text-editor with no file (skipped when not installed).
 * Alternates the runs, prints medians and the ratios to Text Editor; it
 * never passes or fails. The map is seen with Xlib on the root window (no
 * window manager runs under Xvfb). Run as:
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" build/bench/bench-startup --database /tmp/b1k/region.db
 * (bench-region --schools 1000 --import-only --dir DIR makes DIR/region.db;
 * --rounds N, --app PATH, --reference PATH.) */
#include "config.h"

#include "rd-bench.h"
#include "rd-test-files.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <X11/Xlib.h>

#define MAP_TIMEOUT_S 30
#define CLOSE_TIMEOUT_S 5
#define TERM_TIMEOUT_S 3

typedef struct
{
  Display *display;
  Window root;
  Atom wm_protocols;
  Atom wm_delete_window;
} RootWatch;

typedef enum
{
  RUN_EMPTY,
  RUN_REGION,
  RUN_REFERENCE,
  N_RUNS
} Run;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static void
drop_pending_events (RootWatch *watch)
{
  XEvent event;

  XSync (watch->display, False);
  while (XPending (watch->display) > 0)
    XNextEvent (watch->display, &event);
}

/* Each program starts as on a first login: no session, no saved state,
 * nothing remembered in GSettings. */
static char **
fresh_environment (const char *folder)
{
  const char *names[] = { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" };
  const char *subfolders[] = { "config", "data", "state", "cache" };
  char **env = g_get_environ ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, subfolders[i], NULL);

      g_mkdir (path, 0700);
      env = g_environ_setenv (env, names[i], path, TRUE);
    }
  return g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
}

static gboolean
reap (GPid pid,
      int  timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  do
    {
      pid_t done = waitpid (pid, NULL, WNOHANG);

      if (done == pid || (done < 0 && errno == ECHILD))
        return TRUE;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

/* A new top-level window of the child, mapped; None on a timeout or when
 * the child exits first. */
static Window
wait_for_map (RootWatch *watch,
              GPid     pid)
{
  g_autoptr(GHashTable) created = g_hash_table_new (NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + MAP_TIMEOUT_S * G_USEC_PER_SEC;
  struct pollfd fd = { ConnectionNumber (watch->display), POLLIN, 0 };

  while (g_get_monotonic_time () < deadline)
    {
      while (XPending (watch->display) > 0)
        {
          XEvent event;

          XNextEvent (watch->display, &event);
          if (event.type == CreateNotify && event.xcreatewindow.parent == watch->root)
            g_hash_table_add (created, GSIZE_TO_POINTER (event.xcreatewindow.window));
          else if (event.type == MapNotify && event.xmap.event == watch->root &&
                   !event.xmap.override_redirect &&
                   g_hash_table_contains (created, GSIZE_TO_POINTER (event.xmap.window)))
            return event.xmap.window;
        }
      if (waitpid (pid, NULL, WNOHANG) == pid)
        {
          g_printerr ("The program exited before it mapped a window\n");
          return None;
        }
      poll (&fd, 1, 50);
    }
  g_printerr ("No window mapped within %d s\n", MAP_TIMEOUT_S);
  return None;
}

/* As a user closing the window, so that Readiness shuts its database
 * cleanly: a killed one leaves its marker and the next start would check
 * the whole file first. */
static void
close_window (RootWatch *watch,
              Window   window)
{
  XEvent event = { 0 };

  event.xclient.type = ClientMessage;
  event.xclient.window = window;
  event.xclient.message_type = watch->wm_protocols;
  event.xclient.format = 32;
  event.xclient.data.l[0] = (long) watch->wm_delete_window;
  event.xclient.data.l[1] = CurrentTime;
  XSendEvent (watch->display, window, False, NoEventMask, &event);
  XFlush (watch->display);
}

static void
end_child (RootWatch *watch,
           GPid     pid,
           Window   window)
{
  if (window != None)
    {
      close_window (watch, window);
      if (reap (pid, CLOSE_TIMEOUT_S))
        return;
      g_printerr ("The program did not quit when its window was closed: terminated\n");
    }
  kill (pid, SIGTERM);
  if (!reap (pid, TERM_TIMEOUT_S))
    {
      kill (pid, SIGKILL);
      reap (pid, TERM_TIMEOUT_S);
    }
}

/* Milliseconds from spawning @argv until its first window maps, or -1. */
static double
time_start (RootWatch          *watch,
            const char * const *argv,
            const char         *folder)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = fresh_environment (folder);
  gint64 start;
  double ms;
  Window window;
  GPid pid;

  drop_pending_events (watch);
  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return -1;
    }
  window = wait_for_map (watch, pid);
  ms = rd_bench_elapsed_ms (start);

  end_child (watch, pid, window);
  g_spawn_close_pid (pid);
  return window != None ? ms : -1;
}

static double
time_run (RootWatch  *watch,
          Run         run,
          const char *app,
          const char *region,
          const char *reference)
{
  g_autofree char *folder = rd_test_make_folder ("bench-startup-run-XXXXXX");
  g_autofree char *empty = g_build_filename (folder, "empty.db", NULL);
  const char *argv_empty[] = { app, "--database", empty, NULL };
  const char *argv_region[] = { app, "--database", region, NULL };
  const char *argv_reference[] = { reference, NULL };
  const char * const *argvs[N_RUNS] = { argv_empty, argv_region, argv_reference };
  double ms = time_start (watch, argvs[run], folder);

  rd_test_remove_folder (folder);
  return ms;
}

static gboolean
open_root_watch (RootWatch *watch)
{
  watch->display = XOpenDisplay (NULL);
  if (watch->display == NULL)
    return FALSE;
  watch->root = DefaultRootWindow (watch->display);
  watch->wm_protocols = XInternAtom (watch->display, "WM_PROTOCOLS", False);
  watch->wm_delete_window = XInternAtom (watch->display, "WM_DELETE_WINDOW", False);
  XSelectInput (watch->display, watch->root, SubstructureNotifyMask);
  return TRUE;
}

/* SQLite's log with content would be lost in a copy of the file alone. */
static char *
copy_database (const char *path,
               const char *folder)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (folder, "region.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  if (g_stat (wal, &info) == 0 && info.st_size > 0)
    {
      g_printerr ("%s is in use or was not closed cleanly (its -wal has content): "
                  "close the program using it first\n", path);
      return NULL;
    }
  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  check (error);
  return g_steal_pointer (&copy);
}

static void
print_ratio (const char *what,
             double      numerator,
             double      denominator)
{
  g_print ("%-52s %5.2f   (goal ≤ 1.0)\n", what, numerator / denominator);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL, *app = NULL, *reference = NULL, *self_dir = NULL;
  g_autofree char *folder = NULL, *region = NULL;
  int rounds = 7;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "A region's database (required; not changed)", "PATH" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 7)", "N" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "Readiness to start (default: the build's)", "PATH" },
    { "reference", 0, 0, G_OPTION_ARG_FILENAME, &reference, "Reference app (default: gnome-text-editor)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time app start until the window maps");
  g_autoptr(GError) error = NULL;
  const char *names[N_RUNS] = {
    "Readiness, new empty database",
    "Readiness, region database",
    "GNOME Text Editor, no file",
  };
  GArray *samples[N_RUNS];
  double medians[N_RUNS];
  RootWatch watch;
  GStatBuf info;
  guint n_runs = N_RUNS;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database PATH is required");
      return 1;
    }
  if (g_stat (database, &info) != 0)
    {
      g_printerr ("%s: %s\n", database, g_strerror (errno));
      return 1;
    }
  if (!open_root_watch (&watch))
    {
      g_printerr ("Cannot open the display: run under xvfb-run (see the head of bench-startup.c)\n");
      return 1;
    }
  self_dir = g_path_get_dirname (argv[0]);
  if (app == NULL)
    app = g_build_filename (self_dir, "..", "src", "readiness", NULL);
  if (reference == NULL)
    reference = g_find_program_in_path ("gnome-text-editor");
  if (reference == NULL)
    {
      g_print ("gnome-text-editor is not installed (apt-get install gnome-text-editor): "
               "timing Readiness only\n");
      n_runs = RUN_REFERENCE;
    }

  folder = rd_test_make_folder ("bench-startup-XXXXXX");
  region = copy_database (database, folder);
  if (region == NULL)
    {
      rd_test_remove_folder (folder);
      return 1;
    }
  g_print ("Start until the first window maps; region database %s (%.0f MB), %d rounds, alternating, "
           "GSK_RENDERER=%s\n",
           database, info.st_size / 1e6, rounds, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "");

  /* Untimed: starts the accessibility bus, which a desktop session has
   * running already, and reads the programs from disk once. */
  for (guint i = 0; i < n_runs; i++)
    time_run (&watch, i, app, region, reference);
  for (guint i = 0; i < n_runs; i++)
    samples[i] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < rounds; r++)
    for (guint i = 0; i < n_runs; i++)
      {
        /* Each kind takes each place in the order in turn. */
        Run run = (r + i) % n_runs;
        double ms = time_run (&watch, run, app, region, reference);

        if (ms >= 0)
          g_array_append_val (samples[run], ms);
      }
  for (guint i = 0; i < n_runs; i++)
    {
      medians[i] = rd_bench_median (samples[i]);
      rd_bench_report (names[i], samples[i]);
      g_array_unref (samples[i]);
    }
  if (n_runs == N_RUNS && medians[RUN_REFERENCE] > 0)
    {
      print_ratio ("region database / Text Editor (medians)", medians[RUN_REGION], medians[RUN_REFERENCE]);
      print_ratio ("empty database / Text Editor (medians)", medians[RUN_EMPTY], medians[RUN_REFERENCE]);
    }

  rd_test_remove_folder (folder);
  XCloseDisplay (watch.display);
  return 0;
}
