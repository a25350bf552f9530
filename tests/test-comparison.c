#include "config.h"

#include <math.h>

#include "rd-comparison.h"

#define EPSILON 1e-9

/* A region of nine schools, given out of alphabetical order, two areas.
 * Targets are 60 unless said otherwise; "—" is NAN.
 *
 *  #  school   region type       n   strategy (spread, target)  engagement (spread)  capacity (target)  area 0  area 1
 *  0  Hazel    North  primary    20  85 (—, 90)                 90 (—)               50                 75      66
 *  1  Cedar    North  secondary   6  —  (10)                    65 (10)              35                 0       —
 *  2  Alder    North  primary     1  40 (0)                     30 (10)              35                 12.5    —
 *  3  Larch    North  secondary   3  48 (6.2, 48)               58 (10)              75                 —  (one area only)
 *  4  Fir      North  primary     9  20 (53.5)                  10 (10)              15                 25      —
 *  5  Birch    South  primary     3  55 (0)                     50 (10)              35 (—)             100     —
 *  6  Juniper  South  secondary   4  62 (7.2)                   —                    35                 —       —
 *  7  Elm      South  primary     5  55 (12)                    72 (20)              80                 —       —
 *  8  Dogwood  South  special     4  70 (15.3)                  —                    60                 50      —
 *
 * Investment is NAN everywhere. Hazel's spreads are all unknown (a summary
 * import). */
enum { HAZEL, CEDAR, ALDER, LARCH, FIR, BIRCH, JUNIPER, ELM, DOGWOOD, N_SCHOOLS };

static RdSchoolScores *
make_school (gint64      id,
             const char *name,
             const char *region,
             const char *school_type,
             guint       n_respondents,
             double      strategy,
             double      strategy_spread,
             double      engagement,
             double      engagement_spread,
             double      capacity)
{
  RdSchoolScores *scores = rd_school_scores_new (2);

  scores->school_id = id;
  scores->assessment_id = 100 + id;
  scores->school_name = g_strdup (name);
  scores->region = g_strdup (region);
  if (school_type == NULL || !rd_school_type_from_id (school_type, &scores->school_type))
    scores->school_type = RD_SCHOOL_TYPE_UNSET;
  scores->n_respondents = n_respondents;
  scores->factor[RD_FACTOR_STRATEGY] = strategy;
  scores->factor_spread[RD_FACTOR_STRATEGY] = strategy_spread;
  scores->factor[RD_FACTOR_ENGAGEMENT] = engagement;
  scores->factor_spread[RD_FACTOR_ENGAGEMENT] = engagement_spread;
  scores->factor[RD_FACTOR_CAPACITY] = capacity;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    scores->target[f] = 60;
  return scores;
}

static GPtrArray *
make_region (void)
{
  GPtrArray *schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_scores_free);
  RdSchoolScores *school;

  school = make_school (1, "Hazel", "North", "primary", 20, 85, NAN, 90, NAN, 50);
  school->target[RD_FACTOR_STRATEGY] = 90;
  school->area[0] = 75;
  school->area[1] = 66;
  g_ptr_array_add (schools, school);

  school = make_school (2, "Cedar", "North", "secondary", 6, NAN, 10, 65, 10, 35);
  school->area[0] = 0;
  g_ptr_array_add (schools, school);

  school = make_school (3, "Alder", "North", "primary", 1, 40, 0, 30, 10, 35);
  school->area[0] = 12.5;
  g_ptr_array_add (schools, school);

  /* An older framework version with one area: the second reads NAN. */
  school = make_school (4, "Larch", "North", "secondary", 3, 48, 6.2, 58, 10, 75);
  school->target[RD_FACTOR_STRATEGY] = 48;
  school->n_areas = 1;
  g_ptr_array_add (schools, school);

  school = make_school (5, "Fir", "North", "primary", 9, 20, 53.5, 10, 10, 15);
  school->area[0] = 25;
  g_ptr_array_add (schools, school);

  school = make_school (6, "Birch", "South", "primary", 3, 55, 0, 50, 10, 35);
  school->target[RD_FACTOR_CAPACITY] = NAN;
  school->area[0] = 100;
  g_ptr_array_add (schools, school);

  g_ptr_array_add (schools, make_school (7, "Juniper", "South", "secondary", 4, 62, 7.2, NAN, NAN, 35));
  g_ptr_array_add (schools, make_school (8, "Elm", "South", "primary", 5, 55, 12, 72, 20, 80));

  school = make_school (9, "Dogwood", "South", "special", 4, 70, 15.3, NAN, NAN, 60);
  school->area[0] = 50;
  g_ptr_array_add (schools, school);

  return schools;
}

