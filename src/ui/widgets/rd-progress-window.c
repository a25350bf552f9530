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

double
rd_progress_window_get_fraction (RdProgressWindow *self)
{
  g_return_val_if_fail (RD_IS_PROGRESS_WINDOW (self), 0.0);
  return gtk_progress_bar_get_fraction (self->bar);
}

/* Short work ends before a progress window would only flash. */
static guint watch_delay_ms = 400;

void
rd_progress_window_set_delay (guint delay_ms)
{
  watch_delay_ms = delay_ms;
}

typedef struct
{
  GTask *task;               /* not a reference: the watch lives as long as its signal handler */
  GtkWindow *parent;         /* weak */
  char *title;
  RdProgressPoll poll;
  gpointer poll_data;
  RdProgressWindow *window;
  guint timeout;
  guint tick;
} Watch;

static void
watch_stop (Watch *watch)
{
  g_clear_handle_id (&watch->timeout, g_source_remove);
  g_clear_handle_id (&watch->tick, g_source_remove);
  if (watch->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&watch->window)));
}

static void
watch_free (gpointer  data,
            GClosure *closure)
{
  Watch *watch = data;

  watch_stop (watch);
  g_clear_weak_pointer (&watch->parent);
  g_free (watch->title);
  g_free (watch);
}

static gboolean
on_watch_tick (gpointer user_data)
{
  Watch *watch = user_data;
  g_autofree char *detail = NULL;
  double fraction = watch->poll (watch->poll_data, &detail);

  if (fraction < 0)
    rd_progress_window_pulse (watch->window);
  else
    rd_progress_window_set_fraction (watch->window, fraction);
  if (detail != NULL)
    rd_progress_window_set_detail (watch->window, detail);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_watch_timeout (gpointer user_data)
{
  Watch *watch = user_data;

  watch->timeout = 0;
  watch->window = rd_progress_window_new (watch->parent, watch->title, g_task_get_cancellable (watch->task));
  on_watch_tick (watch);
  watch->tick = g_timeout_add (100, on_watch_tick, watch);
  gtk_window_present (GTK_WINDOW (watch->window));
  return G_SOURCE_REMOVE;
}

/* In the main context, whichever thread drops the task's last reference. */
static void
on_watched_completed (GTask      *task,
                      GParamSpec *pspec,
                      Watch      *watch)
{
  watch_stop (watch);
}

void
rd_progress_window_watch (GTask          *task,
                          GtkWindow      *parent,
                          const char     *title,
                          RdProgressPoll  poll,
                          gpointer        poll_data)
{
  Watch *watch;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (G_IS_CANCELLABLE (g_task_get_cancellable (task)));
  g_return_if_fail (poll != NULL);

  watch = g_new0 (Watch, 1);
  watch->task = task;
  g_set_weak_pointer (&watch->parent, parent);
  watch->title = g_strdup (title);
  watch->poll = poll;
  watch->poll_data = poll_data;
  watch->timeout = g_timeout_add (watch_delay_ms, on_watch_timeout, watch);
  g_signal_connect_data (task, "notify::completed", G_CALLBACK (on_watched_completed), watch, watch_free, 0);
}
