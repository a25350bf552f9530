#pragma once

#include <gtk/gtk.h>

#include "rd-store.h"

G_BEGIN_DECLS

typedef enum {
  RD_LEARNING_SAVE_TEMPLATE,
  RD_LEARNING_SAVE_CSV,
  RD_LEARNING_SAVE_XLSX,
} RdLearningSaveKind;

/* Asks where, then writes the school's log (or the empty template) in an
 * RdJob from a snapshot taken now. */
void     rd_learning_log_job_save        (GtkWindow           *parent,
                                          RdStore             *store,
                                          gint64               school_id,
                                          const char          *school_name,
                                          RdLearningSaveKind   kind);
/* Reads and checks @file in an RdJob, then imports it into the school's
 * log on the main thread, all or nothing; @callback gets @owner (only
 * while it is alive), the number of activities in the file, or the error. */
typedef void (*RdLearningImported) (GObject      *owner,
                                    guint         n_activities,
                                    const GError *error);

void     rd_learning_log_job_import_file (GtkWindow           *parent,
                                          RdStore             *store,
                                          RdFramework         *framework,
                                          gint64               school_id,
                                          GFile               *file,
                                          RdLearningImported   callback,
                                          GObject             *owner);
/* The same, after asking for the file. */
void     rd_learning_log_job_import      (GtkWindow           *parent,
                                          RdStore             *store,
                                          RdFramework         *framework,
                                          gint64               school_id,
                                          RdLearningImported   callback,
                                          GObject             *owner);

G_END_DECLS
