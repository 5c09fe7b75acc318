#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CHECKS_SECTION (captioner_checks_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerChecksSection, captioner_checks_section, CAPTIONER,
                      CHECKS_SECTION, CaptionerCaptionSection)

/* What the checks (captioner-caption-check.h) find in the caption as it will be stored, one
 * line each, updated as the editor types; hidden when they find nothing. */
GtkWidget  *captioner_checks_section_new      (void);
/* The findings' messages, one a line ("" when none). */
const char *captioner_checks_section_get_text (CaptionerChecksSection *self);
/* The checks not run, by id ("no-credit"; captioner_check_kind_to_id); property
 * disabled-checks. */
void        captioner_checks_section_set_disabled_checks (CaptionerChecksSection *self,
                                                          const char * const     *ids);

G_END_DECLS
