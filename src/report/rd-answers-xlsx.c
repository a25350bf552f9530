#define G_LOG_DOMAIN "rd-answers-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rd-action.h"
#include "rd-analysis.h"
#include "rd-anonymity.h"
#include "rd-answers-csv.h"
#include "rd-answers-xlsx.h"
#include "rd-evidence.h"
#include "rd-xlsx-workbook.h"

/* How often the long sheet looks at the cancellable. */
#define ROWS_PER_CANCEL_CHECK 256

struct _RdAnswersXlsx
{
  RdFramework *framework;
  RdAssessmentMode mode;
  GPtrArray *answers;                 /* of RdAnswer, copies */
  double targets[RD_N_FACTORS];
  GPtrArray *actions;                 /* of RdAction, copies */
  guint anonymity_threshold;
  GHashTable *commentaries;           /* item id → commentary, copies */
  GPtrArray *evidence;                /* of RdEvidence, copies */
};

G_DEFINE_BOXED_TYPE (RdAnswersXlsx, rd_answers_xlsx, rd_answers_xlsx_ref, rd_answers_xlsx_unref)

RdAnswersXlsx *
rd_answers_xlsx_new (RdFramework      *framework,
                     RdAssessmentMode  mode,
                     GPtrArray        *answers,
                     const double     *targets,
                     GPtrArray        *actions,
                     guint             anonymity_threshold)
{
  RdAnswersXlsx *content;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  content = g_atomic_rc_box_new0 (RdAnswersXlsx);
  content->framework = g_object_ref (framework);
  content->mode = mode;
  /* Clamped here, so that the property states what the sheet holds. */
  content->anonymity_threshold = rd_anonymity_threshold_clamp (anonymity_threshold);

  content->answers = g_ptr_array_new_full (answers->len, (GDestroyNotify) rd_answer_free);
  for (guint i = 0; i < answers->len; i++)
    g_ptr_array_add (content->answers, rd_answer_copy (g_ptr_array_index (answers, i)));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    content->targets[f] = targets != NULL ? targets[f] : rd_framework_get_default_target (framework, f);

  /* Copies rather than references: the worker must never see an edit. */
  content->actions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      RdActionInfo info;

      rd_action_get_info (g_ptr_array_index (actions, i), &info);
      g_ptr_array_add (content->actions, rd_action_new (&info));
    }

  content->commentaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  content->evidence = g_ptr_array_new_with_free_func (g_object_unref);

  return content;
}

void
rd_answers_xlsx_set_evidence (RdAnswersXlsx *content,
                              GHashTable    *commentaries,
                              GPtrArray     *evidence)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (content != NULL);

  g_hash_table_remove_all (content->commentaries);
  g_ptr_array_set_size (content->evidence, 0);
  if (commentaries != NULL)
    {
      g_hash_table_iter_init (&iter, commentaries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (content->commentaries, g_strdup (key), g_strdup (value));
    }
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RdEvidenceInfo info;

      rd_evidence_get_info (g_ptr_array_index (evidence, i), &info);
      g_ptr_array_add (content->evidence, rd_evidence_new (&info));
    }
}

RdAnswersXlsx *
rd_answers_xlsx_ref (RdAnswersXlsx *content)
{
  g_return_val_if_fail (content != NULL, NULL);
  return g_atomic_rc_box_acquire (content);
}

static void
content_clear (gpointer data)
{
  RdAnswersXlsx *content = data;

  g_object_unref (content->framework);
  g_ptr_array_unref (content->answers);
  g_ptr_array_unref (content->actions);
  g_hash_table_unref (content->commentaries);
  g_ptr_array_unref (content->evidence);
}

void
rd_answers_xlsx_unref (RdAnswersXlsx *content)
{
  g_return_if_fail (content != NULL);
  g_atomic_rc_box_release_full (content, content_clear);
}

typedef struct
{
  const RdAnswersXlsx *content;
  RdXlsxWorkbook *book;
  lxw_format *date;
  lxw_format *score;
  lxw_format *wrap;
} Writer;

/* A real date cell where Excel can hold the date (1900–9999), else ISO
 * text, so that no answer is lost. */
