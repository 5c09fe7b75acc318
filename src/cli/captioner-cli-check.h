#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `captioner-cli check FILE|FOLDER…`, argv[0] "check": one stdout line per finding
 * ("FILE: message"). Returns 0 when no caption has a finding, 1 when some has (or a file
 * cannot be read: one stderr line each), 2 on bad usage. */
int captioner_cli_check (int    argc,
                         char **argv);

G_END_DECLS
