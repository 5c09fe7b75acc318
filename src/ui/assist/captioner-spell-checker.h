#pragma once

#include <gtk/gtk.h>

#include "captioner-spell.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_SPELL_CHECKER (captioner_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerSpellChecker, captioner_spell_checker, CAPTIONER,
                      SPELL_CHECKER, GObject)

/* Spell check as the editor types, in the caption body (a GtkTextView) and one-line fields
 * (the GtkText of an entry): misspelled words are underlined once the editor has moved past
 * them, and the context menu (right click, or the Menu key at the word) offers the speller's
 * suggestions and "Add to Dictionary". Nothing is checked until a speller is set (opening
 * dictionaries reads files: the caller does it in a thread). */
CaptionerSpellChecker *captioner_spell_checker_new          (void);
void                   captioner_spell_checker_set_speller  (CaptionerSpellChecker *self,
                                                             CaptionerSpeller      *speller);
CaptionerSpeller      *captioner_spell_checker_get_speller  (CaptionerSpellChecker *self);
/* Names known for now (the shown photo's people, its places), besides the speller's own. */
void                   captioner_spell_checker_set_names    (CaptionerSpellChecker *self,
                                                             const char * const    *names);
void                   captioner_spell_checker_attach_view  (CaptionerSpellChecker *self,
                                                             GtkTextView           *view);
void                   captioner_spell_checker_attach_text  (CaptionerSpellChecker *self,
                                                             GtkText               *text);
/* The words underlined in @widget (an attached view or text) now, space-separated: for
 * tests. */
char                  *captioner_spell_checker_dup_flagged  (CaptionerSpellChecker *self,
                                                             GtkWidget             *widget);
/* What the context menu offers for the word at character @offset of @widget: the
 * suggestions, or NULL when the word there is not underlined. */
GStrv                  captioner_spell_checker_dup_suggestions (CaptionerSpellChecker *self,
                                                                GtkWidget             *widget,
                                                                int                    offset);

G_END_DECLS