static void
put_date (Writer    *w,
          lxw_row_t  row,
          lxw_col_t  col,
          GDate     *date)
{
  lxw_datetime datetime = { 0 };

  if (!g_date_valid (date))
    return;
  if (g_date_get_year (date) < 1900 || g_date_get_year (date) > 9999)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                  g_date_get_day (date));
      rd_xlsx_workbook_put_text (w->book, row, col, text, NULL);
      return;
    }

  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  rd_xlsx_workbook_remember (w->book, worksheet_write_datetime (w->book->sheet, row, col, &datetime, w->date));
}

typedef struct
{
  const char *title;
  double width;             /* in characters */
} Column;

/* The bold header row, kept in view while scrolling, and the columns'
 * widths: one range for each run of equal ones. */
static void
put_header (Writer       *w,
            const Column *columns,
            guint         n_columns)
{
  lxw_col_t first = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      rd_xlsx_workbook_put_text (w->book, 0, c, columns[c].title, w->book->header);
      if (c + 1 == n_columns || columns[c + 1].width != columns[c].width)
        {
          rd_xlsx_workbook_set_column (w->book, first, c, columns[c].width);
          first = c + 1;
        }
    }
  worksheet_freeze_panes (w->book->sheet, 1, 0);
}

static void
put_answer (Writer         *w,
            lxw_row_t       row,
            lxw_col_t       col,
            RdItem         *item,
            const RdAnswer *answer)
{
  if (answer->not_applicable)
    {
      rd_xlsx_workbook_put_text (w->book, row, col, "N/A", NULL);
      return;
    }

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_DATE:
      if (answer->julian_day != 0)
        {
          GDate date;

          rd_answer_get_date (answer, &date);
          put_date (w, row, col, &date);
        }
      break;
    case RD_ITEM_KIND_YES_NO:
      if (!isnan (answer->value))
        rd_xlsx_workbook_put_text (w->book, row, col, answer->value != 0 ? "yes" : "no", NULL);
      break;
    case RD_ITEM_KIND_STATEMENT:
    case RD_ITEM_KIND_NUMBER:
    case RD_ITEM_KIND_PERCENT:
    default:
      rd_xlsx_workbook_put_number (w->book, row, col, answer->value, NULL);
      break;
    }
}

static gboolean
write_answers (Writer        *w,
               GCancellable  *cancellable,
               GError       **error)
{
  const RdAnswersXlsx *content = w->content;
  g_autoptr(RdAnswersTable) table = NULL;
  guint n_items;
  guint n_rows;

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!rd_xlsx_workbook_begin_sheet (w->book, C_("sheet", "Answers"), "Answers", error))
    return FALSE;

  table = rd_answers_table_new (content->framework, content->mode, content->answers,
                                content->anonymity_threshold);
  n_items = rd_answers_table_get_n_items (table);
  n_rows = rd_answers_table_get_n_rows (table);

  /* The CSV's header, untranslated: tools look columns up by it. */
  rd_xlsx_workbook_put_text (w->book, 0, 0, "respondent", w->book->header);
  rd_xlsx_workbook_put_text (w->book, 0, 1, "group", w->book->header);
  for (guint c = 0; c < n_items; c++)
    rd_xlsx_workbook_put_text (w->book, 0, c + 2, rd_item_get_id (rd_answers_table_get_item (table, c)),
                               w->book->header);

  for (guint r = 0; r < n_rows; r++)
    {
      RdGroup group;

      if (r % ROWS_PER_CANCEL_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      rd_xlsx_workbook_put_number (w->book, r + 1, 0, r + 1, NULL);
      if (rd_answers_table_get_group (table, r, &group))
        rd_xlsx_workbook_put_text (w->book, r + 1, 1, rd_group_to_id (group), NULL);
      for (guint c = 0; c < n_items; c++)
        {
          const RdAnswer *answer = rd_answers_table_get_answer (table, r, c);

          if (answer != NULL)
            put_answer (w, r + 1, c + 2, rd_answers_table_get_item (table, c), answer);
        }
    }

  rd_xlsx_workbook_set_column (w->book, 0, 1, 14);
  if (n_items > 0)
    rd_xlsx_workbook_set_column (w->book, 2, n_items + 1, 14);
  /* Who answered stays in view while scrolling through the items. */
  worksheet_freeze_panes (w->book->sheet, 1, 2);

  return rd_xlsx_workbook_end_sheet (w->book, cancellable, error);
}

static char *
list_factors (RdItem *item)
{
  g_autoptr(GString) factors = g_string_new (NULL);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (!rd_item_informs (item, f))
        continue;
      if (factors->len > 0)
        g_string_append (factors, ", ");
      g_string_append (factors, rd_factor_get_short_title (f));
    }
  return g_string_free (g_steal_pointer (&factors), FALSE);
}

