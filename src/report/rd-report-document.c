#define G_LOG_DOMAIN "rd-report-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rd-chart-text.h"
#include "rd-report-document.h"

/* The flow ends above the footer, which sits inside the bottom margin's
 * line so that nothing is drawn outside the margins. */
#define FOOTER_HEIGHT 38.0
#define FLOW_TOP      RD_REPORT_MARGIN
#define FLOW_BOTTOM   (RD_REPORT_PAGE_HEIGHT - RD_REPORT_MARGIN - FOOTER_HEIGHT)
#define FLOW_LEFT     RD_REPORT_MARGIN

/* A heading needs this much room under it, or it moves to the next page
 * with what it introduces. */
#define HEADING_KEEP    160.0
#define SUBHEADING_KEEP 80.0

#define CELL_PAD_X      12.0  /* between the columns of a table */
#define CELL_PAD_Y      4.5
#define KEY_WIDTH       150.0
#define KEY_GAP         12.0
#define CONTENTS_NUMBER 48.0
#define HEADING_ACCENT_WIDTH 36.0
#define HEADING_ACCENT_HEIGHT 2.5

typedef struct
{
  double size;        /* points */
  PangoWeight weight;
  guint32 color;
  double spacing;     /* between the lines of a paragraph, points */
  double before;      /* room above, collapsed with the room below the block before */
  double after;
} StyleSpec;

/* A calm hierarchy: few sizes, one weight change, grey for what is secondary. */
#define COLOR_TEXT   0x241f31
#define COLOR_DIM    0x5e5c64
#define COLOR_RULE   0xdeddda
#define COLOR_STRONG_RULE 0x9a9996
#define COLOR_ACCENT 0x0072b2

static const StyleSpec styles[RD_REPORT_N_TEXT_STYLES] = {
  [RD_REPORT_TEXT_TITLE]        = { 26.0, PANGO_WEIGHT_BOLD,     COLOR_TEXT, 4.0, 0.0, 10.0 },
  [RD_REPORT_TEXT_SUBTITLE]     = { 17.0, PANGO_WEIGHT_NORMAL,   COLOR_TEXT, 3.0, 0.0, 6.0 },
  [RD_REPORT_TEXT_HEADING]      = { 18.0, PANGO_WEIGHT_BOLD,     COLOR_TEXT, 3.0, 44.0, 18.0 },
  [RD_REPORT_TEXT_SUBHEADING]   = { 12.0, PANGO_WEIGHT_BOLD,     COLOR_TEXT, 2.0, 20.0, 8.0 },
  [RD_REPORT_TEXT_LEAD]         = { 10.5, PANGO_WEIGHT_BOLD,     COLOR_TEXT, 3.0, 14.0, 5.0 },
  [RD_REPORT_TEXT_BODY]         = { 10.0, PANGO_WEIGHT_NORMAL,   COLOR_TEXT, 4.0, 6.0, 8.0 },
  [RD_REPORT_TEXT_NOTE]         = { 8.5,  PANGO_WEIGHT_NORMAL,   COLOR_DIM,  3.0, 6.0, 8.0 },
  [RD_REPORT_TEXT_KEY]          = { 9.0,  PANGO_WEIGHT_NORMAL,   COLOR_DIM,  3.0, 0.0, 0.0 },
  [RD_REPORT_TEXT_TABLE]        = { 9.0,  PANGO_WEIGHT_NORMAL,   COLOR_TEXT, 2.5, 0.0, 0.0 },
  [RD_REPORT_TEXT_TABLE_HEADER] = { 8.0,  PANGO_WEIGHT_BOLD,     COLOR_DIM,  2.0, 0.0, 0.0 },
  [RD_REPORT_TEXT_CONTENTS]     = { 11.0, PANGO_WEIGHT_NORMAL,   COLOR_TEXT, 2.0, 0.0, 0.0 },
  [RD_REPORT_TEXT_FOOTER]       = { 8.0,  PANGO_WEIGHT_NORMAL,   COLOR_DIM,  0.0, 0.0, 0.0 },
};

/* Room around blocks that are not text of one style. */
#define TABLE_BEFORE  10.0
#define TABLE_AFTER   16.0
#define KV_BEFORE     6.0
#define KV_AFTER      5.0
#define CHART_BEFORE  12.0
#define CHART_AFTER   14.0
#define RULE_BEFORE   14.0
#define RULE_AFTER    14.0

struct _RdReportTable
{
  guint n_columns;
  double width;
  char **titles;
  double *weights;
  PangoAlignment *alignments;
  GPtrArray *rows;  /* of GStrv with n_columns strings */
};

typedef enum {
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_KEY_VALUE,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_CONTENTS,
  BLOCK_SPACE,
  BLOCK_RULE,
  BLOCK_BAND,
  BLOCK_PAGE_BREAK,
  BLOCK_GROUP_BEGIN,
  BLOCK_GROUP_END,
} BlockKind;

typedef struct
{
  BlockKind kind;
  RdReportTextStyle style;
  char *text;            /* headings, paragraphs, keys */
  char *value;           /* key/value rows */
  RdReportTable *table;
  guint chart;           /* index into charts */
  double width, height;  /* charts; height is the room of a space */
} Block;

typedef struct
{
  RdChartDrawFunc draw;
  gpointer data;
  GDestroyNotify destroy;
} Chart;

typedef struct
{
  RdReportBoxKind kind;
  double x, y, width, height;
  char *text;
  RdReportTextStyle style;
  PangoAlignment alignment;
  gboolean single_line;  /* ellipsized rather than wrapped */
  guint32 color;         /* fills */
  guint chart;
  int link_section;      /* a contents entry: the section it leads to; else -1 */
} Box;

typedef struct
{
  char *title;
  guint page;
  double y;
  /* The contents entry's number box, filled in once pages are known. */
  int number_page;
  guint number_box;
} Section;

struct _RdReportDocument
{
  GObject parent_instance;

  char *footer;
  GArray *blocks;     /* of Block */
  GPtrArray *charts;  /* of Chart */
  gboolean laid_out;
  GPtrArray *pages;   /* of GArray of Box */
  GArray *sections;   /* of Section */
};

