#define G_LOG_DOMAIN "rd-heatmap-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rd-chart-heatmap.h"
#include "rd-heatmap-view-private.h"
#include "rd-chart-text.h"

/* In pixels: rows comfortable to point at and to read a score in. */
#define ROW_HEIGHT 28.0
/* The charts' font follows their size: 1/40 of the smaller side, 9 to
 * 14 pt (rd_chart_font_size). A table of many schools reads best at the
 * size of the rest of the window, so the chart is drawn scaled to bring
 * its text to this. */
#define FONT_POINTS 11.0
#define CHART_MIN_POINTS RD_CHART_MIN_FONT_POINTS
#define CHART_MAX_POINTS RD_CHART_MAX_FONT_POINTS

struct _RdHeatmapView
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  RdComparisonHeatmapData *data;

  /* Kept for the next data; a sort it has no column for falls back to
   * the names, as the data's own sort does. */
  RdComparisonColumn sort_column;
  guint sort_index;
  gboolean sort_descending;

  gint64 wanted_id;          /* kept while the school is filtered out */
  int selected;              /* school; -1: none shown */
  int selected_row;

  double viewport;           /* height of the rows' area, pixels */
  char *label;
  char *description;

  guint drawn_first;
  guint drawn_count;
  gint64 draw_time;
};

enum {
  PROP_0,
  PROP_SELECTED_SCHOOL,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SORT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (RdHeatmapView, rd_heatmap_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static RdChartStyle
current_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return RD_CHART_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? RD_CHART_STYLE_DARK : RD_CHART_STYLE_LIGHT;
}

/* Chart units to pixels, for text at FONT_POINTS: a view whose smaller
 * side is 440 pixels or more becomes a chart of 560 units or more, with
 * 14 pt text, scaled down; a smaller view a chart under 360 units, with
 * 9 pt text, scaled up. */
static double
chart_scale (double width,
             double height)
{
  if (MIN (width, height) >= 40.0 * FONT_POINTS)
    return FONT_POINTS / CHART_MAX_POINTS;
  return FONT_POINTS / CHART_MIN_POINTS;
}

static double
scroll_value (RdHeatmapView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

static guint
n_schools (RdHeatmapView *self)
{
  return self->data != NULL ? self->data->n_schools : 0;
}

static guint
n_columns (RdHeatmapView *self)
{
  return self->data != NULL ? self->data->n_columns : 0;
}

/* What the chart draws at scroll position @value, in its units: the
 * data's, scrolled, with the selection. */
static void
fill_data (RdHeatmapView *self,
           double         scale,
           double         value,
           RdHeatmapData *data)
{
  guint first = (guint) floor (MAX (value, 0.0) / ROW_HEIGHT);

  rd_comparison_heatmap_data_get_chart (self->data, data);
  data->first_row = first;
  data->offset = (MAX (value, 0.0) - first * ROW_HEIGHT) / scale;
  data->row_height = ROW_HEIGHT / scale;
  data->highlighted_row = self->selected_row;
}

static void
configure_adjustments (RdHeatmapView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper = n_schools (self) * ROW_HEIGHT;
  double page = MAX (self->viewport, 0.0);

  if (self->vadjustment != NULL)
    {
      double value = CLAMP (scroll_value (self), 0.0, MAX (upper - page, 0.0));

      gtk_adjustment_configure (self->vadjustment, value, 0.0, MAX (upper, page), ROW_HEIGHT,
                                MAX (page - ROW_HEIGHT, ROW_HEIGHT), page);
    }
  /* The columns always fit the width: nothing to scroll sideways. */
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0.0, 0.0, width, width * 0.1, width * 0.9, width);
}

/* The rows' viewport depends on the headers and the key, so it is
 * measured again whenever the size or a header changes. */
static void
update_geometry (RdHeatmapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  RdHeatmapData data;
  double scale, viewport = 0;

  if (width > 0 && height > 0 && n_columns (self) > 0)
    {
      scale = chart_scale (width, height);
      fill_data (self, scale, 0.0, &data);
      rd_chart_heatmap_visible_rows (width / scale, height / scale, &data, NULL, &viewport);
      viewport *= scale;
    }
  self->viewport = viewport;
  configure_adjustments (self);
}

static void
scroll_to_row (RdHeatmapView *self,
               int            row)
{
  double top = row * ROW_HEIGHT, bottom = top + ROW_HEIGHT, value = scroll_value (self);

  if (self->vadjustment == NULL || row < 0 || self->viewport <= 0)
    return;
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + self->viewport)
    gtk_adjustment_set_value (self->vadjustment, bottom - self->viewport);
}

