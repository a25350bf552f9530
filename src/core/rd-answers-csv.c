#define G_LOG_DOMAIN "rd-answers-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-anonymity.h"
#include "rd-answer.h"
#include "rd-answers-csv.h"

void
rd_answers_csv_append_cell (GString    *line,
                            const char *cell)
{
  gboolean formula = cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
  gboolean quote = strpbrk (cell, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static char *
format_answer (RdItem         *item,
               const RdAnswer *answer)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (answer->not_applicable)
    return g_strdup ("N/A");

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_DATE:
      {
        GDate date;

        if (answer->julian_day == 0)
          return g_strdup ("");
        rd_answer_get_date (answer, &date);
        return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date));
      }
    case RD_ITEM_KIND_YES_NO:
      if (isnan (answer->value))
        return g_strdup ("");
      return g_strdup (answer->value != 0 ? "yes" : "no");
    default:
      if (isnan (answer->value))
        return g_strdup ("");
      return g_strdup (g_ascii_formatd (number, sizeof number, "%.15g", answer->value));
    }
}

struct _RdAnswersTable
{
  GPtrArray *items;     /* the columns, borrowed from the framework */
  GPtrArray *rows;      /* of Row */
  RdGroupPlan plan;
  guint n_withheld;     /* rows */
};

typedef struct
{
  RdGroup group;
  const RdAnswer **answers;  /* one per column, NULL when unanswered */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->answers);
  g_free (row);
}

RdAnswersTable *
rd_answers_table_new (RdFramework      *framework,
                      RdAssessmentMode  mode,
                      GPtrArray        *answers,
                      guint             anonymity_threshold)
{
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rows_by_respondent = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint group_rows[RD_N_GROUPS] = { 0 };
  RdAnswersTable *table;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  table = g_new0 (RdAnswersTable, 1);
  table->items = g_ptr_array_new ();
  table->rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      if (!rd_framework_item_in_mode (framework, item, mode))
        continue;
      g_hash_table_insert (columns, (char *) rd_item_get_id (item), GUINT_TO_POINTER (table->items->len + 1));
      g_ptr_array_add (table->items, item);
    }

  for (guint i = 0; i < answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (answers, i);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, answer->item_id));
      Row *row;

      /* A cleared answer is no answer: it makes no row of its own. */
      if (column == 0 || rd_answer_is_empty (answer))
        continue;
      row = g_hash_table_lookup (rows_by_respondent, &answer->respondent_id);
      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->group = answer->group;
          row->answers = g_new0 (const RdAnswer *, table->items->len);
          g_ptr_array_add (table->rows, row);
          /* The key lives in @answers, which outlives this loop. */
          g_hash_table_insert (rows_by_respondent, (gpointer) &answer->respondent_id, row);
          if (row->group < RD_N_GROUPS)
            group_rows[row->group]++;
        }
      row->answers[column - 1] = answer;
    }

  /* Counted among the rows of this file rather than all respondents: a
   * pulse export may hold fewer people of a group than the assessment.
   * Combined groups are withheld too: the rows left without a group must
   * not be those of one small group alone. */
  rd_group_plan_init (&table->plan, group_rows, anonymity_threshold);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (table->plan.view[g] != RD_GROUP_VIEW_OWN)
      table->n_withheld += group_rows[g];

  return table;
}

void
rd_answers_table_free (RdAnswersTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->items);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

guint
rd_answers_table_get_n_items (const RdAnswersTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->items->len;
}

RdItem *
rd_answers_table_get_item (const RdAnswersTable *table,
                           guint                 column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->items->len, NULL);
  return g_ptr_array_index (table->items, column);
}

guint
rd_answers_table_get_n_rows (const RdAnswersTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

gboolean
rd_answers_table_get_group (const RdAnswersTable *table,
                            guint                 row,
                            RdGroup              *group)
{
  const Row *r;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (row < table->rows->len, FALSE);

  r = g_ptr_array_index (table->rows, row);
  if (r->group >= RD_N_GROUPS || table->plan.view[r->group] != RD_GROUP_VIEW_OWN)
    return FALSE;
  if (group != NULL)
    *group = r->group;
  return TRUE;
}

const RdAnswer *
rd_answers_table_get_answer (const RdAnswersTable *table,
                             guint                 row,
                             guint                 column)
{
  const Row *r;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->items->len, NULL);

  r = g_ptr_array_index (table->rows, row);
  return r->answers[column];
}

guint
rd_answers_table_get_n_withheld (const RdAnswersTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_withheld;
}

guint
rd_answers_table_get_threshold (const RdAnswersTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->plan.threshold;
}

char *
rd_answers_csv_format (RdFramework      *framework,
                       RdAssessmentMode  mode,
                       GPtrArray        *answers,
                       guint             anonymity_threshold,
                       gsize            *length)
{
  g_autoptr(RdAnswersTable) table = NULL;
  GString *csv;
  guint n_items;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  table = rd_answers_table_new (framework, mode, answers, anonymity_threshold);
  n_items = rd_answers_table_get_n_items (table);
  csv = g_string_new ("respondent,group");

  for (guint c = 0; c < n_items; c++)
    {
      g_string_append_c (csv, ',');
      rd_answers_csv_append_cell (csv, rd_item_get_id (rd_answers_table_get_item (table, c)));
    }
  g_string_append (csv, "\r\n");

  for (guint r = 0; r < rd_answers_table_get_n_rows (table); r++)
    {
      RdGroup group;

      g_string_append_printf (csv, "%u,", r + 1);
      if (rd_answers_table_get_group (table, r, &group))
        rd_answers_csv_append_cell (csv, rd_group_to_id (group));
      for (guint c = 0; c < n_items; c++)
        {
          const RdAnswer *answer = rd_answers_table_get_answer (table, r, c);

          g_string_append_c (csv, ',');
          if (answer != NULL)
            {
              g_autofree char *cell = format_answer (rd_answers_table_get_item (table, c), answer);

              rd_answers_csv_append_cell (csv, cell);
            }
        }
      g_string_append (csv, "\r\n");
    }

  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}
