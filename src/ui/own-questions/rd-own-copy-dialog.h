#pragma once

#include <adwaita.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* For an advisor with many schools in one database: copies an
 * assessment's own questions to the assessments of the same school year of
 * the other schools the user ticks (all by default), then says what
 * happened. NULL, with a dialog that says why, when there is no other
 * school to copy to. The dialog closes itself. */
GtkWindow *rd_own_copy_dialog_new         (GtkWindow              *parent,
                                           RdStore                *store,
                                           RdFramework            *framework,
                                           gint64                  assessment_id,
                                           const char             *school_year);
/* "4 questions were added to the assessments of 2 schools. …" */
char      *rd_own_copy_describe_result    (const RdOwnCopyResult  *result);

G_END_DECLS
