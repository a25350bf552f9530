#define G_LOG_DOMAIN "rd-answers-xlsx"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rd-action.h"
#include "rd-analysis.h"
#include "rd-answers-csv.h"
#include "rd-answers-xlsx.h"
#include "rd-export-file.h"

/* Excel's limit on the text of one cell, in bytes here: clipping to it
 * also keeps within the limit in characters. */
#define MAX_CELL_TEXT 32767

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
  content->anonymity_threshold = anonymity_threshold;

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

  return content;
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
  const char *path;         /* the target, named in errors */
  lxw_workbook *workbook;
  lxw_worksheet *sheet;     /* being written */
  const char *sheet_name;
  lxw_error status;         /* the first failure on the sheet being written */
  lxw_format *header;
  lxw_format *date;
  lxw_format *score;
  lxw_format *wrap;
} Writer;

static void
set_sheet_error (Writer     *w,
                 GError    **error)
{
  /* Translators: why an export failed; %s is a sheet name, the library's
   * own (English) explanation follows in brackets */
  g_autofree char *what = g_strdup_printf (_("the sheet “%s” could not be filled"), w->sheet_name);
  g_autofree char *reason = g_strdup_printf ("%s (%s)", what, lxw_strerror (w->status));

  rd_export_file_set_error (error, w->path, G_IO_ERROR_FAILED, reason);
}

static void
remember (Writer    *w,
          lxw_error  status)
{
  if (w->status == LXW_NO_ERROR)
    w->status = status;
}

/* Blank cells are not written at all: an empty text is no cell. */
static void
put_text (Writer     *w,
          lxw_row_t   row,
          lxw_col_t   col,
          const char *text,
          lxw_format *format)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0')
    return;

  /* The XML must stay well-formed whatever a user typed or a framework
   * holds; an over-long note is cut rather than failing the export. */
  valid = g_utf8_make_valid (text, -1);
  if (strlen (valid) > MAX_CELL_TEXT)
    *g_utf8_find_prev_char (valid, valid + MAX_CELL_TEXT + 1) = '\0';

  remember (w, worksheet_write_string (w->sheet, row, col, valid, format));
}

static void
put_number (Writer     *w,
            lxw_row_t   row,
            lxw_col_t   col,
            double      value,
            lxw_format *format)
{
  if (!isfinite (value))
    return;
  remember (w, worksheet_write_number (w->sheet, row, col, value, format));
}

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
      put_text (w, row, col, text, NULL);
      return;
    }

  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  remember (w, worksheet_write_datetime (w->sheet, row, col, &datetime, w->date));
}

static void
put_header (Writer             *w,
            const char * const *titles,
            guint               n_titles)
{
  for (guint c = 0; c < n_titles; c++)
    put_text (w, 0, c, titles[c], w->header);
}

/* A translated sheet name that breaks Excel's rules (over 31 characters,
 * one of []:*?/\) must not break the export: English is used instead. */
