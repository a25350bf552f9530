#define G_LOG_DOMAIN "rd-framework-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-framework-private.h"
#include "rd-item-private.h"
#include "rd-json-check.h"
#include "rd-own-question.h"

#define MAX_WEIGHT 3.0

typedef struct
{
  RdJsonCheck check;  /* first, so helpers take the loader as a check */
  GStrv languages;
  RdJsonParts *parts; /* areas and items, read one at a time */
  JsonParser *part_parser;
  guint format_version;
} Loader;

/* The keys format 2 added; a format 1 file must not use them, or a
 * reader of format 1 would refuse it. */
static const char * const format_2_item_keys[] = { "audience", "responsible", "ladders", "standard", NULL };
static const char * const format_2_root_keys[] = { "retired", NULL };
/* Format 3 added an area's short title. */
#define FORMAT_3_AREA_KEY "short_title"

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64)
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* "4", "4 b", "4 b i": a point, a letter, a roman numeral. */
static gboolean
is_valid_council_point (const char *point)
{
  g_auto(GStrv) parts = g_strsplit (point, " ", -1);
  guint n = g_strv_length (parts);

  if (n < 1 || n > 3)
    return FALSE;
  if (strlen (parts[0]) != 1 || !g_ascii_isdigit (parts[0][0]))
    return FALSE;
  if (n >= 2 && (strlen (parts[1]) != 1 || !g_ascii_islower (parts[1][0])))
    return FALSE;
  if (n == 3)
    {
      if (parts[2][0] == '\0')
        return FALSE;
      for (const char *p = parts[2]; *p; p++)
        if (strchr ("ivx", *p) == NULL)
          return FALSE;
    }

  return TRUE;
}

/* A text must be given in every declared language, and in no other. */
static RdText *
get_text (Loader     *loader,
          JsonObject *object,
          const char *place,
          const char *key,
          gboolean    required,
          gboolean   *ok)
{
  g_autofree char *text_place = g_strdup_printf ("%s.%s", place, key);
  /* Titles, units and standards stand in one line; the rest may be paragraphs. */
  RdField field = g_str_equal (key, FORMAT_3_AREA_KEY) ? RD_FIELD_FRAMEWORK_SHORT_TITLE
                  : g_str_equal (key, "title") || g_str_equal (key, "unit") || g_str_equal (key, "standard")
                  ? RD_FIELD_FRAMEWORK_TITLE
                  : RD_FIELD_FRAMEWORK_TEXT;
  g_autoptr(GList) members = NULL;
  g_autoptr(RdText) text = NULL;
  JsonObject *map;

  *ok = FALSE;

  if (json_object_get_member (object, key) == NULL && !required)
    {
      *ok = TRUE;
      return NULL;
    }

  map = rd_json_get_object (&loader->check, object, place, key, required);
  if (map == NULL)
    return NULL;

  text = rd_text_new ();
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      g_autofree char *value = NULL;

      if (!g_strv_contains ((const char * const *) loader->languages, lang))
        {
          rd_json_fail (&loader->check, text_place, _("language “%s” is not in “languages”"), lang);
          return NULL;
        }
      if (!rd_json_get_text (&loader->check, map, text_place, lang, TRUE, field, &value))
        return NULL;
      rd_text_set (text, lang, value);
    }

  for (guint i = 0; loader->languages[i] != NULL; i++)
    {
      if (json_object_get_member (map, loader->languages[i]) == NULL)
        {
          rd_json_fail (&loader->check, text_place, _("missing “%s” text"), loader->languages[i]);
          return NULL;
        }
    }

  *ok = TRUE;
  return g_steal_pointer (&text);
}

static gboolean
load_languages (Loader     *loader,
                JsonObject *root)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = rd_json_get_array (&loader->check, root, "languages", "languages");
  gboolean has_english = FALSE;

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *place = g_strdup_printf ("languages[%u]", i);
      const char *lang;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        return rd_json_fail (&loader->check, place, _("a language must be a non-empty string"));

      lang = json_node_get_string (node);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (json_array_get_string_element (array, j), lang))
          return rd_json_fail (&loader->check, place, _("language “%s” is listed twice"), lang);

      has_english |= g_str_equal (lang, "en");
      g_strv_builder_add (builder, lang);
    }

  if (!has_english)
    return rd_json_fail (&loader->check, "languages", _("“en” must be among the languages"));

  loader->languages = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
