/* rollout-file.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading and saving .rollout files.
 *
 * Saving never leaves the user's file half-written: the new text goes to a
 * temporary file in the same folder, is flushed to disk, and then renamed
 * over the old one in a single step, so at every moment the file on disk is
 * either the complete old version or the complete new one. Temporary files
 * carry the writer's process id, so one left behind by a process that was
 * killed is recognised and removed by the next save.
 */

#define G_LOG_DOMAIN "rollout-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rollout-file.h"

#define TEMP_MARK ".rollout-save-"

/**
 * rollout_file_load:
 * @file: the plan's location
 * @cancellable: (nullable): a #GCancellable
 * @out_diagnostics: (out) (optional) (element-type RolloutDiagnostic): every
 *   problem found, when the plan is invalid
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the plan
 */
RolloutProject *
rollout_file_load (GFile         *file,
                   GCancellable  *cancellable,
                   GPtrArray    **out_diagnostics,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (out_diagnostics != NULL)
    *out_diagnostics = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "this is a folder, not a plan");
      return NULL;
    }
  if (g_file_info_get_size (info) > ROLLOUT_FILE_MAX_SIZE)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_TOO_LARGE,
                   "the file is too large (%" G_GINT64_FORMAT " MiB; at most %d MiB)",
                   g_file_info_get_size (info) / (1024 * 1024),
                   ROLLOUT_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return rollout_file_read (contents, length, out_diagnostics, error);
}

/* Removes temporary files that earlier saves of @base left in @dir when
 * their process died before renaming them. */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", base, TEMP_MARK, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      const char *rest;
      char *end = NULL;
      long pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      pid = strtol (rest, &end, 10);
      if (end == rest || *end != '-' || pid <= 0)
        continue;
      /* A live writer's file is left alone. */
      if (pid != (long) getpid () && (kill ((pid_t) pid, 0) == 0 || errno != ESRCH))
        continue;
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    }
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s “%s”: %s", what, display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
replace_local (const char  *target,
               const char  *contents,
               gsize        length,
               GError     **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  mode_t mode = 0666;
  gsize written = 0;
  int fd;
  int dir_fd;

  /* Save through a symbolic link to the file it points at. */
  resolved = realpath (target, NULL);
  if (resolved == NULL)
    resolved = g_strdup (target);

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);

  if (stat (resolved, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          errno = EISDIR;
          return set_errno_error (error, EISDIR, "Could not save", resolved);
        }
      mode = st.st_mode & 07777;
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  remove_stale_temporaries (dir, base);

  temp = g_strdup_printf ("%s/.%s" TEMP_MARK "%ld-XXXXXX", dir, base, (long) getpid ());
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, "Could not save in the folder of", resolved);

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temp);
          return set_errno_error (error, saved, "Could not save", resolved);
        }
      written += n;
    }

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (temp);
      return set_errno_error (error, saved, "Could not save", resolved);
    }
  if (close (fd) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved, "Could not save", resolved);
    }

  if (g_rename (temp, resolved) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved, "Could not save", resolved);
    }

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/**
 * rollout_file_replace_contents:
 * @file: where to write
 * @contents: the bytes
 * @length: their length
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Replaces @file's contents atomically: readers see the old or the new
 * contents, never a mix, whatever happens while writing.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_file_replace_contents (GFile         *file,
                               const char    *contents,
                               gsize          length,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local (path, contents, length, error);

  /* Remote locations (GVfs): GIO writes a temporary and renames it where the
   * backend can, which is the best that can be done there. */
  return g_file_replace_contents (file, contents, length, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, cancellable, error);
}

/**
 * rollout_file_save:
 * @project: a #RolloutProject
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @project in canonical form, atomically. On failure the file on
 * disk is untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_file_save (RolloutProject  *project,
                   GFile           *file,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = rollout_file_write (project, &length);
  return rollout_file_replace_contents (file, contents, length, cancellable, error);
}
