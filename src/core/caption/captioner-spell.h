#pragma once

#include <gio/gio.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_SPELLER (captioner_speller_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerSpeller, captioner_speller, CAPTIONER, SPELLER, GObject)

#define CAPTIONER_SPELL_ERROR (captioner_spell_error_quark ())

typedef enum
{
  /* No dictionary for the language is installed (the message names the language). */
  CAPTIONER_SPELL_ERROR_NO_DICTIONARY,
} CaptionerSpellError;

GQuark captioner_spell_error_quark (void);

/* A word the dictionaries do not know, where it stands in the text checked: in characters
 * (for a GtkTextBuffer) and in bytes (for Pango attributes); end is one past the word. */
typedef struct
{
  int    start;
  int    end;
  gsize  start_byte;
  gsize  end_byte;
  char  *word;
} CaptionerMisspelling;

void captioner_misspelling_free (CaptionerMisspelling *misspelling);

/* Spell check of caption text through enchant (hunspell dictionaries first). The caption's
 * language picks the main dictionary ("en" is en_US, "hy" hy_AM, "en-GB" en_GB); a word in
 * another script is checked in that script's dictionary when one is installed (English words
 * in an Armenian caption, and the other way round), else not at all.
 *
 * Never flagged: the words of the known names (the people directory's names, short forms,
 * aliases and codes, added with add_known; the photo's people, given to check), also with an
 * Armenian case ending ("Լավրովը") or an English possessive; words in capitals ("REUTERS",
 * "IRAN-CAUCASUS"); words touching a digit ("3+3", "24MP"); codes ("=lav="), addresses and web
 * addresses. "և" is checked as "եւ", which the Armenian dictionaries know.
 *
 * Opening a dictionary reads files: do it off the window's thread. A speller is used from one
 * thread at a time. */
CaptionerSpeller *captioner_speller_new          (const char         *language,
                                                  GError            **error);
/* The main dictionary's tag ("en_US"). */
const char       *captioner_speller_get_language (CaptionerSpeller   *self);
/* Every word of @text is known from now on, for this speller only. */
void              captioner_speller_add_known    (CaptionerSpeller   *self,
                                                  const char         *text);
/* The misspelled words of @text (CaptionerMisspelling, in order); @names (may be NULL) are
 * names whose words are known for this check only. */
GPtrArray        *captioner_speller_check        (CaptionerSpeller   *self,
                                                  const char         *text,
                                                  const char * const *names);
/* Up to @max suggestions for @word, best first; empty when the dictionary has none. */
GStrv             captioner_speller_suggest      (CaptionerSpeller   *self,
                                                  const char         *word,
                                                  guint               max);
/* Adds @word to the user's own word list of its dictionary (kept by enchant, in every
 * program that uses it). */
void              captioner_speller_add_word     (CaptionerSpeller   *self,
                                                  const char         *word);
/* Findings (CaptionerFinding of kind CAPTIONER_CHECK_SPELLING) for the caption's words (the
 * body, or the caption when there is no body) and the headline; the photo's people and the
 * words of its place, event, credit, byline and source fields are known names. */
GPtrArray        *captioner_speller_check_metadata (CaptionerSpeller        *self,
                                                    const CaptionerMetadata *metadata);

/* The names check_metadata knows for a photo: its people's names and its place, event, credit,
 * byline and source fields. */
GStrv             captioner_speller_dup_names      (const CaptionerMetadata *metadata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerMisspelling, captioner_misspelling_free)

G_END_DECLS
