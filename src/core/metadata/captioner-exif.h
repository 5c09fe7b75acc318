#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_EXIF (captioner_exif_get_type ())

/* The EXIF facts an editor wants to see, read with libexif. Strings are NULL when absent,
 * numbers are 0 (and the has_ flags FALSE) when absent. */
typedef struct
{
  int     orientation;        /* 1..8, 1 when absent or invalid */
  gboolean has_orientation;   /* the tag was there and valid */
  char   *make;
  char   *model;
  char   *lens;
  char   *datetime_original;  /* ISO 8601: 2023-10-23T10:00:00, with +03:00 when known */
  char   *exposure_time;      /* "1/250" or "2" (seconds) */
  double  f_number;
  int     iso;
  double  focal_length;       /* mm */
  char   *artist;
  char   *copyright;
  char   *image_description;
  gboolean has_gps;
  double  gps_latitude;       /* degrees, south negative */
  double  gps_longitude;      /* degrees, west negative */
  int     pixel_width;        /* PixelXDimension, 0 when absent */
  int     pixel_height;
  GBytes *thumbnail;          /* embedded JPEG thumbnail, or NULL */
  char   *problem;            /* what libexif found damaged, or NULL */
} CaptionerExif;

GType          captioner_exif_get_type  (void) G_GNUC_CONST;
CaptionerExif *captioner_exif_new       (void);
CaptionerExif *captioner_exif_copy      (const CaptionerExif *exif);
void           captioner_exif_free      (CaptionerExif       *exif);
/* Parses an APP1 Exif payload (starting at "Exif\0\0") or a bare TIFF block. Never fails:
 * corrupt data gives what could be read. */
CaptionerExif *captioner_exif_new_from_data (const guint8    *data,
                                             gsize            length);
/* Whether an ImageDescription is what a camera writes into every photo ("OLYMPUS DIGITAL
 * CAMERA", "SONY DSC", blanks...) rather than a caption. */
gboolean       captioner_exif_is_boilerplate_description (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerExif, captioner_exif_free)

G_END_DECLS
