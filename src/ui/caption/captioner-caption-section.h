#pragma once

#include <adwaita.h>

#include "captioner-draft.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CAPTION_SECTION (captioner_caption_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (CaptionerCaptionSection, captioner_caption_section, CAPTIONER,
                          CAPTION_SECTION, AdwPreferencesGroup)

/* A part of the caption panel that shows and edits the current photo's draft. It writes what
 * the editor types straight into the draft and follows the draft's "changed"; the panel only
 * hands every section the draft. A new feature of the panel is a new section.
 *
 * Subclasses implement update(): show the draft (NULL: no photo) after what changed. Widgets
 * whose text is already right are left alone, so that the cursor of the field being typed in
 * does not move. */
struct _CaptionerCaptionSectionClass
{
  AdwPreferencesGroupClass parent_class;

  void (*update) (CaptionerCaptionSection *self,
                  CaptionerDraft          *draft,
                  CaptionerDraftChanged    what);
};

CaptionerDraft *captioner_caption_section_get_draft   (CaptionerCaptionSection *self);
void            captioner_caption_section_set_draft   (CaptionerCaptionSection *self,
                                                       CaptionerDraft          *draft);
/* TRUE while update() runs: a widget's "changed" then is the section's own doing. */
gboolean        captioner_caption_section_is_updating (CaptionerCaptionSection *self);
/* Helper for sections: sets an editable's text unless it already holds it (but for spaces
 * around it). */
void            captioner_caption_section_show_text   (GtkEditable             *editable,
                                                       const char              *text);

G_END_DECLS
