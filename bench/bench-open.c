/* Times opening a big database, as the app and the CLI do it:
 *   1. the store's open and the list of schools (what the app's startup
 *      reads before its window maps), on the given database and on an
 *      empty one for reference;
 *   2. the real readiness-cli's schools, compare and check, wall time
 *      of the whole process, output thrown away.
 * Alternates the runs and prints medians; it never passes or fails.
 *   build/bench/bench-open --database DIR/region.db [--year 2025-2026] [--rounds N] [--cli PATH]
 * (bench-region --dir DIR makes such a database.) */
#include "config.h"

#include "rd-bench.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "rd-store.h"

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static double
time_open_and_list (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(RdStore) store = rd_store_open (path, &error);
  g_autoptr(GPtrArray) schools = NULL;

  check (error);
  schools = rd_store_list_schools (store, &error);
  check (error);
  g_clear_object (&store);
  return rd_bench_elapsed_ms (start);
}

static double
time_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  check (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[1], error->message);
  return rd_bench_elapsed_ms (start);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL, *cli = NULL, *year = NULL;
  int rounds = 7;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to open (required)", "PATH" },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year, "School year for compare (default 2025-2026)", "YEAR" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 7)", "N" },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "readiness-cli to run (default: the build's)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time opening a big database");
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_dir = NULL, *empty = NULL, *self_dir = NULL;
  GArray *samples[5];
  const char *names[5] = {
    "store open + list schools, empty database",
    "store open + list schools (app startup's reads)",
    "readiness-cli schools",
    "readiness-cli compare",
    "readiness-cli check (the full check)",
  };
  GStatBuf info;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database PATH is required");
      return 1;
    }
  if (year == NULL)
    year = g_strdup ("2025-2026");
  self_dir = g_path_get_dirname (argv[0]);
  if (cli == NULL)
    cli = g_build_filename (self_dir, "..", "src", "cli", "readiness-cli", NULL);

  empty_dir = g_dir_make_tmp ("bench-open-XXXXXX", &error);
  check (error);
  empty = g_build_filename (empty_dir, "empty.db", NULL);
  g_stat (database, &info);
  g_print ("Opening %s (%.0f MB), %d rounds, alternating\n", database, info.st_size / 1e6, rounds);

  for (guint i = 0; i < 5; i++)
    samples[i] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < rounds; r++)
    {
      const char *schools[] = { cli, "schools", "--database", database, NULL };
      const char *compare[] = { cli, "compare", "--database", database, "--year", year, NULL };
      const char *check_all[] = { cli, "check", "--database", database, NULL };
      double ms[5] = {
        time_open_and_list (empty),
        time_open_and_list (database),
        time_cli (schools),
        time_cli (compare),
        time_cli (check_all),
      };

      for (guint i = 0; i < 5; i++)
        g_array_append_val (samples[i], ms[i]);
    }
  for (guint i = 0; i < 5; i++)
    {
      rd_bench_report (names[i], samples[i]);
      g_array_unref (samples[i]);
    }

  g_unlink (empty);
  {
    g_autofree char *marker = g_strconcat (empty, "-open", NULL);
    g_autofree char *wal = g_strconcat (empty, "-wal", NULL);
    g_autofree char *shm = g_strconcat (empty, "-shm", NULL);
    g_unlink (marker);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (empty_dir);
  return 0;
}
