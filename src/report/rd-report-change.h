#pragma once

#include "rd-change.h"
#include "rd-report-document.h"

G_BEGIN_DECLS

/* The report's "What Moved" section: the change since the previous school
 * year with its test, and last year's done actions with the change of
 * their questions; the same lines as the Results page and the action plan. */
void rd_report_add_change (RdReportDocument *doc,
                           RdChange         *change,
                           GPtrArray        *done_actions);

G_END_DECLS