/* Screen readers get what the picture shows in words. */
static void
update_description (RdHeatmapView *self)
{
  g_free (self->description);
  self->description = NULL;
  if (self->data == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
      return;
    }

  g_free (self->label);
  self->label = g_strdup (self->data->label);
  if (n_columns (self) > 0)
    self->description = rd_comparison_heatmap_data_describe (self->data, self->selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
}

static void
set_selected (RdHeatmapView *self,
              int            school,
              gboolean       scroll)
{
  gint64 old_id = rd_heatmap_view_get_selected_school (self);

  self->selected = school;
  self->selected_row = school >= 0 ? (int) self->data->row_of[school] : -1;
  if (school >= 0)
    self->wanted_id = rd_comparison_get_school (self->data->comparison, school)->school_id;
  if (scroll)
    scroll_to_row (self, self->selected_row);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (rd_heatmap_view_get_selected_school (self) != old_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCHOOL]);
}

/* The rows in the order of the sort; the selection stays on its school. */
static void
resort (RdHeatmapView *self)
{
  if (self->data == NULL)
    return;

  rd_comparison_heatmap_data_sort (self->data, self->sort_column, self->sort_index, self->sort_descending);
  self->sort_column = self->data->sort_column;
  self->sort_index = self->data->sort_index;
  self->sort_descending = self->data->sort_descending;
  if (self->selected >= 0)
    self->selected_row = (int) self->data->row_of[self->selected];
}

static int
find_school (RdHeatmapView *self,
             gint64         school_id)
{
  if (self->data == NULL || school_id == 0)
    return -1;
  for (guint s = 0; s < self->data->n_schools; s++)
    if (rd_comparison_get_school (self->data->comparison, s)->school_id == school_id)
      return (int) s;
  return -1;
}

static void
reload (RdHeatmapView *self)
{
  int school;

  self->selected = -1;
  self->selected_row = -1;
  resort (self);
  update_geometry (self);
  school = find_school (self, self->wanted_id);
  set_selected (self, school, TRUE);
}

static void
on_adjustment_changed (RdHeatmapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (RdHeatmapView  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  configure_adjustments (self);
}

static void
rd_heatmap_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Room for a few rows, the headers and the key; the rest scrolls. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else
    {
      *minimum = 240;
      *natural = 560;
    }
}

static void
rd_heatmap_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (widget);
  double viewport = self->viewport;

  update_geometry (self);
  /* Only a new size brings the selection back: allocations for other
   * reasons must not undo the user's scrolling. */
  if (self->viewport != viewport)
    scroll_to_row (self, self->selected_row);
}

static void
rd_heatmap_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale, value;
  RdChartPalette palette;
  RdHeatmapData data;
  gint64 start;
  cairo_t *cr;

  if (n_columns (self) == 0 || width <= 0 || height <= 0)
    return;

  scale = chart_scale (width, height);
  value = scroll_value (self);
  fill_data (self, scale, value, &data);
  rd_chart_palette_init (&palette, current_style ());

  /* One node of the widget's size, whatever the number of schools: the
   * chart reads and draws only the rows in view. */
  start = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, scale, scale);
  rd_chart_draw_heatmap (cr, width / scale, height / scale, &data, &palette);
  cairo_destroy (cr);
  self->draw_time = g_get_monotonic_time () - start;

  if (gtk_widget_has_visible_focus (widget))
    {
      /* The theme draws no focus ring on a custom widget: a ring in the
       * colour of the selected row's tint. */
      const RdColor *c = &palette.series[0];
      GdkRGBA ring = { c->red, c->green, c->blue, 0.7f };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ring, ring, ring, ring });
    }

  self->drawn_first = data.first_row;
  self->drawn_count = 0;
  if (data.n_rows > data.first_row && self->viewport > 0)
    self->drawn_count = MIN ((guint) ceil ((value + self->viewport) / ROW_HEIGHT - 1e-9), data.n_rows) -
                        data.first_row;
}

