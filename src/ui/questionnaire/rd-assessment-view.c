#define G_LOG_DOMAIN "rd-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-accessible.h"
#include "rd-evidence-dialog.h"
#include "rd-action-plan-page.h"
#include "rd-answer-history.h"
#include "rd-assessment-view-private.h"
#include "rd-import-dialog.h"
#include "rd-learning-format.h"
#include "rd-survey-import-job.h"
#include "rd-response-file.h"
#include "rd-meter.h"
#include "rd-own-copy-dialog.h"
#include "rd-own-question-dialog.h"
#include "rd-own-questions-page.h"
#include "rd-report-commands.h"
#include "rd-respondent-answers.h"
#include "rd-handover-page.h"
#include "rd-workshop-session.h"
#include "rd-undo-toast.h"

/* Where the user is is written after this pause, and when the view closes. */
#define POSITION_DELAY_MS 1000

struct _RdAssessmentView
{
  GtkWidget parent_instance;

  RdStore *store;
  RdFramework *framework;
  RdAssessment *assessment;
  RdAnswerHistory *history;
  RdRespondentAnswers *answers;  /* of the respondent shown; nobody (0) between participants */
  int group;                 /* the respondent's RdGroup, whose items are shown; -1 between participants */
  GPtrArray *area_pages;     /* of RdAreaPage, in display order; the own questions' last */
  GPtrArray *own_questions;  /* of RdOwnQuestion: the school's own, of this assessment */
  RdAreaPage *own_page;      /* the page of those, in area_pages */
  RdReviewPage *review_page;
  RdResultsPage *results_page;
  RdActionPlanPage *action_plan_page;
  RdReportCommands *report_commands;
  GtkWindow *dialog;
  guint position_timeout;
  char *focus_when_mapped;   /* an item to focus once the view is on screen */

  /* Who answers: the facilitator, or in a workshop round one participant
   * after another; the results stay hidden until the round ends. Between
   * two participants nobody answers: the respondent is 0 and the
   * questionnaire shows no one's answers. */
  RdWorkshopSession *session;
  GtkWidget *handover_page;
  GtkWidget *done_button;        /* the sidebar follows the page, not the other way */

  AdwLeaflet *leaflet;
  gboolean may_go_back;       /* to the sidebar, but not from the hand-over screen */
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *content_title;
  GtkLabel *progress_label;
  RdMeter *progress_meter;
  GtkListBox *area_list;
  GtkDropDown *group_dropdown;
  GtkWidget *group_label;
  GtkRevealer *complete_banner;
  GtkRevealer *edition_banner;
  GtkLabel *edition_label;
  AdwToastOverlay *toast_overlay;
  GtkStack *pages;
};

#define HANDOVER_PAGE_NAME "handover"

G_DEFINE_FINAL_TYPE (RdAssessmentView, rd_assessment_view, GTK_TYPE_WIDGET)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_IN_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_area_row_selected (RdAssessmentView *self,
                                  GtkListBoxRow    *row);
static void on_group_selected    (RdAssessmentView *self);

/* Whose answers are shown and given. */
static gint64
current_respondent (RdAssessmentView *self)
{
  return rd_respondent_answers_get_respondent (self->answers);
}

static gboolean
in_round (RdAssessmentView *self)
{
  return rd_workshop_session_is_active (self->session);
}

static gboolean
is_complete (RdAssessmentView *self)
{
  return rd_assessment_get_status (self->assessment) == RD_ASSESSMENT_STATUS_COMPLETE;
}

/* The hand-over screen: between two participants of a round. */
static gboolean
is_handing_over (RdAssessmentView *self)
{
  return in_round (self) && current_respondent (self) == 0;
}

static RdAreaPage *
visible_area_page (RdAssessmentView *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages);

  return RD_IS_AREA_PAGE (child) ? RD_AREA_PAGE (child) : NULL;
}

static RdAreaPage *
page_of_item (RdAssessmentView *self,
              const char       *item_id)
{
  RdItem *item;

  if (rd_own_questions_lookup (self->own_questions, item_id) != NULL)
    return self->own_page;
  item = rd_framework_lookup_item (self->framework, item_id);

  return item ? rd_assessment_view_get_area_page (self, rd_item_get_area_id (item)) : NULL;
}

static void
write_position (RdAssessmentView *self)
{
  RdAreaPage *page = visible_area_page (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->position_timeout, g_source_remove);
  /* Where a participant stopped is not where the facilitator resumes. */
  if (page == NULL || in_round (self))
    return;

  if (!rd_store_set_position (self->store, rd_assessment_get_id (self->assessment),
                              rd_area_get_id (rd_area_page_get_area (page)),
                              rd_area_page_get_focused_item (page), &error))
    g_warning ("Could not remember the position: %s", error->message);
}

static gboolean
on_position_timeout (gpointer user_data)
{
  RdAssessmentView *self = user_data;

  self->position_timeout = 0;
  write_position (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_position (RdAssessmentView *self)
{
  g_clear_handle_id (&self->position_timeout, g_source_remove);
  self->position_timeout = g_timeout_add (POSITION_DELAY_MS, on_position_timeout, self);
}

/* The respondent's answers among the items they are asked. */
static guint
count_answered (RdAssessmentView *self,
                RdAreaPage       *page)
{
  guint n = 0;

  for (guint i = 0; i < rd_area_page_get_n_rows (page); i++)
    {
      RdItem *item = rd_item_row_get_item (rd_area_page_get_row (page, i));

      n += rd_area_page_is_asked (page, i) && rd_respondent_answers_contains (self->answers, rd_item_get_id (item));
    }

  return n;
}

static void
update_review (RdAssessmentView *self)
{
  g_autoptr(GHashTable) evidence = rd_store_count_evidence_by_item (self->store,
                                                                    rd_assessment_get_id (self->assessment), NULL);

  rd_review_page_set_evidence (self->review_page, evidence);
  rd_review_page_set_own_questions (self->review_page, self->own_questions);
  rd_review_page_update (self->review_page, self->framework, rd_assessment_get_mode (self->assessment),
                         self->group, rd_respondent_answers_get_table (self->answers),
                         rd_assessment_get_status (self->assessment));
}

static guint
count_unanswered (RdAssessmentView *self)
{
  guint missing = 0;

  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      missing += rd_area_page_get_n_asked (page) - count_answered (self, page);
    }

  return missing;
}

/* The first (@step 1) or last (-1) area with an item the respondent is asked. */
static RdAreaPage *
end_area_page (RdAssessmentView *self,
               int               step)
{
  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, step > 0 ? i : self->area_pages->len - 1 - i);

      if (rd_area_page_get_n_asked (page) > 0)
        return page;
    }
  return NULL;
}

static void
update_progress (RdAssessmentView *self)
{
  g_autofree char *progress = NULL;
  guint total_answered = 0, total_items = 0;

  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->area_list, (int) i);
      GtkWidget *count = g_object_get_data (G_OBJECT (row), "count");
      GtkWidget *done = g_object_get_data (G_OBJECT (row), "done");
      guint answered = count_answered (self, page);
      guint n_rows = rd_area_page_get_n_asked (page);
      g_autofree char *text = g_strdup_printf ("%u/%u", answered, n_rows);
      g_autofree char *description = NULL;

      /* The page of own questions may have none yet: no count then. */
      gtk_label_set_text (GTK_LABEL (count), n_rows > 0 ? text : "");
      gtk_widget_set_visible (done, n_rows > 0 && answered == n_rows);
      /* Translators: accessible description of an area in the sidebar */
      description = g_strdup_printf (_("%u of %u answered"), answered, n_rows);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      total_answered += answered;
      total_items += n_rows;
    }

  /* Translators: one respondent's own progress, "You have answered 12 of 58 items"; the
   * assessment's list counts the items anyone answered */
  progress = g_strdup_printf (g_dngettext (NULL, "You have answered %u of %u item", "You have answered %u of %u items",
                                           total_items),
                              total_answered, total_items);
  gtk_label_set_text (self->progress_label, progress);
  rd_meter_set_fraction (self->progress_meter, total_items ? (double) total_answered / total_items : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_meter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);

  /* Rebuilding the review's lists is the costly part of an answer; it is
   * only worth it while the review is on screen. */
  if (gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->review_page))
    update_review (self);
}

