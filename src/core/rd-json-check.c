#define G_LOG_DOMAIN "rd-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* Line and column (in characters, from 1) of @at, as an editor shows them. */
static void
find_position (const char *data,
               const char *at,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
fail_at (RdJsonCheck *check,
         int          code,
         const char  *data,
         const char  *at,
         const char  *problem)
{
  guint line, column;

  find_position (data, at, &line, &column);
  /* Translators: "FILE: line 3, column 7: PROBLEM" */
  g_set_error (check->error, check->domain, code, _("%s: line %u, column %u: %s"),
               check->name, line, column, problem);
}

/* A part of the text read on its own (rd_json_load_object_in_parts()). */
typedef struct
{
  gsize start;
  gsize end;
  gsize n_members;
} Part;

/* Runs before json-glib sees the text, which recurses once per level of
 * nesting and so can be made to overflow the stack. Follows strings the
 * way json-glib does; comments and single-quoted strings, which json-glib
 * also takes but JSON does not have, are refused rather than followed.
 * Counts the members of all objects in @n_members: json-glib keeps the
 * last of a repeated key without a word. With @parts, notes where each
 * object that is an element of an array @part_depth deep lies. */
static gboolean
scan_text (RdJsonCheck *check,
           const char  *data,
           gsize        length,
           int          syntax_code,
           guint        part_depth,
           GArray      *parts,
           gsize       *n_members)
{
  const char *end = data + length;
  const char *invalid;
  char kinds[RD_JSON_MAX_DEPTH + 1] = { 0 };
  Part part = { 0 };
  gboolean in_part = FALSE;
  guint depth = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      fail_at (check, syntax_code, data, invalid, _("not valid UTF-8 text"));
      return FALSE;
    }

  *n_members = 0;
  for (const char *p = data; p < end; p++)
    {
      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          break;
        case '[':
        case '{':
          if (++depth > RD_JSON_MAX_DEPTH)
            {
              g_autofree char *problem = g_strdup_printf (_("nested deeper than %u"), RD_JSON_MAX_DEPTH);

              fail_at (check, syntax_code, data, p, problem);
              return FALSE;
            }
          kinds[depth] = *p;
          if (parts != NULL && depth == part_depth && *p == '{' && kinds[depth - 1] == '[')
            {
              part.start = p - data;
              part.n_members = 0;
              in_part = TRUE;
            }
          break;
        case ']':
        case '}':
          if (in_part && depth == part_depth)
            {
              part.end = p - data + 1;
              g_array_append_val (parts, part);
              in_part = FALSE;
            }
          if (depth > 0)
            depth--;
          break;
        case ':':
          (*n_members)++;
          part.n_members++;
          break;
        case '\'':
        case '/':
          {
            g_autofree char *problem = g_strdup_printf (_("not valid JSON: unexpected “%c”"), *p);

            fail_at (check, syntax_code, data, p, problem);
            return FALSE;
          }
        default:
          break;
        }
    }

  return TRUE;
}

/* json-glib turns octal escapes ("\333") and lone surrogates ("\ud800")
 * into bytes that are not UTF-8, even in a file that is: such a string
 * would reach messages, the window and the database. Walks the tree
 * without recursion, however deep it nests; adds up the objects' members. */
static gboolean
walk_tree (JsonNode *root,
           gsize    *n_members)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  *n_members = 0;
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

            *n_members += json_object_get_size (object);
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

/* Finding a repeated key, once the member count says there is one: the
 * file is read again with the parser's signals, which tell each member as
 * it is stored. An object that holds fewer members than were stored in it
 * lost one to a repeated key. */
typedef struct
{
  GArray *counts;        /* members stored in each open object, innermost last */
  JsonObject *object;    /* the first with a repeated key */
  char *key;
} Repeats;

static void
on_object_start (JsonParser *parser,
                 Repeats    *repeats)
{
  guint zero = 0;

  g_array_append_val (repeats->counts, zero);
}

static void
on_object_member (JsonParser  *parser,
                  JsonObject  *object,
                  const char  *key,
                  Repeats     *repeats)
{
  guint *count;

  if (repeats->counts->len == 0)
    return;
  count = &g_array_index (repeats->counts, guint, repeats->counts->len - 1);
  (*count)++;
  if (repeats->object == NULL && json_object_get_size (object) < *count)
    {
      repeats->object = object;
      repeats->key = g_strdup (key);
    }
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               Repeats    *repeats)
{
  if (repeats->counts->len > 0)
    g_array_set_size (repeats->counts, repeats->counts->len - 1);
}

