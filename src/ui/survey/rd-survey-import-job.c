#define G_LOG_DOMAIN "rd-survey-import-job"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-job.h"
#include "rd-survey-import-job.h"

/* The job that @result comes from: its callback's source object. */
static RdJob *
job_of (GAsyncResult *result)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);

  /* The task holds the job until its callback has returned. */
  return RD_JOB (source);
}

/* Reading */

typedef struct
{
  GFile *file;
  RdFramework *framework;
  RdSurveyImport *survey;    /* what was read */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->framework);
  g_clear_object (&data->survey);
  g_free (data);
}

/* Parsing gives no fraction worth showing: the bar pulses. */
static gboolean
read_in_thread (RdJob         *job,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ReadData *data = job_data;

  data->survey = rd_survey_import_new_for_file (data->framework, data->file, cancellable, error);
  /* Read to the end before the cancel: still a cancel. */
  return data->survey != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error);
}

void
rd_survey_import_job_read (GFile               *file,
                           RdFramework         *framework,
                           GtkWindow           *parent,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(RdJob) job = NULL;
  ReadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (RD_IS_FRAMEWORK (framework));

  data = g_new0 (ReadData, 1);
  data->file = g_object_ref (file);
  data->framework = g_object_ref (framework);

  job = rd_job_new (_("Reading the Survey Export…"), read_in_thread, data, (GDestroyNotify) read_data_free);
  rd_job_run (job, parent, cancellable, callback, user_data);
}

RdSurveyImport *
rd_survey_import_job_read_finish (GAsyncResult  *result,
                                  GError       **error)
{
  RdJob *job = job_of (result);
  ReadData *data;

  if (!rd_job_finish (job, result, error))
    return NULL;
  data = rd_job_get_data (job);
  return g_steal_pointer (&data->survey);
}

/* Storing */

typedef struct
{
  RdSurveyImport *survey;    /* its mapping does not change while the worker reads it */
  RdStore *store;            /* the caller's: only touched on the main thread */
  char *database_path;
  gint64 assessment_id;
  guint total;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_clear_object (&data->survey);
  g_clear_object (&data->store);
  g_free (data->database_path);
  g_free (data);
}

static void
on_store_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  double fraction = total > 0 ? (double) done / total : -1;

  /* Translators: progress of a survey import, "1200 of 100000 respondents" */
  rd_job_set_progress (user_data, fraction, g_dngettext (NULL, "%u of %u respondent", "%u of %u respondents", total),
                       done, total);
}

/* SQLite connections are not shared between threads: the worker opens
 * its own, and the window goes on reading through the caller's. */
static gboolean
store_in_thread (RdJob         *job,
                 gpointer       job_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  StoreData *data = job_data;
  g_autoptr(RdStore) store = rd_store_open (data->database_path, error);

  return store != NULL &&
         rd_survey_import_store (data->survey, store, data->assessment_id, cancellable, on_store_progress, job,
                                 error);
}

void
rd_survey_import_job_store (RdSurveyImport      *survey,
                            RdStore             *store,
                            gint64               assessment_id,
                            GtkWindow           *parent,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(RdJob) job = NULL;
  StoreData *data;

  g_return_if_fail (RD_IS_SURVEY_IMPORT (survey));
  g_return_if_fail (RD_IS_STORE (store));

  data = g_new0 (StoreData, 1);
  data->survey = g_object_ref (survey);
  data->store = g_object_ref (store);
  data->database_path = g_strdup (rd_store_get_path (store));
  data->assessment_id = assessment_id;
  data->total = rd_survey_import_get_n_respondents (survey);

  job = rd_job_new (_("Importing the Answers…"), store_in_thread, data, (GDestroyNotify) store_data_free);
  on_store_progress (0, data->total, job);
  rd_job_run (job, parent, cancellable, callback, user_data);
}

guint
rd_survey_import_job_store_finish (GAsyncResult  *result,
                                   GError       **error)
{
  RdJob *job = job_of (result);
  StoreData *data;

  if (!rd_job_finish (job, result, error))
    return 0;

  /* What the worker's connection stored, the caller's listeners now show. */
  data = rd_job_get_data (job);
  rd_store_notify_answers_changed (data->store, data->assessment_id);
  return data->total;
}
