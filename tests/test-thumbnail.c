#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "captioner-thumbnail.h"
#include "test-util.h"

typedef struct
{
  char *dir;
} Fixture;

/* A photo whose left half is red and right half blue, so orientation can be seen. */
static char *
write_jpeg (const char *dir,
            const char *name,
            int         width,
            int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GdkPixbuf) right = gdk_pixbuf_new_subpixbuf (pixbuf, width / 2, 0, width - width / 2,
                                                         height);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  gdk_pixbuf_fill (right, 0x0000ffff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "95", NULL);
  g_assert_no_error (error);
  return path;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("captioner-thumbnail-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  GdkPixbuf *pixbuf;
  GError    *error;
  guint      pending;
} Result;

static void
on_load_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = captioner_thumbnailer_load_finish (NULL, result, &error);
  if (r->pixbuf == NULL && pixbuf != NULL)
    r->pixbuf = g_steal_pointer (&pixbuf);
  if (r->error == NULL && error != NULL)
    r->error = g_steal_pointer (&error);
  r->pending--;
}

static GdkPixbuf *
thumbnail (const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(CaptionerThumbnailer) thumbnailer = captioner_thumbnailer_new (CAPTIONER_THUMBNAIL_NORMAL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result r = { NULL, NULL, 1 };

  captioner_thumbnailer_load_async (thumbnailer, file, G_PRIORITY_DEFAULT, cancellable,
                                    on_load_cb, &r);
  while (r.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.pixbuf;
}

static void
assert_color (GdkPixbuf *pixbuf,
              int        x,
              int        y,
              gboolean   red)
{
  const guint8 *p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
                    x * gdk_pixbuf_get_n_channels (pixbuf);

  if (red)
    g_assert_true (p[0] > 200 && p[2] < 60);
  else
    g_assert_true (p[2] > 200 && p[0] < 60);
}

/* By type: the isolated XDG folders hold no MIME database for sniffing. */
static GdkPixbuf *
load_png (const char *path)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write (loader, (const guchar *) data, length, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static char *
file_mtime (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);

  return g_strdup_printf ("%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = write_jpeg (fixture->dir, "wide.jpg", 400, 200);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *cache = captioner_thumbnail_path_for_uri (uri, CAPTIONER_THUMBNAIL_NORMAL);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, uri, -1);
  g_autofree char *expected_name = g_strconcat (md5, ".png", NULL);
  g_autofree char *expected_dir = g_build_filename (g_get_user_cache_dir (), "thumbnails", "normal",
                                                    NULL);
  g_autofree char *mtime = file_mtime (path);
  g_autofree char *cache_dir = g_path_get_dirname (cache);
  g_autofree char *cache_name = g_path_get_basename (cache);
  g_autoptr(GdkPixbuf) first = NULL;
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GdkPixbuf) second = NULL;
  g_autoptr(GdkPixbuf) third = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (cache_dir, ==, expected_dir);
  g_assert_cmpstr (cache_name, ==, expected_name);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));

  first = thumbnail (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (first), ==, 128);
  g_assert_cmpint (gdk_pixbuf_get_height (first), ==, 64);
  assert_color (first, 10, 32, TRUE);
  assert_color (first, 118, 32, FALSE);

  /* The cache file is what GNOME Files expects. */
  g_assert_cmpint (g_stat (cache, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  stored = load_png (cache);
  g_assert_cmpstr (gdk_pixbuf_get_option (stored, "tEXt::Thumb::URI"), ==, uri);
  g_assert_cmpstr (gdk_pixbuf_get_option (stored, "tEXt::Thumb::MTime"), ==, mtime);
  g_assert_cmpstr (gdk_pixbuf_get_option (stored, "tEXt::Thumb::Image::Width"), ==, "400");

  /* The second time it comes from the cache. */
  second = thumbnail (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdk_pixbuf_get_option (second, "tEXt::Thumb::URI"), ==, uri);

  /* A photo changed since is decoded again and the cache refreshed. */
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1700000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  third = thumbnail (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gdk_pixbuf_get_option (third, "tEXt::Thumb::URI"));
  g_clear_object (&stored);
  stored = load_png (cache);
  g_assert_cmpstr (gdk_pixbuf_get_option (stored, "tEXt::Thumb::MTime"), ==, "1700000000");
}

static void
test_orientation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_jpeg (fixture->dir, "rotated.jpg", 400, 200);
  g_autofree char *exiftool = g_find_program_in_path ("exiftool");
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { exiftool, "-q", "-overwrite_original", "-Orientation#=6", path, NULL };

  g_assert_nonnull (exiftool);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  pixbuf = thumbnail (path, NULL, &error);
  g_assert_no_error (error);
  /* Rotated clockwise for display: the red left half is now on top. */
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 128);
  assert_color (pixbuf, 32, 10, TRUE);
  assert_color (pixbuf, 32, 118, FALSE);
}

