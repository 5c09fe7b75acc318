#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "captioner-error.h"
#include "captioner-photo.h"
#include "fault-test-util.h"
#include "test-util.h"

/* The fault tests over a real SFTP share, as two desks meet on one: an sshd of the test's own
 * on 127.0.0.1 (its own configuration, host key, authorized key and port), a session bus of its
 * own, GVfs's sftp backend mounted with `gio mount`, and captioner-cli given sftp:// URIs.
 * Skipped, saying why, when sshd, GVfs's sftp backend or dbus-daemon are missing.
 *
 * CAPTIONER_SFTP_WRITER_ROUNDS changes the number of two-writer rounds (200). */

typedef struct
{
  char  *root;       /* everything of the test's */
  char  *share;      /* the folder served, seen locally */
  char  *share_uri;  /* the same through sftp:// */
  GPid   sshd;
  GPid   bus;
  char  *skip;       /* why the share could not be set up */
} Sandbox;

static Sandbox sandbox;

static gboolean
run (const char * const *argv,
     char              **out,
     char              **err)
{
  int status = 0;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
                     &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

static int
free_port (void)
{
  struct sockaddr_in address = { .sin_family = AF_INET };
  socklen_t length = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  int port;

  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &address, &length), ==, 0);
  port = ntohs (address.sin_port);
  close (fd);
  return port;
}

static gboolean
port_open (int port)
{
  struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons (port) };
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  gboolean open;

  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  open = connect (fd, (struct sockaddr *) &address, sizeof address) == 0;
  close (fd);
  return open;
}

static void
write_file (const char *path,
            const char *text,
            int         mode)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* sshd and the bus go with the test, even when an assertion ends it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts sshd and the session bus, mounts the share; on failure says why in sandbox.skip. */
