#pragma once

#include <glib-object.h>

#include "rd-answer.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* One anonymous person's answers to an assessment, before they are stored:
 * a row of a survey export, or a response file. Only the group says who
 * answered; a pseudonym is kept only when someone typed one. */
typedef struct
{
  RdGroup group;
  char *pseudonym;
  GPtrArray *answers;  /* of RdAnswer; respondent_id unused, item_version set */
  guint n_left_out;    /* answers read but left out: their items are not asked of the group */
} RdResponse;

#define RD_TYPE_RESPONSE (rd_response_get_type ())

GType       rd_response_get_type   (void) G_GNUC_CONST;
RdResponse *rd_response_new        (RdGroup           group);
RdResponse *rd_response_copy       (const RdResponse *response);
void        rd_response_free       (RdResponse       *response);
RdAnswer   *rd_response_add_answer (RdResponse       *response,
                                    const char       *item_id,
                                    guint             item_version);
guint       rd_response_leave_out_unasked (RdResponse *response,
                                           RdFramework *framework);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdResponse, rd_response_free)

G_END_DECLS
