#pragma once

#include "rd-action-plan-page.h"

G_BEGIN_DECLS

/* How many actions the page lists: for the tests. */
guint           rd_action_plan_page_get_n_actions (RdActionPlanPage *self);
/* How many of last year's done actions it shows with their change. */
guint           rd_action_plan_page_get_n_closed  (RdActionPlanPage *self);

G_END_DECLS
