#pragma once

#include <glib.h>

#include "rd-framework.h"

G_BEGIN_DECLS

/* Every respondent's answers as CSV, the format RdSurveyImport reads back:
 * a header "respondent,group,<item id>…" (the items of @mode in framework
 * order), then one row per respondent numbered from 1 (never the database
 * id), the group's id, and per item its answer: statements 1–5, numbers
 * with a decimal point, "yes"/"no", ISO dates, "N/A" for not applicable,
 * empty when unanswered. A cell a spreadsheet would run as a formula gets
 * a leading apostrophe. UTF-8, CRLF line ends as RFC 4180 has them. */
char *rd_answers_csv_format (RdFramework      *framework,
                             RdAssessmentMode  mode,
                             GPtrArray        *answers,
                             gsize            *length);

/* @cell made safe for a CSV file that spreadsheets open: quoted when it
 * holds a comma, quote or line break, and prefixed with an apostrophe when
 * it starts with = + - @ or a tab or carriage return. */
void  rd_answers_csv_append_cell (GString    *line,
                                  const char *cell);

G_END_DECLS
