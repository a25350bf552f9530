#define G_LOG_DOMAIN "rd-item-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rd-choice-group.h"
#include "rd-input.h"
#include "rd-item-row-private.h"

/* Typing pauses this long before a number is saved; Enter or leaving the
 * field saves at once. */
#define SAVE_DELAY_MS 700
#define N_AGREEMENT 5

struct _RdItemRow
{
  GtkWidget parent_instance;

  RdItem *item;
  gboolean editable;
  guint save_timeout;
  double shown_value;        /* what the entry held when last shown or saved */

  GtkWidget *choices[N_AGREEMENT + 1];  /* [0] not applicable, [1..] agreement or yes/no */
  GtkWidget *choice_labels[N_AGREEMENT + 1];
  gboolean marked[N_AGREEMENT + 1];     /* the label shows the check mark */
  GtkWidget *entry;          /* number, percent and date items */
  GtkWidget *calendar;

  /* Template children */
  GtkBox *header;            /* the item's text, and a menu where the item has one */
  GtkLabel *text_label;
  GtkLabel *caption;
  GtkWidget *log_label;      /* the learning log's figure (rd_item_row_set_log_figure), or NULL */
  char *log_figure;
  gboolean has_answer;       /* an answer that overrides the log's figure */
  GtkBox *input;
  RdChoiceGroup *choice_group;
  GtkToggleButton *not_applicable;
  GtkLabel *not_applicable_label;
  GtkLabel *error_label;
  GtkExpander *help_expander;
  GtkWidget *evidence_button;
  GtkLabel *evidence_label;
};

G_DEFINE_FINAL_TYPE (RdItemRow, rd_item_row, GTK_TYPE_WIDGET)

enum {
  ANSWERED,
  EVIDENCE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
choice_label (RdItemRow *self,
              guint      choice)
{
  if (choice == RD_CHOICE_NOT_APPLICABLE)
    return _("Not applicable / don’t know");
  if (rd_item_get_kind (self->item) == RD_ITEM_KIND_YES_NO)
    return choice == RD_CHOICE_YES ? _("Yes") : _("No");
  return rd_agreement_get_label (choice);
}

static void update_log_label (RdItemRow *self);

/* Whether the log's figure counts follows the core's rule
 * (rd_learning_facts_add_answers): any answer but an empty one wins. */
static void
set_has_answer (RdItemRow      *self,
                const RdAnswer *answer)
{
  self->has_answer = answer != NULL && !rd_answer_is_empty (answer);
  update_log_label (self);
}

static void
emit_answer (RdItemRow      *self,
             const RdAnswer *answer)
{
  set_has_answer (self, answer);
  g_signal_emit (self, signals[ANSWERED], 0, answer);
}

static void
set_error (RdItemRow  *self,
           const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (self->entry != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (message != NULL)
        gtk_widget_add_css_class (self->entry, "error");
      else
        gtk_widget_remove_css_class (self->entry, "error");
    }
}

/* A choice's label: a statement's key in small type above its name; once
 * chosen a check mark stands beside the key (or the name), so the choice
 * does not depend on seeing a colour. Only the keys need markup. */
static void
show_choice_mark (RdItemRow *self,
                   guint      choice,
                   gboolean   chosen)
{
  GtkLabel *label = GTK_LABEL (self->choice_labels[choice]);
  const char *name = choice_label (self, choice);

  if (rd_item_get_kind (self->item) == RD_ITEM_KIND_STATEMENT && choice != RD_CHOICE_NOT_APPLICABLE)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *markup = g_strdup_printf (chosen ? "<small>✓ %u</small>\n%s" : "<small>%u</small>\n%s",
                                                 choice, escaped);

      gtk_label_set_markup (label, markup);
    }
  else if (chosen)
    {
      g_autofree char *text = g_strdup_printf ("✓ %s", name);

      gtk_label_set_text (label, text);
    }
  else
    gtk_label_set_text (label, name);
  self->marked[choice] = chosen;
}

/* Only the labels whose choice changed: parsing markup is the costly part
 * of a click. */
