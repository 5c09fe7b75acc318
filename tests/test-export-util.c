#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-export-util.h"
#include "test-util.h"

char *
export_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("captioner-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
export_test_remove_dir (const char *dir)
{
  test_remove_tree (dir);
}

static GPtrArray *
collect_args (const char *first,
              va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  return argv;
}

int
export_test_run (const char * const *argv,
                 char              **out,
                 char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

int
export_test_cli (char **out,
                 char **err,
                 ...)
{
  va_list args;
  g_autoptr(GPtrArray) argv = NULL;

  va_start (args, err);
  argv = collect_args (CAPTIONER_CLI, args);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return export_test_run ((const char * const *) argv->pdata, out, err);
}

char *
export_test_exiftool (const char *first,
                      ...)
{
  va_list args;
  g_autoptr(GPtrArray) argv = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  va_start (args, first);
  argv = collect_args (first, args);
  va_end (args);
  g_ptr_array_insert (argv, 0, (gpointer) "exiftool");
  g_ptr_array_add (argv, NULL);
  status = export_test_run ((const char * const *) argv->pdata, &out, &err);
  if (status != 0)
    g_test_message ("exiftool: %s", err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

char *
export_test_python (const char *script,
                    ...)
{
  va_list args;
  g_autoptr(GPtrArray) argv = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  va_start (args, script);
  argv = collect_args (script, args);
  va_end (args);
  g_ptr_array_insert (argv, 0, (gpointer) "-c");
  g_ptr_array_insert (argv, 0, (gpointer) "python3");
  g_ptr_array_add (argv, NULL);
  status = export_test_run ((const char * const *) argv->pdata, &out, &err);
  if (status != 0)
    g_test_message ("python3: %s", err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

char *
export_test_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
export_test_assert_sha256 (const char *path,
                           const char *expected)
{
  g_autofree char *sum = export_test_sha256 (path);

  g_assert_cmpstr (sum, ==, expected);
}

char *
export_test_make_jpeg (const char *dir,
                       const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 160, 120);
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *thumb_path = g_build_filename (dir, "thumb.tmp", NULL);
  g_autofree char *thumb_arg = g_strconcat ("-ThumbnailImage<=", thumb_path, NULL);
  g_autofree char *out = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < 120; y++)
    for (int x = 0; x < 160; x++)
      {
        guint8 *p = pixels + y * rowstride + 3 * x;
        p[0] = (x * 7 + y) & 0xFF;
        p[1] = (y * 5) & 0xFF;
        p[2] = ((x ^ y) * 3) & 0xFF;
      }
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  thumb = gdk_pixbuf_scale_simple (pixbuf, 40, 30, GDK_INTERP_BILINEAR);
  gdk_pixbuf_save (thumb, thumb_path, "jpeg", &error, NULL);
  g_assert_no_error (error);

  out = export_test_exiftool ("-q", "-overwrite_original", "-n",
                              "-EXIF:DateTimeOriginal=2023:10:23 10:00:00",
                              "-EXIF:CreateDate=2023:10:23 10:00:00",
                              "-EXIF:SubSecTimeOriginal=42",
                              "-EXIF:Make=Canon", "-EXIF:Model=EOS R5",
                              "-EXIF:LensModel=RF24-70mm F2.8 L IS USM",
                              "-EXIF:ISO=400", "-EXIF:FNumber=2.8", "-EXIF:ExposureTime=0.004",
                              "-EXIF:FocalLength=50", "-EXIF:Orientation=1",
                              "-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA",
                              "-EXIF:Artist=Old Artist", "-EXIF:Copyright=(c) Old Agency",
                              "-EXIF:Software=Firmware 1.0",
                              "-EXIF:GPSLatitude=40.18", "-EXIF:GPSLatitudeRef=N",
                              "-EXIF:GPSLongitude=44.51", "-EXIF:GPSLongitudeRef=E",
                              "-EXIF:UserComment=kept as it was",
                              thumb_arg,
                              "-charset", "iptc=Latin",
                              "-IPTC:Category=POL", "-IPTC:SupplementalCategories=Café",
                              "-IPTC:Keywords=legacy",
                              "-XMP-xmp:Rating=3", "-XMP-xmp:CreatorTool=Camera 1.0",
                              path, NULL);
  g_unlink (thumb_path);
  return g_steal_pointer (&path);
}
