#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_PROGRESS_WINDOW (rd_progress_window_get_type ())

G_DECLARE_FINAL_TYPE (RdProgressWindow, rd_progress_window, RD, PROGRESS_WINDOW, AdwWindow)

/* A small modal window for long work in another thread: what is being
 * done, how far it is (a fraction, or a pulse while unknown) and Cancel
 * (or Escape), which cancels @cancellable. RdJob shows one once the work
 * has taken long enough to be worth it, and destroys it when it ends. */
RdProgressWindow *rd_progress_window_new          (GtkWindow        *parent,
                                                   const char       *title,
                                                   GCancellable     *cancellable);
void              rd_progress_window_set_fraction (RdProgressWindow *self,
                                                   double            fraction);
void              rd_progress_window_pulse        (RdProgressWindow *self);
void              rd_progress_window_set_detail   (RdProgressWindow *self,
                                                   const char       *detail);

G_END_DECLS
