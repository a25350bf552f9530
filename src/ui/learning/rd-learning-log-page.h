#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_LEARNING_LOG_PAGE (rd_learning_log_page_get_type ())

G_DECLARE_FINAL_TYPE (RdLearningLogPage, rd_learning_log_page, RD, LEARNING_LOG_PAGE, GtkWidget)

/* A school's professional-learning log: its staff, their learning
 * activities, and the figures the assessments take from it. Emits
 * "close" when the user goes back to the school. */
GtkWidget *rd_learning_log_page_new (RdStore     *store,
                                     RdFramework *framework,
                                     gint64       school_id,
                                     const char  *school_name);

G_END_DECLS
