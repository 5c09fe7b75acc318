#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "captioner-export.h"
#include "captioner-folder.h"
#include "captioner-json.h"
#include "test-export-util.h"

/* `captioner-cli export` end to end, with exiftool and Python's csv module as oracles. */

#define CAPTION_A "From left, Antony Blinken and Արարատ Միրզոյան meet in Yerevan, " \
                  "\"talks\" (Reuters photo)"
#define CAPTION_B "=SUM(A1)\nsecond line, \"quoted\" Երևան"

typedef struct
{
  char *dir;
  char *photos;   /* a.jpg (captioned through people), b.jpg (a caption starting with =) */
  char *out;
  char *a;
  char *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *err = NULL;

  f->dir = export_test_make_dir ();
  f->photos = g_build_filename (f->dir, "photos", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->photos, 0755), ==, 0);
  f->a = export_test_make_jpeg (f->photos, "a.jpg");
  f->b = export_test_make_jpeg (f->photos, "b.jpg");

  g_assert_cmpint (export_test_cli (NULL, &err, "set", f->a,
                                    "--caption-body", "meet in Yerevan, \"talks\"",
                                    "--credit", "Reuters", "--byline", "Anna Hakobyan",
                                    "--copyright", "© 2023 Reuters", "--headline", "Talks",
                                    "--keyword", "Armenia", "--keyword", "diplomacy, talks",
                                    "--person", "Արարատ Միրզոյան@0.6,0.2,0.2,0.3",
                                    "--person", "Antony Blinken@0.1,0.2,0.2,0.3",
                                    NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_test_cli (NULL, &err, "set", f->b, "--caption", CAPTION_B,
                                    "--headline", "+1", NULL), ==, 0);
  /* Another program's property in the sidecar, which the copy should carry too. */
  {
    g_autofree char *sidecar = g_strconcat (f->a, ".xmp", NULL);
    g_free (export_test_exiftool ("-q", "-overwrite_original", "-XMP-xmp:Label=Red", sidecar,
                                  NULL));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  export_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->photos);
  g_free (f->out);
  g_free (f->a);
  g_free (f->b);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->out, name, NULL);
}

