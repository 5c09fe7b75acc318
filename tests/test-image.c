#include "config.h"

#include <string.h>

#include "captioner-error.h"
#include "captioner-exif.h"
#include "captioner-image.h"
#include "captioner-jpeg.h"
#include "test-util.h"

/* The test photo has four coloured quarters as stored, so a look at the loaded pixels tells
 * which way up it came out. */
static const guint8 quarter_colors[4][3] = {
  { 220, 20, 20 },    /* top left: red */
  { 20, 200, 20 },    /* top right: green */
  { 20, 20, 220 },    /* bottom left: blue */
  { 240, 240, 240 },  /* bottom right: white */
};

enum { RED, GREEN, BLUE, WHITE };

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-image-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  char *data = NULL;
  gsize length = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int quarter = (y >= height / 2 ? 2 : 0) + (x >= width / 2 ? 1 : 0);

        memcpy (pixels + y * stride + x * 3, quarter_colors[quarter], 3);
      }

  gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* The JPEG with an APP1 Exif segment holding only Orientation (tag 274), right after SOI. */
static GBytes *
add_orientation (GBytes *jpeg,
                 int     orientation)
{
  const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22,                          /* APP1, 34 bytes with the length */
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,    /* big-endian TIFF, IFD0 at 8 */
    0x00, 0x01,                                      /* one entry */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,  /* Orientation, SHORT, count 1 */
    0x00, (guint8) orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,                          /* no IFD1 */
  };
  gsize length;
  const guint8 *data = g_bytes_get_data (jpeg, &length);
  GByteArray *out = g_byte_array_sized_new (length + sizeof app1);

  g_assert_cmpuint (length, >, 2);
  g_assert_true (data[0] == 0xff && data[1] == 0xd8);
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, data + 2, length - 2);
  return g_byte_array_free_to_bytes (out);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            GBytes     *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                       &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The colour at a fraction of the pixbuf's width and height, as the nearest quarter colour. */
static int
color_at (GdkPixbuf *pixbuf,
          double     u,
          double     v)
{
  int x = (int) (u * gdk_pixbuf_get_width (pixbuf));
  int y = (int) (v * gdk_pixbuf_get_height (pixbuf));
  const guint8 *pixel = gdk_pixbuf_read_pixels (pixbuf)
                        + y * gdk_pixbuf_get_rowstride (pixbuf)
                        + x * gdk_pixbuf_get_n_channels (pixbuf);
  int best = -1;
  int best_distance = G_MAXINT;

  for (int i = 0; i < 4; i++)
    {
      int distance = 0;

      for (int c = 0; c < 3; c++)
        distance += ABS (pixel[c] - quarter_colors[i][c]);
      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }
  g_assert_cmpint (best_distance, <, 60);
  return best;
}

static void
assert_size (GdkPixbuf *pixbuf,
             int        width,
             int        height)
{
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = make_jpeg (1200, 800);
  g_autoptr(GFile) file = write_file (fixture, "landscape.jpg", jpeg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) fitted = NULL;
  g_autoptr(GdkPixbuf) tall = NULL;
  g_autoptr(GdkPixbuf) full = NULL;

  fitted = captioner_image_load (file, 300, 300, NULL, &error);
  g_assert_no_error (error);
  assert_size (fitted, 300, 200);
  g_assert_cmpint (color_at (fitted, 0.25, 0.25), ==, RED);
  g_assert_cmpint (color_at (fitted, 0.75, 0.25), ==, GREEN);
  g_assert_cmpint (color_at (fitted, 0.25, 0.75), ==, BLUE);
  g_assert_cmpint (color_at (fitted, 0.75, 0.75), ==, WHITE);

  /* The height is the tighter bound here. */
  tall = captioner_image_load (file, 1000, 100, NULL, &error);
  g_assert_no_error (error);
  assert_size (tall, 150, 100);

  /* Never enlarged; no bound means the stored size. */
  full = captioner_image_load (file, 0, 0, NULL, &error);
  g_assert_no_error (error);
  assert_size (full, 1200, 800);
  g_clear_object (&full);
  full = captioner_image_load (file, 4000, 4000, NULL, &error);
  g_assert_no_error (error);
  assert_size (full, 1200, 800);
}

