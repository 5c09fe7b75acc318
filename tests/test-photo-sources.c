#define G_LOG_DOMAIN "test-photo-sources"

#include "config.h"

#include <string.h>

#include "captioner-person.h"
#include "captioner-photo.h"
#include "cli-test-util.h"

/* Where a photo's metadata comes from, and where a save puts it: orientation from a sidecar
 * or embedded XMP, old wire photos' IIM, camera boilerplate, a new sidecar that starts from
 * the photo's XMP, sidecar names in any case, a JPEG beside its RAW, an Adobe NAME.xmp left
 * behind. exiftool is the oracle. */

static JsonFlat *
info_json (const char *photo)
{
  const char *args[] = { photo, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

static JsonFlat *
dump (const char *path)
{
  const char *argv[] = { EXIFTOOL, "-j", "-struct", "-a", "-G1", "-XMP:all", path, NULL };
  g_autoptr(CliRun) run = cli_run_argv (argv, NULL);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

static char *
compose (const char *photo)
{
  g_autoptr(CliRun) run = cli_run ("compose", photo, NULL);

  cli_assert_exit (run, 0);
  return g_strdup (run->out);
}

#define SIDECAR_HEAD \
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" \
  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" \
  "  <rdf:Description rdf:about=\"\"\n" \
  "    xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\"\n" \
  "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" \
  "    xmlns:captioner=\"http://ns.example.org/captioner/1.0/\"\n" \
  "    xmlns:mwg-rs=\"http://www.metadataworkinggroup.com/schemas/regions/\"\n" \
  "    xmlns:stArea=\"http://ns.adobe.com/xmp/sType/Area#\"\n" \
  "    captioner:CaptionBody=\"pose in Tehran.\"%s>\n" \
  "   <mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>\n" \
  "    <rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Anna</mwg-rs:Name>" \
  "<mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x=\"0.15\" stArea:y=\"0.15\" " \
  "stArea:w=\"0.1\" stArea:h=\"0.1\" stArea:unit=\"normalized\"/></rdf:li>\n" \
  "    <rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Boris</mwg-rs:Name>" \
  "<mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x=\"0.55\" stArea:y=\"0.85\" " \
  "stArea:w=\"0.1\" stArea:h=\"0.1\" stArea:unit=\"normalized\"/></rdf:li>\n" \
  "    <rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Chen</mwg-rs:Name>" \
  "<mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x=\"0.85\" stArea:y=\"0.45\" " \
  "stArea:w=\"0.1\" stArea:h=\"0.1\" stArea:unit=\"normalized\"/></rdf:li>\n" \
  "   </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>\n" \
  "  </rdf:Description>\n" \
  " </rdf:RDF>\n" \
  "</x:xmpmeta>\n"

static void
write_people_sidecar (const char *photo,
                      int         orientation)
{
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *attribute = orientation
                               ? g_strdup_printf ("\n    tiff:Orientation=\"%d\"", orientation)
                               : g_strdup ("");
  g_autofree char *text = g_strdup_printf (SIDECAR_HEAD, attribute);

  write_bytes (sidecar, text, strlen (text));
}

/* The same photo turned by EXIF, by the sidecar's tiff:Orientation (Lightroom, digiKam), or
 * by the embedded XMP of a photo without EXIF orientation: the same caption, the same size. */
static void
test_orientation_from_xmp (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *upright = make_jpeg (dir, "upright.jpg", 64, 48);
  g_autofree char *upright_caption = NULL;

  write_people_sidecar (upright, 0);
  upright_caption = compose (upright);
  g_assert_cmpstr (upright_caption, ==, "From left, Anna, Boris and Chen pose in Tehran.\n");

  for (int orientation = 3; orientation <= 8; orientation++)
    {
      g_autofree char *name_exif = g_strdup_printf ("exif-%d.jpg", orientation);
      g_autofree char *name_sidecar = g_strdup_printf ("sidecar-%d.jpg", orientation);
      g_autofree char *name_xmp = g_strdup_printf ("xmp-%d.jpg", orientation);
      g_autofree char *by_exif = NULL, *by_sidecar = NULL, *by_xmp = NULL;
      g_autofree char *caption_exif = NULL, *caption_sidecar = NULL, *caption_xmp = NULL;
      g_autofree char *exif_arg = g_strdup_printf ("-IFD0:Orientation=%d", orientation);
      g_autofree char *xmp_arg = g_strdup_printf ("-XMP-tiff:Orientation=%d", orientation);
      g_autoptr(JsonFlat) info_exif = NULL;
      g_autoptr(JsonFlat) info_sidecar = NULL;

      if (orientation != 3 && orientation != 6 && orientation != 8)
        continue;
      by_exif = make_jpeg (dir, name_exif, 64, 48);
      by_sidecar = make_jpeg (dir, name_sidecar, 64, 48);
      by_xmp = make_jpeg (dir, name_xmp, 64, 48);
      exiftool_write (by_exif, exif_arg, NULL);
      exiftool_write (by_xmp, xmp_arg, NULL);
      write_people_sidecar (by_exif, 0);
      write_people_sidecar (by_sidecar, orientation);
      write_people_sidecar (by_xmp, 0);

      caption_exif = compose (by_exif);
      caption_sidecar = compose (by_sidecar);
      caption_xmp = compose (by_xmp);
      g_test_message ("orientation %d: %s", orientation, caption_exif);
      g_assert_cmpstr (caption_exif, !=, upright_caption);
      g_assert_cmpstr (caption_sidecar, ==, caption_exif);
      g_assert_cmpstr (caption_xmp, ==, caption_exif);

      info_exif = info_json (by_exif);
      info_sidecar = info_json (by_sidecar);
      g_assert_cmpfloat (json_flat_num (info_sidecar, "[0].orientation"), ==, orientation);
      g_assert_cmpfloat (json_flat_num (info_sidecar, "[0].width"), ==,
                         json_flat_num (info_exif, "[0].width"));
      g_assert_cmpfloat (json_flat_num (info_sidecar, "[0].height"), ==,
                         json_flat_num (info_exif, "[0].height"));
      g_assert_cmpfloat (json_flat_num (info_sidecar, "[0].people[0].region.x"), ==,
                         json_flat_num (info_exif, "[0].people[0].region.x"));
    }
}

/* The sidecar turns the photo otherwise than its EXIF: the sidecar wins, and the editor is
 * told. */
static void
test_orientation_disagreement (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "turned.jpg", 64, 48);
  g_autoptr(JsonFlat) info = NULL;

  exiftool_write (photo, "-IFD0:Orientation=1", NULL);
  write_people_sidecar (photo, 6);
  info = info_json (photo);
  g_assert_cmpfloat (json_flat_num (info, "[0].orientation"), ==, 6);
  g_assert_cmpfloat (json_flat_num (info, "[0].width"), ==, 48);
  g_assert_nonnull (json_flat_str (info, "[0].warning"));
  g_assert_nonnull (strstr (json_flat_str (info, "[0].warning"), "orientation"));
}

/* An old wire photo: IIM without a character set (1:90), in Windows-1252. */
static void
test_iim_windows_1252 (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "wire.jpg", 64, 48);
  const char *argv[] = { EXIFTOOL, "-j", "-IPTC:all", photo, NULL };
  g_autoptr(CliRun) oracle = NULL;
  g_autoptr(JsonFlat) theirs = NULL;
  g_autoptr(JsonFlat) ours = NULL;

  exiftool_write (photo, "-charset", "iptc=cp1252",
                  "-IPTC:Caption-Abstract=Café in Zürich – “naïve” façade, 2023.",
                  "-IPTC:City=São Paulo", "-IPTC:By-line=Jürgen Müller", NULL);
  oracle = cli_run_argv (argv, NULL);
  cli_assert_exit (oracle, 0);
  theirs = json_flat_parse (oracle->out);
  g_assert_null (json_flat_str (theirs, "[0].CodedCharacterSet"));
  ours = info_json (photo);
  g_assert_cmpstr (json_flat_str (ours, "[0].caption"), ==,
                   json_flat_str (theirs, "[0].Caption-Abstract"));
  g_assert_cmpstr (json_flat_str (ours, "[0].caption"), ==,
                   "Café in Zürich – “naïve” façade, 2023.");
  g_assert_cmpstr (json_flat_str (ours, "[0].city"), ==, json_flat_str (theirs, "[0].City"));
  g_assert_cmpstr (json_flat_str (ours, "[0].byline"), ==, json_flat_str (theirs, "[0].By-line"));
  g_assert_nonnull (strstr (json_flat_str (ours, "[0].warning"), "Windows-1252"));
}

/* IIM in UTF-8 without 1:90 is read as UTF-8, and the editor is told it was a guess. */
static void
test_iim_utf8_undeclared (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "wire.jpg", 64, 48);
  g_autoptr(JsonFlat) ours = NULL;

  exiftool_write (photo, "-charset", "iptc=UTF8", "-IPTC:Caption-Abstract=Երևան, Հայաստան", NULL);
  ours = info_json (photo);
  g_assert_cmpstr (json_flat_str (ours, "[0].caption"), ==, "Երևան, Հայաստան");
  g_assert_nonnull (strstr (json_flat_str (ours, "[0].warning"), "UTF-8"));
}

