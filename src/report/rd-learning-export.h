#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The school's professional-learning log as it leaves the app, written
 * atomically (rd-export-file.h): the CSV of data/formats/LEARNING-LOG-CSV.md
 * (format 1), or an xlsx workbook with one sheet of the same columns and
 * rows. @staff: RdStaffMember, @activities: RdLearningActivity; with no
 * staff the CSV is the template. Safe in a worker thread. */
gboolean rd_learning_export_write_csv  (GPtrArray     *staff,
                                        GPtrArray     *activities,
                                        const char    *path,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean rd_learning_export_write_xlsx (GPtrArray     *staff,
                                        GPtrArray     *activities,
                                        const char    *path,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
