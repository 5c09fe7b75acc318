#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `captioner-cli export --format csv|txt|json|xmp|jpeg [--output PATH] [--overwrite] FILE|FOLDER…`
 * argv[0] is "export". Returns 0 when every photo was exported, 1 when some failed (one stderr
 * line each, naming the file), 2 on bad usage. */
int captioner_cli_export (int    argc,
                          char **argv);

G_END_DECLS
