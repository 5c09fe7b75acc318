#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "captioner-error.h"
#include "captioner-photo.h"
#include "captioner-sidecar.h"
#include "captioner-xmp.h"
#include "test-util.h"

/* The sidecar writer's promises, one by one: what it refuses to write, what killed saves
 * left that it cleans up, the lock between Captioners, content (not mtime) as the judge of a
 * change on disk. */

typedef struct
{
  char  *dir;
  char  *path;      /* photo.jpg */
  char  *sidecar_path;
  GFile *photo;
  GFile *sidecar;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("captioner-safety-XXXXXX", &error);
  g_assert_no_error (error);
  gdk_pixbuf_fill (pixbuf, 0x993366ff);
  f->path = g_build_filename (f->dir, "photo.jpg", NULL);
  gdk_pixbuf_save (pixbuf, f->path, "jpeg", &error, NULL);
  g_assert_no_error (error);
  f->sidecar_path = g_strconcat (f->path, ".xmp", NULL);
  f->photo = g_file_new_for_path (f->path);
  f->sidecar = g_file_new_for_path (f->sidecar_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->photo);
  g_clear_object (&f->sidecar);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->sidecar_path);
}

static gboolean
save_field (CaptionerPhoto  *photo,
            CaptionerField   field,
            const char      *value,
            GError         **error)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_copy (captioner_photo_get_metadata (photo));

  captioner_metadata_set (md, field, value);
  return captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, error);
}

static void
save_headline (Fixture    *f,
               const char *headline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (f->photo, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (save_field (photo, CAPTIONER_FIELD_HEADLINE, headline, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
listing (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
make_old (const char *path)
{
  struct timespec times[2] = { { time (NULL) - 120, 0 }, { time (NULL) - 120, 0 } };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);
}

/* What Captioner writes it must be able to read back: a sidecar over 32 MB is not written
 * (a 17 MB caption is stored as the caption and as what Captioner composed: 34 MB). */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autofree char *huge = g_strnfill (17 * 1024 * 1024, 'c');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) oversized = NULL;

  save_headline (f, "small");
  before = read_text (f->sidecar_path);
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (save_field (photo, CAPTIONER_FIELD_CAPTION, huge, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, f->sidecar_path));
  g_test_message ("%s", error->message);
  after = read_text (f->sidecar_path);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* The sidecar API refuses it too. */
  oversized = g_bytes_new_take (g_strnfill (CAPTIONER_SIDECAR_MAX_SIZE + 1, ' '),
                                CAPTIONER_SIDECAR_MAX_SIZE + 1);
  {
    g_autoptr(GBytes) current = NULL;
    g_assert_true (captioner_sidecar_read (f->sidecar, &current, NULL, NULL));
    g_assert_false (captioner_sidecar_write (f->sidecar, current, oversized, NULL, &error));
    g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_TOO_LARGE);
  }
  g_clear_pointer (&after, g_free);
  after = read_text (f->sidecar_path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = listing (f->dir);
  g_assert_cmpstr (after, ==, "photo.jpg photo.jpg.xmp");
}

static char *
nested_sidecar (guint levels)
{
  GString *out = g_string_new ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                               "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                               "<rdf:Description rdf:about=\"\" "
                               "xmlns:t=\"http://example.com/t/\">");

  for (guint i = 0; i < levels; i++)
    g_string_append (out, "<t:a rdf:parseType=\"Resource\">");
  g_string_append (out, "<t:leaf>x</t:leaf>");
  for (guint i = 0; i < levels; i++)
    g_string_append (out, "</t:a>");
  g_string_append (out, "</rdf:Description></rdf:RDF></x:xmpmeta>\n");
  return g_string_free (out, FALSE);
}

/* exempi recurses on nesting (100,000 levels overflow its stack) and indents each level when
 * writing (10,000 levels, 360 KB, made a 100 MB sidecar it then refused): a sidecar nested over
 * CAPTIONER_XMP_MAX_DEPTH is refused when read, with a message; one just under it is read,
 * saved and read back, the other program's struct kept. */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  guint depths[] = { 10000, 100000 };
  g_autofree char *fine = nested_sidecar (CAPTIONER_XMP_MAX_DEPTH - 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerPhoto) again = NULL;
  g_autofree char *saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autofree char *deep = nested_sidecar (depths[i]);
      g_autoptr(CaptionerPhoto) refused = NULL;

      g_assert_true (g_file_set_contents (f->sidecar_path, deep, -1, NULL));
      refused = captioner_photo_load (f->photo, NULL, &error);
      g_assert_null (refused);
      g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR);
      g_assert_nonnull (strstr (error->message, "deep"));
      g_assert_true (g_str_has_prefix (error->message, f->sidecar_path));
      g_clear_error (&error);
    }

  g_assert_true (g_file_set_contents (f->sidecar_path, fine, -1, NULL));
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (save_field (photo, CAPTIONER_FIELD_HEADLINE, "Deep", &error));
  g_assert_no_error (error);
  saved = read_text (f->sidecar_path);
  g_assert_cmpuint (strlen (saved), <, 1024 * 1024);
  g_assert_nonnull (strstr (saved, "<t:leaf>x</t:leaf>"));
  again = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (again)->fields[CAPTIONER_FIELD_HEADLINE], ==,
                   "Deep");
}

