/* libFuzzer target for the framework file reader, rd_framework_new_from_bytes
 * (src/core/rd-framework-loader.c); tests/fuzz/README.md says how to build
 * and run it. Beyond the sanitizers it checks the contract:
 *
 * - a refused file gives an RD_FRAMEWORK_ERROR with a known code and a
 *   valid UTF-8 message that starts with the file's name;
 * - an accepted framework keeps every rule of data/frameworks/FORMAT.md:
 *   ids are valid and unique, lookups by id give the same area or item,
 *   every item belongs to an area, every text is there in every declared
 *   language, targets and weights lie in their ranges, ladders ascend from
 *   the lowest valid answer, and so every valid answer gets a score from
 *   0 to 100 while an invalid one gets none. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-check.h"
#include "rd-framework.h"

#define NAME "fuzz-framework.json"
#define MAX_WEIGHT 3.0

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Present, non-empty and valid UTF-8 in every declared language. */
static void
check_text (const RdText       *text,
            const char * const *languages)
{
  CHECK (text != NULL);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *value = rd_text_get (text, languages[i]);

      CHECK (value != NULL && *value != '\0');
      CHECK (g_utf8_validate (value, -1, NULL));
    }
  CHECK (rd_text_get_localized (text) != NULL);
}

static gboolean
is_score (double score)
{
  return isfinite (score) && score >= 0 && score <= 100;
}

/* Each ladder the item has, for every school type (the type's own, or
 * the default "ladder"), keeps the rules. */
static void
check_scores (RdItem       *item,
              RdSchoolType  type)
{
  RdItemKind kind = rd_item_get_kind (item);
  double min = rd_item_get_min (item);
  double max = rd_item_get_max (item);
  const RdLadderStep *ladder;
  guint n_steps;

  ladder = rd_item_get_ladder_for_type (item, type, &n_steps);
  if (!rd_item_has_type_ladder (item, type))
    {
      guint n_default;

      CHECK (ladder == rd_item_get_ladder (item, &n_default) && n_steps == n_default);
    }

  if (kind == RD_ITEM_KIND_STATEMENT)
    {
      CHECK (n_steps == 0);
      CHECK (min == 1 && max == 5);
      for (int value = 1; value <= 5; value++)
        CHECK (rd_item_score_value (item, type, value) == (value - 1) * 25.0);
      CHECK (isnan (rd_item_score_value (item, type, 0)));
      CHECK (isnan (rd_item_score_value (item, type, 6)));
      return;
    }

  /* A fact: a ladder that starts at the lowest valid answer and ascends. */
  CHECK (n_steps >= 2);
  CHECK (ladder[0].at == min);
  for (guint i = 0; i < n_steps; i++)
    {
      CHECK (isfinite (ladder[i].at));
      CHECK (is_score (ladder[i].score));
      CHECK (ladder[i].at <= max);
      if (i > 0)
        CHECK (ladder[i].at > ladder[i - 1].at);
    }

  switch (kind)
    {
    case RD_ITEM_KIND_PERCENT:
      CHECK (min == 0 && max == 100);
      break;
    case RD_ITEM_KIND_YES_NO:
      CHECK (min == 0 && max == 1);
      CHECK (n_steps == 2 && ladder[1].at == 1);
      break;
    case RD_ITEM_KIND_DATE:
      {
        g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2026);
        g_autoptr(GDate) old = g_date_new_dmy (15, G_DATE_JUNE, 1990);

        CHECK (min == 0);
        /* A date is answered as a date, never as a number. */
        CHECK (isnan (rd_item_score_value (item, type, 0)));
        CHECK (rd_item_score_date (item, type, today, today) == ladder[0].score);
        CHECK (is_score (rd_item_score_date (item, type, old, today)));
        CHECK (isnan (rd_item_score_date (item, type, today, old)));
        return;
      }
    case RD_ITEM_KIND_NUMBER:
      CHECK (isfinite (min));
      CHECK (min < max);
      CHECK (rd_item_get_unit (item) != NULL);
      break;
    case RD_ITEM_KIND_STATEMENT:
    default:
      CHECK (!"unknown kind");
    }

  /* Every valid answer falls on a step: the bounds, each threshold and the
   * values between two thresholds (yes-no takes 0 and 1 alone). */
  CHECK (is_score (rd_item_score_value (item, type, min)));
  if (isfinite (max))
    CHECK (is_score (rd_item_score_value (item, type, max)));
  for (guint i = 0; i < n_steps; i++)
    {
      CHECK (rd_item_score_value (item, type, ladder[i].at) == ladder[i].score);
      if (i + 1 < n_steps && kind != RD_ITEM_KIND_YES_NO)
        {
          double between = ladder[i].at + (ladder[i + 1].at - ladder[i].at) / 2;

          if (between > ladder[i].at && between < ladder[i + 1].at)
            CHECK (rd_item_score_value (item, type, between) == ladder[i].score);
        }
    }

  /* And an invalid one gets no score. */
  CHECK (isnan (rd_item_score_value (item, type, NAN)));
  if (min - 1 < min)
    CHECK (isnan (rd_item_score_value (item, type, min - 1)));
  if (isfinite (max) && max + 1 > max)
    CHECK (isnan (rd_item_score_value (item, type, max + 1)));
}

