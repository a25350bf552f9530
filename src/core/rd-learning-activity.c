#define G_LOG_DOMAIN "rd-learning-activity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-learning-activity.h"
#include "rd-types.h"

struct _RdLearningActivity
{
  GObject parent_instance;

  RdLearningActivityInfo info;  /* its texts owned, empty ones NULL */
};

G_DEFINE_FINAL_TYPE (RdLearningActivity, rd_learning_activity, G_TYPE_OBJECT)

static void
rd_learning_activity_finalize (GObject *object)
{
  RdLearningActivityInfo *info = &RD_LEARNING_ACTIVITY (object)->info;

  g_free ((char *) info->title);
  g_free ((char *) info->issuer_country);
  g_free ((char *) info->awarding_body);
  g_free ((char *) info->issued);
  g_free ((char *) info->learning_outcomes);
  g_free ((char *) info->assessment_type);
  g_free ((char *) info->quality_assurance);
  g_free ((char *) info->prerequisites);
  g_free ((char *) info->grade);
  g_free ((char *) info->further_information);
  g_strfreev ((GStrv) info->area_ids);

  G_OBJECT_CLASS (rd_learning_activity_parent_class)->finalize (object);
}

static void
rd_learning_activity_class_init (RdLearningActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_learning_activity_finalize;
}

static void
rd_learning_activity_init (RdLearningActivity *self)
{
}

/* Empty texts become NULL so that "not given" has one spelling. */
static const char *
dup_text (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

RdLearningActivity *
rd_learning_activity_new (const RdLearningActivityInfo *info)
{
  RdLearningActivity *self = g_object_new (RD_TYPE_LEARNING_ACTIVITY, NULL);
  static const char * const no_areas[] = { NULL };

  self->info = *info;
  self->info.title = g_strdup (info->title ? info->title : "");
  self->info.issuer_country = dup_text (info->issuer_country);
  self->info.awarding_body = dup_text (info->awarding_body);
  self->info.issued = dup_text (info->issued);
  self->info.learning_outcomes = dup_text (info->learning_outcomes);
  self->info.assessment_type = dup_text (info->assessment_type);
  self->info.quality_assurance = dup_text (info->quality_assurance);
  self->info.prerequisites = dup_text (info->prerequisites);
  self->info.grade = dup_text (info->grade);
  self->info.further_information = dup_text (info->further_information);
  self->info.area_ids = (const char * const *) g_strdupv ((GStrv) (info->area_ids ? info->area_ids : no_areas));
  return self;
}

const RdLearningActivityInfo *
rd_learning_activity_get_info (RdLearningActivity *self)
{
  g_return_val_if_fail (RD_IS_LEARNING_ACTIVITY (self), NULL);
  return &self->info;
}

gint64
rd_learning_activity_get_id (RdLearningActivity *self)
{
  g_return_val_if_fail (RD_IS_LEARNING_ACTIVITY (self), 0);
  return self->info.id;
}

gboolean
rd_learning_activity_has_area (RdLearningActivity *self,
                               const char         *area_id)
{
  g_return_val_if_fail (RD_IS_LEARNING_ACTIVITY (self), FALSE);
  return g_strv_contains (self->info.area_ids, area_id);
}

static gboolean
given (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
rd_learning_activity_info_validate (const RdLearningActivityInfo  *info,
                                    GError                       **error)
{
  g_autofree char *title = g_strdup (info->title ? info->title : "");

  if (info->staff_id <= 0)
    return invalid (error, _("A learning activity belongs to a staff member: choose one"));
  if (*g_strstrip (title) == '\0')
    return invalid (error, _("A learning activity needs a title"));
  if (!given (info->issued))
    return invalid (error, _("A learning activity needs its date of issue"));
  if (rd_day_from_iso (info->issued) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a date of issue such as 2026-10-14"), info->issued);
      return FALSE;
    }
  if (isnan (info->workload_ects) || info->workload_ects < 0)
    return invalid (error, _("A workload in ECTS credits cannot be negative"));
  if (info->workload_ects > RD_LEARNING_MAX_ECTS)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("A workload of more than %g ECTS credits is more than a year of study"),
                   RD_LEARNING_MAX_ECTS);
      return FALSE;
    }
  if (isnan (info->workload_hours) || info->workload_hours < 0)
    return invalid (error, _("A workload in hours cannot be negative"));
  if (info->workload_hours > RD_LEARNING_MAX_HOURS)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("A workload of more than %g hours is more than a year of study"),
                   RD_LEARNING_MAX_HOURS);
      return FALSE;
    }
  if (info->eqf_level > 8)
    return invalid (error, _("The EQF level is a number from 1 to 8"));
  if ((guint) info->participation >= RD_N_PARTICIPATIONS)
    return invalid (error, _("The form of participation is online, on site or blended"));
  if ((guint) info->supervision >= RD_N_SUPERVISIONS)
    return invalid (error, _("The kind of supervision is not one the log knows"));
  if ((guint) info->stackability >= RD_N_STACKABILITIES)
    return invalid (error, _("An activity is stand-alone or stackable"));
  return TRUE;
}

guint
rd_learning_activity_info_missing (const RdLearningActivityInfo *info)
{
  guint missing = 0;

  if (!given (info->title))
    missing |= RD_ELEMENT_TITLE;
  if (!given (info->issuer_country))
    missing |= RD_ELEMENT_ISSUER_COUNTRY;
  if (!given (info->awarding_body))
    missing |= RD_ELEMENT_AWARDING_BODY;
  if (!given (info->issued))
    missing |= RD_ELEMENT_ISSUED;
  if (!given (info->learning_outcomes))
    missing |= RD_ELEMENT_LEARNING_OUTCOMES;
  if (!(info->workload_ects > 0) && !(info->workload_hours > 0))
    missing |= RD_ELEMENT_WORKLOAD;
  if (!given (info->assessment_type))
    missing |= RD_ELEMENT_ASSESSMENT_TYPE;
  if (info->participation == RD_PARTICIPATION_NONE)
    missing |= RD_ELEMENT_PARTICIPATION;
  if (!given (info->quality_assurance))
    missing |= RD_ELEMENT_QUALITY_ASSURANCE;
  return missing;
}

