#define G_LOG_DOMAIN "rd-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-import-dialog-private.h"

/* Positions in every column's list of choices, before the items. */
enum {
  CHOICE_LEAVE_OUT,
  CHOICE_GROUP,
  N_FIXED_CHOICES
};

#define WIDE_CONTENT 420

struct _RdImportDialog
{
  AdwMessageDialog parent_instance;

  RdSurveyImport *survey;
  RdFramework *framework;
  GtkStringList *choices;   /* of every column: leave out, the group, the items */
  gboolean can_import;      /* the mapping as it stands reads without an error */

  AdwComboRow *group_row;   /* the group of rows without one */
  GtkListBox *column_list;  /* an AdwComboRow per column, in the file's order */
  GtkLabel *summary;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (RdImportDialog, rd_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

static guint
choice_of_column (RdImportDialog *self,
                  guint           column)
{
  RdItem *item;

  switch (rd_survey_import_get_role (self->survey, column))
    {
    case RD_SURVEY_COLUMN_GROUP:
      return CHOICE_GROUP;
    case RD_SURVEY_COLUMN_ITEM:
      item = rd_survey_import_get_item (self->survey, column);
      for (guint i = 0; i < rd_framework_get_n_items (self->framework); i++)
        if (rd_framework_get_item (self->framework, i) == item)
          return N_FIXED_CHOICES + i;
      return CHOICE_LEAVE_OUT;
    case RD_SURVEY_COLUMN_SKIPPED:
    default:
      return CHOICE_LEAVE_OUT;
    }
}

/* The sentence every import adds when it leaves answers out because their
 * items are not asked of their respondents' groups. */
char *
rd_import_left_out_text (guint n_left_out)
{
  return g_strdup_printf (g_dngettext (NULL,
                                       "%u answer is left out: its item is not asked of the respondent’s group.",
                                       "%u answers are left out: their items are not asked of their "
                                       "respondents’ groups.",
                                       n_left_out),
                          n_left_out);
}

static void on_column_chosen (AdwComboRow    *row,
                              GParamSpec     *pspec,
                              RdImportDialog *self);

/* A column's answers that its item does not ask for, on its row. */
static void
update_column_note (RdImportDialog *self,
                    guint           column)
{
  AdwActionRow *row = ADW_ACTION_ROW (rd_import_dialog_get_column_row (self, column));
  guint n = rd_survey_import_get_n_not_asked (self->survey, column);
  g_autofree char *note = NULL;

  if (n > 0)
    /* Translators: under a column of a survey export: some respondents' groups are not asked its item */
    note = g_strdup_printf (g_dngettext (NULL, "%u answer left out: not asked of the respondent’s group",
                                         "%u answers left out: not asked of the respondents’ groups", n),
                            n);
  adw_action_row_set_subtitle (row, note != NULL ? note : "");
}

/* Says what the mapping as it stands gives. The file was read once, and
 * each change decoded only the column it changed: this is a sum. */
static void
update (RdImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  RdSurveySummary summary;

  /* Remapping one column can move another off its item: show that too,
   * without taking it for a choice of the user's. */
  for (guint c = 0; c < rd_survey_import_get_n_columns (self->survey); c++)
    {
      AdwComboRow *row = rd_import_dialog_get_column_row (self, c);

      g_signal_handlers_block_by_func (row, on_column_chosen, self);
      adw_combo_row_set_selected (row, choice_of_column (self, c));
      g_signal_handlers_unblock_by_func (row, on_column_chosen, self);
      update_column_note (self, c);
    }

  self->can_import = FALSE;
  if (!rd_survey_import_check (self->survey, &summary, &error))
    g_string_append (text, error->message);
  else if (summary.n_items == 0)
    g_string_append (text, _("No column answers an item. Choose the item each column answers."));
  else if (summary.n_respondents == 0)
    g_string_append (text, _("Every row of the file is blank: there is nobody to add."));
  else
    {
      self->can_import = TRUE;
      g_string_append_printf (text, g_dngettext (NULL, "Adds %u respondent:", "Adds %u respondents:",
                                                 summary.n_respondents),
                              summary.n_respondents);
      for (guint g = 0; g < RD_N_GROUPS; g++)
        if (summary.n_in_group[g] > 0)
          /* Translators: one group in the import summary, "3 × Teacher" */
          g_string_append_printf (text, _(" %u × %s,"), summary.n_in_group[g], rd_group_get_title (g));
      g_string_truncate (text, text->len - 1);
      g_string_append_printf (text, g_dngettext (NULL, ", answering %u item.", ", answering %u items.",
                                                 summary.n_items),
                              summary.n_items);
    }

  if (self->can_import && summary.n_not_asked > 0)
    {
      g_autofree char *left_out = rd_import_left_out_text (summary.n_not_asked);

      g_string_append_printf (text, " %s", left_out);
    }

  /* Rows of nothing but separators, as spreadsheets leave them, are nobody. */
  if (summary.n_blank_rows > 0 && summary.n_respondents > 0 && error == NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (NULL, "%u blank row is left out.", "%u blank rows are left out.",
                                                 summary.n_blank_rows),
                              summary.n_blank_rows);
    }

  gtk_label_set_text (self->summary, text->str);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", self->can_import);
}

static void
on_column_chosen (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  RdImportDialog *self)
{
  guint column = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  guint choice = adw_combo_row_get_selected (row);

  if (choice == CHOICE_GROUP)
    rd_survey_import_set_group_column (self->survey, column);
  else if (choice >= N_FIXED_CHOICES)
    rd_survey_import_set_item (self->survey, column,
                               rd_framework_get_item (self->framework, choice - N_FIXED_CHOICES));
  else
    rd_survey_import_set_item (self->survey, column, NULL);
  update (self);
}

static void
on_group_chosen (RdImportDialog *self)
{
  rd_survey_import_set_default_group (self->survey, adw_combo_row_get_selected (self->group_row));
  update (self);
}

static GtkWidget *
create_column_row (gpointer item,
                   gpointer user_data)
{
  RdImportDialog *self = user_data;
  const char *header = gtk_string_object_get_string (item);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header ? header : _("(no header)"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->choices));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_chosen), self);
  return row;
}

