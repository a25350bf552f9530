#pragma once

#include "rd-action-plan-page.h"

G_BEGIN_DECLS

/* How many actions the page lists: for the tests. */
guint           rd_action_plan_page_get_n_actions (RdActionPlanPage *self);

G_END_DECLS
