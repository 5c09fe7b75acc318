#define G_LOG_DOMAIN "captioner-exif"

#include "config.h"

#include <libexif/exif-data.h>
#include <libexif/exif-log.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "captioner-exif.h"
#include "captioner-orientation.h"

G_DEFINE_BOXED_TYPE (CaptionerExif, captioner_exif, captioner_exif_copy, captioner_exif_free)

CaptionerExif *
captioner_exif_new (void)
{
  CaptionerExif *exif = g_new0 (CaptionerExif, 1);

  exif->orientation = 1;
  return exif;
}

CaptionerExif *
captioner_exif_copy (const CaptionerExif *exif)
{
  CaptionerExif *copy;

  g_return_val_if_fail (exif != NULL, NULL);

  copy = g_memdup2 (exif, sizeof *exif);
  copy->make = g_strdup (exif->make);
  copy->model = g_strdup (exif->model);
  copy->lens = g_strdup (exif->lens);
  copy->datetime_original = g_strdup (exif->datetime_original);
  copy->exposure_time = g_strdup (exif->exposure_time);
  copy->artist = g_strdup (exif->artist);
  copy->copyright = g_strdup (exif->copyright);
  copy->image_description = g_strdup (exif->image_description);
  copy->thumbnail = exif->thumbnail ? g_bytes_ref (exif->thumbnail) : NULL;
  copy->problem = g_strdup (exif->problem);
  return copy;
}

void
captioner_exif_free (CaptionerExif *exif)
{
  if (exif == NULL)
    return;
  g_free (exif->make);
  g_free (exif->model);
  g_free (exif->lens);
  g_free (exif->datetime_original);
  g_free (exif->exposure_time);
  g_free (exif->artist);
  g_free (exif->copyright);
  g_free (exif->image_description);
  g_clear_pointer (&exif->thumbnail, g_bytes_unref);
  g_free (exif->problem);
  g_free (exif);
}

static ExifEntry *
find_entry (ExifData *data,
            ExifIfd   ifd,
            ExifTag   tag)
{
  if (data->ifd[ifd] == NULL)
    return NULL;
  return exif_content_get_entry (data->ifd[ifd], tag);
}

/* An ASCII or UNDEFINED entry as valid UTF-8, trimmed; NULL when empty. Cameras pad with
 * spaces and NULs, and some write Latin-1: make_valid keeps what can be kept. */
static char *
get_text (ExifData *data,
          ExifIfd   ifd,
          ExifTag   tag)
{
  ExifEntry *entry = find_entry (data, ifd, tag);
  g_autofree char *raw = NULL;
  char *valid;

  if (entry == NULL || entry->data == NULL || entry->size == 0)
    return NULL;
  if (entry->format != EXIF_FORMAT_ASCII && entry->format != EXIF_FORMAT_UNDEFINED)
    return NULL;
  raw = g_strndup ((const char *) entry->data, entry->size);
  valid = g_strstrip (g_utf8_make_valid (raw, -1));
  if (*valid == '\0')
    g_clear_pointer (&valid, g_free);
  return valid;
}

static gboolean
get_rational (ExifData *data,
              ExifIfd   ifd,
              ExifTag   tag,
              guint     index,
              double   *value)
{
  ExifEntry *entry = find_entry (data, ifd, tag);
  ExifByteOrder order = exif_data_get_byte_order (data);
  guint size;

  if (entry == NULL || entry->data == NULL || index >= entry->components)
    return FALSE;
  size = exif_format_get_size (entry->format);
  if ((index + 1) * size > entry->size)
    return FALSE;

  if (entry->format == EXIF_FORMAT_RATIONAL)
    {
      ExifRational r = exif_get_rational (entry->data + index * size, order);
      if (r.denominator == 0)
        return FALSE;
      *value = (double) r.numerator / r.denominator;
      return TRUE;
    }
  if (entry->format == EXIF_FORMAT_SRATIONAL)
    {
      ExifSRational r = exif_get_srational (entry->data + index * size, order);
      if (r.denominator == 0)
        return FALSE;
      *value = (double) r.numerator / r.denominator;
      return TRUE;
    }
  return FALSE;
}

