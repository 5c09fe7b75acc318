#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers shared by the test programs. */

/* Removes @path and everything under it (sidecars, thumbnail caches, nested folders); symbolic
 * links are removed, not followed. A missing @path is not an error; what cannot be removed is
 * reported with g_test_message(). */
void  test_remove_tree (const char *path);
/* Writes a width × height JPEG of one colour (0xRRGGBBAA) as dir/name; returns its path. */
char *test_write_jpeg  (const char *dir,
                        const char *name,
                        int         width,
                        int         height,
                        guint32     rgba);

G_END_DECLS
