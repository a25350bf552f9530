#define G_LOG_DOMAIN "rd-comparison-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rd-answers-csv.h"
#include "rd-comparison-export.h"
#include "rd-export-file.h"
#include "rd-xlsx-workbook.h"

/* Column widths, in characters: what a number takes, and the bounds. */
#define NUMBER_WIDTH 6
#define MIN_COLUMN_WIDTH 8
#define MAX_COLUMN_WIDTH 50

/* The caption, then the header: the table starts on the second row. */
#define HEADER_ROW 1

struct _RdComparisonExport
{
  RdComparison *comparison;   /* filtered; never changes */
  GArray *order;              /* of guint: the schools by name, A to Z */
  char *school_year;          /* NULL: none given */
  char *region;               /* NULL: every region */
  RdSchoolType school_type;   /* RD_SCHOOL_TYPE_UNSET: every type */
  char *framework_id;
  char *framework_version;
  char *framework_title;      /* in the UI language */
  guint n_areas;
  char **area_ids;            /* n_areas of each, from the framework */
  char **area_titles;
};

G_DEFINE_BOXED_TYPE (RdComparisonExport, rd_comparison_export, rd_comparison_export_ref,
                     rd_comparison_export_unref)

static const char * const view_ids[RD_N_COMPARISON_EXPORT_VIEWS] = {
  "factors", "areas", "distribution", "below-target",
};

/* By hand rather than from mkenums: rd-report has no enum header of its
 * own, and one enum does not warrant one. */
GType
rd_comparison_export_view_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { RD_COMPARISON_EXPORT_VIEW_FACTORS, "RD_COMPARISON_EXPORT_VIEW_FACTORS", "factors" },
        { RD_COMPARISON_EXPORT_VIEW_AREAS, "RD_COMPARISON_EXPORT_VIEW_AREAS", "areas" },
        { RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION, "RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION", "distribution" },
        { RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET, "RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET", "below-target" },
        { 0, NULL, NULL },
      };
      GType id = g_enum_register_static (g_intern_static_string ("RdComparisonExportView"), values);

      g_once_init_leave (&type, id);
    }

  return type;
}

const char *
rd_comparison_export_view_to_id (RdComparisonExportView view)
{
  g_return_val_if_fail (view < RD_N_COMPARISON_EXPORT_VIEWS, NULL);
  return view_ids[view];
}