/* exiftool -j of every EXIF tag but the three that MWG keeps in step with the caption. */
static char *
exif_json (const char *path)
{
  g_autofree char *json = export_test_exiftool ("-j", "-a", "-G1", "-EXIF:all",
                                                "--EXIF:ImageDescription", "--EXIF:Artist",
                                                "--EXIF:Copyright", path, NULL);
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"SourceFile\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static char *
exif_binary (const char *tag,
             const char *path)
{
  return export_test_exiftool ("-b", tag, path, NULL);
}

/* With isolated XDG dirs there is no MIME database to sniff with: name the loader. */
static GdkPixbuf *
decode_jpeg (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("jpeg", &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write (loader, (const guchar *) contents, length, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static void
assert_pixels_equal (const char *a,
                     const char *b)
{
  g_autoptr(GdkPixbuf) pa = decode_jpeg (a);
  g_autoptr(GdkPixbuf) pb = decode_jpeg (b);

  g_assert_cmpint (gdk_pixbuf_get_width (pa), ==, gdk_pixbuf_get_width (pb));
  g_assert_cmpint (gdk_pixbuf_get_height (pa), ==, gdk_pixbuf_get_height (pb));
  g_assert_cmpint (gdk_pixbuf_get_rowstride (pa), ==, gdk_pixbuf_get_rowstride (pb));
  g_assert_cmpmem (gdk_pixbuf_read_pixels (pa), gdk_pixbuf_get_byte_length (pa),
                   gdk_pixbuf_read_pixels (pb), gdk_pixbuf_get_byte_length (pb));
}

static char **
tabbed (const char *first,
        ...)
{
  /* One line of tab-separated values, lists joined with |. */
  va_list args;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, "exiftool");
  g_ptr_array_add (argv, "-T");
  g_ptr_array_add (argv, "-sep");
  g_ptr_array_add (argv, "|");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (export_test_run ((const char * const *) argv->pdata, &out, &err), ==, 0);
  g_strchomp (out);
  return g_strsplit (out, "\t", -1);
}

static void
test_jpeg (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *sum_a = export_test_sha256 (f->a);
  g_autofree char *sum_b = export_test_sha256 (f->b);
  g_autofree char *sidecar_a = g_strconcat (f->a, ".xmp", NULL);
  g_autofree char *sum_sidecar = export_test_sha256 (sidecar_a);
  const char *originals[] = { f->a, f->b };

  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "jpeg", "--output", f->out,
                                    f->photos, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      g_autofree char *base = g_path_get_basename (originals[i]);
      g_autofree char *copy = out_path (f, base);
      g_autofree char *sidecar = g_strconcat (originals[i], ".xmp", NULL);
      g_autofree char *exif_original = exif_json (originals[i]);
      g_autofree char *exif_copy = exif_json (copy);
      g_autofree char *thumb_original = exif_binary ("-ThumbnailImage", originals[i]);
      g_autofree char *thumb_copy = exif_binary ("-ThumbnailImage", copy);
      g_auto(GStrv) side = tabbed ("-XMP-dc:Description", "-XMP-photoshop:Credit",
                                   "-XMP-dc:Creator", "-XMP-dc:Rights",
                                   "-XMP-iptcExt:PersonInImage", sidecar, NULL);
      g_auto(GStrv) iptc = tabbed ("-IPTC:Caption-Abstract", "-IPTC:Credit", "-IPTC:By-line",
                                   "-IPTC:CopyrightNotice", "-IPTC:CodedCharacterSet",
                                   "-IPTC:Category", "-IPTC:SupplementalCategories", copy, NULL);
      g_auto(GStrv) xmp = tabbed ("-XMP-dc:Description", "-XMP-iptcExt:PersonInImage",
                                  "-XMP-xmp:Rating", "-XMP-photoshop:Credit", "-XMP-xmp:Label",
                                  copy, NULL);
      g_auto(GStrv) exif = tabbed ("-EXIF:ImageDescription", "-EXIF:Artist", "-EXIF:Copyright",
                                   "-EXIF:DateTimeOriginal", copy, NULL);

      g_test_message ("%s", copy);
      /* Every EXIF tag but the three is as it was; the thumbnail too. */
      g_assert_cmpstr (exif_copy, ==, exif_original);
      g_assert_cmpuint (strlen (thumb_original), >, 0);
      g_assert_cmpstr (thumb_copy, ==, thumb_original);
      g_assert_cmpstr (exif[3], ==, "2023:10:23 10:00:00");

      /* The caption as the sidecar holds it, in IIM (UTF-8), XMP and EXIF alike. */
      g_assert_cmpstr (iptc[0], ==, side[0]);
      g_assert_cmpstr (iptc[1], ==, side[1]);
      g_assert_cmpstr (iptc[2], ==, side[2]);
      g_assert_cmpstr (iptc[3], ==, side[3]);
      g_assert_cmpstr (iptc[4], ==, "UTF8");
      g_assert_cmpstr (xmp[0], ==, side[0]);
      g_assert_cmpstr (xmp[1], ==, side[4]);
      g_assert_cmpstr (xmp[3], ==, side[1]);
      g_assert_cmpstr (exif[0], ==, side[0]);
      g_assert_cmpstr (exif[1], ==, side[2]);
      g_assert_cmpstr (exif[2], ==, side[3]);
      /* What the original carried and Captioner does not manage is kept. */
      g_assert_cmpstr (iptc[5], ==, "POL");
      g_assert_cmpstr (iptc[6], ==, "Café");
      g_assert_cmpstr (xmp[2], ==, "3");
      g_assert_cmpstr (xmp[4], ==, i == 0 ? "Red" : "-");

      assert_pixels_equal (originals[i], copy);
    }

  {
    g_auto(GStrv) side = tabbed ("-XMP-dc:Description", "-XMP-iptcExt:PersonInImage",
                                 sidecar_a, NULL);
    g_assert_cmpstr (side[0], ==, CAPTION_A);
    g_assert_cmpstr (side[1], ==, "Antony Blinken|Արարատ Միրզոյան");
  }

  export_test_assert_sha256 (f->a, sum_a);
  export_test_assert_sha256 (f->b, sum_b);
  export_test_assert_sha256 (sidecar_a, sum_sidecar);
}

static void
test_overwrite (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *copy = out_path (f, "a.jpg");
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "jpeg", "--output", f->out,
                                    f->a, NULL), ==, 0);
  first = export_test_sha256 (copy);
  g_file_set_contents (copy, "edited", -1, &error);
  g_assert_no_error (error);

  /* Without --overwrite: one line naming the file, the file left alone, b still exported. */
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "jpeg", "--output", f->out,
                                    f->a, f->b, NULL), ==, 1);
  g_assert_nonnull (strstr (err, copy));
  g_assert_nonnull (strstr (err, "exists"));
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (err), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
  }
  {
    g_autofree char *contents = NULL;
    g_autofree char *b_copy = out_path (f, "b.jpg");
    g_file_get_contents (copy, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "edited");
    g_assert_true (g_file_test (b_copy, G_FILE_TEST_EXISTS));
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "jpeg", "--output", f->out,
                                    "--overwrite", f->a, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  export_test_assert_sha256 (copy, first);
}

