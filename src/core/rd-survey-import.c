#define G_LOG_DOMAIN "rd-survey-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-csv.h"
#include "rd-errors.h"
#include "rd-input.h"
#include "rd-survey-import.h"

typedef struct
{
  RdSurveyColumnRole role;
  RdItem *item;  /* borrowed from the framework */
} Column;

struct _RdSurveyImport
{
  GObject parent_instance;

  RdFramework *framework;
  RdCsvTable *table;
  char *name;
  GArray *columns;  /* of Column */
  RdGroup default_group;
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

/* The agreement scale in English and Dutch, longest phrases first so that
 * "strongly disagree" is not read as "disagree". */
static const Label agreement_labels[] = {
  { "neither agree nor disagree", 3 }, { "noch akkoord noch niet akkoord", 3 },
  { "helemaal niet akkoord", 1 }, { "strongly disagree", 1 }, { "helemaal oneens", 1 }, { "zeer oneens", 1 },
  { "helemaal akkoord", 5 }, { "strongly agree", 5 }, { "helemaal eens", 5 }, { "zeer eens", 5 },
  { "niet akkoord", 2 }, { "disagree", 2 }, { "oneens", 2 },
  { "neutraal", 3 }, { "neutral", 3 }, { "undecided", 3 },
  { "akkoord", 4 }, { "agree", 4 }, { "eens", 4 },
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

static void
rd_survey_import_finalize (GObject *object)
{
  RdSurveyImport *self = RD_SURVEY_IMPORT (object);

  g_clear_object (&self->framework);
  g_clear_pointer (&self->table, rd_csv_table_free);
  g_clear_pointer (&self->columns, g_array_unref);
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
  self->default_group = RD_GROUP_OTHER;
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

RdSurveyImport *
rd_survey_import_new (RdFramework  *framework,
                      const char   *data,
                      gsize         length,
                      const char   *name,
                      GError      **error)
{
  g_autoptr(RdSurveyImport) self = NULL;
  gboolean has_group = FALSE;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_SURVEY_IMPORT, NULL);
  self->framework = g_object_ref (framework);
  self->name = g_strdup (name ? name : "survey.csv");
  self->table = rd_csv_parse (data, length, self->name, error);
  if (self->table == NULL)
    return NULL;

  g_array_set_size (self->columns, rd_csv_table_get_n_columns (self->table));
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
          continue;
        }

      item = match_item (framework, header);
      /* A second column for the same item is left for the user to decide. */
      if (item != NULL && !item_taken (self, item))
        {
          column->role = RD_SURVEY_COLUMN_ITEM;
          column->item = item;
        }
    }

  return g_steal_pointer (&self);
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

/* @item NULL leaves the column out. */
void
rd_survey_import_set_item (RdSurveyImport *self,
                           guint           column,
                           RdItem         *item)
{
  Column *target;

  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  /* An item answered by two columns would be ambiguous: the new one wins. */
  if (item != NULL)
    for (guint c = 0; c < self->columns->len; c++)
      {
        Column *other = &g_array_index (self->columns, Column, c);

        if (other->item == item)
          *other = (Column) { RD_SURVEY_COLUMN_SKIPPED, NULL };
      }

  target = &g_array_index (self->columns, Column, column);
  target->item = item;
  target->role = item != NULL ? RD_SURVEY_COLUMN_ITEM : RD_SURVEY_COLUMN_SKIPPED;
}

void
rd_survey_import_set_group_column (RdSurveyImport *self,
                                   guint           column)
{
  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).role == RD_SURVEY_COLUMN_GROUP)
      g_array_index (self->columns, Column, c).role = RD_SURVEY_COLUMN_SKIPPED;

  g_array_index (self->columns, Column, column) = (Column) { RD_SURVEY_COLUMN_GROUP, NULL };
}