load_targets (Loader      *loader,
              JsonObject  *root,
              RdFramework *framework)
{
  JsonObject *targets = rd_json_get_object (&loader->check, root, "targets", "targets", TRUE);
  g_autoptr(GList) members = NULL;

  if (targets == NULL)
    return FALSE;

  members = json_object_get_members (targets);
  for (GList *l = members; l != NULL; l = l->next)
    {
      RdFactor factor;

      if (!rd_factor_from_id (l->data, &factor))
        return rd_json_fail (&loader->check, "targets", _("unknown factor “%s”"), (const char *) l->data);
    }

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double target;

      if (!rd_json_get_number (&loader->check, targets, "targets", rd_factor_to_id (f), TRUE, &target))
        return FALSE;
      if (target < 0 || target > 100)
        return rd_json_fail (&loader->check, "targets", _("target for “%s” must lie between 0 and 100"),
                     rd_factor_to_id (f));
      framework->targets[f] = target;
    }

  return TRUE;
}

static gboolean
load_areas (Loader      *loader,
            JsonObject  *root,
            RdFramework *framework)
{
  static const char * const keys[] = { "id", "title", FORMAT_3_AREA_KEY, "description", NULL };
  JsonArray *array = rd_json_get_array (&loader->check, root, "areas", "areas");

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = rd_json_load_part (&loader->check, loader->parts, json_array_get_element (array, i),
                                          loader->part_parser);
      g_autofree char *place = g_strdup_printf ("areas[%u]", i);
      g_autoptr(RdText) title = NULL;
      g_autoptr(RdText) description = NULL;
      g_autoptr(RdText) short_title = NULL;
      JsonObject *object;
      const char *id;
      gboolean ok;
      RdArea *area;

      if (node == NULL)
        return FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return rd_json_fail (&loader->check, place, _("an area must be an object"));
      object = json_node_get_object (node);

      if (loader->format_version < 3 && json_object_has_member (object, FORMAT_3_AREA_KEY))
        return rd_json_fail (&loader->check, place, _("“%s” needs “format_version” %d"), FORMAT_3_AREA_KEY, 3);
      if (!rd_json_check_keys (&loader->check, object, place, keys) ||
          !rd_json_get_string (&loader->check, object, place, "id", TRUE, &id))
        return FALSE;
      if (!is_valid_id (id))
        return rd_json_fail (&loader->check, place, _("id “%s” may hold only a–z, 0–9 and “-”"), id);
      if (g_hash_table_contains (framework->areas_by_id, id))
        return rd_json_fail (&loader->check, place, _("duplicate area id “%s”"), id);

      g_free (place);
      place = g_strdup_printf ("areas[%u] “%s”", i, id);

      title = get_text (loader, object, place, "title", TRUE, &ok);
      if (!ok)
        return FALSE;
      short_title = get_text (loader, object, place, FORMAT_3_AREA_KEY, FALSE, &ok);
      if (!ok)
        return FALSE;
      description = get_text (loader, object, place, "description", TRUE, &ok);
      if (!ok)
        return FALSE;

      area = rd_area_new (id, title, description);
      rd_area_set_short_title (area, short_title);
      g_ptr_array_add (framework->areas, area);
      g_hash_table_insert (framework->areas_by_id, (char *) rd_area_get_id (area), area);
    }

  return TRUE;
}

static gboolean
load_factors (Loader     *loader,
              JsonObject *object,
              const char *place,
              RdItem     *item)
{
  JsonObject *factors = rd_json_get_object (&loader->check, object, place, "factors", TRUE);
  g_autofree char *factors_place = g_strdup_printf ("%s.factors", place);
  g_autoptr(GList) members = NULL;

  if (factors == NULL)
    return FALSE;

  members = json_object_get_members (factors);
  if (members == NULL)
    return rd_json_fail (&loader->check, factors_place, _("an item must inform at least one factor"));

  for (GList *l = members; l != NULL; l = l->next)
    {
      RdFactor factor;
      double weight;

      if (!rd_factor_from_id (l->data, &factor))
        return rd_json_fail (&loader->check, factors_place, _("unknown factor “%s”"), (const char *) l->data);
      if (!rd_json_get_number (&loader->check, factors, factors_place, l->data, TRUE, &weight))
        return FALSE;
      if (weight <= 0 || weight > MAX_WEIGHT)
        return rd_json_fail (&loader->check, factors_place, _("weight of “%s” must be above 0 and at most %g"),
                     (const char *) l->data, MAX_WEIGHT);
      item->weights[factor] = weight;
    }

  return TRUE;
}

