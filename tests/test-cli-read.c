#define G_LOG_DOMAIN "test-cli-read"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-test-util.h"

/* captioner-cli info on what arrives on a desk: wire photos carrying IPTC IIM only, photos with
 * embedded XMP, Adobe-named sidecars, camera EXIF. Nothing is written by reading. */

#define XMP_HEAD \
  "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" \
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" \
  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" \
  "  <rdf:Description rdf:about=\"\"\n" \
  "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" \
  "    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n" \
  "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">\n"
#define XMP_TAIL \
  "  </rdf:Description>\n" \
  " </rdf:RDF>\n" \
  "</x:xmpmeta>\n" \
  "<?xpacket end=\"w\"?>\n"

static char *
sidecar_text (const char *caption,
              const char *credit)
{
  return g_strdup_printf (XMP_HEAD
                          "   <dc:description><rdf:Alt>"
                          "<rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                          "</rdf:Alt></dc:description>\n"
                          "   <photoshop:Credit>%s</photoshop:Credit>\n"
                          XMP_TAIL, caption, credit);
}

static JsonFlat *
info_json (const char *photo)
{
  const char *args[] = { photo, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

/* A wire photo carries its caption in IPTC IIM only. */
static void
test_read_iim_wire (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "wire.jpg", 320, 240);
  g_autofree char *photo_sum = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(CliRun) text = NULL;
  const char *keywords[2];

  exiftool_write (photo,
                  "-IPTC:Caption-Abstract=Iranian Foreign Minister Hossein Amir-Abdollahian "
                  "attends a meeting in Tehran, Iran, October 23, 2023.",
                  "-IPTC:Credit=Reuters",
                  "-IPTC:By-line=Raheb Homavandi",
                  "-IPTC:Headline=3+3 summit in Tehran",
                  "-IPTC:City=Tehran",
                  "-IPTC:Keywords=Iran",
                  "-IPTC:Keywords=diplomacy",
                  NULL);
  photo_sum = file_checksum (photo);

  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==,
                   "Iranian Foreign Minister Hossein Amir-Abdollahian attends a meeting in "
                   "Tehran, Iran, October 23, 2023.");
  g_assert_cmpstr (json_flat_str (info, "[0].credit"), ==, "Reuters");
  g_assert_cmpstr (json_flat_str (info, "[0].byline"), ==, "Raheb Homavandi");
  g_assert_cmpstr (json_flat_str (info, "[0].headline"), ==, "3+3 summit in Tehran");
  g_assert_cmpstr (json_flat_str (info, "[0].city"), ==, "Tehran");
  g_assert_cmpint (json_flat_len (info, "[0].keywords"), ==, 2);
  keywords[0] = json_flat_str (info, "[0].keywords[0]");
  keywords[1] = json_flat_str (info, "[0].keywords[1]");
  g_assert_true ((g_strcmp0 (keywords[0], "Iran") == 0 && g_strcmp0 (keywords[1], "diplomacy") == 0)
                 || (g_strcmp0 (keywords[1], "Iran") == 0
                     && g_strcmp0 (keywords[0], "diplomacy") == 0));
  g_assert_true (json_flat_is_null (info, "[0].sidecar"));
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 0);

  /* The readable summary shows the caption too. */
  text = cli_run ("info", photo, NULL);
  cli_assert_exit (text, 0);
  g_assert_nonnull (strstr (text->out, "attends a meeting in Tehran"));
  g_assert_nonnull (strstr (text->out, "Reuters"));

  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "wire.jpg");
}

