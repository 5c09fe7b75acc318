#pragma once

#include <exempi/xmp.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* Fields present in xmp are set into metadata; others are left as they are. */
void captioner_xmp_read_fields  (XmpPtr                   xmp,
                                 CaptionerMetadata       *metadata);
/* Replaces every field Captioner manages with metadata's values (deleting empty ones). */
void captioner_xmp_write_fields (XmpPtr                   xmp,
                                 const CaptionerMetadata *metadata);

G_END_DECLS
