#define G_LOG_DOMAIN "captioner-people-directory"

#include "config.h"

#include <string.h>

#include "captioner-people-directory-private.h"
#include "captioner-people-file.h"
#include "captioner-user-data.h"

/* Saving the user's file and the recency file in a thread, merged with what they hold on disk
 * when the save runs. Saves asked for while one runs wait for it and go together. */

typedef struct
{
  GFile      *file;
  GPtrArray  *ops;          /* CaptionerPeopleOp*, borrowed: the directory's in_flight */
  GFile      *recent_file;
  GHashTable *recent;       /* a copy to merge into the file; NULL when it did not change */
  GPtrArray  *contacts;     /* what the user's file holds after the save */
  char       *etag;
  guint64     seq;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->ops, g_ptr_array_unref);
  g_clear_object (&job->recent_file);
  g_clear_pointer (&job->recent, g_hash_table_unref);
  g_clear_pointer (&job->contacts, g_ptr_array_unref);
  g_clear_pointer (&job->etag, g_free);
  g_free (job);
}

static gboolean
has_changes (CaptionerPeopleDirectory *self)
{
  return self->pending->len > 0 || self->recent_dirty;
}

/* What is pending goes in flight with this job. */
static SaveJob *
save_job_new (CaptionerPeopleDirectory *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->file = g_object_ref (self->file);
  job->ops = g_ptr_array_new ();
  for (guint i = 0; i < self->pending->len; i++)
    {
      g_ptr_array_add (job->ops, g_ptr_array_index (self->pending, i));
      g_ptr_array_add (self->in_flight, g_ptr_array_index (self->pending, i));
    }
  g_ptr_array_set_free_func (self->pending, NULL);
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_free_func (self->pending, (GDestroyNotify) captioner_people_op_free);
  job->recent_file = g_object_ref (self->recent_file);
  if (self->recent_dirty)
    {
      job->recent = captioner_people_recent_new ();
      captioner_people_merge_recent (job->recent, self->recent);
    }
  self->recent_dirty = FALSE;
  return job;
}

static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean ok = TRUE;

  job->seq = captioner_people_io_begin ();
  if (job->ops->len > 0)
    {
      g_autofree char *text = NULL;
      gboolean exists;

      /* What the file holds now (another program may have added people), then ours. A file
       * that cannot be read is not replaced. */
      job->contacts = captioner_people_read_contacts (job->file, FALSE, cancellable, error);
      ok = error == NULL || *error == NULL;
      if (ok && job->contacts == NULL)
        job->contacts = g_ptr_array_new_with_free_func (g_object_unref);
      if (ok)
        captioner_people_ops_apply (job->ops, 0, job->contacts);
      if (ok)
        {
          text = captioner_people_file_format (job->contacts);
          ok = captioner_user_file_write (job->file, text, strlen (text), error);
        }
      if (ok)
        job->etag = captioner_people_query_version (job->file, &exists, cancellable, NULL);
    }
  if (ok && job->recent != NULL)
    {
      g_autoptr(GHashTable) on_disk = captioner_people_read_recent (job->recent_file, cancellable);
      g_autofree char *text = NULL;

      captioner_people_merge_recent (job->recent, on_disk);
      text = captioner_people_recent_format (job->recent);
      ok = captioner_user_file_write (job->recent_file, text, strlen (text), error);
    }
  captioner_people_io_end ();
  return ok;
}

static void
save_job_apply (CaptionerPeopleDirectory *self,
                SaveJob                  *job,
                gboolean                  saved)
{
  if (!saved)
    {
      /* Kept for the next save. */
      for (guint i = self->in_flight->len; i > 0; i--)
        {
          gpointer op = g_ptr_array_index (self->in_flight, i - 1);

          if (g_ptr_array_find (job->ops, op, NULL))
            g_ptr_array_insert (self->pending, 0, g_ptr_array_steal_index (self->in_flight,
                                                                             i - 1));
        }
      self->recent_dirty |= job->recent != NULL;
      return;
    }
  for (guint i = self->in_flight->len; i > 0; i--)
    if (g_ptr_array_find (job->ops, g_ptr_array_index (self->in_flight, i - 1), NULL))
      g_ptr_array_remove_index (self->in_flight, i - 1);
  if (job->contacts != NULL && job->seq > self->user->seq)
    {
      g_ptr_array_unref (self->user->contacts);
      self->user->contacts = g_steal_pointer (&job->contacts);
      g_free (self->user->etag);
      self->user->etag = g_steal_pointer (&job->etag);
      self->user->seq = job->seq;
      captioner_people_directory_apply_ops (self);
      captioner_people_directory_rebuild (self);
    }
  /* Another program's picks, merged on disk, count here too. */
  if (job->recent != NULL && captioner_people_merge_recent (self->recent, job->recent))
    captioner_people_directory_rebuild (self);
}

gboolean
captioner_people_directory_save (CaptionerPeopleDirectory  *self,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  SaveJob *job;
  gboolean ok;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), FALSE);

  if (!has_changes (self))
    return TRUE;
  job = save_job_new (self);
  ok = save_job_run (job, cancellable, error);
  save_job_apply (self, job, ok);
  save_job_free (job);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (CaptionerPeopleDirectory *self,
                        GPtrArray                *tasks);

static void
on_save_thread_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);
  g_autoptr(GPtrArray) tasks = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  save_job_apply (self, g_task_get_task_data (G_TASK (result)), ok);
  self->saving = FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (ok)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
  if (self->save_waiters->len > 0)
    {
      GPtrArray *waiters = g_steal_pointer (&self->save_waiters);

      self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);
      start_save (self, waiters);
    }
}

/* Saves what is pending for @tasks (GTask*, taken). */
static void
start_save (CaptionerPeopleDirectory *self,
            GPtrArray                *tasks)
{
  g_autoptr(GTask) thread_task = NULL;

  if (!has_changes (self))
    {
      for (guint i = 0; i < tasks->len; i++)
        g_task_return_boolean (g_ptr_array_index (tasks, i), TRUE);
      g_ptr_array_unref (tasks);
      return;
    }
  self->saving = TRUE;
  /* A save is not cancelled half way: the tasks waiting for it may be. */
  thread_task = g_task_new (self, NULL, on_save_thread_done_cb, tasks);
  g_task_set_source_tag (thread_task, save_thread);
  g_task_set_task_data (thread_task, save_job_new (self), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (thread_task, save_thread);
}

void
captioner_people_directory_save_async (CaptionerPeopleDirectory *self,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  GTask *task;
  GPtrArray *tasks;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_people_directory_save_async);
  if (self->saving)
    {
      g_ptr_array_add (self->save_waiters, task);
      return;
    }
  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, task);
  start_save (self, tasks);
}

gboolean
captioner_people_directory_save_finish (CaptionerPeopleDirectory  *self,
                                        GAsyncResult              *result,
                                        GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
