#define G_LOG_DOMAIN "rd-evidence-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-entry-row.h"
#include "rd-evidence-dialog.h"
#include "rd-input.h"
#include "rd-limits.h"

struct _RdEvidenceDialog
{
  AdwWindow parent_instance;

  RdStore *store;
  RdItem *item;
  gint64 assessment_id;
  gboolean editable;
  GListStore *evidence;      /* of RdEvidence, the item's, as the store has them */
  RdEvidence *editing;       /* what the form edits; NULL while it adds */

  GtkWidget *done_button;
  AdwToastOverlay *toast_overlay;
  GtkLabel *item_label;
  GtkWidget *read_only_label;
  GtkLabel *message;
  GtkTextView *commentary_view;
  GtkTextBuffer *commentary;
  GtkListBox *evidence_list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow *title_row;
  AdwEntryRow *location_row;
  AdwEntryRow *date_row;
  GtkWidget *cancel_edit_button;
  GtkWidget *save_evidence_button;
};

G_DEFINE_FINAL_TYPE (RdEvidenceDialog, rd_evidence_dialog, ADW_TYPE_WINDOW)

static void
rd_evidence_dialog_dispose (GObject *object)
{
  RdEvidenceDialog *self = RD_EVIDENCE_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_object (&self->evidence);
  g_clear_object (&self->editing);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_DIALOG);

  G_OBJECT_CLASS (rd_evidence_dialog_parent_class)->dispose (object);
}

static void
show_message (RdEvidenceDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
update_form (RdEvidenceDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  /* Typing again takes back what a refusal marked. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->location_row), "error");
  gtk_widget_set_sensitive (self->save_evidence_button, self->editable && *title != '\0');
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}


static void
reset_form (RdEvidenceDialog *self)
{
  g_clear_object (&self->editing);
  set_text (self->title_row, NULL);
  set_text (self->location_row, NULL);
  set_text (self->date_row, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->location_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  adw_preferences_group_set_title (self->form_group, _("Add Evidence"));
  gtk_button_set_label (GTK_BUTTON (self->save_evidence_button), _("_Add Evidence"));
  gtk_widget_set_visible (self->cancel_edit_button, FALSE);
  update_form (self);
}

static void
on_save_evidence_clicked (RdEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  RdEvidenceInfo info = {
    .assessment_id = self->assessment_id,
    .item_id = rd_item_get_id (self->item),
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .location = gtk_editable_get_text (GTK_EDITABLE (self->location_row)),
  };
  gboolean saved;

  if (!gtk_widget_get_sensitive (self->save_evidence_button))
    return;

  date = rd_input_date_to_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error);
  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      show_message (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  info.date = date;

  if (self->editing != NULL)
    saved = rd_store_update_evidence (self->store, rd_evidence_get_id (self->editing), &info, &error);
  else
    saved = rd_store_add_evidence (self->store, &info, &error) != 0;

  if (!saved)
    {
      RdEvidenceLocation kind;

      /* Most often the location: say so there. */
      if (!rd_evidence_location_classify (info.location, &kind, NULL))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->location_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->location_row));
        }
      show_message (self, error->message);
      return;
    }

  show_message (self, NULL);
  reset_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
edit_evidence (GtkButton  *button,
               RdEvidence *evidence)
{
  RdEvidenceDialog *self = RD_EVIDENCE_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autofree char *date = rd_input_format_iso_date (rd_evidence_get_date (evidence));

  g_set_object (&self->editing, evidence);
  set_text (self->title_row, rd_evidence_get_title (evidence));
  set_text (self->location_row, rd_evidence_get_location (evidence));
  set_text (self->date_row, date);
  adw_preferences_group_set_title (self->form_group, _("Edit Evidence"));
  gtk_button_set_label (GTK_BUTTON (self->save_evidence_button), _("_Save Evidence"));
  gtk_widget_set_visible (self->cancel_edit_button, TRUE);
  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_undo_remove (AdwToast         *toast,
                RdEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "evidence-id"));

  if (!rd_store_restore_evidence (self->store, id, &error))
    show_message (self, error->message);
}