/* exempi writes namespace URIs back unescaped: a sidecar declaring one with a quote and a line
 * in it (found by fuzz-sidecar) would be saved as broken XML, or with attributes of its own. It
 * is refused when read. */
static void
test_namespace_uri (Fixture       *f,
                    gconstpointer  data)
{
  static const char sidecar[] =
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
    "<rdf:Description rdf:about=\"\" xmlns:t='http://example.com/\"\n xmlns:evil=\"x'>"
    "<t:a>x</t:a></rdf:Description></rdf:RDF></x:xmpmeta>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;

  g_assert_true (g_file_set_contents (f->sidecar_path, sidecar, -1, NULL));
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_null (photo);
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR);
  g_assert_nonnull (strstr (error->message, "namespace"));
}

static int
dead_pid (void)
{
  GPid pid;
  int status;
  const char *argv[] = { "true", NULL };

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL));
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  return pid;
}

static void
put (Fixture    *f,
     const char *name,
     const char *text,
     gboolean    old)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  if (old)
    make_old (path);
}

/* What killed saves left: this sidecar's temporary file and lock (its process gone), another
 * sidecar's temporary file, GLib's .goutputstream-* holding XMP. The next save (the first in
 * the folder of this process) removes them; another program's .goutputstream (not XMP) and a
 * fresh one are left alone. */
static void
test_leftovers (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *boot = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *names = NULL;

  g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL);
  lock = g_strdup_printf ("Captioner is saving the sidecar beside this file.\nhost=%s\n"
                          "boot=%s\npid=%d\nstart=1\ntoken=left-by-a-killed-save\n",
                          g_get_host_name (), g_strstrip (boot), dead_pid ());
  put (f, ".photo.jpg.xmp.captioner-lock", lock, FALSE);
  put (f, ".photo.jpg.xmp.captioner-new", "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">half", FALSE);
  put (f, ".other.jpg.xmp.captioner-new-1234abcd", "", TRUE);
  put (f, ".goutputstream-AB12CD", "<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
       TRUE);
  put (f, ".goutputstream-EMPTY0", "", TRUE);
  put (f, ".goutputstream-NOTXMP", "a document being saved by another program", TRUE);
  put (f, ".goutputstream-FRESH0", "", FALSE);

  save_headline (f, "after");
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, ".goutputstream-FRESH0 .goutputstream-NOTXMP photo.jpg "
                              "photo.jpg.xmp");
}

/* A save killed between its two renames through GVfs leaves the old sidecar as
 * .NAME.captioner-old and no NAME: the next save puts it back, and then it is a change on
 * disk (a conflict), not a sidecar to create over. */
static void
test_old_sidecar_restored (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerPhoto) again = NULL;
  g_autofree char *old_path = g_build_filename (f->dir, ".photo.jpg.xmp.captioner-old", NULL);
  g_autofree char *names = NULL;

  save_headline (f, "restored");
  g_assert_cmpint (g_rename (f->sidecar_path, old_path), ==, 0);
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_HEADLINE]);

  g_assert_false (save_field (photo, CAPTIONER_FIELD_CREDIT, "AP", &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  g_clear_error (&error);
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "photo.jpg photo.jpg.xmp");
  again = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (again)->fields[CAPTIONER_FIELD_HEADLINE], ==,
                   "restored");
}

