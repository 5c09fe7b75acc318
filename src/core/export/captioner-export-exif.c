#define G_LOG_DOMAIN "captioner-export-exif"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "captioner-error.h"
#include "captioner-export-private.h"

/* libexif would re-serialise the whole block (and may drop or move tags it does not know,
 * maker notes included), so the three IFD0 text tags are patched by hand: the new values and
 * a copy of IFD0 holding them are appended to the TIFF block and the header is pointed at the
 * new IFD0. Every other offset stays valid because nothing before it moves. */

#define EXIF_HEADER_LENGTH 6
#define APP1_MAX_PAYLOAD 65533
#define TIFF_ASCII 2

enum
{
  TAG_IMAGE_DESCRIPTION = 0x010E,
  TAG_ARTIST = 0x013B,
  TAG_COPYRIGHT = 0x8298,
};

typedef struct
{
  gboolean big_endian;
} Order;

static guint16
get16 (const Order  *order,
       const guint8 *p)
{
  return order->big_endian ? (p[0] << 8) | p[1] : (p[1] << 8) | p[0];
}

static guint32
get32 (const Order  *order,
       const guint8 *p)
{
  return order->big_endian
    ? ((guint32) p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]
    : ((guint32) p[3] << 24) | (p[2] << 16) | (p[1] << 8) | p[0];
}

static void
put16 (const Order *order,
       guint8      *p,
       guint16      v)
{
  if (order->big_endian)
    {
      p[0] = v >> 8;
      p[1] = v & 0xFF;
    }
  else
    {
      p[1] = v >> 8;
      p[0] = v & 0xFF;
    }
}

static void
put32 (const Order *order,
       guint8      *p,
       guint32      v)
{
  for (guint i = 0; i < 4; i++)
    p[order->big_endian ? 3 - i : i] = (v >> (8 * i)) & 0xFF;
}

typedef struct
{
  guint16     tag;
  const char *value;     /* NULL: keep the old entry */
  gboolean    found;
  guint       index;     /* of the old entry in IFD0 */
  guint8      old[12];
} Patch;

/* The old ASCII value of an entry, without its trailing NULs, or NULL when it is not ASCII or
 * points outside the block. */
static char *
entry_string (const Order  *order,
              const guint8 *tiff,
              gsize         tiff_length,
              const guint8 *entry,
              gsize        *value_offset)
{
  guint32 count = get32 (order, entry + 4);
  const guint8 *data;

  *value_offset = 0;
  if (get16 (order, entry + 2) != TIFF_ASCII)
    return NULL;
  if (count <= 4)
    data = entry + 8;
  else
    {
      guint32 offset = get32 (order, entry + 8);
      if (offset > tiff_length || count > tiff_length - offset)
        return NULL;
      data = tiff + offset;
      *value_offset = offset;
    }
  while (count > 0 && data[count - 1] == '\0')
    count--;
  return g_strndup ((const char *) data, count);
}

