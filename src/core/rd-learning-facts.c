#define G_LOG_DOMAIN "rd-learning-facts"

#include "config.h"

#include <math.h>

#include "rd-answer.h"
#include "rd-learning-activity.h"
#include "rd-learning-facts.h"
#include "rd-staff-member.h"

static const char * const measures[RD_LEARNING_N_MEASURES] = {
  RD_LEARNING_ITEM_STAFF_TRAINED,
  RD_LEARNING_ITEM_PEDAGOGY,
};

const char *
rd_learning_measure_id (const char *item_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (item_id != NULL && g_str_equal (item_id, measures[i]))
      return measures[i];
  return NULL;
}

gboolean
rd_learning_day_in_window (guint32 day,
                           guint32 reference_day)
{
  GDate start;

  if (day == 0 || reference_day == 0 || day > reference_day)
    return FALSE;
  g_date_clear (&start, 1);
  g_date_set_julian (&start, reference_day);
  g_date_subtract_months (&start, RD_LEARNING_WINDOW_MONTHS);
  return day > g_date_get_julian (&start);
}

typedef struct
{
  RdGroup group;
  gboolean cyber;
  gboolean teaching;
  double hours;
} StaffTally;

static void
add_figure (RdLearningFacts *facts,
            const char      *item_id,
            guint            count,
            guint            n)
{
  if (n == 0)
    return;
  facts->figures[facts->n_figures++] = (RdLogFigure) { item_id, 100.0 * count / n, n };
}

void
rd_learning_facts_compute (GPtrArray       *staff,
                           GPtrArray       *activities,
                           guint32          reference_day,
                           RdLearningFacts *facts)
{
  g_autoptr(GHashTable) on_log = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  guint cyber = 0, teaching = 0;
  double teacher_hours = 0;

  g_return_if_fail (staff != NULL && activities != NULL && facts != NULL);

  *facts = (RdLearningFacts) { .reference_day = reference_day, .hours_per_teacher = NAN };

  for (guint i = 0; i < staff->len; i++)
    {
      RdStaffMember *member = g_ptr_array_index (staff, i);
      RdStaffMemberInfo info;
      StaffTally *tally;

      rd_staff_member_get_info (member, &info);
      if (!rd_staff_member_info_is_on_log (&info, reference_day))
        continue;
      tally = g_new0 (StaffTally, 1);
      tally->group = info.group;
      g_hash_table_insert (on_log, g_memdup2 (&info.id, sizeof info.id), tally);
    }

  for (guint i = 0; i < activities->len; i++)
    {
      const RdLearningActivityInfo *info = rd_learning_activity_get_info (g_ptr_array_index (activities, i));
      StaffTally *tally = g_hash_table_lookup (on_log, &info->staff_id);

      if (tally == NULL || !rd_learning_day_in_window (rd_day_from_iso (info->issued), reference_day))
        continue;
      tally->cyber |= g_strv_contains (info->area_ids, RD_LEARNING_AREA_CYBERSECURITY);
      tally->teaching |= g_strv_contains (info->area_ids, RD_LEARNING_AREA_TEACHING);
      tally->hours += rd_learning_activity_info_get_hours (info);
    }

  g_hash_table_iter_init (&iter, on_log);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StaffTally *tally = value;

      facts->n_staff++;
      cyber += tally->cyber;
      if (tally->group != RD_GROUP_TEACHER)
        continue;
      facts->n_teachers++;
      teaching += tally->teaching;
      teacher_hours += tally->hours;
    }

  add_figure (facts, RD_LEARNING_ITEM_STAFF_TRAINED, cyber, facts->n_staff);
  add_figure (facts, RD_LEARNING_ITEM_PEDAGOGY, teaching, facts->n_teachers);
  if (facts->n_teachers > 0)
    facts->hours_per_teacher = teacher_hours / facts->n_teachers;
}

const RdLogFigure *
rd_learning_facts_lookup (const RdLearningFacts *facts,
                          const char            *item_id)
{
  g_return_val_if_fail (facts != NULL, NULL);

  for (guint i = 0; i < facts->n_figures; i++)
    if (g_str_equal (facts->figures[i].item_id, item_id))
      return &facts->figures[i];
  return NULL;
}

void
rd_learning_facts_add_answers (const RdLearningFacts *facts,
                               RdFramework           *framework,
                               RdSchoolType           school_type,
                               GPtrArray             *answers)
{
  g_return_if_fail (facts != NULL && RD_IS_FRAMEWORK (framework) && answers != NULL);

  for (guint f = 0; f < facts->n_figures; f++)
    {
      const RdLogFigure *figure = &facts->figures[f];
      RdItem *item = rd_framework_lookup_item (framework, figure->item_id);
      RdGroup group;
      gboolean answered = FALSE;
      RdAnswer *answer;

      if (item == NULL)
        continue;
      /* An item without a responsible group: the log speaks for the first
       * group asked, and only when nobody answered. */
      if (!rd_item_get_responsible (item, &group))
        for (group = 0; group < RD_N_GROUPS && !rd_item_asks (item, group); group++)
          ;
      if (group >= RD_N_GROUPS)
        continue;

      for (guint a = 0; a < answers->len && !answered; a++)
        {
          const RdAnswer *other = g_ptr_array_index (answers, a);

          answered = g_str_equal (other->item_id, figure->item_id) && !rd_answer_is_empty (other) &&
                     (other->group == group || !rd_item_get_responsible (item, NULL));
        }
      if (answered)
        continue;

      answer = rd_answer_new ();
      answer->respondent_id = RD_LOG_RESPONDENT_ID;
      answer->group = group;
      answer->item_id = g_strdup (figure->item_id);
      answer->item_version = rd_item_get_version (item);
      answer->value = figure->value;
      answer->reference_day = facts->reference_day;
      answer->school_type = school_type;
      g_ptr_array_add (answers, answer);
    }
}
