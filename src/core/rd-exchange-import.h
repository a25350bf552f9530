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
  guint n_respondents;      /* of the files stored; a summary's as it says */
  GPtrArray *rejected;      /* of GError, one per file set aside: "FILE: PLACE: PROBLEM" */
  GPtrArray *notices;       /* of char *: what the stored files lacked and was assumed */
  GHashTable *schools;      /* uuid → GINT_TO_POINTER (new), of the schools stored */
} RdExchangeImportResult;

typedef void (*RdExchangeImportProgress) (guint    done,
                                          guint    total,
                                          gpointer user_data);

/* Reads and checks one of the files given to rd_exchange_import_full(),
 * on the reading thread; @name is set to the file's name as messages show
 * it, whatever the outcome. */
typedef RdExchangeSchool *(*RdExchangeImportLoad) (gpointer       file,
                                                   RdFramework   *framework,
                                                   char         **name,
                                                   GError       **error);

/* Told of each file set aside, when it is, in file order. */
typedef void (*RdExchangeImportRejected) (const GError *error,
                                          gpointer      user_data);

/* The store, opened when the first good file is to be stored: files that
 * are all bad leave no empty database behind. */
typedef RdStore *(*RdExchangeImportOpenStore) (gpointer   user_data,
                                               GError   **error);

typedef struct
{
  RdExchangeImportLoad load;               /* NULL: @files are GFiles, read by rd_exchange_load () */
  RdExchangeImportOpenStore open_store;    /* NULL: the store given is used */
  RdExchangeImportRejected rejected;       /* may be NULL */
  RdExchangeImportProgress progress;       /* may be NULL */
  gpointer user_data;
} RdExchangeImportHooks;

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

/* The one importer of the app and the command line. @store may be NULL
 * when @hooks open it. A file is read on a second thread while the one
 * before is stored. On failure @result still tells what was stored. */
gboolean   rd_exchange_import_full   (RdStore                     *store,
                                      RdFramework                 *framework,
                                      GPtrArray                   *files,
                                      const RdExchangeImportHooks *hooks,
                                      GCancellable                *cancellable,
                                      RdExchangeImportResult      *result,
                                      GError                     **error);

void       rd_exchange_import_result_clear (RdExchangeImportResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdExchangeImportResult, rd_exchange_import_result_clear)

G_END_DECLS
