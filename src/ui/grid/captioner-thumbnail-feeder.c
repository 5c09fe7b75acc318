#define G_LOG_DOMAIN "captioner-thumbnail-feeder"

#include "config.h"

#include "captioner-photo-item.h"
#include "captioner-thumbnail.h"
#include "captioner-thumbnail-feeder.h"

/* Thumbnails fed at once: enough to keep the thumbnail threads busy between two turns of the
 * main loop when they come from the cache (a millisecond each). */
#define MAX_THUMBNAILS 32
/* Results of the folder's thumbnails come back below the window's redraws. */
#define BACKGROUND_PRIORITY G_PRIORITY_DEFAULT_IDLE

struct _CaptionerThumbnailFeeder
{
  GObject               parent_instance;

  /* Borrowed references */
  GListModel           *photos;            /* weak */
  GtkListItemFactory   *factory;           /* weak */

  /* Owned references */
  CaptionerThumbnailer *thumbnailer;
  GCancellable         *cancellable;       /* the folder's thumbnails */
  GHashTable           *requests;          /* item -> GCancellable: asked for by a cell */
  GQueue               *given_up;          /* items whose cell scrolled away first */

  guint                 next;              /* the next photo to feed in order */
  guint                 in_flight;         /* fed in order, not yet back */
  guint                 n_done;
  guint                 generation;        /* bumped at each start */
  gboolean              running;
};

G_DEFINE_FINAL_TYPE (CaptionerThumbnailFeeder, captioner_thumbnail_feeder, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CaptionerThumbnailFeeder *feeder;
  CaptionerPhotoItem *item;
  GCancellable       *cancellable;  /* a cell's request, NULL when fed in order */
  guint               generation;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->feeder);
  g_object_unref (job->item);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void on_thumbnail_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
queue (CaptionerThumbnailFeeder *self,
       CaptionerPhotoItem *item,
       GCancellable       *cancellable,
       int                 io_priority)
{
  Job *job = g_new0 (Job, 1);

  job->feeder = g_object_ref (self);
  job->item = g_object_ref (item);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->generation = self->generation;
  captioner_photo_item_set_thumbnail_queued (item, TRUE);
  captioner_thumbnailer_load_async (self->thumbnailer, captioner_photo_item_get_file (item),
                                    io_priority,
                                    cancellable ? cancellable : self->cancellable,
                                    on_thumbnail_cb, job);
}

static gboolean
wanted (CaptionerPhotoItem *item)
{
  return !captioner_photo_item_get_thumbnail_queued (item) &&
         !captioner_photo_item_get_thumbnail_tried (item);
}

static void
pump (CaptionerThumbnailFeeder *self)
{
  guint n;

  if (self->photos == NULL || !self->running)
    return;
  n = g_list_model_get_n_items (self->photos);
  while (self->in_flight < MAX_THUMBNAILS)
    {
      g_autoptr(CaptionerPhotoItem) item = g_queue_pop_head (self->given_up);

      if (item == NULL && self->next < n)
        item = g_list_model_get_item (self->photos, self->next++);
      if (item == NULL)
        break;
      if (!wanted (item))
        continue;
      self->in_flight++;
      queue (self, item, NULL, BACKGROUND_PRIORITY);
    }
}

static void
on_thumbnail_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  CaptionerThumbnailFeeder *self = job->feeder;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = captioner_thumbnailer_load_finish (CAPTIONER_THUMBNAILER (object), result, &error);
  if (job->generation != self->generation)
    return;
  captioner_photo_item_set_thumbnail_queued (job->item, FALSE);
  if (job->cancellable != NULL)
    {
      if (g_hash_table_lookup (self->requests, job->item) == job->cancellable)
        g_hash_table_remove (self->requests, job->item);
    }
  else
    self->in_flight--;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The cell scrolled away: the photo waits for its turn again. */
    g_queue_push_tail (self->given_up, g_object_ref (job->item));
  else
    {
      captioner_photo_item_set_thumbnail_tried (job->item);
      self->n_done++;
      if (pixbuf != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);

          captioner_photo_item_set_thumbnail (job->item, texture, TRUE);
        }
      else
        g_debug ("%s", error->message);
    }
  pump (self);
  g_signal_emit (self, signals[PROGRESS], 0);
}

