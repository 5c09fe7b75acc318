#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Decoding a photo for the screen. The pixbuf returned is oriented for display (its EXIF
 * orientation applied) and fits in max_width × max_height as displayed, keeping the aspect
 * ratio; it is never enlarged. A bound of 0 or less means no bound on that side. JPEGs are
 * decoded at a reduced DCT scale, so a 24 MP photo costs about as much as a screenful.
 * Errors name the file; a cancelled load fails with G_IO_ERROR_CANCELLED. */
GdkPixbuf *captioner_image_load        (GFile                *file,
                                        int                   max_width,
                                        int                   max_height,
                                        GCancellable         *cancellable,
                                        GError              **error);
/* The same, turned as orientation (1..8) says instead of the file's EXIF; 0: the file's. */
GdkPixbuf *captioner_image_load_oriented (GFile              *file,
                                          int                 orientation,
                                          int                 max_width,
                                          int                 max_height,
                                          GCancellable       *cancellable,
                                          GError            **error);
/* Applies an EXIF orientation (1..8) to a pixbuf (a new reference). */
GdkPixbuf *captioner_image_apply_orientation (GdkPixbuf        *pixbuf,
                                              int               orientation);
void       captioner_image_load_async  (GFile                *file,
                                        int                   max_width,
                                        int                   max_height,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
void       captioner_image_load_oriented_async (GFile           *file,
                                                int              orientation,
                                                int              max_width,
                                                int              max_height,
                                                GCancellable    *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer         user_data);
GdkPixbuf *captioner_image_load_finish (GAsyncResult         *result,
                                        GError              **error);
/* A loader chosen by the data's signature (JPEG, PNG, TIFF), without the MIME database. */
GdkPixbufLoader *captioner_image_new_loader (const guint8    *data,
                                             gsize            length,
                                             GError         **error);

G_END_DECLS
