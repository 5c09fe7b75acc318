#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-test-util.h"

/* captioner-cli as a desk script uses it: people boxed on the displayed photo, a caption composed
 * in house style, everything stored in NAME.EXT.xmp where exiftool (standing in for Lightroom,
 * Photo Mechanic, digiKam) reads it, and the photo itself never touched. */

#define EPSILON 1e-3

typedef struct
{
  const char *name;
  double      x, y, w, h;  /* displayed, normalised, top-left */
} ScenePerson;

/* The 3+3 summit as the editor sees it, left to right. */
static const ScenePerson summit[] = {
  { "Armenian Foreign Minister Ararat Mirzoyan",         0.04, 0.30, 0.12, 0.20 },
  { "Azerbaijani Foreign Minister Jeyhun Bayramov",      0.22, 0.25, 0.12, 0.22 },
  { "Iranian Foreign Minister Hossein Amir-Abdollahian", 0.41, 0.18, 0.13, 0.26 },
  { "Russian Foreign Minister Sergei Lavrov",            0.60, 0.28, 0.11, 0.21 },
  { "Turkish Foreign Minister Hakan Fidan",              0.80, 0.20, 0.10, 0.30 },
};
/* The order the editor drew the boxes in. */
static const guint summit_drawn[] = { 4, 3, 0, 2, 1 };

#define SUMMIT_BODY "pose for a photo during the second 3+3 Regional platform summit in Tehran."
#define SUMMIT_CAPTION \
  "From left, Armenian Foreign Minister Ararat Mirzoyan, Azerbaijani Foreign Minister Jeyhun " \
  "Bayramov, Iranian Foreign Minister Hossein Amir-Abdollahian, Russian Foreign Minister " \
  "Sergei Lavrov and Turkish Foreign Minister Hakan Fidan pose for a photo during the second " \
  "3+3 Regional platform summit in Tehran. (Reuters photo)"

#define STORED_WIDTH 640
#define STORED_HEIGHT 480

/* Where a displayed point lies in the image as stored, worked out from the EXIF definitions
 * (TIFF 6.0 tag 274), independently of the core: 3 = "row 0 is the visual bottom, column 0 the
 * visual right"; 6 = "row 0 is the visual right side, column 0 the visual top"; 8 = "row 0 is
 * the visual left side, column 0 the visual bottom". */
static void
displayed_to_stored_point (int     orientation,
                           double  dx,
                           double  dy,
                           double *sx,
                           double *sy)
{
  switch (orientation)
    {
    case 3: *sx = 1 - dx; *sy = 1 - dy; break;
    case 6: *sx = dy;     *sy = 1 - dx; break;
    case 8: *sx = 1 - dy; *sy = dx;     break;
    default: *sx = dx;    *sy = dy;     break;
    }
}

static void
displayed_to_stored_rect (int                orientation,
                          const ScenePerson *person,
                          double             stored[4])
{
  double x1, y1, x2, y2;

  displayed_to_stored_point (orientation, person->x, person->y, &x1, &y1);
  displayed_to_stored_point (orientation, person->x + person->w, person->y + person->h, &x2, &y2);
  stored[0] = MIN (x1, x2);
  stored[1] = MIN (y1, y2);
  stored[2] = fabs (x2 - x1);
  stored[3] = fabs (y2 - y1);
}

static int
find_summit_person (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (summit); i++)
    if (g_strcmp0 (summit[i].name, name) == 0)
      return (int) i;
  return -1;
}

static char *
make_summit_photo (const char *dir,
                   int         orientation)
{
  char *photo = make_jpeg (dir, "photo.jpg", STORED_WIDTH, STORED_HEIGHT);

  if (orientation != 1)
    {
      g_autofree char *tag = g_strdup_printf ("-IFD0:Orientation=%d", orientation);
      exiftool_write (photo, tag, NULL);
    }
  return photo;
}

