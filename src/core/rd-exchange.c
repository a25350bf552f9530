#define G_LOG_DOMAIN "rd-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rd-assessment.h"
#include "rd-errors.h"
#include "rd-exchange.h"
#include "rd-exchange-log.h"
#include "rd-input.h"
#include "rd-json-check.h"

#define FORMAT_NAME "readiness-exchange"

RdExchangeSchool *
rd_exchange_school_new (void)
{
  RdExchangeSchool *school = g_new0 (RdExchangeSchool, 1);

  school->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_assessment_free);
  school->notices = g_ptr_array_new_with_free_func (g_free);
  return school;
}

void
rd_exchange_school_free (RdExchangeSchool *school)
{
  if (school == NULL)
    return;
  g_free (school->uuid);
  g_free (school->name);
  g_free (school->region);
  g_free (school->type_note);
  g_free (school->framework_id);
  g_ptr_array_unref (school->assessments);
  g_ptr_array_unref (school->notices);
  g_free (school);
}

guint
rd_exchange_school_count_answers (const RdExchangeSchool *school)
{
  guint n = 0;

  for (guint a = 0; a < school->assessments->len; a++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, a);

      for (guint r = 0; r < assessment->respondents->len; r++)
        {
          RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

          n += respondent->response->answers->len + respondent->own_answers->len;
        }
    }
  return n;
}

RdExchangeAssessment *
rd_exchange_assessment_new (void)
{
  RdExchangeAssessment *assessment = g_new0 (RdExchangeAssessment, 1);

  assessment->respondents = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_respondent_free);
  assessment->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_action_free);
  assessment->own_questions = g_ptr_array_new_with_free_func (g_object_unref);
  assessment->item_notes = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_exchange_item_note_free);
  return assessment;
}

void
rd_exchange_assessment_free (RdExchangeAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->uuid);
  g_free (assessment->school_year);
  g_free (assessment->framework_version);
  g_ptr_array_unref (assessment->respondents);
  g_ptr_array_unref (assessment->actions);
  g_ptr_array_unref (assessment->own_questions);
  g_ptr_array_unref (assessment->item_notes);
  rd_assessment_scores_free (assessment->scores);
  rd_assessment_scores_free (assessment->answer_scores);
  g_free (assessment);
}

RdExchangeItemNote *
rd_exchange_item_note_new (const char *item_id)
{
  RdExchangeItemNote *note = g_new0 (RdExchangeItemNote, 1);

  note->item_id = g_strdup (item_id);
  note->evidence = g_ptr_array_new_with_free_func (g_object_unref);
  return note;
}

void
rd_exchange_item_note_free (RdExchangeItemNote *note)
{
  if (note == NULL)
    return;
  g_free (note->item_id);
  g_free (note->commentary);
  g_ptr_array_unref (note->evidence);
  g_free (note);
}

static gint
compare_item_ids (gconstpointer a,
                  gconstpointer b)
{
  return strcmp ((*(RdAnswer * const *) a)->item_id, (*(RdAnswer * const *) b)->item_id);
}

static void
score_answers (RdExchangeAssessment *assessment,
               RdSchoolType          school_type,
               RdFramework          *framework)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint32 reference = assessment->reference_day ? assessment->reference_day : rd_day_from_unix_local (now);

  /* As import_respondents () in rd-store-exchange.c fills them in; the
   * respondents' numbers only tell them apart and keep their order. */
  for (guint r = 0; r < assessment->respondents->len; r++)
    {
      RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);
      GPtrArray *answers = respondent->response->answers;

      g_ptr_array_sort (answers, compare_item_ids);
      for (guint a = 0; a < answers->len; a++)
        {
          RdAnswer *answer = g_ptr_array_index (answers, a);

          answer->respondent_id = r + 1;
          answer->group = respondent->response->group;
          answer->answered = now;
          answer->reference_day = reference;
          answer->school_type = school_type;
          g_ptr_array_add (all, answer);
        }
    }
  rd_exchange_add_log_answers (assessment, school_type, framework, all, log);
  rd_assessment_scores_free (assessment->answer_scores);
  assessment->answer_scores = rd_assessment_scores_compute (framework, assessment->mode, all);
}

void
rd_exchange_school_score_answers (RdExchangeSchool *school,
                                  RdFramework      *framework)
{
  for (guint i = 0; i < school->assessments->len; i++)
    {
      RdExchangeAssessment *assessment = g_ptr_array_index (school->assessments, i);

      if (assessment->content == RD_EXCHANGE_ANSWERS)
        score_answers (assessment, school->school_type, framework);
    }
}

RdExchangeRespondent *
rd_exchange_respondent_new (const char *uuid,
                            RdResponse *response)
{
  RdExchangeRespondent *respondent = g_new0 (RdExchangeRespondent, 1);

  respondent->uuid = g_strdup (uuid);
  respondent->response = response;
  respondent->own_answers = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_answer_free);
  return respondent;
}

void
rd_exchange_respondent_free (RdExchangeRespondent *respondent)
{
  if (respondent == NULL)
    return;
  g_free (respondent->uuid);
  rd_response_free (respondent->response);
  g_ptr_array_unref (respondent->own_answers);
  g_free (respondent);
}

RdExchangeAction *
rd_exchange_action_new (const char *uuid,
                        const char *origin,
                        RdAction   *action)
{
  RdExchangeAction *exchange = g_new0 (RdExchangeAction, 1);

  exchange->uuid = g_strdup (uuid);
  exchange->origin = g_strdup (origin ? origin : uuid);
  exchange->action = action;
  return exchange;
}

void
rd_exchange_action_free (RdExchangeAction *action)
{
  if (action == NULL)
    return;
  g_free (action->uuid);
  g_free (action->origin);
  g_clear_object (&action->action);
  g_free (action);
}

/* Writing */

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       unix_time)
{
  g_autoptr(GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  add_string (builder, key, text);
}

/* NAN, "no score", is written as null. */
static void
add_score (JsonBuilder *builder,
           const char  *key,
           double       score)
{
  json_builder_set_member_name (builder, key);
  if (isnan (score))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, score);
}

static void
add_answers (JsonBuilder *builder,
             RdFramework *framework,
             RdResponse  *response)
{
  gboolean other_versions = FALSE;

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < response->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (item == NULL)
        continue;
      other_versions |= answer->item_version != rd_item_get_version (item);
      json_builder_set_member_name (builder, answer->item_id);
      if (answer->not_applicable)
        json_builder_add_null_value (builder);
      else if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
        {
          GDate date;
          char iso[16];

          rd_answer_get_date (answer, &date);
          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
          json_builder_add_string_value (builder, iso);
        }
      else
        json_builder_add_double_value (builder, answer->value);
    }
  json_builder_end_object (builder);

  /* Only answers to an older version of an item say which one. */
  if (!other_versions)
    return;
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_object (builder);
  for (guint i = 0; i < response->answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (response->answers, i);
      RdItem *item = rd_framework_lookup_item (framework, answer->item_id);

      if (item != NULL && answer->item_version != rd_item_get_version (item))
        {
          json_builder_set_member_name (builder, answer->item_id);
          json_builder_add_int_value (builder, answer->item_version);
        }
    }
  json_builder_end_object (builder);
}

/* A summary of answers computes their scores; a summary read from a
 * file already has them. */
static RdAssessmentScores *
summarize (RdFramework                *framework,
           RdSchoolType                school_type,
           const RdExchangeAssessment *assessment)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();

  if (assessment->scores != NULL)
    return NULL;

  for (guint r = 0; r < assessment->respondents->len; r++)
    {
      RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

      for (guint a = 0; a < respondent->response->answers->len; a++)
        {
          RdAnswer *answer = g_ptr_array_index (respondent->response->answers, a);

          /* The analysis tells respondents apart by id. */
          answer->respondent_id = r + 1;
          answer->group = respondent->response->group;
          answer->school_type = school_type;
          g_ptr_array_add (answers, answer);
        }
    }

  return rd_assessment_scores_compute (framework, assessment->mode, answers);
}

static void
add_summary (JsonBuilder                *builder,
             RdFramework                *framework,
             RdSchoolType                school_type,
             const RdExchangeAssessment *assessment)
{
  g_autoptr(RdAssessmentScores) computed = summarize (framework, school_type, assessment);
  const RdAssessmentScores *scores = computed ? computed : assessment->scores;

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "respondents");
  json_builder_begin_object (builder);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (scores->group_sizes[g] > 0)
      {
        json_builder_set_member_name (builder, rd_group_to_id (g));
        json_builder_add_int_value (builder, scores->group_sizes[g]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "factors");
  json_builder_begin_object (builder);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      json_builder_set_member_name (builder, rd_factor_to_id (f));
      json_builder_begin_object (builder);
      add_score (builder, "readiness", scores->factor[f]);
      add_score (builder, "spread", scores->factor_spread[f]);
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, scores->factor_n[f]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "areas");
  json_builder_begin_object (builder);
  for (guint a = 0; a < scores->n_areas; a++)
    add_score (builder, scores->area_ids[a], scores->area[a]);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
