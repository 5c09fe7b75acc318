#define G_LOG_DOMAIN "captioner-iptc"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "captioner-error.h"
#include "captioner-iptc.h"
#include "captioner-iptc-private.h"

/* IPTC IIM 4.2: each dataset is 0x1C, record, dataset, a 16-bit big-endian length (or an
 * extended length when the top bit is set), then the value. */


typedef struct
{
  guint8  record;
  guint8  dataset;
  GBytes *value;
} Dataset;

const CaptionerIimField captioner_iim_fields[] = {
  { 40, CAPTIONER_FIELD_INSTRUCTIONS },   /* SpecialInstructions */
  { 80, CAPTIONER_FIELD_BYLINE },         /* By-line */
  { 90, CAPTIONER_FIELD_CITY },           /* City */
  { 95, CAPTIONER_FIELD_STATE },          /* Province-State */
  { 101, CAPTIONER_FIELD_COUNTRY },       /* Country-PrimaryLocationName */
  { 103, CAPTIONER_FIELD_JOB_ID },        /* OriginalTransmissionReference */
  { 105, CAPTIONER_FIELD_HEADLINE },      /* Headline */
  { 110, CAPTIONER_FIELD_CREDIT },        /* Credit */
  { 115, CAPTIONER_FIELD_SOURCE },        /* Source */
  { 116, CAPTIONER_FIELD_COPYRIGHT },     /* CopyrightNotice */
  { 120, CAPTIONER_FIELD_CAPTION },       /* Caption-Abstract */
  { 0, 0 },
};

const CaptionerIimField captioner_iim_wire_fields[] = {
  { 5, CAPTIONER_FIELD_TITLE },                      /* ObjectName */
  { 10, CAPTIONER_FIELD_URGENCY },                   /* Urgency */
  { 15, CAPTIONER_FIELD_CATEGORY },                  /* Category */
  { 20, CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES },   /* SupplementalCategory, repeated */
  { 92, CAPTIONER_FIELD_SUB_LOCATION },              /* Sub-location */
  { 100, CAPTIONER_FIELD_COUNTRY_CODE },             /* Country-PrimaryLocationCode */
  { 122, CAPTIONER_FIELD_CAPTION_WRITER },           /* Writer-Editor */
  { 0, 0 },
};

/* Record 2 datasets written from the metadata (or left out when it has no value): the old
 * file's values for these are dropped. A wire dataset is the metadata's when its field has
 * a value, else the old file's. */
static gboolean
is_managed (guint8                   dataset,
            const CaptionerMetadata *metadata)
{
  if (dataset == 0 || dataset == 25 || dataset == 55 || dataset == 60)
    return TRUE;
  for (guint i = 0; i < CAPTIONER_IIM_N_FIELDS; i++)
    if (captioner_iim_fields[i].dataset == dataset)
      return TRUE;
  for (guint i = 0; i < CAPTIONER_IIM_N_WIRE_FIELDS; i++)
    if (captioner_iim_wire_fields[i].dataset == dataset)
      return captioner_metadata_get (metadata, captioner_iim_wire_fields[i].field) != NULL;
  return FALSE;
}

static void
clear_dataset (gpointer data)
{
  g_bytes_unref (((Dataset *) data)->value);
}

static void
add_dataset (GArray     *datasets,
             guint8      record,
             guint8      dataset,
             const void *value,
             gsize       length)
{
  Dataset d = { record, dataset, g_bytes_new (value, length) };

  g_array_append_val (datasets, d);
}

/* IIM 4.2's maximum length of each text dataset, in bytes. */
static gsize
dataset_limit (guint8 dataset)
{
  switch (dataset)
    {
    case 120: return 2000;  /* Caption-Abstract */
    case 105: return 256;   /* Headline */
    case 40:  return 256;   /* SpecialInstructions */
    case 116: return 128;   /* CopyrightNotice */
    case 5:                 /* ObjectName */
    case 101: return 64;    /* Country */
    case 25:  return 64;    /* Keywords */
    case 80:                /* By-line */
    case 20:                /* SupplementalCategory */
    case 92:                /* Sub-location */
    case 122:               /* Writer-Editor */
    case 90:                /* City */
    case 95:                /* Province-State */
    case 103:               /* OriginalTransmissionReference */
    case 110:               /* Credit */
    case 115: return 32;    /* Source */
    case 15:                /* Category */
    case 100: return 3;     /* Country-PrimaryLocationCode */
    case 10:  return 1;     /* Urgency */
    default:  return G_MAXSIZE;
    }
}

/* Cut to the dataset's limit at a UTF-8 character boundary: readers that check the limits
 * refuse a longer dataset, and half a character is no text. */
