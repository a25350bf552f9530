#define G_LOG_DOMAIN "rd-learning-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "rd-input.h"
#include "rd-learning-format.h"

char *
rd_learning_format_figure (const RdLogFigure *figure)
{
  g_autofree char *count = NULL;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  if (g_str_equal (figure->item_id, RD_LEARNING_ITEM_PEDAGOGY))
    /* Translators: how many teachers a share of the learning log is counted over */
    count = g_strdup_printf (g_dngettext (NULL, "%u teacher", "%u teachers", figure->n_staff), figure->n_staff);
  else
    /* Translators: how many staff members a share of the learning log is counted over */
    count = g_strdup_printf (g_dngettext (NULL, "%u staff member", "%u staff", figure->n_staff), figure->n_staff);
  /* Translators: a share of staff, rounded to a whole percent */
  percent = g_strdup_printf (_("%.0f %%"), figure->value);
  /* Translators: a share and what it is counted over: "64 % of 11 staff" */
  return g_strdup_printf (_("%s of %s"), percent, count);
}

char *
rd_learning_format_hours (double hours)
{
  g_autofree char *number = NULL;

  if (isnan (hours))
    return NULL;
  number = rd_input_format_number (round (hours * 10) / 10, rd_input_uses_decimal_comma ());
  /* Translators: training hours per teacher; %s is a number such as 12.5 */
  return g_strdup_printf (_("%s hours"), number);
}
