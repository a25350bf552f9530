#pragma once

#include <json-glib/json-glib.h>

#include "rd-limits.h"

G_BEGIN_DECLS

/* Strict reading of the JSON files users and other tools write: every
 * failure sets an error "NAME: PLACE: PROBLEM" and returns FALSE/NULL. */
typedef struct
{
  const char *name;   /* the file's name, for messages */
  GError **error;
  GQuark domain;      /* the error every failure sets */
  int code;
} RdJsonCheck;

/* Parses @data with @parser: the top-level object, or NULL after an error
 * in check->domain with @syntax_code (not UTF-8, not JSON) or check->code
 * (not an object). */
JsonObject *rd_json_load_object      (RdJsonCheck        *check,
                                      JsonParser         *parser,
                                      const char         *data,
                                      gsize               length,
                                      int                 syntax_code);
/* Whether every string and member name under @root is UTF-8: the parser
 * lets escapes make bytes that are not. */
gboolean    rd_json_node_is_utf8     (JsonNode           *root);
gboolean    rd_json_fail             (RdJsonCheck        *check,
                                      const char         *place,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (3, 4);
gboolean    rd_json_check_keys       (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char * const *allowed);
JsonNode   *rd_json_get_member       (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required);
gboolean    rd_json_get_string       (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required,
                                      const char        **out);
gboolean    rd_json_get_text         (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required,
                                      RdField             field,
                                      char              **out);
gboolean    rd_json_get_number       (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required,
                                      double             *out);
gboolean    rd_json_get_positive_int (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required,
                                      guint              *out);
JsonArray  *rd_json_get_any_array    (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key);
JsonArray  *rd_json_get_array        (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key);
JsonObject *rd_json_get_object       (RdJsonCheck        *check,
                                      JsonObject         *object,
                                      const char         *place,
                                      const char         *key,
                                      gboolean            required);

G_END_DECLS