/* Lightroom and Bridge name the sidecar NAME.xmp; Captioner reads it. */
static void
test_read_adobe_sidecar (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *adobe = g_build_filename (dir, "photo.xmp", NULL);
  g_autofree char *text = sidecar_text ("Caption written in Lightroom.", "AFP");
  g_autofree char *adobe_sum = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) set = NULL;
  const char *headline[] = { "--headline", "Summit in Tehran", NULL };

  write_bytes (adobe, text, strlen (text));
  adobe_sum = file_checksum (adobe);

  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Caption written in Lightroom.");
  g_assert_cmpstr (json_flat_str (info, "[0].credit"), ==, "AFP");
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].sidecar"), "/photo.xmp"));

  /* Writing goes to NAME.EXT.xmp, keeps what the Adobe sidecar said, leaves it alone. */
  set = cli_run_command ("set", photo, headline);
  cli_assert_exit (set, 0);
  sum = file_checksum (adobe);
  g_assert_cmpstr (sum, ==, adobe_sum);
  after = info_json (photo);
  g_assert_cmpstr (json_flat_str (after, "[0].caption"), ==, "Caption written in Lightroom.");
  g_assert_cmpstr (json_flat_str (after, "[0].credit"), ==, "AFP");
  g_assert_cmpstr (json_flat_str (after, "[0].headline"), ==, "Summit in Tehran");
  g_assert_true (g_str_has_suffix (json_flat_str (after, "[0].sidecar"), "/photo.jpg.xmp"));
}

/* The sidecar wins over the photo's embedded XMP, which wins over its IIM. */
static void
test_read_precedence (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *text = sidecar_text ("Caption from the sidecar.", "Reuters");
  g_autoptr(JsonFlat) embedded = NULL;
  g_autoptr(JsonFlat) beside = NULL;

  exiftool_write (photo,
                  "-IPTC:Caption-Abstract=Caption from IIM.",
                  "-XMP-dc:Description=Caption from embedded XMP.",
                  "-XMP-photoshop:Headline=Headline from embedded XMP",
                  NULL);

  embedded = info_json (photo);
  g_assert_cmpstr (json_flat_str (embedded, "[0].caption"), ==, "Caption from embedded XMP.");
  g_assert_true (json_flat_is_null (embedded, "[0].sidecar"));

  write_bytes (sidecar, text, strlen (text));
  beside = info_json (photo);
  g_assert_cmpstr (json_flat_str (beside, "[0].caption"), ==, "Caption from the sidecar.");
  g_assert_cmpstr (json_flat_str (beside, "[0].credit"), ==, "Reuters");
  g_assert_true (g_str_has_suffix (json_flat_str (beside, "[0].sidecar"), "/photo.jpg.xmp"));
}

/* Both sidecar names beside the photo, saying different things: the editor is told. */
static void
test_read_both_sidecars (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *adobe = g_build_filename (dir, "photo.xmp", NULL);
  g_autofree char *ours = sidecar_text ("Caption from photo.jpg.xmp.", "Reuters");
  g_autofree char *theirs = sidecar_text ("Caption from photo.xmp.", "AFP");
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(CliRun) text = NULL;

  write_bytes (sidecar, ours, strlen (ours));
  write_bytes (adobe, theirs, strlen (theirs));

  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Caption from photo.jpg.xmp.");
  text = cli_run ("info", photo, NULL);
  cli_assert_exit (text, 0);
  g_assert_true (strstr (text->out, "photo.xmp") != NULL
                 || strstr (text->err, "photo.xmp") != NULL);
}

/* Several files: one object each, in the order given. */
static void
test_read_several (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *first = make_jpeg (dir, "first.jpg", 320, 240);
  g_autofree char *second = make_jpeg (dir, "second.jpg", 200, 300);
  const char *args[] = { first, second, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);
  g_autoptr(JsonFlat) info = NULL;

  cli_assert_exit (run, 0);
  g_assert_cmpstr (run->err, ==, "");
  info = json_flat_parse (run->out);
  g_assert_cmpint (json_flat_len (info, "%s", ""), ==, 2);
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].file"), "/first.jpg"));
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[1].file"), "/second.jpg"));
  g_assert_cmpfloat (json_flat_num (info, "[1].width"), ==, 200);
  g_assert_cmpfloat (json_flat_num (info, "[1].height"), ==, 300);
  g_assert_true (json_flat_is_null (info, "[1].caption"));
  g_assert_cmpint (json_flat_len (info, "[1].keywords"), ==, 0);
  g_assert_cmpint (json_flat_len (info, "[1].people"), ==, 0);
}

