#pragma once

#include <glib.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* Prototype (benchmarks only, not in core_sources yet): reads the IPTC IIM caption fields from
 * a JPEG's APP13 Photoshop resource block already in memory, without reopening the file with
 * exempi's smart handler. Fields found are set into metadata; others are left as they are.
 * Returns FALSE when the block holds no IIM record (0x0404). */
gboolean captioner_fastread_iim (const guint8      *irb,
                                 gsize              length,
                                 CaptionerMetadata *metadata);

G_END_DECLS
