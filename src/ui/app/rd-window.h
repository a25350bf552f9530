#pragma once

#include <adwaita.h>

#include "rd-region-commands.h"

#include "rd-assessment-view.h"
#include "rd-framework.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_WINDOW (rd_window_get_type ())

G_DECLARE_FINAL_TYPE (RdWindow, rd_window, RD, WINDOW, AdwApplicationWindow)

RdWindow  *rd_window_new                (GtkApplication *application,
                                         RdStore        *store,
                                         RdFramework    *framework);
void       rd_window_select_school      (RdWindow       *self,
                                         gint64          school_id);
void       rd_window_import_files       (RdWindow       *self,
                                         GFile * const  *files,
                                         guint           n_files);
gboolean   rd_window_is_in_round        (RdWindow       *self);
gboolean   rd_window_may_quit           (RdWindow       *self);
void       rd_window_close_without_asking (RdWindow     *self);
void       rd_window_ask_before_quitting (RdWindow      *self,
                                         gboolean        quit_application);

G_END_DECLS
