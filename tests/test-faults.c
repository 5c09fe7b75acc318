#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "fault-test-util.h"
#include "test-util.h"

/* Saves under faults, through `captioner-cli set` as a script or a second desk runs it:
 * SIGKILL at random moments, two writers at once, a full disk, a folder that cannot be written,
 * symbolic links. The sidecar is always a complete version (the old or the new one), nothing is
 * lost without a conflict being reported, nothing is written outside the folder.
 *
 * CAPTIONER_KILL_ROUNDS and CAPTIONER_WRITER_ROUNDS change the number of rounds (300, 200). */

typedef struct
{
  char *dir;
  char *photo;
  char *sidecar;
  char *photo_sum;
} Fixture;

static guint
rounds (const char *variable,
        guint       fallback)
{
  const char *value = g_getenv (variable);
  guint64 n;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 1000000, &n, NULL))
    return n;
  return fallback;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("captioner-faults-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  f->photo = fault_test_make_photo (f->dir, "p.jpg");
  f->sidecar = g_strconcat (f->photo, ".xmp", NULL);
  f->photo_sum = fault_test_sha256 (f->photo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sum = fault_test_sha256 (f->photo);

  /* Whatever happened, the photo itself is untouched. */
  g_assert_cmpstr (sum, ==, f->photo_sum);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->photo);
  g_free (f->sidecar);
  g_free (f->photo_sum);
}

static void
assert_only (const char *dir,
             const char *expected)
{
  g_autofree char *names = fault_test_list (dir);

  g_assert_cmpstr (names, ==, expected);
}

static void
set_headline (Fixture    *f,
              const char *headline)
{
  g_autofree char *err = NULL;
  int status = fault_test_cli (&err, NULL, "set", f->photo, "--headline", headline, NULL);

  if (status != 0)
    g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* 300 saves killed with SIGKILL at a random moment of their run: after each, the sidecar is
 * the complete old version or the complete new one; the next save leaves no temporary file. */
static void
test_kills (Fixture       *f,
            gconstpointer  data)
{
  guint n = rounds ("CAPTIONER_KILL_ROUNDS", 300);
  guint killed = 0, killed_locked = 0, killed_writing = 0, kept_old = 0, got_new = 0;
  gint64 runs[5];
  gint64 run_time;
  g_autofree char *padding = g_strnfill (8000, 'x');

  set_headline (f, "v0");
  /* How long one save takes here (the median of five), to kill within it. */
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      gint64 start = g_get_monotonic_time ();

      set_headline (f, "v0");
      runs[i] = g_get_monotonic_time () - start;
    }
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (runs); j++)
      if (runs[j] < runs[i])
        {
          gint64 t = runs[i];
          runs[i] = runs[j];
          runs[j] = t;
        }
  run_time = runs[2];
  g_test_message ("one save takes %" G_GINT64_FORMAT " µs; kills fall in 20-110 %% of that",
                  run_time);

  for (guint round = 1; round <= n; round++)
    {
      g_autofree char *headline = g_strdup_printf ("v%u", round);
      g_autofree char *body = g_strdup_printf ("Round %u. %s", round, padding);
      const char *args[] = { "set", f->photo, "--headline", headline, "--caption-body", body,
                             NULL };
      g_autoptr(GBytes) before = fault_test_read (f->sidecar);
      g_autoptr(GBytes) after = NULL;
      gint64 delay = g_test_rand_int_range (run_time / 5, run_time * 11 / 10);
      int err_fd;
      GPid pid;
      int status;

      g_assert_nonnull (before);
      pid = fault_test_cli_start (&err_fd, args);
      g_usleep (delay);
      kill (pid, SIGKILL);
      status = fault_test_wait (pid, err_fd, NULL);
      if (status == -1)
        {
          killed++;
          if (exists (f->dir, ".p.jpg.xmp.captioner-lock"))
            killed_locked++;
          if (exists (f->dir, ".p.jpg.xmp.captioner-new"))
            killed_writing++;
        }
      else
        g_assert_cmpint (status, ==, 0);

      after = fault_test_read (f->sidecar);
      g_assert_nonnull (after);
      if (g_bytes_equal (after, before))
        kept_old++;
      else
        {
          g_autoptr(CaptionerMetadata) md = fault_test_parse (after);

          /* Not the old version: then the complete new one, and nothing else. */
          g_assert_nonnull (md);
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_HEADLINE], ==, headline);
          g_assert_true (g_str_has_prefix (md->fields[CAPTIONER_FIELD_CAPTION_BODY], "Round "));
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CAPTION_BODY], ==, body);
          got_new++;
        }

      if (round % 50 == 0)
        {
          /* The next save cleans up what the killed ones left. It must change something: a
           * save killed after replacing the sidecar, before letting go of its lock, already
           * wrote this round's headline, and setting it again saves nothing. */
          g_autofree char *cleanup = g_strdup_printf ("cleanup %u", round);

          set_headline (f, cleanup);
          assert_only (f->dir, "p.jpg p.jpg.xmp");
        }
    }
  set_headline (f, "last");
  assert_only (f->dir, "p.jpg p.jpg.xmp");

  g_test_message ("FIGURES kills: %u rounds, %u killed (%u holding the lock, %u while writing "
                  "the temporary file), %u finished first; sidecar afterwards: %u the old "
                  "version, %u the new one, 0 anything else", n, killed, killed_locked,
                  killed_writing, n - killed, kept_old, got_new);
  g_assert_cmpuint (kept_old + got_new, ==, n);
  /* The kills must land in saves, or the test tests nothing. */
  g_assert_cmpuint (killed, >=, n / 4);
}

