/* Accessible names that GTK 4.8 gets wrong, put right in one place.
 *
 * A button whose label has a mnemonic gets its raw label ("_Save") as its
 * accessible label and is also labelled by its own label widget ("Save"):
 * screen readers say "_Save Save". An expander is named after its type
 * ("GtkExpander") although it shows a label. A drop-down's button, which
 * is what takes the focus, has no name of its own. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-accessible.h"

#define TIDIED_KEY "rd-accessible-tidied"

/* The button keeps only the relation to its label widget, whose name is
 * the label without the underscore; GTK sets the raw label again on every
 * change of the label. */
static void
forget_raw_label (GtkWidget *button)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (button)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_button_label_changed (GtkWidget  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  /* Only a button showing a label of its own: an icon or custom child
   * keeps the accessible label the code gave it. */
  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    forget_raw_label (button);
}

static void
tidy_button (GtkWidget *button)
{
  if (g_object_get_data (G_OBJECT (button), TIDIED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (button), TIDIED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (on_button_label_changed), NULL);
  on_button_label_changed (button, NULL, NULL);
}

static void
on_expander_label_changed (GtkExpander *expander,
                           GParamSpec  *pspec,
                           gpointer     user_data)
{
  GtkWidget *label = gtk_expander_get_label_widget (expander);

  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (expander),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

static void
tidy_expander (GtkWidget *expander)
{
  if (g_object_get_data (G_OBJECT (expander), TIDIED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), TIDIED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (expander, "notify::label-widget", G_CALLBACK (on_expander_label_changed), NULL);
  on_expander_label_changed (GTK_EXPANDER (expander), NULL, NULL);
}

/* The search entries of GTK's and libadwaita's own windows (shortcuts,
 * preferences) have no name; none of Readiness's own has a placeholder
 * instead of a name. */
static void
tidy_search_entry (GtkWidget *entry)
{
  g_autofree char *placeholder = NULL;

  if (g_object_get_data (G_OBJECT (entry), TIDIED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (entry), TIDIED_KEY, GINT_TO_POINTER (TRUE));
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of a search field without a placeholder */
                                  placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"),
                                  -1);
}

/* An expander row is a list row of its own around the row that shows its
 * title: name it after that title. */
static void
tidy_expander_row (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A row of a drop-down's or a combo row's list has no name; its label,
 * which the list view rebinds as it recycles the row, gives it one. */
static void
tidy_list_view_row (GtkWidget *row)
{
  GtkWidget *label = first_label (row);

  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

/* GTK's shortcuts window numbers its pages "_1", "_2" in buttons that
 * are named so, and has a search button and a section menu without names. */
static void
tidy_shortcuts_window_part (GtkWidget *widget)
{
  GtkWidget *label = first_label (widget);

  if (GTK_IS_MENU_BUTTON (widget))
    /* Translators: accessible name of the menu of sections in the keyboard shortcuts window */
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shortcut Sections"),
                                    -1);
  else if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_STACK_SWITCHER) && label)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
    }
  else if (GTK_IS_TOGGLE_BUTTON (widget) && label == NULL &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) == NULL)
    /* Translators: accessible name of the search button in the keyboard shortcuts window */
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Shortcuts"),
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_shortcuts_window_part (child);
}

static void
tidy_widget (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_WINDOW (widget))
    tidy_shortcuts_window_part (widget);
  else if (GTK_IS_BUTTON (widget))
    tidy_button (widget);
  else if (GTK_IS_EXPANDER (widget))
    tidy_expander (widget);
  else if (GTK_IS_SEARCH_ENTRY (widget))
    tidy_search_entry (widget);
  else if (ADW_IS_EXPANDER_ROW (widget))
    tidy_expander_row (widget);
  else if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)) &&
           (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL ||
            gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL))
    tidy_list_view_row (widget);
}

/**
 * rd_accessible_tidy_names:
 * @root: a widget
 *
 * Puts right the names GTK 4.8 gets wrong of @root and everything in it,
 * and keeps them right when their labels change.
 */
void
rd_accessible_tidy_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  tidy_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rd_accessible_tidy_names (child);
}

/* A window, when it appears, with every page it holds (shown or not); any
 * other widget when it appears, for what was added to a window later. */
static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_WINDOW (widget))
    rd_accessible_tidy_names (widget);
  else
    tidy_widget (widget);
  return TRUE;
}

/**
 * rd_accessible_install_name_fixes:
 *
 * Tidies the names of every window of the application, and of every widget
 * added to one, as they appear. Call once, at startup.
 */
void
rd_accessible_install_name_fixes (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_map, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

/**
 * rd_accessible_name_button:
 * @button: a button
 * @name: what it does, in more words than its label
 *
 * Names @button @name alone: without this, GTK 4.8 adds the text of a
 * label with a mnemonic to the name ("Plan an action for … Plan Action").
 */
void
rd_accessible_name_button (GtkWidget  *button,
                           const char *name)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  g_object_set_data (G_OBJECT (button), TIDIED_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static GtkWidget *
dropdown_button (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

/**
 * rd_accessible_label_dropdown:
 * @dropdown: a drop-down
 * @label: the label that names it
 *
 * Names @dropdown and the button inside it, which takes the focus, after
 * @label.
 */
void
rd_accessible_label_dropdown (GtkDropDown *dropdown,
                              GtkWidget   *label)
{
  GtkWidget *button = dropdown_button (dropdown);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  if (button != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

/**
 * rd_accessible_name_dropdown:
 * @dropdown: a drop-down
 * @name: its accessible name
 *
 * Names @dropdown and the button inside it, which takes the focus, @name
 * alone: a label whose mnemonic leads to @dropdown would add its text.
 */
void
rd_accessible_name_dropdown (GtkDropDown *dropdown,
                             const char  *name)
{
  GtkWidget *button = dropdown_button (dropdown);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}
