#define G_LOG_DOMAIN "captioner-window-thumbnails"

#include "config.h"

#include "captioner-window-private.h"

/* Which thumbnails are made when. The photos on screen come first: a cell bound to a photo
 * without its thumbnail asks for it at once, ahead of the queue, and gives the request up when
 * it scrolls away before the work began. Meanwhile the rest of the folder is fed to the
 * thumbnailer a few at a time in the grid's order, so that queuing 10,000 photos never holds
 * the window's thread, and so that the folder ends up cached for the next time. */

/* Thumbnails fed at once: enough to keep the thumbnail threads busy between two turns of the
 * main loop when they come from the cache (a millisecond each). */
#define MAX_THUMBNAILS 32

typedef struct
{
  CaptionerWindow    *window;
  CaptionerPhotoItem *item;
  GCancellable       *cancellable;  /* a cell's request, NULL when fed in order */
  guint               generation;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->window);
  g_object_unref (job->item);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void on_thumbnail_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
queue (CaptionerWindow    *self,
       CaptionerPhotoItem *item,
       GCancellable       *cancellable,
       int                 io_priority)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (self);
  job->item = g_object_ref (item);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->generation = self->generation;
  captioner_photo_item_set_thumbnail_queued (item, TRUE);
  captioner_thumbnailer_load_async (self->thumbnailer, captioner_photo_item_get_file (item),
                                    io_priority,
                                    cancellable ? cancellable : self->folder_cancellable,
                                    on_thumbnail_cb, job);
}

static gboolean
wanted (CaptionerPhotoItem *item)
{
  return !captioner_photo_item_get_thumbnail_queued (item) &&
         !captioner_photo_item_get_thumbnail_tried (item);
}

static void
pump (CaptionerWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->photos);
  guint n = g_list_model_get_n_items (model);

  while (self->thumbnails_in_flight < MAX_THUMBNAILS)
    {
      g_autoptr(CaptionerPhotoItem) item = g_queue_pop_head (self->thumbnails_given_up);

      if (item == NULL && self->next_thumbnail < n)
        item = g_list_model_get_item (model, self->next_thumbnail++);
      if (item == NULL)
        break;
      if (!wanted (item))
        continue;
      self->thumbnails_in_flight++;
      queue (self, item, NULL, CAPTIONER_WINDOW_BACKGROUND_PRIORITY);
    }
}

static void
on_thumbnail_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  CaptionerWindow *self = job->window;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = captioner_thumbnailer_load_finish (CAPTIONER_THUMBNAILER (object), result, &error);
  if (job->generation != self->generation)
    return;
  captioner_photo_item_set_thumbnail_queued (job->item, FALSE);
  if (job->cancellable != NULL)
    {
      if (g_hash_table_lookup (self->thumbnail_requests, job->item) == job->cancellable)
        g_hash_table_remove (self->thumbnail_requests, job->item);
    }
  else
    self->thumbnails_in_flight--;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The cell scrolled away: the photo waits for its turn again. */
    g_queue_push_tail (self->thumbnails_given_up, g_object_ref (job->item));
  else
    {
      captioner_photo_item_set_thumbnail_tried (job->item);
      self->n_thumbnails++;
      if (pixbuf != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);

          captioner_photo_item_set_thumbnail (job->item, texture, TRUE);
        }
      else
        g_debug ("%s", error->message);
    }
  pump (self);
  captioner_window_profile_progress (self);
}

static void
on_cell_bound_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CaptionerWindow          *self)
{
  CaptionerPhotoItem *item = gtk_list_item_get_item (list_item);
  g_autoptr(GCancellable) cancellable = NULL;

  if (item == NULL || !self->thumbnails_running || !wanted (item))
    return;
  cancellable = g_cancellable_new ();
  g_hash_table_insert (self->thumbnail_requests, g_object_ref (item), g_object_ref (cancellable));
  queue (self, item, cancellable, G_PRIORITY_HIGH);
}

static void
on_cell_unbound_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CaptionerWindow          *self)
{
  CaptionerPhotoItem *item = gtk_list_item_get_item (list_item);
  GCancellable *cancellable = item ? g_hash_table_lookup (self->thumbnail_requests, item) : NULL;

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}

void
captioner_window_thumbnails_init (CaptionerWindow *self)
{
  GtkListItemFactory *factory = gtk_grid_view_get_factory (self->grid_view);

  self->thumbnailer = captioner_thumbnailer_new (CAPTIONER_THUMBNAIL_NORMAL);
  self->thumbnail_requests = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->thumbnails_given_up = g_queue_new ();
  g_signal_connect_after (factory, "bind", G_CALLBACK (on_cell_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbound_cb), self);
}

/* A folder's photos are in the grid: thumbnails for the cells already bound, then the rest. */
void
captioner_window_thumbnails_start (CaptionerWindow *self)
{
  self->thumbnails_running = TRUE;
  self->next_thumbnail = 0;
  self->thumbnails_in_flight = 0;
  self->n_thumbnails = 0;
  /* The cells bound while the items went in did not ask: the first screen is at the top of
   * the folder, the first fed in order. */
  pump (self);
}

/* Before another folder: what was asked for is dropped. */
void
captioner_window_thumbnails_stop (CaptionerWindow *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  self->thumbnails_running = FALSE;
  g_hash_table_iter_init (&iter, self->thumbnail_requests);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->thumbnail_requests);
  g_queue_clear_full (self->thumbnails_given_up, g_object_unref);
}

void
captioner_window_thumbnails_dispose (CaptionerWindow *self)
{
  GtkListItemFactory *factory = self->grid_view ? gtk_grid_view_get_factory (self->grid_view)
                                                : NULL;

  if (factory != NULL)
    g_signal_handlers_disconnect_by_data (factory, self);
  g_clear_object (&self->thumbnailer);
  g_clear_pointer (&self->thumbnail_requests, g_hash_table_unref);
  if (self->thumbnails_given_up != NULL)
    g_queue_free_full (g_steal_pointer (&self->thumbnails_given_up), g_object_unref);
}
