#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one place that knows where a user's own files live: the people list, code replacements,
 * templates, styles (in $XDG_DATA_HOME/captioner) and what is not data but state, such as the
 * journal of unsaved edits (in $XDG_STATE_HOME/captioner). Nothing else builds these paths. */
GFile    *captioner_user_data_file  (const char  *name);
GFile    *captioner_user_state_file (const char  *name);
/* Writes a user file whole and atomically, making its folder (mode 0700) when needed. */
gboolean  captioner_user_file_write (GFile       *file,
                                     const char  *contents,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS
