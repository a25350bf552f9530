#define G_LOG_DOMAIN "rd-answer-history"

#include "config.h"

#include <math.h>

#include "rd-answer-history.h"

/* Enough for a long sitting; the oldest changes drop off first. */
#define MAX_ENTRIES 500

typedef struct
{
  gint64 respondent_id;
  RdItem *item;      /* kept: a school's own question is no item of the framework */
  RdAnswer *before;  /* NULL: the item was unanswered */
} Entry;

struct _RdAnswerHistory
{
  GObject parent_instance;

  RdStore *store;
  RdFramework *framework;
  GQueue entries;  /* of Entry, newest at the head */
};

G_DEFINE_FINAL_TYPE (RdAnswerHistory, rd_answer_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
  g_clear_pointer (&entry->before, rd_answer_free);
  g_free (entry);
}

static void
rd_answer_history_finalize (GObject *object)
{
  RdAnswerHistory *self = RD_ANSWER_HISTORY (object);

  g_queue_clear_full (&self->entries, entry_free);
  g_clear_object (&self->store);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (rd_answer_history_parent_class)->finalize (object);
}

static void
rd_answer_history_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdAnswerHistory *self = RD_ANSWER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rd_answer_history_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_answer_history_class_init (RdAnswerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_answer_history_finalize;
  object_class->get_property = rd_answer_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_answer_history_init (RdAnswerHistory *self)
{
  g_queue_init (&self->entries);
}

RdAnswerHistory *
rd_answer_history_new (RdStore     *store,
                       RdFramework *framework)
{
  RdAnswerHistory *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_ANSWER_HISTORY, NULL);
  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  return self;
}

static void
notify_can_undo (RdAnswerHistory *self,
                 gboolean         could_undo)
{
  if (could_undo != rd_answer_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* Writes @answer (NULL: removes the answer) and, when that worked,
 * remembers what it replaced. */
static gboolean
change_and_record (RdAnswerHistory  *self,
                   gint64            respondent_id,
                   RdItem           *item,
                   const RdAnswer   *answer,
                   GError          **error)
{
  gboolean could_undo = rd_answer_history_can_undo (self);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdAnswer) before = NULL;
  Entry *entry;

  before = rd_store_get_answer (self->store, respondent_id, rd_item_get_id (item), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (answer != NULL ? !rd_store_put_answer (self->store, item, answer, error)
                     : !rd_store_clear_answer (self->store, respondent_id, rd_item_get_id (item), error))
    return FALSE;

  entry = g_new0 (Entry, 1);
  entry->respondent_id = respondent_id;
  entry->item = g_object_ref (item);
  entry->before = g_steal_pointer (&before);
  g_queue_push_head (&self->entries, entry);
  if (g_queue_get_length (&self->entries) > MAX_ENTRIES)
    entry_free (g_queue_pop_tail (&self->entries));

  notify_can_undo (self, could_undo);
  return TRUE;
}

static gboolean
put_and_record (RdAnswerHistory  *self,
                RdItem           *item,
                const RdAnswer   *answer,
                GError          **error)
{
  return change_and_record (self, answer->respondent_id, item, answer, error);
}

gboolean
rd_answer_history_set_value (RdAnswerHistory  *self,
                             gint64            respondent_id,
                             RdItem           *item,
                             double            value,
                             GError          **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = value };

  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);
  return put_and_record (self, item, &answer, error);
}

gboolean
rd_answer_history_set_date (RdAnswerHistory  *self,
                            gint64            respondent_id,
                            RdItem           *item,
                            GDate            *date,
                            GError          **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = NAN };

  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);

  if (date != NULL && g_date_valid (date))
    answer.julian_day = g_date_get_julian (date);
  return put_and_record (self, item, &answer, error);
}

gboolean
rd_answer_history_set_not_applicable (RdAnswerHistory  *self,
                                      gint64            respondent_id,
                                      RdItem           *item,
                                      GError          **error)
{
  RdAnswer answer = { .respondent_id = respondent_id, .value = NAN, .not_applicable = TRUE };

  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);
  return put_and_record (self, item, &answer, error);
}

/* Takes the answer back, so that the item is unanswered again. */
gboolean
rd_answer_history_remove (RdAnswerHistory  *self,
                          gint64            respondent_id,
                          RdItem           *item,
                          GError          **error)
{
  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);
  return change_and_record (self, respondent_id, item, NULL, error);
}

gboolean
rd_answer_history_can_undo (RdAnswerHistory *self)
{
  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->entries);
}

/* Puts back what the last change replaced; @item_id tells the caller which
 * item to show. A failed undo stays on the stack to be tried again. */
gboolean
rd_answer_history_undo (RdAnswerHistory  *self,
                        char            **item_id,
                        GError          **error)
{
  Entry *entry;
  RdItem *item;
  gboolean ok;

  g_return_val_if_fail (RD_IS_ANSWER_HISTORY (self), FALSE);

  entry = g_queue_peek_head (&self->entries);
  if (entry == NULL)
    return FALSE;

  item = entry->item;
  if (entry->before == NULL)
    ok = rd_store_clear_answer (self->store, entry->respondent_id, rd_item_get_id (item), error);
  else
    ok = rd_store_put_answer (self->store, item, entry->before, error);

  if (!ok)
    return FALSE;

  if (item_id != NULL)
    *item_id = g_strdup (rd_item_get_id (item));
  entry_free (g_queue_pop_head (&self->entries));
  notify_can_undo (self, TRUE);
  return TRUE;
}

void
rd_answer_history_clear (RdAnswerHistory *self)
{
  gboolean could_undo;

  g_return_if_fail (RD_IS_ANSWER_HISTORY (self));

  could_undo = rd_answer_history_can_undo (self);
  g_queue_clear_full (&self->entries, entry_free);
  notify_can_undo (self, could_undo);
}

void
rd_answer_history_forget_item (RdAnswerHistory *self,
                               const char      *item_id)
{
  gboolean could_undo;
  GList *link;

  g_return_if_fail (RD_IS_ANSWER_HISTORY (self));

  could_undo = rd_answer_history_can_undo (self);
  link = self->entries.head;
  while (link != NULL)
    {
      GList *next = link->next;
      Entry *entry = link->data;

      if (g_strcmp0 (rd_item_get_id (entry->item), item_id) == 0)
        {
          entry_free (entry);
          g_queue_delete_link (&self->entries, link);
        }
      link = next;
    }
  notify_can_undo (self, could_undo);
}
