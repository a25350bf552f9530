#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rd-chart-export.h"
#include "rd-chart-palette.h"

G_BEGIN_DECLS

/* A4 in points, and the white space around the text. */
#define RD_REPORT_PAGE_WIDTH  595.276
#define RD_REPORT_PAGE_HEIGHT 841.890
#define RD_REPORT_MARGIN      56.0
#define RD_REPORT_CONTENT_WIDTH (RD_REPORT_PAGE_WIDTH - 2 * RD_REPORT_MARGIN)

typedef enum {
  RD_REPORT_TEXT_TITLE,          /* the cover's title */
  RD_REPORT_TEXT_SUBTITLE,       /* the cover's school name */
  RD_REPORT_TEXT_HEADING,        /* a section */
  RD_REPORT_TEXT_SUBHEADING,     /* a part of a section */
  RD_REPORT_TEXT_LEAD,           /* a paragraph that names what follows */
  RD_REPORT_TEXT_BODY,
  RD_REPORT_TEXT_NOTE,           /* smaller and dimmed: explanations, empty states */
  RD_REPORT_TEXT_KEY,            /* the left column of a key/value list */
  RD_REPORT_TEXT_TABLE,
  RD_REPORT_TEXT_TABLE_HEADER,
  RD_REPORT_TEXT_CONTENTS,
  RD_REPORT_TEXT_FOOTER,
} RdReportTextStyle;

#define RD_REPORT_N_TEXT_STYLES (RD_REPORT_TEXT_FOOTER + 1)

typedef enum {
  RD_REPORT_BOX_TEXT,   /* laid-out text; never overlaps another text or chart */
  RD_REPORT_BOX_CHART,
  RD_REPORT_BOX_FILL,   /* rules and bands, under the text */
} RdReportBoxKind;

typedef struct
{
  RdReportBoxKind kind;
  double x, y, width, height;  /* points, from the page's top left corner */
  const char *text;            /* text boxes; NULL otherwise */
  RdReportTextStyle style;
} RdReportBoxInfo;

/* A table: a header row, repeated at the top of every page the table
 * continues on, and rows that stay whole on one page unless one alone is
 * taller than a page. */
typedef struct _RdReportTable RdReportTable;

RdReportTable *rd_report_table_new        (guint               n_columns);
/* @weight: the column's share of the width; a right-aligned column suits numbers. */
void           rd_report_table_set_column (RdReportTable      *table,
                                           guint               column,
                                           const char         *title,
                                           double              weight,
                                           PangoAlignment      alignment);
/* Narrower than the text column (the default), in points, from the left. */
void           rd_report_table_set_width  (RdReportTable      *table,
                                           double              width);
/* @cells: n_columns texts; NULL is an empty cell. */
void           rd_report_table_add_row    (RdReportTable      *table,
                                           const char * const *cells);
void           rd_report_table_free       (RdReportTable      *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdReportTable, rd_report_table_free)

#define RD_TYPE_REPORT_DOCUMENT (rd_report_document_get_type ())

G_DECLARE_FINAL_TYPE (RdReportDocument, rd_report_document, RD, REPORT_DOCUMENT, GObject)

/* A flowing document on A4 pages. Content is added in reading order, then
 * laid out once into pages of positioned boxes; drawing a page replays its
 * boxes on any cairo_t in points. Text is measured and drawn at 72 dpi
 * with unhinted metrics, so a page breaks the same way everywhere.
 * Once laid out, a document is never changed: pages may be drawn from any
 * thread, one thread at a time per cairo_t. */
RdReportDocument *rd_report_document_new              (void);

/* The left part of every page's footer, e.g. "Sint-Jozef · 2026-2027";
 * the right part says "Page N of M". */
void              rd_report_document_set_footer       (RdReportDocument  *self,
                                                       const char        *text);

/* A section: listed in the contents and the PDF outline. */
void              rd_report_document_add_heading      (RdReportDocument  *self,
                                                       const char        *text);
void              rd_report_document_add_subheading   (RdReportDocument  *self,
                                                       const char        *text);
/* Plain text (no markup), wrapped, broken across pages between lines.
 * "\n" starts a new line. */
void              rd_report_document_add_paragraph    (RdReportDocument  *self,
                                                       RdReportTextStyle  style,
                                                       const char        *text);
/* One row of a key/value list; consecutive rows form the list. A long
 * value (an action's notes) breaks across pages between its lines. */
void              rd_report_document_add_key_value    (RdReportDocument  *self,
                                                       const char        *key,
                                                       const char        *value);
/* Takes @table. */
void              rd_report_document_add_table        (RdReportDocument  *self,
                                                       RdReportTable     *table);
/* A chart of @width × @height points, centred, drawn by @draw in the light
 * palette on white; @destroy frees @data with the document. */
void              rd_report_document_add_chart        (RdReportDocument  *self,
                                                       RdChartDrawFunc    draw,
                                                       gpointer           data,
                                                       GDestroyNotify     destroy,
                                                       double             width,
                                                       double             height);
/* The list of every section with its page number, under @title (which is
 * not a section itself). */
void              rd_report_document_add_contents     (RdReportDocument  *self,
                                                       const char        *title);
/* Room, in points; none at the top of a page. */
void              rd_report_document_add_space        (RdReportDocument  *self,
                                                       double             points);
/* A thin line across the text column. */
void              rd_report_document_add_rule         (RdReportDocument  *self);
/* A band in the four factor colours, as on the cover. */
void              rd_report_document_add_band         (RdReportDocument  *self);
void              rd_report_document_add_page_break   (RdReportDocument  *self);
/* What is added between these two starts on a new page when it would
 * otherwise be broken across two (one longer than a page then runs on
 * from the top of the next). Groups may nest. */
void              rd_report_document_begin_group      (RdReportDocument  *self);
void              rd_report_document_end_group        (RdReportDocument  *self);

/* Lays out the content added so far, once; later additions are refused.
 * The other functions below lay out first when needed. */
void              rd_report_document_layout           (RdReportDocument  *self);

guint             rd_report_document_get_n_pages      (RdReportDocument  *self);
/* Draws page @page (from 0) with its origin at @cr's 0,0, in points, on
 * the white of the paper (no background is painted). Text uses @font_map,
 * or the thread's default one for NULL. */
void              rd_report_document_draw_page        (RdReportDocument  *self,
                                                       cairo_t           *cr,
                                                       guint              page,
                                                       PangoFontMap      *font_map);

/* What a page holds, for tests and for checking the layout. */
guint             rd_report_document_get_n_boxes      (RdReportDocument  *self,
                                                       guint              page);
void              rd_report_document_get_box          (RdReportDocument  *self,
                                                       guint              page,
                                                       guint              index,
                                                       RdReportBoxInfo   *info);

/* The sections, in order: the page (from 0) and height they start at. */
guint             rd_report_document_get_n_sections   (RdReportDocument  *self);
const char       *rd_report_document_get_section      (RdReportDocument  *self,
                                                       guint              index,
                                                       guint             *page,
                                                       double            *y);

G_END_DECLS
