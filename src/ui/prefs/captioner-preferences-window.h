#pragma once

#include <adwaita.h>

#include "captioner-draft.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PREFERENCES_WINDOW (captioner_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPreferencesWindow, captioner_preferences_window, CAPTIONER,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The program's preferences, every one a GSettings key of @settings and applied as it is
 * changed: the house style (with a preview of the shown photo's caption), which caption checks
 * run, saving, face suggestions, the code delimiter and the shared desk folders. */
GtkWidget  *captioner_preferences_window_new         (GtkWindow                  *parent,
                                                      GSettings                  *settings);
/* The photo whose caption the style page shows as it would be composed; NULL: a sample. */
void        captioner_preferences_window_set_draft   (CaptionerPreferencesWindow *self,
                                                      CaptionerDraft             *draft);
/* The preview's text, as shown. */
const char *captioner_preferences_window_get_preview (CaptionerPreferencesWindow *self);

G_END_DECLS
