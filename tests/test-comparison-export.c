#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-comparison-export.h"
#include "rd-test-comparison.h"
#include "rd-test-files.h"
#include "rd-test-fixtures.h"

#define EPSILON 1e-9

/* The school year and filters an export is made for. */
typedef struct {
  const char *school_year;
  const char *region;
  RdSchoolType school_type;
} Selection;

static const Selection all_schools = { "2025–2026", NULL, RD_SCHOOL_TYPE_UNSET };
static const Selection north = { "2025–2026", "North", RD_SCHOOL_TYPE_UNSET };
static const Selection west = { "2025–2026", "West", RD_SCHOOL_TYPE_UNSET };
static const Selection north_primary = { NULL, "North", RD_SCHOOL_TYPE_PRIMARY };

/* @selection NULL: all schools. */
static RdComparisonExport *
make_export (const Selection *selection)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(RdComparison) comparison = rd_test_three_schools ();

  if (selection == NULL)
    selection = &all_schools;
  /* The snapshot keeps what it needs: everything else goes away here. */
  return rd_comparison_export_new (comparison, framework, selection->school_year,
                                   selection->region, selection->school_type);
}

static char *
csv_text (const RdComparisonExport *export,
          RdComparisonExportView    view)
{
  g_autoptr(GBytes) bytes = rd_comparison_export_csv (export, view);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate (data, size, NULL));
  return g_strndup (data, size);
}

