#pragma once

#include <gio/gio.h>

#include "rd-action.h"
#include "rd-evidence.h"
#include "rd-answer.h"
#include "rd-assessment.h"
#include "rd-assessment-scores.h"
#include "rd-comparison.h"
#include "rd-exchange.h"
#include "rd-framework.h"
#include "rd-learning-activity.h"
#include "rd-learning-csv.h"
#include "rd-learning-facts.h"
#include "rd-own-question.h"
#include "rd-response.h"
#include "rd-school.h"
#include "rd-staff-member.h"
#include "rd-types.h"

G_BEGIN_DECLS

#define RD_STORE_SCHEMA_VERSION 9
/* PRAGMA application_id: "Rdns" tells our files from other SQLite databases. */
#define RD_STORE_APPLICATION_ID 0x52646e73

#define RD_TYPE_STORE (rd_store_get_type ())

G_DECLARE_FINAL_TYPE (RdStore, rd_store, RD, STORE, GObject)

char         *rd_store_get_default_path       (void);
RdStore      *rd_store_open                   (const char        *path,
                                               GError           **error);
const char   *rd_store_get_path               (RdStore           *self);
void          rd_store_close                  (RdStore           *self);

/* The full integrity check of the file at @path, on a read-only connection
 * of its own (it may run in a thread while a store has the file open).
 * Fails with RD_STORE_ERROR_CORRUPT saying what it found. */
gboolean      rd_store_check_file             (const char        *path,
                                               GCancellable      *cancellable,
                                               GError           **error);
/* After a check found damage: every write of @self (and of any store of
 * this process on the same file) fails with RD_STORE_ERROR_CORRUPT, and
 * the next open checks the file in full. */
void          rd_store_set_damaged            (RdStore           *self,
                                               const char        *finding);
gboolean      rd_store_is_damaged             (RdStore           *self);

/* Schools */
gint64        rd_store_add_school             (RdStore           *self,
                                               const char        *name,
                                               const char        *region,
                                               RdSchoolType       school_type,
                                               GError           **error);
gboolean      rd_store_update_school          (RdStore           *self,
                                               gint64             school_id,
                                               const char        *name,
                                               const char        *region,
                                               RdSchoolType       school_type,
                                               GError           **error);
RdSchool     *rd_store_get_school             (RdStore           *self,
                                               gint64             school_id,
                                               GError           **error);
GPtrArray    *rd_store_list_schools           (RdStore           *self,
                                               GError           **error);
gboolean      rd_store_trash_school           (RdStore           *self,
                                               gint64             school_id,
                                               GError           **error);
gboolean      rd_store_restore_school         (RdStore           *self,
                                               gint64             school_id,
                                               GError           **error);
gboolean      rd_store_has_school_uuid        (RdStore           *self,
                                               const char        *uuid);
void          rd_store_notify_schools_changed (RdStore           *self);

/* Assessments */
gint64        rd_store_add_assessment         (RdStore           *self,
                                               gint64             school_id,
                                               const char        *school_year,
                                               RdFramework       *framework,
                                               RdAssessmentMode   mode,
                                               GError           **error);
