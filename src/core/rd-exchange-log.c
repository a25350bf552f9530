#define G_LOG_DOMAIN "rd-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rd-exchange-log.h"

void
rd_exchange_add_log_figures (JsonBuilder           *builder,
                             const RdLearningFacts *facts)
{
  if (facts == NULL || facts->n_figures == 0)
    return;

  json_builder_set_member_name (builder, "log_figures");
  json_builder_begin_object (builder);
  for (guint f = 0; f < facts->n_figures; f++)
    {
      json_builder_set_member_name (builder, facts->figures[f].item_id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, facts->figures[f].value);
      json_builder_set_member_name (builder, "staff");
      json_builder_add_int_value (builder, facts->figures[f].n_staff);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

gboolean
rd_exchange_read_log_figures (RdJsonCheck     *check,
                              JsonObject      *object,
                              const char      *place,
                              RdLearningFacts *facts)
{
  static const char * const keys[] = { "value", "staff", NULL };
  g_autofree char *where = g_strdup_printf ("%s.log_figures", place);
  g_autoptr(GList) members = NULL;
  JsonObject *figures;

  if (!json_object_has_member (object, "log_figures"))
    return TRUE;
  figures = rd_json_get_object (check, object, place, "log_figures", TRUE);
  if (figures == NULL)
    return FALSE;

  members = json_object_get_members (figures);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *item_id = rd_learning_measure_id (l->data);
      g_autofree char *at = g_strdup_printf ("%s.%s", where, (const char *) l->data);
      JsonObject *figure;
      double value;
      guint n_staff;

      if (item_id == NULL || facts->n_figures >= RD_LEARNING_N_MEASURES ||
          rd_learning_facts_lookup (facts, item_id) != NULL)
        return rd_json_fail (check, where, _("“%s” is not a question the learning log answers"),
                             (const char *) l->data);
      figure = rd_json_get_object (check, figures, where, l->data, TRUE);
      if (figure == NULL || !rd_json_check_keys (check, figure, at, keys) ||
          !rd_json_get_number (check, figure, at, "value", TRUE, &value) ||
          !rd_json_get_positive_int (check, figure, at, "staff", TRUE, &n_staff))
        return FALSE;
      if (!isfinite (value) || value < 0 || value > 100)
        return rd_json_fail (check, at, _("a share of staff is a number from 0 to 100"));
      /* json-glib keeps one member per name: each item comes once. */
      facts->figures[facts->n_figures++] = (RdLogFigure) { item_id, value, n_staff };
      facts->imported = TRUE;
    }
  return TRUE;
}

void
rd_exchange_add_log_answers (const RdExchangeAssessment *assessment,
                             RdSchoolType                school_type,
                             RdFramework                *framework,
                             GPtrArray                  *all,
                             GPtrArray                  *owned)
{
  RdLearningFacts facts = assessment->log_facts;
  guint before = all->len;

  facts.reference_day = assessment->reference_day ? assessment->reference_day
                                                  : rd_day_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
  rd_learning_facts_add_answers (&facts, framework, school_type, all);
  for (guint i = before; i < all->len; i++)
    g_ptr_array_add (owned, g_ptr_array_index (all, i));
}
