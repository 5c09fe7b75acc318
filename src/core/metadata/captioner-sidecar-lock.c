#define G_LOG_DOMAIN "captioner-sidecar-lock"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "captioner-error.h"
#include "captioner-file-replace.h"
#include "captioner-sidecar.h"

/* The lock between Captioner processes, and the clean-up of what killed saves left. */

#define LOCK_SUFFIX ".captioner-lock"
#define STALE_SUFFIX ".captioner-lock-stale"
#define WAIT_SECONDS 40
#define FOREIGN_STALE_SECONDS 30
#define GARBLED_STALE_SECONDS 2
/* A leftover this old is nobody's work in progress (a save takes milliseconds). */
#define LEFTOVER_SECONDS 60

struct _CaptionerSidecarLock
{
  GFile *sidecar;
  GFile *lock_file;
  char  *token;
};

static char *
read_first_line (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_strdup (g_strstrip (contents));
}

/* Field 22 of /proc/PID/stat: when the process started, to tell a reused pid apart. */
static char *
process_start (guint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GUINT64_FORMAT "/stat", pid);
  g_autofree char *stat = read_first_line (path);
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (stat == NULL || (after = strrchr (stat, ')')) == NULL)
    return NULL;
  fields = g_strsplit (after + 1, " ", 0);
  /* After "pid (comm)": state is field 3, starttime field 22. */
  if (g_strv_length (fields) < 21)
    return NULL;
  return g_strdup (fields[20]);
}

static char *
describe_self (const char *token)
{
  g_autofree char *boot = read_first_line ("/proc/sys/kernel/random/boot_id");
  g_autofree char *start = process_start ((guint64) getpid ());

  return g_strdup_printf ("Captioner is saving the sidecar beside this file.\n"
                          "host=%s\nboot=%s\npid=%d\nstart=%s\ntoken=%s\n",
                          g_get_host_name (), boot ? boot : "", (int) getpid (),
                          start ? start : "", token);
}

static char *
lookup (const char *contents,
        const char *key)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", 0);
  gsize key_length = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_length) == 0 && lines[i][key_length] == '=')
      return g_strdup (lines[i] + key_length + 1);
  return NULL;
}

/* Whether the lock was left by a process of this machine that is gone. */
static gboolean
holder_is_gone (const char *contents)
{
  g_autofree char *host = lookup (contents, "host");
  g_autofree char *boot = lookup (contents, "boot");
  g_autofree char *pid_text = lookup (contents, "pid");
  g_autofree char *start = lookup (contents, "start");
  g_autofree char *our_boot = NULL;
  g_autofree char *now_start = NULL;
  guint64 pid;

  if (host == NULL || g_strcmp0 (host, g_get_host_name ()) != 0 || pid_text == NULL ||
      !g_ascii_string_to_unsigned (pid_text, 10, 1, G_MAXINT, &pid, NULL))
    return FALSE;
  our_boot = read_first_line ("/proc/sys/kernel/random/boot_id");
  if (boot != NULL && *boot != '\0' && our_boot != NULL && g_strcmp0 (boot, our_boot) != 0)
    return TRUE;
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  now_start = process_start (pid);
  return start != NULL && *start != '\0' && now_start != NULL && g_strcmp0 (start, now_start) != 0;
}

static char *
describe_holder (const char *contents)
{
  g_autofree char *host = contents ? lookup (contents, "host") : NULL;
  g_autofree char *pid = contents ? lookup (contents, "pid") : NULL;

  if (host == NULL || pid == NULL)
    return g_strdup ("?");
  return g_strdup_printf ("%s:%s", host, pid);
}

static char *
load_text (GFile *file)
{
  char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;
  return contents;
}

/* Takes a stale lock away by renaming it aside, so that of two takers only one succeeds;
 * when what went aside is not what was judged stale (a new holder came in between), it is
 * put back. */
