#pragma once

#include <glib.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* IPTC IIM datasets in UTF-8 (1:90 = ESC % G) for the metadata's fields, each within its
 * IIM length limit (see captioner_iptc_encode_full). Datasets of record 2
 * that Captioner does not manage are kept from old_iim (converted from Latin-1 when old_iim did
 * not declare UTF-8). */
GBytes *captioner_iptc_encode      (const CaptionerMetadata *metadata,
                                    const guint8            *old_iim,
                                    gsize                    old_length);
/* The same, with each text cut to its dataset's IIM limit (caption 2000 bytes, headline 256,
 * credit, by-line, source and city 32, country 64, each keyword 64...) at a UTF-8 character
 * boundary; the names of the fields that were cut (captioner_field_get_name, or "keywords")
 * are added to cut when it is not NULL. */
GBytes *captioner_iptc_encode_full (const CaptionerMetadata *metadata,
                                    const guint8            *old_iim,
                                    gsize                    old_length,
                                    GPtrArray               *cut);
/* A Photoshop image resource block (the APP13 payload after "Photoshop 3.0\0") with the IPTC
 * resource (0x0404) set to iim and the IPTC digest (0x0425) set to its MD5, every other
 * resource of old_irb kept in order. */
GBytes *captioner_iptc_build_irb   (const guint8            *old_irb,
                                    gsize                    old_length,
                                    GBytes                  *iim);
/* The IPTC resource (0x0404) of an image resource block, or NULL. */
GBytes *captioner_iptc_find_in_irb (const guint8            *irb,
                                    gsize                    length);
/* Checks that every resource of a Photoshop block, and every IIM dataset inside its IPTC
 * resource, stays inside the block. */
gboolean captioner_iptc_check_irb  (const guint8            *irb,
                                    gsize                    length,
                                    GError                 **error);

/* The character set an IIM block was read in. */
typedef enum
{
  CAPTIONER_IIM_CHARSET_ASCII,          /* no 1:90 and nothing beyond ASCII */
  CAPTIONER_IIM_CHARSET_UTF8,           /* 1:90 says UTF-8 */
  CAPTIONER_IIM_CHARSET_LATIN,          /* 1:90 names another set: read as Windows-1252 */
  CAPTIONER_IIM_CHARSET_GUESSED_UTF8,   /* no 1:90, and every text is valid UTF-8 */
  CAPTIONER_IIM_CHARSET_GUESSED_LATIN,  /* no 1:90, and some text is not UTF-8: Windows-1252 */
} CaptionerIimCharset;

/* Whether the IPTC digest (0x0425) says the IIM is what was written with the XMP (MWG). */
typedef enum
{
  CAPTIONER_IIM_DIGEST_MISSING,
  CAPTIONER_IIM_DIGEST_MATCHES,
  CAPTIONER_IIM_DIGEST_DIFFERS,   /* a program changed the IIM without updating the XMP */
} CaptionerIimDigest;

/* Reads the caption fields of an IIM block (the IPTC resource's datasets) into metadata: the
 * fields it has (by-lines joined with "; "), its keywords when it has any, the date. */
CaptionerIimCharset captioner_iptc_read         (const guint8            *iim,
                                                 gsize                    length,
                                                 CaptionerMetadata       *metadata);
CaptionerIimDigest  captioner_iptc_check_digest (const guint8            *irb,
                                                 gsize                    length,
                                                 GBytes                  *iim);

G_END_DECLS
