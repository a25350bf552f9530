#include "config.h"

#include "rd-bench.h"

#include <sys/resource.h>

double
rd_bench_elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The most memory the process has held so far. */
double
rd_bench_peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples_ms in place; 0 when there are none. */
double
rd_bench_median (GArray *samples_ms)
{
  if (samples_ms->len == 0)
    return 0;

  g_array_sort (samples_ms, compare_doubles);
  return g_array_index (samples_ms, double, samples_ms->len / 2);
}

/* Sorts @samples_ms in place. */
void
rd_bench_report (const char *what,
                 GArray     *samples_ms)
{
  double *v = (double *) (gpointer) samples_ms->data;
  guint n = samples_ms->len;

  if (n == 0)
    {
      g_print ("%-52s no samples\n", what);
      return;
    }

  rd_bench_median (samples_ms);
  g_print ("%-52s n=%-5u median %7.3f ms   p90 %7.3f ms   min %7.3f ms   max %7.3f ms\n",
           what, n, v[n / 2], v[(n * 9) / 10], v[0], v[n - 1]);
}