gboolean
rd_comparison_export_view_from_id (const char             *id,
                                   RdComparisonExportView *view)
{
  g_return_val_if_fail (view != NULL, FALSE);

  for (guint v = 0; id != NULL && v < RD_N_COMPARISON_EXPORT_VIEWS; v++)
    {
      if (g_str_equal (id, view_ids[v]))
        {
          *view = (RdComparisonExportView) v;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
rd_comparison_export_view_get_title (RdComparisonExportView view)
{
  switch (view)
    {
    case RD_COMPARISON_EXPORT_VIEW_FACTORS:
      /* Translators: a sheet name in the exported workbook: at most 31
       * characters, and none of [ ] : * ? / or a backslash */
      return C_("sheet", "Factors");
    case RD_COMPARISON_EXPORT_VIEW_AREAS:
      /* Translators: a sheet name in the exported workbook: at most 31
       * characters, and none of [ ] : * ? / or a backslash */
      return C_("sheet", "Areas");
    case RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION:
      /* Translators: a sheet name in the exported workbook: at most 31
       * characters, and none of [ ] : * ? / or a backslash */
      return C_("sheet", "Distribution");
    case RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET:
      /* Translators: a sheet name in the exported workbook: at most 31
       * characters, and none of [ ] : * ? / or a backslash */
      return C_("sheet", "Below target");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Excel's fallback when a translated sheet name breaks its rules. */
static const char *
view_english_title (RdComparisonExportView view)
{
  static const char * const titles[RD_N_COMPARISON_EXPORT_VIEWS] = {
    "Factors", "Areas", "Distribution", "Below target",
  };

  return titles[view];
}

static char *
dup_tag (const char *tag)
{
  return tag != NULL && *tag != '\0' ? g_strdup (tag) : NULL;
}

RdComparisonExport *
rd_comparison_export_new (RdComparison *comparison,
                          RdFramework  *framework,
                          const char   *school_year,
                          const char   *region,
                          RdSchoolType  school_type)
{
  RdComparisonExport *self;
  const RdText *title;
  guint n_framework_areas;

  g_return_val_if_fail (RD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_atomic_rc_box_new0 (RdComparisonExport);
  self->school_year = dup_tag (school_year);
  self->region = dup_tag (region);
  self->school_type = school_type;

  /* Filtering what is already filtered keeps the same schools and
   * figures, so the file always matches the filters it names. */
  self->comparison = rd_comparison_filter (comparison, self->region, self->school_type);
  self->order = rd_comparison_sort (self->comparison, RD_COMPARISON_COLUMN_NAME, 0, FALSE);

  self->framework_id = g_strdup (rd_framework_get_id (framework));
  self->framework_version = g_strdup (rd_framework_get_version (framework));
  title = rd_framework_get_title (framework);
  self->framework_title = g_strdup (title != NULL ? rd_text_get_localized (title) : NULL);

  /* Titles in the language of now, so the worker never reads the
   * framework. A comparison with more areas than the framework is a
   * caller's mistake: the columns stay, named by position. */
  self->n_areas = rd_comparison_get_n_areas (self->comparison);
  n_framework_areas = rd_framework_get_n_areas (framework);
  if (self->n_areas != n_framework_areas)
    g_debug ("The comparison has %u areas, the framework %u", self->n_areas, n_framework_areas);
  self->area_ids = g_new0 (char *, self->n_areas + 1);
  self->area_titles = g_new0 (char *, self->n_areas + 1);
  for (guint a = 0; a < self->n_areas; a++)
    {
      RdArea *area = a < n_framework_areas ? rd_framework_get_area (framework, a) : NULL;
      const char *area_title = area != NULL ? rd_text_get_localized (rd_area_get_title (area)) : NULL;

      self->area_ids[a] = area != NULL ? g_strdup (rd_area_get_id (area)) : g_strdup_printf ("area-%u", a + 1);
      self->area_titles[a] = g_strdup (area_title != NULL ? area_title : self->area_ids[a]);
    }

  return self;
}

RdComparisonExport *
rd_comparison_export_ref (RdComparisonExport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
export_clear (gpointer data)
{
  RdComparisonExport *self = data;

  g_object_unref (self->comparison);
  g_array_unref (self->order);
  g_free (self->school_year);
  g_free (self->region);
  g_free (self->framework_id);
  g_free (self->framework_version);
  g_free (self->framework_title);
  g_strfreev (self->area_ids);
  g_strfreev (self->area_titles);
}

void
rd_comparison_export_unref (RdComparisonExport *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, export_clear);
}

guint
rd_comparison_export_get_n_schools (const RdComparisonExport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->order->len;
}

/* The workbook being written. */
typedef struct
{
  const RdComparisonExport *export;
  RdXlsxWorkbook *book;
  GArray *widths;           /* of guint: the widest cell per column of the sheet, in characters */
  lxw_format *caption;
  lxw_format *score;
} Writer;

static void
measure (Writer    *w,
         lxw_col_t  col,
         guint      width)
{
  if (col >= w->widths->len)
    g_array_set_size (w->widths, col + 1);
  if (width > g_array_index (w->widths, guint, col))
    g_array_index (w->widths, guint, col) = width;
}

/* A cell of the table, measured for its column's width; an empty one is
 * no cell. */
static void
put_text (Writer     *w,
          lxw_row_t   row,
          lxw_col_t   col,
          const char *text,
          lxw_format *format)
{
  glong length = rd_xlsx_workbook_put_text (w->book, row, col, text, format);

  if (length > 0)
    measure (w, col, (guint) length);
}

static void
put_number (Writer     *w,
            lxw_row_t   row,
            lxw_col_t   col,
            double      value,
            lxw_format *format)
{
  measure (w, col, NUMBER_WIDTH);
  rd_xlsx_workbook_put_number (w->book, row, col, value, format);
}

/* One view's table, written as CSV text or into a sheet: the two never
 * differ in their columns. */
typedef enum {
  CELL_COUNT,
  CELL_SCORE,
} CellKind;

typedef struct
{
  GString *csv;             /* the CSV so far; NULL when filling a sheet */
  Writer *w;
  lxw_row_t row;            /* in the sheet */
  lxw_col_t col;
} Table;

static void
next_cell (Table *t)
{
  if (t->csv != NULL && t->col > 0)
    g_string_append_c (t->csv, ',');
}

/* @csv_text in a CSV file, @sheet_text in the workbook. */
static void
add_text (Table      *t,
          const char *csv_text,
          const char *sheet_text,
          gboolean    header)
{
  next_cell (t);
  if (t->csv != NULL)
    {
      if (csv_text != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (csv_text, -1);

          rd_answers_csv_append_cell (t->csv, valid);
        }
    }
  else
    {
      put_text (t->w, t->row, t->col, sheet_text, header ? t->w->book->header : NULL);
    }
  t->col++;
}

/* A header: a fixed id in CSV, for programs; a title in the workbook. */
static void
add_header (Table      *t,
            const char *id,
            const char *title)
{
  add_text (t, id, title, TRUE);
}

static void
add_cell (Table      *t,
          const char *text)
{
  add_text (t, text, text, FALSE);
}

/* A fixed word: untranslated in CSV, translated in the workbook. */
static void
add_word (Table      *t,
          const char *id,
          const char *title)
{
  add_text (t, id, title, FALSE);
}

/* Two decimals are far finer than a score of 0–100 means and keep the
 * file readable; the workbook holds the full value. A number is never
 * made text: "-5" is a number to a spreadsheet, not a formula. */
static void
append_csv_number (GString *csv,
                   double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (value))
    return;

  value = round (value * 100) / 100;
  /* Rounding may leave -0, which would print as "-0". */
  if (value == 0)
    value = 0;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  end = buffer + strlen (buffer);
  while (end[-1] == '0')
    *--end = '\0';
  if (end[-1] == '.')
    *--end = '\0';
  g_string_append (csv, buffer);
}

static void
add_number (Table    *t,
            double    value,
            CellKind  kind)
{
  next_cell (t);
  if (t->csv != NULL)
    append_csv_number (t->csv, value);
  else
    put_number (t->w, t->row, t->col, value, kind == CELL_SCORE ? t->w->score : NULL);
  t->col++;
}

static void
end_row (Table *t)
{
  if (t->csv != NULL)
    g_string_append (t->csv, "\r\n");
  t->row++;
  t->col = 0;
}

static void
add_school_headers (Table *t)
{
  /* Translators: column headers of the exported comparison workbook */
  add_header (t, "school", C_("comparison column", "School"));
  add_header (t, "region", C_("comparison column", "Region"));
  add_header (t, "school-type", C_("comparison column", "School type"));
  add_header (t, "respondents", C_("comparison column", "Respondents"));
}

static void
add_school_cells (Table                *t,
                  const RdSchoolScores *scores)
{
  add_cell (t, scores->school_name);
  add_cell (t, scores->region);
  if (scores->school_type == RD_SCHOOL_TYPE_UNSET)
    add_cell (t, NULL);
  else
    add_word (t, rd_school_type_to_id (scores->school_type), rd_school_type_get_title (scores->school_type));
  add_number (t, scores->n_respondents, CELL_COUNT);
}

static void
add_difference (Table                    *t,
                const RdFactorDifference *difference)
{
  if (!difference->tested)
    {
      /* Translators: a school's readiness, compared with the other
       * schools', could not be tested (a cell of the exported comparison) */
      add_word (t, "not tested", C_("difference", "not tested"));
    }
  else if (difference->difference == RD_DIFFERENCE_ABOVE)
    {
      /* Translators: a school's readiness is meaningfully higher than the
       * other schools' (a cell of the exported comparison) */
      add_word (t, "higher", C_("difference", "higher"));
    }
  else if (difference->difference == RD_DIFFERENCE_BELOW)
    {
      /* Translators: a school's readiness is meaningfully lower than the
       * other schools' (a cell of the exported comparison) */
      add_word (t, "lower", C_("difference", "lower"));
    }
  else
    {
      /* Translators: a school's readiness is not meaningfully different
       * from the other schools' (a cell of the exported comparison) */
      add_word (t, "not different", C_("difference", "not different"));
    }
}

static void
fill_factors (const RdComparisonExport *self,
              Table                    *t)
{
  RdComparison *comparison = self->comparison;

  add_school_headers (t);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      const char *id = rd_factor_to_id (f);
      const char *factor = rd_factor_get_short_title (f);
      g_autofree char *readiness_id = g_strconcat (id, "-readiness", NULL);
      g_autofree char *target_id = g_strconcat (id, "-target", NULL);
      g_autofree char *gap_id = g_strconcat (id, "-gap", NULL);
      g_autofree char *difference_id = g_strconcat (id, "-difference", NULL);
      /* Translators: column headers of the exported comparison workbook;
       * %s is a success factor's short title, "Strategy readiness" */
      g_autofree char *readiness = g_strdup_printf (C_("comparison column", "%s readiness"), factor);
      g_autofree char *target = g_strdup_printf (C_("comparison column", "%s target"), factor);
      g_autofree char *gap = g_strdup_printf (C_("comparison column", "%s gap"), factor);
      g_autofree char *difference = g_strdup_printf (C_("comparison column", "%s difference"), factor);

      add_header (t, readiness_id, readiness);
      add_header (t, target_id, target);
      add_header (t, gap_id, gap);
      add_header (t, difference_id, difference);
    }
  end_row (t);

  for (guint i = 0; i < self->order->len; i++)
    {
      guint school = g_array_index (self->order, guint, i);
      const RdSchoolScores *scores = rd_comparison_get_school (comparison, school);

      add_school_cells (t, scores);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdFactorDifference difference;

          rd_comparison_get_difference (comparison, school, f, &difference);
          add_number (t, rd_comparison_get_value (comparison, school, RD_COMPARISON_COLUMN_FACTOR, f), CELL_SCORE);
          add_number (t, scores->target[f], CELL_SCORE);
          add_number (t, rd_comparison_get_value (comparison, school, RD_COMPARISON_COLUMN_GAP, f), CELL_SCORE);
          add_difference (t, &difference);
        }
      end_row (t);
    }
}

static void
fill_areas (const RdComparisonExport *self,
            Table                    *t)
{
  RdComparison *comparison = self->comparison;

  add_school_headers (t);
  for (guint a = 0; a < self->n_areas; a++)
    add_header (t, self->area_ids[a], self->area_titles[a]);
  end_row (t);

  for (guint i = 0; i < self->order->len; i++)
    {
      guint school = g_array_index (self->order, guint, i);

      add_school_cells (t, rd_comparison_get_school (comparison, school));
      for (guint a = 0; a < self->n_areas; a++)
        add_number (t, rd_comparison_get_value (comparison, school, RD_COMPARISON_COLUMN_AREA, a), CELL_SCORE);
      end_row (t);
    }
}

static void
add_distribution (Table                *t,
                  const RdDistribution *distribution)
{
  add_number (t, distribution->n, CELL_COUNT);
  add_number (t, distribution->n_missing, CELL_COUNT);
  add_number (t, distribution->min, CELL_SCORE);
  add_number (t, distribution->q1, CELL_SCORE);
  add_number (t, distribution->median, CELL_SCORE);
  add_number (t, distribution->q3, CELL_SCORE);
  add_number (t, distribution->max, CELL_SCORE);
  end_row (t);
}

static void
fill_distribution (const RdComparisonExport *self,
                   Table                    *t)
{
  RdDistribution distribution;

  /* Translators: column headers of the exported comparison workbook */
  add_header (t, "kind", C_("comparison column", "Kind"));
  add_header (t, "id", C_("comparison column", "Id"));
  add_header (t, "title", C_("comparison column", "Name"));
  /* Translators: a column header: how many schools have a value */
  add_header (t, "n", C_("comparison column", "Schools"));
  add_header (t, "missing", C_("comparison column", "Missing"));
  add_header (t, "min", C_("comparison column", "Minimum"));
  /* Translators: a column header: the first quartile */
  add_header (t, "q1", C_("comparison column", "Q1"));
  add_header (t, "median", C_("comparison column", "Median"));
  /* Translators: a column header: the third quartile */
  add_header (t, "q3", C_("comparison column", "Q3"));
  add_header (t, "max", C_("comparison column", "Maximum"));
  end_row (t);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      /* Translators: what a row of the comparison's distribution sheet describes */
      add_word (t, "factor", C_("comparison kind", "Success factor"));
      add_cell (t, rd_factor_to_id (f));
      add_cell (t, rd_factor_get_title (f));
      rd_comparison_get_distribution (self->comparison, RD_COMPARISON_COLUMN_FACTOR, f, &distribution);
      add_distribution (t, &distribution);
    }

  for (guint a = 0; a < self->n_areas; a++)
    {
      /* Translators: what a row of the comparison's distribution sheet describes */
      add_word (t, "area", C_("comparison kind", "Area"));
      add_cell (t, self->area_ids[a]);
      add_cell (t, self->area_titles[a]);
      rd_comparison_get_distribution (self->comparison, RD_COMPARISON_COLUMN_AREA, a, &distribution);
      add_distribution (t, &distribution);
    }
}

static void
fill_below_target (const RdComparisonExport *self,
                   Table                    *t)
{
  /* Translators: column headers of the exported comparison workbook: how
   * many schools are below their target, have reached it, or cannot tell */
  add_header (t, "factor", C_("comparison column", "Id"));
  add_header (t, "title", C_("comparison column", "Name"));
  add_header (t, "below", C_("comparison column", "Below target"));
  add_header (t, "reached", C_("comparison column", "Target reached"));
  add_header (t, "unknown", C_("comparison column", "Unknown"));
  end_row (t);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      RdTargetCount count;

      rd_comparison_count_below_target (self->comparison, f, &count);
      add_cell (t, rd_factor_to_id (f));
      add_cell (t, rd_factor_get_title (f));
      add_number (t, count.below, CELL_COUNT);
      add_number (t, count.reached, CELL_COUNT);
      add_number (t, count.unknown, CELL_COUNT);
      end_row (t);
    }
}

static void
fill_view (const RdComparisonExport *self,
           RdComparisonExportView    view,
           Table                    *t)
{
  switch (view)
    {
    case RD_COMPARISON_EXPORT_VIEW_FACTORS:
      fill_factors (self, t);
      break;
    case RD_COMPARISON_EXPORT_VIEW_AREAS:
      fill_areas (self, t);
      break;
    case RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION:
      fill_distribution (self, t);
      break;
    case RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET:
      fill_below_target (self, t);
      break;
    default:
      g_assert_not_reached ();
    }
}

GBytes *
rd_comparison_export_csv (const RdComparisonExport *self,
                          RdComparisonExportView    view)
{
  Table t = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view < RD_N_COMPARISON_EXPORT_VIEWS, NULL);

  t.csv = g_string_new (NULL);
  fill_view (self, view, &t);
  return g_string_free_to_bytes (t.csv);
}

