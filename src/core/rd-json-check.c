#define G_LOG_DOMAIN "rd-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-json-check.h"

#define MAX_PROBLEM_CHARS 300

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

  /* A message quotes what the file says, which may be megabytes long: it
   * is cut, at a whole character, before it reaches a window or a terminal. */
  {
    char *end = problem;

    for (guint i = 0; i < MAX_PROBLEM_CHARS && *end != '\0'; i++)
      end = g_utf8_next_char (end);
    if (*end != '\0')
      {
        char *cut;

        *end = '\0';
        cut = g_strconcat (problem, "…", NULL);
        g_free (problem);
        problem = cut;
      }
  }

  g_set_error (check->error, check->domain, check->code, "%s: %s: %s", check->name, place, problem);
  return FALSE;
}

/* json-glib turns octal escapes ("\333") and lone surrogates ("\ud800")
 * into bytes that are not UTF-8, even in a file that is: such a string
 * would reach messages, the window and the database. Walks the tree
 * without recursion, however deep it nests. */
gboolean
rd_json_node_is_utf8 (JsonNode *root)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_ptr_array_add (pending, root);
  while (pending->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      switch (JSON_NODE_TYPE (node))
        {
        case JSON_NODE_OBJECT:
          {
            JsonObject *object = json_node_get_object (node);
            g_autoptr(GList) members = json_object_get_members (object);

            for (GList *l = members; l != NULL; l = l->next)
              {
                if (!g_utf8_validate (l->data, -1, NULL))
                  return FALSE;
                g_ptr_array_add (pending, json_object_get_member (object, l->data));
              }
            break;
          }
        case JSON_NODE_ARRAY:
          {
            JsonArray *array = json_node_get_array (node);

            for (guint i = 0; i < json_array_get_length (array); i++)
              g_ptr_array_add (pending, json_array_get_element (array, i));
            break;
          }
        case JSON_NODE_VALUE:
          if (json_node_get_value_type (node) == G_TYPE_STRING &&
              !g_utf8_validate (json_node_get_string (node), -1, NULL))
            return FALSE;
          break;
        case JSON_NODE_NULL:
        default:
          break;
        }
    }

  return TRUE;
}

JsonObject *
rd_json_load_object (RdJsonCheck *check,
                     JsonParser  *parser,
                     const char  *data,
                     gsize        length,
                     int          syntax_code)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (length > G_MAXSSIZE || !g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error (check->error, check->domain, syntax_code,
                   _("%s: the file is not valid UTF-8 text"), check->name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* json-glib quotes the bad token cut off at a byte count, which can
       * split a character: the message is shown, so it must be UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (check->error, check->domain, syntax_code,
                   _("%s: not valid JSON: %s"), check->name, reason);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && !rd_json_node_is_utf8 (root))
    {
      g_set_error (check->error, check->domain, syntax_code,
                   _("%s: the file is not valid UTF-8 text"), check->name);
      return NULL;
    }
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

/* A string that is kept: cleaned and bounded by rd_field_clean(), with
 * "FILE: PLACE.KEY: longer than N characters" when it is too long. *@out
 * is NULL when an optional @key is missing. */
gboolean
rd_json_get_text (RdJsonCheck  *check,
                  JsonObject   *object,
                  const char   *place,
                  const char   *key,
                  gboolean      required,
                  RdField       field,
                  char        **out)
{
  g_autofree char *where = NULL;
  const char *text;

  *out = NULL;
  if (!rd_json_get_string (check, object, place, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  where = g_strdup_printf ("%s.%s", place, key);
  return rd_field_clean (field, text, check->name, where, check->domain, check->code, out, check->error);
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

