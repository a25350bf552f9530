#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-change.h"
#include "rd-cli.h"

/* "53", "5.29", "–" (no figure): @decimals after the point, never a comma,
 * for tables that scripts read too. */
char *
rd_cli_format_fixed (double value,
                     int    decimals)
{
  char format[8], buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("–");
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 6));
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
append_wrapped (GString    *out,
                const char *text,
                guint       indent)
{
  g_autofree char *wrapped = rd_cli_wrap (text, RD_CLI_LINE_WIDTH - indent);
  g_auto(GStrv) lines = g_strsplit (wrapped, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' || lines[i + 1] != NULL)
      g_string_append_printf (out, "%*s%s\n", (int) indent, "", lines[i]);
}

static void
append_factor_table (RdChange *change,
                     GString  *out)
{
  g_autoptr(RdCliTable) table = rd_cli_table_new (8);
  char **header = g_new0 (char *, 8);

  for (guint c = 1; c < 7; c++)
    rd_cli_table_align_right (table, c);
  header[0] = g_strdup (_("Success factor"));
  header[1] = g_strdup (rd_change_get_before_year (change));
  header[2] = g_strdup (rd_change_get_after_year (change));
  /* Translators: column headers of the change per success factor */
  header[3] = g_strdup (_("change"));
  header[4] = g_strdup ("t");
  header[5] = g_strdup ("df");
  header[6] = g_strdup ("p");
  header[7] = g_strdup (_("meaning"));
  rd_cli_table_add_row (table, header);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      const RdChangeRow *row = rd_change_get_factor (change, f);
      char **cells = g_new0 (char *, 8);

      cells[0] = g_strdup (rd_factor_get_short_title (f));
      cells[1] = rd_cli_format_fixed (row->before, 0);
      cells[2] = rd_cli_format_fixed (row->after, 0);
      cells[3] = isnan (row->delta) ? g_strdup ("–") : g_strdup_printf ("%+.0f", row->delta);
      cells[4] = rd_cli_format_fixed (row->test.t, 2);
      cells[5] = rd_cli_format_fixed (row->test.df, 2);
      cells[6] = rd_cli_format_fixed (row->test.p, 3);
      cells[7] = rd_change_row_format_verdict (row, rd_change_get_before_year (change),
                                               rd_change_get_after_year (change));
      rd_cli_table_add_row (table, cells);
    }
  rd_cli_table_append (table, out);
}

static void
write_text (RdChange   *change,
            const char *school_name,
            GPtrArray  *done)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) moved = rd_change_list_moved (change);
  g_autofree char *untested = rd_change_format_untested (change);

  /* Translators: the heading of "readiness-cli change": school, previous year, this year */
  g_string_append_printf (out, _("%s: what moved from %s to %s"), school_name,
                          rd_change_get_before_year (change), rd_change_get_after_year (change));
  g_string_append_c (out, '\n');
  append_wrapped (out, _("Welch’s t-test on the respondents’ own scores, two-sided, Student’s t distribution "
                         "with the Welch–Satterthwaite degrees of freedom; a change is meaningful when p is "
                         "below 0.05. A fact is the school’s own figure and is not tested."), 0);
  g_string_append_c (out, '\n');
  append_factor_table (change, out);

  g_string_append_c (out, '\n');
  if (moved->len == 0)
    g_string_append_printf (out, _("Nothing moved more than chance since %s."), rd_change_get_before_year (change));
  else
    g_string_append (out, _("What moved, largest first:"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < moved->len; i++)
    {
      g_autofree char *line = rd_change_format_row_by_id (change, g_ptr_array_index (moved, i));

      append_wrapped (out, line, 2);
    }
  if (untested != NULL)
    {
      g_string_append_c (out, '\n');
      append_wrapped (out, untested, 0);
    }

  if (done->len > 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: %s is the previous school year */
      g_string_append_printf (out, _("Actions done in %s:"), rd_change_get_before_year (change));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < done->len; i++)
        {
          RdAction *action = g_ptr_array_index (done, i);
          const char * const *ids = rd_action_get_item_ids (action);

          /* Translators: a done action in "readiness-cli change", ‘MFA for all staff’ */
          g_string_append_printf (out, _("  Action ‘%s’"), rd_action_get_title (action));
          g_string_append_c (out, '\n');
          if (ids == NULL || ids[0] == NULL)
            append_wrapped (out, _("no questions linked"), 4);
          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            {
              g_autofree char *line = rd_change_format_action_item (change, ids[j], TRUE);
              g_autofree char *arrowed = g_strconcat ("→ ", line, NULL);

              append_wrapped (out, arrowed, 4);
            }
        }
    }

  rd_cli_write_stdout (out->str, out->len);
}

