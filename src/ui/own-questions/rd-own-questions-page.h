#pragma once

#include <gtk/gtk.h>

#include "rd-area-page.h"
#include "rd-framework.h"
#include "rd-own-question.h"

G_BEGIN_DECLS

/* The questionnaire's page of the school's own questions: an RdAreaPage
 * (so that it is answered, counted and moved through as an area is) with
 * a header to add questions and copy them to other schools, a menu on each
 * question to edit or remove it, and an empty state that says what own
 * questions are for. Its actions are the assessment view's. */
#define RD_OWN_QUESTIONS_PAGE_NAME "own-questions"

GtkWidget *rd_own_questions_page_new (RdFramework *framework,
                                      GPtrArray   *questions);
const char *rd_own_questions_page_get_title (void);

G_END_DECLS