guint
rd_credential_elements_count (guint elements)
{
  guint n = 0;

  for (; elements != 0; elements &= elements - 1)
    n++;
  return n;
}

const char *
rd_credential_element_get_title (RdCredentialElement element)
{
  switch (element)
    {
    case RD_ELEMENT_TITLE:
      return _("Title");
    case RD_ELEMENT_ISSUER_COUNTRY:
      return _("Country or region of the issuer");
    case RD_ELEMENT_AWARDING_BODY:
      return _("Awarding body");
    case RD_ELEMENT_ISSUED:
      return _("Date of issue");
    case RD_ELEMENT_LEARNING_OUTCOMES:
      return _("Learning outcomes");
    case RD_ELEMENT_WORKLOAD:
      return _("Notional workload");
    case RD_ELEMENT_ASSESSMENT_TYPE:
      return _("Type of assessment");
    case RD_ELEMENT_PARTICIPATION:
      return _("Form of participation");
    case RD_ELEMENT_QUALITY_ASSURANCE:
      return _("Type of quality assurance");
    default:
      g_return_val_if_reached (NULL);
    }
}

double
rd_learning_activity_info_get_hours (const RdLearningActivityInfo *info)
{
  if (info->workload_hours > 0)
    return info->workload_hours;
  if (info->workload_ects > 0)
    return info->workload_ects * RD_LEARNING_HOURS_PER_ECTS;
  return 0;
}

static const char * const participation_ids[RD_N_PARTICIPATIONS] = {
  NULL, "online", "on-site", "blended",
};
static const char * const supervision_ids[RD_N_SUPERVISIONS] = {
  NULL, "unsupervised", "supervised", "supervised-online", "on-site-identity",
};
static const char * const stackability_ids[RD_N_STACKABILITIES] = {
  NULL, "stand-alone", "stackable",
};

/* The id of @value in @ids; NULL for the first ("not given"). */
static gboolean
from_id (const char * const *ids,
         guint               n_ids,
         const char         *id,
         guint              *value)
{
  if (id == NULL || *id == '\0')
    {
      *value = 0;
      return TRUE;
    }
  for (guint i = 1; i < n_ids; i++)
    if (g_str_equal (ids[i], id))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_participation_to_id (RdParticipation participation)
{
  g_return_val_if_fail ((guint) participation < RD_N_PARTICIPATIONS, NULL);
  return participation_ids[participation];
}

gboolean
rd_participation_from_id (const char      *id,
                          RdParticipation *participation)
{
  guint value;

  if (!from_id (participation_ids, RD_N_PARTICIPATIONS, id, &value))
    return FALSE;
  *participation = value;
  return TRUE;
}

const char *
rd_participation_get_title (RdParticipation participation)
{
  switch (participation)
    {
    case RD_PARTICIPATION_NONE:
      return C_("participation", "Not given");
    case RD_PARTICIPATION_ONLINE:
      return C_("participation", "Online");
    case RD_PARTICIPATION_ON_SITE:
      return C_("participation", "On site");
    case RD_PARTICIPATION_BLENDED:
      return C_("participation", "Blended");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_supervision_to_id (RdSupervision supervision)
{
  g_return_val_if_fail ((guint) supervision < RD_N_SUPERVISIONS, NULL);
  return supervision_ids[supervision];
}

gboolean
rd_supervision_from_id (const char    *id,
                        RdSupervision *supervision)
{
  guint value;

  if (!from_id (supervision_ids, RD_N_SUPERVISIONS, id, &value))
    return FALSE;
  *supervision = value;
  return TRUE;
}

const char *
rd_supervision_get_title (RdSupervision supervision)
{
  switch (supervision)
    {
    case RD_SUPERVISION_NONE:
      return C_("supervision", "Not given");
    case RD_SUPERVISION_UNSUPERVISED:
      return C_("supervision", "Unsupervised, no identity check");
    case RD_SUPERVISION_SUPERVISED:
      return C_("supervision", "Supervised, no identity check");
    case RD_SUPERVISION_SUPERVISED_ONLINE:
      return C_("supervision", "Supervised online, identity checked");
    case RD_SUPERVISION_ON_SITE_IDENTITY:
      return C_("supervision", "On site, identity checked");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_stackability_to_id (RdStackability stackability)
{
  g_return_val_if_fail ((guint) stackability < RD_N_STACKABILITIES, NULL);
  return stackability_ids[stackability];
}

gboolean
rd_stackability_from_id (const char     *id,
                         RdStackability *stackability)
{
  guint value;

  if (!from_id (stackability_ids, RD_N_STACKABILITIES, id, &value))
    return FALSE;
  *stackability = value;
  return TRUE;
}

const char *
rd_stackability_get_title (RdStackability stackability)
{
  switch (stackability)
    {
    case RD_STACKABILITY_NONE:
      return C_("stackability", "Not given");
    case RD_STACKABILITY_STAND_ALONE:
      return C_("stackability", "Stand-alone");
    case RD_STACKABILITY_STACKABLE:
      return C_("stackability", "Stackable");
    default:
      g_return_val_if_reached (NULL);
    }
}