static void
add_text (GArray     *datasets,
          guint8      dataset,
          const char *text,
          GPtrArray  *cut,
          const char *what)
{
  gsize length, limit = dataset_limit (dataset);

  if (text == NULL || *text == '\0')
    return;
  length = strlen (text);
  if (length > limit)
    {
      length = limit;
      while (length > 0 && ((guint8) text[length] & 0xC0) == 0x80)
        length--;
      if (cut != NULL && !g_ptr_array_find_with_equal_func (cut, what, g_str_equal, NULL))
        g_ptr_array_add (cut, g_strdup (what));
    }
  add_dataset (datasets, 2, dataset, text, length);
}

/* DateCreated CCYYMMDD and TimeCreated HHMMSS±HHMM from an ISO 8601 date ("2023-10-23",
 * "2023-10-23T10:00:00+03:00"); a time that is not there is left out. */
static void
add_date (GArray     *datasets,
          const char *iso)
{
  char date[9];
  GString *time;
  const char *t;
  guint n = 0;

  if (iso == NULL)
    return;
  for (const char *p = iso; *p && *p != 'T' && n < 8; p++)
    if (g_ascii_isdigit (*p))
      date[n++] = *p;
  if (n != 8)
    return;
  add_dataset (datasets, 2, 55, date, 8);

  t = strchr (iso, 'T');
  if (t == NULL)
    return;
  time = g_string_new (NULL);
  for (t++; *t && time->len < 6; t++)
    if (g_ascii_isdigit (*t))
      g_string_append_c (time, *t);
    else if (*t != ':')
      break;
  while (*t == '.' || g_ascii_isdigit (*t))
    t++;
  if (time->len == 4)
    g_string_append (time, "00");
  if (time->len == 6)
    {
      if (*t == 'Z')
        g_string_append (time, "+0000");
      else if (*t == '+' || *t == '-')
        {
          GString *zone = g_string_new (NULL);
          g_string_append_c (zone, *t);
          for (t++; *t && zone->len < 5; t++)
            if (g_ascii_isdigit (*t))
              g_string_append_c (zone, *t);
          if (zone->len == 5)
            g_string_append (time, zone->str);
          g_string_free (zone, TRUE);
        }
      /* IIM requires the zone; without one, +0000 as exiftool writes it. */
      if (time->len == 6)
        g_string_append (time, "+0000");
      add_dataset (datasets, 2, 60, time->str, time->len);
    }
  g_string_free (time, TRUE);
}

/* Urgency is one digit; each supplemental category is a dataset of its own. */
static void
add_wire_fields (GArray                  *datasets,
                 const CaptionerMetadata *metadata,
                 GPtrArray               *cut)
{
  for (guint i = 0; i < CAPTIONER_IIM_N_WIRE_FIELDS; i++)
    {
      CaptionerField field = captioner_iim_wire_fields[i].field;
      guint8 dataset = captioner_iim_wire_fields[i].dataset;
      const char *value = captioner_metadata_get (metadata, field);
      g_auto(GStrv) items = NULL;

      if (value == NULL)
        continue;
      if (field == CAPTIONER_FIELD_URGENCY)
        {
          if (g_ascii_isdigit (value[0]) && value[1] == '\0')
            add_dataset (datasets, 2, dataset, value, 1);
          continue;
        }
      if (field != CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES)
        {
          add_text (datasets, dataset, value, cut, captioner_field_get_name (field));
          continue;
        }
      items = g_strsplit (value, ";", -1);
      for (guint j = 0; items[j] != NULL; j++)
        add_text (datasets, dataset, g_strstrip (items[j]), cut, captioner_field_get_name (field));
    }
}

gboolean
captioner_iim_parse (const guint8 *data,
                     gsize         length,
                     void        (*func) (guint8, guint8, const guint8 *, gsize, gpointer),
                     gpointer      user_data)
{
  gsize pos = 0;

  while (pos < length)
    {
      guint8 record, dataset;
      gsize size;

      if (data[pos] == 0x00)
        return TRUE;  /* padding at the end */
      if (data[pos] != IIM_TAG || pos + 5 > length)
        return FALSE;
      record = data[pos + 1];
      dataset = data[pos + 2];
      size = (data[pos + 3] << 8) | data[pos + 4];
      pos += 5;
      if (size & 0x8000)
        {
          /* An extended length: its own length in n bytes. */
          gsize n = size & 0x7FFF;
          if (n == 0 || n > 4 || pos + n > length)
            return FALSE;
          size = 0;
          for (gsize i = 0; i < n; i++)
            size = (size << 8) | data[pos + i];
          pos += n;
        }
      if (size > length - pos)
        return FALSE;
      if (func != NULL)
        func (record, dataset, data + pos, size, user_data);
      pos += size;
    }
  return TRUE;
}