gboolean
rd_comparison_export_write_csv (const RdComparisonExport  *self,
                                RdComparisonExportView     view,
                                const char                *path,
                                GCancellable              *cancellable,
                                GError                   **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view < RD_N_COMPARISON_EXPORT_VIEWS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = rd_comparison_export_csv (self, view);
  return rd_export_file_write_bytes (path, contents, cancellable, error);
}

/* One line saying what the numbers are: the sheets get printed, mailed
 * and read apart from the app. */
static char *
describe_export (const RdComparisonExport *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_schools = self->order->len;
  g_autofree char *details = NULL;

  if (self->school_year != NULL)
    /* Translators: part of the caption of the exported comparison; %s is a school year */
    g_ptr_array_add (parts, g_strdup_printf (_("school year %s"), self->school_year));
  if (self->region != NULL)
    /* Translators: part of the caption of the exported comparison; %s is a region */
    g_ptr_array_add (parts, g_strdup_printf (_("region %s"), self->region));
  else
    /* Translators: part of the caption of the exported comparison */
    g_ptr_array_add (parts, g_strdup (_("all regions")));
  if (self->school_type != RD_SCHOOL_TYPE_UNSET)
    /* Translators: part of the caption of the exported comparison; %s is
     * a school type, "Primary education" */
    g_ptr_array_add (parts, g_strdup_printf (_("school type %s"), rd_school_type_get_title (self->school_type)));
  else
    /* Translators: part of the caption of the exported comparison */
    g_ptr_array_add (parts, g_strdup (_("all school types")));
  /* Translators: part of the caption of the exported comparison */
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools),
                                           n_schools));
  /* Translators: part of the caption of the exported comparison; the
   * first %s is the framework's title, the second its version */
  g_ptr_array_add (parts, g_strdup_printf (_("framework “%s”, version %s"),
                                           self->framework_title != NULL ? self->framework_title
                                                                         : self->framework_id,
                                           self->framework_version));
  g_ptr_array_add (parts, NULL);

  details = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: the caption atop every sheet of the exported comparison;
   * %s lists the school year, the filters, the number of schools and the
   * framework */
  return g_strdup_printf (_("Comparison of schools: %s"), details);
}

