#define G_LOG_DOMAIN "rd-action"

#include "config.h"

#include "rd-action.h"

struct _RdAction
{
  GObject parent_instance;

  gint64 id;
  gint64 assessment_id;
  char *title;
  RdFactor factor;
  GStrv item_ids;
  char *owner;
  char *due;
  RdActionStatus status;
  char *criterion;
  char *notes;
  char *carried_from;
  gint64 created;
};

G_DEFINE_FINAL_TYPE (RdAction, rd_action, G_TYPE_OBJECT)

static void
rd_action_finalize (GObject *object)
{
  RdAction *self = RD_ACTION (object);

  g_free (self->title);
  g_strfreev (self->item_ids);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->criterion);
  g_free (self->notes);
  g_free (self->carried_from);

  G_OBJECT_CLASS (rd_action_parent_class)->finalize (object);
}

static void
rd_action_class_init (RdActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_action_finalize;
}

static void
rd_action_init (RdAction *self)
{
}

/* Empty texts become NULL so that "not set" has one spelling. */
static char *
dup_text (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

RdAction *
rd_action_new (const RdActionInfo *info)
{
  RdAction *self = g_object_new (RD_TYPE_ACTION, NULL);
  static const char * const no_items[] = { NULL };

  self->id = info->id;
  self->assessment_id = info->assessment_id;
  self->title = g_strdup (info->title ? info->title : "");
  self->factor = info->factor;
  self->item_ids = g_strdupv ((GStrv) (info->item_ids ? info->item_ids : no_items));
  self->owner = dup_text (info->owner);
  self->due = dup_text (info->due);
  self->status = info->status;
  self->criterion = dup_text (info->criterion);
  self->notes = dup_text (info->notes);
  self->carried_from = dup_text (info->carried_from);
  self->created = info->created;

  return self;
}

gint64
rd_action_get_id (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), 0);
  return self->id;
}

gint64
rd_action_get_assessment_id (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), 0);
  return self->assessment_id;
}

const char *
rd_action_get_title (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->title;
}

RdFactor
rd_action_get_factor (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), RD_FACTOR_STRATEGY);
  return self->factor;
}

const char * const *
rd_action_get_item_ids (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return (const char * const *) self->item_ids;
}

const char *
rd_action_get_owner (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->owner;
}

const char *
rd_action_get_due (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->due;
}

RdActionStatus
rd_action_get_status (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), RD_ACTION_STATUS_PLANNED);
  return self->status;
}

const char *
rd_action_get_criterion (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->criterion;
}

const char *
rd_action_get_notes (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->notes;
}

const char *
rd_action_get_carried_from (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), NULL);
  return self->carried_from;
}

gint64
rd_action_get_created (RdAction *self)
{
  g_return_val_if_fail (RD_IS_ACTION (self), 0);
  return self->created;
}

void
rd_action_get_info (RdAction     *self,
                    RdActionInfo *info)
{
  g_return_if_fail (RD_IS_ACTION (self));

  *info = (RdActionInfo) {
    .id = self->id,
    .assessment_id = self->assessment_id,
    .title = self->title,
    .factor = self->factor,
    .item_ids = (const char * const *) self->item_ids,
    .owner = self->owner,
    .due = self->due,
    .status = self->status,
    .criterion = self->criterion,
    .notes = self->notes,
    .carried_from = self->carried_from,
    .created = self->created,
  };
}

/* Exactly YYYY-MM-DD of a real day, as the database keeps it. */
gboolean
rd_action_due_is_valid (const char *due)
{
  g_autoptr(GDate) date = NULL;
  guint year, month, day;

  if (due == NULL || strlen (due) != 10 || due[4] != '-' || due[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (due[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (due, NULL, 10);
  month = (guint) g_ascii_strtoull (due + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (due + 8, NULL, 10);
  return year >= 1900 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