static CliRun *
set_summit (const char *photo)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("--caption-body"));
  g_ptr_array_add (args, g_strdup (SUMMIT_BODY));
  g_ptr_array_add (args, g_strdup ("--credit"));
  g_ptr_array_add (args, g_strdup ("Reuters"));
  for (guint i = 0; i < G_N_ELEMENTS (summit_drawn); i++)
    {
      const ScenePerson *person = &summit[summit_drawn[i]];

      g_ptr_array_add (args, g_strdup ("--person"));
      g_ptr_array_add (args, person_arg (person->name, person->x, person->y,
                                         person->w, person->h));
    }
  g_ptr_array_add (args, NULL);
  return cli_run_command ("set", photo, (const char * const *) args->pdata);
}

static void
check_summit_sidecar (const char *sidecar,
                      int         orientation)
{
  g_autoptr(JsonFlat) xmp = exiftool_read (sidecar);
  gboolean seen_mwg[G_N_ELEMENTS (summit)] = { FALSE };
  gboolean seen_iptc[G_N_ELEMENTS (summit)] = { FALSE };

  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==, SUMMIT_CAPTION);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-photoshop:Credit"), ==, "Reuters");

  /* PersonInImage, left to right as displayed. */
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-iptcExt:PersonInImage"), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (summit); i++)
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-iptcExt:PersonInImage[%u]", i),
                     ==, summit[i].name);

  /* MWG regions: stored coordinates, x/y the centre, on the stored pixel size. */
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-mwg-rs:RegionInfo.AppliedToDimensions.W"),
                     ==, STORED_WIDTH);
  g_assert_cmpfloat (json_flat_num (xmp, "[0].XMP-mwg-rs:RegionInfo.AppliedToDimensions.H"),
                     ==, STORED_HEIGHT);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-mwg-rs:RegionInfo.AppliedToDimensions.Unit"),
                   ==, "pixel");
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList"), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const char *name = json_flat_str (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList[%u].Name", i);
      int who = find_summit_person (name);
      double stored[4];

      g_test_message ("MWG region %u: %s", i, name);
      g_assert_cmpint (who, >=, 0);
      if (who < 0)
        continue;
      g_assert_false (seen_mwg[who]);
      seen_mwg[who] = TRUE;
      displayed_to_stored_rect (orientation, &summit[who], stored);
#define AREA(field) json_flat_num (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList[%u].Area." field, i)
      g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-mwg-rs:RegionInfo.RegionList[%u].Type", i),
                       ==, "Face");
      g_assert_cmpstr (json_flat_str (xmp,
                                      "[0].XMP-mwg-rs:RegionInfo.RegionList[%u].Area.Unit", i),
                       ==, "normalized");
      g_assert_cmpfloat_with_epsilon (AREA ("X"), stored[0] + stored[2] / 2, EPSILON);
      g_assert_cmpfloat_with_epsilon (AREA ("Y"), stored[1] + stored[3] / 2, EPSILON);
      g_assert_cmpfloat_with_epsilon (AREA ("W"), stored[2], EPSILON);
      g_assert_cmpfloat_with_epsilon (AREA ("H"), stored[3], EPSILON);
#undef AREA
    }

  /* IPTC ImageRegion: stored coordinates, top-left, relative, the person inside. */
  g_assert_cmpint (json_flat_len (xmp, "[0].XMP-iptcExt:ImageRegion"), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const char *name = json_flat_str (xmp, "[0].XMP-iptcExt:ImageRegion[%u].PersonInImage[0]",
                                        i);
      int who;
      double stored[4];

      if (name == NULL)
        name = json_flat_str (xmp, "[0].XMP-iptcExt:ImageRegion[%u].PersonInImage", i);
      g_test_message ("IPTC region %u: %s", i, name);
      who = find_summit_person (name);
      g_assert_cmpint (who, >=, 0);
      if (who < 0)
        continue;
      g_assert_false (seen_iptc[who]);
      seen_iptc[who] = TRUE;
      displayed_to_stored_rect (orientation, &summit[who], stored);
#define RB(field) \
  json_flat_num (xmp, "[0].XMP-iptcExt:ImageRegion[%u].RegionBoundary." field, i)
#define RB_STR(field) \
  json_flat_str (xmp, "[0].XMP-iptcExt:ImageRegion[%u].RegionBoundary." field, i)
      g_assert_cmpstr (RB_STR ("RbShape"), ==, "rectangle");
      g_assert_cmpstr (RB_STR ("RbUnit"), ==, "relative");
      g_assert_cmpfloat_with_epsilon (RB ("RbX"), stored[0], EPSILON);
      g_assert_cmpfloat_with_epsilon (RB ("RbY"), stored[1], EPSILON);
      g_assert_cmpfloat_with_epsilon (RB ("RbW"), stored[2], EPSILON);
      g_assert_cmpfloat_with_epsilon (RB ("RbH"), stored[3], EPSILON);
#undef RB
#undef RB_STR
    }
}

