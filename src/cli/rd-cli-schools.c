#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-answers-csv.h"
#include "rd-cli.h"

typedef struct
{
  RdSchool *school;
  GPtrArray *all;                    /* every school's RdAssessmentCounts, by school id */
  RdAssessmentCounts **assessments;  /* this school's run in @all, oldest school year first */
  guint n_assessments;
  GStrv school_years;                /* distinct, ascending */
} Entry;

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->school);
  g_ptr_array_unref (entry->all);
  g_strfreev (entry->school_years);
  g_free (entry);
}

static GStrv
list_school_years (RdAssessmentCounts **assessments,
                   guint                n_assessments)
{
  g_autoptr(GStrvBuilder) years = g_strv_builder_new ();
  const char *last = NULL;

  for (guint i = 0; i < n_assessments; i++)
    {
      if (g_strcmp0 (assessments[i]->school_year, last) != 0)
        g_strv_builder_add (years, assessments[i]->school_year);
      last = assessments[i]->school_year;
    }
  return g_strv_builder_end (years);
}

/* Where @school_id's run begins in @all, which is by school id. */
static guint
find_run (GPtrArray *all,
          gint64     school_id)
{
  guint low = 0, high = all->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const RdAssessmentCounts *assessment = g_ptr_array_index (all, middle);

      if (assessment->school_id < school_id)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static Entry *
entry_new (RdSchool  *school,
           GPtrArray *all)
{
  Entry *entry = g_new0 (Entry, 1);
  gint64 school_id = rd_school_get_id (school);
  guint first = find_run (all, school_id), end = first;

  while (end < all->len && ((RdAssessmentCounts *) g_ptr_array_index (all, end))->school_id == school_id)
    end++;
  entry->school = g_object_ref (school);
  entry->all = g_ptr_array_ref (all);
  entry->assessments = (RdAssessmentCounts **) all->pdata + first;
  entry->n_assessments = end - first;
  entry->school_years = list_school_years (entry->assessments, entry->n_assessments);
  return entry;
}

/* One query for every school's assessments. Only json lists them with
 * their counts, which reads every answer (once, for all schools); text and
 * csv need the school years alone. */
static GPtrArray *
load_entries (RdStore   *store,
              gboolean   with_counts,
              GError   **error)
{
  g_autoptr(GPtrArray) schools = rd_store_list_schools (store, error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (schools == NULL)
    return NULL;
  all = rd_store_list_assessment_counts (store, with_counts, error);
  if (all == NULL)
    return NULL;

  entries = g_ptr_array_new_full (schools->len, (GDestroyNotify) entry_free);
  for (guint i = 0; i < schools->len; i++)
    g_ptr_array_add (entries, entry_new (g_ptr_array_index (schools, i), all));
  return g_steal_pointer (&entries);
}

static void
write_text (GPtrArray *entries)
{
  g_autoptr(RdCliTable) table = rd_cli_table_new (5);
  g_autoptr(GString) out = g_string_new (NULL);
  char **header = g_new0 (char *, 5);

  rd_cli_table_align_right (table, 0);
  /* Translators: column headers of the list of schools */
  header[0] = g_strdup (_("Number"));
  header[1] = g_strdup (_("School"));
  header[2] = g_strdup (_("Region"));
  header[3] = g_strdup (_("Type"));
  header[4] = g_strdup (_("School years"));
  rd_cli_table_add_row (table, header);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rd_school_get_id (entry->school));
      row[1] = g_strdup (rd_school_get_name (entry->school));
      row[2] = g_strdup (rd_school_get_region (entry->school));
      row[3] = rd_school_describe_type (entry->school);
      row[4] = g_strjoinv (", ", entry->school_years);
      rd_cli_table_add_row (table, row);
    }

  rd_cli_table_append (table, out);
  g_print ("%s", out->str);
}