static void
on_remove_toast_dismissed (AdwToast         *toast,
                           RdEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "evidence-id"));

  if (self->store != NULL && !rd_store_purge_evidence (self->store, id, &error))
    g_warning ("Could not purge evidence %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
remove_evidence (GtkButton  *button,
                 RdEvidence *evidence)
{
  RdEvidenceDialog *self = RD_EVIDENCE_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id = rd_evidence_get_id (evidence);

  if (!rd_store_trash_evidence (self->store, id, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (self->editing != NULL && rd_evidence_get_id (self->editing) == id)
    reset_form (self);

  /* Translators: a toast after evidence was removed: "“ICT policy” removed" */
  title = g_strdup_printf (_("“%s” removed"), rd_evidence_get_title (evidence));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "evidence-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_remove_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RdEvidenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      gtk_widget_get_root (GTK_WIDGET (self)) != NULL && self->store != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not open it: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

/* Only here, on the user's click: never when the dialog shows. In a
 * sandbox GIO hands the URI to the OpenURI portal, which asks the user. */
static void
open_evidence (GtkButton  *button,
               RdEvidence *evidence)
{
  RdEvidenceDialog *self = RD_EVIDENCE_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autofree char *uri = rd_evidence_dup_uri (evidence);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (uri == NULL)
    return;
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_launched,
                                           g_object_ref (self));
}

static GtkWidget *
add_row_button (AdwActionRow *row,
                const char   *icon,
                const char   *tooltip,
                char         *name,
                RdEvidence   *evidence,
                GCallback     callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_free (name);
  g_signal_connect_data (button, "clicked", callback, g_object_ref (evidence),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_action_row_add_suffix (row, button);
  return button;
}

/* Title, then where it is and when, as plain text: a link is text until
 * its Open button is clicked. */
static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  RdEvidenceDialog *self = user_data;
  RdEvidence *evidence = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *date = rd_input_format_iso_date (rd_evidence_get_date (evidence));
  g_autofree char *uri = rd_evidence_dup_uri (evidence);
  g_autoptr(GString) subtitle = g_string_new (rd_evidence_get_location (evidence));
  const char *title = rd_evidence_get_title (evidence);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (date != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", date);
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 0);

  if (uri != NULL)
    {
      gboolean link = rd_evidence_get_location_kind (evidence) == RD_EVIDENCE_LOCATION_LINK;
      GtkWidget *open = add_row_button (row, link ? "web-browser-symbolic" : "document-open-symbolic",
                                        link ? _("Open Link") : _("Open Document"),
                                        /* Translators: accessible name of a button: "Open “ICT policy”" */
                                        g_strdup_printf (_("Open “%s”"), title), evidence, G_CALLBACK (open_evidence));
      g_object_set_data (G_OBJECT (row), "open-button", open);
    }
  if (self->editable)
    {
      GtkWidget *edit = add_row_button (row, "document-edit-symbolic", _("Edit"),
                                        /* Translators: accessible name of a button: "Edit “ICT policy”" */
                                        g_strdup_printf (_("Edit “%s”"), title), evidence, G_CALLBACK (edit_evidence));
      GtkWidget *remove = add_row_button (row, "user-trash-symbolic", _("Remove"),
                                          /* Translators: accessible name of a button: "Remove “ICT policy”" */
                                          g_strdup_printf (_("Remove “%s”"), title), evidence, G_CALLBACK (remove_evidence));

      g_object_set_data (G_OBJECT (row), "edit-button", edit);
      g_object_set_data (G_OBJECT (row), "remove-button", remove);
    }

  return GTK_WIDGET (row);
}

static void
reload_evidence (RdEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = rd_store_list_evidence (self->store, self->assessment_id,
                                                          rd_item_get_id (self->item), &error);

  if (evidence == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       evidence->pdata, evidence->len);
}

static void
on_evidence_changed (RdStore          *store,
                     gint64            assessment_id,
                     const char       *item_id,
                     RdEvidenceDialog *self)
{
  if (assessment_id == self->assessment_id && g_strcmp0 (item_id, rd_item_get_id (self->item)) == 0)
    reload_evidence (self);
}

/* The commentary is saved as the dialog closes; when the store refuses
 * it, the dialog stays open with the reason, the text kept. */
static gboolean
on_close_request (RdEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!self->editable || self->store == NULL)
    return FALSE;

  gtk_text_buffer_get_bounds (self->commentary, &start, &end);
  text = gtk_text_buffer_get_text (self->commentary, &start, &end, FALSE);
  /* The same text again is no change: the store says nothing. */
  if (!rd_store_set_item_commentary (self->store, self->assessment_id, rd_item_get_id (self->item), text, &error))
    {
      show_message (self, error->message);
      return TRUE;
    }
  return FALSE;
}

static void
rd_evidence_dialog_class_init (RdEvidenceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_evidence_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, item_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, message);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, commentary_view);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, commentary);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, cancel_edit_button);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDialog, save_evidence_button);
  gtk_widget_class_bind_template_callback (widget_class, update_form);
  gtk_widget_class_bind_template_callback (widget_class, reset_form);
  gtk_widget_class_bind_template_callback (widget_class, on_save_evidence_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_evidence_dialog_init (RdEvidenceDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->evidence = g_list_store_new (RD_TYPE_EVIDENCE);
  rd_entry_row_limit_length (self->title_row, RD_MAX_EVIDENCE_TITLE);
  rd_entry_row_limit_length (self->location_row, RD_MAX_EVIDENCE_LOCATION);
  rd_entry_row_limit_length (self->date_row, 32);
  rd_text_view_limit_length (self->commentary_view, RD_MAX_ITEM_COMMENTARY);

  placeholder = gtk_label_new (_("No evidence yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->evidence_list, placeholder);
}

RdEvidenceDialog *
rd_evidence_dialog_new (GtkWindow *parent,
                        RdStore   *store,
                        gint64     assessment_id,
                        RdItem    *item,
                        gboolean   editable)
{
  RdEvidenceDialog *self = g_object_new (RD_TYPE_EVIDENCE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *commentary = NULL;

  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->assessment_id = assessment_id;
  self->editable = editable;

  gtk_label_set_text (self->item_label, rd_text_get_localized (rd_item_get_text (item)));
  commentary = rd_store_get_item_commentary (store, assessment_id, rd_item_get_id (item), NULL);
  if (commentary != NULL)
    gtk_text_buffer_set_text (self->commentary, commentary, -1);
  gtk_text_view_set_editable (self->commentary_view, editable);
  gtk_widget_set_visible (self->read_only_label, !editable);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), editable);

  gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->evidence), create_evidence_row, self, NULL);
  reload_evidence (self);
  g_signal_connect (store, "evidence-changed", G_CALLBACK (on_evidence_changed), self);
  reset_form (self);

  return self;
}
