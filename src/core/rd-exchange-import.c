#define G_LOG_DOMAIN "rd-exchange-import"

#include "config.h"

#include <string.h>

#include "rd-errors.h"
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
  g_clear_pointer (&result->notices, g_ptr_array_unref);
  g_clear_pointer (&result->schools, g_hash_table_unref);
  memset (result, 0, sizeof *result);
}

static guint
count_respondents (RdExchangeSchool *school)
{
  guint n = 0;

  for (guint a = 0; a < school->assessments->len; a++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, a);

      if (assessment->content == RD_EXCHANGE_SUMMARY)
        n += assessment->scores != NULL ? assessment->scores->n_respondents : 0;
      else
        n += assessment->respondents->len;
    }
  return n;
}

static void
reject (RdExchangeImportResult      *result,
        const RdExchangeImportHooks *hooks,
        GError                      *error)
{
  if (hooks->rejected != NULL)
    hooks->rejected (error, hooks->user_data);
  g_ptr_array_add (result->rejected, error);
}

static gboolean
store_schools (RdStore                 *store,
               RdFramework             *framework,
               GPtrArray               *schools,
               RdExchangeImportResult  *result,
               GError                 **error)
{
  g_autoptr(GArray) is_new = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), schools->len);

  /* Which schools are new is told before they are stored. */
  for (guint i = 0; i < schools->len; i++)
    {
      RdExchangeSchool *school = g_ptr_array_index (schools, i);
      gboolean fresh = !rd_store_has_school_uuid (store, school->uuid);

      g_array_append_val (is_new, fresh);
    }

  if (!rd_store_import_schools (store, framework, schools, error))
    return FALSE;

  result->n_imported += schools->len;
  for (guint i = 0; i < schools->len; i++)
    {
      RdExchangeSchool *school = g_ptr_array_index (schools, i);

      result->n_assessments += school->assessments->len;
      result->n_respondents += count_respondents (school);
      if (!g_hash_table_contains (result->schools, school->uuid))
        {
          gboolean fresh = g_array_index (is_new, gboolean, i);

          g_hash_table_insert (result->schools, g_strdup (school->uuid), GINT_TO_POINTER (fresh));
          result->n_schools++;
          result->n_schools_new += fresh ? 1 : 0;
        }
      for (guint n = 0; n < school->notices->len; n++)
        g_ptr_array_add (result->notices, g_strdup (g_ptr_array_index (school->notices, n)));
    }
  return TRUE;
}

/* One transaction for the batch. A file whose ids belong to another school
 * spoils its whole batch: the batch goes in again a file at a time, so
 * that only that file is set aside. @names are the files' names; the
 * caller frees the stored schools. */
static gboolean
store_batch (RdStore                     *store,
             RdFramework                 *framework,
             GPtrArray                   *batch,
             GPtrArray                   *names,
             const RdExchangeImportHooks *hooks,
             RdExchangeImportResult      *result,
             GError                     **error)
{
  g_autoptr(GError) batch_error = NULL;

  if (batch->len > 0 && !store_schools (store, framework, batch, result, &batch_error))
    {
      if (!g_error_matches (batch_error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&batch_error));
          return FALSE;
        }

      for (guint i = 0; i < batch->len; i++)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();
          g_autoptr(GError) one_error = NULL;

          g_ptr_array_add (one, g_ptr_array_index (batch, i));
          if (store_schools (store, framework, one, result, &one_error))
            continue;
          if (!g_error_matches (one_error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT))
            {
              g_propagate_error (error, g_steal_pointer (&one_error));
              return FALSE;
            }
          reject (result, hooks,
                  g_error_new (RD_IMPORT_ERROR, RD_IMPORT_ERROR_CONFLICT, "%s: %s",
                               (const char *) g_ptr_array_index (names, i), one_error->message));
        }
    }

  g_ptr_array_set_size (names, 0);
  return TRUE;
}

/* Reading and checking a file costs about as much as storing it: a second
 * thread reads the next files while this one stores. */
typedef struct
{
  GPtrArray *files;
  RdFramework *framework;
  RdExchangeImportLoad load;
  GCancellable *cancellable;
  GAsyncQueue *parsed;       /* of Parsed, in file order, then the end marker */
  int n_queued_answers;      /* in the schools of @parsed (atomic) */
  GAsyncQueue *spent;        /* of GPtrArray of stored schools, for this thread to free */
} Reader;

typedef struct
{
  RdExchangeSchool *school;  /* or NULL and an error */
  GError *error;
  char *name;                /* the file's, as its messages say it */
  guint n_answers;
  gboolean end;
} Parsed;

/* How far reading may run ahead: enough to keep both threads busy, and
 * no more than a batch's answers (or one file), so that a folder of large
 * files does not pile up in memory. */
#define READ_AHEAD 32

static void
parsed_free (Parsed *parsed)
{
  rd_exchange_school_free (parsed->school);
  g_clear_error (&parsed->error);
  g_free (parsed->name);
  g_free (parsed);
}

static RdExchangeSchool *
load_gfile (gpointer      file,
            RdFramework  *framework,
            char        **name,
            GError      **error)
{
  *name = g_file_get_basename (file);
  return rd_exchange_load (file, framework, error);
}

