#define G_LOG_DOMAIN "rd-response-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-errors.h"
#include "rd-input.h"
#include "rd-json-check.h"
#include "rd-response-file.h"

#define FORMAT_NAME "readiness-response"

static JsonNode *
build_answer (RdItem         *item,
              const RdAnswer *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, rd_item_get_id (item));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, rd_item_accepts_version (item, answer->item_version)
                                       ? answer->item_version : rd_item_get_version (item));
  if (answer->not_applicable)
    {
      json_builder_set_member_name (builder, "not_applicable");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    {
      GDate date;
      char iso[16];

      rd_answer_get_date (answer, &date);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
    }
  else
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, answer->value);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Written whole beside @path and renamed into place, private to the user:
 * these are one person's answers. */
gboolean
rd_response_file_write (const RdResponse  *response,
                        RdFramework       *framework,
                        const char        *school_year,
                        const char        *path,
                        GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;

  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, RD_RESPONSE_FILE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rd_framework_get_id (framework));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, rd_framework_get_version (framework));
  json_builder_end_object (builder);
  if (school_year != NULL)
    {
      json_builder_set_member_name (builder, "school_year");
      json_builder_add_string_value (builder, school_year);
    }
  json_builder_set_member_name (builder, "group");
  json_builder_add_string_value (builder, rd_group_to_id (response->group));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < response->answers->len; i++)
    {
      const RdAnswer *answer = g_ptr_array_index (response->answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (item != NULL)
        json_builder_add_value (builder, build_answer (item, answer));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static gboolean
read_answer (RdJsonCheck *check,
             JsonNode    *node,
             guint        index,
             RdFramework *framework,
             GHashTable  *seen,
             RdResponse  *response)
{
  static const char * const keys[] = { "item", "version", "value", "date", "not_applicable", NULL };
  g_autofree char *place = g_strdup_printf ("answers[%u]", index);
  g_autoptr(GError) value_error = NULL;
  const char *item_id;
  JsonObject *object;
  JsonNode *not_applicable;
  RdAnswer *answer;
  RdItem *item;
  guint version;
  int kinds = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (check, place, _("an answer must be an object"));
  object = json_node_get_object (node);

  if (!rd_json_check_keys (check, object, place, keys) ||
      !rd_json_get_string (check, object, place, "item", TRUE, &item_id))
    return FALSE;

  g_free (place);
  place = g_strdup_printf ("answers[%u] “%s”", index, item_id);

  item = rd_framework_lookup_item (framework, item_id);
  if (item == NULL)
    return rd_json_fail (check, place, _("the framework has no such item"));
  if (g_hash_table_contains (seen, item_id))
    return rd_json_fail (check, place, _("the item is answered twice"));
  g_hash_table_add (seen, (char *) rd_item_get_id (item));

  if (!rd_json_get_positive_int (check, object, place, "version", TRUE, &version))
    return FALSE;
  if (!rd_item_accepts_version (item, version))
    return rd_json_fail (check, place, _("version %u of the item cannot be compared with version %u"),
                         version, rd_item_get_version (item));

  kinds = json_object_has_member (object, "value") + json_object_has_member (object, "date") +
          json_object_has_member (object, "not_applicable");
  if (kinds != 1)
    return rd_json_fail (check, place, _("an answer needs exactly one of “value”, “date” and “not_applicable”"));

  answer = rd_response_add_answer (response, rd_item_get_id (item), version);

  not_applicable = json_object_get_member (object, "not_applicable");
  if (not_applicable != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (not_applicable) || json_node_get_value_type (not_applicable) != G_TYPE_BOOLEAN ||
          !json_node_get_boolean (not_applicable))
        return rd_json_fail (check, place, _("“not_applicable” can only be true"));
      answer->not_applicable = TRUE;
      return TRUE;
    }

  if (json_object_has_member (object, "date"))
    {
      GDate date, today;
      const char *text;

      if (!rd_json_get_string (check, object, place, "date", TRUE, &text))
        return FALSE;
      if (rd_item_get_kind (item) != RD_ITEM_KIND_DATE)
        return rd_json_fail (check, place, _("the item takes a value, not a date"));
      if (!rd_input_parse_date (text, &date, &value_error))
        return rd_json_fail (check, place, "%s", value_error->message);
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      if (!rd_item_check_date (item, &date, &today, &value_error))
        return rd_json_fail (check, place, "%s", value_error->message);
      answer->julian_day = g_date_get_julian (&date);
      return TRUE;
    }

  if (!rd_json_get_number (check, object, place, "value", TRUE, &answer->value))
    return FALSE;
  if (!rd_item_check_value (item, answer->value, &value_error))
    return rd_json_fail (check, place, "%s", value_error->message);

  return TRUE;
}

RdResponse *
rd_response_file_parse (const char   *data,
                        gsize         length,
                        const char   *name,
                        RdFramework  *framework,
                        GError      **error)
{
  static const char * const keys[] = {
    "format", "format_version", "framework", "school_year", "group", "created", "answers", NULL
  };
  static const char * const framework_keys[] = { "id", "version", NULL };
  RdJsonCheck check = { name ? name : "response", error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) part_parser = json_parser_new_immutable ();
  g_autoptr(RdJsonParts) parts = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RdResponse) response = NULL;
  JsonObject *root, *framework_object;
  JsonArray *answers;
  const char *format, *framework_id, *framework_version, *group_id, *text;
  guint format_version;
  RdGroup group;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  if (!rd_json_check_size (check.name, RD_JSON_KIND_RESPONSE, length, RD_IMPORT_ERROR,
                           RD_IMPORT_ERROR_TOO_LARGE, error))
    return NULL;
  /* The answers (root, answers, an answer: three deep) are read one at a
   * time, so that a large file's tree is never whole. */
  root = rd_json_load_object_in_parts (&check, parser, data, length, RD_IMPORT_ERROR_SYNTAX, 3, &parts);
  if (root == NULL)
    return NULL;

  if (!rd_json_get_string (&check, root, "format", "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      rd_json_fail (&check, "format", _("“%s” is not a Readiness response file"), format);
      return NULL;
    }
  if (!rd_json_get_positive_int (&check, root, "format_version", "format_version", TRUE, &format_version))
    return NULL;
  if (format_version != RD_RESPONSE_FILE_FORMAT_VERSION)
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VERSION,
                   _("%s: format_version: version %u is not supported; this Readiness reads version %d"),
                   check.name, format_version, RD_RESPONSE_FILE_FORMAT_VERSION);
      return NULL;
    }
  if (!rd_json_check_keys (&check, root, "top level", keys))
    return NULL;

  framework_object = rd_json_get_object (&check, root, "framework", "framework", TRUE);
  if (framework_object == NULL ||
      !rd_json_check_keys (&check, framework_object, "framework", framework_keys) ||
      !rd_json_get_string (&check, framework_object, "framework", "id", TRUE, &framework_id) ||
      !rd_json_get_string (&check, framework_object, "framework", "version", TRUE, &framework_version))
    return NULL;
  if (!g_str_equal (framework_id, rd_framework_get_id (framework)))
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_FRAMEWORK,
                   _("%s: framework: the answers are to “%s”, not to “%s”"),
                   check.name, framework_id, rd_framework_get_id (framework));
      return NULL;
    }

  if (!rd_json_get_string (&check, root, "school_year", "school_year", FALSE, &text) ||
      !rd_json_get_string (&check, root, "created", "created", FALSE, &text) ||
      !rd_json_get_string (&check, root, "group", "group", TRUE, &group_id))
    return NULL;
  if (!rd_group_from_id (group_id, &group))
    {
      rd_json_fail (&check, "group", _("unknown group “%s”"), group_id);
      return NULL;
    }

  response = rd_response_new (group);
  if (json_object_get_member (root, "answers") != NULL &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "answers")) &&
      json_array_get_length (json_node_get_array (json_object_get_member (root, "answers"))) == 0)
    return g_steal_pointer (&response);  /* someone who answered nothing */

  answers = rd_json_get_array (&check, root, "answers", "answers");
  if (answers == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonNode *node = rd_json_load_part (&check, parts, json_array_get_element (answers, i), part_parser);

      if (node == NULL || !read_answer (&check, node, i, framework, seen, response))
        return NULL;
    }
  /* Read and checked all the same: the file is sound, these answers just
   * do not count. */
  rd_response_leave_out_unasked (response, framework);

  return g_steal_pointer (&response);
}

RdResponse *
rd_response_file_load (GFile        *file,
                       RdFramework  *framework,
                       GError      **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  name = g_file_get_basename (file);
  contents = rd_json_read_file (file, name, RD_JSON_KIND_RESPONSE, RD_IMPORT_ERROR, RD_IMPORT_ERROR_TOO_LARGE,
                                &length, error);
  if (contents == NULL)
    return NULL;

  return rd_response_file_parse (contents, length, name, framework, error);
}

/* Every file, or none: the first bad file's error, naming it, and NULL. */
GPtrArray *
rd_response_file_load_all (GFile * const  *files,
                           guint           n_files,
                           RdFramework    *framework,
                           GError        **error)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);

  for (guint i = 0; i < n_files; i++)
    {
      RdResponse *response = rd_response_file_load (files[i], framework, error);

      if (response == NULL)
        return NULL;
      g_ptr_array_add (responses, response);
    }

  return g_steal_pointer (&responses);
}
