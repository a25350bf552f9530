#define G_LOG_DOMAIN "rd-input"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "rd-errors.h"
#include "rd-input.h"

/* Follows the UI language rather than the C library locale, so a Dutch
 * interface reads "2,5" even where the nl_NL locale is not installed. */
gboolean
rd_input_uses_decimal_comma (void)
{
  /* Translators: the decimal mark of your language, "." or "," */
  return g_str_equal (C_("decimal mark", "."), ",");
}

/* Digits, optionally grouped by @group in threes, optionally followed by
 * @decimal and more digits. "1.000,5" with ("." ",") or "1000.5" with ("," "."). */
static gboolean
parse_grouped (const char *text,
               char        group,
               char        decimal,
               double     *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *p = text;
  guint leading = 0;
  char *end;

  if (*p == '-')
    g_string_append_c (plain, *p++);

  while (g_ascii_isdigit (*p))
    {
      g_string_append_c (plain, *p++);
      leading++;
    }
  if (leading == 0)
    return FALSE;

  if (*p == group)
    {
      /* Grouping only as the writer's convention has it: 1 to 3 digits, then threes. */
      if (leading > 3)
        return FALSE;
      while (*p == group)
        {
          p++;
          for (guint i = 0; i < 3; i++)
            {
              if (!g_ascii_isdigit (*p))
                return FALSE;
              g_string_append_c (plain, *p++);
            }
        }
      if (g_ascii_isdigit (*p))
        return FALSE;
    }

  if (*p == decimal)
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (plain, '.');
      while (g_ascii_isdigit (*p))
        g_string_append_c (plain, *p++);
    }

  if (*p != '\0')
    return FALSE;

  *value = g_ascii_strtod (plain->str, &end);
  return *end == '\0' && isfinite (*value);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

/* Trims the ends; a space inside (also the no-break ones some locales
 * group digits with) counts as @group, so "1 000" reads as 1000 but
 * "12 34" is refused like "12.34" would be. @group 0 drops them. */
static char *
normalize_spaces (const char *text,
                  char        group)
{
  GString *result = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          pending_space = result->len > 0;
          continue;
        }
      if (pending_space && group != '\0')
        g_string_append_c (result, group);
      pending_space = FALSE;
      g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

gboolean
rd_input_parse_number (const char  *text,
                       gboolean     decimal_comma,
                       double      *value,
                       GError     **error)
{
  g_autofree char *compact = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  compact = normalize_spaces (text, decimal_comma ? '.' : ',');
  if (*compact == '\0')
    {
      g_set_error_literal (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE, _("Enter a number"));
      return FALSE;
    }

  if (decimal_comma ? parse_grouped (compact, '.', ',', value)
                    : parse_grouped (compact, ',', '.', value))
    return TRUE;

  if (decimal_comma)
    g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                 _("“%s” is not a number; write decimals with a comma, as in 2,5"), text);
  else
    g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
                 _("“%s” is not a number; write decimals with a point, as in 2.5"), text);
  return FALSE;
}

char *
rd_input_format_number (double   value,
                        gboolean decimal_comma)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.10g", value);
  if (decimal_comma)
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

static gboolean
set_dmy (GDate *date,
         int    day,
         int    month,
         int    year)
{
  if (year < 1900 || year > 9999 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* ISO 2025-03-15, or day first as Flanders and the Netherlands write it:
 * 15-03-2025, 15/3/2025, 15.3.2025. */
gboolean
rd_input_parse_date (const char  *text,
                     GDate       *date,
                     GError     **error)
{
  g_autofree char *compact = NULL;
  int a, b, c, consumed = 0;
  char s1, s2;

  g_return_val_if_fail (text != NULL, FALSE);

  compact = normalize_spaces (text, '\0');
  if (sscanf (compact, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &consumed) == 5 &&
      consumed == (int) strlen (compact) && s1 == s2 && strchr ("-/.", s1) != NULL)
    {
      if (s1 == '-' && a >= 1000 && set_dmy (date, c, b, a))
        return TRUE;
      if (c >= 1000 && set_dmy (date, a, b, c))
        return TRUE;
    }

  g_set_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE,
               _("“%s” is not a date; write it as 15-03-2025 or 2025-03-15"), text);
  return FALSE;
}

char *
rd_input_format_date (const GDate *date)
{
  return g_strdup_printf ("%02d-%02d-%04d", g_date_get_day (date),
                          g_date_get_month (date), g_date_get_year (date));
}

char *
rd_input_date_to_iso (const char  *text,
                      GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  GDate date;

  if (*stripped == '\0')
    return g_strdup ("");

  g_date_clear (&date, 1);
  if (!rd_input_parse_date (stripped, &date, error))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

char *
rd_input_format_iso_date (const char *iso)
{
  g_autoptr(GDate) date = NULL;

  if (iso == NULL)
    return NULL;
  date = g_date_new ();
  g_date_set_parse (date, iso);
  return g_date_valid (date) ? rd_input_format_date (date) : g_strdup (iso);
}
