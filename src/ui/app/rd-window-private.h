#pragma once

#include "rd-window.h"

G_BEGIN_DECLS

/* For the tests: what the window shows and holds. */
gint64     rd_window_get_selected_school (RdWindow      *self);
GtkWindow *rd_window_get_dialog         (RdWindow       *self);
RdAssessmentView *rd_window_get_assessment_view (RdWindow *self);
RdRegionCommands *rd_window_get_region_commands (RdWindow *self);

G_END_DECLS
