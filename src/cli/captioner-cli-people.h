#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `captioner-cli people list|add|import|export …` and `captioner-cli templates list`: the
 * people directory and templates in the user's data folder (and desk folders, --desk).
 * argv[0] is "people" or "templates". Returns 0 on success, 1 when a file could not be read
 * or written (one stderr line naming it), 2 on bad usage. */
int captioner_cli_people    (int    argc,
                             char **argv);
int captioner_cli_templates (int    argc,
                             char **argv);

G_END_DECLS
