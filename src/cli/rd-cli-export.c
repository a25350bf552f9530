#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rd-cli.h"
#include "rd-export-file.h"

static int
export_school (RdCli        *cli,
               gint64        school_id,
               gboolean      summary,
               gboolean      with_evidence,
               const char   *output,
               gboolean      to_folder,
               GHashTable   *written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;

  school = rd_store_export_school (cli->store, cli->framework, school_id, &error);
  if (school == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
  /* The school's own words leave it only when asked for. */
  if (with_evidence && !rd_store_export_item_notes (cli->store, school, &error))
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
  bytes = rd_exchange_write (school, cli->framework, summary ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS, &error);
  if (bytes == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  if (to_folder)
    {
      char *name = rd_cli_safe_file_name (school->name, school->uuid, 8);

      /* Eight characters of the id never clash in practice; if they do,
       * the whole id does not. */
      if (g_hash_table_contains (written, name))
        {
          g_free (name);
          name = rd_cli_safe_file_name (school->name, school->uuid, G_MAXUINT);
        }
      g_hash_table_add (written, name);
      path = g_build_filename (output, name, NULL);
    }
  else
    {
      path = g_strdup (output);
    }

  if (!rd_export_file_write_bytes (path, bytes, NULL, &error))
    return rd_cli_fail (RD_CLI_EXIT_OUTPUT, "%s", error->message);

  display = g_filename_display_name (path);
  /* Translators: "Sint-Jozef: exports/sint-jozef-2f1c6a52.readiness" */
  g_print (_("%s: %s\n"), school->name, display);
  return RD_CLI_EXIT_OK;
}

int
rd_cli_export (RdCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *output = NULL;
  gboolean all = FALSE, summary = FALSE, with_evidence = FALSE, to_folder;
  const GOptionEntry entries[] = {
    { "school", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("The school to export, by name or number (see “schools”); may be repeated"), N_("NAME-OR-NUMBER") },
    { "all", 'a', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &all,
      N_("Export every school"), NULL },
    { "summary", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &summary,
      N_("Write scores only, no respondent’s answers"), NULL },
    { "with-evidence", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &with_evidence,
      N_("Also write the items’ commentary and evidence (titles, paths and links, dates)"), NULL },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or the folder for several schools"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("export --school NAME-OR-NUMBER… | --all --output PATH"),
                                       _("Write schools’ assessments to exchange files (.readiness) for a "
                                         "regional advisor, or to move them to another database."),
                                       _("One school is written to the file PATH, unless PATH is a folder. Several "
                                         "schools, or --all, are written into the folder PATH (made when "
                                         "missing), one file per school named after the school and the start of "
                                         "its id, e.g. “sint-jozef-2f1c6a52.readiness”; an export of the same "
                                         "school replaces its earlier file. Files are written whole or not at "
                                         "all, readable by their owner only. With --summary the files hold the "
                                         "scores per success factor and area and the number of respondents per "
                                         "group, and no answer of any respondent."),
                                       entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return rd_cli_usage_error (context, _("No output given: add --output PATH"));
  if (!all && (names == NULL || names[0] == NULL))
    return rd_cli_usage_error (context, _("No school given: add --school NAME-OR-NUMBER or --all"));

  if (rd_cli_get_framework (cli, &status) == NULL || rd_cli_get_store (cli, FALSE, &status) == NULL)
    return status;

  if (all)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) schools = rd_store_list_schools (cli->store, &error);

      if (schools == NULL)
        return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
      if (schools->len == 0)
        return rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("There are no schools in the database"));
      for (guint i = 0; i < schools->len; i++)
        {
          gint64 id = rd_school_get_id (g_ptr_array_index (schools, i));

          g_array_append_val (ids, id);
        }
    }
  else
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint i = 0; names[i] != NULL; i++)
        {
          gint64 id = rd_cli_find_school (cli->store, names[i], &status);

          if (id == 0)
            return status;
          if (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
            g_array_append_val (ids, id);
        }
    }

  to_folder = all || ids->len > 1 || g_file_test (output, G_FILE_TEST_IS_DIR);
  if (to_folder)
    {
      g_autofree char *display = g_filename_display_name (output);

      if (g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_DIR))
        return rd_cli_usage_error (context, _("%s is a file; several schools need a folder"), display);
      if (g_mkdir_with_parents (output, 0700) != 0)
        return rd_cli_fail (RD_CLI_EXIT_OUTPUT, _("Could not make the folder %s: %s"), display,
                            g_strerror (errno));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      status = export_school (cli, g_array_index (ids, gint64, i), summary, with_evidence, output, to_folder,
                              written);
      if (status != RD_CLI_EXIT_OK)
        return status;
    }

  return RD_CLI_EXIT_OK;
}
