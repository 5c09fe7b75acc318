#define G_LOG_DOMAIN "captioner-image-costs"

/* What the GUI's image paths cost, measured on the core alone (no GTK), so the thumbnail and
 * photo-switch targets can be judged before the window exists:
 *  - the first screen from EXIF thumbnails: list the folder, load the first SCREEN photos and
 *    decode their embedded 160x120 thumbnails, on one thread;
 *  - every thumbnail decoded from the photo with captioner_image_load at 256 px, on THREADS
 *    worker threads (the figure to compare with djpeg -scale 1/8 x files / cores);
 *  - one photo at screen size (captioner_image_load at 1920x1080), what "next photo" costs
 *    without preloading.
 *
 * Usage: image-costs FOLDER [THREADS [LIMIT]]   (LIMIT: only the first LIMIT photos) */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "captioner-folder.h"
#include "captioner-image.h"
#include "captioner-photo.h"
#include "captioner-thumbnail.h"

#define SCREEN     40   /* thumbnails on a first screen of the browser */
#define THUMB_SIZE 256
#define N_SWITCH   10

static gint failures;

static void
decode_thumb_cb (gpointer data,
                 gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = captioner_image_load (data, THUMB_SIZE, THUMB_SIZE, NULL, &error);

  if (pixbuf == NULL)
    {
      g_printerr ("image-costs: %s\n", error->message);
      g_atomic_int_inc (&failures);
    }
}

typedef struct
{
  GMainLoop *loop;
  guint      pending;
} Waiting;

static void
on_thumbnail_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiting *waiting = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = captioner_thumbnailer_load_finish (CAPTIONER_THUMBNAILER (object),
                                                                   result, &error);

  if (pixbuf == NULL)
    {
      g_printerr ("image-costs: %s\n", error->message);
      g_atomic_int_inc (&failures);
    }
  if (--waiting->pending == 0)
    g_main_loop_quit (waiting->loop);
}

/* The GUI's thumbnailer (decode at 128 px, PNG into the freedesktop cache), nothing else. */
static double
run_thumbnailer (GPtrArray *files,
                 guint      limit)
{
  g_autoptr(CaptionerThumbnailer) thumbnailer = captioner_thumbnailer_new (CAPTIONER_THUMBNAIL_NORMAL);
  Waiting waiting = { g_main_loop_new (NULL, FALSE), limit };
  gint64 t0 = g_get_monotonic_time ();

  for (guint i = 0; i < limit; i++)
    captioner_thumbnailer_load_async (thumbnailer, g_ptr_array_index (files, i),
                                      G_PRIORITY_DEFAULT, NULL, on_thumbnail_cb, &waiting);
  if (limit > 0)
    g_main_loop_run (waiting.loop);
  g_main_loop_unref (waiting.loop);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  guint threads, limit, n_screen = 0;
  gint64 t0;
  double first_ms, all_ms, cpu0, all_cpu_ms, thumbnailer_ms, thumbnailer_cpu_ms, cached_ms;
  g_autofree char *cache = g_dir_make_tmp ("captioner-image-costs-XXXXXX", NULL);
  GThreadPool *pool;
  double switch_ms[N_SWITCH];
  guint n_switch = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FOLDER [THREADS [LIMIT]]\n", argv[0]);
      return 2;
    }
  threads = argc > 2 ? (guint) atoi (argv[2]) : 2;
  /* A fresh thumbnail cache, set before anything asks GLib for the cache folder. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  folder = g_file_new_for_commandline_arg (argv[1]);

  /* First screen from EXIF thumbnails, from nothing: list, read metadata, decode 160x120. */
  t0 = g_get_monotonic_time ();
  files = captioner_folder_list_photos (folder, NULL, &error);
  if (files == NULL)
    {
      fprintf (stderr, "image-costs: %s\n", error->message);
      return 1;
    }
  limit = argc > 3 ? MIN ((guint) atoi (argv[3]), files->len) : files->len;
  for (guint i = 0; i < MIN (SCREEN, limit); i++)
    {
      g_autoptr(CaptionerPhoto) photo = captioner_photo_load (g_ptr_array_index (files, i),
                                                               NULL, NULL);
      GBytes *thumb = photo ? captioner_photo_get_thumbnail (photo) : NULL;
      g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();

      if (thumb != NULL &&
          gdk_pixbuf_loader_write_bytes (loader, thumb, NULL) &&
          gdk_pixbuf_loader_close (loader, NULL) &&
          gdk_pixbuf_loader_get_pixbuf (loader) != NULL)
        n_screen++;
    }
  first_ms = (g_get_monotonic_time () - t0) / 1000.0;

  /* Every thumbnail decoded from the photo itself, on a pool like the GUI would use. */
  t0 = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  pool = g_thread_pool_new (decode_thumb_cb, NULL, threads, TRUE, NULL);
  for (guint i = 0; i < limit; i++)
    g_thread_pool_push (pool, g_ptr_array_index (files, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  all_ms = (g_get_monotonic_time () - t0) / 1000.0;
  all_cpu_ms = (cpu_seconds () - cpu0) * 1000.0;

  cpu0 = cpu_seconds ();
  thumbnailer_ms = run_thumbnailer (files, limit);
  thumbnailer_cpu_ms = (cpu_seconds () - cpu0) * 1000.0;
  cached_ms = run_thumbnailer (files, limit);

  /* Next photo at screen size, without any preloading. */
  for (guint i = 0; i < N_SWITCH && i < limit; i++)
    {
      GFile *file = g_ptr_array_index (files, i * limit / MIN (N_SWITCH, limit));
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      t0 = g_get_monotonic_time ();
      pixbuf = captioner_image_load (file, 1920, 1080, NULL, NULL);
      switch_ms[n_switch++] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  printf ("image-costs: %s, %u of %u photos, %u threads\n", argv[1], limit, files->len, threads);
  printf ("profile: first-screen-exif-thumbnails-ms=%.1f (%u EXIF thumbnails decoded)\n",
          first_ms, n_screen);
  printf ("profile: all-thumbnails-ms=%.1f (captioner_image_load %d px, wall clock, %d failed)\n",
          all_ms, THUMB_SIZE, failures);
  /* On shared cores the wall clock includes other people's work: CPU time / threads is the
   * figure a quiet machine would show when the pool keeps every core busy. */
  printf ("profile: all-thumbnails-cpu-ms=%.1f (%.1f ms CPU a file)\n", all_cpu_ms / threads,
          all_cpu_ms / MAX (limit, 1));
  printf ("profile: thumbnailer-ms=%.1f (captioner_thumbnailer_load_async 128 px, empty cache, "
          "its own 2 threads)\n", thumbnailer_ms);
  printf ("profile: thumbnailer-cpu-ms=%.1f (CPU / 2 threads)\n", thumbnailer_cpu_ms / 2);
  printf ("profile: thumbnailer-cached-ms=%.1f (the same photos again, from the cache)\n",
          cached_ms);
  for (guint i = 0; i < n_switch; i++)
    printf ("profile: switch-ms=%.1f (captioner_image_load 1920x1080, no preload)\n",
            switch_ms[i]);
  printf ("profile: peak-rss-mib=%.1f\n", peak_rss_mib ());
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache);
    if (g_str_has_prefix (cache, g_get_tmp_dir ()) && system (rm) != 0)
      g_printerr ("image-costs: could not remove %s\n", cache);
  }
  return failures > 0;
}