static char *
write_workbook (const RdComparisonExport *export,
                const char               *folder)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "comparison.xlsx", NULL);

  g_assert_true (rd_comparison_export_write_xlsx (export, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The tests of the xlsx: a workbook of the Selection passed as test data,
 * written into a folder of its own that goes afterwards. */
typedef struct {
  char      *folder;
  char      *path;
  GPtrArray *strings;
} Workbook;

static void
workbook_set_up (Workbook      *workbook,
                 gconstpointer  selection)
{
  g_autoptr(RdComparisonExport) export = make_export (selection);

  workbook->folder = rd_test_make_folder ("comparison-export-XXXXXX");
  workbook->path = write_workbook (export, workbook->folder);
  workbook->strings = rd_test_xlsx_shared_strings (workbook->path);
}

static void
workbook_tear_down (Workbook      *workbook,
                    gconstpointer  selection)
{
  rd_test_remove_folder (workbook->folder);
  g_free (workbook->folder);
  g_free (workbook->path);
  g_ptr_array_unref (workbook->strings);
}

#define add_workbook_test(path, selection, func) \
  g_test_add (path, Workbook, selection, workbook_set_up, func, workbook_tear_down)

static void
test_view_ids (void)
{
  GEnumClass *class = g_type_class_ref (RD_TYPE_COMPARISON_EXPORT_VIEW);
  RdComparisonExportView view;

  for (guint v = 0; v < RD_N_COMPARISON_EXPORT_VIEWS; v++)
    {
      const char *id = rd_comparison_export_view_to_id (v);
      const char *title = rd_comparison_export_view_get_title (v);

      g_assert_true (rd_comparison_export_view_from_id (id, &view));
      g_assert_cmpuint (view, ==, v);
      g_assert_cmpint (g_enum_get_value_by_nick (class, id)->value, ==, (int) v);
      g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 31);
    }
  g_assert_cmpstr (rd_comparison_export_view_to_id (RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET), ==, "below-target");
  g_assert_false (rd_comparison_export_view_from_id ("Factors", &view));
  g_assert_false (rd_comparison_export_view_from_id (NULL, &view));

  g_type_class_unref (class);
}

typedef struct {
  const char             *path;
  RdComparisonExportView  view;
  const char             *expected;
} CsvView;

/* Each view of all three schools, whole. */
static const CsvView csv_views[] = {
  /* By name; the formula-like name quoted and neutralised, unknown
   * figures empty, the gap 0 at or above target, two decimals at most. */
  { "/comparison-export/csv/factors", RD_COMPARISON_EXPORT_VIEW_FACTORS,
    "school,region,school-type,respondents,"
    "strategy-readiness,strategy-target,strategy-gap,strategy-difference,"
    "engagement-readiness,engagement-target,engagement-gap,engagement-difference,"
    "capacity-readiness,capacity-target,capacity-gap,capacity-difference,"
    "investment-readiness,investment-target,investment-gap,investment-difference\r\n"
    "\"'=SUM(A1,A2)\",North,primary,16,"
    "80,60,0,higher,50,60,10,lower,,60,,not tested,70.25,70,0,not tested\r\n"
    "Tulpschool,North,primary,25,"
    "62.5,60,0,not different,58,60,2,not different,45,60,15,not tested,33.33,60,26.67,not tested\r\n"
    "Zuidschool,South,secondary,1,"
    "30,60,30,not tested,,60,,not tested,,60,,not tested,90,60,0,not tested\r\n" },
  { "/comparison-export/csv/areas", RD_COMPARISON_EXPORT_VIEW_AREAS,
    "school,region,school-type,respondents,alpha,beta\r\n"
    "\"'=SUM(A1,A2)\",North,primary,16,75,\r\n"
    "Tulpschool,North,primary,25,12.5,100\r\n"
    "Zuidschool,South,secondary,1,,0\r\n" },
  /* Quartiles as QUARTILE.INC: strategy 30, 62.5, 80 gives Q1 46.25 and
   * Q3 71.25; investment's 100/3 rounds to two decimals. */
  { "/comparison-export/csv/distribution", RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION,
    "kind,id,title,n,missing,min,q1,median,q3,max\r\n"
    "factor,strategy,A strategic approach to digital education,3,0,30,46.25,62.5,71.25,80\r\n"
    "factor,engagement,Coordination and stakeholder engagement,2,1,50,52,54,56,58\r\n"
    "factor,capacity,Capacity building for leaders and staff,1,2,45,45,45,45,45\r\n"
    "factor,investment,Fair and impact-oriented investment,3,0,33.33,51.79,70.25,80.13,90\r\n"
    "area,alpha,Alpha,2,1,12.5,28.13,43.75,59.38,75\r\n"
    "area,beta,Beta,2,1,0,25,50,75,100\r\n" },
  /* A school exactly on its target (none here) would have reached it. */
  { "/comparison-export/csv/below-target", RD_COMPARISON_EXPORT_VIEW_BELOW_TARGET,
    "factor,title,below,reached,unknown\r\n"
    "strategy,A strategic approach to digital education,1,2,0\r\n"
    "engagement,Coordination and stakeholder engagement,2,0,1\r\n"
    "capacity,Capacity building for leaders and staff,1,0,2\r\n"
    "investment,Fair and impact-oriented investment,1,2,0\r\n" },
};

static void
test_csv_view (gconstpointer data)
{
  const CsvView *expected = data;
  g_autoptr(RdComparisonExport) export = make_export (NULL);
  g_autofree char *csv = csv_text (export, expected->view);

  g_assert_cmpstr (csv, ==, expected->expected);
}

/* No school at all: headers, counts of 0 and empty figures. */
static void
test_csv_empty (void)
{
  g_autoptr(RdComparisonExport) export = make_export (&west);
  g_autofree char *factors = csv_text (export, RD_COMPARISON_EXPORT_VIEW_FACTORS);
  g_autofree char *distribution = csv_text (export, RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION);

  g_assert_cmpuint (rd_comparison_export_get_n_schools (export), ==, 0);
  g_assert_true (g_str_has_prefix (factors, "school,region,"));
  g_assert_true (g_str_has_suffix (factors, "investment-difference\r\n"));
  g_assert_nonnull (strstr (distribution, "\r\nfactor,strategy,A strategic approach to digital education,0,0,,,,,\r\n"));
  g_assert_true (g_str_has_suffix (distribution, "\r\narea,beta,Beta,0,0,,,,,\r\n"));
}

/* The filter is applied, and the others' median and the distribution are
 * those of the filtered schools. */
static void
test_csv_filtered (void)
{
  g_autoptr(RdComparisonExport) export = make_export (&north);
  g_autofree char *factors = csv_text (export, RD_COMPARISON_EXPORT_VIEW_FACTORS);
  g_autofree char *distribution = csv_text (export, RD_COMPARISON_EXPORT_VIEW_DISTRIBUTION);
  g_auto(GStrv) lines = g_strsplit (factors, "\r\n", -1);

  g_assert_cmpuint (rd_comparison_export_get_n_schools (export), ==, 2);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "\"'=SUM(A1,A2)\",North,primary,16,80,60,0,higher,"));
  /* Against 80 alone Tulpschool's 62.5 ± 9.8 is lower. */
  g_assert_true (g_str_has_prefix (lines[2], "Tulpschool,North,primary,25,62.5,60,0,lower,"));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_nonnull (strstr (distribution, "\r\nfactor,strategy,A strategic approach to digital education,"
                                          "2,0,62.5,66.88,71.25,75.63,80\r\n"));
}

