#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A full disk for SQLite without filling one: installs, as the default
 * VFS, the system's VFS with writes that grow a file refused as
 * SQLITE_FULL while rd_test_full_disk_set_full (TRUE) holds. Install it
 * before the store opens its database. */
void  rd_test_full_disk_install            (void);
void  rd_test_full_disk_set_full           (gboolean full);
guint rd_test_full_disk_get_refused_writes (void);

G_END_DECLS
