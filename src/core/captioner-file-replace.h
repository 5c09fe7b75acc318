#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CAPTIONER_REPLACE_FLAGS_NONE   = 0,
  /* Fail with CAPTIONER_ERROR_EXISTS when the file exists: nothing is replaced. */
  CAPTIONER_REPLACE_FLAGS_CREATE = 1 << 0,
  /* Replace only while the file's bytes are `expected` (NULL: the file must not exist);
   * otherwise fail with CAPTIONER_ERROR_CONFLICT and leave it alone. */
  CAPTIONER_REPLACE_FLAGS_CHECK  = 1 << 1,
  /* The caller holds the file's lock (captioner-sidecar-lock): the temporary and backup files
   * get fixed names (.NAME.captioner-new, .NAME.captioner-old), and a leftover of a killed
   * save under those names is removed first. Without it they get unique names. */
  CAPTIONER_REPLACE_FLAGS_LOCKED = 1 << 2,
} CaptionerReplaceFlags;

/* Suffixes of the files captioner_file_replace() leaves only when it is killed. */
#define CAPTIONER_REPLACE_NEW_SUFFIX ".captioner-new"
#define CAPTIONER_REPLACE_OLD_SUFFIX ".captioner-old"

/* Replaces file with contents atomically: a temporary file beside it (in the same folder),
 * every write checked, flushed to disk (fsync where the file is local), then renamed over.
 * On any error the file is left byte for byte as it was and the temporary file is removed.
 *
 * - Never writes in place: a folder that cannot be written is an error (G_IO_ERROR_PERMISSION_
 *   DENIED or G_IO_ERROR_READ_ONLY), with a message naming the file.
 * - Never writes through a symbolic link: when file is one (dangling or not), fails with
 *   CAPTIONER_ERROR_SYMLINK.
 * - Local files: the last content check and the rename are one step (renameat2
 *   RENAME_EXCHANGE, then the displaced file is checked to be the one that was compared; when
 *   it is not, the exchange is undone). A new file is created with RENAME_NOREPLACE.
 * - Other GIO files (GVfs sftp, smb): the old file is renamed aside, checked, and the new one
 *   renamed in (no overwrite), so what was displaced is known to be what was expected. There
 *   is no fsync through GIO.
 *
 * Blocking. Errors name the file. */
gboolean captioner_file_replace (GFile                  *file,
                                 GBytes                 *contents,
                                 GBytes                 *expected,
                                 CaptionerReplaceFlags   flags,
                                 GCancellable           *cancellable,
                                 GError                **error);

/* ".NAME" + suffix, shortened (with a hash of NAME) when NAME is long, so that it stays a valid
 * file name: the name of a temporary, backup or lock file beside NAME. */
char    *captioner_file_hidden_name (const char   *basename,
                                     const char   *suffix);

/* The error for a folder in which a new file cannot be created (code: G_IO_ERROR_PERMISSION_
 * DENIED, G_IO_ERROR_READ_ONLY...), naming the file and saying that nothing is rewritten in
 * place. */
void     captioner_file_set_folder_error (GError     **error,
                                          int          code,
                                          const char  *name);

/* Whether file is a symbolic link (without following it). */
gboolean captioner_file_is_symlink (GFile        *file,
                                    GCancellable *cancellable);

G_END_DECLS