/* Notes below each view's table, after an empty row, so that a
 * spreadsheet's automatic range stops before them. */
static const char * const view_notes[RD_N_COMPARISON_EXPORT_VIEWS][4] = {
  [RD_COMPARISON_EXPORT_VIEW_FACTORS] = {
    /* Translators: a note below the comparison's factors sheet */
    N_("Gap: how far the readiness lies below the school’s target (target minus readiness); 0 once "
       "the target is reached."),
    /* Translators: a note below the comparison's factors sheet; the
     * words in quotes are the ones the Difference columns hold */
    /* xgettext:no-c-format */
    N_("Difference: “higher” or “lower” when the median of the other schools lies outside "
       "the 95 % confidence interval of the school’s readiness, “not different” when inside it."),
    /* Translators: a note below the comparison's factors sheet */
    N_("“Not tested”: fewer than two respondents, a summary without their spread, no readiness, "
       "or no other school with one."),
  },
  [RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION] = {
    /* Translators: a note below the comparison's distribution sheet;
     * QUARTILE.INC is a spreadsheet function's name in English */
    N_("Median and quartiles as the spreadsheet function QUARTILE.INC computes them. Schools "
       "without a value count as missing, not as 0."),
  },
  [RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET] = {
    /* Translators: a note below the comparison's below-target sheet */
    N_("Below target: readiness under the school’s own target; exactly on target counts as "
       "reached. Unknown: no readiness or no target."),
  },
};

