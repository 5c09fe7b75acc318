#pragma once

#include <adwaita.h>

#include "captioner-draft.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PREFERENCES_STYLE (captioner_preferences_style_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPreferencesStyle, captioner_preferences_style, CAPTIONER,
                      PREFERENCES_STYLE, AdwPreferencesPage)

/* The house style page: which named style new captions take (GSettings `caption-style`), its
 * words, and the shown photo's caption as that style composes it. Changing a word saves the
 * style as the user's own copy (captioner_caption_style_dup_user_file), which a desk can share
 * by putting it in a desk folder's styles/. */
void        captioner_preferences_style_set_settings (CaptionerPreferencesStyle *self,
                                                      GSettings                 *settings);
void        captioner_preferences_style_set_draft    (CaptionerPreferencesStyle *self,
                                                      CaptionerDraft            *draft);
const char *captioner_preferences_style_get_preview  (CaptionerPreferencesStyle *self);

G_END_DECLS
