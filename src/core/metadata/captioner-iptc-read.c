#define G_LOG_DOMAIN "captioner-iptc-read"

#include "config.h"

#include <string.h>

#include "captioner-iptc.h"
#include "captioner-iptc-private.h"

/* Reading IIM the way old wire photos need it: a block without a character set record (1:90)
 * is UTF-8 when every text in it is valid UTF-8, else Windows-1252 (what wire systems wrote,
 * and what exiftool takes IIM for); nothing is dropped for not being ASCII. */

typedef struct
{
  GPtrArray *values[256];   /* record 2 dataset -> GBytes*, in order */
  gboolean   declared_utf8;
  gboolean   declared_other;
} ReadData;

static void
collect_cb (guint8        record,
            guint8        dataset,
            const guint8 *value,
            gsize         size,
            gpointer      user_data)
{
  ReadData *read = user_data;

  if (record == 1 && dataset == 90)
    {
      if (size >= 3 && memcmp (value, "\x1b%G", 3) == 0)
        read->declared_utf8 = TRUE;
      else if (size > 0)
        read->declared_other = TRUE;
      return;
    }
  if (record != 2)
    return;
  while (size > 0 && value[size - 1] == '\0')
    size--;
  if (read->values[dataset] == NULL)
    read->values[dataset] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (read->values[dataset], g_bytes_new (value, size));
}

static gboolean
is_ascii (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size; i++)
    if (data[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static char *
decode (GBytes   *bytes,
        gboolean  utf8)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  char *text;

  if (size == 0)
    return NULL;
  if (utf8 && g_utf8_validate (data, size, NULL))
    text = g_strndup (data, size);
  else
    {
      text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (text == NULL)
        text = g_convert (data, size, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
    }
  if (text != NULL)
    {
      const char *p = text;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        g_clear_pointer (&text, g_free);   /* blanks are no value */
    }
  return text;
}

/* "20231023" and "100000+0300" as ISO 8601: "2023-10-23T10:00:00+03:00". */
static char *
decode_date (GBytes *date,
             GBytes *time)
{
  gsize dlen, tlen = 0;
  const char *d = g_bytes_get_data (date, &dlen);
  const char *t = time ? g_bytes_get_data (time, &tlen) : NULL;

  if (dlen < 8)
    return NULL;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (d[i]))
      return NULL;
  if (t != NULL && tlen >= 6 &&
      g_ascii_isdigit (t[0]) && g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2]) &&
      g_ascii_isdigit (t[3]) && g_ascii_isdigit (t[4]) && g_ascii_isdigit (t[5]))
    {
      if (tlen >= 11 && (t[6] == '+' || t[6] == '-'))
        return g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%c%.2s:%.2s", d, d + 4, d + 6,
                                t, t + 2, t + 4, t[6], t + 7, t + 9);
      return g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2s", d, d + 4, d + 6, t, t + 2, t + 4);
    }
  return g_strdup_printf ("%.4s-%.2s-%.2s", d, d + 4, d + 6);
}