static void
set_report_commands_enabled (RdAssessmentView *self,
                            gboolean          enabled)
{
  g_auto(GStrv) names = NULL;

  if (self->report_commands == NULL)
    return;

  names = g_action_group_list_actions (G_ACTION_GROUP (self->report_commands));
  for (guint i = 0; names[i] != NULL; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->report_commands),
                                                                              names[i])),
                                 enabled);
}

/* During a round the view is a closed gate: a participant moves between
 * the areas and their own answers only, and from the hand-over screen
 * only joining (or the facilitator's End the Round) leads on. Nothing
 * reaches the facilitator's answers, an earlier participant's, the
 * review, the results, the plan, files or another assessment. */
static void
update_actions (RdAssessmentView *self)
{
  gboolean draft = !is_complete (self);
  gboolean round = in_round (self);
  gboolean handing_over = is_handing_over (self);
  gboolean participant = round && !handing_over;
  RdAreaPage *area = visible_area_page (self);
  RdAreaPage *first = end_area_page (self, 1);
  RdAreaPage *last = end_area_page (self, -1);
  gboolean on_plan = g_strcmp0 (rd_assessment_view_get_visible_area (self), RD_ACTION_PLAN_PAGE_NAME) == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.undo",
                                 draft && !handing_over && rd_answer_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.mark-complete", draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.start-workshop", draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.join", handing_over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.end-round", handing_over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.next-participant", participant);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.reopen", !draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.next-area",
                                 round ? participant && area != NULL && area != last : !on_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.previous-area",
                                 round ? participant && area != NULL && area != first
                                          : first != NULL && area != first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.show-area", !handing_over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.show-item", !handing_over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.show-areas", !handing_over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.close", !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.import", !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.export-answers", !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.edit-action", !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.draft-action", !round);
  /* The school's own questions change while a draft, outside a round. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.add-own-question",
                                 draft && !round && self->own_questions->len < RD_MAX_OWN_QUESTIONS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.edit-own-question", draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.remove-own-question", draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.undo-remove-own-question", draft && !round);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.copy-own-questions",
                                 !round && self->own_questions->len > 0);

  /* A report during a round would show answers the round keeps hidden. */
  set_report_commands_enabled (self, !round);
}

static gboolean
rows_editable (RdAssessmentView *self)
{
  return !is_complete (self) && !is_handing_over (self);
}

/* Only the items the respondent is asked can be answered. */
static void
set_rows_editable (RdAssessmentView *self,
                   gboolean          editable)
{
  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
        {
          rd_item_row_set_editable (rd_area_page_get_row (page, r), editable && rd_area_page_is_asked (page, r));
          /* The assessment's commentary is the school's, not a participant's. */
          rd_item_row_set_evidence_visible (rd_area_page_get_row (page, r), !in_round (self));
        }
    }
}

/* Each area shows the items of the respondent's group, and an area that
 * asks the group nothing is left out of the sidebar. */
static void
show_group_items (RdAssessmentView *self)
{
  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);
      guint n = rd_area_page_show_group (page, self->group);
      /* Outside a round the own questions' page stays, to add some. */
      gboolean shown = n > 0 || (page == self->own_page && !in_round (self));

      gtk_widget_set_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (self->area_list, (int) i)), shown);
    }
}

/* The leaflet's own Alt+← shows the sidebar. Beside the content it is on
 * screen already, yet the leaflet would take the first Alt+← to make it
 * its visible child, and only a second press would reach
 * assessment.close: it goes back only when folded. */
static void
update_navigate_back (RdAssessmentView *self)
{
  adw_leaflet_set_can_navigate_back (self->leaflet, self->may_go_back && adw_leaflet_get_folded (self->leaflet));
}

/* The Review page says the assessment is complete and offers to reopen it
 * itself: the banner above would repeat both. */
static void
update_complete_banner (RdAssessmentView *self)
{
  gboolean on_review = gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->review_page);

  if (self->assessment == NULL)
    return;
  gtk_revealer_set_reveal_child (self->complete_banner, is_complete (self) && !on_review);
}

/* Status changes redraw everything that depends on it. */
static void
apply_status (RdAssessmentView *self)
{
  gboolean editable = !is_complete (self);

  set_rows_editable (self, rows_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), editable && !in_round (self));
  update_complete_banner (self);
  update_progress (self);
  update_actions (self);
}

/* Shows page @name; @focus moves keyboard focus into it (to @item_id or
 * its first item), which browsing the sidebar with the arrow keys must not. */
static void
show_page (RdAssessmentView *self,
           const char       *name,
           const char       *item_id,
           gboolean          focus)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, name);
  int index = -1;

  if (page == NULL)
    return;
  /* An area that asks the respondent nothing is not theirs to open; the
   * own questions' page is, outside a round, to add some. */
  if (RD_IS_AREA_PAGE (page) && rd_area_page_get_n_asked (RD_AREA_PAGE (page)) == 0 &&
      (page != GTK_WIDGET (self->own_page) || in_round (self)))
    return;
  /* In a round only a participant's own areas can be shown; the hand-over
   * screen is left by joining alone. */
  if (in_round (self) && (is_handing_over (self) || !RD_IS_AREA_PAGE (page)))
    return;

  gtk_stack_set_visible_child (self->pages, page);

  if (RD_IS_AREA_PAGE (page))
    {
      RdArea *area = rd_area_page_get_area (RD_AREA_PAGE (page));

      adw_window_title_set_title (self->content_title, rd_text_get_localized (rd_area_get_title (area)));
      g_ptr_array_find (self->area_pages, page, (guint *) &index);
      /* Focus needs a window; a view not yet shown focuses when mapped. */
      if (!focus)
        ;
      else if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          g_free (self->focus_when_mapped);
          self->focus_when_mapped = g_strdup (item_id ? item_id : "");
        }
      else
        rd_area_page_focus_item (RD_AREA_PAGE (page), item_id);
      schedule_position (self);
    }
  else if (page == GTK_WIDGET (self->review_page))
    {
      adw_window_title_set_title (self->content_title, _("Review"));
      index = (int) self->area_pages->len;
      update_review (self);
    }
  else if (page == GTK_WIDGET (self->action_plan_page))
    {
      adw_window_title_set_title (self->content_title, _("Action Plan"));
      index = (int) self->area_pages->len + 2;
    }
  else
    {
      g_autoptr(GError) error = NULL;

      adw_window_title_set_title (self->content_title, _("Results"));
      index = (int) self->area_pages->len + 1;
      /* Results are computed afresh each time they are shown. */
      rd_assessment_view_flush (self);
      if (!rd_results_page_reload (self->results_page, &error))
        g_warning ("Could not load the results: %s", error->message);
    }

  /* Marking the page in the sidebar is not choosing it there. */
  g_signal_handlers_block_by_func (self->area_list, on_area_row_selected, self);
  gtk_list_box_select_row (self->area_list, gtk_list_box_get_row_at_index (self->area_list, index));
  g_signal_handlers_unblock_by_func (self->area_list, on_area_row_selected, self);

  if (focus)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  update_actions (self);
}

