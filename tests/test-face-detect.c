#define G_LOG_DOMAIN "test-face-detect"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-face-detect.h"
#include "captioner-image.h"
#include "captioner-photo.h"
#include "cli-test-util.h"

/* Face suggestions on real photos with faces marked by hand: scikit-image's astronaut.png and
 * OpenCV's messi5.jpg (taken from Debian's packages by build-aux/fetch-test-photos into
 * $CAPTIONER_TEST_PHOTOS), a line-up composed of them at 19 MP, and that line-up stored turned
 * (EXIF orientation 6 and 8, XMP tiff:Orientation in a sidecar): every face must be found with
 * a box overlap (IoU) of at least 0.4, at most one box that is no face, numbered left to right
 * as displayed. */

#define MIN_IOU 0.4

/* Marked by hand on the photos as they are, in their pixels (x, y, w, h): from the hairline
 * to the chin, ear to ear. */
typedef struct
{
  const char *photo;
  int         width;
  int         height;
  int         x, y, w, h;
} HandFace;

static const HandFace astronaut = { "astronaut.png", 512, 512, 178, 82, 94, 106 };
static const HandFace messi = { "messi5.jpg", 548, 342, 226, 92, 32, 40 };

static char *
real_photo (const char *name)
{
  const char *dir = g_getenv ("CAPTIONER_TEST_PHOTOS");
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: run build-aux/fetch-test-photos (build-aux/install-deps does)",
             path);
  return path;
}

static GdkPixbuf *
load_real (const char *name)
{
  g_autofree char *path = real_photo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  /* Not gdk_pixbuf_new_from_file: the isolated test has no MIME database. */
  GdkPixbuf *pixbuf = captioner_image_load (file, 0, 0, NULL, &error);

  g_assert_no_error (error);
  /* Without alpha: the line-up is drawn on an RGB canvas. */
  if (gdk_pixbuf_get_has_alpha (pixbuf))
    {
      GdkPixbuf *rgb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8,
                                       gdk_pixbuf_get_width (pixbuf),
                                       gdk_pixbuf_get_height (pixbuf));

      gdk_pixbuf_composite_color (pixbuf, rgb, 0, 0, gdk_pixbuf_get_width (pixbuf),
                                  gdk_pixbuf_get_height (pixbuf), 0, 0, 1, 1,
                                  GDK_INTERP_NEAREST, 255, 0, 0, 16, 0xffffff, 0xffffff);
      g_object_unref (pixbuf);
      pixbuf = rgb;
    }
  return pixbuf;
}

static CaptionerRect
hand_rect (const HandFace *face)
{
  return (CaptionerRect) { (double) face->x / face->width, (double) face->y / face->height,
                           (double) face->w / face->width, (double) face->h / face->height };
}

static double
iou (const CaptionerRect *a,
     const CaptionerRect *b)
{
  double w = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
  double h = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);
  double inter = w > 0 && h > 0 ? w * h : 0;

  return inter / (a->w * a->h + b->w * b->h - inter);
}

/* Every expected face found (IoU >= 0.4), in the same left-to-right order; at most one
 * found box matching no expected face; the boxes sorted left to right. */
static void
assert_faces (const char          *what,
              GArray              *found,
              const CaptionerRect *expected,
              guint                n_expected)
{
  guint matched = 0;
  int last = -1;

  g_assert_nonnull (found);
  for (guint f = 1; f < found->len; f++)
    g_assert_cmpfloat (g_array_index (found, CaptionerFace, f - 1).rect.x, <=,
                       g_array_index (found, CaptionerFace, f).rect.x);
  for (guint e = 0; e < n_expected; e++)
    {
      double best = 0;
      int best_index = -1;

      for (guint f = 0; f < found->len; f++)
        {
          double overlap = iou (&expected[e], &g_array_index (found, CaptionerFace, f).rect);

          if (overlap > best)
            {
              best = overlap;
              best_index = f;
            }
        }
      g_test_message ("%s: face %u: IoU %.2f with box %d", what, e + 1, best, best_index + 1);
      g_assert_cmpfloat (best, >=, MIN_IOU);
      g_assert_cmpint (best_index, >, last);
      last = best_index;
      matched++;
    }
  g_test_message ("%s: %u of %u faces found, %u false boxes", what, matched, n_expected,
                  found->len - matched);
  g_assert_cmpuint (found->len - matched, <=, 1);
}

