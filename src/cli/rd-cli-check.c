/* readiness-cli check: the full integrity check of a database, which
 * opening no longer runs every time (it took a second per 200 MB). */
#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"
#include "rd-errors.h"

int
rd_cli_check (RdCli  *cli,
              int     argc,
              char  **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  int status = RD_CLI_EXIT_OK;
  gboolean ok;

  context = rd_cli_option_context_new (cli, "check",
                                       _("Check the whole database for damage, without changing it."),
                                       _("Reads every page of the database (about a second per 200 MB). "
                                         "Exit status 0: no damage found; 3: the database is damaged or "
                                         "cannot be read. Readiness checks a database in full by itself "
                                         "after it was not closed properly."),
                                       entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);

  path = cli->database_path != NULL ? g_strdup (cli->database_path) : rd_store_get_default_path ();
  display = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, _("There is no database at %s"), display);

  if (rd_cli_stderr_is_terminal ())
    rd_cli_show_progress (_("Checking the database…"));
  ok = rd_store_check_file (path, NULL, &error);
  if (rd_cli_stderr_is_terminal ())
    rd_cli_show_progress (NULL);
  if (!ok)
    {
      if (g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT))
        return rd_cli_fail (RD_CLI_EXIT_DATABASE,
                            _("%s\nDo not write to this database any more: keep a copy of it and restore it "
                              "from a backup (see “Problems with the database” in the help)."),
                            error->message);
      return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
    }

  g_print (_("No damage found in %s\n"), display);
  return RD_CLI_EXIT_OK;
}
