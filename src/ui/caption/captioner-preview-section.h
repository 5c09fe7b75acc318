#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PREVIEW_SECTION (captioner_preview_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPreviewSection, captioner_preview_section, CAPTIONER,
                      PREVIEW_SECTION, CaptionerCaptionSection)

/* The caption exactly as it will be stored, its length against the IPTC limit, and whether
 * it is another program's, kept as it is. */
GtkWidget  *captioner_preview_section_new          (void);
const char *captioner_preview_section_get_composed (CaptionerPreviewSection *self);

G_END_DECLS