static void
update_marks (RdItemRow *self)
{
  for (guint i = 0; i <= N_AGREEMENT; i++)
    {
      gboolean active;

      if (self->choices[i] == NULL)
        continue;
      active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->choices[i]));
      if (active != self->marked[i])
        show_choice_mark (self, i, active);
    }
}

static guint
choice_of_button (RdItemRow       *self,
                  GtkToggleButton *button)
{
  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] == GTK_WIDGET (button))
      return i;
  g_return_val_if_reached (RD_CHOICE_NOT_APPLICABLE);
}

static void on_entry_changed (RdItemRow *self);

/* Sets the entry's text as shown, not as typed: no save follows. */
static void
show_entry_text (RdItemRow  *self,
                 const char *text)
{
  g_signal_handlers_block_by_func (self->entry, on_entry_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  g_signal_handlers_unblock_by_func (self->entry, on_entry_changed, self);
}

static void
on_choice_toggled (GtkToggleButton *button,
                   RdItemRow       *self)
{
  guint choice = choice_of_button (self, button);
  RdAnswer answer = { .value = NAN };

  update_marks (self);
  if (!gtk_toggle_button_get_active (button))
    return;

  if (choice == RD_CHOICE_NOT_APPLICABLE)
    {
      answer.not_applicable = TRUE;
      self->shown_value = NAN;
      if (self->entry != NULL)
        {
          show_entry_text (self, "");
          set_error (self, NULL);
        }
    }
  else if (rd_item_get_kind (self->item) == RD_ITEM_KIND_YES_NO)
    answer.value = choice == RD_CHOICE_YES ? 1 : 0;
  else
    answer.value = choice;

  emit_answer (self, &answer);
}

/* Screen readers hear the choice and which item it answers. */
static void
describe_choice (RdItemRow *self,
                 guint      choice)
{
  g_autofree char *accessible_name = NULL;

  /* Translators: accessible name of an answer button: "Agree — Our school has a digital plan." */
  accessible_name = g_strdup_printf (_("%s — %s"), choice_label (self, choice),
                                     rd_text_get_localized (rd_item_get_text (self->item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices[choice]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
}

/* A button for one of the item's own choices (an agreement, yes or no),
 * in the group of "not applicable". */
static GtkWidget *
create_choice (RdItemRow *self,
               guint      choice)
{
  /* As "not applicable" in the template. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "wrap", TRUE, "justify", GTK_JUSTIFY_CENTER,
                                   "max-width-chars", 12, NULL);
  GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "child", label, NULL);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->not_applicable);
  g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled), self);

  self->choices[choice] = button;
  self->choice_labels[choice] = label;
  show_choice_mark (self, choice, FALSE);
  describe_choice (self, choice);
  return button;
}

static void
fill_choice_group (RdItemRow *self,
                   guint      first,
                   guint      last)
{
  for (guint choice = first; choice <= last; choice++)
    rd_choice_group_append (self->choice_group, create_choice (self, choice));
}

/* What the entry holds as a value. With @report the inline message says
 * what is wrong; while typing it stays quiet, as "1," is on its way to "1,5". */
static gboolean
parse_entry (RdItemRow *self,
             double    *value,
             GDate     *date,
             gboolean   report)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RdItemKind kind = rd_item_get_kind (self->item);

  if (*text == '\0')
    {
      set_error (self, NULL);
      return FALSE;
    }

  if (kind == RD_ITEM_KIND_DATE)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      if (!rd_input_parse_date (text, date, &error))
        message = g_strdup (error->message);
      else if (g_date_compare (date, &today) > 0)
        message = g_strdup (_("The date cannot be in the future"));
    }
  else
    {
      double min = rd_item_get_min (self->item);
      double max = rd_item_get_max (self->item);
      gboolean comma = rd_input_uses_decimal_comma ();

      if (!rd_input_parse_number (text, comma, value, &error))
        message = g_strdup (error->message);
      else if (*value < min || *value > max)
        {
          g_autofree char *low = rd_input_format_number (min, comma);
          g_autofree char *high = rd_input_format_number (max, comma);

          if (kind == RD_ITEM_KIND_PERCENT)
            message = g_strdup (_("Enter a percentage from 0 to 100"));
          else if (isfinite (max))
            message = g_strdup_printf (_("Enter a number from %s to %s"), low, high);
          else
            message = g_strdup_printf (_("Enter a number of at least %s"), low);
        }
    }

  if (message == NULL)
    set_error (self, NULL);
  else if (report)
    set_error (self, message);

  return message == NULL;
}

/* Stores what the entry holds: a valid value, or nothing when it was
 * emptied. An invalid value is reported and not stored. */
static gboolean
commit_entry (RdItemRow *self)
{
  RdAnswer answer = { .value = NAN };
  double value = NAN;
  GDate date;

  g_clear_handle_id (&self->save_timeout, g_source_remove);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    {
      set_error (self, NULL);
      if (isnan (self->shown_value))
        return TRUE;
      /* Emptying the field takes the answer back. */
      self->shown_value = NAN;
      emit_answer (self, &answer);
      return TRUE;
    }

  if (!parse_entry (self, &value, &date, TRUE))
    return FALSE;

  if (rd_item_get_kind (self->item) == RD_ITEM_KIND_DATE)
    {
      answer.julian_day = g_date_get_julian (&date);
      value = answer.julian_day;
    }
  else
    answer.value = value;

  /* Nothing new to store: leaving a field must not add an undo step. */
  if (value == self->shown_value)
    return TRUE;

  self->shown_value = value;
  gtk_toggle_button_set_active (self->not_applicable, FALSE);
  emit_answer (self, &answer);
  return TRUE;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  RdItemRow *self = user_data;

  self->save_timeout = 0;
  commit_entry (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed (RdItemRow *self)
{
  double value;
  GDate date;

  /* A valid value clears an old message at once; a wrong one waits for the pause. */
  parse_entry (self, &value, &date, FALSE);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, self);
}

static void
on_entry_leave (RdItemRow *self)
{
  if (self->save_timeout != 0)
    commit_entry (self);
}

/* The calendar opens on the date in the field, or on today. */
static void
on_calendar_shown (RdItemRow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (rd_input_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &date, NULL))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), shown);
}

/* An explicit button: GtkCalendar reports a click only when the day number
 * changes, so picking today, or the 5th of another month, would be lost. */
static void
on_use_date (RdItemRow *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (chosen),
                  (GDateMonth) g_date_time_get_month (chosen), (GDateYear) g_date_time_get_year (chosen));
  text = rd_input_format_date (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  commit_entry (self);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (self->calendar, GTK_TYPE_POPOVER)));
}

