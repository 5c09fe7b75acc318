#define G_LOG_DOMAIN "test-cli-badinput"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* What lands on a desk is not always a photo: empty files, cut-off downloads, text named .jpg,
 * EXIF written by broken firmware, sidecars a crashed program left half written, XML built to
 * exhaust a parser. For a file it cannot read, captioner-cli says so in one stderr line naming
 * the file, exits 1, does not crash or hang, leaves every file on disk as it was, and still does
 * the other files. A photo whose embedded metadata is damaged stays usable, with a warning. */

typedef void (*MakeBadPhoto) (const char *path);

typedef struct
{
  const char   *name;
  MakeBadPhoto  make;
} BadPhoto;

typedef struct
{
  const char *name;
  const char *fixture;  /* in tests/data */
} BadSidecar;

static GBytes *
plain_jpeg_bytes (void)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "base", NULL);
  g_autofree char *path = NULL;
  GBytes *bytes;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = make_jpeg (dir, "base.jpg", 320, 240);
  bytes = read_bytes (path);
  g_unlink (path);
  g_rmdir (dir);
  return bytes;
}

/* A JPEG with one more segment (@marker, then @prefix and @payload), right after SOI and the
 * JFIF segment, where cameras and editors put their metadata. */
static void
write_jpeg_with_segment (const char   *path,
                         guint8        marker,
                         const char   *prefix,
                         gsize         prefix_len,
                         const guint8 *payload,
                         gsize         payload_len)
{
  g_autoptr(GBytes) base = plain_jpeg_bytes ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (base, &len);
  gsize insert_at = 2;
  gsize segment_len = 2 + prefix_len + payload_len;
  const guint8 header[] = { 0xff, marker, (segment_len >> 8) & 0xff, segment_len & 0xff };

  g_assert_cmpuint (segment_len, <, 65536);
  g_assert_cmpuint (len, >, 20);
  if (data[2] == 0xff && data[3] == 0xe0)
    insert_at = 4 + ((data[4] << 8) | data[5]);
  g_byte_array_append (out, data, insert_at);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, (const guint8 *) prefix, prefix_len);
  g_byte_array_append (out, payload, payload_len);
  g_byte_array_append (out, data + insert_at, len - insert_at);
  write_bytes (path, out->data, out->len);
}

static void
write_jpeg_with_exif (const char   *path,
                      const guint8 *tiff,
                      gsize         tiff_len)
{
  write_jpeg_with_segment (path, 0xe1, "Exif\0\0", 6, tiff, tiff_len);
}

/* Embedded XMP (APP1, Adobe's namespace header) holding the fixture @name. */
static void
write_jpeg_with_xmp_fixture (const char *path,
                             const char *name)
{
  static const char xmp_header[] = "http://ns.adobe.com/xap/1.0/";
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GBytes) xmp = read_bytes (fixture);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (xmp, &len);

  write_jpeg_with_segment (path, 0xe1, xmp_header, sizeof xmp_header, data, len);
}

static void
make_empty (const char *path)
{
  write_bytes (path, "", 0);
}

static void
make_missing (const char *path)
{
}

static void
make_text (const char *path)
{
  const char text[] = "Notes for the night desk: caption the summit photos by 22:00.\n";

  write_bytes (path, text, strlen (text));
}

/* Cut off halfway through its header segments, before the image frame begins. */
static void
make_truncated (const char *path)
{
  static const guint8 tiff[] = {
    'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,
    0x01, 0x00,
    0x0f, 0x01, 0x02, 0x00, 0x06, 0x00, 0x00, 0x00, 0x1a, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
    'C', 'a', 'n', 'o', 'n', 0x00,
  };
  g_autoptr(GBytes) whole = NULL;
  gsize len = 0;
  const guint8 *data;
  gsize frame = 2;

  write_jpeg_with_exif (path, tiff, sizeof tiff);
  whole = read_bytes (path);
  data = g_bytes_get_data (whole, &len);
  /* Walk the segments to the first SOF or SOS marker. */
  while (frame + 4 <= len && data[frame] == 0xff
         && !(data[frame + 1] >= 0xc0 && data[frame + 1] <= 0xc2) && data[frame + 1] != 0xda)
    frame += 2 + ((data[frame + 2] << 8) | data[frame + 3]);
  g_assert_cmpuint (frame, >, 40);
  write_bytes (path, data, frame / 2);
}

