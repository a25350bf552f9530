#define G_LOG_DOMAIN "rd-learning-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rd-answers-csv.h"
#include "rd-csv.h"
#include "rd-errors.h"
#include "rd-learning-csv.h"
#include "rd-limits.h"

static const char * const column_ids[RD_LEARNING_N_COLUMNS] = {
  "staff_name", "staff_group", "joined", "departed", "title", "issuer_country", "awarding_body", "issued",
  "learning_outcomes", "workload_ects", "workload_hours", "eqf_level", "assessment_type", "participation",
  "quality_assurance", "prerequisites", "supervision", "grade", "stackability", "further_information", "areas",
};

/* The texts of an activity and what field each one is, in column order. */
static const struct {
  RdLearningColumn column;
  RdField field;
  gsize offset;
} text_columns[] = {
  { RD_LEARNING_COLUMN_TITLE, RD_FIELD_ACTIVITY_TITLE, G_STRUCT_OFFSET (RdLearningActivityInfo, title) },
  { RD_LEARNING_COLUMN_ISSUER_COUNTRY, RD_FIELD_ACTIVITY_TEXT, G_STRUCT_OFFSET (RdLearningActivityInfo, issuer_country) },
  { RD_LEARNING_COLUMN_AWARDING_BODY, RD_FIELD_ACTIVITY_TEXT, G_STRUCT_OFFSET (RdLearningActivityInfo, awarding_body) },
  { RD_LEARNING_COLUMN_LEARNING_OUTCOMES, RD_FIELD_ACTIVITY_DETAILS, G_STRUCT_OFFSET (RdLearningActivityInfo, learning_outcomes) },
  { RD_LEARNING_COLUMN_ASSESSMENT_TYPE, RD_FIELD_ACTIVITY_TEXT, G_STRUCT_OFFSET (RdLearningActivityInfo, assessment_type) },
  { RD_LEARNING_COLUMN_QUALITY_ASSURANCE, RD_FIELD_ACTIVITY_TEXT, G_STRUCT_OFFSET (RdLearningActivityInfo, quality_assurance) },
  { RD_LEARNING_COLUMN_PREREQUISITES, RD_FIELD_ACTIVITY_DETAILS, G_STRUCT_OFFSET (RdLearningActivityInfo, prerequisites) },
  { RD_LEARNING_COLUMN_GRADE, RD_FIELD_ACTIVITY_TEXT, G_STRUCT_OFFSET (RdLearningActivityInfo, grade) },
  { RD_LEARNING_COLUMN_FURTHER_INFORMATION, RD_FIELD_ACTIVITY_DETAILS, G_STRUCT_OFFSET (RdLearningActivityInfo, further_information) },
};

#define TEXT_AT(info, offset) (*(const char **) G_STRUCT_MEMBER_P ((info), (offset)))

const char *
rd_learning_csv_column_id (RdLearningColumn column)
{
  g_return_val_if_fail (column < RD_LEARNING_N_COLUMNS, NULL);
  return column_ids[column];
}

