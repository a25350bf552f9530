#define G_LOG_DOMAIN "rd-own-question"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rd-errors.h"
#include "rd-item-private.h"
#include "rd-limits.h"
#include "rd-own-question.h"

struct _RdOwnQuestion
{
  GObject parent_instance;

  char *id;
  guint number;
  RdItemKind kind;
  char *text;
  char *help;
  char *area_id;
  guint audience;
  double weights[RD_N_FACTORS];
  char *unit;
  double min;
  double max;
  double target;
  RdOwnDirection direction;
  RdItem *item;
};

G_DEFINE_FINAL_TYPE (RdOwnQuestion, rd_own_question, G_TYPE_OBJECT)

static void
rd_own_question_finalize (GObject *object)
{
  RdOwnQuestion *self = RD_OWN_QUESTION (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->help);
  g_free (self->area_id);
  g_free (self->unit);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rd_own_question_parent_class)->finalize (object);
}

static void
rd_own_question_class_init (RdOwnQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_own_question_finalize;
}

static void
rd_own_question_init (RdOwnQuestion *self)
{
  self->max = INFINITY;
  self->target = NAN;
}

void
rd_own_question_info_init (RdOwnQuestionInfo *info)
{
  g_return_if_fail (info != NULL);

  *info = (RdOwnQuestionInfo) {
    .kind = RD_ITEM_KIND_STATEMENT,
    .audience = RD_EVERY_GROUP,
    .max = INFINITY,
    .target = NAN,
    .direction = RD_OWN_DIRECTION_HIGHER,
  };
}

const char *
rd_own_direction_to_id (RdOwnDirection direction)
{
  return direction == RD_OWN_DIRECTION_LOWER ? "lower" : "higher";
}

gboolean
rd_own_direction_from_id (const char     *id,
                          RdOwnDirection *direction)
{
  if (g_strcmp0 (id, "higher") == 0)
    *direction = RD_OWN_DIRECTION_HIGHER;
  else if (g_strcmp0 (id, "lower") == 0)
    *direction = RD_OWN_DIRECTION_LOWER;
  else
    return FALSE;
  return TRUE;
}

/* Dates are left out: their score would depend on the reference date,
 * which only the framework's answers move. */
gboolean
rd_own_question_kind_is_allowed (RdItemKind kind)
{
  return kind == RD_ITEM_KIND_STATEMENT || kind == RD_ITEM_KIND_YES_NO ||
         kind == RD_ITEM_KIND_NUMBER || kind == RD_ITEM_KIND_PERCENT;
}

