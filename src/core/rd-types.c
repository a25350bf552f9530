#define G_LOG_DOMAIN "rd-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rd-types.h"

static const char * const factor_ids[RD_N_FACTORS] = {
  "strategy", "engagement", "capacity", "investment",
};

static const char * const item_kind_ids[] = {
  "statement", "number", "percent", "yes-no", "date",
};

static const char * const group_ids[RD_N_GROUPS] = {
  "leader", "teacher", "support-staff", "learner", "parent", "other",
};

static const char * const mode_ids[] = { "full", "pulse" };
static const char * const status_ids[] = { "draft", "complete" };
static const char * const action_status_ids[RD_N_ACTION_STATUSES] = { "planned", "in-progress", "done" };

static gboolean
lookup_id (const char * const *ids,
           guint               n_ids,
           const char         *id,
           int                *out)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rd_factor_to_id (RdFactor factor)
{
  g_return_val_if_fail (factor < RD_N_FACTORS, NULL);
  return factor_ids[factor];
}

gboolean
rd_factor_from_id (const char *id,
                   RdFactor   *factor)
{
  int value;

  if (!lookup_id (factor_ids, G_N_ELEMENTS (factor_ids), id, &value))
    return FALSE;
  *factor = (RdFactor) value;
  return TRUE;
}