/* A 24 MP photo comes back at the size asked for. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = make_jpeg (6000, 4000);
  g_autoptr(GFile) file = write_file (fixture, "large.jpg", jpeg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  pixbuf = captioner_image_load (file, 1920, 1080, NULL, &error);
  g_assert_no_error (error);
  assert_size (pixbuf, 1620, 1080);
  g_assert_cmpint (color_at (pixbuf, 0.1, 0.1), ==, RED);
  g_assert_cmpint (color_at (pixbuf, 0.9, 0.9), ==, WHITE);
}

static void
test_orientation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) plain = make_jpeg (1200, 800);
  g_autoptr(GBytes) turned = add_orientation (plain, 6);
  g_autoptr(GFile) file = write_file (fixture, "portrait.jpg", turned);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(CaptionerExif) exif = NULL;
  CaptionerJpegInfo info;
  gboolean needs_more = FALSE;

  /* The crafted file carries orientation 6 as the core's own EXIF reader sees it. */
  g_assert_true (captioner_jpeg_scan (g_bytes_get_data (turned, NULL), g_bytes_get_size (turned),
                                      &info, &needs_more, &error));
  g_assert_no_error (error);
  g_assert_nonnull (info.exif);
  exif = captioner_exif_new_from_data (info.exif, info.exif_length);
  g_assert_cmpint (exif->orientation, ==, 6);

  /* Orientation 6: turned a quarter clockwise for display, so 1200×800 stored shows as 800×1200
   * and fits a 300×300 bound as 200×300; the stored top left (red) is at the top right. */
  pixbuf = captioner_image_load (file, 300, 300, NULL, &error);
  g_assert_no_error (error);
  assert_size (pixbuf, 200, 300);
  g_assert_cmpint (color_at (pixbuf, 0.75, 0.25), ==, RED);
  g_assert_cmpint (color_at (pixbuf, 0.75, 0.75), ==, GREEN);
  g_assert_cmpint (color_at (pixbuf, 0.25, 0.25), ==, BLUE);
  g_assert_cmpint (color_at (pixbuf, 0.25, 0.75), ==, WHITE);
}

static void
on_load_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) plain = make_jpeg (1200, 800);
  g_autoptr(GBytes) turned = add_orientation (plain, 8);
  g_autoptr(GFile) file = write_file (fixture, "async.jpg", turned);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  captioner_image_load_async (file, 400, 400, NULL, on_load_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pixbuf = captioner_image_load_finish (result, &error);
  g_assert_no_error (error);

  /* Orientation 8: a quarter counter-clockwise; the stored top left is at the bottom left. */
  assert_size (pixbuf, 267, 400);
  g_assert_cmpint (color_at (pixbuf, 0.25, 0.75), ==, RED);
  g_assert_cmpint (color_at (pixbuf, 0.25, 0.25), ==, GREEN);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = make_jpeg (120, 80);
  g_autoptr(GFile) file = write_file (fixture, "cancelled.jpg", jpeg);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_cancellable_cancel (cancellable);
  pixbuf = captioner_image_load (file, 100, 100, cancellable, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  captioner_image_load_async (file, 100, 100, cancellable, on_load_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pixbuf = captioner_image_load_finish (result, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("not a photo\n", 12);
  g_autoptr(GBytes) jpeg = make_jpeg (400, 300);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (jpeg, 0, 200);
  g_autoptr(GFile) fake = write_file (fixture, "fake.jpg", text);
  g_autoptr(GFile) cut = write_file (fixture, "cut.jpg", truncated);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.jpg", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  pixbuf = captioner_image_load (fake, 100, 100, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "fake.jpg"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  pixbuf = captioner_image_load (cut, 100, 100, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "cut.jpg"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  pixbuf = captioner_image_load (missing, 100, 100, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.jpg"));
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/captioner/image/bounded", Fixture, NULL,
              fixture_set_up, test_bounded, fixture_tear_down);
  g_test_add ("/captioner/image/large", Fixture, NULL,
              fixture_set_up, test_large, fixture_tear_down);
  g_test_add ("/captioner/image/orientation", Fixture, NULL,
              fixture_set_up, test_orientation, fixture_tear_down);
  g_test_add ("/captioner/image/async", Fixture, NULL,
              fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/captioner/image/cancelled", Fixture, NULL,
              fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/captioner/image/bad-input", Fixture, NULL,
              fixture_set_up, test_bad_input, fixture_tear_down);

  return g_test_run ();
}