/* IIM and XMP that say different things: XMP wins, the editor is told. */
static void
test_iim_xmp_disagree (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "both.jpg", 64, 48);
  g_autoptr(JsonFlat) info = NULL;

  exiftool_write (photo, "-IPTC:Caption-Abstract=Caption in IIM.",
                  "-XMP-dc:Description=Caption in XMP.", "-IPTC:Credit=Reuters", NULL);
  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Caption in XMP.");
  g_assert_cmpstr (json_flat_str (info, "[0].credit"), ==, "Reuters");
  g_assert_nonnull (strstr (json_flat_str (info, "[0].warning"), "disagree"));

  /* In step (a date to another precision is the same date): nothing to say. */
  {
    g_autofree char *agreeing = make_jpeg (dir, "agreeing.jpg", 64, 48);
    g_autoptr(JsonFlat) quiet = NULL;

    exiftool_write (agreeing, "-IPTC:Caption-Abstract=Same caption.",
                    "-XMP-dc:Description=Same caption.", "-IPTC:DateCreated=2023:10:23",
                    "-XMP-photoshop:DateCreated=2023:10:23 10:00:00+03:30", NULL);
    quiet = info_json (agreeing);
    g_assert_cmpstr (json_flat_str (quiet, "[0].caption"), ==, "Same caption.");
    g_assert_true (json_flat_is_null (quiet, "[0].warning"));
  }
}

