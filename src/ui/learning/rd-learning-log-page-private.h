#pragma once

#include "rd-learning-log-page.h"

G_BEGIN_DECLS

/* For the tests: the dialogs the page opens, as it opens them. */
GtkWindow *rd_learning_log_page_edit_staff    (RdLearningLogPage *self,
                                               gint64             staff_id);
GtkWindow *rd_learning_log_page_edit_activity (RdLearningLogPage *self,
                                               gint64             staff_id,
                                               gint64             activity_id);

/* Imports @file as "Import from CSV…" does once it is chosen. */
void       rd_learning_log_page_import_file   (RdLearningLogPage *self,
                                               GFile             *file);

G_END_DECLS
