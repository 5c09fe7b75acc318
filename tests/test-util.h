#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers shared by the test programs. */

/* Removes @path and everything under it (sidecars, thumbnail caches, nested folders); symbolic
 * links are removed, not followed. A missing @path is not an error; what cannot be removed is
 * reported with g_test_message(). */
void test_remove_tree (const char *path);

G_END_DECLS