static void
break_lock (GFile      *lock_file,
            const char *stale_contents)
{
  g_autoptr(GFile) parent = g_file_get_parent (lock_file);
  g_autofree char *base = g_file_get_basename (lock_file);
  g_autofree char *tag = g_strdup_printf ("%s-%08x", STALE_SUFFIX, g_random_int ());
  g_autofree char *aside_name = captioner_file_hidden_name (base, tag);
  g_autoptr(GFile) aside = g_file_get_child (parent, aside_name);
  g_autofree char *moved = NULL;

  if (!g_file_move (lock_file, aside, G_FILE_COPY_NOFOLLOW_SYMLINKS |
                    G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, NULL))
    return;
  moved = load_text (aside);
  if (g_strcmp0 (moved, stale_contents) != 0 &&
      g_file_move (aside, lock_file, G_FILE_COPY_NOFOLLOW_SYMLINKS |
                   G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, NULL))
    return;
  g_file_delete (aside, NULL, NULL);
}

static gint64
age_seconds (GFileInfo *info)
{
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

  if (modified == NULL)
    return 0;
  return g_get_real_time () / G_USEC_PER_SEC - g_date_time_to_unix (modified);
}

/* Empty, or XMP: what a killed g_file_replace() of a sidecar leaves. */
static gboolean
holds_xmp_or_nothing (GFile *file)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char head[512];
  gssize n;

  if (in == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (in), head, sizeof head - 1, NULL, NULL);
  if (n < 0)
    return FALSE;
  head[n] = '\0';
  return n == 0 || strstr (head, "adobe:ns:meta") != NULL || strstr (head, "<?xpacket") != NULL;
}

static gboolean
lock_is_held (GFile      *parent,
              const char *stem)
{
  g_autofree char *name = g_strconcat (".", stem, LOCK_SUFFIX, NULL);
  g_autoptr(GFile) lock_file = g_file_get_child (parent, name);

  return g_file_query_exists (lock_file, NULL);
}

/* One leftover of the folder's: a lock whose process on this machine is gone, a stale lock set
 * aside; and, at least LEFTOVER_SECONDS old, Captioner's own .STEM.captioner-new[-X] and
 * .STEM.captioner-old when STEM's lock is free, and GLib's .goutputstream-X holding XMP. */
static void
clean_leftover (GFile     *parent,
                GFileInfo *info)
{
  const char *name = g_file_info_get_name (info);
  g_autoptr(GFile) child = NULL;
  g_autofree char *stem = NULL;
  const char *mark;

  if (name[0] != '.' || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return;
  child = g_file_get_child (parent, name);
  if (g_str_has_suffix (name, LOCK_SUFFIX))
    {
      g_autofree char *contents = load_text (child);

      /* Another sidecar's lock, left by a process of this machine that was killed. */
      if (contents != NULL && holder_is_gone (contents))
        break_lock (child, contents);
      return;
    }
  if (strstr (name, STALE_SUFFIX) != NULL)
    {
      /* A stale lock set aside by a process killed before it removed it: nobody's. */
      g_file_delete (child, NULL, NULL);
      return;
    }
  if (age_seconds (info) < LEFTOVER_SECONDS)
    return;
  if (g_str_has_prefix (name, ".goutputstream-"))
    {
      if (holds_xmp_or_nothing (child))
        g_file_delete (child, NULL, NULL);
      return;
    }
  mark = strstr (name, ".captioner-");
  if (mark == NULL || mark == name + 1)
    return;
  stem = g_strndup (name + 1, mark - name - 1);
  if (lock_is_held (parent, stem))
    return;
  if (g_str_has_prefix (mark, CAPTIONER_REPLACE_NEW_SUFFIX))
    g_file_delete (child, NULL, NULL);
  /* A shortened name (see captioner_file_hidden_name) does not say where it belongs. */
  else if (g_str_equal (mark, CAPTIONER_REPLACE_OLD_SUFFIX) &&
           !(strlen (stem) == 169 && stem[160] == '~'))
    {
      g_autoptr(GFile) original = g_file_get_child (parent, stem);

      /* The old sidecar, renamed aside by a save killed before the new one took its place. */
      if (!g_file_move (child, original, G_FILE_COPY_NOFOLLOW_SYMLINKS |
                        G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, NULL))
        g_file_delete (child, NULL, NULL);
    }
}

/* Once per folder and process: a folder of thousands of photos is not listed at every save. */
static void
clean_folder_once (GFile *parent)
{
  static GMutex mutex;
  static GHashTable *swept;
  g_autofree char *uri = g_file_get_uri (parent);
  g_autoptr(GFileEnumerator) children = NULL;
  gboolean first;

  g_mutex_lock (&mutex);
  if (swept == NULL)
    swept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (swept, g_strdup (uri));
  g_mutex_unlock (&mutex);
  if (!first)
    return;

  children = g_file_enumerate_children (parent, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) || info == NULL)
        break;
      clean_leftover (parent, info);
    }
}

