#define G_LOG_DOMAIN "rd-staff-member"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-errors.h"
#include "rd-staff-member.h"

struct _RdStaffMember
{
  GObject parent_instance;

  gint64 id;
  gint64 school_id;
  char *name;
  RdGroup group;
  char *joined;
  char *departed;
  guint n_activities;
};

G_DEFINE_FINAL_TYPE (RdStaffMember, rd_staff_member, G_TYPE_OBJECT)

static void
rd_staff_member_finalize (GObject *object)
{
  RdStaffMember *self = RD_STAFF_MEMBER (object);

  g_free (self->name);
  g_free (self->joined);
  g_free (self->departed);

  G_OBJECT_CLASS (rd_staff_member_parent_class)->finalize (object);
}

static void
rd_staff_member_class_init (RdStaffMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_staff_member_finalize;
}

static void
rd_staff_member_init (RdStaffMember *self)
{
}

static char *
dup_text (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

RdStaffMember *
rd_staff_member_new (const RdStaffMemberInfo *info)
{
  RdStaffMember *self = g_object_new (RD_TYPE_STAFF_MEMBER, NULL);

  self->id = info->id;
  self->school_id = info->school_id;
  self->name = g_strdup (info->name ? info->name : "");
  self->group = info->group;
  self->joined = dup_text (info->joined);
  self->departed = dup_text (info->departed);
  self->n_activities = info->n_activities;
  return self;
}

gint64
rd_staff_member_get_id (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), 0);
  return self->id;
}

gint64
rd_staff_member_get_school_id (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), 0);
  return self->school_id;
}

const char *
rd_staff_member_get_name (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), NULL);
  return self->name;
}

RdGroup
rd_staff_member_get_group (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), RD_GROUP_TEACHER);
  return self->group;
}

const char *
rd_staff_member_get_joined (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), NULL);
  return self->joined;
}

const char *
rd_staff_member_get_departed (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), NULL);
  return self->departed;
}

guint
rd_staff_member_get_n_activities (RdStaffMember *self)
{
  g_return_val_if_fail (RD_IS_STAFF_MEMBER (self), 0);
  return self->n_activities;
}

void
rd_staff_member_get_info (RdStaffMember     *self,
                          RdStaffMemberInfo *info)
{
  g_return_if_fail (RD_IS_STAFF_MEMBER (self));

  *info = (RdStaffMemberInfo) {
    .id = self->id,
    .school_id = self->school_id,
    .name = self->name,
    .group = self->group,
    .joined = self->joined,
    .departed = self->departed,
    .n_activities = self->n_activities,
  };
}

gboolean
rd_staff_group_is_valid (RdGroup group)
{
  return group == RD_GROUP_LEADER || group == RD_GROUP_TEACHER || group == RD_GROUP_SUPPORT_STAFF;
}

gboolean
rd_staff_member_info_is_on_log (const RdStaffMemberInfo *info,
                                guint32                  day)
{
  guint32 joined = info->joined ? rd_day_from_iso (info->joined) : 0;
  guint32 departed = info->departed ? rd_day_from_iso (info->departed) : 0;

  return (joined == 0 || joined <= day) && (departed == 0 || departed > day);
}

static gboolean
is_day_or_none (const char *iso)
{
  return iso == NULL || *iso == '\0' || rd_day_from_iso (iso) != 0;
}

static gboolean
is_blank (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return FALSE;  /* cleaning refuses it with its own message */
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
rd_staff_member_info_validate (const RdStaffMemberInfo *info,
                               GError                 **error)
{
  if (is_blank (info->name))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A staff member needs a name or a pseudonym"));
      return FALSE;
    }
  if (!rd_staff_group_is_valid (info->group))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A staff member belongs to the school leadership, the teachers or the support staff"));
      return FALSE;
    }
  if (!is_day_or_none (info->joined))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a date of joining such as 2024-08-26"), info->joined);
      return FALSE;
    }
  if (!is_day_or_none (info->departed))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a date of leaving such as 2027-07-31"), info->departed);
      return FALSE;
    }
  if (info->joined && *info->joined && info->departed && *info->departed &&
      rd_day_from_iso (info->departed) <= rd_day_from_iso (info->joined))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A staff member’s date of leaving must come after the date of joining"));
      return FALSE;
    }
  return TRUE;
}
