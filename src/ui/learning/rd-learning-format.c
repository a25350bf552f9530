#define G_LOG_DOMAIN "rd-learning-format"

#include "config.h"

#include <glib/gi18n.h>

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
  /* Translators: a share and what it is counted over: "64 % (11 staff)" */
  return g_strdup_printf (_("%s (%s)"), percent, count);
}

char *
rd_learning_format_source (const RdLogFigure *figure)
{
  g_autofree char *text = rd_learning_format_figure (figure);

  /* Translators: under a question the learning log answers; %s is "64 % (11 staff)" */
  return g_strdup_printf (_("From the log: %s. An answer here overrides it."), text);
}
