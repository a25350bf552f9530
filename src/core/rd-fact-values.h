#pragma once

#include <glib.h>

#include "rd-analysis.h"
#include "rd-item.h"

G_BEGIN_DECLS

/* A fact's answers as people read them, in its unit, for the screen and the
 * report alike: "1000 Mbit/s", "Yes", "12 March 2025", and when the answers
 * differ, "answers differ: 100 and 1000 Mbit/s", "answers differ: median
 * 80 %, range 70–90", "answers differ: 2 of 3 yes", "answers differ:
 * median age 14 months, range 3–30". */
char *rd_fact_values_format (RdItem             *item,
                             const RdFactValues *values);
/* The value its score rests on, for a line that shows a change: as above
 * where the answers agree, else "18.5 % (median)". */
char *rd_fact_values_format_scored (RdItem             *item,
                                    const RdFactValues *values);

/* A figure with at most two decimals, in the marks of the UI language:
 * "1000", "1.5" or "1,5", "12,500" or "12.500". */
char *rd_format_figure      (double              value);

G_END_DECLS