static void
rd_heatmap_view_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (rd_heatmap_view_parent_class)->state_flags_changed (widget, previous);
}

static void
activate_header (RdHeatmapView *self,
                 guint          column)
{
  RdComparisonColumn kind = self->data->kind;
  gboolean same = self->sort_column == kind && self->sort_index == column;

  rd_heatmap_view_set_sort (self, kind, column, same ? !self->sort_descending : FALSE);
  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

static gboolean
hit (RdHeatmapView *self,
     double         x,
     double         y,
     int           *row,
     int           *column)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;
  RdHeatmapData data;

  *row = *column = -1;
  if (n_columns (self) == 0 || width <= 0 || height <= 0)
    return FALSE;
  scale = chart_scale (width, height);
  fill_data (self, scale, scroll_value (self), &data);
  return rd_chart_heatmap_hit (width / scale, height / scale, &data, x / scale, y / scale, row, column);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RdHeatmapView   *self)
{
  int row, column;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!hit (self, x, y, &row, &column))
    return;
  if (row < 0 && column >= 0)
    activate_header (self, (guint) column);
  else if (row >= 0)
    rd_heatmap_view_select_row (self, (guint) row);
}

static gboolean
move_selection (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (widget);
  int page = MAX ((int) floor (self->viewport / ROW_HEIGHT), 1);
  int step, row;
  const char *unit;

  if (n_schools (self) == 0)
    return FALSE;

  g_variant_get (args, "(&si)", &unit, &step);
  if (g_str_equal (unit, "page"))
    step *= page;
  else if (g_str_equal (unit, "end"))
    step *= (int) n_schools (self);

  if (self->selected_row >= 0)
    row = self->selected_row + step;
  else if (g_str_equal (unit, "end"))
    row = step > 0 ? (int) n_schools (self) - 1 : 0;
  else
    /* Nothing selected yet: start at the top of what is in view. */
    row = (int) floor (scroll_value (self) / ROW_HEIGHT);

  rd_heatmap_view_select_row (self, (guint) CLAMP (row, 0, (int) n_schools (self) - 1));
  return TRUE;
}

static char *
header_tooltip (RdHeatmapView *self,
                guint          column)
{
  const char *title = self->data->titles[column];

  if (self->sort_column == self->data->kind && self->sort_index == column)
    return g_strdup_printf (self->sort_descending ? _("Sorted by %s, highest first. Click to sort lowest first.")
                                                  : _("Sorted by %s, lowest first. Click to sort highest first."),
                            title);
  return g_strdup_printf (_("Sort by %s"), title);
}

static gboolean
rd_heatmap_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (widget);
  g_autofree char *text = NULL;
  graphene_rect_t area;
  int row, column;

  if (keyboard_tooltip)
    {
      if (self->selected_row < 0)
        return FALSE;
      text = rd_comparison_heatmap_data_tooltip (self->data, (guint) self->selected_row, -1);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  if (!hit (self, x, y, &row, &column))
    return FALSE;

  if (row < 0)
    {
      text = header_tooltip (self, (guint) column);
      if (rd_heatmap_view_get_header_area (self, (guint) column, &area))
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                             (int) ceil (area.size.width),
                                                             (int) ceil (area.size.height) });
    }
  else
    {
      text = rd_comparison_heatmap_data_tooltip (self->data, (guint) row, column);
      /* A new tooltip for every cell, not one for the whole widget. */
      if (column >= 0 && rd_heatmap_view_get_cell_area (self, (guint) row, (guint) column, &area))
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                             (int) ceil (area.size.width),
                                                             (int) ceil (area.size.height) });
    }
  gtk_tooltip_set_text (tooltip, text);
  return text != NULL;
}

