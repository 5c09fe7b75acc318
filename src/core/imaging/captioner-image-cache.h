#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_IMAGE_CACHE (captioner_image_cache_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerImageCache, captioner_image_cache, CAPTIONER, IMAGE_CACHE, GObject)

/* The last few photos decoded at screen size, so that stepping back and forth is a texture
 * swap, and the neighbours of the shown photo decoded ahead of the editor. Main thread only;
 * decoding runs in worker threads through captioner_image_load_async. */
CaptionerImageCache *captioner_image_cache_new         (guint                 capacity);
/* Another size (the window was resized) drops what was decoded for the old one: photos are
 * decoded to fit the view exactly, so that drawing them scales nothing. Returns whether the
 * size changed. */
gboolean             captioner_image_cache_set_size    (CaptionerImageCache  *self,
                                                        int                   max_width,
                                                        int                   max_height);
/* The decoded photo when it is ready, else NULL. */
GdkPixbuf           *captioner_image_cache_lookup      (CaptionerImageCache  *self,
                                                        GFile                *file);
void                 captioner_image_cache_load_async  (CaptionerImageCache  *self,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GdkPixbuf           *captioner_image_cache_load_finish (CaptionerImageCache  *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* The orientation file's metadata gives (a sidecar's wins over EXIF; 0: the file's own), for
 * every decode of it from now on. */
void                 captioner_image_cache_set_orientation (CaptionerImageCache *self,
                                                            GFile               *file,
                                                            int                  orientation);
int                  captioner_image_cache_get_orientation (CaptionerImageCache *self,
                                                            GFile               *file);
/* Starts decoding file unless it is decoded or being decoded; nobody waits for it. */
void                 captioner_image_cache_preload     (CaptionerImageCache  *self,
                                                        GFile                *file);

G_END_DECLS
