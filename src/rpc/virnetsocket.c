/* virnetsocket.c: stream sockets; see virnetsocket.h.
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
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "rpc/virnetsocket.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC

static int listenBacklog = 1000;


void
virNetSocketSetListenBacklog(int backlog)
{
    listenBacklog = backlog > 0 ? backlog : 1;
}


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
    if (listen(fd, listenBacklog) < 0) {
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
        if (fd >= 0) {
            int one = 1;

            /* Replies are small and awaited: no Nagle delay on TCP (a
             * unix socket refuses the option, harmlessly). */
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
            return fd;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK ||
            errno == ECONNABORTED)
            return -2;
        virReportSystemError(errno, "%s", "Unable to accept client");
        return -1;
    }
}


/* As virNetSocketRead, but -2 at the end of the stream, unreported. */
static ssize_t
socketRead(int fd, char *buf, size_t len)
{
    ssize_t n;

    for (;;) {
        n = read(fd, buf, len);
        if (n > 0)
            return n;
        if (n == 0)
            return -2;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        virReportSystemError(errno, "%s", "Cannot recv data");
        return -1;
    }
}


static void
reportEOF(void)
{
    virReportSystemError(EIO, "%s", "End of file while reading data");
}


ssize_t
virNetSocketRead(int fd, char *buf, size_t len)
{
    ssize_t n = socketRead(fd, buf, len);

    if (n == -2) {
        reportEOF();
        return -1;
    }
    return n;
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


/* ---- TCP ---------------------------------------------------------------- */

int
virNetSocketListenTCP(const char *addr, const char *port, int **fds)
{
    struct addrinfo hints, *ai = NULL, *p;
    g_autoptr(GArray) got = g_array_new(FALSE, FALSE, sizeof(int));
    int err;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    if ((err = getaddrinfo(addr, port, &hints, &ai)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to resolve address '%s' service '%s': %s",
                       addr ? addr : "*", port, gai_strerror(err));
        return -1;
    }
    /* With port 0 every address must get the port the first one got. */
    for (p = ai; p; p = p->ai_next) {
        int one = 1;
        int fd;

        fd = socket(p->ai_family, p->ai_socktype | SOCK_CLOEXEC |
                    SOCK_NONBLOCK, p->ai_protocol);
        if (fd < 0) {
            if (errno == EAFNOSUPPORT)
                continue;
            virReportSystemError(errno, "%s", "Unable to create socket");
            goto error;
        }
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (p->ai_family == AF_INET6)
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
        if (got->len > 0 && strcmp(port, "0") == 0) {
            int bound = virNetSocketGetLocalPort(g_array_index(got, int, 0));

            if (p->ai_family == AF_INET6)
                ((struct sockaddr_in6 *)p->ai_addr)->sin6_port = htons(bound);
            else if (p->ai_family == AF_INET)
                ((struct sockaddr_in *)p->ai_addr)->sin_port = htons(bound);
        }
        if (bind(fd, p->ai_addr, p->ai_addrlen) < 0) {
            int e = errno;

            close(fd);
            /* A host without IPv6 (or v4) still serves the other. */
            if (e == EADDRNOTAVAIL || e == EAFNOSUPPORT)
                continue;
            virReportSystemError(e, "Unable to bind to port %s", port);
            goto error;
        }
        if (listen(fd, listenBacklog) < 0) {
            virReportSystemError(errno, "%s", "Unable to listen on socket");
            close(fd);
            goto error;
        }
        g_array_append_val(got, fd);
    }
    freeaddrinfo(ai);
    if (got->len == 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "No addresses to bind to for port %s", port);
        return -1;
    }
    *fds = g_memdup2(got->data, got->len * sizeof(int));
    return got->len;

 error:
    freeaddrinfo(ai);
    for (guint i = 0; i < got->len; i++)
        close(g_array_index(got, int, i));
    return -1;
}


