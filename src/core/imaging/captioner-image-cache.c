#define G_LOG_DOMAIN "captioner-image-cache"

#include "config.h"

#include "captioner-image.h"
#include "captioner-image-cache.h"
#include "captioner-worker.h"

/* Photos decoded ahead of the editor wait in one thread below the window's priority. Run
 * beside the photo being shown (three at once when a folder opens), they took both cores from
 * the window and starved lower-priority threads holding locks the window needed, which held
 * frames up for 70 ms. */
#define AHEAD_THREADS   1
#define AHEAD_NICENESS 10

typedef struct _Decode Decode;

typedef struct
{
  GdkPixbuf *pixbuf;   /* NULL while decoding */
  GError    *error;    /* a failed decode, kept so waiters hear about it */
  GPtrArray *waiters;  /* GTask */
  guint64    used;     /* the cache's clock when last asked for */
  guint      generation;
  Decode    *ahead;    /* the decode queued or running ahead of the editor, not owned */
} Entry;

struct _CaptionerImageCache
{
  GObject       parent_instance;

  guint         capacity;
  int           max_width;
  int           max_height;
  GHashTable   *entries;     /* "generation\nuri" → Entry */
  guint64       clock;
  guint         generation;  /* bumped by a new size: older decodes are not kept */
  GCancellable *cancellable; /* cancels every decode in flight, on dispose */
  GHashTable   *orientations; /* uri → orientation the photo's metadata gives */
  CaptionerWorker *ahead_worker;
};

G_DEFINE_FINAL_TYPE (CaptionerImageCache, captioner_image_cache, G_TYPE_OBJECT)

static char *
entry_key (CaptionerImageCache *self,
           GFile               *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_strdup_printf ("%u\n%s", self->generation, uri);
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->pixbuf);
  g_clear_error (&entry->error);
  g_clear_pointer (&entry->waiters, g_ptr_array_unref);
  g_free (entry);
}

static void
captioner_image_cache_dispose (GObject *object)
{
  CaptionerImageCache *self = CAPTIONER_IMAGE_CACHE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->ahead_worker);  /* waits for a decode running, cancelled above */
  G_OBJECT_CLASS (captioner_image_cache_parent_class)->dispose (object);
}

static void
captioner_image_cache_finalize (GObject *object)
{
  CaptionerImageCache *self = CAPTIONER_IMAGE_CACHE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->orientations, g_hash_table_unref);
  G_OBJECT_CLASS (captioner_image_cache_parent_class)->finalize (object);
}

static void
captioner_image_cache_class_init (CaptionerImageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_image_cache_dispose;
  object_class->finalize = captioner_image_cache_finalize;
}

static void
captioner_image_cache_init (CaptionerImageCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
  self->ahead_worker = captioner_worker_new (AHEAD_THREADS, AHEAD_NICENESS);
  self->orientations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CaptionerImageCache *
captioner_image_cache_new (guint capacity)
{
  CaptionerImageCache *self = g_object_new (CAPTIONER_TYPE_IMAGE_CACHE, NULL);

  self->capacity = MAX (capacity, 1);
  return self;
}

gboolean
captioner_image_cache_set_size (CaptionerImageCache *self,
                                int                  max_width,
                                int                  max_height)
{
  g_return_val_if_fail (CAPTIONER_IS_IMAGE_CACHE (self), FALSE);

  /* Photos are decoded to be drawn pixel for pixel: another size needs new decodes. */
  if (max_width == self->max_width && max_height == self->max_height)
    return FALSE;
  self->max_width = max_width;
  self->max_height = max_height;
  self->generation++;

  /* Decoded entries are for the old size; entries still decoding keep their waiters and are
   * answered with what they decode, but not kept. */
  {
    GHashTableIter iter;
    Entry *entry;

    g_hash_table_iter_init (&iter, self->entries);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
      if (entry->pixbuf != NULL || entry->error != NULL)
        g_hash_table_iter_remove (&iter);
  }
  return TRUE;
}

/* Drops the least recently asked-for decoded photos beyond the capacity. */
static void
evict (CaptionerImageCache *self)
{
  for (;;)
    {
      GHashTableIter iter;
      const char *key, *oldest_key = NULL;
      Entry *entry, *oldest = NULL;
      guint count = 0;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &entry))
        {
          count++;
          if (entry->waiters->len == 0 && (entry->pixbuf != NULL || entry->error != NULL) &&
              (oldest == NULL || entry->used < oldest->used))
            {
              oldest = entry;
              oldest_key = key;
            }
        }
      if (count <= self->capacity || oldest == NULL)
        return;
      g_hash_table_remove (self->entries, oldest_key);
    }
}

/* A decode queued ahead can be taken over by the editor asking for its photo: it is then
 * started again where the editor's photos are decoded, and skipped where it was queued. */
enum { DECODE_QUEUED, DECODE_RUNNING, DECODE_TAKEN_OVER };

struct _Decode
{
  CaptionerImageCache *self;   /* not owned: dispose cancels every decode first */
  char                *key;
  GFile               *file;
  int                  max_width;
  int                  max_height;
  int                  orientation;  /* 0: the file's own */
  int                  state;  /* atomic */
};

static void
decode_free (Decode *decode)
{
  g_free (decode->key);
  g_clear_object (&decode->file);
  g_free (decode);
}