static void
check_summit_info (const char *photo,
                   int         orientation)
{
  const char *args[] = { photo, NULL };
  g_autoptr(CliRun) run = cli_run_command ("info", "--json", args);
  g_autoptr(JsonFlat) info = NULL;
  gboolean swap = orientation >= 5;

  cli_assert_exit (run, 0);
  info = json_flat_parse (run->out);
  g_assert_cmpint (json_flat_len (info, "%s", ""), ==, 1);
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].file"), "/photo.jpg"));
  g_assert_cmpfloat (json_flat_num (info, "[0].width"), ==, swap ? STORED_HEIGHT : STORED_WIDTH);
  g_assert_cmpfloat (json_flat_num (info, "[0].height"), ==, swap ? STORED_WIDTH : STORED_HEIGHT);
  g_assert_cmpfloat (json_flat_num (info, "[0].orientation"), ==, orientation);
  g_assert_cmpstr (json_flat_str (info, "[0].caption"), ==, SUMMIT_CAPTION);
  g_assert_cmpstr (json_flat_str (info, "[0].caption_body"), ==, SUMMIT_BODY);
  g_assert_cmpstr (json_flat_str (info, "[0].credit"), ==, "Reuters");
  g_assert_true (json_flat_is_null (info, "[0].headline"));
  g_assert_true (g_str_has_suffix (json_flat_str (info, "[0].sidecar"), "/photo.jpg.xmp"));

  /* People left to right, with the boxes as the editor drew them on the displayed photo. */
  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (summit); i++)
    {
      g_assert_cmpstr (json_flat_str (info, "[0].people[%u].name", i), ==, summit[i].name);
      g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].people[%u].region.x", i),
                                      summit[i].x, EPSILON);
      g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].people[%u].region.y", i),
                                      summit[i].y, EPSILON);
      g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].people[%u].region.w", i),
                                      summit[i].w, EPSILON);
      g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].people[%u].region.h", i),
                                      summit[i].h, EPSILON);
    }
}

/* The five ministers boxed out of order on the photo stored with @orientation: the same
 * displayed boxes give the same order and caption, the sidecar holds them in stored
 * coordinates. */
static void
test_summit (gconstpointer data)
{
  int orientation = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_summit_photo (dir, orientation);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *listing = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) compose = NULL;

  set = set_summit (photo);
  cli_assert_exit (set, 0);
  g_assert_cmpstr (set->err, ==, "");

  compose = cli_run_command ("compose", photo, NULL);
  cli_assert_exit (compose, 0);
  g_assert_cmpstr (compose->out, ==, SUMMIT_CAPTION "\n");

  check_summit_sidecar (sidecar, orientation);
  check_summit_info (photo, orientation);

  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "photo.jpg photo.jpg.xmp");
}

/* Sets @args on a fresh 640x480 photo and checks the composed caption everywhere a user sees
 * it: compose, info --json, and dc:description as other programs read it. */
static JsonFlat *
set_and_check_caption (const char * const *args,
                       const char         *expected)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", STORED_WIDTH, STORED_HEIGHT);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *photo_sum = file_checksum (photo);
  g_autofree char *sum = NULL;
  g_autoptr(CliRun) set = cli_run_command ("set", photo, args);
  g_autoptr(CliRun) compose = NULL;
  g_autoptr(CliRun) info = NULL;
  g_autoptr(JsonFlat) xmp = NULL;
  g_autofree char *expected_line = g_strconcat (expected, "\n", NULL);
  const char *info_args[] = { photo, NULL };
  JsonFlat *parsed;

  cli_assert_exit (set, 0);
  compose = cli_run_command ("compose", photo, NULL);
  cli_assert_exit (compose, 0);
  g_assert_cmpstr (compose->out, ==, expected_line);

  xmp = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==, expected);

  info = cli_run_command ("info", "--json", info_args);
  cli_assert_exit (info, 0);
  parsed = json_flat_parse (info->out);
  g_assert_cmpstr (json_flat_str (parsed, "[0].caption"), ==, expected);

  sum = file_checksum (photo);
  g_assert_cmpstr (sum, ==, photo_sum);
  return parsed;
}

