#define G_LOG_DOMAIN "captioner-photo"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-iptc.h"
#include "captioner-jpeg.h"
#include "captioner-orientation.h"
#include "captioner-person.h"
#include "captioner-photo-private.h"
#include "captioner-sidecar.h"
#include "captioner-xmp.h"

#define HEAD_CHUNK   (128 * 1024)
#define HEAD_MAX     (8 * 1024 * 1024)


G_DEFINE_FINAL_TYPE (CaptionerPhoto, captioner_photo, G_TYPE_OBJECT)

static void
captioner_photo_finalize (GObject *object)
{
  CaptionerPhoto *self = CAPTIONER_PHOTO (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->parse_name, g_free);
  g_clear_pointer (&self->exif, captioner_exif_free);
  g_clear_pointer (&self->metadata, captioner_metadata_free);
  g_clear_object (&self->sidecar);
  g_clear_object (&self->sidecar_target);
  g_clear_pointer (&self->target_bytes, g_bytes_unref);
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  g_clear_pointer (&self->sidecar_caption, g_free);
  g_clear_pointer (&self->sidecar_composed, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (captioner_photo_parent_class)->finalize (object);
}

static void
captioner_photo_class_init (CaptionerPhotoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_photo_finalize;
}

static void
captioner_photo_init (CaptionerPhoto *self)
{
  self->orientation = 1;
}

static void
add_warning (CaptionerPhoto *self,
             char           *text)
{
  char *joined;

  if (self->warning == NULL)
    {
      self->warning = text;
      return;
    }
  joined = g_strconcat (self->warning, "; ", text, NULL);
  g_free (self->warning);
  g_free (text);
  self->warning = joined;
}

gboolean
captioner_file_is_photo_name (const char *basename)
{
  static const char * const extensions[] = { ".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff" };
  g_autofree char *lower = NULL;

  if (basename == NULL || basename[0] == '.')
    return FALSE;
  lower = g_ascii_strdown (basename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]) && strlen (lower) > strlen (extensions[i]))
      return TRUE;
  return FALSE;
}

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
static GBytes *
read_head (GFile         *file,
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

static void
apply_exif_fallbacks (CaptionerMetadata   *metadata,
                      const CaptionerExif *exif)
{
  /* EXIF is the weakest source: XMP and IIM (folded into XMP by exempi) override it. */
  captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, exif->image_description);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_BYLINE, exif->artist);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_COPYRIGHT, exif->copyright);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_DATE_CREATED, exif->datetime_original);
}

static gboolean
read_image (CaptionerPhoto  *self,
            GBytes          *head,
            gboolean        *is_jpeg,
            CaptionerJpegInfo *info,
            GError         **error)
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
  add_warning (self, g_strdup_printf (_("the caption data embedded in the photo could not be "
                                        "read: %s"), problem));
}

/* Embedded XMP and IIM. A JPEG's XMP packet is checked like a sidecar (no DTD, well-formed);
 * when the photo also carries IIM, or extended XMP, exempi's smart handler reads them and
 * reconciles IIM into XMP, else the packet is parsed here. Damage is a warning: the photo can
 * still be captioned. */
static void
read_embedded_xmp (CaptionerPhoto     *self,
                   gboolean            is_jpeg,
                   CaptionerJpegInfo  *info,
                   CaptionerMetadata  *metadata)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  const char *path = g_file_peek_path (self->file);
  const char *packet = is_jpeg ? (const char *) info->xmp : NULL;
  gboolean packet_ok = TRUE;
  gboolean use_smart_handler;

  if (is_jpeg && info->iptc != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!captioner_iptc_check_irb (info->iptc, info->iptc_length, &error))
        {
          warn_embedded (self, error->message);
          info->iptc = NULL;  /* not handed to exempi */
        }
    }
  use_smart_handler = path != NULL &&
                      (!is_jpeg || info->iptc != NULL || info->has_extended_xmp);

  /* The packet is checked either way; it is only parsed here when exempi's smart handler will
   * not read it again. */
  if (packet != NULL)
    {
      g_autoptr(GError) error = NULL;

      packet_ok = captioner_xmp_check (packet, info->xmp_length, &error);
      if (!packet_ok)
        warn_embedded (self, error->message);
    }

  if (use_smart_handler && packet_ok)
    {
      g_autoptr(GError) error = NULL;

      xmp = captioner_xmp_read_embedded (path, &error);
      if (error != NULL)
        warn_embedded (self, error->message);
    }

  if (xmp == NULL && packet != NULL && packet_ok)
    {
      g_autoptr(GError) error = NULL;

      xmp = captioner_xmp_parse (packet, info->xmp_length, &error);
      if (xmp == NULL)
        warn_embedded (self, error->message);
    }

  if (xmp != NULL)
    captioner_xmp_read_metadata (xmp, self->stored_width, self->stored_height, metadata);
}