static void
on_area_row_selected (RdAssessmentView *self,
                      GtkListBoxRow    *row)
{
  if (row == NULL)
    return;

  show_page (self, g_object_get_data (G_OBJECT (row), "page-name"), NULL, FALSE);
}

/* Enter or a click on an area: into its page, on the first item. */
static void
on_area_row_activated (RdAssessmentView *self,
                       GtkListBoxRow    *row)
{
  show_page (self, g_object_get_data (G_OBJECT (row), "page-name"), NULL, TRUE);
}

static void
on_row_answered (RdItemRow        *row,
                 const RdAnswer   *answer,
                 RdAssessmentView *self)
{
  RdItem *item = rd_item_row_get_item (row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (rd_answer_is_empty (answer))
    ok = rd_answer_history_remove (self->history, current_respondent (self), item, &error);
  else if (answer->not_applicable)
    ok = rd_answer_history_set_not_applicable (self->history, current_respondent (self), item, &error);
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date;

      rd_answer_get_date (answer, &date);
      ok = rd_answer_history_set_date (self->history, current_respondent (self), item, &date, &error);
    }
  else
    ok = rd_answer_history_set_value (self->history, current_respondent (self), item, answer->value, &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      /* Show what is really stored, and why the change did not take. */
      rd_item_row_show_answer (row, rd_respondent_answers_lookup (self->answers, rd_item_get_id (item)));
      rd_item_row_show_error (row, message);
      return;
    }
  /* A message from a save that failed before (a full disk) is past now. */
  rd_item_row_show_error (row, NULL);
}

/* The respondent's answers changed in the store: a row, an undo, a question
 * of the school's own removed or back. */
static void
on_answers_changed (RdAssessmentView *self)
{
  update_progress (self);
  update_actions (self);
}

static void
on_item_focused (RdAssessmentView *self)
{
  schedule_position (self);
}

static GtkWidget *
create_area_row (const char *title,
                 const char *short_title,
                 const char *page_name,
                 gboolean    with_count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* A sidebar has room for a word or two: the short title, the whole one
   * in the tooltip and for screen readers (and in the page's header). */
  GtkWidget *label = gtk_label_new (short_title != NULL ? short_title : title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (short_title != NULL && g_strcmp0 (short_title, title) != 0)
    gtk_widget_set_tooltip_text (label, title);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);

  if (with_count)
    {
      GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), done);
      gtk_box_append (GTK_BOX (box), count);
      g_object_set_data (G_OBJECT (row), "count", count);
      g_object_set_data (G_OBJECT (row), "done", done);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "page-name", g_strdup (page_name), g_free);
  return row;
}

/* Shows the respondent's answers in the rows of @page. */
static void
show_answers (RdAssessmentView *self,
              RdAreaPage       *page)
{
  for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
    {
      RdItemRow *row = rd_area_page_get_row (page, r);

      rd_item_row_show_answer (row, rd_respondent_answers_lookup (self->answers,
                                                                  rd_item_get_id (rd_item_row_get_item (row))));
    }
}

/* Each row's line says what commentary and evidence the item has. */
static void
show_evidence (RdAssessmentView *self,
               RdAreaPage       *page)
{
  gint64 assessment_id = rd_assessment_get_id (self->assessment);
  g_autoptr(GHashTable) counts = rd_store_count_evidence_by_item (self->store, assessment_id, NULL);
  g_autoptr(GHashTable) notes = rd_store_list_item_commentaries (self->store, assessment_id, NULL);

  for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
    {
      RdItemRow *row = rd_area_page_get_row (page, r);
      const char *id = rd_item_get_id (rd_item_row_get_item (row));

      rd_item_row_show_evidence (row, counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) : 0,
                                 notes != NULL && g_hash_table_contains (notes, id));
    }
}

static void
on_evidence_changed (RdAssessmentView *self,
                     gint64            assessment_id,
                     const char       *item_id)
{
  if (self->assessment == NULL || assessment_id != rd_assessment_get_id (self->assessment))
    return;

  update_review (self);
  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      if (rd_area_page_lookup_row (page, item_id) != NULL)
        show_evidence (self, page);
    }
}

static void
on_row_evidence_requested (RdItemRow        *row,
                           RdAssessmentView *self)
{
  RdEvidenceDialog *dialog = rd_evidence_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                     self->store, rd_assessment_get_id (self->assessment),
                                                     rd_item_row_get_item (row), !is_complete (self));

  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows show the respondent's answers and hand what is answered to the store. */
static void
connect_page (RdAssessmentView *self,
              RdAreaPage       *page)
{
  g_signal_connect_object (page, "item-focused", G_CALLBACK (on_item_focused), self, G_CONNECT_SWAPPED);
  show_answers (self, page);
  show_evidence (self, page);
  for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
    {
      g_signal_connect_object (rd_area_page_get_row (page, r), "answered", G_CALLBACK (on_row_answered), self, 0);
      g_signal_connect_object (rd_area_page_get_row (page, r), "evidence-requested",
                               G_CALLBACK (on_row_evidence_requested), self, 0);
    }
}

static gboolean
build_pages (RdAssessmentView  *self,
             GError           **error)
{
  RdAssessmentMode mode = rd_assessment_get_mode (self->assessment);

  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      RdArea *area = rd_framework_get_area (self->framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (self->framework, rd_area_get_id (area), mode);
      GtkWidget *page;

      /* A pulse assessment may leave an area without items: no page for it. */
      if (items->len == 0)
        continue;

      page = rd_area_page_new (area, items);
      connect_page (self, RD_AREA_PAGE (page));
      gtk_stack_add_named (self->pages, page, rd_area_get_id (area));
      gtk_list_box_append (self->area_list,
                           create_area_row (rd_text_get_localized (rd_area_get_title (area)),
                                            rd_text_get_localized (rd_area_get_short_title (area)),
                                            rd_area_get_id (area), TRUE));
      g_ptr_array_add (self->area_pages, page);
    }

  /* The school's own questions, after the framework's areas. */
  self->own_questions = rd_store_list_own_questions (self->store, rd_assessment_get_id (self->assessment), error);
  if (self->own_questions == NULL)
    return FALSE;
  self->own_page = RD_AREA_PAGE (rd_own_questions_page_new (self->framework, self->own_questions));
  connect_page (self, self->own_page);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->own_page), RD_OWN_QUESTIONS_PAGE_NAME);
  gtk_list_box_append (self->area_list, create_area_row (rd_own_questions_page_get_title (), NULL,
                                                         RD_OWN_QUESTIONS_PAGE_NAME, TRUE));
  g_ptr_array_add (self->area_pages, self->own_page);

  self->review_page = RD_REVIEW_PAGE (rd_review_page_new ());
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->review_page), RD_REVIEW_PAGE_NAME);
  gtk_list_box_append (self->area_list, create_area_row (_("Review"), NULL, RD_REVIEW_PAGE_NAME, FALSE));

  self->results_page = RD_RESULTS_PAGE (rd_results_page_new (self->store, self->framework,
                                                             rd_assessment_get_id (self->assessment)));
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->results_page), RD_RESULTS_PAGE_NAME);
  gtk_list_box_append (self->area_list, create_area_row (_("Results"), NULL, RD_RESULTS_PAGE_NAME, FALSE));

  self->action_plan_page = RD_ACTION_PLAN_PAGE (rd_action_plan_page_new (self->store, self->framework,
                                                                        self->assessment));
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->action_plan_page), RD_ACTION_PLAN_PAGE_NAME);
  gtk_list_box_append (self->area_list, create_area_row (_("Action Plan"), NULL, RD_ACTION_PLAN_PAGE_NAME, FALSE));

  self->report_commands = rd_report_commands_new (self->store, self->framework,
                                                rd_assessment_get_id (self->assessment),
                                                GTK_WIDGET (self), self->toast_overlay);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "report", G_ACTION_GROUP (self->report_commands));

  self->handover_page = rd_handover_page_new (self->session);
  gtk_stack_add_named (self->pages, self->handover_page, HANDOVER_PAGE_NAME);
  rd_accessible_tidy_names (GTK_WIDGET (self));
  return TRUE;
}