/* The place of @target under @node, as the readers write places
 * ("assessments[0].respondents[3].answers"), and the key whose value it is
 * (none for an element of an array).
 * Recursion is safe: the text was checked not to nest too deeply. */
static gboolean
find_place (JsonNode    *node,
            JsonObject  *target,
            GString     *place,
            const char **holder)
{
  gsize mark = place->len;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (object == target)
        return TRUE;
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          g_string_append_printf (place, "%s%s", place->len > 0 ? "." : "", (const char *) l->data);
          if (find_place (member, target, place, holder))
            {
              if (JSON_NODE_HOLDS_OBJECT (member) && json_node_get_object (member) == target)
                *holder = l->data;
              return TRUE;
            }
          g_string_truncate (place, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (place, "[%u]", i);
          if (find_place (json_array_get_element (array, i), target, place, holder))
            return TRUE;
          g_string_truncate (place, mark);
        }
    }

  return FALSE;
}

static void
fail_repeated_key (RdJsonCheck *check,
                   JsonParser  *parser,
                   const char  *data,
                   gsize        length)
{
  Repeats repeats = { g_array_new (FALSE, FALSE, sizeof (guint)), NULL, NULL };
  g_autoptr(GString) place = g_string_new (NULL);
  const char *holder = NULL;
  gulong handlers[3];

  handlers[0] = g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &repeats);
  handlers[1] = g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &repeats);
  handlers[2] = g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &repeats);
  if (json_parser_load_from_data (parser, data, (gssize) length, NULL) && repeats.object != NULL)
    find_place (json_parser_get_root (parser), repeats.object, place, &holder);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_handler_disconnect (parser, handlers[i]);

  /* Not expected: the count said a key was repeated. */
  if (repeats.object == NULL)
    rd_json_fail (check, "top level", _("a key appears twice in an object"));
  else if (holder != NULL && check->item_maps != NULL && g_strv_contains (check->item_maps, holder))
    rd_json_fail (check, place->len > 0 ? place->str : "top level", _("item “%s” appears twice"), repeats.key);
  else
    rd_json_fail (check, place->len > 0 ? place->str : "top level", _("key “%s” appears twice"), repeats.key);

  g_array_unref (repeats.counts);
  g_free (repeats.key);
}

/* The place of the first text under @node that is not UTF-8 (a string,
 * or a key of the object at @place), for the message. Recursion is safe:
 * the text was checked not to nest too deeply. */
static gboolean
find_bad_text (JsonNode *node,
               GString  *place)
{
  gsize mark = place->len;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_utf8_validate (l->data, -1, NULL))
          return TRUE;
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_string_append_printf (place, "%s%s", place->len > 0 ? "." : "", (const char *) l->data);
          if (find_bad_text (json_object_get_member (object, l->data), place))
            return TRUE;
          g_string_truncate (place, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (place, "[%u]", i);
          if (find_bad_text (json_array_get_element (array, i), place))
            return TRUE;
          g_string_truncate (place, mark);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      return !g_utf8_validate (json_node_get_string (node), -1, NULL);
    }

  return FALSE;
}

/* An escape ("\333", a lone "\ud800") made text that is not UTF-8: named by
 * its place in the tree, as the text itself no longer shows it. */
static void
fail_bad_text (RdJsonCheck *check,
               JsonNode    *root,
               int          syntax_code)
{
  g_autoptr(GString) place = g_string_new (NULL);

  find_bad_text (root, place);
  g_set_error (check->error, check->domain, syntax_code, "%s: %s: %s", check->name,
               place->len > 0 ? place->str : "top level", _("not valid UTF-8 text"));
}

/* Where json-glib stopped: its message begins "<data>:LINE:COLUMN:". */
static gboolean
parse_error_place (const GError *parse_error,
                   guint        *line,
                   guint        *column)
{
  const char *place = strstr (parse_error->message, "<data>:");

  return place != NULL && sscanf (place, "<data>:%u:%u:", line, column) == 2;
}

/* What a JSON reader expects next. */
typedef enum {
  WANT_VALUE,          /* after : or an array's comma */
  WANT_FIRST_VALUE,    /* after [: a value or ] */
  WANT_NAME,           /* after an object's comma */
  WANT_FIRST_NAME,     /* after {: a name or } */
  WANT_COLON,
  WANT_COMMA,          /* after a value in [ ] or { }: a comma or the closing bracket */
  WANT_END,
} Want;

static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end && *p != '"'; p++)
    if (*p == '\\')
      p++;
  return p < end ? p + 1 : NULL;
}

