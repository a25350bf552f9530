#define G_LOG_DOMAIN "rd-anonymity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-anonymity.h"
#include "rd-errors.h"

guint
rd_anonymity_threshold_clamp (gint64 threshold)
{
  return (guint) CLAMP (threshold, RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MAX);
}

gboolean
rd_anonymity_threshold_validate (gint64   threshold,
                                 GError **error)
{
  if (threshold >= RD_ANONYMITY_THRESHOLD_MIN && threshold <= RD_ANONYMITY_THRESHOLD_MAX)
    return TRUE;

  if (threshold < RD_ANONYMITY_THRESHOLD_MIN)
    g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                 /* Translators: the anonymity threshold; the numbers are its limits, "between 2 and 20" */
                 _("The anonymity threshold must be at least %d: with fewer, one person’s answers would be "
                   "shown as a group’s (it lies between %d and %d)"),
                 RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MAX);
  else
    g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                 _("The anonymity threshold must lie between %d and %d"),
                 RD_ANONYMITY_THRESHOLD_MIN, RD_ANONYMITY_THRESHOLD_MAX);
  return FALSE;
}

/* The group that joins too small a combination: the smallest shown group,
 * among equals the last in group order. */
static int
find_partner (const RdGroupPlan *plan,
              const guint        n_respondents[RD_N_GROUPS])
{
  int partner = -1;

  for (int g = RD_N_GROUPS - 1; g >= 0; g--)
    if (plan->view[g] == RD_GROUP_VIEW_OWN && (partner < 0 || n_respondents[g] < n_respondents[partner]))
      partner = g;
  return partner;
}

void
rd_group_plan_init (RdGroupPlan *plan,
                    const guint  n_respondents[RD_N_GROUPS],
                    guint        threshold)
{
  guint n_small = 0, n_own = 0;

  g_return_if_fail (plan != NULL);

  *plan = (RdGroupPlan) { .threshold = rd_anonymity_threshold_clamp (threshold) };
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      if (n_respondents[g] == 0)
        continue;
      if (n_respondents[g] >= plan->threshold)
        {
          plan->view[g] = RD_GROUP_VIEW_OWN;
          n_own++;
        }
      else
        {
          plan->view[g] = RD_GROUP_VIEW_COMBINED;
          plan->combined |= 1u << g;
          n_small += n_respondents[g];
        }
    }

  if (n_small == 0 || n_small >= plan->threshold)
    return;

  if (n_own >= 2)
    {
      int partner = find_partner (plan, n_respondents);

      plan->view[partner] = RD_GROUP_VIEW_COMBINED;
      plan->combined |= 1u << partner;
      return;
    }

  /* One group beside the small ones would be the school minus them. */
  plan->combined = 0;
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (plan->view[g] != RD_GROUP_VIEW_NONE)
      {
        plan->view[g] = RD_GROUP_VIEW_WITHHELD;
        plan->n_withheld++;
      }
}

guint
rd_group_plan_get_n_views (const RdGroupPlan *plan)
{
  guint n;

  g_return_val_if_fail (plan != NULL, 0);

  n = plan->combined != 0 ? 1 : 0;
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (plan->view[g] == RD_GROUP_VIEW_OWN)
      n++;
  return n;
}

guint
rd_anonymity_check_figures (const guint *n,
                            guint        n_views,
                            guint        threshold,
                            gboolean    *shown)
{
  guint hidden = 0, n_shown = 0;
  int smallest = -1;

  threshold = rd_anonymity_threshold_clamp (threshold);
  for (guint v = 0; v < n_views; v++)
    {
      shown[v] = n[v] >= threshold;
      if (!shown[v])
        hidden += n[v];
      /* Among equals the last, as rd_group_plan_init() picks. */
      else if (smallest < 0 || n[v] <= n[smallest])
        smallest = (int) v;
    }

  if (hidden > 0 && hidden < threshold && smallest >= 0)
    shown[smallest] = FALSE;

  for (guint v = 0; v < n_views; v++)
    n_shown += shown[v] ? 1 : 0;
  return n_shown;
}

/* Plural, as a list starts. */
static const char *
group_plural_title (RdGroup group)
{
  switch (group)
    {
    case RD_GROUP_LEADER:
      return C_("groups, first in a list", "School leaders");
    case RD_GROUP_TEACHER:
      return C_("groups, first in a list", "Teachers");
    case RD_GROUP_SUPPORT_STAFF:
      return C_("groups, first in a list", "Support staff");
    case RD_GROUP_LEARNER:
      return C_("groups, first in a list", "Learners");
    case RD_GROUP_PARENT:
      return C_("groups, first in a list", "Parents");
    default:
      return C_("groups, first in a list", "Others");
    }
}

/* Plural, further on in a list. */
static const char *
group_plural_name (RdGroup group)
{
  switch (group)
    {
    case RD_GROUP_LEADER:
      return C_("groups, later in a list", "school leaders");
    case RD_GROUP_TEACHER:
      return C_("groups, later in a list", "teachers");
    case RD_GROUP_SUPPORT_STAFF:
      return C_("groups, later in a list", "support staff");
    case RD_GROUP_LEARNER:
      return C_("groups, later in a list", "learners");
    case RD_GROUP_PARENT:
      return C_("groups, later in a list", "parents");
    default:
      return C_("groups, later in a list", "others");
    }
}

char *
rd_group_list_title (guint groups)
{
  g_autofree char *list = NULL;
  guint left = groups & ((1u << RD_N_GROUPS) - 1);

  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      char *longer;

      if ((left & (1u << g)) == 0)
        continue;
      left &= ~(1u << g);
      if (list == NULL)
        longer = g_strdup (group_plural_title (g));
      else if (left != 0)
        /* Translators: a list of groups that goes on, "School leaders, parents" */
        longer = g_strdup_printf (_("%s, %s"), list, group_plural_name (g));
      else
        /* Translators: the last group of a list, "School leaders and support staff" */
        longer = g_strdup_printf (_("%s and %s"), list, group_plural_name (g));
      g_free (list);
      list = longer;
    }

  return list != NULL ? g_steal_pointer (&list) : g_strdup ("");
}

char *
rd_group_combined_title (guint groups)
{
  g_autofree char *list = rd_group_list_title (groups);

  /* Translators: groups too small to be shown apart, shown as one:
   * "School leaders and support staff (combined)" */
  return g_strdup_printf (_("%s (combined)"), list);
}

const char *
rd_anonymity_get_hidden_text (void)
{
  /* Translators: in place of a group's figure that would rest on fewer
   * answers than the anonymity threshold */
  return _("too few answers");
}
