#define G_LOG_DOMAIN "rd-limits"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-limits.h"

static const struct {
  guint max_length;
  gboolean multi_line;
} fields[RD_N_FIELDS] = {
  [RD_FIELD_SCHOOL_NAME] = { RD_MAX_SCHOOL_NAME, FALSE },
  [RD_FIELD_REGION] = { RD_MAX_REGION, FALSE },
  [RD_FIELD_SCHOOL_TYPE] = { RD_MAX_SCHOOL_TYPE, FALSE },
  [RD_FIELD_PSEUDONYM] = { RD_MAX_PSEUDONYM, FALSE },
  [RD_FIELD_ACTION_TITLE] = { RD_MAX_ACTION_TITLE, FALSE },
  [RD_FIELD_ACTION_OWNER] = { RD_MAX_ACTION_OWNER, FALSE },
  [RD_FIELD_ACTION_CRITERION] = { RD_MAX_ACTION_CRITERION, FALSE },
  [RD_FIELD_ACTION_NOTES] = { RD_MAX_ACTION_NOTES, TRUE },
  [RD_FIELD_VERSION] = { RD_MAX_VERSION, FALSE },
  [RD_FIELD_FRAMEWORK_TITLE] = { RD_MAX_FRAMEWORK_TITLE, FALSE },
  [RD_FIELD_FRAMEWORK_TEXT] = { RD_MAX_FRAMEWORK_TEXT, TRUE },
  [RD_FIELD_FRAMEWORK_SHORT_TITLE] = { RD_MAX_FRAMEWORK_SHORT_TITLE, FALSE },
  [RD_FIELD_ITEM_COMMENTARY] = { RD_MAX_ITEM_COMMENTARY, TRUE },
  [RD_FIELD_EVIDENCE_TITLE] = { RD_MAX_EVIDENCE_TITLE, FALSE },
  [RD_FIELD_EVIDENCE_LOCATION] = { RD_MAX_EVIDENCE_LOCATION, FALSE },
  [RD_FIELD_STAFF_NAME] = { RD_MAX_STAFF_NAME, FALSE },
  [RD_FIELD_ACTIVITY_TITLE] = { RD_MAX_ACTIVITY_TITLE, FALSE },
  [RD_FIELD_ACTIVITY_TEXT] = { RD_MAX_ACTIVITY_TEXT, FALSE },
  [RD_FIELD_ACTIVITY_DETAILS] = { RD_MAX_ACTIVITY_DETAILS, TRUE },
};

guint
rd_field_get_max_length (RdField field)
{
  g_return_val_if_fail (field < RD_N_FIELDS, 0);
  return fields[field].max_length;
}

gboolean
rd_field_is_multi_line (RdField field)
{
  g_return_val_if_fail (field < RD_N_FIELDS, FALSE);
  return fields[field].multi_line;
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/* Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) reorder what follows
 * them up to the end of the paragraph: "fdp.exe" shown as "exe.pdf". */
static gboolean
is_bidi_embedding (gunichar c)
{
  return c >= 0x202a && c <= 0x202e;
}

static gboolean
is_isolate_start (gunichar c)
{
  return c >= 0x2066 && c <= 0x2068;
}

#define PDI 0x2069

gboolean
rd_unichar_is_unsafe (gunichar c)
{
  return is_control (c) || is_bidi_embedding (c) || is_isolate_start (c) || c == PDI ||
         c == 0x2028 || c == 0x2029;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Trims white space at both ends, in place. */
static void
trim (GString *s)
{
  const char *start = s->str, *end = s->str + s->len;

  while (start < end && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (last)))
        break;
      end = last;
    }
  g_string_truncate (s, end - s->str);
  g_string_erase (s, 0, start - s->str);
}

