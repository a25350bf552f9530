#define G_LOG_DOMAIN "rd-chart-view"

#include "config.h"

#include <adwaita.h>

#include "rd-chart-view.h"

struct _RdChartView
{
  GtkWidget parent_instance;

  RdChartDrawFunc draw;
  gpointer data;
  GDestroyNotify destroy;
  char *label;
  char *description;
};

G_DEFINE_FINAL_TYPE (RdChartView, rd_chart_view, GTK_TYPE_WIDGET)

static RdChartStyle
current_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return RD_CHART_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? RD_CHART_STYLE_DARK : RD_CHART_STYLE_LIGHT;
}

static void
rd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RdChartView *self = RD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RdChartPalette palette;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  /* Colours are read at every draw, so a change of style shows at once. */
  rd_chart_palette_init (&palette, current_style ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->draw (cr, width, height, self->data, &palette);
  cairo_destroy (cr);
}

static void
on_style_changed (RdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rd_chart_view_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);
  G_OBJECT_CLASS (rd_chart_view_parent_class)->dispose (object);
}

static void
rd_chart_view_finalize (GObject *object)
{
  RdChartView *self = RD_CHART_VIEW (object);

  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (rd_chart_view_parent_class)->finalize (object);
}

static void
rd_chart_view_class_init (RdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_chart_view_dispose;
  object_class->finalize = rd_chart_view_finalize;
  widget_class->snapshot = rd_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rd_chart_view_init (RdChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
}

/* Takes @data, to be freed with @destroy when replaced or finalized. */
void
rd_chart_view_set_data (RdChartView    *self,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  g_return_if_fail (RD_IS_CHART_VIEW (self));

  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  self->data = data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gpointer
rd_chart_view_get_data (RdChartView *self)
{
  g_return_val_if_fail (RD_IS_CHART_VIEW (self), NULL);
  return self->data;
}

RdChartDrawFunc
rd_chart_view_get_draw_func (RdChartView *self)
{
  g_return_val_if_fail (RD_IS_CHART_VIEW (self), NULL);
  return self->draw;
}

void
rd_chart_view_set_draw_func (RdChartView     *self,
                             RdChartDrawFunc  draw)
{
  g_return_if_fail (RD_IS_CHART_VIEW (self));

  self->draw = draw;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rd_chart_view_set_description (RdChartView *self,
                               const char  *label,
                               const char  *description)
{
  g_return_if_fail (RD_IS_CHART_VIEW (self));

  g_free (self->label);
  g_free (self->description);
  self->label = g_strdup (label);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

const char *
rd_chart_view_get_label (RdChartView *self)
{
  g_return_val_if_fail (RD_IS_CHART_VIEW (self), NULL);
  return self->label;
}

const char *
rd_chart_view_get_description (RdChartView *self)
{
  g_return_val_if_fail (RD_IS_CHART_VIEW (self), NULL);
  return self->description;
}