static void
append_number (GString *line,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value > 0)
    g_string_append (line, g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
append_row (GString                      *out,
            RdStaffMember                *member,
            const RdLearningActivityInfo *info)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *cells[RD_LEARNING_N_COLUMNS] = { NULL };
  g_autofree char *areas = NULL;
  g_autofree char *eqf = NULL;

  cells[RD_LEARNING_COLUMN_STAFF_NAME] = rd_staff_member_get_name (member);
  cells[RD_LEARNING_COLUMN_STAFF_GROUP] = rd_group_to_id (rd_staff_member_get_group (member));
  cells[RD_LEARNING_COLUMN_JOINED] = rd_staff_member_get_joined (member);
  cells[RD_LEARNING_COLUMN_DEPARTED] = rd_staff_member_get_departed (member);
  if (info != NULL)
    {
      for (guint t = 0; t < G_N_ELEMENTS (text_columns); t++)
        cells[text_columns[t].column] = TEXT_AT (info, text_columns[t].offset);
      cells[RD_LEARNING_COLUMN_ISSUED] = info->issued;
      cells[RD_LEARNING_COLUMN_PARTICIPATION] = rd_participation_to_id (info->participation);
      cells[RD_LEARNING_COLUMN_SUPERVISION] = rd_supervision_to_id (info->supervision);
      cells[RD_LEARNING_COLUMN_STACKABILITY] = rd_stackability_to_id (info->stackability);
      areas = g_strjoinv (";", (GStrv) info->area_ids);
      cells[RD_LEARNING_COLUMN_AREAS] = areas;
      eqf = info->eqf_level > 0 ? g_strdup_printf ("%u", info->eqf_level) : NULL;
      cells[RD_LEARNING_COLUMN_EQF_LEVEL] = eqf;
    }

  for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (line, ',');
      if (info != NULL && c == RD_LEARNING_COLUMN_WORKLOAD_ECTS)
        append_number (line, info->workload_ects);
      else if (info != NULL && c == RD_LEARNING_COLUMN_WORKLOAD_HOURS)
        append_number (line, info->workload_hours);
      else if (cells[c] != NULL)
        rd_answers_csv_append_cell (line, cells[c]);
    }
  g_string_append (out, line->str);
  g_string_append (out, "\r\n");
}

char *
rd_learning_csv_format (GPtrArray *staff,
                        GPtrArray *activities,
                        gsize     *length)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, column_ids[c]);
    }
  g_string_append (out, "\r\n");

  for (guint s = 0; staff != NULL && s < staff->len; s++)
    {
      RdStaffMember *member = g_ptr_array_index (staff, s);
      gboolean any = FALSE;

      for (guint a = 0; activities != NULL && a < activities->len; a++)
        {
          const RdLearningActivityInfo *info = rd_learning_activity_get_info (g_ptr_array_index (activities, a));

          if (info->staff_id != rd_staff_member_get_id (member))
            continue;
          append_row (out, member, info);
          any = TRUE;
        }
      if (!any)
        append_row (out, member, NULL);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Reading */

struct _RdLearningTable
{
  GArray *rows;          /* of RdLearningRow */
  GStringChunk *texts;   /* every text the rows point to */
  GPtrArray *areas;      /* the rows' area lists (GStrv) */
};

void
rd_learning_table_free (RdLearningTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->rows);
  g_string_chunk_free (table->texts);
  g_ptr_array_unref (table->areas);
  g_free (table);
}

guint
rd_learning_table_get_n_rows (const RdLearningTable *table)
{
  return table->rows->len;
}

const RdLearningRow *
rd_learning_table_get_row (const RdLearningTable *table,
                           guint                  row)
{
  g_return_val_if_fail (row < table->rows->len, NULL);
  return &g_array_index (table->rows, RdLearningRow, row);
}

guint
rd_learning_table_count_activities (const RdLearningTable *table)
{
  guint n = 0;

  for (guint r = 0; r < table->rows->len; r++)
    n += g_array_index (table->rows, RdLearningRow, r).activity.title != NULL;
  return n;
}

typedef struct
{
  const char *name;
  RdCsvTable *csv;
  RdFramework *framework;
  int columns[RD_LEARNING_N_COLUMNS];  /* the file's column of each, or -1 */
  gboolean decimal_comma;
  RdLearningTable *table;
} Reader;

static gboolean
cell_error (Reader      *reader,
            guint        row,
            guint        column,
            GError     **error,
            const char  *format,
            ...) G_GNUC_PRINTF (5, 6);

static gboolean
cell_error (Reader      *reader,
            guint        row,
            guint        column,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *problem = NULL;
  int file_column = reader->columns[column];
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE,
               _("%s: line %u, column %u (“%s”): %s"), reader->name,
               rd_csv_table_get_line (reader->csv, row, (guint) file_column),
               rd_csv_table_get_column_position (reader->csv, row, (guint) file_column),
               rd_csv_table_get_header (reader->csv, (guint) file_column), problem);
  return FALSE;
}

/* The cell as written, the apostrophe that kept a spreadsheet from
 * running it taken off again, white space trimmed. */
