#pragma once

#include <gio/gio.h>

#include "rd-framework.h"
#include "rd-response.h"

G_BEGIN_DECLS

#define RD_RESPONSE_FILE_FORMAT_VERSION 1
#define RD_RESPONSE_FILE_SUFFIX ".readiness-response"

/* The format is documented in data/formats/RESPONSE-FORMAT.md. */
gboolean    rd_response_file_write (const RdResponse  *response,
                                    RdFramework       *framework,
                                    const char        *school_year,
                                    const char        *path,
                                    GError           **error);
RdResponse *rd_response_file_parse (const char        *data,
                                    gsize              length,
                                    const char        *name,
                                    RdFramework       *framework,
                                    GError           **error);
RdResponse *rd_response_file_load  (GFile             *file,
                                    RdFramework       *framework,
                                    GError           **error);

GPtrArray  *rd_response_file_load_all (GFile * const   *files,
                                       guint            n_files,
                                       RdFramework     *framework,
                                       GError         **error);

G_END_DECLS