/* "own-" and a number from 1 without leading zeros, at most 9999. */
gboolean
rd_own_question_id_is_valid (const char *id)
{
  const char *digits;
  gsize n;

  if (id == NULL || !g_str_has_prefix (id, RD_OWN_QUESTION_ID_PREFIX))
    return FALSE;
  digits = id + strlen (RD_OWN_QUESTION_ID_PREFIX);
  n = strlen (digits);
  if (n == 0 || n > 4 || digits[0] == '0')
    return FALSE;
  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

guint
rd_own_question_id_number (const char *id)
{
  if (!rd_own_question_id_is_valid (id))
    return 0;
  return (guint) g_ascii_strtoull (id + strlen (RD_OWN_QUESTION_ID_PREFIX), NULL, 10);
}

/* Where a check fails: a file's place, or the person at the dialog. */
typedef struct
{
  const char *file;
  const char *place;
  GQuark domain;
  int code;
  GError **error;
} Check;

static gboolean fail (Check      *check,
                      const char *key,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

/* In a file: "FILE: PLACE.KEY: problem"; at the dialog: "Problem". */
static gboolean
fail (Check      *check,
      const char *key,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (check->file != NULL)
    g_set_error (check->error, check->domain, check->code, "%s: %s.%s: %s", check->file, check->place, key, message);
  else
    {
      gunichar first = g_utf8_get_char (message);
      const char *rest = g_utf8_next_char (message);
      char upper[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), upper);
      g_set_error (check->error, check->domain, check->code, "%s%s", upper, rest);
    }
  return FALSE;
}

/* The framework's rule for a text of this kind (rd-limits.h), with the
 * place named. */
static gboolean
clean_text (Check       *check,
            RdField      field,
            const char  *key,
            const char  *what,
            const char  *text,
            char       **out)
{
  g_autofree char *place = NULL;
  RdTextCleanResult result;

  if (check->file != NULL)
    {
      place = g_strdup_printf ("%s.%s", check->place, key);
      return rd_field_clean (field, text, check->file, place, check->domain, check->code, out, check->error);
    }

  result = rd_text_clean (text, rd_field_get_max_length (field), rd_field_is_multi_line (field), out);
  if (result == RD_TEXT_CLEAN_TOO_LONG)
    /* Translators: "the question’s text can have at most 2000 characters"; %s names the text */
    return fail (check, key, _("%s can have at most %u characters"), what, rd_field_get_max_length (field));
  if (result == RD_TEXT_CLEAN_NOT_UTF8)
    return fail (check, key, _("%s is not valid UTF-8 text"), what);
  return TRUE;
}

static gboolean
check_range (Check         *check,
             RdOwnQuestion *self)
{
  if (!isfinite (self->min))
    return fail (check, "min", _("the lowest answer must be a number"));
  if (isnan (self->max) || self->max <= self->min)
    return fail (check, "max", _("the highest answer (%g) must lie above the lowest (%g)"), self->max, self->min);
  if (!isfinite (self->target))
    return fail (check, "target", _("a number needs a target: the answer that scores 100"));
  if (self->target < self->min || self->target > self->max)
    return fail (check, "target", _("the target %g must lie between the lowest and the highest answer"),
                 self->target);
  if (self->direction == RD_OWN_DIRECTION_HIGHER && self->target <= self->min)
    return fail (check, "target", _("when more is better, the target must lie above the lowest answer (%g)"),
                 self->min);
  if (self->direction == RD_OWN_DIRECTION_LOWER && !isfinite (self->max))
    return fail (check, "max", _("when less is better, the question needs a highest answer, which scores 0"));
  if (self->direction == RD_OWN_DIRECTION_LOWER && self->target >= self->max)
    return fail (check, "target", _("when less is better, the target must lie below the highest answer (%g)"),
                 self->max);
  return TRUE;
}

/* Facts are scored from their worst end to the target: a percentage runs
 * 0–100 and a yes-no question 0 (no) – 1 (yes), their target the better end
 * unless one is given. */
static gboolean
check_scoring (Check                   *check,
               RdOwnQuestion           *self,
               const RdOwnQuestionInfo *info)
{
  gboolean higher = self->direction == RD_OWN_DIRECTION_HIGHER;

  switch (self->kind)
    {
    case RD_ITEM_KIND_STATEMENT:
      self->min = 1;
      self->max = 5;
      self->direction = RD_OWN_DIRECTION_HIGHER;
      return TRUE;
    case RD_ITEM_KIND_YES_NO:
      self->min = 0;
      self->max = 1;
      self->target = higher ? 1 : 0;
      return TRUE;
    case RD_ITEM_KIND_PERCENT:
      self->min = 0;
      self->max = 100;
      self->target = isnan (info->target) ? (higher ? 100 : 0) : info->target;
      return check_range (check, self);
    case RD_ITEM_KIND_NUMBER:
    case RD_ITEM_KIND_DATE:
    default:
      self->min = info->min;
      self->max = info->max;
      self->target = info->target;
      return check_range (check, self);
    }
}

static gboolean
check_factors (Check                   *check,
               RdOwnQuestion           *self,
               const RdOwnQuestionInfo *info)
{
  gboolean any = FALSE;

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double weight = info->weights[f];

      if (weight == 0)
        continue;
      if (!isfinite (weight) || weight < 0 || weight > RD_OWN_QUESTION_MAX_WEIGHT)
        return fail (check, "factors", _("weight of “%s” must be above 0 and at most %g"), rd_factor_to_id (f),
                     RD_OWN_QUESTION_MAX_WEIGHT);
      self->weights[f] = weight;
      any = TRUE;
    }
  if (!any)
    return fail (check, "factors", _("a question must be about at least one success factor"));
  return TRUE;
}

