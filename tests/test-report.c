#include "config.h"

#include "rd-change.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rd-fact-values.h"
#include "rd-group-comparison.h"
#include "rd-report-charts.h"
#include "rd-report-document.h"
#include "rd-report-figures.h"
#include "rd-report.h"
#include "rd-response.h"
#include "rd-test-fixtures.h"

#define EPSILON 0.01
#define LONG_NOTES_END "and these are the closing words of the long notes"

/* The report's strings, in the language the test runs in. */
#define T(s) g_dgettext (GETTEXT_PACKAGE, s)

typedef struct
{
  RD_TEST_STORE_MEMBERS;    /* its folder takes the PDFs too */
  char *long_notes;
} Fixture;

static const char *
test_language (void)
{
  const char *language = g_getenv ("READINESS_TEST_LANGUAGE");

  return language != NULL ? language : "C";
}

static void
fixture_close (Fixture *fixture)
{
  rd_test_store_clear (&fixture->test_store);
  g_clear_pointer (&fixture->long_notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_close)


static gint64
add_action (Fixture            *fixture,
            gint64              assessment_id,
            const char         *title,
            RdFactor            factor,
            RdActionStatus      status,
            const char * const *item_ids,
            const char         *notes)
{
  g_autoptr(GError) error = NULL;
  RdActionInfo info = {
    .title = title,
    .factor = factor,
    .item_ids = item_ids,
    .owner = status == RD_ACTION_STATUS_PLANNED ? NULL : "Ann Peeters, ICT coordinator",
    .due = status == RD_ACTION_STATUS_PLANNED ? NULL : "2027-03-31",
    .status = status,
    .criterion = "Every class can use it without help by the spring holiday.",
    .notes = notes,
  };
  gint64 id = rd_store_add_action (fixture->store, assessment_id, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
make_long_notes (void)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; notes->len < 6000; i++)
    g_string_append_printf (notes, "Step %u: the working group meets with the teachers of each year to look "
                            "at how the new devices are used in lessons, what support they ask for, and "
                            "which training would help them most this term. ", i + 1);
  g_string_append (notes, "All of this is reported to the board in June, " LONG_NOTES_END ".");
  return g_string_free (g_steal_pointer (&notes), FALSE);
}

/* The built-in framework, three earlier school years and this one with
 * thirty respondents in three groups, and an action plan with actions
 * carried over from last year and one with very long notes. */
static void
populate_full (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2023);
  static const char * const linked[] = { "str-written-plan", "no-such-item-any-more", NULL };
  gint64 previous = 0;

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefscollege Oostveld", "West Flanders",
                            RD_SCHOOL_TYPE_SECONDARY);

  for (int year = 2023; year <= 2025; year++)
    {
      g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);

      previous = rd_store_add_assessment (fixture->store, fixture->school_id, school_year, fixture->framework,
                                          RD_ASSESSMENT_MODE_FULL, &error);
      g_assert_no_error (error);
      rd_test_store_add_respondents (&fixture->test_store, previous, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER, 4, rand, 0.1 * (year - 2023));
      rd_test_store_add_respondents (&fixture->test_store, previous, RD_ASSESSMENT_MODE_FULL, RD_GROUP_TEACHER, 12, rand, 0.1 * (year - 2023));
      if (year == 2025)
        {
          add_action (fixture, previous, "Write the digital strategy with the whole team", RD_FACTOR_STRATEGY,
                      RD_ACTION_STATUS_IN_PROGRESS, linked, "Started in the spring; a draft is with the board.");
          add_action (fixture, previous, "Replace the oldest Wi-Fi access points", RD_FACTOR_INVESTMENT,
                      RD_ACTION_STATUS_PLANNED, NULL, NULL);
          add_action (fixture, previous, "A finished action that is not carried over", RD_FACTOR_CAPACITY,
                      RD_ACTION_STATUS_DONE, NULL, NULL);
        }
      rd_store_set_assessment_status (fixture->store, previous, RD_ASSESSMENT_STATUS_COMPLETE, &error);
      g_assert_no_error (error);
    }

  /* The new year receives the unfinished actions of the last one. */
  fixture->assessment_id = rd_store_add_assessment (fixture->store, fixture->school_id, "2026-2027",
                                                    fixture->framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_TEACHER, 12, rand, 0.2);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEARNER, 10, rand, 0.6);
  rd_test_store_add_respondents (&fixture->test_store, fixture->assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_SUPPORT_STAFF, 8, rand, 0.0);

  fixture->long_notes = make_long_notes ();
  add_action (fixture, fixture->assessment_id, "Train every teacher in digital pedagogy", RD_FACTOR_CAPACITY,
              RD_ACTION_STATUS_IN_PROGRESS, NULL, fixture->long_notes);
  add_action (fixture, fixture->assessment_id, "Turn on two-factor sign-in for all staff", RD_FACTOR_CAPACITY,
              RD_ACTION_STATUS_PLANNED, NULL, NULL);
  add_action (fixture, fixture->assessment_id, "Invite parents to the digital evening", RD_FACTOR_ENGAGEMENT,
              RD_ACTION_STATUS_DONE, NULL, "Forty parents came; they asked for a second evening.");
}

/* small.json, a school and a draft for 2026-2027 that nobody answered. */
static void
populate_empty (Fixture *fixture)
{
  rd_test_store_create (&fixture->test_store, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&fixture->test_store, "De Kleine Wereld", NULL, RD_SCHOOL_TYPE_UNSET);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
}

/* External tools */

/* Its standard output; what it said on standard error goes to the log. */
static char *
run_tool (const char * const *argv,
          int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  char *output = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, &errors,
                &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (errors != NULL && errors[0] != '\0')
    g_test_message ("%s: %s", argv[0], errors);
  return output;
}

/* The text pdftotext finds, with every run of white space made one space:
 * it breaks lines where the PDF does. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;
  g_autofree char *text = run_tool (argv, &status);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (space, needle, -1, 0, " ", 0, NULL);

  if (strstr (text, flat) == NULL)
    g_error ("“%s” is not in the PDF's text", flat);
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;
  g_autofree char *info = run_tool (argv, &status);
  const char *pages;

  g_assert_cmpint (status, ==, 0);
  /* Every page is A4, in points. */
  if (!g_regex_match_simple ("^Page size: +595\\.276 x 841\\.89 pts \\(A4\\)$", info, G_REGEX_MULTILINE, 0) ||
      !g_regex_match_simple ("^Creator: +Readiness$", info, G_REGEX_MULTILINE, 0))
    g_error ("Not an A4 report by Readiness:\n%s", info);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + strlen ("Pages:"), " "), NULL, 10);
}

static void
assert_qpdf_check (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  int status;
  g_autofree char *output = run_tool (argv, &status);

  if (status != 0)
    g_error ("qpdf --check: %d\n%s", status, output);
}

/* The PDF's outline lists every section and leads to its page. */
static void
assert_outline (const char       *path,
                RdReportDocument *doc)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=outlines", path, NULL };
  int status;
  g_autofree char *json = run_tool (argv, &status);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *outlines;

  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  outlines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "outlines");
  g_assert_cmpuint (json_array_get_length (outlines), ==, rd_report_document_get_n_sections (doc));
  for (guint i = 0; i < json_array_get_length (outlines); i++)
    {
      JsonObject *entry = json_array_get_object_element (outlines, i);
      guint page;
      const char *title = rd_report_document_get_section (doc, i, &page, NULL);

      g_assert_cmpstr (json_object_get_string_member (entry, "title"), ==, title);
      g_assert_cmpint (json_object_get_int_member (entry, "destpageposfrom1"), ==, page + 1);
    }
}