static void
setup_groups (RdAssessmentView *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) respondents = NULL;

  /* Showing the current respondent's group must not write it back. */
  g_signal_handlers_block_by_func (self->group_dropdown, on_group_selected, self);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    gtk_string_list_append (groups, rd_group_get_title (g));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));

  /* Nobody answers between two participants: no group is theirs. */
  self->group = -1;
  if (current_respondent (self) == 0)
    gtk_drop_down_set_selected (self->group_dropdown, GTK_INVALID_LIST_POSITION);
  respondents = rd_store_list_respondents (self->store, rd_assessment_get_id (self->assessment), NULL);
  for (guint i = 0; respondents != NULL && i < respondents->len; i++)
    {
      RdRespondent *respondent = g_ptr_array_index (respondents, i);

      if (respondent->id == current_respondent (self))
        {
          gtk_drop_down_set_selected (self->group_dropdown, respondent->group);
          self->group = respondent->group;
        }
    }
  g_signal_handlers_unblock_by_func (self->group_dropdown, on_group_selected, self);
  show_group_items (self);
}

/* The first area the respondent is asked anything in, or the review. */
static const char *
first_page_name (RdAssessmentView *self)
{
  RdAreaPage *first = end_area_page (self, 1);

  return first != NULL ? rd_area_get_id (rd_area_page_get_area (first)) : RD_REVIEW_PAGE_NAME;
}

/* Whether the respondent has answers to items their group is not asked:
 * they are kept, and count in no score. */
static gboolean
has_hidden_answers (RdAssessmentView *self)
{
  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
        {
          RdItem *item = rd_item_row_get_item (rd_area_page_get_row (page, r));

          if (!rd_area_page_is_asked (page, r) && rd_respondent_answers_contains (self->answers, rd_item_get_id (item)))
            return TRUE;
        }
    }
  return FALSE;
}

static void
on_group_selected (RdAssessmentView *self)
{
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  g_autoptr(GError) error = NULL;
  RdAreaPage *page;

  if (group >= RD_N_GROUPS)
    return;
  if (!rd_store_set_respondent_group (self->store, current_respondent (self), group, &error))
    {
      g_warning ("Could not change the group: %s", error->message);
      return;
    }

  /* The questionnaire of the new group: its items only. */
  self->group = group;
  show_group_items (self);
  set_rows_editable (self, rows_editable (self));
  page = visible_area_page (self);
  if (page != NULL && rd_area_page_get_n_asked (page) == 0)
    show_page (self, first_page_name (self), NULL, FALSE);
  update_progress (self);
  update_actions (self);
  if (has_hidden_answers (self))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Items not asked of this group are hidden; "
                                                  "your answers to them are kept but do not count")));
}

static void
refresh_assessment (RdAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  RdAssessment *fresh = rd_store_get_assessment (self->store, rd_assessment_get_id (self->assessment), &error);

  if (fresh == NULL)
    {
      g_warning ("Could not reload the assessment: %s", error->message);
      return;
    }

  g_set_object (&self->assessment, fresh);
  g_object_unref (fresh);
  apply_status (self);
}

static void
set_status (RdAssessmentView   *self,
            RdAssessmentStatus  status)
{
  g_autoptr(GError) error = NULL;

  rd_assessment_view_flush (self);
  if (!rd_store_set_assessment_status (self->store, rd_assessment_get_id (self->assessment), status, &error))
    {
      g_warning ("Could not change the status: %s", error->message);
      return;
    }

  refresh_assessment (self);
}

static void
on_complete_response (RdAssessmentView *self,
                      const char       *response)
{
  if (g_str_equal (response, "complete"))
    set_status (self, RD_ASSESSMENT_STATUS_COMPLETE);
}

static void
mark_complete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  guint missing;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  rd_assessment_view_flush (self);
  missing = count_unanswered (self);
  if (missing == 0)
    {
      set_status (self, RD_ASSESSMENT_STATUS_COMPLETE);
      return;
    }

  body = g_strdup_printf (g_dngettext (NULL,
                                       "%u item is still unanswered. Unanswered items are left out of the scores, and the assessment becomes read-only until it is reopened.",
                                       "%u items are still unanswered. Unanswered items are left out of the scores, and the assessment becomes read-only until it is reopened.",
                                       missing),
                          missing);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Mark as Complete?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "complete", _("_Mark Complete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "complete",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "complete");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_complete_response), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (RD_ASSESSMENT_VIEW (widget), RD_ASSESSMENT_STATUS_DRAFT);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *item_id = NULL;
  RdAreaPage *page;
  RdItemRow *row;

  rd_assessment_view_flush (self);
  if (!rd_answer_history_undo (self->history, &item_id, &error))
    {
      if (error != NULL)
        g_warning ("Could not undo: %s", error->message);
      return;
    }

  /* Show the user what changed back. */
  page = page_of_item (self, item_id);
  row = page ? rd_area_page_lookup_row (page, item_id) : NULL;
  if (row != NULL)
    {
      rd_item_row_show_answer (row, rd_respondent_answers_lookup (self->answers, item_id));
      show_page (self, rd_area_get_id (rd_area_page_get_area (page)), item_id, TRUE);
    }

  update_actions (self);
}

/* The own questions changed (here, or copied from elsewhere): their page
 * is made again, where it was, with the respondent's answers. */
static void
rebuild_own_page (RdAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *focused = NULL;
  gboolean visible = gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->own_page);
  RdAreaPage *old = self->own_page;
  guint index = 0;

  for (guint r = 0; r < rd_area_page_get_n_rows (old); r++)
    rd_item_row_flush (rd_area_page_get_row (old, r));
  questions = rd_store_list_own_questions (self->store, rd_assessment_get_id (self->assessment), &error);
  if (questions == NULL)
    {
      g_warning ("Could not load the questions of the school’s own: %s", error->message);
      return;
    }

  focused = g_strdup (rd_area_page_get_focused_item (old));
  g_ptr_array_unref (self->own_questions);
  self->own_questions = g_steal_pointer (&questions);

  self->own_page = RD_AREA_PAGE (rd_own_questions_page_new (self->framework, self->own_questions));
  rd_accessible_tidy_names (GTK_WIDGET (self->own_page));
  connect_page (self, self->own_page);
  g_ptr_array_find (self->area_pages, old, &index);
  self->area_pages->pdata[index] = self->own_page;
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->own_page), NULL);
  if (visible)
    gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->own_page));
  gtk_stack_remove (self->pages, GTK_WIDGET (old));
  g_object_set (gtk_stack_get_page (self->pages, GTK_WIDGET (self->own_page)), "name", RD_OWN_QUESTIONS_PAGE_NAME,
                NULL);

  show_group_items (self);
  set_rows_editable (self, rows_editable (self));
  if (visible && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rd_area_page_focus_item (self->own_page, focused);
  update_progress (self);
  update_actions (self);
}

