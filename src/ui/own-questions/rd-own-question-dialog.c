#define G_LOG_DOMAIN "rd-own-question-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-entry-row.h"
#include "rd-input.h"
#include "rd-limits.h"
#include "rd-own-question-dialog.h"

/* The kinds in the order of the template's list. */
static const RdItemKind kinds[] = {
  RD_ITEM_KIND_STATEMENT, RD_ITEM_KIND_YES_NO, RD_ITEM_KIND_NUMBER, RD_ITEM_KIND_PERCENT,
};

/* Who is asked a new question unless the school says otherwise: the staff. */
#define DEFAULT_AUDIENCE (1u << RD_GROUP_LEADER | 1u << RD_GROUP_TEACHER | 1u << RD_GROUP_SUPPORT_STAFF)
#define MIN_WEIGHT 0.5

struct _RdOwnQuestionDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  RdOwnQuestion *question;   /* NULL while adding */
  RdOwnQuestion *saved;

  GtkWidget *save_button;
  GtkLabel *message;
  AdwEntryRow *text_row;
  AdwEntryRow *help_row;
  AdwComboRow *kind_row;
  AdwComboRow *area_row;
  GtkWidget *scoring_group;
  AdwEntryRow *unit_row;
  AdwEntryRow *min_row;
  AdwEntryRow *max_row;
  AdwComboRow *direction_row;
  AdwEntryRow *target_row;
  GtkWidget *audience_group;
  GtkWidget *factors_group;
  GtkCheckButton *audience[RD_N_GROUPS];
  GtkCheckButton *factors[RD_N_FACTORS];
  GtkSpinButton *weights[RD_N_FACTORS];
};

G_DEFINE_FINAL_TYPE (RdOwnQuestionDialog, rd_own_question_dialog, ADW_TYPE_WINDOW)

static RdItemKind
selected_kind (RdOwnQuestionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : RD_ITEM_KIND_STATEMENT;
}

static void
show_message (RdOwnQuestionDialog *self,
              const char          *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
on_text_changed (RdOwnQuestionDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  gtk_widget_set_sensitive (self->save_button, *text != '\0');
}

/* A number's rows show for numbers, the target for percentages too, and
 * which end is better for every fact. */
static void
show_scoring_rows (RdOwnQuestionDialog *self)
{
  RdItemKind kind = selected_kind (self);
  gboolean yes_no = kind == RD_ITEM_KIND_YES_NO;
  g_autoptr(GtkStringList) directions = NULL;
  guint direction = adw_combo_row_get_selected (self->direction_row);

  gtk_widget_set_visible (self->scoring_group, kind != RD_ITEM_KIND_STATEMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kind == RD_ITEM_KIND_NUMBER);
  gtk_widget_set_visible (GTK_WIDGET (self->min_row), kind == RD_ITEM_KIND_NUMBER);
  gtk_widget_set_visible (GTK_WIDGET (self->max_row), kind == RD_ITEM_KIND_NUMBER);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), kind == RD_ITEM_KIND_NUMBER || kind == RD_ITEM_KIND_PERCENT);

  /* A yes-no question is better answered yes or no; a number higher or lower. */
  if (yes_no)
    directions = gtk_string_list_new ((const char * const[]) { _("Yes"), _("No"), NULL });
  else
    directions = gtk_string_list_new ((const char * const[]) { _("More is better"), _("Less is better"), NULL });
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->direction_row),
                                 yes_no ? _("The _Better Answer") : _("_Direction"));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  adw_combo_row_set_selected (self->direction_row, direction == GTK_INVALID_LIST_POSITION ? 0 : direction);
}

static void
on_kind_changed (RdOwnQuestionDialog *self)
{
  show_scoring_rows (self);
}

/* A percentage's target follows its better end until someone types one. */
static void
on_direction_changed (RdOwnQuestionDialog *self)
{
  const char *target = gtk_editable_get_text (GTK_EDITABLE (self->target_row));

  if (selected_kind (self) != RD_ITEM_KIND_PERCENT)
    return;
  if (*target == '\0' || g_str_equal (target, "0") || g_str_equal (target, "100"))
    gtk_editable_set_text (GTK_EDITABLE (self->target_row),
                           adw_combo_row_get_selected (self->direction_row) == 1 ? "0" : "100");
}

