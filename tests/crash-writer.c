/* Answers items as fast as the store takes them, for check-crash-safety.sh,
 * which kills it with SIGKILL at a random moment and then checks that the
 * database is whole and holds every acknowledged answer.
 *
 * Usage: crash-writer PATH [FIRST-SEQUENCE [COUNT]]
 *
 * Opens (or creates) PATH with the real store, reuses or makes one school,
 * one draft assessment and its respondent, then answers the framework's
 * items in turn through RdAnswerHistory, the way the questionnaire does,
 * COUNT times (default: until killed). Each answer is numbered from
 * FIRST-SEQUENCE (default 0) and written to stdout as
 *
 *   ready <assessment-id> <respondent-id> <monotonic-µs>
 *   begin <sequence> <respondent-id> <item-id> <value>
 *   ack <sequence> <assessment-id> <respondent-id> <item-id> <value> <monotonic-µs>
 *
 * "begin" goes out before the call and "ack" only after it returned TRUE,
 * each with one write(2), so a kill leaves at most one begun but
 * unacknowledged answer, and the checker knows its value. Values are
 * printed with 17 digits so they read back exactly. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rd-answer-history.h"
#include "rd-store.h"

#define SCHOOL_NAME "Crash safety school"
#define SCHOOL_YEAR "2025-2026"

/* Whole lines straight to the file descriptor: stdio buffers would die
 * with the process and lose acknowledgements already earned. */
static void
write_line (const char *line)
{
  size_t length = strlen (line);

  while (length > 0)
    {
      ssize_t n = write (STDOUT_FILENO, line, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_printerr ("crash-writer: could not write to stdout: %s\n", g_strerror (errno));
          exit (1);
        }
      line += n;
      length -= (size_t) n;
    }
}

/* A value for @item that tells @sequence apart from every other where the
 * item's range allows: numbers and percentages get a distinct fraction of
 * their range (multiplying by an odd number is one-to-one modulo 2^40, and
 * spreads neighbours over the range), so a lost overwrite cannot pass
 * unnoticed; statements and yes/no cycle through their few values. */
static double
value_for (RdItem  *item,
           guint64  sequence)
{
  const guint64 steps = G_GUINT64_CONSTANT (1) << 40;
  double fraction = (double) ((sequence * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) % steps) / (double) steps;

  switch (rd_item_get_kind (item))
    {
    case RD_ITEM_KIND_STATEMENT:
      return 1 + (double) (sequence % 5);
    case RD_ITEM_KIND_YES_NO:
      return (double) (sequence % 2);
    case RD_ITEM_KIND_PERCENT:
      return 100 * fraction;
    case RD_ITEM_KIND_NUMBER:
      {
        double min = rd_item_get_min (item);
        double max = isfinite (rd_item_get_max (item)) ? rd_item_get_max (item) : min + 1e6;

        return min + (max - min) * fraction;
      }
    case RD_ITEM_KIND_DATE:
    default:
      g_return_val_if_reached (NAN);
    }
}

/* The first school, its first draft assessment and its first respondent,
 * made when missing: a kill may have struck between any two of them. */
static gboolean
find_or_make_assessment (RdStore      *store,
                         RdFramework  *framework,
                         gint64       *assessment_id,
                         gint64       *respondent_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  gint64 school_id = 0;

  *assessment_id = 0;
  schools = rd_store_list_schools (store, error);
  if (schools == NULL)
    return FALSE;
  if (schools->len > 0)
    school_id = rd_school_get_id (g_ptr_array_index (schools, 0));
  else if ((school_id = rd_store_add_school (store, SCHOOL_NAME, NULL, RD_SCHOOL_TYPE_UNSET, error)) == 0)
    return FALSE;

  assessments = rd_store_list_assessments (store, school_id, error);
  if (assessments == NULL)
    return FALSE;
  for (guint i = 0; i < assessments->len && *assessment_id == 0; i++)
    {
      RdAssessment *assessment = g_ptr_array_index (assessments, i);

      if (rd_assessment_get_status (assessment) == RD_ASSESSMENT_STATUS_DRAFT)
        *assessment_id = rd_assessment_get_id (assessment);
    }
  if (*assessment_id == 0 &&
      (*assessment_id = rd_store_add_assessment (store, school_id, SCHOOL_YEAR, framework,
                                                 RD_ASSESSMENT_MODE_FULL, error)) == 0)
    return FALSE;

  *respondent_id = rd_store_ensure_respondent (store, *assessment_id, error);
  return *respondent_id != 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdFramework) framework = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdAnswerHistory) history = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *ready = NULL;
  guint64 sequence = 0;
  gint64 count = -1;
  gint64 assessment_id, respondent_id;

  if (argc < 2 || argc > 4 ||
      (argc > 2 && !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT64, &sequence, NULL)) ||
      (argc > 3 && !g_ascii_string_to_signed (argv[3], 10, 0, G_MAXINT64, &count, NULL)))
    {
      g_printerr ("Usage: %s PATH [FIRST-SEQUENCE [COUNT]]\n", argv[0]);
      return 2;
    }

  framework = rd_framework_load_builtin (&error);
  if (framework != NULL)
    store = rd_store_open (argv[1], &error);
  if (store == NULL || !find_or_make_assessment (store, framework, &assessment_id, &respondent_id, &error))
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  /* Every item that takes a number; a date cannot carry the sequence. */
  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);

      if (rd_item_get_kind (item) != RD_ITEM_KIND_DATE)
        g_ptr_array_add (items, item);
    }
  g_assert (items->len > 0);

  history = rd_answer_history_new (store, framework);
  ready = g_strdup_printf ("ready %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                           assessment_id, respondent_id, g_get_monotonic_time ());
  write_line (ready);

  for (gint64 n = 0; count < 0 || n < count; n++, sequence++)
    {
      RdItem *item = g_ptr_array_index (items, sequence % items->len);
      const char *item_id = rd_item_get_id (item);
      double value = value_for (item, sequence);
      g_autofree char *begin = NULL;
      g_autofree char *ack = NULL;

      begin = g_strdup_printf ("begin %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %s %.17g\n",
                               sequence, respondent_id, item_id, value);
      write_line (begin);

      if (!rd_answer_history_set_value (history, respondent_id, item, value, &error))
        {
          g_printerr ("crash-writer: answer %" G_GUINT64_FORMAT " failed: %s\n",
                      sequence, error->message);
          return 1;
        }

      ack = g_strdup_printf ("ack %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                             " %s %.17g %" G_GINT64_FORMAT "\n",
                             sequence, assessment_id, respondent_id, item_id, value,
                             g_get_monotonic_time ());
      write_line (ack);
    }

  return 0;
}