/* What cameras write into ImageDescription is no caption. */
static void
test_camera_boilerplate (void)
{
  static const char * const boilerplate[] = {
    "OLYMPUS DIGITAL CAMERA         ", "SONY DSC", "          ", "KODAK Digital Still Camera",
  };
  g_autofree char *dir = test_dir_new ();

  for (guint i = 0; i < G_N_ELEMENTS (boilerplate); i++)
    {
      g_autofree char *name = g_strdup_printf ("camera-%u.jpg", i);
      g_autofree char *photo = make_jpeg (dir, name, 64, 48);
      g_autofree char *arg = g_strdup_printf ("-IFD0:ImageDescription=%s", boilerplate[i]);
      g_autoptr(JsonFlat) info = NULL;

      exiftool_write (photo, arg, NULL);
      info = info_json (photo);
      g_assert_true (json_flat_is_null (info, "[0].caption"));
    }
  {
    g_autofree char *photo = make_jpeg (dir, "captioned.jpg", 64, 48);
    g_autoptr(JsonFlat) info = NULL;

    exiftool_write (photo, "-IFD0:ImageDescription=Ministers meet in Tehran.", NULL);
    info = info_json (photo);
    g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Ministers meet in Tehran.");
  }
}

/* A photo with embedded XMP and no sidecar: the sidecar a save makes holds everything the
 * photo's XMP held, so that digiKam or darktable, which read the sidecar over the photo, lose
 * nothing. The photo is not touched. */
