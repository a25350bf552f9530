#pragma once

#include "rd-review-page.h"

G_BEGIN_DECLS

/* How many items the review lists as unanswered, for the tests. */
guint rd_review_page_get_n_unanswered (RdReviewPage *self);

G_END_DECLS
