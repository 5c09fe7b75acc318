#define G_LOG_DOMAIN "test-cli-set"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-test-util.h"

/* captioner-cli set: each option as other programs then read it with exiftool, what other
 * programs stored in the sidecar kept, an editor's caption changed elsewhere never silently
 * replaced, and the photo's bytes never touched. */

#define EPSILON 1e-3

typedef struct
{
  char *dir;
  char *photo;
  char *sidecar;
  char *photo_sum;
} Desk;

static void
desk_init (Desk *desk)
{
  desk->dir = test_dir_new ();
  desk->photo = make_jpeg (desk->dir, "photo.jpg", 640, 480);
  desk->sidecar = g_strconcat (desk->photo, ".xmp", NULL);
  desk->photo_sum = file_checksum (desk->photo);
}

/* The photo's bytes are what they were, and nothing but the sidecar appeared beside it. */
static void
desk_check_and_clear (Desk *desk)
{
  g_autofree char *sum = file_checksum (desk->photo);
  g_autofree char *listing = list_dir (desk->dir);

  g_assert_cmpstr (sum, ==, desk->photo_sum);
  g_assert_cmpstr (listing, ==, "photo.jpg photo.jpg.xmp");
  g_free (desk->dir);
  g_free (desk->photo);
  g_free (desk->sidecar);
  g_free (desk->photo_sum);
}

static void
desk_set (Desk               *desk,
          const char * const *args)
{
  g_autoptr(CliRun) run = cli_run_command ("set", desk->photo, args);

  cli_assert_exit (run, 0);
}

static char *
desk_compose (Desk *desk)
{
  g_autoptr(CliRun) run = cli_run_command ("compose", desk->photo, NULL);

  cli_assert_exit (run, 0);
  return g_strdup (run->out);
}

static JsonFlat *
desk_info (Desk *desk)
{
  const char *args[] = { desk->photo, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

static gboolean
list_holds (JsonFlat   *flat,
            const char *path,
            const char *value)
{
  int len = json_flat_len (flat, "%s", path);

  /* exiftool prints a list of one as a plain value. */
  if (len < 0)
    return g_strcmp0 (json_flat_str (flat, "%s", path), value) == 0;
  for (int i = 0; i < len; i++)
    if (g_strcmp0 (json_flat_str (flat, "%s[%d]", path, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* Lightroom, darktable and digiKam properties in the sidecar survive Captioner's write. */
static void
test_set_keeps_other_programs (void)
{
  Desk desk;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "other-programs.xmp",
                                                    NULL);
  const char *args[] = {
    "--caption-body", "pose for a photo in Tehran.", "--credit", "Reuters",
    "--person", "Russian Foreign Minister Sergei Lavrov@0.6,0.2,0.1,0.3",
    "--person", "Turkish Foreign Minister Hakan Fidan@0.2,0.2,0.1,0.3",
    "--keyword", "diplomacy", NULL
  };
  g_autoptr(JsonFlat) xmp = NULL;

  desk_init (&desk);
  copy_file (fixture, desk.sidecar);
  desk_set (&desk, args);

  xmp = exiftool_read (desk.sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                   "From left, Turkish Foreign Minister Hakan Fidan and Russian Foreign Minister "
                   "Sergei Lavrov pose for a photo in Tehran. (Reuters photo)");
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList"), ==, 2);
  /* Lightroom */
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-xmp:Rating"), ==, 4);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-xmp:Label"), ==, "Green");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-crs:Exposure2012"), ==, "+0.50");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-crs:Contrast2012"), ==, "+12");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-crs:WhiteBalance"), ==, "As Shot");
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-lr:HierarchicalSubject"), ==, 2);
  g_assert_true (list_holds (xmp, "[0].XMP-lr:HierarchicalSubject", "Places|Iran|Tehran"));
  g_assert_true (list_holds (xmp, "[0].XMP-lr:HierarchicalSubject", "Events|3+3 summit"));
  /* darktable */
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-darktable:Xmp_version"), ==, 5);
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-darktable:History_end"), ==, 1);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-darktable:History[0].Operation"), ==, "exposure");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-darktable:History[0].Params"), ==,
                   "0000000000000000");
  /* digiKam */
  g_assert_true (list_holds (xmp, "[0].XMP-digiKam:TagsList", "Places/Iran/Tehran"));

  desk_check_and_clear (&desk);
}

