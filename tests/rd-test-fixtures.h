#pragma once

#include "rd-answer.h"
#include "rd-exchange.h"
#include "rd-framework.h"
#include "rd-response.h"

G_BEGIN_DECLS

/* Fixtures shared by the core tests (no GTK). */
RdFramework *rd_test_load_framework  (const char *name);
void         rd_test_remove_database (const char *path);
/* A new database at @path made from tests/data/store/@name, a dump of one
 * an earlier version of Readiness wrote. */
void         rd_test_database_from_dump (const char *name,
                                         const char *path);
/* The built-in framework's frozen edition 1.0 made into a next edition,
 * whatever the built-in one is now: version 2.0, con-bandwidth asked anew
 * (item version 2), eng-joint-procurement gone. */
RdFramework *rd_test_load_next_edition  (void);
char        *rd_test_next_edition_json  (void);
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
/* A complete full assessment brought as a summary of plausible scores, as
 * an exchange file of many schools would bring it: @uuid (taken), @school_year,
 * created at @created. */
RdExchangeAssessment *rd_test_summary_assessment (RdFramework *framework,
                                                  GRand       *rand,
                                                  char        *uuid,
                                                  const char  *school_year,
                                                  gint64       created);
/* Hostile files: "[[[…]]]" nested @depth deep (json-glib recursed once
 * per level), written to @path, or a file of @size bytes that is a hole
 * (no disk used: a reader must refuse it by its size, unread). */
char        *rd_test_deep_json       (guint             depth);
void         rd_test_write_file      (const char       *path,
                                      const char       *text);
void         rd_test_write_hole      (const char       *path,
                                      goffset           size);

G_END_DECLS
