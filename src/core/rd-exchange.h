#pragma once

#include <gio/gio.h>

#include "rd-action.h"
#include "rd-assessment-scores.h"
#include "rd-evidence.h"
#include "rd-framework.h"
#include "rd-learning-facts.h"
#include "rd-own-question.h"
#include "rd-response.h"

G_BEGIN_DECLS

/* Exchange files carry one school's assessments from the school to its
 * regional advisor: data/formats/EXCHANGE-FORMAT.md. Every record has the
 * stable identifier it has in the school's database, so that importing a
 * file again updates what the first import made. */

/* Format 3 added a school's own questions; a file without them is written
 * as format 2, which Readiness 1.1 reads. */
#define RD_EXCHANGE_FORMAT_VERSION 4
#define RD_EXCHANGE_OWN_QUESTIONS_VERSION 3
/* Format 4 added items' commentary and evidence, carried only when the
 * school chooses (rd_store_export_item_notes()). */
#define RD_EXCHANGE_ITEM_NOTES_VERSION 4
/* At most this much evidence per item in a file. */
#define RD_EXCHANGE_MAX_EVIDENCE_PER_ITEM 100
/* Format 1 had no reference date; its files are read, with a notice. */
#define RD_EXCHANGE_OLDEST_FORMAT_VERSION 1
#define RD_EXCHANGE_SUFFIX ".readiness"
#define RD_EXCHANGE_MIME_TYPE "application/x-readiness"

typedef enum {
  RD_EXCHANGE_ANSWERS,   /* every respondent's answers */
  RD_EXCHANGE_SUMMARY,   /* scores only: no respondent's answers leave the school */
} RdExchangeContent;

typedef struct
{
  char *uuid;
  RdResponse *response;           /* the group and the answers, item versions set */
  GPtrArray *own_answers;         /* of RdAnswer: answers to the school's own questions */
} RdExchangeRespondent;

typedef struct
{
  char *uuid;
  char *origin;                   /* the first of a chain of carried-over copies */
  RdAction *action;               /* its id and assessment id are 0 */
} RdExchangeAction;

/* An item's commentary and evidence (format 4). */
typedef struct
{
  char *item_id;                  /* a framework item's or an own question's */
  char *commentary;               /* NULL: none */
  GPtrArray *evidence;            /* of RdEvidence, their ids and assessment ids 0 */
} RdExchangeItemNote;

typedef struct
{
  char *uuid;
  char *school_year;
  char *framework_version;
  RdAssessmentMode mode;
  RdAssessmentStatus status;
  gint64 created;                 /* unix time */
  gint64 completed;               /* 0 while a draft */
  guint32 reference_day;          /* Julian day date items are scored against; 0 without answers */
  double targets[RD_N_FACTORS];
  RdExchangeContent content;
  GPtrArray *respondents;         /* of RdExchangeRespondent; empty for a summary */
  RdAssessmentScores *scores;     /* a summary's scores and group sizes; NULL with answers */
  RdAssessmentScores *answer_scores; /* with answers: their scores, when rd_exchange_school_score_answers () ran */
  GPtrArray *actions;             /* of RdExchangeAction */
  GPtrArray *own_questions;       /* of RdOwnQuestion; empty for a summary */
  GPtrArray *item_notes;          /* of RdExchangeItemNote; empty unless the school chose to carry them */
  RdLearningFacts log_facts;      /* figures from the school's learning log (format 4; rd-exchange-log.h) */
} RdExchangeAssessment;

typedef struct
{
  char *uuid;
  char *name;
  char *region;
  RdSchoolType school_type;
  char *type_note;                /* free text read as "other" (rd_school_type_note_for_text) */
  char *framework_id;
  GPtrArray *assessments;         /* of RdExchangeAssessment */
  GPtrArray *notices;             /* of char *: what an older format lacked and was assumed */
} RdExchangeSchool;

RdExchangeSchool     *rd_exchange_school_new      (void);
/* Scores @school's answers as the store would after storing them, each
 * respondent's answers sorted by item as the store keeps them: the
 * importer does it on its reading thread, and the store then only writes
 * answer_scores. Its answers must not change afterwards. */
void                  rd_exchange_school_score_answers (RdExchangeSchool *school,
                                                        RdFramework      *framework);
void                  rd_exchange_school_free     (RdExchangeSchool     *school);
/* How many answers @school's respondents gave: what its memory grows with
 * (about 100 bytes each). The importers store parsed files in batches of
 * at most RD_EXCHANGE_BATCH_ANSWERS answers (or one file), so that many
 * large files cost no more memory than a few. */
guint                 rd_exchange_school_count_answers (const RdExchangeSchool *school);
#define RD_EXCHANGE_BATCH_ANSWERS 250000
RdExchangeAssessment *rd_exchange_assessment_new  (void);
void                  rd_exchange_assessment_free (RdExchangeAssessment *assessment);
RdExchangeRespondent *rd_exchange_respondent_new  (const char           *uuid,
                                                   RdResponse           *response);
void                  rd_exchange_respondent_free (RdExchangeRespondent *respondent);
RdExchangeAction     *rd_exchange_action_new      (const char           *uuid,
                                                   const char           *origin,
                                                   RdAction             *action);
void                  rd_exchange_action_free     (RdExchangeAction     *action);
RdExchangeItemNote   *rd_exchange_item_note_new   (const char           *item_id);
void                  rd_exchange_item_note_free  (RdExchangeItemNote   *note);

/* The file's text, pretty-printed UTF-8 JSON. With RD_EXCHANGE_SUMMARY
 * the answers of @school's assessments are replaced by their scores. */
GBytes               *rd_exchange_write           (const RdExchangeSchool *school,
                                                   RdFramework          *framework,
                                                   RdExchangeContent     content,
                                                   GError              **error);

/* Reads and checks a whole file against @framework: any broken rule
 * rejects all of it with "NAME: PLACE: PROBLEM" in RD_IMPORT_ERROR. */
RdExchangeSchool     *rd_exchange_parse           (const char           *data,
                                                   gsize                 length,
                                                   const char           *name,
                                                   RdFramework          *framework,
                                                   GError              **error);
RdExchangeSchool     *rd_exchange_load            (GFile                *file,
                                                   RdFramework          *framework,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdExchangeSchool, rd_exchange_school_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdExchangeAssessment, rd_exchange_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdExchangeItemNote, rd_exchange_item_note_free)

G_END_DECLS
