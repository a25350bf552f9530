#include "config.h"

#include "rd-entry-row.h"

void
rd_entry_row_limit_length (AdwEntryRow *row,
                           guint        max_chars)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), (int) max_chars);
}

/* A GtkTextBuffer has no maximum: what goes past it is taken off again. */
static void
on_text_changed (GtkTextBuffer *buffer,
                 GtkTextView   *view)
{
  guint max_chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "rd-max-chars"));
  GtkTextIter start, end;

  if ((guint) gtk_text_buffer_get_char_count (buffer) <= max_chars)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) max_chars);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_widget_error_bell (GTK_WIDGET (view));
  gtk_text_buffer_delete (buffer, &start, &end);
}

void
rd_text_view_limit_length (GtkTextView *view,
                           guint        max_chars)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  g_object_set_data (G_OBJECT (view), "rd-max-chars", GUINT_TO_POINTER (max_chars));
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (on_text_changed), view,
                           G_CONNECT_AFTER);
}
