#pragma once

#include <adwaita.h>

#include "captioner-desk.h"
#include "captioner-photo.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_WINDOW (captioner_window_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerWindow, captioner_window, CAPTIONER, WINDOW, AdwApplicationWindow)

CaptionerWindow *captioner_window_new              (AdwApplication   *application,
                                                    GSettings        *settings);
/* Opens photos and folders (a folder's photos, in name order); the first photo is shown. */
void             captioner_window_open             (CaptionerWindow  *self,
                                                    GFile           **files,
                                                    guint             n_files);
/* The photos of the grid (CaptionerPhotoItem). */
GListModel      *captioner_window_get_photos       (CaptionerWindow  *self);
void             captioner_window_select           (CaptionerWindow  *self,
                                                    guint             position);
guint            captioner_window_get_selected     (CaptionerWindow  *self);
/* The photo shown, once its header is loaded, else NULL. */
CaptionerPhoto  *captioner_window_get_current_photo (CaptionerWindow *self);
/* The editor's metadata for the photo shown (what Ctrl+S writes), or NULL. */
const CaptionerMetadata *captioner_window_get_draft (CaptionerWindow *self);
/* Whether photos are still loading or saving (tests wait for this to turn FALSE). */
gboolean         captioner_window_is_busy          (CaptionerWindow  *self);
/* The photos being captioned, their drafts and saves. */
CaptionerDesk   *captioner_window_get_desk         (CaptionerWindow  *self);
GtkWidget       *captioner_window_get_photo_view   (CaptionerWindow  *self);
GtkWidget       *captioner_window_get_caption_panel (CaptionerWindow *self);
/* The people directory, code replacements and templates the window offers (loaded in the
 * background: tests wait for its directory). */
GObject         *captioner_window_get_assists      (CaptionerWindow  *self);

G_END_DECLS
