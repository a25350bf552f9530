#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

static gboolean
validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rd_cli_read_file (path, RD_JSON_KIND_FRAMEWORK, &error);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(RdFramework) framework = NULL;
  g_autofree char *items = NULL;
  g_autofree char *areas = NULL;
  guint n_items, n_areas;

  if (bytes != NULL)
    framework = rd_framework_new_from_bytes (bytes, display, &error);
  if (framework == NULL)
    {
      /* The loader's message already reads "FILE: PLACE: PROBLEM". */
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  n_items = rd_framework_get_n_items (framework);
  n_areas = rd_framework_get_n_areas (framework);
  items = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
  areas = g_strdup_printf (ngettext ("%u area", "%u areas", n_areas), n_areas);
  /* Translators: "small.json: valid (6 items in 2 areas)" */
  g_print (_("%s: valid (%s in %s)\n"), display, items, areas);
  return TRUE;
}

/* No options of its own, but the global ones and the exit codes. */
static const GOptionEntry no_entries[] = { { NULL } };

int
rd_cli_framework (RdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("framework validate FILE…"),
                                       _("Check framework files against every rule of the framework format "
                                         "(data/frameworks/FORMAT.md)."),
                                       _("Each valid file is reported on standard output as “FILE: valid (N "
                                         "items in M areas)”, each invalid one on standard error with the "
                                         "first problem found, as “FILE: PLACE: PROBLEM”. The exit status is 0 "
                                         "when every file is valid, 2 otherwise."),
                                       no_entries);
  /* The framework of --framework plays no part here. */
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return rd_cli_usage_error (context, _("No subcommand given: use “framework validate FILE…”"));
  if (!g_str_equal (argv[1], "validate"))
    return rd_cli_usage_error (context, _("Unknown subcommand “%s”: use “framework validate FILE…”"), argv[1]);
  if (argc < 3)
    return rd_cli_usage_error (context, _("No framework file given"));

  for (int i = 2; i < argc; i++)
    if (!validate (argv[i]))
      status = RD_CLI_EXIT_INVALID_INPUT;

  return status;
}
