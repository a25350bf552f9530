#pragma once

#include <glib.h>

#include "rd-types.h"

G_BEGIN_DECLS

/* The anonymity threshold: nothing about a group of respondents is shown,
 * printed or exported that rests on fewer answers than this. The one
 * definition of its limits: the Preferences, the GSettings schema's range
 * (a test holds it to these), the command line and every output use it. */
#define RD_ANONYMITY_THRESHOLD_MIN     2
#define RD_ANONYMITY_THRESHOLD_MAX     20
#define RD_ANONYMITY_THRESHOLD_DEFAULT 3

/* @threshold moved into the limits: below the minimum becomes the minimum,
 * so that no output can be asked for less privacy. */
guint       rd_anonymity_threshold_clamp     (gint64        threshold);
/* FALSE with RD_VALUE_ERROR_OUT_OF_RANGE, and a message that states the
 * limits, when @threshold lies outside them. */
gboolean    rd_anonymity_threshold_validate  (gint64        threshold,
                                              GError      **error);

/* How a group of respondents appears in the views of the groups and in the
 * answer exports. */
typedef enum {
  RD_GROUP_VIEW_NONE,      /* nobody of the group answered */
  RD_GROUP_VIEW_OWN,       /* shown as itself */
  RD_GROUP_VIEW_COMBINED,  /* shown only together with the other combined groups */
  RD_GROUP_VIEW_WITHHELD,  /* shown nowhere apart from the school's overall results */
} RdGroupView;

/* Which groups are shown on their own and which together. A group smaller
 * than the threshold is never shown on its own; the small groups are shown
 * combined when together they reach the threshold. Below it, the smallest
 * other group joins them (among equals the last in group order, so that
 * leaders and teachers stay apart longest): otherwise the school's overall
 * result minus the groups shown would give away the small ones. When only
 * one group would remain beside them, no group is shown at all. */
typedef struct
{
  guint threshold;                /* clamped */
  RdGroupView view[RD_N_GROUPS];
  guint combined;                 /* the combined groups, as 1 << RdGroup bits */
  guint n_withheld;               /* groups with respondents shown nowhere */
} RdGroupPlan;

void        rd_group_plan_init               (RdGroupPlan       *plan,
                                              const guint        n_respondents[RD_N_GROUPS],
                                              guint              threshold);
/* The number of views: groups shown on their own, and the combined one. */
guint       rd_group_plan_get_n_views        (const RdGroupPlan *plan);

/* Which figures of one item (or any one figure) may be shown, given the
 * answers @n[v] behind it in each of @n_views views. A figure resting on
 * fewer answers than @threshold is hidden. When the hidden ones together
 * rest on some answers but fewer than the threshold, the smallest shown
 * one is hidden too, since the school's overall figure minus the shown
 * ones would reveal them. Returns how many are shown. */
guint       rd_anonymity_check_figures       (const guint       *n,
                                              guint              n_views,
                                              guint              threshold,
                                              gboolean          *shown);

/* "School leaders and support staff", for the groups in @groups
 * (1 << RdGroup bits) in group order. */
char       *rd_group_list_title              (guint              groups);
/* The title of a view that combines @groups: "School leaders and support
 * staff (combined)". */
char       *rd_group_combined_title          (guint              groups);
/* What stands in place of a hidden figure, the same on screen, in the
 * report and in exports. */
const char *rd_anonymity_get_hidden_text     (void);

G_END_DECLS