/* --caption stores the caption exactly as typed. */
static void
test_set_caption_verbatim (void)
{
  Desk desk;
  const char *caption = "Hakan Fidan (L) and Sergei Lavrov talk, Tehran, Oct. 23 \u2014 no style";
  const char *args[] = {
    "--caption", caption, "--person", "Hakan Fidan@0.1,0.1,0.2,0.2", "--credit", "Reuters", NULL
  };
  g_autoptr(JsonFlat) xmp = NULL;
  g_autoptr(JsonFlat) info = NULL;

  desk_init (&desk);
  desk_set (&desk, args);
  xmp = exiftool_read (desk.sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==, caption);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-photoshop:Credit"), ==, "Reuters");
  info = desk_info (&desk);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, caption);
  g_assert_cmpstr (json_flat_str (info, "[0].people[0].name"), ==, "Hakan Fidan");
  desk_check_and_clear (&desk);
}

/* Repeated --person adds people; --clear-people removes them first. */
static void
test_set_clear_people (void)
{
  Desk desk;
  const char *first[] = {
    "--caption-body", "meet in Tehran.",
    "--person", "Sergei Lavrov@0.5,0.2,0.2,0.3", "--person", "Hakan Fidan@0.1,0.2,0.2,0.3", NULL
  };
  const char *more[] = { "--person", "Jeyhun Bayramov@0.75,0.2,0.2,0.3", NULL };
  const char *replace[] = { "--clear-people", "--person", "Ararat Mirzoyan@0.3,0.3,0.2,0.3", NULL };
  const char *clear[] = { "--clear-people", NULL };
  g_autofree char *composed = NULL;
  g_autoptr(JsonFlat) xmp = NULL;
  g_autoptr(JsonFlat) info = NULL;

  desk_init (&desk);
  desk_set (&desk, first);
  desk_set (&desk, more);
  composed = desk_compose (&desk);
  g_assert_cmpstr (composed, ==,
                   "From left, Hakan Fidan, Sergei Lavrov and Jeyhun Bayramov meet in Tehran.\n");
  g_clear_pointer (&composed, g_free);

  desk_set (&desk, replace);
  composed = desk_compose (&desk);
  g_assert_cmpstr (composed, ==, "Ararat Mirzoyan meet in Tehran.\n");
  xmp = exiftool_read (desk.sidecar);
  g_assert_true (list_holds (xmp, "[0].XMP-iptcExt:PersonInImage", "Ararat Mirzoyan"));
  g_assert_false (list_holds (xmp, "[0].XMP-iptcExt:PersonInImage", "Hakan Fidan"));
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList"), ==, 1);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList[0].Name"), ==,
                   "Ararat Mirzoyan");
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-iptcExt:ImageRegion"), ==, 1);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                   "Ararat Mirzoyan meet in Tehran.");
  g_clear_pointer (&composed, g_free);
  g_clear_pointer (&xmp, g_hash_table_unref);

  desk_set (&desk, clear);
  composed = desk_compose (&desk);
  g_assert_cmpstr (composed, ==, "meet in Tehran.\n");
  info = desk_info (&desk);
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 0);
  xmp = exiftool_read (desk.sidecar);
  g_assert_false (list_holds (xmp, "[0].XMP-iptcExt:PersonInImage", "Ararat Mirzoyan"));
  g_assert_cmpint (MAX (json_flat_len (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList"), 0), ==, 0);
  g_assert_cmpint (MAX (json_flat_len (xmp, "[0].XMP-iptcExt:ImageRegion"), 0), ==, 0);
  desk_check_and_clear (&desk);
}

static void
test_set_keywords (void)
{
  Desk desk;
  const char *args[] = {
    "--keyword", "Iran", "--keyword", "diplomacy", "--keyword", "3+3 summit",
    "--keyword", "Ērebuni", NULL
  };
  static const char *expected[] = { "Iran", "diplomacy", "3+3 summit", "Ērebuni" };
  g_autoptr(JsonFlat) xmp = NULL;
  g_autoptr(JsonFlat) info = NULL;

  desk_init (&desk);
  desk_set (&desk, args);
  xmp = exiftool_read (desk.sidecar);
  info = desk_info (&desk);
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-dc:Subject"), ==, 4);
  g_assert_cmpint (json_flat_len (info, "[0].keywords"), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (list_holds (xmp, "[0].XMP-dc:Subject", expected[i]));
      g_assert_true (list_holds (info, "[0].keywords", expected[i]));
    }
  desk_check_and_clear (&desk);
}

/* Every other text option lands in the standard property other programs read. */
static void
test_set_other_fields (void)
{
  Desk desk;
  const char *args[] = {
    "--headline", "3+3 summit in Tehran", "--byline", "Raheb Homavandi",
    "--source", "Reuters", "--copyright", "\u00a9 2023 Reuters", "--event", "3+3 Regional platform",
    "--city", "Tehran", "--state", "Tehran Province", "--country", "Iran", NULL
  };
  static const struct { const char *tag; const char *field; const char *value; } fields[] = {
    { "XMP-photoshop:Headline", "headline", "3+3 summit in Tehran" },
    { "XMP-dc:Creator", "byline", "Raheb Homavandi" },
    { "XMP-photoshop:Source", "source", "Reuters" },
    { "XMP-dc:Rights", "copyright", "\u00a9 2023 Reuters" },
    { "XMP-iptcExt:Event", "event", "3+3 Regional platform" },
    { "XMP-photoshop:City", "city", "Tehran" },
    { "XMP-photoshop:State", "state", "Tehran Province" },
    { "XMP-photoshop:Country", "country", "Iran" },
  };
  g_autoptr(JsonFlat) xmp = NULL;
  g_autoptr(JsonFlat) info = NULL;

  desk_init (&desk);
  desk_set (&desk, args);
  xmp = exiftool_read (desk.sidecar);
  info = desk_info (&desk);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *tag = g_strdup_printf ("[0].%s", fields[i].tag);

      g_test_message ("%s", fields[i].tag);
      g_assert_true (list_holds (xmp, tag, fields[i].value));
      g_assert_cmpstr (json_flat_str (info, "[0].%s", fields[i].field), ==, fields[i].value);
    }
  desk_check_and_clear (&desk);
}

/* Another program rewrote the caption after Captioner composed it: set refuses, names the
 * file, leaves the sidecar as it is; --force replaces it. */
static void
test_set_caption_changed_elsewhere (void)
{
  Desk desk;
  const char *first[] = {
    "--caption-body", "attends the summit.", "--credit", "Reuters",
    "--person", "Hakan Fidan@0.1,0.1,0.2,0.2", NULL
  };
  const char *second[] = { "--caption-body", "leaves the summit.", NULL };
  const char *forced[] = { "--caption-body", "leaves the summit.", "--force", NULL };
  g_autofree char *sidecar_sum = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *composed = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) xmp = NULL;

  desk_init (&desk);
  desk_set (&desk, first);
  exiftool_write (desk.sidecar, "-XMP-dc:Description=Rewritten by the night editor.", NULL);
  sidecar_sum = file_checksum (desk.sidecar);

  info = desk_info (&desk);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, "Rewritten by the night editor.");

  refused = cli_run_command ("set", desk.photo, second);
  /* A refusal, not a read or write failure: a hint line after the message is fine. */
  cli_assert_exit (refused, 1);
  g_assert_nonnull (strstr (refused->err, "photo.jpg"));
  sum = file_checksum (desk.sidecar);
  g_assert_cmpstr (sum, ==, sidecar_sum);

  desk_set (&desk, forced);
  xmp = exiftool_read (desk.sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                   "Hakan Fidan leaves the summit. (Reuters photo)");
  composed = desk_compose (&desk);
  g_assert_cmpstr (composed, ==, "Hakan Fidan leaves the summit. (Reuters photo)\n");
  desk_check_and_clear (&desk);
}