/* Two `captioner-cli set` on one photo at the same moment, each changing another field: an
 * update may be refused (a conflict, reported on stderr with a non-zero exit) but never lost
 * silently. */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  guint n = rounds ("CAPTIONER_WRITER_ROUNDS", 200);
  guint both = 0, conflicts = 0, conflicts_at_rename = 0;
  g_autoptr(GBytes) base = NULL;

  {
    g_autofree char *err = NULL;
    g_assert_cmpint (fault_test_cli (&err, NULL, "set", f->photo, "--headline", "base",
                                     "--city", "base", NULL), ==, 0);
  }
  base = fault_test_read (f->sidecar);

  for (guint round = 1; round <= n; round++)
    {
      g_autofree char *headline = g_strdup_printf ("A%u", round);
      g_autofree char *city = g_strdup_printf ("B%u", round);
      const char *a_args[] = { "set", f->photo, "--headline", headline, NULL };
      const char *b_args[] = { "set", f->photo, "--city", city, NULL };
      g_autofree char *a_err = NULL;
      g_autofree char *b_err = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(CaptionerMetadata) md = NULL;
      int a_fd, b_fd, a_status, b_status;
      GPid a, b;

      g_assert_true (g_file_set_contents (f->sidecar, g_bytes_get_data (base, NULL),
                                          g_bytes_get_size (base), NULL));
      a = fault_test_cli_start (&a_fd, a_args);
      b = fault_test_cli_start (&b_fd, b_args);
      a_status = fault_test_wait (a, a_fd, &a_err);
      b_status = fault_test_wait (b, b_fd, &b_err);

      after = fault_test_read (f->sidecar);
      md = fault_test_parse (after);
      g_assert_nonnull (md);
      if (a_status == 0)
        g_assert_cmpstr (md->fields[CAPTIONER_FIELD_HEADLINE], ==, headline);
      else
        {
          g_assert_cmpint (a_status, ==, 1);
          g_assert_nonnull (strstr (a_err, "another program"));
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_HEADLINE], ==, "base");
        }
      if (b_status == 0)
        g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CITY], ==, city);
      else
        {
          g_assert_cmpint (b_status, ==, 1);
          g_assert_nonnull (strstr (b_err, "another program"));
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CITY], ==, "base");
        }
      /* At most one refused: the other one's save is what it conflicted with. */
      g_assert_true (a_status == 0 || b_status == 0);
      if (a_status == 0 && b_status == 0)
        both++;
      else
        conflicts++;
      if (strstr (a_err, "while it was being saved") || strstr (b_err, "while it was being saved"))
        conflicts_at_rename++;
    }
  assert_only (f->dir, "p.jpg p.jpg.xmp");
  g_test_message ("FIGURES two writers: %u rounds, %u with both saved one after the other, "
                  "%u with one conflict reported (%u caught at the rename), 0 updates lost",
                  n, both, conflicts, conflicts_at_rename);
}

/* Runs the CLI as nobody, for whom the folder (root's) cannot be written. */
static void
become_nobody (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    _exit (99);
}

/* A folder the user may not write, with a sidecar they may: GLib would rewrite the sidecar in
 * place (a kill then leaves it empty). Captioner refuses, naming the file, and leaves it as it
 * was. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  GSpawnChildSetupFunc setup = NULL;
  int status;

  set_headline (f, "kept");
  before = fault_test_sha256 (f->sidecar);
  if (geteuid () == 0)
    {
      /* Root writes anywhere: the CLI runs as nobody, who owns only the sidecar. */
      g_assert_cmpint (chown (f->sidecar, 65534, 65534), ==, 0);
      setup = become_nobody;
    }
  else
    g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  status = fault_test_cli (&err, setup, "set", f->photo, "--headline", "lost?", NULL);
  if (geteuid () != 0)
    g_chmod (f->dir, 0755);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, f->sidecar));
  g_assert_nonnull (strstr (err, "the folder cannot be written"));
  after = fault_test_sha256 (f->sidecar);
  g_assert_cmpstr (after, ==, before);
  assert_only (f->dir, "p.jpg p.jpg.xmp");
}

/* A sidecar that is a symbolic link out of the folder (to a file, or dangling): refused;
 * the file it points at is unchanged, a dangling link's target is not created. */
