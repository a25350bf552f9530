#define G_LOG_DOMAIN "rd-review-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-own-questions-page.h"
#include "rd-review-page-private.h"

struct _RdReviewPage
{
  GtkWidget parent_instance;

  guint n_unanswered;
  guint n_without_evidence;
  GPtrArray *own_questions;
  GHashTable *evidence_counts;  /* item id → count; NULL: not shown */

  /* Template children */
  GtkLabel *summary_label;
  GtkWidget *complete_button;
  GtkWidget *reopen_button;
  GtkBox *area_groups;
  AdwPreferencesGroup *evidence_group;
  GtkWidget *evidence_rows;     /* an AdwExpanderRow per area, in a box inside the group */
};

G_DEFINE_FINAL_TYPE (RdReviewPage, rd_review_page, GTK_TYPE_WIDGET)

static void
rd_review_page_dispose (GObject *object)
{
  RdReviewPage *self = RD_REVIEW_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_REVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->own_questions, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
  G_OBJECT_CLASS (rd_review_page_parent_class)->dispose (object);
}

static void
rd_review_page_class_init (RdReviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdReviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdReviewPage, complete_button);
  gtk_widget_class_bind_template_child (widget_class, RdReviewPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RdReviewPage, area_groups);
  gtk_widget_class_bind_template_child (widget_class, RdReviewPage, evidence_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rd_review_page_init (RdReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rd_review_page_new (void)
{
  return g_object_new (RD_TYPE_REVIEW_PAGE, NULL);
}

/* A row that goes to @item in its area's page. */
static GtkWidget *
create_item_link (RdItem *item)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_text_get_localized (rd_item_get_text (item)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "assessment.show-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", rd_item_get_id (item));
  return row;
}

/* An expander row per area, of its items without evidence; NULL when it
 * has none. Folded: the list is long early in a school year. */
static GtkWidget *
create_evidence_expander (const char *title,
                          GPtrArray  *items,
                          GHashTable *counts,
                          guint      *n_without)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;
  guint missing = 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  for (guint i = 0; i < items->len; i++)
    {
      RdItem *item = g_ptr_array_index (items, i);

      if (g_hash_table_contains (counts, rd_item_get_id (item)))
        continue;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), create_item_link (item));
      missing++;
    }

  *n_without += missing;
  if (missing == 0)
    {
      g_object_ref_sink (expander);
      g_object_unref (expander);
      return NULL;
    }

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u item without evidence", "%u items without evidence", missing),
                              missing);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  return expander;
}

/* Every item of the assessment (the school's, whoever answers it) that has
 * no evidence yet, area by area. */
static void
update_evidence (RdReviewPage     *self,
                 RdFramework      *framework,
                 RdAssessmentMode  mode)
{
  g_autofree char *description = NULL;

  if (self->evidence_rows != NULL)
    adw_preferences_group_remove (self->evidence_group, self->evidence_rows);
  self->evidence_rows = NULL;
  self->n_without_evidence = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), self->evidence_counts != NULL);
  if (self->evidence_counts == NULL)
    return;

  self->evidence_rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->evidence_rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->evidence_rows, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_rows), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Items with No Evidence"), -1);

  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    {
      RdArea *area = rd_framework_get_area (framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (framework, rd_area_get_id (area), mode);
      GtkWidget *expander = create_evidence_expander (rd_text_get_localized (rd_area_get_title (area)), items,
                                                      self->evidence_counts, &self->n_without_evidence);

      if (expander != NULL)
        gtk_list_box_append (GTK_LIST_BOX (self->evidence_rows), expander);
    }
  if (self->own_questions != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      GtkWidget *expander;

      for (guint q = 0; q < self->own_questions->len; q++)
        g_ptr_array_add (items, rd_own_question_get_item (g_ptr_array_index (self->own_questions, q)));
      expander = create_evidence_expander (rd_own_questions_page_get_title (), items, self->evidence_counts,
                                           &self->n_without_evidence);
      if (expander != NULL)
        gtk_list_box_append (GTK_LIST_BOX (self->evidence_rows), expander);
    }

  if (self->n_without_evidence == 0)
    description = g_strdup (_("Every item has evidence."));
  else
    description = g_strdup_printf (g_dngettext (NULL,
                                                "%u item has no evidence yet. Evidence is optional; it shows why the school answered as it did.",
                                                "%u items have no evidence yet. Evidence is optional; it shows why the school answered as it did.",
                                                self->n_without_evidence),
                                   self->n_without_evidence);
  adw_preferences_group_set_description (self->evidence_group, description);
  if (self->n_without_evidence > 0)
    adw_preferences_group_add (self->evidence_group, self->evidence_rows);
  else
    {
      g_object_ref_sink (self->evidence_rows);
      g_object_unref (self->evidence_rows);
      self->evidence_rows = NULL;
    }
}

