#define G_LOG_DOMAIN "test-cli-wire"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* The wire's fields (Object Name, country code, sub-location, caption writer, urgency,
 * category, supplemental categories): read from IIM and XMP, kept when the editor changes only
 * the caption, set with `captioner-cli set`, and exported (CSV, JSON, the JPEG copies' IIM
 * within IIM's limits and XMP), all as exiftool and a script read them. */

typedef struct
{
  const char *option;      /* captioner-cli set --OPTION */
  const char *json;        /* info --json key */
  const char *iim;         /* exiftool's IPTC tag */
  const char *xmp;         /* exiftool's XMP tag */
  const char *value;
} WireField;

static const WireField wire[] = {
  { "title", "title", "IPTC:ObjectName", "XMP-dc:Title", "IRAN-CAUCASUS/MEETING" },
  { "country-code", "country_code", "IPTC:Country-PrimaryLocationCode",
    "XMP-iptcCore:CountryCode", "IRN" },
  { "sub-location", "sub_location", "IPTC:Sub-location", "XMP-iptcCore:Location",
    "Foreign Ministry" },
  { "caption-writer", "caption_writer", "IPTC:Writer-Editor", "XMP-photoshop:CaptionWriter",
    "RH/AB" },
  { "urgency", "urgency", "IPTC:Urgency", "XMP-photoshop:Urgency", "2" },
  { "category", "category", "IPTC:Category", "XMP-photoshop:Category", "POL" },
};

static JsonFlat *
info_json (const char *photo)
{
  const char *args[] = { photo, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

static void
assert_info_has_wire (JsonFlat *info)
{
  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    g_assert_cmpstr (json_flat_str (info, "[0].%s", wire[i].json), ==, wire[i].value);
  g_assert_cmpint (json_flat_len (info, "[0].supplemental_categories"), ==, 2);
  g_assert_cmpstr (json_flat_str (info, "[0].supplemental_categories[0]"), ==, "Politics");
  g_assert_cmpstr (json_flat_str (info, "[0].supplemental_categories[1]"), ==, "Diplomacy");
}

/* exiftool's view of a file holds every wire field, in IIM (iim set) or XMP. */
static void
assert_file_has_wire (const char *path,
                      gboolean    iim)
{
  g_autoptr(JsonFlat) tags = exiftool_read (path);
  const char *supplemental = iim ? "IPTC:SupplementalCategories"
                                 : "XMP-photoshop:SupplementalCategories";

  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    g_assert_cmpstr (json_flat_str (tags, "[0].%s", iim ? wire[i].iim : wire[i].xmp), ==,
                     wire[i].value);
  g_assert_cmpint (json_flat_len (tags, "[0].%s", supplemental), ==, 2);
  g_assert_cmpstr (json_flat_str (tags, "[0].%s[0]", supplemental), ==, "Politics");
  g_assert_cmpstr (json_flat_str (tags, "[0].%s[1]", supplemental), ==, "Diplomacy");
}

static char *
make_wire_photo (const char *dir)
{
  char *photo = make_jpeg (dir, "wire.jpg", 320, 240);

  exiftool_write (photo,
                  "-IPTC:Caption-Abstract=Iranian Foreign Minister Hossein Amir-Abdollahian "
                  "attends a meeting in Tehran, Iran, October 23, 2023.",
                  "-IPTC:Credit=Reuters",
                  "-IPTC:ObjectName=IRAN-CAUCASUS/MEETING",
                  "-IPTC:Country-PrimaryLocationCode=IRN",
                  "-IPTC:Sub-location=Foreign Ministry",
                  "-IPTC:Writer-Editor=RH/AB",
                  "-IPTC:Urgency=2",
                  "-IPTC:Category=POL",
                  "-IPTC:SupplementalCategories=Politics",
                  "-IPTC:SupplementalCategories=Diplomacy",
                  NULL);
  return photo;
}

/* A wire photo with its fields in IIM only: read, and still there (in the photo, untouched,
 * and in what Captioner reads back) after the editor changed only the caption; its JPEG copy
 * carries them in IIM as they were. */
static void
test_wire_iim_kept (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_wire_photo (dir);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *copy = g_build_filename (out, "wire.jpg", NULL);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *sum = NULL;
  g_autoptr(JsonFlat) before = info_json (photo);
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(JsonFlat) side = NULL;
  g_autoptr(JsonFlat) copied = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) export = NULL;
  const char *caption[] = { "--caption", "Hossein Amir-Abdollahian in Tehran.", NULL };

  assert_info_has_wire (before);

  set = cli_run_command ("set", photo, caption);
  cli_assert_exit (set, 0);
  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  assert_file_has_wire (photo, TRUE);

  /* The sidecar holds the change; the wire fields the editor did not touch stay the IIM's. */
  side = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (side, "[0].XMP-dc:Description"), ==,
                   "Hossein Amir-Abdollahian in Tehran.");
  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    {
      const char *stored = json_flat_str (side, "[0].%s", wire[i].xmp);
      g_assert_true (stored == NULL || strcmp (stored, wire[i].value) == 0);
    }
  after = info_json (photo);
  assert_info_has_wire (after);
  g_assert_cmpstr (json_flat_str (after, "[0].caption"), ==,
                   "Hossein Amir-Abdollahian in Tehran.");

  export = cli_run ("export", "--format", "jpeg", "--output", out, photo, NULL);
  cli_assert_exit (export, 0);
  assert_file_has_wire (copy, TRUE);
  copied = exiftool_read (copy);
  g_assert_cmpstr (json_flat_str (copied, "[0].IPTC:Caption-Abstract"), ==,
                   "Hossein Amir-Abdollahian in Tehran.");
  g_assert_cmpstr (json_flat_str (copied, "[0].IPTC:Credit"), ==, "Reuters");
}

/* A field the editor clears stays cleared though the photo's IIM still holds it: the sidecar
 * holds it empty (deleted, the IIM's would show again), the photo is untouched, and the
 * fields not cleared stay the IIM's. */
static void
test_wire_iim_cleared (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_wire_photo (dir);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *sum = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(JsonFlat) side = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) again = NULL;
  const char *clear[] = { "--credit", "", "--title", "", NULL };
  const char *caption[] = { "--caption", "Amir-Abdollahian in Tehran.", NULL };

  set = cli_run_command ("set", photo, clear);
  cli_assert_exit (set, 0);
  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  side = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (side, "[0].XMP-photoshop:Credit"), ==, "");
  g_assert_cmpstr (json_flat_str (side, "[0].XMP-dc:Title"), ==, "");

  /* Read back, and after another edit: still cleared; the rest is the IIM's. */
  again = cli_run_command ("set", photo, caption);
  cli_assert_exit (again, 0);
  after = info_json (photo);
  g_assert_null (json_flat_str (after, "[0].credit"));
  g_assert_null (json_flat_str (after, "[0].title"));
  g_assert_cmpstr (json_flat_str (after, "[0].sub_location"), ==, "Foreign Ministry");
  g_assert_cmpstr (json_flat_str (after, "[0].caption"), ==, "Amir-Abdollahian in Tehran.");
}

