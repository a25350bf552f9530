#pragma once

#include <glib-object.h>

#include "rd-answer.h"

G_BEGIN_DECLS

/* One anonymous person's answers to an assessment, before they are stored:
 * a row of a survey export, or a response file. Only the group says who
 * answered; a pseudonym is kept only when someone typed one. */
typedef struct
{
  RdGroup group;
  char *pseudonym;
  GPtrArray *answers;  /* of RdAnswer; respondent_id unused, item_version set */
} RdResponse;

#define RD_TYPE_RESPONSE (rd_response_get_type ())

GType       rd_response_get_type   (void) G_GNUC_CONST;
RdResponse *rd_response_new        (RdGroup           group);
RdResponse *rd_response_copy       (const RdResponse *response);
void        rd_response_free       (RdResponse       *response);
RdAnswer   *rd_response_add_answer (RdResponse       *response,
                                    const char       *item_id,
                                    guint             item_version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdResponse, rd_response_free)

G_END_DECLS
