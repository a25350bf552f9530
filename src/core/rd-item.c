#define G_LOG_DOMAIN "rd-item"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-item-private.h"

G_DEFINE_FINAL_TYPE (RdItem, rd_item, G_TYPE_OBJECT)

static void
rd_item_finalize (GObject *object)
{
  RdItem *self = RD_ITEM (object);

  g_free (self->id);
  g_free (self->area_id);
  g_free (self->council_point);
  g_clear_pointer (&self->text, rd_text_unref);
  g_clear_pointer (&self->help, rd_text_unref);
  g_clear_pointer (&self->unit, rd_text_unref);
  g_clear_pointer (&self->recommendation, rd_text_unref);
  g_clear_pointer (&self->standard, rd_text_unref);
  g_clear_pointer (&self->ladder, g_array_unref);
  for (guint t = 0; t < RD_N_SCHOOL_TYPES; t++)
    g_clear_pointer (&self->type_ladders[t], g_array_unref);

  G_OBJECT_CLASS (rd_item_parent_class)->finalize (object);
}

static void
rd_item_class_init (RdItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_item_finalize;
}

static void
rd_item_init (RdItem *self)
{
  self->version = 1;
  self->max = INFINITY;
  self->audience = RD_EVERY_GROUP;
  self->responsible = -1;
  self->ladder = g_array_new (FALSE, FALSE, sizeof (RdLadderStep));
}

RdItem *
rd_item_new (void)
{
  return g_object_new (RD_TYPE_ITEM, NULL);
}

const char *
rd_item_get_id (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->id;
}

guint
rd_item_get_version (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), 0);
  return self->version;
}

guint
rd_item_get_comparable_since (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), 0);
  return self->comparable_since;
}

const char *
rd_item_get_area_id (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->area_id;
}

RdItemKind
rd_item_get_kind (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), RD_ITEM_KIND_STATEMENT);
  return self->kind;
}

const RdText *
rd_item_get_text (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->text;
}

const RdText *
rd_item_get_help (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->help;
}

const RdText *
rd_item_get_unit (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->unit;
}

const RdText *
rd_item_get_recommendation (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->recommendation;
}

/* The standard or framework the item rests on, e.g. "DfE digital and
 * technology standards: broadband internet"; NULL when the framework
 * names none. */
const RdText *
rd_item_get_standard (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->standard;
}

const char *
rd_item_get_council_point (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  return self->council_point;
}

double
rd_item_get_min (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), 0);
  return self->min;
}

double
rd_item_get_max (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), INFINITY);
  return self->max;
}

double
rd_item_get_weight (RdItem   *self,
                    RdFactor  factor)
{
  g_return_val_if_fail (RD_IS_ITEM (self), 0);
  g_return_val_if_fail (factor < RD_N_FACTORS, 0);
  return self->weights[factor];
}

gboolean
rd_item_informs (RdItem   *self,
                 RdFactor  factor)
{
  return rd_item_get_weight (self, factor) > 0;
}

gboolean
rd_item_is_pulse (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);
  return self->pulse;
}

/* The groups the item is asked of, as 1 << RdGroup bits. */
guint
rd_item_get_audience (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), RD_EVERY_GROUP);
  return self->audience;
}

/* Whether the questionnaire asks @group this item, and so whether that
 * group's answers to it count. */
gboolean
rd_item_asks (RdItem  *self,
              RdGroup  group)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);
  return group < RD_N_GROUPS && (self->audience & (1u << group)) != 0;
}

/* A fact's responsible group: the one whose answers are the school's
 * value. FALSE when the framework names none: then every group it asks
 * counts alike. */
gboolean
rd_item_get_responsible (RdItem  *self,
                         RdGroup *group)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);

  if (self->responsible < 0)
    return FALSE;
  if (group != NULL)
    *group = (RdGroup) self->responsible;
  return TRUE;
}

const RdLadderStep *
rd_item_get_ladder (RdItem *self,
                    guint  *n_steps)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NULL);
  *n_steps = self->ladder->len;
  return (const RdLadderStep *) (gpointer) self->ladder->data;
}

static GArray *
ladder_for_type (RdItem       *self,
                 RdSchoolType  school_type)
{
  if (school_type < RD_N_SCHOOL_TYPES && self->type_ladders[school_type] != NULL)
    return self->type_ladders[school_type];
  return self->ladder;
}

/**
 * rd_item_get_ladder_for_type:
 *
 * The ladder a fact of a school of @school_type is scored on: the one
 * the framework gives that type ("ladders"), else the item's "ladder".
 */
const RdLadderStep *
rd_item_get_ladder_for_type (RdItem       *self,
                             RdSchoolType  school_type,
                             guint        *n_steps)
{
  GArray *ladder;

  g_return_val_if_fail (RD_IS_ITEM (self), NULL);

  ladder = ladder_for_type (self, school_type);
  *n_steps = ladder->len;
  return (const RdLadderStep *) (gpointer) ladder->data;
}

gboolean
rd_item_has_type_ladder (RdItem       *self,
                         RdSchoolType  school_type)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);
  return school_type < RD_N_SCHOOL_TYPES && self->type_ladders[school_type] != NULL;
}