G_DEFINE_FINAL_TYPE (RdReportDocument, rd_report_document, G_TYPE_OBJECT)

/* Tables */

RdReportTable *
rd_report_table_new (guint n_columns)
{
  RdReportTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (RdReportTable, 1);
  table->n_columns = n_columns;
  table->width = RD_REPORT_CONTENT_WIDTH;
  table->titles = g_new0 (char *, n_columns + 1);
  table->weights = g_new (double, n_columns);
  table->alignments = g_new (PangoAlignment, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint c = 0; c < n_columns; c++)
    {
      table->weights[c] = 1.0;
      table->alignments[c] = PANGO_ALIGN_LEFT;
    }
  return table;
}

void
rd_report_table_set_column (RdReportTable  *table,
                            guint           column,
                            const char     *title,
                            double          weight,
                            PangoAlignment  alignment)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (weight > 0);

  g_free (table->titles[column]);
  table->titles[column] = g_strdup (title != NULL ? title : "");
  table->weights[column] = weight;
  table->alignments[column] = alignment;
}

void
rd_report_table_set_width (RdReportTable *table,
                           double         width)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (width > 0);

  table->width = MIN (width, RD_REPORT_CONTENT_WIDTH);
}

void
rd_report_table_add_row (RdReportTable      *table,
                         const char * const *cells)
{
  char **row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strchomp (g_strdup (cells[c] != NULL ? cells[c] : ""));
  g_ptr_array_add (table->rows, row);
}

void
rd_report_table_free (RdReportTable *table)
{
  if (table == NULL)
    return;

  for (guint c = 0; c < table->n_columns; c++)
    g_free (table->titles[c]);
  g_free (table->titles);
  g_free (table->weights);
  g_free (table->alignments);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static gboolean
table_has_header (RdReportTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (table->titles[c] != NULL && table->titles[c][0] != '\0')
      return TRUE;
  return FALSE;
}

/* Text, measured and drawn alike */

static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions at 72 dpi: a line measures
   * the same on a PDF page, a printer's surface and a test's image, so
   * the pages break where the layout decided. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

static void
configure_layout (PangoLayout       *layout,
                  RdReportTextStyle  style,
                  const char        *text,
                  double             width,
                  PangoAlignment     alignment,
                  gboolean           single_line,
                  GArray            *map)
{
  const StyleSpec *spec = &styles[style];
  PangoFontDescription *font = pango_font_description_new ();
  /* Names, titles and notes come from users and files: a right-to-left
   * override in one must not reorder the words around it. */
  g_autofree char *isolated = NULL;

  pango_font_description_set_family_static (font, "Sans");
  pango_font_description_set_weight (font, spec->weight);
  pango_font_description_set_size (font, (int) (spec->size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_spacing (layout, (int) (spec->spacing * PANGO_SCALE));
  if (single_line)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -1);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      /* A word wider than the column is broken rather than cut off. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  isolated = rd_chart_text_isolate_mapped (text, map);
  pango_layout_set_text (layout, isolated, -1);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Layout state */

/* Where a group began, to start it again from there. */
typedef struct
{
  guint block;          /* the GROUP_BEGIN block */
  guint page;
  guint n_boxes;        /* on that page */
  gboolean fresh;       /* it began at the top of the page */
  guint n_sections;
} GroupMark;

typedef struct
{
  RdReportDocument *doc;
  PangoContext *context;
  PangoLayout *layout;
  GArray *page;         /* the current page's boxes */
  double y;
  double gap;           /* room owed to the block before */
  gboolean fresh;       /* nothing but repeated headers on this page yet */
  guint n_sections;     /* headings placed so far */
  GArray *groups;       /* of GroupMark, open groups */
} Layout;

static void
clear_box (gpointer data)
{
  g_free (((Box *) data)->text);
}

static GArray *
page_new (void)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Box));

  g_array_set_clear_func (page, clear_box);
  return page;
}

static void
new_page (Layout *l)
{
  l->page = page_new ();
  g_ptr_array_add (l->doc->pages, l->page);
  l->y = FLOW_TOP;
  l->gap = 0;
  l->fresh = TRUE;
}

static double
measure (Layout            *l,
         RdReportTextStyle  style,
         const char        *text,
         double             width)
{
  configure_layout (l->layout, style, text, width, PANGO_ALIGN_LEFT, FALSE, NULL);
  return layout_height (l->layout);
}

/* Moves down by the room owed between the last block and one that wants
 * @before above it; a page starts without any. */
static void
open_space (Layout *l,
            double  before)
{
  if (l->fresh)
    return;
  l->y += MAX (l->gap, before);
  l->gap = 0;
}

static Box *
add_box (Layout          *l,
         RdReportBoxKind  kind,
         double           x,
         double           y,
         double           width,
         double           height)
{
  Box box = { kind, x, y, width, height, NULL, RD_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT, FALSE, 0, 0, -1 };

  g_array_append_val (l->page, box);
  return &g_array_index (l->page, Box, l->page->len - 1);
}

static Box *
add_text_box (Layout            *l,
              RdReportTextStyle  style,
              const char        *text,
              gsize              length,
              double             x,
              double             y,
              double             width,
              double             height,
              PangoAlignment     alignment)
{
  Box *box = add_box (l, RD_REPORT_BOX_TEXT, x, y, width, height);

  box->text = g_strndup (text, length);
  box->style = style;
  box->alignment = alignment;
  return box;
}

static void
add_fill (Layout  *l,
          double   x,
          double   y,
          double   width,
          double   height,
          guint32  color)
{
  add_box (l, RD_REPORT_BOX_FILL, x, y, width, height)->color = color;
}

/* How much of @text fits in @room points at @width: the length in bytes
 * of its first lines (ending where a line starts, with no line break at
 * the end) and their height. 0 when not even one line fits.
 * @keep_lines avoids a paragraph's first or last line alone on a page. */
