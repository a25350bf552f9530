#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A text given in several languages, as framework files carry them. */
typedef struct _RdText RdText;

#define RD_TYPE_TEXT (rd_text_get_type ())

GType       rd_text_get_type      (void) G_GNUC_CONST;
RdText     *rd_text_new           (void);
RdText     *rd_text_ref           (RdText     *text);
void        rd_text_unref         (RdText     *text);
void        rd_text_set           (RdText     *text,
                                   const char *lang,
                                   const char *value);
const char *rd_text_get           (const RdText *text,
                                   const char   *lang);
const char *rd_text_get_localized (const RdText *text);

const char *rd_preferred_language (const char * const *available);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdText, rd_text_unref)

G_END_DECLS
