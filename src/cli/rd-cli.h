#pragma once

#include <gio/gio.h>

#include "rd-framework.h"
#include "rd-json-check.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* Exit codes: scripts branch on them, so they never change meaning. */
typedef enum {
  RD_CLI_EXIT_OK = 0,
  RD_CLI_EXIT_USAGE = 1,          /* unknown command or option, missing argument */
  RD_CLI_EXIT_INVALID_INPUT = 2,  /* a framework or exchange file that fails its checks */
  RD_CLI_EXIT_DATABASE = 3,       /* cannot open, damaged, locked, newer schema */
  RD_CLI_EXIT_OUTPUT = 4,         /* an output file could not be written */
  RD_CLI_EXIT_PARTIAL = 5,        /* some files rejected, the others imported */
  RD_CLI_EXIT_NOT_FOUND = 6,      /* no such school, assessment or school year */
} RdCliExit;

typedef enum {
  RD_CLI_FORMAT_TEXT,
  RD_CLI_FORMAT_CSV,
  RD_CLI_FORMAT_JSON,
} RdCliFormat;

/* What every command shares: the global options and what they open. */
typedef struct
{
  char *database_path;       /* --database; NULL: the app's default database */
  char *framework_path;      /* --framework; NULL: the built-in framework */
  gboolean show_version;
  RdFramework *framework;    /* loaded on first use */
  RdStore *store;
} RdCli;

typedef int (*RdCliCommandFunc) (RdCli *cli,
                                 int    argc,
                                 char **argv);

/* Commands; argv[0] is the program, the command's name taken out. */
int           rd_cli_import           (RdCli *cli, int argc, char **argv);
int           rd_cli_export           (RdCli *cli, int argc, char **argv);
int           rd_cli_compare          (RdCli *cli, int argc, char **argv);
int           rd_cli_report           (RdCli *cli, int argc, char **argv);
int           rd_cli_framework        (RdCli *cli, int argc, char **argv);
int           rd_cli_schools          (RdCli *cli, int argc, char **argv);
int           rd_cli_check            (RdCli *cli, int argc, char **argv);
int           rd_cli_change           (RdCli *cli, int argc, char **argv);

/* compare --from --to: which schools moved meaningfully, per factor. */
int           rd_cli_compare_change   (RdFramework *framework,
                                       RdStore     *store,
                                       const char  *from,
                                       const char  *to,
                                       const char  *region,
                                       RdCliFormat  format);

/* An assessment named by --school and --year, or by --assessment (the
 * report's and the change's options): first the options, then the files. */
gboolean      rd_cli_assessment_options_valid (GOptionContext *context,
                                               const char     *school,
                                               const char     *school_year,
                                               gint64          assessment_id,
                                               int            *status);
gint64        rd_cli_open_assessment  (RdCli        *cli,
                                       const char   *school,
                                       const char   *school_year,
                                       gint64        assessment_id,
                                       RdFramework **framework,
                                       RdStore     **store,
                                       int          *status);

/* Options. A command's context takes its own @entries and the global
 * options, so that "--database" may also follow the command. */
GOptionContext *rd_cli_option_context_new (RdCli              *cli,
                                           const char         *parameter_string,
                                           const char         *summary,
                                           const char         *description,
                                           const GOptionEntry *entries);
const char   *rd_cli_describe_exit_codes (void);
gboolean      rd_cli_parse_options    (GOptionContext  *context,
                                       int             *argc,
                                       char          ***argv,
                                       int             *status);
int           rd_cli_usage_error      (GOptionContext  *context,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
int           rd_cli_fail             (int              status,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
gboolean      rd_cli_parse_format     (const char      *name,
                                       RdCliFormat     *format);
gboolean      rd_cli_stderr_is_terminal (void);

/* What the commands open */
RdFramework  *rd_cli_get_framework    (RdCli           *cli,
                                       int             *status);
RdStore      *rd_cli_get_store        (RdCli           *cli,
                                       gboolean         create,
                                       int             *status);
gint64        rd_cli_find_school      (RdStore         *store,
                                       const char      *name_or_id,
                                       int             *status);
GBytes       *rd_cli_read_file        (const char      *path,
                                       RdJsonKind       kind,
                                       GError         **error);

/* Output */
#define RD_CLI_LINE_WIDTH 79

char         *rd_cli_wrap             (const char      *text,
                                       guint            width);
char         *rd_cli_format_fixed     (double           value,
                                       int              decimals);
void          rd_cli_append_number    (GString         *out,
                                       double           value);
char         *rd_cli_neutralize       (const char      *text,
                                       gssize           length,
                                       gboolean         keep_line_breaks);
void          rd_cli_install_print_handlers (void);
void          rd_cli_show_progress    (const char      *text);
void          rd_cli_write_stdout     (const char      *data,
                                       gsize            length);
char         *rd_cli_safe_file_name   (const char      *school_name,
                                       const char      *uuid,
                                       guint            id_length);

/* Aligned columns for people: widths in terminal cells, not bytes. */
typedef struct _RdCliTable RdCliTable;

RdCliTable   *rd_cli_table_new        (guint            n_columns);
void          rd_cli_table_free       (RdCliTable      *table);
void          rd_cli_table_align_right (RdCliTable     *table,
                                       guint            column);
/* Takes @cells, n_columns strings (NULL: empty). */
void          rd_cli_table_add_row    (RdCliTable      *table,
                                       char           **cells);
void          rd_cli_table_append     (RdCliTable      *table,
                                       GString         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdCliTable, rd_cli_table_free)

/* A streaming JSON writer, pretty-printed. Numbers are written in their
 * shortest exact form ("66.66666666666667", "37.5"), NAN as null. */
typedef struct _RdJsonWriter RdJsonWriter;

RdJsonWriter *rd_json_writer_new          (void);
void          rd_json_writer_free         (RdJsonWriter *self);
void          rd_json_writer_begin_object (RdJsonWriter *self);
void          rd_json_writer_end_object   (RdJsonWriter *self);
void          rd_json_writer_begin_array  (RdJsonWriter *self);
void          rd_json_writer_end_array    (RdJsonWriter *self);
void          rd_json_writer_key          (RdJsonWriter *self,
                                           const char   *key);
void          rd_json_writer_string       (RdJsonWriter *self,
                                           const char   *value);
void          rd_json_writer_number       (RdJsonWriter *self,
                                           double        value);
void          rd_json_writer_int          (RdJsonWriter *self,
                                           gint64        value);
void          rd_json_writer_boolean      (RdJsonWriter *self,
                                           gboolean      value);
void          rd_json_writer_null         (RdJsonWriter *self);
/* The text with a final newline. */
GString      *rd_json_writer_get_text     (RdJsonWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdJsonWriter, rd_json_writer_free)

G_END_DECLS