static gsize
fit_lines (Layout            *l,
           RdReportTextStyle  style,
           const char        *text,
           double             width,
           double             room,
           gboolean           keep_lines,
           double            *height)
{
  PangoLayoutIter *iter;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (gsize));
  int n_lines, n_fit = 0;

  /* Pango's indices are in the isolated text: the map leads back. */
  configure_layout (l->layout, style, text, width, PANGO_ALIGN_LEFT, FALSE, map);
  if (layout_height (l->layout) <= room)
    {
      *height = layout_height (l->layout);
      return strlen (text);
    }

  iter = pango_layout_get_iter (l->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      gsize start = g_array_index (map, gsize, line->start_index);
      int y1;

      g_array_append_val (starts, start);
      pango_layout_iter_get_line_yrange (iter, NULL, &y1);
      /* The line's range takes half the spacing below it; the next line
       * is checked by measuring the cut text below anyway. */
      if ((double) y1 / PANGO_SCALE <= room + styles[style].spacing)
        n_fit = starts->len;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n_lines = starts->len;
  /* The last line always starts a part of its own. */
  n_fit = MIN (n_fit, n_lines - 1);

  if (keep_lines && n_lines >= 3)
    {
      /* No last line alone at the top of the next page… */
      if (n_fit == n_lines - 1)
        n_fit--;
      /* …and no first line alone at the bottom of this one. */
      if (n_fit == 1)
        n_fit = 0;
    }

  /* Measure what is cut off exactly as it will be drawn, and give back
   * lines until it fits. */
  for (; n_fit > 0; n_fit--)
    {
      gsize length = g_array_index (starts, gsize, n_fit);
      g_autofree char *part = NULL;

      while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
        length--;
      part = g_strndup (text, length);
      configure_layout (l->layout, style, part, width, PANGO_ALIGN_LEFT, FALSE, NULL);
      *height = layout_height (l->layout);
      if (*height <= room)
        return length;
    }

  *height = 0;
  return 0;
}

/* The first line of @text alone, for a line that fits nowhere: taller
 * than a whole page. */
