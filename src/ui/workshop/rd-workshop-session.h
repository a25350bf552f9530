#pragma once

#include <glib-object.h>

#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_WORKSHOP_SESSION (rd_workshop_session_get_type ())

G_DECLARE_FINAL_TYPE (RdWorkshopSession, rd_workshop_session, RD, WORKSHOP_SESSION, GObject)

/* Who answers an assessment on this device. Outside a round, the
 * facilitator. In a workshop round the participants answer one after
 * another, each as a new anonymous respondent of a group taking part;
 * between two of them (the hand-over) nobody does. A round is kept in a
 * file (RdWorkshopRound) so that it survives quitting.
 *
 * "respondent-id" is whose answers the questionnaire shows: the
 * facilitator's, a participant's, or 0 at the hand-over. Each step
 * (begin, join, hand over, end) changes it once, when the rest of the step
 * is done. "active" turns TRUE before the first step of a round is
 * announced, and FALSE after the facilitator is back. */
RdWorkshopSession *rd_workshop_session_new               (RdStore           *store,
                                                          RdFramework       *framework,
                                                          RdAssessment      *assessment,
                                                          gint64             facilitator_id);
/* Starts a round of @groups at the hand-over, with @n_participants who
 * answered already (a round resumed); FALSE when one is under way. */
gboolean           rd_workshop_session_begin             (RdWorkshopSession *self,
                                                          const gboolean     groups[RD_N_GROUPS],
                                                          guint              n_participants);
/* A new anonymous respondent of @group answers; FALSE without an error
 * when @group cannot join now (rd_workshop_session_can_join()). */
gboolean           rd_workshop_session_join              (RdWorkshopSession *self,
                                                          RdGroup            group,
                                                          GError           **error);
/* The participant is done: back to the hand-over. */
gboolean           rd_workshop_session_hand_over         (RdWorkshopSession *self);
/* Ends the round at the hand-over; the facilitator answers again. */
gboolean           rd_workshop_session_end               (RdWorkshopSession *self);
/* From now on the round is kept in @path (NULL: not kept). */
void               rd_workshop_session_set_file          (RdWorkshopSession *self,
                                                          const char        *path);

gboolean           rd_workshop_session_is_active         (RdWorkshopSession *self);
gboolean           rd_workshop_session_is_handing_over   (RdWorkshopSession *self);
gint64             rd_workshop_session_get_respondent    (RdWorkshopSession *self);
guint              rd_workshop_session_get_n_participants (RdWorkshopSession *self);
gboolean           rd_workshop_session_is_participating  (RdWorkshopSession *self,
                                                          RdGroup            group);
/* Whether the assessment asks @group anything at all. */
gboolean           rd_workshop_session_asks              (RdWorkshopSession *self,
                                                          RdGroup            group);
gboolean           rd_workshop_session_can_join          (RdWorkshopSession *self,
                                                          RdGroup            group);

G_END_DECLS