static gpointer
decode_photo (gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Decode *decode = task_data;

  if (!g_atomic_int_compare_and_exchange (&decode->state, DECODE_QUEUED, DECODE_RUNNING))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Taken over");
      return NULL;
    }
  return captioner_image_load_oriented (decode->file, decode->orientation, decode->max_width,
                                        decode->max_height, cancellable, error);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GdkPixbuf *pixbuf = decode_photo (task_data, cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
on_decoded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Decode *decode = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiters = NULL;
  CaptionerImageCache *self;
  const char *key = decode->key;
  Entry *entry;

  /* A cancelled task reports G_IO_ERROR_CANCELLED whatever it decoded, so after dispose this
   * returns before touching the cache; so does a decode taken over. */
  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = decode->self;
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return;
  if (entry->ahead == decode)
    entry->ahead = NULL;

  waiters = g_steal_pointer (&entry->waiters);
  entry->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (g_task_return_error_if_cancelled (task))
        continue;
      if (pixbuf != NULL)
        g_task_return_pointer (task, g_object_ref (pixbuf), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }

  if (entry->generation != self->generation)
    {
      g_hash_table_remove (self->entries, key);  /* decoded for an old size */
      return;
    }
  entry->pixbuf = g_steal_pointer (&pixbuf);
  entry->error = g_steal_pointer (&error);
  evict (self);
}

/* Decodes file for entry: ahead of the editor in the worker kept for that, else at once. */
static void
run_decode (CaptionerImageCache *self,
            Entry               *entry,
            GFile               *file,
            const char          *key,
            gboolean             ahead)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_decoded_cb, NULL);
  Decode *decode = g_new0 (Decode, 1);

  decode->self = self;
  decode->key = g_strdup (key);
  decode->file = g_object_ref (file);
  decode->max_width = self->max_width;
  decode->max_height = self->max_height;
  {
    g_autofree char *uri = g_file_get_uri (file);

    decode->orientation = GPOINTER_TO_INT (g_hash_table_lookup (self->orientations, uri));
  }
  decode->state = DECODE_QUEUED;
  g_task_set_source_tag (task, run_decode);
  g_task_set_task_data (task, decode, (GDestroyNotify) decode_free);
  if (ahead)
    {
      entry->ahead = decode;
      captioner_worker_run (self->ahead_worker, task, decode_photo, g_object_unref);
    }
  else
    g_task_run_in_thread (task, decode_thread);
}

static Entry *
start_decode (CaptionerImageCache *self,
              GFile               *file,
              const char          *key,
              gboolean             ahead)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  entry->generation = self->generation;
  g_hash_table_insert (self->entries, g_strdup (key), entry);
  run_decode (self, entry, file, key, ahead);
  return entry;
}

GdkPixbuf *
captioner_image_cache_lookup (CaptionerImageCache *self,
                              GFile               *file)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_val_if_fail (CAPTIONER_IS_IMAGE_CACHE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  key = entry_key (self, file);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL || entry->pixbuf == NULL)
    return NULL;
  entry->used = ++self->clock;
  return g_object_ref (entry->pixbuf);
}

void
captioner_image_cache_load_async (CaptionerImageCache *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_if_fail (CAPTIONER_IS_IMAGE_CACHE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_image_cache_load_async);

  key = entry_key (self, file);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry != NULL && entry->error != NULL)
    {
      /* Try again: the file may have been fixed or finished copying since. */
      g_hash_table_remove (self->entries, key);
      entry = NULL;
    }
  if (entry == NULL)
    entry = start_decode (self, file, key, FALSE);
  else if (entry->ahead != NULL &&
           g_atomic_int_compare_and_exchange (&entry->ahead->state, DECODE_QUEUED,
                                              DECODE_TAKEN_OVER))
    {
      /* Still queued behind other photos decoded ahead: the editor is waiting for it now. */
      entry->ahead = NULL;
      run_decode (self, entry, file, key, FALSE);
    }
  entry->used = ++self->clock;

  if (entry->pixbuf != NULL)
    g_task_return_pointer (task, g_object_ref (entry->pixbuf), g_object_unref);
  else
    g_ptr_array_add (entry->waiters, g_steal_pointer (&task));
}

GdkPixbuf *
captioner_image_cache_load_finish (CaptionerImageCache  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
captioner_image_cache_preload (CaptionerImageCache *self,
                               GFile               *file)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_if_fail (CAPTIONER_IS_IMAGE_CACHE (self));
  g_return_if_fail (G_IS_FILE (file));

  key = entry_key (self, file);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    entry = start_decode (self, file, key, TRUE);
  entry->used = ++self->clock;
}

void
captioner_image_cache_set_orientation (CaptionerImageCache *self,
                                       GFile               *file,
                                       int                  orientation)
{
  g_autofree char *uri = NULL;
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_if_fail (CAPTIONER_IS_IMAGE_CACHE (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  if (GPOINTER_TO_INT (g_hash_table_lookup (self->orientations, uri)) == orientation)
    return;
  g_hash_table_replace (self->orientations, g_steal_pointer (&uri), GINT_TO_POINTER (orientation));
  /* Decoded the other way: decoded again when asked for. */
  key = entry_key (self, file);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry != NULL && entry->pixbuf != NULL)
    g_hash_table_remove (self->entries, key);
}

int
captioner_image_cache_get_orientation (CaptionerImageCache *self,
                                       GFile               *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (CAPTIONER_IS_IMAGE_CACHE (self), 0);
  uri = g_file_get_uri (file);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->orientations, uri));
}
