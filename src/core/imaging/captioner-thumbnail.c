#define G_LOG_DOMAIN "captioner-thumbnail"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "captioner-image.h"
#include "captioner-thumbnail.h"
#include "captioner-worker.h"

#define READ_CHUNK 65536
/* Decoding is CPU-bound: one thread a core of the machines desks use (2). */
#define THREADS 2
/* Far below the window: against its thread a thread at nice 15 gets about 1/30 of a core
 * when both want one (1/10 at nice 10, which took enough from the window to push the frame
 * painting a folder's first screen past 50 ms in 6 of 8 cold runs). Not 19 (1/70): a thread
 * preempted while holding one of GObject's global locks waits that much longer for a core,
 * and the window waits for the lock. When the window is idle, which is nearly always, the
 * threads get the cores all the same. */
#define THREAD_NICENESS 15

struct _CaptionerThumbnailer
{
  GObject                 parent_instance;
  CaptionerWorker        *worker;
  CaptionerThumbnailSize  size;
};

G_DEFINE_FINAL_TYPE (CaptionerThumbnailer, captioner_thumbnailer, G_TYPE_OBJECT)

typedef struct
{
  int size;
  int original_width;
  int original_height;
} Prepare;

static const char *
size_folder (CaptionerThumbnailSize size)
{
  return size == CAPTIONER_THUMBNAIL_LARGE ? "large" : "normal";
}

char *
captioner_thumbnail_path_for_uri (const char             *uri,
                                  CaptionerThumbnailSize  size)
{
  g_autofree char *md5 = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  name = g_strconcat (md5, ".png", NULL);
  return g_build_filename (g_get_user_cache_dir (), "thumbnails", size_folder (size), name, NULL);
}

GdkPixbuf *
captioner_thumbnail_decode_embedded (GBytes  *jpeg,
                                     int      orientation,
                                     int      max_size,
                                     GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  GdkPixbuf *pixbuf;
  int width, height;

  g_return_val_if_fail (jpeg != NULL, NULL);

  loader = gdk_pixbuf_loader_new_with_type ("jpeg", error);
  if (loader == NULL)
    return NULL;
  if (!gdk_pixbuf_loader_write_bytes (loader, jpeg, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The embedded thumbnail is empty"));
      return NULL;
    }
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  if (max_size > 0 && MAX (width, height) > max_size)
    {
      double scale = (double) max_size / MAX (width, height);

      scaled = gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)),
                                        GDK_INTERP_BILINEAR);
      pixbuf = scaled;
    }
  return captioner_image_apply_orientation (pixbuf, orientation);
}

static void
on_loader_size_prepared_cb (GdkPixbufLoader *loader,
                            int              width,
                            int              height,
                            gpointer         user_data)
{
  Prepare *prepare = user_data;
  double scale;

  prepare->original_width = width;
  prepare->original_height = height;
  if (width <= prepare->size && height <= prepare->size)
    return;
  scale = MIN ((double) prepare->size / width, (double) prepare->size / height);
  /* The JPEG loader decodes at 1/2, 1/4 or 1/8 of the size (DCT scaling) before scaling. */
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/* Decodes file scaled to fit in size, reading its EXIF orientation as the loader reports it. */
static GdkPixbuf *
decode_scaled (GFile         *file,
               int            size,
               Prepare       *prepare,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;
  const char *orientation;

  prepare->size = size;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK,
                                      cancellable, &local_error);
      if (n < 0)
        {
          if (loader != NULL)
            gdk_pixbuf_loader_close (loader, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (loader == NULL)
        {
          loader = captioner_image_new_loader (buffer, n, NULL);
          if (loader == NULL)
            loader = gdk_pixbuf_loader_new ();
          g_signal_connect (loader, "size-prepared", G_CALLBACK (on_loader_size_prepared_cb),
                            prepare);
        }
      if (n == 0)
        break;
      if (!gdk_pixbuf_loader_write (loader, buffer, n, &local_error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The image could not be decoded"));
      return NULL;
    }
  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  return captioner_image_apply_orientation (pixbuf,
                                                orientation ? atoi (orientation) : 1);
}

static GdkPixbuf *
load_cached (const char *path,
             const char *uri,
             const char *mtime)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) cached = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  if (loader == NULL)
    return NULL;
  if (!gdk_pixbuf_loader_write (loader, (const guchar *) data, length, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL))
    return NULL;
  cached = g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
  if (
      g_strcmp0 (gdk_pixbuf_get_option (cached, "tEXt::Thumb::URI"), uri) != 0 ||
      g_strcmp0 (gdk_pixbuf_get_option (cached, "tEXt::Thumb::MTime"), mtime) != 0)
    return NULL;
  return g_steal_pointer (&cached);
}

/* Writes the cache file atomically with mode 0600; a cache that cannot be written (read-only
 * home) is not an error for the editor. */
static void
store_cached (GdkPixbuf     *thumbnail,
              const char    *path,
              const char    *uri,
              const char    *mtime,
              goffset        file_size,
              const Prepare *prepare)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *size_text = g_strdup_printf ("%" G_GOFFSET_FORMAT, file_size);
  g_autofree char *width_text = g_strdup_printf ("%d", prepare->original_width);
  g_autofree char *height_text = g_strdup_printf ("%d", prepare->original_height);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Cannot create %s: %s", dir, g_strerror (errno));
      return;
    }
  if (!gdk_pixbuf_save_to_buffer (thumbnail, &data, &length, "png", &error,
                                  "tEXt::Thumb::URI", uri,
                                  "tEXt::Thumb::MTime", mtime,
                                  "tEXt::Thumb::Size", size_text,
                                  "tEXt::Thumb::Image::Width", width_text,
                                  "tEXt::Thumb::Image::Height", height_text,
                                  "tEXt::Software", "Captioner",
                                  NULL) ||
      !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_debug ("Cannot write thumbnail %s: %s", path, error->message);
}

