#pragma once

#include "rd-item.h"

G_BEGIN_DECLS

/* Filled in by the framework loader, immutable afterwards. */
struct _RdItem
{
  GObject parent_instance;

  char *id;
  guint version;
  guint comparable_since;
  char *area_id;
  RdItemKind kind;
  RdText *text;
  RdText *help;
  RdText *unit;
  RdText *recommendation;
  RdText *standard;    /* the standard it rests on, or NULL */
  char *council_point;
  double min;
  double max;
  double weights[RD_N_FACTORS];
  gboolean pulse;
  guint audience;      /* groups asked, 1 << RdGroup bits; every group by default */
  int responsible;     /* facts: the RdGroup whose answers are the school's value, or -1 */
  GArray *ladder;  /* of RdLadderStep, ascending by at */
  /* A ladder of its own for a school type ("ladders"), by RdSchoolType;
   * NULL: that type is scored on ladder. */
  GArray *type_ladders[RD_N_SCHOOL_TYPES];
  /* A school's own question (rd-own-question.c): answered and stored
   * apart from the framework's, and counted in no score of it. */
  gboolean own;
};

RdItem *rd_item_new (void);

G_END_DECLS