/* Every page as PNG, to look at: build/screenshots/report-NAME-N.png,
 * beside report-NAME.pdf. */
static void
save_screenshots (const char *pdf,
                  const char *name)
{
  const char *dir = g_getenv ("READINESS_SCREENSHOT_DIR");
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  const char *argv[] = { "pdftoppm", "-r", "60", "-png", pdf, NULL, NULL };
  int status;
  g_autofree char *output = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  base = g_str_equal (test_language (), "C") ? g_strdup_printf ("report-%s", name)
                                              : g_strdup_printf ("%s-report-%s", test_language (), name);
  prefix = g_build_filename (dir, base, NULL);
  argv[5] = prefix;
  output = run_tool (argv, &status);
  g_assert_cmpint (status, ==, 0);

  /* And the PDF itself, to open in a viewer. */
  {
    g_autofree char *copy = g_strconcat (prefix, ".pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  }
}

/* The layout */

static gboolean
boxes_intersect (const RdReportBoxInfo *a,
                 const RdReportBoxInfo *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON &&
         a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

/* No text or chart on another, and everything inside the margins. */
static void
assert_layout_sound (RdReportDocument *doc)
{
  for (guint p = 0; p < rd_report_document_get_n_pages (doc); p++)
    {
      guint n = rd_report_document_get_n_boxes (doc, p);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          RdReportBoxInfo box;

          rd_report_document_get_box (doc, p, i, &box);
          g_assert_cmpfloat (box.x, >=, RD_REPORT_MARGIN - EPSILON);
          g_assert_cmpfloat (box.y, >=, RD_REPORT_MARGIN - EPSILON);
          g_assert_cmpfloat (box.x + box.width, <=, RD_REPORT_PAGE_WIDTH - RD_REPORT_MARGIN + EPSILON);
          g_assert_cmpfloat (box.y + box.height, <=, RD_REPORT_PAGE_HEIGHT - RD_REPORT_MARGIN + EPSILON);
          g_assert_cmpfloat (box.width, >, 0);
          g_assert_cmpfloat (box.height, >, 0);
          if (box.kind == RD_REPORT_BOX_FILL)
            continue;
          if (box.kind == RD_REPORT_BOX_TEXT)
            g_assert_true (box.text != NULL && box.text[0] != '\0');

          for (guint j = 0; j < i; j++)
            {
              RdReportBoxInfo other;

              rd_report_document_get_box (doc, p, j, &other);
              if (other.kind == RD_REPORT_BOX_FILL)
                continue;
              if (boxes_intersect (&box, &other))
                g_error ("Page %u: “%.40s” overlaps “%.40s”", p + 1, box.text ? box.text : "(chart)",
                         other.text ? other.text : "(chart)");
            }
        }
    }
}

/* What is drawn stays inside the margins, on every page; drawing warns
 * (fatally here) when a text would break otherwise than in the layout. */
static void
assert_drawing_inside (RdReport *report)
{
  for (guint p = 0; p < rd_report_get_n_pages (report); p++)
    {
      cairo_rectangle_t page = { 0, 0, RD_REPORT_PAGE_WIDTH, RD_REPORT_PAGE_HEIGHT };
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &page);
      cairo_t *cr = cairo_create (surface);
      double x, y, width, height;

      rd_report_draw_page (report, cr, p);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      /* Glyphs may reach a little past their line's box. */
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      g_assert_cmpfloat (x, >=, RD_REPORT_MARGIN - 2);
      g_assert_cmpfloat (y, >=, RD_REPORT_MARGIN - 2);
      g_assert_cmpfloat (x + width, <=, RD_REPORT_PAGE_WIDTH - RD_REPORT_MARGIN + 2);
      g_assert_cmpfloat (y + height, <=, RD_REPORT_PAGE_HEIGHT - RD_REPORT_MARGIN + 2);
      cairo_surface_destroy (surface);
    }
}

/* Tests of the report */

static RdReport *
new_report (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RdReport *report = rd_report_new (fixture->store, fixture->framework, fixture->assessment_id,
                                    RD_ANONYMITY_THRESHOLD_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
write_report (Fixture    *fixture,
              RdReport   *report,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (rd_report_write_pdf (report, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_no_numbers_missing (const char *text)
{
  g_autoptr(GRegex) nan = g_regex_new ("\\b(nan|inf)\\b", G_REGEX_CASELESS, 0, NULL);

  g_assert_false (g_regex_match (nan, text, 0, NULL));
}

static void
assert_common_text (RdReport   *report,
                    const char *text,
                    const char *school)
{
  g_autofree char *page_two = g_strdup_printf (T ("Page %u of %u"), 2, rd_report_get_n_pages (report));
  static const char * const sections[] = {
    "Contents", "Summary", "Success Factors and Areas", "What to Work on First", "Views of the Groups",
    "Action Plan", "Appendix: All Items",
  };

  assert_contains (text, school);
  assert_contains (text, page_two);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_contains (text, T (sections[i]));
  assert_no_numbers_missing (text);
}

static void
test_empty_draft (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  populate_empty (&fixture);
  report = new_report (&fixture);
  assert_layout_sound (rd_report_get_document (report));
  assert_drawing_inside (report);

  path = write_report (&fixture, report, "empty.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, rd_report_get_n_pages (report));
  assert_qpdf_check (path);

  text = pdf_text (path);
  assert_common_text (report, text, "De Kleine Wereld");
  /* Empty states, not figures. */
  assert_contains (text, T ("not enough answers"));
  assert_contains (text, T ("Nobody has answered yet."));
  assert_contains (text, T ("No item has a score yet, so there are no gaps to show."));
  assert_contains (text, T ("No actions have been planned yet."));
  /* One school year is no trend. */
  g_assert_null (strstr (text, T ("Trend across School Years")));
  g_assert_null (strstr (text, T ("Dates measured on")));

  save_screenshots (path, "empty");
}

static void
test_full_assessment (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  RdReportDocument *doc;
  g_autoptr(GString) notes = g_string_new (NULL);
  guint first_page = G_MAXUINT, last_page = 0;

  populate_full (&fixture);
  report = new_report (&fixture);
  doc = rd_report_get_document (report);
  assert_layout_sound (doc);
  assert_drawing_inside (report);

  path = write_report (&fixture, report, "full.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, rd_report_get_n_pages (report));
  assert_qpdf_check (path);
  assert_outline (path, doc);

  text = pdf_text (path);
  assert_common_text (report, text, "Sint-Jozefscollege Oostveld");
  assert_contains (text, "West Flanders · Secondary education");
  /* Its reference date: the day its answers were given, today. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%-d %B %Y");

    assert_contains (text, T ("Dates measured on"));
    assert_contains (text, today);
  }
  assert_contains (text, T ("Trend across School Years"));
  assert_contains (text, "2023-2024");
  /* Every action by its title, the carried-over ones said so, and the
   * end of the long notes. */
  actions = rd_store_list_actions (fixture.store, fixture.assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 5);
  for (guint i = 0; i < actions->len; i++)
    assert_contains (text, rd_action_get_title (g_ptr_array_index (actions, i)));
  /* Not carried over into this year's plan: only among last year's done
   * actions, in "What Moved", before the plan. */
  {
    const char *finished = g_strrstr (text, "A finished action that is not carried over");

    g_assert_nonnull (finished);
    g_assert_true (finished < g_strrstr (text, T ("Action Plan")));
    g_assert_true (finished > g_strrstr (text, T ("What Moved")));
  }
  {
    g_autofree char *carried = g_strdup_printf (T ("Carried over from %s"), "2025-2026");
    assert_contains (text, carried);
  }
  assert_contains (text, LONG_NOTES_END);
  /* A linked item by its text; one the framework dropped by its id. */
  assert_contains (text, rd_text_get_localized (rd_item_get_text (rd_framework_lookup_item (fixture.framework,
                                                                                            "str-written-plan"))));
  assert_contains (text, "no-such-item-any-more");
  /* Each priority names the standard its question rests on. */
  {
    g_autoptr(RdResults) results = rd_results_load (fixture.store, fixture.framework, fixture.assessment_id, &error);
    g_autoptr(GArray) gaps = NULL;

    g_assert_no_error (error);
    gaps = rd_analysis_list_priorities (rd_results_get_analysis (results), 8);
    g_assert_cmpuint (gaps->len, >, 0);
    for (guint i = 0; i < gaps->len; i++)
      {
        RdItem *item = g_array_index (gaps, RdItemGap, i).item;
        g_autofree char *based_on = g_strdup_printf (T ("Based on: %s"),
                                                     rd_text_get_localized (rd_item_get_standard (item)));

        assert_contains (text, based_on);
      }
  }

  /* The long notes run over pages, cut between lines only: their parts
   * put together are the notes. */
  for (guint p = 0; p < rd_report_get_n_pages (report); p++)
    for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
      {
        RdReportBoxInfo box;

        rd_report_document_get_box (doc, p, i, &box);
        if (box.kind != RD_REPORT_BOX_TEXT || strlen (box.text) < 40 ||
            strstr (fixture.long_notes, box.text) == NULL)
          continue;
        g_string_append (notes, box.text);
        first_page = MIN (first_page, p);
        last_page = MAX (last_page, p);
      }
  g_assert_cmpstr (notes->str, ==, fixture.long_notes);
  g_assert_cmpuint (last_page, >, first_page);

  save_screenshots (path, "full");
}

/* The text of the groups' section, from its heading to the next. */
static char *
groups_section_text (RdReport *report)
{
  RdReportDocument *doc = rd_report_get_document (report);
  GString *text = g_string_new (NULL);
  gboolean in_groups = FALSE;

  for (guint p = 0; p < rd_report_get_n_pages (report); p++)
    for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
      {
        RdReportBoxInfo box;

        rd_report_document_get_box (doc, p, i, &box);
        if (box.kind != RD_REPORT_BOX_TEXT)
          continue;
        if (box.style == RD_REPORT_TEXT_HEADING)
          in_groups = g_str_equal (box.text, T ("Views of the Groups"));
        else if (in_groups)
          g_string_append_printf (text, "%s\n", box.text);
      }
  return g_string_free (text, FALSE);
}

/* The small framework: leaders and teachers, and one parent who must not
 * be shown apart, nor be what the school's figures minus the leaders' and
 * the teachers' leave: the parent is shown with the leaders, combined. */
static void
test_withheld_group (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *combined = rd_group_combined_title ((1u << RD_GROUP_LEADER) | (1u << RD_GROUP_PARENT));
  g_autofree char *parent_figure = NULL;

  populate_empty (&fixture);
  rd_test_store_add_respondents (&fixture.test_store, fixture.assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_LEADER, 3, rand, 0.7);
  rd_test_store_add_respondents (&fixture.test_store, fixture.assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_TEACHER, 4, rand, 0.1);
  rd_test_store_add_respondents (&fixture.test_store, fixture.assessment_id, RD_ASSESSMENT_MODE_FULL, RD_GROUP_PARENT, 1, rand, 0.5);
  report = new_report (&fixture);
  assert_layout_sound (rd_report_get_document (report));

  path = write_report (&fixture, report, "groups.pdf");
  text = pdf_text (path);
  assert_contains (text, combined);
  assert_contains (text, T ("Where Views Differ Most"));
  save_screenshots (path, "groups-combined");

  /* The parent is counted on the cover; in the groups' section only
   * within the combined group, never with a figure of its own. */
  section = groups_section_text (report);
  g_test_message ("%s", section);
  g_assert_nonnull (strstr (section, combined));
  g_assert_null (strstr (section, rd_group_get_title (RD_GROUP_PARENT)));
  /* Translators' format as the report uses it: "Parent 50 (± 0)" never appears. */
  parent_figure = g_strdup_printf ("%s ", rd_group_get_title (RD_GROUP_PARENT));
  g_assert_null (strstr (section, parent_figure));
}

/* The issue: three parents, but only one of them answered a-plan, and the
 * report said "Parent 0 (± 0)". Each figure now needs three answers, and
 * the leaders' a-plan (the smallest other) is hidden with the parent's,
 * or the school's a-plan minus the others' would be that parent's. */
static void
test_figure_needs_enough_answers (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *parent_zero = NULL;
  g_autofree char *parent_hidden = NULL;
  g_autofree char *leader_hidden = NULL;
  static const struct { RdGroup group; guint n; double plan, share; } people[] = {
    { RD_GROUP_LEADER, 3, 5, 90 },
    { RD_GROUP_TEACHER, 4, 2, 40 },
    { RD_GROUP_SUPPORT_STAFF, 5, 4, 60 },
    { RD_GROUP_PARENT, 1, 1, 50 },
    { RD_GROUP_PARENT, 2, NAN, 50 },
  };

  populate_empty (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    for (guint r = 0; r < people[i].n; r++)
      {
        RdResponse *response = rd_response_new (people[i].group);

        if (!isnan (people[i].plan))
          rd_response_add_answer (response, "a-plan", 1)->value = people[i].plan;
        rd_response_add_answer (response, "b-share", 1)->value = people[i].share;
        g_ptr_array_add (responses, response);
      }
  g_assert_true (rd_store_add_responses (fixture.store, fixture.assessment_id, fixture.framework, responses,
                                         &error));
  g_assert_no_error (error);

  report = new_report (&fixture);
  path = write_report (&fixture, report, "figures.pdf");
  text = pdf_text (path);
  section = groups_section_text (report);
  g_test_message ("%s", section);

  /* Translators' formats as the report uses them. */
  parent_zero = g_strdup_printf (T ("%s %.0f (± %.0f)"), rd_group_get_title (RD_GROUP_PARENT), 0.0, 0.0);
  parent_hidden = g_strdup_printf (T ("%s: %s"), rd_group_get_title (RD_GROUP_PARENT),
                                   rd_anonymity_get_hidden_text ());
  leader_hidden = g_strdup_printf (T ("%s: %s"), rd_group_get_title (RD_GROUP_LEADER),
                                   rd_anonymity_get_hidden_text ());
  g_assert_null (strstr (text, parent_zero));
  g_assert_null (strstr (section, parent_zero));
  assert_contains (text, parent_hidden);
  assert_contains (text, leader_hidden);
  /* Every parent answered b-share: that figure is shown. */
  g_assert_nonnull (strstr (section, "· Parent 50 (± 0)"));
  save_screenshots (path, "groups-hidden-figures");
}

/* Figures a board can read: a fact's answers in its unit beside its score,
 * the weighted gap the priorities are ranked by with the line that says
 * so, and "±" named before it is used. small.json, targets 70 60 65 60:
 * three leaders (a-plan 5 5 4, b-share 90 90 90, one of them b-speed 250)
 * and three teachers (a-plan 2 3 4, b-share 50 90 0). b-speed 250 scores
 * 50: strategy's 70 − 50 = 20, weight 1, the one priority. b-share, a
 * fact, scores the median of 100 100 100 50 100 0, 100, and says that
 * its answers differ. */
static void
test_figures (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = NULL;
  static const struct { RdGroup group; double plan, share, speed; } people[] = {
    { RD_GROUP_LEADER, 5, 90, 250 }, { RD_GROUP_LEADER, 5, 90, NAN }, { RD_GROUP_LEADER, 4, 90, NAN },
    { RD_GROUP_TEACHER, 2, 50, NAN }, { RD_GROUP_TEACHER, 3, 90, NAN }, { RD_GROUP_TEACHER, 4, 0, NAN },
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *key, *spread;

  populate_empty (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      RdResponse *response = rd_response_new (people[i].group);

      rd_response_add_answer (response, "a-plan", 1)->value = people[i].plan;
      rd_response_add_answer (response, "b-share", 1)->value = people[i].share;
      if (!isnan (people[i].speed))
        rd_response_add_answer (response, "b-speed", 1)->value = people[i].speed;
      g_ptr_array_add (responses, response);
    }
  g_assert_true (rd_store_add_responses (fixture.store, fixture.assessment_id, fixture.framework, responses, &error));
  g_assert_no_error (error);

  report = new_report (&fixture);
  assert_layout_sound (rd_report_get_document (report));
  path = write_report (&fixture, report, "figures.pdf");
  save_screenshots (path, "figures");
  text = pdf_text (path);

  /* The appendix, in its layout: item, what was answered, score, answers. */
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
    int status;
    g_autofree char *layout = run_tool (argv, &status);

    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_regex_match_simple ("^ *Bandwidth +250 Mbit/s +50 +1$", layout, G_REGEX_MULTILINE, 0));
    /* The value wraps in its column. */
    g_assert_true (g_regex_match_simple ("^ *Share of teachers with a device +answers differ: median 90 %, +100 +6\n"
                                         " +range 0–90$",
                                         layout, G_REGEX_MULTILINE, 0));
    g_assert_true (g_regex_match_simple ("^ *We have a plan\\. +71 +6$", layout, G_REGEX_MULTILINE, 0));
  }
  /* The priority, ranked by what it shows. */
  assert_contains (text, "Ranked by the weighted gap, largest first");
  assert_contains (text, "Strategy · score 50 (250 Mbit/s) · target 70 · gap 20 × weight 1 = weighted gap 20");
  /* "±" first where it is explained. */
  key = strstr (text, "after “±” its spread: the standard deviation of its respondents’ scores");
  spread = strstr (text, "(± ");
  g_assert_nonnull (key);
  g_assert_nonnull (spread);
  g_assert_true (key < spread);
  /* Once. */
  g_assert_null (strstr (key + 1, "after “±” its spread"));
}

/* The charts' data carry the results page's texts. */
static void
test_chart_data (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResults) results = NULL;
  g_autoptr(RdFactorBarsData) bars = NULL;
  g_autoptr(RdAreaRadarData) radar = NULL;
  g_autoptr(RdFactorTrendData) trend = NULL;
  gint64 leader;

  populate_empty (&fixture);
  leader = rd_store_ensure_respondent (fixture.store, fixture.assessment_id, &error);
  rd_store_set_answer_value (fixture.store, leader, rd_framework_lookup_item (fixture.framework, "a-plan"), 5, &error);
  rd_store_set_answer_value (fixture.store, leader, rd_framework_lookup_item (fixture.framework, "a-team"), 3, &error);
  rd_store_set_answer_value (fixture.store, leader, rd_framework_lookup_item (fixture.framework, "b-share"), 95, &error);
  rd_store_set_answer_not_applicable (fixture.store, leader, rd_framework_lookup_item (fixture.framework, "b-mfa"),
                                      &error);
  g_assert_no_error (error);
  results = rd_results_load (fixture.store, fixture.framework, fixture.assessment_id, &error);
  g_assert_no_error (error);

  /* Capacity: a-team 50 ×1 and b-share 100 ×2, 83 against 65. Strategy:
   * one item of three, too few. */
  bars = rd_report_charts_factor_bars (results);
  g_assert_cmpstr (bars->bars[RD_FACTOR_CAPACITY].value_text, ==, "83 · Leading");
  g_assert_true (bars->bars[RD_FACTOR_CAPACITY].trusted);
  g_assert_cmpstr (bars->readiness[RD_FACTOR_CAPACITY], ==, "83");
  g_assert_cmpstr (bars->target[RD_FACTOR_CAPACITY], ==, "65");
  g_assert_cmpstr (bars->gap[RD_FACTOR_CAPACITY], ==, "0");
  g_assert_false (bars->bars[RD_FACTOR_STRATEGY].trusted);
  g_assert_cmpstr (bars->bars[RD_FACTOR_STRATEGY].value_text, ==, "not enough answers");
  g_assert_cmpstr (bars->readiness[RD_FACTOR_STRATEGY], ==, "–");
  g_assert_nonnull (strstr (bars->description, "Capacity: readiness 83 (Leading), target 65, gap 0."));

  /* Alpha: a-plan 100 and a-team 50; beta: b-share 100 (MFA not applicable). */
  radar = rd_report_charts_area_radar (results, fixture.framework);
  g_assert_cmpuint (radar->radar.n_axes, ==, 2);
  g_assert_cmpstr (radar->radar.axes[0].label, ==, "Alpha");
  g_assert_cmpfloat_with_epsilon (radar->radar.axes[0].value, 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (radar->radar.axes[1].value, 100, 1e-9);
  g_assert_true (isnan (radar->radar.axes[0].previous));
  g_assert_null (radar->radar.previous_label);
  g_assert_cmpstr (radar->radar.current_label, ==, "2026-2027");
  g_assert_cmpstr (radar->description, ==, "Alpha 75. Beta 100.");

  trend = rd_report_charts_trend (results);
  g_assert_cmpuint (trend->trend.n_years, ==, 1);
  g_assert_cmpstr (trend->trend.years[0], ==, "2026-2027");
  g_assert_cmpuint (trend->trend.n_series, ==, RD_N_FACTORS);
  g_assert_true (isnan (trend->trend.series[RD_FACTOR_STRATEGY].values[0]));

  /* The data outlive the results they were built from. */
  g_clear_object (&results);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
    cairo_t *cr = cairo_create (surface);
    RdChartPalette palette;

    rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
    rd_factor_bars_data_draw (cr, 400, 300, bars, &palette);
    rd_area_radar_data_draw (cr, 400, 300, radar, &palette);
    rd_factor_trend_data_draw (cr, 400, 300, trend, &palette);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* pdftotext's text with its line breaks where the PDF has them. */
static char *
pdf_lines (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;
  char *text = run_tool (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return text;
}

/* No word of @title broken over two lines: a line that ends with the
 * word's start (the hyphen Pango adds is not text) and a next line that
 * begins with its rest. */
static void
assert_words_whole (const char *lines,
                    const char *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);

  for (guint w = 0; words[w] != NULL; w++)
    for (const char *cut = g_utf8_next_char (words[w]); *cut != '\0'; cut = g_utf8_next_char (cut))
      {
        g_autofree char *head = g_regex_escape_string (words[w], (int) (cut - words[w]));
        g_autofree char *tail = g_regex_escape_string (cut, -1);
        g_autofree char *pattern = g_strdup_printf ("(^|\\s)%s[-‐]?\\n\\s*%s(\\s|$)", head, tail);

        if (g_regex_match_simple (pattern, lines, G_REGEX_MULTILINE, 0))
          g_error ("“%s” is broken over two lines in the PDF (“%.*s” and “%s”)", words[w],
                   (int) (cut - words[w]), words[w], cut);
      }
}

static void
test_in_language (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lines = NULL;

  populate_full (&fixture);
  report = new_report (&fixture);
  assert_layout_sound (rd_report_get_document (report));
  assert_drawing_inside (report);
  path = write_report (&fixture, report, "language.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, rd_report_get_n_pages (report));
  text = pdf_text (path);

  /* Whatever the catalogue holds is what the report says; strings that
   * are not translated yet stay English. */
  assert_common_text (report, text, "Sint-Jozefscollege Oostveld");
  assert_contains (text, rd_factor_get_title (RD_FACTOR_STRATEGY));
  assert_contains (text, rd_text_get_localized (rd_area_get_title (rd_framework_get_area (fixture.framework, 0))));
  /* Table headers are never broken inside a word, whatever the language. */
  lines = pdf_lines (path);
  for (RdFactor f = 0; f < RD_N_FACTORS; f++)
    assert_words_whole (lines, rd_factor_get_short_title (f));
  {
    const char *headers[] = { T ("Group"), T ("Respondents"), T ("Success factor"),
                              g_dpgettext2 (GETTEXT_PACKAGE, "table heading", "Readiness"), T ("Level"),
                              T ("Target"), T ("Gap"), T ("Area"), T ("Score"), T ("School year"), T ("Item"),
                              g_dpgettext2 (GETTEXT_PACKAGE, "table heading", "Value"), T ("Answers") };

    for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
      assert_words_whole (lines, headers[h]);
  }
  if (g_str_equal (test_language (), "nl"))
    {
      /* The Dutch catalogue is in use: older strings are translated. */
      g_assert_cmpstr (rd_group_get_title (RD_GROUP_TEACHER), !=, "Teacher");
      assert_contains (text, rd_group_get_title (RD_GROUP_TEACHER));
      g_assert_null (strstr (text, "Does our school have a written digital strategy"));
    }

  /* A fact's figures in the marks of the UI language. */
  {
    g_autofree char *figure = rd_format_figure (12500.25);

    g_assert_cmpstr (figure, ==, g_str_equal (test_language (), "nl") ? "12.500,25" : "12,500.25");
  }

  save_screenshots (path, "language");
}

/* Write failures keep what was there */

static char *
make_existing_file (const char *folder,
                    const char *name,
                    GBytes    **contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);
  static const char old[] = "%PDF-1.5 an older report that must survive\n";

  g_assert_true (g_file_set_contents (path, old, -1, &error));
  g_assert_no_error (error);
  *contents = g_bytes_new_static (old, strlen (old));
  return path;
}

static void
assert_file_is (const char *path,
                GBytes     *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
}

/* Files in @folder but the database and its WAL files. */
static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "readiness.db"))
      n++;
  return n;
}

/* A report made in a child process; the store is gone before it returns,
 * so the child may give up its rights afterwards. */
static RdReport *
child_report (void)
{
  g_auto(Fixture) fixture = { 0 };

  populate_empty (&fixture);
  return new_report (&fixture);
}

static void
test_write_missing_folder (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  populate_empty (&fixture);
  report = new_report (&fixture);
  path = g_build_filename (fixture.dir, "no-such-folder", "report.pdf", NULL);

  g_assert_false (rd_report_write_pdf (report, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_write_read_only_folder (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GBytes) old = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(RdReport) report = child_report ();
      g_autoptr(GError) error = NULL;
      const char *target = g_getenv ("READINESS_TEST_TARGET");

      /* root writes anywhere: become nobody to meet the folder's rights. */
      if (geteuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
      g_assert_false (rd_report_write_pdf (report, target, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_print ("%s\n", error->message);
      return;
    }

  populate_empty (&fixture);
  folder = g_build_filename (fixture.dir, "read-only", NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path = make_existing_file (folder, "report.pdf", &old);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (fixture.dir, 0755), ==, 0);

  g_setenv ("READINESS_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  {
    g_autofree char *expected = g_strdup_printf ("*Could not write %s: Permission denied*", path);
    g_test_trap_assert_stdout (expected);
  }

  assert_file_is (path, old);
  g_assert_cmpuint (count_files (folder), ==, 1);
}

/* A disk that fills up halfway: the file size limit fails the writes the
 * same way, and needs no special file system. */
static void
test_write_fails_halfway (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GBytes) old = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(RdReport) report = child_report ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 16 * 1024, RLIM_INFINITY };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (rd_report_write_pdf (report, g_getenv ("READINESS_TEST_TARGET"), NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_print ("%s\n", error->message);
      return;
    }

  populate_empty (&fixture);
  path = make_existing_file (fixture.dir, "report.pdf", &old);
  g_setenv ("READINESS_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  {
    g_autofree char *expected = g_strdup_printf ("*Could not write %s: %s*", path, g_strerror (EFBIG));
    g_test_trap_assert_stdout (expected);
  }

  assert_file_is (path, old);
  /* The old report and no temporary file. */
  g_assert_cmpuint (count_files (fixture.dir), ==, 1);
}

static void
cancel_on_first_page (double   fraction,
                      gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *existing = NULL;

  populate_empty (&fixture);
  report = new_report (&fixture);
  fresh = g_build_filename (fixture.dir, "new.pdf", NULL);
  existing = make_existing_file (fixture.dir, "old.pdf", &old);

  /* Cancelled halfway, after the first page. */
  g_assert_false (rd_report_write_pdf (report, fresh, cancellable, cancel_on_first_page, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_cancellable_reset (cancellable);
  g_assert_false (rd_report_write_pdf (report, existing, cancellable, cancel_on_first_page, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_file_is (existing, old);

  /* Cancelled before it began. */
  g_assert_false (rd_report_write_pdf (report, fresh, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The old report, and nothing left behind. */
  g_assert_cmpuint (count_files (fixture.dir), ==, 1);
}

/* Written on a worker thread while this one draws the same report. */
typedef struct
{
  RdReport *report;
  char *path;
  double last_fraction;
  guint n_calls;
} ThreadJob;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  ThreadJob *job = user_data;

  g_assert_cmpfloat (fraction, >=, job->last_fraction);
  job->last_fraction = fraction;
  job->n_calls++;
}

static gpointer
write_in_thread (gpointer data)
{
  ThreadJob *job = data;
  g_autoptr(GError) error = NULL;
  gboolean written = rd_report_write_pdf (job->report, job->path, NULL, record_progress, job, &error);

  g_assert_no_error (error);
  return GINT_TO_POINTER (written);
}

static void
test_worker_thread (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  ThreadJob job = { 0 };
  GThread *thread;

  populate_full (&fixture);
  report = new_report (&fixture);
  job.report = report;
  job.path = g_build_filename (fixture.dir, "thread.pdf", NULL);

  thread = g_thread_new ("report", write_in_thread, &job);
  for (guint p = 0; p < rd_report_get_n_pages (report); p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 0.5, 0.5);
      rd_report_draw_page (report, cr, p);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));

  g_assert_cmpuint (job.n_calls, ==, rd_report_get_n_pages (report) + 1);
  g_assert_cmpfloat (job.last_fraction, ==, 1.0);
  g_assert_cmpuint (pdf_n_pages (job.path), ==, rd_report_get_n_pages (report));
  g_free (job.path);
}

/* Tests of the document layer */

static char *
words (guint n)
{
  static const char * const pool[] = {
    "school", "board", "teachers", "devices", "network", "training", "plan", "learners", "parents",
    "security", "evaluation", "targets", "support", "the", "and", "of", "every", "year",
    "Verantwoordelijkheidsgevoel", "interoperability",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", pool[(i * 7 + i / 3) % G_N_ELEMENTS (pool)]);
  return g_string_free (text, FALSE);
}

static void
draw_nothing (cairo_t              *cr,
              double                width,
              double                height,
              gpointer              data,
              const RdChartPalette *palette)
{
}

/* A paragraph of some 150 lines runs over pages, cut between lines. */
static void
test_document_paragraph (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autofree char *text = words (2500);
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n_parts = 0;

  rd_report_document_set_footer (doc, "A school · 2026-2027");
  rd_report_document_add_heading (doc, "A long text");
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, text);
  g_assert_cmpuint (rd_report_document_get_n_pages (doc), >=, 3);
  assert_layout_sound (doc);

  for (guint p = 0; p < rd_report_document_get_n_pages (doc); p++)
    for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
      {
        RdReportBoxInfo box;

        rd_report_document_get_box (doc, p, i, &box);
        if (box.kind == RD_REPORT_BOX_TEXT && box.style == RD_REPORT_TEXT_BODY)
          {
            g_string_append (joined, box.text);
            n_parts++;
          }
      }
  g_assert_cmpstr (joined->str, ==, text);
  g_assert_cmpuint (n_parts, ==, rd_report_document_get_n_pages (doc));
}

/* A long table: its header on every page, rows whole, but a row taller
 * than a page broken between lines. */
static void
test_document_table (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autoptr(RdReportTable) table = rd_report_table_new (3);
  g_autofree char *huge = words (3000);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) huge_parts = g_string_new (NULL);

  rd_report_table_set_column (table, 0, "Item", 5, PANGO_ALIGN_LEFT);
  rd_report_table_set_column (table, 1, "Score", 1, PANGO_ALIGN_RIGHT);
  rd_report_table_set_column (table, 2, "Answers", 1, PANGO_ALIGN_RIGHT);
  for (guint r = 0; r < 120; r++)
    {
      char *item = g_strdup_printf ("Row %u: %s", r, r % 5 == 0 ? "a longer item text that wraps onto a "
                                    "second line in its narrow column of the table, or even a third one"
                                    : "short");
      const char *cells[3] = { item, "42", "7" };

      g_ptr_array_add (rows, item);
      rd_report_table_add_row (table, cells);
      if (r == 60)
        {
          const char *big[3] = { huge, "1", "2" };
          rd_report_table_add_row (table, big);
        }
    }
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, "Some text before the table.");
  rd_report_document_add_table (doc, g_steal_pointer (&table));
  rd_report_document_add_chart (doc, draw_nothing, NULL, NULL, 300, 200);
  assert_layout_sound (doc);
  g_assert_cmpuint (rd_report_document_get_n_pages (doc), >=, 4);

  for (guint p = 0; p < rd_report_document_get_n_pages (doc); p++)
    {
      double header_bottom = -1, first_cell = G_MAXDOUBLE;

      for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
        {
          RdReportBoxInfo box;

          rd_report_document_get_box (doc, p, i, &box);
          if (box.kind != RD_REPORT_BOX_TEXT)
            continue;
          if (box.style == RD_REPORT_TEXT_TABLE_HEADER)
            header_bottom = MAX (header_bottom, box.y + box.height);
          if (box.style != RD_REPORT_TEXT_TABLE)
            continue;
          first_cell = MIN (first_cell, box.y);
          if (g_str_has_prefix (box.text, "Row "))
            {
              /* A row whole: its text is one of the rows, not a part. */
              gboolean whole = FALSE;

              for (guint r = 0; r < rows->len && !whole; r++)
                whole = g_str_equal (box.text, g_ptr_array_index (rows, r));
              g_assert_true (whole);
            }
          else if (strlen (box.text) > 2)
            g_string_append (huge_parts, box.text);
        }
      /* Wherever the table continues, its header comes first. */
      if (first_cell < G_MAXDOUBLE)
        {
          g_assert_cmpfloat (header_bottom, >, 0);
          g_assert_cmpfloat (header_bottom, <=, first_cell);
        }
    }
  g_assert_cmpstr (huge_parts->str, ==, huge);
}

/* A header word wider than its column's share takes room from columns
 * that have some to spare, rather than being broken inside ("Betrokkenh-
 * eid"); words of the cells in those columns stay whole too. */
static void
test_document_header_words (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autoptr(RdReportTable) table = rd_report_table_new (6);
  const char *titles[6] = { "Groep", "Respondenten", "Strategie", "Betrokkenheid", "Capaciteit", "Investeringen" };
  const char *teacher[6] = { "Leraar", "12", "52", "58", "50", "42" };
  const char *support[6] = { "Ondersteunend", "8", "54", "50", "47", "39" };
  double header_height = -1, cell_height = -1;
  guint n_headers = 0, n_cells = 0;

  for (guint c = 0; c < 6; c++)
    rd_report_table_set_column (table, c, titles[c], c == 0 ? 2.4 : c == 1 ? 1.5 : 1.3,
                                c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  rd_report_table_add_row (table, teacher);
  rd_report_table_add_row (table, support);
  rd_report_document_add_table (doc, g_steal_pointer (&table));
  assert_layout_sound (doc);

  for (guint i = 0; i < rd_report_document_get_n_boxes (doc, 0); i++)
    {
      RdReportBoxInfo box;

      rd_report_document_get_box (doc, 0, i, &box);
      if (box.kind != RD_REPORT_BOX_TEXT)
        continue;
      /* One line each: every header as high as "Groep", every cell as "12". */
      if (box.style == RD_REPORT_TEXT_TABLE_HEADER)
        {
          if (header_height < 0)
            header_height = box.height;
          if (fabs (box.height - header_height) > EPSILON)
            g_error ("The header “%s” is broken over lines (%.1f pt high, one line is %.1f pt)",
                     box.text, box.height, header_height);
          n_headers++;
        }
      else if (box.style == RD_REPORT_TEXT_TABLE)
        {
          if (cell_height < 0)
            cell_height = box.height;
          if (fabs (box.height - cell_height) > EPSILON)
            g_error ("The cell “%s” is broken over lines (%.1f pt high, one line is %.1f pt)",
                     box.text, box.height, cell_height);
          n_cells++;
        }
    }
  g_assert_cmpuint (n_headers, ==, 6);
  g_assert_cmpuint (n_cells, ==, 12);
}

/* Columns too narrow for their words whatever is moved: the widths stay
 * the columns' shares, and words are broken as before. */
static void
test_document_header_words_too_many (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autoptr(RdReportTable) table = rd_report_table_new (12);
  const char *cells[12] = { 0 };

  for (guint c = 0; c < 12; c++)
    {
      rd_report_table_set_column (table, c, "Onderwijsbehoeftenonderzoek", 1, PANGO_ALIGN_LEFT);
      cells[c] = "1";
    }
  rd_report_table_add_row (table, cells);
  rd_report_document_add_table (doc, g_steal_pointer (&table));
  assert_layout_sound (doc);
}

static void
test_document_contents (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autofree char *text = words (600);
  guint n_numbers = 0;

  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_TITLE, "Cover");
  rd_report_document_add_page_break (doc);
  rd_report_document_add_contents (doc, "Contents");
  for (guint s = 0; s < 6; s++)
    {
      g_autofree char *title = g_strdup_printf ("Section %u", s + 1);

      if (s % 2 == 0)
        rd_report_document_add_page_break (doc);
      rd_report_document_add_heading (doc, title);
      rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, text);
    }
  assert_layout_sound (doc);
  g_assert_cmpuint (rd_report_document_get_n_sections (doc), ==, 6);

  /* Page 2 lists each section with the page it starts on. */
  for (guint i = 0; i < rd_report_document_get_n_boxes (doc, 1); i++)
    {
      RdReportBoxInfo box;

      rd_report_document_get_box (doc, 1, i, &box);
      if (box.kind == RD_REPORT_BOX_TEXT && box.style == RD_REPORT_TEXT_CONTENTS &&
          g_ascii_isdigit (box.text[0]))
        {
          guint page;
          g_autofree char *expected = NULL;

          rd_report_document_get_section (doc, n_numbers, &page, NULL);
          expected = g_strdup_printf ("%u", page + 1);
          g_assert_cmpstr (box.text, ==, expected);
          n_numbers++;
        }
    }
  g_assert_cmpuint (n_numbers, ==, 6);
  /* Sections after a page break start at its top; those that follow a
   * text start below it. */
  {
    guint page;
    double y;

    rd_report_document_get_section (doc, 0, &page, &y);
    g_assert_cmpuint (page, ==, 2);
    g_assert_cmpfloat_with_epsilon (y, RD_REPORT_MARGIN, EPSILON);
  }
}

/* A group that would be broken starts on the next page instead. */
static void
test_document_group (void)
{
  g_autoptr(RdReportDocument) doc = rd_report_document_new ();
  g_autofree char *filler = words (300);
  g_autofree char *body = words (400);
  guint lead_page = 0, note_page = 0;
  double lead_y = 0;

  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, filler);
  rd_report_document_begin_group (doc);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_LEAD, "The lead of a group");
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_BODY, body);
  rd_report_document_add_paragraph (doc, RD_REPORT_TEXT_NOTE, "The note that ends the group");
  rd_report_document_end_group (doc);
  assert_layout_sound (doc);

  for (guint p = 0; p < rd_report_document_get_n_pages (doc); p++)
    for (guint i = 0; i < rd_report_document_get_n_boxes (doc, p); i++)
      {
        RdReportBoxInfo box;

        rd_report_document_get_box (doc, p, i, &box);
        if (box.kind != RD_REPORT_BOX_TEXT)
          continue;
        if (g_str_equal (box.text, "The lead of a group"))
          {
            lead_page = p;
            lead_y = box.y;
          }
        if (g_str_equal (box.text, "The note that ends the group"))
          note_page = p;
      }
  g_assert_cmpuint (rd_report_document_get_n_pages (doc), ==, 2);
  g_assert_cmpuint (lead_page, ==, 1);
  g_assert_cmpfloat_with_epsilon (lead_y, RD_REPORT_MARGIN, EPSILON);
  g_assert_cmpuint (note_page, ==, 1);
}

static void
exec_sql (const char *db_path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* U+202E (right-to-left override) made "fdp.evil.exe" read "exe.live.pdf"
 * in the report. The store no longer keeps it; a database written before
 * may, and the report draws every text isolated and without overrides:
 * the PDF's text is in its logical order. A right-to-left name stays
 * whole and does not pull the words around it. */
static void
test_bidi_isolated (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RdSchool) school = NULL;
  const char *items[] = { "a-plan", NULL };

  rd_test_store_create (&fixture.test_store, rd_test_load_framework ("small.json"));
  fixture.school_id = rd_store_add_school (fixture.store, "\u202e" "fdp.evil.exe", "\u202e" "Gent", RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);
  school = rd_store_get_school (fixture.store, fixture.school_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_school_get_name (school), ==, "fdp.evil.exe");
  fixture.assessment_id = rd_store_add_assessment (fixture.store, fixture.school_id, "2026-2027",
                                                   fixture.framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  add_action (&fixture, fixture.assessment_id, "Open png.class", RD_FACTOR_CAPACITY, RD_ACTION_STATUS_PLANNED,
              items, "Plan B: مدرسة النور 2027 then review");

  report = new_report (&fixture);
  path = write_report (&fixture, report, "stored.pdf");
  text = pdf_text (path);
  assert_contains (text, "fdp.evil.exe");
  g_assert_null (strstr (text, "exe.live.pdf"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&path, g_free);
  g_clear_object (&report);

  /* As a database written before the rule holds it. */
  exec_sql (fixture.path, "UPDATE school SET name = char (8238) || 'fdp.evil.exe' || char (27) || '[0m'");
  exec_sql (fixture.path, "UPDATE action SET title = 'Open ' || char (8238) || 'png.class', "
                          "notes = 'Plan ' || char (8238) || 'fdp.xcod' || char (10) || 'The end'");
  report = new_report (&fixture);
  path = write_report (&fixture, report, "old.pdf");
  text = pdf_text (path);
  assert_contains (text, "fdp.evil.exe");
  g_assert_null (strstr (text, "exe.live.pdf"));
  assert_contains (text, "Open png.class");
  assert_contains (text, "Plan fdp.xcod");
  g_assert_null (strstr (text, "ssalc.gnp"));
  g_assert_null (strstr (text, "\033"));

  /* The title a viewer shows is just as safe. */
  {
    const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
    int status;
    g_autofree char *info = run_tool (argv, &status);

    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (info, "fdp.evil.exe"));
    g_assert_null (strstr (info, "\u202e"));
    g_assert_null (strstr (info, "\033"));
  }
}

/* The school's own questions: a section of their own after every figure
 * of the framework, saying so, each with its answers; with several people
 * a question answered by too few shows no figure. */
/* "What Moved": the change since last year with its test, in the lines the
 * Results page shows (figures checked by hand in test-change.c), and last
 * year's done action with its questions' change. */
static void
test_what_moved (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(RdChange) change = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *moved_at, *priorities_at;

  rd_test_store_create (&fixture.test_store, rd_test_load_framework ("small.json"));
  rd_test_store_add_school (&fixture.test_store, "De Kleine Wereld", NULL, RD_SCHOOL_TYPE_UNSET);
  fixture.assessment_id = rd_test_add_two_years (fixture.store, fixture.framework, fixture.school_id, TRUE);

  report = new_report (&fixture);
  path = write_report (&fixture, report, "moved.pdf");
  save_screenshots (path, "what-moved");
  assert_qpdf_check (path);
  text = pdf_text (path);

  change = rd_change_load (fixture.store, fixture.framework, fixture.assessment_id, &error);
  g_assert_no_error (error);
  moved = rd_change_list_moved (change);
  g_assert_cmpuint (moved->len, ==, 5);
  moved_at = strstr (text, T ("What Moved"));
  g_assert_nonnull (moved_at);
  for (guint i = 0; i < moved->len; i++)
    {
      g_autofree char *line = rd_change_format_row (change, g_ptr_array_index (moved, i));

      assert_contains (moved_at, line);
    }
  if (g_str_equal (test_language (), "C"))
    {
      assert_contains (moved_at, "We have a plan. Up 63 points, 25 → 88. A meaningful rise (p = 0.003, Welch’s t-test).");
      assert_contains (moved_at, "Actions Done in 2025-2026");
      assert_contains (moved_at, "Devices for all teachers • Up 100 points, 40 % → 90 % — "
                                 "Share of teachers with a device");
    }
  /* Before the priorities, after the trend. */
  priorities_at = strstr (text, T ("What to Work on First"));
  g_assert_true (priorities_at != NULL && strstr (moved_at, T ("What to Work on First")) != NULL);
}

static void
test_own_questions (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(RdOwnQuestion) club = NULL;
  g_autoptr(RdOwnQuestion) laptops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  RdOwnQuestionInfo info;
  const char *groups_at, *own_at, *plan_at;

  populate_empty (&fixture);
  rd_own_question_info_init (&info);
  info.text = "Our pupils enjoy the weekly coding club.";
  info.area_id = "alpha";
  info.audience = RD_EVERY_GROUP;
  info.weights[RD_FACTOR_ENGAGEMENT] = 1;
  club = rd_store_add_own_question (fixture.store, fixture.assessment_id, fixture.framework, &info, &error);
  g_assert_no_error (error);
  info.text = "Laptops we lend to pupils for use at home";
  info.kind = RD_ITEM_KIND_NUMBER;
  info.area_id = "beta";
  info.unit = "laptops";
  info.max = 500;
  info.target = 120;
  laptops = rd_store_add_own_question (fixture.store, fixture.assessment_id, fixture.framework, &info, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < 4; p++)
    {
      gint64 respondent = rd_store_add_respondent (fixture.store, fixture.assessment_id,
                                                   p == 0 ? RD_GROUP_LEADER : RD_GROUP_TEACHER, NULL, &error);

      g_assert_true (rd_store_set_answer_value (fixture.store, respondent, rd_own_question_get_item (club), 3 + p % 3,
                                                &error));
      if (p == 0)
        g_assert_true (rd_store_set_answer_value (fixture.store, respondent, rd_own_question_get_item (laptops), 90,
                                                  &error));
      g_assert_no_error (error);
    }

  report = new_report (&fixture);
  path = write_report (&fixture, report, "own.pdf");
  save_screenshots (path, "own-questions");
  assert_qpdf_check (path);
  text = pdf_text (path);
  assert_common_text (report, text, "De Kleine Wereld");
  assert_contains (text, T ("Your Own Questions"));
  assert_contains (text, T ("They are not part of the success factors’ readiness, the area scores, the priorities or "
                            "any comparison with other schools."));
  assert_contains (text, "Our pupils enjoy the weekly coding club.");
  assert_contains (text, "Laptops we lend to pupils for use at home");
  /* 3, 4, 5, 3: mean 3.75, median 3.5 */
  expected = g_strdup_printf (T ("%s · score %.0f"), "mean 3.75, median 3.5 · 4 answers", 68.75);
  assert_contains (text, expected);
  /* One answer among four people: hidden. */
  assert_contains (text, T ("too few answers"));
  g_assert_null (strstr (text, "90 laptops"));

  /* In the contents, after the framework's sections, before the plan. */
  groups_at = strstr (text, T ("Views of the Groups"));
  own_at = strstr (text, T ("Your Own Questions"));
  plan_at = strstr (text, T ("Action Plan"));
  g_assert_true (groups_at != NULL && own_at != NULL && plan_at != NULL);
  g_assert_true (groups_at < own_at && own_at < plan_at);
  {
    g_autofree char *note = rd_report_own_questions_hidden_note (RD_ANONYMITY_THRESHOLD_DEFAULT);

    assert_contains (text, note);
  }

  /* Without own questions there is no such section. */
  g_assert_true (rd_store_trash_own_question (fixture.store, fixture.assessment_id, "own-1", &error));
  g_assert_true (rd_store_trash_own_question (fixture.store, fixture.assessment_id, "own-2", &error));
  g_clear_object (&report);
  report = new_report (&fixture);
  g_free (path);
  path = write_report (&fixture, report, "none.pdf");
  g_free (text);
  text = pdf_text (path);
  g_assert_null (strstr (text, T ("Your Own Questions")));
}

/* The appendix of commentary and evidence: only the items that have some,
 * their commentary and one line per evidence, links as text. */
static void
test_evidence_appendix (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(RdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *appendix_at;
  RdEvidenceInfo info = {
    .item_id = "b-speed", .title = "Speed test of the school network",
    .location = "https://school.example/speed.pdf", .date = "2026-09-30",
  };

  populate_empty (&fixture);

  /* None: no such appendix. */
  report = new_report (&fixture);
  path = write_report (&fixture, report, "no-evidence.pdf");
  text = pdf_text (path);
  g_assert_null (strstr (text, T ("Appendix: Commentary and Evidence")));

  info.assessment_id = fixture.assessment_id;
  g_assert_cmpint (rd_store_add_evidence (fixture.store, &info, &error), >, 0);
  info.title = "Router invoice";
  info.location = "/srv/share/invoices/router.pdf";
  info.date = NULL;
  g_assert_cmpint (rd_store_add_evidence (fixture.store, &info, &error), >, 0);
  g_assert_true (rd_store_set_item_commentary (fixture.store, fixture.assessment_id, "a-plan",
                                               "We answered 3: the plan is written but not yet adopted.", &error));
  g_assert_no_error (error);

  g_clear_object (&report);
  report = new_report (&fixture);
  g_free (path);
  path = write_report (&fixture, report, "evidence.pdf");
  assert_qpdf_check (path);
  g_free (text);
  text = pdf_text (path);
  /* The last: the first is in the contents. */
  appendix_at = g_strrstr (text, T ("Appendix: Commentary and Evidence"));
  g_assert_nonnull (appendix_at);
  assert_contains (appendix_at, "We have a plan.");
  assert_contains (appendix_at, "We answered 3: the plan is written but not yet adopted.");
  assert_contains (appendix_at, "Bandwidth");
  /* The link may wrap after a slash. */
  assert_contains (appendix_at, "Speed test of the school network — https://school.example/");
  assert_contains (appendix_at, "speed.pdf (2026-09-30)");
  assert_contains (appendix_at, "Router invoice — /srv/share/invoices/router.pdf");
  /* An item with neither is not listed there. */
  g_assert_null (strstr (appendix_at, "MFA is on"));
  /* After the appendix of all items. */
  g_assert_true (strstr (text, T ("Appendix: All Items")) < appendix_at);
}

int
main (int   argc,
      char *argv[])
{
  /* English unless a run asks for another language, with the catalogues
   * the build made; glibc ignores LANGUAGE in the plain C locale. */
  g_setenv ("LANGUAGE", test_language (), TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("READINESS_TEST_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("READINESS_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/document/paragraph", test_document_paragraph);
  g_test_add_func ("/report/document/table", test_document_table);
  g_test_add_func ("/report/document/header-words", test_document_header_words);
  g_test_add_func ("/report/document/header-words-too-many", test_document_header_words_too_many);
  g_test_add_func ("/report/document/contents", test_document_contents);
  g_test_add_func ("/report/document/group", test_document_group);
  g_test_add_func ("/report/chart-data", test_chart_data);
  g_test_add_func ("/report/empty-draft", test_empty_draft);
  g_test_add_func ("/report/bidi-isolated", test_bidi_isolated);
  g_test_add_func ("/report/full-assessment", test_full_assessment);
  g_test_add_func ("/report/withheld-group", test_withheld_group);
  g_test_add_func ("/report/figure-needs-enough-answers", test_figure_needs_enough_answers);
  g_test_add_func ("/report/figures", test_figures);
  g_test_add_func ("/report/own-questions", test_own_questions);
  g_test_add_func ("/report/evidence-appendix", test_evidence_appendix);
  g_test_add_func ("/report/what-moved", test_what_moved);
  g_test_add_func ("/report/language", test_in_language);
  g_test_add_func ("/report/write/missing-folder", test_write_missing_folder);
  g_test_add_func ("/report/write/read-only-folder", test_write_read_only_folder);
  g_test_add_func ("/report/write/fails-halfway", test_write_fails_halfway);
  g_test_add_func ("/report/write/cancel", test_cancel);
  g_test_add_func ("/report/write/worker-thread", test_worker_thread);

  return g_test_run ();
}
