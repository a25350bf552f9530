#pragma once

#include <glib-object.h>

#include "rd-text.h"
#include "rd-types.h"

G_BEGIN_DECLS

typedef struct
{
  double at;
  double score;
} RdLadderStep;

#define RD_TYPE_ITEM (rd_item_get_type ())

G_DECLARE_FINAL_TYPE (RdItem, rd_item, RD, ITEM, GObject)

const char         *rd_item_get_id               (RdItem     *self);
guint               rd_item_get_version          (RdItem     *self);
guint               rd_item_get_comparable_since (RdItem     *self);
const char         *rd_item_get_area_id          (RdItem     *self);
RdItemKind          rd_item_get_kind             (RdItem     *self);
const RdText       *rd_item_get_text             (RdItem     *self);
const RdText       *rd_item_get_help             (RdItem     *self);
const RdText       *rd_item_get_unit             (RdItem     *self);
const RdText       *rd_item_get_recommendation   (RdItem     *self);
const RdText       *rd_item_get_standard         (RdItem     *self);
const char         *rd_item_get_council_point    (RdItem     *self);
double              rd_item_get_min              (RdItem     *self);
double              rd_item_get_max              (RdItem     *self);
double              rd_item_get_weight           (RdItem     *self,
                                                  RdFactor    factor);
gboolean            rd_item_informs              (RdItem     *self,
                                                  RdFactor    factor);
gboolean            rd_item_is_pulse             (RdItem     *self);
guint               rd_item_get_audience         (RdItem     *self);
gboolean            rd_item_asks                 (RdItem     *self,
                                                  RdGroup     group);
gboolean            rd_item_get_responsible      (RdItem     *self,
                                                  RdGroup    *group);
const RdLadderStep *rd_item_get_ladder           (RdItem     *self,
                                                  guint      *n_steps);
const RdLadderStep *rd_item_get_ladder_for_type  (RdItem       *self,
                                                  RdSchoolType  school_type,
                                                  guint        *n_steps);
gboolean            rd_item_has_type_ladder      (RdItem       *self,
                                                  RdSchoolType  school_type);
gboolean            rd_item_accepts_version      (RdItem     *self,
                                                  guint       answered_version);
gboolean            rd_item_same_construct       (RdItem     *a,
                                                  RdItem     *b);
gboolean            rd_item_is_own               (RdItem     *self);

gboolean            rd_item_check_value          (RdItem     *self,
                                                  double      value,
                                                  GError    **error);
gboolean            rd_item_check_date           (RdItem     *self,
                                                  GDate      *date,
                                                  GDate      *answered_on,
                                                  GError    **error);
double              rd_item_score_value          (RdItem       *self,
                                                  RdSchoolType  school_type,
                                                  double        value);
double              rd_item_score_date           (RdItem       *self,
                                                  RdSchoolType  school_type,
                                                  GDate        *date,
                                                  GDate        *reference);

guint               rd_months_between            (GDate      *earlier,
                                                  GDate      *later);

G_END_DECLS
