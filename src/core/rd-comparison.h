#pragma once

#include <glib-object.h>

#include "rd-framework.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* Many schools' assessments of one school year and one framework, side by
 * side, for a regional advisor. Pure statistics on numbers the store hands
 * over; nothing here reads the store or the framework.
 *
 * Quartiles. Every quartile and median here is computed the way spreadsheets
 * compute QUARTILE.INC (LibreOffice QUARTILE, Excel QUARTILE/QUARTILE.INC,
 * R's default "type 7"): sort the n values x₀ ≤ … ≤ xₙ₋₁; for the fraction p
 * (¼, ½, ¾) take h = (n − 1) × p and read between the neighbours:
 * x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋₊₁ − x⌊h⌋). For 20, 40, 48, 55, 55, 62, 70, 85 that
 * gives Q1 46, median 55, Q3 64. Schools without a value (NAN) are left out
 * and counted apart; one value is its own min, quartiles and max.
 *
 * Meaningful differences. Is a school's readiness for a factor really above
 * or below that of the other schools, or could the difference come from
 * which of its people happened to answer? We take the school's respondents
 * as a sample: with n respondents whose own readiness scores spread with a
 * standard deviation s, the school's true figure lies, with 95 % confidence,
 * within x ± 1.96 × s / √n. When the median of the other schools in the
 * comparison lies outside that interval, the difference is marked
 * meaningful: the school is above (the median lies below the interval) or
 * below them. Otherwise it is not marked, which does not mean the school
 * equals the others, only that its answers cannot tell.
 * A school is never marked, and its interval is NAN, when it has fewer than
 * two respondents, when the spread of its respondents is unknown (a summary
 * imported without individual answers), when it has no readiness for the
 * factor, or when no other school has one. 1.96 is the normal
 * approximation; with few respondents it makes the interval narrower than a
 * Student-t interval would be. */

/* One school's figures, as the store hands them over. Every double is NAN
 * when unknown. */
typedef struct
{
  gint64 school_id;
  char *school_name;
  char *region;                       /* for filtering; NULL or "": none */
  RdSchoolType school_type;
  gint64 assessment_id;
  char *framework_version;            /* the edition the assessment was answered with; NULL: unknown */
  guint n_respondents;
  double factor[RD_N_FACTORS];        /* readiness 0–100; NAN: too few answers (not trusted) */
  double factor_spread[RD_N_FACTORS]; /* sample standard deviation (n − 1) of the respondents'
                                       * readiness; NAN: one respondent or summary only */
  guint factor_n[RD_N_FACTORS];       /* respondents behind that spread; 0: n_respondents */
  double target[RD_N_FACTORS];
  guint n_areas;
  double *area;                       /* area scores 0–100 in framework order */
} RdSchoolScores;

#define RD_TYPE_SCHOOL_SCORES (rd_school_scores_get_type ())

GType           rd_school_scores_get_type (void) G_GNUC_CONST;
RdSchoolScores *rd_school_scores_new      (guint                 n_areas);
RdSchoolScores *rd_school_scores_copy     (const RdSchoolScores *scores);
void            rd_school_scores_free     (RdSchoolScores       *scores);
guint           rd_school_scores_count_other_editions (GPtrArray   *schools,
                                                       RdFramework *framework,
                                                       GPtrArray   *versions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdSchoolScores, rd_school_scores_free)

/* A column of the comparison table. FACTOR, GAP and AREA take an index: an
 * RdFactor, or an area's position in the framework. */
typedef enum {
  RD_COMPARISON_COLUMN_NAME,
  RD_COMPARISON_COLUMN_FACTOR,
  RD_COMPARISON_COLUMN_GAP,          /* rd_gap_to_target(): 0 at or above target */
  RD_COMPARISON_COLUMN_AREA,
} RdComparisonColumn;

typedef struct
{
  guint n;           /* schools with a value */
  guint n_missing;   /* schools without one */
  double min;        /* all five NAN when n is 0 */
  double q1;
  double median;
  double q3;
  double max;
} RdDistribution;

typedef struct
{
  guint below;       /* readiness < target */
  guint reached;     /* readiness ≥ target */
  guint unknown;     /* readiness or target NAN: neither */
} RdTargetCount;

typedef enum {
  RD_DIFFERENCE_NONE,
  RD_DIFFERENCE_ABOVE,
  RD_DIFFERENCE_BELOW,
} RdDifference;

typedef struct
{
  RdDifference difference;
  gboolean tested;        /* FALSE: see "never marked" above */
  double value;           /* the school's readiness */
  double others_median;   /* NAN when no other school has a value */
  guint n_others;         /* other schools with a value */
  double low;             /* the 95 % interval; NAN when not tested */
  double high;
} RdFactorDifference;

#define RD_TYPE_COMPARISON (rd_comparison_get_type ())

G_DECLARE_FINAL_TYPE (RdComparison, rd_comparison, RD, COMPARISON, GObject)

RdComparison         *rd_comparison_new                (GPtrArray            *schools,
                                                        guint                 n_areas);
RdComparison         *rd_comparison_new_take           (GPtrArray            *schools,
                                                        guint                 n_areas);
RdComparison         *rd_comparison_filter             (RdComparison         *self,
                                                        const char           *region,
                                                        RdSchoolType          school_type);

guint                 rd_comparison_get_n_schools      (RdComparison         *self);
guint                 rd_comparison_get_n_areas        (RdComparison         *self);
const RdSchoolScores *rd_comparison_get_school         (RdComparison         *self,
                                                        guint                 index);
double                rd_comparison_get_value          (RdComparison         *self,
                                                        guint                 school,
                                                        RdComparisonColumn    column,
                                                        guint                 index);
GStrv                 rd_comparison_list_regions       (RdComparison         *self);
GArray               *rd_comparison_list_school_types  (RdComparison         *self);

void                  rd_comparison_get_distribution   (RdComparison         *self,
                                                        RdComparisonColumn    column,
                                                        guint                 index,
                                                        RdDistribution       *distribution);
void                  rd_comparison_count_below_target (RdComparison         *self,
                                                        RdFactor              factor,
                                                        RdTargetCount        *count);
gboolean              rd_comparison_is_below_target    (RdComparison         *self,
                                                        guint                 school,
                                                        RdFactor              factor);
void                  rd_comparison_get_others_distribution (RdComparison    *self,
                                                        guint                 school,
                                                        RdComparisonColumn    column,
                                                        guint                 index,
                                                        RdDistribution       *distribution);
GArray               *rd_comparison_sort               (RdComparison         *self,
                                                        RdComparisonColumn    column,
                                                        guint                 index,
                                                        gboolean              descending);
void                  rd_comparison_get_difference     (RdComparison         *self,
                                                        guint                 school,
                                                        RdFactor              factor,
                                                        RdFactorDifference   *difference);

void                  rd_sort_doubles                  (double               *values,
                                                        gsize                 n);
double                rd_quantile_sorted               (const double         *sorted,
                                                        guint                 n,
                                                        double                p);

G_END_DECLS