/* Wire fields in the photo's own XMP: a sidecar made from that packet keeps every one. */
static void
test_wire_xmp_kept (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "wire.jpg", 320, 240);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(CliRun) set = NULL;
  const char *caption[] = { "--caption", "A new caption.", NULL };

  exiftool_write (photo,
                  "-XMP-dc:Description=The wire's caption.",
                  "-XMP-dc:Title=IRAN-CAUCASUS/MEETING",
                  "-XMP-iptcCore:CountryCode=IRN",
                  "-XMP-iptcCore:Location=Foreign Ministry",
                  "-XMP-photoshop:CaptionWriter=RH/AB",
                  "-XMP-photoshop:Urgency=2",
                  "-XMP-photoshop:Category=POL",
                  "-XMP-photoshop:SupplementalCategories=Politics",
                  "-XMP-photoshop:SupplementalCategories=Diplomacy",
                  NULL);
  info = info_json (photo);
  assert_info_has_wire (info);

  set = cli_run_command ("set", photo, caption);
  cli_assert_exit (set, 0);
  assert_file_has_wire (sidecar, FALSE);
}

/* Each field set with `captioner-cli set` reaches the sidecar, info --json, the CSV and the
 * JPEG copy (IIM and XMP), and changing one leaves the others as they were. */