static void
rd_import_dialog_finalize (GObject *object)
{
  RdImportDialog *self = RD_IMPORT_DIALOG (object);

  g_clear_object (&self->survey);
  g_clear_object (&self->framework);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (rd_import_dialog_parent_class)->finalize (object);
}

static void
rd_import_dialog_class_init (RdImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rd_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/survey/rd-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdImportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, RdImportDialog, column_list);
  gtk_widget_class_bind_template_child (widget_class, RdImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, RdImportDialog, content);
  gtk_widget_class_bind_template_callback (widget_class, on_group_chosen);
}

static void
rd_import_dialog_init (RdImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RdImportDialog *
rd_import_dialog_new (GtkWindow      *parent,
                      RdSurveyImport *survey,
                      RdFramework    *framework)
{
  RdImportDialog *self = g_object_new (RD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) headers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);

  self->survey = g_object_ref (survey);
  self->framework = g_object_ref (framework);
  /* Wide for the items' texts beside a wide window; within a narrow one
   * (a message dialog keeps 30 px either side) it takes the width there is. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) >= WIDE_CONTENT + 2 * 30 + 2 * 30)
    gtk_widget_set_size_request (self->content, WIDE_CONTENT, -1);

  self->choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->choices, _("Leave out"));
  gtk_string_list_append (self->choices, _("Group of the respondent"));
  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", rd_item_get_id (item),
                                                rd_text_get_localized (rd_item_get_text (item)));
      gtk_string_list_append (self->choices, label);
    }

  for (guint g = 0; g < RD_N_GROUPS; g++)
    gtk_string_list_append (groups, rd_group_get_title (g));
  /* The survey's own default, not a choice of the user's. */
  g_signal_handlers_block_by_func (self->group_row, on_group_chosen, self);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (groups));
  adw_combo_row_set_selected (self->group_row, RD_GROUP_OTHER);
  g_signal_handlers_unblock_by_func (self->group_row, on_group_chosen, self);

  for (guint c = 0; c < rd_survey_import_get_n_columns (survey); c++)
    gtk_string_list_append (headers, rd_survey_import_get_header (survey, c));
  gtk_list_box_bind_model (self->column_list, G_LIST_MODEL (headers), create_column_row, self, NULL);

  update (self);
  return self;
}

AdwComboRow *
rd_import_dialog_get_column_row (RdImportDialog *self,
                                 guint           column)
{
  g_return_val_if_fail (RD_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < rd_survey_import_get_n_columns (self->survey), NULL);
  return ADW_COMBO_ROW (gtk_list_box_get_row_at_index (self->column_list, (int) column));
}

/* Whether the mapping as it stands reads every row without an error. */
gboolean
rd_import_dialog_can_import (RdImportDialog *self)
{
  g_return_val_if_fail (RD_IS_IMPORT_DIALOG (self), FALSE);
  return self->can_import;
}

RdSurveyImport *
rd_import_dialog_get_survey (RdImportDialog *self)
{
  g_return_val_if_fail (RD_IS_IMPORT_DIALOG (self), NULL);
  return self->survey;
}

const char *
rd_import_dialog_get_summary (RdImportDialog *self)
{
  g_return_val_if_fail (RD_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary);
}
