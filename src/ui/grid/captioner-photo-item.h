#pragma once

#include <gtk/gtk.h>

#include "captioner-desk-item.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PHOTO_ITEM (captioner_photo_item_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPhotoItem, captioner_photo_item, CAPTIONER, PHOTO_ITEM, GObject)

/* One photo of the folder in the thumbnail grid: the desk's item (file, photo, draft, state)
 * and what only the grid needs, its thumbnail and the bookkeeping of making it. Its state is
 * the desk item's, notified as the item's own "state". */
CaptionerPhotoItem      *captioner_photo_item_new             (GFile               *file);
CaptionerPhotoItem      *captioner_photo_item_new_for_desk_item (CaptionerDeskItem *desk_item);
CaptionerDeskItem       *captioner_photo_item_get_desk_item   (CaptionerPhotoItem  *self);
GFile                   *captioner_photo_item_get_file        (CaptionerPhotoItem  *self);
const char              *captioner_photo_item_get_name        (CaptionerPhotoItem  *self);
CaptionerPhoto          *captioner_photo_item_get_photo       (CaptionerPhotoItem  *self);
GdkTexture              *captioner_photo_item_get_thumbnail   (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_thumbnail   (CaptionerPhotoItem  *self,
                                                               GdkTexture          *thumbnail,
                                                               gboolean             decoded);
gboolean                 captioner_photo_item_has_decoded_thumbnail (CaptionerPhotoItem *self);
CaptionerPhotoState      captioner_photo_item_get_state       (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_state       (CaptionerPhotoItem  *self,
                                                               CaptionerPhotoState  state);
/* The badge of a state: a symbolic icon name (NULL: none) and a style class. */
const char              *captioner_photo_item_state_icon_name (CaptionerPhotoState state);
const char              *captioner_photo_item_state_class     (CaptionerPhotoState state);
/* "NAME — state" (or the error), for the grid's tooltip and screen readers. */
char                    *captioner_photo_item_dup_description (CaptionerPhotoItem  *self);
const char              *captioner_photo_item_get_error       (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_error       (CaptionerPhotoItem  *self,
                                                               const char          *message);
/* The editor's changes not yet saved, or NULL. */
const CaptionerMetadata *captioner_photo_item_get_draft       (CaptionerPhotoItem  *self);
/* Thumbnail work: queued (waiting or being made); tried (made or failed, not to queue again). */
gboolean                 captioner_photo_item_get_thumbnail_queued (CaptionerPhotoItem *self);
void                     captioner_photo_item_set_thumbnail_queued (CaptionerPhotoItem *self,
                                                                    gboolean            queued);
gboolean                 captioner_photo_item_get_thumbnail_tried  (CaptionerPhotoItem *self);
void                     captioner_photo_item_set_thumbnail_tried  (CaptionerPhotoItem *self);

G_END_DECLS