add_action (JsonBuilder            *builder,
            const RdExchangeAction *exchange)
{
  RdAction *action = exchange->action;
  const char * const *items = rd_action_get_item_ids (action);

  json_builder_begin_object (builder);
  add_string (builder, "id", exchange->uuid);
  add_string (builder, "origin", exchange->origin);
  add_string (builder, "title", rd_action_get_title (action));
  add_string (builder, "factor", rd_factor_to_id (rd_action_get_factor (action)));
  add_string (builder, "status", rd_action_status_to_id (rd_action_get_status (action)));
  add_string (builder, "owner", rd_action_get_owner (action));
  add_string (builder, "due", rd_action_get_due (action));
  add_string (builder, "criterion", rd_action_get_criterion (action));
  add_string (builder, "notes", rd_action_get_notes (action));
  add_string (builder, "carried_from", rd_action_get_carried_from (action));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_double_value (builder, value);
}

static void
add_own_question (JsonBuilder   *builder,
                  RdOwnQuestion *question)
{
  RdItemKind kind = rd_own_question_get_kind (question);

  json_builder_begin_object (builder);
  add_string (builder, "id", rd_own_question_get_id (question));
  add_string (builder, "kind", rd_item_kind_to_id (kind));
  add_string (builder, "area", rd_own_question_get_area_id (question));
  add_string (builder, "text", rd_own_question_get_text (question));
  add_string (builder, "help", rd_own_question_get_help (question));

  json_builder_set_member_name (builder, "audience");
  json_builder_begin_array (builder);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (rd_own_question_asks (question, g))
      json_builder_add_string_value (builder, rd_group_to_id (g));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "factors");
  json_builder_begin_object (builder);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    if (rd_own_question_get_weight (question, f) > 0)
      add_number (builder, rd_factor_to_id (f), rd_own_question_get_weight (question, f));
  json_builder_end_object (builder);

  if (kind == RD_ITEM_KIND_NUMBER)
    {
      add_string (builder, "unit", rd_own_question_get_unit (question));
      add_number (builder, "min", rd_own_question_get_min (question));
      if (isfinite (rd_own_question_get_max (question)))
        add_number (builder, "max", rd_own_question_get_max (question));
    }
  if (kind == RD_ITEM_KIND_NUMBER || kind == RD_ITEM_KIND_PERCENT)
    add_number (builder, "target", rd_own_question_get_target (question));
  if (kind != RD_ITEM_KIND_STATEMENT)
    add_string (builder, "direction", rd_own_direction_to_id (rd_own_question_get_direction (question)));
  json_builder_end_object (builder);
}

static void
add_own_answers (JsonBuilder                *builder,
                 const RdExchangeRespondent *respondent)
{
  if (respondent->own_answers->len == 0)
    return;

  json_builder_set_member_name (builder, "own_answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < respondent->own_answers->len; i++)
    {
      RdAnswer *answer = g_ptr_array_index (respondent->own_answers, i);

      json_builder_set_member_name (builder, answer->item_id);
      if (answer->not_applicable)
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, answer->value);
    }
  json_builder_end_object (builder);
}

