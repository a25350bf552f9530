#define G_LOG_DOMAIN "rd-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-json-check.h"

/* Every message reads "FILE: PLACE: PROBLEM" so that a user can find it. */
gboolean
rd_json_fail (RdJsonCheck *check,
              const char  *place,
              const char  *format,
              ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (check->error, check->domain, check->code, "%s: %s: %s", check->name, place, problem);
  return FALSE;
}

JsonObject *
rd_json_load_object (RdJsonCheck *check,
                     JsonParser  *parser,
                     const char  *data,
                     gsize        length)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (length > G_MAXSSIZE || !g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error (check->error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_SYNTAX,
                   _("%s: the file is not valid UTF-8 text"), check->name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (check->error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_SYNTAX,
                   _("%s: not valid JSON: %s"), check->name, parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rd_json_fail (check, "top level", _("the file must hold a JSON object"));
      return NULL;
    }

  return json_node_get_object (root);
}

gboolean
rd_json_check_keys (RdJsonCheck        *check,
                    JsonObject         *object,
                    const char         *place,
                    const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return rd_json_fail (check, place, _("unknown key “%s”"), (const char *) l->data);
    }

  return TRUE;
}

JsonNode *
rd_json_get_member (RdJsonCheck *check,
                    JsonObject  *object,
                    const char  *place,
                    const char  *key,
                    gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    rd_json_fail (check, place, _("“%s” is missing"), key);

  return node;
}

gboolean
rd_json_get_string (RdJsonCheck *check,
                    JsonObject  *object,
                    const char  *place,
                    const char  *key,
                    gboolean    required,
                    const char  **out)
{
  JsonNode *node = rd_json_get_member (check, object, place, key, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return rd_json_fail (check, place, _("“%s” must be a string"), key);

  *out = json_node_get_string (node);
  if (**out == '\0')
    return rd_json_fail (check, place, _("“%s” must not be empty"), key);

  return TRUE;
}

gboolean
rd_json_get_number (RdJsonCheck *check,
                    JsonObject  *object,
                    const char  *place,
                    const char  *key,
                    gboolean    required,
                    double      *out)
{
  JsonNode *node = rd_json_get_member (check, object, place, key, required);
  GType type;

  if (node == NULL)
    return !required;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return rd_json_fail (check, place, _("“%s” must be a number"), key);

  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return rd_json_fail (check, place, _("“%s” must be a finite number"), key);

  return TRUE;
}

gboolean
rd_json_get_positive_int (RdJsonCheck *check,
                          JsonObject  *object,
                          const char  *place,
                          const char  *key,
                          gboolean    required,
                          guint       *out)
{
  JsonNode *node = rd_json_get_member (check, object, place, key, required);
  gint64 value;

  if (node == NULL)
    return !required;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return rd_json_fail (check, place, _("“%s” must be a whole number"), key);

  value = json_node_get_int (node);
  if (value < 1 || value > G_MAXINT)
    return rd_json_fail (check, place, _("“%s” must be 1 or more"), key);

  *out = (guint) value;
  return TRUE;
}

/* A list that may be empty: "nothing yet" is a valid answer for some. */
JsonArray *
rd_json_get_any_array (RdJsonCheck *check,
                       JsonObject  *object,
                       const char  *place,
                       const char  *key)
{
  JsonNode *node = rd_json_get_member (check, object, place, key, TRUE);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      rd_json_fail (check, place, _("“%s” must be a list"), key);
      return NULL;
    }

  return json_node_get_array (node);
}

JsonArray *
rd_json_get_array (RdJsonCheck *check,
                   JsonObject  *object,
                   const char  *place,
                   const char  *key)
{
  JsonArray *array = rd_json_get_any_array (check, object, place, key);

  if (array != NULL && json_array_get_length (array) == 0)
    {
      rd_json_fail (check, place, _("“%s” must not be empty"), key);
      return NULL;
    }

  return array;
}

JsonObject *
rd_json_get_object (RdJsonCheck *check,
                    JsonObject  *object,
                    const char  *place,
                    const char  *key,
                    gboolean    required)
{
  JsonNode *node = rd_json_get_member (check, object, place, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rd_json_fail (check, place, _("“%s” must be an object"), key);
      return NULL;
    }

  return json_node_get_object (node);
}

