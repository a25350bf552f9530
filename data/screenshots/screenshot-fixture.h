#pragma once

#include <adwaita.h>

#include "rd-assessment-view-private.h"
#include "rd-action-plan-page-private.h"
#include "rd-results-page-private.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define THIS_YEAR "2026-2027"
#define SCHOOL "Sint-Jozefinstituut"

/* Answers of an item in a school year leaning up or down (the screen
 * record's change since last year); the list ends with a NULL item. */
typedef struct { const char *item_id, *school_year; double shift; } FixtureShift;
extern const FixtureShift *fixture_shifts;
extern const FixtureShift screen_record_shifts[];

/* Where save() writes; whether it keeps the focus ring in the picture. */
extern const char *screenshot_output_dir;
extern gboolean save_focus;

void        fail              (const char       *what,
                               const GError     *error);
/* @expr is evaluated before the local `error` is read. */
#define check(expr, what) G_STMT_START { if (!(expr)) fail ((what), error); } G_STMT_END

void        wait_for_idle     (void);
/* @window rendered to screenshot_output_dir/@name. */
void        save              (GtkWidget        *window,
                               const char       *name);
double      plausible_number  (RdItem           *item,
                               double            u);
gint64      add_assessment    (RdStore          *store,
                               RdFramework      *framework,
                               gint64            school_id,
                               const char       *school_year,
                               GRand            *rand,
                               double            lean,
                               guint             n_others,
                               gboolean          complete);
/* SCHOOL with two complete years and THIS_YEAR half answered; returns
 * this year's assessment. */
gint64      add_own_school    (RdStore          *store,
                               RdFramework      *framework,
                               GRand            *rand,
                               gint64           *school_id);
void        add_region        (RdStore          *store,
                               RdFramework      *framework,
                               GRand            *rand);
/* Last year's done actions at @school_id and last year's assessments
 * around it. */
void        add_history       (RdStore          *store,
                               RdFramework      *framework,
                               gint64            school_id);
void        add_evidence      (RdStore          *store,
                               gint64            assessment_id);
void        add_learning_log  (RdStore          *store,
                               gint64            school_id);
/* @en, or @nl when the record is in Dutch: what a school would type. */
const char *typed             (const char       *en,
                               const char       *nl);
void        scroll_to_widget  (GtkWidget        *widget);
void        close_dialog      (RdAssessmentView *view);
void        draft_plan        (RdStore          *store,
                               RdAssessmentView *view);
GtkWidget  *find_label        (GtkWidget        *widget,
                               const char       *text);
/* The first widget of @type below @widget. */
GtkWidget  *find_descendant   (GtkWidget        *widget,
                               GType             type);
void        scroll_to_heading (GtkWidget        *page,
                               const char       *text);

G_END_DECLS
