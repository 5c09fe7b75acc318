#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Thumbnails as the freedesktop thumbnail spec keeps them (~/.cache/thumbnails/normal|large,
 * MD5 of the URI, PNG with Thumb::URI and Thumb::MTime), so they are shared with GNOME Files. */
typedef enum
{
  CAPTIONER_THUMBNAIL_NORMAL = 128,
  CAPTIONER_THUMBNAIL_LARGE  = 256,
} CaptionerThumbnailSize;

#define CAPTIONER_TYPE_THUMBNAILER (captioner_thumbnailer_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerThumbnailer, captioner_thumbnailer, CAPTIONER, THUMBNAILER, GObject)

/* The cache file for uri (which need not exist). */
char                 *captioner_thumbnail_path_for_uri     (const char              *uri,
                                                            CaptionerThumbnailSize   size);
/* Decodes an embedded EXIF thumbnail (a small JPEG, in memory), oriented, and scaled down to
 * fit max_size (0: as stored). A folder of 10,000 keeps 10,000 of these until the decoded
 * thumbnails come: at 128 px instead of 160 they take 36 KB each, not 58. */
GdkPixbuf            *captioner_thumbnail_decode_embedded  (GBytes                  *jpeg,
                                                            int                      orientation,
                                                            int                      max_size,
                                                            GError                 **error);

/* Decodes thumbnails on two threads of low priority, reading and filling the shared cache. */
CaptionerThumbnailer *captioner_thumbnailer_new            (CaptionerThumbnailSize   size);
void                  captioner_thumbnailer_load_async     (CaptionerThumbnailer    *self,
                                                            GFile                   *file,
                                                            int                      io_priority,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
GdkPixbuf            *captioner_thumbnailer_load_finish    (CaptionerThumbnailer    *self,
                                                            GAsyncResult            *result,
                                                            GError                 **error);
/* Blocking: what a worker does. From the cache when it is fresh, else decoded and cached. */
GdkPixbuf            *captioner_thumbnail_load             (GFile                   *file,
                                                            CaptionerThumbnailSize   size,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);

G_END_DECLS
