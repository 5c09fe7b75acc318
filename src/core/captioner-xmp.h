#pragma once

#include <gio/gio.h>
#include <exempi/xmp.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_NS_CAPTIONER "http://ns.example.org/captioner/1.0/"

void               captioner_xmp_init             (void);
/* Parses a packet or sidecar. Refuses DTDs (entity expansion) with a clear error. */
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
char              *captioner_xmp_get_text         (XmpPtr                   xmp,
                                                   const char              *ns,
                                                   const char              *path);

typedef struct _Xmp CaptionerXmp;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerXmp, xmp_free)

G_END_DECLS