static void
test_new_sidecar_from_embedded (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "embedded.jpg", 64, 48);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *after_sum = NULL;
  g_autoptr(JsonFlat) in_photo = NULL;
  g_autoptr(JsonFlat) in_sidecar = NULL;
  g_autoptr(CliRun) run = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint compared = 0;

  exiftool_write (photo,
                  "-XMP-dc:Title-x-default=Summit", "-XMP-dc:Title-fr=Sommet",
                  "-XMP-dc:Description=Ministers meet.", "-XMP-dc:Description-fr=Les ministres.",
                  "-XMP-iptcExt:Event=3+3 platform", "-XMP-iptcExt:Event-fr=Plateforme 3+3",
                  "-XMP-iptcCore:CountryCode=IR", "-XMP-iptcExt:OrganisationInImageName=MFA",
                  "-XMP-xmp:Rating=4", "-XMP-photoshop:Headline=Summit",
                  "-XMP-iptcExt:PersonInImage=Anna", "-XMP-dc:Creator=Smith; Jones Photo Pool",
                  "-XMP-iptcExt:LocationShownCity=Tehran",
                  NULL);
  sum = file_checksum (photo);
  in_photo = dump (photo);
  run = cli_run ("set", photo, "--credit", "Reuters", NULL);
  cli_assert_exit (run, 0);
  in_sidecar = dump (sidecar);

  g_hash_table_iter_init (&iter, in_photo);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *k = key;

      if (strcmp (k, "[0]") == 0 || strcmp (k, "[0].SourceFile") == 0 || *k == '\0' ||
          g_str_has_prefix (k, "[0].XMP-x:"))
        continue;
      compared++;
      if (g_strcmp0 (g_hash_table_lookup (in_sidecar, k), value) != 0)
        {
          g_test_message ("%s: %s in the photo, %s in the sidecar", k, (const char *) value,
                          (const char *) g_hash_table_lookup (in_sidecar, k));
          g_test_fail ();
        }
    }
  g_assert_cmpuint (compared, >=, 14);
  g_assert_cmpstr (json_flat_str (in_sidecar, "[0].XMP-photoshop:Credit"), ==, "Reuters");
  after_sum = file_checksum (photo);
  g_assert_cmpstr (after_sum, ==, sum);
}

/* Sidecars named in capitals are the photo's: found, and updated where they are. */
static void
test_upper_case_names (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "IMG_0001.JPG", 64, 48);
  g_autofree char *own = g_build_filename (dir, "IMG_0001.JPG.XMP", NULL);
  g_autofree char *other = make_jpeg (dir, "IMG_0002.JPG", 64, 48);
  g_autofree char *adobe = g_build_filename (dir, "IMG_0002.XMP", NULL);
  g_autofree char *text = g_strdup_printf (SIDECAR_HEAD, "");
  g_autofree char *listing = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) info_adobe = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = NULL;

  write_bytes (own, text, strlen (text));
  write_bytes (adobe, text, strlen (text));
  info = info_json (photo);
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].sidecar"), "/IMG_0001.JPG.XMP"));
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 3);
  info_adobe = info_json (other);
  g_assert_true (g_str_has_suffix (json_flat_str (info_adobe, "[0].sidecar"), "/IMG_0002.XMP"));

  run = cli_run ("set", photo, "--credit", "Reuters", NULL);
  cli_assert_exit (run, 0);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "IMG_0001.JPG IMG_0001.JPG.XMP IMG_0002.JPG IMG_0002.XMP");
  after = dump (own);
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-photoshop:Credit"), ==, "Reuters");
}

/* A JPEG beside its RAW: NAME.xmp is the RAW's. The pair is captioned once: the caption
 * fields go to both sidecars, the RAW's develop settings and crop never into the JPEG's. */
