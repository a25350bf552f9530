/* The worked examples of the help and of the format documents, run on the
 * real framework, analysis, readers and store, so that no document states a
 * figure the app does not compute.
 *
 * help/C/scores.page marks each figure it states with a Mallard
 * <span style="rd-KIND [ID…]">: readers see plain text, translators copy
 * the markup, and this test finds every figure and checks it. In the worked
 * example, and in any paragraph with a marked figure, every digit must lie
 * in a marked figure or in <code>, so that no figure can go unchecked.
 *
 * A figure's question is the one named in <code> in its paragraph or table
 * row, or the item id in its style. The kinds:
 *   anywhere      rd-calc (arithmetic "a = b ≈ c" or "a < b": every step must
 *                 hold), rd-ladder (a question's steps "0 → 0, 25 → 25 …"),
 *                 rd-answer + rd-score (an answer and its score, in order),
 *                 rd-reference-date and rd-months (a date answer's age),
 *                 rd-scale (statements: "1 scores 0, 2 scores 25 …")
 *   worked example (section id="example") rd-mode MODE, rd-factor FACTOR,
 *                 rd-group GROUP (who the respondents are: each question
 *                 must ask them), rd-goal [FACTOR] (the framework's target), rd-n-questions,
 *                 rd-n-answered, rd-min-answered; per table row rd-kind,
 *                 rd-area, rd-weight, rd-answer (n-th = n-th respondent),
 *                 rd-score, rd-question-score; then rd-readiness, rd-level,
 *                 rd-gap, rd-weighted-gap ITEM [FACTOR], rd-rank ITEM
 *                 [FACTOR] (the priorities, in order), rd-area with
 *                 rd-area-question ITEM (all its questions in this mode) and
 *                 rd-area-score, rd-only ITEM (too few: "not enough answers").
 *   worked example of a change (section id="change-example"), of the
 *                 statement in its <code>: rd-change-n-before/-after,
 *                 rd-change-answers-before/-after and -scores-before/-after
 *                 (lists, n-th = n-th respondent), rd-change-mean-before/-after,
 *                 rd-change-delta, rd-change-size, rd-change-variance-before/
 *                 -after, rd-change-se2, rd-change-se, rd-change-t,
 *                 rd-change-df, rd-change-p, rd-change-alpha; and rd-calc.
 * What the framework sets (weights, targets, counts) is stated exactly;
 * computed figures may be rounded, to as many decimals as they are written. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rd-analysis.h"
#include "rd-change.h"
#include "rd-errors.h"
#include "rd-exchange-import.h"
#include "rd-exchange.h"
#include "rd-response-file.h"
#include "rd-store.h"

#define RESOURCE_FRAMEWORK "/io/github/digiready/Readiness/frameworks/" RD_BUILTIN_FRAMEWORK_ID ".json"

/* ------------------------------------------------------------------ */
/* Problems: every one is reported, then the test fails once. */

static GPtrArray *problems;

G_GNUC_PRINTF (3, 4)
static void
problem (const char *file,
         guint       line,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", file, line, text));
}

static void
problems_begin (void)
{
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = g_ptr_array_new_with_free_func (g_free);
}

static void
assert_no_problems (void)
{
  /* Failed, not aborted: the other examples are still checked. */
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%u problems", problems->len);
}

static char *
source_path (const char *variable)
{
  const char *path = g_getenv (variable);

  if (path == NULL)
    g_error ("%s is not set (tests/meson.build sets it)", variable);
  return g_strdup (path);
}

static RdFramework *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  RdFramework *framework = rd_framework_load_builtin (&error);

  g_assert_no_error (error);
  return framework;
}

/* ------------------------------------------------------------------ */
/* Numbers as a page writes them: "87.5", "45%", Dutch "87,5". */

typedef struct
{
  double value;
  guint decimals;
} Number;

static GArray *
numbers_in (const char *text)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (Number));

  for (const char *p = text; *p != '\0';)
    {
      Number number = { 0, 0 };
      double scale = 0.1;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      while (g_ascii_isdigit (*p))
        number.value = number.value * 10 + (*p++ - '0');
      if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
          {
            number.value += (*p - '0') * scale;
            number.decimals++;
          }
      g_array_append_val (numbers, number);
    }
  return numbers;
}

/* The one number of a figure; FALSE and a problem when it has none or more. */
static gboolean
figure_number (const char *text,
               const char *file,
               guint       line,
               Number     *number)
{
  g_autoptr(GArray) numbers = numbers_in (text);

  if (numbers->len != 1)
    {
      problem (file, line, "“%s” should be one number", text);
      return FALSE;
    }
  *number = g_array_index (numbers, Number, 0);
  return TRUE;
}

/* A stated figure is right when the real value, rounded as the page rounds
 * it (to as many decimals as it writes), is that figure. */
static gboolean
number_states (Number stated,
               double real)
{
  return !isnan (real) && fabs (real - stated.value) <= 0.5 * pow (10, -(double) stated.decimals) + 1e-9;
}

static void
check_stated (const char *what,
              const char *text,
              double      real,
              const char *file,
              guint       line)
{
  Number stated;

  if (figure_number (text, file, line, &stated) && !number_states (stated, real))
    problem (file, line, "%s: the page says %s, the app computes %.4g", what, text, real);
}

/* What the framework or the rules set (a weight, a target, a count) is
 * stated exactly; only computed figures are rounded. */
static void
check_exact (const char *what,
             const char *text,
             double      real,
             const char *file,
             guint       line)
{
  Number stated;

  if (figure_number (text, file, line, &stated) && fabs (stated.value - real) > 1e-9)
    problem (file, line, "%s: the page says %s, the app has %g", what, text, real);
}

/* ------------------------------------------------------------------ */
/* Arithmetic as the page writes it: "(1.5 × 87.5 + 1 × 25) / 4 ≈ 52.2". */

typedef struct
{
  const char *p;
  gboolean failed;
} Calc;

static gboolean
calc_take (Calc       *calc,
           const char *token)
{
  while (g_ascii_isspace (*calc->p))
    calc->p++;
  if (!g_str_has_prefix (calc->p, token))
    return FALSE;
  calc->p += strlen (token);
  return TRUE;
}

static double calc_sum (Calc *calc);

static double
calc_atom (Calc *calc)
{
  double value;
  char *end;

  if (calc_take (calc, "−") || calc_take (calc, "-"))
    return -calc_atom (calc);
  if (calc_take (calc, "("))
    {
      value = calc_sum (calc);
      if (!calc_take (calc, ")"))
        calc->failed = TRUE;
      return value;
    }
  value = g_ascii_strtod (calc->p, &end);
  if (end == calc->p)
    calc->failed = TRUE;
  calc->p = end;
  return value;
}

static double
calc_product (Calc *calc)
{
  double value = calc_atom (calc);

  for (;;)
    {
      if (calc_take (calc, "×"))
        value *= calc_atom (calc);
      else if (calc_take (calc, "/"))
        value /= calc_atom (calc);
      else
        return value;
    }
}

static double
calc_sum (Calc *calc)
{
  double value = calc_product (calc);

  for (;;)
    {
      if (calc_take (calc, "+"))
        value += calc_product (calc);
      else if (calc_take (calc, "−") || calc_take (calc, "-"))
        value -= calc_product (calc);
      else
        return value;
    }
}

/* Every step of a chain "a = b ≈ c", "a < b" must hold: "=" exactly, "≈"
 * to the decimals of the plain number on its right. */
static void
check_calc (const char *text,
            const char *file,
            guint       line)
{
  static const char * const relations[] = { "=", "≈", "<", ">" };
  Calc calc = { text, FALSE };
  double left = calc_sum (&calc);
  guint n_steps = 0;

  while (!calc.failed)
    {
      const char *relation = NULL, *right_text;
      double right;

      while (g_ascii_isspace (*calc.p))
        calc.p++;
      if (*calc.p == '\0')
        break;
      for (guint r = 0; r < G_N_ELEMENTS (relations) && relation == NULL; r++)
        if (calc_take (&calc, relations[r]))
          relation = relations[r];
      if (relation == NULL)
        {
          calc.failed = TRUE;
          break;
        }
      right_text = calc.p;
      right = calc_sum (&calc);
      n_steps++;
      if (g_str_equal (relation, "="))
        {
          if (fabs (left - right) > 1e-9 * MAX (1, fabs (left)))
            problem (file, line, "“%s”: %g is not %g", text, left, right);
        }
      else if (g_str_equal (relation, "≈"))
        {
          g_autofree char *plain = g_strstrip (g_strndup (right_text, calc.p - right_text));
          g_autoptr(GArray) numbers = numbers_in (plain);

          if (numbers->len != 1 || strspn (plain, "0123456789.") != strlen (plain))
            problem (file, line, "“%s”: “≈” must be followed by a plain number", text);
          else if (!number_states (g_array_index (numbers, Number, 0), left))
            problem (file, line, "“%s”: %g is not about %s", text, left, plain);
        }
      else if (g_str_equal (relation, "<") ? !(left < right) : !(left > right))
        problem (file, line, "“%s”: %g %s %g does not hold", text, left, relation, right);
      left = right;
    }

  if (calc.failed)
    problem (file, line, "“%s” is not arithmetic this test can read", text);
  else if (n_steps == 0)
    problem (file, line, "“%s” states no result", text);
}

/* ------------------------------------------------------------------ */
/* The page: its paragraphs and table rows ("scopes") with their figures. */

typedef struct
{
  char *kind;           /* "rd-answer", "rd-readiness", … */
  char **ids;           /* the other tokens of its style: an item, factor or mode id */
  GString *text;
  gboolean has_gui;     /* holds a <gui>: the answer "not applicable / don't know" */
  guint line;
  guint depth;
} Figure;

typedef struct
{
  char *section;        /* id of the innermost <section>, "" outside one */
  gboolean is_row;      /* a table row <tr>; otherwise a paragraph <p> */
  guint line;
  GPtrArray *figures;   /* of Figure, in document order, outer before inner */
  GPtrArray *codes;     /* of char *: the text of each <code> */
  GPtrArray *cells;     /* of GString: the text of each <td> of a row */
  GString *loose;       /* text with digits outside any figure or <code> */
} Scope;

typedef struct
{
  const char *file;
  GPtrArray *scopes;
  GMarkupParseContext *context;
  /* while parsing */
  guint depth;
  GPtrArray *sections;  /* stack of char * */
  GArray *section_depths;
  Scope *scope;
  guint scope_depth;
  GPtrArray *open;      /* open figures, borrowed from the scope */
  GString *code;
  GString *cell;
} Page;

static void
figure_free (Figure *figure)
{
  g_free (figure->kind);
  g_strfreev (figure->ids);
  g_string_free (figure->text, TRUE);
  g_free (figure);
}