static void
write_csv (GPtrArray *entries)
{
  g_autoptr(GString) out = g_string_new ("id,name,region,type,school_years\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      const char *region = rd_school_get_region (entry->school);
      const char *school_type = rd_school_type_to_id (rd_school_get_school_type (entry->school));
      g_autofree char *years = g_strjoinv (" ", entry->school_years);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",", rd_school_get_id (entry->school));
      rd_answers_csv_append_cell (out, rd_school_get_name (entry->school));
      g_string_append_c (out, ',');
      rd_answers_csv_append_cell (out, region != NULL ? region : "");
      g_string_append_c (out, ',');
      rd_answers_csv_append_cell (out, school_type != NULL ? school_type : "");
      g_string_append_printf (out, ",%s\r\n", years);
    }

  rd_cli_write_stdout (out->str, out->len);
}

static void
write_json (GPtrArray *entries)
{
  g_autoptr(RdJsonWriter) json = rd_json_writer_new ();
  GString *text;

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "schools");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "id");
      rd_json_writer_int (json, rd_school_get_id (entry->school));
      rd_json_writer_key (json, "name");
      rd_json_writer_string (json, rd_school_get_name (entry->school));
      rd_json_writer_key (json, "region");
      rd_json_writer_string (json, rd_school_get_region (entry->school));
      rd_json_writer_key (json, "type");
      rd_json_writer_string (json, rd_school_type_to_id (rd_school_get_school_type (entry->school)));
      rd_json_writer_key (json, "school_years");
      rd_json_writer_begin_array (json);
      for (guint y = 0; entry->school_years[y] != NULL; y++)
        rd_json_writer_string (json, entry->school_years[y]);
      rd_json_writer_end_array (json);

      rd_json_writer_key (json, "assessments");
      rd_json_writer_begin_array (json);
      for (guint a = 0; a < entry->n_assessments; a++)
        {
          const RdAssessmentCounts *assessment = entry->assessments[a];

          rd_json_writer_begin_object (json);
          rd_json_writer_key (json, "id");
          rd_json_writer_int (json, assessment->id);
          rd_json_writer_key (json, "school_year");
          rd_json_writer_string (json, assessment->school_year);
          rd_json_writer_key (json, "framework");
          rd_json_writer_string (json, assessment->framework_id);
          rd_json_writer_key (json, "mode");
          rd_json_writer_string (json, rd_assessment_mode_to_id (assessment->mode));
          rd_json_writer_key (json, "status");
          rd_json_writer_string (json, rd_assessment_status_to_id (assessment->status));
          rd_json_writer_key (json, "respondents");
          rd_json_writer_int (json, assessment->n_respondents);
          rd_json_writer_key (json, "answers");
          rd_json_writer_int (json, assessment->n_answers);
          rd_json_writer_end_object (json);
        }
      rd_json_writer_end_array (json);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_array (json);
  rd_json_writer_end_object (json);

  text = rd_json_writer_get_text (json);
  rd_cli_write_stdout (text->str, text->len);
}

int
rd_cli_schools (RdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GError) error = NULL;
  RdCliFormat format;
  RdStore *store;
  int status = RD_CLI_EXIT_OK;

  context = rd_cli_option_context_new (cli, "schools",
                                       _("List the schools of the database with their region, type and school "
                                         "years, by name."),
                                       _("The number of a school is what --school takes besides its name. csv: "
                                         "id, name, region, type (primary, secondary, vocational, special, other, "
                                         "or empty when not set), school_years (separated by spaces). json: "
                                         "{schools: [{id, name, region, type (the same ids, or null), school_years: "
                                         "[YEAR…], assessments: [{id, school_year, framework, mode, status, "
                                         "respondents, answers}]}]}; an assessment's id is what report "
                                         "--assessment takes."),
                                       entries);
  if (!rd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return rd_cli_usage_error (context, _("Unexpected argument “%s”"), argv[1]);
  if (!rd_cli_parse_format (format_name, &format))
    return rd_cli_usage_error (context, _("Unknown format “%s”: use text, csv or json"), format_name);

  store = rd_cli_get_store (cli, FALSE, &status);
  if (store == NULL)
    return status;
  schools = load_entries (store, format == RD_CLI_FORMAT_JSON, &error);
  if (schools == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  switch (format)
    {
    case RD_CLI_FORMAT_CSV:
      write_csv (schools);
      break;
    case RD_CLI_FORMAT_JSON:
      write_json (schools);
      break;
    case RD_CLI_FORMAT_TEXT:
    default:
      write_text (schools);
      break;
    }
  return RD_CLI_EXIT_OK;
}
