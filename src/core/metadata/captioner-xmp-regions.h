#pragma once

#include <exempi/xmp.h>

#include "captioner-changes.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

/* People in XMP: MWG, IPTC Extension and Microsoft Photo regions, and PersonInImage. A person
 * named in several schemes (by name, or by a box that mostly overlaps) is one person. People
 * are listed in packet order (MWG, then IPTC, then Microsoft, then names without a region) and
 * numbered 1..N: the same bytes give the same ids. */
GPtrArray *captioner_xmp_read_people  (XmpPtr                  xmp,
                                       int                     stored_width,
                                       int                     stored_height);
/* Applies what changed in the people to the packet in place. The packet's people are matched
 * with before (the people as the editor read them) by name and region: one the editor removed
 * loses their regions in every scheme, one renamed or moved is updated where they are, and the
 * regions of everyone else, and every region that holds no person, stay as they were. People of
 * after that the packet does not hold are added (MWG and IPTC regions, Microsoft regions when
 * the packet has some, and PersonInImage), left to right as displayed. Nothing is done unless
 * changes has people. */
void       captioner_xmp_apply_people (XmpPtr                  xmp,
                                       GPtrArray              *before,
                                       GPtrArray              *after,
                                       const CaptionerChanges *changes,
                                       int                     stored_width,
                                       int                     stored_height,
                                       int                     orientation);

G_END_DECLS
