#pragma once

#include <glib-object.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_HISTORY (captioner_history_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerHistory, captioner_history, CAPTIONER, HISTORY, GObject)

/* Undo/redo for one photo's metadata, as a list of snapshots. Edits that share a group (typing
 * in one field) replace the top snapshot instead of adding one, so one undo takes back the run. */
CaptionerHistory        *captioner_history_new         (guint                    limit);
void                     captioner_history_reset       (CaptionerHistory        *self,
                                                        const CaptionerMetadata *initial);
gboolean                 captioner_history_push        (CaptionerHistory        *self,
                                                        const CaptionerMetadata *state,
                                                        const char              *group);
void                     captioner_history_break_group (CaptionerHistory        *self);
gboolean                 captioner_history_can_undo    (CaptionerHistory        *self);
gboolean                 captioner_history_can_redo    (CaptionerHistory        *self);
const CaptionerMetadata *captioner_history_undo        (CaptionerHistory        *self);
const CaptionerMetadata *captioner_history_redo        (CaptionerHistory        *self);
const CaptionerMetadata *captioner_history_get_current (CaptionerHistory        *self);

G_END_DECLS
