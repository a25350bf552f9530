#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RD_TYPE_METER (rd_meter_get_type ())

G_DECLARE_FINAL_TYPE (RdMeter, rd_meter, RD, METER, GtkWidget)

/* Draws rd_chart_draw_meter(); its accessible value carries the number. */
GtkWidget *rd_meter_new          (void);
void       rd_meter_set_fraction (RdMeter *self,
                                  double   fraction);

G_END_DECLS
