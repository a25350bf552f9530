#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest text, in characters (Unicode code points, after cleaning),
 * that each field takes from a user or a file. The formats' documents
 * in data/formats/ and data/frameworks/FORMAT.md state the same numbers. */
#define RD_MAX_SCHOOL_NAME        200
#define RD_MAX_REGION             100
#define RD_MAX_SCHOOL_TYPE        100
#define RD_MAX_PSEUDONYM          100
#define RD_MAX_ACTION_TITLE       200
#define RD_MAX_ACTION_OWNER       200
#define RD_MAX_ACTION_CRITERION   500
#define RD_MAX_ACTION_NOTES       10000
#define RD_MAX_VERSION            64
#define RD_MAX_FRAMEWORK_TITLE    200
#define RD_MAX_FRAMEWORK_TEXT     2000
/* An area's short title stands where a chart or the sidebar has room for a word or two. */
#define RD_MAX_FRAMEWORK_SHORT_TITLE 24
/* Commentary and evidence behind an item's answer. A location is a path or
 * a link; 2000 characters hold any address a browser keeps. */
#define RD_MAX_ITEM_COMMENTARY    4000
#define RD_MAX_EVIDENCE_TITLE     200
#define RD_MAX_EVIDENCE_LOCATION  2000
/* The professional-learning log (rd-learning-activity.h). */
#define RD_MAX_STAFF_NAME         100
#define RD_MAX_ACTIVITY_TITLE     200
#define RD_MAX_ACTIVITY_TEXT      200
#define RD_MAX_ACTIVITY_DETAILS   4000

typedef enum {
  RD_FIELD_SCHOOL_NAME,
  RD_FIELD_REGION,
  RD_FIELD_SCHOOL_TYPE,
  RD_FIELD_PSEUDONYM,
  RD_FIELD_ACTION_TITLE,
  RD_FIELD_ACTION_OWNER,
  RD_FIELD_ACTION_CRITERION,
  RD_FIELD_ACTION_NOTES,       /* multi-line */
  RD_FIELD_VERSION,            /* a framework's version */
  RD_FIELD_FRAMEWORK_TITLE,    /* titles and units of a framework */
  RD_FIELD_FRAMEWORK_TEXT,     /* statements, help, descriptions; multi-line */
  RD_FIELD_FRAMEWORK_SHORT_TITLE, /* an area's short title */
  RD_FIELD_ITEM_COMMENTARY,    /* why the school answered so; multi-line */
  RD_FIELD_EVIDENCE_TITLE,
  RD_FIELD_EVIDENCE_LOCATION,
  RD_FIELD_STAFF_NAME,         /* a staff member's name or pseudonym */
  RD_FIELD_ACTIVITY_TITLE,
  RD_FIELD_ACTIVITY_TEXT,      /* a learning activity's short elements: country, body, grade… */
  RD_FIELD_ACTIVITY_DETAILS,   /* learning outcomes, prerequisites, further information; multi-line */
  RD_N_FIELDS
} RdField;

guint       rd_field_get_max_length (RdField      field);
gboolean    rd_field_is_multi_line  (RdField      field);

typedef enum {
  RD_TEXT_CLEAN_OK,
  RD_TEXT_CLEAN_TOO_LONG,
  RD_TEXT_CLEAN_NOT_UTF8,
} RdTextCleanResult;

/* The one rule for text that is stored: C0 and C1 control characters
 * removed (in multi-line text "\n" and "\t" stay and "\r\n" becomes "\n";
 * in one line they become spaces), bidirectional embeddings and overrides
 * removed and isolates kept only in pairs, white space trimmed at both
 * ends; then at most @max_chars characters. Never reads more of a long
 * text than it needs to refuse it. *@out is NULL for a NULL @text. */
RdTextCleanResult rd_text_clean     (const char  *text,
                                     guint        max_chars,
                                     gboolean     multi_line,
                                     char       **out);

/* rd_text_clean() with the field's rule. On failure: with a @file, an error
 * "FILE: PLACE: longer than N characters"; without, a sentence naming the
 * field and its limit. Both in @domain with @code. */
gboolean    rd_field_clean          (RdField      field,
                                     const char  *text,
                                     const char  *file,
                                     const char  *place,
                                     GQuark       domain,
                                     int          code,
                                     char       **out,
                                     GError     **error);

/* Whether @c is one that rd_text_clean() never keeps in one line of text:
 * for outputs that must neutralise text stored before the rule. */
gboolean    rd_unichar_is_unsafe    (gunichar     c);

G_END_DECLS