static RdText *
text_of (const char *value)
{
  RdText *text;

  if (value == NULL)
    return NULL;
  /* The school writes in one language: the text stands for every one
   * (rd_text_get() falls back to "en"). */
  text = rd_text_new ();
  rd_text_set (text, "en", value);
  return text;
}

static RdItem *
make_item (RdOwnQuestion *self)
{
  RdItem *item = rd_item_new ();

  item->own = TRUE;
  item->id = g_strdup (self->id);
  item->version = 1;
  item->comparable_since = 1;
  item->area_id = g_strdup (self->area_id);
  item->kind = self->kind;
  item->text = text_of (self->text);
  item->help = text_of (self->help);
  item->unit = text_of (self->unit);
  item->min = self->min;
  item->max = self->max;
  item->audience = self->audience;
  memcpy (item->weights, self->weights, sizeof item->weights);
  return item;
}

RdOwnQuestion *
rd_own_question_new (const RdOwnQuestionInfo  *info,
                     RdFramework              *framework,
                     const char               *file,
                     const char               *place,
                     GQuark                    domain,
                     int                       code,
                     GError                  **error)
{
  g_autoptr(RdOwnQuestion) self = NULL;
  Check check = { file, place ? place : "own_questions", domain, code, error };

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (framework == NULL || RD_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (RD_TYPE_OWN_QUESTION, NULL);

  if (info->id != NULL && !rd_own_question_id_is_valid (info->id))
    {
      fail (&check, "id", _("“%s” is not an id such as own-1"), info->id);
      return NULL;
    }
  self->id = g_strdup (info->id);
  self->number = rd_own_question_id_number (info->id);

  if (!rd_own_question_kind_is_allowed (info->kind))
    {
      fail (&check, "kind", _("a question of your own is a statement, a yes-no question, a number or a percentage"));
      return NULL;
    }
  self->kind = info->kind;

  if (!clean_text (&check, RD_FIELD_FRAMEWORK_TEXT, "text", _("the question’s text"), info->text, &self->text) ||
      !clean_text (&check, RD_FIELD_FRAMEWORK_TEXT, "help", _("the question’s explanation"), info->help,
                   &self->help))
    return NULL;
  if (self->text == NULL || *self->text == '\0')
    {
      fail (&check, "text", _("the question needs a text"));
      return NULL;
    }
  if (self->help != NULL && *self->help == '\0')
    g_clear_pointer (&self->help, g_free);

  if (info->area_id == NULL || *info->area_id == '\0')
    {
      fail (&check, "area", _("the question needs an area"));
      return NULL;
    }
  if (framework != NULL && rd_framework_lookup_area (framework, info->area_id) == NULL)
    {
      fail (&check, "area", _("unknown area “%s”"), info->area_id);
      return NULL;
    }
  self->area_id = g_strdup (info->area_id);

  if ((info->audience & RD_EVERY_GROUP) == 0 || (info->audience & ~RD_EVERY_GROUP) != 0)
    {
      fail (&check, "audience", _("a question is asked of at least one group"));
      return NULL;
    }
  self->audience = info->audience;

  if (!check_factors (&check, self, info))
    return NULL;

  self->direction = info->direction == RD_OWN_DIRECTION_LOWER ? RD_OWN_DIRECTION_LOWER : RD_OWN_DIRECTION_HIGHER;
  if (self->kind == RD_ITEM_KIND_NUMBER &&
      !clean_text (&check, RD_FIELD_FRAMEWORK_TITLE, "unit", _("the unit"), info->unit, &self->unit))
    return NULL;
  if (self->unit != NULL && *self->unit == '\0')
    g_clear_pointer (&self->unit, g_free);
  if (!check_scoring (&check, self, info))
    return NULL;

  self->item = make_item (self);
  return g_steal_pointer (&self);
}

void
rd_own_question_get_info (RdOwnQuestion     *self,
                          RdOwnQuestionInfo *info)
{
  g_return_if_fail (RD_IS_OWN_QUESTION (self));
  g_return_if_fail (info != NULL);

  *info = (RdOwnQuestionInfo) {
    .id = self->id,
    .kind = self->kind,
    .text = self->text,
    .help = self->help,
    .area_id = self->area_id,
    .audience = self->audience,
    .unit = self->unit,
    .min = self->min,
    .max = self->max,
    .target = self->target,
    .direction = self->direction,
  };
  memcpy (info->weights, self->weights, sizeof info->weights);
}

const char *
rd_own_question_get_id (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->id;
}

guint
rd_own_question_get_number (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), 0);
  return self->number;
}

