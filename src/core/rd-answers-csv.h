#pragma once

#include <glib.h>

#include "rd-answer.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* The rows of an answer export, shared by the CSV and the xlsx writer:
 * one column per item of @mode in framework order, one row per respondent
 * who answered at least one of them, in the order @answers has them first.
 * A row's group is written only when RdGroupPlan shows that group on its
 * own among the rows of the table, so that nobody in a small group can be
 * picked out in a file that leaves the school: small groups are withheld
 * together with the group that RdGroupPlan combines them with, or all are
 * when only one other group would be left. @anonymity_threshold is
 * clamped to the limits of rd-anonymity.h (0 and 1 mean 2).
 * The table borrows @framework's items and the answers in @answers: keep
 * both alive while it is used. */
typedef struct _RdAnswersTable RdAnswersTable;

RdAnswersTable *rd_answers_table_new         (RdFramework          *framework,
                                              RdAssessmentMode      mode,
                                              GPtrArray            *answers,
                                              guint                 anonymity_threshold);
void            rd_answers_table_free        (RdAnswersTable       *table);
guint           rd_answers_table_get_n_items (const RdAnswersTable *table);
RdItem         *rd_answers_table_get_item    (const RdAnswersTable *table,
                                              guint                 column);
guint           rd_answers_table_get_n_rows  (const RdAnswersTable *table);
/* FALSE, and @group untouched, when the row's group is withheld. */
gboolean        rd_answers_table_get_group   (const RdAnswersTable *table,
                                              guint                 row,
                                              RdGroup              *group);
/* NULL when the row's respondent left the item unanswered. */
const RdAnswer *rd_answers_table_get_answer  (const RdAnswersTable *table,
                                              guint                 row,
                                              guint                 column);
/* Rows whose group is withheld, for telling the user. */
guint           rd_answers_table_get_n_withheld (const RdAnswersTable *table);
/* The threshold applied, clamped. */
guint           rd_answers_table_get_threshold  (const RdAnswersTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAnswersTable, rd_answers_table_free)

/* Every respondent's answers as CSV, the format RdSurveyImport reads back
 * (data/formats/ANSWERS-CSV.md): a header "respondent,group,<item id>…",
 * then one row per respondent of the table above, numbered from 1 (never
 * the database id), the group's id (empty when withheld: the import then
 * uses its default group), and per item its answer: statements 1–5,
 * numbers with a decimal point, "yes"/"no", ISO dates, "N/A" for not
 * applicable, empty when unanswered. A cell a spreadsheet would run as a
 * formula gets a leading apostrophe. UTF-8, CRLF line ends as RFC 4180
 * has them. */
char *rd_answers_csv_format (RdFramework      *framework,
                             RdAssessmentMode  mode,
                             GPtrArray        *answers,
                             guint             anonymity_threshold,
                             gsize            *length);

/* @cell made safe for a CSV file that spreadsheets open: quoted when it
 * holds a comma, quote or line break, and prefixed with an apostrophe when
 * it starts with = + - @ or a tab or carriage return. */
void  rd_answers_csv_append_cell (GString    *line,
                                  const char *cell);

G_END_DECLS
