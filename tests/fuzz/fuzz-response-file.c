/* libFuzzer target for rd_response_file_parse; tests/fuzz/README.md says
 * how to build and run it. Beyond the sanitizers it checks the contract:
 * an error is an RD_IMPORT_ERROR naming the file; an accepted response has
 * a valid group and only answers the framework's items would accept. */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rd-errors.h"
#include "rd-response-file.h"

#define NAME "fuzz.readiness-response"

#define CHECK(condition)                                                \
  G_STMT_START {                                                        \
    if (!(condition))                                                   \
      {                                                                 \
        fprintf (stderr, "%s:%d: check failed: %s\n",                   \
                 __FILE__, __LINE__, #condition);                       \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static RdFramework *framework;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = NULL;

  if (framework == NULL)
    {
      framework = rd_framework_load_builtin (NULL);
      CHECK (framework != NULL);
    }

  response = rd_response_file_parse ((const char *) data, size, NAME, framework, &error);
  if (response == NULL)
    {
      CHECK (error != NULL);
      CHECK (error->domain == RD_IMPORT_ERROR);
      CHECK (g_str_has_prefix (error->message, NAME ": "));
      return 0;
    }

  CHECK (error == NULL);
  CHECK (response->group < RD_N_GROUPS);
  for (guint i = 0; i < response->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      CHECK (item != NULL);
      CHECK (rd_item_accepts_version (item, answer->item_version));
      if (answer->not_applicable)
        CHECK (isnan (answer->value) && answer->julian_day == 0);
      else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
        CHECK (g_date_valid_julian (answer->julian_day));
      else
        CHECK (rd_item_check_value (item, answer->value, NULL));
    }

  return 0;
}
