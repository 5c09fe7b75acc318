#define G_LOG_DOMAIN "captioner-window-names"

#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "captioner-person.h"
#include "captioner-window-private.h"

/* Names offered when naming a box: the people of the folder's photos and the user's people
 * list (DATA_DIR/captioner/people.txt, one name a line), which grows with every save. */

static int
compare_names (const void *a,
               const void *b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
update_known_names_cb (gpointer user_data)
{
  CaptionerWindow *self = user_data;
  g_autofree const char **names = NULL;
  guint n;

  self->known_names_idle = 0;
  names = (const char **) g_hash_table_get_keys_as_array (self->known_names, &n);
  qsort (names, n, sizeof (char *), compare_names);
  captioner_photo_view_set_known_names (self->photo_view, names);
  return G_SOURCE_REMOVE;
}

static GFile *
people_list_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "captioner", "people.txt",
                                            NULL);

  return g_file_new_for_path (path);
}

static void
write_people_list_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  g_autoptr(GFile) file = people_list_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, task_data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_debug ("People list %s not written: %s", path, error ? error->message : g_strerror (errno));
  g_task_return_boolean (task, TRUE);
}

/* The names of metadata's people become completions; remember: they are also added to the
 * people list in the user's data folder (names the editor confirmed by saving). */
void
captioner_window_add_known_names (CaptionerWindow         *self,
                                  const CaptionerMetadata *metadata,
                                  gboolean                 remember)
{
  gboolean list_changed = FALSE;

  for (guint i = 0; i < metadata->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people, i);

      if (person->name == NULL || *person->name == '\0')
        continue;
      if (!g_hash_table_contains (self->known_names, person->name))
        {
          g_hash_table_add (self->known_names, g_strdup (person->name));
          if (self->known_names_idle == 0)
            self->known_names_idle = g_idle_add (update_known_names_cb, self);
        }
      if (remember && !g_hash_table_contains (self->people_list, person->name))
        {
          g_hash_table_add (self->people_list, g_strdup (person->name));
          list_changed = TRUE;
        }
    }

  if (list_changed)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      g_autofree const char **names = NULL;
      g_autofree char *text = NULL;
      guint n;

      names = (const char **) g_hash_table_get_keys_as_array (self->people_list, &n);
      qsort (names, n, sizeof (char *), compare_names);
      text = g_strjoinv ("\n", (char **) names);
      g_task_set_source_tag (task, captioner_window_add_known_names);
      g_task_set_task_data (task, g_strconcat (text, "\n", NULL), g_free);
      g_task_run_in_thread (task, write_people_list_thread);
    }
}

static void
on_people_list_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("People list not read: %s", error->message);
      return;
    }
  if (self->known_names == NULL)
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0' || !g_utf8_validate (lines[i], -1, NULL))
        continue;
      g_hash_table_add (self->people_list, g_strdup (lines[i]));
      g_hash_table_add (self->known_names, g_strdup (lines[i]));
    }
  if (self->known_names_idle == 0)
    self->known_names_idle = g_idle_add (update_known_names_cb, self);
}

void
captioner_window_names_init (CaptionerWindow *self)
{
  g_autoptr(GFile) file = people_list_file ();

  self->known_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->people_list = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_file_load_contents_async (file, self->folder_cancellable, on_people_list_loaded_cb,
                              g_object_ref (self));
}

void
captioner_window_names_dispose (CaptionerWindow *self)
{
  g_clear_handle_id (&self->known_names_idle, g_source_remove);
  g_clear_pointer (&self->known_names, g_hash_table_unref);
  g_clear_pointer (&self->people_list, g_hash_table_unref);
}
