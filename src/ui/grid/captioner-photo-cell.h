#pragma once

#include <gtk/gtk.h>

#include "captioner-photo-item.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PHOTO_CELL (captioner_photo_cell_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPhotoCell, captioner_photo_cell, CAPTIONER, PHOTO_CELL, GtkWidget)

/* One photo in the thumbnail grid: its thumbnail, its state as a badge, its file name, and a
 * tooltip saying both. The cell follows the item it shows until given another. */
GtkWidget          *captioner_photo_cell_new          (void);
CaptionerPhotoItem *captioner_photo_cell_get_item     (CaptionerPhotoCell *self);
void                captioner_photo_cell_set_item     (CaptionerPhotoCell *self,
                                                       CaptionerPhotoItem *item);
/* What the cell draws: the thumbnail (NULL: none yet), the badge's state ("none",
 * "captioned", "unsaved", "conflict" or "error") and icon (NULL: no badge), and the name. */
GdkTexture         *captioner_photo_cell_get_thumbnail (CaptionerPhotoCell *self);
const char         *captioner_photo_cell_get_badge_class (CaptionerPhotoCell *self);
const char         *captioner_photo_cell_get_badge_icon_name (CaptionerPhotoCell *self);
const char         *captioner_photo_cell_get_name     (CaptionerPhotoCell *self);
/* A list item factory that makes these cells, for a GtkGridView of CaptionerPhotoItems. */
GtkListItemFactory *captioner_photo_cell_new_factory  (void);

G_END_DECLS
