#define G_LOG_DOMAIN "test-cli-check"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* captioner-cli check: one line per finding naming the file, its exit status; and
 * set --row as exiftool and compose read it. */

static char *
person (const char *name,
        double      x)
{
  return person_arg (name, x, 0.3, 0.15, 0.2);
}

/* GLib points the environment at /dev/null: the CLI is given this test's own folders. */
static void
isolate_user_data (void)
{
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
}

static void
set_ok (const char         *photo,
        const char * const *args)
{
  g_autoptr(CliRun) run = cli_run_command ("set", photo, args);

  cli_assert_exit (run, 0);
}

static void
test_check_lines_and_status (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *good = make_jpeg (dir, "good.jpg", 640, 480);
  g_autofree char *bad = make_jpeg (dir, "bad.jpg", 640, 480);
  g_autofree char *lavrov = person ("Sergei Lavrov", 0.1);
  g_autofree char *fidan = person ("Hakan Fidan", 0.6);
  g_autofree char *expected = NULL;
  const char *good_args[] = { "--person", lavrov, "--person", fidan, "--caption-body",
                              "meet in Antalya.", "--credit", "Reuters", "--city", "Antalya",
                              NULL };
  const char *bad_args[] = { "--person", lavrov, "--person", fidan, "--caption",
                             "Sergei Lavrov arrives =ant=.", NULL };

  isolate_user_data ();
  set_ok (good, good_args);
  set_ok (bad, bad_args);

  {
    g_autoptr(CliRun) run = cli_run ("check", good, NULL);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "");
    g_assert_cmpstr (run->err, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", dir, NULL);

    cli_assert_exit (run, 1);
    expected = g_strdup_printf ("%s: Hakan Fidan is tagged but not named in the caption\n"
                                "%s: Caption: the code “=ant=” is not expanded\n"
                                "%s: No credit\n", bad, bad, bad);
    g_assert_cmpstr (run->out, ==, expected);
    g_assert_cmpstr (run->err, ==, "");
  }
  /* The short form the people directory knows counts as naming him. */
  {
    g_autoptr(CliRun) add = cli_run ("people", "add", "Hakan Fidan", "--short", "Fidan", NULL);
    g_autoptr(CliRun) set = cli_run ("set", bad, "--caption",
                                     "Sergei Lavrov greets Fidan. (Reuters photo)",
                                     "--credit", "Reuters", NULL);
    g_autoptr(CliRun) run = cli_run ("check", bad, NULL);

    cli_assert_exit (add, 0);
    cli_assert_exit (set, 0);
    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", NULL);

    cli_assert_exit (run, 2);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autofree char *missing = g_build_filename (dir, "missing.jpg", NULL);
    g_autoptr(CliRun) run = cli_run ("check", missing, NULL);

    cli_assert_one_error (run, "missing.jpg");
  }
}

/* Misspellings are findings too, in the caption's language; names are not. */
static void
test_check_spelling (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "summit.jpg", 640, 480);
  g_autofree char *lavrov = person ("Sergei Lavrov", 0.1);
  const char *args[] = { "--person", lavrov, "--caption-body", "arives in Tehran for the summitt.",
                         "--headline", "Lavrov in Tehran", "--credit", "Reuters", NULL };
  g_autofree char *expected = NULL;

  isolate_user_data ();
  set_ok (photo, args);
  {
    g_autoptr(CliRun) run = cli_run ("check", photo, NULL);

    cli_assert_exit (run, 1);
    expected = g_strdup_printf ("%s: Caption: “arives” may be misspelled (arrives?)\n"
                                "%s: Caption: “summitt” may be misspelled (summit?)\n",
                                photo, photo);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", "--no-spelling", photo, NULL);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) set = cli_run ("set", photo, "--caption-body",
                                     "Ռուսաստանի արտաքին գործերի նախարար Սերգեյ Լավրովը "
                                     "ժամանում է Թեհրան։", "--person", "Սերգեյ Լավրով@0.5,0.3,0.1,0.2",
                                     NULL);
    g_autoptr(CliRun) run = cli_run ("check", "--language", "hy", photo, NULL);

    cli_assert_exit (set, 0);
    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run ("check", "--language", "qx", photo, NULL);

    g_assert_cmpstr (run->err, ==, "captioner-cli check: No spelling dictionary for “qx” is "
                                   "installed\n");
  }
}

static void
test_set_row (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "line-up.jpg", 640, 480);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *a = person_arg ("A", 0.05, 0.25, 0.1, 0.1);
  g_autofree char *b = person_arg ("B", 0.23, 0.29, 0.1, 0.09);
  g_autofree char *c = person_arg ("C", 0.41, 0.165, 0.1, 0.11);
  g_autofree char *d = person_arg ("D", 0.59, 0.39, 0.1, 0.1);
  g_autofree char *e = person_arg ("E", 0.77, 0.45, 0.1, 0.1);
  const char *people[] = { "--person", a, "--person", b, "--person", c, "--person", d,
                           "--person", e, "--caption-body", "pose.", "--credit", "Reuters", NULL };
  const char *row[] = { "--row", "C=2", NULL };
  g_autofree char *before = NULL;

  isolate_user_data ();
  set_ok (photo, people);
  {
    g_autoptr(CliRun) run = cli_run ("compose", photo, NULL);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==, "From left, A, B, C, D and E pose. (Reuters photo)\n");
  }
  set_ok (photo, row);
  {
    g_autoptr(CliRun) run = cli_run ("compose", photo, NULL);
    g_autoptr(JsonFlat) xmp = exiftool_read (sidecar);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (run->out, ==,
                     "Front row, from left: A, B, D and E; back row: C. pose. (Reuters photo)\n");
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                     "Front row, from left: A, B, D and E; back row: C. pose. (Reuters photo)");
    g_assert_cmpint (json_flat_len (xmp, "[0].XMP-captioner:PersonRows"), ==, 1);
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-captioner:PersonRows[0].Name"), ==, "C");
    g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-captioner:PersonRows[0].Row"), ==, "2");
  }

  /* Nobody of that name: the photo is not written; a row that is no number: usage. */
  before = file_checksum (sidecar);
  {
    g_autoptr(CliRun) run = cli_run ("set", photo, "--row", "X=1", NULL);
    g_autofree char *after = file_checksum (sidecar);

    cli_assert_one_error (run, "“X”");
    g_assert_cmpstr (after, ==, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("set", photo, "--row", "C=back", NULL);
    g_autofree char *after = file_checksum (sidecar);

    cli_assert_exit (run, 2);
    g_assert_cmpstr (after, ==, before);
  }

  /* Back to the boxes. */
  {
    g_autoptr(CliRun) run = cli_run ("set", photo, "--row", "C=0", NULL);
    g_autoptr(CliRun) composed = cli_run ("compose", photo, NULL);
    g_autoptr(JsonFlat) xmp = exiftool_read (sidecar);

    cli_assert_exit (run, 0);
    g_assert_cmpstr (composed->out, ==, "From left, A, B, C, D and E pose. (Reuters photo)\n");
    g_assert_cmpint (json_flat_len (xmp, "[0].XMP-captioner:PersonRows"), ==, -1);
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/check/lines-and-status", test_check_lines_and_status);
  g_test_add_func ("/captioner/cli/check/spelling", test_check_spelling);
  g_test_add_func ("/captioner/cli/check/set-row", test_set_row);
  return g_test_run ();
}