static void
test_never_original (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sum_a = export_test_sha256 (f->a);
  g_autofree char *sidecar = g_strconcat (f->a, ".xmp", NULL);
  g_autofree char *sum_sidecar = export_test_sha256 (sidecar);
  g_autofree char *err = NULL;

  /* Into the photos' own folder, even with --overwrite: refused for each photo. */
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "jpeg", "--overwrite",
                                    "--output", f->photos, f->photos, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "a.jpg"));
  g_assert_nonnull (strstr (err, "b.jpg"));
  g_assert_nonnull (strstr (err, "original"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "xmp", "--overwrite",
                                    "--output", f->photos, f->a, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "original"));
  g_clear_pointer (&err, g_free);
  /* A csv named as a photo is refused too. */
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "csv", "--overwrite",
                                    "--output", f->b, f->a, f->b, NULL), ==, 1);

  export_test_assert_sha256 (f->a, sum_a);
  export_test_assert_sha256 (sidecar, sum_sidecar);
}

static const char python_csv_rows[] =
  "import csv, json, sys\n"
  "data = open(sys.argv[1], 'rb').read()\n"
  "assert not data.startswith(b'\\xef\\xbb\\xbf'), 'BOM'\n"
  "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
  "expected = json.loads(sys.argv[2])\n"
  "bad = [(r.get('file'), k, r.get(k), v) for r, e in zip(rows, expected)\n"
  "       for k, v in e.items() if r.get(k) != v]\n"
  "print('ok' if len(rows) == len(expected) and not bad else 'mismatch %r' % (bad or rows))\n";

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->photos, "captions.csv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *header = NULL;
  g_autofree char *result = NULL;
  g_autoptr(GString) expected = g_string_new ("[{\"file\": \"a.jpg\", \"caption\": ");

  captioner_json_append_string (expected, CAPTION_A);
  g_string_append (expected, ", \"headline\": \"Talks\", \"credit\": \"Reuters\", "
                   "\"byline\": \"Anna Hakobyan\", \"copyright\": \"© 2023 Reuters\", "
                   "\"keywords\": \"legacy; Armenia; diplomacy, talks\", "
                   "\"people\": \"Antony Blinken; Արարատ Միրզոյան\", "
                   "\"width\": \"160\", \"height\": \"120\", "
                   "\"category\": \"POL\", \"supplemental_categories\": \"Café\"}, "
                   "{\"file\": \"b.jpg\", \"caption\": ");
  /* Neutralised the OWASP way: a quote before it, the text otherwise as it was. */
  captioner_json_append_string (expected, "'" CAPTION_B);
  g_string_append (expected, ", \"headline\": \"'+1\", \"people\": \"\"}]");

  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "csv", f->photos, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_file_get_contents (csv, &header, NULL, NULL);
  g_assert_true (g_str_has_prefix (header, "file,caption,headline,credit,byline,source,"
                                   "copyright,event,city,state,country,date_created,keywords,"
                                   "people,width,height,title,country_code,sub_location,"
                                   "caption_writer,urgency,category,supplemental_categories\r\n"));
  result = export_test_python (python_csv_rows, csv, expected->str, NULL);
  g_assert_cmpstr (result, ==, "ok\n");

  /* Again: refused without --overwrite, replaced with it. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "csv", f->photos, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "captions.csv"));
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "csv", "--overwrite",
                                    f->photos, NULL), ==, 0);
}

static void
test_txt (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *a = out_path (f, "a.txt");
  g_autofree char *b = out_path (f, "b.txt");
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "txt", "--output", f->out,
                                    f->photos, NULL), ==, 0);
  g_assert_true (g_file_get_contents (a, &text_a, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &text_b, NULL, NULL));
  g_assert_cmpstr (text_a, ==, CAPTION_A "\n");
  g_assert_cmpstr (text_b, ==, CAPTION_B "\n");

  /* a.jpg and a.jpeg would both be a.txt: the second is refused, the first kept. */
  {
    g_autofree char *other = export_test_make_jpeg (f->photos, "a.jpeg");
    g_autofree char *err = NULL;
    g_autofree char *again = NULL;

    g_assert_cmpint (export_test_cli (NULL, NULL, "set", other, "--caption", "Other", NULL),
                     ==, 0);
    g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "txt", "--output",
                                      f->out, "--overwrite", f->a, other, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "a.txt"));
    g_assert_true (g_file_get_contents (a, &again, NULL, NULL));
    g_assert_cmpstr (again, ==, CAPTION_A "\n");
  }

  /* --output must be a folder for txt. */
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "txt", "--output", a,
                                    f->a, NULL), ==, 2);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *info = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *file = g_build_filename (f->photos, "captions.json", NULL);
  g_autofree char *written = NULL;

  g_assert_cmpint (export_test_cli (&info, NULL, "info", "--json", f->photos, NULL), ==, 0);
  g_assert_cmpint (export_test_cli (&exported, NULL, "export", "--format", "json", "--output",
                                    "-", f->photos, NULL), ==, 0);
  g_assert_cmpstr (exported, ==, info);
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "json", f->photos, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (file, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, info);
}

