#define G_LOG_DOMAIN "rd-survey-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rd-csv.h"
#include "rd-errors.h"
#include "rd-input.h"
#include "rd-survey-import.h"

/* The rows that are respondents, decoded one column at a time: a mapping
 * change decodes the changed column and nothing else, and storing decodes
 * one row at a time, so no copy of every answer is ever held. */
typedef struct
{
  RdSurveyColumnRole role;
  RdItem *item;             /* borrowed from the framework */
  /* What the role makes of the column, worked out when the role is set. */
  guint first_bad;          /* the first respondent whose cell cannot be read, or G_MAXUINT */
  GError *problem;          /* and why */
  guint n_in_group[RD_N_GROUPS];  /* a group column: respondents who gave each group */
  guint32 *answered;        /* an item column: a bit per respondent whose cell holds an answer */
  guint n_not_asked;        /* of those, respondents whose group the item does not ask */
} Column;

/* A respondent whose group cell is empty: the default group's. */
#define GROUP_NOT_GIVEN 0xff

struct _RdSurveyImport
{
  GObject parent_instance;

  RdFramework *framework;
  RdCsvTable *table;
  char *name;
  GArray *columns;          /* of Column */
  RdGroup default_group;
  guint32 *respondents;     /* the table's rows that are not blank */
  guint8 *groups;           /* each respondent's group from the group column, or GROUP_NOT_GIVEN */
  guint32 *in_group[RD_N_GROUPS];  /* a bit per respondent of each group, the default included */
  guint n_respondents;
  guint n_blank;
  GDate today;              /* no date answer may lie after it */
  guint64 n_cells_decoded;
};

G_DEFINE_FINAL_TYPE (RdSurveyImport, rd_survey_import, G_TYPE_OBJECT)

/* How survey tools and people write "not applicable / don't know". */
static const char * const not_applicable_words[] = {
  "n/a", "na", "n.a", "n.a.", "nvt", "n.v.t", "n.v.t.", "not applicable", "niet van toepassing",
  "don't know", "don’t know", "dont know", "do not know", "weet ik niet", "weet niet", "geen idee",
  "not applicable / don't know", "not applicable / don’t know", "niet van toepassing / weet ik niet",
  "-", "–", "?", NULL
};

typedef struct
{
  const char *word;
  int value;
} Label;

/* The agreement scale as survey tools export it, in English and Dutch
 * (Microsoft Forms, Google Forms, LimeSurvey, and the words Readiness's
 * own scale and earlier versions used). Labels are compared whole. */
static const Label agreement_labels[] = {
  { "strongly disagree", 1 }, { "disagree", 2 }, { "somewhat disagree", 2 },
  { "neutral", 3 }, { "neither agree nor disagree", 3 }, { "undecided", 3 },
  { "agree", 4 }, { "somewhat agree", 4 }, { "strongly agree", 5 },
  { "helemaal mee oneens", 1 }, { "zeer mee oneens", 1 }, { "volledig mee oneens", 1 },
  { "helemaal niet mee eens", 1 }, { "helemaal oneens", 1 }, { "zeer oneens", 1 }, { "volledig oneens", 1 },
  { "mee oneens", 2 }, { "niet mee eens", 2 }, { "oneens", 2 },
  { "neutraal", 3 }, { "neutraal / geen mening", 3 }, { "neutraal/geen mening", 3 },
  { "noch eens noch oneens", 3 },
  { "mee eens", 4 }, { "eens", 4 },
  { "helemaal mee eens", 5 }, { "zeer mee eens", 5 }, { "volledig mee eens", 5 },
  { "helemaal eens", 5 }, { "zeer eens", 5 }, { "volledig eens", 5 },
  /* Common in Flanders, and Readiness's own scale up to 1.1. */
  { "helemaal niet akkoord", 1 }, { "niet akkoord", 2 }, { "noch akkoord noch niet akkoord", 3 },
  { "akkoord", 4 }, { "helemaal akkoord", 5 },
};

