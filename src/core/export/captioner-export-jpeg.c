#define G_LOG_DOMAIN "captioner-export-jpeg"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "captioner-error.h"
#include "captioner-export-private.h"
#include "captioner-iptc.h"

/* A captioned copy by marker surgery: exempi's JPEG handler reconciles EXIF and IIM itself when
 * it writes and damages them (DateTimeOriginal "2023:10:23 10:00:00" came out as
 * "2023:10:23 10:00:"), so exempi only serialises the XMP packet and the segments are written
 * here. Everything from the first SOS on (the image data) is copied byte for byte. */

#define M_SOI 0xD8
#define M_EOI 0xD9
#define M_SOS 0xDA
#define M_APP0 0xE0
#define M_APP1 0xE1
#define M_APP13 0xED
#define SEGMENT_MAX_PAYLOAD 65533

static const char exif_ns[] = "Exif\0";                                /* 6 bytes with NUL */
static const char xmp_ns[] = "http://ns.adobe.com/xap/1.0/";          /* + NUL */
static const char xmp_ext_ns[] = "http://ns.adobe.com/xmp/extension/"; /* + NUL */
static const char photoshop_ns[] = "Photoshop 3.0";                   /* + NUL */

typedef enum
{
  SEGMENT_OTHER,
  SEGMENT_EXIF,
  SEGMENT_XMP,
  SEGMENT_XMP_EXTENDED,
  SEGMENT_PHOTOSHOP,
} SegmentKind;

typedef struct
{
  guint8        marker;
  SegmentKind   kind;
  const guint8 *start;     /* the 0xFF of the marker */
  gsize         length;    /* marker, length field and payload */
  const guint8 *payload;
  gsize         payload_length;
} Segment;

static gboolean
payload_starts (const Segment *segment,
                const char    *ns,
                gsize          ns_length)
{
  return segment->payload_length >= ns_length && memcmp (segment->payload, ns, ns_length) == 0;
}

static SegmentKind
classify (const Segment *segment)
{
  if (segment->marker == M_APP1 && payload_starts (segment, exif_ns, 6))
    return SEGMENT_EXIF;
  if (segment->marker == M_APP1 && payload_starts (segment, xmp_ns, sizeof xmp_ns))
    return SEGMENT_XMP;
  if (segment->marker == M_APP1 && payload_starts (segment, xmp_ext_ns, sizeof xmp_ext_ns))
    return SEGMENT_XMP_EXTENDED;
  if (segment->marker == M_APP13 && payload_starts (segment, photoshop_ns, sizeof photoshop_ns))
    return SEGMENT_PHOTOSHOP;
  return SEGMENT_OTHER;
}

/* The segments before the first SOS; *image points at that SOS (the rest of the file). */
static GArray *
split_segments (const guint8  *data,
                gsize          length,
                const guint8 **image,
                GError       **error)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  gsize pos = 2;

  if (length < 4 || data[0] != 0xFF || data[1] != M_SOI)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO, _("it is not a JPEG"));
      return NULL;
    }

  for (;;)
    {
      Segment segment = { 0 };
      gsize start;

      if (pos + 2 > length || data[pos] != 0xFF)
        break;
      start = pos;
      while (pos < length && data[pos] == 0xFF)   /* fill bytes */
        pos++;
      if (pos >= length)
        break;
      segment.marker = data[pos++];
      if (segment.marker == M_SOS || segment.marker == M_EOI)
        {
          *image = data + start;
          return g_steal_pointer (&segments);
        }
      segment.start = data + start;
      if ((segment.marker >= 0xD0 && segment.marker <= 0xD7) || segment.marker == 0x01)
        {
          segment.length = pos - start;
          g_array_append_val (segments, segment);
          continue;
        }
      if (pos + 2 > length)
        break;
      segment.payload_length = (data[pos] << 8) | data[pos + 1];
      if (segment.payload_length < 2 || pos + segment.payload_length > length)
        break;
      segment.payload = data + pos + 2;
      segment.payload_length -= 2;
      pos += 2 + segment.payload_length;
      segment.length = pos - start;
      segment.kind = classify (&segment);
      g_array_append_val (segments, segment);
    }

  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
               _("its JPEG markers are damaged before the image data"));
  return NULL;
}

static void
append_segment (GByteArray   *out,
                guint8        marker,
                const guint8 *prefix,
                gsize         prefix_length,
                const guint8 *payload,
                gsize         payload_length)
{
  gsize size = prefix_length + payload_length + 2;
  guint8 header[4] = { 0xFF, marker, size >> 8, size & 0xFF };

  g_assert (size <= 0xFFFF);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, prefix, prefix_length);
  g_byte_array_append (out, payload, payload_length);
}