static void
scope_free (Scope *scope)
{
  g_free (scope->section);
  g_ptr_array_unref (scope->figures);
  g_ptr_array_unref (scope->codes);
  g_ptr_array_unref (scope->cells);
  g_string_free (scope->loose, TRUE);
  g_free (scope);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static guint
page_line (Page *page)
{
  int line = 0;

  g_markup_parse_context_get_position (page->context, &line, NULL);
  return line;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
begin_figure (Page       *page,
              const char *style)
{
  g_auto(GStrv) tokens = g_strsplit_set (style, " \t\n", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  Figure *figure = g_new0 (Figure, 1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_has_prefix (tokens[i], "rd-") && figure->kind == NULL)
        figure->kind = g_strdup (tokens[i]);
      else if (tokens[i][0] != '\0')
        g_ptr_array_add (ids, g_strdup (tokens[i]));
    }
  g_ptr_array_add (ids, NULL);
  figure->ids = (char **) g_ptr_array_steal (ids, NULL);
  figure->text = g_string_new (NULL);
  figure->line = page_line (page);
  figure->depth = page->depth;

  if (figure->kind == NULL)
    {
      problem (page->file, figure->line, "style “%s” has no token rd-KIND", style);
      figure_free (figure);
      return;
    }
  if (page->scope == NULL)
    {
      problem (page->file, figure->line, "figure %s outside a paragraph or table row", figure->kind);
      figure_free (figure);
      return;
    }
  g_ptr_array_add (page->scope->figures, figure);
  g_ptr_array_add (page->open, figure);
}

static void
page_start (GMarkupParseContext  *context,
            const char           *name,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Page *page = user_data;
  const char *style = attribute (names, values, "style");

  page->depth++;
  if (g_str_equal (name, "section"))
    {
      const char *id = attribute (names, values, "id");

      g_ptr_array_add (page->sections, g_strdup (id ? id : ""));
      g_array_append_val (page->section_depths, page->depth);
    }
  else if (g_str_equal (name, "tr") || (g_str_equal (name, "p") && page->scope == NULL))
    {
      Scope *scope = g_new0 (Scope, 1);

      scope->section = g_strdup (page->sections->len > 0 ? g_ptr_array_index (page->sections, page->sections->len - 1) : "");
      scope->is_row = g_str_equal (name, "tr");
      scope->line = page_line (page);
      scope->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
      scope->codes = g_ptr_array_new_with_free_func (g_free);
      scope->cells = g_ptr_array_new_with_free_func (string_free);
      scope->loose = g_string_new (NULL);
      g_ptr_array_add (page->scopes, scope);
      page->scope = scope;
      page->scope_depth = page->depth;
    }
  else if (g_str_equal (name, "td") && page->scope != NULL && page->scope->is_row)
    {
      page->cell = g_string_new (NULL);
      g_ptr_array_add (page->scope->cells, page->cell);
    }
  else if (g_str_equal (name, "span") && style != NULL && strstr (style, "rd-") != NULL)
    begin_figure (page, style);
  else if (g_str_equal (name, "code"))
    page->code = g_string_new (NULL);
  else if (g_str_equal (name, "gui"))
    for (guint i = 0; i < page->open->len; i++)
      ((Figure *) g_ptr_array_index (page->open, i))->has_gui = TRUE;
}

static void
page_end (GMarkupParseContext  *context,
          const char           *name,
          gpointer              user_data,
          GError              **error)
{
  Page *page = user_data;

  if (g_str_equal (name, "section") && page->section_depths->len > 0 &&
      g_array_index (page->section_depths, guint, page->section_depths->len - 1) == page->depth)
    {
      g_ptr_array_remove_index (page->sections, page->sections->len - 1);
      g_array_remove_index (page->section_depths, page->section_depths->len - 1);
    }
  else if (page->scope != NULL && page->depth == page->scope_depth)
    page->scope = NULL;
  else if (g_str_equal (name, "td"))
    page->cell = NULL;
  else if (g_str_equal (name, "code") && page->code != NULL)
    {
      if (page->scope != NULL)
        g_ptr_array_add (page->scope->codes, g_strstrip (g_string_free (page->code, FALSE)));
      else
        g_string_free (page->code, TRUE);
      page->code = NULL;
    }
  else if (g_str_equal (name, "span") && page->open->len > 0 &&
           ((Figure *) g_ptr_array_index (page->open, page->open->len - 1))->depth == page->depth)
    g_ptr_array_remove_index (page->open, page->open->len - 1);
  page->depth--;
}

static void
page_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  Page *page = user_data;

  if (page->scope == NULL)
    return;
  if (page->cell != NULL)
    g_string_append_len (page->cell, text, length);
  for (guint i = 0; i < page->open->len; i++)
    g_string_append_len (((Figure *) g_ptr_array_index (page->open, i))->text, text, length);
  if (page->code != NULL)
    g_string_append_len (page->code, text, length);
  else if (page->open->len == 0)
    for (gsize i = 0; i < length; i++)
      if (g_ascii_isdigit (text[i]))
        {
          g_string_append_len (page->scope->loose, text, length);
          g_string_append (page->scope->loose, " | ");
          break;
        }
}

static const GMarkupParser page_parser = { page_start, page_end, page_text, NULL, NULL };

/* Reads @text (a whole page, or one paragraph's markup) into its scopes. */
static GPtrArray *
read_scopes (const char *text,
             const char *file)
{
  g_autoptr(GError) error = NULL;
  Page page = { file };

  page.scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) scope_free);
  page.sections = g_ptr_array_new_with_free_func (g_free);
  page.section_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  page.open = g_ptr_array_new ();
  page.context = g_markup_parse_context_new (&page_parser, G_MARKUP_PREFIX_ERROR_POSITION, &page, NULL);
  if (!g_markup_parse_context_parse (page.context, text, -1, &error) ||
      !g_markup_parse_context_end_parse (page.context, &error))
    problem (file, 0, "not well-formed: %s", error->message);
  g_markup_parse_context_free (page.context);
  g_ptr_array_unref (page.sections);
  g_array_unref (page.section_depths);
  g_ptr_array_unref (page.open);
  return page.scopes;
}

static GPtrArray *
read_page (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return read_scopes (text, path);
}

/* ------------------------------------------------------------------ */
/* What a figure's text and ids name, in the English of the C page. */

static gboolean
looks_like_item_id (const char *text)
{
  g_autoptr(GRegex) id = g_regex_new ("^[a-z]+(-[a-z0-9]+)+$", 0, 0, NULL);

  return g_regex_match (id, text, 0, NULL);
}

/* The scope's question: the one <code> naming an item of the framework.
 * A <code> that looks like an item id but names none is a problem. */
static RdItem *
scope_item (Scope       *scope,
            RdFramework *framework,
            const char  *file)
{
  RdItem *found = NULL;

  for (guint i = 0; i < scope->codes->len; i++)
    {
      const char *code = g_ptr_array_index (scope->codes, i);
      RdItem *item = rd_framework_lookup_item (framework, code);

      if (item == NULL && looks_like_item_id (code))
        problem (file, scope->line, "<code>%s</code> is no question of the built-in framework", code);
      else if (item != NULL && found != NULL && found != item)
        problem (file, scope->line, "names two questions, %s and %s: say which a figure is about",
                 rd_item_get_id (found), code);
      else if (item != NULL)
        found = item;
    }
  return found;
}

/* The item a figure names in its style, or the scope's. */
static RdItem *
figure_item (Figure      *figure,
             RdItem      *scope_item,
             RdFramework *framework,
             const char  *file)
{
  if (figure->ids[0] != NULL)
    {
      RdItem *item = rd_framework_lookup_item (framework, figure->ids[0]);

      if (item == NULL)
        problem (file, figure->line, "%s names “%s”, no question of the built-in framework",
                 figure->kind, figure->ids[0]);
      return item;
    }
  if (scope_item == NULL)
    problem (file, figure->line, "%s “%s”: which question? Name it in <code> or in the style",
             figure->kind, figure->text->str);
  return scope_item;
}

static gboolean
kind_from_words (const char *words,
                 RdItemKind *kind)
{
  static const struct { const char *words; RdItemKind kind; } kinds[] = {
    { "statement", RD_ITEM_KIND_STATEMENT },
    { "number", RD_ITEM_KIND_NUMBER },
    { "percentage", RD_ITEM_KIND_PERCENT },
    { "yes/no", RD_ITEM_KIND_YES_NO },
    { "date", RD_ITEM_KIND_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (words, kinds[i].words))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static RdArea *
area_from_title (RdFramework *framework,
                 const char  *title)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *one_space = g_regex_replace_literal (spaces, title, -1, 0, " ", 0, NULL);

  for (guint i = 0; i < rd_framework_get_n_areas (framework); i++)
    {
      RdArea *area = rd_framework_get_area (framework, i);

      if (g_str_equal (rd_text_get (rd_area_get_title (area), "en"), g_strstrip (one_space)))
        return area;
    }
  return NULL;
}

/* "15 March 2025" */
static gboolean
date_from_words (const char *words,
                 GDate      *date)
{
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December" };
  g_autoptr(GRegex) pattern = g_regex_new ("^\\s*(\\d{1,2})\\s+([A-Z][a-z]+)\\s+(\\d{4})\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *month = NULL;

  if (!g_regex_match (pattern, words, 0, &match))
    return FALSE;
  month = g_match_info_fetch (match, 2);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_str_equal (month, months[m]))
      {
        g_autofree char *day = g_match_info_fetch (match, 1);
        g_autofree char *year = g_match_info_fetch (match, 3);

        g_date_clear (date, 1);
        if (!g_date_valid_dmy (atoi (day), m + 1, atoi (year)))
          return FALSE;
        g_date_set_dmy (date, atoi (day), m + 1, atoi (year));
        return TRUE;
      }
  return FALSE;
}

/* Someone whose answer to @item counts: of its responsible group, or of
 * the first group it asks. */
static RdGroup
answering_group (RdItem *item)
{
  RdGroup group = RD_GROUP_LEADER;

  if (rd_item_get_responsible (item, &group))
    return group;
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (rd_item_asks (item, g))
      return g;
  return group;
}

/* An answer as the store would hold it, from the words of a figure. */
static RdAnswer *
answer_from_figure (Figure     *figure,
                    RdItem     *item,
                    gint64      respondent,
                    RdGroup     group,
                    guint32     reference_day,
                    const char *file)
{
  g_autoptr(RdAnswer) answer = rd_answer_new ();
  g_autofree char *words = g_strstrip (g_strdup (figure->text->str));

  answer->respondent_id = respondent;
  answer->group = group;
  answer->item_id = g_strdup (rd_item_get_id (item));
  answer->item_version = rd_item_get_version (item);
  answer->reference_day = reference_day;
  answer->answered = 1767225600;

  if (figure->has_gui)
    {
      if (!g_str_equal (words, "Not applicable / don’t know"))
        problem (file, figure->line, "answer “%s”: the app calls it “Not applicable / don’t know”", words);
      answer->not_applicable = TRUE;
    }
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date;

      if (!date_from_words (words, &date))
        {
          problem (file, figure->line, "“%s” is no date such as “15 March 2025”", words);
          return NULL;
        }
      answer->julian_day = g_date_get_julian (&date);
    }
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_YES_NO && (g_str_equal (words, "yes") || g_str_equal (words, "no")))
    answer->value = g_str_equal (words, "yes");
  else
    {
      Number number;

      if (!figure_number (words, file, figure->line, &number))
        return NULL;
      answer->value = number.value;
    }
  return g_steal_pointer (&answer);
}

