#pragma once

#include <gio/gio.h>
#include <exempi/xmp.h>

#include "captioner-changes.h"
#include "captioner-metadata.h"
#include "captioner-xmp-util.h"

G_BEGIN_DECLS

/* What parsing a packet found that the editor should hear about. */
typedef enum
{
  CAPTIONER_XMP_NOTE_NONE  = 0,
  CAPTIONER_XMP_NOTE_UTF16 = 1 << 0,   /* the packet was UTF-16; it is read, written as UTF-8 */
} CaptionerXmpNotes;

/* Deepest nesting of elements Captioner hands to exempi. */
#define CAPTIONER_XMP_MAX_DEPTH 100

/* Checks that a packet or sidecar is one Captioner will hand to exempi: UTF-8, no DTD (entity
 * expansion), well-formed XML nested at most CAPTIONER_XMP_MAX_DEPTH deep; the error says what
 * is wrong. */
gboolean           captioner_xmp_check            (const char              *data,
                                                   gsize                    length,
                                                   GError                 **error);
/* Parses a packet or sidecar (UTF-8, or UTF-16 with notes saying so) after the checks of
 * captioner_xmp_check, so that serialising it again keeps everything other programs wrote
 * (see captioner-xmp-packet.h for what exempi would lose otherwise). */
XmpPtr             captioner_xmp_parse_packet     (const char              *data,
                                                   gsize                    length,
                                                   CaptionerXmpNotes       *notes,
                                                   GError                 **error);
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
/* tiff:Orientation (1..8), or 0 when the packet has none that is valid. */
int                captioner_xmp_get_orientation  (XmpPtr                   xmp);
/* Writes into xmp only what changes names: the fields (an alternative's x-default item only),
 * the keywords (items added and removed), and the people (see captioner_xmp_apply_people:
 * before's people are the ones the editor read from this packet). Everything else stays. */
void               captioner_xmp_apply_changes    (XmpPtr                   xmp,
                                                   const CaptionerMetadata *before,
                                                   const CaptionerMetadata *after,
                                                   const CaptionerChanges  *changes,
                                                   int                      stored_width,
                                                   int                      stored_height,
                                                   int                      orientation);
/* Makes xmp say what metadata says, changing only what differs from what xmp says now:
 * people with the same name and region as one in the packet keep their regions as they are.
 * Regions are written for an image stored at width × height. */
void               captioner_xmp_write_metadata   (XmpPtr                   xmp,
                                                   const CaptionerMetadata *metadata,
                                                   int                      stored_width,
                                                   int                      stored_height,
                                                   int                      orientation);
/* A sidecar's text (no packet wrapper). toolkit: the x:xmptk to keep ("" for none, NULL for
 * exempi's). */
char              *captioner_xmp_serialize        (XmpPtr                   xmp,
                                                   const char              *toolkit,
                                                   gsize                   *length,
                                                   GError                 **error);
/* A packet to embed in a file: with its wrapper and padding when that fits in max_length,
 * else compact and without padding; an error when it does not fit at all. */
char              *captioner_xmp_serialize_embedded (XmpPtr                 xmp,
                                                     const char            *toolkit,
                                                     gsize                  max_length,
                                                     GError               **error);

G_END_DECLS
