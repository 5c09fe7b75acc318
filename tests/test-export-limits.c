#define G_LOG_DOMAIN "test-export-limits"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

/* An exported copy keeps within the IIM limits (caption 2000 bytes, headline 256, credit 32,
 * keyword 64...), cut at a character boundary, in IIM only: its XMP has the whole text. The
 * export says which photo was cut. */
static void
test_export_iim_limits (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *photo = make_jpeg (dir, "long.jpg", 64, 48);
  g_autofree char *copy = g_build_filename (out, "long.jpg", NULL);
  g_autofree char *short_photo = make_jpeg (dir, "short.jpg", 64, 48);
  GString *caption = g_string_new (NULL);
  GString *credit = g_string_new (NULL);
  GString *keyword = g_string_new (NULL);
  const char *argv[] = { EXIFTOOL, "-j", "-G1", "-IPTC:all", "-XMP-dc:Description",
                         "-XMP-photoshop:Credit", "-XMP-dc:Subject", copy, NULL };
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) set_short = NULL;
  g_autoptr(CliRun) export = NULL;
  g_autoptr(CliRun) read = NULL;
  g_autoptr(JsonFlat) flat = NULL;
  const char *iim_caption, *iim_credit, *iim_keyword;

  /* Armenian letters are two bytes: 2000 falls inside one at the right offset. */
  g_string_append (caption, "A");
  while (caption->len < 2600)
    g_string_append (caption, "Երևան ");
  while (credit->len < 40)
    g_string_append (credit, "Ֆ");
  while (keyword->len < 80)
    g_string_append (keyword, "բ");
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  set = cli_run ("set", photo, "--caption", caption->str, "--credit", credit->str,
                 "--keyword", keyword->str, NULL);
  cli_assert_exit (set, 0);
  set_short = cli_run ("set", short_photo, "--caption", "A short caption.", NULL);
  cli_assert_exit (set_short, 0);
  export = cli_run ("export", "--format", "jpeg", "--output", out, photo, short_photo, NULL);
  cli_assert_exit (export, 0);
  g_assert_cmpuint (cli_run_count_err_lines (export), ==, 1);
  g_assert_nonnull (strstr (export->err, "long.jpg"));
  g_assert_null (strstr (export->err, "short.jpg"));
  g_assert_nonnull (strstr (export->err, "caption"));

  read = cli_run_argv (argv, NULL);
  cli_assert_exit (read, 0);
  flat = json_flat_parse (read->out);
  iim_caption = json_flat_str (flat, "[0].IPTC:Caption-Abstract");
  iim_credit = json_flat_str (flat, "[0].IPTC:Credit");
  iim_keyword = json_flat_str (flat, "[0].IPTC:Keywords");
  g_assert_nonnull (iim_caption);
  g_assert_cmpuint (strlen (iim_caption), <=, 2000);
  g_assert_cmpuint (strlen (iim_caption), >=, 1998);
  g_assert_true (g_utf8_validate (iim_caption, -1, NULL));
  g_assert_true (g_str_has_prefix (caption->str, iim_caption));
  g_assert_cmpuint (strlen (iim_credit), <=, 32);
  g_assert_true (g_str_has_prefix (credit->str, iim_credit));
  g_assert_cmpuint (strlen (iim_keyword), <=, 64);
  g_assert_true (g_str_has_prefix (keyword->str, iim_keyword));
  /* The XMP keeps it all. */
  g_assert_cmpstr (json_flat_str (flat, "[0].XMP-dc:Description"), ==, caption->str);
  g_assert_cmpstr (json_flat_str (flat, "[0].XMP-photoshop:Credit"), ==, credit->str);
  g_assert_cmpstr (json_flat_str (flat, "[0].XMP-dc:Subject"), ==, keyword->str);
  g_string_free (caption, TRUE);
  g_string_free (credit, TRUE);
  g_string_free (keyword, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/export/iim-limits", test_export_iim_limits);
  return g_test_run ();
}