static void
put_view_notes (Writer                 *w,
                RdComparisonExportView  view,
                lxw_row_t               row)
{
  const char * const *notes = view_notes[view];

  /* Not measured: a note may run on over the empty cells to its right. */
  for (guint i = 0; i < G_N_ELEMENTS (view_notes[view]) && notes[i] != NULL; i++)
    rd_xlsx_workbook_put_text (w->book, row + 1 + i, 0, _(notes[i]), NULL);
}

static gboolean
write_sheet (Writer                  *w,
             RdComparisonExportView   view,
             const char              *caption,
             GCancellable            *cancellable,
             GError                 **error)
{
  RdXlsxWorkbook *book = w->book;
  Table t = { NULL, w, HEADER_ROW, 0 };
  /* The school's name stays in view beside the figures. */
  lxw_col_t frozen_cols = view <= RD_COMPARISON_EXPORT_VIEW_AREAS ? 1 : 0;

  if (!rd_xlsx_workbook_begin_sheet (book, rd_comparison_export_view_get_title (view), view_english_title (view),
                                     error))
    return FALSE;
  g_array_set_size (w->widths, 0);

  /* Not measured: the caption runs on over the empty cells to its right. */
  rd_xlsx_workbook_put_text (book, 0, 0, caption, w->caption);
  fill_view (w->export, view, &t);
  put_view_notes (w, view, t.row);

  for (guint c = 0; c < w->widths->len; c++)
    {
      guint width = CLAMP (g_array_index (w->widths, guint, c) + 2, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);

      rd_xlsx_workbook_set_column (book, c, c, width);
    }
  /* The caption and the header stay in view, and on every printed page. */
  worksheet_freeze_panes (book->sheet, HEADER_ROW + 1, frozen_cols);
  rd_xlsx_workbook_remember (book, worksheet_repeat_rows (book->sheet, 0, HEADER_ROW));
  worksheet_set_landscape (book->sheet);
  /* A table of every school is too wide to shrink onto one page: it
   * prints across pages, each with the schools' names. */
  if (frozen_cols > 0)
    rd_xlsx_workbook_remember (book, worksheet_repeat_columns (book->sheet, 0, frozen_cols - 1));
  else
    worksheet_fit_to_pages (book->sheet, 1, 0);

  return rd_xlsx_workbook_end_sheet (book, cancellable, error);
}

