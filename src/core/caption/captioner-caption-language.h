#pragma once

#include <glib.h>

#include "captioner-caption.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

/* A caption in another language than the main one (captioner-metadata-language.h), composed
 * by the main composer (captioner_caption_compose_metadata: rows, positions, names left to
 * right) over a view of the photo in that language: the people's names in it, its body and
 * its style; the credit is the photo's. */

/* The name in @language of the person the photo calls @name (a new string), or NULL when
 * there is none: the main name stays. The people directory gives one
 * (captioner_people_directory_translate_name); caption/ knows nothing of desk/. */
typedef char *(*CaptionerNameTranslateFunc) (const char *name,
                                             const char *language,
                                             gpointer    user_data);

/* The style a language's caption is composed in: the one stored with it, else the bundled
 * style named like the language ("hy"), else the main caption's. Its id is what is stored. */
const char        *captioner_caption_language_style_id (const CaptionerMetadata   *metadata,
                                                        const char                *language);
/* The photo as @language sees it: a copy whose people have their names in it (translate may
 * be NULL: the main names), whose body and style are the language's. */
CaptionerMetadata *captioner_caption_language_view     (const CaptionerMetadata   *metadata,
                                                        const char                *language,
                                                        CaptionerNameTranslateFunc translate,
                                                        gpointer                   user_data);
/* The caption in @language of the photo: "" when it has nothing to say. */
char              *captioner_caption_compose_language  (const CaptionerMetadata   *metadata,
                                                        int                        orientation,
                                                        const char                *language,
                                                        CaptionerNameTranslateFunc translate,
                                                        gpointer                   user_data);

G_END_DECLS