static void
test_compose_no_people (void)
{
  const char *args[] = {
    "--caption-body", "A general view of the venue of the 3+3 Regional platform summit in Tehran.",
    "--credit", "Reuters", NULL
  };
  g_autoptr(JsonFlat) info = set_and_check_caption (args,
    "A general view of the venue of the 3+3 Regional platform summit in Tehran. (Reuters photo)");

  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 0);
}

static void
test_compose_one_person (void)
{
  const char *args[] = {
    "--person", "Zoë Ørsted@0.4,0.2,0.2,0.5",
    "--caption-body", "speaks during a news conference in Copenhagen, Denmark.",
    "--credit", "Ritzau Scanpix", NULL
  };
  g_autoptr(JsonFlat) info = set_and_check_caption (args,
    "Zoë Ørsted speaks during a news conference in Copenhagen, Denmark. (Ritzau Scanpix photo)");

  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 1);
  g_assert_cmpstr (json_flat_str (info, "[0].people[0].name"), ==, "Zoë Ørsted");
}

/* Armenian script and a non-breaking hyphen, drawn right to left, no credit. */
static void
test_compose_two_people (void)
{
  const char *args[] = {
    "--caption-body", "shake hands in Yerevan (Երևան), Armenia.",
    "--person", "Hossein Amir\u2011Abdollahian@0.55,0.1,0.3,0.6",
    "--person", "Արարատ Միրզոյան@0.1,0.15,0.3,0.6", NULL
  };
  g_autoptr(JsonFlat) info = set_and_check_caption (args,
    "From left, Արարատ Միրզոյան and Hossein Amir\u2011Abdollahian shake hands in Yerevan "
    "(Երևան), Armenia.");

  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 2);
  g_assert_cmpstr (json_flat_str (info, "[0].people[0].name"), ==, "Արարատ Միրզոյան");
  g_assert_cmpstr (json_flat_str (info, "[0].people[1].name"), ==,
                   "Hossein Amir\u2011Abdollahian");
  g_assert_true (json_flat_is_null (info, "[0].credit"));
}

/* A name without a box follows the boxed people, who are ordered left to right. */
static void
test_compose_without_region (void)
{
  const char *args[] = {
    "--person", "Zoë Ørsted",
    "--person", "Արարատ Միրզոյան@0.5,0.1,0.2,0.3",
    "--person", "Hossein Amir-Abdollahian@0.1,0.1,0.2,0.3",
    "--caption-body", "attend the meeting.", NULL
  };
  g_autoptr(JsonFlat) info = set_and_check_caption (args,
    "From left, Hossein Amir-Abdollahian, Արարատ Միրզոյան and Zoë Ørsted attend the meeting.");

  g_assert_cmpint (json_flat_len (info, "[0].people"), ==, 3);
  g_assert_cmpstr (json_flat_str (info, "[0].people[2].name"), ==, "Zoë Ørsted");
  g_assert_true (json_flat_is_null (info, "[0].people[2].region"));
  g_assert_cmpfloat_with_epsilon (json_flat_num (info, "[0].people[1].region.x"), 0.5, EPSILON);
}

int
main (int   argc,
      char *argv[])
{
  static const int orientations[] = { 1, 3, 6, 8 };

  cli_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/captioner/cli/round-trip/orientation-%d",
                                               orientations[i]);
      g_test_add_data_func (path, GINT_TO_POINTER (orientations[i]), test_summit);
    }
  g_test_add_func ("/captioner/cli/compose/no-people", test_compose_no_people);
  g_test_add_func ("/captioner/cli/compose/one-person", test_compose_one_person);
  g_test_add_func ("/captioner/cli/compose/two-people-armenian", test_compose_two_people);
  g_test_add_func ("/captioner/cli/compose/without-region", test_compose_without_region);

  return g_test_run ();
}