/* The line-up: astronaut, Messi (his head and shoulders), the astronaut mirrored, side by side
 * on a grey canvas of 3 × 512 × scale by 1.5 × 512 × scale; its faces in expected[3]. */
static GdkPixbuf *
make_lineup (int            scale,
             CaptionerRect *expected)
{
  g_autoptr(GdkPixbuf) astro = load_real (astronaut.photo);
  g_autoptr(GdkPixbuf) player = load_real (messi.photo);
  g_autoptr(GdkPixbuf) big_astro = NULL;
  g_autoptr(GdkPixbuf) mirrored = NULL;
  g_autoptr(GdkPixbuf) crop = NULL;
  g_autoptr(GdkPixbuf) big_crop = NULL;
  const int tile = 512 * scale;
  const int width = 3 * tile;
  const int height = tile * 3 / 2;
  const int top = tile / 4;
  /* Messi's head and shoulders: a square of his photo around the face. */
  const int crop_x = 146, crop_y = 16, crop_size = 192;
  const double crop_scale = (double) tile / crop_size;
  GdkPixbuf *canvas = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);

  gdk_pixbuf_fill (canvas, 0x808080ff);
  big_astro = gdk_pixbuf_scale_simple (astro, tile, tile, GDK_INTERP_BILINEAR);
  mirrored = gdk_pixbuf_flip (big_astro, TRUE);
  crop = gdk_pixbuf_new_subpixbuf (player, crop_x, crop_y, crop_size, crop_size);
  big_crop = gdk_pixbuf_scale_simple (crop, tile, tile, GDK_INTERP_BILINEAR);
  gdk_pixbuf_copy_area (big_astro, 0, 0, tile, tile, canvas, 0, top);
  gdk_pixbuf_copy_area (big_crop, 0, 0, tile, tile, canvas, tile, top);
  gdk_pixbuf_copy_area (mirrored, 0, 0, tile, tile, canvas, 2 * tile, top);

  expected[0] = (CaptionerRect) { (double) astronaut.x * scale / width,
                                  (double) (top + astronaut.y * scale) / height,
                                  (double) astronaut.w * scale / width,
                                  (double) astronaut.h * scale / height };
  expected[1] = (CaptionerRect) { (tile + (messi.x - crop_x) * crop_scale) / width,
                                  (top + (messi.y - crop_y) * crop_scale) / height,
                                  messi.w * crop_scale / width,
                                  messi.h * crop_scale / height };
  expected[2] = (CaptionerRect) {
    (2 * tile + (double) (512 - astronaut.x - astronaut.w) * scale) / width,
    expected[0].y, expected[0].w, expected[0].h };
  return canvas;
}

static char *
save_jpeg (GdkPixbuf  *pixbuf,
           const char *name)
{
  g_autofree char *dir = test_dir_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}

/* The faces in path as Captioner shows it: the orientation from its sidecar, XMP or EXIF. */
static GArray *
detect_photo (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (file, NULL, &error);
  GArray *faces;

  g_assert_no_error (error);
  faces = captioner_face_detect (file, captioner_photo_get_orientation (photo), NULL, &error);
  g_assert_no_error (error);
  return faces;
}

static void
test_real_photos (void)
{
  const HandFace *photos[] = { &astronaut, &messi };

  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autofree char *path = real_photo (photos[i]->photo);
      g_autoptr(GArray) faces = detect_photo (path);
      CaptionerRect expected = hand_rect (photos[i]);

      assert_faces (photos[i]->photo, faces, &expected, 1);
    }
}

static void
test_lineup (void)
{
  CaptionerRect expected[3];
  g_autoptr(GdkPixbuf) lineup = make_lineup (4, expected);
  g_autofree char *path = save_jpeg (lineup, "lineup.jpg");
  g_autoptr(GArray) faces = detect_photo (path);

  assert_faces ("line-up, 6144x3072", faces, expected, 3);
}