/* Format 4: an item's commentary and evidence, as the school wrote them. */
static void
add_item_note (JsonBuilder              *builder,
               const RdExchangeItemNote *note)
{
  json_builder_begin_object (builder);
  add_string (builder, "item", note->item_id);
  add_string (builder, "commentary", note->commentary);
  if (note->evidence->len > 0)
    {
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint i = 0; i < note->evidence->len; i++)
        {
          RdEvidence *evidence = g_ptr_array_index (note->evidence, i);

          json_builder_begin_object (builder);
          add_string (builder, "title", rd_evidence_get_title (evidence));
          add_string (builder, "location", rd_evidence_get_location (evidence));
          add_string (builder, "date", rd_evidence_get_date (evidence));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* A summary has no own questions: their notes stay home with them. */
static gboolean
note_goes (const RdExchangeItemNote *note,
           gboolean                  summary)
{
  return !summary || !g_str_has_prefix (note->item_id, RD_OWN_QUESTION_ID_PREFIX);
}

static gboolean
assessment_has_notes (const RdExchangeAssessment *assessment,
                      gboolean                    summary)
{
  for (guint i = 0; i < assessment->item_notes->len; i++)
    if (note_goes (g_ptr_array_index (assessment->item_notes, i), summary))
      return TRUE;
  return FALSE;
}

static void
add_assessment (JsonBuilder                *builder,
                RdFramework                *framework,
                RdSchoolType                school_type,
                const RdExchangeAssessment *assessment,
                RdExchangeContent           content)
{
  /* Answers to questions of an earlier edition are written as given. */
  RdFramework *edition = rd_framework_get_edition (framework, rd_framework_get_id (framework),
                                                   assessment->framework_version);

  json_builder_begin_object (builder);
  add_string (builder, "id", assessment->uuid);
  add_string (builder, "school_year", assessment->school_year);
  add_string (builder, "framework_version", assessment->framework_version);
  add_string (builder, "mode", rd_assessment_mode_to_id (assessment->mode));
  add_string (builder, "status", rd_assessment_status_to_id (assessment->status));
  add_time (builder, "created", assessment->created);
  add_time (builder, "completed", assessment->completed);
  if (assessment->reference_day != 0)
    {
      g_autofree char *day = rd_day_to_iso (assessment->reference_day);

      add_string (builder, "reference_date", day);
    }

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      json_builder_set_member_name (builder, rd_factor_to_id (f));
      json_builder_add_double_value (builder, assessment->targets[f]);
    }
  json_builder_end_object (builder);
  rd_exchange_add_log_figures (builder, &assessment->log_facts);

  /* A summary carries scores computed from the answers, never the answers. */
  if (content == RD_EXCHANGE_SUMMARY || assessment->content == RD_EXCHANGE_SUMMARY)
    add_summary (builder, framework, school_type, assessment);
  else
    {
      /* Format 3: only where there are any, so that a file without them
       * stays one that Readiness 1.1 reads. */
      if (assessment->own_questions->len > 0)
        {
          json_builder_set_member_name (builder, "own_questions");
          json_builder_begin_array (builder);
          for (guint q = 0; q < assessment->own_questions->len; q++)
            add_own_question (builder, g_ptr_array_index (assessment->own_questions, q));
          json_builder_end_array (builder);
        }

      json_builder_set_member_name (builder, "respondents");
      json_builder_begin_array (builder);
      for (guint r = 0; r < assessment->respondents->len; r++)
        {
          RdExchangeRespondent *respondent = g_ptr_array_index (assessment->respondents, r);

          json_builder_begin_object (builder);
          add_string (builder, "id", respondent->uuid);
          add_string (builder, "group", rd_group_to_id (respondent->response->group));
          add_answers (builder, edition, respondent->response);
          add_own_answers (builder, respondent);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < assessment->actions->len; i++)
    add_action (builder, g_ptr_array_index (assessment->actions, i));
  json_builder_end_array (builder);

  /* Format 4, only what the school chose to carry. */
  if (assessment_has_notes (assessment, content == RD_EXCHANGE_SUMMARY))
    {
      json_builder_set_member_name (builder, "item_notes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < assessment->item_notes->len; i++)
        {
          RdExchangeItemNote *note = g_ptr_array_index (assessment->item_notes, i);

          if (note_goes (note, content == RD_EXCHANGE_SUMMARY))
            add_item_note (builder, note);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

GBytes *
rd_exchange_write (const RdExchangeSchool  *school,
                   RdFramework             *framework,
                   RdExchangeContent        content,
                   GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean summary = content == RD_EXCHANGE_SUMMARY;
  gboolean own = FALSE, notes = FALSE, log = FALSE;
  guint version;
  gsize length;
  char *text;

  g_return_val_if_fail (school != NULL, NULL);
  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  for (guint i = 0; i < school->assessments->len; i++)
    summary |= ((RdExchangeAssessment *) g_ptr_array_index (school->assessments, i))->content == RD_EXCHANGE_SUMMARY;
  /* A summary carries scores only, never a school's own questions. */
  for (guint i = 0; !summary && i < school->assessments->len; i++)
    own |= ((RdExchangeAssessment *) g_ptr_array_index (school->assessments, i))->own_questions->len > 0;
  for (guint i = 0; i < school->assessments->len; i++)
    {
      notes |= assessment_has_notes (g_ptr_array_index (school->assessments, i), summary);
      log |= ((RdExchangeAssessment *) g_ptr_array_index (school->assessments, i))->log_facts.n_figures > 0;
    }
  /* The oldest version that holds what the file has, for older readers. */
  version = notes ? RD_EXCHANGE_ITEM_NOTES_VERSION
          : log ? RD_EXCHANGE_LOG_FIGURES_VERSION
          : own ? RD_EXCHANGE_OWN_QUESTIONS_VERSION : 2;

  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, version);
  add_string (builder, "content", summary ? "summary" : "answers");
  add_time (builder, "created", g_get_real_time () / G_USEC_PER_SEC);
  add_string (builder, "generator", "Readiness " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  add_string (builder, "id", rd_framework_get_id (framework));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "school");
  json_builder_begin_object (builder);
  add_string (builder, "id", school->uuid);
  add_string (builder, "name", school->name);
  add_string (builder, "region", school->region);
  add_string (builder, "type", rd_school_type_to_id (school->school_type));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "assessments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < school->assessments->len; i++)
    add_assessment (builder, framework, school->school_type, g_ptr_array_index (school->assessments, i),
                    summary ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  text = json_generator_to_data (generator, &length);
  if (text == NULL)
    {
      g_set_error_literal (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, _("The exchange file could not be written"));
      return NULL;
    }

  return g_bytes_new_take (text, length);
}

/* Reading */

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  RdJsonCheck check;
  RdFramework *framework;
  RdFramework *edition;  /* the one the assessment being read was answered with */
  GHashTable *uuids;   /* every id seen in the file: each may appear once */
  GDate today;
  guint format_version;
  gint64 created;      /* when the file was written; 0 when it does not say */
  GDate reference;     /* the assessment's reference date, or today in format 1 */
  GPtrArray *notices;  /* the school's */
  RdJsonParts *parts;  /* respondents and actions, read one at a time */
  JsonParser *part_parser;
  GPtrArray *own_questions;  /* the assessment's being read, which own answers answer */
} Reader;

static gboolean
read_uuid (Reader      *reader,
           JsonObject  *object,
           const char  *place,
           char       **out)
{
  const char *text;

  if (!rd_json_get_string (&reader->check, object, place, "id", TRUE, &text))
    return FALSE;
  if (!g_uuid_string_is_valid (text))
    return rd_json_fail (&reader->check, place, _("“%s” is not an id of the form 8-4-4-4-12 hexadecimal digits"),
                         text);
  if (!g_hash_table_add (reader->uuids, g_ascii_strdown (text, -1)))
    return rd_json_fail (&reader->check, place, _("the id “%s” appears twice in the file"), text);

  *out = g_ascii_strdown (text, -1);
  return TRUE;
}

static gboolean
read_time (Reader      *reader,
           JsonObject  *object,
           const char  *place,
           const char  *key,
           gboolean     required,
           gint64      *out)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *where = g_strdup_printf ("%s.%s", place, key);
  const char *text = NULL;

  *out = 0;
  if (!rd_json_get_string (&reader->check, object, where, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return rd_json_fail (&reader->check, where, _("“%s” is not a time such as 2026-11-23T10:15:00Z"), text);
  *out = g_date_time_to_unix (time);
  /* 0 stands for "no time" in the store. */
  if (*out <= 0)
    return rd_json_fail (&reader->check, where, _("“%s” is before 1970"), text);
  return TRUE;
}

/* Fails at answer @item_id of the respondent at @place. The place is
 * only put together for a message: formatting it for each of a region's
 * millions of answers cost a tenth of reading them. */
static gboolean answer_fail (Reader     *reader,
                             const char *place,
                             const char *item_id,
                             const char *format,
                             ...) G_GNUC_PRINTF (4, 5);

static gboolean
answer_fail (Reader     *reader,
             const char *place,
             const char *item_id,
             const char *format,
             ...)
{
  g_autofree char *where = g_strdup_printf ("%s.answers “%s”", place, item_id);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return rd_json_fail (&reader->check, where, "%s", message);
}

/* An answer is a number, a date "YYYY-MM-DD", or null for "not applicable". */
static gboolean
read_answer (Reader      *reader,
             const char  *place,
             RdItem      *item,
             guint        version,
             JsonNode    *node,
             RdResponse  *response)
{
  g_autoptr(GError) value_error = NULL;
  const char *item_id = rd_item_get_id (item);
  RdAnswer *answer;

  if (!rd_item_accepts_version (item, version))
    return answer_fail (reader, place, item_id, _("version %u of the item cannot be compared with version %u"),
                        version, rd_item_get_version (item));

  answer = rd_response_add_answer (response, item_id, version);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      answer->not_applicable = TRUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return answer_fail (reader, place, item_id, _("an answer is a number, a date or null"));

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      GDate date;

      if (rd_item_get_kind (item) != RD_ITEM_KIND_DATE)
        return answer_fail (reader, place, item_id, _("the item takes a value, not a date"));
      g_date_clear (&date, 1);
      if (!rd_input_parse_date (json_node_get_string (node), &date, &value_error))
        return answer_fail (reader, place, item_id, "%s", value_error->message);
      if (reader->format_version >= 2 && g_date_compare (&date, &reader->reference) > 0)
        return answer_fail (reader, place, item_id, _("“%s” lies after the assessment’s reference date"),
                            json_node_get_string (node));
      if (!rd_item_check_date (item, &date, &reader->reference, &value_error))
        return answer_fail (reader, place, item_id, "%s", value_error->message);
      answer->julian_day = g_date_get_julian (&date);
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return answer_fail (reader, place, item_id, _("an answer is a number, a date or null"));
  if (rd_item_get_kind (item) == RD_ITEM_KIND_DATE)
    return answer_fail (reader, place, item_id, _("the item takes a date, not a value"));
  answer->value = json_node_get_double (node);
  if (!rd_item_check_value (item, answer->value, &value_error))
    return answer_fail (reader, place, item_id, "%s", value_error->message);

  return TRUE;
}

/* Fails at own answer @question_id of the respondent at @place. */
static gboolean
own_answer_fail (Reader     *reader,
                 const char *place,
                 const char *question_id,
                 const char *message)
{
  g_autofree char *where = g_strdup_printf ("%s.own_answers “%s”", place, question_id);

  return rd_json_fail (&reader->check, where, "%s", message);
}

/* Format 3: answers to the assessment's own questions, a number or null
 * for "not applicable". */
static gboolean
read_own_answers (Reader               *reader,
                  JsonObject           *object,
                  const char           *place,
                  RdExchangeRespondent *respondent)
{
  JsonObject *answers;
  JsonObjectIter iter;
  JsonNode *value;
  const char *question_id;

  if (!json_object_has_member (object, "own_answers"))
    return TRUE;
  answers = rd_json_get_object (&reader->check, object, place, "own_answers", TRUE);
  if (answers == NULL)
    return FALSE;

  json_object_iter_init_ordered (&iter, answers);
  while (json_object_iter_next_ordered (&iter, &question_id, &value))
    {
      RdOwnQuestion *question = rd_own_questions_lookup (reader->own_questions, question_id);
      g_autoptr(GError) value_error = NULL;
      RdAnswer *answer;

      if (question == NULL)
        return own_answer_fail (reader, place, question_id, _("the assessment has no such question of its own"));
      answer = rd_answer_new ();
      answer->item_id = g_strdup (question_id);
      answer->item_version = 1;
      g_ptr_array_add (respondent->own_answers, answer);
      if (JSON_NODE_HOLDS_NULL (value))
        {
          answer->not_applicable = TRUE;
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_INT64 && json_node_get_value_type (value) != G_TYPE_DOUBLE))
        return own_answer_fail (reader, place, question_id, _("an answer is a number or null"));
      answer->value = json_node_get_double (value);
      if (!rd_own_question_check_value (question, answer->value, &value_error))
        return own_answer_fail (reader, place, question_id, value_error->message);
    }
  return TRUE;
}

/* A plain respondent read straight from its text: json-glib's tree of it
 * cost three quarters of reading a file. Only "id", "group" and
 * "answers", strings without escapes, and answers the slow way would take
 * as they are; anything else, and every mistake, goes the slow way, whose
 * messages say what and where. */
typedef struct
{
  const char *p;
  const char *end;
} Scan;

static void
skip_space (Scan *scan)
{
  while (scan->p < scan->end && (*scan->p == ' ' || *scan->p == '\n' || *scan->p == '\t' || *scan->p == '\r'))
    scan->p++;
}

static gboolean
take (Scan *scan,
      char  c)
{
  skip_space (scan);
  if (scan->p >= scan->end || *scan->p != c)
    return FALSE;
  scan->p++;
  return TRUE;
}

/* Up to 63 bytes, copied into @buffer. */
static gboolean
take_string (Scan *scan,
             char  buffer[64])
{
  const char *start;

  if (!take (scan, '"'))
    return FALSE;
  start = scan->p;
  while (scan->p < scan->end && *scan->p != '"')
    {
      if (*scan->p == '\\' || (guchar) *scan->p < 0x20 || scan->p - start >= 63)
        return FALSE;
      scan->p++;
    }
  if (scan->p >= scan->end)
    return FALSE;
  memcpy (buffer, start, (gsize) (scan->p - start));
  buffer[scan->p - start] = '\0';
  scan->p++;
  return TRUE;
}

/* JSON's grammar of a number, short enough to be exact as a double. */
static gboolean
take_number (Scan   *scan,
             double *value)
{
  const char *start = scan->p, *p = scan->p;
  char buffer[32];

  if (p < scan->end && *p == '-')
    p++;
  if (p < scan->end && *p == '0')
    p++;
  else if (p < scan->end && *p >= '1' && *p <= '9')
    while (p < scan->end && g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (p < scan->end && *p == '.')
    {
      if (++p >= scan->end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < scan->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < scan->end && (*p == 'e' || *p == 'E'))
    return FALSE;
  if (p - start > 16)
    return FALSE;
  memcpy (buffer, start, (gsize) (p - start));
  buffer[p - start] = '\0';
  *value = g_ascii_strtod (buffer, NULL);
  scan->p = p;
  return TRUE;
}

static gboolean
take_answer (Reader     *reader,
             Scan       *scan,
             RdItem     *item,
             RdResponse *response)
{
  RdAnswer *answer;
  char text[64];
  double value;

  if (!rd_item_accepts_version (item, rd_item_get_version (item)))
    return FALSE;
  skip_space (scan);
  if (scan->end - scan->p >= 4 && memcmp (scan->p, "null", 4) == 0)
    {
      scan->p += 4;
      answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
      answer->not_applicable = TRUE;
      return TRUE;
    }
  if (scan->p < scan->end && *scan->p == '"')
    {
      GDate date;

      if (!take_string (scan, text) || rd_item_get_kind (item) != RD_ITEM_KIND_DATE)
        return FALSE;
      g_date_clear (&date, 1);
      if (!rd_input_parse_date (text, &date, NULL) ||
          (reader->format_version >= 2 && g_date_compare (&date, &reader->reference) > 0) ||
          !rd_item_check_date (item, &date, &reader->reference, NULL))
        return FALSE;
      answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
      answer->julian_day = g_date_get_julian (&date);
      return TRUE;
    }
  if (!take_number (scan, &value) || rd_item_get_kind (item) == RD_ITEM_KIND_DATE ||
      !rd_item_check_value (item, value, NULL))
    return FALSE;
  answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
  answer->value = value;
  return TRUE;
}

static gboolean
take_answers (Reader     *reader,
              Scan       *scan,
              RdResponse *response)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (!take (scan, '{'))
    return FALSE;
  if (take (scan, '}'))
    return TRUE;
  do
    {
      char item_id[64];
      RdItem *item;

      if (!take_string (scan, item_id) || !take (scan, ':'))
        return FALSE;
      item = rd_framework_lookup_item (reader->edition, item_id);
      /* A repeated item is the slow way's to report. */
      if (item == NULL || g_ptr_array_find (items, item, NULL))
        return FALSE;
      g_ptr_array_add (items, item);
      if (!take_answer (reader, scan, item, response))
        return FALSE;
    }
  while (take (scan, ','));
  return take (scan, '}');
}

static gboolean
read_respondent_fast (Reader               *reader,
                      JsonNode             *node,
                      RdExchangeAssessment *assessment)
{
  g_autoptr(RdResponse) response = rd_response_new (RD_GROUP_OTHER);
  char key[64], id[64] = "", group_id[64] = "";
  gboolean has_answers = FALSE;
  g_autofree char *uuid = NULL;
  const char *text;
  gsize length;
  RdGroup group;
  Scan scan;

  if (!rd_json_part_text (reader->parts, node, &text, &length))
    return FALSE;
  scan.p = text;
  scan.end = text + length;
  if (!take (&scan, '{'))
    return FALSE;
  do
    {
      if (!take_string (&scan, key) || !take (&scan, ':'))
        return FALSE;
      if (g_str_equal (key, "id") && id[0] == '\0')
        {
          if (!take_string (&scan, id))
            return FALSE;
        }
      else if (g_str_equal (key, "group") && group_id[0] == '\0')
        {
          if (!take_string (&scan, group_id))
            return FALSE;
        }
      else if (g_str_equal (key, "answers") && !has_answers)
        {
          if (!take_answers (reader, &scan, response))
            return FALSE;
          has_answers = TRUE;
        }
      else
        return FALSE;
    }
  while (take (&scan, ','));
  if (!take (&scan, '}'))
    return FALSE;
  skip_space (&scan);
  if (scan.p != scan.end || !has_answers || !g_uuid_string_is_valid (id) || !rd_group_from_id (group_id, &group))
    return FALSE;
  uuid = g_ascii_strdown (id, -1);
  if (g_hash_table_contains (reader->uuids, uuid))
    return FALSE;

  g_hash_table_add (reader->uuids, g_strdup (uuid));
  response->group = group;
  for (guint i = 0; i < response->answers->len; i++)
    ((RdAnswer *) g_ptr_array_index (response->answers, i))->group = group;
  g_ptr_array_add (assessment->respondents, rd_exchange_respondent_new (uuid, g_steal_pointer (&response)));
  return TRUE;
}

static gboolean
read_respondent (Reader               *reader,
                 JsonNode             *node,
                 const char           *place,
                 RdExchangeAssessment *assessment)
{
  static const char * const keys_2[] = { "id", "group", "answers", "versions", NULL };
  static const char * const keys_3[] = { "id", "group", "answers", "versions", "own_answers", NULL };
  const char * const *keys = reader->format_version >= RD_EXCHANGE_OWN_QUESTIONS_VERSION ? keys_3 : keys_2;
  RdExchangeRespondent *respondent;
  g_autofree char *uuid = NULL;
  g_autoptr(RdResponse) response = NULL;
  JsonObject *object, *answers, *versions;
  JsonObjectIter iter;
  JsonNode *value;
  const char *group_id, *item_id;
  RdGroup group;

  if (read_respondent_fast (reader, node, assessment))
    return TRUE;
  node = rd_json_load_part (&reader->check, reader->parts, node, reader->part_parser);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("a respondent must be an object"));
  object = json_node_get_object (node);
  if (reader->format_version < RD_EXCHANGE_OWN_QUESTIONS_VERSION && json_object_has_member (object, "own_answers"))
    return rd_json_fail (&reader->check, place, _("“%s” needs “format_version” %d"), "own_answers",
                         RD_EXCHANGE_OWN_QUESTIONS_VERSION);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !read_uuid (reader, object, place, &uuid) ||
      !rd_json_get_string (&reader->check, object, place, "group", TRUE, &group_id))
    return FALSE;
  if (!rd_group_from_id (group_id, &group))
    return rd_json_fail (&reader->check, place, _("unknown group “%s”"), group_id);

  answers = rd_json_get_object (&reader->check, object, place, "answers", TRUE);
  if (answers == NULL)
    return FALSE;
  versions = rd_json_get_object (&reader->check, object, place, "versions", FALSE);
  if (versions == NULL && json_object_has_member (object, "versions"))
    return FALSE;

  response = rd_response_new (group);
  json_object_iter_init_ordered (&iter, answers);
  while (json_object_iter_next_ordered (&iter, &item_id, &value))
    {
      RdItem *item = rd_framework_lookup_item (reader->edition, item_id);
      guint version;

      if (item == NULL)
        return answer_fail (reader, place, item_id, _("the framework has no such item"));
      version = rd_item_get_version (item);
      if (versions != NULL && json_object_has_member (versions, item_id))
        {
          g_autofree char *where = g_strdup_printf ("%s.answers “%s”", place, item_id);

          if (!rd_json_get_positive_int (&reader->check, versions, where, item_id, TRUE, &version))
            return FALSE;
        }
      if (!read_answer (reader, place, item, version, value, response))
        return FALSE;
    }

  /* Versions of items without an answer would be silently meaningless. */
  if (versions != NULL)
    {
      g_autoptr(GList) versioned = json_object_get_members (versions);

      for (GList *l = versioned; l != NULL; l = l->next)
        if (!json_object_has_member (answers, l->data))
          return rd_json_fail (&reader->check, place, _("“versions” names “%s”, which has no answer"),
                               (const char *) l->data);
    }

  respondent = rd_exchange_respondent_new (uuid, g_steal_pointer (&response));
  g_ptr_array_add (assessment->respondents, respondent);
  return read_own_answers (reader, object, place, respondent);
}

/* null or a score 0–100; NAN for null. */
static gboolean
read_score (Reader     *reader,
            JsonObject *object,
            const char *place,
            const char *key,
            double      max,
            double     *out)
{
  JsonNode *node = rd_json_get_member (&reader->check, object, place, key, TRUE);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, key);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NAN;
      return TRUE;
    }
  if (!rd_json_get_number (&reader->check, object, place, key, TRUE, out))
    return FALSE;
  if (!isfinite (*out) || *out < 0 || *out > max)
    return rd_json_fail (&reader->check, where, _("%g is not a score from 0 to %g"), *out, max);
  return TRUE;
}

/* A count, 0 allowed. */
static gboolean
read_count (Reader     *reader,
            JsonObject *object,
            const char *place,
            const char *key,
            guint      *out)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, key);
  double value;

  if (!rd_json_get_number (&reader->check, object, place, key, TRUE, &value))
    return FALSE;
  if (value < 0 || value > G_MAXINT || value != floor (value))
    return rd_json_fail (&reader->check, where, _("%g is not a count"), value);
  *out = (guint) value;
  return TRUE;
}