static const Label yes_no_labels[] = {
  { "yes", 1 }, { "y", 1 }, { "ja", 1 }, { "j", 1 }, { "true", 1 }, { "waar", 1 },
  { "no", 0 }, { "n", 0 }, { "nee", 0 }, { "false", 0 }, { "onwaar", 0 },
};

static const Label group_labels[] = {
  { "leader", RD_GROUP_LEADER }, { "school leader", RD_GROUP_LEADER }, { "schoolleider", RD_GROUP_LEADER },
  { "directie", RD_GROUP_LEADER }, { "director", RD_GROUP_LEADER }, { "principal", RD_GROUP_LEADER },
  { "teacher", RD_GROUP_TEACHER }, { "leraar", RD_GROUP_TEACHER }, { "leerkracht", RD_GROUP_TEACHER },
  { "docent", RD_GROUP_TEACHER }, { "support staff", RD_GROUP_SUPPORT_STAFF },
  { "support-staff", RD_GROUP_SUPPORT_STAFF }, { "ondersteunend personeel", RD_GROUP_SUPPORT_STAFF },
  { "learner", RD_GROUP_LEARNER }, { "leerling", RD_GROUP_LEARNER }, { "student", RD_GROUP_LEARNER },
  { "pupil", RD_GROUP_LEARNER }, { "parent", RD_GROUP_PARENT }, { "ouder", RD_GROUP_PARENT },
  { "other", RD_GROUP_OTHER }, { "andere", RD_GROUP_OTHER }, { "anders", RD_GROUP_OTHER },
};

static const char * const group_headers[] = {
  "group", "groep", "role", "rol", "respondent group", "respondentgroep", NULL
};

/* Case-folded, trimmed, inner white space single, trailing ".:?!" and
 * surrounding quotes gone: how a header or label is compared. */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = result->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (result, ' ');
      space = FALSE;
      g_string_append_unichar (result, c);
    }

  while (result->len > 0 && strchr (".:?!\"'", result->str[result->len - 1]) != NULL)
    g_string_truncate (result, result->len - 1);
  while (result->len > 0 && strchr ("\"'", result->str[0]) != NULL)
    g_string_erase (result, 0, 1);

  return g_string_free (result, FALSE);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* "Q3 [str-written-plan] Does our school…" holds the id as a word. */
static gboolean
contains_id (const char *header,
             const char *id)
{
  gsize id_length = strlen (id);

  for (const char *p = strstr (header, id); p != NULL; p = strstr (p + 1, id))
    {
      gboolean starts = p == header || !is_id_char (p[-1]);
      gboolean ends = !is_id_char (p[id_length]);

      if (starts && ends)
        return TRUE;
    }

  return FALSE;
}

static RdItem *
match_item (RdFramework *framework,
            const char  *header)
{
  g_autofree char *key = normalize (header);
  const char * const *languages = rd_framework_get_languages (framework);
  guint n_items = rd_framework_get_n_items (framework);
  RdItem *by_word = NULL;
  guint n_by_word = 0;

  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      if (g_str_equal (key, rd_item_get_id (item)))
        return item;

      for (guint l = 0; languages[l] != NULL; l++)
        {
          g_autofree char *text = normalize (rd_text_get (rd_item_get_text (item), languages[l]));

          if (g_str_equal (key, text))
            return item;
        }

      if (contains_id (key, rd_item_get_id (item)))
        {
          by_word = item;
          n_by_word++;
        }
    }

  /* Only an unambiguous id; two ids in one header match neither. */
  return n_by_word == 1 ? by_word : NULL;
}

/* normalize() without an allocation for the short ASCII text that most
 * cells hold; anything else goes the long way into @allocated. */
#define KEY_SIZE 64