/* Another program rewrites the sidecar with as many bytes and puts its mtime back (as a
 * network share's whole-second mtime would hide it anyway): the save still sees the change. */
static void
test_change_with_mtime_restored (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  char *mark;

  save_headline (f, "Mine1");
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (f->sidecar_path, &st), ==, 0);
  text = read_text (f->sidecar_path);
  mark = strstr (text, "Mine1");
  g_assert_nonnull (mark);
  memcpy (mark, "Them2", 5);
  g_assert_true (g_file_set_contents (f->sidecar_path, text, -1, NULL));
  {
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    g_assert_cmpint (utimensat (AT_FDCWD, f->sidecar_path, times, 0), ==, 0);
  }

  g_assert_false (save_field (photo, CAPTIONER_FIELD_CREDIT, "Reuters", &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  after = read_text (f->sidecar_path);
  g_assert_cmpstr (after, ==, text);
}

/* A second Captioner waits while the first holds the lock, then saves. */
static void
test_lock_waits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CaptionerSidecarLock *lock;
  const char *argv[] = { CAPTIONER_CLI, "set", f->path, "--headline", "second", NULL };
  GPid pid;
  int status = 0;
  g_autoptr(CaptionerPhoto) photo = NULL;

  save_headline (f, "first");
  lock = captioner_sidecar_lock (f->sidecar, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, &error));
  g_usleep (500 * 1000);
  g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);   /* still waiting */
  captioner_sidecar_unlock (lock);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_HEADLINE], ==,
                   "second");
}

/* An empty lock file (its writer killed between creating and filling it) is taken over after
 * a moment. */
static void
test_empty_lock_taken_over (Fixture       *f,
                            gconstpointer  data)
{
  save_headline (f, "first");
  put (f, ".photo.jpg.xmp.captioner-lock", "", FALSE);
  save_headline (f, "second");
  {
    g_autofree char *names = listing (f->dir);
    g_assert_cmpstr (names, ==, "photo.jpg photo.jpg.xmp");
  }
}

/* The lock-read-write sequence the desk uses, and the sidecar API's own conflict checks. */
static void
test_locked_api (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = g_bytes_new_static ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>\n", 37);
  g_autoptr(GBytes) second = g_bytes_new_static ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" />\n", 38);
  g_autoptr(GBytes) current = NULL;
  GStatBuf st;

  g_assert_true (captioner_sidecar_write (f->sidecar, NULL, first, NULL, &error));
  g_assert_no_error (error);
  /* Expected nothing, there is something: a conflict. */
  g_assert_false (captioner_sidecar_write (f->sidecar, NULL, second, NULL, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Expected something else. */
  g_assert_false (captioner_sidecar_write (f->sidecar, second, second, NULL, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Permissions are kept across a replace. */
  g_assert_cmpint (g_chmod (f->sidecar_path, 0640), ==, 0);
  {
    g_autoptr(CaptionerSidecarLock) lock = captioner_sidecar_lock (f->sidecar, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_test (f->dir, G_FILE_TEST_IS_DIR));
    g_assert_true (captioner_sidecar_read (f->sidecar, &current, NULL, &error));
    g_assert_true (g_bytes_equal (current, first));
    g_assert_true (captioner_sidecar_write_locked (lock, current, second, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_stat (f->sidecar_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  {
    g_autofree char *names = listing (f->dir);
    g_assert_cmpstr (names, ==, "photo.jpg photo.jpg.xmp");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/sidecar-safety/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("too-large", test_too_large);
  ADD ("deep-nesting", test_deep_nesting);
  ADD ("namespace-uri", test_namespace_uri);
  ADD ("leftovers", test_leftovers);
  ADD ("old-sidecar-restored", test_old_sidecar_restored);
  ADD ("change-with-mtime-restored", test_change_with_mtime_restored);
  ADD ("lock-waits", test_lock_waits);
  ADD ("empty-lock-taken-over", test_empty_lock_taken_over);
  ADD ("locked-api", test_locked_api);
#undef ADD
  return g_test_run ();
}
