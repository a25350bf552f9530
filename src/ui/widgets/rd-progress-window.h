#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_PROGRESS_WINDOW (rd_progress_window_get_type ())

G_DECLARE_FINAL_TYPE (RdProgressWindow, rd_progress_window, RD, PROGRESS_WINDOW, AdwWindow)

/* A small modal window for long work in another thread: what is being
 * done, how far it is (a fraction, or a pulse while unknown) and Cancel,
 * which cancels @cancellable. It is only shown by the caller once the work
 * has taken long enough to be worth it. */
RdProgressWindow *rd_progress_window_new          (GtkWindow        *parent,
                                                   const char       *title,
                                                   GCancellable     *cancellable);
void              rd_progress_window_set_fraction (RdProgressWindow *self,
                                                   double            fraction);
void              rd_progress_window_pulse        (RdProgressWindow *self);
void              rd_progress_window_set_detail   (RdProgressWindow *self,
                                                   const char       *detail);
double            rd_progress_window_get_fraction (RdProgressWindow *self);

/* How far a task has come, asked on the main thread every 100 ms: a
 * fraction from 0 to 1, or below 0 while unknown (the bar pulses).
 * @detail may be set to a newly allocated line under the bar. */
typedef double (*RdProgressPoll) (gpointer   user_data,
                                  char     **detail);

/* The delayed progress window for a GTask that runs in a thread: shown
 * once the task has run for the delay, with Cancel cancelling the task's
 * cancellable, and gone when the task completes. @poll_data must live as
 * long as the task (its task data, say). */
void              rd_progress_window_watch        (GTask            *task,
                                                   GtkWindow        *parent,
                                                   const char       *title,
                                                   RdProgressPoll    poll,
                                                   gpointer          poll_data);
/* The delay before the window shows; tests set 0. */
void              rd_progress_window_set_delay    (guint             delay_ms);

G_END_DECLS
