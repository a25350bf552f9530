#define G_LOG_DOMAIN "rd-assessment"

#include "config.h"

#include <string.h>

#include "rd-assessment.h"

struct _RdAssessment
{
  GObject parent_instance;

  gint64 id;
  gint64 school_id;
  char *school_year;
  char *framework_id;
  char *framework_version;
  RdAssessmentMode mode;
  RdAssessmentStatus status;
  gint64 created;
  guint n_respondents;
  guint n_answers;
  guint32 reference_day;
  GStrv answered_items;
};

G_DEFINE_FINAL_TYPE (RdAssessment, rd_assessment, G_TYPE_OBJECT)

static void
rd_assessment_finalize (GObject *object)
{
  RdAssessment *self = RD_ASSESSMENT (object);

  g_free (self->school_year);
  g_free (self->framework_id);
  g_free (self->framework_version);
  g_strfreev (self->answered_items);

  G_OBJECT_CLASS (rd_assessment_parent_class)->finalize (object);
}

static void
rd_assessment_class_init (RdAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_assessment_finalize;
}

static void
rd_assessment_init (RdAssessment *self)
{
}

RdAssessment *
rd_assessment_new (const RdAssessmentInfo *info)
{
  RdAssessment *self = g_object_new (RD_TYPE_ASSESSMENT, NULL);

  self->id = info->id;
  self->school_id = info->school_id;
  self->school_year = g_strdup (info->school_year);
  self->framework_id = g_strdup (info->framework_id);
  self->framework_version = g_strdup (info->framework_version);
  self->mode = info->mode;
  self->status = info->status;
  self->created = info->created;
  self->n_respondents = info->n_respondents;
  self->n_answers = info->n_answers;
  self->reference_day = info->reference_day;
  self->answered_items = g_strsplit (info->answered_items != NULL ? info->answered_items : "", ",", -1);
  return self;
}

gint64
rd_assessment_get_id (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->id;
}

gint64
rd_assessment_get_school_id (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->school_id;
}

const char *
rd_assessment_get_school_year (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), NULL);
  return self->school_year;
}

const char *
rd_assessment_get_framework_id (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), NULL);
  return self->framework_id;
}

const char *
rd_assessment_get_framework_version (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), NULL);
  return self->framework_version;
}

RdAssessmentMode
rd_assessment_get_mode (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), RD_ASSESSMENT_MODE_FULL);
  return self->mode;
}

RdAssessmentStatus
rd_assessment_get_status (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), RD_ASSESSMENT_STATUS_DRAFT);
  return self->status;
}

gint64
rd_assessment_get_created (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->created;
}

guint
rd_assessment_get_n_respondents (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->n_respondents;
}

guint
rd_assessment_get_n_answers (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->n_answers;
}

/* The day its date items are scored against: the last day an answer was
 * given (help/C/scores.page), or 0 while nobody has answered. */
guint32
rd_assessment_get_reference_day (RdAssessment *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  return self->reference_day;
}

/* How many of the questionnaire's items (those of its mode) have an answer
 * from anyone the item asks, "not applicable" included: the one count of
 * answered items that the assessment list, the Results page and the
 * report show. An answer from outside an item's audience does not count,
 * as it counts in no score. */
guint
rd_assessment_count_answered_items (RdAssessment *self,
                                    RdFramework  *framework)
{
  g_autoptr(GHashTable) counted = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (RD_IS_ASSESSMENT (self), 0);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), 0);

  for (guint i = 0; self->answered_items[i] != NULL; i++)
    {
      g_autofree char *item_id = g_strdup (self->answered_items[i]);
      char *slash = strchr (item_id, '/');
      RdGroup group;
      RdItem *item;

      if (slash == NULL)
        continue;
      *slash = '\0';
      item = rd_framework_lookup_item (framework, item_id);
      if (item != NULL && rd_framework_item_in_mode (framework, item, self->mode) &&
          rd_group_from_id (slash + 1, &group) && rd_item_asks (item, group))
        g_hash_table_add (counted, item);
    }
  return g_hash_table_size (counted);
}

/* "2026-2027": a school year runs across two calendar years. */
gboolean
rd_school_year_is_valid (const char *school_year)
{
  guint64 first, second;
  char *end;

  if (school_year == NULL || strlen (school_year) != 9 || school_year[4] != '-')
    return FALSE;

  for (guint i = 0; i < 9; i++)
    if (i != 4 && !g_ascii_isdigit (school_year[i]))
      return FALSE;

  first = g_ascii_strtoull (school_year, &end, 10);
  second = g_ascii_strtoull (school_year + 5, &end, 10);
  return first >= 1900 && second == first + 1;
}

/* School years in Flanders and the Netherlands start in late August or
 * September; before August a date belongs to the year that began last autumn. */
char *
rd_school_year_for_date (GDateTime *when)
{
  int year = g_date_time_get_year (when);

  if (g_date_time_get_month (when) < 8)
    year--;

  return g_strdup_printf ("%d-%d", year, year + 1);
}

/* The framework edition this assessment was answered with, found through
 * @framework (see rd_framework_get_edition()). */
RdFramework *
rd_assessment_get_framework_edition (RdAssessment *self,
                                     RdFramework  *framework)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT (self), NULL);
  return rd_framework_get_edition (framework, self->framework_id, self->framework_version);
}