static void
find_utf8_cb (guint8        record,
              guint8        dataset,
              const guint8 *value,
              gsize         size,
              gpointer      user_data)
{
  if (record == 1 && dataset == 90 && size >= 3 && memcmp (value, "\x1b%G", 3) == 0)
    *(gboolean *) user_data = TRUE;
}

typedef struct
{
  GArray                  *datasets;
  gboolean                 utf8;
  const CaptionerMetadata *metadata;
} KeepData;

static void
keep_unmanaged_cb (guint8        record,
                   guint8        dataset,
                   const guint8 *value,
                   gsize         size,
                   gpointer      user_data)
{
  KeepData *keep = user_data;
  g_autofree char *converted = NULL;
  gsize converted_length = 0;

  if (record != 2 || is_managed (dataset, keep->metadata))
    return;
  if (keep->utf8 || g_utf8_validate ((const char *) value, size, NULL))
    {
      add_dataset (keep->datasets, record, dataset, value, size);
      return;
    }
  /* Without 1:90 readers take IIM text as Latin-1 (Windows-1252 in practice). */
  converted = g_convert ((const char *) value, size, "UTF-8", "WINDOWS-1252",
                         NULL, &converted_length, NULL);
  if (converted == NULL)
    converted = g_convert ((const char *) value, size, "UTF-8", "ISO-8859-1",
                           NULL, &converted_length, NULL);
  if (converted != NULL)
    add_dataset (keep->datasets, record, dataset, converted, converted_length);
}

static int
compare_datasets (gconstpointer a,
                  gconstpointer b)
{
  const Dataset *da = a;
  const Dataset *db = b;

  if (da->record != db->record)
    return da->record - db->record;
  return da->dataset - db->dataset;
}

GBytes *
captioner_iptc_encode (const CaptionerMetadata *metadata,
                       const guint8            *old_iim,
                       gsize                    old_length)
{
  return captioner_iptc_encode_full (metadata, old_iim, old_length, NULL);
}

GBytes *
captioner_iptc_encode_full (const CaptionerMetadata *metadata,
                            const guint8            *old_iim,
                            gsize                    old_length,
                            GPtrArray               *cut)
{
  g_autoptr(GArray) datasets = g_array_new (FALSE, FALSE, sizeof (Dataset));
  GByteArray *out = g_byte_array_new ();
  KeepData keep = { datasets, FALSE, metadata };
  static const guint8 version[] = { 0x00, 0x04 };

  g_return_val_if_fail (metadata != NULL, NULL);

  g_array_set_clear_func (datasets, clear_dataset);

  add_dataset (datasets, 1, 90, "\x1b%G", 3);
  add_dataset (datasets, 2, 0, version, sizeof version);
  for (guint i = 0; i < CAPTIONER_IIM_N_FIELDS; i++)
    add_text (datasets, captioner_iim_fields[i].dataset,
              captioner_metadata_get (metadata, captioner_iim_fields[i].field), cut,
              captioner_field_get_name (captioner_iim_fields[i].field));
  for (guint i = 0; metadata->keywords[i] != NULL; i++)
    add_text (datasets, 25, metadata->keywords[i], cut, "keywords");
  add_wire_fields (datasets, metadata, cut);
  add_date (datasets, captioner_metadata_get (metadata, CAPTIONER_FIELD_DATE_CREATED));

  if (old_iim != NULL)
    {
      captioner_iim_parse (old_iim, old_length, find_utf8_cb, &keep.utf8);
      captioner_iim_parse (old_iim, old_length, keep_unmanaged_cb, &keep);
    }

  /* IIM wants datasets in ascending order. An insertion sort is stable: repeated datasets
   * (keywords) keep their order. */
  for (guint i = 1; i < datasets->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Dataset *a = &g_array_index (datasets, Dataset, j - 1);
        Dataset *b = &g_array_index (datasets, Dataset, j);
        Dataset tmp;

        if (compare_datasets (a, b) <= 0)
          break;
        tmp = *a;
        *a = *b;
        *b = tmp;
      }

  for (guint i = 0; i < datasets->len; i++)
    {
      const Dataset *d = &g_array_index (datasets, Dataset, i);
      gsize size;
      const guint8 *value = g_bytes_get_data (d->value, &size);
      guint8 header[5] = { IIM_TAG, d->record, d->dataset, 0, 0 };

      g_byte_array_append (out, header, 3);
      if (size < 0x8000)
        {
          header[3] = size >> 8;
          header[4] = size & 0xFF;
          g_byte_array_append (out, header + 3, 2);
        }
      else
        {
          /* Extended dataset: 0x8004 then a 4-byte length. */
          guint8 ext[6] = { 0x80, 0x04, size >> 24, (size >> 16) & 0xFF,
                            (size >> 8) & 0xFF, size & 0xFF };
          g_byte_array_append (out, ext, sizeof ext);
        }
      g_byte_array_append (out, value, size);
    }

  return g_byte_array_free_to_bytes (out);
}

