#pragma once

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* A photo's caption in another language than the main one (issue 16): the desk publishes in
 * English and Armenian. Each language ("hy", a BCP 47 tag) has its caption, stored as the
 * dc:description item with that xml:lang beside x-default (the main caption, unchanged), its
 * own body and style and the record of the caption Captioner composed, stored as the items of
 * that xml:lang in the language alternatives captioner:CaptionBodies, captioner:CaptionStyles
 * and captioner:ComposedCaptions (captioner-xmp-languages.c). Every language item another
 * program wrote (de, fr, ...) is read too and, unchanged, never written. */
typedef enum
{
  CAPTIONER_LANGUAGE_CAPTION,
  CAPTIONER_LANGUAGE_BODY,
  CAPTIONER_LANGUAGE_STYLE,
  CAPTIONER_LANGUAGE_COMPOSED,
  CAPTIONER_N_LANGUAGE_FIELDS
} CaptionerLanguageField;

/* Whether @code can name a caption language: a BCP 47 looking tag ("hy", "pt-BR"), not
 * "x-default". */
gboolean    captioner_language_is_valid        (const char              *code);
/* "caption", "body", "style", "composed": the names info --json prints. */
const char *captioner_language_field_get_name  (CaptionerLanguageField   field);

const char *captioner_metadata_get_language    (const CaptionerMetadata *metadata,
                                                const char              *language,
                                                CaptionerLanguageField   field);
/* NULL clears; a language whose parts are all NULL is no language of the photo. */
void        captioner_metadata_set_language    (CaptionerMetadata       *metadata,
                                                const char              *language,
                                                CaptionerLanguageField   field,
                                                const char              *value);
/* The languages with any part, sorted; never NULL. */
GStrv       captioner_metadata_dup_languages   (const CaptionerMetadata *metadata);
/* Whether the language's caption is another program's (captioner_caption_is_foreign). */
gboolean    captioner_metadata_language_is_foreign (const CaptionerMetadata *metadata,
                                                    const char              *language);

/* For captioner-metadata.c: the table CaptionerMetadata.languages. */
GHashTable *captioner_languages_copy           (GHashTable              *languages);
gboolean    captioner_languages_equal          (GHashTable              *a,
                                                GHashTable              *b);
/* The fields (1 << CaptionerLanguageField) that differ in @language between a and b. */
guint       captioner_languages_diff           (const CaptionerMetadata *a,
                                                const CaptionerMetadata *b,
                                                const char              *language);
/* The languages either has, sorted. */
GStrv       captioner_languages_union          (const CaptionerMetadata *a,
                                                const CaptionerMetadata *b);

G_END_DECLS