static const char *
raw_cell (Reader *reader,
          guint   row,
          guint   column,
          char  **owned)
{
  const char *cell = rd_csv_table_get_cell (reader->csv, row, (guint) reader->columns[column]);

  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    cell++;
  *owned = g_strstrip (g_strdup (cell));
  return *owned;
}

/* A text of @field, cleaned as the store keeps it; NULL when empty. */
static gboolean
read_text (Reader       *reader,
           guint         row,
           guint         column,
           RdField       field,
           const char  **out,
           GError      **error)
{
  g_autofree char *owned = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *cell = raw_cell (reader, row, column, &owned);

  *out = NULL;
  if (!rd_field_clean (field, cell, NULL, NULL, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE, &clean, &local_error))
    return cell_error (reader, row, column, error, "%s", local_error->message);
  if (clean != NULL && *clean != '\0')
    *out = g_string_chunk_insert (reader->table->texts, clean);
  return TRUE;
}

static gboolean
read_day (Reader       *reader,
          guint         row,
          guint         column,
          const char  **out,
          GError      **error)
{
  if (!read_text (reader, row, column, RD_FIELD_ACTIVITY_TEXT, out, error))
    return FALSE;
  if (*out != NULL && rd_day_from_iso (*out) == 0)
    return cell_error (reader, row, column, error, _("“%s” is not a date such as 2026-10-14"), *out);
  return TRUE;
}

static gboolean
read_number (Reader   *reader,
             guint     row,
             guint     column,
             double    max,
             double   *value,
             GError  **error)
{
  g_autofree char *owned = NULL;
  char *text = (char *) raw_cell (reader, row, column, &owned);
  char *end = NULL;

  *value = 0;
  if (*text == '\0')
    return TRUE;
  if (reader->decimal_comma)
    g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    return cell_error (reader, row, column, error, _("“%s” is not a number"), owned);
  if (*value <= 0 || *value > max)
    return cell_error (reader, row, column, error, _("%s is not a workload from 0 to %g"), owned, max);
  return TRUE;
}

static gboolean
read_areas (Reader       *reader,
            guint         row,
            GStrv        *out,
            GError      **error)
{
  g_autofree char *owned = NULL;
  const char *cell = raw_cell (reader, row, RD_LEARNING_COLUMN_AREAS, &owned);
  g_auto(GStrv) parts = g_strsplit (cell, ";", -1);
  g_autoptr(GStrvBuilder) areas = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);

      if (*id == '\0')
        continue;
      if (rd_framework_lookup_area (reader->framework, id) == NULL)
        return cell_error (reader, row, RD_LEARNING_COLUMN_AREAS, error,
                           _("“%s” is not an area of the framework"), id);
      g_strv_builder_add (areas, id);
    }
  *out = g_strv_builder_end (areas);
  return TRUE;
}

/* An enumeration's id, or empty for "not given". */
typedef gboolean (*FromId) (const char *id, guint *value);

static gboolean
read_choice (Reader      *reader,
             guint        row,
             guint        column,
             FromId       from_id,
             const char  *choices,
             guint       *value,
             GError     **error)
{
  g_autofree char *owned = NULL;
  const char *cell = raw_cell (reader, row, column, &owned);

  if (from_id (cell, value))
    return TRUE;
  /* Translators: %s is what the file holds, then the choices it can hold */
  return cell_error (reader, row, column, error, _("“%s” is not one of %s"), cell, choices);
}

static gboolean
row_is_blank (Reader *reader,
              guint   row)
{
  for (guint c = 0; c < rd_csv_table_get_n_columns (reader->csv); c++)
    {
      const char *cell = rd_csv_table_get_cell (reader->csv, row, c);

      for (; *cell != '\0'; cell++)
        if (!g_ascii_isspace (*cell))
          return FALSE;
    }
  return TRUE;
}

