#pragma once

#include <adwaita.h>

#include "rd-store.h"
#include "rd-survey-import.h"

G_BEGIN_DECLS

/* The two long steps of importing a survey export, each in a worker
 * thread with a delayed progress window and Cancel: reading the file
 * (once; the mapping step then works on what was read), and storing it
 * into the assessment in one transaction on a database connection of
 * the worker's own. A cancelled or failed store leaves the database as
 * it was; a finished one is announced on @store, the caller's
 * connection, so that its views update. */
void            rd_survey_import_job_read         (GFile               *file,
                                                   RdFramework         *framework,
                                                   GtkWindow           *parent,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
RdSurveyImport *rd_survey_import_job_read_finish  (GAsyncResult        *result,
                                                   GError             **error);

void            rd_survey_import_job_store        (RdSurveyImport      *survey,
                                                   RdStore             *store,
                                                   gint64               assessment_id,
                                                   GtkWindow           *parent,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* The number of respondents stored, or 0 and an error. */
guint           rd_survey_import_job_store_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
