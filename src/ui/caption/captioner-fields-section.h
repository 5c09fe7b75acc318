#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_FIELDS_SECTION (captioner_fields_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerFieldsSection, captioner_fields_section, CAPTIONER,
                      FIELDS_SECTION, CaptionerCaptionSection)

/* Credit, byline, headline, event, city, country and keywords. */
GtkWidget   *captioner_fields_section_new          (void);
/* The row editing field, or NULL when this section does not show it. */
GtkEditable *captioner_fields_section_get_editable (CaptionerFieldsSection *self,
                                                    CaptionerField          field);

G_END_DECLS
