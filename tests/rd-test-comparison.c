#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-test-comparison.h"

static const struct {
  const char *name;
  const char *region;
  const char *school_type;
  guint       n_respondents;
  double      factor[RD_N_FACTORS];
  double      spread[RD_N_FACTORS];
  double      investment_target;
  double      area[2];
} school_rows[RD_TEST_N_SCHOOLS] = {
  /* name, region, type, respondents; strategy, engagement, capacity and
   * investment; their spreads; the investment target; alpha and beta. */
  { "Zuidschool",  "South", "secondary",  1, { 30, NAN, NAN, 90 },        { NAN, NAN, NAN, NAN }, 60, { NAN, 0 } },
  { "=SUM(A1,A2)", "North", "primary",   16, { 80, 50, NAN, 70.25 },      { 4, 8, NAN, NAN },     70, { 75, NAN } },
  { "Tulpschool",  "North", "primary",   25, { 62.5, 58, 45, 100.0 / 3 }, { 25, 25, 10, NAN },    60, { 12.5, 100 } },
};

RdComparison *
rd_test_three_schools (void)
{
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_school_scores_free);

  for (guint i = 0; i < G_N_ELEMENTS (school_rows); i++)
    {
      RdSchoolScores *school = rd_school_scores_new (G_N_ELEMENTS (school_rows[i].area));

      school->school_id = i + 1;
      school->assessment_id = 101 + i;
      school->school_name = g_strdup (school_rows[i].name);
      school->region = g_strdup (school_rows[i].region);
      g_assert_true (rd_school_type_from_id (school_rows[i].school_type, &school->school_type));
      school->n_respondents = school_rows[i].n_respondents;
      for (guint f = 0; f < RD_N_FACTORS; f++)
        {
          school->factor[f] = school_rows[i].factor[f];
          school->factor_spread[f] = school_rows[i].spread[f];
          school->target[f] = 60;
        }
      school->target[RD_FACTOR_INVESTMENT] = school_rows[i].investment_target;
      memcpy (school->area, school_rows[i].area, sizeof school_rows[i].area);
      g_ptr_array_add (schools, school);
    }
  return rd_comparison_new (schools, 2);
}