static gboolean
read_summary (Reader               *reader,
              JsonObject           *object,
              const char           *place,
              RdExchangeAssessment *assessment)
{
  static const char * const keys[] = { "respondents", "factors", "areas", NULL };
  static const char * const factor_keys[] = { "readiness", "spread", "n", NULL };
  g_autofree char *where = g_strdup_printf ("%s.summary", place);
  JsonObject *summary = rd_json_get_object (&reader->check, object, place, "summary", TRUE);
  JsonObject *groups, *factors, *areas;
  g_autoptr(GList) members = NULL;

  if (summary == NULL || !rd_json_check_keys (&reader->check, summary, where, keys))
    return FALSE;

  assessment->scores = rd_assessment_scores_new (reader->framework);

  groups = rd_json_get_object (&reader->check, summary, where, "respondents", TRUE);
  if (groups == NULL)
    return FALSE;
  members = json_object_get_members (groups);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *group_place = g_strdup_printf ("%s.respondents", where);
      RdGroup group;
      guint n;

      if (!rd_group_from_id (l->data, &group))
        return rd_json_fail (&reader->check, group_place, _("unknown group “%s”"), (const char *) l->data);
      if (!read_count (reader, groups, group_place, l->data, &n))
        return FALSE;
      assessment->scores->group_sizes[group] = n;
      assessment->scores->n_respondents += n;
    }

  factors = rd_json_get_object (&reader->check, summary, where, "factors", TRUE);
  if (factors == NULL)
    return FALSE;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *factor_place = g_strdup_printf ("%s.factors.%s", where, rd_factor_to_id (f));
      JsonObject *factor = rd_json_get_object (&reader->check, factors, factor_place, rd_factor_to_id (f), TRUE);

      if (factor == NULL ||
          !rd_json_check_keys (&reader->check, factor, factor_place, factor_keys) ||
          !read_score (reader, factor, factor_place, "readiness", 100, &assessment->scores->factor[f]) ||
          !read_score (reader, factor, factor_place, "spread", 100, &assessment->scores->factor_spread[f]) ||
          !read_count (reader, factor, factor_place, "n", &assessment->scores->factor_n[f]))
        return FALSE;
    }
  if (json_object_get_size (factors) != RD_N_FACTORS)
    return rd_json_fail (&reader->check, where, _("“factors” holds the four success factors, nothing else"));

  areas = rd_json_get_object (&reader->check, summary, where, "areas", TRUE);
  if (areas == NULL)
    return FALSE;
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (areas);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *area_place = g_strdup_printf ("%s.areas", where);
      double score;

      if (!read_score (reader, areas, area_place, l->data, 100, &score))
        return FALSE;
      if (!rd_assessment_scores_set_area (assessment->scores, l->data, score))
        return rd_json_fail (&reader->check, area_place, _("the framework has no area “%s”"), (const char *) l->data);
    }

  return TRUE;
}