static void
check_ladder (Figure     *figure,
              RdItem     *item,
              const char *file)
{
  g_autoptr(GArray) numbers = numbers_in (figure->text->str);
  guint n_steps;
  const RdLadderStep *steps = rd_item_get_ladder (item, &n_steps);
  gboolean same = numbers->len == 2 * n_steps;

  for (guint i = 0; same && i < n_steps; i++)
    same = g_array_index (numbers, Number, 2 * i).value == steps[i].at &&
           g_array_index (numbers, Number, 2 * i + 1).value == steps[i].score;
  if (!same)
    {
      g_autoptr(GString) real = g_string_new (NULL);

      for (guint i = 0; i < n_steps; i++)
        g_string_append_printf (real, "%s%g → %g", i > 0 ? ", " : "", steps[i].at, steps[i].score);
      problem (file, figure->line, "ladder of %s: the page says “%s”, the framework has %s",
               rd_item_get_id (item), figure->text->str, real->str);
    }
}

static void
check_answer_score (Figure     *score,
                    RdItem     *item,
                    RdAnswer   *answer,
                    const char *file)
{
  g_autofree char *what = g_strdup_printf ("score of the answer to %s", rd_item_get_id (item));

  check_stated (what, score->text->str, rd_analysis_score_answer (item, answer), file, score->line);
}

/* Pairs "1 scores 0, 2 scores 25, …" hold for every statement. */
static void
check_scale (Figure      *figure,
             RdFramework *framework,
             const char  *file)
{
  g_autoptr(GArray) numbers = numbers_in (figure->text->str);

  if (numbers->len == 0 || numbers->len % 2 != 0)
    problem (file, figure->line, "“%s” should be pairs of an answer and its score", figure->text->str);
  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      if (rd_item_get_kind (item) != RD_ITEM_KIND_STATEMENT)
        continue;
      for (guint n = 0; n + 1 < numbers->len; n += 2)
        {
          Number answer = g_array_index (numbers, Number, n);
          Number stated = g_array_index (numbers, Number, n + 1);
          double real = rd_item_score_value (item, RD_SCHOOL_TYPE_UNSET, answer.value);

          if (!number_states (stated, real))
            problem (file, figure->line, "%s: the page says %g scores %g, the app %g",
                     rd_item_get_id (item), answer.value, stated.value, real);
        }
    }
}

/* Every digit of the worked example, and of any paragraph with a marked
 * figure, must be in a marked figure or a <code>. */
static void
check_every_figure_marked (GPtrArray  *scopes,
                           const char *file)
{
  for (guint i = 0; i < scopes->len; i++)
    {
      Scope *scope = g_ptr_array_index (scopes, i);

      if ((g_str_equal (scope->section, "example") || scope->figures->len > 0) && scope->loose->len > 0)
        problem (file, scope->line, "a figure that nothing checks: “%s”", scope->loose->str);
    }
}

/* ------------------------------------------------------------------ */
/* Figures outside the worked example: scores of single answers. */

static void
check_answer_scopes (GPtrArray   *scopes,
                     RdFramework *framework,
                     const char  *file,
                     guint       *n_ladders,
                     guint       *n_dates)
{
  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);
      RdItem *item = scope_item (scope, framework, file);
      g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
      guint32 reference_day = 0;
      guint n_scores = 0;

      /* The worked examples have tests of their own. */
      if (g_str_equal (scope->section, "example") || g_str_equal (scope->section, "change-example"))
        continue;

      for (guint f = 0; f < scope->figures->len; f++)
        {
          Figure *figure = g_ptr_array_index (scope->figures, f);
          GDate date;

          if (g_str_equal (figure->kind, "rd-reference-date"))
            {
              if (date_from_words (figure->text->str, &date))
                reference_day = g_date_get_julian (&date);
              else
                problem (file, figure->line, "“%s” is no date such as “10 November 2026”", figure->text->str);
            }
        }

      for (guint f = 0; f < scope->figures->len; f++)
        {
          Figure *figure = g_ptr_array_index (scope->figures, f);
          RdItem *about = NULL;

          if (g_str_equal (figure->kind, "rd-scale"))
            check_scale (figure, framework, file);
          else if (g_str_equal (figure->kind, "rd-calc"))
            check_calc (figure->text->str, file, figure->line);
          else if (g_str_equal (figure->kind, "rd-reference-date"))
            continue;
          else if ((about = figure_item (figure, item, framework, file)) == NULL)
            continue;
          else if (g_str_equal (figure->kind, "rd-ladder"))
            {
              check_ladder (figure, about, file);
              (*n_ladders)++;
            }
          else if (g_str_equal (figure->kind, "rd-answer"))
            {
              RdAnswer *answer;

              if (rd_item_get_kind (about) == RD_ITEM_KIND_DATE && reference_day == 0)
                problem (file, figure->line, "a date answer needs the reference date (rd-reference-date)");
              answer = answer_from_figure (figure, about, 1, answering_group (about), reference_day, file);
              if (answer != NULL)
                g_ptr_array_add (answers, answer);
            }
          else if (g_str_equal (figure->kind, "rd-score"))
            {
              if (n_scores >= answers->len)
                problem (file, figure->line, "score %s of no answer before it", figure->text->str);
              else
                check_answer_score (figure, about, g_ptr_array_index (answers, n_scores), file);
              n_scores++;
            }
          else if (g_str_equal (figure->kind, "rd-months"))
            {
              const RdAnswer *answer = answers->len > 0 ? g_ptr_array_index (answers, answers->len - 1) : NULL;
              GDate date, reference;

              if (answer == NULL || answer->julian_day == 0 || reference_day == 0)
                {
                  problem (file, figure->line, "months of no date answer and reference date");
                  continue;
                }
              g_date_set_julian (&date, answer->julian_day);
              g_date_set_julian (&reference, reference_day);
              check_exact ("age in whole months", figure->text->str, rd_months_between (&date, &reference),
                            file, figure->line);
              (*n_dates)++;
            }
          else
            problem (file, figure->line, "%s is not checked outside the worked example", figure->kind);
        }

      if (n_scores != answers->len)
        problem (file, scope->line, "%u answers but %u scores", answers->len, n_scores);
    }
}

/* ------------------------------------------------------------------ */
/* The worked example: its answers run through the real analysis. */

typedef struct
{
  const char *file;
  RdFramework *framework;
  gboolean has_mode, has_factor, has_group;
  RdAssessmentMode mode;
  RdFactor factor;
  RdGroup group;            /* every respondent's */
  double targets[RD_N_FACTORS];
  GPtrArray *answers;       /* of RdAnswer */
  GHashTable *seen;         /* figure kinds met, for the list of what must be there */
  RdAnalysis *analysis;
  RdFactorResult result;
} Example;

static const char *
id0 (Figure *figure)
{
  return figure->ids[0] != NULL ? figure->ids[0] : "";
}

static void
read_setup (Example *example,
            Scope   *scope)
{
  for (guint f = 0; f < scope->figures->len; f++)
    {
      Figure *figure = g_ptr_array_index (scope->figures, f);

      if (g_str_equal (figure->kind, "rd-mode"))
        {
          example->has_mode = rd_assessment_mode_from_id (id0 (figure), &example->mode);
          if (!example->has_mode)
            problem (example->file, figure->line, "rd-mode needs a mode id: full or pulse");
        }
      else if (g_str_equal (figure->kind, "rd-factor"))
        {
          example->has_factor = rd_factor_from_id (id0 (figure), &example->factor);
          if (!example->has_factor)
            problem (example->file, figure->line, "rd-factor needs a factor id");
        }
      else if (g_str_equal (figure->kind, "rd-group"))
        {
          example->has_group = rd_group_from_id (id0 (figure), &example->group);
          if (!example->has_group)
            problem (example->file, figure->line, "rd-group needs a group id such as teacher");
        }
    }
}

/* A table row: one question, its weight, kind, area, ladder and answers. */
static void
read_row (Example *example,
          Scope   *scope)
{
  RdItem *item = scope_item (scope, example->framework, example->file);
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  guint n_scores = 0;

  if (item == NULL)
    {
      problem (example->file, scope->line, "the row names no question of the framework in <code>");
      return;
    }
  if (!rd_framework_item_in_mode (example->framework, item, example->mode))
    problem (example->file, scope->line, "%s is not asked in this kind of assessment", rd_item_get_id (item));
  if (!rd_item_informs (item, example->factor))
    problem (example->file, scope->line, "%s does not inform the example's factor", rd_item_get_id (item));
  if (!rd_item_asks (item, example->group))
    problem (example->file, scope->line, "%s is not asked of the example's respondents (%s)", rd_item_get_id (item),
             rd_group_to_id (example->group));

  for (guint f = 0; f < scope->figures->len; f++)
    {
      Figure *figure = g_ptr_array_index (scope->figures, f);
      const char *kind = figure->kind;

      if (g_str_equal (kind, "rd-weight"))
        check_exact ("weight", figure->text->str, rd_item_get_weight (item, example->factor),
                      example->file, figure->line);
      else if (g_str_equal (kind, "rd-kind"))
        {
          RdItemKind stated;

          if (!kind_from_words (figure->text->str, &stated) || stated != rd_item_get_kind (item))
            problem (example->file, figure->line, "%s is a %s question, not “%s”", rd_item_get_id (item),
                     rd_item_kind_to_id (rd_item_get_kind (item)), figure->text->str);
        }
      else if (g_str_equal (kind, "rd-area"))
        {
          RdArea *area = area_from_title (example->framework, figure->text->str);

          if (area == NULL || !g_str_equal (rd_area_get_id (area), rd_item_get_area_id (item)))
            problem (example->file, figure->line, "%s is not in the area “%s”", rd_item_get_id (item),
                     figure->text->str);
        }
      else if (g_str_equal (kind, "rd-ladder"))
        check_ladder (figure, item, example->file);
      else if (g_str_equal (kind, "rd-answer"))
        {
          /* The n-th answer of each row is the n-th respondent's. */
          RdAnswer *answer = answer_from_figure (figure, item, answers->len + 1, example->group, 0, example->file);

          if (answer != NULL)
            {
              g_ptr_array_add (answers, answer);
              g_ptr_array_add (example->answers, answer);
            }
        }
      else if (g_str_equal (kind, "rd-score"))
        {
          RdAnswer *answer = NULL;

          /* Scores of the answers in order; not-applicable answers have none. */
          for (guint a = 0, scored = 0; a < answers->len && answer == NULL; a++)
            {
              RdAnswer *candidate = g_ptr_array_index (answers, a);

              if (!candidate->not_applicable && scored++ == n_scores)
                answer = candidate;
            }
          if (answer == NULL)
            problem (example->file, figure->line, "score %s of no answer", figure->text->str);
          else
            check_answer_score (figure, item, answer, example->file);
          n_scores++;
        }
    }
}

static void
check_weighted_gap (Example *example,
                    Figure  *figure)
{
  RdItem *item = figure_item (figure, NULL, example->framework, example->file);
  RdFactor factor = example->factor;
  g_autoptr(GArray) gaps = NULL;
  double real = 0;

  if (item == NULL)
    return;
  if (figure->ids[1] != NULL && !rd_factor_from_id (figure->ids[1], &factor))
    problem (example->file, figure->line, "“%s” is no factor id", figure->ids[1]);
  gaps = rd_analysis_list_weakest_items (example->analysis, factor, 0);
  for (guint g = 0; g < gaps->len; g++)
    if (g_array_index (gaps, RdItemGap, g).item == item)
      real = g_array_index (gaps, RdItemGap, g).weighted_gap;
  check_stated ("weighted gap", figure->text->str, real, example->file, figure->line);
}

