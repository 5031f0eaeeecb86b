/* virnetsocket.h: unix stream sockets for the RPC client and server.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every descriptor returned is close-on-exec and non-blocking; callers
 * poll and read/write with virNetSocketRead/Write.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Listen on `path` (a stale socket file is replaced) with permissions
 * `mode` and, unless `grp` is (gid_t)-1, that group.  The fd, or -1 with
 * a system error. */
int virNetSocketListenUnix(const char *path, mode_t mode, gid_t grp);

/* Connect to the unix socket at `path`.  The fd, or -1 with a system error
 * "Failed to connect socket to '<path>'". */
int virNetSocketConnectUnix(const char *path);

/* Accept one pending connection: the fd, -2 if none is pending, or -1
 * with a system error. */
int virNetSocketAccept(int listenfd);

/* Read/write up to `len` bytes: the count (> 0), 0 if the call would
 * block, or -1 with an error set (end of file is an error: the peer went
 * away). */
ssize_t virNetSocketRead(int fd, char *buf, size_t len);
ssize_t virNetSocketWrite(int fd, const char *buf, size_t len);

/* The peer's credentials of a unix socket; -1 with an error set. */
int virNetSocketGetPeerCred(int fd, uid_t *uid, gid_t *gid, pid_t *pid);
