#pragma once

#include <gio/gio.h>

#include "rd-area.h"
#include "rd-item.h"
#include "rd-types.h"

G_BEGIN_DECLS

/* Format 2 added who is asked an item ("audience", "responsible"), the
 * standard an item rests on ("standard") and what became of the items
 * of an earlier version ("retired"). */
#define RD_FRAMEWORK_FORMAT_VERSION 3
#define RD_FRAMEWORK_OLDEST_FORMAT_VERSION 1
#define RD_BUILTIN_FRAMEWORK_ID "digital-readiness"

/* A question an earlier version of the framework asked and this one no
 * longer does ("retired"): the version it had, the items that took its
 * place (none when it was removed) and why. */
typedef struct
{
  const char         *id;
  guint               version;
  const char * const *replaced_by;  /* NULL-terminated; empty when removed */
  const RdText       *reason;
} RdRetiredItem;

#define RD_TYPE_FRAMEWORK (rd_framework_get_type ())

G_DECLARE_FINAL_TYPE (RdFramework, rd_framework, RD, FRAMEWORK, GObject)

RdFramework        *rd_framework_new_from_file     (GFile            *file,
                                                    GError          **error);
RdFramework        *rd_framework_new_from_bytes    (GBytes           *bytes,
                                                    const char       *name,
                                                    GError          **error);
RdFramework        *rd_framework_load_builtin      (GError          **error);
RdFramework        *rd_framework_get_edition       (RdFramework      *framework,
                                                    const char       *framework_id,
                                                    const char       *version);

const char         *rd_framework_get_id            (RdFramework      *self);
const char         *rd_framework_get_version       (RdFramework      *self);
const char * const *rd_framework_get_languages     (RdFramework      *self);
const RdText       *rd_framework_get_title         (RdFramework      *self);
const RdText       *rd_framework_get_description   (RdFramework      *self);
double              rd_framework_get_default_target (RdFramework     *self,
                                                    RdFactor          factor);

guint               rd_framework_get_n_areas       (RdFramework      *self);
RdArea             *rd_framework_get_area          (RdFramework      *self,
                                                    guint             position);
RdArea             *rd_framework_lookup_area       (RdFramework      *self,
                                                    const char       *area_id);

guint               rd_framework_get_n_items       (RdFramework      *self);
RdItem             *rd_framework_get_item          (RdFramework      *self,
                                                    guint             position);
RdItem             *rd_framework_lookup_item       (RdFramework      *self,
                                                    const char       *item_id);
GPtrArray          *rd_framework_list_items        (RdFramework      *self,
                                                    const char       *area_id,
                                                    RdAssessmentMode  mode);
gboolean            rd_framework_item_in_mode      (RdFramework      *self,
                                                    RdItem           *item,
                                                    RdAssessmentMode  mode);
GPtrArray          *rd_framework_list_asked_items  (RdFramework      *self,
                                                    const char       *area_id,
                                                    RdAssessmentMode  mode,
                                                    RdGroup           group);
guint               rd_framework_count_asked_items (RdFramework      *self,
                                                    RdAssessmentMode  mode,
                                                    RdGroup           group);

guint                rd_framework_get_n_retired    (RdFramework      *self);
const RdRetiredItem *rd_framework_get_retired      (RdFramework      *self,
                                                    guint             position);
const RdRetiredItem *rd_framework_lookup_retired   (RdFramework      *self,
                                                    const char       *item_id);

G_END_DECLS