/* The priorities are the ranked questions, in that order, each under the
 * factor its figure names (the example's factor unless said). */
static void
check_ranking (Example   *example,
               GPtrArray *ranked,
               guint      line)
{
  g_autoptr(GArray) priorities = rd_analysis_list_priorities (example->analysis, 0);

  if (ranked->len == 0)
    return;
  if (priorities->len != ranked->len)
    problem (example->file, line, "the page ranks %u questions, the app %u", ranked->len, priorities->len);
  for (guint i = 0; i < MIN (ranked->len, priorities->len); i++)
    {
      Figure *figure = g_ptr_array_index (ranked, i);
      RdItemGap *gap = &g_array_index (priorities, RdItemGap, i);
      RdFactor factor = example->factor;

      if (figure->ids[1] != NULL)
        rd_factor_from_id (figure->ids[1], &factor);
      if (g_strcmp0 (id0 (figure), rd_item_get_id (gap->item)) != 0 || gap->factor != factor)
        problem (example->file, figure->line, "priority %u: the page says %s under %s, the app lists %s under %s",
                 i + 1, id0 (figure), rd_factor_to_id (factor), rd_item_get_id (gap->item),
                 rd_factor_to_id (gap->factor));
    }
}

/* Only these questions answered: the factor must show "not enough answers". */
static void
check_too_few (Example   *example,
               GPtrArray *only,
               guint      line)
{
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(RdAnalysis) analysis = NULL;
  RdFactorResult result;

  if (only->len == 0)
    return;
  for (guint i = 0; i < only->len; i++)
    g_hash_table_add (items, (char *) id0 (g_ptr_array_index (only, i)));
  for (guint i = 0; i < example->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (example->answers, i);

      if (g_hash_table_contains (items, answer->item_id))
        g_ptr_array_add (answers, answer);
    }
  analysis = rd_analysis_new (example->framework, example->mode, answers, example->targets);
  rd_analysis_get_factor (analysis, example->factor, &result);
  if (result.trusted)
    problem (example->file, line, "with only %u of the questions answered the app still shows a readiness",
             only->len);
}

/* The area's questions in this mode are exactly those the page names. */
static void
check_area_items (Example   *example,
                  RdArea    *area,
                  GPtrArray *named,
                  guint      line)
{
  g_autoptr(GPtrArray) items = rd_framework_list_items (example->framework, rd_area_get_id (area), example->mode);
  gboolean same = items->len == named->len;

  for (guint i = 0; same && i < items->len; i++)
    {
      gboolean found = FALSE;

      for (guint n = 0; n < named->len && !found; n++)
        found = g_str_equal (id0 (g_ptr_array_index (named, n)), rd_item_get_id (g_ptr_array_index (items, i)));
      same = found;
    }
  if (!same)
    problem (example->file, line, "the page names %u questions of the area %s, the framework asks %u",
             named->len, rd_area_get_id (area), items->len);
}

static void
check_figure (Example *example,
              Scope   *scope,
              Figure  *figure,
              RdArea  *area)
{
  const char *kind = figure->kind;
  const char *file = example->file;

  g_hash_table_add (example->seen, (char *) kind);
  if (g_str_equal (kind, "rd-calc"))
    check_calc (figure->text->str, file, figure->line);
  else if (g_str_equal (kind, "rd-goal"))
    {
      /* The example's factor's, or the factor its style names. */
      RdFactor factor = example->factor;

      if (figure->ids[0] != NULL && !rd_factor_from_id (figure->ids[0], &factor))
        problem (file, figure->line, "“%s” is no factor id", figure->ids[0]);
      check_exact ("target (the framework's)", figure->text->str,
                   rd_framework_get_default_target (example->framework, factor), file, figure->line);
    }
  else if (g_str_equal (kind, "rd-n-questions"))
    check_exact ("questions informing the factor", figure->text->str, example->result.n_items, file, figure->line);
  else if (g_str_equal (kind, "rd-n-answered"))
    check_exact ("questions answered", figure->text->str, example->result.n_answered, file, figure->line);
  else if (g_str_equal (kind, "rd-min-answered"))
    check_exact ("fewest answered questions", figure->text->str, RD_ANALYSIS_MIN_ANSWERED, file, figure->line);
  else if (g_str_equal (kind, "rd-question-score"))
    {
      RdItem *item = figure_item (figure, scope_item (scope, example->framework, file), example->framework, file);

      if (item != NULL)
        check_stated ("question score", figure->text->str,
                      rd_analysis_get_item_score (example->analysis, rd_item_get_id (item), NULL), file, figure->line);
    }
  else if (g_str_equal (kind, "rd-readiness"))
    {
      if (!example->result.trusted)
        problem (file, figure->line, "the page states a readiness; the app shows “not enough answers”");
      check_stated ("readiness", figure->text->str, example->result.readiness, file, figure->line);
    }
  else if (g_str_equal (kind, "rd-level"))
    {
      const char *level = rd_level_get_title (rd_level_for_score (example->result.readiness));

      if (!g_str_equal (figure->text->str, level))
        problem (file, figure->line, "level: the page says %s, the app %s", figure->text->str, level);
    }
  else if (g_str_equal (kind, "rd-gap"))
    check_stated ("gap", figure->text->str, example->result.gap, file, figure->line);
  else if (g_str_equal (kind, "rd-weighted-gap"))
    check_weighted_gap (example, figure);
  else if (g_str_equal (kind, "rd-area-score"))
    {
      if (area == NULL)
        problem (file, figure->line, "an area score needs its area (rd-area) in the same paragraph");
      else
        check_stated ("area score", figure->text->str,
                      rd_analysis_get_area_score (example->analysis, rd_area_get_id (area), NULL), file, figure->line);
    }
  else if (g_str_equal (kind, "rd-area") && !scope->is_row && area == NULL)
    problem (file, figure->line, "“%s” is no area of the framework", figure->text->str);
  else if (!g_strv_contains ((const char * const[]) { "rd-mode", "rd-factor", "rd-group", "rd-weight", "rd-kind",
                                                      "rd-area", "rd-ladder", "rd-answer", "rd-score", "rd-rank",
                                                      "rd-only", "rd-area-question", NULL }, kind))
    problem (file, figure->line, "%s is not a figure this test knows", kind);
}

static void
check_example_scope (Example *example,
                     Scope   *scope)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  g_autoptr(GPtrArray) only = g_ptr_array_new ();
  g_autoptr(GPtrArray) area_items = g_ptr_array_new ();
  RdArea *area = NULL;

  for (guint f = 0; f < scope->figures->len && !scope->is_row; f++)
    {
      Figure *figure = g_ptr_array_index (scope->figures, f);

      if (g_str_equal (figure->kind, "rd-area"))
        area = area_from_title (example->framework, figure->text->str);
    }

  for (guint f = 0; f < scope->figures->len; f++)
    {
      Figure *figure = g_ptr_array_index (scope->figures, f);
      GPtrArray *list = g_str_equal (figure->kind, "rd-rank") ? ranked :
                        g_str_equal (figure->kind, "rd-only") ? only :
                        g_str_equal (figure->kind, "rd-area-question") ? area_items : NULL;

      check_figure (example, scope, figure, area);
      if (list != NULL && figure_item (figure, NULL, example->framework, example->file) != NULL)
        g_ptr_array_add (list, figure);
    }

  check_ranking (example, ranked, scope->line);
  check_too_few (example, only, scope->line);
  if (area_items->len > 0 && area != NULL)
    check_area_items (example, area, area_items, scope->line);
}

static void
check_example (GPtrArray   *scopes,
               RdFramework *framework,
               const char  *file)
{
  static const char * const required[] = {
    "rd-mode", "rd-factor", "rd-group", "rd-goal", "rd-n-questions", "rd-n-answered", "rd-weight", "rd-answer", "rd-score",
    "rd-question-score", "rd-readiness", "rd-level", "rd-gap", "rd-weighted-gap", "rd-rank", "rd-area-score",
    "rd-only", "rd-calc",
  };
  Example example = { file, framework };
  guint n_rows = 0;

  example.answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  example.seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < scopes->len; s++)
    if (g_str_equal (((Scope *) g_ptr_array_index (scopes, s))->section, "example"))
      read_setup (&example, g_ptr_array_index (scopes, s));
  if (!example.has_mode || !example.has_factor || !example.has_group)
    {
      problem (file, 0, "the worked example states no kind of assessment (rd-mode), factor (rd-factor) or "
               "group of respondents (rd-group)");
      goto out;
    }

  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      if (g_str_equal (scope->section, "example") && scope->is_row && scope->figures->len > 0)
        {
          read_row (&example, scope);
          n_rows++;
        }
    }
  if (n_rows == 0)
    problem (file, 0, "the worked example has no table row with a question and its answers");

  for (guint f = 0; f < RD_N_FACTORS; f++)
    example.targets[f] = rd_framework_get_default_target (framework, f);
  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      for (guint f = 0; f < scope->figures->len && g_str_equal (scope->section, "example"); f++)
        {
          Figure *figure = g_ptr_array_index (scope->figures, f);
          Number target;

          if (g_str_equal (figure->kind, "rd-goal") && figure->ids[0] == NULL &&
              figure_number (figure->text->str, file, figure->line, &target))
            example.targets[example.factor] = target.value;
        }
    }

  example.analysis = rd_analysis_new (framework, example.mode, example.answers, example.targets);
  rd_analysis_get_factor (example.analysis, example.factor, &example.result);

  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      if (g_str_equal (scope->section, "example"))
        check_example_scope (&example, scope);
    }

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (!g_hash_table_contains (example.seen, required[r]))
      problem (file, 0, "the worked example states no %s", required[r]);

out:
  g_clear_object (&example.analysis);
  g_ptr_array_unref (example.answers);
  g_hash_table_unref (example.seen);
}

/* ------------------------------------------------------------------ */
/* The worked example of a change: the answers of both years through
 * rd_change_compute(), every figure against what it computes. */

typedef struct
{
  GArray *answers[2];   /* of double, per year */
  GArray *scores[2];
  RdItem *item;
} ChangeExample;

static GPtrArray *
change_answers (RdItem *item,
                GArray *values,
                gint64  first_id)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);

  for (guint i = 0; i < values->len; i++)
    {
      RdAnswer *answer = rd_answer_new ();

      answer->respondent_id = first_id + i;
      answer->group = RD_GROUP_TEACHER;
      answer->item_id = g_strdup (rd_item_get_id (item));
      answer->item_version = rd_item_get_version (item);
      answer->value = g_array_index (values, Number, i).value;
      g_ptr_array_add (answers, answer);
    }
  return answers;
}