CaptionerIimCharset
captioner_iptc_read (const guint8      *iim,
                     gsize              length,
                     CaptionerMetadata *metadata)
{
  ReadData read = { { NULL }, FALSE, FALSE };
  CaptionerIimCharset charset = CAPTIONER_IIM_CHARSET_ASCII;
  gboolean utf8;

  g_return_val_if_fail (metadata != NULL, CAPTIONER_IIM_CHARSET_ASCII);

  captioner_iim_parse (iim, length, collect_cb, &read);

  /* Without 1:90 a block is in one character set: UTF-8 when every text is valid UTF-8,
   * else Windows-1252 (what wire systems and exiftool take for Latin-1). */
  if (read.declared_utf8)
    charset = CAPTIONER_IIM_CHARSET_UTF8;
  else if (read.declared_other)
    charset = CAPTIONER_IIM_CHARSET_LATIN;
  else
    for (guint d = 0; d < 256; d++)
      for (guint i = 0; read.values[d] != NULL && i < read.values[d]->len; i++)
        {
          GBytes *value = g_ptr_array_index (read.values[d], i);
          gsize size;
          const char *data = g_bytes_get_data (value, &size);

          if (is_ascii (value))
            continue;
          if (!g_utf8_validate (data, size, NULL))
            charset = CAPTIONER_IIM_CHARSET_GUESSED_LATIN;
          else if (charset == CAPTIONER_IIM_CHARSET_ASCII)
            charset = CAPTIONER_IIM_CHARSET_GUESSED_UTF8;
        }
  utf8 = charset == CAPTIONER_IIM_CHARSET_UTF8 || charset == CAPTIONER_IIM_CHARSET_GUESSED_UTF8 ||
         charset == CAPTIONER_IIM_CHARSET_ASCII;

  for (guint i = 0; i < CAPTIONER_IIM_N_FIELDS + CAPTIONER_IIM_N_WIRE_FIELDS; i++)
    {
      const CaptionerIimField *f = i < CAPTIONER_IIM_N_FIELDS
                                   ? &captioner_iim_fields[i]
                                   : &captioner_iim_wire_fields[i - CAPTIONER_IIM_N_FIELDS];
      GPtrArray *values = read.values[f->dataset];
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) texts = NULL;

      for (guint j = 0; values != NULL && j < values->len; j++)
        {
          g_autofree char *text = decode (g_ptr_array_index (values, j), utf8);
          if (text != NULL)
            g_strv_builder_add (builder, text);
          /* Only the by-line and the supplemental categories repeat; the others take their
           * first value. */
          if (f->field != CAPTIONER_FIELD_BYLINE &&
              f->field != CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES)
            break;
        }
      texts = g_strv_builder_end (builder);
      if (texts[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv ("; ", texts);
          captioner_metadata_set (metadata, f->field, joined);
        }
    }

  if (read.values[25] != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) keywords = NULL;

      for (guint j = 0; j < read.values[25]->len; j++)
        {
          g_autofree char *text = decode (g_ptr_array_index (read.values[25], j), utf8);
          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
      keywords = g_strv_builder_end (builder);
      captioner_metadata_set_keywords (metadata, (const char * const *) keywords);
    }

  if (read.values[55] != NULL)
    {
      g_autofree char *date = decode_date (g_ptr_array_index (read.values[55], 0),
                                           read.values[60] ? g_ptr_array_index (read.values[60], 0)
                                                           : NULL);
      if (date != NULL)
        captioner_metadata_set (metadata, CAPTIONER_FIELD_DATE_CREATED, date);
    }

  for (guint d = 0; d < 256; d++)
    g_clear_pointer (&read.values[d], g_ptr_array_unref);
  return charset;
}

typedef struct
{
  guint16  id;
  GBytes  *found;
} FindResource;

static gboolean
find_resource_cb (guint16       id,
                  const guint8 *whole,
                  gsize         whole_length,
                  const guint8 *data,
                  gsize         size,
                  gpointer      user_data)
{
  FindResource *find = user_data;

  if (id != find->id)
    return TRUE;
  find->found = g_bytes_new (data, size);
  return FALSE;
}

CaptionerIimDigest
captioner_iptc_check_digest (const guint8 *irb,
                             gsize         length,
                             GBytes       *iim)
{
  FindResource find = { IRB_IPTC_DIGEST, NULL };
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  guint8 digest[16];
  gsize digest_length = sizeof digest;
  gboolean same;

  g_return_val_if_fail (irb != NULL || length == 0, CAPTIONER_IIM_DIGEST_MISSING);

  captioner_irb_walk (irb, length, find_resource_cb, &find);
  if (find.found == NULL || iim == NULL)
    {
      g_clear_pointer (&find.found, g_bytes_unref);
      return CAPTIONER_IIM_DIGEST_MISSING;
    }
  g_checksum_update (md5, g_bytes_get_data (iim, NULL), g_bytes_get_size (iim));
  g_checksum_get_digest (md5, digest, &digest_length);
  same = g_bytes_get_size (find.found) == digest_length &&
         memcmp (g_bytes_get_data (find.found, NULL), digest, digest_length) == 0;
  g_bytes_unref (find.found);
  return same ? CAPTIONER_IIM_DIGEST_MATCHES : CAPTIONER_IIM_DIGEST_DIFFERS;
}