static void
test_small_not_enlarged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = write_jpeg (fixture->dir, "small.jpg", 100, 50);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = thumbnail (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 100);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 50);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.jpg", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "\xff\xd8\xff\xe0 not really a photo", -1, &error);
  g_assert_no_error (error);
  pixbuf = thumbnail (path, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.jpg"));
  g_clear_error (&error);

  pixbuf = thumbnail (missing, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = write_jpeg (fixture->dir, "wide.jpg", 400, 200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  pixbuf = thumbnail (path, cancellable, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_many_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  CaptionerThumbnailer *thumbnailer = captioner_thumbnailer_new (CAPTIONER_THUMBNAIL_LARGE);
  Result r = { NULL, NULL, 0 };
  Result dropped = { NULL, NULL, 0 };

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);
      g_autofree char *path = write_jpeg (fixture->dir, name, 640, 480);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      r.pending++;
      captioner_thumbnailer_load_async (thumbnailer, file, G_PRIORITY_DEFAULT, NULL, on_load_cb,
                                        &r);
    }
  while (r.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_cmpint (gdk_pixbuf_get_width (r.pixbuf), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (r.pixbuf), ==, 192);
  g_clear_object (&r.pixbuf);

  /* Dropping the thumbnailer ends queued work as cancelled: every callback still runs. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      dropped.pending++;
      captioner_thumbnailer_load_async (thumbnailer, file, G_PRIORITY_DEFAULT, NULL, on_load_cb,
                                        &dropped);
    }
  g_object_unref (thumbnailer);
  while (dropped.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&dropped.pixbuf);
  g_clear_error (&dropped.error);
}

static void
test_embedded (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = write_jpeg (fixture->dir, "thumb.jpg", 160, 120);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, length);
  pixbuf = captioner_thumbnail_decode_embedded (bytes, 8, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 120);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 160);
  /* Rotated counter-clockwise: the red left half is now at the bottom. */
  assert_color (pixbuf, 60, 150, TRUE);
  assert_color (pixbuf, 60, 10, FALSE);

  /* Scaled to the grid's size, still upright. */
  g_clear_object (&pixbuf);
  pixbuf = captioner_thumbnail_decode_embedded (bytes, 8, CAPTIONER_THUMBNAIL_NORMAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 96);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 128);
  assert_color (pixbuf, 48, 120, TRUE);
  assert_color (pixbuf, 48, 8, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/captioner/thumbnail/cache", test_cache);
  ADD ("/captioner/thumbnail/orientation", test_orientation);
  ADD ("/captioner/thumbnail/small-not-enlarged", test_small_not_enlarged);
  ADD ("/captioner/thumbnail/unreadable", test_unreadable);
  ADD ("/captioner/thumbnail/cancelled", test_cancelled);
  ADD ("/captioner/thumbnail/many-and-drop", test_many_and_drop);
  ADD ("/captioner/thumbnail/embedded", test_embedded);
#undef ADD
  return g_test_run ();
}
