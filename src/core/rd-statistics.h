#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A change counts as meaningful when chance alone would give one at least
 * as large less often than this: the two-sided p of Welch's t-test. */
#define RD_SIGNIFICANCE_ALPHA 0.05

typedef enum
{
  RD_WELCH_OK,
  RD_WELCH_TOO_FEW_BEFORE,  /* fewer than two respondents in the earlier sample */
  RD_WELCH_TOO_FEW_AFTER,   /* the same in the later one */
  RD_WELCH_NO_SPREAD,       /* every respondent gave the same score on both sides */
} RdWelchStatus;

/* Welch's two-sample t-test: the difference of two means, without assuming
 * the two groups spread alike. Only meaningful when status is RD_WELCH_OK;
 * otherwise t, df and p are NAN, never a made-up figure. */
typedef struct
{
  RdWelchStatus status;
  double difference;  /* mean after − mean before */
  double t;
  double df;          /* Welch–Satterthwaite */
  double p;           /* two-sided, Student's t distribution with df */
} RdWelch;

void     rd_sample_mean_sd       (const double *values,
                                  guint         n,
                                  double       *mean,
                                  double       *sd);
void     rd_welch_from_summary   (double        mean_before,
                                  double        sd_before,
                                  guint         n_before,
                                  double        mean_after,
                                  double        sd_after,
                                  guint         n_after,
                                  RdWelch      *result);
void     rd_welch_from_samples   (const double *before,
                                  guint         n_before,
                                  const double *after,
                                  guint         n_after,
                                  RdWelch      *result);
gboolean rd_welch_is_meaningful  (const RdWelch *result);

double   rd_student_t_two_sided_p (double       t,
                                   double       df);
double   rd_incomplete_beta       (double       x,
                                   double       a,
                                   double       b);

G_END_DECLS
