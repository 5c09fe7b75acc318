#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text as a search compares it: case folded, compatibility-decomposed, without accents and
 * other combining marks, without punctuation and symbols ("Amir-Abdollahian" and
 * "amirabdollahian" fold alike), Latin letters that do not decompose spelt out in ASCII
 * ("ø" → "o", "ł" → "l", "ß" → "ss"), runs of white space as one space, trimmed. Scripts other
 * than Latin keep their letters: Armenian folds to lower case Armenian, so it still matches
 * itself. Never NULL; NULL folds to "". */
char *captioner_text_fold (const char *text);

G_END_DECLS
