#define G_LOG_DOMAIN "rd-respondent-answers"

#include "config.h"

#include "rd-respondent-answers.h"

struct _RdRespondentAnswers
{
  GObject parent_instance;

  RdStore *store;
  gint64 assessment_id;
  gint64 respondent_id;
  /* Item id → RdAnswer, or NULL for an item answered since it was read:
   * the answer itself is read when asked for. */
  GHashTable *answers;
};

G_DEFINE_FINAL_TYPE (RdRespondentAnswers, rd_respondent_answers, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rd_respondent_answers_finalize (GObject *object)
{
  RdRespondentAnswers *self = RD_RESPONDENT_ANSWERS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (rd_respondent_answers_parent_class)->finalize (object);
}

static void
rd_respondent_answers_class_init (RdRespondentAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_respondent_answers_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rd_respondent_answers_init (RdRespondentAnswers *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rd_answer_free);
}

static void
keep (RdRespondentAnswers *self,
      RdAnswer            *answer)
{
  g_hash_table_replace (self->answers, g_strdup (answer->item_id), answer);
}

static gboolean
load (RdRespondentAnswers  *self,
      GError              **error)
{
  g_autoptr(GPtrArray) answers = NULL;

  if (self->respondent_id == 0)
    {
      g_hash_table_remove_all (self->answers);
      return TRUE;
    }

  answers = rd_store_list_respondent_answers (self->store, self->respondent_id, error);
  if (answers == NULL)
    return FALSE;

  g_hash_table_remove_all (self->answers);
  g_ptr_array_set_free_func (answers, NULL);
  for (guint i = 0; i < answers->len; i++)
    keep (self, g_ptr_array_index (answers, i));
  return TRUE;
}

static void
reload (RdRespondentAnswers *self)
{
  g_autoptr(GError) error = NULL;

  if (!load (self, &error))
    g_warning ("Could not read the respondent’s answers: %s", error->message);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* An answer is read when it is asked for: after a click, only whether
 * the item is answered is. */
static void
on_answer_changed (RdStore             *store,
                   gint64               respondent_id,
                   const char          *item_id,
                   gboolean             answered,
                   RdRespondentAnswers *self)
{
  if (respondent_id != self->respondent_id || respondent_id == 0)
    return;

  if (answered)
    g_hash_table_replace (self->answers, g_strdup (item_id), NULL);
  else
    g_hash_table_remove (self->answers, item_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_answers_changed (RdStore             *store,
                    gint64               assessment_id,
                    RdRespondentAnswers *self)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);

  /* One answer: on_answer_changed() has taken it in already. */
  if (assessment_id != self->assessment_id || self->respondent_id == 0 ||
      hint->detail == g_quark_from_static_string (RD_STORE_ONE_ANSWER))
    return;
  reload (self);
}

/* A question removed takes its answers out of sight, and Undo brings them back. */
static void
on_own_questions_changed (RdStore             *store,
                          gint64               assessment_id,
                          RdRespondentAnswers *self)
{
  if (assessment_id == self->assessment_id && self->respondent_id != 0)
    reload (self);
}

RdRespondentAnswers *
rd_respondent_answers_new (RdStore *store,
                           gint64   assessment_id)
{
  RdRespondentAnswers *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  self = g_object_new (RD_TYPE_RESPONDENT_ANSWERS, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = assessment_id;
  g_signal_connect_object (store, "answer-changed", G_CALLBACK (on_answer_changed), self, 0);
  g_signal_connect_object (store, "answers-changed", G_CALLBACK (on_answers_changed), self, 0);
  g_signal_connect_object (store, "own-questions-changed", G_CALLBACK (on_own_questions_changed), self, 0);
  return self;
}

/* Follows @respondent_id (0: nobody) from now on; "changed" is not
 * emitted: the caller knows. On an error nothing changes. */
gboolean
rd_respondent_answers_set_respondent (RdRespondentAnswers  *self,
                                      gint64                respondent_id,
                                      GError              **error)
{
  gint64 before;

  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), FALSE);

  before = self->respondent_id;
  self->respondent_id = respondent_id;
  if (!load (self, error))
    {
      self->respondent_id = before;
      return FALSE;
    }
  return TRUE;
}

gint64
rd_respondent_answers_get_respondent (RdRespondentAnswers *self)
{
  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), 0);
  return self->respondent_id;
}

const RdAnswer *
rd_respondent_answers_lookup (RdRespondentAnswers *self,
                              const char          *item_id)
{
  g_autoptr(GError) error = NULL;
  RdAnswer *answer = NULL;

  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), NULL);

  if (!g_hash_table_lookup_extended (self->answers, item_id, NULL, (gpointer *) &answer))
    return NULL;
  if (answer != NULL)
    return answer;

  answer = rd_store_get_answer (self->store, self->respondent_id, item_id, &error);
  if (answer == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read the answer to %s: %s", item_id, error->message);
      return NULL;
    }
  keep (self, answer);
  return answer;
}

gboolean
rd_respondent_answers_contains (RdRespondentAnswers *self,
                                const char          *item_id)
{
  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), FALSE);
  return g_hash_table_contains (self->answers, item_id);
}

guint
rd_respondent_answers_get_n_answered (RdRespondentAnswers *self)
{
  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), 0);
  return g_hash_table_size (self->answers);
}

GHashTable *
rd_respondent_answers_get_table (RdRespondentAnswers *self)
{
  g_return_val_if_fail (RD_IS_RESPONDENT_ANSWERS (self), NULL);
  return self->answers;
}
