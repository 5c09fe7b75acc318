#define G_LOG_DOMAIN "captioner-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-desk-private.h"
#include "captioner-folder.h"
#include "captioner-thumbnail.h"

/* Opening a folder and reading its photos' headers, in the background. */

/* Photo headers queued at once. Each completion waits for the main loop, which may be busy
 * drawing: enough must be queued that the header threads never wait for it. The photo the
 * editor asks for goes ahead of the queue (a higher priority). */
#define MAX_LOADS 32
/* Headers are read by threads of their own, below the window's priority: reading a folder
 * keeps both cores busy for a second or more, and the window must still draw. On a local
 * disk a header read computes, so one thread a core (2): with four, a thread preempted
 * while holding one of GObject's global locks waited behind the others for a core, and the
 * window waited for the lock (perf sched, cold openings at nice 10: 32-44 lock waits a run,
 * up to 15 ms; 8-14 with two, up to 6 ms). On a network share a read mostly waits: four.
 * Nice 10: at 15 a preempted holder waited 60 ms for a core; at 5 the threads took enough
 * of the cores from the window to make its frames longer than 50 ms. */
#define HEADER_THREADS_LOCAL  2
#define HEADER_THREADS_REMOTE 4
#define HEADER_NICENESS       10
/* The folder's headers come back below the window's redraws (GTask returns a result at its
 * priority): a burst of results never holds back a frame. What the editor waits for is
 * asked for at G_PRIORITY_HIGH. */
#define BACKGROUND_PRIORITY G_PRIORITY_DEFAULT_IDLE

/* A job's hold on the desk and the item; results of a folder left behind are dropped. */
typedef struct
{
  CaptionerDesk     *desk;
  CaptionerDeskItem *item;
  guint              generation;
} ItemJob;

static ItemJob *
item_job_new (CaptionerDesk     *self,
              CaptionerDeskItem *item)
{
  ItemJob *job = g_new0 (ItemJob, 1);

  job->desk = g_object_ref (self);
  job->item = g_object_ref (item);
  job->generation = self->generation;
  return job;
}

static void
item_job_free (ItemJob *job)
{
  g_object_unref (job->desk);
  g_object_unref (job->item);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemJob, item_job_free)

/* A photo's header, read with the thumbnail embedded in its EXIF decoded: the first picture
 * the grid can show, decoded beside the header so that the main thread only hands it on. */
typedef struct
{
  GFile     *file;
  gboolean   want_preview;
  GdkPixbuf *preview;
} HeaderLoad;

static void
header_load_free (HeaderLoad *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->preview);
  g_free (load);
}

static gpointer
header_thread (gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  HeaderLoad *load = task_data;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (load->file, cancellable, error);
  GBytes *jpeg;

  if (photo == NULL)
    return NULL;
  jpeg = captioner_photo_get_thumbnail (photo);
  if (load->want_preview && jpeg != NULL)
    {
      /* A folder opened before has its thumbnails in the cache, on their way: no preview
       * to decode and keep meanwhile. */
      g_autofree char *uri = g_file_get_uri (load->file);
      g_autofree char *cached = captioner_thumbnail_path_for_uri (uri, CAPTIONER_THUMBNAIL_NORMAL);

      load->want_preview = !g_file_test (cached, G_FILE_TEST_EXISTS);
    }
  if (load->want_preview && jpeg != NULL)
    /* A damaged EXIF thumbnail is no loss: the decoded thumbnail follows. */
    load->preview = captioner_thumbnail_decode_embedded (
      jpeg, captioner_photo_get_orientation (photo), CAPTIONER_THUMBNAIL_NORMAL, NULL);
  return g_steal_pointer (&photo);
}

static void pump_loads (CaptionerDesk *self);

static void
on_photo_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ItemJob) job = user_data;
  CaptionerDesk *self = job->desk;
  HeaderLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = g_task_propagate_pointer (G_TASK (result), &error);
  captioner_desk_item_set_loading (job->item, FALSE);
  if (job->generation != self->generation)
    return;
  self->loads_in_flight--;
  self->n_loaded++;

  if (photo != NULL)
    {
      /* The preview first: whoever follows "photo" finds it there. */
      if (load->preview != NULL)
        captioner_desk_item_set_preview (job->item, load->preview);
      captioner_desk_item_set_photo (job->item, photo);
      captioner_desk_add_known_names (self, captioner_photo_get_metadata (photo));
      captioner_desk_apply_pending (self, job->item);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_load_errors++;
      captioner_desk_item_set_error (job->item, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), captioner_desk_pspec (CAPTIONER_DESK_PROP_N_LOAD_ERRORS));
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_LOAD_FAILED), 0, job->item, error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), captioner_desk_pspec (CAPTIONER_DESK_PROP_N_LOADED));
  captioner_desk_notify_busy (self);
  pump_loads (self);
}

static void
start_load (CaptionerDesk     *self,
            CaptionerDeskItem *item,
            int                io_priority)
{
  g_autoptr(GTask) task = NULL;
  HeaderLoad *load = g_new0 (HeaderLoad, 1);

  load->file = g_object_ref (captioner_desk_item_get_file (item));
  load->want_preview = self->want_previews;
  captioner_desk_item_set_loading (item, TRUE);
  self->loads_in_flight++;
  task = g_task_new (NULL, self->cancellable, on_photo_loaded_cb, item_job_new (self, item));
  g_task_set_source_tag (task, start_load);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, load, (GDestroyNotify) header_load_free);
  captioner_worker_run (self->header_worker, task, header_thread, g_object_unref);
}