/* Camera EXIF as info --json reports it, on a photo turned by orientation 8. */
static void
test_read_exif (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "camera.jpg", 640, 480);
  g_autoptr(JsonFlat) info = NULL;
  const char *exposure;
  const char *datetime;

  exiftool_write (photo,
                  "-IFD0:Orientation=8",
                  "-IFD0:Make=Canon",
                  "-IFD0:Model=Canon EOS R5",
                  "-ExifIFD:LensModel=RF24-70mm F2.8 L IS USM",
                  "-ExifIFD:DateTimeOriginal=2023:10:23 10:00:00",
                  "-ExifIFD:ExposureTime=0.004",
                  "-ExifIFD:FNumber=4",
                  "-ExifIFD:ISO=400",
                  "-ExifIFD:FocalLength=35",
                  "-IFD0:Artist=Raheb Homavandi",
                  "-GPS:GPSLatitude=35.6892", "-GPS:GPSLatitudeRef=N",
                  "-GPS:GPSLongitude=51.3890", "-GPS:GPSLongitudeRef=E",
                  NULL);

  info = info_json (photo);
  g_assert_cmpfloat (json_flat_num (info, "[0].orientation"), ==, 8);
  g_assert_cmpfloat (json_flat_num (info, "[0].width"), ==, 480);
  g_assert_cmpfloat (json_flat_num (info, "[0].height"), ==, 640);
  g_assert_cmpstr (json_flat_str (info, "[0].exif.make"), ==, "Canon");
  g_assert_cmpstr (json_flat_str (info, "[0].exif.model"), ==, "Canon EOS R5");
  g_assert_cmpstr (json_flat_str (info, "[0].exif.lens"), ==, "RF24-70mm F2.8 L IS USM");
  g_assert_cmpstr (json_flat_str (info, "[0].exif.artist"), ==, "Raheb Homavandi");
  /* The seconds survive (exempi's JPEG writer was seen dropping them). */
  datetime = json_flat_str (info, "[0].exif.datetime_original");
  g_test_message ("datetime_original: %s", datetime);
  g_assert_nonnull (datetime);
  g_assert_true (datetime != NULL && strstr (datetime, "2023") != NULL);
  g_assert_true (datetime != NULL && strstr (datetime, "10:00:00") != NULL);
  exposure = json_flat_str (info, "[0].exif.exposure_time");
  g_test_message ("exposure_time: %s", exposure);
  g_assert_true (g_strcmp0 (exposure, "1/250") == 0
                 || fabs (json_flat_num (info, "[0].exif.exposure_time") - 0.004) < 1e-6);
  g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].exif.f_number"), 4, 1e-6);
  g_assert_cmpfloat (json_flat_num (info, "[0].exif.iso"), ==, 400);
  g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].exif.focal_length"), 35, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].exif.gps_latitude"), 35.6892, 1e-4);
  g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].exif.gps_longitude"), 51.389, 1e-4);
  g_assert_true (json_flat_is_null (info, "[0].caption"));
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/read/iim-wire", test_read_iim_wire);
  g_test_add_func ("/captioner/cli/read/adobe-sidecar", test_read_adobe_sidecar);
  g_test_add_func ("/captioner/cli/read/precedence", test_read_precedence);
  g_test_add_func ("/captioner/cli/read/both-sidecars", test_read_both_sidecars);
  g_test_add_func ("/captioner/cli/read/several", test_read_several);
  g_test_add_func ("/captioner/cli/read/exif", test_read_exif);

  return g_test_run ();
}