static CaptionerMetadata *
parse_sidecar (GFile   *sidecar,
               GBytes  *contents,
               int      width,
               int      height,
               XmpPtr  *out_xmp,
               GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);
  XmpPtr xmp;
  CaptionerMetadata *metadata;

  xmp = captioner_xmp_parse (data ? data : "", length, error);
  if (xmp == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (sidecar);
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  metadata = captioner_metadata_new ();
  captioner_xmp_read_metadata (xmp, width, height, metadata);
  if (out_xmp)
    *out_xmp = xmp;
  else
    xmp_free (xmp);
  return metadata;
}

static void
overlay_metadata (CaptionerMetadata       *base,
                  const CaptionerMetadata *top,
                  XmpPtr                   top_xmp)
{
  /* Field by field: what the sidecar holds wins; what it lacks comes from the photo. */
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (top->fields[i] != NULL)
      captioner_metadata_set (base, i, top->fields[i]);
  if (xmp_has_property (top_xmp, NS_DC, "subject"))
    captioner_metadata_set_keywords (base, (const char * const *) top->keywords);
  if (top->people->len > 0)
    {
      g_ptr_array_unref (base->people);
      base->people = captioner_people_copy (top->people);
    }
}

static gboolean
read_sidecars (CaptionerPhoto     *self,
               CaptionerMetadata  *metadata,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GFile) adobe = captioner_sidecar_adobe_file_for (self->file);
  g_autoptr(GBytes) adobe_bytes = NULL;
  g_autoptr(CaptionerMetadata) target_md = NULL;
  g_autoptr(CaptionerMetadata) adobe_md = NULL;
  g_autoptr(CaptionerXmp) target_xmp = NULL;
  g_autoptr(CaptionerXmp) adobe_xmp = NULL;

  self->sidecar_target = captioner_sidecar_file_for (self->file);

  {
    g_autoptr(GError) local_error = NULL;

    captioner_sidecar_read (self->sidecar_target, &self->target_bytes, cancellable, &local_error);
    if (local_error == NULL && !g_file_equal (adobe, self->sidecar_target))
      captioner_sidecar_read (adobe, &adobe_bytes, cancellable, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  if (self->target_bytes != NULL)
    {
      target_md = parse_sidecar (self->sidecar_target, self->target_bytes, self->stored_width,
                                 self->stored_height, &target_xmp, error);
      if (target_md == NULL)
        return FALSE;
    }
  if (adobe_bytes != NULL)
    {
      g_autoptr(GError) adobe_error = NULL;

      adobe_md = parse_sidecar (adobe, adobe_bytes, self->stored_width, self->stored_height,
                                &adobe_xmp, &adobe_error);
      /* A broken NAME.xmp matters only when it is the sidecar we would read. */
      if (adobe_md == NULL && target_md == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&adobe_error));
          return FALSE;
        }
    }

  if (target_md != NULL)
    {
      self->sidecar = g_object_ref (self->sidecar_target);
      self->base_bytes = g_bytes_ref (self->target_bytes);
      if (adobe_md != NULL && !captioner_metadata_equal (target_md, adobe_md))
        {
          g_autofree char *t = g_file_get_basename (self->sidecar_target);
          g_autofree char *a = g_file_get_basename (adobe);
          add_warning (self, g_strdup_printf (_("%s and %s disagree; Captioner reads and "
                                                "writes %s"), t, a, t));
        }
      overlay_metadata (metadata, target_md, target_xmp);
      self->sidecar_caption = g_strdup (target_md->fields[CAPTIONER_FIELD_CAPTION]);
      self->sidecar_composed = g_strdup (target_md->fields[CAPTIONER_FIELD_COMPOSED]);
    }
  else if (adobe_md != NULL)
    {
      self->sidecar = g_object_ref (adobe);
      self->base_bytes = g_bytes_ref (adobe_bytes);
      overlay_metadata (metadata, adobe_md, adobe_xmp);
      self->sidecar_caption = g_strdup (adobe_md->fields[CAPTIONER_FIELD_CAPTION]);
      self->sidecar_composed = g_strdup (adobe_md->fields[CAPTIONER_FIELD_COMPOSED]);
    }
  return TRUE;
}

