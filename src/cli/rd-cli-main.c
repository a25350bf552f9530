/* readiness-cli: the command line on the app's core and store, for
 * regional advisors and scripts. This file finds the command; each
 * command lives in its own file and parses its own options. */
#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rd-cli.h"

typedef struct
{
  const char *name;
  const char *summary;
  RdCliCommandFunc run;
} Command;

static const Command commands[] = {
  { "import", N_("Import exchange files (.readiness) into the database"), rd_cli_import },
  { "export", N_("Write schools to exchange files"), rd_cli_export },
  { "compare", N_("Compare the schools of a school year per success factor"), rd_cli_compare },
  { "report", N_("Write the PDF report of an assessment"), rd_cli_report },
  { "change", N_("What moved since the school’s previous school year, with the test"), rd_cli_change },
  { "framework", N_("Check framework files: framework validate FILE…"), rd_cli_framework },
  { "schools", N_("List the schools with their region, type and school years"), rd_cli_schools },
  { "check", N_("Check the whole database for damage"), rd_cli_check },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s  %s", commands[i].name, _(commands[i].summary));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “readiness-cli COMMAND --help” for the options of a command."));
  g_string_append (text, "\n\n");
  g_string_append (text, rd_cli_describe_exit_codes ());
  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  RdCli cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autofree char **command_argv = NULL;
  const Command *command = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("readiness-cli");
  rd_cli_install_print_handlers ();

  description = describe_commands ();
  context = rd_cli_option_context_new (&cli, _("COMMAND [OPTION…] [ARGUMENT…]"),
                                       _("Import, export and compare schools’ self-assessments, and write "
                                         "reports, on a Readiness database."),
                                       description, NULL);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (cli.show_version)
    {
      g_print ("readiness-cli %s\n", PACKAGE_VERSION);
      return RD_CLI_EXIT_OK;
    }

  if (argc < 2)
    return rd_cli_usage_error (context, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    return rd_cli_usage_error (context, _("Unknown command “%s”"), argv[1]);

  command_argv = g_new0 (char *, argc);
  command_argv[0] = argv[0];
  for (int i = 2; i < argc; i++)
    command_argv[i - 1] = argv[i];
  status = command->run (&cli, argc - 1, command_argv);

  g_clear_object (&cli.store);
  g_clear_object (&cli.framework);
  g_free (cli.database_path);
  g_free (cli.framework_path);

  /* A full disk or a closed pipe must not pass for success. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      if (status == RD_CLI_EXIT_OK)
        status = rd_cli_fail (RD_CLI_EXIT_OUTPUT, _("Could not write the output: %s"), g_strerror (saved_errno));
    }

  return status;
}
