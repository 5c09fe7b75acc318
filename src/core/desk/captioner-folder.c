#define G_LOG_DOMAIN "captioner-folder"

#include "config.h"

#include <string.h>

#include "captioner-folder.h"
#include "captioner-photo.h"

typedef struct
{
  char  *key;   /* collation key of the name, computed once */
  GFile *file;
} NamedFile;

static int
compare_named_files (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const NamedFile *) a)->key, ((const NamedFile *) b)->key);
}

static void
clear_named_file (gpointer data)
{
  NamedFile *named = data;

  g_free (named->key);
  g_clear_object (&named->file);
}

GPtrArray *
captioner_folder_list_photos (GFile         *folder,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (NamedFile));
  GPtrArray *photos;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  g_array_set_clear_func (named, clear_named_file);
  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      NamedFile entry;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_file_info_get_is_hidden (info) ||
          !captioner_file_is_photo_name (g_file_info_get_name (info)))
        continue;
      entry.key = g_utf8_collate_key_for_filename (g_file_info_get_name (info), -1);
      entry.file = g_object_ref (child);
      g_array_append_val (named, entry);
    }

  g_array_sort (named, compare_named_files);
  photos = g_ptr_array_new_full (named->len, g_object_unref);
  for (guint i = 0; i < named->len; i++)
    g_ptr_array_add (photos, g_object_ref (g_array_index (named, NamedFile, i).file));
  return photos;
}

GPtrArray *
captioner_folder_expand (GFile        **files,
                         guint          n_files,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    {
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, cancellable) ==
          G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GPtrArray) photos = captioner_folder_list_photos (files[i], cancellable, error);
          if (photos == NULL)
            return NULL;
          for (guint j = 0; j < photos->len; j++)
            g_ptr_array_add (result, g_object_ref (g_ptr_array_index (photos, j)));
        }
      else
        g_ptr_array_add (result, g_object_ref (files[i]));
    }
  return g_steal_pointer (&result);
}
