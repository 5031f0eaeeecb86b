/* security_lock.c: metadata locks and the forked transaction runner.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib-unix.h>

#include "security/security_lock.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_SECURITY

#define LOCK_DEFAULT_ATTEMPTS 10000
#define LOCK_DEFAULT_SLEEP_US 1000

static unsigned int lockAttempts = LOCK_DEFAULT_ATTEMPTS;
static unsigned int lockSleepUs = LOCK_DEFAULT_SLEEP_US;
static gint forkCount;

typedef struct {
    char *path;
    int fd;
} virSecurityLockedPath;

struct _virSecurityMetadataLock {
    GArray *held;               /* of virSecurityLockedPath */
};


void
virSecurityMetadataLockSetRetries(unsigned int attempts, unsigned int sleep_us)
{
    lockAttempts = attempts ? attempts : LOCK_DEFAULT_ATTEMPTS;
    lockSleepUs = sleep_us ? sleep_us : LOCK_DEFAULT_SLEEP_US;
}


static int
virSecurityComparePaths(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}


/* Filesystems shared between hosts, where root may be squashed and an
 * open can fail although the file is fine. */
static bool
virSecurityIsSharedFS(const char *path)
{
    static const unsigned long magics[] = {
        0x6969,         /* NFS */
        0xFF534D42,     /* CIFS */
        0xFE534D42,     /* SMB2 */
        0x517B,         /* SMB */
        0x01161970,     /* GFS2 */
        0x7461636f,     /* OCFS2 */
        0x00c36400,     /* Ceph */
        0x65735546,     /* FUSE (glusterfs, ...) */
        0x47504653,     /* GPFS */
        0x01021997,     /* 9p */
        0x5346414F,     /* AFS */
    };
    struct statfs sb;
    size_t i;

    if (statfs(path, &sb) < 0)
        return false;
    for (i = 0; i < G_N_ELEMENTS(magics); i++) {
        if ((unsigned long)sb.f_type == magics[i])
            return true;
    }
    return false;
}


/* An fd to lock `path` through, -1 to skip it (logged), -2 on an error
 * (reported). */
static int
virSecurityOpenForLock(const char *path)
{
    struct stat sb;
    int fd;

    if (stat(path, &sb) < 0) {
        VIR_DEBUG("Not locking %s: cannot stat it", path);
        return -1;
    }
    if (S_ISDIR(sb.st_mode)) {
        VIR_DEBUG("Not locking directory %s", path);
        return -1;
    }
    if (S_ISSOCK(sb.st_mode)) {
        /* A socket cannot be opened; a connection stands in for it. */
        struct sockaddr_un addr = { .sun_family = AF_UNIX };

        if (strlen(path) >= sizeof(addr.sun_path)) {
            VIR_DEBUG("Not locking socket %s: path too long", path);
            return -1;
        }
        strcpy(addr.sun_path, path);
        if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
            return -1;
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
            VIR_DEBUG("Not locking socket %s: nobody listens on it", path);
            close(fd);
            return -1;
        }
        return fd;
    }

    if ((fd = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) >= 0)
        return fd;
    if (errno == EROFS) {
        VIR_DEBUG("Not locking %s: read-only filesystem", path);
        return -1;
    }
    if (virSecurityIsSharedFS(path)) {
        VIR_DEBUG("Not locking %s: cannot open it on a shared filesystem", path);
        return -1;
    }
    virReportSystemError(errno, "unable to open %s", path);
    return -2;
}


/* 0 locked, -1 skipped (the filesystem has no locks), -2 error. */
static int
virSecurityLockFd(int fd, const char *path)
{
    unsigned int attempt;

    for (attempt = 0; attempt < lockAttempts; attempt++) {
        struct flock fl = {
            .l_type = F_WRLCK,
            .l_whence = SEEK_SET,
            .l_start = 1,
            .l_len = 1,
        };

        if (fcntl(fd, F_SETLK, &fl) == 0)
            return 0;
        if (errno == EACCES || errno == EAGAIN) {
            g_usleep(lockSleepUs);
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS) {
            VIR_DEBUG("Not locking %s: locks not supported here", path);
            return -1;
        }
        break;
    }
    virReportSystemError(errno, "unable to lock %s for metadata change", path);
    return -2;
}


virSecurityMetadataLock *
virSecurityMetadataLockNew(const char *const *paths, size_t npaths)
{
    g_autofree const char **sorted = g_new0(const char *, npaths + 1);
    virSecurityMetadataLock *lock = g_new0(virSecurityMetadataLock, 1);
    size_t i;

    lock->held = g_array_new(FALSE, FALSE, sizeof(virSecurityLockedPath));
    if (npaths)
        memcpy(sorted, paths, npaths * sizeof(*paths));
    qsort(sorted, npaths, sizeof(*sorted), virSecurityComparePaths);

    for (i = 0; i < npaths; i++) {
        virSecurityLockedPath held;
        int fd;
        int rc;

        if (i > 0 && g_str_equal(sorted[i], sorted[i - 1]))
            continue;
        if ((fd = virSecurityOpenForLock(sorted[i])) == -2)
            goto error;
        if (fd < 0)
            continue;
        if ((rc = virSecurityLockFd(fd, sorted[i])) < 0) {
            close(fd);
            if (rc == -2)
                goto error;
            continue;
        }
        held.path = g_strdup(sorted[i]);
        held.fd = fd;
        g_array_append_val(lock->held, held);
    }
    return lock;

 error:
    virSecurityMetadataLockFree(lock);
    return NULL;
}