static void
test_raw_pair (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "DSC_0042.JPG", 64, 48);
  g_autofree char *raw = g_build_filename (dir, "DSC_0042.NEF", NULL);
  g_autofree char *raw_sidecar = g_build_filename (dir, "DSC_0042.xmp", NULL);
  g_autofree char *own = g_build_filename (dir, "DSC_0042.JPG.xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "programs",
                                                    "lightroom.xmp", NULL);
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) raw_before = NULL;
  g_autoptr(JsonFlat) raw_after = NULL;
  g_autoptr(JsonFlat) jpeg_after = NULL;
  g_autoptr(CliRun) run = NULL;
  GHashTableIter iter;
  gpointer key, value;

  write_bytes (raw, "not really a NEF", 16);
  copy_file (fixture, raw_sidecar);
  raw_before = dump (raw_sidecar);

  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Foreign ministers in Tehran.");
  /* The RAW's faces are on the RAW, which may be cropped otherwise. */
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 0);

  run = cli_run ("set", photo, "--caption", "Ministers pose in Tehran.", "--force", NULL);
  cli_assert_exit (run, 0);
  jpeg_after = dump (own);
  raw_after = dump (raw_sidecar);
  g_assert_cmpstr (json_flat_str (jpeg_after, "[0].XMP-dc:Description"), ==,
                   "Ministers pose in Tehran.");
  g_assert_cmpstr (json_flat_str (raw_after, "[0].XMP-dc:Description"), ==,
                   "Ministers pose in Tehran.");
  g_hash_table_iter_init (&iter, jpeg_after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_false (g_str_has_prefix (key, "[0].XMP-crs:"));

  /* The RAW's sidecar changed in its caption only. */
  g_hash_table_iter_init (&iter, raw_before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *k = key;

      if (strcmp (k, "[0]") == 0 || strcmp (k, "[0].XMP-dc:Description") == 0)
        continue;
      if (g_strcmp0 (g_hash_table_lookup (raw_after, k), value) != 0)
        {
          g_test_message ("%s changed in the RAW's sidecar", k);
          g_test_fail ();
        }
    }
  g_assert_cmpstr (json_flat_str (raw_after, "[0].XMP-dc:Description-de"), ==,
                   "Aussenminister in Teheran.");

  /* Saved twice from one load: the RAW's sidecar as written is the baseline of the second. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (photo);
    g_autoptr(GError) error = NULL;
    g_autoptr(CaptionerPhoto) loaded = captioner_photo_load (file, NULL, &error);
    g_autoptr(JsonFlat) raw_last = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(CaptionerMetadata) md =
            captioner_metadata_copy (captioner_photo_get_metadata (loaded));
        g_autofree char *credit = g_strdup_printf ("Pool %u", i);

        captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, credit);
        g_assert_true (captioner_photo_save (loaded, md, CAPTIONER_SAVE_NONE, NULL, &error));
        g_assert_no_error (error);
        g_assert_null (captioner_photo_get_warning (loaded));
      }
    raw_last = dump (raw_sidecar);
    g_assert_cmpstr (json_flat_str (raw_last, "[0].XMP-photoshop:Credit"), ==, "Pool 1");
  }
}

/* NAME.xmp alone: read, and left as it is; after a save it holds an older caption than
 * NAME.EXT.xmp beside it, and the editor is told. */
static void
test_stale_adobe_sidecar (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *path = make_jpeg (dir, "photo.jpg", 64, 48);
  g_autofree char *adobe = g_build_filename (dir, "photo.xmp", NULL);
  g_autofree char *text = g_strdup_printf (SIDECAR_HEAD, "");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerPhoto) again = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;

  write_bytes (adobe, text, strlen (text));
  photo = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (captioner_photo_get_warning (photo));
  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, "A new caption.");
  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (captioner_photo_get_warning (photo));
  g_assert_nonnull (strstr (captioner_photo_get_warning (photo), "photo.xmp"));

  again = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (captioner_photo_get_warning (again));
  g_assert_nonnull (strstr (captioner_photo_get_warning (again), "photo.xmp"));
  g_assert_cmpstr (captioner_photo_get_metadata (again)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "A new caption.");
}

/* The people are in the photo's XMP, the sidecar (darktable's) names nobody: moving one puts
 * the photo's regions into the sidecar as they are, the other person's with every property. */
