#pragma once

#include <gtk/gtk.h>

#include "captioner-replacements.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CODE_EXPANDER (captioner_code_expander_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerCodeExpander, captioner_code_expander, CAPTIONER, CODE_EXPANDER,
                      GObject)

/* Code replacements as the editor types ("=lav=" becomes "Russian Foreign Minister Sergei
 * Lavrov" as soon as the closing "=" is typed) in every entry and text buffer attached. The
 * expansion is made right after the key press (in an idle, when the cursor has moved past
 * what was typed), as an edit like the editor's own: the entry's "changed" carries it to the
 * draft. A code nobody knows stays as typed; the entry is marked with the "warning" style
 * class while it holds one. Without replacements (not loaded yet) nothing happens. */
CaptionerCodeExpander *captioner_code_expander_new              (void);
CaptionerReplacements *captioner_code_expander_get_replacements (CaptionerCodeExpander *self);
void                   captioner_code_expander_set_replacements (CaptionerCodeExpander *self,
                                                                 CaptionerReplacements *codes);
void                   captioner_code_expander_attach_editable  (CaptionerCodeExpander *self,
                                                                 GtkEditable           *editable);
void                   captioner_code_expander_attach_buffer    (CaptionerCodeExpander *self,
                                                                 GtkTextBuffer         *buffer);
/* Expands what is due now (tests, or before a save). */
void                   captioner_code_expander_flush            (CaptionerCodeExpander *self);

G_END_DECLS
