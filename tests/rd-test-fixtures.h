#pragma once

#include "rd-answer.h"
#include "rd-framework.h"

G_BEGIN_DECLS

/* Fixtures shared by the core tests (no GTK). */
RdFramework *rd_test_load_framework  (const char *name);
void         rd_test_remove_database (const char *path);
RdAnswer    *rd_test_add_answer      (GPtrArray  *answers,
                                      gint64      respondent,
                                      RdGroup     group,
                                      const char *item_id,
                                      guint       version,
                                      double      value);

G_END_DECLS