static void
check_item (RdFramework        *framework,
            RdItem             *item,
            const char * const *languages)
{
  const char *id = rd_item_get_id (item);
  RdItemKind kind = rd_item_get_kind (item);
  guint version = rd_item_get_version (item);
  guint since = rd_item_get_comparable_since (item);
  gboolean informs_any = FALSE;

  CHECK (is_valid_id (id));
  CHECK (rd_framework_lookup_item (framework, id) == item);
  CHECK (rd_framework_lookup_area (framework, rd_item_get_area_id (item)) != NULL);
  CHECK ((guint) kind <= RD_ITEM_KIND_DATE);
  CHECK (rd_item_kind_to_id (kind) != NULL);

  CHECK (version >= 1 && version <= G_MAXINT);
  CHECK (since >= 1 && since <= version);
  CHECK (rd_item_accepts_version (item, version));
  CHECK (rd_item_accepts_version (item, since));
  CHECK (!rd_item_accepts_version (item, since - 1));
  CHECK (!rd_item_accepts_version (item, version + 1));

  check_text (rd_item_get_text (item), languages);
  check_text (rd_item_get_help (item), languages);
  check_text (rd_item_get_recommendation (item), languages);
  if (kind == RD_ITEM_KIND_NUMBER)
    check_text (rd_item_get_unit (item), languages);
  else
    CHECK (rd_item_get_unit (item) == NULL);

  CHECK (rd_item_get_council_point (item) != NULL);
  CHECK (g_ascii_isdigit (rd_item_get_council_point (item)[0]));

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double weight = rd_item_get_weight (item, f);

      CHECK (isfinite (weight) && weight >= 0 && weight <= MAX_WEIGHT);
      CHECK (rd_item_informs (item, f) == (weight > 0));
      informs_any |= rd_item_informs (item, f);
    }
  CHECK (informs_any);

  CHECK (rd_framework_item_in_mode (framework, item, RD_ASSESSMENT_MODE_FULL));
  CHECK (rd_framework_item_in_mode (framework, item, RD_ASSESSMENT_MODE_PULSE) == rd_item_is_pulse (item));

  for (RdSchoolType type = RD_SCHOOL_TYPE_UNSET; type < RD_N_SCHOOL_TYPES; type++)
    check_scores (item, type);
}

