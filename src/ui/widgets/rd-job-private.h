#pragma once

#include "rd-job.h"
#include "rd-progress-window.h"

G_BEGIN_DECLS

/* For tests. How long new jobs run before their progress window shows
 * (400 ms; 0: at once, before the worker starts). */
void              rd_job_set_default_delay   (guint  delay_ms);
/* The job's progress window while it is shown, or NULL. */
RdProgressWindow *rd_job_get_progress_window (RdJob *self);

G_END_DECLS