static void
pump_loads (CaptionerDesk *self)
{
  while (self->loads_in_flight < MAX_LOADS && self->next_load < self->items->len)
    {
      CaptionerDeskItem *item = g_ptr_array_index (self->items, self->next_load++);

      if (captioner_desk_item_get_photo (item) == NULL && !captioner_desk_item_get_loading (item))
        start_load (self, item, BACKGROUND_PRIORITY);
    }
}

void
captioner_desk_load_now (CaptionerDesk     *self,
                         CaptionerDeskItem *item)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  if (captioner_desk_item_get_photo (item) == NULL && !captioner_desk_item_get_loading (item) &&
      captioner_desk_item_get_error (item) == NULL)
    start_load (self, item, G_PRIORITY_HIGH);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  GError *error = NULL;
  CaptionerFolderListing *listing;

  listing = captioner_folder_listing_new ((GFile **) files->pdata, files->len, cancellable,
                                          &error);
  if (listing == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, listing, (GDestroyNotify) captioner_folder_listing_free);
}

static void
replace_items (CaptionerDesk          *self,
               CaptionerFolderListing *listing)
{
  g_autoptr(GPtrArray) old = self->items;
  guint removed = old->len;

  /* Edits in the folder being left are saved, never dropped: the save queue holds its
   * items. */
  captioner_desk_save_all (self);

  self->generation++;
  self->next_load = 0;
  self->loads_in_flight = 0;
  self->n_loaded = 0;
  self->n_load_errors = 0;
  self->remote = listing->remote;
  captioner_desk_watch (self, NULL);
  captioner_worker_set_threads (self->header_worker,
                                listing->remote ? HEADER_THREADS_REMOTE : HEADER_THREADS_LOCAL);
  g_clear_object (&self->folder);
  self->folder = listing->folder ? g_object_ref (listing->folder)
                                 : g_file_get_parent (g_ptr_array_index (listing->photos, 0));

  self->items = g_ptr_array_new_full (listing->photos->len, g_object_unref);
  for (guint i = 0; i < listing->photos->len; i++)
    {
      CaptionerDeskItem *item = captioner_desk_item_new (g_ptr_array_index (listing->photos, i));

      captioner_desk_item_set_default_style (item, self->default_style);
      g_signal_connect_object (item, "edited", G_CALLBACK (captioner_desk_journal_schedule), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->items, item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), captioner_desk_pspec (CAPTIONER_DESK_PROP_FOLDER));
  g_object_notify_by_pspec (G_OBJECT (self), captioner_desk_pspec (CAPTIONER_DESK_PROP_N_LOADED));
  g_object_notify_by_pspec (G_OBJECT (self), captioner_desk_pspec (CAPTIONER_DESK_PROP_N_LOAD_ERRORS));
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CaptionerDesk *self = g_task_get_source_object (task);
  g_autoptr(CaptionerFolderListing) listing = NULL;
  GError *error = NULL;
  guint position = 0;

  listing = g_task_propagate_pointer (G_TASK (result), &error);
  if (listing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (listing->photos->len == 0)
    {
      GFile *asked = listing->folder ? listing->folder : g_task_get_task_data (task);
      g_autofree char *name = g_file_get_basename (asked);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No photos in “%s”"),
                               name);
      return;
    }

  replace_items (self, listing);
  for (guint i = 0; listing->select != NULL && i < listing->photos->len; i++)
    if (g_file_equal (g_ptr_array_index (listing->photos, i), listing->select))
      position = i;
  /* The photo to show first is read before the others. */
  if (position > 0)
    captioner_desk_load_now (self, g_ptr_array_index (self->items, position));
  pump_loads (self);
  captioner_desk_notify_busy (self);
  /* What open_finish tells of the folder named. */
  if (listing->folder != NULL)
    g_task_set_task_data (task, g_object_ref (listing->folder), g_object_unref);
  else
    g_task_set_task_data (task, NULL, NULL);
  g_task_return_pointer (task, GUINT_TO_POINTER (position + 1), NULL);
}

void
captioner_desk_open_async (CaptionerDesk        *self,
                           GFile               **files,
                           guint                 n_files,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) list = NULL;
  GPtrArray *copy;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (files != NULL && n_files > 0);

  /* A folder still loading is left: its headers are not waited for. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_desk_open_async);
  g_task_set_task_data (task, g_object_ref (files[0]), g_object_unref);

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));
  list = g_task_new (self, cancellable, on_listed_cb, task);
  g_task_set_source_tag (list, list_thread);
  g_task_set_task_data (list, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (list, list_thread);
}

gboolean
captioner_desk_open_finish (CaptionerDesk  *self,
                            GAsyncResult   *result,
                            guint          *position,
                            GFile         **folder_named,
                            GError        **error)
{
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  if (position != NULL)
    *position = GPOINTER_TO_UINT (value) - 1;
  if (folder_named != NULL)
    *folder_named = g_task_get_task_data (G_TASK (result))
                      ? g_object_ref (g_task_get_task_data (G_TASK (result))) : NULL;
  return TRUE;
}

CaptionerWorker *
captioner_desk_new_header_worker (void)
{
  return captioner_worker_new (HEADER_THREADS_LOCAL, HEADER_NICENESS);
}
