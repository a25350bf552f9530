#define G_LOG_DOMAIN "rd-progress-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-progress-window.h"

struct _RdProgressWindow
{
  AdwWindow parent_instance;

  GCancellable *cancellable;

  GtkProgressBar *bar;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (RdProgressWindow, rd_progress_window, ADW_TYPE_WINDOW)

static void
cancel (RdProgressWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  rd_progress_window_set_detail (self, _("Cancelling…"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel (RD_PROGRESS_WINDOW (widget));
}

/* Closing cancels, as Cancel and Escape do; the window goes when the work
 * has stopped. */
static gboolean
rd_progress_window_close_request (GtkWindow *window)
{
  cancel (RD_PROGRESS_WINDOW (window));
  return TRUE;
}

static void
rd_progress_window_dispose (GObject *object)
{
  RdProgressWindow *self = RD_PROGRESS_WINDOW (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rd_progress_window_parent_class)->dispose (object);
}

static void
rd_progress_window_class_init (RdProgressWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_progress_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rd_progress_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/rd-progress-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdProgressWindow, bar);
  gtk_widget_class_bind_template_child (widget_class, RdProgressWindow, detail_label);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  /* Not "window.close": a window that is not deletable has it disabled. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);
}

static void
rd_progress_window_init (RdProgressWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RdProgressWindow *
rd_progress_window_new (GtkWindow    *parent,
                        const char   *title,
                        GCancellable *cancellable)
{
  RdProgressWindow *self;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (RD_TYPE_PROGRESS_WINDOW, "transient-for", parent, "title", title, NULL);
  self->cancellable = g_object_ref (cancellable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
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
  gtk_label_set_text (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
}