static gboolean
activity_is_empty (Reader *reader,
                   guint   row)
{
  for (guint c = RD_LEARNING_COLUMN_TITLE; c < RD_LEARNING_N_COLUMNS; c++)
    {
      g_autofree char *owned = NULL;

      if (*raw_cell (reader, row, c, &owned) != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_row (Reader         *reader,
          guint           row,
          RdLearningRow  *out,
          GError        **error)
{
  RdLearningActivityInfo *info = &out->activity;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *group_text = NULL;
  GStrv areas = NULL;
  guint eqf;

  out->line = rd_csv_table_get_line (reader->csv, row, 0);
  if (!read_text (reader, row, RD_LEARNING_COLUMN_STAFF_NAME, RD_FIELD_STAFF_NAME, &out->staff.name, error))
    return FALSE;
  if (out->staff.name == NULL)
    return cell_error (reader, row, RD_LEARNING_COLUMN_STAFF_NAME, error, _("a staff member needs a name"));
  raw_cell (reader, row, RD_LEARNING_COLUMN_STAFF_GROUP, &group_text);
  if (!rd_group_from_id (group_text, &out->staff.group) || !rd_staff_group_is_valid (out->staff.group))
    return cell_error (reader, row, RD_LEARNING_COLUMN_STAFF_GROUP, error,
                       _("“%s” is not one of leader, teacher, support-staff"), group_text);
  if (!read_day (reader, row, RD_LEARNING_COLUMN_JOINED, &out->staff.joined, error) ||
      !read_day (reader, row, RD_LEARNING_COLUMN_DEPARTED, &out->staff.departed, error))
    return FALSE;
  if (!rd_staff_member_info_validate (&out->staff, &local_error))
    goto invalid_row;

  if (activity_is_empty (reader, row))
    return TRUE;

  for (guint t = 0; t < G_N_ELEMENTS (text_columns); t++)
    if (!read_text (reader, row, text_columns[t].column, text_columns[t].field,
                    &TEXT_AT (info, text_columns[t].offset), error))
      return FALSE;
  if (!read_day (reader, row, RD_LEARNING_COLUMN_ISSUED, &info->issued, error) ||
      !read_number (reader, row, RD_LEARNING_COLUMN_WORKLOAD_ECTS, RD_LEARNING_MAX_ECTS, &info->workload_ects, error) ||
      !read_number (reader, row, RD_LEARNING_COLUMN_WORKLOAD_HOURS, RD_LEARNING_MAX_HOURS, &info->workload_hours,
                    error) ||
      !read_choice (reader, row, RD_LEARNING_COLUMN_PARTICIPATION, (FromId) rd_participation_from_id,
                    "online, on-site, blended", (guint *) &info->participation, error) ||
      !read_choice (reader, row, RD_LEARNING_COLUMN_SUPERVISION, (FromId) rd_supervision_from_id,
                    "unsupervised, supervised, supervised-online, on-site-identity", (guint *) &info->supervision,
                    error) ||
      !read_choice (reader, row, RD_LEARNING_COLUMN_STACKABILITY, (FromId) rd_stackability_from_id,
                    "stand-alone, stackable", (guint *) &info->stackability, error))
    return FALSE;
  {
    g_autofree char *owned = NULL;
    const char *cell = raw_cell (reader, row, RD_LEARNING_COLUMN_EQF_LEVEL, &owned);
    char *end = NULL;

    eqf = *cell ? (guint) strtoul (cell, &end, 10) : 0;
    if (*cell && (end == cell || *end != '\0' || eqf < 1 || eqf > 8))
      return cell_error (reader, row, RD_LEARNING_COLUMN_EQF_LEVEL, error,
                         _("“%s” is not an EQF level from 1 to 8"), cell);
    info->eqf_level = eqf;
  }
  if (!read_areas (reader, row, &areas, error))
    return FALSE;
  info->area_ids = (const char * const *) areas;
  g_ptr_array_add (reader->table->areas, areas);

  /* A staff member is known by name: the validator wants some id. */
  info->staff_id = 1;
  if (!rd_learning_activity_info_validate (info, &local_error))
    goto invalid_row;
  info->staff_id = 0;
  return TRUE;

invalid_row:
  g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE, _("%s: line %u: %s"), reader->name, out->line,
               local_error->message);
  return FALSE;
}

/* One name, one staff member: its group and dates the same on each row. */
static gboolean
check_same_staff (Reader         *reader,
                  GHashTable     *seen,
                  RdLearningRow  *row,
                  GError        **error)
{
  RdLearningRow *first = g_hash_table_lookup (seen, row->staff.name);

  if (first == NULL)
    {
      g_hash_table_insert (seen, (gpointer) row->staff.name, row);
      return TRUE;
    }
  if (first->staff.group == row->staff.group && g_strcmp0 (first->staff.joined, row->staff.joined) == 0 &&
      g_strcmp0 (first->staff.departed, row->staff.departed) == 0)
    return TRUE;
  g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VALUE,
               _("%s: line %u: “%s” has another group or other dates on line %u"), reader->name, row->line,
               row->staff.name, first->line);
  return FALSE;
}

static gboolean
find_columns (Reader  *reader,
              GError **error)
{
  for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
    reader->columns[c] = -1;

  for (guint f = 0; f < rd_csv_table_get_n_columns (reader->csv); f++)
    {
      g_autofree char *header = g_strstrip (g_strdup (rd_csv_table_get_header (reader->csv, f)));
      guint c;

      for (c = 0; c < RD_LEARNING_N_COLUMNS && g_ascii_strcasecmp (header, column_ids[c]) != 0; c++)
        ;
      if (c == RD_LEARNING_N_COLUMNS)
        {
          g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID,
                       _("%s: line 1, column %u: “%s” is not a column of the learning log (format %d)"),
                       reader->name, f + 1, header, RD_LEARNING_CSV_VERSION);
          return FALSE;
        }
      if (reader->columns[c] >= 0)
        {
          g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID,
                       _("%s: line 1, column %u: “%s” comes twice"), reader->name, f + 1, header);
          return FALSE;
        }
      reader->columns[c] = (int) f;
    }

  for (guint c = 0; c < RD_LEARNING_N_COLUMNS; c++)
    if (reader->columns[c] < 0)
      {
        g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID,
                     _("%s: line 1: the column “%s” is missing"), reader->name, column_ids[c]);
        return FALSE;
      }
  return TRUE;
}

