#pragma once

#include <adwaita.h>

#include "rd-exchange.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_REGION_COMMANDS (rd_region_commands_get_type ())

G_DECLARE_FINAL_TYPE (RdRegionCommands, rd_region_commands, RD, REGION_COMMANDS, GSimpleActionGroup)

/* The "region" commands (a GActionGroup; "actions" in this code are the
 * action plan's, RdAction): import-files and import-folder (schools' exchange
 * files, in a worker thread with progress and Cancel), export-school (x,
 * a school id: its exchange file, with answers or scores only). */
RdRegionCommands *rd_region_commands_new          (RdStore             *store,
                                                   RdFramework         *framework,
                                                   GtkWidget           *owner);

/* Imports @files (files or folders) without asking, as the menu does: as
 * an RdJob, then how it went in a dialog. */
void             rd_region_commands_import_and_report (RdRegionCommands *self,
                                                       GFile * const    *files,
                                                       guint             n_files);

/* Writes @school_id's exchange file without asking. */
gboolean         rd_region_commands_export_school (RdRegionCommands    *self,
                                                   gint64               school_id,
                                                   RdExchangeContent    content,
                                                   gboolean             with_evidence,
                                                   const char          *path,
                                                   GError             **error);

G_END_DECLS