/* The learning log's figures on the questions they answer. */
static void
show_log_figures (RdAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  RdLearningFacts facts;

  if (!rd_store_get_assessment_log_figures (self->store, rd_assessment_get_id (self->assessment), &facts, NULL,
                                            &error))
    {
      g_warning ("Could not read the learning log: %s", error->message);
      return;
    }
  for (guint p = 0; p < self->area_pages->len; p++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, p);

      for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
        {
          RdItemRow *row = rd_area_page_get_row (page, r);
          const RdLogFigure *figure = rd_learning_facts_lookup (&facts, rd_item_get_id (rd_item_row_get_item (row)));
          g_autofree char *text = figure ? rd_learning_format_figure (figure) : NULL;

          rd_item_row_set_log_figure (row, text);
        }
    }
}

static void
on_learning_log_changed (RdAssessmentView *self,
                         gint64            school_id)
{
  if (school_id == rd_assessment_get_school_id (self->assessment))
    show_log_figures (self);
}

static void
on_own_questions_changed (RdAssessmentView *self,
                          gint64            assessment_id)
{
  if (assessment_id == rd_assessment_get_id (self->assessment))
    rebuild_own_page (self);
}

static void
present_dialog (RdAssessmentView *self,
                GtkWindow        *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

/* A new question goes to the area on screen, or the first. */
static void
add_own_question_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  RdAreaPage *page = visible_area_page (self);
  const char *area_id = page != NULL && page != self->own_page ? rd_area_get_id (rd_area_page_get_area (page)) : NULL;

  if (self->own_questions->len >= RD_MAX_OWN_QUESTIONS)
    return;
  present_dialog (self, GTK_WINDOW (rd_own_question_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                self->store, self->framework,
                                                                rd_assessment_get_id (self->assessment),
                                                                NULL, area_id, FALSE)));
}

static void
edit_own_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  RdOwnQuestion *question = rd_own_questions_lookup (self->own_questions, id);
  guint n_answers;

  if (question == NULL)
    return;
  rd_assessment_view_flush (self);
  n_answers = rd_store_count_own_answers (self->store, rd_assessment_get_id (self->assessment), id, NULL);
  present_dialog (self, GTK_WINDOW (rd_own_question_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                self->store, self->framework,
                                                                rd_assessment_get_id (self->assessment),
                                                                question, NULL, n_answers > 0)));
}

static void
show_problem (RdAssessmentView *self,
              const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Gone for good once the toast that offered Undo is gone. */
static void
on_own_toast_dismissed (AdwToast         *toast,
                        RdAssessmentView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "question-id");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->assessment != NULL &&
      !rd_store_purge_own_question (self->store, rd_assessment_get_id (self->assessment), id, &error))
    g_warning ("Could not remove question %s: %s", id, error->message);
}

/* Removing a question that has answers takes them along; Undo brings both back. */
static void
remove_own_question_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 assessment_id = rd_assessment_get_id (self->assessment);
  AdwToast *toast;
  guint n_answers;

  if (rd_own_questions_lookup (self->own_questions, id) == NULL)
    return;
  rd_assessment_view_flush (self);
  n_answers = rd_store_count_own_answers (self->store, assessment_id, id, NULL);
  if (!rd_store_trash_own_question (self->store, assessment_id, id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  /* Its answers' changes can no longer be undone one by one. */
  rd_answer_history_forget_item (self->history, id);

  if (n_answers > 0)
    /* Translators: toast after removing a question of the school's own, with an Undo button */
    title = g_strdup_printf (g_dngettext (NULL, "Question and its %u answer removed",
                                          "Question and its %u answers removed", n_answers), n_answers);
  else
    title = g_strdup (_("Question removed"));
  toast = rd_undo_toast_new (title, "assessment.undo-remove-own-question", g_variant_new_string (id));
  g_object_set_data_full (G_OBJECT (toast), "question-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_own_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_own_question_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_store_restore_own_question (self->store, rd_assessment_get_id (self->assessment),
                                      g_variant_get_string (parameter, NULL), &error))
    show_problem (self, error->message);
}

static void
copy_own_questions_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  GtkWindow *dialog;

  rd_assessment_view_flush (self);
  dialog = rd_own_copy_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->framework,
                                   rd_assessment_get_id (self->assessment),
                                   rd_assessment_get_school_year (self->assessment));
  if (dialog != NULL)
    g_set_weak_pointer (&self->dialog, dialog);
}

static void
step_area (RdAssessmentView *self,
           int               step)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->area_list);
  int index = selected ? gtk_list_box_row_get_index (selected) + step : 0;
  GtkListBoxRow *target = NULL;

  /* Areas that ask the respondent nothing are passed over, and so is the
   * own questions' page while it has none for them: the sidebar opens it. */
  while (index >= 0 && (target = gtk_list_box_get_row_at_index (self->area_list, index)) != NULL &&
         (!gtk_widget_get_visible (GTK_WIDGET (target)) ||
          (g_strcmp0 (g_object_get_data (G_OBJECT (target), "page-name"), RD_OWN_QUESTIONS_PAGE_NAME) == 0 &&
           rd_area_page_get_n_asked (self->own_page) == 0)))
    index += step > 0 ? 1 : -1;

  if (index >= 0 && target != NULL)
    show_page (self, g_object_get_data (G_OBJECT (target), "page-name"), NULL, TRUE);
}

static void
next_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_area (RD_ASSESSMENT_VIEW (widget), 1);
}

static void
previous_area_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_area (RD_ASSESSMENT_VIEW (widget), -1);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (RD_ASSESSMENT_VIEW (widget), g_variant_get_string (parameter, NULL), NULL, TRUE);
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  const char *item_id = g_variant_get_string (parameter, NULL);
  RdAreaPage *page = page_of_item (self, item_id);

  if (page != NULL)
    show_page (self, rd_area_get_id (rd_area_page_get_area (page)), item_id, TRUE);
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);

  show_page (self, RD_ACTION_PLAN_PAGE_NAME, NULL, TRUE);
  rd_action_plan_page_edit (self->action_plan_page, g_variant_get_int64 (parameter));
}

/* One click on a priority gap: a drafted action, open for the details. */
static void
draft_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *item_id;
  RdItem *item;
  int factor;
  gint64 action_id;

  g_variant_get (parameter, "(&si)", &item_id, &factor);
  item = rd_framework_lookup_item (self->framework, item_id);
  if (item == NULL || factor < 0 || factor >= RD_N_FACTORS)
    return;

  action_id = rd_action_plan_page_draft_from_item (self->action_plan_page, item, factor, &error);
  if (action_id == 0)
    {
      g_warning ("Could not draft an action: %s", error->message);
      return;
    }

  show_page (self, RD_ACTION_PLAN_PAGE_NAME, NULL, TRUE);
  rd_action_plan_page_edit (self->action_plan_page, action_id);
}

static void
show_areas_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);

  rd_assessment_view_flush (self);
  g_signal_emit (self, signals[CLOSE], 0);
}

