#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAPTIONER_ERROR (captioner_error_quark ())

typedef enum
{
  CAPTIONER_ERROR_INVALID_ARGUMENT,
  CAPTIONER_ERROR_NOT_A_PHOTO,
  CAPTIONER_ERROR_CORRUPT,
  CAPTIONER_ERROR_BAD_SIDECAR,
  CAPTIONER_ERROR_CONFLICT,
  CAPTIONER_ERROR_CAPTION_CHANGED,
  CAPTIONER_ERROR_EXISTS,
  CAPTIONER_ERROR_FAILED,
  /* A file Captioner would write is a symbolic link (even a dangling one): it never writes
   * through one, out of the folder. */
  CAPTIONER_ERROR_SYMLINK,
  /* What would be written is larger than Captioner reads back (a sidecar over
   * CAPTIONER_SIDECAR_MAX_SIZE): nothing was written. */
  CAPTIONER_ERROR_TOO_LARGE,
  /* Another Captioner holds the sidecar's lock and did not let go in time: try again. */
  CAPTIONER_ERROR_BUSY,
} CaptionerError;

GQuark captioner_error_quark (void);

G_END_DECLS