static const char *
normalize_cell (const char  *text,
                char         buffer[KEY_SIZE],
                char       **allocated)
{
  gsize n = 0;
  gboolean space = FALSE;
  char *start;

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80 || n + 2 >= KEY_SIZE)
        return *allocated = normalize (text);
      /* The ASCII characters g_unichar_isspace() takes, as normalize() does. */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          space = n > 0;
          continue;
        }
      if (space)
        buffer[n++] = ' ';
      space = FALSE;
      buffer[n++] = g_ascii_tolower (c);
    }
  buffer[n] = '\0';

  while (n > 0 && strchr (".:?!\"'", buffer[n - 1]) != NULL)
    buffer[--n] = '\0';
  for (start = buffer; *start != '\0' && strchr ("\"'", *start) != NULL; start++)
    ;
  return start;
}

/* Spaces only, the no-break space included. */
static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0)
        return FALSE;
    }
  return TRUE;
}

static void
clear_column (Column *column)
{
  g_clear_error (&column->problem);
  g_clear_pointer (&column->answered, g_free);
}

static RdGroup
group_of (RdSurveyImport *self,
          guint           respondent)
{
  guint8 group = self->groups[respondent];

  return group == GROUP_NOT_GIVEN ? self->default_group : (RdGroup) group;
}

static guint
n_words (RdSurveyImport *self)
{
  return self->n_respondents / 32 + 1;
}

/* Who is in which group, as bits, so that a column's answers of each group
 * are counted a word at a time. */
static void
sort_into_groups (RdSurveyImport *self)
{
  for (guint g = 0; g < RD_N_GROUPS; g++)
    memset (self->in_group[g], 0, n_words (self) * sizeof (guint32));
  for (guint i = 0; i < self->n_respondents; i++)
    self->in_group[group_of (self, i)][i / 32] |= 1u << (i % 32);
}

/* Answers in an item column whose respondent's group the item does not
 * ask: they are left out. Counted from what the column's check found, so
 * a change of groups decodes no cell. */
static void
count_not_asked (RdSurveyImport *self,
                 Column         *column)
{
  guint audience;

  column->n_not_asked = 0;
  if (column->role != RD_SURVEY_COLUMN_ITEM || column->answered == NULL)
    return;
  audience = rd_item_get_audience (column->item);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      if (audience & (1u << g))
        continue;
      for (guint word = 0; word < n_words (self); word++)
        column->n_not_asked += (guint) __builtin_popcount (column->answered[word] & self->in_group[g][word]);
    }
}

static void
count_all_not_asked (RdSurveyImport *self)
{
  sort_into_groups (self);
  for (guint c = 0; c < self->columns->len; c++)
    count_not_asked (self, &g_array_index (self->columns, Column, c));
}

static void
rd_survey_import_finalize (GObject *object)
{
  RdSurveyImport *self = RD_SURVEY_IMPORT (object);

  g_clear_object (&self->framework);
  g_clear_pointer (&self->table, rd_csv_table_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_free (self->respondents);
  g_free (self->groups);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    g_free (self->in_group[g]);
  g_free (self->name);

  G_OBJECT_CLASS (rd_survey_import_parent_class)->finalize (object);
}

static void
rd_survey_import_class_init (RdSurveyImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_survey_import_finalize;
}

static void
rd_survey_import_init (RdSurveyImport *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) clear_column);
  self->default_group = RD_GROUP_OTHER;
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
}