static gsize
first_line (Layout            *l,
            RdReportTextStyle  style,
            const char        *text,
            double             width,
            double            *height)
{
  PangoLayoutLine *second;
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length = strlen (text);
  g_autofree char *part = NULL;

  configure_layout (l->layout, style, text, width, PANGO_ALIGN_LEFT, FALSE, map);
  second = pango_layout_get_line_readonly (l->layout, 1);
  if (second != NULL)
    length = g_array_index (map, gsize, second->start_index);
  while (length > 1 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
    length--;
  part = g_strndup (text, length);
  configure_layout (l->layout, style, part, width, PANGO_ALIGN_LEFT, FALSE, NULL);
  *height = layout_height (l->layout);
  return length;
}

/* Skips the line breaks at a cut: a page starts with text, not with
 * empty lines. */
static const char *
skip_break (const char *text)
{
  while (*text == '\r' || *text == '\n')
    text++;
  return text;
}

static void
place_text (Layout            *l,
            RdReportTextStyle  style,
            const char        *text,
            double             x,
            double             width)
{
  while (TRUE)
    {
      double room = FLOW_BOTTOM - l->y;
      double height = 0;
      gsize length = fit_lines (l, style, text, width, room, TRUE, &height);

      if (length == 0 && l->fresh)
        {
          /* Not one line fits on an empty page: it must be huge. Place
           * one line anyway rather than loop. */
          length = first_line (l, style, text, width, &height);
        }
      if (length > 0)
        {
          add_text_box (l, style, text, length, x, l->y, width, height, PANGO_ALIGN_LEFT);
          l->y += height;
          l->fresh = FALSE;
          text = skip_break (text + length);
        }
      if (*text == '\0')
        break;
      new_page (l);
    }
  l->gap = styles[style].after;
}

/* Rows of cells side by side: tables and key/value lists */

typedef struct
{
  guint n_cells;
  double x[16];
  double width[16];
  RdReportTextStyle style[16];
  PangoAlignment alignment[16];
  double pad_top, pad_bottom;
  guint32 rule;         /* colour of the line under the row; 0 for none */
  double rule_width;
} RowSpec;

typedef struct
{
  const RowSpec *spec;
  const char * const *cells;
} Header;

/* The first baselines of the cells line up (a key in small type beside
 * its value): where each cell's text starts below the row's top, and the
 * row's height. @lengths: how much of each cell goes in the row. */
static double
row_layout (Layout             *l,
            const RowSpec      *spec,
            const char * const *cells,
            const gsize        *lengths,
            double             *heights,
            double             *offsets)
{
  double baselines[16];
  double top = 0, bottom = 0;

  for (guint c = 0; c < spec->n_cells; c++)
    {
      g_autofree char *part = NULL;

      heights[c] = baselines[c] = 0;
      if (lengths[c] == 0)
        continue;
      part = g_strndup (cells[c], lengths[c]);
      configure_layout (l->layout, spec->style[c], part, spec->width[c], PANGO_ALIGN_LEFT, FALSE, NULL);
      heights[c] = layout_height (l->layout);
      baselines[c] = (double) pango_layout_get_baseline (l->layout) / PANGO_SCALE;
      top = MAX (top, baselines[c]);
    }

  for (guint c = 0; c < spec->n_cells; c++)
    {
      offsets[c] = lengths[c] > 0 ? top - baselines[c] : 0;
      bottom = MAX (bottom, offsets[c] + heights[c]);
    }

  return spec->pad_top + bottom + spec->pad_bottom;
}

static void
whole_lengths (const RowSpec      *spec,
               const char * const *cells,
               gsize              *lengths)
{
  for (guint c = 0; c < spec->n_cells; c++)
    lengths[c] = cells[c] != NULL ? strlen (cells[c]) : 0;
}

static double
row_height (Layout             *l,
            const RowSpec      *spec,
            const char * const *cells)
{
  gsize lengths[16];
  double heights[16], offsets[16];

  whole_lengths (spec, cells, lengths);
  return row_layout (l, spec, cells, lengths, heights, offsets);
}

static void
emit_row (Layout             *l,
          const RowSpec      *spec,
          const char * const *cells,
          const gsize        *lengths)
{
  double heights[16], offsets[16];
  double height = row_layout (l, spec, cells, lengths, heights, offsets);

  for (guint c = 0; c < spec->n_cells; c++)
    if (lengths[c] > 0)
      add_text_box (l, spec->style[c], cells[c], lengths[c], spec->x[c], l->y + spec->pad_top + offsets[c],
                    spec->width[c], heights[c], spec->alignment[c]);

  l->y += height;
  if (spec->rule != 0)
    {
      double left = spec->x[0];
      double right = spec->x[spec->n_cells - 1] + spec->width[spec->n_cells - 1];

      /* Inside the row's bottom padding, so rows never share a line. */
      add_fill (l, left, l->y - spec->rule_width, right - left, spec->rule_width, spec->rule);
    }
  l->fresh = FALSE;
}

static void
place_header (Layout       *l,
              const Header *header)
{
  gsize lengths[16];

  if (header == NULL)
    return;

  whole_lengths (header->spec, header->cells, lengths);
  emit_row (l, header->spec, header->cells, lengths);
  /* A repeated header alone does not make a page used. */
  l->fresh = TRUE;
}

/* Lining up baselines may move a cell down by the difference of two
 * ascents: a part cut to fit keeps this much room for it. */
#define BASELINE_SLACK 4.0

/* Places a row whole, on the next page (under @header) when it does not
 * fit here. A table's row is broken between the lines of its cells only
 * when it is taller than a whole page; a @breakable row (a key and a long
 * value) wherever the page ends. */
static void
place_row (Layout             *l,
           const RowSpec      *spec,
           const char * const *cells,
           const Header       *header,
           gboolean            breakable)
{
  const char *rest[16];

  g_assert (spec->n_cells <= G_N_ELEMENTS (rest));
  memcpy (rest, cells, spec->n_cells * sizeof (char *));

  while (TRUE)
    {
      double height = row_height (l, spec, rest);
      double room = FLOW_BOTTOM - l->y - spec->pad_top - spec->pad_bottom - BASELINE_SLACK;
      gsize lengths[16];
      gboolean started = TRUE, more = FALSE;

      if (l->y + height <= FLOW_BOTTOM)
        {
          whole_lengths (spec, rest, lengths);
          emit_row (l, spec, rest, lengths);
          return;
        }

      if (!l->fresh && !breakable)
        {
          new_page (l);
          place_header (l, header);
          continue;
        }

      /* As many lines of each cell as fit. */
      for (guint c = 0; c < spec->n_cells; c++)
        {
          double ignored;

          lengths[c] = 0;
          if (rest[c] == NULL || rest[c][0] == '\0')
            continue;
          lengths[c] = fit_lines (l, spec->style[c], rest[c], spec->width[c], room, !l->fresh, &ignored);
          /* Not one line on an empty page: a huge one, placed anyway. */
          if (lengths[c] == 0 && l->fresh)
            lengths[c] = first_line (l, spec->style[c], rest[c], spec->width[c], &ignored);
          started &= lengths[c] > 0;
        }
      if (!started)
        {
          new_page (l);
          place_header (l, header);
          continue;
        }

      emit_row (l, spec, rest, lengths);
      for (guint c = 0; c < spec->n_cells; c++)
        {
          if (rest[c] == NULL)
            continue;
          rest[c] = skip_break (rest[c] + lengths[c]);
          more |= rest[c][0] != '\0';
        }
      if (!more)
        return;
      new_page (l);
      place_header (l, header);
    }
}

/* The width of @text's widest word, spaces being where a line may break:
 * a column narrower than that breaks the word inside. */
static double
widest_word (Layout            *l,
             RdReportTextStyle  style,
             const char        *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n", -1);
  double widest = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      PangoRectangle logical;

      if (words[w][0] == '\0')
        continue;
      configure_layout (l->layout, style, words[w], -1, PANGO_ALIGN_LEFT, FALSE, NULL);
      pango_layout_get_extents (l->layout, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  return widest;
}

/* A column's room for its words: the gutter to its right, and a little
 * so that a word measured to fit is not broken by rounding. */
#define WORD_SLACK 0.5

static double
column_room (guint  column,
             guint  n_columns,
             double word)
{
  return word + WORD_SLACK + (column + 1 < n_columns ? CELL_PAD_X : 0);
}

/* Each column's share of the table's width by its weight; a header word
 * wider than its share takes the room from the columns that can spare
 * it (their own widest word of header and cells stays whole), so that
 * "Betrokkenheid" is never broken inside. When the words cannot all fit,
 * the shares stand. */
static void
column_widths (Layout        *l,
               RdReportTable *table,
               guint          n_columns,
               double        *widths)
{
  double total = 0, need = 0, spare = 0;
  double least[16];

  for (guint c = 0; c < n_columns; c++)
    total += table->weights[c];
  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = table->width * table->weights[c] / total;
      least[c] = column_room (c, n_columns, widest_word (l, RD_REPORT_TEXT_TABLE_HEADER, table->titles[c]));
      need += MAX (0, least[c] - widths[c]);
    }
  if (need == 0)
    return;

  /* Only now the cells: most tables fit their headers as they are. */
  for (guint c = 0; c < n_columns; c++)
    {
      for (guint r = 0; r < table->rows->len; r++)
        {
          const char * const *row = g_ptr_array_index (table->rows, r);

          least[c] = MAX (least[c], column_room (c, n_columns, widest_word (l, RD_REPORT_TEXT_TABLE, row[c])));
        }
      spare += MAX (0, widths[c] - least[c]);
    }
  need = 0;
  for (guint c = 0; c < n_columns; c++)
    need += MAX (0, least[c] - widths[c]);
  if (need > spare)
    return;

  /* Each column gives in proportion to what it can spare, never below its least. */
  for (guint c = 0; c < n_columns; c++)
    {
      if (widths[c] < least[c])
        widths[c] = least[c];
      else
        widths[c] -= need * (widths[c] - least[c]) / spare;
    }
}

static void
table_spec (const double      *widths,
            guint              n_columns,
            RdReportTable     *table,
            RdReportTextStyle  style,
            RowSpec           *spec)
{
  double x = FLOW_LEFT;

  memset (spec, 0, sizeof *spec);
  spec->n_cells = n_columns;
  for (guint c = 0; c < spec->n_cells; c++)
    {
      /* The gutter goes to the right of every column but the last. */
      spec->x[c] = x;
      spec->width[c] = c + 1 < spec->n_cells ? widths[c] - CELL_PAD_X : widths[c];
      spec->style[c] = style;
      spec->alignment[c] = table->alignments[c];
      x += widths[c];
    }
  spec->pad_top = CELL_PAD_Y;
  spec->pad_bottom = CELL_PAD_Y;
}

static void
place_table (Layout        *l,
             RdReportTable *table)
{
  RowSpec header_spec, row_spec;
  Header header = { &header_spec, (const char * const *) table->titles };
  gboolean has_header = table_has_header (table);
  guint n_columns = MIN (table->n_columns, G_N_ELEMENTS (header_spec.x));
  double widths[G_N_ELEMENTS (header_spec.x)];

  column_widths (l, table, n_columns, widths);
  table_spec (widths, n_columns, table, RD_REPORT_TEXT_TABLE_HEADER, &header_spec);
  header_spec.rule = COLOR_STRONG_RULE;
  header_spec.rule_width = 0.8;
  header_spec.pad_top = 2.0;
  table_spec (widths, n_columns, table, RD_REPORT_TEXT_TABLE, &row_spec);
  row_spec.rule = COLOR_RULE;
  row_spec.rule_width = 0.5;

  open_space (l, TABLE_BEFORE);

  /* The header stays with the first row. */
  if (has_header && !l->fresh && table->rows->len > 0)
    {
      double first = row_height (l, &row_spec, g_ptr_array_index (table->rows, 0));
      double head = row_height (l, &header_spec, header.cells);
      double needed = head + MIN (first, FLOW_BOTTOM - FLOW_TOP - head);

      if (l->y + needed > FLOW_BOTTOM)
        new_page (l);
    }
  if (has_header)
    {
      gboolean fresh = l->fresh;

      place_header (l, &header);
      l->fresh = fresh;
    }

  for (guint r = 0; r < table->rows->len; r++)
    place_row (l, &row_spec, g_ptr_array_index (table->rows, r), has_header ? &header : NULL, FALSE);

  l->gap = TABLE_AFTER;
}

static void
place_key_value (Layout *l,
                 Block  *block)
{
  RowSpec spec = { 0 };
  const char *cells[2] = { block->text, block->value };

  spec.n_cells = 2;
  spec.x[0] = FLOW_LEFT;
  spec.width[0] = KEY_WIDTH - KEY_GAP;
  spec.style[0] = RD_REPORT_TEXT_KEY;
  spec.alignment[0] = PANGO_ALIGN_LEFT;
  spec.x[1] = FLOW_LEFT + KEY_WIDTH;
  spec.width[1] = RD_REPORT_CONTENT_WIDTH - KEY_WIDTH;
  spec.style[1] = RD_REPORT_TEXT_BODY;
  spec.alignment[1] = PANGO_ALIGN_LEFT;

  open_space (l, KV_BEFORE);
  place_row (l, &spec, cells, NULL, TRUE);
  l->gap = KV_AFTER;
}

/* @level 1 is a section's title, listed when @listed; 2 a part of one. */
static void
place_heading (Layout     *l,
               const char *text,
               guint       level,
               gboolean    listed)
{
  gboolean section = level == 1;
  RdReportTextStyle style = section ? RD_REPORT_TEXT_HEADING : RD_REPORT_TEXT_SUBHEADING;
  double height = measure (l, style, text, RD_REPORT_CONTENT_WIDTH);
  double accent = section ? 8.0 + HEADING_ACCENT_HEIGHT : 0;

  open_space (l, styles[style].before);
  if (!l->fresh && l->y + height + accent + (section ? HEADING_KEEP : SUBHEADING_KEEP) > FLOW_BOTTOM)
    new_page (l);

  if (listed)
    {
      Section *s = &g_array_index (l->doc->sections, Section, l->n_sections);

      s->page = l->doc->pages->len - 1;
      s->y = l->y;
      l->n_sections++;
    }

  place_text (l, style, text, FLOW_LEFT, RD_REPORT_CONTENT_WIDTH);
  if (section)
    {
      /* A short accent under a section's title, in the first factor colour. */
      add_fill (l, FLOW_LEFT, l->y + 8.0, HEADING_ACCENT_WIDTH, HEADING_ACCENT_HEIGHT, COLOR_ACCENT);
      l->y += accent;
    }
  l->gap = styles[style].after;
}

static void
place_chart (Layout *l,
             Block  *block)
{
  double width = MIN (block->width, RD_REPORT_CONTENT_WIDTH);
  double height = MIN (block->height, FLOW_BOTTOM - FLOW_TOP);
  Box *box;

  open_space (l, CHART_BEFORE);
  if (l->y + height > FLOW_BOTTOM)
    new_page (l);

  box = add_box (l, RD_REPORT_BOX_CHART, FLOW_LEFT + (RD_REPORT_CONTENT_WIDTH - width) / 2, l->y, width, height);
  box->chart = block->chart;
  l->y += height;
  l->fresh = FALSE;
  l->gap = CHART_AFTER;
}

static void
place_contents (Layout *l,
                Block  *block)
{
  RowSpec spec = { 0 };

  place_heading (l, block->text, 1, FALSE);

  spec.n_cells = 2;
  spec.x[0] = FLOW_LEFT;
  spec.width[0] = RD_REPORT_CONTENT_WIDTH - CONTENTS_NUMBER;
  spec.style[0] = RD_REPORT_TEXT_CONTENTS;
  spec.alignment[0] = PANGO_ALIGN_LEFT;
  spec.x[1] = FLOW_LEFT + RD_REPORT_CONTENT_WIDTH - CONTENTS_NUMBER + CELL_PAD_X;
  spec.width[1] = CONTENTS_NUMBER - CELL_PAD_X;
  spec.style[1] = RD_REPORT_TEXT_CONTENTS;
  spec.alignment[1] = PANGO_ALIGN_RIGHT;
  spec.pad_top = 7.0;
  spec.pad_bottom = 7.0;
  spec.rule = COLOR_RULE;
  spec.rule_width = 0.5;

  open_space (l, TABLE_BEFORE);
  /* Every entry has the same one-line number, so the list's size is known
   * before the pages are: "000" holds the room, the number comes later. */
  for (guint s = 0; s < l->doc->sections->len; s++)
    {
      Section *section = &g_array_index (l->doc->sections, Section, s);
      const char *cells[2] = { section->title, "000" };
      guint first;

      place_row (l, &spec, cells, NULL, FALSE);
      /* The entry's two boxes are the last but the rule. */
      first = l->page->len - 3;
      g_array_index (l->page, Box, first).link_section = (int) s;
      g_array_index (l->page, Box, first + 1).link_section = (int) s;
      section->number_page = (int) l->doc->pages->len - 1;
      section->number_box = first + 1;
    }
  l->gap = TABLE_AFTER;
}

static void
place_band (Layout *l)
{
  /* Four equal segments in the factor colours, with hairline gaps. */
  static const guint32 colors[4] = { 0x0072b2, 0xd55e00, 0x009e73, 0xb5549c };
  double segment = (RD_REPORT_CONTENT_WIDTH - 3 * 2.0) / 4;

  open_space (l, 0);
  for (guint i = 0; i < 4; i++)
    add_fill (l, FLOW_LEFT + i * (segment + 2.0), l->y, segment, 4.0, colors[i]);
  l->y += 4.0;
  l->fresh = FALSE;
  l->gap = 0;
}

/* Undoes the layout back to where a group began, and starts it again on
 * a new page. */
static void
roll_back (Layout          *l,
           const GroupMark *mark)
{
  g_ptr_array_set_size (l->doc->pages, mark->page + 1);
  l->page = g_ptr_array_index (l->doc->pages, mark->page);
  g_array_set_size (l->page, mark->n_boxes);
  l->n_sections = mark->n_sections;
  new_page (l);
}

static void
run_layout (RdReportDocument *self)
{
  Layout l = { self };
  g_autoptr(PangoFontMap) font_map = NULL;

  /* A font map of its own, as writing uses: the thread's default one may
   * carry settings of whoever else draws on this thread. */
  font_map = pango_cairo_font_map_new ();
  l.context = pango_font_map_create_context (font_map);
  configure_context (l.context);
  l.layout = pango_layout_new (l.context);
  l.groups = g_array_new (FALSE, FALSE, sizeof (GroupMark));

  /* The sections are known before any page: the contents list needs them. */
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);

      if (block->kind == BLOCK_HEADING)
        {
          Section section = { g_strdup (block->text), 0, 0, -1, 0 };
          g_array_append_val (self->sections, section);
        }
    }

  new_page (&l);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);

      switch (block->kind)
        {
        case BLOCK_HEADING:
        case BLOCK_SUBHEADING:
          if (block->kind == BLOCK_HEADING)
            place_heading (&l, block->text, 1, TRUE);
          else
            place_heading (&l, block->text, 2, FALSE);
          break;

        case BLOCK_PARAGRAPH:
          open_space (&l, styles[block->style].before);
          place_text (&l, block->style, block->text, FLOW_LEFT, RD_REPORT_CONTENT_WIDTH);
          break;

        case BLOCK_KEY_VALUE:
          place_key_value (&l, block);
          break;

        case BLOCK_TABLE:
          place_table (&l, block->table);
          break;

        case BLOCK_CHART:
          place_chart (&l, block);
          break;

        case BLOCK_CONTENTS:
          place_contents (&l, block);
          break;

        case BLOCK_SPACE:
          if (!l.fresh)
            {
              l.y = MIN (l.y + MAX (l.gap, block->height), FLOW_BOTTOM);
              l.gap = 0;
            }
          break;

        case BLOCK_RULE:
          open_space (&l, RULE_BEFORE);
          if (!l.fresh)
            {
              add_fill (&l, FLOW_LEFT, l.y, RD_REPORT_CONTENT_WIDTH, 0.5, COLOR_RULE);
              l.y += 0.5;
              l.gap = RULE_AFTER;
            }
          break;

        case BLOCK_BAND:
          place_band (&l);
          break;

        case BLOCK_PAGE_BREAK:
          if (l.page->len > 0)
            new_page (&l);
          break;

        case BLOCK_GROUP_BEGIN:
          {
            GroupMark mark = { b, self->pages->len - 1, l.page->len, l.fresh, l.n_sections };
            g_array_append_val (l.groups, mark);
          }
          break;

        case BLOCK_GROUP_END:
          if (l.groups->len > 0)
            {
              GroupMark mark = g_array_index (l.groups, GroupMark, l.groups->len - 1);

              g_array_set_size (l.groups, l.groups->len - 1);
              /* Broken across pages though it began below the top: once
               * more from a new page, where it is at the top and stays. */
              if (self->pages->len - 1 != mark.page && !mark.fresh)
                {
                  roll_back (&l, &mark);
                  b = mark.block;
                  {
                    GroupMark again = { b, self->pages->len - 1, 0, TRUE, l.n_sections };
                    g_array_append_val (l.groups, again);
                  }
                }
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The contents' page numbers, now that they are known. */
  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = &g_array_index (self->sections, Section, s);
      GArray *page;
      Box *box;

      if (section->number_page < 0)
        continue;
      page = g_ptr_array_index (self->pages, section->number_page);
      box = &g_array_index (page, Box, section->number_box);
      g_free (box->text);
      box->text = g_strdup_printf ("%u", section->page + 1);
    }

  /* The footer of every page, now that their number is known. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      /* Translators: in a report's footer, "Page 2 of 14" */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);
      double height, y, number_width = 90.0;
      Box *box;

      l.page = g_ptr_array_index (self->pages, p);
      height = measure (&l, RD_REPORT_TEXT_FOOTER, number, number_width);
      y = RD_REPORT_PAGE_HEIGHT - RD_REPORT_MARGIN - height;
      add_fill (&l, FLOW_LEFT, y - 8.0, RD_REPORT_CONTENT_WIDTH, 0.5, COLOR_RULE);
      if (self->footer != NULL && self->footer[0] != '\0')
        {
          box = add_text_box (&l, RD_REPORT_TEXT_FOOTER, self->footer, strlen (self->footer), FLOW_LEFT, y,
                              RD_REPORT_CONTENT_WIDTH - number_width - CELL_PAD_X, height, PANGO_ALIGN_LEFT);
          box->single_line = TRUE;
        }
      box = add_text_box (&l, RD_REPORT_TEXT_FOOTER, number, strlen (number),
                          FLOW_LEFT + RD_REPORT_CONTENT_WIDTH - number_width, y, number_width, height,
                          PANGO_ALIGN_RIGHT);
      box->single_line = TRUE;
    }

  g_object_unref (l.layout);
  g_object_unref (l.context);
  g_array_unref (l.groups);
}

