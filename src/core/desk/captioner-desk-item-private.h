#pragma once

#include "captioner-desk-item.h"

G_BEGIN_DECLS

/* What only the desk changes in an item (captioner-desk.c, captioner-desk-save.c). */
void     captioner_desk_item_update_state    (CaptionerDeskItem *self);
void     captioner_desk_item_set_saving      (CaptionerDeskItem *self,
                                              gboolean           saving);
/* A save asked for while one was in flight: done when that one ends. */
void     captioner_desk_item_set_save_again  (CaptionerDeskItem *self);
gboolean captioner_desk_item_take_save_again (CaptionerDeskItem *self);
/* A released draft goes once it has nothing left to save. */
void     captioner_desk_item_release_if_clean (CaptionerDeskItem *self);

/* A conflict the editor resolves: takes merge and a reference to theirs. */
void     captioner_desk_item_set_merge        (CaptionerDeskItem *self,
                                               const GError      *error,
                                               CaptionerMerge    *merge,
                                               CaptionerPhoto    *theirs);
void     captioner_desk_item_adopt_photo      (CaptionerDeskItem *self,
                                               CaptionerPhoto    *photo);

G_END_DECLS
