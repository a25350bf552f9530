#pragma once

#include <adwaita.h>

#include "rd-framework.h"
#include "rd-store.h"

G_BEGIN_DECLS

#define RD_TYPE_APPLICATION (rd_application_get_type ())

G_DECLARE_FINAL_TYPE (RdApplication, rd_application, RD, APPLICATION, AdwApplication)

RdApplication *rd_application_new           (void);

G_END_DECLS