static gboolean
find_label (const Label *labels,
            guint        n_labels,
            const char  *key,
            int         *value)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].word, key))
      {
        *value = labels[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
fail_at (RdSurveyImport  *self,
         guint            row,
         guint            column,
         GError         **error,
         const char      *format,
         ...) G_GNUC_PRINTF (5, 6);

/* "NAME: line L, column C (“HEADER”): PROBLEM" */
static gboolean
fail_at (RdSurveyImport  *self,
         guint            row,
         guint            column,
         GError         **error,
         const char      *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE,
               _("%s: line %u, column %u (“%s”): %s"), self->name,
               rd_csv_table_get_line (self->table, row, column),
               rd_csv_table_get_column_position (self->table, row, column),
               rd_csv_table_get_header (self->table, column), problem);
  return FALSE;
}

/* Numbers follow the file: a semicolon- or tab-separated export (Dutch
 * Excel) writes decimal commas, a comma-separated one decimal points. */
static gboolean
read_number (RdSurveyImport *self,
             const char     *text,
             double         *value)
{
  gboolean comma = rd_csv_table_get_separator (self->table) != ',';

  return rd_input_parse_number (text, comma, value, NULL) ||
         rd_input_parse_number (text, !comma, value, NULL);
}

/* One cell as an answer to @item. *@answered is FALSE for an empty cell,
 * which leaves the item unanswered. */
static gboolean
decode_answer (RdSurveyImport  *self,
               RdItem          *item,
               guint            row,
               guint            column,
               RdAnswer        *answer,
               gboolean        *answered,
               GError         **error)
{
  const char *cell = rd_csv_table_get_cell (self->table, row, column);
  g_autofree char *allocated = NULL;
  char buffer[KEY_SIZE];
  const char *key = normalize_cell (cell, buffer, &allocated);
  g_autoptr(GError) value_error = NULL;
  int label;

  self->n_cells_decoded++;
  answer->not_applicable = FALSE;
  answer->value = NAN;
  answer->julian_day = 0;
  *answered = *key != '\0';
  if (!*answered)
    return TRUE;

  if (g_strv_contains (not_applicable_words, key))
    {
      answer->not_applicable = TRUE;
      return TRUE;
    }

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_STATEMENT:
      /* "4 - Agree", "4. akkoord": the number first. */
      if (key[0] >= '1' && key[0] <= '5' && !g_ascii_isdigit (key[1]) && key[1] != '.' && key[1] != ',')
        answer->value = key[0] - '0';
      else if (find_label (agreement_labels, G_N_ELEMENTS (agreement_labels), key, &label))
        answer->value = label;
      else if (!read_number (self, key, &answer->value) || answer->value != floor (answer->value))
        return fail_at (self, row, column, error,
                        _("“%s” is not an answer on the agreement scale (1 to 5, or strongly disagree to strongly agree)"),
                        cell);
      break;

    case RD_ITEM_KIND_YES_NO:
      if (find_label (yes_no_labels, G_N_ELEMENTS (yes_no_labels), key, &label))
        answer->value = label;
      else if (!read_number (self, key, &answer->value))
        return fail_at (self, row, column, error, _("“%s” is not yes or no"), cell);
      break;

    case RD_ITEM_KIND_DATE:
      {
        GDate date;

        if (!rd_input_parse_date (key, &date, &value_error))
          return fail_at (self, row, column, error, "%s", value_error->message);
        if (!rd_item_check_date (item, &date, &self->today, &value_error))
          return fail_at (self, row, column, error, "%s", value_error->message);
        answer->julian_day = g_date_get_julian (&date);
        return TRUE;
      }

    case RD_ITEM_KIND_PERCENT:
    case RD_ITEM_KIND_NUMBER:
    default:
      {
        char number[KEY_SIZE];
        g_autofree char *long_number = NULL;
        char *text = number;

        if (strlen (key) < sizeof number)
          strcpy (number, key);
        else
          text = long_number = g_strdup (key);
        if (rd_item_get_kind (item) == RD_ITEM_KIND_PERCENT && g_str_has_suffix (text, "%"))
          text[strlen (text) - 1] = '\0';
        if (!read_number (self, g_strstrip (text), &answer->value))
          return fail_at (self, row, column, error, _("“%s” is not a number"), cell);
      }
      break;
    }

  if (!rd_item_check_value (item, answer->value, &value_error))
    return fail_at (self, row, column, error, "%s", value_error->message);

  return TRUE;
}

/* One cell of the group column. *@given is FALSE for an empty cell: the
 * respondent belongs to the default group. */