/* The object */

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->value);
  g_clear_pointer (&block->table, rd_report_table_free);
}

static void
clear_section (gpointer data)
{
  g_free (((Section *) data)->title);
}

static void
free_chart (gpointer data)
{
  Chart *chart = data;

  if (chart->destroy != NULL)
    chart->destroy (chart->data);
  g_free (chart);
}

static void
rd_report_document_finalize (GObject *object)
{
  RdReportDocument *self = RD_REPORT_DOCUMENT (object);

  g_free (self->footer);
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->charts);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->sections);

  G_OBJECT_CLASS (rd_report_document_parent_class)->finalize (object);
}

static void
rd_report_document_class_init (RdReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_report_document_finalize;
}

static void
rd_report_document_init (RdReportDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->charts = g_ptr_array_new_with_free_func (free_chart);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, clear_section);
}

RdReportDocument *
rd_report_document_new (void)
{
  return g_object_new (RD_TYPE_REPORT_DOCUMENT, NULL);
}

void
rd_report_document_set_footer (RdReportDocument *self,
                               const char       *text)
{
  g_return_if_fail (RD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->laid_out);

  g_free (self->footer);
  self->footer = g_strdup (text);
}

static Block *
append_block (RdReportDocument *self,
              BlockKind         kind)
{
  Block block = { kind, RD_REPORT_TEXT_BODY };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

#define CHECK_OPEN(self) \
  G_STMT_START { \
    g_return_if_fail (RD_IS_REPORT_DOCUMENT (self)); \
    g_return_if_fail (!(self)->laid_out); \
  } G_STMT_END

void
rd_report_document_add_heading (RdReportDocument *self,
                                const char       *text)
{
  CHECK_OPEN (self);
  g_return_if_fail (text != NULL);

  append_block (self, BLOCK_HEADING)->text = g_strdup (text);
}

void
rd_report_document_add_subheading (RdReportDocument *self,
                                   const char       *text)
{
  CHECK_OPEN (self);
  g_return_if_fail (text != NULL);

  append_block (self, BLOCK_SUBHEADING)->text = g_strdup (text);
}

void
rd_report_document_add_paragraph (RdReportDocument  *self,
                                  RdReportTextStyle  style,
                                  const char        *text)
{
  g_autofree char *copy = NULL;
  Block *block;

  CHECK_OPEN (self);
  g_return_if_fail (style < RD_REPORT_N_TEXT_STYLES);
  g_return_if_fail (text != NULL);

  /* Trailing line breaks would be drawn as empty lines. */
  copy = g_strchomp (g_strdup (text));
  if (*copy == '\0')
    return;
  block = append_block (self, BLOCK_PARAGRAPH);
  block->style = style;
  block->text = g_steal_pointer (&copy);
}

void
rd_report_document_add_key_value (RdReportDocument *self,
                                  const char       *key,
                                  const char       *value)
{
  Block *block;

  CHECK_OPEN (self);
  g_return_if_fail (key != NULL);

  block = append_block (self, BLOCK_KEY_VALUE);
  block->text = g_strchomp (g_strdup (key));
  block->value = g_strchomp (g_strdup (value != NULL ? value : ""));
}

void
rd_report_document_add_table (RdReportDocument *self,
                              RdReportTable    *table)
{
  CHECK_OPEN (self);
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->n_columns <= 16);

  append_block (self, BLOCK_TABLE)->table = table;
}