static void
write_json_row (RdJsonWriter      *json,
                RdChange          *change,
                const RdChangeRow *row)
{
  static const char * const statuses[] = { "tested", "too-few-before", "too-few-after", "no-spread" };

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "id");
  rd_json_writer_string (json, row->item != NULL ? rd_item_get_id (row->item) : rd_factor_to_id (row->factor));
  rd_json_writer_key (json, "before");
  rd_json_writer_number (json, row->before);
  rd_json_writer_key (json, "after");
  rd_json_writer_number (json, row->after);
  rd_json_writer_key (json, "change");
  rd_json_writer_number (json, row->delta);
  rd_json_writer_key (json, "n_before");
  rd_json_writer_int (json, row->n_before);
  rd_json_writer_key (json, "n_after");
  rd_json_writer_int (json, row->n_after);
  rd_json_writer_key (json, "fact");
  rd_json_writer_boolean (json, row->is_fact);
  rd_json_writer_key (json, "test");
  if (row->is_fact || isnan (row->delta))
    rd_json_writer_null (json);
  else
    {
      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "status");
      rd_json_writer_string (json, statuses[row->test.status]);
      rd_json_writer_key (json, "t");
      rd_json_writer_number (json, row->test.t);
      rd_json_writer_key (json, "df");
      rd_json_writer_number (json, row->test.df);
      rd_json_writer_key (json, "p");
      rd_json_writer_number (json, row->test.p);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_key (json, "meaningful");
  rd_json_writer_boolean (json, rd_change_row_is_meaningful (row));
  if (row->is_fact)
    {
      g_autofree char *values = rd_change_row_format_values (row);

      rd_json_writer_key (json, "values");
      rd_json_writer_string (json, values);
    }
  rd_json_writer_end_object (json);
}

static void
write_json (RdChange   *change,
            const char *school_name,
            GPtrArray  *done)
{
  g_autoptr(RdJsonWriter) json = rd_json_writer_new ();
  g_autoptr(GPtrArray) moved = rd_change_list_moved (change);
  GString *text;

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "format");
  rd_json_writer_string (json, "readiness-change");
  rd_json_writer_key (json, "format_version");
  rd_json_writer_int (json, 1);
  rd_json_writer_key (json, "school");
  rd_json_writer_string (json, school_name);
  rd_json_writer_key (json, "from");
  rd_json_writer_string (json, rd_change_get_before_year (change));
  rd_json_writer_key (json, "to");
  rd_json_writer_string (json, rd_change_get_after_year (change));
  rd_json_writer_key (json, "test");
  rd_json_writer_string (json, "welch-t-two-sided");
  rd_json_writer_key (json, "alpha");
  rd_json_writer_number (json, RD_SIGNIFICANCE_ALPHA);

  rd_json_writer_key (json, "factors");
  rd_json_writer_begin_array (json);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    write_json_row (json, change, rd_change_get_factor (change, f));
  rd_json_writer_end_array (json);

  rd_json_writer_key (json, "questions");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < rd_change_get_n_items (change); i++)
    write_json_row (json, change, rd_change_get_item (change, i));
  rd_json_writer_end_array (json);

  rd_json_writer_key (json, "moved");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < moved->len; i++)
    {
      const RdChangeRow *row = g_ptr_array_index (moved, i);

      rd_json_writer_string (json, row->item != NULL ? rd_item_get_id (row->item) : rd_factor_to_id (row->factor));
    }
  rd_json_writer_end_array (json);

  rd_json_writer_key (json, "incomparable_questions");
  rd_json_writer_int (json, rd_change_get_n_incomparable (change));

  rd_json_writer_key (json, "done_actions");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < done->len; i++)
    {
      RdAction *action = g_ptr_array_index (done, i);
      const char * const *ids = rd_action_get_item_ids (action);

      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "title");
      rd_json_writer_string (json, rd_action_get_title (action));
      rd_json_writer_key (json, "questions");
      rd_json_writer_begin_array (json);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          const RdChangeRow *row = rd_change_lookup_item (change, ids[j]);

          if (row != NULL)
            write_json_row (json, change, row);
          else
            {
              rd_json_writer_begin_object (json);
              rd_json_writer_key (json, "id");
              rd_json_writer_string (json, ids[j]);
              rd_json_writer_key (json, "change");
              rd_json_writer_null (json);
              rd_json_writer_end_object (json);
            }
        }
      rd_json_writer_end_array (json);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_array (json);
  rd_json_writer_end_object (json);

  text = rd_json_writer_get_text (json);
  rd_cli_write_stdout (text->str, text->len);
}