RdAssessment *rd_store_get_assessment         (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
GPtrArray    *rd_store_list_assessments       (RdStore           *self,
                                               gint64             school_id,
                                               GError           **error);
GPtrArray    *rd_store_list_school_years      (RdStore           *self,
                                               RdFramework       *framework,
                                               GError           **error);
/* An assessment as a list of a whole database shows it: what it is and
 * how many answered, without which items they answered. */
typedef struct
{
  gint64 id;
  gint64 school_id;
  char *school_year;
  char *framework_id;
  RdAssessmentMode mode;
  RdAssessmentStatus status;
  guint n_respondents;      /* those with at least one answer */
  guint n_answers;
} RdAssessmentCounts;

void          rd_assessment_counts_free       (RdAssessmentCounts *counts);
GPtrArray    *rd_store_list_assessment_counts (RdStore           *self,
                                               gboolean           with_counts,
                                               GError           **error);
/* The assessment's stable id, kept in files outside the database. */
char         *rd_store_get_assessment_uuid    (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
/* The assessment with @uuid that is not in the trash, or 0. */
gint64        rd_store_find_assessment        (RdStore           *self,
                                               const char        *uuid,
                                               GError           **error);
gboolean      rd_store_set_assessment_status  (RdStore           *self,
                                               gint64             assessment_id,
                                               RdAssessmentStatus status,
                                               GError           **error);
gboolean      rd_store_trash_assessment       (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
gboolean      rd_store_restore_assessment     (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
gboolean      rd_store_get_targets            (RdStore           *self,
                                               gint64             assessment_id,
                                               double             targets[RD_N_FACTORS],
                                               GError           **error);
gboolean      rd_store_set_target             (RdStore           *self,
                                               gint64             assessment_id,
                                               RdFactor           factor,
                                               double             target,
                                               GError           **error);

/* The action plan. Actions stay editable when the assessment is complete:
 * the plan is what follows the assessment. A new assessment for a later
 * school year receives copies of the unfinished actions of the school's
 * latest earlier year. */
gint64        rd_store_add_action             (RdStore           *self,
                                               gint64             assessment_id,
                                               const RdActionInfo *info,
                                               GError           **error);
gboolean      rd_store_update_action          (RdStore           *self,
                                               gint64             action_id,
                                               const RdActionInfo *info,
                                               GError           **error);
RdAction     *rd_store_get_action             (RdStore           *self,
                                               gint64             action_id,
                                               GError           **error);
GPtrArray    *rd_store_list_actions           (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
GPtrArray    *rd_store_list_done_actions      (RdStore           *self,
                                               gint64             school_id,
                                               const char        *school_year,
                                               GError           **error);
gboolean      rd_store_trash_action           (RdStore           *self,
                                               gint64             action_id,
                                               GError           **error);
gboolean      rd_store_restore_action         (RdStore           *self,
                                               gint64             action_id,
                                               GError           **error);
gboolean      rd_store_purge_action           (RdStore           *self,
                                               gint64             action_id,
                                               GError           **error);

/* Commentary and evidence behind an item's answers (rd-store-evidence.c):
 * one commentary and any number of evidence references per item of an
 * assessment (a framework item or an own question's "own-N"). No figure
 * reads them. Like answers, they change only while the assessment is a
 * draft (RD_STORE_ERROR_COMPLETE otherwise). Each change emits
 * "evidence-changed" with the assessment and the item. */
/* NULL, "" or blank removes the commentary. */
gboolean      rd_store_set_item_commentary    (RdStore           *self,
                                               gint64             assessment_id,
                                               const char        *item_id,
                                               const char        *commentary,
                                               GError           **error);
/* NULL without an error: the item has no commentary. */
char         *rd_store_get_item_commentary    (RdStore           *self,
                                               gint64             assessment_id,
                                               const char        *item_id,
                                               GError           **error);
/* Item id → commentary, for every item that has one. */
GHashTable   *rd_store_list_item_commentaries (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
/* Adds evidence to @info's assessment and item; gives its id. */
gint64        rd_store_add_evidence           (RdStore           *self,
                                               const RdEvidenceInfo *info,
                                               GError           **error);
/* Changes the title, location and date; the item stays. */
gboolean      rd_store_update_evidence        (RdStore           *self,
                                               gint64             evidence_id,
                                               const RdEvidenceInfo *info,
                                               GError           **error);
gboolean      rd_store_trash_evidence         (RdStore           *self,
                                               gint64             evidence_id,
                                               GError           **error);
gboolean      rd_store_restore_evidence       (RdStore           *self,
                                               gint64             evidence_id,
                                               GError           **error);
/* Removes trashed evidence for good (when its Undo is gone); evidence
 * not in the trash stays. */
gboolean      rd_store_purge_evidence         (RdStore           *self,
                                               gint64             evidence_id,
                                               GError           **error);
/* RdEvidence not in the trash, in the order added; of one item, or of
 * every item (by item id) when @item_id is NULL. */
GPtrArray    *rd_store_list_evidence          (RdStore           *self,
                                               gint64             assessment_id,
                                               const char        *item_id,
                                               GError           **error);
/* Item id → GUINT_TO_POINTER (count), for every item that has evidence. */
GHashTable   *rd_store_count_evidence_by_item (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
/* How many of @item_ids have no evidence (not in the trash). */
gboolean      rd_store_count_items_without_evidence (RdStore     *self,
                                               gint64             assessment_id,
                                               const char * const *item_ids,
                                               guint             *n_without,
                                               GError           **error);

/* Exchange with regional advisors (rd-store-exchange.c). Importing
 * updates by stable id: a school, assessment, respondent or action of the
 * file replaces the one with its id, and an assessment's respondents,
 * answers, targets and actions become exactly the file's. */
RdExchangeSchool   *rd_store_export_school   (RdStore           *self,
                                              RdFramework       *framework,
                                              gint64             school_id,
                                              GError           **error);
/* Adds to @school's assessments their items' commentary and evidence,
 * which rd_store_export_school() leaves out: only when the school chooses
 * to carry them (format 4). */
gboolean            rd_store_export_item_notes (RdStore         *self,
                                              RdExchangeSchool  *school,
                                              GError           **error);
gboolean            rd_store_import_schools  (RdStore           *self,
                                              RdFramework       *framework,
                                              GPtrArray         *schools,
                                              GError           **error);
/* Recomputes the kept scores of @framework's assessments whose answers
 * changed since; then rd_store_get_scores() reads them. */
gboolean            rd_store_refresh_scores  (RdStore           *self,
                                              RdFramework       *framework,
                                              GError           **error);
RdAssessmentScores *rd_store_get_scores      (RdStore           *self,
                                              RdFramework       *framework,
                                              gint64             assessment_id,
                                              GError           **error);
/* Every school's figures for @school_year (of RdSchoolScores), one
 * assessment each: complete before draft, full before pulse, newest. */
GPtrArray          *rd_store_list_school_scores (RdStore         *self,
                                              RdFramework       *framework,
                                              const char        *school_year,
                                              GError           **error);

/* A school's own questions (rd-own-question.h; rd-store-own.c): at most
 * RD_MAX_OWN_QUESTIONS per assessment, added, changed and removed only
 * while it is a draft. Their answers go through rd_store_put_answer() and
 * its kin with the question's item, and are read by
 * rd_store_list_own_answers() only: rd_store_list_answers() and every
 * figure of the framework leave them out. Removing is two steps, so that
 * it can be undone: trash, then purge. */
GPtrArray     *rd_store_list_own_questions   (RdStore                 *self,
                                              gint64                   assessment_id,
                                              GError                 **error);
RdOwnQuestion *rd_store_add_own_question     (RdStore                 *self,
                                              gint64                   assessment_id,
                                              RdFramework             *framework,
                                              const RdOwnQuestionInfo *info,
                                              GError                 **error);
RdOwnQuestion *rd_store_update_own_question  (RdStore                 *self,
                                              gint64                   assessment_id,
                                              RdFramework             *framework,
                                              const RdOwnQuestionInfo *info,
                                              GError                 **error);
gboolean       rd_store_trash_own_question   (RdStore                 *self,
                                              gint64                   assessment_id,
                                              const char              *question_id,
                                              GError                 **error);
gboolean       rd_store_restore_own_question (RdStore                 *self,
                                              gint64                   assessment_id,
                                              const char              *question_id,
                                              GError                 **error);
gboolean       rd_store_purge_own_question   (RdStore                 *self,
                                              gint64                   assessment_id,
                                              const char              *question_id,
                                              GError                 **error);
guint          rd_store_count_own_answers    (RdStore                 *self,
                                              gint64                   assessment_id,
                                              const char              *question_id,
                                              GError                 **error);
GPtrArray     *rd_store_list_own_answers     (RdStore                 *self,
                                              gint64                   assessment_id,
                                              GError                 **error);

/* Where a school's own questions can be copied to: the assessments of
 * the same school year of every other school, one per school (as the
 * comparison picks it), with the school's name. */
typedef struct
{
  gint64 assessment_id;
  gint64 school_id;
  char *school_name;
  gboolean editable;       /* a draft with answers of its own, not a summary */
} RdOwnCopyTarget;

void           rd_own_copy_target_free       (RdOwnCopyTarget         *target);
GPtrArray     *rd_store_list_own_copy_targets (RdStore                *self,
                                              RdFramework             *framework,
                                              gint64                   assessment_id,
                                              GError                 **error);

typedef struct
{
  guint n_added;           /* questions added, over all assessments */
  guint n_assessments;     /* assessments that received at least one */
  guint n_same;            /* left out: the assessment has a question with the same text */
  guint n_full;            /* left out: the assessment has its ten already */
  guint n_locked;          /* assessments left as they were: complete, or a summary */
} RdOwnCopyResult;

/* Copies @assessment_id's own questions to each of @targets (assessment
 * ids), without their answers, in one transaction. */
gboolean       rd_store_copy_own_questions   (RdStore                 *self,
                                              RdFramework             *framework,
                                              gint64                   assessment_id,
                                              const gint64            *targets,
                                              guint                    n_targets,
                                              RdOwnCopyResult         *result,
                                              GError                 **error);

/* Where the questionnaire was left */
gboolean      rd_store_set_position           (RdStore           *self,
                                               gint64             assessment_id,
                                               const char        *area_id,
                                               const char        *item_id,
                                               GError           **error);
gboolean      rd_store_get_position           (RdStore           *self,
                                               gint64             assessment_id,
                                               char             **area_id,
                                               char             **item_id,
                                               GError           **error);

/* Deleting is two steps so that it can be undone: trash, then purge. */
gboolean      rd_store_purge_school           (RdStore           *self,
                                               gint64             school_id,
                                               GError           **error);
gboolean      rd_store_purge_assessment       (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
gboolean      rd_store_purge_trash            (RdStore           *self,
                                               GError           **error);

/* Respondents and answers. Every change of answers emits
 * "answers-changed" (assessment id); a change of one answer emits
 * "answer-changed" (respondent id, item id, whether it is answered now:
 * stored, or removed) before it, and "answers-changed" then has the
 * detail RD_STORE_ONE_ANSWER. */
#define RD_STORE_ONE_ANSWER "one-answer"

gint64        rd_store_add_respondent         (RdStore           *self,
                                               gint64             assessment_id,
                                               RdGroup            group,
                                               const char        *pseudonym,
                                               GError           **error);
gboolean      rd_store_set_respondent_group   (RdStore           *self,
                                               gint64             respondent_id,
                                               RdGroup            group,
                                               GError           **error);
gint64        rd_store_ensure_respondent      (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
GPtrArray    *rd_store_list_respondents       (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
gboolean      rd_store_add_responses          (RdStore           *self,
                                               gint64             assessment_id,
                                               RdFramework       *framework,
                                               GPtrArray         *responses,
                                               GError           **error);
/* The response for @index, valid until the next call, or NULL and an error. */
typedef const RdResponse *(*RdResponseSource) (guint     index,
                                               gpointer  user_data,
                                               GError  **error);
typedef void (*RdStoreProgress) (guint    done,
                                 guint    total,
                                 gpointer user_data);
gboolean      rd_store_add_responses_from     (RdStore           *self,
                                               gint64             assessment_id,
                                               RdFramework       *framework,
                                               guint              n_responses,
                                               RdResponseSource   next,
                                               gpointer           next_data,
                                               GCancellable      *cancellable,
                                               RdStoreProgress    progress,
                                               gpointer           progress_data,
                                               GError           **error);
void          rd_store_notify_answers_changed (RdStore           *self,
                                               gint64             assessment_id);
gboolean      rd_store_put_answer             (RdStore           *self,
                                               RdItem            *item,
                                               const RdAnswer    *answer,
                                               GError           **error);
gboolean      rd_store_set_answer_value       (RdStore           *self,
                                               gint64             respondent_id,
                                               RdItem            *item,
                                               double             value,
                                               GError           **error);
gboolean      rd_store_set_answer_date        (RdStore           *self,
                                               gint64             respondent_id,
                                               RdItem            *item,
                                               GDate             *date,
                                               GError           **error);
gboolean      rd_store_set_answer_not_applicable (RdStore        *self,
                                               gint64             respondent_id,
                                               RdItem            *item,
                                               GError           **error);
gboolean      rd_store_clear_answer           (RdStore           *self,
                                               gint64             respondent_id,
                                               const char        *item_id,
                                               GError           **error);
RdAnswer     *rd_store_get_answer             (RdStore           *self,
                                               gint64             respondent_id,
                                               const char        *item_id,
                                               GError           **error);
GPtrArray    *rd_store_list_answers           (RdStore           *self,
                                               gint64             assessment_id,
                                               GError           **error);
GPtrArray    *rd_store_list_respondent_answers (RdStore          *self,
                                               gint64             respondent_id,
                                               GError           **error);

/* The school's professional-learning log (rd-store-learning.c): staff
 * members (a name or pseudonym unique per school) and their learning
 * activities with the micro-credential elements. Removing is trashing,
 * undone by restoring. Every change marks the school's kept scores stale
 * and emits "learning-log-changed" (school id), then "answers-changed"
 * for each of the school's assessments, whose figures it feeds. */
gint64        rd_store_add_staff_member       (RdStore                  *self,
                                               const RdStaffMemberInfo  *info,
                                               GError                  **error);
gboolean      rd_store_update_staff_member    (RdStore                  *self,
                                               gint64                    staff_id,
                                               const RdStaffMemberInfo  *info,
                                               GError                  **error);
gboolean      rd_store_trash_staff_member     (RdStore                  *self,
                                               gint64                    staff_id,
                                               GError                  **error);
gboolean      rd_store_restore_staff_member   (RdStore                  *self,
                                               gint64                    staff_id,
                                               GError                  **error);
/* Removes one in the trash for good (the Undo toast has gone); nothing
 * when it was restored meanwhile. */
gboolean      rd_store_purge_staff_member     (RdStore                  *self,
                                               gint64                    staff_id,
                                               GError                  **error);
gboolean      rd_store_purge_learning_activity (RdStore                 *self,
                                               gint64                    activity_id,
                                               GError                  **error);
GPtrArray    *rd_store_list_staff             (RdStore                  *self,
                                               gint64                    school_id,
                                               GError                  **error);
gint64        rd_store_add_learning_activity  (RdStore                       *self,
                                               const RdLearningActivityInfo  *info,
                                               GError                       **error);
/* rd_store_add_learning_activity() inside the caller's transaction. */
gint64        rd_store_insert_learning_activity (RdStore                     *self,
                                               const RdLearningActivityInfo  *info,
                                               GError                       **error);
gboolean      rd_store_update_learning_activity (RdStore                     *self,
                                               gint64                         activity_id,
                                               const RdLearningActivityInfo  *info,
                                               GError                       **error);
gboolean      rd_store_trash_learning_activity (RdStore                      *self,
                                               gint64                         activity_id,
                                               GError                       **error);
gboolean      rd_store_restore_learning_activity (RdStore                    *self,
                                               gint64                         activity_id,
                                               GError                       **error);
RdLearningActivity *rd_store_get_learning_activity (RdStore                  *self,
                                               gint64                         activity_id,
                                               GError                       **error);
GPtrArray    *rd_store_list_learning_activities (RdStore                     *self,
                                               gint64                         school_id,
                                               GError                       **error);
/* A file of the log (rd-learning-csv.h) into @school_id's log: all of it
 * or nothing. Staff members are matched by name, activities by staff
 * member, title and date of issue (updated, not added twice). */
gboolean      rd_store_import_learning_log    (RdStore                  *self,
                                               gint64                    school_id,
                                               const RdLearningTable    *table,
                                               GError                  **error);
/* The log's figures for the school on @reference_day (0: today). */
gboolean      rd_store_get_learning_facts     (RdStore                  *self,
                                               gint64                    school_id,
                                               guint32                   reference_day,
                                               RdLearningFacts          *facts,
                                               GError                  **error);
/* An assessment's figures from the log: the imported ones its exchange
 * file carried (log_figure), else the school's log on its reference date. */
gboolean      rd_store_get_assessment_log_figures (RdStore              *self,
                                               gint64                    assessment_id,
                                               RdLearningFacts          *facts,
                                               RdSchoolType             *school_type,
                                               GError                  **error);
/* The answers every figure of an assessment rests on: its answers and the
 * log's (see rd-learning-facts.h for the precedence). Only analyses take
 * these; what lists respondents' answers takes rd_store_list_answers(). */
GPtrArray    *rd_store_list_scored_answers    (RdStore                  *self,
                                               RdFramework              *framework,
                                               gint64                    assessment_id,
                                               GError                  **error);

G_END_DECLS
