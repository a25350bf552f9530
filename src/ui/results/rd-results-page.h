#pragma once

#include <gtk/gtk.h>

#include "rd-results.h"

G_BEGIN_DECLS

#define RD_TYPE_RESULTS_PAGE (rd_results_page_get_type ())

G_DECLARE_FINAL_TYPE (RdResultsPage, rd_results_page, RD, RESULTS_PAGE, GtkWidget)

/* Where the school stands on the four success factors, against its
 * targets: factor rows with editable targets, charts with a table
 * alternative and export, and the items to work on first. */
GtkWidget   *rd_results_page_new          (RdStore        *store,
                                           RdFramework    *framework,
                                           gint64          assessment_id);
gboolean     rd_results_page_reload       (RdResultsPage  *self,
                                           GError        **error);

G_END_DECLS
