#pragma once

#include <gtk/gtk.h>

#include "captioner-batch-history.h"
#include "captioner-checks-section.h"
#include "captioner-draft.h"
#include "captioner-exif.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CAPTION_PANEL (captioner_caption_panel_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerCaptionPanel, captioner_caption_panel, CAPTIONER, CAPTION_PANEL,
                      GtkWidget)

/* The caption of the current photo, in sections that each edit its draft: the people in
 * left-to-right order with editable names, the body, the caption exactly as it will be stored
 * with its length, the credit, byline, headline, event, city, country and keywords; and the
 * camera's EXIF facts.
 *
 * Property: draft (CaptionerDraft, NULL: no photo, the fields are insensitive). */
GtkWidget   *captioner_caption_panel_new                (void);
CaptionerDraft *captioner_caption_panel_get_draft       (CaptionerCaptionPanel   *self);
void        captioner_caption_panel_set_draft           (CaptionerCaptionPanel   *self,
                                                         CaptionerDraft          *draft);
void        captioner_caption_panel_set_exif            (CaptionerCaptionPanel   *self,
                                                         const CaptionerExif     *exif);
/* The editable showing a text field (caption body excluded: it is a GtkTextView). */
GtkEditable *captioner_caption_panel_get_field_editable (CaptionerCaptionPanel   *self,
                                                         CaptionerField           field);
/* The checks beside the caption (the window binds its disabled-checks to the preference). */
CaptionerChecksSection *captioner_caption_panel_get_checks_section (CaptionerCaptionPanel *self);
GtkTextView *captioner_caption_panel_get_body_view      (CaptionerCaptionPanel   *self);
/* The body of the caption in the desk's other language (the Other Language section). */
GtkEditable *captioner_caption_panel_get_language_body  (CaptionerCaptionPanel   *self);
/* The name entry of the n-th person as displayed (0 the leftmost), or NULL. */
GtkEditable *captioner_caption_panel_get_person_editable (CaptionerCaptionPanel  *self,
                                                         guint                    position);
/* The caption as it will be stored. */
const char *captioner_caption_panel_get_composed        (CaptionerCaptionPanel   *self);
/* Focuses the name entry of the person with id. */
void        captioner_caption_panel_focus_person        (CaptionerCaptionPanel   *self,
                                                         guint                    id);
/* Several photos selected (two or more desk items of desk): the fields edit all of them, as
 * batches run in history; the people and the body stay the draft's. NULL: the draft alone. */
void        captioner_caption_panel_set_selection       (CaptionerCaptionPanel   *self,
                                                         CaptionerDesk           *desk,
                                                         CaptionerBatchHistory   *history,
                                                         GPtrArray               *items);

G_END_DECLS