static void
check_change_figure (Figure            *figure,
                     const RdChangeRow *row,
                     ChangeExample     *example,
                     const char        *file)
{
  const char *kind = figure->kind + strlen ("rd-change-");
  double sd[2], real = NAN;
  Number stated;

  for (guint y = 0; y < 2; y++)
    {
      GArray *scores = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < example->scores[y]->len; i++)
        g_array_append_val (scores, g_array_index (example->scores[y], Number, i).value);
      rd_sample_mean_sd ((double *) scores->data, scores->len, NULL, &sd[y]);
      g_array_unref (scores);
    }

  if (g_str_has_prefix (kind, "answers-") || g_str_has_prefix (kind, "scores-"))
    return;  /* read before: lists */
  if (g_str_equal (kind, "n-before"))
    real = row->n_before;
  else if (g_str_equal (kind, "n-after"))
    real = row->n_after;
  else if (g_str_equal (kind, "mean-before"))
    real = row->before;
  else if (g_str_equal (kind, "mean-after"))
    real = row->after;
  else if (g_str_equal (kind, "delta"))
    real = row->delta;
  else if (g_str_equal (kind, "size"))
    real = round (fabs (row->delta));
  else if (g_str_equal (kind, "variance-before"))
    real = sd[0] * sd[0];
  else if (g_str_equal (kind, "variance-after"))
    real = sd[1] * sd[1];
  else if (g_str_equal (kind, "se2"))
    real = sd[0] * sd[0] / row->n_before + sd[1] * sd[1] / row->n_after;
  else if (g_str_equal (kind, "se"))
    real = sqrt (sd[0] * sd[0] / row->n_before + sd[1] * sd[1] / row->n_after);
  else if (g_str_equal (kind, "t"))
    real = row->test.t;
  else if (g_str_equal (kind, "df"))
    real = row->test.df;
  else if (g_str_equal (kind, "p"))
    real = row->test.p;
  else if (g_str_equal (kind, "alpha"))
    real = RD_SIGNIFICANCE_ALPHA;
  else
    {
      problem (file, figure->line, "%s is no figure of the worked example of a change", figure->kind);
      return;
    }

  if (figure_number (figure->text->str, file, figure->line, &stated) && !number_states (stated, real))
    problem (file, figure->line, "%s: the page says %s, the app computes %g", figure->kind, figure->text->str, real);
}

static void
check_change_example (GPtrArray   *scopes,
                      RdFramework *framework,
                      const char  *file)
{
  static const char * const required[] = {
    "rd-change-n-before", "rd-change-n-after", "rd-change-answers-before", "rd-change-answers-after",
    "rd-change-scores-before", "rd-change-scores-after", "rd-change-mean-before", "rd-change-mean-after",
    "rd-change-delta", "rd-change-variance-before", "rd-change-variance-after", "rd-change-se2", "rd-change-se",
    "rd-change-t", "rd-change-df", "rd-change-p", "rd-change-alpha", "rd-calc",
  };
  ChangeExample example = { { NULL } };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RdChange) change = NULL;
  const RdChangeRow *row;

  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      if (!g_str_equal (scope->section, "change-example"))
        continue;
      if (example.item == NULL)
        example.item = scope_item (scope, framework, file);
      for (guint f = 0; f < scope->figures->len; f++)
        {
          Figure *figure = g_ptr_array_index (scope->figures, f);
          const char *lists[] = { "rd-change-answers-before", "rd-change-answers-after",
                                  "rd-change-scores-before", "rd-change-scores-after" };

          g_hash_table_add (seen, figure->kind);
          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            if (g_str_equal (figure->kind, lists[l]))
              {
                GArray **slot = l < 2 ? &example.answers[l] : &example.scores[l - 2];

                g_clear_pointer (slot, g_array_unref);
                *slot = numbers_in (figure->text->str);
              }
        }
    }
  if (example.item == NULL || rd_item_get_kind (example.item) != RD_ITEM_KIND_STATEMENT ||
      example.answers[0] == NULL || example.answers[1] == NULL || example.scores[0] == NULL ||
      example.scores[1] == NULL)
    {
      problem (file, 0, "the worked example of a change names no statement in <code>, or not its answers and "
               "scores of both years");
      goto out;
    }

  before = change_answers (example.item, example.answers[0], 1);
  after = change_answers (example.item, example.answers[1], 100);
  for (guint y = 0; y < 2; y++)
    {
      GPtrArray *answers = y == 0 ? before : after;

      if (example.scores[y]->len != answers->len)
        problem (file, 0, "%u answers but %u scores", answers->len, example.scores[y]->len);
      for (guint i = 0; i < MIN (answers->len, example.scores[y]->len); i++)
        if (!number_states (g_array_index (example.scores[y], Number, i),
                            rd_analysis_score_answer (example.item, g_ptr_array_index (answers, i))))
          problem (file, 0, "answer %u of year %u: the page's score %g is not the app's", i + 1, y + 1,
                   g_array_index (example.scores[y], Number, i).value);
    }

  change = rd_change_compute (framework, "2025-2026", RD_ASSESSMENT_MODE_FULL, before,
                              "2026-2027", RD_ASSESSMENT_MODE_FULL, after);
  row = rd_change_lookup_item (change, rd_item_get_id (example.item));
  if (row == NULL)
    {
      problem (file, 0, "%s has no change", rd_item_get_id (example.item));
      goto out;
    }
  /* The page calls it meaningful. */
  if (!rd_change_row_is_meaningful (row))
    problem (file, 0, "the example's change is not meaningful to the app");

  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      if (!g_str_equal (scope->section, "change-example"))
        continue;
      for (guint f = 0; f < scope->figures->len; f++)
        {
          Figure *figure = g_ptr_array_index (scope->figures, f);

          if (g_str_equal (figure->kind, "rd-calc"))
            check_calc (figure->text->str, file, figure->line);
          else if (g_str_has_prefix (figure->kind, "rd-change-"))
            check_change_figure (figure, row, &example, file);
          else
            problem (file, figure->line, "%s is not checked in the worked example of a change", figure->kind);
        }
    }

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (!g_hash_table_contains (seen, required[r]))
      problem (file, 0, "the worked example of a change states no %s", required[r]);

out:
  for (guint y = 0; y < 2; y++)
    {
      g_clear_pointer (&example.answers[y], g_array_unref);
      g_clear_pointer (&example.scores[y], g_array_unref);
    }
}

/* ------------------------------------------------------------------ */
/* The scores page */

static void
test_scores_change_example (void)
{
  g_autofree char *path = source_path ("RD_SCORES_PAGE");
  g_autoptr(RdFramework) framework = load_builtin ();
  g_autoptr(GPtrArray) scopes = NULL;

  problems_begin ();
  scopes = read_page (path);
  check_change_example (scopes, framework, path);
  /* Every digit there is marked, as in the other example. */
  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      if (g_str_equal (scope->section, "change-example") && scope->loose->len > 0)
        problem (path, scope->line, "a figure that nothing checks: “%s”", scope->loose->str);
    }
  assert_no_problems ();
}

static void
test_scores_answers (void)
{
  g_autofree char *path = source_path ("RD_SCORES_PAGE");
  g_autoptr(RdFramework) framework = load_builtin ();
  g_autoptr(GPtrArray) scopes = NULL;
  guint n_ladders = 0, n_dates = 0;

  problems_begin ();
  scopes = read_page (path);
  check_answer_scopes (scopes, framework, path, &n_ladders, &n_dates);
  if (n_ladders < 2 || n_dates < 1)
    problem (path, 0, "the page should show a fact's ladder and a date's with an answer each "
             "(%u ladders, %u dates found)", n_ladders, n_dates);
  assert_no_problems ();
}

static void
test_scores_worked_example (void)
{
  g_autofree char *path = source_path ("RD_SCORES_PAGE");
  g_autoptr(RdFramework) framework = load_builtin ();
  g_autoptr(GPtrArray) scopes = NULL;

  problems_begin ();
  scopes = read_page (path);
  check_example (scopes, framework, path);
  assert_no_problems ();
}

static void
test_scores_every_figure_checked (void)
{
  g_autofree char *path = source_path ("RD_SCORES_PAGE");
  g_autoptr(RdFramework) framework = load_builtin ();
  g_autoptr(GPtrArray) scopes = NULL;

  problems_begin ();
  scopes = read_page (path);
  check_every_figure_marked (scopes, path);
  for (guint s = 0; s < scopes->len; s++)
    scope_item (g_ptr_array_index (scopes, s), framework, path);
  assert_no_problems ();
}

/* The table of levels: "0–24 Beginning", … covering 0–100 without a gap. */
static void
test_scores_levels (void)
{
  g_autofree char *path = source_path ("RD_SCORES_PAGE");
  g_autoptr(GPtrArray) scopes = NULL;
  double next = 0;
  guint n_rows = 0;

  problems_begin ();
  scopes = read_page (path);
  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);
      g_autoptr(GArray) range = NULL;
      const char *name;
      double from, to;

      if (!g_str_equal (scope->section, "levels") || !scope->is_row || scope->cells->len != 2)
        continue;
      range = numbers_in (((GString *) g_ptr_array_index (scope->cells, 0))->str);
      if (range->len != 2)
        continue;   /* the header */
      name = g_strstrip (((GString *) g_ptr_array_index (scope->cells, 1))->str);
      from = g_array_index (range, Number, 0).value;
      to = g_array_index (range, Number, 1).value;
      n_rows++;
      if (from != next)
        problem (path, scope->line, "levels: %g follows %g", from, next - 1);
      for (double score = from; score < (to == 100 ? 100.001 : to + 1); score += 0.25)
        if (!g_str_equal (rd_level_get_title (rd_level_for_score (score)), name))
          {
            problem (path, scope->line, "a score of %g is %s in the app, not %s", score,
                     rd_level_get_title (rd_level_for_score (score)), name);
            break;
          }
      next = to + 1;
    }
  if (n_rows == 0 || next != 101)
    problem (path, 0, "the levels should cover 0–100");
  assert_no_problems ();
}

/* ------------------------------------------------------------------ */
/* Translations of the page: the same figures, in the same marks. */

typedef struct
{
  char *msgid;
  char *msgstr;
  gboolean fuzzy;
  guint line;
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->msgid);
  g_free (entry->msgstr);
  g_free (entry);
}

/* The entries of a PO file, without obsolete ones (#~). */
static GPtrArray *
read_po (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  PoEntry *entry = NULL;
  GString *target = NULL;
  gboolean fuzzy = FALSE;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = strchr (line, '"');

      if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        fuzzy = TRUE;
      if (quoted == NULL || line[0] == '#')
        {
          if (line[0] == '\0')
            fuzzy = FALSE;
          continue;
        }
      if (g_str_has_prefix (line, "msgid "))
        {
          entry = g_new0 (PoEntry, 1);
          entry->fuzzy = fuzzy;
          entry->line = i + 1;
          g_ptr_array_add (entries, entry);
          target = g_string_new (NULL);
        }
      else if (g_str_has_prefix (line, "msgstr ") && entry != NULL)
        {
          entry->msgid = g_string_free (target, FALSE);
          target = g_string_new (NULL);
        }
      else if (g_str_has_prefix (line, "msgctxt "))
        continue;

      if (target != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted + 1) - 1);
          g_autofree char *plain = g_strcompress (inner);

          g_string_append (target, plain);
          if (entry != NULL && entry->msgid != NULL && (lines[i + 1] == NULL || lines[i + 1][0] != '"'))
            {
              entry->msgstr = g_string_free (target, FALSE);
              target = NULL;
              fuzzy = FALSE;
            }
        }
    }
  if (target != NULL)
    g_string_free (target, TRUE);
  return entries;
}