static gboolean
starts_value (char c)
{
  return c == '"' || c == '[' || c == '{' || c == '-' || g_ascii_isalnum (c);
}

/* The first place where @data breaks JSON's grammar and what is wrong
 * there, in words (json-glib's messages and codes are for programmers and
 * often name the wrong thing); NULL if none is found. The text was scanned
 * not to nest deeper than RD_JSON_MAX_DEPTH. */
static char *
find_syntax_fault (const char  *data,
                   gsize        length,
                   const char **at)
{
  const char *end = data + length;
  char open[RD_JSON_MAX_DEPTH + 1];
  guint depth = 0;
  Want want = WANT_VALUE;

  for (const char *p = data;; )
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      *at = p;
      if (p == end)
        {
          if (want == WANT_END)
            return NULL;
          return g_strdup (depth > 0 ? _("the file ends before every [ and { is closed: it may have been cut off")
                                     : _("the file ends where a value should follow"));
        }

      switch (want)
        {
        case WANT_END:
          return g_strdup (_("there is more after the end of the JSON object"));

        case WANT_COLON:
          if (*p != ':')
            return g_strdup (_("a colon is missing after the name"));
          want = WANT_VALUE;
          p++;
          continue;

        case WANT_FIRST_NAME:
        case WANT_NAME:
          if (*p == '}' && want == WANT_FIRST_NAME)
            break;
          if (*p == '}')
            return g_strdup (_("a comma is followed by a closing brace, with no name and value after it"));
          if (*p != '"')
            return g_strdup (_("a name in double quotes should begin here"));
          if ((p = skip_string (p, end)) == NULL)
            return g_strdup (_("the file ends inside a text in quotes: it may have been cut off"));
          want = WANT_COLON;
          continue;

        case WANT_COMMA:
          if (*p == ',')
            {
              want = open[depth] == '{' ? WANT_NAME : WANT_VALUE;
              p++;
              continue;
            }
          if (*p == ']' || *p == '}')
            break;
          if (starts_value (*p))
            return g_strdup (_("a comma is missing between two values"));
          return g_strdup (_("a character that does not belong here: a comma or a closing bracket should follow"));

        case WANT_VALUE:
        case WANT_FIRST_VALUE:
        default:
          if (*p == ']' && want == WANT_FIRST_VALUE)
            break;
          if (*p == ']' && depth > 0 && open[depth] == '[')
            return g_strdup (_("a comma is followed by a closing bracket, with no value after it"));
          if (*p == '[' || *p == '{')
            {
              open[++depth] = *p;
              want = *p == '[' ? WANT_FIRST_VALUE : WANT_FIRST_NAME;
              p++;
              continue;
            }
          if (*p == '"')
            {
              if ((p = skip_string (p, end)) == NULL)
                return g_strdup (_("the file ends inside a text in quotes: it may have been cut off"));
            }
          else if (*p == '-' || g_ascii_isdigit (*p))
            {
              while (p < end && (g_ascii_isdigit (*p) || strchr ("+-.eE", *p) != NULL))
                p++;
            }
          else if (g_ascii_isalpha (*p))
            {
              const char *word = p;
              g_autofree char *text = NULL;

              while (p < end && (g_ascii_isalnum (*p) || *p == '_'))
                p++;
              text = g_strndup (word, (gsize) (p - word));
              if (!g_str_equal (text, "true") && !g_str_equal (text, "false") && !g_str_equal (text, "null"))
                /* Translators: %s is a word found where a value should be */
                return g_strdup_printf (_("“%s” is not a JSON value: text goes in double quotes, and true, "
                                          "false and null are written in lower case"), text);
            }
          else
            return g_strdup (_("a character that does not belong here: a value should begin here"));
          want = depth > 0 ? WANT_COMMA : WANT_END;
          continue;
        }

      /* A closing bracket or brace, where one may come. */
      if (depth == 0 || (*p == ']') != (open[depth] == '['))
        return g_strdup (*p == ']' ? _("this ] closes a { (a } is missing or misplaced)")
                                   : _("this } closes a [ (a ] is missing or misplaced)"));
      depth--;
      want = depth > 0 ? WANT_COMMA : WANT_END;
      p++;
    }
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
  gsize n_written, n_kept;

  if (length > G_MAXSSIZE)
    {
      g_set_error (check->error, check->domain, syntax_code,
                   _("%s: the file is not valid UTF-8 text"), check->name);
      return NULL;
    }
  if (!scan_text (check, data, length, syntax_code, 0, NULL, &n_written))
    return NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* json-glib's own words ("<data>:100:34: Parse error: unexpected
       * character…") are for programmers: say what is wrong, and where. */
      const char *at = data;
      g_autofree char *problem = find_syntax_fault (data, length, &at);
      guint line, column;

      if (problem != NULL)
        fail_at (check, syntax_code, data, at, problem);
      else if (parse_error_place (parse_error, &line, &column))
        g_set_error (check->error, check->domain, syntax_code, _("%s: line %u, column %u: %s"),
                     check->name, line, column, _("not valid JSON"));
      else
        g_set_error (check->error, check->domain, syntax_code, _("%s: not valid JSON"), check->name);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && !walk_tree (root, &n_kept))
    {
      fail_bad_text (check, root, syntax_code);
      return NULL;
    }
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rd_json_fail (check, "top level", _("the file must hold a JSON object"));
      return NULL;
    }
  if (n_kept != n_written)
    {
      fail_repeated_key (check, parser, data, length);
      return NULL;
    }

  return json_node_get_object (root);
}