static void
test_xmp (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sidecar = g_strconcat (f->a, ".xmp", NULL);
  g_autofree char *copy = out_path (f, "a.jpg.xmp");

  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "xmp", "--output", f->out,
                                    f->a, NULL), ==, 0);
  {
    g_autofree char *sidecar_sum = export_test_sha256 (sidecar);
    export_test_assert_sha256 (copy, sidecar_sum);
  }
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->photos, "c.png", NULL);
  g_autofree char *broken = g_build_filename (f->photos, "d.jpg", NULL);
  g_autofree char *good = out_path (f, "a.jpg");
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);
  g_file_set_contents (broken, "\xff\xd8\xff\xe1garbage", 12, &error);
  g_assert_no_error (error);

  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "jpeg", "--output", f->out,
                                    f->photos, NULL), ==, 1);
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (err, "c.png"));
  g_assert_nonnull (strstr (err, "d.jpg"));
  g_assert_true (g_file_test (good, G_FILE_TEST_EXISTS));

  /* Usage errors. */
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", f->photos, NULL), ==, 2);
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "jpeg", f->photos, NULL),
                   ==, 2);
  g_assert_cmpint (export_test_cli (NULL, NULL, "export", "--format", "tiff", f->photos, NULL),
                   ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  guint      calls;
  guint      last_done;
  guint      total;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_progress_cb (guint         done,
                guint         total,
                GFile        *file,
                const GError *error,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpuint (done, ==, state->last_done + 1);
  g_assert_no_error (error);
  state->calls++;
  state->last_done = done;
  state->total = total;
}

static void
on_run_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = captioner_export_run_finish (CAPTIONER_EXPORT (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

/* The API the GUI's export dialog uses: a worker thread, progress on the caller's context. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) photos = g_file_new_for_path (f->photos);
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(CaptionerExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b_copy = out_path (f, "b.jpg");
  AsyncState state = { 0 };

  files = captioner_folder_expand (&photos, 1, NULL, &error);
  g_assert_no_error (error);
  export = captioner_export_new (CAPTIONER_EXPORT_FORMAT_JPEG, out,
                                 CAPTIONER_EXPORT_FLAGS_NONE);
  state.loop = g_main_loop_new (NULL, FALSE);
  captioner_export_run_async (export, files, on_progress_cb, &state, NULL, NULL, on_run_cb,
                              &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.calls, ==, 2);
  g_assert_cmpuint (state.total, ==, 2);
  g_assert_true (g_file_test (b_copy, G_FILE_TEST_EXISTS));
}

/* Cancelled before it starts: nothing is written and the error is G_IO_ERROR_CANCELLED. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CaptionerExport) export = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  g_ptr_array_add (files, g_file_new_for_path (f->a));
  export = captioner_export_new (CAPTIONER_EXPORT_FORMAT_JPEG, out,
                                 CAPTIONER_EXPORT_FLAGS_NONE);
  g_cancellable_cancel (cancellable);
  state.loop = g_main_loop_new (NULL, FALSE);
  captioner_export_run_async (export, files, on_progress_cb, &state, NULL, cancellable,
                              on_run_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.calls, ==, 0);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/export/cli/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("jpeg", test_jpeg);
  ADD ("overwrite", test_overwrite);
  ADD ("never-original", test_never_original);
  ADD ("csv", test_csv);
  ADD ("txt", test_txt);
  ADD ("json", test_json);
  ADD ("xmp", test_xmp);
  ADD ("failures", test_failures);
  ADD ("async", test_async);
  ADD ("cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
