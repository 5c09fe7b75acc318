#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "captioner-image-cache.h"
#include "test-util.h"

typedef struct
{
  char  *dir;
  GFile *files[3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("captioner-image-cache-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (f->files); i++)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 800, 600);
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      gdk_pixbuf_fill (pixbuf, 0x20406000 + i * 0x10000000);
      gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL);
      g_assert_no_error (error);
      f->files[i] = g_file_new_for_path (path);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->files); i++)
    g_clear_object (&f->files[i]);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GdkPixbuf *
load_and_wait (CaptionerImageCache  *cache,
               GFile                *file,
               GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  captioner_image_cache_load_async (cache, file, NULL, on_loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return captioner_image_cache_load_finish (cache, result, error);
}

static void
wait_until_cached (CaptionerImageCache *cache,
                   GFile               *file)
{
  for (;;)
    {
      g_autoptr(GdkPixbuf) pixbuf = captioner_image_cache_lookup (cache, file);
      if (pixbuf != NULL)
        return;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_load_lookup_evict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CaptionerImageCache) cache = captioner_image_cache_new (2);
  g_autoptr(GdkPixbuf) first = NULL;
  g_autoptr(GdkPixbuf) again = NULL;
  g_autoptr(GdkPixbuf) evicted = NULL;
  g_autoptr(GError) error = NULL;

  captioner_image_cache_set_size (cache, 400, 400);
  g_assert_null (captioner_image_cache_lookup (cache, f->files[0]));

  first = load_and_wait (cache, f->files[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (first), ==, 400);
  g_assert_cmpint (gdk_pixbuf_get_height (first), ==, 300);

  /* The next ask is served from memory: the very same pixbuf. */
  again = captioner_image_cache_lookup (cache, f->files[0]);
  g_assert_true (again == first);

  /* Preloading two more with room for two drops the least recently asked-for. */
  captioner_image_cache_preload (cache, f->files[1]);
  wait_until_cached (cache, f->files[1]);
  captioner_image_cache_preload (cache, f->files[2]);
  wait_until_cached (cache, f->files[2]);
  evicted = captioner_image_cache_lookup (cache, f->files[0]);
  g_assert_null (evicted);
}

static void
test_new_size_drops_old_decodes (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CaptionerImageCache) cache = captioner_image_cache_new (4);
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) large = NULL;
  g_autoptr(GdkPixbuf) stale = NULL;
  g_autoptr(GdkPixbuf) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (captioner_image_cache_set_size (cache, 200, 200));
  small = load_and_wait (cache, f->files[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, 200);

  /* The same size again keeps what was decoded. */
  g_assert_false (captioner_image_cache_set_size (cache, 200, 200));
  kept = captioner_image_cache_lookup (cache, f->files[0]);
  g_assert_true (kept == small);

  /* A smaller view gets photos decoded for it, to be drawn pixel for pixel. */
  g_assert_true (captioner_image_cache_set_size (cache, 100, 100));
  g_assert_null (captioner_image_cache_lookup (cache, f->files[0]));
  g_clear_object (&kept);
  kept = load_and_wait (cache, f->files[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (kept), ==, 100);

  captioner_image_cache_set_size (cache, 800, 800);
  stale = captioner_image_cache_lookup (cache, f->files[0]);
  g_assert_null (stale);
  large = load_and_wait (cache, f->files[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (large), ==, 800);
}

/* Photos decoded ahead wait in one thread; the one the editor steps to does not wait behind
 * the others. A FIFO holds the thread on its first photo until the test writes it. */
static void
test_asked_for_photo_skips_the_queue (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(CaptionerImageCache) cache = captioner_image_cache_new (4);
  g_autofree char *fifo_path = g_build_filename (f->dir, "arriving.jpg", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GdkPixbuf) asked = NULL;
  g_autoptr(GdkPixbuf) arrived = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  gsize length;
  int fd;

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  captioner_image_cache_set_size (cache, 400, 400);
  captioner_image_cache_preload (cache, fifo);        /* holds the thread ahead */
  captioner_image_cache_preload (cache, f->files[1]);
  captioner_image_cache_preload (cache, f->files[2]);

  asked = load_and_wait (cache, f->files[2], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (asked), ==, 400);
  g_assert_null (captioner_image_cache_lookup (cache, fifo));

  /* The queue goes on: the held photo arrives, and the one queued behind it is decoded. */
  g_assert_true (g_file_load_contents (f->files[0], NULL, &jpeg, &length, NULL, NULL));
  fd = g_open (fifo_path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, jpeg, length), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
  wait_until_cached (cache, fifo);
  wait_until_cached (cache, f->files[1]);
  arrived = captioner_image_cache_lookup (cache, fifo);
  g_assert_cmpint (gdk_pixbuf_get_width (arrived), ==, 400);
}

static void
test_damaged_then_fixed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CaptionerImageCache) cache = captioner_image_cache_new (4);
  g_autofree char *path = g_build_filename (f->dir, "copying.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) broken = NULL;
  g_autoptr(GdkPixbuf) fixed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  gsize length;

  captioner_image_cache_set_size (cache, 400, 400);
  g_assert_true (g_file_set_contents (path, "\xff\xd8\xff not really", -1, NULL));
  broken = load_and_wait (cache, file, &error);
  g_assert_null (broken);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "copying.jpg"));
  g_clear_error (&error);

  /* The copy finished: asking again decodes again instead of repeating the old failure. */
  g_assert_true (g_file_load_contents (f->files[1], NULL, &good, &length, NULL, NULL));
  g_assert_true (g_file_set_contents (path, good, length, NULL));
  fixed = load_and_wait (cache, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/captioner/image-cache/load-lookup-evict", Fixture, NULL, fixture_set_up,
              test_load_lookup_evict, fixture_tear_down);
  g_test_add ("/captioner/image-cache/larger-size", Fixture, NULL, fixture_set_up,
              test_new_size_drops_old_decodes, fixture_tear_down);
  g_test_add ("/captioner/image-cache/asked-for-photo-skips-the-queue", Fixture, NULL,
              fixture_set_up, test_asked_for_photo_skips_the_queue, fixture_tear_down);
  g_test_add ("/captioner/image-cache/damaged-then-fixed", Fixture, NULL, fixture_set_up,
              test_damaged_then_fixed, fixture_tear_down);
  return g_test_run ();
}
