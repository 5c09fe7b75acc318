#define G_LOG_DOMAIN "test-cli-styles"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

/* House styles as a script sees them: `styles`, `compose --style` read back by exiftool, a bad
 * id; and `check --skip` and the not-tagged check with the people directory. */

static void
isolate_user_data (void)
{
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
}

static char *
meeting (const char *dir,
         const char *name)
{
  char *photo = make_jpeg (dir, name, 640, 480);
  g_autofree char *a = person_arg ("Sergei Lavrov", 0.1, 0.3, 0.15, 0.2);
  g_autofree char *b = person_arg ("Hakan Fidan", 0.4, 0.3, 0.15, 0.2);
  g_autofree char *c = person_arg ("Ararat Mirzoyan", 0.7, 0.3, 0.15, 0.2);
  g_autoptr(CliRun) run = cli_run ("set", photo, "--person", a, "--person", b, "--person", c,
                                   "--caption-body", "meet in Antalya.", "--credit", "AP",
                                   "--byline", "Jane Doe", NULL);

  cli_assert_exit (run, 0);
  return photo;
}

static void
test_styles_list (void)
{
  g_autoptr(CliRun) run = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "captioner", "styles",
                                              NULL);
  g_autofree char *file = g_build_filename (folder, "desk.captioner-style", NULL);
  static const char *style =
    "[Style]\nName=Desk\nLanguage=en\nFromLeft=Left to right:\nSeparator=\\s;\\s\n"
    "Conjunction=&\nSerialComma=false\nFrontRow=front row\nMiddleRow=middle row\n"
    "BackRow=back row\nRowFromLeft=from left\nLeft=left\nRight=right\nCentre=centre\n"
    "SecondFromLeft=second from left\nSecondFromRight=second from right\nCredit=prefix\n"
    "CreditFormat=Photo: %s\n";

  isolate_user_data ();
  run = cli_run ("styles", NULL);
  cli_assert_exit (run, 0);
  g_assert_cmpstr (run->out, ==,
                   "hy\tArmenian\thy\tՁախից աջ՝ A, B և C pose. (Լուսանկարը՝ Reuters)\n"
                   "ap\tAssociated Press\ten\tFrom left, A, B and C pose. (Reuters Photo/Jane Doe)\n"
                   "default\tDefault\ten\tFrom left, A, B and C pose. (Reuters photo)\n"
                   "reuters\tReuters\ten\tFrom left, A, B and C pose. REUTERS/Jane Doe\n"
                   "serial-comma\tSerial comma\ten\tFrom left, A, B, and C pose. (Reuters photo)\n"
                   "l-r-parens\t“(L-R)” after the names\ten\tA, B and C (L-R) pose. (Reuters photo)\n"
                   "from-left-colon\t“From left:”\ten\tFrom left: A, B and C pose. (Reuters photo)\n"
                   "l-r\t“L-R:”\ten\tL-R: A, B and C pose. (Reuters photo)\n");
  g_assert_cmpstr (run->err, ==, "");

  /* The user's own named style is listed, and composes. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, style, -1, NULL));
  {
    g_autoptr(CliRun) again = cli_run ("styles", NULL);

    cli_assert_exit (again, 0);
    g_assert_nonnull (strstr (again->out,
                              "desk\tDesk\ten\tLeft to right: A ; B & C pose. Photo: Reuters\n"));
  }
  g_assert_cmpint (g_unlink (file), ==, 0);
}

static void
test_compose_style (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;

  isolate_user_data ();
  photo = meeting (dir, "meeting.jpg");
  sidecar = g_strconcat (photo, ".xmp", NULL);
  {
    g_autoptr(CliRun) run = cli_run ("compose", "--style", "ap", photo, NULL);
    g_autoptr(JsonFlat) xmp = exiftool_read (sidecar);
    static const char *caption = "From left, Sergei Lavrov, Hakan Fidan and Ararat Mirzoyan "
                                 "meet in Antalya. (AP Photo/Jane Doe)";
    g_autofree char *line = g_strconcat (caption, "\n", NULL);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, line);
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==, caption);
  }
  /* The style stays with the photo: a later compose without --style keeps it. */
  {
    g_autoptr(CliRun) run = cli_run ("compose", photo, NULL);

    cli_assert_exit (run, 0);
    g_assert_true (g_str_has_suffix (run->out, "(AP Photo/Jane Doe)\n"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("compose", "--style", "hy", photo, NULL);
    g_autoptr(JsonFlat) xmp = exiftool_read (sidecar);
    static const char *caption = "Ձախից աջ՝ Sergei Lavrov, Hakan Fidan և Ararat Mirzoyan "
                                 "meet in Antalya. (Լուսանկարը՝ AP)";

    cli_assert_exit (run, 0);
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==, caption);
  }
  {
    g_autofree char *before = file_checksum (sidecar);
    g_autoptr(CliRun) run = cli_run ("compose", "--style", "reuterz", photo, NULL);
    g_autofree char *after = file_checksum (sidecar);

    cli_assert_exit (run, 2);
    g_assert_cmpstr (run->out, ==, "");
    g_assert_nonnull (strstr (run->err, "“reuterz”"));
    g_assert_nonnull (strstr (run->err, "reuters"));
    g_assert_nonnull (strstr (run->err, "l-r-parens"));
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_check_skip_and_not_tagged (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = NULL;
  g_autofree char *expected = NULL;

  isolate_user_data ();
  photo = meeting (dir, "meeting.jpg");
  {
    g_autoptr(CliRun) add = cli_run ("people", "add", "Jeyhun Bayramov", NULL);
    g_autoptr(CliRun) add2 = cli_run ("people", "add", "Hakan Fidan", NULL);
    g_autoptr(CliRun) quiet = cli_run ("check", "--no-spelling", photo, NULL);

    cli_assert_exit (add, 0);
    cli_assert_exit (add2, 0);
    cli_assert_exit (quiet, 0);
    g_assert_cmpstr (quiet->out, ==, "");
  }
  {
    g_autoptr(CliRun) set = cli_run ("set", photo, "--caption",
                                     "Sergei Lavrov, Hakan Fidan and Ararat Mirzoyan meet "
                                     "Jeyhun Bayramov.", "--credit", "", NULL);
    g_autoptr(CliRun) run = cli_run ("check", "--no-spelling", photo, NULL);

    cli_assert_exit (set, 0);
    cli_assert_exit (run, 1);
    expected = g_strdup_printf ("%s: Jeyhun Bayramov is named in the caption but not tagged\n"
                                "%s: No credit\n", photo, photo);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", "--no-spelling", "--skip", "not-tagged",
                                     "--skip", "no-credit", photo, NULL);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", "--skip", "no-such-check", photo, NULL);

    cli_assert_exit (run, 2);
    g_assert_nonnull (strstr (run->err, "“no-such-check”"));
    g_assert_nonnull (strstr (run->err, "not-tagged"));
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/styles/list", test_styles_list);
  g_test_add_func ("/captioner/cli/styles/compose-style", test_compose_style);
  g_test_add_func ("/captioner/cli/styles/check-skip-not-tagged", test_check_skip_and_not_tagged);
  return g_test_run ();
}
