#define G_LOG_DOMAIN "captioner-error"

#include "config.h"

#include <gio/gio.h>

#include "captioner-error.h"

G_DEFINE_QUARK (captioner-error-quark, captioner_error)

gboolean
captioner_error_is_missing (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}
