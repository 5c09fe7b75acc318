#define G_LOG_DOMAIN "captioner-photo-read"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-metadata-language.h"
#include "captioner-error.h"
#include "captioner-iptc.h"
#include "captioner-jpeg.h"
#include "captioner-person.h"
#include "captioner-photo-private.h"
#include "captioner-xmp.h"
#include "captioner-xmp-packet.h"

/* A photo's own metadata: its header, EXIF, IPTC IIM and embedded XMP, merged as MWG 2.0
 * reads them, with what a news desk adds: camera boilerplate in ImageDescription is no
 * caption, and IIM in an unnamed character set is read rather than dropped. */

#define HEAD_CHUNK   (128 * 1024)
#define HEAD_MAX     (8 * 1024 * 1024)

/* A JPEG cut short (an interrupted copy or download) has no end-of-image marker near its
 * end. Looks at the last few kilobytes only: cheap, and tolerant of trailing padding. */
static gboolean
jpeg_tail_is_complete (GFileInputStream  *stream,
                       GCancellable      *cancellable)
{
  guint8 tail[4096];
  gsize got = 0;

  if (!g_seekable_can_seek (G_SEEKABLE (stream)) ||
      !g_seekable_seek (G_SEEKABLE (stream), -(goffset) sizeof tail, G_SEEK_END, cancellable, NULL))
    {
      if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL))
        return TRUE;  /* cannot tell: do not accuse the file */
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), tail, sizeof tail, &got, cancellable, NULL))
    return TRUE;
  for (gsize i = got; i >= 2; i--)
    if (tail[i - 2] == 0xFF && tail[i - 1] == 0xD9)
      return TRUE;
  return FALSE;
}

/* Reads the start of the file, growing until the JPEG frame header is in it. */
GBytes *
captioner_photo_read_head (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize want = HEAD_CHUNK;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gsize old_len = buffer->len;
      gsize got = 0;
      CaptionerJpegInfo info;
      gboolean needs_more = FALSE;

      g_byte_array_set_size (buffer, want);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    want - old_len, &got, cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, old_len + got);

      if (got < want - old_len || want >= HEAD_MAX ||
          !captioner_jpeg_has_signature (buffer->data, buffer->len))
        break;  /* the whole file, or not a JPEG: let the caller judge */
      if (captioner_jpeg_scan (buffer->data, buffer->len, &info, &needs_more, NULL) || !needs_more)
        break;
      want = MIN (want * 4, (gsize) HEAD_MAX);
    }

  if (captioner_jpeg_has_signature (buffer->data, buffer->len) &&
      !jpeg_tail_is_complete (stream, cancellable))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                           _("the JPEG is truncated: its image data ends early"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
captioner_photo_read_image (CaptionerPhoto     *self,
                            GBytes             *head,
                            gboolean           *is_jpeg,
                            CaptionerJpegInfo  *info,
                            GError            **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (head, &length);

  *is_jpeg = FALSE;
  if (length == 0)
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO,
                           _("the file is empty"));
      return FALSE;
    }
  if (captioner_jpeg_has_signature (data, length))
    {
      if (!captioner_jpeg_scan (data, length, info, NULL, error))
        return FALSE;
      *is_jpeg = TRUE;
      self->stored_width = info->width;
      self->stored_height = info->height;
      self->exif = captioner_exif_new_from_data (info->exif, info->exif_length);
      self->orientation = self->exif->orientation;
      return TRUE;
    }

  /* PNG: the size from IHDR, which must come first. */
  if (length >= 24 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 &&
      memcmp (data + 12, "IHDR", 4) == 0)
    {
      guint32 w = ((guint32) data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
      guint32 h = ((guint32) data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];

      if (w == 0 || h == 0 || w > G_MAXINT || h > G_MAXINT)
        {
          g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                               _("the PNG header gives no size"));
          return FALSE;
        }
      self->stored_width = (int) w;
      self->stored_height = (int) h;
      self->exif = captioner_exif_new ();
      return TRUE;
    }

  /* TIFF: the size from the header, through gdk-pixbuf, without decoding. */
  {
    const char *path = g_file_peek_path (self->file);
    int w = 0, h = 0;

    if (path != NULL && captioner_file_is_photo_name (self->display_name) &&
        gdk_pixbuf_get_file_info (path, &w, &h) != NULL && w > 0 && h > 0)
      {
        self->stored_width = w;
        self->stored_height = h;
        self->exif = captioner_exif_new ();
        return TRUE;
      }
  }
  g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO,
                       _("not a photo Captioner can read (JPEG, PNG or TIFF)"));
  return FALSE;
}

