#define G_LOG_DOMAIN "rd-job"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-job-private.h"

/* Short work ends before a progress window would only flash. */
static guint default_delay_ms = 400;

#define TICK_MS 100

struct _RdJob
{
  GObject parent_instance;

  char *title;
  char *error_heading;
  RdJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  guint delay_ms;
  gboolean started;
  GError *error;             /* how it ended; set before the callback */

  /* What the worker reports, read by the main thread. */
  GMutex lock;
  double fraction;
  char *detail;

  /* The main thread's. */
  GCancellable *cancellable;
  GtkWindow *parent;         /* weak */
  RdProgressWindow *progress_window;
  guint delay_id;
  guint tick_id;
  GAsyncReadyCallback callback;
  gpointer user_data;
};

G_DEFINE_FINAL_TYPE (RdJob, rd_job, G_TYPE_OBJECT)

static void
rd_job_finalize (GObject *object)
{
  RdJob *self = RD_JOB (object);

  /* The progress window and its timers went when the job ended. */
  g_warn_if_fail (self->progress_window == NULL && self->tick_id == 0 && self->delay_id == 0);

  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);
  g_free (self->title);
  g_free (self->error_heading);
  g_free (self->detail);
  g_clear_error (&self->error);
  g_clear_weak_pointer (&self->parent);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rd_job_parent_class)->finalize (object);
}

static void
rd_job_class_init (RdJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_job_finalize;
}

static void
rd_job_init (RdJob *self)
{
  g_mutex_init (&self->lock);
  self->fraction = -1;
  self->delay_ms = default_delay_ms;
}

RdJob *
rd_job_new (const char     *title,
            RdJobFunc       func,
            gpointer        data,
            GDestroyNotify  data_free)
{
  RdJob *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (RD_TYPE_JOB, NULL);
  self->title = g_strdup (title);
  self->func = func;
  self->data = data;
  self->data_free = data_free;
  return self;
}

void
rd_job_set_error_heading (RdJob      *self,
                          const char *heading)
{
  g_return_if_fail (RD_IS_JOB (self));

  g_free (self->error_heading);
  self->error_heading = g_strdup (heading);
}

gpointer
rd_job_get_data (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), NULL);
  return self->data;
}

void
rd_job_set_progress (RdJob      *self,
                     double      fraction,
                     const char *detail_format,
                     ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  g_return_if_fail (RD_IS_JOB (self));

  if (detail_format != NULL)
    {
      va_start (args, detail_format);
      detail = g_strdup_vprintf (detail_format, args);
      va_end (args);
    }

  g_mutex_lock (&self->lock);
  self->fraction = fraction;
  if (detail != NULL)
    {
      g_free (self->detail);
      self->detail = g_steal_pointer (&detail);
    }
  g_mutex_unlock (&self->lock);
}

/* Progress window */

static gboolean
on_tick (gpointer user_data)
{
  RdJob *self = user_data;
  g_autofree char *detail = NULL;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->fraction;
  detail = g_strdup (self->detail);
  g_mutex_unlock (&self->lock);

  if (fraction < 0)
    rd_progress_window_pulse (self->progress_window);
  else
    rd_progress_window_set_fraction (self->progress_window, fraction);
  if (detail != NULL)
    rd_progress_window_set_detail (self->progress_window, detail);
  return G_SOURCE_CONTINUE;
}

static gboolean
show_progress_window (gpointer user_data)
{
  RdJob *self = user_data;

  self->delay_id = 0;
  self->progress_window = rd_progress_window_new (self->parent, self->title, self->cancellable);
  on_tick (self);
  self->tick_id = g_timeout_add (TICK_MS, on_tick, self);
  gtk_window_present (GTK_WINDOW (self->progress_window));
  return G_SOURCE_REMOVE;
}

static void
stop_progress (RdJob *self)
{
  g_clear_handle_id (&self->delay_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->progress_window)));
}

RdProgressWindow *
rd_job_get_progress_window (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), NULL);
  return self->progress_window;
}

void
rd_job_set_default_delay (guint delay_ms)
{
  default_delay_ms = delay_ms;
}

/* Running */

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RdJob *self = source;
  GError *error = NULL;

  if (self->func (self, self->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_error (RdJob        *self,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (self->parent, self->error_heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On the main thread: the window goes before the caller hears the result. */
static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RdJob *self = RD_JOB (source);

  stop_progress (self);
  g_task_propagate_boolean (G_TASK (result), &self->error);
  if (self->error_heading != NULL && self->error != NULL &&
      !g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, self->error);

  if (self->callback != NULL)
    self->callback (source, result, self->user_data);
  g_clear_weak_pointer (&self->parent);
}

void
rd_job_run (RdJob               *self,
            GtkWindow           *parent,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RD_IS_JOB (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  self->started = TRUE;
  /* The progress window's Cancel needs a cancellable to cancel. */
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  g_set_weak_pointer (&self->parent, parent);
  self->callback = callback;
  self->user_data = user_data;

  task = g_task_new (self, self->cancellable, on_done, NULL);
  g_task_set_source_tag (task, rd_job_run);
  g_task_set_name (task, self->title);
  /* The result is what the worker did: a Cancel after the file was renamed
   * into place, or after the commit, must not report a cancel. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);

  if (self->delay_ms == 0)
    show_progress_window (self);
  else
    self->delay_id = g_timeout_add (self->delay_ms, show_progress_window, self);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
rd_job_finish (RdJob         *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (RD_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, rd_job_run), FALSE);

  /* on_done() took the task's result: the callback may ask more than once. */
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}