/* Steps of a ladder at @ladder_place into @into, by the rules of
 * FORMAT.md "Ladders" for @item's kind and range. */
static gboolean
read_ladder_steps (Loader     *loader,
                   JsonArray  *array,
                   const char *ladder_place,
                   RdItem     *item,
                   GArray     *into)
{
  static const char * const keys[] = { "at", "score", NULL };
  guint n_steps = json_array_get_length (array);

  if (n_steps < 2)
    return rd_json_fail (&loader->check, ladder_place, _("a ladder needs at least two steps"));

  for (guint i = 0; i < n_steps; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *step_place = g_strdup_printf ("%s[%u]", ladder_place, i);
      RdLadderStep step;
      JsonObject *step_object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return rd_json_fail (&loader->check, step_place, _("a step must be an object with “at” and “score”"));
      step_object = json_node_get_object (node);

      if (!rd_json_check_keys (&loader->check, step_object, step_place, keys) ||
          !rd_json_get_number (&loader->check, step_object, step_place, "at", TRUE, &step.at) ||
          !rd_json_get_number (&loader->check, step_object, step_place, "score", TRUE, &step.score))
        return FALSE;

      if (step.score < 0 || step.score > 100)
        return rd_json_fail (&loader->check, step_place, _("score %g must lie between 0 and 100"), step.score);

      if (i > 0)
        {
          double previous = g_array_index (into, RdLadderStep, i - 1).at;

          if (step.at <= previous)
            return rd_json_fail (&loader->check, step_place, _("thresholds must ascend (%g after %g)"),
                         step.at, previous);
        }

      if (item->kind == RD_ITEM_KIND_PERCENT && step.at > 100)
        return rd_json_fail (&loader->check, step_place, _("a percentage threshold must be at most 100"));
      if (item->kind == RD_ITEM_KIND_NUMBER && step.at > item->max)
        return rd_json_fail (&loader->check, step_place, _("threshold %g lies above “max” (%g)"), step.at, item->max);

      g_array_append_val (into, step);
    }

  if (g_array_index (into, RdLadderStep, 0).at != item->min)
    return rd_json_fail (&loader->check, ladder_place,
                 _("the first step must be at the lowest valid answer, %g"), item->min);

  if (item->kind == RD_ITEM_KIND_YES_NO &&
      (n_steps != 2 || g_array_index (into, RdLadderStep, 1).at != 1))
    return rd_json_fail (&loader->check, ladder_place, _("a yes-no ladder has exactly the steps 0 (no) and 1 (yes)"));

  return TRUE;
}

static gboolean
load_ladder (Loader     *loader,
             JsonObject *object,
             const char *place,
             RdItem     *item)
{
  g_autofree char *ladder_place = g_strdup_printf ("%s.ladder", place);
  JsonArray *array;

  if (!rd_item_kind_is_fact (item->kind))
    {
      if (json_object_has_member (object, "ladder"))
        return rd_json_fail (&loader->check, place, _("a statement is scored by agreement and takes no ladder"));
      return TRUE;
    }

  if (!json_object_has_member (object, "ladder"))
    return rd_json_fail (&loader->check, place, _("a %s item needs a ladder"), rd_item_kind_to_id (item->kind));

  array = rd_json_get_array (&loader->check, object, place, "ladder");
  if (array == NULL)
    return FALSE;

  return read_ladder_steps (loader, array, ladder_place, item, item->ladder);
}

/* "ladders": a ladder of its own for some school types, by the type's id
 * (rd_school_type_from_id); the others, and schools without a type, are
 * scored on "ladder". Each follows the rules of "ladder". */