static gboolean
read_action (Reader               *reader,
             JsonNode             *node,
             const char           *place,
             RdExchangeAssessment *assessment)
{
  static const char * const keys[] = {
    "id", "origin", "title", "factor", "status", "owner", "due", "criterion", "notes", "carried_from", "items", NULL
  };
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL, *owner = NULL, *criterion = NULL, *notes = NULL;
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_auto(GStrv) item_ids = NULL;
  RdActionInfo info = { 0 };
  const char *origin = NULL, *factor_id, *status_id;
  JsonObject *object;
  JsonArray *item_array;

  node = rd_json_load_part (&reader->check, reader->parts, node, reader->part_parser);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("an action must be an object"));
  object = json_node_get_object (node);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !read_uuid (reader, object, place, &uuid) ||
      !rd_json_get_string (&reader->check, object, place, "origin", FALSE, &origin) ||
      !rd_json_get_text (&reader->check, object, place, "title", TRUE, RD_FIELD_ACTION_TITLE, &title) ||
      !rd_json_get_string (&reader->check, object, place, "factor", TRUE, &factor_id) ||
      !rd_json_get_string (&reader->check, object, place, "status", TRUE, &status_id) ||
      !rd_json_get_text (&reader->check, object, place, "owner", FALSE, RD_FIELD_ACTION_OWNER, &owner) ||
      !rd_json_get_string (&reader->check, object, place, "due", FALSE, &info.due) ||
      !rd_json_get_text (&reader->check, object, place, "criterion", FALSE, RD_FIELD_ACTION_CRITERION,
                         &criterion) ||
      !rd_json_get_text (&reader->check, object, place, "notes", FALSE, RD_FIELD_ACTION_NOTES, &notes) ||
      !rd_json_get_string (&reader->check, object, place, "carried_from", FALSE, &info.carried_from))
    return FALSE;
  info.title = title;
  info.owner = owner;
  info.criterion = criterion;
  info.notes = notes;

  if (origin != NULL && !g_uuid_string_is_valid (origin))
    return rd_json_fail (&reader->check, place, _("“%s” is not an id of the form 8-4-4-4-12 hexadecimal digits"),
                         origin);
  if (is_blank (info.title))
    return rd_json_fail (&reader->check, place, _("An action needs a title"));
  if (!rd_factor_from_id (factor_id, &info.factor))
    return rd_json_fail (&reader->check, place, _("unknown success factor “%s”"), factor_id);
  if (!rd_action_status_from_id (status_id, &info.status))
    return rd_json_fail (&reader->check, place, _("unknown action status “%s”"), status_id);
  if (info.due != NULL && !rd_action_due_is_valid (info.due))
    return rd_json_fail (&reader->check, place, _("“%s” is not a due date such as 2027-03-31"), info.due);
  if (info.carried_from != NULL && !rd_school_year_is_valid (info.carried_from))
    return rd_json_fail (&reader->check, place, _("“%s” is not a school year such as 2026-2027"), info.carried_from);

  item_array = json_object_has_member (object, "items") ? rd_json_get_any_array (&reader->check, object, place, "items")
                                                        : NULL;
  if (item_array == NULL && json_object_has_member (object, "items"))
    return FALSE;
  for (guint i = 0; item_array != NULL && i < json_array_get_length (item_array); i++)
    {
      JsonNode *item = json_array_get_element (item_array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          rd_framework_lookup_item (reader->edition, json_node_get_string (item)) == NULL)
        return rd_json_fail (&reader->check, place, _("items[%u] is not an item of the framework"), i);
      g_strv_builder_add (items, json_node_get_string (item));
    }
  item_ids = g_strv_builder_end (items);
  info.item_ids = (const char * const *) item_ids;

  g_ptr_array_add (assessment->actions,
                   rd_exchange_action_new (uuid, origin ? origin : uuid, rd_action_new (&info)));
  return TRUE;
}

static gboolean
read_audience (Reader      *reader,
               JsonObject  *object,
               const char  *place,
               guint       *audience)
{
  g_autofree char *where = g_strdup_printf ("%s.audience", place);
  JsonArray *array = rd_json_get_array (&reader->check, object, place, "audience");

  if (array == NULL)
    return FALSE;
  *audience = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      RdGroup group;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !rd_group_from_id (json_node_get_string (node), &group))
        return rd_json_fail (&reader->check, where,
                             _("audience[%u] is not a group (use leader, teacher, support-staff, learner, parent "
                               "or other)"), i);
      if (*audience & (1u << group))
        return rd_json_fail (&reader->check, where, _("group “%s” is listed twice"), rd_group_to_id (group));
      *audience |= 1u << group;
    }
  return TRUE;
}

static gboolean
read_factors (Reader            *reader,
              JsonObject        *object,
              const char        *place,
              RdOwnQuestionInfo *info)
{
  g_autofree char *where = g_strdup_printf ("%s.factors", place);
  JsonObject *factors = rd_json_get_object (&reader->check, object, place, "factors", TRUE);
  g_autoptr(GList) members = NULL;

  if (factors == NULL)
    return FALSE;
  members = json_object_get_members (factors);
  for (GList *l = members; l != NULL; l = l->next)
    {
      RdFactor factor;

      if (!rd_factor_from_id (l->data, &factor))
        return rd_json_fail (&reader->check, where, _("unknown success factor “%s”"), (const char *) l->data);
      if (!rd_json_get_number (&reader->check, factors, where, l->data, TRUE, &info->weights[factor]))
        return FALSE;
      /* 0 would read as "not about it": a weight in the file is above 0. */
      if (info->weights[factor] <= 0)
        return rd_json_fail (&reader->check, where, _("weight of “%s” must be above 0 and at most %g"),
                             (const char *) l->data, RD_OWN_QUESTION_MAX_WEIGHT);
    }
  return TRUE;
}

/* Format 3: one of the school's own questions, checked as the app checks
 * one (rd_own_question_new()), its place named. */
