#define G_LOG_DOMAIN "rd-chart-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-chart-draw.h"
#include "rd-chart-text.h"

/* Pango lengths are ints in 1/1024; keep widths far from overflow. */
#define MAX_TEXT_WIDTH 100000.0

static GPtrArray *records;

/* A 10 pt font for a chart of 400 units, never smaller than the caption
 * size nor larger than 14 pt; in user-space units at 96 units per inch,
 * as GTK. */
double
rd_chart_font_size (double width,
                    double height)
{
  double points = CLAMP (MIN (width, height) / 40.0, RD_CHART_MIN_FONT_POINTS, RD_CHART_MAX_FONT_POINTS);

  return points * 96.0 / 72.0;
}

void
rd_chart_text_init (RdChartText *text,
                    double       width,
                    double       height)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  text->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  text->size = rd_chart_font_size (width, height);

  /* Unhinted metrics and unrounded positions: text measures the same on
   * any surface and at any scale, so layouts scale without jumps and the
   * geometry functions agree with what is drawn. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (text->context, options);
  pango_context_set_round_glyph_positions (text->context, FALSE);
  cairo_font_options_destroy (options);
}

void
rd_chart_text_clear (RdChartText *text)
{
  g_clear_object (&text->context);
}

/* For drawing: follows @cr's transformation and the target's antialiasing.
 * The font options set above win over the surface's. */
void
rd_chart_text_attach (RdChartText *text,
                      cairo_t     *cr)
{
  pango_cairo_update_context (cr, text->context);
}

PangoLayout *
rd_chart_text_layout (RdChartText *text,
                      const char  *string,
                      double       scale,
                      PangoWeight  weight)
{
  PangoLayout *layout = pango_layout_new (text->context);
  PangoFontDescription *font = pango_font_description_new ();
  /* Smaller kinds of text (ticks, legends) shrink only down to the caption size. */
  double size = CLAMP (text->size * scale, RD_CHART_MIN_FONT_SIZE, 1000.0);
  g_autofree char *isolated = NULL;

  pango_font_description_set_family_static (font, "Sans");
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  isolated = rd_chart_text_isolate (string);
  pango_layout_set_text (layout, isolated, -1);
  pango_font_description_free (font);

  return layout;
}

/* Wraps at words into at most @max_lines lines of @width, ending the last
 * with "…" when the text is longer. */
void
rd_chart_text_fit (PangoLayout   *layout,
                   double         width,
                   int            max_lines,
                   PangoAlignment alignment)
{
  PangoRectangle logical;

  width = CLAMP (width, 1.0, MAX_TEXT_WIDTH);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  pango_layout_set_alignment (layout, alignment);

  /* Pango lets a word longer than the width stick out of a wrapped
   * layout; one shortened line is better than text over the plot. */
  pango_layout_get_extents (layout, NULL, &logical);
  if (max_lines > 1 && logical.width > width * PANGO_SCALE + 1)
    pango_layout_set_height (layout, -1);
}

/* The logical box of the text, relative to the layout's origin; with
 * alignment in a set width, x is not 0. */