/* A download cut off partway through the image data. */
static void
make_truncated_image_data (const char *path)
{
  g_autoptr(GBytes) whole = plain_jpeg_bytes ();
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (whole, &len);

  write_bytes (path, data, len * 6 / 10);
}

/* IFD0's Exif pointer and its next-IFD link both point back at IFD0. */
static void
make_exif_ifd_loop (const char *path)
{
  static const guint8 tiff[] = {
    'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,
    0x02, 0x00,
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00,
    0x69, 0x87, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x00, 0x00,
  };

  write_jpeg_with_exif (path, tiff, sizeof tiff);
}

/* Values, the Exif IFD and the next IFD all at offsets far past the end of the segment. */
static void
make_exif_past_end (const char *path)
{
  static const guint8 tiff[] = {
    'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,
    0x03, 0x00,
    0x0f, 0x01, 0x02, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x7f,
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x69, 0x87, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0xf0, 0xff, 0xff, 0x00,
    0x00, 0xff, 0xff, 0xff,
  };

  write_jpeg_with_exif (path, tiff, sizeof tiff);
}

/* IFD0 claims 65535 entries in a segment that holds one; IFD0 itself starts past the end. */
static void
make_exif_huge_count (const char *path)
{
  static const guint8 tiff[] = {
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0xff, 0xff,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
  };

  write_jpeg_with_exif (path, tiff, sizeof tiff);
}

static void
make_embedded_xmp_doctype (const char *path)
{
  write_jpeg_with_xmp_fixture (path, "billion-laughs.xmp");
}

static void
make_embedded_xmp_malformed (const char *path)
{
  write_jpeg_with_xmp_fixture (path, "broken.xmp");
}

/* Photoshop's APP13 block whose IPTC resource claims 2 GB. */
static void
make_iim_past_end (const char *path)
{
  static const guint8 irb[] = {
    '8', 'B', 'I', 'M', 0x04, 0x04, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff,
    0x1c, 0x02, 0x78, 0x7f, 0xff, 'W', 'i', 'r', 'e',
  };

  write_jpeg_with_segment (path, 0xed, "Photoshop 3.0", 14, irb, sizeof irb);
}

static const BadPhoto bad_photos[] = {
  { "empty", make_empty },
  { "missing", make_missing },
  { "text", make_text },
  { "truncated-header", make_truncated },
  { "truncated-image-data", make_truncated_image_data },
};

/* The picture is fine, the metadata embedded by a camera or another program is damaged. */
static const BadPhoto damaged_photos[] = {
  { "exif-ifd-loop", make_exif_ifd_loop },
  { "exif-offsets-past-end", make_exif_past_end },
  { "exif-huge-count", make_exif_huge_count },
  { "embedded-xmp-doctype", make_embedded_xmp_doctype },
  { "embedded-xmp-malformed", make_embedded_xmp_malformed },
  { "iim-past-end", make_iim_past_end },
};

static const BadSidecar bad_sidecars[] = {
  { "malformed", "broken.xmp" },
  { "billion-laughs", "billion-laughs.xmp" },
  { "external-entity", "external-entity.xmp" },
};

/* A good photo with a caption set through the CLI, to go on the same command line. */
static char *
make_good_photo (const char *dir)
{
  char *good = make_jpeg (dir, "good.jpg", 320, 240);
  const char *args[] = { "--caption-body", "A good photo.", NULL };
  g_autoptr(CliRun) run = cli_run_command ("set", good, args);

  cli_assert_exit (run, 0);
  return good;
}

