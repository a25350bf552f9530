#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* Importing many schools' exchange files: each file is read and checked
 * whole, a bad one is set aside with its message and the others go on,
 * and the good ones are stored in batches, each batch all or nothing.
 * Cancelling keeps the batches already stored. The app runs it in a
 * worker thread on a store of its own; the command line directly. */

typedef struct
{
  guint n_files;            /* exchange files found */
  guint n_imported;         /* files stored */
  guint n_schools;          /* distinct schools stored: two files of one school count once */
  guint n_schools_new;      /* of them, schools the database did not have yet */
  guint n_assessments;
  GPtrArray *rejected;      /* of GError, one per file set aside: "FILE: PLACE: PROBLEM" */
  GPtrArray *notices;       /* of char *: what the stored files lacked and was assumed */
  GHashTable *schools;      /* uuid → GINT_TO_POINTER (new), of the schools stored */
} RdExchangeImportResult;

typedef void (*RdExchangeImportProgress) (guint    done,
                                          guint    total,
                                          gpointer user_data);

/* The *.readiness files of @files, directories searched recursively, in
 * name order. */
GPtrArray *rd_exchange_collect_files (GFile * const            *files,
                                      guint                     n_files,
                                      GError                  **error);

gboolean   rd_exchange_import_files  (RdStore                  *store,
                                      RdFramework              *framework,
                                      GPtrArray                *files,
                                      GCancellable             *cancellable,
                                      RdExchangeImportProgress  progress,
                                      gpointer                  user_data,
                                      RdExchangeImportResult   *result,
                                      GError                  **error);

void       rd_exchange_import_result_clear (RdExchangeImportResult *result);

G_END_DECLS
