#define G_LOG_DOMAIN "rd-handover-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-handover-page.h"

struct _RdHandoverPage
{
  GtkWidget parent_instance;

  RdWorkshopSession *session;
  GtkWidget *status_page;
  GtkBox *group_buttons;
};

G_DEFINE_FINAL_TYPE (RdHandoverPage, rd_handover_page, GTK_TYPE_WIDGET)

/* Whole sentences, so that each language can inflect the group. */
static const char *
join_label (RdGroup group)
{
  switch (group)
    {
    case RD_GROUP_LEADER: return _("I Am a School Leader");
    case RD_GROUP_TEACHER: return _("I Am a Teacher");
    case RD_GROUP_SUPPORT_STAFF: return _("I Am Support Staff");
    case RD_GROUP_LEARNER: return _("I Am a Learner");
    case RD_GROUP_PARENT: return _("I Am a Parent");
    default: return _("I Am Someone Else");
    }
}

static GtkWidget *
create_join_button (RdHandoverPage *self,
                    RdGroup         group)
{
  GtkWidget *button = gtk_button_new_with_label (join_label (group));

  gtk_widget_add_css_class (button, "pill");
  /* Without the action: an enabled action would make it sensitive again. */
  if (!rd_workshop_session_asks (self->session, group))
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("This assessment asks this group nothing"));
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.join");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", group);
    }
  return button;
}

/* The groups of a round are chosen when it begins. */
static void
on_round_changed (RdHandoverPage *self)
{
  GtkWidget *child;

  if (!rd_workshop_session_is_active (self->session))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->group_buttons))) != NULL)
    gtk_box_remove (self->group_buttons, child);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (rd_workshop_session_is_participating (self->session, g))
      gtk_box_append (self->group_buttons, create_join_button (self, g));
}

/* Keys go to the first group's button, not to a row of the page before. */
static gboolean
rd_handover_page_grab_focus (GtkWidget *widget)
{
  RdHandoverPage *self = RD_HANDOVER_PAGE (widget);
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->group_buttons));

  return first != NULL && gtk_widget_grab_focus (first);
}

static void
rd_handover_page_dispose (GObject *object)
{
  RdHandoverPage *self = RD_HANDOVER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_HANDOVER_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rd_handover_page_parent_class)->dispose (object);
}

static void
rd_handover_page_class_init (RdHandoverPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_handover_page_dispose;
  widget_class->grab_focus = rd_handover_page_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/workshop/rd-handover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdHandoverPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RdHandoverPage, group_buttons);
}

static void
rd_handover_page_init (RdHandoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rd_handover_page_new (RdWorkshopSession *session)
{
  RdHandoverPage *self;

  g_return_val_if_fail (RD_IS_WORKSHOP_SESSION (session), NULL);

  self = g_object_new (RD_TYPE_HANDOVER_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::active", G_CALLBACK (on_round_changed), self, G_CONNECT_SWAPPED);
  on_round_changed (self);
  return GTK_WIDGET (self);
}
