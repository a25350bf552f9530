#define G_LOG_DOMAIN "readiness-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-change.h"
#include "rd-cli.h"

/* compare --from YEAR --to YEAR: which schools moved meaningfully on which
 * success factor, from the kept scores. */

static void
write_text (GPtrArray  *changes,
            const char *from,
            const char *to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RdCliTable) table = rd_cli_table_new (6);
  g_autofree char *legend = NULL;
  char **header = g_new0 (char *, 6);
  guint n_moved = 0, n_untested = 0;

  g_string_append_printf (out, g_dngettext (NULL, "What moved from %s to %s: %u school assessed in both years",
                                            "What moved from %s to %s: %u schools assessed in both years",
                                            changes->len),
                          from, to, changes->len);
  g_string_append (out, "\n\n");

  for (guint c = 2; c < 5; c++)
    rd_cli_table_align_right (table, c);
  header[0] = g_strdup (_("School"));
  header[1] = g_strdup (_("Success factor"));
  header[2] = g_strdup (from);
  header[3] = g_strdup (to);
  header[4] = g_strdup ("p");
  header[5] = g_strdup (_("meaning"));
  rd_cli_table_add_row (table, header);

  for (guint i = 0; i < changes->len; i++)
    {
      const RdSchoolChange *change = g_ptr_array_index (changes, i);

      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          const RdWelch *test = &change->test[f];
          char **row;

          if (!isnan (test->difference) && test->status != RD_WELCH_OK)
            n_untested++;
          if (!rd_school_change_is_meaningful (change, f))
            continue;
          n_moved++;
          row = g_new0 (char *, 6);
          row[0] = g_strdup (change->school_name);
          row[1] = g_strdup (rd_factor_get_short_title (f));
          row[2] = rd_cli_format_fixed (change->before[f], 0);
          row[3] = rd_cli_format_fixed (change->after[f], 0);
          row[4] = rd_cli_format_fixed (test->p, 3);
          row[5] = g_strdup (test->difference > 0 ? _("A meaningful rise") : _("A meaningful fall"));
          rd_cli_table_add_row (table, row);
        }
    }

  if (n_moved > 0)
    rd_cli_table_append (table, out);
  else
    {
      g_string_append (out, _("No school moved more than chance on any success factor."));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  legend = rd_cli_wrap (_("Welch’s t-test per school and success factor on its kept scores: readiness, the "
                          "spread between its respondents and their number in each year; two-sided, "
                          "meaningful when p is below 0.05. Only meaningful changes are listed."),
                        RD_CLI_LINE_WIDTH);
  g_string_append (out, legend);
  g_string_append_c (out, '\n');
  if (n_untested > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (NULL,
                                                            "%u change could not be tested: fewer than two "
                                                            "respondents, or no spread, in a year.",
                                                            "%u changes could not be tested: fewer than two "
                                                            "respondents, or no spread, in a year.",
                                                            n_untested), n_untested);
      g_autofree char *wrapped = rd_cli_wrap (note, RD_CLI_LINE_WIDTH);

      g_string_append (out, wrapped);
      g_string_append_c (out, '\n');
    }
  rd_cli_write_stdout (out->str, out->len);
}

static void
write_json (GPtrArray  *changes,
            const char *from,
            const char *to)
{
  static const char * const statuses[] = { "tested", "too-few-before", "too-few-after", "no-spread" };
  g_autoptr(RdJsonWriter) json = rd_json_writer_new ();
  GString *text;

  rd_json_writer_begin_object (json);
  rd_json_writer_key (json, "format");
  rd_json_writer_string (json, "readiness-schools-change");
  rd_json_writer_key (json, "format_version");
  rd_json_writer_int (json, 1);
  rd_json_writer_key (json, "from");
  rd_json_writer_string (json, from);
  rd_json_writer_key (json, "to");
  rd_json_writer_string (json, to);
  rd_json_writer_key (json, "alpha");
  rd_json_writer_number (json, RD_SIGNIFICANCE_ALPHA);
  rd_json_writer_key (json, "schools");
  rd_json_writer_begin_array (json);
  for (guint i = 0; i < changes->len; i++)
    {
      const RdSchoolChange *change = g_ptr_array_index (changes, i);

      rd_json_writer_begin_object (json);
      rd_json_writer_key (json, "id");
      rd_json_writer_int (json, change->school_id);
      rd_json_writer_key (json, "name");
      rd_json_writer_string (json, change->school_name);
      rd_json_writer_key (json, "factors");
      rd_json_writer_begin_object (json);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          const RdWelch *test = &change->test[f];

          rd_json_writer_key (json, rd_factor_to_id (f));
          rd_json_writer_begin_object (json);
          rd_json_writer_key (json, "before");
          rd_json_writer_number (json, change->before[f]);
          rd_json_writer_key (json, "after");
          rd_json_writer_number (json, change->after[f]);
          rd_json_writer_key (json, "change");
          rd_json_writer_number (json, test->difference);
          rd_json_writer_key (json, "status");
          if (isnan (test->difference))
            rd_json_writer_null (json);
          else
            rd_json_writer_string (json, statuses[test->status]);
          rd_json_writer_key (json, "t");
          rd_json_writer_number (json, test->t);
          rd_json_writer_key (json, "df");
          rd_json_writer_number (json, test->df);
          rd_json_writer_key (json, "p");
          rd_json_writer_number (json, test->p);
          rd_json_writer_key (json, "meaningful");
          rd_json_writer_boolean (json, rd_school_change_is_meaningful (change, f));
          rd_json_writer_end_object (json);
        }
      rd_json_writer_end_object (json);
      rd_json_writer_end_object (json);
    }
  rd_json_writer_end_array (json);
  rd_json_writer_end_object (json);

  text = rd_json_writer_get_text (json);
  rd_cli_write_stdout (text->str, text->len);
}

int
rd_cli_compare_change (RdFramework *framework,
                       RdStore     *store,
                       const char  *from,
                       const char  *to,
                       const char  *region,
                       RdCliFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  before = rd_store_list_school_scores (store, framework, from, &error);
  if (before != NULL)
    after = rd_store_list_school_scores (store, framework, to, &error);
  if (after == NULL)
    return rd_cli_fail (RD_CLI_EXIT_DATABASE, "%s", error->message);

  changes = rd_change_compare_schools (before, after);
  if (region != NULL)
    for (guint i = changes->len; i-- > 0;)
      if (g_strcmp0 (((RdSchoolChange *) g_ptr_array_index (changes, i))->region, region) != 0)
        g_ptr_array_remove_index (changes, i);
  if (changes->len == 0)
    return rd_cli_fail (RD_CLI_EXIT_NOT_FOUND, _("No school has assessments of both %s and %s with the "
                                                 "framework “%s”"), from, to, rd_framework_get_id (framework));

  if (format == RD_CLI_FORMAT_JSON)
    write_json (changes, from, to);
  else
    write_text (changes, from, to);
  return RD_CLI_EXIT_OK;
}
