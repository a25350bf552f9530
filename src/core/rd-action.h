#pragma once

#include <glib-object.h>

#include "rd-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;                      /* 0 for an action not stored yet */
  gint64 assessment_id;
  const char *title;
  RdFactor factor;
  const char * const *item_ids;   /* linked framework items, NULL-terminated; NULL: none */
  const char *owner;              /* NULL or "": nobody named yet */
  const char *due;                /* ISO 8601 date "2027-03-31"; NULL or "": no due date */
  RdActionStatus status;
  const char *criterion;          /* how the school will know it worked */
  const char *notes;
  const char *carried_from;       /* the school year it was carried over from, or NULL */
  gint64 created;                 /* unix time */
} RdActionInfo;

#define RD_TYPE_ACTION (rd_action_get_type ())

G_DECLARE_FINAL_TYPE (RdAction, rd_action, RD, ACTION, GObject)

/* A snapshot of one action of an assessment's action plan. */
RdAction           *rd_action_new              (const RdActionInfo *info);
gint64              rd_action_get_id           (RdAction *self);
gint64              rd_action_get_assessment_id (RdAction *self);
const char         *rd_action_get_title        (RdAction *self);
RdFactor            rd_action_get_factor       (RdAction *self);
const char * const *rd_action_get_item_ids     (RdAction *self);
const char         *rd_action_get_owner        (RdAction *self);
const char         *rd_action_get_due          (RdAction *self);
RdActionStatus      rd_action_get_status       (RdAction *self);
const char         *rd_action_get_criterion    (RdAction *self);
const char         *rd_action_get_notes        (RdAction *self);
const char         *rd_action_get_carried_from (RdAction *self);
gint64              rd_action_get_created      (RdAction *self);
/* Borrowed fields of @self, for editing a copy: change some, then save. */
void                rd_action_get_info         (RdAction     *self,
                                                RdActionInfo *info);

gboolean            rd_action_due_is_valid     (const char   *due);

G_END_DECLS
