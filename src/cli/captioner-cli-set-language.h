#pragma once

#include <glib.h>

#include "captioner-draft.h"

G_BEGIN_DECLS

/* `set --language CODE`: the caption options after it (--caption-body, --caption) apply to
 * that language, until the next --language; the options before the first one and every other
 * option apply to the main caption. */
typedef struct
{
  char *language;
  char *body;       /* NULL: not given */
  char *caption;    /* NULL: not given; "" removes the language's caption */
} CaptionerCliLanguageEdit;

/* Takes --language and the caption options that follow it out of argv (before "--"), in the
 * order given. Returns CaptionerCliLanguageEdit* (one per --language), or NULL with @error
 * set when a language is missing or no language tag. */
GPtrArray *captioner_cli_set_take_languages  (int                             *argc,
                                              char                           **argv,
                                              GError                         **error);
/* The edits of one language, after the main caption's: its body, then its verbatim caption. */
void       captioner_cli_set_apply_language  (CaptionerDraft                  *draft,
                                              const CaptionerCliLanguageEdit  *edit);

G_END_DECLS