static void
warn_embedded (CaptionerPhoto *self,
               const char     *problem)
{
  captioner_photo_add_photo_warning (self, g_strdup_printf (_("the caption data embedded in "
                                                              "the photo could not be read: %s"),
                                                            problem));
}

static void
apply_exif_fallbacks (CaptionerMetadata   *metadata,
                      const CaptionerExif *exif)
{
  /* EXIF is the weakest source: IIM and XMP override it. A camera's "OLYMPUS DIGITAL CAMERA"
   * is no caption. */
  if (!captioner_exif_is_boilerplate_description (exif->image_description))
    captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, exif->image_description);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_BYLINE, exif->artist);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_COPYRIGHT, exif->copyright);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_DATE_CREATED, exif->datetime_original);
}

/* The IIM of a JPEG's Photoshop block, read into a metadata of its own; NULL when none. */
static CaptionerMetadata *
read_iim (CaptionerPhoto     *self,
          CaptionerJpegInfo  *info,
          CaptionerIimDigest *digest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) iim = NULL;
  CaptionerMetadata *metadata;
  CaptionerIimCharset charset;

  *digest = CAPTIONER_IIM_DIGEST_MISSING;
  if (info->iptc == NULL)
    return NULL;
  if (!captioner_iptc_check_irb (info->iptc, info->iptc_length, &error))
    {
      warn_embedded (self, error->message);
      return NULL;
    }
  iim = captioner_iptc_find_in_irb (info->iptc, info->iptc_length);
  if (iim == NULL)
    return NULL;
  *digest = captioner_iptc_check_digest (info->iptc, info->iptc_length, iim);
  metadata = captioner_metadata_new ();
  charset = captioner_iptc_read (g_bytes_get_data (iim, NULL), g_bytes_get_size (iim), metadata);
  if (charset == CAPTIONER_IIM_CHARSET_GUESSED_LATIN)
    captioner_photo_add_photo_warning (self, g_strdup (_("its IPTC IIM names no character set "
                                                         "and is not UTF-8: it was read as "
                                                         "Windows-1252")));
  else if (charset == CAPTIONER_IIM_CHARSET_GUESSED_UTF8)
    captioner_photo_add_photo_warning (self, g_strdup (_("its IPTC IIM names no character set: "
                                                         "it was read as UTF-8")));
  return metadata;
}

/* Properties of from that xmp lacks (the extended part of a JPEG's XMP), except those exempi
 * made up from EXIF. */
static void
copy_missing (XmpPtr xmp,
              XmpPtr from)
{
  static const char * const skip[] = { NS_EXIF, NS_TIFF, NS_EXIF_AUX };
  XmpIteratorPtr iter = xmp_iterator_new (from, NULL, NULL, XMP_ITER_PROPERTIES |
                                          XMP_ITER_JUSTCHILDREN);
  XmpStringPtr schema = xmp_string_new ();
  XmpStringPtr path = xmp_string_new ();
  XmpStringPtr value = xmp_string_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Top-level properties, through each schema node. */
  while (xmp_iterator_next (iter, schema, path, value, NULL))
    {
      const char *ns = xmp_string_cstr (schema);
      XmpIteratorPtr props = xmp_iterator_new (from, ns, NULL, XMP_ITER_JUSTCHILDREN);
      gboolean skipped = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (skip); i++)
        skipped = skipped || strcmp (ns, skip[i]) == 0;
      while (!skipped && xmp_iterator_next (props, schema, path, value, NULL))
        {
          const char *name = xmp_string_cstr (path);
          const char *colon = strchr (name, ':');

          if (!xmp_has_property (xmp, ns, colon ? colon + 1 : name))
            {
              g_ptr_array_add (names, g_strdup (ns));
              g_ptr_array_add (names, g_strdup (colon ? colon + 1 : name));
            }
        }
      xmp_iterator_free (props);
    }
  xmp_iterator_free (iter);
  xmp_string_free (schema);
  xmp_string_free (path);
  xmp_string_free (value);
  for (guint i = 0; i + 1 < names->len; i += 2)
    captioner_xmp_copy_property (xmp, from, g_ptr_array_index (names, i),
                                 g_ptr_array_index (names, i + 1));
}