GBytes *
captioner_exif_patch_text (GBytes      *exif,
                           const char  *image_description,
                           const char  *artist,
                           const char  *copyright,
                           GError     **error)
{
  Patch patches[] = {
    { TAG_IMAGE_DESCRIPTION, image_description },
    { TAG_ARTIST, artist },
    { TAG_COPYRIGHT, copyright },
  };
  gsize length;
  const guint8 *data = g_bytes_get_data (exif, &length);
  const guint8 *tiff;
  gsize tiff_length;
  Order order;
  guint32 ifd0;
  guint16 n_entries;
  gboolean changed = FALSE;
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GArray) entries = NULL;
  guint8 *new_tiff;
  gsize ifd_offset;

  g_return_val_if_fail (exif != NULL, NULL);

  if (length < EXIF_HEADER_LENGTH + 8 || memcmp (data, "Exif\0\0", EXIF_HEADER_LENGTH) != 0)
    goto corrupt;
  tiff = data + EXIF_HEADER_LENGTH;
  tiff_length = length - EXIF_HEADER_LENGTH;
  if (memcmp (tiff, "MM\0*", 4) == 0)
    order.big_endian = TRUE;
  else if (memcmp (tiff, "II*\0", 4) == 0)
    order.big_endian = FALSE;
  else
    goto corrupt;
  ifd0 = get32 (&order, tiff + 4);
  if (ifd0 < 8 || ifd0 > tiff_length - 2)
    goto corrupt;
  n_entries = get16 (&order, tiff + ifd0);
  if ((gsize) n_entries * 12 + 6 > tiff_length - ifd0)
    goto corrupt;

  entries = g_array_new (FALSE, FALSE, 12);
  for (guint i = 0; i < n_entries; i++)
    {
      const guint8 *entry = tiff + ifd0 + 2 + 12 * i;

      for (guint p = 0; p < G_N_ELEMENTS (patches); p++)
        if (patches[p].value != NULL && get16 (&order, entry) == patches[p].tag)
          {
            gsize value_offset;
            g_autofree char *old = entry_string (&order, tiff, tiff_length, entry, &value_offset);

            patches[p].found = TRUE;
            patches[p].index = i;
            memcpy (patches[p].old, entry, 12);
            if (g_strcmp0 (old, patches[p].value) != 0)
              changed = TRUE;
          }
      g_array_append_vals (entries, entry, 1);
    }
  for (guint p = 0; p < G_N_ELEMENTS (patches); p++)
    if (patches[p].value != NULL && !patches[p].found && *patches[p].value != '\0')
      changed = TRUE;

  if (!changed)
    return g_bytes_ref (exif);

  out = g_byte_array_sized_new (length + 1024);
  g_byte_array_append (out, data, length);

  for (guint p = 0; p < G_N_ELEMENTS (patches); p++)
    {
      gsize size;
      guint8 entry[12];
      gsize value_offset;
      g_autofree char *old = NULL;

      if (patches[p].value == NULL)
        continue;
      /* An empty value removes the tag, as exiftool does. */
      if (patches[p].found)
        {
          /* Blank the old text so that the replaced words do not linger in the copy. */
          old = entry_string (&order, tiff, tiff_length, patches[p].old, &value_offset);
          if (old != NULL && value_offset != 0)
            memset (out->data + EXIF_HEADER_LENGTH + value_offset, 0,
                    get32 (&order, patches[p].old + 4));
        }
      if (*patches[p].value == '\0')
        {
          if (patches[p].found)
            put16 (&order, &g_array_index (entries, guint8, 12 * patches[p].index), 0);
          continue;
        }

      size = strlen (patches[p].value) + 1;
      put16 (&order, entry, patches[p].tag);
      put16 (&order, entry + 2, TIFF_ASCII);
      put32 (&order, entry + 4, size);
      memset (entry + 8, 0, 4);
      if (size <= 4)
        memcpy (entry + 8, patches[p].value, size);
      else
        {
          if (out->len & 1)
            g_byte_array_append (out, (const guint8 *) "", 1);
          put32 (&order, entry + 8, out->len - EXIF_HEADER_LENGTH);
          g_byte_array_append (out, (const guint8 *) patches[p].value, size);
        }
      /* The entries keep their order (some cameras do not sort IFD0): a replaced tag stays
       * where it was, a new one goes before the first larger tag. */
      if (patches[p].found)
        memcpy (&g_array_index (entries, guint8, 12 * patches[p].index), entry, 12);
      else
        {
          guint at = 0;
          while (at < entries->len &&
                 get16 (&order, &g_array_index (entries, guint8, 12 * at)) <= patches[p].tag)
            at++;
          g_array_insert_vals (entries, at, entry, 1);
          for (guint q = 0; q < G_N_ELEMENTS (patches); q++)
            if (patches[q].found && patches[q].index >= at)
              patches[q].index++;
        }
    }
  /* Removed tags were marked with tag 0, which IFD0 never holds. */
  for (guint i = entries->len; i > 0; i--)
    if (get16 (&order, &g_array_index (entries, guint8, 12 * (i - 1))) == 0)
      g_array_remove_index (entries, i - 1);

  if (out->len & 1)
    g_byte_array_append (out, (const guint8 *) "", 1);
  ifd_offset = out->len - EXIF_HEADER_LENGTH;
  g_byte_array_set_size (out, out->len + 2 + 12 * entries->len + 4);
  new_tiff = out->data + EXIF_HEADER_LENGTH;
  put16 (&order, new_tiff + ifd_offset, entries->len);
  memcpy (new_tiff + ifd_offset + 2, entries->data, 12 * entries->len);
  /* The link to IFD1 (the thumbnail) is kept. */
  memcpy (new_tiff + ifd_offset + 2 + 12 * entries->len, tiff + ifd0 + 2 + 12 * n_entries, 4);
  put32 (&order, new_tiff + 4, ifd_offset);

  if (out->len > APP1_MAX_PAYLOAD)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED,
                   _("the EXIF block would grow past 64 KB with the caption"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));

corrupt:
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT, _("its EXIF block is damaged"));
  return NULL;
}
