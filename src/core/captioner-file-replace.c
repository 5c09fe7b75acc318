#define G_LOG_DOMAIN "captioner-file-replace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "captioner-error.h"
#include "captioner-file-replace.h"

/* A name beside the file, hidden, that stays under NAME_MAX however long the file's name. */
char *
captioner_file_hidden_name (const char *basename,
                            const char *suffix)
{
  if (strlen (basename) <= 180)
    return g_strconcat (".", basename, suffix, NULL);
  return g_strdup_printf (".%.160s~%08x%s", basename, g_str_hash (basename), suffix);
}

static char *
unique_name (const char *basename,
             const char *suffix)
{
  g_autofree char *tag = g_strdup_printf ("%s-%08x", suffix, g_random_int ());

  return captioner_file_hidden_name (basename, tag);
}

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", name,
               g_strerror (saved_errno));
}

/* Creating the temporary file failed: say why the folder matters. */
void
captioner_file_set_folder_error (GError    **error,
                                 int         code,
                                 const char *name)
{
  const char *reason = g_strerror (code == G_IO_ERROR_READ_ONLY ? EROFS : EACCES);

  g_set_error (error, G_IO_ERROR, code,
               _("%s: the folder cannot be written (%s); Captioner writes a new file beside "
                 "the old one and never rewrites it in place"), name, reason);
}

static void
set_symlink_error (GError    **error,
                   const char *name)
{
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_SYMLINK,
               _("%s is a symbolic link: Captioner does not write through it"), name);
}

static void
set_conflict (GError    **error,
              const char *name,
              const char *message)
{
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT, "%s: %s", name, message);
}

/* The checks that need no temporary file: whether the file may be replaced at all, and
 * whether it is (still) what the caller read. */
static gboolean
check_before (gboolean                exists,
              gboolean                is_regular,
              gboolean                is_symlink,
              CaptionerReplaceFlags   flags,
              GBytes                 *expected,
              const char             *name,
              GError                **error)
{
  if (is_symlink)
    {
      set_symlink_error (error, name);
      return FALSE;
    }
  if (exists && !is_regular)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a regular file"), name);
      return FALSE;
    }
  if (exists && (flags & CAPTIONER_REPLACE_FLAGS_CREATE))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS, _("%s exists already"), name);
      return FALSE;
    }
  if (!(flags & CAPTIONER_REPLACE_FLAGS_CHECK))
    return TRUE;
  if (expected == NULL && exists)
    {
      set_conflict (error, name, _("another program created the sidecar since the photo was read"));
      return FALSE;
    }
  if (expected != NULL && !exists)
    {
      set_conflict (error, name, _("another program removed the sidecar since it was read"));
      return FALSE;
    }
  return TRUE;
}

/* ---- Local files: POSIX, relative to the folder's descriptor ---- */

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Whether what fd holds is exactly expected (read from the start, whatever the offset). */
static gboolean
fd_holds (int          fd,
          GBytes      *expected,
          struct stat *st)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (expected, &length);
  guint8 buffer[65536];
  gsize offset = 0;

  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode) || (guint64) st->st_size != length)
    return FALSE;
  while (offset < length)
    {
      gssize n = pread (fd, buffer, MIN (sizeof buffer, length - offset), offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || memcmp (buffer, data + offset, n) != 0)
        return FALSE;
      offset += n;
    }
  /* Nothing after it either. */
  return pread (fd, buffer, 1, offset) == 0;
}

static int
create_temp_local (int                    dirfd,
                   const char            *base,
                   CaptionerReplaceFlags  flags,
                   char                 **temp,
                   const char            *name,
                   GError               **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      int fd;

      g_free (*temp);
      if (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)
        {
          /* Under the lock nobody else writes this name: what is there is a killed save's. */
          *temp = captioner_file_hidden_name (base, CAPTIONER_REPLACE_NEW_SUFFIX);
          unlinkat (dirfd, *temp, 0);
        }
      else
        *temp = unique_name (base, CAPTIONER_REPLACE_NEW_SUFFIX);
      /* O_EXCL: never opens what is there, a symbolic link included. */
      fd = openat (dirfd, *temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd >= 0)
        return fd;
      if (errno == EEXIST && !(flags & CAPTIONER_REPLACE_FLAGS_LOCKED))
        continue;
      if (errno == EACCES || errno == EPERM || errno == EROFS)
        captioner_file_set_folder_error (error, g_io_error_from_errno (errno), name);
      else
        set_errno_error (error, errno, name);
      return -1;
    }
  set_errno_error (error, EEXIST, name);
  return -1;
}

