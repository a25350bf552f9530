#define G_LOG_DOMAIN "rd-errors"

#include "config.h"

#include "rd-errors.h"

G_DEFINE_QUARK (rd-framework-error-quark, rd_framework_error)
G_DEFINE_QUARK (rd-store-error-quark, rd_store_error)
G_DEFINE_QUARK (rd-value-error-quark, rd_value_error)
G_DEFINE_QUARK (rd-import-error-quark, rd_import_error)
