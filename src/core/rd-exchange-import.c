#define G_LOG_DOMAIN "rd-exchange-import"

#include "config.h"

#include <string.h>

#include "rd-exchange-import.h"

/* Enough to make commits rare, small enough that a cancel loses little. */
#define BATCH_SIZE 25

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_path (*(GFile * const *) a);
  g_autofree char *y = g_file_get_path (*(GFile * const *) b);

  return g_strcmp0 (x, y);
}

static gboolean
collect (GFile      *file,
         gboolean    named,
         GPtrArray  *found,
         GError    **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* A file named on purpose is read whatever its name; in a folder
       * only exchange files are. */
      if (named || (type == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, RD_EXCHANGE_SUFFIX)))
        g_ptr_array_add (found, g_object_ref (file));
      return TRUE;
    }

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        break;
      if (!collect (child, FALSE, found, error))
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
rd_exchange_collect_files (GFile * const  *files,
                           guint           n_files,
                           GError        **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    if (!collect (files[i], TRUE, found, error))
      return NULL;

  g_ptr_array_sort (found, compare_paths);
  return g_steal_pointer (&found);
}

void
rd_exchange_import_result_clear (RdExchangeImportResult *result)
{
  g_clear_pointer (&result->rejected, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

static gboolean
store_batch (RdStore                 *store,
             RdFramework             *framework,
             GPtrArray               *batch,
             RdExchangeImportResult  *result,
             GError                 **error)
{
  guint n_new = 0;

  if (batch->len == 0)
    return TRUE;

  /* Which schools are new is told before they are stored. */
  for (guint i = 0; i < batch->len; i++)
    {
      RdExchangeSchool *school = g_ptr_array_index (batch, i);

      if (!rd_store_has_school_uuid (store, school->uuid))
        n_new++;
    }

  if (!rd_store_import_schools (store, framework, batch, error))
    return FALSE;

  result->n_imported += batch->len;
  result->n_schools_new += n_new;
  for (guint i = 0; i < batch->len; i++)
    result->n_assessments += ((RdExchangeSchool *) g_ptr_array_index (batch, i))->assessments->len;
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

gboolean
rd_exchange_import_files (RdStore                   *store,
                          RdFramework               *framework,
                          GPtrArray                 *files,
                          GCancellable              *cancellable,
                          RdExchangeImportProgress   progress,
                          gpointer                   user_data,
                          RdExchangeImportResult    *result,
                          GError                   **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  result->n_files = files->len;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) file_error = NULL;
      RdExchangeSchool *school;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      school = rd_exchange_load (g_ptr_array_index (files, i), framework, &file_error);
      if (school == NULL)
        g_ptr_array_add (result->rejected, g_steal_pointer (&file_error));
      else
        g_ptr_array_add (batch, school);

      if (batch->len >= BATCH_SIZE && !store_batch (store, framework, batch, result, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, files->len, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return store_batch (store, framework, batch, result, error);
}
