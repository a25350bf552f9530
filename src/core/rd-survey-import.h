#pragma once

#include <glib-object.h>

#include "rd-framework.h"
#include "rd-response.h"

G_BEGIN_DECLS

typedef enum {
  RD_SURVEY_COLUMN_SKIPPED,  /* left out: nothing matched, or the user chose so */
  RD_SURVEY_COLUMN_ITEM,     /* answers to one item */
  RD_SURVEY_COLUMN_GROUP,    /* each respondent's group */
} RdSurveyColumnRole;

#define RD_TYPE_SURVEY_IMPORT (rd_survey_import_get_type ())

G_DECLARE_FINAL_TYPE (RdSurveyImport, rd_survey_import, RD, SURVEY_IMPORT, GObject)

/* A survey tool's CSV export, one row per respondent, matched to the
 * framework's items: a column whose header is an item's id, its text in
 * any language of the framework, or holds an item id as a word
 * ("Q3 [str-written-plan]"), answers that item; a column headed "group",
 * "groep", "role" or "rol" gives each respondent's group. The user can
 * change any column before reading. */
RdSurveyImport     *rd_survey_import_new           (RdFramework     *framework,
                                                    const char      *data,
                                                    gsize            length,
                                                    const char      *name,
                                                    GError         **error);
guint               rd_survey_import_get_n_columns (RdSurveyImport  *self);
guint               rd_survey_import_get_n_rows    (RdSurveyImport  *self);
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
GPtrArray          *rd_survey_import_read          (RdSurveyImport  *self,
                                                    GError         **error);

G_END_DECLS
