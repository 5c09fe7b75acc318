#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-exif.h"
#include "captioner-export.h"
#include "captioner-export-private.h"
#include "captioner-iptc.h"
#include "captioner-jpeg.h"
#include "captioner-json.h"
#include "test-export-util.h"

/* Pieces of the export in isolation: CSV cells, IIM bytes, the EXIF patch, output names. */

static char *
cell (const char *value)
{
  GString *out = g_string_new (NULL);

  captioner_csv_append_cell (out, value);
  return g_string_free (out, FALSE);
}

static void
test_csv_cells (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { NULL, "" },
    { "", "" },
    { "a, b", "\"a, b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "Երևան", "Երևան" },
    /* OWASP: formula starters get a single quote, the text kept. */
    { "=SUM(A1:A2)", "\"'=SUM(A1:A2)\"" },
    { "+1", "\"'+1\"" },
    { "-2", "\"'-2\"" },
    { "@cmd", "\"'@cmd\"" },
    { "\tx", "\"'\tx\"" },
    { "\rx", "\"'\rx\"" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "a=b", "a=b" },
    /* Spreadsheets trim spaces and line breaks before looking for a formula, and some fold
     * the fullwidth forms to ASCII. */
    { " =1+1", "\"' =1+1\"" },
    { "  @x", "\"'  @x\"" },
    { "\n=cmd", "\"'\n=cmd\"" },
    { "\r\n-1", "\"'\r\n-1\"" },
    { "\xe3\x80\x80+1", "\"'\xe3\x80\x80+1\"" },       /* ideographic space */
    { "\xef\xbc\x9d" "1", "\"'\xef\xbc\x9d" "1\"" },   /* ＝ */
    { "\xef\xbc\x8b" "1", "\"'\xef\xbc\x8b" "1\"" },   /* ＋ */
    { "\xef\xbc\x8d" "1", "\"'\xef\xbc\x8d" "1\"" },   /* － */
    { "\xef\xbc\xa0" "x", "\"'\xef\xbc\xa0" "x\"" },   /* ＠ */
    { " plain", " plain" },
    { "1 = 1", "1 = 1" },
    /* Not UTF-8 (a Latin-1 é): the document stays UTF-8. */
    { "caf\xe9", "caf\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cell (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static const char python_csv_check[] =
  "import csv, json, sys\n"
  "data = open(sys.argv[1], 'rb').read()\n"
  "assert not data.startswith(b'\\xef\\xbb\\xbf'), 'BOM'\n"
  "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
  "expected = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "print('ok' if rows == expected else 'got %r expected %r' % (rows, expected))\n";

/* The rows written, parsed back by Python's csv module, are the fields given (formula cells
 * with their quote). */
static void
test_csv_python (void)
{
  const char *rows[][4] = {
    { "file", "caption", "people", NULL },
    { "a.jpg", "From left, A \"Ace\" B and C, in Yerevan\nsecond line", "Ա; Բ", NULL },
    { "b.jpg", "=1+2", "Արարատ Միրզոյան", NULL },
    { "c.jpg", "", "-minus; @at", NULL },
  };
  const char *expected[][3] = {
    { "file", "caption", "people" },
    { "a.jpg", "From left, A \"Ace\" B and C, in Yerevan\nsecond line", "Ա; Բ" },
    { "b.jpg", "'=1+2", "Արարատ Միրզոյան" },
    { "c.jpg", "", "'-minus; @at" },
  };
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *csv_path = g_build_filename (dir, "t.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "t.json", NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      captioner_csv_append_row (csv, rows[i]);
      g_string_append (json, i ? ", [" : "[");
      for (guint j = 0; j < 3; j++)
        {
          if (j)
            g_string_append (json, ", ");
          captioner_json_append_string (json, expected[i][j]);
        }
      g_string_append_c (json, ']');
    }
  g_string_append_c (json, ']');
  g_assert_true (g_str_has_suffix (csv->str, "\r\n"));

  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (json_path, json->str, json->len, &error);
  g_assert_no_error (error);
  out = export_test_python (python_csv_check, csv_path, json_path, NULL);
  g_assert_cmpstr (out, ==, "ok\n");
  export_test_remove_dir (dir);
}

static void
test_csv_header (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  captioner_csv_append_header (out);
  g_assert_cmpstr (out->str, ==,
                   "file,caption,headline,credit,byline,source,copyright,event,city,state,"
                   "country,date_created,keywords,people,width,height\r\n");
}

static gboolean
contains (GBytes     *bytes,
          const void *needle,
          gsize       length)
{
  return memmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), needle, length) != NULL;
}

static void
test_iptc_encode (void)
{
  g_autoptr(CaptionerMetadata) metadata = captioner_metadata_new ();
  const char *keywords[] = { "Armenia", "Հայաստան", NULL };
  /* Old IIM without 1:90: Latin-1 "Café" in 2:20 is kept as UTF-8, the old caption dropped. */
  static const guint8 old[] = {
    0x1C, 2, 20, 0, 4, 'C', 'a', 'f', 0xE9,
    0x1C, 2, 120, 0, 3, 'o', 'l', 'd',
  };
  static const guint8 head[] = { 0x1C, 1, 90, 0, 3, 0x1B, '%', 'G', 0x1C, 2, 0, 0, 2, 0, 4 };
  static const guint8 cafe[] = { 0x1C, 2, 20, 0, 5, 'C', 'a', 'f', 0xC3, 0xA9 };
  const char *caption = "Արարատ Միրզոյան, left, in Yerevan";
  g_autofree guint8 *caption_ds = g_malloc (5 + strlen (caption));
  g_autoptr(GBytes) iim = NULL;
  const guint8 *data;
  gsize length;
  int last = -1;

  captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, caption);
  captioner_metadata_set (metadata, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_metadata_set (metadata, CAPTIONER_FIELD_DATE_CREATED, "2023-10-23T10:00:00+04:00");
  captioner_metadata_set_keywords (metadata, keywords);

  iim = captioner_iptc_encode (metadata, old, sizeof old);
  data = g_bytes_get_data (iim, &length);
  g_assert_cmpmem (data, sizeof head, head, sizeof head);
  g_assert_true (contains (iim, cafe, sizeof cafe));
  g_assert_false (contains (iim, "old", 3));
  g_assert_true (contains (iim, "\x1c\x02\x37\x00\x08" "20231023", 13));
  g_assert_true (contains (iim, "\x1c\x02\x3c\x00\x0b" "100000+0400", 16));
  g_assert_true (contains (iim, "\x1c\x02\x6e\x00\x07Reuters", 12));
  caption_ds[0] = 0x1C;
  caption_ds[1] = 2;
  caption_ds[2] = 120;
  caption_ds[3] = strlen (caption) >> 8;
  caption_ds[4] = strlen (caption) & 0xFF;
  memcpy (caption_ds + 5, caption, strlen (caption));
  g_assert_true (contains (iim, caption_ds, 5 + strlen (caption)));
  {
    g_autoptr(CaptionerMetadata) local = captioner_metadata_new ();
    g_autoptr(GBytes) local_iim = NULL;

    captioner_metadata_set (local, CAPTIONER_FIELD_DATE_CREATED, "2023-10-23T10:00");
    local_iim = captioner_iptc_encode (local, NULL, 0);
    g_assert_true (contains (local_iim, "\x1c\x02\x3c\x00\x0b" "100000+0000", 16));
  }
  /* Keywords in their order, datasets ascending. */
  g_assert_true (contains (iim, "\x1c\x02\x19\x00\x07" "Armenia" "\x1c\x02\x19", 15));
  for (gsize pos = 0; pos < length;)
    {
      int key = data[pos + 1] * 256 + data[pos + 2];
      g_assert_cmpint (data[pos], ==, 0x1C);
      g_assert_cmpint (key, >=, last);
      last = key;
      pos += 5 + (data[pos + 3] << 8) + data[pos + 4];
    }
}

static void
test_iptc_irb (void)
{
  /* A resolution resource (0x03ED) and an old IPTC block: the first is kept byte for byte. */
  static const guint8 old[] = {
    '8', 'B', 'I', 'M', 0x03, 0xED, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c', 0,
    '8', 'B', 'I', 'M', 0x04, 0x04, 0, 0, 0, 0, 0, 2, 0x1C, 0x02,
  };
  g_autoptr(GBytes) iim = g_bytes_new_static ("\x1c\x01\x5a\x00\x03\x1b%G", 8);
  g_autoptr(GBytes) irb = captioner_iptc_build_irb (old, sizeof old, iim);
  g_autoptr(GBytes) found = NULL;
  g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, iim);
  const guint8 *data = g_bytes_get_data (irb, NULL);
  g_autofree char *digest = NULL;

  g_assert_cmpmem (data, 16, old, 16);
  found = captioner_iptc_find_in_irb (data, g_bytes_get_size (irb));
  g_assert_nonnull (found);
  g_assert_true (g_bytes_equal (found, iim));
  /* 0x0425 holds the MD5 of the IIM. */
  g_assert_true (contains (irb, "8BIM\x04\x25\x00\x00\x00\x00\x00\x10", 12));
  {
    const guint8 *p = memmem (data, g_bytes_get_size (irb), "8BIM\x04\x25", 6);
    GString *hex = g_string_new (NULL);
    for (guint i = 0; i < 16; i++)
      g_string_append_printf (hex, "%02x", p[12 + i]);
    digest = g_string_free (hex, FALSE);
  }
  g_assert_cmpstr (digest, ==, md5);
}