static void
sandbox_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ssh_dir = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *config = NULL;
  g_autofree char *host_key = NULL;
  g_autofree char *client_key = NULL;
  g_autofree char *client_pub = NULL;
  g_autofree char *authorized = NULL;
  g_autofree char *sshd_config = NULL;
  g_autofree char *wrapper = NULL;
  g_autofree char *path_env = NULL;
  g_autofree char *bus_out = NULL;
  g_autofree char *port_text = NULL;
  int port = free_port ();
  int bus_stdout;
  const char *user = g_get_user_name ();

  if (!g_file_test ("/usr/sbin/sshd", G_FILE_TEST_IS_EXECUTABLE) || !have ("ssh") ||
      !have ("ssh-keygen"))
    {
      sandbox.skip = g_strdup ("no sshd or ssh (openssh-server, openssh-client)");
      return;
    }
  if (!g_file_test ("/usr/libexec/gvfsd-sftp", G_FILE_TEST_IS_EXECUTABLE) ||
      !have ("gio") || !have ("dbus-daemon"))
    {
      sandbox.skip = g_strdup ("no GVfs sftp backend, gio or dbus-daemon (gvfs-backends, "
                               "gvfs-daemons, libglib2.0-bin, dbus)");
      return;
    }

  sandbox.root = g_dir_make_tmp ("captioner-sftp-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (sandbox.root, 0755), ==, 0);
  ssh_dir = g_build_filename (sandbox.root, "ssh", NULL);
  bin = g_build_filename (sandbox.root, "bin", NULL);
  sandbox.share = g_build_filename (sandbox.root, "share", NULL);
  g_assert_cmpint (g_mkdir (ssh_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (bin, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (sandbox.share, 0755), ==, 0);

  host_key = g_build_filename (ssh_dir, "host_key", NULL);
  client_key = g_build_filename (ssh_dir, "client_key", NULL);
  {
    const char *host_argv[] = { "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", host_key, NULL };
    const char *client_argv[] = { "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", client_key,
                                  NULL };
    g_assert_true (run (host_argv, NULL, NULL));
    g_assert_true (run (client_argv, NULL, NULL));
  }
  client_pub = g_strconcat (client_key, ".pub", NULL);
  authorized = g_build_filename (ssh_dir, "authorized_keys", NULL);
  {
    g_autofree char *pub = NULL;
    g_assert_true (g_file_get_contents (client_pub, &pub, NULL, NULL));
    write_file (authorized, pub, 0600);
  }

  /* The server: this test's only, on the loopback, key login for this user, no PAM. */
  sshd_config = g_build_filename (ssh_dir, "sshd_config", NULL);
  {
    g_autofree char *text = g_strdup_printf (
      "Port %d\nListenAddress 127.0.0.1\nHostKey %s\nPidFile %s/sshd.pid\n"
      "AuthorizedKeysFile %s\nStrictModes no\nPasswordAuthentication no\n"
      "KbdInteractiveAuthentication no\nUsePAM no\nPermitRootLogin prohibit-password\n"
      "AllowUsers %s\nSubsystem sftp internal-sftp\nLogLevel ERROR\n",
      port, host_key, ssh_dir, authorized, user);
    write_file (sshd_config, text, 0600);
  }
  /* sshd's privilege separation needs its empty folder (made by the service, which the
   * package install does not start). */
  if (geteuid () == 0 && !g_file_test ("/run/sshd", G_FILE_TEST_IS_DIR))
    g_mkdir_with_parents ("/run/sshd", 0755);
  {
    const char *argv[] = { "/usr/sbin/sshd", "-D", "-e", "-f", sshd_config, NULL };
    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                  die_with_parent, NULL, &sandbox.sshd, &error));
  }
  for (guint i = 0; i < 100 && !port_open (port); i++)
    g_usleep (50 * 1000);
  if (!port_open (port))
    {
      sandbox.skip = g_strdup_printf ("sshd did not start on 127.0.0.1:%d", port);
      return;
    }

  /* The client: GVfs runs `ssh` from PATH; ours adds the test's configuration (its key, no
   * known-hosts file). */
  config = g_build_filename (ssh_dir, "config", NULL);
  {
    g_autofree char *text = g_strdup_printf (
      "Host 127.0.0.1\n  Port %d\n  User %s\n  IdentityFile %s\n  IdentitiesOnly yes\n"
      "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  BatchMode yes\n"
      "  LogLevel ERROR\n", port, user, client_key);
    write_file (config, text, 0600);
  }
  wrapper = g_build_filename (bin, "ssh", NULL);
  {
    g_autofree char *ssh = g_find_program_in_path ("ssh");
    g_autofree char *text = g_strdup_printf ("#!/bin/sh\nexec %s -F %s \"$@\"\n", ssh, config);
    write_file (wrapper, text, 0755);
  }
  path_env = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);
  g_setenv ("PATH", path_env, TRUE);
  /* GVfs keeps its ssh control sockets in the cache folder, metadata in the data folder: ours,
   * not the user's. */
  {
    g_autofree char *cache = g_build_filename (sandbox.root, "cache", NULL);
    g_autofree char *runtime = g_build_filename (sandbox.root, "runtime", NULL);

    g_autofree char *data = g_build_filename (sandbox.root, "data", NULL);

    g_assert_cmpint (g_mkdir (cache, 0700), ==, 0);
    g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);
    g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);   /* gvfsd-metadata */
    /* No udisks or other volume monitors here: without this each GIO client warns. */
    g_setenv ("GVFS_REMOTE_VOLUME_MONITOR_IGNORE", "1", TRUE);
  }

  /* A session bus of our own, started with that PATH, so that gvfsd and its sftp backend
   * (activated through it) find the wrapper. */
  {
    const char *argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address", NULL };
    /* The daemons are GVfs's, not under test: G_DEBUG=fatal-warnings would end gvfsd at its
     * first warning. */
    g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
    char line[512] = { 0 };
    gssize n;

    g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                             G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                             G_SPAWN_STDERR_TO_DEV_NULL,
                                             die_with_parent, NULL, &sandbox.bus, NULL,
                                             &bus_stdout, NULL, &error));
    n = read (bus_stdout, line, sizeof line - 1);
    close (bus_stdout);
    g_assert_cmpint (n, >, 0);
    g_strchomp (line);
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", line, TRUE);
  }
  g_unsetenv ("GIO_USE_VFS");

  sandbox.share_uri = g_strdup_printf ("sftp://%s@127.0.0.1:%d%s", user, port, sandbox.share);
  {
    g_autofree char *err = NULL;
    g_autofree char *mount_uri = g_strdup_printf ("sftp://%s@127.0.0.1:%d/", user, port);
    const char *argv[] = { "gio", "mount", mount_uri, NULL };

    if (!run (argv, NULL, &err))
      {
        sandbox.skip = g_strdup_printf ("gio mount %s failed: %s", mount_uri, err);
        return;
      }
  }
}