static RdComparison *
make_comparison (void)
{
  g_autoptr(GPtrArray) schools = make_region ();

  return rd_comparison_new (schools, 2);
}

static void
assert_figures (const RdDistribution *d,
                guint                 n,
                guint                 n_missing,
                double                min,
                double                q1,
                double                median,
                double                q3,
                double                max)
{
  g_assert_cmpuint (d->n, ==, n);
  g_assert_cmpuint (d->n_missing, ==, n_missing);
  g_assert_cmpfloat_with_epsilon (d->min, min, EPSILON);
  g_assert_cmpfloat_with_epsilon (d->q1, q1, EPSILON);
  g_assert_cmpfloat_with_epsilon (d->median, median, EPSILON);
  g_assert_cmpfloat_with_epsilon (d->q3, q3, EPSILON);
  g_assert_cmpfloat_with_epsilon (d->max, max, EPSILON);
}

static void
assert_distribution (RdComparison       *comparison,
                     RdComparisonColumn  column,
                     guint               index,
                     guint               n,
                     guint               n_missing,
                     double              min,
                     double              q1,
                     double              median,
                     double              q3,
                     double              max)
{
  RdDistribution d;

  rd_comparison_get_distribution (comparison, column, index, &d);
  assert_figures (&d, n, n_missing, min, q1, median, q3, max);
}

static void
assert_no_distribution (RdComparison       *comparison,
                        RdComparisonColumn  column,
                        guint               index,
                        guint               n_missing)
{
  RdDistribution d;

  rd_comparison_get_distribution (comparison, column, index, &d);
  g_assert_cmpuint (d.n, ==, 0);
  g_assert_cmpuint (d.n_missing, ==, n_missing);
  g_assert_true (isnan (d.min) && isnan (d.q1) && isnan (d.median) && isnan (d.q3) && isnan (d.max));
}

/* The schools' names in the given order, space-separated. */
static char *
names_in_order (RdComparison *comparison,
                GArray       *order)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_cmpuint (order->len, ==, rd_comparison_get_n_schools (comparison));
  for (guint i = 0; i < order->len; i++)
    {
      const RdSchoolScores *school = rd_comparison_get_school (comparison, g_array_index (order, guint, i));

      g_string_append_printf (names, i > 0 ? " %s" : "%s", school->school_name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
assert_sort (RdComparison       *comparison,
             RdComparisonColumn  column,
             guint               index,
             gboolean            descending,
             const char         *expected)
{
  g_autoptr(GArray) order = rd_comparison_sort (comparison, column, index, descending);
  g_autofree char *names = names_in_order (comparison, order);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_quantile_method (void)
{
  static const double values[] = { 1, 2, 3, 4 };

  /* QUARTILE.INC({1;2;3;4}; 1..3): h = 3p → 1.75, 2.5, 3.25. */
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 4, 0.25), 1.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 4, 0.5), 2.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 4, 0.75), 3.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 4, 0), 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 4, 1), 4, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_quantile_sorted (values, 1, 0.25), 1, EPSILON);
  g_assert_true (isnan (rd_quantile_sorted (NULL, 0, 0.5)));
}