static void
tell (RdAssessmentView *self,
      const char       *heading,
      const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Stores responses in one transaction and says what happened. */
static void
add_responses (RdAssessmentView *self,
               GPtrArray        *responses)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n_left_out = 0;

  if (!rd_store_add_responses (self->store, rd_assessment_get_id (self->assessment), self->framework,
                               responses, &error))
    {
      tell (self, _("Nothing Was Imported"), error->message);
      return;
    }

  body = g_strdup_printf (g_dngettext (NULL, "%u respondent was added to this assessment.",
                                       "%u respondents were added to this assessment.", responses->len),
                          responses->len);
  for (guint i = 0; i < responses->len; i++)
    n_left_out += ((RdResponse *) g_ptr_array_index (responses, i))->n_left_out;
  if (n_left_out > 0)
    {
      g_autofree char *left_out = rd_import_left_out_text (n_left_out);
      g_autofree char *both = g_strdup_printf ("%s %s", body, left_out);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  tell (self, _("Answers Imported"), body);
}

static void
on_survey_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdAssessmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n = rd_survey_import_job_store_finish (result, &error);

  /* Closed meanwhile: there is no window left to tell. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tell (self, _("Import Cancelled"), _("Nothing was imported: the assessment is as it was."));
  else if (error != NULL)
    tell (self, _("Nothing Was Imported"), error->message);
  else
    {
      body = g_strdup_printf (g_dngettext (NULL, "%u respondent was added to this assessment.",
                                           "%u respondents were added to this assessment.", n), n);
      tell (self, _("Answers Imported"), body);
    }
}

static void
on_import_response (RdImportDialog   *dialog,
                    const char       *response,
                    RdAssessmentView *self)
{
  if (!g_str_equal (response, "import") || !rd_import_dialog_can_import (dialog))
    return;

  /* In a worker, in one transaction: the window stays responsive and
   * Cancel leaves the assessment as it was. */
  rd_survey_import_job_store (rd_import_dialog_get_survey (dialog), self->store,
                              rd_assessment_get_id (self->assessment),
                              GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                              on_survey_stored, g_object_ref (self));
}

/* The file was read once, in a worker; the mapping step works on that. */
static void
on_survey_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdAssessmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdSurveyImport) survey = rd_survey_import_job_read_finish (result, &error);
  RdImportDialog *dialog;

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (survey == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tell (self, _("Nothing Was Imported"), error->message);
      return;
    }

  dialog = rd_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), survey, self->framework);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Response files are added at once, all or none; a survey export (one at a
 * time) goes through the mapping step first. */
void
rd_assessment_view_import_files (RdAssessmentView *self,
                                 GFile * const    *files,
                                 guint             n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  guint n_csv = 0;

  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));

  /* Importing is for the facilitator, after the round. */
  if (n_files == 0 || in_round (self))
    return;
  if (is_complete (self))
    {
      tell (self, _("Nothing Was Imported"), _("The assessment is complete; reopen it to add answers."));
      return;
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      n_csv += !g_str_has_suffix (name, RD_RESPONSE_FILE_SUFFIX);
    }

  if (n_csv == 0)
    {
      responses = rd_response_file_load_all (files, n_files, self->framework, &error);
      if (responses == NULL)
        tell (self, _("Nothing Was Imported"), error->message);
      else
        add_responses (self, responses);
      return;
    }

  if (n_files > 1)
    {
      tell (self, _("Nothing Was Imported"),
            _("Import a survey export on its own: its columns are matched to the items first."));
      return;
    }

  rd_survey_import_job_read (files[0], self->framework, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                             NULL, on_survey_read, g_object_ref (self));
}

static void
on_import_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  RdAssessmentView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      rd_assessment_view_import_files (self, (GFile * const *) files->pdata, files->len);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Answers"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Response files and survey exports (CSV)"));
  gtk_file_filter_add_suffix (filter, "readiness-response");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* This respondent's answers as a response file, for a facilitator to import. */
gboolean
rd_assessment_view_export_answers (RdAssessmentView  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(RdResponse) response = NULL;

  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), FALSE);

  rd_assessment_view_flush (self);
  answers = rd_store_list_answers (self->store, rd_assessment_get_id (self->assessment), error);
  respondents = answers ? rd_store_list_respondents (self->store, rd_assessment_get_id (self->assessment), error)
                        : NULL;
  if (respondents == NULL)
    return FALSE;

  response = rd_response_new (RD_GROUP_LEADER);
  for (guint i = 0; i < respondents->len; i++)
    {
      RdRespondent *respondent = g_ptr_array_index (respondents, i);

      if (respondent->id == current_respondent (self))
        response->group = respondent->group;
    }
  for (guint i = 0; i < answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->respondent_id == current_respondent (self))
        g_ptr_array_add (response->answers, rd_answer_copy (answer));
    }

  return rd_response_file_write (response, self->framework, rd_assessment_get_school_year (self->assessment),
                                 path, error);
}

static void
on_export_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  RdAssessmentView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !rd_assessment_view_export_answers (self, path, &error))
        tell (self, _("Could Not Export the Answers"), error->message);
    }
  g_object_unref (chooser);
}

static void
export_answers_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export My Answers"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: suggested file name for one person's answers; no name of theirs in it */
  name = g_strdup_printf (_("answers %s%s"), rd_assessment_get_school_year (self->assessment),
                          RD_RESPONSE_FILE_SUFFIX);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_files_dropped (GtkDropTarget    *target,
                  const GValue     *value,
                  double            x,
                  double            y,
                  RdAssessmentView *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = NULL;

  if (in_round (self))
    return FALSE;

  files = g_ptr_array_new ();
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  rd_assessment_view_import_files (self, (GFile * const *) files->pdata, files->len);
  return TRUE;
}

/* Shows @respondent_id's own answers everywhere (0: nobody's); the undo
 * history of the one before goes, so nobody can step back into another
 * person's answers. */
static void
switch_respondent (RdAssessmentView *self,
                   gint64            respondent_id)
{
  g_autoptr(GError) error = NULL;

  rd_assessment_view_flush (self);
  rd_answer_history_clear (self->history);
  if (!rd_respondent_answers_set_respondent (self->answers, respondent_id, &error))
    {
      g_warning ("Could not load the answers: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      show_answers (self, page);
      for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
        rd_item_row_show_error (rd_area_page_get_row (page, r), NULL);
    }

  setup_groups (self);
  set_rows_editable (self, rows_editable (self));
  update_progress (self);
  update_actions (self);
}

/* During a round the sidebar offers the areas only: no review, no results, no plan. */
static void
show_round_controls (RdAssessmentView *self)
{
  for (guint extra = 0; extra < 3; extra++)
    gtk_widget_set_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (self->area_list,
                                                                       (int) self->area_pages->len + extra)),
                            !in_round (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), !in_round (self) && !is_complete (self));
}

/* Between two participants: nobody's answers, nothing editable, and the
 * sidebar closed; only the group buttons (and End the Round) lead on. */
static void
show_handover (RdAssessmentView *self)
{
  gtk_widget_set_visible (self->done_button, FALSE);
  gtk_stack_set_visible_child (self->pages, self->handover_page);
  adw_window_title_set_title (self->content_title, _("Workshop"));
  /* No area is marked as current: a browsing list keeps one otherwise. */
  gtk_list_box_set_selection_mode (self->area_list, GTK_SELECTION_NONE);
  gtk_widget_set_sensitive (self->sidebar, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* A folded window would swipe back to a closed list, with no way on. */
  self->may_go_back = FALSE;
  update_navigate_back (self);
  gtk_widget_grab_focus (self->handover_page);
  update_actions (self);
}

/* A participant, or the facilitator after the round, starts on their first area. */
static void
show_questionnaire (RdAssessmentView *self)
{
  gtk_list_box_set_selection_mode (self->area_list, GTK_SELECTION_BROWSE);
  self->may_go_back = TRUE;
  update_navigate_back (self);
  gtk_widget_set_sensitive (self->sidebar, TRUE);
  gtk_widget_set_visible (self->done_button, in_round (self));
  show_page (self, first_page_name (self), NULL, TRUE);
}

/* Each step of the session shows someone else's answers, or nobody's. */
static void
on_respondent_changed (RdAssessmentView *self)
{
  switch_respondent (self, rd_workshop_session_get_respondent (self->session));
  if (is_handing_over (self))
    show_handover (self);
  else
    show_questionnaire (self);
}

static void
on_round_changed (RdAssessmentView *self)
{
  show_round_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_ROUND]);
}

