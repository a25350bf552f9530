#pragma once

#include "rd-comparison.h"

G_BEGIN_DECLS

/* Three schools of the small framework (areas alpha and beta), given out
 * of alphabetical order; NAN is unknown. Targets are 60 but the
 * formula-like name's investment 70.
 *
 *  school       region type       n   strategy engagement capacity investment  alpha beta
 *  Zuidschool   South  secondary   1  30       —          —        90          —     0
 *  =SUM(A1,A2)  North  primary    16  80 (4)   50 (8)     —        70.25       75    —
 *  Tulpschool   North  primary    25  62.5 (25) 58 (25)   45 (10)  33.3        12.5  100
 *
 * (in brackets the spread of the respondents' readiness; none: unknown).
 * With 16 respondents a spread of 4 gives a 95 % interval of ±1.96, 8
 * gives ±3.92; with 25 a spread of 25 gives ±9.8. So the formula-like
 * name's strategy is higher than the others' median 46.25, its engagement
 * lower than 58; Tulpschool differs by 7.5 and 8, within ±9.8: not
 * different. Zuidschool has one respondent, capacity no second school,
 * investment no spreads: not tested. The formula-like name sorts first in
 * any locale. The schools' ids are 1, 2, 3 in this order. */
enum {
  RD_TEST_ZUIDSCHOOL,
  RD_TEST_FORMULA,
  RD_TEST_TULPSCHOOL,
  RD_TEST_N_SCHOOLS
};

RdComparison *rd_test_three_schools (void);

G_END_DECLS
