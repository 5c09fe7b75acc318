#define G_LOG_DOMAIN "captioner-folder"

#include "config.h"

#include <string.h>

#include "captioner-folder.h"
#include "captioner-photo.h"

static int
compare_files_by_name (gconstpointer a,
                       gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);
  g_autofree char *key_a = g_utf8_collate_key_for_filename (name_a, -1);
  g_autofree char *key_b = g_utf8_collate_key_for_filename (name_b, -1);

  return strcmp (key_a, key_b);
}

GPtrArray *
captioner_folder_list_photos (GFile         *folder,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

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

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_file_info_get_is_hidden (info) ||
          !captioner_file_is_photo_name (g_file_info_get_name (info)))
        continue;
      g_ptr_array_add (photos, g_object_ref (child));
    }

  g_ptr_array_sort (photos, compare_files_by_name);
  return g_steal_pointer (&photos);
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
