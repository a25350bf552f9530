#pragma once

#include <gio/gio.h>

#include "rd-framework.h"
#include "rd-learning-activity.h"
#include "rd-staff-member.h"

G_BEGIN_DECLS

/* The professional-learning log as CSV, format 1
 * (data/formats/LEARNING-LOG-CSV.md): one row per learning activity with
 * its staff member's name and group, every element of the record a
 * column, the areas as ids separated by ";". A staff member without an
 * activity is a row whose activity columns are all empty. */
#define RD_LEARNING_CSV_VERSION 1

/* The columns of format 1, in the order the app writes them. */
typedef enum {
  RD_LEARNING_COLUMN_STAFF_NAME,
  RD_LEARNING_COLUMN_STAFF_GROUP,
  RD_LEARNING_COLUMN_JOINED,
  RD_LEARNING_COLUMN_DEPARTED,
  RD_LEARNING_COLUMN_TITLE,
  RD_LEARNING_COLUMN_ISSUER_COUNTRY,
  RD_LEARNING_COLUMN_AWARDING_BODY,
  RD_LEARNING_COLUMN_ISSUED,
  RD_LEARNING_COLUMN_LEARNING_OUTCOMES,
  RD_LEARNING_COLUMN_WORKLOAD_ECTS,
  RD_LEARNING_COLUMN_WORKLOAD_HOURS,
  RD_LEARNING_COLUMN_EQF_LEVEL,
  RD_LEARNING_COLUMN_ASSESSMENT_TYPE,
  RD_LEARNING_COLUMN_PARTICIPATION,
  RD_LEARNING_COLUMN_QUALITY_ASSURANCE,
  RD_LEARNING_COLUMN_PREREQUISITES,
  RD_LEARNING_COLUMN_SUPERVISION,
  RD_LEARNING_COLUMN_GRADE,
  RD_LEARNING_COLUMN_STACKABILITY,
  RD_LEARNING_COLUMN_FURTHER_INFORMATION,
  RD_LEARNING_COLUMN_AREAS,
  RD_LEARNING_N_COLUMNS
} RdLearningColumn;

const char *rd_learning_csv_column_id (RdLearningColumn column);

/* The log (RdStaffMember, RdLearningActivity) as a file of format 1:
 * UTF-8, "," and CRLF; a cell a spreadsheet would run as a formula gets
 * a leading apostrophe, which the reader takes off again. With @staff
 * empty: the template, the header alone. */
char       *rd_learning_csv_format    (GPtrArray   *staff,
                                       GPtrArray   *activities,
                                       gsize       *length);

/* One row of a file as read: a staff member, and an activity unless the
 * row has none (activity.title NULL). Texts belong to the table. */
typedef struct
{
  guint line;
  RdStaffMemberInfo staff;
  RdLearningActivityInfo activity;
} RdLearningRow;

typedef struct _RdLearningTable RdLearningTable;

/* Reads a whole file, or refuses it with the first problem, in
 * RD_IMPORT_ERROR or RD_CSV_ERROR: "NAME: line L, column C: PROBLEM" (a
 * cell), "NAME: line L: PROBLEM" (a row), or "NAME: PROBLEM". Every
 * column of format 1 must be there (in any order), no other; area ids
 * must be @framework's. Every row is checked as the store checks it. */
RdLearningTable     *rd_learning_csv_parse      (const char     *data,
                                                 gsize           length,
                                                 const char     *name,
                                                 RdFramework    *framework,
                                                 GError        **error);
/* The same for a file: refused over RD_CSV_MAX_BYTES before reading it.
 * Blocks: for a worker thread. */
RdLearningTable     *rd_learning_csv_parse_file (GFile          *file,
                                                 RdFramework    *framework,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
guint                rd_learning_table_get_n_rows (const RdLearningTable *table);
const RdLearningRow *rd_learning_table_get_row  (const RdLearningTable *table,
                                                 guint                  row);
guint                rd_learning_table_count_activities (const RdLearningTable *table);
void                 rd_learning_table_free     (RdLearningTable       *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdLearningTable, rd_learning_table_free)

G_END_DECLS
