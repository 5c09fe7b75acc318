#define G_LOG_DOMAIN "captioner-people-list"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "captioner-people-list.h"
#include "captioner-user-data.h"

struct _CaptionerPeopleList
{
  GObject     parent_instance;

  /* Owned references */
  GFile      *file;
  GHashTable *names;   /* char*, owned */

  gboolean    writing;      /* a write is in a worker thread */
  gboolean    write_again;  /* names came while it was: one more, so the newest wins */
};

G_DEFINE_FINAL_TYPE (CaptionerPeopleList, captioner_people_list, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_names (const void *a,
               const void *b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char **
captioner_names_dup_sorted (GHashTable *names)
{
  g_autofree const char **keys = NULL;
  guint n;

  g_return_val_if_fail (names != NULL, NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (names, &n);
  qsort (keys, n, sizeof (char *), compare_names);
  return g_strdupv ((char **) keys);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CaptionerPeopleList *self = source_object;
  g_autoptr(GError) error = NULL;
  const char *text = task_data;

  if (!captioner_user_file_write (self->file, text, strlen (text), &error))
    g_warning ("The people list was not written: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
captioner_people_list_finalize (GObject *object)
{
  CaptionerPeopleList *self = CAPTIONER_PEOPLE_LIST (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (captioner_people_list_parent_class)->finalize (object);
}

static void
captioner_people_list_class_init (CaptionerPeopleListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_people_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
captioner_people_list_init (CaptionerPeopleList *self)
{
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* file: NULL for the user's own list. */
CaptionerPeopleList *
captioner_people_list_new (GFile *file)
{
  CaptionerPeopleList *self = g_object_new (CAPTIONER_TYPE_PEOPLE_LIST, NULL);

  self->file = file ? g_object_ref (file) : captioner_user_data_file ("people.txt");
  return self;
}

GFile *
captioner_people_list_get_file (CaptionerPeopleList *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_LIST (self), NULL);
  return self->file;
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CaptionerPeopleList *self = g_task_get_source_object (task);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, NULL, NULL, &error))
    {
      /* No list yet is an empty list. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0' && g_utf8_validate (lines[i], -1, NULL))
        g_hash_table_add (self->names, g_strdup (lines[i]));
    }
  g_signal_emit (self, signals[CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

void
captioner_people_list_load_async (CaptionerPeopleList *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_people_list_load_async);
  g_file_load_contents_async (self->file, cancellable, on_loaded_cb, task);
}

gboolean
captioner_people_list_load_finish (CaptionerPeopleList *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char **
captioner_people_list_dup_names (CaptionerPeopleList *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_LIST (self), NULL);
  return captioner_names_dup_sorted (self->names);
}

gboolean
captioner_people_list_contains (CaptionerPeopleList *self,
                                const char          *name)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_LIST (self), FALSE);
  return name != NULL && g_hash_table_contains (self->names, name);
}

static void write_file (CaptionerPeopleList *self);

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CaptionerPeopleList *self = CAPTIONER_PEOPLE_LIST (object);

  self->writing = FALSE;
  if (self->write_again)
    write_file (self);
}

/* One write at a time, in order: two threads renaming over the file could leave the older. */
static void
write_file (CaptionerPeopleList *self)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) all = NULL;
  g_autofree char *text = NULL;

  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }
  self->writing = TRUE;
  self->write_again = FALSE;
  all = captioner_people_list_dup_names (self);
  text = g_strjoinv ("\n", all);
  task = g_task_new (self, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, write_file);
  g_task_set_task_data (task, g_strconcat (text, "\n", NULL), g_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
captioner_people_list_remember (CaptionerPeopleList *self,
                                const char * const  *names)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_LIST (self), FALSE);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] != '\0' && !g_hash_table_contains (self->names, names[i]))
      changed = g_hash_table_add (self->names, g_strdup (names[i])) || changed;
  if (!changed)
    return FALSE;
  write_file (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}
