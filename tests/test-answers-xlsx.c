#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rd-action.h"
#include "rd-analysis.h"
#include "rd-answers-xlsx.h"
#include "rd-evidence.h"
#include "rd-export-file.h"
#include "rd-test-files.h"
#include "rd-test-fixtures.h"

/* Four leaders and four teachers with every kind of answer, not
 * applicable and unanswered, a lone learner and two support staff (rows
 * 10 and 11): too small a group each, and shown only combined. */
static GPtrArray *
make_answers (void)
{
  GPtrArray *answers = rd_test_sample_answers (RD_GROUP_LEARNER);

  for (guint i = 0; i < 3; i++)
    {
      rd_test_add_answer (answers, 50 + i, RD_GROUP_LEADER, "a-plan", 1, 3);
      rd_test_add_answer (answers, 60 + i, RD_GROUP_TEACHER, "a-team", 2, 4);
    }
  for (guint i = 0; i < 2; i++)
    rd_test_add_answer (answers, 70 + i, RD_GROUP_SUPPORT_STAFF, "b-speed", 1, 20);
  return answers;
}

static GPtrArray *
make_actions (void)
{
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const items[] = { "a-plan", "a-review", NULL };
  RdActionInfo plan = {
    .title = "Write the digital plan",
    .factor = RD_FACTOR_STRATEGY,
    .item_ids = items,
    .owner = "Deputy head",
    .due = "2027-03-31",
    .status = RD_ACTION_STATUS_IN_PROGRESS,
    .criterion = "The board approved it",
    .notes = "Start from last year's draft",
    .carried_from = "2025–2026",
  };
  RdActionInfo wifi = {
    .title = "Wi-Fi in the gym",
    .factor = RD_FACTOR_INVESTMENT,
    .status = RD_ACTION_STATUS_PLANNED,
  };

  g_ptr_array_add (actions, rd_action_new (&plan));
  g_ptr_array_add (actions, rd_action_new (&wifi));
  return actions;
}

static RdAnswersXlsx *
make_content (guint threshold)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(GPtrArray) actions = make_actions ();

  /* The snapshot keeps its own copies: everything else goes away here. */
  return rd_answers_xlsx_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, actions, threshold);
}

