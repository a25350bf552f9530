#define G_LOG_DOMAIN "rd-framework"

#include "config.h"

#include <string.h>

#include "rd-errors.h"
#include "rd-framework-private.h"
#include "rd-json-check.h"

G_DEFINE_FINAL_TYPE (RdFramework, rd_framework, G_TYPE_OBJECT)

static void
rd_framework_finalize (GObject *object)
{
  RdFramework *self = RD_FRAMEWORK (object);

  g_free (self->id);
  g_free (self->version);
  g_strfreev (self->languages);
  g_clear_pointer (&self->title, rd_text_unref);
  g_clear_pointer (&self->description, rd_text_unref);
  g_clear_pointer (&self->areas_by_id, g_hash_table_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_framework_parent_class)->finalize (object);
}

static void
rd_framework_class_init (RdFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_framework_finalize;
}

static void
rd_framework_init (RdFramework *self)
{
  self->areas = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_retired_item_free);
}

RdFramework *
rd_framework_new (void)
{
  return g_object_new (RD_TYPE_FRAMEWORK, NULL);
}

/* Takes @replaced_by and @reason. */
RdRetiredItem *
rd_retired_item_new (const char *id,
                     guint       version,
                     GStrv       replaced_by,
                     RdText     *reason)
{
  RdRetiredItem *retired = g_new0 (RdRetiredItem, 1);

  retired->id = g_strdup (id);
  retired->version = version;
  retired->replaced_by = (const char * const *) (replaced_by != NULL ? replaced_by : g_new0 (char *, 1));
  retired->reason = reason;
  return retired;
}

void
rd_retired_item_free (RdRetiredItem *retired)
{
  if (retired == NULL)
    return;
  g_free ((char *) retired->id);
  g_strfreev ((GStrv) retired->replaced_by);
  if (retired->reason != NULL)
    rd_text_unref ((RdText *) retired->reason);
  g_free (retired);
}

RdFramework *
rd_framework_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return rd_framework_parse (data, length, name, error);
}

RdFramework *
rd_framework_new_from_file (GFile   *file,
                            GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  contents = rd_json_read_file (file, name, RD_JSON_KIND_FRAMEWORK, RD_FRAMEWORK_ERROR, RD_FRAMEWORK_ERROR_TOO_LARGE,
                                &length, error);
  if (contents == NULL)
    return NULL;

  return rd_framework_parse (contents, length, name, error);
}

/* The built-in framework is compiled into the core so that it can never be
 * missing or replaced by a broken installed copy. */
RdFramework *
rd_framework_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/frameworks/" RD_BUILTIN_FRAMEWORK_ID ".json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return rd_framework_new_from_bytes (bytes, RD_BUILTIN_FRAMEWORK_ID ".json", error);
}

/* Earlier editions of the built-in framework, kept as frozen files so that
 * an assessment answered with one keeps its questions and figures. Each is
 * read once and lives as long as the process: results of many years would
 * otherwise parse it again and again. */
static GHashTable *builtin_editions;  /* version → RdFramework, or no value: none */
G_LOCK_DEFINE_STATIC (builtin_editions);

static gboolean
is_edition_version (const char *version)
{
  if (version == NULL || *version == '\0' || strlen (version) > 16)
    return FALSE;
  for (const char *c = version; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && *c != '.')
      return FALSE;
  return TRUE;
}

static RdFramework *
load_builtin_edition (const char *version)
{
  g_autofree char *name = g_strdup_printf (RD_BUILTIN_FRAMEWORK_ID "-%s.json", version);
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/frameworks/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  RdFramework *edition;

  if (bytes == NULL)
    return NULL;
  edition = rd_framework_new_from_bytes (bytes, name, &error);
  if (edition == NULL)
    g_critical ("The built-in edition %s cannot be read: %s", name, error->message);
  return edition;
}

/**
 * rd_framework_get_edition:
 * @framework: the framework the caller holds
 * @framework_id: the framework an assessment records
 * @version: the version it records
 *
 * The framework an assessment was answered with: @framework itself when the
 * ids and versions agree or nothing else is known, or the earlier edition of
 * the built-in framework that the resources keep for @version.
 *
 * Returns: (transfer none): a framework that lives at least as long as @framework
 */