static GBytes *
fixture_exif (const char *dir,
              GBytes    **jpeg)
{
  g_autofree char *path = export_test_make_jpeg (dir, "exif.jpg");
  g_autoptr(GError) error = NULL;
  CaptionerJpegInfo info;
  gsize length;
  const guint8 *data;

  *jpeg = NULL;
  g_file_get_contents (path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  *jpeg = g_bytes_new_take ((gpointer) data, length);
  g_assert_true (captioner_jpeg_scan (data, length, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (info.exif);
  return g_bytes_new (info.exif, info.exif_length);
}

static void
test_exif_patch (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) exif = fixture_exif (dir, &jpeg);
  g_autoptr(GBytes) patched = NULL;
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) cleared = NULL;
  g_autoptr(CaptionerExif) before = NULL;
  g_autoptr(CaptionerExif) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *caption = "From left, Ա and Բ (Reuters photo)";

  patched = captioner_exif_patch_text (exif, caption, "Anna Hakobyan", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (patched, exif));
  /* Nothing before the old end moved but the header's IFD0 offset and the blanked old text. */
  g_assert_cmpuint (g_bytes_get_size (patched), >, g_bytes_get_size (exif));

  before = captioner_exif_new_from_data (g_bytes_get_data (exif, NULL), g_bytes_get_size (exif));
  after = captioner_exif_new_from_data (g_bytes_get_data (patched, NULL),
                                        g_bytes_get_size (patched));
  g_assert_cmpstr (after->image_description, ==, caption);
  g_assert_cmpstr (after->artist, ==, "Anna Hakobyan");
  g_assert_cmpstr (after->copyright, ==, before->copyright);
  g_assert_cmpstr (after->datetime_original, ==, before->datetime_original);
  g_assert_cmpstr (after->make, ==, before->make);
  g_assert_cmpstr (after->model, ==, before->model);
  g_assert_cmpint (after->iso, ==, before->iso);
  g_assert_true (after->has_gps);
  g_assert_cmpfloat_with_epsilon (after->gps_latitude, before->gps_latitude, 1e-9);
  g_assert_nonnull (after->thumbnail);
  g_assert_true (g_bytes_equal (after->thumbnail, before->thumbnail));
  /* The replaced words do not linger in the block. */
  g_assert_false (contains (patched, "OLYMPUS DIGITAL CAMERA", 22));

  /* The same values again: the block is returned untouched. */
  same = captioner_exif_patch_text (patched, caption, "Anna Hakobyan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (same == patched);

  /* An empty value removes the tag. */
  cleared = captioner_exif_patch_text (exif, NULL, "", NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CaptionerExif) c = captioner_exif_new_from_data (g_bytes_get_data (cleared, NULL),
                                                               g_bytes_get_size (cleared));
    g_assert_null (c->artist);
    g_assert_cmpstr (c->image_description, ==, before->image_description);
  }
  export_test_remove_dir (dir);
}

/* The tags of IFD0 in file order (little-endian TIFF after "Exif\0\0"). */
static GString *
ifd0_tags (GBytes *exif)
{
  const guint8 *tiff = (const guint8 *) g_bytes_get_data (exif, NULL) + 6;
  guint32 ifd = tiff[4] | tiff[5] << 8 | tiff[6] << 16 | (guint32) tiff[7] << 24;
  guint n = tiff[ifd] | tiff[ifd + 1] << 8;
  GString *tags = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const guint8 *e = tiff + ifd + 2 + 12 * i;
      g_string_append_printf (tags, "%s%04x", i ? " " : "", e[0] | e[1] << 8);
    }
  return tags;
}

