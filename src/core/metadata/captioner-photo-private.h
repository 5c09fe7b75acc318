#pragma once

#include "captioner-photo.h"

G_BEGIN_DECLS

/* The photo's state, shared by captioner-photo.c (loading, getters) and
 * captioner-photo-save.c (writing the sidecar). */
struct _CaptionerPhoto
{
  GObject            parent_instance;

  GFile             *file;
  char              *display_name;
  char              *parse_name;
  int                orientation;
  int                stored_width;
  int                stored_height;
  CaptionerExif     *exif;
  CaptionerMetadata *metadata;       /* merged, as read or as last saved */
  GFile             *sidecar;        /* the sidecar read, or NULL */
  GFile             *sidecar_target; /* NAME.EXT.xmp */
  GBytes            *target_bytes;   /* NAME.EXT.xmp as read: the baseline for conflicts */
  GBytes            *base_bytes;     /* the sidecar whose other properties a save keeps */
  char              *sidecar_caption;  /* dc:description in the sidecar, NULL when none */
  char              *sidecar_composed; /* what Captioner last composed there */
  char              *warning;
};

G_END_DECLS