static gboolean
begin_sheet (Writer      *w,
             const char  *name,
             const char  *english,
             GError     **error)
{
  if (workbook_validate_sheet_name (w->workbook, name) != LXW_NO_ERROR)
    {
      g_debug ("Sheet name “%s” is not valid in Excel, using “%s”", name, english);
      name = english;
    }

  w->sheet_name = name;
  w->status = LXW_NO_ERROR;
  w->sheet = workbook_add_worksheet (w->workbook, name);
  if (w->sheet == NULL)
    {
      w->status = LXW_ERROR_MEMORY_MALLOC_FAILED;
      set_sheet_error (w, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_sheet (Writer        *w,
           GCancellable  *cancellable,
           GError       **error)
{
  if (w->status != LXW_NO_ERROR)
    {
      set_sheet_error (w, error);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
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
      put_text (w, row, col, "N/A", NULL);
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
        put_text (w, row, col, answer->value != 0 ? "yes" : "no", NULL);
      break;
    case RD_ITEM_KIND_STATEMENT:
    case RD_ITEM_KIND_NUMBER:
    case RD_ITEM_KIND_PERCENT:
    default:
      put_number (w, row, col, answer->value, NULL);
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
  if (!begin_sheet (w, C_("sheet", "Answers"), "Answers", error))
    return FALSE;

  table = rd_answers_table_new (content->framework, content->mode, content->answers,
                                content->anonymity_threshold);
  n_items = rd_answers_table_get_n_items (table);
  n_rows = rd_answers_table_get_n_rows (table);

  /* The CSV's header, untranslated: tools look columns up by it. */
  put_text (w, 0, 0, "respondent", w->header);
  put_text (w, 0, 1, "group", w->header);
  for (guint c = 0; c < n_items; c++)
    put_text (w, 0, c + 2, rd_item_get_id (rd_answers_table_get_item (table, c)), w->header);

  for (guint r = 0; r < n_rows; r++)
    {
      RdGroup group;

      if (r % ROWS_PER_CANCEL_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      put_number (w, r + 1, 0, r + 1, NULL);
      if (rd_answers_table_get_group (table, r, &group))
        put_text (w, r + 1, 1, rd_group_to_id (group), NULL);
      for (guint c = 0; c < n_items; c++)
        {
          const RdAnswer *answer = rd_answers_table_get_answer (table, r, c);

          if (answer != NULL)
            put_answer (w, r + 1, c + 2, rd_answers_table_get_item (table, c), answer);
        }
    }

  remember (w, worksheet_set_column (w->sheet, 0, 1, 14, NULL));
  if (n_items > 0)
    remember (w, worksheet_set_column (w->sheet, 2, n_items + 1, 14, NULL));
  /* Who answered stays in view while scrolling through the items. */
  worksheet_freeze_panes (w->sheet, 1, 2);

  return end_sheet (w, cancellable, error);
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
  const char *titles[] = {
    /* Translators: column headers of the "Items" sheet of the exported workbook */
    _("Item"), _("Area"), _("Success factors"), _("Text"), _("Score"), _("Scored answers"),
  };
  lxw_row_t row = 1;

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!begin_sheet (w, C_("sheet", "Items"), "Items", error))
    return FALSE;

  put_header (w, titles, G_N_ELEMENTS (titles));

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

      put_text (w, row, 0, rd_item_get_id (item), NULL);
      put_text (w, row, 1, area != NULL ? rd_text_get_localized (rd_area_get_title (area)) : NULL, NULL);
      put_text (w, row, 2, factors, NULL);
      put_text (w, row, 3, rd_text_get_localized (rd_item_get_text (item)), w->wrap);
      put_number (w, row, 4, score, w->score);
      put_number (w, row, 5, n_scored, NULL);
      row++;
    }

  remember (w, worksheet_set_column (w->sheet, 0, 0, 18, NULL));
  remember (w, worksheet_set_column (w->sheet, 1, 1, 22, NULL));
  remember (w, worksheet_set_column (w->sheet, 2, 2, 26, NULL));
  remember (w, worksheet_set_column (w->sheet, 3, 3, 60, NULL));
  remember (w, worksheet_set_column (w->sheet, 4, 5, 14, NULL));
  worksheet_freeze_panes (w->sheet, 1, 0);

  return end_sheet (w, cancellable, error);
}

static gboolean
write_factors (Writer        *w,
               RdAnalysis    *analysis,
               GCancellable  *cancellable,
               GError       **error)
{
  const char *titles[] = {
    /* Translators: column headers of the "Factors" sheet of the exported workbook */
    _("Success factor"), C_("table heading", "Readiness"), _("Level"), _("Target"), _("Gap"),
  };

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!begin_sheet (w, C_("sheet", "Factors"), "Factors", error))
    return FALSE;

  put_header (w, titles, G_N_ELEMENTS (titles));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdFactorResult result;

      rd_analysis_get_factor (analysis, f, &result);
      put_text (w, f + 1, 0, rd_factor_get_title (f), NULL);
      put_number (w, f + 1, 3, result.target, w->score);

      /* As on screen: a number from too few answers would mislead. */
      if (!result.trusted || isnan (result.readiness))
        {
          put_text (w, f + 1, 2, _("not enough answers"), NULL);
          continue;
        }
      put_number (w, f + 1, 1, result.readiness, w->score);
      put_text (w, f + 1, 2, rd_level_get_title (rd_level_for_score (result.readiness)), NULL);
      put_number (w, f + 1, 4, result.gap, w->score);
    }

  remember (w, worksheet_set_column (w->sheet, 0, 0, 44, NULL));
  remember (w, worksheet_set_column (w->sheet, 1, 4, 14, NULL));
  worksheet_freeze_panes (w->sheet, 1, 0);

  return end_sheet (w, cancellable, error);
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
      put_text (w, row, col, due, NULL);
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
  const char *titles[] = {
    /* Translators: column headers of the "Actions" sheet of the exported workbook */
    _("Action"), _("Success factor"), _("Status"), _("Owner"), _("Due"), _("Success criterion"),
    _("Items"), _("Notes"), _("Carried over from"),
  };

  /* Translators: a sheet name in the exported workbook: at most 31
   * characters, and none of [ ] : * ? / or a backslash */
  if (!begin_sheet (w, C_("sheet", "Actions"), "Actions", error))
    return FALSE;

  put_header (w, titles, G_N_ELEMENTS (titles));

  for (guint i = 0; i < actions->len; i++)
    {
      RdAction *action = g_ptr_array_index (actions, i);
      const char * const *item_ids = rd_action_get_item_ids (action);
      g_autofree char *items = item_ids != NULL ? g_strjoinv (", ", (GStrv) item_ids) : NULL;
      lxw_row_t row = i + 1;

      put_text (w, row, 0, rd_action_get_title (action), w->wrap);
      put_text (w, row, 1, rd_factor_get_short_title (rd_action_get_factor (action)), NULL);
      put_text (w, row, 2, rd_action_status_get_title (rd_action_get_status (action)), NULL);
      put_text (w, row, 3, rd_action_get_owner (action), NULL);
      put_due (w, row, 4, rd_action_get_due (action));
      put_text (w, row, 5, rd_action_get_criterion (action), w->wrap);
      put_text (w, row, 6, items, NULL);
      put_text (w, row, 7, rd_action_get_notes (action), w->wrap);
      put_text (w, row, 8, rd_action_get_carried_from (action), NULL);
    }

  remember (w, worksheet_set_column (w->sheet, 0, 0, 40, NULL));
  remember (w, worksheet_set_column (w->sheet, 1, 4, 14, NULL));
  remember (w, worksheet_set_column (w->sheet, 5, 5, 40, NULL));
  remember (w, worksheet_set_column (w->sheet, 6, 6, 20, NULL));
  remember (w, worksheet_set_column (w->sheet, 7, 7, 40, NULL));
  remember (w, worksheet_set_column (w->sheet, 8, 8, 16, NULL));
  worksheet_freeze_panes (w->sheet, 1, 0);

  return end_sheet (w, cancellable, error);
}

/* The format's version and what the numbers came from, for programs that
 * read the file (File ▸ Properties ▸ Custom in a spreadsheet). */
static gboolean
write_properties (Writer  *w,
                  GError **error)
{
  RdFramework *framework = w->content->framework;

  w->sheet_name = NULL;
  w->status = LXW_NO_ERROR;
  remember (w, workbook_set_custom_property_number (w->workbook, "readiness-format", RD_ANSWERS_XLSX_FORMAT));
  remember (w, workbook_set_custom_property_string (w->workbook, "readiness-framework",
                                                    rd_framework_get_id (framework)));
  remember (w, workbook_set_custom_property_string (w->workbook, "readiness-framework-version",
                                                    rd_framework_get_version (framework)));
  remember (w, workbook_set_custom_property_string (w->workbook, "readiness-mode",
                                                    rd_assessment_mode_to_id (w->content->mode)));
  remember (w, workbook_set_custom_property_number (w->workbook, "readiness-anonymity-threshold",
                                                    w->content->anonymity_threshold));

  if (w->status != LXW_NO_ERROR)
    {
      g_autofree char *reason = g_strdup_printf ("%s (%s)", _("the document properties could not be set"),
                                                 lxw_strerror (w->status));

      rd_export_file_set_error (error, w->path, G_IO_ERROR_FAILED, reason);
      return FALSE;
    }
  return TRUE;
}

static void
add_formats (Writer *w)
{
  w->header = workbook_add_format (w->workbook);
  format_set_bold (w->header);

  /* ISO dates read the same in every language. */
  w->date = workbook_add_format (w->workbook);
  format_set_num_format (w->date, "yyyy-mm-dd");

  w->score = workbook_add_format (w->workbook);
  format_set_num_format (w->score, "0");

  w->wrap = workbook_add_format (w->workbook);
  format_set_text_wrap (w->wrap);
  format_set_align (w->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* Whether errno says more than libxlsxwriter's message: only after the
 * failures that come from a file operation. */
static gboolean
status_has_errno (lxw_error status)
{
  return status == LXW_ERROR_CREATING_XLSX_FILE || status == LXW_ERROR_CREATING_TMPFILE ||
         status == LXW_ERROR_READING_TMPFILE || status == LXW_ERROR_ZIP_FILE_OPERATION ||
         status == LXW_ERROR_ZIP_FILE_ADD || status == LXW_ERROR_ZIP_CLOSE;
}

static gboolean
write_workbook (const char           *path,
                const char           *temp_path,
                const RdAnswersXlsx  *content,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(RdAnalysis) analysis = NULL;
  lxw_workbook_options options = { 0 };
  Writer w = { 0 };
  lxw_error status;
  int saved_errno;

  /* libxlsxwriter keeps each part in a temporary file until it zips
   * them; TMPDIR is honoured that way (and the sandbox's in Flatpak). */
  options.tmpdir = (char *) g_get_tmp_dir ();

  w.content = content;
  w.path = path;
  w.workbook = workbook_new_opt (temp_path, &options);
  if (w.workbook == NULL)
    {
      rd_export_file_set_error (error, path, G_IO_ERROR_FAILED, _("the workbook could not be started"));
      return FALSE;
    }

  add_formats (&w);
  analysis = rd_analysis_new (content->framework, content->mode, content->answers, content->targets);

  if (!write_answers (&w, cancellable, error) ||
      !write_items (&w, analysis, cancellable, error) ||
      !write_factors (&w, analysis, cancellable, error) ||
      !write_actions (&w, cancellable, error) ||
      !write_properties (&w, error))
    {
      /* Frees without writing anything. */
      lxw_workbook_free (w.workbook);
      return FALSE;
    }

  errno = 0;
  status = workbook_close (w.workbook);
  saved_errno = errno;
  if (status != LXW_NO_ERROR)
    {
      gboolean has_errno = status_has_errno (status) && saved_errno != 0;
      g_autofree char *reason = NULL;

      /* Translators: why an export failed; %s is the system's or the
       * spreadsheet library's (English) explanation */
      reason = g_strdup_printf (_("the workbook could not be saved (%s)"),
                                has_errno ? g_strerror (saved_errno) : lxw_strerror (status));
      rd_export_file_set_error (error, path, has_errno ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED,
                                reason);
      return FALSE;
    }

  return TRUE;
}

gboolean
rd_answers_xlsx_write (const char           *path,
                       const RdAnswersXlsx  *content,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(RdExportFile) file = NULL;
  locale_t numeric;
  locale_t base;
  locale_t previous;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = rd_export_file_begin (path, error);
  if (file == NULL)
    return FALSE;

  /* libxlsxwriter prints numbers with printf: under a locale with a
   * decimal comma 0.25 would be "0,25" in the XML, which Excel rejects.
   * Only this thread's LC_NUMERIC changes; translations stay. */
  base = duplocale (uselocale ((locale_t) 0));
  numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (numeric == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      rd_export_file_set_error (error, path, G_IO_ERROR_FAILED, g_strerror (errno));
      return FALSE;
    }

  previous = uselocale (numeric);
  ok = write_workbook (path, rd_export_file_get_temp_path (file), content, cancellable, error);
  uselocale (previous);
  freelocale (numeric);

  return ok && rd_export_file_commit (file, cancellable, error);
}