static void
test_write_csv (void)
{
  g_autoptr(RdComparisonExport) export = make_export (NULL);
  g_autofree char *folder = rd_test_make_folder ("comparison-export-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "areas.csv", NULL);
  g_autofree char *expected = csv_text (export, RD_COMPARISON_EXPORT_VIEW_AREAS);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (rd_comparison_export_write_csv (export, RD_COMPARISON_EXPORT_VIEW_AREAS, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  rd_test_assert_mode (path, 0600);
  rd_test_assert_listing (folder, "areas.csv");

  rd_test_remove_folder (folder);
}

/* Four sheets in order, the format's version and what the numbers came
 * from, a new file only its owner reads, nothing else left behind. */
static void
test_workbook (Workbook      *workbook,
               gconstpointer  selection)
{
  g_autofree char *xml = rd_test_xlsx_read_part (workbook->path, "xl/workbook.xml");
  g_autofree char *custom = rd_test_xlsx_read_part (workbook->path, "docProps/custom.xml");
  g_autofree char *core = rd_test_xlsx_read_part (workbook->path, "docProps/core.xml");
  g_autofree char *sheets = rd_test_match (xml, "<sheets>(.*)</sheets>");

  g_assert_nonnull (sheets);
  g_assert_nonnull (strstr (sheets, "<sheet name=\"Factors\" sheetId=\"1\""));
  g_assert_nonnull (strstr (sheets, "<sheet name=\"Areas\" sheetId=\"2\""));
  g_assert_nonnull (strstr (sheets, "<sheet name=\"Distribution\" sheetId=\"3\""));
  g_assert_nonnull (strstr (sheets, "<sheet name=\"Below target\" sheetId=\"4\""));
  g_assert_null (strstr (sheets, "sheetId=\"5\""));

  rd_test_assert_matches (custom, "name=\"readiness-format\"><vt:r8>(2)</vt:r8>");
  rd_test_assert_matches (custom, "name=\"readiness-document\"><vt:lpwstr>(comparison)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-framework\"><vt:lpwstr>(small-fixture)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-framework-version\"><vt:lpwstr>(1\\.0)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-school-year\"><vt:lpwstr>(2025–2026)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-schools\"><vt:r8>(3)</vt:r8>");
  /* No filter, no property. */
  g_assert_null (strstr (custom, "readiness-region"));
  g_assert_null (strstr (custom, "readiness-school-type"));
  rd_test_assert_matches (core, "<dc:title>(Comparison of schools)</dc:title>");

  rd_test_assert_mode (workbook->path, 0600);
  rd_test_assert_listing (workbook->folder, "comparison.xlsx");
}

/* What a cell must hold: @text, else @number, else (NAN) nothing. */
typedef struct {
  const char *ref;
  const char *text;
  double      number;
} Cell;

static void
assert_cells (const char *sheet,
              GPtrArray  *strings,
              const Cell *cells,
              guint       n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      g_test_message ("cell %s", cells[i].ref);
      if (cells[i].text != NULL)
        g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, cells[i].ref), ==, cells[i].text);
      else if (isnan (cells[i].number))
        g_assert_false (rd_test_xlsx_has_cell (sheet, cells[i].ref));
      else
        g_assert_cmpfloat (rd_test_xlsx_cell_number (sheet, cells[i].ref), ==, cells[i].number);
    }
}

/* The caption, a bold frozen header, text as text (never a formula),
 * figures as numbers with one decimal shown, unknown figures absent. */