/* Some cameras write IFD0 unsorted: the order is kept, new tags go before a larger one. */
static void
test_exif_unsorted (void)
{
  static const guint8 block[] = {
    'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 42, 0, 8, 0, 0, 0,
    3, 0,
    0x10, 0x01, 2, 0, 3, 0, 0, 0, 'M', '1', 0, 0,                 /* Model */
    0x0F, 0x01, 2, 0, 3, 0, 0, 0, 'C', 'o', 0, 0,                 /* Make */
    0x98, 0x82, 2, 0, 4, 0, 0, 0, '(', 'c', ')', 0,               /* Copyright */
    0, 0, 0, 0,
  };
  g_autoptr(GBytes) exif = g_bytes_new_static (block, sizeof block);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) patched = captioner_exif_patch_text (exif, "Caption", "Me", "", &error);
  g_autoptr(GString) tags = NULL;
  g_autoptr(CaptionerExif) read = NULL;

  g_assert_no_error (error);
  tags = ifd0_tags (patched);
  g_assert_cmpstr (tags->str, ==, "010e 0110 010f 013b");
  read = captioner_exif_new_from_data (g_bytes_get_data (patched, NULL),
                                       g_bytes_get_size (patched));
  g_assert_cmpstr (read->image_description, ==, "Caption");
  g_assert_cmpstr (read->artist, ==, "Me");
  g_assert_null (read->copyright);
  g_assert_cmpstr (read->make, ==, "Co");
  g_assert_cmpstr (read->model, ==, "M1");
}