RdItemKind
rd_own_question_get_kind (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), RD_ITEM_KIND_STATEMENT);
  return self->kind;
}

const char *
rd_own_question_get_text (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->text;
}

const char *
rd_own_question_get_help (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->help;
}

const char *
rd_own_question_get_area_id (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->area_id;
}

guint
rd_own_question_get_audience (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), 0);
  return self->audience;
}

gboolean
rd_own_question_asks (RdOwnQuestion *self,
                      RdGroup        group)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), FALSE);
  return group < RD_N_GROUPS && (self->audience & (1u << group)) != 0;
}

double
rd_own_question_get_weight (RdOwnQuestion *self,
                            RdFactor       factor)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), 0);
  g_return_val_if_fail (factor < RD_N_FACTORS, 0);
  return self->weights[factor];
}

const char *
rd_own_question_get_unit (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->unit;
}

double
rd_own_question_get_min (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), 0);
  return self->min;
}

double
rd_own_question_get_max (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), INFINITY);
  return self->max;
}

double
rd_own_question_get_target (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NAN);
  return self->target;
}

RdOwnDirection
rd_own_question_get_direction (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), RD_OWN_DIRECTION_HIGHER);
  return self->direction;
}

RdItem *
rd_own_question_get_item (RdOwnQuestion *self)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NULL);
  return self->item;
}

gboolean
rd_own_question_check_value (RdOwnQuestion  *self,
                             double          value,
                             GError        **error)
{
  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), FALSE);
  return rd_item_check_value (self->item, value, error);
}

double
rd_own_question_score_value (RdOwnQuestion *self,
                             double         value)
{
  double score;

  g_return_val_if_fail (RD_IS_OWN_QUESTION (self), NAN);

  if (!rd_item_check_value (self->item, value, NULL))
    return NAN;
  if (self->kind == RD_ITEM_KIND_STATEMENT)
    return (value - 1.0) / 4.0 * 100.0;

  if (self->direction == RD_OWN_DIRECTION_HIGHER)
    score = (value - self->min) / (self->target - self->min) * 100.0;
  else
    score = (self->max - value) / (self->max - self->target) * 100.0;
  return CLAMP (score, 0.0, 100.0);
}

gboolean
rd_own_question_same_text (const char *a,
                           const char *b)
{
  g_autofree char *clean_a = NULL, *clean_b = NULL;
  g_autofree char *fold_a = NULL, *fold_b = NULL;

  if (rd_text_clean (a, G_MAXUINT, FALSE, &clean_a) != RD_TEXT_CLEAN_OK ||
      rd_text_clean (b, G_MAXUINT, FALSE, &clean_b) != RD_TEXT_CLEAN_OK ||
      clean_a == NULL || clean_b == NULL)
    return FALSE;

  fold_a = g_utf8_casefold (clean_a, -1);
  fold_b = g_utf8_casefold (clean_b, -1);
  return g_str_equal (fold_a, fold_b);
}

RdOwnQuestion *
rd_own_questions_lookup (GPtrArray  *questions,
                         const char *id)
{
  for (guint i = 0; questions != NULL && id != NULL && i < questions->len; i++)
    {
      RdOwnQuestion *question = g_ptr_array_index (questions, i);

      if (g_strcmp0 (question->id, id) == 0)
        return question;
    }
  return NULL;
}