static gboolean
read_own_question (Reader               *reader,
                   JsonNode             *node,
                   guint                 index,
                   const char           *assessment_place,
                   RdExchangeAssessment *assessment)
{
  static const char * const keys[] = {
    "id", "kind", "area", "text", "help", "audience", "factors", "unit", "min", "max", "target", "direction", NULL
  };
  g_autofree char *place = g_strdup_printf ("%s.own_questions[%u]", assessment_place, index);
  g_autoptr(GError) error = NULL;
  RdOwnQuestionInfo info;
  const char *kind = NULL, *direction = NULL;
  RdOwnQuestion *question;
  JsonObject *object;

  node = rd_json_load_part (&reader->check, reader->parts, node, reader->part_parser);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("a question must be an object"));
  object = json_node_get_object (node);

  rd_own_question_info_init (&info);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !rd_json_get_string (&reader->check, object, place, "id", TRUE, &info.id))
    return FALSE;
  if (!rd_own_question_id_is_valid (info.id))
    return rd_json_fail (&reader->check, place, _("“%s” is not an id such as own-1"), info.id);
  if (rd_own_questions_lookup (assessment->own_questions, info.id) != NULL)
    return rd_json_fail (&reader->check, place, _("the id “%s” appears twice in the assessment"), info.id);

  /* From here on the place names the question. */
  g_free (place);
  place = g_strdup_printf ("%s.own_questions[%u] “%s”", assessment_place, index, info.id);
  if (!rd_json_get_string (&reader->check, object, place, "kind", TRUE, &kind) ||
      !rd_json_get_string (&reader->check, object, place, "area", TRUE, &info.area_id) ||
      !rd_json_get_string (&reader->check, object, place, "text", TRUE, &info.text) ||
      !rd_json_get_string (&reader->check, object, place, "help", FALSE, &info.help) ||
      !read_audience (reader, object, place, &info.audience) ||
      !read_factors (reader, object, place, &info))
    return FALSE;
  if (!rd_item_kind_from_id (kind, &info.kind))
    return rd_json_fail (&reader->check, place, _("unknown kind “%s” (use statement, yes-no, number or percent)"),
                         kind);

  if (info.kind != RD_ITEM_KIND_NUMBER)
    {
      static const char * const number_only[] = { "unit", "min", "max" };

      for (guint i = 0; i < G_N_ELEMENTS (number_only); i++)
        if (json_object_has_member (object, number_only[i]))
          return rd_json_fail (&reader->check, place, _("“%s” is allowed on numbers only"), number_only[i]);
    }
  if (info.kind == RD_ITEM_KIND_STATEMENT)
    {
      static const char * const fact_only[] = { "target", "direction" };

      for (guint i = 0; i < G_N_ELEMENTS (fact_only); i++)
        if (json_object_has_member (object, fact_only[i]))
          return rd_json_fail (&reader->check, place, _("“%s” is not allowed on a statement"), fact_only[i]);
    }
  if (info.kind == RD_ITEM_KIND_YES_NO && json_object_has_member (object, "target"))
    return rd_json_fail (&reader->check, place, _("“%s” is not allowed on a yes-no question"), "target");
  if (!rd_json_get_string (&reader->check, object, place, "unit", FALSE, &info.unit) ||
      !rd_json_get_number (&reader->check, object, place, "min", FALSE, &info.min) ||
      !rd_json_get_number (&reader->check, object, place, "max", FALSE, &info.max) ||
      !rd_json_get_number (&reader->check, object, place, "target", FALSE, &info.target) ||
      !rd_json_get_string (&reader->check, object, place, "direction", FALSE, &direction))
    return FALSE;
  if (direction != NULL && !rd_own_direction_from_id (direction, &info.direction))
    return rd_json_fail (&reader->check, place, _("unknown direction “%s” (use higher or lower)"), direction);

  question = rd_own_question_new (&info, reader->framework, reader->check.name, place, reader->check.domain,
                                  reader->check.code, &error);
  if (question == NULL)
    {
      g_propagate_error (reader->check.error, g_steal_pointer (&error));
      return FALSE;
    }
  g_ptr_array_add (assessment->own_questions, question);
  return TRUE;
}

static gboolean
read_own_questions (Reader               *reader,
                    JsonObject           *object,
                    const char           *place,
                    RdExchangeAssessment *assessment)
{
  JsonArray *array;

  if (!json_object_has_member (object, "own_questions"))
    return TRUE;
  array = rd_json_get_any_array (&reader->check, object, place, "own_questions");
  if (array == NULL)
    return FALSE;
  if (json_array_get_length (array) > RD_MAX_OWN_QUESTIONS)
    {
      g_autofree char *where = g_strdup_printf ("%s.own_questions", place);

      return rd_json_fail (&reader->check, where,
                           g_dngettext (GETTEXT_PACKAGE, "an assessment has at most %d question of its own, not %u",
                                        "an assessment has at most %d questions of its own, not %u",
                                        RD_MAX_OWN_QUESTIONS),
                           RD_MAX_OWN_QUESTIONS, json_array_get_length (array));
    }
  for (guint q = 0; q < json_array_get_length (array); q++)
    if (!read_own_question (reader, json_array_get_element (array, q), q, place, assessment))
      return FALSE;
  return TRUE;
}

static guint32
today_julian (Reader *reader)
{
  return g_date_get_julian (&reader->today);
}

/* Format 2 states the day the date answers are scored against; it may not
 * lie after tomorrow (a clock a few hours ahead is no reason to refuse). */
static gboolean
read_reference_date (Reader               *reader,
                     JsonObject           *object,
                     const char           *place,
                     gboolean              required,
                     RdExchangeAssessment *assessment)
{
  g_autofree char *where = g_strdup_printf ("%s.reference_date", place);
  const char *text = NULL;

  if (!rd_json_get_string (&reader->check, object, place, "reference_date", required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  assessment->reference_day = rd_day_from_iso (text);
  if (assessment->reference_day == 0)
    return rd_json_fail (&reader->check, where, _("“%s” is not a day such as 2026-10-15"), text);
  if (assessment->reference_day > today_julian (reader) + 1)
    return rd_json_fail (&reader->check, where, _("“%s” lies in the future"), text);
  return TRUE;
}

static guint32
latest_date_answer (const RdExchangeAssessment *assessment)
{
  guint32 latest = 0;

  for (guint r = 0; r < assessment->respondents->len; r++)
    {
      GPtrArray *answers = ((RdExchangeRespondent *) g_ptr_array_index (assessment->respondents, r))->response->answers;

      for (guint a = 0; a < answers->len; a++)
        latest = MAX (latest, ((RdAnswer *) g_ptr_array_index (answers, a))->julian_day);
    }
  return latest;
}

/* Format 1 did not carry the reference date. The day the assessment was
 * completed stands in, or else the day the file was written, or else
 * today; never before its latest date answer. Where date answers depend
 * on it, a notice says so. */
static void
assume_reference_date (Reader               *reader,
                       const char           *place,
                       RdExchangeAssessment *assessment)
{
  guint32 latest = latest_date_answer (assessment);
  g_autofree char *day = NULL;
  const char *source;

  if (assessment->completed > 0)
    {
      assessment->reference_day = rd_day_from_unix_local (assessment->completed);
      source = _("the day the assessment was completed");
    }
  else if (reader->created > 0)
    {
      assessment->reference_day = rd_day_from_unix_local (reader->created);
      source = _("the day the file was written");
    }
  else
    {
      assessment->reference_day = today_julian (reader);
      source = _("the day of the import");
    }
  /* A file's clock may run ahead; format 2 refuses a reference date after tomorrow. */
  if (assessment->reference_day > today_julian (reader))
    {
      assessment->reference_day = today_julian (reader);
      source = _("the day of the import");
    }
  if (latest > assessment->reference_day)
    {
      assessment->reference_day = latest;
      source = _("the day of its latest date answer");
    }
  if (latest == 0)
    return;

  day = rd_day_to_iso (assessment->reference_day);
  /* Translators: "sint-jozef.readiness: assessments[0]: format 1 gives no
   * reference date; its date answers are scored against 2026-10-15, the
   * day the assessment was completed" */
  g_ptr_array_add (reader->notices,
                   g_strdup_printf (_("%s: %s: format 1 gives no reference date; its date answers are scored "
                                      "against %s, %s"), reader->check.name, place, day, source));
}

/* Format 4: one piece of evidence, as untrusted as the rest of the file:
 * its texts cleaned and limited, its link http(s) only, its date a day. */
static gboolean
read_evidence (Reader             *reader,
               JsonNode           *node,
               const char         *place,
               const char         *item_id,
               RdExchangeItemNote *note)
{
  static const char * const keys[] = { "title", "location", "date", NULL };
  g_autofree char *title = NULL, *location = NULL;
  g_autoptr(GError) error = NULL;
  RdEvidenceLocation kind;
  const char *date = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("evidence must be an object"));
  object = json_node_get_object (node);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !rd_json_get_text (&reader->check, object, place, "title", TRUE, RD_FIELD_EVIDENCE_TITLE, &title) ||
      !rd_json_get_text (&reader->check, object, place, "location", FALSE, RD_FIELD_EVIDENCE_LOCATION, &location) ||
      !rd_json_get_string (&reader->check, object, place, "date", FALSE, &date))
    return FALSE;

  if (is_blank (title))
    return rd_json_fail (&reader->check, place, _("Evidence needs a title"));
  if (!rd_evidence_location_classify (location, &kind, &error))
    {
      g_autofree char *where = g_strdup_printf ("%s.location", place);

      return rd_json_fail (&reader->check, where, "%s", error->message);
    }
  if (date != NULL && !rd_evidence_date_is_valid (date))
    {
      g_autofree char *where = g_strdup_printf ("%s.date", place);

      return rd_json_fail (&reader->check, where, _("“%s” is not a date such as 2026-09-30"), date);
    }

  g_ptr_array_add (note->evidence, rd_evidence_new (&(RdEvidenceInfo) {
    .item_id = item_id,
    .title = title,
    .location = kind == RD_EVIDENCE_LOCATION_NONE ? NULL : location,
    .date = date,
  }));
  return TRUE;
}

