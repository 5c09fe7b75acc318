#pragma once

#include <gio/gio.h>

#include "captioner-exif.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PHOTO (captioner_photo_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPhoto, captioner_photo, CAPTIONER, PHOTO, GObject)

typedef enum
{
  CAPTIONER_SAVE_NONE             = 0,
  /* Replace dc:description even when another program changed it since Captioner composed it. */
  CAPTIONER_SAVE_FORCE_CAPTION    = 1 << 0,
  /* Write even when the sidecar on disk changed since it was read ("keep mine"). */
  CAPTIONER_SAVE_IGNORE_CONFLICT  = 1 << 1,
} CaptionerSaveFlags;

/* Loading reads the photo's header (never its pixels) and its sidecar: blocking, safe to call
 * from a worker thread. */
CaptionerPhoto          *captioner_photo_load              (GFile               *file,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
void                     captioner_photo_load_async        (GFile               *file,
                                                            int                  io_priority,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
CaptionerPhoto          *captioner_photo_load_finish       (GAsyncResult        *result,
                                                            GError             **error);

GFile                   *captioner_photo_get_file          (CaptionerPhoto      *self);
const char              *captioner_photo_get_display_name  (CaptionerPhoto      *self);
int                      captioner_photo_get_orientation   (CaptionerPhoto      *self);
int                      captioner_photo_get_stored_width  (CaptionerPhoto      *self);
int                      captioner_photo_get_stored_height (CaptionerPhoto      *self);
int                      captioner_photo_get_width         (CaptionerPhoto      *self);
int                      captioner_photo_get_height        (CaptionerPhoto      *self);
const CaptionerExif     *captioner_photo_get_exif          (CaptionerPhoto      *self);
GBytes                  *captioner_photo_get_thumbnail     (CaptionerPhoto      *self);
/* The merged metadata as read: sidecar over embedded XMP over IIM over EXIF (see README,
 * "Which source wins"); after a save, the metadata saved. People read from a file are
 * numbered 1..N in the order the packet lists them; people a save added have the ids it gave
 * them (a draft should take them from here after saving). */
const CaptionerMetadata *captioner_photo_get_metadata      (CaptionerPhoto      *self);
/* The sidecar that was read (NAME.EXT.xmp or NAME.xmp, in any case), or NULL. */
GFile                   *captioner_photo_get_sidecar       (CaptionerPhoto      *self);
/* Where a save writes: the NAME.EXT.xmp that was found (NAME.JPG.XMP...), else a new
 * NAME.EXT.xmp (NAME.xmp is left as it is; a RAW's NAME.xmp gets the caption fields too). */
GFile                   *captioner_photo_get_sidecar_target (CaptionerPhoto     *self);
/* Something the editor should know, or NULL: both sidecar names present and disagreeing, or
 * NAME.xmp left behind by a save; an orientation, an IIM and XMP that disagree; IIM read in a
 * guessed character set; UTF-16 XMP; damaged EXIF or IIM. Several are joined with "; ". */
const char              *captioner_photo_get_warning       (CaptionerPhoto      *self);
/* Whether the sidecar holds a caption another program wrote, or changed after Captioner
 * composed it there (captioner_caption_is_foreign). A save that would replace it fails with
 * CAPTIONER_ERROR_CAPTION_CHANGED unless forced. */
gboolean                 captioner_photo_has_foreign_caption (CaptionerPhoto    *self);

/* Writes what changed between the photo's metadata and metadata (field by field, person by
 * person by id) into the sidecar it read, or a new NAME.EXT.xmp started from the photo's
 * embedded XMP, atomically; every other property, language, item and region stays as it was.
 * A RAW of the same name gets the changed caption fields in its NAME.xmp. Fails with
 * CAPTIONER_ERROR_CONFLICT when the sidecar changed on disk since it was read, and with
 * CAPTIONER_ERROR_CAPTION_CHANGED when another program changed the caption (see the flags).
 * On success the photo holds the new metadata and the new sidecar state. Never opens the photo
 * for writing. */
gboolean                 captioner_photo_save              (CaptionerPhoto      *self,
                                                            const CaptionerMetadata *metadata,
                                                            CaptionerSaveFlags   flags,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
void                     captioner_photo_save_async        (CaptionerPhoto      *self,
                                                            const CaptionerMetadata *metadata,
                                                            CaptionerSaveFlags   flags,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean                 captioner_photo_save_finish       (CaptionerPhoto      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

gboolean                 captioner_file_is_photo_name      (const char          *basename);

G_END_DECLS