RdTextCleanResult
rd_text_clean (const char  *text,
               guint        max_chars,
               gboolean     multi_line,
               char       **out)
{
  g_autoptr(GString) s = NULL;
  g_autoptr(GArray) open = NULL;  /* byte offsets in s of isolates not yet closed */
  gboolean space_dropped = FALSE;
  guint n_chars = 0;

  g_return_val_if_fail (out != NULL, RD_TEXT_CLEAN_NOT_UTF8);

  *out = NULL;
  if (text == NULL)
    return RD_TEXT_CLEAN_OK;

  s = g_string_new (NULL);
  open = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      /* Visible ASCII, most of any text, needs none of the cases below. */
      if ((guchar) *p > 0x20 && (guchar) *p < 0x7f)
        {
          if (space_dropped || n_chars + 1 > max_chars)
            return RD_TEXT_CLEAN_TOO_LONG;
          g_string_append_c (s, *p++);
          n_chars++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return RD_TEXT_CLEAN_NOT_UTF8;
      p = g_utf8_next_char (p);

      if (c == '\r')
        {
          if (*p == '\n')
            p++;
          c = '\n';
        }
      if (c == 0x2028 || c == 0x2029)
        c = '\n';
      if (c == '\n' || c == '\t')
        {
          if (!multi_line)
            c = ' ';
        }
      else if (is_control (c) || is_bidi_embedding (c))
        continue;

      if (is_isolate_start (c))
        {
          /* Counted now, so that a text of nothing but these stays
           * bounded too; one left without its pair is dropped at the end. */
          gsize offset = s->len;

          if (space_dropped || ++n_chars > max_chars)
            return RD_TEXT_CLEAN_TOO_LONG;
          g_array_append_val (open, offset);
          g_string_append_unichar (s, c);
          continue;
        }
      if (c == PDI)
        {
          if (open->len == 0)
            continue;
          if (space_dropped || ++n_chars > max_chars)
            return RD_TEXT_CLEAN_TOO_LONG;
          g_array_set_size (open, open->len - 1);
          g_string_append_unichar (s, c);
          continue;
        }

      if (is_space (c))
        {
          /* Leading white space is trimmed anyway; past the limit, spaces
           * are only remembered, so that a long trailing run costs nothing. */
          if (s->len == 0)
            continue;
          if (n_chars + 1 > max_chars)
            {
              space_dropped = TRUE;
              continue;
            }
        }
      else if (space_dropped || n_chars + 1 > max_chars)
        return RD_TEXT_CLEAN_TOO_LONG;

      g_string_append_unichar (s, c);
      n_chars++;
    }

  /* Unpaired isolates, last first so that earlier offsets hold. */
  for (guint i = open->len; i > 0; i--)
    g_string_erase (s, g_array_index (open, gsize, i - 1), 3);
  trim (s);

  *out = g_string_free (g_steal_pointer (&s), FALSE);
  return RD_TEXT_CLEAN_OK;
}

/* A sentence per field: the name of a field cannot be put into one
 * sentence that reads well in every language. */
static void
set_too_long (GError **error,
              GQuark   domain,
              int      code,
              RdField  field,
              guint    max)
{
  switch (field)
    {
    case RD_FIELD_SCHOOL_NAME:
      g_set_error (error, domain, code, _("A school’s name can have at most %u characters"), max);
      break;
    case RD_FIELD_REGION:
      g_set_error (error, domain, code, _("A region can have at most %u characters"), max);
      break;
    case RD_FIELD_SCHOOL_TYPE:
      g_set_error (error, domain, code, _("A school type can have at most %u characters"), max);
      break;
    case RD_FIELD_PSEUDONYM:
      g_set_error (error, domain, code, _("A respondent’s name can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTION_TITLE:
      g_set_error (error, domain, code, _("An action’s title can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTION_OWNER:
      g_set_error (error, domain, code, _("An action’s owner can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTION_CRITERION:
      g_set_error (error, domain, code, _("A success criterion can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTION_NOTES:
      g_set_error (error, domain, code, _("An action’s notes can have at most %u characters"), max);
      break;
    case RD_FIELD_VERSION:
      g_set_error (error, domain, code, _("A version can have at most %u characters"), max);
      break;
    case RD_FIELD_ITEM_COMMENTARY:
      g_set_error (error, domain, code, _("A commentary can have at most %u characters"), max);
      break;
    case RD_FIELD_EVIDENCE_TITLE:
      g_set_error (error, domain, code, _("Evidence’s title can have at most %u characters"), max);
      break;
    case RD_FIELD_EVIDENCE_LOCATION:
      g_set_error (error, domain, code, _("Evidence’s location can have at most %u characters"), max);
      break;
    case RD_FIELD_STAFF_NAME:
      g_set_error (error, domain, code, _("A staff member’s name can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTIVITY_TITLE:
      g_set_error (error, domain, code, _("A learning activity’s title can have at most %u characters"), max);
      break;
    case RD_FIELD_ACTIVITY_TEXT:
    case RD_FIELD_ACTIVITY_DETAILS:
    case RD_FIELD_FRAMEWORK_TITLE:
    case RD_FIELD_FRAMEWORK_TEXT:
    case RD_FIELD_FRAMEWORK_SHORT_TITLE:
    case RD_N_FIELDS:
    default:
      g_set_error (error, domain, code, _("A text can have at most %u characters"), max);
      break;
    }
}

gboolean
rd_field_clean (RdField      field,
                const char  *text,
                const char  *file,
                const char  *place,
                GQuark       domain,
                int          code,
                char       **out,
                GError     **error)
{
  RdTextCleanResult result;
  guint max;

  g_return_val_if_fail (field < RD_N_FIELDS, FALSE);

  max = fields[field].max_length;
  result = rd_text_clean (text, max, fields[field].multi_line, out);
  if (result == RD_TEXT_CLEAN_OK)
    return TRUE;

  if (file != NULL && result == RD_TEXT_CLEAN_TOO_LONG)
    g_set_error (error, domain, code, _("%s: %s: longer than %u characters"), file, place, max);
  else if (file != NULL)
    g_set_error (error, domain, code, _("%s: %s: not valid UTF-8 text"), file, place);
  else if (result == RD_TEXT_CLEAN_TOO_LONG)
    set_too_long (error, domain, code, field, max);
  else
    g_set_error_literal (error, domain, code, _("The text is not valid UTF-8"));
  return FALSE;
}
