#define G_LOG_DOMAIN "rd-own-questions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-own-questions-page.h"

const char *
rd_own_questions_page_get_title (void)
{
  return _("Your Own Questions");
}

static RdArea *
create_area (void)
{
  g_autoptr(RdText) title = rd_text_new ();
  g_autoptr(RdText) description = rd_text_new ();

  /* The texts stand for every language: the UI's own translation. */
  rd_text_set (title, "en", rd_own_questions_page_get_title ());
  rd_text_set (description, "en",
               _("Statements and facts your school adds to this assessment, answered like the others and shown "
                 "apart in the results. They never change a score, so comparisons with other schools stay fair."));
  return rd_area_new (RD_OWN_QUESTIONS_PAGE_NAME, title, description);
}

/* In the order of the framework's areas, then as they were added. */
static GPtrArray *
list_items (RdFramework *framework,
            GPtrArray   *questions)
{
  GPtrArray *items = g_ptr_array_new ();
  guint n_areas = rd_framework_get_n_areas (framework);

  for (guint a = 0; a <= n_areas; a++)
    for (guint q = 0; q < questions->len; q++)
      {
        RdOwnQuestion *question = g_ptr_array_index (questions, q);
        RdArea *area = rd_framework_lookup_area (framework, rd_own_question_get_area_id (question));
        guint index = n_areas;

        if (area != NULL)
          for (guint i = 0; i < n_areas; i++)
            if (rd_framework_get_area (framework, i) == area)
              index = i;
        if (index == a)
          g_ptr_array_add (items, rd_own_question_get_item (question));
      }
  return items;
}

static char *
describe (RdFramework   *framework,
          RdOwnQuestion *question)
{
  RdArea *area = rd_framework_lookup_area (framework, rd_own_question_get_area_id (question));
  g_autoptr(GString) factors = g_string_new (NULL);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (rd_own_question_get_weight (question, f) <= 0)
        continue;
      if (factors->len > 0)
        g_string_append (factors, ", ");
      g_string_append (factors, rd_factor_get_short_title (f));
    }
  /* Translators: under a question the school added: its area, the success factors it is about,
   * and that it is counted in no score: "Devices · about Investment · not part of the scores" */
  return g_strdup_printf (_("%s · about %s · not part of the scores"),
                          area ? rd_text_get_localized (rd_area_get_title (area)) : rd_own_question_get_area_id (question),
                          factors->str);
}

static GMenuModel *
create_menu (const char *question_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

  g_menu_item_set_action_and_target_value (edit, "assessment.edit-own-question", g_variant_new_string (question_id));
  g_menu_item_set_action_and_target_value (remove, "assessment.remove-own-question",
                                           g_variant_new_string (question_id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
}

static GtkWidget *
take_object (GtkBuilder *builder,
             const char *id)
{
  return g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (builder, id)));
}

static GtkWidget *
create_header (GtkBuilder *builder,
               guint       n_questions)
{
  g_autofree char *text = NULL;

  /* Translators: how many questions of its own the assessment has, of the most it can have: "3 of 10" */
  text = g_strdup_printf (g_dngettext (NULL, "%u of %u question", "%u of %u questions", RD_MAX_OWN_QUESTIONS),
                          n_questions, RD_MAX_OWN_QUESTIONS);
  gtk_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "own_questions_count")), text);
  return take_object (builder, "own_questions_header");
}

static GtkWidget *
create_empty_state (GtkBuilder *builder)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "own_questions_empty"));
  g_autofree char *description = NULL;

  /* Translators: %u is the most questions an assessment can have of its own (10) */
  description = g_strdup_printf (_("Ask what matters to your school besides the framework: up to %u statements "
                                   "or facts, for the groups you choose. They are answered like the other "
                                   "questions, shown apart in the results and the report, and never change a "
                                   "score."), RD_MAX_OWN_QUESTIONS);
  adw_status_page_set_description (page, description);
  return take_object (builder, "own_questions_empty");
}

GtkWidget *
rd_own_questions_page_new (RdFramework *framework,
                           GPtrArray   *questions)
{
  g_autoptr(RdArea) area = create_area ();
  g_autoptr(GPtrArray) items = list_items (framework, questions);
  GtkWidget *page = rd_area_page_new (area, items);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/own-questions/rd-own-questions-page.ui");
  g_autoptr(GtkWidget) header = NULL;
  g_autoptr(GtkWidget) placeholder = NULL;

  for (guint r = 0; r < items->len; r++)
    {
      RdItemRow *row = rd_area_page_get_row (RD_AREA_PAGE (page), r);
      RdOwnQuestion *question = rd_own_questions_lookup (questions, rd_item_get_id (rd_item_row_get_item (row)));
      g_autoptr(GMenuModel) menu = create_menu (rd_own_question_get_id (question));
      g_autofree char *caption = describe (framework, question);

      rd_item_row_set_menu (row, menu);
      rd_item_row_set_caption (row, caption);
    }

  /* Without questions the empty state offers to add one; the header would say it twice. */
  if (questions->len > 0)
    {
      header = create_header (builder, questions->len);
      rd_area_page_set_header (RD_AREA_PAGE (page), header);
      placeholder = take_object (builder, "own_questions_not_asked");
    }
  else
    placeholder = create_empty_state (builder);
  rd_area_page_set_placeholder (RD_AREA_PAGE (page), placeholder);

  /* Ctrl+N adds a question while the page has the focus, as it adds an action on the plan. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("assessment.add-own-question")));
  gtk_widget_add_controller (page, shortcuts);
  return page;
}