static void
on_cell_bound_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CaptionerThumbnailFeeder *self)
{
  CaptionerPhotoItem *item = gtk_list_item_get_item (list_item);
  g_autoptr(GCancellable) cancellable = NULL;

  if (item == NULL || !self->running || !wanted (item))
    return;
  cancellable = g_cancellable_new ();
  g_hash_table_insert (self->requests, g_object_ref (item), g_object_ref (cancellable));
  queue (self, item, cancellable, G_PRIORITY_HIGH);
}

static void
on_cell_unbound_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CaptionerThumbnailFeeder *self)
{
  CaptionerPhotoItem *item = gtk_list_item_get_item (list_item);
  GCancellable *cancellable = item ? g_hash_table_lookup (self->requests, item) : NULL;

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}

static void
captioner_thumbnail_feeder_dispose (GObject *object)
{
  CaptionerThumbnailFeeder *self = CAPTIONER_THUMBNAIL_FEEDER (object);

  captioner_thumbnail_feeder_stop (self);
  if (self->factory != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->factory, self);
      g_clear_weak_pointer (&self->factory);
    }
  g_clear_weak_pointer (&self->photos);
  G_OBJECT_CLASS (captioner_thumbnail_feeder_parent_class)->dispose (object);
}

static void
captioner_thumbnail_feeder_finalize (GObject *object)
{
  CaptionerThumbnailFeeder *self = CAPTIONER_THUMBNAIL_FEEDER (object);

  g_clear_object (&self->thumbnailer);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->requests, g_hash_table_unref);
  g_queue_free_full (self->given_up, g_object_unref);
  G_OBJECT_CLASS (captioner_thumbnail_feeder_parent_class)->finalize (object);
}

static void
captioner_thumbnail_feeder_class_init (CaptionerThumbnailFeederClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_thumbnail_feeder_dispose;
  object_class->finalize = captioner_thumbnail_feeder_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
captioner_thumbnail_feeder_init (CaptionerThumbnailFeeder *self)
{
  self->thumbnailer = captioner_thumbnailer_new (CAPTIONER_THUMBNAIL_NORMAL);
  self->requests = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->given_up = g_queue_new ();
  self->cancellable = g_cancellable_new ();
}

/* photos: the grid's model (CaptionerPhotoItem); factory: the grid's, whose cells ask. */
CaptionerThumbnailFeeder *
captioner_thumbnail_feeder_new (GListModel         *photos,
                                GtkListItemFactory *factory)
{
  CaptionerThumbnailFeeder *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (photos), NULL);
  g_return_val_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory), NULL);

  self = g_object_new (CAPTIONER_TYPE_THUMBNAIL_FEEDER, NULL);
  g_set_weak_pointer (&self->photos, photos);
  g_set_weak_pointer (&self->factory, factory);
  g_signal_connect_after (factory, "bind", G_CALLBACK (on_cell_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbound_cb), self);
  return self;
}

void
captioner_thumbnail_feeder_start (CaptionerThumbnailFeeder *self)
{
  g_return_if_fail (CAPTIONER_IS_THUMBNAIL_FEEDER (self));

  self->running = TRUE;
  self->generation++;
  self->next = 0;
  self->in_flight = 0;
  self->n_done = 0;
  /* The cells bound while the items went in did not ask: the first screen is at the top of
   * the folder, the first fed in order. */
  pump (self);
}

void
captioner_thumbnail_feeder_stop (CaptionerThumbnailFeeder *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  g_return_if_fail (CAPTIONER_IS_THUMBNAIL_FEEDER (self));

  self->running = FALSE;
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->requests);
  g_queue_clear_full (self->given_up, g_object_unref);
}

guint
captioner_thumbnail_feeder_get_n_done (CaptionerThumbnailFeeder *self)
{
  g_return_val_if_fail (CAPTIONER_IS_THUMBNAIL_FEEDER (self), 0);
  return self->n_done;
}
