#pragma once

#include "rd-review-page.h"

G_BEGIN_DECLS

/* How many items the review lists as unanswered, for the tests. */
guint rd_review_page_get_n_unanswered (RdReviewPage *self);
/* How many items it lists as having no evidence. */
guint rd_review_page_get_n_without_evidence (RdReviewPage *self);

G_END_DECLS