static gboolean
decode_group (RdSurveyImport  *self,
              guint            row,
              guint            column,
              RdGroup         *group,
              gboolean        *given,
              GError         **error)
{
  const char *cell = rd_csv_table_get_cell (self->table, row, column);
  g_autofree char *allocated = NULL;
  char buffer[KEY_SIZE];
  const char *key = normalize_cell (cell, buffer, &allocated);
  int value;

  self->n_cells_decoded++;
  *given = *key != '\0';
  if (!*given)
    return TRUE;
  if (!find_label (group_labels, G_N_ELEMENTS (group_labels), key, &value) &&
      !rd_group_from_id (key, (RdGroup *) &value))
    return fail_at (self, row, column, error,
                    _("“%s” is not a group (school leader, teacher, support staff, learner, parent or other)"),
                    cell);
  *group = (RdGroup) value;
  return TRUE;
}

/* Decodes every respondent's cell of one column for its role, once, when
 * the role is set: a summary is then a sum over the columns. */
static void
check_column (RdSurveyImport *self,
              guint           c)
{
  Column *column = &g_array_index (self->columns, Column, c);

  g_clear_error (&column->problem);
  g_clear_pointer (&column->answered, g_free);
  column->first_bad = G_MAXUINT;
  memset (column->n_in_group, 0, sizeof column->n_in_group);
  if (column->role == RD_SURVEY_COLUMN_ITEM)
    column->answered = g_new0 (guint32, self->n_respondents / 32 + 1);

  for (guint i = 0; i < self->n_respondents && column->role != RD_SURVEY_COLUMN_SKIPPED; i++)
    {
      gboolean ok, given;

      if (column->role == RD_SURVEY_COLUMN_GROUP)
        {
          RdGroup group = RD_GROUP_OTHER;

          ok = decode_group (self, self->respondents[i], c, &group, &given, &column->problem);
          if (ok && given)
            column->n_in_group[group]++;
          self->groups[i] = ok && given ? (guint8) group : GROUP_NOT_GIVEN;
        }
      else
        {
          RdAnswer answer = { 0 };

          ok = decode_answer (self, column->item, self->respondents[i], c, &answer, &given, &column->problem);
          if (ok && given)
            column->answered[i / 32] |= 1u << (i % 32);
        }

      if (!ok)
        {
          column->first_bad = i;
          break;
        }
    }

  count_not_asked (self, column);
}

/* The group column changed: every respondent's group as it now stands,
 * and what that leaves out of each item column. */
static void
groups_changed (RdSurveyImport *self)
{
  memset (self->groups, GROUP_NOT_GIVEN, self->n_respondents);
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).role == RD_SURVEY_COLUMN_GROUP)
      check_column (self, c);
  count_all_not_asked (self);
}

static gboolean
item_taken (RdSurveyImport *self,
            RdItem         *item)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).item == item)
      return TRUE;
  return FALSE;
}

static gboolean
is_blank_row (RdSurveyImport *self,
              guint           row)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (!is_blank_text (rd_csv_table_get_cell (self->table, row, c)))
      return FALSE;
  return TRUE;
}