RdFramework *
rd_framework_get_edition (RdFramework *framework,
                          const char  *framework_id,
                          const char  *version)
{
  RdFramework *edition;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  if (g_strcmp0 (version, framework->version) == 0 ||
      g_strcmp0 (framework_id, framework->id) != 0 ||
      !g_str_equal (framework->id, RD_BUILTIN_FRAMEWORK_ID) ||
      !is_edition_version (version))
    return framework;

  G_LOCK (builtin_editions);
  if (builtin_editions == NULL)
    builtin_editions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (!g_hash_table_lookup_extended (builtin_editions, version, NULL, (gpointer *) &edition))
    {
      edition = load_builtin_edition (version);
      g_hash_table_insert (builtin_editions, g_strdup (version), edition);
    }
  G_UNLOCK (builtin_editions);

  return edition != NULL ? edition : framework;
}

const char *
rd_framework_get_id (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return self->id;
}

const char *
rd_framework_get_version (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return self->version;
}

const char * const *
rd_framework_get_languages (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return (const char * const *) self->languages;
}

const RdText *
rd_framework_get_title (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return self->title;
}

const RdText *
rd_framework_get_description (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return self->description;
}

double
rd_framework_get_default_target (RdFramework *self,
                                 RdFactor     factor)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), 0);
  g_return_val_if_fail (factor < RD_N_FACTORS, 0);
  return self->targets[factor];
}

guint
rd_framework_get_n_areas (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), 0);
  return self->areas->len;
}

RdArea *
rd_framework_get_area (RdFramework *self,
                       guint        position)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (position < self->areas->len, NULL);
  return g_ptr_array_index (self->areas, position);
}

RdArea *
rd_framework_lookup_area (RdFramework *self,
                          const char  *area_id)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return g_hash_table_lookup (self->areas_by_id, area_id);
}

guint
rd_framework_get_n_items (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), 0);
  return self->items->len;
}

RdItem *
rd_framework_get_item (RdFramework *self,
                       guint        position)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

RdItem *
rd_framework_lookup_item (RdFramework *self,
                          const char  *item_id)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return g_hash_table_lookup (self->items_by_id, item_id);
}

gboolean
rd_framework_item_in_mode (RdFramework      *self,
                           RdItem           *item,
                           RdAssessmentMode  mode)
{
  return mode == RD_ASSESSMENT_MODE_FULL || rd_item_is_pulse (item);
}

static GPtrArray *
list_items (RdFramework      *self,
            const char       *area_id,
            RdAssessmentMode  mode,
            guint             groups)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    {
      RdItem *item = g_ptr_array_index (self->items, i);

      if (area_id != NULL && !g_str_equal (rd_item_get_area_id (item), area_id))
        continue;
      if (!rd_framework_item_in_mode (self, item, mode))
        continue;
      if ((rd_item_get_audience (item) & groups) == 0)
        continue;
      g_ptr_array_add (result, g_object_ref (item));
    }

  return result;
}

/* Items of one area (or all when @area_id is NULL) that a @mode assessment asks. */
GPtrArray *
rd_framework_list_items (RdFramework      *self,
                         const char       *area_id,
                         RdAssessmentMode  mode)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  return list_items (self, area_id, mode, RD_EVERY_GROUP);
}

/* The questionnaire of one respondent: the items of one area (or all when
 * @area_id is NULL) that a @mode assessment asks people of @group. */
GPtrArray *
rd_framework_list_asked_items (RdFramework      *self,
                               const char       *area_id,
                               RdAssessmentMode  mode,
                               RdGroup           group)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (group < RD_N_GROUPS, NULL);
  return list_items (self, area_id, mode, 1u << group);
}

guint
rd_framework_count_asked_items (RdFramework      *self,
                                RdAssessmentMode  mode,
                                RdGroup           group)
{
  guint n = 0;

  g_return_val_if_fail (RD_IS_FRAMEWORK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      RdItem *item = g_ptr_array_index (self->items, i);

      n += rd_framework_item_in_mode (self, item, mode) && rd_item_asks (item, group);
    }
  return n;
}

/* The items of earlier versions that this version no longer asks, in
 * the order the file lists them. */
guint
rd_framework_get_n_retired (RdFramework *self)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), 0);
  return self->retired->len;
}

const RdRetiredItem *
rd_framework_get_retired (RdFramework *self,
                          guint        position)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (position < self->retired->len, NULL);
  return g_ptr_array_index (self->retired, position);
}

/* What became of @item_id, an item this version no longer asks; NULL when
 * the framework does not list it as retired. */
const RdRetiredItem *
rd_framework_lookup_retired (RdFramework *self,
                             const char  *item_id)
{
  g_return_val_if_fail (RD_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < self->retired->len; i++)
    {
      const RdRetiredItem *retired = g_ptr_array_index (self->retired, i);

      if (g_str_equal (retired->id, item_id))
        return retired;
    }
  return NULL;
}