static void
on_style_changed (RdHeatmapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rd_heatmap_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_SCHOOL:
      g_value_set_int64 (value, rd_heatmap_view_get_selected_school (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_heatmap_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_SCHOOL:
      rd_heatmap_view_set_selected_school (self, g_value_get_int64 (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_heatmap_view_dispose (GObject *object)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (rd_heatmap_view_parent_class)->dispose (object);
}

static void
rd_heatmap_view_finalize (GObject *object)
{
  RdHeatmapView *self = RD_HEATMAP_VIEW (object);

  g_clear_pointer (&self->data, rd_comparison_heatmap_data_free);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (rd_heatmap_view_parent_class)->finalize (object);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad,
                  const char     *unit,
                  int             step)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_selection, "(si)", unit, step);
  gtk_widget_class_add_binding (widget_class, keypad, 0, move_selection, "(si)", unit, step);
}

static void
rd_heatmap_view_class_init (RdHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rd_heatmap_view_get_property;
  object_class->set_property = rd_heatmap_view_set_property;
  object_class->dispose = rd_heatmap_view_dispose;
  object_class->finalize = rd_heatmap_view_finalize;
  widget_class->measure = rd_heatmap_view_measure;
  widget_class->size_allocate = rd_heatmap_view_size_allocate;
  widget_class->snapshot = rd_heatmap_view_snapshot;
  widget_class->query_tooltip = rd_heatmap_view_query_tooltip;
  widget_class->state_flags_changed = rd_heatmap_view_state_flags_changed;

  properties[PROP_SELECTED_SCHOOL] =
    g_param_spec_int64 ("selected-school", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* By a click on a header, not by the view: the window follows it. */
  signals[SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "row", 1);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "row", -1);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, "page", 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, "page", -1);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, "end", 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, "end", -1);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  /* No grid role in GTK 4.8: an image with its numbers in words. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rd_heatmap_view_init (RdHeatmapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->sort_column = RD_COMPARISON_COLUMN_NAME;
  self->selected = -1;
  self->selected_row = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
}

/**
 * rd_heatmap_view_set_data:
 * @data: (transfer full) (nullable): the schools to show
 *
 * The sort chosen stays, and so does the selected school when it is
 * among them.
 */
void
rd_heatmap_view_set_data (RdHeatmapView           *self,
                          RdComparisonHeatmapData *data)
{
  g_return_if_fail (RD_IS_HEATMAP_VIEW (self));

  g_clear_pointer (&self->data, rd_comparison_heatmap_data_free);
  self->data = data;
  reload (self);
}

RdComparisonHeatmapData *
rd_heatmap_view_get_data (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), NULL);
  return self->data;
}

void
rd_heatmap_view_set_sort (RdHeatmapView      *self,
                          RdComparisonColumn  column,
                          guint               index,
                          gboolean            descending)
{
  g_return_if_fail (RD_IS_HEATMAP_VIEW (self));

  self->sort_column = column;
  self->sort_index = column == RD_COMPARISON_COLUMN_NAME ? 0 : index;
  self->sort_descending = descending;
  resort (self);
  /* The headers may now take another line. */
  update_geometry (self);
  scroll_to_row (self, self->selected_row);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rd_heatmap_view_get_sort (RdHeatmapView      *self,
                          RdComparisonColumn *column,
                          guint              *index,
                          gboolean           *descending)
{
  g_return_if_fail (RD_IS_HEATMAP_VIEW (self));

  if (column != NULL)
    *column = self->sort_column;
  if (index != NULL)
    *index = self->sort_index;
  if (descending != NULL)
    *descending = self->sort_descending;
}

gint64
rd_heatmap_view_get_selected_school (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), 0);
  if (self->selected < 0)
    return 0;
  return rd_comparison_get_school (self->data->comparison, self->selected)->school_id;
}

