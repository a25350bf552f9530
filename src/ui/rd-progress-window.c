#define G_LOG_DOMAIN "rd-progress-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-progress-window.h"

struct _RdProgressWindow
{
  AdwWindow parent_instance;

  GCancellable *cancellable;
  GtkProgressBar *bar;
  GtkLabel *detail;
};

G_DEFINE_FINAL_TYPE (RdProgressWindow, rd_progress_window, ADW_TYPE_WINDOW)

static void
rd_progress_window_dispose (GObject *object)
{
  RdProgressWindow *self = RD_PROGRESS_WINDOW (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rd_progress_window_parent_class)->dispose (object);
}

static void
on_cancel (RdProgressWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  rd_progress_window_set_detail (self, _("Cancelling…"));
}

/* Escape cancels, as the button does; closing is the owner's business. */
static gboolean
on_close_request (RdProgressWindow *self,
                  gpointer          user_data)
{
  on_cancel (self);
  return TRUE;
}

static void
rd_progress_window_class_init (RdProgressWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_progress_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_progress_window_init (RdProgressWindow *self)
{
}

RdProgressWindow *
rd_progress_window_new (GtkWindow    *parent,
                        const char   *title,
                        GCancellable *cancellable)
{
  RdProgressWindow *self = g_object_new (RD_TYPE_PROGRESS_WINDOW,
                                         "modal", TRUE,
                                         "resizable", FALSE,
                                         "deletable", FALSE,
                                         "transient-for", parent,
                                         "title", title,
                                         NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->cancellable = g_object_ref (cancellable);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);

  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->bar), 320, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));

  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->detail, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail));

  gtk_widget_set_name (cancel, "cancel");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (cancel, 6);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel), self);
  gtk_box_append (GTK_BOX (box), cancel);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

void
rd_progress_window_set_fraction (RdProgressWindow *self,
                                 double            fraction)
{
  g_return_if_fail (RD_IS_PROGRESS_WINDOW (self));
  gtk_progress_bar_set_fraction (self->bar, CLAMP (fraction, 0.0, 1.0));
}

void
rd_progress_window_pulse (RdProgressWindow *self)
{
  g_return_if_fail (RD_IS_PROGRESS_WINDOW (self));
  gtk_progress_bar_pulse (self->bar);
}

void
rd_progress_window_set_detail (RdProgressWindow *self,
                               const char       *detail)
{
  g_return_if_fail (RD_IS_PROGRESS_WINDOW (self));
  gtk_label_set_text (self->detail, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail), detail != NULL && *detail != '\0');
}
