#pragma once

#include <gtk/gtk.h>

#include "captioner-exif.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CAPTION_PANEL (captioner_caption_panel_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerCaptionPanel, captioner_caption_panel, CAPTIONER, CAPTION_PANEL,
                      GtkWidget)

/* The caption fields of the current photo: the people in left-to-right order with editable
 * names, the body, credit, byline, headline, event, city, country and keywords, the caption
 * composed exactly as it will be stored with its length, and the camera's EXIF facts.
 *
 * The panel never changes metadata itself: it emits what the editor typed and shows what it
 * is given with captioner_caption_panel_set_metadata().
 *
 * Signals:
 *   field-changed    (guint field, a CaptionerField; const char *value)
 *   keywords-changed (GStrv keywords)
 *   person-renamed   (guint index into metadata->people; const char *name)
 */
GtkWidget  *captioner_caption_panel_new                (void);
void        captioner_caption_panel_set_metadata       (CaptionerCaptionPanel   *self,
                                                        const CaptionerMetadata *metadata,
                                                        int                      orientation);
void        captioner_caption_panel_set_exif           (CaptionerCaptionPanel   *self,
                                                        const CaptionerExif     *exif);
void        captioner_caption_panel_set_sensitive_fields (CaptionerCaptionPanel *self,
                                                        gboolean                 sensitive);
/* The editable showing a text field (caption body excluded: it is a GtkTextView). */
GtkEditable *captioner_caption_panel_get_field_editable (CaptionerCaptionPanel  *self,
                                                        CaptionerField           field);
GtkTextView *captioner_caption_panel_get_body_view     (CaptionerCaptionPanel   *self);
/* The name entry of the n-th person as displayed (0 the leftmost), or NULL. */
GtkEditable *captioner_caption_panel_get_person_editable (CaptionerCaptionPanel *self,
                                                        guint                    position);
const char *captioner_caption_panel_get_composed       (CaptionerCaptionPanel   *self);
void        captioner_caption_panel_focus_person       (CaptionerCaptionPanel   *self,
                                                        guint                    index);

G_END_DECLS