static gboolean
write_items (Writer        *w,
             RdAnalysis    *analysis,
             GCancellable  *cancellable,
             GError       **error)
{
  const RdAnswersXlsx *content = w->content;
  RdFramework *framework = content->framework;
  const Column columns[] = {
    /* Translators: column headers of the "Items" sheet of the exported workbook */
    { _("Item"), 18 }, { _("Area"), 22 }, { _("Success factors"), 26 }, { _("Text"), 60 },
    { _("Score"), 14 }, { _("Scored answers"), 14 }, { _("Commentary"), 50 }, { _("Evidence"), 60 },
  };
  lxw_row_t row = 1;

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!rd_xlsx_workbook_begin_sheet (w->book, C_("sheet", "Items"), "Items", error))
    return FALSE;

  put_header (w, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      RdArea *area = rd_framework_lookup_area (framework, rd_item_get_area_id (item));
      g_autofree char *factors = NULL;
      guint n_scored = 0;
      double score;

      if (!rd_framework_item_in_mode (framework, item, content->mode))
        continue;

      factors = list_factors (item);
      score = rd_analysis_get_item_score (analysis, rd_item_get_id (item), &n_scored);

      rd_xlsx_workbook_put_text (w->book, row, 0, rd_item_get_id (item), NULL);
      rd_xlsx_workbook_put_text (w->book, row, 1,
                                 area != NULL ? rd_text_get_localized (rd_area_get_title (area)) : NULL, NULL);
      rd_xlsx_workbook_put_text (w->book, row, 2, factors, NULL);
      rd_xlsx_workbook_put_text (w->book, row, 3, rd_text_get_localized (rd_item_get_text (item)), w->wrap);
      rd_xlsx_workbook_put_number (w->book, row, 4, score, w->score);
      rd_xlsx_workbook_put_number (w->book, row, 5, n_scored, NULL);
      {
        g_autofree char *evidence = rd_evidence_format_lines (content->evidence, rd_item_get_id (item));

        rd_xlsx_workbook_put_text (w->book, row, 6, g_hash_table_lookup (content->commentaries,
                                                                         rd_item_get_id (item)), w->wrap);
        rd_xlsx_workbook_put_text (w->book, row, 7, evidence, w->wrap);
      }
      row++;
    }

  return rd_xlsx_workbook_end_sheet (w->book, cancellable, error);
}

static gboolean
write_factors (Writer        *w,
               RdAnalysis    *analysis,
               GCancellable  *cancellable,
               GError       **error)
{
  const Column columns[] = {
    /* Translators: column headers of the "Factors" sheet of the exported workbook */
    { _("Success factor"), 44 }, { C_("table heading", "Readiness"), 14 }, { _("Level"), 14 },
    { _("Target"), 14 }, { _("Gap"), 14 },
  };

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!rd_xlsx_workbook_begin_sheet (w->book, C_("sheet", "Factors"), "Factors", error))
    return FALSE;

  put_header (w, columns, G_N_ELEMENTS (columns));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (analysis, f, &result);
      rd_xlsx_workbook_put_text (w->book, f + 1, 0, rd_factor_get_title (f), NULL);
      rd_xlsx_workbook_put_number (w->book, f + 1, 3, result.target, w->score);

      /* As on screen: a number from too few answers would mislead. */
      if (!result.trusted || isnan (result.readiness))
        {
          rd_xlsx_workbook_put_text (w->book, f + 1, 2, _("not enough answers"), NULL);
          continue;
        }
      rd_xlsx_workbook_put_number (w->book, f + 1, 1, result.readiness, w->score);
      rd_xlsx_workbook_put_text (w->book, f + 1, 2, rd_level_get_title (rd_level_for_score (result.readiness)),
                                 NULL);
      rd_xlsx_workbook_put_number (w->book, f + 1, 4, result.gap, w->score);
    }

  return rd_xlsx_workbook_end_sheet (w->book, cancellable, error);
}

