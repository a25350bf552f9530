#define G_LOG_DOMAIN "rd-discussion-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-anonymity.h"
#include "rd-chart-distribution.h"
#include "rd-chart-view.h"
#include "rd-discussion-window-private.h"
#include "rd-item-row.h"

typedef struct
{
  RdDistributionRow rows[RD_N_GROUPS];
  guint n_rows;
  char *labels[RD_N_GROUPS];
  const char *band_labels[RD_CHART_N_BANDS];
} DistributionData;

struct _RdDiscussionWindow
{
  AdwWindow parent_instance;

  RdFramework *framework;
  RdGroupComparison *comparison;
  GArray *differences;     /* of RdItemDifference, largest first */
  guint position;

  GtkStack *stack;
  GtkLabel *area_label;
  GtkLabel *item_label;
  GtkLabel *difference_label;
  GtkLabel *position_label;
  RdChartView *chart;
};

G_DEFINE_FINAL_TYPE (RdDiscussionWindow, rd_discussion_window, ADW_TYPE_WINDOW)

static void
distribution_data_free (gpointer data)
{
  DistributionData *distribution = data;

  for (guint i = 0; i < distribution->n_rows; i++)
    g_free (distribution->labels[i]);
  g_free (distribution);
}

static void
draw_distribution (cairo_t              *cr,
                   double                width,
                   double                height,
                   gpointer              data,
                   const RdChartPalette *palette)
{
  DistributionData *distribution = data;

  rd_chart_draw_distribution (cr, width, height, distribution->rows, distribution->n_rows,
                              distribution->band_labels, palette);
}

static const char *
score_band_label (guint band)
{
  switch (band)
    {
    /* Translators: the five bands of scores (0–100) in the discussion view */
    case 0: return _("Score 0–19");
    case 1: return _("20–39");
    case 2: return _("40–59");
    case 3: return _("60–79");
    default: return _("80–100");
    }
}

static void
show_item (RdDiscussionWindow *self)
{
  const RdItemDifference *difference = rd_discussion_window_get_difference (self);
  DistributionData *distribution;
  RdArea *area;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *position = NULL;
  g_autofree char *apart = NULL;
  gboolean statement;

  if (difference == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "item");

  area = rd_framework_lookup_area (self->framework, rd_item_get_area_id (difference->item));
  gtk_label_set_text (self->area_label, area ? rd_text_get_localized (rd_area_get_title (area)) : "");
  gtk_label_set_text (self->item_label, rd_text_get_localized (rd_item_get_text (difference->item)));
  /* Translators: the gap between the highest and lowest group's mean score */
  apart = g_strdup_printf (_("The groups’ average scores lie %.0f points apart."), difference->difference);
  gtk_label_set_text (self->difference_label, apart);
  /* Translators: "3 of 12" items in the discussion */
  position = g_strdup_printf (_("%u of %u"), self->position + 1, self->differences->len);
  gtk_label_set_text (self->position_label, position);

  statement = rd_item_get_kind (difference->item) == RD_ITEM_KIND_STATEMENT;
  distribution = g_new0 (DistributionData, 1);
  for (guint band = 0; band < RD_CHART_N_BANDS; band++)
    distribution->band_labels[band] = statement ? rd_agreement_get_label (band + 1) : score_band_label (band);

  /* Every view of the comparison; a hidden figure is an empty track that
   * says so, as on the Results page. */
  for (guint v = 0; v < rd_group_comparison_get_n_groups (self->comparison); v++)
    {
      const char *title = rd_group_comparison_get_group (self->comparison, v)->title;
      RdDistributionRow *row = &distribution->rows[distribution->n_rows];

      if (difference->shown[v])
        distribution->labels[distribution->n_rows] =
          /* Translators: a group and its number of answers, "Teacher · 4 answers" */
          g_strdup_printf (g_dngettext (NULL, "%s · %u answer", "%s · %u answers", difference->n[v]),
                           title, difference->n[v]);
      else
        /* Translators: a group whose answers are hidden, "Parent · too few answers", or who
         * are not asked the item, "Parent · not asked" */
        distribution->labels[distribution->n_rows] =
          g_strdup_printf (_("%s · %s"), title,
                           rd_group_comparison_view_is_asked (self->comparison, v, difference->item)
                             ? rd_anonymity_get_hidden_text () : rd_group_not_asked_text ());
      row->label = distribution->labels[distribution->n_rows];
      memcpy (row->counts, difference->bands[v], sizeof row->counts);
      distribution->n_rows++;

      if (!difference->shown[v])
        {
          g_string_append_printf (description, "%s.\n", row->label);
          continue;
        }
      g_string_append_printf (description, "%s:", row->label);
      for (guint band = 0; band < RD_CHART_N_BANDS; band++)
        g_string_append_printf (description, " %s %u%s", distribution->band_labels[band], row->counts[band],
                                band + 1 < RD_CHART_N_BANDS ? "," : ".\n");
    }

  rd_chart_view_set_data (self->chart, distribution, distribution_data_free);
  rd_chart_view_set_description (self->chart, _("How each group answered"), description->str);
}

