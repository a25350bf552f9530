#define G_LOG_DOMAIN "rd-meter"

#include "config.h"

#include <adwaita.h>

#include "rd-chart-meter.h"
#include "rd-meter.h"

struct _RdMeter
{
  GtkWidget parent_instance;

  double fraction;
};

G_DEFINE_FINAL_TYPE (RdMeter, rd_meter, GTK_TYPE_WIDGET)

static RdChartStyle
current_chart_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return RD_CHART_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return RD_CHART_STYLE_DARK;
  return RD_CHART_STYLE_LIGHT;
}

static void
rd_meter_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  RdMeter *self = RD_METER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  RdChartPalette palette;

  rd_chart_palette_init (&palette, current_chart_style ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rd_chart_draw_meter (cr, width, height, self->fraction, &palette.series[0], &palette);
  cairo_destroy (cr);
}

static void
on_style_changed (RdMeter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rd_meter_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);
  G_OBJECT_CLASS (rd_meter_parent_class)->dispose (object);
}

static void
rd_meter_class_init (RdMeterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rd_meter_dispose;
  widget_class->snapshot = rd_meter_snapshot;
  gtk_widget_class_set_css_name (widget_class, "meter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
rd_meter_init (RdMeter *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}

GtkWidget *
rd_meter_new (void)
{
  return g_object_new (RD_TYPE_METER, NULL);
}

void
rd_meter_set_fraction (RdMeter *self,
                       double   fraction)
{
  g_return_if_fail (RD_IS_METER (self));

  self->fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->fraction * 100.0,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
