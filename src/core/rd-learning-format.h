#pragma once

#include <glib.h>

#include "rd-learning-facts.h"

G_BEGIN_DECLS

/* "64 % of 11 staff": a figure from the log as every screen shows it. */
char *rd_learning_format_figure (const RdLogFigure *figure);

/* "12.5 hours", in the user's decimal mark; NULL for NAN (nobody to count). */
char *rd_learning_format_hours  (double             hours);

G_END_DECLS