/* The format's version and what the numbers came from, for programs that
 * read the file. A filter that is not set has no property. */
static void
write_properties (const RdComparisonExport *self,
                  RdXlsxWorkbook           *book,
                  const char               *caption)
{
  /* Translators: the title in the exported comparison's document properties */
  rd_xlsx_workbook_set_title (book, _("Comparison of schools"), caption);
  rd_xlsx_workbook_set_number_property (book, "readiness-format", RD_COMPARISON_EXPORT_FORMAT);
  rd_xlsx_workbook_set_property (book, "readiness-document", "comparison");
  rd_xlsx_workbook_set_property (book, "readiness-framework", self->framework_id);
  rd_xlsx_workbook_set_property (book, "readiness-framework-version", self->framework_version);
  if (self->school_year != NULL)
    rd_xlsx_workbook_set_property (book, "readiness-school-year", self->school_year);
  if (self->region != NULL)
    rd_xlsx_workbook_set_property (book, "readiness-region", self->region);
  if (self->school_type != RD_SCHOOL_TYPE_UNSET)
    rd_xlsx_workbook_set_property (book, "readiness-school-type", rd_school_type_to_id (self->school_type));
  rd_xlsx_workbook_set_number_property (book, "readiness-schools", self->order->len);
}

gboolean
rd_comparison_export_write_xlsx (const RdComparisonExport  *self,
                                 const char                *path,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  g_autoptr(RdXlsxWorkbook) book = NULL;
  g_autoptr(GArray) widths = NULL;
  g_autofree char *caption = NULL;
  Writer w = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  book = rd_xlsx_workbook_begin (path, cancellable, error);
  if (book == NULL)
    return FALSE;

  widths = g_array_new (FALSE, TRUE, sizeof (guint));
  caption = describe_export (self);
  w.export = self;
  w.book = book;
  w.widths = widths;
  w.caption = workbook_add_format (book->workbook);
  format_set_bold (w.caption);
  /* One decimal tells close schools apart; the cell keeps every digit. */
  w.score = workbook_add_format (book->workbook);
  format_set_num_format (w.score, "0.0");

  for (guint v = 0; v < RD_N_COMPARISON_EXPORT_VIEWS; v++)
    if (!write_sheet (&w, (RdComparisonExportView) v, caption, cancellable, error))
      return FALSE;
  write_properties (self, book, caption);

  return rd_xlsx_workbook_finish (book, cancellable, error);
}
