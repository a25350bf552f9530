#include "config.h"

#include <glib/gstdio.h>

#include "rd-test-fixtures.h"

/* A framework from tests/data/frameworks/, which must load. */
RdFramework *
rd_test_load_framework (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "frameworks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RdFramework *framework = rd_framework_new_from_file (file, &error);

  g_assert_no_error (error);
  return framework;
}

/* The database, its WAL files and the temporary folder it was made in. */
void
rd_test_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

/* An answer given on 1 January 2026, appended to @answers. */
RdAnswer *
rd_test_add_answer (GPtrArray  *answers,
                    gint64      respondent,
                    RdGroup     group,
                    const char *item_id,
                    guint       version,
                    double      value)
{
  RdAnswer *answer = rd_answer_new ();

  answer->respondent_id = respondent;
  answer->group = group;
  answer->item_id = g_strdup (item_id);
  answer->item_version = version;
  answer->value = value;
  answer->answered = 1767225600;
  g_ptr_array_add (answers, answer);
  return answer;
}
