#pragma once

#include "rd-answer.h"
#include "rd-exchange.h"
#include "rd-framework.h"
#include "rd-response.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* A real store in a temporary folder, its framework, and the school and
 * assessment most tests work in. rd_test_store_clear() closes it all and
 * removes the folder with whatever a test wrote there. */
#define RD_TEST_STORE_FIELDS \
  char *dir;               /* the temporary folder */ \
  char *path;              /* readiness.db in it */ \
  RdStore *store; \
  RdFramework *framework; \
  gint64 school_id;        /* the last one added by the helpers below */ \
  gint64 assessment_id;    /* the same */

typedef struct
{
  RD_TEST_STORE_FIELDS
} RdTestStore;

/* Begins a test's own fixture that adds fields of its own: the shared
 * set-up takes &fixture->test_store, the tests keep saying fixture->store. */
#define RD_TEST_STORE_MEMBERS \
  union { RdTestStore test_store; struct { RD_TEST_STORE_FIELDS }; }

/* For g_test_add(): small.json, the school "School" and its full
 * assessment of 2026-2027, nobody answered. */
void         rd_test_store_set_up          (RdTestStore      *fixture,
                                            gconstpointer     data);
void         rd_test_store_tear_down       (RdTestStore      *fixture,
                                            gconstpointer     data);
/* The folder and the path, nothing opened; for a test that makes the
 * database its own way. */
void         rd_test_store_make_folder     (RdTestStore      *fixture);
/* fixture->path opened (again) as fixture->store. */
void         rd_test_store_open            (RdTestStore      *fixture);
/* Both, with @framework (taken): a new, empty store. */
void         rd_test_store_create          (RdTestStore      *fixture,
                                            RdFramework      *framework);
/* A store made from tests/data/store/@dump, with @framework (taken). */
void         rd_test_store_create_from_dump (RdTestStore     *fixture,
                                             const char      *dump,
                                             RdFramework     *framework);
gint64       rd_test_store_add_school      (RdTestStore      *fixture,
                                            const char       *name,
                                            const char       *region,
                                            RdSchoolType      type);
/* In fixture->school_id, with fixture->framework. */
gint64       rd_test_store_add_assessment  (RdTestStore      *fixture,
                                            const char       *school_year,
                                            RdAssessmentMode  mode);
/* @n respondents of @group with random answers to @mode's items, leaning
 * towards agreement by @lean (rd_test_random_response). */
void         rd_test_store_add_respondents (RdTestStore      *fixture,
                                            gint64            assessment_id,
                                            RdAssessmentMode  mode,
                                            RdGroup           group,
                                            guint             n,
                                            GRand            *rand,
                                            double            lean);
void         rd_test_store_clear           (RdTestStore      *fixture);

/* small.json: two school years of @school_id, 2025-2026 and 2026-2027,
 * four teachers each on a-plan and a-team. When @rises, the figures
 * test-change.c computes by hand (a-plan 25 → 87.5, engagement 31.25 →
 * 84.375), the first teacher's b-share 40 % → 90 %, and last year's plan
 * has the done action "Devices for all teachers" linked to b-share, a-plan
 * and b-mfa; otherwise the same answers both years. Returns the later
 * assessment. */
gint64       rd_test_add_two_years         (RdStore          *store,
                                            RdFramework      *framework,
                                            gint64            school_id,
                                            gboolean          rises);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdTestStore, rd_test_store_clear)

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
