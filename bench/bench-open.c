/* Times opening a big database, as the app and the CLI do it:
 *   1. the store's open and the list of schools (what the app's startup
 *      reads before its window maps), on the given database and on an
 *      empty one for reference;
 *   2. the real readiness-cli's schools (text and json), compare (text
 *      and json) and check, wall time of the whole process, output thrown
 *      away; with --cli-before, another readiness-cli's in turn.
 * Alternates the runs and prints medians; it never passes or fails.
 *   build/bench/bench-open --database DIR/region.db [--year 2025-2026] [--rounds N] [--cli PATH]
 *                          [--cli-before PATH]
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

/* The commands timed, in each round, for each readiness-cli. */
static const char * const commands[][5] = {
  { "readiness-cli schools", "schools", NULL },
  { "readiness-cli schools --format json", "schools", "--format", "json", NULL },
  { "readiness-cli compare", "compare", "--year", NULL },
  { "readiness-cli compare --format json", "compare", "--format", "json", "--year" },
  { "readiness-cli check (the full check)", "check", NULL },
};

/* argv for commands[c], on @database, with the year where it ends "--year". */
static GStrv
command_argv (const char *cli,
              guint       c,
              const char *database,
              const char *year)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  const char *last = NULL;

  g_strv_builder_add (argv, cli);
  for (guint i = 1; i < G_N_ELEMENTS (commands[c]) && commands[c][i] != NULL; i++)
    g_strv_builder_add (argv, last = commands[c][i]);
  if (g_strcmp0 (last, "--year") == 0)
    g_strv_builder_add (argv, year);
  g_strv_builder_add_many (argv, "--database", database, NULL);
  return g_strv_builder_end (argv);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL, *cli = NULL, *cli_before = NULL, *year = NULL;
  int rounds = 7;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to open (required)", "PATH" },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year, "School year for compare (default 2025-2026)", "YEAR" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 7)", "N" },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "readiness-cli to run (default: the build's)", "PATH" },
    { "cli-before", 0, 0, G_OPTION_ARG_FILENAME, &cli_before, "Another readiness-cli to run in turn", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time opening a big database");
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_dir = NULL, *empty = NULL, *self_dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const char *clis[2];
  guint n_clis;
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
  clis[0] = cli;
  clis[1] = cli_before;
  n_clis = cli_before != NULL ? 2 : 1;

  empty_dir = g_dir_make_tmp ("bench-open-XXXXXX", &error);
  check (error);
  empty = g_build_filename (empty_dir, "empty.db", NULL);
  g_stat (database, &info);
  g_print ("Opening %s (%.0f MB), %d rounds, alternating\n", database, info.st_size / 1e6, rounds);

  g_ptr_array_add (names, g_strdup ("store open + list schools, empty database"));
  g_ptr_array_add (names, g_strdup ("store open + list schools (app startup's reads)"));
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint k = 0; k < n_clis; k++)
      g_ptr_array_add (names, g_strdup_printf ("%s%s", commands[c][0], k == 1 ? ", --cli-before" : ""));
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (samples, g_array_new (FALSE, FALSE, sizeof (double)));

  for (int r = 0; r < rounds; r++)
    {
      guint i = 0;
      double ms;

      ms = time_open_and_list (empty);
      g_array_append_val (samples->pdata[i++], ms);
      ms = time_open_and_list (database);
      g_array_append_val (samples->pdata[i++], ms);
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        for (guint k = 0; k < n_clis; k++)
          {
            g_auto(GStrv) command = command_argv (clis[k], c, database, year);

            ms = time_cli ((const char * const *) command);
            g_array_append_val (samples->pdata[i++], ms);
          }
    }
  for (guint i = 0; i < names->len; i++)
    rd_bench_report (names->pdata[i], samples->pdata[i]);

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
