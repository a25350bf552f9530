/* libFuzzer target for rd_exchange_parse; tests/fuzz/README.md says how to
 * build and run it. Beyond the sanitizers it checks the contract: an error
 * is an RD_IMPORT_ERROR naming the file; an accepted file's texts are
 * UTF-8, and its school can be written and read back, giving the same file
 * again. */

#include "config.h"

#include "fuzz-check.h"
#include "rd-exchange.h"

#define NAME "fuzz.readiness"

/* Every text of an accepted file is UTF-8: it is shown and stored. */
static void
check_texts (RdExchangeSchool *school)
{
  CHECK_TEXT (school->name);
  CHECK_TEXT (school->region);
  CHECK_TEXT (school->type_note);
  CHECK (school->school_type < RD_N_SCHOOL_TYPES);
  CHECK_TEXT (school->framework_id);
  for (guint a = 0; a < school->assessments->len; a++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, a);

      CHECK_TEXT (assessment->uuid);
      CHECK_TEXT (assessment->school_year);
      CHECK_TEXT (assessment->framework_version);
      for (guint r = 0; assessment->respondents != NULL && r < assessment->respondents->len; r++)
        {
          RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

          CHECK_TEXT (respondent->uuid);
          CHECK_TEXT (respondent->response->pseudonym);
        }
      for (guint i = 0; assessment->actions != NULL && i < assessment->actions->len; i++)
        {
          RdExchangeAction *exchanged = g_ptr_array_index (assessment->actions, i);
          RdAction *action = exchanged->action;
          const char * const *item_ids = rd_action_get_item_ids (action);

          CHECK_TEXT (exchanged->uuid);
          CHECK_TEXT (exchanged->origin);
          CHECK_TEXT (rd_action_get_title (action));
          CHECK_TEXT (rd_action_get_owner (action));
          CHECK_TEXT (rd_action_get_due (action));
          CHECK_TEXT (rd_action_get_criterion (action));
          CHECK_TEXT (rd_action_get_notes (action));
          CHECK_TEXT (rd_action_get_carried_from (action));
          for (guint j = 0; item_ids != NULL && item_ids[j] != NULL; j++)
            CHECK_TEXT (item_ids[j]);
        }
      /* Commentary and evidence: UTF-8, a link only http(s), a real date. */
      for (guint n = 0; n < assessment->item_notes->len; n++)
        {
          RdExchangeItemNote *note = g_ptr_array_index (assessment->item_notes, n);

          CHECK_TEXT (note->item_id);
          CHECK_TEXT (note->commentary);
          CHECK (note->commentary != NULL || note->evidence->len > 0);
          for (guint e = 0; e < note->evidence->len; e++)
            {
              RdEvidence *evidence = g_ptr_array_index (note->evidence, e);
              RdEvidenceLocation kind;

              CHECK_TEXT (rd_evidence_get_title (evidence));
              CHECK_TEXT (rd_evidence_get_location (evidence));
              CHECK (rd_evidence_location_classify (rd_evidence_get_location (evidence), &kind, NULL));
              CHECK (rd_evidence_get_date (evidence) == NULL || rd_evidence_date_is_valid (rd_evidence_get_date (evidence)));
            }
        }
    }
}

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
  check_texts (school);
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
