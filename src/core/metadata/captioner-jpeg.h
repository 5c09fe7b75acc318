#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a walk over a JPEG's markers finds before the image data, without decoding pixels. */
typedef struct
{
  int           width;        /* from the SOF marker, as stored */
  int           height;
  const guint8 *exif;         /* APP1 "Exif\0\0" payload (points into the buffer), or NULL */
  gsize         exif_length;
  const guint8 *xmp;          /* APP1 standard XMP packet (after the namespace), or NULL */
  gsize         xmp_length;
  gboolean      has_extended_xmp;
  const guint8 *iptc;         /* APP13 Photoshop IRB payload, or NULL */
  gsize         iptc_length;
} CaptionerJpegInfo;

/* Returns FALSE with an error when the data is not a JPEG or ends before its frame header.
 * needs_more is set when the buffer ended before the frame header and more data might help. */
gboolean captioner_jpeg_scan (const guint8      *data,
                              gsize              length,
                              CaptionerJpegInfo *info,
                              gboolean          *needs_more,
                              GError           **error);
gboolean captioner_jpeg_has_signature (const guint8 *data,
                                       gsize         length);

G_END_DECLS