static gboolean
load_type_ladders (Loader     *loader,
                   JsonObject *object,
                   const char *place,
                   RdItem     *item)
{
  g_autofree char *ladders_place = g_strdup_printf ("%s.ladders", place);
  g_autoptr(GList) members = NULL;
  JsonObject *ladders;

  if (!json_object_has_member (object, "ladders"))
    return TRUE;
  if (!rd_item_kind_is_fact (item->kind))
    return rd_json_fail (&loader->check, place, _("a statement is scored by agreement and takes no ladders"));

  ladders = rd_json_get_object (&loader->check, object, place, "ladders", TRUE);
  if (ladders == NULL)
    return FALSE;
  members = json_object_get_members (ladders);
  if (members == NULL)
    return rd_json_fail (&loader->check, ladders_place, _("“ladders” must name at least one school type"));

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *type_place = g_strdup_printf ("%s.%s", ladders_place, (const char *) l->data);
      RdSchoolType school_type;
      JsonArray *array;

      if (!rd_school_type_from_id (l->data, &school_type))
        return rd_json_fail (&loader->check, ladders_place,
                             _("unknown school type “%s” (use primary, secondary, vocational, special or other)"),
                             (const char *) l->data);
      array = rd_json_get_array (&loader->check, ladders, ladders_place, l->data);
      if (array == NULL)
        return FALSE;

      item->type_ladders[school_type] = g_array_new (FALSE, FALSE, sizeof (RdLadderStep));
      if (!read_ladder_steps (loader, array, type_place, item, item->type_ladders[school_type]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_group (Loader     *loader,
            JsonNode   *node,
            const char *place,
            RdGroup    *group)
{
  const char *id;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return rd_json_fail (&loader->check, place, _("a group must be a string"));
  id = json_node_get_string (node);
  if (!rd_group_from_id (id, group))
    return rd_json_fail (&loader->check, place,
                         _("unknown group “%s” (use leader, teacher, support-staff, learner, parent or other)"), id);
  return TRUE;
}

/* Who is asked the item, and for a fact whose answers are the school's
 * value. Without them every group is asked and counts alike. */
static gboolean
load_audience (Loader     *loader,
               JsonObject *object,
               const char *place,
               RdItem     *item)
{
  g_autofree char *audience_place = g_strdup_printf ("%s.audience", place);
  g_autofree char *responsible_place = g_strdup_printf ("%s.responsible", place);
  JsonNode *audience = json_object_get_member (object, "audience");
  JsonNode *responsible = json_object_get_member (object, "responsible");
  RdGroup group;

  if (audience != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (audience))
        return rd_json_fail (&loader->check, audience_place, _("an audience is a list of groups"));
      array = json_node_get_array (audience);
      if (json_array_get_length (array) == 0)
        return rd_json_fail (&loader->check, audience_place,
                             _("an audience names at least one group; leave it out to ask everyone"));

      item->audience = 0;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *group_place = g_strdup_printf ("%s[%u]", audience_place, i);

          if (!read_group (loader, json_array_get_element (array, i), group_place, &group))
            return FALSE;
          if (item->audience & (1u << group))
            return rd_json_fail (&loader->check, group_place, _("group “%s” is listed twice"),
                                 rd_group_to_id (group));
          item->audience |= 1u << group;
        }
    }

  if (responsible != NULL)
    {
      if (!rd_item_kind_is_fact (item->kind))
        return rd_json_fail (&loader->check, place,
                             _("a statement asks for views, which all count; “responsible” is for facts only"));
      if (!read_group (loader, responsible, responsible_place, &group))
        return FALSE;
      if (!rd_item_asks (item, group))
        return rd_json_fail (&loader->check, responsible_place,
                             _("the responsible group “%s” is not in the audience"), rd_group_to_id (group));
      item->responsible = group;
    }

  return TRUE;
}

static gboolean
load_item (Loader      *loader,
           JsonObject  *object,
           guint        index,
           RdFramework *framework,
           RdItem      *item)
{
  static const char * const keys[] = {
    "id", "version", "comparable_since", "area", "kind", "text", "help", "unit",
    "min", "max", "ladder", "ladders", "factors", "recommendation", "council_point", "pulse",
    "audience", "responsible", "standard", NULL
  };
  g_autofree char *place = g_strdup_printf ("items[%u]", index);
  const char *id, *area_id, *kind_id, *point;
  gboolean ok;
  JsonNode *pulse;

  for (guint k = 0; loader->format_version < 2 && format_2_item_keys[k] != NULL; k++)
    if (json_object_has_member (object, format_2_item_keys[k]))
      return rd_json_fail (&loader->check, place, _("“%s” needs “format_version” 2"), format_2_item_keys[k]);

  if (!rd_json_check_keys (&loader->check, object, place, keys) ||
      !rd_json_get_string (&loader->check, object, place, "id", TRUE, &id))
    return FALSE;
  if (!is_valid_id (id))
    return rd_json_fail (&loader->check, place, _("id “%s” may hold only a–z, 0–9 and “-”"), id);
  /* A school's own questions are "own-1", "own-2", …: an item of that name
   * would be taken for one, or hide one. */
  if (g_str_has_prefix (id, RD_OWN_QUESTION_ID_PREFIX))
    return rd_json_fail (&loader->check, place,
                         _("id “%s”: ids beginning with “%s” are kept for a school’s own questions"), id,
                         RD_OWN_QUESTION_ID_PREFIX);
  if (g_hash_table_contains (framework->items_by_id, id))
    return rd_json_fail (&loader->check, place, _("duplicate item id “%s”"), id);

  /* From here on the place names the item, which is what a writer searches for. */
  g_free (place);
  place = g_strdup_printf ("items[%u] “%s”", index, id);
  item->id = g_strdup (id);

  if (!rd_json_get_positive_int (&loader->check, object, place, "version", TRUE, &item->version))
    return FALSE;
  item->comparable_since = item->version;
  if (!rd_json_get_positive_int (&loader->check, object, place, "comparable_since", FALSE, &item->comparable_since))
    return FALSE;
  if (item->comparable_since > item->version)
    return rd_json_fail (&loader->check, place, _("“comparable_since” (%u) is later than “version” (%u)"),
                 item->comparable_since, item->version);

  if (!rd_json_get_string (&loader->check, object, place, "area", TRUE, &area_id))
    return FALSE;
  if (!g_hash_table_contains (framework->areas_by_id, area_id))
    return rd_json_fail (&loader->check, place, _("unknown area “%s”"), area_id);
  item->area_id = g_strdup (area_id);

  if (!rd_json_get_string (&loader->check, object, place, "kind", TRUE, &kind_id))
    return FALSE;
  if (!rd_item_kind_from_id (kind_id, &item->kind))
    return rd_json_fail (&loader->check, place,
                 _("unknown kind “%s” (use statement, number, percent, yes-no or date)"), kind_id);

  item->text = get_text (loader, object, place, "text", TRUE, &ok);
  if (!ok)
    return FALSE;
  item->help = get_text (loader, object, place, "help", TRUE, &ok);
  if (!ok)
    return FALSE;
  item->recommendation = get_text (loader, object, place, "recommendation", TRUE, &ok);
  if (!ok)
    return FALSE;
  item->standard = get_text (loader, object, place, "standard", FALSE, &ok);
  if (!ok)
    return FALSE;

  if (item->kind == RD_ITEM_KIND_NUMBER)
    {
      item->unit = get_text (loader, object, place, "unit", TRUE, &ok);
      if (!ok)
        return FALSE;
      if (!rd_json_get_number (&loader->check, object, place, "min", FALSE, &item->min) ||
          !rd_json_get_number (&loader->check, object, place, "max", FALSE, &item->max))
        return FALSE;
      if (item->min >= item->max)
        return rd_json_fail (&loader->check, place, _("“min” (%g) must be below “max” (%g)"), item->min, item->max);
    }
  else
    {
      static const char * const number_only[] = { "unit", "min", "max" };

      for (guint i = 0; i < G_N_ELEMENTS (number_only); i++)
        if (json_object_has_member (object, number_only[i]))
          return rd_json_fail (&loader->check, place, _("“%s” is allowed on number items only"), number_only[i]);

      switch (item->kind)
        {
        case RD_ITEM_KIND_STATEMENT:
          item->min = 1;
          item->max = 5;
          break;
        case RD_ITEM_KIND_PERCENT:
          item->max = 100;
          break;
        case RD_ITEM_KIND_YES_NO:
          item->max = 1;
          break;
        case RD_ITEM_KIND_DATE:
        case RD_ITEM_KIND_NUMBER:
        default:
          break;
        }
    }

  if (!load_ladder (loader, object, place, item) ||
      !load_type_ladders (loader, object, place, item) ||
      !load_factors (loader, object, place, item) ||
      !load_audience (loader, object, place, item))
    return FALSE;

  if (!rd_json_get_string (&loader->check, object, place, "council_point", TRUE, &point))
    return FALSE;
  if (!is_valid_council_point (point))
    return rd_json_fail (&loader->check, place, _("“%s” is not a point of the Council Recommendation such as “4 b i”"),
                 point);
  item->council_point = g_strdup (point);

  pulse = json_object_get_member (object, "pulse");
  if (pulse != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (pulse) || json_node_get_value_type (pulse) != G_TYPE_BOOLEAN)
        return rd_json_fail (&loader->check, place, _("“pulse” must be true or false"));
      item->pulse = json_node_get_boolean (pulse);
    }

  return TRUE;
}

