#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an evidence's location is: nothing, a web link (http or https
 * only) or a path to a document (a file: URI counts as a path). */
typedef enum {
  RD_EVIDENCE_LOCATION_NONE,
  RD_EVIDENCE_LOCATION_LINK,
  RD_EVIDENCE_LOCATION_PATH,
} RdEvidenceLocation;

typedef struct
{
  gint64 id;                /* 0 for evidence not stored yet */
  gint64 assessment_id;
  const char *item_id;      /* a framework item's id or an own question's "own-N" */
  const char *title;
  const char *location;     /* a path or an http(s) link; NULL or "": none */
  const char *date;         /* "2026-09-30"; NULL or "": no date */
  gint64 created;           /* unix time */
} RdEvidenceInfo;

#define RD_TYPE_EVIDENCE (rd_evidence_get_type ())

G_DECLARE_FINAL_TYPE (RdEvidence, rd_evidence, RD, EVIDENCE, GObject)

/* A snapshot of one evidence reference behind an item's answer. */
RdEvidence         *rd_evidence_new               (const RdEvidenceInfo *info);
gint64              rd_evidence_get_id            (RdEvidence     *self);
gint64              rd_evidence_get_assessment_id (RdEvidence     *self);
const char         *rd_evidence_get_item_id       (RdEvidence     *self);
const char         *rd_evidence_get_title         (RdEvidence     *self);
const char         *rd_evidence_get_location      (RdEvidence     *self);
const char         *rd_evidence_get_date          (RdEvidence     *self);
gint64              rd_evidence_get_created       (RdEvidence     *self);
RdEvidenceLocation  rd_evidence_get_location_kind (RdEvidence     *self);
/* Borrowed fields of @self, for editing a copy: change some, then save. */
void                rd_evidence_get_info          (RdEvidence     *self,
                                                   RdEvidenceInfo *info);

/* The one rule for a location, for the store, the dialog and the exchange
 * reader: NONE for NULL or "", LINK for a valid http(s) URI with a host,
 * PATH for a file: URI or anything without a scheme (a drive letter such
 * as "C:\" is a path); FALSE with a sentence for any other scheme
 * (javascript:, data:, ftp:, …) or a malformed link. */
gboolean            rd_evidence_location_classify (const char         *location,
                                                   RdEvidenceLocation *kind,
                                                   GError            **error);
/* "2026-09-30": a real day of the Gregorian calendar. */
gboolean            rd_evidence_date_is_valid     (const char         *date);
/* The URI to open for @self's location when the user asks: the link
 * itself, or a file: URI for a path (NULL for none or a relative path). */
char               *rd_evidence_dup_uri           (RdEvidence     *self);

/* One line for a file that leaves the app (the report, the workbook):
 * "ICT policy 2026 — https://school.example/policy.pdf (2026-09-30)",
 * the parts that are set. Text only: nothing in it is a live link. */
char               *rd_evidence_format_line       (RdEvidence     *self);
/* @evidence (of RdEvidence) of @item_id, one line each, joined by "\n";
 * NULL when the item has none. */
char               *rd_evidence_format_lines      (GPtrArray      *evidence,
                                                   const char     *item_id);

G_END_DECLS
