#define G_LOG_DOMAIN "captioner-jpeg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-jpeg.h"

#define XMP_NAMESPACE     "http://ns.adobe.com/xap/1.0/"
#define XMP_EXT_NAMESPACE "http://ns.adobe.com/xmp/extension/"
#define PHOTOSHOP_ID      "Photoshop 3.0"

gboolean
captioner_jpeg_has_signature (const guint8 *data,
                              gsize         length)
{
  return length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

static gboolean
has_prefix (const guint8 *payload,
            gsize         length,
            const char   *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (payload, prefix, prefix_length) == 0;
}

static gboolean
is_sof (guint8 marker)
{
  /* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/* Walks the markers up to the frame header. Every length is checked against the buffer, so a
 * truncated or hostile file ends the walk with an error instead of a read past the end. */
gboolean
captioner_jpeg_scan (const guint8      *data,
                     gsize              length,
                     CaptionerJpegInfo *info,
                     gboolean          *needs_more,
                     GError           **error)
{
  gsize pos = 2;

  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (needs_more)
    *needs_more = FALSE;

  if (!captioner_jpeg_has_signature (data, length))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO,
                           _("not a JPEG image"));
      return FALSE;
    }

  while (pos + 4 <= length)
    {
      guint8 marker;
      gsize segment_length;
      const guint8 *payload;
      gsize payload_length;

      if (data[pos] != 0xFF)
        {
          g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                               _("the JPEG structure is damaged"));
          return FALSE;
        }
      marker = data[pos + 1];
      if (marker == 0xFF)
        {
          pos++;  /* fill byte */
          continue;
        }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          pos += 2;
          continue;
        }
      if (marker == 0xD9 || marker == 0xDA)
        {
          g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                               _("the JPEG has no frame header"));
          return FALSE;
        }

      segment_length = ((gsize) data[pos + 2] << 8) | data[pos + 3];
      if (segment_length < 2)
        {
          g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                               _("the JPEG structure is damaged"));
          return FALSE;
        }
      if (pos + 2 + segment_length > length)
        break;

      payload = data + pos + 4;
      payload_length = segment_length - 2;

      if (is_sof (marker))
        {
          if (payload_length < 5)
            break;
          info->height = (payload[1] << 8) | payload[2];
          info->width = (payload[3] << 8) | payload[4];
          if (info->width == 0 || info->height == 0)
            {
              g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                                   _("the JPEG frame header gives no size"));
              return FALSE;
            }
          return TRUE;
        }
      else if (marker == 0xE1 && info->exif == NULL && has_prefix (payload, payload_length, "Exif\0\0", 6))
        {
          info->exif = payload;
          info->exif_length = payload_length;
        }
      else if (marker == 0xE1 && info->xmp == NULL &&
               has_prefix (payload, payload_length, XMP_NAMESPACE, sizeof XMP_NAMESPACE))
        {
          info->xmp = payload + sizeof XMP_NAMESPACE;
          info->xmp_length = payload_length - sizeof XMP_NAMESPACE;
        }
      else if (marker == 0xE1 &&
               has_prefix (payload, payload_length, XMP_EXT_NAMESPACE, sizeof XMP_EXT_NAMESPACE))
        {
          info->has_extended_xmp = TRUE;
        }
      else if (marker == 0xED && info->iptc == NULL &&
               has_prefix (payload, payload_length, PHOTOSHOP_ID, sizeof PHOTOSHOP_ID))
        {
          info->iptc = payload + sizeof PHOTOSHOP_ID;
          info->iptc_length = payload_length - sizeof PHOTOSHOP_ID;
        }

      pos += 2 + segment_length;
    }

  if (needs_more)
    *needs_more = TRUE;
  g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                       _("the JPEG is truncated before its frame header"));
  return FALSE;
}