static void
test_factors_sheet (Workbook      *workbook,
                    gconstpointer  selection)
{
  static const Cell cells[] = {
    { "A1", "Comparison of schools: school year 2025–2026, all regions, all school types, 3 schools, "
            "framework “Small fixture”, version 1.0" },
    { "A2", "School" }, { "D2", "Respondents" }, { "E2", "Strategy readiness" },
    { "H2", "Strategy difference" }, { "T2", "Investment difference" },
    /* A spreadsheet shows the name as typed and never runs it. */
    /* The type by its title; the CSV has its id. */
    { "A3", "=SUM(A1,A2)" }, { "B3", "North" }, { "C3", "Primary education" }, { "D3", NULL, 16 },
    { "E3", NULL, 80 }, { "F3", NULL, 60 }, { "G3", NULL, 0 }, { "H3", "higher" },
    { "L3", "lower" }, { "M3", NULL, NAN }, { "N3", NULL, 60 }, { "O3", NULL, NAN },
    { "P3", "not tested" }, { "S3", NULL, 0 }, { "K3", NULL, 10 },
    { "A4", "Tulpschool" }, { "H4", "not different" },
    { "A5", "Zuidschool" }, { "C5", "Secondary education" }, { "A6", NULL, NAN },
  };
  g_autofree char *sheet = rd_test_xlsx_read_part (workbook->path, "xl/worksheets/sheet1.xml");
  g_autofree char *styles = rd_test_xlsx_read_part (workbook->path, "xl/styles.xml");
  g_autofree char *format = rd_test_xlsx_cell_number_format (sheet, styles, "E3");

  assert_cells (sheet, workbook->strings, cells, G_N_ELEMENTS (cells));
  g_assert_true (rd_test_xlsx_cell_is_bold (sheet, styles, "A2"));
  g_assert_true (rd_test_xlsx_cell_is_bold (sheet, styles, "T2"));
  rd_test_assert_matches (sheet, "(<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" [^>]*state=\"frozen\")");
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_cmpstr (format, ==, "0.0");
  /* The full value, not the CSV's two decimals. */
  g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (sheet, "Q4"), 100.0 / 3, EPSILON);

  /* Columns as wide as their header, at least. */
  rd_test_assert_matches (sheet, "<col min=\"20\" max=\"20\" width=\"(2[1-9](\\.\\d+)?)\"");
}

static void
test_areas_sheet (Workbook      *workbook,
                  gconstpointer  selection)
{
  static const Cell cells[] = {
    { "E2", "Alpha" }, { "F2", "Beta" }, { "G2", NULL, NAN },
    { "E3", NULL, 75 }, { "F3", NULL, NAN },
    { "E4", NULL, 12.5 }, { "F4", NULL, 100 },
    { "E5", NULL, NAN }, { "F5", NULL, 0 },
  };
  g_autofree char *sheet = rd_test_xlsx_read_part (workbook->path, "xl/worksheets/sheet2.xml");

  assert_cells (sheet, workbook->strings, cells, G_N_ELEMENTS (cells));
}

static void
assert_figure (const char *sheet,
               char        column,
               guint       row,
               double      expected)
{
  char ref[16];

  g_snprintf (ref, sizeof ref, "%c%u", column, row);
  if (isnan (expected))
    g_assert_false (rd_test_xlsx_has_cell (sheet, ref));
  else
    g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (sheet, ref), expected, EPSILON);
}

static void
assert_distribution_row (const char           *sheet,
                         guint                 row,
                         const RdDistribution *expected)
{
  assert_figure (sheet, 'D', row, expected->n);
  assert_figure (sheet, 'E', row, expected->n_missing);
  assert_figure (sheet, 'F', row, expected->min);
  assert_figure (sheet, 'G', row, expected->q1);
  assert_figure (sheet, 'H', row, expected->median);
  assert_figure (sheet, 'I', row, expected->q3);
  assert_figure (sheet, 'J', row, expected->max);
}

/* The figures are the comparison's own, for factors then areas, for the
 * whole region and for a filtered one. */
