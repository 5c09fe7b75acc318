#pragma once

#include <gio/gio.h>
#include <exempi/xmp.h>

#include "captioner-metadata.h"
#include "captioner-xmp-util.h"

G_BEGIN_DECLS

/* Deepest nesting of elements Captioner hands to exempi. */
#define CAPTIONER_XMP_MAX_DEPTH 100

/* Checks that a packet or sidecar is one Captioner will hand to exempi: UTF-8, no DTD (entity
 * expansion), well-formed XML nested at most CAPTIONER_XMP_MAX_DEPTH deep; the error says what
 * is wrong. */
gboolean           captioner_xmp_check            (const char              *data,
                                                   gsize                    length,
                                                   GError                 **error);
/* Parses a packet or sidecar after captioner_xmp_check. */
XmpPtr             captioner_xmp_parse            (const char              *data,
                                                   gsize                    length,
                                                   GError                 **error);
/* Reads the XMP of a photo with exempi's smart handler, which folds IPTC IIM and EXIF into it.
 * Returns NULL without an error when the file has none. */
XmpPtr             captioner_xmp_read_embedded    (const char              *path,
                                                   GError                 **error);
/* Fields present in xmp are set into metadata (others are left as they are). Returns TRUE when
 * the packet named any people. */
gboolean           captioner_xmp_read_metadata    (XmpPtr                   xmp,
                                                   int                      stored_width,
                                                   int                      stored_height,
                                                   CaptionerMetadata       *metadata);
/* Replaces every field Captioner manages with metadata's values (deleting empty ones); every
 * other property is kept. Regions are written for an image stored at width × height. */
void               captioner_xmp_write_metadata   (XmpPtr                   xmp,
                                                   const CaptionerMetadata *metadata,
                                                   int                      stored_width,
                                                   int                      stored_height,
                                                   int                      orientation);
char              *captioner_xmp_serialize        (XmpPtr                   xmp,
                                                   gsize                   *length,
                                                   GError                 **error);

G_END_DECLS
