#pragma once

#include "captioner-jpeg.h"
#include "captioner-photo.h"

G_BEGIN_DECLS

/* The photo's state, shared by captioner-photo.c (loading, getters), captioner-photo-read.c
 * (the photo's own metadata), captioner-photo-sidecars.c (which sidecars, and reading them)
 * and captioner-photo-save.c (writing). */
struct _CaptionerPhoto
{
  GObject            parent_instance;

  GFile             *file;
  char              *display_name;
  char              *parse_name;
  int                orientation;     /* sidecar tiff:Orientation, else EXIF, else XMP, else 1 */
  int                stored_width;
  int                stored_height;
  CaptionerExif     *exif;
  CaptionerMetadata *metadata;        /* merged, as read or as last saved */

  /* The sidecars. */
  GFile             *sidecar;         /* the sidecar read, or NULL */
  GFile             *sidecar_target;  /* where a save writes: the NAME.EXT.xmp found in whatever
                                       * case, else a new NAME.EXT.xmp */
  GBytes            *target_bytes;    /* sidecar_target as read (NULL: absent): for conflicts */
  GBytes            *base_bytes;      /* the packet a save applies the changes to: the sidecar
                                       * read, or the photo's embedded XMP, or NULL (empty) */
  gboolean           base_is_photo;   /* base_bytes is the photo's embedded XMP */
  GBytes            *embedded_bytes;  /* the photo's embedded XMP, or NULL */
  gboolean           people_in_base;  /* the people were read from base_bytes */
  char              *base_toolkit;    /* x:xmptk of base_bytes, "" when it names none */
  GFile             *adobe;           /* NAME.xmp beside a NAME.EXT.xmp (not a RAW's), or NULL */
  GFile             *raw_sidecar;     /* the NAME.xmp of a RAW of the same name, or NULL: the
                                       * pair is one photo, caption fields go to both */
  GBytes            *raw_bytes;       /* raw_sidecar as read */
  char              *sidecar_caption;   /* dc:description in the sidecar, NULL when none */
  char              *sidecar_composed;  /* what Captioner last composed there */

  /* What the editor should know. */
  char              *photo_warning;   /* about the photo itself (EXIF, IIM, XMP, orientation) */
  char              *sidecar_warning; /* about its sidecars; a save says it again */
  char              *warning;         /* both, for captioner_photo_get_warning */
};

/* Warnings: text is taken. */
void     captioner_photo_add_photo_warning   (CaptionerPhoto     *self,
                                              char               *text);
void     captioner_photo_add_sidecar_warning (CaptionerPhoto     *self,
                                              char               *text);
void     captioner_photo_clear_sidecar_warning (CaptionerPhoto   *self);

/* captioner-photo-read.c: the header (size, EXIF) and the photo's own caption data, in
 * metadata (EXIF under IIM under embedded XMP). Sets base_bytes to the embedded XMP. */
GBytes  *captioner_photo_read_head           (GFile              *file,
                                              GCancellable       *cancellable,
                                              GError            **error);
gboolean captioner_photo_read_image          (CaptionerPhoto     *self,
                                              GBytes             *head,
                                              gboolean           *is_jpeg,
                                              CaptionerJpegInfo  *info,
                                              GError            **error);
void     captioner_photo_read_embedded       (CaptionerPhoto     *self,
                                              gboolean            is_jpeg,
                                              CaptionerJpegInfo  *info,
                                              CaptionerMetadata  *metadata,
                                              int                *xmp_orientation);

/* captioner-photo-sidecars.c: finds and reads the sidecars over metadata; sets the sidecar
 * fields above, and the sidecar's orientation (0 when it gives none). */
gboolean captioner_photo_read_sidecars       (CaptionerPhoto     *self,
                                              CaptionerMetadata  *metadata,
                                              int                *sidecar_orientation,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* Says, after a save, that NAME.xmp beside the sidecar written is now behind it. */
void     captioner_photo_warn_stale_adobe    (CaptionerPhoto     *self);

G_END_DECLS