void
rd_chart_text_get_box (PangoLayout *layout,
                       double      *x,
                       double      *y,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (x != NULL)
    *x = (double) logical.x / PANGO_SCALE;
  if (y != NULL)
    *y = (double) logical.y / PANGO_SCALE;
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
rd_chart_text_measure (RdChartText *text,
                       const char  *string,
                       double       scale,
                       PangoWeight  weight,
                       double      *width,
                       double      *height)
{
  PangoLayout *layout = rd_chart_text_layout (text, string, scale, weight);

  rd_chart_text_get_box (layout, NULL, NULL, width, height);
  g_object_unref (layout);
}

static void
record_free (gpointer data)
{
  RdChartTextRecord *r = data;

  g_free (r->text);
  g_free (r);
}

void
rd_chart_text_record (GPtrArray *array)
{
  if (array != NULL)
    g_ptr_array_set_free_func (array, record_free);
  records = array;
}

static char *
without_isolates (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x2066 || c > 0x2069)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
record (cairo_t     *cr,
        PangoLayout *layout,
        double       box_x,
        double       box_y)
{
  RdChartTextRecord *r = g_new0 (RdChartTextRecord, 1);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double width, height, x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double dx = 1.0, dy = 0.0;

  rd_chart_text_get_box (layout, NULL, NULL, &width, &height);
  for (int corner = 0; corner < 4; corner++)
    {
      double x = box_x + (corner & 1 ? width : 0), y = box_y + (corner & 2 ? height : 0);

      cairo_user_to_device (cr, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }
  /* What a clip hides is not drawn. */
  {
    double cx0, cy0, cx1, cy1;

    cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
    cairo_user_to_device (cr, &cx0, &cy0);
    cairo_user_to_device (cr, &cx1, &cy1);
    x0 = MAX (x0, MIN (cx0, cx1));
    y0 = MAX (y0, MIN (cy0, cy1));
    x1 = MIN (x1, MAX (cx0, cx1));
    y1 = MIN (y1, MAX (cy0, cy1));
    if (x1 <= x0 || y1 <= y0)
      {
        g_free (r);
        return;
      }
  }
  cairo_user_to_device_distance (cr, &dx, &dy);
  r->text = without_isolates (pango_layout_get_text (layout));
  r->font_size = (double) pango_font_description_get_size (font) / PANGO_SCALE * hypot (dx, dy);
  r->x = x0;
  r->y = y0;
  r->width = x1 - x0;
  r->height = y1 - y0;
  r->ellipsized = pango_layout_is_ellipsized (layout);
  r->n_lines = pango_layout_get_line_count (layout);
  g_ptr_array_add (records, r);
}

/* Draws @layout with its logical box's top left corner at (@box_x, @box_y).
 * A backdrop in @halo (the background) around the ink keeps text readable
 * over lines: it clears a gap in them, as a halo would. A rounded box costs
 * a twentieth of stroking the glyph outlines, which made up half the time
 * of a chart with many values. */
void
rd_chart_text_draw (cairo_t       *cr,
                    PangoLayout   *layout,
                    double         box_x,
                    double         box_y,
                    const RdColor *color,
                    double         alpha,
                    const RdColor *halo,
                    double         halo_width)
{
  double x, y;

  if (!isfinite (box_x) || !isfinite (box_y))
    return;

  rd_chart_text_get_box (layout, &x, &y, NULL, NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  if (halo != NULL && halo_width > 0)
    {
      PangoRectangle ink;

      pango_layout_get_extents (layout, &ink, NULL);
      if (ink.width > 0 && ink.height > 0)
        {
          rd_chart_rounded_rectangle (cr,
                                      box_x - x + (double) ink.x / PANGO_SCALE - halo_width,
                                      box_y - y + (double) ink.y / PANGO_SCALE - halo_width,
                                      (double) ink.width / PANGO_SCALE + 2 * halo_width,
                                      (double) ink.height / PANGO_SCALE + 2 * halo_width,
                                      halo_width);
          rd_chart_set_color (cr, halo, 1.0);
          cairo_fill (cr);
        }
    }
  cairo_move_to (cr, box_x - x, box_y - y);
  rd_chart_set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  if (records != NULL)
    record (cr, layout, box_x, box_y);
}

/* Bidirectional text where it is drawn */

#define PDI 0x2069

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

static gboolean
is_bidi_embedding (gunichar c)
{
  return c >= 0x202a && c <= 0x202e;
}

static gboolean
is_isolate_start (gunichar c)
{
  return c >= 0x2066 && c <= 0x2068;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

/* Offsets of the isolates in @text that have no pair: left out. */
static GArray *
find_unpaired_isolates (const char *text)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gsize));
  GArray *unpaired = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (const char *p = text; *p != '\0'; p++)
    {
      gunichar c;
      gsize offset = p - text;

      if ((guchar) *p != 0xe2)
        {
          if (*p == '\n')
            {
              /* An isolate ends with its paragraph. */
              g_array_append_vals (unpaired, open->data, open->len);
              g_array_set_size (open, 0);
            }
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (is_isolate_start (c))
        g_array_append_val (open, offset);
      else if (c == PDI && open->len > 0)
        g_array_set_size (open, open->len - 1);
      else if (c == PDI)
        g_array_append_val (unpaired, offset);
    }
  g_array_append_vals (unpaired, open->data, open->len);
  g_array_sort (unpaired, (GCompareFunc) compare_offsets);
  return unpaired;
}

static void
append_mapped (GString    *out,
               GArray     *map,
               const char *bytes,
               gsize       n_bytes,
               gsize       source)
{
  g_string_append_len (out, bytes, n_bytes);
  for (gsize i = 0; map != NULL && i < n_bytes; i++)
    g_array_append_val (map, source);
}

/**
 * rd_chart_text_isolate_mapped:
 * @map: (nullable): filled with the offset in @text of every byte of the
 *   result, and one more for its end
 *
 * @text as it is drawn among other text (PDF report, charts): each line in
 * FSI … PDI, so that a right-to-left name cannot reorder the words around
 * it, and without the controls a database written before the rules of the
 * core's rd_text_clean() may still hold (charts cannot call the core): C0
 * and C1 controls but tab, embeddings and overrides, isolates without
 * their pair, bytes that are not UTF-8. Text of printable ASCII only is
 * left as it is: it has nothing to reorder.
 */
char *
rd_chart_text_isolate_mapped (const char *text,
                              GArray     *map)
{
  static const char fsi[] = "\xe2\x81\xa8", pdi[] = "\xe2\x81\xa9";
  g_autoptr(GArray) unpaired = NULL;
  gboolean plain = TRUE;
  gsize line_out = 0, next_unpaired = 0;
  GString *out;
  const char *p;

  if (map != NULL)
    g_array_set_size (map, 0);
  if (text == NULL)
    text = "";

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x7f || ((guchar) *p < 0x20 && *p != '\n' && *p != '\t'))
      {
        plain = FALSE;
        break;
      }
  if (plain)
    {
      out = g_string_new (text);
      for (gsize i = 0; map != NULL && i <= out->len; i++)
        g_array_append_val (map, i);
      return g_string_free (out, FALSE);
    }

  unpaired = find_unpaired_isolates (text);
  out = g_string_sized_new (strlen (text) + 8);
  append_mapped (out, map, fsi, 3, 0);
  for (p = text;; )
    {
      gsize offset = p - text;
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated (p, -1);
      const char *next = c == (gunichar) -1 || c == (gunichar) -2 ? p + 1 : g_utf8_next_char (p);

      if (c == 0 || c == '\n')
        {
          /* The line ends: its PDI, or no isolate at all when it is empty. */
          if (out->len == line_out + 3)
            {
              g_string_truncate (out, line_out);
              if (map != NULL)
                g_array_set_size (map, line_out);
            }
          else
            append_mapped (out, map, pdi, 3, offset);
          if (c == 0)
            break;
          append_mapped (out, map, "\n", 1, offset);
          line_out = out->len;
          append_mapped (out, map, fsi, 3, offset + 1);
          p = next;
          continue;
        }

      if (next_unpaired < unpaired->len && g_array_index (unpaired, gsize, next_unpaired) == offset)
        next_unpaired++;
      else if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0x2028 && c != 0x2029 &&
               !(is_control (c) && c != '\t') && !is_bidi_embedding (c))
        append_mapped (out, map, p, next - p, offset);
      p = next;
    }
  if (map != NULL)
    {
      gsize end = strlen (text);

      g_array_append_val (map, end);
    }
  return g_string_free (out, FALSE);
}

char *
rd_chart_text_isolate (const char *text)
{
  return rd_chart_text_isolate_mapped (text, NULL);
}