static GPtrArray *
figures_of_paragraph (const char *markup,
                      const char *file)
{
  g_autofree char *wrapped = g_strdup_printf ("<p>%s</p>", markup);
  g_autoptr(GPtrArray) scopes = read_scopes (wrapped, file);
  GPtrArray *figures = g_ptr_array_new ();

  for (guint s = 0; s < scopes->len; s++)
    {
      Scope *scope = g_ptr_array_index (scopes, s);

      /* Kept alive by stealing the figures from the scope. */
      while (scope->figures->len > 0)
        g_ptr_array_add (figures, g_ptr_array_steal_index (scope->figures, 0));
    }
  g_ptr_array_set_free_func (figures, (GDestroyNotify) figure_free);
  return figures;
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Each figure as "KIND IDS: NUMBERS", sorted: what a translation keeps. */
static GPtrArray *
figure_keys (GPtrArray *figures)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < figures->len; f++)
    {
      Figure *figure = g_ptr_array_index (figures, f);
      g_autoptr(GArray) numbers = numbers_in (figure->text->str);
      g_autofree char *ids = g_strjoinv (" ", figure->ids);
      GString *key = g_string_new (figure->kind);

      if (ids[0] != '\0')
        g_string_append_printf (key, " %s", ids);
      g_string_append (key, ":");
      for (guint n = 0; n < numbers->len; n++)
        g_string_append_printf (key, " %g", g_array_index (numbers, Number, n).value);
      g_ptr_array_add (keys, g_string_free (key, FALSE));
    }
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
test_scores_translations (void)
{
  g_autofree char *dir_path = source_path ("RD_HELP_PO_DIR");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  problems_begin ();
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GPtrArray) entries = NULL;

      if (!g_str_has_suffix (name, ".po"))
        continue;
      entries = read_po (path);
      for (guint e = 0; e < entries->len; e++)
        {
          PoEntry *entry = g_ptr_array_index (entries, e);
          g_autoptr(GPtrArray) source = NULL;
          g_autoptr(GPtrArray) translated = NULL;
          g_autoptr(GPtrArray) keys_a = NULL;
          g_autoptr(GPtrArray) keys_b = NULL;

          if (entry->msgid == NULL || entry->msgstr == NULL || entry->msgstr[0] == '\0' || entry->fuzzy ||
              strstr (entry->msgid, "style=\"rd-") == NULL)
            continue;
          source = figures_of_paragraph (entry->msgid, path);
          translated = figures_of_paragraph (entry->msgstr, path);
          /* The same figures, in any order: Dutch may put them elsewhere. */
          keys_a = figure_keys (source);
          keys_b = figure_keys (translated);
          for (guint k = 0; k < MAX (keys_a->len, keys_b->len); k++)
            {
              const char *a = k < keys_a->len ? g_ptr_array_index (keys_a, k) : "nothing";
              const char *b = k < keys_b->len ? g_ptr_array_index (keys_b, k) : "nothing";

              if (!g_str_equal (a, b))
                {
                  problem (path, entry->line, "the English has the figure %s where the translation has %s", a, b);
                  break;
                }
            }
        }
    }
  assert_no_problems ();
}

/* ------------------------------------------------------------------ */
/* The format documents: every ```json block through the real reader. */

typedef struct
{
  char *doc;            /* path */
  char *doc_text;
  guint line;
  char *json;
} JsonBlock;

static void
json_block_free (JsonBlock *block)
{
  g_free (block->doc);
  g_free (block->doc_text);
  g_free (block->json);
  g_free (block);
}

static void
add_blocks (GPtrArray  *blocks,
            const char *doc)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GString *json = NULL;
  guint start = 0;

  g_file_get_contents (doc, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (json == NULL && g_str_has_prefix (lines[i], "```json"))
        {
          json = g_string_new (NULL);
          start = i + 2;
        }
      else if (json != NULL && g_str_has_prefix (lines[i], "```"))
        {
          JsonBlock *block = g_new0 (JsonBlock, 1);

          block->doc = g_strdup (doc);
          block->doc_text = g_strdup (text);
          block->line = start;
          block->json = g_string_free (json, FALSE);
          g_ptr_array_add (blocks, block);
          json = NULL;
        }
      else if (json != NULL)
        g_string_append_printf (json, "%s\n", lines[i]);
    }
  if (json != NULL)
    g_string_free (json, TRUE);
}