RdSurveyImport *
rd_survey_import_new (RdFramework  *framework,
                      const char   *data,
                      gsize         length,
                      const char   *name,
                      GError      **error)
{
  g_autoptr(RdSurveyImport) self = NULL;
  gboolean has_group = FALSE;
  guint n_rows;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_SURVEY_IMPORT, NULL);
  self->framework = g_object_ref (framework);
  self->name = g_strdup (name ? name : "survey.csv");
  self->table = rd_csv_parse (data, length, self->name, error);
  if (self->table == NULL)
    return NULL;

  g_array_set_size (self->columns, rd_csv_table_get_n_columns (self->table));

  /* Rows of nothing but separators (Excel keeps them for rows it emptied)
   * or spaces are nobody's answers. */
  n_rows = rd_csv_table_get_n_rows (self->table);
  self->respondents = g_new (guint32, n_rows);
  self->groups = g_malloc (MAX (n_rows, 1));
  for (guint row = 0; row < n_rows; row++)
    if (!is_blank_row (self, row))
      self->respondents[self->n_respondents++] = row;
  self->n_blank = n_rows - self->n_respondents;
  memset (self->groups, GROUP_NOT_GIVEN, MAX (n_rows, 1));
  for (guint g = 0; g < RD_N_GROUPS; g++)
    self->in_group[g] = g_new0 (guint32, n_words (self));
  sort_into_groups (self);

  for (guint c = 0; c < self->columns->len; c++)
    {
      const char *header = rd_csv_table_get_header (self->table, c);
      g_autofree char *key = normalize (header);
      Column *column = &g_array_index (self->columns, Column, c);
      RdItem *item;

      if (!has_group && g_strv_contains (group_headers, key))
        {
          column->role = RD_SURVEY_COLUMN_GROUP;
          has_group = TRUE;
        }
      else
        {
          item = match_item (framework, header);
          /* A second column for the same item is left for the user to decide. */
          if (item != NULL && !item_taken (self, item))
            {
              column->role = RD_SURVEY_COLUMN_ITEM;
              column->item = item;
            }
        }
      check_column (self, c);
    }
  /* A group column after the items changes what they leave out. */
  count_all_not_asked (self);

  return g_steal_pointer (&self);
}

/* GIO's messages do not always name the file ("Is a directory"). */
static RdSurveyImport *
read_failed (const char  *name,
             GError     **error)
{
  if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      strstr ((*error)->message, name) == NULL)
    g_prefix_error (error, "%s: ", name);
  return NULL;
}

/* Checks the size before reading a byte: a file over the limit is never
 * read, and one that grows while it is read is stopped at the limit. */
RdSurveyImport *
rd_survey_import_new_for_file (RdFramework   *framework,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize length = 0, capacity;
  goffset size;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return read_failed (name, error);

  size = g_file_info_get_size (info);
  if (size > RD_CSV_MAX_BYTES)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is %s; a survey export can be at most %u MB"), name, shown,
                   (guint) (RD_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return read_failed (name, error);

  /* One byte more than the file had, to notice that it grew. */
  capacity = (gsize) MAX (size, 0) + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gsize n_read;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data + length, capacity - length, &n_read,
                                    cancellable, error))
        return read_failed (name, error);
      length += n_read;
      if (length < capacity)
        break;
      if (length > RD_CSV_MAX_BYTES)
        {
          g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %u MB, the most a survey export can be"), name,
                       (guint) (RD_CSV_MAX_BYTES / (1024 * 1024)));
          return NULL;
        }
      capacity = MIN (capacity * 2, (gsize) RD_CSV_MAX_BYTES + 1);
      data = g_realloc (data, capacity);
    }

  return rd_survey_import_new (framework, data, length, name, error);
}

guint
rd_survey_import_get_n_columns (RdSurveyImport *self)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  return self->columns->len;
}

guint
rd_survey_import_get_n_rows (RdSurveyImport *self)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  return rd_csv_table_get_n_rows (self->table);
}

guint
rd_survey_import_get_n_respondents (RdSurveyImport *self)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  return self->n_respondents;
}

guint
rd_survey_import_get_n_blank_rows (RdSurveyImport *self)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  return self->n_blank;
}

const char *
rd_survey_import_get_header (RdSurveyImport *self,
                             guint           column)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return rd_csv_table_get_header (self->table, column);
}

RdSurveyColumnRole
rd_survey_import_get_role (RdSurveyImport *self,
                           guint           column)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), RD_SURVEY_COLUMN_SKIPPED);
  g_return_val_if_fail (column < self->columns->len, RD_SURVEY_COLUMN_SKIPPED);
  return g_array_index (self->columns, Column, column).role;
}

RdItem *
rd_survey_import_get_item (RdSurveyImport *self,
                           guint           column)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).item;
}

