#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-anonymity.h"
#include "rd-cli.h"
#include "rd-errors.h"
#include "rd-report.h"

static void
show_progress (double   fraction,
               gpointer user_data)
{
  g_autofree char *text = NULL;

  /* Translators: progress while the PDF is written, "Writing the report: 40 %" */
  text = g_strdup_printf (_("Writing the report: %.0f %%"), fraction * 100.0);
  rd_cli_show_progress (text);
}

/* The school's assessment of @school_year with this framework, chosen as
 * the comparison chooses one: complete before draft, full before pulse,
 * then the newest. */
static gint64
find_assessment (RdStore     *store,
                 RdFramework *framework,
                 gint64       school_id,
                 const char  *school_year,
                 int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = rd_store_list_assessments (store, school_id, &error);
  RdAssessment *best = NULL;

  if (assessments == NULL)
    {
      *status = rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
      return 0;
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      RdAssessment *assessment = g_ptr_array_index (assessments, i);

      if (!g_str_equal (rd_assessment_get_school_year (assessment), school_year) ||
          g_strcmp0 (rd_assessment_get_framework_id (assessment), rd_framework_get_id (framework)) != 0)
        continue;
      /* The store lists the newest first, so only a better kind replaces. */
      if (best == NULL ||
          (rd_assessment_get_status (assessment) == RD_ASSESSMENT_STATUS_COMPLETE &&
           rd_assessment_get_status (best) != RD_ASSESSMENT_STATUS_COMPLETE) ||
          (rd_assessment_get_status (assessment) == rd_assessment_get_status (best) &&
           rd_assessment_get_mode (assessment) == RD_ASSESSMENT_MODE_FULL &&
           rd_assessment_get_mode (best) != RD_ASSESSMENT_MODE_FULL))
        best = assessment;
    }

  if (best == NULL)
    {
      *status = rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("The school has no assessment of the school year %s with the "
                                                      "framework “%s”"), school_year, rd_framework_get_id (framework));
      return 0;
    }
  return rd_assessment_get_id (best);
}

static gboolean
check_assessment (RdStore     *store,
                  RdFramework *framework,
                  gint64       assessment_id,
                  int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdAssessment) assessment = rd_store_get_assessment (store, assessment_id, &error);
  /* xgettext cannot read G_GINT64_FORMAT inside a message: the id goes in as text. */
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);

  if (assessment == NULL)
    {
      if (error == NULL || g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND))
        *status = rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("There is no assessment %s in the database"),
                               id_text);
      else
        *status = rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
      return FALSE;
    }
  if (g_strcmp0 (rd_assessment_get_framework_id (assessment), rd_framework_get_id (framework)) != 0)
    {
      *status = rd_cli_fail (RD_CLI_EXIT_USAGE, _("Assessment %s answers the framework “%s”, not "
                                                  "“%s”: give its framework file with --framework"),
                             id_text, rd_assessment_get_framework_id (assessment),
                             rd_framework_get_id (framework));
      return FALSE;
    }
  return TRUE;
}

/* --school with --year, or --assessment: a usage error otherwise. */
gboolean
rd_cli_assessment_options_valid (GOptionContext *context,
                                 const char     *school,
                                 const char     *school_year,
                                 gint64          assessment_id,
                                 int            *status)
{
  if (assessment_id != 0 && (school != NULL || school_year != NULL))
    *status = rd_cli_usage_error (context, _("Give either --assessment, or --school and --year"));
  else if (assessment_id == 0 && (school == NULL || school_year == NULL))
    *status = rd_cli_usage_error (context, _("Give --school and --year, or --assessment"));
  else if (school_year != NULL && !rd_school_year_is_valid (school_year))
    *status = rd_cli_usage_error (context, _("“%s” is not a school year like 2026-2027"), school_year);
  else
    return TRUE;
  return FALSE;
}

/* The framework, the store and the assessment those options name; 0 with
 * @status set when one of them cannot be had. */
gint64
rd_cli_open_assessment (RdCli        *cli,
                        const char   *school,
                        const char   *school_year,
                        gint64        assessment_id,
                        RdFramework **framework,
                        RdStore     **store,
                        int          *status)
{
  gint64 school_id;

  *framework = rd_cli_get_framework (cli, status);
  if (*framework == NULL)
    return 0;
  *store = rd_cli_get_store (cli, FALSE, status);
  if (*store == NULL)
    return 0;

  if (assessment_id != 0)
    return check_assessment (*store, *framework, assessment_id, status) ? assessment_id : 0;
  school_id = rd_cli_find_school (*store, school, status);
  if (school_id == 0)
    return 0;
  return find_assessment (*store, *framework, school_id, school_year, status);
}

int
rd_cli_report (RdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *school = NULL;
  g_autofree char *school_year = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  gint64 assessment_id = 0;
  /* The command line does not read the app's settings: an option here. */
  int threshold = RD_ANONYMITY_THRESHOLD_DEFAULT;
  /* Translators: the --anonymity-threshold option; its limits and default, "(2–20, default 3)" */
  g_autofree char *threshold_help = g_strdup_printf (_("No group’s figure rests on fewer answers than N "
                                                       "(%d–%d, default %d)"),
                                                     RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MAX,
                                                     RD_ANONYMITY_THRESHOLD_DEFAULT);
  const GOptionEntry entries[] = {
    { "school", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &school,
      N_("The school, by name or number (see “schools”)"), N_("NAME-OR-NUMBER") },
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &school_year,
      N_("The school year of the assessment, e.g. 2026-2027"), N_("YEAR") },
    { "assessment", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, &assessment_id,
      N_("The assessment by its number (see “schools --format json”), instead of --school and --year"), N_("ID") },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("FILE") },
    { "anonymity-threshold", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &threshold,
      threshold_help, N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean progress = rd_cli_stderr_is_terminal ();
  RdFramework *framework;
  RdStore *store;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("report --school NAME-OR-NUMBER --year YEAR --output FILE.pdf"),
                                       _("Write the school report of an assessment as a PDF file, in the language "
                                         "of the locale, as the app saves it."),
                                       _("The assessment is the school’s one of that school year: complete before "
                                         "draft, full before pulse, then the newest; or the one given with "
                                         "--assessment. The file is written whole or not at all, readable by its "
                                         "owner only."),
                                       entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return rd_cli_usage_error (context, _("No output given: add --output FILE.pdf"));
  if (!rd_cli_assessment_options_valid (context, school, school_year, assessment_id, &status))
    return status;
  if (!rd_anonymity_threshold_validate (threshold, &error))
    return rd_cli_usage_error (context, "%s", error->message);

  assessment_id = rd_cli_open_assessment (cli, school, school_year, assessment_id, &framework, &store, &status);
  if (assessment_id == 0)
    return status;

  report = rd_report_new (store, framework, assessment_id, (guint) threshold, &error);
  if (report == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  if (!rd_report_write_pdf (report, output, NULL, progress ? show_progress : NULL, NULL, &error))
    {
      if (progress)
        g_printerr ("\n");
      return rd_cli_fail (RD_CLI_EXIT_OUTPUT, "%s", error->message);
    }
  if (progress)
    rd_cli_show_progress (NULL);

  display = g_filename_display_name (output);
  g_print ("%s\n", display);
  return RD_CLI_EXIT_OK;
}
