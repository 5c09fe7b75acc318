#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "test-export-util.h"

/* `captioner-cli export` against an output folder and photos set up to make it misbehave:
 * symbolic links where outputs go, file names that are not UTF-8, cells a spreadsheet would
 * run as formulas. */

typedef struct
{
  char *dir;
  char *photos;
  char *out;
  char *outside;  /* a folder next to the output; nothing may be written there */
  char *a;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *err = NULL;

  f->dir = export_test_make_dir ();
  f->photos = g_build_filename (f->dir, "photos", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  f->outside = g_build_filename (f->dir, "outside", NULL);
  g_assert_cmpint (g_mkdir (f->photos, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (f->out, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (f->outside, 0755), ==, 0);
  f->a = export_test_make_jpeg (f->photos, "a.jpg");
  g_assert_cmpint (export_test_cli (NULL, &err, "set", f->a, "--caption", "A caption.",
                                    "--credit", "Reuters", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  export_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->photos);
  g_free (f->out);
  g_free (f->outside);
  g_free (f->a);
}

static char **
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static const struct
{
  const char *format;
  const char *output;   /* what the export would write in out/ */
} formats[] = {
  { "jpeg", "a.jpg" },
  { "csv", "captions.csv" },
  { "txt", "a.txt" },
  { "xmp", "a.jpg.xmp" },
};

/* A symbolic link where an output goes, pointing out of the folder (to a file, or dangling):
 * export refuses it, with or without --overwrite, and writes nothing outside. */
static void
test_symlink_outputs (Fixture       *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint dangling = 0; dangling < 2; dangling++)
      for (guint overwrite = 0; overwrite < 2; overwrite++)
        {
          g_autofree char *link = g_build_filename (f->out, formats[i].output, NULL);
          g_autofree char *target = g_build_filename (f->outside, "target", NULL);
          g_autofree char *err = NULL;
          g_autofree char *after = NULL;
          g_auto(GStrv) outside = NULL;
          g_auto(GStrv) out = NULL;
          int status;

          g_test_message ("%s, %s link, %s", formats[i].format, dangling ? "dangling" : "a",
                          overwrite ? "--overwrite" : "no --overwrite");
          g_unlink (target);
          if (!dangling)
            g_assert_true (g_file_set_contents (target, "untouched\n", -1, NULL));
          g_assert_cmpint (symlink (target, link), ==, 0);

          if (overwrite)
            status = export_test_cli (NULL, &err, "export", "--format", formats[i].format,
                                      "--output", f->out, "--overwrite", f->a, NULL);
          else
            status = export_test_cli (NULL, &err, "export", "--format", formats[i].format,
                                      "--output", f->out, f->a, NULL);
          g_assert_cmpint (status, ==, 1);
          g_assert_nonnull (strstr (err, link));
          g_assert_nonnull (strstr (err, "symbolic link"));

          /* Outside: the target as it was, or still nothing at all. */
          outside = list_folder (f->outside);
          if (dangling)
            g_assert_cmpuint (g_strv_length (outside), ==, 0);
          else
            {
              g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
              g_assert_cmpstr (after, ==, "untouched\n");
            }
          /* Inside: the link, and no temporary file. */
          out = list_folder (f->out);
          g_assert_cmpuint (g_strv_length (out), ==, 1);
          g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
          g_unlink (link);
        }
}

/* --overwrite replaces an output with a new file (renamed over it), never rewriting the old
 * one in place: a hard link to the old file keeps the old bytes. */
static void
test_overwrite_is_atomic (Fixture       *f,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_build_filename (f->out, formats[i].output, NULL);
      g_autofree char *hard = g_build_filename (f->outside, "hard-link", NULL);
      g_autofree char *err = NULL;
      g_autofree char *kept = NULL;
      g_auto(GStrv) out = NULL;

      g_assert_true (g_file_set_contents (output, "old output\n", -1, NULL));
      g_assert_cmpint (link (output, hard), ==, 0);
      g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", formats[i].format,
                                        "--output", f->out, "--overwrite", f->a, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (hard, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "old output\n");
      out = list_folder (f->out);
      g_assert_cmpuint (g_strv_length (out), ==, 1);
      g_unlink (hard);
      g_unlink (output);
    }
}

static const char python_csv_cells[] =
  "import csv, sys\n"
  "data = open(sys.argv[1], 'rb').read()\n"
  "data.decode('utf-8')  # strict: raises on a byte that is not UTF-8\n"
  "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
  "header = rows[0]\n"
  "for row in rows[1:]:\n"
  "    cells = dict(zip(header, row))\n"
  "    print('\\t'.join(repr(cells[k]) for k in ('file', 'caption', 'headline', 'byline', 'city')))\n";

/* A file name in Latin-1 (not UTF-8) is exported as valid UTF-8; cells that a spreadsheet
 * would run as a formula after spaces or a line feed, or with a fullwidth ＝, are quoted with
 * a leading single quote, the text otherwise kept. */
static void
test_csv_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *latin = g_build_filename (f->photos, "caf\xe9.jpg", NULL);
  g_autofree char *csv = g_build_filename (f->out, "captions.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *rows = NULL;
  gsize length;

  g_assert_cmpint (g_rename (f->a, latin), ==, 0);
  g_assert_cmpint (export_test_cli (NULL, &err, "set", latin, "--caption", " =1+1",
                                    "--headline", "\n=HYPERLINK(\"http://x\")",
                                    "--byline", "\xef\xbc\x9d" "2*3", "--city", "\xe3\x80\x80+A1",
                                    NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_test_cli (NULL, &err, "export", "--format", "csv", "--output", csv,
                                    f->photos, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_true (g_utf8_validate (contents, length, NULL));
  rows = export_test_python (python_csv_cells, csv, NULL);
  g_assert_cmpstr (rows, ==,
                   "'caf\xef\xbf\xbd.jpg'\t\"' =1+1\"\t'\\'\\n=HYPERLINK(\"http://x\")'\t"
                   "\"'\xef\xbc\x9d" "2*3\"\t\"'\\u3000+A1\"\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/export/hostile/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("symlink-outputs", test_symlink_outputs);
  ADD ("overwrite-is-atomic", test_overwrite_is_atomic);
  ADD ("csv", test_csv_hostile);
#undef ADD
  return g_test_run ();
}
