#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The photos in a folder (not recursive), sorted by name as a person reads them. Sidecars and
 * other files are left out. Returns a GPtrArray of GFile. */
GPtrArray *captioner_folder_list_photos (GFile         *folder,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Expands the command line's files and folders into photos, in order. Files that are not
 * photos by name are kept, so that the caller reports them. */
GPtrArray *captioner_folder_expand      (GFile        **files,
                                         guint          n_files,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