static void
test_people_from_photo (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *path = make_jpeg (dir, "photo.jpg", 64, 48);
  g_autofree char *sidecar = g_strconcat (path, ".xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "programs",
                                                    "darktable.xmp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;
  g_autoptr(JsonFlat) after = NULL;
  CaptionerPerson *anna;

  exiftool_write (path, "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=64,H=48,Unit=pixel},"
                  "RegionList=[{Area={X=0.2,Y=0.4,W=0.1,H=0.2,Unit=normalized},Name=Anna,"
                  "Type=Face},{Area={X=0.6,Y=0.4,W=0.1,H=0.2,Unit=normalized},Name=Boris,"
                  "Type=Face,Description=Beside the flag,Rotation=0.5}]}", NULL);
  copy_file (fixture, sidecar);
  photo = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  g_assert_cmpuint (md->people->len, ==, 2);
  anna = g_ptr_array_index (md->people, 0);
  g_assert_cmpstr (anna->name, ==, "Anna");
  anna->region.x += 0.05;
  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  after = dump (sidecar);
  g_assert_cmpint (json_flat_len (after, "[0].XMP-mwg-rs:RegionInfo.RegionList"), ==, 2);
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-mwg-rs:RegionInfo.RegionList[1].Name"), ==,
                   "Boris");
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-mwg-rs:RegionInfo.RegionList[1].Description"),
                   ==, "Beside the flag");
  g_assert_cmpfloat_with_epsilon (json_flat_num (after,
                                                 "[0].XMP-mwg-rs:RegionInfo.RegionList[0].Area.X"),
                                  0.25, 1e-6);
  /* darktable's history is still there. */
  g_assert_cmpint (json_flat_len (after, "[0].XMP-darktable:History"), ==, 2);
}

/* A sidecar in UTF-16 is read, and the editor told; a save writes it back as UTF-8. */
static void
test_utf16_sidecar (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "wide.jpg", 64, 48);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *text = g_strdup_printf (SIDECAR_HEAD, "");
  g_autofree char *utf16 = NULL;
  gsize length = 0;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = NULL;
  GString *with_bom = g_string_new_len ("\xfe\xff", 2);

  utf16 = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (with_bom, utf16, length);
  write_bytes (sidecar, with_bom->str, with_bom->len);
  info = info_json (photo);
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 3);
  g_assert_nonnull (strstr (json_flat_str (info, "[0].warning"), "UTF-16"));
  run = cli_run ("set", photo, "--credit", "Reuters", NULL);
  cli_assert_exit (run, 0);
  after = info_json (photo);
  g_assert_cmpint (json_flat_len (after, "[0].people"), ==, 3);
  g_assert_cmpstr (json_flat_str (after, "[0].credit"), ==, "Reuters");
  g_assert_true (json_flat_is_null (after, "[0].warning"));
  g_string_free (with_bom, TRUE);
}

/* An agency's creator "Smith; Jones Photo Pool" is one creator: read as it is, written back as
 * one item when the by-line changes, never split at "; ". */
static void
test_creator_not_split (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "pool.jpg", 64, 48);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "programs",
                                                    "photo-mechanic.xmp", NULL);
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = NULL;

  copy_file (fixture, sidecar);
  info = info_json (photo);
  g_assert_cmpstr (json_flat_str (info, "[0].byline"), ==, "Smith; Jones Photo Pool");
  run = cli_run ("set", photo, "--byline", "Smith; Jones Photo Pool; Tehran", NULL);
  cli_assert_exit (run, 0);
  after = dump (sidecar);
  g_assert_cmpint (json_flat_len (after, "[0].XMP-dc:Creator"), ==, 1);
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-dc:Creator[0]"), ==,
                   "Smith; Jones Photo Pool; Tehran");
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/sources/orientation-from-xmp", test_orientation_from_xmp);
  g_test_add_func ("/captioner/sources/orientation-disagreement", test_orientation_disagreement);
  g_test_add_func ("/captioner/sources/iim-windows-1252", test_iim_windows_1252);
  g_test_add_func ("/captioner/sources/iim-utf8-undeclared", test_iim_utf8_undeclared);
  g_test_add_func ("/captioner/sources/iim-xmp-disagree", test_iim_xmp_disagree);
  g_test_add_func ("/captioner/sources/camera-boilerplate", test_camera_boilerplate);
  g_test_add_func ("/captioner/sources/new-sidecar-from-embedded", test_new_sidecar_from_embedded);
  g_test_add_func ("/captioner/sources/upper-case-names", test_upper_case_names);
  g_test_add_func ("/captioner/sources/raw-pair", test_raw_pair);
  g_test_add_func ("/captioner/sources/stale-adobe", test_stale_adobe_sidecar);
  g_test_add_func ("/captioner/sources/people-from-photo", test_people_from_photo);
  g_test_add_func ("/captioner/sources/creator-not-split", test_creator_not_split);
  g_test_add_func ("/captioner/sources/utf16-sidecar", test_utf16_sidecar);
  return g_test_run ();
}
