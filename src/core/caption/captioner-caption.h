#pragma once

#include <glib.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* The house style of a caption, in one place so the desk can change it. */
typedef struct
{
  const char *id;              /* stored in the sidecar so a caption can be recomposed */
  const char *from_left;       /* "From left," */
  const char *separator;       /* ", " between names */
  const char *last_separator;  /* " and " before the last name */
  gboolean    serial_comma;    /* "A, B, and C" */
  const char *credit_format;   /* "(%s photo)", "%s" the credit */
} CaptionerCaptionStyle;

const CaptionerCaptionStyle *captioner_caption_style_default (void);
const CaptionerCaptionStyle *captioner_caption_style_lookup  (const char                  *id);

char *captioner_caption_compose_people (const CaptionerCaptionStyle *style,
                                        const char * const          *names);
char *captioner_caption_compose        (const CaptionerCaptionStyle *style,
                                        const char * const          *names,
                                        const char                  *body,
                                        const char                  *credit);

/* The caption that metadata's parts compose: people left to right as displayed (orientation
 * is the photo's), the body, the credit suffix, in the stored style. */
char  *captioner_caption_compose_metadata (const CaptionerMetadata  *metadata,
                                           int                       orientation);
/* The people's names, left to right as displayed. */
char **captioner_caption_dup_names        (const CaptionerMetadata  *metadata,
                                           int                       orientation);

/* IPTC IIM limits Caption-Abstract to 2000 bytes. */
#define CAPTIONER_CAPTION_MAX_BYTES 2000

G_END_DECLS