/* Freeing a batch's schools is a twentieth of the storing thread's work:
 * this one does it. */
static void
free_spent (Reader *reader)
{
  GPtrArray *spent;

  while ((spent = g_async_queue_try_pop (reader->spent)) != NULL)
    g_ptr_array_unref (spent);
}

static gpointer
read_files (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; i < reader->files->len && !g_cancellable_is_cancelled (reader->cancellable); i++)
    {
      Parsed *parsed = g_new0 (Parsed, 1);

      free_spent (reader);

      while (g_async_queue_length (reader->parsed) > 0 &&
             (g_async_queue_length (reader->parsed) > READ_AHEAD ||
              g_atomic_int_get (&reader->n_queued_answers) >= RD_EXCHANGE_BATCH_ANSWERS) &&
             !g_cancellable_is_cancelled (reader->cancellable))
        {
          free_spent (reader);
          g_usleep (1000);
        }
      parsed->school = reader->load (g_ptr_array_index (reader->files, i), reader->framework, &parsed->name,
                                     &parsed->error);
      /* Scoring here spares the storing thread, the slower of the two. */
      if (parsed->school != NULL)
        rd_exchange_school_score_answers (parsed->school, reader->framework);
      parsed->n_answers = parsed->school != NULL ? rd_exchange_school_count_answers (parsed->school) : 0;
      g_atomic_int_add (&reader->n_queued_answers, (int) parsed->n_answers);
      g_async_queue_push (reader->parsed, parsed);
    }

  {
    Parsed *end = g_new0 (Parsed, 1);

    end->end = TRUE;
    g_async_queue_push (reader->parsed, end);
  }
  return NULL;
}

typedef struct
{
  RdStore *store;            /* the hooks keep the one they open */
  RdFramework *framework;
  const RdExchangeImportHooks *hooks;
  RdExchangeImportResult *result;
  GPtrArray *batch;
  GPtrArray *names;
  GAsyncQueue *spent;
} Storer;

static gboolean
store_pending (Storer  *storer,
               GError **error)
{
  if (storer->batch->len == 0)
    return TRUE;
  if (storer->store == NULL)
    {
      storer->store = storer->hooks->open_store (storer->hooks->user_data, error);
      if (storer->store == NULL)
        return FALSE;
    }
  if (!store_batch (storer->store, storer->framework, storer->batch, storer->names, storer->hooks,
                    storer->result, error))
    return FALSE;
  g_async_queue_push (storer->spent, storer->batch);
  storer->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free);
  return TRUE;
}

gboolean
rd_exchange_import_full (RdStore                     *store,
                         RdFramework                 *framework,
                         GPtrArray                   *files,
                         const RdExchangeImportHooks *hooks,
                         GCancellable                *cancellable,
                         RdExchangeImportResult      *result,
                         GError                     **error)
{
  static const RdExchangeImportHooks no_hooks = { NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GAsyncQueue) spent = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  Reader reader = { files, framework, NULL, stop, g_async_queue_new_full ((GDestroyNotify) parsed_free), 0, spent };
  Storer storer = {
    store, framework, NULL, result,
    g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_school_free), names, spent,
  };
  gboolean stored;
  GThread *thread;
  gboolean ok = TRUE;
  guint done = 0, batch_answers = 0;

  if (hooks == NULL)
    hooks = &no_hooks;
  g_return_val_if_fail (store == NULL || RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (store != NULL || hooks->open_store != NULL, FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  reader.load = hooks->load != NULL ? hooks->load : load_gfile;
  storer.hooks = hooks;
  memset (result, 0, sizeof *result);
  result->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  result->notices = g_ptr_array_new_with_free_func (g_free);
  result->schools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result->n_files = files->len;

  thread = g_thread_new ("rd-exchange-read", read_files, &reader);
  for (;;)
    {
      Parsed *parsed = g_async_queue_pop (reader.parsed);
      gboolean end = parsed->end;

      g_atomic_int_add (&reader.n_queued_answers, -(int) parsed->n_answers);
      if (!end && ok)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              g_cancellable_cancel (stop);
            }
          else if (parsed->school == NULL)
            reject (result, hooks, g_steal_pointer (&parsed->error));
          else
            {
              g_ptr_array_add (storer.batch, g_steal_pointer (&parsed->school));
              g_ptr_array_add (names, g_steal_pointer (&parsed->name));
              batch_answers += parsed->n_answers;
            }

          if (ok && (storer.batch->len >= BATCH_SIZE || batch_answers >= RD_EXCHANGE_BATCH_ANSWERS))
            {
              batch_answers = 0;
              if (!store_pending (&storer, error))
                {
                  ok = FALSE;
                  g_cancellable_cancel (stop);
                }
            }
          if (ok && hooks->progress != NULL)
            hooks->progress (++done, files->len, hooks->user_data);
        }
      parsed_free (parsed);
      if (end)
        break;
    }
  g_thread_join (thread);
  g_async_queue_unref (reader.parsed);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  stored = ok && store_pending (&storer, error);
  g_ptr_array_unref (storer.batch);
  return stored;
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
  RdExchangeImportHooks hooks = { .progress = progress, .user_data = user_data };

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  return rd_exchange_import_full (store, framework, files, &hooks, cancellable, result, error);
}
