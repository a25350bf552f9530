#define G_LOG_DOMAIN "rd-survey-import-job"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-progress-window.h"
#include "rd-survey-import-job.h"

/* Reading */

typedef struct
{
  GFile *file;
  RdFramework *framework;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->framework);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  RdSurveyImport *survey = rd_survey_import_new_for_file (job->framework, job->file, cancellable, &error);

  if (survey == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_task_return_error_if_cancelled (task))
    g_object_unref (survey);
  else
    g_task_return_pointer (task, survey, g_object_unref);
}

/* Parsing gives no fraction worth showing: the bar pulses. */
static double
poll_reading (gpointer   user_data,
              char     **detail)
{
  return -1;
}

void
rd_survey_import_job_read (GFile               *file,
                           RdFramework         *framework,
                           GtkWindow           *parent,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  ReadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (RD_IS_FRAMEWORK (framework));

  /* The progress window's Cancel needs a cancellable to cancel. */
  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  job->framework = g_object_ref (framework);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_survey_import_job_read);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  rd_progress_window_watch (task, parent, _("Reading the Survey Export…"), poll_reading, NULL);
  g_task_run_in_thread (task, read_in_thread);
}

RdSurveyImport *
rd_survey_import_job_read_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rd_survey_import_job_read, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Storing */

typedef struct
{
  RdSurveyImport *survey;    /* its mapping does not change while the worker reads it */
  RdStore *store;            /* the caller's: only touched on the main thread */
  char *database_path;
  gint64 assessment_id;
  gint done;                 /* atomic: respondents stored so far */
  guint total;
} StoreJob;

static void
store_job_free (StoreJob *job)
{
  g_clear_object (&job->survey);
  g_clear_object (&job->store);
  g_free (job->database_path);
  g_free (job);
}

static void
on_store_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  StoreJob *job = user_data;

  g_atomic_int_set (&job->done, (gint) done);
}

/* SQLite connections are not shared between threads: the worker opens
 * its own, and the window goes on reading through the caller's. */
static void
store_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  StoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (job->database_path, &error);

  if (store != NULL &&
      rd_survey_import_store (job->survey, store, job->assessment_id, cancellable, on_store_progress, job, &error))
    g_task_return_int (task, job->total);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static double
poll_storing (gpointer   user_data,
              char     **detail)
{
  StoreJob *job = user_data;
  guint done = (guint) g_atomic_int_get (&job->done);

  /* Translators: progress of a survey import, "1200 of 100000 respondents" */
  *detail = g_strdup_printf (g_dngettext (NULL, "%u of %u respondent", "%u of %u respondents", job->total),
                             done, job->total);
  return job->total > 0 ? (double) done / job->total : -1;
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  StoreJob *job;

  g_return_if_fail (RD_IS_SURVEY_IMPORT (survey));
  g_return_if_fail (RD_IS_STORE (store));

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  job = g_new0 (StoreJob, 1);
  job->survey = g_object_ref (survey);
  job->store = g_object_ref (store);
  job->database_path = g_strdup (rd_store_get_path (store));
  job->assessment_id = assessment_id;
  job->total = rd_survey_import_get_n_respondents (survey);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_survey_import_job_store);
  g_task_set_task_data (task, job, (GDestroyNotify) store_job_free);
  rd_progress_window_watch (task, parent, _("Importing the Answers…"), poll_storing, job);
  g_task_run_in_thread (task, store_in_thread);
}

guint
rd_survey_import_job_store_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  StoreJob *job;
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rd_survey_import_job_store, 0);

  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  /* What the worker's connection stored, the caller's listeners now show. */
  job = g_task_get_task_data (G_TASK (result));
  rd_store_notify_answers_changed (job->store, job->assessment_id);
  return (guint) n;
}
