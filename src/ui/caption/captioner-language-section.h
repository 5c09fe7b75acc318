#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_LANGUAGE_SECTION (captioner_language_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerLanguageSection, captioner_language_section, CAPTIONER,
                      LANGUAGE_SECTION, CaptionerCaptionSection)

/* The caption in another language than the main one (a desk that publishes in English and
 * Armenian): the language, its own words after the names, and its caption as composed with
 * the people's names in that language, stored beside the main caption. The languages offered
 * are the photo's and those a house style writes (captioner-caption-style.h). */
GtkWidget   *captioner_language_section_new          (void);
/* The language shown ("hy"), and choosing it. */
const char  *captioner_language_section_get_language (CaptionerLanguageSection *self);
void         captioner_language_section_set_language (CaptionerLanguageSection *self,
                                                      const char               *language);
GtkEditable *captioner_language_section_get_body     (CaptionerLanguageSection *self);
/* The language's caption as shown. */
const char  *captioner_language_section_get_caption  (CaptionerLanguageSection *self);

G_END_DECLS
