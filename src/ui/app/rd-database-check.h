#pragma once

#include <gtk/gtk.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* The full integrity check of @store's file, on a thread with a read-only
 * connection of its own. Damage found: @store refuses every write from
 * then on and a dialog over @parent says what, where and what to do.
 * @on_demand (the menu's Check Database…): a dialog shows the progress,
 * and the result even when nothing is wrong. Cancelling @cancellable
 * stops it without a word. */
void rd_database_check_start (RdStore      *store,
                              GtkWindow    *parent,
                              gboolean      on_demand,
                              GCancellable *cancellable);

G_END_DECLS