const char *
rd_factor_get_title (RdFactor factor)
{
  switch (factor)
    {
    case RD_FACTOR_STRATEGY:
      return _("A strategic approach to digital education");
    case RD_FACTOR_ENGAGEMENT:
      return _("Coordination and stakeholder engagement");
    case RD_FACTOR_CAPACITY:
      return _("Capacity building for leaders and staff");
    case RD_FACTOR_INVESTMENT:
      return _("Fair and impact-oriented investment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_factor_get_short_title (RdFactor factor)
{
  switch (factor)
    {
    case RD_FACTOR_STRATEGY:
      return C_("factor", "Strategy");
    case RD_FACTOR_ENGAGEMENT:
      return C_("factor", "Engagement");
    case RD_FACTOR_CAPACITY:
      return C_("factor", "Capacity");
    case RD_FACTOR_INVESTMENT:
      return C_("factor", "Investment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_item_kind_to_id (RdItemKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (item_kind_ids), NULL);
  return item_kind_ids[kind];
}

gboolean
rd_item_kind_from_id (const char *id,
                      RdItemKind *kind)
{
  int value;

  if (!lookup_id (item_kind_ids, G_N_ELEMENTS (item_kind_ids), id, &value))
    return FALSE;
  *kind = (RdItemKind) value;
  return TRUE;
}

gboolean
rd_item_kind_is_fact (RdItemKind kind)
{
  return kind != RD_ITEM_KIND_STATEMENT;
}

const char *
rd_group_to_id (RdGroup group)
{
  g_return_val_if_fail (group < RD_N_GROUPS, NULL);
  return group_ids[group];
}

gboolean
rd_group_from_id (const char *id,
                  RdGroup    *group)
{
  int value;

  if (!lookup_id (group_ids, G_N_ELEMENTS (group_ids), id, &value))
    return FALSE;
  *group = (RdGroup) value;
  return TRUE;
}

const char *
rd_group_get_title (RdGroup group)
{
  switch (group)
    {
    case RD_GROUP_LEADER:
      return _("School leader");
    case RD_GROUP_TEACHER:
      return _("Teacher");
    case RD_GROUP_SUPPORT_STAFF:
      return _("Support staff");
    case RD_GROUP_LEARNER:
      return _("Learner");
    case RD_GROUP_PARENT:
      return _("Parent");
    case RD_GROUP_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_assessment_mode_to_id (RdAssessmentMode mode)
{
  g_return_val_if_fail (mode < G_N_ELEMENTS (mode_ids), NULL);
  return mode_ids[mode];
}

gboolean
rd_assessment_mode_from_id (const char       *id,
                            RdAssessmentMode *mode)
{
  int value;

  if (!lookup_id (mode_ids, G_N_ELEMENTS (mode_ids), id, &value))
    return FALSE;
  *mode = (RdAssessmentMode) value;
  return TRUE;
}

const char *
rd_assessment_mode_get_title (RdAssessmentMode mode)
{
  switch (mode)
    {
    case RD_ASSESSMENT_MODE_FULL:
      return _("Full assessment");
    case RD_ASSESSMENT_MODE_PULSE:
      return _("Pulse assessment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rd_assessment_status_to_id (RdAssessmentStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
rd_assessment_status_from_id (const char         *id,
                              RdAssessmentStatus *status)
{
  int value;

  if (!lookup_id (status_ids, G_N_ELEMENTS (status_ids), id, &value))
    return FALSE;
  *status = (RdAssessmentStatus) value;
  return TRUE;
}

const char *
rd_action_status_to_id (RdActionStatus status)
{
  g_return_val_if_fail (status < RD_N_ACTION_STATUSES, NULL);
  return action_status_ids[status];
}

gboolean
rd_action_status_from_id (const char     *id,
                          RdActionStatus *status)
{
  int value;

  if (!lookup_id (action_status_ids, RD_N_ACTION_STATUSES, id, &value))
    return FALSE;
  *status = (RdActionStatus) value;
  return TRUE;
}

const char *
rd_action_status_get_title (RdActionStatus status)
{
  switch (status)
    {
    case RD_ACTION_STATUS_PLANNED:
      return C_("action status", "Planned");
    case RD_ACTION_STATUS_IN_PROGRESS:
      return C_("action status", "In progress");
    case RD_ACTION_STATUS_DONE:
      return C_("action status", "Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The English titles stay at hand: the command line takes them in any
 * language. */
static const struct {
  const char *id;
  const char *title;
} school_types[RD_N_SCHOOL_TYPES] = {
  [RD_SCHOOL_TYPE_UNSET] = { NULL, NC_("school type", "Not set") },
  [RD_SCHOOL_TYPE_PRIMARY] = { "primary", NC_("school type", "Primary education") },
  [RD_SCHOOL_TYPE_SECONDARY] = { "secondary", NC_("school type", "Secondary education") },
  [RD_SCHOOL_TYPE_VOCATIONAL] = { "vocational", NC_("school type", "Vocational education") },
  [RD_SCHOOL_TYPE_SPECIAL] = { "special", NC_("school type", "Special education") },
  [RD_SCHOOL_TYPE_OTHER] = { "other", NC_("school type", "Other") },
};

/* NULL for RD_SCHOOL_TYPE_UNSET, which is stored and written as nothing. */
const char *
rd_school_type_to_id (RdSchoolType type)
{
  g_return_val_if_fail (type < RD_N_SCHOOL_TYPES, NULL);
  return school_types[type].id;
}

gboolean
rd_school_type_from_id (const char   *id,
                        RdSchoolType *type)
{
  if (id == NULL)
    return FALSE;

  for (guint i = RD_SCHOOL_TYPE_UNSET + 1; i < RD_N_SCHOOL_TYPES; i++)
    {
      if (g_str_equal (school_types[i].id, id))
        {
          *type = (RdSchoolType) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rd_school_type_get_title (RdSchoolType type)
{
  g_return_val_if_fail (type < RD_N_SCHOOL_TYPES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "school type", school_types[type].title);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

/**
 * rd_school_type_parse:
 *
 * What a person typed to name a type: its id, or its title in English or
 * in the user's language, in any letter case and with spaces around.
 * Not "Not set", and nothing else: a typo is an error, not a guess.
 */
gboolean
rd_school_type_parse (const char   *text,
                      RdSchoolType *type)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  for (guint i = RD_SCHOOL_TYPE_UNSET + 1; i < RD_N_SCHOOL_TYPES; i++)
    {
      if (same_text (trimmed, school_types[i].id) || same_text (trimmed, school_types[i].title) ||
          same_text (trimmed, rd_school_type_get_title ((RdSchoolType) i)))
        {
          *type = (RdSchoolType) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Words that name a type in the free text of Readiness 1.1 and earlier,
 * in English and in Dutch (the Netherlands and Flanders). A stem is found
 * inside a word too, as Dutch writes compounds ("montessoribasisschool");
 * the short abbreviations only as whole words. help/C/getting-started.page
 * (section earlier-types) lists the words: keep the two alike. */
typedef struct
{
  const char *word;
  RdSchoolType type;
  gboolean stem;
} TypeWord;

static const TypeWord type_words[] = {
  { "primary", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "elementary", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "basisschool", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "basisonderwijs", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "primair", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "kleuter", RD_SCHOOL_TYPE_PRIMARY, TRUE },
  { "lager", RD_SCHOOL_TYPE_PRIMARY, FALSE },
  { "lagere", RD_SCHOOL_TYPE_PRIMARY, FALSE },
  { "bao", RD_SCHOOL_TYPE_PRIMARY, FALSE },
  { "po", RD_SCHOOL_TYPE_PRIMARY, FALSE },

  { "secondary", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "secundair", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "voortgezet", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "middelbaar", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "atheneum", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "lyceum", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "gymnasium", RD_SCHOOL_TYPE_SECONDARY, TRUE },
  { "vo", RD_SCHOOL_TYPE_SECONDARY, FALSE },
  { "havo", RD_SCHOOL_TYPE_SECONDARY, FALSE },
  { "vwo", RD_SCHOOL_TYPE_SECONDARY, FALSE },
  /* Pre-vocational, but a school of voortgezet onderwijs, often with havo
   * and vwo under one roof: secondary. */
  { "vmbo", RD_SCHOOL_TYPE_SECONDARY, FALSE },
  { "aso", RD_SCHOOL_TYPE_SECONDARY, FALSE },
  { "kso", RD_SCHOOL_TYPE_SECONDARY, FALSE },

  { "vocational", RD_SCHOOL_TYPE_VOCATIONAL, TRUE },
  { "beroeps", RD_SCHOOL_TYPE_VOCATIONAL, TRUE },
  { "technisch", RD_SCHOOL_TYPE_VOCATIONAL, TRUE },
  { "mbo", RD_SCHOOL_TYPE_VOCATIONAL, FALSE },
  { "roc", RD_SCHOOL_TYPE_VOCATIONAL, FALSE },
  { "bso", RD_SCHOOL_TYPE_VOCATIONAL, FALSE },
  { "tso", RD_SCHOOL_TYPE_VOCATIONAL, FALSE },
  { "vet", RD_SCHOOL_TYPE_VOCATIONAL, FALSE },

  { "special", RD_SCHOOL_TYPE_SPECIAL, TRUE },
  { "speciaal", RD_SCHOOL_TYPE_SPECIAL, TRUE },
  { "speciale", RD_SCHOOL_TYPE_SPECIAL, TRUE },
  { "buitengewoon", RD_SCHOOL_TYPE_SPECIAL, TRUE },
  { "sbo", RD_SCHOOL_TYPE_SPECIAL, FALSE },
  /* Speciaal onderwijs in the Netherlands; in Flanders "SO" can mean
   * secundair onderwijs, but a school rarely calls itself that. */
  { "so", RD_SCHOOL_TYPE_SPECIAL, FALSE },
  { "vso", RD_SCHOOL_TYPE_SPECIAL, FALSE },
  { "buso", RD_SCHOOL_TYPE_SPECIAL, FALSE },
  { "bubao", RD_SCHOOL_TYPE_SPECIAL, FALSE },
  { "sen", RD_SCHOOL_TYPE_SPECIAL, FALSE },

  { "other", RD_SCHOOL_TYPE_OTHER, FALSE },
  { "overig", RD_SCHOOL_TYPE_OTHER, TRUE },
  { "anders", RD_SCHOOL_TYPE_OTHER, FALSE },
  { "andere", RD_SCHOOL_TYPE_OTHER, FALSE },
};

/* The types @text names, one bit (1 << RdSchoolType) each. */
static guint
named_types (const char *text)
{
  /* Accents and letter case do not matter: "Secundair", "sécondaire". */
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_auto(GStrv) words = NULL;
  guint found = 0;

  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (lower, " ", -1);

  for (guint w = 0; words[w] != NULL; w++)
    {
      if (words[w][0] == '\0')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
        {
          const TypeWord *entry = &type_words[i];

          if (entry->stem ? strstr (words[w], entry->word) != NULL : g_str_equal (words[w], entry->word))
            found |= 1u << entry->type;
        }
    }

  return found;
}

#define HAS(found, type) (((found) & (1u << (type))) != 0)

/* The type, and whether @text names it plainly (FALSE: it became "other"
 * for want of a better one, and the text says more than the type). */
static RdSchoolType
classify_text (const char *text,
               gboolean   *plain)
{
  RdSchoolType type;
  guint found;

  *plain = TRUE;
  if (text == NULL || *text == '\0')
    return RD_SCHOOL_TYPE_UNSET;
  if (rd_school_type_parse (text, &type))
    return type;

  found = named_types (text);
  /* The most particular wins: a special primary school is special, a
   * secondary school's vocational stream ("beroepssecundair") vocational. */
  if (HAS (found, RD_SCHOOL_TYPE_SPECIAL))
    return RD_SCHOOL_TYPE_SPECIAL;
  if (HAS (found, RD_SCHOOL_TYPE_VOCATIONAL))
    return RD_SCHOOL_TYPE_VOCATIONAL;
  /* Primary and secondary under one roof is neither. */
  if (HAS (found, RD_SCHOOL_TYPE_PRIMARY) && HAS (found, RD_SCHOOL_TYPE_SECONDARY))
    {
      *plain = FALSE;
      return RD_SCHOOL_TYPE_OTHER;
    }
  if (HAS (found, RD_SCHOOL_TYPE_PRIMARY))
    return RD_SCHOOL_TYPE_PRIMARY;
  if (HAS (found, RD_SCHOOL_TYPE_SECONDARY))
    return RD_SCHOOL_TYPE_SECONDARY;

  *plain = HAS (found, RD_SCHOOL_TYPE_OTHER);
  return RD_SCHOOL_TYPE_OTHER;
}

#undef HAS

/**
 * rd_school_type_from_text:
 *
 * The type of a school whose type was free text (a database or an
 * exchange file of Readiness 1.1 or earlier): an id or title as such,
 * else the words of type_words, else "other". Blank text is no type.
 */
RdSchoolType
rd_school_type_from_text (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean plain;

  return classify_text (trimmed, &plain);
}

/**
 * rd_school_type_note_for_text:
 *
 * The text to keep beside the type rd_school_type_from_text() gives: the
 * free text itself where it became "other" without naming it, so that
 * "Montessori" or "Brede school" is not lost; NULL where the type says it
 * all.
 */
char *
rd_school_type_note_for_text (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean plain;

  if (classify_text (trimmed, &plain) != RD_SCHOOL_TYPE_OTHER || plain)
    return NULL;
  return g_steal_pointer (&trimmed);
}

/* Thresholds are stated on the help page "How scores are computed". */
RdLevel
rd_level_for_score (double score)
{
  if (score >= 75.0)
    return RD_LEVEL_LEADING;
  if (score >= 50.0)
    return RD_LEVEL_ESTABLISHED;
  if (score >= 25.0)
    return RD_LEVEL_DEVELOPING;
  return RD_LEVEL_BEGINNING;
}

const char *
rd_level_get_title (RdLevel level)
{
  switch (level)
    {
    case RD_LEVEL_BEGINNING:
      return C_("level", "Beginning");
    case RD_LEVEL_DEVELOPING:
      return C_("level", "Developing");
    case RD_LEVEL_ESTABLISHED:
      return C_("level", "Established");
    case RD_LEVEL_LEADING:
      return C_("level", "Leading");
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint32
julian_of_dmy (unsigned day,
               unsigned month,
               unsigned year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

guint32
rd_day_from_iso (const char *iso)
{
  unsigned year, month, day;
  int consumed = 0;

  /* Exactly ten characters: sscanf alone would take "2025-3-1x". */
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-' ||
      sscanf (iso, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  return julian_of_dmy (day, month, year);
}

char *
rd_day_to_iso (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

guint32
rd_day_from_unix_local (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);

  if (when == NULL)
    return 0;
  return julian_of_dmy ((unsigned) g_date_time_get_day_of_month (when), (unsigned) g_date_time_get_month (when),
                        (unsigned) g_date_time_get_year (when));
}

const char *
rd_agreement_get_label (guint choice)
{
  switch (choice)
    {
    case 1: return _("Strongly disagree");
    case 2: return _("Disagree");
    case 3: return _("Neither agree nor disagree");
    case 4: return _("Agree");
    case 5: return _("Strongly agree");
    default: return _("Not applicable / don’t know");
    }
}
