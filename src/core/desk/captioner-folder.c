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

static gboolean
is_folder (GFile        *file,
           GCancellable *cancellable)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) ==
         G_FILE_TYPE_DIRECTORY;
}

/* Puts the folder's photos first, in the folder's order, whatever the order of the
 * arguments (`FOLDER/photo.jpg FOLDER` must not list photo.jpg ahead of the others). */
static GPtrArray *
folder_first (GPtrArray    *photos,
              GFile        *folder,
              GHashTable   *unplaced,
              GCancellable *cancellable)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listing = captioner_folder_list_photos (folder, cancellable, NULL);

  for (guint i = 0; listing != NULL && i < listing->len; i++)
    if (g_hash_table_remove (unplaced, g_ptr_array_index (listing, i)))
      g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (listing, i)));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < photos->len; i++)
      {
        GFile *photo = g_ptr_array_index (photos, i);
        g_autoptr(GFile) parent = g_file_get_parent (photo);
        gboolean in_folder = parent != NULL && g_file_equal (parent, folder);

        /* What the listing did not give: files named that are not photos by name, kept so
         * that loading reports them; those in the folder first. */
        if (in_folder == (pass == 0) && g_hash_table_remove (unplaced, photo))
          g_ptr_array_add (sorted, g_object_ref (photo));
      }
  return sorted;
}

static gboolean
is_remote (GFile        *photo,
           GCancellable *cancellable)
{
  g_autoptr(GFile) parent = g_file_get_parent (photo);
  g_autoptr(GFileInfo) info = NULL;

  if (parent != NULL)
    info = g_file_query_filesystem_info (parent, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE,
                                         cancellable, NULL);
  return info != NULL &&
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

CaptionerFolderListing *
captioner_folder_listing_new (GFile        **files,
                              guint          n_files,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(CaptionerFolderListing) listing = g_new0 (CaptionerFolderListing, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_file_hash, (GEqualFunc) g_file_equal);
  GFile *first_file = NULL;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  listing->photos = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    {
      if (is_folder (files[i], cancellable))
        {
          g_autoptr(GPtrArray) photos = captioner_folder_list_photos (files[i], cancellable, error);

          if (photos == NULL)
            return NULL;
          if (listing->folder == NULL)
            listing->folder = g_object_ref (files[i]);
          /* (g_hash_table_add would replace a key already there with one about to be freed.) */
          for (guint j = 0; j < photos->len; j++)
            if (!g_hash_table_contains (seen, g_ptr_array_index (photos, j)))
              {
                g_hash_table_add (seen, g_ptr_array_index (photos, j));
                g_ptr_array_add (listing->photos, g_object_ref (g_ptr_array_index (photos, j)));
              }
        }
      else
        {
          if (first_file == NULL)
            first_file = files[i];
          if (!g_hash_table_contains (seen, files[i]))
            {
              g_hash_table_add (seen, files[i]);
              g_ptr_array_add (listing->photos, g_object_ref (files[i]));
            }
        }
    }
  if (listing->folder != NULL && first_file != NULL)
    {
      GPtrArray *sorted;

      listing->select = g_object_ref (first_file);
      sorted = folder_first (listing->photos, listing->folder, seen, cancellable);
      g_ptr_array_unref (listing->photos);
      listing->photos = sorted;
    }
  if (listing->photos->len > 0)
    listing->remote = is_remote (g_ptr_array_index (listing->photos, 0), cancellable);
  return g_steal_pointer (&listing);
}

void
captioner_folder_listing_free (CaptionerFolderListing *listing)
{
  if (listing == NULL)
    return;
  g_clear_pointer (&listing->photos, g_ptr_array_unref);
  g_clear_object (&listing->folder);
  g_clear_object (&listing->select);
  g_free (listing);
}

GPtrArray *
captioner_folder_expand (GFile        **files,
                         guint          n_files,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CaptionerFolderListing) listing = captioner_folder_listing_new (files, n_files,
                                                                             cancellable, error);

  return listing ? g_steal_pointer (&listing->photos) : NULL;
}