static char *
write_workbook (const char *folder,
                guint       threshold)
{
  g_autoptr(RdAnswersXlsx) content = make_content (threshold);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "answers.xlsx", NULL);

  g_assert_true (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* A zip with the four sheets in order, the format's version, a new file
 * that only its owner can read, and nothing else left in the folder. */
static void
test_workbook (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = write_workbook (folder, 0);
  g_autofree char *parts = rd_test_xlsx_list_parts (path);
  g_autofree char *workbook = rd_test_xlsx_read_part (path, "xl/workbook.xml");
  g_autofree char *custom = rd_test_xlsx_read_part (path, "docProps/custom.xml");
  g_autofree char *sheets = NULL;

  g_assert_nonnull (strstr (parts, "xl/workbook.xml\n"));
  g_assert_nonnull (strstr (parts, "xl/worksheets/sheet4.xml\n"));
  g_assert_nonnull (strstr (parts, "xl/sharedStrings.xml\n"));

  sheets = rd_test_match (workbook, "<sheets>(.*)</sheets>");
  g_assert_nonnull (sheets);
  g_assert_nonnull (g_strstr_len (sheets, -1, "<sheet name=\"Answers\" sheetId=\"1\""));
  g_assert_nonnull (g_strstr_len (sheets, -1, "<sheet name=\"Items\" sheetId=\"2\""));
  g_assert_nonnull (g_strstr_len (sheets, -1, "<sheet name=\"Factors\" sheetId=\"3\""));
  g_assert_nonnull (g_strstr_len (sheets, -1, "<sheet name=\"Actions\" sheetId=\"4\""));

  rd_test_assert_matches (custom, "name=\"readiness-format\"><vt:r8>(2)</vt:r8>");
  rd_test_assert_matches (custom, "name=\"readiness-framework\"><vt:lpwstr>(small-fixture)</vt:lpwstr>");
  /* Asked for 0, written with the lowest threshold there is, and saying so. */
  rd_test_assert_matches (custom, "name=\"readiness-anonymity-threshold\"><vt:r8>(2)</vt:r8>");

  rd_test_assert_mode (path, 0600);
  rd_test_assert_listing (folder, "answers.xlsx");

  rd_test_remove_folder (folder);
}

/* Answers as typed cells: numbers, a date with a date format, yes/no and
 * N/A as text; the header bold and frozen. */
static void
test_answer_cells (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = write_workbook (folder, 0);
  g_autofree char *sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet1.xml");
  g_autofree char *styles = rd_test_xlsx_read_part (path, "xl/styles.xml");
  g_autoptr(GPtrArray) strings = rd_test_xlsx_shared_strings (path);
  g_autofree char *date_format = NULL;

  /* Row 2 is the first respondent (a leader): a-plan 4, a-team 5, … */
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "A1"), ==, "respondent");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B1"), ==, "group");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "C1"), ==, "a-plan");
  g_assert_nonnull (strstr (sheet, "<c r=\"A2\"><v>1</v></c>"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B2"), ==, "leader");
  g_assert_nonnull (strstr (sheet, "<c r=\"C2\"><v>4</v></c>"));
  g_assert_nonnull (strstr (sheet, "<c r=\"D2\"><v>5</v></c>"));
  g_assert_nonnull (strstr (sheet, "<c r=\"F2\"><v>250.5</v></c>"));
  g_assert_nonnull (strstr (sheet, "<c r=\"G2\"><v>95</v></c>"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "H2"), ==, "yes");

  /* 15 March 2025 is day 45731 of Excel's calendar. */
  g_assert_cmpfloat (rd_test_xlsx_cell_number (sheet, "E2"), ==, 45731);
  date_format = rd_test_xlsx_cell_number_format (sheet, styles, "E2");
  g_assert_cmpstr (date_format, ==, "yyyy-mm-dd");

  /* The teacher: not applicable, no, and nothing where unanswered. */
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B3"), ==, "teacher");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "G3"), ==, "N/A");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "H3"), ==, "no");
  g_assert_null (strstr (sheet, "<c r=\"D3\""));
  g_assert_nonnull (strstr (sheet, "<c r=\"F4\"><v>0.25</v></c>"));

  g_assert_true (rd_test_xlsx_cell_is_bold (sheet, styles, "A1"));
  rd_test_assert_matches (sheet, "(<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\" [^>]*state=\"frozen\")");

  rd_test_remove_folder (folder);
}

/* The lone learner's group is withheld, and the two support staff's with
 * it: together they reach the threshold of 3. Leaders and teachers stay. */
static void
test_withheld_group (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = write_workbook (folder, 3);
  g_autofree char *sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet1.xml");
  g_autoptr(GPtrArray) strings = rd_test_xlsx_shared_strings (path);

  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B2"), ==, "leader");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B3"), ==, "teacher");
  g_assert_nonnull (strstr (sheet, "<c r=\"A4\"><v>3</v></c>"));
  g_assert_null (strstr (sheet, "<c r=\"B4\""));
  g_assert_nonnull (strstr (sheet, "<c r=\"F4\"><v>0.25</v></c>"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B5"), ==, "leader");
  g_assert_nonnull (strstr (sheet, "<c r=\"A11\"><v>10</v></c>"));
  g_assert_null (strstr (sheet, "<c r=\"B11\""));
  g_assert_null (strstr (sheet, "<c r=\"B12\""));
  for (guint i = 0; i < strings->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (strings, i), !=, "learner");
      g_assert_cmpstr (g_ptr_array_index (strings, i), !=, "support-staff");
    }

  rd_test_remove_folder (folder);
}

