#define G_LOG_DOMAIN "rd-choice-group"

#include "config.h"

#include "rd-choice-group.h"

#define SPACING 6

struct _RdChoiceGroup
{
  GtkWidget parent_instance;

  int min_child_width;
};

G_DEFINE_FINAL_TYPE (RdChoiceGroup, rd_choice_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MIN_CHILD_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);
  return n;
}

static gboolean
is_stacked_at (RdChoiceGroup *self,
               int            width)
{
  guint n = count_children (GTK_WIDGET (self));

  if (n == 0 || width < 0)
    return FALSE;
  return (width - (int) (n - 1) * SPACING) / (int) n < self->min_child_width;
}

static int
row_child_width (int  width,
                 guint n)
{
  return MAX (0, (width - (int) (n - 1) * SPACING) / (int) n);
}

static void
rd_choice_group_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RdChoiceGroup *self = RD_CHOICE_GROUP (widget);
  guint n = count_children (widget);
  gboolean stacked = is_stacked_at (self, for_size);

  *minimum = *natural = 0;
  if (n == 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_for = for_size;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_VERTICAL && !stacked && for_size >= 0)
        child_for = row_child_width (for_size, n);

      gtk_widget_measure (child, orientation, child_for, &child_min, &child_nat, NULL, NULL);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Stacked, it needs only its widest child; in a row, n of the nominal width. */
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, MAX (child_nat, self->min_child_width));
        }
      else if (stacked)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *natural * (int) n + (int) (n - 1) * SPACING;
  else if (stacked)
    {
      *minimum += (int) (n - 1) * SPACING;
      *natural += (int) (n - 1) * SPACING;
    }
}

static void
rd_choice_group_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RdChoiceGroup *self = RD_CHOICE_GROUP (widget);
  guint n = count_children (widget);
  gboolean stacked = is_stacked_at (self, width);
  int child_width = stacked ? width : row_child_width (width, n);
  int position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_height = height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (stacked)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, position, width, child_height }, -1);
          position += child_height + SPACING;
        }
      else
        {
          gtk_widget_size_allocate (child, &(GtkAllocation) { position, 0, child_width, height }, -1);
          position += child_width + SPACING;
        }
    }
}

static GtkSizeRequestMode
rd_choice_group_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rd_choice_group_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rd_choice_group_parent_class)->dispose (object);
}

static void
set_min_child_width (RdChoiceGroup *self,
                     int            min_child_width)
{
  if (self->min_child_width == min_child_width)
    return;
  self->min_child_width = min_child_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CHILD_WIDTH]);
}

static void
rd_choice_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdChoiceGroup *self = RD_CHOICE_GROUP (object);

  switch (prop_id)
    {
    case PROP_MIN_CHILD_WIDTH:
      g_value_set_int (value, self->min_child_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_choice_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdChoiceGroup *self = RD_CHOICE_GROUP (object);

  switch (prop_id)
    {
    case PROP_MIN_CHILD_WIDTH:
      set_min_child_width (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_choice_group_class_init (RdChoiceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_choice_group_dispose;
  object_class->get_property = rd_choice_group_get_property;
  object_class->set_property = rd_choice_group_set_property;
  widget_class->measure = rd_choice_group_measure;
  widget_class->size_allocate = rd_choice_group_size_allocate;
  widget_class->get_request_mode = rd_choice_group_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Below this width a child would break its label inside a word: the
   * children then stand one below the other. */
  properties[PROP_MIN_CHILD_WIDTH] =
    g_param_spec_int ("min-child-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_choice_group_init (RdChoiceGroup *self)
{
}

int
rd_choice_group_get_min_child_width (RdChoiceGroup *self)
{
  g_return_val_if_fail (RD_IS_CHOICE_GROUP (self), 0);
  return self->min_child_width;
}

void
rd_choice_group_append (RdChoiceGroup *self,
                        GtkWidget     *child)
{
  g_return_if_fail (RD_IS_CHOICE_GROUP (self));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