/* An answer given to an older version of the question still counts when the
 * framework says the change kept it comparable. */
gboolean
rd_item_accepts_version (RdItem *self,
                         guint   answered_version)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);
  return answered_version >= self->comparable_since &&
         answered_version <= self->version;
}

/* Whether answers to @a and to @b measure the same thing: one id, and the
 * newer of the two still counts the older one's answers. */
gboolean
rd_item_same_construct (RdItem *a,
                        RdItem *b)
{
  RdItem *newer, *older;

  if (a == NULL || b == NULL || !g_str_equal (rd_item_get_id (a), rd_item_get_id (b)))
    return FALSE;
  newer = rd_item_get_version (a) >= rd_item_get_version (b) ? a : b;
  older = newer == a ? b : a;
  return rd_item_accepts_version (newer, rd_item_get_version (older));
}

/* A school's own question, not one of the framework (rd-own-question.h). */
gboolean
rd_item_is_own (RdItem *self)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);
  return self->own;
}

gboolean
rd_item_check_value (RdItem  *self,
                     double   value,
                     GError **error)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);

  if (!isfinite (value))
    {
      g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                   _("“%s” needs a number"), self->id);
      return FALSE;
    }

  switch (self->kind)
    {
    case RD_ITEM_KIND_STATEMENT:
      if (value != floor (value) || value < 1 || value > 5)
        {
          g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                       _("“%s” takes an agreement from 1 to 5, not %g"), self->id, value);
          return FALSE;
        }
      return TRUE;

    case RD_ITEM_KIND_PERCENT:
      if (value < 0 || value > 100)
        {
          g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                       _("“%s” takes a percentage from 0 to 100, not %g"), self->id, value);
          return FALSE;
        }
      return TRUE;

    case RD_ITEM_KIND_YES_NO:
      if (value != 0 && value != 1)
        {
          g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                       _("“%s” takes yes (1) or no (0), not %g"), self->id, value);
          return FALSE;
        }
      return TRUE;

    case RD_ITEM_KIND_NUMBER:
      if (value < self->min || value > self->max)
        {
          if (isfinite (self->max))
            g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                         _("“%s” takes a number from %g to %g, not %g"),
                         self->id, self->min, self->max, value);
          else
            g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                         _("“%s” takes a number of at least %g, not %g"),
                         self->id, self->min, value);
          return FALSE;
        }
      return TRUE;

    case RD_ITEM_KIND_DATE:
      g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_WRONG_KIND,
                   _("“%s” takes a date, not a number"), self->id);
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
rd_item_check_date (RdItem  *self,
                    GDate   *date,
                    GDate   *answered_on,
                    GError **error)
{
  g_return_val_if_fail (RD_IS_ITEM (self), FALSE);

  if (self->kind != RD_ITEM_KIND_DATE)
    {
      g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_WRONG_KIND,
                   _("“%s” does not take a date"), self->id);
      return FALSE;
    }

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                   _("“%s” needs a valid date"), self->id);
      return FALSE;
    }

  if (answered_on != NULL && g_date_compare (date, answered_on) > 0)
    {
      g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                   _("“%s” cannot be a date in the future"), self->id);
      return FALSE;
    }

  return TRUE;
}

static double
score_on_ladder (GArray *ladder,
                 double  value)
{
  double score = NAN;

  for (guint i = 0; i < ladder->len; i++)
    {
      const RdLadderStep *step = &g_array_index (ladder, RdLadderStep, i);

      if (step->at > value)
        break;
      score = step->score;
    }

  return score;
}

/* 0–100, or NAN where the value cannot be scored. A fact is scored on
 * the ladder of @school_type (rd_item_get_ladder_for_type()). */
double
rd_item_score_value (RdItem       *self,
                     RdSchoolType  school_type,
                     double        value)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NAN);

  if (!rd_item_check_value (self, value, NULL))
    return NAN;

  if (self->kind == RD_ITEM_KIND_STATEMENT)
    return (value - 1.0) / 4.0 * 100.0;

  return score_on_ladder (ladder_for_type (self, school_type), value);
}

/* Whole months from @earlier to @later; a month is complete when the day of
 * the month has been reached again. */
guint
rd_months_between (GDate *earlier,
                   GDate *later)
{
  int months;

  if (g_date_compare (earlier, later) >= 0)
    return 0;

  months = (g_date_get_year (later) - g_date_get_year (earlier)) * 12 +
           ((int) g_date_get_month (later) - (int) g_date_get_month (earlier));
  if (g_date_get_day (later) < g_date_get_day (earlier))
    months--;

  return (guint) MAX (months, 0);
}

double
rd_item_score_date (RdItem       *self,
                    RdSchoolType  school_type,
                    GDate        *date,
                    GDate        *reference)
{
  g_return_val_if_fail (RD_IS_ITEM (self), NAN);

  if (!rd_item_check_date (self, date, reference, NULL))
    return NAN;

  return score_on_ladder (ladder_for_type (self, school_type), rd_months_between (date, reference));
}
