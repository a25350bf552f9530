#define G_LOG_DOMAIN "rd-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-action-dialog.h"
#include "rd-limits.h"
#include "rd-input.h"

struct _RdActionDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  RdAction *action;          /* NULL while adding */
  char *carried_from;

  GtkWidget *save_button;
  AdwEntryRow *title_row;
  AdwComboRow *factor_row;
  AdwComboRow *status_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *due_row;
  AdwEntryRow *criterion_row;
  GtkLabel *message;
  GtkTextBuffer *notes;
  GHashTable *item_checks;   /* item id → GtkCheckButton */
};

G_DEFINE_FINAL_TYPE (RdActionDialog, rd_action_dialog, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rd_action_dialog_dispose (GObject *object)
{
  RdActionDialog *self = RD_ACTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->action);
  g_clear_pointer (&self->carried_from, g_free);
  g_clear_pointer (&self->item_checks, g_hash_table_unref);

  G_OBJECT_CLASS (rd_action_dialog_parent_class)->dispose (object);
}

static void
show_message (RdActionDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
update_save (RdActionDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (self->save_button, *title != '\0');
}

/* The due date as the store keeps it: "" for none, else ISO 8601. */
static char *
read_due (RdActionDialog  *self,
          GError         **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GDate date;

  if (*stripped == '\0')
    return g_strdup ("");

  g_date_clear (&date, 1);
  if (!rd_input_parse_date (stripped, &date, error))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static GStrv
read_item_ids (RdActionDialog *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) items = rd_framework_list_items (self->framework, NULL, RD_ASSESSMENT_MODE_FULL);

  /* Framework order, whatever order they were ticked in. */
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = rd_item_get_id (g_ptr_array_index (items, i));
      GtkCheckButton *check = g_hash_table_lookup (self->item_checks, id);

      /* Items this mode does not show stay linked as they were. */
      if (check != NULL ? gtk_check_button_get_active (check)
                        : self->action != NULL && g_strv_contains (rd_action_get_item_ids (self->action), id))
        g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

gboolean
rd_action_dialog_save (RdActionDialog  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) item_ids = NULL;
  GtkTextIter start, end;
  RdActionInfo info;

  g_return_val_if_fail (RD_IS_ACTION_DIALOG (self), FALSE);

  due = read_due (self, &local_error);
  if (due == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");

  gtk_text_buffer_get_bounds (self->notes, &start, &end);
  notes = gtk_text_buffer_get_text (self->notes, &start, &end, FALSE);
  item_ids = read_item_ids (self);

  info = (RdActionInfo) {
    .assessment_id = self->assessment_id,
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .factor = adw_combo_row_get_selected (self->factor_row),
    .status = adw_combo_row_get_selected (self->status_row),
    .owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
    .due = due,
    .criterion = gtk_editable_get_text (GTK_EDITABLE (self->criterion_row)),
    .notes = notes,
    .item_ids = (const char * const *) item_ids,
    .carried_from = self->carried_from,
  };

  if (self->action != NULL
      ? !rd_store_update_action (self->store, rd_action_get_id (self->action), &info, &local_error)
      : rd_store_add_action (self->store, self->assessment_id, &info, &local_error) == 0)
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
on_save_clicked (RdActionDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button) && rd_action_dialog_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (RdActionDialog *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, rd_action_get_id (self->action));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rd_action_dialog_class_init (RdActionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_action_dialog_dispose;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_action_dialog_init (RdActionDialog *self)
{
  self->item_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GtkWidget *
create_combo (const char *title,
              GtkStringList *choices)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  return row;
}

static GtkWidget *
create_entry (const char *name,
              const char *title,
              guint       max_chars,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* Typing stops at the store's limit instead of a refusal on Save. */
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), (int) max_chars);

  /* Named for tests, which fill the form as a user would. */
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  return row;
}

/* A GtkTextBuffer has no maximum: what goes past it is taken off again. */
static void
limit_notes (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (gtk_text_buffer_get_char_count (buffer) <= RD_MAX_ACTION_NOTES)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, RD_MAX_ACTION_NOTES);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_widget_error_bell (GTK_WIDGET (g_object_get_data (G_OBJECT (buffer), "view")));
  gtk_text_buffer_delete (buffer, &start, &end);
}

static void
update_linked_count (GtkWidget *expander)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "n-linked"));
  g_autofree char *subtitle = n == 0 ? g_strdup ("") :
    /* Translators: under an area in the list of items an action can be linked to */
    g_strdup_printf (g_dngettext (NULL, "%u item linked", "%u items linked", n), n);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

static void
on_item_toggled (GtkCheckButton *check,
                 GtkWidget      *expander)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "n-linked"));

  n = gtk_check_button_get_active (check) ? n + 1 : n - 1;
  g_object_set_data (G_OBJECT (expander), "n-linked", GUINT_TO_POINTER (n));
  update_linked_count (expander);
}

