#define G_LOG_DOMAIN "test-cli-people"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

/* `captioner-cli people` and `templates` as a desk script uses them: the names typed before
 * (people.txt of earlier versions) still there, people added with titles and codes,
 * spreadsheets imported and exported, a desk's shared files included but never written. */

/* GLib isolates this test's own folders but points the environment at /dev/null: the CLI is
 * given the same isolated folders. */
static char *
user_file (const char *name)
{
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  return g_build_filename (g_get_user_data_dir (), "captioner", name, NULL);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_old_people_file (void)
{
  g_autofree char *path = user_file ("people.txt");
  g_autoptr(CliRun) run = NULL;

  write_text (path, "Ararat Mirzoyan\nJeyhun Bayramov\n\nSergei Lavrov\nԱրարատ Միրզոյան\n");
  run = cli_run ("people", "list", NULL);
  cli_assert_exit (run, 0);
  g_assert_cmpstr (run->out, ==,
                   "Ararat Mirzoyan\nJeyhun Bayramov\nSergei Lavrov\nԱրարատ Միրզոյան\n");
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_add_and_search (void)
{
  g_autofree char *path = user_file ("people.txt");
  g_autoptr(CliRun) add = NULL;
  g_autoptr(CliRun) update = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) found = NULL;
  g_autoptr(CliRun) by_code = NULL;
  g_autoptr(CliRun) armenian = NULL;
  g_autofree char *text = NULL;

  write_text (path, "Hakan Fidan\n");
  add = cli_run ("people", "add", "Sergei Lavrov", "--title", "Russian Foreign Minister",
                 "--alias", "Sergey Lavrov", "--code", "lav",
                 "--id", "http://www.wikidata.org/entity/Q182575",
                 "--name", "hy=Սերգեյ Լավրով", NULL);
  cli_assert_exit (add, 0);
  g_assert_cmpstr (add->err, ==, "");
  /* Adding again changes what is given and keeps the rest. */
  update = cli_run ("people", "add", "Sergei Lavrov", "--short", "Lavrov", NULL);
  cli_assert_exit (update, 0);

  list = cli_run ("people", "list", NULL);
  cli_assert_exit (list, 0);
  g_assert_cmpstr (list->out, ==, "Hakan Fidan\nRussian Foreign Minister Sergei Lavrov\tlav\n");

  text = read_text (path);
  g_assert_nonnull (strstr (text, "\nHakan Fidan\nSergei Lavrov\tRussian Foreign Minister\t"
                                  "Lavrov\tSergey Lavrov\tlav\t"
                                  "http://www.wikidata.org/entity/Q182575\thy=Սերգեյ Լավրով\n"));

  found = cli_run ("people", "list", "--search", "SERGEY", NULL);
  cli_assert_exit (found, 0);
  g_assert_cmpstr (found->out, ==, "Russian Foreign Minister Sergei Lavrov\tlav\n");
  by_code = cli_run ("people", "list", "--search", "lav", NULL);
  g_assert_cmpstr (by_code->out, ==, "Russian Foreign Minister Sergei Lavrov\tlav\n");
  armenian = cli_run ("people", "list", "--search", "լավրով", NULL);
  g_assert_cmpstr (armenian->out, ==, "Russian Foreign Minister Sergei Lavrov\tlav\n");
}

static const char sheet[] =
  "name,title,code\r\n"
  "\"Dwayne \"\"The Rock\"\" Johnson\",\"Actor, wrestler\",rock\r\n"
  "Sergei Lavrov,\"Russian Foreign\nMinister\",lav\r\n"
  "Ararat Mirzoyan,Armenian Foreign Minister,\r\n";

static const char exported[] =
  "name,title,short,aliases,code,identifiers\r\n"
  "Ararat Mirzoyan,Armenian Foreign Minister,,,,\r\n"
  "\"Dwayne \"\"The Rock\"\" Johnson\",\"Actor, wrestler\",,,rock,\r\n"
  "Hakan Fidan,,,,,\r\n"
  "Sergei Lavrov,Russian Foreign Minister,,,lav,\r\n";

static void
test_import_export (void)
{
  g_autofree char *path = user_file ("people.txt");
  g_autofree char *dir = test_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *message = NULL;
  g_autofree char *written = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) export = NULL;
  g_autoptr(CliRun) to_file = NULL;
  g_autoptr(CliRun) exists = NULL;
  g_autoptr(CliRun) overwrite = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) list = NULL;

  write_text (path, "Hakan Fidan\n");
  write_text (csv, sheet);
  import = cli_run ("people", "import", csv, NULL);
  cli_assert_exit (import, 0);
  message = g_strdup_printf ("3 people imported into %s\n", path);
  g_assert_cmpstr (import->out, ==, message);

  export = cli_run ("people", "export", NULL);
  cli_assert_exit (export, 0);
  g_assert_cmpstr (export->out, ==, exported);

  to_file = cli_run ("people", "export", "--output", out, NULL);
  cli_assert_exit (to_file, 0);
  written = read_text (out);
  g_assert_cmpstr (written, ==, exported);
  exists = cli_run ("people", "export", "--output", out, NULL);
  cli_assert_one_error (exists, "out.csv");
  overwrite = cli_run ("people", "export", "--output", out, "--overwrite", NULL);
  cli_assert_exit (overwrite, 0);

  /* What went out comes back the same. */
  again = cli_run ("people", "import", out, NULL);
  cli_assert_exit (again, 0);
  list = cli_run ("people", "list", NULL);
  g_assert_cmpstr (list->out, ==,
                   "Armenian Foreign Minister Ararat Mirzoyan\n"
                   "Actor, wrestler Dwayne \"The Rock\" Johnson\trock\n"
                   "Hakan Fidan\n"
                   "Russian Foreign Minister Sergei Lavrov\tlav\n");
}