static void
test_symlinks (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *target = g_build_filename (outside, "target.xmp", NULL);
  g_autofree char *sub = g_build_filename (f->dir, "photos", NULL);
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;

  g_assert_cmpint (g_mkdir (outside, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  photo = fault_test_make_photo (sub, "s.jpg");
  sidecar = g_strconcat (photo, ".xmp", NULL);

  for (guint dangling = 0; dangling < 2; dangling++)
    {
      g_autofree char *err = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *sum = NULL;
      g_autofree char *sum_after = NULL;
      int status;

      g_unlink (target);
      g_unlink (sidecar);
      if (!dangling)
        {
          /* A valid sidecar, so that reading it succeeds and the save is what is refused. */
          g_autofree char *seed = g_build_filename (outside, "seed.jpg", NULL);
          g_autofree char *seed_sidecar = NULL;
          g_autofree char *seed_err = NULL;

          g_free (fault_test_make_photo (outside, "seed.jpg"));
          g_assert_cmpint (fault_test_cli (&seed_err, NULL, "set", seed, "--headline",
                                           "outside", NULL), ==, 0);
          seed_sidecar = g_strconcat (seed, ".xmp", NULL);
          g_assert_cmpint (g_rename (seed_sidecar, target), ==, 0);
          g_unlink (seed);
          sum = fault_test_sha256 (target);
        }
      g_assert_cmpint (symlink (target, sidecar), ==, 0);

      status = fault_test_cli (&err, NULL, "set", photo, "--headline", "through?", NULL);
      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, sidecar));
      g_assert_nonnull (strstr (err, "symbolic link"));
      listing = fault_test_list (outside);
      if (dangling)
        g_assert_cmpstr (listing, ==, "");
      else
        {
          g_assert_cmpstr (listing, ==, "target.xmp");
          sum_after = fault_test_sha256 (target);
          g_assert_cmpstr (sum_after, ==, sum);
        }
      g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_SYMLINK));
      assert_only (sub, "s.jpg s.jpg.xmp");
    }
}

static gboolean
fill_up (const char *path)
{
  g_autofree char *block = g_malloc0 (4096);
  FILE *file = fopen (path, "w");
  gboolean full = FALSE;

  g_assert_nonnull (file);
  setvbuf (file, NULL, _IONBF, 0);
  while (!full)
    full = fwrite (block, 1, 4096, file) < 4096;
  fclose (file);
  return full;
}

/* A full disk (a 256 KiB tmpfs, in a mount namespace of this test's own): the save fails with
 * the system's message naming the sidecar, and the old sidecar is byte for byte as it was, with
 * no temporary file left; then the same on a read-only file system. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (f->dir, "disk", NULL);
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *before = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'w');

  if (geteuid () != 0)
    {
      g_test_skip ("not root: a small tmpfs cannot be mounted to fill up (run as root, as CI does)");
      return;
    }
  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  /* Our own mount namespace: the tmpfs goes with the test process, even when it fails. */
  if (unshare (CLONE_NEWNS) != 0 || mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", disk, "tmpfs", 0, "size=256k") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a tmpfs here (%s)", g_strerror (errno));
      g_test_skip (why);
      return;
    }
  photo = fault_test_make_photo (disk, "d.jpg");
  sidecar = g_strconcat (photo, ".xmp", NULL);
  filler = g_build_filename (disk, "filler", NULL);
  {
    g_autofree char *err = NULL;
    g_assert_cmpint (fault_test_cli (&err, NULL, "set", photo, "--headline", "kept", NULL), ==, 0);
  }
  before = fault_test_sha256 (sidecar);

  /* Completely full, then with room for the lock and a little: both fail the same way. */
  for (guint room = 0; room < 2; room++)
    {
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_autofree char *listing = NULL;
      int status;

      g_assert_cmpint (truncate (filler, 0), >=, -1);
      g_assert_true (fill_up (filler));
      if (room)
        {
          GStatBuf st;

          /* All but 12 KiB filled: the lock and the start of the temporary file fit. */
          g_assert_cmpint (g_stat (filler, &st), ==, 0);
          g_assert_cmpint (truncate (filler, MAX (0, st.st_size - 12 * 1024)), ==, 0);
        }
      status = fault_test_cli (&err, NULL, "set", photo, "--caption-body", big, NULL);
      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, sidecar));
      g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
      after = fault_test_sha256 (sidecar);
      g_assert_cmpstr (after, ==, before);
      listing = fault_test_list (disk);
      g_assert_cmpstr (listing, ==, "d.jpg d.jpg.xmp filler");
    }

  /* Read-only file system: refused before anything is written. */
  g_unlink (filler);
  g_assert_cmpint (mount ("tmpfs", disk, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  {
    g_autofree char *err = NULL;
    g_autofree char *after = NULL;
    int status = fault_test_cli (&err, NULL, "set", photo, "--headline", "lost?", NULL);

    g_test_message ("%s", err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, sidecar));
    g_assert_nonnull (strstr (err, "the folder cannot be written"));
    after = fault_test_sha256 (sidecar);
    g_assert_cmpstr (after, ==, before);
  }
  umount (disk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/faults/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("kills", test_kills);
  ADD ("two-writers", test_two_writers);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("symlinks", test_symlinks);
  ADD ("full-disk", test_full_disk);
#undef ADD
  return g_test_run ();
}
