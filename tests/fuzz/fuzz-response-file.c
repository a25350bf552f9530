/* libFuzzer target for rd_response_file_parse; tests/fuzz/README.md says
 * how to build and run it. Beyond the sanitizers it checks the contract:
 * an error is an RD_IMPORT_ERROR naming the file; an accepted response has
 * a valid group and only answers the framework's items would accept. */

#include "config.h"

#include <math.h>

#include "fuzz-check.h"
#include "rd-response-file.h"

#define NAME "fuzz.readiness-response"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RdFramework *framework = fuzz_builtin_framework ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RdResponse) response = NULL;

  response = rd_response_file_parse ((const char *) data, size, NAME, framework, &error);
  if (response == NULL)
    {
      fuzz_check_import_error (error, NAME);
      return 0;
    }

  CHECK (error == NULL);
  CHECK (response->group < RD_N_GROUPS);
  CHECK_TEXT (response->pseudonym);
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
