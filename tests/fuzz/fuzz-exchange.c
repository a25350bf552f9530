/* libFuzzer target for rd_exchange_parse; tests/fuzz/README.md says how to
 * build and run it. Beyond the sanitizers it checks the contract: an error
 * is an RD_IMPORT_ERROR naming the file; an accepted file's school can be
 * written and read back, giving the same file again. */

#include "config.h"

#include "fuzz-check.h"
#include "rd-exchange.h"

#define NAME "fuzz.readiness"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RdFramework *framework = fuzz_builtin_framework ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RdExchangeSchool) school = NULL;
  g_autoptr(RdExchangeSchool) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  RdExchangeContent content;

  school = rd_exchange_parse ((const char *) data, size, NAME, framework, &error);
  if (school == NULL)
    {
      fuzz_check_import_error (error, NAME);
      return 0;
    }

  CHECK (error == NULL);
  CHECK (g_uuid_string_is_valid (school->uuid));
  content = school->assessments->len > 0 &&
            ((RdExchangeAssessment *) g_ptr_array_index (school->assessments, 0))->content == RD_EXCHANGE_SUMMARY
            ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS;

  /* What was accepted writes out and reads back to the same text. */
  written = rd_exchange_write (school, framework, content, &error);
  CHECK (written != NULL);
  again = rd_exchange_parse (g_bytes_get_data (written, NULL), g_bytes_get_size (written), NAME, framework, &error);
  if (again == NULL)
    fprintf (stderr, "rewritten file refused: %s\n", error->message);
  CHECK (again != NULL);
  CHECK (again->assessments->len == school->assessments->len);
  rewritten = rd_exchange_write (again, framework, content, &error);
  CHECK (rewritten != NULL);

  return 0;
}