/* Items and factors hold the analysis' numbers as numbers. */
static void
test_items_and_factors (void)
{
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(RdAnalysis) analysis = rd_analysis_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL);
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = write_workbook (folder, 0);
  g_autofree char *items = rd_test_xlsx_read_part (path, "xl/worksheets/sheet2.xml");
  g_autofree char *factors = rd_test_xlsx_read_part (path, "xl/worksheets/sheet3.xml");
  g_autoptr(GPtrArray) strings = rd_test_xlsx_shared_strings (path);
  RdFactorResult strategy;
  guint n_plan;
  double plan = rd_analysis_get_item_score (analysis, "a-plan", &n_plan);

  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "A2"), ==, "a-plan");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "B2"), ==, "Alpha");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "C2"), ==, "Strategy, Engagement");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "D2"), ==, "We have a plan.");
  g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (items, "E2"), plan, 1e-9);
  g_assert_cmpfloat (rd_test_xlsx_cell_number (items, "F2"), ==, n_plan);
  g_assert_cmpuint (n_plan, ==, 5);
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "A7"), ==, "b-mfa");

  rd_analysis_get_factor (analysis, RD_FACTOR_STRATEGY, &strategy);
  g_assert_true (strategy.trusted);
  g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (factors, "B2"), strategy.readiness, 1e-9);
  g_assert_cmpstr (rd_test_xlsx_cell_text (factors, strings, "C2"), ==,
                   rd_level_get_title (rd_level_for_score (strategy.readiness)));
  g_assert_cmpfloat (rd_test_xlsx_cell_number (factors, "D2"), ==, 70);
  g_assert_cmpfloat_with_epsilon (rd_test_xlsx_cell_number (factors, "E2"), strategy.gap, 1e-9);
  g_assert_cmpfloat (rd_test_xlsx_cell_number (factors, "D5"), ==, 60);

  rd_test_remove_folder (folder);
}

/* The Items sheet's last columns: an item's commentary, and its evidence
 * one line each, as text; empty for an item with neither. */
static void
test_commentary_and_evidence (void)
{
  g_autoptr(RdAnswersXlsx) content = make_content (0);
  g_autoptr(GHashTable) commentaries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.xlsx", NULL);
  g_autofree char *items = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (commentaries, "a-plan", "We answered 3:\nwritten, not adopted.");
  g_ptr_array_add (evidence, rd_evidence_new (&(RdEvidenceInfo) {
    .item_id = "a-plan", .title = "ICT policy", .location = "https://school.example/p.pdf", .date = "2026-09-30" }));
  g_ptr_array_add (evidence, rd_evidence_new (&(RdEvidenceInfo) { .item_id = "a-plan", .title = "=Board minutes" }));
  g_ptr_array_add (evidence, rd_evidence_new (&(RdEvidenceInfo) { .item_id = "b-mfa", .title = "MFA report" }));
  rd_answers_xlsx_set_evidence (content, commentaries, evidence);
  /* A copy: what the caller changes later is not in the file. */
  g_ptr_array_set_size (evidence, 0);

  g_assert_true (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_no_error (error);
  items = rd_test_xlsx_read_part (path, "xl/worksheets/sheet2.xml");
  strings = rd_test_xlsx_shared_strings (path);

  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "G1"), ==, "Commentary");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "H1"), ==, "Evidence");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "G2"), ==, "We answered 3:\nwritten, not adopted.");
  /* Text, never a formula. */
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "H2"), ==,
                   "ICT policy — https://school.example/p.pdf (2026-09-30)\n=Board minutes");
  g_assert_false (rd_test_xlsx_has_cell (items, "G3"));
  g_assert_false (rd_test_xlsx_has_cell (items, "H3"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "A7"), ==, "b-mfa");
  g_assert_cmpstr (rd_test_xlsx_cell_text (items, strings, "H7"), ==, "MFA report");
  g_assert_null (strstr (items, "<f>"));

  rd_test_remove_folder (folder);
}

/* The action plan: titles as text, the due date as a date. */
static void
test_actions (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = write_workbook (folder, 0);
  g_autofree char *sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet4.xml");
  g_autofree char *shared = rd_test_xlsx_read_part (path, "xl/sharedStrings.xml");
  g_autofree char *styles = rd_test_xlsx_read_part (path, "xl/styles.xml");
  g_autoptr(GPtrArray) strings = rd_test_xlsx_shared_strings (path);
  g_autofree char *due_format = NULL;

  g_assert_nonnull (strstr (shared, ">Write the digital plan<"));
  g_assert_nonnull (strstr (shared, ">Wi-Fi in the gym<"));
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "A2"), ==, "Write the digital plan");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "B2"), ==, "Strategy");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "C2"), ==, "In progress");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "D2"), ==, "Deputy head");
  /* 31 March 2027 is day 46477. */
  g_assert_cmpfloat (rd_test_xlsx_cell_number (sheet, "E2"), ==, 46477);
  due_format = rd_test_xlsx_cell_number_format (sheet, styles, "E2");
  g_assert_cmpstr (due_format, ==, "yyyy-mm-dd");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "G2"), ==, "a-plan, a-review");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "I2"), ==, "2025–2026");
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "A3"), ==, "Wi-Fi in the gym");
  g_assert_null (strstr (sheet, "<c r=\"E3\""));

  rd_test_remove_folder (folder);
}