/* Stored turned, shown upright: the boxes are where the faces are as displayed. */
static void
test_exif_orientation (void)
{
  const int orientations[] = { 6, 8 };

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    {
      CaptionerRect expected[3];
      g_autoptr(GdkPixbuf) lineup = make_lineup (2, expected);
      /* 6 is shown turned a quarter clockwise: stored a quarter anticlockwise. */
      g_autoptr(GdkPixbuf) stored = gdk_pixbuf_rotate_simple (
        lineup, orientations[i] == 6 ? GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE
                                     : GDK_PIXBUF_ROTATE_CLOCKWISE);
      g_autofree char *name = g_strdup_printf ("turned-%d.jpg", orientations[i]);
      g_autofree char *path = save_jpeg (stored, name);
      g_autofree char *tag = g_strdup_printf ("-EXIF:Orientation=%d", orientations[i]);
      g_autofree char *what = g_strdup_printf ("line-up, EXIF orientation %d",
                                               orientations[i]);
      g_autoptr(GArray) faces = NULL;
      CaptionerRect stored_rect;

      exiftool_write (path, tag, NULL);
      faces = detect_photo (path);
      assert_faces (what, faces, expected, 3);

      /* And stored, the first face's box is on the stored pixels' face: turned back. */
      captioner_orientation_to_stored (orientations[i], &g_array_index (faces, CaptionerFace, 0).rect,
                                       &stored_rect);
      if (orientations[i] == 6)
        /* Turned anticlockwise to store, the displayed left is the stored bottom. */
        g_assert_cmpfloat (stored_rect.y, >, 0.66);
      else
        g_assert_cmpfloat (stored_rect.y + stored_rect.h, <, 0.34);
    }
}