static void
go_to (RdDiscussionWindow *self,
       guint               position)
{
  if (self->differences->len == 0)
    return;
  self->position = MIN (position, self->differences->len - 1);
  show_item (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.next", self->position + 1 < self->differences->len);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdDiscussionWindow *self = RD_DISCUSSION_WINDOW (widget);

  if (self->position > 0)
    go_to (self, self->position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdDiscussionWindow *self = RD_DISCUSSION_WINDOW (widget);

  go_to (self, self->position + 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_to (RD_DISCUSSION_WINDOW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_to (RD_DISCUSSION_WINDOW (widget), G_MAXUINT);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
rd_discussion_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RD_TYPE_DISCUSSION_WINDOW);
  G_OBJECT_CLASS (rd_discussion_window_parent_class)->dispose (object);
}

static void
rd_discussion_window_finalize (GObject *object)
{
  RdDiscussionWindow *self = RD_DISCUSSION_WINDOW (object);

  g_clear_object (&self->framework);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->differences, g_array_unref);
  G_OBJECT_CLASS (rd_discussion_window_parent_class)->finalize (object);
}

static void
rd_discussion_window_class_init (RdDiscussionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_discussion_window_dispose;
  object_class->finalize = rd_discussion_window_finalize;

  g_type_ensure (RD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/workshop/rd-discussion-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, area_label);
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, item_label);
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, difference_label);
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, RdDiscussionWindow, chart);

  gtk_widget_class_install_action (widget_class, "discussion.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "discussion.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "discussion.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "discussion.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "discussion.close", NULL, close_action);
}

static void
rd_discussion_window_init (RdDiscussionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_chart_view_set_draw_func (self->chart, draw_distribution);
}

GtkWidget *
rd_discussion_window_new (GtkWindow         *parent,
                          RdFramework       *framework,
                          RdGroupComparison *comparison)
{
  RdDiscussionWindow *self;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (RD_IS_GROUP_COMPARISON (comparison), NULL);

  self = g_object_new (RD_TYPE_DISCUSSION_WINDOW, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->framework = g_object_ref (framework);
  rd_discussion_window_set_comparison (self, comparison);
  return GTK_WIDGET (self);
}

/* Shows @comparison's differences, staying on the current item while it is
 * still among them. */
void
rd_discussion_window_set_comparison (RdDiscussionWindow *self,
                                     RdGroupComparison  *comparison)
{
  RdItem *current;
  guint position = 0;

  g_return_if_fail (RD_IS_DISCUSSION_WINDOW (self));
  g_return_if_fail (RD_IS_GROUP_COMPARISON (comparison));

  current = self->differences != NULL ? rd_discussion_window_get_item (self) : NULL;
  g_set_object (&self->comparison, comparison);
  g_clear_pointer (&self->differences, g_array_unref);
  self->differences = rd_group_comparison_list_differences (comparison, 0);
  for (guint i = 0; i < self->differences->len; i++)
    if (g_array_index (self->differences, RdItemDifference, i).item == current)
      position = i;

  self->position = 0;
  if (self->differences->len > 0)
    {
      go_to (self, position);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.previous", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.next", FALSE);
      show_item (self);
    }
}

guint
rd_discussion_window_get_n_items (RdDiscussionWindow *self)
{
  g_return_val_if_fail (RD_IS_DISCUSSION_WINDOW (self), 0);
  return self->differences->len;
}

guint
rd_discussion_window_get_position (RdDiscussionWindow *self)
{
  g_return_val_if_fail (RD_IS_DISCUSSION_WINDOW (self), 0);
  return self->position;
}

const RdItemDifference *
rd_discussion_window_get_difference (RdDiscussionWindow *self)
{
  g_return_val_if_fail (RD_IS_DISCUSSION_WINDOW (self), NULL);
  if (self->position >= self->differences->len)
    return NULL;
  return &g_array_index (self->differences, RdItemDifference, self->position);
}

RdItem *
rd_discussion_window_get_item (RdDiscussionWindow *self)
{
  const RdItemDifference *difference = rd_discussion_window_get_difference (self);

  return difference ? difference->item : NULL;
}
