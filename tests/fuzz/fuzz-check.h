/* Shared by the libFuzzer targets. A failed check aborts, which libFuzzer
 * reports together with the input that caused it. GLib only. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rd-errors.h"
#include "rd-framework.h"

#define CHECK(condition)                                                \
  G_STMT_START {                                                        \
    if (!(condition))                                                   \
      {                                                                 \
        fprintf (stderr, "%s:%d: check failed: %s\n",                   \
                 __FILE__, __LINE__, #condition);                       \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The built-in framework, loaded for the first input and kept: readers
 * check answers against it. */
static inline RdFramework *
fuzz_builtin_framework (void)
{
  static RdFramework *framework;

  if (framework == NULL)
    {
      framework = rd_framework_load_builtin (NULL);
      CHECK (framework != NULL);
    }
  return framework;
}

/* A text an accepted file gives, NULL or UTF-8: it is shown and stored. */
#define CHECK_TEXT(text) CHECK ((text) == NULL || g_utf8_validate ((text), -1, NULL))

/* The readers' contract for a refused file: an RD_IMPORT_ERROR with a
 * known code, whose UTF-8 message starts with the file's @name. */
static inline void
fuzz_check_import_error (const GError *error,
                         const char   *name)
{
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);

  CHECK (error != NULL);
  if (!g_utf8_validate (error->message, -1, NULL) || !g_str_has_prefix (error->message, prefix))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);
      fprintf (stderr, "message: %s\n", escaped);
    }
  CHECK (error->domain == RD_IMPORT_ERROR);
  CHECK (error->code >= RD_IMPORT_ERROR_SYNTAX && error->code <= RD_IMPORT_ERROR_TOO_LARGE);
  CHECK (g_str_has_prefix (error->message, prefix));
  /* The message is shown in the window: it must be UTF-8. */
  CHECK (g_utf8_validate (error->message, -1, NULL));
}