static void
test_bad_input (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "broken.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *people = user_file ("people.txt");
  g_autoptr(CliRun) broken = NULL;
  g_autoptr(CliRun) absent = NULL;
  g_autoptr(CliRun) no_action = NULL;
  g_autoptr(CliRun) no_name = NULL;
  g_autoptr(CliRun) bad_name = NULL;
  g_autoptr(CliRun) bad_file = NULL;

  write_text (csv, "name,title\nSergei Lavrov,\"Russian\n");
  broken = cli_run ("people", "import", csv, NULL);
  cli_assert_one_error (broken, "broken.csv");
  g_assert_nonnull (strstr (broken->err, "a quoted cell is not closed"));
  g_assert_false (g_file_test (people, G_FILE_TEST_EXISTS));

  absent = cli_run ("people", "import", missing, NULL);
  cli_assert_one_error (absent, "missing.csv");

  no_action = cli_run ("people", NULL);
  cli_assert_exit (no_action, 2);
  no_name = cli_run ("people", "add", NULL);
  cli_assert_exit (no_name, 2);
  bad_name = cli_run ("people", "add", "Sergei Lavrov", "--name", "Լավրով", NULL);
  cli_assert_exit (bad_name, 2);
  g_assert_nonnull (strstr (bad_name->err, "LANG=TEXT"));

  /* A people file that is not text: named, and not replaced. */
  write_text (people, "Sergei \xFF Lavrov\n");
  bad_file = cli_run ("people", "add", "Hakan Fidan", NULL);
  cli_assert_one_error (bad_file, "people.txt");
}

static void
test_desk (void)
{
  g_autofree char *dir = test_dir_new ();
  g_autofree char *desk_people = g_build_filename (dir, "people.txt", NULL);
  g_autofree char *desk_template = g_build_filename (dir, "templates", "pool.captioner-template",
                                                     NULL);
  g_autofree char *user_template = user_file ("templates/mine.captioner-template");
  g_autofree char *broken = g_build_filename (dir, "templates", "broken.captioner-template",
                                              NULL);
  g_autofree char *expected = NULL;
  g_autofree char *desk_text = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) add = NULL;
  g_autoptr(CliRun) templates = NULL;
  g_autoptr(CliRun) with_broken = NULL;

  write_text (desk_people, "Hakan Fidan\tTurkish Foreign Minister\t\t\tfid\n");
  list = cli_run ("people", "list", "--desk", dir, NULL);
  cli_assert_exit (list, 0);
  g_assert_cmpstr (list->out, ==, "Turkish Foreign Minister Hakan Fidan\tfid\n");
  /* An edit goes to the user's own file. */
  add = cli_run ("people", "add", "Hakan Fidan", "--code", "hf", NULL);
  cli_assert_exit (add, 0);
  desk_text = read_text (desk_people);
  g_assert_cmpstr (desk_text, ==, "Hakan Fidan\tTurkish Foreign Minister\t\t\tfid\n");

  write_text (desk_template, "[Template]\nName=Pool\n[credit]\nValue=Pool\n");
  write_text (user_template, "[Template]\nName=Mine\n[credit]\nValue=Reuters\n");
  templates = cli_run ("templates", "list", "--desk", dir, NULL);
  cli_assert_exit (templates, 0);
  expected = g_strdup_printf ("Mine\t%s\nPool\t%s\n", user_template, desk_template);
  g_assert_cmpstr (templates->out, ==, expected);

  write_text (broken, "no template here");
  with_broken = cli_run ("templates", "list", "--desk", dir, NULL);
  cli_assert_one_error (with_broken, "broken.captioner-template");
  g_assert_cmpstr (with_broken->out, ==, expected);
}

/* Codes expand in every text option, a person's code to their display form; an unknown code
 * stays as typed and is told; a template fills its fields first and the options given win. */
