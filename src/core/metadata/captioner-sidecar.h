#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A sidecar is text of a few kilobytes; Captioner neither reads nor writes one larger than
 * this (CAPTIONER_ERROR_BAD_SIDECAR when reading, CAPTIONER_ERROR_TOO_LARGE when writing). */
#define CAPTIONER_SIDECAR_MAX_SIZE (32 * 1024 * 1024)

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

/* Replaces the sidecar atomically, only when what is on disk is still `expected` (NULL: the
 * sidecar must not exist); otherwise fails with CAPTIONER_ERROR_CONFLICT and leaves the file
 * alone. The same as captioner_sidecar_lock(), captioner_sidecar_write_locked(), unlock. */
gboolean captioner_sidecar_write          (GFile         *sidecar,
                                           GBytes        *expected,
                                           GBytes        *contents,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Two Captioner processes (two desks on one share) never interleave their saves of a sidecar:
 * each holds .NAME.captioner-lock beside it while it checks and replaces it. The lock file is
 * created exclusively (O_EXCL, also through GVfs sftp) and names its holder (host, boot,
 * process and its start time, a random token). One left by a killed process on this machine is
 * taken over at once; one from another machine when it stays unchanged for 30 s; an empty or
 * unreadable one after 2 s. Waits up to 40 s for a live holder, then fails with
 * CAPTIONER_ERROR_BUSY. A folder that cannot be written fails here, with G_IO_ERROR_PERMISSION_
 * DENIED or G_IO_ERROR_READ_ONLY and a message naming the sidecar. Blocking. */
typedef struct _CaptionerSidecarLock CaptionerSidecarLock;

CaptionerSidecarLock *captioner_sidecar_lock       (GFile                 *sidecar,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* Lets go of the lock (removes the lock file when it is still this one). NULL is ignored. */
void                  captioner_sidecar_unlock     (CaptionerSidecarLock  *lock);
GFile                *captioner_sidecar_lock_get_file (CaptionerSidecarLock *lock);

/* captioner_sidecar_write() under a lock already held: read what is on disk with
 * captioner_sidecar_read(), merge, and write with that as `expected`, without another
 * Captioner in between. Also:
 * - contents over CAPTIONER_SIDECAR_MAX_SIZE: CAPTIONER_ERROR_TOO_LARGE, nothing written;
 * - the sidecar is a symbolic link (even dangling): CAPTIONER_ERROR_SYMLINK, nothing written;
 * - a temporary file in the same folder, every write checked, fsync'd (local files), renamed
 *   over; on any error the old sidecar is left byte for byte and the temporary file removed;
 * - the content check is the rename itself where the file system allows (see
 *   captioner_file_replace()); mtimes are never trusted;
 * - what killed saves left behind is cleaned up: this sidecar's at every save, the rest of the
 *   folder's (Captioner's own and GLib's .goutputstream-* holding XMP, a minute old) at the
 *   first save in that folder of each process. */
gboolean              captioner_sidecar_write_locked (CaptionerSidecarLock *lock,
                                                      GBytes              *expected,
                                                      GBytes              *contents,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerSidecarLock, captioner_sidecar_unlock)

G_END_DECLS
