#pragma once

#include <gio/gio.h>

#include "rd-framework.h"
#include "rd-response.h"
#include "rd-store.h"

G_BEGIN_DECLS

typedef enum {
  RD_SURVEY_COLUMN_SKIPPED,  /* left out: nothing matched, or the user chose so */
  RD_SURVEY_COLUMN_ITEM,     /* answers to one item */
  RD_SURVEY_COLUMN_GROUP,    /* each respondent's group */
} RdSurveyColumnRole;

/* What an import would add with the mapping as it stands. */
typedef struct
{
  guint n_respondents;             /* rows that are not blank */
  guint n_blank_rows;              /* rows of nothing but separators or spaces: skipped */
  guint n_items;                   /* columns that answer an item */
  guint n_in_group[RD_N_GROUPS];   /* respondents per group */
  guint n_not_asked;               /* answers left out: their item is not asked of their
                                    * respondent's group */
} RdSurveySummary;

/* Called in the thread that stores, every few hundred respondents. */
typedef void (*RdSurveyImportProgress) (guint    done,
                                        guint    total,
                                        gpointer user_data);

#define RD_TYPE_SURVEY_IMPORT (rd_survey_import_get_type ())

G_DECLARE_FINAL_TYPE (RdSurveyImport, rd_survey_import, RD, SURVEY_IMPORT, GObject)

/* A survey tool's CSV export, one row per respondent, matched to the
 * framework's items: a column whose header is an item's id, its text in
 * any language of the framework, or holds an item id as a word
 * ("Q3 [str-written-plan]"), answers that item; a column headed "group",
 * "groep", "role" or "rol" gives each respondent's group. The user can
 * change any column before reading.
 *
 * The file is read and parsed once; rows of nothing but separators or
 * spaces are no respondents. Setting a column's role decodes that column
 * and no other, so a mapping change costs one column, and
 * rd_survey_import_check() sums up what each column found. An answer to an
 * item that the framework does not ask of the respondent's group is left
 * out, and counted (n_not_asked). */
RdSurveyImport     *rd_survey_import_new           (RdFramework     *framework,
                                                    const char      *data,
                                                    gsize            length,
                                                    const char      *name,
                                                    GError         **error);
/* Refuses a file over RD_CSV_MAX_BYTES before reading it. Blocks: call it
 * in a worker thread. */
RdSurveyImport     *rd_survey_import_new_for_file  (RdFramework     *framework,
                                                    GFile           *file,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
guint               rd_survey_import_get_n_columns (RdSurveyImport  *self);
/* Every row of the file, blank ones included. */
guint               rd_survey_import_get_n_rows    (RdSurveyImport  *self);
guint               rd_survey_import_get_n_respondents (RdSurveyImport *self);
guint               rd_survey_import_get_n_blank_rows (RdSurveyImport *self);
const char         *rd_survey_import_get_header    (RdSurveyImport  *self,
                                                    guint            column);
RdSurveyColumnRole  rd_survey_import_get_role      (RdSurveyImport  *self,
                                                    guint            column);
RdItem             *rd_survey_import_get_item      (RdSurveyImport  *self,
                                                    guint            column);
void                rd_survey_import_set_item      (RdSurveyImport  *self,
                                                    guint            column,
                                                    RdItem          *item);
void                rd_survey_import_set_group_column (RdSurveyImport *self,
                                                    guint            column);
void                rd_survey_import_set_default_group (RdSurveyImport *self,
                                                    RdGroup          group);
guint               rd_survey_import_get_n_matched (RdSurveyImport  *self);
guint               rd_survey_import_get_n_not_asked (RdSurveyImport *self,
                                                    guint            column);
/* What the mapping would import, summed from each column's check: cheap. */
gboolean            rd_survey_import_check         (RdSurveyImport  *self,
                                                    RdSurveySummary *summary,
                                                    GError         **error);
/* Every respondent as an RdResponse: for small files and tests. */
GPtrArray          *rd_survey_import_read          (RdSurveyImport  *self,
                                                    GError         **error);
/* Into @store in one transaction, a row at a time; cancelling rolls it
 * all back. For a worker thread with a store of its own, while nothing
 * changes the mapping. */
gboolean            rd_survey_import_store         (RdSurveyImport  *self,
                                                    RdStore         *store,
                                                    gint64           assessment_id,
                                                    GCancellable    *cancellable,
                                                    RdSurveyImportProgress progress,
                                                    gpointer         user_data,
                                                    GError         **error);
/* How many cells have been decoded so far: what tests and benchmarks
 * read to see what a mapping change costs. */
guint64             rd_survey_import_get_n_cells_decoded (RdSurveyImport *self);

G_END_DECLS
