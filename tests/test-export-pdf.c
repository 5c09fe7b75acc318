#define G_LOG_DOMAIN "test-export-pdf"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli-test-util.h"

/* `captioner-cli export --format pdf`: a contact sheet checked as a reader sees it, through
 * poppler (pdfinfo for the pages, pdftotext for every word of every caption, pdftoppm to
 * render the pages and find nothing drawn in the margins). */

#define ARMENIAN_CAPTION "Հայաստանի արտաքին գործերի նախարար Արարատ Միրզոյանը և ԱՄՆ " \
  "պետքարտուղար Էնթոնի Բլինքենը հանդիպում են Վաշինգտոնում՝ քննարկելու տարածաշրջանի " \
  "անվտանգությունը, հաղորդակցությունների ապաշրջափակումը և խաղաղության պայմանագիրը։"
#define LONG_CAPTION "From left, Iranian Foreign Minister Hossein Amir-Abdollahian, Turkish " \
  "Foreign Minister Hakan Fidan, Russian Foreign Minister Sergei Lavrov, Azerbaijani Foreign " \
  "Minister Jeyhun Bayramov and Armenian Foreign Minister Ararat Mirzoyan pose for a picture " \
  "before the 3+3 regional platform meeting in Tehran, Iran, October 23, 2023, after talks " \
  "that went on late into the night about transport links across the South Caucasus. " \
  "(Reuters photo)"

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* Every word of text appears in what pdftotext reads, in order. */
static void
assert_words_in_order (const char *haystack,
                       const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  const char *at = haystack;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found = strstr (at, words[i]);

      if (found == NULL)
        g_error ("“%s” is missing from the sheet (after “%.40s”)", words[i], at);
      at = found + strlen (words[i]);
    }
}

/* A page rendered at 72 dpi: white in the 36 pt margins all round, something drawn inside.
 * Rendered as PPM (a header, then RGB bytes), read here without an image library. */
static void
assert_page_inside_margins (const char *pdf,
                            const char *dir,
                            guint       page)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *ppm = g_strdup_printf ("%s.ppm", prefix);
  const char *argv[] = { "pdftoppm", "-r", "72", "-f", number, "-l", number, "-singlefile",
                         pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GBytes) bytes = read_bytes (ppm);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int width = 0, height = 0, maxval = 0, header = 0;
  guint inked = 0;
  const int margin = 30;   /* a little inside the 36 pt margin: anti-aliasing */

  g_assert_cmpint (sscanf ((const char *) data, "P6 %d %d %d%n", &width, &height, &maxval,
                           &header), ==, 3);
  header++;   /* the one whitespace after maxval */
  g_assert_cmpint (maxval, ==, 255);
  g_assert_cmpuint (size, >=, (gsize) header + (gsize) width * height * 3);
  /* A4: 595 x 842 points. */
  g_assert_cmpint (ABS (width - 595), <=, 1);
  g_assert_cmpint (ABS (height - 842), <=, 1);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = data + header + ((gsize) y * width + x) * 3;
        gboolean white = p[0] > 245 && p[1] > 245 && p[2] > 245;
        gboolean in_margin = x < margin || y < margin || x >= width - margin ||
                             y >= height - margin;

        if (in_margin && !white)
          g_error ("page %u: ink in the margin at %d,%d", page, x, y);
        inked += !white;
      }
  g_assert_cmpuint (inked, >, 1000);
}

static void
test_pdf_sheet (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *pdf = g_build_filename (out, "sheet.pdf", NULL);
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(CliRun) export = NULL;
  const char *armenian[] = { "--caption", ARMENIAN_CAPTION, NULL };
  const char *english[] = { "--caption", LONG_CAPTION, NULL };

  g_assert_cmpint (g_mkdir_with_parents (photos, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  a = make_jpeg (photos, "a-yerevan.jpg", 640, 480);
  b = make_jpeg (photos, "b-tehran.jpg", 480, 640);
  c = make_jpeg (photos, "c-no-caption.jpg", 320, 240);
  {
    g_autoptr(CliRun) set_a = cli_run_command ("set", a, armenian);
    g_autoptr(CliRun) set_b = cli_run_command ("set", b, english);
    cli_assert_exit (set_a, 0);
    cli_assert_exit (set_b, 0);
  }
  sum = file_checksum (a);

  export = cli_run ("export", "--format", "pdf", "--per-page", "2", "--output", pdf, photos,
                    NULL);
  cli_assert_exit (export, 0);
  g_assert_cmpstr (export->err, ==, "");

  /* Three photos, two a page. */
  g_assert_cmpuint (count_pages (pdf), >=, 2);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    text = run_tool (argv);
  }
  g_strdelimit (text, "\n\f", ' ');
  g_assert_nonnull (strstr (text, "a-yerevan.jpg"));
  g_assert_nonnull (strstr (text, "b-tehran.jpg"));
  g_assert_nonnull (strstr (text, "c-no-caption.jpg"));
  assert_words_in_order (text, ARMENIAN_CAPTION);
  assert_words_in_order (text, LONG_CAPTION);

  for (guint page = 1; page <= count_pages (pdf); page++)
    assert_page_inside_margins (pdf, dir, page);

  /* The photos are read, never written. */
  {
    g_autofree char *after = file_checksum (a);
    g_assert_cmpstr (after, ==, sum);
  }
}

static void
test_pdf_options (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "photo.jpg", 320, 240);
  g_autoptr(CliRun) bad_layout = cli_run ("export", "--format", "pdf", "--per-page", "5",
                                          photo, NULL);
  g_autoptr(CliRun) bad_paper = cli_run ("export", "--format", "pdf", "--paper", "a3", photo,
                                         NULL);
  g_autoptr(CliRun) to_stdout = cli_run ("export", "--format", "pdf", "--paper", "letter",
                                         "--per-page", "20", "--output", "-", photo, NULL);
  g_autofree char *listing = list_dir (dir);

  cli_assert_exit (bad_layout, 2);
  g_assert_nonnull (strstr (bad_layout->err, "--per-page"));
  cli_assert_exit (bad_paper, 2);
  g_assert_nonnull (strstr (bad_paper->err, "a3"));
  cli_assert_exit (to_stdout, 0);
  g_assert_true (g_str_has_prefix (to_stdout->out, "%PDF-"));
  /* Nothing written beside the photo for standard output or a refused run. */
  g_assert_cmpstr (listing, ==, "photo.jpg");
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/export-pdf/sheet", test_pdf_sheet);
  g_test_add_func ("/captioner/cli/export-pdf/options", test_pdf_options);

  return g_test_run ();
}