static void
test_distributions (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();

  g_assert_cmpuint (rd_comparison_get_n_schools (comparison), ==, N_SCHOOLS);
  g_assert_cmpuint (rd_comparison_get_n_areas (comparison), ==, 2);

  /* Strategy, even n = 8 (Cedar NAN): 20 40 48 55 55 62 70 85, h = 7p.
   * Q1: h 1.75 → 40 + 0.75 × 8 = 46; median: h 3.5 → 55 + 0.5 × 0 = 55 (a tie);
   * Q3: h 5.25 → 62 + 0.25 × 8 = 64. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, 8, 1, 20, 46, 55, 64, 85);

  /* Engagement, odd n = 7 (Juniper, Dogwood NAN): 10 30 50 58 65 72 90, h = 6p.
   * Q1: h 1.5 → 30 + 0.5 × 20 = 40; median: h 3 → 58; Q3: h 4.5 → 65 + 0.5 × 7 = 68.5. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_ENGAGEMENT, 7, 2, 10, 40, 58, 68.5, 90);

  /* Capacity, all nine, four ties: 15 35 35 35 35 50 60 75 80, h = 8p →
   * ranks 2, 4, 6: 35, 35, 60. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_CAPACITY, 9, 0, 15, 35, 35, 60, 80);

  /* Investment: nobody has a value. */
  assert_no_distribution (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_INVESTMENT, 9);

  /* Strategy gap, the app's gap (target − readiness, 0 at or above target): Hazel
   * 90 − 85 = 5, Alder 20, Larch 48 − 48 = 0, Fir 40, Birch 5, Juniper 60 − 62 → 0, Elm 5,
   * Dogwood 60 − 70 → 0; sorted 0 0 0 5 5 5 20 40.
   * Q1: h 1.75 → 0; median: h 3.5 → 5; Q3: h 5.25 → 5 + 0.25 × 15 = 8.75. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, 8, 1, 0, 0, 5, 8.75, 40);
  g_assert_cmpfloat_with_epsilon (rd_comparison_get_value (comparison, DOGWOOD, RD_COMPARISON_COLUMN_GAP,
                                                           RD_FACTOR_STRATEGY), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (rd_comparison_get_value (comparison, HAZEL, RD_COMPARISON_COLUMN_GAP,
                                                           RD_FACTOR_STRATEGY), 5, EPSILON);
  g_assert_true (isnan (rd_comparison_get_value (comparison, CEDAR, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY)));

  /* Area 0, n = 6: 0 12.5 25 50 75 100, h = 5p. Q1: h 1.25 → 12.5 + 0.25 × 12.5 = 15.625;
   * median: h 2.5 → 25 + 0.5 × 25 = 37.5; Q3: h 3.75 → 50 + 0.75 × 25 = 68.75. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_AREA, 0, 6, 3, 0, 15.625, 37.5, 68.75, 100);

  /* Area 1: Hazel's 66 alone is min, every quartile and max; Larch's short array reads NAN. */
  assert_distribution (comparison, RD_COMPARISON_COLUMN_AREA, 1, 1, 8, 66, 66, 66, 66, 66);
  g_assert_true (isnan (rd_comparison_get_value (comparison, LARCH, RD_COMPARISON_COLUMN_AREA, 1)));
}