/* Starts a round with the groups marked in @groups. It starts with an empty
 * undo history: nothing done before it can be undone from inside it. */
void
rd_assessment_view_start_workshop (RdAssessmentView *self,
                                   const gboolean    groups[RD_N_GROUPS])
{
  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));

  rd_assessment_view_resume_round (self, groups, 0);
}

/* Goes on with a round that was under way when the app last quit: at the
 * hand-over screen, never on anyone's answers. */
void
rd_assessment_view_resume_round (RdAssessmentView *self,
                                 const gboolean    groups[RD_N_GROUPS],
                                 guint             n_participants)
{
  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));

  if (is_complete (self) || in_round (self))
    return;

  /* Where the facilitator was, before the round hides it. */
  rd_assessment_view_flush (self);
  rd_workshop_session_begin (self->session, groups, n_participants);
}

gboolean
rd_assessment_view_is_workshop (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), FALSE);
  return in_round (self);
}

/* From now on the round is kept in @path (NULL: not kept), so that it
 * survives quitting. */
void
rd_assessment_view_set_round_file (RdAssessmentView *self,
                                   const char       *path)
{
  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));
  rd_workshop_session_set_file (self->session, path);
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!rd_workshop_session_join (self->session, g_variant_get_uint32 (parameter), &error) && error != NULL)
    tell (self, _("Could Not Start"), error->message);
}

/* The next person sees a fresh questionnaire, not these answers. */
static void
next_participant_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  rd_workshop_session_hand_over (RD_ASSESSMENT_VIEW (widget)->session);
}

/* Ends the round and returns to the facilitator's own answers. */
void
rd_assessment_view_end_round (RdAssessmentView *self)
{
  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));
  rd_workshop_session_end (self->session);
}

static void
on_round_ended (RdAssessmentView *self,
                const char       *response)
{
  if (g_str_equal (response, "show"))
    show_page (self, RD_RESULTS_PAGE_NAME, NULL, TRUE);
}

static void
on_end_round_response (RdAssessmentView *self,
                       const char       *response)
{
  guint n_participants = rd_workshop_session_get_n_participants (self->session);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!g_str_equal (response, "end"))
    return;

  rd_assessment_view_end_round (self);
  body = g_strdup_printf (g_dngettext (NULL, "%u participant answered in this round.",
                                       "%u participants answered in this round.", n_participants),
                          n_participants);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("The Round Has Ended"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"),
                                    "show", _("_Show Results"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_round_ended), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  GtkWidget *dialog;

  if (!in_round (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("End the Workshop Round?"),
                                   _("Everyone’s answers are kept. The results can then be shown."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "end", _("_End Round"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_round_response), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_start_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RdAssessmentView *self)
{
  gboolean groups[RD_N_GROUPS] = { FALSE };
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  gboolean any = FALSE;

  if (!g_str_equal (response, "start"))
    return;

  for (guint g = 0; g < RD_N_GROUPS; g++)
    any |= groups[g] = gtk_check_button_get_active (g_ptr_array_index (checks, g));
  if (any)
    rd_assessment_view_start_workshop (self, groups);
}

static void
start_workshop_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *dialog, *box;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Start a Workshop"),
                                   _("Participants answer one after another on this device, each for "
                                     "themselves and without a name. Which groups take part?"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (rd_group_get_title (g));
      gboolean asked = rd_workshop_session_asks (self->session, g);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), asked && g <= RD_GROUP_SUPPORT_STAFF);
      gtk_widget_set_sensitive (check, asked);
      if (!asked)
        gtk_widget_set_tooltip_text (check, _("This assessment asks this group nothing"));
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (checks, check);
    }
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_start_response), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_history_changed (RdAssessmentView *self)
{
  update_actions (self);
}

static void
rd_assessment_view_map (GtkWidget *widget)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (widget);
  RdAreaPage *page;

  GTK_WIDGET_CLASS (rd_assessment_view_parent_class)->map (widget);

  page = visible_area_page (self);
  if (self->focus_when_mapped != NULL && page != NULL)
    rd_area_page_focus_item (page, *self->focus_when_mapped ? self->focus_when_mapped : NULL);
  g_clear_pointer (&self->focus_when_mapped, g_free);
}

/* Leaving the view is the moment to save what is still pending. */
static void
rd_assessment_view_unmap (GtkWidget *widget)
{
  rd_assessment_view_flush (RD_ASSESSMENT_VIEW (widget));
  GTK_WIDGET_CLASS (rd_assessment_view_parent_class)->unmap (widget);
}

static void
rd_assessment_view_dispose (GObject *object)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (object);

  if (self->store != NULL && self->assessment != NULL)
    rd_assessment_view_flush (self);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_ASSESSMENT_VIEW);

  G_OBJECT_CLASS (rd_assessment_view_parent_class)->dispose (object);
}

static void
rd_assessment_view_finalize (GObject *object)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (object);

  g_clear_handle_id (&self->position_timeout, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->assessment);
  g_clear_object (&self->history);
  g_clear_object (&self->report_commands);
  g_clear_object (&self->answers);
  g_clear_object (&self->session);
  g_clear_pointer (&self->area_pages, g_ptr_array_unref);
  g_clear_pointer (&self->own_questions, g_ptr_array_unref);
  g_free (self->focus_when_mapped);

  G_OBJECT_CLASS (rd_assessment_view_parent_class)->finalize (object);
}

