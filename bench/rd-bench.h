#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmark programs share: the time since @start in
 * milliseconds, the median of samples, and a line of median, p90, min
 * and max for them. */
double rd_bench_elapsed_ms (gint64      start);
double rd_bench_peak_rss_mb (void);
double rd_bench_median     (GArray     *samples_ms);
void   rd_bench_report     (const char *what,
                            GArray     *samples_ms);

G_END_DECLS
