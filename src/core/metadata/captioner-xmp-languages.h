#pragma once

#include <exempi/xmp.h>

#include "captioner-changes.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

/* The caption languages (captioner-metadata-language.h) in XMP: the dc:description items
 * other than x-default, and the items of captioner:CaptionBodies, captioner:CaptionStyles and
 * captioner:ComposedCaptions (language alternatives without an x-default item: the main
 * caption's parts are captioner:CaptionBody, CaptionStyle and ComposedCaption). */
void captioner_xmp_read_languages  (XmpPtr                   xmp,
                                    CaptionerMetadata       *metadata);
/* Writes the parts of the languages that changes names: only the item of that language
 * changes (its value; its qualifiers stay), is added at the end, or removed; every other
 * item, x-default included, stays as it is. */
void captioner_xmp_apply_languages (XmpPtr                   xmp,
                                    const CaptionerMetadata *after,
                                    const CaptionerChanges  *changes);

G_END_DECLS
