#pragma once

#include <glib-object.h>

#include "rd-types.h"

G_BEGIN_DECLS

/* A staff member of the school's professional-learning log: a name or a
 * pseudonym the school chooses. Only leaders, teachers and support staff
 * are staff. Dates are "YYYY-MM-DD" or NULL (always there / still here). */
typedef struct
{
  gint64 id;            /* 0 for one not stored yet */
  gint64 school_id;
  const char *name;
  RdGroup group;
  const char *joined;
  const char *departed;
  guint n_activities;   /* not in the trash; filled in by lists */
} RdStaffMemberInfo;

#define RD_TYPE_STAFF_MEMBER (rd_staff_member_get_type ())

G_DECLARE_FINAL_TYPE (RdStaffMember, rd_staff_member, RD, STAFF_MEMBER, GObject)

RdStaffMember *rd_staff_member_new             (const RdStaffMemberInfo *info);
gint64         rd_staff_member_get_id          (RdStaffMember *self);
gint64         rd_staff_member_get_school_id   (RdStaffMember *self);
const char    *rd_staff_member_get_name        (RdStaffMember *self);
RdGroup        rd_staff_member_get_group       (RdStaffMember *self);
const char    *rd_staff_member_get_joined      (RdStaffMember *self);
const char    *rd_staff_member_get_departed    (RdStaffMember *self);
guint          rd_staff_member_get_n_activities (RdStaffMember *self);
/* Borrowed fields of @self, for editing a copy. */
void           rd_staff_member_get_info        (RdStaffMember     *self,
                                                RdStaffMemberInfo *info);

/* Whether @group is one a staff member can belong to. */
gboolean       rd_staff_group_is_valid         (RdGroup            group);
/* The rule of the log, in one place: on the log on @day (a Julian day)
 * when joined on or before it (or never said) and not departed by then. */
gboolean       rd_staff_member_info_is_on_log  (const RdStaffMemberInfo *info,
                                                guint32            day);
/* The name (required), group and dates checked; RD_STORE_ERROR_INVALID
 * with a sentence that says what is wrong. */
gboolean       rd_staff_member_info_validate   (const RdStaffMemberInfo *info,
                                                GError           **error);

G_END_DECLS
