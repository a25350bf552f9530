#pragma once

#include "rd-compare-window.h"

G_BEGIN_DECLS

/* For the tests: what the window shows. */
/* The schools shown: the school year's, filtered; NULL when there are
 * no assessments. */
RdComparison  *rd_compare_window_get_comparison   (RdCompareWindow  *self);
/* NULL: all regions; RD_SCHOOL_TYPE_UNSET: all types. */
const char    *rd_compare_window_get_region       (RdCompareWindow  *self);
RdSchoolType   rd_compare_window_get_school_type  (RdCompareWindow  *self);
/* Of RdSchoolChange: the schools in this year and the one listed before it;
 * NULL when there is no earlier year. */
GPtrArray     *rd_compare_window_get_moved        (RdCompareWindow  *self);
/* "factors" or "areas" */
const char    *rd_compare_window_get_view         (RdCompareWindow  *self);

G_END_DECLS