static gboolean
read_item_note (Reader               *reader,
                JsonNode             *node,
                const char           *notes_place,
                guint                 index,
                RdExchangeAssessment *assessment,
                GHashTable           *seen)
{
  static const char * const keys[] = { "item", "commentary", "evidence", NULL };
  g_autofree char *place = g_strdup_printf ("%s[%u]", notes_place, index);
  g_autoptr(RdExchangeItemNote) note = NULL;
  g_autofree char *commentary = NULL;
  const char *item_id;
  JsonObject *object;
  JsonArray *array = NULL;

  /* Read one at a time, as respondents and actions are. */
  node = rd_json_load_part (&reader->check, reader->parts, node, reader->part_parser);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("an item’s note must be an object"));
  object = json_node_get_object (node);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !rd_json_get_string (&reader->check, object, place, "item", TRUE, &item_id))
    return FALSE;

  /* An item of the assessment's edition, or one of its own questions. */
  if (rd_framework_lookup_item (reader->edition, item_id) == NULL &&
      rd_own_questions_lookup (assessment->own_questions, item_id) == NULL)
    return rd_json_fail (&reader->check, place, _("“%s” is not an item of the framework or a question of the "
                                                  "assessment’s own"), item_id);
  if (g_hash_table_contains (seen, item_id))
    return rd_json_fail (&reader->check, place, _("item “%s” appears twice"), item_id);

  g_free (place);
  place = g_strdup_printf ("%s[%u] “%s”", notes_place, index, item_id);
  if (!rd_json_get_text (&reader->check, object, place, "commentary", FALSE, RD_FIELD_ITEM_COMMENTARY, &commentary))
    return FALSE;
  if (json_object_has_member (object, "evidence") &&
      (array = rd_json_get_any_array (&reader->check, object, place, "evidence")) == NULL)
    return FALSE;
  if (array != NULL && json_array_get_length (array) > RD_EXCHANGE_MAX_EVIDENCE_PER_ITEM)
    return rd_json_fail (&reader->check, place, _("more than %d pieces of evidence"),
                         RD_EXCHANGE_MAX_EVIDENCE_PER_ITEM);

  note = rd_exchange_item_note_new (item_id);
  note->commentary = commentary != NULL && !is_blank (commentary) ? g_steal_pointer (&commentary) : NULL;
  for (guint e = 0; array != NULL && e < json_array_get_length (array); e++)
    {
      g_autofree char *where = g_strdup_printf ("%s.evidence[%u]", place, e);

      if (!read_evidence (reader, json_array_get_element (array, e), where, item_id, note))
        return FALSE;
    }
  if (note->commentary == NULL && note->evidence->len == 0)
    return rd_json_fail (&reader->check, place, _("a note needs a commentary or evidence"));

  g_hash_table_add (seen, g_strdup (item_id));
  g_ptr_array_add (assessment->item_notes, g_steal_pointer (&note));
  return TRUE;
}

/* After the own questions, whose notes they may be. */
static gboolean
read_item_notes (Reader               *reader,
                 JsonObject           *object,
                 const char           *place,
                 RdExchangeAssessment *assessment)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *where = NULL;
  JsonArray *array;

  if (!json_object_has_member (object, "item_notes"))
    return TRUE;
  array = rd_json_get_any_array (&reader->check, object, place, "item_notes");
  if (array == NULL)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  where = g_strdup_printf ("%s.item_notes", place);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_item_note (reader, json_array_get_element (array, i), where, i, assessment, seen))
      return FALSE;
  return TRUE;
}

static gboolean
read_assessment (Reader           *reader,
                 JsonNode         *node,
                 guint             index,
                 gboolean          summary,
                 RdExchangeSchool *school)
{
  static const char * const keys_1[] = {
    "id", "school_year", "framework_version", "mode", "status", "created", "completed", "targets",
    "respondents", "summary", "actions", NULL
  };
  static const char * const keys_2[] = {
    "id", "school_year", "framework_version", "mode", "status", "created", "completed", "reference_date",
    "targets", "respondents", "summary", "actions", NULL
  };
  static const char * const keys_3[] = {
    "id", "school_year", "framework_version", "mode", "status", "created", "completed", "reference_date",
    "targets", "own_questions", "respondents", "summary", "actions", NULL
  };
  /* Format 4: the learning log's figures, items' commentary and evidence. */
  static const char * const keys_4[] = {
    "id", "school_year", "framework_version", "mode", "status", "created", "completed", "reference_date",
    "targets", "log_figures", "own_questions", "respondents", "summary", "actions", "item_notes", NULL
  };
  const char * const *keys = reader->format_version >= RD_EXCHANGE_ITEM_NOTES_VERSION ? keys_4
                             : reader->format_version >= RD_EXCHANGE_OWN_QUESTIONS_VERSION ? keys_3
                             : reader->format_version >= 2 ? keys_2 : keys_1;
  g_autofree char *place = g_strdup_printf ("assessments[%u]", index);
  g_autoptr(RdExchangeAssessment) assessment = rd_exchange_assessment_new ();
  const char *year, *mode, *status;
  JsonObject *object, *targets;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rd_json_fail (&reader->check, place, _("an assessment must be an object"));
  object = json_node_get_object (node);
  if (reader->format_version < RD_EXCHANGE_OWN_QUESTIONS_VERSION && json_object_has_member (object, "own_questions"))
    return rd_json_fail (&reader->check, place, _("“%s” needs “format_version” %d"), "own_questions",
                         RD_EXCHANGE_OWN_QUESTIONS_VERSION);
  if (reader->format_version < RD_EXCHANGE_ITEM_NOTES_VERSION && json_object_has_member (object, "item_notes"))
    return rd_json_fail (&reader->check, place, _("“%s” needs “format_version” %d"), "item_notes",
                         RD_EXCHANGE_ITEM_NOTES_VERSION);
  if (reader->format_version < RD_EXCHANGE_LOG_FIGURES_VERSION && json_object_has_member (object, "log_figures"))
    return rd_json_fail (&reader->check, place, _("“%s” needs “format_version” %d"), "log_figures",
                         RD_EXCHANGE_LOG_FIGURES_VERSION);
  if (!rd_json_check_keys (&reader->check, object, place, keys) ||
      !read_uuid (reader, object, place, &assessment->uuid) ||
      !rd_json_get_string (&reader->check, object, place, "school_year", TRUE, &year) ||
      !rd_json_get_text (&reader->check, object, place, "framework_version", TRUE, RD_FIELD_VERSION,
                         &assessment->framework_version) ||
      !rd_json_get_string (&reader->check, object, place, "mode", TRUE, &mode) ||
      !rd_json_get_string (&reader->check, object, place, "status", TRUE, &status) ||
      !read_time (reader, object, place, "created", TRUE, &assessment->created) ||
      !read_time (reader, object, place, "completed", FALSE, &assessment->completed))
    return FALSE;

  if (!rd_school_year_is_valid (year))
    return rd_json_fail (&reader->check, place, _("“%s” is not a school year such as 2026-2027"), year);
  reader->edition = rd_framework_get_edition (reader->framework, rd_framework_get_id (reader->framework),
                                              assessment->framework_version);
  if (!rd_assessment_mode_from_id (mode, &assessment->mode))
    return rd_json_fail (&reader->check, place, _("unknown mode “%s”"), mode);
  if (!rd_assessment_status_from_id (status, &assessment->status))
    return rd_json_fail (&reader->check, place, _("unknown status “%s”"), status);
  assessment->school_year = g_strdup (year);

  targets = rd_json_get_object (&reader->check, object, place, "targets", TRUE);
  if (targets == NULL)
    return FALSE;
  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      g_autofree char *where = g_strdup_printf ("%s.targets", place);

      if (!read_score (reader, targets, where, rd_factor_to_id (f), 100, &assessment->targets[f]))
        return FALSE;
      if (isnan (assessment->targets[f]))
        return rd_json_fail (&reader->check, where, _("every success factor needs a target"));
    }
  if (json_object_get_size (targets) != RD_N_FACTORS)
    return rd_json_fail (&reader->check, place, _("“targets” holds the four success factors, nothing else"));
  if (!rd_exchange_read_log_figures (&reader->check, object, place, &assessment->log_facts))
    return FALSE;

  /* The file's "content" decides: answers and a summary never mix. */
  assessment->content = summary ? RD_EXCHANGE_SUMMARY : RD_EXCHANGE_ANSWERS;
  if (summary)
    {
      if (json_object_has_member (object, "respondents"))
        return rd_json_fail (&reader->check, place, _("a summary holds no respondents’ answers"));
      if (json_object_has_member (object, "own_questions"))
        return rd_json_fail (&reader->check, place, _("a summary holds no questions of the school’s own"));
      if (!read_summary (reader, object, place, assessment) ||
          (reader->format_version >= 2 && !read_reference_date (reader, object, place, FALSE, assessment)))
        return FALSE;
    }
  else
    {
      if (json_object_has_member (object, "summary"))
        return rd_json_fail (&reader->check, place, _("a file with answers holds no summary"));
      /* Before the respondents, whose own answers answer them. */
      if (!read_own_questions (reader, object, place, assessment))
        return FALSE;
      reader->own_questions = assessment->own_questions;
      array = rd_json_get_any_array (&reader->check, object, place, "respondents");
      if (array == NULL)
        return FALSE;
      if (reader->format_version >= 2)
        {
          if (!read_reference_date (reader, object, place, json_array_get_length (array) > 0, assessment))
            return FALSE;
          g_date_set_julian (&reader->reference, assessment->reference_day ? assessment->reference_day
                                                                           : today_julian (reader));
        }
      else
        reader->reference = reader->today;
      for (guint r = 0; r < json_array_get_length (array); r++)
        {
          g_autofree char *where = g_strdup_printf ("%s.respondents[%u]", place, r);

          if (!read_respondent (reader, json_array_get_element (array, r), where, assessment))
            return FALSE;
        }
      if (reader->format_version < 2 && array != NULL && json_array_get_length (array) > 0)
        assume_reference_date (reader, place, assessment);
    }

  array = rd_json_get_any_array (&reader->check, object, place, "actions");
  if (array == NULL)
    return FALSE;
  for (guint a = 0; a < json_array_get_length (array); a++)
    {
      g_autofree char *where = g_strdup_printf ("%s.actions[%u]", place, a);

      if (!read_action (reader, json_array_get_element (array, a), where, assessment))
        return FALSE;
    }

  if (!read_item_notes (reader, object, place, assessment))
    return FALSE;

  g_ptr_array_add (school->assessments, g_steal_pointer (&assessment));
  return TRUE;
}

