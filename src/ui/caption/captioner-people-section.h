#pragma once

#include "captioner-caption-section.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PEOPLE_SECTION (captioner_people_section_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPeopleSection, captioner_people_section, CAPTIONER,
                      PEOPLE_SECTION, CaptionerCaptionSection)

/* The draft's people in left-to-right order as displayed, numbered as on the photo, each
 * name editable. */
GtkWidget   *captioner_people_section_new          (void);
/* The name entry of the n-th person as displayed (0 the leftmost), or NULL. */
GtkEditable *captioner_people_section_get_editable (CaptionerPeopleSection *self,
                                                    guint                   position);
/* Focuses the name entry of the person with id. */
void         captioner_people_section_focus_person (CaptionerPeopleSection *self,
                                                    guint                   id);

G_END_DECLS
