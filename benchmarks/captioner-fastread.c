#define G_LOG_DOMAIN "captioner-fastread"

#include "config.h"

#include <string.h>

#include "captioner-fastread.h"

#define IRB_IPTC_NAA 0x0404

typedef struct
{
  guint8         dataset;
  CaptionerField field;
} IimMap;

/* IIM application record 2 → Captioner field, as exempi's reconciliation maps them. */
static const IimMap iim_map[] = {
  { 120, CAPTIONER_FIELD_CAPTION },
  { 105, CAPTIONER_FIELD_HEADLINE },
  { 110, CAPTIONER_FIELD_CREDIT },
  { 80,  CAPTIONER_FIELD_BYLINE },
  { 115, CAPTIONER_FIELD_SOURCE },
  { 116, CAPTIONER_FIELD_COPYRIGHT },
  { 90,  CAPTIONER_FIELD_CITY },
  { 95,  CAPTIONER_FIELD_STATE },
  { 101, CAPTIONER_FIELD_COUNTRY },
  { 40,  CAPTIONER_FIELD_INSTRUCTIONS },
  { 103, CAPTIONER_FIELD_JOB_ID },
};

static guint
read_be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Finds resource 0x0404 in a Photoshop image resource block; every length is checked. */
static const guint8 *
find_iim (const guint8 *irb,
          gsize         length,
          gsize        *iim_length)
{
  gsize pos = 0;

  while (pos + 12 <= length && memcmp (irb + pos, "8BIM", 4) == 0)
    {
      guint id = read_be16 (irb + pos + 4);
      gsize name_length = irb[pos + 6];
      gsize name_total = (1 + name_length + 1) & ~(gsize) 1;  /* Pascal string, even padded */
      gsize size_at = pos + 6 + name_total;
      gsize size;

      if (size_at + 4 > length)
        return NULL;
      size = read_be32 (irb + size_at);
      if (size > length - size_at - 4)
        return NULL;
      if (id == IRB_IPTC_NAA)
        {
          *iim_length = size;
          return irb + size_at + 4;
        }
      pos = size_at + 4 + size + (size & 1);
    }
  return NULL;
}

/* IIM text is UTF-8 when 1:90 says ESC % G; without it, valid UTF-8 is taken as such and
 * anything else as Latin-1 (what cameras and older wire systems write). */
static char *
iim_text (const guint8 *data,
          gsize         length,
          gboolean      utf8)
{
  if (utf8 || g_utf8_validate ((const char *) data, length, NULL))
    return g_utf8_make_valid ((const char *) data, length);
  return g_convert ((const char *) data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

gboolean
captioner_fastread_iim (const guint8      *irb,
                        gsize              length,
                        CaptionerMetadata *metadata)
{
  const guint8 *iim;
  gsize iim_length = 0, pos = 0;
  gboolean utf8 = FALSE;
  g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (metadata != NULL, FALSE);

  iim = irb ? find_iim (irb, length, &iim_length) : NULL;
  if (iim == NULL)
    return FALSE;

  while (pos + 5 <= iim_length && iim[pos] == 0x1C)
    {
      guint record = iim[pos + 1], dataset = iim[pos + 2];
      gsize size = read_be16 (iim + pos + 3);
      const guint8 *value = iim + pos + 5;
      g_autofree char *text = NULL;

      if (size & 0x8000 || size > iim_length - pos - 5)
        break;  /* extended lengths are not used for text; a bad length ends the walk */
      pos += 5 + size;

      if (record == 1 && dataset == 90)
        utf8 = size >= 3 && memcmp (value, "\x1b%G", 3) == 0;
      if (record != 2)
        continue;
      text = iim_text (value, size, utf8);
      if (text == NULL)
        continue;
      if (dataset == 25)
        {
          g_ptr_array_add (keywords, g_steal_pointer (&text));
          continue;
        }
      if (dataset == 55)
        {
          g_free (date);
          date = g_steal_pointer (&text);
          continue;
        }
      if (dataset == 60)
        {
          g_free (time);
          time = g_steal_pointer (&text);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (iim_map); i++)
        if (iim_map[i].dataset == dataset)
          captioner_metadata_set (metadata, iim_map[i].field, text);
    }

  if (keywords->len > 0)
    {
      g_ptr_array_add (keywords, NULL);
      captioner_metadata_set_keywords (metadata, (const char * const *) keywords->pdata);
    }
  if (date != NULL && strlen (date) == 8)
    {
      g_autofree char *iso = NULL;

      /* CCYYMMDD and HHMMSS±HHMM → an XMP date. Prototype: the zone is dropped; the core
       * version must keep it as exempi does (photoshop:DateCreated with its offset). */
      if (time != NULL && strlen (time) >= 6)
        iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2s", date, date + 4, date + 6,
                               time, time + 2, time + 4);
      else
        iso = g_strdup_printf ("%.4s-%.2s-%.2s", date, date + 4, date + 6);
      captioner_metadata_set (metadata, CAPTIONER_FIELD_DATE_CREATED, iso);
    }
  return TRUE;
}