/* Puts temp in base's place; the final content check is part of this step. */
static gboolean
commit_local (int                    dirfd,
              const char            *temp,
              const char            *base,
              gboolean               exists,
              CaptionerReplaceFlags  flags,
              GBytes                *expected,
              const char            *name,
              GError               **error)
{
  struct stat old_st, displaced;
  int old_fd;

  if (!exists && (flags & (CAPTIONER_REPLACE_FLAGS_CREATE | CAPTIONER_REPLACE_FLAGS_CHECK)))
    {
      int result = renameat2 (dirfd, temp, dirfd, base, RENAME_NOREPLACE);

      if (result != 0 && (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP))
        {
          /* No RENAME_NOREPLACE here: link() does not replace either. */
          result = linkat (dirfd, temp, dirfd, base, 0);
          if (result == 0)
            unlinkat (dirfd, temp, 0);
        }
      if (result == 0)
        return TRUE;
      if (errno != EEXIST)
        set_errno_error (error, errno, name);
      else if (flags & CAPTIONER_REPLACE_FLAGS_CHECK)
        set_conflict (error, name, _("another program created the sidecar since the photo was read"));
      else
        g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS, _("%s exists already"), name);
      return FALSE;
    }

  if (!(flags & CAPTIONER_REPLACE_FLAGS_CHECK))
    {
      /* rename() replaces a symbolic link that appeared meanwhile; it never follows it. */
      if (renameat (dirfd, temp, dirfd, base) == 0)
        return TRUE;
      set_errno_error (error, errno, name);
      return FALSE;
    }

  old_fd = openat (dirfd, base, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (old_fd < 0)
    {
      if (errno == ENOENT)
        set_conflict (error, name, _("another program removed the sidecar since it was read"));
      else if (errno == ELOOP)
        set_symlink_error (error, name);
      else
        set_errno_error (error, errno, name);
      return FALSE;
    }
  if (!fd_holds (old_fd, expected, &old_st))
    {
      close (old_fd);
      set_conflict (error, name, _("another program changed the sidecar since it was read"));
      return FALSE;
    }

  /* Swap the two names in one step, then make sure what went out is the file just checked,
   * still unchanged: a writer that slipped in between is caught, and the swap undone. */
  if (renameat2 (dirfd, temp, dirfd, base, RENAME_EXCHANGE) == 0)
    {
      gboolean same = fstatat (dirfd, temp, &displaced, AT_SYMLINK_NOFOLLOW) == 0 &&
                      displaced.st_ino == old_st.st_ino && displaced.st_dev == old_st.st_dev &&
                      fd_holds (old_fd, expected, &old_st);

      close (old_fd);
      if (!same)
        {
          if (renameat2 (dirfd, temp, dirfd, base, RENAME_EXCHANGE) != 0)
            g_warning ("%s: could not undo an exchange: %s", name, g_strerror (errno));
          set_conflict (error, name,
                        _("another program changed the sidecar while it was being saved"));
          return FALSE;
        }
      unlinkat (dirfd, temp, 0);
      return TRUE;
    }
  close (old_fd);
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    {
      set_errno_error (error, errno, name);
      return FALSE;
    }
  /* A file system without RENAME_EXCHANGE: the check above is the last one. */
  if (renameat (dirfd, temp, dirfd, base) == 0)
    return TRUE;
  set_errno_error (error, errno, name);
  return FALSE;
}

static gboolean
replace_local (const char             *path,
               GBytes                 *contents,
               GBytes                 *expected,
               CaptionerReplaceFlags   flags,
               const char             *name,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (contents, &length);
  struct stat st;
  gboolean exists;
  gboolean ok = FALSE;
  gboolean temp_made = FALSE;
  int dirfd, fd = -1;

  dirfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0)
    {
      set_errno_error (error, errno, name);
      return FALSE;
    }
  exists = fstatat (dirfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, errno, name);
      goto out;
    }
  if (!check_before (exists, exists && S_ISREG (st.st_mode), exists && S_ISLNK (st.st_mode),
                     flags, expected, name, error))
    goto out;

  fd = create_temp_local (dirfd, base, flags, &temp, name, error);
  if (fd < 0)
    goto out;
  temp_made = TRUE;
  if (exists)
    {
      /* The new file keeps the old one's permissions and, where allowed, its owner. */
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("%s: permissions not kept: %s", name, g_strerror (errno));
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("%s: owner not kept: %s", name, g_strerror (errno));
    }
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      set_errno_error (error, errno, name);
      goto out;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      set_errno_error (error, errno, name);
      goto out;
    }
  fd = -1;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!commit_local (dirfd, temp, base, exists, flags, expected, name, error))
    goto out;
  temp_made = FALSE;
  /* The rename itself reaches the disk with the folder. */
  if (fsync (dirfd) != 0)
    g_debug ("%s: fsync of the folder: %s", name, g_strerror (errno));
  ok = TRUE;

out:
  if (fd >= 0)
    close (fd);
  if (temp_made)
    unlinkat (dirfd, temp, 0);
  close (dirfd);
  return ok;
}

/* ---- Other GIO files (GVfs) ---- */

static gboolean
gio_holds (GFile        *file,
           GBytes       *expected,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GBytes) now = g_file_load_bytes (file, cancellable, NULL, error);

  return now != NULL && g_bytes_equal (now, expected);
}

/* GVfs's own move with overwrite deletes the target, then renames (sftp v3). Instead: the old
 * file is renamed aside (never replacing anything), checked to be what was expected, and the
 * new one renamed into the free name. A killed save leaves .NAME.captioner-old, which the next
 * save (under the lock) puts back when NAME is missing. */
