/* virnetsocket.h: stream sockets (unix, TCP, a child process's stdio)
 * for the RPC client and server.
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

#include "rpc/virnettlscontext.h"

/* How many connections the listeners made after this call queue before
 * they are accepted (libvirtd.conf's max_queued_clients; 1000 unless set). */
void virNetSocketSetListenBacklog(int backlog);

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

/* Listen on TCP `port` (a number or service name; "0": any free port) at
 * `addr` (NULL: every local address, IPv4 and IPv6).  The fds go to
 * *fds; their count, or -1 with an error. */
int virNetSocketListenTCP(const char *addr, const char *port, int **fds);

/* The local port a listening TCP socket is bound to, or -1. */
int virNetSocketGetLocalPort(int fd);

/* Connect to `host`:`port` over TCP; the fd (non-blocking, no Nagle
 * delay), or -1 with "unable to connect to server at 'host:port': ...". */
int virNetSocketConnectTCP(const char *host, const char *port);

/* Run argv[0] (looked up in PATH) with its stdin and stdout on the
 * returned fd (one end of a socket pair) and its stderr on *errfd (a
 * non-blocking pipe, for error messages).  Like libvirt's clients, the
 * child gets a small environment: LC_ALL=C, HOME, USER, LOGNAME, TMPDIR
 * and PATH, plus the variables named in `passEnv` (NULL-terminated, may
 * be NULL) when set.  -1 with an error if the process cannot be started. */
int virNetSocketConnectCommand(const char *const *argv,
                               const char *const *passEnv, pid_t *pid,
                               int *errfd);

/* Wait for a child started above, terminating it if it is still there
 * after a short grace time. */
void virNetSocketReapChild(pid_t pid);

/* Read/write through the TLS session `tls` when not NULL, else the raw
 * fd; as virNetSocketRead/Write. */
ssize_t virNetSocketRecv(int fd, virNetTLSSession *tls, char *buf,
                         size_t len);
ssize_t virNetSocketSend(int fd, virNetTLSSession *tls, const char *buf,
                         size_t len);
/* As virNetSocketRecv, but a peer that hung up (cleanly or not) is -1
 * with no error set: for a server that is no error to log. */
ssize_t virNetSocketRecvQuiet(int fd, virNetTLSSession *tls, char *buf,
                              size_t len);
