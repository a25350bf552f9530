#pragma once

#include <gtk/gtk.h>

#include "rd-workshop-session.h"

G_BEGIN_DECLS

#define RD_TYPE_HANDOVER_PAGE (rd_handover_page_get_type ())

G_DECLARE_FINAL_TYPE (RdHandoverPage, rd_handover_page, RD, HANDOVER_PAGE, GtkWidget)

/* Between two participants of @session's round: a button to join for each
 * group taking part (off for a group the assessment asks nothing), and End
 * the Round. The buttons activate "assessment.join" and
 * "assessment.end-round"; focus goes to the first group's. */
GtkWidget *rd_handover_page_new (RdWorkshopSession *session);

G_END_DECLS