struct _RdJsonParts
{
  const char *data;
  gsize length;
  int syntax_code;
  GArray *parts;          /* of Part, in the order of the text */
  GHashTable *by_node;    /* the stand-in of each part in the tree -> its Part */
};

void
rd_json_parts_free (RdJsonParts *parts)
{
  g_array_unref (parts->parts);
  g_hash_table_unref (parts->by_node);
  g_free (parts);
}

/* Anything that went wrong with the text in parts is found again by
 * reading it whole, which gives the message a whole reading gives. */
static void
fail_whole (RdJsonCheck *check,
            const char  *data,
            gsize        length,
            int          syntax_code)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* Not expected: the parts broke a rule the whole does not. */
  if (rd_json_load_object (check, parser, data, length, syntax_code) != NULL)
    rd_json_fail (check, "top level", _("not valid JSON"));
}

/* The stand-ins ({}) of the parts, in the order of the text: the objects
 * that are elements of arrays @part_depth deep. Recursion is safe: the
 * text was checked not to nest too deeply. */
static void
collect_stand_ins (JsonNode  *node,
                   guint      depth,
                   guint      part_depth,
                   gboolean   in_array,
                   GPtrArray *found)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (depth == part_depth && in_array)
        {
          g_ptr_array_add (found, node);
          return;
        }
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        collect_stand_ins (json_object_get_member (object, l->data), depth + 1, part_depth, FALSE, found);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_stand_ins (json_array_get_element (array, i), depth + 1, part_depth, TRUE, found);
    }
}

JsonObject *
rd_json_load_object_in_parts (RdJsonCheck  *check,
                              JsonParser   *parser,
                              const char   *data,
                              gsize         length,
                              int           syntax_code,
                              guint         part_depth,
                              RdJsonParts **parts_out)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_autoptr(GPtrArray) stand_ins = NULL;
  g_autoptr(GString) outline = NULL;
  RdJsonParts *result;
  JsonNode *root;
  gsize n_written, n_in_parts = 0, n_kept, from = 0;

  *parts_out = NULL;
  if (length > G_MAXSSIZE)
    {
      g_set_error (check->error, check->domain, syntax_code,
                   _("%s: the file is not valid UTF-8 text"), check->name);
      return NULL;
    }
  if (!scan_text (check, data, length, syntax_code, part_depth, parts, &n_written))
    return NULL;
  if (parts->len == 0)
    return rd_json_load_object (check, parser, data, length, syntax_code);

  /* The text without its parts: each one becomes {} and the line breaks
   * it had, so that what follows stays on its line. */
  outline = g_string_sized_new (MIN (length, 64 * 1024));
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);

      g_string_append_len (outline, data + from, (gssize) (part->start - from));
      g_string_append (outline, "{}");
      for (gsize b = part->start; b < part->end; b++)
        if (data[b] == '\n')
          g_string_append_c (outline, '\n');
      from = part->end;
      n_in_parts += part->n_members;
    }
  g_string_append_len (outline, data + from, (gssize) (length - from));

  stand_ins = g_ptr_array_new ();
  if (!json_parser_load_from_data (parser, outline->str, (gssize) outline->len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !walk_tree (root, &n_kept) || n_kept != n_written - n_in_parts ||
      (collect_stand_ins (root, 1, part_depth, FALSE, stand_ins), stand_ins->len != parts->len))
    {
      fail_whole (check, data, length, syntax_code);
      return NULL;
    }

  result = g_new0 (RdJsonParts, 1);
  result->data = data;
  result->length = length;
  result->syntax_code = syntax_code;
  result->parts = g_steal_pointer (&parts);
  result->by_node = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < stand_ins->len; i++)
    g_hash_table_insert (result->by_node, g_ptr_array_index (stand_ins, i),
                         &g_array_index (result->parts, Part, i));
  *parts_out = result;
  return json_node_get_object (root);
}