/* Walks the resources of a Photoshop image resource block. Returns FALSE when it is
 * malformed; func gets each resource's id, its whole encoding and its data. */
gboolean
captioner_irb_walk (const guint8 *irb,
                    gsize         length,
                    gboolean    (*func) (guint16, const guint8 *, gsize, const guint8 *, gsize,
                                         gpointer),
                    gpointer      user_data)
{
  gsize pos = 0;

  while (pos + 12 <= length && memcmp (irb + pos, "8BIM", 4) == 0)
    {
      gsize start = pos;
      guint16 id = (irb[pos + 4] << 8) | irb[pos + 5];
      gsize name_length = irb[pos + 6];
      gsize size;

      pos += 6 + ((name_length + 2) & ~(gsize) 1);   /* Pascal string padded to even */
      if (pos + 4 > length)
        return FALSE;
      size = ((gsize) irb[pos] << 24) | (irb[pos + 1] << 16) | (irb[pos + 2] << 8) | irb[pos + 3];
      pos += 4;
      if (size > length - pos)
        return FALSE;
      if (!func (id, irb + start, pos - start + size, irb + pos, size, user_data))
        return TRUE;
      pos += size + (size & 1);
    }
  return TRUE;
}

static void
append_resource (GByteArray   *out,
                 guint16       id,
                 const guint8 *data,
                 gsize         size)
{
  guint8 header[12] = { '8', 'B', 'I', 'M', id >> 8, id & 0xFF, 0, 0,
                        size >> 24, (size >> 16) & 0xFF, (size >> 8) & 0xFF, size & 0xFF };

  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, data, size);
  if (size & 1)
    g_byte_array_append (out, (const guint8 *) "", 1);
}

static gboolean
keep_resource_cb (guint16       id,
                  const guint8 *whole,
                  gsize         whole_length,
                  const guint8 *data,
                  gsize         size,
                  gpointer      user_data)
{
  GByteArray *out = user_data;

  if (id == IRB_IPTC || id == IRB_IPTC_DIGEST)
    return TRUE;
  /* whole ends with the data; the pad byte (which the last resource may lack) is added. */
  g_byte_array_append (out, whole, whole_length);
  if (size & 1)
    g_byte_array_append (out, (const guint8 *) "", 1);
  return TRUE;
}

GBytes *
captioner_iptc_build_irb (const guint8 *old_irb,
                          gsize         old_length,
                          GBytes       *iim)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  guint8 digest[16];
  gsize digest_length = sizeof digest;
  gsize iim_length;
  const guint8 *iim_data = g_bytes_get_data (iim, &iim_length);

  if (old_irb != NULL)
    captioner_irb_walk (old_irb, old_length, keep_resource_cb, out);

  append_resource (out, IRB_IPTC, iim_data, iim_length);
  /* MWG: the digest tells readers that the IIM and the XMP were written together. */
  g_checksum_update (md5, iim_data, iim_length);
  g_checksum_get_digest (md5, digest, &digest_length);
  append_resource (out, IRB_IPTC_DIGEST, digest, digest_length);

  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  GBytes *found;
} FindData;

static gboolean
find_iptc_cb (guint16       id,
              const guint8 *whole,
              gsize         whole_length,
              const guint8 *data,
              gsize         size,
              gpointer      user_data)
{
  FindData *find = user_data;

  if (id != IRB_IPTC)
    return TRUE;
  find->found = g_bytes_new (data, size);
  return FALSE;
}

GBytes *
captioner_iptc_find_in_irb (const guint8 *irb,
                            gsize         length)
{
  FindData find = { NULL };

  g_return_val_if_fail (irb != NULL || length == 0, NULL);

  captioner_irb_walk (irb, length, find_iptc_cb, &find);
  return find.found;
}

static gboolean
check_resource_cb (guint16       id,
                   const guint8 *whole,
                   gsize         whole_length,
                   const guint8 *data,
                   gsize         size,
                   gpointer      user_data)
{
  gboolean *ok = user_data;

  if (id == IRB_IPTC && !captioner_iim_parse (data, size, NULL, NULL))
    {
      *ok = FALSE;
      return FALSE;
    }
  return TRUE;
}

gboolean
captioner_iptc_check_irb (const guint8  *irb,
                          gsize          length,
                          GError       **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (irb != NULL || length == 0, FALSE);

  if (!captioner_irb_walk (irb, length, check_resource_cb, &ok) || !ok)
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                           _("its IPTC block is damaged"));
      return FALSE;
    }
  return TRUE;
}
