#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_DIALOG (rd_evidence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdEvidenceDialog, rd_evidence_dialog, RD, EVIDENCE_DIALOG, AdwWindow)

/* The commentary and evidence of one item of @assessment_id: the
 * commentary is saved when the dialog closes, evidence as it is added,
 * edited or removed (with undo). Read-only when @editable is FALSE (a
 * complete assessment). A location is opened only when its Open button
 * is clicked, by the system's handler (through the portal in a sandbox). */
RdEvidenceDialog *rd_evidence_dialog_new (GtkWindow   *parent,
                                          RdStore     *store,
                                          gint64       assessment_id,
                                          RdItem      *item,
                                          gboolean     editable);

G_END_DECLS