static void
test_distribution_sheet (Workbook      *workbook,
                         gconstpointer  data)
{
  const Selection *selection = data;
  g_autoptr(RdComparison) comparison = rd_test_three_schools ();
  g_autoptr(RdComparison) expected = rd_comparison_filter (comparison, selection->region, selection->school_type);
  g_autofree char *sheet = rd_test_xlsx_read_part (workbook->path, "xl/worksheets/sheet3.xml");
  GPtrArray *strings = workbook->strings;
  guint row = 3;

  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "G2"), ==, "Q1");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "H2"), ==, "Median");
  for (guint f = 0; f < RD_N_FACTORS; f++, row++)
    {
      RdDistribution distribution;
      char ref[8];

      g_snprintf (ref, sizeof ref, "B%u", row);
      g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, ref), ==, rd_factor_to_id (f));
      rd_comparison_get_distribution (expected, RD_COMPARISON_COLUMN_FACTOR, f, &distribution);
      assert_distribution_row (sheet, row, &distribution);
    }
  for (guint a = 0; a < rd_comparison_get_n_areas (expected); a++, row++)
    {
      RdDistribution distribution;
      char ref[8];

      g_snprintf (ref, sizeof ref, "A%u", row);
      g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, ref), ==, "Area");
      rd_comparison_get_distribution (expected, RD_COMPARISON_COLUMN_AREA, a, &distribution);
      assert_distribution_row (sheet, row, &distribution);
    }

  /* After an empty row, how the quartiles are computed. */
  g_assert_false (rd_test_xlsx_has_cell (sheet, "A9"));
  g_assert_nonnull (strstr (rd_test_xlsx_cell_text (sheet, strings, "A10"), "QUARTILE.INC"));

  /* Not a trivial pass: the filter leaves two schools of three. */
  g_assert_cmpfloat (rd_test_xlsx_cell_number (sheet, "D3"), ==, selection->region == NULL ? 3 : 2);
}

static void
test_below_target_sheet (Workbook      *workbook,
                         gconstpointer  selection)
{
  static const Cell cells[] = {
    { "C2", "Below target" },
    { "A4", "engagement" }, { "C4", NULL, 2 }, { "D4", NULL, 0 }, { "E4", NULL, 1 },
  };
  g_autofree char *sheet = rd_test_xlsx_read_part (workbook->path, "xl/worksheets/sheet4.xml");

  assert_cells (sheet, workbook->strings, cells, G_N_ELEMENTS (cells));
}

/* The filters as properties and in the caption. */
static void
test_filtered_workbook (Workbook      *workbook,
                        gconstpointer  selection)
{
  g_autofree char *custom = rd_test_xlsx_read_part (workbook->path, "docProps/custom.xml");
  g_autofree char *sheet = rd_test_xlsx_read_part (workbook->path, "xl/worksheets/sheet2.xml");
  GPtrArray *strings = workbook->strings;

  rd_test_assert_matches (custom, "name=\"readiness-region\"><vt:lpwstr>(North)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-school-type\"><vt:lpwstr>(primary)</vt:lpwstr>");
  rd_test_assert_matches (custom, "name=\"readiness-schools\"><vt:r8>(2)</vt:r8>");
  g_assert_null (strstr (custom, "readiness-school-year"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "A1"), ==,
                   "Comparison of schools: region North, school type Primary education, 2 schools, "
                   "framework “Small fixture”, version 1.0");
  g_assert_false (rd_test_xlsx_has_cell (sheet, "A5"));
}

/* A missing folder: the error names the file, nothing is created. */
static void
test_missing_folder (void)
{
  g_autoptr(RdComparisonExport) export = make_export (NULL);
  g_autofree char *folder = rd_test_make_folder ("comparison-export-XXXXXX");
  g_autofree char *missing = g_build_filename (folder, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "comparison.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rd_comparison_export_write_xlsx (export, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write "));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (rd_comparison_export_write_csv (export, RD_COMPARISON_EXPORT_VIEW_FACTORS, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));

  rd_test_assert_listing (folder, "");

  rd_test_remove_folder (folder);
}

static gboolean
write_xlsx (const char    *path,
            gconstpointer  export,
            GCancellable  *cancellable,
            GError       **error)
{
  return rd_comparison_export_write_xlsx (export, path, cancellable, error);
}

