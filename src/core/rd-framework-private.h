#pragma once

#include "rd-framework.h"

G_BEGIN_DECLS

struct _RdFramework
{
  GObject parent_instance;

  char *id;
  char *version;
  GStrv languages;
  RdText *title;
  RdText *description;
  double targets[RD_N_FACTORS];
  GPtrArray *areas;         /* of RdArea, display order */
  GPtrArray *items;         /* of RdItem, display order */
  GHashTable *areas_by_id;  /* borrowed from areas */
  GHashTable *items_by_id;  /* borrowed from items */
  GPtrArray *retired;       /* of RdRetiredItem, owned (rd_retired_item_free) */
};

RdFramework   *rd_framework_new       (void);

RdRetiredItem *rd_retired_item_new    (const char          *id,
                                       guint                version,
                                       GStrv                replaced_by,
                                       RdText              *reason);
void           rd_retired_item_free   (RdRetiredItem       *retired);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdRetiredItem, rd_retired_item_free)

/* Parses and validates; the loader lives apart from the accessors. */
RdFramework *rd_framework_parse (const char  *data,
                                 gsize        length,
                                 const char  *name,
                                 GError     **error);

G_END_DECLS
