#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmark programs share: the time since @start in
 * milliseconds, and a line of median, p90, min and max for samples. */
double rd_bench_elapsed_ms (gint64      start);
double rd_bench_peak_rss_mb (void);
void   rd_bench_report     (const char *what,
                            GArray     *samples_ms);

G_END_DECLS