static GtkWidget *
create_area_group (const char *title,
                   GPtrArray  *items,
                   GHashTable *answered,
                   guint      *n_unanswered)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;
  guint missing = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  for (guint i = 0; i < items->len; i++)
    {
      RdItem *item = g_ptr_array_index (items, i);

      if (g_hash_table_contains (answered, rd_item_get_id (item)))
        continue;

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_item_link (item));
      missing++;
    }

  *n_unanswered += missing;
  if (missing == 0)
    {
      g_object_ref_sink (group);
      g_object_unref (group);
      return NULL;
    }

  description = g_strdup_printf (g_dngettext (NULL, "%u unanswered item", "%u unanswered items", missing),
                                 missing);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* Lists what the respondent has left unanswered of the items @group is
 * asked (every item when @group is -1). */
void
rd_review_page_update (RdReviewPage       *self,
                       RdFramework        *framework,
                       RdAssessmentMode    mode,
                       int                 group,
                       GHashTable         *answered,
                       RdAssessmentStatus  status)
{
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_items = 0;

  g_return_if_fail (RD_IS_REVIEW_PAGE (self));

  gtk_widget_set_visible (self->complete_button, status != RD_ASSESSMENT_STATUS_COMPLETE);
  gtk_widget_set_visible (self->reopen_button, status == RD_ASSESSMENT_STATUS_COMPLETE);

  /* The groups follow what is answered: built anew each time. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->area_groups))) != NULL)
    gtk_box_remove (self->area_groups, child);

  self->n_unanswered = 0;
  for (guint a = 0; a < rd_framework_get_n_areas (framework); a++)
    {
      RdArea *area = rd_framework_get_area (framework, a);
      g_autoptr(GPtrArray) items = group < 0 ? rd_framework_list_items (framework, rd_area_get_id (area), mode)
                                             : rd_framework_list_asked_items (framework, rd_area_get_id (area),
                                                                              mode, group);
      GtkWidget *area_group;

      n_items += items->len;
      area_group = create_area_group (rd_text_get_localized (rd_area_get_title (area)), items, answered,
                                      &self->n_unanswered);
      if (area_group != NULL)
        gtk_box_append (self->area_groups, area_group);
    }

  /* The school's own questions, as their page asks them. */
  if (self->own_questions != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      GtkWidget *own_group;

      for (guint q = 0; q < self->own_questions->len; q++)
        {
          RdOwnQuestion *question = g_ptr_array_index (self->own_questions, q);

          if (group < 0 || rd_own_question_asks (question, group))
            g_ptr_array_add (items, rd_own_question_get_item (question));
        }
      n_items += items->len;
      own_group = create_area_group (rd_own_questions_page_get_title (), items, answered, &self->n_unanswered);
      if (own_group != NULL)
        gtk_box_append (self->area_groups, own_group);
    }

  if (status == RD_ASSESSMENT_STATUS_COMPLETE)
    summary = g_strdup (_("This assessment is complete. Its answers can be read but not changed until it is reopened."));
  else if (self->n_unanswered == 0)
    summary = g_strdup (_("Every item is answered. Mark the assessment complete when the answers are final."));
  else
    summary = g_strdup_printf (g_dngettext (NULL,
                                            "%u of %u item is answered. The unanswered ones are listed below.",
                                            "%u of %u items are answered. The unanswered ones are listed below.",
                                            n_items),
                               n_items - self->n_unanswered, n_items);
  gtk_label_set_text (self->summary_label, summary);
  /* Hidden while empty, so that no spacing is left for it. */
  gtk_widget_set_visible (GTK_WIDGET (self->area_groups), self->n_unanswered > 0);
  update_evidence (self, framework, mode);
}

guint
rd_review_page_get_n_unanswered (RdReviewPage *self)
{
  g_return_val_if_fail (RD_IS_REVIEW_PAGE (self), 0);
  return self->n_unanswered;
}

guint
rd_review_page_get_n_without_evidence (RdReviewPage *self)
{
  g_return_val_if_fail (RD_IS_REVIEW_PAGE (self), 0);
  return self->n_without_evidence;
}

void
rd_review_page_set_evidence (RdReviewPage *self,
                             GHashTable   *counts)
{
  g_return_if_fail (RD_IS_REVIEW_PAGE (self));

  if (counts != NULL)
    g_hash_table_ref (counts);
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
  self->evidence_counts = counts;
}

void
rd_review_page_set_own_questions (RdReviewPage *self,
                                  GPtrArray    *questions)
{
  g_return_if_fail (RD_IS_REVIEW_PAGE (self));

  if (questions != NULL)
    g_ptr_array_ref (questions);
  g_clear_pointer (&self->own_questions, g_ptr_array_unref);
  self->own_questions = questions;
}