static gboolean
get_integer (ExifData *data,
             ExifIfd   ifd,
             ExifTag   tag,
             int      *value)
{
  ExifEntry *entry = find_entry (data, ifd, tag);
  ExifByteOrder order = exif_data_get_byte_order (data);

  if (entry == NULL || entry->data == NULL || entry->components < 1)
    return FALSE;
  switch (entry->format)
    {
    case EXIF_FORMAT_SHORT:
      if (entry->size < 2)
        return FALSE;
      *value = exif_get_short (entry->data, order);
      return TRUE;
    case EXIF_FORMAT_LONG:
      if (entry->size < 4)
        return FALSE;
      *value = (int) MIN (exif_get_long (entry->data, order), (ExifLong) G_MAXINT);
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
format_datetime (const char *exif_datetime,
                 const char *offset)
{
  int y, mo, d, h, mi, s;

  /* "2023:10:23 10:00:00" → "2023-10-23T10:00:00", with the offset when the camera gave one. */
  if (exif_datetime == NULL ||
      sscanf (exif_datetime, "%4d:%2d:%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 ||
      y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return NULL;
  if (offset != NULL && strlen (offset) == 6 && (offset[0] == '+' || offset[0] == '-') &&
      offset[3] == ':')
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, s, offset);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
}

static char *
format_exposure (double seconds)
{
  if (seconds <= 0)
    return NULL;
  if (seconds < 1.0)
    return g_strdup_printf ("1/%.0f", 1.0 / seconds);
  return g_strdup_printf ("%g", seconds);
}

static gboolean
get_gps_coordinate (ExifData *data,
                    ExifTag   value_tag,
                    ExifTag   ref_tag,
                    double   *value)
{
  double deg, min, sec;
  g_autofree char *ref = NULL;

  if (!get_rational (data, EXIF_IFD_GPS, value_tag, 0, &deg) ||
      !get_rational (data, EXIF_IFD_GPS, value_tag, 1, &min) ||
      !get_rational (data, EXIF_IFD_GPS, value_tag, 2, &sec))
    return FALSE;
  *value = deg + min / 60.0 + sec / 3600.0;
  ref = get_text (data, EXIF_IFD_GPS, ref_tag);
  if (ref != NULL && (ref[0] == 'S' || ref[0] == 'W'))
    *value = -*value;
  return isfinite (*value);
}

static void
read_entries (CaptionerExif *exif,
              ExifData      *data)
{
  g_autofree char *datetime = NULL;
  g_autofree char *offset = NULL;
  double number;
  int integer;

  if (get_integer (data, EXIF_IFD_0, EXIF_TAG_ORIENTATION, &integer) &&
      captioner_orientation_is_valid (integer))
    {
      exif->orientation = integer;
      exif->has_orientation = TRUE;
    }

  exif->make = get_text (data, EXIF_IFD_0, EXIF_TAG_MAKE);
  exif->model = get_text (data, EXIF_IFD_0, EXIF_TAG_MODEL);
  exif->lens = get_text (data, EXIF_IFD_EXIF, EXIF_TAG_LENS_MODEL);
  exif->artist = get_text (data, EXIF_IFD_0, EXIF_TAG_ARTIST);
  exif->copyright = get_text (data, EXIF_IFD_0, EXIF_TAG_COPYRIGHT);
  exif->image_description = get_text (data, EXIF_IFD_0, EXIF_TAG_IMAGE_DESCRIPTION);

  datetime = get_text (data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
  offset = get_text (data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL);
  exif->datetime_original = format_datetime (datetime, offset);

  if (get_rational (data, EXIF_IFD_EXIF, EXIF_TAG_EXPOSURE_TIME, 0, &number))
    exif->exposure_time = format_exposure (number);
  if (get_rational (data, EXIF_IFD_EXIF, EXIF_TAG_FNUMBER, 0, &number) && number > 0)
    exif->f_number = number;
  if (get_rational (data, EXIF_IFD_EXIF, EXIF_TAG_FOCAL_LENGTH, 0, &number) && number > 0)
    exif->focal_length = number;
  if (get_integer (data, EXIF_IFD_EXIF, EXIF_TAG_ISO_SPEED_RATINGS, &integer) && integer > 0)
    exif->iso = integer;
  if (get_integer (data, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_X_DIMENSION, &integer))
    exif->pixel_width = integer;
  if (get_integer (data, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_Y_DIMENSION, &integer))
    exif->pixel_height = integer;

  exif->has_gps =
    get_gps_coordinate (data, EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF,
                        &exif->gps_latitude) &&
    get_gps_coordinate (data, EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF,
                        &exif->gps_longitude);
  if (!exif->has_gps)
    exif->gps_latitude = exif->gps_longitude = 0;

  /* Only a thumbnail that looks like a JPEG is worth handing to a decoder. */
  if (data->data != NULL && data->size > 4 && data->data[0] == 0xFF && data->data[1] == 0xD8)
    exif->thumbnail = g_bytes_new (data->data, data->size);
}

typedef struct
{
  const guint8 *tiff;
  gsize         length;
  gboolean      big_endian;
  GArray       *visited;   /* guint32 offsets of the IFDs seen, to catch loops */
} TiffWalk;

static guint32
tiff_u16 (TiffWalk *w,
          gsize     at)
{
  return w->big_endian ? (w->tiff[at] << 8) | w->tiff[at + 1]
                       : (w->tiff[at + 1] << 8) | w->tiff[at];
}

static guint32
tiff_u32 (TiffWalk *w,
          gsize     at)
{
  return w->big_endian ? ((guint32) w->tiff[at] << 24) | (w->tiff[at + 1] << 16) |
                         (w->tiff[at + 2] << 8) | w->tiff[at + 3]
                       : ((guint32) w->tiff[at + 3] << 24) | (w->tiff[at + 2] << 16) |
                         (w->tiff[at + 1] << 8) | w->tiff[at];
}

/* Checks one IFD and the IFDs it points to: entry count inside the block, sub-IFD pointers
 * inside the block and never back to an IFD already seen. libexif copes with all of this
 * quietly; an editor should still hear that the file is damaged. */
static const char *
check_ifd (TiffWalk *w,
           guint32   offset,
           guint     depth)
{
  guint32 count;

  if (depth > 8)
    return "IFDs nested too deep";
  if (offset < 8 || (gsize) offset + 2 > w->length)
    return "an IFD offset points past the end of the EXIF block";
  for (guint i = 0; i < w->visited->len; i++)
    if (g_array_index (w->visited, guint32, i) == offset)
      return "an IFD points back at an IFD already read (a loop)";
  g_array_append_val (w->visited, offset);

  count = tiff_u16 (w, offset);
  if ((gsize) offset + 2 + (gsize) count * 12 + 4 > w->length)
    return "an IFD claims more entries than the EXIF block holds";

  for (guint32 i = 0; i < count; i++)
    {
      gsize entry = offset + 2 + (gsize) i * 12;
      guint32 tag = tiff_u16 (w, entry);

      if (tag == 0x8769 || tag == 0x8825 || tag == 0xA005)  /* Exif, GPS, Interop IFDs */
        {
          const char *problem = check_ifd (w, tiff_u32 (w, entry + 8), depth + 1);
          if (problem != NULL)
            return problem;
        }
    }

  {
    guint32 next = tiff_u32 (w, offset + 2 + (gsize) count * 12);
    if (next != 0 && depth == 0)
      return check_ifd (w, next, depth + 1);  /* IFD1, the thumbnail's */
    if (next != 0 && (gsize) next >= w->length)
      return "an IFD offset points past the end of the EXIF block";
  }
  return NULL;
}

static const char *
check_tiff_structure (const guint8 *data,
                      gsize         length)
{
  g_autoptr(GArray) visited = g_array_new (FALSE, FALSE, sizeof (guint32));
  TiffWalk w = { data, length, FALSE, visited };

  if (length < 8)
    return "the EXIF block is too short";
  if (data[0] == 'M' && data[1] == 'M')
    w.big_endian = TRUE;
  else if (!(data[0] == 'I' && data[1] == 'I'))
    return "the EXIF block has no TIFF header";
  if (tiff_u16 (&w, 2) != 42)
    return "the EXIF block has no TIFF header";
  return check_ifd (&w, tiff_u32 (&w, 4), 0);
}

/* libexif reports damage through its log; keep the first report about the EXIF structure
 * itself (maker notes are vendor blobs, often odd, and not ours to judge). */
static void
on_exif_log (ExifLog     *log,
             ExifLogCode  code,
             const char  *domain,
             const char  *format,
             va_list      args,
             void        *data)
{
  CaptionerExif *exif = data;
  g_autofree char *message = NULL;

  if (code != EXIF_LOG_CODE_CORRUPT_DATA || exif->problem != NULL ||
      (domain != NULL && g_str_has_prefix (domain, "ExifMnote")))
    return;
  /* libexif's own format string, with its arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_vprintf (format, args);
#pragma GCC diagnostic pop
  exif->problem = g_utf8_make_valid (message, -1);
}

CaptionerExif *
captioner_exif_new_from_data (const guint8 *data,
                              gsize         length)
{
  CaptionerExif *exif = captioner_exif_new ();
  ExifData *exif_data;
  ExifLog *log;

  if (data == NULL || length < 8 || length > G_MAXUINT)
    return exif;

  exif_data = exif_data_new ();
  if (exif_data == NULL)
    return exif;
  log = exif_log_new ();
  if (log != NULL)
    {
      exif_log_set_func (log, on_exif_log, exif);
      exif_data_log (exif_data, log);
    }
  /* Read what is there: do not invent mandatory tags, do not touch maker notes. */
  exif_data_unset_option (exif_data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_set_option (exif_data, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE);
  exif_data_load_data (exif_data, data, (unsigned int) length);
  read_entries (exif, exif_data);
  exif_data_unref (exif_data);
  if (exif->problem == NULL)
    {
      gsize skip = (length >= 6 && memcmp (data, "Exif\0\0", 6) == 0) ? 6 : 0;
      const char *problem = check_tiff_structure (data + skip, length - skip);
      if (problem != NULL)
        exif->problem = g_strdup (problem);
    }
  if (log != NULL)
    exif_log_unref (log);
  return exif;
}

gboolean
captioner_exif_is_boilerplate_description (const char *text)
{
  /* What cameras and phones put there by default (as digiKam and exiftool users list them). */
  static const char * const known[] = {
    "OLYMPUS DIGITAL CAMERA", "SONY DSC", "DIGITAL CAMERA", "KODAK DIGITAL STILL CAMERA",
    "MINOLTA DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", "SAMSUNG DIGITAL CAMERA",
    "SAMSUNG", "EXIF_JPEG_PICTURE", "EXIF JPEG", "CASIO DIGITAL CAMERA", "CASIO QV CAMERA",
    "LEICA DIGITAL CAMERA", "PENTAX DIGITAL CAMERA", "PENTAX IMAGE", "NIKON DIGITAL CAMERA",
    "FUJIFILM DIGITAL CAMERA", "PANASONIC DIGITAL CAMERA", "SANYO DIGITAL CAMERA",
    "RICOH DIGITAL CAMERA", "DCIM", "DEFAULT", "CAMERA", "PICTURE", "IMAGE", "PHOTO",
  };
  g_autofree char *trimmed = NULL;
  g_autofree char *upper = NULL;

  if (text == NULL)
    return TRUE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return TRUE;
  upper = g_ascii_strup (trimmed, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (upper, known[i]) == 0)
      return TRUE;
  /* "<MAKE> DIGITAL CAMERA", "<MAKE> DSC": a make and a word, never a sentence. */
  return strlen (upper) <= 40 && strchr (upper, '.') == NULL &&
         (g_str_has_suffix (upper, " DIGITAL CAMERA") ||
          g_str_has_suffix (upper, " DIGITAL STILL CAMERA") || g_str_has_suffix (upper, " DSC"));
}