static const char change_description[] =
  N_("Per success factor and per question answered in both years (questions whose earlier answers an "
     "older, different version asked are left out), the change from the school’s previous school year, "
     "as the Results page shows it. Statements and success factors are tested with Welch’s t-test on the "
     "respondents’ own scores (a factor: each respondent’s readiness over the questions of both years), "
     "two-sided, with Student’s t distribution and the Welch–Satterthwaite degrees of freedom; a change is "
     "meaningful when p < 0.05. Fewer than two respondents in a year, or the same answer from everybody in "
     "both years: not testable, and no p is given. A fact is the school’s own figure: its change is shown "
     "in its unit without a test. Then the actions done in last year’s plan with the change of the "
     "questions they were linked to.\n"
     "\n"
     "json: one object with format “readiness-change”, format_version 1, school, from, to, test, alpha; "
     "factors and questions: [{id, before, after, change, n_before, n_after, fact, test: {status (tested, "
     "too-few-before, too-few-after, no-spread), t, df, p} or null, meaningful, values (facts)}]; moved: "
     "[ids, largest first]; incomparable_questions; done_actions: [{title, questions: [a change, or {id, change: "
     "null}]}]. Numbers are exact; null: no figure.");

int
rd_cli_change (RdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *school = NULL;
  g_autofree char *school_year = NULL;
  g_autofree char *format_name = NULL;
  gint64 assessment_id = 0;
  const GOptionEntry entries[] = {
    { "school", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &school,
      N_("The school, by name or number (see “schools”)"), N_("NAME-OR-NUMBER") },
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &school_year,
      N_("The school year of the assessment, e.g. 2026-2027"), N_("YEAR") },
    { "assessment", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, &assessment_id,
      N_("The assessment by its number (see “schools --format json”), instead of --school and --year"), N_("ID") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdChange) change = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(RdAssessment) assessment = NULL;
  g_autoptr(RdSchool) school_object = NULL;
  RdCliFormat format;
  RdFramework *framework;
  RdStore *store;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, _("change --school NAME-OR-NUMBER --year YEAR"),
                                       _("What moved since the school’s previous school year: per success factor "
                                         "and question, whether the change is more than chance."),
                                       _(change_description), entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (!rd_cli_assessment_options_valid (context, school, school_year, assessment_id, &status))
    return status;
  if (!rd_cli_parse_format (format_name, &format) || format == RD_CLI_FORMAT_CSV)
    return rd_cli_usage_error (context, _("Unknown format “%s”: use text or json"), format_name);

  assessment_id = rd_cli_open_assessment (cli, school, school_year, assessment_id, &framework, &store, &status);
  if (assessment_id == 0)
    return status;

  assessment = rd_store_get_assessment (store, assessment_id, &error);
  if (assessment != NULL)
    school_object = rd_store_get_school (store, rd_assessment_get_school_id (assessment), &error);
  if (school_object == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  change = rd_change_load (store, framework, assessment_id, &error);
  if (change == NULL && error != NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);
  if (change == NULL)
    return rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("The school has no assessment of an earlier school year than %s "
                                                 "to compare with"), rd_assessment_get_school_year (assessment));
  done = rd_change_list_done_actions (change, store, &error);
  if (done == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  if (format == RD_CLI_FORMAT_JSON)
    write_json (change, rd_school_get_name (school_object), done);
  else
    write_text (change, rd_school_get_name (school_object), done);
  return RD_CLI_EXIT_OK;
}