static void
on_factor_toggled (GtkCheckButton *check,
                   GtkWidget      *weight)
{
  gtk_widget_set_sensitive (weight, gtk_check_button_get_active (check));
}

/* A number from a row, in the marks of the user's language; @fallback
 * for an empty row. */
static gboolean
read_number (RdOwnQuestionDialog  *self,
             AdwEntryRow          *row,
             double                fallback,
             double               *value,
             GError              **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) local_error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*text == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (rd_input_parse_number (text, rd_input_uses_decimal_comma (), value, &local_error))
    return TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  /* Translators: "Target: …: Enter a number such as 12 or 1.5" — the row's title, then what is wrong */
  g_set_error (error, local_error->domain, local_error->code, _("%s: %s"),
               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), local_error->message);
  return FALSE;
}

static gboolean
read_info (RdOwnQuestionDialog  *self,
           RdOwnQuestionInfo    *info,
           GError              **error)
{
  guint area = adw_combo_row_get_selected (self->area_row);

  rd_own_question_info_init (info);
  info->id = self->question ? rd_own_question_get_id (self->question) : NULL;
  info->kind = selected_kind (self);
  info->text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  info->help = gtk_editable_get_text (GTK_EDITABLE (self->help_row));
  info->area_id = area < rd_framework_get_n_areas (self->framework)
                  ? rd_area_get_id (rd_framework_get_area (self->framework, area)) : NULL;
  info->audience = 0;
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (gtk_check_button_get_active (self->audience[g]))
      info->audience |= 1u << g;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    info->weights[f] = gtk_check_button_get_active (self->factors[f]) ? gtk_spin_button_get_value (self->weights[f]) : 0;
  info->direction = adw_combo_row_get_selected (self->direction_row) == 1 ? RD_OWN_DIRECTION_LOWER
                                                                          : RD_OWN_DIRECTION_HIGHER;
  info->unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));

  if (info->kind == RD_ITEM_KIND_NUMBER)
    return read_number (self, self->min_row, 0, &info->min, error) &&
           read_number (self, self->max_row, INFINITY, &info->max, error) &&
           read_number (self, self->target_row, NAN, &info->target, error);
  if (info->kind == RD_ITEM_KIND_PERCENT)
    return read_number (self, self->target_row, NAN, &info->target, error);
  return TRUE;
}

gboolean
rd_own_question_dialog_save (RdOwnQuestionDialog  *self,
                             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  RdOwnQuestion *saved;
  RdOwnQuestionInfo info;

  g_return_val_if_fail (RD_IS_OWN_QUESTION_DIALOG (self), FALSE);

  if (!read_info (self, &info, &local_error))
    saved = NULL;
  else if (self->question != NULL)
    saved = rd_store_update_own_question (self->store, self->assessment_id, self->framework, &info, &local_error);
  else
    saved = rd_store_add_own_question (self->store, self->assessment_id, self->framework, &info, &local_error);

  if (saved == NULL)
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_object (&self->saved);
  self->saved = saved;
  return TRUE;
}

static void
on_save_clicked (RdOwnQuestionDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button) && rd_own_question_dialog_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
rd_own_question_dialog_dispose (GObject *object)
{
  RdOwnQuestionDialog *self = RD_OWN_QUESTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->question);
  g_clear_object (&self->saved);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_OWN_QUESTION_DIALOG);

  G_OBJECT_CLASS (rd_own_question_dialog_parent_class)->dispose (object);
}