/* The group of respondents in a file without a group column. */
void
rd_survey_import_set_default_group (RdSurveyImport *self,
                                    RdGroup         group)
{
  g_return_if_fail (RD_IS_SURVEY_IMPORT (self));
  g_return_if_fail (group < RD_N_GROUPS);
  self->default_group = group;
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

static gboolean
read_cell (RdSurveyImport  *self,
           RdItem          *item,
           guint            row,
           guint            column,
           RdResponse      *response,
           GError         **error)
{
  const char *cell = rd_csv_table_get_cell (self->table, row, column);
  g_autofree char *key = normalize (cell);
  g_autoptr(GError) value_error = NULL;
  RdAnswer *answer;
  int label;

  if (*key == '\0')
    return TRUE;  /* unanswered */

  answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
  if (g_strv_contains (not_applicable_words, key))
    {
      answer->not_applicable = TRUE;
      return TRUE;
    }

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_STATEMENT:
      if (find_label (agreement_labels, G_N_ELEMENTS (agreement_labels), key, &label))
        answer->value = label;
      /* "4 - Agree", "4. akkoord": the number first. */
      else if (key[0] >= '1' && key[0] <= '5' && !g_ascii_isdigit (key[1]) && key[1] != '.' &&
               key[1] != ',')
        answer->value = key[0] - '0';
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
        GDate date, today;

        if (!rd_input_parse_date (key, &date, &value_error))
          return fail_at (self, row, column, error, "%s", value_error->message);
        g_date_clear (&today, 1);
        g_date_set_time_t (&today, time (NULL));
        if (!rd_item_check_date (item, &date, &today, &value_error))
          return fail_at (self, row, column, error, "%s", value_error->message);
        answer->julian_day = g_date_get_julian (&date);
        return TRUE;
      }

    case RD_ITEM_KIND_PERCENT:
    case RD_ITEM_KIND_NUMBER:
    default:
      {
        g_autofree char *number = g_strdup (key);

        if (rd_item_get_kind (item) == RD_ITEM_KIND_PERCENT && g_str_has_suffix (number, "%"))
          number[strlen (number) - 1] = '\0';
        if (!read_number (self, g_strstrip (number), &answer->value))
          return fail_at (self, row, column, error, _("“%s” is not a number"), cell);
      }
      break;
    }

  if (!rd_item_check_value (item, answer->value, &value_error))
    return fail_at (self, row, column, error, "%s", value_error->message);

  return TRUE;
}

/* Every row as a response, or NULL and an error naming the first bad cell:
 * a file is imported whole or not at all. */
GPtrArray *
rd_survey_import_read (RdSurveyImport  *self,
                       GError         **error)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);

  g_return_val_if_fail (RD_IS_SURVEY_IMPORT (self), NULL);

  for (guint row = 0; row < rd_csv_table_get_n_rows (self->table); row++)
    {
      RdResponse *response = rd_response_new (self->default_group);

      g_ptr_array_add (responses, response);
      for (guint c = 0; c < self->columns->len; c++)
        {
          Column *column = &g_array_index (self->columns, Column, c);

          if (column->role == RD_SURVEY_COLUMN_GROUP)
            {
              const char *cell = rd_csv_table_get_cell (self->table, row, c);
              g_autofree char *key = normalize (cell);
              int group;

              if (*key == '\0')
                continue;
              if (!find_label (group_labels, G_N_ELEMENTS (group_labels), key, &group) &&
                  !rd_group_from_id (key, (RdGroup *) &group))
                {
                  fail_at (self, row, c, error,
                           _("“%s” is not a group (school leader, teacher, support staff, learner, parent or other)"),
                           cell);
                  return NULL;
                }
              response->group = (RdGroup) group;
              for (guint a = 0; a < response->answers->len; a++)
                ((RdAnswer *) g_ptr_array_index (response->answers, a))->group = response->group;
            }
          else if (column->role == RD_SURVEY_COLUMN_ITEM &&
                   !read_cell (self, column->item, row, c, response, error))
            return NULL;
        }
    }

  return g_steal_pointer (&responses);
}