/* Every ```json block of the documents in data/formats and of data/frameworks/FORMAT.md. */
static GPtrArray *
format_blocks (void)
{
  g_autofree char *formats = source_path ("RD_FORMAT_DOCS");
  g_autofree char *framework_doc = source_path ("RD_FRAMEWORK_DOC");
  g_autoptr(GDir) dir = g_dir_open (formats, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) json_block_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (formats, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    add_blocks (blocks, g_ptr_array_index (names, i));
  add_blocks (blocks, framework_doc);
  return blocks;
}

static JsonNode *
parse_json (const char *text,
            const char *doc,
            guint       line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      problem (doc, line, "not JSON: %s", error->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static char *
json_text (JsonNode *node)
{
  return json_to_string (node, TRUE);
}

/* A copy to change: json_node_copy() shares objects and arrays. */
static JsonNode *
json_deep_copy (JsonNode *node)
{
  g_autofree char *text = json_text (node);

  return parse_json (text, "copy", 0);
}

/* The first place where two JSON values differ, or NULL. Numbers compare
 * by value, objects by their members whatever the order. */
static char *
json_difference (JsonNode   *a,
                 JsonNode   *b,
                 const char *place)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return g_strdup_printf ("%s: one is %s, the other %s", place, json_node_type_name (a), json_node_type_name (b));

  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
      g_autoptr(GList) members = json_object_get_members (oa);
      g_autoptr(GList) other = json_object_get_members (ob);

      for (GList *l = other; l != NULL; l = l->next)
        if (!json_object_has_member (oa, l->data))
          return g_strdup_printf ("%s.%s: only in the one written back", place, (char *) l->data);
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *inner = g_strdup_printf ("%s.%s", place, (char *) l->data);
          char *difference;

          if (!json_object_has_member (ob, l->data))
            return g_strdup_printf ("%s: not in the one written back", inner);
          difference = json_difference (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data), inner);
          if (difference != NULL)
            return difference;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

      if (json_array_get_length (aa) != json_array_get_length (ab))
        return g_strdup_printf ("%s: %u against %u elements", place, json_array_get_length (aa), json_array_get_length (ab));
      for (guint i = 0; i < json_array_get_length (aa); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", place, i);
          char *difference = json_difference (json_array_get_element (aa, i), json_array_get_element (ab, i), inner);

          if (difference != NULL)
            return difference;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_VALUE (a))
    {
      GType type = json_node_get_value_type (a);

      if ((type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) &&
          (json_node_get_value_type (b) == G_TYPE_INT64 || json_node_get_value_type (b) == G_TYPE_DOUBLE))
        return json_node_get_double (a) == json_node_get_double (b) ? NULL :
               g_strdup_printf ("%s: %g against %g", place, json_node_get_double (a), json_node_get_double (b));
      if (type != json_node_get_value_type (b))
        return g_strdup_printf ("%s: values of different types", place);
      if (type == G_TYPE_STRING && !g_str_equal (json_node_get_string (a), json_node_get_string (b)))
        return g_strdup_printf ("%s: “%s” against “%s”", place, json_node_get_string (a), json_node_get_string (b));
      if (type == G_TYPE_BOOLEAN && json_node_get_boolean (a) != json_node_get_boolean (b))
        return g_strdup_printf ("%s: booleans differ", place);
    }
  return NULL;
}

static void
check_title_version (JsonBlock  *block,
                     JsonObject *object,
                     gint64      current)
{
  g_autofree char *title = g_strdup_printf ("— format %" G_GINT64_FORMAT "\n", current);

  if (json_object_get_int_member_with_default (object, "format_version", 0) != current)
    problem (block->doc, block->line, "the example is format %" G_GINT64_FORMAT "; Readiness writes format %" G_GINT64_FORMAT,
             json_object_get_int_member_with_default (object, "format_version", 0), current);
  if (strstr (block->doc_text, title) == NULL)
    problem (block->doc, 1, "the title should name the format Readiness writes: “%s”", g_strstrip (title));
}

static char *
one_line (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* A message a reader gives must stand in the document word for word
 * (where the document breaks a line, a space). */
static void
check_message_in_doc (JsonBlock  *block,
                      const char *message,
                      const char *what)
{
  g_autofree char *doc = one_line (block->doc_text);

  if (message == NULL)
    problem (block->doc, block->line, "%s: the reader gave no message", what);
  else if (strstr (doc, message) == NULL)
    problem (block->doc, block->line, "%s: the document should quote the reader's message “%s”", what, message);
}

static RdStore *
temporary_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RdStore *store;

  *dir = g_dir_make_tmp ("readiness-doc-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "readiness.db", NULL);
  store = rd_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
remove_temporary (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static char *
exchange_error (const char  *text,
                RdFramework *framework,
                GPtrArray  **notices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = rd_exchange_parse (text, strlen (text), "sint-jozef.readiness", framework, &error);

  if (notices != NULL && school != NULL)
    *notices = g_ptr_array_ref (school->notices);
  return error ? g_strdup (error->message) : NULL;
}

/* The exchange example: read, imported into a real store, written back as
 * Readiness writes it, and the messages the document quotes for it. */
static void
check_exchange (JsonBlock   *block,
                JsonNode    *root,
                RdFramework *framework)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(RdExchangeSchool) exported = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JsonNode) written_root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *difference = NULL;
  RdExchangeImportResult result = { 0 };

  check_title_version (block, object, RD_EXCHANGE_FORMAT_VERSION);

  message = exchange_error (block->json, framework, &notices);
  if (message != NULL)
    {
      problem (block->doc, block->line, "the reader refuses the example: %s", message);
      return;
    }
  for (guint i = 0; notices != NULL && i < notices->len; i++)
    problem (block->doc, block->line, "the reader notes: %s", (char *) g_ptr_array_index (notices, i));

  store = temporary_store (&dir);
  path = g_build_filename (dir, "sint-jozef.readiness", NULL);
  g_file_set_contents (path, block->json, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (files, g_file_new_for_path (path));
  g_assert_true (rd_exchange_import_files (store, framework, files, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result.rejected->len; i++)
    problem (block->doc, block->line, "the import sets it aside: %s", ((GError *) g_ptr_array_index (result.rejected, i))->message);
  if (result.n_imported != 1 || result.notices->len != 0)
    problem (block->doc, block->line, "imported %u files with %u notices", result.n_imported, result.notices->len);
  rd_exchange_import_result_clear (&result);

  /* What the store now holds, written as Readiness writes it, is the
   * example, but for when and by what it was written. */
  schools = rd_store_list_schools (store, &error);
  g_assert_no_error (error);
  if (schools->len == 1)
    {
      exported = rd_store_export_school (store, framework, rd_school_get_id (g_ptr_array_index (schools, 0)), &error);
      g_assert_no_error (error);
      /* The example carries commentary and evidence, as a school that chose to. */
      g_assert_true (rd_store_export_item_notes (store, exported, &error));
      written = rd_exchange_write (exported, framework, RD_EXCHANGE_ANSWERS, &error);
      g_assert_no_error (error);
      written_root = parse_json (g_bytes_get_data (written, NULL), block->doc, block->line);
      json_object_remove_member (json_node_get_object (written_root), "created");
      json_object_remove_member (json_node_get_object (written_root), "generator");
      {
        g_autoptr(JsonNode) example = json_deep_copy (root);

        json_object_remove_member (json_node_get_object (example), "created");
        json_object_remove_member (json_node_get_object (example), "generator");
        difference = json_difference (example, written_root, "");
      }
      if (difference != NULL)
        problem (block->doc, block->line, "the store holds other than the example says: %s", difference);
    }
  else
    problem (block->doc, block->line, "the store holds %u schools", schools->len);
  g_clear_object (&store);
  remove_temporary (dir);

  /* The refusal the document quotes: a statement answered with 9. */
  {
    g_autoptr(JsonNode) broken = json_deep_copy (root);
    JsonObject *assessment = json_array_get_object_element (json_object_get_array_member (json_node_get_object (broken), "assessments"), 0);
    JsonObject *respondent = json_array_get_object_element (json_object_get_array_member (assessment, "respondents"), 0);
    g_autofree char *text = NULL;
    g_autofree char *refusal = NULL;

    json_object_set_int_member (json_object_get_object_member (respondent, "answers"), "str-leadership", 9);
    text = json_text (broken);
    refusal = exchange_error (text, framework, NULL);
    check_message_in_doc (block, refusal, "a statement answered with 9");
  }

  /* The learning log's figures: refused in format 3, and for a question
   * the log does not answer. */
  {
    g_autoptr(JsonNode) older = json_deep_copy (root);
    g_autoptr(JsonNode) other = json_deep_copy (root);
    JsonObject *figures = json_object_get_object_member (json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (other), "assessments"), 0), "log_figures");
    g_autofree char *older_text = NULL;
    g_autofree char *other_text = NULL;
    g_autofree char *refusal = NULL;

    json_object_set_int_member (json_node_get_object (older), "format_version", 3);
    older_text = json_text (older);
    refusal = exchange_error (older_text, framework, NULL);
    check_message_in_doc (block, refusal, "log figures in format 3");
    g_clear_pointer (&refusal, g_free);
    json_object_set_member (figures, "x", json_node_copy (json_object_get_member (figures, "cyb-staff-trained")));
    other_text = json_text (other);
    refusal = exchange_error (other_text, framework, NULL);
    check_message_in_doc (block, refusal, "a log figure for another question");
  }

  /* The notice the document quotes: the same file in format 1. */
  {
    g_autoptr(JsonNode) old = json_deep_copy (root);
    JsonObject *assessment = json_array_get_object_element (json_object_get_array_member (json_node_get_object (old), "assessments"), 0);
    g_autoptr(GPtrArray) old_notices = NULL;
    g_autofree char *text = NULL;
    g_autofree char *refusal = NULL;

    json_object_set_int_member (json_node_get_object (old), "format_version", 1);
    json_object_remove_member (assessment, "reference_date");
    /* Format 3's own questions and format 4's log figures, which format 1 did not have. */
    json_object_remove_member (assessment, "own_questions");
    /* Format 4's commentary and evidence, likewise. */
    json_object_remove_member (assessment, "item_notes");
    json_object_remove_member (assessment, "log_figures");
    {
      JsonArray *respondents = json_object_get_array_member (assessment, "respondents");

      for (guint r = 0; r < json_array_get_length (respondents); r++)
        json_object_remove_member (json_array_get_object_element (respondents, r), "own_answers");
    }
    text = json_text (old);
    refusal = exchange_error (text, framework, &old_notices);
    if (refusal != NULL)
      problem (block->doc, block->line, "as format 1 the example is refused: %s", refusal);
    else
      check_message_in_doc (block, old_notices->len == 1 ? g_ptr_array_index (old_notices, 0) : NULL,
                            "the example as format 1");
  }
}

/* The response example: read, stored as a respondent of a real store,
 * written back as Readiness writes it, and the message the document
 * quotes for it. */
static void
check_response (JsonBlock   *block,
                JsonNode    *root,
                RdFramework *framework)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GPtrArray) responses = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(JsonNode) written_root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autofree char *difference = NULL;
  const char *school_year = json_object_get_string_member_with_default (object, "school_year", "2026-2027");
  gint64 school, assessment;

  check_title_version (block, object, RD_RESPONSE_FILE_FORMAT_VERSION);

  response = rd_response_file_parse (block->json, strlen (block->json), "leader-2.readiness-response", framework, &error);
  if (response == NULL)
    {
      problem (block->doc, block->line, "the reader refuses the example: %s", error->message);
      return;
    }

  store = temporary_store (&dir);
  school = rd_store_add_school (store, "Sint-Jozef", NULL, RD_SCHOOL_TYPE_UNSET, &error);
  g_assert_no_error (error);
  assessment = rd_store_add_assessment (store, school, school_year, framework, RD_ASSESSMENT_MODE_FULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (responses, response);
  if (!rd_store_add_responses (store, assessment, framework, responses, &error))
    {
      problem (block->doc, block->line, "the store refuses the example: %s", error->message);
      g_clear_error (&error);
    }
  stored = rd_store_list_answers (store, assessment, &error);
  g_assert_no_error (error);
  if (stored->len != json_array_get_length (json_object_get_array_member (object, "answers")))
    problem (block->doc, block->line, "%u answers stored of the example's %u", stored->len,
             json_array_get_length (json_object_get_array_member (object, "answers")));

  path = g_build_filename (dir, "written.readiness-response", NULL);
  g_assert_true (rd_response_file_write (response, framework, school_year, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  written_root = parse_json (written, block->doc, block->line);
  json_object_remove_member (json_node_get_object (written_root), "created");
  {
    g_autoptr(JsonNode) example = json_deep_copy (root);

    json_object_remove_member (json_node_get_object (example), "created");
    difference = json_difference (example, written_root, "");
  }
  if (difference != NULL)
    problem (block->doc, block->line, "Readiness writes these answers otherwise: %s", difference);
  g_clear_object (&store);
  remove_temporary (dir);

  /* The refusal the document quotes: a bandwidth of −5 in its 4th answer. */
  {
    g_autoptr(JsonNode) broken = json_deep_copy (root);
    JsonObject *answer = json_array_get_object_element (json_object_get_array_member (json_node_get_object (broken), "answers"), 3);
    g_autoptr(GError) refusal = NULL;
    g_autoptr(RdResponse) none = NULL;
    g_autofree char *text = NULL;
    g_autofree char *what = g_strdup_printf ("%s answered −5", json_object_get_string_member (answer, "item"));

    json_object_remove_member (answer, "not_applicable");
    json_object_set_int_member (answer, "value", -5);
    text = json_text (broken);
    none = rd_response_file_parse (text, strlen (text), "leader-2.readiness-response", framework, &refusal);
    check_message_in_doc (block, refusal ? refusal->message : NULL, what);
  }
}

/* A ladder, given as the member of an item it is (with "ladders" by
 * school type, if any): put in the place of the built-in con-bandwidth's
 * (a number item from 0, as a bandwidth is), the framework must still
 * load with its rules, and keep each ladder of the example. */
static void
check_ladder_fragment (JsonBlock  *block,
                       JsonObject *fragment)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RESOURCE_FRAMEWORK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonNode) root = parse_json (g_bytes_get_data (builtin, NULL), block->doc, block->line);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gboolean placed = FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), "con-bandwidth"))
        {
          json_object_set_member (item, "ladder", json_node_copy (json_object_get_member (fragment, "ladder")));
          if (json_object_has_member (fragment, "ladders"))
            json_object_set_member (item, "ladders", json_node_copy (json_object_get_member (fragment, "ladders")));
          placed = TRUE;
        }
    }
  g_assert_true (placed);
  text = json_text (root);
  bytes = g_bytes_new (text, strlen (text));
  framework = rd_framework_new_from_bytes (bytes, "FORMAT.md", &error);
  if (framework == NULL)
    {
      problem (block->doc, block->line, "the framework loader refuses the ladder: %s", error->message);
      return;
    }

  if (json_object_has_member (fragment, "ladders"))
    {
      JsonObject *ladders = json_object_get_object_member (fragment, "ladders");
      RdItem *item = rd_framework_lookup_item (framework, "con-bandwidth");
      g_autoptr(GList) types = json_object_get_members (ladders);

      for (GList *l = types; l != NULL; l = l->next)
        {
          RdSchoolType type = RD_SCHOOL_TYPE_UNSET;
          guint n_steps = 0;

          if (!rd_school_type_from_id (l->data, &type) || !rd_item_has_type_ladder (item, type) ||
              (rd_item_get_ladder_for_type (item, type, &n_steps),
               n_steps != json_array_get_length (json_object_get_array_member (ladders, l->data))))
            problem (block->doc, block->line, "the ladder for “%s” is not the example's", (const char *) l->data);
        }
    }
}

/* An item's audience, given as the members of an item they are: put in
 * the place of the built-in con-bandwidth's (a fact), the framework must
 * load and ask exactly the groups the block names. */
static void
check_audience_fragment (JsonBlock  *block,
                         JsonObject *members)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RESOURCE_FRAMEWORK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonNode) root = parse_json (g_bytes_get_data (builtin, NULL), block->doc, block->line);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");
  JsonArray *audience = json_object_get_array_member (members, "audience");
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *responsible_id = json_object_get_string_member_with_default (members, "responsible", NULL);
  guint expected = 0;
  RdGroup responsible, group;
  RdItem *item;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);

      if (!g_str_equal (json_object_get_string_member (object, "id"), "con-bandwidth"))
        continue;
      json_object_remove_member (object, "audience");
      json_object_remove_member (object, "responsible");
      json_object_set_member (object, "audience", json_node_copy (json_object_get_member (members, "audience")));
      if (responsible_id != NULL)
        json_object_set_string_member (object, "responsible", responsible_id);
    }
  text = json_text (root);
  bytes = g_bytes_new (text, strlen (text));
  framework = rd_framework_new_from_bytes (bytes, "FORMAT.md", &error);
  if (framework == NULL)
    {
      problem (block->doc, block->line, "the framework loader refuses the audience: %s", error->message);
      return;
    }

  item = rd_framework_lookup_item (framework, "con-bandwidth");
  for (guint i = 0; i < json_array_get_length (audience); i++)
    if (rd_group_from_id (json_array_get_string_element (audience, i), &group))
      expected |= 1u << group;
  if (rd_item_get_audience (item) != expected)
    problem (block->doc, block->line, "the item is not asked of the groups the block names");
  if (responsible_id != NULL &&
      (!rd_item_get_responsible (item, &responsible) || !g_str_equal (rd_group_to_id (responsible), responsible_id)))
    problem (block->doc, block->line, "the item's responsible group is not “%s”", responsible_id);
}

/* The built-in framework with @member of con-bandwidth, or its "retired",
 * replaced by @node (NULL: left as it is). */
static char *
builtin_with (JsonBlock  *block,
              const char *member,
              JsonNode   *node)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RESOURCE_FRAMEWORK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonNode) root = parse_json (g_bytes_get_data (builtin, NULL), block->doc, block->line);
  JsonObject *top = json_node_get_object (root);
  JsonArray *items = json_object_get_array_member (top, "items");

  if (g_str_equal (member, "retired"))
    json_object_set_member (top, "retired", json_node_copy (node));
  else
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        if (g_str_equal (json_object_get_string_member (item, "id"), "con-bandwidth"))
          json_object_set_member (item, member, json_node_copy (node));
      }
  return json_text (root);
}

static RdFramework *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rd_framework_new_from_bytes (bytes, "my-framework.json", error);
}

/* An item's standard, given as the member it is: on the built-in
 * con-bandwidth, the framework must load and the item name it. */