/* info --json BAD GOOD still reports GOOD. */
static void
check_good_in_json (const CliRun *run)
{
  g_autoptr(JsonFlat) info = json_flat_parse (run->out);
  int len = json_flat_len (info, "%s", "");
  gboolean found = FALSE;

  for (int i = 0; i < len; i++)
    {
      const char *file = json_flat_str (info, "[%d].file", i);

      if (file != NULL && g_str_has_suffix (file, "/good.jpg"))
        {
          found = TRUE;
          g_assert_cmpstr (json_flat_str (info, "[%d].caption", i), ==, "A good photo.");
          g_assert_cmpfloat (json_flat_num (info, "[%d].width", i), ==, 320);
        }
    }
  g_assert_true (found);
}

static void
test_bad_photo (gconstpointer data)
{
  const BadPhoto *bad = data;
  g_autofree char *dir = test_dir_new ();
  g_autofree char *good = make_good_photo (dir);
  g_autofree char *name = g_strconcat (bad->name, ".jpg", NULL);
  g_autofree char *photo = g_build_filename (dir, name, NULL);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "other-programs.xmp",
                                                    NULL);
  g_autofree char *photo_sum = NULL;
  g_autofree char *sidecar_sum = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *sum = NULL;
  const char *both[] = { good, NULL };
  const char *set_args[] = { "--caption-body", "pose for a photo.", "--person", "A@0,0,0.5,0.5",
                             NULL };
  g_autoptr(CliRun) info = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) compose = NULL;
  g_autoptr(CliRun) set = NULL;

  bad->make (photo);
  /* A sidecar that another program wrote for it: Captioner must not replace it. */
  copy_file (fixture, sidecar);
  photo_sum = file_checksum (photo);
  sidecar_sum = file_checksum (sidecar);
  listing = list_dir (dir);

  info = cli_run_command ("info", photo, both);
  cli_assert_one_error (info, name);
  g_assert_null (strstr (info->err, "good.jpg"));
  g_assert_nonnull (strstr (info->out, "good.jpg"));
  g_assert_nonnull (strstr (info->out, "A good photo."));

  {
    const char *json_args[] = { photo, good, NULL };

    json = cli_run_command ("info", "--json", json_args);
    cli_assert_one_error (json, name);
    check_good_in_json (json);
  }

  compose = cli_run_command ("compose", photo, NULL);
  cli_assert_one_error (compose, name);
  g_assert_cmpstr (compose->out, ==, "");

  set = cli_run_command ("set", photo, set_args);
  cli_assert_one_error (set, name);

  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  g_clear_pointer (&sum, g_free);
  sum = file_checksum (sidecar);
  g_assert_cmpstr (sum, ==, sidecar_sum);
  listing_after = list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

/* Damaged embedded metadata does not stop the desk: the photo can still be captioned (the
 * sidecar is Captioner's), the damage is reported as the photo's warning, nothing crashes or
 * hangs, and the photo's bytes stay as they were. */
