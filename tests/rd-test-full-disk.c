#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#include "rd-test-full-disk.h"

/* The default VFS with one change: while the "disk" is full, a write that
 * would make a file longer fails as SQLITE_FULL, as on a real full disk,
 * where rewriting blocks that exist still works. */

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;   /* allocated right after this struct */
} FullDiskFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs full_disk_vfs;
static gboolean disk_full;
static guint refused_writes;

#define REAL(file) (((FullDiskFile *) (file))->real)

static int
fd_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  return rc;
}

static int
fd_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
fd_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  sqlite3_int64 size = 0;

  if (g_atomic_int_get (&disk_full) &&
      REAL (file)->pMethods->xFileSize (REAL (file), &size) == SQLITE_OK &&
      offset + amount > size)
    {
      g_atomic_int_inc (&refused_writes);
      return SQLITE_FULL;
    }

  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
fd_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fd_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fd_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fd_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
fd_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
fd_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fd_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fd_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fd_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fd_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
fd_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fd_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fd_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* No memory mapping: every write must pass through fd_write. */
static int
fd_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
fd_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods full_disk_io = {
  3,
  fd_close, fd_read, fd_write, fd_truncate, fd_sync, fd_file_size,
  fd_lock, fd_unlock, fd_check_reserved_lock, fd_file_control,
  fd_sector_size, fd_device_characteristics,
  fd_shm_map, fd_shm_lock, fd_shm_barrier, fd_shm_unmap,
  fd_fetch, fd_unfetch,
};

static int
fd_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FullDiskFile *wrapper = (FullDiskFile *) file;
  int rc;

  wrapper->real = (sqlite3_file *) (wrapper + 1);
  rc = real_vfs->xOpen (real_vfs, name, wrapper->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set. */
  file->pMethods = wrapper->real->pMethods != NULL ? &full_disk_io : NULL;
  return rc;
}

static int
fd_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fd_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fd_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static int
fd_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fd_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fd_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
fd_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

void
rd_test_full_disk_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  full_disk_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FullDiskFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "readiness-test-full-disk",
    .xOpen = fd_open,
    .xDelete = fd_delete,
    .xAccess = fd_access,
    .xFullPathname = fd_full_pathname,
    .xRandomness = fd_randomness,
    .xSleep = fd_sleep,
    .xCurrentTimeInt64 = fd_current_time_int64,
    .xGetLastError = fd_get_last_error,
  };
  /* The default from now on, so that the store uses it unchanged. */
  g_assert_cmpint (sqlite3_vfs_register (&full_disk_vfs, 1), ==, SQLITE_OK);
}

void
rd_test_full_disk_set_full (gboolean full)
{
  g_atomic_int_set (&disk_full, full);
}

guint
rd_test_full_disk_get_refused_writes (void)
{
  return (guint) g_atomic_int_get (&refused_writes);
}
