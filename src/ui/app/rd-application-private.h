#pragma once

#include "rd-application.h"

G_BEGIN_DECLS

/* For the tests: the database the application has open. */
RdStore *rd_application_get_store     (RdApplication *self);

G_END_DECLS
