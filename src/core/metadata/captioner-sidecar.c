#define G_LOG_DOMAIN "captioner-sidecar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-file-replace.h"
#include "captioner-sidecar.h"

#define MAX_SIDECAR_SIZE CAPTIONER_SIDECAR_MAX_SIZE

GFile *
captioner_sidecar_file_for (GFile *photo)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (photo), NULL);

  basename = g_file_get_basename (photo);
  name = g_strconcat (basename, ".xmp", NULL);
  parent = g_file_get_parent (photo);
  return g_file_get_child (parent, name);
}

GFile *
captioner_sidecar_adobe_file_for (GFile *photo)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (photo), NULL);

  basename = g_file_get_basename (photo);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  name = g_strconcat (basename, ".xmp", NULL);
  parent = g_file_get_parent (photo);
  return g_file_get_child (parent, name);
}

static GFile *
first_existing (GFile      *photo,
                GPtrArray  *names,
                GCancellable *cancellable)
{
  g_autoptr(GFile) parent = g_file_get_parent (photo);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) candidate = g_file_get_child (parent, g_ptr_array_index (names, i));

      if (g_file_query_exists (candidate, cancellable))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* NAME and EXT of a photo's basename (EXT without the dot, "" when it has none). */
static void
split_name (GFile  *photo,
            char  **name,
            char  **ext)
{
  g_autofree char *basename = g_file_get_basename (photo);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    {
      *ext = g_strdup (dot + 1);
      *dot = '\0';
    }
  else
    *ext = g_strdup ("");
  *name = g_steal_pointer (&basename);
}

GFile *
captioner_sidecar_find (GFile        *photo,
                        gboolean      adobe,
                        GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *ext = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (photo), NULL);

  /* The photo's own name with ".xmp" or ".XMP" (cameras and Windows programs write capitals):
   * two lookups a photo, as a folder on a network share pays for each. */
  split_name (photo, &name, &ext);
  basename = adobe || *ext == '\0' ? g_strdup (name) : g_strdup_printf ("%s.%s", name, ext);
  g_ptr_array_add (names, g_strconcat (basename, ".xmp", NULL));
  g_ptr_array_add (names, g_strconcat (basename, ".XMP", NULL));
  return first_existing (photo, names, cancellable);
}

GFile *
captioner_sidecar_find_raw (GFile        *photo,
                            GCancellable *cancellable)
{
  static const char * const raws[] = { "cr2", "cr3", "nef", "arw", "raf", "orf", "rw2", "dng",
                                       "pef" };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *ext = NULL;

  g_return_val_if_fail (G_IS_FILE (photo), NULL);

  split_name (photo, &name, &ext);
  for (guint i = 0; i < G_N_ELEMENTS (raws); i++)
    if (g_ascii_strcasecmp (ext, raws[i]) == 0)
      return NULL;   /* the photo is the RAW */
  for (guint i = 0; i < G_N_ELEMENTS (raws); i++)
    {
      g_autofree char *upper = g_ascii_strup (raws[i], -1);
      g_autofree char *a = g_strdup_printf ("%s.%s", name, upper);
      g_autofree char *b = g_strdup_printf ("%s.%s", name, raws[i]);

      g_ptr_array_add (names, g_steal_pointer (&a));
      g_ptr_array_add (names, g_steal_pointer (&b));
    }
  return first_existing (photo, names, cancellable);
}

gboolean
captioner_sidecar_read (GFile         *sidecar,
                        GBytes       **contents,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (sidecar), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  *contents = NULL;
  stream = g_file_read (sidecar, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  size = info ? g_file_info_get_size (info) : 0;
  if (size > MAX_SIDECAR_SIZE)
    {
      g_autofree char *size_text = g_format_size ((guint64) size);

      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                   _("the sidecar is %s, too large to be XMP"), size_text);
      return FALSE;
    }
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), MAX_SIDECAR_SIZE + 1,
                                     cancellable, error);
  if (bytes == NULL)
    return FALSE;
  if (g_bytes_get_size (bytes) > MAX_SIDECAR_SIZE)
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the sidecar is too large to be XMP"));
      return FALSE;
    }
  *contents = g_steal_pointer (&bytes);
  return TRUE;
}

gboolean
captioner_sidecar_write_locked (CaptionerSidecarLock  *lock,
                                GBytes                *expected,
                                GBytes                *contents,
                                GCancellable          *cancellable,
                                GError               **error)
{
  GFile *sidecar;

  g_return_val_if_fail (lock != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  sidecar = captioner_sidecar_lock_get_file (lock);
  /* What Captioner writes it must be able to read back. */
  if (g_bytes_get_size (contents) > MAX_SIDECAR_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (sidecar);
      g_autofree char *size = g_format_size_full (g_bytes_get_size (contents),
                                                  G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (MAX_SIDECAR_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_TOO_LARGE,
                   _("%s: the sidecar would be %s, more than the %s Captioner can read back; "
                     "nothing was saved"), name, size, limit);
      return FALSE;
    }
  return captioner_file_replace (sidecar, contents, expected,
                                 CAPTIONER_REPLACE_FLAGS_CHECK | CAPTIONER_REPLACE_FLAGS_LOCKED,
                                 cancellable, error);
}

gboolean
captioner_sidecar_write (GFile         *sidecar,
                         GBytes        *expected,
                         GBytes        *contents,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CaptionerSidecarLock) lock = NULL;

  g_return_val_if_fail (G_IS_FILE (sidecar), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  lock = captioner_sidecar_lock (sidecar, cancellable, error);
  if (lock == NULL)
    return FALSE;
  return captioner_sidecar_write_locked (lock, expected, contents, cancellable, error);
}
