#define G_LOG_DOMAIN "rd-activity-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-activity-dialog.h"
#include "rd-entry-row.h"
#include "rd-input.h"
#include "rd-learning-input.h"
#include "rd-limits.h"

struct _RdActivityDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  GPtrArray *staff;            /* of RdStaffMember, the combo row's order */
  RdLearningActivity *activity;  /* NULL while adding */
  GHashTable *area_checks;     /* area id → GtkCheckButton */

  GtkWidget *save_button;
  GtkLabel *message;
  AdwComboRow *staff_row;
  AdwEntryRow *title_row;
  AdwEntryRow *issued_row;
  GtkLabel *completeness_label;
  AdwEntryRow *country_row;
  AdwEntryRow *body_row;
  AdwEntryRow *hours_row;
  AdwEntryRow *ects_row;
  AdwComboRow *eqf_row;
  AdwEntryRow *assessment_row;
  AdwComboRow *participation_row;
  AdwEntryRow *quality_row;
  GtkTextBuffer *outcomes;
  GtkWidget *outcomes_view;
  AdwPreferencesGroup *areas_group;
  AdwExpanderRow *details_row;
  AdwEntryRow *prerequisites_row;
  AdwComboRow *supervision_row;
  AdwEntryRow *grade_row;
  AdwComboRow *stackability_row;
  AdwEntryRow *further_row;
};

G_DEFINE_FINAL_TYPE (RdActivityDialog, rd_activity_dialog, ADW_TYPE_WINDOW)

static void
rd_activity_dialog_dispose (GObject *object)
{
  RdActivityDialog *self = RD_ACTIVITY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->activity);
  g_clear_pointer (&self->area_checks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_ACTIVITY_DIALOG);

  G_OBJECT_CLASS (rd_activity_dialog_parent_class)->dispose (object);
}

static void
show_message (RdActivityDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static char *
outcomes_text (RdActivityDialog *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->outcomes, &start, &end);
  return gtk_text_buffer_get_text (self->outcomes, &start, &end, FALSE);
}

/* A workload as typed, 0 for none; FALSE (and the row marked) for a text
 * that is no number. */
static gboolean
read_number (RdActivityDialog *self,
             AdwEntryRow      *row,
             double           *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  *value = 0;
  if (*text != '\0' && !rd_input_parse_number (text, rd_input_uses_decimal_comma (), value, &error))
    {
      rd_learning_mark_row (GTK_WIDGET (row), TRUE);
      show_message (self, error->message);
      return FALSE;
    }
  rd_learning_mark_row (GTK_WIDGET (row), FALSE);
  return TRUE;
}

static GStrv
read_area_ids (RdActivityDialog *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      const char *id = rd_area_get_id (rd_framework_get_area (self->framework, a));
      GtkCheckButton *check = g_hash_table_lookup (self->area_checks, id);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (ids, id);
    }
  /* Areas of another framework stay as they were. */
  if (self->activity != NULL)
    {
      const char * const *kept = rd_learning_activity_get_info (self->activity)->area_ids;

      for (guint i = 0; kept[i] != NULL; i++)
        if (!g_hash_table_contains (self->area_checks, kept[i]))
          g_strv_builder_add (ids, kept[i]);
    }
  return g_strv_builder_end (ids);
}

static gint64
selected_staff_id (RdActivityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->staff_row);

  return selected < self->staff->len ? rd_staff_member_get_id (g_ptr_array_index (self->staff, selected)) : 0;
}

/* The form as an activity; its texts borrowed from the rows and from
 * @outcomes and @areas, which the caller frees. */
static void
read_form (RdActivityDialog       *self,
           RdLearningActivityInfo *info,
           const char             *issued,
           const char             *outcomes,
           GStrv                   areas)
{
  *info = (RdLearningActivityInfo) {
    .staff_id = selected_staff_id (self),
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .issuer_country = gtk_editable_get_text (GTK_EDITABLE (self->country_row)),
    .awarding_body = gtk_editable_get_text (GTK_EDITABLE (self->body_row)),
    .issued = issued,
    .learning_outcomes = outcomes,
    .eqf_level = adw_combo_row_get_selected (self->eqf_row),
    .assessment_type = gtk_editable_get_text (GTK_EDITABLE (self->assessment_row)),
    .participation = adw_combo_row_get_selected (self->participation_row),
    .quality_assurance = gtk_editable_get_text (GTK_EDITABLE (self->quality_row)),
    .prerequisites = gtk_editable_get_text (GTK_EDITABLE (self->prerequisites_row)),
    .supervision = adw_combo_row_get_selected (self->supervision_row),
    .grade = gtk_editable_get_text (GTK_EDITABLE (self->grade_row)),
    .stackability = adw_combo_row_get_selected (self->stackability_row),
    .further_information = gtk_editable_get_text (GTK_EDITABLE (self->further_row)),
    .area_ids = (const char * const *) areas,
  };
}

