#define G_LOG_DOMAIN "rd-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-report-change.h"

static const char *
row_title (const RdChangeRow *row)
{
  return row->item == NULL ? rd_factor_get_title (row->factor) : rd_change_row_get_title (row);
}

static void
add_done_actions (RdReportDocument *doc,
                  RdChange         *change,
                  GPtrArray        *done_actions)
{
  g_autofree char *heading = NULL;

  if (done_actions == NULL || done_actions->len == 0)
    return;

  /* Translators: a part of the report's "What Moved", %s is the previous school year */
  heading = g_strdup_printf (_("Actions Done in %s"), rd_change_get_before_year (change));
  rd_report_document_begin_group (doc);
  rd_report_document_add_subheading (doc, heading);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE,
                                    _("The questions each action was linked to, and how they changed since."));
  for (guint i = 0; i < done_actions->len; i++)
    {
      RdAction *action = g_ptr_array_index (done_actions, i);
      const char * const *ids = rd_action_get_item_ids (action);
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          g_autofree char *line = rd_change_format_action_item (change, ids[j], FALSE);

          g_string_append_printf (lines, "%s• %s", lines->len > 0 ? "\n" : "", line);
        }
      if (i > 0)
        rd_report_document_begin_group (doc);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD, rd_action_get_title (action));
      rd_report_document_add_paragraph (doc, lines->len > 0 ? RD_REPORT_TEXT_BODY : RD_REPORT_TEXT_NOTE,
                                        lines->len > 0 ? lines->str : _("No questions linked, so no change to show."));
      rd_report_document_end_group (doc);
    }
}

void
rd_report_add_change (RdReportDocument *doc,
                      RdChange         *change,
                      GPtrArray        *done_actions)
{
  g_autoptr(GPtrArray) moved = rd_change_list_moved (change);
  g_autofree char *intro = NULL;
  g_autofree char *untested = rd_change_format_untested (change);

  rd_report_document_begin_group (doc);
  rd_report_document_add_heading (doc, _("What Moved"));
  /* Translators: %s is the previous school year */
  intro = g_strdup_printf (_("Since %s: the changes that are more than chance, largest first. "
                             "A question or success factor counts as moved when Welch’s t-test on the "
                             "respondents’ scores gives p below 0.05; a fact is the school’s own figure "
                             "and needs no test."),
                           rd_change_get_before_year (change));
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, intro);
  if (moved->len == 0)
    {
      g_autofree char *empty = g_strdup_printf (_("Nothing moved more than chance since %s."),
                                                rd_change_get_before_year (change));

      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, empty);
    }

  for (guint i = 0; i < moved->len; i++)
    {
      const RdChangeRow *row = g_ptr_array_index (moved, i);
      g_autofree char *line = rd_change_format_row (change, row);
      g_autofree char *title = NULL;

      if (row->item == NULL)
        title = g_strdup_printf (_("Readiness: %s"), row_title (row));
      else
        title = g_strdup (row_title (row));
      if (i > 0)
        rd_report_document_begin_group (doc);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD, title);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, line);
      rd_report_document_end_group (doc);
    }
  if (moved->len == 0)
    rd_report_document_end_group (doc);
  if (untested != NULL)
    rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, untested);

  add_done_actions (doc, change, done_actions);
}
