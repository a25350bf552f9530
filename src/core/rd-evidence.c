#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rd-action.h"
#include "rd-errors.h"
#include "rd-evidence.h"

struct _RdEvidence
{
  GObject parent_instance;

  gint64 id;
  gint64 assessment_id;
  char *item_id;
  char *title;
  char *location;
  char *date;
  gint64 created;
};

G_DEFINE_FINAL_TYPE (RdEvidence, rd_evidence, G_TYPE_OBJECT)

static void
rd_evidence_finalize (GObject *object)
{
  RdEvidence *self = RD_EVIDENCE (object);

  g_free (self->item_id);
  g_free (self->title);
  g_free (self->location);
  g_free (self->date);

  G_OBJECT_CLASS (rd_evidence_parent_class)->finalize (object);
}

static void
rd_evidence_class_init (RdEvidenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_evidence_finalize;
}

static void
rd_evidence_init (RdEvidence *self)
{
}

/* Empty texts become NULL so that "not set" has one spelling. */
static char *
dup_text (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

RdEvidence *
rd_evidence_new (const RdEvidenceInfo *info)
{
  RdEvidence *self = g_object_new (RD_TYPE_EVIDENCE, NULL);

  self->id = info->id;
  self->assessment_id = info->assessment_id;
  self->item_id = g_strdup (info->item_id ? info->item_id : "");
  self->title = g_strdup (info->title ? info->title : "");
  self->location = dup_text (info->location);
  self->date = dup_text (info->date);
  self->created = info->created;

  return self;
}

gint64
rd_evidence_get_id (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), 0);
  return self->id;
}

gint64
rd_evidence_get_assessment_id (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), 0);
  return self->assessment_id;
}

const char *
rd_evidence_get_item_id (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);
  return self->item_id;
}

const char *
rd_evidence_get_title (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);
  return self->title;
}

const char *
rd_evidence_get_location (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);
  return self->location;
}

const char *
rd_evidence_get_date (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);
  return self->date;
}

gint64
rd_evidence_get_created (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), 0);
  return self->created;
}

void
rd_evidence_get_info (RdEvidence     *self,
                      RdEvidenceInfo *info)
{
  g_return_if_fail (RD_IS_EVIDENCE (self));

  *info = (RdEvidenceInfo) {
    .id = self->id,
    .assessment_id = self->assessment_id,
    .item_id = self->item_id,
    .title = self->title,
    .location = self->location,
    .date = self->date,
    .created = self->created,
  };
}

RdEvidenceLocation
rd_evidence_get_location_kind (RdEvidence *self)
{
  RdEvidenceLocation kind = RD_EVIDENCE_LOCATION_NONE;

  g_return_val_if_fail (RD_IS_EVIDENCE (self), RD_EVIDENCE_LOCATION_NONE);

  /* The store keeps only locations that pass; a NONE here is an old or
   * altered row, which then is shown but never opened. */
  if (!rd_evidence_location_classify (self->location, &kind, NULL))
    return RD_EVIDENCE_LOCATION_NONE;
  return kind;
}

gboolean
rd_evidence_location_classify (const char          *location,
                               RdEvidenceLocation  *kind,
                               GError             **error)
{
  g_autofree char *scheme = NULL;

  *kind = RD_EVIDENCE_LOCATION_NONE;
  if (location == NULL || *location == '\0')
    return TRUE;

  scheme = g_uri_parse_scheme (location);
  /* No scheme, or one letter: a drive ("C:\Policies\ICT.docx"). */
  if (scheme == NULL || strlen (scheme) == 1)
    {
      *kind = RD_EVIDENCE_LOCATION_PATH;
      return TRUE;
    }

  if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autofree char *host = NULL;
      g_autofree char *path = g_filename_from_uri (location, &host, NULL);

      /* A host would be dropped when opened: the file would be a local one. */
      if (path == NULL || (host != NULL && g_ascii_strcasecmp (host, "localhost") != 0))
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                       _("“%s” is not a file address that can be opened"), location);
          return FALSE;
        }
      *kind = RD_EVIDENCE_LOCATION_PATH;
      return TRUE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      if (host == NULL || *host == '\0')
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                       _("“%s” is not a web address such as https://example.org/policy"), location);
          return FALSE;
        }
      *kind = RD_EVIDENCE_LOCATION_LINK;
      return TRUE;
    }

  g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
               _("A link must start with http:// or https://, not “%s:”"), scheme);
  return FALSE;
}

gboolean
rd_evidence_date_is_valid (const char *date)
{
  /* The same calendar day as an action's due date. */
  return rd_action_due_is_valid (date);
}

char *
rd_evidence_dup_uri (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);

  switch (rd_evidence_get_location_kind (self))
    {
    case RD_EVIDENCE_LOCATION_LINK:
      return g_strdup (self->location);
    case RD_EVIDENCE_LOCATION_PATH:
      if (g_ascii_strncasecmp (self->location, "file:", 5) == 0)
        return g_strdup (self->location);
      if (g_path_is_absolute (self->location))
        return g_filename_to_uri (self->location, NULL, NULL);
      return NULL;
    case RD_EVIDENCE_LOCATION_NONE:
    default:
      return NULL;
    }
}

char *
rd_evidence_format_line (RdEvidence *self)
{
  GString *line;

  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);

  line = g_string_new (self->title);
  if (self->location != NULL)
    g_string_append_printf (line, " — %s", self->location);
  if (self->date != NULL)
    g_string_append_printf (line, " (%s)", self->date);
  return g_string_free (line, FALSE);
}

char *
rd_evidence_format_lines (GPtrArray  *evidence,
                          const char *item_id)
{
  GString *lines = NULL;

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RdEvidence *one = g_ptr_array_index (evidence, i);
      g_autofree char *line = NULL;

      if (g_strcmp0 (one->item_id, item_id) != 0)
        continue;
      line = rd_evidence_format_line (one);
      if (lines == NULL)
        lines = g_string_new (line);
      else
        g_string_append_printf (lines, "\n%s", line);
    }

  return lines != NULL ? g_string_free (lines, FALSE) : NULL;
}