bool
virSecurityMetadataLockHolds(virSecurityMetadataLock *lock, const char *path)
{
    size_t i;

    if (!lock)
        return false;
    for (i = 0; i < lock->held->len; i++) {
        if (g_str_equal(g_array_index(lock->held, virSecurityLockedPath, i).path,
                        path))
            return true;
    }
    return false;
}


void
virSecurityMetadataLockFree(virSecurityMetadataLock *lock)
{
    size_t i;

    if (!lock)
        return;
    for (i = 0; i < lock->held->len; i++) {
        virSecurityLockedPath *held =
            &g_array_index(lock->held, virSecurityLockedPath, i);
        struct flock fl = {
            .l_type = F_UNLCK,
            .l_whence = SEEK_SET,
            .l_start = 1,
            .l_len = 1,
        };

        /* close() would drop it anyway; unlock first for clarity. */
        fcntl(held->fd, F_SETLK, &fl);
        close(held->fd);
        g_free(held->path);
    }
    g_array_unref(lock->held);
    g_free(lock);
}


/* ---- the forked runner ---- */

/* What a failing child writes to the pipe: this header, then the message
 * (len bytes, no NUL). */
typedef struct {
    int32_t domain;
    int32_t code;
    int32_t level;
    uint32_t len;
} virSecurityForkError;


static void
virSecurityWriteAll(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        len -= n;
    }
}


static G_GNUC_NORETURN void
virSecurityForkChild(int fd, virSecurityForkFunc cb, void *opaque)
{
    int rc = cb(opaque);

    if (rc < 0) {
        virErrorPtr err = virErrorLastObject();
        const char *msg = err->message ? err->message :
                          "an unknown error occurred in the child process";
        virSecurityForkError hdr = {
            .domain = err->code ? err->domain : VIR_FROM_SECURITY,
            .code = err->code ? err->code : VIR_ERR_INTERNAL_ERROR,
            .level = err->code ? (int32_t)err->level : VIR_ERR_ERROR,
            .len = strlen(msg),
        };

        virSecurityWriteAll(fd, &hdr, sizeof(hdr));
        virSecurityWriteAll(fd, msg, hdr.len);
    }
    /* No atexit handlers or stdio flushing: they belong to the parent. */
    _exit(rc < 0 ? 125 : 0);
}


int
virSecurityRunInFork(virSecurityForkFunc cb, void *opaque)
{
    g_autoptr(GByteArray) data = NULL;
    int fds[2];
    pid_t pid;
    int status = 0;

    if (!g_unix_open_pipe(fds, FD_CLOEXEC, NULL)) {
        virReportSystemError(errno, "%s", "cannot create pipe");
        return -1;
    }

    /* virlog holds its mutex across fork (pthread_atfork), so the child
     * may log. */
    g_atomic_int_inc(&forkCount);
    if ((pid = fork()) < 0) {
        virReportSystemError(errno, "%s", "cannot fork child process");
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        virSecurityForkChild(fds[1], cb, opaque);
    }

    close(fds[1]);
    /* Allocated only now: the child _exit()s without freeing, and memory
     * it inherited would count as its leak under valgrind. */
    data = g_byte_array_new();
    while (true) {
        guint8 buf[1024];
        ssize_t n = read(fds[0], buf, sizeof(buf));

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        g_byte_array_append(data, buf, n);
    }
    close(fds[0]);

    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            virReportSystemError(errno, "failed to wait for child process %lld",
                                 (long long)pid);
            return -1;
        }
    }

    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;

    if (data->len >= sizeof(virSecurityForkError)) {
        virSecurityForkError hdr;
        g_autofree char *msg = NULL;

        memcpy(&hdr, data->data, sizeof(hdr));
        if (hdr.len <= data->len - sizeof(hdr)) {
            msg = g_strndup((const char *)data->data + sizeof(hdr), hdr.len);
            virRaiseErrorFull(__FILE__, __func__, __LINE__, hdr.domain,
                              hdr.code, hdr.level, NULL, NULL, NULL, 0, 0,
                              "%s", msg);
            return -1;
        }
    }
    if (WIFSIGNALED(status))
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "child process %lld was killed by signal %d",
                       (long long)pid, WTERMSIG(status));
    else
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "child process %lld exited with status %d",
                       (long long)pid, WEXITSTATUS(status));
    return -1;
}


unsigned int
virSecurityForkCount(void)
{
    return (unsigned int)g_atomic_int_get(&forkCount);
}
