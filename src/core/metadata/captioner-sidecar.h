#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* NAME.EXT.xmp (darktable, digiKam): where Captioner writes. */
GFile   *captioner_sidecar_file_for       (GFile         *photo);
/* NAME.xmp (Adobe): read too. */
GFile   *captioner_sidecar_adobe_file_for (GFile         *photo);

/* The sidecar beside photo that exists: NAME.EXT.xmp (adobe FALSE) or NAME.xmp (TRUE), in
 * any of the cases programs write them (NAME.JPG.XMP, NAME.XMP, ...); NULL when none. */
GFile   *captioner_sidecar_find           (GFile         *photo,
                                           gboolean       adobe,
                                           GCancellable  *cancellable);
/* A RAW of the same base name beside photo (CR2, CR3, NEF, ARW, RAF, ORF, RW2, DNG, PEF),
 * or NULL; NULL too when photo is itself one. */
GFile   *captioner_sidecar_find_raw       (GFile         *photo,
                                           GCancellable  *cancellable);

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