static void
sandbox_stop (void)
{
  if (sandbox.share_uri != NULL)
    {
      const char *argv[] = { "gio", "mount", "-u", sandbox.share_uri, NULL };
      run (argv, NULL, NULL);
    }
  /* The bus is left to end with this process (PR_SET_PDEATHSIG): closing it under GIO's own
   * connection to it would be a critical warning. gvfsd ends with the bus. */
  if (sandbox.sshd != 0)
    {
      kill (sandbox.sshd, SIGTERM);
      waitpid (sandbox.sshd, NULL, 0);
    }
  if (sandbox.root != NULL)
    test_remove_tree (sandbox.root);
}

static gboolean
skipped (void)
{
  if (sandbox.skip == NULL)
    return FALSE;
  g_test_skip (sandbox.skip);
  return TRUE;
}

/* A photo in a folder of its own on the share: its local path, its sftp:// URI. */
static char *
make_photo (const char *name,
            char      **uri,
            char      **folder)
{
  g_autofree char *stem = g_strndup (name, strcspn (name, "."));
  g_autofree char *base = NULL;
  char *path;

  *folder = g_build_filename (sandbox.share, stem, NULL);
  g_assert_cmpint (g_mkdir (*folder, 0755), ==, 0);
  path = fault_test_make_photo (*folder, name);
  base = g_path_get_basename (path);
  *uri = g_strconcat (sandbox.share_uri, "/", stem, "/", base, NULL);
  return path;
}

/* Two `captioner-cli set` at once on one photo of the share, through sftp://: an update may be
 * refused (a conflict, reported) but never lost silently. */
static void
test_two_writers (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GBytes) base = NULL;
  guint n = 200, both = 0, conflicts = 0;
  const char *rounds = g_getenv ("CAPTIONER_SFTP_WRITER_ROUNDS");

  if (skipped ())
    return;
  if (rounds != NULL)
    n = MAX (1, atoi (rounds));
  photo = make_photo ("w.jpg", &uri, &folder);
  sidecar = g_strconcat (photo, ".xmp", NULL);
  {
    g_autofree char *err = NULL;
    int status = fault_test_cli (&err, NULL, "set", uri, "--headline", "base", "--city", "base",
                                 NULL);
    if (status != 0)
      g_test_message ("%s", err);
    g_assert_cmpint (status, ==, 0);
  }
  base = fault_test_read (sidecar);
  g_assert_nonnull (base);

  for (guint round = 1; round <= n; round++)
    {
      g_autofree char *headline = g_strdup_printf ("A%u", round);
      g_autofree char *city = g_strdup_printf ("B%u", round);
      const char *a_args[] = { "set", uri, "--headline", headline, NULL };
      const char *b_args[] = { "set", uri, "--city", city, NULL };
      g_autofree char *a_err = NULL;
      g_autofree char *b_err = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(CaptionerMetadata) md = NULL;
      int a_fd, b_fd, a_status, b_status;
      GPid a, b;

      g_assert_true (g_file_set_contents (sidecar, g_bytes_get_data (base, NULL),
                                          g_bytes_get_size (base), NULL));
      a = fault_test_cli_start (&a_fd, a_args);
      b = fault_test_cli_start (&b_fd, b_args);
      a_status = fault_test_wait (a, a_fd, &a_err);
      b_status = fault_test_wait (b, b_fd, &b_err);

      after = fault_test_read (sidecar);
      g_assert_nonnull (after);
      md = fault_test_parse (after);
      g_assert_nonnull (md);
      if (a_status != 0 || b_status != 0)
        g_test_message ("round %u: %s%s", round, a_err, b_err);
      if (a_status == 0)
        g_assert_cmpstr (md->fields[CAPTIONER_FIELD_HEADLINE], ==, headline);
      else
        {
          g_assert_nonnull (strstr (a_err, "another program"));
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_HEADLINE], ==, "base");
        }
      if (b_status == 0)
        g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CITY], ==, city);
      else
        {
          g_assert_nonnull (strstr (b_err, "another program"));
          g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CITY], ==, "base");
        }
      g_assert_true (a_status == 0 || b_status == 0);
      if (a_status == 0 && b_status == 0)
        both++;
      else
        conflicts++;
    }
  {
    g_autofree char *names = fault_test_list (folder);
    g_assert_cmpstr (names, ==, "w.jpg w.jpg.xmp");
  }
  g_test_message ("FIGURES two writers over SFTP (GVfs): %u rounds, %u with both saved one "
                  "after the other, %u with one conflict reported, 0 updates lost",
                  n, both, conflicts);
}