void
rd_heatmap_view_set_selected_school (RdHeatmapView *self,
                                     gint64         school_id)
{
  g_return_if_fail (RD_IS_HEATMAP_VIEW (self));

  self->wanted_id = school_id;
  set_selected (self, find_school (self, school_id), TRUE);
}

int
rd_heatmap_view_get_selected (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), -1);
  return self->selected;
}

int
rd_heatmap_view_get_selected_row (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), -1);
  return self->selected_row;
}

void
rd_heatmap_view_select_row (RdHeatmapView *self,
                            guint          row)
{
  g_return_if_fail (RD_IS_HEATMAP_VIEW (self));
  g_return_if_fail (row < n_schools (self));

  set_selected (self, (int) g_array_index (self->data->order, guint, row), TRUE);
}

static gboolean
measure_cell (RdHeatmapView     *self,
              guint              row,
              guint              column,
              double             value,
              graphene_rect_t   *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_rectangle_t rect;
  RdHeatmapData data;
  double scale;
  gboolean shown;

  graphene_rect_init (area, 0, 0, 0, 0);
  if (width <= 0 || height <= 0 || n_columns (self) == 0)
    return FALSE;
  scale = chart_scale (width, height);
  fill_data (self, scale, value, &data);
  shown = rd_chart_heatmap_cell_rect (width / scale, height / scale, &data, row, column, &rect);
  if (isnan (rect.x))
    return FALSE;
  graphene_rect_init (area, rect.x * scale, rect.y * scale, rect.width * scale, rect.height * scale);
  return shown;
}

gboolean
rd_heatmap_view_get_cell_area (RdHeatmapView   *self,
                               guint            row,
                               guint            column,
                               graphene_rect_t *area)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return measure_cell (self, row, column, scroll_value (self), area);
}

/* From the top of the widget to the first row, over the column. */
gboolean
rd_heatmap_view_get_header_area (RdHeatmapView   *self,
                                 guint            column,
                                 graphene_rect_t *area)
{
  graphene_rect_t cell;

  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  graphene_rect_init (area, 0, 0, 0, 0);
  if (n_schools (self) == 0 ||
      !measure_cell (self, (guint) floor (scroll_value (self) / ROW_HEIGHT), column,
                     floor (scroll_value (self) / ROW_HEIGHT) * ROW_HEIGHT, &cell))
    return FALSE;
  graphene_rect_init (area, cell.origin.x, 0, cell.size.width, cell.origin.y);
  return TRUE;
}

/* The rows the view shows at its scroll position, also those in part. */
guint
rd_heatmap_view_get_visible_rows (RdHeatmapView *self,
                                  guint         *first)
{
  int width, height;
  RdHeatmapData data;
  double scale;
  guint dummy;

  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), 0);

  if (first == NULL)
    first = &dummy;
  *first = 0;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0 || n_columns (self) == 0)
    return 0;
  scale = chart_scale (width, height);
  fill_data (self, scale, scroll_value (self), &data);
  return rd_chart_heatmap_visible_rows (width / scale, height / scale, &data, first, NULL);
}

double
rd_heatmap_view_get_row_height (RdHeatmapView *self)
{
  return ROW_HEIGHT;
}

guint
rd_heatmap_view_get_drawn_rows (RdHeatmapView *self,
                                guint         *first)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), 0);
  if (first != NULL)
    *first = self->drawn_first;
  return self->drawn_count;
}

/* Microseconds the last snapshot spent in the chart. */
gint64
rd_heatmap_view_get_draw_time (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), 0);
  return self->draw_time;
}

const char *
rd_heatmap_view_get_label (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), NULL);
  return self->label;
}

const char *
rd_heatmap_view_get_description (RdHeatmapView *self)
{
  g_return_val_if_fail (RD_IS_HEATMAP_VIEW (self), NULL);
  return self->description;
}