static void
test_damaged_photo (gconstpointer data)
{
  const BadPhoto *damaged = data;
  g_autofree char *dir = test_dir_new ();
  g_autofree char *good = make_good_photo (dir);
  g_autofree char *name = g_strconcat (damaged->name, ".jpg", NULL);
  g_autofree char *photo = g_build_filename (dir, name, NULL);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "other-programs.xmp",
                                                    NULL);
  g_autofree char *photo_sum = NULL;
  g_autofree char *sum = NULL;
  const char *json_args[] = { photo, good, NULL };
  const char *set_args[] = { "--caption-body", "pose for a photo.", "--credit", "Reuters",
                             "--person", "Hakan Fidan@0.1,0.1,0.3,0.5", NULL };
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) compose = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) xmp = NULL;

  damaged->make (photo);
  copy_file (fixture, sidecar);
  photo_sum = file_checksum (photo);

  json = cli_run_command ("info", "--json", json_args);
  cli_assert_exit (json, 0);
  g_assert_cmpuint (cli_run_count_err_lines (json), <=, 1);
  check_good_in_json (json);
  info = json_flat_parse (json->out);
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].file"), name));
  /* Displayed size: some of these carry an orientation. */
  g_assert_true (json_flat_num (info, "[0].width") == 320 || json_flat_num (info, "[0].width") == 240);
  g_test_message ("warning: %s", json_flat_str (info, "[0].warning"));
  g_assert_nonnull (json_flat_str (info, "[0].warning"));

  set = cli_run_command ("set", photo, set_args);
  cli_assert_exit (set, 0);
  g_assert_cmpuint (cli_run_count_err_lines (set), <=, 1);
  compose = cli_run_command ("compose", photo, NULL);
  cli_assert_exit (compose, 0);
  g_assert_cmpstr (compose->out, ==, "Hakan Fidan pose for a photo. (Reuters photo)\n");

  xmp = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                   "Hakan Fidan pose for a photo. (Reuters photo)");
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-xmp:Rating"), ==, 4);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-crs:Exposure2012"), ==, "+0.50");

  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
}

static void
test_bad_sidecar (gconstpointer data)
{
  const BadSidecar *bad = data;
  g_autofree char *dir = test_dir_new ();
  g_autofree char *good = make_good_photo (dir);
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", bad->fixture, NULL);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *sidecar_sum = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *sum = NULL;
  const char *text_args[] = { good, NULL };
  const char *json_args[] = { photo, good, NULL };
  const char *set_args[] = { "--caption-body", "pose for a photo.", "--credit", "Reuters", NULL };
  const char *force_args[] = { "--caption-body", "pose for a photo.", "--force", NULL };
  g_autoptr(CliRun) info = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) compose = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) forced = NULL;

  copy_file (fixture, sidecar);
  sidecar_sum = file_checksum (sidecar);
  listing = list_dir (dir);

  info = cli_run_command ("info", photo, text_args);
  cli_assert_one_error (info, "photo.jpg");
  g_assert_nonnull (strstr (info->out, "A good photo."));

  json = cli_run_command ("info", "--json", json_args);
  cli_assert_one_error (json, "photo.jpg");
  check_good_in_json (json);

  compose = cli_run_command ("compose", photo, NULL);
  cli_assert_one_error (compose, "photo.jpg");

  /* Not even --force replaces a sidecar that could not be read: its contents would be lost. */
  set = cli_run_command ("set", photo, set_args);
  cli_assert_one_error (set, "photo.jpg");
  forced = cli_run_command ("set", photo, force_args);
  cli_assert_one_error (forced, "photo.jpg");

  /* No file's contents leak into what is printed. */
  g_assert_null (strstr (info->out, "root:"));
  g_assert_null (strstr (json->out, "root:"));
  g_assert_null (strstr (json->err, "root:"));

  sum = file_checksum (sidecar);
  g_assert_cmpstr (sum, ==, sidecar_sum);
  g_clear_pointer (&sum, g_free);
  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  listing_after = list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (bad_photos); i++)
    {
      g_autofree char *path = g_strdup_printf ("/captioner/cli/bad-input/photo/%s",
                                               bad_photos[i].name);
      g_test_add_data_func (path, &bad_photos[i], test_bad_photo);
    }
  for (guint i = 0; i < G_N_ELEMENTS (damaged_photos); i++)
    {
      g_autofree char *path = g_strdup_printf ("/captioner/cli/bad-input/damaged-metadata/%s",
                                               damaged_photos[i].name);
      g_test_add_data_func (path, &damaged_photos[i], test_damaged_photo);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_sidecars); i++)
    {
      g_autofree char *path = g_strdup_printf ("/captioner/cli/bad-input/sidecar/%s",
                                               bad_sidecars[i].name);
      g_test_add_data_func (path, &bad_sidecars[i], test_bad_sidecar);
    }

  return g_test_run ();
}
