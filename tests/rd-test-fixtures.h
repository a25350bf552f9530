#pragma once

#include "rd-answer.h"
#include "rd-framework.h"
#include "rd-response.h"

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
GPtrArray   *rd_test_sample_answers  (RdGroup           third_group);
/* One respondent's plausible answers to every item of @mode, leaning to
 * the top of the scale by @lean (0–1); some are "not applicable". */
RdResponse  *rd_test_random_response (RdFramework      *framework,
                                      RdAssessmentMode  mode,
                                      RdGroup           group,
                                      GRand            *rand,
                                      double            lean);

G_END_DECLS
