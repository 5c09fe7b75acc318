#define G_LOG_DOMAIN "captioner-image"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-image.h"

#define READ_CHUNK (64 * 1024)

typedef struct
{
  int max_width;
  int max_height;
} Bounds;

static double
fit_scale (int width,
           int height,
           int max_width,
           int max_height)
{
  double scale = 1.0;

  if (max_width > 0 && width > max_width)
    scale = MIN (scale, (double) max_width / width);
  if (max_height > 0 && height > max_height)
    scale = MIN (scale, (double) max_height / height);
  return scale;
}

static void
on_loader_size_prepared_cb (GdkPixbufLoader *loader,
                            int              width,
                            int              height,
                            gpointer         user_data)
{
  const Bounds *bounds = user_data;
  double upright;
  double turned;
  double scale;

  /* The orientation is not known yet at this point (the loader reads it after this signal), so
   * ask for the larger of the two scales the photo could need: it fits either way, and the
   * final fit below takes it to the exact size. The JPEG loader picks its DCT scale from this
   * size, so the full-resolution pixels are never decoded. */
  upright = fit_scale (width, height, bounds->max_width, bounds->max_height);
  turned = fit_scale (width, height, bounds->max_height, bounds->max_width);
  scale = MAX (upright, turned);
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ceil (width * scale)),
                                MAX (1, (int) ceil (height * scale)));
}

static GdkPixbuf *
fit_pixbuf (GdkPixbuf *pixbuf,
            int        max_width,
            int        max_height)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  double scale = fit_scale (width, height, max_width, max_height);
  int new_width;
  int new_height;

  if (scale >= 1.0)
    return g_object_ref (pixbuf);

  new_width = CLAMP ((int) round (width * scale), 1, max_width > 0 ? max_width : G_MAXINT);
  new_height = CLAMP ((int) round (height * scale), 1, max_height > 0 ? max_height : G_MAXINT);
  return gdk_pixbuf_scale_simple (pixbuf, new_width, new_height, GDK_INTERP_BILINEAR);
}

/* The loader for the data's format, picked by its signature: cheaper and more predictable
 * than gdk-pixbuf's sniffing through the MIME database (absent in a sandbox or a test's
 * isolated XDG_DATA_DIRS). Other formats fall back to the sniffing loader. */
GdkPixbufLoader *
captioner_image_new_loader (const guint8  *data,
                            gsize          length,
                            GError       **error)
{
  static const struct { const char *type; const char *signature; gsize length; } formats[] = {
    { "jpeg", "\xff\xd8\xff", 3 },
    { "png", "\x89PNG\r\n\x1a\n", 8 },
    { "tiff", "II*\0", 4 },
    { "tiff", "MM\0*", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (length >= formats[i].length && memcmp (data, formats[i].signature, formats[i].length) == 0)
      return gdk_pixbuf_loader_new_with_type (formats[i].type, error);
  return gdk_pixbuf_loader_new ();
}

/* Returns a new reference: pixbuf turned and flipped as EXIF orientation (1..8) says. */
GdkPixbuf *
captioner_image_apply_orientation (GdkPixbuf *pixbuf,
                                       int        orientation)
{
  g_autoptr(GdkPixbuf) step = NULL;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);

  switch (orientation)
    {
    case 2:
      return gdk_pixbuf_flip (pixbuf, TRUE);
    case 3:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
    case 4:
      return gdk_pixbuf_flip (pixbuf, FALSE);
    case 5:
      step = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      return gdk_pixbuf_flip (step, TRUE);
    case 6:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
    case 7:
      step = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      return gdk_pixbuf_flip (step, TRUE);
    case 8:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
    default:
      return g_object_ref (pixbuf);
    }
}

GdkPixbuf *
captioner_image_load (GFile         *file,
                      int            max_width,
                      int            max_height,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return captioner_image_load_oriented (file, 0, max_width, max_height, cancellable, error);
}

GdkPixbuf *
captioner_image_load_oriented (GFile         *file,
                               int            orientation,
                               int            max_width,
                               int            max_height,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *buffer = NULL;
  Bounds bounds = { max_width, max_height };
  GdkPixbuf *pixbuf;
  gboolean fed = FALSE;
  gboolean closed;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;

  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK,
                                           cancellable, &local_error);

      if (n_read < 0)
        break;
      if (loader == NULL)
        {
          loader = captioner_image_new_loader (buffer, n_read, &local_error);
          if (loader == NULL)
            goto failed;
          g_signal_connect (loader, "size-prepared",
                            G_CALLBACK (on_loader_size_prepared_cb), &bounds);
        }
      if (n_read == 0)
        {
          fed = TRUE;
          break;
        }
      if (!gdk_pixbuf_loader_write (loader, buffer, n_read, &local_error))
        break;
    }

  if (loader == NULL)
    goto failed;
  /* A loader must always be closed, even after a failure. */
  closed = gdk_pixbuf_loader_close (loader, fed ? &local_error : NULL);
  if (!fed || !closed)
    goto failed;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO,
                   _("“%s” is not an image Captioner can display"), name);
      return NULL;
    }

  /* The orientation the photo's metadata gives (a sidecar's tiff:Orientation, the user's
   * rotation in Lightroom or digiKam, wins over EXIF), else the file's own. */
  oriented = orientation > 0 ? captioner_image_apply_orientation (pixbuf, orientation)
                             : gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return fit_pixbuf (oriented, max_width, max_height);

failed:
  if (local_error->domain == GDK_PIXBUF_ERROR)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                   _("Could not display “%s”: the image is damaged or in a format "
                     "Captioner cannot read (%s)"),
                   name, local_error->message);
      return NULL;
    }
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&local_error, _("Could not read “%s”: "), name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

typedef struct
{
  GFile *file;
  int    orientation;
  Bounds bounds;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const LoadData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  pixbuf = captioner_image_load_oriented (data->file, data->orientation, data->bounds.max_width,
                                          data->bounds.max_height, cancellable, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

void
captioner_image_load_async (GFile               *file,
                            int                  max_width,
                            int                  max_height,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  captioner_image_load_oriented_async (file, 0, max_width, max_height, cancellable, callback,
                                       user_data);
}

void
captioner_image_load_oriented_async (GFile               *file,
                                     int                  orientation,
                                     int                  max_width,
                                     int                  max_height,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->orientation = orientation;
  data->bounds.max_width = max_width;
  data->bounds.max_height = max_height;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_image_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

GdkPixbuf *
captioner_image_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == captioner_image_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
