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
