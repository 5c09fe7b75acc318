#pragma once

#include "captioner-batch-history.h"
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
/* Several photos selected (two or more desk items): the rows edit all of them at once, as
 * batches run in history; NULL items: the draft's alone. */
void         captioner_fields_section_set_selection (CaptionerFieldsSection *self,
                                                     CaptionerDesk          *desk,
                                                     CaptionerBatchHistory  *history,
                                                     GPtrArray              *items);

G_END_DECLS