/* The field of a number, percent or date item, before "not applicable":
 * the field, its unit or a calendar, and the space between. */
static void
create_entry_input (RdItemRow *self)
{
  RdItemKind kind = rd_item_get_kind (self->item);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *last, *spacer;
  const char *unit = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->choice_group), FALSE);
  self->entry = last = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), kind == RD_ITEM_KIND_DATE ? 12 : 10);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rd_text_get_localized (rd_item_get_text (self->item)),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label,
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (commit_entry), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (self->entry, focus);
  gtk_box_insert_child_after (self->input, self->entry, GTK_WIDGET (self->choice_group));

  if (kind == RD_ITEM_KIND_DATE)
    {
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *use_button = gtk_button_new_with_mnemonic (_("_Use This Date"));

      /* Translators: placeholder of a date field, in the order people type dates */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("dd-mm-yyyy"));
      self->calendar = gtk_calendar_new ();
      gtk_widget_add_css_class (use_button, "suggested-action");
      g_signal_connect_swapped (use_button, "clicked", G_CALLBACK (on_use_date), self);
      g_signal_connect_swapped (popover, "show", G_CALLBACK (on_calendar_shown), self);
      gtk_box_append (GTK_BOX (popover_box), self->calendar);
      gtk_box_append (GTK_BOX (popover_box), use_button);
      gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
      gtk_popover_set_default_widget (GTK_POPOVER (popover), use_button);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
      gtk_widget_set_tooltip_text (button, _("Choose a Date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                      -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_box_insert_child_after (self->input, button, last);
      last = button;
    }
  else
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
      unit = kind == RD_ITEM_KIND_PERCENT ? "%" : rd_text_get_localized (rd_item_get_unit (self->item));
    }

  if (unit != NULL)
    {
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      /* "learners per device" wraps between its words rather than widen a
       * narrow window, but not where there is room; "Mbit/s" never wraps
       * (Pango would break it after the slash). */
      gtk_label_set_wrap (GTK_LABEL (unit_label), strchr (unit, ' ') != NULL);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (unit_label), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
      gtk_box_insert_child_after (self->input, unit_label, last);
      last = unit_label;
    }

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_insert_child_after (self->input, spacer, last);
}