void
rd_report_document_add_chart (RdReportDocument *self,
                              RdChartDrawFunc   draw,
                              gpointer          data,
                              GDestroyNotify    destroy,
                              double            width,
                              double            height)
{
  Chart *chart;
  Block *block;

  CHECK_OPEN (self);
  g_return_if_fail (draw != NULL);
  g_return_if_fail (width > 0 && height > 0);

  chart = g_new0 (Chart, 1);
  chart->draw = draw;
  chart->data = data;
  chart->destroy = destroy;
  g_ptr_array_add (self->charts, chart);

  block = append_block (self, BLOCK_CHART);
  block->chart = self->charts->len - 1;
  block->width = width;
  block->height = height;
}

void
rd_report_document_add_contents (RdReportDocument *self,
                                 const char       *title)
{
  CHECK_OPEN (self);
  g_return_if_fail (title != NULL);

  append_block (self, BLOCK_CONTENTS)->text = g_strdup (title);
}

void
rd_report_document_add_space (RdReportDocument *self,
                              double            points)
{
  CHECK_OPEN (self);
  g_return_if_fail (points >= 0);

  append_block (self, BLOCK_SPACE)->height = points;
}

void
rd_report_document_add_rule (RdReportDocument *self)
{
  CHECK_OPEN (self);
  append_block (self, BLOCK_RULE);
}

