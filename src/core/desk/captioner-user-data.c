#define G_LOG_DOMAIN "captioner-user-data"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "captioner-user-data.h"

GFile *
captioner_user_data_file (const char *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  path = g_build_filename (g_get_user_data_dir (), "captioner", name, NULL);
  return g_file_new_for_path (path);
}

GFile *
captioner_user_state_file (const char *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  path = g_build_filename (g_get_user_state_dir (), "captioner", name, NULL);
  return g_file_new_for_path (path);
}

gboolean
captioner_user_file_write (GFile       *file,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}