static void
rd_assessment_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdAssessmentView *self = RD_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_IN_ROUND:
      g_value_set_boolean (value, in_round (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_assessment_view_class_init (RdAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_assessment_view_dispose;
  object_class->finalize = rd_assessment_view_finalize;
  object_class->get_property = rd_assessment_view_get_property;

  /* A workshop round is under way; the window closes its own ways out. */
  properties[PROP_IN_ROUND] =
    g_param_spec_boolean ("in-round", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = rd_assessment_view_map;
  widget_class->unmap = rd_assessment_view_unmap;

  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RD_TYPE_METER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, content);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, content_title);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, progress_meter);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, area_list);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, group_label);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, complete_banner);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, edition_banner);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, edition_label);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, pages);
  gtk_widget_class_bind_template_child (widget_class, RdAssessmentView, done_button);

  gtk_widget_class_install_action (widget_class, "assessment.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "assessment.next-area", NULL, next_area_action);
  gtk_widget_class_install_action (widget_class, "assessment.previous-area", NULL, previous_area_action);
  gtk_widget_class_install_action (widget_class, "assessment.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "assessment.show-item", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "assessment.show-areas", NULL, show_areas_action);
  gtk_widget_class_install_action (widget_class, "assessment.mark-complete", NULL, mark_complete_action);
  gtk_widget_class_install_action (widget_class, "assessment.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "assessment.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "assessment.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "assessment.start-workshop", NULL, start_workshop_action);
  gtk_widget_class_install_action (widget_class, "assessment.join", "u", join_action);
  gtk_widget_class_install_action (widget_class, "assessment.next-participant", NULL, next_participant_action);
  gtk_widget_class_install_action (widget_class, "assessment.end-round", NULL, end_round_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-answers", NULL, export_answers_action);
  gtk_widget_class_install_action (widget_class, "assessment.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "assessment.draft-action", "(si)", draft_action_action);
  gtk_widget_class_install_action (widget_class, "assessment.add-own-question", NULL, add_own_question_action);
  gtk_widget_class_install_action (widget_class, "assessment.edit-own-question", "s", edit_own_question_action);
  gtk_widget_class_install_action (widget_class, "assessment.remove-own-question", "s", remove_own_question_action);
  gtk_widget_class_install_action (widget_class, "assessment.undo-remove-own-question", "s",
                                   undo_remove_own_question_action);
  gtk_widget_class_install_action (widget_class, "assessment.copy-own-questions", NULL, copy_own_questions_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "assessment.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "assessment.next-area", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "assessment.previous-area", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assessment.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.save-pdf", NULL);
}

static void
rd_assessment_view_init (RdAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_accessible_label_dropdown (self->group_dropdown, self->group_label);

  self->area_pages = g_ptr_array_new ();
  self->group = -1;
  g_signal_connect_object (self->area_list, "row-selected", G_CALLBACK (on_area_row_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_list, "row-activated", G_CALLBACK (on_area_row_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (update_complete_banner),
                           self, G_CONNECT_SWAPPED);
  self->may_go_back = TRUE;
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_navigate_back),
                           self, G_CONNECT_SWAPPED);
  update_navigate_back (self);

  /* Response files and survey exports can be dropped on the assessment. */
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_files_dropped), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
}

/* Drops a view that failed half-way; it was never shown. */
static GtkWidget *
discard (RdAssessmentView *self)
{
  g_clear_object (&self->assessment);
  g_object_ref_sink (self);
  g_object_unref (self);
  return NULL;
}

/* Say when this assessment was answered with another edition of the
 * framework than new assessments use, and what that means for its figures. */
static void
show_edition (RdAssessmentView *self,
              RdFramework      *current)
{
  const char *answered = rd_assessment_get_framework_version (self->assessment);
  g_autofree char *text = NULL;

  if (g_strcmp0 (answered, rd_framework_get_version (current)) == 0 ||
      g_strcmp0 (rd_assessment_get_framework_id (self->assessment), rd_framework_get_id (current)) != 0)
    return;

  if (self->framework != current)
    /* Translators: "Answered with version 1.0 of the framework. …; new assessments use version 2.0." */
    text = g_strdup_printf (_("Answered with version %s of the framework. Its questions and figures stay as "
                              "they were; new assessments use version %s."),
                            answered, rd_framework_get_version (current));
  else
    /* Translators: "Answered with version 0.9 of the framework, which … is read with version 2.0 …" */
    text = g_strdup_printf (_("Answered with version %s of the framework, which this copy of Readiness does "
                              "not have. It is read with version %s: answers to questions that changed since "
                              "do not count."),
                            answered, rd_framework_get_version (current));
  gtk_label_set_label (self->edition_label, text);
  gtk_revealer_set_reveal_child (self->edition_banner, TRUE);
}

GtkWidget *
rd_assessment_view_new (RdStore      *store,
                        RdFramework  *framework,
                        gint64        assessment_id,
                        GError      **error)
{
  RdAssessmentView *self;
  g_autoptr(RdSchool) school = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *area_id = NULL;
  g_autofree char *item_id = NULL;
  gint64 respondent_id;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_ASSESSMENT_VIEW, NULL);
  self->store = g_object_ref (store);

  self->assessment = rd_store_get_assessment (store, assessment_id, error);
  if (self->assessment == NULL)
    return discard (self);
  /* An assessment answered with an earlier edition keeps its questions. */
  self->framework = g_object_ref (rd_assessment_get_framework_edition (self->assessment, framework));
  show_edition (self, framework);
  school = rd_store_get_school (store, rd_assessment_get_school_id (self->assessment), error);
  if (school == NULL)
    return discard (self);

  respondent_id = rd_store_ensure_respondent (store, assessment_id, error);
  self->answers = rd_respondent_answers_new (store, assessment_id);
  if (respondent_id == 0 || !rd_respondent_answers_set_respondent (self->answers, respondent_id, error))
    return discard (self);
  self->session = rd_workshop_session_new (store, self->framework, self->assessment, respondent_id);
  if (!build_pages (self, error))
    return discard (self);
  if (!rd_store_get_position (store, assessment_id, &area_id, &item_id, error))
    return discard (self);

  self->history = rd_answer_history_new (store, self->framework);
  /* After the respondent's answers are read anew: the page shows them. */
  g_signal_connect_object (store, "own-questions-changed", G_CALLBACK (on_own_questions_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "evidence-changed", G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "learning-log-changed", G_CALLBACK (on_learning_log_changed), self,
                           G_CONNECT_SWAPPED);
  show_log_figures (self);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (on_history_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answers, "changed", G_CALLBACK (on_answers_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::respondent-id", G_CALLBACK (on_respondent_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::active", G_CALLBACK (on_round_changed), self, G_CONNECT_SWAPPED);

  adw_window_title_set_title (self->sidebar_title, rd_school_get_name (school));
  /* Translators: "2026-2027 · Full assessment" */
  subtitle = g_strdup_printf (_("%s · %s"), rd_assessment_get_school_year (self->assessment),
                              rd_assessment_mode_get_title (rd_assessment_get_mode (self->assessment)));
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);

  setup_groups (self);
  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_selected),
                           self, G_CONNECT_SWAPPED);

  apply_status (self);

  /* Resume where the user left off, or at the start. */
  if (area_id == NULL || gtk_stack_get_child_by_name (self->pages, area_id) == NULL ||
      (rd_assessment_view_get_area_page (self, area_id) != NULL &&
       rd_area_page_get_n_asked (rd_assessment_view_get_area_page (self, area_id)) == 0))
    {
      g_clear_pointer (&area_id, g_free);
      area_id = g_strdup (first_page_name (self));
    }
  show_page (self, area_id, item_id, TRUE);
  g_clear_handle_id (&self->position_timeout, g_source_remove);

  return GTK_WIDGET (self);
}

gint64
rd_assessment_view_get_assessment_id (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), 0);
  return rd_assessment_get_id (self->assessment);
}

gint64
rd_assessment_view_get_respondent_id (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), 0);
  return current_respondent (self);
}

/* The visible area's id, or RD_REVIEW_PAGE_NAME. */
const char *
rd_assessment_view_get_visible_area (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

RdAreaPage *
rd_assessment_view_get_area_page (RdAssessmentView *self,
                                  const char       *area_id)
{
  GtkWidget *page;

  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);

  page = gtk_stack_get_child_by_name (self->pages, area_id);
  return RD_IS_AREA_PAGE (page) ? RD_AREA_PAGE (page) : NULL;
}

RdResultsPage *
rd_assessment_view_get_results_page (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return self->results_page;
}

RdReportCommands *
rd_assessment_view_get_report_commands (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return self->report_commands;
}

RdActionPlanPage *
rd_assessment_view_get_action_plan_page (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return self->action_plan_page;
}

RdReviewPage *
rd_assessment_view_get_review_page (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return self->review_page;
}

GtkWindow *
rd_assessment_view_get_dialog (RdAssessmentView *self)
{
  g_return_val_if_fail (RD_IS_ASSESSMENT_VIEW (self), NULL);
  return self->dialog;
}

/* Saves what is still waiting: a number being typed, the position. */
void
rd_assessment_view_flush (RdAssessmentView *self)
{
  g_return_if_fail (RD_IS_ASSESSMENT_VIEW (self));

  for (guint i = 0; self->area_pages != NULL && i < self->area_pages->len; i++)
    {
      RdAreaPage *page = g_ptr_array_index (self->area_pages, i);

      for (guint r = 0; r < rd_area_page_get_n_rows (page); r++)
        rd_item_row_flush (rd_area_page_get_row (page, r));
    }

  if (self->position_timeout != 0)
    write_position (self);
}
