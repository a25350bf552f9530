/* Makes a database with one school and one assessment of the built-in
 * framework, through the real store, for tests that drive the app itself.
 * Usage: make-fixture-db PATH SCHOOL-NAME SCHOOL-YEAR */
#include "config.h"

#include "rd-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  gint64 school_id, assessment_id;

  if (argc != 4)
    {
      g_printerr ("Usage: %s PATH SCHOOL-NAME SCHOOL-YEAR\n", argv[0]);
      return 2;
    }

  framework = rd_framework_load_builtin (&error);
  if (framework != NULL)
    store = rd_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  school_id = rd_store_add_school (store, argv[2], NULL, RD_SCHOOL_TYPE_UNSET, &error);
  assessment_id = school_id ? rd_store_add_assessment (store, school_id, argv[3], framework,
                                                       RD_ASSESSMENT_MODE_FULL, &error) : 0;
  if (assessment_id == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", assessment_id);
  return 0;
}