/* The input follows the item's kind: five agreements above "not
 * applicable", yes and no beside it, or a field. */
static void
create_input (RdItemRow *self)
{
  GtkOrientable *input = GTK_ORIENTABLE (self->input);

  switch (rd_item_get_kind (self->item))
    {
    case RD_ITEM_KIND_STATEMENT:
      gtk_orientable_set_orientation (input, GTK_ORIENTATION_VERTICAL);
      gtk_box_set_spacing (self->input, 6);
      fill_choice_group (self, 1, N_AGREEMENT);
      break;

    case RD_ITEM_KIND_YES_NO:
      gtk_box_set_spacing (self->input, 12);
      /* Side by side where there is room, one above the other on a narrow screen. */
      fill_choice_group (self, RD_CHOICE_YES, RD_CHOICE_NO);
      break;

    case RD_ITEM_KIND_NUMBER:
    case RD_ITEM_KIND_PERCENT:
    case RD_ITEM_KIND_DATE:
    default:
      gtk_box_set_spacing (self->input, 6);
      create_entry_input (self);
      break;
    }
}

static char *
describe_factors (RdItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      if (!rd_item_informs (item, f))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, rd_factor_get_short_title (f));
    }

  /* A school's own question counts in no score: it says so where it is answered. */
  if (rd_item_is_own (item))
    /* Translators: under a question the school added: "Your own question · about Strategy, Investment ·
     * not part of the scores" */
    return g_strdup_printf (_("Your own question · about %s · not part of the scores"), text->str);

  /* Translators: "Informs: Strategy, Investment · Council Recommendation 4 b i" */
  return g_strdup_printf (_("Informs: %s · Council Recommendation %s"), text->str,
                          rd_item_get_council_point (item));
}

/* 1–5 choose on a statement's scale, Y (or J, "ja") and N answer a yes-no
 * item, 0 is "not applicable" for every item. Inside an entry the digits
 * are typed instead: the entry takes them before they reach the row. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RdItemRow             *self)
{
  RdItemKind kind = rd_item_get_kind (self->item);
  int digit = -1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !self->editable)
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = (int) (keyval - GDK_KEY_KP_0);

  if (digit == 0)
    return rd_item_row_choose (self, RD_CHOICE_NOT_APPLICABLE);
  if (kind == RD_ITEM_KIND_STATEMENT && digit >= 1 && digit <= N_AGREEMENT)
    return rd_item_row_choose (self, (guint) digit);
  if (kind == RD_ITEM_KIND_YES_NO && (keyval == GDK_KEY_y || keyval == GDK_KEY_Y ||
                                     keyval == GDK_KEY_j || keyval == GDK_KEY_J))
    return rd_item_row_choose (self, RD_CHOICE_YES);
  if (kind == RD_ITEM_KIND_YES_NO && (keyval == GDK_KEY_n || keyval == GDK_KEY_N))
    return rd_item_row_choose (self, RD_CHOICE_NO);

  return FALSE;
}

/* "What does this mean?": the item's help, and under it the standard it
 * rests on when the framework names one. Built when first opened: an
 * assessment opens 83 rows, and building every help would slow it. */
