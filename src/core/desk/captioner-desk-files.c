#define G_LOG_DOMAIN "captioner-desk-files"

#include "config.h"

#include "captioner-error.h"

#include <string.h>

#include "captioner-desk-files.h"
#include "captioner-user-data.h"

GFile *
captioner_desk_people_file (GFile *desk)
{
  g_return_val_if_fail (G_IS_FILE (desk), NULL);
  return g_file_get_child (desk, "people.txt");
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "name etag" of each child of @folder (or of @folder itself with @children FALSE), in
 * name order, appended to @out; nothing when it is missing. */
static void
add_state (GFile        *file,
           gboolean      children,
           GString      *out,
           GCancellable *cancellable)
{
  static const char attributes[] = G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                   G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                   G_FILE_ATTRIBUTE_STANDARD_SIZE;
  g_autoptr(GFileEnumerator) children_of = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uri = g_file_get_uri (file);

  if (!children)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, attributes, G_FILE_QUERY_INFO_NONE,
                                                     cancellable, NULL);

      if (info != NULL)
        g_string_append_printf (out, "%s %s %" G_GOFFSET_FORMAT "\n", uri,
                                g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "",
                                g_file_info_get_size (info));
      return;
    }
  children_of = g_file_enumerate_children (file, attributes, G_FILE_QUERY_INFO_NONE,
                                           cancellable, NULL);
  while (children_of != NULL)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (children_of, &info, NULL, cancellable, NULL) || info == NULL)
        break;
      g_ptr_array_add (lines, g_strdup_printf ("%s/%s %s %" G_GOFFSET_FORMAT "\n", uri,
                                               g_file_info_get_name (info),
                                               g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "",
                                               g_file_info_get_size (info)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, g_ptr_array_index (lines, i));
}

char *
captioner_desk_files_state (GFile * const *desks,
                            guint          n_desks,
                            GCancellable  *cancellable)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (desks != NULL || n_desks == 0, NULL);

  for (guint i = 0; i < n_desks; i++)
    {
      g_autoptr(GFile) people = captioner_desk_people_file (desks[i]);
      g_autoptr(GFile) replacements = g_file_get_child (desks[i], "replacements");
      g_autoptr(GFile) templates = g_file_get_child (desks[i], "templates");

      add_state (people, FALSE, out, cancellable);
      add_state (replacements, TRUE, out, cancellable);
      add_state (templates, TRUE, out, cancellable);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
captioner_desk_folders_from_strv (const char * const *folders)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    if (*folders[i] != '\0')
      g_ptr_array_add (files, g_file_new_for_commandline_arg (folders[i]));
  return files;
}

GPtrArray *
captioner_desk_template_folders (GFile * const *desks,
                                 guint          n_desks)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (desks != NULL || n_desks == 0, NULL);

  g_ptr_array_add (folders, captioner_user_data_file ("templates"));
  for (guint i = n_desks; i > 0; i--)
    g_ptr_array_add (folders, g_file_get_child (desks[i - 1], "templates"));
  return folders;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *nb = g_file_get_basename (*(GFile * const *) b);

  return strcmp (na, nb);
}

static gboolean
add_replacement_files (GFile         *folder,
                       GPtrArray     *files,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      if (captioner_error_is_missing (local_error))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".txt") && name[0] != '.')
        g_ptr_array_add (found, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, i)));
  return TRUE;
}

GPtrArray *
captioner_desk_replacement_files (GFile * const  *desks,
                                  guint           n_desks,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) user = captioner_user_data_file ("replacements");

  g_return_val_if_fail (desks != NULL || n_desks == 0, NULL);

  for (guint i = 0; i < n_desks; i++)
    {
      g_autoptr(GFile) folder = g_file_get_child (desks[i], "replacements");

      if (!add_replacement_files (folder, files, cancellable, error))
        return NULL;
    }
  if (!add_replacement_files (user, files, cancellable, error))
    return NULL;
  return g_steal_pointer (&files);
}

CaptionerPeopleDirectory *
captioner_desk_open_people (GFile * const  *desks,
                            guint           n_desks,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (desks != NULL || n_desks == 0, NULL);

  for (guint i = 0; i < n_desks; i++)
    g_ptr_array_add (files, captioner_desk_people_file (desks[i]));
  captioner_people_directory_set_desk_files (directory, (GFile * const *) files->pdata,
                                             files->len);
  if (!captioner_people_directory_load (directory, cancellable, error))
    return NULL;
  return g_steal_pointer (&directory);
}

CaptionerReplacements *
captioner_desk_load_codes (GFile * const             *desks,
                           guint                      n_desks,
                           CaptionerPeopleDirectory  *directory,
                           const char                *delimiter,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr(GPtrArray) files = NULL;
  CaptionerReplacements *codes;

  g_return_val_if_fail (directory == NULL || CAPTIONER_IS_PEOPLE_DIRECTORY (directory), NULL);

  files = captioner_desk_replacement_files (desks, n_desks, cancellable, error);
  if (files == NULL)
    return NULL;
  codes = captioner_replacements_new_for_files ((GFile * const *) files->pdata, files->len,
                                                cancellable, error);
  if (codes == NULL)
    return NULL;
  captioner_replacements_set_delimiter (codes, delimiter);
  if (directory != NULL)
    captioner_replacements_set_lookup (codes, captioner_people_directory_expand_code,
                                       g_object_ref (directory), g_object_unref);
  return codes;
}

char *
captioner_desk_expand_codes (CaptionerReplacements *codes,
                             const char            *text,
                             GStrv                 *unknown)
{
  g_autoptr(GArray) spans = NULL;
  char *expanded;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (codes), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  expanded = captioner_replacements_expand (codes, text, &spans);
  if (unknown != NULL)
    *unknown = captioner_code_spans_dup_text (expanded, spans);
  return expanded;
}