static void
test_sidecar_orientation (void)
{
  CaptionerRect expected[3];
  g_autoptr(GdkPixbuf) lineup = make_lineup (2, expected);
  g_autoptr(GdkPixbuf) stored = gdk_pixbuf_rotate_simple (lineup, GDK_PIXBUF_ROTATE_CLOCKWISE);
  g_autofree char *path = save_jpeg (stored, "sidecar-turned.jpg");
  g_autofree char *sidecar = g_strconcat (path, ".xmp", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = NULL;
  const char *xmp =
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "  <rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\"\n"
    "    tiff:Orientation=\"8\"/>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n";

  /* No EXIF orientation in the photo: only the sidecar says it is turned. */
  g_file_set_contents (sidecar, xmp, -1, &error);
  g_assert_no_error (error);
  faces = detect_photo (path);
  assert_faces ("line-up, sidecar orientation 8", faces, expected, 3);
}

static void
on_detected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Two detections at once in GTask's threads (each its own detector), and a cancelled one. */
static void
test_async (void)
{
  g_autofree char *astro_path = real_photo (astronaut.photo);
  g_autofree char *messi_path = real_photo (messi.photo);
  g_autoptr(GFile) astro_file = g_file_new_for_path (astro_path);
  g_autoptr(GFile) messi_file = g_file_new_for_path (messi_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GArray) astro_faces = NULL;
  g_autoptr(GArray) messi_faces = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerRect expected;

  captioner_face_detect_async (astro_file, 0, NULL, on_detected_cb, &first);
  captioner_face_detect_async (messi_file, 0, NULL, on_detected_cb, &second);
  g_cancellable_cancel (cancellable);
  captioner_face_detect_async (astro_file, 0, cancellable, on_detected_cb, &cancelled);
  while (first == NULL || second == NULL || cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);

  astro_faces = captioner_face_detect_finish (first, &error);
  g_assert_no_error (error);
  expected = hand_rect (&astronaut);
  assert_faces ("astronaut, async", astro_faces, &expected, 1);
  messi_faces = captioner_face_detect_finish (second, &error);
  g_assert_no_error (error);
  expected = hand_rect (&messi);
  assert_faces ("messi5, async", messi_faces, &expected, 1);
  none = captioner_face_detect_finish (cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
}

static void
test_not_a_photo (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *path = g_build_filename (dir, "notes.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = NULL;

  g_file_set_contents (path, "not a JPEG at all", -1, &error);
  g_assert_no_error (error);
  faces = captioner_face_detect (file, 0, NULL, &error);
  g_assert_null (faces);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
}

/* `captioner-cli detect`: a line a face, numbered left to right, and --json; a bad file is one
 * stderr line naming it and exit status 1, the other photos still done. */
static void
test_cli (void)
{
  CaptionerRect expected[3];
  g_autoptr(GdkPixbuf) lineup = make_lineup (2, expected);
  g_autoptr(GdkPixbuf) stored = gdk_pixbuf_rotate_simple (lineup,
                                                          GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
  g_autofree char *path = save_jpeg (stored, "cli-turned.jpg");
  g_autofree char *dir = test_dir_new ();
  g_autofree char *bad = g_build_filename (dir, "broken.jpg", NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) json_run = NULL;
  g_autoptr(CliRun) bad_run = NULL;
  g_autoptr(CliRun) usage = NULL;
  g_autoptr(JsonFlat) json = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) bad_lines = NULL;
  g_autoptr(GArray) faces = g_array_new (FALSE, TRUE, sizeof (CaptionerFace));
  g_autoptr(GError) error = NULL;

  exiftool_write (path, "-EXIF:Orientation=6", NULL);
  run = cli_run ("detect", path, NULL);
  cli_assert_exit (run, 0);
  lines = g_strsplit (g_strstrip (run->out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: %u ", path, i + 1);
      CaptionerFace face = { { 0 }, 0 };
      long px, py, pw, ph;

      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_cmpint (sscanf (lines[i] + strlen (prefix), "%lf,%lf,%lf,%lf (%ld,%ld %ldx%ld px)",
                               &face.rect.x, &face.rect.y, &face.rect.w, &face.rect.h,
                               &px, &py, &pw, &ph), ==, 8);
      /* Pixels of the photo as displayed: 3072 wide. */
      g_assert_cmpint (labs (px - lround (face.rect.x * 3072)), <=, 1);
      g_assert_cmpint (labs (pw - lround (face.rect.w * 3072)), <=, 1);
      g_array_append_val (faces, face);
    }
  assert_faces ("line-up, EXIF orientation 6, captioner-cli detect", faces, expected, 3);

  json_run = cli_run ("detect", "--json", path, NULL);
  cli_assert_exit (json_run, 0);
  json = json_flat_parse (json_run->out);
  g_assert_cmpint (json_flat_len (json, "[0].faces"), ==, (int) faces->len);
  g_assert_cmpstr (json_flat_str (json, "[0].file"), ==, path);
  g_assert_cmpfloat (json_flat_num (json, "[0].width"), ==, 3072);
  g_assert_cmpfloat (json_flat_num (json, "[0].height"), ==, 1536);
  g_assert_cmpfloat (json_flat_num (json, "[0].orientation"), ==, 6);
  for (guint i = 0; i < faces->len; i++)
    {
      g_assert_cmpfloat (json_flat_num (json, "[0].faces[%u].number", i), ==, i + 1);
      g_assert_cmpfloat (fabs (json_flat_num (json, "[0].faces[%u].x", i) -
                               g_array_index (faces, CaptionerFace, i).rect.x), <, 1e-3);
      g_assert_cmpfloat (json_flat_num (json, "[0].faces[%u].score", i), >, 0);
    }

  g_file_set_contents (bad, "\xff\xd8\xff garbage", -1, &error);
  g_assert_no_error (error);
  bad_run = cli_run ("detect", bad, path, NULL);
  cli_assert_one_error (bad_run, "broken.jpg");
  bad_lines = g_strsplit (g_strstrip (bad_run->out), "\n", -1);
  /* The good photo's faces all the same. */
  g_assert_cmpuint (g_strv_length (bad_lines), ==, g_strv_length (lines));

  usage = cli_run ("detect", NULL);
  cli_assert_exit (usage, 2);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/face-detect/real-photos", test_real_photos);
  g_test_add_func ("/captioner/face-detect/lineup", test_lineup);
  g_test_add_func ("/captioner/face-detect/exif-orientation", test_exif_orientation);
  g_test_add_func ("/captioner/face-detect/sidecar-orientation", test_sidecar_orientation);
  g_test_add_func ("/captioner/face-detect/async", test_async);
  g_test_add_func ("/captioner/face-detect/not-a-photo", test_not_a_photo);
  g_test_add_func ("/captioner/face-detect/cli", test_cli);
  return g_test_run ();
}