JsonNode *
rd_json_load_part (RdJsonCheck *check,
                   RdJsonParts *parts,
                   JsonNode    *node,
                   JsonParser  *parser)
{
  const Part *part = parts != NULL ? g_hash_table_lookup (parts->by_node, node) : NULL;
  JsonNode *root;
  gsize n_kept;

  if (part == NULL)
    return node;

  if (!json_parser_load_from_data (parser, parts->data + part->start, (gssize) (part->end - part->start), NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !walk_tree (root, &n_kept) || n_kept != part->n_members)
    {
      fail_whole (check, parts->data, parts->length, parts->syntax_code);
      return NULL;
    }
  return root;
}

gboolean
rd_json_part_text (RdJsonParts  *parts,
                   JsonNode     *node,
                   const char  **text,
                   gsize        *length)
{
  const Part *part = parts != NULL ? g_hash_table_lookup (parts->by_node, node) : NULL;

  if (part == NULL)
    return FALSE;
  *text = parts->data + part->start;
  *length = part->end - part->start;
  return TRUE;
}

guint64
rd_json_max_bytes (RdJsonKind kind)
{
  switch (kind)
    {
    case RD_JSON_KIND_FRAMEWORK:
      return RD_FRAMEWORK_MAX_BYTES;
    case RD_JSON_KIND_RESPONSE:
      return RD_RESPONSE_FILE_MAX_BYTES;
    case RD_JSON_KIND_EXCHANGE:
    default:
      return RD_EXCHANGE_MAX_BYTES;
    }
}

gboolean
rd_json_check_size (const char  *name,
                    RdJsonKind   kind,
                    guint64      size,
                    GQuark       domain,
                    int          code,
                    GError     **error)
{
  guint64 max = rd_json_max_bytes (kind);
  guint max_mb = (guint) (max / RD_MB);
  g_autofree char *mb = NULL;
  double tenths;

  if (size <= max)
    return TRUE;

  /* Rounded up, so that a file just over the limit does not read as the
   * limit itself. */
  tenths = ceil ((double) size * 10.0 / RD_MB) / 10.0;
  mb = g_strdup_printf (tenths == floor (tenths) ? "%.0f" : "%.1f", tenths);
  switch (kind)
    {
    case RD_JSON_KIND_FRAMEWORK:
      g_set_error (error, domain, code, _("%s: the file is %s MB, more than the %u MB a framework file may have"),
                   name, mb, max_mb);
      break;
    case RD_JSON_KIND_RESPONSE:
      g_set_error (error, domain, code, _("%s: the file is %s MB, more than the %u MB a response file may have"),
                   name, mb, max_mb);
      break;
    case RD_JSON_KIND_EXCHANGE:
    default:
      g_set_error (error, domain, code, _("%s: the file is %s MB, more than the %u MB an exchange file may have"),
                   name, mb, max_mb);
      break;
    }
  return FALSE;
}

char *
rd_json_read_file (GFile       *file,
                   const char  *name,
                   RdJsonKind   kind,
                   GQuark       domain,
                   int          too_large_code,
                   gsize       *length,
                   GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  guint64 max = rd_json_max_bytes (kind);
  gsize size = 0, allocated, n_read;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  /* Asked of the open file, so that it is the file then read. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, error);
  if (info == NULL)
    return NULL;
  if (!rd_json_check_size (name, kind, (guint64) MAX (g_file_info_get_size (info), 0), domain, too_large_code, error))
    return NULL;

  /* Room for the size stated and one byte more, to see a file that grew;
   * a pipe or device states 0 and grows its buffer up to the limit. */
  allocated = (gsize) g_file_info_get_size (info) + 1;
  contents = g_malloc (allocated + 1);
  for (;;)
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), contents + size, allocated - size, &n_read, NULL, error))
        return NULL;
      size += n_read;
      if (!rd_json_check_size (name, kind, size, domain, too_large_code, error))
        return NULL;
      if (size < allocated)
        break;
      allocated = MIN (allocated * 2, max + 1);
      contents = g_realloc (contents, allocated + 1);
    }
  contents[size] = '\0';

  *length = size;
  return g_steal_pointer (&contents);
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