static GtkWidget *
create_items_group (RdActionDialog     *self,
                    RdAssessmentMode    mode,
                    const char * const *linked)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Linked Items"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The questions this action should improve."));

  for (guint a = 0; a < rd_framework_get_n_areas (self->framework); a++)
    {
      RdArea *area = rd_framework_get_area (self->framework, a);
      g_autoptr(GPtrArray) items = rd_framework_list_items (self->framework, rd_area_get_id (area), mode);
      GtkWidget *expander;
      guint n_linked = 0;

      if (items->len == 0)
        continue;

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     rd_text_get_localized (rd_area_get_title (area)));
      for (guint i = 0; i < items->len; i++)
        {
          RdItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          gboolean active = linked != NULL && g_strv_contains (linked, rd_item_get_id (item));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_text_get_localized (rd_item_get_text (item)));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          row, NULL, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_signal_connect (check, "toggled", G_CALLBACK (on_item_toggled), expander);
          g_hash_table_insert (self->item_checks, g_strdup (rd_item_get_id (item)), check);
          n_linked += active;
        }

      g_object_set_data (G_OBJECT (expander), "n-linked", GUINT_TO_POINTER (n_linked));
      update_linked_count (expander);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), n_linked > 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }

  return group;
}

static void
build (RdActionDialog   *self,
       RdAssessmentMode  mode)
{
  g_autoptr(GtkStringList) factors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  RdAction *action = self->action;
  GtkWidget *box, *header, *cancel, *page, *group, *notes_group, *notes_view, *frame;
  g_autofree char *due = NULL;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    gtk_string_list_append (factors, rd_factor_get_short_title (f));
  for (guint s = 0; s < RD_N_ACTION_STATUSES; s++)
    gtk_string_list_append (statuses, rd_action_status_get_title (s));

  if (action != NULL && rd_action_get_due (action) != NULL)
    {
      g_autoptr(GDate) date = g_date_new ();

      g_date_set_parse (date, rd_action_get_due (action));
      due = g_date_valid (date) ? rd_input_format_date (date) : g_strdup (rd_action_get_due (action));
    }

  gtk_window_set_title (GTK_WINDOW (self), action ? _("Edit Action") : _("New Action"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_name (self->save_button, "save");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = adw_preferences_group_new ();
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->message));

  self->title_row = ADW_ENTRY_ROW (create_entry ("title", _("_Title"), RD_MAX_ACTION_TITLE, action ? rd_action_get_title (action) : NULL));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (on_save_clicked), self);
  adw_entry_row_set_activates_default (self->title_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));

  self->factor_row = ADW_COMBO_ROW (create_combo (_("Success Factor"), factors));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->factor_row));
  self->status_row = ADW_COMBO_ROW (create_combo (_("Status"), statuses));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));

  self->owner_row = ADW_ENTRY_ROW (create_entry ("owner", _("_Owner"), RD_MAX_ACTION_OWNER, action ? rd_action_get_owner (action) : NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->owner_row));
  /* Translators: the hint says which date formats can be typed */
  self->due_row = ADW_ENTRY_ROW (create_entry ("due", _("_Due Date (day-month-year)"), 32, due));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->due_row));
  self->criterion_row = ADW_ENTRY_ROW (create_entry ("criterion", _("Success _Criterion"),
                                                     RD_MAX_ACTION_CRITERION, action ? rd_action_get_criterion (action) : NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->criterion_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (action != NULL)
    {
      adw_combo_row_set_selected (self->factor_row, rd_action_get_factor (action));
      adw_combo_row_set_selected (self->status_row, rd_action_get_status (action));
      self->carried_from = g_strdup (rd_action_get_carried_from (action));
    }

  notes_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (notes_group), _("Notes"));
  notes_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (notes_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (notes_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (notes_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (notes_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (notes_view), 8);
  gtk_widget_set_size_request (notes_view, -1, 120);
  gtk_widget_set_name (notes_view, "notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  self->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view));
  g_object_set_data (G_OBJECT (self->notes), "view", notes_view);
  g_signal_connect_after (self->notes, "changed", G_CALLBACK (limit_notes), NULL);
  if (action != NULL && rd_action_get_notes (action) != NULL)
    gtk_text_buffer_set_text (self->notes, rd_action_get_notes (action), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), notes_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (notes_group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (create_items_group (self, mode,
                                                                       action ? rd_action_get_item_ids (action) : NULL)));

  if (action != NULL)
    {
      GtkWidget *delete_group = adw_preferences_group_new ();
      GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Action"));

      gtk_widget_add_css_class (delete_button, "destructive-action");
      gtk_widget_set_name (delete_button, "delete");
      gtk_widget_set_halign (delete_button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (delete_group), delete_button);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (delete_group));
    }

  adw_window_set_content (ADW_WINDOW (self), box);
  update_save (self);
}

RdActionDialog *
rd_action_dialog_new (GtkWindow        *parent,
                      RdStore          *store,
                      RdFramework      *framework,
                      RdAssessmentMode  mode,
                      gint64            assessment_id,
                      RdAction         *action)
{
  RdActionDialog *self = g_object_new (RD_TYPE_ACTION_DIALOG,
                                       "modal", TRUE,
                                       "transient-for", parent,
                                       "destroy-with-parent", TRUE,
                                       NULL);

  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment_id = assessment_id;
  self->action = action ? g_object_ref (action) : NULL;
  build (self, mode);

  return self;
}

gint64
rd_action_dialog_get_action_id (RdActionDialog *self)
{
  g_return_val_if_fail (RD_IS_ACTION_DIALOG (self), 0);
  return self->action ? rd_action_get_id (self->action) : 0;
}
