#pragma once

#include <glib.h>

#include "rd-store.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* A workshop round that is under way, kept in a small file outside the
 * database so that it survives quitting: the next start resumes it at the
 * hand-over screen. Nothing in it names a person. */
typedef struct
{
  char *database_path;
  char *assessment_uuid;
  gboolean groups[RD_N_GROUPS];
  guint n_participants;
} RdWorkshopRound;

/* The largest state file read back; a real one has a few hundred bytes. */
#define RD_WORKSHOP_ROUND_MAX_FILE_SIZE 4096

RdWorkshopRound *rd_workshop_round_new       (const char            *database_path,
                                              const char            *assessment_uuid,
                                              const gboolean         groups[RD_N_GROUPS],
                                              guint                  n_participants);
void             rd_workshop_round_free      (RdWorkshopRound       *round);

/* Where the round of the database at @database_path is kept: one file per
 * database under the user's state folder ($XDG_STATE_HOME/readiness). */
char            *rd_workshop_round_path_for  (const char            *database_path);
gboolean         rd_workshop_round_save      (const RdWorkshopRound *round,
                                              const char            *path,
                                              GError               **error);
/* The round kept at @path; NULL and no error when there is none. */
RdWorkshopRound *rd_workshop_round_load      (const char            *path,
                                              GError               **error);
gboolean         rd_workshop_round_forget    (const char            *path,
                                              GError               **error);

/* The draft assessment of @store the round belongs to, or 0 when the round
 * is of another database or its assessment is gone or complete. */
gint64           rd_workshop_round_find_assessment (const RdWorkshopRound *round,
                                                    RdStore               *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdWorkshopRound, rd_workshop_round_free)

G_END_DECLS
