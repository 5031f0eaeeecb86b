/* security_lock.h: metadata locks and the forked transaction runner.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Changing a file's owner together with its remembered-owner xattrs is a
 * read-modify-write that other threads, and other daemons sharing the
 * storage, may do at the same time.  It is serialised with an exclusive
 * POSIX (fcntl) write lock on byte 1 of each file.  Such locks belong to
 * the process, so threads of one daemon would not exclude each other, and
 * closing any descriptor of the file drops them: the work therefore runs
 * in a short-lived child process (virSecurityRunInFork) that takes the
 * locks, does the changes and exits.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct _virSecurityMetadataLock virSecurityMetadataLock;

/* Lock `paths` (sorted and deduplicated first, so that two lockers never
 * wait on each other in a cycle).  A busy lock is retried 10,000 times,
 * 1 ms apart.  Paths that cannot be stat'ed, directories, sockets nobody
 * listens on, read-only filesystems, and files that cannot be opened on a
 * network filesystem are skipped, not locked.  NULL with an error set if a
 * lock cannot be had. */
virSecurityMetadataLock *virSecurityMetadataLockNew(const char *const *paths,
                                                    size_t npaths);

/* Whether `path` is one of the locked ones. */
bool virSecurityMetadataLockHolds(virSecurityMetadataLock *lock,
                                  const char *path);

/* Unlock and close everything (NULL-safe). */
void virSecurityMetadataLockFree(virSecurityMetadataLock *lock);

/* Tuning for tests: the number of attempts and the pause between them
 * (defaults 10,000 and 1 ms).  0 restores a default. */
void virSecurityMetadataLockSetRetries(unsigned int attempts,
                                       unsigned int sleep_us);

typedef int (*virSecurityForkFunc)(void *opaque);

/* Run `cb(opaque)` in a child process and wait for it.  Returns what the
 * child returned (0 or -1); a failure comes back with the child's error
 * (code, domain, message) set in the calling thread. */
int virSecurityRunInFork(virSecurityForkFunc cb, void *opaque);

/* How many children virSecurityRunInFork started in this process (lets
 * tests check that remember_owner = 0 forks nothing). */
unsigned int virSecurityForkCount(void);