static void
test_exif_damaged (void)
{
  g_autoptr(GBytes) bad = g_bytes_new_static ("Exif\0\0MM\0*\0\0\xff\xff", 14);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) patched = captioner_exif_patch_text (bad, "x", NULL, NULL, &error);

  g_assert_null (patched);
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT);
}

static void
test_jpeg_not_jpeg (void)
{
  g_autoptr(CaptionerMetadata) metadata = captioner_metadata_new ();
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = captioner_jpeg_caption_copy (png, metadata, NULL, 1, 1, 1, &error);

  g_assert_null (copy);
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_NOT_A_PHOTO);
}

/* A damaged EXIF block is copied as it was; the caption still goes into XMP and IIM. */
static void
test_jpeg_damaged_exif (void)
{
  static const guint8 jpeg[] = {
    0xFF, 0xD8,
    0xFF, 0xE1, 0x00, 0x16, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0xFF, 0xFF, 0xFF, 0xF0,
    1, 2, 3, 4, 5, 6,
    0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9,
  };
  g_autoptr(CaptionerMetadata) metadata = captioner_metadata_new ();
  g_autoptr(GBytes) original = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = NULL;

  captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, "Still captioned");
  copy = captioner_jpeg_caption_copy (original, metadata, NULL, 1, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_true (contains (copy, jpeg + 2, 24));
  g_assert_true (contains (copy, "\x1c\x02\x78\x00\x0fStill captioned", 20));
  g_assert_true (contains (copy, "Still captioned</rdf:li>", 24));
  /* The image data is the tail, untouched. */
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (copy, NULL) + g_bytes_get_size (copy) - 8,
                   8, jpeg + sizeof jpeg - 8, 8);
}

static void
test_output_names (void)
{
  const char *bad[] = { "", ".", "..", "a/b.jpg", "../x.jpg", "/etc/passwd" };
  const char *good[] = { "a.jpg", "a..b.jpg", "..hidden.txt", "Երևան.jpg" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (captioner_export_check_output_name (bad[i], &error));
      g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (captioner_export_check_output_name (good[i], NULL));
}

static void
test_formats (void)
{
  CaptionerExportFormat format;

  g_assert_true (captioner_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, CAPTIONER_EXPORT_FORMAT_CSV);
  g_assert_true (captioner_export_format_from_string ("JPEG", &format));
  g_assert_cmpint (format, ==, CAPTIONER_EXPORT_FORMAT_JPEG);
  g_assert_true (captioner_export_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, CAPTIONER_EXPORT_FORMAT_PDF);
  g_assert_true (captioner_export_format_is_single_file (CAPTIONER_EXPORT_FORMAT_PDF));
  g_assert_false (captioner_export_format_from_string ("tiff", &format));
  g_assert_true (captioner_export_format_is_single_file (CAPTIONER_EXPORT_FORMAT_JSON));
  g_assert_false (captioner_export_format_is_single_file (CAPTIONER_EXPORT_FORMAT_TXT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/export/csv/cells", test_csv_cells);
  g_test_add_func ("/captioner/export/csv/python", test_csv_python);
  g_test_add_func ("/captioner/export/csv/header", test_csv_header);
  g_test_add_func ("/captioner/export/iptc/encode", test_iptc_encode);
  g_test_add_func ("/captioner/export/iptc/irb", test_iptc_irb);
  g_test_add_func ("/captioner/export/exif/patch", test_exif_patch);
  g_test_add_func ("/captioner/export/exif/unsorted", test_exif_unsorted);
  g_test_add_func ("/captioner/export/exif/damaged", test_exif_damaged);
  g_test_add_func ("/captioner/export/jpeg/not-jpeg", test_jpeg_not_jpeg);
  g_test_add_func ("/captioner/export/jpeg/damaged-exif", test_jpeg_damaged_exif);
  g_test_add_func ("/captioner/export/names", test_output_names);
  g_test_add_func ("/captioner/export/formats", test_formats);

  return g_test_run ();
}
