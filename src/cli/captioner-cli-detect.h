#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `captioner-cli detect [--json] FILE|FOLDER…`, argv[0] "detect": the faces in each photo,
 * one stdout line a face, numbered left to right as displayed. Returns 0 when every photo was
 * read, 1 when some could not be (one stderr line each), 2 on bad usage. */
int captioner_cli_detect (int    argc,
                          char **argv);

G_END_DECLS