static void
skip_column (RdSurveyImport *self,
             guint           c)
{
  Column *column = &g_array_index (self->columns, Column, c);
  gboolean was_group = column->role == RD_SURVEY_COLUMN_GROUP;

  column->role = RD_SURVEY_COLUMN_SKIPPED;
  column->item = NULL;
  check_column (self, c);
  if (was_group)
    groups_changed (self);
}

/* @item NULL leaves the column out. */
void
rd_survey_import_set_item (RdSurveyImport *self,
                           guint           column,
                           RdItem         *item)
{
  Column *target;

  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  target = &g_array_index (self->columns, Column, column);
  if (target->item == item && (item != NULL || target->role == RD_SURVEY_COLUMN_SKIPPED))
    return;

  /* An item answered by two columns would be ambiguous: the new one wins. */
  if (item != NULL)
    for (guint c = 0; c < self->columns->len; c++)
      if (c != column && g_array_index (self->columns, Column, c).item == item)
        skip_column (self, c);

  target = &g_array_index (self->columns, Column, column);
  if (target->role == RD_SURVEY_COLUMN_GROUP)
    {
      skip_column (self, column);
      target = &g_array_index (self->columns, Column, column);
    }
  target->item = item;
  target->role = item != NULL ? RD_SURVEY_COLUMN_ITEM : RD_SURVEY_COLUMN_SKIPPED;
  check_column (self, column);
}

void
rd_survey_import_set_group_column (RdSurveyImport *self,
                                   guint           column)
{
  Column *target;

  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  target = &g_array_index (self->columns, Column, column);
  if (target->role == RD_SURVEY_COLUMN_GROUP)
    return;

  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).role == RD_SURVEY_COLUMN_GROUP)
      skip_column (self, c);

  target->role = RD_SURVEY_COLUMN_GROUP;
  target->item = NULL;
  groups_changed (self);
}

/* The group of respondents in a file without a group column. */
void
rd_survey_import_set_default_group (RdSurveyImport *self,
                                    RdGroup         group)
{
  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (group < RD_N_GROUPS);
  if (self->default_group == group)
    return;
  self->default_group = group;
  count_all_not_asked (self);
}

/* Answers in @column that are left out: the item is not asked of their
 * respondents' group. */
guint
rd_survey_import_get_n_not_asked (RdSurveyImport *self,
                                  guint           column)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);
  return g_array_index (self->columns, Column, column).n_not_asked;
}

guint
rd_survey_import_get_n_matched (RdSurveyImport *self)
{
  guint n = 0;

  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);

  for (guint c = 0; c < self->columns->len; c++)
    n += g_array_index (self->columns, Column, c).role == RD_SURVEY_COLUMN_ITEM;
  return n;
}

guint64
rd_survey_import_get_n_cells_decoded (RdSurveyImport *self)
{
  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), 0);
  return self->n_cells_decoded;
}

/* What the mapping as it stands would import, from what each column's
 * check found: no cell is decoded here. The error is the first bad cell
 * in the order of the file. */
gboolean
rd_survey_import_check (RdSurveyImport   *self,
                        RdSurveySummary  *summary,
                        GError          **error)
{
  const Column *first = NULL;
  guint n_given = 0;

  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->n_respondents = self->n_respondents;
  summary->n_blank_rows = self->n_blank;

  for (guint c = 0; c < self->columns->len; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);

      if (column->problem != NULL && (first == NULL || column->first_bad < first->first_bad))
        first = column;
      if (column->role == RD_SURVEY_COLUMN_ITEM)
        {
          summary->n_items++;
          summary->n_not_asked += column->n_not_asked;
        }
      else if (column->role == RD_SURVEY_COLUMN_GROUP)
        for (guint g = 0; g < RD_N_GROUPS; g++)
          {
            summary->n_in_group[g] += column->n_in_group[g];
            n_given += column->n_in_group[g];
          }
    }
  summary->n_in_group[self->default_group] += self->n_respondents - n_given;

  if (first != NULL)
    {
      g_propagate_error (error, g_error_copy (first->problem));
      return FALSE;
    }
  return TRUE;
}