static void
check_standard_fragment (JsonBlock  *block,
                         JsonObject *fragment)
{
  JsonObject *texts = json_object_get_object_member (fragment, "standard");
  g_autofree char *text = builtin_with (block, "standard", json_object_get_member (fragment, "standard"));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_text (text, &error);
  const RdText *standard;

  if (framework == NULL)
    {
      problem (block->doc, block->line, "the framework loader refuses the standard: %s", error->message);
      return;
    }
  standard = rd_item_get_standard (rd_framework_lookup_item (framework, "con-bandwidth"));
  if (g_strcmp0 (rd_text_get (standard, "en"), json_object_get_string_member (texts, "en")) != 0 ||
      g_strcmp0 (rd_text_get (standard, "nl"), json_object_get_string_member (texts, "nl")) != 0)
    problem (block->doc, block->line, "the item does not name the example's standard");
}

/* Retired items, given as the member they are: in the place of the
 * built-in framework's, the framework must load and say what became of
 * each; the refusals the document quotes are the loader's. */
static void
check_retired_fragment (JsonBlock  *block,
                        JsonObject *fragment)
{
  JsonArray *retired = json_object_get_array_member (fragment, "retired");
  g_autofree char *text = builtin_with (block, "retired", json_object_get_member (fragment, "retired"));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = load_text (text, &error);
  g_autoptr(JsonNode) broken = NULL;
  JsonObject *first;

  if (framework == NULL)
    {
      problem (block->doc, block->line, "the framework loader refuses the retired items: %s", error->message);
      return;
    }
  for (guint i = 0; i < json_array_get_length (retired); i++)
    {
      JsonObject *example = json_array_get_object_element (retired, i);
      const RdRetiredItem *item = rd_framework_lookup_retired (framework, json_object_get_string_member (example, "id"));
      JsonArray *replaced_by = json_object_get_array_member (example, "replaced_by");

      if (item == NULL || g_strv_length ((GStrv) item->replaced_by) != json_array_get_length (replaced_by))
        problem (block->doc, block->line, "retired item %u is not the example's", i);
    }

  /* The two refusals the document quotes, made from the example. */
  broken = json_node_copy (json_object_get_member (fragment, "retired"));
  first = json_array_get_object_element (json_node_get_array (broken), 0);
  json_array_remove_element (json_object_get_array_member (first, "replaced_by"), 1);
  json_array_add_string_element (json_object_get_array_member (first, "replaced_by"), "cyb-response-drill");
  {
    g_autofree char *refused = builtin_with (block, "retired", broken);
    g_autoptr(GError) refusal = NULL;
    g_autoptr(RdFramework) none = load_text (refused, &refusal);

    check_message_in_doc (block, refusal ? refusal->message : NULL, "an unknown item in replaced_by");
  }
  json_object_set_string_member (first, "id", "con-bandwidth");
  {
    g_autofree char *refused = builtin_with (block, "retired", broken);
    g_autoptr(GError) refusal = NULL;
    g_autoptr(RdFramework) none = load_text (refused, &refusal);

    check_message_in_doc (block, refusal ? refusal->message : NULL, "an item of this version retired");
  }
}

/* An area with a short title, given whole: its title and short title put
 * on the built-in area of the same id, the framework must load and the
 * area show the example's short title. */
static void
check_area_example (JsonBlock  *block,
                    JsonObject *example)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/digiready/Readiness/frameworks/digital-readiness.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonNode) root = parse_json (g_bytes_get_data (builtin, NULL), block->doc, block->line);
  JsonArray *areas = json_object_get_array_member (json_node_get_object (root), "areas");
  const char *id = json_object_get_string_member (example, "id");
  JsonObject *short_title = json_object_get_object_member (example, "short_title");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autofree char *text = NULL;
  RdArea *area;

  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonObject *object = json_array_get_object_element (areas, i);

      if (g_str_equal (json_object_get_string_member (object, "id"), id))
        {
          json_object_set_member (object, "title", json_node_copy (json_object_get_member (example, "title")));
          json_object_set_member (object, "short_title", json_node_copy (json_object_get_member (example, "short_title")));
        }
    }
  text = json_text (root);
  framework = load_text (text, &error);
  if (framework == NULL)
    {
      problem (block->doc, block->line, "the framework loader refuses the area: %s", error->message);
      return;
    }
  area = rd_framework_lookup_area (framework, id);
  if (area == NULL ||
      g_strcmp0 (rd_text_get (rd_area_get_short_title (area), "en"), json_object_get_string_member (short_title, "en")) != 0 ||
      g_strcmp0 (rd_text_get (rd_area_get_short_title (area), "nl"), json_object_get_string_member (short_title, "nl")) != 0)
    problem (block->doc, block->line, "the area does not show the example's short title");
}

static void
test_format_json_blocks (void)
{
  g_autoptr(GPtrArray) blocks = format_blocks ();
  g_autoptr(RdFramework) framework = load_builtin ();
  guint n_exchange = 0, n_response = 0, n_ladder = 0, n_audience = 0, n_standard = 0, n_retired = 0;

  problems_begin ();
  for (guint b = 0; b < blocks->len; b++)
    {
      JsonBlock *block = g_ptr_array_index (blocks, b);
      g_autofree char *stripped = g_strstrip (g_strdup (block->json));
      /* A fragment such as `"ladder": [ … ]` is read as the member it is. */
      gboolean fragment = stripped[0] == '"';
      g_autofree char *text = fragment ? g_strdup_printf ("{%s}", stripped) : g_strdup (stripped);
      g_autoptr(JsonNode) root = parse_json (text, block->doc, block->line);
      JsonObject *object;
      const char *format;

      if (root == NULL)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          problem (block->doc, block->line, "no check knows a block that is not an object");
          continue;
        }
      object = json_node_get_object (root);
      format = json_object_get_string_member_with_default (object, "format", "");
      if (fragment && json_object_has_member (object, "ladder") &&
          json_object_get_size (object) == (json_object_has_member (object, "ladders") ? 2u : 1u))
        {
          check_ladder_fragment (block, object);
          n_ladder++;
        }
      else if (fragment && json_object_has_member (object, "audience") &&
               json_object_get_size (object) == 1u + (json_object_has_member (object, "responsible") ? 1 : 0))
        {
          check_audience_fragment (block, object);
          n_audience++;
        }
      else if (fragment && json_object_has_member (object, "standard") && json_object_get_size (object) == 1)
        {
          check_standard_fragment (block, object);
          n_standard++;
        }
      else if (fragment && json_object_has_member (object, "retired") && json_object_get_size (object) == 1)
        {
          check_retired_fragment (block, object);
          n_retired++;
        }
      else if (!fragment && json_object_has_member (object, "short_title") && json_object_has_member (object, "id"))
        check_area_example (block, object);
      else if (!fragment && g_str_equal (format, "readiness-exchange"))
        {
          check_exchange (block, root, framework);
          n_exchange++;
        }
      else if (!fragment && g_str_equal (format, "readiness-response"))
        {
          check_response (block, root, framework);
          n_response++;
        }
      else if (!fragment && g_str_equal (format, "readiness-framework"))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = g_bytes_new (block->json, strlen (block->json));
          g_autoptr(RdFramework) other = rd_framework_new_from_bytes (bytes, "FORMAT.md", &error);

          if (other == NULL)
            problem (block->doc, block->line, "the framework loader refuses the example: %s", error->message);
        }
      else
        problem (block->doc, block->line, "no check knows this block: give it a \"format\" or extend this test");
    }
  if (n_exchange == 0 || n_response == 0 || n_ladder == 0 || n_audience == 0 || n_standard == 0 || n_retired == 0)
    problem ("data/formats", 0, "expected the exchange, response, ladder, audience, standard and retired examples; "
             "found %u, %u, %u, %u, %u, %u", n_exchange, n_response, n_ladder, n_audience, n_standard, n_retired);
  assert_no_problems ();
}

/* The help page "Getting started" lists the words an earlier version's
 * free-text school type is read by: each must give the type it is listed
 * under, so that the list cannot drift from rd_school_type_from_text(). */
static void
test_school_type_words (void)
{
  g_autofree char *scores = source_path ("RD_SCORES_PAGE");
  g_autofree char *dir = g_path_get_dirname (scores);
  g_autofree char *path = g_build_filename (dir, "getting-started.page", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GRegex) section = g_regex_new ("<section id=\"earlier-types\">(.*?)</section>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) item = g_regex_new ("<item>\\s*<title>(.*?)</title>\\s*<p>(.*?)</p>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) in_section = NULL;
  g_autoptr(GMatchInfo) each = NULL;
  g_autofree char *body = NULL;
  guint n_types = 0, n_words = 0;

  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  problems_begin ();
  if (!g_regex_match (section, page, 0, &in_section))
    problem (path, 0, "no section earlier-types");
  else
    body = g_match_info_fetch (in_section, 1);

  for (g_regex_match (item, body != NULL ? body : "", 0, &each); g_match_info_matches (each);
       g_match_info_next (each, NULL))
    {
      g_autofree char *title = g_match_info_fetch (each, 1);
      g_autofree char *list = g_match_info_fetch (each, 2);
      g_auto(GStrv) words = g_strsplit (list, ",", -1);
      RdSchoolType type;

      if (!rd_school_type_parse (title, &type))
        {
          problem (path, 0, "“%s” is not the title of a school type", title);
          continue;
        }
      n_types++;
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_strstrip (g_strdelimit (g_strdup (words[w]), "\n", ' '));

          if (g_str_has_prefix (word, "and "))
            continue;   /* "and any text without one of the words above" */
          n_words++;
          if (rd_school_type_from_text (word) != type)
            problem (path, 0, "“%s” is listed as %s but reads as %s", word, title,
                     rd_school_type_get_title (rd_school_type_from_text (word)));
        }
    }
  if (n_types != RD_N_SCHOOL_TYPES - 1 || n_words < 40)
    problem (path, 0, "expected every type with its words; found %u types, %u words", n_types, n_words);

  /* And the examples the section gives. */
  if (rd_school_type_from_text ("speciaal basisonderwijs") != RD_SCHOOL_TYPE_SPECIAL ||
      rd_school_type_from_text ("beroepssecundair onderwijs") != RD_SCHOOL_TYPE_VOCATIONAL ||
      rd_school_type_from_text ("PO/VO") != RD_SCHOOL_TYPE_OTHER ||
      rd_school_type_from_text ("Montessori") != RD_SCHOOL_TYPE_OTHER)
    problem (path, 0, "an example of the section reads otherwise");
  assert_no_problems ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* The day a format 1 assessment was completed, in the time zone the
   * document's example is told in. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doc-examples/scores/answers", test_scores_answers);
  g_test_add_func ("/doc-examples/scores/worked-example", test_scores_worked_example);
  g_test_add_func ("/doc-examples/scores/change-example", test_scores_change_example);
  g_test_add_func ("/doc-examples/scores/every-figure-checked", test_scores_every_figure_checked);
  g_test_add_func ("/doc-examples/scores/levels", test_scores_levels);
  g_test_add_func ("/doc-examples/scores/translations", test_scores_translations);
  g_test_add_func ("/doc-examples/formats/json-blocks", test_format_json_blocks);
  g_test_add_func ("/doc-examples/help/school-type-words", test_school_type_words);

  return g_test_run ();
}
