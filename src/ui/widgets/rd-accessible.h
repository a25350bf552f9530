#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rd_accessible_install_name_fixes  (void);
void rd_accessible_tidy_names          (GtkWidget   *root);
void rd_accessible_name_button         (GtkWidget   *button,
                                        const char  *name);
void rd_accessible_label_dropdown      (GtkDropDown *dropdown,
                                        GtkWidget   *label);
void rd_accessible_name_dropdown       (GtkDropDown *dropdown,
                                        const char  *name);

G_END_DECLS
