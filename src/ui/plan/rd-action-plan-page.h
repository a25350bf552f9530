#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_ACTION_PLAN_PAGE (rd_action_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (RdActionPlanPage, rd_action_plan_page, RD, ACTION_PLAN_PAGE, GtkWidget)

/* An assessment's action plan: its actions by status, each opening an
 * editor; deleting one can be undone from a toast. */
GtkWidget      *rd_action_plan_page_new          (RdStore          *store,
                                                  RdFramework      *framework,
                                                  RdAssessment     *assessment);
GtkWindow      *rd_action_plan_page_edit         (RdActionPlanPage *self,
                                                  gint64            action_id);
/* A new action drafted from a priority gap: stored at once, then opened. */
gint64          rd_action_plan_page_draft_from_item (RdActionPlanPage *self,
                                                  RdItem           *item,
                                                  RdFactor          factor,
                                                  GError          **error);

#define RD_ACTION_PLAN_PAGE_NAME "action-plan"

G_END_DECLS