CaptionerPhoto *
captioner_photo_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(CaptionerPhoto) self = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(CaptionerMetadata) metadata = NULL;
  g_autoptr(GError) local_error = NULL;
  CaptionerJpegInfo info = { 0 };
  gboolean is_jpeg = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CAPTIONER_TYPE_PHOTO, NULL);
  self->file = g_object_ref (file);
  {
    g_autofree char *basename = g_file_get_basename (file);
    self->display_name = g_filename_display_name (basename);
  }
  self->parse_name = g_file_get_parse_name (file);
  metadata = captioner_metadata_new ();

  head = read_head (file, cancellable, &local_error);
  if (head == NULL || !read_image (self, head, &is_jpeg, &info, &local_error))
    {
      if (strstr (local_error->message, self->parse_name) != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                    self->parse_name);
      return NULL;
    }

  if (self->exif->problem != NULL)
    add_warning (self, g_strdup_printf (_("its EXIF is damaged (%s); what could be read is "
                                          "shown"), self->exif->problem));
  apply_exif_fallbacks (metadata, self->exif);
  read_embedded_xmp (self, is_jpeg, &info, metadata);

  /* Errors from the sidecars name the sidecar already. */
  if (!read_sidecars (self, metadata, cancellable, error))
    return NULL;

  self->metadata = g_steal_pointer (&metadata);
  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CaptionerPhoto *photo = captioner_photo_load (task_data, cancellable, &error);

  if (photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, photo, g_object_unref);
}

void
captioner_photo_load_async (GFile               *file,
                            int                  io_priority,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_photo_load_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CaptionerPhoto *
captioner_photo_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
captioner_photo_get_file (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->file;
}

const char *
captioner_photo_get_display_name (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->display_name;
}

int
captioner_photo_get_orientation (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), 1);
  return self->orientation;
}

int
captioner_photo_get_stored_width (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), 0);
  return self->stored_width;
}

int
captioner_photo_get_stored_height (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), 0);
  return self->stored_height;
}

int
captioner_photo_get_width (CaptionerPhoto *self)
{
  int width;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), 0);
  captioner_orientation_displayed_size (self->orientation, self->stored_width,
                                        self->stored_height, &width, NULL);
  return width;
}

int
captioner_photo_get_height (CaptionerPhoto *self)
{
  int height;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), 0);
  captioner_orientation_displayed_size (self->orientation, self->stored_width,
                                        self->stored_height, NULL, &height);
  return height;
}

const CaptionerExif *
captioner_photo_get_exif (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->exif;
}

GBytes *
captioner_photo_get_thumbnail (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->exif->thumbnail;
}

const CaptionerMetadata *
captioner_photo_get_metadata (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->metadata;
}

GFile *
captioner_photo_get_sidecar (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->sidecar;
}

GFile *
captioner_photo_get_sidecar_target (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->sidecar_target;
}

const char *
captioner_photo_get_warning (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), NULL);
  return self->warning;
}

gboolean
captioner_photo_has_foreign_caption (CaptionerPhoto *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), FALSE);
  return captioner_caption_is_foreign (self->sidecar_caption, self->sidecar_composed);
}
