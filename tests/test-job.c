/* RdJob, the one way the app runs long work: real worker threads, a real
 * progress window under Xvfb, real file errors. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rd-job-private.h"
#include "rd-test-util.h"

#define DELAY_MS 300
/* A worker that waits for the test gives up after this: a hung test fails. */
#define WORKER_PATIENCE_S 20

static GThread *main_thread;

/* What a callback heard. */
typedef struct
{
  gboolean done;
  gboolean succeeded;
  GError *error;
  GThread *thread;
} Outcome;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->thread = g_thread_self ();
  /* The progress window went before the result came. */
  g_assert_null (rd_job_get_progress_window (RD_JOB (source)));
  outcome->succeeded = rd_job_finish (RD_JOB (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
wait_for (Outcome *outcome)
{
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
  rd_test_wait_for_idle ();
}

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (parent, 480, 320);
  gtk_window_present (parent);
  return parent;
}

/* Counts every progress window that shows, however briefly. */
static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      guint      *n_progress_windows)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      *n_progress_windows += RD_IS_PROGRESS_WINDOW (window);
    }
}

/* Work that is done at once. */

typedef struct
{
  guint n;
  guint64 sum;
  GThread *thread;
  gint *freed;               /* atomic */
} Sum;

static void
sum_free (Sum *sum)
{
  g_atomic_int_set (sum->freed, TRUE);
  g_free (sum);
}

static gboolean
sum_in_thread (RdJob         *job,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Sum *sum = data;

  sum->thread = g_thread_self ();
  for (guint i = 1; i <= sum->n; i++)
    sum->sum += i;
  return TRUE;
}

/* The work runs in another thread on its data; the callback comes on the
 * main thread with what it made; a short job shows no window at all. */
static void
test_result (void)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(RdJob) job = NULL;
  Outcome outcome = { 0 };
  gint freed = FALSE;
  gint64 deadline;
  guint n_progress_windows = 0;
  Sum *sum = g_new0 (Sum, 1);
  gulong handler;

  sum->n = 1000;
  sum->freed = &freed;
  handler = g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (on_toplevels_changed),
                              &n_progress_windows);

  job = rd_job_new ("Adding Up…", sum_in_thread, sum, (GDestroyNotify) sum_free);
  rd_job_run (job, parent, NULL, on_done, &outcome);
  g_assert_false (outcome.done);
  wait_for (&outcome);

  g_assert_true (outcome.thread == main_thread);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.succeeded);
  g_assert_true (sum->thread != NULL && sum->thread != main_thread);
  g_assert_cmpuint (((Sum *) rd_job_get_data (job))->sum, ==, 500500);
  g_assert_cmpuint (n_progress_windows, ==, 0);

  /* The data goes with the job, once the worker thread has let go of it. */
  g_assert_false (g_atomic_int_get (&freed));
  g_clear_object (&job);
  deadline = g_get_monotonic_time () + WORKER_PATIENCE_S * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&freed))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_signal_handler_disconnect (gtk_window_get_toplevels (), handler);
  gtk_window_destroy (parent);
}

/* Work that waits for the test, or for a cancel. */

typedef struct
{
  gint release;              /* atomic */
  gboolean cancel_late;      /* cancel on its own once done, as a Cancel pressed too late */
} Wait;

static gboolean
wait_in_thread (RdJob         *job,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Wait *wait = data;
  gint64 deadline = g_get_monotonic_time () + WORKER_PATIENCE_S * G_USEC_PER_SEC;

  rd_job_set_progress (job, 0.5, "Half way");
  while (!g_atomic_int_get (&wait->release))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The test never released the worker");
          return FALSE;
        }
      g_usleep (1000);
    }
  if (wait->cancel_late)
    g_cancellable_cancel (cancellable);
  return TRUE;
}

static const char *
detail_text (RdProgressWindow *window)
{
  GtkWidget *label = rd_test_find_child (GTK_WIDGET (window), "detail_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The window shows only once the work has run for the delay: modal over
 * the parent, with the title, the fraction and the line the worker
 * reported; it goes when the work ends. */
static void
test_progress_after_delay (void)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(RdJob) job = NULL;
  Outcome outcome = { 0 };
  Wait *wait = g_new0 (Wait, 1);
  RdProgressWindow *window;
  GtkProgressBar *bar;
  gint64 start, shown;

  rd_job_set_default_delay (DELAY_MS);
  job = rd_job_new ("Testing the Job…", wait_in_thread, wait, g_free);
  start = g_get_monotonic_time ();
  rd_job_run (job, parent, NULL, on_done, &outcome);
  rd_job_set_default_delay (400);

  while ((window = rd_job_get_progress_window (job)) == NULL)
    {
      g_assert_null (rd_test_find_toplevel (RD_TYPE_PROGRESS_WINDOW, NULL));
      g_main_context_iteration (NULL, TRUE);
    }
  shown = g_get_monotonic_time ();
  g_test_message ("the progress window showed after %.0f ms", (shown - start) / 1000.0);
  g_assert_cmpint (shown - start, >=, DELAY_MS * 1000);

  g_assert_true (rd_test_wait_for_toplevel (RD_TYPE_PROGRESS_WINDOW, NULL) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == parent);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Testing the Job…");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rd_test_find_child (GTK_WIDGET (window), "title_label"))), ==,
                   "Testing the Job…");
  bar = GTK_PROGRESS_BAR (rd_test_find_child (GTK_WIDGET (window), "bar"));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.5);
  g_assert_cmpstr (detail_text (window), ==, "Half way");
  rd_test_save_screenshot (GTK_WIDGET (window), "job-progress-light.png");

  g_atomic_int_set (&wait->release, TRUE);
  wait_for (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.succeeded);
  g_assert_null (rd_job_get_progress_window (job));
  g_assert_null (rd_test_find_toplevel (RD_TYPE_PROGRESS_WINDOW, NULL));

  gtk_window_destroy (parent);
}