static void
test_below_target (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();
  RdTargetCount count;

  /* Below: Alder 40, Birch 55, Elm 55, Fir 20 (< 60) and Hazel 85 < 90. Reached:
   * Dogwood 70, Juniper 62 and Larch, exactly on its target of 48. Unknown: Cedar. */
  rd_comparison_count_below_target (comparison, RD_FACTOR_STRATEGY, &count);
  g_assert_cmpuint (count.below, ==, 5);
  g_assert_cmpuint (count.reached, ==, 3);
  g_assert_cmpuint (count.unknown, ==, 1);

  /* Below 60: Alder, Larch, Fir, Birch; reached: Hazel, Cedar, Elm; NAN: Juniper, Dogwood. */
  rd_comparison_count_below_target (comparison, RD_FACTOR_ENGAGEMENT, &count);
  g_assert_cmpuint (count.below, ==, 4);
  g_assert_cmpuint (count.reached, ==, 3);
  g_assert_cmpuint (count.unknown, ==, 2);

  /* Birch has a value but no target: unknown too. Dogwood's 60 reaches 60. */
  rd_comparison_count_below_target (comparison, RD_FACTOR_CAPACITY, &count);
  g_assert_cmpuint (count.below, ==, 5);
  g_assert_cmpuint (count.reached, ==, 3);
  g_assert_cmpuint (count.unknown, ==, 1);

  rd_comparison_count_below_target (comparison, RD_FACTOR_INVESTMENT, &count);
  g_assert_cmpuint (count.below, ==, 0);
  g_assert_cmpuint (count.reached, ==, 0);
  g_assert_cmpuint (count.unknown, ==, 9);

  /* School by school, the same rule: Larch on its target has reached it,
   * Birch without a target and Cedar without a readiness are not below. */
  for (RdFactor f = 0; f < RD_N_FACTORS; f++)
    {
      guint below = 0;

      rd_comparison_count_below_target (comparison, f, &count);
      for (guint s = 0; s < N_SCHOOLS; s++)
        below += rd_comparison_is_below_target (comparison, s, f);
      g_assert_cmpuint (below, ==, count.below);
    }
  g_assert_true (rd_comparison_is_below_target (comparison, HAZEL, RD_FACTOR_STRATEGY));
  g_assert_false (rd_comparison_is_below_target (comparison, LARCH, RD_FACTOR_STRATEGY));
  g_assert_false (rd_comparison_is_below_target (comparison, CEDAR, RD_FACTOR_STRATEGY));
  g_assert_false (rd_comparison_is_below_target (comparison, BIRCH, RD_FACTOR_CAPACITY));
}

/* What one school is set against: the others' five figures, the way the
 * distributions compute theirs. */
static void
test_others_distribution (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();
  RdDistribution d;

  /* Strategy without Hazel's 85: 20 40 48 55 55 62 70, Cedar unknown. */
  rd_comparison_get_others_distribution (comparison, HAZEL, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, &d);
  assert_figures (&d, 7, 1, 20, 44, 55, 58.5, 70);
  /* Without Cedar, who has none: all eight, as the column's own distribution. */
  rd_comparison_get_others_distribution (comparison, CEDAR, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, &d);
  assert_figures (&d, 8, 0, 20, 46, 55, 64, 85);
  /* Gaps to 60 (Hazel's to 90) without Fir's 40: 20 5 5 5 and four at 0. */
  rd_comparison_get_others_distribution (comparison, FIR, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, &d);
  assert_figures (&d, 7, 1, 0, 0, 5, 5, 20);
  /* Area 1: only Hazel has one; without it nobody. */
  rd_comparison_get_others_distribution (comparison, ELM, RD_COMPARISON_COLUMN_AREA, 1, &d);
  assert_figures (&d, 1, 7, 66, 66, 66, 66, 66);
  rd_comparison_get_others_distribution (comparison, HAZEL, RD_COMPARISON_COLUMN_AREA, 1, &d);
  g_assert_cmpuint (d.n, ==, 0);
  g_assert_cmpuint (d.n_missing, ==, 8);
  g_assert_true (isnan (d.min) && isnan (d.q1) && isnan (d.median) && isnan (d.q3) && isnan (d.max));
}

static void
test_sort (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();

  assert_sort (comparison, RD_COMPARISON_COLUMN_NAME, 0, FALSE,
               "Alder Birch Cedar Dogwood Elm Fir Hazel Juniper Larch");
  assert_sort (comparison, RD_COMPARISON_COLUMN_NAME, 0, TRUE,
               "Larch Juniper Hazel Fir Elm Dogwood Cedar Birch Alder");

  /* Birch and Elm tie at 55, by name both ways; Cedar (NAN) last both ways. */
  assert_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, FALSE,
               "Fir Alder Larch Birch Elm Juniper Dogwood Hazel Cedar");
  assert_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, TRUE,
               "Hazel Dogwood Juniper Birch Elm Larch Alder Fir Cedar");

  /* Four schools at 35. */
  assert_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_CAPACITY, FALSE,
               "Fir Alder Birch Cedar Juniper Hazel Dogwood Larch Elm");
  assert_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_CAPACITY, TRUE,
               "Elm Larch Dogwood Hazel Alder Birch Cedar Juniper Fir");

  /* Gaps (see the distributions): furthest below target first, Fir 40,
   * Alder 20, three at 5; the three that reached their target all have
   * the gap 0, however far above it they are, and follow by name. */
  assert_sort (comparison, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, TRUE,
               "Fir Alder Birch Elm Hazel Dogwood Juniper Larch Cedar");
  assert_sort (comparison, RD_COMPARISON_COLUMN_GAP, RD_FACTOR_STRATEGY, FALSE,
               "Dogwood Juniper Larch Birch Elm Hazel Alder Fir Cedar");

  /* Area 0: Cedar 0 … Birch 100; Elm, Juniper and Larch without a value, by name. */
  assert_sort (comparison, RD_COMPARISON_COLUMN_AREA, 0, FALSE,
               "Cedar Alder Fir Dogwood Hazel Birch Elm Juniper Larch");
  assert_sort (comparison, RD_COMPARISON_COLUMN_AREA, 0, TRUE,
               "Birch Hazel Dogwood Fir Alder Cedar Elm Juniper Larch");

  /* Nothing to sort by: all by name, whichever the direction. */
  assert_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_INVESTMENT, TRUE,
               "Alder Birch Cedar Dogwood Elm Fir Hazel Juniper Larch");
}