static gboolean
commit_gio (GFile                  *file,
            GFile                  *temp,
            GFile                  *parent,
            const char             *base,
            gboolean                exists,
            CaptionerReplaceFlags   flags,
            GBytes                 *expected,
            const char             *name,
            GCancellable           *cancellable,
            GError                **error)
{
  const GFileCopyFlags no_follow = G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_NO_FALLBACK_FOR_MOVE;
  g_autofree char *backup_name = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!exists)
    {
      if (g_file_move (temp, file, no_follow, cancellable, NULL, NULL, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      else if (flags & CAPTIONER_REPLACE_FLAGS_CHECK)
        set_conflict (error, name, _("another program created the sidecar since the photo was read"));
      else if (flags & CAPTIONER_REPLACE_FLAGS_CREATE)
        g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS, _("%s exists already"), name);
      else
        return g_file_move (temp, file, no_follow | G_FILE_COPY_OVERWRITE, cancellable, NULL,
                            NULL, error);
      return FALSE;
    }

  if ((flags & CAPTIONER_REPLACE_FLAGS_CHECK) && !gio_holds (file, expected, cancellable, NULL))
    {
      set_conflict (error, name, _("another program changed the sidecar since it was read"));
      return FALSE;
    }
  backup_name = (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)
                ? captioner_file_hidden_name (base, CAPTIONER_REPLACE_OLD_SUFFIX)
                : unique_name (base, CAPTIONER_REPLACE_OLD_SUFFIX);
  backup = g_file_get_child (parent, backup_name);
  if (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)
    g_file_delete (backup, cancellable, NULL);
  if (!g_file_move (file, backup, no_follow, cancellable, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_conflict (error, name, _("another program removed the sidecar since it was read"));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }
  if ((flags & CAPTIONER_REPLACE_FLAGS_CHECK) && !gio_holds (backup, expected, cancellable, NULL))
    {
      /* What went aside is not what was checked: put it back. */
      if (!g_file_move (backup, file, no_follow, NULL, NULL, NULL, &local_error))
        g_warning ("%s: could not put back %s: %s", name, backup_name, local_error->message);
      set_conflict (error, name, _("another program changed the sidecar while it was being saved"));
      return FALSE;
    }
  if (!g_file_move (temp, file, no_follow, cancellable, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          /* Someone wrote a new file in the instant there was none: theirs is the newest. */
          g_file_delete (backup, NULL, NULL);
          set_conflict (error, name, _("another program changed the sidecar while it was being saved"));
        }
      else
        {
          g_file_move (backup, file, no_follow, NULL, NULL, NULL, NULL);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
        }
      return FALSE;
    }
  if (!g_file_delete (backup, NULL, &local_error))
    g_debug ("%s: %s left: %s", name, backup_name, local_error->message);
  return TRUE;
}

static gboolean
replace_gio (GFile                  *file,
             GBytes                 *contents,
             GBytes                 *expected,
             CaptionerReplaceFlags   flags,
             const char             *name,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  guint32 mode = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  exists = info != NULL;
  if (!exists && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }
  g_clear_error (&local_error);
  if (!check_before (exists, exists && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR,
                     exists && (g_file_info_get_is_symlink (info) ||
                                g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK),
                     flags, expected, name, error))
    return FALSE;
  if (exists && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;

  for (guint attempt = 0; out == NULL && attempt < 100; attempt++)
    {
      g_autofree char *temp_name = NULL;

      g_clear_error (&local_error);
      g_clear_object (&temp);
      temp_name = (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)
                  ? captioner_file_hidden_name (base, CAPTIONER_REPLACE_NEW_SUFFIX)
                  : unique_name (base, CAPTIONER_REPLACE_NEW_SUFFIX);
      temp = g_file_get_child (parent, temp_name);
      if (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)
        g_file_delete (temp, cancellable, NULL);
      out = g_file_create (temp, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (out == NULL && (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
                          (flags & CAPTIONER_REPLACE_FLAGS_LOCKED)))
        break;
    }
  if (out == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        captioner_file_set_folder_error (error, local_error->code, name);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (contents, NULL),
                                  g_bytes_get_size (contents), NULL, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (temp, NULL, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }
  if (mode != 0)
    g_file_set_attribute_uint32 (temp, G_FILE_ATTRIBUTE_UNIX_MODE, mode,
                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !commit_gio (file, temp, parent, base, exists, flags, expected, name, cancellable, error))
    {
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
captioner_file_replace (GFile                  *file,
                        GBytes                 *contents,
                        GBytes                 *expected,
                        CaptionerReplaceFlags   flags,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  name = g_file_get_parse_name (file);
  path = g_file_is_native (file) ? g_file_peek_path (file) : NULL;
  if (path != NULL)
    return replace_local (path, contents, expected, flags, name, cancellable, error);
  return replace_gio (file, contents, expected, flags, name, cancellable, error);
}

gboolean
captioner_file_is_symlink (GFile        *file,
                           GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  return info != NULL && (g_file_info_get_is_symlink (info) ||
                          g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK);
}