/* The embedded XMP, parsed so that nothing is lost; NULL when there is none. */
static XmpPtr
read_xmp (CaptionerPhoto    *self,
          gboolean           is_jpeg,
          CaptionerJpegInfo *info)
{
  const char *path = g_file_peek_path (self->file);
  g_autoptr(GError) error = NULL;
  XmpPtr xmp = NULL;

  if (!is_jpeg)
    {
      /* TIFF, PNG: exempi's smart handler reads the file's packet (and folds IIM in). */
      xmp = path ? captioner_xmp_read_embedded (path, &error) : NULL;
      if (error != NULL)
        warn_embedded (self, error->message);
      return xmp;
    }
  if (info->xmp != NULL)
    {
      CaptionerXmpNotes notes = CAPTIONER_XMP_NOTE_NONE;

      xmp = captioner_xmp_parse_packet ((const char *) info->xmp, info->xmp_length, &notes,
                                        &error);
      if (xmp == NULL)
        {
          warn_embedded (self, error->message);
          return NULL;
        }
      if (notes & CAPTIONER_XMP_NOTE_UTF16)
        captioner_photo_add_photo_warning (self, g_strdup (_("its embedded XMP is UTF-16; it "
                                                             "was read, and a sidecar is written "
                                                             "in UTF-8")));
    }
  if (info->has_extended_xmp && path != NULL && xmp != NULL)
    {
      g_autoptr(CaptionerXmp) whole = captioner_xmp_read_embedded (path, NULL);

      if (whole != NULL)
        copy_missing (xmp, whole);
      /* The packet is whole now: a sidecar made from it has no extension to point to. */
      xmp_delete_property (xmp, "http://ns.adobe.com/xmp/note/", "HasExtendedXMP");
    }
  return xmp;
}

static gboolean
same_value (CaptionerField  field,
            const char     *iim,
            const char     *xmp)
{
  if (strcmp (iim, xmp) == 0)
    return TRUE;
  /* Dates are written to different precisions ("2023-10-23", "...T10:00:00.00+03:00"): the
   * day is what must agree. */
  if (field == CAPTIONER_FIELD_DATE_CREATED)
    return strlen (iim) >= 10 && strlen (xmp) >= 10 && strncmp (iim, xmp, 10) == 0;
  /* An IIM value cut to its dataset's limit is the XMP's beginning, not a disagreement. */
  return strlen (iim) >= 32 && g_str_has_prefix (xmp, iim);
}

/* IIM and XMP field by field, as MWG 2.0 reads them: XMP wins, IIM fills what XMP lacks,
 * unless the IPTC digest says a program changed the IIM after the XMP was written. */
