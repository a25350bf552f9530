#define G_LOG_DOMAIN "readiness"

#include "config.h"

#include "rd-database-check.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-errors.h"

typedef struct
{
  RdStore *store;             /* weak: the check must not keep the file open */
  GtkWindow *parent;          /* weak */
  GtkWidget *progress_dialog; /* weak; only on demand */
  GtkProgressBar *progress_bar;
  char *path;
  gboolean on_demand;
  GCancellable *cancellable;
  guint pulse_id;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress_dialog));
  g_clear_weak_pointer (&job->progress_dialog);
  g_clear_weak_pointer (&job->store);
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

static void
run_check (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  CheckJob *job = data;
  GError *error = NULL;

  if (rd_store_check_file (job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_message (CheckJob   *job,
              const char *name,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  if (job->parent == NULL)
    return;
  dialog = adw_message_dialog_new (job->parent, heading, body);
  gtk_widget_set_name (dialog, name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  CheckJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (job->path);

  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress_dialog));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT))
    {
      g_autofree char *body = NULL;

      if (job->store != NULL)
        rd_store_set_damaged (job->store, error->message);
      body = g_strdup_printf (_("%s\n\nReadiness no longer saves any change to this database, so that "
                                "the damage does not spread. Close Readiness, keep a copy of the file, "
                                "and restore the database from a backup; see “Problems with the database” in the "
                                "help for what else you can do."),
                              error->message);
      show_message (job, "database-damaged", _("The Database Is Damaged"), body);
      return;
    }

  if (!job->on_demand)
    return;
  if (error != NULL)
    show_message (job, "database-check-failed", _("Could Not Check the Database"), error->message);
  else
    {
      g_autofree char *body = g_strdup_printf (_("Every page of %s was read; it is sound."), display);

      show_message (job, "database-sound", _("No Damage Found"), body);
    }
}

static gboolean
pulse (gpointer data)
{
  CheckJob *job = data;

  if (job->progress_dialog == NULL)
    {
      job->pulse_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_pulse (job->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response (CheckJob   *job,
                      const char *response)
{
  /* The dialog goes with the response; its bar must not pulse after it. */
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  g_cancellable_cancel (job->cancellable);
}

static void
show_progress (CheckJob *job)
{
  g_autofree char *display = g_filename_display_name (job->path);
  g_autofree char *body = g_strdup_printf (_("Readiness reads every page of %s, about a second per "
                                             "200 MB."), display);
  GtkWidget *dialog = adw_message_dialog_new (job->parent, _("Checking the Database…"), body);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_set_name (dialog, "database-checking");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  job->progress_bar = GTK_PROGRESS_BAR (bar);
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_progress_response), job);
  g_set_weak_pointer (&job->progress_dialog, dialog);
  job->pulse_id = g_timeout_add (100, pulse, job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rd_database_check_start (RdStore      *store,
                         GtkWindow    *parent,
                         gboolean      on_demand,
                         GCancellable *cancellable)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_return_if_fail (RD_IS_STORE (store));

  job = g_new0 (CheckJob, 1);
  job->path = g_strdup (rd_store_get_path (store));
  job->on_demand = on_demand;
  /* Its own cancellable: Cancel in the dialog stops this check only. */
  job->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), job->cancellable,
                             G_CONNECT_SWAPPED);
  g_set_weak_pointer (&job->store, store);
  g_set_weak_pointer (&job->parent, parent);
  if (on_demand && parent != NULL)
    show_progress (job);

  task = g_task_new (NULL, job->cancellable, on_checked, job);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_check);
}