/* The error names the file; nothing is left behind. */
static void
test_read_only_folder (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *probe = g_build_filename (folder, "probe", NULL);
  g_autoptr(RdAnswersXlsx) content = make_content (0);
  g_autoptr(GError) error = NULL;
  g_autofree char *read_only = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  /* root writes anywhere it may; sysfs refuses even root. */
  if (g_file_set_contents (probe, "", 0, NULL))
    read_only = g_strdup ("/sys");
  else
    read_only = g_strdup (folder);
  path = g_build_filename (read_only, "answers.xlsx", NULL);

  before = rd_test_list_folder (read_only);
  g_assert_false (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (g_str_has_prefix (error->message, "Could not write "));
  g_assert_nonnull (strstr (error->message, path));
  after = rd_test_list_folder (read_only);
  g_assert_cmpstr (before, ==, after);

  rd_test_remove_folder (folder);
}

/* An existing file is replaced whole and keeps its permissions. */
static void
test_replace (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.xlsx", NULL);
  g_autoptr(RdAnswersXlsx) content = make_content (0);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  rd_test_write_old_file (path);
  g_assert_true (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "PK\003\004"));
  rd_test_assert_mode (path, 0644);
  rd_test_assert_listing (folder, "answers.xlsx");

  rd_test_remove_folder (folder);
}

/* A full disk, as a file size limit: the write fails, names the file and
 * leaves the old one as it was, and no temporary file. */
