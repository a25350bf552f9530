#define G_LOG_DOMAIN "rd-fact-values"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rd-fact-values.h"
#include "rd-input.h"

/* Digits grouped in threes from 10,000 on; 1000 stays as people write it. */
#define GROUP_FROM 10000

char *
rd_format_figure (double value)
{
  gboolean comma = rd_input_uses_decimal_comma ();
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out = g_string_new (NULL);
  const char *digits, *point;
  gsize n_whole;

  value = round (value * 100) / 100;
  if (value == 0)
    value = 0;  /* no "-0" */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  /* "12.50" → "12.5", "12.00" → "12" */
  for (gsize end = strlen (buffer); buffer[end - 1] == '0' || buffer[end - 1] == '.'; end--)
    {
      gboolean was_point = buffer[end - 1] == '.';

      buffer[end - 1] = '\0';
      if (was_point)
        break;
    }

  digits = buffer;
  if (*digits == '-')
    g_string_append_c (out, *digits++);
  point = strchr (digits, '.');
  n_whole = point ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_whole; i++)
    {
      if (fabs (value) >= GROUP_FROM && i > 0 && (n_whole - i) % 3 == 0)
        g_string_append_c (out, comma ? '.' : ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, comma ? ',' : '.');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

static const char *
unit_of (RdItem *item)
{
  const RdText *unit;

  if (rd_item_get_kind (item) == RD_ITEM_KIND_PERCENT)
    return "%";
  unit = rd_item_get_unit (item);
  return unit != NULL ? rd_text_get_localized (unit) : NULL;
}

static char *
with_unit (double      value,
           const char *unit)
{
  g_autofree char *figure = rd_format_figure (value);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&figure);
  /* Translators: a fact's value and its unit, "1000 Mbit/s", "90 %" */
  return g_strdup_printf (C_("fact value", "%s %s"), figure, unit);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  /* The report's date format: "31 March 2027". */
  return time != NULL ? g_date_time_format (time, C_("report date", "%-d %B %Y")) : g_strdup ("–");
}

/* Ages in whole months on the assessment's reference date, as the score
 * counts them. */
static char *
format_ages (const RdFactValues *values)
{
  g_autofree char *median = rd_format_figure (values->median);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (values->min == values->max)
    /* Translators: the age of the dates several people gave, all the same */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "age %s month", "age %s months",
                                         (gulong) values->median),
                            median);
  low = rd_format_figure (values->min);
  high = rd_format_figure (values->max);
  /* Translators: the ages of the dates several people gave, in whole
   * months on the assessment's reference date: "median age 14 months, range 3–30" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "median age %s month, range %s–%s",
                                       "median age %s months, range %s–%s", (gulong) round (values->median)),
                          median, low, high);
}

static char *
format_values (RdItem             *item,
               const RdFactValues *values)
{
  const char *unit = unit_of (item);
  g_autofree char *median = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (values->n_distinct <= 1)
    return with_unit (values->median, unit);
  low = rd_format_figure (values->min);
  if (values->n_distinct == 2)
    {
      high = with_unit (values->max, unit);
      /* Translators: the two different answers several people gave to a
       * fact, "100 and 1000 Mbit/s" */
      return g_strdup_printf (C_("fact values", "%s and %s"), low, high);
    }
  median = with_unit (values->median, unit);
  high = rd_format_figure (values->max);
  /* Translators: several people's answers to a fact, "median 80 %, range 70–90" */
  return g_strdup_printf (C_("fact values", "median %s, range %s–%s"), median, low, high);
}

static char *
format_agreed (RdItem             *item,
               const RdFactValues *values)
{
  switch (values->kind)
    {
    case RD_ITEM_KIND_YES_NO:
      if (values->n_distinct <= 1)
        return g_strdup (values->n_yes > 0 ? C_("fact answer", "Yes") : C_("fact answer", "No"));
      /* Translators: several people's answers to a yes/no question, "2 of 3 yes" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u yes", "%u of %u yes", values->n),
                              values->n_yes, values->n);

    case RD_ITEM_KIND_DATE:
      if (values->n == 1 && g_date_valid (&values->date))
        return format_date (&values->date);
      return format_ages (values);

    case RD_ITEM_KIND_NUMBER:
    case RD_ITEM_KIND_PERCENT:
      return format_values (item, values);

    case RD_ITEM_KIND_STATEMENT:
    default:
      return g_strdup ("–");
    }
}

/* The value a fact's score rests on, in a few words for a line that
 * shows a change: "37 % (median)" where the answers differ. */
char *
rd_fact_values_format_scored (RdItem             *item,
                              const RdFactValues *values)
{
  g_autofree char *median = NULL;

  g_return_val_if_fail (RD_IS_ITEM (item), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (values->n == 0)
    return g_strdup ("–");
  if (values->n_distinct <= 1 || (values->kind != RD_ITEM_KIND_NUMBER && values->kind != RD_ITEM_KIND_PERCENT))
    return format_agreed (item, values);
  median = with_unit (values->median, unit_of (item));
  /* Translators: the median of several people's different answers to a fact, "37 % (median)" */
  return g_strdup_printf (C_("fact values", "%s (median)"), median);
}

char *
rd_fact_values_format (RdItem             *item,
                       const RdFactValues *values)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RD_IS_ITEM (item), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (values->n == 0)
    return g_strdup ("–");

  text = format_agreed (item, values);
  if (values->n_distinct <= 1 || values->kind == RD_ITEM_KIND_STATEMENT)
    return g_steal_pointer (&text);
  /* Translators: the people who answer a fact for the school disagree,
   * "answers differ: 100 and 1000 Mbit/s" */
  return g_strdup_printf (C_("fact values", "answers differ: %s"), text);
}
