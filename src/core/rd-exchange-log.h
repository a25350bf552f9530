#pragma once

#include <json-glib/json-glib.h>

#include "rd-json-check.h"
#include "rd-exchange.h"
#include "rd-learning-facts.h"

G_BEGIN_DECLS

/* The figures from a school's learning log in an exchange file (format 4,
 * data/formats/EXCHANGE-FORMAT.md, "Figures from the learning log"): per
 * assessment a member "log_figures", {"cyb-staff-trained": {"value": 64,
 * "staff": 11}}, and never a name. Written only when there are figures,
 * so that a file without them keeps its older format. */
#define RD_EXCHANGE_LOG_FIGURES_VERSION 4

void     rd_exchange_add_log_figures  (JsonBuilder           *builder,
                                       const RdLearningFacts *facts);
/* Reads "log_figures" of @object, if there, into @facts (imported);
 * a fault fails @check at @place. */
gboolean rd_exchange_read_log_figures (RdJsonCheck           *check,
                                       JsonObject            *object,
                                       const char            *place,
                                       RdLearningFacts       *facts);

/* The log's answers for scoring @assessment's answers (@all, borrowed),
 * as rd_store_list_scored_answers() adds them: appended to @all, owned by
 * @owned (of RdAnswer, freeing them), which must outlive @all's use. */
void     rd_exchange_add_log_answers  (const RdExchangeAssessment *assessment,
                                       RdSchoolType           school_type,
                                       RdFramework           *framework,
                                       GPtrArray             *all,
                                       GPtrArray             *owned);

G_END_DECLS