static void
test_failure_keeps_old_file (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.xlsx", NULL);
  g_autoptr(RdAnswersXlsx) content = make_content (0);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  gboolean ok;

  rd_test_write_old_file (path);

  /* Writes past the limit fail with EFBIG instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 2048;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = rd_answers_xlsx_write (path, content, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write "));
  g_assert_nonnull (strstr (error->message, path));
  rd_test_assert_old_file (path);
  rd_test_assert_listing (folder, "answers.xlsx");

  rd_test_remove_folder (folder);
}

static gboolean
write_answers (const char    *path,
               gconstpointer  content,
               GCancellable  *cancellable,
               GError       **error)
{
  return rd_answers_xlsx_write (path, content, cancellable, error);
}

static void
test_cancel (void)
{
  g_autoptr(RdAnswersXlsx) content = make_content (0);

  rd_test_assert_cancel_keeps_file ("answers.xlsx", write_answers, content);
}

static gpointer
write_in_thread (gpointer data)
{
  const char *path = data;
  g_autoptr(RdAnswersXlsx) content = make_content (3);

  return GINT_TO_POINTER (rd_answers_xlsx_write (path, content, NULL, NULL));
}

/* As the app runs it: the snapshot written by a worker thread. */
static void
test_worker_thread (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.xlsx", NULL);
  GThread *thread = g_thread_new ("export", write_in_thread, path);

  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  rd_test_remove_folder (folder);
}

/* A decimal comma in the user's locale must not reach the XML. */
static void
test_decimal_comma_locale (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.xlsx", NULL);
  g_autoptr(RdAnswersXlsx) content = make_content (0);

  if (rd_test_write_in_comma_locale (path, write_answers, content))
    {
      g_autofree char *sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet1.xml");

      g_assert_nonnull (strstr (sheet, "<c r=\"F2\"><v>250.5</v></c>"));
    }

  rd_test_remove_folder (folder);
}

/* The shared helper on its own: new files 0600, the contents whole. */
static void
test_export_file_write_bytes (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.csv", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("respondent,group\r\n", 18);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (rd_export_file_write_bytes (path, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "respondent,group\r\n");
  rd_test_assert_mode (path, 0600);
  rd_test_assert_listing (folder, "answers.csv");

  rd_test_remove_folder (folder);
}

/* A rename that fails (a folder in the way) removes the temporary file
 * and leaves what is there. */
static void
test_export_file_rename_fails (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "answers.csv", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));

  g_assert_false (rd_export_file_write_bytes (path, bytes, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not write "));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  rd_test_assert_listing (folder, "answers.csv");

  g_remove (inside);
  rd_test_remove_folder (folder);
}

/* Begin, write, then a cancel before commit: the target is untouched. */
static void
test_export_file_cancel_before_commit (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExportFile) file = NULL;
  g_autofree char *temp_dir = NULL;

  rd_test_write_old_file (path);
  file = rd_export_file_begin (path, &error);
  g_assert_no_error (error);
  temp_dir = g_path_get_dirname (rd_export_file_get_temp_path (file));
  g_assert_cmpstr (temp_dir, ==, folder);
  g_assert_true (g_file_set_contents (rd_export_file_get_temp_path (file), "new", -1, NULL));

  g_cancellable_cancel (cancellable);
  g_assert_false (rd_export_file_commit (file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&file, rd_export_file_free);

  rd_test_assert_old_file (path);
  rd_test_assert_listing (folder, "report.pdf");

  rd_test_remove_folder (folder);
}

/* A cell that says "_x0041_" must not show "A": OOXML reads _xHHHH_ as an
 * escape, so the underscore that starts one is written as _x005F_. In the
 * shared strings and so in every sheet's text. */
static void
test_escape_sequences (void)
{
  g_autofree char *folder = rd_test_make_folder ("answers-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "escapes.xlsx", NULL);
  g_autoptr(RdFramework) framework = rd_test_load_framework ("small.json");
  g_autoptr(GPtrArray) answers = make_answers ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdAnswersXlsx) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  RdActionInfo info = {
    .title = "_x0041_",
    .factor = RD_FACTOR_STRATEGY,
    .status = RD_ACTION_STATUS_PLANNED,
    .owner = "_x005F_x0041_",
    .criterion = "a_x00E9_b, _X0041_, _x41_ and _x00GG_",
    .notes = "Tab\there and an escape \033 too",
  };

  g_ptr_array_add (actions, rd_action_new (&info));
  content = rd_answers_xlsx_new (framework, RD_ASSESSMENT_MODE_FULL, answers, NULL, actions, 0);
  g_assert_true (rd_answers_xlsx_write (path, content, NULL, &error));
  g_assert_no_error (error);

  sheet = rd_test_xlsx_read_part (path, "xl/worksheets/sheet4.xml");
  shared = rd_test_xlsx_read_part (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (shared, "<t>_x005F_x0041_</t>"));
  g_assert_null (strstr (shared, "<t>_x0041_</t>"));
  /* Two sequences that share an underscore: both escaped. */
  g_assert_nonnull (strstr (shared, "<t>_x005F_x005F_x005F_x0041_</t>"));
  /* Upper-case hexadecimal digits too; what is no sequence (a capital X,
   * too few or wrong digits) stays. */
  g_assert_nonnull (strstr (shared, "<t>a_x005F_x00E9_b, _X0041_, _x41_ and _x00GG_</t>"));
  /* A control character is the library's own escape, not ours doubled. */
  g_assert_nonnull (strstr (shared, "an escape _x001B_ too"));
  strings = rd_test_xlsx_shared_strings (path);
  g_assert_cmpstr (rd_test_xlsx_cell_text (sheet, strings, "A2"), ==, "_x005F_x0041_");

  rd_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, while no thread runs: it may set LOCPATH. */
  g_test_add_func ("/answers-xlsx/decimal-comma-locale", test_decimal_comma_locale);
  g_test_add_func ("/answers-xlsx/workbook", test_workbook);
  g_test_add_func ("/answers-xlsx/answer-cells", test_answer_cells);
  g_test_add_func ("/answers-xlsx/withheld-group", test_withheld_group);
  g_test_add_func ("/answers-xlsx/items-and-factors", test_items_and_factors);
  g_test_add_func ("/answers-xlsx/actions", test_actions);
  g_test_add_func ("/answers-xlsx/commentary-and-evidence", test_commentary_and_evidence);
  g_test_add_func ("/answers-xlsx/escape-sequences", test_escape_sequences);
  g_test_add_func ("/answers-xlsx/read-only-folder", test_read_only_folder);
  g_test_add_func ("/answers-xlsx/replace", test_replace);
  g_test_add_func ("/answers-xlsx/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/answers-xlsx/cancel", test_cancel);
  g_test_add_func ("/answers-xlsx/worker-thread", test_worker_thread);
  g_test_add_func ("/export-file/write-bytes", test_export_file_write_bytes);
  g_test_add_func ("/export-file/rename-fails", test_export_file_rename_fails);
  g_test_add_func ("/export-file/cancel-before-commit", test_export_file_cancel_before_commit);

  return g_test_run ();
}
