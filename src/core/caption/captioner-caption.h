#pragma once

#include <glib.h>

#include "captioner-metadata.h"
#include "captioner-caption-style.h"

G_BEGIN_DECLS

/* Names joined in the style: "A, B and C" (serial comma: "A, B, and C"); with
 * comma_before_last a comma always goes before the conjunction ("A, left, and B, right"). */
void  captioner_caption_append_list    (GString                     *text,
                                        const CaptionerCaptionStyle *style,
                                        GPtrArray                   *items,
                                        gboolean                     comma_before_last);
/* The credit as the style writes it, with the byline where the style takes one
 * ("REUTERS/Jane Doe"); NULL when the credit is blank. */
char *captioner_caption_format_credit  (const CaptionerCaptionStyle *style,
                                        const char                  *credit,
                                        const char                  *byline);

char *captioner_caption_compose_people (const CaptionerCaptionStyle *style,
                                        const char * const          *names);
char *captioner_caption_compose        (const CaptionerCaptionStyle *style,
                                        const char * const          *names,
                                        const char                  *body,
                                        const char                  *credit);

/* The example a list of styles shows: "From left, A, B and C pose. (Reuters photo)" in
 * @style (credit "Reuters", byline "Jane Doe"). */
char  *captioner_caption_compose_example  (const CaptionerCaptionStyle *style);

/* The caption that metadata's parts compose: people left to right as displayed (orientation
 * is the photo's), the body, the credit suffix, in the stored style. */
char  *captioner_caption_compose_metadata (const CaptionerMetadata  *metadata,
                                           int                       orientation);
/* The same in a style given rather than the one stored (a preview of a style being edited). */
char  *captioner_caption_compose_metadata_styled (const CaptionerMetadata     *metadata,
                                                  int                          orientation,
                                                  const CaptionerCaptionStyle *style);
/* The people's names, left to right as displayed. */
char **captioner_caption_dup_names        (const CaptionerMetadata  *metadata,
                                           int                       orientation);

/* IPTC IIM limits Caption-Abstract to 2000 bytes. */
#define CAPTIONER_CAPTION_MAX_BYTES 2000

G_END_DECLS