static void
test_set_codes_and_template (void)
{
  g_autofree char *people = user_file ("people.txt");
  g_autofree char *codes = user_file ("replacements/desk.txt");
  g_autofree char *template = user_file ("templates/summit.captioner-template");
  g_autofree char *dir = test_dir_new ();
  g_autofree char *photo = make_jpeg (dir, "summit.jpg", 600, 400);
  g_autofree char *second = make_jpeg (dir, "second.jpg", 600, 400);
  g_autofree char *sidecar = g_strconcat (photo, ".xmp", NULL);
  g_autofree char *second_sidecar = g_strconcat (second, ".xmp", NULL);
  g_autofree char *lav = person_arg ("=lav=", 0.6, 0.2, 0.2, 0.4);
  g_autofree char *fid = person_arg ("=fid#2=", 0.1, 0.2, 0.2, 0.4);
  g_autofree char *before = NULL;
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) only_empty = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(JsonFlat) xmp = NULL;
  g_autoptr(JsonFlat) second_xmp = NULL;

  write_text (people, "#columns\tname\ttitle\tshort\taliases\tcode\n"
                      "Sergei Lavrov\tRussian Foreign Minister\tLavrov\t\tlav\n");
  write_text (codes, "// the desk's codes\n"
                     "fid\tTurkish Foreign Minister Hakan Fidan\tHakan Fidan\n"
                     "teh\tTehran\n");
  write_text (template, "[Template]\nName=Summit pool\n"
                        "[credit]\nValue=Reuters\nApply=true\n"
                        "[city]\nValue=Tehran\nApply=true\n"
                        "[event]\nValue=Summit\nApply=true\n"
                        "[body]\nValue=pose for a photo in {city}.\nApply=true\n");

  set = cli_run ("set", photo, "--template", "summit pool", "--person", lav, "--person", fid,
                 "--event", "=xyz= summit in =teh=", NULL);
  cli_assert_exit (set, 0);
  g_assert_cmpstr (set->err, ==, "captioner-cli set: --event: no code =xyz=; it stays as typed\n");
  xmp = exiftool_read (sidecar);
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-dc:Description"), ==,
                   "From left, Hakan Fidan and Russian Foreign Minister Sergei Lavrov pose for a "
                   "photo in Tehran. (Reuters photo)");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-photoshop:City"), ==, "Tehran");
  g_assert_cmpstr (json_flat_str (xmp, "[0].XMP-iptcExt:Event"), ==, "=xyz= summit in Tehran");

  /* Only the empty fields: the event given before stays, the credit is filled. */
  exiftool_write (second, "-XMP-iptcExt:Event=Press conference", "-o", second_sidecar, NULL);
  before = file_checksum (second);
  only_empty = cli_run ("set", second, "--template", "Summit pool", "--only-empty", NULL);
  cli_assert_exit (only_empty, 0);
  second_xmp = exiftool_read (second_sidecar);
  g_assert_cmpstr (json_flat_str (second_xmp, "[0].XMP-iptcExt:Event"), ==, "Press conference");
  g_assert_cmpstr (json_flat_str (second_xmp, "[0].XMP-photoshop:Credit"), ==, "Reuters");
  {
    g_autofree char *after = file_checksum (second);

    g_assert_cmpstr (after, ==, before);
  }

  missing = cli_run ("set", photo, "--template", "Wire", NULL);
  cli_assert_exit (missing, 2);
  g_assert_nonnull (strstr (missing->err, "no template called “Wire”"));

  /* A desk that types ";teh;" (its window's delimiter): the same codes, another character. */
  {
    g_autoptr(CliRun) semicolon = cli_run ("set", photo, "--code-delimiter", ";",
                                           "--city", ";teh;", NULL);
    g_autoptr(CliRun) letter = cli_run ("set", photo, "--code-delimiter", "t", "--city", "x",
                                        NULL);
    g_autoptr(JsonFlat) read = NULL;

    cli_assert_exit (semicolon, 0);
    read = exiftool_read (sidecar);
    g_assert_cmpstr (json_flat_str (read, "[0].XMP-photoshop:City"), ==, "Tehran");
    cli_assert_exit (letter, 2);
    g_assert_nonnull (strstr (letter->err, "--code-delimiter needs one character"));
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/captioner/cli/people/old-people-file", test_old_people_file);
  g_test_add_func ("/captioner/cli/people/add-and-search", test_add_and_search);
  g_test_add_func ("/captioner/cli/people/import-export", test_import_export);
  g_test_add_func ("/captioner/cli/people/bad-input", test_bad_input);
  g_test_add_func ("/captioner/cli/people/desk", test_desk);
  g_test_add_func ("/captioner/cli/people/set-codes-and-template", test_set_codes_and_template);
  return g_test_run ();
}
