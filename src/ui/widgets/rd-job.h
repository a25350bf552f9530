#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RD_TYPE_JOB (rd_job_get_type ())

G_DECLARE_FINAL_TYPE (RdJob, rd_job, RD, JOB, GObject)

/* The work of a job, in a worker thread. It reads and writes @data and
 * what it opens itself (a database connection of its own, say), never a
 * widget or the caller's store; it tells how far it is with
 * rd_job_set_progress() and looks at @cancellable often. What it returns
 * is the job's result, even when a cancel came too late to stop it. */
typedef gboolean (*RdJobFunc) (RdJob         *job,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

/* Long work off the main thread, the way every long task of the app runs
 * (importing schools or a survey, saving the report, exports): @func runs
 * in a worker thread on @data (a snapshot taken on the main thread; the
 * job frees it with @data_free); when it runs longer than a moment, a
 * modal RdProgressWindow titled @title shows its progress and Cancel; the
 * callback of rd_job_run() comes on the main thread. */
RdJob    *rd_job_new                (const char          *title,
                                     RdJobFunc            func,
                                     gpointer             data,
                                     GDestroyNotify       data_free);

/* When set, a job that fails (not one cancelled) says so in a dialog over
 * its parent: @heading, and the error's message. */
void      rd_job_set_error_heading  (RdJob               *self,
                                     const char          *heading);

/* Starts the job, once. The progress window is transient for @parent;
 * Cancel there cancels @cancellable (or one of the job's own). @callback
 * (may be NULL) gets the job as its source object: rd_job_finish() tells
 * how it went, rd_job_get_data() gives what it made. The job lives until
 * the callback has returned. */
void      rd_job_run                (RdJob               *self,
                                     GtkWindow           *parent,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  rd_job_finish             (RdJob               *self,
                                     GAsyncResult        *result,
                                     GError             **error);

gpointer  rd_job_get_data           (RdJob               *self);

/* From any thread (the worker's, mostly): @fraction from 0 to 1, or
 * below 0 while it is not known (the bar pulses); @detail_format, unless
 * NULL, the line under the bar, printf-style. The window shows the latest
 * every 100 ms. */
void      rd_job_set_progress       (RdJob               *self,
                                     double               fraction,
                                     const char          *detail_format,
                                     ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
