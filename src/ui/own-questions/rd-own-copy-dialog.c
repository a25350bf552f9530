#define G_LOG_DOMAIN "rd-own-copy-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-own-copy-dialog.h"

/* Taller lists scroll: a region can hold a thousand schools. */
#define LIST_HEIGHT 280

typedef struct
{
  RdStore *store;
  RdFramework *framework;
  gint64 assessment_id;
  GPtrArray *targets;    /* of RdOwnCopyTarget */
  GPtrArray *checks;     /* of GtkCheckButton, one per target */
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->framework);
  g_clear_pointer (&job->targets, g_ptr_array_unref);
  g_clear_pointer (&job->checks, g_ptr_array_unref);
  g_free (job);
}

static void
copy_job_destroy (gpointer  data,
                  GClosure *closure)
{
  copy_job_free (data);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

char *
rd_own_copy_describe_result (const RdOwnCopyResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *added = NULL, *same = NULL, *full = NULL, *locked = NULL;

  if (result->n_added == 0)
    append_sentence (text, _("No question was added."));
  else
    {
      /* Translators: the first %u is the number of questions, the second the number of schools;
       * "4 questions were added to the assessments of 2 schools." */
      g_autofree char *schools = g_strdup_printf (g_dngettext (NULL, "the assessment of %u school",
                                                               "the assessments of %u schools",
                                                               result->n_assessments),
                                                  result->n_assessments);

      added = g_strdup_printf (g_dngettext (NULL, "%u question was added to %s.", "%u questions were added to %s.",
                                            result->n_added),
                               result->n_added, schools);
      append_sentence (text, added);
    }
  if (result->n_same > 0)
    {
      same = g_strdup_printf (g_dngettext (NULL, "%u was left out where the school has a question with the same text.",
                                           "%u were left out where the school has a question with the same text.",
                                           result->n_same),
                              result->n_same);
      append_sentence (text, same);
    }
  if (result->n_full > 0)
    {
      full = g_strdup_printf (g_dngettext (NULL, "%u was left out where the school has %u questions of its own already.",
                                           "%u were left out where the school has %u questions of its own already.",
                                           result->n_full),
                              result->n_full, RD_MAX_OWN_QUESTIONS);
      append_sentence (text, full);
    }
  if (result->n_locked > 0)
    {
      locked = g_strdup_printf (g_dngettext (NULL,
                                             "%u school’s assessment is complete or a summary and was left as it is.",
                                             "%u schools’ assessments are complete or summaries and were left as they are.",
                                             result->n_locked),
                                result->n_locked);
      append_sentence (text, locked);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
tell (GtkWindow  *parent,
      const char *heading,
      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_widget_set_name (dialog, "own-copy-result");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             CopyJob          *job)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *body = NULL;
  RdOwnCopyResult result;

  if (!g_str_equal (response, "copy"))
    return;

  for (guint i = 0; i < job->targets->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (job->checks, i)))
      g_array_append_val (ids, ((RdOwnCopyTarget *) g_ptr_array_index (job->targets, i))->assessment_id);

  if (!rd_store_copy_own_questions (job->store, job->framework, job->assessment_id,
                                    (const gint64 *) (gpointer) ids->data, ids->len, &result, &error))
    {
      tell (parent, _("Nothing Was Copied"), error->message);
      return;
    }
  body = rd_own_copy_describe_result (&result);
  tell (parent, _("Questions Copied"), body);
}

static GtkWidget *
create_list (CopyJob *job)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schools"), -1);
  for (guint i = 0; i < job->targets->len; i++)
    {
      RdOwnCopyTarget *target = g_ptr_array_index (job->targets, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target->school_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), target->editable);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* A complete assessment keeps its questions; it cannot be ticked. */
      if (!target->editable)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Complete: its questions are kept as they are"));
          gtk_widget_set_sensitive (row, FALSE);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (job->checks, check);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), LIST_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

GtkWindow *
rd_own_copy_dialog_new (GtkWindow   *parent,
                        RdStore     *store,
                        RdFramework *framework,
                        gint64       assessment_id,
                        const char  *school_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = rd_store_list_own_copy_targets (store, framework, assessment_id, &error);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  CopyJob *job;

  if (targets == NULL)
    {
      tell (parent, _("Nothing Was Copied"), error->message);
      return NULL;
    }
  if (targets->len == 0)
    {
      /* Translators: %s is a school year, "2026-2027" */
      body = g_strdup_printf (_("No other school in this database has an assessment for %s."), school_year);
      tell (parent, _("No Other Schools"), body);
      return NULL;
    }

  job = g_new0 (CopyJob, 1);
  job->store = g_object_ref (store);
  job->framework = g_object_ref (framework);
  job->assessment_id = assessment_id;
  job->targets = g_steal_pointer (&targets);
  job->checks = g_ptr_array_new ();

  /* Translators: %s is a school year, "2026-2027" */
  body = g_strdup_printf (_("Your own questions are added, without answers, to the %s assessment of each school "
                            "you tick. A school that already has a question with the same text keeps its own, and "
                            "none gets more than %u."), school_year, RD_MAX_OWN_QUESTIONS);
  dialog = adw_message_dialog_new (parent, _("Copy to Other Schools?"), body);
  gtk_widget_set_name (dialog, "own-copy");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_list (job));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "copy", _("_Copy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), job, copy_job_destroy, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
