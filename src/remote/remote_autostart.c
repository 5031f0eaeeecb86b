/* remote_autostart.c: a user's session daemon, started on first use.
 *
 * A client of a session URI (not root, local socket, no socket= given)
 * that finds nobody listening starts the daemon itself, as libvirt's
 * clients start libvirtd: `DAEMON --timeout=120`, detached, then waits for
 * its socket.  The daemon is $VIRTKITD_PATH, else $LIBVIRTD_PATH (the
 * variable libvirt's clients read), else virtkitd in our sbindir;
 * LIBVIRT_AUTOSTART=0 turns this off.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "remote/remote_autostart.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

/* How long a started daemon gets to listen (libvirt's clients wait ~10 s). */
#define AUTOSTART_WAIT_MS 10000
#define AUTOSTART_STEP_MS 50


static const char *
daemonPath(void)
{
    const char *path = getenv("VIRTKITD_PATH");

    if (!path || !*path)
        path = getenv("LIBVIRTD_PATH");
    if (!path || !*path)
        path = SBINDIR "/virtkitd";
    return path;
}


/* Starts PATH --timeout=120 in a new session with stdio on /dev/null, so it
 * outlives the client and is nobody's child (the middle process exits at
 * once and is reaped here).  Only async-signal-safe calls after fork(). */
static int
spawnDetached(const char *path)
{
    char *const argv[] = { (char *)path, (char *)"--timeout=120", NULL };
    int status;
    pid_t pid;

    if (access(path, X_OK) < 0) {
        virReportSystemError(errno, "cannot start the session daemon '%s'",
                             path);
        return -1;
    }
    pid = fork();
    if (pid < 0) {
        virReportSystemError(errno, "%s", "cannot fork the session daemon");
        return -1;
    }
    if (pid == 0) {
        int null;

        if (setsid() < 0)
            _exit(1);
        if (fork() != 0)
            _exit(0);
        if ((null = open("/dev/null", O_RDWR)) >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            if (null > STDERR_FILENO)
                close(null);
        }
        execv(path, argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return 0;
}


/* Whether nobody serves the socket at PATH yet (nothing there, or a
 * socket file left by a daemon that is gone).  A probe connection only:
 * the client makes its own afterwards. */
static bool
nobodyListens(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;
    int err = 0;

    if (strlen(path) >= sizeof(addr.sun_path))
        return false;
    strcpy(addr.sun_path, path);
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
        return false;
    while (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        if (errno != EINTR) {
            err = errno;
            break;
        }
    }
    close(fd);
    return err == ENOENT || err == ECONNREFUSED;
}


virNetClient *
remoteConnectSessionDaemon(const char *sockpath)
{
    const char *autostart = getenv("LIBVIRT_AUTOSTART");
    g_autofree char *dir = NULL;
    int waited;

    if (!nobodyListens(sockpath) || (autostart && strcmp(autostart, "0") == 0))
        return virNetClientNewUnix(sockpath);

    /* the daemon creates its socket folder, but only if it may */
    dir = g_path_get_dirname(sockpath);
    if (g_mkdir_with_parents(dir, 0700) < 0) {
        virReportSystemError(errno, "cannot create '%s'", dir);
        return NULL;
    }
    if (spawnDetached(daemonPath()) < 0)
        return NULL;
    for (waited = 0; waited < AUTOSTART_WAIT_MS && nobodyListens(sockpath);
         waited += AUTOSTART_STEP_MS)
        g_usleep(AUTOSTART_STEP_MS * 1000);
    /* connected, or the error of this last attempt */
    return virNetClientNewUnix(sockpath);
}