static void
put_due (Writer     *w,
         lxw_row_t   row,
         lxw_col_t   col,
         const char *due)
{
  GDate date;

  if (due == NULL || *due == '\0')
    return;
  if (!rd_action_due_is_valid (due))
    {
      rd_xlsx_workbook_put_text (w->book, row, col, due, NULL);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (due + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (due + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (due, NULL, 10));
  put_date (w, row, col, &date);
}

static gboolean
write_actions (Writer        *w,
               GCancellable  *cancellable,
               GError       **error)
{
  GPtrArray *actions = w->content->actions;
  const Column columns[] = {
    /* Translators: column headers of the "Actions" sheet of the exported workbook */
    { _("Action"), 40 }, { _("Success factor"), 14 }, { _("Status"), 14 }, { _("Owner"), 14 },
    { _("Due"), 14 }, { _("Success criterion"), 40 }, { _("Items"), 20 }, { _("Notes"), 40 },
    { _("Carried over from"), 16 },
  };

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!rd_xlsx_workbook_begin_sheet (w->book, C_("sheet", "Actions"), "Actions", error))
    return FALSE;

  put_header (w, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < actions->len; i++)
    {
      RdAction *action = g_ptr_array_index (actions, i);
      const char * const *item_ids = rd_action_get_item_ids (action);
      g_autofree char *items = item_ids != NULL ? g_strjoinv (", ", (GStrv) item_ids) : NULL;
      lxw_row_t row = i + 1;

      rd_xlsx_workbook_put_text (w->book, row, 0, rd_action_get_title (action), w->wrap);
      rd_xlsx_workbook_put_text (w->book, row, 1, rd_factor_get_short_title (rd_action_get_factor (action)), NULL);
      rd_xlsx_workbook_put_text (w->book, row, 2, rd_action_status_get_title (rd_action_get_status (action)),
                                 NULL);
      rd_xlsx_workbook_put_text (w->book, row, 3, rd_action_get_owner (action), NULL);
      put_due (w, row, 4, rd_action_get_due (action));
      rd_xlsx_workbook_put_text (w->book, row, 5, rd_action_get_criterion (action), w->wrap);
      rd_xlsx_workbook_put_text (w->book, row, 6, items, NULL);
      rd_xlsx_workbook_put_text (w->book, row, 7, rd_action_get_notes (action), w->wrap);
      rd_xlsx_workbook_put_text (w->book, row, 8, rd_action_get_carried_from (action), NULL);
    }

  return rd_xlsx_workbook_end_sheet (w->book, cancellable, error);
}

/* The format's version and what the numbers came from, for programs that
 * read the file. */
static void
write_properties (Writer *w)
{
  RdFramework *framework = w->content->framework;

  rd_xlsx_workbook_set_number_property (w->book, "readiness-format", RD_ANSWERS_XLSX_FORMAT);
  rd_xlsx_workbook_set_property (w->book, "readiness-framework", rd_framework_get_id (framework));
  rd_xlsx_workbook_set_property (w->book, "readiness-framework-version", rd_framework_get_version (framework));
  rd_xlsx_workbook_set_property (w->book, "readiness-mode", rd_assessment_mode_to_id (w->content->mode));
  rd_xlsx_workbook_set_number_property (w->book, "readiness-anonymity-threshold", w->content->anonymity_threshold);
}

static void
add_formats (Writer *w)
{
  lxw_workbook *workbook = w->book->workbook;

  /* ISO dates read the same in every language. */
  w->date = workbook_add_format (workbook);
  format_set_num_format (w->date, "yyyy-mm-dd");

  w->score = workbook_add_format (workbook);
  format_set_num_format (w->score, "0");

  w->wrap = workbook_add_format (workbook);
  format_set_text_wrap (w->wrap);
  format_set_align (w->wrap, LXW_ALIGN_VERTICAL_TOP);
}

gboolean
rd_answers_xlsx_write (const char           *path,
                       const RdAnswersXlsx  *content,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(RdXlsxWorkbook) book = NULL;
  g_autoptr(RdAnalysis) analysis = NULL;
  Writer w = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  book = rd_xlsx_workbook_begin (path, cancellable, error);
  if (book == NULL)
    return FALSE;

  w.content = content;
  w.book = book;
  add_formats (&w);
  analysis = rd_analysis_new (content->framework, content->mode, content->answers, content->targets);

  if (!write_answers (&w, cancellable, error) ||
      !write_items (&w, analysis, cancellable, error) ||
      !write_factors (&w, analysis, cancellable, error) ||
      !write_actions (&w, cancellable, error))
    return FALSE;
  write_properties (&w);

  return rd_xlsx_workbook_finish (book, cancellable, error);
}
