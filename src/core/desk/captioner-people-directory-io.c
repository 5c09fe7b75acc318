#define G_LOG_DOMAIN "captioner-people-directory"

#include "config.h"

#include "captioner-error.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-people-directory-private.h"
#include "captioner-people-file.h"
#include "captioner-user-data.h"

/* Reading and writing the directory's files off the owner's thread. Every read and write of
 * the process takes io_lock and a number from io_sequence: a result read or written later
 * replaces one from before, whatever order the threads finish in. */
static GMutex io_lock;
static guint64 io_sequence;

guint64
captioner_people_io_begin (void)
{
  g_mutex_lock (&io_lock);
  return ++io_sequence;
}

void
captioner_people_io_end (void)
{
  g_mutex_unlock (&io_lock);
}

#define INFO_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," G_FILE_ATTRIBUTE_STANDARD_SIZE

/* The file's etag, or its time and size where the backend gives no etag (some GVfs shares),
 * NULL when it gives neither (read every time). *exists FALSE and no error when it is not
 * there. */
char *
captioner_people_query_version (GFile         *file,
                                gboolean      *exists,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *etag;

  *exists = TRUE;
  info = g_file_query_info (file, INFO_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable,
                            &local_error);
  if (info == NULL)
    {
      if (captioner_error_is_missing (local_error))
        *exists = FALSE;
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  etag = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ETAG_VALUE);
  if (etag != NULL)
    return g_strdup (etag);
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u:%" G_GUINT64_FORMAT,
                            g_file_info_get_attribute_uint64 (info,
                                                              G_FILE_ATTRIBUTE_TIME_MODIFIED),
                            g_file_info_get_attribute_uint32 (info,
                                                              G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                            g_file_info_get_attribute_uint64 (info,
                                                              G_FILE_ATTRIBUTE_STANDARD_SIZE));
  return NULL;
}

/* The error names the file. */
void
captioner_people_prefix_file (GError **error,
                              GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (error != NULL && *error != NULL && strstr ((*error)->message, name) == NULL)
    g_prefix_error (error, "%s: ", name);
}

/* The contacts of @file, NULL with @error unset when it is not there. */
GPtrArray *
captioner_people_read_contacts (GFile         *file,
                                gboolean       read_only,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *contacts;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (captioner_error_is_missing (local_error))
        return NULL;
      captioner_people_prefix_file (&local_error, file);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  name = g_file_get_parse_name (file);
  contacts = captioner_people_file_parse (contents, length, name, error);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      captioner_contact_set_read_only (g_ptr_array_index (contacts, i), read_only);
      captioner_people_warm_contact (g_ptr_array_index (contacts, i));
    }
  return contacts;
}

GHashTable *
captioner_people_read_recent (GFile        *file,
                              GCancellable *cancellable)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, NULL))
    return captioner_people_recent_new ();
  return captioner_people_recent_parse (contents, length);
}

gboolean
captioner_people_merge_recent (GHashTable *into,
                               GHashTable *from)
{
  GHashTableIter iter;
  gpointer name, seconds;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &name, &seconds))
    {
      gint64 *have = g_hash_table_lookup (into, name);

      if (have == NULL || *have < *(gint64 *) seconds)
        {
          g_hash_table_replace (into, g_strdup (name), g_memdup2 (seconds, sizeof (gint64)));
          changed = TRUE;
        }
    }
  return changed;
}

/* Loading */

typedef struct
{
  GFile     *file;
  gboolean   read_only;
  char      *etag;       /* what the source was read at */
  gboolean   had_any;    /* whether the source had contacts */
  gboolean   changed;
  char      *new_etag;
  GPtrArray *contacts;   /* when changed; empty when the file is gone */
  GError    *error;
} SourceRead;

typedef struct
{
  GPtrArray  *reads;     /* SourceRead* */
  GFile      *recent_file;
  GHashTable *recent;
  guint64     seq;
} LoadJob;

static void
source_read_free (SourceRead *read)
{
  g_clear_object (&read->file);
  g_clear_pointer (&read->etag, g_free);
  g_clear_pointer (&read->new_etag, g_free);
  g_clear_pointer (&read->contacts, g_ptr_array_unref);
  g_clear_error (&read->error);
  g_free (read);
}

static void
load_job_free (LoadJob *job)
{
  g_clear_pointer (&job->reads, g_ptr_array_unref);
  g_clear_object (&job->recent_file);
  g_clear_pointer (&job->recent, g_hash_table_unref);
  g_free (job);
}

static void
add_read (LoadJob               *job,
          CaptionerPeopleSource *source)
{
  SourceRead *read = g_new0 (SourceRead, 1);

  read->file = g_object_ref (source->file);
  read->read_only = source->read_only;
  read->etag = g_strdup (source->etag);
  read->had_any = source->contacts->len > 0;
  g_ptr_array_add (job->reads, read);
}

static LoadJob *
load_job_new (CaptionerPeopleDirectory *self)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->reads = g_ptr_array_new_with_free_func ((GDestroyNotify) source_read_free);
  add_read (job, self->user);
  for (guint i = 0; i < self->desks->len; i++)
    add_read (job, g_ptr_array_index (self->desks, i));
  job->recent_file = g_object_ref (self->recent_file);
  return job;
}

