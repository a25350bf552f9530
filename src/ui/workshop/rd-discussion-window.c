#define G_LOG_DOMAIN "rd-discussion-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-anonymity.h"
#include "rd-chart-distribution.h"
#include "rd-chart-view.h"
#include "rd-discussion-window.h"
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rd_discussion_window_finalize;

  gtk_widget_class_install_action (widget_class, "discussion.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "discussion.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "discussion.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "discussion.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "discussion.close", NULL, close_action);
}

/* In the capture phase, so that GtkWindow's own arrow-key focus moves do
 * not take the keys first. Presentation remotes send Page Up/Down. */
static void
add_navigation_keys (RdDiscussionWindow *self)
{
  static const struct { guint keyval; const char *action; } keys[] = {
    { GDK_KEY_Right, "discussion.next" },
    { GDK_KEY_Page_Down, "discussion.next" },
    { GDK_KEY_Left, "discussion.previous" },
    { GDK_KEY_Page_Up, "discussion.previous" },
    { GDK_KEY_Home, "discussion.first" },
    { GDK_KEY_End, "discussion.last" },
    { GDK_KEY_Escape, "discussion.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static GtkLabel *
add_label (GtkBox     *box,
           double      scale,
           PangoWeight weight,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  pango_attr_list_insert (attributes, pango_attr_weight_new (weight));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static GtkWidget *
nav_button (const char *icon_name,
            const char *action_name,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
rd_discussion_window_init (RdDiscussionWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *item_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *footer = gtk_center_box_new ();
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *title = adw_window_title_new (_("Discussion"), NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Discussion"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (outer), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  gtk_widget_set_margin_start (item_box, 48);
  gtk_widget_set_margin_end (item_box, 48);
  gtk_widget_set_margin_bottom (item_box, 24);
  self->area_label = add_label (GTK_BOX (item_box), 1.6, PANGO_WEIGHT_NORMAL, "dim-label");
  self->item_label = add_label (GTK_BOX (item_box), 2.6, PANGO_WEIGHT_BOLD, NULL);
  self->difference_label = add_label (GTK_BOX (item_box), 1.6, PANGO_WEIGHT_NORMAL, NULL);

  self->chart = RD_CHART_VIEW (rd_chart_view_new (draw_distribution, 320));
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (GTK_BOX (item_box), GTK_WIDGET (self->chart));

  gtk_box_append (GTK_BOX (nav), nav_button ("go-previous-symbolic", "discussion.previous", _("Previous Item")));
  self->position_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "numeric");
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->position_label));
  gtk_box_append (GTK_BOX (nav), nav_button ("go-next-symbolic", "discussion.next", _("Next Item")));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (footer), nav);
  gtk_box_append (GTK_BOX (item_box), footer);
  gtk_stack_add_named (self->stack, item_box, "item");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Discuss Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Views can be compared once at least two groups have enough "
                                     "respondents to be shown."));
  gtk_stack_add_named (self->stack, empty, "empty");

  adw_window_set_content (ADW_WINDOW (self), outer);
  add_navigation_keys (self);
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