int
virNetSocketGetLocalPort(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
        return -1;
    if (ss.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}


int
virNetSocketConnectTCP(const char *host, const char *port)
{
    struct addrinfo hints, *ai = NULL, *p;
    int saved = ECONNREFUSED;
    int fd = -1;
    int one = 1;
    int err;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    if ((err = getaddrinfo(host, port, &hints, &ai)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "unable to resolve '%s:%s': %s", host, port,
                       gai_strerror(err));
        return -1;
    }
    for (p = ai; p; p = p->ai_next) {
        fd = socket(p->ai_family, p->ai_socktype | SOCK_CLOEXEC,
                    p->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        while ((err = connect(fd, p->ai_addr, p->ai_addrlen)) < 0 &&
               errno == EINTR)
            ;
        if (err == 0)
            break;
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    if (fd < 0) {
        virReportSystemError(saved, "unable to connect to server at '%s:%s'",
                             host, port);
        return -1;
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "Failed to make socket non-blocking");
        close(fd);
        return -1;
    }
    return fd;
}


/* ---- a child process as the transport ----------------------------------- */

static char **
commandEnv(const char *const *passEnv)
{
    static const char *const common[] = {
        "HOME", "USER", "LOGNAME", "TMPDIR", "PATH", NULL,
    };
    GPtrArray *env = g_ptr_array_new();
    const char *const *lists[] = { common, passEnv };
    size_t i, j;

    g_ptr_array_add(env, g_strdup("LC_ALL=C"));
    for (i = 0; i < G_N_ELEMENTS(lists); i++) {
        for (j = 0; lists[i] && lists[i][j]; j++) {
            const char *v = getenv(lists[i][j]);

            if (v)
                g_ptr_array_add(env, g_strdup_printf("%s=%s", lists[i][j], v));
        }
    }
    g_ptr_array_add(env, NULL);
    return (char **)g_ptr_array_free(env, FALSE);
}


int
virNetSocketConnectCommand(const char *const *argv,
                           const char *const *passEnv, pid_t *pid,
                           int *errfd)
{
    g_auto(GStrv) envp = commandEnv(passEnv);
    /* Made before fork: the child only writes it. */
    g_autofree char *execFailed = g_strdup_printf("cannot execute binary %s: ",
                                                  argv[0]);
    int sv[2] = { -1, -1 };
    int ep[2] = { -1, -1 };
    pid_t child;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0 ||
        pipe2(ep, O_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "Unable to create socket pair");
        goto error;
    }
    if ((child = fork()) < 0) {
        virReportSystemError(errno, "%s", "cannot fork child process");
        goto error;
    }
    if (child == 0) {
        sigset_t none;
        const char *err;
        int i;

        /* The parent may block or ignore signals the child needs. */
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (i = 1; i < NSIG; i++) {
            if (i != SIGKILL && i != SIGSTOP)
                signal(i, SIG_DFL);
        }
        if (dup2(sv[1], STDIN_FILENO) < 0 || dup2(sv[1], STDOUT_FILENO) < 0 ||
            dup2(ep[1], STDERR_FILENO) < 0)
            _exit(127);
        /* The terminal stays ours: ssh may ask for a password on it. */
        execvpe(argv[0], (char *const *)argv, envp);
        err = strerror(errno);
        if (write(STDERR_FILENO, execFailed, strlen(execFailed)) < 0 ||
            write(STDERR_FILENO, err, strlen(err)) < 0 ||
            write(STDERR_FILENO, "\n", 1) < 0)
            _exit(127);
        _exit(127);
    }
    close(sv[1]);
    close(ep[1]);
    if (fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK) < 0 ||
        fcntl(ep[0], F_SETFL, fcntl(ep[0], F_GETFL) | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "Failed to make socket non-blocking");
        close(sv[0]);
        close(ep[0]);
        virNetSocketReapChild(child);
        return -1;
    }
    *pid = child;
    *errfd = ep[0];
    return sv[0];

 error:
    if (sv[0] >= 0) {
        close(sv[0]);
        close(sv[1]);
    }
    if (ep[0] >= 0) {
        close(ep[0]);
        close(ep[1]);
    }
    return -1;
}


void
virNetSocketReapChild(pid_t pid)
{
    int i;

    if (pid <= 0)
        return;
    /* The socket is closed: a well-behaved bridge exits on its own. */
    for (i = 0; i < 20; i++) {
        pid_t r = waitpid(pid, NULL, WNOHANG);

        if (r == pid || (r < 0 && errno != EINTR))
            return;
        g_usleep(10 * 1000);
    }
    /* Then ask, and after a second insist. */
    kill(pid, SIGTERM);
    for (i = 0; i < 100; i++) {
        pid_t r = waitpid(pid, NULL, WNOHANG);

        if (r == pid || (r < 0 && errno != EINTR))
            return;
        g_usleep(10 * 1000);
    }
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}


/* ---- I/O through TLS or not --------------------------------------------- */

ssize_t
virNetSocketRecv(int fd, virNetTLSSession *tls, char *buf, size_t len)
{
    ssize_t n = virNetSocketRecvQuiet(fd, tls, buf, len);

    if (n == -1 && !virErrorIsSet())
        reportEOF();
    return n;
}


ssize_t
virNetSocketRecvQuiet(int fd, virNetTLSSession *tls, char *buf, size_t len)
{
    ssize_t n = tls ? virNetTLSSessionRead(tls, buf, len)
                    : socketRead(fd, buf, len);

    if (n == -2) {
        virResetLastError();
        return -1;
    }
    return n;
}


ssize_t
virNetSocketSend(int fd, virNetTLSSession *tls, const char *buf, size_t len)
{
    if (tls)
        return virNetTLSSessionWrite(tls, buf, len);
    return virNetSocketWrite(fd, buf, len);
}
