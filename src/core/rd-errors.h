#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RD_FRAMEWORK_ERROR (rd_framework_error_quark ())
#define RD_STORE_ERROR     (rd_store_error_quark ())
#define RD_VALUE_ERROR     (rd_value_error_quark ())
#define RD_IMPORT_ERROR    (rd_import_error_quark ())

typedef enum {
  RD_FRAMEWORK_ERROR_SYNTAX,    /* not JSON */
  RD_FRAMEWORK_ERROR_INVALID,   /* JSON, but breaks a rule of the format */
  RD_FRAMEWORK_ERROR_VERSION,   /* a format version this reader does not know */
  RD_FRAMEWORK_ERROR_TOO_LARGE, /* larger than a framework file may be */
} RdFrameworkError;

typedef enum {
  RD_STORE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database */
  RD_STORE_ERROR_CORRUPT,       /* an SQLite database that fails its integrity check */
  RD_STORE_ERROR_FOREIGN,       /* an SQLite database of another program */
  RD_STORE_ERROR_TOO_NEW,       /* written by a newer Readiness */
  RD_STORE_ERROR_LOCKED,        /* another program holds it */
  RD_STORE_ERROR_READ_ONLY,
  RD_STORE_ERROR_FULL,
  RD_STORE_ERROR_IO,
  RD_STORE_ERROR_NOT_FOUND,
  RD_STORE_ERROR_INVALID,       /* an argument the schema does not allow */
  RD_STORE_ERROR_COMPLETE,      /* answers of a complete assessment cannot change */
  RD_STORE_ERROR_ALTERED,       /* a schema Readiness did not write: triggers, views, tables */
  RD_STORE_ERROR_LINK,          /* the path is a symbolic link */
  RD_STORE_ERROR_FAILED,
} RdStoreError;

/* Response files and survey exports: a file and a place in it are named. */
typedef enum {
  RD_IMPORT_ERROR_SYNTAX,       /* not JSON, or not CSV */
  RD_IMPORT_ERROR_INVALID,      /* breaks a rule of the format */
  RD_IMPORT_ERROR_VERSION,      /* a format version this reader does not know */
  RD_IMPORT_ERROR_FRAMEWORK,    /* made for another framework */
  RD_IMPORT_ERROR_VALUE,        /* a value the item does not take */
  RD_IMPORT_ERROR_CONFLICT,     /* an id that belongs to another school in the database */
  RD_IMPORT_ERROR_TOO_LARGE,    /* larger than a file of its kind may be */
} RdImportError;

typedef enum {
  RD_VALUE_ERROR_OUT_OF_RANGE,
  RD_VALUE_ERROR_WRONG_KIND,
} RdValueError;

GQuark rd_framework_error_quark (void);
GQuark rd_store_error_quark     (void);
GQuark rd_value_error_quark     (void);
GQuark rd_import_error_quark    (void);

G_END_DECLS