/* A mistyped box is refused before anything is written. */
static void
test_set_bad_person (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  static const char *people[] = {
    "Hakan Fidan@0.1,0.2,0.3", "Hakan Fidan@1.5,0.1,0.2,0.2", "Hakan Fidan@x,y,w,h",
    "Hakan Fidan@-0.1,0.1,0.2,0.2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *args[] = { "--caption-body", "arrives.", "--person", people[i], NULL };
      g_autoptr(CliRun) run = cli_run_command ("set", photo, args);

      g_test_message ("--person %s", people[i]);
      g_assert_false (run->timed_out);
      g_assert_cmpint (run->term_signal, ==, 0);
      g_assert_cmpint (run->exit_status, >, 0);
      g_assert_nonnull (strstr (run->err, people[i]));
    }
  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "photo.jpg");
}

/* A camera JPEG with EXIF, IIM and embedded XMP keeps every byte through every command. */
static void
test_photo_unchanged (void)
{
  Desk desk;
  const char *info_args[] = { NULL };
  const char *sets[][8] = {
    /* --force: the photo already carries a caption that Captioner did not compose. */
    { "--caption-body", "speaks to the press.", "--credit", "Reuters", "--force", NULL },
    { "--person", "Sergei Lavrov@0.4,0.1,0.2,0.3", "--keyword", "Russia", NULL },
    { "--headline", "Lavrov in Tehran", "--city", "Tehran", NULL },
    { "--clear-people", "--person", "Hakan Fidan", NULL },
    { "--caption", "Set verbatim.", NULL },
    { "--caption-body", "after the verbatim caption.", "--force", NULL },
  };

  desk_init (&desk);
  exiftool_write (desk.photo,
                  "-IFD0:Orientation=6", "-IFD0:Make=Canon",
                  "-ExifIFD:DateTimeOriginal=2023:10:23 10:00:00",
                  "-IPTC:Caption-Abstract=Wire caption.", "-IPTC:Credit=Reuters",
                  "-XMP-dc:Description=Embedded caption.", NULL);
  g_free (desk.photo_sum);
  desk.photo_sum = file_checksum (desk.photo);

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autoptr(CliRun) info = cli_run_command ("info", desk.photo, info_args);
      const char *json_args[] = { desk.photo, NULL };
      g_autoptr(CliRun) json = cli_run_command ("info", "--json", json_args);
      g_autoptr(CliRun) set = cli_run_command ("set", desk.photo, sets[i]);
      g_autoptr(CliRun) compose = cli_run_command ("compose", desk.photo, NULL);
      g_autofree char *sum = file_checksum (desk.photo);

      g_test_message ("round %u", i);
      cli_assert_exit (info, 0);
      cli_assert_exit (json, 0);
      cli_assert_exit (set, 0);
      cli_assert_exit (compose, 0);
      g_assert_cmpstr (sum, ==, desk.photo_sum);
    }
  desk_check_and_clear (&desk);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/set/keeps-other-programs", test_set_keeps_other_programs);
  g_test_add_func ("/captioner/cli/set/caption-verbatim", test_set_caption_verbatim);
  g_test_add_func ("/captioner/cli/set/clear-people", test_set_clear_people);
  g_test_add_func ("/captioner/cli/set/keywords", test_set_keywords);
  g_test_add_func ("/captioner/cli/set/other-fields", test_set_other_fields);
  g_test_add_func ("/captioner/cli/set/caption-changed-elsewhere",
                   test_set_caption_changed_elsewhere);
  g_test_add_func ("/captioner/cli/set/bad-person", test_set_bad_person);
  g_test_add_func ("/captioner/cli/photo-unchanged", test_photo_unchanged);

  return g_test_run ();
}