static void
merge_iim (CaptionerPhoto          *self,
           CaptionerMetadata       *metadata,
           const CaptionerMetadata *iim,
           const CaptionerMetadata *xmp,
           gboolean                 xmp_has_keywords,
           CaptionerIimDigest       digest)
{
  g_autoptr(GString) differing = g_string_new (NULL);

  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    {
      const char *iv = iim->fields[i];
      const char *xv = xmp != NULL ? xmp->fields[i] : NULL;

      if (iv == NULL)
        continue;
      if (xv != NULL && digest != CAPTIONER_IIM_DIGEST_MATCHES && !same_value (i, iv, xv))
        g_string_append_printf (differing, "%s%s", differing->len ? ", " : "",
                                captioner_field_get_name (i));
      if (xv == NULL || (digest == CAPTIONER_IIM_DIGEST_DIFFERS && !same_value (i, iv, xv)))
        captioner_metadata_set (metadata, i, iv);
    }
  if (iim->keywords[0] != NULL && (!xmp_has_keywords || digest == CAPTIONER_IIM_DIGEST_DIFFERS))
    captioner_metadata_set_keywords (metadata, (const char * const *) iim->keywords);

  if (differing->len > 0)
    captioner_photo_add_photo_warning (
        self, digest == CAPTIONER_IIM_DIGEST_DIFFERS
              ? g_strdup_printf (_("its IPTC IIM and XMP disagree (%s); the IIM was changed "
                                   "after the XMP, so Captioner reads the IIM"), differing->str)
              : g_strdup_printf (_("its IPTC IIM and XMP disagree (%s); Captioner reads the "
                                   "XMP"), differing->str));
}

void
captioner_photo_read_embedded (CaptionerPhoto     *self,
                               gboolean            is_jpeg,
                               CaptionerJpegInfo  *info,
                               CaptionerMetadata  *metadata,
                               int                *xmp_orientation)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autoptr(CaptionerMetadata) iim = NULL;
  g_autoptr(CaptionerMetadata) from_xmp = NULL;
  CaptionerIimDigest digest = CAPTIONER_IIM_DIGEST_MISSING;
  gboolean xmp_has_keywords = FALSE;

  *xmp_orientation = 0;
  apply_exif_fallbacks (metadata, self->exif);
  if (is_jpeg)
    iim = read_iim (self, info, &digest);
  xmp = read_xmp (self, is_jpeg, info);

  if (xmp != NULL)
    {
      from_xmp = captioner_metadata_new ();
      captioner_xmp_read_metadata (xmp, self->stored_width, self->stored_height, from_xmp);
      xmp_has_keywords = xmp_has_property (xmp, NS_DC, "subject");
      *xmp_orientation = is_jpeg ? captioner_xmp_get_orientation (xmp) : 0;
    }

  /* EXIF, then IIM, then XMP: each field from the strongest source that has it. */
  if (from_xmp != NULL)
    {
      for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
        if (from_xmp->fields[i] != NULL)
          captioner_metadata_set (metadata, i, from_xmp->fields[i]);
      if (xmp_has_keywords)
        captioner_metadata_set_keywords (metadata, (const char * const *) from_xmp->keywords);
      g_ptr_array_unref (metadata->people);
      metadata->people = captioner_people_copy (from_xmp->people);
      g_clear_pointer (&metadata->languages, g_hash_table_unref);
      metadata->languages = captioner_languages_copy (from_xmp->languages);
    }
  if (iim != NULL)
    merge_iim (self, metadata, iim, from_xmp, xmp_has_keywords, digest);

  /* A new sidecar starts from this packet, so that a reader that takes the sidecar over the
   * photo (digiKam, darktable) finds everything the photo carried. */
  if (xmp != NULL)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      g_clear_pointer (&self->base_toolkit, g_free);
      if (is_jpeg && info->xmp != NULL && !info->has_extended_xmp)
        {
          self->base_bytes = g_bytes_new (info->xmp, info->xmp_length);
          self->base_toolkit = captioner_xmp_packet_get_toolkit ((const char *) info->xmp,
                                                                 info->xmp_length);
        }
      else if ((text = captioner_xmp_serialize (xmp, "", &length, NULL)) != NULL)
        self->base_bytes = g_bytes_new_take (g_steal_pointer (&text), length);
      if (self->base_bytes != NULL)
        {
          self->base_is_photo = TRUE;
          self->embedded_bytes = g_bytes_ref (self->base_bytes);
          self->people_in_base = TRUE;
        }
      if (self->base_toolkit == NULL)
        self->base_toolkit = g_strdup ("");
    }
}