/* A cancel before the end leaves an existing file as it was. */
static void
test_cancel (void)
{
  g_autoptr(RdComparisonExport) export = make_export (NULL);

  rd_test_assert_cancel_keeps_file ("comparison.xlsx", write_xlsx, export);
}

static gpointer
write_in_thread (gpointer data)
{
  const RdComparisonExport *export = data;
  g_autofree char *folder = rd_test_make_folder ("comparison-export-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "comparison.xlsx", NULL);
  g_autofree char *csv = g_build_filename (folder, "comparison.csv", NULL);
  gboolean ok;

  ok = rd_comparison_export_write_xlsx (export, path, NULL, NULL) &&
       rd_comparison_export_write_csv (export, RD_COMPARISON_EXPORT_VIEW_FACTORS, csv, NULL, NULL) &&
       g_file_test (path, G_FILE_TEST_IS_REGULAR);
  rd_test_remove_folder (folder);
  return GINT_TO_POINTER (ok);
}

/* As the app runs it: the snapshot taken here, written by two workers at
 * once. */
static void
test_worker_threads (void)
{
  g_autoptr(RdComparisonExport) export = make_export (NULL);
  GThread *first = g_thread_new ("export", write_in_thread, export);
  GThread *second = g_thread_new ("export", write_in_thread, export);

  g_assert_true (GPOINTER_TO_INT (g_thread_join (first)));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (second)));
}

static gboolean
write_areas_csv (const char    *path,
                 gconstpointer  export,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return rd_comparison_export_write_csv (export, RD_COMPARISON_EXPORT_VIEW_AREAS, path, cancellable, error);
}

/* Neither the workbook nor the CSV takes a decimal comma from the user's
 * locale. */
static void
test_decimal_comma_locale (void)
{
  g_autoptr(RdComparisonExport) export = make_export (NULL);
  g_autofree char *folder = rd_test_make_folder ("comparison-export-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "comparison.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (folder, "areas.csv", NULL);

  if (rd_test_write_in_comma_locale (path, write_xlsx, export) &&
      rd_test_write_in_comma_locale (csv_path, write_areas_csv, export))
    {
      g_autofree char *sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet1.xml");
      g_autofree char *csv = NULL;

      g_assert_cmpfloat (rd_test_xlsx_cell_number (sheet, "E4"), ==, 62.5);
      g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
      g_assert_nonnull (strstr (csv, ",12.5,100\r\n"));
    }

  rd_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, while no thread runs: it may set LOCPATH. */
  g_test_add_func ("/comparison-export/decimal-comma-locale", test_decimal_comma_locale);
  g_test_add_func ("/comparison-export/view-ids", test_view_ids);
  for (guint i = 0; i < G_N_ELEMENTS (csv_views); i++)
    g_test_add_data_func (csv_views[i].path, &csv_views[i], test_csv_view);
  g_test_add_func ("/comparison-export/csv/empty", test_csv_empty);
  g_test_add_func ("/comparison-export/csv/filtered", test_csv_filtered);
  g_test_add_func ("/comparison-export/csv/write", test_write_csv);
  add_workbook_test ("/comparison-export/xlsx/workbook", &all_schools, test_workbook);
  add_workbook_test ("/comparison-export/xlsx/factors", &all_schools, test_factors_sheet);
  add_workbook_test ("/comparison-export/xlsx/areas", &all_schools, test_areas_sheet);
  add_workbook_test ("/comparison-export/xlsx/distribution", &all_schools, test_distribution_sheet);
  add_workbook_test ("/comparison-export/xlsx/distribution/filtered", &north, test_distribution_sheet);
  add_workbook_test ("/comparison-export/xlsx/below-target", &all_schools, test_below_target_sheet);
  add_workbook_test ("/comparison-export/xlsx/filtered", &north_primary, test_filtered_workbook);
  g_test_add_func ("/comparison-export/missing-folder", test_missing_folder);
  g_test_add_func ("/comparison-export/cancel", test_cancel);
  g_test_add_func ("/comparison-export/worker-threads", test_worker_threads);

  return g_test_run ();
}
