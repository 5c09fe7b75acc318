#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds Captioner's message catalogue where this
 * program finds it: the build tree's own po/ when the program runs from the build tree, the
 * locale folder beside an installed program (so a `meson install --destdir` copy finds its
 * own), else LOCALEDIR. */
void        captioner_i18n_init           (void);
/* The folder captioner_i18n_init bound (for tests and `--version`-style reports). */
const char *captioner_i18n_get_locale_dir (void);

G_END_DECLS
