#define G_LOG_DOMAIN "rd-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rd-types.h"

static const char * const factor_ids[RD_N_FACTORS] = {
  "strategy", "engagement", "capacity", "investment",
};

static const char * const item_kind_ids[] = {
  "statement", "number", "percent", "yes-no", "date",
};

static const char * const group_ids[RD_N_GROUPS] = {
  "leader", "teacher", "support-staff", "learner", "parent", "other",
};

static const char * const mode_ids[] = { "full", "pulse" };
static const char * const status_ids[] = { "draft", "complete" };
static const char * const action_status_ids[RD_N_ACTION_STATUSES] = { "planned", "in-progress", "done" };

static gboolean
lookup_id (const char * const *ids,
           guint               n_ids,
           const char         *id,
           int                *out)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rd_factor_to_id (RdFactor factor)
{
  g_return_val_if_fail (factor < RD_N_FACTORS, NULL);
  return factor_ids[factor];
}

gboolean
rd_factor_from_id (const char *id,
                   RdFactor   *factor)
{
  int value;

  if (!lookup_id (factor_ids, G_N_ELEMENTS (factor_ids), id, &value))
    return FALSE;
  *factor = (RdFactor) value;
  return TRUE;
}

const char *
rd_factor_get_title (RdFactor factor)
{
  switch (factor)
    {
    case RD_FACTOR_STRATEGY:
      return _("A strategic approach to digital education");
    case RD_FACTOR_ENGAGEMENT:
      return _("Coordination and stakeholder engagement");
    case RD_FACTOR_CAPACITY:
      return _("Capacity building for leaders and staff");
    case RD_FACTOR_INVESTMENT:
      return _("Fair and impact-oriented investment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_factor_get_short_title (RdFactor factor)
{
  switch (factor)
    {
    case RD_FACTOR_STRATEGY:
      return C_("factor", "Strategy");
    case RD_FACTOR_ENGAGEMENT:
      return C_("factor", "Engagement");
    case RD_FACTOR_CAPACITY:
      return C_("factor", "Capacity");
    case RD_FACTOR_INVESTMENT:
      return C_("factor", "Investment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_item_kind_to_id (RdItemKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (item_kind_ids), NULL);
  return item_kind_ids[kind];
}

gboolean
rd_item_kind_from_id (const char *id,
                      RdItemKind *kind)
{
  int value;

  if (!lookup_id (item_kind_ids, G_N_ELEMENTS (item_kind_ids), id, &value))
    return FALSE;
  *kind = (RdItemKind) value;
  return TRUE;
}

gboolean
rd_item_kind_is_fact (RdItemKind kind)
{
  return kind != RD_ITEM_KIND_STATEMENT;
}

const char *
rd_group_to_id (RdGroup group)
{
  g_return_val_if_fail (group < RD_N_GROUPS, NULL);
  return group_ids[group];
}

gboolean
rd_group_from_id (const char *id,
                  RdGroup    *group)
{
  int value;

  if (!lookup_id (group_ids, G_N_ELEMENTS (group_ids), id, &value))
    return FALSE;
  *group = (RdGroup) value;
  return TRUE;
}

const char *
rd_group_get_title (RdGroup group)
{
  switch (group)
    {
    case RD_GROUP_LEADER:
      return _("School leader");
    case RD_GROUP_TEACHER:
      return _("Teacher");
    case RD_GROUP_SUPPORT_STAFF:
      return _("Support staff");
    case RD_GROUP_LEARNER:
      return _("Learner");
    case RD_GROUP_PARENT:
      return _("Parent");
    case RD_GROUP_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_assessment_mode_to_id (RdAssessmentMode mode)
{
  g_return_val_if_fail (mode < G_N_ELEMENTS (mode_ids), NULL);
  return mode_ids[mode];
}

gboolean
rd_assessment_mode_from_id (const char       *id,
                            RdAssessmentMode *mode)
{
  int value;

  if (!lookup_id (mode_ids, G_N_ELEMENTS (mode_ids), id, &value))
    return FALSE;
  *mode = (RdAssessmentMode) value;
  return TRUE;
}

const char *
rd_assessment_mode_get_title (RdAssessmentMode mode)
{
  switch (mode)
    {
    case RD_ASSESSMENT_MODE_FULL:
      return _("Full assessment");
    case RD_ASSESSMENT_MODE_PULSE:
      return _("Pulse assessment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_assessment_status_to_id (RdAssessmentStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
rd_assessment_status_from_id (const char         *id,
                              RdAssessmentStatus *status)
{
  int value;

  if (!lookup_id (status_ids, G_N_ELEMENTS (status_ids), id, &value))
    return FALSE;
  *status = (RdAssessmentStatus) value;
  return TRUE;
}

const char *
rd_action_status_to_id (RdActionStatus status)
{
  g_return_val_if_fail (status < RD_N_ACTION_STATUSES, NULL);
  return action_status_ids[status];
}

gboolean
rd_action_status_from_id (const char     *id,
                          RdActionStatus *status)
{
  int value;

  if (!lookup_id (action_status_ids, RD_N_ACTION_STATUSES, id, &value))
    return FALSE;
  *status = (RdActionStatus) value;
  return TRUE;
}

const char *
rd_action_status_get_title (RdActionStatus status)
{
  switch (status)
    {
    case RD_ACTION_STATUS_PLANNED:
      return C_("action status", "Planned");
    case RD_ACTION_STATUS_IN_PROGRESS:
      return C_("action status", "In progress");
    case RD_ACTION_STATUS_DONE:
      return C_("action status", "Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Thresholds are stated on the help page "How scores are computed". */
RdLevel
rd_level_for_score (double score)
{
  if (score >= 75.0)
    return RD_LEVEL_LEADING;
  if (score >= 50.0)
    return RD_LEVEL_ESTABLISHED;
  if (score >= 25.0)
    return RD_LEVEL_DEVELOPING;
  return RD_LEVEL_BEGINNING;
}

const char *
rd_level_get_title (RdLevel level)
{
  switch (level)
    {
    case RD_LEVEL_BEGINNING:
      return C_("level", "Beginning");
    case RD_LEVEL_DEVELOPING:
      return C_("level", "Developing");
    case RD_LEVEL_ESTABLISHED:
      return C_("level", "Established");
    case RD_LEVEL_LEADING:
      return C_("level", "Leading");
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint32
julian_of_dmy (unsigned day,
               unsigned month,
               unsigned year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

guint32
rd_day_from_iso (const char *iso)
{
  unsigned year, month, day;
  int consumed = 0;

  /* Exactly ten characters: sscanf alone would take "2025-3-1x". */
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-' ||
      sscanf (iso, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  return julian_of_dmy (day, month, year);
}

char *
rd_day_to_iso (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

guint32
rd_day_from_unix_local (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);

  if (when == NULL)
    return 0;
  return julian_of_dmy ((unsigned) g_date_time_get_day_of_month (when), (unsigned) g_date_time_get_month (when),
                        (unsigned) g_date_time_get_year (when));
}
