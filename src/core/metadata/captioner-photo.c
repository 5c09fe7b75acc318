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
  g_clear_pointer (&self->base_toolkit, g_free);
  g_clear_pointer (&self->embedded_bytes, g_bytes_unref);
  g_clear_object (&self->adobe);
  g_clear_object (&self->raw_sidecar);
  g_clear_pointer (&self->raw_bytes, g_bytes_unref);
  g_clear_pointer (&self->sidecar_caption, g_free);
  g_clear_pointer (&self->sidecar_composed, g_free);
  g_clear_pointer (&self->photo_warning, g_free);
  g_clear_pointer (&self->sidecar_warning, g_free);
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
join_warnings (CaptionerPhoto *self)
{
  g_clear_pointer (&self->warning, g_free);
  if (self->photo_warning != NULL && self->sidecar_warning != NULL)
    self->warning = g_strconcat (self->photo_warning, "; ", self->sidecar_warning, NULL);
  else
    self->warning = g_strdup (self->photo_warning ? self->photo_warning : self->sidecar_warning);
}

static void
append_warning (char **list,
                char  *text)
{
  char *joined;

  if (*list == NULL)
    {
      *list = text;
      return;
    }
  joined = g_strconcat (*list, "; ", text, NULL);
  g_free (*list);
  g_free (text);
  *list = joined;
}

void
captioner_photo_add_photo_warning (CaptionerPhoto *self,
                                   char           *text)
{
  append_warning (&self->photo_warning, text);
  join_warnings (self);
}

void
captioner_photo_add_sidecar_warning (CaptionerPhoto *self,
                                     char           *text)
{
  append_warning (&self->sidecar_warning, text);
  join_warnings (self);
}

void
captioner_photo_clear_sidecar_warning (CaptionerPhoto *self)
{
  g_clear_pointer (&self->sidecar_warning, g_free);
  join_warnings (self);
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

/* Sidecar over embedded XMP over EXIF, as MWG 2.0 says: tiff:Orientation in a sidecar is the
 * editor's turn in Lightroom or digiKam; the embedded XMP's counts when EXIF has none. */
static void
decide_orientation (CaptionerPhoto *self,
                    int             xmp_orientation,
                    int             sidecar_orientation)
{
  int exif = self->exif->has_orientation ? self->exif->orientation : 0;

  self->orientation = sidecar_orientation ? sidecar_orientation
                      : exif ? exif
                      : xmp_orientation ? xmp_orientation
                      : 1;
  if (sidecar_orientation != 0 && exif != 0 && sidecar_orientation != exif)
    captioner_photo_add_sidecar_warning (
        self, g_strdup_printf (_("its sidecar turns it (orientation %d) unlike its EXIF "
                                 "(orientation %d); Captioner follows the sidecar"),
                               sidecar_orientation, exif));
  else if (sidecar_orientation == 0 && xmp_orientation != 0 && exif != 0 &&
           xmp_orientation != exif)
    captioner_photo_add_photo_warning (
        self, g_strdup_printf (_("its XMP turns it (orientation %d) unlike its EXIF "
                                 "(orientation %d); Captioner follows the EXIF"),
                               xmp_orientation, exif));
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
  int xmp_orientation = 0;
  int sidecar_orientation = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CAPTIONER_TYPE_PHOTO, NULL);
  self->file = g_object_ref (file);
  {
    g_autofree char *basename = g_file_get_basename (file);
    self->display_name = g_filename_display_name (basename);
  }
  self->parse_name = g_file_get_parse_name (file);
  metadata = captioner_metadata_new ();

  head = captioner_photo_read_head (file, cancellable, &local_error);
  if (head == NULL || !captioner_photo_read_image (self, head, &is_jpeg, &info, &local_error))
    {
      if (strstr (local_error->message, self->parse_name) != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                    self->parse_name);
      return NULL;
    }

  if (self->exif->problem != NULL)
    captioner_photo_add_photo_warning (self, g_strdup_printf (_("its EXIF is damaged (%s); what "
                                                                "could be read is shown"),
                                                              self->exif->problem));
  captioner_photo_read_embedded (self, is_jpeg, &info, metadata, &xmp_orientation);

  /* Errors from the sidecars name the sidecar already. */
  if (!captioner_photo_read_sidecars (self, metadata, &sidecar_orientation, cancellable, error))
    return NULL;
  decide_orientation (self, xmp_orientation, sidecar_orientation);

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
