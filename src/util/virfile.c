/* virfile.c: small file helpers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/virfile.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NONE


static int
virFileWriteFull(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= n;
    }
    return 0;
}


ssize_t
virFileReadAll(const char *path, size_t maxlen, char **buf)
{
    g_autofree char *data = NULL;
    size_t alloc = 0;
    size_t len = 0;
    int fd;

    *buf = NULL;
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "Failed to open file '%s'", path);
        return -1;
    }

    for (;;) {
        ssize_t n;

        if (len + 1 >= alloc) {
            alloc = alloc ? alloc * 2 : 4096;
            data = g_realloc(data, alloc);
        }
        n = read(fd, data + len, alloc - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto error;
        }
        if (n == 0)
            break;
        len += n;
        if (len > maxlen) {
            errno = EINVAL;
            goto error;
        }
    }
    close(fd);
    data[len] = '\0';
    *buf = g_steal_pointer(&data);
    return len;

 error:
    {
        int saved = errno;
        close(fd);
        virReportSystemError(saved, "Failed to read file '%s'", path);
    }
    return -1;
}


/* fsync the directory holding `path`, so a rename into it is durable. */
static int
virFileSyncParent(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int ret = 0;

    if (fd < 0)
        return -1;
    /* Some filesystems cannot fsync a directory; that is not an error. */
    if (fsync(fd) < 0 && errno != EINVAL && errno != EROFS)
        ret = -1;
    close(fd);
    return ret;
}


int
virFileWriteAtomic(const char *path, const char *data, size_t len,
                   mode_t mode)
{
    g_autofree char *tmp = g_strdup_printf("%s.new-XXXXXX", path);
    int fd;

    if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode)) < 0) {
        virReportSystemError(errno, "cannot create file '%s'", tmp);
        return -1;
    }
    /* mkstemp ignores the umask-free mode on some systems: set it. */
    if (fchmod(fd, mode) < 0 ||
        virFileWriteFull(fd, data, len) < 0) {
        virReportSystemError(errno, "cannot write data to file '%s'", tmp);
        goto error;
    }
    if (fsync(fd) < 0) {
        virReportSystemError(errno, "cannot sync file '%s'", tmp);
        goto error;
    }
    if (close(fd) < 0) {
        fd = -1;
        virReportSystemError(errno, "cannot save file '%s'", tmp);
        goto error;
    }
    fd = -1;
    if (rename(tmp, path) < 0) {
        virReportSystemError(errno, "cannot rename file '%s' as '%s'",
                             tmp, path);
        goto error;
    }
    if (virFileSyncParent(path) < 0) {
        virReportSystemError(errno, "cannot sync directory of '%s'", path);
        return -1;
    }
    return 0;

 error:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return -1;
}


int
virFileMakePath(const char *path, mode_t mode)
{
    if (g_mkdir_with_parents(path, mode) < 0) {
        virReportSystemError(errno, "failed to create directory '%s'", path);
        return -1;
    }
    return 0;
}


bool
virFileExists(const char *path)
{
    return access(path, F_OK) == 0;
}


bool
virFileIsDir(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}
