#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "captioner-draft.h"
#include "captioner-photo.h"

G_BEGIN_DECLS

/* Where a photo of the desk is, as its badge shows it. */
typedef enum
{
  CAPTIONER_PHOTO_STATE_LOADING,
  CAPTIONER_PHOTO_STATE_NOT_CAPTIONED,
  CAPTIONER_PHOTO_STATE_CAPTIONED,
  CAPTIONER_PHOTO_STATE_UNSAVED,
  CAPTIONER_PHOTO_STATE_CONFLICT,
  CAPTIONER_PHOTO_STATE_ERROR,
  CAPTIONER_PHOTO_STATE_SAVING,
} CaptionerPhotoState;

#define CAPTIONER_TYPE_DESK_ITEM (captioner_desk_item_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerDeskItem, captioner_desk_item, CAPTIONER, DESK_ITEM, GObject)

/* One photo of a desk: its file, the photo once its header is read, the editor's draft once
 * asked for, and its state. The state follows from the rest: an error (it could not be read
 * or saved), a conflict (the sidecar changed on disk, or another program's caption would be
 * replaced), saving, unsaved (the draft differs from what is saved), loading, or captioned or
 * not. Only the desk changes an item, apart from the state a test may force.
 *
 * Properties: file, name, photo, draft, state, error, loading, saving, preview.
 * Signals: edited ()   its draft changed */
CaptionerDeskItem   *captioner_desk_item_new           (GFile             *file);
GFile               *captioner_desk_item_get_file      (CaptionerDeskItem *self);
const char          *captioner_desk_item_get_name      (CaptionerDeskItem *self);
CaptionerPhoto      *captioner_desk_item_get_photo     (CaptionerDeskItem *self);
void                 captioner_desk_item_set_photo     (CaptionerDeskItem *self,
                                                        CaptionerPhoto    *photo);
/* The draft, made from the photo the first time it is asked for; NULL before the photo. */
CaptionerDraft      *captioner_desk_item_get_draft     (CaptionerDeskItem *self);
/* The one showing the draft is done with it: it goes when it has no changes left to save. */
void                 captioner_desk_item_release_draft (CaptionerDeskItem *self);
/* The draft if one was made, without making one. */
CaptionerDraft      *captioner_desk_item_peek_draft    (CaptionerDeskItem *self);
/* Whether there are edits not on disk (a draft that differs from what was saved). */
gboolean             captioner_desk_item_is_dirty      (CaptionerDeskItem *self);
CaptionerPhotoState  captioner_desk_item_get_state     (CaptionerDeskItem *self);
void                 captioner_desk_item_set_state     (CaptionerDeskItem *self,
                                                        CaptionerPhotoState state);
/* Why it could not be read or saved, or what conflicts; NULL when nothing is wrong. */
const char          *captioner_desk_item_get_error     (CaptionerDeskItem *self);
void                 captioner_desk_item_set_error     (CaptionerDeskItem *self,
                                                        const char        *message);
/* A conflict: the sidecar changed on disk, or a save would replace another program's
 * caption. Cleared by a save that succeeds or a reload. */
gboolean             captioner_desk_item_get_conflict  (CaptionerDeskItem *self);
void                 captioner_desk_item_set_conflict  (CaptionerDeskItem *self,
                                                        const GError      *error);
/* A conflict with another program's save of the sidecar: the merge of both versions, whose
 * conflicts the editor resolves (captioner_desk_resolve), and what is on disk; or NULL. */
const CaptionerMerge *captioner_desk_item_get_merge (CaptionerDeskItem *self);
CaptionerPhoto      *captioner_desk_item_get_theirs    (CaptionerDeskItem *self);
/* The kind of conflict (CAPTIONER_ERROR_CONFLICT or _CAPTION_CHANGED), 0 when none. */
int                  captioner_desk_item_get_conflict_code (CaptionerDeskItem *self);
gboolean             captioner_desk_item_get_loading   (CaptionerDeskItem *self);
void                 captioner_desk_item_set_loading   (CaptionerDeskItem *self,
                                                        gboolean           loading);
gboolean             captioner_desk_item_get_saving    (CaptionerDeskItem *self);
/* The EXIF thumbnail decoded beside the header, for the grid until its own thumbnail comes;
 * whoever shows it takes it (set NULL). */
GdkPixbuf           *captioner_desk_item_get_preview   (CaptionerDeskItem *self);
void                 captioner_desk_item_set_preview   (CaptionerDeskItem *self,
                                                        GdkPixbuf         *preview);
/* The style a new draft composes in when its photo has none stored. */
void                 captioner_desk_item_set_default_style (CaptionerDeskItem *self,
                                                            const char        *style);

G_END_DECLS
