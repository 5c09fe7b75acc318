#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* NAME.EXT.xmp (darktable, digiKam): where Captioner writes. */
GFile   *captioner_sidecar_file_for       (GFile         *photo);
/* NAME.xmp (Adobe): read too. */
GFile   *captioner_sidecar_adobe_file_for (GFile         *photo);

/* Reads a sidecar whole. Returns FALSE with *contents NULL and no error when it does not exist,
 * FALSE with an error naming the file when it cannot be read. */
gboolean captioner_sidecar_read           (GFile         *sidecar,
                                           GBytes       **contents,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Replaces the sidecar atomically (temporary file in the same folder, flushed, renamed over),
 * only when what is on disk is still `expected` (NULL: the sidecar must not exist). Otherwise
 * fails with CAPTIONER_ERROR_CONFLICT and leaves the file alone. */
gboolean captioner_sidecar_write          (GFile         *sidecar,
                                           GBytes        *expected,
                                           GBytes        *contents,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
