#pragma once

#include <adwaita.h>

#include "rd-exchange-import.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_REGION_ACTIONS (rd_region_actions_get_type ())

G_DECLARE_FINAL_TYPE (RdRegionActions, rd_region_actions, RD, REGION_ACTIONS, GSimpleActionGroup)

/* The "region" actions: import-files and import-folder (schools' exchange
 * files, in a worker thread with progress and Cancel), export-school (x,
 * a school id: its exchange file, with answers or scores only). */
RdRegionActions *rd_region_actions_new          (RdStore             *store,
                                                 RdFramework         *framework,
                                                 GtkWidget           *owner);

/* Imports @files (files or folders) without asking; @callback gets the
 * result from rd_region_actions_import_finish(). */
void             rd_region_actions_import       (RdRegionActions     *self,
                                                 GFile * const       *files,
                                                 guint                n_files,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         rd_region_actions_import_finish (RdRegionActions    *self,
                                                 GAsyncResult        *result,
                                                 RdExchangeImportResult *summary,
                                                 GError             **error);

void             rd_region_actions_import_and_report (RdRegionActions *self,
                                                 GFile * const       *files,
                                                 guint                n_files);

/* Writes @school_id's exchange file without asking. */
gboolean         rd_region_actions_export_school (RdRegionActions    *self,
                                                 gint64               school_id,
                                                 RdExchangeContent    content,
                                                 const char          *path,
                                                 GError             **error);

G_END_DECLS
