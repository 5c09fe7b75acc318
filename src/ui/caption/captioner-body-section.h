#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_BODY_SECTION (captioner_body_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerBodySection, captioner_body_section, CAPTIONER, BODY_SECTION,
                      CaptionerCaptionSection)

/* The editor's own words of the caption (what follows the names). */
GtkWidget   *captioner_body_section_new      (void);
GtkTextView *captioner_body_section_get_view (CaptionerBodySection *self);

G_END_DECLS
