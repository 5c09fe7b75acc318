#pragma once

#include <gtk/gtk.h>

#include "captioner-photo-view.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_SHOWN_IMAGE (captioner_shown_image_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerShownImage, captioner_shown_image, CAPTIONER, SHOWN_IMAGE,
                      GObject)

/* The shown photo's pixels in a CaptionerPhotoView. It is decoded to fit the view exactly
 * (JPEG DCT scaling makes a smaller target much cheaper), so that it is drawn pixel for pixel:
 * scaling a screenful of pixels in every frame that showed it cost 20–40 ms a frame (cairo).
 * Its neighbours are decoded ahead; after a resize the shown photo is decoded again once the
 * size has settled; at 100 % it is decoded whole.
 *
 * Signals: loaded (const char *error)   the photo asked for is in the view, or could not be
 *                                        decoded (error, naming the file) */
CaptionerShownImage *captioner_shown_image_new     (CaptionerPhotoView  *view);
/* Shows placeholder (a thumbnail, or NULL) at once, then file's photo decoded for the view
 * (none when file is NULL: a photo whose header is not read yet); neighbours (NULL-terminated,
 * may be NULL) are decoded next, for the editor's next step. */
void                 captioner_shown_image_show    (CaptionerShownImage *self,
                                                    GFile               *file,
                                                    GdkTexture          *placeholder,
                                                    GFile              **neighbours);
/* The orientation the photo's metadata gives (0: the file's own), for its decodes. */
void                 captioner_shown_image_set_orientation (CaptionerShownImage *self,
                                                            GFile               *file,
                                                            int                  orientation);
/* Nothing shown, nothing on its way. */
void                 captioner_shown_image_clear   (CaptionerShownImage *self);
/* Whether the photo asked for is still being decoded. */
gboolean             captioner_shown_image_is_pending (CaptionerShownImage *self);

G_END_DECLS