static void
test_wire_round_trip (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *copy = g_build_filename (out, "photo.jpg", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(JsonFlat) info = NULL;
  g_autoptr(JsonFlat) side = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) csv = NULL;
  g_autoptr(CliRun) export = NULL;
  const char *urgency[] = { "--urgency", "1", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    {
      g_autofree char *option = g_strconcat ("--", wire[i].option, NULL);
      g_strv_builder_add (builder, option);
      g_strv_builder_add (builder, wire[i].value);
    }
  g_strv_builder_add (builder, "--supplemental-categories");
  g_strv_builder_add (builder, "Politics; Diplomacy");
  args = g_strv_builder_end (builder);

  set = cli_run_command ("set", photo, (const char * const *) args);
  cli_assert_exit (set, 0);
  assert_file_has_wire (sidecar, FALSE);
  info = info_json (photo);
  assert_info_has_wire (info);

  csv = cli_run ("export", "--format", "csv", "--output", "-", photo, NULL);
  cli_assert_exit (csv, 0);
  g_assert_nonnull (strstr (csv->out, ",title,country_code,sub_location,caption_writer,urgency,"
                                      "category,supplemental_categories\r\n"));
  g_assert_nonnull (strstr (csv->out, ",IRAN-CAUCASUS/MEETING,IRN,Foreign Ministry,RH/AB,2,POL,"
                                      "Politics; Diplomacy\r\n"));

  export = cli_run ("export", "--format", "jpeg", "--output", out, photo, NULL);
  cli_assert_exit (export, 0);
  assert_file_has_wire (copy, TRUE);
  assert_file_has_wire (copy, FALSE);

  again = cli_run_command ("set", photo, urgency);
  cli_assert_exit (again, 0);
  side = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (side, "[0].XMP-photoshop:Urgency"), ==, "1");
  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    if (strcmp (wire[i].option, "urgency") != 0)
      g_assert_cmpstr (json_flat_str (side, "[0].%s", wire[i].xmp), ==, wire[i].value);
}

/* A title longer than IIM's 64 bytes: the copy's IIM holds what fits, its XMP the whole. */
static void
test_wire_iim_limits (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *copy = g_build_filename (out, "photo.jpg", NULL);
  g_autofree char *title = g_strnfill (100, 'T');
  g_autoptr(JsonFlat) tags = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) export = NULL;
  const char *args[] = { "--title", title, "--country-code", "IRN", NULL };

  set = cli_run_command ("set", photo, args);
  cli_assert_exit (set, 0);
  export = cli_run ("export", "--format", "jpeg", "--output", out, photo, NULL);
  cli_assert_exit (export, 0);
  tags = exiftool_read (copy);
  g_assert_cmpstr (json_flat_str (tags, "[0].XMP-dc:Title"), ==, title);
  g_assert_cmpuint (strlen (json_flat_str (tags, "[0].IPTC:ObjectName")), ==, 64);
  g_assert_cmpstr (json_flat_str (tags, "[0].IPTC:Country-PrimaryLocationCode"), ==, "IRN");
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/wire/iim-kept", test_wire_iim_kept);
  g_test_add_func ("/captioner/cli/wire/iim-cleared", test_wire_iim_cleared);
  g_test_add_func ("/captioner/cli/wire/xmp-kept", test_wire_xmp_kept);
  g_test_add_func ("/captioner/cli/wire/round-trip", test_wire_round_trip);
  g_test_add_func ("/captioner/cli/wire/iim-limits", test_wire_iim_limits);

  return g_test_run ();
}