static void
load_job_run (LoadJob      *job,
              GCancellable *cancellable)
{
  job->seq = captioner_people_io_begin ();
  for (guint i = 0; i < job->reads->len; i++)
    {
      SourceRead *read = g_ptr_array_index (job->reads, i);
      gboolean exists;

      read->new_etag = captioner_people_query_version (read->file, &exists, cancellable,
                                                       &read->error);
      if (read->error != NULL)
        {
          captioner_people_prefix_file (&read->error, read->file);
          continue;
        }
      if (exists ? read->new_etag != NULL && g_strcmp0 (read->new_etag, read->etag) == 0
                 : !read->had_any)
        continue;
      read->contacts = exists ? captioner_people_read_contacts (read->file, read->read_only,
                                                                cancellable, &read->error)
                              : NULL;
      if (read->error != NULL)
        continue;
      if (read->contacts == NULL)
        {
          g_clear_pointer (&read->new_etag, g_free);
          read->contacts = g_ptr_array_new_with_free_func (g_object_unref);
        }
      read->changed = TRUE;
    }
  job->recent = captioner_people_read_recent (job->recent_file, cancellable);
  captioner_people_io_end ();
}

static CaptionerPeopleSource *
find_source (CaptionerPeopleDirectory *self,
             GFile                    *file)
{
  if (g_file_equal (self->user->file, file))
    return self->user;
  for (guint i = 0; i < self->desks->len; i++)
    {
      CaptionerPeopleSource *source = g_ptr_array_index (self->desks, i);

      if (g_file_equal (source->file, file))
        return source;
    }
  return NULL;
}

static gboolean
load_job_apply (CaptionerPeopleDirectory  *self,
                LoadJob                   *job,
                GError                   **error)
{
  GError *first_error = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < job->reads->len; i++)
    {
      SourceRead *read = g_ptr_array_index (job->reads, i);
      CaptionerPeopleSource *source = find_source (self, read->file);

      if (read->error != NULL && first_error == NULL)
        first_error = g_error_copy (read->error);
      if (source == NULL || read->error != NULL || !read->changed || job->seq <= source->seq)
        continue;
      g_ptr_array_unref (source->contacts);
      source->contacts = g_steal_pointer (&read->contacts);
      g_free (source->etag);
      source->etag = g_steal_pointer (&read->new_etag);
      source->seq = job->seq;
      changed = TRUE;
    }
  changed |= captioner_people_merge_recent (self->recent, job->recent);
  /* Nothing changed on disk (our own save coming back through a monitor, say): the model
   * stays as it is. */
  if (changed)
    {
      captioner_people_directory_apply_ops (self);
      captioner_people_directory_rebuild (self);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, first_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
captioner_people_directory_load (CaptionerPeopleDirectory  *self,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  LoadJob *job;
  gboolean ok;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), FALSE);

  job = load_job_new (self);
  load_job_run (job, cancellable);
  ok = g_cancellable_set_error_if_cancelled (cancellable, error)
       ? FALSE : load_job_apply (self, job, error);
  load_job_free (job);
  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  load_job_run (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
on_load_thread_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  self->loads_running--;
  if (g_task_return_error_if_cancelled (task))
    return;
  if (load_job_apply (self, g_task_get_task_data (G_TASK (result)), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
captioner_people_directory_load_async (CaptionerPeopleDirectory *self,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  g_autoptr(GTask) thread_task = NULL;
  GTask *task;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_people_directory_load_async);
  thread_task = g_task_new (self, cancellable, on_load_thread_done_cb, task);
  g_task_set_source_tag (thread_task, load_thread);
  g_task_set_task_data (thread_task, load_job_new (self), (GDestroyNotify) load_job_free);
  self->loads_running++;
  g_task_run_in_thread (thread_task, load_thread);
}

gboolean
captioner_people_directory_load_finish (CaptionerPeopleDirectory  *self,
                                        GAsyncResult              *result,
                                        GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Watching */

static void reload (CaptionerPeopleDirectory *self);

static void
on_reload_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);
  g_autoptr(GError) error = NULL;

  if (!captioner_people_directory_load_finish (self, result, &error))
    g_debug ("People not reloaded: %s", error->message);
  if (self->reload_again)
    reload (self);
}

/* A file changed on disk: read it again, once more after a load running now. */
static void
reload (CaptionerPeopleDirectory *self)
{
  if (self->loads_running > 0)
    {
      self->reload_again = TRUE;
      return;
    }
  self->reload_again = FALSE;
  captioner_people_directory_load_async (self, NULL, on_reload_done_cb, NULL);
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       gpointer           user_data)
{
  CaptionerPeopleDirectory *self = g_object_get_data (G_OBJECT (monitor), "directory");

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      reload (self);
      break;
    default:
      break;
    }
}

void
captioner_people_directory_watch (CaptionerPeopleDirectory *self,
                                  CaptionerPeopleSource    *source)
{
  g_autoptr(GError) error = NULL;

  if (!self->watch_files)
    {
      if (source->monitor != NULL)
        {
          g_signal_handlers_disconnect_by_func (source->monitor, on_monitor_changed_cb, source);
          g_file_monitor_cancel (source->monitor);
          g_clear_object (&source->monitor);
        }
      return;
    }
  if (source->monitor != NULL || source->file == NULL)
    return;
  /* Where the backend cannot watch (some shares), a load checks the etag instead. */
  source->monitor = g_file_monitor_file (source->file, G_FILE_MONITOR_NONE, NULL, &error);
  if (source->monitor == NULL)
    {
      g_debug ("Not watching for changes: %s", error->message);
      return;
    }
  /* The monitor goes with the source, which goes with the directory: a plain pointer. */
  g_object_set_data (G_OBJECT (source->monitor), "directory", self);
  g_signal_connect (source->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), source);
}