static void
check_framework (RdFramework *framework)
{
  const char * const *languages = rd_framework_get_languages (framework);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pulse = NULL;
  guint n_areas = rd_framework_get_n_areas (framework);
  guint n_items = rd_framework_get_n_items (framework);
  guint n_pulse = 0, n_in_areas = 0;
  gboolean has_english = FALSE;

  CHECK (is_valid_id (rd_framework_get_id (framework)));
  CHECK (rd_framework_get_version (framework) != NULL && *rd_framework_get_version (framework) != '\0');

  CHECK (languages != NULL && languages[0] != NULL);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      CHECK (*languages[i] != '\0');
      CHECK (g_utf8_validate (languages[i], -1, NULL));
      CHECK (g_hash_table_add (seen, (gpointer) languages[i]));
      has_english |= g_str_equal (languages[i], "en");
    }
  CHECK (has_english);
  CHECK (rd_preferred_language (languages) != NULL);

  check_text (rd_framework_get_title (framework), languages);
  if (rd_framework_get_description (framework) != NULL)
    check_text (rd_framework_get_description (framework), languages);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      double target = rd_framework_get_default_target (framework, f);

      CHECK (isfinite (target) && target >= 0 && target <= 100);
    }

  /* Areas: at least one, ids valid and unique, found again by id. */
  CHECK (n_areas >= 1);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < n_areas; i++)
    {
      RdArea *area = rd_framework_get_area (framework, i);
      const char *id = rd_area_get_id (area);

      CHECK (is_valid_id (id));
      CHECK (g_hash_table_add (seen, (gpointer) id));
      CHECK (rd_framework_lookup_area (framework, id) == area);
      check_text (rd_area_get_title (area), languages);
      check_text (rd_area_get_description (area), languages);
    }

  /* Items: at least one, ids unique, each in an area of the file. */
  CHECK (n_items >= 1);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < n_items; i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      CHECK (g_hash_table_add (seen, (gpointer) rd_item_get_id (item)));
      check_item (framework, item, languages);
      n_pulse += rd_item_is_pulse (item);
    }
  CHECK (rd_framework_lookup_item (framework, "") == NULL);
  CHECK (rd_framework_lookup_area (framework, "") == NULL);

  /* The lists the assessment pages show: by area they add up to all items. */
  all = rd_framework_list_items (framework, NULL, RD_ASSESSMENT_MODE_FULL);
  pulse = rd_framework_list_items (framework, NULL, RD_ASSESSMENT_MODE_PULSE);
  CHECK (all->len == n_items);
  CHECK (pulse->len == n_pulse);
  for (guint i = 0; i < n_areas; i++)
    {
      RdArea *area = rd_framework_get_area (framework, i);
      g_autoptr(GPtrArray) items = rd_framework_list_items (framework, rd_area_get_id (area),
                                                            RD_ASSESSMENT_MODE_FULL);

      for (guint j = 0; j < items->len; j++)
        CHECK (g_str_equal (rd_item_get_area_id (g_ptr_array_index (items, j)), rd_area_get_id (area)));
      n_in_areas += items->len;
    }
  CHECK (n_in_areas == n_items);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;

  framework = rd_framework_new_from_bytes (bytes, NAME, &error);
  if (framework == NULL)
    {
      CHECK (error != NULL);
      if (!g_utf8_validate (error->message, -1, NULL) || !g_str_has_prefix (error->message, NAME ": "))
        {
          g_autofree char *escaped = g_strescape (error->message, NULL);
          fprintf (stderr, "message: %s\n", escaped);
        }
      CHECK (error->domain == RD_FRAMEWORK_ERROR);
      CHECK (error->code == RD_FRAMEWORK_ERROR_SYNTAX ||
             error->code == RD_FRAMEWORK_ERROR_INVALID ||
             error->code == RD_FRAMEWORK_ERROR_VERSION ||
             error->code == RD_FRAMEWORK_ERROR_TOO_LARGE);
      CHECK (g_str_has_prefix (error->message, NAME ": "));
      CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  CHECK (error == NULL);
  check_framework (framework);
  return 0;
}
