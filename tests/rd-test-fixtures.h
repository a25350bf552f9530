#pragma once

#include "rd-framework.h"

G_BEGIN_DECLS

/* Fixtures shared by the core tests (no GTK). */
RdFramework *rd_test_load_framework  (const char *name);
void         rd_test_remove_database (const char *path);

G_END_DECLS
