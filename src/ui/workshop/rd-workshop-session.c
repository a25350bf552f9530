#define G_LOG_DOMAIN "rd-workshop-session"

#include "config.h"

#include "rd-workshop-round.h"
#include "rd-workshop-session.h"

struct _RdWorkshopSession
{
  GObject parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  RdAssessmentMode mode;
  gint64 facilitator_id;

  gboolean active;
  gboolean participating[RD_N_GROUPS];
  guint n_participants;
  gint64 respondent_id;  /* whose answers are shown; 0 at the hand-over */
  char *file;            /* where the round is kept, or NULL */
};

G_DEFINE_FINAL_TYPE (RdWorkshopSession, rd_workshop_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_RESPONDENT_ID,
  PROP_N_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_workshop_session_finalize (GObject *object)
{
  RdWorkshopSession *self = RD_WORKSHOP_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_free (self->file);

  G_OBJECT_CLASS (rd_workshop_session_parent_class)->finalize (object);
}

static void
rd_workshop_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RdWorkshopSession *self = RD_WORKSHOP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_RESPONDENT_ID:
      g_value_set_int64 (value, self->respondent_id);
      break;
    case PROP_N_PARTICIPANTS:
      g_value_set_uint (value, self->n_participants);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_workshop_session_class_init (RdWorkshopSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_workshop_session_finalize;
  object_class->get_property = rd_workshop_session_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONDENT_ID] =
    g_param_spec_int64 ("respondent-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PARTICIPANTS] =
    g_param_spec_uint ("n-participants", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_workshop_session_init (RdWorkshopSession *self)
{
}

RdWorkshopSession *
rd_workshop_session_new (RdStore      *store,
                         RdFramework  *framework,
                         RdAssessment *assessment,
                         gint64        facilitator_id)
{
  RdWorkshopSession *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (RD_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (RD_TYPE_WORKSHOP_SESSION, NULL);
  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = rd_assessment_get_id (assessment);
  self->mode = rd_assessment_get_mode (assessment);
  self->facilitator_id = facilitator_id;
  self->respondent_id = facilitator_id;
  return self;
}

/* Keeps the round across a restart; a round that cannot be kept still runs. */
static void
save (RdWorkshopSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdWorkshopRound) round = NULL;
  g_autofree char *uuid = NULL;

  if (self->file == NULL)
    return;

  uuid = rd_store_get_assessment_uuid (self->store, self->assessment_id, &error);
  if (uuid != NULL)
    round = rd_workshop_round_new (rd_store_get_path (self->store), uuid, self->participating, self->n_participants);
  if (round == NULL || !rd_workshop_round_save (round, self->file, &error))
    g_warning ("Could not keep the workshop round: %s", error->message);
}

static void
forget (RdWorkshopSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->file != NULL && !rd_workshop_round_forget (self->file, &error))
    g_warning ("Could not forget the workshop round: %s", error->message);
}

/* The last of a step. A round begins before its first respondent is
 * announced, and ends after the facilitator is back. */
static void
move_to (RdWorkshopSession *self,
         gint64             respondent_id,
         gboolean           active)
{
  gboolean begins = active && !self->active;
  gboolean ends = !active && self->active;

  self->respondent_id = respondent_id;
  self->active = active;
  if (begins)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDENT_ID]);
  if (ends)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
set_n_participants (RdWorkshopSession *self,
                    guint              n_participants)
{
  if (self->n_participants == n_participants)
    return;
  self->n_participants = n_participants;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PARTICIPANTS]);
}

gboolean
rd_workshop_session_begin (RdWorkshopSession *self,
                           const gboolean     groups[RD_N_GROUPS],
                           guint              n_participants)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);

  if (self->active)
    return FALSE;

  for (guint g = 0; g < RD_N_GROUPS; g++)
    self->participating[g] = groups[g] != FALSE;
  set_n_participants (self, n_participants);
  save (self);
  move_to (self, 0, TRUE);
  return TRUE;
}

gboolean
rd_workshop_session_join (RdWorkshopSession  *self,
                          RdGroup             group,
                          GError            **error)
{
  gint64 respondent_id;

  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);

  if (!rd_workshop_session_can_join (self, group))
    return FALSE;

  /* No name, only the group. */
  respondent_id = rd_store_add_respondent (self->store, self->assessment_id, group, NULL, error);
  if (respondent_id == 0)
    return FALSE;

  set_n_participants (self, self->n_participants + 1);
  save (self);
  move_to (self, respondent_id, TRUE);
  return TRUE;
}

gboolean
rd_workshop_session_hand_over (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);

  if (!self->active || self->respondent_id == 0)
    return FALSE;

  move_to (self, 0, TRUE);
  return TRUE;
}

gboolean
rd_workshop_session_end (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);

  if (!self->active)
    return FALSE;

  forget (self);
  move_to (self, self->facilitator_id, FALSE);
  return TRUE;
}

void
rd_workshop_session_set_file (RdWorkshopSession *self,
                              const char        *path)
{
  g_return_if_fail (RD_IS_WORKSHOP_SESSION (self));

  g_free (self->file);
  self->file = g_strdup (path);
  if (self->active)
    save (self);
}

gboolean
rd_workshop_session_is_active (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);
  return self->active;
}

gboolean
rd_workshop_session_is_handing_over (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);
  return self->active && self->respondent_id == 0;
}

gint64
rd_workshop_session_get_respondent (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), 0);
  return self->respondent_id;
}

guint
rd_workshop_session_get_n_participants (RdWorkshopSession *self)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), 0);
  return self->n_participants;
}

gboolean
rd_workshop_session_is_participating (RdWorkshopSession *self,
                                      RdGroup            group)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);
  return self->active && group < RD_N_GROUPS && self->participating[group];
}

gboolean
rd_workshop_session_asks (RdWorkshopSession *self,
                          RdGroup            group)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);
  return group < RD_N_GROUPS && rd_framework_count_asked_items (self->framework, self->mode, group) > 0;
}

gboolean
rd_workshop_session_can_join (RdWorkshopSession *self,
                              RdGroup            group)
{
  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (self), FALSE);
  return rd_workshop_session_is_handing_over (self) && rd_workshop_session_is_participating (self, group) &&
         rd_workshop_session_asks (self, group);
}