/* Respondent @index's answers into @response, which is emptied first;
 * answers to items not asked of the respondent's group are left out. */
static gboolean
fill_response (RdSurveyImport  *self,
               guint            index,
               RdResponse      *response,
               GError         **error)
{
  guint row = self->respondents[index];

  response->group = self->default_group;
  g_clear_pointer (&response->pseudonym, g_free);
  g_ptr_array_set_size (response->answers, 0);

  for (guint c = 0; c < self->columns->len; c++)
    {
      RdGroup group;
      gboolean given;

      if (g_array_index (self->columns, Column, c).role != RD_SURVEY_COLUMN_GROUP)
        continue;
      if (!decode_group (self, row, c, &group, &given, error))
        return FALSE;
      if (given)
        response->group = group;
    }

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);
      RdAnswer decoded = { 0 };
      RdAnswer *answer;
      gboolean given;

      if (column->role != RD_SURVEY_COLUMN_ITEM || !rd_item_asks (column->item, response->group))
        continue;
      if (!decode_answer (self, column->item, row, c, &decoded, &given, error))
        return FALSE;
      if (!given)
        continue;
      answer = rd_response_add_answer (response, rd_item_get_id (column->item),
                                       rd_item_get_version (column->item));
      answer->not_applicable = decoded.not_applicable;
      answer->value = decoded.value;
      answer->julian_day = decoded.julian_day;
    }

  for (guint a = 0; a < response->answers->len; a++)
    ((RdAnswer *) g_ptr_array_index (response->answers, a))->group = response->group;
  return TRUE;
}

/* Every respondent as a response, or NULL and an error naming the first
 * bad cell: a file is imported whole or not at all. Blank rows are left
 * out. For small files; rd_survey_import_store() holds no such copy. */
GPtrArray *
rd_survey_import_read (RdSurveyImport  *self,
                       GError         **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  RdSurveySummary summary;

  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), NULL);

  if (!rd_survey_import_check (self, &summary, error))
    return NULL;

  responses = g_ptr_array_new_full (self->n_respondents, (GDestroyNotify) rd_response_free);
  for (guint i = 0; i < self->n_respondents; i++)
    {
      RdResponse *response = rd_response_new (self->default_group);

      g_ptr_array_add (responses, response);
      if (!fill_response (self, i, response, error))
        return NULL;
    }

  return g_steal_pointer (&responses);
}

typedef struct
{
  RdSurveyImport *self;
  RdResponse *response;   /* reused for every row */
} Source;

static const RdResponse *
next_response (guint     index,
               gpointer  user_data,
               GError  **error)
{
  Source *source = user_data;

  return fill_response (source->self, index, source->response, error) ? source->response : NULL;
}

/* Adds every respondent to @assessment_id in one transaction, decoding
 * one row at a time. Cancelling, or any error, rolls it all back. Meant
 * for a worker thread with a store of its own; @progress is called there.
 * The mapping must not change while it runs. */
gboolean
rd_survey_import_store (RdSurveyImport          *self,
                        RdStore                 *store,
                        gint64                   assessment_id,
                        GCancellable            *cancellable,
                        RdSurveyImportProgress   progress,
                        gpointer                 user_data,
                        GError                 **error)
{
  g_autoptr(RdResponse) response = rd_response_new (RD_GROUP_OTHER);
  Source source = { self, response };
  RdSurveySummary summary;

  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), FALSE);
  g_return_val_if_fail (RD_IS_STORE (store), FALSE);

  if (!rd_survey_import_check (self, &summary, error))
    return FALSE;

  return rd_store_add_responses_from (store, assessment_id, self->framework, self->n_respondents,
                                      next_response, &source, cancellable, progress, user_data, error);
}
