#define G_LOG_DOMAIN "rd-text"

#include "config.h"

#include "rd-text.h"

struct _RdText
{
  gatomicrefcount ref_count;
  GHashTable *values;  /* language code → text */
};

G_DEFINE_BOXED_TYPE (RdText, rd_text, rd_text_ref, rd_text_unref)

RdText *
rd_text_new (void)
{
  RdText *text = g_new0 (RdText, 1);

  g_atomic_ref_count_init (&text->ref_count);
  text->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return text;
}

RdText *
rd_text_ref (RdText *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
rd_text_unref (RdText *text)
{
  g_return_if_fail (text != NULL);
  if (g_atomic_ref_count_dec (&text->ref_count))
    {
      g_hash_table_unref (text->values);
      g_free (text);
    }
}

void
rd_text_set (RdText     *text,
             const char *lang,
             const char *value)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (lang != NULL);
  g_hash_table_replace (text->values, g_strdup (lang), g_strdup (value));
}

/* Falls back to English, which every framework must carry. */
const char *
rd_text_get (const RdText *text,
             const char   *lang)
{
  const char *value = NULL;

  if (text == NULL)
    return NULL;
  if (lang != NULL)
    value = g_hash_table_lookup (text->values, lang);
  if (value == NULL)
    value = g_hash_table_lookup (text->values, "en");
  return value;
}

/* The first of the user's languages (LANGUAGE, LC_MESSAGES…) found in
 * @available, matching "nl_BE.UTF-8" to "nl" through GLib's variants. */
const char *
rd_preferred_language (const char * const *available)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      for (guint j = 0; available[j] != NULL; j++)
        {
          if (g_str_equal (names[i], available[j]))
            return available[j];
        }
    }

  return "en";
}

const char *
rd_text_get_localized (const RdText *text)
{
  const char * const *names = g_get_language_names ();

  if (text == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (text->values, names[i]);

      if (value != NULL)
        return value;
    }

  return rd_text_get (text, "en");
}
