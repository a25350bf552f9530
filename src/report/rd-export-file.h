#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files that leave the app (answer exports, the PDF report) are written
 * beside their target under a temporary name and renamed over it only
 * when complete, so that a full disk, a missing permission or a cancel
 * never leaves a half-written file or destroys the one already there.
 * A new file is created 0600 (it may hold a school's answers); a file
 * that is replaced keeps its permissions. A symbolic link at the target
 * is replaced, not followed. Errors are in G_IO_ERROR and read "Could not
 * write PATH: REASON". Safe to use from a worker thread. */

typedef struct _RdExportFile RdExportFile;

/* Creates the empty temporary file beside @path, or returns NULL and an
 * error naming @path (missing folder, no permission…). */
RdExportFile *rd_export_file_begin         (const char    *path,
                                            GError       **error);

/* Where to write the contents. Writers that open a file by name (cairo,
 * libxlsxwriter) may truncate and rewrite it: its mode stays 0600. */
const char   *rd_export_file_get_temp_path (RdExportFile  *self);

/* Flushes the temporary file to disk and renames it over the target.
 * Checks @cancellable first: once it returns TRUE the target is complete.
 * On FALSE the target is as it was; free @self to remove the temporary
 * file. */
gboolean      rd_export_file_commit        (RdExportFile  *self,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Removes the temporary file unless it was committed, and frees @self:
 * freeing without committing is how a writer gives up. */
void          rd_export_file_free          (RdExportFile  *self);

/* Writes @contents to @path atomically, as above. */
gboolean      rd_export_file_write_bytes   (const char    *path,
                                            GBytes        *contents,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Sets @error to "Could not write PATH: REASON" in G_IO_ERROR with @code,
 * for writers that fail in their own library (cairo, libxlsxwriter). */
void          rd_export_file_set_error     (GError       **error,
                                            const char    *path,
                                            GIOErrorEnum   code,
                                            const char    *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdExportFile, rd_export_file_free)

G_END_DECLS