static gboolean
load_items (Loader      *loader,
            JsonObject  *root,
            RdFramework *framework)
{
  JsonArray *array = rd_json_get_array (&loader->check, root, "items", "items");

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = rd_json_load_part (&loader->check, loader->parts, json_array_get_element (array, i),
                                          loader->part_parser);
      g_autoptr(RdItem) item = rd_item_new ();

      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *place = g_strdup_printf ("items[%u]", i);
          return rd_json_fail (&loader->check, place, _("an item must be an object"));
        }

      if (!load_item (loader, json_node_get_object (node), i, framework, item))
        return FALSE;

      g_hash_table_insert (framework->items_by_id, item->id, item);
      g_ptr_array_add (framework->items, g_steal_pointer (&item));
    }

  return TRUE;
}

/* The item ids of a retired item's "replaced_by": items of this file,
 * each once; an empty list says the item was removed. */
static GStrv
load_replaced_by (Loader      *loader,
                  JsonObject  *object,
                  const char  *place,
                  RdFramework *framework)
{
  g_autofree char *list_place = g_strdup_printf ("%s.replaced_by", place);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = rd_json_get_any_array (&loader->check, object, place, "replaced_by");

  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *id_place = g_strdup_printf ("%s[%u]", list_place, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          rd_json_fail (&loader->check, id_place, _("an item id must be a string"));
          return NULL;
        }
      id = json_node_get_string (node);
      if (!g_hash_table_contains (framework->items_by_id, id))
        {
          rd_json_fail (&loader->check, id_place, _("unknown item “%s”"), id);
          return NULL;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (json_array_get_string_element (array, j), id))
          {
            rd_json_fail (&loader->check, id_place, _("item “%s” is listed twice"), id);
            return NULL;
          }
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static gboolean
load_retired_item (Loader      *loader,
                   JsonObject  *object,
                   guint        index,
                   RdFramework *framework)
{
  static const char * const keys[] = { "id", "version", "replaced_by", "reason", NULL };
  g_autofree char *place = g_strdup_printf ("retired[%u]", index);
  g_autoptr(RdText) reason = NULL;
  g_auto(GStrv) replaced_by = NULL;
  const char *id;
  guint version;
  gboolean ok;

  if (!rd_json_check_keys (&loader->check, object, place, keys) ||
      !rd_json_get_string (&loader->check, object, place, "id", TRUE, &id))
    return FALSE;
  if (!is_valid_id (id))
    return rd_json_fail (&loader->check, place, _("id “%s” may hold only a–z, 0–9 and “-”"), id);
  /* An id is never reused for another question (FORMAT.md, "id"). */
  if (g_hash_table_contains (framework->items_by_id, id))
    return rd_json_fail (&loader->check, place, _("“%s” is an item of this version, so it cannot be retired"), id);
  if (rd_framework_lookup_retired (framework, id) != NULL)
    return rd_json_fail (&loader->check, place, _("retired item “%s” is listed twice"), id);

  g_free (place);
  place = g_strdup_printf ("retired[%u] “%s”", index, id);

  if (!rd_json_get_positive_int (&loader->check, object, place, "version", TRUE, &version))
    return FALSE;
  replaced_by = load_replaced_by (loader, object, place, framework);
  if (replaced_by == NULL)
    return FALSE;
  reason = get_text (loader, object, place, "reason", TRUE, &ok);
  if (!ok)
    return FALSE;

  g_ptr_array_add (framework->retired,
                   rd_retired_item_new (id, version, g_steal_pointer (&replaced_by), g_steal_pointer (&reason)));
  return TRUE;
}

/* "retired": what became of the items of earlier versions that this one
 * no longer asks. Read after the items, whose ids it names. */
static gboolean
load_retired (Loader      *loader,
              JsonObject  *root,
              RdFramework *framework)
{
  JsonArray *array;

  if (!json_object_has_member (root, "retired"))
    return TRUE;

  array = rd_json_get_any_array (&loader->check, root, "top level", "retired");
  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = rd_json_load_part (&loader->check, loader->parts, json_array_get_element (array, i),
                                          loader->part_parser);

      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *place = g_strdup_printf ("retired[%u]", i);
          return rd_json_fail (&loader->check, place, _("a retired item must be an object"));
        }
      if (!load_retired_item (loader, json_node_get_object (node), i, framework))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_root (Loader      *loader,
           JsonObject  *root,
           RdFramework *framework)
{
  static const char * const keys[] = {
    "format", "format_version", "id", "version", "languages", "title", "description",
    "targets", "areas", "items", "retired", NULL
  };
  g_autofree char *version = NULL;
  const char *format, *id;
  guint format_version;
  gboolean ok;

  if (!rd_json_get_string (&loader->check, root, "format", "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, "readiness-framework"))
    return rd_json_fail (&loader->check, "format", _("“%s” is not a Readiness framework"), format);

  if (!rd_json_get_positive_int (&loader->check, root, "format_version", "format_version", TRUE, &format_version))
    return FALSE;
  if (format_version < RD_FRAMEWORK_OLDEST_FORMAT_VERSION || format_version > RD_FRAMEWORK_FORMAT_VERSION)
    {
      g_set_error (loader->check.error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_VERSION,
                   _("%s: format_version: version %u is not supported; this Readiness reads versions %d to %d"),
                   loader->check.name, format_version, RD_FRAMEWORK_OLDEST_FORMAT_VERSION,
                   RD_FRAMEWORK_FORMAT_VERSION);
      return FALSE;
    }
  loader->format_version = format_version;

  for (guint k = 0; format_version < 2 && format_2_root_keys[k] != NULL; k++)
    if (json_object_has_member (root, format_2_root_keys[k]))
      return rd_json_fail (&loader->check, "top level", _("“%s” needs “format_version” 2"), format_2_root_keys[k]);

  if (!rd_json_check_keys (&loader->check, root, "top level", keys))
    return FALSE;

  if (!rd_json_get_string (&loader->check, root, "id", "id", TRUE, &id))
    return FALSE;
  if (!is_valid_id (id))
    return rd_json_fail (&loader->check, "id", _("id “%s” may hold only a–z, 0–9 and “-”"), id);
  if (!rd_json_get_text (&loader->check, root, "top level", "version", TRUE, RD_FIELD_VERSION, &version))
    return FALSE;
  framework->id = g_strdup (id);
  framework->version = g_steal_pointer (&version);

  if (!load_languages (loader, root))
    return FALSE;
  framework->languages = g_strdupv (loader->languages);

  framework->title = get_text (loader, root, "top level", "title", TRUE, &ok);
  if (!ok)
    return FALSE;
  framework->description = get_text (loader, root, "top level", "description", FALSE, &ok);
  if (!ok)
    return FALSE;

  return load_targets (loader, root, framework) &&
         load_areas (loader, root, framework) &&
         load_items (loader, root, framework) &&
         load_retired (loader, root, framework);
}

RdFramework *
rd_framework_parse (const char  *data,
                    gsize        length,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) part_parser = json_parser_new_immutable ();
  g_autoptr(RdJsonParts) parts = NULL;
  g_autoptr(RdFramework) framework = rd_framework_new ();
  Loader loader = { { name ? name : "framework", error, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_INVALID }, NULL };
  JsonObject *root;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rd_json_check_size (loader.check.name, RD_JSON_KIND_FRAMEWORK, length, RD_FRAMEWORK_ERROR,
                           RD_FRAMEWORK_ERROR_TOO_LARGE, error))
    return NULL;
  /* Areas and items (root, areas or items, one of them: three deep) are
   * read one at a time, so that a large file's tree is never whole. */
  root = rd_json_load_object_in_parts (&loader.check, parser, data, length, RD_FRAMEWORK_ERROR_SYNTAX, 3, &parts);
  if (root == NULL)
    return NULL;
  loader.parts = parts;
  loader.part_parser = part_parser;

  ok = load_root (&loader, root, framework);
  g_strfreev (loader.languages);

  if (!ok)
    return NULL;

  return g_steal_pointer (&framework);
}
