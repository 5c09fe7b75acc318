#pragma once

#include <exempi/xmp.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* People in XMP: MWG, IPTC Extension and Microsoft Photo regions, and PersonInImage. */
GPtrArray *captioner_xmp_read_people  (XmpPtr                   xmp,
                                       int                      stored_width,
                                       int                      stored_height);
void       captioner_xmp_write_people (XmpPtr                   xmp,
                                       const CaptionerMetadata *metadata,
                                       int                      stored_width,
                                       int                      stored_height,
                                       int                      orientation);

G_END_DECLS