typedef enum {
  CANCEL_BUTTON,
  CANCEL_ESCAPE,
  CANCEL_CALLER,
} CancelBy;

/* Cancel in the window, Escape, or the caller's cancellable: the worker
 * stops, the result is a cancel, and a cancel is no error to report. */
static void
test_cancel (gconstpointer data)
{
  CancelBy by = GPOINTER_TO_INT (data);
  GtkWindow *parent = new_parent ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RdJob) job = NULL;
  Outcome outcome = { 0 };
  RdProgressWindow *window;

  rd_job_set_default_delay (0);
  job = rd_job_new ("Testing the Job…", wait_in_thread, g_new0 (Wait, 1), g_free);
  rd_job_set_default_delay (400);
  rd_job_set_error_heading (job, "Could Not Test");
  rd_job_run (job, parent, by == CANCEL_CALLER ? cancellable : NULL, on_done, &outcome);

  /* No delay: the window is there before the worker starts. */
  window = rd_job_get_progress_window (job);
  g_assert_nonnull (window);
  g_assert_true (rd_test_wait_for_toplevel (RD_TYPE_PROGRESS_WINDOW, NULL) == GTK_WINDOW (window));
  switch (by)
    {
    case CANCEL_BUTTON:
      g_signal_emit_by_name (rd_test_find_child (GTK_WIDGET (window), "cancel_button"), "clicked");
      g_assert_cmpstr (detail_text (window), ==, "Cancelling…");
      break;
    case CANCEL_ESCAPE:
      g_assert_true (rd_test_send_binding (GTK_WIDGET (window), GDK_KEY_Escape, 0));
      g_assert_cmpstr (detail_text (window), ==, "Cancelling…");
      break;
    case CANCEL_CALLER:
      g_cancellable_cancel (cancellable);
      break;
    }

  wait_for (&outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (outcome.succeeded);
  g_assert_null (rd_job_get_progress_window (job));
  g_assert_null (rd_test_find_toplevel (RD_TYPE_PROGRESS_WINDOW, NULL));
  g_assert_null (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  g_clear_error (&outcome.error);
  gtk_window_destroy (parent);
}

/* A Cancel that comes after the work was done does not undo the result:
 * the file was renamed into place, the transaction committed. */
static void
test_cancel_too_late (void)
{
  g_autoptr(RdJob) job = NULL;
  Outcome outcome = { 0 };
  Wait *wait = g_new0 (Wait, 1);

  wait->release = TRUE;
  wait->cancel_late = TRUE;
  job = rd_job_new ("Testing the Job…", wait_in_thread, wait, g_free);
  rd_job_run (job, NULL, NULL, on_done, &outcome);
  wait_for (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.succeeded);
}

/* Work that fails: a real file in a folder that is not there. */
static gboolean
fail_in_thread (RdJob         *job,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return g_file_set_contents (data, "never", -1, error);
}

/* The error reaches the callback, and with a heading also the user, in a
 * dialog over the parent. */
static void
test_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("readiness-job-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "file.txt", NULL);
  GtkWindow *parent = new_parent ();
  AdwMessageDialog *dialog;

  for (guint with_heading = 0; with_heading < 2; with_heading++)
    {
      g_autoptr(RdJob) job = rd_job_new ("Testing the Job…", fail_in_thread, g_strdup (path), g_free);
      Outcome outcome = { 0 };

      if (with_heading)
        rd_job_set_error_heading (job, "Could Not Test");
      rd_job_run (job, parent, NULL, on_done, &outcome);
      wait_for (&outcome);
      g_assert_error (outcome.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_false (outcome.succeeded);
      g_assert_true (outcome.thread == main_thread);

      dialog = ADW_MESSAGE_DIALOG (rd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
      if (!with_heading)
        {
          g_assert_null (dialog);
          g_clear_error (&outcome.error);
          continue;
        }
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Test");
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, outcome.error->message);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
      adw_message_dialog_response (dialog, "close");
      rd_test_wait_for_idle ();
      g_clear_error (&outcome.error);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);
  main_thread = g_thread_self ();

  g_test_add_func ("/job/result", test_result);
  g_test_add_func ("/job/progress-after-delay", test_progress_after_delay);
  g_test_add_data_func ("/job/cancel/button", GINT_TO_POINTER (CANCEL_BUTTON), test_cancel);
  g_test_add_data_func ("/job/cancel/escape", GINT_TO_POINTER (CANCEL_ESCAPE), test_cancel);
  g_test_add_data_func ("/job/cancel/caller", GINT_TO_POINTER (CANCEL_CALLER), test_cancel);
  g_test_add_func ("/job/cancel-too-late", test_cancel_too_late);
  g_test_add_func ("/job/error", test_error);

  return g_test_run ();
}
