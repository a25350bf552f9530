#pragma once

#include <gtk/gtk.h>

#include "rd-framework.h"

G_BEGIN_DECLS

#define RD_TYPE_REVIEW_PAGE (rd_review_page_get_type ())

G_DECLARE_FINAL_TYPE (RdReviewPage, rd_review_page, RD, REVIEW_PAGE, GtkWidget)

/* What is left to answer, area by area, with links to each item, and the
 * button that marks the assessment complete (or reopens it). */
GtkWidget *rd_review_page_new           (void);
void       rd_review_page_update        (RdReviewPage       *self,
                                         RdFramework        *framework,
                                         RdAssessmentMode    mode,
                                         int                 group,
                                         GHashTable         *answered,
                                         RdAssessmentStatus  status);
/* The school's own questions (of RdOwnQuestion), listed after the areas. */
void       rd_review_page_set_own_questions (RdReviewPage   *self,
                                         GPtrArray          *questions);

/* Which items have evidence (item id → count, as
 * rd_store_count_evidence_by_item() gives): the others are listed, after
 * the unanswered ones, at the next update. NULL: no such list. */
void       rd_review_page_set_evidence  (RdReviewPage       *self,
                                         GHashTable         *counts);

G_END_DECLS
