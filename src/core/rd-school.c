#define G_LOG_DOMAIN "rd-school"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-enums.h"
#include "rd-school.h"

struct _RdSchool
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *region;
  RdSchoolType school_type;
  char *type_note;  /* the free text an older version had, where it became "other" */
};

G_DEFINE_FINAL_TYPE (RdSchool, rd_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  PROP_SCHOOL_TYPE,
  PROP_TYPE_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_school_finalize (GObject *object)
{
  RdSchool *self = RD_SCHOOL (object);

  g_free (self->name);
  g_free (self->region);
  g_free (self->type_note);

  G_OBJECT_CLASS (rd_school_parent_class)->finalize (object);
}

static void
rd_school_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdSchool *self = RD_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_SCHOOL_TYPE:
      g_value_set_enum (value, self->school_type);
      break;
    case PROP_TYPE_NOTE:
      g_value_set_string (value, self->type_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_school_class_init (RdSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_school_finalize;
  object_class->get_property = rd_school_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHOOL_TYPE] =
    g_param_spec_enum ("school-type", NULL, NULL, RD_TYPE_SCHOOL_TYPE, RD_SCHOOL_TYPE_UNSET,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NOTE] =
    g_param_spec_string ("type-note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_school_init (RdSchool *self)
{
}

RdSchool *
rd_school_new (gint64        id,
               const char   *name,
               const char   *region,
               RdSchoolType  school_type,
               const char   *type_note)
{
  RdSchool *self = g_object_new (RD_TYPE_SCHOOL, NULL);

  g_return_val_if_fail (school_type < RD_N_SCHOOL_TYPES, self);

  self->id = id;
  self->name = g_strdup (name);
  self->region = g_strdup (region);
  self->school_type = school_type;
  self->type_note = g_strdup (type_note);
  return self;
}

gint64
rd_school_get_id (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), 0);
  return self->id;
}

const char *
rd_school_get_name (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), NULL);
  return self->name;
}

const char *
rd_school_get_region (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), NULL);
  return self->region;
}

RdSchoolType
rd_school_get_school_type (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), RD_SCHOOL_TYPE_UNSET);
  return self->school_type;
}

const char *
rd_school_get_type_note (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), NULL);
  return self->type_note;
}

/**
 * rd_school_describe_type:
 *
 * The type as a list of schools shows it: its title, with the text an
 * older version had where that became "other"; NULL when not set.
 */
char *
rd_school_describe_type (RdSchool *self)
{
  g_return_val_if_fail (RD_IS_SCHOOL (self), NULL);

  if (self->school_type == RD_SCHOOL_TYPE_UNSET)
    return NULL;
  if (self->type_note != NULL && self->type_note[0] != '\0')
    /* Translators: a school's type and, in quotes, what an older version
     * of Readiness had as its type, e.g. "Other (“Montessori”)" */
    return g_strdup_printf (_("%s (“%s”)"), rd_school_type_get_title (self->school_type), self->type_note);
  return g_strdup (rd_school_type_get_title (self->school_type));
}