/* Loaded through sftp://, changed on the server by another program that keeps the size and
 * puts the mtime back (GVfs's sftp etag is that whole-second mtime): the save sees it by
 * content and writes nothing; unchanged, it saves, with no file left beside the sidecar. */
static void
test_changed_on_disk (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CaptionerPhoto) loaded = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  char *mark;

  if (skipped ())
    return;
  photo = make_photo ("c.jpg", &uri, &folder);
  sidecar = g_strconcat (photo, ".xmp", NULL);
  file = g_file_new_for_uri (uri);
  g_assert_false (g_file_is_native (file));

  loaded = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  md = captioner_metadata_copy (captioner_photo_get_metadata (loaded));
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, "Mine1");
  g_assert_true (captioner_photo_save (loaded, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);

  loaded = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (sidecar, &st), ==, 0);
  g_assert_true (g_file_get_contents (sidecar, &text, NULL, NULL));
  mark = strstr (text, "Mine1");
  g_assert_nonnull (mark);
  memcpy (mark, "Them2", 5);
  g_assert_true (g_file_set_contents (sidecar, text, -1, NULL));
  {
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    g_assert_cmpint (utimensat (AT_FDCWD, sidecar, times, 0), ==, 0);
  }

  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  g_assert_false (captioner_photo_save (loaded, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (sidecar, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  /* Read again: now it saves, through the share, leaving nothing else there. */
  g_clear_object (&loaded);
  loaded = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (loaded)->fields[CAPTIONER_FIELD_HEADLINE], ==,
                   "Them2");
  g_assert_true (captioner_photo_save (loaded, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *names = fault_test_list (folder);
    g_assert_cmpstr (names, ==, "c.jpg c.jpg.xmp");
  }
}

/* A sidecar on the share that is a symbolic link: refused there too. */
static void
test_symlink (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *target = NULL;
  g_autofree char *err = NULL;
  int status;

  if (skipped ())
    return;
  photo = make_photo ("s.jpg", &uri, &folder);
  sidecar = g_strconcat (photo, ".xmp", NULL);
  target = g_build_filename (sandbox.root, "outside.xmp", NULL);
  g_assert_cmpint (symlink (target, sidecar), ==, 0);
  status = fault_test_cli (&err, NULL, "set", uri, "--headline", "through?", NULL);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "symbolic link"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_unlink (sidecar);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Before any GFile: GIO picks GVfs when it first needs a VFS, over the bus set here. */
  sandbox_start ();
  g_test_add_func ("/captioner/faults/sftp/two-writers", test_two_writers);
  g_test_add_func ("/captioner/faults/sftp/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/captioner/faults/sftp/symlink", test_symlink);
  status = g_test_run ();
  sandbox_stop ();
  return status;
}
