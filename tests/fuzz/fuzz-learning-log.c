/* libFuzzer target for rd_learning_csv_parse, the learning log's CSV;
 * tests/fuzz/README.md says how to build and run it. Beyond the
 * sanitizers it checks the contract: an error is an RD_IMPORT_ERROR or
 * RD_CSV_ERROR naming the file; every row of an accepted file passes the
 * checks the store makes, and written out again (format 1) it reads back
 * with the same rows. */

#include "config.h"

#include <string.h>

#include "fuzz-check.h"
#include "rd-csv.h"
#include "rd-learning-csv.h"

#define NAME "fuzz.csv"

/* The rows as the store would take them, and as the app writes them. */
static GPtrArray *
rows_as_log (const RdLearningTable *table,
             GPtrArray            **activities)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  *activities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint r = 0; r < rd_learning_table_get_n_rows (table); r++)
    {
      const RdLearningRow *row = rd_learning_table_get_row (table, r);
      RdStaffMemberInfo member = row->staff;
      RdLearningActivityInfo activity = row->activity;
      gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, row->staff.name));

      CHECK_TEXT (row->staff.name);
      CHECK (rd_staff_member_info_validate (&row->staff, NULL));
      if (id == 0)
        {
          id = (gint64) staff->len + 1;
          member.id = id;
          g_hash_table_insert (ids, (gpointer) row->staff.name, GSIZE_TO_POINTER ((gsize) id));
          g_ptr_array_add (staff, rd_staff_member_new (&member));
        }
      if (activity.title == NULL)
        continue;
      activity.staff_id = id;
      CHECK (rd_learning_activity_info_validate (&activity, NULL));
      CHECK_TEXT (activity.title);
      CHECK_TEXT (activity.learning_outcomes);
      CHECK_TEXT (activity.further_information);
      g_ptr_array_add (*activities, rd_learning_activity_new (&activity));
    }
  return staff;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RdFramework *framework = fuzz_builtin_framework ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RdLearningTable) table = NULL;
  g_autoptr(RdLearningTable) again = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *written = NULL;
  gsize length;

  table = rd_learning_csv_parse ((const char *) data, size, NAME, framework, &error);
  if (table == NULL)
    {
      CHECK (error != NULL);
      CHECK (error->domain == RD_IMPORT_ERROR || error->domain == RD_CSV_ERROR);
      CHECK (g_str_has_prefix (error->message, NAME ": "));
      CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  CHECK (error == NULL);
  CHECK (rd_learning_table_get_n_rows (table) >= 1);

  staff = rows_as_log (table, &activities);
  written = rd_learning_csv_format (staff, activities, &length);
  again = rd_learning_csv_parse (written, length, NAME, framework, &error);
  if (again == NULL)
    fprintf (stderr, "round trip failed: %s\n", error->message);
  CHECK (again != NULL);
  /* One row per activity, one for each staff member without any. */
  CHECK (rd_learning_table_count_activities (again) == activities->len);
  return 0;
}