static void
append_new_metadata (GByteArray *out,
                     const char *packet,
                     GBytes     *irb)
{
  gsize irb_length;
  const guint8 *irb_data = g_bytes_get_data (irb, &irb_length);
  const gsize chunk = SEGMENT_MAX_PAYLOAD - sizeof photoshop_ns;

  append_segment (out, M_APP1, (const guint8 *) xmp_ns, sizeof xmp_ns,
                  (const guint8 *) packet, strlen (packet));
  /* A block past one segment continues in the next, as Photoshop writes it. */
  for (gsize pos = 0; pos < irb_length; pos += chunk)
    append_segment (out, M_APP13, (const guint8 *) photoshop_ns, sizeof photoshop_ns,
                    irb_data + pos, MIN (chunk, irb_length - pos));
}

GBytes *
captioner_jpeg_caption_copy (GBytes                   *original,
                             const CaptionerMetadata  *metadata,
                             GBytes                   *sidecar_xmp,
                             int                       stored_width,
                             int                       stored_height,
                             int                       orientation,
                             GError                  **error)
{
  return captioner_jpeg_caption_copy_full (original, metadata, sidecar_xmp, stored_width,
                                           stored_height, orientation, NULL, error);
}

GBytes *
captioner_jpeg_caption_copy_full (GBytes                   *original,
                                  const CaptionerMetadata  *metadata,
                                  GBytes                   *sidecar_xmp,
                                  int                       stored_width,
                                  int                       stored_height,
                                  int                       orientation,
                                  GPtrArray                *cut,
                                  GError                  **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (original, &length);
  const guint8 *image = NULL;
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GByteArray) old_irb = g_byte_array_new ();
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GBytes) old_iim = NULL;
  g_autoptr(GBytes) iim = NULL;
  g_autoptr(GBytes) irb = NULL;
  g_autofree char *packet = NULL;
  const Segment *xmp = NULL;
  gboolean inserted = FALSE;

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (metadata != NULL, NULL);

  segments = split_segments (data, length, &image, error);
  if (segments == NULL)
    return NULL;

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (segment->kind == SEGMENT_XMP && xmp == NULL)
        xmp = segment;
      else if (segment->kind == SEGMENT_PHOTOSHOP)
        g_byte_array_append (old_irb, segment->payload + sizeof photoshop_ns,
                             segment->payload_length - sizeof photoshop_ns);
    }

  if (xmp != NULL)
    packet = captioner_export_xmp_packet ((const char *) xmp->payload + sizeof xmp_ns,
                                          xmp->payload_length - sizeof xmp_ns,
                                          sidecar_xmp, metadata, stored_width, stored_height,
                                          orientation, error);
  else
    packet = captioner_export_xmp_packet (NULL, 0, sidecar_xmp, metadata, stored_width,
                                          stored_height, orientation, error);
  if (packet == NULL)
    return NULL;

  old_iim = captioner_iptc_find_in_irb (old_irb->data, old_irb->len);
  /* Each text within its IIM limit, cut at a character boundary; the XMP keeps it whole. */
  iim = captioner_iptc_encode_full (metadata,
                                    old_iim ? g_bytes_get_data (old_iim, NULL) : NULL,
                                    old_iim ? g_bytes_get_size (old_iim) : 0, cut);
  irb = captioner_iptc_build_irb (old_irb->data, old_irb->len, iim);

  out = g_byte_array_sized_new (length + 64 * 1024);
  g_byte_array_append (out, data, 2);   /* SOI */

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);
      gboolean leading = segment->marker == M_APP0 || segment->kind == SEGMENT_EXIF;

      /* The new XMP and IIM go after JFIF and EXIF, where readers look for them first. */
      if (!leading && !inserted)
        {
          append_new_metadata (out, packet, irb);
          inserted = TRUE;
        }

      switch (segment->kind)
        {
        case SEGMENT_EXIF:
          {
            g_autoptr(GBytes) exif = g_bytes_new_static (segment->payload,
                                                         segment->payload_length);
            g_autoptr(GBytes) patched = NULL;
            gsize patched_length;
            const guint8 *patched_data;
            g_autoptr(GError) patch_error = NULL;

            patched = captioner_exif_patch_text (
                exif,
                captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION),
                captioner_metadata_get (metadata, CAPTIONER_FIELD_BYLINE),
                captioner_metadata_get (metadata, CAPTIONER_FIELD_COPYRIGHT),
                &patch_error);
            /* A damaged block is kept byte for byte (the photo already carries a warning
             * about it): the caption still goes into the XMP and the IIM. */
            if (g_error_matches (patch_error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT))
              patched = g_bytes_ref (exif);
            else if (patched == NULL)
              {
                g_propagate_error (error, g_steal_pointer (&patch_error));
                return NULL;
              }
            patched_data = g_bytes_get_data (patched, &patched_length);
            append_segment (out, M_APP1, NULL, 0, patched_data, patched_length);
          }
          break;

        case SEGMENT_XMP:
        case SEGMENT_XMP_EXTENDED:
        case SEGMENT_PHOTOSHOP:
          break;   /* replaced */

        case SEGMENT_OTHER:
        default:
          g_byte_array_append (out, segment->start, segment->length);
          break;
        }
    }
  if (!inserted)
    append_new_metadata (out, packet, irb);

  g_byte_array_append (out, image, data + length - image);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