void
rd_report_document_add_band (RdReportDocument *self)
{
  CHECK_OPEN (self);
  append_block (self, BLOCK_BAND);
}

void
rd_report_document_add_page_break (RdReportDocument *self)
{
  CHECK_OPEN (self);
  append_block (self, BLOCK_PAGE_BREAK);
}

void
rd_report_document_begin_group (RdReportDocument *self)
{
  CHECK_OPEN (self);
  append_block (self, BLOCK_GROUP_BEGIN);
}

void
rd_report_document_end_group (RdReportDocument *self)
{
  CHECK_OPEN (self);
  append_block (self, BLOCK_GROUP_END);
}

void
rd_report_document_layout (RdReportDocument *self)
{
  g_return_if_fail (RD_IS_REPORT_DOCUMENT (self));

  if (self->laid_out)
    return;
  run_layout (self);
  self->laid_out = TRUE;
}

guint
rd_report_document_get_n_pages (RdReportDocument *self)
{
  g_return_val_if_fail (RD_IS_REPORT_DOCUMENT (self), 0);

  rd_report_document_layout (self);
  return self->pages->len;
}

static void
set_color (cairo_t *cr,
           guint32  hex)
{
  RdColor color = rd_color_from_hex (hex);

  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
}

static void
draw_text_box (cairo_t      *cr,
               PangoContext *context,
               const Box    *box)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);

  configure_layout (layout, box->style, box->text, box->width, box->alignment, box->single_line, NULL);
  /* The same text at the same width must break the same way as when it
   * was laid out, or it would run into what follows. */
  if (layout_height (layout) > box->height + 0.5)
    g_warning ("Text reflowed on drawing: %.1f pt for a box of %.1f pt", layout_height (layout), box->height);
  set_color (cr, styles[box->style].color);
  cairo_move_to (cr, box->x, box->y);
  pango_cairo_show_layout (cr, layout);
}