RdLearningTable *
rd_learning_csv_parse (const char   *data,
                       gsize         length,
                       const char   *name,
                       RdFramework  *framework,
                       GError      **error)
{
  g_autoptr(RdCsvTable) csv = NULL;
  g_autoptr(GHashTable) seen = NULL;
  Reader reader = { .name = name, .framework = framework };
  RdLearningTable *table;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  csv = rd_csv_parse (data, length, name, error);
  if (csv == NULL)
    return NULL;
  reader.csv = csv;
  reader.decimal_comma = rd_csv_table_get_separator (csv) != ',';
  if (!find_columns (&reader, error))
    return NULL;

  table = g_new0 (RdLearningTable, 1);
  table->rows = g_array_new (FALSE, TRUE, sizeof (RdLearningRow));
  table->texts = g_string_chunk_new (4096);
  table->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  reader.table = table;

  for (guint r = 0; r < rd_csv_table_get_n_rows (csv); r++)
    {
      RdLearningRow row = { 0 };

      if (row_is_blank (&reader, r))
        continue;
      if (!read_row (&reader, r, &row, error))
        {
          rd_learning_table_free (table);
          return NULL;
        }
      g_array_append_val (table->rows, row);
    }

  /* The rows stay where they are now: check names against them. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < table->rows->len; r++)
    if (!check_same_staff (&reader, seen, &g_array_index (table->rows, RdLearningRow, r), error))
      {
        rd_learning_table_free (table);
        return NULL;
      }

  if (table->rows->len == 0)
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, _("%s: no staff member in the file"), name);
      rd_learning_table_free (table);
      return NULL;
    }
  return table;
}

RdLearningTable *
rd_learning_csv_parse_file (GFile         *file,
                            RdFramework   *framework,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > RD_CSV_MAX_BYTES)
    {
      g_autofree char *shown = g_format_size (g_file_info_get_size (info));

      g_set_error (error, RD_CSV_ERROR, RD_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is %s; a learning log can be at most %u MB"), name, shown,
                   (guint) (RD_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, cancellable, &data, &length, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                   _("%s: %s"), name, local_error->message);
      return NULL;
    }
  return rd_learning_csv_parse (data, length, name, framework, error);
}
