#define G_LOG_DOMAIN "rd-export-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-export-file.h"

/* Leaves room for ".", "-XXXXXX" and more within NAME_MAX (255). */
#define MAX_TEMP_BASE 200

struct _RdExportFile
{
  char *path;
  char *temp_path;
  int fd;              /* the temporary file, open until commit */
  gboolean committed;
};

void
rd_export_file_set_error (GError       **error,
                          const char    *path,
                          GIOErrorEnum   code,
                          const char    *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second why it failed,
   * "Could not write /home/ann/answers.xlsx: Permission denied" */
  g_set_error (error, G_IO_ERROR, code, _("Could not write %s: %s"), display, reason);
}

static gboolean
fail_errno (GError     **error,
            const char  *path,
            int          saved_errno)
{
  rd_export_file_set_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

RdExportFile *
rd_export_file_begin (const char  *path,
                      GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_base = NULL;
  RdExportFile *self;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (strlen (base) > MAX_TEMP_BASE)
    base[MAX_TEMP_BASE] = '\0';

  /* In the target's folder, so that the rename stays on one file system
   * and never copies; hidden, so that a file manager does not show it. */
  temp_base = g_strconcat (".", base, "-XXXXXX", NULL);

  self = g_new0 (RdExportFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (folder, temp_base, NULL);
  self->fd = -1;

  fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* Nothing was created: freeing must not unlink the template. */
      self->committed = TRUE;
      rd_export_file_free (self);
      fail_errno (error, path, saved_errno);
      return NULL;
    }
  self->fd = fd;

  return self;
}

const char *
rd_export_file_get_temp_path (RdExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

/* The rename itself is safe on disk only once the folder is. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not flush %s: %s", folder, g_strerror (errno));
  close (fd);
}

gboolean
rd_export_file_commit (RdExportFile  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GStatBuf target;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A replaced file keeps the permissions its owner gave it; when that
   * fails (someone else's file in a shared folder) 0600 is the safe side. */
  if (g_lstat (self->path, &target) == 0 && S_ISREG (target.st_mode) &&
      fchmod (self->fd, target.st_mode & 0777) != 0)
    g_debug ("Could not copy the permissions of %s: %s", self->path, g_strerror (errno));

  /* The data must be on disk before the name points at it, or a crash
   * could leave an empty file where the old one was. */
  if (fsync (self->fd) != 0)
    return fail_errno (error, self->path, errno);

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return fail_errno (error, self->path, errno);

  if (g_rename (self->temp_path, self->path) != 0)
    return fail_errno (error, self->path, errno);

  self->committed = TRUE;
  sync_folder (self->path);
  return TRUE;
}

void
rd_export_file_free (RdExportFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && g_unlink (self->temp_path) != 0)
    g_debug ("Could not remove %s: %s", self->temp_path, g_strerror (errno));

  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}

gboolean
rd_export_file_write_bytes (const char    *path,
                            GBytes        *contents,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(RdExportFile) file = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = rd_export_file_begin (path, error);
  if (file == NULL)
    return FALSE;

  data = g_bytes_get_data (contents, &size);
  while (size > 0)
    {
      /* In pieces, so that a cancel is noticed within a large file. */
      gssize n = write (file->fd, data, MIN (size, 1024 * 1024));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return fail_errno (error, path, errno);
        }
      data += n;
      size -= n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return rd_export_file_commit (file, cancellable, error);
}
