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
  /* Members whose keys are item ids, so that a repeated key is called an
   * item in messages; NULL-terminated, or NULL. */
  const char * const *item_maps;
} RdJsonCheck;

/* How deeply [ and { may nest: the formats need 6, json-glib recurses
 * once per level and runs out of stack somewhere past ten thousand. The
 * format documents state it. */
#define RD_JSON_MAX_DEPTH 64

/* The kinds of JSON files, each with its largest size (stated in its
 * format document): a file is refused by its size before it is read. */
typedef enum {
  RD_JSON_KIND_FRAMEWORK,
  RD_JSON_KIND_RESPONSE,
  RD_JSON_KIND_EXCHANGE,
} RdJsonKind;

#define RD_MB (1024 * 1024)
#define RD_FRAMEWORK_MAX_BYTES     (4 * RD_MB)
#define RD_RESPONSE_FILE_MAX_BYTES (1 * RD_MB)
#define RD_EXCHANGE_MAX_BYTES      (16 * RD_MB)

guint64     rd_json_max_bytes        (RdJsonKind          kind);
/* FALSE and "NAME: the file is N MB, more than the M MB a … file may
 * have" in @domain/@code when @size is over the limit of @kind. */
gboolean    rd_json_check_size       (const char         *name,
                                      RdJsonKind          kind,
                                      guint64             size,
                                      GQuark              domain,
                                      int                 code,
                                      GError            **error);
/* The whole of @file, its size checked before anything is read and its
 * bytes counted while reading (it may grow meanwhile). */
char       *rd_json_read_file        (GFile              *file,
                                      const char         *name,
                                      RdJsonKind          kind,
                                      GQuark              domain,
                                      int                 too_large_code,
                                      gsize              *length,
                                      GError            **error);

/* Parses @data with @parser: the top-level object, or NULL after an error
 * in check->domain with @syntax_code (not UTF-8, not JSON, nested deeper
 * than RD_JSON_MAX_DEPTH) or check->code (not an object, a key repeated
 * in an object). */
JsonObject *rd_json_load_object      (RdJsonCheck        *check,
                                      JsonParser         *parser,
                                      const char         *data,
                                      gsize               length,
                                      int                 syntax_code);
/* The same, for a large file: the objects that are elements of arrays
 * @part_depth deep (an exchange file's respondents and actions) are left
 * out of the tree, each replaced by a stand-in {}, and read one at a time
 * with rd_json_load_part(), so that json-glib's tree (about five times the
 * size of its text) is never built whole. Every error is the one a whole
 * reading gives; @data must outlive @parts. */
typedef struct _RdJsonParts RdJsonParts;

JsonObject *rd_json_load_object_in_parts (RdJsonCheck        *check,
                                          JsonParser         *parser,
                                          const char         *data,
                                          gsize               length,
                                          int                 syntax_code,
                                          guint               part_depth,
                                          RdJsonParts       **parts);
/* @node, or the part it stands in for, read with @parser; NULL after an
 * error. */
JsonNode   *rd_json_load_part        (RdJsonCheck        *check,
                                      RdJsonParts        *parts,
                                      JsonNode           *node,
                                      JsonParser         *parser);
/* The text of the part @node stands in for; FALSE if it stands for none. */
gboolean    rd_json_part_text        (RdJsonParts        *parts,
                                      JsonNode           *node,
                                      const char        **text,
                                      gsize              *length);
void        rd_json_parts_free       (RdJsonParts        *parts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdJsonParts, rd_json_parts_free)

/* Whether every string and member name under @root is UTF-8: the parser
 * lets escapes make bytes that are not. */
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
