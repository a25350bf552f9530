#define G_LOG_DOMAIN "rd-area-page"

#include "config.h"

#include "rd-area-page.h"

struct _RdAreaPage
{
  GtkWidget parent_instance;

  RdArea *area;
  GPtrArray *rows;          /* of RdItemRow, borrowed from the box */
  guint n_asked;            /* rows shown: items the respondent's group is asked */
  char *focused_item;
  GtkWidget *placeholder;   /* shown when no row is */

  /* Template children */
  GtkBox *box;
  GtkLabel *description;
};

G_DEFINE_FINAL_TYPE (RdAreaPage, rd_area_page, GTK_TYPE_WIDGET)

enum {
  ITEM_FOCUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RdItemRow *
row_of_focus (RdAreaPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (RD_IS_ITEM_ROW (focus))
    return RD_ITEM_ROW (focus);
  return RD_ITEM_ROW (gtk_widget_get_ancestor (focus, RD_TYPE_ITEM_ROW));
}

static void
on_row_focus_enter (GtkEventControllerFocus *controller,
                    RdAreaPage              *self)
{
  RdItemRow *row = RD_ITEM_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const char *item_id = rd_item_get_id (rd_item_row_get_item (row));

  if (g_strcmp0 (self->focused_item, item_id) == 0)
    return;

  g_free (self->focused_item);
  self->focused_item = g_strdup (item_id);
  g_signal_emit (self, signals[ITEM_FOCUSED], 0, item_id);
}

/* Up (@step -1) or Down (1) from the focused row. */
static gboolean
move_focus (RdAreaPage *self,
            int         step)
{
  RdItemRow *current;
  guint index = 0;
  int target;

  current = row_of_focus (self);
  if (current == NULL && self->focused_item != NULL)
    current = rd_area_page_lookup_row (self, self->focused_item);
  if (current == NULL || !g_ptr_array_find (self->rows, current, &index))
    return rd_area_page_focus_item (self, NULL);

  /* Rows of items the respondent is not asked are passed over. */
  target = (int) index + step;
  while (target >= 0 && target < (int) self->rows->len && !rd_area_page_is_asked (self, target))
    target += step > 0 ? 1 : -1;
  if (target < 0 || target >= (int) self->rows->len)
    return FALSE;

  return rd_area_page_focus_item (self, rd_item_get_id (rd_item_row_get_item (
                                    g_ptr_array_index (self->rows, target))));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RdAreaPage            *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_focus (self, 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_focus (self, -1);
    default:
      return FALSE;
    }
}

static void
rd_area_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RD_TYPE_AREA_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rd_area_page_parent_class)->dispose (object);
}

static void
rd_area_page_finalize (GObject *object)
{
  RdAreaPage *self = RD_AREA_PAGE (object);

  g_clear_object (&self->area);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->focused_item);

  G_OBJECT_CLASS (rd_area_page_parent_class)->finalize (object);
}

static void
rd_area_page_class_init (RdAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_area_page_dispose;
  object_class->finalize = rd_area_page_finalize;

  signals[ITEM_FOCUSED] =
    g_signal_new ("item-focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-area-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdAreaPage, box);
  gtk_widget_class_bind_template_child (widget_class, RdAreaPage, description);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rd_area_page_init (RdAreaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
rd_area_page_new (RdArea    *area,
                  GPtrArray *items)
{
  RdAreaPage *self = g_object_new (RD_TYPE_AREA_PAGE, NULL);

  self->area = g_object_ref (area);
  gtk_label_set_text (self->description, rd_text_get_localized (rd_area_get_description (area)));

  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = rd_item_row_new (g_ptr_array_index (items, i), i, items->len);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_enter), self);
      gtk_widget_add_controller (row, focus);
      gtk_box_append (self->box, row);
      g_ptr_array_add (self->rows, row);
    }
  self->n_asked = items->len;

  return GTK_WIDGET (self);
}

RdArea *
rd_area_page_get_area (RdAreaPage *self)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), NULL);
  return self->area;
}

guint
rd_area_page_get_n_rows (RdAreaPage *self)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), 0);
  return self->rows->len;
}

RdItemRow *
rd_area_page_get_row (RdAreaPage *self,
                      guint       position)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

RdItemRow *
rd_area_page_lookup_row (RdAreaPage *self,
                         const char *item_id)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RdItemRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (rd_item_get_id (rd_item_row_get_item (row)), item_id) == 0)
        return row;
    }

  return NULL;
}

/* Shows the rows of the items @group is asked, or every row when @group is
 * -1, numbered among themselves; returns how many are shown. */
guint
rd_area_page_show_group (RdAreaPage *self,
                         int         group)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), 0);
  g_return_val_if_fail (group >= -1 && group < RD_N_GROUPS, 0);

  self->n_asked = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      RdItemRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_visible (GTK_WIDGET (row), group < 0 || rd_item_asks (rd_item_row_get_item (row), group));
      self->n_asked += gtk_widget_get_visible (GTK_WIDGET (row));
    }
  for (guint i = 0, position = 0; i < self->rows->len; i++)
    if (rd_area_page_is_asked (self, i))
      rd_item_row_set_place (g_ptr_array_index (self->rows, i), position++, self->n_asked);
  if (self->placeholder != NULL)
    gtk_widget_set_visible (self->placeholder, self->n_asked == 0);

  return self->n_asked;
}

/* @header stands below the area's description, above the rows. */
void
rd_area_page_set_header (RdAreaPage *self,
                         GtkWidget  *header)
{
  g_return_if_fail (RD_IS_AREA_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (header));

  gtk_box_insert_child_after (self->box, header, GTK_WIDGET (self->description));
}

/* @placeholder stands in for the rows while none is shown. */
void
rd_area_page_set_placeholder (RdAreaPage *self,
                              GtkWidget  *placeholder)
{
  g_return_if_fail (RD_IS_AREA_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (placeholder) && self->placeholder == NULL);

  self->placeholder = placeholder;
  gtk_widget_set_vexpand (placeholder, TRUE);
  gtk_box_append (self->box, placeholder);
  gtk_widget_set_visible (placeholder, self->n_asked == 0);
}

guint
rd_area_page_get_n_asked (RdAreaPage *self)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), 0);
  return self->n_asked;
}

gboolean
rd_area_page_is_asked (RdAreaPage *self,
                       guint       position)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);
  return gtk_widget_get_visible (g_ptr_array_index (self->rows, position));
}

static RdItemRow *
first_asked_row (RdAreaPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (rd_area_page_is_asked (self, i))
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

/* Focuses the item's input, so that its keys or typing work at once. */
gboolean
rd_area_page_focus_item (RdAreaPage *self,
                         const char *item_id)
{
  RdItemRow *row;

  g_return_val_if_fail (RD_IS_AREA_PAGE (self), FALSE);

  row = item_id ? rd_area_page_lookup_row (self, item_id) : NULL;
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)))
    row = first_asked_row (self);
  if (row == NULL)
    return FALSE;

  g_free (self->focused_item);
  self->focused_item = g_strdup (rd_item_get_id (rd_item_row_get_item (row)));
  return rd_item_row_grab_input_focus (row);
}

const char *
rd_area_page_get_focused_item (RdAreaPage *self)
{
  g_return_val_if_fail (RD_IS_AREA_PAGE (self), NULL);
  return self->focused_item;
}