/* "Complete micro-credential record", or what it still lacks. */
static void
update_completeness (RdActivityDialog *self)
{
  g_autofree char *outcomes = outcomes_text (self);
  g_autofree char *hours = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_row))));
  g_autofree char *ects = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ects_row))));
  g_autofree char *issued = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issued_row))));
  g_autofree char *text = NULL;
  RdLearningActivityInfo info;
  guint missing, n;

  read_form (self, &info, issued, outcomes, NULL);
  /* Only whether a workload is there counts here. */
  info.workload_hours = *hours != '\0' || *ects != '\0' ? 1 : 0;
  missing = rd_learning_activity_info_missing (&info);
  n = rd_credential_elements_count (missing);
  if (n == 0)
    text = g_strdup (_("A complete micro-credential record."));
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint e = 0; e < RD_N_CREDENTIAL_ELEMENTS; e++)
        if (missing & (1u << e))
          {
            if (names->len > 0)
              /* Translators: between the names of missing elements */
              g_string_append (names, _(", "));
            g_string_append (names, rd_credential_element_get_title (1u << e));
          }
      /* Translators: %u is a number of elements, %s their names */
      text = g_strdup_printf (g_dngettext (NULL, "%u element missing: %s.", "%u elements missing: %s.", n),
                              n, names->str);
    }
  gtk_label_set_text (self->completeness_label, text);
}

static void
update_save (RdActivityDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *issued = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issued_row))));

  gtk_widget_set_sensitive (self->save_button, *title != '\0' && *issued != '\0' && selected_staff_id (self) != 0);
  update_completeness (self);
}

static gboolean
save (RdActivityDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *outcomes = outcomes_text (self);
  g_auto(GStrv) areas = read_area_ids (self);
  RdLearningActivityInfo info;
  double hours, ects;

  issued = rd_learning_read_date (self->issued_row, &error);
  rd_learning_mark_row (GTK_WIDGET (self->issued_row), issued == NULL);
  if (issued == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }
  if (!read_number (self, self->hours_row, &hours) || !read_number (self, self->ects_row, &ects))
    return FALSE;

  read_form (self, &info, issued, outcomes, areas);
  info.workload_hours = hours;
  info.workload_ects = ects;
  if (self->activity != NULL
      ? !rd_store_update_learning_activity (self->store, rd_learning_activity_get_id (self->activity), &info, &error)
      : rd_store_add_learning_activity (self->store, &info, &error) == 0)
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_save_clicked (RdActivityDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button) && save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* A GtkTextBuffer has no maximum: what goes past it is taken off again. */
static void
limit_texts (RdActivityDialog *self)
{
  GtkTextIter start, end;

  if (gtk_text_buffer_get_char_count (self->outcomes) > RD_MAX_ACTIVITY_DETAILS)
    {
      gtk_text_buffer_get_iter_at_offset (self->outcomes, &start, RD_MAX_ACTIVITY_DETAILS);
      gtk_text_buffer_get_end_iter (self->outcomes, &end);
      gtk_widget_error_bell (self->outcomes_view);
      gtk_text_buffer_delete (self->outcomes, &start, &end);
    }
  update_completeness (self);
}

static void
rd_activity_dialog_class_init (RdActivityDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_activity_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/learning/rd-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, message);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, body_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, ects_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, eqf_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, participation_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, quality_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, outcomes);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, outcomes_view);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, areas_group);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, details_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, prerequisites_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, supervision_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, stackability_row);
  gtk_widget_class_bind_template_child (widget_class, RdActivityDialog, further_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, limit_texts);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
watch_row (RdActivityDialog *self,
           gpointer          row)
{
  g_signal_connect_object (row, GTK_IS_EDITABLE (row) ? "changed" : "notify::selected",
                           G_CALLBACK (update_save), self, G_CONNECT_SWAPPED);
}