static void
test_sort_same_name (void)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_scores_free);
  g_autoptr(RdComparison) comparison = NULL;
  g_autoptr(GArray) up = NULL;
  g_autoptr(GArray) down = NULL;

  g_ptr_array_add (schools, make_school (1, "Oak", NULL, NULL, 2, 50, NAN, NAN, NAN, NAN));
  g_ptr_array_add (schools, make_school (2, "Ash", NULL, NULL, 2, 50, NAN, NAN, NAN, NAN));
  g_ptr_array_add (schools, make_school (3, "Oak", NULL, NULL, 2, 50, NAN, NAN, NAN, NAN));
  comparison = rd_comparison_new (schools, 2);

  /* Two schools called Oak keep their given order, in both directions. */
  up = rd_comparison_sort (comparison, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, FALSE);
  g_assert_cmpuint (g_array_index (up, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (up, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (up, guint, 2), ==, 2);
  down = rd_comparison_sort (comparison, RD_COMPARISON_COLUMN_NAME, 0, TRUE);
  g_assert_cmpuint (g_array_index (down, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (down, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (down, guint, 2), ==, 1);
}

static void
assert_difference (RdComparison *comparison,
                   guint         school,
                   RdFactor      factor,
                   RdDifference  expected,
                   double        others_median,
                   double        half_width)
{
  RdFactorDifference d;

  rd_comparison_get_difference (comparison, school, factor, &d);
  g_assert_true (d.tested);
  g_assert_cmpint (d.difference, ==, expected);
  g_assert_cmpfloat_with_epsilon (d.others_median, others_median, EPSILON);
  g_assert_cmpfloat_with_epsilon (d.low, d.value - half_width, 1e-6);
  g_assert_cmpfloat_with_epsilon (d.high, d.value + half_width, 1e-6);
}

static void
assert_not_tested (RdComparison *comparison,
                   guint         school,
                   RdFactor      factor,
                   double        others_median,
                   guint         n_others)
{
  RdFactorDifference d;

  rd_comparison_get_difference (comparison, school, factor, &d);
  g_assert_false (d.tested);
  g_assert_cmpint (d.difference, ==, RD_DIFFERENCE_NONE);
  g_assert_true (isnan (d.low) && isnan (d.high));
  g_assert_cmpuint (d.n_others, ==, n_others);
  if (isnan (others_median))
    g_assert_true (isnan (d.others_median));
  else
    g_assert_cmpfloat_with_epsilon (d.others_median, others_median, EPSILON);
}

static void
test_meaningful_differences (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();
  g_autoptr(RdComparison) north = NULL;

  /* Strategy: 20 40 48 55 55 62 70 85. Dogwood 70, others 20 40 48 55 55 62 85
   * → median 55; 1.96 × 15.3 / √4 = 14.994 < 15: just outside, above. */
  assert_difference (comparison, DOGWOOD, RD_FACTOR_STRATEGY, RD_DIFFERENCE_ABOVE, 55, 14.994);

  /* Juniper 62, others' median 55; 1.96 × 7.2 / √4 = 7.056 > 7: just inside. */
  assert_difference (comparison, JUNIPER, RD_FACTOR_STRATEGY, RD_DIFFERENCE_NONE, 55, 7.056);

  /* Fir 20, others' median 55; 1.96 × 53.5 / √9 = 34.9533 < 35: just outside, below. */
  assert_difference (comparison, FIR, RD_FACTOR_STRATEGY, RD_DIFFERENCE_BELOW, 55, 1.96 * 53.5 / 3);

  /* Larch 48, others' median 55; 1.96 × 6.2 / √3 = 7.0159 > 7: just inside. */
  assert_difference (comparison, LARCH, RD_FACTOR_STRATEGY, RD_DIFFERENCE_NONE, 55, 1.96 * 6.2 / sqrt (3));

  /* Birch 55, others 20 40 48 55 62 70 85 → 55: no difference even with no spread. */
  assert_difference (comparison, BIRCH, RD_FACTOR_STRATEGY, RD_DIFFERENCE_NONE, 55, 0);

  /* Engagement 10 30 50 58 65 72 90: Elm 72, others 10 30 50 58 65 90 (even)
   * → (50 + 58) / 2 = 54; 1.96 × 20 / √5 = 17.5308 < 18: above. */
  assert_difference (comparison, ELM, RD_FACTOR_ENGAGEMENT, RD_DIFFERENCE_ABOVE, 54, 1.96 * 20 / sqrt (5));

  /* Never marked: Alder has one respondent (its spread of 0 would otherwise
   * make 40 against 55 "below"); Hazel's spread is unknown though 85 is far
   * from 55 and twenty answered; Cedar has no strategy figure, so the
   * others are all eight. */
  assert_not_tested (comparison, ALDER, RD_FACTOR_STRATEGY, 55, 7);
  assert_not_tested (comparison, HAZEL, RD_FACTOR_STRATEGY, 55, 7);
  assert_not_tested (comparison, HAZEL, RD_FACTOR_ENGAGEMENT, 54, 6);
  assert_not_tested (comparison, CEDAR, RD_FACTOR_STRATEGY, 55, 8);
  assert_not_tested (comparison, BIRCH, RD_FACTOR_INVESTMENT, NAN, 0);

  /* The others are those of the comparison: in the North, Fir's others are
   * Hazel 85, Alder 40, Larch 48 → 48; 28 < 34.95, no longer marked. */
  north = rd_comparison_filter (comparison, "North", RD_SCHOOL_TYPE_UNSET);
  g_assert_cmpstr (rd_comparison_get_school (north, 4)->school_name, ==, "Fir");
  assert_difference (north, 4, RD_FACTOR_STRATEGY, RD_DIFFERENCE_NONE, 48, 1.96 * 53.5 / 3);
}

static void
test_filter (void)
{
  g_autoptr(RdComparison) comparison = make_comparison ();
  g_autoptr(RdComparison) north = rd_comparison_filter (comparison, "North", RD_SCHOOL_TYPE_UNSET);
  g_autoptr(RdComparison) primary = rd_comparison_filter (comparison, NULL, RD_SCHOOL_TYPE_PRIMARY);
  g_autoptr(RdComparison) north_primary = rd_comparison_filter (north, "", RD_SCHOOL_TYPE_PRIMARY);
  g_autoptr(RdComparison) special = rd_comparison_filter (comparison, "South", RD_SCHOOL_TYPE_SPECIAL);
  g_autoptr(RdComparison) nowhere = rd_comparison_filter (comparison, "West", RD_SCHOOL_TYPE_UNSET);
  g_autoptr(GArray) order = NULL;
  g_auto(GStrv) regions = rd_comparison_list_regions (comparison);
  g_autoptr(GArray) types = rd_comparison_list_school_types (comparison);
  g_autoptr(GArray) north_types = rd_comparison_list_school_types (north);
  g_auto(GStrv) no_regions = rd_comparison_list_regions (nowhere);
  g_autofree char *names = NULL;
  RdFactorDifference d;

  g_assert_cmpstrv (regions, ((const char *[]) { "North", "South", NULL }));
  /* In the order of RdSchoolType, each once. */
  g_assert_cmpmem (types->data, types->len * sizeof (RdSchoolType),
                   ((RdSchoolType[]) { RD_SCHOOL_TYPE_PRIMARY, RD_SCHOOL_TYPE_SECONDARY, RD_SCHOOL_TYPE_SPECIAL }),
                   3 * sizeof (RdSchoolType));
  g_assert_cmpmem (north_types->data, north_types->len * sizeof (RdSchoolType),
                   ((RdSchoolType[]) { RD_SCHOOL_TYPE_PRIMARY, RD_SCHOOL_TYPE_SECONDARY }), 2 * sizeof (RdSchoolType));
  g_assert_cmpstrv (no_regions, ((const char *[]) { NULL }));

  /* The North in the given order; strategy 85 — 40 48 20 → 20 40 48 85, h = 3p:
   * Q1 h 0.75 → 20 + 0.75 × 20 = 35; median h 1.5 → 40 + 0.5 × 8 = 44;
   * Q3 h 2.25 → 48 + 0.25 × 37 = 57.25. */
  g_assert_cmpuint (rd_comparison_get_n_schools (north), ==, 5);
  g_assert_cmpstr (rd_comparison_get_school (north, 1)->school_name, ==, "Cedar");
  assert_distribution (north, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, 4, 1, 20, 35, 44, 57.25, 85);

  /* Primary: Hazel Alder Fir Birch Elm, strategy 20 40 55 55 85, h = 4p → 40, 55, 55. */
  g_assert_cmpuint (rd_comparison_get_n_schools (primary), ==, 5);
  assert_distribution (primary, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, 5, 0, 20, 40, 55, 55, 85);

  /* A filter of a filter ("" is no filter), sorted within itself. */
  order = rd_comparison_sort (north_primary, RD_COMPARISON_COLUMN_NAME, 0, FALSE);
  names = names_in_order (north_primary, order);
  g_assert_cmpstr (names, ==, "Alder Fir Hazel");
  g_assert_cmpuint (rd_comparison_get_n_areas (north_primary), ==, 2);

  /* One school: its value is everything, and it has no others to differ from. */
  g_assert_cmpuint (rd_comparison_get_n_schools (special), ==, 1);
  g_assert_cmpstr (rd_comparison_get_school (special, 0)->school_name, ==, "Dogwood");
  assert_distribution (special, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, 1, 0, 70, 70, 70, 70, 70);
  assert_no_distribution (special, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_ENGAGEMENT, 1);
  rd_comparison_get_difference (special, 0, RD_FACTOR_STRATEGY, &d);
  g_assert_false (d.tested);
  g_assert_cmpuint (d.n_others, ==, 0);
  g_assert_true (isnan (d.others_median));

  /* No school at all. */
  g_assert_cmpuint (rd_comparison_get_n_schools (nowhere), ==, 0);
  assert_no_distribution (nowhere, RD_COMPARISON_COLUMN_AREA, 0, 0);
  g_clear_pointer (&order, g_array_unref);
  order = rd_comparison_sort (nowhere, RD_COMPARISON_COLUMN_FACTOR, RD_FACTOR_STRATEGY, TRUE);
  g_assert_cmpuint (order->len, ==, 0);

  /* Filtered comparisons share the figures and outlive their parent. */
  g_assert_finalize_object (g_steal_pointer (&comparison));
  g_assert_cmpstr (rd_comparison_get_school (north, 0)->school_name, ==, "Hazel");
}

static void
test_keeps_a_copy (void)
{
  g_autoptr(GPtrArray) schools = make_region ();
  g_autoptr(RdComparison) comparison = rd_comparison_new (schools, 2);
  RdSchoolScores *hazel = g_ptr_array_index (schools, HAZEL);
  g_autoptr(RdSchoolScores) copy = NULL;

  g_free (hazel->school_name);
  hazel->school_name = g_strdup ("Changed");
  hazel->area[1] = 0;
  g_clear_pointer (&schools, g_ptr_array_unref);

  g_assert_cmpstr (rd_comparison_get_school (comparison, HAZEL)->school_name, ==, "Hazel");
  g_assert_cmpfloat (rd_comparison_get_value (comparison, HAZEL, RD_COMPARISON_COLUMN_AREA, 1), ==, 66);

  copy = g_boxed_copy (RD_TYPE_SCHOOL_SCORES, rd_comparison_get_school (comparison, LARCH));
  g_assert_cmpuint (copy->n_areas, ==, 1);
  g_assert_cmpstr (copy->region, ==, "North");
}

/* rd_comparison_new_take keeps the schools it is given, not copies, and
 * compares them as rd_comparison_new does. */
static void
test_takes_the_schools (void)
{
  g_autoptr(GPtrArray) schools = make_region ();
  g_autoptr(RdComparison) copied = rd_comparison_new (schools, 2);
  RdSchoolScores *hazel = g_ptr_array_index (schools, HAZEL);
  guint n = schools->len;
  g_autoptr(RdComparison) taken = rd_comparison_new_take (g_steal_pointer (&schools), 2);

  g_assert_cmpuint (rd_comparison_get_n_schools (taken), ==, n);
  g_assert_true (rd_comparison_get_school (taken, HAZEL) == hazel);
  g_assert_false (rd_comparison_get_school (copied, HAZEL) == hazel);
  for (guint s = 0; s < n; s++)
    {
      g_assert_cmpint (rd_comparison_get_school (taken, s)->school_id, ==, rd_comparison_get_school (copied, s)->school_id);
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          RdFactorDifference a, b;

          rd_comparison_get_difference (taken, s, f, &a);
          rd_comparison_get_difference (copied, s, f, &b);
          g_assert_cmpint (a.difference, ==, b.difference);
        }
    }
  for (guint a = 0; a < 2; a++)
    {
      RdDistribution x, y;

      rd_comparison_get_distribution (taken, RD_COMPARISON_COLUMN_AREA, a, &x);
      rd_comparison_get_distribution (copied, RD_COMPARISON_COLUMN_AREA, a, &y);
      g_assert_cmpuint (x.n, ==, y.n);
      g_assert_cmpfloat (x.median, ==, y.median);
    }
}

/* Against the plainest sort there is, on random numbers with many ties,
 * negatives, zeros, the whole range of doubles and every length from 0
 * up to well past the insertion sort's limit. */
static void
selection_sort (double *values,
                gsize   n)
{
  for (gsize i = 0; i + 1 < n; i++)
    for (gsize j = i + 1; j < n; j++)
      if (values[j] < values[i])
        {
          double smaller = values[j];

          values[j] = values[i];
          values[i] = smaller;
        }
}

static void
test_sort_doubles (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (gsize n = 0; n < 2000; n += (n < 100 ? 1 : 37))
    {
      g_autofree double *values = g_new (double, MAX (n, 1));
      g_autofree double *expected = g_new (double, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        values[i] = expected[i] = (i % 3 == 0) ? g_rand_int_range (rand, -5, 5)
                                  : (i % 3 == 1) ? g_rand_double_range (rand, -100, 100)
                                                 : g_rand_double_range (rand, -1e300, 1e300);
      selection_sort (expected, n);
      rd_sort_doubles (values, n);
      for (gsize i = 0; i < n; i++)
        g_assert_cmpfloat (values[i], ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/sort-doubles", test_sort_doubles);
  g_test_add_func ("/comparison/quantile-method", test_quantile_method);
  g_test_add_func ("/comparison/distributions", test_distributions);
  g_test_add_func ("/comparison/below-target", test_below_target);
  g_test_add_func ("/comparison/others-distribution", test_others_distribution);
  g_test_add_func ("/comparison/sort", test_sort);
  g_test_add_func ("/comparison/sort/same-name", test_sort_same_name);
  g_test_add_func ("/comparison/meaningful-differences", test_meaningful_differences);
  g_test_add_func ("/comparison/filter", test_filter);
  g_test_add_func ("/comparison/keeps-a-copy", test_keeps_a_copy);
  g_test_add_func ("/comparison/takes-the-schools", test_takes_the_schools);

  return g_test_run ();
}
