#define G_LOG_DOMAIN "rd-chart-export"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "rd-chart-export.h"
#include "rd-chart-text.h"

/* Cairo's image surfaces stop here. */
#define MAX_IMAGE_SIZE 32767

typedef struct
{
  GOutputStream *stream;
  GByteArray *buffer;  /* collects an SVG document before it goes to @stream */
  GError *error;
} Writer;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (writer->buffer != NULL)
    {
      g_byte_array_append (writer->buffer, data, length);
      return CAIRO_STATUS_SUCCESS;
    }
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* GIO's messages name the call and the file ("Error opening file “…”:
 * No such file or directory"); ours names the file once, so keep only
 * the reason at the end. */
static const char *
reason_of (const GError *error)
{
  const char *colon = g_strrstr (error->message, ": ");

  return colon != NULL && colon[2] != '\0' ? colon + 2 : error->message;
}

static void
set_write_error (GError     **error,
                 GFile       *file,
                 const GError *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, cause->domain, cause->code,
               /* Translators: the first %s is a file's path, the second why writing it failed */
               _("Could not write %s: %s"), name, reason_of (cause));
}

static cairo_status_t
draw_on (cairo_surface_t      *surface,
         RdChartDrawFunc       draw,
         gpointer              data,
         int                   width,
         int                   height,
         const RdChartPalette *palette)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_set_source_rgb (cr, palette->background.red, palette->background.green, palette->background.blue);
  cairo_paint (cr);
  draw (cr, width, height, data, palette);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

/* Puts <title> and <desc> first inside the root element, where SVG
 * readers look for a document's name and description. */
static GBytes *
add_svg_text (GByteArray *document,
              const char *title,
              const char *description)
{
  g_autoptr(GString) text = g_string_new_len ((const char *) document->data, document->len);
  const char *root = strstr (text->str, "<svg");
  const char *end = root ? strchr (root, '>') : NULL;
  g_autoptr(GString) metadata = g_string_new ("\n");

  if (end == NULL)
    return g_bytes_new (document->data, document->len);

  /* Names in them come from users and files: no control characters,
   * which XML does not allow, and each line isolated as when drawn. */
  if (title != NULL)
    {
      g_autofree char *isolated = rd_chart_text_isolate (title);
      g_autofree char *escaped = g_markup_escape_text (isolated, -1);

      g_string_append_printf (metadata, "<title>%s</title>\n", escaped);
    }
  if (description != NULL)
    {
      g_autofree char *isolated = rd_chart_text_isolate (description);
      g_autofree char *escaped = g_markup_escape_text (isolated, -1);

      g_string_append_printf (metadata, "<desc>%s</desc>\n", escaped);
    }

  g_string_insert (text, (end - text->str) + 1, metadata->str);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

gboolean
rd_chart_export (RdChartDrawFunc  draw,
                 gpointer         data,
                 RdChartFormat    format,
                 int              width,
                 int              height,
                 const char      *title,
                 const char      *description,
                 const char      *path,
                 GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  RdChartPalette palette;
  Writer writer = { NULL, NULL, NULL };
  gboolean existed;

  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  if (width <= 0 || height <= 0 || width > MAX_IMAGE_SIZE || height > MAX_IMAGE_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file's path, then its width and height */
                   _("Could not write %s: a chart of %d × %d is not possible"), name, width, height);
      return FALSE;
    }

  /* The light palette on white: what prints and what slides expect. */
  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  palette.background = (RdColor) { 1.0, 1.0, 1.0, 1.0 };

  /* g_file_replace() writes an existing file's replacement beside it and
   * renames it into place on close; a new file it writes in place, so
   * that one is removed again on failure. */
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      set_write_error (error, file, local_error);
      return FALSE;
    }
  writer.stream = G_OUTPUT_STREAM (stream);

  if (format == RD_CHART_FORMAT_SVG)
    {
      writer.buffer = g_byte_array_new ();
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &writer, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      status = draw_on (surface, draw, data, width, height, &palette);
      /* The document is written when the surface is finished. */
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS && writer.error == NULL)
        {
          g_autoptr(GBytes) document = add_svg_text (writer.buffer, title, description);
          gsize length;
          const guint8 *bytes = g_bytes_get_data (document, &length);

          g_output_stream_write_all (writer.stream, bytes, length, NULL, NULL, &writer.error);
        }
      g_clear_pointer (&writer.buffer, g_byte_array_unref);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      status = draw_on (surface, draw, data, width, height, &palette);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write_to_stream, &writer);
    }
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    writer.error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));

  if (writer.error == NULL &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &writer.error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the replacement instead of
   * renaming it over the old file. An unreferenced open stream would
   * close itself normally and keep the half-written file. */
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
    }
  if (!existed)
    g_file_delete (file, NULL, NULL);

  set_write_error (error, file, writer.error);
  g_error_free (writer.error);
  return FALSE;
}
