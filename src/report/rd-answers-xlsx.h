#pragma once

#include <gio/gio.h>

#include "rd-framework.h"

G_BEGIN_DECLS

/* The answers, results and action plan of one assessment as an Excel
 * workbook (data/formats/ANSWERS-XLSX.md): sheets "Answers" (laid out as
 * the CSV export, groups below the anonymity threshold withheld),
 * "Items", "Factors" and "Actions", names and headers in the UI language.
 *
 * Take the snapshot on the main thread, then write it from a worker
 * thread: the snapshot copies the answers and actions and never changes,
 * and writing needs no GTK. */

#define RD_ANSWERS_XLSX_FORMAT 2

typedef struct _RdAnswersXlsx RdAnswersXlsx;

#define RD_TYPE_ANSWERS_XLSX (rd_answers_xlsx_get_type ())

GType          rd_answers_xlsx_get_type (void) G_GNUC_CONST;

/* @answers: of RdAnswer; @targets: NULL for the framework's defaults;
 * @actions: of RdAction, or NULL for none; @anonymity_threshold as for
 * rd_answers_table_new(), clamped to the limits of rd-anonymity.h. */
RdAnswersXlsx *rd_answers_xlsx_new      (RdFramework      *framework,
                                         RdAssessmentMode  mode,
                                         GPtrArray        *answers,
                                         const double     *targets,
                                         GPtrArray        *actions,
                                         guint             anonymity_threshold);
/* The items' commentary (item id → text) and evidence (of RdEvidence),
 * copied, for the Items sheet's last two columns; before the snapshot is
 * handed to a worker. Without it those columns stay empty. */
void           rd_answers_xlsx_set_evidence (RdAnswersXlsx *content,
                                         GHashTable       *commentaries,
                                         GPtrArray        *evidence);
RdAnswersXlsx *rd_answers_xlsx_ref      (RdAnswersXlsx    *content);
void           rd_answers_xlsx_unref    (RdAnswersXlsx    *content);

/* Writes the workbook to @path through a temporary file beside it (see
 * rd-export-file.h): on an error or a cancel an existing @path is left as
 * it was. The error, in G_IO_ERROR, names @path and what failed. */
gboolean       rd_answers_xlsx_write    (const char           *path,
                                         const RdAnswersXlsx  *content,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAnswersXlsx, rd_answers_xlsx_unref)

G_END_DECLS
