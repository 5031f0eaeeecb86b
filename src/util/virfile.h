/* virfile.h: small file helpers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

/* Read all of `path` (at most `maxlen` bytes) into a new NUL-terminated
 * buffer.  Returns the length, or -1 with a system error naming the file:
 * "Failed to open file '%s'" or "Failed to read file '%s'" (a file larger
 * than `maxlen` fails to read with EINVAL, as in libvirt). */
ssize_t virFileReadAll(const char *path, size_t maxlen, char **buf);

/* Replace `path` by `data` atomically: write a temporary file next to it,
 * fsync it, rename it over `path`, then fsync the directory so the rename
 * survives a crash.  0, or -1 with a system error (`path` unchanged). */
int virFileWriteAtomic(const char *path, const char *data, size_t len,
                       mode_t mode);

/* The other durable changes of a folder of persistent state: remove
 * `path` (absent is fine), or make the symlink `path` -> `target`, then
 * fsync the folder so that the change survives a crash like the write
 * above.  0, or -1 with a system error. */
int virFileRemoveDurable(const char *path);
int virFileSymlinkDurable(const char *target, const char *path);

/* Is `name` (a file name, no folder) a temporary file that
 * virFileWriteAtomic left behind when the process died before renaming
 * it? */
bool virFileIsAtomicTemp(const char *name);

/* Remove such leftovers from `dir` (a daemon does it on start, when no
 * writer can be running).  The number removed, or -1 with a system error
 * if `dir` cannot be read (a missing folder is 0). */
int virFileCleanAtomicTemps(const char *dir);

/* Create `path` and its missing parents (like mkdir -p).  0, or -1 with a
 * system error. */
int virFileMakePath(const char *path, mode_t mode);

bool virFileExists(const char *path);
bool virFileIsDir(const char *path);