static void
rd_activity_dialog_init (RdActivityDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) participations = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) supervisions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stackabilities = gtk_string_list_new (NULL);

  self->area_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: an EQF level that is not given or does not apply */
  gtk_string_list_append (levels, C_("eqf level", "Not given"));
  for (guint level = 1; level <= 8; level++)
    {
      g_autofree char *text = g_strdup_printf ("%u", level);

      gtk_string_list_append (levels, text);
    }
  for (guint i = 0; i < RD_N_PARTICIPATIONS; i++)
    gtk_string_list_append (participations, rd_participation_get_title (i));
  for (guint i = 0; i < RD_N_SUPERVISIONS; i++)
    gtk_string_list_append (supervisions, rd_supervision_get_title (i));
  for (guint i = 0; i < RD_N_STACKABILITIES; i++)
    gtk_string_list_append (stackabilities, rd_stackability_get_title (i));
  adw_combo_row_set_model (self->eqf_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->participation_row, G_LIST_MODEL (participations));
  adw_combo_row_set_model (self->supervision_row, G_LIST_MODEL (supervisions));
  adw_combo_row_set_model (self->stackability_row, G_LIST_MODEL (stackabilities));

  rd_entry_row_limit_length (self->title_row, RD_MAX_ACTIVITY_TITLE);
  rd_entry_row_limit_length (self->issued_row, 32);
  rd_entry_row_limit_length (self->country_row, RD_MAX_ACTIVITY_TEXT);
  rd_entry_row_limit_length (self->body_row, RD_MAX_ACTIVITY_TEXT);
  rd_entry_row_limit_length (self->hours_row, 32);
  rd_entry_row_limit_length (self->ects_row, 32);
  rd_entry_row_limit_length (self->assessment_row, RD_MAX_ACTIVITY_TEXT);
  rd_entry_row_limit_length (self->quality_row, RD_MAX_ACTIVITY_TEXT);
  rd_entry_row_limit_length (self->prerequisites_row, RD_MAX_ACTIVITY_DETAILS);
  rd_entry_row_limit_length (self->grade_row, RD_MAX_ACTIVITY_TEXT);
  rd_entry_row_limit_length (self->further_row, RD_MAX_ACTIVITY_DETAILS);

  watch_row (self, self->title_row);
  watch_row (self, self->issued_row);
  watch_row (self, self->country_row);
  watch_row (self, self->body_row);
  watch_row (self, self->hours_row);
  watch_row (self, self->ects_row);
  watch_row (self, self->assessment_row);
  watch_row (self, self->quality_row);
  watch_row (self, self->participation_row);
  watch_row (self, self->staff_row);
}

static void
add_area_checks (RdActivityDialog   *self,
                 const char * const *checked)
{
  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      RdArea *area = rd_framework_get_area (self->framework, a);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_text_get_localized (rd_area_get_title (area)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   checked != NULL && g_strv_contains (checked, rd_area_get_id (area)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->areas_group, row);
      g_hash_table_insert (self->area_checks, g_strdup (rd_area_get_id (area)), check);
    }
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = value > 0 ? rd_input_format_number (value, rd_input_uses_decimal_comma ()) : NULL;

  set_text (row, text);
}

static void
show_activity (RdActivityDialog             *self,
               const RdLearningActivityInfo *info)
{
  set_text (self->title_row, info->title);
  rd_learning_show_date (self->issued_row, info->issued);
  set_text (self->country_row, info->issuer_country);
  set_text (self->body_row, info->awarding_body);
  set_number (self->hours_row, info->workload_hours);
  set_number (self->ects_row, info->workload_ects);
  adw_combo_row_set_selected (self->eqf_row, info->eqf_level);
  set_text (self->assessment_row, info->assessment_type);
  adw_combo_row_set_selected (self->participation_row, info->participation);
  set_text (self->quality_row, info->quality_assurance);
  gtk_text_buffer_set_text (self->outcomes, info->learning_outcomes ? info->learning_outcomes : "", -1);
  set_text (self->prerequisites_row, info->prerequisites);
  adw_combo_row_set_selected (self->supervision_row, info->supervision);
  set_text (self->grade_row, info->grade);
  adw_combo_row_set_selected (self->stackability_row, info->stackability);
  set_text (self->further_row, info->further_information);
  adw_expander_row_set_expanded (self->details_row,
                                 info->prerequisites || info->supervision || info->grade || info->stackability ||
                                 info->further_information);
}

RdActivityDialog *
rd_activity_dialog_new (GtkWindow          *parent,
                        RdStore            *store,
                        RdFramework        *framework,
                        GPtrArray          *staff,
                        gint64              staff_id,
                        RdLearningActivity *activity)
{
  RdActivityDialog *self = g_object_new (RD_TYPE_ACTIVITY_DIALOG,
                                         "transient-for", parent,
                                         "title", activity ? C_("dialog title", "Edit Learning Activity")
                                                  : C_("dialog title", "New Learning Activity"),
                                         NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->staff = g_ptr_array_ref (staff);
  self->activity = activity ? g_object_ref (activity) : NULL;
  if (activity != NULL)
    staff_id = rd_learning_activity_get_info (activity)->staff_id;

  for (guint i = 0; i < staff->len; i++)
    gtk_string_list_append (names, rd_staff_member_get_name (g_ptr_array_index (staff, i)));
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  for (guint i = 0; i < staff->len; i++)
    if (rd_staff_member_get_id (g_ptr_array_index (staff, i)) == staff_id)
      adw_combo_row_set_selected (self->staff_row, i);

  if (activity != NULL)
    show_activity (self, rd_learning_activity_get_info (activity));
  add_area_checks (self, activity ? rd_learning_activity_get_info (activity)->area_ids : NULL);
  update_save (self);
  return self;
}