static void
on_help_expanded (RdItemRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const RdText *standard = rd_item_get_standard (self->item);
  GtkLabel *standard_label;

  if (gtk_expander_get_child (self->help_expander) != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/questionnaire/rd-item-help.ui");
  gtk_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "help_label")),
                      rd_text_get_localized (rd_item_get_help (self->item)));
  standard_label = GTK_LABEL (gtk_builder_get_object (builder, "standard_label"));
  if (standard != NULL)
    {
      /* Translators: under an item's help, the standard it rests on,
       * "Based on: DfE digital and technology standards: broadband internet" */
      g_autofree char *based_on = g_strdup_printf (_("Based on: %s"), rd_text_get_localized (standard));

      gtk_label_set_text (standard_label, based_on);
      gtk_widget_set_visible (GTK_WIDGET (standard_label), TRUE);
    }
  gtk_expander_set_child (self->help_expander, GTK_WIDGET (gtk_builder_get_object (builder, "help_box")));
}

static void
rd_item_row_dispose (GObject *object)
{
  RdItemRow *self = RD_ITEM_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->save_timeout, g_source_remove);

  g_clear_pointer (&self->log_label, gtk_widget_unparent);
  g_clear_pointer (&self->log_figure, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_ITEM_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rd_item_row_parent_class)->dispose (object);
}

static void
rd_item_row_finalize (GObject *object)
{
  RdItemRow *self = RD_ITEM_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (rd_item_row_parent_class)->finalize (object);
}

static void
on_evidence_clicked (RdItemRow *self)
{
  g_signal_emit (self, signals[EVIDENCE_REQUESTED], 0);
}

static void
rd_item_row_class_init (RdItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_item_row_dispose;
  object_class->finalize = rd_item_row_finalize;

  /* The answer as the user chose it; respondent and time are the caller's. */
  signals[ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  RD_TYPE_ANSWER | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* The user asked for the item's commentary and evidence. */
  signals[EVIDENCE_REQUESTED] =
    g_signal_new ("evidence-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RD_TYPE_CHOICE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/questionnaire/rd-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, header);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, caption);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, input);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, choice_group);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, not_applicable);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, not_applicable_label);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, help_expander);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, RdItemRow, evidence_label);
  gtk_widget_class_bind_template_callback (widget_class, on_help_expanded);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rd_item_row_init (RdItemRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  self->shown_value = NAN;
  self->choices[RD_CHOICE_NOT_APPLICABLE] = GTK_WIDGET (self->not_applicable);
  self->choice_labels[RD_CHOICE_NOT_APPLICABLE] = GTK_WIDGET (self->not_applicable_label);
}

GtkWidget *
rd_item_row_new (RdItem *item,
                 guint   position,
                 guint   n_items)
{
  RdItemRow *self = g_object_new (RD_TYPE_ITEM_ROW, NULL);
  g_autofree char *factors = describe_factors (item);
  const char *text = rd_text_get_localized (rd_item_get_text (item));

  self->item = g_object_ref (item);

  gtk_label_set_text (self->text_label, text);
  gtk_label_set_text (self->caption, factors);
  create_input (self);
  show_choice_mark (self, RD_CHOICE_NOT_APPLICABLE, FALSE);
  describe_choice (self, RD_CHOICE_NOT_APPLICABLE);
  /* A school's own question may come without an explanation. */
  gtk_widget_set_visible (GTK_WIDGET (self->help_expander), rd_item_get_help (item) != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  rd_item_row_set_place (self, position, n_items);
  rd_item_row_show_evidence (self, 0, FALSE);
  return GTK_WIDGET (self);
}

/* Where the row stands among the items the respondent is asked. */
void
rd_item_row_set_place (RdItemRow *self,
                       guint      position,
                       guint      n_items)
{
  g_autofree char *place = NULL;

  g_return_if_fail (RD_IS_ITEM_ROW (self));

  /* Translators: accessible description of an item: "Item 3 of 8" */
  place = g_strdup_printf (_("Item %u of %u"), position + 1, n_items);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, place, -1);
}

RdItem *
rd_item_row_get_item (RdItemRow *self)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), NULL);
  return self->item;
}

/* While a stored answer is shown, the inputs' changes are no answers:
 * their handlers are blocked. */
static void
block_input_handlers (RdItemRow *self)
{
  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] != NULL)
      g_signal_handlers_block_by_func (self->choices[i], on_choice_toggled, self);
  if (self->entry != NULL)
    g_signal_handlers_block_by_func (self->entry, on_entry_changed, self);
}

