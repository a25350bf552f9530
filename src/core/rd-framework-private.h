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
};

RdFramework *rd_framework_new (void);

/* Parses and validates; the loader lives apart from the accessors. */
RdFramework *rd_framework_parse (const char  *data,
                                 gsize        length,
                                 const char  *name,
                                 GError     **error);

G_END_DECLS
