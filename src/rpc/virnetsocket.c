/* virnetsocket.c: unix stream sockets; see virnetsocket.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

/* accept4() and struct ucred */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "rpc/virnetsocket.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC


static int
fillAddress(struct sockaddr_un *addr, const char *path)
{
    memset(addr, 0, sizeof(*addr));
    addr->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(addr->sun_path)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Path %s too long for unix socket", path);
        return -1;
    }
    strcpy(addr->sun_path, path);
    return 0;
}


int
virNetSocketListenUnix(const char *path, mode_t mode, gid_t grp)
{
    struct sockaddr_un addr;
    mode_t oldmask;
    int fd;

    if (fillAddress(&addr, path) < 0)
        return -1;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        virReportSystemError(errno, "%s", "Failed to create socket");
        return -1;
    }
    if (unlink(path) < 0 && errno != ENOENT) {
        virReportSystemError(errno, "Failed to remove stale socket '%s'",
                             path);
        goto error;
    }
    /* Nobody may connect before the permissions are right. */
    oldmask = umask(0777);
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        int err = errno;

        umask(oldmask);
        virReportSystemError(err, "Failed to bind socket to '%s'", path);
        goto error;
    }
    umask(oldmask);
    if (grp != (gid_t)-1 && chown(path, (uid_t)-1, grp) < 0) {
        virReportSystemError(errno, "Failed to change group of '%s'", path);
        goto error_unlink;
    }
    if (chmod(path, mode) < 0) {
        virReportSystemError(errno, "Failed to change mode of '%s'", path);
        goto error_unlink;
    }
    if (listen(fd, 30) < 0) {
        virReportSystemError(errno, "Failed to listen on '%s'", path);
        goto error_unlink;
    }
    return fd;

 error_unlink:
    unlink(path);
 error:
    close(fd);
    return -1;
}


int
virNetSocketConnectUnix(const char *path)
{
    struct sockaddr_un addr;
    int fd;

    if (fillAddress(&addr, path) < 0)
        return -1;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        virReportSystemError(errno, "%s", "Failed to create socket");
        return -1;
    }
    while (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        if (errno == EINTR)
            continue;
        virReportSystemError(errno, "Failed to connect socket to '%s'", path);
        close(fd);
        return -1;
    }
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "Failed to make socket non-blocking");
        close(fd);
        return -1;
    }
    return fd;
}


int
virNetSocketAccept(int listenfd)
{
    int fd;

    for (;;) {
        fd = accept4(listenfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0)
            return fd;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK ||
            errno == ECONNABORTED)
            return -2;
        virReportSystemError(errno, "%s", "Unable to accept client");
        return -1;
    }
}


ssize_t
virNetSocketRead(int fd, char *buf, size_t len)
{
    ssize_t n;

    for (;;) {
        n = read(fd, buf, len);
        if (n > 0)
            return n;
        if (n == 0) {
            virReportSystemError(EIO, "%s",
                                 "End of file while reading data");
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        virReportSystemError(errno, "%s", "Cannot recv data");
        return -1;
    }
}


ssize_t
virNetSocketWrite(int fd, const char *buf, size_t len)
{
    ssize_t n;

    for (;;) {
        n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        virReportSystemError(errno, "%s", "Cannot write data");
        return -1;
    }
}


int
virNetSocketGetPeerCred(int fd, uid_t *uid, gid_t *gid, pid_t *pid)
{
    struct ucred cred;
    socklen_t len = sizeof(cred);

    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0) {
        virReportSystemError(errno, "%s",
                             "Failed to get client socket identity");
        return -1;
    }
    *uid = cred.uid;
    *gid = cred.gid;
    *pid = cred.pid;
    return 0;
}