static void
unblock_input_handlers (RdItemRow *self)
{
  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] != NULL)
      g_signal_handlers_unblock_by_func (self->choices[i], on_choice_toggled, self);
  if (self->entry != NULL)
    g_signal_handlers_unblock_by_func (self->entry, on_entry_changed, self);
}

static void
clear_choices (RdItemRow *self)
{
  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] != NULL)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[i]), FALSE);
}

/* Shows @answer (NULL: unanswered) without emitting "answered". */
void
rd_item_row_show_answer (RdItemRow      *self,
                         const RdAnswer *answer)
{
  RdItemKind kind;

  g_return_if_fail (RD_IS_ITEM_ROW (self));

  kind = rd_item_get_kind (self->item);
  block_input_handlers (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  set_error (self, NULL);
  clear_choices (self);
  self->shown_value = NAN;
  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");

  if (answer == NULL)
    ;
  else if (answer->not_applicable)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[RD_CHOICE_NOT_APPLICABLE]), TRUE);
  else if (kind == RD_ITEM_KIND_STATEMENT && answer->value >= 1 && answer->value <= N_AGREEMENT)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[(guint) answer->value]), TRUE);
  else if (kind == RD_ITEM_KIND_YES_NO)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[answer->value == 1 ? RD_CHOICE_YES
                                                                                       : RD_CHOICE_NO]), TRUE);
  else if (kind == RD_ITEM_KIND_DATE && answer->julian_day != 0)
    {
      g_autofree char *text = NULL;
      GDate date;

      rd_answer_get_date (answer, &date);
      text = rd_input_format_date (&date);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->shown_value = answer->julian_day;
    }
  else if (self->entry != NULL && isfinite (answer->value))
    {
      g_autofree char *text = rd_input_format_number (answer->value, rd_input_uses_decimal_comma ());

      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->shown_value = answer->value;
    }

  update_marks (self);
  unblock_input_handlers (self);
  set_has_answer (self, answer);
}

void
rd_item_row_set_editable (RdItemRow *self,
                          gboolean   editable)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));

  self->editable = editable;
  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] != NULL)
      gtk_widget_set_sensitive (self->choices[i], editable);
  if (self->entry != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  if (self->calendar != NULL)
    gtk_widget_set_sensitive (gtk_widget_get_ancestor (self->calendar, GTK_TYPE_POPOVER), editable);
}

void
rd_item_row_show_error (RdItemRow  *self,
                        const char *message)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));
  set_error (self, message);
}

/* What a click on choice @choice does; FALSE when the item has no such choice. */
gboolean
rd_item_row_choose (RdItemRow *self,
                    guint      choice)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), FALSE);

  if (choice > N_AGREEMENT || self->choices[choice] == NULL || !self->editable)
    return FALSE;

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->choices[choice])))
    return TRUE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[choice]), TRUE);
  return TRUE;
}

/* What typing @text and pressing Enter does; FALSE when it is refused. */
gboolean
rd_item_row_enter_text (RdItemRow  *self,
                        const char *text)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), FALSE);

  if (self->entry == NULL || !self->editable)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  return commit_entry (self);
}

/* Keyboard focus for the row: a fact's field, so that typing goes there;
 * a statement's row itself, so that 1–5 and 0 choose. */
gboolean
rd_item_row_grab_input_focus (RdItemRow *self)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), FALSE);

  if (self->entry != NULL)
    return gtk_widget_grab_focus (self->entry);
  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Saves a value still waiting for the typing pause, before the row goes. */
void
rd_item_row_flush (RdItemRow *self)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));

  if (self->save_timeout != 0)
    commit_entry (self);
}

gboolean
rd_item_row_is_answered (RdItemRow *self)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), FALSE);

  for (guint i = 0; i <= N_AGREEMENT; i++)
    if (self->choices[i] != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->choices[i])))
      return TRUE;

  return !isnan (self->shown_value);
}

GtkWidget *
rd_item_row_get_choice_button (RdItemRow *self,
                               guint      choice)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), NULL);
  return choice <= N_AGREEMENT ? self->choices[choice] : NULL;
}

