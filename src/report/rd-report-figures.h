#pragma once

#include "rd-analysis.h"
#include "rd-own-results.h"

G_BEGIN_DECLS

/* Figures in words, shared by the results page and the PDF report, so that
 * both say the same. */

/* A fact's answers in its unit, "1000 Mbit/s" or "median 80 %, range
 * 70–90"; NULL for a statement or an item without a scored answer. */
char *rd_report_format_fact     (RdAnalysis      *analysis,
                                 RdItem          *item);

/* An item's score, with a fact's answers beside it: "100 (1000 Mbit/s)",
 * "62", or "–" when it has none. */
char *rd_report_format_item_score (RdAnalysis    *analysis,
                                   RdItem        *item);

/* Under a priority, the figures its rank comes from: "Investment · score 40
 * (45 %) · target 65 · gap 25 × weight 1.5 = weighted gap 38". */
char *rd_report_format_priority (RdAnalysis      *analysis,
                                 const RdItemGap *gap);

/* Texts the two share: what the priorities are and how they are ranked,
 * what the facts list shows, and what "±" means beside a group's score. */
const char *rd_report_priorities_intro   (void);
const char *rd_report_priorities_ranking (void);
const char *rd_report_facts_intro        (void);
const char *rd_report_spread_key         (void);
/* What the section of the school's own questions is, and that they count
 * in no figure of the framework. */
const char *rd_report_own_questions_intro (void);

/* Why a question shows "too few answers": "With answers from several
 * people, a question's figures are shown once at least 3 answered it, …" */
char *rd_report_own_questions_hidden_note (guint threshold);

/* One own question's figures in a line: "mean 3.8, median 4: Agree · 12
 * answers · score 70", or "too few answers". */
char *rd_report_format_own_result (const RdOwnResult *result);

G_END_DECLS
