#define G_LOG_DOMAIN "rd-statistics"

#include "config.h"

#include <math.h>

#include "rd-statistics.h"

/* The sample mean and standard deviation (n − 1 in the denominator); the
 * SD is NAN below two values, the mean below one. */
void
rd_sample_mean_sd (const double *values,
                   guint         n,
                   double       *mean,
                   double       *sd)
{
  double sum = 0, squares = 0, m;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  m = n > 0 ? sum / n : NAN;
  /* Two passes: the deviations from the mean lose no digits. */
  for (guint i = 0; i < n; i++)
    squares += (values[i] - m) * (values[i] - m);
  if (mean != NULL)
    *mean = m;
  if (sd != NULL)
    *sd = n > 1 ? sqrt (squares / (n - 1)) : NAN;
}

void
rd_welch_from_summary (double   mean_before,
                       double   sd_before,
                       guint    n_before,
                       double   mean_after,
                       double   sd_after,
                       guint    n_after,
                       RdWelch *result)
{
  double v_before, v_after, se2;

  *result = (RdWelch) { RD_WELCH_OK, mean_after - mean_before, NAN, NAN, NAN };

  if (n_before < 2 || isnan (sd_before) || isnan (mean_before))
    {
      result->status = RD_WELCH_TOO_FEW_BEFORE;
      return;
    }
  if (n_after < 2 || isnan (sd_after) || isnan (mean_after))
    {
      result->status = RD_WELCH_TOO_FEW_AFTER;
      return;
    }

  v_before = sd_before * sd_before / n_before;
  v_after = sd_after * sd_after / n_after;
  se2 = v_before + v_after;
  if (se2 <= 0)
    {
      result->status = RD_WELCH_NO_SPREAD;
      return;
    }

  result->t = result->difference / sqrt (se2);
  result->df = se2 * se2 / (v_before * v_before / (n_before - 1) + v_after * v_after / (n_after - 1));
  result->p = rd_student_t_two_sided_p (result->t, result->df);
}

void
rd_welch_from_samples (const double *before,
                       guint         n_before,
                       const double *after,
                       guint         n_after,
                       RdWelch      *result)
{
  double mean_before, sd_before, mean_after, sd_after;

  rd_sample_mean_sd (before, n_before, &mean_before, &sd_before);
  rd_sample_mean_sd (after, n_after, &mean_after, &sd_after);
  rd_welch_from_summary (mean_before, sd_before, n_before, mean_after, sd_after, n_after, result);
}

gboolean
rd_welch_is_meaningful (const RdWelch *result)
{
  return result->status == RD_WELCH_OK && result->p < RD_SIGNIFICANCE_ALPHA;
}

#define TINY 1e-300
#define EPSILON 1e-14
#define MAX_TERMS 100000

/* The continued fraction of the incomplete beta function, evaluated from
 * the front (modified Lentz); it converges fast for x < (a + 1) / (a + b + 2). */
static double
beta_fraction (double x,
               double a,
               double b)
{
  double f = 1, c = 1, d = 0;

  for (guint i = 0; i < MAX_TERMS; i++)
    {
      double m = i / 2, numerator, delta;

      if (i == 0)
        numerator = 1;
      else if (i % 2 == 0)
        numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
      else
        numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));

      d = 1 + numerator * d;
      d = 1 / (fabs (d) < TINY ? TINY : d);
      c = 1 + numerator / c;
      if (fabs (c) < TINY)
        c = TINY;
      delta = c * d;
      f *= delta;
      if (fabs (1 - delta) < EPSILON)
        break;
    }
  return f - 1;
}

/* The regularized incomplete beta function I_x(a, b). */
double
rd_incomplete_beta (double x,
                    double a,
                    double b)
{
  double front;

  if (isnan (x) || a <= 0 || b <= 0)
    return NAN;
  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;
  /* I_x(a, b) = 1 − I_(1−x)(b, a): take the side where the fraction converges. */
  if (x > (a + 1) / (a + b + 2))
    return 1 - rd_incomplete_beta (1 - x, b, a);

  front = exp (lgamma (a + b) - lgamma (a) - lgamma (b) + a * log (x) + b * log1p (-x)) / a;
  return front * beta_fraction (x, a, b);
}

/* P(|T| ≥ |t|) for Student's t with df degrees of freedom (df may be a
 * fraction, as Welch's is): I_(df/(df+t²))(df/2, 1/2). */
double
rd_student_t_two_sided_p (double t,
                          double df)
{
  if (isnan (t) || isnan (df) || df <= 0)
    return NAN;
  if (isinf (t))
    return 0;
  /* Beyond this the t distribution is the normal to the digits shown. */
  if (df > 1e7)
    return erfc (fabs (t) / G_SQRT2);
  return rd_incomplete_beta (df / (df + t * t), df / 2, 0.5);
}
