#pragma once

#include <gtk/gtk.h>

#include "captioner-photo.h"

G_BEGIN_DECLS

typedef enum
{
  CAPTIONER_PHOTO_STATE_LOADING,
  CAPTIONER_PHOTO_STATE_NOT_CAPTIONED,
  CAPTIONER_PHOTO_STATE_CAPTIONED,
  CAPTIONER_PHOTO_STATE_UNSAVED,
  CAPTIONER_PHOTO_STATE_CONFLICT,
  CAPTIONER_PHOTO_STATE_ERROR,
} CaptionerPhotoState;

#define CAPTIONER_TYPE_PHOTO_ITEM (captioner_photo_item_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPhotoItem, captioner_photo_item, CAPTIONER, PHOTO_ITEM, GObject)

/* One photo of the folder in the thumbnail grid: its file, the loaded photo, a thumbnail, the
 * editor's unsaved draft when there is one, and a state shown as a badge. */
CaptionerPhotoItem      *captioner_photo_item_new             (GFile               *file);
GFile                   *captioner_photo_item_get_file        (CaptionerPhotoItem  *self);
const char              *captioner_photo_item_get_name        (CaptionerPhotoItem  *self);
CaptionerPhoto          *captioner_photo_item_get_photo       (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_photo       (CaptionerPhotoItem  *self,
                                                               CaptionerPhoto      *photo);
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
/* The state the saved metadata gives: captioned or not (or loading). */
void                     captioner_photo_item_reset_state     (CaptionerPhotoItem  *self);
const char              *captioner_photo_item_get_error       (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_error       (CaptionerPhotoItem  *self,
                                                               const char          *message);
/* The editor's changes not yet saved, or NULL. */
const CaptionerMetadata *captioner_photo_item_get_draft       (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_draft       (CaptionerPhotoItem  *self,
                                                               const CaptionerMetadata *draft);
gboolean                 captioner_photo_item_get_loading     (CaptionerPhotoItem  *self);
void                     captioner_photo_item_set_loading     (CaptionerPhotoItem  *self,
                                                               gboolean             loading);
/* Thumbnail work: queued (waiting or being made); tried (made or failed, not to queue again). */
gboolean                 captioner_photo_item_get_thumbnail_queued (CaptionerPhotoItem *self);
void                     captioner_photo_item_set_thumbnail_queued (CaptionerPhotoItem *self,
                                                                    gboolean            queued);
gboolean                 captioner_photo_item_get_thumbnail_tried  (CaptionerPhotoItem *self);
void                     captioner_photo_item_set_thumbnail_tried  (CaptionerPhotoItem *self);

G_END_DECLS