static void
rd_own_question_dialog_class_init (RdOwnQuestionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_own_question_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/own-questions/rd-own-question-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, message);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, help_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, scoring_group);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, min_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, max_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, audience_group);
  gtk_widget_class_bind_template_child (widget_class, RdOwnQuestionDialog, factors_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_own_question_dialog_init (RdOwnQuestionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A check button at the start of a row that the row's title names. */
static GtkWidget *
add_check_row (GtkWidget      *group,
               const char     *title,
               const char     *name,
               gboolean        active,
               GtkCheckButton **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_name (check, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

static void
build_audience (RdOwnQuestionDialog *self,
                guint                audience)
{
  for (guint g = 0; g < RD_N_GROUPS; g++)
    {
      g_autofree char *name = g_strdup_printf ("audience-%s", rd_group_to_id (g));

      add_check_row (self->audience_group, rd_group_get_title (g), name, (audience & (1u << g)) != 0,
                     &self->audience[g]);
    }
}

static void
build_factors (RdOwnQuestionDialog *self,
               RdOwnQuestion       *question)
{
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double weight = question ? rd_own_question_get_weight (question, f) : 0;
      g_autofree char *name = g_strdup_printf ("factor-%s", rd_factor_to_id (f));
      g_autofree char *spin_name = g_strdup_printf ("weight-%s", rd_factor_to_id (f));
      /* Translators: accessible name of the weight beside a success factor, "Weight for Strategy" */
      g_autofree char *spin_label = g_strdup_printf (_("Weight for %s"), rd_factor_get_short_title (f));
      GtkWidget *row = add_check_row (self->factors_group, rd_factor_get_title (f), name, weight > 0,
                                      &self->factors[f]);
      GtkWidget *spin = gtk_spin_button_new_with_range (MIN_WEIGHT, RD_OWN_QUESTION_MAX_WEIGHT, 0.5);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight > 0 ? weight : 1);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (spin, weight > 0);
      gtk_widget_set_name (spin, spin_name);
      gtk_widget_set_tooltip_text (spin, spin_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      g_signal_connect (self->factors[f], "toggled", G_CALLBACK (on_factor_toggled), spin);
      self->weights[f] = GTK_SPIN_BUTTON (spin);
    }
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = isfinite (value) ? rd_input_format_number (value, rd_input_uses_decimal_comma ()) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_areas (RdOwnQuestionDialog *self,
            const char          *area_id)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      RdArea *area = rd_framework_get_area (self->framework, a);

      gtk_string_list_append (areas, rd_text_get_localized (rd_area_get_title (area)));
      if (g_strcmp0 (rd_area_get_id (area), area_id) == 0)
        selected = a;
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_selected (self->area_row, selected);
}

static void
fill (RdOwnQuestionDialog *self,
      RdOwnQuestion       *question,
      gboolean             has_answers)
{
  RdItemKind kind = question ? rd_own_question_get_kind (question) : RD_ITEM_KIND_STATEMENT;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (kinds[k] == kind)
      adw_combo_row_set_selected (self->kind_row, k);
  show_scoring_rows (self);
  if (question == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->min_row), "0");
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), rd_own_question_get_text (question));
  gtk_editable_set_text (GTK_EDITABLE (self->help_row),
                         rd_own_question_get_help (question) ? rd_own_question_get_help (question) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                         rd_own_question_get_unit (question) ? rd_own_question_get_unit (question) : "");
  set_number (self->min_row, rd_own_question_get_min (question));
  if (kind == RD_ITEM_KIND_NUMBER)
    set_number (self->max_row, rd_own_question_get_max (question));
  if (kind == RD_ITEM_KIND_NUMBER || kind == RD_ITEM_KIND_PERCENT)
    set_number (self->target_row, rd_own_question_get_target (question));
  adw_combo_row_set_selected (self->direction_row,
                              rd_own_question_get_direction (question) == RD_OWN_DIRECTION_LOWER ? 1 : 0);

  /* Answers given could not be read as another kind. */
  if (has_answers)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), _("Kept: the question has answers"));
    }
}

RdOwnQuestionDialog *
rd_own_question_dialog_new (GtkWindow     *parent,
                            RdStore       *store,
                            RdFramework   *framework,
                            gint64         assessment_id,
                            RdOwnQuestion *question,
                            const char    *area_id,
                            gboolean       has_answers)
{
  RdOwnQuestionDialog *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_OWN_QUESTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = assessment_id;
  self->question = question ? g_object_ref (question) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), question ? _("Edit Your Own Question") : _("New Question of Your Own"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), question ? _("_Save") : _("_Add"));
  rd_entry_row_limit_length (self->text_row, RD_MAX_FRAMEWORK_TEXT);
  rd_entry_row_limit_length (self->help_row, RD_MAX_FRAMEWORK_TEXT);
  rd_entry_row_limit_length (self->unit_row, RD_MAX_FRAMEWORK_TITLE);
  fill_areas (self, question ? rd_own_question_get_area_id (question) : area_id);
  build_audience (self, question ? rd_own_question_get_audience (question) : DEFAULT_AUDIENCE);
  build_factors (self, question);
  fill (self, question, has_answers);
  on_text_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
  return self;
}