/* A menu beside the item's text, for what can be done with the item
 * itself (a school's own question: edit, remove). Made here, not in the
 * template: few rows have one. */
void
rd_item_row_set_menu (RdItemRow  *self,
                      GMenuModel *menu)
{
  g_autofree char *label = NULL;
  GtkWidget *button;

  g_return_if_fail (RD_IS_ITEM_ROW (self));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Question Menu"));
  /* Translators: accessible name of the menu of a question: "Question Menu: Our pupils enjoy the coding club" */
  label = g_strdup_printf (_("Question Menu: %s"), rd_text_get_localized (rd_item_get_text (self->item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (self->header, button);
}

/* Replaces the line under the item's text (which factors it informs). */
void
rd_item_row_set_caption (RdItemRow  *self,
                         const char *caption)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));
  gtk_label_set_text (self->caption, caption);
}

/* The line that opens the item's commentary and evidence says what there
 * is: "Commentary · 2 pieces of evidence", or how to add them. */
void
rd_item_row_show_evidence (RdItemRow *self,
                           guint      n_evidence,
                           gboolean   has_commentary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;

  g_return_if_fail (RD_IS_ITEM_ROW (self));

  if (has_commentary)
    g_string_append (text, _("Commentary"));
  if (n_evidence > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (NULL, "%u piece of evidence",
                                                 "%u pieces of evidence", n_evidence), n_evidence);
    }
  if (text->len == 0)
    g_string_append (text, _("Add commentary or evidence"));

  gtk_label_set_text (self->evidence_label, text->str);
  if (n_evidence > 0 || has_commentary)
    gtk_widget_remove_css_class (GTK_WIDGET (self->evidence_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->evidence_label), "dim-label");
  /* Translators: accessible name of the button under an item: "Commentary and evidence: Commentary · 2 pieces of evidence" */
  name = g_strdup_printf (_("Commentary and evidence: %s"), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Where the view keeps no commentary (a workshop round's participant): hidden. */
void
rd_item_row_set_evidence_visible (RdItemRow *self,
                                  gboolean   visible)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));
  gtk_widget_set_visible (self->evidence_button, visible);
}

GtkWidget *
rd_item_row_get_evidence_button (RdItemRow *self)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), NULL);
  return self->evidence_button;
}

/* Says whether the log's figure counts, as the answer given here decides. */
static void
update_log_label (RdItemRow *self)
{
  g_autofree char *text = NULL;

  if (self->log_figure == NULL)
    {
      g_clear_pointer (&self->log_label, gtk_widget_unparent);
      return;
    }
  if (self->log_label == NULL)
    {
      self->log_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->log_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->log_label), 0);
      gtk_widget_set_margin_start (self->log_label, 16);
      gtk_widget_set_margin_end (self->log_label, 16);
      gtk_widget_add_css_class (self->log_label, "caption");
      gtk_widget_insert_after (self->log_label, GTK_WIDGET (self), GTK_WIDGET (self->caption));
    }
  if (self->has_answer)
    /* Translators: under a question the learning log answers; %s is "64 % of 11 staff" */
    text = g_strdup_printf (_("From the log: %s. Not counted: the answer given here counts instead."),
                            self->log_figure);
  else
    /* Translators: under a question the learning log answers; %s is "64 % of 11 staff" */
    text = g_strdup_printf (_("From the log: %s. This counts until an answer is given here."), self->log_figure);
  gtk_label_set_text (GTK_LABEL (self->log_label), text);
}

/* The learning log's figure for this fact ("64 % of 11 staff"), under the
 * caption; NULL hides it. */
void
rd_item_row_set_log_figure (RdItemRow  *self,
                            const char *figure)
{
  g_return_if_fail (RD_IS_ITEM_ROW (self));

  g_free (self->log_figure);
  self->log_figure = g_strdup (figure);
  update_log_label (self);
}

const char *
rd_item_row_get_log_figure (RdItemRow *self)
{
  g_return_val_if_fail (RD_IS_ITEM_ROW (self), NULL);
  return self->log_label ? gtk_label_get_text (GTK_LABEL (self->log_label)) : NULL;
}