GdkPixbuf *
captioner_thumbnail_load (GFile                   *file,
                          CaptionerThumbnailSize   size,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *mtime = NULL;
  g_autoptr(GError) local_error = NULL;
  Prepare prepare = { 0 };
  GdkPixbuf *cached;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  uri = g_file_get_uri (file);
  path = captioner_thumbnail_path_for_uri (uri, size);
  mtime = g_strdup_printf ("%" G_GUINT64_FORMAT,
                           g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));

  cached = load_cached (path, uri, mtime);
  if (cached != NULL)
    return cached;

  thumbnail = decode_scaled (file, size, &prepare, cancellable, &local_error);
  if (thumbnail == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot make a thumbnail of “%s”: %s"), name, local_error->message);
      return NULL;
    }
  store_cached (thumbnail, path, uri, mtime, g_file_info_get_size (info), &prepare);
  return g_steal_pointer (&thumbnail);
}

typedef struct
{
  GFile                  *file;
  CaptionerThumbnailSize  size;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->file);
  g_free (job);
}

static gpointer
run_job (gpointer       task_data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = task_data;

  return captioner_thumbnail_load (job->file, job->size, cancellable, error);
}

static void
captioner_thumbnailer_finalize (GObject *object)
{
  CaptionerThumbnailer *self = CAPTIONER_THUMBNAILER (object);

  /* Queued work returns at once as cancelled; this waits for the thumbnails being made. */
  g_clear_object (&self->worker);
  G_OBJECT_CLASS (captioner_thumbnailer_parent_class)->finalize (object);
}

static void
captioner_thumbnailer_class_init (CaptionerThumbnailerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_thumbnailer_finalize;
}

static void
captioner_thumbnailer_init (CaptionerThumbnailer *self)
{
  /* Thumbnails are made while the editor works: their threads give way to the window and to
   * the photo the editor is waiting for, so that loading a folder never makes it stutter. */
  self->worker = captioner_worker_new (THREADS, THREAD_NICENESS);
}

CaptionerThumbnailer *
captioner_thumbnailer_new (CaptionerThumbnailSize size)
{
  CaptionerThumbnailer *self = g_object_new (CAPTIONER_TYPE_THUMBNAILER, NULL);

  self->size = size;
  return self;
}

/* Queued by priority (lower first: the photos on screen before the rest of the folder), then
 * first come, first served. The task does not keep the thumbnailer alive; dropping the
 * thumbnailer cancels what is queued. */
void
captioner_thumbnailer_load_async (CaptionerThumbnailer *self,
                                  GFile                *file,
                                  int                   io_priority,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CAPTIONER_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  job->size = self->size;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_thumbnailer_load_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  captioner_worker_run (self->worker, task, run_job, g_object_unref);
}

GdkPixbuf *
captioner_thumbnailer_load_finish (CaptionerThumbnailer  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