void
rd_report_document_draw_page (RdReportDocument *self,
                              cairo_t          *cr,
                              guint             page,
                              PangoFontMap     *font_map)
{
  PangoContext *context;
  RdChartPalette palette;
  GArray *boxes;
  gboolean links = cairo_version () >= CAIRO_VERSION_ENCODE (1, 18, 0);

  g_return_if_fail (RD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (font_map == NULL || PANGO_IS_FONT_MAP (font_map));

  rd_report_document_layout (self);
  g_return_if_fail (page < self->pages->len);
  boxes = g_ptr_array_index (self->pages, page);

  /* The charts in the palette of print: light, on white paper. */
  rd_chart_palette_init (&palette, RD_CHART_STYLE_LIGHT);
  palette.background = (RdColor) { 1.0, 1.0, 1.0, 1.0 };

  context = pango_font_map_create_context (font_map != NULL ? font_map : pango_cairo_font_map_get_default ());
  configure_context (context);

  /* No background: paper, a PDF page and a print preview are white. */
  cairo_save (cr);
  pango_cairo_update_context (cr, context);

  /* Fills first: rules and bands lie under the text. */
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *box = &g_array_index (boxes, Box, i);

      if (box->kind != RD_REPORT_BOX_FILL)
        continue;
      set_color (cr, box->color);
      cairo_rectangle (cr, box->x, box->y, box->width, box->height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *box = &g_array_index (boxes, Box, i);

      if (box->kind == RD_REPORT_BOX_TEXT)
        {
          g_autofree char *link = NULL;

          /* A contents entry leads to its section in a PDF viewer. Cairo
           * before 1.18 writes links that break the file's cross-reference
           * table; the outline leads there too. */
          if (box->link_section >= 0 && links)
            {
              const Section *section = &g_array_index (self->sections, Section, box->link_section);

              link = g_strdup_printf ("page=%u pos=[%d %d]", section->page + 1,
                                      (int) RD_REPORT_MARGIN, (int) floor (section->y));
              cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
            }
          draw_text_box (cr, context, box);
          if (link != NULL)
            cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      else if (box->kind == RD_REPORT_BOX_CHART)
        {
          const Chart *chart = g_ptr_array_index (self->charts, box->chart);

          cairo_save (cr);
          cairo_translate (cr, box->x, box->y);
          cairo_rectangle (cr, 0, 0, box->width, box->height);
          cairo_clip (cr);
          chart->draw (cr, box->width, box->height, chart->data, &palette);
          cairo_restore (cr);
        }
    }
  cairo_restore (cr);
  g_object_unref (context);
}

guint
rd_report_document_get_n_boxes (RdReportDocument *self,
                                guint             page)
{
  g_return_val_if_fail (RD_IS_REPORT_DOCUMENT (self), 0);

  rd_report_document_layout (self);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((GArray *) g_ptr_array_index (self->pages, page))->len;
}

void
rd_report_document_get_box (RdReportDocument *self,
                            guint             page,
                            guint             index,
                            RdReportBoxInfo  *info)
{
  GArray *boxes;
  const Box *box;

  g_return_if_fail (RD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (info != NULL);

  rd_report_document_layout (self);
  g_return_if_fail (page < self->pages->len);
  boxes = g_ptr_array_index (self->pages, page);
  g_return_if_fail (index < boxes->len);

  box = &g_array_index (boxes, Box, index);
  *info = (RdReportBoxInfo) { box->kind, box->x, box->y, box->width, box->height, box->text, box->style };
}

guint
rd_report_document_get_n_sections (RdReportDocument *self)
{
  g_return_val_if_fail (RD_IS_REPORT_DOCUMENT (self), 0);

  rd_report_document_layout (self);
  return self->sections->len;
}

const char *
rd_report_document_get_section (RdReportDocument *self,
                                guint             index,
                                guint            *page,
                                double           *y)
{
  const Section *section;

  g_return_val_if_fail (RD_IS_REPORT_DOCUMENT (self), NULL);

  rd_report_document_layout (self);
  g_return_val_if_fail (index < self->sections->len, NULL);

  section = &g_array_index (self->sections, Section, index);
  if (page != NULL)
    *page = section->page;
  if (y != NULL)
    *y = section->y;
  return section->title;
}
