#define G_LOG_DOMAIN "rd-response"

#include "config.h"

#include <math.h>

#include "rd-response.h"

G_DEFINE_BOXED_TYPE (RdResponse, rd_response, rd_response_copy, rd_response_free)

RdResponse *
rd_response_new (RdGroup group)
{
  RdResponse *response = g_new0 (RdResponse, 1);

  response->group = group;
  response->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  return response;
}

RdResponse *
rd_response_copy (const RdResponse *response)
{
  RdResponse *copy = rd_response_new (response->group);

  copy->pseudonym = g_strdup (response->pseudonym);
  copy->n_left_out = response->n_left_out;
  for (guint i = 0; i < response->answers->len; i++)
    g_ptr_array_add (copy->answers, rd_answer_copy (g_ptr_array_index (response->answers, i)));
  return copy;
}

void
rd_response_free (RdResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->pseudonym);
  g_ptr_array_unref (response->answers);
  g_free (response);
}

/* A new, empty answer (no value yet) owned by @response. */
RdAnswer *
rd_response_add_answer (RdResponse *response,
                        const char *item_id,
                        guint       item_version)
{
  RdAnswer *answer = rd_answer_new ();

  answer->item_id = g_strdup (item_id);
  answer->item_version = item_version;
  answer->group = response->group;
  g_ptr_array_add (response->answers, answer);
  return answer;
}

/* Takes out the answers to items that @framework does not ask of the
 * response's group, which would count in no score; adds them to
 * n_left_out and returns how many went. */
guint
rd_response_leave_out_unasked (RdResponse  *response,
                               RdFramework *framework)
{
  guint n = 0;

  for (guint i = 0; i < response->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (item != NULL && !rd_item_asks (item, response->group))
        {
          g_ptr_array_remove_index (response->answers, i--);
          n++;
        }
    }
  response->n_left_out += n;
  return n;
}
