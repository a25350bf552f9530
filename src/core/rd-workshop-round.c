#define G_LOG_DOMAIN "rd-workshop-round"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "rd-workshop-round.h"

#define GROUP "Round"
/* More participants than any room holds: a larger count is a damaged file. */
#define MAX_PARTICIPANTS 100000

RdWorkshopRound *
rd_workshop_round_new (const char     *database_path,
                       const char     *assessment_uuid,
                       const gboolean  groups[RD_N_GROUPS],
                       guint           n_participants)
{
  RdWorkshopRound *round;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (assessment_uuid != NULL, NULL);

  round = g_new0 (RdWorkshopRound, 1);
  round->database_path = g_strdup (database_path);
  round->assessment_uuid = g_strdup (assessment_uuid);
  for (guint g = 0; g < RD_N_GROUPS; g++)
    round->groups[g] = groups[g] != FALSE;
  round->n_participants = n_participants;
  return round;
}

void
rd_workshop_round_free (RdWorkshopRound *round)
{
  if (round == NULL)
    return;

  g_free (round->database_path);
  g_free (round->assessment_uuid);
  g_free (round);
}

char *
rd_workshop_round_path_for (const char *database_path)
{
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  /* One file per database, so that a round in one does not end another's. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, database_path, -1);
  name = g_strdup_printf ("workshop-round-%.16s.ini", digest);
  return g_build_filename (g_get_user_state_dir (), "readiness", name, NULL);
}

gboolean
rd_workshop_round_save (const RdWorkshopRound  *round,
                        const char             *path,
                        GError                **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (round != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint g = 0; g < RD_N_GROUPS; g++)
    if (round->groups[g])
      g_ptr_array_add (groups, (gpointer) rd_group_to_id (g));

  g_key_file_set_string (file, GROUP, "Database", round->database_path);
  g_key_file_set_string (file, GROUP, "Assessment", round->assessment_uuid);
  g_key_file_set_string_list (file, GROUP, "Groups", (const char * const *) groups->pdata, groups->len);
  g_key_file_set_uint64 (file, GROUP, "Participants", round->n_participants);
  data = g_key_file_to_data (file, &length, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* Only its user reads which assessment is in a round. */
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static RdWorkshopRound *
invalid (const char  *path,
         const char  *problem,
         GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, problem);
  return NULL;
}

RdWorkshopRound *
rd_workshop_round_load (const char  *path,
                        GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *database = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) group_ids = NULL;
  gboolean groups[RD_N_GROUPS] = { FALSE };
  gboolean any = FALSE;
  guint64 n_participants;
  GStatBuf buf;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_lstat (path, &buf) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return NULL;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (buf.st_mode))
    return invalid (path, "not a regular file", error);
  if (buf.st_size > RD_WORKSHOP_ROUND_MAX_FILE_SIZE)
    return invalid (path, "larger than a round's state can be", error);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > RD_WORKSHOP_ROUND_MAX_FILE_SIZE)
    return invalid (path, "larger than a round's state can be", error);
  if (!g_key_file_load_from_data (file, contents, length, G_KEY_FILE_NONE, &local_error))
    return invalid (path, local_error->message, error);

  database = g_key_file_get_string (file, GROUP, "Database", NULL);
  uuid = g_key_file_get_string (file, GROUP, "Assessment", NULL);
  group_ids = g_key_file_get_string_list (file, GROUP, "Groups", NULL, NULL);
  n_participants = g_key_file_get_uint64 (file, GROUP, "Participants", &local_error);

  if (database == NULL || !g_path_is_absolute (database))
    return invalid (path, "Database: not an absolute path", error);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return invalid (path, "Assessment: not an assessment id", error);
  if (local_error != NULL || n_participants > MAX_PARTICIPANTS)
    return invalid (path, "Participants: not a count of participants", error);
  for (guint i = 0; group_ids != NULL && group_ids[i] != NULL; i++)
    {
      RdGroup group;

      if (!rd_group_from_id (group_ids[i], &group))
        return invalid (path, "Groups: not a group", error);
      any = groups[group] = TRUE;
    }
  if (!any)
    return invalid (path, "Groups: no group takes part", error);

  return rd_workshop_round_new (database, uuid, groups, (guint) n_participants);
}

gboolean
rd_workshop_round_forget (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gint64
rd_workshop_round_find_assessment (const RdWorkshopRound *round,
                                   RdStore               *store)
{
  g_autoptr(RdAssessment) assessment = NULL;
  gint64 assessment_id;

  g_return_val_if_fail (round != NULL, 0);
  g_return_val_if_fail (RD_IS_STORE (store), 0);

  if (g_strcmp0 (round->database_path, rd_store_get_path (store)) != 0)
    return 0;

  assessment_id = rd_store_find_assessment (store, round->assessment_uuid, NULL);
  if (assessment_id != 0)
    assessment = rd_store_get_assessment (store, assessment_id, NULL);

  /* A complete assessment takes no answers: no round can go on in it. */
  if (assessment == NULL || rd_assessment_get_status (assessment) != RD_ASSESSMENT_STATUS_DRAFT)
    return 0;
  return assessment_id;
}