/* Format 2 writes an id. Readiness 1.1 and earlier wrote what the user
 * typed: read the way a database of theirs is migrated, with a notice
 * where the text was not the id. */
static gboolean
read_school_type (Reader           *reader,
                  JsonObject       *object,
                  RdExchangeSchool *school)
{
  g_autofree char *text = NULL;

  if (!rd_json_get_text (&reader->check, object, "school", "type", FALSE, RD_FIELD_SCHOOL_TYPE, &text))
    return FALSE;
  if (text == NULL || *text == '\0' || rd_school_type_from_id (text, &school->school_type))
    return TRUE;

  school->school_type = rd_school_type_from_text (text);
  school->type_note = rd_school_type_note_for_text (text);
  /* Translators: "sint-jozef.readiness: school.type: “Basisschool” is read as the type Primary education" */
  g_ptr_array_add (reader->notices,
                   g_strdup_printf (_("%s: school.type: “%s” is read as the type %s"), reader->check.name, text,
                                    rd_school_type_get_title (school->school_type)));
  return TRUE;
}

static gboolean
read_school (Reader           *reader,
             JsonObject       *root,
             RdExchangeSchool *school)
{
  static const char * const keys[] = { "id", "name", "region", "type", NULL };
  JsonObject *object = rd_json_get_object (&reader->check, root, "school", "school", TRUE);

  if (object == NULL ||
      !rd_json_check_keys (&reader->check, object, "school", keys) ||
      !read_uuid (reader, object, "school", &school->uuid) ||
      !rd_json_get_text (&reader->check, object, "school", "name", TRUE, RD_FIELD_SCHOOL_NAME, &school->name) ||
      !rd_json_get_text (&reader->check, object, "school", "region", FALSE, RD_FIELD_REGION, &school->region) ||
      !read_school_type (reader, object, school))
    return FALSE;
  if (is_blank (school->name))
    return rd_json_fail (&reader->check, "school.name", _("A school needs a name"));

  return TRUE;
}

RdExchangeSchool *
rd_exchange_parse (const char   *data,
                   gsize         length,
                   const char   *name,
                   RdFramework  *framework,
                   GError      **error)
{
  static const char * const keys[] = {
    "format", "format_version", "content", "created", "generator", "framework", "school", "assessments", NULL
  };
  static const char * const framework_keys[] = { "id", NULL };
  static const char * const item_maps[] = { "answers", "versions", "own_answers", NULL };
  Reader reader = {
    { name ? name : "exchange", error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_INVALID, item_maps },
    framework,
    framework,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  g_autoptr(GHashTable) uuids = reader.uuids;
  g_autoptr(RdJsonParts) parts = NULL;
  g_autoptr(JsonParser) part_parser = reader.part_parser = json_parser_new ();
  /* Not immutable: sealing every node of a large file costs time and
   * nothing here shares the tree. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RdExchangeSchool) school = rd_exchange_school_new ();
  const char *format, *content, *framework_id, *text;
  JsonObject *root, *framework_object;
  JsonArray *assessments;
  guint format_version;

  g_return_val_if_fail (RD_IS_FRAMEWORK (framework), NULL);

  g_date_clear (&reader.today, 1);
  g_date_clear (&reader.reference, 1);
  g_date_set_time_t (&reader.today, time (NULL));

  if (!rd_json_check_size (reader.check.name, RD_JSON_KIND_EXCHANGE, length, RD_IMPORT_ERROR,
                           RD_IMPORT_ERROR_TOO_LARGE, error))
    return NULL;
  /* Respondents and actions, the objects in the arrays of an assessment
   * (root, assessments, an assessment, respondents, a respondent: five
   * deep), are read one at a time. */
  root = rd_json_load_object_in_parts (&reader.check, parser, data, length, RD_IMPORT_ERROR_SYNTAX, 5, &parts);
  if (root == NULL)
    return NULL;
  reader.parts = parts;

  if (!rd_json_get_string (&reader.check, root, "format", "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      rd_json_fail (&reader.check, "format", _("“%s” is not a Readiness exchange file"), format);
      return NULL;
    }
  if (!rd_json_get_positive_int (&reader.check, root, "format_version", "format_version", TRUE, &format_version))
    return NULL;
  if (format_version < RD_EXCHANGE_OLDEST_FORMAT_VERSION || format_version > RD_EXCHANGE_FORMAT_VERSION)
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_VERSION,
                   _("%s: format_version: version %u is not supported; this Readiness reads versions %d to %d"),
                   reader.check.name, format_version, RD_EXCHANGE_OLDEST_FORMAT_VERSION,
                   RD_EXCHANGE_FORMAT_VERSION);
      return NULL;
    }
  reader.format_version = format_version;
  reader.notices = school->notices;
  if (!rd_json_check_keys (&reader.check, root, "top level", keys) ||
      !rd_json_get_string (&reader.check, root, "content", "content", TRUE, &content) ||
      !read_time (&reader, root, "top level", "created", FALSE, &reader.created) ||
      !rd_json_get_string (&reader.check, root, "generator", "generator", FALSE, &text))
    return NULL;
  if (!g_str_equal (content, "answers") && !g_str_equal (content, "summary"))
    {
      rd_json_fail (&reader.check, "content", _("“%s” is neither “answers” nor “summary”"), content);
      return NULL;
    }

  framework_object = rd_json_get_object (&reader.check, root, "framework", "framework", TRUE);
  if (framework_object == NULL ||
      !rd_json_check_keys (&reader.check, framework_object, "framework", framework_keys) ||
      !rd_json_get_string (&reader.check, framework_object, "framework", "id", TRUE, &framework_id))
    return NULL;
  if (!g_str_equal (framework_id, rd_framework_get_id (framework)))
    {
      g_set_error (error, RD_IMPORT_ERROR, RD_IMPORT_ERROR_FRAMEWORK,
                   _("%s: framework: the assessments use “%s”, not “%s”"),
                   reader.check.name, framework_id, rd_framework_get_id (framework));
      return NULL;
    }
  school->framework_id = g_strdup (framework_id);

  if (!read_school (&reader, root, school))
    return NULL;

  assessments = rd_json_get_any_array (&reader.check, root, "assessments", "assessments");
  if (assessments == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (assessments); i++)
    if (!read_assessment (&reader, json_array_get_element (assessments, i), i,
                          g_str_equal (content, "summary"), school))
      return NULL;

  return g_steal_pointer (&school);
}

RdExchangeSchool *
rd_exchange_load (GFile        *file,
                  RdFramework  *framework,
                  GError      **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  name = g_file_get_basename (file);
  contents = rd_json_read_file (file, name, RD_JSON_KIND_EXCHANGE, RD_IMPORT_ERROR, RD_IMPORT_ERROR_TOO_LARGE,
                                &length, error);
  if (contents == NULL)
    return NULL;

  return rd_exchange_parse (contents, length, name, framework, error);
}
