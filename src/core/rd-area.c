#define G_LOG_DOMAIN "rd-area"

#include "config.h"

#include "rd-area.h"

struct _RdArea
{
  GObject parent_instance;

  char *id;
  RdText *title;
  RdText *description;
  RdText *short_title;  /* NULL: the title */
};

G_DEFINE_FINAL_TYPE (RdArea, rd_area, G_TYPE_OBJECT)

static void
rd_area_finalize (GObject *object)
{
  RdArea *self = RD_AREA (object);

  g_free (self->id);
  g_clear_pointer (&self->title, rd_text_unref);
  g_clear_pointer (&self->description, rd_text_unref);
  g_clear_pointer (&self->short_title, rd_text_unref);

  G_OBJECT_CLASS (rd_area_parent_class)->finalize (object);
}

static void
rd_area_class_init (RdAreaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_area_finalize;
}

static void
rd_area_init (RdArea *self)
{
}

RdArea *
rd_area_new (const char *id,
             RdText     *title,
             RdText     *description)
{
  RdArea *self = g_object_new (RD_TYPE_AREA, NULL);

  self->id = g_strdup (id);
  self->title = rd_text_ref (title);
  self->description = rd_text_ref (description);
  return self;
}

const char *
rd_area_get_id (RdArea *self)
{
  g_return_val_if_fail (RD_IS_AREA (self), NULL);
  return self->id;
}

const RdText *
rd_area_get_title (RdArea *self)
{
  g_return_val_if_fail (RD_IS_AREA (self), NULL);
  return self->title;
}

const RdText *
rd_area_get_description (RdArea *self)
{
  g_return_val_if_fail (RD_IS_AREA (self), NULL);
  return self->description;
}

void
rd_area_set_short_title (RdArea *self,
                         RdText *short_title)
{
  g_return_if_fail (RD_IS_AREA (self));
  g_clear_pointer (&self->short_title, rd_text_unref);
  if (short_title != NULL)
    self->short_title = rd_text_ref (short_title);
}

const RdText *
rd_area_get_short_title (RdArea *self)
{
  g_return_val_if_fail (RD_IS_AREA (self), NULL);
  return self->short_title != NULL ? self->short_title : self->title;
}