/* Under the lock: this sidecar's own leftovers, whatever their age. */
static void
clean_own (GFile *sidecar)
{
  g_autoptr(GFile) parent = g_file_get_parent (sidecar);
  g_autofree char *base = g_file_get_basename (sidecar);
  g_autofree char *old_name = captioner_file_hidden_name (base, CAPTIONER_REPLACE_OLD_SUFFIX);
  g_autoptr(GFile) old = g_file_get_child (parent, old_name);

  if (g_file_query_file_type (old, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) !=
      G_FILE_TYPE_REGULAR)
    return;
  /* A save killed between its two renames: the old sidecar goes back in its place. */
  if (g_file_query_exists (sidecar, NULL) ||
      !g_file_move (old, sidecar, G_FILE_COPY_NOFOLLOW_SYMLINKS |
                    G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, NULL))
    g_file_delete (old, NULL, NULL);
}

static gboolean
create_lock (GFile        *lock_file,
             const char   *contents,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileOutputStream) out = g_file_create (lock_file, G_FILE_CREATE_NONE, cancellable,
                                                    error);

  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), contents, strlen (contents), NULL,
                                  cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    {
      g_file_delete (lock_file, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

CaptionerSidecarLock *
captioner_sidecar_lock (GFile         *sidecar,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *lock_name = NULL;
  g_autofree char *token = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(GFile) lock_file = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  gint64 seen_since = 0;
  CaptionerSidecarLock *lock;

  g_return_val_if_fail (G_IS_FILE (sidecar), NULL);

  parent = g_file_get_parent (sidecar);
  base = g_file_get_basename (sidecar);
  lock_name = captioner_file_hidden_name (base, LOCK_SUFFIX);
  lock_file = g_file_get_child (parent, lock_name);
  token = g_uuid_string_random ();
  mine = describe_self (token);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *contents = NULL;
      gint64 now;

      if (create_lock (lock_file, mine, cancellable, &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_file_get_parse_name (sidecar);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
              g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
            captioner_file_set_folder_error (error, local_error->code, name);
          else
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
          return NULL;
        }

      contents = load_text (lock_file);
      if (contents == NULL)
        continue;   /* let go of just now */
      now = g_get_monotonic_time ();
      if (holder_is_gone (contents))
        {
          break_lock (lock_file, contents);
          continue;
        }
      if (g_strcmp0 (contents, seen) != 0)
        {
          g_free (seen);
          seen = g_steal_pointer (&contents);
          seen_since = now;
        }
      else if (now - seen_since > (strstr (seen, "token=") ? FOREIGN_STALE_SECONDS
                                                           : GARBLED_STALE_SECONDS) * G_USEC_PER_SEC)
        {
          break_lock (lock_file, seen);
          continue;
        }
      if (now > deadline)
        {
          g_autofree char *name = g_file_get_parse_name (sidecar);
          g_autofree char *holder = describe_holder (seen);

          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BUSY,
                       _("%s is being saved by another Captioner (%s); try again"), name, holder);
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_usleep (5000 + g_random_int_range (0, 20000));
    }

  lock = g_new0 (CaptionerSidecarLock, 1);
  lock->sidecar = g_object_ref (sidecar);
  lock->lock_file = g_steal_pointer (&lock_file);
  lock->token = g_steal_pointer (&token);
  clean_own (sidecar);
  clean_folder_once (parent);
  return lock;
}

void
captioner_sidecar_unlock (CaptionerSidecarLock *lock)
{
  g_autofree char *contents = NULL;
  g_autofree char *line = NULL;

  if (lock == NULL)
    return;
  /* Only our own: one taken over as stale meanwhile belongs to someone else now. */
  contents = load_text (lock->lock_file);
  line = g_strconcat ("token=", lock->token, "\n", NULL);
  if (contents != NULL && strstr (contents, line) != NULL)
    g_file_delete (lock->lock_file, NULL, NULL);
  g_object_unref (lock->sidecar);
  g_object_unref (lock->lock_file);
  g_free (lock->token);
  g_free (lock);
}

GFile *
captioner_sidecar_lock_get_file (CaptionerSidecarLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);
  return lock->sidecar;
}
