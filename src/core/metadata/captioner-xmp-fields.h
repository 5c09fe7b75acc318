#pragma once

#include <exempi/xmp.h>

#include "captioner-changes.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

/* Fields present in xmp are set into metadata; others are left as they are. */
void captioner_xmp_read_fields  (XmpPtr                   xmp,
                                 CaptionerMetadata       *metadata);
/* Writes the fields that changes names (and the keywords when they changed) with after's
 * values, deleting those after lacks. A language alternative changes its x-default item only;
 * every other property, item and qualifier stays. */
void captioner_xmp_apply_fields (XmpPtr                   xmp,
                                 const CaptionerMetadata *after,
                                 const CaptionerChanges  *changes);

G_END_DECLS
